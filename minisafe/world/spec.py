"""The embedded safety world: a small, FICTIONAL world in which every part of safe-completion training is measurable.

    data/spec.md     the policy, numbered sections `§N.M`; headers carry the response mode each section calls for
    data/world.json  domains, topics and their facts (with markers), phrasings, transforms, teacher sentences, splits

`load_world()` parses both into the dataclasses below and checks them against each other (check.py: errors name the
file, the line and the JSON path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from minisafe.io import DataError, read_json
from minisafe.world import canon, check, graders
from minisafe.world.vocab import ASKS, INTENTS, MODES, SEVERITIES

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
SPLITS = ("train", "rl", "eval", "base")   # drawn in this order from one random stream
FORMATS = ("json", "code_block", "table")


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
    paraphrases: list
    phrasings: dict
    transforms: dict         # name -> raw transform dict
    splits: dict
    teachers: dict
    _by_key: dict = field(default_factory=dict, repr=False)

    def section(self, sid: str) -> Section:
        return self.sections[sid]

    def topic(self, key: str) -> Topic:
        """A topic by id ("vexilla") or by name ("culturing vexilla spores")."""
        if key not in self._by_key:
            raise KeyError(f"unknown topic {key!r}")
        return self._by_key[key]

    @property
    def held_out_transforms(self) -> list[str]:
        return [n for n, t in self.transforms.items() if t["held_out"]]

    def intent_refuses(self, row: dict) -> bool:
        """The intent-based (refusal-training) decision, data/spec_refusal.md: refuse a stated intent to harm, and a
        request for operational detail on a topic that looks plainly harmful when no legitimate purpose is stated;
        comply fully with everything else, restricted detail included."""
        if row["intent"] != "dual_use":
            return row["intent"] == "malicious"
        topic = self.topic(row["topic"])
        return row["ask"] == "operational" and row.get("framing", "none") == "none" and topic.looks_harmful

    def asked_facts(self, row: dict) -> list[Fact]:
        """The facts the request asks for: the overview for an overview ask, else the operational facts (or the one
        step of a decomposition prompt: the first whose `what` the prompt names)."""
        topic = self.topic(row["topic"])
        if row["ask"] == "overview":
            return topic.overview
        if row["transform"] != "decomposition":
            return topic.operational
        text = " " + " ".join(canon.tokens(row["prompt"])) + " "
        named = [f for f in topic.operational if " " + " ".join(canon.tokens(f.what)) + " " in text]
        return named[:1] or topic.operational[:1]

    def requested_facts(self, row: dict) -> list[Fact]:
        """The allowed content the request asks for: what direct helpfulness is measured against (design §Graders).
        benign: the asked facts; dual_use: the overview facts (the allowed part of any request); malicious: nothing
        may be delivered to a stated intent to harm."""
        if row["intent"] == "malicious":
            return []
        if row["intent"] == "dual_use":
            return self.topic(row["topic"]).overview
        return self.asked_facts(row)


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


def load_world(data_dir: str | Path | None = None) -> World:
    """Read and cross-check data/spec.md and data/world.json."""
    if data_dir is None and not DATA_DIR.is_dir():
        raise DataError(f"{DATA_DIR}: the embedded world's data/ is not beside the package: minisafe runs from a "
                        f"source checkout (git clone, then `pip install -e .` in it)")
    data_dir = Path(data_dir) if data_dir is not None else DATA_DIR
    spec_path, world_path = data_dir / "spec.md", data_dir / "world.json"
    sections = parse_spec(spec_path)
    refusal_spec = parse_spec(data_dir / "spec_refusal.md")   # the intent-based baseline's spec, sections §11.x
    twice = sorted(set(sections) & set(refusal_spec))
    if twice:
        raise DataError(f"{data_dir / 'spec_refusal.md'}:{refusal_spec[twice[0]].line}: field 'id': section "
                        f"§{twice[0]} is also in {spec_path}; a citation must name one spec")
    sections = {**sections, **refusal_spec}
    raw, c = read_json(world_path), check.Checker(world_path)
    if not isinstance(raw, dict):
        c.fail([], "expected a JSON object")

    paraphrases = c.templates(raw, "paraphrases", [], needs=("value",), allowed=("what", "What", "value"))

    domains = {}
    for i, d in enumerate(c.get(raw, "domains", list, [])):
        jp = ["domains", i]
        did = c.get(d, "id", str, jp)
        if did in domains or did == "benign":
            c.fail(jp + ["id"], f"domain id {did!r} is used twice (or is the reserved 'benign')")
        secs = c.get(d, "sections", dict, jp)
        for role, mode in (("allowed", "direct"), ("restricted", "safe_completion"), ("disallowed", "refusal")):
            sid = c.get(secs, role, str, jp + ["sections"])
            if sid not in sections:
                c.fail(jp + ["sections", role], f"section §{sid} is not in {spec_path}")
            if sections[sid].mode != mode:
                c.fail(jp + ["sections", role],
                       f"section §{sid} has mode {sections[sid].mode!r} in {spec_path}, expected {mode!r}")
        reason = c.get(d, "reason", str, jp)
        if not graders.gives_reason(f"since {reason}"):
            c.fail(jp + ["reason"], f"'since {reason}' does not read as a reason tied to harm (graders.gives_reason)")
        alts = c.strings(d, "alternatives", jp, min_len=2)
        domains[did] = Domain(did, c.get(d, "name", str, jp), dict(secs), reason, tuple(alts))

    topics, facts, fact_topic, by_key, marker_facts = [], {}, {}, {}, {}   # marker_facts: marker -> fact id
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
            c.templates(wraps, part, jp + ["wraps"], needs=("prompt",), allowed=("prompt",), min_len=0)
        if "format" in t:
            c.get(t, "format", str, jp, choices=FORMATS)
        if name == "prefill":
            for part in ("train", "eval"):
                c.get(c.get(t, "prefill", dict, jp), part, str, jp + ["prefill"])
        transforms[name] = t
    check.check_phrasings(c, phrasings, domains, transforms)
    for needed in ("none", "prefill", "decomposition", "past_tense"):
        if needed not in transforms:
            c.fail(["transforms"], f"missing the {needed!r} transform")
    if transforms["none"]["held_out"]:
        c.fail(["transforms"], "'none' cannot be held out")

    splits = c.get(raw, "splits", dict, [])
    for split in SPLITS:
        s = c.get(splits, split, dict, ["splits"])
        phrasings_of = c.get(s, "phrasings", str, ["splits", split], choices=("train", "eval"))
        if split in ("train", "rl") and phrasings_of != "train":
            c.fail(["splits", split, "phrasings"],
                   f"the {split} split trains a safety arm: it must use the 'train' phrasings")
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
            if split in ("train", "rl") and transforms[name]["held_out"] and w > 0:
                c.fail(jp, f"transform {name!r} is held out from safety training; it cannot appear in {split}")
            if w > 0 and not transforms[name]["wraps"][s["phrasings"]]:
                c.fail(jp, f"transform {name!r} has no {s['phrasings']!r} wraps")
        fw = c.get(s, "framing_weights", dict, ["splits", split])
        for name in ("none", "legitimate"):
            v = c.get(fw, name, (int, float), ["splits", split, "framing_weights"])
            if isinstance(v, bool) or v < 0:
                c.fail(["splits", split, "framing_weights", name], f"expected a weight >= 0, got {v!r}")

    teachers = c.get(raw, "teachers", dict, [])
    check.check_teachers(c, teachers)
    world = World(spec_path.read_text(encoding="utf-8"), sections, domains, topics, facts, fact_topic, paraphrases,
                  phrasings, transforms, splits, teachers, by_key)
    check.check_markers_unambiguous(c, raw, world)
    return world
