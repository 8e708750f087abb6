#!/usr/bin/env python3
"""Writes one GRU with I=512 and H=1024 in every weight format gruscope reads, each file saved
by the framework itself, into a folder (default: a new temporary folder), and prints the folder.

scripts/bench-start --formats runs this and times gruscope's first frame on every file. The
files are benchmark inputs, not fixtures: nothing is checked against them, and they are never
committed (about 250 MB in all).

| file | saved by |
| --- | --- |
| gru1024.npz | numpy.savez(**state_dict as arrays) |
| gru1024.json | json.dump({"variant": "pytorch", name: array.tolist(), ...}) |
| gru1024.pt | torch.save(state_dict) (zip, float32) |
| gru1024-half.pt | torch.save(state_dict in float16) |
| gru1024-legacy.pt | torch.save(state_dict, _use_new_zipfile_serialization=False) |
| gru1024.safetensors | safetensors.torch.save_file(state_dict) |
| gru1024.onnx | torch.onnx.export(nn.GRU, dynamo=False) |
| gru1024.keras | Keras 3 model.save |
| gru1024.weights.h5 | Keras 3 model.save_weights |
| gru1024.h5 | tf_keras (Keras 2) model.save_weights |

Usage: python3 scripts/make-bench-models.py [FOLDER]  (needs numpy torch onnx safetensors
tensorflow-cpu keras tf_keras; takes about a minute).
"""
import json
import os
import sys
import tempfile
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.simplefilter("ignore")

INPUTS, HIDDEN = 512, 1024

# Every file this script writes, in the order the benchmark lists them.
FILES = [
    "gru1024.npz", "gru1024.json", "gru1024.pt", "gru1024-half.pt", "gru1024-legacy.pt",
    "gru1024.safetensors", "gru1024.onnx", "gru1024.keras", "gru1024.weights.h5", "gru1024.h5",
]


def make_torch(folder):
    import numpy as np
    import torch
    from safetensors.torch import save_file

    torch.manual_seed(0)
    gru = torch.nn.GRU(INPUTS, HIDDEN)
    state = gru.state_dict()
    path = lambda name: os.path.join(folder, name)
    arrays = {k: v.detach().numpy() for k, v in state.items()}
    np.savez(path("gru1024.npz"), **arrays)
    with open(path("gru1024.json"), "w") as f:
        json.dump({"variant": "pytorch", **{k: v.tolist() for k, v in arrays.items()}}, f)
    torch.save(state, path("gru1024.pt"))
    torch.save({k: v.half() for k, v in state.items()}, path("gru1024-half.pt"))
    torch.save(state, path("gru1024-legacy.pt"), _use_new_zipfile_serialization=False)
    save_file({k: v.contiguous() for k, v in state.items()}, path("gru1024.safetensors"))
    torch.onnx.export(gru, (torch.zeros(3, 1, INPUTS),), path("gru1024.onnx"), dynamo=False)


def make_keras(folder):
    import keras

    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((None, INPUTS)), keras.layers.GRU(HIDDEN)])
    model.save(os.path.join(folder, "gru1024.keras"))
    model.save_weights(os.path.join(folder, "gru1024.weights.h5"))


def make_tf_keras(folder):
    import tf_keras

    tf_keras.utils.set_random_seed(0)
    model = tf_keras.Sequential([tf_keras.Input((None, INPUTS)), tf_keras.layers.GRU(HIDDEN)])
    model.save_weights(os.path.join(folder, "gru1024.h5"))


def make(folder=None):
    """Writes every file into `folder` (a new temporary folder when None); returns the folder."""
    folder = folder or tempfile.mkdtemp(prefix="gruscope-bench-")
    os.makedirs(folder, exist_ok=True)
    make_torch(folder)
    make_keras(folder)
    make_tf_keras(folder)
    missing = [name for name in FILES if not os.path.exists(os.path.join(folder, name))]
    if missing:
        raise SystemExit(f"error: the frameworks did not write {', '.join(missing)} into {folder}")
    return folder


if __name__ == "__main__":
    print(make(sys.argv[1] if len(sys.argv) > 1 else None))
