"""People, their posts and the bodies they belong to (Polish and Czech).

A person is a given name (Polish: morfeusz2's SGJP tags given names "imię"; Czech: the
list in `data/given_names_cs.txt`, declined by rule) followed by a capitalised surname,
titles and ranks ("dr hab.", "Mgr.", "asp. szt.", "npor.") left out. Names in an oblique
case ("u Barbory Novákové", "Jana Kowalskiego", "Davida Kučery") are put into the
nominative; a couple's plural surname ("Marta i Grzegorz Lewandowscy", "Hana a Karel
Novákovi") gives two people. An inflected name right after a body's acronym or kind ("ZŠ a MŠ
Jana Železného") names whom the body honours, and is no person.

Posts come from `data/roles.tsv` (nominative lemma, base form for plural mentions,
kind, and optionally the type of body the post belongs to). A post links a person to a
body by the usual ways news write it:

- apposition after the name: "Eugenia Jahura, dyrektor MOPS w Kaliszu" (several posts
  separated by commas, each with its own body);
- post and body before the name: "dyrektor PCPR w Nowej Soli Aldona Porczyńska-Nalewajko",
  "ředitel Diakonie ČCE Mgr. Petr Haška", chained: "Doradca Prezydenta RP, Przewodniczący
  Rady ... w Narodowej Radzie Rozwoju dr hab. Marek Rymsza";
- a body in brackets after one or a list of names: "Izabela A. i Magdalena M. (MOPS w Kaliszu)";
- a list after a colon: "przedstawicielki MOPS w Kaliszu: Violetta O. i Katarzyna F.",
  "kierowniczki ośrodków pomocy społecznej: Teresa C. (OPS w ...)";
- "X z ORG", "X reprezentująca ORG", "ORG reprezentowała [post] X", "Z ramienia ORG ... X";
- Czech relative clauses "ORG, jehož vedoucím je X" and "na ORG ... u X";
- "X, socjolożka z Uniwersytetu ...", "X, reprezentujący ORG", "X, prof. ORG"; a second post
  after a conjunction ("předsedkyně spolku a zároveň ředitelka ORG");
- running a body: "X, która kierowała GOPS-em", "stoi na czele zespołu", "ORG, którym kieruje X";
- a sentence opening with where the person came from: "Z Ministerstva ... přijela X", and
  "ze strany / po stronie / jménem / za ORG" (or a description of one);
- a copula: "Prezesem spółdzielni został X", "Przewodniczącą ponownie została X";
- a post in a department named with its parent ("kierownik Działu X MOPS w Y") links the
  person to both, the parent with no post;
- an executive post without a body ("zastępca prezydenta Kutna", "náměstkyně primátora
  statutárního města X", "starosta") goes to the article's one city / county / region
  government body (the municipality rather than its office);
- a post that only one kind of body has ("sędzia", "strážník") goes to the one body of that
  type in the sentence, else in the article; other posts without a body go to the body the
  article is about, unless they name another kind of body ("prezes koła").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

from ... import model
from . import morph, refer
from .text import Sentence, sentence_at

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|[^\w\s]", re.UNICODE)


class Tok:
    """A word or punctuation token with offsets into the article text."""

    __slots__ = ("text", "start", "end", "low", "cap")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.low = text.lower()
        # a capitalised word (not an acronym in capitals)
        self.cap = text[:1].isupper() and not text.isupper() and any(c.islower() for c in text)

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tok) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))


@dataclass(frozen=True)
class PersonMention:
    person_id: str
    start: int
    end: int
    surface: str
    sentence: Sentence


@dataclass
class _Cand:
    start: int  # name span (titles excluded)
    end: int
    name: str  # nominative "Given Family"
    sent: Sentence
    toks: list[Tok]  # tokens of the sentence
    i0: int  # first token index of the name in toks
    i1: int  # one past the last token index
    title_start: int = 0  # token index where preceding titles begin
    title_end: int = 0  # token index after following post-nominal titles
    affs: list[tuple[str, str | None, str, float, int, int]] = field(default_factory=list)
    # (org id, role, method, confidence, start, end)
    pending_role: tuple[str, str, str, int, int] | None = None  # (role, kind, phrase, s, e)
    # the pending post was given by "Przewodniczącą została X": news say so of the body they are
    # about, even when the person's own post elsewhere is named too
    pending_copula: bool = False


@dataclass(frozen=True)
class RoleHit:
    role: str  # lowercase nominative, with its complements ("zastępca prezydenta")
    kind: str
    i0: int  # token span in the sentence
    i1: int
    head_end: int  # token index after the role head word(s), before complements
    plural_role: str | None = None  # the base form, when the mention can be plural


# --- resources ---------------------------------------------------------------------


def _data(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _titles() -> tuple[tuple[str, ...], ...]:
    out = []
    for line in _data("titles.txt").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(tuple(line.split()))
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=2)
def _titles_by_word(pos: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles by their first (pos 0) or last (pos -1) word without dots, longest first: a name's
    neighbour token picks the few titles worth trying."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for title in _titles():
        out.setdefault(title[pos].replace(".", ""), []).append(title)
    return {w: tuple(ts) for w, ts in out.items()}


@lru_cache(maxsize=1)
def _cs_given() -> dict[str, tuple[str, str, bool]]:
    """Czech given-name form -> (nominative, gender m/f, is nominative)."""
    forms: dict[str, tuple[str, str, bool]] = {}
    gender = "m"
    for line in _data("given_names_cs.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line in ("[m]", "[f]"):
            gender = line[1]
            continue
        for name in line.split():
            for form in _cs_name_forms(name, gender):
                forms.setdefault(form, (name, gender, form == name))
            forms[name] = (name, gender, True)
    return forms


@lru_cache(maxsize=1)
def _cs_male_genitive() -> dict[str, str]:
    """Genitive of Czech men's names that read as a woman's nominative ("Martina", "Pavla")."""
    out: dict[str, str] = {}
    gender = "m"
    for line in _data("given_names_cs.txt").splitlines():
        line = line.strip()
        if line in ("[m]", "[f]"):
            gender = line[1]
        elif line and not line.startswith("#") and gender == "m":
            for name in line.split():
                if not name.endswith(("a", "í", "ý")):
                    stem = name[:-2] + name[-1] if name.endswith(("ek", "el", "ec")) and len(name) > 4 else name
                    out.setdefault(stem + "a", name)
    return out


def _cs_name_forms(name: str, gender: str) -> set[str]:
    if gender == "f":
        if name.endswith("a"):
            stem = name[:-1]
            soft = stem[-1:] in "žšřčcjďťň"
            dat = stem[:-1] + "ce" if stem.endswith("k") else stem[:-1] + "ře" if stem.endswith("r") else stem + ("i" if soft else "e")
            return {stem + ("e" if soft else "y"), dat, stem + "u", stem + "ou", stem + ("i" if soft else "e")}
        if name.endswith("e"):
            return {name[:-1] + "i", name[:-1] + "í"}
        return set()
    stem = name
    if name.endswith(("ek", "el", "ec")) and len(name) > 4:
        stem = name[:-2] + name[-1]  # Marek -> Marka, Pavel -> Pavla
    if name.endswith(("í", "ý")):
        return {name + "ho", name + "mu", name + "m"}
    if name.endswith("a"):
        stem = name[:-1]
        return {stem + "y", stem + "ovi", stem + "ou", stem + "u"}
    return {stem + "a", stem + "ovi", stem + "em", stem + "e", stem + "u"}


_CS_ROLE_ENDINGS_M = ("e", "i", "em", "a", "ovi", "ové", "ů", "ům", "y")


@lru_cache(maxsize=2)
def _roles(lang: str) -> dict[tuple[str, ...], tuple[str, str, str, bool]]:
    """Role phrase forms (lower-case token tuples) -> (lemma, base, kind, plural)."""
    table: dict[tuple[str, ...], tuple[str, str, str, bool]] = {}
    plural_forms = _plural_role_forms(lang)
    for line in _data("roles.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        lg, lemma, base, kind = line.split("\t")[:4]
        if lg != lang:
            continue
        words = lemma.split()
        head, rest = words[0], tuple(words[1:])
        table[(head,) + rest] = (lemma, base, kind, False)
        for form, plural in _role_forms(head, lang):
            key = (form,) + rest
            if key in table and table[key][0] == lemma:
                # a form both singular and plural ("kierowniczki"): singular unless a list says so
                continue
            table.setdefault(key, (lemma, base, kind, plural))
        for form, plural in _role_forms(head, lang):
            if plural:
                plural_forms.add((form,) + rest)
    return table


@lru_cache(maxsize=2)
def _role_body_types(lang: str) -> dict[str, str]:
    """Post lemma (and base) -> the type of body it belongs to ("sędzia" -> court), from roles.tsv."""
    out: dict[str, str] = {}
    for line in _data("roles.tsv").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 5 or cols[0] != lang or not cols[4].strip():
            continue
        out[cols[1]] = out[cols[2]] = cols[4].strip()
    return out


@lru_cache(maxsize=2)
def _plural_role_forms(lang: str) -> set[tuple[str, ...]]:
    """Role forms that can be plural (filled by `_roles`)."""
    return set()


def _role_forms(head: str, lang: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    if lang == "pl":
        for r in morph.pl_readings(head):
            if r.pos not in ("subst", "adj", "depr") or r.lemma.lower() != head:
                continue
            try:
                gen = morph._generated(r.raw_lemma)
            except Exception:  # pragma: no cover - morfeusz refuses some lemmas
                gen = ()
            for form, pos, numbers, cases, genders, _q in gen:
                if pos.startswith("adj") and "f" in genders and not head.endswith("a"):
                    continue  # przewodniczący: keep the feminine as its own entry
                out.append((form.lower(), "sg" not in numbers))
            # no break: "dyrektor" has a feminine indeclinable reading besides the masculine one
        return out
    # Czech: endings by declension type
    if head.endswith("í"):
        return [(head + e, False) for e in ("ho", "mu", "m")] + [(head + "ch", True), (head + "mi", True)]
    if head.endswith("a"):
        s = head[:-1]
        return [(s + e, False) for e in ("y", "ovi", "ou", "u")] + [(s + "ové", True), (s + "ů", True)]
    if head.endswith(("yně", "ice", "nice")):
        s = head[:-1]
        return [(s + "i", False), (s + "í", False), (head, True)]
    if head.endswith("ka"):
        s = head[:-2]
        return [(s + "ky", False), (s + "ce", False), (s + "ku", False), (s + "kou", False)]
    if head.endswith("e"):  # správce, poradce
        s = head[:-1]
        return [(s + e, False) for e in ("i", "em", "ovi")] + [(s + "ové", True), (s + "ů", True)]
    stem = head
    if head.endswith("ek") and len(head) > 4:
        stem = head[:-2] + "k"
    soft = head.endswith(("el", "tel"))
    forms = [(stem + ("e" if soft else "a"), False), (stem + "i", False), (stem + "ovi", False),
             (stem + "em", False), (stem + "é", True), (stem + "ové", True), (stem + "ů", True),
             (stem + "y", True), (stem + "ům", True), (stem + "ech", True)]
    if head.endswith("ník"):
        forms.append((head[:-1] + "ci", True))
    return forms


_COMPLEMENTS = {
    "pl": set(
        "prezydenta burmistrza wójta starosty marszałka wojewody dyrektora kierownika prezesa "
        "przewodniczącego zarządu rady projektu projektów programu sekcji działu zespołu "
        "miasta gminy powiatu województwa ds. ds spraw zespołu wydziału biura katedry zakładu instytutu oddziału"
        .split()
    ),
    "cs": set(
        "odboru oddělení ředitele starosty primátora hejtmana projektu rady města obce kraje "
        "úseku organizace sekce týmu správní správy katedry ústavu oddílu střediska úřadu "
        "centra provozu klubu kontaktního pracoviště programu prevence představenstva poradny pobočky "
        "kanceláře sekretariátu".split()
    ),
}
# posts that need their complement even when it is the body's own name ("członek Zarządu
# Powiatu" -> "członek zarządu"; but "przewodniczący Rady Powiatu" -> "przewodniczący")
_RELATIONAL_ROLES = {"członek", "członkini", "doradca", "doradczyni", "zastępca", "zastępczyni",
                     "sekretarz", "pełnomocnik", "pełnomocniczka", "koordynator", "koordynatorka",
                     "člen", "členka", "poradce", "poradkyně", "náměstek", "náměstkyně", "zástupce"}
_ROLE_MODIFIERS = {"były", "była", "byli", "obecny", "obecna", "dawny", "dawna", "p.o.", "bývalý",
                   "bývalá", "nowy", "nowa", "pełniący", "pełniąca", "nový", "nová"}
_SURNAME_STOP = {
    # words that follow a given name but are not surnames
    "i", "a", "oraz", "w", "z", "ze", "na", "do", "od", "u", "v", "s", "se",
}
_NOT_SURNAME = set(
    """
    urząd urzędu ośrodek ośrodka fundacja fundacji stowarzyszenie stowarzyszenia centrum
    miasta gminy powiatu rada rady forum kongres konferencja dom domu szkoła szkoły
    stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października
    listopada grudnia poniedziałek wtorek środa czwartek piątek sobota niedziela
    ledna února března dubna května června července srpna září října listopadu prosince
    pomocy społecznej polityki program projekt projektu
    """.split()
)
_STREET_BEFORE = {"ul", "ulica", "ulicy", "ulicę", "al", "aleja", "alei", "pl", "plac", "placu", "im",
                  "imienia", "św", "bł", "ulice", "ulici", "nám", "náměstí", "třída", "patron", "patrona"}


# --- names ---------------------------------------------------------------------------


def _given(tok: Tok, lang: str) -> tuple[str, str, bool, frozenset[str]] | None:
    """(nominative, gender m/f, is_nominative, cases) when `tok` is a given name."""
    if not tok.cap or "-" in tok.text:
        return None
    cs = _cs_given().get(tok.text)
    if lang == "cs" and cs:
        return cs[0], cs[1], cs[2], frozenset({"nom"} if cs[2] else {"gen"})
    if lang != "cs":
        best = None
        for r in morph.pl_readings(tok.text):
            if not r.is_given_name or r.pos != "subst" or "sg" not in r.numbers:
                continue
            g = "f" if "f" in r.genders else "m"
            cand = (r.lemma, g, "nom" in r.cases, r.cases)
            if best is None or (cand[2] and not best[2]):
                best = cand
        if best:
            return best
        if cs and cs[2]:
            return cs[0], cs[1], True, frozenset({"nom"})
    return None


def _surname_ok(tok: Tok) -> bool:
    if not tok.cap or tok.low in _NOT_SURNAME or len(tok.text) < 2:
        return False
    return True


def _pl_family_nominative(word: str, gender: str, cases: frozenset[str]) -> str:
    parts = word.split("-")
    return "-".join(_pl_family_part(p, gender, cases) for p in parts)


def _pl_family_part(word: str, gender: str, cases: frozenset[str]) -> str:
    want = {"f"} if gender == "f" else {"m1"}
    for r in morph.pl_readings(word):
        if "nazwisko" in r.quals and r.genders & want and r.cases & cases and "sg" in r.numbers:
            return morph.match_case(r.lemma, word)
    low = word.lower()
    rules_f = [("skiej", "ska"), ("ckiej", "cka"), ("dzkiej", "dzka"), ("ską", "ska"), ("cką", "cka"),
               ("dzką", "dzka"), ("owej", "owa"), ("ową", "owa"), ("nej", "na"), ("ną", "na")]
    rules_m = [("skiego", "ski"), ("skiemu", "ski"), ("skim", "ski"), ("ckiego", "cki"), ("ckiemu", "cki"),
               ("ckim", "cki"), ("dzkiego", "dzki"), ("dzkim", "dzki"), ("owi", ""), ("em", "")]
    for end, new in rules_f if gender == "f" else rules_m:
        if low.endswith(end):
            return word[: len(word) - len(end)] + new
    if gender == "m" and low.endswith("a") and "gen" in cases:
        return word[:-1]
    return word


def _cs_family_nominative(word: str, gender: str) -> str:
    low = word.lower()
    if gender == "f":
        for end, new in (("ové", "ová"), ("ovou", "ová"), ("ské", "ská"), ("skou", "ská"), ("cké", "cká"),
                         ("ckou", "cká"), ("é", "á"), ("ou", "á")):
            if low.endswith(end) and len(low) > len(end) + 1:
                return word[: len(word) - len(end)] + new
        return word
    for end, new in (("ského", "ský"), ("skému", "ský"), ("ském", "ský"), ("ským", "ský"),
                     ("ého", "ý"), ("ému", "ý"), ("ým", "ý"), ("ovi", ""), ("em", "")):
        if low.endswith(end) and len(low) > len(end) + 1:
            return word[: len(word) - len(end)] + new
    # a-stem men's surnames: "Davida Kučery" (gen.), "s Davidem Kučerou" (instr.) -> Kučera
    for end in ("ou", "y"):
        if low.endswith(end) and len(low) > len(end) + 2 and not low.endswith("ý"):
            return word[: len(word) - len(end)] + "a"
    if low.endswith("a") and len(low) > 3:
        stem = word[:-1]
        if re.search(r"[bcčdfghjklmnpqrřsštťvwxzž]k$", stem):
            return stem[:-1] + "ek"
        return stem
    return word


def _find_names(text: str, lang: str, sentences: Sequence[Sentence],
                blocked: list[tuple[int, int]]) -> list[_Cand]:
    cands: list[_Cand] = []
    for sent in sentences:
        toks = [Tok(m.group(0), sent.start + m.start(), sent.start + m.end())
                for m in _WORD.finditer(sent.text)]
        i = 0
        while i < len(toks) - 1:
            g = _given(toks[i], lang)
            if not g:
                i += 1
                continue
            couple = _couple(text, lang, toks, i, g, blocked)
            if couple:
                cands.extend(_Cand(toks[a].start if a > i else toks[i].start, toks[i + 3].end, name, sent, toks, a, b)
                             for name, a, b in couple)
                i += 4
                continue
            j = i + 1
            given_toks = [i]
            g2 = _given(toks[j], lang) if j < len(toks) else None
            if g2 and j + 1 < len(toks) and _adjacent(text, toks[j], toks[j + 1]) and _surname_ok(toks[j + 1]) \
                    and _adjacent(text, toks[i], toks[j]):
                given_toks.append(j)
                j += 1
            fam = toks[j] if j < len(toks) else None
            if fam is None or not _adjacent(text, toks[j - 1], fam) or not _surname_ok(fam) \
                    or _given_only(fam, lang):
                i += 1
                continue
            prev = toks[i - 1].low if i > 0 else ""
            prev2 = toks[i - 2].low if i > 1 else ""
            if prev in _STREET_BEFORE or (prev == "." and prev2 in _STREET_BEFORE):
                i = j + 1
                continue
            s, e = toks[i].start, fam.end
            if any(s < be and bs < e for bs, be in blocked):
                i = j + 1
                continue
            given_nom, gender, is_nom, cases = g
            if lang == "cs" and gender == "f" and len(given_toks) == 1:
                male = _cs_male_genitive().get(toks[i].text)
                fl = fam.low
                after = toks[j + 1] if j + 1 < len(toks) else None
                # "Jana Železného", "Jana Ámose Komenského" are Jan's genitive
                if male and ((fl.endswith("a") and not fl.endswith(("á", "ová")) and len(fl) > 3)
                             or fl.endswith("ého")
                             or (after is not None and after.cap and after.low.endswith("ého"))):
                    given_nom, gender, is_nom, cases = male, "m", False, frozenset({"gen"})
            if j + 1 < len(toks) and re.fullmatch(r"[IVX]{1,4}", toks[j + 1].text):
                i = j + 2  # "Jan Paweł II": a pope's or monarch's name, not a person of the article
                continue
            if not is_nom and _dedication(toks, i, lang):
                i = j + 1
                continue
            plural = _plural_family(fam, lang)
            if plural:
                # "Grzegorz Lewandowscy" (a couple's surname after one given name)
                given_part = " ".join([given_nom] + [(_given(toks[k], lang) or (toks[k].text,))[0]
                                                     for k in given_toks[1:]])
                family = plural[0] if gender == "m" else plural[1]
            elif is_nom:
                given_part = " ".join(toks[k].text for k in given_toks)
                family = fam.text
            else:
                given_part = " ".join(
                    [given_nom] + [(_given(toks[k], lang) or (toks[k].text,))[0] for k in given_toks[1:]]
                )
                family = (_cs_family_nominative(fam.text, gender) if lang == "cs"
                          else _pl_family_nominative(fam.text, gender, cases))
            cands.append(_Cand(s, e, f"{given_part} {family}", sent, toks, i, j + 1))
            i = j + 1
    return cands


def _couple(text: str, lang: str, toks: list[Tok], i: int, g: tuple, blocked: list[tuple[int, int]]
            ) -> list[tuple[str, int, int]] | None:
    """"Marta i Grzegorz Lewandowscy", "Jana a Petr Novákovi": two people sharing a plural surname.

    -> [(name, first token, end token)] for each, in the nominative singular of each one's gender."""
    if i + 3 >= len(toks) or toks[i + 1].low not in ("i", "oraz", "a"):
        return None
    g2 = _given(toks[i + 2], lang)
    fam = toks[i + 3]
    if not g2 or not _surname_ok(fam) or not _adjacent(text, toks[i + 2], fam):
        return None
    plural = _plural_family(fam, lang, couple=True)
    if not plural or any(toks[i].start < be and bs < fam.end for bs, be in blocked):
        return None
    return [(f"{gg[0]} {plural[0] if gg[1] == 'm' else plural[1]}", a, a + 1 if a == i else a + 2)
            for gg, a in ((g, i), (g2, i + 2))]


