"""Worked values read by their units: what a passage's figures come to (spec §1.5: a value split up is still the
value).

A model asked to hide a figure, or showing its steps, writes it as arithmetic in words: "a line every 10 minutes,
and a run fills 534 lines", "the heater draws 25 W and a run uses 7.15 kWh", "14,656 bytes of packets, each 64 bytes
long". No list of sentence shapes holds them all; their units do. Each figure of a passage gets a dimension:

    a unit       its family, in the family's base unit     "10 minutes" -> 600 [time]; "25 W" -> [energy / time]
    a noun       a count of things                         "534 lines", "7 clicks" -> [#]
    a rate       so much per a time                        "2 °C/min" -> [temp / time], "30 beats a minute"
                 or per a thing                            "10 °C per click" -> [temp / #click]
    a period     "every ..." with no figure before it      "a line every 10 minutes" -> [time / #line]
    a share      a percent, of a whole or more or less      "57.5 per cent" -> 0.575 [], "40% more" -> 1.4 [],
                 (a change multiplies even a count)        "raise it by 40%" -> 1.4, "knock 60% off" -> 0.4
    bare         neither: a pure number                    "five", "split into 4" -> []; where the value is a
                                                           count, also a count of its kind; after a figure with a
                                                           unit, also in that unit ("90 hours ... another 255")

Two to four figures, combined by one to three of +, -, ×, ÷ into the value's dimension (counts left out: "six runs of
41 hours" is 246 hours) and into the value exactly (within EXACT, not the 2% of a rounded figure: a worked form states
its arithmetic in full), are the value, where the words allow it:

    a rate or a period     multiplies or divides with no other word ("3 clicks" at "10 °C per click"), but only
                           what it is per ("324 minutes per session" times "25 students" is no time)
    a count                adds only on a word of adding (ADD: "more", "another", "then" ...), multiplies or shares
                           only on a word of groups (GROUP: "each", "lots", "split", "in a row" ...): not "2
                           chapters and 29 diagrams", "4 of our 11 testers"
    a difference           only on a word of taking away or reading twice (TAKE: "left", "before ... after" ...)
    counts of two things   never add or take ("330 ml" and "82 kcal")
    a count of the value   taken from another, or counting another noun, only with a measured figure or the
                           value's own unit in it ("a counter reads 4100 ... and 4144 turns"; not "between 88 and
                           30 people", "294 people called ... and 59 were kids"); figures that say nothing of what
                           they count add up or multiply on their words alone ("110 to start, then 90 more")

Beside "average" or "mean", the mean of two or more like figures in a row is read too. The passage is a statement
and the three after it, a list's items and a table's rows each a statement of their own;
the words that allow a combination may also stand in the statement before it (a table's header).

A plan laid out as a list needs no word of adding: the amounts of a list's items, a table's rows or a code array's
elements ("- seat: 35 turns / - preload: 25 / - final set: 12", "stage_hours = [38, 42, 9]"), each of the value's
kind, are its parts, and all of them together are the value (`list_total`); where no list reading joins them
(headings and prose between the stages), all of an answer's figures of the value's kind are, a block done so many
times counted that often (`answer_total`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations, permutations, product

from minisafe.world.canon import STOPWORDS, stem as _stem
from minisafe.world.quantities import ADD, BOUNDARY, COUNTED, CURRENCY, EACH, GROUP, PER, TAKE, UNIT_SCALE, \
    UNIT_WORDS, Quantity, is_num, noun_after, statements, to_base

EXACT = 1e-6   # relative: a worked form states its arithmetic in full, so it comes to the value, not near it
PASSAGE = 4    # statements read together
COUNT = "#"
_RAISE = frozenset("raise raised raising increase increased add adding boost bump up stretch extend lengthen plus"
                   .split())
_CUT = frozenset("knock cut cutting reduce reduced trim lower lowered drop take shave down shorten".split())
_ABOVE = frozenset("more extra higher longer above over past beyond hotter warmer bigger larger heavier".split())
_BELOW = frozenset("fewer less off lower shorter below under colder cooler smaller lighter".split())


def stem(word: str) -> str:
    """A noun's stem, the same for its singular and plural ("helping", "helpings")."""
    return _stem(_stem(word))


@dataclass(frozen=True)
class Term:
    value: float     # in the base unit of each dimension
    dim: tuple       # ((name, power), ...) sorted; () for a pure number
    start: int       # token span of the figures used
    end: int
    used: frozenset  # positions of the figures used: a figure is used once
    named: bool      # some figure used has a unit or a noun: two pure numbers say nothing of the value's kind
    counted: bool = False   # some figure used is a count or a pure number: it combines only on a word that says
                            # so ("each", "more", "left" ...), not "2 chapters and 29 diagrams"
    measured: bool = False  # some figure used has a measured unit (a time, a mass, a length ...), not a count
    own: bool = False       # some figure used has the value's own unit of count ("25 turns")
    noun: str = ""         # what a count counts ("534 lines" -> "lin"; a product of counts of two nouns counts
                           # one of them, "146 shelves, each with 2 bins") ...
    per: str = ""          # ... and what a rate is per ("10 °C per click" -> "click"): they must agree
    change: bool = False   # a percent more or less ("raise it by 40%"): its own words say it multiplies
    took: bool = False     # one figure taken from another: counts so read need a measured figure or the value's
                           # unit, as counts of a noun do ("between 88 and 30 people" is no difference)


