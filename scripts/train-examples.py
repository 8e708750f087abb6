#!/usr/bin/env python3
"""Trains gruscope's example GRUs, the small models whose gates tell a story.

    scripts/train-examples.py                 # all four, about a minute each on one core
    scripts/train-examples.py parity chars    # only these
    scripts/train-examples.py --analyse       # the committed weights' metrics and analysis, no training

Each model is a one-layer torch.nn.GRU plus a Linear readout, trained on CPU with fixed seeds
and deterministic algorithms on one thread. For each model NAME it writes:

    examples/NAME/weights.npz        the GRU alone, PyTorch names (weight_ih_l0, weight_hh_l0,
                                     bias_ih_l0, bias_hh_l0), float32: what gruscope loads
    examples/NAME/readout.npz        the Linear readout (weight, bias), kept apart: gruscope shows
                                     only the GRU
    examples/NAME/inputs/SEQ.txt     the suggested input sequences, one step per line, in the
                                     format of `gruscope trace --inputs`
    Tests/Fixtures/examples/NAME/SEQ.json
                                     torch's own trace of every suggested sequence, in the layout
                                     of Tests/Fixtures/golden (see its README)

and prints the task metric and an analysis of every unit over the suggested sequences. The
units worth watching in examples/NAME/model.toml were chosen from that analysis; the texts there
are written by hand, and Tests/ExampleModelTests checks every claim they make against gruscope's
engine, so a retrained model whose units moved fails the tests until the metadata is rewritten.

The weights were trained once with PyTorch 2.15.0 on x86-64 and committed; another torch
version or CPU may train slightly different numbers. Needs torch and numpy.
"""

import argparse
import json
import math
import pathlib
import time

import numpy as np
import torch

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "Tests" / "Fixtures" / "examples"

CONVENTION = (
    "weight_ih (3H x I) and weight_hh (3H x H) rows ordered r,z,n; "
    "n = tanh(W_in x + b_in + r*(W_hn h + b_hn)); h = (1-z)*n + z*h_prev"
)


def start(name, seed):
    """Prints the model's heading and seeds everything; returns the generator of the training
    data and a separate one for the evaluation data, so --analyse measures on the same data."""
    print(f"== {name}")
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    return torch.Generator().manual_seed(seed + 1), torch.Generator().manual_seed(seed + 2)


class Model(torch.nn.Module):
    """A one-layer GRU (time-major, as torch.nn.GRU defaults) and a readout of its state."""

    def __init__(self, inputs, hidden, outputs):
        super().__init__()
        self.gru = torch.nn.GRU(inputs, hidden)
        self.readout = torch.nn.Linear(hidden, outputs)

    def forward(self, x):
        states, _ = self.gru(x)
        return self.readout(states), states


ANALYSE_ONLY = False  # --analyse: load the committed weights instead of training


def fit(name, model, batches, loss_of, steps, lr, report_every=None):
    """Trains the model and writes its weights, or with --analyse loads the committed ones."""
    if ANALYSE_ONLY:
        folder = EXAMPLES / name
        with np.load(folder / "weights.npz") as gru, np.load(folder / "readout.npz") as readout:
            model.gru.load_state_dict({k: torch.from_numpy(gru[k]) for k in gru.files})
            model.readout.load_state_dict({k: torch.from_numpy(readout[k]) for k in readout.files})
        print(f"  loaded examples/{name}/weights.npz and readout.npz")
        return
    train(model, batches, loss_of, steps, lr, report_every)
    export(name, model)


def train(model, batches, loss_of, steps, lr, report_every=None):
    """Adam over `steps` batches; `batches(step)` gives (x, target) and `loss_of(out, target)`."""
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, steps, eta_min=lr / 20)
    started = time.monotonic()
    for step in range(steps):
        x, target = batches(step)
        out, _ = model(x)
        loss = loss_of(out, target)
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        if report_every and step % report_every == 0:
            print(f"  step {step:5d}  loss {loss.item():.5f}", flush=True)
    print(f"  trained {steps} steps in {time.monotonic() - started:.1f} s")


