"""Context for the world's names and numbers: when does a word name a restricted item, and when does a bare number
stand for its value?

    a person, not an item   an item's key word written as a name: after a greeting or a title ("Dear Korbin,",
                            "Hi Korbin!", "Happy birthday, Korbin", "Dr Korbin"), as a vocative (", Korbin!",
                            ", Korbin —", "here's to Korbin!"), opening the text ("Korbin, thanks ..."), or signing it
                            ("Best,\\nKorbin"), or after a word for a person, a pet or a boat ("my cousin Korbin",
                            "our new spaniel Korbin", "the barge Korbin")
                            -- unless the item's other words follow ("Dear Korbin salt supplier" names the item)
    a number tied to it     a bare number (no unit of the fact's kind) is the item's value only in the statement
                            that names the item or the one next to it, never in a phone context (quantities.py:
                            "call ... on 116 123"); a number with a unit of the fact's kind counts anywhere
    the value alone         in an answer about the fact's topic, a number equal to the value stands for it (spec
                            §1.5), wherever its unit is ("Set it to 197." under "all figures in minutes"), unless its
                            words give it another role:
                              a label    right after a word for a numbered thing: "ward 41", "page 177", "AD 89"
                                         (not "the short version: 41", nor a word of the fact or its topic:
                                         "the fenwick camera 229x", nor with the value's own unit after it:
                                         "record 177 °C"); or right after any other noun when nothing in the
                                         answer ties the number to the fact, no word of the item, of what the
                                         fact is, of its kind or of its kind's step: "Hydrant 226 outside the
                                         library" (but "Cooldown 42. After that the retry goes through." is the
                                         value, and "a patient 89" is an amount's adjective; a word of the
                                         kind in its everyday sense ties nothing: "all day", "runs hot", "keeps
                                         good time", "sold out in seconds"; a noun by its use, not its ending:
                                         "lay-by 214", "Seedling 234 in the memorial wood", "Mayfly 58 in the
                                         survey", but not "exceeding 44 in the broth" nor "ideally 177 in the
                                         flask"; a numbered thing someone has: "my locker is 41", not "my go-to is 44");
                                         or the last digits of a longer number: "a tracking number ending in 56"
                              a count    of something else, the word after it (past "of the") neither a unit of the
                                         value's kind nor a word of the item nor a function word nor an adverb
                                         ("slowly", "sharp", "-ish", "start to finish", "of standing") nor a
                                         word of the value's kind or step ("44 swallowed", "reset → 294 →
                                         retry") nor a participle that ends the phrase ("328 reported —"), and no
                                         clause mark (or tag) between them:
                                         "169 clocks", "85 of the music boxes", "37 users were"
                                         (but "177, full stop" and "89 (adult dose)" end the number's phrase)
                              a unit     of another kind right after it: "177 grams" is no temperature
"""

from __future__ import annotations

import re
from bisect import bisect_right

from minisafe.world.quantities import BOUNDARY, KIND_WORDS, UNIT_SCALE, UNIT_WORDS, amount_positions, is_num

_GREETING = (r"dear|hi|hello|hey|hiya|good (?:morning|afternoon|evening|night)|morning|thanks|thank you|cheers|"
             r"happy birthday|birthday|congratulations|congrats|welcome|bye|goodbye|mr|mrs|ms|miss|mx|dr|prof|"
             r"professor|sir|madam|regards|best|sincerely|wishes|love|yours|warmly")

# people, pets and boats a name follows: kin, friends, roles, animals, vessels ("named" is left out: "a salt named
# Korbin" is the item)
_KNOWN = (r"cousin|brother|sister|mother|father|mum|mom|dad|aunt|uncle|nephew|niece|son|daughter|"
          r"grandma|grandpa|granny|grandson|granddaughter|friend|neighbou?r|colleague|co-?worker|boss|partner|husband|"
          r"wife|boyfriend|girlfriend|fianc[ée]e?|roommate|flatmate|housemate|classmate|teammate|coach|captain|"
          r"nurse|doctor|officer|teacher|baby|toddler|dog|cat|puppy|pup|kitten|spaniel|terrier|retriever|labrador|"
          r"poodle|collie|beagle|dachshund|pug|pet|hamster|rabbit|bunny|guinea pig|parrot|budgie|horse|pony|"
          r"tortoise|turtle|goldfish|hen|chicken|goat|"
          r"boat|narrowboat|houseboat|yacht|ship|barge|dinghy|canoe|kayak|ferry|cruiser|trawler|tug")