def _plural_family(tok: Tok, lang: str, couple: bool = False) -> tuple[str, str] | None:
    """(man's, woman's) nominative singular of a surname in the plural ("Lewandowscy",
    "Nowakowie", "Novákovi"), else None."""
    if lang == "cs":
        low = tok.low
        if not couple:
            return None  # "Novákovi" after one name is the dative singular
        for end, m, f in (("ovi", "", "ová"), ("ští", "ský", "ská"), ("čtí", "cký", "cká")):
            if low.endswith(end) and len(low) > len(end) + 2:
                stem = tok.text[: len(tok.text) - len(end)]
                return stem + m, stem + f
        return None
    readings = [r for r in morph.pl_readings(tok.text) if "nazwisko" in r.quals]
    if not readings or any("sg" in r.numbers and "m1" in r.genders for r in readings):
        return None
    for r in readings:
        if "pl" in r.numbers and "m1" in r.genders and "sg" not in r.numbers:
            masc = morph.match_case(r.lemma, tok.text)
            fem = masc[:-1] + "a" if masc.endswith(("ski", "cki", "dzki")) else masc
            return masc, fem
    return None


_INSTITUTION_STEMS = ("szkol", "skol", "gymnazi", "liceum", "przedszkol", "nadac", "fundac", "nemocnic",
                      "szpital", "hospic", "domov", "uniwersytet", "univerzit", "akademi")


