/*
 * Matrix products and the derivatives of a step, compiled once per path after kernel_body.h
 * (whose vector type vf, VLEN and load/store helpers they use). Gives cgru_gemm_<path>,
 * cgru_reverse_step_<path>, cgru_forward_step_<path> and cgru_input_jacobian_<path>.
 *
 * The derivative formulas are derived in GRUCore's GRUReference (the readable specification);
 * here they are the same sums, arranged as matrix products.
 */

/* ---- C = A·B (+ C): row-major operands, packed into panels, a register-tiled inner kernel ---- */

/* Rows and columns of C one inner kernel call computes: 6 rows × 2 vectors keep twelve
 * accumulators, two loaded slices of B and one broadcast element of A in the 16 vector
 * registers of SSE2 and AVX2 (AVX-512 has room to spare). */
#define MR 6
#define NR (2 * VLEN)

/* An MR×NR tile of C from kc steps of packed A (MR values per step) and packed B (NR values
 * per step). `rows` and `columns` clip the tile at the matrix's edges; `accumulate` adds to C
 * instead of overwriting it. */
static inline __attribute__((always_inline)) void gemm_tile(
    size_t kc, const float *ap, const float *bp, float *c, size_t ldc, size_t rows, size_t columns,
    int accumulate) {
    vf acc[MR][2];
    for (int r = 0; r < MR; r++) acc[r][0] = acc[r][1] = splat(0.0f);
    for (size_t k = 0; k < kc; k++) {
        vf b0 = load(bp), b1 = load(bp + VLEN);
        for (int r = 0; r < MR; r++) {
            vf a = splat(ap[r]);
            acc[r][0] = acc[r][0] + a * b0;
            acc[r][1] = acc[r][1] + a * b1;
        }
        ap += MR;
        bp += NR;
    }
    if (rows == MR && columns == NR) {
        for (int r = 0; r < MR; r++) {
            float *row = c + (size_t)r * ldc;
            if (accumulate) {
                store(row, load(row) + acc[r][0]);
                store(row + VLEN, load(row + VLEN) + acc[r][1]);
            } else {
                store(row, acc[r][0]);
                store(row + VLEN, acc[r][1]);
            }
        }
        return;
    }
    float tile[MR][NR];
    for (int r = 0; r < MR; r++) {
        store(tile[r], acc[r][0]);
        store(tile[r] + VLEN, acc[r][1]);
    }
    for (size_t r = 0; r < rows; r++)
        for (size_t j = 0; j < columns; j++)
            c[r * ldc + j] = accumulate ? c[r * ldc + j] + tile[r][j] : tile[r][j];
}

/* Rows [0, mc) and columns [0, kc) of A as slivers of MR rows, step by step (zero past mc). */
static void gemm_pack_a(const float *a, size_t lda, size_t mc, size_t kc, float *out) {
    for (size_t i = 0; i < mc; i += MR) {
        size_t rows = mc - i < MR ? mc - i : MR;
        for (size_t k = 0; k < kc; k++) {
            for (size_t r = 0; r < MR; r++) *out++ = r < rows ? a[(i + r) * lda + k] : 0.0f;
        }
    }
}

/* Rows [0, kc) and columns [0, nc) of B as slivers of NR columns, row by row (zero past nc). */
static void gemm_pack_b(const float *b, size_t ldb, size_t kc, size_t nc, float *out) {
    for (size_t j = 0; j < nc; j += NR) {
        size_t columns = nc - j < NR ? nc - j : NR;
        for (size_t k = 0; k < kc; k++) {
            const float *row = b + k * ldb + j;
            if (columns == NR) {
                store(out, load(row));
                store(out + VLEN, load(row + VLEN));
            } else {
                for (size_t c = 0; c < NR; c++) out[c] = c < columns ? row[c] : 0.0f;
            }
            out += NR;
        }
    }
}

/* A few rows of C without packing: each row of A streams over B once, four vectors of C at a
 * time. For one or two rows (a single unit's influence) packing B would cost more than the
 * product. */
static void gemm_few_rows(size_t rows, size_t columns, size_t depth, const float *a, size_t lda,
                          const float *b, size_t ldb, float *c, size_t ldc, int accumulate) {
    size_t whole = columns - columns % VLEN;
    for (size_t i = 0; i < rows; i++) {
        const float *ai = a + i * lda;
        float *ci = c + i * ldc;
        size_t j = 0;
        for (; j + 4 * VLEN <= columns; j += 4 * VLEN) {
            vf acc[4];
            for (int v = 0; v < 4; v++) acc[v] = accumulate ? load(ci + j + v * VLEN) : splat(0.0f);
            for (size_t k = 0; k < depth; k++) {
                vf x = splat(ai[k]);
                const float *bk = b + k * ldb + j;
                for (int v = 0; v < 4; v++) acc[v] = acc[v] + x * load(bk + v * VLEN);
            }
            for (int v = 0; v < 4; v++) store(ci + j + v * VLEN, acc[v]);
        }
        for (; j < whole; j += VLEN) {
            vf acc = accumulate ? load(ci + j) : splat(0.0f);
            for (size_t k = 0; k < depth; k++) acc = acc + splat(ai[k]) * load(b + k * ldb + j);
            store(ci + j, acc);
        }
        for (; j < columns; j++) {
            float acc = accumulate ? ci[j] : 0.0f;
            for (size_t k = 0; k < depth; k++) acc += ai[k] * b[k * ldb + j];
            ci[j] = acc;
        }
    }
}

