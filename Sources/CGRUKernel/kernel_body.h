/*
 * The kernels, written once over a generic vector type of VLEN floats and compiled once per
 * path: each path's .c file defines KERNEL_NAME(x), VLEN, GEMV_STREAMS (panels of a matrix
 * multiplied by a vector at once), GEMM_COLS (outputs per tile of the
 * input projection, a multiple of VLEN dividing CGRU_PANEL) and GEMM_ROWS (inputs sharing each
 * load of W, at most 8), wraps the include in its target attribute, and gets cgru_project_<path>,
 * cgru_step_<path> and cgru_run_<path>.
 */

#include <stdint.h>
#include <string.h>

#include "layout.h"

#define VECTORS_PER_PANEL (CGRU_PANEL / VLEN)

typedef float vf __attribute__((ext_vector_type(VLEN)));
typedef int32_t vi __attribute__((ext_vector_type(VLEN)));
/* The same vector with the alignment of one float, for loads from any float address. */
typedef float vf_unaligned __attribute__((ext_vector_type(VLEN), aligned(4)));

static inline vf splat(float x) { return (vf)x; }

static inline vf load(const float *p) { return *(const vf_unaligned *)p; }

static inline void store(float *p, vf v) { *(vf_unaligned *)p = v; }

/* The first n < VLEN lanes; the rest are zero. */
static inline vf load_part(const float *p, size_t n) {
    vf v = splat(0.0f);
    for (size_t i = 0; i < n; i++) v[i] = p[i];
    return v;
}

static inline void store_part(float *p, vf v, size_t n) {
    for (size_t i = 0; i < n; i++) p[i] = v[i];
}

/* a where mask is set (all ones), else b. */
static inline vf pick(vi mask, vf a, vf b) {
    return (vf)(((vi)a & mask) | ((vi)b & ~mask));
}

/* The smaller and the larger of a and b, lane by lane (one instruction each on x86). */
static inline vf smaller(vf a, vf b) { return pick(a < b, a, b); }
static inline vf larger(vf a, vf b) { return pick(a > b, a, b); }

/*
 * e^x within 2 ulp for x in [-87.3, 88.3]: x = n·ln2 + r with |r| ≤ ln2/2, e^r by a polynomial
 * fitted on that interval (least squares on Chebyshev nodes), 2^n built in the exponent bits.
 * x is first clamped to [-88, 89], where n reaches -127 and 128: the exponent bits then read 0
 * and +inf, so the result is exactly 0 below about -87.7 and +inf above about 88.4. That is
 * what lets the sigmoid and tanh below saturate to exactly 0, 1 and ±1, with no extra tests.
 */
static inline vf exp_approx(vf x) {
    /* Adding 1.5·2^23 leaves no fraction bits: the sum is round-to-nearest(x·log2 e) + magic. */
    const float magic = 12582912.0f;
    vf clamped = smaller(larger(x, splat(-88.0f)), splat(89.0f));
    vf shifted = clamped * 1.44269504088896341f + magic;
    vf n = shifted - magic;
    vi exponent = (vi)shifted - (vi)splat(magic);
    /* ln 2 split so that n·ln2_high is exact for |n| ≤ 128 (Cody and Waite's reduction). */
    vf r = clamped - n * 0.693359375f;
    r = r - n * -2.12194440e-4f;
    vf q = splat(0.0013933646259829402f);
    q = q * r + 0.008363175205886364f;
    q = q * r + 0.04166646674275398f;
    q = q * r + 0.16666576266288757f;
    q = q * r + 0.5f;
    vf er = 1.0f + r + r * r * q;
    vf scale = (vf)((exponent + 127) << 23);
    return er * scale;
}

/* 1/(1+e^-x): exactly 1 for large x (e^-x ≪ 1) and exactly 0 for very negative x (e^-x = inf). */
static inline vf sigmoid_approx(vf x) {
    return 1.0f / (1.0f + exp_approx(-x));
}

