"""Named projects, programmes and campaigns: name, leads, partners, funding, budget.

Names (looked for in the article body only: no menus, related news, comments). A project
word ("projekt", "program", "przedsięwzięcie", "kampania"; Czech "projekt", "program",
"kampaň") is followed by its name:

- in quotes, after optional intro words ("pn.", "pod nazwą", "s názvem"), adjectives, or the
  owner in the genitive ("program Ministerstwa Rodziny „X”"); the title goes on past the
  closing quote with "dla/pro + capitalised words", "– edycja 2024", "na lata 2021–2027"
  (the quoted part alone is an alias); a plural word lists several ("projekty „A” i „B”");
- Polish capitalised titles ("Program Aktywizacja i Integracja (PAI)", "Gminny Program
  Przeciwdziałania Przemocy Domowej oraz Ochrony ... na lata 2024–2027"), put into the
  nominative; they stop at a place phrase ("w Kaliszu") or a body;
- sentence-case titles (Czech always, Polish after "pn."): up to punctuation, a relative
  pronoun or a verb, with one subtitle after a dash ("v rámci projektu Komunitní plánování
  sociálních služeb na Kolínsku II", "projekt pn. Razem do pracy – aktywizacja ...").

A capitalised project word with adjectives of its own ("Programu Wieloletniego „Senior+”")
is part of the name. "projekt Gminnego Programu ..." is the draft of a programme (the name
is the programme's), "projekt uchwały" a draft, "program konferencji" an agenda. Campaigns
count only with a quoted name. Funding programmes ("w ramach Programu Operacyjnego ...", "z
programu TPCA pro Kolínsko", "v dotačním programu X"; `data/funds.tsv` lists the common
funds) are funding, not projects; a quoted programme that pays for something ("z Programu
Wieloletniego „Senior+”") is itself a programme the article reports, without a budget.
Mentions merge by a shared alias or a word prefix ("Cesta zpět" / "Cesta zpět do práce"),
not across a sequel number ("Rodzina w Centrum 2").

Leads and partners: explicit statements ("realizowany przez X wraz z Y", "X i Y wspólnie
realizują", "X rozpoczyna kampanię", "žadatelem je X", "partner wiodący", "Partnerami X są
A, B", "druhým partnerem je Y", "X otrzymał na ten cel") beat weak cues ("v rámci projektu",
"koordynuje X", "na który gmina otrzymała"); a description before the verb ("stowarzyszenie
realizuje") is resolved to the body it stands for, and the body after "wspólnie z" is never
the subject. Later bare mentions ("projekt", "przedsięwzięcie") and sentences opening with a
pronoun ("Jego realizację ...") speak of the nearest named project before them. Payers are
not partners.

Funding: funds named in the project's sentences, payers as subjects ("pokrývá Nadační fond
X, zbytek Program Y"), named programmes after "z programu"; not what is only applied for or
paid "nad rámec projektu"; the European Union is dropped when a fund of its own is named.
Budget: the project's total ("całkowita wartość projektu to 1.515.830,74 zł", "9,85 mil. Kč")
with its ISO currency; rates ("40 zł za godzinę") and sums stated before the project is named
are not its budget.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ... import model
from . import morph, refer
from .orgs import _body_sentences
from .persons import PersonMention, article_topic
from .text import Sentence

log = logging.getLogger(__name__)

_CAP = "A-ZŁŚŻŹĆŃÓĄĘÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_QUOTED = re.compile(r"[„“\"”«»]\s*([^„“\"”«»\n]{2,160}?)\s*[”“\"»«]")  # „…”, „…“, "…", «…», »…«
_KEYWORD = re.compile(
    r"\b(?P<kw>projekt(?:u|em|owi|y|ów|ach|ami|om|ů)?|projekcie|program(?:u|em|owi|ie|y|ów|ach|ů)?|"
    r"przedsięwzięci(?:e|a|u|em)|kampani(?:a|i|ę|ą|e|ach)|kampa[nň](?:ě|i|í|ěmi)?)\b",
    re.IGNORECASE,
)
# words that may stand between the project word and its quoted name ("projekt partnerski pn.")
_INTRO_WORD = re.compile(
    r"\b(?:pod\s+nazwą|o\s+nazwie|pod\s+tytułem|pod\s+hasłem|pod\s+názvem|s\s+názvem|s\s+\w+\s+názvem|"
    # a registration number: "nr FELD.07.12-IP.01-0001/23", "reg. č. CZ.03.2.63/0.0/0.0/15_007/0012345"
    r"(?:nr|numer|o\s+numerze|reg\.\s*č\.|registrační\w*\s+čísl\w*|registračním\s+číslem)\s*[A-Z0-9][\w./-]*|"
    r"nazwan\w+|zatytułowan\w+|nazvan\w+|pn|pt|p\.n|nazwą|tytułem|hasłem|názvem|pod|s)(?:\.|(?!\w))",
    re.IGNORECASE,
)
_LINKS_IN_GAP = {"i", "oraz", "a", ","}
_FUNDING_CONTEXT = re.compile(
    r"\b(?:w\s+ramach|ze\s+środków|ze\s+śr\.|z\s+|finansowan\w+\s+(?:z|ze|przez)|współfinansowan\w+\s+(?:z|ze|przez)|"
    r"dofinansowan\w+\s+(?:z|ze)|v\s+rámci|z|ze|financovan\w+\s+(?:z|ze)|z\s+prostředků)\s*$",
    re.IGNORECASE,
)
_PLURAL = re.compile(r"projekty|projektów|projektach|projektami|projektů|programy|programów|programach|programů|"
                     r"kampanie|kampaniach|kampaně|kampaní", re.IGNORECASE)
_LIST_QUOTE = re.compile(r"\s*(?:,|i|oraz|a)\s*(?P<q>[„“\"”«»]\s*([^„“\"”«»\n]{2,160}?)\s*[”“\"»«])")
# "v dotačním programu X", "w programie grantowym": a programme that hands out money
_GRANT_ADJ = re.compile(r"\b(?:dotačn\w+|grantov\w+|grantow\w+|dotacyjn\w+)\s+$", re.IGNORECASE)
# "Koordynator projektu X", "wartość projektu": the word after is not the project's name
_ROLE_BEFORE = re.compile(
    r"\b(?:koordynator\w*|kierownik\w*|kierowniczk\w*|partner\w*|uczestni\w*|lider\w*|koordinátor\w*|"
    r"manažer\w*|wartość|hodnota|cel\w*|cíl\w*|biur\w*)\s+$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W\d_][\w-]*\+?|\d+|[^\w\s]")  # "Erasmus+" is one word
_ROMAN = re.compile(r"[IVX]{1,4}")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<a>[" + _CAP + r"]{2,8}\+?)\)")
# what a title may go on with after its quoted or capitalised part
_CONT_FOR = re.compile(r"\s+(?:dla|pro)\s+(?=[" + _CAP + "])")
_CONT_EDITION = re.compile(
    r"\s*(?:[–-]\s*)?(?:edycj[aięi]|edice|ročník)\s+(?:(?:19|20)\d\d(?:\s*[/–-]\s*(?:19|20)?\d\d)?|[IVX]+)(?!\w)",
    re.IGNORECASE,
)
_CONT_YEARS = re.compile(
    r"\s+(?:na\s+(?:lata|léta|roky)\s+(?:19|20)\d\d\s*[–-]\s*(?:19|20)\d\d|na\s+rok\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)\d\d)?(?=\s*(?:[,.;:)]|$)))",
    re.IGNORECASE,
)
_HEAD_LEMMA = (("program", "program"), ("projek", "projekt"), ("kampani", "kampania"),
               ("przedsięwzię", "przedsięwzięcie"))
_CS_KW_NOMINATIVE = (("program", "program"), ("projekt", "projekt"), ("kampa", "kampaň"))
_CS_VERB_END = ("uje", "ují", "oval", "ovala", "ovalo", "ovali", "ovaly")
# intro words right before a title without quotes: "projekt pn. Aktywni razem", "s názvem Senioři v pohybu"
_INTRO_BEFORE_TITLE = re.compile(
    r"\s+(?:partnersk\w+\s+|pilotní\w*\s+|unijn\w+\s+)?(?:pn\.|pt\.|p\.n\.|pod\s+nazwą|o\s+nazwie|pod\s+tytułem|"
    r"zatytułowan\w+|s\s+(?:\w+\s+)?názvem|pod\s+názvem|nazvan\w+)\s(?=[" + _CAP + r"])",
    re.IGNORECASE,
)


_PARTNER_AFTER = re.compile(
    r"\b(?:wraz\s+z|razem\s+z|wspólnie\s+ze?|w\s+partnerstwie\s+z|we\s+współpracy\s+z|spolu\s+s|společně\s+s|ve\s+spolupráci\s+s|"
    r"s\s+partnerem|s\s+partnery|z\s+partnerem|z\s+partnerami|partner\w*\s+projektu\s*:?|partnerami\s+są|"
    r"(?:(?:drugim|kolejnym|innym|trzecim|dalším|druhým|třetím|jiným)\s+)?partnerem\s+(?:projektu\s+|programu\s+)?"
    r"(?:jest|był|była|byli|będzie|je|byl|byla|bude)|partnery\s+(?:projektu\s+)?jsou|"
    r"partnerów\s+projektu\s*:|partnerzy\s*:|"
    # "Zapojila se do něj i organizace X", "Do projektu włączyła się także fundacja X"
    r"(?:se\s+)?zapojil[aoiy]?(?:\s+se)?\s+(?:do\s+\w+\s+)?(?:i|také|rovněž)?|"
    r"(?:włączył|przyłączył|dołączył)[aoiy]?\s+się\s+(?:do\s+\w+\s+)?(?:także|też|również)?|na\s+\w+\s+spolupracoval[iy](?:\s+také)?|"
    r"na\s+\w+\s+współpracowa(?:li|ły)(?:\s+także|\s+też)?|"
    r"na\s+\w+\s+(?:spolupracuj\w*|współpracuj\w*)(?:\s+(?:také|i|rovněž|także|też|również))?|"
    r"(?<=,\s)a\s+partner(?:ami|em|y|zy))",
    re.IGNORECASE,
)
_PARTNER_ROLE = re.compile(r"(?:je|jest|jsou|są|był|była|byl|byla)\s+"
                           r"(?:(?:také|także|też|rovněž|również|dalším|kolejnym)\s+)?"
                           r"partner(?:em|ami|y)?\s+(?:projektu|programu|kampanii|kampaně)|"
                           r"rolę\s+partnera|jako\s+partner|jako\s+partnera|roli\s+partnera|jako\s+partner", re.IGNORECASE)
_LEAD_ROLE = re.compile(r"partner\w*\s+wiodąc\w*|lider\w*\s+projektu|lídr\w*|hlavní\w*\s+partner\w*", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:chce|chtějí|chce|plánuje|zamierza|zamierzają|ma\s+zamiar|będzie|bude|budou|planuje|"
                    r"chciałby|chciałaby|hodlá|může|mohla|mohl|"
                    # applying for money is not having it: "připravuje žádost do IROP", "uchází se o peníze z"
                    r"(?:připravuj\w*|pod(?:á|at|al\w*)|chyst\w*)\s+žádost\w*|žádá\s+o|uchází|ucházet|"
                    r"(?:złoż\w*|składa\w*|przygotow\w*)\s+wnios\w*|ubiega|ubiegać|aplikuje|aplikować)\b[^.]*$",
                    re.IGNORECASE)

_MONEY = re.compile(
    r"(?P<num>\d+\.\d{1,2}(?=\s*(?:mln|mld|mil|tis|tys))|\d{1,3}(?:[ \u00a0.]\d{3})+(?:,\d{1,2})?|\d+(?:,\d+)?)\s*"
    r"(?P<mult>mln|mld|tys\.?|milion\w*|miliard\w*|tysięc\w*|tis\.?|mil\.?)?\s*"
    r"(?P<cur>zł(?:otych|ote|oty)?|PLN|Kč|korun\w*|CZK|euro|EUR|€|USD)(?!\w)",
    re.IGNORECASE,
)
_TOTAL = re.compile(r"(?:wartość|budżet|koszt|kwot\w*|hodnot\w*|rozpočet|rozpočtu|náklad\w*|celkem|celkov\w*|výdaj\w*|"
                    r"całkowit\w*|łączn\w*|ogółem)",
                    re.IGNORECASE)
_PART = re.compile(r"(?:w\s+tym|z\s+czego|z\s+toho|dofinansowanie|wkład\s+własny)\s*$", re.IGNORECASE)
_NAMED_FUND = re.compile(
    r"\b(?:z|ze)\s+(?:(?i:[a-ząćęłńóśźżáčďéěíňóřšťúůýž]+(?:ego|ého|ího))\s+)?"
    r"(?P<kw>(?i:programu|grantu|fondu|nadace|funduszu))\s+(?P<n>(?:[" + _CAP + r"][\w-]*\s+){0,3}„[^”“]+[”“]|"
    r"[" + _CAP + r"][\w-]*(?:\s+(?:pro|dla|na|i|a|[" + _CAP + r"][\w-]*|(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)\d\d)?(?!\s*(?:tys|mln|mil|tis|zł|Kč)))){0,5})"
)
_PRONOUN_START = re.compile(r"\W*(?:jego|jej|ten|tento|tato|toto|jeho|její|jejich|ich|on|ona)\b", re.IGNORECASE)
_ANAPHOR = re.compile(r"\b(?:projek\w*|przedsięwzięci\w*|program\w*|kampani\w*|kampaň\w*)\b", re.IGNORECASE)



@dataclass
class _Proj:
    name: str
    start: int
    end: int
    sent: Sentence
    aliases: list[str] = field(default_factory=list)
    method: str = "pattern:project-quoted"
    conf: float = 0.8
    sents: list[Sentence] = field(default_factory=list)
    pays: bool = False  # named as the source of money for something else ("dofinansowanie z Programu „X”")


@lru_cache(maxsize=1)
def _words() -> dict[tuple[str, str], frozenset[str]]:
    """data/project_words.tsv: (lang, kind) -> words."""
    text = resources.files(__package__).joinpath("data", "project_words.tsv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, kind, words = line.split("\t")
        out.setdefault((lang, kind), set()).update(words.split())
    return {k: frozenset(v) for k, v in out.items()}


def _word_set(lang: str, kind: str) -> frozenset[str]:
    return _words().get((lang, kind), frozenset())


@lru_cache(maxsize=2)
def _funds(lang: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One alternation over all funds of `lang` (one pass over the text), and their names."""
    text = resources.files(__package__).joinpath("data", "funds.tsv").read_text(encoding="utf-8")
    parts, names = [], []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lg, rx, name = line.split("\t")
        if lg == lang:
            rx = rx.replace("(?P<y>", f"(?P<y{len(names)}>").replace("(?P<w>", f"(?P<w{len(names)}>") \
                .replace("(?P<o>", f"(?P<o{len(names)}>")
            parts.append(f"(?P<f{len(names)}>{rx})")
            names.append(name)
    # every fund name starts a word: anchoring the alternation lets the scan skip mid-word positions
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE), tuple(names)


