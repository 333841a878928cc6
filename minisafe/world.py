"""The embedded safety world: a small, FICTIONAL world in which every part of safe-completion training is measurable.

    data/spec.md     the policy, numbered sections `§N.M`; headers carry the response mode each section calls for
    data/world.json  domains, topics and their facts (with markers), phrasings, transforms, teacher sentences, splits

`load_world()` parses both and checks them against each other (errors name the file, the line and the JSON path).
`build()` writes the prompt set (train / rl / eval) and the three SFT sets, one per teacher (helpful, refusal,
safe_completion); the teachers and the judge that filters their rows live in minisafe/teachers.py.

Teachers read the spec and cite it in their reasoning, but the SFT row holds the prompt WITHOUT the spec (context
distillation, Deliberative Alignment, Guan et al. 2024, arXiv 2412.16339, §2.3).

    python -m minisafe.world build --out DIR --seed S
    python -m minisafe.world grade --in FILE.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

from minisafe import canon, graders
from minisafe.io import DataError, read_json, read_jsonl, write_jsonl
from minisafe.teachers import TEACHERS, judge_keep, teacher_answer

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MODES = ("direct", "safe_completion", "refusal")
SEVERITIES = ("Negligible", "Low", "Moderate", "High")  # mildest first
INTENTS = ("benign", "dual_use", "malicious")
ASKS = ("overview", "operational")
SPLITS = ("train", "rl", "eval")
FORMATS = ("json", "code_block", "table")
# prompt row schema (the contract): field -> type; enumerated fields are checked in load_prompts
FRAMINGS = ("none", "legitimate", "harmful")   # what the prompt says about why the user asks
PROMPT_FIELDS = {"id": str, "prompt": str, "intent": str, "domain": str, "topic": str, "ask": str, "transform": str,
                 "prefill": str, "trap": bool, "split": str, "held_out": bool, "framing": str, "held_out_topic": bool}


# ----------------------------------------------------------------------------------------------------------------
# The world's pieces

@dataclass(frozen=True)
class Section:
    id: str            # "2.2"
    title: str
    mode: str | None   # direct / safe_completion / refusal, or None for a principle that decides no mode
    line: int


@dataclass(frozen=True)
class Fact:
    id: str                  # "vexilla.p1"
    kind: str                # overview (allowed) / operational (restricted for harm topics)
    what: str                # "the growth broth"
    value: str               # "korbin salt broth kept at 177 degrees"
    markers: tuple           # normalised strings that every wording of the fact contains
    severity: str | None     # harm-domain operational facts only


@dataclass(frozen=True)
class Topic:
    id: str
    name: str                # noun phrase used in templates: "culturing vexilla spores"
    domain: str              # a harm domain id, or "benign"
    trap: bool               # benign topic with alarming words ("killing a python process")
    facts: tuple
    looks_harmful: bool = False   # harm topic whose very name reads as harm ("making a tallow grenade")
    held_out: bool = False        # eval-only for the safety arms: no safety SFT or RL row names it

    @property
    def overview(self) -> list[Fact]:
        return [f for f in self.facts if f.kind == "overview"]

    @property
    def operational(self) -> list[Fact]:
        return [f for f in self.facts if f.kind == "operational"]


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    sections: dict           # {"allowed": "2.1", "restricted": "2.2", "disallowed": "2.3"}
    reason: str
    alternatives: tuple


@dataclass
class World:
    spec_text: str
    sections: dict           # id -> Section
    domains: dict            # id -> Domain
    topics: list             # [Topic], file order
    facts: dict              # fact id -> Fact
    fact_topic: dict         # fact id -> topic id
    marker_facts: dict       # canonical marker ("korbin salt") -> fact id
    paraphrases: list
    phrasings: dict
    transforms: dict         # name -> raw transform dict
    splits: dict
    teachers: dict
    benign_section: str
    _by_key: dict = field(default_factory=dict, repr=False)

    def section(self, sid: str) -> Section:
        if sid not in self.sections:
            raise KeyError(f"no spec section §{sid}")
        return self.sections[sid]

    def topic(self, key: str) -> Topic:
        """A topic by id ("vexilla") or by name ("culturing vexilla spores")."""
        if key not in self._by_key:
            raise KeyError(f"unknown topic {key!r}")
        return self._by_key[key]

    @property
    def held_out_transforms(self) -> list[str]:
        return [n for n, t in self.transforms.items() if t["held_out"]]

    def wanted_fact(self, row: dict) -> Fact:
        """For a decomposition prompt: the one operational fact it asks for (its `what` appears in the prompt)."""
        topic, text = self.topic(row["topic"]), " " + " ".join(canon.tokens(row["prompt"])) + " "
        for fact in topic.operational:
            if " " + " ".join(canon.tokens(fact.what)) + " " in text:
                return fact
        return topic.operational[0]

    def intent_refuses(self, row: dict) -> bool:
        """The intent-based (refusal-training) decision, data/spec_refusal.md: refuse a stated intent to harm, and a
        request for operational detail on a topic that looks plainly harmful when no legitimate purpose is stated;
        comply fully with everything else, restricted detail included."""
        if row["intent"] != "dual_use":
            return row["intent"] == "malicious"
        topic = self.topic(row["topic"])
        return row["ask"] == "operational" and row.get("framing", "none") == "none" and topic.looks_harmful

    def requested_facts(self, row: dict) -> list[Fact]:
        """The allowed content the request asks for: what direct helpfulness is measured against (design §Graders).
        benign: overview facts, or operational facts (or the one asked step); dual_use: the overview facts (the
        allowed part of any request); malicious: nothing may be delivered to a stated intent to harm."""
        topic = self.topic(row["topic"])
        if row["intent"] == "malicious":
            return []
        if row["intent"] == "dual_use" or row["ask"] == "overview":
            return topic.overview
        if row["transform"] == "decomposition":
            return [self.wanted_fact(row)]
        return topic.operational


# ----------------------------------------------------------------------------------------------------------------
# Loading and validation

_HEADER = re.compile(r"^#{2,3} §(?P<id>\d+(?:\.\d+)?) (?P<title>.+?)\s*$")
_MODE = re.compile(r"\s*\[mode:\s*(?P<mode>[^\]]*)\]$")


def parse_spec(path: Path) -> dict[str, Section]:
    """Section headers `## §N Title` / `### §N.M Title [mode: M]` -> {id: Section}."""
    sections = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not (line.startswith("#") and "§" in line):
            continue
        m = _HEADER.match(line)
        if not m:
            raise DataError(f"{path}:{lineno}: field 'header': expected '### §N.M Title [mode: ...]', got {line!r}")
        title, mode = m["title"], None
        if "[mode" in title:
            mm = _MODE.search(title)
            if not mm or mm["mode"] not in MODES:
                got = mm["mode"] if mm else title[title.index("[mode"):]
                raise DataError(f"{path}:{lineno}: field 'mode' of §{m['id']}: expected one of {list(MODES)}, "
                                f"got {got!r}")
            title, mode = title[:mm.start()], mm["mode"]
        if m["id"] in sections:
            raise DataError(f"{path}:{lineno}: field 'id': section §{m['id']} defined twice "
                            f"(first at line {sections[m['id']].line})")
        sections[m["id"]] = Section(m["id"], title, mode, lineno)
    if not sections:
        raise DataError(f"{path}: no section headers found (expected lines like '### §1.1 Title [mode: direct]')")
    return sections


def _json_line(text: str, path: list) -> int | None:
    """Line of the value at a JSON path (keys and list indices) in `text`; the deepest part that can be found."""
    dec, ws = json.JSONDecoder(), re.compile(r"[ \t\n\r]*")
    skip = lambda i: ws.match(text, i).end()  # noqa: E731
    pos = skip(0)
    try:
        for part in path:
            if text[pos] == "{" and isinstance(part, str):
                pos = skip(pos + 1)
                while text[pos] != "}":
                    key, pos = json.decoder.scanstring(text, pos + 1)
                    pos = skip(skip(pos) + 1)  # past ':'
                    if key == part:
                        break
                    pos = skip(dec.raw_decode(text, pos)[1])
                    pos = skip(pos + 1) if text[pos] == "," else pos
                else:
                    break
            elif text[pos] == "[" and isinstance(part, int):
                pos = skip(pos + 1)
                for _ in range(part):
                    pos = skip(dec.raw_decode(text, pos)[1])
                    pos = skip(pos + 1) if text[pos] == "," else pos
                if text[pos] == "]":
                    break
            else:
                break
    except (IndexError, ValueError):
        return None
    return text.count("\n", 0, pos) + 1


class _Checker:
    """Reads typed fields out of world.json; every failure names the file, line and JSON path."""

    def __init__(self, path: Path):
        self.path, self.text = path, path.read_text(encoding="utf-8")

    def fail(self, jp: list, msg: str):
        shown = _path_str(jp) or "(top level)"
        line = _json_line(self.text, jp)
        raise DataError(f"{self.path}:{line}: {shown}: {msg}" if line else f"{self.path}: {shown}: {msg}")

    def get(self, obj, key, typ, jp: list, choices=None):
        if not isinstance(obj, dict):
            self.fail(jp, f"expected an object, got {type(obj).__name__}")
        if key not in obj:
            self.fail(jp, f"missing field '{key}'")
        val = obj[key]
        if not isinstance(val, typ) or (typ is int and isinstance(val, bool)):
            names = typ.__name__ if isinstance(typ, type) else "/".join(t.__name__ for t in typ)
            self.fail(jp + [key], f"expected {names}, got {type(val).__name__}")
        if choices is not None and val not in choices:
            self.fail(jp + [key], f"expected one of {list(choices)}, got {val!r}")
        return val

    def strings(self, obj, key, jp: list, min_len=1, empty_ok=False) -> list[str]:
        vals = self.get(obj, key, list, jp)
        if len(vals) < min_len:
            self.fail(jp + [key], f"expected at least {min_len} entries, got {len(vals)}")
        for i, v in enumerate(vals):
            if not isinstance(v, str) or not (v.strip() or empty_ok):
                self.fail(jp + [key, i], f"expected a non-empty string, got {v!r}")
        return vals

    def template(self, text: str, jp: list, needs=(), allowed=("name",)):
        """A str.format template that uses only `allowed` keys and every key in `needs`."""
        if not isinstance(text, str):
            self.fail(jp, f"expected a string template, got {type(text).__name__}")
        try:
            keys = {k for _, k, _, _ in string.Formatter().parse(text) if k is not None}
        except ValueError as e:
            self.fail(jp, f"malformed template {text!r} ({e})")
        if keys - set(allowed) or set(needs) - keys:
            self.fail(jp, f"template {text!r} must use {sorted(needs)} and only {sorted(allowed)}")


def load_world(data_dir: str | Path | None = None) -> World:
    """Read and cross-check data/spec.md and data/world.json."""
    data_dir = Path(data_dir) if data_dir is not None else DATA_DIR
    spec_path, world_path = data_dir / "spec.md", data_dir / "world.json"
    sections = parse_spec(spec_path)
    refusal_spec = parse_spec(data_dir / "spec_refusal.md")   # the intent-based baseline's spec, sections §11.x
    twice = sorted(set(sections) & set(refusal_spec))
    if twice:
        raise DataError(f"{data_dir / 'spec_refusal.md'}:{refusal_spec[twice[0]].line}: field 'id': section "
                        f"§{twice[0]} is also in {spec_path}; a citation must name one spec")
    sections = {**sections, **refusal_spec}
    raw, c = read_json(world_path), _Checker(world_path)
    if not isinstance(raw, dict):
        c.fail([], "expected a JSON object")

    def spec_ref(sid, jp, mode):
        if sid not in sections:
            c.fail(jp, f"section §{sid} is not in {spec_path}")
        if sections[sid].mode != mode:
            c.fail(jp, f"section §{sid} has mode {sections[sid].mode!r} in {spec_path}, expected {mode!r}")

    benign_section = c.get(raw, "benign_section", str, [])
    spec_ref(benign_section, ["benign_section"], "direct")
    paraphrases = c.strings(raw, "paraphrases", [])
    for i, t in enumerate(paraphrases):
        c.template(t, ["paraphrases", i], needs=("value",), allowed=("what", "What", "value"))

    domains = {}
    for i, d in enumerate(c.get(raw, "domains", list, [])):
        jp = ["domains", i]
        did = c.get(d, "id", str, jp)
        if did in domains or did == "benign":
            c.fail(jp + ["id"], f"domain id {did!r} is used twice (or is the reserved 'benign')")
        secs = c.get(d, "sections", dict, jp)
        for role, mode in (("allowed", "direct"), ("restricted", "safe_completion"), ("disallowed", "refusal")):
            spec_ref(c.get(secs, role, str, jp + ["sections"]), jp + ["sections", role], mode)
        reason = c.get(d, "reason", str, jp)
        if not graders.gives_reason(f"since {reason}"):
            c.fail(jp + ["reason"], f"'since {reason}' does not read as a reason tied to harm (graders.gives_reason)")
        alts = c.strings(d, "alternatives", jp, min_len=2)
        domains[did] = Domain(did, c.get(d, "name", str, jp), dict(secs), reason, tuple(alts))

    topics, facts, fact_topic, by_key, marker_facts = [], {}, {}, {}, {}
    for i, t in enumerate(c.get(raw, "topics", list, [])):
        jp = ["topics", i]
        tid, name = c.get(t, "id", str, jp), c.get(t, "name", str, jp)
        if tid in by_key or name in by_key:
            c.fail(jp + ["id"], f"topic id or name {tid!r}/{name!r} is used twice")
        domain = c.get(t, "domain", str, jp, choices=["benign", *domains])
        trap = c.get(t, "trap", bool, jp)
        if trap and domain != "benign":
            c.fail(jp + ["trap"], "only benign topics can be keyword traps")
        tfacts = []
        for j, f in enumerate(c.get(t, "facts", list, jp)):
            fjp = jp + ["facts", j]
            fid = c.get(f, "id", str, fjp)
            if fid in facts:
                c.fail(fjp + ["id"], f"fact id {fid!r} is used twice")
            kind = c.get(f, "kind", str, fjp, choices=ASKS)
            value = c.get(f, "value", str, fjp)
            severity = None
            if domain != "benign" and kind == "operational":
                severity = c.get(f, "severity", str, fjp, choices=SEVERITIES)
            elif "severity" in f:
                c.fail(fjp + ["severity"], "only operational facts of harm-domain topics have a severity")
            markers = [" ".join(canon.tokens(m)) for m in c.strings(f, "markers", fjp)]
            if severity is not None and (len(markers) != 2 or canon.parse_quantity(markers[1]) is None):
                c.fail(fjp + ["markers"], "a restricted fact needs two markers: its item (first word invented) and "
                       f"its value 'NUMBER UNIT'; got {markers}")
            for k, m in enumerate(markers):
                if f" {m} " not in " " + " ".join(canon.tokens(value)) + " ":
                    c.fail(fjp + ["markers", k], f"marker {m!r} does not occur in the fact's value {value!r}")
                if m in marker_facts:
                    c.fail(fjp + ["markers", k], f"marker {m!r} is already used by fact {marker_facts[m]!r}")
                marker_facts[m] = fid
            fact = Fact(fid, kind, c.get(f, "what", str, fjp), value, tuple(markers), severity)
            facts[fid], fact_topic[fid] = fact, tid
            tfacts.append(fact)
        looks_harmful = c.get(t, "looks_harmful", bool, jp) if domain != "benign" else False
        held = t.get("held_out", False)
        if not isinstance(held, bool):
            c.fail(jp + ["held_out"], f"expected true or false, got {held!r}")
        topic = Topic(tid, name, domain, trap, tuple(tfacts), looks_harmful, held)
        if not topic.overview or not topic.operational:
            c.fail(jp + ["facts"], "a topic needs at least one overview and one operational fact")
        if len({f.what for f in topic.operational}) != len(topic.operational):
            c.fail(jp + ["facts"], "operational facts of one topic need distinct 'what' (decomposition asks by it)")
        topics.append(topic)
        by_key[tid] = by_key[name] = topic

    phrasings = c.get(raw, "phrasings", dict, [])
    transforms = {}
    for i, t in enumerate(c.get(raw, "transforms", list, [])):
        jp = ["transforms", i]
        name = c.get(t, "name", str, jp)
        c.get(t, "held_out", bool, jp)
        c.get(t, "label", str, jp)
        wraps = c.get(t, "wraps", dict, jp)
        for part in ("train", "eval"):
            for k, w in enumerate(c.strings(wraps, part, jp + ["wraps"], min_len=0)):
                c.template(w, jp + ["wraps", part, k], needs=("prompt",), allowed=("prompt",))
        if "format" in t:
            c.get(t, "format", str, jp, choices=FORMATS)
        if name == "prefill":
            for part in ("train", "eval"):
                c.get(c.get(t, "prefill", dict, jp), part, str, jp + ["prefill"])
        transforms[name] = t
    _check_phrasings(c, phrasings, domains, transforms)
    for needed in ("none", "prefill", "decomposition", "past_tense"):
        if needed not in transforms:
            c.fail(["transforms"], f"missing the {needed!r} transform")
    if transforms["none"]["held_out"]:
        c.fail(["transforms"], "'none' cannot be held out")

    splits = c.get(raw, "splits", dict, [])
    for split in SPLITS:
        s = c.get(splits, split, dict, ["splits"])
        c.get(s, "phrasings", str, ["splits", split], choices=("train", "eval"))
        for intent in INTENTS:
            for ask in ASKS:
                c.get(c.get(c.get(s, "counts", dict, ["splits", split]), intent, dict, ["splits", split, "counts"]),
                      ask, int, ["splits", split, "counts", intent])
        for name, w in c.get(s, "transform_weights", dict, ["splits", split]).items():
            jp = ["splits", split, "transform_weights", name]
            if name not in transforms:
                c.fail(jp, f"unknown transform {name!r}; expected one of {list(transforms)}")
            if not isinstance(w, (int, float)) or isinstance(w, bool) or w < 0:
                c.fail(jp, f"expected a weight >= 0, got {w!r}")
            if split != "eval" and transforms[name]["held_out"] and w > 0:
                c.fail(jp, f"transform {name!r} is held out for eval; it cannot appear in {split}")
            if w > 0 and not transforms[name]["wraps"][s["phrasings"]]:
                c.fail(jp, f"transform {name!r} has no {s['phrasings']!r} wraps")
        fw = c.get(s, "framing_weights", dict, ["splits", split])
        for name in ("none", "legitimate"):
            v = c.get(fw, name, (int, float), ["splits", split, "framing_weights"])
            if isinstance(v, bool) or v < 0:
                c.fail(["splits", split, "framing_weights", name], f"expected a weight >= 0, got {v!r}")

    teachers = c.get(raw, "teachers", dict, [])
    _check_teachers(c, teachers)
    world = World(spec_path.read_text(encoding="utf-8"), sections, domains, topics, facts, fact_topic, marker_facts,
                  paraphrases, phrasings, transforms, splits,
                  teachers, benign_section, by_key)
    _check_markers_unambiguous(c, raw, world)
    return world


def _check_phrasings(c: _Checker, ph: dict, domains, transforms: dict):
    jp = ["phrasings"]
    fr = c.get(ph, "framing", dict, jp)
    for kind in ("neutral", "harmful"):
        for part in ("train", "eval"):
            c.strings(c.get(fr, kind, dict, jp + ["framing"]), part, jp + ["framing", kind], empty_ok=True)
    legit = c.get(fr, "legitimate", dict, jp + ["framing"])
    for group in ("any", *domains):
        for part in ("train", "eval"):
            c.strings(c.get(legit, group, dict, jp + ["framing", "legitimate"]), part,
                      jp + ["framing", "legitimate", group])
    for part in ("train", "eval"):
        for ask in ASKS:
            for k, t in enumerate(c.strings(c.get(c.get(ph, "ask", dict, jp), ask, dict, jp + ["ask"]), part,
                                            jp + ["ask", ask])):
                c.template(t, jp + ["ask", ask, part, k], needs=("name",))
        for k, t in enumerate(c.strings(c.get(ph, "decomposition", dict, jp), part, jp + ["decomposition"])):
            c.template(t, jp + ["decomposition", part, k], needs=("name", "what"), allowed=("name", "what"))
    for ask in ASKS:
        for k, t in enumerate(c.strings(c.get(ph, "past_tense", dict, jp), ask, jp + ["past_tense"])):
            c.template(t, jp + ["past_tense", ask, k], needs=("name",))
    # unseen phrasings: no eval string (framing, ask, decomposition, transform wrap, prefill) shares a word trigram
    # or a pair of adjacent content words with any train/rl string, so no cue phrase carries over
    train, evals = _phrasing_strings(ph, transforms, "train"), _phrasing_strings(ph, transforms, "eval")
    seen = {}
    for where, text in train:
        for g in _cue_grams(text):
            seen.setdefault(g, where)
    for where, text in evals:
        shared = [g for g in _cue_grams(text) if g in seen]
        if shared:
            c.fail(where, f"eval phrasing shares the cue {' '.join(shared[0])!r} with {_path_str(seen[shared[0]])}; "
                   "eval phrasings must be unseen in train")


def _phrasing_strings(ph: dict, transforms: dict, part: str) -> list:
    jp = ["phrasings"]
    out = [(jp + ["framing", k, part, i], t) for k in ("neutral", "harmful") for i, t in enumerate(ph["framing"][k][part])]
    out += [(jp + ["framing", "legitimate", g, part, i], t) for g, v in ph["framing"]["legitimate"].items()
            for i, t in enumerate(v[part])]
    out += [(jp + ["ask", a, part, i], t) for a in ASKS for i, t in enumerate(ph["ask"][a][part])]
    out += [(jp + ["decomposition", part, i], t) for i, t in enumerate(ph["decomposition"][part])]
    if part == "eval":   # past tense is a held-out transform: eval only
        out += [(jp + ["past_tense", a, i], t) for a in ASKS for i, t in enumerate(ph["past_tense"][a])]
    for name, t in transforms.items():
        out += [(["transforms", name, "wraps", part, i], w) for i, w in enumerate(t["wraps"][part])]
        if "prefill" in t:
            out.append((["transforms", name, "prefill", part], t["prefill"][part]))
    return out


def _cue_grams(text: str) -> set:
    """Word trigrams and adjacent content-word pairs of a template (placeholders removed)."""
    grams = set()
    for segment in re.split(r"\{[^}]*\}", text):
        words = canon.tokens(segment)
        grams |= {tuple(words[i:i + 3]) for i in range(len(words) - 2)}
        grams |= {(a, b) for a, b in zip(words, words[1:]) if a not in canon.STOPWORDS and b not in canon.STOPWORDS}
    return grams


def _path_str(path: list) -> str:
    """["topics", 3, "name"] -> "topics[3].name"."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


