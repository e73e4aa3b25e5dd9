"""Events the article reports: forums, conferences, meetings, workshops, openings, jubilees.

1. Mentions, by head noun (`data/events.tsv`; Polish forms from morfeusz2):

- named: [ordinal] [adjectives] Head Complements, capitalised or in capitals
  ("I Forum Polityki Społecznej", "IV KUJAWSKO – POMORSKIE FORUM POMOCY SPOŁECZNEJ",
  "Veřejné fórum o sociálních službách"), or a head with a quoted name / "pod hasłem „...”";
- generic: [adjectives] head [complement] in lower case, where the complement is a body's name
  ("posiedzenie Zespołu Interdyscyplinarnego ds. ..."), a genitive chain ("setkání poskytovatelů
  sociálních služeb", "otwarciu klubu") or a fixed prepositional phrase ("spotkanie w sprawie ...",
  "piknik z okazji Dnia ...", "spotkanie doradcze dla ...", "workshop graffiti pro veřejnost").
  Such a mention *reports* an event (is anchored) when its sentence has a past-tense verb of holding,
  convening or taking part ("odbyło się", "zwołał", "uczestniczyli", "konalo se", "svolal"), or a
  future one with a day-date ("odbędzie się w czwartek 18 kwietnia"); never after "kolejne / další",
  in a habitual sentence ("co miesiąc", "jednou za měsíc") or as a body's routine ("na svém jednání").

2. Events, in text order: named mentions group by name; a reported generic mention joins the latest
event with the same head noun, else the latest event when their dates agree, else founds an event
("one event once": the meeting mentioned three times is one event; a second gathering on another
day is another). Unreported mentions and general words ("uroczystość", "akce") only join an event.

3. Names: the proper or quoted name; else the article's own noun phrase in the nominative
("Koordinační porada", "Spotkanie w sprawie sytuacji osób bezdomnych"), a headline naming it,
"To tytuł konferencji", a team's meeting, a project's opening conference or a jubilee ("20 lat X"
-> "Jubileusz 20-lecia X"). Every surface form goes into the aliases ("posiedzeniu",
"úvodním setkáním partnerů", "otwarciu klubu").

4. Date, place, venue, organisers, participants and speakers come from the event's sentences.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ... import model
from . import morph
from .dates import DateMention, find_dates
from .persons import PersonMention, Tok, _WORD
from .text import Sentence, sentence_at

log = logging.getLogger(__name__)

_ROMAN = re.compile(r"^(?:X{0,2})(?:IX|IV|V?I{0,3})$")
_CS_STOP = {"se", "je", "jsou", "byl", "byla", "bylo", "byli", "v", "ve", "na", "do", "od", "pro", "s", "z", "ze",
            "a", "i", "k", "u", "o", "po", "za", "který", "která", "které", "jenž", "kde", "proběhl", "proběhla",
            "proběhlo", "konal", "konala", "konalo", "uskutečnil", "uskutečnila", "uskutečnilo", "letos", "také"}
_PREPS = {"w", "we", "z", "ze", "na", "do", "od", "po", "o", "v", "ve", "s", "se", "k", "ke", "u", "za", "przy",
          "pod", "nad", "przed", "podczas", "dla", "při", "během", "pro"}
_MAX_ALIASES = 12


@dataclass(frozen=True)
class Head:
    lemma: str
    type: str
    named_only: bool
    plural_ok: bool
    ref: bool = False  # a general word for an event: refers back, founds one only with a complement
    needs_comp: bool = False  # founds an event only with a complement ("otwarcie klubu")
    gender: str = "n"  # Czech: the gender its adjectives agree in
    before: tuple[str, ...] = ()  # an event noun only after a word starting so ("kulatý stůl")
    after: tuple[str, ...] = ()  # a lower-case event noun only before one ("den otevřených dveří")


@dataclass(eq=False)
class _Mention:
    start: int
    end: int
    surface: str  # as written
    name: str  # nominative
    head: Head
    sent: Sentence
    named: bool
    reported: bool = False  # the sentence reports this gathering (see the module docstring)
    key: str = ""  # generic: the nominative with its complement; "__title__" for "To tytuł konferencji"
    method: str = ""
    conf: float = 0.7
    long_surface: str | None = None  # with the complement, as written
    variants: list[str] = field(default_factory=list)  # shorter surface forms ("posiedzeniu", "otwarciu klubu")
    inner: list[str] = field(default_factory=list)  # named events inside the complement ("Dnia X", "Dzień X")
    date: DateMention | None = None  # the day-date next to it in its sentence
    body: str | None = None  # the organisation its complement names ("posiedzenie Zespołu X")


@dataclass(eq=False)
class _Group:
    mentions: list[_Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # folded names of its named mentions
    lemmas: set[str] = field(default_factory=set)
    date: DateMention | None = None

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        if not m.head.ref:
            self.lemmas.add(m.head.lemma)
        if m.named:
            self.keys.add(_key(m.name))
        for inner in m.inner:
            self.keys.add(_key(inner))
        if m.date is not None and self.date is None and (m.reported or m.named):
            self.date = m.date

    @property
    def named(self) -> bool:
        return any(m.named for m in self.mentions)

    def conflicts(self, m: _Mention) -> bool:
        """Another day: the mention reports a different gathering ("17 i 18 stycznia" holds the 18th)."""
        if not (self.date and m.date) or self.date.date == m.date.date:
            return False
        a0, a1 = self.date.date, self.date.end_date or self.date.date
        b0, b1 = m.date.date, m.date.end_date or m.date.date
        return not (a0 <= b1 and b0 <= a1)


# --- lexicon -------------------------------------------------------------------------


def _data(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


def _cs_gender(lemma: str) -> str:
    if lemma.endswith(("a", "e", "st")):
        return "f"  # porada, konference, schůze, slavnost
    if lemma.endswith(("í", "um", "o")):
        return "n"  # setkání, fórum
    return "m"


@lru_cache(maxsize=1)
def _number_ambiguous() -> frozenset[str]:
    """Polish head forms that read as the genitive singular and as the plural subject or object
    ("szkolenia", "spotkania", "debaty"): alone, they do not say that one event took place."""
    sg: set[str] = set()
    pl_nom_acc: set[str] = set()
    for form, (head, _plural) in _heads("pl").items():
        for r in morph.pl_readings(form):
            if r.lemma != head.lemma or r.pos not in ("subst", "depr"):
                continue
            if "sg" in r.numbers:
                sg.add(form)
            if "pl" in r.numbers and r.cases & {"nom", "acc"}:
                pl_nom_acc.add(form)
    return frozenset(f for f in sg & pl_nom_acc if not _heads("pl")[f][0].plural_ok)


@lru_cache(maxsize=2)
def _heads(lang: str) -> dict[str, tuple[Head, bool]]:
    """Lower-case form -> (head, is_plural_form)."""
    out: dict[str, tuple[Head, bool]] = {}
    for line in _data("events.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", ""]
        lg, lemma, typ, flags, forms = cols[:5]
        if lg != lang or " " in lemma:
            continue
        flags_set = set(flags.split(",")) if flags else set()
        before = tuple(f[7:] for f in flags_set if f.startswith("before:"))
        after = tuple(f[6:] for f in flags_set if f.startswith("after:"))
        head = Head(lemma, typ, "named" in flags_set, "plural" in flags_set, "ref" in flags_set,
                    "comp" in flags_set, _cs_gender(lemma) if lang == "cs" else "n", before, after)
        if lang == "cs" or forms.split():
            for f in (forms.split() or [lemma]):
                out.setdefault(f.lower(), (head, head.plural_ok))
            continue
        out.setdefault(lemma, (head, head.plural_ok))
        for r in morph.pl_readings(lemma):
            if r.lemma.lower() != lemma or r.pos not in ("subst", "depr"):
                continue
            for form, pos, numbers, cases, genders, _q in morph._generated(r.raw_lemma):
                if pos in ("subst", "depr"):
                    plural = "sg" not in numbers
                    prev = out.get(form.lower())
                    if prev is None or (prev[1] and not plural):
                        out[form.lower()] = (head, plural)
    return out


# --- cues ----------------------------------------------------------------------------

# a past gathering: held, convened, organised, attended, opened, spoken at ("during")
_V = r"(?:ł|ła|ło|li|ły|no|ny|na|ne|ną)"  # Polish past and passive endings after the stem
_PAST = re.compile(
    r"\b(?:odby(?:ł|ła|ło|li|ły)\s+się|się\s+odby(?:ł|ła|ło|li|ły)|zorganizowa" + _V + r"|"
    r"przygotowa" + _V + r"|zwoła" + _V + r"|uczestniczy(?:ł|ła|ło|li|ły)|"
    r"(?:wzię(?:li|ły|ła|ło)|wziął)\s+(?:w\s+(?:nim|niej|nich)\s+)?udział|udział\s+w\s+\w+\s+wzię|"
    r"obradowa\w*|spotka(?:li|ły|ło)\s+się|zebra(?:li|ły|ło)\s+się|zjecha(?:li|ły|ło)|"
    r"gości" + _V + r"|otworzy(?:ł|ła|ło|li|ły)|otwarto|zainaugurowa\w+|rozpoczął|rozpoczęł\w+|"
    r"zakończy" + _V + r"|podsumowa" + _V + r"|poprowadzi" + _V + r"|prowadzi(?:ł|ła|ło|li|ły)|"
    r"przewodniczy(?:ł|ła|ło|li)|zgromadzi(?:ł|ła|ło|li)|przyby(?:ł|ła|ło|li|ły)|przyjecha(?:ł|ła|li|ły)|"
    r"zjawi(?:li|ły)|zasiedli|obchodzono|świętowa" + _V + r"|uświetni(?:ł|ła|ło|li|ły)|"
    r"wysłucha" + _V + r"|omówi(?:ł|ła|ło|li|ły|ono)|zaprezentowa" + _V + r"|"
    r"dyskutowa" + _V + r"|rozmawia(?:no|li|ły)|debatowa(?:li|ły|no)|wręczo(?:no|ne)|"
    r"miał[aoy]?\s+miejsce|miały\s+miejsce|"
    r"uskutečnil\w*|konal[aoiy]?|proběhl\w*|sešl[aioy]|sešel|setkal[aoiy]?|zúčastnil\w*|účastnil\w*|"
    r"uspořádal\w*|pořádal\w*|zorganizoval\w*|svolal\w*|zahájil\w*|zakončil\w*|přivítal\w*|"
    r"vystoupil\w*|promluvil\w*|diskutoval\w*|projednal\w*|připomněl\w*|dolaďoval\w*|probíral\w*|"
    r"přednesl\w*)\b",
    re.IGNORECASE,
)
# "during", "host", "speakers": a report when the sentence is in the past ("Podczas spotkania omówiono"),
# not when it tells what will happen ("Podczas warsztatów uczestnicy poznają ...")
_DURING = re.compile(r"\b(?:podczas|w\s+trakcie|gospodarz\w*|prelegen\w+|během|v\s+průběhu|na\s+(?:něm|ní|nich))\b",
                     re.IGNORECASE)
_PAST_TENSE = re.compile(r"\b\w{2,}(?:ł|ła|ło|li|ły|ono|ano|l|la|lo|ly)\b", re.IGNORECASE)
# an announced gathering: counts only with a day-date in the same sentence
_FUTURE = re.compile(
    r"\b(?:odbędzie\s+się|odbędą\s+się|się\s+odbędzie|zostanie\s+zorganizowan\w+|zorganizuj\w+|organizuj\w+|"
    r"przygotowuj\w+|zaprasza\w*|zaplanowan\w+|zaplanowano|weźmie\s+udział|wezmą\s+udział|"
    r"uskuteční\s+se|se\s+uskuteční|proběhne|proběhnou|bude\s+konat|se\s+koná|konat\s+se\s+bude|"
    r"pořádá|pořádají|uspořádá|uspořádají|zveme|zve|zvou|zúčastní)\b",
    re.IGNORECASE,
)
_HABITUAL = re.compile(
    r"\b(?:co\s+(?:miesiąc|tydzień|kwartał|dwa|trzy|pół)|raz\s+(?:w|na)\s+\w+|regularn\w*|cykliczn\w*|"
    r"zwykle|zazwyczaj|odbywają\s+się|spotykają\s+się|(?:dwa|trzy|kilka)\s+razy|(?:dva|tři|dvakrát|třikrát|"
    r"několikrát)\s+(?:do|za|v)\s+rok\w*|jednou\s+za|pravideln\w*|každ\w+\s+(?:měsíc|týden|"
    r"rok|čtvrtletí|středu|pondělí|úterý|čtvrtek|pátek)|měsíčně|týdně|scházejí\s+se|zpravidla|obvykle)\b",
    re.IGNORECASE,
)
# kept for the date fallback: a sentence that reports a gathering at all
_REPORT = re.compile(_PAST.pattern + "|" + _DURING.pattern, re.IGNORECASE)
_NOT_THIS = {"kolejnego", "kolejne", "kolejnym", "kolejnej", "kolejna", "następne", "następnego",
             "następnym", "przyszłe", "przyszłego", "przyszłym", "najbliższe", "najbliższym",
             "najbliższego", "další", "dalšího", "dalším", "příští", "příštího", "příštím",
             "każde", "każdym", "żadne", "takich", "takie", "podobne", "podobnych", "liczne", "licznych",
             "wiele", "kilka", "różne", "różnych", "inne", "innych", "wszystkie", "wszystkich", "ich",
             "mnoho", "několik", "různé", "různých", "jiné", "jiných", "všechna", "všech",
             "swoim", "swym", "swojej", "swoich", "svém", "své", "svou", "svých"}
# words that count an event, not describe it: kept in the surface, left out of the name
_ORDINAL = re.compile(
    r"^(?:pierwsz|drug|trzeci|czwart|piąt|szóst|siódm|ósm|dziewiąt|dziesiąt|ostatni|tegoroczn|"
    r"dzisiejsz|wczorajsz|niedawn|první|druh|třetí|čtvrt|pát|šest|sedm|osm|devát|desát|poslední|"
    r"letošní|dnešní|včerejší)",
    re.IGNORECASE,
)
_TITLE_REF = re.compile(
    r"^(?:to|taki|tak|takim)\s+(?:był\s+|jest\s+)?(?:tytuł|temat|hasło)\w*|(?:pod\s+tytułem|pod\s+hasłem)\b",
    re.IGNORECASE,
)
_TEAM = re.compile(
    r"\b(zesp(?:ół|ołu|ołowi|ołem|ole)|grup(?:a|y|ie|ę|ą)\s+robocz(?:a|ej|ą)|komisj(?:a|i|ę|ą))"
    r"\s+(ds\.|do\s+spraw)\s+([^\W\d][\w-]*(?:\s+(?:w\s+(?-i:(?=[a-ząćęłńóśźż])))?[^\W\d][\w-]*){0,5}?)"
    r"(?=\s*(?:[,.;:]|\s(?:który|która|działa|obradował|(?:w|we|na|z|ze)\s+(?-i:(?=[A-ZŁŚŻŹĆŃÓ]))|oraz|i\s)|$))",
    re.IGNORECASE,
)
_TEAM_MEETING = re.compile(r"obrad\w*|posiedzeni\w*|spotkani\w*|zebra(?:ł|ła|li)\s+się|zebrani\w*", re.IGNORECASE)
_SPEECH = re.compile(
    r"\b(?:mówi|powiedzia|podkreśl|przedstawi|zaprezentowa|prezentowa|omówi|przybliży|poprowadzi|"
    r"podzieli(?:ł|ła|li)\s+się|udzieli|zapozna|wygłosi|prelegen|wykład|referat|życzeni|gratulac|"
    r"przemawia|zabra(?:ł|ła|li)\s+głos|głos\s+zabra\w*|wystąpi|otworzy|opowiada|przypomnia|wyjaśnia|przywita|"
    r"zaznaczy|zwróci(?:ł|ła|li)\s+uwagę|powita|zapowiedzia|wylicza|relacjonowa|apelowa|dodał|"
    r"řekl|uvedl|zdůraznil|představil|prezentoval|přednesl|hovořil|vystoupil|promluvil|mluvil|vysvětlil|"
    r"popsal|upozornil|ocenil|připomněl|přivítal|doplnil|dodal|poděkoval|informoval)",
    re.IGNORECASE,
)
_ATTEND = re.compile(
    r"uczestnicz|udział|przybyl|przyjechal|obecn|reprezentowa|przedstawiciel|zasiedli|zjawili|gości|stoisk|"
    r"zúčastn|účastn|přítomn|zástupc|zapojil|stánk",
    re.IGNORECASE,
)
_ORGANISE = re.compile(
    r"organizator\w*|współorganizator\w*|gospodarz\w*|zorganizowa\w*|organizowa\w*|przygotowa\w*|"
    r"pořadatel\w*|spoluorganizátor\w*|organizátor\w*|uspořádal\w*|pořádal\w*|zorganizoval\w*|"
    r"pořádá|organizuje|organizują|przygotowuj\w*|svolal\w*|zwoła\w*",
    re.IGNORECASE,
)
_LAW = re.compile(r"(?:ustaw|uchwał|rozporządz|zarządzeni|zákon|vyhlášk|usnesení|z\s+dnia)\w*\s*$", re.IGNORECASE)
# a project's opening or closing conference: "Projekt zainaugurowała konferencja"
_PROJECT_ROLE = re.compile(
    r"\b(?:(za)?inaugur\w+|podsumow\w+|zamykając\w+|otwierając\w+)", re.IGNORECASE)
_PROJECT_NAME = re.compile(r"\bprojekt\w*\s+(?:pn\.\s*|pt\.\s*|pod\s+nazwą\s+)?[„\"]([^”\"]{3,160})[”\"]", re.IGNORECASE)
# "20 lat Warsztatu Terapii Zajęciowej „Promyk”" (a headline), "jubileusz 20-lecia Fundacji X"
_JUBILEE_TITLE = re.compile(r"^(\d{1,3})\s+lat\s+(?=[A-ZŁŚŻŹĆŃÓ„])(.{3,120})$")
_JUBILEE_TEXT = re.compile(
    r"\b(\d{1,3})\s*-\s*leci(?:a|e|u|em)\s+((?:[A-ZŁŚŻŹĆŃÓ][\w-]*|„[^”]{1,60}”)"
    r"(?:\s+(?:[A-ZŁŚŻŹĆŃÓ][\w-]*|„[^”]{1,60}”|i|w|we|im\.))*)")


# --- mentions -----------------------------------------------------------------------


@lru_cache(maxsize=512)
def _tokens(sent: Sentence) -> list[Tok]:
    return [Tok(m.group(0), sent.start + m.start(), sent.start + m.end()) for m in _WORD.finditer(sent.text)]


def _is_capital_word(t: Tok) -> bool:
    return t.text[:1].isupper()


def _head_at(t: Tok, lang: str) -> tuple[Head, bool] | None:
    return _heads(lang).get(t.low)


def _named_at(text: str, toks: list[Tok], i: int, lang: str, blocked) -> tuple[int, int, Head] | None:
    """A capitalised event name starting at token i: returns (i0, i1, head)."""
    j = i
    if j < len(toks) and _ROMAN.match(toks[j].text) and toks[j].text and toks[j].text.isupper():
        j += 1
    elif j + 1 < len(toks) and toks[j].text.isdigit() and toks[j + 1].text == ".":
        j += 2
    ordinal = j > i
    pre_adj = 0
    # Czech writes names in sentence case ("Den otevřených dveří", "Národní potravinová sbírka"):
    # a capitalised head (or adjective) inside a sentence may take lower-case words after it
    sentence_case = lang == "cs" and i > 0 and toks[i - 1].text not in ".:!?–-"
    while j < len(toks) and (_is_capital_word(toks[j]) or (pre_adj and sentence_case and toks[j].text.islower()
                                                            and _adj_like(toks[j].text, lang))) \
            and not _head_at(toks[j], lang) and toks[j].low not in _NOT_THIS:
        # "Kujawsko – Pomorskie", "Ogólnopolski", "Regionalne"
        if len(toks[j].text) > 1 and toks[j].low not in _PREPS and (toks[j].text.isupper() or _adj_like(toks[j].text, lang)):
            j += 1
            pre_adj += 1
            while j + 1 < len(toks) and toks[j].text in "-–" and _is_capital_word(toks[j + 1]):
                j += 2
            continue
        break
    if j >= len(toks):
        return None
    hit = _head_at(toks[j], lang)
    if not hit or not (_is_capital_word(toks[j]) or (sentence_case and pre_adj and _is_capital_word(toks[i]))):
        return None
    head, plural = hit
    h = j
    j += 1
    comps = 0
    if lang == "cs" and head.named_only and not sentence_case and j < len(toks) and toks[j].text.islower() \
            and (_cs_adj(toks[j].text) or toks[j].low == "pro"):
        # a Czech day's name opening a sentence: "Den sociálních služeb se konal ...", "Den pro rodinu ..."
        sentence_case = True
    while j < len(toks):
        t = toks[j]
        if _is_capital_word(t) and t.low not in ("w", "we", "v", "ve", "z", "ze", "na") and not t.text.isdigit():
            j += 1
            comps += 1
            continue
        # a preposition inside a Polish title-case name: "Dzień Walki z Depresją", "Forum Organizacji dla Seniorów"
        if lang == "pl" and comps and t.low in ("z", "ze", "o", "dla", "do", "przeciw", "bez", "od", "nad") \
                and j + 1 < len(toks) and _is_capital_word(toks[j + 1]) and not toks[j + 1].text.isupper() \
                and not _head_at(toks[j + 1], lang) and not any(r.is_geo for r in morph.pl_readings(toks[j + 1].text)):
            j += 2
            comps += 1
            continue
        if sentence_case and t.text.islower() and t.text.isalpha() and comps < 4 and \
                t.low not in _CS_STOP and not t.low.endswith(("al", "ala", "alo", "ali", "il", "ila", "ilo", "ili")):
            j += 1
            comps += 1
            continue
        # a preposition inside a sentence-case name: "Veřejné fórum o sociálních službách"
        if sentence_case and t.low in ("o", "pro", "k", "ke") and j + 1 < len(toks) and comps < 4 \
                and toks[j + 1].text.isalpha() and toks[j + 1].text.islower() and toks[j + 1].low not in _CS_STOP \
                and not _cs_verb(toks[j + 1].low):
            j += 2
            comps += 1
            continue
        if t.low in ("i", "a") and j + 1 < len(toks) and _is_capital_word(toks[j + 1]) and comps \
                and not _head_at(toks[j + 1], lang):
            j += 2
            comps += 1
            continue
        if t.text in "-–" and comps and j + 1 < len(toks) and _is_capital_word(toks[j + 1]):
            j += 2
            continue
        if t.text.isdigit() and len(t.text) == 4 and comps:
            j += 1  # "Forum 2023"
            continue
        break
    if not (ordinal or comps or pre_adj):
        return None
    if pre_adj and not comps and not ordinal and h == i:
        return None
    if head.named_only and not (comps or pre_adj):
        return None
    s, e = toks[i].start, toks[j - 1].end
    # a sentence-initial capital alone ("Spotkanie Rady ...") is still a name only with a complement
    if any(s < be and bs < e for bs, be in blocked):
        return None
    return i, j, head


def _adj_like(word: str, lang: str) -> bool:
    low = word.lower()
    if lang == "cs":
        return low.endswith(("ý", "á", "é", "í", "ské", "cké"))
    return morph.pl_is_adjective(word) or low.endswith(("skie", "ckie", "ski", "cki", "owe", "owy", "ne", "ny"))


def _name_nominative(words: list[str], head_idx: int, head: Head, lang: str) -> list[str]:
    """The phrase with its head (and the adjectives agreeing with it) in the nominative."""
    if lang != "pl":
        return _cs_nominative(words, head_idx, head)
    try:
        nom = morph.pl_nominative(words, head_idx, {head.lemma})
    except Exception:  # pragma: no cover - morphology must never break extraction
        nom = None
    nom = nom or list(words)
    if nom[head_idx] != words[head_idx]:
        # a participle after the head agrees with it too: "spotkaniu poświęconym" -> "spotkanie poświęcone"
        gender = (morph.pl_noun_gender(nom[head_idx], {head.lemma}) or "m3")[:1]
        for k in range(head_idx + 1, min(len(words), head_idx + 4)):
            if _PARTICIPLE.match(words[k].lower()):
                nom[k] = re.sub(r"(ąc|on)(?:y|a|e|ego|ej|ym|ą|emu)$",
                                lambda m: m.group(1) + {"m": "y", "f": "a", "n": "e"}.get(gender, "y"), words[k])
                break
    return nom


def _cs_nominative(words: list[str], head_idx: int, head: Head) -> list[str]:
    """"úvodním setkáním partnerů" -> "úvodní setkání partnerů" (head from the lexicon, adjectives by rule)."""
    out = list(words)
    w = words[head_idx]
    if w.lower() != head.lemma and not head.plural_ok:
        out[head_idx] = morph.match_case(head.lemma, w)
    for k in range(head_idx):
        if _cs_adj(words[k]):
            out[k] = morph.cs_adjective_nominative(words[k], head.gender)
    return out


def _normalise_caps(surface: str) -> str:
    """"IV KUJAWSKO – POMORSKIE FORUM" -> "IV Kujawsko-Pomorskie Forum"."""
    words = surface.split()
    out = []
    for w in words:
        if w.isupper() and len(w) > 1 and not _ROMAN.match(w):
            w = "-".join(p[:1] + p[1:].lower() for p in w.split("-"))
        out.append(w)
    text = " ".join(out)
    # compound adjectives written with a spaced dash: "Kujawsko – Pomorskie"
    return re.sub(r"(\w+o)\s*[–-]\s*(\w)", r"\1-\2", text)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


class _Cues:
    """What one sentence says about time: past report, announcement, habit, day-dates (read lazily)."""

    __slots__ = ("text", "dates", "_reports")

    def __init__(self, sent: Sentence, dates: list[DateMention]) -> None:
        self.text = sent.text
        self.dates = dates
        self._reports: bool | None = None

    def date_near(self, start: int, end: int, reach: int = 90) -> DateMention | None:
        """The date closest to the mention; a written day ("4 października") before a weekday alone."""
        best = None
        for d in self.dates:
            dist = start - d.end if d.end <= start else d.start - end if d.start >= end else 0
            rank = (d.weekday_only, dist)
            if dist <= reach and (best is None or rank < best[0]):
                best = (rank, d)
        return best[1] if best else None

    def reports(self) -> bool:
        if self._reports is None:
            if _HABITUAL.search(self.text) and not self.dates:
                self._reports = False
            else:
                self._reports = bool(_PAST.search(self.text)) or (bool(self.dates) and bool(_FUTURE.search(self.text))) \
                    or (bool(_DURING.search(self.text)) and (bool(self.dates) or _in_past(self.text)))
        return self._reports


def _in_past(text: str) -> bool:
    """A past-tense verb in the sentence (Polish praet by morfeusz; Czech -l forms by ending)."""
    for m in _PAST_TENSE.finditer(text):
        w = m.group(0)
        if w.lower().endswith(("ł", "ła", "ło", "li", "ły", "ono", "ano")):
            rs = morph.pl_readings(w)
            if not rs or any(r.pos in ("praet", "imps") for r in rs):
                return True  # unknown to morfeusz: a Czech form
        elif _cs_verb(w.lower()) and not any(r.pos in ("subst", "adj") for r in morph.pl_readings(w)):
            return True
    return False


def _event_dates(text: str, published: str | None) -> list[DateMention]:
    """Day-dates that can be an event's: not a law's ("ustawa z dnia ..."), not the dateline."""
    out = []
    for d in find_dates(text, published):
        if d.date and not _LAW.search(text[max(0, d.start - 40):d.start]) and not _dateline(text, d):
            out.append(d)
    return out


def find_event_mentions(text: str, lang: str, sentences: Sequence[Sentence], org_mentions=(), title=None,
                        published: str | None = None, dates: list[DateMention] | None = None) -> list[_Mention]:
    """Every mention of an event noun in `text`, named or generic, with whether it is reported."""
    lang = "cs" if lang in ("cs", "sk") else "pl"
    blocked = [(m.start, m.end) for m in org_mentions]
    org_at = {m.start: m.end for m in org_mentions}
    org_id_at = {m.start: m.org_id for m in org_mentions}
    if dates is None:
        dates = _event_dates(text, published)
    date_starts = [d.start for d in dates]
    heads = _heads(lang)
    out: list[_Mention] = []
    for sent in sentences:
        toks = _tokens(sent)
        head_at = [k for k, t in enumerate(toks) if t.low in heads]
        if not head_at:
            continue  # no event noun, no mention (most sentences)
        lo, hi = bisect.bisect_left(date_starts, sent.start), bisect.bisect_left(date_starts, sent.end)
        cues: _Cues | None = None
        i = 0
        while i < len(toks):
            first = toks[i].text[:1]
            if not (first.isupper() or first.isdigit()) and toks[i].low not in heads:
                i += 1
                continue
            # a name starts at most a few words before its head noun
            nh = head_at[bisect.bisect_left(head_at, i)] if head_at[-1] >= i else None
            if nh is None:
                break
            if nh - i > 6:
                i += 1
                continue
            if cues is None:
                cues = _Cues(sent, dates[lo:hi])
            got = _named_at(text, toks, i, lang, blocked) if (first.isupper() or first.isdigit()) else None
            if got:
                i0, i1, head = got
                s, e = toks[i0].start, toks[i1 - 1].end
                surface = text[s:e]
                norm = _normalise_caps(surface)
                words = norm.split()
                hidx = next((k for k, w in enumerate(words) if heads.get(w.lower(), (None,))[0] == head), 0)
                name = " ".join(_name_nominative(words, hidx, head, lang)) if lang == "pl" else norm
                nm = _Mention(s, e, surface, name, head, sent, True, reported=True,
                              method="pattern:event-named", conf=0.85, date=cues.date_near(s, e))
                # "na již šestém Setkání ...", "na tegorocznym Forum ...": the form with its count
                prev = toks[i0 - 1] if i0 else None
                if prev is not None and prev.text.isalpha() and prev.text.islower() and _agrees_pre(prev, lang):
                    nm.variants.append(text[prev.start:e])
                out.append(nm)
                i = i1
                continue
            hit = _head_at(toks[i], lang)
            if hit and lang == "cs" and toks[i].text.islower():
                got = _cs_name_after(toks, i, blocked)
                if got:
                    j0, j1 = got
                    s, e = toks[j0].start, toks[j1 - 1].end
                    out.append(_Mention(s, e, text[s:e], text[s:e], hit[0], sent, True, reported=True,
                                        method="pattern:event-name-after-head", conf=0.7,
                                        long_surface=text[toks[i].start:e], date=cues.date_near(s, e)))
                    i = j1
                    continue
            if hit:
                q = _quoted_after(text, toks, i, sent, lang)
                if q:
                    qs, qe, qname, alias_end = q
                    plural = hit[1] and not hit[0].plural_ok
                    if not plural:
                        out.append(_Mention(qs, qe, text[qs:qe], qname, hit[0], sent, True, reported=True,
                                            method="pattern:event-quoted-name", conf=0.85,
                                            long_surface=text[toks[i].start:alias_end],
                                            date=cues.date_near(toks[i].start, qe)))
                        i += 1
                        continue
                got2 = _generic(text, toks, i, hit, sent, lang, blocked, org_at, cues, org_id_at)
                if got2:
                    m, next_i = got2
                    out.append(m)
                    i = max(i + 1, next_i)
                    continue
            i += 1
    return out


def _cs_name_after(toks: list[Tok], i: int, blocked) -> tuple[int, int] | None:
    """"na konferenci Bydlení jako sociální služba? se ...": a sentence-case name right after the head."""
    j = i + 1
    if j >= len(toks) or not toks[j].cap or toks[j].low in _PREPS:
        return None
    if any(toks[j].start < be and bs < toks[j].end for bs, be in blocked):
        return None  # a body's name ("setkání Charity Opava")
    k = j + 1
    while k < len(toks) and k - j < 8 and toks[k].text.isalpha() and toks[k].text.islower() \
            and not _cs_verb(toks[k].low):
        if toks[k].low in _CS_STOP:
            # a preposition inside the name ("Péče o seniory") is followed by a lower-case word
            if not (toks[k].low in _PREPS and toks[k].low not in ("se", "s") and k + 1 < len(toks)
                    and toks[k + 1].text.isalpha() and toks[k + 1].text.islower()
                    and toks[k + 1].low not in _CS_STOP):
                break
        k += 1
    if k - j < 2 or any(toks[x].start < be and bs < toks[x].end for x in range(j, k) for bs, be in blocked):
        return None
    return j, k


def _cs_verb(low: str) -> bool:
    """A Czech past-tense verb ("pořádal", "přinesli"): it ends a name or a complement."""
    return low.endswith(("al", "il", "el", "ala", "ila", "ela", "alo", "ilo", "ali", "ili", "eli", "aly", "ily",
                         "ěl", "ěla", "ěli", "ul", "ula", "ulo", "uli"))


_QUOTE_INTRO = re.compile(
    r"^\s*(?:(?:pod\s+(?:hasłem|tytułem|nazwą)|pt\.|pn\.|zatytułowan\w+|nazwan\w+|s\s+názvem|pod\s+názvem|"
    r"na\s+téma|na\s+temat|s\s+tématem|nazvan\w+)\s*)?[„“\"«]$",
    re.IGNORECASE,
)


def _quoted_after(text, toks, i, sent, lang="pl") -> tuple[int, int, str, int] | None:
    """"konferencja „X”", "warsztaty pod hasłem „X”", "workshop „X“" -> (start, end, name, alias end)."""
    k = i + 1
    # up to two adjectives between the head and the title: "debata społeczna „X”", "konferencja naukowa „X”"
    while k < len(toks) and k - i <= 2 and toks[k].text.isalpha() and toks[k].text.islower() and (
            _cs_adj(toks[k].text) if lang == "cs" else morph.pl_is_adjective(toks[k].text)):
        k += 1
    after = toks[k - 1].end
    rest = text[after:min(sent.end, after + 40)]
    m = re.search(r"[„“\"«]", rest)
    if not m or not _QUOTE_INTRO.match(rest[: m.end()]):
        return None
    qs = after + m.end()
    close = re.search(r"[”“\"»]", text[qs:sent.end])
    if not close or close.start() < 2 or close.start() > 150:
        return None
    qe = qs + close.start()
    return qs, qe, " ".join(text[qs:qe].split()), qe + 1


# prepositional complements that belong to an event's name, by the words that open them
_PL_PREP2 = {("w", "sprawie"), ("z", "okazji"), ("na", "temat"), ("z", "terenu"), ("do", "spraw")}
_PL_PREP1 = {"dla"}
_CS_PREP1 = {"pro", "o", "k", "ke"}


def _generic(text, toks, i, hit, sent, lang, blocked, org_at, cues: _Cues,
             org_id_at: dict[int, str] | None = None) -> tuple[_Mention, int] | None:
    """A lower-case mention: [adjectives] head [complement]; returns it and where scanning goes on."""
    head, plural = hit
    t = toks[i]
    if head.before and not (i and toks[i - 1].low.startswith(head.before)):
        return None  # "stůl" is a round table only as "kulatý stůl"
    if head.named_only and not (head.after and i + 1 < len(toks) and toks[i + 1].low.startswith(head.after)):
        return None  # "den" is an event in lower case only as "den otevřených dveří"
    if any(t.start < be and bs < t.end for bs, be in blocked):
        return None
    if plural and not head.plural_ok:
        return None
    prev = [x.low for x in toks[max(0, i - 2):i]]
    if any(p in _NOT_THIS for p in prev):
        return None  # "kolejne posiedzenie", "na svém jednání": not the event reported
    # adjectives before the head
    a = i
    while a - 1 >= 0 and toks[a - 1].text[:1].isalpha() and _agrees_pre(toks[a - 1], lang) \
            and toks[a - 1].low not in _NOT_THIS:
        a -= 1
        if i - a >= 2:
            break
    if lang == "cs" and a < i and toks[a].low.endswith(("ých", "ích", "ými", "ími")):
        return None  # "formát koordinačních setkání": the plural, meetings in general
    b = i + 1
    if b < len(toks) and _agrees_post(toks[b], lang):
        b += 1
    c, first_end, inner = _complement(text, toks, b, lang, org_at)
    short = text[toks[a].start:toks[b - 1].end]
    long = text[toks[a].start:toks[c - 1].end] if c > b else None
    words = short.split()
    hidx = len(text[toks[a].start:toks[i].start].split())
    name = _cap(" ".join(_name_nominative(words, hidx, head, lang)))
    long_name = None
    if long:
        long_name = _cap(" ".join(_name_nominative(long.split(), hidx, head, lang)))
    variants = [t.text]
    if first_end and first_end < c:
        variants.append(text[toks[a].start:toks[first_end - 1].end])
    if a < i:
        variants.append(text[t.start:toks[b - 1].end])
    date = cues.date_near(toks[a].start, toks[c - 1].end)
    before = toks[a - 1].low if a else ""
    # a habitual or unrelated mention is not a report; a generic plural is never one event;
    # "na sesji 11 czerwca", "na setkání 3. května": at the event, on a day, is a report by itself
    reported = (not plural or head.plural_ok) and (
        cues.reports() or (date is not None and before in _AT and not date.weekday_only))
    if reported and lang == "pl" and t.low in _number_ambiguous() and date is None and before not in _GEN_PREPS \
            and not (a < i and _singular_adjective(toks[a])):
        reported = False  # "prowadził szkolenia": many trainings, not one
    mm = _Mention(toks[a].start, toks[b - 1].end, short, name, head, sent, False, reported=reported,
                  method="pattern:event-generic", conf=0.6, long_surface=long, variants=variants, date=date)
    mm.key = long_name or ""
    if b < len(toks) and c > b and toks[b].start in org_at:
        mm.body = org_id_at.get(toks[b].start) if org_id_at else None
    for s, e in inner:
        words_in = _normalise_caps(text[s:e]).split()
        hin = next((k for k, w in enumerate(words_in) if _heads(lang).get(w.lower(), (None, False))[0]), 0)
        hh = _heads(lang).get(words_in[hin].lower(), (head, False))[0]
        mm.inner += [text[s:e], " ".join(_name_nominative(words_in, hin, hh, lang))]
    # the complement is part of this mention: do not read it again as a mention of its own
    return mm, (c if c > b else i + 1)


def _complement(text, toks, j, lang, org_at) -> tuple[int, int, list[tuple[int, int]]]:
    """End of the complement starting at token j, end of its first word, and named events inside it."""
    n = len(toks)
    inner: list[tuple[int, int]] = []
    if j < n and toks[j].start in org_at:
        # a body's name: "posiedzenie Zespołu Interdyscyplinarnego ds. ... w Gminie Pleszew"
        end = org_at[toks[j].start]
        c = j
        while c < n and toks[c].end <= end:
            c += 1
        return c, c, inner
    c = _chain(toks, j, lang, False)
    first_end = j + 1 if c > j else 0
    if lang == "pl" and c < n and _PARTICIPLE.match(toks[c].low):
        # "konferencja podsumowująca projekt „X”", "spotkanie poświęcone przeciwdziałaniu przemocy"
        k = _object(toks, c + 1)
        if k > c + 1:
            return k, first_end or c + 2, inner
    for _ in range(2):  # "dla kierowników ... z terenu powiatu ..."
        if c >= n:
            break
        w0 = toks[c].low
        if w0 in ("z", "ze", "s", "se") and c + 1 < n and _with_whom(toks, c + 1, lang):
            # "spotkanie z mieszkańcami", "setkání s občany": whom the meeting was with
            k = c + 2
            while k < n and k - c < 5 and _with_whom(toks, k, lang):
                k += 1
            c = k
            first_end = first_end or c
            continue
        if lang == "pl":
            if w0 in _PL_PREP1:
                k0 = c + 1
            elif c + 1 < n and (w0, toks[c + 1].low) in _PL_PREP2:
                k0 = c + 2
            else:
                break
        elif w0 in _CS_PREP1:
            k0 = c + 1
        else:
            break
        k = _chain(toks, k0, lang, True)
        if k == k0:
            break
        caps = [x for x in range(k0, k) if toks[x].text[:1].isupper()]
        if caps and _head_at(toks[caps[0]], lang):
            inner.append((toks[caps[0]].start, toks[caps[-1]].end))  # "z okazji Dnia Rodzicielstwa Zastępczego"
        c = k
        first_end = first_end or c
    return c, first_end, inner


_PARTICIPLE = re.compile(r"^(?:podsumowując|inaugurując|otwierając|zamykając|rozpoczynając|poświęcon|dotycząc)\w*$")
_OPEN_Q, _CLOSE_Q = "„“\"«", "”“\"»"


def _object(toks: list[Tok], k: int) -> int:
    """End of a participle's object: words that are not verbs, or one quoted title."""
    n = len(toks)
    k0 = k
    while k < n and k - k0 < 12:
        t = toks[k]
        if t.text in _OPEN_Q:
            q = next((x for x in range(k + 1, min(n, k + 30)) if toks[x].text in _CLOSE_Q), None)
            if q is None:
                break
            return q + 1
        if not t.text[:1].isalnum() or t.low in _GEN_STOP or t.low in _PREPS:
            break
        rs = morph.pl_readings(t.text)
        if any(r.pos in ("fin", "praet", "inf", "impt", "imps", "bedzie", "pcon", "pant") for r in rs):
            break
        k += 1
    return k


