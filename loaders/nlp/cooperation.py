"""Cooperation between organisations, typed by the evidence the article gives.

- `project`: a joint project or partnership: the leads and partners of a project
  (projects.py: "realizowany przez X wraz z Y", "partnerzy projektu: ..."), and
  "w partnerstwie X z Y" / "X w partnerstwie z Y" / "v partnerství s" in any sentence;
- `co-organised`: two or more bodies organised one event ("X i Y zorganizowali",
  "Organizatorami ... były: X oraz Y", "spoluorganizátorem byl");
- `agreement`: a signed agreement or formal team ("podpisały porozumienie / umowę",
  "list intencyjny", "memorandum o spolupráci", "uzavřel smlouvu", "stvrdily partnerství");
- `stated`: the text says they co-operate ("we współpracy z", "współpraca między X a Y",
  "ve spolupráci s", "spolupracuje s").

Co-participation (attending the same event) is not cooperation; graph/build.py derives it
from the events. The parties of a sentence are the bodies named in it; a generic word for
the article's one municipality ("s městem", "z miastem", "gmina") stands for it, and the
bodies of people named ("podepsali ředitel X a předseda Y") count too. A unit and its
parent are one party.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass
from typing import Sequence

from ... import model
from . import morph, refer
from .persons import article_topic
from .text import Sentence

log = logging.getLogger(__name__)

_AGREEMENT = re.compile(
    r"\b(?:podpis\w*|podpisa\w*|zawar\w*|zawiera\w*|sygnowa\w*|parafowa\w*|podepsal\w*|podepsa\w*|"
    r"uzavřel\w*|uzavřen\w*|uzavír\w*|stvrdil\w*|stvrzuj\w*)\b(?:[^.]|(?<=\d)\.){0,80}?\b(?:porozumie\w*|umow\w*|umów|"
    r"list\w*\s+intencyjn\w*|deklaracj\w*|memorand\w*|kontrakt\w*|aneks\w*|smlouv\w*|dohod\w*|partnerstv\w*|"
    r"partnerství)"
    r"|\b(?:porozumie\w*|umow\w*|memorand\w*|smlouv\w*|dohod\w*|list\w*\s+intencyjn\w*)\b(?:[^.]|(?<=\d)\.){0,100}?\b"
    r"(?:podpisa\w*|zawar\w*|podepsa\w*|uzavřen\w*|uzavřel\w*|podpis\w*)"
    r"|\b(?:smlouv\w*|umow\w*|porozumieni\w*|memorand\w*|dohod\w*)\s+o\s+(?:współpracy|spolupráci|partnerstwie|partnerství)",
    re.IGNORECASE,
)
_CO_ORGANISED = re.compile(
    r"\b(?:współ)?organizator\w*|\bspoluorganizátor\w*|\bspolupořadatel\w*|\bpořadatel\w*|\borganizátor\w*|"
    r"\bzorganizowa(?:li|ły)\b|\bprzygotowa(?:li|ły)\b|\bzorganizoval[iy]\b|\buspořádal[iy]\b|\bpořádal[iy]\b|"
    r"\b(?:společně\s+)?(?:organizoval[iy]|připravil[iy]|uspořádal[iy])\b|"
    r"\bwspólnie\s+zorganizowa\w*|\bspolečně\s+uspořádal\w*",
    re.IGNORECASE,
)
_PROJECT = re.compile(
    r"\bw\s+partnerstwie\b|\bv\s+partnerství\b|\bpartner\w*\s+projektu\b|\bpartnerem\s+projektu\b|"
    r"\bpartnery\s+projektu\b|\bpartnerami\s+projektu\b|\brealizowan\w*\s+wspólnie\s+z\w*\b|"
    r"\bwspólny\w*\s+projekt\w*|\bspolečn\w*\s+projekt\w*|\bprojekt\w*\s+partnersk\w*|\bpartnerský\w*\s+projekt\w*",
    re.IGNORECASE,
)
_STATED = re.compile(
    r"\bwspółprac\w*|\bwspółdziała\w*|\bkooperac\w*|\bspoluprác\w*|\bspoluprac\w*|\bspolupráce\b|"
    r"\bwspólnie\s+ze?\b|\brazem\s+ze?\b|\bspolečně\s+se?\b|\bspolu\s+se?\b|\bpartnerstw\w*|\bpartnerství\b|"
    r"\bpracowa(?:liśmy|łyśmy|li|ły)\s+ze?\b|\bpracoval[iy]\s+jsme\s+se?\b|"
    r"\bwspółorganizuj\w*|\bspoluorganizuj\w*|\bpracoval[iy]\s+(?:také|i)\b|\bspolupořádá\w*|"
    # "prowadzi wspólne patrole z X", "pořádá společné besedy s X": a joint activity with X
    r"\bwspóln(?:e|y|ą|a|ych|ymi)\s+[^\W\d_]+\s+ze?\b|\bspolečn(?:é|ý|ou|á|ých|ými)\s+[^\W\d_]+\s+se?\b|"
    # "zbierają wspólnie X i Y", "wspólnie założyły X oraz Y": everyone listed did it together
    r"\bwspólnie\b|\bspolečně\b",
    re.IGNORECASE,
)
_PARTNER_CUE = re.compile(
    r"\bpartner\w*|\bwraz\s+z\b|\brazem\s+z\b|\bw\s+partnerstwie\b|\bspolu\s+s\b|\bspolečně\s+s\b|"
    r"\bv\s+partnerství\b|\bve\s+spolupráci\b|\bwe\s+współpracy\b",
    re.IGNORECASE,
)
_FUTURE_ONLY = re.compile(r"\b(?:mogłyby|mogłaby|mogłoby|można\s+by|gdyby|kdyby|by\s+mohl\w*)\b", re.IGNORECASE)
_GENERIC_GOV = {
    "pl": re.compile(r"\b(?:miast(?:o|a|u|em|ie)|gmin(?:a|y|ie|ę|ą)|samorząd(?:em|u)?\s+miasta)\b", re.IGNORECASE),
    "cs": re.compile(r"\b(?:měst(?:o|a|u|em|ě)|městu|obc(?:e|i|í)|obec)\b", re.IGNORECASE),
}
_GOV_NAME = re.compile(r"^(?:miasto|gmina|město|obec|statutární město|urząd miasta|městský úřad)\b", re.IGNORECASE)


@dataclass
class _Party:
    org: str
    start: int
    end: int


def find_cooperations(
    text: str,
    lang: str | None,
    sentences: Sequence[Sentence],
    organisations: Sequence[model.Organisation] = (),
    org_mentions: Sequence = (),
    events: Sequence[model.Event] = (),
    projects: Sequence[model.Project] = (),
    persons: Sequence[model.Person] = (),
    person_mentions: Sequence = (),
) -> list[model.Cooperation]:
    """Pairs of bodies the article says work together, strongest evidence per pair first."""
    lang = "cs" if lang in ("cs", "sk") else "pl"
    sentences = list(sentences)
    orgs = {o.id: o for o in organisations}
    parties_by_sent = _parties(text, lang, sentences, organisations, org_mentions, persons, person_mentions)
    found: dict[frozenset, model.Cooperation] = {}
    rank = {b: n for n, b in enumerate(model.COOPERATION_BASES)}
    touched: list[str] = []  # bodies of the ties the current sentence told of

    def add(a: str, b: str, basis: str, sent: Sentence, s: int, e: int, method: str, conf: float,
            project: str | None = None, event: str | None = None) -> None:
        if a == b or a not in orgs or b not in orgs or _same_body(orgs, a, b):
            return
        touched.extend(x for x in (a, b) if x not in touched)
        key = frozenset((a, b))
        old = found.get(key)
        if old is not None and rank[old.basis] <= rank[basis]:
            if project and not old.project:
                old.project = project
            if event and not old.event:
                old.event = event
            return
        s = max(s, sent.start)
        e = min(e, sent.end)
        quote = _quote(text, s, e)
        a, b = sorted((a, b), key=_id_order)
        found[key] = model.Cooperation(
            a=a, b=b, basis=basis, evidence=quote,
            project=project or (old.project if old else None), event=event or (old.event if old else None),
            provenance=model.Evidence(sent.text, s, e, method, conf, quote=quote),
        )

    # joint projects: lead x partner, and co-leads ("A i B wspólnie realizują projekt X")
    for p in projects:
        for a, b in itertools.combinations(p.leads, 2):
            sent, s, e = _evidence_sentence(sentences, parties_by_sent, [a, b], p, text, cue=_PARTNER_CUE)
            add(a, b, "project", sent, s, e, "rule:coop-project-co-leads", 0.75, project=p.id)
        for lead in p.leads:
            for partner in p.partners:
                sent, s, e = _evidence_sentence(sentences, parties_by_sent, [lead, partner], p, text,
                                                cue=_PARTNER_CUE)
                add(lead, partner, "project", sent, s, e, "rule:coop-project-lead-partner", 0.8, project=p.id)
    # co-organised events
    for ev in events:
        if len(ev.organisers) < 2:
            continue
        for a, b in itertools.combinations(ev.organisers, 2):
            sent, s, e = _evidence_sentence(sentences, parties_by_sent, [a, b], None, text, cue=_CO_ORGANISED)
            add(a, b, "co-organised", sent, s, e, "rule:coop-co-organised-event", 0.8, event=ev.id)
    # sentence cues
    ctx = _Context(text, lang, sentences, organisations, org_mentions, projects)
    aff = {p.id: [a.org for a in p.affiliations] for p in persons}
    for pm in person_mentions:
        if len(aff.get(pm.person_id, [])) == 1:
            ctx.speakers.setdefault(pm.sentence.start, []).append(aff[pm.person_id][0])
    last_tie: list[str] = []  # bodies of the last sentence that told of a tie
    last_list: list[str] = []  # the partners of the last list joined by a comitative cue
    last_at = 0
    for sent in sentences:
        parties = parties_by_sent.get(sent.start, [])
        ids = _distinct(parties)
        if not ids:
            continue
        if not _has_cue(sent.text):
            _we_with(sent, parties, ctx, add)
            continue
        touched.clear()
        n = ctx.sent_index.get(sent.start, 0)
        if n - last_at > 5:
            last_tie.clear()
        _sentence_ties(sent, parties, ids, ctx, add, last_tie, last_list)
        if not touched:
            _we_with(sent, parties, ctx, add)
        if touched:
            last_tie[:] = list(touched)
            last_at = n

    return sorted(found.values(), key=lambda c: (_id_order(c.a), _id_order(c.b)))


def _sentence_ties(sent: Sentence, parties: list, ids: list[str], ctx, add, last_tie: list[str],
                   last_list: list[str]) -> None:
    """The ties one sentence tells of, strongest cue first."""
    if True:
        st = sent.text
        # "Sygnatariuszami zostali: A, B, C oraz D", "Smluvními stranami jsou A a B"
        m = _SIGNATORIES.search(st)
        if m and len(ids) >= 2:
            for a, b in itertools.combinations(ids, 2):
                add(a, b, "agreement", sent, *_span(sent, parties, m), "pattern:coop-signatories", 0.8)
            return
        # "Na spolupráci se podílí i X", "Do projektu dołączył X": X joins the tie just told of,
        # or the project named just before ("realizuje program X. Zapojila se do něj i Y")
        m = _JOIN.search(st)
        recent = ctx.recent_project(sent)
        others = ([*recent.leads, *recent.partners] if recent is not None and re.search(
            r"program|projekt|něj|něho|niego|niej|ní\b", m.group(0), re.I) else last_tie) if m else []
        if m and others:
            joining = [x for x in ids if x not in others]
            # a unit and its parent named together ("odbor ... Městského úřadu"): the unit joins
            joining = [x for x in joining if not any(ctx.unit_of(y, x) for y in joining if y != x)]
            if joining:
                basis = "project" if (re.search(r"program|projekt", m.group(0), re.I) or
                                      (recent is not None and others is not last_tie)) else "stated"
                for x in joining:
                    for y in others:
                        add(x, y, basis, sent, *_span(sent, [p for p in parties if p.org == x], m),
                            "pattern:coop-joins", 0.65)
                return
        # "Pracovníci všech tří organizací budou spolupracovat s X": the bodies listed before
        m = _ALL_OF.search(st)
        if m and last_list and _STATED.search(st):
            n = _count_word(m.group(0))
            if n is None or n == len(last_list):
                after = [p.org for p in parties if p.start >= sent.start + m.end() and p.org not in last_list]
                for x in _distinct([_Party(o, 0, 0) for o in after]):
                    for y in last_list:
                        add(x, y, "stated", sent, *_span(sent, [p for p in parties if p.org == x], m),
                            "pattern:coop-all-of-them", 0.6)
                if after:
                    return
        # a formal team: "W skład zespołu, powołanego na podstawie porozumień, wchodzą A, B, C"
        m = _FORMAL_TEAM.search(st)
        if m and len(ids) >= 2:
            # members of a formal team are tied through the body that runs it (the article's
            # own body when it is a member, else the first named), as partners through a lead
            members = [p for p in parties if p.start >= sent.start + m.start()] or parties
            mids = _distinct(members)
            hub = ctx.topic if ctx.topic in mids else mids[0]
            for b in mids:
                if b != hub:
                    add(hub, b, "agreement", sent, *_span(sent, parties, m), "pattern:coop-formal-team", 0.75)
            return
        m = _AGREEMENT.search(st)
        if m:
            group = list(ids)
            if len(group) == 1:
                # "Podobną umowę ośrodek zawarł z X": the implicit party stands before the named one
                subj = ctx.subject(sent, max(m.start(), parties[0].start - sent.start), exclude=group)
                if subj:
                    group.insert(0, subj)
            for a, b in _agreement_pairs(sent, parties, group, ctx):
                add(a, b, "agreement", sent, *_span(sent, parties, m), "pattern:coop-agreement", 0.85)
            if len(group) >= 2:
                return
        m = _PROJECT.search(st)
        if m:
            pairs = _cue_pairs(parties, sent, m) if len(ids) >= 2 else []
            if not pairs:
                pairs = _implicit_pairs(ctx, parties, sent, m, project_cue=True)
            if not pairs and len(ids) == 1 and re.search(
                    r"\b(?:który|która|które|którzy|jenž|jež|který|která|které)\s+(?:je|jest|jsou|są|był|była|byl|byla)\s+$",
                    st[: m.start()], re.I):
                # "X, który je partnerem projektu": X is the partner of the project's lead
                subj = ctx.subject(sent, 0, exclude=ids, project_cue=True)
                pairs = [(subj, ids[0])] if subj else []
            for a, b in pairs:
                add(a, b, "project", sent, *_span(sent, [x for x in parties if x.org in (a, b)], m),
                    "pattern:coop-partnership", 0.75)
            if pairs:
                return
        m = _CO_ORGANISED.search(st)
        if m and re.match(r"(?:przygotowa|připravil)", m.group(0), re.I) and (
                _NOT_AN_EVENT_PREPARED.search(st) or not _EVENT_CONTEXT.search(st)):
            m = None  # "stoiska przygotowały X, Y i Z": they took part, the event was not theirs
        if m and re.search(r"(?:li|ły|ami|em|i|y)\b", m.group(0)):
            before = [x for x in parties if x.end <= sent.start + m.start()]
            after = [x for x in parties if x.start >= sent.start + m.end()]
            noun = m.group(0).lower().startswith(("organizator", "współorganizator", "pořadatel", "organizátor",
                                                  "spoluorganizátor", "spolupořadatel"))
            group = after if noun or len(_distinct(before)) < 2 else before
            for a, b in itertools.combinations(_distinct(group), 2):
                add(a, b, "co-organised", sent, *_span(sent, group, m), "pattern:coop-co-organised", 0.75)
            if len(_distinct(group)) >= 2:
                return
        for m in _STATED.finditer(st):
            if _FUTURE_ONLY.search(st[: m.start()]):
                continue
            if _BARE_TOGETHER.fullmatch(m.group(0)) and re.match(r"\s+(?:ze?|se?)\b", st[m.end():]):
                continue  # "wspólnie z" is matched as a whole at the same place
            if _BARE_TOGETHER.fullmatch(m.group(0)):
                # "zbierają wspólnie X i Y", "X i Y wspólnie prowadzą": the listed bodies together
                after = _distinct(_list_chain(sent, [p for p in parties if p.start >= sent.start + m.end()]))
                before = [p for p in parties if p.end <= sent.start + m.start()]
                group = after if len(after) >= 2 else _distinct(before)[-2:] if not after else []
                pairs = list(itertools.combinations(group, 2)) if len(group) >= 2 else []
                for a, b in pairs:
                    add(a, b, "stated", sent, *_span(sent, [x for x in parties if x.org in (a, b)], m),
                        "pattern:coop-together", 0.65)
                if pairs:
                    break
                continue
            pairs = _cue_pairs(parties, sent, m) if len(ids) >= 2 else []
            if not pairs:
                pairs = _with_before_cue(parties, sent, m)
            if not pairs:
                pairs = _implicit_pairs(ctx, parties, sent, m, project_cue=False)
            if not pairs:
                # "Z Caritas Diecezji X współpracujemy przy ...": the partner before the cue, "we" doing it
                near = [p for p in parties if p.end <= sent.start + m.start()]
                if near and not [p for p in parties if p.start >= sent.start + m.end()] and \
                        _WE_WITH.search(sent.text[: near[-1].start - sent.start]):
                    we = ctx.subject(sent, m.start(), exclude=[near[-1].org])
                    pairs = [(we, near[-1].org)] if we else []
            basis = "stated"
            if pairs and _PLURAL_COOP.match(m.group(0)) and ctx.in_project(sent):
                basis = "project"  # "Na plánu spolupracovali také A, B a C"
            if pairs and _COMITATIVE.match(m.group(0)):
                # "X spolu s A, B a C připravilo ...": all of them did it together
                subj = pairs[0][0]
                partners = [b for a, b in pairs if a == subj]
                if len(partners) >= 2:
                    pairs = pairs + list(itertools.combinations(partners, 2))
                    last_list[:] = partners
                if re.search(r"organizowa|organizoval|pořádal|uspořádal", st, re.I) or \
                        _EVENT_CONTEXT.search(st[: m.start()]):
                    basis = "co-organised"  # "Piknik zorganizowało X wspólnie ze Y"
                elif _PROJECT_WORD.search(st):
                    basis = "project"  # "X spustila společně se spolkem Y program"
            for a, b in pairs:
                add(a, b, basis, sent, *_span(sent, [x for x in parties if x.org in (a, b)], m),
                    "pattern:coop-stated" if basis == "stated" else "pattern:coop-project-work", 0.7)
            if pairs:
                break


_WITH_WHOM = re.compile(r",\s*(?:z|ze|s|se)\s+(?:któr(?:ym|ą|ymi)|kter(?:ým|ou|ými)|nímž|níž|nimiž)\b", re.IGNORECASE)


def _agreement_pairs(sent: Sentence, parties: list[_Party], group: list[str], ctx) -> list[tuple[str, str]]:
    """Who an agreement binds. A party introduced by "z / ze / s / se" is one side: "X podpisał
    porozumienia z A, B i C" and "dohoda, kterou s městem X uzavřely A, B a C" are agreements of
    X with each of the others (not of A with B); "A, B i C podpisały porozumienie" binds all."""
    # "PUP w X, z którym CUS podpisało porozumienie", "Armáda spásy, se kterou město uzavřelo smlouvu":
    # the antecedent of the relative and the body that follows it
    rel = _WITH_WHOM.search(sent.text)
    if rel:
        ante = [p for p in parties if p.end <= sent.start + rel.start()]
        after = [p for p in parties if p.start >= sent.start + rel.end()]
        if ante and after and ante[-1].org != after[0].org:
            return [(ante[-1].org, after[0].org)]
    with_ = [p for p in parties
             if re.search(r"(?:^|\s)(?:z|ze|s|se)\s+(?:\w+\s+){0,2}$", sent.text[: p.start - sent.start], re.I)
             and not re.search(r"\b(?:przedstawiciel\w*|zástupc\w*|pracownik\w*|pracovník\w*)\s+$",
                               sent.text[: p.start - sent.start], re.I)]
    if with_ and len(group) >= 3:
        first = with_[0]
        chain = _distinct(_list_chain(sent, [p for p in parties if p.start >= first.start]))
        rest = [x for x in group if x not in chain]
        before = [p.org for p in parties if p.end <= first.start and p.org in rest]
        if len(chain) >= 2 and before:
            return [(before[-1], y) for y in chain]  # "X ... z A, B i C": X with each
        if len(chain) == 1 and not any(ctx.unit_of(x, chain[0]) or ctx.unit_of(chain[0], x) for x in rest):
            return [(chain[0], y) for y in rest]  # "s X uzavřely A, B a C": X with each
    return list(itertools.combinations(group, 2))


# words between a cooperation cue and the partner's name: what kind of body, or its people
_DESCRIPTOR = (r"(?:(?:organizac\w+|organizacj\w+|spolk\w+|společnost\w+|sdružení\w*|stowarzyszeni\w+|fundacj\w+|"
               r"nadac\w+|instituc\w+|pracownik\w+|pracovník\w+|streetworker\w+|wolontariusz\w+|dobrovolník\w+|"
               r"przedstawiciel\w+|zástupc\w+|specjalist\w+|odborník\w+|asystent\w+|asistent\w+|koordynator\w+|"
               r"koordinátor\w+|kurator\w+|kurátor\w+|strażnik\w+|strážník\w+|policjant\w+|policist\w+|"
               r"funkcjonariusz\w+|nauczyciel\w+|učitel\w+|terapeut\w+|psycholog\w+|lekarz\w+|lékař\w+|"
               r"terénními|terénní\w*)"
               # "pracownikami socjalnymi", "asystentami rodziny", "terénními pracovníky": one more word
               r"(?:\s+[^\W\d_]+(?:ymi|imi|ými|ími|ní|ych|ich|ých|y|i))?)")
# "X spolu s A, B a C připravilo": the comitative joins everyone named into one doing
_COMITATIVE = re.compile(r"^(?:wspólnie|razem|spolu|společně)\s", re.IGNORECASE)
_NUMBERS = {"tří": 3, "trzech": 3, "čtyř": 4, "czterech": 4, "pěti": 5, "pięciu": 5, "obou": 2, "obu": 2, "obydwu": 2}


def _count_word(phrase: str) -> int | None:
    return next((n for w, n in _NUMBERS.items() if re.search(rf"\b{w}\b", phrase, re.I)), None)
_SIGNATORIES = re.compile(
    r"\b(?:sygnatariusz\w*|stron(?:ami|y)\s+(?:porozumienia|umowy|listu)|signatář\w*|smluvními\s+stranami|"
    r"stranami\s+(?:memoranda|smlouvy|dohody))\b", re.IGNORECASE)
# "Na spolupráci se podílí i X", "Do projektu włączył się X": a body joins the tie just told of
_JOIN = re.compile(
    r"\b(?:na\s+(?:spolupráci|programu|projektu|projekt\w*|něm|ní|tom)\s+se\s+(?:\w+\s+)?podíl\w*|"
    r"podíl\w*\s+se\s+(?:\w+\s+)?na\s+(?:spolupráci|programu|projektu|něm|ní)|"
    r"(?:zapojil\w*|zapojí|zapojuje)\s+se\s+(?:\w+\s+)?do\s+(?:spolupráce|programu|projektu|něj|něho|ní)|"
    r"do\s+(?:spolupráce|programu|projektu|něj)\s+se\s+(?:\w+\s+)?zapoj\w*|"
    r"(?:dołączy\w*|włączy\w*\s+się|przystąpi\w*)\s+(?:\w+\s+)?(?:do|w)\s+(?:współprac\w*|projekt\w*|"
    r"porozumieni\w*|program\w*|partnerstw\w*|niego|niej)|"
    r"(?:do|w)\s+(?:współpracy|projektu|porozumienia|programu|partnerstwa)\s+(?:\w+\s+)?"
    r"(?:dołączy\w*|włączy\w*\s+się|przystąpi\w*))",
    re.IGNORECASE)
# "Terénní pracovníci všech tří organizací", "pracownicy obu jednostek": the bodies just listed
_ALL_OF = re.compile(r"\b(?:všech\s+(?:tří|čtyř|pěti)|obou|obu|wszystkich\s+(?:trzech|czterech|pięciu)|obydwu)\s+"
                     r"(?:organizac\w*|instituc\w*|jednost\w*|subjekt\w*|partner\w*|organizacji|ośrodków|"
                     r"neziskov\w*|spolků)", re.IGNORECASE)
_FORMAL_TEAM = re.compile(
    r"\bw\s+(?:jego\s+|jej\s+|ich\s+)?skład\s+(?:(?:zespołu|komisji|grupy|rady|koalicji|partnerstwa)\b|"
    r"(?:weszli|wchodzą|weszły|wchodzi)\b)|\b(?:zespół|zespołu|grupa|grupy)\b(?:[^.]|(?<=\d)\.){0,40}"
    r"\bpowołan\w+\s+na\s+podstawie\s+porozumie\w*|\bčleny\s+(?:týmu|pracovní\s+skupiny|komise|platformy)\s+jsou\b",
    re.IGNORECASE,
)
_PLURAL_COOP = re.compile(r"spolupracoval[iy]|współpracowa(?:li|ły)|pracoval[iy]", re.IGNORECASE)
_FIRST_PERSON = re.compile(
    r"\b(?:\w+liśmy|\w+łyśmy|\w+li\s+jsme|\w+ly\s+jsme|współpracujemy|realizujemy|prowadzimy|organizujemy|działamy|wspieramy|nam|nas|nasz\w*|"
    r"spolupracujeme|realizujeme|pořádáme|organizujeme|podporujeme|nám|nás|naš\w*|náš)\b",
    re.IGNORECASE,
)
_ANAPHORS = {
    "pl": re.compile(r"\b(?:ośrod\w*|placówk\w*|jednostk\w*|instytucj\w*|organizacj\w*|centr\w*|klub\w*|fundacj\w*|stowarzysz\w*|urz[ąę]d\w*|gmin\w*|miast\w*|"
                     r"spółdzielni\w*|szkoł\w*|placówk\w*|caritas|powiat\w*|starostw\w*|warsztat\w*|schronisk\w*)\b",
                     re.IGNORECASE),
    "cs": re.compile(r"\b(?:odbor\w*|charit\w*|úřad\w*|měst[oauě]\w*|obec\w*|obc[eií]\w*|centr\w*|domov\w*|"
                     r"spol(?:ek|k\w*)|středisk\w*|organizac\w*|škol\w*|klub\w*|dílna|dílny|dílně|diakoni\w*|"
                     r"nadac\w*|kraj\w*|zařízení\w*|instituc\w*)\b", re.IGNORECASE),
}
_EVENT_CONTEXT = re.compile(r"\b(?:spotkani\w*|konferencj\w*|forum|kongres\w*|warsztat\w*|szkoleni\w*|"
                            r"setkání|konferenc\w*|fór\w*|seminář\w*|workshop\w*)\b", re.IGNORECASE)
_NOT_AN_EVENT_PREPARED = re.compile(r"\b(?:stoisk\w*|stánk\w*|stánek|poczęstun\w*|materiał\w*|ulotk\w*|"
                                    r"upomink\w*|prezent\w*|občerstvení|materiál\w*|dárk\w*|paczk\w*)\b",
                                    re.IGNORECASE)
_PROJECT_WORD = re.compile(r"\b(?:projek\w*|program\w*|przedsięwzięci\w*|plán\w*)\b", re.IGNORECASE)
_PARTNER_LEAD_IN = re.compile(r"\s*(?:(?:z|ze|s|se|wspólnie\s+ze?|razem\s+ze?|spolu\s+se?|společně\s+se?)\s+"
                              r"(?:" + _DESCRIPTOR + r"\s+)?|(?:jsou|są|je|jest|také|też|także|również|:|–|-)\s*)*$",
                              re.IGNORECASE)


class _Context:
    """What an implicit subject can be: a word for a body named elsewhere, "we", the project."""

    def __init__(self, text, lang, sentences, organisations, org_mentions, projects):
        self.text, self.lang = text, lang
        self.orgs = list(organisations)
        self.mentions = sorted(org_mentions, key=lambda m: m.start)
        self.topic = article_topic(self.mentions)
        self.projects = list(projects)
        self.speakers: dict[int, list[str]] = {}  # sentence start -> bodies of the people named in it
        self.by_id = {o.id: o for o in self.orgs}
        self.sentences = list(sentences)
        self.sent_index = {s.start: n for n, s in enumerate(self.sentences)}
        self.project_spans = []
        for p in self.projects:
            for ev in p.evidence:
                self.project_spans.append((ev.start, p))

    def unit_of(self, unit: str, parent: str) -> bool:
        o = self.by_id.get(unit)
        return o is not None and o.part_of == parent

    def recent_project(self, sent):
        """A project named in this sentence or the one before it."""
        idx = self.sent_index.get(sent.start)
        if idx is None:
            return None
        lo = self.sentences[idx - 1].start if idx > 0 else sent.start
        hit = None
        for s, p in self.project_spans:
            if lo <= s < sent.end:
                hit = p
        return hit

    def in_project(self, sent) -> bool:
        return bool(_PROJECT_WORD.search(sent.text)) or any(sent.start <= s < sent.end for s, _ in self.project_spans)

    def project_lead(self, sent) -> str | None:
        owner = None
        for s, p in sorted(self.project_spans, key=lambda x: x[0]):
            if s < sent.end:
                owner = p
        if owner is None and len(self.projects) == 1:
            owner = self.projects[0]
        return owner.leads[0] if owner is not None and owner.leads else None

    def subject(self, sent, cue_pos: int, exclude=(), project_cue: bool = False) -> str | None:
        """The body doing what the cue says when the sentence does not name it."""
        before = sent.text[:cue_pos]
        covered = [(m.start - sent.start, m.end - sent.start) for m in self.mentions
                   if sent.start <= m.start < sent.end]
        for m in reversed(list(_ANAPHORS[self.lang].finditer(before))):
            if any(a <= m.start() < b for a, b in covered):
                continue
            org = self._resolve(m.group(0), sent, exclude)
            if org:
                return org
            break
        else:
            # "prádelna kvůli tomu spolupracuje s X": a lower-case word that starts a body's name
            org = self._named_by_head(before, covered, exclude)
            if org:
                return org
        if _FIRST_PERSON.search(sent.text) or _first_person_plural(sent.text, self.lang):
            # "– Pracowaliśmy z X – mówi Y, dyrektor Z": we = the speaker's body
            own = [o for o in self.speakers.get(sent.start, []) if o not in exclude]
            if own:
                return own[0]
            return self.topic if self.topic not in exclude else None
        prev = self._previous_subject(sent, before, exclude)
        if prev:
            return prev  # "Brodnickie PCPR rozpoczyna kampanię. Przygotowało ją wspólnie ze Starostwem"
        if project_cue or self.in_project(sent):
            lead = self.project_lead(sent)
            cand = lead or self.topic
            return cand if cand not in exclude else None
        if _EVENT_CONTEXT.search(sent.text):
            return None  # "Spotkanie przygotowano we współpracy z X": X co-organised, with whom unknown
        if re.search(r"\b(?:współorganizuj\w*|spoluorganizuj\w*|spolupořádá\w*)\b", sent.text, re.I):
            return self.topic if self.topic not in exclude else None
        return None

    def _named_by_head(self, before: str, covered, exclude) -> str | None:
        for m in reversed(list(re.finditer(r"[^\W\d_]{5,}", before))[-8:]):
            w = m.group(0)
            if not (w[:1].islower() or m.start() == 0) or any(a <= m.start() < b for a, b in covered):
                continue
            stem = morph.fold(w)[:5]
            hits = [o.id for o in self.orgs if o.id not in exclude and morph.fold(o.name.split()[0])[:5] == stem]
            if len(hits) == 1:
                return hits[0]
        return None

    def _previous_subject(self, sent, before: str, exclude) -> str | None:
        """A sentence that opens with a verb ("Przygotowało ją ...", "Má uzavřené smlouvy s ...")
        goes on with the subject of the one before: its first body."""
        words = re.findall(r"[^\W\d_]+", before)
        if not words or any(w[:1].isupper() for w in words[1:]):
            return None
        first = words[0]
        if self.lang == "pl":
            low = first.lower()
            if not (low in ("ją", "go", "je", "ich", "jej", "mu") or any(
                    r.pos in ("praet", "fin") for r in morph.pl_readings(low))):
                return None
        else:
            from .orgs import _cs_verb
            if not (first.lower() in ("má", "mají", "ji", "ho", "je", "jej", "jim") or _cs_verb(first.lower())):
                return None
        idx = self.sent_index.get(sent.start)
        if not idx:
            return None
        prev = self.sentences[idx - 1]
        for m in self.mentions:
            if prev.start <= m.start < prev.end:
                return m.org_id if m.org_id not in exclude else None
        return None

    def _resolve(self, word: str, sent, exclude) -> str | None:
        stem = morph.fold(word)[:4]
        if stem in ("mias", "měst", "mest", "gmin", "obec", "obci", "obce"):
            cands = [o for o in self.orgs if re.match(r"(?:miasto|gmina|mesto|obec|urzad miasta|urzad gminy)\b",
                                                       morph.fold(o.name)) and not o.part_of]
        else:
            cands = [o for o in self.orgs if any(w.startswith(stem) for w in morph.fold(o.name).split()[:3])]
        cands = [o for o in cands if o.id not in exclude]
        if not cands:
            # "ośrodek", "placówka", "zařízení": a generic word for the body the article is about
            if re.match(r"(?:osrod|plac|jedno|inst|zari|orga)", stem) and self.topic and self.topic not in exclude:
                return self.topic
            return None
        if self.topic in {o.id for o in cands}:
            return self.topic
        if len(cands) == 1:
            return cands[0].id
        last = None
        for m in self.mentions:
            if m.start < sent.start and m.org_id in {o.id for o in cands}:
                last = m.org_id
        return last


_WE_WITH = re.compile(r"(?:^|[.;:–-]\s*|\b(?:a|i|oraz)\s+)(?:z|ze|s|se)\s+$", re.IGNORECASE)
_WE_ORGANISE = re.compile(r"\borganiz\w*|\bpořád\w*", re.IGNORECASE)


def _we_with(sent: Sentence, parties: list[_Party], ctx, add) -> None:
    """"Z Powiatowym Urzędem Pracy od lat prowadzimy program", "A s charitou každý rok pořádáme
    den otevřených dveří": a body named with "z / s" at the head of a clause and a verb in the
    first person plural: we (the speaker's body, else the article's) do it with that body."""
    first = parties[0]
    if not _WE_WITH.search(sent.text[: first.start - sent.start]) or not _first_person_plural(sent.text, ctx.lang):
        return
    chain = _distinct(_list_chain(sent, parties))
    we = ctx.subject(sent, 0, exclude=chain)
    if we is None:
        return
    basis = "co-organised" if _WE_ORGANISE.search(sent.text) else (
        "project" if _PROJECT_WORD.search(sent.text) else "stated")
    for o in chain:
        add(we, o, basis, sent, first.start, sent.end, "pattern:coop-we-with", 0.6)


def _first_person_plural(text: str, lang: str) -> bool:
    """A verb in the first person plural ("uzupełniamy", "spolupracujeme"): "we" speak."""
    if lang == "pl":
        return any(w.lower().endswith("my") and any(r.pos == "fin" and "pl" in r.numbers for r in morph.pl_readings(w.lower()))
                   for w in re.findall(r"[^\W\d_]{4,}", text))
    from .orgs import _cs_verb
    return any(w.lower().endswith(("eme", "áme", "íme")) and _cs_verb(w.lower())
               for w in re.findall(r"[^\W\d_]{5,}", text))


def _implicit_pairs(ctx: _Context, parties: list[_Party], sent: Sentence, m: re.Match,
                    project_cue: bool) -> list[tuple[str, str]]:
    """"Centrum współpracuje z X", "Úzce spolupracujeme s X a s Y", "Partnerami projektu są X oraz Y"."""
    ce = sent.start + m.end()
    if any(p.end <= sent.start + m.start() for p in parties):
        return []  # a body is named before the cue: _cue_pairs decides
    after = [p for p in parties if p.start >= ce]
    if not after:
        return []
    lead_in = sent.text[m.end():after[0].start - sent.start]
    if len(lead_in) > 40 or not _PARTNER_LEAD_IN.match(lead_in):
        return []
    chain = _partner_chain(sent, after)
    ids = _distinct(chain)
    subj = None
    if not sent.text[: m.start()].strip():
        # "Wspólnie z ŚDS stowarzyszenie realizuje projekt": the subject follows the partner
        nm = re.match(r"\s*([^\W\d_]+)", sent.text[chain[-1].end - sent.start:])
        if nm and _ANAPHORS[ctx.lang].fullmatch(nm.group(1)):
            subj = ctx._resolve(nm.group(1), sent, ids)
    subj = subj or ctx.subject(sent, m.start(), exclude=ids, project_cue=project_cue)
    if not subj:
        return []
    return [(subj, o) for o in ids if o != subj]


def _partner_chain(sent: Sentence, after: list[_Party]) -> list[_Party]:
    """The first body after a cue and those listed with it ("ze Strażą Miejską i funkcjonariuszami
    Komendy Policji", "s X a s Y", "z X, a w sprawach dzieci także ze Y")."""
    partners = [after[0]]
    for p in after[1:]:
        gap = sent.text[partners[-1].end - sent.start:p.start - sent.start]
        if re.fullmatch(r"\s*(?:,|i|oraz|a|nebo|lub)?\s*(?:[a-ząćęłńóśźżčďěňřšťůúýáíé]+\s+){0,1}"
                        r"(?:(?:także|również|też|také|i)\s+)?(?:z|ze|s|se)?\s*", gap) or \
                re.fullmatch(r"\s*,?\s*(?:a|i)\s+(?:w\s+sprawach\s+\w+\s+)?(?:także|również|też|také)?\s*"
                             r"(?:z|ze|s|se)\s+", gap):
            partners.append(p)
        else:
            break
    return partners


_BARE_TOGETHER = re.compile(r"wspólnie|společně", re.IGNORECASE)
# what may stand between a cue and the list of partners it introduces
_LIST_LEAD = re.compile(r"\s*(?:(?:mimo\s+jiné|między\s+innymi|m\.\s*in\.|např\.|například|zejména|"
                        r"np\.|także|też|również|také|i|:|–|-)\s*)*$", re.IGNORECASE)


def _with_before_cue(parties: list[_Party], sent: Sentence, m: re.Match) -> list[tuple[str, str]]:
    """"V pracovních skupinách s městem spolupracují mimo jiné A, B nebo C", "Z ośrodkiem
    współpracują m.in. A i B": the body named with "s / z" before the cue works with each listed after."""
    cs = sent.start + m.start()
    before = [p for p in parties if p.end <= cs]
    if not before:
        return []
    hub = before[-1]
    lead = sent.text[: hub.start - sent.start]
    gap = sent.text[hub.end - sent.start: m.start()]
    if not re.search(r"(?:^|\s)(?:z|ze|s|se)\s+$", lead, re.I) or gap.strip():
        return []
    after = [p for p in parties if p.start >= sent.start + m.end()]
    if not after or not _LIST_LEAD.match(sent.text[m.end(): after[0].start - sent.start]):
        return []
    return [(hub.org, o) for o in _distinct(_list_chain(sent, after)) if o != hub.org]


_LIST_GAP = re.compile(r"\.?[\s,()]*(?:(?:i|oraz|a|nebo|lub|albo)\s+)?(?:(?:z|ze|s|se)\s+)?[\s(]*", re.IGNORECASE)


def _list_chain(sent: Sentence, after: list[_Party]) -> list[_Party]:
    """The first body and those listed right after it, with nothing but commas, "i / a / oraz"
    and a bracketed acronym between them."""
    chain = after[:1]
    for p in after[1:]:
        if _LIST_GAP.fullmatch(sent.text[chain[-1].end - sent.start:p.start - sent.start]):
            chain.append(p)
        else:
            break
    return chain


def _id_order(x: str) -> tuple[int, str]:
    digits = "".join(ch for ch in x if ch.isdigit())
    return (int(digits) if digits else 0, x)


def _same_body(orgs: dict, a: str, b: str) -> bool:
    """A unit and its parent (or two units of one parent's chain) are one party."""
    def chain(x: str) -> set[str]:
        out = set()
        while x and x not in out:
            out.add(x)
            x = orgs[x].part_of if x in orgs else None
        return out
    ca, cb = chain(a), chain(b)
    return a in cb or b in ca


def _parties(text, lang, sentences, organisations, org_mentions, persons, person_mentions) -> dict[int, list[_Party]]:
    out: dict[int, list[_Party]] = {}
    starts = [s.start for s in sentences]

    def sent_for(offset: int) -> Sentence | None:
        import bisect
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and sentences[i].start <= offset < sentences[i].end:
            return sentences[i]
        return None

    for m in org_mentions:
        s = sent_for(m.start)
        if s:
            out.setdefault(s.start, []).append(_Party(m.org_id, m.start, m.end))
    # people stand for their bodies ("podepsali ředitel X a předseda Y")
    aff = {p.id: [a.org for a in p.affiliations] for p in persons}
    for pm in person_mentions:
        s = sent_for(pm.start)
        if s and len(aff.get(pm.person_id, [])) == 1:
            out.setdefault(s.start, []).append(_Party(aff[pm.person_id][0], pm.start, pm.end))
    # "S probační službou spolupracuje X", "MOPS współpracuje z towarzystwem", "sieradzki MOPS i spółdzielnia
    # podpisały": a description of a body named elsewhere in the article
    if organisations:
        topic = article_topic(org_mentions)
        sorted_mentions = sorted(org_mentions, key=lambda m: m.start)
        for s in sentences:
            if not _has_cue(s.text):
                continue
            here = out.get(s.start, [])
            for m in _DESC_WORD.finditer(s.text):
                word = m.group(0)
                a, b = s.start + m.start(), s.start + m.end()
                if any(x.start <= a < x.end for x in here) or not refer.head_stem(word.lower(), lang):
                    continue
                if word[:1].isupper() and m.start() > 0:
                    continue  # a capitalised word inside a sentence is a name's (the recogniser's business)
                if not _singular(word, lang):
                    continue
                adj = _lead_adjectives(s.text[max(0, m.start() - 70):m.start()], m.start() <= 70)
                if adj is None:
                    continue
                words = adj + [word]
                nxt = _DESC_ADJ_AFTER.match(s.text, m.end())
                if nxt:
                    words += nxt.group(1).split()
                if any(w.lower() in _QUANTIFIERS for w in words):
                    continue
                oid = refer.resolve(words, organisations, lang, mentions=sorted_mentions, pos=a, topic=topic,
                                    exclude=[x.org for x in here])
                if oid:
                    out.setdefault(s.start, []).append(_Party(oid, a, b))
    # "s městem", "z miastem": the article's one municipality
    govs = [o for o in organisations if o.type == "local-government" and _GOV_NAME.match(o.name) and not o.part_of]
    if len(govs) == 1:
        gov = govs[0]
        for s in sentences:
            for m in _GENERIC_GOV[lang].finditer(s.text):
                a, b = s.start + m.start(), s.start + m.end()
                if not re.search(r"\b(?:z|ze|s|se|między|mezi|a|i|oraz)\s+$", s.text[: m.start()], re.I):
                    continue  # only as a party: "s městem", "z miastem", "X i gmina"
                if any(x.start <= a < x.end for x in out.get(s.start, [])):
                    continue
                nxt = s.text[m.end():m.end() + 2]
                if nxt[:2].strip()[:1].isupper():
                    continue  # "miasta Kalisza" is a name the org recogniser handles (or a place)
                out.setdefault(s.start, []).append(_Party(gov.id, a, b))
    for v in out.values():
        v.sort(key=lambda x: x.start)
    return out


# Every cue above contains one of these stems: a sentence without any cannot tell of a tie. One
# case-sensitive scan of the lower-cased sentence is far cheaper than case-insensitive cue patterns.
_CUE_STEMS = tuple(
    "podpis podeps zawar zawier sygnow parafow uzavř uzavír stvrd stvrz porozum umow umów memorand smlouv "
    "dohod intencyjn skład zesp grup člen partner realizowan wspóln společn organiz pořad pořád przygotowa "
    "připravil współ kooperac spolu razem pracowa pracoval sygnatariusz stron signatář smluvn podíl zapoj "
    "dołącz włącz przystąp".split())


_CUE_RX = re.compile("|".join(_CUE_STEMS))  # case-sensitive over lower-cased text: the fast path of re


def _has_cue(text: str) -> bool:
    return _CUE_RX.search(text.lower()) is not None
_DESC_WORD = re.compile(r"[^\W\d_]{4,}")
# what stands before a description used as a party: a preposition or conjunction, maybe adjectives
_LEAD_WORDS = {"z", "ze", "s", "se", "i", "a", "oraz", "między", "mezi", "také"}
_ADJ_ENDS = ("ý", "á", "é", "ého", "ou", "ém", "ým", "ski", "ska", "skie", "skiego", "skiej", "skim", "ską", "cki",
             "cka", "ckiego", "ckiej", "ckim", "cką", "ny", "na", "nego", "nej", "nym", "ną", "owy", "owa", "owego",
             "owej", "owym", "ową", "ní", "ního", "ním")


def _lead_adjectives(before: str, at_start: bool) -> list[str] | None:
    """Up to two adjectives before a description used as a party, after a preposition or
    conjunction ("z tym towarzystwem", "MOPS i spółdzielnia", "S probační službou"); None if
    the description is not in such a place."""
    tail = before.split()
    adj: list[str] = []
    k = len(tail)
    while k > 0 and len(adj) < 2 and tail[k - 1].lower() not in _LEAD_WORDS and \
            tail[k - 1].isalpha() and tail[k - 1].lower().endswith(_ADJ_ENDS):
        adj.insert(0, tail[k - 1])
        k -= 1
    if k > 0 and tail[k - 1].lower() in _LEAD_WORDS:
        return adj
    if k == 0 and at_start:
        return adj  # the sentence begins with it
    return None
_DESC_ADJ_AFTER = re.compile(r"\s+((?:miejsk|gminn|powiatow|městsk|obecn|krajsk|sociální|socjaln)\w*)")
_QUANTIFIERS = {"innymi", "innych", "wieloma", "wielu", "wszystkimi", "wszystkich", "dalšími", "jinými",
                "ostatními", "všemi", "mnoha", "różnymi", "kilkoma", "několika"}
_PLURAL_ENDINGS = ("ami", "emi", "ích", "ách", "ům", "ami", "ach", "om", "ów", "ové", "ách", "ěmi", "ata", "iami")


def _singular(word: str, lang: str) -> bool:
    low = word.lower()
    if lang == "pl":
        rs = [r for r in morph.pl_readings(word) if r.pos in ("subst", "depr")]
        return not rs or any("sg" in r.numbers for r in rs)
    return not low.endswith(_PLURAL_ENDINGS)


def _distinct(parties: list[_Party]) -> list[str]:
    seen: list[str] = []
    for p in parties:
        if p.org not in seen:
            seen.append(p.org)
    return seen


def _parties_near(parties: list[_Party], sent: Sentence, m: re.Match) -> list[_Party]:
    return parties


def _cue_pairs(parties: list[_Party], sent: Sentence, m: re.Match) -> list[tuple[str, str]]:
    """Who the cue joins: "X ... we współpracy z Y", "współpraca między X a Y", "X i Y współpracują"."""
    cs, ce = sent.start + m.start(), sent.start + m.end()
    before = [p for p in parties if p.end <= cs]
    after = [p for p in parties if p.start >= ce]
    tail = sent.text[m.end():m.end() + 25].lower()
    ids = _distinct(parties)
    if re.match(r"\s*(?:między|pomiędzy|mezi)\b", tail) and len(_distinct(after)) >= 2:
        a = _distinct(after)
        return [(a[0], a[1])]
    with_after = re.match(r"\s*(?:z|ze|s|se)\b", tail) or re.search(r"\b(?:z|ze|s|se)$", m.group(0).lower())
    if with_after and before and after:
        subj = before[-1].org
        return [(subj, o) for o in _distinct(_partner_chain(sent, after)) if o != subj]
    if re.search(r"\b(?:z\s+którymi|z\s+którym|z\s+którą|z\s+nimi|s\s+nimiž|s\s+kterými|s\s+nimi|s\s+níž|"
                 r"s\s+nímž|z\s+kim)\s*$", sent.text[: m.start()], re.I):
        return []  # "organizacje, z którymi ośrodek współpracuje": the partner is a generic mention
    if len(_distinct(after)) >= 2 and re.match(r"\s*(?:z|ze|s|se)\b", sent.text[after[0].end - sent.start:][:5].lower()):
        a = _distinct(after)
        return [(a[0], a[1])]  # "współpraca MOPS z PUP"
    if len(ids) == 2 and not (before == [] and after):
        # the cue sits between the two bodies or after both ("X oraz Y ... o współpracy")
        return [(ids[0], ids[1])]
    if len(_distinct(before)) >= 2 and not after:
        b = _distinct(before)
        return [(b[-2], b[-1])]
    return []


def _span(sent: Sentence, group: list[_Party], m: re.Match) -> tuple[int, int]:
    cs, ce = sent.start + m.start(), sent.start + m.end()
    starts = [p.start for p in group] + [cs]
    ends = [p.end for p in group] + [ce]
    return min(starts), max(ends)


def _evidence_sentence(sentences, parties_by_sent, ids, project, text, cue=None) -> tuple[Sentence, int, int]:
    """The sentence that names both bodies (best: with a cue), and the span between them."""
    best = None
    for s in sentences:
        ps = [p for p in parties_by_sent.get(s.start, []) if p.org in ids]
        if not ps:
            continue
        score = len({p.org for p in ps}) * 2 + (2 if cue is not None and cue.search(s.text) else 0) \
            + (1 if any(p.org == ids[-1] for p in ps) else 0)
        if project is not None and project.evidence and s.start <= project.evidence[0].start < s.end:
            score += 1
        if best is None or score > best[0]:
            best = (score, s, ps)
    if best is None:
        s = sentences[0]
        if project is not None and project.evidence:
            ev = project.evidence[0]
            s = next((x for x in sentences if x.start <= ev.start < x.end), s)
        return s, s.start, s.end
    _, s, ps = best
    if cue is not None:
        m = cue.search(s.text)
        if m:
            return s, min([p.start for p in ps] + [s.start + m.start()]), max([p.end for p in ps] + [s.start + m.end()])
    return s, min(p.start for p in ps), max(p.end for p in ps)


def _quote(text: str, s: int, e: int) -> str:
    quote = " ".join(text[s:e].split())
    if len(quote) > 300:
        quote = quote[:297].rstrip() + "…"
    return quote
