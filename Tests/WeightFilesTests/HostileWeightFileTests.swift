import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// Hostile weight files: each gives one clear line, in bounded time and memory, and a pickle
/// never runs anything (scripts/make-hostile-torch-fixtures.py proves each malicious file does
/// run code under pickle.load; here it must not).
@Suite struct HostileWeightFileTests {
    static let hostile = Fixtures.root.appendingPathComponent("hostile")
    static let marker = "/tmp/gruscope-hostile-pickle-ran"

    static func path(_ name: String) -> String { hostile.appendingPathComponent(name).path }

    @Test func maliciousPicklesNeverRun() throws {
        try? FileManager.default.removeItem(atPath: Self.marker)
        for name in ["torch-system.pt", "torch-eval.pt", "torch-exec.pt", "torch-system-legacy.pt",
                     "torch-system-protocol4.pt", "system.pkl"] {
            let path = Self.path(name)
            #expect(throws: WeightFileError.self) { try WeightFile.catalogue(path: path) }
            #expect(throws: WeightFileError.self) { try WeightFile.load(path: path) }
        }
        #expect(!FileManager.default.fileExists(atPath: Self.marker), "a pickle's __reduce__ ran")
        let system = Self.path("torch-system.pt")
        #expect(Fixtures.failure(system) == "\(system): its pickle names 'posix.system', which a state_dict never needs, "
            + "and gruscope never runs or imports anything from a pickle; gruscope reads a state_dict saved with "
            + "torch.save(model.state_dict(), \"gru.pth\")")
        let eval = Self.path("torch-eval.pt")
        #expect(Fixtures.failure(eval).contains("its pickle names '__builtin__.eval'"))
        let pickle = Self.path("system.pkl")
        #expect(Fixtures.failure(pickle).hasPrefix("\(pickle): this is a Python pickle but not one torch.save wrote"))
    }

    /// A .npy header nested past `PythonLiteral.maximumDepth` is refused as unreadable, in one
    /// line, rather than recursing on: the limit lets exactly that many levels through.
    @Test func aDeeplyNestedNPYHeaderIsRefused() throws {
        func nested(_ depth: Int) -> String { String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        #expect(PythonLiteral.parse(nested(PythonLiteral.maximumDepth)) != nil)
        #expect(PythonLiteral.parse(nested(PythonLiteral.maximumDepth + 1)) == nil)
        #expect(PythonLiteral.parse(nested(100_000)) == nil)
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': \(nested(200)) }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [2, 0] + TestZip.le32(header.utf8.count) + Array(header.utf8) + [0, 0, 0, 0]
        #expect(throws: FileProblem.self) { try NPYDecoder.decode(bytes[...], name: "deep") }
        do {
            _ = try NPYDecoder.decode(bytes[...], name: "deep")
        } catch {
            #expect(error.text.contains("has a .npy header gruscope cannot read: {'descr'"))
            #expect(!error.text.contains("\n"))
        }
    }

    @Test func aWholePickledModelAsksForTheStateDict() {
        let path = Self.path("torch-module.pt")
        #expect(Fixtures.failure(path) == "\(path): it holds a whole pickled model (it names the class "
            + "'torch.nn.modules.rnn.GRU'), not a state_dict, and gruscope never runs a pickle; gruscope reads a "
            + "state_dict saved with torch.save(model.state_dict(), \"gru.pth\")")
    }

    @Test(arguments: [
        ("torch-huge-shape.pt", "array 'weight_ih' has shape 3×89478144 with 268434432 elements but its data holds 4; the file is damaged"),
        ("torch-stride-zero.pt", "array 'weight_ih' has shape 12288×4096 with 50331648 elements but its data holds 4; the file is damaged"),
        ("torch-offset-past-end.pt", "array 'weight_ih' has shape 3×1 with elements up to index 4 but its data holds 4; the file is damaged"),
        ("torch-missing-storage.pt", "array 'weight_ih' lives in storage '7', which the archive lacks; the file is damaged"),
        ("st-offsets-past-end.safetensors", "tensor 'weight_ih' in its header has data from byte 0 to 1073741824 of 12; the file is damaged or not safetensors"),
        ("st-header-past-end.safetensors", "its header length (the first 8 bytes) is past the end of the file or over 95.3 MiB; the file is truncated or not safetensors"),
    ])
    func absurdSizesAreRefusedFromTheHeaders(_ name: String, _ message: String) {
        let path = Self.path(name)
        #expect(Fixtures.failure(path) == "\(path): \(message)")
    }

    @Test func aLegacyStorageCountPastTheFileIsRefused() {
        let path = Self.path("torch-legacy-huge-storage.pt")
        let message = Fixtures.failure(path)
        #expect(message.hasPrefix("\(path): its storage '") && message.hasSuffix(
            "claims 1152921504606846976 elements of 4 bytes but only 456 bytes remain; the file is truncated"), "\(message)")
    }

    /// Issue 10, memory 3: 1 MB that declares a 1 GiB weight_ih (I = 89 478 144) is refused from
    /// its header, before anything is inflated or packed (packing would have taken 11 GiB).
    @Test func aDeclaredGigabyteIsRefusedBeforeInflating() {
        let path = Self.path("npz-declares-1gib.npz")
        #expect(Fixtures.failure(path) == "\(path): I=89478144 inputs is more than the 65536 gruscope allows; "
            + "the file is damaged or not one GRU's weights")
    }

    /// Issue 10, memory 3, the JSON and uncompressed variants: sizes past the limits are refused
    /// before packing.
    @Test func sizesPastTheLimitsAreRefusedInEveryFormat() throws {
        let directory = try TemporaryDirectory()
        let wide = GRUSizeLimits.maximumInputSize + 1
        let row = "[" + Array(repeating: "0", count: wide).joined(separator: ",") + "]"
        let json = try directory.write("wide.json", """
            {"weight_ih": [\(row), \(row), \(row)], "weight_hh": [[0], [0], [0]], "bias_ih": [0, 0, 0], "bias_hh": [0, 0, 0]}
            """)
        #expect(Fixtures.failure(json) == "\(json): I=\(wide) inputs is more than the 65536 gruscope allows; "
            + "the file is damaged or not one GRU's weights")
        let npz = try directory.write("wide.npz", bytes: TestZip.stored([
            ("weight_ih.npy", TestZip.npy(shape: [3, wide])), ("weight_hh.npy", TestZip.npy(shape: [3, 1])),
        ]))
        #expect(Fixtures.failure(npz).hasSuffix(": I=\(wide) inputs is more than the 65536 gruscope allows; "
            + "the file is damaged or not one GRU's weights"))
        // Within I and H but past the packed size (a file that big is past the file limit, so
        // the rule is checked on its own).
        #expect(GRUSizeLimits.problem(inputSize: 8192, hiddenSize: 16384, resetAfter: true)
            == "I=8192, H=16384 would take 4608 MiB of weights, more than the 1024 MiB gruscope allows")
        #expect(GRUSizeLimits.problem(inputSize: 512, hiddenSize: 1024, resetAfter: true) == nil)
    }

    /// Issue 10, hang 7: 20 000 GRUs in one zip whose central entries all point at one local
    /// entry, and 5 000 in a JSON file: catalogued in one pass over the names, and the message is
    /// clipped. (Checked by what is built, not by timing.)
    @Test func thousandsOfGRUsAreListedInOnePassAndBriefly() throws {
        let directory = try TemporaryDirectory()
        let names = (0..<20_000).flatMap { k in ["weight_ih", "weight_hh"].map { "g\(k).\($0).npy" } }
        let large = try directory.write("many.npz", bytes: TestZip.overlapping(names: names, npy: TestZip.npy(shape: [3, 1])))
        // One group per GRU, each found by its prefix in one pass (the quadratic version compared
        // every GRU's prefix with every other's: over 120 s in a release build).
        let groups = NamedArrayCatalogue.group(names, stripNPY: true)
        #expect(groups.count == 20_000 && groups.allSatisfy { $0.names.values.joined().count == 2 })
        let catalogue = try WeightFile.catalogue(path: large)
        #expect(catalogue.infos.count == 20_000)
        let message = Fixtures.failure(large)
        #expect(message.hasPrefix("\(large): it holds 20000 GRUs: 'g0', 'g1'") && message.contains("and 19988 more"))
        #expect(message.count < 600, "the line is clipped: \(message.count) characters")
        var json = "{"
        for k in 0..<5_000 {
            json += "\"gru\(k).weight_ih\": [[1], [2], [3]], \"gru\(k).weight_hh\": [[1], [2], [3]], "
        }
        json += "\"end\": 0}"
        let path = try directory.write("many.json", json)
        let jsonMessage = Fixtures.failure(path)
        #expect(jsonMessage.contains("it holds 5000 GRUs") && jsonMessage.count < 600)
    }

    /// Pickles built to hurt: deep nesting, memo abuse, cycles, lengths past the end.
    @Test(arguments: [
        ("memo never stored", [0x80, 0x02, 0x68, 0x07, 0x2E],
         "its pickle is damaged: a memo entry 7 that was never stored at byte 3; save the state_dict again"),
        ("huge memo index", [0x80, 0x02, 0x7D, 0x72, 0xFF, 0xFF, 0xFF, 0xFF, 0x6A, 0xFF, 0xFF, 0xFF, 0xFF, 0x2E],
         "it holds no arrays"),
        ("a dict inside itself", [0x80, 0x02, 0x7D, 0x71, 0x00, 0x58, 0x01, 0, 0, 0, 0x61, 0x68, 0x00, 0x73, 0x2E],
         "it holds no arrays"),
        ("a string past the end", [0x80, 0x02, 0x58, 0xFF, 0xFF, 0xFF, 0x7F, 0x61],
         "its pickle is cut off at byte 7; the file is truncated"),
        ("no STOP", [0x80, 0x02, 0x7D], "the pickle ends before its STOP opcode; the file is truncated"),
        ("a global name past the limit", [0x80, 0x02, 0x63] + Array(repeating: 0x61, count: 300) + [0x0A, 0x61, 0x0A, 0x2E],
         "its pickle is damaged: a GLOBAL name longer than 256 bytes at byte 259; save the state_dict again"),
        ("protocol 0 text", [0x80, 0x02, 0x49, 0x31, 0x0A, 0x2E],
         "its pickle holds the opcode 0x49 at byte 2, which a state_dict saved by torch.save never has; gruscope reads a state_dict saved with torch.save(model.state_dict(), \"gru.pth\")"),
    ] as [(String, [UInt8], String)])
    func abusivePicklesEndInOneLine(_ what: String, _ pickle: [UInt8], _ message: String) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("abuse.pt", bytes: TestZip.stored([("archive/data.pkl", pickle)]))
        #expect(Fixtures.failure(path) == "\(path): \(message)", "\(what)")
    }

    /// 200 000 nested tuples: no recursion, so no stack to exhaust, and nothing left to free
    /// recursively.
    @Test func deeplyNestedPicklesEndInOneLine() throws {
        let directory = try TemporaryDirectory()
        let pickle: [UInt8] = [0x80, 0x02] + [UInt8](repeating: 0x28, count: 200_000)
            + [UInt8](repeating: 0x74, count: 200_000) + [0x2E]
        let path = try directory.write("deep.pt", bytes: TestZip.stored([("archive/data.pkl", pickle)]))
        #expect(Fixtures.failure(path) == "\(path): it holds a tuple, not a state_dict (a dict of tensors); gruscope reads "
            + "a state_dict saved with torch.save(model.state_dict(), \"gru.pth\")")
        let lists: [UInt8] = [0x80, 0x02, 0x7D] + Array(repeating: [0x58, 1, 0, 0, 0, 0x61, 0x7D], count: 100_000).flatMap { $0 }
            + Array(repeating: 0x73 as UInt8, count: 100_000) + [0x2E]
        let nested = try directory.write("nested.pt", bytes: TestZip.stored([("archive/data.pkl", lists)]))
        #expect(Fixtures.failure(nested) == "\(nested): it holds no arrays", "dicts nested 100 000 deep are read 8 deep")
    }

    /// Every cut and every corrupted byte of a real torch.save file ends in a message.
    @Test(arguments: ["torch-stacked-bi.pth", "torch-stacked-bi-legacy.pt", "st-stacked-bi.safetensors"])
    func truncatedAndCorruptedFilesEndInAMessage(_ name: String) throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: TorchFormatTests.model(name))))
        for length in stride(from: 0, to: original.count, by: 7) {
            let bytes = Array(original.prefix(length))
            do {
                _ = try WeightFile.load(bytes: bytes, name: "cut", selection: CellSelection(prefix: name.hasPrefix("torch") ? nil : "gru"))
            } catch {
                #expect(!error.message(file: "cut").contains("\n"))
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<4 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = WeightFile.exercise(bytes)
        }
    }
}

