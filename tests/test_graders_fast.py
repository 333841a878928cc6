"""The graders' fast forms read exactly as the plain forms they stand for (docs/benchmarks.md, grading speed).

A pattern that starts with its first character is found fast by Python's regular expressions; each one written that
way here is checked against the plain pattern it replaced, and each fast "hint" against the pattern it must never
miss, on random texts of the characters they turn on.
"""

import re

from hypothesis import given, settings, strategies as st

from minisafe.world import canon, quantities as Q

TEXTS = st.text(alphabet="aAbZxy MDCLXVI'’.-_*@$013 \n", max_size=40)
# the plain patterns, as they were before they were written to start with a character
PLAIN_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
PLAIN_CLITIC = re.compile(r"(?<=[a-z])['’](?:s|d|m|ll|re|ve)\b")
PLAIN_ROMAN = re.compile(r"\b[MDCLXVI]{3,}\b")


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_patterns_that_start_with_a_character_match_as_the_plain_ones(s):
    assert canon._CAMEL.sub(r" \g<0>", s) == PLAIN_CAMEL.sub(" ", s)
    for t in (s, s + "s", s.replace("x", "ll")):
        assert [m.span() for m in canon._CLITIC.finditer(t)] == [m.span() for m in PLAIN_CLITIC.finditer(t)]
    assert [m.span() for m in Q._ROMAN.finditer(s)] == [m.span() for m in PLAIN_ROMAN.finditer(s)]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_a_hint_is_there_wherever_its_pattern_is(s):
    t = s.lower()
    if canon._SPACED.search(t):
        assert canon._SPACED_HINT.search(t)
    if canon._LEET_HINT.search(s.lower()):
        assert canon._LEET_MARK.search(s)


# pieces of token lists with no figure: units said once ("a week"), the words that join them, other unit words
PIECES = ["a week", "an hour", "every day", "per minute", "once a", "and", "then", "to", "the", "in hours", "as",
          "s", "time", "degrees", "minutes", "each", Q.BOUNDARY]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_a_token_list_with_no_figure_reads_as_in_the_full_reader(pieces):
    """read()'s short path for a list with no figure gives what its full loop gives: the same list with a figure
    in a statement of its own after it takes the full loop, and its quantities before that statement match
    ("a week and a day" is one of them: 8 days)."""
    toks = " ".join(pieces).split()
    full = [q for q in Q.read(toks + [Q.BOUNDARY, "5"], canon.stem) if q.end <= len(toks)]
    assert Q.read(toks, canon.stem) == full
