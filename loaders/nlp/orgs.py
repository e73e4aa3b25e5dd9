"""Recognise organisations in Polish and Czech article text.

No NER model exists offline for these languages, so recognition is:

1. candidates from a grammar over tokens: [adjectives] HEAD-NOUN [complements] ["quoted
   name"] [place phrase], where head nouns come from `data/heads_<lang>.tsv` (a gazetteer of
   the field's kinds of body, never of particular bodies); acronyms from `data/acronyms.tsv`
   with their place ("MOPS w Kaliszu", "ROPS Szczecin", "kaliskiego MOPS-u"); a few fixed
   names from `data/special_names.tsv`;
2. each candidate put into the nominative (morfeusz2 for Polish, ending rules for Czech),
   its place into the nominative (places.py) and its type from `data/type_rules.tsv`;
3. mentions of one body collapsed: same lemma-normal core + same place; a mention without
   place joins the one body of that kind that has one; a bare kind of body ("MOPS",
   "Centrum Usług Społecznych") with no such body takes the article's home place or is
   dropped as a generic mention;
4. units linked to their parent ("Klub Integracji Społecznej MOPS w Kaliszu",
   "odbor ... Městského úřadu"), short forms ("Caritas", "charita") linked back.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from ...model import Evidence, Organisation
from . import morph
from .morph import fold, match_case, pl_is_adjective, pl_readings
from .places import cs_place_nominative, pl_locative_phrase, pl_place_nominative, place_from_adjective
from .text import ABBREVIATIONS, Sentence, split_sentences

log = logging.getLogger(__name__)

__all__ = ["OrgMention", "find_organisations"]


@dataclass
class OrgMention:
    org_id: str
    start: int
    end: int
    surface: str
    sentence: Sentence
    method: str
    confidence: float


# --- data ---------------------------------------------------------------------------


def _data_lines(name: str) -> list[list[str]]:
    text = files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@dataclass(frozen=True)
class _Acronym:
    acronym: str
    lang: str
    full: str
    type: str
    needs_place: bool


@lru_cache(maxsize=1)
def _acronyms() -> dict[tuple[str, str], _Acronym]:
    out = {}
    for row in _data_lines("acronyms.tsv"):
        acr = _Acronym(row[0], row[1], row[2], row[3], row[4] == "1")
        out[(acr.lang, acr.acronym)] = acr
    return out


@lru_cache(maxsize=4)
def _acronym_by_full(lang: str) -> dict[str, _Acronym]:
    return {_core_key(a.full): a for (lg, _), a in _acronyms().items() if lg == lang}


@lru_cache(maxsize=4)
def _heads(lang: str) -> dict[str, tuple[str, frozenset[str]]]:
    out = {}
    col = 2 if lang == "pl" else 5
    for row in _data_lines(f"heads_{lang}.tsv"):
        flags = frozenset(f for f in (row[col] if len(row) > col else "").split(",") if f)
        out[row[0]] = (row[1], flags)
    return out


@lru_cache(maxsize=1)
def _type_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r[0]), r[1]) for r in _data_lines("type_rules.tsv")]


@lru_cache(maxsize=1)
def _special() -> list[tuple[re.Pattern[str], str, str, str, str]]:
    return [(re.compile(r[0]), r[1], r[2], r[3], r[4] if len(r) > 4 else "") for r in _data_lines("special_names.tsv")]


@lru_cache(maxsize=1)
def _furniture() -> list[re.Pattern[str]]:
    return [re.compile(r[0], re.I) for r in _data_lines("furniture.tsv")]


@lru_cache(maxsize=20000)
def _core_key(name: str) -> str:
    return fold(name.replace("-", " ").replace("–", " "))


@lru_cache(maxsize=2)
def _fund_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """funds.tsv (owned by projects.py) names money, not bodies; rows naming a body that is in the
    acronym table (PFRON, MPSV) are left out: those do act as organisations."""
    bodies = {_core_key(a.full) for (lg, _), a in _acronyms().items() if lg == lang}
    return tuple(
        re.compile(f"(?:{row[1]})", re.I)
        for row in _data_lines("funds.tsv")
        if len(row) > 2 and row[0] == lang and _core_key(row[2]) not in bodies
    )


# a fund named by what it pays for ("Evropský sociální fond", "Europejski Fundusz Rozwoju
# Regionalnego", "Fundusz Solidarnościowy") is money; "Nadační fond X" is a foundation
_FUND_HEADS = frozenset({"fundusz", "fond"})
_FUND_QUALIFIERS = re.compile(
    r"^(?:spoleczn|socialn|rozwoj|rozvoj|regionaln|europejsk|evropsk|solidarnosciow|spojnosc|soudrznost|strukturaln|operac|inwestycj|investic)"
)


def _pl_agrees(adjective: str, noun: str) -> bool:
    """Could the adjective modify the noun (some shared case, number and gender)?"""
    nouns = [r for r in pl_readings(noun) if r.pos in ("subst", "depr")]
    if not nouns:
        return True
    for a in pl_readings(adjective):
        if a.pos not in ("adj", "adjp", "adja"):
            continue
        # the vocative never names a body ("Wojewódzki | Funduszu" agree only there)
        if any((a.cases & n.cases) - {"voc"} and a.numbers & n.numbers and a.genders & n.genders for n in nouns):
            return True
    return not any(a.pos.startswith("adj") for a in pl_readings(adjective))


def _plural_only_adjective(word: str) -> bool:
    """"Społecznych", "Rodzinnych": an adjective with no singular reading."""
    adj = [r for r in pl_readings(word) if r.pos in ("adj", "adjp", "adja")]
    return bool(adj) and not any("sg" in r.numbers for r in adj)


def _names_fund(c: "_Cand", lang: str) -> bool:
    """Is the candidate a fund or funding programme rather than an organisation?"""
    if c.acronym or (c.acronym_only and not c.core):
        return False
    name = c.core_name
    if _acronym_by_full(lang).get(_core_key(name)):
        return False  # PFRON, NFZ: bodies that happen to be called funds
    if any(p.fullmatch(name) for p in _fund_patterns(lang)):
        return True
    words = [fold(w) for w in c.core]
    if c.head is None or c.head >= len(words) or words[c.head] not in _FUND_HEADS or c.quote:
        return False
    if words[0].startswith("nadac"):
        return False
    return any(_FUND_QUALIFIERS.match(w) for i, w in enumerate(words) if i != c.head)


def org_type(name_without_place: str, default: str = "other") -> str:
    """Type of a body from its (nominative) name, by `data/type_rules.tsv`."""
    key = _core_key(name_without_place)
    for rx, typ in _type_rules():
        if rx.search(key):
            return typ
    return default


# --- tokens -------------------------------------------------------------------------


@dataclass
class _Tok:
    text: str  # normalised ("Kujawsko-Pomorskiego" for "Kujawsko – Pomorskiego")
    start: int
    end: int

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalpha()


_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*|\d+|\S", re.U)
_OPEN_Q = "„“\"«”'"
_CLOSE_Q = {"„": "”“\"", "“": "”\"", "\"": "\"“”", "«": "»", "”": "”\"", "'": "'"}
_DASH = "-–—"
_ACR_RE = re.compile(r"^([A-ZĄĆĘŁŃÓŚŹŻČĎĚŇŘŠŤŮÚÝŽ]{2,}(?:[a-zi][A-ZĄĆĘŁŃÓŚŹŻ]+)?)(?:-(\w+))?$")
_ACR_PLURAL = {"y", "ów", "ach", "ami", "om"}
_LEGAL = re.compile(r"\s*,?\s*(?:sp\.\s*z\s*o\.\s*o\.|s\.\s*a\.|o\.\s*p\.\s*s\.|z\.\s*s\.|z\.\s*ú\.|s\.\s*r\.\s*o\.|spółka z o\.\s*o\.)", re.I)


_LEGAL_FORM = re.compile(
    r",?\s*\b(z\.\s?s\.|o\.\s?p\.\s?s\.|z\.\s?ú\.|s\.\s?r\.\s?o\.|a\.\s?s\.|[Ss]p\.\s?z\s?o\.\s?o\.|S\.\s?A\.)"
)


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return list(_tokens_cached(text, start, end))


@lru_cache(maxsize=1024)
def _tokens_cached(text: str, start: int, end: int) -> tuple[_Tok, ...]:
    """Tokens of one sentence; cached because the place passes and the scanner read each sentence."""
    return tuple(_tokenise(text, start, end))


def _tokenise(text: str, start: int, end: int) -> list[_Tok]:
    raw = [_Tok(m.group(), start + m.start(), start + m.end()) for m in _TOKEN_RE.finditer(text[start:end])]
    out: list[_Tok] = []
    i = 0
    while i < len(raw):
        t = raw[i]
        # "Kujawsko – Pomorskiego", "Miejsko – Gminnego", "Miejsko Gminnego" -> one compound adjective
        if t.word and t.text.lower().endswith("o") and t.cap and i + 1 < len(raw):
            if raw[i + 1].text in _DASH and i + 2 < len(raw) and raw[i + 2].word:
                nxt = raw[i + 2]
                out.append(_Tok(f"{t.text}-{nxt.text}", t.start, nxt.end))
                i += 3
                continue
            nxt = raw[i + 1]
            if nxt.word and nxt.cap and _is_adverbial_prefix(t.text) and pl_is_adjective(nxt.text):
                out.append(_Tok(f"{t.text}-{nxt.text}", t.start, nxt.end))
                i += 2
                continue
        out.append(t)
        i += 1
    return out


@lru_cache(maxsize=5000)
def _is_adverbial_prefix(word: str) -> bool:
    return any(r.pos in ("adja", "adv") for r in pl_readings(word))


# --- candidates ---------------------------------------------------------------------


@dataclass
class _Cand:
    start: int
    end: int
    sentence: Sentence
    core: list[str]  # nominative words of the name without place phrase and quote
    head: int | None = None  # index of the head noun in core
    head_lemma: str | None = None
    quote: str | None = None
    place: str | None = None
    place_phrase: str | None = None  # "w Kaliszu" as the name carries it
    place_how: str | None = None  # "w", "z", "adj", "nom", "name", "home"
    acronym: str | None = None
    acronym_only: bool = False
    generic: bool = False  # a kind of body: specific only with a place
    type: str = "other"
    flags: frozenset[str] = frozenset()
    parent: "_Cand | None" = None
    legal: str | None = None
    legal_comma: bool = True  # ", s.r.o." or " s.r.o.": the name keeps it as the text writes it
    legal_start: int = 0  # where a legal-form candidate's legal form begins
    method: str = "pattern"
    confidence: float = 0.8
    surface_extra: list[tuple[int, int]] = field(default_factory=list)
    short: bool = False  # the head alone ("Charita", "Fundacja"): refers back to a named body
    unresolved: bool = False  # an acronym not in the table: must match a named body's initials
    lang: str = "pl"
    attached: str | None = None  # "przy Stowarzyszeniu „X”": the parent as the name writes it
    parent_kind: tuple[str, str | None] | None = None  # "krajského úřadu": (kind, place) of the parent

    @property
    def core_name(self) -> str:
        return " ".join(self.core)

    @property
    def key(self) -> str:
        return _core_key(self.core_name) + ("|" + fold(self.quote) if self.quote else "")


class _Scanner:
    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.heads = _heads(lang)
        self.head_lemmas = set(self.heads)
        self.acr = {a: v for (lg, a), v in _acronyms().items() if lg == lang}

    # word classes ---------------------------------------------------------------
    def head_of(self, tok: _Tok) -> str | None:
        if not tok.word:
            return None
        if self.lang == "pl":
            for r in pl_readings(tok.text):
                if r.pos in ("subst", "depr") and r.lemma.lower() in self.head_lemmas:
                    return r.lemma.lower()
            low = tok.text.lower()
            return low if low in self.head_lemmas else None
        return cs_head_lemma(tok.text)

    def is_adj(self, tok: _Tok) -> bool:
        if not tok.word:
            return False
        if self.lang == "pl":
            return pl_is_adjective(tok.text)
        if tok.text.lower() in _role_words("cs"):
            return False
        return morph.cs_is_adjective(tok.text)

    def acronym(self, tok: _Tok) -> tuple[str, str | None] | None:
        m = _ACR_RE.match(tok.text)
        if not m:
            return None
        return m.group(1), m.group(2)

    def is_geo(self, tok: _Tok, case: str | None) -> bool:
        if not (tok.word and tok.cap):
            return False
        if self.lang == "pl":
            return any(r.is_geo and (case is None or case in r.cases) for r in pl_readings(tok.text)) and not (
                case == "nom" and morph.pl_is_nominative_given_name(tok.text)
            )
        return True

    # grammar --------------------------------------------------------------------
    def scan(self, sent: Sentence) -> list[_Cand]:
        toks = _tokens(self.text, sent.start, sent.end)
        out: list[_Cand] = []
        i = 0
        while i < len(toks):
            got = self.match_name(toks, i, sent) or self.match_acronym(toks, i, sent)
            if got:
                cands, nxt = got
                out.extend(c for c in cands if c is not None)
                i = max(nxt, i + 1)
            else:
                i += 1
        for c in out:
            c.lang = self.lang
            if c.parent is not None:
                c.parent.lang = self.lang
        for lc in self.match_legal(toks, sent):
            lc.lang = self.lang
            if any(c.start <= lc.start and c.end >= lc.end for c in out):
                continue  # the head-noun grammar already took it, legal form included
            # "Szpitalem Powiatowym w Człuchowie sp. z o.o.": the grammar read the name (and its
            # case) up to the legal form; the legal form only closes it
            whole = next((c for c in out if lc.start <= c.start < c.end < lc.end and c.parent is None
                          and re.fullmatch(r"[\s,]*", self.text[c.end:lc.legal_start])), None)
            if whole is not None:
                whole.end, whole.legal, whole.legal_comma = lc.end, lc.legal, lc.legal_comma
                continue
            out = [c for c in out if c.end <= lc.start or c.start >= lc.end]
            out.append(lc)
        if self.lang == "cs":
            for dc in self.match_descriptor(toks, sent, [(c.start, c.end) for c in out]):
                if any(not (c.end <= dc.start or c.start >= dc.end) for c in out):
                    continue
                dc.lang = self.lang
                out.append(dc)
        return sorted(out, key=lambda c: c.start)

    def match_descriptor(self, toks: list[_Tok], sent: Sentence, taken=()) -> list[_Cand]:
        """Names without a head noun after a word that says what they are: "spolek Kolpingova
        rodina Smečno", "s organizacemi Armáda spásy, Charita Ostrava a Vzájemné soužití".
        Czech keeps such an apposition in the nominative."""
        out = []
        n = len(toks)
        for k, t in enumerate(toks):
            if t.text.lower() not in _CS_DESCRIPTORS or k + 1 >= n or not toks[k + 1].cap:
                continue
            m = k + 1
            while m < n and toks[m].cap and toks[m].word:
                span = next((sp for sp in taken if sp[0] <= toks[m].start < sp[1]), None)
                if span is not None:  # a body another rule found: the list goes on after it
                    end = m
                    while end < n and toks[end].start < span[1]:
                        end += 1
                    if end + 1 < n and toks[end].text in (",", "a") and toks[end + 1].cap:
                        m = end + 1
                        continue
                    break
                end = self.cs_name_extent(toks, m)
                if end is None:
                    break
                words = [x.text for x in toks[m:end]]
                c = _Cand(toks[m].start, toks[end - 1].end, sent, words, None, None)
                c.type, c.method, c.confidence = "ngo", "pattern:descriptor", 0.7
                out.append(c)
                if end + 1 < n and toks[end].text in (",", "a") and toks[end + 1].cap:
                    m = end + 1
                    continue
                break
        return out

    def cs_name_extent(self, toks: list[_Tok], m: int) -> int | None:
        """End of a headless Czech name starting at m: capitalised words, a lower-case word after
        a capitalised adjective ("Vzájemné soužití") or a preposition ("Člověk v tísni")."""
        n = len(toks)
        if cs_person_starts(toks, m) or self.head_of(toks[m]) or (toks[m].text.isupper() and len(toks[m].text) > 1 and toks[m].text in _NOT_ACRONYMS) \
                or toks[m].text.lower() in _single_word_titles():
            return None  # "ředitel spolku Mgr. Marek Hájek": a title opens a person, not a name
        e = m + 1
        while e < n and e - m < 6:
            t, prev = toks[e], toks[e - 1]
            if not t.word:
                break
            if t.cap and not cs_person_starts(toks, e) and not self.head_of(t):
                e += 1
            elif not t.cap and t.text.lower() in _CS_NAME_PREPS and e + 1 < n and toks[e + 1].word:
                e += 1
            elif not t.cap and (prev.text.lower() in _CS_NAME_PREPS or (prev.cap and morph.cs_is_adjective(prev.text))) \
                    and not _cs_verb(t.text.lower()) and t.text.lower() not in _CS_STOP:
                e += 1
            else:
                break
        while e > m + 1 and toks[e - 1].text.lower() in _CS_NAME_PREPS:
            e -= 1
        if e == m + 1 and (morph.cs_is_adjective(toks[m].text) or len(toks[m].text) < 3):
            return None
        return e

    def match_legal(self, toks: list[_Tok], sent: Sentence) -> list[_Cand]:
        """Names closed by a legal form: "Naděje pro život, z.s.", "Centrum pro rodinu, o.p.s."."""
        out = []
        for m in _LEGAL_FORM.finditer(self.text, sent.start, sent.end):
            lstart = m.start()
            before = [t for t in toks if t.end <= lstart]
            window: list[_Tok] = []
            for t in reversed(before):
                if not (t.word or t.text in _OPEN_Q or t.text in _DASH) or len(window) >= 8:
                    break
                if not t.cap and t.word and (t.text.lower() in _CS_STOP - {"pro", "a", "s", "na", "v", "k", "ke", "se", "do", "od"}
                                             or _cs_verb(t.text.lower())):
                    break
                window.insert(0, t)
            # a list: the name starts after the last "a"/"i" that precedes a capitalised word or a head
            for wi in range(len(window) - 2, -1, -1):
                if window[wi].text.lower() in ("a", "i", "oraz") and (
                    window[wi + 1].cap or self.head_of(window[wi + 1])
                ):
                    window = window[wi + 1 :]
                    break
            # a lower-case word that neither follows a preposition nor a capitalised word
            # ends a description before the name: "s Charitou Vsetín a společností | Člověk v tísni"
            for wi in range(len(window) - 1, 0, -1):
                t = window[wi]
                if t.word and not t.cap and t.text.lower() not in _CS_PREPS and not (
                    window[wi - 1].cap or window[wi - 1].text.lower() in _CS_PREPS
                    # "Místní akční skupina": lower-case words after an adjective of the name
                    or (self.lang == "cs" and morph.cs_is_adjective(window[wi - 1].text)
                        and any(w.cap for w in window[:wi - 1]))
                ):
                    window = window[wi + 1 :]
                    break
            # a word saying what kind of body follows ("s firmou | Otava Plast s.r.o.",
            # "organizace | Krok dál, o.p.s.") or a lower-case word after a preposition that
            # a capitalised word follows ("Spolupracujeme s firmou | Otava ...") opens the name
            for wi in range(len(window) - 2, -1, -1):
                t = window[wi]
                if t.word and not t.cap and window[wi + 1].cap and (
                    t.text.lower() in _CS_DESCRIPTORS or t.text.lower() in _BODY_KIND_WORDS
                    or (wi > 0 and window[wi - 1].text.lower() in _CS_PREPS)
                ):
                    window = window[wi + 1 :]
                    break
            # the name starts at its first capitalised word: lower-case words before it
            # ("spolek", "organizace") describe it
            while window and not window[0].cap:
                window.pop(0)
            if not window or not any(t.cap for t in window):
                continue
            words = [t.text for t in window]
            head = self.head_of(window[0])
            if head:
                if self.lang == "cs":
                    words[0] = match_case(cs_head_lemma(words[0]) or words[0], "A")
                else:
                    nom = morph.pl_noun_to(words[0], "nom", "sg", {head})
                    words[0] = match_case(nom or words[0], "A")
            name = _join_words(words)
            c = _Cand(window[0].start, m.end(), sent, name.split(" "), 0 if head else None, head)
            c.legal = m.group(1)
            c.legal_comma = "," in self.text[m.start():m.start(1)]
            c.legal_start = m.start()
            c.type = org_type(name, "other")
            if re.match(r"[zo]\.", m.group(1).lower()):
                c.type = "ngo"  # z.s., o.p.s., z.ú. are non-profit legal forms
            c.flags = self.heads.get(head, ("", frozenset()))[1] if head else frozenset()
            c.method = "pattern:legal-form"
            out.append(c)
        return out

    def new_name_starts(self, toks: list[_Tok], k: int) -> bool:
        """Does a (parent-capable) name start at k? adjectives + head in sg, or an acronym."""
        j = k
        while j < len(toks) and toks[j].cap and self.is_adj(toks[j]) and not self.head_of(toks[j]):
            j += 1
        if self.lang == "cs" and j > k:
            while j < len(toks) and not toks[j].cap and self.is_adj(toks[j]) and not self.head_of(toks[j]):
                j += 1
            if j < len(toks) and self.head_of(toks[j]):
                return True
        if j < len(toks) and toks[j].cap:
            h = self.head_of(toks[j])
            if h and self._singular(toks[j], h):
                return True
        a = self.acronym(toks[k]) if k < len(toks) else None
        return bool(a and a[0] in self.acr)

    def _singular(self, tok: _Tok, head: str) -> bool:
        if self.lang != "pl":
            return True
        nums, _, _ = morph.pl_head_number_case(tok.text, {head})
        return not nums or "sg" in nums

    def match_name(self, toks: list[_Tok], i: int, sent: Sentence):
        n = len(toks)
        j = i
        pre: list[int] = []
        while j < n and len(pre) < 3 and toks[j].cap and self.is_adj(toks[j]) and not self.head_of(toks[j]):
            pre.append(j)
            j += 1
        if j >= n:
            return None
        if self.lang == "cs" and pre:
            # "Komunitní edukační středisko", "Křesťanské společenství": lower-case words after the first;
            # "Probační a mediační služba": co-ordinated adjectives
            while j < n and len(pre) < 4:
                if not toks[j].cap and self.is_adj(toks[j]) and not self.head_of(toks[j]):
                    pre.append(j)
                    j += 1
                elif toks[j].text == "a" and j + 2 < n and not toks[j + 1].cap and self.is_adj(toks[j + 1]) \
                        and not self.head_of(toks[j + 1]) and self.head_of(toks[j + 2]):
                    pre.extend([j, j + 1])
                    j += 2
                else:
                    break
        elif self.lang == "cs" and not pre:
            while j < n and not toks[j].cap and self.is_adj(toks[j]) and not self.head_of(toks[j]) and len(pre) < 3:
                pre.append(j)
                j += 1
        if j >= n:
            return None
        head = self.head_of(toks[j])
        if not head:
            return None
        if head == "samorząd" and not (j + 1 < n and toks[j + 1].text.lower() in ("województwa", "powiatu", "gminy", "miasta")):
            return None  # "Samorząd Województwa X" is a body; "jednostki samorządu terytorialnego" a kind
        # "nový nízkoprahový klub Kompas", "nowy Klub Seniora": what is new is not its name
        while pre and not toks[pre[0]].cap and toks[pre[0]].text.lower() in _DESCRIPTIVE_ADJ:
            pre.pop(0)
            i = pre[0] if pre else j
        if self.lang == "cs" and toks[j].cap:
            # lower-case words before a capitalised head are not part of its name ("vedoucí Odboru")
            while pre and not toks[pre[0]].cap:
                pre.pop(0)
            i = pre[0] if pre else j
        if self.lang == "pl" and pre:
            pre = self.agreeing_pre(toks, pre, j, head)
            if pre is None:
                return None
            i = pre[0] if pre else j
        quoted_next = j + 1 < n and toks[j + 1].text in _OPEN_Q
        cs_named = self.lang == "cs" and (
            (pre and toks[pre[0]].cap)
            # "obec Vrbová", "odbor Sociálních věcí"; not "obcí | Jihomoravského kraje" (a plural
            # of a kind before a body of its own) nor "úřadu | Marek Sloup" (a person)
            or (j + 1 < n and toks[j + 1].cap and toks[j + 1].word and not toks[j].cap
                and not (self.new_name_starts(toks, j + 1) and toks[j].text.lower() in _CS_PLURAL_LIKE)
                and not cs_person_starts(toks, j + 1))
        )
        if not toks[j].cap and not quoted_next and not cs_named and not self.lowercase_head_ok(head, toks, j):
            return None
        if self.lang == "cs" and not toks[j].cap and not pre and toks[j].text.lower() in _CS_DESCRIPTORS \
                and j + 1 < n and toks[j + 1].cap and not self.new_name_starts(toks, j + 1):
            return None  # "spolkem Kolpingova rodina Smečno": the name follows in apposition
        if quoted_next and not toks[j].cap and "dept" in self.heads.get(head, ("", frozenset()))[1]:
            return None
        if self.lang == "pl" and pre and not all(toks[p].cap for p in pre):
            return None
        head_i = j
        core = pre + [head_i]
        if i > 0 and _ROMAN.match(toks[i - 1].text) and len(toks[i - 1].text) <= 4 and "unit" in self.heads.get(head, ("", frozenset()))[1]:
            i -= 1  # "III Wydział Rodzinny ...": a numbered division keeps its number
            core.insert(0, i)
        cand_place_adj = None
        # a place adjective right before: "nowosolskiego Powiatowego Centrum"
        if i > 0 and not toks[i - 1].cap and toks[i - 1].word and self.lang == "pl":
            cand_place_adj = i - 1
        k = head_i + 1
        quote = None
        quote_span = None
        parent = None
        legal = None
        legal_comma = True
        flags = self.heads[head][1] if head in self.heads else frozenset()
        while k < n:
            t = toks[k]
            if t.text in _OPEN_Q and (not quote):
                close = self.find_close(toks, k)
                if close is None:
                    break
                quote = self.text[toks[k + 1].start : toks[close - 1].end] if close > k + 1 else ""
                quote_span = (toks[k].start, toks[close].end)
                k = close + 1
                continue
            low = t.text.lower()
            if self.lang == "pl" and low in ("z", "ze") and k + 1 < n and toks[k + 1].cap and not quote \
                    and any(toks[c].text == "rzecz" for c in core) and not self.place_at(toks, k + 1, "gen"):
                core.append(k)  # "na rzecz Osób z Niepełnosprawnością Intelektualną"
                k += 1
                continue
            if low in ("w", "we", "z", "ze", "v", "ve") and k + 1 < n and toks[k + 1].cap:
                if self.place_at(toks, k + 1, "loc" if low in ("w", "we", "v", "ve") else "gen"):
                    break  # place phrase handled below
                if self.new_name_starts(toks, k + 1):
                    break
                if low in ("w", "we", "z", "ze") and not quote and self.lang == "pl":
                    break
            if t.cap and t.word and (quote or (k + 1 < n and toks[k + 1].text == "." and low in ABBREVIATIONS)):
                break
            if t.cap and t.word and self.lang == "cs" and cs_person_starts(toks, k):
                break
            if t.cap and t.word and self.lang == "cs" and k > head_i + 1 and toks[k - 1].text.lower() in ("města", "obce", "kraje", "městské"):
                # "Magistrátu města Brna [Jany Dvořákové]": the town ends the name
                core.append(k)
                k += 1
                if morph.cs_is_adjective(t.text) and k < n and toks[k].cap and toks[k].word:
                    core.append(k)
                    k += 1
                break
            if t.cap and t.word and self.lang == "cs" and cs_person_starts(toks, k):
                break
            if self.lang == "cs" and low in ("nad", "pod") and k > head_i and toks[k - 1].cap \
                    and k + 1 < n and toks[k + 1].cap and toks[k + 1].word:
                core.extend([k, k + 1])  # "Městský úřad Žďár nad Sázavou"
                k += 2
                continue
            if t.cap and t.word:
                if k > head_i + 1 and toks[k - 1].text.lower() in ("i", "a", "oraz") and self.new_name_starts(toks, k):
                    k -= 1
                    break
                if self.lang == "pl" and morph.pl_is_nominative_given_name(t.text) and k > head_i:
                    break
                acr = self.acronym(t)
                if acr and acr[0] in self.acr and "unit" in flags and not quote:
                    parent = (k, "acr")
                    break
                if "unit" in flags and not quote and self.new_name_starts(toks, k) and k > head_i + 0:
                    sub_head = None
                    m = k
                    while m < n and toks[m].cap and self.is_adj(toks[m]) and not self.head_of(toks[m]):
                        m += 1
                    if m < n:
                        sub_head = self.head_of(toks[m])
                    if sub_head and (m > k or sub_head in _PARENT_HEADS) and sub_head != head:
                        # "Warsztatu Terapii Zajęciowej Powiatowego Centrum": an adjective that
                        # does not agree with the parent's head still belongs to the unit's name
                        lead = k
                        if self.lang == "pl":
                            # ("Wydziału Zdrowia i Spraw Społecznych | Starostwa": a plural-only
                            # adjective cannot modify the singular parent; it belongs to the unit)
                            while lead < m and (not _pl_agrees(toks[lead].text, toks[m].text)
                                                or _plural_only_adjective(toks[lead].text)):
                                lead += 1
                        if lead < m or sub_head in _PARENT_HEADS:
                            core.extend(range(k, lead))
                            parent = (lead, "name")
                            break
                if acr and quote:
                    break
                core.append(k)
                k += 1
                continue
            if low == "i" and k + 1 < n and core and toks[core[-1]].text.lower() in _TERRITORY_WORDS \
                    and toks[k + 1].text.lower() in _TERRITORY_WORDS:
                # "Urząd Miasta i Gminy w Golinie"
                core.extend([k, k + 1])
                k += 2
                continue
            if low == "przy" and k + 1 < n and toks[k + 1].cap and self.new_name_starts(toks, k + 1) and not quote:
                # "Warsztat Terapii Zajęciowej przy Stowarzyszeniu „Otwarte Drzwi”"
                parent = (k + 1, "przy")
                break
            if self.lang == "pl" and low == "i" and k + 1 < n and toks[k + 1].cap and core[-1] > head_i \
                    and self.is_adj(toks[core[-1]]) and self.is_adj(toks[k + 1]) \
                    and not (k + 2 < n and self.head_of(toks[k + 2]) and _pl_agrees(toks[k + 1].text, toks[k + 2].text)):
                # ("... Społecznego i | Gminna Komisja": an adjective agreeing with a head starts a name)
                core.extend([k, k + 1])  # co-ordinated adjectives after the head: "Wydział Rodzinny i Nieletnich"
                k += 2
                continue
            if low in ("i", "a") and k + 1 < n and toks[k + 1].cap and not self.new_name_starts(toks, k + 1) and k > head_i:
                if low == "a":
                    break  # Polish "a" is "but"; Czech "X a Y" with a capital is a list of bodies
                core.append(k)
                k += 1
                continue
            if low in ("nr", "č") and k + 1 < n and (toks[k + 1].text.isdigit() or toks[k + 1].text == "."):
                # "Szkoła Podstawowa nr 2", "Základní škola č. 5"
                m = k + 1 + (toks[k + 1].text == ".")
                if m < n and toks[m].text.isdigit():
                    core.extend(range(k, m + 1))
                    k = m + 1
                    continue
            if low in ("im", "św", "ds", "sv") and k + 1 < n and toks[k + 1].text == ".":
                core.extend([k, k + 1])
                k += 2
                continue
            if t.text == "." and k > 0 and toks[k - 1].text in ("św", "im"):
                core.append(k)
                k += 1
                continue
            if self.lang == "pl" and low == "o" and k + 1 < n and toks[k + 1].cap and toks[k + 1].word \
                    and not quote and k > head_i and toks[k - 1].cap and not self.new_name_starts(toks, k + 1):
                core.extend([k, k + 1])  # "Wydział Nauk o Edukacji", "Instytut Nauk o Polityce"
                k += 2
                continue
            if low in ("na", "dla", "do", "przy", "pod", "nad", "z", "ze") and k + 1 < n and self.lang == "pl":
                # "Stowarzyszenie na rzecz ...", "Dom Pomocy Społecznej dla Osób ..."
                if low == "na" and toks[k + 1].text == "rzecz" and k + 2 < n and toks[k + 2].cap:
                    core.extend([k, k + 1])
                    k += 2
                    continue
                if low in ("dla",) and toks[k + 1].cap and not self.new_name_starts(toks, k + 1):
                    core.append(k)
                    k += 1
                    continue
            if self.lang == "cs" and self.cs_complement(toks, k, head_i, core):
                core.append(k)
                k += 1
                continue
            if self.lang == "cs" and low == "pro" and k + 1 < n and toks[k + 1].word and not quote \
                    and toks[core[0]].cap and head not in ("město", "obec", "kraj"):
                # "Azylový dům pro ženy"; "(M)ěsto pro kurzy zapůjčí" is a clause
                m = k + 1
                taken = []
                while m < n and len(taken) < 4 and toks[m].word and toks[m].text.lower() not in _CS_STOP - {"s", "a"} \
                        and not _cs_verb(toks[m].text.lower()):
                    if toks[m].text.lower() in ("s", "se", "a") and not (m + 1 < n and toks[m + 1].word and not toks[m + 1].cap):
                        break
                    taken.append(m)
                    m += 1
                    if toks[m - 1].cap:
                        break
                while taken and toks[taken[-1]].text.lower() in ("s", "se", "a"):
                    taken.pop()
                if taken:
                    core.extend([k] + taken)
                    k = taken[-1] + 1
                    continue
            break
        # Czech units written after a dash or comma: "Úřad práce ČR – kontaktní pracoviště Kolín",
        # "Diakonie ČCE – středisko Brno", "Základní škola Most, Zlatnická 186"
        unit_tail = None
        if self.lang == "cs" and k + 1 < n and toks[k].text in _DASH + ",":
            unit_tail = self.cs_unit_tail(toks, k + 1)
            if unit_tail is None and toks[k].text == "," and head == "škola":
                unit_tail = self.cs_address_tail(toks, k + 1)
        parent_kind = None
        if self.lang == "cs" and len(core) >= head_i + 3 - i and unit_tail is None:
            # "odboru sociálních věcí krajského úřadu": the lower-case kind names the parent
            a, h = toks[core[-2]], toks[core[-1]]
            if not a.cap and not h.cap and a.text.lower().endswith(("ého", "é")) and h.text.lower() in _cs_gen_forms() \
                    and core[-2] > head_i:
                hl = cs_head_lemma(h.text)
                g = _cs_forms().get(hl, (hl, "m"))[1]
                pa = place_from_adjective(toks[core[-3]].text, "cs", self.known_places) if core[-3] > head_i and not toks[core[-3]].cap else None
                parent_kind = (morph.cs_adjective_nominative(a.text, g) + " " + hl, pa)
                del core[-2:]
                if pa:
                    del core[-1]
        # legal form right after: "Sp. z o.o.", ", z.s."
        end_tok = k - 1
        if k < n:
            lm = _LEGAL.match(self.text, toks[k - 1].end)
            if lm:
                legal = lm.group().strip(" ,")
                legal_comma = "," in lm.group()
        # trailing connectors are not part of the name
        while core and toks[core[-1]].text.lower() in ("i", "a", "oraz", "dla", "na", "w", "z", "."):
            if toks[core[-1]].text == "." and len(core) > 1 and toks[core[-2]].text in ("św", "im"):
                break
            core.pop()
        place = None
        place_how = None
        place_phrase = None
        span_end = max(toks[core[-1]].end, quote_span[1] if quote_span else 0)
        if k < n and toks[k].text.lower() in ("w", "we", "z", "ze", "v", "ve") and parent is None:
            low = toks[k].text.lower()
            got = self.place_at(toks, k + 1, "loc" if low in ("w", "we", "v", "ve") else "gen")
            if got:
                pend, pname = got
                place = pname
                place_how = "w" if low in ("w", "we", "v", "ve") else "z"
                if place_how == "w":
                    place_phrase = self.text[toks[k].start : toks[pend - 1].end]
                span_end = toks[pend - 1].end
                k = pend
        if legal:
            lm = _LEGAL.match(self.text, span_end)
            if lm:
                span_end = lm.end()
        start = toks[i].start
        if unit_tail is not None:
            tail_text, tail_place, tail_end = unit_tail
            span_end = toks[tail_end - 1].end
            k = tail_end
            parent = None
        cand = self.make_cand(toks, core, head_i, head, sent, start, span_end, quote, place, place_how, place_phrase)
        if cand is None:
            return [None], k
        if unit_tail is not None:
            if tail_text.startswith(", "):
                cand.core[-1] += ","
                tail_text = tail_text[2:]
            cand.core = cand.core + tail_text.split(" ")
            if tail_place:
                cand.place, cand.place_how = tail_place, "name"
            cand.generic = False
        if parent_kind is not None:
            cand.parent_kind = parent_kind
        cand.legal, cand.legal_comma = legal, legal_comma
        if legal and re.match(r"[zo]\.", legal.lower()):
            cand.type = "ngo"  # z.s., o.p.s., z.ú. are non-profit legal forms
        if cand_place_adj is not None and cand.place is None:
            pa = place_from_adjective(toks[cand_place_adj].text, self.lang, self.known_places)
            if pa:
                cand.place, cand.place_how = pa, "adj"
                cand.start = toks[cand_place_adj].start
        results = [cand]
        if parent is not None:
            pk, kind = parent
            sub = self.match_acronym(toks, pk, sent) if kind == "acr" else self.match_name(toks, pk, sent)
            if sub is None and kind == "przy":
                sub = self.match_acronym(toks, pk, sent)
            if sub and sub[0] and sub[0][0] is not None:
                pc = sub[0][0]
                cand.parent = pc
                cand.end = pc.end
                if kind == "przy":
                    cand.attached = "przy " + _norm_space(self.text[pc.start : pc.end])
                results.extend(sub[0])
                k = sub[1]
        return results, k

    def cs_unit_tail(self, toks: list[_Tok], k: int):
        """"– kontaktní pracoviště Kolín" / "– středisko v Brně": (text, place, end index) or None."""
        n = len(toks)
        m = k
        adjs = []
        while m < n and not toks[m].cap and self.is_adj(toks[m]) and not self.head_of(toks[m]) and len(adjs) < 2:
            adjs.append(m)
            m += 1
        # "pobočka" only in this position: as a head of its own, "z pobočky Člověka v tísni"
        # would read as a body named after it
        hl = cs_head_lemma(toks[m].text) if m < n else None
        if m < n and hl is None and re.fullmatch(r"pobočk(?:a|y|u|ou|ce)", toks[m].text.lower()):
            hl = "pobočka"
        if m >= n or toks[m].cap or hl not in _CS_UNIT_TAIL_HEADS:
            return None
        g = _cs_forms().get(hl, (hl, "f" if hl == "pobočka" else "n"))[1]
        words = [morph.cs_adjective_nominative(toks[a].text, g) for a in adjs] + [hl]
        m += 1
        place = None
        if m < n and toks[m].text.lower() in ("v", "ve") and m + 1 < n:
            got = self.place_at(toks, m + 1, "loc")
            if got:
                place = got[1]
                return " ".join(["–"] + words + [toks[m].text.lower()] + [t.text for t in toks[m + 1 : got[0]]]), place, got[0]
        if m < n and toks[m].cap and toks[m].word and not cs_person_starts(toks, m):
            got = self.place_at(toks, m, "nom")
            if got:
                place = self.known_nominative(got[1], toks[m:got[0]])
                return " ".join(["–"] + words + [place]), place, got[0]
            return None
        return " ".join(["–"] + words), None, m

    def cs_address_tail(self, toks: list[_Tok], k: int):
        """", Zlatnická 186": a Czech school's street address is part of its name."""
        n = len(toks)
        m = k
        words = []
        while m < n and toks[m].cap and toks[m].word and len(words) < 3:
            words.append(toks[m].text)
            m += 1
        if not words or m >= n or not toks[m].text.isdigit():
            return None
        return ", " + " ".join(words) + " " + toks[m].text, None, m + 1

    def known_nominative(self, place: str, toks) -> str:
        return place

    def agreeing_pre(self, toks: list[_Tok], pre: list[int], j: int, head: str) -> list[int] | None:
        """Keep the adjectives before the head that agree with it ("Przewodniczący Rady": none)."""
        nums, cases, _ = morph.pl_head_number_case(toks[j].text, {head})
        gender = morph.pl_noun_gender(toks[j].text, {head}) or "m3"
        if not cases:
            return pre
        keep: list[int] = []
        for p in reversed(pre):
            if morph.pl_agreeing_cases(toks[p].text, "sg", gender) & cases:
                keep.insert(0, p)
            else:
                break
        return keep

    def lowercase_head_ok(self, head: str, toks: list[_Tok], j: int) -> bool:
        if self.lang == "cs":
            if j + 1 < len(toks) and toks[j].text.lower() in _CS_PLURAL_LIKE and self.new_name_starts(toks, j + 1):
                return False  # "zástupců obcí Jihomoravského kraje": a plural kind
            if toks[j].text.lower() in ("obcí", "měst", "krajů", "úřadů"):
                return False  # a plural kind ("zapojení obcí"), never one body
            return head in _CS_LOWER_OK and j + 1 < len(toks)
        return False

    def cs_complement(self, toks, k, head_i, core) -> bool:
        return cs_complement_ok(toks, k, head_i, core)

    def find_close(self, toks: list[_Tok], k: int) -> int | None:
        opener = toks[k].text
        closers = _CLOSE_Q.get(opener, "”\"")
        for m in range(k + 1, min(len(toks), k + 15)):
            if toks[m].text in closers:
                return m
        return None

    def place_at(self, toks: list[_Tok], k: int, case: str) -> tuple[int, str] | None:
        """Place words at k in `case`: (end index, nominative)."""
        n = len(toks)
        if k >= n or not toks[k].cap or not toks[k].word:
            return None
        if self.lang == "pl":
            # "w Gminie Nowa Sól": the place follows in the nominative
            if toks[k].text.lower() in ("gminie", "gminy", "mieście", "miasta") and k + 1 < n and toks[k + 1].cap:
                got = self.place_at(toks, k + 1, "nom")
                if got:
                    return got
            words = []
            m = k
            geo_seen = False
            while m < n and len(words) < 3 and toks[m].cap and toks[m].word:
                w = toks[m].text
                rs = pl_readings(w)
                is_geo = any(r.is_geo and case in r.cases for r in rs)
                is_adj = any(r.pos in ("adj", "adjp") and case in r.cases for r in rs)
                if not (is_geo or is_adj):
                    break
                if case == "nom" and morph.pl_is_nominative_given_name(w) and not geo_seen and words:
                    break
                if self.head_of(toks[m]) and not is_geo:
                    break
                words.append(w)
                geo_seen = geo_seen or is_geo
                m += 1
                if is_geo and not (m < n and toks[m].cap and toks[m].word and (
                    any(r.pos in ("adj", "adjp") and case in r.cases for r in pl_readings(toks[m].text))
                    or (is_adj and any(r.is_geo and case in r.cases for r in pl_readings(toks[m].text)))
                )):
                    break
            if not words or not geo_seen:
                return None
            return m, self.attested(words, case) or pl_place_nominative(words, case)
        # Czech: capitalised words ending in a noun ("Kutné Hoře", not "Radnické ulici")
        words = []
        m = k
        while m < n and len(words) < 3 and toks[m].cap and toks[m].word and not cs_head_lemma(toks[m].text):
            if toks[m].text.isupper() and len(toks[m].text) > 1:
                return None
            words.append(toks[m].text)
            m += 1
            if not morph.cs_is_adjective(words[-1]):
                break
        if not words or morph.cs_is_adjective(words[-1]):
            return None
        place = self.attested_cs(cs_place_nominative(words))
        if m + 1 < n and toks[m].text in _CS_PLACE_PREPS and toks[m + 1].cap and toks[m + 1].word:
            # "Žďáru nad Sázavou" -> "Žďár nad Sázavou": the river or region keeps its case
            return m + 2, f"{place} {toks[m].text} {toks[m + 1].text}"
        return m, place

    known_places: tuple[str, ...] = ()
    nominative_places: tuple[str, ...] = ()  # places the article writes in the nominative

    def attested(self, words: list[str], case: str) -> str | None:
        """A place the article also writes in the nominative that these words inflect:
        "w Baranowie" is Baranów or Baranowo; "Gmina Baranowo" in the same article decides."""
        for place in self.nominative_places:
            pw = place.split()
            if len(pw) != len(words):
                continue
            if all(any(fold(r.lemma) == fold(p) and (case is None or case in r.cases) for r in pl_readings(w))
                   or fold(w) == fold(p) for w, p in zip(words, pw)):
                return place
        return None

    def attested_cs(self, place: str) -> str:
        """"Mostě" -> "Most" when the article writes "Most" elsewhere (ending rules can't tell Brno/Most)."""
        fp = fold(place)
        for known in self.nominative_places:
            fk = fold(known)
            if fk != fp and len(fk.split()) == len(fp.split()) and all(
                    a[: max(3, len(a) - 2)] == b[: max(3, len(a) - 2)] and abs(len(a) - len(b)) <= 2
                    for a, b in zip(fk.split(), fp.split())):
                return known
        return place

    def make_cand(self, toks, core, head_i, head, sent, start, end, quote, place, place_how, place_phrase):
        words = [toks[c].text for c in core]
        hpos = core.index(head_i)
        # a place adjective before the head is the place, not the name:
        # "kutnohorského městského úřadu", "Kutnohorská charita", "Toruński ośrodek"
        for pi in range(hpos - 1, -1, -1):
            w = words[pi]
            if head in ("kraj", "województwo"):
                break  # "Olomoucký kraj": a region's adjective is its name, not a seat
            if self.lang == "pl" and w[:1].isupper() and hpos > 1:
                continue
            if self.lang == "pl" and w[:1].isupper() and words[hpos][:1].isupper() and start > sent.start:
                # "przygotowało Wrocławskie Centrum Rozwoju Społecznego": a capitalised adjective
                # inside the sentence belongs to the name (its place is still the town)
                pa = place_from_adjective(w, self.lang, self.known_places)
                if pa and place is None:
                    place, place_how = pa, "name"
                continue
            pa = place_from_adjective(w, self.lang, self.known_places)
            if pa and (self.lang == "pl" or self.known_places):
                if place is None:
                    place, place_how = pa, "adj"
                del words[pi]
                hpos -= 1
        if self.lang == "pl":
            nom = morph.pl_nominative(words, hpos, {head})
            if nom is None:
                return None  # plural: a generic mention ("Centrami Pomocy Rodzinie")
        else:
            nom = cs_nominative(words, hpos, head)
            if nom is None:
                return None
        nom[hpos] = match_case(nom[hpos], nom[hpos]) if nom[hpos][:1].isupper() else nom[hpos]
        if hpos == 0 and not nom[0][:1].isupper():
            nom[0] = nom[0][:1].upper() + nom[0][1:]
        nom = [w for w in nom]
        core_name = _join_words(nom)
        flags = self.heads.get(head, ("other", frozenset()))[1]
        # "Uniwersytet w Białymstoku": a university may be named by its kind and seat alone
        short = len(nom) == 1 and not quote and "standalone" not in flags and not (
            place_how == "w" and head in ("uniwersytet", "politechnika", "akademia", "univerzita"))
        if self.lang == "cs" and place is None and hpos < len(nom) - 1:
            # "Oblastní charita Kutná Hora": a trailing place in the nominative
            for cut in range(hpos + 1, len(nom)):
                tail = " ".join(nom[cut:])
                if nom[cut][:1].isupper() and any(fold(tail) == fold(p) for p in self.known_places):
                    place, place_how = tail, "name"
                    break
        c = _Cand(start, end, sent, core_name.split(" "), hpos, head, quote, place, place_phrase, place_how)
        c.short = short
        c.place_how = place_how
        c.flags = flags
        c.type = org_type(core_name + (' "' + quote if quote else ""), self.heads.get(head, ("other",))[0])
        acr = _acronym_by_full(self.lang).get(_core_key(core_name))
        if "known" in flags and not acr:
            return None  # "Fundusz Solidarnościowy" is money, "Narodowy Fundusz Zdrowia" a body
        if acr:
            c.acronym = acr.acronym
            c.type = acr.type
            c.generic = acr.needs_place and not quote
        elif not quote:
            c.generic = _core_key(core_name) in _generic_names(self.lang)
        # place carried by the name itself: "Urząd Miasta Kutno", "Gmina Starachowice",
        # "Rada Powiatu Krotoszyńskiego"
        if c.place is None:
            c.place = self.place_in_name(nom, hpos)
            if c.place:
                c.place_how = "name"
        return c

    def place_in_name(self, words: list[str], hpos: int) -> str | None:
        lows = [w.lower() for w in words]
        for i, w in enumerate(lows):
            if w in _TERRITORY_WORDS or (i == hpos and w in ("gmina", "miasto", "město", "obec")):
                rest = words[i + 1 :]
                if not rest:
                    continue
                if self.lang == "pl":
                    if pl_is_adjective(rest[0]) and not any(r.is_geo for r in pl_readings(rest[0])):
                        return place_from_adjective(rest[0], "pl", self.known_places)
                    geo = [r for r in pl_readings(rest[0]) if r.is_geo]
                    if geo:
                        case = "nom" if any("nom" in r.cases for r in geo) and i == hpos else "gen"
                        return pl_place_nominative(rest[:2] if len(rest) > 1 and pl_is_adjective(rest[1]) else rest[:1], case)
                elif rest[0][:1].isupper():  # "Město Beroun", not "Město pro kurzy ..."
                    return cs_place_nominative(rest)
        return None

    def match_acronym(self, toks: list[_Tok], i: int, sent: Sentence):
        a = self.acronym(toks[i])
        if not a:
            return None
        acr_text, suffix = a
        n = len(toks)
        k = i + 1
        # "CUS - ów", "MOPS-y": plural = a kind, not a body
        if suffix and suffix.lower() in _ACR_PLURAL:
            return [None], k
        if k + 1 < n and toks[k].text in _DASH and toks[k + 1].text.lower() in _ACR_PLURAL:
            return [None], k + 2
        # two-word acronyms: "SMO ČR", "ÚP ČR"
        if k < n and (acr_text + " " + toks[k].text) in self.acr:
            acr_text = acr_text + " " + toks[k].text
            k += 1
        info = self.acr.get(acr_text)
        if info is None:
            # an acronym the table does not know: kept only if it abbreviates a body the
            # article names in full ("Uniwersytet im. Adama Mickiewicza (UAM)")
            if suffix or len(acr_text) > 7 or _ROMAN.match(acr_text) or acr_text in _NOT_ACRONYMS:
                return None
            c = _Cand(toks[i].start, toks[k - 1].end, sent, [acr_text], None, None)
            c.acronym = acr_text
            c.acronym_only = True
            c.unresolved = True
            c.method, c.confidence = "pattern:acronym-of-name", 0.7
            return [c], k
        if info.type == "territory":  # "ORP Kutná Hora" is an area, not a body
            got = self.place_at(toks, k, "nom") if k < n else None
            return [None], (got[0] if got else k)
        start = toks[i].start
        end = toks[k - 1].end
        place = place_how = place_phrase = None
        if i > 0 and toks[i - 1].word and not toks[i - 1].cap and self.lang == "pl":
            pa = place_from_adjective(toks[i - 1].text, "pl", self.known_places)
            if pa:
                place, place_how = pa, "adj"
                start = toks[i - 1].start
        elif i > 0 and toks[i - 1].word and self.lang == "cs":
            pa = place_from_adjective(toks[i - 1].text, "cs", self.known_places)
            if pa:
                place, place_how = pa, "adj"
                start = toks[i - 1].start
        if place is None and k < n and info.needs_place:
            low = toks[k].text.lower()
            if low in ("w", "we", "z", "ze", "v", "ve"):
                got = self.place_at(toks, k + 1, "loc" if low in ("w", "we", "v", "ve") else "gen")
                if got:
                    pend, place = got
                    place_how = "w" if low in ("w", "we", "v", "ve") else "z"
                    if place_how == "w":
                        place_phrase = self.text[toks[k].start : toks[pend - 1].end]
                    end = toks[pend - 1].end
                    k = pend
            elif toks[k].cap and self.is_geo(toks[k], "nom"):
                got = self.place_at(toks, k, "nom")
                if got:
                    pend, place = got
                    place_how = "nom"
                    end = toks[pend - 1].end
                    k = pend
        core = info.full.split(" ")
        c = _Cand(start, end, sent, core, None, None, None, place, place_phrase, place_how)
        c.acronym = info.acronym
        c.acronym_only = True
        c.type = info.type
        c.generic = info.needs_place
        c.method = "pattern:acronym"
        c.confidence = 0.75
        return [c], k


