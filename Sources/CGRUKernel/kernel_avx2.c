/* 256-bit vectors with fused multiply-add, for CPUs from 2013 on (Haswell, Zen). */
#if defined(__x86_64__)
#define KERNEL_NAME(name) cgru_##name##_avx2
#define VLEN 8
#define GEMV_STREAMS 3
#define GEMM_COLS 32
#define GEMM_ROWS 2
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "kernel_body.h"
#include "derivative_body.h"
#pragma clang attribute pop
#endif