def _with_whom(toks: list[Tok], k: int, lang: str) -> bool:
    """A lower-case word in the instrumental ("mieszkańcami", "seniory", "občany", "veřejností")."""
    t = toks[k]
    if not t.text.isalpha() or not t.text.islower() or t.low in _GEN_STOP or t.low in _PREPS:
        return False
    if lang == "cs":
        return t.low.endswith(("ami", "emi", "ými", "ími", "ostí", "any", "ory", "ky", "ty", "ci")) \
            and not _cs_verb(t.low)
    rs = morph.pl_readings(t.text)
    return any("inst" in r.cases and r.pos in ("subst", "adj", "ger") for r in rs) and \
        not any(r.pos in ("fin", "praet", "inf", "ppas", "pact") for r in rs)


def _chain(toks: list[Tok], k: int, lang: str, capitals: bool) -> int:
    """End of a run of complement words from token k ("poskytovatelů sociálních služeb", "zespołu ds. X")."""
    n = len(toks)
    k0 = k
    while k < n and k - k0 < 12:
        t = toks[k]
        if lang == "pl" and t.low == "ds" and k + 1 < n and toks[k + 1].text == ".":
            k += 2
            continue
        if _genitive_like(t, lang, capitals):
            k += 1
            continue
        if k > k0 and t.low in ("i", "oraz", "a") and k + 1 < n and _genitive_like(toks[k + 1], lang, capitals):
            k += 1
            continue
        break
    return k


