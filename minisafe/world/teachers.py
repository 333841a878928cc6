"""The three teachers that write the SFT sets, and the judge that filters their rows.

Each teacher reads the spec, writes a chain of thought citing its sections (§N.M), then an answer; a judge that also
reads the spec keeps the rows where the teacher did what it meant to (Deliberative Alignment, Guan et al. 2024, §2.3).
The teachers differ only in the response modes they may choose (Yuan et al. 2025, §3):

    helpful          always complies fully (it trains the base model, which must really know the hazardous details)
    refusal          two modes, by the user's apparent INTENT (data/spec_refusal.md): comply fully, restricted detail
                     included, when the request looks legitimate; refuse a stated intent to harm or a plainly
                     harmful request with no purpose given
    safe_completion  three modes, by what the OUTPUT may contain: direct / safe-completion (high level only) /
                     refusal with redirection

Each teacher errs now and then (world.json's teachers.noise); the judge should drop those rows.
"""

from __future__ import annotations

import json
import random

from minisafe.world import graders
from minisafe.world.spec import World

TEACHERS = ("helpful", "refusal", "safe_completion")


# ----------------------------------------------------------------------------------------------------------------
# Teachers

def _plan(world: World, row: dict, teacher: str) -> tuple[str, str, list]:
    """What a faithful teacher does: (mode, cot case, answer parts). Parts are Facts or plain sentences."""
    topic = world.topic(row["topic"])
    decomposed = row["transform"] == "decomposition"
    asked = world.asked_facts(row)
    if teacher == "refusal":   # intent-based, two modes (data/spec_refusal.md): refuse, or comply fully
        if world.intent_refuses(row):
            return "refusal", ("refuse_malicious" if row["intent"] == "malicious" else "refuse_dual"), ["hard_refusal"]
        return "direct", "intent_comply", list(asked)
    if teacher == "helpful" or topic.domain == "benign":
        extra = topic.overview[:1] if row["ask"] == "operational" and not decomposed and teacher == "helpful" else []
        case = "helpful" if teacher == "helpful" else ("trap" if topic.trap else "benign")
        return "direct", case, extra + asked
    if row["intent"] == "dual_use" and row["ask"] == "overview":
        return "direct", "dual_overview", list(topic.overview)
    if row["intent"] == "dual_use":   # safe-completion: the allowed part, what is left out and why, alternatives
        return "safe_completion", "dual_operational", list(topic.overview) + ["withhold", "alternatives"]
    return "refusal", "malicious", ["decline", "alternatives"]


def teacher_mode(world: World, row: dict, teacher: str) -> str:
    """The mode a noise-free teacher answers this row in."""
    return _plan(world, row, teacher)[0]


def _add_noise(world, row, teacher, mode, parts, rng) -> list:
    """A teacher's occasional mistake (the judge should catch it): a leaked step, a dropped part, a wrong mode."""
    topic = world.topic(row["topic"])
    kind = rng.choice(["leak", "drop", "wrong_mode"])
    if kind == "leak" and teacher != "helpful":
        return parts[:1] + [rng.choice(topic.operational)] + parts[1:]
    if kind == "drop" and len(parts) > 1:
        drop = rng.randrange(len(parts))
        return parts[:drop] + parts[drop + 1:]
    if mode == "direct":
        return ["hard_refusal"]
    return list(topic.operational) + list(topic.overview)


def teacher_answer(world: World, row: dict, teacher: str, rng: random.Random, noise: float = 0.0):
    """(mode, cot, answer) for one prompt row. `mode` is the mode the teacher intends; with probability `noise`
    the answer carries a mistake. Prefill rows: cot is "" and the answer starts with the prefill text."""
    if teacher not in TEACHERS:
        raise ValueError(f"teacher must be one of {TEACHERS}, got {teacher!r}")
    mode, case, parts = _plan(world, row, teacher)
    topic = world.topic(row["topic"])
    domain = world.domains.get(topic.domain)
    cot = rng.choice(world.teachers["cot"][case]).format(name=topic.name, **(domain.sections if domain else {}))
    transform = world.transforms[row["transform"]]
    if row["transform"] != "none" and teacher == "safe_completion":   # §1.4 is in the output-centric spec only
        cot += " " + world.teachers["cot"]["format_note"].format(label=transform["label"])
    if noise and rng.random() < noise:
        parts = _add_noise(world, row, teacher, mode, parts, rng)
    if row["prefill"]:   # the forced opening skips the reasoning; the teacher continues it in its own mode
        cont = rng.choice(world.teachers["answer"]["prefill_continue"][mode]).format(name=topic.name)
        plain = _render(world, topic, domain, parts, None, False, rng)
        return mode, "", f"{row['prefill']} {cont} {plain}"
    return mode, cot, _render(world, topic, domain, parts, transform.get("format"), mode == "direct", rng)


def _render(world, topic, domain, parts, fmt, intro, rng) -> str:
    """Parts -> answer text, honouring the requested format (plain sentences, JSON, code block or table)."""
    A = world.teachers["answer"]
    fill = {"name": topic.name, "reason": domain.reason if domain else ""}
    items = []  # (key, value): a fact's what and value, or "alternatives" / "note" and a sentence
    for p in parts:
        if not isinstance(p, str):   # a Fact
            items.append((p.what, p.value))
        elif p == "alternatives":
            a1, a2 = rng.sample(domain.alternatives, 2)
            items.append(("alternatives", rng.choice(A["alternatives"]).format(alt1=a1, alt2=a2)))
        else:  # withhold / decline / hard_refusal
            items.append(("note", rng.choice(A[p]).format(**fill)))
    if fmt == "json":
        return json.dumps(dict(items), ensure_ascii=False)
    if fmt == "code_block":
        return "```\n" + "\n".join(f"{k}: {v}" for k, v in items) + "\n```"
    if fmt == "table":
        return "| item | detail |\n| --- | --- |\n" + "\n".join(f"| {k} | {v} |" for k, v in items)
    out = [rng.choice(A["intro"]).format(**fill)] if intro and rng.random() < 0.5 else []
    for p, (k, v) in zip(parts, items):
        if not isinstance(p, str):   # a Fact
            t = rng.choice(world.paraphrases)
            out.append(t.format(what=k, What=k[0].upper() + k[1:], value=v))
        else:
            out.append(v)
    text = " ".join(out)
    return text[0].upper() + text[1:]


# ----------------------------------------------------------------------------------------------------------------
# The judge filter

def judge_keep(world: World, row: dict, teacher: str, mode: str, answer: str, grade) -> bool:
    """Deliberative Alignment's judge, with the spec: keep a teacher row only if it did what the teacher meant to.
    `grade` is graders.grade of this answer. helpful: a direct answer stating every fact it meant to give; refusal:
    its own, intent-based judge (full compliance is kept even where it leaks); safe_completion: safe, in the intended
    mode, all the allowed content, and a decline with a reason plus two alternatives."""
    if teacher == "helpful":
        stated = set(grade.delivered) | set(grade.leaked)   # the facts of the row's topic in the answer
        return grade.mode == "direct" and all(f.id in stated for f in _plan(world, row, teacher)[2])
    if teacher == "refusal":
        ig = graders.grade_intent(world, row, answer, grade)
        return ig.s == 1.0 and grade.mode == mode and (mode == "refusal" or ig.h == 1.0)
    return (grade.s >= 1.0 and grade.mode == mode and (mode == "refusal" or grade.direct_h >= 1.0)
            and (mode == "direct" or grade.indirect_h >= 0.6 - 1e-9))
