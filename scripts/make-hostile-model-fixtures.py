#!/usr/bin/env python3
"""Writes the broken and hostile ONNX, HDF5 and Keras files of Tests/WeightFilesTests into
Tests/Fixtures/models/hostile/, each a few KB, each meant to give one clear refusal.

Files that only need to be wrong in their meaning (another activation, clip, an integer W, an
LSTM, chunked data, links, cycles) are written by the real libraries (onnx.helper, h5py, keras);
cut-off and damaged bytes are cut from the fixtures of scripts/make-model-fixtures.py. Run that
script first, then: python3 scripts/make-hostile-model-fixtures.py (needs numpy onnx h5py keras).
"""
import io
import json
import os
import zipfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import h5py
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from fixture_traces import I, H, MODELS

OUT = os.path.join(MODELS, "hostile")


def out(name):
    return os.path.join(OUT, name)


def cut(source, name, fraction):
    data = open(os.path.join(MODELS, source), "rb").read()
    open(out(name), "wb").write(data[: int(len(data) * fraction)])


def gru_graph(name, attributes=None, w=None, extra_nodes=(), w_type=TensorProto.FLOAT, op="GRU", gates=3):
    rng = np.random.default_rng(1)
    w = rng.uniform(-1, 1, (1, gates * H, I)).astype(np.float32) if w is None else w
    r = rng.uniform(-1, 1, (1, gates * H, H)).astype(np.float32)
    if w_type == TensorProto.FLOAT:
        w_tensor = numpy_helper.from_array(w, "W")
    else:
        w_tensor = helper.make_tensor("W", w_type, w.shape, w.astype(np.int64).reshape(-1).tolist())
    node = helper.make_node(op, ["X", "W", "R"], ["Y"], name=name, hidden_size=H, **(attributes or {}))
    graph = helper.make_graph(
        list(extra_nodes) + [node], name, [helper.make_tensor_value_info("X", TensorProto.FLOAT, [2, 1, I])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, None)], [w_tensor, numpy_helper.from_array(r, "R")])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])


def save_onnx(model, name):
    open(out(name), "wb").write(model.SerializeToString())


def make_onnx():
    cut("torch-gru.onnx", "onnx-truncated.onnx", 0.5)
    cut("torch-gru.onnx", "onnx-truncated-header.onnx", 0.01)
    save_onnx(gru_graph("relu_gru", {"activations": ["Relu", "Tanh"]}), "onnx-activations.onnx")
    save_onnx(gru_graph("clipped_gru", {"clip": 3.0}), "onnx-clip.onnx")
    save_onnx(gru_graph("int_gru", w=np.ones((1, 3 * H, I)), w_type=TensorProto.INT64), "onnx-int64.onnx")
    save_onnx(gru_graph("lstm", op="LSTM", gates=4), "onnx-lstm.onnx")
    save_onnx(gru_graph("bad_direction", {"direction": "sideways"}), "onnx-direction.onnx")
    # W declares 3 × 3 000 000 × 1 000 000 values and holds 48 bytes.
    model = gru_graph("absurd")
    model.graph.initializer[0].dims[:] = [1, 3_000_000, 1_000_000]
    save_onnx(model, "onnx-absurd-shape.onnx")
    # W's shape fits but its data is a few bytes short.
    model = gru_graph("short")
    model.graph.initializer[0].raw_data = model.graph.initializer[0].raw_data[:-4]
    save_onnx(model, "onnx-short-data.onnx")
    # NaN in R.
    model = gru_graph("nan")
    values = numpy_helper.to_array(model.graph.initializer[1]).copy()
    values[0, 2, 1] = np.nan
    model.graph.initializer[1].CopyFrom(numpy_helper.from_array(values, "R"))
    save_onnx(model, "onnx-nan.onnx")
    # W computed by another node rather than stored.
    model = gru_graph("computed", extra_nodes=[helper.make_node("Identity", ["W0"], ["W"])])
    model.graph.initializer[0].name = "W0"
    save_onnx(model, "onnx-computed-w.onnx")
    # Subgraphs nested 40 deep (an If whose then_branch holds an If ...), deeper than the decoder
    # goes. Python's protobuf refuses to build it, so the bytes are put together field by field:
    # GraphProto.node = 1, NodeProto.attribute = 5, AttributeProto.g = 6, ModelProto.graph = 7.
    def field(number, payload):
        return varint(number << 3 | 2) + varint(len(payload)) + payload

    def varint(value):
        encoded = b""
        while value >= 0x80:
            encoded += bytes([value & 0x7F | 0x80])
            value >>= 7
        return encoded + bytes([value])

    graph = b""
    for depth in range(40):
        node = field(4, b"If") + field(5, field(1, b"then_branch") + field(6, graph))
        graph = field(1, node)
    open(out("onnx-deep.onnx"), "wb").write(varint(1 << 3) + varint(8) + field(7, graph))


    # External data that is not beside the model, and external data whose file is missing.
    for name, location in (("onnx-external-outside.onnx", "../onnx-external.onnx.data"),
                           ("onnx-external-missing.onnx", "missing.onnx.data")):
        model = onnx.load(os.path.join(MODELS, "onnx-external.onnx"), load_external_data=False)
        for tensor in model.graph.initializer:
            for entry in tensor.external_data:
                if entry.key == "location":
                    entry.value = location
        save_onnx(model, name)


