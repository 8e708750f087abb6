#!/usr/bin/env python3
"""Writes the ONNX and Keras model fixtures of Tests/WeightFilesTests into Tests/Fixtures/models/.

Every model file is saved by the framework itself, and every trace is the framework's own output:

- ONNX: torch.onnx.export of nn.GRU models (the default dynamo exporter and the TorchScript one),
  and GRU graphs built with onnx.helper (linear_before_reset 0 and 1, forward/reverse/
  bidirectional, initial_h, float_data and raw_data, a W from a Constant node). ONNX Runtime runs
  each model, with every GRU node's X input and Y output added as graph outputs, so the trace of
  a cell is exactly what ONNX Runtime fed it and computed.
- Keras 3 (TensorFlow backend): model.save("NAME.keras") and model.save_weights("NAME.weights.h5")
  of GRU models (reset_after True/False, use_bias=False, stacked, Bidirectional); each GRU
  returns its sequences and is also an output of the model, so Keras computes every step's h.
- tf_keras (Keras 2): model.save_weights("NAME.h5") and model.save("NAME.h5"), the legacy H5
  layouts, traced the same way.

Files whose dtype ONNX Runtime's GRU does not run (double) or runs at another precision (float16)
are written with values exactly representable in that dtype, and traced by running the float32
twin of the same graph.

Each NAME.trace.json holds, per cell: which GRU it is (`node` or `layer_name`, `layer` = the
GRU's position among the file's GRUs, `direction`), its sizes, `reset_after`, `biases`, `h0`, and
the inputs in the order the cell consumes them (a reverse cell reads the sequence backwards) with
the framework's h after each one.

Run once: python3 scripts/make-model-fixtures.py  (needs numpy torch onnx onnxscript onnxruntime
tensorflow-cpu tf_keras h5py). Hostile files are made by scripts/make-hostile-model-fixtures.py.
"""
import json
import os
import warnings
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.simplefilter("ignore")

import numpy as np

from fixture_traces import I, H, T, MODELS as OUT, cell_trace, out, write_trace


def sequence(seed, steps=T, inputs=I):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((steps, inputs)) * 1.5).astype(np.float32)


# --- ONNX -------------------------------------------------------------------------------------

import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

ONNX_DIRECTIONS = {"forward": ["forward"], "reverse": ["reverse"], "bidirectional": ["forward", "reverse"]}