def _dedication(toks: list[Tok], i: int, lang: str) -> bool:
    """An inflected name right after a body's acronym or kind ("ZŠ a MŠ Jana Železného",
    "Gymnázium Jana Keplera") names whom the body honours, not a person in the article; unless
    an inflected post governs the name ("podle ředitele ZŠ Jana Nováka")."""
    if i == 0:
        return False
    prev = toks[i - 1]
    acronym = prev.text.isalpha() and prev.text.isupper() and 2 <= len(prev.text) <= 5
    kind = prev.cap and morph.fold(prev.text).startswith(_INSTITUTION_STEMS)
    if not (acronym or kind):
        return False
    role = _roles(lang).get((toks[i - 2].low,)) if i >= 2 else None
    # an inflected post agrees with the inflected name; a nominative one governs the body instead
    # ("ředitel Gymnázia Jana Keplera Petr Malý")
    return not (role and role[0] != toks[i - 2].low)


def _given_only(tok: Tok, lang: str) -> bool:
    """A second given name with nothing after it is not a surname ("Anna Maria" alone is rare)."""
    return False


def _adjacent(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end:b.start]
    return gap != "" and gap.strip() == "" and "\n\n" not in gap


# --- roles ---------------------------------------------------------------------------


def _role_at(toks: list[Tok], i: int, lang: str, org_starts: set[int], org_cover: set[int]) -> RoleHit | None:
    """A post starting at token i ("dyrektor", "zastępca prezydenta", "kierowniczki")."""
    table = _roles(lang)
    mods: list[str] = []
    k = i
    while k < len(toks) and toks[k].low in _ROLE_MODIFIERS:
        mods.append(toks[k].low)
        k += 1
    for n in (3, 2, 1):
        key = tuple(t.low for t in toks[k:k + n])
        compound = ""
        if n == 1 and key and key not in table and "-" in key[0]:
            # "strážník-preventista", "asystent-koordynator": the first part is the post
            first, compound = key[0].split("-", 1)
            key = (first,)
        if len(key) < n or key not in table:
            continue
        lemma, base, kind, plural = table[key]
        head = base if plural else lemma
        if compound and key[0] == lemma:
            head = f"{lemma}-{compound}"
        may_be_plural = plural or key in _plural_role_forms(lang)
        m = k + n
        words = [head]
        first = True
        while m < len(toks):
            t = toks[m]
            low = t.low
            if low in _COMPLEMENTS[lang] and (t.text.islower() or toks[m - 1].low in ("ds.", "ds")
                                              or m not in org_cover
                                              or (first and lemma in _RELATIONAL_ROLES)):
                if low in ("ds", "ds.") or (low == "spraw" and words[-1] == "do"):
                    words.append("ds.")
                    m += 1
                    if m < len(toks) and toks[m].text == ".":
                        m += 1
                    while m < len(toks) and toks[m].text[:1].isalpha() and toks[m].low not in ("w", "z", "i", "oraz", "ze", "na", "v", "s") \
                            and m not in org_starts:
                        words.append(toks[m].low)
                        m += 1
                    first = False
                    continue
                words.append(low)
                m += 1
                first = False
                continue
            break
        if mods and mods[0] in ("były", "była", "bývalý", "bývalá", "dawny", "dawna"):
            words.insert(0, mods[0] if not plural else "byli")
        # a quoted name after the post's complement: "koordynator sekcji „Polityka społeczna, rodzina”"
        if len(words) > 1 and m < len(toks) and toks[m].text in "„“\"«":
            q = m + 1
            while q < len(toks) and q - m < 12 and toks[q].text not in "”“\"»":
                q += 1
            if q < len(toks) and q - m < 12:
                words.append("„" + _join(toks[m + 1:q]) + "”")
                m = q + 1
        role = " ".join(words)
        plural_role = " ".join([base] + words[1:]) if may_be_plural else None
        return RoleHit(role, kind, i, m, k + n, plural_role)
    return None


# --- linking -------------------------------------------------------------------------


def find_persons(
    text: str,
    lang: str | None,
    sentences: Sequence[Sentence],
    organisations: Sequence[model.Organisation] = (),
    org_mentions: Sequence = (),
) -> tuple[list[model.Person], list[PersonMention]]:
    """People named in `text`, with their posts and bodies, and every mention of them."""
    lang = "cs" if lang == "cs" or lang == "sk" else "pl"
    blocked = [(m.start, m.end) for m in org_mentions]
    cands = _find_names(text, lang, sentences, blocked)
    if not cands:
        return [], []
    by_sent: dict[int, list] = {}
    for m in org_mentions:
        by_sent.setdefault(_sent_key(sentences, m.start), []).append(m)
    orgs_by_id = {o.id: o for o in organisations}
    sent_cands: dict[int, list[_Cand]] = {}
    for c in cands:
        sent_cands.setdefault(c.sent.start, []).append(c)
    # what a description ("kierownik ośrodka") or a pronoun ("jej prezes") can point back to
    prev_first: dict[int, str] = {}
    last_first = None
    for sent in sentences:
        if last_first:
            prev_first[sent.start] = last_first
        here = by_sent.get(sent.start)
        if here:
            last_first = min(here, key=lambda m: m.start).org_id
    ctx = _Ctx(list(organisations), sorted(org_mentions, key=lambda m: m.start), article_topic(org_mentions),
               prev_first)
    for sstart, group in sent_cands.items():
        group.sort(key=lambda c: c.start)
        oms = sorted(by_sent.get(sstart, []), key=lambda m: m.start)
        _link_sentence(text, lang, group, oms, orgs_by_id, ctx)
    _executive_fallback(text, lang, cands, organisations)
    _typed_fallback(lang, cands, organisations, org_mentions)
    _topic_fallback(cands, org_mentions, lang, organisations)
    return _merge(cands)


@dataclass
class _Ctx:
    orgs: list
    mentions: list
    topic: str | None
    prev_first: dict[int, str]  # sentence start -> first body named in the sentence before

    def describe(self, toks: list[Tok], a: int, b: int, lang: str) -> str | None:
        """The body the lower-case phrase toks[a:b] ("kladenského střediska") stands for."""
        if b <= a or b - a > 6:
            return None
        return refer.resolve([t.text for t in toks[a:b]], self.orgs, lang, mentions=self.mentions,
                             pos=toks[a].start, topic=self.topic)


_PREPS_STOP = {"w", "we", "z", "ze", "v", "ve", "na", "do", "od", "przy", "při", "pro", "dla", "u", "o", "po"}
_POSSESSIVE = {"jego", "jej", "ich", "jeho", "její", "jejich"}
_RELATIVE = {"jejíž", "jehož", "jejichž", "którego", "której", "których"}


def _lower_run(toks: list[Tok], a: int, b: int) -> bool:
    """toks[a:b] are lower-case words only (a description between a post and a name)."""
    return b > a and all(t.text.isalpha() and t.text.islower() and t.low not in _SURNAME_STOP_EXTRA
                         for t in toks[a:b])


_SURNAME_STOP_EXTRA = {"i", "a", "oraz", "że", "że", "jest", "je", "był", "była", "byl", "byla", "który", "która",
                       "jenž", "což", "ale", "także", "také", "pan", "pani", "paní", "pán"}


def _role_name(hit: RoleHit, toks: list[Tok], desc_a: int, lang: str) -> str | None:
    """The post of a description: "vedoucí" + "střediska" -> "vedoucí střediska"."""
    if hit.kind == "rep":
        return None
    if lang == "cs" and hit.role.startswith("vedoucí "):
        return hit.role  # "vedoucí kontaktního pracoviště": the head of a unit is named with the unit
    if desc_a < hit.i1:
        # the post's complement is the description ("ředitelka kontaktního pracoviště" -> "ředitelka")
        words = hit.role.split()
        keep = max(1, len(words) - (hit.i1 - desc_a))
        hit = replace(hit, role=" ".join(words[:keep]))
    if lang == "cs" and hit.role == "vedoucí":
        unit = next((t.low for t in toks[desc_a:desc_a + 4] if refer.head_stem(t.low, lang)), None)
        if unit:
            return f"vedoucí {unit}"
    return hit.role


def _sent_key(sentences: Sequence[Sentence], offset: int) -> int:
    s = sentence_at(list(sentences), offset) if not isinstance(sentences, list) else sentence_at(sentences, offset)
    return s.start if s else -1