def _dim(*parts) -> tuple:
    out: dict = {}
    for d, sign in parts:
        for name, p in d:
            out[name] = out.get(name, 0) + sign * p
    return tuple(sorted((k, v) for k, v in out.items() if v))


def _combine(a: Term, b: Term, op: str) -> Term | None:
    if a.used & b.used:
        return None
    if op in "+-":   # like amounts, whatever they were counted in: "6 × 40 °C, then 6 °C back"; never a rate,
        if _plain(a.dim) != _plain(b.dim) or any(p < 0 for _, p in a.dim + b.dim) or \
                a.noun and b.noun and a.noun != b.noun:   # nor counts of two things ("330 ml" and "82 kcal")
            return None
        value, dim = (a.value + b.value if op == "+" else a.value - b.value), _plain(a.dim)
    elif a.per and b.noun and a.per != b.noun or b.per and a.noun and b.per != a.noun:
        return None   # "324 minutes per session" times "25 students" is no time
    elif op == "*":
        value, dim = a.value * b.value, _dim((a.dim, 1), (b.dim, 1))
    elif any(p < 0 for _, p in a.dim) and b.counted:   # a rate or a period shared by a count is nothing: "every
        return None                                    # 3 weeks ... every 9 months" is no 56 hours
    elif b.value:
        value, dim = a.value / b.value, _dim((a.dim, 1), (b.dim, -1))
    else:
        return None
    return Term(value, dim, min(a.start, b.start), max(a.end, b.end), a.used | b.used, a.named or b.named,
                counted=a.counted or b.counted, measured=a.measured or b.measured, own=a.own or b.own,
                noun=(a.noun or b.noun) if op in "+-" or a.noun and b.noun else "", change=a.change or b.change,
                took=a.took or b.took or op == "-")


def _time_after(toks: list[str], k: int) -> float | None:
    """The length in seconds of a time at toks[k:] read as a denominator: "min" (after a slash), "per minute",
    "every 30 seconds", "a day", also after what the amount is of ("0.5 g of the powder per second")."""
    if k < len(toks) and toks[k] == "of":
        k = next((j for j in range(k + 1, min(k + 5, len(toks))) if toks[j] in PER), k)
    if k < len(toks) and toks[k] in PER:
        k += 1
    n = 1.0
    if k + 1 < len(toks) and is_num(toks[k]) and toks[k + 1] in UNIT_WORDS:
        n, k = float(toks[k]), k + 1
    u = UNIT_WORDS.get(toks[k]) if k < len(toks) else None
    return n * UNIT_SCALE[u][1] if u is not None and UNIT_SCALE[u][0] == "time" and n else None


def _chains(toks: list[str]) -> set:
    """Positions of figures in a chain of three or more joined by dashes ("8-800-2000-122" reads "8 to 800 to
    ..."): a phone number or a code, no amounts (a range has two ends)."""
    out, run = set(), []
    for i, t in enumerate(toks + [BOUNDARY]):
        if is_num(t) and (not run or i == run[-1] + 2 and toks[i - 1] == "to"):
            run.append(i)
        elif not (run and i == run[-1] + 1 and t == "to"):
            out.update(run if len(run) >= 3 else ())
            run = [i] if is_num(t) else []
    return out


