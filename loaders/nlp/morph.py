"""Morphology helpers: Polish over morfeusz2 (analysis + generation), Czech by rules.

Polish names of bodies inflect only in their head noun and the adjectives that agree with
it ("Miejskiego Ośrodka Pomocy Społecznej" -> "Miejski Ośrodek Pomocy Społecznej"): the
genitive complements ("Pomocy Społecznej") stay. `pl_nominative` implements exactly that
with morfeusz2, so no inflected form is ever hard-coded.

Czech has no offline analyser that generates forms; simplemma lemmatises single words but
misreads place names ("Hoře" -> hořet), so Czech uses small ending rules
(`cs_nominative_word`) driven by the head noun's gender from `data/heads_cs.tsv`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

log = logging.getLogger(__name__)

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")


@dataclass(frozen=True)
class Reading:
    lemma: str  # without morfeusz's homonym suffix ("Kalisz:Sm3" -> "Kalisz")
    pos: str  # subst, adj, adja, prep, ...
    numbers: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    quals: tuple[str, ...]  # "nazwa_geograficzna", "imię", "nazwisko", ...
    raw_lemma: str
    degree: str = ""  # adjectives: pos, com ("Wyższa Szkoła"), sup

    @property
    def is_geo(self) -> bool:
        return "nazwa_geograficzna" in self.quals

    @property
    def is_given_name(self) -> bool:
        return "imię" in self.quals


@lru_cache(maxsize=1)
def _morfeusz():
    import morfeusz2  # imported lazily: loading the SGJP dictionary takes ~0.3 s

    return morfeusz2.Morfeusz(generate=True, analyse=True)


def _parse_tag(tag: str) -> tuple[str, frozenset, frozenset, frozenset]:
    parts = tag.split(":")
    pos = parts[0]
    numbers: set[str] = set()
    cases: set[str] = set()
    genders: set[str] = set()
    for p in parts[1:]:
        vals = set(p.split("."))
        if vals <= {"sg", "pl"}:
            numbers |= vals
        elif vals <= set(CASES):
            cases |= vals
        elif vals <= {"m1", "m2", "m3", "f", "n"}:
            genders |= vals
    return pos, frozenset(numbers), frozenset(cases), frozenset(genders)


def _degree(tag: str) -> str:
    for d in ("pos", "com", "sup"):
        if tag.endswith(":" + d):
            return d
    return ""


def _strip_lemma(lemma: str) -> str:
    return lemma.split(":", 1)[0] if ":" in lemma[1:] else lemma


@lru_cache(maxsize=50000)
def pl_readings(word: str) -> tuple[Reading, ...]:
    """All morfeusz2 readings of one word (hyphenated words: of their last part)."""
    if not word:
        return ()
    target = word
    if "-" in word.strip("-"):
        target = word.strip("-").rsplit("-", 1)[-1]
    out = []
    edges = _morfeusz().analyse(target)
    # The word as one segment: the edge from the first node to the last. A form that
    # morfeusz can also split ("działem" = dział + -em, "I made") has both paths; one
    # that can only be split falls back to its first segment.
    last = max((end for _s, end, _i in edges), default=1)
    whole = any(start == 0 and end == last for start, end, _i in edges)
    for start, end, (form, lemma, tag, quals, _labels) in edges:
        if start != 0 or end != (last if whole else 1):
            continue
        pos, numbers, cases, genders = _parse_tag(tag)
        if pos == "ign":
            continue
        out.append(Reading(_strip_lemma(lemma), pos, numbers, cases, genders, tuple(quals), lemma, _degree(tag)))
    return tuple(out)


@lru_cache(maxsize=20000)
def _generated(raw_lemma: str) -> tuple[tuple[str, str, frozenset, frozenset, frozenset, tuple], ...]:
    try:
        forms = _morfeusz().generate(raw_lemma)
    except Exception:  # morfeusz raises on lemmas it does not know
        return ()
    out = []
    for form, _lemma, tag, quals, _labels in forms:
        pos, numbers, cases, genders = _parse_tag(tag)
        out.append((form, pos + ("/" + _degree(tag) if pos == "adj" else ""), numbers, cases, genders, tuple(quals)))
    return tuple(out)


def pl_generate(reading: Reading, case: str, number: str = "sg", gender: str | None = None) -> str | None:
    """The form of `reading`'s lemma in `case`/`number` (adjectives: in `gender`)."""
    want_pos = "adj" if reading.pos in ("adj", "adja", "adjp") else reading.pos
    if want_pos == "adj":  # keep the degree: "Wyższej" -> "Wyższa", "Miejskiego" -> "Miejski"
        want_pos = "adj/" + (reading.degree or "pos")
    best = None
    for form, pos, numbers, cases, genders, quals in _generated(reading.raw_lemma):
        if pos != want_pos or case not in cases or number not in numbers:
            continue
        if want_pos.startswith("adj"):
            if gender and gender not in genders:
                continue
        elif reading.genders and not (genders & reading.genders):
            continue
        if reading.is_geo and quals and "nazwa_geograficzna" not in quals:
            continue
        if best is None:
            best = form
    return best


