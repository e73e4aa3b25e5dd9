"""One synthetic article under construction: text with tracked mentions, and its gold annotation.

Templates write sentences with slots (`"Dyrektor {A.gen} ..."`); `Doc.say` renders
each slot, remembers where every mention of an organisation, person, event or
project landed (character offsets into the final text), and collects the facts
(posts, events, projects, ties). `Doc.gold()` gives the annotation in the
GOLD_FORMAT.md shape; `Doc.extraction()` gives the same facts as a
`model.Extraction` with provenance, for building quads without running the NLP.

Slots: `{A}` / `{A.gen}` / `{A.inst}` an organisation in that case (the first
mention is the full name, later ones often a short form: acronym with place,
"kaliski MOPS"); `{A.s}` / `{A.s_gen}` / `{A.s_inst}` a short form even on first
mention; `{P}` a person's name, `{P.role}` their post; `{E}` / `{E.gen}` an
event's name; `{J}` a project's name (in quotes in the text, without them in the
gold); anything else is plain text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from .universe import Org, Person

_SLOT = re.compile(r"\{(\w+)(?:\.(\w+))?\}")
_PL_CLUSTER = re.compile(r"^[sSzZśŚźŹżŻ][^aeiouyąęóAEIOUYĄĘÓ]")  # "ze Strażą", but "z Sądem"
_CS_SIBILANT = re.compile(r"^[sSzZšŠžŽ]")  # "se Základní školou", "se sestrou", "s Charitou"


def _vocalise(literal: str, following: str, lang: str) -> str:
    """"z Strażą" -> "ze Strażą" (pl), "s Základní školou" -> "se Základní školou" (cs)."""
    prep, rule = ("z", _PL_CLUSTER) if lang == "pl" else ("s", _CS_SIBILANT)
    for p in (prep, prep.upper()):
        if (literal.endswith(f" {p} ") or literal == f"{p} ") and rule.match(following):
            return literal[:-2] + p + "e "
    return literal


@dataclass
class EventG:
    name: str
    type: str
    date: str | None = None
    end_date: str | None = None
    place: str | None = None
    venue: str | None = None
    organisers: list[str] = field(default_factory=list)  # org uids
    participants: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # person uids
    gen: str | None = None  # genitive form, when a template uses it


@dataclass
class ProjectG:
    name: str
    leads: list[str]
    partners: list[str]
    funding: list[str]
    budget: tuple[float, str] | None


@dataclass
class _Mention:
    start: int
    end: int
    sentence: int


@dataclass
class _Coop:
    a: str
    b: str
    basis: str
    sentence: int
    project: ProjectG | None = None
    event: EventG | None = None


class Doc:
    def __init__(self, doc_id: str, lang: str, rng: random.Random) -> None:
        self.doc_id = doc_id
        self.lang = lang
        self.rng = rng
        self.published: str | None = None
        self.title: str | None = None
        self._parts: list[str] = []
        self._pos = 0
        self.sentences: list[tuple[int, int, str]] = []  # start, end, text
        self.org_mentions: dict[str, list[_Mention]] = {}  # org uid -> mentions (insertion order = id order)
        self.org_surfaces: dict[str, list[str]] = {}
        self.orgs: dict[str, Org] = {}
        self.person_mentions: dict[str, list[_Mention]] = {}
        self.persons: dict[str, Person] = {}
        self.affiliations: dict[str, list[tuple[str, str | None, int]]] = {}  # person uid -> (org, role, sentence)
        self.events: list[EventG] = []
        self.event_mentions: dict[int, list[tuple[_Mention, str]]] = {}
        self.projects: list[ProjectG] = []
        self.project_mentions: dict[int, list[tuple[_Mention, str]]] = {}
        self.coops: list[_Coop] = []

    # -- writing
    @property
    def text(self) -> str:
        return "".join(self._parts)

    def raw(self, text: str) -> None:
        """Text that mentions nothing the gold cares about (headers, furniture, titles)."""
        self._parts.append(text)
        self._pos += len(text)

    def say(self, template: str, _sep: str = " ", **slots: Any) -> int:
        """Append one sentence (after `_sep`); returns its index for evidence."""
        if self._parts and not self._parts[-1].endswith("\n"):
            self.raw(_sep)
        index = len(self.sentences)
        start = self._pos
        out: list[str] = []
        pos = start
        last = 0
        pending: list[tuple[str, Any, str, int, int]] = []
        for m in _SLOT.finditer(template):
            lit = template[last : m.start()]
            out.append(lit)
            pos += len(lit)
            key, form = m.group(1), m.group(2) or ""
            value = slots[key]
            surface, inner = self._render(value, form)
            lit2 = _vocalise(lit, surface, self.lang)
            if lit2 != lit:
                out[-1] = lit2
                pos += len(lit2) - len(lit)
            lead = surface.find(inner)
            out.append(surface)
            pending.append((key, value, inner, pos + lead, pos + lead + len(inner)))
            pos += len(surface)
            last = m.end()
        out.append(template[last:])
        text = "".join(out)
        self.raw(text)
        self.sentences.append((start, start + len(text), text))
        for _key, value, inner, s, e in pending:
            self._register(value, inner, s, e, index)
        return index

    def para(self) -> None:
        self.raw("\n\n")

    def _render(self, value: Any, form: str) -> tuple[str, str]:
        """(text written, the part of it that is the mention)."""
        if isinstance(value, Org):
            case = form.replace("s_", "") if form.startswith("s_") else (form if form in ("gen", "inst") else "nom")
            short = form.startswith("s") and (form == "s" or form.startswith("s_"))
            first = value.uid not in self.org_mentions
            choices = value.short.get(case, [])
            lead = value.lead.get(case, "")
            if choices and (short or (not first and self.rng.random() < 0.6)):
                s = self.rng.choice(choices)
            else:
                s = value.form(case)
            return lead + s, s
        if isinstance(value, Person):
            if form == "role":
                return value.role or "", ""
            return value.name, value.name
        if isinstance(value, EventG):
            s = value.gen if form == "gen" and value.gen else value.name
            return s, s
        if isinstance(value, ProjectG):
            q = ("„", "”") if self.lang == "pl" else ("„", "“")
            return f"{q[0]}{value.name}{q[1]}", value.name
        return str(value), ""

    def _register(self, value: Any, inner: str, start: int, end: int, sentence: int) -> None:
        if not inner:
            return
        mention = _Mention(start, end, sentence)
        if isinstance(value, Org):
            self.orgs[value.uid] = value
            self.org_mentions.setdefault(value.uid, []).append(mention)
            self.org_surfaces.setdefault(value.uid, []).append(inner)
        elif isinstance(value, Person):
            self.persons[value.uid] = value
            self.person_mentions.setdefault(value.uid, []).append(mention)
        elif isinstance(value, EventG):
            self.event_mentions.setdefault(id(value), []).append((mention, inner))
        elif isinstance(value, ProjectG):
            self.project_mentions.setdefault(id(value), []).append((mention, inner))

    # -- facts
    def post(self, person: Person, sentence: int, org: Org | None = None, role: str | None = "default") -> None:
        """The person holds a post in an organisation (their own unless given)."""
        org_uid = org.uid if org is not None else person.org
        self.affiliations.setdefault(person.uid, []).append(
            (org_uid, person.role if role == "default" else role, sentence))

    def event(self, ev: EventG) -> EventG:
        self.events.append(ev)
        return ev

    def project(self, pj: ProjectG) -> ProjectG:
        self.projects.append(pj)
        return pj

    def coop(self, a: Org, b: Org, basis: str, sentence: int, *, project: ProjectG | None = None,
             event: EventG | None = None) -> None:
        if a.uid != b.uid:
            self.coops.append(_Coop(a.uid, b.uid, basis, sentence, project, event))

    # -- output
    def _ids(self) -> tuple[dict[str, str], dict[str, str]]:
        org_ids = {uid: f"o{i}" for i, uid in enumerate(self.org_mentions, 1)}
        person_ids = {uid: f"p{i}" for i, uid in enumerate(self.person_mentions, 1)}
        return org_ids, person_ids

    def _aliases(self, canonical: str, surfaces: list[str]) -> list[str]:
        seen = {canonical.casefold()}
        out = []
        for s in surfaces:
            if s.casefold() not in seen:
                seen.add(s.casefold())
                out.append(s)
        return out

    def gold(self) -> dict[str, Any]:
        org_ids, person_ids = self._ids()
        orgs = []
        for uid, oid in org_ids.items():
            o = self.orgs[uid]
            orgs.append({
                "id": oid, "name": o.nom, "aliases": self._aliases(o.nom, self.org_surfaces[uid]),
                "type": o.type, "place": o.place.nom if o.place else None,
                "part_of": org_ids.get(o.parent) if o.parent else None,
            })
        persons = []
        for uid, pid in person_ids.items():
            p = self.persons[uid]
            affs, seen = [], set()
            for org_uid, role, _s in self.affiliations.get(uid, []):
                if org_uid in org_ids and (org_uid, role) not in seen:
                    seen.add((org_uid, role))
                    affs.append({"org": org_ids[org_uid], "role": role})
            persons.append({"id": pid, "name": p.name, "affiliations": affs})
        events = []
        for i, e in enumerate(self._mentioned(self.events, self.event_mentions), 1):
            surfaces = [s for _m, s in self.event_mentions[id(e)]]
            events.append({
                "id": f"e{i}", "name": e.name, "aliases": self._aliases(e.name, surfaces), "type": e.type,
                "date": e.date, "end_date": e.end_date, "place": e.place, "venue": e.venue,
                "organisers": [org_ids[u] for u in e.organisers if u in org_ids],
                "participants": [org_ids[u] for u in e.participants if u in org_ids],
                "speakers": [person_ids[u] for u in e.speakers if u in person_ids],
            })
        projects = []
        for i, j in enumerate(self._mentioned(self.projects, self.project_mentions), 1):
            surfaces = [s for _m, s in self.project_mentions[id(j)]]
            projects.append({
                "id": f"j{i}", "name": j.name, "aliases": self._aliases(j.name, surfaces),
                "leads": [org_ids[u] for u in j.leads if u in org_ids],
                "partners": [org_ids[u] for u in j.partners if u in org_ids],
                "funding": list(j.funding),
                "budget": {"amount": j.budget[0], "currency": j.budget[1]} if j.budget else None,
            })
        coops, seen_pairs = [], set()
        for c in self.coops:
            if c.a not in org_ids or c.b not in org_ids:
                continue
            pair = frozenset((c.a, c.b))
            if pair in seen_pairs:
                continue
            seen_pairs.add(pair)
            coops.append({"a": org_ids[c.a], "b": org_ids[c.b], "basis": c.basis,
                          "evidence": self.sentences[c.sentence][2]})
        return {"doc": self.doc_id, "lang": self.lang, "published": self.published, "organisations": orgs,
                "persons": persons, "events": events, "projects": projects, "cooperations": coops}

    @staticmethod
    def _mentioned(items: list, mentions: dict) -> list:  # type: ignore[type-arg]
        return [x for x in items if id(x) in mentions]

    def extraction(self):  # type: ignore[no-untyped-def]
        """The gold facts as a `model.Extraction`, each with the evidence of where it was written."""
        from socialkg.model import (  # noqa: PLC0415 - bench.corpus must import without the package
            Affiliation,
            Budget,
            Cooperation,
            Event,
            Evidence,
            Extraction,
            Organisation,
            Person as MPerson,
            Project,
        )

        text = self.text

        def ev(m: _Mention, method: str) -> Evidence:
            s, e, sentence = self.sentences[m.sentence]
            return Evidence(sentence=sentence, start=m.start, end=m.end, method=method, confidence=1.0,
                            quote=text[m.start : m.end])

        def sent_ev(index: int, method: str) -> Evidence:
            s, e, sentence = self.sentences[index]
            return Evidence(sentence=sentence, start=s, end=e, method=method, confidence=1.0)

        gold = self.gold()
        org_ids, person_ids = self._ids()
        uid_of = {v: k for k, v in org_ids.items()}
        puid_of = {v: k for k, v in person_ids.items()}
        orgs = [Organisation(id=g["id"], name=g["name"], aliases=g["aliases"], type=g["type"], place=g["place"],
                             part_of=g["part_of"], acronym=self.orgs[uid_of[g["id"]]].acronym,
                             evidence=[ev(m, "synthetic") for m in self.org_mentions[uid_of[g["id"]]]])
                for g in gold["organisations"]]
        persons = []
        for g in gold["persons"]:
            uid = puid_of[g["id"]]
            affs = []
            for a in g["affiliations"]:
                sent = next(s for o, r, s in self.affiliations[uid] if org_ids.get(o) == a["org"] and r == a["role"])
                affs.append(Affiliation(org=a["org"], role=a["role"], evidence=sent_ev(sent, "synthetic")))
            persons.append(MPerson(id=g["id"], name=g["name"], affiliations=affs,
                                   evidence=[ev(m, "synthetic") for m in self.person_mentions[uid]]))
        events = []
        for g, e in zip(gold["events"], self._mentioned(self.events, self.event_mentions)):
            events.append(Event(**{k: v for k, v in g.items()},
                                evidence=[ev(m, "synthetic") for m, _s in self.event_mentions[id(e)]]))
        projects = []
        for g, j in zip(gold["projects"], self._mentioned(self.projects, self.project_mentions)):
            fields = {k: v for k, v in g.items() if k != "budget"}
            budget = Budget(**g["budget"]) if g["budget"] else None
            projects.append(Project(**fields, budget=budget,
                                    evidence=[ev(m, "synthetic") for m, _s in self.project_mentions[id(j)]]))
        event_id = {id(e): g["id"] for g, e in zip(gold["events"], self._mentioned(self.events, self.event_mentions))}
        project_id = {id(j): g["id"] for g, j in
                      zip(gold["projects"], self._mentioned(self.projects, self.project_mentions))}
        coops = []
        seen_pairs: set[frozenset[str]] = set()
        for c in self.coops:
            if c.a not in org_ids or c.b not in org_ids or frozenset((c.a, c.b)) in seen_pairs:
                continue
            seen_pairs.add(frozenset((c.a, c.b)))
            coops.append(Cooperation(
                a=org_ids[c.a], b=org_ids[c.b], basis=c.basis, evidence=self.sentences[c.sentence][2],
                project=project_id.get(id(c.project)) if c.project else None,
                event=event_id.get(id(c.event)) if c.event else None,
                provenance=sent_ev(c.sentence, "synthetic")))
        return Extraction(doc=self.doc_id, lang=self.lang, published=self.published, organisations=orgs,
                          persons=persons, events=events, projects=projects, cooperations=coops)
