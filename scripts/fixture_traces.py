"""What the model-fixture scripts share (scripts/make-model-fixtures.py for ONNX and Keras,
scripts/make-torch-fixtures.py for PyTorch, scripts/make-hostile-model-fixtures.py): where the
fixtures go, the sizes every fixture model has, and the trace format the tests read.

A trace (NAME.trace.json) lists, per cell, the inputs in the order the cell consumes them and
the framework's own h after each step.
"""
import json
import os

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = os.path.join(ROOT, "Tests", "Fixtures", "models")
# Input size, hidden size and steps of every fixture model.
I, H, T = 3, 4, 5


def out(name):
    return os.path.join(MODELS, name)


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def cell_trace(x, h, h0, direction, **extra):
    """x: inputs in time order (T×I); h: the framework's state after each time index (T×H);
    a reverse cell consumes the inputs backwards, so both are listed in the cell's order."""
    x, h = np.asarray(x), np.asarray(h)
    if direction == "reverse":
        x, h = x[::-1], h[::-1]
    trace = dict(extra)
    trace.update(
        direction=direction,
        input_size=int(x.shape[1]),
        hidden_size=int(h.shape[1]),
        h0=floats(h0),
        x=[floats(row) for row in x],
        h=[floats(row) for row in h],
    )
    return trace


def write_trace(name, source, cells):
    with open(out(name + ".trace.json"), "w") as f:
        json.dump({"file": name, "source": source, "cells": cells}, f, indent=1)
        f.write("\n")