void KERNEL_NAME(gemm)(int m, int n, int k, const float *a, size_t lda, const float *b, size_t ldb,
                       float *c, size_t ldc, int accumulate, float *work) {
    size_t rows = (size_t)m, columns = (size_t)n, depth = (size_t)k;
    if (rows == 0 || columns == 0) return;
    if (depth == 0) {
        if (!accumulate)
            for (size_t i = 0; i < rows; i++) memset(c + i * ldc, 0, columns * sizeof(float));
        return;
    }
    if (rows <= 2) {
        gemm_few_rows(rows, columns, depth, a, lda, b, ldb, c, ldc, accumulate);
        return;
    }
    float *packed_b = cgru_align(work);
    float *packed_a = packed_b + CGRU_GEMM_KC * CGRU_GEMM_NC;
    for (size_t jc = 0; jc < columns; jc += CGRU_GEMM_NC) {
        size_t nc = columns - jc < CGRU_GEMM_NC ? columns - jc : CGRU_GEMM_NC;
        for (size_t pc = 0; pc < depth; pc += CGRU_GEMM_KC) {
            size_t kc = depth - pc < CGRU_GEMM_KC ? depth - pc : CGRU_GEMM_KC;
            int add = accumulate || pc > 0;
            gemm_pack_b(b + pc * ldb + jc, ldb, kc, nc, packed_b);
            for (size_t ic = 0; ic < rows; ic += CGRU_GEMM_MC) {
                size_t mc = rows - ic < CGRU_GEMM_MC ? rows - ic : CGRU_GEMM_MC;
                gemm_pack_a(a + ic * lda + pc, lda, mc, kc, packed_a);
                for (size_t jr = 0; jr < nc; jr += NR) {
                    size_t tile_columns = nc - jr < NR ? nc - jr : NR;
                    for (size_t ir = 0; ir < mc; ir += MR) {
                        size_t tile_rows = mc - ir < MR ? mc - ir : MR;
                        gemm_tile(kc, packed_a + ir * kc, packed_b + jr * kc,
                                  c + (ic + ir) * ldc + jc + jr, ldc, tile_rows, tile_columns, add);
                    }
                }
            }
        }
    }
}

#undef MR
#undef NR

/* ---- Reverse mode: one step back of A = ∂y/∂h_k (rows × H) ---- */

/* out[j, i] = a[j, i]·v[i] for `rows` rows of `columns` (row strides lda, ldo). */
static void scale_columns(const float *a, size_t lda, const float *v, size_t rows, size_t columns,
                          float *out, size_t ldo) {
    size_t whole = columns - columns % VLEN;
    for (size_t j = 0; j < rows; j++) {
        const float *in = a + j * lda;
        float *o = out + j * ldo;
        for (size_t i = 0; i < whole; i += VLEN) store(o + i, load(in + i) * load(v + i));
        for (size_t i = whole; i < columns; i++) o[i] = in[i] * v[i];
    }
}

/* out[j, i] += a[j, i]·v[i]. */
static void add_scaled_columns(const float *a, size_t lda, const float *v, size_t rows,
                               size_t columns, float *out, size_t ldo) {
    size_t whole = columns - columns % VLEN;
    for (size_t j = 0; j < rows; j++) {
        const float *in = a + j * lda;
        float *o = out + j * ldo;
        for (size_t i = 0; i < whole; i += VLEN)
            store(o + i, load(o + i) + load(in + i) * load(v + i));
        for (size_t i = whole; i < columns; i++) o[i] += in[i] * v[i];
    }
}

/* Σ_i a[j, i]² for each row. */
static void row_squares(const float *a, size_t lda, size_t rows, size_t columns, float *out) {
    size_t whole = columns - columns % VLEN;
    for (size_t j = 0; j < rows; j++) {
        const float *in = a + j * lda;
        vf sum = splat(0.0f);
        for (size_t i = 0; i < whole; i += VLEN) {
            vf x = load(in + i);
            sum = sum + x * x;
        }
        float total = 0.0f;
        for (int lane = 0; lane < VLEN; lane++) total += sum[lane];
        for (size_t i = whole; i < columns; i++) total += in[i] * in[i];
        out[j] = total;
    }
}