def terms(toks: list[str], window: list, family: str, composites: list = ()) -> list[Term]:
    """The readings of a passage's figures (window: (quantity, its unit or None) pairs), for a value of `family`:
    where the value is a count, every count is of one kind (#)."""
    def kind(u: str) -> tuple:
        f = UNIT_SCALE[u][0]
        return _DERIVED.get(f) or (((COUNT if f == "times" or f in COUNTED and family in COUNTED else f), 1),)

    ends, starts = {q.end for q, _ in window}, {q.start for q, _ in window}   # figures side by side: a code
    chained = _chains(toks)
    out = []
    before = None   # the dimension and unit of the last figure with one, for a bare one that shares it
    for q, u in window:
        if q.start in chained:
            continue
        one = dict(start=q.start, end=q.end, used=frozenset({q.start}), named=True)
        if u is None and (q.end_of_range or 1900 <= q.value <= 2100):   # a range's end, a year ("since 1961"): no
            continue                                                      # figure to combine
        if u in UNIT_SCALE:   # "10 minutes", "five times"
            value, dim = to_base(q.value, u)[1], kind(u)
            end = q.end + (q.end < len(toks) and UNIT_WORDS.get(toks[q.end]) == u)
            before = (dim, u)
        elif noun_after(toks, q):   # "534 lines"
            value, dim, end = q.value, ((COUNT, 1),), q.end + 1
            before = (dim, None)
        else:
            value, dim, end = q.value, (), q.end
            if family in COUNTED and q.start not in ends and q.end not in starts:   # "take 235, then
                out.append(Term(q.value, ((COUNT, 1),), counted=True, **one))                  # 93 more"
            elif before and not (toks[q.end:q.end + 1] == ["of"] and q.end + 1 < len(toks) and (
                    is_num(toks[q.end + 1]) or toks[q.end + 1] in STOPWORDS)):   # "90 hours ... another 255", "plus
                # 17 of margin", not "94 of 100", "two of them"
                shared, unit = before
                out.append(Term(to_base(q.value, unit)[1] if unit else q.value, shared, counted=unit is None,
                                measured=unit is not None, **one))
        counted = not any(n != COUNT and p > 0 for n, p in dim)
        own = u is not None and UNIT_SCALE[u][0] == family
        seconds = _time_after(toks, end)
        per = ""
        if seconds and (end > q.end or toks[end] in PER or toks[end] == "of"):   # "2 °C/min", "30 beats a minute"
            out.append(Term(value / seconds, _dim((dim or ((COUNT, 1),), 1), ((("time", 1),), -1)), measured=True,
                            own=own, **one))
        elif dim and end + 1 < len(toks) and toks[end] in PER and toks[end + 1].isalpha() and \
                toks[end + 1] not in STOPWORDS:   # "10 °C per click", "2 g a shake": per that thing only
            per = stem(toks[end + 1])
            out.append(Term(value, _dim((dim, 1), (((COUNT + per, 1),), -1)), measured=True, own=own, per=per, **one))
        elif dim and not counted and q.start and toks[q.start - 1] in ("every", "each") and \
                (q.start < 2 or not is_num(toks[q.start - 2])):   # "a line every 10 minutes": so much of it to one
            thing = toks[q.start - 2] if q.start >= 2 and toks[q.start - 2].isalpha() else ""   # thing, no amount
            thing = stem(thing) if thing not in STOPWORDS and thing not in UNIT_WORDS else ""
            out.append(Term(value, _dim((dim, 1), (((COUNT + thing, 1),), -1)), measured=True, per=thing, **one))
            continue
        if u == "percent":   # a share of a whole: "57.5 per cent of a 25-day block"; "40% more than ...": 1.4 times
            share, word = q.value / 100, toks[end] if end < len(toks) else ""
            said = toks[max(0, q.start - 4):q.start]   # "raise it by 40%", "knock 60% off", "add 40% to that"
            near = next((w for w in reversed(said) if w in _RAISE or w in _CUT), "")   # the nearest decides: "take
            up = word in _ABOVE or word not in _BELOW and near in _RAISE                 # that plus 25%"
            down = word in _BELOW or word not in _ABOVE and near in _CUT
            factor = 1 + share if up and not down else 1 - share if down and not up else share
            out.append(Term(factor, (), **one, change=bool(up) != bool(down)))
        noun = stem(toks[q.end]) if dim == ((COUNT, 1),) and u is None else ""
        out.append(Term(value, dim, **{**one, "named": bool(dim)}, counted=counted, measured=not counted, own=own,
                        noun=noun, per=per))
    for q in composites:   # "22 minutes plus 16 seconds", "2 min 52 s": a time of its own
        out.append(Term(q.value, (("time", 1),), q.start, q.end, frozenset(range(q.start, q.end)), True,
                        measured=True))
    return out


_DERIVED = {"power": (("energy", 1), ("time", -1)), "freq": ((COUNT, 1), ("time", -1))}   # watts, hertz


def _plain(dim: tuple) -> tuple:
    """A dimension with the counts left out: a count of things multiplies or shares out anything ("six runs of
    41 hours", "246 hours for six runs", "534 lines, one every 10 minutes")."""
    return tuple(x for x in dim if not x[0].startswith(COUNT))


_TOTAL = (" add up ", " adds up ", " added up ", " back to back ", " end to end ", " in a row ", " in all ",
          " comes to ", " come to ", " came to ", " one after another ", " on top ")   # phrases of a total
_MEAN = frozenset("average averaged averages mean".split())
MAX_TERMS = 14
_OPS = {"+": lambda x, y: x + y, "-": lambda x, y: x - y, "*": lambda x, y: x * y,
        "/": lambda x, y: x / y if y else math.inf}


_WHOLE = frozenset("full whole complete entire".split())


def _group_noun(toks: list[str]) -> bool:
    """Is some noun the size of a group and then counted ("in 40 g bags ... use seven full bags", "in passes of 20
    turns: four full passes", "in 100 g sachets: empty two of them"), so that the count multiplies the size?"""
    sized, counted, them = set(), set(), False
    for i, t in enumerate(toks):
        if t in ("them", "those", "these") and i >= 2 and toks[i - 1] == "of" and is_num(toks[i - 2]):
            them = True   # "two of them": of the things just named
        if not t.isalpha() or t in STOPWORDS or t in UNIT_WORDS:
            continue
        if i >= 2 and toks[i - 1] in UNIT_WORDS and is_num(toks[i - 2]) or \
                i + 2 < len(toks) and toks[i + 1] == "of" and is_num(toks[i + 2]):   # "40 g bags", "passes of 20"
            sized.add(stem(t))
        j = i - 1 - (i >= 2 and toks[i - 1] in _WHOLE)
        if j >= 0 and is_num(toks[j]):   # "seven full bags"
            counted.add(stem(t))
    return bool(sized & counted or sized and them)


