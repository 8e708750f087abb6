#ifndef CGRU_KERNEL_PATHS_H
#define CGRU_KERNEL_PATHS_H

/* The per-path entry points that dispatch.c chooses between. Private to the target. */

#include "CGRUKernel.h"

#define CGRU_DECLARE_PATH(suffix)                                                             \
    void cgru_project_##suffix(const cgru_model *model, const float *inputs, int steps,       \
                               float *projection);                                          \
    void cgru_step_##suffix(const cgru_model *model, const float *projection_row,             \
                            const float *h, const float *pin_r, const float *pin_z,          \
                            float *scratch, const cgru_fields *fields, float *h_out,         \
                            int backwards);                                                  \
    void cgru_run_##suffix(const cgru_model *model, const float *inputs, int steps,           \
                           const float *h0, const float *pin_r, const float *pin_z,          \
                           float *work, float *h_out);                                  \
    void cgru_gemm_##suffix(int m, int n, int k, const float *a, size_t lda, const float *b,  \
                            size_t ldb, float *c, size_t ldc, int accumulate, float *work);   \
    void cgru_reverse_step_##suffix(const cgru_derivative_model *model,                       \
                                    const cgru_step_values *values,                           \
                                    const float *coefficients, int rows, const float *a,      \
                                    float *a_out, float *x_out, float *squares, float *work); \
    void cgru_forward_step_##suffix(const cgru_derivative_model *model,                       \
                                    const cgru_step_values *values,                           \
                                    const float *coefficients, int columns, float *b,         \
                                    size_t ldb, float *squares, float *work);                 \
    void cgru_input_jacobian_##suffix(const cgru_derivative_model *model,                     \
                                      const cgru_step_values *values,                         \
                                      const float *coefficients, float *b, size_t ldb,        \
                                      float *squares, float *work);                           \
    void cgru_unit_gates_##suffix(const cgru_model *model, const float *inputs,               \
                                  const float *states, const float *h0, int first, int count, \
                                  int unit, const float *pin_r, const float *pin_z,           \
                                  float *r_out, float *z_out);

CGRU_DECLARE_PATH(baseline)
#if defined(__x86_64__)
CGRU_DECLARE_PATH(avx2)
CGRU_DECLARE_PATH(avx512)
CGRU_DECLARE_PATH(avx512_check)
#endif

#endif
