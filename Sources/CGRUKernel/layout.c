#include "layout.h"

#include <string.h>

size_t cgru_weights_count(int input_size, int hidden_size, int reset_after) {
    size_t offsets[6];
    return cgru_layout_offsets(input_size, hidden_size, reset_after, offsets);
}

size_t cgru_projection_stride(int hidden_size) {
    return cgru_round_up(3 * (size_t)hidden_size);
}

size_t cgru_projection_count(int hidden_size, int steps) {
    return (size_t)steps * cgru_projection_stride(hidden_size) + CGRU_ALIGN_SLACK;
}

size_t cgru_scratch_count(int hidden_size) {
    return cgru_scratch_size(hidden_size);
}

int cgru_run_chunk_steps(int hidden_size) {
    return cgru_chunk_steps(hidden_size);
}

size_t cgru_run_work_count(int hidden_size) {
    return (size_t)cgru_chunk_steps(hidden_size) * cgru_projection_stride(hidden_size)
        + cgru_scratch_size(hidden_size) + (size_t)hidden_size + CGRU_ALIGN_SLACK;
}

/* Rows [first, first+rows) of a row-major matrix with `columns` columns, as panels of
 * CGRU_PANEL rows stored column by column; rows past the end are zero. */
static void pack_rows(const float *matrix, size_t first, size_t rows, size_t columns, float *out) {
    size_t panels = cgru_round_up(rows) / CGRU_PANEL;
    for (size_t p = 0; p < panels; p++) {
        for (size_t k = 0; k < columns; k++) {
            for (size_t i = 0; i < CGRU_PANEL; i++) {
                size_t row = p * CGRU_PANEL + i;
                *out++ = row < rows ? matrix[(first + row) * columns + k] : 0.0f;
            }
        }
    }
}

static void pad(const float *values, size_t count, float *out) {
    memset(out, 0, cgru_round_up(count) * sizeof(float));
    memcpy(out, values, count * sizeof(float));
}

void cgru_weights_pack(int input_size, int hidden_size, int reset_after,
                       const float *input_weights, const float *recurrent_weights,
                       const float *input_bias, const float *recurrent_bias, float *packed) {
    size_t o[6];
    cgru_layout_offsets(input_size, hidden_size, reset_after, o);
    size_t i = (size_t)input_size, h = (size_t)hidden_size;
    size_t state = cgru_state_rows(hidden_size, reset_after);
    pack_rows(input_weights, 0, 3 * h, i, packed + o[0]);
    pack_rows(recurrent_weights, 0, state, h, packed + o[1]);
    pad(input_bias, 3 * h, packed + o[3]);
    pad(recurrent_bias, state, packed + o[4]);
    if (!reset_after) {
        pack_rows(recurrent_weights, 2 * h, h, h, packed + o[2]);
        pad(recurrent_bias + 2 * h, h, packed + o[5]);
    }
}