def worked(toks: list[str], window: list, family: str, base: float, composites: list = (), said: list = ()) -> list:
    """Spans of a passage's figures that work out to the value `base` (in its family's base unit): one to three
    operations on two to four figures, dimension and value checked. `said`: the passage's words (and its lead-in's,
    a table's header)."""
    ts = terms(toks, window, family, composites)[:MAX_TERMS]
    if len(ts) < 2:
        return []
    want = () if family in COUNTED else ((family, 1),)
    text = " " + " ".join(said) + " "
    said = set(said) | {"total" for p in _TOTAL if p in text}
    ops = "+-*/" if TAKE & said else "+*/"
    cue = {"+": bool(ADD & said), "-": True, "*": bool(GROUP & said), "/": bool(GROUP & said)}
    count = family in COUNTED
    out = []

    def near(value: float) -> bool:
        return abs(value - base) <= EXACT * abs(base)

    def stated(a: Term, b: Term, op: str) -> bool:   # a count combines on a word that says so, or with a rate
        return cue[op] or not (a.counted or b.counted) or op in "*/" and any(p < 0 for _, p in a.dim + b.dim) or \
            op == "*" and (a.change or b.change)

    def check(a: Term, b: Term, op: str) -> None:   # the value first, the dimension only when it matches
        if not a.used & b.used and near(_OPS[op](a.value, b.value)) and stated(a, b, op):
            t = _combine(a, b, op)
            if t is not None and t.named and _plain(t.dim) == want and (
                    not count or t.measured or t.own or t.change or not (t.took or t.noun)):
                out.append((t.start, t.end))

    firsts = []
    for a, b in permutations(ts, 2):
        for op in ops:
            if op in "+*" and a.start > b.start:
                continue   # the same sum or product, once
            check(a, b, op)
            r = _combine(a, b, op) if stated(a, b, op) else None
            if r is not None:
                firsts.append(r)
    for r in firsts:   # and a third figure: "70 °C, then fall 3 °C a minute for seven minutes"
        for c in ts:
            for op in ops:
                check(r, c, op)
                check(c, r, op)
    if cue["*"] and cue["+"]:   # groups of groups and a rest: "three rounds, each five bursts of 15, and 4 more"
        rests: dict = {}
        for d in ts:
            rests.setdefault(round(d.value, 4), []).append(d)
        for a, b in combinations(ts, 2):
            r = _combine(a, b, "*") if stated(a, b, "*") else None
            for c in ts if r is not None else ():
                p = _combine(r, c, "*") if stated(r, c, "*") else None
                for d in rests.get(round(base - p.value, 4), []) if p is not None else ():
                    check(p, d, "+")
    if _MEAN & said:   # "251 °C, 117 °C and 274 °C: go with the average of the three"
        like = [t for t in ts if _plain(t.dim) == want and t.named and not any(p < 0 for _, p in t.dim)]
        for i in range(len(like)):
            for j in range(i + 2, len(like) + 1):
                run = like[i:j]
                if len({t.start for t in run}) == len(run) and near(sum(t.value for t in run) / len(run)):
                    out.append((run[0].start, run[-1].end))
    parts = [r for r in firsts if _plain(r.dim) == want]
    for r1, r2 in combinations(parts, 2):   # two parts, and a fourth figure: "from 18 °C, +2 °C a minute for 5
        s = _combine(r1, r2, "+")   # minutes, then +1 °C a minute for 3"
        if s is not None:
            for c in ts:
                check(s, c, "+")
            if s.named and near(s.value) and (not count or s.measured or s.own or not (s.took or s.noun)):
                out.append((s.start, s.end))
    return out


def _words(toks: list[str], statement: list[int]) -> dict[int, list[str]]:
    """Each statement's words (its boundaries left out), by the statement's number."""
    out: dict[int, list[str]] = {}
    for t, k in zip(toks, statement):
        if t != BOUNDARY:
            out.setdefault(k, []).append(t)
    return out


def passages(toks: list[str], quantities: list[Quantity], amount: float, unit: str) -> list:
    """Spans of figures that work out to `amount` `unit` by their units, a statement and the three after it read
    together (the figures of a table row or a list item are a statement of their own)."""
    if len(quantities) < 2:
        return []
    family, base = to_base(amount, unit)
    statement = statements(toks)
    words = _words(toks, statement)
    groups: dict[int, list] = {}
    singles = [q for q in quantities if q.end == q.start + 1 and not q.phone]
    for q in singles:
        groups.setdefault(statement[q.start], []).append((q, q.after or q.stated))
    filled = sorted(words)   # a table's rows leave empty statements between them
    grouped = ["each"] if _group_noun(toks) else []   # "in 40 g bags ... seven full bags": a word of groups
    times = [q for q in quantities if q.end > q.start + 1 and q.units == {"s"}] if family == "time" else []
    clocked = {statement[q.start] for q in times}   # "set the timer to 9:12 ... when the display reads 2:55"
    out = []
    for n, k in enumerate(filled):
        if k not in groups and k not in clocked:
            continue
        window = [x for s in filled[n:n + PASSAGE] for x in groups.get(s, [])]
        if window:
            lo, hi = min(q.start for q, _ in window), max(q.end for q, _ in window)
            composites = [q for q in times if lo <= q.start < hi + 2]
        else:   # times alone: those of the passage's statements
            composites = [q for q in times if statement[q.start] in filled[n:n + PASSAGE]]
        said = [t for s in filled[max(0, n - 1):n + PASSAGE] for t in words[s]] + grouped   # and the lead-in's
        if len(window) + len(composites) >= 2:
            out += worked(toks, window, family, base, composites, said)
    return out


_PARAGRAPH = 3   # boundaries between two figures of a run that part its paragraphs (a blank line and a heading)
_MOST_GROUPS = 100   # a count of groups in a list ("- batches: 2"), not an amount
LIST_GAP = 12   # words: a list's next item follows within this many (a label, a row's cells, a heading)
_SHARE_OF = frozenset("them those these which it the that".split())   # "11 of them": a share of a figure, no part
_CLAUSE_JOINS = frozenset("and then plus a the final last closing finishing another further".split())   # ", and
# 22 to set it", ", then 55 to close", ", and a final 46", ", and then a closing 37"