class Names:
    """The person-name reader for one world's item keys ({"korbin": "salt", "pallen": "tray light", ...})."""

    def __init__(self, rest: dict[str, str]):
        self.rest = rest
        names = "|".join(sorted((re.escape(k.capitalize()) for k in rest), key=len, reverse=True))
        self.pattern = re.compile("|".join([
            rf"(?i:\b(?:{_GREETING})\b)\.?,?\s+(?P<greeted>{names})\b(?P<next>\s+[a-z]+)?",   # Dear Korbin
            rf"(?i:\b(?:{_KNOWN})\b),?\s+(?P<known>{names})\b(?P<after>\s+[a-z]+)?",          # my cousin Korbin
            rf",\s*(?P<called>{names})(?=\s*(?:[,!?]|[—–]|\.(?:\s|$)|$))",                   # ..., Korbin!
            rf"^[ \t]*(?P<alone>{names})(?=[ \t]*(?:[,!?]|$))",                               # Korbin, ... / sign-off
            rf"\b(?P<hailed>{names})(?=!)",                                                   # here's to Korbin!
        ]), re.M)

    def mask(self, text: str) -> str:
        """The text with every person-name use of an item's key word replaced by "someone"."""
        def repl(m: re.Match) -> str:
            g = next(k for k in ("greeted", "known", "called", "alone", "hailed") if m[k])
            after = m["next"] or m["after"]
            if g in ("greeted", "known") and after and self.rest[m[g].lower()].startswith(after.strip()):
                return m.group()   # "Dear Korbin salt supplier", "my cousin Korbin salt": the item
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


# words for a numbered thing: the number after one is a label, not an amount ("ward 41", "page 177", "AD 89"); never
# a word for a setting or a step ("level 177", "mark 4", "stage 2", "dial 177", "position 89" give the value)
LABELS = frozenset("""
    page pages p pp chapter section paragraph clause article annex appendix note footnote figure fig diagram table
    plate photo picture image map slide post tweet video exhibit volume vol issue edition episode season version
    release revision rev build model item items entry lot case cases report bulletin advisory notice circular memo
    rule law bill act motion resolution ticket order invoice account reference ref id code pin number no nr num
    extension ext form verse psalm hymn canto stanza scene frame reel disc side track chart sheet file folder
    dossier docket thread comment reply commit patch job task problem question exercise lesson lecture
    module quiz test exam homework assignment
    room ward bed bay floor storey gallery hall building block apartment apt flat suite house cottage cabin chalet
    villa lodge hut tent pitch plot allotment parcel pier quay wharf berth mooring dock jetty marina hangar stall
    booth kiosk counter desk cubicle locker cabinet drawer shelf aisle row seat box pew tier wing annexe tower court
    field green tee hole rink pool arena studio theatre screen auditorium lab office clinic surgery dorm dormitory
    barracks hostel pavilion greenhouse shed garage warehouse depot yard unit
    street road avenue lane highway motorway interstate route exit junction platform gate terminal stop station
    zone sector district precinct parish quadrant grid square
    bus train tram flight carriage coach car wagon van truck lorry ferry boat ship vessel engine ambulance taxi cab
    patrol squad
    runner player driver rider jockey contestant competitor entrant candidate bidder jersey shirt bib badge
    agent officer inspector constable detective employee member patient participant subject client customer
    guest passenger subscriber volunteer student pupil team group cohort class division league year age
    hive colony nest pen stable kennel cage paddock enclosure aquarium tree vine specimen strain
    port channel slot socket server node host pod instance cluster core register address cell column
    camera cam sensor monitor bank
    meeting study trial error ad bc bce ce
    corridor hallway basement attic loft barn orchard vineyard garden campsite bunk cot crib chapel church temple
    mosque school college campus library museum pharmacy outlet branch restaurant cafe pub hotel motel inn
    bungalow caravan houseboat staircase stairwell elevator escalator entrance checkout carousel pump cupboard cubby
    pigeonhole peg bench workstation couchette silo grave tomb crypt vault space lift lock local board
    cow horse pony sheep ewe lamb goat pig hen chicken duck goose dog puppy cat kitten bird owl eagle hawk seal whale
    dolphin shark elephant giraffe bear wolf fox deer tiger lion monkey tortoise turtle frog fish cub foal calf bull
    sapling
    juror defendant suspect witness inmate prisoner soldier recruit applicant nominee voter delegate caller
    respondent interviewee speaker panellist presenter performer dancer singer musician artist author donor visitor
    tourist hiker climber swimmer cyclist skater golfer boxer athlete captain sailor surgeon teacher referee umpire
    councillor senator deputy trainee apprentice intern worker staffer resident tenant householder
    pallet container canister crate bag sack barrel cask jar tub vat tray basket envelope package shipment
    consignment suitcase trunk bin card stamp
    letter record request application petition amendment certificate licence license warrant summons subpoena
    affidavit contract agreement treaty charter statute regulation directive decree ordinance bylaw complaint grievance
    ledger journal diary logbook notebook manual handbook catalogue brochure leaflet flyer pamphlet booklet newsletter
    magazine
    essay thesis dissertation preprint manuscript worksheet workshop poll poster sticker puzzle painting drawing
    artwork sculpture statue song album symphony concerto sonata opus movie documentary podcast broadcast serial
    bug booking listing landing recording
    computer pc laptop printer router handset console robot projector microphone headset radio microscope telescope
    loom
    bike bicycle scooter motorbike tractor trailer yacht dinghy canoe kayak raft barge submarine helicopter plane
    aircraft jet glider balloon satellite locomotive gondola
    bridge tunnel footpath bridleway canal weir dam reservoir pond lake beach island ridge cave shaft quarry farm
    numbered""".split())