def find_funds(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of funds named in `text`."""
    out = []
    rx, names = _funds(lang)
    for m in rx.finditer(text):
        n = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None and k.startswith("f"))
        full = names[n]
        if re.search(r"(?:\bplus|\+)$", m.group(0), re.I) and not full.lower().endswith("plus"):
            full += " plus" if lang == "cs" else " Plus"
        w = m.groupdict().get(f"w{n}")
        if w:
            w = " ".join(w.split())
            full = f"{full} {w[:1].upper() + w[1:]}"  # "... Województwa Kujawsko-Pomorskiego"
        o = m.groupdict().get(f"o{n}")
        if o:
            full = f"{full} {' '.join(o.split())}"  # "dotace Středočeského kraje", "budżet Miasta Kalisza"
        y = m.groupdict().get(f"y{n}")
        if y:
            years = re.sub(r"\s*([–-])\s*", r"\1", " ".join(y.split()))  # the dash as written
            full = f"{full} {years}"
        out.append((m.start(), m.end(), full))
    out.sort()
    kept: list[tuple[int, int, str]] = []
    for s, e, n in out:
        if any(s < ke and ks < e for ks, ke, _ in kept):
            continue
        kept.append((s, e, n))
    return kept


def parse_amount(num: str, mult: str | None, cur: str) -> model.Budget | None:
    raw = num.replace("\u00a0", " ")
    if re.fullmatch(r"\d+\.\d{1,2}", raw):
        raw = raw.replace(".", ",")  # "1.2 mln zł": a decimal point before a multiplier
    if "," in raw:
        intpart, frac = raw.rsplit(",", 1)
        raw = intpart.replace(".", "").replace(" ", "") + "." + frac
    else:
        raw = raw.replace(".", "").replace(" ", "")
    try:
        value = float(raw)
    except ValueError:
        return None
    m = (mult or "").lower()
    if m.startswith(("mln", "milion", "mil")):
        value *= 1_000_000
    elif m.startswith(("mld", "miliard")):
        value *= 1_000_000_000
    elif m.startswith(("tys", "tis", "tysi")):
        value *= 1_000
    c = cur.lower()
    currency = "PLN" if c.startswith(("zł", "pln")) else "CZK" if c.startswith(("kč", "korun", "czk")) else \
        "EUR" if c.startswith(("euro", "eur", "€")) else "USD"
    value = round(value, 2)
    if value == int(value):
        value = int(value)
    return model.Budget(value, currency)


def _sent_of(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    for s in sentences:
        if s.start <= offset < s.end:
            return s
    return None


def _clean_name(name: str) -> str:
    name = name.strip().strip(" ,.;:")
    return re.sub(r"\s+", " ", name)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < se and ss < e for ss, se in spans)


def _is_cap(word: str) -> bool:
    return word[:1].isalpha() and word[:1].isupper()


def _is_adjective(word: str, lang: str) -> bool:
    return morph.pl_is_adjective(word) if lang == "pl" else morph.cs_is_adjective(word)


def _project_mentions(text: str, lang: str, sentences: Sequence[Sentence], org_spans, person_spans,
                      fund_spans) -> list[_Proj]:
    found: list[_Proj] = []
    taken: list[tuple[int, int]] = []
    for sent in sentences:
        st = sent.text
        in_sentence: list[_Proj] = []
        for km in _KEYWORD.finditer(st):
            kw_start = sent.start + km.start()
            if _inside(kw_start, fund_spans) or _inside(kw_start, taken):
                continue  # part of a fund's name, or of a name found already ("... - projekt rozwoju ...")
            kw = km.group("kw")
            low = kw.lower()
            before = st[: km.start()]
            after = st[km.end():]
            is_campaign = low.startswith("kampa")
            # a funding programme ("w ramach Programu Operacyjnego ...", "z programu TPCA");
            # "z dotačního programu X", "z rządowego programu X": an adjective may stand between
            bare = re.sub(r"\s*\b\w+(?:ého|ího|nego|owego|skiego|ckiego|ní|ny)\s*$", " ", before)
            funding_ctx = low.startswith("program") and bool(
                _FUNDING_CONTEXT.search(before) or _FUNDING_CONTEXT.search(bare) or _GRANT_ADJ.search(before))
            if _ROLE_BEFORE.search(before) and not _QUOTED.match(after.lstrip()):
                continue
            name_from = _pre_adjectives(st, km.start(), lang) if kw[:1].isupper() else km.start()
            p = _quoted_name(text, lang, sent, km, name_from, org_spans)
            if p is not None and funding_ctx and in_sentence:
                continue  # "projekt „A” z programu „B”": B pays for A here
            if p is None and not (funding_ctx or is_campaign):
                p = _titled_name(text, lang, sent, km, name_from, org_spans, person_spans, fund_spans)
            if p is None:
                continue
            p.pays = funding_ctx
            found.append(p)
            in_sentence.append(p)
            taken.append((min(p.start, kw_start), p.end))
            if _PLURAL.fullmatch(kw) and p.method == "pattern:project-quoted":
                # "projekty „Razem” i „Blisko”": each quoted name of the list is a project
                pos = p.end - sent.start
                while (lm := _LIST_QUOTE.match(st, pos)) is not None:
                    q = _clean_name(lm.group(2))
                    s0, e0 = sent.start + lm.start("q"), sent.start + lm.end()
                    found.append(_Proj(q, s0, e0, sent, aliases=[lm.group("q")], pays=funding_ctx))
                    taken.append((s0, e0))
                    pos = lm.end()
    return found


def _pre_adjectives(st: str, kw_pos: int, lang: str) -> int:
    """Start of the capitalised adjectives right before a capitalised project word ("Gminnego Programu")."""
    start = kw_pos
    for _ in range(2):
        m = re.search(r"(?:^|(?<=\s))([^\W\d_][\w-]*) $", st[:start])
        if not m or not _is_cap(m.group(1)) or not _is_adjective(m.group(1), lang):
            break
        start = m.start(1)
    return start


def _gap_ok(gap: str, gap_start: int, org_spans, lang: str) -> tuple[bool, bool]:
    """Can `gap` stand between a project word and its quoted name? -> (ok, only capitalised adjectives).

    Intro words ("pn.", "pod nazwą"), adjectives ("partnerski", "resortowy"), a body's name or an
    owner in the genitive ("Ministerstwa Rodziny, Pracy i Polityki Społecznej") may.
    """
    if not gap.strip():
        return True, False
    chars = list(gap)
    for s, e in org_spans:
        for i in range(max(s - gap_start, 0), min(e - gap_start, len(chars))):
            chars[i] = " "
    # a body the recogniser missed: "Stowarzyszenia „Pomocna Dłoń”"
    rest = _BODY_QUOTE.sub(lambda m: " " if refer.head_stem(m.group(1), lang) else m.group(0), "".join(chars))
    rest = _INTRO_WORD.sub(" ", rest)
    words = re.findall(r"[^\W\d_][\w-]*|,", rest)
    if len(words) > 8:
        return False, False
    caps_adj = bool(words)
    for w in words:
        if w.lower() in _LINKS_IN_GAP:
            caps_adj = False
            continue
        if _is_cap(w):
            caps_adj = caps_adj and _is_adjective(w, lang)
            continue
        if w[:1].isalpha() and _is_adjective(w, lang):
            caps_adj = False
            continue
        return False, False
    return True, caps_adj


_BODY_QUOTE = re.compile(r"([^\W\d_]+)\s*[„“\"«][^„“\"”«»]*[”“\"»]")


def _names_a_body(gap: str, lang: str) -> bool:
    """The word right before a quote is a kind of body ("Stowarzyszenia „Pomocna Dłoń”"): the quote names it."""
    m = re.search(r"([^\W\d_]+)\s*$", gap)
    return bool(m) and _is_cap(m.group(1)) and bool(refer.head_stem(m.group(1), lang))


def _continuation(st: str, i: int, sent_start: int, org_spans) -> int:
    """Where a title that ends at `i` really ends: "„X” dla Jednostek Samorządu – edycja 2024"."""
    m = _CONT_FOR.match(st, i)
    if m:
        k, n = _capitalised_run(st, m.end(), sent_start, org_spans)
        if n >= 2 or (n and (_CONT_EDITION.match(st, k) or _CONT_YEARS.match(st, k))):
            i = k
    for rx in (_CONT_EDITION, _CONT_YEARS):
        m = rx.match(st, i)
        if m:
            i = m.end()
    return i


def _capitalised_run(st: str, i: int, sent_start: int, org_spans) -> tuple[int, int]:
    """End and number of capitalised words from `i` ("Jednostek Samorządu Terytorialnego")."""
    end, n = i, 0
    for m in re.finditer(r"\s*([^\W\d_][\w-]*)", st[i:]):
        w = m.group(1)
        pos = i + m.start(1)
        if _inside(sent_start + pos, org_spans):
            break
        if _is_cap(w):
            end, n = i + m.end(), n + 1
        elif w.lower() not in ("i", "oraz", "a") or n == 0:
            break
        if n >= 6:
            break
    return end, n


def _head_lemma(kw: str) -> str:
    low = kw.lower()
    return next((lemma for prefix, lemma in _HEAD_LEMMA if low.startswith(prefix)), low)


def _nominative(words: list[str], head: int, kw: str, lang: str) -> list[str]:
    """The name's head (the project word) and its adjectives in the nominative."""
    if lang == "pl":
        return morph.pl_nominative(words, head, {_head_lemma(kw)}) or words
    out = list(words)
    low = kw.lower()
    out[head] = morph.match_case(next((n for p, n in _CS_KW_NOMINATIVE if low.startswith(p)), kw), kw)
    for i, w in enumerate(out):
        if i != head and _is_adjective(w, "cs"):
            out[i] = morph.cs_adjective_nominative(w, "f" if low.startswith("kampa") else "m")
    return out


def _quoted_name(text: str, lang: str, sent: Sentence, km: re.Match, name_from: int, org_spans) -> _Proj | None:
    st = sent.text
    a0 = km.end()
    kw = km.group("kw")
    for qm in _QUOTED.finditer(st, a0):
        qs = sent.start + qm.start()
        if any(s < qs < e for s, e in org_spans) or _names_a_body(st[a0:qm.start()], lang):
            continue  # the quote is part of a body's name ("Fundacji „Dom w Sercu”")
        ok, post_adj = _gap_ok(st[a0:qm.start()], sent.start + a0, org_spans, lang)
        if not ok:
            break
        q = _clean_name(qm.group(1))
        if len(q) < 3:
            return None
        end = _continuation(st, qm.end(), sent.start, org_spans)
        cont = " ".join(st[qm.end():end].split())
        quote = qm.group(0).strip()
        if kw[:1].isupper() and (name_from < km.start() or post_adj):
            # "Programu Wieloletniego „Senior+” na lata 2021–2025": the project word is part of the name
            words = st[name_from:qm.start()].split()
            head = len(st[name_from:km.start()].split())
            qo, qc = ("„", "“") if lang == "cs" else ("„", "”")
            name = " ".join(_nominative(words, head, kw, lang)) + f" {qo}{q}{qc}" + (" " + cont if cont else "")
            surface = " ".join(st[name_from:end].split())
            return _Proj(name, sent.start + name_from, sent.start + end, sent, aliases=[surface, q, quote])
        name = q + (" " + cont if cont else "")
        aliases = [quote] + ([st[km.start():qm.end()]] if qm.start() - a0 <= 20 else [])  # "projekt pn. „X”"
        if cont:
            aliases += [q, quote + " " + cont]
        return _Proj(name, qs, sent.start + end, sent, aliases=aliases)
    # an opening quote never closed in the sentence: the name runs to its end
    om = re.compile(r"[„“\"«]").search(st, a0)
    if om and not re.search(r"[”“\"»]", st[om.end():]) \
            and not any(s < sent.start + om.start() < e for s, e in org_spans):
        ok, _ = _gap_ok(st[a0:om.start()], sent.start + a0, org_spans, lang)
        rest = st[om.end():].rstrip(" .")
        if ok and 3 <= len(rest) <= 200:
            s = sent.start + om.end()
            name = _clean_name(rest)
            return _Proj(name, s, s + len(rest), sent, aliases=[st[om.start():om.end()] + name], conf=0.7)
    return None


def _titled_name(text: str, lang: str, sent: Sentence, km: re.Match, name_from: int, org_spans, person_spans,
                 fund_spans) -> _Proj | None:
    """A name in capitals after the project word ("Program Aktywizacja i Integracja (PAI)")."""
    st = sent.text
    kw = km.group("kw")
    im = _INTRO_BEFORE_TITLE.match(st, km.end())
    if im:
        # "projekt pn. Aktywni na rynku pracy", "projekt s názvem Senioři v pohybu": a title in sentence case
        run = _title_run_sentence_case(st, im.end() - 1, sent.start, org_spans, person_spans, lang)
    elif lang == "pl":
        run = _title_run_pl(st, km.end(), sent.start, org_spans, person_spans)
    else:
        run = _title_run_sentence_case(st, km.end(), sent.start, org_spans, person_spans, lang)
    if not run:
        return None
    start, end, words = run
    if words[0].lower() in _word_set(lang, "draft"):
        return None  # "projekt Uchwały ...": a draft document
    if kw.lower().startswith("projek") and any(w.lower().startswith("program") for w in words[:3]):
        return None  # "projekt Gminnego Programu ...": the draft of a programme, named at its own word
    if _is_agenda(kw, words[0], lang) or _owner_in_genitive(words[0], lang):
        return None  # "Program konferencji", "projekt Fundacji ...": an agenda, a body's project
    end = _continuation(st, end, sent.start, org_spans) if lang == "pl" else end
    if _overlaps(sent.start + start, sent.start + end, fund_spans):
        return None
    phrase = _clean_name(st[start:end])
    if len(phrase) < 4:
        return None
    full = _clean_name(st[name_from:end])
    kw_cap = kw[:1].isupper()
    sentence_initial = not st[:name_from].strip(" \t\"„“'–-") or st[:name_from].rstrip()[-1:] in (":", "|", "•")
    aliases: list[str] = []
    am = _ACRONYM_AFTER.match(st, end)
    if kw_cap and not im and (not sentence_initial or name_from < km.start()
                              or (lang == "pl" and _genitive_phrase(phrase))):
        ws = st[name_from:end].split()
        head = len(st[name_from:km.start()].split())
        name = " ".join(_nominative(ws, head, kw, lang))
        if name != full:
            aliases.append(full)
        start = name_from
    else:
        name = phrase[:1].upper() + phrase[1:]
        aliases.append(_clean_name(st[km.start():end]))
        if im:
            aliases.append(_clean_name(st[km.start():im.end() - 1]) + " " + phrase)
    if am:
        aliases.append(am.group("a"))
    return _Proj(name, sent.start + start, sent.start + end, sent, aliases=aliases,
                 method="pattern:project-capitalised", conf=0.65)


_VERB_POS = frozenset({"fin", "praet", "ppas", "pact", "bedzie", "impt", "inf", "pcon", "pant", "winien", "imps"})
_CS_INFINITIVE = ("at", "et", "ět", "it", "ít", "out", "ovat", "nout", "ýt", "ci", "ct", "st", "zt")
_CS_VERB_FORM = ("l", "la", "lo", "li", "ly", "á", "í", "e", "ě", "ou", "ají", "ují", "íme", "ete", "íte")


@lru_cache(maxsize=20000)
def _is_verb(word: str, lang: str) -> bool:
    """A finite verb or participle: where a title without quotes ends ("... podpořila Nadace X")."""
    low = word.lower()
    if lang == "pl":
        rs = morph.pl_readings(low)
        return bool(rs) and all(r.pos in _VERB_POS for r in rs)
    if low.endswith(_CS_VERB_END):
        return True
    import simplemma

    lemma = simplemma.lemmatize(low, lang="cs").lower()
    return lemma != low and lemma.endswith(_CS_INFINITIVE) and low.endswith(_CS_VERB_FORM)


def _is_agenda(kw: str, word: str, lang: str) -> bool:
    """"Program konferencji", "program setkání": the agenda of an event, not a programme."""
    if not kw.lower().startswith("program"):
        return False
    f = morph.fold(word)
    return any(f.startswith(stem) for stem in _word_set(lang, "agenda"))


def _owner_in_genitive(word: str, lang: str) -> bool:
    """"projekt Fundacji ...", "projekt Charity ...", "projekt Města Kolína": the title starts with a
    body's kind word or a local government's."""
    f = morph.fold(word)
    if any(f.startswith(stem) for stem in _word_set(lang, "owner")):
        return True
    if not refer.head_stem(word, lang):
        return False
    if lang == "cs":
        return True
    rs = [r for r in morph.pl_readings(word) if r.pos == "subst"]
    return bool(rs) and all("gen" in r.cases for r in rs) and not any("nom" in r.cases for r in rs)


def _title_run_pl(st: str, i: int, sent_start: int, org_spans, person_spans) -> tuple[int, int, list[str]] | None:
    """Capitalised words from `i`, linked by "i", "oraz", "w", "na", "dla" ... ("Aktywizacja i Integracja")."""
    toks = []
    for t in _TOKEN.finditer(st, i):
        toks.append(t)
        if len(toks) > 40:
            break
    if not toks or toks[0].start() - i > 1 or not _is_cap(toks[0].group(0)):
        return None
    links = _word_set("pl", "link")
    taken: list[re.Match] = []
    n = 0
    while n < len(toks) and len(taken) < 16:
        t = toks[n]
        w = t.group(0)
        if (taken and t.start() - taken[-1].end() > 1) or _inside(sent_start + t.start(), org_spans) \
                or _inside(sent_start + t.start(), person_spans):
            break
        if _is_cap(w):
            taken.append(t)
            n += 1
            continue
        if w.isdigit() and len(w) <= 2 and taken and not re.match(r"\s*[^\W\d_]", st[t.end():]):
            taken.append(t)  # "Rodzina w Centrum 2"
            break
        nxt = toks[n + 1] if n + 1 < len(toks) else None
        if taken and w.lower() in links and nxt is not None and _is_cap(nxt.group(0)) \
                and nxt.start() - t.end() == 1 and not _inside(sent_start + nxt.start(), org_spans):
            if w.lower() in ("w", "we") and any(r.is_geo for r in morph.pl_readings(nxt.group(0))):
                break  # "... w Kaliszu": a place phrase, not the title
            taken += [t, nxt]
            n += 2
            continue
        break
    return (taken[0].start(), taken[-1].end(), [t.group(0) for t in taken]) if taken else None


def _title_run_sentence_case(st: str, i: int, sent_start: int, org_spans, person_spans,
                             lang: str) -> tuple[int, int, list[str]] | None:
    """A sentence-case title from `i` (Czech; Polish after "pn."): up to punctuation, a relative
    pronoun or a verb; one dash may join a subtitle ("Razem do pracy – aktywizacja mieszkańców").
    None when no such boundary comes within nine words (fourteen with a subtitle)."""
    toks = []
    for t in _TOKEN.finditer(st, i):
        toks.append(t)
        if len(toks) > 20:
            break
    if not toks or toks[0].start() - i > 1 or not _is_cap(toks[0].group(0)):
        return None
    if _inside(sent_start + toks[0].start(), org_spans) or _inside(sent_start + toks[0].start(), person_spans):
        return None
    stop = _word_set(lang, "stop")
    taken = [toks[0]]
    end = toks[0].end()
    dash_at = 0  # words taken before the subtitle's dash
    ended = len(toks) == 1
    n = 1
    while n < len(toks):
        t = toks[n]
        w = t.group(0)
        low = w.lower()
        ym = _CONT_YEARS.match(st, end)
        if ym:
            end, ended = ym.end(), True  # "... na léta 2021–2027"
            break
        nxt = toks[n + 1].group(0) if n + 1 < len(toks) else ""
        if w in "–-" and not dash_at and nxt[:1].islower() and not _is_verb(nxt, lang) and nxt not in stop:
            dash_at = len(taken)
            n += 1
            continue
        if t.start() - end > 1 + (2 if dash_at == len(taken) else 0) or not (w[:1].isalpha() or _ROMAN.fullmatch(w)) \
                or _inside(sent_start + t.start(), org_spans) or _inside(sent_start + t.start(), person_spans) \
                or low in stop or _is_verb(w, lang) or (len(w) <= 3 and nxt.isdigit()) \
                or (lang == "cs" and low in ("v", "ve") and _is_cap(nxt)):
            ended = True  # "... ve Valašském Meziříčí": where it runs, not its title
            break
        if len(taken) >= (14 if dash_at else 9):
            break  # no boundary in sight: not a title we can delimit
        taken.append(t)
        end = t.end()
        n += 1
    else:
        ended = True
    # a title does not end in a preposition ("... na")
    while len(taken) > 1 and end == taken[-1].end() and len(taken[-1].group(0)) <= 2 and taken[-1].group(0).islower():
        taken.pop()
        end = taken[-1].end()
    return (toks[0].start(), end, [t.group(0) for t in taken]) if ended else None


def _genitive_phrase(phrase: str) -> bool:
    first = phrase.split()[0]
    rs = morph.pl_readings(first)
    return bool(rs) and all("gen" in r.cases for r in rs if r.pos in ("subst", "adj"))


def _outermost(mentions: Sequence) -> list:
    """Mentions not inside a longer one: "oddělení ... Magistrátu města Kladna" is one body, not two."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    out: list = []
    for m in ms:
        if out and m.start >= out[-1].start and m.end <= out[-1].end:
            continue
        out.append(m)
    return out


def _merge(mentions: list[_Proj]) -> list[_Proj]:
    """One project per name: the same name, one name a word prefix of the other, or a shared alias."""
    projects: list[_Proj] = []
    keys: list[set[str]] = []
    for m in sorted(mentions, key=lambda m: m.start):
        mk = {_key(m.name)} | {_key(a) for a in m.aliases}
        hit = None
        for p, pk in zip(projects, keys):
            a, b = _key(p.name), _key(m.name)
            if pk & mk or _word_prefix(a, b) or _word_prefix(b, a):
                hit = p
                break
        if hit is None:
            m.sents = [m.sent]
            projects.append(m)
            keys.append(mk)
            continue
        # the fuller form names the project: a quoted name before a capitalised one, then the longer
        if (m.conf, len(m.name)) > (hit.conf, len(hit.name)) and not _word_prefix(_key(hit.name), _key(m.name)) \
                or (m.conf >= hit.conf and _word_prefix(_key(hit.name), _key(m.name))):
            hit.aliases.append(hit.name)
            hit.name, hit.conf, hit.method = m.name, m.conf, m.method
        for a in [m.name] + m.aliases:
            if a not in hit.aliases and a != hit.name:
                hit.aliases.append(a)
        hit.sents.append(m.sent)
        keys[projects.index(hit)] |= mk
    return projects


def _word_prefix(a: str, b: str) -> bool:
    """`a` is `b` cut after a whole word ("cesta zpet" of "cesta zpet do prace"); a number or an
    edition after it makes another project ("rodzina w centrum" / "rodzina w centrum 2")."""
    return len(a) < len(b) and b.startswith(a) and not b[len(a)].isalnum() \
        and not re.fullmatch(r"[\s-]*(?:\d+|[ivx]+|edycja\s+\S+|edice\s+\S+)", b[len(a):])


def _headline_aliases(text: str, projects: list[_Proj], org_spans) -> None:
    """A quoted short form elsewhere („Bliżej rodziny” – ruszył projekt) is an alias of the full title."""
    for qm in _QUOTED.finditer(text):
        if _inside(qm.start(), org_spans):
            continue
        q = _clean_name(qm.group(1))
        k = _key(q)
        if len(k) < 6:
            continue
        for p in projects:
            if _word_prefix(k, _key(p.name)) and q not in p.aliases:
                p.aliases.append(q)


def find_projects(
    text: str,
    lang: str | None,
    sentences: Sequence[Sentence],
    organisations: Sequence[model.Organisation] = (),
    org_mentions: Sequence = (),
    persons: Sequence[model.Person] = (),
    person_mentions: Sequence[PersonMention] = (),
) -> list[model.Project]:
    """Named projects and programmes in `text`."""
    lang = "cs" if lang in ("cs", "sk") else "pl"
    if not _KEYWORD.search(text):
        return []  # no project word at all: skip the fund scan
    sentences = list(sentences)
    org_spans = [(m.start, m.end) for m in org_mentions]
    person_spans = [(m.start, m.end) for m in person_mentions]
    funds = find_funds(text, lang)
    fund_spans = [(s, e) for s, e, _ in funds]
    # names only in the article's body: not in menus, "related news" lists or comments
    mentions = _project_mentions(text, lang, _body_sentences(text, sentences), org_spans, person_spans, fund_spans)
    if not mentions:
        return []
    projects = _merge(mentions)
    _headline_aliases(text, projects, org_spans)
    # later bare mentions ("projekt", "przedsięwzięcie") join the nearest named project before them,
    # and so does a sentence that opens with a pronoun for it ("Jego realizację koordynuje GOPS.")
    prev = None
    for s in sentences:
        if prev is not None and _PRONOUN_START.match(s.text):
            for p in projects:
                if prev in p.sents and s not in p.sents:
                    p.sents.append(s)
        prev = s
        if not _ANAPHOR.search(s.text):
            continue
        owner = None
        for p in projects:
            if p.start <= s.end:
                owner = p
        if owner is not None and s not in owner.sents:
            if any(s.start <= q.start < s.end for q in projects if q is not owner):
                continue
            owner.sents.append(s)
    if len(projects) == 1:
        # one project: its paragraphs speak of it ("Celkový rozpočet činí ...", "Na plánu spolupracovali ...")
        only = projects[0]
        paras = {_paragraph(text, s.start) for s in only.sents}
        for s in sentences:
            if s not in only.sents and _paragraph(text, s.start) in paras:
                only.sents.append(s)
    out: list[model.Project] = []
    oms_by_sent: dict[int, list] = {}
    name_spans = [(p.start, p.end) for p in mentions]
    org_by_id = {o.id: o for o in organisations}
    last = None
    for m in _outermost(org_mentions):
        if _overlaps(m.start, m.end, name_spans):
            continue  # "projekt „Klub Most“": a name the body recogniser also read is the project's
        unit = org_by_id.get(last.org_id) if last is not None else None
        if unit is not None and unit.part_of == m.org_id and m.start - last.end <= 1:
            continue  # "Odbor sociálních věcí | Městského úřadu Náchod": the unit's parent in the genitive
        last = m
        s = _sent_of(sentences, m.start)
        if s:
            oms_by_sent.setdefault(s.start, []).append(m)
    person_by_id = {p.id: p for p in persons}
    for n, p in enumerate(projects):
        proj = model.Project(id=f"j{n + 1}", name=p.name, aliases=[a for a in dict.fromkeys(p.aliases)
                                                                   if _key(a) != _key(p.name) or a != p.name])
        proj.evidence.append(model.Evidence(p.sent.text, p.start, p.end, p.method, p.conf, quote=text[p.start:p.end]))
        sents = sorted(set(p.sents), key=lambda s: s.start)
        leads, partners = _roles(text, lang, sents, oms_by_sent, p, org_by_id, sentences, org_mentions)
        if not leads:
            leads = _presenters(sents, person_mentions, person_by_id, p)
        if not leads and len(projects) == 1 and not _announced_centrally(p, oms_by_sent, org_by_id):
            # the article's one project, no lead stated: the body the article is about
            topic = article_topic(org_mentions)
            if topic and topic not in partners:
                leads = [topic]
        proj.funding, funders = _funding(text, lang, sents, funds, p, projects, oms_by_sent, org_by_id)
        proj.leads = leads
        proj.partners = [o for o in partners if o not in leads and o not in funders]
        # a programme named as the source of a grant: the sums near it are grants, not its budget
        # ... and a total stated before the project is named is someone else's ("the region shared 12 million")
        proj.budget = None if p.pays else _budget(text, [x for x in sents if x.end > p.start])
        out.append(proj)
    return out


def _announced_centrally(p: _Proj, oms_by_sent: dict, org_by_id: dict) -> bool:
    """"Ministerstwo ogłosiło nabór do programu „X”": a national programme, not the local body's own."""
    for m in oms_by_sent.get(p.sent.start, []):
        org = org_by_id.get(m.org_id)
        if m.end <= p.start and org is not None and org.type == "central-government":
            return True
    return False


def _paragraph(text: str, offset: int) -> int:
    """Start offset of the paragraph (blank-line separated) holding `offset`."""
    i = text.rfind("\n\n", 0, offset)
    return 0 if i < 0 else i + 2


def _key(name: str) -> str:
    return morph.fold(re.sub(r"[„“\"”«»?!.]", "", name).replace("–", "-").replace(" - ", "-"))


def _government(org_by_id: dict) -> str | None:
    """The article's one town government ("samorząd", "město" in the text)."""
    govs = [o.id for o in org_by_id.values() if o.type == "local-government" and not o.part_of
            and re.match(r"(?:urząd\s+miasta|urząd\s+gminy|urząd\s+miejski|gmina|miasto|město|obec|městský\s+úřad|"
                         r"magistrát|starostwo)", o.name, re.I)]
    return govs[0] if len(govs) == 1 else None


_STARTS = re.compile(
    r"\b(?:zahájil\w*|spustil\w*|spouští|zahajuje|rozpoczął\w*|rozpoczyna\w*|rozpoczęł\w*|uruchomił\w*|"
    r"uruchamia\w*|realizuje|realizował\w*|prowadzi|przygotował\w*|připravil\w*|wdraża\w*|startuje|"
    r"realizují|díky|dzięki|w\s+ramach|v\s+rámci)\s+(?:\S+\s+){0,4}[„“\"]?$",
    re.IGNORECASE,
)
_WEAK_STARTS = re.compile(r"(?:díky|dzięki|w\s+ramach|v\s+rámci)\s", re.IGNORECASE)
# "Žadatelem je X", "Beneficjentem projektu jest X", "Realizátorem je X": the formal lead
_APPLICANT = re.compile(
    r"\b(?:(?:žadatel\w*|příjemc\w*|realizátor\w*|nositel\w*|wnioskodawc\w*|beneficjent\w*|realizator\w*|lider\w*)"
    r"\s+(?:(?:projektu|programu|dotace|przedsięwzięcia|kampanii|kampaně)\s+)?|"
    # organisers lead a campaign, not an event: the project word is required
    r"(?:organizator\w*|inicjator\w*|pořadatel\w*|organizátor\w*|iniciátor\w*)\s+"
    r"(?:projektu|programu|przedsięwzięcia|kampanii|kampaně)\s+)"
    r"(?:je|jest|byl[ao]?|był[ao]?|bude|będzie|zostało|został[ao]?)\s+",
    re.IGNORECASE,
)
# "X i Y wspólnie realizują": every body of a list before the verb leads
_LIST_GAP = re.compile(r"\s*(?:,|i|oraz|a|a\s+také|a\s+także)\s*", re.IGNORECASE)
_REALISE = re.compile(
    r"\b(?:(?:wspólnie|společně|razem)\s+)?(?:realizuje|realizują|prowadzi|prowadzą|realizují|realizoval\w*|"
    r"realizował\w*|realizowały|realizowali|získal[oa]?|získali)\b",
    re.IGNORECASE,
)
# "X otrzymał na ten cel 486 720 zł", "Charita na projekt získala": who got the money leads
_RECEIVED = re.compile(
    r"\b(?:otrzymał\w*|otrzyma|pozyskał\w*|dostał\w*|dostanie|získal\w*|získá|obdržel\w*|obdrží|dostal\w*|dostane)\s+"
    r"(?:\S+\s+){0,2}?na\s+(?:ten\s+cel|ten\s+projekt|tento\s+projekt|projekt|jego\s+realizację|realizację|něj|to)\b|"
    r"\b(?:uspěl\w*\s+se\s+(?:svou\s+)?žádostí|pozyskał\w*\s+(?:środki|dofinansowanie|dotację|grant)|"
    r"získal\w*\s+(?:dotaci|grant|příspěvek))",
    re.IGNORECASE,
)
_COORDINATE = re.compile(r"\b(?:koordyn\w+|koordin\w+)\b", re.IGNORECASE)
# "MOPS współpracuje z KPP przy kampanii": both run it
_COOPERATE_ON = re.compile(
    r"\b(?:współpracuj\w*|współpracował\w*|spolupracuj\w*|spolupracoval\w*)\s+(?:\S+\s+){0,2}?(?:z|ze|s|se)\s+",
    re.IGNORECASE,
)
_ON_PROJECT = re.compile(r"\s+(?:przy|w\s+ramach|na|při|v\s+rámci)\s+(?:realizacji\s+|realizaci\s+)?"
                         r"(?:\w+\s+)?[„“\"]?$",
                         re.IGNORECASE)
_COMITATIVE_END = re.compile(r"(?:wraz\s+z|razem\s+z|wspólnie\s+ze?|we\s+współpracy\s+z|spolu\s+se?|společně\s+se?|"
                             r"ve\s+spolupráci\s+se?|w\s+partnerstwie\s+ze?)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "Partnerami PCPR w Łowiczu są A, B oraz C": the body between is the lead
_PARTNERS_OF = re.compile(r"\bpartner(?:ami|em|y)\s+(?=\S)", re.IGNORECASE)
_COPULA = re.compile(r"\s*(?:są|jest|byli|były|był|była|będą|będzie|jsou|je|byl[aiy]?|budou|bude)\s+", re.IGNORECASE)
# "který spolek financoval z ...": the relative clause's subject is a description of the lead
_RELATIVE_SUBJECT = re.compile(
    r"[”“\"»]?\s*,\s*(?:który|którą|które|jenž|jež|který|kterou|které)\s+(?P<np>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+"
    r"(?:financoval\w*|realizuje|realizují|realizoval\w*|připravil\w*|získal\w*|finansuje|finansował\w*|"
    r"prowadzi|realizował\w*|przygotował\w*|spustil\w*|uruchomił\w*)\b",
    re.IGNORECASE,
)


def _roles(text, lang, sents, oms_by_sent, p, org_by_id, sentences=(), org_mentions=()) -> tuple[list[str], list[str]]:
    """(leads, partners) of project `p`: explicit lead statements first, weak cues only without them."""
    leads: list[str] = []
    weak: list[str] = []
    partners: list[str] = []
    for s in sents:
        oms = sorted(oms_by_sent.get(s.start, []), key=lambda m: m.start)
        if not oms and not (s.start <= p.end <= s.end):
            continue
        st = s.text
        in_name_sentence = s.start <= p.start < s.end
        # "partner wiodący", "lider projektu" in apposition to a body
        for m in _LEAD_ROLE.finditer(st):
            pos = s.start + m.start()
            before = [o for o in oms if o.end <= pos and pos - o.end < 6]
            if before:
                _add(leads, before[-1].org_id)
        # "Žadatelem je Město Kolín"
        for m in _APPLICANT.finditer(st):
            after = [o for o in oms if o.start >= s.start + m.end()]
            if after and after[0].start - (s.start + m.end()) < 4:
                _add(leads, after[0].org_id)
        # "w partnerstwie X z Y"
        for m in re.finditer(r"w\s+partnerstwie\s+", st, re.I):
            after = [o for o in oms if o.start >= s.start + m.end()]
            if re.match(r"(?:z|ze)\s", st[m.end():]):
                # "X realizuje projekt w partnerstwie z Y": Y is the partner, X leads
                if after and after[0].start - (s.start + m.end()) < 5:
                    _add(partners, after[0].org_id)
                    before = [o for o in oms if o.end <= s.start + m.start()]
                    if before:
                        _add(leads, before[0].org_id)
                continue
            if after and after[0].start - (s.start + m.end()) < 4:
                _add(leads, after[0].org_id)
                rest = st[after[0].end - s.start:]
                zm = re.match(r"\s+z\s+", rest)
                if zm:
                    for o in after[1:]:
                        _add(partners, o.org_id)
                        break
                else:
                    for o in after[1:2]:
                        if st[after[0].end - s.start:o.start - s.start].strip().lower().startswith("z"):
                            _add(partners, o.org_id)
        # "realizowany przez X wraz z Y"
        for m in re.finditer(r"(?:realizowan\w*|prowadzon\w*|realizovan\w*)\s+(?:jest\s+|je\s+)?(?:przez|organizací)?\s*", st, re.I):
            after = [o for o in oms if o.start >= s.start + m.end()]
            if after and after[0].start - (s.start + m.end()) < 30 and re.search(r"przez|organizací", m.group(0), re.I):
                _add(leads, after[0].org_id)
        if in_name_sentence:
            # "Oblastní charita Rokycany zahájila projekt „Nová šance“": the subject starts it
            kw = text[max(s.start, p.start - 60):p.start]
            vm = _STARTS.search(kw)
            if vm:
                vpos = max(s.start, p.start - 60) + vm.start()
                before = [o for o in _subjects(st, s.start, oms, vpos) if vpos - o.end < 25]
                oid = _described_subject(st, s.start, oms, vpos, lang, org_by_id, org_mentions) or \
                    (before[-1].org_id if before else None)
                if oid:
                    _add(weak if _WEAK_STARTS.match(vm.group(0)) else leads, oid)
        if s.start <= p.end <= s.end:
            tail = text[p.end:s.end]
            # "projektowi „X”, na który Starostwo Powiatowe pozyskało ...", "na který samorząd pozyskał"
            nm = re.match(r"[”“\"»]?\s*,?\s*(?:na\s+(?:który|którą|które|niego|nią|něj|který|kterou)|o\s+który)\s+", tail, re.I)
            if nm:
                rest = tail[nm.end():]
                vm2 = re.search(r"\b(?:pozyska\w*|otrzyma\w*|získal\w*|dostał\w*|obdržel\w*)\b", rest[:120], re.I)
                if vm2:
                    inside = [o for o in oms if p.end + nm.end() <= o.start < p.end + nm.end() + vm2.start()]
                    if inside:
                        _add(weak, inside[0].org_id)
                    elif re.match(r"(?:samorząd|miasto|gmina|město|obec|powiat)\w*\s", rest, re.I):
                        gov = _government(org_by_id)
                        if gov:
                            _add(weak, gov)
            # "projektu „Rodzina w Centrum 2” przez ROPS w Toruniu"
            pm = re.match(r"[”“\"»]?\s*(?:realizowan\w*\s+)?(?:przez|realizovan\w*)\s+", tail)
            if pm:
                after = [o for o in oms if o.start >= p.end]
                if after and after[0].start - (p.end + pm.end()) < 4:
                    _add(leads, after[0].org_id)
            # "X pokazało wyniki projektu „Y”, który realizuje razem z Z": the body before the name leads
            rm = re.match(r"[”“\"»]?\s*,\s*(?:który|którą|które|jenž|jež|který|kterou|které)\s+(?:\w+\s+)?"
                          r"(?:realizuje|realizują|prowadzi|prowadzą|realizuje|realizují|realizoval\w*|realizował\w*|"
                          r"koordynuje|koordinuje|vede|provozuje|organizuje|organizují)\b", tail, re.I)
            if rm:
                # "..., który prowadzi Stowarzyszenie X": a body right after the verb is its subject
                right = [o for o in oms if 0 <= o.start - (p.end + rm.end()) < 3]
                before = [o for o in oms if o.end <= p.start]
                if right:
                    _add(leads, right[0].org_id)
                elif before:
                    _add(leads, before[-1].org_id)
            # "projekt „X”, který spolek financoval z IROP": the description stands for the lead
            sm = _RELATIVE_SUBJECT.match(tail)
            if sm and not any(p.end + sm.start("np") <= o.start < p.end + sm.end("np") for o in oms):
                oid = refer.resolve(sm.group("np").split(), list(org_by_id.values()), lang,
                                    mentions=org_mentions, pos=p.end)
                if oid:
                    _add(leads, oid)
        for m in _REALISE.finditer(st):
            if not in_name_sentence and not _ANAPHOR.search(st[m.end():m.end() + 60]) \
                    and not _ANAPHOR.search(st[max(0, m.start() - 40):m.start()]):
                continue  # "Spółdzielnia prowadzi pralnię": runs something, not the project
            pos = s.start + m.start()
            before = _subjects(st, s.start, oms, pos)
            after = [o for o in oms if o.start >= s.start + m.end()]
            oid = _described_subject(st, s.start, oms, pos, lang, org_by_id, org_mentions)
            if oid:
                _add(leads, oid)
            elif before and pos - before[-1].end < 40:
                for o in _listed_before(st, s.start, before):
                    _add(leads, o)
            elif after and m.group(0).lower().startswith(("realiz", "wspólnie", "společně", "razem")) \
                    and after[0].start - (s.start + m.end()) < 60 \
                    and not _PARTNER_AFTER.search(text[s.start + m.end():after[0].start]):
                _add(leads, after[0].org_id)
            elif not before and re.fullmatch(r"\s*(?:\w+\s+){0,3}", st[:m.start()]):
                # "Od stycznia realizuje ...": the subject is the one the sentence before began with
                subj = _previous_subject(sentences, s, oms_by_sent)
                if subj:
                    _add(leads, subj)
        for m in _RECEIVED.finditer(st):
            pos = s.start + m.start()
            before = [o for o in oms if o.end <= pos and pos - o.end < 40]
            if before:
                _add(leads, before[-1].org_id)
            elif not [o for o in oms if o.end <= pos] and len(st[:m.start()].split()) <= 8:
                # "Z Operačního programu Zaměstnanost plus dostane na projekt ...": the subject said before
                subj = _previous_subject(sentences, s, oms_by_sent)
                if subj:
                    _add(leads, subj)
        for m in _COORDINATE.finditer(st):
            if not _ANAPHOR.search(st) and not in_name_sentence and not _PRONOUN_START.match(st):
                continue
            pos = s.start + m.start()
            after = [o for o in oms if o.start >= s.start + m.end() and o.start - (s.start + m.end()) < 40]
            before = [o for o in oms if o.end <= pos and pos - o.end < 30]
            if after:
                _add(weak, after[0].org_id)
            elif before:
                _add(weak, before[-1].org_id)
        if in_name_sentence:
            # "X współpracuje z Y przy kampanii „Z”": both run it
            for m in _COOPERATE_ON.finditer(st):
                pos = s.start + m.start()
                before = [o for o in oms if o.end <= pos and pos - o.end < 40]
                after = [o for o in oms if o.start >= s.start + m.end() and o.start - (s.start + m.end()) < 4]
                if before and after and after[0].end <= p.start and _ON_PROJECT.search(text[after[0].end:p.start]):
                    _add(leads, before[-1].org_id)
                    _add(leads, after[0].org_id)
        for m in _PARTNERS_OF.finditer(st):
            # "Partnerami PCPR w Łowiczu są ...": a body between the word and the verb is the lead
            cm = _COPULA.search(st, m.end(), min(len(st), m.end() + 90))
            if not cm:
                continue
            inside = [o for o in oms if s.start + m.end() <= o.start and o.end <= s.start + cm.start()]
            if inside and inside[0].start - (s.start + m.end()) < 3 and inside[-1].end - (s.start + cm.start()) > -3:
                _add(leads, inside[0].org_id)
                for o in _chain(st, s.start, [o for o in oms if o.start >= s.start + cm.end()], org_by_id):
                    _add(partners, o)
        for m in _PARTNER_AFTER.finditer(st):
            after = [o for o in oms if o.start >= s.start + m.end()]
            if not after or after[0].start - (s.start + m.end()) > 90:
                continue
            for o in _chain(st, s.start, after, org_by_id):
                _add(partners, o)
        for m in _PARTNER_ROLE.finditer(st):
            pos = s.start + m.start()
            before = [o for o in oms if o.end <= pos]
            if before:
                _add(partners, before[-1].org_id)
    return (leads or weak), partners


def _subjects(st: str, s0: int, oms: list, pos: int) -> list:
    """Bodies before `pos` that can be a subject: not the ones after "wspólnie z", "společně s"."""
    return [o for o in oms if o.end <= pos and not _COMITATIVE_END.search(st[: o.start - s0])]


def _described_subject(st: str, s0: int, oms: list, pos: int, lang: str, org_by_id: dict, org_mentions) -> str | None:
    """"Wspólnie z ŚDS stowarzyszenie realizuje": a lower-case description right before the verb at `pos`."""
    start = max([o.end - s0 for o in oms if o.end <= pos] + [0])
    desc = re.findall(r"[^\W\d_]+", st[start:pos - s0])[-2:]
    if desc and desc[-1].islower() and refer.head_stem(desc[-1], lang):
        return refer.resolve(desc, list(org_by_id.values()), lang, mentions=org_mentions, pos=pos)
    return None


def _listed_before(st: str, s0: int, before: list) -> list[str]:
    """The body right before a verb and the bodies listed with it ("MOPS i PUP wspólnie realizują")."""
    out = [before[-1].org_id]
    for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:])):
        if not _LIST_GAP.fullmatch(st[prev.end - s0:nxt.start - s0]):
            break
        out.insert(0, prev.org_id)
    return out