void KERNEL_NAME(reverse_step)(const cgru_derivative_model *m, const cgru_step_values *v,
                               const float *coefficients, int row_count, const float *a,
                               float *a_out, float *x_out, float *squares, float *work) {
    size_t h = (size_t)m->hidden_size, in = (size_t)m->input_size, rows = (size_t)row_count;
    const float *alpha = coefficients, *beta = coefficients + h, *gamma = coefficients + 2 * h;
    const float *u = m->recurrent_weights, *w = m->input_weights;
    float *g = cgru_align(work);                 /* rows × 3H: [G_r | G_z | G_c] */
    float *q = g + cgru_round_up(rows * 3 * h);  /* rows × H */
    float *gemm_work = q + cgru_round_up(rows * h);
    size_t ldg = 3 * h;
    int path_gemm_rows = row_count;
    /* G_z = A·diag(α), G_c = A·diag(β). */
    scale_columns(a, h, alpha, rows, h, g + h, ldg);
    scale_columns(a, h, beta, rows, h, g + 2 * h, ldg);
    if (m->reset_after) {
        /* G_r = G_c·diag(γ); ∂y/∂x_k = G·W; then G_c·diag(r) = ∂y/∂n, and
         * A' = A·diag(z) + [G_r | G_z | G_n]·U. */
        scale_columns(g + 2 * h, ldg, gamma, rows, h, g, ldg);
        KERNEL_NAME(gemm)(path_gemm_rows, (int)in, (int)(3 * h), g, ldg, w, in, x_out, in, 0, gemm_work);
        scale_columns(g + 2 * h, ldg, v->r, rows, h, g + 2 * h, ldg);
        scale_columns(a, h, v->z, rows, h, a_out, h);
        KERNEL_NAME(gemm)(path_gemm_rows, (int)h, (int)(3 * h), g, ldg, u, h, a_out, h, 1, gemm_work);
    } else {
        /* Q = G_c·U_c = ∂y/∂(r⊙h); G_r = Q·diag(γ); ∂y/∂x_k = G·W;
         * A' = A·diag(z) + Q·diag(r) + [G_r | G_z]·[U_r; U_z]. */
        KERNEL_NAME(gemm)(path_gemm_rows, (int)h, (int)h, g + 2 * h, ldg, u + 2 * h * h, h, q, h, 0, gemm_work);
        scale_columns(q, h, gamma, rows, h, g, ldg);
        KERNEL_NAME(gemm)(path_gemm_rows, (int)in, (int)(3 * h), g, ldg, w, in, x_out, in, 0, gemm_work);
        scale_columns(a, h, v->z, rows, h, a_out, h);
        add_scaled_columns(q, h, v->r, rows, h, a_out, h);
        KERNEL_NAME(gemm)(path_gemm_rows, (int)h, (int)(2 * h), g, ldg, u, h, a_out, h, 1, gemm_work);
    }
    row_squares(x_out, in, rows, in, squares);
}

/* ---- Forward mode: tangents ∂h_k/∂x_s for many s at once, as columns of B (H × n) ---- */

/*
 * One tile of columns (n ≤ CGRU_FORWARD_TILE) forward through a step, in place. p holds
 * 3H × tile floats, s H × tile. With B = ∂h_{k−1}/∂x (dh), P = U·B:
 *   reset after:  B' = z⊙B + α⊙P_z + β⊙(r⊙P_c + γ⊙P_r)
 *   reset before: B' = z⊙B + α⊙P_z + β⊙U_c·(r⊙B + γ⊙P_r)
 * (⊙ scales row i by the vector's element i).
 */
