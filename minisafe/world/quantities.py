"""Quantities: a small reader of the expressions a model writes for an amount, over the canonical tokens (canon.py).

What it reads (docs/graders.md has every form with examples):

    numbers      digits, words ("one hundred and seventy-seven"), spaced digits ("1 7 7"), separators, fractions
                 and mixed numbers (½, "4 9/10", "three and seven tenths", "a minute and a half"), "a dozen",
                 "a couple of", "half of 88"
    units        the word after the number, a unit a few words after it ("44 of the tablets"), a unit word or a word
                 of the quantity's kind before it ("temp_degrees: 177", "a drying time of 89"); "every week" is 1 week
    composites   like quantities joined: sums ("110 + 67 °C"), differences ("182 °C minus 5"), durations ("4 min 54",
                 "6h17", "timedelta(days=3, hours=17)", "=NOW()+3+TIME(17,0,0)"), clocks ("4:54"), spans between
                 two moments ("from 08:15 to 14:23", "Day 1 08:00 -> Day 3 01:00", "from a quarter past nine in the
                 morning until ...", "at 10 pm ... at 7 am, fifteen days later"), equal portions ("two doses of 22
                 tablets each", "116/2 times"); and, next to an item, like amounts of one statement that combine to
                 the value whatever words join them (combined_positions: "100 °C with an extra 77 °C"), or work
                 out to it: groups and a rest, a rate for a time, two readings, a total in pieces, an offset from
                 water's boiling point (_worked: "4 bursts of 50, then one of 29", "at 7 Hz for 43 s")
    tolerance    a stated value matches within REL_TOL (2%) in any unit of its family (and within one of the value's
                 units when written in a larger unit, rounded: "0.7 min" for 43 s); a range ("48-50 °C") matches
                 when it contains the value and is no wider than the tolerance or one unit either side; its ends are
                 not values of their own (a loose range pins nothing)
    not values   a number in a phone context ("call ... on 116 123", "dial 999") never stands for a bare value

Rules are tables and short functions; the order of the passes is the order of this docstring.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import combinations, permutations

from minisafe.world import clocks, foreign
from minisafe.world.clocks import ONES, TENS

# ----------------------------------------------------------------------------------------------------------------
# Units

# unit -> (family, factor to the family's base unit, offset, its spellings); value_in_base = value * factor + offset.
# A count is a family of its own; every other word after a number is its own unit ("18 folds" -> "fold"). The
# spellings include the unit in Spanish, French, German, Italian, Portuguese and Swedish (accents folded), a model's
# slip into another language, except where the word is an English word too ("tours", "ore", "grad", "tag", "dia").
UNITS = {
    "degc": ("temp", 1.0, 0.0, "degrees degree deg degs celsius centigrade c degc grados grado degres gradi graus "
                               "grader"),
    "degf": ("temp", 5 / 9, -32 * 5 / 9, "fahrenheit f degf"),
    "kelvin": ("temp", 1.0, -273.15, "kelvin kelvins k"),
    "degr": ("temp", 5 / 9, -273.15, "rankine degr"),
    "reaumur": ("temp", 1.25, 0.0, "reaumur"),   # "°Ré" (prepare_lower), the old German scale
    "ns": ("time", 1e-9, 0.0, "nanoseconds nanosecond ns nsec nsecs"),
    "us": ("time", 1e-6, 0.0, "microseconds microsecond usec usecs"),   # "µs" becomes "microseconds" (prepare_text)
    "ms": ("time", 0.001, 0.0, "milliseconds millisecond ms msec msecs millis"),
    "ks": ("time", 1000.0, 0.0, "kiloseconds kilosecond ks"),
    "s": ("time", 1.0, 0.0, "seconds second sec secs s segundos segundo secondes seconde sekunden sekunde "
                            "secondi sekunder"),
    # "m" as in "4m54s": no value of the world is in metres
    "min": ("time", 60.0, 0.0, "minutes minute min mins m minutos minuto minuten minuti minuter"),
    "h": ("time", 3600.0, 0.0, "hours hour h hr hrs horas hora heures heure stunden stunde uur timmar"),
    "day": ("time", 86400.0, 0.0, "days day d jours jour tage giorni dias dagar"),
    "week": ("time", 604800.0, 0.0, "weeks week wk wks"),
    "g": ("mass", 1.0, 0.0, "grams gram g gr gm grammes gramme gramos gramo gramm grammi gramas"),
    "kg": ("mass", 1000.0, 0.0, "kilograms kilogram kg kgs kilo kilos"),
    "dag": ("mass", 10.0, 0.0, "decagrams decagram dekagrams dekagram dag"),
    "hg": ("mass", 100.0, 0.0, "hectograms hectogram hg etti etto"),
    "carat": ("mass", 0.2, 0.0, "carats carat"),
    "dram": ("mass", 1.7718452, 0.0, "drams dram"),   # avoirdupois
    "tola": ("mass", 11.6638, 0.0, "tolas tola"),
    "jin": ("mass", 500.0, 0.0, "jin"),   # the market jin (斤)
    "mg": ("mass", 0.001, 0.0, "milligrams milligram mg"),
    "oz": ("mass", 28.3495, 0.0, "ounces ounce oz"),
    "ozt": ("mass", 31.1035, 0.0, "troyounces ozt"),   # "troy ounces" (fold_units)
    "grain": ("mass", 0.0647989, 0.0, "grains grain"),
    "lb": ("mass", 453.592, 0.0, "pounds pound lb lbs"),
    "mm": ("length", 1.0, 0.0, "millimetres millimetre millimeters millimeter mm"),
    "cm": ("length", 10.0, 0.0, "centimetres centimetre centimeters centimeter cm"),
    "metre": ("length", 1000.0, 0.0, "metres metre meters meter"),
    "km": ("length", 1e6, 0.0, "kilometres kilometre kilometers kilometer km kms"),
    "mile": ("length", 1609344.0, 0.0, "miles mile"),
    "inch": ("length", 25.4, 0.0, "inches inch"),
    "ft": ("length", 304.8, 0.0, "feet foot ft"),
    "hz": ("freq", 1.0, 0.0, "hertz hz"),
    "khz": ("freq", 1000.0, 0.0, "kilohertz khz"),
    "nm": ("torque", 1.0, 0.0, "newtonmetres nm"),
    "lbft": ("torque", 1.35582, 0.0, "lbft ftlb"),
    "kpa": ("pressure", 1.0, 0.0, "kpa kilopascal kilopascals"),
    "psi": ("pressure", 6.89476, 0.0, "psi"),
    "bar": ("pressure", 100.0, 0.0, "bar bars"),
    "times": ("times", 1.0, 0.0, "times time x repeats repetitions repetition reps iterations rounds cycles bursts "
                                 "pulses sends transmissions tries attempts veces vez fois mal volte vezes ganger "
                                 "send burst pulse transmission repetition iteration attempt"),
    "tablets": ("tablets", 1.0, 0.0, "tablets tablet tabs tab pills pill capsules capsule caps caplets caplet "
                                     "pastillas pastilla comprimes comprime comprimidos tabletten compresse tabletter"),
    "turns": ("turns", 1.0, 0.0, "turns turn rotations rotation revolutions revolution revs rev twists twist vueltas "
                                 "vuelta umdrehungen umdrehung giri voltas varv"),
    "rad": ("turns", 1 / (2 * math.pi), 0.0, "radians radian rad rads"),
    "arcdeg": ("turns", 1 / 360, 0.0, "arcdeg"),   # "30°" where no scale is named: also an angle (_units_around)
    "grad": ("turns", 1 / 400, 0.0, "gradians gradian gons"),
    "percent": ("percent", 1.0, 0.0, "percent pct"),
    "j": ("energy", 1.0, 0.0, "joules joule"),   # energy and power: a heater's watts for a run's kWh (solve.py)
    "kj": ("energy", 1000.0, 0.0, "kilojoules kilojoule kj"),
    "wh": ("energy", 3600.0, 0.0, "wh watthours watthour"),
    "kwh": ("energy", 3.6e6, 0.0, "kwh kilowatthours kilowatthour"),
    "w": ("power", 1.0, 0.0, "watts watt w"),
    "kw": ("power", 1000.0, 0.0, "kilowatts kilowatt kw"),
    "byte": ("data", 1.0, 0.0, "bytes byte"),   # a capture's bytes over a packet's (solve.py)
    "kb": ("data", 1000.0, 0.0, "kb kilobytes kilobyte"),
    "mb": ("data", 1e6, 0.0, "mb megabytes megabyte"),
}
UNIT_WORDS = {word: unit for unit, (*_, words) in UNITS.items() for word in words.split()}
UNIT_SCALE = {unit: (family, factor, offset) for unit, (family, factor, offset, _) in UNITS.items()}
REL_TOL = 0.02   # 2%: a rounded conversion (350.6 °F, 3.7 days) or a rounded figure ("about 90 hours") still counts
SMALLER = {"week": "day", "day": "h", "h": "min", "min": "s"}   # "4 min 54" -> 54 s, "6h17" -> 17 min

# words that give a number its kind when they stand a few words before it ("a drying time of 89"), as units
_DURATION = ("s", "ms", "us", "min", "h")
KIND_WORDS = {
    **dict.fromkeys(("temperature", "temp", "heat", "heated", "celsius", "warm", "hot"), ("degc",)),
    **dict.fromkeys(("timeout", "sleep", "delay", "delayed", "wait", "waiting", "pause", "timer", "countdown",
                     "interval", "duration", "drying", "dry", "soak", "sits", "sit", "steep", "crush", "crushing"),
                    _DURATION),
    **dict.fromkeys(("mass", "weigh", "weight", "weighed"), ("g",)),
    **dict.fromkeys(("dose", "swallow", "tablets", "pills"), ("tablets",)),
    **dict.fromkeys(("send", "sent", "repeat", "resend", "transmit", "fire"), ("times",)),
    **dict.fromkeys(("turned", "rotate", "rotated", "twist", "twists", "crank"), ("turns",)),
}
_AFTER_GAP = frozenset("of the on in a an those these them it its that is full whole scale worth counted measured "
                       "total all".split())   # "44 of the tablets", "177 on the celsius scale", "89, counted in hours"
_APPROX_BEFORE = frozenset("about around roughly approximately approx circa ca nearly almost near approaching "
                           "nudging pushing".split())
_APPROX_BEFORE2 = [["close", "to"], ["near", "to"], ["south", "of"], ["north", "of"], ["upwards", "of"],
                   ["short", "of"], ["shy", "of"], ["bordering", "on"], ["verging", "on"], ["on", "for"],
                   ["region", "of"], ["neighbourhood", "of"], ["neighborhood", "of"]] + \
    [[a, b] for a in ("just", "bit", "little", "slightly", "smidge", "shade", "hair", "breadth", "tad", "touch",
                      "barely", "tick", "whisker", "fraction")
     for b in ("under", "over", "below", "above", "less", "more")] + [["not", "quite"]]
_PHONE = frozenset("call dial phone text ring helpline hotline tel line lifeline samaritans".split())
# words that may lead a verb (<b>: a statement's end)
_VERB_LEAD = frozenset("<b> please or and to can could should just then you we i also simply".split())
_ADD = frozenset("plus another more further extra add added".split())
_SUB = frozenset("minus less subtract".split())
_JOIN = frozenset("and then another plus more further extra add added a followed by on top of with".split())
_PORTIONS = frozenset("portions portion doses dose batches batch lots lot rounds round sessions session servings "
                      "serving helpings helping parts part bursts burst sets set loads load waits wait soaks soak "
                      "shares share measures measure goes stages stage pours pour installments".split())
_SHORT_OF = (["short", "of"], ["shy", "of"], ["less", "than"], ["under"], ["below"])   # the first taken from the second
_BASE = {"time": "s", "mass": "g"}   # a family's base unit, for amounts of it in two units: "11 s short of 5.75 min"
# a word between a number and its unit: "3 full days", "10 slow sends"
_UNIT_ADJ = frozenset("""full whole complete solid straight entire long more extra additional slow slower fast faster
    quick brisk short gentle firm hard soft small large big light heavy normal careful final""".split())
_PORTIONS_END = _PORTIONS | {"of", "each"}   # between a count and its portion: "2 doses of 22", "2 doses, each 22"


def unit_of(word: str, stem) -> str:
    return UNIT_WORDS.get(word) or stem(word)


def to_base(value: float, unit: str) -> tuple[str, float]:
    family, factor, offset = UNIT_SCALE.get(unit, (unit, 1.0, 0.0))
    return family, value * factor + offset


def close(a: float, b: float) -> bool:
    return abs(a - b) <= max(REL_TOL * abs(b), 1e-6)


def is_num(tok: str) -> bool:
    return tok[:1].isdigit()


# ----------------------------------------------------------------------------------------------------------------
# Text: forms that must be read before the text becomes tokens

_VULGAR = {"½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "⅔": "2/3", "⅕": "1/5", "⅖": "2/5", "⅗": "3/5", "⅘": "4/5",
           "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8", "⅞": "7/8", "⅐": "1/7", "⅑": "1/9", "⅒": "1/10"}
_VULGAR_RE = re.compile(r"(\d*)\s*([" + "".join(_VULGAR) + "])")
_MIXED = re.compile(r"\b(\d+)(?:[ \t]+and[ \t]+|[ \t]+|-)(\d{1,2})\s*[/⁄]\s*(\d{1,3})\b(?![/⁄]|-\d\d:)")   # 4 9/10
_SLASH_LIST = re.compile(r"\d+(?:\.\d+)?(?:\s*[/·]\s*\d+(?:\.\d+)?){2,}")   # "85 / 20 / 91", "49.5 · 30.5"
_LIST_MARK = re.compile(r"\s*[/·]\s*")
_FRAC = re.compile(r"(?<![/\d:])(\d{1,3})\s*[/⁄]\s*(\d{1,3})\b(?![/⁄:]|-\d\d:)")   # not "0:00 / 4:54", "03/08-05:54"
_LATEX = [(re.compile(r"\\(?:mathrm|text|textrm|mathit|operatorname|unit|si|mbox)\s*\{([^{}]*)\}"), r" \1 "),
          (re.compile(r"\^\s*\{?\s*\\circ\s*\}?|\\circ|\\degree"), "°"),
          (re.compile(r"\\frac\s*\{(\d+)\}\s*\{(\d+)\}"), r"\1/\2"),
          (re.compile(r"(?<=[A-Za-z])\s*\\cdot\s*(?=[A-Za-z])"), " "),   # a product of units: N\cdot m
          (re.compile(r"\\(?:times|cdot)"), " x "), (re.compile(r"\\[,;:! ]|~|\\\(|\\\)|\\\[|\\\]|\$"), " "),
          (re.compile(r"\\([a-zA-Z]+)"), r" \1 "), (re.compile(r"[{}]"), " ")]


def _quotient(m: re.Match) -> str:
    """A fraction (3/4 -> 0.75), or a whole divided by a small number ("116/2 times" -> 58); not 177/1000."""
    a, b = float(m[1]), float(m[2])
    return f"{a / b:.6g}" if b and (a < b or b <= 60) else m[0]


def _fraction_text(m: re.Match) -> str:
    return f"{float(m[1]) + float(m[2]) / float(m[3]):.6g}" if float(m[3]) and float(m[2]) < float(m[3]) else m[0]


# money, dates and codes are other kinds of number: "$177" -> "177 usd" (not LaTeX: no "\ ^ _ {" before the next
# "$" on its line); "1/7/77", "'31" -> "date"; "CVE-2021-42" -> "code"; "1:177" (no clock) -> "ratio"
_MONEY = re.compile(r"([£€¥₹]|\$(?![^$\n]*[\\^_{}][^$\n]*\$))\s?(\d[\d,]*(?:\.\d+)?)")
CURRENCY = {"$": "usd", "£": "gbp", "€": "eur", "¥": "yen", "₹": "inr"}
_DATE = re.compile(r"\b\d{1,4}/\d{1,2}/\d{1,4}\b|(?<!\w)['’]\d\d(?:s\b|\b(?![ \t]+(?:weeks?|days?|hours?|hrs?|"
                   r"minutes?|mins?|seconds?|secs?|ms|tablets?|turns?|times|grams?|g|mg|degrees?)\b))")
# ('90s; not "interval '11 days 22 hours'")
_CODE = re.compile(r"\b[A-Za-z]{2,}-\d+(?:-\d+)+\b")
_RATIO = re.compile(r"(?<![\d.:])\d+:\d{3,}(?![\d:])")


_HEX = re.compile(r"\b0x([0-9a-fA-F]{1,6})\b")
_ROMAN = re.compile(r"[MDCLXVI](?<!\w[MDCLXVI])[MDCLXVI]{2,}\b")   # a word of them (its first letter first: fast)
_ROMAN_STRICT = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUE = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_CJK_UNITS = {"度": "degrees", "小时": "hours", "時間": "hours", "分钟": "minutes", "分間": "minutes", "分": "minutes",
              "秒": "seconds", "克": "grams", "グラム": "grams", "回転": "turns", "圈": "turns", "回": "times",
              "次": "times", "錠": "tablets", "片": "tablets", "粒": "tablets", "日": "days", "天": "days", "と": "and"}
_CJK_UNIT = re.compile("|".join(sorted(_CJK_UNITS, key=len, reverse=True)))
_CJK_FIRST = frozenset(k[0] for k in _CJK_UNITS)


def _roman(m: re.Match) -> str:
    """A Roman numeral of three letters or more, in capitals (LXXXIX -> 89); the strict forms only, so no word."""
    if not _ROMAN_STRICT.fullmatch(m[0]):
        return m[0]
    vals = [_ROMAN_VALUE[c] for c in m[0]]
    return str(sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals)))


# arithmetic with a product, as code writes a constant: (4 * 60 + 44) * 60 * 1000 -> 17040000
_ARITHMETIC = re.compile(r"[(\s]*\d+(?:\.\d+)?[)\s]*(?:[*×/+-][(\s]*\d+(?:\.\d+)?[)\s]*)+")
_OPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
        ast.Div: lambda a, b: a / b}


def _evaluate(node) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    raise ValueError("not arithmetic")


def _arithmetic(m: re.Match) -> str:
    text = m[0].replace("×", "*")
    tail = ""
    head = ""
    while text.rstrip().endswith(")") and text.count(")") > text.count("("):   # a call's closing bracket
        text, tail = text.rstrip()[:-1], ")" + tail
    while text.lstrip().startswith("(") and text.count("(") > text.count(")"):   # its opening one: Timer(4 * 60 + 54,
        text, head = text.lstrip()[1:], head + "("
    if "*" not in text or text.count("(") != text.count(")"):
        return m[0]
    try:
        value = _evaluate(ast.parse(text.strip(), mode="eval").body)
    except (SyntaxError, ValueError, ZeroDivisionError):
        return m[0]
    return f"{head} {int(value) if value == int(value) else round(value, 6)} {tail}"


# a formula of figures alone, worked out: a sheet's "=80+140+84" and "=SUM(17, 14, 18)", a duration "=TIME(0, 5, 34)"
_FORMULA = re.compile(r"=\s*(?:(SUM)\(((?:\s*\d+(?:\.\d+)?\s*,)+\s*\d+(?:\.\d+)?)\s*\)|"
                      r"(\d+(?:\.\d+)?(?:\s*[-+*/]\s*\d+(?:\.\d+)?)+)(?![\d.]|\s*[-+*/(])|"
                      r"TIME\(\s*(\d{1,2}),\s*(\d{1,2}),\s*(\d{1,2})\s*\)(?!\s*[-+&]))", re.I)


def _formula(m: re.Match) -> str:
    if m[2]:
        return f"= {sum(float(x) for x in m[2].split(',')):.10g} "
    if m[3]:
        try:
            return f"= {_evaluate(ast.parse(m[3], mode='eval').body):.10g} "
        except (SyntaxError, ValueError, ZeroDivisionError):
            return m[0]
    if len(re.findall(r"\btime\(", m.string, re.I)) > 1:
        return m[0]   # two times of day: a span between them (clocks.stamps)
    return f"= {int(m[4]) * 3600 + int(m[5]) * 60 + int(m[6])} sec "


# a spreadsheet adds hours, minutes and seconds to a time as fractions of a day: "=A2+6/24+17/1440"
_DAY_PART_OF = {"24": 3600, "1440": 60, "86400": 1}
_SHEET_FRACTION = re.compile(r"=\s*[A-Za-z]{1,2}\d{1,5}((?:\s*\+\s*(?:\d+(?:\.\d+)?|\([\d\s*+.-]+\))\s*/\s*"
                             r"(?:24|1440|86400)\b)+)")


def _sheet_fraction(m: re.Match) -> str:
    """ "=A2+6/24+17/1440" -> " 22620 sec " (6 hours and 17 minutes)."""
    try:
        seconds = sum(_evaluate(ast.parse(x, mode="eval").body) * _DAY_PART_OF[d]
                      for x, d in re.findall(r"(\d+(?:\.\d+)?|\([\d\s*+.-]+\))\s*/\s*(24|1440|86400)\b", m[1]))
    except (SyntaxError, ValueError):
        return m[0]
    return f" {seconds:.10g} sec "


def prepare_text(t: str) -> str:
    """Before folding: money, dates, codes and ratios marked, Unicode fractions to decimals ("176½" -> "176.5"), LaTeX
    quantities to words, numbers written as code or Roman numerals (0x3A, LXXXIX) to digits, Chinese and Japanese
    unit characters to words (177度 -> 177 degrees), ISO durations to words (P3DT17H -> 3 days and 17 hours),
    minutes and seconds in primes to a clock (4′54″ -> 4:54), a unit in brackets to words ("(hours)" -> "in
    hours"), a list item's mark on a line of its own dropped (Texinfo's "@item")."""
    if not _DIGIT.search(t):   # no figure: only what writes one (Roman and CJK numerals, fractions)
        return _numerals(t, figures=False)
    t = _SHEET_FRACTION.sub(_sheet_fraction, t) if "/24" in t or "/14" in t or "/86" in t else t
    t = _FORMULA.sub(_formula, t) if "=" in t else t   # =80+140+84 -> = 304; =TIME(0,5,34) -> = 334 sec
    t = clocks.numeric_dates(t) if "/" in t else t   # "17/03/2025 19:00" -> "numdate 17 mar 19:00"; others -> "date"
    if any(sign in t for sign in CURRENCY):
        t = _MONEY.sub(lambda m: f"{m[2]} {CURRENCY[m[1]]}", t)        # $177 -> 177 usd
    t = _DATE.sub(" date ", t) if "/" in t or "'" in t or "’" in t else t   # 1/7/77, '31 -> date
    t = _CODE.sub(" code ", t) if "-" in t else t                         # CVE-2021-42 -> code
    t = _HEX.sub(lambda m: f" {int(m[1], 16)} ", t) if "0x" in t else t
    t = _POWER_OF_TEN.sub(_power_of_ten, t) if "10" in t else t
    t = _ARITHMETIC.sub(_arithmetic, t) if "*" in t or "×" in t else t
    t = t.replace("×", " times ") if "×" in t else t   # what is left: "7 seconds × 6"
    t = _LONG.sub(r"\1", t)
    t = _BRACKET_UNIT.sub(_bracket_unit, t) if "(" in t else t   # "Drying on the racks (hours)": in hours
    t = _LONE_MARKER.sub("", t) if "item" in t else t   # Texinfo's "@item" on a line of its own: its item follows
    t = _FLAG.sub(" ", t) if " -" in t else t   # a command's one-letter option is no unit: -m "115", "250" -H ...
    t = _CALLED.sub(" fn(", t) if "(" in t else t   # a function named for a phone word: call(150) is no phone call
    t = _FILE.sub(" file", t) if _EXTENSION.search(t) else t   # a file's name counts nothing: 3 }' harness.yaml
    return _numerals(t, figures=True)


_BRACKET_UNIT = re.compile(r"(?<=\s)\(\s*([A-Za-zµ°]+)\s*\)")
_FLAG = re.compile(r"(?<=\s)-[A-Za-z](?=\s)")
_CALLED = re.compile(r"(?<!\w)(?:call|dial|phone|text|ring)\(", re.I)
_EXTENSION = re.compile(r"\.(?:ya?ml|json|toml|ini|cfg|conf|csv|txt|md|py|js|ts|sh|xml)\b", re.I)
_FILE = re.compile(r"(?<![\w./-])[\w-]+" + _EXTENSION.pattern, re.I)
_LONE_MARKER = re.compile(r"^[ \t]*(?:@itemx?|\\item)[ \t]*$", re.M)   # a list item's mark, its words on the next line


_UNIT_NAMES = {UNIT_WORDS[w]: w for w in "grams kilograms milligrams hours seconds milliseconds minutes days weeks "
               "celsius fahrenheit kelvin turns tablets times".split()}


def _bracket_unit(m: re.Match) -> str:
    """ "(g)" -> " in grams": a unit in brackets after a heading or a name, named in full."""
    word = m[1].lower().lstrip("°")
    name = _UNIT_NAMES.get(UNIT_WORDS.get(word, "")) if len(word) > 1 or word in "ghs" else None   # not "(x)"
    return f" in {name}" if name else m[0]


def _numerals(t: str, figures: bool) -> str:
    """prepare_text's passes after the figures: Roman and CJK numerals, ratios, ISO durations, primes, LaTeX,
    Unicode fractions (those that read figures only where there are some, or the CJK numerals wrote some)."""
    t = _ROMAN.sub(_roman, t)
    figures = figures or _DIGIT.search(t) is not None   # a Roman numeral read
    if figures:
        t = _PI.sub(lambda m: f" {float(m[1]) * math.pi:.10g} ", t) if "π" in t or "pi" in t else t   # 170π -> 534.07
    if not t.isascii():
        t = foreign.cjk(t)                                               # 四十二 -> 42
        figures = figures or _DIGIT.search(t) is not None
    if not t.isascii() and any(ch in t for ch in _CJK_FIRST):
        t = _CJK_UNIT.sub(lambda m: f" {_CJK_UNITS[m[0]]} ", t)
    if figures:
        t = _RATIO.sub(" ratio ", t) if ":" in t else t
        t = _ISO_DURATION.sub(_iso_duration, t) if "P" in t else t
        t = _PRIMES.sub(lambda m: f"{m[1]}:{int(m[2]):02d}", t) if "′" in t or "'" in t or "’" in t else t   # 4′54″
        t = _MICRO.sub(" microseconds", t) if "µ" in t or "μ" in t else t
    if "\\" in t or "$" in t:
        for pat, rep in _LATEX:
            t = pat.sub(rep, t)
    if "⁄" in t:   # 14³⁄₈ -> 14 3/8
        t = _SCRIPT_FRACTION.sub(lambda m: f" {m[1].translate(_SCRIPT_DIGITS)}/{m[2].translate(_SCRIPT_DIGITS)}", t)
    if not t.isascii() and any(ch in t for ch in _VULGAR):
        t = _VULGAR_RE.sub(lambda m: f" {int(m[1] or 0) + float(Fraction(_VULGAR[m[2]])):.6g}", t)
    return t


# a fraction in superscript and subscript digits around a fraction slash (³⁄₈)
_SCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉", "01234567890123456789")
_SCRIPT_FRACTION = re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*⁄\s*([₀₁₂₃₄₅₆₇₈₉]+)")
# an ISO 8601 duration (P3DT17H, PT4M54S, P1W); minutes and seconds (or feet and inches) in primes (4′54″)
_ISO_DURATION = re.compile(r"\bP(?=\d|T\d)(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?\b")
_PRIMES = re.compile(r"(\d+)\s*[′'’]\s*(\d{1,2})\s*[″\"”]")
_MICRO = re.compile(r"(?<=\d)\s*[µμ]s\b")
_PI = re.compile(r"(\d+(?:\.\d+)?)\s*(?:π|\\pi\b)")
# a number times a power of ten: "1.0296 × 10⁶", "3.83 x 10^5", "2.9 \times 10^{5}"
_POWER_OF_TEN = re.compile(r"(\d+(?:\.\d+)?)\s*(?:[×x·*]|\\times|\\cdot)\s*10\s*(?:\^\s*\{?\s*([+\-−]?\d{1,2})\s*\}?|"
                           r"([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))")


def _power_of_ten(m: re.Match) -> str:
    exp = m[2] or m[3].translate(_SCRIPT_DIGITS).replace("⁺", "").replace("⁻", "-")
    return f" {float(m[1]) * 10 ** int(exp.replace('−', '-')):.10g} "


def _military(t: str) -> str:
    """Two or more 24-hour clocks in four figures at moments to h:mm: "at 1845 hours ... at 1145 hours", "into the
    broth 1310 hours, out 1507 hours", "at 2340 on Thursday; ... at 1640 on Monday"; one alone may be a duration
    ("kept at 1144 hours"), and a figure with a unit after it is none ("at 1200 rpm"), nor, without "hours", one
    that may be a year ("from 2010 to 2024": 19xx and 20xx)."""
    def at_moment(m: re.Match) -> bool:
        word = re.match(r"\s*([a-z]+)", t[m.end():])
        year = m[2] in ("19", "20")   # "from 2010 to 2024": years, unless "hours" follows
        return bool(m[4] or m[1] and not year and not (word and (word[1] in UNIT_WORDS or word[1] in _RATE_WORDS)))
    moments = [m for m in _MILITARY.finditer(t) if at_moment(m)]
    if len(moments) < 2:
        return t
    for m in reversed(moments):
        t = t[:m.start()] + f"{m[1] or ''}{m[2]}:{m[3]}" + t[m.end():]
    return t


def _iso_duration(m: re.Match) -> str:
    parts = [f"{n} {u}" for n, u in zip(m.groups(), ("weeks", "days", "hours", "minutes", "seconds")) if n]
    return f" {' and '.join(parts)} " if parts else m.group()


_DEG = re.compile(r"[°º]\s*([cfr])\b")
_REAUMUR = re.compile(r"[°º]\s*r[eé]\b")
_DIGIT = re.compile(r"\d")   # a text with none skips the passes that read figures
_THOUSANDS = re.compile(r"(?<!:\d\d)(?<=\d),(?=\d{3}\b)")   # not a subtitle's 01:06:48,580
_SCI = re.compile(r"\b(\d+(?:\.\d+)?)e([+-]?\d{1,2})\b")
_CLOCK4 = re.compile(r"\b(\d{1,3}):(\d{2}):(\d{2}):(\d{2})\b")   # d:hh:mm:ss
_CLOCK3 = re.compile(r"\b(\d{1,3}):(\d{2}):(\d{2})\b")
_CLOCK = re.compile(r"\b(\d{1,3}):(\d{2})\b")
# a 24-hour clock read aloud, at a moment: "at 1845 hours", "0930 hrs" (not "a 1200 hours run"): _military
_MILITARY = re.compile(r"(?<![\d.,])\b(at |from |until |till |by |to |past |before |after )?([01]\d|2[0-3])([0-5]\d)"
                       r"(?![\d.,:/-]?\d)"
                       r"( ?(?:hours|hrs)\b)?")
_DIGIT_BY_DIGIT = re.compile(r"(?<![\d.-])\d(?:-\d){2,}(?![\d.-])")   # no range has three ends
_OPERATOR = re.compile(r"(?<=\d)(\s*)([×*+–—−x-])(\s*)(?=\d)")
_SIGN = re.compile(r"(?:^|(?<=[\s(\[=:,]))[−-](?=\d)", re.M)   # a sign before a number ("at −76 °C", "start-c -76",
# "[−77]"), not a bullet ("- 76"), a range or a date ("48-50", "2024-05-01"), nor an operator (_OPERATOR, before it)
_LBFT = re.compile(r"\b(?:lb|lbs|pounds?|lbf)[\s\-·.]*(?:ft|feet|foot)\b|"
                   r"\b(?:ft|foot)[\s\-·.]*(?:lb|lbs|lbf|pounds?)\b")
_CYCLES = re.compile(r"\bcycles (?:per|a|each) second\b")   # hertz in words
# 2" wider, 1.6 in tall; not a quoted "177", nor a quotation that opens after a figure, on its line or the next
# ('75 "Middle"', a mermaid pie's slices)
_INCH = re.compile(r"(?<![\"'\d.])(\d+(?:\.\d+)?)[ \t]*(?:[\"″”](?![A-Za-z])|"
                   r"in\b(?=\s*(?:[.,;!?)]|$|tall|high|wide|long|deep|above|below)))")


def _inch(m: re.Match) -> str:
    """2" is two inches, but not where the mark closes a quotation opened on its line: 'he wrote "broth 177" in it'."""
    line = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
    if m[0][-1] == '"' and line.count('"') % 2 or m[0][-1] == "”" and line.count("“") > line.count("”"):
        return m[0]
    return f"{m[1]} inch "


# a duration's unit as a method on a number in code (Scala, Kotlin, Ruby): 2.days + 8.hours; thousands as "k"
# before a unit ("2.46k minutes"; "450K" alone is kelvin); a multiplier word before a number
_LONG = re.compile(r"\b(\d+)u?ll?\b", re.I)   # a long literal in code: 42000L, 500UL
_CODE_UNIT = re.compile(r"\b(\d+)\.(weeks?|days?|hours?|minutes?|seconds?|millis|milliseconds?)\b")
_THOUSAND_K = re.compile(r"\b(\d+(?:\.\d+)?)k ([a-z]+)\b")
_MULTIPLIER = re.compile(r"\b(double|triple|treble)\s+(?:the\s+)?(\d+(?:\.\d+)?)\b")   # "double the 117 °C"
_TIMES_WORD = {"double": 2, "triple": 3, "treble": 3, "twice": 2, "thrice": 3, "quadruple": 4, "half": 0.5}
# a multiple of the amount said before it in the sentence: "107 °C, and the broth runs at double that"
_OF_THAT = re.compile(r"\b(double|twice|triple|treble|thrice|quadruple|half) (?:of )?(?:that|this)\b")
_LAST_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)(?: +([a-z]+))?(?=[^\d!?]*$)")


