/*
 * The AVX-512 path's configuration compiled for AVX2, so that its logic (16-lane vectors, six
 * streams, 6-input tiles) is tested on machines without AVX-512: only the instruction set
 * differs from kernel_avx512.c. Reached through CGRU_PATH_AVX512_CHECK; not for real use.
 */
#if defined(__x86_64__)
#define KERNEL_NAME(name) cgru_##name##_avx512_check
#define VLEN 16
#define GEMV_STREAMS 6
#define GEMM_COLS 32
#define GEMM_ROWS 6
/* 16-float vectors pass between the static helpers differently without AVX-512; no such
 * vector crosses this file's boundary, so the ABI note does not apply. */
#pragma clang diagnostic ignored "-Wpsabi"
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "kernel_body.h"
#include "derivative_body.h"
#pragma clang attribute pop
#endif
