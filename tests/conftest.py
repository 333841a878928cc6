"""The stage scripts (build_world.py, train_sft.py, ..., recipe.py) sit at the repository root: importable by tests."""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