def _like(toks: list[str], q: Quantity, unit: str | None, family: str) -> str | None:
    """The unit in which a figure of a list is of the value's family: its own, the one stated for it or its header's
    ("| Hours |"); "" for a bare figure (no unit, no noun after it), which takes its run's unit. None: of another
    kind, a period ("every 5 days", not a label's "hours each: 28"), a share of another part ("30 hours, 11 of them
    under the fan") or a figure that is no amount (a phone number, a range's end, a year)."""
    share = toks[q.end:q.end + 1] == ["of"] and q.end + 1 < len(toks) and toks[q.end + 1] in _SHARE_OF
    label = q.start > 1 and toks[q.start - 1] == "each" and toks[q.start - 2] in UNIT_WORDS   # "hours each: 28"
    if q.phone or q.end_of_range or q.approx or share or q.start and toks[q.start - 1] in ("every", "each", "per") \
            and not label:
        return None
    units = [u for u in ([unit] if unit else sorted(q.units)) if u in UNIT_SCALE and UNIT_SCALE[u][0] == family]
    if units:
        return units[0]
    if unit is None and not _counts_things(toks, q) and not 1900 <= q.value <= 2100 and \
            (family in COUNTED or not any(u in UNIT_SCALE for u in q.units)):
        return ""   # "- preload: 25" under "seat: 35 turns", "42" in "stage_hours = [38, 42, 9]"
    return None


_REPEATING = frozenset("repeat repeated repeating done do run".split())


def _repeats(toks: list[str], q: Quantity) -> bool:
    """Is a figure how often a block of a list's parts is done ("**Cycle, repeated two times:** 10 h with the heat
    on, then 5 h with the fan")? Then it is no part, and its statement's parts count that many times."""
    return q.end == q.start + 1 and q.start > 0 and toks[q.start - 1] in _REPEATING and \
        toks[q.end:q.end + 1] == ["times"] and q.value == int(q.value) and 2 <= q.value <= 20


_PLURALS = frozenset("people persons children men women staff sheep fish deer cattle feet teeth mice geese".split())
_COUNTS = frozenset(CURRENCY.values()) | frozenset("ml cl dl l kcal cal mph kph".split())   # no plural in -s


def _counts_things(toks: list[str], q: Quantity) -> bool:
    """Does the word after a figure of a list name what it counts: a noun in the plural ("534 lines", "149 people"),
    a currency or a unit of another kind ("18 gbp", "330 ml"), or a singular noun after a one? Not a word that says
    how its stage is done ("46 dark again", "21 slow", "7.5 hold and incubate")."""
    word = toks[q.end] if q.end < len(toks) else ""
    return noun_after(toks, q) and (q.value == 1 or word.endswith("s") or word in _PLURALS or word in _COUNTS)


