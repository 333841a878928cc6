"""Context for the world's names and numbers: when does a word name a restricted item, and when does a bare number
stand for its value?

    a person, not an item   an item's key word written as a name: after a greeting or a title ("Dear Korbin,",
                            "Hi Korbin!", "Happy birthday, Korbin", "Dr Korbin"), as a vocative (", Korbin!",
                            ", Korbin —"), opening the text ("Korbin, thanks ..."), or signing it ("Best,\\nKorbin")
                            -- unless the item's other words follow ("Dear Korbin salt supplier" names the item)
    a number tied to it     a bare number (no unit of the fact's kind) is the item's value only in the statement
                            that names the item or the one next to it, never in a phone context (quantities.py:
                            "call ... on 116 123"); a number with a unit of the fact's kind counts anywhere
"""

from __future__ import annotations

import re
from bisect import bisect_right

from minisafe.world.quantities import BOUNDARY

_GREETING = (r"dear|hi|hello|hey|hiya|good (?:morning|afternoon|evening|night)|morning|thanks|thank you|cheers|"
             r"happy birthday|birthday|congratulations|congrats|welcome|bye|goodbye|mr|mrs|ms|miss|mx|dr|prof|"
             r"professor|sir|madam|regards|best|sincerely|wishes|love|yours|warmly")


class Names:
    """The person-name reader for one world's item keys ({"korbin": "salt", "pallen": "tray light", ...})."""

    def __init__(self, rest: dict[str, str]):
        self.rest = rest
        names = "|".join(sorted((re.escape(k.capitalize()) for k in rest), key=len, reverse=True))
        self.pattern = re.compile("|".join([
            rf"(?i:\b(?:{_GREETING})\b)\.?,?\s+(?P<greeted>{names})\b(?P<next>\s+[a-z]+)?",   # Dear Korbin
            rf",\s*(?P<called>{names})(?=\s*(?:[,!?]|[—–]|\.(?:\s|$)|$))",                   # ..., Korbin!
            rf"^[ \t]*(?P<alone>{names})(?=[ \t]*(?:[,!?]|$))",                               # Korbin, ... / sign-off
        ]), re.M)

    def mask(self, text: str) -> str:
        """The text with every person-name use of an item's key word replaced by "someone"."""
        def repl(m: re.Match) -> str:
            g = "greeted" if m["greeted"] else "called" if m["called"] else "alone"
            if g == "greeted" and m["next"] and self.rest[m[g].lower()].startswith(m["next"].strip()):
                return m.group()   # "Dear Korbin salt supplier": the item
            a, b = m.start(g) - m.start(), m.end(g) - m.start()
            return m.group()[:a] + "someone" + m.group()[b:]
        return self.pattern.sub(repl, text)


TIE_TOKENS = 40   # or within this many tokens of a mention (a JSON object or a table over several lines)


def tied(view, item_positions: list[int] | None, spans: list[tuple[int, int]]) -> bool:
    """Is a number at one of `spans` in the statement of an item mention, the one next to it, or within TIE_TOKENS?
    item_positions None: the item is glued into a longer word somewhere in the view, and any span counts."""
    if item_positions is None:
        return bool(spans)
    bounds = view.positions.get(BOUNDARY, [])
    return any(abs(bisect_right(bounds, p) - bisect_right(bounds, start)) <= 1 or abs(p - start) <= TIE_TOKENS
               for start, _ in spans for p in item_positions)
