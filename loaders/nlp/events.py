"""Events the article reports: forums, conferences, congresses, meetings, workshops.

Mentions, by head noun (`data/events.tsv`; Polish forms from morfeusz2):

- named: [ordinal] [adjectives] Head Complements, capitalised or in capitals
  ("I Forum Polityki Społecznej", "IV KUJAWSKO – POMORSKIE FORUM POMOCY SPOŁECZNEJ",
  "Dnia Pracownika Socjalnego"), or a head with a quoted name / "pod hasłem „...”";
- generic: a singular head in a sentence that reports it ("wzięli udział w spotkaniu
  doradczym", "Koordinační setkání ... se uskutečnilo"), not "kolejnego spotkania";
- a team's meeting: "zespół ds. wdrażania modelu kooperacji" + "obrady/spotkanie";
- the title: "To tytuł piątkowej konferencji" names the event after the headline; a
  headline part that starts with a head noun ("Spotkanie w Starej Kaflarni") is an alias.

One article usually reports one event: generic mentions join the main named event;
without a named event the reported generic mentions make one event. Date, place, venue,
organisers, participants and speakers come from the sentences that mention it.
"""

from __future__ import annotations

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
from .text import Sentence

log = logging.getLogger(__name__)

_ROMAN = re.compile(r"^(?:X{0,2})(?:IX|IV|V?I{0,3})$")
_CS_STOP = {"se", "je", "jsou", "byl", "byla", "bylo", "byli", "v", "ve", "na", "do", "od", "pro", "s", "z", "ze",
            "a", "i", "k", "u", "o", "po", "za", "který", "která", "které", "jenž", "kde", "proběhl", "proběhla",
            "proběhlo", "konal", "konala", "konalo", "uskutečnil", "uskutečnila", "uskutečnilo", "letos", "také"}
_PREPS = {"w", "we", "z", "ze", "na", "do", "od", "po", "o", "v", "ve", "s", "se", "k", "ke", "u", "za", "przy",
          "pod", "nad", "przed", "podczas", "dla", "při", "během", "pro"}


@dataclass(frozen=True)
class Head:
    lemma: str
    type: str
    named_only: bool
    plural_ok: bool


@dataclass
class _Mention:
    start: int
    end: int
    surface: str  # as written
    name: str  # nominative
    head: Head
    sent: Sentence
    named: bool
    reported: bool = False
    key: str = ""
    method: str = ""
    conf: float = 0.7
    long_surface: str | None = None  # with genitive complements


# --- lexicon -------------------------------------------------------------------------


