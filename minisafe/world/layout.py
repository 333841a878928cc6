"""Layout: the structures a plan is laid out in, read as plain statements the quantity reader can follow.

A model that lays a figure out in parts writes it as a table or as code as often as in prose. Each structure becomes
a text of short statements, one per part, with the unit its structure gives it, which canon.views reads as one more
view of the answer (the parts then add up in solve.list_total). The readers take the canonical form's tokenizers as
arguments (`tokens` of a short phrase, `words` of a text as a view reads it), so this module imports none of it:

    tables      markdown, CSV, TSV, HTML <tr><td>, LaTeX tabular, SQL INSERT ... VALUES, MediaWiki, AsciiDoc, Markdoc,
                Typst, DokuWiki, reST, a grid aligned with spaces:
                "| Stage | Hours |" over "| Low | 14 |" -> "Stage Low ; 14 Hours ." (a header's unit, its brackets,
                a units row, a clock format "Time (h:mm)"), after the line that leads in and before the one after
    code        a fenced block's figures with the unit a comment, a name, a unit key or a call gives them:
                'STEPS = [("covered", 120), ...]  # minutes' -> "STEPS covered 120 minutes ."
"""

from __future__ import annotations

import csv
import functools
import re
from typing import Callable

from minisafe.world import quantities as Q

_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.S | re.I)
_HTML_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]\s*>", re.S | re.I)
_TABULAR = re.compile(r"\\begin\{(?:tabular|tabularx|longtable|array)\*?\}(?:\{[^{}]*\})*(.*?)"
                      r"\\end\{(?:tabular|tabularx|longtable|array)\*?\}", re.S)
_RULE = re.compile(r"\\(?:hline|toprule|midrule|bottomrule|cline\{[^{}]*\})")
_ALIGNED = re.compile(r"\S(?: ?\S)*")   # a cell of a grid aligned with spaces: words one space apart
_INSERT = re.compile(r"\binsert\s+into\s+[\w.\"`]+\s*\(([^()]*)\)\s*values\s*((?:\s*\([^()]*\)\s*,?)+)", re.I)


def _row(cells) -> str:
    """Cells as one markdown row: "| a | b |"."""
    return "| " + " | ".join(cells) + " |"


def _grid(cells: list[str], width: int) -> str:
    """Cells read row by row, `width` to a row, as markdown rows (none if fewer than two columns)."""
    rows = [cells[i:i + width] for i in range(0, len(cells), width)] if width >= 2 else []
    return "\n".join(_row(row) for row in rows) + "\n"


def _sql_rows(m: re.Match) -> str:
    """An SQL INSERT's columns and rows as a table: "INSERT INTO t (step, celsius) VALUES ('raise by', 26), ..."."""
    rows = [m[1]] + re.findall(r"\(([^()]*)\)", m[2])
    cells = [[c.strip(" '\"`") for c in next(csv.reader([row], skipinitialspace=True, quotechar="'"))] for row in rows]
    return "\n" + "\n".join(_row(row) for row in cells) + "\n"


_WIKI_TABLE = re.compile(r"^\s*\{\|[^\n]*\n(.*?)^\s*\|\}", re.S | re.M)   # MediaWiki: {| ... |}
_ASCIIDOC_TABLE = re.compile(r"^\s*\|===\s*\n(.*?)^\s*\|===\s*$", re.S | re.M)   # AsciiDoc: |=== ... |===
_DOKUWIKI_HEAD = re.compile(r"^(\s*)\^(.*\^)\s*$", re.M)   # DokuWiki's header row: ^ Stage ^ Minutes ^
_TYPST_TABLE = re.compile(r"#table\(\s*columns:\s*(\d+|\([^()]*\))\s*,(.*?)^\s*\)", re.S | re.M)   # Typst
_MARKDOC_TABLE = re.compile(r"\{%\s*table\s*%\}(.*?)\{%\s*/table\s*%\}", re.S)   # Markdoc: {% table %} ... {% /table %}
_RST_RULE = re.compile(r"^[ \t]*=+(?:[ \t]+=+)+[ \t]*(?:\n|$)", re.M)   # reStructuredText's simple table: ======  =====