_AT = frozenset(("na", "w", "we", "v", "ve", "podczas", "během", "po"))
# prepositions that take the genitive: "podczas spotkania" is one meeting
_GEN_PREPS = frozenset(("podczas", "w trakcie", "trakcie", "do", "od", "z", "ze", "dla", "u", "wokół", "według",
                        "uczestnicy", "uczestników", "organizatorzy", "organizatorem", "organizatorami"))


def _singular_adjective(t: Tok) -> bool:
    """"dorocznego spotkania": an adjective that can only be singular here."""
    rs = [r for r in morph.pl_readings(t.text) if r.pos == "adj"]
    return bool(rs) and all("pl" not in r.numbers or not (r.cases & {"nom", "acc"}) for r in rs)


def _agrees_pre(t: Tok, lang: str) -> bool:
    low = t.low
    if lang == "cs":
        return t.text[:1].isalpha() and len(low) > 3 and low not in _heads(lang) and _cs_adj(t.text) and low not in (
            "které", "této", "tohoto", "jeho", "její", "další", "každé", "každém", "tomto", "takové", "jiné")
    return any(r.pos == "adj" for r in morph.pl_readings(t.text)) and low not in _NOT_THIS and low not in (
        "tego", "tej", "ten", "ta", "to", "jego", "jej", "ich", "tym", "którego", "której", "swoim", "naszym",
        "piątkowej", "czwartkowej", "środowej", "wtorkowej", "poniedziałkowej", "sobotniej", "niedzielnej",
        "piątkowym", "czwartkowym", "środowym", "wtorkowym", "poniedziałkowym", "sobotnim", "niedzielnym",
        "tegorocznego", "tegorocznym", "tegoroczne", "tegoroczna", "całego", "całym", "wspólnego", "wspólnym",
        "dwudniowe", "dwudniowego", "jednym", "jednego", "każdym", "wszystkich", "swojej", "tym", "takim",
        "całej", "samym", "samego", "tamtym", "owym", "naszej", "waszym", "pierwszym", "ostatnim")


