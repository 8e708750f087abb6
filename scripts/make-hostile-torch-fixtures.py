#!/usr/bin/env python3
"""Writes hostile PyTorch / pickle / safetensors files into Tests/Fixtures/hostile/.

The malicious ones are real: objects whose __reduce__ calls os.system, eval or exec to create
the marker file /tmp/gruscope-hostile-pickle-ran, pickled by torch.save (zip and legacy, pickle
protocols 2 and 4) and by pickle itself. Before writing them, this script proves each one is
armed: it loads it with torch.load(weights_only=False) / pickle.load in a child process and
checks that the marker appears (then removes it). gruscope's tests load every file and check the
marker never appears.

The structural ones (absurd shapes and storage sizes, a whole pickled nn.Module) are written with
torch.save and pickle, with hand-built persistent ids where a real tensor cannot be that large.

Run once: python3 scripts/make-hostile-torch-fixtures.py  (needs torch safetensors numpy).
"""
import collections
import io
import json
import os
import pickle
import pickletools
import struct
import subprocess
import sys
import zipfile
import zlib

import numpy as np

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "hostile")
MARKER = "/tmp/gruscope-hostile-pickle-ran"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def out(name):
    return os.path.join(OUT, name)


class System:
    def __reduce__(self):
        return (os.system, (f"touch {MARKER}",))


class Eval:
    def __reduce__(self):
        return (eval, (f"open({MARKER!r}, 'w').close()",))


class Exec:
    def __reduce__(self):
        return (exec, (f"open({MARKER!r}, 'w').close()",))


def gru_state():
    return torch.nn.GRU(3, 4).state_dict()


def armed(path, loader):
    """Loads the file in a child Python the way a careless user would; True if the marker appeared."""
    if os.path.exists(MARKER):
        os.remove(MARKER)
    code = {"torch": f"import torch; torch.load({path!r}, weights_only=False)",
            "pickle": f"import pickle; pickle.load(open({path!r}, 'rb'))"}[loader]
    subprocess.run([sys.executable, "-c", code], capture_output=True)
    ran = os.path.exists(MARKER)
    if ran:
        os.remove(MARKER)
    return ran


def torch_zip(name, pickle_bytes, storages):
    """A torch.save-style zip: archive/data.pkl, archive/data/<key>, byteorder, version."""
    with zipfile.ZipFile(out(name), "w") as archive:
        for entry, data in [("archive/data.pkl", pickle_bytes), ("archive/byteorder", b"little"),
                            ("archive/version", b"3\n")] + [(f"archive/data/{k}", v) for k, v in storages.items()]:
            archive.writestr(zipfile.ZipInfo(entry, date_time=FIXED_TIME), data)


class StorageRef:
    """Stands for a storage in a hand-built pickle; persistent_id turns it into torch's tuple."""

    def __init__(self, key, numel, storage_type="FloatStorage"):
        self.key, self.numel, self.storage_type = key, numel, storage_type


class FakeTensor:
    def __init__(self, storage, offset, size, stride):
        self.args = (storage, offset, size, stride, False, collections.OrderedDict())

    def __reduce__(self):
        return (torch._utils._rebuild_tensor_v2, self.args)


def state_pickle(state, protocol=2):
    buffer = io.BytesIO()

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            if isinstance(obj, StorageRef):
                return ("storage", getattr(torch, obj.storage_type), obj.key, "cpu", obj.numel)
            return None

    Pickler(buffer, protocol=protocol).dump(state)
    return buffer.getvalue()


