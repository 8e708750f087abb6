#!/usr/bin/env python3
"""Writes the weight-file fixtures of Tests/WeightFilesTests into Tests/Fixtures/weights/.

Every fixture is derived from the golden weights in Tests/Fixtures/golden (so a test can compare
what it loads with the golden case) or is a deliberately broken file. Ordinary archives are
written by numpy.savez / numpy.savez_compressed themselves, so the tests read what numpy really
writes; the hostile ones (lying sizes, bad headers) are assembled by hand with zipfile.
Run from anywhere: python3 scripts/make-weight-fixtures.py  (needs numpy).
See Tests/Fixtures/weights/README.md for what each file is for.
"""
import io
import json
import os
import struct
import zipfile
import zlib

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "Tests", "Fixtures", "golden")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "weights")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def golden(name):
    with np.load(os.path.join(GOLDEN, name + ".weights.npz")) as z:
        return {k: z[k] for k in z.files}


def path(name):
    return os.path.join(OUT, name)


def savez(name, arrays, compressed=False):
    (np.savez_compressed if compressed else np.savez)(path(name), **arrays)


def npy_bytes(array, version=None):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, version=version, allow_pickle=True)
    return buffer.getvalue()


def write_zip(name, entries, method=zipfile.ZIP_STORED):
    """entries: list of (entry name, bytes); fixed timestamps keep the output reproducible."""
    with zipfile.ZipFile(path(name), "w") as archive:
        for entry_name, data in entries:
            info = zipfile.ZipInfo(entry_name, date_time=FIXED_TIME)
            info.compress_type = method
            archive.writestr(info, data)


def patch_central_sizes(name, entry, uncompressed=None, compressed=None):
    """Rewrites the sizes the central directory declares for one entry (the local header keeps
    its own), as a hostile or damaged archive would."""
    data = bytearray(open(path(name), "rb").read())
    signature = b"PK\x01\x02"
    offset = data.find(signature)
    while offset >= 0:
        name_length, = struct.unpack_from("<H", data, offset + 28)
        entry_name = data[offset + 46:offset + 46 + name_length].decode()
        if entry_name == entry:
            if compressed is not None:
                struct.pack_into("<I", data, offset + 20, compressed)
            if uncompressed is not None:
                struct.pack_into("<I", data, offset + 24, uncompressed)
        offset = data.find(signature, offset + 4)
    open(path(name), "wb").write(bytes(data))


def torch_names(arrays, prefix="", suffix=""):
    return {prefix + k + suffix: v for k, v in arrays.items()}