_ROMAN = re.compile(r"^[IVXLC]+$")
# all-caps words that are not bodies: countries, currencies, funds, programmes
_NOT_ACRONYMS = frozenset("RP UE EU PL CZ ČR USA PLN CZK EUR EFS EFRR RPO POWER PO WER NGO ONZ WHO COVID SARS PDF TV".split())

_PARENT_HEADS = frozenset(
    "ośrodek centrum urząd fundacja stowarzyszenie uniwersytet politechnika akademia caritas "
    "spółdzielnia związek starostwo gmina zarząd sąd komenda poradnia "
    "úřad magistrát charita diakonie svaz spolek nadace město obec univerzita".split()
)
_TERRITORY_WORDS = frozenset(
    "miasta gminy powiatu miasto gmina powiat města obce".split()
)


@lru_cache(maxsize=4)
def _generic_names(lang: str) -> frozenset[str]:
    """Names that are kinds of body (specific only with a place): acronym full forms + list."""
    names = {_core_key(a.full) for (lg, _), a in _acronyms().items() if lg == lang and a.needs_place}
    for row in _data_lines("generic_names.tsv"):
        if row[0] == lang:
            names.add(_core_key(row[1]))
    return frozenset(names)


def _join_words(words: list[str]) -> str:
    s = " ".join(words)
    s = re.sub(r"\s+([.,])", r"\1", s)
    s = re.sub(r"\b(im|św|ds|sv)\s+\.", r"\1.", s)
    return s


