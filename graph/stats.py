"""Counts that describe a store: by class, sources, organisations, ties by evidence type.

Every figure is derived by SPARQL at the time it is asked (never stored), so it
cannot drift from the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ontology.terms import PREFIXES, sparql_prefixes
from .store import Store


@dataclass
class StoreStats:
    triples: int = 0
    graphs: int = 0
    sources: int = 0
    organisations: int = 0
    persons: int = 0
    events: int = 0
    projects: int = 0
    cooperations: int = 0
    coparticipations: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    by_org_type: dict[str, int] = field(default_factory=dict)
    cooperations_by_evidence: dict[str, int] = field(default_factory=dict)
    sources_by_language: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _rows(store: Store, body: str) -> list:
    return list(store.query(sparql_prefixes() + body))


def _short(iri: str) -> str:
    for p, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri


def store_stats(store: Store) -> StoreStats:
    s = StoreStats(triples=store.count_triples(), graphs=store.count_graphs())
    for row in _rows(store, "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c } GROUP BY ?c ORDER BY DESC(?n)"):
        s.by_class[_short(row["c"].value)] = int(row["n"].value)
    s.sources = s.by_class.get("sk:SourceDocument", 0)
    s.organisations = s.by_class.get("org:Organization", 0)
    s.persons = s.by_class.get("foaf:Person", 0)
    s.events = s.by_class.get("schema:Event", 0)
    s.projects = s.by_class.get("schema:Project", 0)
    s.cooperations = s.by_class.get("sk:Cooperation", 0)
    s.coparticipations = s.by_class.get("sk:CoParticipation", 0)
    for row in _rows(store, "SELECT ?t (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o sk:orgType ?t } GROUP BY ?t ORDER BY DESC(?n)"):
        s.by_org_type[row["t"].value.rsplit("/", 1)[-1]] = int(row["n"].value)
    # A cooperation counts once under each evidence type that supports it.
    for row in _rows(
        store,
        "SELECT ?t (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a sk:Cooperation ; sk:evidence/sk:evidenceType ?t } "
        "GROUP BY ?t ORDER BY DESC(?n)",
    ):
        s.cooperations_by_evidence[row["t"].value.rsplit("/", 1)[-1]] = int(row["n"].value)
    for row in _rows(store, "SELECT ?l (COUNT(?d) AS ?n) WHERE { ?d a sk:SourceDocument ; dcterms:language ?l } GROUP BY ?l"):
        s.sources_by_language[row["l"].value] = int(row["n"].value)
    return s


def format_stats(s: StoreStats) -> str:
    lines = [
        f"triples          {s.triples}",
        f"named graphs     {s.graphs}",
        f"sources          {s.sources}  " + " ".join(f"{k}:{v}" for k, v in sorted(s.sources_by_language.items())),
        f"organisations    {s.organisations}",
        f"persons          {s.persons}",
        f"events           {s.events}",
        f"projects         {s.projects}",
        f"cooperations     {s.cooperations}",
        f"co-participation {s.coparticipations} (pairs at the same event; not cooperation)",
    ]
    if s.cooperations_by_evidence:
        lines.append("cooperations by evidence type:")
        lines += [f"  {k:<14} {v}" for k, v in s.cooperations_by_evidence.items()]
    if s.by_org_type:
        lines.append("organisations by type:")
        lines += [f"  {k:<30} {v}" for k, v in s.by_org_type.items()]
    if s.by_class:
        lines.append("resources by class:")
        lines += [f"  {k:<30} {v}" for k, v in s.by_class.items()]
    return "\n".join(lines) + "\n"