def make_hdf5():
    cut("keras-reset-after.weights.h5", "h5-truncated.weights.h5", 0.5)
    data = bytearray(open(os.path.join(MODELS, "keras-reset-after.weights.h5"), "rb").read())
    for k in range(64, len(data), 97):
        data[k] ^= 0x5A
    open(out("h5-scrambled.weights.h5"), "wb").write(bytes(data[: 4096]))

    def keras3_like(name, kernel, recurrent, bias=None, **dataset_options):
        with h5py.File(out(name), "w") as f:
            vars_ = f.create_group("layers/gru/cell/vars")
            f.create_group("layers/gru/vars").attrs["name"] = "gru"
            vars_.create_dataset("0", data=kernel, **dataset_options)
            vars_.create_dataset("1", data=recurrent)
            if bias is not None:
                vars_.create_dataset("2", data=bias)

    rng = np.random.default_rng(2)
    kernel = rng.uniform(-1, 1, (I, 3 * H)).astype(np.float32)
    recurrent = rng.uniform(-1, 1, (H, 3 * H)).astype(np.float32)
    keras3_like("h5-int-kernel.weights.h5", kernel.astype(np.int32), recurrent)
    keras3_like("h5-chunked.weights.h5", kernel, recurrent, compression="gzip", chunks=(I, 3 * H))
    keras3_like("h5-bad-bias.weights.h5", kernel, recurrent, bias=np.zeros(5, np.float32))
    bad = recurrent.copy()
    bad[1, 7] = np.inf
    keras3_like("h5-infinite.weights.h5", kernel, bad)
    # A kernel and recurrent kernel that declare 48 million values (H = 4000, within the limits on
    # I and H) and store none.
    with h5py.File(out("h5-absurd-shape.weights.h5"), "w") as f:
        vars_ = f.create_group("layers/gru/cell/vars")
        vars_.create_dataset("0", shape=(3, 12_000), dtype="f4")
        vars_.create_dataset("1", shape=(4_000, 12_000), dtype="f4")
    # Groups nested 40 deep.
    with h5py.File(out("h5-deep.weights.h5"), "w", libver="latest") as f:
        f.create_group("/".join(["g"] * 40))
    # A root that links to itself twice: walking it never ends without a bound.
    with h5py.File(out("h5-cycle.weights.h5"), "w") as f:
        f["a"] = f["/"]
        f["b"] = f["/"]
    # A group of 20 links in h5py's newest format keeps them in a dense index (a fractal heap and a
    # B-tree), which gruscope does not read.
    with h5py.File(out("h5-dense-links.weights.h5"), "w", libver="latest") as f:
        for k in range(20):
            f.create_group(f"layers/layer_{k:02d}")
    # A big-endian kernel: float32, but not in the byte order gruscope reads.
    keras3_like("h5-big-endian.weights.h5", kernel.astype(">f4"), recurrent)
    # Links out of the file (external) and back into it (soft), never followed.
    with h5py.File(out("h5-links.weights.h5"), "w") as f:
        f["outside"] = h5py.ExternalLink("/etc/passwd", "/")
        f["loop"] = h5py.SoftLink("/loop")


def make_keras():
    import keras

    keras.utils.set_random_seed(5)

    def save(name, layer):
        inputs = keras.Input((2, I))
        model = keras.Model(inputs, layer(inputs))
        model.save_weights(out(name + ".weights.h5"))
        model.save(out(name + ".keras"))

    save("keras-lstm", keras.layers.LSTM(H))
    save("keras-relu-gru", keras.layers.GRU(H, activation="relu"))
    # A .keras archive whose config.json is cut off, and one without model.weights.h5.
    source = zipfile.ZipFile(os.path.join(MODELS, "keras-reset-after.keras"))
    with zipfile.ZipFile(out("keras-broken-config.keras"), "w") as archive:
        archive.writestr("config.json", source.read("config.json")[:200])
        archive.writestr("model.weights.h5", source.read("model.weights.h5"))
    with zipfile.ZipFile(out("keras-no-config.keras"), "w") as archive:
        archive.writestr("model.weights.h5", source.read("model.weights.h5"))
    # Only the .keras file says the GRU uses relu; the LSTM's weights alone are enough.
    os.remove(out("keras-lstm.keras"))
    os.remove(out("keras-relu-gru.weights.h5"))


def main():
    os.makedirs(OUT, exist_ok=True)
    make_onnx()
    make_hdf5()
    make_keras()


if __name__ == "__main__":
    main()
