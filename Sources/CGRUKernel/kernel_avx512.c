/* 512-bit vectors, for CPUs with AVX-512F (Skylake-SP and later server parts, Zen 4). Keep the
 * configuration in step with kernel_avx512_check.c, which tests it on other CPUs. */
#if defined(__x86_64__)
#define KERNEL_NAME(name) cgru_##name##_avx512
#define VLEN 16
#define GEMV_STREAMS 6
#define GEMM_COLS 32
#define GEMM_ROWS 6
#pragma clang attribute push(__attribute__((target("avx512f,avx2,fma"))), apply_to = function)
#include "kernel_body.h"
#include "derivative_body.h"
#pragma clang attribute pop
#endif