def main():
    os.makedirs(OUT, exist_ok=True)
    # Malicious: code run on load, in every container gruscope reads.
    for cls, name in [(System, "system"), (Eval, "eval"), (Exec, "exec")]:
        state = gru_state()
        state["bias_hh_l0"] = cls()
        torch.save(state, out(f"torch-{name}.pt"))
        assert armed(out(f"torch-{name}.pt"), "torch"), name
    state = gru_state()
    state["extra"] = System()
    torch.save(state, out("torch-system-legacy.pt"), _use_new_zipfile_serialization=False)
    assert armed(out("torch-system-legacy.pt"), "torch")
    torch.save({"model": System()}, out("torch-system-protocol4.pt"), pickle_protocol=4)
    assert armed(out("torch-system-protocol4.pt"), "torch")
    with open(out("system.pkl"), "wb") as f:
        pickle.dump({"weight_ih": System()}, f, protocol=2)
    assert armed(out("system.pkl"), "pickle")

    # A whole model pickled with torch.save(model) instead of its state_dict.
    torch.save(torch.nn.GRU(3, 4), out("torch-module.pt"))

    # Absurd sizes: a tensor far larger than its storage; a storage count past the file; a
    # GRU whose shapes claim I = 89 478 144 with a tiny storage.
    tiny = struct.pack("<4f", 1, 2, 3, 4)
    torch_zip("torch-huge-shape.pt", state_pickle(collections.OrderedDict(
        weight_ih=FakeTensor(StorageRef("0", 4), 0, (3, 89478144), (89478144, 1)),
        weight_hh=FakeTensor(StorageRef("0", 4), 0, (3, 1), (1, 1)))), {"0": tiny})
    torch_zip("torch-stride-zero.pt", state_pickle(collections.OrderedDict(
        weight_ih=FakeTensor(StorageRef("0", 4), 0, (3 * 4096, 4096), (0, 0)),
        weight_hh=FakeTensor(StorageRef("0", 4), 0, (3 * 4096, 4096), (0, 0)))), {"0": tiny})
    torch_zip("torch-offset-past-end.pt", state_pickle(collections.OrderedDict(
        weight_ih=FakeTensor(StorageRef("0", 4), 2, (3, 1), (1, 1)),
        weight_hh=FakeTensor(StorageRef("0", 4), 0, (3, 1), (1, 1)))), {"0": tiny})
    torch_zip("torch-missing-storage.pt", state_pickle(collections.OrderedDict(
        weight_ih=FakeTensor(StorageRef("7", 3), 0, (3, 1), (1, 1)),
        weight_hh=FakeTensor(StorageRef("0", 3), 0, (3, 1), (1, 1)))), {"0": tiny})
    legacy = io.BytesIO()
    torch.save(gru_state(), legacy, _use_new_zipfile_serialization=False)
    data = bytearray(legacy.getvalue())
    # The first storage's element count, just after the five pickles (found by pickletools,
    # which only reads), claims 2^60 elements.
    stream = io.BytesIO(bytes(data))
    for _ in range(5):
        for _op in pickletools.genops(stream):
            pass
    keys_end = stream.tell()
    struct.pack_into("<Q", data, keys_end, 1 << 60)
    open(out("torch-legacy-huge-storage.pt"), "wb").write(bytes(data))

    # safetensors whose header lies: offsets past the data, and a header length past the file.
    header = json.dumps({"weight_ih": {"dtype": "F32", "shape": [3, 89478144], "data_offsets": [0, 1073741824]},
                         "weight_hh": {"dtype": "F32", "shape": [3, 1], "data_offsets": [0, 12]}}).encode()
    open(out("st-offsets-past-end.safetensors"), "wb").write(struct.pack("<Q", len(header)) + header + b"\0" * 12)
    open(out("st-header-past-end.safetensors"), "wb").write(struct.pack("<Q", 1 << 30) + b'{"a": 1}')

    # numpy: a 1 MB .npz whose weight_ih declares 3 x 89 478 144 float32 zeros (1 GiB unpacked,
    # inside the unpack limit; packing would pad it to 11 GiB). Streamed through zlib, so this
    # script never holds the gigabyte either.
    rows, columns = 3, 89478144
    header = np.lib.format.header_data_from_array_1_0(np.zeros((1, 1), np.float32))
    header["shape"] = (rows, columns)
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, header)
    npy_header = buffer.getvalue()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(npy_header)
    parts = [compressor.compress(npy_header)]
    chunk = bytes(1 << 24)
    for _ in range(rows * columns * 4 // len(chunk)):
        crc = zlib.crc32(chunk, crc)
        parts.append(compressor.compress(chunk))
    parts.append(compressor.flush())
    deflated = b"".join(parts)
    size = len(npy_header) + rows * columns * 4
    small = np.zeros((3, 1), np.float32)
    with zipfile.ZipFile(out("npz-declares-1gib.npz"), "w") as archive:
        archive.writestr(zipfile.ZipInfo("weight_hh.npy", date_time=FIXED_TIME), npy_bytes(small))
        archive.writestr(zipfile.ZipInfo("bias_ih.npy", date_time=FIXED_TIME), npy_bytes(small[:, 0]))
        archive.writestr(zipfile.ZipInfo("bias_hh.npy", date_time=FIXED_TIME), npy_bytes(small[:, 0]))
    # Append the deflated entry by hand (zipfile would inflate nothing, but it would want the
    # gigabyte in memory to write it).
    data = bytearray(open(out("npz-declares-1gib.npz"), "rb").read())
    end = data.rfind(b"PK\x05\x06")
    count, directory_size, directory_offset = struct.unpack_from("<HIH", data, end + 10)[0], *struct.unpack_from("<II", data, end + 12)
    directory = bytes(data[directory_offset:directory_offset + directory_size])
    name = b"weight_ih.npy"
    local_offset = directory_offset
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(deflated), size, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(deflated), size,
                          len(name), 0, 0, 0, 0, 0, local_offset) + name
    new_directory = directory + central
    new_offset = local_offset + len(local) + len(deflated)
    end_record = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1, len(new_directory), new_offset, 0)
    open(out("npz-declares-1gib.npz"), "wb").write(bytes(data[:directory_offset]) + local + deflated + new_directory + end_record)
    with np.load(out("npz-declares-1gib.npz")) as check:
        assert check.zip.getinfo("weight_ih.npy").file_size == size


def npy_bytes(array):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array)
    return buffer.getvalue()


if __name__ == "__main__":
    main()
