#include "layout.h"

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

void cgru_weights_offsets(int input_size, int hidden_size, int reset_after, size_t offsets[6]) {
    cgru_layout_offsets(input_size, hidden_size, reset_after, offsets);
}
