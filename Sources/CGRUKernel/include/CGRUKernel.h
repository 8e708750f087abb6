#ifndef CGRU_KERNEL_H
#define CGRU_KERNEL_H

/*
 * The hot loops of gruscope's GRU cell, in C so that one binary can carry AVX2 and AVX-512
 * code next to the SSE2 baseline and pick at run time (Swift cannot compile one function for
 * several targets).
 *
 * Weights live in a packed layout (written by GRUCore's PackedWeights, at the offsets of
 * cgru_weights_offsets): every matrix is cut into panels of CGRU_PANEL rows, stored column by
 * column, so a matrix-vector product reads memory strictly in order and needs no horizontal
 * sums. Everything here is Float32, allocates
 * nothing and never checks lengths: the Swift caller (GRUCell) owns and sizes every buffer.
 */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Rows per packed panel; projection and scratch buffers are padded to a multiple of it.
#define CGRU_PANEL 32

/// One compiled variant of the kernels.
typedef enum cgru_path {
    /// The x86-64 baseline (SSE2), or plain C elsewhere: runs on every CPU.
    CGRU_PATH_BASELINE = 0,
    /// 256-bit AVX2 with fused multiply-add.
    CGRU_PATH_AVX2 = 1,
    /// 512-bit AVX-512F.
    CGRU_PATH_AVX512 = 2,
    /// For tests only: the AVX-512 path's code compiled for AVX2, so that CPUs without AVX-512
    /// can check its logic.
    CGRU_PATH_AVX512_CHECK = 3,
} cgru_path;

/// 1 when this CPU (and OS) can run the path, else 0.
int cgru_path_available(cgru_path path);

/// The widest available path.
cgru_path cgru_best_path(void);

/// Sizes and packed weights of one cell. `packed` points at cgru_weights_count floats laid out
/// as cgru_weights_offsets says.
typedef struct cgru_model {
    int input_size;
    int hidden_size;
    int reset_after;
    const float *packed;
} cgru_model;

/// Floats needed for the packed weights of a cell.
size_t cgru_weights_count(int input_size, int hidden_size, int reset_after);

/// Where the six regions of the packed weights start, in floats: W (3H rows × I), U for h
/// (3H rows, or the 2H rows of r and z when the reset gate comes first) × H, U for r⊙h (the H
/// candidate rows, only when the reset gate comes first), then the biases b_i (3H), b_h for h
/// and b_h for r⊙h, split the same way. Each matrix region holds panels of CGRU_PANEL rows
/// stored column by column; every region is padded with zero rows to whole panels.
void cgru_weights_offsets(int input_size, int hidden_size, int reset_after, size_t offsets[6]);

/// Floats per step of an input projection (3H rounded up to whole panels).
size_t cgru_projection_stride(int hidden_size);

/// Floats of a buffer for the input projections of `steps` steps (the kernels read a little
/// past the last one).
size_t cgru_projection_count(int hidden_size, int steps);

/// Floats of scratch space one step needs.
size_t cgru_scratch_count(int hidden_size);

/// Steps whose input projections cgru_run computes at once.
int cgru_run_chunk_steps(int hidden_size);

/// Floats of work space cgru_run needs (projection of one chunk of steps, scratch and a state).
size_t cgru_run_work_count(int hidden_size);

/// Where a step writes the vectors between h and h' (each H floats).
typedef struct cgru_fields {
    float *r_pre;
    float *r;
    float *z_pre;
    float *z;
    float *candidate_pre;
    float *candidate;
    float *kept;
    float *added;
    /// When not NULL: the candidate's recurrent part, U_c·h + b_hc with the reset gate after
    /// the product (what r scales), U_c·(r⊙h) + b_hc before it. The derivatives need it.
    float *candidate_state;
} cgru_fields;

/// W·x_t + b_i for `steps` inputs (row-major, I floats each) into `projection`
/// (cgru_projection_stride floats per step): one blocked matrix–matrix product.
void cgru_project(cgru_path path, const cgru_model *model, const float *inputs, int steps,
                  float *projection);

/// One step after the input projection: gates, candidate and h' from one row of `projection`
/// and the state `h`. `pin_r`/`pin_z` (H floats) replace the computed gates when not NULL;
/// `fields` may be NULL when only h' is wanted. `h_out` may be `h` itself. `backwards` (0 or 1)
/// walks the weights in the other order without changing the result: alternating it from step
/// to step finds more of them still in cache.
void cgru_step(cgru_path path, const cgru_model *model, const float *projection_row,
               const float *h, const float *pin_r, const float *pin_z, float *scratch,
               const cgru_fields *fields, float *h_out, int backwards);