def _link_sentence(text: str, lang: str, group: list[_Cand], oms: list, orgs_by_id: dict, ctx: _Ctx | None = None) -> None:
    toks = group[0].toks
    tok_at_start = {t.start: n for n, t in enumerate(toks)}
    tok_at_end = {t.end: n for n, t in enumerate(toks)}
    # org mention -> token span
    spans = []
    for m in oms:
        a = _tok_index_at(toks, m.start)
        b = _tok_index_before(toks, m.end)
        if a is None or b is None:
            continue
        spans.append((a, b + 1, m))
    org_cover = {k for a, b, _ in spans for k in range(a, b)}
    name_spans = [(c.i0, c.i1) for c in group]
    name_tok = {k for a, b in name_spans for k in range(a, b)}
    # where a post's "ds. ..." complement must stop: a body or a person begins
    org_starts = {a for a, _, _ in spans} | name_tok

    def org_starting(k: int):
        return next(((a, b, m) for a, b, m in spans if a == k), None)

    def org_ending_before(k: int):
        return next(((a, b, m) for a, b, m in spans if b == k), None)

    def skip_titles_back(k: int) -> int:
        """Index of the first title token before token k (k if none)."""
        changed = True
        while changed:
            changed = False
            p = k - 1 if k - 1 >= 0 and toks[k - 1].text == "." else k
            for title in (_titles_by_word(-1).get(toks[p - 1].low, ()) if p - 1 >= 0 else ()):
                n = len(title)
                # tokens incl. dots: "dr", "hab", "." ...
                j = k
                ok = True
                for w in reversed(title):
                    if j - 1 >= 0 and toks[j - 1].text == ".":
                        j -= 1
                    if j - 1 >= 0 and toks[j - 1].low == w.replace(".", ""):
                        j -= 1
                    else:
                        ok = False
                        break
                if ok and n and j < k:
                    k = j
                    changed = True
                    break
        return k

    def skip_titles_fwd(k: int) -> int:
        changed = True
        while changed:
            changed = False
            j = k
            if j < len(toks) and toks[j].text == ",":
                j += 1
            for title in (_titles_by_word(0).get(toks[j].low, ()) if j < len(toks) else ()):
                jj = j
                ok = True
                for w in title:
                    if jj < len(toks) and toks[jj].low == w.replace(".", ""):
                        jj += 1
                        if jj < len(toks) and toks[jj].text == ".":
                            jj += 1
                    else:
                        ok = False
                        break
                if ok and jj > j and title[0] not in ("pan", "pani", "o", "ks", "dr", "prof", "paní"):
                    k = jj
                    changed = True
                    break
        return k

    for c in group:
        c.title_start = skip_titles_back(c.i0)
        c.title_end = skip_titles_fwd(c.i1)

    for idx, c in enumerate(group):
        nxt_name = group[idx + 1].title_start if idx + 1 < len(group) else len(toks)
        _after_name(text, lang, c, toks, spans, org_starting, nxt_name, org_starts, org_cover, ctx)
        _before_name(text, lang, c, toks, spans, org_ending_before, org_starting, org_starts, org_cover, group, idx,
                     orgs_by_id, ctx)

    _add_parents(group, toks, spans, orgs_by_id)
    _deputy_of_previous(group, toks)
    # lists: "A i B (ORG)" / "A, B oraz C (ORG)": earlier names without a body share it
    for idx in range(len(group) - 1, 0, -1):
        later, earlier = group[idx], group[idx - 1]
        between = [t.low for t in toks[earlier.i1:later.title_start]]
        if between and all(w in (",", "i", "oraz", "a", "a", "and") for w in between):
            paren = [a for a in later.affs if a[2] == "pattern:person-org-brackets"]
            if paren and not earlier.affs:
                earlier.affs.extend((o, r, "pattern:person-list-org-brackets", 0.75, s, e)
                                    for o, r, _m, _c, s, e in paren)
    # colon lists: "przedstawicielki MOPS w Kaliszu: A i B", "kierowniczki OPS: A (X), B (Y)"
    for c in group:
        k = c.title_start - 1
        while k >= 0:
            t = toks[k]
            if t.text == ":":
                break
            if t.text in (",", ")", "(") or t.low in ("i", "oraz", "a") or k in name_tok or k in org_cover:
                k -= 1
                continue
            if any(k >= g.title_start and k < g.i0 for g in group):
                k -= 1
                continue
            k = -1
        if k <= 0 or toks[k].text != ":":
            continue
        # the phrase before the colon: [role] [ORG]
        org = org_ending_before(k)
        role = None
        scan_end = org[0] if org else k
        for j in range(max(0, scan_end - 6), scan_end):
            hit = _role_at(toks, j, lang, org_starts, org_cover)
            if hit:
                role = hit
        if role and role.kind == "rep":
            role_name = None
        else:
            role_name = (role.plural_role or role.role) if role else None
        if org and (role or True):
            if not any(a[0] == org[2].org_id for a in c.affs):
                c.affs.append((org[2].org_id, role_name, "pattern:colon-list-org", 0.75,
                               toks[role.i0 if role else org[0]].start, c.end))
        elif role and role_name:
            # role only: give it to the bodies the names already have (from brackets)
            c.affs[:] = [(o, r or role_name, m, cf, s, e) for o, r, m, cf, s, e in c.affs]
            if not c.affs:
                c.pending_role = (role_name, role.kind, role.role, toks[role.i0].start, toks[role.i1 - 1].end)


# units whose staff also belong to the parent named with them ("kierownik Działu X MOPS w Y")
_DEPARTMENT_STEMS = ("dzial", "wydzial", "sekcj", "referat", "biur", "zespol", "odbor", "oddeleni", "usek",
                     "referat")


def _add_parents(group: list[_Cand], toks: list[Tok], spans: list, orgs_by_id: dict) -> None:
    """A post in a department named together with its parent body ("kierownik Działu Pomocy
    Środowiskowej MOPS w Legnicy", "vedoucí odboru sociálních věcí Městského úřadu Tábor") links
    the person to both, the parent with no post: the gold convention for units."""
    starting = {a: (b, m) for a, b, m in spans}
    for c in group:
        for org, _role, method, conf, s, e in list(c.affs):
            unit = orgs_by_id.get(org)
            if unit is None or not unit.part_of or not morph.fold(unit.name).startswith(_DEPARTMENT_STEMS):
                continue
            if any(o == unit.part_of for o, *_ in c.affs):
                continue
            for a, b, m in spans:
                nb, nxt = starting.get(b, (None, None))
                if m.org_id == org and s <= toks[a].start < e + 1 and nxt is not None and nxt.org_id == unit.part_of:
                    c.affs.append((unit.part_of, None, method + "+parent", conf - 0.05, s, max(e, toks[nb - 1].end)))
                    break


def _deputy_of_previous(group: list[_Cand], toks: list[Tok]) -> None:
    """"prezes Stowarzyszenia X Jan Nowak oraz wiceprezes Anna Lis", "ředitel Charity X Petr Malý
    a jeho zástupkyně ředitele Jana Malá": a post derived from the one just linked, joined by a
    conjunction, with no body of its own, is a post of the same body."""
    for prev, c in zip(group, group[1:]):
        if c.affs or not c.pending_role or not prev.affs:
            continue
        between = {t.low for t in toks[prev.i1:c.title_start]}
        if not between & {"i", "oraz", "a", "jego", "jej", "jeho", "její"}:
            continue
        org, prole = prev.affs[0][0], prev.affs[0][1]
        role, kind, _phrase_, s, e = c.pending_role
        head = (prole or "").split()[0] if prole else ""
        if len(head) >= 4 and role != prole and head[:-1] in role.replace(" ", ""):
            c.affs.append((org, role, "pattern:deputy-of-previous", 0.65, s, e))
            c.pending_role = None


def _tok_index_at(toks: list[Tok], offset: int) -> int | None:
    for n, t in enumerate(toks):
        if t.end > offset:
            return n if t.start <= offset + 1 else n
    return None


def _tok_index_before(toks: list[Tok], offset: int) -> int | None:
    last = None
    for n, t in enumerate(toks):
        if t.start < offset:
            last = n
        else:
            break
    return last


def _chunks(toks: list[Tok], a: int, b: int) -> list[tuple[int, int]]:
    """Comma-separated chunks of toks[a:b], ignoring commas inside quotes."""
    out = []
    start = a
    inq = False
    for k in range(a, b):
        t = toks[k].text
        if t in "„“”\"«»":
            if t in "„«":
                inq = True
            elif t in "”»" or (t in "“\"" and inq):
                inq = False
            elif t == '"':
                inq = not inq
            continue
        if t in (",", ";") and not inq:
            if k > start:
                out.append((start, k))
            start = k + 1
    if b > start:
        out.append((start, b))
    return out


def _desc_start(hit: RoleHit, toks: list[Tok], lang: str) -> int:
    """Where a description after a post begins: "vedoucí odboru ..." keeps "odboru" in it."""
    a = hit.head_end
    while a - 1 > hit.i0 and refer.head_stem(toks[a - 1].low, lang):
        a -= 1
    return a


