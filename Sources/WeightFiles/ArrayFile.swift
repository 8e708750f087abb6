import Foundation

/// One numeric array from a NumPy `.npy` file or an `.npz` archive, for data that is not
/// weights (an input sequence). The bytes are decoded by the same readers as weight files
/// (``NPYDecoder``, ``NPZArchive``), with their checks: little-endian float32 or float64, shapes
/// within the data, archives within their unpacked limit, finite values.
public enum ArrayFile {
    /// What the first bytes say a file is.
    public enum Kind: Sendable, Equatable {
        /// `\x93NUMPY`: one array.
        case npy
        /// A zip archive (`PK`): numpy.savez or savez_compressed.
        case npz
    }

    /// The decoded array.
    public struct Decoded: Sendable, Equatable {
        /// Its name in an archive (`arr_0` for `np.savez(f, x)`); empty for an .npy file.
        public let name: String
        /// Outermost dimension first.
        public let shape: [Int]
        /// Row-major, finite.
        public let values: [Float]
    }

    /// Why the array could not be read: one line, without the file's name.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The format the first bytes announce, or nil for anything else.
    public static func kind(of bytes: [UInt8]) -> Kind? {
        if bytes.starts(with: NPYDecoder.magic) { return .npy }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .npz }
        return nil
    }

    /// The one array of an .npy file, or of an .npz archive that holds exactly one; `unpackedLimit`
    /// bounds what an archive may unpack to. Messages call the values `what` ("inputs").
    public static func single(in bytes: [UInt8], unpackedLimit: Int, what: String) throws(Problem) -> Decoded {
        do throws(FileProblem) {
            switch kind(of: bytes) {
            case .npy:
                let array = try NPYDecoder.decode(bytes[...], name: "")
                return Decoded(name: "", shape: array.shape, values: array.values)
            case .npz:
                let archive = try NPZArchive(bytes: bytes, unpackedLimit: unpackedLimit)
                guard archive.arrayNames.count == 1, let name = archive.arrayNames.first else {
                    let found = archive.arrayNames.isEmpty
                        ? "no arrays"
                        : "\(archive.arrayNames.count) arrays (\(OneLine.list(archive.arrayNames)))"
                    throw FileProblem("the archive holds \(found); save the \(what) alone, as one 2-D array: np.save('x.npy', x) or np.savez('x.npz', x)")
                }
                let array = try archive.array(named: name)
                return Decoded(name: name, shape: array.shape, values: array.values)
            case nil:
                throw FileProblem("it is neither an .npy nor an .npz file")
            }
        } catch {
            // The readers speak of weights; here the array holds something else.
            throw Problem(message: OneLine.clean(error.unnamedText.replacingOccurrences(of: "weights must be", with: "\(what) must be")))
        }
    }
}

private extension FileProblem {
    /// The problem's text; the array of an .npy file has no name to quote.
    var unnamedText: String {
        text.replacingOccurrences(of: "array '' ", with: "the array ")
    }
}