# --- Czech helpers ------------------------------------------------------------------

_CS_LOWER_OK = frozenset("odbor oddělení zastupitelstvo rada úřad město obec charita".split())


@lru_cache(maxsize=1)
def _cs_forms() -> dict[str, tuple[str, str]]:
    """data/heads_cs.tsv: every listed form (lower case) -> (lemma, gender)."""
    out = {}
    for row in _data_lines("heads_cs.tsv"):
        lemma, gender = row[0], row[2]
        out[lemma] = (lemma, gender)
        for f in row[4].split(",") if len(row) > 4 and row[4] else []:
            out.setdefault(f.strip(), (lemma, gender))
    return out


@lru_cache(maxsize=1)
def _cs_given_forms() -> frozenset[str]:
    """Every form of a Czech given name (persons.py declines data/given_names_cs.txt)."""
    from .persons import _cs_given  # the one declension of given names in the package

    return frozenset(_cs_given())


def cs_person_starts(toks, k: int) -> bool:
    """A person's name starts at k: a given name (any case) + a capitalised word.

    "Charita Ostrava [Martina Pražáka]", "Městského úřadu Vsetín [Jana Vaculíková]": in
    Czech the person often follows the body's name directly, with no comma.
    """
    if k + 1 >= len(toks) or not (toks[k].cap and toks[k + 1].cap and toks[k + 1].word):
        return False
    if toks[k + 1].text.isupper() and len(toks[k + 1].text) > 1:
        return False
    return toks[k].text in _cs_given_forms() and cs_head_lemma(toks[k + 1].text) is None