def _chain(st: str, s0: int, after: list, org_by_id: dict) -> list[str]:
    """The first body after a partner cue and the ones listed with it ("A, B oraz fundacja C")."""
    chain = [after[0]]
    last_end = after[0].end
    for o in after[1:]:
        gap = st[last_end - s0:o.start - s0]
        prev = org_by_id.get(chain[-1].org_id)
        if not gap.strip() and prev is not None and prev.part_of == o.org_id:
            last_end = o.end  # "oddělení ... Magistrátu města Kladna": the unit's parent in the genitive
            continue
        gm = re.fullmatch(r"\s*(?:,|i|oraz|a|a\s+także|a\s+také|–|-)?\s*(?:(?:naukowcy|przedstawiciele|"
                          r"zástupci)\s+(?:z|ze)\s+)?(?P<kind>(?:[^\W\d_]+\s+){0,2})", gap, re.I)
        if gm and all(refer.head_stem(w, "cs") or refer.head_stem(w, "pl") for w in gm.group("kind").split()):
            chain.append(o)  # "Charita Kolín a spolek Šance": a kind word may precede the name
            last_end = o.end
        else:
            break
    return [o.org_id for o in chain]


def _previous_subject(sentences: Sequence[Sentence], s: Sentence, oms_by_sent: dict) -> str | None:
    """The body the sentence before `s` begins with (its grammatical subject, for an elided one)."""
    prev = [x for x in sentences if x.end <= s.start]
    if not prev:
        return None
    ps = prev[-1]
    oms = sorted(oms_by_sent.get(ps.start, []), key=lambda m: m.start)
    if oms and re.fullmatch(r"[\W\d_]*(?:\w+\s+){0,1}", ps.text[: oms[0].start - ps.start]):
        return oms[0].org_id
    return None


