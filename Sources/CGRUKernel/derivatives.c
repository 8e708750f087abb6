#include "layout.h"

/* The parts of the derivative kernels that do not depend on the vector width. */

void cgru_step_coefficients(const cgru_derivative_model *model, const cgru_step_values *values,
                            float *coefficients) {
    size_t h = (size_t)model->hidden_size;
    float *alpha = coefficients, *beta = coefficients + h, *gamma = coefficients + 2 * h;
    const float *gate_input = model->reset_after ? values->candidate_state : values->h_prev;
    for (size_t i = 0; i < h; i++) {
        float z = values->z[i], r = values->r[i], c = values->candidate[i];
        alpha[i] = model->pinned_z ? 0.0f : (values->h_prev[i] - c) * z * (1.0f - z);
        beta[i] = (1.0f - z) * (1.0f - c * c);
        gamma[i] = model->pinned_r ? 0.0f : gate_input[i] * r * (1.0f - r);
    }
}

size_t cgru_gemm_work_count(void) {
    return cgru_gemm_work_size();
}

size_t cgru_reverse_work_count(int hidden_size, int rows) {
    size_t h = (size_t)hidden_size, n = (size_t)rows;
    return cgru_round_up(n * 3 * h) + cgru_round_up(n * h) + cgru_gemm_work_size() + CGRU_ALIGN_SLACK;
}

size_t cgru_forward_work_count(int hidden_size) {
    return 4 * (size_t)hidden_size * CGRU_FORWARD_TILE + cgru_gemm_work_size() + CGRU_ALIGN_SLACK;
}

size_t cgru_input_jacobian_work_count(int hidden_size, int input_size) {
    return 2 * cgru_round_up((size_t)hidden_size * (size_t)input_size) + cgru_gemm_work_size()
        + CGRU_ALIGN_SLACK;
}