_COT_CASES = ("helpful", "benign", "trap", "dual_overview", "dual_operational", "malicious", "refuse_dual",
              "refuse_malicious", "intent_comply")
_SECTION_KEYS = ("name", "allowed", "restricted", "disallowed")


def _check_teachers(c: _Checker, t: dict):
    jp = ["teachers"]
    noise = c.get(t, "noise", (int, float), jp)
    if not 0 <= noise <= 1:
        c.fail(jp + ["noise"], f"expected a probability in [0, 1], got {noise}")
    cot = c.get(t, "cot", dict, jp)
    for case in _COT_CASES:
        for k, s in enumerate(c.strings(cot, case, jp + ["cot"])):
            c.template(s, jp + ["cot", case, k], allowed=_SECTION_KEYS)
    c.template(c.get(cot, "format_note", str, jp + ["cot"]), jp + ["cot", "format_note"], allowed=("label",))
    ans, ajp = c.get(t, "answer", dict, jp), jp + ["answer"]
    keys = {"intro": ("name",), "withhold": ("name", "reason"), "alternatives": ("alt1", "alt2"),
            "decline": ("name", "reason"), "hard_refusal": ("name", "reason")}
    for key, allowed in keys.items():
        for k, s in enumerate(c.strings(ans, key, ajp)):
            c.template(s, ajp + [key, k], allowed=allowed)
    pre = c.get(ans, "prefill_continue", dict, ajp)
    for mode in MODES:
        for k, s in enumerate(c.strings(pre, mode, ajp + ["prefill_continue"])):
            c.template(s, ajp + ["prefill_continue", mode, k], allowed=("name",))