_CS_VOWELS = set("aeiouyáéěíóúůý")


@lru_cache(maxsize=4096)
def _cs_adj(word: str) -> bool:
    """A Czech adjective, including soft ones in -ní that morph leaves out ("úvodním", "výročním")."""
    if morph.cs_is_adjective(word):
        return True
    low = word.lower()
    if not low.endswith(("ní", "ním", "ního", "nímu", "ních", "ními")):
        return False
    import simplemma

    lem = simplemma.lemmatize(low, lang="cs").lower()
    if lem == low:  # unknown to simplemma: read the ending ("konferenčním" -> "konferenční")
        lem = low[: low.rindex("ní") + 2]
    # a verbal noun has a vowel before -ní ("setkání", "školení"); an adjective a consonant ("výroční")
    return lem.endswith("ní") and len(lem) > 4 and lem[-3] not in _CS_VOWELS


def _agrees_post(t: Tok, lang: str) -> bool:
    if lang == "cs":
        return False
    rs = morph.pl_readings(t.text)
    # "spotkanie wigilijne", "spotkanie Wigilijne", "dzień otwarty": an adjective (or participle), no noun
    return bool(rs) and any(r.pos == "adj" for r in rs) and all(r.pos in ("adj", "ppas", "pact") for r in rs) \
        and not t.text.isupper()