def _data(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


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
        head = Head(lemma, typ, "named" in flags_set, "plural" in flags_set)
        if lang == "cs":
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


_REPORT = re.compile(
    r"odby(?:ł|ła|ło|li|ły)\s+się|zorganizowa|przygotowa|udział|uczestnicz|uczestni[kc]|przybyl|"
    r"przyjechal|spotkal[ia]\s+się|zebral[ia]\s+się|obradowa|gości(?:ł|ła)|gospodarz|zakończył|"
    r"podczas|w\s+trakcie|obchodzono|prelegen|poświęcono|zaprezentowa|omówi|otworzył|"
    r"zainaugurowa|rozpoczął|rozpoczęł|zjawili|zasiedli|"
    r"uskutečnil|konal[ao]?|proběhl|sešl[iy]|zúčastn|účastn|uspořádal|zorganizoval|pořádal|během",
    re.IGNORECASE,
)
_NOT_THIS = {"kolejnego", "kolejne", "kolejnym", "kolejnej", "kolejna", "następne", "następnego",
             "następnym", "przyszłe", "przyszłego", "przyszłym", "najbliższe", "najbliższym",
             "najbliższego", "další", "dalšího", "dalším", "příští", "příštího", "příštím",
             "każde", "każdym", "żadne", "takich", "takie", "podobne", "podobnych", "liczne", "licznych",
             "wiele", "kilka", "różne", "różnych", "inne", "innych", "wszystkie", "wszystkich", "ich",
             "mnoho", "několik", "různé", "různých", "jiné", "jiných", "všechna", "všech"}
_TITLE_REF = re.compile(
    r"^(?:to|taki|tak|takim)\s+(?:był\s+|jest\s+)?(?:tytuł|temat|hasło)\w*|(?:pod\s+tytułem|pod\s+hasłem)\b",
    re.IGNORECASE,
)
_NAMED_BY = re.compile(
    r"\b(?:pod\s+(?:hasłem|tytułem|nazwą)|pt\.|pn\.|zatytułowan\w+|nazwan\w+|s\s+názvem|"
    r"pod\s+názvem|na\s+téma)\s*$",
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
    r"przemawia|zabra(?:ł|ła|li)\s+głos|głos\s+zabra\w*|wystąpi|otworzy|"
    r"řekl|uvedl|zdůraznil|zdůraznila|představil|prezentoval|přednesl|hovořil|vystoupil|promluvil)",
    re.IGNORECASE,
)
_ATTEND = re.compile(
    r"uczestnicz|udział|przybyl|przyjechal|obecn|reprezentowa|przedstawiciel|zasiedli|zjawili|gości|"
    r"zúčastn|účastn|přítomn|zástupc",
    re.IGNORECASE,
)
_ORGANISE = re.compile(
    r"organizator\w*|współorganizator\w*|gospodarz\w*|zorganizowa\w*|organizowa\w*|przygotowa\w*|"
    r"pořadatel\w*|spoluorganizátor\w*|organizátor\w*|uspořádal\w*|pořádal\w*|zorganizoval\w*|"
    r"pořádá|organizuje|organizują",
    re.IGNORECASE,
)
_LAW = re.compile(r"(?:ustaw|uchwał|rozporządz|zarządzeni|zákon|vyhlášk|usnesení|z\s+dnia)\w*\s*$", re.IGNORECASE)


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
    sentence_case = lang == "cs" and i > 0 and toks[i - 1].text not in ".:!?–-\"„“"
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
    while j < len(toks):
        t = toks[j]
        if _is_capital_word(t) and t.low not in ("w", "we", "v", "ve", "z", "ze", "na") and not t.text.isdigit():
            j += 1
            comps += 1
            continue
        if sentence_case and t.text.islower() and t.text.isalpha() and comps < 4 and \
                t.low not in _CS_STOP and not t.low.endswith(("al", "ala", "alo", "ali", "il", "ila", "ilo", "ili")):
            j += 1
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
    if lang != "pl":
        return words
    try:
        nom = morph.pl_nominative(words, head_idx, {head.lemma})
    except Exception:  # pragma: no cover - morphology must never break extraction
        nom = None
    return nom or words


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


def _sentence_words(surface: str) -> list[str]:
    return surface.split()


def find_event_mentions(text: str, lang: str, sentences: Sequence[Sentence], org_mentions=(), title=None):
    lang = "cs" if lang in ("cs", "sk") else "pl"
    blocked = [(m.start, m.end) for m in org_mentions]
    out: list[_Mention] = []
    for sent in sentences:
        toks = _tokens(sent)
        i = 0
        heads = _heads(lang)
        while i < len(toks):
            first = toks[i].text[:1]
            if not (first.isupper() or first.isdigit()) and toks[i].low not in heads:
                i += 1
                continue
            got = _named_at(text, toks, i, lang, blocked) if (first.isupper() or first.isdigit()) else None
            if got:
                i0, i1, head = got
                s, e = toks[i0].start, toks[i1 - 1].end
                surface = text[s:e]
                norm = _normalise_caps(surface)
                words = norm.split()
                hidx = next((k for k, w in enumerate(words) if _heads(lang).get(w.lower(), (None,))[0] == head), 0)
                name = " ".join(_name_nominative(words, hidx, head, lang))
                out.append(_Mention(s, e, surface, name, head, sent, True, reported=True,
                                    method="pattern:event-named", conf=0.85))
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
                                        long_surface=text[toks[i].start:e]))
                    i = j1
                    continue
            if hit:
                q = _quoted_after(text, toks, i, sent)
                if q:
                    qs, qe, qname, alias_end = q
                    plural = hit[1] and not hit[0].plural_ok
                    if not plural:
                        out.append(_Mention(qs, qe, text[qs:qe], qname, hit[0], sent, True,
                                            reported=bool(_REPORT.search(sent.text)) or True,
                                            method="pattern:event-quoted-name", conf=0.85,
                                            long_surface=text[toks[i].start:alias_end]))
                        i += 1
                        continue
                m = _generic(text, toks, i, hit, sent, lang, blocked)
                if m:
                    out.append(m)
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
    r"na\s+téma|s\s+tématem|nazvan\w+)\s*)?[„“\"«]$",
    re.IGNORECASE,
)