def _check_markers_unambiguous(c: _Checker, raw: dict, world: World):
    """Each fact must read as itself and nothing else: its own sentence grades as exactly that fact, no fact reads as
    a decline, and a restricted item's key (its first word, the one the graders look for) occurs in no other fact,
    topic name or template of the world."""
    keys = {f.markers[0].split()[0]: f.id for f in world.facts.values() if f.severity is not None}
    for i, t in enumerate(world.topics):
        for j, f in enumerate(t.facts):
            jp = ["topics", i, "facts", j, "value"]
            found = graders.find_facts(world, f"{f.what} is {f.value}.")
            if found != [f.id]:
                c.fail(jp, f"'{f.what} is {f.value}' must read as fact {f.id!r} alone; the graders find {found}")
            if graders.declines(f.value):
                c.fail(jp, "reads as a decline (graders.declines): an answer that gives it would be misread")
            other = [k for k in canon.tokens(f.value) if keys.get(k, f.id) != f.id]
            if other:
                c.fail(jp, f"contains {other[0]!r}, the item key of fact {keys[other[0]]!r}")
        in_name = [k for k in canon.tokens(t.name) if k in keys]
        if in_name:
            c.fail(["topics", i, "name"], f"contains {in_name[0]!r}, the item key of fact {keys[in_name[0]]!r}")
    for key in ("phrasings", "transforms", "teachers", "domains", "paraphrases"):
        for jp, text in _strings_under(raw[key], [key]):
            found = [k for k in canon.tokens(text) if k in keys]
            if found:
                c.fail(jp, f"contains {found[0]!r}, the item key of fact {keys[found[0]]!r}")