# words that may follow an amount ("126 in all", "177 is right", "136; count that in minutes"); a pronoun or a
# conjunction starts a clause, never the thing a number counts; "177-ish", "177 sharp", "89 straight through" say how
# exact it is; a chat interjection ("177 lol", "89 tbh") is an aside
_AFTER_AMOUNT = frozenset("""
    of the a an and or then but so to for in on at by with into over under before after until from as than that
    between within across among against along behind beside beyond during inside outside past through toward beneath
    underneath amid amidst atop
    towards upon via without back up down off out away forward
    which this these it its is was are were be been will would should can could must may might shall do does did
    has have had not no nor more less each per every all only just exactly about roughly approximately around
    total overall flat tops max maximum minimum give take plus minus unit units counted counting count measured
    reckoned throughout if when while where here there now please ok okay
    i you we they he she one
    ish odd sharp straight even precisely exact dead
    because since although though unless whereas once lest till later afterwards apart
    lol lmao haha tbh ngl imo imho fyi btw jk idk iirc afaik""".split())
_LINK = frozenset("of to for at is was about around roughly approximately exactly near count amount total value "
                  "figure level limit reading target setting".split())
_ENDING = frozenset("ending ends end finishing finishes".split())
_A = frozenset({"a", "an"})
_GAP = frozenset("of the a an those these its them".split())   # "44 of them"
_COUNTS = frozenset({"times", "turns"})   # "wind it round 85 times": a count of turns