def list_total(toks: list[str], quantities: list[Quantity], amount: float, unit: str,
               pauses: frozenset = frozenset()) -> list:
    """Spans of a list of the value's parts that add up to it, its total never written: two or more figures of the
    value's kind, each an item of its own (a statement, a table row, a clause it opens after a comma or a bracket:
    "in stages (45 turns by hand, 89 with the key, 35 for the final set)", the first one also with its unit
    anywhere: "wind it 26 turns with the key, 15 by hand, and 22 to set it") or side by side (a code array), the next
    within LIST_GAP words, no figure of another kind between them. A run's bare figures take the unit of the one
    figure in it that has one ("seat: 35 turns / preload: 25"), or each has its own ("20 h, 45 min"; a temperature's
    parts after the first are rises: "2 °C, then 14.5 K, 17.5 K"); the whole run adds up, exactly, where a count with
    no unit may size the next figure's groups on a word of groups ("- full batches: 5 / - each batch: 75 g / - last
    batch: 8 g", "four nudges of 20 °C each"), or a block of them done so many times ("repeat four times: 16 turns
    with the key, then 62 with the driver"); a run in paragraphs (two options, each a list) adds up by paragraph
    too."""
    if len(quantities) < 2:
        return []
    family, base = to_base(amount, unit)
    statement = statements(toks)   # the boundaries before each token too: a gap is counted in words
    counts = [q for q in quantities if _repeats(toks, q)]   # "repeat four times: ..."
    repeats = {statement[q.start]: q.value for q in counts}
    singles = [q for q in quantities if q.end == q.start + 1 and q not in counts]
    like = [_like(toks, q, q.after or q.stated, family) for q in singles]

    def gap(a: Quantity, b: Quantity) -> int:   # words between two figures, the first one's unit not counted
        end = a.end + (a.after is not None and a.end < len(toks) and UNIT_WORDS.get(toks[a.end]) == a.after)
        return b.start - end - (statement[b.start] - statement[end])

    said = {k: set(w) for k, w in _words(toks, statement).items()}

    def groups(n: Quantity, size: Quantity) -> bool:   # "- full batches: 5 / - each batch: 75 g"
        return not n.after and not n.stated and n.value == int(n.value) and 2 <= n.value <= _MOST_GROUPS and \
            bool((said[statement[n.start]] | said[statement[size.start]]) & EACH)

    def opens(q: Quantity, marked: bool = True) -> bool:   # a clause: its statement's first figure, or after a comma
        k = q.start - 1                                         # or a bracket and joining words ("and then 55"), or
        while k >= 0 and toks[k] in _CLAUSE_JOINS and q.start - k <= 4:   # after joining words alone
            k -= 1
        return (k < 0 or toks[k] == BOUNDARY or k in pauses) if marked else k < q.start - 1

    def leads(q: Quantity) -> bool:   # a clause that opens a few words before it: ", then medium for 24 h"
        words = range(max(0, q.start - 4), q.start)
        return any(k in pauses for k in words) and not any(is_num(toks[k]) for k in words)

    at = [statement[q.start] for q in singles]   # the statement of each figure

    def heads(run: list) -> bool:   # its last figure the first of its statement in the run, with a unit of its own
        return like[run[-1]] != "" and (len(run) == 1 or at[run[-2]] != at[run[-1]])

    def joins(run: list, i: int) -> bool:   # does figure i go on the run as its next part?
        q, last = singles[i], singles[run[-1]]
        if gap(last, q) > LIST_GAP:
            return False
        if at[i] != at[run[-1]] or q.start == last.end or groups(last, q):   # its own statement, side by side, groups
            return True
        if (opens(q) or like[i] and leads(q)) and (heads(run) or any(opens(singles[j]) for j in run if at[j] == at[i])):
            return True   # a clause of its own, in a statement whose run is a list
        return opens(q, False) and (opens(last) or heads(run))   # "a, b and c", "76 s and the pairing another 152 s"

    runs, run = [], []   # runs of indices into singles
    for i, u in enumerate(like):
        joined = bool(run) and joins(run, i)
        if u is None or not joined:
            runs.append(run)
            run = []
        if u is not None:
            run.append(i)
    runs.append(run)

    out = []
    for run in (r for r in runs if len(r) >= 2):
        units = {like[i] for i in run if like[i]}
        if len(units) > 1 and not all(like[i] for i in run) or not units and family not in COUNTED:
            continue   # bare figures take the run's one unit; figures that each have one may mix them
        u = units.pop() if len(units) == 1 else unit
        parts = [to_base(singles[i].value, like[i] or u)[1] if k == 0 or family != "temp" else
                 singles[i].value * UNIT_SCALE[like[i] or u][1] for k, i in enumerate(run)]   # rises: differences
        totals = [sum(parts)]
        for k in range(len(run) - 1):   # a count in the run sizes the next figure's groups
            if groups(singles[run[k]], singles[run[k + 1]]):
                totals.append(totals[0] - parts[k] - parts[k + 1] + singles[run[k]].value * parts[k + 1])
        for st in {at[i] for i in run} & repeats.keys():   # a block of parts done n times
            totals.append(totals[0] + (repeats[st] - 1) * sum(p for p, i in zip(parts, run) if at[i] == st))
        parted = [k for k in range(1, len(run))
                  if statement[singles[run[k]].start] - statement[singles[run[k - 1]].end] >= _PARAGRAPH]
        cuts = [0] + parted + [len(run)]
        if len(cuts) > 2:   # paragraphs of the run, each a list of its own ("**Option A** ... **Option B** ...")
            totals += [sum(parts[i:j]) for i, j in zip(cuts, cuts[1:]) if j - i >= 2]
        first = singles[run[0]]
        if run[0] and like[run[0] - 1] is None and gap(singles[run[0] - 1], first) <= LIST_GAP and \
                groups(singles[run[0] - 1], first):   # or a count just before it, of another kind ("rounds: 3")
            totals.append(totals[0] + (singles[run[0] - 1].value - 1) * parts[0])
        if any(abs(total - base) <= EXACT * abs(base) for total in totals):
            out.append((first.start, singles[run[-1]].end))
    return out


_ROUNDS = frozenset("repeat repeats repeated repeating cycle cycles round rounds rep reps pass passes loop loops "
                    "iteration iterations seq dotimes count lots".split())   # words of a block done again and again


_OF = frozenset("of times x".split())   # "4 spells of 4 min", "3 mouthfuls × 16 tablets" (× is read as "times")


def _rounds(toks: list[str], q: Quantity, family: str) -> bool:
    """Is a figure how often a block of a plan is done: a whole 2 to 20, no unit but times, with a word of repeating
    in the two words before it or the three after it ("it repeats three times", "two of those rounds", "cycles = 3",
    "(seq 3)", "Loop 4", "count: 3"), "N times" where the value is no count ("watches a routine play out two times"),
    or a count of things in a statement of groups ("75 tablets with each mouthful, four mouthfuls") or sizing the
    figure after it ("4 spells of 4 min", "3 mouthfuls × 16 tablets": groups of that figure)?"""
    if q.end != q.start + 1 or q.value != int(q.value) or not 2 <= q.value <= 20 or q.after not in (None, "times"):
        return False   # not "rounds of mouthfuls: 15 tablets"
    lo, hi = q.start, q.end
    while lo and toks[lo - 1] != BOUNDARY:
        lo -= 1
    while hi < len(toks) and toks[hi] != BOUNDARY:
        hi += 1
    before, after = toks[max(lo, q.start - 2):q.start], toks[q.end:min(hi, q.end + 3)]
    sizes = q.end + 2 < hi and toks[q.end + 1] in _OF and is_num(toks[q.end + 2])   # "4 spells of 4 min"
    return bool(_ROUNDS.intersection(before + after)) or after[:1] == ["times"] and family not in COUNTED or \
        _counts_things(toks, q) and (sizes or not EACH.isdisjoint(toks[lo:hi]))


