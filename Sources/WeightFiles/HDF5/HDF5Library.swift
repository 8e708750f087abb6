import CHDF5
import Foundation

/// The system's libhdf5, opened with dlopen the first time an HDF5 file is read (see
/// Sources/CHDF5/shim.h for why it is not linked), with its error printing turned off.
///
/// Every use goes through ``withLock(_:)``: a serial build of libhdf5 is not thread-safe, and
/// the lock also turns the library's own error printing off for the calling thread (one clear
/// message per problem is ours to give).
struct HDF5Library: @unchecked Sendable {
    /// The library's functions and predefined ids.
    let api: gs_h5_api

    /// The library, or why it could not be opened; loaded once per process.
    static let shared: Result<HDF5Library, FileProblem> = load()

    private static let lock = NSLock()

    /// Runs `body` with the library to itself.
    static func withLock<T>(_ body: (HDF5Library) throws(FileProblem) -> T) throws(FileProblem) -> T {
        let library = try shared.get()
        lock.lock()
        defer { lock.unlock() }
        // A thread-safe build of the library keeps this setting per thread.
        _ = library.api.fn_H5Eset_auto(gs_h5_default, nil, nil)
        return try body(library)
    }

    private static func load() -> Result<HDF5Library, FileProblem> {
        var api = gs_h5_api()
        var detail = [CChar](repeating: 0, count: 128)
        let status = gs_h5_load(&api, &detail, detail.count)
        let name = String(decoding: detail.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let install = "install it (Debian: apt-get install libhdf5-103-1) or save the weights with numpy.savez"
        switch status {
        case 0:
            break
        case 1:
            return .failure(FileProblem("reading HDF5 needs the HDF5 library (\(name)), which this machine lacks; \(install)"))
        case 2:
            return .failure(FileProblem("the HDF5 library found here has no \(name); \(install)"))
        case 3:
            return .failure(FileProblem(
                "the HDF5 library found here is version \(api.major).\(api.minor).\(api.release); gruscope was built "
                    + "for \(gs_h5_header_major).\(gs_h5_header_minor); \(install)"))
        default:
            return .failure(FileProblem("the HDF5 library failed to start; \(install)"))
        }
        return .success(HDF5Library(api: api))
    }
}
