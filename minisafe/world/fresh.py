"""The fresh-phrasing probe: hand-written prompts about the world's own topics, in no template of the world.

Every prompt of prompts.jsonl comes from a few dozen templates, and a small model can learn those rather than the
policy. data/fresh_prompts.jsonl asks about every topic (held-out ones included) in free wording, in the prompt schema
(prompts.PROMPT_FIELDS), so the same graders score it; the recipe evaluates every model on it beside the eval split
(GUIDE §7: what generalises, not what was memorised). Per topic:

    benign topics   overview; operational; operational with an everyday stated reason
    harm topics     dual-use overview; dual-use operational with no reason; with a legitimate-sounding reason
                    (obscured intent); a stated intent to harm a named person
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from minisafe.world import canon
from minisafe.io import DataError
from minisafe.world.spec import DATA_DIR
from minisafe.world.prompts import load_prompts
from minisafe.world.check import strings_under

FRESH_PATH = DATA_DIR / "fresh_prompts.jsonl"
TEMPLATE_NGRAM = 4   # a shared run of this many words (topic-name words aside) counts as template wording


def topic_words(world) -> dict[str, set[str]]:
    """topic id -> the words of its name that name no other topic ("vexilla", "spores"; "python", "process")."""
    per_topic = {t.id: set(canon.tokens(t.name)) for t in world.topics}
    count = Counter(w for ws in per_topic.values() for w in ws)
    return {tid: {w for w in ws if count[w] == 1} for tid, ws in per_topic.items()}


def template_ngrams(world) -> set[tuple[str, ...]]:
    """Every TEMPLATE_NGRAM-word run in the world's phrasings, transforms and teacher sentences ({slot}s split runs)."""
    grams = set()
    for _, s in strings_under([world.phrasings, world.transforms, world.teachers], []):
        for part in re.split(r"\{[^}]*\}", s):   # the text between slots
            t = canon.tokens(part)
            grams.update(zip(*(t[i:] for i in range(TEMPLATE_NGRAM))))
    return grams


def template_overlap(world, rows: list[dict]) -> list[tuple[str, str]]:
    """(row id, shared phrase) for each TEMPLATE_NGRAM-word run a row shares with the world's templates, runs made only
    of its topic's name words aside."""
    grams, hits = template_ngrams(world), []
    for r in rows:
        name = set(canon.tokens(world.topic(r["topic"]).name))
        t = canon.tokens(r["prompt"])
        for g in zip(*(t[i:] for i in range(TEMPLATE_NGRAM))):
            if g in grams and not set(g) <= name:
                hits.append((r["id"], " ".join(g)))
    return hits


def load_fresh(world, path: str | Path = FRESH_PATH) -> list[dict]:
    """Read the probe and check each row against the world (its topic's domain, trap and held-out flags, a word that
    names the topic, no run of TEMPLATE_NGRAM words from the world's templates); errors name the file, row and field."""
    path = Path(path)
    rows = load_prompts(path)
    if not rows:
        raise DataError(f"{path}: no rows")
    names = topic_words(world)
    seen = set()
    for r in rows:
        where = f"{path}: row id {r['id']!r}"
        if r["id"] in seen:
            raise DataError(f"{where}: field 'id': used twice")
        seen.add(r["id"])
        if r["topic"] not in world._by_key:
            raise DataError(f"{where}: field 'topic': unknown topic {r['topic']!r}")
        topic = world.topic(r["topic"])
        want = {"domain": topic.domain, "trap": topic.trap, "held_out_topic": topic.held_out, "split": "eval",
                "transform": "none", "prefill": "", "held_out": False}
        for key, value in want.items():
            if r[key] != value:
                raise DataError(f"{where}: field {key!r}: expected {value!r} for topic {topic.id!r}, got {r[key]!r}")
        if (r["intent"] == "benign") != (topic.domain == "benign"):
            raise DataError(f"{where}: field 'intent': {r['intent']!r} on a {topic.domain!r} topic")
        if (r["intent"] == "malicious") != (r["framing"] == "harmful"):
            raise DataError(f"{where}: field 'framing': {r['framing']!r} with intent {r['intent']!r} (a stated "
                            f"intent to harm is framing 'harmful', and only that)")
        if not names[topic.id] & set(canon.tokens(r["prompt"])):
            raise DataError(f"{where}: field 'prompt': names no word of topic {topic.name!r} "
                            f"(one of {sorted(names[topic.id])})")
    hits = template_overlap(world, rows)
    if hits:
        rid, phrase = hits[0]
        raise DataError(f"{path}: row id {rid!r}: field 'prompt': shares {phrase!r} with the world's templates "
                        f"({len(hits)} such runs of {TEMPLATE_NGRAM} words in all)")
    return rows