def match_case(form: str, like: str) -> str:
    """Give `form` the capitalisation pattern of `like` (Upper, UPPER or lower)."""
    if not form:
        return form
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


@lru_cache(maxsize=50000)
def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: for comparisons and keys."""
    text = unicodedata.normalize("NFKD", text.lower().replace("ł", "l"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


# --- Polish -------------------------------------------------------------------------


def _noun_readings(word: str, lemmas: set[str] | None = None) -> list[Reading]:
    rs = [r for r in pl_readings(word) if r.pos in ("subst", "depr")]
    if lemmas is not None:
        rs = [r for r in rs if r.lemma.lower() in lemmas]
        # a head noun is a common noun: drop surname / place readings ("Komenda" m1)
        common = [r for r in rs if "nazwisko" not in r.quals and "imię" not in r.quals and not r.is_geo]
        rs = common or rs
    return rs


def _adj_readings(word: str) -> list[Reading]:
    return [r for r in pl_readings(word) if r.pos in ("adj", "adjp")]


def pl_is_adjective(word: str) -> bool:
    return bool(_adj_readings(word)) or _is_compound_adj(word)


def _is_compound_adj(word: str) -> bool:
    parts = [p for p in word.replace("–", "-").split("-") if p]
    return len(parts) > 1 and bool(_adj_readings(parts[-1]))


def pl_head_number_case(word: str, head_lemmas: set[str]) -> tuple[set[str], set[str], set[str]]:
    """(numbers, cases, genders) of `word` read as one of `head_lemmas`."""
    numbers: set[str] = set()
    cases: set[str] = set()
    genders: set[str] = set()
    for r in _noun_readings(word, head_lemmas):
        numbers |= r.numbers
        if "sg" in r.numbers:  # the cases of a plural reading would hide a genitive singular
            cases |= r.cases
            genders |= r.genders
    return numbers, cases, genders


def pl_agreeing_cases(word: str, number: str, gender: str) -> set[str]:
    """Cases in which adjective `word` agrees with a noun of `number`/`gender`."""
    out: set[str] = set()
    for r in _adj_readings(_last_part(word)):
        if number in r.numbers and gender in r.genders:
            out |= r.cases
    return out


def _last_part(word: str) -> str:
    return word.replace("–", "-").rsplit("-", 1)[-1]


def pl_adjective_to(word: str, case: str, number: str, gender: str) -> str | None:
    """Adjective `word` (any form) put into case/number/gender; compounds keep their first parts."""
    norm = word.replace("–", "-")
    prefix, last = ("", norm)
    if "-" in norm.strip("-"):
        prefix, last = norm.rsplit("-", 1)
        prefix += "-"
    for r in _adj_readings(last):
        form = pl_generate(r, case, number, gender)
        if form:
            return prefix + match_case(form, last)
    return None


def pl_noun_to(word: str, case: str, number: str = "sg", lemmas: set[str] | None = None,
               geo: bool = False) -> str | None:
    rs = _noun_readings(word, lemmas)
    if geo:
        rs = [r for r in rs if r.is_geo] or rs
    for r in rs:
        form = pl_generate(r, case, number)
        if form:
            return match_case(form, word)
    return None


def pl_noun_gender(word: str, lemmas: set[str] | None = None) -> str | None:
    rs = _noun_readings(word, lemmas)
    rs = [r for r in rs if "sg" in r.numbers] or rs
    for r in rs:
        for g in ("m3", "f", "n", "m1", "m2"):
            if g in r.genders:
                return g
    return None


_PL_ORDINALS = frozenset("pierwszy drugi trzeci czwarty piąty szósty siódmy ósmy dziewiąty dziesiąty".split())


def pl_nominative(words: list[str], head: int, head_lemmas: set[str]) -> list[str] | None:
    """Nominative singular of a name whose head noun is `words[head]`.

    The head and the adjectives agreeing with it (before it, and a post-posed run right
    after it) are inflected; the rest (genitive complements, proper parts) stays.
    Returns None when the head reads only as plural (a generic mention).
    """
    numbers, cases, genders = pl_head_number_case(words[head], head_lemmas)
    if numbers and "sg" not in numbers:
        return None
    if not cases:
        return list(words)  # unknown to morfeusz (indeclinable, foreign): keep
    gender = pl_noun_gender(words[head], head_lemmas) or "m3"
    # narrow the head's case with the adjectives that agree with it
    cand = set(cases)
    for w in words[:head]:
        ag = pl_agreeing_cases(w, "sg", gender)
        if ag and cand & ag:
            cand &= ag
    post_end = head + 1
    while post_end < len(words) and pl_agreeing_cases(words[post_end], "sg", gender) & cand:
        post_end += 1
    run = list(range(head + 1, post_end))
    if run and post_end < len(words) and _noun_readings(words[post_end]) and not pl_is_adjective(words[post_end]):
        # "Oddziału Okręgowego Polskiego Czerwonego Krzyża": the run modifies the next noun,
        # except its first adjective, which is the usual post-posed qualifier of the head
        run = run[:1]
        if any(r.lemma.lower() in _PL_ORDINALS for r in pl_readings(words[run[0]])):
            run = []  # "Uniwersytetu Trzeciego Wieku", "Domu Drugiej Szansy": the ordinal counts the noun
    if run:
        ag = set(cand)
        for i in run:
            ag &= pl_agreeing_cases(words[i], "sg", gender) or ag
        if ag:
            cand = ag
    case_now = "nom" if "nom" in cand else "oblique"
    out = list(words)
    if case_now == "nom":
        return out
    hf = pl_noun_to(words[head], "nom", "sg", head_lemmas)
    if hf:
        out[head] = hf
    for i in list(range(0, head)) + run:
        if pl_agreeing_cases(words[i], "sg", gender):
            af = pl_adjective_to(words[i], "nom", "sg", gender)
            if af:
                out[i] = af
    return out


def pl_inflect_name(words: list[str], head: int, head_lemmas: set[str], case: str) -> list[str]:
    """A nominative name put into `case` (for "Wydział X <parent in genitive>")."""
    gender = pl_noun_gender(words[head], head_lemmas) or "m3"
    out = list(words)
    hf = pl_noun_to(words[head], case, "sg", head_lemmas)
    if hf:
        out[head] = hf
    i = head + 1
    post = []
    while i < len(words) and pl_agreeing_cases(words[i], "sg", gender) & {"nom"}:
        post.append(i)
        i += 1
    if post and i < len(words) and _noun_readings(words[i]) and not pl_is_adjective(words[i]):
        post = post[:1]
    for j in list(range(0, head)) + post:
        if pl_agreeing_cases(words[j], "sg", gender) & {"nom"}:
            af = pl_adjective_to(words[j], case, "sg", gender)
            if af:
                out[j] = af
    return out


def pl_case_of(word: str) -> set[str]:
    """All cases `word` can be in (any reading)."""
    out: set[str] = set()
    for r in pl_readings(word):
        out |= r.cases
    return out


def pl_is_nominative_given_name(word: str) -> bool:
    rs = [r for r in pl_readings(word) if r.is_given_name]
    return any("nom" in r.cases and "sg" in r.numbers for r in rs) and not any(
        "gen" in r.cases for r in rs
    )


# --- Czech --------------------------------------------------------------------------

# adjective endings by gender: oblique -> nominative singular (hard and soft declension)
_CS_ADJ = {
    "m": [("ého", "ý"), ("ému", "ý"), ("ém", "ý"), ("ým", "ý"), ("ího", "í"), ("ímu", "í"), ("ím", "í")],
    "n": [("ého", "é"), ("ému", "é"), ("ém", "é"), ("ým", "é"), ("ího", "í"), ("ímu", "í"), ("ím", "í")],
    "f": [("ou", "á"), ("é", "á"), ("í", "í")],
}


# possessive adjectives (-ov-, -in-) in any case: "Masarykovou", "Masarykovy", "Kolpingově"
_CS_POSSESSIVE = re.compile(r"^(.{3,}?(?:ov|in))(?:a|y|u|ou|o|ě|ých|ým|ými|ým|ého|ému|ém)$")


def cs_adjective_nominative(word: str, gender: str) -> str:
    """Czech adjective (sg oblique) -> nominative singular of `gender` (m, f, n)."""
    low = word.lower()
    m = _CS_POSSESSIVE.match(low)
    if m and word[:1].isupper():
        base = word[: m.end(1)]
        return base + {"f": "a", "n": "o"}.get(gender, "")  # Masarykova, Janáčkovo, Masarykov(ův)
    for end, new in _CS_ADJ.get(gender, []):
        if low.endswith(end) and len(low) > len(end) + 2:
            return match_case(word[: len(word) - len(end)] + new, word) if not word.isupper() else word
    return word


# pronouns and determiners with adjective endings: they open a clause or qualify a kind,
# never start a name ("se kterou má město", "tohoto úřadu")
_CS_NOT_ADJ = frozenset("""také své svého svém svou svým svých svými svoji její jejich naše naší našeho našem naším našich
    vaše vaší vašeho které který která kterého kterému kterém kterým kterou kterých kterými jiné jiný jiná jiného
    jiných další dalších dalším každý každá každé každého každému každém každou tento tato toto tohoto tomuto
    tomto tímto této tuto touto těchto těmto těmito tyto ty té tou tom tím tomu toho těch všech všem všemi
    všechny celý celá celé celého celou""".split())


@lru_cache(maxsize=20000)
def cs_is_adjective(word: str) -> bool:
    """A Czech adjective: adjective ending and an adjective lemma (-ý, -í) by simplemma."""
    import simplemma

    low = word.lower()
    if word[:1].isupper() and re.search(r"(?:ov|in)(?:a|y|u|ou|o|ě|ých|ým|ými)$|ův$", low) and len(low) > 5:
        return True  # possessive adjectives: "Masarykova univerzita", "Janáčkovo"
    if low in _CS_NOT_ADJ or not low.endswith(
        ("ý", "á", "é", "í", "ého", "ému", "ém", "ým", "ou", "ího", "ímu", "ím", "ých", "ými")
    ):
        return False
    lem = simplemma.lemmatize(word if word[:1].isupper() else low, lang="cs").lower()
    if lem == low and word[:1].isupper():
        lem = simplemma.lemmatize(low, lang="cs").lower()
    if lem == low and re.search(r"(?:sk|ck)(?:ý|á|é|ého|ému|ém|ým|ou|ých|ými)$", low):
        return True  # -ský / -cký adjectives simplemma does not know in every case: "krajskou"
    if lem == low and re.search(r"(?:[aá]r|[aá]l|ov|eb)n(?:ím|ího|ímu|ích|ími)$", low):
        return True  # soft adjectives simplemma does not know: "Statutárním", "Regionálního"
    if word[:1].isupper() and lem.endswith(("á", "é")) and low.endswith(("é", "á", "ou")):
        return True  # proper adjectives: simplemma gives "Kutná" for "Kutné"
    if low.endswith("ním") and lem.endswith(("ání", "ení", "ění", "tí")):
        return False  # instrumental of a verbal noun ("jednáním"), not an adjective ("sociálním")
    return lem.endswith(("ý", "í")) and not lem.endswith("ství")