/*
 * tanh within 2 ulp: an odd polynomial near 0 (where 1 − 2/(e^2x + 1) would cancel), that
 * formula elsewhere; it reaches exactly ±1 from |x| ≈ 9 on.
 */
static inline vf tanh_approx(vf x) {
    vi sign = (vi)x & (int32_t)0x80000000u;
    vf a = (vf)((vi)x & 0x7fffffff);
    vf s = a * a;
    vf q = splat(-0.006658453494310379f);
    q = q * s + 0.02134041115641594f;
    q = q * s + -0.05391588434576988f;
    q = q * s + 0.13333159685134888f;
    q = q * s + -0.3333333134651184f;
    vf near_zero = a + a * s * q;
    vf far = 1.0f - 2.0f / (exp_approx(2.0f * a) + 1.0f);
    vf magnitude = pick(a < 0.55f, near_zero, far);
    return (vf)((vi)magnitude | sign);
}

/* Panels first, first + spacing, ... (`count` ≤ GEMV_STREAMS of them, a constant after
 * inlining) times v, plus the bias: out[row] = bias[row] + Σ_k M[row, k]·v[k]. */
static inline __attribute__((always_inline)) void panels_times_vector(
    const float *packed, size_t columns, const float *v, const float *bias, float *out,
    size_t first, size_t spacing, const int count) {
    vf acc[GEMV_STREAMS][VECTORS_PER_PANEL];
    const float *panel[GEMV_STREAMS];
    for (int s = 0; s < count; s++) {
        panel[s] = packed + (first + (size_t)s * spacing) * CGRU_PANEL * columns;
        for (int i = 0; i < VECTORS_PER_PANEL; i++) acc[s][i] = splat(0.0f);
    }
    for (size_t k = 0; k < columns; k++) {
        vf value = splat(v[k]);
        for (int s = 0; s < count; s++)
            for (int i = 0; i < VECTORS_PER_PANEL; i++)
                acc[s][i] = acc[s][i] + load(panel[s] + k * CGRU_PANEL + i * VLEN) * value;
    }
    for (int s = 0; s < count; s++) {
        size_t at = (first + (size_t)s * spacing) * CGRU_PANEL;
        for (int i = 0; i < VECTORS_PER_PANEL; i++)
            store(out + at + i * VLEN, load(bias + at + i * VLEN) + acc[s][i]);
    }
}

/*
 * out[row] = bias[row] + Σ_k M[row, k]·v[k] for every row of a packed matrix (whole panels:
 * `out` and `bias` are padded). GEMV_STREAMS panels far apart are read at once: several
 * streams keep more loads in flight, which matters when the matrix comes from the shared cache
 * (three streams ran a 512×1024 cell about 25% faster than one on a busy Zen 3). The panels are
 * independent, so their order (`backwards`) does not change the result; walking them in the
 * other direction than the step before finds the last ones still in the core's own cache.
 */
static void matrix_vector(const float *packed, size_t rows, size_t columns, const float *v,
                          const float *bias, float *out, int backwards) {
    size_t panels = cgru_round_up(rows) / CGRU_PANEL, spacing = panels / GEMV_STREAMS;
    for (size_t turn = 0; turn < spacing; turn++) {
        size_t p = backwards ? spacing - 1 - turn : turn;
        panels_times_vector(packed, columns, v, bias, out, p, spacing, GEMV_STREAMS);
    }
    for (size_t p = spacing * GEMV_STREAMS; p < panels; p++)
        panels_times_vector(packed, columns, v, bias, out, p, 0, 1);
}

/*
 * GEMM_COLS outputs of W·x + b_i (a slice of one panel) for `count` inputs, a constant after
 * inlining: the accumulators stay in registers and each loaded slice of W serves every input.
 * (Tried and measured slower on a Zen 3 core: 6 inputs × 16 outputs, and slicing the depth I
 * into blocks of 64 to 256; this kernel already runs near the core's multiply-add peak.)
 */
