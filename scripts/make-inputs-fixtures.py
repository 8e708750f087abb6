#!/usr/bin/env python3
"""Writes the --inputs fixtures of Tests/ScriptTests into Tests/Fixtures/inputs/.

Every NumPy file is written by numpy itself (np.save / np.savez / np.savez_compressed), so the
tests read what numpy really writes; the CSV files are written by numpy.savetxt and by Python's
csv module, as spreadsheets and pandas users would make them. All hold the same 3 steps of I=4
unless their name says otherwise (see Tests/Fixtures/inputs/README.md).
Run from anywhere: python3 scripts/make-inputs-fixtures.py  (needs numpy).
"""
import csv
import os
import struct

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "inputs")
STEPS = np.array([[1, 2, 3, 4], [0.5, -0.25, 0, 1e-3], [-1, 0, 1, 2.5]])


def path(name):
    return os.path.join(OUT, name)


def main():
    os.makedirs(OUT, exist_ok=True)
    np.save(path("steps-f32.npy"), STEPS.astype("<f4"))
    np.save(path("steps-f64.npy"), STEPS.astype("<f8"))
    np.save(path("steps-fortran.npy"), np.asfortranarray(STEPS.astype("<f4")))
    np.savez(path("steps.npz"), STEPS.astype("<f4"))
    np.savez_compressed(path("steps-compressed.npz"), inputs=STEPS.astype("<f8"))
    np.save(path("batch-of-one.npy"), STEPS.astype("<f4")[None, :, :])
    np.save(path("one-column.npy"), np.array([0.5, -1, 2], dtype="<f4"))
    np.savez(path("two-arrays.npz"), x=STEPS.astype("<f4"), y=STEPS.astype("<f4"))
    np.save(path("wrong-width.npy"), np.zeros((3, 5), dtype="<f4"))
    np.save(path("nan.npy"), np.array([[1, 2, 3, 4], [1, np.nan, 3, 4]], dtype="<f4"))
    np.save(path("int.npy"), np.zeros((3, 4), dtype="<i8"))
    np.save(path("big-endian.npy"), STEPS.astype(">f4"))
    np.save(path("empty.npy"), np.zeros((0, 4), dtype="<f4"))
    np.savetxt(path("steps.csv"), STEPS, delimiter=",", fmt="%.9g")
    np.savetxt(path("steps-header.csv"), STEPS, delimiter=",", fmt="%.9g", header="x0,x1,x2,x3", comments="")
    # An archive whose directory claims 300 MiB for its one small array: past the inputs' limit
    # (256 MiB) though within the weights' (1 GiB), so only the inputs' limit refuses it.
    np.savez(path("bomb-declared.npz"), STEPS.astype("<f4"))
    data = bytearray(open(path("bomb-declared.npz"), "rb").read())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 300 << 20)
    open(path("bomb-declared.npz"), "wb").write(bytes(data))
    with open(path("steps-quoted.csv"), "w", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_ALL)  # spreadsheet style, CRLF line ends
        writer.writerow(["a", "b", "c", "d"])
        for row in STEPS:
            writer.writerow(["%.9g" % v for v in row])


if __name__ == "__main__":
    main()