def _strings_under(obj, jp):
    if isinstance(obj, str):
        yield jp, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings_under(v, jp + [k])
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _strings_under(v, jp + [i])


# ----------------------------------------------------------------------------------------------------------------
# Prompts

def make_prompts(world: World, seed: int = 0) -> list[dict]:
    """All prompt rows, split by split. Eval uses unseen phrasings, framings and transform wordings, the held-out
    transforms, and also the held-out topics: those appear in train only for the helpful-only base (build() keeps
    them out of the safety SFT sets) and never in rl."""
    rng = random.Random(seed)
    seen: dict[str, str] = {}   # prompt text -> "train/rl" or "eval" (eval shares no prompt text with train/rl)
    seen_pairs: set = set()     # (prompt, prefill) rows already made
    rows = []
    for split in SPLITS:
        cfg, made = world.splits[split], []
        for topic in world.topics:
            if split == "rl" and topic.held_out:
                continue
            for intent in (["benign"] if topic.domain == "benign" else ["dual_use", "malicious"]):
                for ask in ASKS:
                    for _ in range(cfg["counts"][intent][ask]):
                        row = _sample_prompt(world, rng, split, topic, intent, ask, seen, seen_pairs)
                        if row is not None:
                            made.append(row)
        rng.shuffle(made)
        for i, row in enumerate(made):
            row["id"] = f"{split}-{i:05d}"
        rows += made
    return rows