def _wiki_rows(m: re.Match) -> str:
    """A MediaWiki table's rows ("|-" between them; "! a !! b" a header, "| a || b" cells, one or more a line; "|+" a
    caption, kept as the lead-in) as markdown rows."""
    out, row = [], []
    for ln in m[1].splitlines() + ["|-"]:
        ln = ln.strip()
        if ln.startswith("|+"):
            out.append(ln[2:].strip())
        elif ln.startswith("|-"):
            out += [_row(row)] if row else []
            row = []
        elif ln[:1] in ("|", "!"):
            row += [c.split("|")[-1].strip() for c in re.split(r"\|\||!!", ln[1:])]   # 'style="..." | cell'
    return "\n".join(out) + "\n"


def _typst_rows(m: re.Match) -> str:
    """A Typst table's cells ("#table(columns: (auto, auto), [*Step*], [*°C*], [Raise], [+80], ...)") as markdown rows
    of as many cells as its columns."""
    width = int(m[1]) if m[1].isdigit() else m[1].count(",") + 1
    return _grid([c.strip(" *") for c in re.findall(r"\[([^\[\]]*)\]", m[2])], width)


def _asciidoc_rows(m: re.Match) -> str:
    """An AsciiDoc table's cells ("|Stage |°C", a row a line or a cell a line) as markdown rows of as many cells as
    its first line has."""
    lines = [ln.strip() for ln in m[1].splitlines() if ln.strip().startswith("|")]
    return _grid([c.strip() for ln in lines for c in ln[1:].split("|")], lines[0].count("|") if lines else 0)


def _markdoc_rows(m: re.Match) -> str:
    """A Markdoc table's rows ("---" between them, a cell a "* " line) as markdown rows."""
    rows = [[ln.strip()[1:].strip() for ln in row.splitlines() if ln.strip().startswith("*")]
            for row in re.split(r"^\s*---+\s*$", m[1], flags=re.M)]
    return "\n" + "\n".join(_row(row) for row in rows if row) + "\n"


def _pipes(text: str) -> str:
    """Tables in other markups as markdown rows: HTML <tr><td>, an SQL INSERT's columns and values, LaTeX tabular (&
    and \\\\), MediaWiki, AsciiDoc, Markdoc, Typst's #table, DokuWiki ("^ a ^ b ^" over "| c | d |"), reStructuredText's
    simple tables (their rules of "=" dropped) and a plain-text grid whose columns are aligned with two or more spaces
    (three lines or more with as many cells, two or more)."""
    if "{|" in text:
        text = _WIKI_TABLE.sub(_wiki_rows, text)
    if "#table(" in text:
        text = _TYPST_TABLE.sub(_typst_rows, text)
    if "|===" in text:
        text = _ASCIIDOC_TABLE.sub(_asciidoc_rows, text)
    if "{%" in text:
        text = _MARKDOC_TABLE.sub(_markdoc_rows, text)
    if "^" in text:
        text = _DOKUWIKI_HEAD.sub(lambda m: m[1] + "|" + m[2].replace("^", "|"), text)
    if "==" in text:
        text = _RST_RULE.sub("", text)
    if "<t" in text or "<T" in text:
        text = _HTML_ROW.sub(lambda m: _row(re.sub(r"<[^>]*>", " ", c).strip() for c in _HTML_CELL.findall(m[1])),
                             text)
    if "values" in text or "VALUES" in text:
        text = _INSERT.sub(_sql_rows, text)
    if "\\begin" in text:
        text = _TABULAR.sub(lambda m: "\n".join(_row(c.strip() for c in row.split("&"))
                                                for row in _RULE.sub("", m[1]).split("\\\\") if row.strip()), text)
    if "  " in text:
        lines = text.splitlines()
        cells = [_ALIGNED.findall(ln) if "  " in ln.strip() else [] for ln in lines]
        for i in range(len(lines)):
            run = next((j for j in range(i, len(lines)) if len(cells[j]) != len(cells[i])), len(lines))
            if len(cells[i]) >= 2 and run - i >= 3 and (i == 0 or len(cells[i - 1]) != len(cells[i])):
                for j in range(i, run):
                    lines[j] = _row(cells[j])
        text = "\n".join(lines)
    return text