def _quoted_after(text, toks, i, sent) -> tuple[int, int, str, int] | None:
    """"konferencja „X”", "warsztaty pod hasłem „X”", "workshop „X“" -> (start, end, name, alias end)."""
    rest = text[toks[i].end:min(sent.end, toks[i].end + 40)]
    m = re.search(r"[„“\"«]", rest)
    if not m or not _QUOTE_INTRO.match(rest[: m.end()]):
        return None
    qs = toks[i].end + m.end()
    close = re.search(r"[”“\"»]", text[qs:sent.end])
    if not close or close.start() < 2 or close.start() > 150:
        return None
    qe = qs + close.start()
    return qs, qe, " ".join(text[qs:qe].split()), qe + 1


def _generic(text, toks, i, hit, sent, lang, blocked) -> _Mention | None:
    head, plural = hit
    t = toks[i]
    if head.named_only:
        return None
    if any(t.start < be and bs < t.end for bs, be in blocked):
        return None
    if plural and not head.plural_ok:
        return None
    # capitalised mid-sentence ("tegorocznego Forum"): a reference to the named event
    prev = [x.low for x in toks[max(0, i - 2):i]]
    not_this = any(p in _NOT_THIS for p in prev)
    # adjectives around the head
    a = i
    while a - 1 >= 0 and toks[a - 1].text[:1].isalpha() and _agrees_pre(toks[a - 1], lang) and toks[a - 1].low not in _NOT_THIS:
        a -= 1
        if i - a >= 2:
            break
    b = i + 1
    if b < len(toks) and _agrees_post(toks[b], lang):
        b += 1
    # genitive complements ("poskytovatelů sociálních služeb", "zespołu ds. ...")
    c = b
    while c < len(toks) and c - b < 10 and _genitive_like(toks[c], lang):
        c += 1
    short = text[toks[a].start:toks[b - 1].end]
    long = text[toks[a].start:toks[c - 1].end] if c > b else None
    words = short.split()
    hidx = i - a
    name = " ".join(_name_nominative(words, hidx, head, lang))
    if name[:1].islower():
        name = name[:1].upper() + name[1:]
    if long:
        lw = long.split()
        lname = " ".join(_name_nominative(lw, hidx, head, lang))
        long_name = lname[:1].upper() + lname[1:]
    else:
        long_name = None
    reported = (not not_this) and (not plural or head.plural_ok) and bool(_REPORT.search(sent.text))
    mm = _Mention(toks[a].start, toks[b - 1].end, short, name, head, sent, False, reported=reported,
                  method="pattern:event-generic", conf=0.6, long_surface=long)
    mm.key = long_name or ""
    return mm


def _agrees_pre(t: Tok, lang: str) -> bool:
    low = t.low
    if lang == "cs":
        return low.endswith(("ní", "ké", "ské", "cké", "ý", "á", "é")) and t.text[:1].isalpha() and len(low) > 3 \
            and low not in ("které", "této", "tohoto", "jeho", "její", "další", "každé")
    return any(r.pos == "adj" for r in morph.pl_readings(t.text)) and low not in _NOT_THIS and low not in (
        "tego", "tej", "ten", "ta", "to", "jego", "jej", "ich", "tym", "którego", "której", "swoim", "naszym",
        "piątkowej", "czwartkowej", "środowej", "wtorkowej", "poniedziałkowej", "sobotniej", "niedzielnej",
        "piątkowym", "czwartkowym", "środowym", "wtorkowym", "poniedziałkowym", "sobotnim", "niedzielnym",
        "tegorocznego", "tegorocznym", "tegoroczne", "tegoroczna", "całego", "całym", "wspólnego", "wspólnym",
        "dwudniowe", "dwudniowego", "jednym", "jednego", "każdym", "pierwszego", "drugiego", "wszystkich", "swojej")


