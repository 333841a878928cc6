"""No-model surface baselines: can the eval split's mode decision be read off the prompt's words alone?

Each rule learns the safe-completion teacher's mode from the prompts a safety arm trains on and predicts it for every
eval prompt from its words. A high score on a slice means that slice measures memorised surface cues, not
generalisation (GUIDE §7). Two rules, because one weak rule proves little:

    nearest      the training prompt with the largest word overlap (Jaccard similarity of the word sets); its mode.
                 Every word weighs the same, so a shared topic name dominates.
    naive_bayes  a multinomial naive Bayes classifier on words and adjacent word pairs (add-one smoothing): it learns
                 which words go with which mode, e.g. that "suffer" means refusal, whatever the topic.
"""

from __future__ import annotations

import math
from collections import Counter

from minisafe.world import canon
from minisafe.world.teachers import teacher_mode
from minisafe.world.prompts import base_only
from minisafe.world.vocab import MODES


def _words(prompt: str) -> frozenset:
    return frozenset(canon.tokens(prompt))


def _features(prompt: str) -> set:
    t = canon.tokens(prompt)
    return set(t) | {f"{a} {b}" for a, b in zip(t, t[1:])}


def nearest_rule(train: list[tuple[str, str]]):
    """train: (prompt, mode) pairs -> predict(prompt) -> the mode of the most overlapping prompt (ties: earlier)."""
    memory = [(_words(p), m) for p, m in train]
    holding: dict[str, list[int]] = {}   # word -> the training prompts that hold it
    for i, (words, _) in enumerate(memory):
        for x in words:
            holding.setdefault(x, []).append(i)

    def predict(prompt: str) -> str:
        w = _words(prompt)
        shared = Counter(i for x in w for i in holding.get(x, ()))   # |w & t| of every t that shares a word
        jaccard = {i: n / (len(w) + len(memory[i][0]) - n) for i, n in shared.items()}   # |w & t| / |w | t|
        return memory[min(jaccard, key=lambda i: (-jaccard[i], i), default=0)][1]   # no word shared: all score 0
    return predict


def naive_bayes_rule(train: list[tuple[str, str]]):
    """train: (prompt, mode) pairs -> predict(prompt) -> argmax_m  log P(m) + sum_{f in prompt} log P(f | m),

        P(f | m) = (count of prompts of mode m with feature f + 1) / (sum over f' of those counts + |vocabulary|)

    Features never seen in training carry no evidence and are skipped; ties break in MODES order."""
    prior = Counter(m for _, m in train)
    counts = {m: Counter() for m in MODES}
    for p, m in train:
        counts[m].update(_features(p))
    vocab = set().union(*counts.values())
    total = {m: sum(c.values()) + len(vocab) for m, c in counts.items()}
    modes = [m for m in MODES if prior[m]]

    def predict(prompt: str) -> str:
        f = [x for x in _features(prompt) if x in vocab]
        score = {m: math.log(prior[m]) + sum(math.log((counts[m][x] + 1) / total[m]) for x in f) for m in modes}
        return max(modes, key=lambda m: score[m])
    return predict


RULES = {"nearest": nearest_rule, "naive_bayes": naive_bayes_rule}   # name -> train -> predict


def surface_mode_accuracy(world, rows: list[dict], rule: str = "nearest") -> dict:
    """Accuracy of one rule (RULES) on the eval rows' safe-completion teacher modes: overall, by intent, by transform,
    on held-out transforms vs the rest and on held-out topics vs seen ones (also within each intent, since the two sets
    mix intents differently). Each slice also gets `majority`: the share of its most common mode, the score of always
    answering in that mode."""
    if rule not in RULES:
        raise ValueError(f"rule must be one of {tuple(RULES)}, got {rule!r}")
    mode = {r["id"]: teacher_mode(world, r, "safe_completion") for r in rows}
    # the prompts a safety arm trains on (not the rows for the helpful-only base alone)
    train = [(r["prompt"], mode[r["id"]]) for r in rows if r["split"] == "train" and not base_only(r)]
    predict = RULES[rule](train)
    slices: dict[str, list[tuple[str, str]]] = {}   # slice -> (predicted, teacher's) mode of each of its rows
    for r in rows:
        if r["split"] != "eval":
            continue
        got = (predict(r["prompt"]), mode[r["id"]])
        topic = "held_out_topic" if r.get("held_out_topic") else "seen_topic"
        for key in ("all", f"intent:{r['intent']}", f"transform:{r['transform']}",
                    "held_out_transform" if r["held_out"] else "seen_transform", topic, f"{topic}:{r['intent']}"):
            slices.setdefault(key, []).append(got)
    return {k: {"accuracy": sum(p == t for p, t in v) / len(v), "n": len(v),
                "majority": max(Counter(t for _, t in v).values()) / len(v)} for k, v in sorted(slices.items())}