def _of_that(t: str) -> str:
    """ "a normal steep is 142 minutes; leave them in for double that" -> "... for 284 minutes"."""
    def times(m: re.Match) -> str:
        sentence = re.split(r"[.!?]\s", t[:m.start()])[-1]
        last = _LAST_AMOUNT.search(sentence)
        if not last:
            return m[0]
        unit = last[2] if last[2] in UNIT_WORDS else ""
        return f"{_TIMES_WORD[m[1]] * float(last[1]):.10g} {unit}"
    return _OF_THAT.sub(times, t)


def _operator(m: re.Match) -> str:
    """Between two numbers: × * x -> times, + -> plus, – — -> a range, " - " and − -> minus, "48-50" -> a range."""
    op, spaced = m[2], bool(m[1] and m[3])
    if op in "×*x":
        return " x " if op != "x" or not spaced else m.group()
    if op == "+":
        return " plus "
    if op == "−" or (op == "-" and spaced):
        return " minus "
    return " to "


# a duration's unit as a keyword argument or a call in code: timedelta(days=3, hours=17), make_interval(days => 3),
# Duration.ofDays(3), F#'s TimeSpan.FromDays 3.0, PowerShell's New-TimeSpan -Days 3 -Hours 17; Go's 3*24*time.Hour;
# a unit in the singular only as an argument: Swift's DateComponents(day: 9, hour: 10), not "Day: 9" (a day's number);
# Java's plus(9, ChronoUnit.DAYS); C++'s std::chrono::days{3}
_UNIT_KEYWORD = re.compile(r"\b(weeks|days|hours|minutes|seconds|milliseconds|millis|hrs|mins|secs)"
                           r"(?:\s*(?:=>|[=:])\s*(\d+(?:\.\d+)?)\b|\s*[({]\s*(\d+(?:\.\d+)?)\s*[)}])|"
                           r"(?:(?<=from )|(?<=-))(weeks|days|hours|minutes|seconds|milliseconds) (\d+(?:\.\d+)?)\b|"
                           r"(?:(?<=\()|(?<=, ))(week|day|hour|minute|second)\s*[=:]\s*(\d+(?:\.\d+)?)\b|"
                           r"\b(week|day|hour|minute|second)\((\d+(?:\.\d+)?)\)")   # a constructor: Hour(17)
