#!/usr/bin/env python3
"""Writes the PyTorch, safetensors and .npz model fixtures of Tests/WeightFilesTests into
Tests/Fixtures/models/ (files named torch-*, st-*, npz-*), each with the framework's own h at
every step.

Every file is saved the way users save models: torch.save(model.state_dict(), …) as a zip
(default) and as a legacy pickle (_use_new_zipfile_serialization=False), with pickle protocols 2
and 4, a checkpoint dict holding the state_dict, half/bfloat16/float64 tensors, tensors that are
strided views or share one storage; safetensors.torch.save_file; numpy.savez of the state_dict.
Models: a stacked bidirectional nn.GRU inside a module (prefix `encoder.gru`), a bias-free
stacked GRU, an nn.GRUCell. Each NAME.trace.json lists, per cell (prefix, layer, direction),
the inputs in the order the cell consumes them and PyTorch's own h after each; the schema is the
one scripts/make-model-fixtures.py uses. A layer's inputs come from PyTorch running the layers
below it (each layer run as a one-layer nn.GRU holding that layer's weights).

Run once: python3 scripts/make-torch-fixtures.py  (needs numpy torch safetensors).
Hostile files come from scripts/make-hostile-torch-fixtures.py.
"""
import os

import numpy as np
import torch
from safetensors.torch import save_file

from fixture_traces import I, H, T, MODELS as OUT, cell_trace, floats, out, write_trace


class Encoder(torch.nn.Module):
    """A GRU inside a model, as users have them: state_dict names start with `gru.`."""

    def __init__(self, layers=2, bidirectional=True, bias=True):
        super().__init__()
        self.gru = torch.nn.GRU(I, H, num_layers=layers, bidirectional=bidirectional, bias=bias)
        self.head = torch.nn.Linear(H * (2 if bidirectional else 1), 2)


def layer_gru(gru, layer, float_dtype=torch.float32):
    """A one-layer nn.GRU with `gru`'s weights of `layer` (both directions), for running one layer."""
    directions = 2 if gru.bidirectional else 1
    in_size = gru.input_size if layer == 0 else gru.hidden_size * directions
    single = torch.nn.GRU(in_size, gru.hidden_size, bidirectional=gru.bidirectional, bias=gru.bias)
    with torch.no_grad():
        for suffix in ([""] + (["_reverse"] if gru.bidirectional else [])):
            for kind in ["weight_ih", "weight_hh"] + (["bias_ih", "bias_hh"] if gru.bias else []):
                source = getattr(gru, f"{kind}_l{layer}{suffix}")
                getattr(single, f"{kind}_l0{suffix}").copy_(source.to(float_dtype).to(torch.float32))
    return single