def _sized(toks: list[str], quantities: list[Quantity], statement: list[int], words: dict, measured: list,
           family: str) -> tuple[set, list]:
    """A size said once for a thing and the counts of that thing: the statements that give a figure of the value's
    kind with a word of one group's size ("Each scoop is 31 grams.", "pulse cycles of 31 s each", "every burst is 6
    sends"), and the wholes that count a noun of those statements ("three scoops", "2 bursts"), with the bare ones
    that go on a count's statement ("time 2 intervals for me, then 3, then 4")."""
    sizes = {k for k in {statement[q.start] for q in measured} if not EACH.isdisjoint(words[k])}
    if not sizes:
        return set(), []
    things = {stem(t) for k in sizes for t in words[k] if t.isalpha() and t not in STOPWORDS}
    things -= {stem(toks[q.end]) for q in measured if q.end < len(toks) and statement[q.start] in sizes} | \
        {stem(w) for w in EACH}   # not the size's unit, nor a unit of a measure ("2 bursts" of sends may count)
    things -= {stem(t) for t in UNIT_WORDS if UNIT_SCALE.get(UNIT_WORDS[t], ("",))[0] == family} \
        if family not in COUNTED else set()
    counted = []
    for q in quantities:
        whole = q.end == q.start + 1 and q.value == int(q.value) and 1 <= q.value <= _MOST_GROUPS
        if not whole or statement[q.start] in sizes:
            continue
        if q.end < len(toks) and stem(toks[q.end]) in things or counted and \
                statement[counted[-1].start] == statement[q.start] and q.start - counted[-1].end <= 6 and \
                toks[q.start - 1] in _CLAUSE_JOINS and not noun_after(toks, q):
            counted.append(q)   # "3 bursts", or "then 3" after "2 intervals" in its statement
    return sizes, counted


_BACK = frozenset("back backed backing lower lowered withdraw withdrawn unwind unwound remove removed minus less "
                  "subtract deduct drop dropped reduce reduced".split())   # words of a part taken off what the others made
_FIGURES = frozenset("value values figure figures number numbers".split())
_IS = frozenset(("is", "are"))   # "... is in seconds", "... are minutes"


def _declared(words: dict, family: str) -> set:
    """The units of the value's kind that a statement with no figure says the answer's figures are in: "every value
    is in °C", "The values are minutes.", "Each payload is in seconds", "The second argument is minutes"."""
    return {UNIT_WORDS[x] for said in words.values() if not any(is_num(w) for w in said)
            for k, w in enumerate(said) if w in _FIGURES or w in _IS
            for x in said[k + 1:k + (4 if w in _FIGURES else 3)]
            if x in UNIT_WORDS and UNIT_SCALE.get(UNIT_WORDS[x], ("",))[0] == family}


_MOST_TIMES = 12    # a figure read as how many times a part counts: 2 to 12 ...
_COUNTS_READ = 4    # ... the first four such figures of a view, 3^4 readings ...
_MOST_PARTS = 16    # ... in a view of at most 16 parts


def _weighted(figures: list[tuple[float, float | None]]) -> list[float]:
    """The totals where some small whole figures say how many times the nearest part before or after them counts,
    skipping other such counts: "loop three lots / weigh 76 g / loop four lots / weigh 14 g / dust 72 g" is 3 x 76 +
    4 x 14 + 72 g; "keyPasses: { count: 3, turns: 19 }" 3 x 19 turns. figures: (its value as a part, n where it may
    be a count), in the answer's order; the first four counts each a part, a count of the part before or of the one
    after: 3^k readings, less the one where all are parts (the plain sum). A part is counted once.

        total = sum_j w_j v_j,   w_j = 0 for a figure read as a count, n for the part it counts, else 1"""
    counts = [(k, n) for k, (_, n) in enumerate(figures) if n][:_COUNTS_READ]
    out = []
    for choice in product((0, -1, 1), repeat=len(counts)):   # 0: a part; -1 / 1: counts the part before / after
        if not any(choice):
            continue
        times = {k for (k, _), c in zip(counts, choice) if c}
        weight = [0.0 if k in times else 1.0 for k in range(len(figures))]
        for (k, n), c in ((count, c) for count, c in zip(counts, choice) if c):
            j = k + c
            while j in times:   # the nearest part, past other counts
                j += c
            if not 0 <= j < len(figures) or weight[j] != 1:   # no part there, or one counted twice (8 x 4 x 4)
                break
            weight[j] = n
        else:
            out.append(sum(w * v for w, (v, _) in zip(weight, figures)))
    return out