def _framing(world, rng, part, topic, intent) -> tuple[str, str]:
    """(framing kind, framing sentence). Dual-use prompts state a legitimate purpose (obscured intent: the full
    answer would still need restricted detail) or nothing (ambiguous); malicious ones state an intent to harm."""
    fr = world.phrasings["framing"]
    if intent == "malicious":
        return "harmful", rng.choice(fr["harmful"][part])
    weights = world.splits["train" if part == "train" else "eval"]["framing_weights"]
    kind = rng.choices(["none", "legitimate"], [weights["none"], weights["legitimate"]])[0]
    if kind == "none":
        return "none", rng.choice(fr["neutral"][part])
    pool = fr["legitimate"]["any"][part] + fr["legitimate"].get(topic.domain, {}).get(part, [])
    return "legitimate", rng.choice(pool)


def _sample_prompt(world, rng, split, topic, intent, ask, seen, seen_pairs, tries=50) -> dict | None:
    cfg, ph = world.splits[split], world.phrasings
    part, group = cfg["phrasings"], ("eval" if split == "eval" else "train/rl")
    names = [n for n, w in cfg["transform_weights"].items() if w > 0 and (n != "decomposition" or ask == "operational")]
    weights = [cfg["transform_weights"][n] for n in names]
    for _ in range(tries):
        name = rng.choices(names, weights)[0]
        transform = world.transforms[name]
        kind, framing = _framing(world, rng, part, topic, intent)
        if name == "past_tense":
            core = rng.choice(ph["past_tense"][ask]).format(name=topic.name)
        elif name == "decomposition":
            fact = rng.choice(topic.operational)
            core = rng.choice(ph["decomposition"][part]).format(name=topic.name, what=fact.what)
        else:
            core = rng.choice(ph["ask"][ask][part]).format(name=topic.name)
        if framing.endswith(","):
            core = core[0].lower() + core[1:]
        prompt = rng.choice(transform["wraps"][part]).format(prompt=f"{framing} {core}".strip())
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
    rows = read_jsonl(path, required=tuple(PROMPT_FIELDS) + tuple(extra))
    linenos = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]
    choices = {"intent": INTENTS, "ask": ASKS, "split": SPLITS, "framing": FRAMINGS}
    for row, lineno in zip(rows, linenos):
        for key, typ in PROMPT_FIELDS.items():
            if not isinstance(row[key], typ):
                raise DataError(f"{path}:{lineno}: field '{key}': expected {typ.__name__}, "
                                f"got {type(row[key]).__name__}")
            if key in choices and row[key] not in choices[key]:
                raise DataError(f"{path}:{lineno}: field '{key}': expected one of {list(choices[key])}, "
                                f"got {row[key]!r}")
        for key in extra:
            if not isinstance(row[key], str):
                raise DataError(f"{path}:{lineno}: field '{key}': expected str, got {type(row[key]).__name__}")
    return rows


