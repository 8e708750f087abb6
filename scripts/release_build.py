"""The release build the benchmark scripts measure: the self-contained binary the README tells
teachers to build (Swift runtime and Foundation linked in), kept apart in .build-release so
that it never disturbs the debug build the tests use."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", ".build-release"]


def build_gruscope():
    """Builds gruscope (progress on stderr) and returns the binary's path."""
    subprocess.run([*COMMAND, "--product", "gruscope"], cwd=ROOT, check=True, stdout=sys.stderr)
    out = subprocess.run([*COMMAND, "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
    return Path(out.stdout.strip()) / "gruscope"