/// Zip archives assembled by hand for hostile tests: stored entries with their CRCs.
enum TestZip {
    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }

    /// A float32 .npy header for `shape`, followed by its zero data unless `data` is false.
    static func npy(shape: [Int], data: Bool = true) -> [UInt8] {
        let dims = shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? "," : "")
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(dims)), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0] + le16(header.utf8.count) + Array(header.utf8)
        if data { bytes += [UInt8](repeating: 0, count: 4 * shape.reduce(1, *)) }
        return bytes
    }

    /// The zip CRC-32.
    static func crc32(_ bytes: [UInt8]) -> Int {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return Int(~crc)
    }

    private static func local(_ name: String, size: Int, crc: Int) -> [UInt8] {
        le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc) + le32(size) + le32(size)
            + le16(name.utf8.count) + le16(0) + Array(name.utf8)
    }

    private static func central(_ name: String, size: Int, crc: Int, offset: Int) -> [UInt8] {
        le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc) + le32(size)
            + le32(size) + le16(name.utf8.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset)
            + Array(name.utf8)
    }

    private static func end(count: Int, directorySize: Int, directoryOffset: Int) -> [UInt8] {
        le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count) + le32(directorySize) + le32(directoryOffset) + le16(0)
    }

    static func stored(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var body: [UInt8] = []
        var directory: [UInt8] = []
        for (name, contents) in entries {
            let crc = crc32(contents)
            directory += central(name, size: contents.count, crc: crc, offset: body.count)
            body += local(name, size: contents.count, crc: crc) + contents
        }
        return body + directory + end(count: entries.count, directorySize: directory.count, directoryOffset: body.count)
    }

    /// One local entry, and a central entry per name pointing at it (issue 10's overlapping zip).
    static func overlapping(names: [String], npy: [UInt8]) -> [UInt8] {
        let crc = crc32(npy)
        let body = local("shared.npy", size: npy.count, crc: crc) + npy
        var directory: [UInt8] = []
        for name in names { directory += central(name, size: npy.count, crc: crc, offset: 0) }
        // ZIP64 is not needed: the count field saturates at 65535, so give the real count there
        // through the ZIP64 records when it is larger.
        guard names.count >= 0xFFFF else {
            return body + directory + end(count: names.count, directorySize: directory.count, directoryOffset: body.count)
        }
        let zip64Offset = body.count + directory.count
        func le64(_ value: Int) -> [UInt8] { (0..<8).map { UInt8(value >> (8 * $0) & 0xFF) } }
        let record = le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0) + le64(names.count)
            + le64(names.count) + le64(directory.count) + le64(body.count)
        let locator = le32(0x0706_4B50) + le32(0) + le64(zip64Offset) + le32(1)
        return body + directory + record + locator
            + (le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(directory.count)
                + le32(body.count) + le16(0))
    }
}