#define GEMM_VECTORS (GEMM_COLS / VLEN)
static inline __attribute__((always_inline)) void tile_times_inputs(
    const float *tile, size_t columns, const float *inputs, const float *bias, float *out,
    size_t out_stride, const int count) {
    vf acc[GEMM_ROWS][GEMM_VECTORS];
    for (int t = 0; t < count; t++)
        for (int i = 0; i < GEMM_VECTORS; i++) acc[t][i] = load(bias + i * VLEN);
    for (size_t k = 0; k < columns; k++) {
        vf w[GEMM_VECTORS];
        for (int i = 0; i < GEMM_VECTORS; i++) w[i] = load(tile + k * CGRU_PANEL + i * VLEN);
        for (int t = 0; t < count; t++) {
            vf x = splat(inputs[(size_t)t * columns + k]);
            for (int i = 0; i < GEMM_VECTORS; i++) acc[t][i] = acc[t][i] + w[i] * x;
        }
    }
    for (int t = 0; t < count; t++)
        for (int i = 0; i < GEMM_VECTORS; i++)
            store(out + (size_t)t * out_stride + i * VLEN, acc[t][i]);
}

/* The last `count` < GEMM_ROWS inputs, each count with its own unrolled copy. */
static void tile_times_few_inputs(const float *tile, size_t columns, const float *inputs,
                                  const float *bias, float *out, size_t out_stride, size_t count) {
    switch (count) {
#define FEW(n)                                                                                \
    case n:                                                                                   \
        if (n < GEMM_ROWS) tile_times_inputs(tile, columns, inputs, bias, out, out_stride, n); \
        return;
        FEW(1) FEW(2) FEW(3) FEW(4) FEW(5) FEW(6) FEW(7)
#undef FEW
    default:
        for (size_t t = 0; t < count; t++)
            tile_times_inputs(tile, columns, inputs + t * columns, bias, out + t * out_stride,
                              out_stride, 1);
    }
}

void KERNEL_NAME(project)(const cgru_model *model, const float *inputs, int steps,
                          float *projection) {
    cgru_layout layout = cgru_layout_of(model);
    size_t columns = (size_t)model->input_size, stride = cgru_projection_stride(model->hidden_size);
    size_t panels = stride / CGRU_PANEL, count = (size_t)steps;
    /* Tile by tile, so that one tile of W (GEMM_COLS × I floats) stays in cache while every
     * input of the chunk passes by. */
    for (size_t p = 0; p < panels; p++) {
        for (size_t c = 0; c < CGRU_PANEL; c += GEMM_COLS) {
            const float *tile = layout.input_weights + p * CGRU_PANEL * columns + c;
            const float *bias = layout.input_bias + p * CGRU_PANEL + c;
            float *out = projection + p * CGRU_PANEL + c;
            size_t t = 0;
            for (; t + GEMM_ROWS <= count; t += GEMM_ROWS)
                tile_times_inputs(tile, columns, inputs + t * columns, bias, out + t * stride,
                                  stride, GEMM_ROWS);
            if (t < count)
                tile_times_few_inputs(tile, columns, inputs + t * columns, bias, out + t * stride,
                                      stride, count - t);
        }
    }
}

/* Everything one step's element-wise part reads and writes. The projection row and the scratch
 * are padded (see cgru_projection_count and cgru_scratch_of), so whole vectors may be read from
 * them past H; h, the pins, the fields and h' are exactly H long and are touched lane by lane in
 * the last, partial vector. */
typedef struct step_vectors {
    const float *in_r, *in_z, *in_c, *state_r, *state_z, *state_c, *h, *pin_r, *pin_z;
    const cgru_fields *fields;
    float *h_out, *reset_state, *update;
} step_vectors;

#define EXACT_LOAD(p) (whole ? load(p) : load_part((p), n))
#define EXACT_STORE(p, v)                             \
    do {                                              \
        if (whole) store((p), (v));                   \
        else store_part((p), (v), n);                 \
    } while (0)

