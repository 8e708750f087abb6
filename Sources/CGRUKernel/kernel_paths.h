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
                           float *work, float *h_out);

CGRU_DECLARE_PATH(baseline)
#if defined(__x86_64__)
CGRU_DECLARE_PATH(avx2)
CGRU_DECLARE_PATH(avx512)
CGRU_DECLARE_PATH(avx512_check)
#endif

#endif