def _after_name(text, lang, c: _Cand, toks, spans, org_starting, limit, org_starts, org_cover, ctx=None) -> None:
    k = c.i1
    # "dr hab. Arkadiusz Karwacki prof. UMK": a post-nominal professorship at a body
    if k + 1 < len(toks) and toks[k].low in ("prof", "profesor") :
        j = k + 1 + (1 if toks[k + 1].text == "." else 0)
        o = org_starting(j)
        if o:
            c.affs.append((o[2].org_id, "profesor", "pattern:person-prof-org", 0.75, c.start, toks[o[1] - 1].end))
        return
    k = c.title_end
    if k >= len(toks):
        return
    t = toks[k]
    # "(MOPS w Kaliszu)"
    if t.text == "(":
        j = k + 1
        role = _role_at(toks, j, lang, org_starts, org_cover)
        if role:
            j = role.i1
            if j < len(toks) and toks[j].low in ("w", "ve", "v", "z", "ze"):
                j += 1
        o = org_starting(j)
        if o:
            rn = role.role if role and role.kind != "rep" else None
            c.affs.append((o[2].org_id, rn, "pattern:person-org-brackets", 0.85, c.start, toks[o[1] - 1].end))
        return
    # "X z ORG", "X reprezentująca ORG", "X ze Stowarzyszenia ..."
    if t.low in ("z", "ze", "za") or t.low in _REPRESENTING:
        o = org_starting(k + 1)
        if not o and t.low in ("z", "ze"):
            # "X z mostecké pobočky Člověka v tísni", "X z tamtejszego GOPS"
            for skip in (1, 2, 3):
                if k + 1 + skip < len(toks) and _lower_run(toks, k + 1, k + 1 + skip):
                    o = org_starting(k + 1 + skip)
                    if o:
                        break
                else:
                    break
        if o:
            # a title before the name ("Prof. dr hab. X z UJK") is no post (GOLD_FORMAT: titles left out)
            c.affs.append((o[2].org_id, None, "pattern:person-from-org", 0.75, c.start, toks[o[1] - 1].end))
        elif ctx and t.low in ("z", "ze"):
            e = k + 1
            while e < len(toks) and e - k <= 3 and _lower_run(toks, e, e + 1):
                e += 1
            oid = ctx.describe(toks, k + 1, e, lang)
            if oid:
                c.affs.append((oid, None, "pattern:person-from-description", 0.6, c.start, toks[e - 1].end))
        return
    if t.low in _LEAD_VERBS or t.low in _HEAD_VERBS:
        # "Joanna Lis kieruje Działem Świadczeń MOPS", "Jan Malý stojí v čele poradny"
        _leads_body(c, toks, k, min(limit, len(toks)), org_starting, ctx, lang)
        return
    if t.text not in (",", "–", "-", "—"):
        return
    # apposition: "X, dyrektor MOPS w Kaliszu", "X – ekspertka ..., trenerka CAL, a także wykładowczyni K"
    end = min(limit, len(toks))
    chunks = _chunks(toks, k + 1, end)
    if chunks and end < len(toks) and chunks[-1][1] == end:
        # "X, członek Zarządu ..., dyrektor PCPR w Nowej Soli Y": the last post is Y's
        chunks = chunks[:-1]
    for a, b in _split_posts(toks, chunks, lang, org_starts, org_cover):
        j = a
        while j < b:
            if toks[j].low in _POST_CONJ or toks[j].low in _POST_ADVERBS:
                j += 1
            elif [t.low for t in toks[j:j + 3]] == ["na", "co", "dzień"]:
                j += 3  # "X, na co dzień dyrektor MOPS"
            else:
                break
        role = _role_at(toks, j, lang, org_starts, org_cover)
        if role is None:
            o = org_starting(j)
            if o and j == a:
                c.affs.append((o[2].org_id, None, "pattern:person-org-apposition", 0.7, c.start,
                               toks[o[1] - 1].end))
                continue
            if toks[j].low in _REPRESENTING and org_starting(j + 1):
                # "X, reprezentujący Fundację Y", "X, zastupující Charitu Y"
                o = org_starting(j + 1)
                c.affs.append((o[2].org_id, None, "pattern:person-representing-org", 0.75, c.start,
                               toks[o[1] - 1].end))
                continue
            if toks[j].low == "prof" and j + 1 < b:
                # "dr hab. X, prof. Uniwersytetu Y": the abbreviated post after the name
                o = org_starting(j + 2 if toks[j + 1].text == "." else j + 1)
                if o:
                    c.affs.append((o[2].org_id, "profesor", "pattern:person-prof-org", 0.75, c.start,
                                   toks[o[1] - 1].end))
                    continue
            if toks[a].low in _RELATIVE_SUBJ:
                # "X, która wcześniej kierowała MGOPS-em", "X, který vede Charitu Opava"
                _leads_body(c, toks, a + 1, b, org_starting, ctx, lang)
                break
            # "dr X, socjolożka z Uniwersytetu ...", "X, dlouholetá dobrovolnice z Charity ...": a
            # description of the person, then the body they come from
            x = a
            while x < b and x - a < 3 and toks[x].text.isalpha() and toks[x].text.islower() \
                    and toks[x].low not in _SURNAME_STOP_EXTRA and toks[x].low not in ("z", "ze"):
                x += 1
            if a < x < b - 1 and toks[x].low in ("z", "ze"):
                o = org_starting(x + 1)
                if o:
                    c.affs.append((o[2].org_id, None, "pattern:person-description-from-org", 0.7, c.start,
                                   toks[o[1] - 1].end))
                    continue
            break
        j = role.head_end
        # the body follows the post: directly, after "w"/"z", a geographic adjective, or a quoted name
        o = None
        limit_j = min(b, role.i1 + 6)
        while j < limit_j:
            o = org_starting(j)
            if o:
                break
            if j < role.i1 or toks[j].low in ("w", "we", "z", "ze", "v", "ve", "při", "przy", "do", "spraw", "ds", "."):
                j += 1
                continue
            if toks[j].text.islower() and toks[j].text.isalpha() and j - role.i1 < 4 and toks[j].low not in (
                    "który", "która", "które", "jenž", "jež", "a", "i", "oraz", "kde", "gdzie", "ale", "jest", "je"):
                j += 1  # "vedoucí katedry sociální práce Masarykovy univerzity"
                continue
            if toks[j].text in "„“”\"«»":
                # skip a quoted section name
                j += 1
                while j < b and toks[j].text not in "”\"»“":
                    j += 1
                j += 1
                limit_j = min(b, j + 3)
                continue
            break
        if o is None and j < b and toks[j].cap and org_starting(j) is None:
            # "X, dyrektor Departamentu Polityki Społecznej Urzędu Marszałkowskiego ...": a unit we
            # do not know, then its parent: the person belongs to the parent (no post of its own)
            u = j
            while u < b and u - j < 6 and org_starting(u) is None and (
                    toks[u].cap or toks[u].low in ("i", "a", "ds", ".", "nr", "spraw", "do") or toks[u].text.isdigit()):
                u += 1
            parent = org_starting(u) if u < b and u > j and toks[u - 1].cap else None
            if parent:
                c.affs.append((parent[2].org_id, None, "pattern:person-role-unknown-unit-of-org", 0.6, c.start,
                               toks[parent[1] - 1].end))
                continue
        if o:
            rn = None if role.kind == "rep" else role.role
            e = o[0] - 1 if toks[o[0] - 1].low in ("w", "we", "z", "ze", "v", "ve", "przy", "při") else o[0]
            if rn and e > role.i1 and all(toks[x].text.islower() and toks[x].low not in _PREPS_STOP
                                          and toks[x].low not in _NOT_POST_WORDS for x in range(role.i1, e)):
                # "koordynatorka rodzinnej pieczy zastępczej w PCPR"; not "jednatelka nové Prádelny"
                rn = " ".join([rn] + [toks[x].low for x in range(role.i1, e)])
            outer = org_starting(o[1] + 1) if o[1] + 1 < len(toks) and toks[o[1]].low in ("w", "we", "v", "ve") \
                else None
            if outer:
                # "X, przewodniczący Rady ds. Społecznych w Narodowej Radzie Rozwoju"
                rn2 = None if role.kind == "rep" else _with_inner(role, toks, o) if role.i1 <= o[0] else rn
                c.affs.append((outer[2].org_id, rn2, "pattern:person-role-unit-of-org", 0.75,
                               c.start, toks[outer[1] - 1].end))
                continue
            c.affs.append((o[2].org_id, rn, "pattern:person-role-apposition", 0.85,
                           c.start, toks[o[1] - 1].end))
            continue
        # "X, prezes spółdzielni", "X, rzecznik wrocławskiej straży miejskiej": a description of a body
        if ctx:
            da = _desc_start(role, toks, lang)
            e = max(da, role.i1)
            while e < b and e - da < 6 and _lower_run(toks, e, e + 1) and toks[e].low not in _PREPS_STOP:
                e += 1
            oid = ctx.describe(toks, da, e, lang) if e > da else None
            if oid:
                c.affs.append((oid, _role_name(role, toks, da, lang), "pattern:person-role-description", 0.7,
                               c.start, toks[e - 1].end))
                continue
        if role.kind != "rep" and c.pending_role is None:
            c.pending_role = (role.role, role.kind, _phrase(toks, role.i0, min(b, role.i1 + 2)),
                              toks[role.i0].start, toks[min(b, role.i1 + 2) - 1].end)


_RELATIVE_OBJ = {"którym", "którą", "którego", "której", "kterou", "který", "které", "kterého", "jejž", "již",
                 "jíž", "jež"}
# words between a post and its body that are not part of the post ("jednatelka nové Prádelny")
_NOT_POST_WORDS = {"nowy", "nowa", "nowego", "nowej", "nowym", "nową", "nové", "nového", "nový", "nová", "novou",
                   "tamtejszego", "tamtejszej", "tamtejszym", "miejscowego", "miejscowej", "místní", "místního",
                   "tamní", "tamního", "naszego", "naszej", "našeho", "naší", "tego", "tej", "této", "tohoto"}
# (word, the word before it): "z ramienia", "w imieniu", "ze strany", "po stronie", "ze strony"
_ON_BEHALF = {("ramienia", "z"), ("imieniu", "w"), ("strany", "ze"), ("stronie", "po"), ("strony", "ze")}
_REPRESENTING = {"reprezentująca", "reprezentujący", "reprezentujące", "reprezentujący", "reprezentujícího",
                 "zastupující", "reprezentující", "reprezentujícího"}
_POST_ADVERBS = {"obecnie", "aktualnie", "nadal", "wciąż", "dziś", "dzisiaj", "nyní", "dnes", "aktuálně",
                 "stále", "současně", "dlouholetý", "dlouholetá", "wieloletni", "wieloletnia"}
_POST_CONJ = {"a", "także", "również", "oraz", "i", "zároveň", "také", "též", "zarazem", "jednocześnie",
              "rovněž"}
_RELATIVE_SUBJ = {"który", "która", "którzy", "które", "jenž", "jež", "již", "který", "která", "které",
                  "kteří"}
# verbs saying that someone runs a body: "kieruje Działem ...", "stoi na czele zespołu", "vede poradnu"
_LEAD_VERBS = {"kieruje", "kierował", "kierowała", "kierują", "kierowali", "przewodniczy", "przewodniczył",
               "przewodniczyła", "vede", "vedl", "vedla", "řídí", "řídil", "řídila", "šéfuje", "šéfoval",
               "šéfovala", "kierujący", "kierująca"}
# the post a present-tense verb of running names ("kieruje" -> kierownik); a past one names none
_LEAD_POSTS = {"kieruje": {"pl": "kierownik"}, "vede": {"cs": "vedoucí"}}
_HEAD_VERBS = {"stoi", "stał", "stała", "stojí", "stál", "stála", "stojący", "stojąca"}


def _split_posts(toks: list[Tok], chunks: list[tuple[int, int]], lang: str, org_starts: set[int],
                 org_cover: set[int]) -> list[tuple[int, int]]:
    """Split an apposition chunk where a conjunction starts another post: "předsedkyně spolku a
    zároveň jednatelka Prádelny X", "prezes fundacji i członek zarządu stowarzyszenia"."""
    out = []
    for a, b in chunks:
        start = a
        for x in range(a + 1, b - 1):
            if toks[x].low not in ("a", "i", "oraz"):
                continue
            y = x + 1
            while y < b and toks[y].low in _POST_CONJ:
                y += 1
            if y < b and _role_at(toks, y, lang, org_starts, org_cover):
                out.append((start, x))
                start = x
        out.append((start, b))
    return out


def _leads_body(c: _Cand, toks: list[Tok], a: int, b: int, org_starting, ctx, lang: str) -> bool:
    """A verb of running a body within toks[a:b] and the body after it: "kierowała MGOPS-em",
    "stoi na czele zespołu", "vede poradnu"; the person is linked with no post named."""
    for v in range(a, min(b, a + 7)):
        low = toks[v].low
        if low in _LEAD_VERBS:
            x = v + 1
        elif low in _HEAD_VERBS and v + 2 < b and toks[v + 1].low in ("na", "v") \
                and toks[v + 2].low in ("czele", "čele"):
            x = v + 3
        else:
            continue
        role = _LEAD_POSTS.get(low, {}).get(lang)
        o = org_starting(x)
        if o:
            c.affs.append((o[2].org_id, role, "pattern:person-leads-org", 0.7, toks[v].start, toks[o[1] - 1].end))
            return True
        e = x
        while e < b and e - x < 3 and _lower_run(toks, e, e + 1) and toks[e].low not in _PREPS_STOP:
            e += 1
        oid = ctx.describe(toks, x, e, lang) if ctx is not None and e > x else None
        if oid:
            c.affs.append((oid, role, "pattern:person-leads-description", 0.6, toks[v].start, toks[e - 1].end))
            return True
        return False
    return False