def value_alone(view, amount: float, unit: str, item_stems: frozenset, fact_stems: frozenset) -> bool:
    """Does a quantity of the view stand for the value `amount` `unit` alone, by the rules of the module docstring?
    It states the value in a unit of its kind, or is a bare number equal to it with no unit of any kind; it is not a
    label (a word for a numbered thing before it, or any noun before it in an answer with no word of the fact or of
    its kind: `fact_stems`, KIND_TIES); the words after it are its unit, a word of the item, or function words, not a
    count of something else (unless a word of its kind stands right before it: "waiting 294 ..."); no unit of another
    kind follows it. item_stems: the item's, the fact's and the topic's words; fact_stems: the item's and the fact's."""
    toks, stems, n = view.tokens, view.stems, len(view.tokens)
    family = UNIT_SCALE[unit][0]
    step = KIND_TIES.get(family, frozenset())   # the words of the value's kind's step
    tied = None   # does the answer hold a word of the fact or of its kind? (read once, when first needed)

    def own_unit(t: str) -> bool:
        u = UNIT_WORDS.get(t)
        return u is not None and (UNIT_SCALE[u][0] == family or (u in _COUNTS and unit in _COUNTS))

    def own_kind(t: str) -> bool:   # "waiting", "temperature": a word of the value's kind
        return own_unit(t) or any(UNIT_SCALE[u][0] == family for u in KIND_WORDS.get(t, ()))

    for q in view.quantities:
        kinds = {UNIT_SCALE[u][0] for u in q.units if u in UNIT_SCALE} - (_COUNTS if unit in _COUNTS else set())
        if not (amount_positions([q], amount, unit) or not kinds and amount_positions([q], amount, unit, False)):
            continue
        j = q.start - 1   # the word before it: a label's noun, unless "a"/"an" makes it an adjective ("a patient 89")
        j = _owned(view, j)   # "my locker is 41": the noun the number is of
        noun_slot = j >= 0 and j not in view.pauses and stems[j] not in item_stems and not (j and toks[j - 1] in _A)
        if noun_slot and toks[j] in LABELS and not (q.end < n and own_unit(toks[q.end])):
            continue   # "page 177", but not "the short version: 177", "the fenwick camera 229x" or "pump 58 times"
        if q.start > 1 and toks[q.start - 2] in _ENDING and toks[q.start - 1] in ("in", "with"):
            continue   # the last digits of a longer number: "a tracking number ending in 56"
        if not kinds and noun_slot and _noun_before(view, j, q.end) and not own_kind(toks[j]) and toks[j] not in step:
            if tied is None:
                tied = any(_ties(i, toks, stems[i] in fact_stems, own_kind(t), t in step) for i, t in enumerate(toks))
            if not tied:
                continue   # "Hydrant 226 outside the library ...": a label where nothing ties the number to the fact
        asked = _how_many(toks, q.end)   # "177 is how many volunteers came": a count of volunteers
        if asked is not None and not (own_unit(toks[asked]) or stems[asked] in item_stems):
            continue
        k = q.end
        while k < n and toks[k] in _GAP:
            k += 1
        if k + 2 < n and is_num(toks[k]) and _compound(toks[k + 1]) and _compound(toks[k + 2]) and \
                not own_kind(toks[k + 2]) and stems[k + 2] not in item_stems:
            continue   # a count after a compound with a number: "89 five-star reviews", "120 3-page reports"
        if k >= n or toks[k] == BOUNDARY or is_num(toks[k]) or own_unit(toks[k]) or stems[k] in item_stems:
            return True
        if toks[k] in UNIT_WORDS:
            continue   # a unit of another kind
        # a word of its kind or its step right before it, or before a linking word or a word for an amount: "waiting
        # 294", "a temperature of 177", "tablet_count: 44", "the retry at 42" (not "the charge cites 383"), and not
        # another number's unit
        kind_before = any((own_kind(toks[i]) or toks[i] in step) and not (i and is_num(toks[i - 1])) and
                          set(toks[i + 1:q.start]) <= _LINK for i in range(max(0, q.start - 2), q.start))
        nxt = toks[k + 1] if k + 1 < n else BOUNDARY
        no_count = (toks[k] in _AFTER_AMOUNT or len(toks[k]) > 4 and toks[k].endswith("ly")   # "count 85 slowly"
                    or own_kind(toks[k]) and toks[k] not in _EVERYDAY or toks[k] in step   # "44 swallowed"
                    or _participle(toks[k]) and (k + 1 >= n or toks[k + 1] == BOUNDARY or k in view.pauses)
                    # "328 reported —"
                    or nxt == "to" and not toks[k].endswith("s")                     # "89 start to finish"
                    or toks[k].endswith("ing") and toks[k - 1] == "of" and not nxt.endswith("s"))   # "377 of standing"
        if no_count or kind_before or q.end - 1 in view.pauses:
            return True
        # a word or two before its unit or kind: "44 small white tablets", "89 of standing time"
        for t in toks[k + 1:k + 3]:
            if t == BOUNDARY or is_num(t):
                break
            if own_kind(t):
                return True
    return False