@lru_cache(maxsize=2)
def _role_words(lang: str) -> frozenset[str]:
    """Single-word posts ("vedoucí", "radní"): never adjectives inside a body's name."""
    out = set()
    for r in _data_lines("roles.tsv"):
        if r[0] == lang and " " not in r[1]:
            w = r[1].lower()
            out.add(w)
            if lang == "cs" and w.endswith("í"):  # adjectival posts decline: "vedoucího", "radním"
                out.update(w + e for e in ("ho", "mu", "m", "ch", "mi"))
    return frozenset(out)


def cs_head_lemma(word: str) -> str | None:
    hit = _cs_forms().get(word.lower())
    return hit[0] if hit else None


_CS_STOP = frozenset(
    """a i nebo ale že se si je jsou má mají byl byla bylo by na v ve s se z ze do od po pro při
    k ke o u za pod nad před mezi jako který která které kde kdy jak to ten ta tento tato tyto
    jeho její jejich svůj své svého již už také též jen ještě i
    kterou kterého kterému kterém kterým kterých kterými jehož jejíž jež
    """.split()
)
# adverbs: never a verb form (simplemma reads "dál" as "dát"), never a genitive complement
# ("úřadu práce | déle než rok"); they can still stand inside a name ("Krok dál, o.p.s.")
_CS_ADVERBS = frozenset(
    """dál dále déle více méně lépe dříve později zde tady dnes letos loni nyní teď velmi hlavně
    zejména především hned opět znovu spolu společně rovněž proto tedy""".split()
)