# ----------------------------------------------------------------------------------------------
# Traces: torch's h, and the gates recomputed from the same weights and checked against it.


def trace(gru, xs, h0=None):
    """Every step of the GRU over xs (T x I): torch's own h, and r, z, n recomputed in float32."""
    hidden = gru.hidden_size
    xs = torch.as_tensor(np.asarray(xs, dtype=np.float32))
    h = torch.zeros(hidden) if h0 is None else torch.as_tensor(np.asarray(h0, dtype=np.float32))
    with torch.no_grad():
        outputs, _ = gru(xs[:, None, :], h[None, None, :])
        outputs = outputs[:, 0, :]
        w_ih, w_hh = gru.weight_ih_l0, gru.weight_hh_l0
        b_ih, b_hh = gru.bias_ih_l0, gru.bias_hh_l0
        steps = []
        for t in range(xs.shape[0]):
            gi = w_ih @ xs[t] + b_ih
            gh = w_hh @ h + b_hh
            r = torch.sigmoid(gi[:hidden] + gh[:hidden])
            z = torch.sigmoid(gi[hidden:2 * hidden] + gh[hidden:2 * hidden])
            n = torch.tanh(gi[2 * hidden:] + r * gh[2 * hidden:])
            mine = (1 - z) * n + z * h
            gap = (mine - outputs[t]).abs().max().item()
            assert gap < 1e-6, f"recomputed gates disagree with torch at step {t}: {gap}"
            new = outputs[t]
            steps.append({
                "x": xs[t], "h_prev": h, "r": r, "z": z, "kept": z * h,
                "candidate": n, "added": (1 - z) * n, "h": new,
            })
            h = new
    return [{k: v.numpy().astype(np.float32) for k, v in s.items()} for s in steps]


def gates(gru, xs):
    """z and h of every step for a batch xs (T x B x I), recomputed from the weights (T x B x H)."""
    hidden = gru.hidden_size
    h = torch.zeros(xs.shape[1], hidden)
    zs, hs = [], []
    with torch.no_grad():
        for x in xs:
            gi = x @ gru.weight_ih_l0.T + gru.bias_ih_l0
            gh = h @ gru.weight_hh_l0.T + gru.bias_hh_l0
            r = torch.sigmoid(gi[:, :hidden] + gh[:, :hidden])
            z = torch.sigmoid(gi[:, hidden:2 * hidden] + gh[:, hidden:2 * hidden])
            n = torch.tanh(gi[:, 2 * hidden:] + r * gh[:, 2 * hidden:])
            h = (1 - z) * n + z * h
            zs.append(z)
            hs.append(h)
    return torch.stack(zs).numpy(), torch.stack(hs).numpy()


def spread(values):
    """min, 1st percentile, median, 99th percentile and max, for a look at a gate's range."""
    values = np.asarray(values).ravel()
    return (f"min {values.min():.3f}, 1% {np.percentile(values, 1):.3f}, median {np.median(values):.3f}, "
            f"99% {np.percentile(values, 99):.3f}, max {values.max():.3f}")


def write_golden(name, sequence, gru, xs):
    steps = trace(gru, xs)
    document = {
        "source": f"PyTorch {torch.__version__} torch.nn.GRU on CPU, float32: h is the layer's "
                  "output; r, z and the candidate recomputed from the same weights and checked "
                  "against it to 1e-6",
        "variant": "pytorch",
        "input_size": gru.input_size,
        "hidden_size": gru.hidden_size,
        "convention": CONVENTION,
        "tolerance": 1e-5,
        "h0": [0.0] * gru.hidden_size,
    }
    # one step a line; each float32 in its shortest spelling, which reads back to the same float32
    lines = [json.dumps({k: [float(str(v)) for v in s[k]] for k in s}) for s in steps]
    text = json.dumps(document, indent=1)[:-2] + ',\n "steps": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n"
    assert json.loads(text)["steps"][0]["h"] == [float(str(v)) for v in steps[0]["h"]]
    folder = GOLDEN / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{sequence}.json").write_text(text)
    return steps