# "Przedstawiła ofertę ośrodka: ... program „X”": the subject is the person of the sentence before
_PRESENTED = re.compile(r"^\W*(?:\w+\s+)?(?:przedstawił\w*|zaprezentował\w*|omówił\w*|opowiedział\w*|"
                        r"představil\w*|prezentoval\w*|popsal\w*)\b", re.IGNORECASE)


def _presenters(sents, person_mentions, person_by_id, p) -> list[str]:
    """No stated lead: the bodies of the people who present the project in its sentence."""
    out: list[str] = []
    here = any(pm.sentence.start == p.sent.start for pm in person_mentions)
    before = re.search(r"\b(?:obie|oba|oni|one|panie)\b", p.sent.text, re.I) or \
        (not here and _PRESENTED.search(p.sent.text))
    for pm in person_mentions:
        if pm.sentence.start == p.sent.start or (pm.sentence.end <= p.sent.start and pm.sentence.end > p.sent.start - 400
                                                  and before):
            person = person_by_id.get(pm.person_id)
            if person:
                for a in person.affiliations:
                    _add(out, a.org)
    return out


def _add(lst: list[str], x: str) -> None:
    if x not in lst:
        lst.append(x)


# "Nad rámec projektu přispěl ...", "poza projektem": money that is not the project's
_OUTSIDE = re.compile(r"\b(?:nad\s+rámec\s+projekt\w*|mimo\s+projekt\w*|poza\s+projekt\w*|"
                      r"niezależnie\s+od\s+projekt\w*)",
                      re.IGNORECASE)