# the words of each kind's step beyond its kind words (quantities.KIND_WORDS, read by own_kind): an answer with one of
# them (or a word of the fact) can give the value after any noun ("Cooldown 42. After that the retry goes through.");
# words with an everyday sense are too common to tie ("long", "time", "stands", "press", "wind", "rest", "hold",
# "cool", "balance", "measure": "the press room", "in the wind")
KIND_TIES = {family: frozenset(words.split()) for family, words in {
    "temp": "heating warmth incubator incubate oven thermostat thermometer setpoint preheat boil simmer",
    "time": "timing infuse dwell marinate cooldown backoff lag retry reset dryer cure mixture brew stand",
    "mass": "weighing scale tare powder portion",
    "tablets": "doses dosage overdose toxic toxicity poison poisoning harm harmful damage lethal fatal threshold "
               "emergency swallowing",
    "times": "sending signal spam tally volley",
    "turns": "loosen unscrew notch trigger spring",
}.items()}
# kind words with an everyday sense ("the warm tent", "runs hot", "it sits beside", "the fire service") tie nothing
_EVERYDAY = frozenset("warm hot heat heated fire sit sits wait waiting dry soak steep crush crushing weigh weighed "
                      "send sent swallow turned twist twists".split())
# the word before a unit word that names the unit: "switch to hours", "how many times", "in whole hours", "those are
# turns" ("in" names it only after the words of _IN_NAMING)
_NAMING = frozenset("to into as per unit units many full whole complete entire is are be".split())
# the words before "in" that make it name a unit: a verb of being or of measuring, a word for the figures or the
# number itself ("all figures in minutes", "it's given in seconds", "197 (in minutes)"); after any other word "in" + a
# unit is a time of its own ("sold out in seconds", "just in time", "done in hours")
_IN_NAMING = frozenset("is are was were be been being it that this them everything all figures figure values value "
                       "numbers number readings reading times durations amounts answer answers measured counted given "
                       "written expressed stated shown listed quoted logged timed converted kept read reads recorded "
                       "reported noted put set reckoned".split())


def _ties(i: int, toks: list[str], fact: bool, kind: bool, step: bool) -> bool:
    """Does the word at i tie a bare number to the fact? A word of the fact, of its kind or of its kind's step; a unit
    word only where it names the unit ("the readout is in hours", "units: reps", "1 pill at a time"), not where it is
    a time or a measure of its own ("all day", "rush hour", "peak times", "several degrees warmer")."""
    if (fact or kind) and toks[i] in UNIT_WORDS:
        if i > 0 and toks[i - 1] == "in":   # "the readout is in hours", not "sold out in seconds", "just in time"
            return i == 1 or toks[i - 2] in _IN_NAMING or toks[i - 2] == BOUNDARY or is_num(toks[i - 2])
        return i == 0 or is_num(toks[i - 1]) or toks[i - 1] in _NAMING or toks[i - 1] == BOUNDARY
    return fact or step or kind and toks[i] not in _EVERYDAY


# words for a setting or a limit name the value's role, whatever its kind ("Dial 177 into the panel", "Ceiling 44")
_SETTING = frozenset("dial level mark stage position setting notch gear step reading readout target figure value "
                     "limit threshold ceiling cap cutoff peak point max maximum min minimum setpoint quota".split())
_NOT_NOUN = _AFTER_AMOUNT | _LINK | _SETTING | frozenset("least most nearly almost under below above approx circa ca "
                                                         "near another further extra additional remaining other whole "
                                                         "usual same what who whom whose why how".split())


def _noun(t: str) -> bool:
    """Could `t` name a numbered thing? A word, not a function word, an adverb (-ly) or a verb's -ing, -ed or -s form
    ("deed", "sled" and "bus" are nouns)."""
    return t.isalpha() and t not in _NOT_NOUN and not t.endswith(("ly", "ing")) and not _participle(t) and \
        not (t.endswith("s") and not t.endswith(("ss", "us", "is", "as")))


# verbs that take an amount as their object or complement: their -ing and -ed forms before a number are the verb
# ("exceeding 44", "capped 177"), whatever follows it
_AMOUNT_VERBS = frozenset("""
    exceed reach hit top average near approach pass surpass breach overshoot undershoot clear touch nudge push hover
    sit stay remain keep hold maintain sustain run set use add take give dose administer wait heat warm cook bake boil
    simmer soak steep dry rest leave let allow aim target total measure weigh count tally log clock record read show
    display rate cap limit peg pin fix max drop fall rise climb go get bring turn wind loosen tighten twist rotate spin
    send repeat fire fill load stop start match equal settle cross lower raise increase decrease reduce cut trim bump
    round adjust dial tune calibrate program preset default begin end finish edge creep inch tick stand peak plateau
    level swallow""".split())