def cs_complement_ok(toks, k, head_i, core) -> bool:
    """Lower-case genitive complement of a Czech name: "odbor sociálních věcí a zdravotnictví"."""
    t = toks[k]
    if not t.word or t.cap:
        return False
    low = t.text.lower()
    head = cs_head_lemma(toks[head_i].text)
    after = [c for c in core if c > head_i]
    if low in ("města", "obce", "kraje", "městské") and k + 1 < len(toks) and toks[k + 1].cap:
        return True  # "Magistrát města Jihlavy", "zastupitelstvo obce Vrbová"
    # genitive complement: after heads that take one, or continuing a capitalised
    # adjective ("Diakonie Českobratrské církve evangelické")
    if head not in _CS_COMPLEMENT_HEADS and not any(
        toks[c].cap and morph.cs_is_adjective(toks[c].text) and toks[c].text.lower().endswith(("é", "ého", "ých", "ích", "ího"))
        # ... opening a lower-case genitive ("Českobratrské církve"), not a place ("České Budějovice")
        and c + 1 < len(toks) and not toks[c + 1].cap
        for c in after
    ):
        return False
    if low in ("města", "obce", "kraje", "městské") and k + 1 < len(toks) and toks[k + 1].cap:
        return True
    if low == "a":
        return (
            k + 1 < len(toks) and _cs_genitive_like(toks[k + 1].text) and not toks[k + 1].cap
            # "a organizace X" starts another body; "měst a obcí" continues this one
            and cs_head_lemma(toks[k + 1].text) != toks[k + 1].text.lower()
        )
    if low in _CS_STOP:
        return False
    if k > 0 and not toks[k - 1].cap and toks[k - 1].text.lower().endswith(("ních", "ých", "ích")) \
            and (k - 1) in core and not _cs_verb(low) and low not in _CS_ADVERBS:
        return True  # "sociálních | služeb": the noun of a genitive plural adjective
    if low in _cs_gen_forms() and k > 0 and not toks[k - 1].cap and toks[k - 1].text.lower().endswith(("ého", "ího", "é", "í")):
        return True  # "... krajského úřadu", "... městské policie"
    return _cs_genitive_like(t.text)


@lru_cache(maxsize=1)
def _cs_gen_forms() -> frozenset[str]:
    return frozenset(row[3] for row in _data_lines("heads_cs.tsv") if len(row) > 3)


# head forms that are also plurals (genitive "obcí", "měst"): a kind, when a name follows
_CS_PLURAL_LIKE = frozenset("obcí obce měst města krajů kraje úřadů úřady".split())

# words that introduce a body's name without being part of it
_CS_DESCRIPTORS = frozenset(
    """spolek spolku spolkem organizace organizaci organizací organizacemi organizacím organizacích
    sdružení sdružením společnost společnosti společností""".split()
)

_BRANCH_HEADS = frozenset("oddział filia delegatura placówka pobočka středisko pracoviště".split())

_DESCRIPTIVE_ADJ = frozenset(
    """nový nová nové nového novou novém novým nowy nowa nowe nowego nowej nowym nową
    bývalý bývalá bývalé dawny dawna dawne były była byłe obecny obecna obecne současný současná
    stávající první druhý pierwszy pierwsza drugi druga""".split()
)

# kinds of firm or body written before a name with a legal form (pl and cs)
_BODY_KIND_WORDS = frozenset(
    """firma firmy firmě firmu firmou firmą spółka spółki spółce spółkę spółką společnost společnosti
    společností spolek spolku spolkem družstvo družstva družstvu družstvem nadace nadací nadaci
    fundacja fundacji fundację fundacją stowarzyszenie stowarzyszenia stowarzyszeniem
    ústav ústavu ústavem""".split()
)

# prepositions inside headless Czech names: "Člověk v tísni", "Most k samostatnosti", "Naděje pro život"
_CS_NAME_PREPS = frozenset("v ve na pro k ke s se bez do od".split())


@lru_cache(maxsize=1)
def _single_word_titles() -> frozenset[str]:
    """"Mgr", "PhDr", "Ing" ...: titles (persons' data) that never start a body's name."""
    return frozenset(row[0].lower() for row in _data_lines("titles.txt") if " " not in row[0])


_CS_PLACE_PREPS = frozenset("nad pod".split())  # "Ústí nad Labem"; not "na", "u": "v Opavě u Petry"

_CS_UNIT_TAIL_HEADS = frozenset("středisko pracoviště pobočka oddělení".split())

_CS_PREPS = frozenset("v ve na pro s se z ze do o u k ke za při w we dla".split())

_CS_COMPLEMENT_HEADS = frozenset("odbor oddělení svaz dům úřad zastupitelstvo rada centrum sdružení magistrát ministerstvo fakulta".split())


def _cs_genitive_like(word: str) -> bool:
    low = word.lower()
    if low in _CS_STOP or low in _CS_ADVERBS or _cs_verb(low):
        return False
    return low.endswith(("ních", "ých", "ích", "ského", "ého", "ího", "ví", "cí", "tí", "ží", "ce", "ch", "ů", "í", "e", "é", "y", "st", "ěst", "práce"))


@lru_cache(maxsize=20000)
def _cs_verb(low: str) -> bool:
    """A verb form: simplemma's lemma is an infinitive ("chtějí" -> chtít, "informuje" -> informovat)."""
    import simplemma

    if low in _CS_ADVERBS or low.endswith(("ů", "ům", "ech", "ách", "ami", "ích", "ými", "ého", "ému")):
        return False  # "dál" is not "dal", "bytů" not "být": case endings no verb form has
    lem = simplemma.lemmatize(low, lang="cs")
    # infinitives: -at/-it/-ět..., and -ést/-íst/-ct/-ci ("vést", "číst", "péct", "moci")
    # (not the nouns in -ost: "samostatnost", "společnost")
    return lem != low and re.search(r"(?:[aeiouyáéěíóúůý]t|[áéíúů]st|ct|ci)$", lem) is not None or low.endswith(("ují", "ejí", "ají"))


def cs_nominative(words: list[str], hpos: int, head: str) -> list[str] | None:
    forms = _cs_forms()
    lemma, gender = forms.get(words[hpos].lower(), (head, "m"))
    out = list(words)
    out[hpos] = match_case(lemma, words[hpos])
    for i in range(hpos):
        out[i] = morph.cs_adjective_nominative(words[i], gender)
    for i in range(hpos + 1, len(words) - 1):
        if lemma == "magistrát":
            break  # "Magistrát města Brna": statutory cities keep the genitive in the office's name
        if words[i].lower() in ("města", "obce", "kraje") and words[i + 1][:1].isupper():
            tail = words[i + 1 :]
            out[i + 1 :] = cs_place_nominative(tail).split(" ")
            break
    return out