def export(name, model):
    folder = EXAMPLES / name
    folder.mkdir(parents=True, exist_ok=True)
    gru = {k: v.detach().numpy().astype(np.float32) for k, v in model.gru.state_dict().items()}
    np.savez(folder / "weights.npz", **gru)
    readout = {k: v.detach().numpy().astype(np.float32) for k, v in model.readout.state_dict().items()}
    np.savez(folder / "readout.npz", **readout)


def number(value):
    """An input value as the inputs file spells it: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def write_inputs(name, sequence, rows, comments=None, header=None):
    """One step per line; `comments` adds `# …` after each row, `header` a first comment line."""
    folder = EXAMPLES / name / "inputs"
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"# {header}"] if header else []
    for t, row in enumerate(rows):
        line = " ".join(number(v) for v in row)
        if comments:
            line += f"  # {comments[t]}"
        lines.append(line)
    (folder / f"{sequence}.txt").write_text("\n".join(lines) + "\n")


def read_inputs(name, sequence):
    """The rows of an inputs file as float32, parsed as gruscope parses them."""
    rows = []
    for line in (EXAMPLES / name / "inputs" / f"{sequence}.txt").read_text().splitlines():
        line = line.split("#", 1)[0].replace(",", " ").split()
        if line:
            rows.append([float(v) for v in line])
    return np.asarray(rows, dtype=np.float32)


def suggested(name, gru, sequences, show):
    """Writes the inputs and golden traces of every suggested sequence and prints the analysis."""
    traces = {}
    for sequence, (rows, comments, header) in sequences.items():
        write_inputs(name, sequence, rows, comments, header)
        xs = read_inputs(name, sequence)  # the rounded numbers the file holds, as gruscope reads them
        traces[sequence] = write_golden(name, sequence, gru, xs)
    for sequence, steps in traces.items():
        print(f"  sequence {sequence} ({len(steps)} steps)")
        show(sequence, steps)
    return traces


def table(steps, quantity, label=None, every=1, digits=2):
    """Rows `t  q[0] q[1] …` for a quick look at one quantity over time."""
    print(f"    {label or quantity}:")
    for t, s in enumerate(steps):
        if t % every == 0 or t == len(steps) - 1:
            print(f"      t={t:3d}  " + " ".join(f"{v:+.{digits}f}" for v in s[quantity]))


def unit_ranges(steps, quantity, first=0, end=None):
    """min and max of each unit's quantity over steps [first, end)."""
    values = np.stack([s[quantity] for s in steps[first:end]])
    return values.min(axis=0), values.max(axis=0)


# ----------------------------------------------------------------------------------------------
# 1. remember the first input