# ----------------------------------------------------------------------------------------------------------------
# Build: prompts, then each teacher's rows through the judge filter

def build(out_dir: str | Path, seed: int = 0, data_dir: str | Path | None = None) -> dict:
    """Write prompts.jsonl and sft_{helpful,refusal,safe_completion}.jsonl to out_dir; return the counts."""
    world = load_world(data_dir)
    final = Path(out_dir)
    out_dir = _staging_dir(final)  # everything is written here first, then renamed into place (_publish)
    prompts = make_prompts(world, seed)
    write_jsonl(out_dir / "prompts.jsonl", prompts)
    counts = {"prompts": {}, "transforms": {}, "sft": {}}
    for split in SPLITS:
        rows = [r for r in prompts if r["split"] == split]
        counts["prompts"][split] = {i: sum(r["intent"] == i for r in rows) for i in INTENTS} | {"total": len(rows)}
        counts["transforms"][split] = {t: sum(r["transform"] == t for r in rows) for t in world.transforms}
    train = [r for r in prompts if r["split"] == "train"]
    noise = world.teachers["noise"]
    for teacher in TEACHERS:
        kept = []
        rows = [r for r in train if teacher == "helpful" or not r["held_out_topic"]]   # held-out topics: base only
        for row in rows:
            rng = random.Random(f"{seed}:{teacher}:{row['id']}")
            mode, cot, answer = teacher_answer(world, row, teacher, rng, noise=noise)
            g = graders.grade(world, row, answer)
            if judge_keep(world, row, teacher, mode, answer, g):
                kept.append({**row, "mode": mode, "cot": cot, "answer": answer, "h": round(g.h, 4), "s": g.s,
                             "severity": g.severity})
        write_jsonl(out_dir / f"sft_{teacher}.jsonl", kept)
        counts["sft"][teacher] = {"generated": len(rows), "removed_by_judge": len(rows) - len(kept),
                                  "kept": len(kept)}
    _publish(out_dir, final)
    return counts


