/* The path every CPU runs: the compiler's baseline (SSE2 on x86-64, NEON on arm64). */
#define KERNEL_NAME(name) cgru_##name##_baseline
#define VLEN 4
#define GEMV_STREAMS 1
#define GEMM_COLS 16
#define GEMM_ROWS 2
#include "kernel_body.h"
#include "derivative_body.h"