/* Units [j, j+n) of h' from the candidate's pre-activation and z. */
static inline __attribute__((always_inline)) void finish_units(
    const step_vectors *v, size_t j, size_t n, const int whole, vf candidate_pre, vf z, vf state,
    vf candidate_state) {
    vf candidate = tanh_approx(candidate_pre);
    vf kept = z * state;
    vf added = (1.0f - z) * candidate;
    if (v->fields) {
        EXACT_STORE(v->fields->candidate_pre + j, candidate_pre);
        EXACT_STORE(v->fields->candidate + j, candidate);
        EXACT_STORE(v->fields->kept + j, kept);
        EXACT_STORE(v->fields->added + j, added);
        if (v->fields->candidate_state) EXACT_STORE(v->fields->candidate_state + j, candidate_state);
    }
    EXACT_STORE(v->h_out + j, kept + added);
}

/* Units [j, j+n) of the gates; with the reset gate after the product, of h' too. `whole` is a
 * constant after inlining, so whole vectors carry no lane-by-lane code. */
static inline __attribute__((always_inline)) void gate_units(
    const step_vectors *v, size_t j, size_t n, const int whole, int reset_after) {
    vf r_pre = load(v->in_r + j) + load(v->state_r + j);
    vf z_pre = load(v->in_z + j) + load(v->state_z + j);
    vf r = v->pin_r ? EXACT_LOAD(v->pin_r + j) : sigmoid_approx(r_pre);
    vf z = v->pin_z ? EXACT_LOAD(v->pin_z + j) : sigmoid_approx(z_pre);
    if (v->fields) {
        EXACT_STORE(v->fields->r_pre + j, r_pre);
        EXACT_STORE(v->fields->r + j, r);
        EXACT_STORE(v->fields->z_pre + j, z_pre);
        EXACT_STORE(v->fields->z + j, z);
    }
    vf state = EXACT_LOAD(v->h + j);
    if (reset_after) {
        vf candidate_state = load(v->state_c + j);
        finish_units(v, j, n, whole, load(v->in_c + j) + r * candidate_state, z, state, candidate_state);
    } else {
        /* The candidate needs all of r⊙h first: finished by candidate_units. */
        store(v->reset_state + j, r * state);
        store(v->update + j, z);
    }
}

/* Units [j, j+n) of h' when the reset gate acted before the product. */
static inline __attribute__((always_inline)) void candidate_units(
    const step_vectors *v, size_t j, size_t n, const int whole) {
    vf candidate_state = load(v->state_c + j);
    finish_units(v, j, n, whole, load(v->in_c + j) + candidate_state, load(v->update + j),
                 EXACT_LOAD(v->h + j), candidate_state);
}

#undef EXACT_LOAD
#undef EXACT_STORE

void KERNEL_NAME(step)(const cgru_model *model, const float *projection_row, const float *h,
                       const float *pin_r, const float *pin_z, float *scratch,
                       const cgru_fields *fields, float *h_out, int backwards) {
    cgru_layout layout = cgru_layout_of(model);
    cgru_scratch work = cgru_scratch_of(model->hidden_size, scratch);
    size_t hidden = (size_t)model->hidden_size, whole_end = hidden - hidden % VLEN;
    int reset_after = model->reset_after;
    step_vectors v = {
        projection_row, projection_row + hidden, projection_row + 2 * hidden,
        work.state_product, work.state_product + hidden,
        reset_after ? work.state_product + 2 * hidden : work.reset_state_product,
        h, pin_r, pin_z, fields, h_out, work.reset_state, work.update,
    };
    /* U·h + b_h for the gates (and, resetting after, for the candidate too): all read h. */
    matrix_vector(layout.state_weights, cgru_state_rows(model->hidden_size, reset_after), hidden, h,
                  layout.state_bias, work.state_product, backwards);
    if (reset_after) {
        for (size_t j = 0; j < whole_end; j += VLEN) gate_units(&v, j, VLEN, 1, 1);
        if (whole_end < hidden) gate_units(&v, whole_end, hidden - whole_end, 0, 1);
        return;
    }
    for (size_t j = 0; j < whole_end; j += VLEN) gate_units(&v, j, VLEN, 1, 0);
    if (whole_end < hidden) gate_units(&v, whole_end, hidden - whole_end, 0, 0);
    matrix_vector(layout.reset_state_weights, hidden, hidden, work.reset_state,
                  layout.reset_state_bias, work.reset_state_product, backwards);
    for (size_t j = 0; j < whole_end; j += VLEN) candidate_units(&v, j, VLEN, 1);
    if (whole_end < hidden) candidate_units(&v, whole_end, hidden - whole_end, 0);
}