def _join(toks: list[Tok]) -> str:
    out = ""
    for n, t in enumerate(toks):
        if n and t.text not in ",.;:)" and toks[n - 1].text not in "(":
            out += " "
        out += t.text
    return out


def _phrase(toks, a, b) -> str:
    return " ".join(t.text for t in toks[a:b])


def _with_inner(hit: RoleHit, toks: list[Tok], inner) -> str:
    """"przewodniczący" + "Rady ds. Społecznych" -> "przewodniczący rady ds. społecznych"."""
    words = hit.role.split()
    extra = [t.low for t in toks[hit.i1:inner[1]]]
    return " ".join(words + extra).replace(" .", ".")


def _before_name(text, lang, c: _Cand, toks, spans, org_ending_before, org_starting, org_starts, org_cover,
                 group, idx, orgs_by_id=None, ctx=None) -> None:
    orgs_by_id = orgs_by_id or {}
    k = c.title_start
    if k == 0:
        return
    prev_name_end = group[idx - 1].i1 if idx > 0 else 0
    # "ORG, jehož vedoucím je X" / "którego dyrektorem jest X"
    if k >= 3 and toks[k - 1].low in ("je", "jest", "był", "była", "byl", "byla", "zůstává"):
        rel = k - 2
        role_word = toks[rel].low
        if rel - 1 >= 0 and toks[rel - 1].low in ("jehož", "jejíž", "jejichž", "którego", "której", "których"):
            role = _instrumental_role(role_word, lang)
            o = None
            prev = None
            for a, b, m in spans:
                if b <= rel - 1:
                    prev, o = o, (a, b, m)
            if o and prev and prev[1] == o[0] and orgs_by_id.get(prev[2].org_id) is not None \
                    and orgs_by_id[prev[2].org_id].part_of == o[2].org_id:
                o = prev  # "Odbor sociálních věcí Magistrátu města X, jehož vedoucí je Y": the unit
            if o:
                rn = role
                if role and lang == "cs" and role == "vedoucí" and o[2].surface.lower().startswith("odbor"):
                    rn = "vedoucí odboru"
                c.affs.append((o[2].org_id, rn, "pattern:relative-clause-role", 0.8,
                               toks[o[0]].start, c.end))
                return
    # "Dział Świadczeń, którym kieruje X", "poradna, kterou vede X": the body before the relative clause
    if k >= 3 and toks[k - 1].low in _LEAD_VERBS and toks[k - 2].low in _RELATIVE_OBJ and toks[k - 3].text == ",":
        o = org_ending_before(k - 3)
        inner = org_ending_before(o[0]) if o else None
        if inner and inner[0] >= prev_name_end and getattr(orgs_by_id.get(inner[2].org_id), "part_of", None) \
                == o[2].org_id:
            o = inner  # "Dział Świadczeń MOPS w Kole, którym kieruje X": the unit (its parent is added below)
        oid = o[2].org_id if o else None
        if oid is None and ctx is not None:
            # "... przez zespół, którym kieruje X": a description of a body just before
            e = k - 3
            a = next((x for x in range(max(prev_name_end, e - 3), e)
                      if refer.head_stem(toks[x].low, lang) and _lower_run(toks, x, e)), e)
            oid = ctx.describe(toks, a, e, lang) if a < e else None
            o = (a, e, None) if oid else None
        if oid:
            c.affs.append((oid, _LEAD_POSTS.get(toks[k - 1].low, {}).get(lang), "pattern:org-led-by-person", 0.75,
                           toks[o[0]].start, c.end))
            return
    # Czech "na Městském úřadě ... u Barbory Novákové"
    if lang == "cs" and toks[k - 1].low == "u":
        o = None
        for a, b, m in spans:
            if b <= k - 1 and toks[a - 1].low in ("na", "v", "ve") and toks[k - 1].start - toks[b - 1].end < 80:
                o = (a, b, m)
        if o:
            c.affs.append((o[2].org_id, None, "pattern:cs-u-person-at-org", 0.65, toks[o[0]].start, c.end))
            return
    # "Na jego czele stoi X", "V čele odboru stojí X": the head of the body just named
    if k >= 2 and toks[k - 1].low in ("stoi", "stała", "stał", "stanie", "stojí", "stál", "stála") and \
            toks[k - 2].low in ("czele", "čele"):
        org = None
        for a, b, m in spans:
            if b <= k - 2:
                org = m.org_id
        c.pending_role = ("", "head", "", toks[k - 2].start, c.end) if org is None else None
        if org:
            c.affs.append((org, None, "pattern:head-of-org", 0.7, toks[k - 2].start, c.end))
        return
    # "Nową dyrektor ORG została X", "Novou ředitelkou ORG se stala X", "Koordinátorkou projektu je X"
    j = k
    while j - 1 > prev_name_end and toks[j - 1].low in _COPULA:
        j -= 1
    if j < k:
        while j - 1 > prev_name_end and toks[j - 1].low in _COPULA_ADVERBS:
            j -= 1  # "Przewodniczącą ponownie została X"
        o = org_ending_before(j)
        r_end = o[0] if o else j
        for back in range(1, 6):
            r0 = r_end - back
            if r0 < prev_name_end:
                break
            hit = _role_at(toks, r0, lang, org_starts, org_cover)
            if hit and not o and hit.i1 <= r_end and ctx is not None:
                # "Prezesem spółdzielni został X", "Vedoucí centra je X": the post's complement
                # describes a body named before
                da = _desc_start(hit, toks, lang)
                if da < r_end and r_end - da <= 4 and _lower_run(toks, max(da, hit.i1), r_end):
                    oid = ctx.describe(toks, da, r_end, lang)
                    if oid:
                        c.affs.append((oid, _role_name(hit, toks, da, lang), "pattern:post-copula-description",
                                       0.7, toks[hit.i0].start, c.end))
                        return
            if hit and (hit.i1 == r_end or (o and hit.head_end <= o[0] <= hit.i1)):
                rn = None if hit.kind == "rep" else hit.role
                if o:
                    c.affs.append((o[2].org_id, rn, "pattern:post-copula-person", 0.8, toks[hit.i0].start, c.end))
                elif hit.kind != "rep":
                    c.pending_role = (hit.role, hit.kind, _phrase(toks, hit.i0, hit.i1), toks[hit.i0].start, c.end)
                    c.pending_copula = True
                return
    # "[Z ramienia ORG] ... [ORG reprezentowała] [post] [ORG] X"
    j = k
    role_hit = None
    # post directly before the name, possibly followed by a geographic adjective
    # a government body named between post and name is linked as a body (below), not as a place
    gov_cover = {n for a, b, m in spans if getattr(orgs_by_id.get(m.org_id), "type", None) == "local-government"
                 for n in range(a, b)}
    for back in range(1, 10):
        s = j - back
        if s < prev_name_end:
            break
        hit = _role_at(toks, s, lang, org_starts, org_cover)
        if hit and hit.i1 <= j and _post_gap_ok(hit, toks, j, lang, gov_cover):
            role_hit = hit  # keep looking back: "zastępca kierownika" beats "kierownika"
        elif hit and hit.kind != "rep" and hit.i1 < j and _post_complement(toks, hit.i1, j, lang) \
                and not any(refer.head_stem(t.low, lang) for t in toks[hit.i0 + 1:hit.i1]):
            # "koordinátorka komunitního plánování X": the post's own complement, no body in it
            role_hit = replace(hit, role=" ".join([hit.role] + [t.low for t in toks[hit.i1:j]]), i1=j)
        elif role_hit and not hit:
            break
    if role_hit and ctx is not None:
        p = role_hit.i0 - 1
        if p >= prev_name_end and (toks[p].low in _POSSESSIVE or toks[p].low in _RELATIVE):
            # "O doświadczeniach MOPR mówiła jego dyrektor X", "IQ Roma servis, jejíž ředitelka X",
            # "Spółdzielnia ... . Jej prezes X": the body named last before, else the last sentence's subject
            before = [sp for sp in spans if sp[1] <= p]
            oid = before[-1][2].org_id if before else None
            described = (oid is None and prev_name_end == 0 and 1 < p <= 7 and toks[p - 1].text.islower()
                         and any(refer.head_stem(t.low, lang) for t in toks[:p - 1]))
            if described:
                # "Gminny ośrodek z Nieborowa reprezentowała jego kierownik X": the sentence opens
                # with a description of the body (and when it names none we know, no guess)
                oid = ctx.describe(toks, 0, p - 1, lang)
            elif oid is None and toks[p].low in _POSSESSIVE:
                oid = ctx.prev_first.get(c.sent.start)
            if oid:
                c.affs.append((oid, None if role_hit.kind == "rep" else role_hit.role, "pattern:possessive-post",
                               0.75, toks[p].start, c.end))
                return
    if role_hit is None and ctx is not None:
        # "kierownik ośrodka X", "vedoucí kladenského střediska X", "vedoucí odboru sociálních věcí
        # krajského úřadu X": a post, then a description of a body, then the name
        for back in range(2, 9):
            r0 = j - back
            if r0 < prev_name_end:
                break
            hit = _role_at(toks, r0, lang, org_starts, org_cover)
            if not hit or hit.i1 > j:
                continue
            da = _desc_start(hit, toks, lang)
            if not _lower_run(toks, max(da, hit.i0 + 1), j):
                continue
            oid = ctx.describe(toks, da, j, lang)
            if oid:
                c.affs.append((oid, _role_name(hit, toks, da, lang), "pattern:role-description-person", 0.7,
                               toks[hit.i0].start, c.end))
                return
            break
    if role_hit:
        if c.affs:
            want = _body_type(role_hit.role, lang)
            if want and not any(getattr(orgs_by_id.get(a[0]), "type", None) == want for a in c.affs):
                # "sędzia X, przewodniczący wydziału": a post of another kind of body than the
                # apposition's; the typed fallback finds its body
                c.pending_role = (role_hit.role, role_hit.kind, _phrase(toks, role_hit.i0, c.i1),
                                  toks[role_hit.i0].start, c.end)
                return
            # "Koordynator projektu X (MOPS w Kaliszu)": the post goes with the bracketed body
            if role_hit.kind != "rep":
                c.affs[:] = [(o, r or role_hit.role, m, cf, min(s, toks[role_hit.i0].start), e)
                             for o, r, m, cf, s, e in c.affs]
            return
        # "reprezentowała zastępca kierownika X" with ORG before the verb
        _org_before_verb(c, toks, spans, role_hit.i0, role_hit, prev_name_end)
        if not c.affs:
            _ramienia(c, toks, spans, role_hit, ctx, lang)
        if not c.affs and ctx is not None and role_hit.head_end < role_hit.i1:
            # "ředitelka kontaktního pracoviště X": the post's complement describes a body named before
            da = _desc_start(role_hit, toks, lang)
            oid = ctx.describe(toks, da, role_hit.i1, lang) if da < role_hit.i1 else None
            if oid:
                c.affs.append((oid, _role_name(role_hit, toks, da, lang),
                               "pattern:role-description-person", 0.7, toks[role_hit.i0].start, c.end))
                return
        if not c.affs and role_hit.kind != "rep":
            c.pending_role = (role_hit.role, role_hit.kind, _phrase(toks, role_hit.i0, c.i1),
                              toks[role_hit.i0].start, c.end)
        return
    # body directly before the name: "dyrektor PCPR w Nowej Soli X", "Przedstawiciel Sądu ... X"
    o = org_ending_before(j)
    if o is None and j - 2 > prev_name_end and toks[j - 2].low in ("w", "we", "v", "ve") and toks[j - 1].cap:
        # "prezes Koła PSONI w Kartuzach X": the body's place phrase between body and name
        o = org_ending_before(j - 2)
    if o is not None:
        inner = org_ending_before(o[0])
        if inner and inner[0] > prev_name_end and orgs_by_id.get(inner[2].org_id) is not None \
                and orgs_by_id[inner[2].org_id].part_of == o[2].org_id:
            # "vedoucí odboru sociálních věcí Městského úřadu X Y", "docent Fakulty ... Masarykovy
            # univerzity Y": the unit, which the parent only qualifies
            o = inner
    found = False
    # after "Y, członek Zarządu ..., dyrektor PCPR X" the earlier posts are Y's, not X's
    chain_ok = not (idx > 0 and prev_name_end < len(toks) and toks[prev_name_end].text == ",")
    gap_role = None
    while o and o[0] > prev_name_end:
        a = o[0]
        s = a
        if s - 1 >= 0 and toks[s - 1].low in ("w", "we", "z", "ze", "v", "ve", "při", "przy"):
            s -= 1
        role = None
        for back in range(1, 8):
            r0 = s - back
            if r0 < prev_name_end:
                break
            hit = _role_at(toks, r0, lang, org_starts, org_cover)
            if hit and hit.i1 >= s - 0 and hit.i1 <= a + 1:
                longer = _role_at(toks, r0 - 1, lang, org_starts, org_cover) if r0 > prev_name_end else None
                # "náměstkyně hejtmana Jihomoravského kraje": the post is the longer phrase
                role = longer if longer and longer.i1 == hit.i1 else hit
                break
            if hit and hit.i1 < s and s - hit.i1 <= 3 and all(
                    _lower_run(toks, x, x + 1) or refer.head_stem(toks[x].low, lang) for x in range(hit.i1, s)):
                # "vedoucí vsetínské pobočky Člověka v tísni X", "kierownik tamtejszego GOPS X"
                role = hit
                unit = next((x for x in range(hit.i1, s) if refer.head_stem(toks[x].low, lang)), None)
                if unit is not None and hit.role == "vedoucí" and lang == "cs":
                    gap_role = _role_name(hit, toks, unit, lang)
                break
            if hit and hit.i1 == s:
                role = hit
                break
            if hit and hit.i1 < s and s - hit.i1 <= 6 and toks[hit.i1].cap and all(
                    toks[x].cap or toks[x].low in ("i", "a", "ds", ".", "nr", "spraw", "do") or toks[x].text.isdigit()
                    for x in range(hit.i1, s)) and not any(x in org_cover for x in range(hit.i1, s)):
                # "dyrektor Departamentu Polityki Społecznej Urzędu Marszałkowskiego X": a unit we do
                # not know, then its parent; the person belongs to the parent, with no post
                role = replace(hit, kind="rep")
                break
        if role is None and s < a:
            # "Przewodniczący Rady ds. Społecznych w Narodowej Radzie Rozwoju X": the post governs
            # an inner body of the one after "w"; the person belongs to the outer body
            inner = org_ending_before(s)
            if inner and inner[0] > prev_name_end:
                for back in range(1, 6):
                    r0 = inner[0] - back
                    if r0 < prev_name_end:
                        break
                    hit = _role_at(toks, r0, lang, org_starts, org_cover)
                    if hit and inner[0] <= hit.i1 <= inner[1]:
                        rn = None if hit.kind == "rep" else _with_inner(hit, toks, inner)
                        c.affs.append((o[2].org_id, rn, "pattern:role-unit-of-org-person", 0.75,
                                       toks[hit.i0].start, c.end))
                        if orgs_by_id.get(inner[2].org_id) and orgs_by_id[inner[2].org_id].part_of == o[2].org_id:
                            c.affs.append((inner[2].org_id, rn, "pattern:role-unit-of-org-person", 0.7,
                                           toks[hit.i0].start, c.end))
                        role = hit
                        break
                if role is not None:
                    found = True
                    r0 = role.i0
                    if chain_ok and r0 - 1 >= 0 and toks[r0 - 1].text == ",":
                        o = org_ending_before(r0 - 1)
                        continue
                    break
        if role is None:
            # "ROPS reprezentowała X" is handled below; a bare body before a name is no link
            break
        rn = None if role.kind == "rep" else (gap_role or role.role)
        gap_role = None
        c.affs.append((o[2].org_id, rn, "pattern:role-org-person", 0.85, toks[role.i0].start, c.end))
        found = True
        # chain: "Doradca Prezydenta RP, Przewodniczący ... X"
        r0 = role.i0
        if chain_ok and r0 - 1 >= 0 and toks[r0 - 1].text == ",":
            o = org_ending_before(r0 - 1)
            continue
        break
    if found:
        return
    _org_before_verb(c, toks, spans, k, None, prev_name_end)
    if not c.affs:
        _ramienia(c, toks, spans, None, ctx, lang)


