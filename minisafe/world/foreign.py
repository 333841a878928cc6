"""Numbers written as words in other languages, to digits: a model asked in another language, or told to answer in
one, writes "doscientas veintinueve veces", "deux cent quatre-vingt-dix-huit grammes", "zweihundertachtundachtzig
Gramm", "tvåhundrafemton gånger", "四十二秒". The units after them are read as units already (quantities.UNITS).

    Spanish, French, Italian, Portuguese   words and hyphens: "ciento noventa y nueve", "soixante et onze"
    German, Swedish                         one word: "siebenunddreißig", "etthundrasextionio", "dreihunderteinsmal"
    Chinese and Japanese                    numerals: 四十二, 二百二十九, 两百

A number word is read only in a text of its language (two of its common words beside it), so English words that are
numbers elsewhere stay words ("once", "sex", "elf", "cent"). A word is a number when it splits whole into the
language's number parts (longest first); the parts are read as most languages write them: a hundred or a thousand
multiplies what stands before it, anything else adds.
"""

from __future__ import annotations

import re

# each language: (its common words, {number part: value}); 100 and 1000 multiply what stands before them
_LANGUAGES = {
    "es": ("el los las del para por una que muy pero veces vueltas grados gramos horas dias minutos "
           "segundos pastillas", """
        un 1 uno 1 una 1 dos 2 tres 3 cuatro 4 cinco 5 seis 6 siete 7 ocho 8 nueve 9 diez 10 once 11 doce 12 trece 13
        catorce 14 quince 15 dieciseis 16 diecisiete 17 dieciocho 18 diecinueve 19 veinte 20 veinti 20 treinta 30
        cuarenta 40 cincuenta 50 sesenta 60 setenta 70 ochenta 80 noventa 90 cien 100 ciento 100 doscientos 200
        doscientas 200 trescientos 300 trescientas 300 cuatrocientos 400 cuatrocientas 400 quinientos 500
        quinientas 500 seiscientos 600 seiscientas 600 setecientos 700 setecientas 700 ochocientos 800
        ochocientas 800 novecientos 900 novecientas 900 mil 1000 y 0"""),
    "fr": ("le les du des avec pour une est dans sur fois tours degres grammes heures jours minutes "
           "secondes comprimes", """
        un 1 une 1 deux 2 trois 3 quatre 4 cinq 5 six 6 sept 7 huit 8 neuf 9 dix 10 onze 11 douze 12 treize 13
        quatorze 14 quinze 15 seize 16 vingt 20 vingts 20 trente 30 quarante 40 cinquante 50 soixante 60
        quatrevingt 80 quatrevingts 80 cent 100 cents 100 mille 1000 et 0"""),
    "it": ("il gli del della una che sono volte giri gradi grammi ore giorni minuti secondi "
           "compresse", """
        un 1 uno 1 una 1 due 2 tre 3 quattro 4 cinque 5 sei 6 sette 7 otto 8 nove 9 dieci 10 undici 11 dodici 12
        tredici 13 quattordici 14 quindici 15 sedici 16 diciassette 17 diciotto 18 diciannove 19 venti 20 vent 20
        trenta 30 trent 30 quaranta 40 quarant 40 cinquanta 50 cinquant 50 sessanta 60 sessant 60 settanta 70
        settant 70 ottanta 80 ottant 80 novanta 90 novant 90 cento 100 mille 1000 mila 1000 e 0"""),
    "pt": ("os dos das com para uma que sao vezes voltas graus gramas horas dias minutos segundos "
           "comprimidos", """
        um 1 uma 1 dois 2 duas 2 tres 3 quatro 4 cinco 5 seis 6 sete 7 oito 8 nove 9 dez 10 onze 11 doze 12 treze 13
        catorze 14 quatorze 14 quinze 15 dezesseis 16 dezassete 17 dezessete 17 dezoito 18 dezanove 19 dezenove 19
        vinte 20 trinta 30 quarenta 40 cinquenta 50 sessenta 60 setenta 70 oitenta 80 noventa 90 cem 100 cento 100
        duzentos 200 duzentas 200 trezentos 300 trezentas 300 quatrocentos 400 quinhentos 500 seiscentos 600
        setecentos 700 oitocentos 800 novecentos 900 mil 1000 e 0"""),
    "de": ("der das und mit fur bei dem wird ist nach zusammen mal umdrehungen grad gramm stunden tage "
           "minuten sekunden tabletten", """
        ein 1 eins 1 eine 1 zwei 2 drei 3 vier 4 funf 5 sechs 6 sieben 7 acht 8 neun 9 zehn 10 elf 11 zwolf 12
        dreizehn 13 vierzehn 14 funfzehn 15 sechzehn 16 siebzehn 17 achtzehn 18 neunzehn 19 zwanzig 20 dreissig 30
        vierzig 40 funfzig 50 sechzig 60 siebzig 70 achtzig 80 neunzig 90 hundert 100 tausend 1000 und 0"""),
    "sv": ("och med det att vid som ganger varv grader gram timmar dagar minuter sekunder "
           "tabletter", """
        en 1 ett 1 tva 2 tre 3 fyra 4 fem 5 sex 6 sju 7 atta 8 nio 9 tio 10 elva 11 tolv 12 tretton 13 fjorton 14
        femton 15 sexton 16 sjutton 17 arton 18 nitton 19 tjugo 20 trettio 30 fyrtio 40 femtio 50 sextio 60
        sjuttio 70 attio 80 nittio 90 hundra 100 tusen 1000"""),
}
_PARTS = {lang: (frozenset(common.split()), dict(zip(words.split()[::2], map(int, words.split()[1::2]))))
          for lang, (common, words) in _LANGUAGES.items()}