static void forward_tile(const cgru_derivative_model *m, const cgru_step_values *v,
                         const float *coefficients, size_t n, float *b, size_t ldb, float *squares,
                         float *p, float *s, float *gemm_work) {
    size_t h = (size_t)m->hidden_size;
    const float *alpha = coefficients, *beta = coefficients + h, *gamma = coefficients + 2 * h;
    const float *u = m->recurrent_weights;
    size_t ldp = CGRU_FORWARD_TILE, whole = n - n % VLEN;
    int columns = (int)n, hidden = (int)h;
    if (m->reset_after) {
        KERNEL_NAME(gemm)(3 * hidden, columns, hidden, u, h, b, ldb, p, ldp, 0, gemm_work);
    } else {
        KERNEL_NAME(gemm)(2 * hidden, columns, hidden, u, h, b, ldb, p, ldp, 0, gemm_work);
        /* S = r⊙B + γ⊙P_r, then P_c = U_c·S. */
        for (size_t i = 0; i < h; i++) {
            const float *bi = b + i * ldb, *pr = p + i * ldp;
            float *si = s + i * ldp;
            vf ri = splat(v->r[i]), gi = splat(gamma[i]);
            for (size_t c = 0; c < whole; c += VLEN) store(si + c, ri * load(bi + c) + gi * load(pr + c));
            for (size_t c = whole; c < n; c++) si[c] = v->r[i] * bi[c] + gamma[i] * pr[c];
        }
        KERNEL_NAME(gemm)(hidden, columns, hidden, u + 2 * h * h, h, s, ldp, p + 2 * h * ldp, ldp, 0, gemm_work);
    }
    for (size_t i = 0; i < h; i++) {
        float *bi = b + i * ldb;
        const float *pr = p + i * ldp, *pz = p + (h + i) * ldp, *pc = p + (2 * h + i) * ldp;
        float zi = v->z[i], ai = alpha[i], bti = beta[i];
        /* Resetting after, β⊙(r⊙P_c + γ⊙P_r); before, β⊙P_c (P_c already holds U_c·S). */
        float ci = m->reset_after ? bti * v->r[i] : bti, gi = m->reset_after ? bti * gamma[i] : 0.0f;
        vf z = splat(zi), al = splat(ai), cc = splat(ci), gg = splat(gi);
        for (size_t c = 0; c < whole; c += VLEN) {
            vf next = z * load(bi + c) + al * load(pz + c) + cc * load(pc + c) + gg * load(pr + c);
            store(bi + c, next);
            store(squares + c, load(squares + c) + next * next);
        }
        for (size_t c = whole; c < n; c++) {
            float next = zi * bi[c] + ai * pz[c] + ci * pc[c] + gi * pr[c];
            bi[c] = next;
            squares[c] += next * next;
        }
    }
}

void KERNEL_NAME(forward_step)(const cgru_derivative_model *m, const cgru_step_values *v,
                               const float *coefficients, int column_count, float *b, size_t ldb,
                               float *squares, float *work) {
    size_t h = (size_t)m->hidden_size, n = (size_t)column_count;
    float *p = cgru_align(work);
    float *s = p + 3 * h * CGRU_FORWARD_TILE;
    float *gemm_work = s + h * CGRU_FORWARD_TILE;
    memset(squares, 0, n * sizeof(float));
    for (size_t first = 0; first < n; first += CGRU_FORWARD_TILE) {
        size_t tile = n - first < CGRU_FORWARD_TILE ? n - first : CGRU_FORWARD_TILE;
        forward_tile(m, v, coefficients, tile, b + first, ldb, squares + first, p, s, gemm_work);
    }
}

/*
 * ∂h_k/∂x_k (H × I, row stride ldb) into b, and its column squares:
 *   reset after:  α⊙W_z + β⊙(W_c + γ⊙W_r)
 *   reset before: α⊙W_z + β⊙(W_c + U_c·(γ⊙W_r))
 */
void KERNEL_NAME(input_jacobian)(const cgru_derivative_model *m, const cgru_step_values *v,
                                 const float *coefficients, float *b, size_t ldb, float *squares,
                                 float *work) {
    size_t h = (size_t)m->hidden_size, in = (size_t)m->input_size, whole = in - in % VLEN;
    const float *alpha = coefficients, *beta = coefficients + h, *gamma = coefficients + 2 * h;
    const float *w = m->input_weights, *u = m->recurrent_weights;
    float *s = cgru_align(work);                   /* H × I: γ⊙W_r, then U_c·(γ⊙W_r) */
    float *uc = s + cgru_round_up(h * in);
    float *gemm_work = uc + cgru_round_up(h * in);
    memset(squares, 0, in * sizeof(float));
    if (!m->reset_after) {
        for (size_t i = 0; i < h; i++)
            for (size_t c = 0; c < in; c++) s[i * in + c] = gamma[i] * w[i * in + c];
        KERNEL_NAME(gemm)((int)h, (int)in, (int)h, u + 2 * h * h, h, s, in, uc, in, 0, gemm_work);
    }
    for (size_t i = 0; i < h; i++) {
        const float *wr = w + i * in, *wz = w + (h + i) * in, *wc = w + (2 * h + i) * in;
        const float *extra = m->reset_after ? wr : uc + i * in;
        float scale = m->reset_after ? beta[i] * gamma[i] : beta[i];
        vf al = splat(alpha[i]), bt = splat(beta[i]), ex = splat(scale);
        float *bi = b + i * ldb;
        for (size_t c = 0; c < whole; c += VLEN) {
            vf x = al * load(wz + c) + bt * load(wc + c) + ex * load(extra + c);
            store(bi + c, x);
            store(squares + c, load(squares + c) + x * x);
        }
        for (size_t c = whole; c < in; c++) {
            float x = alpha[i] * wz[c] + beta[i] * wc[c] + scale * extra[c];
            bi[c] = x;
            squares[c] += x * x;
        }
    }
}