def remember_first():
    name = "remember-first"
    generator, evaluation = start(name, 101)
    model = Model(inputs=2, hidden=4, outputs=1)

    def batch(size, length, generator=generator):
        value = torch.rand(length, size, generator=generator) * 2 - 1
        first = torch.zeros(length, size)
        first[0] = 1
        return torch.stack([value, first], dim=-1), value[0:1].expand(length, size)

    def batches(step):
        length = int(torch.randint(10, 61, (1,), generator=generator))
        return batch(128, length)

    fit(name, model, batches, lambda out, y: ((out[..., 0] - y) ** 2).mean(), steps=1200, lr=1e-2,
        report_every=200)
    with torch.no_grad():
        x, y = batch(2000, 100, evaluation)
        out, states = model(x)
        error = (out[..., 0] - y).abs()
        print(f"  metric: mean |error| of the remembered value over 2000 sequences: "
              f"{error[:60].mean().item():.4f} within 60 steps (the trained length), "
              f"{error[-1].mean().item():.4f} at step 99; guessing 0 gives {y[0].abs().mean().item():.4f}")
        for unit in range(model.gru.hidden_size):
            c = [np.corrcoef(states[t, :, unit].numpy(), y[0].numpy())[0, 1] for t in (0, 39, 99)]
            print(f"    unit {unit}: correlation of h with the first value at t=0, 39, 99: "
                  + ", ".join(f"{v:+.3f}" for v in c))
    zs, _ = gates(model.gru, x)
    for unit in range(model.gru.hidden_size):
        print(f"    unit {unit}: z on the first step: {spread(zs[0, :, unit])}")
        print(f"            z on later steps:   {spread(zs[1:, :, unit])}")

    distractors = np.round(np.random.default_rng(7).uniform(-1, 1, 39), 2)
    sequences = {
        "first-0.8": ([[0.8, 1]] + [[d, 0] for d in distractors], None,
                      "0.8 on the flagged first step, then 39 distractors"),
        "first-minus-0.8": ([[-0.8, 1]] + [[d, 0] for d in distractors], None,
                            "-0.8 first, then the same 39 distractors"),
        "first-0.3-quiet": ([[0.3, 1]] + [[0, 0]] * 39, None, "0.3 first, then 39 zeros"),
        "second-flag": ([[0.8, 1]] + [[d, 0] for d in distractors[:19]] + [[-0.8, 1]]
                        + [[d, 0] for d in distractors[20:]], None,
                        "0.8 flagged first, then a second flag with -0.8 at step 20 (never seen in training)"),
    }

    def show(sequence, steps):
        table(steps, "z", every=5)
        table(steps, "h", every=5)
        low, high = unit_ranges(steps, "z", 1)
        print("    z over steps 1..: min " + " ".join(f"{v:.3f}" for v in low)
              + "  max " + " ".join(f"{v:.3f}" for v in high))
        low, high = unit_ranges(steps, "h")
        print("    h over all steps: min " + " ".join(f"{v:+.3f}" for v in low)
              + "  max " + " ".join(f"{v:+.3f}" for v in high))

    suggested(name, model.gru, sequences, show)


# ----------------------------------------------------------------------------------------------
# 2. parity of the ones seen so far


