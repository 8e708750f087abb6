import CGRUKernel

/// One compiled variant of the cell's kernels (the C target CGRUKernel carries all of them and
/// picks at run time, so one binary runs on every x86-64 CPU and uses the widest vectors it has).
///
/// Every path computes the same formulas; results differ only by float rounding (well within
/// 1e-5 of the frameworks' traces).
public enum GRUKernelPath: String, CaseIterable, Sendable {
    /// The compiler's baseline: SSE2 on x86-64, NEON on arm64. Runs everywhere.
    case baseline
    /// 256-bit AVX2 with fused multiply-add.
    case avx2
    /// 512-bit AVX-512F.
    case avx512

    /// Whether this CPU and operating system can run the path.
    public var isAvailable: Bool {
        cgru_path_available(cPath) != 0
    }

    /// The widest path this CPU runs; what a new ``GRUCell`` uses.
    public static var best: GRUKernelPath {
        switch cgru_best_path() {
        case CGRU_PATH_AVX512: return .avx512
        case CGRU_PATH_AVX2: return .avx2
        default: return .baseline
        }
    }

    /// The paths this CPU runs, narrowest first.
    public static var available: [GRUKernelPath] {
        allCases.filter(\.isAvailable)
    }

    var cPath: cgru_path {
        switch self {
        case .baseline: return CGRU_PATH_BASELINE
        case .avx2: return CGRU_PATH_AVX2
        case .avx512: return CGRU_PATH_AVX512
        }
    }
}