# "Větší část pokrývá Nadační fond X, zbytek Program podpory ...": the payer is the subject
_PAYS = re.compile(r"\b(?:pokrývá|pokrývají|hradí|hradil\w*|financuje|financují|spolufinancuje|pokrywa|pokrywają|"
                   r"podporuje|podpořil\w*|wspiera|wspierają|wsparł\w*|dofinansował\w*|"
                   r"finansuje|finansują|współfinansuje|dofinansowuje|sfinansował\w*|financoval\w*)\s+"
                   r"(?:(?:také|i|także|też|również|rovněž|dále)\s+)?", re.IGNORECASE)
_REST_PAID = re.compile(r"\s*,\s*(?:a\s+)?(?:zbytek|zbývající\s+část|zbylou\s+část|zbývající\s+částku|resztę|"
                        r"pozostałą\s+część|pozostałą\s+kwotę)\s+", re.IGNORECASE)
_PAYER = re.compile(r"(?:(?:[" + _CAP + r"][\w-]*|nadační)\s+)?(?:Program|Fond|Fundusz|Nadace|Grant)\b"
                    r"[^,.;:()]{0,90}")
_PAYER_HEAD = re.compile(r"(?:nadační\s+fond|nadace|fundusz|fond|fundacj)", re.IGNORECASE)
_UMBRELLA = {"Unia Europejska", "Evropská unie"}
# "500 zł miesięcznie", "150 Kč za hodinu": a rate, not a total
_PER_UNIT = re.compile(r"\s*(?:(?:/|na|za|per)\s*(?:osob\w*|miesiąc\w*|měsíc\w*|rok|godzin\w*|hodin\w*|dzień|den|noc|"
                       r"uczestnik\w*|účastník\w*|klient\w*|dítě|dziecko)|miesięcznie|měsíčně|rocznie|ročně|dziennie|denně)\b",
                       re.IGNORECASE)


