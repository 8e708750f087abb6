import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// Stored numbers are converted a block at a time (``StoredFloat/floats(in:count:)``); every
/// value must come out as the element-by-element reading gives it, and the format table behind
/// `gruscope weights --help` must cover every format gruscope tells apart.
@Suite struct StoredFloatTests {
    private static func bytes<T>(_ values: [T]) -> [UInt8] {
        values.withUnsafeBytes { Array($0) }
    }

    private static func expectBlockMatchesElements(_ type: StoredFloat, _ bytes: [UInt8], _ comment: Comment) {
        let count = bytes.count / type.size
        bytes.withUnsafeBytes { raw in
            let block = type.floats(in: raw, count: count)
            #expect(block.count == count)
            let mismatch = (0..<count).first { k in
                block[k].bitPattern != type.value(in: raw, at: k * type.size).0.bitPattern
                    && !(block[k].isNaN && type.value(in: raw, at: k * type.size).0.isNaN)
            }
            #expect(mismatch == nil, comment)
        }
    }

    @Test func everyHalfAndBFloat16ConvertsAsOneByOne() {
        let all = Self.bytes((0...UInt16.max).map { $0.littleEndian })
        Self.expectBlockMatchesElements(.float16, all, "float16")
        Self.expectBlockMatchesElements(.bfloat16, all, "bfloat16")
    }

    @Test func singlesAndDoublesConvertAsOneByOne() {
        let singles: [Float] = [0, -0.0, 1, -1.5, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, .nan, 3.1415927]
        Self.expectBlockMatchesElements(.float32, Self.bytes(singles.map { $0.bitPattern.littleEndian }), "float32")
        let doubles: [Double] = [0, -0.0, 1e-300, 1e300, -2.5, .pi, .leastNonzeroMagnitude, Double(Float.greatestFiniteMagnitude) * 2]
        Self.expectBlockMatchesElements(.float64, Self.bytes(doubles.map { $0.bitPattern.littleEndian }), "float64")
    }

    @Test func aBlockMayStartAnywhere() {
        // Tensors start at any byte of a file: an odd offset must read the same numbers.
        let values: [Float] = [1, 2, 3]
        let shifted = [0x55] + Self.bytes(values.map { $0.bitPattern.littleEndian })
        shifted.withUnsafeBytes { raw in
            #expect(StoredFloat.float32.floats(in: UnsafeRawBufferPointer(rebasing: raw[1...]), count: 3) == values)
        }
    }

    @Test func aNonFiniteStoredValueIsNamedWithItsPosition() {
        let values: [Float] = [1, 2, .infinity, .nan]
        let raw = Self.bytes(values.map { $0.bitPattern.littleEndian })
        raw.withUnsafeBytes { buffer in
            #expect(throws: FileProblem.self) { try TensorLayout.contiguous([2, 2]).gather(buffer, as: .float32, name: "w") }
            do throws(FileProblem) {
                _ = try TensorLayout.contiguous([2, 2]).gather(buffer, as: .float32, name: "w")
            } catch {
                #expect(error.message(file: "f").contains("holds +inf at [1][0]"), "\(error.message(file: "f"))")
            }
        }
    }

    @Test func theHelpTableCoversEveryFormat() {
        let listed = Set(WeightFormat.read + WeightFormat.refused)
        // Formats that are not kinds of weight file a user saves, or share a line with another.
        let unlisted: Set<WeightFormat> = [.otherZip, .empty, .unknown, .tensorFlowCheckpointData]
        #expect(listed.union(unlisted) == Set(WeightFormat.allCases))
        #expect(listed.isDisjoint(with: unlisted) && Set(WeightFormat.read).isDisjoint(with: WeightFormat.refused))
        let help = WeightFormat.helpList
        for format in WeightFormat.read + WeightFormat.refused {
            #expect(help.contains(format.saving), "\(format)")
        }
        for format in WeightFormat.read { #expect(WeightFormat.readable.contains(format.shortName), "\(format)") }
        #expect(help.contains("tf.train.load_checkpoint(\"model.ckpt\")"))
    }
}

/// A .keras archive's model.weights.h5 is read where it lies in the zip, as a window of the
/// archive's bytes: the same HDF5 file anywhere in a buffer reads the same, and a window that
/// cuts it off is refused as a cut-off file.
@Suite struct HDF5WindowTests {
    private static func infos(_ bytes: [UInt8], window: Range<Int>? = nil) throws(FileProblem) -> [GRUCellInfo] {
        try KerasWeights.cells(hdf5: bytes, window: window).map(\.info)
    }

    @Test func aFileInsideOtherBytesReadsAsItself() throws {
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.models("keras-stacked-bi.weights.h5"))))
        let before = [UInt8](repeating: 0x89, count: 77), after = [UInt8](repeating: 0xFF, count: 300)
        let embedded = before + file + after
        let window = before.count..<(before.count + file.count)
        let alone = try Self.infos(file), inside = try Self.infos(embedded, window: window)
        #expect(alone.count == 3 && inside == alone)
        let cells = try KerasWeights.cells(hdf5: embedded, window: window)
        let plain = try KerasWeights.cells(hdf5: file)
        for (a, b) in zip(cells, plain) {
            #expect(try a.decode().weights() == b.decode().weights())
        }
        #expect(throws: FileProblem.self) { try Self.infos(embedded, window: before.count..<(before.count + file.count / 2)) }
        #expect(throws: FileProblem.self) { try Self.infos(embedded, window: 0..<before.count) }
    }
}
