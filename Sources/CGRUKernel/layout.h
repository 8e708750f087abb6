#ifndef CGRU_LAYOUT_H
#define CGRU_LAYOUT_H

/* Where each part of the packed weights and of the scratch space lives. Private to the target. */

#include "CGRUKernel.h"

#include <stdint.h>

static inline size_t cgru_round_up(size_t n) {
    return (n + CGRU_PANEL - 1) / CGRU_PANEL * CGRU_PANEL;
}

/* Rows of the recurrent matrix multiplied by h. With the reset gate applied after the product
 * all three blocks see h; otherwise the candidate block sees r⊙h and is packed apart. */
static inline size_t cgru_state_rows(int hidden, int reset_after) {
    return (size_t)(reset_after ? 3 : 2) * (size_t)hidden;
}

/* The packed weights, in order: W (3H rows), U for h, U for r⊙h (only when resetting first),
 * then the padded biases b_i, b_h for h, b_h for r⊙h. */
typedef struct cgru_layout {
    const float *input_weights;
    const float *state_weights;
    const float *reset_state_weights;
    const float *input_bias;
    const float *state_bias;
    const float *reset_state_bias;
} cgru_layout;

static inline size_t cgru_layout_offsets(int input, int hidden, int reset_after, size_t offsets[6]) {
    size_t i = (size_t)input, h = (size_t)hidden;
    size_t all = cgru_round_up(3 * h), state = cgru_round_up(cgru_state_rows(hidden, reset_after));
    size_t reset_state = reset_after ? 0 : cgru_round_up(h);
    size_t sizes[6] = { all * i, state * h, reset_state * h, all, state, reset_state };
    size_t at = 0;
    for (int k = 0; k < 6; k++) {
        offsets[k] = at;
        at += sizes[k];
    }
    return at;
}

static inline cgru_layout cgru_layout_of(const cgru_model *m) {
    size_t o[6];
    cgru_layout_offsets(m->input_size, m->hidden_size, m->reset_after, o);
    cgru_layout l = {
        m->packed + o[0], m->packed + o[1], m->packed + o[2],
        m->packed + o[3], m->packed + o[4], m->packed + o[5],
    };
    return l;
}

/* Scratch of one step: U·h + b_h (padded), U_c·(r⊙h) + b_hc (padded), r⊙h, z. */
typedef struct cgru_scratch {
    float *state_product;
    float *reset_state_product;
    float *reset_state;
    float *update;
} cgru_scratch;

/* Rounds a buffer up to the next 64-byte boundary: vector loads that straddle cache lines
 * are slower. Every buffer the caller sizes has CGRU_ALIGN_SLACK floats to spare for it. */
#define CGRU_ALIGN_SLACK 16
static inline float *cgru_align(float *p) {
    return (float *)(((uintptr_t)p + 63) & ~(uintptr_t)63);
}

static inline cgru_scratch cgru_scratch_of(int hidden, float *scratch) {
    scratch = cgru_align(scratch);
    size_t h = (size_t)hidden, padded = cgru_round_up(3 * h), part = cgru_round_up(h);
    cgru_scratch s = { scratch, scratch + padded, scratch + padded + part,
                       scratch + padded + 2 * part };
    return s;
}

static inline size_t cgru_scratch_size(int hidden) {
    size_t h = (size_t)hidden;
    return cgru_round_up(3 * h) + 3 * cgru_round_up(h) + CGRU_ALIGN_SLACK;
}

/* Steps projected at once by cgru_run. Each chunk streams all of W once more, so the chunk is
 * as long as half a megabyte of projections allows: with 32 KB chunks a 512×1024 cell ran 20%
 * slower, W and U then crowding each other out of the shared cache. */
static inline int cgru_chunk_steps(int hidden) {
    size_t per_step = cgru_round_up(3 * (size_t)hidden);
    size_t steps = 131072 / per_step;
    return steps < 16 ? 16 : (steps > 256 ? 256 : (int)steps);
}

/* Blocking of cgru_gemm: a KC×NC block of B packed (256 KB, the size of a core's own cache)
 * and an MC×KC block of A; MC is a multiple of every path's 6-row tile, NC of its columns. */
#define CGRU_GEMM_KC 256
#define CGRU_GEMM_NC 256
#define CGRU_GEMM_MC 96

static inline size_t cgru_gemm_work_size(void) {
    return CGRU_GEMM_KC * CGRU_GEMM_NC + CGRU_GEMM_MC * CGRU_GEMM_KC + CGRU_ALIGN_SLACK;
}

#endif