def _agrees_post(t: Tok, lang: str) -> bool:
    if lang == "cs":
        return False
    rs = morph.pl_readings(t.text)
    return bool(rs) and all(r.pos == "adj" for r in rs) and t.text.islower()


def _genitive_like(t: Tok, lang: str) -> bool:
    if not t.text[:1].isalpha() or t.low in ("w", "we", "z", "ze", "na", "do", "i", "a", "oraz", "v", "ve", "se",
                                              "s", "je", "jest", "był", "była", "było", "się", "który", "która",
                                              "které", "které", "jenž", "což", "to"):
        return False
    if lang == "cs":
        # lower-case words up to the next comma or preposition; participles start a new phrase
        return t.text.islower() and not t.low.endswith(("ující", "ící", "ající")) and not _cs_verb(t.low)
    if t.low in ("ds", "ds."):
        return True
    rs = morph.pl_readings(t.text)
    return bool(rs) and any("gen" in r.cases and r.pos in ("subst", "adj", "ger") for r in rs) and \
        not any(r.pos in ("fin", "praet", "ppas", "pact", "inf") for r in rs)


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
    mentions = find_event_mentions(text, lang, sentences, org_mentions, title)
    named = [m for m in mentions if m.named]
    generic = [m for m in mentions if not m.named]
    groups: list[list[_Mention]] = []
    keys: dict[str, int] = {}
    for m in named:
        k = _key(m.name)
        if k in keys:
            groups[keys[k]].append(m)
        else:
            # "Kujawsko-Pomorskie Forum Pomocy Społecznej" and "IV ..." are one event
            same = next((n for kk, n in keys.items()
                         if kk.endswith(k) or k.endswith(kk) or kk.startswith(k) or k.startswith(kk)), None)
            if same is not None:
                groups[same].append(m)
                keys[k] = same
            else:
                keys[k] = len(groups)
                groups.append([m])
    title_name, title_alias = _title_names(text, lang, sentences, title, generic)
    team = _team_meeting(text, lang, sentences)
    reported = [m for m in generic if m.reported]
    if not groups:
        if not (reported or team or title_name or title_alias):
            return []
        groups.append([])
    main = max(range(len(groups)), key=lambda n: (len(groups[n]), -n))
    groups[main].extend(generic)
    events: list[model.Event] = []
    for n, group in enumerate(groups):
        group.sort(key=lambda m: m.start)
        names_named = [m for m in group if m.named]
        if names_named:
            best = max(names_named, key=lambda m: (len(m.name.split()), -m.start))
            name = best.name
            typ = best.head.type
            first = names_named[0]
        else:
            first = next((m for m in group if m.key == "__title__"), None) or \
                next((m for m in group if m.reported), group[0] if group else None)
            typ = first.head.type if first else "meeting"
            if title_name:
                name = title_name
            elif team:
                name = team[0]
            elif first and ((first.key and first.key != "__title__") or len(first.name.split()) > 1 or not title_alias):
                name = first.key if first.key and first.key != "__title__" and len(first.key.split()) <= 8 \
                    else first.name
            elif title_alias:
                name = title_alias
            else:
                continue
        aliases: list[str] = []
        head_lemma = (names_named[0].head.lemma if names_named else (first.head.lemma if first else None))
        for m in group:
            if m.named or (m.reported and m.head.lemma == head_lemma):
                for s in (m.surface, m.name, m.long_surface):
                    if s and len(s.split()) > 1 and s not in aliases and s != name:
                        aliases.append(s)
        bare = " ".join(w for w in name.split() if not (_ROMAN.match(w) and w.isupper()))
        if bare != name and bare not in aliases:
            aliases.append(bare)
        if n == main:
            for s in ([title_alias] if title_alias else []) + (team[1:] if team else []):
                if s and s not in aliases and s != name:
                    aliases.append(s)
        ev_sents = _event_sentences(group, sentences, team, text)
        anchor = first.sent if first else ev_sents[0]
        ev = model.Event(id=f"e{len(events) + 1}", name=name, aliases=aliases[:8], type=typ)
        ev.evidence.append(model.Evidence(
            anchor.text, first.start if first else anchor.start, first.end if first else anchor.end,
            first.method if first else "pattern:event-team-meeting", first.conf if first else 0.6,
            quote=first.surface if first else None,
        ))
        _fill(ev, text, lang, sentences, ev_sents, organisations, org_mentions, persons, person_mentions,
              published, is_main=(n == main))
        events.append(ev)
    return events


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
    if title:
        for part in re.split(r"(?<=[.:!?])\s+|\s+[–-]\s+", title):
            part = re.sub(r"\s*\(\d+\)\s*$", "", part.strip()).strip(" .")
            if not part:
                continue
            first = part.split()[0]
            hit = _heads("cs" if lang == "cs" else "pl").get(first.lower())
            # a headline that starts with an event noun names the event the article reports
            # ("Dzień otwarty w Środowiskowym Domu Samopomocy", "Konferencja w Kielcach")
            if hit and len(part.split()) > 1 and (not hit[0].named_only or part.split()[1][:1].islower()):
                alias = part
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
          published, is_main) -> None:
    sent_ids = {s.start for s in ev_sents}
    # date: in the event's sentences first, else the first dated sentence that reports a gathering
    dates = [d for d in find_dates(text, published) if d.date and not _LAW.search(text[max(0, d.start - 40):d.start])]
    dates = [d for d in dates if not _dateline(text, d)]
    pick = next((d for d in dates if _sent_of(sentences, d.start) in sent_ids), None)
    if pick is None and is_main:
        pick = next((d for d in dates if _REPORT.search(_sent_text(sentences, d.start))
                     or re.search(r"spotkal|sešl|setkal|zebral", _sent_text(sentences, d.start), re.I)), None)
    if pick:
        ev.date, ev.end_date = pick.date, pick.end_date
        ds = next((s for s in sentences if s.start <= pick.start < s.end), None)
        if ds is not None and ds not in ev_sents:
            ev_sents = sorted(ev_sents + [ds], key=lambda s: s.start)
    # organisers, participants
    oms_by_sent: dict[int, list] = {}
    for m in org_mentions:
        oms_by_sent.setdefault(_sent_of(sentences, m.start), []).append(m)
    org_ids = {o.id for o in organisations}
    organisers: list[str] = []
    scope = [s for s in sentences if s.start in sent_ids] if not is_main else list(sentences)
    for s in scope:
        oms = sorted(oms_by_sent.get(s.start, []), key=lambda m: m.start)
        if not oms:
            continue
        for o in _organisers_in(s, oms, lang):
            if o not in organisers and o in org_ids:
                organisers.append(o)
    if not organisers and len(organisations) == 1 and is_main:
        # the article's only body organised it, unless the text has it only taking part
        only = organisations[0].id
        if not all(_ATTEND.search(_sent_text(sentences, m.start)) for m in org_mentions if m.org_id == only):
            organisers.append(only)
    ev.organisers = organisers
    # speakers: people in sentences with a verb of speaking
    pm_by_person: dict[str, list[PersonMention]] = {}
    for pm in person_mentions:
        pm_by_person.setdefault(pm.person_id, []).append(pm)
    speakers = []
    for p in persons:
        for pm in pm_by_person.get(p.id, []):
            if _SPEECH.search(pm.sentence.text):
                speakers.append(p.id)
                break
    ev.speakers = speakers if is_main else [p for p in speakers if any(
        pm.sentence.start in sent_ids for pm in pm_by_person.get(p, []))]
    # participants: bodies in sentences about taking part, and the speakers' bodies
    parents = {o.id: o.part_of for o in organisations}
    participants: list[str] = []
    for s in scope:
        if not _ATTEND.search(s.text):
            continue
        for m in oms_by_sent.get(s.start, []):
            if m.org_id not in participants:
                participants.append(m.org_id)
    for p in persons:
        if p.id in ev.speakers:
            for a in p.affiliations:
                if a.org not in participants:
                    participants.append(a.org)
    ev.participants = [o for o in participants if o not in organisers and parents.get(o) not in organisers
                       and o in org_ids]
    ev.place, ev.venue = _place_venue(text, lang, ev_sents, org_mentions, organisations, ev)