# words of a place phrase after an executive post: "burmistrz Głogowa Małopolskiego", "náměstkyně
# primátora statutárního města Prostějova", "zastępca prezydenta miasta Kalisza"
_PLACE_PHRASE_WORDS = {"miasta", "gminy", "powiatu", "województwa", "města", "statutárního", "obce", "kraje",
                       "městské", "části", "hl", "m", "st", "."}


def _post_complement(toks: list[Tok], a: int, b: int, lang: str) -> bool:
    """toks[a:b] is a lower-case complement of a post that names no kind of body ("komunitního
    plánování", "rodzinnej pieczy zastępczej"); a description of a body is resolved elsewhere."""
    return b - a <= 3 and _lower_run(toks, a, b) and not any(
        t.low in _PREPS_STOP or t.low in _COPULA or refer.head_stem(t.low, lang) or not _genitive_like(t, lang)
        for t in toks[a:b])


def _genitive_like(tok: Tok, lang: str) -> bool:
    """Could `tok` be a genitive noun or adjective (not a verb: "Jej zastępcą wybrano X")?"""
    if lang == "cs":
        # no Czech analyser: past-tense verbs end in -l/-la/-lo/-li/-ly
        return not re.search(r"l[aoiy]?$", tok.low)
    return any(r.pos in ("subst", "adj", "ger") and "gen" in r.cases for r in morph.pl_readings(tok.text))


def _post_gap_ok(hit: RoleHit, toks: list[Tok], j: int, lang: str, gov_cover: set[int]) -> bool:
    """May the words between a post and the name that follows it (toks[hit.i1:j]) stand there?
    A geographic adjective ("starosta łowicki"), the post's field ("náměstek primátora pro
    sociální oblast") and, after an executive post, the place it governs."""
    gap = toks[hit.i1:j]
    if not gap:
        return True
    if len(gap) == 1 and gap[0].text.islower() and gap[0].low.endswith(_ADJ_ENDINGS):
        return True
    k = 0
    if lang == "cs" and gap[0].low == "pro":
        # "pro sociální oblast", "pro mládež": up to three lower-case words
        k = 1
        while k < len(gap) and k <= 3 and gap[k].text.isalpha() and gap[k].text.islower() \
                and gap[k].low not in _SURNAME_STOP_EXTRA:
            k += 1
        if k == 1:
            return False
        gap = gap[k:]
        if not gap:
            return True
    if not hit.kind.startswith("exec") or len(gap) > 4 or any(hit.i1 + k + n in gov_cover for n in range(len(gap))):
        return False
    places = 0
    for t in gap:
        if t.low in _PLACE_PHRASE_WORDS:
            continue
        if t.cap and (_is_place_word(t, lang) or (places and t.low.endswith(_CAP_ADJ_ENDINGS))):
            places += 1
            continue
        if t.text.islower() and t.low.endswith(_ADJ_ENDINGS):
            continue
        return False
    return places > 0 or all(t.text.islower() for t in gap)


_CAP_ADJ_ENDINGS = ("ego", "iej", "ej", "ého", "é", "ý", "á", "ich")
_ADJ_ENDINGS = ("ski", "cki", "ska", "cka", "ský", "cký", "skiego", "ckiego", "skiej", "ckiej", "skim", "ckim",
                "ską", "cką", "ského", "ckého", "ské", "cké", "ském", "ckém", "ská", "cká")
_COPULA_ADVERBS = {"ponownie", "znowu", "znów", "jednogłośnie", "oficjalnie", "także", "również", "też", "opět",
                   "znovu", "nově", "jednomyslně", "oficiálně", "také", "rovněž"}
_COPULA = {"został", "została", "zostali", "zostanie", "będzie", "bude",
           "jest", "je", "se", "stal", "stala", "stali", "byl", "byla",
           "był", "była", "jmenován", "jmenována", "mianowany", "mianowana", "powołany", "powołana", "został", "zůstává"}
_REPR_VERBS = ("reprezentował", "reprezentowała", "reprezentowali", "reprezentowały", "zastupoval",
               "zastupovala", "zastupovali", "reprezentoval", "reprezentovala")


def _org_before_verb(c, toks, spans, k, role_hit, prev_name_end) -> None:
    """"ROPS reprezentowała [post] X"."""
    v = k - 1
    if v < 0 or toks[v].low not in _REPR_VERBS:
        return
    for a, b, m in spans:
        if b == v and a >= prev_name_end:
            rn = None if role_hit is None or role_hit.kind == "rep" else role_hit.role
            c.affs.append((m.org_id, rn, "pattern:org-represented-by", 0.8, toks[a].start, c.end))
            return


