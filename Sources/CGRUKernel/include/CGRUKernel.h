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

#ifdef __cplusplus
}
#endif

#endif