def dump_json(name, obj):
    # Python's json writes NaN / Infinity / -Infinity for non-finite floats: exactly what the
    # loader must refuse. indent=1 puts each row on its own line, so lines are meaningful.
    with open(path(name), "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def as_lists(arrays):
    return {k: v.astype(np.float64).tolist() for k, v in arrays.items()}


def pattern(rows, cols, seed):
    """Exactly representable, compressible values a test can recompute: (((r*7 + c*3 + seed) % 17) - 8) / 16."""
    r, c = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
    return ((((r * 7 + c * 3 + seed) % 17) - 8) / 16).astype(np.float32)


def main():
    os.makedirs(OUT, exist_ok=True)
    tf = golden("tf-seed-code")          # I=4, H=5
    torch = golden("pytorch-seq")        # I=4, H=8
    keras_after = golden("keras-reset-after")    # I=5, H=6
    keras_before = golden("keras-reset-before")  # I=5, H=6
    rng = np.random.default_rng(7)

    # Names as real exports spell them.
    savez("tf-prefixed.npz", {
        **{"rnn/gru_cell/" + k + ":0": v for k, v in tf.items()},
        "dense/kernel:0": rng.standard_normal((5, 3)).astype(np.float32),
        "dense/bias:0": np.zeros(3, np.float32),
    })
    old = {"gates/weights": tf["gates/kernel"], "gates/biases": tf["gates/bias"],
           "candidate/weights": tf["candidate/kernel"], "candidate/biases": tf["candidate/bias"]}
    savez("tf-old-names.npz", old)
    dump_json("tf-old-names.json", as_lists(old))
    savez("pytorch-gru-l0.npz", {
        **torch_names(torch, "gru.", "_l0"),
        "fc.weight": rng.standard_normal((3, 8)).astype(np.float32),
        "fc.bias": np.zeros(3, np.float32),
        "steps_done": np.array(1234, dtype=np.int64),
    })
    layer1 = {"weight_ih": rng.standard_normal((24, 8)).astype(np.float32),
              "weight_hh": rng.standard_normal((24, 8)).astype(np.float32),
              "bias_ih": rng.standard_normal(24).astype(np.float32),
              "bias_hh": rng.standard_normal(24).astype(np.float32)}
    savez("pytorch-two-layers.npz", {**torch_names(torch, "gru.", "_l0"), **torch_names(layer1, "gru.", "_l1"),
                                     **torch_names(torch, "gru.", "_l0_reverse")})
    savez("pytorch-layer1-only.npz", torch_names(layer1, "rnn.", "_l1"))
    dump_json("pytorch-cell.json", as_lists(torch_names(torch, "cell.")))
    savez("keras-prefixed.npz", {
        **{"gru/gru_cell/" + k + ":0": v for k, v in keras_after.items()},
        "dense/kernel:0": rng.standard_normal((6, 2)).astype(np.float32),
        "dense/bias:0": np.zeros(2, np.float32),
    })
    dump_json("keras-layers.json", {"reset_after": False,
                                    **as_lists({"model.layers.0.cell." + k: v for k, v in keras_before.items()})})
    savez("two-grus.npz", {**torch_names(torch, "encoder.gru.", "_l0"), **torch_names(layer1, "decoder.gru.", "_l0")})

    # Storage variants numpy produces.
    savez("fortran.npz", {k: np.asfortranarray(v) for k, v in torch.items()})
    savez("float64.npz", {k: v.astype(np.float64) for k, v in torch.items()})
    savez("compressed.npz", {"weight_ih": pattern(36, 600, 1), "weight_hh": pattern(36, 12, 2),
                             "bias_ih": pattern(1, 36, 3)[0], "bias_hh": pattern(1, 36, 4)[0]}, compressed=True)
    write_zip("npy-versions.npz", [
        ("weight_ih.npy", npy_bytes(torch["weight_ih"], version=(1, 0))),
        ("weight_hh.npy", npy_bytes(torch["weight_hh"], version=(2, 0))),
        ("bias_ih.npy", npy_bytes(torch["bias_ih"], version=(3, 0))),
        ("bias_hh.npy", npy_bytes(torch["bias_hh"], version=(2, 0))),
    ])

    # Arrays gruscope must refuse.
    for name, dtype in [("int64", np.int64), ("big-endian", ">f4"), ("float16", np.float16), ("bool", np.bool_)]:
        savez(name + ".npz", {**torch, "weight_hh": torch["weight_hh"].astype(dtype)})
    objects = np.empty(24, dtype=object)
    objects[:] = [float(v) for v in torch["bias_hh"]]
    savez("object.npz", {**torch, "bias_hh": objects})
    nan = {k: v.copy() for k, v in torch.items()}
    nan["weight_hh"][3, 4] = np.nan
    savez("nan.npz", nan)
    inf = {k: v.copy() for k, v in torch.items()}
    inf["bias_ih"][5] = -np.inf
    savez("inf.npz", inf)
    nan_json = as_lists(torch)
    nan_json["weight_hh"][3][4] = float("nan")
    dump_json("nan.json", {"variant": "pytorch", **nan_json})
    inf_json = as_lists(torch)
    inf_json["bias_ih"][5] = float("-inf")
    dump_json("infinity.json", {"variant": "pytorch", **inf_json})
    savez("wrong-shape.npz", {**torch, "weight_hh": torch["weight_hh"][:, :7].copy()})
    savez("missing.npz", {k: v for k, v in torch.items() if k != "bias_hh"})

    # Damaged and hostile archives.
    whole = open(os.path.join(GOLDEN, "pytorch-seq.weights.npz"), "rb").read()
    open(path("truncated.npz"), "wb").write(whole[: len(whole) * 3 // 5])
    open(path("not-a-zip.npz"), "w").write("weight_ih = [[0.1, 0.2]]\n")
    claims_more = bytearray(npy_bytes(torch["weight_hh"]))
    header = bytes(claims_more[:128]).replace(b"(24, 8)", b"(24, 9)")
    claims_more[:128] = header
    write_zip("header-claims-more.npz", [
        ("weight_ih.npy", npy_bytes(torch["weight_ih"])), ("weight_hh.npy", bytes(claims_more)),
        ("bias_ih.npy", npy_bytes(torch["bias_ih"])), ("bias_hh.npy", npy_bytes(torch["bias_hh"])),
    ])
    write_zip("bomb-declared.npz", [(k + ".npy", npy_bytes(v)) for k, v in torch.items()], zipfile.ZIP_DEFLATED)
    patch_central_sizes("bomb-declared.npz", "weight_hh.npy", uncompressed=0x50000000)
    zeros = npy_bytes(np.zeros((3 * 1024, 256), np.float32))  # 3 MiB that deflate to a few KiB
    write_zip("bomb-lying.npz", [(k + ".npy", npy_bytes(v)) for k, v in torch.items() if k != "weight_hh"]
              + [("weight_hh.npy", zeros)], zipfile.ZIP_DEFLATED)
    patch_central_sizes("bomb-lying.npz", "weight_hh.npy", uncompressed=len(npy_bytes(torch["weight_hh"])))
    write_zip("bzip2.npz", [(k + ".npy", npy_bytes(v)) for k, v in torch.items()], zipfile.ZIP_BZIP2)
    # A deflate stream that never ends: a stored block claiming 65535 bytes with only the
    # archive's tail after it (ZIPFoundation's Archive.extract waits for more input forever).
    endless = b"\x00\xff\xff\x00\x00" + b"\x01" * 16
    write_zip("endless-deflate.npz", [(k + ".npy", endless if k == "weight_hh" else npy_bytes(v))
                                      for k, v in torch.items()])
    data = bytearray(open(path("endless-deflate.npz"), "rb").read())
    for signature, method_offset in [(b"PK\x03\x04", 8), (b"PK\x01\x02", 10)]:
        offset = data.find(signature)
        while offset >= 0:
            name_offset = offset + (30 if method_offset == 8 else 46)
            if data[name_offset:name_offset + 13] == b"weight_hh.npy":
                struct.pack_into("<H", data, offset + method_offset, 8)
                if method_offset == 10:
                    struct.pack_into("<I", data, offset + 24, 0x20000)
            offset = data.find(signature, offset + 4)
    open(path("endless-deflate.npz"), "wb").write(bytes(data))

if __name__ == "__main__":
    main()