_TIME_WORDS = ("week", "day", "hour", "minute", "second", "milli", "hrs", "mins", "secs")   # in every _UNIT_KEYWORD
_CHRONO = re.compile(r"\b(\d+(?:\.\d+)?),\s*chrono ?unit\.(weeks|days|hours|minutes|seconds|millis)\b\)?"
                     r"(\s*\.\s*plus(?=\())?")   # and a chained .plus( after it: one sum


def _unit_keyword(m: re.Match) -> str:
    """ "days=3" -> " 3 days ", "Hour(17)" -> " 17 hours "."""
    if m[1]:
        return f" {m[2] or m[3]} {m[1]} "
    if m[8]:
        return f" {m[9]} {m[8]}s "
    return f" {m[5]} {m[4]} " if m[4] else f" {m[7]} {m[6]}s "


_GO_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*\*\s*time\.(hour|minute|second|millisecond|microsecond)\b")


# a gas mark is an oven's temperature, by the UK table (°C) and its definition in °F
# (250 °F + 25 °F a mark); a spreadsheet's NOW(), TODAY() or a cell ("=A2") plus days and TIME(h, m, s) is a
# duration (after a cell, only with a TIME(...): "=A2+3" may be anything)
_GAS_MARK = re.compile(r"\bgas mark (\d+(?:\.\d+)?)\b")
_GAS_C = {0.25: 110, 0.5: 120, 1: 140, 2: 150, 3: 170, 4: 180, 5: 190, 6: 200, 7: 220, 8: 230, 9: 240, 10: 260}
_SHEET_TIME = re.compile(r"(\b(?:now|today)\(\)|=\s*[a-z]{1,2}\d{1,5}\b)"
                         r"((?:\s*\+\s*(?:\d+(?:\.\d+)?|time\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\)))+)")