def _dateline(text: str, d: DateMention) -> bool:
    """A date alone on its line (the article's dateline) is not the event's date."""
    ls = text.rfind("\n", 0, d.start) + 1
    le = text.find("\n", d.end)
    le = len(text) if le < 0 else le
    rest = (text[ls:d.start] + text[d.end:le]).strip(" ,.|-–")
    return len(rest) < 12 and not re.search(r"[a-ząćęłńóśźżěščřžýáíéůú]{4,}", rest, re.I)


def _sent_of(sentences, offset) -> int:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.start
    return -1


def _sent_text(sentences, offset) -> str:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.text
    return ""


def _organisers_in(s: Sentence, oms, lang) -> list[str]:
    out: list[str] = []
    for m in _ORGANISE.finditer(s.text):
        word = m.group(0).lower()
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
            if before:
                last = before[-1]
                chain = [last]
                for o in reversed(before[:-1]):
                    gap = s.text[o.end - s.start:chain[0].start - s.start]
                    if re.fullmatch(r"\s*(?:,|i|oraz|a|a\s+také)\s*", gap):
                        chain.insert(0, o)
                    else:
                        break
                if pos - last.end < 40:
                    out += [o.org_id for o in chain]
    seen: list[str] = []
    for o in out:
        if o not in seen:
            seen.append(o)
    return seen