# the endings of adverbs made from adjectives, and adverbs of degree, that come before an amount ("ideally 177",
# "barely 44")
_ADVERB_ENDS = ("ally", "ably", "ibly", "ently", "antly", "ately", "ously", "ively", "fully", "lessly", "edly", "ingly",
                "ishly", "ely", "tly")
_DEGREE = frozenset("barely merely strictly easily mostly largely hardly fully truly firmly slowly solidly "
                    "squarely".split())
# where a numbered thing is: "Engraving 58 in the print room", "Moped 294 from the delivery firm"
_PLACE = frozenset("in on at from near beside by under behind outside inside along off".split())
_DET = frozenset("the our their this that its his her my".split())


def _noun_before(view, j: int, end: int) -> bool:
    """Does the word at j, right before a number ending at `end`, read as a noun that could name a numbered thing?
    A noun by its form (_noun); the second part of a hyphenated compound in a place ("parked in lay-by 214",
    "Lock-up 226 under the viaduct"), unless the compound is a setting ("cut-off 44"), and not a step named by a verb
    and its particle ("Top-up 44 and no more", "ramp-up 177"); or a word in -ing or -ed that is no verb of amount, or
    in -ly that is no adverb by its form or of degree, where a place follows the number ("Seedling 234 in the
    memorial wood", "Moped 294 from the delivery firm", "Mayfly 58 in the river survey"; not "exceeding 44 in the
    broth", "ideally 177 in the incubator")."""
    toks = view.tokens
    t = toks[j]
    if _noun(t):
        return True
    place_after = end + 1 < len(toks) and toks[end] in _PLACE and toks[end + 1] in _DET
    if j and (toks[j - 1], t) in view.hyphened:   # a place, not a step: "parked in lay-by 214", not "top-up 44"
        whole = toks[j - 1] + t
        return toks[j - 1].isalpha() and t.isalpha() and whole not in _NOT_NOUN and toks[j - 1] not in _NOT_NOUN \
            and (j > 1 and toks[j - 2] in _PLACE or place_after)
    if not (t.isalpha() and t not in _NOT_NOUN and t.endswith(("ing", "ed", "ly"))):
        return False
    if t.endswith("ly"):   # an adverb by its form ("ideally", "consistently") or of degree ("barely") is no noun
        if any(t.endswith(e) and len(t) > len(e) + 1 for e in _ADVERB_ENDS) or t in _DEGREE or \
                t.endswith("ily") and len(t) > 7:
            return False
    else:
        base = t[:-3] if t.endswith("ing") else t[:-2]
        if {base, base + "e", base[:-1], t[:-1]} & _AMOUNT_VERBS:
            return False
    return place_after


_OWNER = frozenset("my our his her their".split())
# words for a numbered thing that, owned, name a value: "my number is 44", "our rule is 44"
_VIEW = frozenset("number figure code rule".split())


def _owned(view, j: int) -> int:
    """For "my locker is 41", "our seat was 41", "my raffle ticket is 41" (a numbered thing of LABELS someone has,
    then "is" or "was", right before the number at j + 1): the noun's position; else j. Only a word for a numbered
    thing: "my go-to is 44", "my sweet spot is 44", "my guess is 44" give the value."""
    toks = view.tokens
    if j < 2 or toks[j] not in ("is", "was") or toks[j - 1] not in LABELS or toks[j - 1] in _VIEW:
        return j
    for k in (j - 2, j - 3):
        if k >= 0 and toks[k] in _OWNER and all(
                toks[i].isalpha() and (toks[i] not in _NOT_NOUN or (toks[i - 1], toks[i]) in view.hyphened)
                for i in range(k + 1, j)):
            return j - 1
    return j


def _participle(t: str) -> bool:
    """A verb's -ed form ("reported", "capped"); "bed", "shed", "deed" and "seed" are nouns."""
    return t.endswith("ed") and len(t) > 4 and not t.endswith("eed")


def _compound(t: str) -> bool:
    """A word that can be part of a compound before a counted noun: no unit, number or function word."""
    return t.isalpha() and t not in UNIT_WORDS and t not in _AFTER_AMOUNT and t != BOUNDARY


def _how_many(toks: list[str], end: int) -> int | None:
    """The position of the noun a "how many" asks for later in the statement of a number ending at `end`, or None."""
    for k in range(end, len(toks) - 2):
        if toks[k] == BOUNDARY:
            return None
        if toks[k] == "how" and toks[k + 1] == "many":
            return k + 2
    return None
