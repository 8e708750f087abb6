import CGRUKernel
@testable import GRUCore

/// A kernel path a test forces: one of the public paths this CPU runs, or the AVX-512 code
/// compiled for AVX2 (so that its logic is checked on CPUs without AVX-512).
enum TestedPath: Sendable, CustomStringConvertible {
    case kernel(GRUKernelPath)
    case avx512OnAVX2

    /// Every path this machine can run.
    static var all: [TestedPath] {
        GRUKernelPath.available.map(TestedPath.kernel)
            + (cgru_path_available(CGRU_PATH_AVX512_CHECK) != 0 ? [.avx512OnAVX2] : [])
    }

    func configure(_ cell: inout GRUCell) {
        switch self {
        case let .kernel(path): cell.kernelPath = path
        case .avx512OnAVX2: cell.testingPath = CGRU_PATH_AVX512_CHECK
        }
    }

    var description: String {
        switch self {
        case let .kernel(path): return path.rawValue
        case .avx512OnAVX2: return "avx512-code-on-avx2"
        }
    }
}
