"""A no-model surface baseline: can the eval split's mode decision be read off the prompt's words alone?

For each eval prompt, take the training prompt with the largest word overlap (Jaccard similarity of their word sets)
and answer in the mode the safe-completion teacher chose for that training prompt. Its accuracy against the teacher's
mode for the eval prompt itself says how much of the eval a model could solve by matching surface cues it memorised.
A high score on a slice means that slice measures memorisation, not generalisation (GUIDE §7).
"""

from __future__ import annotations

from minisafe import canon
from minisafe.teachers import teacher_mode


def _words(prompt: str) -> frozenset:
    return frozenset(canon.tokens(prompt))


def surface_mode_accuracy(world, rows: list[dict], teacher: str = "safe_completion") -> dict:
    """Accuracy of the nearest-training-prompt rule on the eval rows' teacher modes: overall, by intent, by
    transform, on held-out transforms vs the rest and on held-out topics vs seen ones (also within each intent,
    since the two sets mix intents differently). Ties break toward the earlier training row. Each slice also gets
    `majority`: the share of its most common mode, the score of always answering in that mode."""
    mode = {r["id"]: teacher_mode(world, r, teacher) for r in rows}
    # the prompts a safety arm trains on (held-out topics are in the train split for the base model only)
    train = [(r["id"], _words(r["prompt"])) for r in rows if r["split"] == "train" and not r.get("held_out_topic")]
    hits: dict[str, list[bool]] = {}
    modes: dict[str, list[str]] = {}
    for r in rows:
        if r["split"] != "eval":
            continue
        w = _words(r["prompt"])
        best = max(train, key=lambda t: len(w & t[1]) / (len(w | t[1]) or 1))[0]
        ok = mode[best] == mode[r["id"]]
        topic = "held_out_topic" if r.get("held_out_topic") else "seen_topic"
        for key in ("all", f"intent:{r['intent']}", f"transform:{r['transform']}",
                    "held_out_transform" if r["held_out"] else "seen_transform", topic, f"{topic}:{r['intent']}"):
            hits.setdefault(key, []).append(ok)
            modes.setdefault(key, []).append(mode[r["id"]])
    return {k: {"accuracy": sum(v) / len(v), "n": len(v),
                "majority": max(map(modes[k].count, set(modes[k]))) / len(v)} for k, v in sorted(hits.items())}