_GEN_STOP = frozenset(("w", "we", "z", "ze", "na", "do", "i", "a", "oraz", "v", "ve", "se", "s", "je", "jest", "był",
                       "była", "było", "się", "który", "która", "które", "jenž", "což", "to", "kterou", "kterým",
                       "kde", "když", "že", "aby", "ale", "nebo", "lub", "albo", "czy", "jak", "jako"))


def _genitive_like(t: Tok, lang: str, capitals: bool = False) -> bool:
    """A word of a complement: genitive (Polish), or any lower-case non-verb word (Czech)."""
    if not t.text[:1].isalpha() or t.low in _GEN_STOP:
        return False
    if lang == "cs":
        # lower-case words up to the next comma or preposition; participles and verbs start a new phrase
        if capitals and t.text[:1].isupper():
            return True
        return t.text.islower() and not t.low.endswith(("ující", "ící", "ající", "aný", "aná", "ané", "ený", "ená",
                                                          "ené", "ěný", "ěná", "ěné")) and not _cs_verb(t.low) \
            and not (len(t.low) > 4 and t.low.endswith(("ovat", "at", "ět", "it"))) and t.low not in _CS_STOP
    if t.low in ("ds", "ds."):
        return True
    rs = morph.pl_readings(t.text)
    return bool(rs) and any("gen" in r.cases and r.pos in ("subst", "adj", "ger") for r in rs) and \
        not any(r.pos in ("fin", "praet", "ppas", "pact", "inf", "impt", "imps", "bedzie") for r in rs)


# --- events --------------------------------------------------------------------------


def find_events(
    text: str,
    lang: str | None,
    sentences: Sequence[Sentence],
    organisations: Sequence[model.Organisation] = (),
    org_mentions: Sequence = (),
    persons: Sequence[model.Person] = (),
    person_mentions: Sequence[PersonMention] = (),
    *,
    published: str | None = None,
    title: str | None = None,
) -> list[model.Event]:
    """The events `text` reports, with date, place, venue, organisers, participants, speakers."""
    lang = "cs" if lang in ("cs", "sk") else "pl"
    sentences = list(sentences)
    # dates without a year take the article's; a page without one still has its dateline
    published = published or _published_fallback(text)
    dates = _event_dates(text, published)
    mentions = find_event_mentions(text, lang, sentences, org_mentions, title, published, dates)
    generic = [m for m in mentions if not m.named]
    title_name, title_alias = _title_names(text, lang, sentences, title, generic)
    groups = _group(mentions)
    team = _team_meeting(text, lang, sentences)
    if not groups:
        if not (team or title_name or title_alias):
            return []
        groups.append(_Group())
    title_head = _heads(lang).get(title_alias.split()[0].lower(), (None,))[0] if title_alias else None
    main = max(range(len(groups)), key=lambda n: (
        bool(title_head and title_head.lemma in groups[n].lemmas), len(groups[n].mentions), -n))
    other_sents: dict[int, set[int]] = {}
    for n, g in enumerate(groups):
        for m in g.mentions:
            other_sents.setdefault(m.sent.start, set()).add(n)
    opening = _opening_end(sentences)
    para_of = _paragraphs(text, sentences)
    events: list[model.Event] = []
    for n, g in enumerate(groups):
        group = sorted(g.mentions, key=lambda m: m.start)
        body = _sitting_body(group, _bodies_near(group, sentences, org_mentions, organisations), organisations,
                             lang)
        ev = _name_event(g, group, lang, text, title, title_name if n == main else None,
                         title_alias if n == main else None, team if n == main else [], f"e{len(events) + 1}",
                         body=body)
        if ev is None:
            continue
        first = next((m for m in group if m.named), None) or next((m for m in group if m.reported), None) \
            or (group[0] if group else None)
        ev_sents = _event_sentences(group, sentences, team if n == main else [], text)
        anchor = first.sent if first else ev_sents[0]
        ev.evidence.append(model.Evidence(
            anchor.text, first.start if first else anchor.start, first.end if first else anchor.end,
            first.method if first else "pattern:event-team-meeting", first.conf if first else 0.6,
            quote=first.surface if first else None,
        ))
        # sentences that belong to another event are not this one's
        foreign = {s for s, owners in other_sents.items() if n not in owners}
        # the article's topic: named in the headline or the opening, or mentioned again and again
        paras = {para_of[m.sent.start] for m in group}
        topical = not group or bool(n == main and (title_name or title_alias or team)) or \
            group[0].start < opening or len(group) >= 3 or len(paras) >= 2
        _fill(ev, text, lang, sentences, ev_sents, organisations, org_mentions, persons, person_mentions,
              published, is_main=(n == main), dates=dates, pick=g.date, foreign=foreign, topical=topical,
              para_of=para_of)
        if body is not None and not ev.organisers:
            # a session is held by its council or team
            ev.organisers = [body.id]
            ev.participants = [o for o in ev.participants if o != body.id]
        events.append(ev)
    return events


def _paragraphs(text: str, sentences: Sequence[Sentence]) -> dict[int, int]:
    """Sentence start -> number of its paragraph (paragraphs are separated by blank lines)."""
    breaks = [m.start() for m in re.finditer(r"\n[ \t\r\f\v\u00a0]*\n", text)]
    return {s.start: bisect.bisect_right(breaks, s.start) for s in sentences}


def _opening_end(sentences: Sequence[Sentence]) -> int:
    """Offset where the article's opening (its first three sentences of running text) ends."""
    seen = 0
    for s in sentences:
        if len(s.text.split()) >= 6 and "|" not in s.text:
            seen += 1
            if seen == 3:
                return s.end
    return sentences[-1].end if sentences else 0


# what stands before the page's own date on its line: "Dodano: ", "Publikováno ", "Prostějov, "
_PUBLISHED_LINE = re.compile(
    r"(?:dodano|opublikowano|data\s+publikacji|publikováno|datum\s+vložení|aktualizováno|vloženo)\W*"
    r"|[A-ZŁŚŻŹĆŃÓÁČĎÉĚÍŇŘŠŤÚŮÝŽ][\w-]+(?:\s+[\w-]+)?\s*[,–-]?\s*", re.IGNORECASE)


def _published_fallback(text: str) -> str | None:
    """The page's own date from a dateline ("Prostějov, 16. května 2024", "Publikováno 28. 11. 2024")."""
    head = text[:2500]
    for d in find_dates(head, None):
        if not d.year_given or not d.date:
            continue
        ls = head.rfind("\n", 0, d.start) + 1
        line_before = head[ls:d.start]
        if _PUBLISHED_LINE.fullmatch(line_before) or _dateline(head, d):
            return d.date
    return None


def _group(mentions: list[_Mention]) -> list[_Group]:
    """Mentions -> events: see the module docstring (2.)."""
    groups: list[_Group] = []
    pending: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.named:
            k = _key(m.name)
            g = next((g for g in groups if any(kk == k or kk.endswith(k) or k.endswith(kk) or kk.startswith(k)
                                               or k.startswith(kk) for kk in g.keys if kk and k)), None)
            if g is None:
                # a named mention names the unnamed event of the same noun ("konferencji ... Konferencja X"),
                # or the one a general word just announced ("akce ... s názvem „Den ...“")
                g = next((g for g in reversed(groups) if not g.named and not g.conflicts(m) and (
                    m.head.lemma in g.lemmas or (not g.lemmas and g.mentions[-1].sent is m.sent))), None)
            if g is None:
                g = _Group()
                groups.append(g)
            g.add(m)
            continue
        founds = m.reported and (not m.head.needs_comp or m.long_surface or " " in m.surface) \
            and (not m.head.ref or m.long_surface)
        if not founds:
            pending.append(m)
            continue
        same = next((g for g in reversed(groups) if m.head.lemma in g.lemmas), None)
        if same is not None and not same.conflicts(m):
            same.add(m)
        elif same is None and groups and not m.head.ref and not groups[-1].conflicts(m):
            groups[-1].add(m)  # another word for the event just reported ("Obradom przewodniczyła")
        elif same is None and groups and m.head.ref:
            groups[-1].add(m)
        else:
            g = _Group()
            g.add(m)
            groups.append(g)
    for m in pending:
        if not groups:
            break
        if m.head.ref:
            # "Uroczystość ... zorganizowano w auli": the event before it, else the one after it
            before = [g for g in groups if g.mentions and g.mentions[0].start <= m.start]
            (before[-1] if before else groups[0]).add(m)
            continue
        same = [g for g in groups if m.head.lemma in g.lemmas]
        if not same:
            continue  # an unreported mention of another kind: no event of its own
        before = [g for g in same if g.mentions[0].start <= m.start]
        target = before[-1] if before else same[0]
        if m.date is not None and target.conflicts(m):
            continue
        target.add(m)
    return [g for g in groups if g.mentions]


def _bodies_near(group: list[_Mention], sentences: list[Sentence], org_mentions,
                 organisations) -> list[model.Organisation]:
    """Organisations named in the sentence of the event's first mention and the one before it."""
    if not group:
        return []
    first = min(group, key=lambda m: m.start)
    k = next((x for x, s in enumerate(sentences) if s.start == first.sent.start), 0)
    lo = sentences[max(0, k - 1)].start
    by_id = {o.id: o for o in organisations}
    out = []
    for m in sorted(org_mentions, key=lambda m: (m.sentence.start != first.sent.start, -m.start)):
        if lo <= m.start < first.sent.end and m.org_id in by_id and by_id[m.org_id] not in out:
            out.append(by_id[m.org_id])
    return out


# bodies that hold sessions: "sesja Rady Gminy X", "posiedzenie Zarządu Powiatu", "zasedání zastupitelstva"
_SITTING_HEADS = {"sesja", "posiedzenie", "zebranie", "obrady", "zasedání", "schůze", "jednání"}
_SITTING_BODIES = {"rada", "zespół", "komisja", "zarząd", "sejmik", "zgromadzenie", "kolegium",
                   "zastupitelstvo", "tým", "komise", "výbor"}


def _sitting_body(group: list[_Mention], bodies: list[model.Organisation],
                  organisations: Sequence[model.Organisation], lang: str) -> model.Organisation | None:
    """The council or team that held a session: the body it names ("posiedzenie Zespołu X"), the one
    named beside it ("Podczas sesji Rada Gminy X ..."), or the one its common noun stands for
    ("posiedzenie zespołu" in an article about "Zespół Interdyscyplinarny w Gminie X")."""
    sittings = [m for m in group if not m.named and m.head.lemma in _SITTING_HEADS]
    if not sittings:
        return None
    by_id = {o.id: o for o in organisations}
    for m in sittings:
        if m.body in by_id and by_id[m.body].name.split()[0].lower() in _SITTING_BODIES:
            return by_id[m.body]
    for o in bodies:
        if o.name.split()[0].lower() in _SITTING_BODIES:
            return o
    for m in sittings:
        rest = (m.long_surface or "")[len(m.surface):].split()
        if len(rest) == 1 and rest[0].islower():
            lemma = _common_noun_lemma(rest[0], lang)
            same = [o for o in organisations if o.name.split()[0].lower() == lemma and lemma in _SITTING_BODIES]
            if len(same) == 1:
                return same[0]
    return None