_COMMON = frozenset().union(*(common for common, _ in _PARTS.values()))   # none an English word: a quick test
_JOIN = ("y", "et", "e", "und")   # "ciento noventa y nueve", "soixante et onze", "cento e vinte"
_ALONE = frozenset("un una uno une um uma en ett".split())   # a number part that is also "a": a number only in a run


def _pattern(parts: dict) -> re.Pattern:
    """A run of number words: each word made whole of number parts (longest first), joined by spaces, hyphens or
    the language's "and"; German writes "mal" (times) on ("dreihunderteinsmal")."""
    part = "(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")"
    word = rf"{part}+(?:mal)?"
    join = r"(?:[- ]+(?:(?:" + "|".join(_JOIN) + r") )?)"
    return re.compile(rf"\b{word}(?:{join}{word})*\b")


_RUNS = {lang: _pattern(parts) for lang, (_, parts) in _PARTS.items()}


def _split(word: str, parts: dict) -> list[int]:
    """The values of the number parts a word is made of, longest part first where it leaves a whole split (as the
    pattern that found the word does: "sextionio" is "sextio nio"); [] if it has none."""
    best: list = [None] * len(word) + [[]]   # best[i]: a split of word[i:], or None
    for i in range(len(word) - 1, -1, -1):
        j = next((j for j in range(len(word), i, -1) if word[i:j] in parts and best[j] is not None), None)
        best[i] = None if j is None else [parts[word[i:j]], *best[j]]
    return best[0] or []


def _value(values: list[int]) -> int:
    total = current = 0
    for v in values:
        if v == 1000:
            total, current = total + max(current, 1) * 1000, 0
        elif v == 100:
            current = max(current, 1) * 100
        else:
            current += v
    return total + current


def _language(t: str, words: set) -> str | None:
    """The language of a text's numbers: the one whose common words (two points each) and number parts in runs of two
    or more (one point each) score most, three points at least ("deux cent quatorze degres", not "six cents")."""
    def score(lang: str) -> int:
        common, parts = _PARTS[lang]
        runs = [len(_split_run(m[0], parts)) for m in _RUNS[lang].finditer(t)]
        return 2 * len(words & common) + sum(n for n in runs if n >= 2)
    best = max(_PARTS, key=score)
    return best if score(best) >= 3 else None


def _split_run(run: str, parts: dict) -> list[int]:
    """The values of a run's number parts ("deux cent quatorze" -> [2, 100, 14])."""
    return [v for w in re.split(r"[- ]+", run) if w and w not in _JOIN for v in _split(_bare(w, parts), parts)]


def _bare(word: str, parts: dict) -> str:
    """A word without the German "mal" (times) written on, where the rest splits whole ("dreihunderteinsmal")."""
    return word[:-3] if word.endswith("mal") and word not in parts and _split(word[:-3], parts) else word


def european(t: str) -> str:
    """Number words of a folded, lower-case text in its language to digits ("deux cent quatorze degres" -> "214
    degres"); a text in English is left as it is."""
    words = re.findall(r"[a-z]+", t)
    if _COMMON.isdisjoint(words):
        return t   # English, as nearly every answer is
    words = set(words)
    t = t.replace("ß", "ss").replace("quatre-vingt", "quatrevingt")
    lang = _language(t, words)
    if lang is None:
        return t
    parts = _PARTS[lang][1]

    def number(m: re.Match) -> str:
        words = [w for w in re.split(r"[- ]+", m[0]) if w and w not in _JOIN]
        if not words or len(words) == 1 and words[0] in _ALONE:
            return m[0]
        times = _bare(words[-1], parts) != words[-1]
        values = [_split(_bare(w, parts), parts) for w in words]
        if not all(values):
            return m[0]   # a word the pattern took that splits no whole way
        value = _value([v for vs in values for v in vs])
        return f"{value} mal" if times else str(value)
    return _RUNS[lang].sub(number, t)


_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9}
_CJK_POWERS = {"十": 10, "百": 100, "千": 1000}
_CJK_NUMBER = re.compile("[" + "".join(_CJK_DIGITS) + "".join(_CJK_POWERS) + "]+")


def cjk(t: str) -> str:
    """Chinese and Japanese numerals to digits: 四十二 -> 42, 二百二十九 -> 229, 十五 -> 15."""
    def value(m: re.Match) -> str:
        total = digit = 0
        for ch in m[0]:
            if ch in _CJK_DIGITS:
                digit = digit * 10 + _CJK_DIGITS[ch] if digit and ch in "零〇" else _CJK_DIGITS[ch]
            else:
                total += max(digit, 1) * _CJK_POWERS[ch]
                digit = 0
        return f" {total + digit} "
    return _CJK_NUMBER.sub(value, t)