def _funding(text, lang, sents, funds, p, projects, oms_by_sent=None, org_by_id=None) -> tuple[list[str], set[str]]:
    """(funds named in the project's sentences, ids of bodies that pay), not what it only hopes to get."""
    out: list[str] = []
    payers: set[str] = set()
    oms_by_sent = oms_by_sent or {}
    org_by_id = org_by_id or {}
    spans = [(s.start, s.end) for s in sents]
    for fs, fe, name in funds:
        if not any(a <= fs < b for a, b in spans):
            continue
        sent = next(s for s in sents if s.start <= fs < s.end)
        if _MODAL.search(text[sent.start:fs]) or _OUTSIDE.search(text[sent.start:fs]):
            continue  # "chce charita získat z Regionálního operačního programu"
        # another project named between: the fund is that project's
        if any(q is not p and q.start < fs and q.start > p.start and q.sent.start == sent.start for q in projects):
            continue
        _add(out, name)
    # "z programu TPCA pro Kolínsko", "z Programu Wieloletniego „Senior+”": a named programme that funds it
    for s in sents:
        for m in _NAMED_FUND.finditer(s.text):
            if _MODAL.search(s.text[: m.start()]) or _OUTSIDE.search(s.text[: m.start()]):
                continue
            if any(q.start <= s.start + m.start("n") < q.end for q in projects):
                continue  # the programme is a project the article reports in its own right
            kw, rest = m.group("kw"), m.group("n").strip()
            rest = re.sub(r"\s+(?:pro|dla|na|i|a)$", "", rest)
            if kw[:1].isupper():
                # the keyword is part of the name: put it with its adjectives into the nominative
                words = (kw + " " + rest).split()
                if lang == "pl":
                    low = kw.lower()
                    lemmas = next((v for k, v in (("program", "program"), ("fundusz", "fundusz"), ("grant", "grant"))
                                   if low.startswith(k)), None)
                    nom = morph.pl_nominative(words, 0, {lemmas}) if lemmas else None
                    words = nom or words
                else:
                    words[0] = _cs_fund_head(words[0])
                name = " ".join(words)
            else:
                name = rest.strip("„”“ ")
                run = _title_run_sentence_case(s.text, m.start("n") - 1, s.start, (), (), lang) \
                    if lang == "cs" and not name.startswith(("„", "\"")) else None
                if run and len(run[2]) > len(name.split()):
                    name = " ".join(run[2])  # "z dotačního programu Podpora sociálních služeb"
            if any(morph.fold(name) in morph.fold(f) or morph.fold(f) in morph.fold(name) for f in out):
                continue
            _add(out, name)
        # "Větší část pokrývá Nadační fond Kladenské srdce, zbytek Program podpory sociálních služeb města"
        for m in _PAYS.finditer(s.text):
            if _OUTSIDE.search(s.text[: m.start()]):
                continue
            pos = m.end()
            while True:
                name, end, oid = _payer_at(s, pos, oms_by_sent.get(s.start, []), org_by_id)
                if not name:
                    break
                if oid:
                    payers.add(oid)
                if not any(morph.fold(name) in morph.fold(f) or morph.fold(f) in morph.fold(name) for f in out):
                    _add(out, name)
                rm = _REST_PAID.match(s.text, end)
                if not rm:
                    break
                pos = rm.end()
    if any(f not in _UMBRELLA for f in out):
        out = [f for f in out if f not in _UMBRELLA]  # "ze środków UE w ramach EFS+": the fund says more
    return out, payers