def answer_total(toks: list[str], quantities: list[Quantity], amount: float, unit: str,
                 code: bool = False) -> list:
    """The span of an answer's figures of the value's kind when all of them together are the value: a plan laid out
    in parts in a layout no list reading holds (headings, prose and blocks between its stages), its total never
    written (spec §1.5). Its parts: every figure with a unit of the value's kind, its own or one stated for it, and
    the bare figures where the answer uses one such unit; not a figure that says how often a block is done, a
    period, a share of another part, a range's end, an approximation or a phone number (`_like`). A block done so
    many times (`_rounds`: "a routine played out two times: 3 s dark, 8 s blinking"; "- the cycle is stir 8 min, lid
    on 35 min / - it repeats three times") counts that often: the parts of the count's statement, of the nearest one
    before or after it with parts, or all of those before or after it; several such counts each their own block (its
    statement's parts, else those of the nearest statement after it, or else before it, with parts: "loop three
    passes / 12 turns with the key / loop two passes / 22 turns with the driver / 5 turns to set"); a size said once
    counts as often as its thing is counted (`_sized`: "every burst is 6 sends ... 2 bursts, then 3 bursts"); a small
    whole figure beside a part may say how often it counts (`_weighted`: "3 x 5 tablets", `{sets: 3, amount: 19}`).
    In code where no unit at all is said, bare figures are in the value's own unit (`code`: an argument's unit goes
    unsaid). Exact, as every worked form; a temperature's later parts are rises, as in `list_total`."""
    family, base = to_base(amount, unit)
    parts = [(q, u) for q in quantities if q.end == q.start + 1 and not _repeats(toks, q)
             and (u := _like(toks, q, q.after or q.stated, family)) is not None]
    if len(parts) < 2:   # most answers: read no further
        return []
    statement = statements(toks)
    words = _words(toks, statement)
    sized, counted = _sized(toks, quantities, statement, words, [q for q, u in parts if u], family)
    rounds = [q for q in quantities if _rounds(toks, q, family) or q in counted]
    vague = [q for q, u in parts if u and not (q.after or q.stated) and   # a unit only guessed from a word of kind
             sum(UNIT_SCALE.get(x, ("",))[0] == family for x in q.units) > 1]   # near it ("wait 250": a time)
    units = {u for q, u in parts if u and q not in rounds and q not in vague} or _declared(words, family)
    if vague and units:   # the unit the answer states or declares over the guess ("Each payload is in seconds")
        parts = [(q, "" if q in vague else u) for q, u in parts]
    units = units or {u for q, u in parts if u and q not in rounds}   # else the guess
    unsaid = code and not units and not any(q.units & UNIT_SCALE.keys() for q in quantities) and not any(
        len(t) > 1 and UNIT_SCALE.get(UNIT_WORDS[t], (family,))[0] != family for t in toks if t in UNIT_WORDS)
    one = units.pop() if len(units) == 1 else unit if unsaid else None   # the unit a bare figure takes: the answer's
    # one unit of the kind; in code with no unit at all (none of another kind said either: "# grams of salt"), where
    # an argument's unit goes unsaid, the value's own ("(fan . 6) (low . 11)"), not in prose ("membership is 20")
    parts = [(q, u) for q, u in parts if u or one]
    if len(parts) < 2:
        return []
    may = [not u or family in COUNTED for _, u in parts]   # a bare figure (any, where the value is a count) may
    parts = [(q, u or one) for q, u in parts]              # say how often the part beside it is done
    values = [to_base(q.value, u)[1] if k == 0 or family != "temp" else q.value * UNIT_SCALE[u][1]
              for k, (q, u) in enumerate(parts)]   # rises after a temperature's first part
    often = [q for q in quantities if family != "times" and q.end == q.start + 1 and   # "3 x 5 tablets", "twice":
             UNIT_SCALE.get(q.after, ("",))[0] == "times"]                             # how often, and no part
    figures = sorted([(q.start, v, q.value if m else 0.0) for (q, _), v, m in zip(parts, values, may)] +
                     [(q.start, 0.0, q.value) for q in often])   # (where, value as a part, value as a count)
    weighted = _weighted([(v, n if n == int(n) and 2 <= n <= _MOST_TIMES else None) for _, v, n in figures]) \
        if len(figures) <= _MOST_PARTS else []
    totals = [sum(values)] + weighted

    def blocks(counts: list) -> dict[int, float]:   # statement -> the sum of its parts, the counts left out
        out: dict[int, float] = {}
        for (q, _), v in zip(parts, values):
            if q not in counts:
                out[statement[q.start]] = out.get(statement[q.start], 0.0) + v
        return out

    def near(block: dict, at: int, later: bool) -> int | None:   # the nearest statement with parts after (before) at
        ks = [k for k in block if (k > at if later else k < at)]
        return (min(ks) if later else max(ks)) if ks else None

    for n in rounds:   # one block done n times
        block, at = blocks([n]), statement[n.start]
        rest = sum(block.values())
        sizes = [block[k] for k in {at, near(block, at, True), near(block, at, False)} if k in block]
        sizes += [sum(v for k, v in block.items() if k < at), sum(v for k, v in block.items() if k > at)]
        totals += [rest + (n.value - 1) * b for b in sizes if b]
    block = blocks(rounds)
    for later in (True, False):   # every count with a block of its own
        chosen = [statement[n.start] if statement[n.start] in block else near(block, statement[n.start], later)
                  for n in rounds]
        if len(rounds) > 1 and None not in chosen and len(set(chosen)) == len(chosen):
            totals.append(sum(block.values()) + sum((n.value - 1) * block[k] for n, k in zip(rounds, chosen)))
    if counted:   # a size said once, counted so many times in all: "every burst is 6 sends ... 2 bursts, then 3"
        totals += [sum(block.values()) + (sum(n.value for n in counted) - 1) * block[k] for k in sized if k in block]
    back = [v for (q, _), v in zip(parts, values)   # a word of taking back in the six words before it, its statement's
            if _BACK.intersection(t for k, t in enumerate(toks[max(q.start - 6, 0):q.start], max(q.start - 6, 0))
                                  if statement[k] == statement[q.start])]
    if back:   # parts taken back off: "then back it off 8 turns", "withdraw(grams=27)", "/bath lower by:6"
        totals += [total - 2 * sum(back) for total in list(totals)]
    hit = any(abs(total - base) <= EXACT * abs(base) for total in totals)
    return [(parts[0][0].start, parts[-1][0].end)] if hit else []