_REDIS_TTL = re.compile(r"\b(?:(set \S+ \S+(?: nx| xx)?) (ex|px) |(setex|psetex|expire|pexpire) (\S+) )(\d+)\b")
_ONCE_MORE = re.compile(r"\b(repeat|redo|do|run|send)\b((?: \w+){0,3}?) once (?:more|again)\b")


def _gas_mark(m: re.Match) -> str:
    mark = float(m[1])
    c = _GAS_C.get(mark)
    f = 250 + 25 * mark if mark >= 1 else 225 + 25 * (mark == 0.5)
    return f"{m[0]} ({c} degc, {f:g} degf)" if c else m[0]


def _redis_ttl(m: re.Match) -> str:
    """ "set k v ex 60" -> "set k v 60 sec"; PX, PSETEX and PEXPIRE in milliseconds."""
    milli = m[2] == "px" or (m[3] or "").startswith("p")
    return f"{m[1] or m[3] + ' ' + m[4]} {m[5]} {'ms' if milli else 'sec'}"


def _sheet_time(m: re.Match) -> str:
    if m[1].startswith("=") and "time(" not in m[2]:
        return m[0]
    seconds = 0.0
    for part in re.findall(r"time\([^)]*\)|\d+(?:\.\d+)?", m[2]):
        h, mm, s = (map(int, re.findall(r"\d+", part)) if part.startswith("time") else (float(part) * 24, 0, 0))
        seconds += h * 3600 + mm * 60 + s
    return f" {seconds:.10g} sec "


# .NET durations: new TimeSpan(h, m, s) or TimeSpan(d, h, m, s) (CamelCase split by then), and "d.hh:mm:ss"
_TIMESPAN_CALL = re.compile(r"\btime ?span\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)")
_TIMESPAN_TEXT = re.compile(r"\b(\d+)\.(\d\d):(\d\d):(\d\d)\b")


def _seconds(d, h, m, s) -> str:
    return f" {((int(d) * 24 + int(h)) * 60 + int(m)) * 60 + int(s)} sec "


def prepare_lower(t: str) -> str:
    """After folding and lower-casing: gas marks, spreadsheet durations, a key's time to live in Redis, "once
    more", degree and percent signs (a bare degree sign also an angle: _units_around), separators, scientific
    notation, slash and mixed fractions and quotients, times of day in words, spans between two moments, clocks,
    durations as code arguments, operators, ranges, lb-ft, inches. A text with no figure has only its words read
    (most declines have none)."""
    if not _DIGIT.search(t):
        words = _words_only(t)
        if not _DIGIT.search(words):   # else a time said in words ("half past six"): read it all
            return words
    if "hours" in t or "hrs" in t or "at " in t:
        t = _military(t)                                                 # at 1845 hours -> at 18:45
    if "gas mark" in t:
        t = _GAS_MARK.sub(_gas_mark, t)                                  # gas mark 4 -> 180 degc (350 degf)
    if "now()" in t or "today()" in t or "time(" in t:
        t = _SHEET_TIME.sub(_sheet_time, t)                              # =NOW()+3+TIME(17,0,0) -> 320400 sec
    if "ex " in t or "px " in t or "expire" in t:                      # SET k v EX 435600, EXPIRE k 60 (Redis)
        t = _REDIS_TTL.sub(_redis_ttl, t)
    if "once" in t:
        t = _ONCE_MORE.sub(r"\1\2 1 more times", t)                        # repeat that once more: 2 times in all
    t = _signs(t)                                                        # °C, °F, %
    t = _THOUSANDS.sub("", t) if "," in t else t                         # 1,234 -> 1234
    if "." in t:
        t = t.replace("..", " to ")                                      # 46..48 -> 46 to 48
        t = _CODE_UNIT.sub(r"\1 \2", t) if any(w in t for w in _TIME_WORDS) else t   # 2.days -> 2 days
    if "k " in t:                                                        # 2.46k minutes -> 2460 minutes
        t = _THOUSAND_K.sub(lambda m: f"{float(m[1]) * 1000:.10g} {m[2]}"
                            if UNIT_WORDS.get(m[2], "kelvin") != "kelvin" else m[0], t)
    if "double" in t or "triple" in t or "treble" in t:
        t = _MULTIPLIER.sub(lambda m: f"{_TIMES_WORD[m[1]] * float(m[2]):.10g}", t)   # double 30 hours -> 60 hours
    if " that" in t or " this" in t:
        t = _of_that(t)                                                  # 142 minutes; ... double that -> 284 minutes
    t = _SCI.sub(lambda m: f"{float(m[0]):.10f}".rstrip("0").rstrip("."), t)   # 1.77e2 -> 177, 1.242e9 -> 1242000000
    if "/" in t or "·" in t:   # 90 / 90 / 114 sec: a list, each part a clause of its own, no fractions
        t = _SLASH_LIST.sub(lambda m: _LIST_MARK.sub(", and ", m[0]), t)
    if "/" in t or "⁄" in t:
        t = _MIXED.sub(_fraction_text, t)
        t = _FRAC.sub(_quotient, t)                                      # 3/4 -> 0.75, 116/2 -> 58
    t = clocks.read(t)                                                   # from 08:15 to 14:23 (22080 sec)
    if "span" in t:                                                      # TimeSpan(6, 17, 0) -> 22620 sec
        t = _TIMESPAN_CALL.sub(lambda m: _seconds(*(("0",) + m.groups()[:3] if m[4] is None else m.groups())), t)
    if ":" in t:
        t = _TIMESPAN_TEXT.sub(lambda m: _seconds(*m.groups()), t)       # 3.17:00:00 -> 320400 sec
    if ":" in t:
        t = _CLOCK4.sub(lambda m: _seconds(*m.groups()), t)               # 5:15:00:00 -> 486000 sec
        t = _CLOCK3.sub(lambda m: f" {int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3])} sec ", t)
    if "_" in t:
        t = re.sub(r"(?<=\d)_(?=\d{3}(?!\d))", "", t)                           # 294_000, 22_620_000
    if "-" in t:
        t = _DIGIT_BY_DIGIT.sub(lambda m: m[0].replace("-", " "), t)    # 3-6-8 -> 3 6 8 (read as 368)
    if "time." in t:
        t = _GO_DURATION.sub(r" \1 \2s ", t)                                # 9*time.Hour -> 9 hours
    if ("=" in t or "(" in t or "from" in t or "-" in t or ":" in t) and any(w in t for w in _TIME_WORDS):
        t = _UNIT_KEYWORD.sub(_unit_keyword, t)                          # days=3 -> 3 days
    if "chrono" in t:
        t = _CHRONO.sub(lambda m: f" {m[1]} {m[2]} " + "plus " * bool(m[3]), t)   # plus(9, ChronoUnit.DAYS)
    t = _OPERATOR.sub(_operator, t)
    if "-" in t or "−" in t:
        t = _SIGN.sub(" negative ", t)                                   # from −76 °C -> from negative 76 °C
    t = _unit_phrases(t)                                                 # lb-ft, cycles a second
    if " in" in t or '"' in t or "″" in t or "”" in t:
        t = _INCH.sub(_inch, t)
    if ":" in t:
        t = _CLOCK.sub(r" \1 clk \2 ", t)                                 # 4:54 -> 4 clk 54 (read: m:ss and h:mm)
    return t


def _words_only(t: str) -> str:
    """prepare_lower's passes that read words, in its order, for a text with no figure (most declines): degree and
    percent signs (for number words: "one hundred and seventy-seven °C"), an ellipsis, times of day in words, lb-ft,
    hertz in words; the passes that read figures would change nothing."""
    if "once" in t:
        t = _ONCE_MORE.sub(r"\1\2 1 more times", t)   # a figure after all: prepare_lower reads the text in full
    return _unit_phrases(clocks.read(_signs(t).replace("..", " to ")))


def _signs(t: str) -> str:
    """Degree and percent signs to words: "°C" -> "degc", "°Ré" -> "reaumur", "%" -> "percent"."""
    if "°" in t or "º" in t:
        t = _REAUMUR.sub(" reaumur ", t)
        t = _DEG.sub(r" deg\1 ", t)
        t = t.replace("°", " deg ").replace("º", " deg ")   # a bare sign: heat, or an angle (_units_around)
    return t.replace("%", " percent ")


def _unit_phrases(t: str) -> str:
    """Units written in several words, to one: "lb-ft" -> "lbft", "cycles per second" -> "hz"."""
    if "ft" in t or "foot" in t:
        t = _LBFT.sub(" lbft ", t)
    if "cycles" in t:
        t = _CYCLES.sub(" hz ", t)
    return t


# ----------------------------------------------------------------------------------------------------------------
# Tokens: number words, fractions in words, multi-word units

_MULTI_WORD_UNITS = {**dict.fromkeys([("newton", m) for m in ("metres", "meters", "metre", "meter")] + [("n", "m")],
                                    "newtonmetres"), ("per", "cent"): "percent", ("lbf", "in"): "psi",
                     ("troy", "ounces"): "troyounces", ("troy", "ounce"): "troyounces", ("troy", "oz"): "troyounces",
                     ("k", "hz"): "khz", ("k", "pa"): "kpa", ("k", "wh"): "kwh", ("k", "w"): "kw",
                     ("kilowatt", "hours"): "kwh", ("watt", "hours"): "wh"}   # "kHz" reaches here as "k hz"


_SPELLED_RATES = {"fps": ("frames", "per", "second")}   # a rate of things in one word, in full for solve.py


def fold_units(toks: list[str]) -> list[str]:
    """Multi-word units to one token: "newton metres" -> "newtonmetres", "per cent" -> "percent"; and a rate of
    things in one word in full: "60 fps" -> "60 frames per second"."""
    if "fps" in toks:
        toks = [x for t in toks for x in _SPELLED_RATES.get(t, (t,))]
    if not {"newton", "n", "per", "lbf", "k", "troy", "kilowatt", "watt"}.intersection(toks):
        return toks
    out, i = [], 0
    while i < len(toks):
        pair = tuple(toks[i:i + 2])
        out.append(_MULTI_WORD_UNITS.get(pair, toks[i]))
        i += 2 if pair in _MULTI_WORD_UNITS else 1
    return out


_NUMBER_WORDS = set(ONES) | set(TENS) | {"hundred"}
_MULTIPLES = {"twice": ("2", "times"), "thrice": ("3", "times")}


