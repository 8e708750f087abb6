import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// The .npz side: what numpy writes is read, everything else is refused with a message.
@Suite struct NPZFormatTests {
    @Test func fortranOrderIsTransposedToRowMajor() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("fortran.npz"))
        #expect(loaded.weights == (try Fixtures.goldenWeights("pytorch-seq")))
    }

    @Test func float64IsReadAsFloat32() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("float64.npz"))
        #expect(loaded.weights == (try Fixtures.goldenWeights("pytorch-seq")))
    }

    @Test func npyFormatVersions1To3() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("npy-versions.npz"))
        #expect(loaded.weights == (try Fixtures.goldenWeights("pytorch-seq")))
    }

    /// savez_compressed: deflated entries, one of them (86 KiB) larger than an inflate chunk.
    @Test func savezCompressedIsInflated() throws {
        let weights = try WeightFile.load(path: Fixtures.weights("compressed.npz")).weights
        func pattern(_ row: Int, _ column: Int, _ seed: Int) -> Float {
            Float(((row * 7 + column * 3 + seed) % 17) - 8) / 16
        }
        #expect(weights.variant == .pytorch)
        #expect(weights.inputSize == 600 && weights.hiddenSize == 12)
        var mismatches = 0
        let w = weights.inputWeights, u = weights.recurrentWeights
        let inputBias = weights.inputBias, recurrentBias = weights.recurrentBias
        for row in 0..<36 {
            for column in 0..<600 where w[row * 600 + column] != pattern(row, column, 1) {
                mismatches += 1
            }
            for column in 0..<12 where u[row * 12 + column] != pattern(row, column, 2) {
                mismatches += 1
            }
            if inputBias[row] != pattern(0, row, 3) { mismatches += 1 }
            if recurrentBias[row] != pattern(0, row, 4) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func integerDtypeIsRefusedWithWhatWasFound() {
        let path = Fixtures.weights("int64.npz")
        #expect(Fixtures.failure(path) == "\(path): array 'weight_hh' has dtype '<i8' (integers); gruscope reads "
            + "float32 or float64 arrays (little-endian): convert it with arr.astype('<f4') before saving")
    }

    @Test(arguments: [
        ("big-endian.npz", "'weight_hh' has dtype '>f4' (big-endian float32)"),
        ("float16.npz", "'weight_hh' has dtype '<f2' (float16)"),
        ("bool.npz", "'weight_hh' has dtype '|b1' (booleans)"),
        ("object.npz", "'bias_hh' has dtype '|O' (Python objects)"),
    ])
    func otherDtypesAreRefused(_ file: String, _ expected: String) {
        let path = Fixtures.weights(file)
        let message = Fixtures.failure(path)
        #expect(message.hasPrefix("\(path): array \(expected); gruscope reads float32 or float64 arrays (little-endian)"))
    }

    @Test func nanIsRefusedWithArrayAndIndex() {
        let path = Fixtures.weights("nan.npz")
        #expect(Fixtures.failure(path) == "\(path): array 'weight_hh' holds NaN at [3][4]; weights must be finite numbers")
    }

    @Test func infinityIsRefusedWithArrayAndIndex() {
        let path = Fixtures.weights("inf.npz")
        #expect(Fixtures.failure(path) == "\(path): array 'bias_ih' holds -inf at [5]; weights must be finite numbers")
    }

    @Test func wrongShapeNamesBothShapesAndWhy() {
        let path = Fixtures.weights("wrong-shape.npz")
        #expect(Fixtures.failure(path)
            == "\(path): array 'weight_hh' has shape 24×7, expected 24×8 (3H×H with H=8 from 'weight_ih')")
    }

    @Test func missingArrayIsNamedWithWhatWasFound() {
        let path = Fixtures.weights("missing.npz")
        #expect(Fixtures.failure(path) == "\(path): array 'bias_hh' is missing: a PyTorch GRU needs weight_ih, "
            + "weight_hh, bias_ih and bias_hh; found 'weight_ih', 'weight_hh', 'bias_ih'")
    }

    @Test func truncatedArchiveIsRefused() {
        let path = Fixtures.weights("truncated.npz")
        #expect(Fixtures.failure(path) == "\(path): the archive is truncated or damaged: the directory at the end "
            + "of the zip is missing; save the weights again with numpy.savez")
    }

    @Test func notAZipIsRefused() {
        let path = Fixtures.weights("not-a-zip.npz")
        #expect(Fixtures.failure(path) == "\(path): gruscope cannot tell what this file is (it starts with bytes "
            + "77 65 69 67 68 74 5F 69); it reads \(WeightFormat.readable)")
    }

    @Test func emptyAndLoneNPYFilesAreRefused() throws {
        let directory = try TemporaryDirectory()
        let empty = try directory.write("empty.npz", "")
        #expect(Fixtures.failure(empty).hasPrefix("\(empty): the file is empty"))
        let lone = try directory.write("lone.npz", bytes: NPYDecoder.magic + [1, 0, 0, 0])
        #expect(Fixtures.failure(lone)
            == "\(lone): this is a single .npy array, not an .npz archive; save all the weights with numpy.savez")
    }

    @Test func headerClaimingMoreDataThanPresentIsRefused() {
        let path = Fixtures.weights("header-claims-more.npz")
        #expect(Fixtures.failure(path) == "\(path): array 'weight_hh' is truncated: its header claims shape 24×9 "
            + "of float32 (864 bytes) but only 768 bytes follow")
    }

    @Test func declaredSizesPastOneGiBAreRefusedBeforeInflating() {
        let path = Fixtures.weights("bomb-declared.npz")
        #expect(Fixtures.failure(path) == "\(path): its entries would unpack to 1.2 GiB, more than the 1 GiB "
            + "gruscope allows; one GRU's weights are far smaller, so the archive is damaged or not weights")
    }

    @Test func inflatingPastTheDeclaredSizeIsStopped() throws {
        let path = Fixtures.weights("bomb-lying.npz")
        // The .npy header, read first, already claims more than the entry's declared size…
        #expect(Fixtures.failure(path) == "\(path): array 'weight_hh' is truncated: its header claims shape 3072×256 "
            + "of float32 (3145728 bytes) but only 768 bytes follow")
        // …and inflating the whole entry stops at that size.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let directory = try ZipDirectory(bytes: bytes)
        let entry = try #require(directory.entries.first { $0.name == "weight_hh.npy" })
        #expect(throws: FileProblem("entry 'weight_hh.npy' unpacks to more than the 896 bytes it declares; "
            + "the archive is damaged or hostile")) { try directory.contents(of: entry) }
    }

    @Test func deflateStreamThatNeverEndsIsRefused() throws {
        let path = Fixtures.weights("endless-deflate.npz")
        #expect(Fixtures.failure(path)
            == "\(path): array 'weight_hh' is not a .npy array (it does not start with the bytes \\x93NUMPY)")
        let directory = try ZipDirectory(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        let entry = try #require(directory.entries.first { $0.name == "weight_hh.npy" })
        #expect(throws: FileProblem("entry 'weight_hh.npy' is damaged: its compressed data ends too early")) {
            try directory.contents(of: entry)
        }
    }

    @Test func unsupportedCompressionIsRefused() {
        let path = Fixtures.weights("bzip2.npz")
        #expect(Fixtures.failure(path) == "\(path): entry 'weight_ih.npy' uses zip compression method 12; gruscope "
            + "reads stored or deflated entries, as numpy.savez and numpy.savez_compressed write them")
    }

    @Test func fileOver256MiBIsRefusedBeforeReading() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("huge.npz").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("PK".utf8)))
        // A sparse file: the size is there, the disk blocks are not.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(WeightFile.maximumFileSize) + 1)
        try handle.close()
        #expect(Fixtures.failure(path) == "\(path): the file has 268435457 bytes (256 MiB), more than the 256 MiB gruscope reads; "
            + "one GRU's weights are far smaller, so check that this is the right file")
    }

    /// Every way of cutting the file short ends in a message, never a trap or a hang.
    @Test func everyTruncationEndsInAMessage() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.golden("pytorch-seq.weights.npz"))))
        let directory = try TemporaryDirectory()
        for length in stride(from: 0, to: original.count, by: 37) {
            let path = try directory.write("cut.npz", bytes: Array(original[0..<length]))
            let message = Fixtures.failure(path)
            #expect(message.hasPrefix("\(path): ") && !message.contains("\n"), "cut at \(length): \(message)")
        }
    }

    /// Damaged bytes anywhere either still load (a timestamp, say) or end in a one-line message.
    @Test func corruptedBytesNeverTrap() throws {
        let directory = try TemporaryDirectory()
        for source in ["pytorch-seq.weights.npz", "tf-seq.weights.npz"] {
            let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.golden(source))))
            for position in stride(from: 0, to: original.count, by: 11) {
                for value: UInt8 in [0x00, 0xFF, original[position] ^ 0x5A] {
                    var damaged = original
                    damaged[position] = value
                    let path = try directory.write("damaged.npz", bytes: damaged)
                    do {
                        _ = try WeightFile.load(path: path)
                    } catch {
                        #expect(error.message.hasPrefix("\(path): ") && !error.message.contains("\n"))
                    }
                }
            }
        }
    }

    @Test func deflatedCopiesOfDamagedEntriesAreCaughtByTheChecksum() throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.weights("compressed.npz"))))
        // The first entry's deflate data starts after its 30-byte local header, name and extra field.
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        let dataStart = 30 + nameLength + extraLength
        bytes[dataStart + 200] ^= 0x01
        let directory = try TemporaryDirectory()
        let path = try directory.write("flipped.npz", bytes: bytes)
        let message = Fixtures.failure(path)
        #expect(message.hasPrefix("\(path): entry 'weight_ih.npy' is damaged"), "\(message)")
    }
}
