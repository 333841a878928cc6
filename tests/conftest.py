"""The stage scripts (build_world.py, train_sft.py, ..., recipe.py) sit at the repository root: importable by tests.

The suite runs on every core (pytest-xdist, `-n auto --dist loadfile` in pyproject.toml: a test file stays on one
worker, so its module-scoped runs are made once). Each worker and every process it starts then computes on one
thread: two workers of two threads each on two cores would wait on each other (7 min instead of 2.5)."""

import os
import sys
from pathlib import Path

if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["OMP_NUM_THREADS"] = "1"   # read when torch is first imported, here and in every stage subprocess

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
