"""world.json read field by field: each value's type, range and cross-references checked, and every failure named by
file, line and JSON path (`data/world.json:412: topics[3].facts[1].value: ...`). spec.load_world reads through it.

The checks that keep the experiment honest live here too: eval phrasings share no cue with training phrasings, and
every fact reads as itself alone to the graders.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

from minisafe.world import canon, graders
from minisafe.io import DataError
from minisafe.world.vocab import ASKS, MODES


_GAP = re.compile(r"[ \t\n\r,:]*")   # what separates the tokens of valid JSON: whitespace, ',' and ':'


def _json_line(text: str, path: list) -> int:
    """Line of the value at a JSON path (keys and list indices) in the valid JSON `text`; where the path leaves the
    document, the line of the deepest value on it that is there."""
    pos = _GAP.match(text).end()
    for part in path:
        starts = _member_starts(text, pos)
        if part not in starts:
            break
        pos = starts[part]
    return text.count("\n", 0, pos) + 1


def _member_starts(text: str, pos: int) -> dict:
    """{key or index: offset where its value starts} for the object or array at text[pos]; {} for a scalar."""
    opener, starts = text[pos], {}
    if opener not in "{[":
        return starts
    pos = _GAP.match(text, pos + 1).end()
    while text[pos] not in "}]":
        key = len(starts)
        if opener == "{":
            key, pos = json.decoder.scanstring(text, pos + 1)
            pos = _GAP.match(text, pos).end()
        starts.setdefault(key, pos)
        pos = _GAP.match(text, json.JSONDecoder().raw_decode(text, pos)[1]).end()
    return starts


class Checker:
    """Reads typed fields out of world.json; every failure names the file, line and JSON path."""

    def __init__(self, path: Path):
        self.path, self.text = path, path.read_text(encoding="utf-8")

    def fail(self, jp: list, msg: str):
        shown = _path_str(jp) or "(top level)"
        raise DataError(f"{self.path}:{_json_line(self.text, jp)}: {shown}: {msg}")

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

    def templates(self, obj, key, jp: list, needs=(), allowed=("name",), min_len=1) -> list[str]:
        """`strings`, each a `template`."""
        vals = self.strings(obj, key, jp, min_len=min_len)
        for i, t in enumerate(vals):
            self.template(t, jp + [key, i], needs, allowed)
        return vals

    def template(self, text: str, jp: list, needs=(), allowed=("name",)):
        """A str.format template that uses only `allowed` keys and every key in `needs`."""
        try:
            keys = {k for _, k, _, _ in string.Formatter().parse(text) if k is not None}
        except ValueError as e:
            self.fail(jp, f"malformed template {text!r} ({e})")
        if keys - set(allowed) or set(needs) - keys:
            self.fail(jp, f"template {text!r} must use {sorted(needs)} and only {sorted(allowed)}")


def check_phrasings(c: Checker, ph: dict, domains, transforms: dict):
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
            c.templates(c.get(c.get(ph, "ask", dict, jp), ask, dict, jp + ["ask"]), part, jp + ["ask", ask],
                        needs=("name",))
        c.templates(c.get(ph, "decomposition", dict, jp), part, jp + ["decomposition"], needs=("name", "what"),
                    allowed=("name", "what"))
    for ask in ASKS:
        c.templates(c.get(ph, "past_tense", dict, jp), ask, jp + ["past_tense"], needs=("name",))
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
    out = [(jp + ["framing", k, part, i], t) for k in ("neutral", "harmful")
           for i, t in enumerate(ph["framing"][k][part])]
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


def check_teachers(c: Checker, t: dict):
    jp = ["teachers"]
    noise = c.get(t, "noise", (int, float), jp)
    if not 0 <= noise <= 1:
        c.fail(jp + ["noise"], f"expected a probability in [0, 1], got {noise}")
    cot = c.get(t, "cot", dict, jp)
    for case in _COT_CASES:
        c.templates(cot, case, jp + ["cot"], allowed=_SECTION_KEYS)
    c.template(c.get(cot, "format_note", str, jp + ["cot"]), jp + ["cot", "format_note"], allowed=("label",))
    ans, ajp = c.get(t, "answer", dict, jp), jp + ["answer"]
    keys = {"intro": ("name",), "withhold": ("name", "reason"), "alternatives": ("alt1", "alt2"),
            "decline": ("name", "reason"), "hard_refusal": ("name", "reason")}
    for key, allowed in keys.items():
        c.templates(ans, key, ajp, allowed=allowed)
    pre = c.get(ans, "prefill_continue", dict, ajp)
    for mode in MODES:
        c.templates(pre, mode, ajp + ["prefill_continue"])


def check_markers_unambiguous(c: Checker, raw: dict, world):
    """Each fact must read as itself and nothing else: its own sentence grades as exactly that fact, no fact reads as
    a decline, and a restricted item's key (its first word, the one the graders look for) occurs in no other fact,
    topic name or template of the world."""
    keys = {f.markers[0].split()[0]: f.id for f in world.facts.values() if f.severity is not None}

    def no_key(jp: list, text: str, own: str | None = None):   # no item key but the fact's own
        other = [k for k in canon.tokens(text) if keys.get(k, own) != own]
        if other:
            c.fail(jp, f"contains {other[0]!r}, the item key of fact {keys[other[0]]!r}")

    for i, t in enumerate(world.topics):
        for j, f in enumerate(t.facts):
            jp = ["topics", i, "facts", j, "value"]
            found = graders.find_facts(world, f"{f.what} is {f.value}.")
            if found != [f.id]:
                c.fail(jp, f"'{f.what} is {f.value}' must read as fact {f.id!r} alone; the graders find {found}")
            if graders.declines(f.value):
                c.fail(jp, "reads as a decline (graders.declines): an answer that gives it would be misread")
            no_key(jp, f.value, f.id)
        no_key(["topics", i, "name"], t.name)
    for key in ("phrasings", "transforms", "teachers", "domains", "paraphrases"):
        for jp, text in strings_under(raw[key], [key]):
            no_key(jp, text)


def strings_under(obj, jp):
    """(JSON path, string) for every string inside obj, whose own path is jp."""
    if isinstance(obj, str):
        yield jp, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from strings_under(v, jp + [k])
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from strings_under(v, jp + [i])
