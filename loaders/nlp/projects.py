"""Named projects and programmes: name, leads, partners, funding, budget.

A project is named after a project word ("projekt", "program", "przedsięwzięcie";
Czech "projekt", "program"), optionally with "partnerski", "pn.", "pt.", "pod nazwą",
"s názvem", in quotes („Równi na starcie”, "Kam kráčí Maják?") or as a capitalised phrase
("Program Aktywizacji Integracji", "Projekt Komunitní plán"). Funding programmes named the
same way ("w ramach Programu Operacyjnego ...", "z programu TPCA pro Kolínsko") are funding,
not projects (`data/funds.tsv` lists the common funds in their inflected forms).

Leads and partners: "realizowany przez X wraz z Y", "w partnerstwie X z Y", "X realizuje
projekt", "partner wiodący", "partnerzy projektu: A, B, C", "pełni w projekcie rolę
partnera", "X na projekt získalo dotaci". Later bare mentions ("projekt", "przedsięwzięcie")
refer to the nearest named project before them.

Budget: the project's total ("całkowita wartość projektu to 1.515.830,74 zł", "195 155
korun") with its ISO currency.
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
from .persons import PersonMention, article_topic
from .text import Sentence

log = logging.getLogger(__name__)

_QUOTE_OPEN = "„“\"”«‚'"
_QUOTED = re.compile(r"[„“\"”«]\s*([^„“\"”«»\n]{2,160}?)\s*[”“\"»]")
_KEYWORD = re.compile(
    r"\b(?P<kw>projekt(?:u|em|owi|y|ów|ach|ami|om)?|projekcie|program(?:u|em|owi|ie|y|ów|ach)?|przedsięwzięci(?:e|a|u|em)|"
    r"projekt(?:u|em|y|ů)?|program(?:u|em|y|ů)?)\b",
    re.IGNORECASE,
)
_INTRO = re.compile(
    r"^\s*(?:(?:partnersk\w+|unijn\w+|systemow\w+|pilotażow\w+|innowacyjn\w+|grantow\w+|"
    r"partnersk\w+|pilotní\w*|evropsk\w+|s\s+výstižným|s|pod|názvem|nazwą|tytułem|hasłem|pn\.|pt\.|"
    r"nazwan\w+|zatytułowan\w+|o\s+nazwie|s\s+názvem|pod\s+názvem|nazvan\w+|s\s+\w+\s+názvem)\s*)*\s*$",
    re.IGNORECASE,
)
_FUNDING_CONTEXT = re.compile(
    r"\b(?:w\s+ramach|ze\s+środków|ze\s+śr\.|z\s+|finansowan\w+\s+(?:z|ze|przez)|współfinansowan\w+\s+(?:z|ze|przez)|"
    r"dofinansowan\w+\s+(?:z|ze)|v\s+rámci|z|ze|financovan\w+\s+(?:z|ze)|z\s+prostředků)\s*$",
    re.IGNORECASE,
)
_STOP_CAP = {"w", "we", "z", "ze", "na", "do", "i", "oraz", "v", "ve", "s", "se", "a", "je", "jest", "był", "była"}
_LEAD_VERBS = re.compile(
    r"realizowan\w*\s+(?:jest\s+)?(?:[–-]\s*)?(?:po\s+raz\s+\w+\s+)?(?:przez|w\s+partnerstwie)|realizuje|realizują|prowadzi|"
    r"prowadzą|liderem|lider|partner\w*\s+wiodąc\w*|koordynator\w*\s+projektu|realizátor\w*|realizuje|"
    r"realizoval\w*|realizovan\w*\s+(?:je\s+)?(?:organizací\s+)?|získal\w*|připravil\w*|zajišťuje|"
    r"w\s+partnerstwie|ve\s+spolupráci",
    re.IGNORECASE,
)
_PARTNER_AFTER = re.compile(
    r"\b(?:wraz\s+z|razem\s+z|wspólnie\s+ze?|w\s+partnerstwie\s+z|we\s+współpracy\s+z|spolu\s+s|společně\s+s|ve\s+spolupráci\s+s|"
    r"s\s+partnerem|s\s+partnery|z\s+partnerem|z\s+partnerami|partner\w*\s+projektu\s*:?|partnerami\s+są|"
    r"partnerem\s+(?:projektu\s+)?(?:jest|był|była|byli)|partnery\s+(?:projektu\s+)?jsou|"
    r"partnerów\s+projektu\s*:|partnerzy\s*:|na\s+\w+\s+spolupracoval[iy](?:\s+také)?|"
    r"na\s+\w+\s+współpracowa(?:li|ły)(?:\s+także|\s+też)?)",
    re.IGNORECASE,
)
_PARTNER_ROLE = re.compile(r"(?:je|jest|jsou|są|był|była|byl|byla)\s+partner(?:em|ami|y)?\s+projektu|rolę\s+partnera|jako\s+partner|jako\s+partnera|roli\s+partnera|jako\s+partner", re.IGNORECASE)
_LEAD_ROLE = re.compile(r"partner\w*\s+wiodąc\w*|lider\w*\s+projektu|lídr\w*|hlavní\w*\s+partner\w*", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:chce|chtějí|chce|plánuje|zamierza|zamierzają|ma\s+zamiar|będzie|bude|budou|planuje|"
                    r"chciałby|chciałaby|hodlá|může|mohla|mohl)\b[^.]*$", re.IGNORECASE)

_MONEY = re.compile(
    r"(?P<num>\d{1,3}(?:[ \u00a0.]\d{3})+(?:,\d{1,2})?|\d+(?:,\d+)?)\s*"
    r"(?P<mult>mln|mld|tys\.?|milion\w*|miliard\w*|tysięc\w*|tis\.?|mil\.?)?\s*"
    r"(?P<cur>zł(?:otych|ote|oty)?|PLN|Kč|korun\w*|CZK|euro|EUR|€|USD)(?!\w)",
    re.IGNORECASE,
)
_TOTAL = re.compile(r"(?:wartość|budżet|koszt|kwot\w*|hodnot\w*|rozpočet|rozpočtu|náklad\w*|celkem|całkowit\w*|łączn\w*|ogółem)",
                    re.IGNORECASE)
_PART = re.compile(r"(?:w\s+tym|z\s+czego|z\s+toho|dofinansowanie|wkład\s+własny)\s*$", re.IGNORECASE)
_CAP = "A-ZŁŚŻŹĆŃÓĄĘÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_NAMED_FUND = re.compile(
    r"\b(?:z|ze)\s+(?P<kw>(?i:programu|grantu|fondu|nadace|funduszu))\s+(?P<n>(?:[" + _CAP + r"][\w-]*\s+){0,3}„[^”“]+[”“]|"
    r"[" + _CAP + r"][\w-]*(?:\s+(?:pro|dla|na|i|a|[" + _CAP + r"][\w-]*|(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)\d\d)?(?!\s*(?:tys|mln|mil|tis|zł|Kč)))){0,5})"
)
_ANAPHOR = re.compile(r"\b(?:projek\w*|przedsięwzięci\w*|program\w*)\b", re.IGNORECASE)


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
            rx = rx.replace("(?P<y>", f"(?P<y{len(names)}>").replace("(?P<w>", f"(?P<w{len(names)}>")
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
        y = m.groupdict().get(f"y{n}")
        if y:
            years = re.sub(r"\s*[–-]\s*", "–", " ".join(y.split()))
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


def _project_mentions(text: str, lang: str, sentences: Sequence[Sentence], org_spans, fund_spans) -> list[_Proj]:
    found: list[_Proj] = []
    taken_spans: list[tuple[int, int]] = []
    for sent in sentences:
        st = sent.text
        for km in _KEYWORD.finditer(st):
            kw_start = sent.start + km.start()
            after = st[km.end():]
            before = st[:km.start()]
            is_programme = km.group("kw").lower().startswith("program")
            # a funding programme ("w ramach Programu Operacyjnego ...", "z programu TPCA")
            # "z dotačního programu X", "z rządowego programu X": an adjective may stand between
            bare = re.sub(r"\s*\b\w+(?:ého|ího|nego|owego|skiego|ckiego|ní|ny)\s*$", " ", before)
            funding_ctx = bool(_FUNDING_CONTEXT.search(before) or _FUNDING_CONTEXT.search(bare)) and is_programme
            if any(s <= kw_start < e for s, e, _ in fund_spans):
                continue
            if re.search(r"\b(?:koordynator\w*|kierownik\w*|kierowniczk\w*|partner\w*|uczestni\w*|lider\w*|"
                         r"koordinátor\w*|manažer\w*|wartość|hodnota|cel\w*|cíl\w*)\s+$", before, re.I) \
                    and not _QUOTED.match(after.lstrip()):
                continue  # "Koordynator projektu X", "wartość projektu": not the project's name
            if any(s <= kw_start < e for s, e in taken_spans):
                continue  # inside a name found already ("... - projekt rozwoju ...")
            # quoted name after the keyword
            qm = _QUOTED.search(after)
            if qm is None or not _INTRO.match(after[: qm.start()]):
                # an opening quote never closed in the sentence: the name runs to its end
                om = re.search(r"[„“\"«]", after)
                if om and _INTRO.match(after[: om.start()]) and not re.search(r"[”“\"»]", after[om.end():]):
                    rest = after[om.end():].rstrip(" .")
                    if 3 <= len(rest) <= 200 and not funding_ctx:
                        s = sent.start + km.end() + om.end()
                        e = s + len(rest)
                        name = _clean_name(rest)
                        found.append(_Proj(name, s, e, sent, aliases=[after[om.start():om.end()] + name],
                                           conf=0.7))
                        taken_spans.append((s, e))
                        continue
            if qm and _INTRO.match(after[: qm.start()]) and not funding_ctx:
                name = _clean_name(qm.group(1))
                s = sent.start + km.end() + qm.start()
                e = sent.start + km.end() + qm.end()
                # a quoted name right after the project word is the project's, even where the org
                # recogniser also read it as a body ("projekt „Domov pro všechny“")
                if len(name) < 3:
                    continue
                alias_kw = st[km.start():km.end() + qm.end()]
                found.append(_Proj(name, s, e, sent, aliases=[qm.group(0).strip(), alias_kw]))
                taken_spans.append((s, e))
                continue
            if funding_ctx:
                continue
            # a capitalised name: "Program Aktywizacji Integracji", "Projekt Komunitní plán"
            words = re.finditer(r"[^\W\d_][\w-]*|\d+|[^\w\s]", after)
            toks = []
            for w in words:
                toks.append(w)
                if len(toks) > 8:
                    break
            if not toks or not toks[0].group(0)[:1].isupper() or toks[0].start() > 1:
                continue
            kw_cap = km.group("kw")[:1].isupper()
            sentence_initial = not before.strip()
            taken = []
            for n, t in enumerate(toks):
                w = t.group(0)
                if not w[:1].isalpha():
                    break
                if w.lower() in _STOP_CAP and n > 0:
                    break
                if n > 0 and w[:1].islower() and not (lang == "cs" and not kw_cap is False and len(taken) < 3):
                    if lang != "cs":
                        break
                taken.append(t)
                if lang == "cs" and n >= 3:
                    break
            if not taken:
                continue
            # Czech names run on in lower case ("Komunitní plán"); stop at a relative pronoun / verb
            if lang == "cs":
                cut = []
                for t in taken:
                    w = t.group(0)
                    if w.lower() in ("který", "která", "které", "jenž", "jež", "je", "byl", "bylo", "byla", "na", "pro"):
                        break
                    cut.append(t)
                    if t.end() < len(after) and after[t.end()] in ",.;:":
                        break
                taken = cut
            if not taken:
                continue
            s = sent.start + km.end() + taken[0].start()
            e = sent.start + km.end() + taken[-1].end()
            if any(s < oe and os < e for os, oe in org_spans):
                continue
            phrase = _clean_name(text[s:e])
            if len(phrase) < 4:
                continue
            full = _clean_name(text[kw_start:e])
            if kw_cap and not sentence_initial:
                name, aliases = full, []
            elif kw_cap and sentence_initial and lang == "pl" and _genitive_phrase(phrase):
                name, aliases = full, []
            else:
                name, aliases = phrase[:1].upper() + phrase[1:], [full]
            found.append(_Proj(name, kw_start, e, sent, aliases=aliases, method="pattern:project-capitalised",
                               conf=0.65))
    return found


def _genitive_phrase(phrase: str) -> bool:
    first = phrase.split()[0]
    rs = morph.pl_readings(first)
    return bool(rs) and all("gen" in r.cases for r in rs if r.pos in ("subst", "adj"))


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
    sentences = list(sentences)
    org_spans = [(m.start, m.end) for m in org_mentions] + [(m.start, m.end) for m in person_mentions]
    funds = find_funds(text, lang)
    mentions = _project_mentions(text, lang, sentences, org_spans, funds)
    if not mentions:
        return []
    # one project per name (quotes, case and dashes folded)
    projects: list[_Proj] = []
    by_key: dict[str, _Proj] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        k = _key(m.name)
        hit = by_key.get(k) or next((p for kk, p in by_key.items() if kk.startswith(k) or k.startswith(kk)), None)
        if hit:
            for a in [m.name] + m.aliases:
                if a not in hit.aliases and a != hit.name:
                    hit.aliases.append(a)
            hit.sents.append(m.sent)
            by_key[k] = hit
            continue
        m.sents = [m.sent]
        by_key[k] = m
        projects.append(m)
    # later bare mentions ("projekt", "przedsięwzięcie") join the nearest named project before them
    for s in sentences:
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
    for m in org_mentions:
        s = _sent_of(sentences, m.start)
        if s:
            oms_by_sent.setdefault(s.start, []).append(m)
    person_by_id = {p.id: p for p in persons}
    for n, p in enumerate(projects):
        proj = model.Project(id=f"j{n + 1}", name=p.name, aliases=[a for a in dict.fromkeys(p.aliases)
                                                                   if _key(a) != _key(p.name) or a != p.name])
        proj.evidence.append(model.Evidence(p.sent.text, p.start, p.end, p.method, p.conf, quote=text[p.start:p.end]))
        sents = sorted(set(p.sents), key=lambda s: s.start)
        leads, partners = _roles(text, lang, sents, oms_by_sent, p, {o.id: o for o in organisations})
        if not leads:
            leads = _presenters(sents, person_mentions, person_by_id, p)
        if not leads and len(projects) == 1:
            # the article's one project, no lead stated: the body the article is about
            topic = article_topic(org_mentions)
            if topic and topic not in partners:
                leads = [topic]
        proj.leads = leads
        proj.partners = [o for o in partners if o not in leads]
        proj.funding = _funding(text, lang, sents, funds, p, projects)
        proj.budget = _budget(text, sents)
        out.append(proj)
    return out


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


def _roles(text, lang, sents, oms_by_sent, p, org_by_id=None) -> tuple[list[str], list[str]]:
    org_by_id = org_by_id or {}
    leads: list[str] = []
    partners: list[str] = []
    for s in sents:
        oms = sorted(oms_by_sent.get(s.start, []), key=lambda m: m.start)
        if not oms and not (s.start <= p.end <= s.end):
            continue
        st = s.text
        # "partner wiodący", "lider projektu" in apposition to a body
        for m in _LEAD_ROLE.finditer(st):
            pos = s.start + m.start()
            before = [o for o in oms if o.end <= pos and pos - o.end < 6]
            if before:
                _add(leads, before[-1].org_id)
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
            elif after:
                # "w partnerstwie z X": X is a partner of the subject
                pass
        # "realizowany przez X wraz z Y" / "X realizuje projekt"
        for m in re.finditer(r"(?:realizowan\w*|prowadzon\w*|realizovan\w*)\s+(?:jest\s+|je\s+)?(?:przez|organizací)?\s*", st, re.I):
            after = [o for o in oms if o.start >= s.start + m.end()]
            if after and after[0].start - (s.start + m.end()) < 30 and re.search(r"przez|organizací", m.group(0), re.I):
                _add(leads, after[0].org_id)
        if s.start <= p.start < s.end:
            # "Oblastní charita Rokycany zahájila projekt „Nová šance“": the subject starts it
            kw = text[max(s.start, p.start - 60):p.start]
            vm = re.search(r"\b(?:zahájil\w*|spustil\w*|spouští|zahajuje|rozpoczął\w*|rozpoczyna\w*|uruchomił\w*|"
                           r"uruchamia\w*|realizuje|realizował\w*|prowadzi|przygotował\w*|připravil\w*|wdraża\w*|"
                           r"ogłosił\w*|startuje|realizují|díky|dzięki|w\s+ramach|v\s+rámci)\s+(?:\S+\s+){0,4}[„“\"]?$",
                           kw, re.I)
            if vm:
                vpos = max(s.start, p.start - 60) + vm.start()
                before = [o for o in oms if o.end <= vpos and vpos - o.end < 25]
                if before:
                    _add(leads, before[-1].org_id)
        if s.start <= p.end <= s.end:
            # "projektowi „X”, na który Starostwo Powiatowe pozyskało ...", "na který samorząd pozyskał"
            tail = text[p.end:s.end]
            nm = re.match(r"[”“\"»]?\s*,?\s*(?:na\s+(?:który|którą|które|niego|nią|něj|který|kterou)|o\s+który)\s+", tail, re.I)
            if nm:
                rest = tail[nm.end():]
                vm2 = re.search(r"\b(?:pozyska\w*|otrzyma\w*|získal\w*|dostał\w*|obdržel\w*)\b", rest[:120], re.I)
                if vm2:
                    inside = [o for o in oms if p.end + nm.end() <= o.start < p.end + nm.end() + vm2.start()]
                    if inside:
                        _add(leads, inside[0].org_id)
                    elif re.match(r"(?:samorząd|miasto|gmina|město|obec|powiat)\w*\s", rest, re.I):
                        gov = _government(org_by_id)
                        if gov:
                            _add(leads, gov)
        if s.start <= p.end <= s.end:
            # "projektu „Rodzina w Centrum 2” przez ROPS w Toruniu"
            tail = text[p.end:s.end]
            pm = re.match(r"[”“\"»]?\s*(?:realizowan\w*\s+)?(?:przez|realizovan\w*)\s+", tail)
            if pm:
                after = [o for o in oms if o.start >= p.end]
                if after and after[0].start - (p.end + pm.end()) < 4:
                    _add(leads, after[0].org_id)
        if s.start <= p.end <= s.end:
            # "X pokazało wyniki projektu „Y”, który realizuje razem z Z": the body before the name leads
            tail = text[p.end:s.end]
            rm = re.match(r"[”“\"»]?\s*,\s*(?:który|którą|które|jenž|jež|který|kterou|které)\s+(?:\w+\s+)?"
                          r"(?:realizuje|realizują|prowadzi|prowadzą|realizuje|realizují|realizoval\w*|realizował\w*|"
                          r"koordynuje|koordinuje)\b", tail, re.I)
            if rm:
                before = [o for o in oms if o.end <= p.start]
                if before:
                    _add(leads, before[-1].org_id)
        for m in re.finditer(r"\b(?:realizuje|realizują|prowadzi|prowadzą|realizuje|realizují|realizoval\w*|"
                             r"získal[oa]?|získali)\b", st, re.I):
            if not (s.start <= p.start < s.end) and not _ANAPHOR.search(st[m.end():m.end() + 60]):
                continue  # "Spółdzielnia prowadzi pralnię": runs something, not the project
            pos = s.start + m.start()
            before = [o for o in oms if o.end <= pos]
            after = [o for o in oms if o.start >= s.start + m.end()]
            if before and pos - before[-1].end < 40:
                _add(leads, before[-1].org_id)
            elif after and m.group(0).lower().startswith("realiz") and after[0].start - (s.start + m.end()) < 60 \
                    and not _PARTNER_AFTER.search(text[s.start + m.end():after[0].start]):
                _add(leads, after[0].org_id)
        for m in _PARTNER_AFTER.finditer(st):
            after = [o for o in oms if o.start >= s.start + m.end()]
            if not after:
                continue
            first = after[0]
            if first.start - (s.start + m.end()) > 90:
                continue
            chain = [first]
            for o in after[1:]:
                gap = st[chain[-1].end - s.start:o.start - s.start]
                if re.fullmatch(r"\s*(?:,|i|oraz|a|a\s+także|a\s+také|–|-)?\s*(?:(?:naukowcy|przedstawiciele|"
                                r"zástupci)\s+(?:z|ze)\s+)?", gap, re.I):
                    chain.append(o)
                else:
                    break
            for o in chain:
                _add(partners, o.org_id)
        for m in _PARTNER_ROLE.finditer(st):
            pos = s.start + m.start()
            before = [o for o in oms if o.end <= pos]
            if before:
                _add(partners, before[-1].org_id)
    return leads, partners


def _presenters(sents, person_mentions, person_by_id, p) -> list[str]:
    """No stated lead: the bodies of the people who present the project in its sentence."""
    out: list[str] = []
    for pm in person_mentions:
        if pm.sentence.start == p.sent.start or (pm.sentence.end <= p.sent.start and pm.sentence.end > p.sent.start - 400
                                                  and re.search(r"\b(?:obie|oba|oni|one|panie)\b", p.sent.text, re.I)):
            person = person_by_id.get(pm.person_id)
            if person:
                for a in person.affiliations:
                    _add(out, a.org)
    return out


def _add(lst: list[str], x: str) -> None:
    if x not in lst:
        lst.append(x)


def _funding(text, lang, sents, funds, p, projects) -> list[str]:
    """Funds named in the project's sentences, not what it only hopes to get."""
    out: list[str] = []
    spans = [(s.start, s.end) for s in sents]
    for fs, fe, name in funds:
        if not any(a <= fs < b for a, b in spans):
            continue
        sent = next(s for s in sents if s.start <= fs < s.end)
        if _MODAL.search(text[sent.start:fs]):
            continue  # "chce charita získat z Regionálního operačního programu"
        # another project named between: the fund is that project's
        if any(q is not p and q.start < fs and q.start > p.start and q.sent.start == sent.start for q in projects):
            continue
        _add(out, name)
    # "z programu TPCA pro Kolínsko", "z Programu Wieloletniego „Senior+”": a named programme that funds it
    for s in sents:
        for m in _NAMED_FUND.finditer(s.text):
            if _MODAL.search(s.text[: m.start()]):
                continue
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
                name = " ".join(words)
            else:
                name = rest.strip("„”“ ")
            if any(morph.fold(name) in morph.fold(f) or morph.fold(f) in morph.fold(name) for f in out):
                continue
            _add(out, name)
    return out


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
            if _PART.search(before[-40:]):
                continue
            amount = parse_amount(m.group("num"), m.group("mult"), m.group("cur"))
            if amount is None:
                continue
            total = bool(_TOTAL.search(before[-60:]))
            score = (1 if total else 0)
            if best is None or score > best[0]:
                best = (score, amount)
    return best[1] if best else None