def _ramienia(c, toks, spans, role_hit, ctx=None, lang: str = "pl") -> None:
    """"Z ramienia ORG ... X" / "W imieniu ORG ... X" anywhere before the name; a sentence that
    opens with where the person came from: "Z Ministerstva ... přijela X", "Ze Stowarzyszenia X
    wystąpiła [prezes] Y"."""
    if toks and toks[0].low in ("z", "ze") and toks[0].text[0].isupper():
        gap_end = role_hit.i0 if role_hit is not None else c.title_start
        for a, b, m in spans:
            if a == 1 and b < gap_end and gap_end - b <= 3 and _lower_run(toks, b, gap_end):
                rn = None if role_hit is None or role_hit.kind == "rep" else role_hit.role
                c.affs.append((m.org_id, rn, "pattern:from-org-opening", 0.7, toks[0].start, c.end))
                return
    for n in range(0, c.i0 - 1):
        if n > 0 and (toks[n].low, toks[n - 1].low) in _ON_BEHALF:
            # "Z ramienia starostwa ...", "W imieniu ORG ...", "Ze strany Úřadu práce se zúčastnila X",
            # "Koordynatorem po stronie ośrodka będzie X": a body, or a description of one
            o = next((sp for sp in spans if sp[0] == n + 1), None)
            oid = o[2].org_id if o else None
            if oid is None and ctx is not None:
                oid = _describe_after(ctx, toks, n + 1, c.title_start, lang)
            if oid:
                rn = None if role_hit is None or role_hit.kind == "rep" else role_hit.role
                c.affs.append((oid, rn, "pattern:on-behalf-of-org", 0.75, toks[n - 1].start, c.end))
                return
            continue
        if (toks[n].low == "za" and n + 1 < len(toks) and (n == 0 or toks[n - 1].text in ",;–")) \
                or toks[n].low == "jménem":
            # Czech "Za Ministerstvo ... vystoupila X", "Za policii promluvil X", "Jménem charity
            # poděkovala X": on behalf of a body, or of a body described
            oid = next((m.org_id for a, b, m in spans if a == n + 1), None)
            if oid is None and ctx is not None and (n == 0 or toks[n].low == "jménem"):
                oid = _describe_after(ctx, toks, n + 1, c.title_start, lang)
            if oid:
                rn = None if role_hit is None or role_hit.kind == "rep" else role_hit.role
                c.affs.append((oid, rn, "pattern:on-behalf-of-org", 0.75, toks[n].start, c.end))
                return


def _describe_after(ctx, toks: list[Tok], a: int, limit: int, lang: str) -> str | None:
    """The body that the lower-case words from toks[a] describe ("starostwa w pracach ...",
    "policii promluvil ..."): the longest run of up to three words that resolves."""
    e = a
    while e < limit and e - a < 3 and _lower_run(toks, e, e + 1) and toks[e].low not in _COPULA \
            and toks[e].low not in _PREPS_STOP:
        e += 1
    for end in range(e, a, -1):
        oid = ctx.describe(toks, a, end, lang)
        if oid:
            return oid
    return None


def _is_place_word(tok: Tok, lang: str) -> bool:
    """"burmistrz Jarocina Adam P.": a town's name between an executive post and a name."""
    if not tok.cap:
        return False
    if lang == "cs":
        return True
    return any(r.is_geo for r in morph.pl_readings(tok.text))


def _instrumental_role(word: str, lang: str) -> str | None:
    table = _roles(lang)
    hit = table.get((word,))
    if hit:
        return hit[0]
    return None


_EXEC_TARGETS = {
    "exec-city": ("urząd miasta", "urząd gminy", "urząd miejski", "gmina", "miasto", "město", "obec",
                  "městský úřad", "obecní úřad", "magistrát", "statutární město", "urząd miasta i gminy"),
    "exec-county": ("starostwo powiatowe", "starostwo", "powiat"),
    "exec-region": ("urząd marszałkowski", "województwo", "kraj", "krajský úřad", "urząd wojewódzki"),
}


def _executive_fallback(text: str, lang: str, cands: list[_Cand], orgs: Sequence[model.Organisation]) -> None:
    for c in cands:
        if c.affs or not c.pending_role:
            continue
        role, kind, phrase, s, e = c.pending_role
        targets = _EXEC_TARGETS.get(kind)
        if not targets:
            continue
        fits = [o for o in orgs if o.type == "local-government" and o.part_of is None
                and any(morph.fold(o.name).startswith(morph.fold(t)) for t in targets)]
        if kind == "exec-region" and len(fits) > 1:
            # a marshal heads the marshal's office, a voivode the voivode's office, a hejtman the kraj
            want = {"marszałek": "urzad marszalkowski", "wicemarszałek": "urzad marszalkowski",
                    "wojewoda": "urzad wojewodzki", "wicewojewoda": "urzad wojewodzki"}.get(role.split()[0])
            if want:
                fits = [o for o in fits if want in morph.fold(o.name)] or fits
        if len(fits) > 1:
            # "zastępca prezydenta Kutna": keep the one of the place named in the post phrase (by
            # its place, or by its name when the body has no place: "Gmina Miejska Tczew")
            stems = {morph.fold(w)[:4] for w in phrase.split() if w[:1].isupper() and len(w) > 3}
            stems -= {morph.fold(w)[:4] for w in role.split() + c.name.split()}
            fp = [o for o in fits if (o.place and morph.fold(o.place)[:4] in morph.fold(phrase))
                  or any(st in morph.fold(o.name) for st in stems)]
            if len(fp) > 1 or not fp:
                fp = fp or fits
                # "starosta" with both "Město Vsetín" and "Městský úřad Vsetín": the municipality itself
                own = [o for o in fp if re.match(r"(?:statutarni mesto|mesto|obec|gmina|miasto|powiat|kraj|"
                                                 r"wojewodztwo)\b", morph.fold(o.name))]
                fp = own
            fits = fp if len(fp) == 1 else []
        if len(fits) == 1:
            c.affs.append((fits[0].id, role, "rule:executive-post-to-government", 0.6, s, e))


def _body_type(role: str, lang: str) -> str | None:
    """The type of body a post belongs to ("sędzia" -> court, "strážník-preventista" -> police)."""
    types = _role_body_types(lang)
    head = role.split()[0] if role else ""
    return types.get(role) or types.get(head) or types.get(head.split("-")[0])


def _typed_fallback(lang: str, cands: list[_Cand], orgs: Sequence[model.Organisation], org_mentions: Sequence) -> None:
    """"przyznaje sędzia X", "povede ji strážník Y": a post that only one kind of body has, with no
    body named, goes to the one body of that kind named in the sentence, else in the article
    (a unit gives way to its parent: a judge belongs to the court, not to its division)."""
    by_id = {o.id: o for o in orgs}
    for c in cands:
        if not c.pending_role:
            continue
        role, kind, phrase, s, e = c.pending_role
        want = _body_type(role, lang)
        if not want or any(getattr(by_id.get(a[0]), "type", None) == want for a in c.affs):
            continue
        here = {m.org_id for m in org_mentions if c.sent.start <= m.start < c.sent.end}
        pool = [o for o in orgs if o.type == want and o.id in here] or [o for o in orgs if o.type == want]
        pool = [o for o in pool if o.part_of is None or by_id.get(o.part_of) not in pool]
        if len(pool) == 1:
            c.affs.append((pool[0].id, role, "rule:typed-post-to-body", 0.55, s, e))
            c.pending_role = None


def article_topic(org_mentions: Sequence) -> str | None:
    """The body the article is about: mentioned most, the first one named counting extra
    (a news lead names its subject first); ties go to the earlier."""
    counts: dict[str, float] = {}
    first: dict[str, int] = {}
    for m in sorted(org_mentions, key=lambda m: m.start):
        counts[m.org_id] = counts.get(m.org_id, 0) + 1
        first.setdefault(m.org_id, m.start)
    if not counts:
        return None
    lead = min(first, key=first.get)
    counts[lead] += 1.5
    return max(counts, key=lambda o: (counts[o], -first[o]))


# kinds of body any body may be called ("tajemník úřadu" of a Magistrát, "placówka", "organizace")
_GENERIC_HEADS = ("urad", "urzed", "urzad", "organizac", "placow", "jednostk", "zarizeni")


def _topic_fallback(cands: list[_Cand], org_mentions: Sequence, lang: str = "pl",
                    organisations: Sequence[model.Organisation] = ()) -> None:
    """"Szczegółów udziela X, kierownik." - a post with no body named: the body the article is about
    (the one mentioned most; the first of equals), unless the person is linked elsewhere, or the
    post names a kind of body the topic is not ("prezes koła" when the article is about a MOPS)."""
    topic = article_topic(org_mentions)
    if topic is None:
        return
    topic_org = next((o for o in organisations if o.id == topic), None)
    topic_words = morph.fold(topic_org.name).split() if topic_org else []
    linked = {morph.fold(c.name) for c in cands if c.affs}
    for c in cands:
        if not c.pending_role:
            continue
        if c.pending_copula:
            if any(a[0] == topic for a in c.affs):
                continue
        elif c.affs or morph.fold(c.name) in linked:
            continue
        role, kind, phrase, s, e = c.pending_role
        kinds = [morph.fold(w) for w in phrase.split()[1:]
                 if refer.head_stem(w.lower(), lang) not in (None,) + _GENERIC_HEADS]
        if topic_org and any(not any(refer.same_word(w, t) for t in topic_words) for w in kinds):
            continue
        want = _body_type(role, lang)
        if want and topic_org and topic_org.type != want:
            continue  # a judge of an unnamed court is not staff of the article's welfare centre
        if kind in ("post", "academic", "head"):
            c.affs.append((topic, role if kind != "head" else None, "rule:post-to-article-body", 0.5, s, e))


def _merge(cands: list[_Cand]) -> tuple[list[model.Person], list[PersonMention]]:
    persons: dict[str, model.Person] = {}
    mentions: list[PersonMention] = []
    for c in sorted(cands, key=lambda c: c.start):
        key = morph.fold(c.name)
        p = persons.get(key)
        if p is None:
            p = persons[key] = model.Person(id=f"p{len(persons) + 1}", name=c.name)
        p.evidence.append(model.Evidence(c.sent.text, c.start, c.end, "gazetteer:given-name+surname", 0.85,
                                         quote=c.sent.text[c.start - c.sent.start:c.end - c.sent.start]))
        mentions.append(PersonMention(p.id, c.start, c.end, c.sent.text[c.start - c.sent.start:c.end - c.sent.start],
                                      c.sent))
        for org, role, method, conf, s, e in c.affs:
            existing = next((a for a in p.affiliations if a.org == org), None)
            if existing:
                if existing.role is None and role:
                    existing.role = role
                continue
            s, e = min(s, c.start), max(e, c.end)
            quote = c.sent.text[max(0, s - c.sent.start):e - c.sent.start]
            p.affiliations.append(model.Affiliation(org, role, model.Evidence(c.sent.text, s, e, method, conf, quote)))
    return list(persons.values()), mentions