# --- the public function ------------------------------------------------------------


def find_organisations(
    text: str,
    lang: str,
    sentences: list[Sentence] | None = None,
    *,
    default_place: str | None = None,
) -> tuple[list[Organisation], list[OrgMention]]:
    """Organisations named in `text` (ids o1.. in order of first mention) and every mention."""
    lang = (lang or "pl").lower()[:2]
    if lang not in ("pl", "cs"):
        lang = "cs" if lang == "sk" else "pl"
    if sentences is None:
        sentences = split_sentences(text)
    body = _body_sentences(text, sentences)
    scanner = _Scanner(text, lang)
    scanner.nominative_places = tuple(_nominative_places(text, body, lang))
    scanner.known_places = tuple(dict.fromkeys(list(scanner.nominative_places) + _known_places(text, body, lang, scanner)))
    cands: list[_Cand] = []
    for s in body:
        found = scanner.scan(s)
        # a listed name inside a longer one is that one's part ("Oddział Okręgowy Polskiego
        # Czerwonego Krzyża" is the branch, not the national society), and a found name inside
        # a listed one is a piece of it ("Ministerstwa Rodziny" of "... Rodziny, Pracy i ...")
        special = [sc for sc in _special_cands(text, s, lang)
                   if not any(_inside(sc, c) for c in found)]
        cands.extend(c for c in found if not any(_inside(c, sc) for sc in special))
        cands.extend(special)
    if lang == "cs":
        cands.extend(_cs_name_forms(text, body, cands))
    cands = [c for c in cands if not _names_fund(c, lang)]
    cands.sort(key=lambda c: c.start)
    home = default_place or _home_place(text, body, cands, lang)
    return _resolve(text, lang, cands, home, body, scanner)


def _cs_name_forms(text: str, body: list[Sentence], cands: list[_Cand]) -> list[_Cand]:
    """Other mentions of a Czech name without a head noun, inflected ("Člověk v tísni, o.p.s." ->
    "Člověka v tísni", "Kolpingova rodina Smečno" -> "Kolpingovy rodiny Smečno") or cut before
    its first preposition ("Armáda spásy v České republice" -> "Armáda spásy")."""
    out: list[_Cand] = []
    seen: set[str] = set()
    for c in [c for c in cands if c.head is None and not c.acronym_only and c.method in _HEADLESS_METHODS]:
        words = [w for w in c.core if re.match(r"\w", w)]
        if not words or not words[0][:1].isupper() or c.core_name in seen:
            continue
        seen.add(c.core_name)
        forms = [words]
        cut = next((i for i, w in enumerate(words) if w in ("v", "ve", "na", "pro")), None)
        if cut is not None and cut >= 2:
            forms.append(words[:cut])
        for ws in forms:
            if len(ws) == 1 and len(ws[0]) < 5:
                continue
            parts = [re.escape(w) if len(w) < 4 or w.isupper() else re.escape(w[: max(3, len(w) - 2)]) + r"\w{0,4}" for w in ws]
            rx = re.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])")
            for sent in body:
                for m in rx.finditer(text, sent.start, sent.end):
                    a, b = m.start(), m.end()
                    if any(not (x.end <= a or x.start >= b) for x in cands + out):
                        continue
                    nc = _Cand(a, b, sent, list(c.core), None, None)
                    nc.type, nc.legal, nc.legal_comma, nc.lang = c.type, c.legal, c.legal_comma, c.lang
                    nc.method, nc.confidence = "coref:name-form", 0.65
                    out.append(nc)
    return out


_HEADLESS_METHODS = frozenset({"pattern:legal-form", "pattern:descriptor"})


def _body_sentences(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences before the first furniture marker (comments, related news)."""
    out = []
    for s in sentences:
        line_start = text.rfind("\n", 0, s.start) + 1
        if s.start == line_start or not text[line_start : s.start].strip():
            if any(rx.search(s.text) for rx in _furniture()):
                break
        if _menu_like(s.text):
            continue
        out.append(s)
    return out


def _menu_like(s: str) -> bool:
    return s.count("|") >= 2 or s.count("·") >= 2 or s.startswith(("~", "»", "•"))


def _inside(a: _Cand, b: _Cand) -> bool:
    """Is a's span within b's, and shorter?"""
    return b.start <= a.start and a.end <= b.end and b.end - b.start > a.end - a.start


def _special_cands(text: str, sent: Sentence, lang: str) -> list[_Cand]:
    out = []
    for rx, lg, name, typ, place in _special():
        if lg != lang:
            continue
        for m in rx.finditer(sent.text):
            c = _Cand(sent.start + m.start(), sent.start + m.end(), sent, name.split(" "), None, None)
            c.type = typ
            c.place = place or None
            c.method = "gazetteer:special"
            c.confidence = 0.85
            out.append(c)
    return out


_PL_TERRITORY_FORMS = frozenset("gmina gminy gminie gminę gminą miasto miasta mieście miastem".split())


def _nominative_places(text: str, body: list[Sentence], lang: str) -> list[str]:
    """Polish places written in the nominative: "Gmina Baranowo", "Urząd Miasta i Gminy X" (after
    the territory word) and datelines ("Mogilno, 6 czerwca")."""
    if lang == "cs":
        return _cs_nominative_places(text, body)
    out: list[str] = []
    for s in body:
        toks = _tokens(text, s.start, s.end)
        for k, t in enumerate(toks[:-1]):
            if t.text.lower() in _PL_TERRITORY_FORMS and t.cap and toks[k + 1].cap and toks[k + 1].word:
                w = toks[k + 1].text
                if any(r.is_geo and "nom" in r.cases for r in pl_readings(w)) and w not in out:
                    words = [w]
                    if k + 2 < len(toks) and toks[k + 2].cap and pl_is_adjective(toks[k + 2].text):
                        words.append(toks[k + 2].text)
                    out.append(" ".join(words))
        m = re.match(r"\s*([A-ZŁŚŻŹĆ][\w]+(?:\s[A-ZŁŚŻŹĆ][\w]+)?),\s+\d", s.text)
        if m and any(r.is_geo and "nom" in r.cases for r in pl_readings(m.group(1).split()[0])):
            out.append(m.group(1))
    return out


def _cs_nominative_places(text: str, body: list[Sentence]) -> list[str]:
    """Czech places in the nominative: the seat after an office or charity ("Charita Vsetín"),
    after "město"/"městem" ("Statutárním městem Most"), and datelines ("Most – 20. února")."""
    out: list[str] = []
    placed = {h for h, (_, fl) in _heads("cs").items() if "placed" in fl}
    for s in body:
        toks = _tokens(text, s.start, s.end)
        for k, t in enumerate(toks[:-1]):
            low = t.text.lower()
            if not (low in ("město", "městem", "městu", "obec", "obcí") or cs_head_lemma(t.text) in placed):
                continue
            m, words = k + 1, []
            while m < len(toks) and toks[m].cap and toks[m].word and len(words) < 3 and not cs_head_lemma(toks[m].text) \
                    and not (toks[m].text.isupper() and len(toks[m].text) > 1) and not cs_person_starts(toks, m):
                words.append(toks[m].text)
                m += 1
                if not morph.cs_is_adjective(words[-1]):
                    break
            if words and not morph.cs_is_adjective(words[-1]) and " ".join(words) not in out:
                out.append(" ".join(words))
        m = re.match(r"\s*([A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w]+(?:\s[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w]+)?)\s*[–,-]?\s+\d", s.text)
        if m and m.group(1) not in out:
            out.append(m.group(1))
    return out


def _known_places(text: str, body: list[Sentence], lang: str, scanner: _Scanner) -> list[str]:
    """Places the article names in place phrases ("w Kaliszu", "v Kutné Hoře")."""
    places: list[str] = []
    for s in body:
        toks = _tokens(text, s.start, s.end)
        for k, t in enumerate(toks[:-1]):
            low = t.text.lower()
            if low in ("w", "we", "z", "ze", "do", "v", "ve") and toks[k + 1].cap:
                case = "loc" if low in ("w", "we", "v", "ve") else "gen"
                got = scanner.place_at(toks, k + 1, case)
                if got and got[1] not in places:
                    places.append(got[1])
            head = cs_head_lemma(t.text) if lang == "cs" else None
            if head and "placed" in _heads("cs").get(head, ("", frozenset()))[1] and toks[k + 1].cap \
                    and not cs_head_lemma(toks[k + 1].text) and not (toks[k + 1].text.isupper() and len(toks[k + 1].text) > 1):
                # "Oblastní charita Třebíč", "Městský úřad Třebíč": the seat, in the nominative
                m = k + 1
                words = []
                while m < len(toks) and toks[m].cap and toks[m].word and len(words) < 3:
                    words.append(toks[m].text)
                    m += 1
                    if not morph.cs_is_adjective(words[-1]):
                        break
                if words and not morph.cs_is_adjective(words[-1]):
                    place = " ".join(words)
                    if place not in places:
                        places.append(place)
            if lang == "cs" and low in _CS_TOWN_WORDS and toks[k + 1].cap:
                # "město Kutná Hora", "ORP Kutná Hora": the town in the nominative
                m = k + 1
                words = []
                while m < len(toks) and toks[m].cap and toks[m].word and len(words) < 3:
                    words.append(toks[m].text)
                    m += 1
                    if not morph.cs_is_adjective(words[-1]):
                        break
                if words and not morph.cs_is_adjective(words[-1]):
                    place = cs_place_nominative(words) if low not in ("orp", "město", "obec") else " ".join(words)
                    if place not in places:
                        places.append(place)
    return places


_CS_TOWN_WORDS = frozenset("město města městu městem obec obce obci orp okres okresu okrese".split())


_DATELINE = re.compile(r"^\s*([A-ZŁŚŻŹĆ][\w\- ]{2,30}?)\.(?:\s|$)", re.M)


def _home_place(text: str, body: list[Sentence], cands: list[_Cand], lang: str) -> str | None:
    """The town the article is about: dateline, or its local government's place."""
    for s in body[:6]:
        m = _DATELINE.match(s.text)
        if m and lang == "pl":
            word = m.group(1)
            if any(r.is_geo and "nom" in r.cases for r in pl_readings(word.split()[0])):
                return word
    local = {}
    for c in cands:
        if c.type == "local-government" and c.place and c.place_how in ("name", "w", "nom"):
            local[c.place] = local.get(c.place, 0) + 1
    if len(local) == 1:
        return next(iter(local))
    return None


# --- resolution ---------------------------------------------------------------------


@dataclass
class _Cluster:
    cands: list[_Cand]
    place: str | None
    key: str

    @property
    def first(self) -> int:
        return min(c.start for c in self.cands)


def _resolve(text, lang, cands, home, body, scanner):
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str | None], _Cluster] = {}

    def add(c: _Cand, place):
        k = (c.key, place)
        cl = by_key.get(k)
        if cl is None:
            cl = _Cluster([], place, c.key)
            by_key[k] = cl
            clusters.append(cl)
        cl.cands.append(c)
        return cl

    # units take their parent's place: "Klub Integracji Społecznej MOPS w Kaliszu"
    for c in cands:
        if c.parent is not None and not c.place and c.parent.place:
            c.place, c.place_how = c.parent.place, "parent"
    for c in cands:
        if not c.short and "standalone" in c.flags and len(c.core) == 1 and not c.quote:
            if any(x is not c and x.head_lemma == c.head_lemma and len(x.core) > 1 for x in cands):
                c.short = True
    # a table acronym that abbreviates a body the article names in full is that body:
    # "OSPOD" + "Oddělení sociálně-právní ochrany dětí" (not the table's "orgán ...")
    for c in cands:
        if c.acronym_only and not c.unresolved and c.acronym and any(
                not x.acronym_only and x.head is not None and _core_key(x.core_name) != _core_key(c.core_name)
                and _abbreviates(c.acronym, x) for x in cands):
            c.unresolved = True
    unresolved = [c for c in cands if c.unresolved]
    cands = [c for c in cands if not c.unresolved]
    full = [c for c in cands if not c.short]
    shorts = [c for c in cands if c.short]
    for c in full:
        if c.place:
            add(c, c.place)
    for c in full:
        if c.place:
            continue
        same = [cl for cl in clusters if cl.key == c.key and cl.place]
        if len(same) == 1:
            add(c, same[0].place)
        elif len(same) > 1:
            pick = next((cl for cl in same if cl.place == home), None)
            pick = pick or max(same, key=lambda cl: len(cl.cands))
            add(c, pick.place)
        elif c.generic and c.parent is None:
            if home and not _discussed_generically(c, text):
                c.place_how = c.place_how or "home"
                add(c, home)
            # else: a kind of body without a place: a generic mention, dropped
        else:
            add(c, None)
    clusters = _merge_clusters(clusters, lang)
    # short forms ("Charita", "Kutnohorská charita", "Caritas") join the one body of that kind
    for c in shorts:
        same = [cl for cl in clusters if any(x.head_lemma == c.head_lemma for x in cl.cands)]
        if c.place:
            same = [cl for cl in same if cl.place in (None, c.place)]
        if len(same) > 1 and home:
            same = [cl for cl in same if cl.place == home] or same
        if len(same) == 1:
            c.method, c.confidence = "coref:short-form", 0.6
            same[0].cands.append(c)
            if c.place and not same[0].place:
                same[0].place = c.place
    for c in unresolved:
        hits = [cl for cl in clusters if any(_abbreviates(c.acronym, x) for x in cl.cands)]
        if len(hits) == 1:
            hits[0].cands.append(c)
    clusters = [cl for cl in clusters if cl.cands]
    clusters.sort(key=lambda cl: cl.first)
    orgs: list[Organisation] = []
    mentions: list[OrgMention] = []
    cl_org: dict[int, Organisation] = {}
    for n, cl in enumerate(clusters, 1):
        org = Organisation(id=f"o{n}", name="")
        cl_org[id(cl)] = org
        orgs.append(org)
    cand_cluster = {id(c): cl for cl in clusters for c in cl.cands}
    for cl in clusters:
        _fill(cl_org[id(cl)], cl, lang, text)
    # parents: from the name itself, else (departments) the nearest body named before
    unit_of: dict[int, tuple[Organisation, str]] = {}  # unit -> (parent, the unit's own name)
    for cl in clusters:
        org = cl_org[id(cl)]
        parent = next((c.parent for c in cl.cands if c.parent is not None), None)
        porg = None
        kind = next((c.parent_kind for c in cl.cands if c.parent_kind), None)
        if parent is not None and id(parent) in cand_cluster:
            porg = cl_org[id(cand_cluster[id(parent)])]
        elif kind is not None and _org_of_kind(orgs, cl_org[id(cl)], kind, home):
            porg = _org_of_kind(orgs, cl_org[id(cl)], kind, home)
        elif "dept" in cl.cands[0].flags:
            porg = _context_parent(cl, clusters, cl_org, cands)
        elif lang == "cs" and cl.cands[0].head_lemma in ("odbor", "oddělení"):
            porg = _context_parent(cl, clusters, cl_org, cands)
        if porg is None:
            porg = _run_by(cl, clusters, cl_org, text)
        if porg is not None and porg is not org:
            org.part_of = porg.id
            unit_of[id(org)] = (porg, org.name)
            org.place = org.place or porg.place
            # a unit named only by its kind carries its parent's name ("Klub Integracji
            # Społecznej Miejskiego Ośrodka ..."); a unit with a name of its own does not
            attached = next((c.attached for c in cl.cands if c.attached), None)
            if attached:
                org.name = f"{org.name} {attached}"
            elif not any(_proper_part(c) for c in cl.cands) and not any(c.place_how == "w" for c in cl.cands):
                # (a unit with a place phrase of its own, "OWES w Kaliszu", is named enough)
                org.name = _with_parent(org.name, porg.name, lang)
            if "dept" in cl.cands[0].flags or cl.cands[0].head_lemma in ("odbor", "oddělení"):
                org.type = porg.type
            elif org.type == "other" and cl.cands[0].head_lemma in _BRANCH_HEADS:
                org.type = porg.type  # "Oddział Wojewódzki NFZ", "pobočka Úřadu práce": a branch is its body's kind
        elif lang == "cs" and cl.cands[0].head_lemma in ("odbor", "oddělení"):
            # a Czech "odbor" with no body named: the municipal office of the article's town
            town = org.place or home or _dominant_place(cands, scanner)
            if town:
                org.name = f"{org.name} {cs_genitive('Městský úřad ' + town)}"
                org.place = town
    for org in orgs:
        org.key = _unit_key(org, lang, unit_of)
    for cl in clusters:
        org = cl_org[id(cl)]
        for c in sorted(cl.cands, key=lambda c: c.start):
            end = c.end if c.parent is None else c.parent.start
            surface = re.sub(r"\s+(?:przy|w|we)$", "", text[c.start : end].rstrip(" ,"))
            end = c.start + len(surface)
            mentions.append(OrgMention(org.id, c.start, end, surface, c.sentence, c.method, c.confidence))
            org.evidence.append(Evidence(c.sentence.text, c.start, end, c.method, c.confidence, surface))
            if surface not in org.aliases:
                org.aliases.append(surface)
    mentions.sort(key=lambda m: m.start)
    return orgs, mentions