/// A whole sequence, keeping only the state: projections chunk by chunk, then the steps.
/// `h_out` (H floats) may be `h0`.
void cgru_run(cgru_path path, const cgru_model *model, const float *inputs, int steps,
              const float *h0, const float *pin_r, const float *pin_z, float *work, float *h_out);

/// The gates r and z of unit `unit` for steps first…first+count−1 of a stored sequence, bit
/// for bit as cgru_step computes them: x_t at inputs + t·I, h_{t−1} at states + (t−1)·H (h0 for
/// t = 0). A pin replaces its gate; `r_out` or `z_out` (count floats) may be NULL.
void cgru_unit_gates(cgru_path path, const cgru_model *model, const float *inputs,
                     const float *states, const float *h0, int first, int count, int unit,
                     const float *pin_r, const float *pin_z, float *r_out, float *z_out);

/*
 * Derivatives, for the influence of past inputs (GRUCore's GRUSequence+Memory and
 * GRUReference, where the formulas are derived). They use the canonical row-major matrices,
 * not the packed layout: W (3H×I) and U (3H×H), rows [r, z, candidate]. While they run,
 * subnormal numbers count as zero (x86: MXCSR's FTZ and DAZ, restored after): derivatives of a
 * long sequence decay through them, which many CPUs compute a hundred times slower.
 */

/// C (m×n) = A (m×k)·B (k×n), or C += A·B when `accumulate` is 1. Every matrix is row-major
/// with its own row stride (lda, ldb, ldc floats); `work` holds cgru_gemm_work_count floats.
void cgru_gemm(cgru_path path, int m, int n, int k, const float *a, size_t lda, const float *b,
               size_t ldb, float *c, size_t ldc, int accumulate, float *work);

/// Floats of work space cgru_gemm needs.
size_t cgru_gemm_work_count(void);

/// A cell as its derivatives see it.
typedef struct cgru_derivative_model {
    int input_size;
    int hidden_size;
    int reset_after;
    /// 1 when the gate is pinned: a constant, through which no derivative flows.
    int pinned_r;
    int pinned_z;
    /// W, 3H×I, row-major.
    const float *input_weights;
    /// U, 3H×H, row-major.
    const float *recurrent_weights;
} cgru_derivative_model;

/// The vectors of one (recomputed) step that its derivatives read, H floats each.
typedef struct cgru_step_values {
    const float *h_prev;
    const float *r;
    const float *z;
    const float *candidate;
    /// cgru_fields.candidate_state of the step (read only when the reset gate comes after).
    const float *candidate_state;
} cgru_step_values;

/// The step's three coefficient vectors, 3H floats: α = ∂h'/∂a_z = (h − h̃)·z(1−z) (0 when z is
/// pinned), β = ∂h'/∂a_c = (1−z)(1−h̃²), and γ = (n or h)·r(1−r) (0 when r is pinned), the
/// factor from a_r into the candidate: n = U_c·h + b_hc after, h before the reset.
void cgru_step_coefficients(const cgru_derivative_model *model, const cgru_step_values *values,
                            float *coefficients);

/// Floats of work space cgru_reverse_step needs for `rows` rows.
size_t cgru_reverse_work_count(int hidden_size, int rows);

/// One step of reverse mode. `a` (rows×H) holds ∂y/∂h_k for `rows` outputs y; writes
/// ∂y/∂x_k (rows×I) into `x_out`, each row's sum of squares into `squares` (rows floats) and
/// ∂y/∂h_{k−1} (rows×H) into `a_out`, which must not be `a`.
void cgru_reverse_step(cgru_path path, const cgru_derivative_model *model,
                       const cgru_step_values *values, const float *coefficients, int rows,
                       const float *a, float *a_out, float *x_out, float *squares, float *work);

/// Columns of tangents one forward pass works on at once.
#define CGRU_FORWARD_TILE 256

/// Floats of work space cgru_forward_step needs.
size_t cgru_forward_work_count(int hidden_size);

/// One step of forward mode, in place: `b` (H×columns, row stride ldb) holds ∂h_{k−1}/∂x for
/// some inputs (a column each) and becomes ∂h_k/∂x; `squares` (columns floats) receives each
/// new column's sum of squares.
void cgru_forward_step(cgru_path path, const cgru_derivative_model *model,
                       const cgru_step_values *values, const float *coefficients, int columns,
                       float *b, size_t ldb, float *squares, float *work);

/// Floats of work space cgru_input_jacobian needs.
size_t cgru_input_jacobian_work_count(int hidden_size, int input_size);

/// ∂h_k/∂x_k (H×I, row stride ldb) into `b`, and its column sums of squares into `squares`
/// (I floats).
void cgru_input_jacobian(cgru_path path, const cgru_derivative_model *model,
                         const cgru_step_values *values, const float *coefficients, float *b,
                         size_t ldb, float *squares, float *work);

#ifdef __cplusplus
}
#endif

#endif