def table_statements(text: str, tokens: Callable[[str], list[str]]) -> str:
    """Rows of a markdown / CSV / TSV table (or one in another markup: _pipes) as 'header cell'
    statements, so a unit in the header reaches its cell, after the line that leads in to the table ("Brinnow racks,
    split evenly:") and before the one that follows it ("All with the brannock cider.")."""
    text = _pipes(text)
    lines = [ln.strip() for ln in text.splitlines() if not ln.strip().startswith("```")]   # no code fences
    out = []
    for delim in ("|", "\t", ",", ";"):
        block: list[list[str]] = []
        lead = first = ""   # first: the line a block starts at (a lead-in of its own if no row follows it)
        for i, ln in enumerate(lines + [""]):
            cells = [c.strip() for c in ln.strip(delim if delim == "|" else "").split(delim)] if delim in ln else []
            if delim in ",;" and not block and any(len(c.split()) > _HEADER_WORDS for c in cells):
                cells = []   # prose with a comma in each line, not a header of short names
            if cells and all(re.fullmatch(r"[:\- ]*", c) for c in cells):
                continue   # a markdown separator row
            if len(cells) >= 2 and (not block or len(cells) == len(block[0])):
                first = first if block else ln
                block.append(cells)
                continue
            if len(block) >= 2:
                tail = next((x for x in lines[i:i + 2] if x), "")
                out += [lead] + _rows(block, tokens) + ([tail] if delim not in tail else [])
            elif block:   # "Winding the valve, as CSV:" before "stage,turns,tool": a lead-in with a comma
                lead = first
            block, first = ([cells], ln) if len(cells) >= 2 else ([], first)
            lead = ln if ln and not block else lead
    return "\n".join(x for x in out if x)


_FENCED = re.compile(r"^[ \t]*```[^\n]*\n(.*?)^[ \t]*```", re.S | re.M)
# a comment: # or -- before a space, //, /* ... */, ; opening an INI line, and a line of its own after % or %%
# (Erlang, MATLAB, LaTeX) or in Pascal's { ... } (words only) or (* ... *) (Pascal, OCaml, Structured Text)
_COMMENT = re.compile(r"(?:^|(?<=\s))(?://|(?:#|--)(?=\s|$))\s?(.*?)\s*(?:\*/)?$|/\*\s?(.*?)\s*\*/|^\s*;\s?(.*)$|"
                      r"^\s*%+\s?(.*)$|^\s*\{\s+([A-Za-z][^{}:\"=]*?)\s*\}\s*$|"
                      r"^\s*\(\*\s+([A-Za-z](?:(?!\*\)).)*?)\s*\*\)\s*$")
# a block's figures' unit, said as a key: '"unit": "hours"', '"timeoutUnits": "minutes"', a chart's axis "name:
# 'seconds'" or its data's "label: 'hours on the racks'" (a unit in the plural there: not "name: 'Day 1'")
_UNIT_KEY = re.compile(r"(?:(?:\b|(?<=[a-z_]))[Uu]nits?|\b(label|name))[\"']?\s*[:=]\s*[\"']?([A-Za-zµ°]+)")
_CONTROL = re.compile(r"\s*(?:for|while|if|elif|else|def|fn|func|function|return|print|with|import|from|class|try|"
                      r"await|async|@|\}|\]|\))")   # a line that starts no amount of the comment's structure
_LITERAL = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])|(?<=sleep )\d+(?=[smhd]\b)")   # its sign with it
_SUFFIX_UNIT = re.compile(r"_([A-Za-z]+)\W*$")   # "wait_s = 21", '"boot_ms": 800': the unit ends the name
_NAMED_UNIT = re.compile(r"[A-Za-z]\w*?(?<!per)_([A-Za-z]+)[\"']?\s*:?=?\s*[\[({]")   # a structure's name ends in
_REPEATED = re.compile(r"\[\s*(\d+(?:\.\d+)?)\s*\]\s*\*\s*(\d+)")   # its unit; "[32] * 4": four elements of 32
_CAMEL_UNIT = re.compile(r"[a-z](?<![Pp]er)([A-Z][a-z]+)[\"']?\s*:?=?\s*[\[({]")   # or camelCase: "waitsSeconds: ["
_NAMED_BLOCK = re.compile(r"\s*-?\s*[\"']?[A-Za-z]\w*?(?<!per)_([A-Za-z]+)[\"']?\s*:\s*")   # YAML "ramp_c:"
# a figure a call reads in its own unit: sleep 30 (shell: "sleep 5m"), time.sleep(2.5), delay(1500), setTimeout(f, 800)
_CALL_UNITS = [(re.compile(r"\b(?:time\.)?sleep\s*\(?\s*$|\bsleep\s+$"), "s"),
               (re.compile(r"\b(?:delay|sleep_ms|msleep|Thread\.sleep|setTimeout\s*\(.*,)\s*\(?\s*$"), "ms"),
               (re.compile(r"\busleep\s*\(?\s*$"), "us")]