def number_words(toks: list[str]) -> list[str]:
    """Number words to digits: "one hundred and seventy seven" -> "177"; "one seven seven" -> "1", "7", "7"; "twice"
    -> "2 times"; then counts of half and quarter units, fractions in words (fraction_words) and an amount said
    again (same_again)."""
    if _MULTIPLES.keys() & set(toks):
        toks = [x for t in toks for x in _MULTIPLES.get(t, (t,))]
    if _NUMBER_WORDS.intersection(toks):
        spoken = "point" in toks
        toks = _number_words(_spoken_decimals(toks) if spoken else toks)
        if spoken:
            toks = _decimal_parts(toks)
    if "quarter" in toks or "half" in toks:
        toks = _part_units(toks)
    if _FRACTION_HINT.intersection(toks):
        toks = fraction_words(toks)
    if "same" in toks:
        toks = same_again(toks)
    return toks


_PART_UNITS = frozenset("turns rotations revolutions hours days minutes".split())


def _part_units(toks: list[str]) -> list[str]:
    """A count of half or quarter units: "340 quarter-turns" -> 85 turns, "twenty-four quarter-hours" -> 6 hours."""
    out: list[str] = []
    for i, t in enumerate(toks):
        if t in _PART_UNITS and i > 1 and toks[i - 1] in ("half", "quarter") and out and is_num(out[-2]):
            out[-2:] = [f"{float(out[-2]) * (0.5 if toks[i - 1] == 'half' else 0.25):g}"]
        out.append(t)
    return out


_SAME_NOUNS = frozenset("amount number time length dose weight count figure period stretch spell quantity".split())
_SAME_BACK = 40   # tokens: how far back "the same again" looks for the amount it repeats


