#!/usr/bin/env python3
"""Writes the influence fixtures of Tests/GRUCoreTests into Tests/Fixtures/influence/.

Each case is a small GRU, a sequence and the influence of every input on every later state,
computed by PyTorch's autograd in float64: element [t][s] of "influence" is the Frobenius norm
of the Jacobian dh_t/dx_s (H x I), and "unit_influence" holds, for the last step t and the unit
"unit", the norm of row "unit" of that Jacobian for every s. "retention" holds, for the same t
and unit, prod_{k=s+1..t} z_k.

The weights are drawn in float32 (the precision gruscope keeps) in gruscope's canonical layout:
input_weights 3H x I and recurrent_weights 3H x H with row blocks [r, z, candidate], and the
biases input_bias, recurrent_bias of 3H. The reset-after cases without pins run torch.nn.GRU
itself (whose layout this is); the others write the cell's formulas in torch, with a pinned gate
as a torch constant (no gradient flows through it), and the script checks the written formulas
against torch.nn.GRU where both apply.

The cases without pins are also written for the command line: NAME.weights.npz in the
framework's own layout (PyTorch's names for reset-after, TensorFlow GRUCell's for reset-before)
and NAME.inputs.npy.

Run from anywhere: python3 scripts/make-influence-fixtures.py  (needs numpy and torch).
"""
import json
import os

import numpy as np
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "influence")

torch.set_default_dtype(torch.float64)


def formula_step(w, u, bi, bh, x, h, reset_after, pin_r, pin_z):
    """One GRU step in torch: gruscope's definition (see GRUReference)."""
    n = h.shape[0]
    a_r = w[:n] @ x + bi[:n] + u[:n] @ h + bh[:n]
    a_z = w[n:2 * n] @ x + bi[n:2 * n] + u[n:2 * n] @ h + bh[n:2 * n]
    r = pin_r if pin_r is not None else torch.sigmoid(a_r)
    z = pin_z if pin_z is not None else torch.sigmoid(a_z)
    if reset_after:
        a_c = w[2 * n:] @ x + bi[2 * n:] + r * (u[2 * n:] @ h + bh[2 * n:])
    else:
        a_c = w[2 * n:] @ x + bi[2 * n:] + u[2 * n:] @ (r * h) + bh[2 * n:]
    c = torch.tanh(a_c)
    return z * h + (1 - z) * c, z


def run(params, xs, h0, reset_after, pin_r, pin_z, use_module):
    """Every state h_t (and z_t) of the sequence."""
    if use_module:
        n, i = h0.shape[0], xs.shape[1]
        gru = torch.nn.GRU(i, n)
        with torch.no_grad():
            gru.weight_ih_l0.copy_(params["w"])
            gru.weight_hh_l0.copy_(params["u"])
            gru.bias_ih_l0.copy_(params["bi"])
            gru.bias_hh_l0.copy_(params["bh"])
        out, _ = gru(xs.unsqueeze(1), h0.view(1, 1, n))
        return [out[t, 0] for t in range(xs.shape[0])], None
    states, gates = [], []
    h = h0
    for t in range(xs.shape[0]):
        h, z = formula_step(params["w"], params["u"], params["bi"], params["bh"], xs[t], h, reset_after, pin_r, pin_z)
        states.append(h)
        gates.append(z)
    return states, gates