# a duration constant a block multiplies by (Go, Odin, V: "w * time.Second"): its figures' unit
_DURATION_CONSTANT = re.compile(r"\btime\.((?i:hour|minute|second|millisecond|microsecond))\b")
_DURATION_CONSTANTS = {"hour": "h", "minute": "min", "second": "s", "millisecond": "ms", "microsecond": "us"}
# a figure's name that says how often ("--count=8", "loop=3", '"passes": 4'), where it names no structure
_COUNT_NAMES = frozenset("count loop loops repeat repeats times iterations reps passes cycles rounds".split())
_STRUCTURE = re.compile(r"([A-Za-z]\w*)[\"']?\s*[:=]?\s*[\[({]")   # "rounds = [44] * 3": a structure's name
_NAMED_UNITS = frozenset(w for w in Q.UNIT_WORDS if len(w) > 3 and Q.UNIT_SCALE.get(Q.UNIT_WORDS[w], ("",))[0] in
                         Q.COUNTED | {"time", "mass"}) - {"time", "tabs", "caps", "second", "minute"}   # or in
# what: "--turns 21", "--burst 10" (not an editor's "tabs", nor "second" of a list)
_SHELL_UNIT = re.compile(r"([smhd])\b")
_SHELL_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
_OPERAND_AFTER, _OPERAND_BEFORE = re.compile(r"\s*[*/]"), re.compile(r"[*/]\s*$")   # a figure next to a * or /


def _said(comment: re.Match) -> str:
    """A comment's words, whichever of _COMMENT's marks opened it."""
    return next((x for x in comment.groups() if x is not None), "")


def _comment_unit(comment: str, words: Callable[[str], list[str]]) -> str | None:
    """The unit a comment with no figure of its own says the code's figures are in: "# minutes per stage" (first
    of all: "tablets crushed first: minutes per stage"), "# grams of kellin dust", "# how long to hold off (s)";
    not a one-letter unit said in passing, nor "in turn"."""
    if Q._DIGIT.search(comment):
        return None
    brackets = re.findall(r"\(\s*([A-Za-zµ°]+)\s*\)", comment)
    said = words(comment)
    said = [t for t, before in zip(said, [""] + said) if (before.lower(), t.lower()) != ("in", "turn")]   # "each
    # raise in turn, in °C": an idiom
    per = [t for t, after in zip(said, said[1:]) if after.lower() in ("per", "each")]   # "tablets crushed first:
    units = [t for t in per + brackets + said if t.lower() in Q.UNIT_WORDS and          # minutes per stage"
             (len(t) > 1 or t in brackets) and t.lower() != "time"]
    return next((t for t in units if t.lower() != "times"), units[0] if units else None)   # "wait times in s"