def _common_noun_lemma(word: str, lang: str) -> str:
    if lang == "cs":
        import simplemma

        return simplemma.lemmatize(word.lower(), lang="cs").lower()
    return next((r.lemma.lower() for r in morph.pl_readings(word) if r.pos == "subst"), word.lower())


def _sitting_name(head: Head, word: str, body: model.Organisation | None) -> str | None:
    """"Podczas sesji 28 lutego Rada Gminy X ..." -> "Sesja Rady Gminy X"."""
    if head.lemma not in _SITTING_HEADS or body is None:
        return None
    words = body.name.split()
    try:
        gen = morph.pl_inflect_name(words, 0, {words[0].lower()}, "gen")
    except Exception:  # pragma: no cover - morphology must never break extraction
        return None
    return f"{_cap(word)} {' '.join(gen)}"


def _name_event(g: _Group, group: list[_Mention], lang: str, text: str, title: str | None,
                title_name: str | None, title_alias: str | None, team: list[str], eid: str,
                body: model.Organisation | None = None) -> model.Event | None:
    """The event's name, type and aliases (module docstring, 3.)."""
    names_named = [m for m in group if m.named]
    special_alias: str | None = None
    founder = next((m for m in group if m.reported and not m.head.ref), None) or \
        next((m for m in group if m.reported), group[0] if group else None)
    # "piknik z okazji Dnia X": the picnic is the event, the day its occasion; so too
    # "Z okazji Dnia Seniora ... odbyło się spotkanie dla seniorów"
    occasion = next((m for m in group if not m.named and m.reported and m.key
                     and any(_key(x) in g.keys for x in m.inner)), None)
    day = None
    if occasion is None:
        day = next((d for d in names_named if d.head.lemma in _OCCASIONS
                    and _FOR_OCCASION.search(text[max(0, d.start - 25):d.start])), None)
        occasion = next((m for m in group if day is not None and not m.named and m.reported and not m.head.ref
                         and m.sent is day.sent and m.head.lemma not in _OCCASIONS), None)
    if occasion is not None:
        name = _without_ordinals(occasion.key or occasion.name, occasion.head, lang)
        typ = occasion.head.type
        head_lemma = occasion.head.lemma
        if day is not None:
            for_words = _FOR_OCCASION.search(text[max(0, day.start - 25):day.start]).group(0).strip().lower()
            special_alias = f"{occasion.name} {for_words} {day.surface}"  # "Spotkanie z okazji Dnia Seniora"
    elif names_named:
        best = max(names_named, key=lambda m: (len(m.name.split()), -m.start))
        name = best.name
        typ = best.head.type
        head_lemma = names_named[0].head.lemma
    else:
        first = next((m for m in group if m.key == "__title__"), None) or founder
        typ = first.head.type if first else "meeting"
        head_lemma = first.head.lemma if first else None
        special = _special_name(group, first, lang, text, title) if first else None
        if title_name:
            name = title_name
        elif special:
            name, special_alias = special
        elif team and (first is None or first.head.type == "meeting"):
            name = team[0]
        elif first and ((first.key and first.key != "__title__") or len(first.name.split()) > 1
                        or not title_alias or _JUBILEE_TITLE.match(title_alias)):
            name = first.key if first.key and first.key != "__title__" and len(first.key.split()) <= 14 \
                else first.name
            name = _without_ordinals(name, first.head, lang)
            if lang == "pl" and len(name.split()) == 1:
                name = _sitting_name(first.head, name, body) or name
        elif title_alias:
            name = title_alias
            hit = _heads(lang).get(title_alias.split()[0].lower())
            typ = hit[0].type if hit else typ
        else:
            return None
    aliases: list[str] = []

    def add(s: str | None) -> None:
        s = " ".join(s.split()) if s else s
        # exact forms: "IV KUJAWSKO – POMORSKIE FORUM" stays beside "IV Kujawsko-Pomorskie Forum"
        if s and s != name and s not in aliases:
            aliases.append(s)

    for m in group:
        if m.named:
            for s in (m.surface, m.name, m.long_surface, *m.variants):
                if s and len(s.split()) > 1:
                    add(s)
            for s in m.inner:
                add(s)
    for m in group:
        if not m.named and m.head.lemma == head_lemma and (m.reported or m.key != "__title__"):
            for s in (m.long_surface, m.surface, m.key if m.key != "__title__" else None, m.name, *m.variants,
                      *m.inner):
                add(s)
    bare = " ".join(w for w in name.split() if not (_ROMAN.match(w) and w.isupper()))
    if bare != name:
        add(bare)
    for s in ([title_alias] if title_alias else []) + team[1:] + ([special_alias] if special_alias else []):
        add(s)
    return model.Event(id=eid, name=name, aliases=aliases[:_MAX_ALIASES], type=typ)


_OCCASIONS = {"dzień", "dni", "święto", "tydzień", "den", "dny"}
_FOR_OCCASION = re.compile(r"\b(?:z\s+okazji|u\s+příležitosti|k\s+příležitosti|z\s+racji)\s*$", re.IGNORECASE)


def _without_ordinals(name: str, head: Head, lang: str) -> str:
    """"Pierwsze posiedzenie zespołu" -> "Posiedzenie zespołu" (the count stays in the aliases)."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and _ORDINAL.match(words[k]) and not _heads(lang).get(words[k].lower()):
        k += 1
    return _cap(" ".join(words[k:])) if k else name


def _special_name(group: list[_Mention], first: _Mention, lang: str, text: str,
                  title: str | None) -> tuple[str, str | None] | None:
    """A project's opening conference or a jubilee, named as the field names them."""
    if lang != "pl":
        return None
    sents = {m.sent.start: m.sent for m in group}
    if first.head.type in ("conference", "meeting", "forum") and not first.key:
        for s in sents.values():
            rm = _PROJECT_ROLE.search(s.text)
            if rm and re.search(r"\bprojekt", s.text, re.IGNORECASE):
                pm = _PROJECT_NAME.search(s.text) or _PROJECT_NAME.search(text)
                word = rm.group(0).lower()
                stem = ("inaugurując" if "inaugur" in word else "podsumowując" if word.startswith("podsumow")
                        else "zamykając" if word.startswith("zamyk") else "otwierając")
                gender = morph.pl_noun_gender(first.head.lemma, {first.head.lemma}) or "m3"
                part = stem + {"f": "a", "n": "e"}.get(gender, "y")
                return f"{_cap(first.head.lemma)} {part} projekt" + (f" „{pm.group(1).strip()}”" if pm else ""), None
    if first.head.lemma in ("jubileusz", "uroczystość", "obchody", "gala"):
        for part in _title_parts(title) + [p for ln in _heading_lines(text) for p in _title_parts(ln)]:
            jm = _JUBILEE_TITLE.match(part)
            if jm:
                return f"Jubileusz {jm.group(1)}-lecia {jm.group(2).strip()}", part
        for s in sorted(sents.values(), key=lambda s: s.start):
            jm = _JUBILEE_TEXT.search(s.text)
            if jm:
                return f"Jubileusz {jm.group(1)}-lecia {jm.group(2).strip()}", None
    return None


def _heading_lines(text: str) -> list[str]:
    """Short lines without a full stop near the top: the headline when the page's title is not it."""
    out = []
    for ln in text[:3000].splitlines():
        ln = ln.strip()
        if ln and "|" not in ln and len(ln.split()) <= 20 and not ln.endswith((".", ":", ",")):
            out.append(ln)
    return out


def _title_parts(title: str | None) -> list[str]:
    if not title:
        return []
    out = []
    for part in re.split(r"(?<=[.:!?”])\s+|\s+[–-]\s+", title):
        part = re.sub(r"\s*\(\d+\)\s*$", "", part.strip()).strip(" .")
        if part:
            out.append(part)
    return out


def _key(name: str) -> str:
    words = [w for w in morph.fold(name).replace("-", " ").split() if not _ROMAN.match(w.upper())]
    return " ".join(words)


def _title_names(text, lang, sentences, title, generic) -> tuple[str | None, str | None]:
    """("To tytuł konferencji" -> the headline), (headline part starting with a head noun)."""
    name = None
    alias = None
    for m in generic:
        before = m.sent.text[: m.start - m.sent.start]
        if _TITLE_REF.search(before.strip()) or re.search(r"(?:tytuł|temat|hasło)\w*\s*$", before.strip(), re.I):
            # "„Senior w centrum” to tytuł konferencji": the quoted name, else the headline
            qm = re.match(r"^[„“\"«]([^”“\"»]{3,160})[”“\"»]\s+(?:to|jest|był|było)\s", before.strip())
            name = qm.group(1).strip() if qm else title or _previous_heading(text, m.sent.start)
            m.reported = True
            m.method, m.conf = "pattern:event-title-reference", 0.75
            m.key = "__title__"
            break
    heads = _heads("cs" if lang == "cs" else "pl")
    for part in _title_parts(title):
        words = part.split()
        hit = heads.get(words[0].lower())
        # a headline that starts with an event noun names the event the article reports
        # ("Dzień otwarty w Środowiskowym Domu Samopomocy", "Konferencja w Kielcach")
        if hit and len(words) > 1 and (not hit[0].named_only or words[1][:1].islower()) \
                and not hit[0].ref and not hit[1]:
            alias = part
            break
        jm = _JUBILEE_TITLE.match(part)
        if jm:
            alias = part  # "20 lat Warsztatu Terapii Zajęciowej „Promyk”"
            break
    if name:
        name = name.strip()
    return name, alias


def _previous_heading(text: str, before: int) -> str | None:
    lines = [ln.strip() for ln in text[:before].splitlines() if ln.strip()]
    for ln in reversed(lines):
        if re.search(r"\d{4}-\d\d-\d\d|\d{1,2}:\d\d|dodano|autor|opublikowano", ln, re.I):
            continue
        if len(ln.split()) >= 3 and not ln.endswith("."):
            return ln
    return None


def _team_meeting(text: str, lang: str, sentences) -> list[str]:
    """["Spotkanie zespołu ds. X", "zespół ds. X"] when a team's session is reported."""
    if lang != "pl":
        return []
    m = _TEAM.search(text)
    if not m or not _TEAM_MEETING.search(text):
        return []
    noun = m.group(1)
    low = noun.lower()
    if low.startswith("zesp"):
        nom, gen = "zespół", "zespołu"
    elif low.startswith("grup"):
        nom, gen = "grupa robocza", "grupy roboczej"
    else:
        nom, gen = "komisja", "komisji"
    topic = m.group(3).strip()
    kind = "Posiedzenie" if re.search(r"posiedzeni", text, re.I) and not re.search(r"spotkani", text, re.I) else "Spotkanie"
    return [f"{kind} {gen} ds. {topic}", f"{nom} ds. {topic}"]


def _event_sentences(group, sentences, team, text) -> list[Sentence]:
    seen = []
    for m in group:
        if m.sent not in seen:
            seen.append(m.sent)
    if team:
        for s in sentences:
            if _TEAM.search(s.text) and s not in seen:
                seen.append(s)
    seen.sort(key=lambda s: s.start)
    return seen or list(sentences[:1])


