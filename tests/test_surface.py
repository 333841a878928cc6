"""The no-model surface baseline: it reads the mode off the nearest training prompt, nothing else."""

import pytest

from minisafe.surface import surface_mode_accuracy
from minisafe.world import load_world, make_prompts


@pytest.fixture(scope="module")
def world():
    return load_world()


def test_copies_of_training_prompts_are_solved_exactly(world):
    rows = [r for r in make_prompts(world, 0) if r["split"] == "train" and not r["held_out_topic"]][:300]
    copies = [{**r, "id": "copy-" + r["id"], "split": "eval"} for r in rows[:60]]
    acc = surface_mode_accuracy(world, rows + copies)
    assert (acc["all"]["accuracy"], acc["all"]["n"]) == (1.0, 60)


def test_slices_cover_the_eval_split(world):
    rows = make_prompts(world, 0)
    acc = surface_mode_accuracy(world, rows)
    n_eval = sum(r["split"] == "eval" for r in rows)
    assert acc["all"]["n"] == n_eval
    assert acc["seen_transform"]["n"] + acc["held_out_transform"]["n"] == n_eval
    assert sum(v["n"] for k, v in acc.items() if k.startswith("intent:")) == n_eval
    assert sum(v["n"] for k, v in acc.items() if k.startswith(("seen_topic:", "held_out_topic:"))) == n_eval
    assert all(0.0 <= v["accuracy"] <= 1.0 for v in acc.values())
    from collections import Counter
    from minisafe.teachers import teacher_mode
    benign = Counter(teacher_mode(world, r, "safe_completion") for r in rows
                     if r["split"] == "eval" and r["intent"] == "benign")
    assert acc["intent:benign"]["majority"] == max(benign.values()) / sum(benign.values())
    # a rule that only copies the nearest prompt's mode is far from perfect on unseen phrasings
    assert acc["all"]["accuracy"] < 0.99


def test_held_out_topics_are_not_in_the_baselines_memory(world):
    """The baseline reads only the rows a safety arm trains on: the base-only rows of held-out topics are not
    among them, so a copy of one is not solved by finding itself."""
    rows = make_prompts(world, 0)
    held = [r for r in rows if r["split"] == "train" and r["held_out_topic"]][:40]
    copies = [{**r, "id": "copy-" + r["id"], "split": "eval"} for r in held]
    train = [r for r in rows if r["split"] == "train"]
    assert surface_mode_accuracy(world, train + copies)["all"]["accuracy"] < 1.0