def parity():
    name = "parity"
    generator, evaluation = start(name, 203)
    model = Model(inputs=1, hidden=4, outputs=1)

    def batch(size, length, generator=generator):
        # each sequence has its own share of ones, so long runs of 0s and of 1s both occur
        share = 0.05 + 0.55 * torch.rand(1, size, generator=generator)
        bits = (torch.rand(length, size, generator=generator) < share).float()
        return bits[..., None], torch.cumsum(bits, 0) % 2

    def batches(step):
        return batch(128, min(4 + step // 20, 60))  # a curriculum: short sequences first

    loss = torch.nn.functional.binary_cross_entropy_with_logits
    fit(name, model, batches, lambda out, y: loss(out[..., 0], y), steps=1600, lr=1e-2,
        report_every=200)
    with torch.no_grad():
        for length in (40, 100):
            x, y = batch(2000, length, evaluation)
            out, states = model(x)
            right = ((out[..., 0] > 0).float() == y).float()
            print(f"  metric: parity right at {right.mean().item():.4f} of all steps of 2000 "
                  f"sequences of {length}; whole sequence right in {right.min(0).values.mean().item():.4f}")
        for unit in range(model.gru.hidden_size):
            sign = ((states[..., unit] < 0).float() == y).float().mean().item()
            print(f"    unit {unit}: h < 0 exactly when the count is odd at {sign:.4f} of the steps")
    zs, _ = gates(model.gru, x)
    ones = x[..., 0].numpy() == 1
    before = np.concatenate([np.zeros((1, y.shape[1])), y[:-1].numpy()]) == 1  # odd count before the step
    for unit in range(model.gru.hidden_size):
        print(f"    unit {unit}: z on a 1: {spread(zs[..., unit][ones])}")
        print(f"            z on a 0 at an odd count:  {spread(zs[..., unit][~ones & before])}")
        print(f"            z on a 0 at an even count: {spread(zs[..., unit][~ones & ~before])}")

    def bits(text):
        rows = [[float(b)] for b in text]
        count = np.cumsum([int(b) for b in text])
        return rows, [f"{b} -> {'odd' if c % 2 else 'even'}" for b, c in zip(text, count)]

    sequences = {
        "ones": (*bits("1111111111"), "ten ones: the parity flips every step"),
        "mixed": (*bits("1001101000101110"), "a mixed sequence"),
        "long-zeros": (*bits("1" + "0" * 24 + "1" + "0" * 4), "one 1, a long run of 0s, then another 1"),
    }

    def show(sequence, steps):
        for quantity in ("x", "r", "z", "candidate", "h"):
            print(f"    {quantity:9s} " + "  ".join(
                " ".join(f"{v:+.2f}" for v in s[quantity]) for s in steps[:3]) + " ...")
        for unit in range(model.gru.hidden_size):
            print(f"    unit {unit}")
            for quantity in ("r", "z", "candidate", "h"):
                print(f"      {quantity:9s} " + " ".join(f"{s[quantity][unit]:+.2f}" for s in steps))

    suggested(name, model.gru, sequences, show)


# ----------------------------------------------------------------------------------------------
# 3. the next value of a noisy sine

PERIOD = 16  # steps per cycle of the sine
NOISE = 0.15  # standard deviation of the noise added to each input


def sine():
    name = "sine"
    generator, evaluation = start(name, 303)
    model = Model(inputs=1, hidden=8, outputs=1)

    def batch(size, length, generator=generator):
        phase = torch.rand(size, generator=generator) * 2 * math.pi
        amplitude = 0.5 + 0.5 * torch.rand(size, generator=generator)
        t = torch.arange(length + 1).float()[:, None]
        clean = amplitude * torch.sin(2 * math.pi * t / PERIOD + phase)
        noisy = clean[:-1] + NOISE * torch.randn(length, size, generator=generator)
        return noisy[..., None], clean[1:]

    warm = 4  # the first steps cannot know the phase yet: they are not scored
    fit(name, model, lambda step: batch(64, 48), lambda out, y: ((out[..., 0] - y) ** 2)[warm:].mean(),
        steps=800, lr=1e-2, report_every=200)
    with torch.no_grad():
        x, y = batch(2000, 64, evaluation)
        out, states = model(x)
        mse = ((out[..., 0] - y) ** 2)[warm:].mean().item()
        persistence = ((x[..., 0] - y) ** 2)[warm:].mean().item()
        print(f"  metric: mean squared error of the next clean value {mse:.4f} (RMSE {math.sqrt(mse):.3f}); "
              f"repeating the current noisy input gives {persistence:.4f}, "
              f"the noise alone is {NOISE ** 2:.4f}")
    zs, _ = gates(model.gru, x)
    for unit in range(model.gru.hidden_size):
        print(f"    unit {unit}: z {spread(zs[..., unit])}")

    steps = 48
    t = np.arange(steps)
    wave = np.sin(2 * np.pi * t / PERIOD)
    noise = np.random.default_rng(11).normal(0, NOISE, steps)
    sequences = {
        "clean": ([[v] for v in wave], None, f"sin(2*pi*t/{PERIOD}), three periods, no noise"),
        "noisy": ([[v] for v in wave + noise], None,
                  f"the same sine with Gaussian noise of standard deviation {NOISE}"),
        "stops": ([[v] for v in wave[:24]] + [[0.0]] * 24, None,
                  "one and a half periods of the clean sine, then 24 zeros"),
    }

    def show(sequence, steps):
        hs = np.stack([s["h"] for s in steps])
        zs = np.stack([s["z"] for s in steps])
        rs = np.stack([s["r"] for s in steps])
        xs = np.array([s["x"][0] for s in steps])
        for unit in range(model.gru.hidden_size):
            peak = int(np.argmax(hs[PERIOD:2 * PERIOD, unit])) + PERIOD
            print(f"    unit {unit}: h {hs[:, unit].min():+.2f}..{hs[:, unit].max():+.2f} "
                  f"(peak of cycle 2 at t={peak}), z {zs[:, unit].min():.2f}..{zs[:, unit].max():.2f} "
                  f"mean {zs[:, unit].mean():.2f}, r {rs[:, unit].min():.2f}..{rs[:, unit].max():.2f}, "
                  f"corr(h, x) {np.corrcoef(hs[:, unit], xs)[0, 1]:+.2f}")
        table(steps, "x", every=1)
        table(steps, "z", every=2)
        table(steps, "h", every=2)

    suggested(name, model.gru, sequences, show)


# ----------------------------------------------------------------------------------------------
# 4. a tiny character-level model

VOCABULARY = " abcdefghijklmnopqrstuvwxyz.,?"  # input position k is VOCABULARY[k]
HELD_OUT = 2  # the text's last lines are kept out of training, to measure what generalised


def one_hot(text):
    return [[1.0 if VOCABULARY[k] == c else 0.0 for k in range(len(VOCABULARY))] for c in text]


def chars():
    name = "chars"
    generator, _ = start(name, 404)
    lines = (EXAMPLES / name / "text.txt").read_text().splitlines()
    train_text = " ".join(lines[:-HELD_OUT]) + " "
    held_text = " ".join(lines[-HELD_OUT:])
    for c in train_text + held_text:
        assert c in VOCABULARY, f"examples/{name}/text.txt holds {c!r}, which is not in the vocabulary"
    ids = torch.tensor([VOCABULARY.index(c) for c in train_text])
    size = len(VOCABULARY)
    model = Model(inputs=size, hidden=16, outputs=size)
    length = 64

    def batches(step):
        starts = torch.randint(0, len(ids) - length - 1, (32,), generator=generator).tolist()
        chunk = torch.stack([ids[a:a + length + 1] for a in starts], dim=1)
        return torch.nn.functional.one_hot(chunk[:-1], size).float(), chunk[1:]

    cross_entropy = torch.nn.functional.cross_entropy
    fit(name, model, batches, lambda out, y: cross_entropy(out.reshape(-1, size), y.reshape(-1)),
        steps=1500, lr=1e-2, report_every=300)

    def score(text):
        idx = torch.tensor([VOCABULARY.index(c) for c in text])
        with torch.no_grad():
            out, states = model(torch.nn.functional.one_hot(idx[:-1], size).float()[:, None])
            out = out[:, 0]
            loss = cross_entropy(out, idx[1:]).item()
            right = (out.argmax(-1) == idx[1:]).float().mean().item()
        return loss / math.log(2), right, states[:, 0].numpy()

    for label, text in (("training text", train_text), ("held-out lines", held_text)):
        bits, right, _ = score(text)
        print(f"  metric on the {label} ({len(text)} characters): next character right "
              f"{right:.3f}, {bits:.2f} bits per character (uniform guessing: {math.log2(size):.2f})")

    def generate(prefix, count=60):
        with torch.no_grad():
            text, h = prefix, None
            for c in prefix:
                out, h = model.gru(torch.tensor([one_hot(c)]), h)
            for _ in range(count):
                c = VOCABULARY[model.readout(out)[0, 0].argmax().item()]
                text += c
                out, h = model.gru(torch.tensor([one_hot(c)]), h)
        return text
    for prefix in ("hello", "where is the", "the cat"):
        print(f"  greedy continuation of {prefix!r}: {generate(prefix)!r}")

    # what each unit's h goes with, over the training text
    _, _, states = score(train_text)
    text = train_text[:-1]
    letters_since_space, count = [], 0
    for c in text:
        count = 0 if c == " " else count + 1
        letters_since_space.append(count)
    in_question, sentence = [False] * len(text), 0
    for k, c in enumerate(text):  # a sentence is a question when it ends in '?'
        if c in ".?":
            in_question[sentence:k] = [c == "?"] * (k - sentence)
            sentence = k + 1
    features = {"input is a space": [c == " " for c in text],
                "input is a vowel": [c in "aeiou" for c in text],
                "letters since the last space": letters_since_space,
                "inside a question (before its '?')": in_question}
    for label, values in features.items():
        values = np.asarray(values, dtype=float)
        c = [np.corrcoef(states[:, unit], values)[0, 1] for unit in range(states.shape[1])]
        best = np.argsort(-np.abs(c))[:3]
        print(f"    {label}: " + ", ".join(f"unit {u} {c[u]:+.2f}" for u in best))
    with torch.no_grad():
        idx = torch.tensor([VOCABULARY.index(c) for c in train_text])
        out, _ = model(torch.nn.functional.one_hot(idx[:-1], size).float()[:, None])
        guess = out[:, 0].argmax(-1)
    ends = [k for k in range(len(train_text) - 1) if train_text[k + 1] in ".?"]
    right = sum(VOCABULARY[guess[k]] == train_text[k + 1] for k in ends)
    print(f"    sentence ends ('.' or '?') predicted right: {right} of {len(ends)}")
    steps = trace(model.gru, one_hot(text))
    zs, hs = np.stack([s["z"] for s in steps]), np.stack([s["h"] for s in steps])
    spaces = [k for k, c in enumerate(text) if c == " "]
    third, letters = [], 0  # letters that are the third or later of their word
    for k, c in enumerate(text):
        letters = letters + 1 if c.isalpha() else 0
        if letters >= 3:
            third.append(k)
    print(f"    over the training text ({len(spaces)} spaces, {len(third)} letters third or later in a word):")
    for unit in range(zs.shape[1]):
        print(f"      unit {unit:2d}: mean z {zs[:, unit].mean():.2f}; at spaces z {zs[spaces, unit].min():.2f}.."
              f"{zs[spaces, unit].max():.2f}, z >= 0.8 at {(zs[spaces, unit] >= 0.8).mean():.0%}, "
              f"h >= 0.85 at {(hs[spaces, unit] >= 0.85).mean():.0%}; "
              f"third letter on: h < 0 at {(hs[third, unit] < 0).mean():.0%}")

    texts = {
        "hello": "hello",
        "the-cat": "the cat sat on the mat.",
        "said": "hello, said the dog.",
    }
    sequences = {key: (one_hot(text), [repr(c) for c in text], f"the text {text!r}, one character a step")
                 for key, text in texts.items()}

    def show(sequence, steps):
        text = texts[sequence]
        hs = np.stack([s["h"] for s in steps])
        zs = np.stack([s["z"] for s in steps])
        print("      " + "".join(f"{c:>5s}" for c in text))
        for unit in range(model.gru.hidden_size):
            print(f"    z{unit:<2d}" + "".join(f"{v:5.2f}" for v in zs[:, unit]))
            print(f"    h{unit:<2d}" + "".join(f"{v:+5.1f}" for v in hs[:, unit]))

    suggested(name, model.gru, sequences, show)


# ----------------------------------------------------------------------------------------------


TASKS = {"remember-first": remember_first, "parity": parity, "sine": sine, "chars": chars}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tasks", nargs="*", help=f"which models: {', '.join(TASKS)} (all if none)")
    parser.add_argument("--analyse", action="store_true",
                        help="load the committed weights instead of training, and print the metric "
                             "and the analysis again (the traces are rewritten from the same weights)")
    arguments = parser.parse_args()
    global ANALYSE_ONLY
    ANALYSE_ONLY = arguments.analyse
    for task in arguments.tasks:
        if task not in TASKS:
            parser.error(f"there is no model '{task}'; models: {', '.join(TASKS)}")
    for task in arguments.tasks or TASKS:
        TASKS[task]()


if __name__ == "__main__":
    main()