def _fill(ev, text, lang, sentences, ev_sents, organisations, org_mentions, persons, person_mentions,
          published, is_main, dates=None, pick=None, foreign=frozenset(), topical=True, para_of=None) -> None:
    """Date, organisers, speakers, participants, place and venue from the event's sentences.

    The article's topic event (the main one, named in the headline or the opening, or mentioned
    often) takes them from the whole article, except sentences about another event; an event the
    article mentions on the way takes them only from its own sentences.
    """
    wide = is_main and topical
    sent_ids = {s.start for s in ev_sents}
    # date: next to a reported mention, else in the event's sentences, else (the topic event) the first
    # dated sentence that reports a gathering
    if dates is None:
        dates = _event_dates(text, published)
    if pick is None:
        pick = next((d for d in dates if _sent_of(sentences, d.start) in sent_ids), None)
    if pick is None and wide:
        pick = next((d for d in dates if _sent_of(sentences, d.start) not in foreign and (
            _REPORT.search(_sent_text(sentences, d.start))
            or re.search(r"spotkal|sešl|setkal|zebral", _sent_text(sentences, d.start), re.I))), None)
    if pick:
        ev.date, ev.end_date = pick.date, pick.end_date
        ds = sentence_at(sentences, pick.start)
        if ds is not None and ds not in ev_sents:
            ev_sents = sorted(ev_sents + [ds], key=lambda s: s.start)
            sent_ids.add(ds.start)
    # organisers, participants
    oms_by_sent: dict[int, list] = {}
    for m in org_mentions:
        oms_by_sent.setdefault(_sent_of(sentences, m.start), []).append(m)
    org_ids = {o.id for o in organisations}
    organisers: list[str] = []
    if wide:
        scope = [s for s in sentences if s.start not in foreign]
    else:
        # the paragraphs that mention the event ("... spotkanie. Wzięli w nim udział ..."), and the next
        # one when it goes on about who was there ("Na sali obecni byli ...")
        paras = {para_of.get(x) for x in sent_ids} if para_of else set()
        if para_of and paras:
            nxt = max(paras) + 1
            if any(_ATTEND.search(s.text) for s in sentences if para_of.get(s.start) == nxt):
                paras.add(nxt)
        scope = [s for s in sentences if s.start in sent_ids or (
            para_of and para_of.get(s.start) in paras and s.start not in foreign)]
    for s in scope:
        oms = sorted(oms_by_sent.get(s.start, []), key=lambda m: m.start)
        if not oms:
            continue
        for o in _organisers_in(s, oms, lang, s.start in sent_ids):
            if o not in organisers and o in org_ids:
                organisers.append(o)
    if not organisers and len(organisations) == 1 and wide:
        # the article's only body organised it, unless the text has it only taking part
        only = organisations[0].id
        if not all(_ATTEND.search(_sent_text(sentences, m.start)) for m in org_mentions if m.org_id == only):
            organisers.append(only)
    ev.organisers = organisers
    # speakers: people in sentences with a verb of speaking
    pm_by_person: dict[str, list[PersonMention]] = {}
    for pm in person_mentions:
        pm_by_person.setdefault(pm.person_id, []).append(pm)
    scope_ids = {s.start for s in scope}
    speakers = []
    for p in persons:
        for pm in pm_by_person.get(p.id, []):
            if _SPEECH.search(pm.sentence.text) and pm.sentence.start not in foreign and \
                    (wide or pm.sentence.start in scope_ids):
                speakers.append(p.id)
                break
    ev.speakers = speakers
    # participants: bodies in sentences about taking part, and the speakers' bodies
    parents = {o.id: o.part_of for o in organisations}
    participants: list[str] = []
    for s in scope:
        if not _ATTEND.search(s.text):
            continue
        for m in oms_by_sent.get(s.start, []):
            if m.org_id not in participants:
                participants.append(m.org_id)
    speaker_orgs = set()
    for p in persons:
        if p.id in ev.speakers:
            for a in p.affiliations:
                speaker_orgs.add(a.org)
                if a.org not in participants:
                    participants.append(a.org)
    ev.participants = [o for o in participants if o not in organisers and parents.get(o) not in organisers
                       and o in org_ids]
    ev.place, ev.venue, venue_org = _place_venue(text, lang, ev_sents, org_mentions, organisations, ev)
    if venue_org and venue_org not in speaker_orgs:
        # the house that hosts an event takes part in it only through someone who speaks there
        ev.participants = [o for o in ev.participants if o != venue_org]


def _dateline(text: str, d: DateMention) -> bool:
    """A date alone on its line (the article's dateline) is not the event's date."""
    ls = text.rfind("\n", 0, d.start) + 1
    le = text.find("\n", d.end)
    le = len(text) if le < 0 else le
    rest = (text[ls:d.start] + text[d.end:le]).strip(" ,.|-–")
    return len(rest) < 12 and not re.search(r"[a-ząćęłńóśźżěščřžýáíéůú]{4,}", rest, re.I)


def _sent_of(sentences, offset) -> int:
    s = sentence_at(sentences, offset)
    return s.start if s is not None else -1


def _sent_text(sentences, offset) -> str:
    s = sentence_at(sentences, offset)
    return s.text if s is not None else ""


# "wspólnie ze Stowarzyszeniem X", "spolu s Domem dětí": a co-organiser named beside the verb
_WITH = re.compile(r"\b(?:wspólnie\s+z|razem\s+z|we\s+współpracy\s+z|przy\s+współpracy\s+z|"
                   r"spolu\s+s|společně\s+s|ve\s+spolupráci\s+s)e?\s+$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:który|która|które|którą|którego|których|jenž|který|kterou|které|kterého)\s+$",
                       re.IGNORECASE)
_JOIN = re.compile(r"\s*(?:,|i|oraz|a|a\s+také)\s*")


# what one prepares at an event without organising it ("stoiska przygotowały", "připravili občerstvení")
_PREPARED_THINGS = re.compile(
    r"\b(?:stoisk\w*|stánk\w*|stánek|poczęstun\w*|materiał\w*|materiál\w*|ulotk\w*|upomink\w*|"
    r"prezent\w*|občerstvení|dárk\w*|paczk\w*)\b", re.IGNORECASE)


def _organisers_in(s: Sentence, oms, lang, local: bool = False) -> list[str]:
    """Bodies that organised what the sentence reports; `local`: the sentence mentions the event."""
    out: list[str] = []
    for m in _ORGANISE.finditer(s.text):
        word = m.group(0).lower()
        if word.startswith(("przygotow", "připrav")) and _PREPARED_THINGS.search(
                s.text[max(0, m.start() - 40): m.end() + 40]):
            continue  # "swoje stoiska przygotowały X i Y": they prepared stands, not the event
        if not local and word.startswith(("przygotow", "svolal", "zwoła")):
            continue  # "przygotowali stoisko": preparing is organising only where the event is named
        pos = s.start + m.start()
        end = s.start + m.end()
        after = s.text[m.end():]
        if word.startswith(("organizator", "współorganizator", "gospodarz", "pořadatel", "organizátor",
                            "spoluorganizátor")):
            # "Organizatorami ... były: X oraz Y", "Gospodarzem spotkania był X"
            out += [o.org_id for o in oms if o.start >= end]
        elif re.match(r"\s+(?:przez|by)\b", after) or word.startswith(("zorganizowany", "zorganizowana",
                                                                           "zorganizowane", "organizowany")):
            m2 = re.match(r"\s+przez\s+", after)
            if m2:
                out += [o.org_id for o in oms if o.start >= end and o.start - end < 80]
        elif re.match(r"\s+we\s+współpracy\s+z|\s+ve\s+spolupráci\s+s", after, re.I) and word.endswith("no"):
            # "Spotkanie przygotowano we współpracy z ROPS": the partner named is an organiser
            out += [o.org_id for o in oms if o.start >= end and o.start - end < 60][:1]
        else:
            # "X i Y zorganizowali", "X uspořádal": the bodies before the verb
            before = [o for o in oms if o.end <= pos]
            chain: list = []
            if before and pos - before[-1].end < 40 and not _WITH.search(s.text[:before[-1].start - s.start]):
                chain = _chain_of(s, before, backwards=True)
            if chain:
                out += [o.org_id for o in chain]
            elif local:
                # the subject after the verb: "zorganizowało 31 maja PCPR w Jaśle", "kterou svolal odbor ..."
                after_oms = [o for o in oms if o.start >= end and o.start - end < 60]
                if after_oms and not _WITH.search(s.text[:after_oms[0].start - s.start]):
                    out += [o.org_id for o in _chain_of(s, [o for o in oms if o.start >= after_oms[0].start],
                                                        backwards=False)]
                elif _RELATIVE.search(s.text[:m.start()]) and oms and oms[0].end <= pos:
                    out.append(oms[0].org_id)  # "PCPR poinformowało o szkoleniu, które przygotowuje ..."
        if local or out:
            # "... wspólnie ze Stowarzyszeniem X": the partner named beside the verb organised it too
            for o in oms:
                if abs(o.start - end) < 120 and _WITH.search(s.text[max(0, o.start - s.start - 30):o.start - s.start]):
                    out.append(o.org_id)
    seen: list[str] = []
    for o in out:
        if o not in seen:
            seen.append(o)
    return seen


def _chain_of(s: Sentence, oms: list, backwards: bool) -> list:
    """Bodies listed together ("X, Y i Z"): the last (or first) of `oms` and those joined to it."""
    if not oms:
        return []
    if backwards:
        chain = [oms[-1]]
        for o in reversed(oms[:-1]):
            if _JOIN.fullmatch(s.text[o.end - s.start:chain[0].start - s.start]):
                chain.insert(0, o)
            else:
                break
        return chain
    chain = [oms[0]]
    for o in oms[1:]:
        if _JOIN.fullmatch(s.text[chain[-1].end - s.start:o.start - s.start]):
            chain.append(o)
        else:
            break
    return chain


_PLACE_AFTER = re.compile(r"\b(?:w|we|v|ve)\s+((?:[A-ZŁŚŻŹĆŃÓĄĘÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]+)(?:\s+[A-ZŁŚŻŹĆŃÓĄĘÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]+)?)")
_STREET = re.compile(r"^\s*(?:ulic[ei]|ulicy|ul\.|třídě|náměstí|nábřeží|alei|placu|osiedlu|sídlišti)\b", re.IGNORECASE)
_SEAT = re.compile(r"\b(?:w|v)\s+(siedzibie|sídle)\s+", re.IGNORECASE)
# rooms and buildings an event is held in; Czech: locative form -> (nominative, gender)
_VENUE_PL = frozenset("""sala aula siedziba budynek park ogród boisko hala świetlica ratusz biblioteka kościół
    plac teatr kino amfiteatr muzeum filharmonia restauracja hotel kawiarnia pomieszczenie stadion skwer
    dziedziniec klubokawiarnia galeria""".split())
_VENUE_CS = {"sále": ("sál", "m"), "sálu": ("sál", "m"), "síni": ("síň", "f"), "místnosti": ("místnost", "f"),
             "budově": ("budova", "f"), "dvoře": ("dvůr", "m"), "zámku": ("zámek", "m"),
             "radnici": ("radnice", "f"), "knihovně": ("knihovna", "f"), "klubovně": ("klubovna", "f"),
             "parku": ("park", "m"), "zahradě": ("zahrada", "f"), "hale": ("hala", "f"),
             "tělocvičně": ("tělocvična", "f"), "kostele": ("kostel", "m"), "aule": ("aula", "f"),
             "divadle": ("divadlo", "n"), "kině": ("kino", "n"), "muzeu": ("muzeum", "n"),
             "hotelu": ("hotel", "m"), "kanceláři": ("kancelář", "f"), "prostorách": ("prostory", "p"),
             "areálu": ("areál", "m"), "sídle": ("sídlo", "n")}
