"""Definite descriptions: a common noun phrase that stands for a body named elsewhere.

News name a body once and then refer to it by its kind, in lower case: "kierownik ośrodka",
"prezes spółdzielni", "rzecznik wrocławskiej straży miejskiej", "vedoucí kladenského
střediska", "s probační službou", "z towarzystwem". `resolve()` finds the article's body
such a phrase means:

- the phrase has a head noun for a kind of body (`_HEADS`: ośrodek, spółdzielnia, klub,
  straż, středisko, poradna, odbor, pracoviště ...), found in one of the body's name words;
- every other content word (adjectives, genitive complements) must be a word of the name
  or a place adjective of the body's place ("kladenského" -> Kladno); deictic words
  ("tamtejszy", "místní") are skipped;
- of several such bodies the one with most words in common wins, then the one mentioned
  last before the phrase (a description points back), then the article's subject.

Word forms are compared by a shared prefix (a few letters of the ending may differ), which
covers the Polish and Czech case endings without a dictionary look-up.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ... import model
from . import morph

# stems (folded: lower case, no diacritics) of nouns that name a kind of body
_HEADS = {
    "pl": (
        "osrod", "centr", "klub", "spoldziel", "stowarzysz", "fundacj", "straz", "policj", "komend",
        "urzed", "urzad", "starostw", "sad", "szkol", "placow", "warsztat", "zaklad", "poradni",
        "swietlic", "schronisk", "towarzystw", "kolo", "kola", "zespol", "uczelni", "uniwersytet", "instytut",
        "caritas", "parafi", "biur", "wydzial", "dzial", "oddzial", "fili", "jednostk", "przedszkol", "dom",
        "akademi", "kuratori",
    ),
    "cs": (
        "odbor", "oddeleni", "urad", "stredisk", "pracovist", "poradn", "charit", "spolek", "spolk",
        "sdruzeni", "nadac", "spolecnost", "sluzb", "centr", "domov", "skol", "soud", "polici", "magistrat",
        "pobock", "organizac", "zarizeni", "ustav", "univerzit", "fakult", "klub", "diln", "agentur",
        "diakoni", "kancelar",
    ),
}
# words that point without describing: "tamtejszego GOPS", "místní charity"
_DEICTIC = {
    "tamtejszy", "tamtejszego", "tamtejszej", "tamtejszym", "tamtejsza", "tamtejsze", "miejscowy", "miejscowego",
    "miejscowej", "naszego", "naszej", "nasz", "nasza", "tego", "tej", "ten", "ta", "to", "tym", "tą", "nowy",
    "nowego", "nowej", "nowa", "całego", "cały", "dawnego", "dawnej", "obecnego", "obecnej", "wspomnianego",
    "wspomnianej", "místní", "místního", "místním", "tamní", "tamního", "našeho", "naší", "náš", "naše", "tohoto",
    "této", "tento", "tato", "nového", "nové", "nový", "nová", "zmíněného", "zmíněné", "celého", "celé",
}
_STOP = {"w", "we", "z", "ze", "na", "do", "i", "oraz", "a", "v", "ve", "s", "se", "pro", "dla", "przy", "při",
         "od", "o", "u", "k", "ke", "po", "za"}


def head_stem(word: str, lang: str) -> str | None:
    """The kind-of-body stem `word` starts with, if any ("ośrodka" -> "osrod")."""
    f = morph.fold(word)
    if len(f) < 3:
        return None
    for stem in _by_prefix("cs" if lang == "cs" else "pl").get(f[:3], ()):
        if f.startswith(stem) and len(f) - len(stem) <= 5:
            return stem
    return None


@lru_cache(maxsize=2)
def _by_prefix(lang: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for stem in _HEADS[lang]:
        out.setdefault(stem[:3], []).append(stem)
    return {k: tuple(v) for k, v in out.items()}


def same_word(a: str, b: str) -> bool:
    """Two folded word forms of one lemma: a shared prefix, endings differ by a few letters."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 3 or (n >= 3 and min(len(a), len(b)) <= 4 and n == min(len(a), len(b)))


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s,–\-„”“\"().]+", morph.fold(name)) if len(w) > 1 and w not in _STOP)


def _place_word(word: str, place: str | None) -> bool:
    """"kladenského" ~ Kladno, "wrocławskiej" ~ Wrocław, "jindřichohradeckého" ~ Jindřichův Hradec."""
    if not place:
        return False
    p = morph.fold(place).replace(" ", "")
    return len(word) >= 5 and len(p) >= 3 and word[:4] == p[:4]


def resolve(words: Sequence[str], orgs: Sequence[model.Organisation], lang: str, *, mentions: Sequence = (),
            pos: int | None = None, topic: str | None = None, exclude: Sequence[str] = ()) -> str | None:
    """The id of the body the lower-case phrase `words` ("kladenského", "střediska") stands for."""
    folded = [morph.fold(w) for w in words if w and w[:1].isalpha()]
    folded = [w for w in folded if w not in _STOP]
    heads = [n for n, w in enumerate(folded) if head_stem(w, lang)]
    if not heads:
        return None
    h = heads[0]
    head = folded[h]
    best: list[tuple[int, model.Organisation]] = []
    for o in orgs:
        if o.id in exclude:
            continue
        nw = _name_words(o.name)
        if not any(same_word(head, w) for w in nw):
            continue
        score = 1
        ok = True
        for n, w in enumerate(folded):
            if n == h or morph.fold(w) in _DEICTIC or w in _DEICTIC:
                continue
            if any(same_word(w, x) for x in nw):
                score += 1
            elif _place_word(w, o.place):
                score += 1
            else:
                ok = False
                break
        if ok:
            best.append((score, o))
    if not best:
        return None
    top = max(s for s, _ in best)
    cands = [o for s, o in best if s == top]
    if len(cands) == 1:
        return cands[0].id
    ids = {o.id for o in cands}
    if pos is not None:
        last = None
        for m in mentions:
            if m.start < pos and m.org_id in ids:
                if last is None or m.start > last[0]:
                    last = (m.start, m.org_id)
        if last:
            return last[1]
    if topic in ids:
        return topic
    # a unit and its parent both fit: the phrase names the kind, the outermost body of that kind
    roots = [o for o in cands if o.part_of not in ids]
    return roots[0].id if len(roots) == 1 else None