def code_statements(text: str, words: Callable[[str], list[str]]) -> str:
    """The figures of a fenced code block's structures as statements, each with the unit its comment names:
    'STEPS = [("covered", 120), ("stirred", 190)]  # minutes in the brew' -> "minutes in the brew / STEPS covered
    120 minutes . / stirred 190 minutes .". A comment on a line of its own covers the lines after it (to a blank
    line, a loop or another comment); one after code, its line and the lines its brackets hold open. With no such
    comment, a structure takes the unit its name ends in ("WAITS_S = (25, 10, 7)", '"after_reset_s": {', a YAML
    "ramp_c:" over its items), the block's unit key ('"unit": "hours"') or the comment that opens the block, and a
    figure the unit of the call that reads it ("sleep 30", "sleep 5m", "delay(1500)"), named as a count how often
    ("--count=8", "loop=3"), else the unit its name ends in or is ("wait_s = 21", "--turns 21", "--burst 10"). Other
    lines are kept for their words, without their figures; all after the line that leads in to the block."""
    out = []
    for block in _FENCED.finditer(text):
        before = [ln.strip() for ln in text[:block.start()].splitlines() if ln.strip()]
        out.append(before[-1] if before else "")
        keyed = next((m[2] for m in _UNIT_KEY.finditer(block[1])
                      if m[2].lower() in Q.UNIT_WORDS and (not m[1] or len(m[2]) > 2 and m[2][-1] in "sS")), None)
        constants = set(_DURATION_CONSTANT.findall(block[1]))   # or as the one constant it multiplies by
        keyed = keyed or (_DURATION_CONSTANTS[constants.pop().lower()] if len(constants) == 1 else None)
        lines = block[1].splitlines()
        if any(ln.startswith("+++ ") for ln in lines):   # a unified diff: the lines it leaves or adds, unmarked
            lines = [ln[1:] for ln in lines if ln[:1] in ("+", " ") and not ln.startswith("+++ ")]
        opening = _COMMENT.match(next((ln.strip() for ln in lines if ln.strip()), ""))
        heading = _comment_unit(_said(opening), words) if opening else None   # the unit the first comment gives
        cover = None       # an own-line comment's unit
        held = None        # (unit, depth, indent) of a structure opened under a unit: its lines are in it
        depth = 0          # brackets open
        for ln in lines:
            m = _COMMENT.search(ln)
            code = ln[:m.start()] if m else ln
            said = _said(m) if m else ""
            if said:
                out.append(said)
            if not code.strip():   # a blank line ends a comment's cover; a comment of its own starts one
                cover = _comment_unit(said, words) if said else None
                continue
            indent = len(code) - len(code.lstrip())
            if held and (depth <= held[1] if held[2] is None else indent <= held[2]):
                held = None
            if depth <= 0 and _CONTROL.match(code):
                cover = None
            block_name = _NAMED_BLOCK.fullmatch(code)
            named = next((m[1] for pattern in (_NAMED_UNIT, _CAMEL_UNIT) for m in pattern.finditer(code)
                          if m[1].lower() in Q.UNIT_WORDS), None) or \
                (block_name[1] if block_name and block_name[1].lower() in Q.UNIT_WORDS else None)
            unit = (said and _comment_unit(said, words)) or (held and held[0]) or cover or named
            wide = not unit   # the block's own unit only: it opens no structure of its own (not '"label": ...' over
            unit = unit or keyed or heading   # '"steps_min": {')
            structures = set(_STRUCTURE.findall(code))
            code = _REPEATED.sub(lambda m: ", ".join([m[1]] * int(m[2])) if int(m[2]) <= 60 else m[0], code)
            label, read = 0, []
            for f in _LITERAL.finditer(code):
                if _OPERAND_AFTER.match(code, f.end()) or _OPERAND_BEFORE.search(code, 0, f.start()):
                    label = f.end()   # a factor of the code's own arithmetic ("60 * 24"), read in the text itself
                    continue
                name = re.findall(r"[A-Za-z]\w*", code[label:f.start()])
                own = _SUFFIX_UNIT.search(code[label:f.start()].rstrip(' "\':=,('))
                call = next((u for pattern, u in _CALL_UNITS if pattern.search(code, 0, f.start())), None)
                shell = _SHELL_UNIT.match(code, f.end()) if call == "s" else None
                counted = "times" if name and name[-1].lower() in _COUNT_NAMES and name[-1] not in structures \
                    else None   # --count=8, loop=3, "passes": 4; not a structure's name ("rounds = [44] * 3")
                u = (shell and _SHELL_UNITS[shell[1]]) or call or counted or unit or \
                    (own[1] if own and own[1].lower() in Q.UNIT_WORDS else None) or \
                    (name[-1] if name and name[-1].lower() in _NAMED_UNITS else None)   # --turns 21, --burst 10
                if u:
                    read.append(f"{' '.join(name[-3:]).replace('_', ' ')} {f[0]} {u} .")
                label = f.end()
            out += [_LITERAL.sub(" ", code).strip()] + read   # a line's words ('"device": "ambrel light",')
            opened = code.count("(") + code.count("[") + code.count("{") - code.count(")") - code.count("]") - \
                code.count("}")
            if unit and not held and not wide and unit != cover and (opened > 0 or block_name):
                held = (unit, depth, None if opened > 0 else indent)
            depth += opened
    return "\n".join(x for x in out if x) if any(x.endswith(" .") for x in out) else ""