def gru_traces(gru, prefix, seed, float_dtype=torch.float32):
    """PyTorch's h for every cell of `gru`, run layer by layer on one sequence."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(T, 1, gru.input_size, generator=g) * 1.5
    directions = 2 if gru.bidirectional else 1
    cells = []
    layer_input = x
    for layer in range(gru.num_layers):
        single = layer_gru(gru, layer, float_dtype)
        h0 = torch.randn(directions, 1, gru.hidden_size, generator=g) * 0.5
        with torch.no_grad():
            output, _ = single(layer_input, h0)
        for d, direction in enumerate(["forward", "reverse"][:directions]):
            xs = layer_input[:, 0, :].numpy()
            hs = output[:, 0, d * gru.hidden_size:(d + 1) * gru.hidden_size].numpy()
            cells.append(cell_trace(xs, hs, h0[d, 0], direction,
                                    prefix=prefix, layer=layer, reset_after=True, biases=gru.bias))
        layer_input = output
    return cells


def cell_traces(cell, prefix, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(T, cell.input_size, generator=g) * 1.5
    h0 = torch.randn(cell.hidden_size, generator=g) * 0.5
    h, hs = h0, []
    with torch.no_grad():
        for t in range(T):
            h = cell(x[t:t + 1], h.unsqueeze(0))[0]
            hs.append(floats(h))
    return [cell_trace(x, hs, h0, "forward", prefix=prefix, layer=0, reset_after=True, biases=cell.bias)]


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(12)
    version = f"torch {torch.__version__}"

    encoder = Encoder()
    state = encoder.state_dict()
    traces = gru_traces(encoder.gru, "gru", seed=1)
    torch.save(state, out("torch-stacked-bi.pth"))
    write_trace("torch-stacked-bi.pth", f"{version} torch.save(model.state_dict())", traces)
    torch.save(state, out("torch-stacked-bi-legacy.pt"), _use_new_zipfile_serialization=False)
    write_trace("torch-stacked-bi-legacy.pt", f"{version} torch.save(..., _use_new_zipfile_serialization=False)", traces)
    torch.save(state, out("torch-stacked-bi-protocol4.pt"), pickle_protocol=4)
    write_trace("torch-stacked-bi-protocol4.pt", f"{version} torch.save(..., pickle_protocol=4)", traces)
    optimizer = torch.optim.Adam(encoder.parameters())
    encoder.gru(torch.zeros(2, 1, I))[0].sum().backward()
    optimizer.step()
    state = encoder.state_dict()
    traces = gru_traces(encoder.gru, "model.gru", seed=2)
    torch.save({"model": state, "optimizer": optimizer.state_dict(), "epoch": 3}, out("torch-checkpoint.pt"))
    write_trace("torch-checkpoint.pt", f"{version} torch.save({{'model': state_dict, 'optimizer': ..., 'epoch': 3}})", traces)
    save_file({k: v.contiguous() for k, v in state.items()}, out("st-stacked-bi.safetensors"))
    write_trace("st-stacked-bi.safetensors", "safetensors.torch.save_file(model.state_dict())",
                [dict(c, prefix="gru") for c in traces])
    np.savez(out("npz-stacked-bi.npz"), **{k: v.numpy() for k, v in state.items()})
    write_trace("npz-stacked-bi.npz", "numpy.savez(**model.state_dict())", [dict(c, prefix="gru") for c in traces])

    plain = torch.nn.GRU(I, H, num_layers=2, bias=False)
    traces = gru_traces(plain, None, seed=3)
    torch.save(plain.state_dict(), out("torch-nobias.pth"))
    write_trace("torch-nobias.pth", f"{version} torch.save(nn.GRU(bias=False).state_dict())", traces)
    save_file(plain.state_dict(), out("st-nobias.safetensors"))
    write_trace("st-nobias.safetensors", "safetensors.torch.save_file(nn.GRU(bias=False).state_dict())", traces)
    np.savez(out("npz-nobias.npz"), **{k: v.detach().numpy() for k, v in plain.state_dict().items()})
    write_trace("npz-nobias.npz", "numpy.savez(**nn.GRU(bias=False).state_dict())", traces)

    cell = torch.nn.GRUCell(I, H)
    torch.save(cell.state_dict(), out("torch-cell.pt"))
    write_trace("torch-cell.pt", f"{version} torch.save(nn.GRUCell.state_dict())", cell_traces(cell, None, seed=4))

    # Storage variants: half, bfloat16 and double tensors (traced by the float32 twin of the
    # rounded weights), a transposed (strided) view, and views sharing one storage.
    single = torch.nn.GRU(I, H, bidirectional=True)
    for dtype, name in [(torch.float16, "half"), (torch.bfloat16, "bfloat16"), (torch.float64, "float64")]:
        torch.save({k: v.to(dtype) for k, v in single.state_dict().items()}, out(f"torch-{name}.pt"))
        write_trace(f"torch-{name}.pt", f"{version} torch.save(state_dict in {dtype})",
                    gru_traces(single, None, seed=5, float_dtype=dtype))
    state = single.state_dict()
    strided = dict(state)
    strided["weight_ih_l0"] = state["weight_ih_l0"].t().contiguous().t()
    flat = torch.cat([state["weight_hh_l0"].reshape(-1), state["weight_hh_l0_reverse"].reshape(-1),
                      state["bias_hh_l0"], state["bias_hh_l0_reverse"]])
    n = 3 * H * H
    strided["weight_hh_l0"] = flat[0:n].view(3 * H, H)
    strided["weight_hh_l0_reverse"] = flat[n:2 * n].view(3 * H, H)
    strided["bias_hh_l0"] = flat[2 * n:2 * n + 3 * H]
    strided["bias_hh_l0_reverse"] = flat[2 * n + 3 * H:]
    assert strided["weight_ih_l0"].stride() == (1, 3 * H) and strided["bias_hh_l0_reverse"].storage_offset() > 0
    torch.save(strided, out("torch-views.pt"))
    write_trace("torch-views.pt", f"{version} torch.save(strided and shared-storage views)",
                gru_traces(single, None, seed=5))

    # Not GRUs: an LSTM, and a Keras-style positional save.
    torch.save(torch.nn.LSTM(I, H).state_dict(), out("torch-lstm.pth"))
    rng = np.random.default_rng(6)
    np.savez(out("npz-positional.npz"), *[rng.standard_normal(s).astype(np.float32) for s in [(I, 3 * H), (H, 3 * H), (2, 3 * H)]])


if __name__ == "__main__":
    main()