_VENUE_PREP = {"przy", "nad", "pod", "obok"}
# "w naszej sali", "v naší kanceláři": a pronoun, not part of the venue's name
_NOT_VENUE_ADJ = frozenset("""naszej naszym naszego swojej swoim tej tym tamtej nowej nowym naší našem své svém
    této tomto nové novém""".split())


def _venue_in(s: Sentence, text: str, lang: str, org_at: dict) -> tuple[str, int, str | None] | None:
    """"w sali konferencyjnej Starostwa Powiatowego w Łowiczu" -> ("sala konferencyjna Starostwa ...", end)."""
    toks = _tokens(s)
    n = len(toks)
    for i, t in enumerate(toks):
        if t.low not in ("w", "we", "v", "ve", "na") or i + 1 >= n:
            continue
        j = i + 1
        a = j
        h = None
        while j < n and j - a < 3:
            w = toks[j]
            if _venue_head(w, lang):
                h = j
                break
            if not w.text.isalpha() or w.text.isupper() or w.low in _NOT_VENUE_ADJ or not (
                    _cs_adj(w.text) if lang == "cs" else _adj_like(w.text, lang)):
                break  # ("w Arcibiskupskim zámku", "w nowej sali": adjectives, capitalised or not)
            j += 1
        if h is None:
            continue
        k = h + 1
        while k < n and k - h < 3 and toks[k].text.islower() and lang == "pl" and _agrees_post(toks[k], lang):
            k += 1
        if k > h + 1 and k < n and toks[k].text.islower() and any(
                r.pos == "subst" for r in morph.pl_readings(toks[k].text)):
            k = h + 1  # "w auli miejskiej szkoły": the adjective is the school's
        post_adj_end = k
        if k < n and toks[k].start in org_at:
            end = org_at[toks[k].start]
            while k < n and toks[k].end <= end:
                k += 1
        else:
            k0 = k
            while k < n and k - k0 < 5 and toks[k].text[:1].isalpha() and toks[k].low not in _GEN_STOP \
                    and toks[k].low not in _PREPS and not _head_at(toks[k], lang) \
                    and (toks[k].text[:1].isupper() or _genitive_like(toks[k], lang)):
                k += 1
            if k < n and toks[k].low in _VENUE_PREP and k + 1 < n and toks[k + 1].text[:1].isupper():
                k += 1
                if toks[k].start in org_at:
                    end = org_at[toks[k].start]
                    while k < n and toks[k].end <= end:
                        k += 1
                else:
                    while k < n and toks[k].text[:1].isupper():
                        k += 1
        if lang == "cs" and k + 2 < n and toks[k].low in ("ve", "v") and toks[k + 1].text[:1].isupper() \
                and toks[k + 2].low in ("ulici", "ulice"):
            k += 3  # "ve Školní ulici"
        words = text[toks[a].start:toks[k - 1].end].split()
        hidx = len(text[toks[a].start:toks[h].start].split())
        if lang == "pl":
            lemma = next(r.lemma for r in morph.pl_readings(toks[h].text) if r.lemma in _VENUE_PL)
            npost = post_adj_end - h - 1
            own = hidx + 1 + npost  # the head with its own adjectives; what follows stays as written
            nom = (morph.pl_nominative(words[:own], hidx, {lemma}) or words[:own]) + words[own:]
            # post-posed adjectives ("sali konferencyjnej") agree with the head
            gender = morph.pl_noun_gender(toks[h].text, {lemma}) or "f"
            for x in range(hidx + 1, hidx + 1 + npost):
                nom[x] = morph.pl_adjective_to(words[x], "nom", "sg", gender) or words[x]
        else:
            lemma, gender = _VENUE_CS[toks[h].low]
            nom = list(words)
            nom[hidx] = lemma
            for x in range(hidx):
                nom[x] = morph.cs_adjective_nominative(words[x], gender if gender != "p" else "f")
        # "w auli Akademii X w Bielsku-Białej": the town right after the venue
        town = None
        if k + 1 < n and toks[k].low in ("w", "we", "v", "ve") and toks[k + 1].text[:1].isupper():
            k2 = k + 1
            while k2 < n and k2 - k <= 2 and toks[k2].text[:1].isupper():
                k2 += 1
            town = _place_of(text[toks[k + 1].start:toks[k2 - 1].end].split(), lang)
        return " ".join(nom), toks[k - 1].end, town
    return None


def _venue_head(t: Tok, lang: str) -> bool:
    if lang == "cs":
        return t.low in _VENUE_CS
    return t.text.islower() and any(r.lemma in _VENUE_PL and "loc" in r.cases and "sg" in r.numbers
                                    for r in morph.pl_readings(t.text))


def _place_venue(text, lang, ev_sents, org_mentions, organisations, ev) -> tuple[str | None, str | None, str | None]:
    """(place, venue, the organisation that is the venue) of an event."""
    place = venue = None
    blocked = [(m.start, m.end) for m in org_mentions]
    org_by_id = {o.id: o for o in organisations}
    org_at = {m.start: m.end for m in org_mentions}
    for s in ev_sents:
        for m in _PLACE_AFTER.finditer(s.text):
            a = s.start + m.start(1)
            b = s.start + m.end(1)
            if any(a < be and bs < b for bs, be in blocked) or _STREET.match(s.text[m.end():]):
                continue
            if lang == "cs" and re.match(r"\s+[a-záčďéěíňóřšťúůýž]{3,}", s.text[m.end():]) and \
                    _cs_adj(m.group(1).split()[-1]):
                continue  # "v Arcibiskupském zámku": a building's adjective, not a town
            words = m.group(1).split()
            cand = _place_of(words, lang)
            if cand:
                place = cand
                break
            # "w Starej Kaflarni w Zdunach": a named venue before the place
            rest = s.text[m.end():]
            m2 = re.match(r"\s+(?:w|we|v|ve)\s+([A-ZŁŚŻŹĆŃÓĄĘ][\w-]+(?:\s+[A-ZŁŚŻŹĆŃÓĄĘ][\w-]+)?)", rest)
            if m2:
                p2 = _place_of(m2.group(1).split(), lang)
                if p2:
                    place = p2
                    if lang == "pl":
                        nom = morph.pl_nominative(words, len(words) - 1,
                                                  {r.lemma.lower() for r in morph.pl_readings(words[-1])})
                        venue = " ".join(nom or words)
                    else:
                        venue = " ".join(words)
                    break
        if place:
            break
    venue_org = None
    for s in ev_sents:
        m = _SEAT.search(s.text)
        if m:
            om = next((o for o in org_mentions if o.start == s.start + m.end()), None)
            if om:
                venue = ("siedziba " if lang == "pl" else "sídlo ") + om.surface
                venue_org = org_by_id.get(om.org_id)
                break
    if venue is None:
        # "w sali konferencyjnej Starostwa ...", "na boisku przy Zespole Szkół ...", "v konferenčním sále ..."
        for s in ev_sents:
            got = _venue_in(s, text, lang, org_at)
            if got:
                venue, vend, town = got
                place = place or town
                om = next((o for o in org_mentions if s.start <= o.start < vend and o.end <= vend
                           and o.start >= vend - len(venue) - 40), None)
                venue_org = org_by_id.get(om.org_id) if om else None
                break
    if venue is None:
        # an event held "w ORG" ("w Urzędzie Miasta", "w Sieradzkim Centrum Kultury")
        for s in ev_sents:
            if not (_REPORT.search(s.text) or _FUTURE.search(s.text)):
                continue
            for om in org_mentions:
                if s.start <= om.start < s.end:
                    before = text[max(s.start, om.start - 12):om.start].split()
                    prev = before[-1].lower() if before else ""
                    org = org_by_id.get(om.org_id)
                    if prev in ("w", "we", "v", "ve") and org and (
                            org.type in ("other", "school", "university", "local-government")):
                        venue = org.name
                        venue_org = org
                        break
            if venue:
                break
    if place is None and venue_org is not None and venue_org.place:
        place = venue_org.place
    if place is None and ev.organisers:
        # organisers from one town: the event is there
        places = {org_by_id[o].place for o in ev.organisers if o in org_by_id}
        if len(places) == 1 and None not in places:
            place = places.pop()
    if place is None:
        place = _dateline_place(text, lang) or _main_place(org_mentions, org_by_id)
    return place, venue, venue_org.id if venue_org is not None else None


_DATELINE_PLACE = re.compile(
    r"^([A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽŁŚŻŹĆŃ][\w-]+(?:\s+(?:nad|pod|u|w)?\s*[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽŁŚŻŹĆŃ][\w-]+)?)"
    r"\s*(?:[–—-]|\.|:|,)\s+(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽŁŚŻŹĆŃ„\d])", re.MULTILINE)


def _dateline_place(text: str, lang: str) -> str | None:
    """The town a report is filed from: "Tábor – Více než ...", "Kobylnica. Radni ...", "Jasło: ..."."""
    for m in _DATELINE_PLACE.finditer(text[:2500]):
        cand = m.group(1)
        sep = text[m.end(1):m.end()].strip()
        if lang == "cs":
            if sep in "–—-" and len(cand.split()) <= 3:
                return cand
            continue
        words = cand.split()
        if any(r.is_geo and "nom" in r.cases for r in morph.pl_readings(words[-1])) and \
                not any(r.pos not in ("subst", "adj") for r in morph.pl_readings(words[0])):
            return cand
    return None


def _main_place(org_mentions, org_by_id) -> str | None:
    """The town most of the article's bodies are in, when most of them are."""
    counts: dict[str, int] = {}
    total = 0
    for m in org_mentions:
        o = org_by_id.get(m.org_id)
        if o is not None and o.place:
            counts[o.place] = counts.get(o.place, 0) + 1
            total += 1
    if not counts:
        return None
    best = max(counts, key=lambda p: (counts[p], p))
    return best if counts[best] * 2 >= total and total >= 2 else None


def _place_of(words: list[str], lang: str) -> str | None:
    from .places import cs_place_nominative, pl_place_nominative

    if lang == "cs":
        if len(words) > 2:
            return None
        nom = cs_place_nominative(words)
        return nom if nom and nom[:1].isupper() else None
    if len(words) == 1 and "-" in words[0].strip("-"):
        # "w Bielsku-Białej", "w Kędzierzynie-Koźlu": each part in the nominative
        parts = words[0].split("-")
        lemmas = {r.lemma for r in morph.pl_readings(parts[0]) if r.is_geo and "loc" in r.cases}
        if len(lemmas) != 1:
            return None  # "Bielsku": Bielsk or Bielsko? better no place than a wrong one
        out = [lemmas.pop()]
        for p in parts[1:]:
            nom = morph.pl_noun_to(p, "nom") or p
            if nom == p and "loc" in morph.pl_case_of(p) and "nom" not in morph.pl_case_of(p):
                return None
            out.append(nom)
        return "-".join(out)
    geo = [r for r in morph.pl_readings(words[-1]) if r.is_geo and "loc" in r.cases]
    if not geo:
        return None
    try:
        return pl_place_nominative(words, "loc") or None
    except Exception:  # pragma: no cover
        return None