def _org_of_kind(orgs, org, kind, home):
    """The one body of a kind ("krajský úřad", place or None) the article names, if exactly one."""
    name, place = kind
    hits = [o for o in orgs if o is not org and fold(o.name).startswith(fold(name) + " ")
            and (place is None or o.place == place)]
    return hits[0] if len(hits) == 1 else None


def _discussed_generically(c: _Cand, text: str) -> bool:
    """The article speaks of this kind of body in general, in lower case ("czy gmina zamierza
    utworzyć centrum usług społecznych"): a bare capitalised singular of it is then the concept,
    not the home town's body."""
    if c.acronym_only:
        return False
    return re.search(r"\b" + re.escape(c.core_name.lower()) + r"\b", text) is not None


def _context_parent(cl, clusters, cl_org, cands):
    """The body named nearest before the unit's first mention, in its sentence or the one before."""
    first = min(cl.cands, key=lambda c: c.start)
    best = None
    heads = {c.head_lemma for c in cl.cands}
    offices_only = any(c.head_lemma in _cs_forms() for c in cl.cands)
    if any(c.head_lemma == "oddělení" for c in cl.cands):
        # an "oddělení" belongs to an "odbor" when the article names one
        odbory = [o for o in clusters if o is not cl and any(c.head_lemma == "odbor" for c in o.cands)]
        if len(odbory) == 1:
            return cl_org[id(odbory[0])]
    # "po stronie ośrodka będzie Dział X": a lower-case head word before the unit points back
    # to the body last named with that head
    lead = first.sentence.text[: first.start - first.sentence.start]
    for word in reversed(re.findall(r"[^\W\d_]{4,}", lead)[-6:]):
        if not word[:1].islower():
            continue
        lemma = cs_head_lemma(word) if first.lang == "cs" else next(
            (r.lemma.lower() for r in pl_readings(word) if r.pos == "subst"), None)
        if not lemma or lemma in heads:
            continue
        named = [(c.start, other) for other in clusters if other is not cl for c in other.cands
                 if c.head_lemma == lemma and c.start < first.start and not c.short]
        if named:
            return cl_org[id(max(named, key=lambda x: x[0])[1])]
    for other in clusters:
        if other is cl or heads & {c.head_lemma for c in other.cands} or "dept" in other.cands[0].flags:
            continue
        if offices_only and not {c.type for c in other.cands} & {"local-government", "labour-office", "central-government"}:
            continue
        for c in other.cands:
            if c.start < first.start and (c.sentence == first.sentence or first.sentence.start - c.sentence.end < 400):
                if best is None or c.start > best[0]:
                    best = (c.start, other)
    return cl_org[id(best[1])] if best else None


_RUN_BY = [
    # "X, który Fundacja Y prowadzi", "X (OWES), które prowadzi Y"
    re.compile(r"^\s*(?:\([^)]{1,20}\))?\s*,?\s*(?:który|która|które|których)\s+(?P<p>.{0,120}?)\s+prowadzi\b"),
    re.compile(r"^\s*(?:\([^)]{1,20}\))?\s*,?\s*(?:który|która|które|którą|kterou|který|která|které|jež)\s+"
               r"(?:prowadzi|provozuje|zřizuje|spravuje)\s+(?P<p>.{0,120})"),
    # "placówek prowadzonych przez Y: A i B"
    re.compile(r"prowadzon\w*\s+przez\s+(?P<p>.{0,120}?)\s*:\s*$"),
    re.compile(r"(?:provozovan\w*|zřizovan\w*)\s+(?P<p>.{0,120}?)\s*:\s*$"),
]


def _run_by(cl, clusters, cl_org, text):
    """Parent from "X, który Y prowadzi" / "placówek prowadzonych przez Y: X"."""
    for c in cl.cands:
        after = text[c.end : c.sentence.end]
        before = text[c.sentence.start : c.start]
        for rx, piece, offset in ((_RUN_BY[0], after, c.end), (_RUN_BY[1], after, c.end)):
            m = rx.search(piece)
            if m:
                hit = _cluster_in(clusters, cl, offset + m.start("p"), offset + m.end("p"))
                if hit:
                    return cl_org[id(hit)]
        # "Fundacja prowadzi we Wrocławiu Dom ...", "charita provozuje Azylový dům a ..."
        m = _RUNS_ACTIVE.search(before.replace("m.in.", "m in ").replace("np.", "np "))
        if m and _RELATIVE_END.search(before[: m.start()]):
            m = None  # "X, którą prowadzi [Y]": Y runs X, not the other way round
        if m and re.search(r"\b(?:z|ze|s|se|dla|pro)\s+\w+", before[m.end(0) - len(m.group(0)):]):
            m = None  # "prowadzi wspólne patrole z pracownikami X": X is a partner, not what is run
        if m:
            base = c.sentence.start
            hit = _last_cluster_before(clusters, cl, base + m.start())
            if hit is not None and not _is_unit_kind(hit) or (hit is not None and _is_unit_kind(cl)):
                return cl_org[id(hit)]
        # "Zakład prowadzi Stowarzyszenie X": the association (after the verb) runs the unit
        if _is_unit_kind(cl):
            m = re.match(r"\s*(?:prowadzi|prowadzą|provozuje|provozují)\s+", text[c.end : c.sentence.end])
            if m:
                hit = _cluster_in(clusters, cl, c.end + m.end(), c.end + m.end() + 160)
                if hit is not None and not _is_unit_kind(hit) and _first_start(hit, c.end + m.end()):
                    return cl_org[id(hit)]
        # "prowadzonych przez Y: A i B" - X is in the list after the colon
        colon = before.rfind(":")
        if colon >= 0:
            head_part = before[: colon + 1]
            for rx in _RUN_BY[2:]:
                m = rx.search(head_part)
                if m:
                    base = c.sentence.start
                    hit = _cluster_in(clusters, cl, base + m.start("p"), base + m.end("p"))
                    if hit:
                        return cl_org[id(hit)]
    return None


_RUNS_ACTIVE = re.compile(
    r"\b(?:prowadzi|prowadzą|zarządza|provozuje|provozují|zřizuje|zřídila|zřídil)\b(?:(?![.;]).){0,60}?(?:\s+(?:a|i|oraz)\s+(?:(?![.;]).){0,60})?$"
)


_RELATIVE_END = re.compile(r"\b(?:który|która|które|którą|których|kterou|který|která|které|jež|již)\s*$")


def _is_unit_kind(cl) -> bool:
    """A facility-like body (dom, zakład, warsztat, centrum, středisko): run by others."""
    return any("unit" in c.flags and c.head_lemma not in ("oddział", "odbor", "oddělení") for c in cl.cands)


def _first_start(cl, pos) -> bool:
    return any(c.start == pos for c in cl.cands)


def _last_cluster_before(clusters, cl, pos):
    """The cluster with a mention ending closest before `pos` (in the same sentence)."""
    best = None
    for other in clusters:
        if other is cl:
            continue
        for c in other.cands:
            if c.end <= pos and pos - c.end < 40 and (best is None or c.end > best[0]):
                best = (c.end, other)
    return best[1] if best else None


def _cluster_in(clusters, cl, start, end):
    for other in clusters:
        if other is cl:
            continue
        for c in other.cands:
            if c.start >= start and c.end <= end + 1:
                return other
    return None