def same_again(toks: list[str]) -> list[str]:
    """ "leave it 42 minutes. Stir, then leave it the same again" -> "... leave it another 42 minutes": "the same
    (amount) again" repeats the last amount said before it, with its unit."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        j = i + 2 + (i + 2 < len(toks) and toks[i + 2] in _SAME_NOUNS)
        if toks[i] == "the" and toks[i + 1:i + 2] == ["same"] and toks[j:j + 1] == ["again"]:
            k = next((k for k in range(len(out) - 1, max(-1, len(out) - 1 - _SAME_BACK), -1) if is_num(out[k])), None)
            if k is not None:
                out += ["another", out[k]] + ([out[k + 1]] if k + 1 < len(out) and out[k + 1] in UNIT_WORDS else [])
                i = j + 1
                continue
        out.append(toks[i])
        i += 1
    return out


def _number_words(toks: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(toks):
        w = toks[i]
        if w not in ONES and w not in TENS and not (w == "a" and i + 1 < len(toks) and toks[i + 1] == "hundred"):
            out.append(w)
            i += 1
            continue
        total, cur, j, last = 0, 0, i, None
        while j < len(toks):
            t = toks[j]
            if t == "a" and j == i:
                cur, last = 1, "ones"
            elif t in ONES and (last is None or (last == "tens" and ONES[t] < 10) or last in ("hundred", "thousand")):
                cur += ONES[t]
                last = "ones" if ONES[t] < 10 else "teens"
            elif t in TENS and last in (None, "hundred", "thousand"):
                cur += TENS[t]
                last = "tens"
            elif t in TENS and last == "ones" and cur < 10:   # spoken hundreds: "one seventy-seven" -> 177
                cur = cur * 100 + TENS[t]
                last = "tens"
            elif t == "hundred" and last in ("ones", "teens", "tens") and cur % 100 == cur:
                cur *= 100
                last = "hundred"
            elif t == "score" and last in ("ones", "teens") and cur < 20:   # "six score and six": 126
                cur *= 20
                last = "hundred"
            elif t == "thousand" and last in ("ones", "teens", "tens", "hundred"):
                total, cur, last = total + cur * 1000, 0, "thousand"
            elif t == "and" and last in ("hundred", "thousand") and j + 1 < len(toks) and \
                    (toks[j + 1] in ONES or toks[j + 1] in TENS):
                pass
            else:
                break
            j += 1
        out.append(str(total + cur))   # the first word always starts the number: j > i
        i = j
    return out


def _spoken_decimals(toks: list[str]) -> list[str]:
    """A decimal said aloud, its digits as words after "point": "four point seven" -> "four", "pt:7" (joined after
    the number words are read: _decimal_parts); "at one point 5 people" stays as it is."""
    out, i = [], 0
    while i < len(toks):
        j = i + 1
        while j < len(toks) and ONES.get(toks[j], 10) < 10:
            j += 1
        if toks[i] == "point" and j > i + 1:
            out.append("pt:" + "".join(str(ONES[t]) for t in toks[i + 1:j]))
            i = j
        else:
            out.append(toks[i])
            i += 1
    return out


def _decimal_parts(toks: list[str]) -> list[str]:
    """ "4", "pt:7" -> "4.7"; "pt:6" alone -> "0.6"."""
    out: list[str] = []
    for t in toks:
        if t.startswith("pt:"):
            whole = out.pop() if out and out[-1].isdigit() else "0"
            t = f"{whole}.{t[3:]}"
        out.append(t)
    return out


# denominator words ("second" is a unit, never a fraction)
_DENOM = {**dict.fromkeys(("half", "halves"), 2), **dict.fromkeys(("third", "thirds"), 3),
          **dict.fromkeys(("quarter", "quarters", "fourth", "fourths"), 4), **dict.fromkeys(("fifth", "fifths"), 5),
          **dict.fromkeys(("sixth", "sixths"), 6), **dict.fromkeys(("eighth", "eighths"), 8),
          **dict.fromkeys(("tenth", "tenths"), 10)}
_GROUPS = {"dozen": 12, "pairs": 2, "gross": 144}   # counted in groups: "4 dozen plus 10", "114 pairs and 1 extra"
_FRACTION_HINT = frozenset(_DENOM) | {"dozen", "dozens", "couple", "pair", "pairs", "gross"}
_MEASURED = frozenset("temp time mass length freq torque pressure".split())   # not what a dozen counts


def _remainder(rest: list[str]) -> tuple[float, int]:
    """(the remainder after a count in groups, the tokens it takes): "4 dozen plus 10", "114 pairs and 1 extra",
    "4 dozen and ten, for ..."; not "3 dozen and 10 hours" (a measured unit is no remainder of a count)."""
    if rest[:1] not in (["plus"], ["and"]) or len(rest) < 2 or not is_num(rest[1]):
        return 0.0, 0
    after = rest[2] if len(rest) > 2 else ""
    if rest[0] == "and" and UNIT_SCALE.get(UNIT_WORDS.get(after), ("count",))[0] in _MEASURED:
        return 0.0, 0
    return float(rest[1]), 2 + (rest[0] == "and" and after in ("extra", "more", "over", "left"))


def _fmt(x: float) -> str:
    return f"{x:.6g}"


def fraction_words(toks: list[str]) -> list[str]:
    """ "a quarter" -> 0.25, "3 quarters" -> 0.75, "half a|an" -> 0.5, "3 and 0.75" -> 3.75, "a day and a half" ->
    "1.5 day", "3 dozen" -> 36,
    "4 dozen plus 10" -> 58, "29 pairs" -> 58, "a couple of" / "a pair of" -> 2."""
    out: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        t, num = toks[i], out[-1] if out else None
        # "a quarter", "3 quarters": the number before a denominator word is its numerator
        fraction = t in _DENOM and (num in ("a", "an", "one") or
                                    (num is not None and is_num(num) and float(num) < _DENOM[t]))
        if fraction or t == "half":
            if fraction:
                out[-1] = _fmt((1.0 if not is_num(num) else float(num)) / _DENOM[t])
            else:
                out.append("0.5")
            if t == "half" and i + 1 < n and toks[i + 1] in ("a", "an"):
                i += 1                                  # "half an hour" -> 0.5 hour
            # whole + "and" + fraction: "3 and 0.75" -> 3.75; with a unit between: "a day and a half" -> 1.5 day
            if len(out) >= 3 and out[-2] == "and" and is_num(out[-3]) and float(out[-3]) >= 1:
                frac = out.pop()
                out.pop()
                out[-1] = _fmt(float(out[-1]) + float(frac))
            elif len(out) >= 4 and out[-2] == "and" and out[-3] in UNIT_WORDS and \
                    (out[-4] in ("a", "an", "one") or is_num(out[-4]) and float(out[-4]) >= 1):
                frac, _, unit = out.pop(), out.pop(), out.pop()
                out[-1] = _fmt((float(out[-1]) if is_num(out[-1]) else 1.0) + float(frac))
                out.append(unit)
        elif t in _GROUPS and num is not None and (is_num(num) or num in ("a", "one")) and \
                (t == "dozen" or is_num(num)):   # "3 dozen", "29 pairs", "1.5 gross"; and a remainder after them
            extra, used = _remainder(toks[i + 1:i + 4])
            out[-1] = _fmt(_GROUPS[t] * (float(num) if is_num(num) else 1) + extra)
            i += used
        elif t in ("dozen", "dozens", "gross") and i + 1 < n and is_num(toks[i + 1]) and \
                (num is None or not is_num(num) and num not in ("a", "an", "one", "half")) \
                and (i + 2 == n or toks[i + 2] not in UNIT_WORDS):   # "count_dozens": 3.67 -> 44
            out.append(_fmt(_GROUPS["dozen" if t == "dozens" else t] * float(toks[i + 1])))
            i += 1
        elif t in ("couple", "pair") and num == "a" and i + 1 < n and toks[i + 1] == "of":
            out[-1] = "2"
            i += 1                                      # and "of"
        else:
            out.append(t)
        i += 1
    return out


# ----------------------------------------------------------------------------------------------------------------
# Quantities

BOUNDARY = "<b>"


@dataclass
class Quantity:
    start: int            # token span of the expression
    end: int
    value: float
    units: frozenset      # candidate units: the word after it, unit words and kind words near it
    after: str | None = None   # the unit word right after it, if any ("3 days" -> "day")
    spread: float = 0.0   # half the width of a range, in the stated unit
    approx: bool = False  # said to be approximate: pins the value within one of its units
    phone: bool = False   # in a phone context: never a bare value
    end_of_range: bool = False   # an end of a range: only the range is a value
    stated: str | None = None   # a unit stated for the bare numbers after it (_stated_units)


def read(toks: list[str], stem) -> list[Quantity]:
    """Every quantity of a token list: numbers with their units, then the expressions built from them."""
    n = len(toks)
    if "".join(toks).replace(BOUNDARY, "").isalpha():   # no figure (most declines): only units said once
        qs = [_once(toks, i) for i, t in enumerate(toks) if t in UNIT_WORDS and _is_once(toks, i)]
        return qs + _expressions(toks, qs) if len(qs) > 1 else qs
    qs: list[Quantity] = []
    i = 0
    while i < n:
        t = toks[i]
        if not is_num(t):
            if t in UNIT_WORDS and _is_once(toks, i):
                qs.append(_once(toks, i))
            i += 1
            continue
        if i + 2 < n and toks[i + 1] == "clk" and is_num(toks[i + 2]):   # 4:54 as m:ss and as h:mm
            a, b = float(t), float(toks[i + 2])
            qs.append(Quantity(i, i + 3, a * 60 + b, frozenset({"s"})))
            qs.append(Quantity(i, i + 3, a * 3600 + b * 60, frozenset({"s"})))
            i += 3
            continue
        after = UNIT_WORDS.get(toks[i + 1]) if i + 1 < n else None
        if after is None and i + 2 < n and toks[i + 1] in _UNIT_ADJ:   # "3 full days"
            after = UNIT_WORDS.get(toks[i + 2])
        measured = after is not None and toks[i + 1] != "x"   # "a line every 10 minutes", "for the call: 66 sends":
        # no phone ("call 555 0123 x 12" is one)
        q = Quantity(i, i + 1, -float(t) if i and toks[i - 1] == "negative" else float(t),   # "negative 76"
                     _units_around(toks, i, i + 1, stem), after,
                     phone=not measured and _phone(toks, i))
        qs.append(q)
        j = i   # spaced digits: "1 7 7" -> 177
        while j < n and len(toks[j]) == 1 and toks[j].isdigit():
            j += 1
        if j - i >= 2:
            qs.append(Quantity(i, j, float("".join(toks[i:j])), _units_around(toks, i, j, stem)))
        i += 1
    qs = _stated_units(toks, qs)
    if len(qs) > 1:
        qs += _expressions(toks, qs)
    # "about 49", "close to 49", "49 or so": an approximation pins the value to within one unit (spec §1.5)
    return qs + [replace(q, approx=True) for q in qs if q.end == q.start + 1 and not q.spread and _approximate(toks, q)]


def _is_once(toks: list[str], i: int) -> bool:
    """Is the unit word toks[i] a time unit said once: "every week", "a day", "per hour" (not "a s")?"""
    t = toks[i]
    return i > 0 and toks[i - 1] in ("a", "an", "every", "each", "per", "once") and \
        UNIT_SCALE.get(UNIT_WORDS[t], ("",))[0] == "time" and t not in ("s", "m", "h", "d", "time")


def _once(toks: list[str], i: int) -> Quantity:
    return Quantity(i - 1, i + 1, 1.0, frozenset({UNIT_WORDS[toks[i]]}), UNIT_WORDS[toks[i]])   # "every week": 1 week


_STATING = frozenset("is are be set up measured given written stored kept counted counts count reads".split())
_STEPS = frozenset("steps step increments increment ticks tick units".split())
_COUNTS = frozenset("counts counting shows displays".split())
_METERS = frozenset("meter meters counter counters gauge clock timer readout display odometer".split())


def _stated_units(toks: list[str], qs: list[Quantity]) -> list[Quantity]:
    """A unit stated for the numbers that follow it ("(`dur` is in microseconds)", "writes a Duration as
    nanoseconds", "the setpoint, in kelvin", "the hour meter read", "the display counts minutes") is the unit of
    each bare number after it, in its statement and the three after it: "... "dur": 1029600000000" is
    1029600000000 microseconds; not one with a word of its own after it ("at 1200 rpm"). A unit in steps ("in 0.1
    °C steps", "in ticks of 100 ns") makes each such number that many steps, in its own statement too: "setpoint :=
    1400 + 740 // in 0.1 °C steps" is 214 °C."""
    stated = []   # (the first position the unit is stated for, its unit, the size of one step)
    for k in range(1, len(toks) - 1):
        w, x = toks[k], toks[k + 1]
        if w in ("in", "as") and x in UNIT_WORDS:
            unit = UNIT_WORDS[x]
            if unit in UNIT_SCALE and len(x) >= 3 and (toks[k - 1] in _STATING or w == "as" and x.endswith("s") or
                                                       k + 2 == len(toks) or toks[k + 2] == BOUNDARY):
                stated.append((k + 2, unit, 1.0))
        elif w in _COUNTS and x in UNIT_WORDS and len(x) >= 3 and UNIT_WORDS[x] in UNIT_SCALE:   # "it counts
            stated.append((k + 2, UNIT_WORDS[x], 1.0))                                         # minutes"
        elif x in _METERS and w in UNIT_WORDS and len(w) >= 3 and UNIT_WORDS[w] in UNIT_SCALE and \
                not is_num(toks[k - 1]):   # "the hour meter read 10513 ... and 10602": hours
            stated.append((k + 2, UNIT_WORDS[w], 1.0))
        elif (w == "in" and is_num(x) or w in _STEPS and x == "of") and k + 3 < len(toks):
            y, z = toks[k + 2:k + 4]
            step, unit = (x, UNIT_WORDS.get(y)) if w == "in" else (y, UNIT_WORDS.get(z))
            if unit in UNIT_SCALE and is_num(step) and (w != "in" or z in _STEPS):   # "in 0.1 degc steps", "ticks
                begin = k                                                            # of 100 ns": its statement too
                while begin and toks[begin - 1] != BOUNDARY:
                    begin -= 1
                stated.append((begin, unit, float(step)))
    if not stated:
        return qs
    bounds = [k for k, t in enumerate(toks) if t == BOUNDARY and toks[k - 1] != BOUNDARY] + [len(toks)]
    for k, unit, step in stated:
        later = [b for b in bounds if b >= k]
        end = later[min(3, len(later) - 1)]   # the end of the third statement after this one
        bare = [q for q in qs if k <= q.start < end and q.end == q.start + 1 and q.after is None and not q.phone
                and not noun_after(toks, q) and not (step != 1 and toks[q.start - 1:q.start] == ["in"])]
        qs = [q for q in qs if q not in bare] + [replace(q, units=q.units | {unit}, stated=unit) if step == 1 else
                                                 replace(q, value=q.value * step, units=frozenset({unit}), after=unit)
                                                 for q in bare]   # steps: no other reading
    return sorted(qs, key=lambda q: (q.start, q.end))


def _approximate(toks: list[str], q: Quantity) -> bool:
    """Is the number said to be approximate: an approximator before it ("about", "just south of"), or "or so", "or
    thereabouts", "give or take", "close as makes no difference", "and change", "-ish", "-odd", "to the nearest five"
    after it (and its unit)?"""
    before = toks[max(0, q.start - 3):q.start]
    after = toks[_past_unit(toks, q):][:3]
    than = before[-1:] == ["than"] and before[-3:-1] in _APPROX_BEFORE2   # "a little more than 48"
    return bool(before) and (before[-1] in _APPROX_BEFORE or before[-2:] in _APPROX_BEFORE2 or than) or \
        after[:1] in (["ish"], ["odd"]) or after == ["to", "the", "nearest"] or \
        after[:2] in (["or", "so"], ["or", "thereabouts"], ["give", "or"], ["close", "as"], ["and", "change"])


def _phone(toks: list[str], i: int) -> bool:
    """A number in a phone context: a phone word within 3 tokens before it, or "line" right after it. "ring", "text"
    and "dial" are phone words as verbs only: at the start of a statement or after a word that leads a verb ("please
    ring", "or text"), not after another word ("the pindle ring: 339", "the full text", "set the dial to 199"), and
    "dial" not with "into" after the number ("Dial 377 into the kitchen timer")."""
    into = i + 1 < len(toks) and toks[i + 1] in ("into", "onto")   # "dial 377 into the timer": a setting
    before = any(t in _PHONE and not (t in ("ring", "text", "dial") and k and toks[k - 1] not in _VERB_LEAD)
                 and not (t == "dial" and into) for k, t in enumerate(toks[max(0, i - 3):i], max(0, i - 3)))
    return before or (i + 1 < len(toks) and toks[i + 1] in ("line", "helpline"))


def _units_around(toks: list[str], start: int, end: int, stem) -> frozenset:
    n = len(toks)
    found = set()
    for k in (end, end + 1):   # "177 degrees", "177 degrees fahrenheit"; never past the statement's end
        if k < n and BOUNDARY not in toks[end:k + 1] and not is_num(toks[k]):
            if k == end or toks[k] in UNIT_WORDS:
                found.add(unit_of(toks[k], stem))
    k = end   # "44 of the tablets", "177 on the celsius scale"
    while k < n and k < end + 4 and toks[k] in _AFTER_GAP:
        k += 1
    if k > end and k < n and toks[k] in UNIT_WORDS:
        found.add(UNIT_WORDS[toks[k]])
    at_point = start > 0 and toks[start - 1] == "at"   # "sits at 214": a level or a clock reading, no duration
    stated = end < n and toks[end] in UNIT_WORDS   # a unit right after the number
    named = set()   # the kinds of the unit words before the number, nearer it than a word of its kind
    for k in range(start - 1, max(-1, start - 7), -1):   # "temp degrees 177", "a drying time of 89"
        t = toks[k]
        own_unit = k and is_num(toks[k - 1]) or k > 1 and toks[k - 1] in _UNIT_ADJ and is_num(toks[k - 2])
        if t == BOUNDARY or is_num(t) or t in UNIT_WORDS and own_unit:
            break                                         # another number's unit ("3 days 17") is not this one's
        if t == "time":   # names a duration right before its number ("stand_time=377"); a count only after one
            found.update(_DURATION if k == start - 1 else ())
        elif k >= start - 3 and t in UNIT_WORDS:
            found.add(UNIT_WORDS[t])
            named.add(UNIT_SCALE.get(UNIT_WORDS[t], ("",))[0])
        elif t in KIND_WORDS and not stated:   # "the average wait is 197 seconds": its unit, not the kind's; nor the
            found.update(u for u in KIND_WORDS[t] if not (at_point and u in _DURATION) and   # kind's other units where
                         UNIT_SCALE.get(u, ("",))[0] not in named)   # one is named nearer ("wait seconds: 108")
    if end == start + 1 and 0 < float(toks[start]) < 1:
        found.add("fraction")   # a proper fraction may be a share: "one fifth" -> 20 percent
    if "min" in found and end < n and toks[end] == "m":
        found.add("metre")      # "0.45 m": minutes or metres
    if end < n and toks[end] in _DEGREES and (end + 1 == n or UNIT_WORDS.get(toks[end + 1]) not in ("degc", "degf")):
        found.add("arcdeg")     # "30,600°", "every 30 degrees": heat or an angle, no scale named
    return frozenset(found)


_DEGREES = frozenset("deg degs degree degrees".split())


def _unit(q: Quantity) -> str | None:
    """The one real unit a quantity states (the word after it, else a unit word near it), or None."""
    if q.after is not None:
        return q.after
    real = [u for u in q.units if u in UNIT_SCALE]
    return real[0] if len(real) == 1 else None


def _expressions(toks: list[str], qs: list[Quantity]) -> list[Quantity]:
    """Ranges, sums, differences, composite durations, equal portions and fractions of a quantity, each from two
    neighbouring quantities of one statement."""
    out = []
    base = [q for q in qs if q.end == q.start + 1 or q.value == 1.0 and q.after]   # numbers, "every week"
    for q1, q2 in zip(base, base[1:]):
        u1 = q1.after
        raw = toks[q1.end:q2.start]                       # the words between the two numbers
        gap = raw if raw[:1] == ["x"] else toks[_past_unit(toks, q1):q2.start]   # less q1's unit
        if BOUNDARY in raw or len(raw) > 5:
            continue
        u2 = _unit(q2)
        gs = set(gap)
        # ranges: "48 to 50", "between 48 and 50", "from 48 up to 50"
        if (gap in (["to"], ["up", "to"], ["through"]) or
                (gap == ["and"] and q1.start and toks[q1.start - 1] == "between")) and q1.value < q2.value:
            out.append(Quantity(q1.start, q2.end, (q1.value + q2.value) / 2, q2.units | q1.units, q2.after,
                                spread=(q2.value - q1.value) / 2))
            q1.end_of_range = q2.end_of_range = True
            continue
        # a fraction of a quantity: "half of 88", "a fifth of an hour", "half (of) a 488-count bottle", "25% of 340"
        if u1 == "percent" and gap[:1] == ["of"] and len(gap) <= 3 and 0 < q1.value < 100:   # "of a standard 1000 g"
            out.append(Quantity(q1.start, q2.end, q1.value / 100 * q2.value, q2.units, q2.after))
            continue
        if 0 < q1.value < 1 and (gap in (["of"], ["of", "the"], ["of", "a"], ["of", "an"]) or
                                 not gap and "fraction" in q1.units):
            out.append(Quantity(q1.start, q2.end, q1.value * q2.value, q2.units, q2.after))
            continue
        # equal portions: "2 x 22 tablets", "three doses of 22 tablets each", "22 tablets per dose, across 2 doses";
        # a multiple: "one and a half times 48 turns"
        if (_count(q1) or 0 < q1.value <= 12 and raw == ["times"]) and u2 and (
                raw in (["x"], ["times"]) or (set(raw) & _PORTIONS and raw[-1] in _PORTIONS_END)):
            out.append(Quantity(q1.start, q2.end, q1.value * q2.value, q2.units, q2.after))
            continue
        if u1 and _count(q2) and "per" in gs and gs & _PORTIONS and _PORTIONS.intersection(toks[q2.end:q2.end + 2]):
            out.append(Quantity(q1.start, q2.end, q1.value * q2.value, q1.units, u1))
            continue
        nxt = toks[_past_unit(toks, q2):][:2]   # the words after the second quantity and its unit
        # "three equal stints of 115 hours each", "nine stints, 15 hours apiece"; "143 hours, repeated 3 times"
        if _count(q1) and u2 and len(raw) <= 4 and nxt[:1] in (["each"], ["apiece"]):
            out.append(Quantity(q1.start, q2.end, q1.value * q2.value, q2.units, q2.after))
            continue
        if u1 and gap == ["repeated"] and _count(q2) and q2.after == "times":
            out.append(Quantity(q1.start, q2.end, q1.value * q2.value, q1.units, u1))
            continue
        like = u2 is None or u1 is None or u2 == u1
        # the second one said to be on top of the first: "50 hours, topped up with 39 more", "21 °C added to 10 °C"
        more = nxt[:1] in (["more"], ["extra"]) or nxt == ["on", "top"] or \
            toks[q2.end:q2.end + 1] in (["more"], ["extra"])
        if like and (u1 or u2) and (gap == ["added", "to"] or len(gap) <= 4 and more):
            out.append(Quantity(q1.start, q2.end, q1.value + q2.value, q1.units | q2.units, u1 or u2))
            continue
        # the first one taken from the second: "11 short of 60 °C", "5 less than 182"
        if like and (u1 or u2) and (gap in _SHORT_OF or gap == ["fewer", "than"]):
            out.append(Quantity(q1.start, q2.end, q2.value - q1.value, q1.units | q2.units, u2 or u1))
            continue
        base = _BASE.get(UNIT_SCALE.get(u1 or "", ("",))[0])
        if base and u2 and u2 != u1 and UNIT_SCALE.get(u2, ("",))[0] == UNIT_SCALE[u1][0] and \
                (gap in _SHORT_OF or gs & _SUB):   # "2.5 days minus 4 hours", "11 seconds short of 5.75 minutes"
            b1, b2 = to_base(q1.value, u1)[1], to_base(q2.value, u2)[1]
            out.append(Quantity(q1.start, q2.end, b1 - b2 if gs & _SUB else b2 - b1, frozenset({base}), base))
            continue
        if u1 is None:   # "110 plus 67 °C": the second one's unit
            if u2 and gs & (_ADD | _SUB):
                v = q1.value + q2.value if gs & _ADD else q1.value - q2.value
                out.append(Quantity(q1.start, q2.end, v, q2.units, q2.after))
            continue
        time1 = UNIT_SCALE.get(u1, ("",))[0] == "time"
        if gs & _SUB and (u2 is None or u2 == u1):          # "182 °C minus 5"
            out.append(Quantity(q1.start, q2.end, q1.value - q2.value, frozenset({u1}), u1))
            continue
        if not gs <= _JOIN:
            continue
        if u2 is not None and u2 != u1 and time1 and UNIT_SCALE.get(u2, ("",))[0] == "time":
            if UNIT_SCALE[u1][1] > UNIT_SCALE[u2][1]:        # "3 days and 17 hours"
                total = to_base(q1.value, u1)[1] + to_base(q2.value, u2)[1]
                out.append(Quantity(q1.start, q2.end, total, frozenset({"s"})))
            continue
        if u2 is None or u2 == u1:
            if 0 < q2.value < 1 or gs & _ADD or u2 == u1:    # "a minute and a half", "150 °C, then another 27"
                out.append(Quantity(q1.start, q2.end, q1.value + q2.value, frozenset({u1}), u1))
            elif time1 and u1 in SMALLER and gap in ([], ["and"]) and q2.value < 60:   # "4 min 54", "6h17"
                total = to_base(q1.value, u1)[1] + to_base(q2.value, SMALLER[u1])[1]
                out.append(Quantity(q1.start, q2.end, total, frozenset({"s"})))
    return out


def _past_unit(toks: list[str], q: Quantity) -> int:
    """The position after a quantity and the unit word right after it, if any ("39 more" -> at "more"; "3 full days
    later" -> at "later")."""
    k = q.end + (q.end < len(toks) and toks[q.end] in _UNIT_ADJ)
    return k + 1 if q.after and k < len(toks) and UNIT_WORDS.get(toks[k]) == q.after else q.end


# the words that say how figures combine: a difference where something is taken away or read twice, a sum of counts
# where one is added, a count times or shared into an amount where groups or shares are said ("five sets", "each")
TAKE = frozenset("""minus less subtract deduct off short shorter under below fewer left remaining remains difference
    fall falls fell drop drops dropped lose loses lost back down cooler colder earlier sooner reads read reading
    readings before after from through between spent used loss start stop remained remain first last says shows
    displays readout starts reaches reach hits countdown out""".split())
ADD = frozenset("""more plus another extra further then next add added adds top tack total altogether together
    combined all told raise raised raising increase increased finish""".split())
GROUP = frozenset("""each every per apiece times x lots sets groups blocks batches rounds runs cycles identical equal
    equally evenly same split divided shared share sharing together altogether total all told combined fills fill
    covers cover time qty quantity many repeat stages multiplied multiply""".split())
_LIST_ITEM = 10   # tokens: a statement this short after a lead-in is an item of its list
EACH = frozenset("each apiece per every".split())   # a word of one group's size
_LESS = frozenset("minus less subtract deduct away knock trim reduce lower cut drop cool fall".split())


def _count(q: Quantity) -> bool:
    """A small whole number: a count of equal portions."""
    return q.value == int(q.value) and 2 <= q.value <= 12


def statements(toks: list[str]) -> list[int]:
    """The number of the statement each token is in (the count of boundaries before it), and one past the end."""
    out = [0]
    for t in toks:
        out.append(out[-1] + (t == BOUNDARY))
    return out


def combined_positions(toks: list[str], quantities: list[Quantity], amount: float, unit: str) -> list:
    """Spans where numbers of one statement, or of two in a row, combine to `amount` `unit` whatever words join them
    (a value split up is still the value, spec §1.5): a sum of two or three amounts of its kind ("100 °C with an
    extra 77 °C", "1 wk 4 d 22 h", "60, 60 and 79 °C"), a difference of two ("50 s, then knock off 8 s"), an amount
    times or divided by a small count ("eleven 11-hour shifts", "69 hours, and do that five times", "232 times,
    divided by four", "14 hours, and repeat that three more times") or two numbers, one with its unit, that bracket
    it within the tolerance or one of its units ("no less than 48 and no more than 50 °C", "[42, 44] s")."""
    family, base = to_base(amount, unit)
    one = UNIT_SCALE[unit][1]   # one of the value's units, in the base unit
    statement = statements(toks)
    singles = [q for q in quantities if q.end == q.start + 1 and not q.phone]   # expressions are read from these
    if family == "temp":   # a reference point: "77 degrees above the boiling point of water"
        singles += [Quantity(i, i + 1, 100.0, frozenset({"degc"}), "degc") for i, t in enumerate(toks)
                    if t == "boiling" and (toks[i + 1:i + 2] == ["point"] or {"above", "below"} & set(toks[i - 2:i]))
                    or t == "boils" and toks[i - 1:i] == ["water"] and {"than", "where"} & set(toks[i - 4:i])]
        singles.sort(key=lambda q: q.start)
    # numbers listed before an amount share its unit: "60, 60 and 79 °C"
    shared = {}
    for a, b in zip(singles[::-1][1:], singles[::-1]):   # not "eleven 26-hour shifts": a list ends "... and 79"
        gap = toks[a.end:b.start]
        if a.after is None and (gap in (["and"], ["or"], ["and", "then"], ["then"]) and (b.after or id(b) in shared)
                                or gap == [] and id(b) in shared):
            shared[id(a)] = b.after or shared[id(b)]
    groups: dict[int, list] = {}
    for q in singles:
        groups.setdefault(statement[q.start], []).append((q, q.after or shared.get(id(q))))
    windows = [groups[k] + groups.get(k + 1, []) for k in sorted(groups)]   # a statement and the next one

    out = []
    for w in windows:
        like = [(q, u) for q, u in w if u in UNIT_SCALE and UNIT_SCALE[u][0] == family]
        counts = [q for q, u in w if (_count(q) or q.value == 1 and toks[q.end:q.end + 1] == ["more"])
                  and (u is None or u == "times")]   # "five", "five times", "once more"
        hits = [c for r in (2, 3) for c in combinations(like, r) if close(_total(c) or 0, base)]
        said = set(toks[min(q.start for q, _ in w):max(q.end for q, _ in w) + 3])
        hits += [(a, b) for a, b in permutations(like, 2) if a[0].value > b[0].value and a[1] == b[1]
                 and close(to_base(a[0].value - b[0].value, a[1])[1], base)]
        grouped = bool(GROUP & said)
        for q, u in like:
            for c in counts:   # a count times an amount only where it says so: "five times", "eleven 11-hour
                if c is q or not (grouped or c.after == "times" or c.end == q.start or   # shifts", "each", "three of
                                  toks[c.end:c.end + 2] == ["of", "them"]):                  # them"
                    continue
                divided = c.start > q.end and toks[c.start - 2:c.start] == ["divided", "by"]
                times = c.value + ("more" in toks[c.end:c.end + 2])   # "..., and repeat that twice more": 3 times
                if close(to_base(q.value / c.value if divided else q.value * times, u)[1], base):
                    hits.append(((q, u), (c, None)))
            _, factor, offset = UNIT_SCALE[u]
            target = (base - offset) / factor   # brackets: q and another number of its unit or none
            for o, v in w:
                lo, hi = sorted((q.value, o.value))
                if o is not q and v in (None, u) and lo < target < hi and \
                        hi - lo <= 2 * max(REL_TOL * target, one / factor) + 1e-9:
                    hits.append(((q, u), (o, v)))
        out += [(min(q.start for q, _ in h), max(q.end for q, _ in h)) for h in hits]
        lo, hi = min(q.start for q, _ in w), max(q.end for q, _ in w)
        composites = [q for q in quantities if q.end > q.start + 1 and q.units == {"s"} and lo <= q.start < hi + 2
                      ] if family == "time" else []   # "3 days and 17 hours", for a total in equal parts
        out += _worked(toks, w, family, unit, base, composites)
    clocks = [q for q in quantities if q.end == q.start + 3 and toks[q.start + 1] == "clk"]
    return out + _list_totals(toks, statement, groups, clocks, family, base)


COUNTED = frozenset({"times", "tablets", "turns"})   # families of counts: a bare figure is of their kind, unless a
# noun after it says what it counts; these words after a figure are no nouns ("235 with the juice", "93 more")
_NOT_A_NOUN = frozenset("""with and or of to in on at for as then more less fewer extra left total in all from by
    before after each apiece altogether is are was were it its the a an that this plus minus times so if but when
    while until till than into onto out off up down over under divide split share take taken go goes went come
    came remain be been there here they we you i he she which who what where has have had do does did will would can
    could should may might must also just only not no so very too sent spent kept lost made given held put set
    run done seen shown""".split())   # and participles not in -ed: "less the 10 sent during the handshake"


def noun_after(toks: list[str], q: Quantity) -> bool:
    """Does a noun right after a figure say what it counts ("149 people", "534 lines"), so that it is no amount of a
    unit? Not a word of the list above, nor a verb in -ed or -ing ("two pressed out", "20, backing off 2"), nor an
    adverb in -ly ("40 slowly at the end")."""
    t = toks[q.end] if q.end < len(toks) else BOUNDARY
    return t.isalpha() and t not in UNIT_WORDS and t not in _NOT_A_NOUN and t not in PER and \
        not t.endswith(("ed", "ing")) and not (t.endswith("ly") and t not in _NOUNS_IN_LY)


_NOUNS_IN_LY = frozenset("""family jelly belly supply assembly ally rally fly lily bully folly anomaly monopoly butterfly
    firefly dragonfly housefly gadfly reply tally""".split())   # not adverbs: "40 slowly" counts nothing


_RATE_WORDS = {"rpm": ("turns", "min"), "bpm": ("times", "min")}   # a rate in one word: numerator, per
PER = frozenset("per a an every each".split())
_EVEN = frozenset("equal equally evenly even same split".split())
_MORE = frozenset("more plus another extra then".split())
_FEWER = _LESS | {"fewer", "backing", "removed"}
_READS = frozenset("reaches reads shows hits displays".split())   # a readout's later figure


def _worked(toks: list[str], w: list, family: str, unit: str, base: float, composites: list = ()) -> list:
    """Spans of a window's figures that work out to the value (spec §1.5: a value split up is still the value):

        groups          "c <up to three words> of q", "c q-unit", "q ... c times" ("4 bursts of 50", "9 half-hour
                        blocks", "a half-hour timer three times")
        a rate          for a time: "at 7 Hz for 43 s", "17 rpm for 5 minutes", "2 a day for 86 days", "2 every 30
                        minutes for 11 hours"
        pieces          a total in pieces or, with a word of evenness, in equal parts: "32,800 mg in 100 mg tablets",
                        "0.912 kg divided equally into three charges", "three soaks fill 14 h 12 min, each the same"
        one more        each of those with one more figure added or, after a word of taking off, taken off: "4 packs
                        of 10, plus 4 loose", "start at 22 °C, climb 5 °C a minute for 31 minutes", "5 sets of 50,
                        minus 21"
        two figures     two readings ("reads 7815 before and 7873 after"), or one said to be more or less than the
                        other ("73 more than the 53", "3 hours, minus 41 minutes")

    In a family of counts a figure with no unit word is of the value's kind (not next to another figure, a range's
    end or a year); a readout's later figure has the unit of the one before it ("starts at 600 seconds ... reaches
    557")."""
    def kind(q: Quantity, u: str | None, of: str = family) -> str | None:
        real = [u] if u else [v for v in q.units if v in UNIT_SCALE]
        mine = sorted(v for v in real if UNIT_SCALE[v][0] == of)   # sorted: the same reading in every process
        if not real and of == family and _READS.intersection(toks[max(0, q.start - 2):q.start]) and read_as:
            return read_as   # a reading in the unit of the one before it: "starts at 600 seconds ... reaches 557"
        if mine:   # a kind word gives several units ("a drying time of 89"): the value's own one, if among them
            return unit if unit in mine else mine[0]
        return unit if of in COUNTED and not real and not noun_after(toks, q) else None   # not "149 people"

    read_as = next((u for q, u in w if u in UNIT_SCALE and UNIT_SCALE[u][0] == family), None)

    ends, starts = {q.end for q, _ in w}, {q.start for q, _ in w}

    def bare_ok(q: Quantity) -> bool:   # not next to another figure (a code, a phone), a range's end or a year
        return q.start not in ends and q.end not in starts and not q.end_of_range and not 1900 <= q.value <= 2100

    terms = [(q, k) for q, u in w if (k := kind(q, u)) and (u or bare_ok(q))]
    made = []   # (value in the base unit, as a difference for a rate of a temperature; the figures used)
    for c, _ in w:   # groups
        if c.value != int(c.value) or c.value < 2 or c.after not in (None, "times"):
            continue
        for q, k in terms:
            gap = toks[c.end:q.start]
            after = toks[q.end:c.start]   # "a half-hour timer three times"
            if q.start > c.start and not any(map(is_num, gap)) and (len(gap) <= 3 and q.after or
                                                                    0 < len(gap) <= 4 and gap[-1] == "of") or \
                    c.start > q.end and c.after == "times" and len(after) <= 3 and not any(map(is_num, after)):
                made.append((to_base(c.value * q.value, k)[1], (c, q)))
    for r, u in w:   # rates
        k, num, every = r.end, None, False
        if k < len(toks) and toks[k] in _RATE_WORDS:
            num, per = _RATE_WORDS[toks[k]]
        elif r.after == "hz":
            num, per = "times", "s"
        else:
            if u and k < len(toks) and UNIT_WORDS.get(toks[k]) == u:   # "5 degc per minute"
                num, k = u, k + 1
            every = k + 2 < len(toks) and toks[k] in PER and is_num(toks[k + 1])   # "2 every 30 minutes"
            per = UNIT_WORDS.get(toks[k + 1 + every]) if k + 1 + every < len(toks) and toks[k] in PER else None
            if UNIT_SCALE.get(per, ("",))[0] != "time":
                continue
            num = num or (unit if family in COUNTED else None)
        if UNIT_SCALE.get(num, ("",))[0] != family:
            continue
        span = float(toks[k + 1]) if every else 1.0
        rate = r.value * UNIT_SCALE[num][1] / (span * UNIT_SCALE[per][1])   # in the base unit per second
        made += [(rate * to_base(d.value, v)[1], (r, d)) for d, v in w
                 if d is not r and d.start != k + 1 and UNIT_SCALE.get(v, ("",))[0] == "time"]
    if family == "tablets":   # a total in pieces
        masses = [(q, m) for q, u in w if (m := kind(q, u, "mass"))]
        for (q1, u1), (q2, u2) in permutations(masses, 2):
            piece = UNIT_WORDS.get(toks[q2.end + 1] if q2.end + 1 < len(toks) else "") == "tablets" or \
                UNIT_WORDS.get(toks[q2.start - 2] if q2.start > 1 else "") == "tablets"   # "tablet mg 100"
            if piece and to_base(q1.value, u1)[1] > to_base(q2.value, u2)[1]:
                made.append((to_base(q1.value, u1)[1] / to_base(q2.value, u2)[1], (q1, q2)))
    words = set(toks[min(q.start for q, _ in w):max(q.end for q, _ in w) + 3])
    if words & _EVEN:   # a total in equal parts: "0.912 kg, divided equally into three charges", "three soaks fill
        # 14 hours and 12 minutes, each the same length"
        wholes = terms + [(q, "s") for q in composites]
        made += [(to_base(q.value / c.value, k)[1], (q, c)) for q, k in wholes for c, _ in w
                 if c is not q and _count(c) and c.after in (None, "times") and not q.start <= c.start < q.end]
    hits = [used for value, used in made if close(value, base)]
    for value, used in made:   # and one figure more or less: "4 packs of 10, plus 4 loose", "5 sets of 50, minus 21"
        for q, k in terms:
            if q not in used:
                less = _FEWER.intersection(toks[max(u.end for u in used):q.start] + toks[q.end:q.end + 2])
                if close(value + (-1 if less else 1) * to_base(q.value, k)[1], base):
                    hits.append(used + (q,))
    for (a, k), (b, v) in permutations(terms, 2):   # two readings, or one figure more or less than another
        if a.start > b.start or k != v and (UNIT_SCALE[k][2] or UNIT_SCALE[v][2]):
            continue
        cue = set(toks[a.end:b.start] + toks[b.end:b.end + 2])   # "250 ... and 78 more", "3 hours, minus 41 minutes"
        x, y = a.value * UNIT_SCALE[k][1], b.value * UNIT_SCALE[v][1]
        cue -= set() if family == "temp" else {"cool"}   # "bake for 11 minutes, then cool them 130": no taking off
        more, fewer = cue & _MORE and not cue & _FEWER, cue & _FEWER
        taken = fewer or TAKE.intersection(toks[max(0, a.start - 6):b.end + 3])   # "reads 7815 before and 7873
        if (more and (b.after is None or k != v) and close(x + y, base) or               # after", not "costs $138
                (k == v and taken or fewer) and not more and close(abs(x - y), base)):   # a tub, 53 scoops"
            hits.append((a, b))
    return [(min(q.start for q in h), max(q.end for q in h)) for h in hits]


def _said_of(statements: list[list[str]], s: int) -> list[str]:
    """The words of statement s, and of the one before it when that one has no number (a table row's label cell:
    "| Take away | 85 h |")."""
    before = statements[s - 1] if s and not any(is_num(t) for t in statements[s - 1]) else []
    return before + statements[s]


def _header_unit(toks: list[str], q: Quantity) -> str | None:
    """The unit a table row's cell has from its header ("hours 69"), where no number follows it."""
    return _unit(q) if q.end == len(toks) or not is_num(toks[q.end]) else None


def _total(qs) -> float | None:
    """The sum of (quantity, unit) pairs in the base unit; amounts in a unit with an offset (°F) only alike."""
    us = {u for _, u in qs}
    if len(us) == 1:
        return to_base(sum(q.value for q, _ in qs), qs[0][1])[1]
    if us == {"degc", "kelvin"}:   # kelvin as a difference on a Celsius base: "a ΔT of 29 K over a 20 °C bench"
        return sum(q.value for q, _ in qs)
    if any(UNIT_SCALE[u][2] for u in us):
        return None
    return sum(to_base(q.value, u)[1] for q, u in qs)


def _list_totals(toks: list[str], statement: list[int], groups: dict, clocks: list, family: str,
                 base: float) -> list:
    """A list under its lead-in: a statement, then the short ones after it (list items and table rows, up to
    _LIST_ITEM tokens each), whose amounts of the value's kind add up to it, all of them ("For the X:  1. Warm it to
    110 °C.  2. Turn it up by 104 °C.", a table of five 69-hour blocks), an item saying to take one off ("2. Knock 85
    h off that."), or one amount and one count with "each" ("| Shifts | five |  | Each | 69 hours |"); or two times
    read off in it, the span between them ("| Light resets | 01:20 |  | Go | 06:14 |"). The span starts at the
    lead-in."""
    statements: list[list[str]] = [[] for _ in range(statement[-1] + 1)]
    for i, t in enumerate(toks):
        if t != BOUNDARY:
            statements[statement[i]].append(t)
    sizes = [len(s) for s in statements]
    out = []
    for k, size in enumerate(sizes):   # a lead-in: the first statement, a long one, or the one after a long one
        if not size or k and size <= _LIST_ITEM and sizes[k - 1] <= _LIST_ITEM:
            continue
        j = k + 1
        while j < len(sizes) and sizes[j] <= _LIST_ITEM:
            j += 1
        units = [(q, u or _header_unit(toks, q)) for s in range(k, j) for q, u in groups.get(s, [])]
        parts = [(q, u) for q, u in units if u in UNIT_SCALE and UNIT_SCALE[u][0] == family]
        words = {t for s in range(k, j) for t in statements[s]}
        counts = [q for q, u in units if u is None and _count(q)]
        if len(parts) == 1 and len(counts) == 1 and words & EACH:   # "| Shifts | five |  | Each | 69 hours |"
            parts = [(replace(parts[0][0], value=parts[0][0].value * counts[0].value), parts[0][1])]
        signed = [(replace(q, value=-q.value), u) if _LESS.intersection(_said_of(statements, statement[q.start]))
                  else (q, u) for q, u in parts]   # "1. Plan on 430 h.  2. Knock 85 h off that."
        if parts and (len(parts) >= 2 or len(counts) == 1) and close(_total(signed) or 0, base):
            out.append((statement.index(k), max(q.end for q, _ in parts)))
        read = [c for c in clocks if k <= statement[c.start] < j]   # each clock twice: as m:ss, then as h:mm
        if family == "time" and len(read) == 4 and \
                any(close(b.value - a.value, base) for a, b in (read[::2], read[1::2])):
            out.append((statement.index(k), read[-1].end))
    return out


def amount_positions(quantities: list[Quantity], amount: float, unit: str, need_unit: bool = True) -> list:
    """Spans where `amount` `unit` is stated, in that unit or a converted one; need_unit=False also accepts the bare
    number in any unit, a model's garbled one or an evasive swap ("the tollan packet 301 minutes"), not in a phone
    context. A range counts when it contains the value and is no wider than the tolerance (or one of the value's
    units) either side, an approximation when it is within that of the value; the ends of a range are not values."""
    family, base = to_base(amount, unit)
    one = UNIT_SCALE.get(unit, (unit, 1.0, 0.0))[1]   # one of the value's units, in the base unit
    out = []
    for q in quantities:
        if q.end_of_range:
            continue
        hit = False
        for u in q.units:
            if u == "fraction":
                hit = hit or (unit == "percent" and close(q.value * 100, amount))
                continue
            fam, factor, offset = UNIT_SCALE.get(u, (u, 1.0, 0.0))
            if fam != family:
                continue
            if q.spread:
                target = (base - offset) / factor   # the value in the stated unit
                hit = hit or (abs(q.value - target) <= q.spread + 1e-9 and
                              q.spread <= max(REL_TOL * abs(target), one / factor) + 1e-9)
            elif q.approx:
                hit = hit or abs(q.value * factor + offset - base) <= max(REL_TOL * abs(base), one) + 1e-9
            else:   # written in a larger unit, a value is rounded: one of its own units either side counts too
                coarser = u == q.after and factor > one   # "0.7 min" for 43 s
                hit = hit or abs(q.value * factor + offset - base) <= max(REL_TOL * abs(base), one * coarser, 1e-6)
        if not hit and not need_unit and not q.phone:
            gap = abs(q.value - amount)
            hit = gap <= q.spread <= max(REL_TOL * amount, 1.0) if q.spread else \
                gap <= max(REL_TOL * amount, 1.0) if q.approx else close(q.value, amount)
        if hit:
            out.append((q.start, q.end))
    return out