void KERNEL_NAME(run)(const cgru_model *model, const float *inputs, int steps, const float *h0,
                      const float *pin_r, const float *pin_z, float *work, float *h_out) {
    size_t hidden = (size_t)model->hidden_size, columns = (size_t)model->input_size;
    size_t stride = cgru_projection_stride(model->hidden_size);
    int chunk = cgru_chunk_steps(model->hidden_size);
    float *projection = cgru_align(work);
    float *scratch = projection + (size_t)chunk * stride;
    float *state = scratch + cgru_scratch_size(model->hidden_size);
    memmove(state, h0, hidden * sizeof(float));
    for (int first = 0; first < steps; first += chunk) {
        int count = steps - first < chunk ? steps - first : chunk;
        KERNEL_NAME(project)(model, inputs + (size_t)first * columns, count, projection);
        for (int t = 0; t < count; t++)
            KERNEL_NAME(step)(model, projection + (size_t)t * stride, state, pin_r, pin_z, scratch,
                              NULL, state, (first + t) % 2);
    }
    memmove(h_out, state, hidden * sizeof(float));
}

/*
 * The reset and update gates of one unit over consecutive steps of a stored sequence, with the
 * same sums in the same order and the same sigmoid as the step above, so bit for bit the gates
 * a step's trace shows: the input row starts from its bias and adds w·x in order (as
 * tile_times_inputs), the recurrent row adds u·h in order from zero and then its bias (as
 * panels_times_vector). Step first+t reads x from inputs + (first+t)·I and h from
 * states + (first+t−1)·H, or h0 for step 0. `r_out` or `z_out` may be NULL.
 */
void KERNEL_NAME(unit_gates)(const cgru_model *model, const float *inputs, const float *states,
                             const float *h0, int first, int count, int unit, const float *pin_r,
                             const float *pin_z, float *r_out, float *z_out) {
    cgru_layout layout = cgru_layout_of(model);
    size_t hidden = (size_t)model->hidden_size, columns = (size_t)model->input_size;
    for (int gate = 0; gate < 2; gate++) {
        float *out = gate == 0 ? r_out : z_out;
        const float *pin = gate == 0 ? pin_r : pin_z;
        if (!out) continue;
        size_t row = (size_t)gate * hidden + (size_t)unit;
        size_t panel = row / CGRU_PANEL, lane = row % CGRU_PANEL;
        const float *w = layout.input_weights + panel * CGRU_PANEL * columns + lane;
        const float *u = layout.state_weights + panel * CGRU_PANEL * hidden + lane;
        for (int t = 0; t < count; t++) {
            size_t step = (size_t)(first + t);
            if (pin) {
                out[t] = pin[unit];
                continue;
            }
            const float *x = inputs + step * columns;
            const float *h = step == 0 ? h0 : states + (step - 1) * hidden;
            vf in = splat(layout.input_bias[row]);
            for (size_t k = 0; k < columns; k++) in = in + splat(w[k * CGRU_PANEL]) * splat(x[k]);
            vf acc = splat(0.0f);
            for (size_t k = 0; k < hidden; k++) acc = acc + splat(u[k * CGRU_PANEL]) * splat(h[k]);
            vf state = splat(layout.state_bias[row]) + acc;
            out[t] = sigmoid_approx(in + state)[0];
        }
    }
}