def _dominant_place(cands, scanner) -> str | None:
    """The place the article names most, if clearly ahead of the others."""
    counts: dict[str, int] = {}
    for c in cands:
        if c.place:
            counts[c.place] = counts.get(c.place, 0) + 1
    for p in scanner.known_places:
        counts[p] = counts.get(p, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


def _proper_part(c: _Cand) -> str | None:
    """The naming part of a name: its quote, or capitalised non-adjective words after the head."""
    key = (c.core_name, c.quote, c.place, c.head, c.acronym_only, c.lang, c.head_lemma)
    hit = _PROPER_MEMO.get(key, _MISSING)
    if hit is _MISSING:
        hit = _PROPER_MEMO[key] = _proper_part_of(c)
        if len(_PROPER_MEMO) > 20000:
            _PROPER_MEMO.clear()
    return hit


_PROPER_MEMO: dict = {}
_MISSING = object()


def _proper_part_of(c: _Cand) -> str | None:
    if c.quote:
        return fold(c.quote.strip("\"„”“ "))
    if c.head is None or c.acronym_only:
        return None
    tail = []
    for w in c.core[c.head + 1 :]:
        if w[:1].isupper() and _proper_word(w, c) and not (c.place and fold(w) in fold(c.place)):
            tail.append(w)
        else:
            tail = []
    if tail and len(tail) <= 2 and all(len(w) > 2 for w in tail):
        return fold(" ".join(tail))
    if c.lang == "cs" and c.head > 0 and len(c.core) == c.head + 1 and c.core[0][:1].isupper() \
            and c.core[c.head][:1].islower() and not c.place and c.head_lemma != "úřad":
        return fold(c.core_name)  # "Seniorská poradna": Czech capitalises the first word of a proper name
    return None


def _proper_word(w: str, c: _Cand) -> bool:
    """A word that names rather than describes: "Maják", "VIVO", "Dominik" (not "Integracji")."""
    if w.isupper() and len(w) > 1:
        return True
    if c.lang == "cs":
        return not morph.cs_is_adjective(w)
    rs = pl_readings(w)
    return not any(
        "nazwa_pospolita" in r.quals or r.is_geo or r.pos in ("adj", "adjp", "adja") for r in rs
    )


def _word_prefix(a: str, b: str) -> bool:
    return b.startswith(a + " ")


def _initials(words: list[str]) -> str:
    words = [w.strip(".") for w in words]
    return "".join(w[0] for w in words if w and w.lower() not in _CONNECTORS).upper()


def _abbreviates(acr: str, c: _Cand) -> bool:
    if c.acronym_only or c.unresolved or not c.core:
        return c.acronym == acr and not c.unresolved
    if c.acronym == acr:
        return True
    words = [p for w in c.core if not (w.isupper() and len(w) > 1) for p in w.split("-") if p]
    for end in range(len(words), 1, -1):
        if _initials(words[:end]) == acr.upper():
            return True
    return False


_CONNECTORS = frozenset("i a w we z ze na rzecz do dla im św ds. v ve s se o".split())


def _acronym_expands(short: list[str], long: list[str]) -> bool:
    """"Diakonie ČCE" ~ "Diakonie Českobratrské církve evangelické", "UMK" ~ "Uniwersytet Mikołaja Kopernika"."""
    i = 0
    while i < len(short) and i < len(long) and fold(short[i]) == fold(long[i]):
        i += 1
    rest = short[i:]
    if len(rest) != 1 or not rest[0].isupper() or len(rest[0]) < 2:
        return False
    acr = rest[0]
    tail = long[i:]
    for end in range(len(tail), 0, -1):
        if _initials(tail[:end]) == acr.upper():
            return True
    return False


def _merge_clusters(clusters: list[_Cluster], lang: str) -> list[_Cluster]:
    """Join clusters that name one body: shared proper part, or an acronym of the other's words."""
    merged = True
    while merged:  # until no pair merges (a merge can make a cluster match another)
        merged = False
        for a in clusters:
            for b in clusters:
                if a is b or not a.cands or not b.cands:
                    continue
                if a.place and b.place and a.place != b.place:
                    continue
                if _same_body(a, b):
                    a.cands.extend(b.cands)
                    a.place = next((c.place for c in a.cands if c.place), None)
                    b.cands = []
                    merged = True
    return [cl for cl in clusters if cl.cands]


def _same_body(a: _Cluster, b: _Cluster) -> bool:
    from rapidfuzz import fuzz

    heads_a = {c.head_lemma for c in a.cands if c.head_lemma}
    heads_b = {c.head_lemma for c in b.cands if c.head_lemma}
    if heads_a & heads_b and {c.type for c in a.cands} & {c.type for c in b.cands}:
        for x in a.cands:
            for y in b.cands:
                if x.acronym_only or y.acronym_only or x.short or y.short:
                    continue
                kx, ky = x.key, y.key
                # "Městské charity" (the article's town) is "Městská charita České Budějovice"
                if a.place and a.place == b.place and (
                        _core_key(f"{x.core_name} {a.place}") == ky or _core_key(f"{y.core_name} {b.place}") == kx):
                    return True
                # a typo or a variant ending: "sociální věcí" / "sociálních věcí"
                if len(kx) > 12 and fuzz.ratio(kx, ky) >= 92:
                    return True
                # a short form that the other name extends: "Svaz měst a obcí" (+ "České republiky")
                if not x.generic and not y.generic and x.place == y.place and (
                    _word_prefix(kx, ky) or _word_prefix(ky, kx)
                ) and min(len(x.core), len(y.core)) >= 3 and not (x.quote or y.quote):
                    return True
        for x in a.cands:
            for y in b.cands:
                if x.head_lemma in _cs_forms() and x.place and x.place == y.place and not (x.short or y.short):
                    wx, wy = set(x.key.split()), set(y.key.split())
                    if wx < wy or wy < wx:
                        return True
    pa = {p for p in map(_proper_part, a.cands) if p}
    pb = {p for p in map(_proper_part, b.cands) if p}
    ta = {c.type for c in a.cands}
    tb = {c.type for c in b.cands}
    # "other" is the head's default, not a finding: "Klub Kompas" is "Nízkoprahový klub Kompas"
    if pa & pb and (ta & tb or ("other" in ta | tb and heads_a & heads_b)):
        return True
    for x in a.cands:
        for y in b.cands:
            if x.acronym_only or y.acronym_only:
                continue
            if _acronym_expands(x.core, y.core) or _acronym_expands(y.core, x.core):
                return True
    # "MAS Polabí Kolínsko" is "Místní akční skupina Polabí Kolínsko, z.s.": the acronym's full
    # form and what follows it (read as a place) make up the other's name
    for xs, ys in ((a.cands, b.cands), (b.cands, a.cands)):
        for x in xs:
            if not (x.acronym_only and x.place):
                continue
            prefix = fold(x.core_name) + " " + fold(x.place)
            y = next((y for y in ys if not y.acronym_only and fold(y.core_name).startswith(prefix)), None)
            if y is None:
                continue
            x.place = x.place_how = None  # part of the name, not where the body sits
            return True
    return False


def _fill(org: Organisation, cl: _Cluster, lang: str, text: str) -> None:
    cands = cl.cands
    full = [c for c in cands if not c.acronym_only] or cands
    best = max(full, key=lambda c: (c.quote is not None, c.place_how == "w", len(c.core), -c.start))
    core = best.core_name
    quote = next((c.quote for c in cands if c.quote), None)
    name = core
    if quote:
        name = f"{core} „{quote.strip(chr(34) + '„”“ ')}”"
    place = cl.place
    if lang == "pl":
        phrase = next((c.place_phrase for c in full if c.place_phrase), None) or next(
            (c.place_phrase for c in cands if c.place_phrase), None
        )
        if phrase is None and place and (best.generic or any(c.acronym_only for c in cands)) and best.place_how not in ("name", "parent"):
            phrase = pl_locative_phrase(place) or f"w {place}"
        if phrase and best.place_how not in ("name", "parent"):
            name = f"{name} {_norm_phrase(phrase)}"
    elif "vplace" in best.flags and best.place_phrase and best.place_how == "w":
        name = f"{name} {_norm_phrase(best.place_phrase)}"  # "Okresní soud v Kladně": courts keep it
    else:
        if place and best.place_how != "name" and (best.generic or best.place_how in ("w", "nom", "adj") or any(c.acronym_only for c in cands)):
            if fold(place) not in fold(name):
                name = f"{name} {place}"
    if lang == "cs":
        # "Policie ČR", "Úřad práce ČR – kontaktní pracoviště Kolín": the acronym is never
        # the canonical form of the state's name
        name = re.sub(r" ČR(?=$| –|,)", " České republiky", name)
    with_legal = next((c for c in cands if c.legal), None)
    if lang == "cs" and with_legal and not name.endswith(with_legal.legal):
        # "Člověk v tísni, o.p.s.": the legal form is part of a Czech name, written as the text does
        name = f"{name}{',' if with_legal.legal_comma else ''} {with_legal.legal}"
    # a body's own name starts with a capital ("statutárním městem Prostějov" ->
    # "Statutární město Prostějov"), however the sentence wrote it
    org.name = name[:1].upper() + name[1:]
    org.type = best.type
    org.place = place
    org.acronym = next((c.acronym for c in cands if c.acronym), None)


def _norm_space(s: str) -> str:
    return " ".join(s.split())


def _norm_phrase(phrase: str) -> str:
    return " ".join(phrase.split())


def _with_parent(name: str, parent: str, lang: str) -> str:
    if lang == "pl":
        words = parent.split(" ")
        head = _head_index(words, lang)
        if head is not None:
            words = morph.pl_inflect_name(words, head, set(_heads("pl")), "gen")
        return f"{name} {' '.join(words)}"
    return f"{name} {cs_genitive(parent)}"


def _head_index(words: list[str], lang: str) -> int | None:
    heads = set(_heads(lang))
    for i, w in enumerate(words):
        if any(r.lemma.lower() in heads for r in pl_readings(w) if r.pos == "subst"):
            return i
    return None


def cs_genitive(name: str) -> str:
    """"Městský úřad Kutná Hora" -> "Městského úřadu Kutná Hora" (head from heads_cs.tsv)."""
    words = name.split(" ")
    forms = _cs_forms()
    for i, w in enumerate(words):
        hit = forms.get(w.lower())
        if hit:
            gen = _cs_gen_form(hit[0])
            words[i] = match_case(gen, w)
            for j in range(i):
                words[j] = _cs_adj_gen(words[j], hit[1])
            break
    return " ".join(words)


@lru_cache(maxsize=1)
def _cs_gen_table() -> dict[str, str]:
    return {row[0]: row[3] for row in _data_lines("heads_cs.tsv") if len(row) > 3}


def _cs_gen_form(lemma: str) -> str:
    return _cs_gen_table().get(lemma, lemma)


def _cs_adj_gen(word: str, gender: str) -> str:
    low = word.lower()
    if word[:1].isupper() and re.search(r"(?:ov|in)[ao]$|ův$", low):
        # possessives: "Masarykova univerzita" -> "Masarykovy univerzity"
        if low.endswith("ův"):
            return word[:-2] + "ova"
        return word[:-1] + ("y" if gender == "f" else "a")
    if gender == "f":
        for a, b in (("á", "é"), ("í", "í")):
            if low.endswith(a):
                return word[: -len(a)] + b
    else:
        for a, b in (("ý", "ého"), ("é", "ého"), ("í", "ího")):
            if low.endswith(a):
                return word[: -len(a)] + b
    return word


def _key(org: Organisation, lang: str) -> str:
    """Cross-article identity: type | place | lemma-normal name without its place phrase."""
    return "|".join([org.type, fold(org.place or ""), _name_key(org.name, org.place, lang)])


def _unit_key(org: Organisation, lang: str, unit_of: dict[int, tuple[Organisation, str]], depth: int = 0) -> str:
    """A unit's identity is its own name plus its parent's, however the article links the two
    ("Klub X przy MOPS w Sieradzu", "Klub X MOPS w Sieradzu", "Klub X Miejskiego Ośrodka ..."):
    type | place | own-name lemmas + "@" + the parent's name part of its key."""
    hit = unit_of.get(id(org))
    if hit is None or depth > 5:
        return _key(org, lang)
    parent, own = hit
    pkey = _unit_key(parent, lang, unit_of, depth + 1).split("|", 2)[2]
    own_key = _name_key(own, org.place, lang, parent.place)
    return "|".join([org.type, fold(org.place or ""), f"{own_key}@{pkey}"])


def _name_key(name: str, place: str | None, lang: str, other_place: str | None = None) -> str:
    for pl in dict.fromkeys(filter(None, (place, other_place))):
        if lang == "pl":
            loc = pl_locative_phrase(pl)
            for ph in filter(None, (loc, f"w {pl}", f"we {pl}")):
                if name.endswith(" " + ph):
                    name = name[: -len(ph) - 1]
                    break
        elif name.endswith(" " + pl):
            name = name[: -len(pl) - 1]
    name = _LEGAL_FORM.sub("", name)  # "Člověk v tísni, o.p.s." and "Člověk v tísni" are one body
    name = re.sub(r"„[^”]*”|\"[^\"]*\"", lambda m: m.group().replace(" ", "_"), name)
    words = [w if "_" in w or w.isupper() else _lemma(w, lang) for w in re.findall(r"[\w]+", name)]
    return "-".join(fold(w) for w in words)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _lemma(word: str, lang: str) -> str:
    if lang == "pl":
        rs = [r for r in pl_readings(word) if r.pos in ("subst", "adj", "adjp", "adja", "depr")]
        if rs:
            # the reading whose lemma keeps most of the word: "Stowarzyszenie" -> stowarzyszenie
            best = max(rs, key=lambda r: (_common_prefix(r.lemma.lower(), word.lower()), "nazwa_pospolita" in r.quals))
            return best.lemma
        return word
    import simplemma

    return simplemma.lemmatize(word, lang="cs")