def make(name, steps, inputs, hidden, reset_after, pin_r=None, pin_z=None, seed=0, scale=0.6):
    rng = np.random.default_rng(seed)
    f32 = lambda shape, s: rng.uniform(-s, s, size=shape).astype(np.float32)
    arrays = {
        "w": f32((3 * hidden, inputs), scale * 1.5),
        "u": f32((3 * hidden, hidden), scale),
        "bi": f32((3 * hidden,), 0.5),
        "bh": f32((3 * hidden,), 0.5) if reset_after else np.zeros(3 * hidden, np.float32),
    }
    xs32 = f32((steps, inputs), 1.5)
    h032 = f32((hidden,), 0.8)
    pins = {}
    if pin_r is not None:
        pins["r"] = rng.uniform(0, 1, size=hidden).astype(np.float32)
    if pin_z is not None:
        pins["z"] = rng.uniform(0, 1, size=hidden).astype(np.float32)
    params = {k: torch.tensor(v.astype(np.float64)) for k, v in arrays.items()}
    pr = torch.tensor(pins["r"].astype(np.float64)) if "r" in pins else None
    pz = torch.tensor(pins["z"].astype(np.float64)) if "z" in pins else None
    h0 = torch.tensor(h032.astype(np.float64))
    use_module = reset_after and not pins
    xs = torch.tensor(xs32.astype(np.float64), requires_grad=True)

    states, _ = run(params, xs, h0, reset_after, pr, pz, use_module)
    if use_module:
        # The written formulas must agree with the framework's own module.
        formula, _ = run(params, xs.detach(), h0, True, None, None, False)
        for a, b in zip(states, formula):
            assert torch.allclose(a, b, atol=1e-12), "formula and torch.nn.GRU disagree"

    influence = np.zeros((steps, steps))
    unit = hidden // 2
    unit_influence = np.zeros(steps)
    for t in range(steps):
        rows = []
        for j in range(hidden):
            (grad,) = torch.autograd.grad(states[t][j], xs, retain_graph=True, allow_unused=True)
            rows.append(grad if grad is not None else torch.zeros_like(xs))
        jac = torch.stack(rows)  # H x T x I: d h_t[j] / d x_s[k]
        for s in range(t + 1):
            influence[t, s] = torch.linalg.norm(jac[:, s, :]).item()
            if t == steps - 1:
                unit_influence[s] = torch.linalg.norm(jac[unit, s, :]).item()

    _, gates = run(params, xs.detach(), h0, reset_after, pr, pz, False)
    t = steps - 1
    retention = [float(np.prod([gates[k][unit].item() for k in range(s + 1, t + 1)])) for s in range(t + 1)]

    case = {
        "source": "torch %s autograd, float64" % torch.__version__,
        "reset_after": reset_after,
        "input_size": inputs,
        "hidden_size": hidden,
        "input_weights": arrays["w"].reshape(-1).tolist(),
        "recurrent_weights": arrays["u"].reshape(-1).tolist(),
        "input_bias": arrays["bi"].tolist(),
        "recurrent_bias": arrays["bh"].tolist(),
        "h0": h032.tolist(),
        "inputs": xs32.tolist(),
        "pin_r": pins["r"].tolist() if "r" in pins else None,
        "pin_z": pins["z"].tolist() if "z" in pins else None,
        "influence": influence.tolist(),
        "unit": unit,
        "unit_influence": unit_influence.tolist(),
        "retention": retention,
    }
    if not pins:
        # The same case as gruscope's command line reads it: the weights in the framework's own
        # layout and the inputs as an .npy file (trace --weights W --inputs X --influence).
        w, u, bi, bh = arrays["w"], arrays["u"], arrays["bi"], arrays["bh"]
        if reset_after:
            np.savez(os.path.join(OUT, name + ".weights.npz"), weight_ih=w, weight_hh=u, bias_ih=bi, bias_hh=bh)
        else:
            n = hidden
            gates = np.concatenate([w[: 2 * n].T, u[: 2 * n].T])
            candidate = np.concatenate([w[2 * n:].T, u[2 * n:].T])
            np.savez(os.path.join(OUT, name + ".weights.npz"), **{
                "gates/kernel": gates, "gates/bias": bi[: 2 * n],
                "candidate/kernel": candidate, "candidate/bias": bi[2 * n:]})
        np.save(os.path.join(OUT, name + ".inputs.npy"), xs32)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(case, f, indent=1)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    make("reset-after", steps=12, inputs=3, hidden=6, reset_after=True, seed=1)
    make("reset-after-pinned-z", steps=10, inputs=4, hidden=5, reset_after=True, pin_z=True, seed=2)
    make("reset-before", steps=12, inputs=3, hidden=7, reset_after=False, seed=3)
    make("reset-before-pinned", steps=9, inputs=2, hidden=5, reset_after=False, pin_r=True, pin_z=True, seed=4)
    make("reset-before-pinned-r", steps=10, inputs=5, hidden=4, reset_after=False, pin_r=True, seed=5)


if __name__ == "__main__":
    main()