_HEADER_WORDS = 4   # a CSV header's cells are short names ("Item,Minutes,Notes")
_HEAD_UNIT = re.compile(r"(.*?)\s*\(\W*([^()]*?)\W*\)")   # "Time (*h*)": a header's unit in brackets
_UNIT_HEAD = re.compile(r"[*_(\[]*(?:units?|uom|unit of measure|measured in)[*_:)\]]*", re.I)   # "*(unit)*"


_CLOCK_HEAD = {"m:ss": "seconds", "mm:ss": "seconds", "min:sec": "seconds", "h:mm": "minutes", "hh:mm": "minutes",
               "h:mm:ss": "seconds", "hh:mm:ss": "seconds"}   # a header's clock format: the unit of its cells
_CELL_CLOCK = re.compile(r"\d{1,3}(?::\d\d){1,2}")


def _clock_cell(cell: str, form: str) -> str:
    """A cell read in its header's clock format: "1:40" under "h:mm" -> "100 minutes", under "m:ss" -> "100 seconds"."""
    figures = [int(x) for x in cell.split(":")]
    if len(figures) == 2 and form.count(":") == 2:   # "4:54" under "h:mm:ss": minutes and seconds
        figures = [0] + figures
    value = 0
    for x in figures:
        value = value * 60 + x
    return f"{value} {_CLOCK_HEAD[form]}"


@functools.lru_cache(maxsize=4096)
def _first_unit(word: str, tokens: Callable[[str], list[str]]) -> bool:
    """Is a header's first word a unit ("Minutes", "°C", "g")?"""
    toks = tokens(Q.prepare_lower(word.lower()))
    return len(toks) == 1 and toks[0] in Q.UNIT_WORDS


def _rows(block: list[list[str]], tokens: Callable[[str], list[str]]) -> list[str]:
    """A table's rows as statements. A row of units under the header ("| Unit | count | hrs |") joins each column's
    header, and a Unit column's cell follows the cell before it ("| ... | 472.15 | K |" -> "... 472.15 K"); a
    number comes before a header that starts with its unit ("Minutes in the broth 55" -> "55 Minutes in the broth")."""
    head, rows = block[0], block[1:]
    if len(rows) >= 2 and _UNIT_HEAD.fullmatch(rows[0][0]) and not any(ch.isdigit() for ch in "".join(rows[0])):
        head, rows = [head[0]] + [f"{h} ({u})" for h, u in zip(head[1:], rows[0][1:])], rows[1:]
    out = []
    for row in rows:
        parts: list[str] = []
        for h, c in zip(head, row):
            if _UNIT_HEAD.fullmatch(h) and parts:
                parts[-1] += f" {c}"
            elif (m := _HEAD_UNIT.fullmatch(h)) and m[2].lower() in _CLOCK_HEAD and _CELL_CLOCK.fullmatch(c):
                parts.append(f"{_clock_cell(c, m[2].lower())} {m[1]}")   # "| Wait (m:ss) |" over "| 0:12 |"
            elif Q.is_num(c.replace(",", "").lstrip("+")) and (m := _HEAD_UNIT.fullmatch(h)) and \
                    [t in Q.UNIT_WORDS for t in tokens(m[2])] == [True]:
                parts.append(f"{c} {m[2]} {m[1]}")   # "| Time (h) |" over "| 68 |": 68 h Time
            elif Q.is_num(c.replace(",", "").lstrip("+")) and h.split()[:1] and _first_unit(h.split()[0], tokens):
                parts.append(f"{c} {h}")   # "| Minutes in the broth |" over "| 55 |": 55 minutes in the broth
            else:
                parts.append(f"{h} {c}")
        out.append(" ; ".join(parts) + " .")
    return out
