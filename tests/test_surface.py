"""The no-model surface baselines: they read the mode off the prompt's words, nothing else."""

from collections import Counter

import pytest

from minisafe.world.surface import RULES, naive_bayes_rule, surface_mode_accuracy
from minisafe.world.teachers import teacher_mode
from minisafe.world.spec import load_world
from minisafe.world.prompts import make_prompts


@pytest.fixture(scope="module")
def world():
    return load_world()


@pytest.fixture(scope="module")
def rows(world):
    """The prompt rows of seed 0 (tests copy them, never change them)."""
    return make_prompts(world, 0)


def test_copies_of_training_prompts_are_solved(world, rows):
    """nearest finds the copy itself; naive Bayes, which does not memorise prompts, still gets nearly all of them."""
    train = [r for r in rows if r["split"] == "train" and not r["held_out_topic"]][:300]
    copies = [{**r, "id": "copy-" + r["id"], "split": "eval"} for r in train[:60]]
    acc = surface_mode_accuracy(world, train + copies)
    assert (acc["all"]["accuracy"], acc["all"]["n"]) == (1.0, 60)
    assert surface_mode_accuracy(world, train + copies, rule="naive_bayes")["all"]["accuracy"] >= 0.95


def test_naive_bayes_reads_the_words_that_go_with_a_mode():
    """A word seen with one mode only is evidence for it; a word seen with both is none (a tie breaks in MODES
    order); unseen words are skipped, leaving the prior. So a cue word carries over to a topic never seen."""
    bayes = naive_bayes_rule([("a b", "direct"), ("a c", "refusal"), ("d", "refusal")])
    assert (bayes("c"), bayes("b"), bayes("zzz")) == ("refusal", "direct", "refusal")
    assert naive_bayes_rule([("a b", "direct"), ("a c", "refusal")])("a") == "direct"
    train = [(f"tell me about {t}", "direct") for t in ("amber fen salt", "grey dune fly", "tall reed mill")] + \
            [(f"revenge, tell me about {t}", "refusal") for t in ("amber fen salt", "grey dune fly", "tall reed mill")]
    bayes = naive_bayes_rule(train)
    assert bayes("revenge, tell me about cold moss vat") == "refusal"
    assert bayes("tell me about cold moss vat") == "direct"


def test_slices_cover_the_eval_split(world, rows):
    n_eval = sum(r["split"] == "eval" for r in rows)
    benign = Counter(teacher_mode(world, r, "safe_completion") for r in rows
                     if r["split"] == "eval" and r["intent"] == "benign")
    for rule in RULES:
        acc = surface_mode_accuracy(world, rows, rule=rule)
        assert acc["all"]["n"] == n_eval
        assert acc["seen_transform"]["n"] + acc["held_out_transform"]["n"] == n_eval
        assert sum(v["n"] for k, v in acc.items() if k.startswith("intent:")) == n_eval
        assert sum(v["n"] for k, v in acc.items() if k.startswith(("seen_topic:", "held_out_topic:"))) == n_eval
        assert all(0.0 <= v["accuracy"] <= 1.0 for v in acc.values())
        assert acc["intent:benign"]["majority"] == max(benign.values()) / sum(benign.values())
        # neither rule solves unseen phrasings
        assert acc["all"]["accuracy"] < 0.99
    with pytest.raises(ValueError, match="rule must be one of"):
        surface_mode_accuracy(world, rows, rule="overlap")


def test_held_out_topics_are_not_in_the_baselines_memory(world, rows):
    """The baseline reads only the rows a safety arm trains on: the base-only rows of held-out topics are not
    among them, so a copy of one is not solved by finding itself."""
    held = [r for r in rows if r["split"] == "train" and r["held_out_topic"]][:40]
    copies = [{**r, "id": "copy-" + r["id"], "split": "eval"} for r in held]
    train = [r for r in rows if r["split"] == "train"]
    for rule in RULES:
        assert surface_mode_accuracy(world, train + copies, rule=rule)["all"]["accuracy"] < 1.0