def gru_attributes(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def constant_value(model, name):
    for tensor in model.graph.initializer:
        if tensor.name == name:
            return numpy_helper.to_array(tensor)
    for node in model.graph.node:
        if node.op_type == "Constant" and node.output[0] == name:
            return numpy_helper.to_array(node.attribute[0].t)
    return None


def onnx_traces(model, feeds, traced_model=None):
    """Runs `traced_model` (default: model) in ONNX Runtime with every GRU's X, Y and initial_h
    as extra outputs and returns one trace per (GRU node, direction) of `model`."""
    runnable = onnx.ModelProto()
    runnable.CopyFrom(traced_model or model)
    grus = [n for n in runnable.graph.node if n.op_type == "GRU"]
    existing = {o.name for o in runnable.graph.output}
    extra = []
    for node in grus:
        wanted = [node.input[0], node.output[0]]
        if len(node.input) > 5 and node.input[5]:
            wanted.append(node.input[5])
        for name in wanted:
            if name not in existing and constant_value(runnable, name) is None:
                runnable.graph.output.append(helper.make_empty_tensor_value_info(name))
                existing.add(name)
                extra.append(name)
    session = ort.InferenceSession(runnable.SerializeToString(), providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    values = dict(zip(names, session.run(None, feeds)))
    values.update({k: v for k, v in feeds.items()})
    cells = []
    for layer, node in enumerate(grus):
        attributes = gru_attributes(node)
        direction = attributes.get("direction", b"forward")
        direction = direction.decode() if isinstance(direction, bytes) else direction
        x = values[node.input[0]][:, 0, :]
        y = values[node.output[0]]
        h0 = None
        if len(node.input) > 5 and node.input[5]:
            h0 = values.get(node.input[5])
            if h0 is None:
                h0 = constant_value(runnable, node.input[5])
        has_bias = len(node.input) > 3 and node.input[3] != ""
        for d, cell_direction in enumerate(ONNX_DIRECTIONS[direction]):
            hidden = y.shape[-1]
            start = np.zeros(hidden, np.float32) if h0 is None else h0[d, 0]
            cells.append(
                cell_trace(
                    x, y[:, d, 0, :], start, cell_direction,
                    node=node.name, layer=layer, reset_after=bool(attributes.get("linear_before_reset", 0)),
                    biases=has_bias,
                )
            )
    return cells


def torch_fixture(name, seed, exporter, **gru_options):
    import torch

    torch.manual_seed(seed)
    gru = torch.nn.GRU(I, H, **gru_options)
    x = torch.from_numpy(sequence(seed)).reshape(T, 1, I)
    path = out(name + ".onnx")
    if exporter == "dynamo":
        torch.onnx.export(gru, (x,), path, dynamo=True, verbose=False)
    else:
        torch.onnx.export(gru, (x,), path, dynamo=False)
    model = onnx.load(path)
    # Keep the fixture self-contained: the dynamo exporter may write tensors externally.
    onnx.save_model(model, path, save_as_external_data=False)
    if os.path.exists(path + ".data"):
        os.remove(path + ".data")
    input_name = model.graph.input[0].name
    cells = onnx_traces(model, {input_name: x.numpy()})
    # torch's own output of the last layer agrees with ONNX Runtime (a check on the check).
    with torch.no_grad():
        expected, _ = gru(x)
    last = cells[-len(ONNX_DIRECTIONS["bidirectional" if gru_options.get("bidirectional") else "forward"]):]
    assert np.allclose(np.array(last[0]["h"]), expected[:, 0, :H].numpy(), atol=1e-5)
    write_trace(name, f"torch {torch.__version__} torch.onnx.export ({exporter}), onnxruntime {ort.__version__}", cells)


def helper_gru_model(name, seed, direction, linear_before_reset, initial_h, raw, w_from_constant=False,
                     elem_type=TensorProto.FLOAT, dtype=np.float32, half_values=False, opset=14):
    """A one-node GRU graph; returns (model, X). `dtype` stores the tensors; `half_values` draws
    only values a float16 holds exactly."""
    rng = np.random.default_rng(seed)
    dirs = len(ONNX_DIRECTIONS[direction])
    def draw(*shape):
        values = rng.uniform(-0.8, 0.8, shape).astype(np.float32)
        if half_values:
            values = values.astype(np.float16).astype(np.float32)
        return values
    w, r, b = draw(dirs, 3 * H, I), draw(dirs, 3 * H, H), draw(dirs, 6 * H)
    h0 = draw(dirs, 1, H) if initial_h else None

    def tensor(tensor_name, array):
        array = array.astype(dtype)
        if raw:
            return numpy_helper.from_array(array, tensor_name)
        values = array.reshape(-1).tolist()
        if dtype == np.float16:
            values = array.reshape(-1)
        return helper.make_tensor(tensor_name, elem_type, array.shape, values)

    initializers = [tensor("R", r), tensor("B", b)]
    nodes = []
    if w_from_constant:
        nodes.append(helper.make_node("Constant", [], ["W"], name="weights", value=tensor("W_value", w)))
    else:
        initializers.insert(0, tensor("W", w))
    inputs = ["X", "W", "R", "B", "", "initial_h" if initial_h else ""]
    while inputs[-1] == "":
        inputs.pop()
    if initial_h:
        initializers.append(tensor("initial_h", h0))
    nodes.append(helper.make_node(
        "GRU", inputs, ["Y", "Y_h"], name=name.replace("-", "_"), hidden_size=H, direction=direction,
        linear_before_reset=linear_before_reset))
    graph = helper.make_graph(
        nodes, name, [helper.make_tensor_value_info("X", elem_type, [T, 1, I])],
        [helper.make_tensor_value_info("Y", elem_type, [T, dirs, 1, H])], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="onnx.helper")
    onnx.checker.check_model(model)
    return model, sequence(seed).reshape(T, 1, I)


def helper_fixture(name, seed, direction, linear_before_reset, initial_h, raw, **options):
    model, x = helper_gru_model(name, seed, direction, linear_before_reset, initial_h, raw, **options)
    onnx.save_model(model, out(name + ".onnx"))
    write_trace(name, f"onnx {onnx.__version__} helper graph, onnxruntime {ort.__version__}",
                onnx_traces(model, {"X": x}))


def helper_dtype_fixture(name, seed, elem_type, dtype):
    """The same graph with another initializer dtype; traced by its float32 twin."""
    half = dtype == np.float16
    model, x = helper_gru_model(name, seed, "bidirectional", 1, True, raw=False, elem_type=elem_type, dtype=dtype,
                                half_values=half)
    twin, _ = helper_gru_model(name, seed, "bidirectional", 1, True, raw=False, half_values=half)
    onnx.save_model(model, out(name + ".onnx"))
    write_trace(name, f"onnx {onnx.__version__} helper graph in {np.dtype(dtype).name}, traced by its float32 twin in onnxruntime {ort.__version__}",
                onnx_traces(model, {"X": x}, traced_model=twin))


def make_onnx():
    torch_fixture("torch-gru", 11, "dynamo")
    torch_fixture("torch-gru-2layer-bi", 12, "dynamo", num_layers=2, bidirectional=True)
    torch_fixture("torch-gru-script-nobias", 13, "torchscript", bias=False)
    helper_fixture("onnx-lbr0-h0", 21, "forward", 0, initial_h=True, raw=False)
    helper_fixture("onnx-lbr1-reverse-const", 22, "reverse", 1, initial_h=True, raw=True, w_from_constant=True)
    helper_fixture("onnx-lbr0-bi", 23, "bidirectional", 0, initial_h=False, raw=True)
    helper_dtype_fixture("onnx-double", 24, TensorProto.DOUBLE, np.float64)
    helper_dtype_fixture("onnx-float16", 25, TensorProto.FLOAT16, np.float16)
    # Weights in a file beside the model (ONNX's external data), as torch.onnx.export writes them.
    model, x = helper_gru_model("onnx-external", 26, "forward", 1, initial_h=True, raw=True)
    write_trace("onnx-external", f"onnx {onnx.__version__} helper graph saved with external data, onnxruntime {ort.__version__}",
                onnx_traces(model, {"X": x}))
    onnx.save_model(model, out("onnx-external.onnx"), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="onnx-external.onnx.data", size_threshold=0)


# --- Keras 3 ----------------------------------------------------------------------------------


def keras_fixture(keras, name, layers, source, save):
    """layers: builds the model's GRUs on an input and returns [(output tensor, cell descriptions)],
    where each description is (layer name, direction, reset_after, biases, input tensor)."""
    inputs = keras.Input((T, I), batch_size=1, name="x")
    pieces = layers(keras, inputs)
    outputs, described = [], []
    for sequence_output, descriptions in pieces:
        outputs.append(sequence_output)
        described.append(descriptions)
    model = keras.Model(inputs, outputs)
    x = sequence(zlib.crc32(name.encode()) % 1000)[None]
    sub_inputs = keras.Model(inputs, [d[4] for ds in described for d in ds])
    results = model.predict(x, verbose=0)
    if not isinstance(results, list):
        results = [results]
    fed = sub_inputs.predict(x, verbose=0)
    if not isinstance(fed, list):
        fed = [fed]
    cells, k = [], 0
    for result, descriptions in zip(results, described):
        for d in descriptions:
            layer_name, direction, reset_after, biases, _, position = d
            hidden = result.shape[-1]
            cells.append(cell_trace(
                fed[k][0], result[0], np.zeros(hidden, np.float32), direction,
                layer_name=layer_name, layer=position, reset_after=reset_after, biases=biases))
            k += 1
    save(model)
    write_trace(name, source, cells)


def stacked_bidirectional(keras, inputs):
    """A Bidirectional GRU (reset_after) under a GRU with reset_after=False; Keras 3 or tf_keras."""
    GRU, Bidirectional = keras.layers.GRU, keras.layers.Bidirectional
    forward, backward = Bidirectional(GRU(H, return_sequences=True), merge_mode=None, name="bi")(inputs)
    merged = keras.layers.Concatenate(name="concat")([forward, backward])
    top = GRU(H, return_sequences=True, reset_after=False, name="top")(merged)
    return [
        (forward, [("bi", "forward", True, True, inputs, 0)]),
        (backward, [("bi", "reverse", True, True, inputs, 0)]),
        (top, [("top", "forward", False, True, merged, 1)]),
    ]


def keras3_models(keras):
    GRU = keras.layers.GRU

    def single(reset_after, use_bias=True, layer_name="gru"):
        def build(keras, inputs):
            out = GRU(H, return_sequences=True, reset_after=reset_after, use_bias=use_bias, name=layer_name)(inputs)
            return [(out, [(layer_name, "forward", reset_after, use_bias, inputs, 0)])]
        return build

    return {
        "keras-reset-after": single(True),
        "keras-reset-before": single(False, layer_name="encoder"),
        "keras-nobias": single(False, use_bias=False),
        "keras-stacked-bi": stacked_bidirectional,
    }


def make_keras3():
    import keras

    keras.utils.set_random_seed(31)
    source = f"keras {keras.__version__} (tensorflow backend)"
    for name, build in keras3_models(keras).items():
        def save(model, name=name):
            model.save(out(name + ".keras"))
            model.save_weights(out(name + ".weights.h5"))
            if name == "keras-stacked-bi":
                # Named arrays as a user saves them from any Keras model: a Bidirectional layer's
                # halves are bi/forward_gru/… and bi/backward_gru/…
                np.savez(out(name + ".npz"), **{w.path: np.asarray(w.numpy()) for w in model.weights})
        keras_fixture(keras, name, build, source, save)
    normalise_keras_zips()


def normalise_keras_zips():
    """A .keras zip records the time it was saved; fixed timestamps keep reruns byte-identical."""
    import zipfile
    for file in sorted(os.listdir(OUT)):
        if not file.endswith(".keras"):
            continue
        path = out(file)
        with zipfile.ZipFile(path) as source:
            members = [(info, source.read(info)) for info in source.infolist()]
        with zipfile.ZipFile(path + ".tmp", "w") as target:
            for info, data in members:
                fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                fixed.compress_type = info.compress_type
                if info.filename == "metadata.json":
                    meta = json.loads(data)
                    meta["date_saved"] = "1980-01-01@00:00:00"
                    data = json.dumps(meta).encode()
                target.writestr(fixed, data)
        os.replace(path + ".tmp", path)


# --- tf_keras (Keras 2) -----------------------------------------------------------------------


def make_tf_keras():
    import tf_keras

    tf_keras.utils.set_random_seed(41)
    GRU = tf_keras.layers.GRU
    source = f"tf_keras {tf_keras.__version__}"

    def before_nobias(keras, inputs):
        out1 = GRU(H, return_sequences=True, reset_after=False, name="gru")(inputs)
        out2 = GRU(H, return_sequences=True, use_bias=False, name="gru_nobias")(out1)
        return [
            (out1, [("gru", "forward", False, True, inputs, 0)]),
            (out2, [("gru_nobias", "forward", True, False, out1, 1)]),
        ]

    keras_fixture(tf_keras, "tfkeras-weights", stacked_bidirectional, source,
                  lambda model: model.save_weights(out("tfkeras-weights.h5")))
    keras_fixture(tf_keras, "tfkeras-model", before_nobias, source,
                  lambda model: model.save(out("tfkeras-model.h5"), save_format="h5"))


def copy_hdf5(source, target, **file_options):
    """Rewrites an HDF5 file with h5py under other file options (groups, datasets and attributes
    as they are), so the same weights and trace cover another layout of the format."""
    import h5py

    def copy_attributes(source, target):
        for key, value in source.attrs.items():
            target.attrs[key] = value

    with h5py.File(out(source), "r") as original, h5py.File(out(target), "w", **file_options) as copy:
        copy_attributes(original, copy)

        def visit(name, item):
            if isinstance(item, h5py.Dataset):
                copy.create_dataset(name, data=item[()])
            else:
                copy.require_group(name)
            copy_attributes(item, copy[name])

        original.visititems(visit)


def make_hdf5_layouts():
    """h5py's newest format (superblock 3, version-2 object headers, links in the header, all
    checksummed), which Keras never writes by itself but a user's h5py copy can."""
    copy_hdf5("keras-stacked-bi.weights.h5", "keras-stacked-bi-latest.weights.h5", libver="latest")


def main():
    os.makedirs(OUT, exist_ok=True)
    make_onnx()
    make_keras3()
    make_tf_keras()
    make_hdf5_layouts()


if __name__ == "__main__":
    main()