def _payer_at(s: Sentence, pos: int, oms: list, org_by_id: dict) -> tuple[str | None, int, str | None]:
    """The fund or foundation named at `pos` of sentence `s`: (name, end in the sentence, body id)."""
    for o in oms:
        if o.start - s.start == pos:
            org = org_by_id.get(o.org_id)
            if org is not None and _PAYER_HEAD.match(org.name):
                return org.name, o.end - s.start, o.org_id
            return None, pos, None
    m = _PAYER.match(s.text, pos)
    if not m or s.text[m.end():m.end() + 1] not in ("", ",", ".", ";", ":", "(", ")"):
        return None, pos, None  # the phrase must end where the clause does, not run into a verb
    name = m.group(0).strip()
    if len(name.split()) < 2:
        return None, pos, None
    return name, pos + len(m.group(0).rstrip()), None


def _cs_fund_head(word: str) -> str:
    """"Fondu" -> "Fond", "Programu" -> "Program" (the head of a Czech fund's name)."""
    low = word.lower()
    for stem in ("program", "fond", "grant"):
        if low.startswith(stem):
            return morph.match_case(stem, word)
    return word


def _budget(text, sents) -> model.Budget | None:
    """The total the project's sentences state ("wartość", "rozpočet" first; never "w tym" parts)."""
    best = None
    for s in sents:
        # a little past the sentence end: "1,4 mil. Kč" may have been cut after "mil."
        chunk = text[s.start:min(len(text), s.end + 8)]
        for m in _MONEY.finditer(chunk):
            if m.start() >= len(s.text):
                break
            before = chunk[: m.start()]
            if _PART.search(before[-40:]) or _OUTSIDE.search(before) or _PER_UNIT.match(chunk, m.end()):
                continue
            amount = parse_amount(m.group("num"), m.group("mult"), m.group("cur"))
            if amount is None:
                continue
            total = bool(_TOTAL.search(before[-60:]))
            score = (1 if total else 0)
            if best is None or score > best[0]:
                best = (score, amount)
    return best[1] if best else None
