#include "kernel_paths.h"

int cgru_path_available(cgru_path path) {
    switch (path) {
    case CGRU_PATH_BASELINE:
        return 1;
#if defined(__x86_64__)
    /* The checks include the operating system's support for the wider registers. */
    case CGRU_PATH_AVX2:
    case CGRU_PATH_AVX512_CHECK:
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case CGRU_PATH_AVX512:
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2")
            && __builtin_cpu_supports("fma");
#endif
    default:
        return 0;
    }
}

cgru_path cgru_best_path(void) {
    if (cgru_path_available(CGRU_PATH_AVX512)) return CGRU_PATH_AVX512;
    if (cgru_path_available(CGRU_PATH_AVX2)) return CGRU_PATH_AVX2;
    return CGRU_PATH_BASELINE;
}

/* A path this CPU cannot run falls back to the baseline instead of faulting. */
static cgru_path usable(cgru_path path) {
    return cgru_path_available(path) ? path : CGRU_PATH_BASELINE;
}

void cgru_project(cgru_path path, const cgru_model *model, const float *inputs, int steps,
                  float *projection) {
    switch (usable(path)) {
#if defined(__x86_64__)
    case CGRU_PATH_AVX512: cgru_project_avx512(model, inputs, steps, projection); return;
    case CGRU_PATH_AVX2: cgru_project_avx2(model, inputs, steps, projection); return;
    case CGRU_PATH_AVX512_CHECK: cgru_project_avx512_check(model, inputs, steps, projection); return;
#endif
    default: cgru_project_baseline(model, inputs, steps, projection); return;
    }
}

void cgru_step(cgru_path path, const cgru_model *model, const float *projection_row,
               const float *h, const float *pin_r, const float *pin_z, float *scratch,
               const cgru_fields *fields, float *h_out, int backwards) {
    switch (usable(path)) {
#if defined(__x86_64__)
    case CGRU_PATH_AVX512:
        cgru_step_avx512(model, projection_row, h, pin_r, pin_z, scratch, fields, h_out, backwards);
        return;
    case CGRU_PATH_AVX2:
        cgru_step_avx2(model, projection_row, h, pin_r, pin_z, scratch, fields, h_out, backwards);
        return;
    case CGRU_PATH_AVX512_CHECK:
        cgru_step_avx512_check(model, projection_row, h, pin_r, pin_z, scratch, fields, h_out,
                               backwards);
        return;
#endif
    default:
        cgru_step_baseline(model, projection_row, h, pin_r, pin_z, scratch, fields, h_out, backwards);
        return;
    }
}

void cgru_run(cgru_path path, const cgru_model *model, const float *inputs, int steps,
              const float *h0, const float *pin_r, const float *pin_z, float *work, float *h_out) {
    switch (usable(path)) {
#if defined(__x86_64__)
    case CGRU_PATH_AVX512:
        cgru_run_avx512(model, inputs, steps, h0, pin_r, pin_z, work, h_out);
        return;
    case CGRU_PATH_AVX2:
        cgru_run_avx2(model, inputs, steps, h0, pin_r, pin_z, work, h_out);
        return;
    case CGRU_PATH_AVX512_CHECK:
        cgru_run_avx512_check(model, inputs, steps, h0, pin_r, pin_z, work, h_out);
        return;
#endif
    default:
        cgru_run_baseline(model, inputs, steps, h0, pin_r, pin_z, work, h_out);
        return;
    }
}

/*
 * The derivative kernels, dispatched alike: each path's function with the same arguments.
 * Derivatives of a long sequence decay through the subnormal numbers (below 2^-126), which
 * many x86 CPUs multiply a hundred times slower; while a derivative kernel runs, they count as
 * zero (the FTZ and DAZ bits of MXCSR, restored after), so an influence below about 1.2e-38
 * reads 0. The cell's own kernels keep IEEE arithmetic.
 */
#if defined(__x86_64__)
#include <xmmintrin.h>
#define CGRU_DISPATCH(name, ...)                                                              \
    unsigned int saved_csr = _mm_getcsr();                                                    \
    _mm_setcsr(saved_csr | 0x8040);                                                           \
    switch (usable(path)) {                                                                   \
    case CGRU_PATH_AVX512: cgru_##name##_avx512(__VA_ARGS__); break;                          \
    case CGRU_PATH_AVX2: cgru_##name##_avx2(__VA_ARGS__); break;                              \
    case CGRU_PATH_AVX512_CHECK: cgru_##name##_avx512_check(__VA_ARGS__); break;              \
    default: cgru_##name##_baseline(__VA_ARGS__); break;                                      \
    }                                                                                         \
    _mm_setcsr(saved_csr);
#else
#define CGRU_DISPATCH(name, ...) cgru_##name##_baseline(__VA_ARGS__);
#endif

void cgru_gemm(cgru_path path, int m, int n, int k, const float *a, size_t lda, const float *b,
               size_t ldb, float *c, size_t ldc, int accumulate, float *work) {
    CGRU_DISPATCH(gemm, m, n, k, a, lda, b, ldb, c, ldc, accumulate, work)
}

void cgru_reverse_step(cgru_path path, const cgru_derivative_model *model,
                       const cgru_step_values *values, const float *coefficients, int rows,
                       const float *a, float *a_out, float *x_out, float *squares, float *work) {
    CGRU_DISPATCH(reverse_step, model, values, coefficients, rows, a, a_out, x_out, squares, work)
}

void cgru_forward_step(cgru_path path, const cgru_derivative_model *model,
                       const cgru_step_values *values, const float *coefficients, int columns,
                       float *b, size_t ldb, float *squares, float *work) {
    CGRU_DISPATCH(forward_step, model, values, coefficients, columns, b, ldb, squares, work)
}

void cgru_input_jacobian(cgru_path path, const cgru_derivative_model *model,
                         const cgru_step_values *values, const float *coefficients, float *b,
                         size_t ldb, float *squares, float *work) {
    CGRU_DISPATCH(input_jacobian, model, values, coefficients, b, ldb, squares, work)
}

void cgru_unit_gates(cgru_path path, const cgru_model *model, const float *inputs,
                     const float *states, const float *h0, int first, int count, int unit,
                     const float *pin_r, const float *pin_z, float *r_out, float *z_out) {
    /* The cell's arithmetic, subnormals and all: these are the gates the trace shows. */
    switch (usable(path)) {
#if defined(__x86_64__)
    case CGRU_PATH_AVX512:
        cgru_unit_gates_avx512(model, inputs, states, h0, first, count, unit, pin_r, pin_z, r_out, z_out);
        return;
    case CGRU_PATH_AVX2:
        cgru_unit_gates_avx2(model, inputs, states, h0, first, count, unit, pin_r, pin_z, r_out, z_out);
        return;
    case CGRU_PATH_AVX512_CHECK:
        cgru_unit_gates_avx512_check(model, inputs, states, h0, first, count, unit, pin_r, pin_z, r_out, z_out);
        return;
#endif
    default:
        cgru_unit_gates_baseline(model, inputs, states, h0, first, count, unit, pin_r, pin_z, r_out, z_out);
        return;
    }
}