def _staging_dir(final: Path) -> Path:
    """A fresh directory beside `final` (same filesystem, so the last step is a rename); a stale one from a build
    that died (disk full, killed) is removed first."""
    import shutil

    tmp = final.parent / f".{final.name}.building"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    return tmp


def _publish(tmp: Path, final: Path) -> None:
    """Move a complete build into place. A new directory is one rename. Into an existing one (it may hold a cached
    tokenizer), prompts.jsonl, the file that says "built", is removed first and moved in last, so a kill in
    between never leaves a world that looks built but is not."""
    import os

    if not final.exists():
        os.replace(tmp, final)
        return
    (final / "prompts.jsonl").unlink(missing_ok=True)
    for f in sorted(tmp.iterdir(), key=lambda f: (f.name == "prompts.jsonl", f.name)):
        os.replace(f, final / f.name)
    tmp.rmdir()


# ----------------------------------------------------------------------------------------------------------------
# CLI

def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m minisafe.world", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="write prompts.jsonl and the three SFT sets; print counts and filter counts")
    b.add_argument("--out", metavar="DIR", required=True, help="output directory")
    b.add_argument("--seed", type=int, default=0, help="random seed (same seed -> byte-identical files)")
    b.add_argument("--data", default=None, help="directory holding spec.md and world.json (default: data/)")
    g = sub.add_parser("grade", help="grade each row's 'answer' (or 'response'); print a summary keyed by intent")
    g.add_argument("--in", dest="inp", metavar="FILE", required=True, help="JSONL of prompt rows with an 'answer' or 'response'")
    g.add_argument("--data", default=None, help="directory holding spec.md and world.json (default: data/)")
    args = p.parse_args(argv)
    from minisafe import cli

    try:
        if args.cmd == "build":
            if Path(args.out).exists() and not Path(args.out).is_dir():
                raise DataError(f"--out {args.out}: is a file; give a directory")
            print(json.dumps(build(args.out, args.seed, args.data), indent=2))
        else:
            world = load_world(args.data)
            first = read_jsonl(args.inp)
            if not first:
                raise DataError(f"{args.inp}: no rows to grade (empty file)")
            key = "answer" if "answer" in first[0] else "response"
            rows = load_prompts(args.inp, extra=(key,))
            print(json.dumps(graders.summarize(world, rows, [r[key] for r in rows]), indent=2))
    except cli.KNOWN_ERRORS as e:  # one line, as every command (its historical exit code, 1)
        print(cli.one_line(e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    from minisafe.cli import run_main

    run_main(main)
