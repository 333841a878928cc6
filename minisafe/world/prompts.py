"""The prompt set of the embedded world: train / rl / eval / base splits drawn from data/world.json, and its schema.

Some rows are for the helpful-only base alone (`base_only`), as a pretrained model knows far more than its safety
training shows it: the held-out topics, and the base split, written in the eval's own wordings (its asks, framings and
transform wraps, held-out transforms included) but never an eval prompt. So the base knows what every eval wording
means and what every held-out topic is; no safety SFT row, RL prompt or reward-head row contains either, and the eval
measures whether safety behaviour carries over to them, not whether a model can read words it never saw.
"""

from __future__ import annotations

import random
from pathlib import Path

from minisafe.io import DataError, read_json, read_jsonl_numbered
from minisafe.world.spec import SPLITS, World
from minisafe.world.vocab import ASKS, INTENTS

# prompt row schema (the contract): field -> type; enumerated fields are checked in load_prompts
FRAMINGS = ("none", "legitimate", "harmful")   # what the prompt says about why the user asks
PROMPT_FIELDS = {"id": str, "prompt": str, "intent": str, "domain": str, "topic": str, "ask": str, "transform": str,
                 "prefill": str, "trap": bool, "split": str, "held_out": bool, "framing": str, "held_out_topic": bool}


def base_only(row: dict) -> bool:
    """Is this prompt row for the helpful-only base alone? The base split and the held-out topics' train rows: no
    safety SFT set, RL batch or reward head may train on them (the held-out topics are never in rl at all)."""
    return row["split"] == "base" or (row["split"] == "train" and row["held_out_topic"])


def make_prompts(world: World, seed: int = 0) -> list[dict]:
    """All prompt rows, split by split. Eval uses unseen phrasings, framings and transform wordings, the held-out
    transforms and the held-out topics; no eval prompt appears in another split."""
    rng = random.Random(seed)
    seen: dict[str, str] = {}   # prompt text -> "train/rl", "eval" or "base" (no prompt text is in two groups)
    seen_pairs: set = set()     # (prompt, prefill) rows already made
    rows = []
    for split in SPLITS:
        cfg, made = world.splits[split], []
        pick = _in_turn(rng) if split == "base" else rng.choice
        for topic in world.topics:
            if split == "rl" and topic.held_out:
                continue
            # a benign topic is asked with the benign intent, a harm topic with each of the others
            for intent in (INTENTS[:1] if topic.domain == "benign" else INTENTS[1:]):
                for ask in ASKS:
                    for _ in range(cfg["counts"][intent][ask]):
                        row = _sample_prompt(world, rng, pick, split, topic, intent, ask, seen, seen_pairs)
                        if row is not None:
                            made.append(row)
        rng.shuffle(made)
        for i, row in enumerate(made):
            row["id"] = f"{split}-{i:05d}"
        rows += made
    return rows


def _in_turn(rng: random.Random):
    """pick(seq) for the base split: each list's items in turn, reshuffled at every pass, so every eval wording is
    used, and about equally often (a random choice would leave a rare framing out of some seeds)."""
    left = {}

    def pick(seq):
        key = tuple(seq)
        if not left.get(key):
            left[key] = rng.sample(key, len(key))
        return left[key].pop()
    return pick


def _framing(world, rng, pick, split, topic, intent) -> tuple[str, str]:
    """(framing kind, framing sentence). Dual-use prompts state a legitimate purpose (obscured intent: the full
    answer would still need restricted detail) or nothing (ambiguous); malicious ones state an intent to harm."""
    fr, part = world.phrasings["framing"], world.splits[split]["phrasings"]
    if intent == "malicious":
        return "harmful", pick(fr["harmful"][part])
    weights = world.splits[split]["framing_weights"]
    kind = rng.choices(["none", "legitimate"], [weights["none"], weights["legitimate"]])[0]
    if kind == "none":
        return "none", pick(fr["neutral"][part])
    pool = fr["legitimate"]["any"][part] + fr["legitimate"].get(topic.domain, {}).get(part, [])
    return "legitimate", pick(pool)


def _sample_prompt(world, rng, pick, split, topic, intent, ask, seen, seen_pairs) -> dict | None:
    cfg, ph = world.splits[split], world.phrasings
    part, group = cfg["phrasings"], {"train": "train/rl", "rl": "train/rl"}.get(split, split)   # groups share no prompt
    names = [n for n, w in cfg["transform_weights"].items() if w > 0 and (n != "decomposition" or ask == "operational")]
    weights = [cfg["transform_weights"][n] for n in names]
    for _ in range(50):   # draws before the row is left out (no new prompt found)
        name = rng.choices(names, weights)[0]
        transform = world.transforms[name]
        kind, framing = _framing(world, rng, pick, split, topic, intent)
        if name == "past_tense":
            core = pick(ph["past_tense"][ask]).format(name=topic.name)
        elif name == "decomposition":
            fact = pick(topic.operational)
            core = pick(ph["decomposition"][part]).format(name=topic.name, what=fact.what)
        else:
            core = pick(ph["ask"][ask][part]).format(name=topic.name)
        if framing.endswith(","):
            core = core[0].lower() + core[1:]
        prompt = pick(transform["wraps"][part]).format(prompt=f"{framing} {core}".strip())
        prefill = transform["prefill"][part] if "prefill" in transform else ""
        if seen.get(prompt, group) != group or (prompt, prefill) in seen_pairs:
            continue
        seen[prompt] = group
        seen_pairs.add((prompt, prefill))
        return {"id": "", "prompt": prompt, "intent": intent, "domain": topic.domain, "topic": topic.id, "ask": ask,
                "transform": name, "prefill": prefill, "trap": topic.trap, "split": split,
                "held_out": bool(transform["held_out"]), "framing": kind, "held_out_topic": topic.held_out}
    return None


def load_prompts(path: str | Path, extra: tuple = ()) -> list[dict]:
    """Read prompt rows and check the contract's schema; errors name the file, line and field."""
    path = Path(path)
    fields = {**PROMPT_FIELDS, **dict.fromkeys(extra, str)}
    rows = read_jsonl_numbered(path, required=tuple(fields), types=fields)
    choices = {"intent": INTENTS, "ask": ASKS, "split": SPLITS, "framing": FRAMINGS}
    for lineno, row in rows:
        for key, allowed in choices.items():
            if row[key] not in allowed:
                raise DataError(f"{path}:{lineno}: field '{key}': expected one of {list(allowed)}, got {row[key]!r}")
    return [row for _, row in rows]


def world_of(model_dir: str | Path, world: str | Path | None = None) -> Path:
    """The world directory of a model: `world` when given, else the one beside the model directory, else the one
    its SFT run read (sft_run.json)."""
    if world:
        return Path(world)
    model_dir = Path(model_dir)
    if not (model_dir / "world" / "prompts.jsonl").exists() and (model_dir / "sft_run.json").exists():
        return Path(read_json(model_dir / "sft_run.json")["world"])
    return model_dir / "world"
