"""Place phrases and place adjectives -> municipality in the nominative.

Polish: "w Kaliszu", "z Solca Kujawskiego", "ROPS Szczecin" -> "Kalisz", "Solec Kujawski",
"Szczecin" with morfeusz2 (geographic-name readings), and back to the locative phrase a
canonical Polish name carries ("w Solcu Kujawskim"). Place adjectives ("kaliskiego",
"toruński", "nowosolskiego") are resolved first against the places the article itself
names, then by derivation rules checked against morfeusz2's geographic names.

Czech: "v Kutné Hoře", "kutnohorského" -> "Kutná Hora" with simplemma plus ending rules for
the cases it misreads, and the same derivation check against the article's places.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .morph import fold, match_case, pl_adjective_to, pl_generate, pl_readings

_VOWELS = "aeiouyąęóáéěíýůú"
# adjectives that look like place adjectives but are not ("miejski" is not from "Miejsk")
_NOT_PLACE_ADJ = frozenset(
    """miejski wiejski gminny powiatowy wojewódzki regionalny krajowy polski europejski
    narodowy społeczny diecezjalny państwowy publiczny samorządowy okręgowy rejonowy
    niepubliczny katolicki ewangelicki prawosławny żydowski akademicki męski żeński
    městský obecní krajský státní český evropský národní sociální""".split()
)


# --- Polish -------------------------------------------------------------------------


def _geo(word: str, case: str | None, nouns_only: bool = False):
    """Geographic readings of `word` in `case`; ties ("Ostrowie": Ostrów / Ostrowo) go to
    the masculine -ów / -in / -ek names, the commonest type of Polish town name."""
    rs = [r for r in pl_readings(word) if r.is_geo and (case is None or case in r.cases)
          and (not nouns_only or r.pos == "subst")]
    order = {"m3": 0, "f": 1, "n": 2}
    # then the shorter lemma: "Łodzi" is Łódź rather than the village Łodzia
    return sorted(rs, key=lambda r: (0 if "sg" in r.numbers else 1, min((order.get(g, 3) for g in r.genders), default=3),
                                     len(r.lemma)))


def pl_place_nominative(words: list[str], case: str | None = None) -> str:
    """Place words in some case (from the preposition: w -> loc, z -> gen) -> nominative."""
    noun_gender = None
    out: list[str] = []
    noun_idx = None
    for i, w in enumerate(words):
        geo = _geo(w, case, nouns_only=True)
        if geo and noun_idx is None and not _adj_in_case(w, case):
            noun_idx = i
            noun_gender = next(iter(sorted(geo[0].genders)), None)
    if noun_idx is None:
        for i, w in enumerate(words):
            geo = _geo(w, case)
            if geo:
                noun_idx = i
                noun_gender = next(iter(sorted(geo[0].genders)), None)
                break
    number = "sg"
    if noun_idx is not None:
        geo = _geo(words[noun_idx], case)
        if geo and "sg" not in geo[0].numbers:
            number = "pl"  # "w Jeziorach Wielkich" -> "Jeziora Wielkie"
    for i, w in enumerate(words):
        if i == noun_idx:
            geo = _geo(w, case)
            if number == "pl":
                # "w Nowinach": Nowiny (a plural name) rather than Nowina
                plural = [r for r in geo if any("pl" in x.numbers and "nom" in x.cases and x.is_geo
                                                 for x in pl_readings(r.lemma))]
                geo = plural or geo
            out.append(match_case(geo[0].lemma, w))
            continue
        if noun_gender and _adj_in_case(w, case):
            g = "m3" if noun_gender.startswith("m") else noun_gender
            if number == "pl":
                g = "m3" if noun_gender in ("m2", "m3", "f", "n") else noun_gender
            form = pl_adjective_to(w, "nom", number, g)
            if form:
                out.append(form)
                continue
        geo = [r for r in pl_readings(w) if r.is_geo and (case is None or case in r.cases)]
        out.append(match_case(geo[0].lemma, w) if geo else w)
    return " ".join(out)


def _adj_in_case(word: str, case: str | None) -> bool:
    return any(
        r.pos in ("adj", "adjp") and (case is None or case in r.cases) for r in pl_readings(word)
    )


@lru_cache(maxsize=5000)
def pl_place_locative(place: str) -> str | None:
    """"Solec Kujawski" -> "Solcu Kujawskim" (None when morfeusz2 does not know the noun)."""
    words = place.split()
    noun_idx = None
    gender = None
    number = "sg"
    for i, w in enumerate(words):
        geo = [r for r in pl_readings(w) if r.is_geo and r.pos == "subst" and "nom" in r.cases]
        if geo and not (_adj_in_case(w, "nom") and i > 0):
            # "Nowa Sól": "Nowa" also reads as a geographic noun; prefer the last noun
            noun_idx = i
            gender = sorted(geo[0].genders)[0] if geo[0].genders else "m3"
            number = "sg" if "sg" in geo[0].numbers else "pl"
    if noun_idx is None:
        return None
    out = []
    for i, w in enumerate(words):
        if i == noun_idx:
            geo = [r for r in pl_readings(w) if r.is_geo and r.pos == "subst" and "nom" in r.cases]
            form = None
            for r in geo:
                form = pl_generate(r, "loc", number)
                if form:
                    break
            if not form:
                return None
            out.append(match_case(form, w))
        elif _adj_in_case(w, "nom"):
            g = "m3" if gender.startswith("m") else gender
            form = pl_adjective_to(w, "loc", number, g)
            out.append(form or w)
        else:
            out.append(w)
    return " ".join(out)


def pl_locative_phrase(place: str) -> str | None:
    loc = pl_place_locative(place)
    if not loc:
        return None
    return f"{pl_preposition_w(loc)} {loc}"


def pl_preposition_w(word: str) -> str:
    """"w" or "we" ("we Wrocławiu", "we Włocławku": w/f + consonant)."""
    low = word.lower()
    if len(low) > 1 and low[0] in "wf" and low[1] not in _VOWELS:
        return "we"
    return "w"


# --- place adjectives ---------------------------------------------------------------

_ADJ_SUFFIX_PL = re.compile(r"(ski|cki|dzki|ska|cka|dzka|skie|ckie|dzkie)$")


def adjective_lemma(word: str, lang: str) -> str:
    if lang == "pl":
        for r in pl_readings(word):
            if r.pos in ("adj", "adjp"):
                return r.lemma.lower()
        # adjectives morfeusz2 does not know ("krośnieńskiego"): the lemma by its ending
        return re.sub(r"(sk|ck|dzk)(iego|iemu|im|iej|ą|ie|a|i|ich|imi)$", r"\1i", word.lower())
    import simplemma

    return simplemma.lemmatize(word.lower(), lang="cs")


_CS_ADJ_SK = re.compile(r"^(.+?)[sc]k(?:ý|á|é|ého|ému|ém|ým|ou|ých|ými|ými|í|ej)$")


def _stem(lemma: str) -> str | None:
    for suf in ("ński", "dzki", "ski", "cki", "ský", "cký"):
        if lemma.endswith(suf):
            return lemma[: -len(suf)] + ("n" if suf == "ński" else "")
    m = _CS_ADJ_SK.match(lemma)  # simplemma leaves some Czech forms ("třebíčská") as they are
    if m:
        return m.group(1)
    return None


def _place_stem(place: str) -> str:
    """"Kutná Hora" -> "kutnohor", "Nowa Sól" -> "nowosol", "Kalisz" -> "kalisz"."""
    words = fold(place).replace("-", " ").split()
    if len(words) == 1:
        return words[0]
    first = words[0].rstrip(_VOWELS)
    if first.endswith("uv"):  # "Jindřichův Hradec" -> "jindřichohradecký"
        first = first[:-2]
    rest = "".join(w for w in words[1:])
    return first + "o" + rest.rstrip(_VOWELS)


def place_from_adjective(word: str, lang: str, known_places: list[str] | tuple[str, ...] = ()) -> str | None:
    """"kaliskiego" -> "Kalisz", "kutnohorského" -> "Kutná Hora"; None if it is no place adjective."""
    lemma = adjective_lemma(word, lang)
    if lemma in _NOT_PLACE_ADJ:
        return None
    irregular = _irregular_adjectives().get(lemma)
    if irregular:
        return irregular
    stem = _stem(lemma)
    if not stem or len(stem) < 2:
        return None
    if lang == "pl" and known_places:
        # the derivation rules, checked against the places the article names first
        # ("jasielskiego" + "w Jaśle" -> Jasło, although a village Jasiel exists)
        folded = {fold(p): p for p in known_places}
        for c in _pl_derived_candidates(lemma, stem):
            if fold(c) in folded:
                return folded[fold(c)]
    fstem = fold(stem)
    best = None
    for place in known_places:
        ps = _place_stem(place)
        words = fold(place).split()
        if len(words) > 1 and words[1].endswith(("ski", "cki", "ska", "skie", "ský", "ská", "ské")):
            # "gorzowski" ~ "Gorzów Wielkopolski", "strzelecki" ~ "Strzelce Krajeńskie"
            ps = words[0]
        core = ps.rstrip(_VOWELS)
        # "kali" ~ "kalisz", "toruń" ~ "torun", "starachowi" ~ "starachowice", "kutnohor" ~ "kutnohor"
        if ps.startswith(fstem) and len(ps) - len(fstem) <= 3 or fstem.startswith(core) and len(fstem) - len(core) <= 2:
            if best is None or len(place) > len(best):
                best = place
    if best:
        return best
    if lang == "pl":
        return _pl_place_from_stem(lemma, stem)
    return None


# Polish place-adjective derivations, reversed: adjective ending -> possible endings of the
# place name, most specific first (checked against morfeusz2's geographic names, so a rule
# that over-generates costs nothing but a lookup). "jasielski" <- Jasło, "kielecki" <- Kielce,
# "kartuski" <- Kartuzy, "mogileński" <- Mogilno, "suwalski" <- Suwałki, "elbląski" <- Elbląg.
_PL_DERIVATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ielski", ("ło", "iel")),
    ("szczański", ("sko",)),
    ("iański", ("ane", "any")),
    ("ieński", ("o", "ia", "no")),
    ("eński", ("no", "o", "nia", "eń", "en")),
    ("iński", ("in", "no", "ino", "ina", "iń")),
    ("yński", ("yn", "ynia", "a", "yno")),
    ("ański", ("an", "ań", "ane", "any", "ana")),
    ("ecki", ("ce", "ec", "ek", "eck")),
    ("ocki", ("ok", "ock", "ocko", "oc")),
    ("icki", ("ica", "ice", "icz", "icko", "ic", "ik")),
    ("ycki", ("ycko", "yce", "yca", "yc")),
    ("dzki", ("dź", "dz", "dzko", "g")),
    ("cki", ("ck", "cko", "ka", "ce", "c", "k")),
    ("uski", ("uzy", "usz", "uz", "usk")),
    ("ąski", ("ąg", "ąsk")),
    ("ierski", ("ierz", "ierzyna")),
    ("erski", ("erz", "erzyna")),
    ("yski", ("ych", "ysa", "ysk")),
    ("orski", ("órz", "ory", "ork")),
    ("alski", ("ałki", "al")),
    ("ólski", ("ółka", "óle")),
    ("awski", ("aw", "awa", "awy", "awek")),
    ("owski", ("ów", "owo", "owa", "owy", "ówka", "o", "y", "owiec", "")),
    ("ski", ("sz", "sk", "", "sko", "s", "a", "e", "o", "y", "no", "ów")),
)

_DESOFTEN = str.maketrans("śźćń", "szcn")


@lru_cache(maxsize=5000)
def _pl_derived_candidates(lemma: str, stem: str) -> tuple[str, ...]:
    cands: list[str] = []
    for suffix, endings in _PL_DERIVATIONS:
        if lemma.endswith(suffix) and len(lemma) > len(suffix):
            base = lemma[: -len(suffix)]
            for e in endings:
                cands.append(base + e)
                if base.translate(_DESOFTEN) != base:  # "krośnieński" <- Krosno, "gnieźnieński" <- Gniezno
                    cands.append(base.translate(_DESOFTEN) + e)
    cands += [stem, stem + "sz", stem + "o", stem + "a", stem + "e", stem + "y", stem + "sk",
              stem + "no", stem + "ów", stem.replace("n", "ń")[: len(stem)]]
    if stem.endswith("n"):
        cands += [stem[:-1] + "ń", stem[:-1] + "ńsk"]
    return tuple(dict.fromkeys(c for c in cands if len(c) > 2))


@lru_cache(maxsize=5000)
def _pl_place_from_stem(lemma: str, stem: str) -> str | None:
    cands = list(_pl_derived_candidates(lemma, stem))
    # compound: "nowosolski" -> "Nowa Sól", "zielonogórski" -> "Zielona Góra"
    for m in re.finditer("o", stem):
        left, right = stem[: m.start()], stem[m.end():]
        if len(left) < 3 or len(right) < 2:
            continue
        for rcand in (right, right + "a", right + "o", _o_to_oo(right)):
            noun = _geo_nominative(rcand.capitalize())
            if not noun:
                continue
            gender = noun[1]
            adj = pl_adjective_to(left + "y", "nom", "sg", gender)
            if adj:
                return f"{adj.capitalize()} {noun[0]}"
    for c in cands:
        hit = _geo_nominative(c.capitalize())
        if hit:
            return hit[0]
    return None


@lru_cache(maxsize=1)
def _irregular_adjectives() -> dict[str, str]:
    """data/place_adjectives.tsv: adjective lemma -> place, for derivations no rule covers."""
    from importlib.resources import files

    out = {}
    text = files(__package__).joinpath("data/place_adjectives.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            adj, place = line.split("\t")[:2]
            out[adj.strip()] = place.strip()
    return out


def _o_to_oo(s: str) -> str:
    i = s.rfind("o")
    return s[:i] + "ó" + s[i + 1:] if i >= 0 else s


def _geo_nominative(cand: str) -> tuple[str, str] | None:
    for r in pl_readings(cand):
        if r.is_geo and "nom" in r.cases and r.lemma == cand:
            g = sorted(r.genders)[0] if r.genders else "m3"
            return cand, ("m3" if g.startswith("m") else g)
    return None


# --- Czech --------------------------------------------------------------------------

# noun endings of the oblique cases of feminine a-stems -> nominative (consonant mutation)
_CS_FEM_NOUN = [("ře", "ra"), ("ze", "ha"), ("ce", "ka"), ("še", "cha"), ("ě", "a"), ("e", "a"),
                ("y", "a"), ("i", "a"), ("u", "a"), ("ou", "a")]


def cs_place_nominative(words: list[str]) -> str:
    """"Kutné Hoře" -> "Kutná Hora", "Kolíně" -> "Kolín" (simplemma + ending rules)."""
    import simplemma

    from .morph import cs_adjective_nominative

    if not words:
        return ""
    fem = any(w.lower().endswith(("é", "ou")) for w in words[:-1])
    out = []
    for i, w in enumerate(words):
        if i < len(words) - 1 and w.lower().endswith(("é", "ou", "ého", "ém", "ým", "ému")):
            out.append(cs_adjective_nominative(w, "f" if fem else "m"))
            continue
        if fem:
            low = w.lower()
            for end, new in _CS_FEM_NOUN:
                if low.endswith(end):
                    out.append(match_case(w[: len(w) - len(end)] + new, w))
                    break
            else:
                out.append(w)
            continue
        lem = simplemma.lemmatize(w, lang="cs")
        if not lem or not lem[:1].isupper() or lem.endswith(("t", "ět", "it")):
            lem = w
        out.append(lem)
    return " ".join(out)