_PLACE_AFTER = re.compile(r"\b(?:w|we|v|ve)\s+((?:[A-ZŁŚŻŹĆŃÓĄĘÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]+)(?:\s+[A-ZŁŚŻŹĆŃÓĄĘÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]+)?)")
_SEAT = re.compile(r"\b(?:w|v)\s+(siedzibie|sídle)\s+", re.IGNORECASE)


def _place_venue(text, lang, ev_sents, org_mentions, organisations, ev) -> tuple[str | None, str | None]:
    from .places import cs_place_nominative, pl_place_nominative

    place = venue = None
    blocked = [(m.start, m.end) for m in org_mentions]
    org_by_id = {o.id: o for o in organisations}
    for s in ev_sents:
        for m in _PLACE_AFTER.finditer(s.text):
            a = s.start + m.start(1)
            b = s.start + m.end(1)
            if any(a < be and bs < b for bs, be in blocked):
                continue
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
                        nom = morph.pl_nominative(words, len(words) - 1, {w.lower() for w in []} or
                                                  {r.lemma.lower() for r in morph.pl_readings(words[-1])})
                        venue = " ".join(nom or words)
                    else:
                        venue = " ".join(words)
                    break
        if place:
            break
    for s in ev_sents:
        m = _SEAT.search(s.text)
        if m:
            om = next((o for o in org_mentions if o.start == s.start + m.end()), None)
            if om:
                venue = ("siedziba " if lang == "pl" else "sídlo ") + om.surface
                org = org_by_id.get(om.org_id)
                if org and org.place and not place:
                    place = org.place
                break
    if venue is None:
        # an event held "w ORG" whose type is a venue (culture centre, school, university)
        for s in ev_sents:
            for om in org_mentions:
                if s.start <= om.start < s.end:
                    before = text[max(s.start, om.start - 12):om.start].split()
                    prev = before[-1].lower() if before else ""
                    org = org_by_id.get(om.org_id)
                    if prev in ("w", "we", "v", "ve") and org and org.type in ("other", "school", "university") \
                            and _REPORT.search(s.text):
                        venue = org.name
                        if not place and org.place:
                            place = org.place
                        break
            if venue:
                break
    if place is None and len(ev.organisers) >= 2:
        # co-organisers from one town: the event is there
        places = {org_by_id[o].place for o in ev.organisers if o in org_by_id}
        if len(places) == 1:
            place = places.pop()
    return place, venue


def _place_of(words: list[str], lang: str) -> str | None:
    from .places import cs_place_nominative, pl_place_nominative

    if lang == "cs":
        if len(words) > 2:
            return None
        nom = cs_place_nominative(words)
        return nom if nom and nom[:1].isupper() else None
    geo = [r for r in morph.pl_readings(words[-1]) if r.is_geo and "loc" in r.cases]
    if not geo:
        return None
    try:
        return pl_place_nominative(words, "loc") or None
    except Exception:  # pragma: no cover
        return None
