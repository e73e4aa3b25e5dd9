"""The summary graph: one small, derived description per entity, for fast saved queries.

Every source has its own named graph, so an organisation named by 300 articles has its
labels, type and place 300 times over in the union, and a question such as "all
organisations with their type, place and number of sources" has to aggregate the
whole store. The summary graph `<https://w3id.org/socialkg/summary>` holds, once per
entity, what the saved queries list (terms `sks:` in `ontology/summary.ttl`):

- organisation: label, type, place, acronyms, number of sources, a lower-case search key;
- person: name; post (membership): person, organisation, role, number of sources;
- tie (cooperation / co-participation): kind, strongest evidence type, number of sources;
- event, project: the listed fields, lists already joined in name order;
- source document: title, language, date, its graph and the graph's size.

It is derived data, never a source: exports, validation, statistics and graph counts
leave it out, and `socialkg reindex` rebuilds it from the source graphs.

How it stays right: writing a batch of documents also writes, in the same transaction,
an `sks:stale` marker on every entity the batch's new or replaced graphs describe; a
refresh (at the end of each load) recomputes the marked entities from all their
sources and drops the markers, in one transaction per chunk. A load killed between the
two leaves markers behind, which the next load (or `reindex`) refreshes. Each entity's
summary depends only on the graphs that describe it, so a refresh costs what those
entities are mentioned, not the size of the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..model import CO_PARTICIPATION, COOPERATION_BASES
from ..ontology.terms import BASE, RDF_TYPE, VOCAB, dcterms, foaf, org, schema, sk, skos, xsd
from .gc_pause import gc_paused

if TYPE_CHECKING:
    from .store import Store

SUMMARY_GRAPH = ox.NamedNode(BASE + "summary")
SKS = BASE + "summary#"
CHUNK = 1000  # entities per refresh transaction
EMPTY = ox.Literal("")  # a field with no value


class _NS:
    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = ox.NamedNode(SKS + name)
        setattr(self, name, node)
        return node


sks = _NS()
STALE = sks.stale
TRUE = ox.Literal("true", datatype=xsd.boolean)

# The entity kinds that have a summary, by their rdf:type in the source graphs.
KINDS: dict[ox.NamedNode, str] = {
    org.Organization: "organisation",
    foaf.Person: "person",
    org.Membership: "membership",
    sk.Cooperation: "cooperation",
    sk.CoParticipation: "co-participation",
    schema.Event: "event",
    schema.Project: "project",
    sk.SourceDocument: "source",
}
_EVIDENCE_RANK = {ox.NamedNode(f"{VOCAB}evidence-type/{b}"): i for i, b in enumerate((*COOPERATION_BASES, CO_PARTICIPATION))}
# Links a summary follows, and what it reads of the node at the other end, in the same
# source graph (looked up one by one: fetching those nodes whole cost more than the rest).
_FOLLOW: dict[ox.NamedNode, tuple[ox.NamedNode, ...]] = {
    schema.location: (schema.name,),
    schema.organizer: (skos.prefLabel,),
    schema.attendee: (skos.prefLabel,),
    sk.lead: (skos.prefLabel,),
    sk.partner: (skos.prefLabel,),
    sk.fundedBy: (schema.name,),
    sk.budget: (schema.value, schema.currency),
    sk.evidence: (sk.evidenceType,),
}

# What is read at the other end of those links: a load keeps these values in memory.
FOLLOWED_ATTRS = frozenset(a for attrs in _FOLLOW.values() for a in attrs)


def markers_for(entities: Iterable[ox.NamedNode]) -> list[ox.Quad]:
    """Stale markers for these entities, to be written with the documents that changed them."""
    return [ox.Quad(e, STALE, TRUE, SUMMARY_GRAPH) for e in sorted(entities, key=lambda n: n.value)]


def described_entities(quads: Iterable[ox.Quad]) -> set[ox.NamedNode]:
    return {q.subject for q in quads
            if q.predicate == RDF_TYPE and q.object in KINDS and isinstance(q.subject, ox.NamedNode)}


_Linked = dict  # (node, predicate, graph) -> [objects]: what store.values_in_graphs returns


@dataclass
class _Facts:
    """What the source graphs say about one entity: values per predicate, per graph."""

    by_graph: dict[ox.NamedNode, dict[ox.NamedNode, list]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))

    def values(self, p: ox.NamedNode) -> list:
        return [v for props in self.by_graph.values() for v in props.get(p, ())]

    def first(self, p: ox.NamedNode) -> ox.Literal | ox.NamedNode | None:
        """The least value (deterministic whatever order the store returns)."""
        vals = self.values(p)
        return min(vals, key=lambda t: (t.value, str(t))) if vals else None


def refresh(store: Store) -> int:
    """Recompute every entity marked stale; returns how many were refreshed."""
    done = 0
    with gc_paused():
        while True:
            # All at once: scanning from the start for each chunk would step over the
            # markers already deleted (tombstones) again and again.
            rows = store.query(f"SELECT DISTINCT ?e WHERE {{ GRAPH {SUMMARY_GRAPH} {{ ?e {STALE} ?t }} }}")
            stale = sorted((r["e"] for r in rows), key=lambda n: n.value)
            if not stale:
                return done
            for i in range(0, len(stale), CHUNK):
                chunk = stale[i : i + CHUNK]
                store.replace_summaries(chunk, summarise(store, chunk))
            done += len(stale)


def rebuild(store: Store) -> int:
    """Drop the summary graph and summarise every entity again (after `query --update`,
    or for a store loaded by an older socialkg or another tool)."""
    types = " ".join(str(t) for t in KINDS)
    entities = sorted(
        {r["s"] for r in store.query(
            f"SELECT DISTINCT ?s WHERE {{ VALUES ?t {{ {types} }} GRAPH ?g {{ ?s a ?t }} "
            f"FILTER(?g != {SUMMARY_GRAPH} && isIRI(?s)) }}")},
        key=lambda n: n.value,
    )
    store.query(f"DROP SILENT GRAPH {SUMMARY_GRAPH}", update=True)
    with gc_paused():
        for i in range(0, len(entities), CHUNK):
            chunk = entities[i : i + CHUNK]
            store.replace_summaries(chunk, summarise(store, chunk))
    return len(entities)


def summarise(store: Store, entities: Sequence[ox.NamedNode]) -> list[ox.Quad]:
    """The summary quads of these entities, read from every source graph that describes them."""
    facts = _gather(store.subject_quads(entities))
    wanted = {(v, attr, g) for f in facts.values() for g, props in f.by_graph.items()
              for p, vals in props.items() if p in _FOLLOW
              for v in vals if isinstance(v, ox.NamedNode) for attr in _FOLLOW[p]}
    linked = store.values_in_graphs(sorted(wanted, key=lambda k: (k[0].value, k[1].value, k[2].value)))
    sizes = _graph_sizes(store, facts, entities)
    out: list[ox.Quad] = []
    for e in entities:
        f = facts.get(e)
        if f is None:
            continue  # no source describes it any more: its summary goes
        kinds = {KINDS[t] for t in f.values(RDF_TYPE) if t in KINDS}
        for kind in sorted(kinds):
            out.append(ox.Quad(e, sks.kind, ox.Literal(kind), SUMMARY_GRAPH))
            out.extend(ox.Quad(e, p, o, SUMMARY_GRAPH) for p, o in _SUMMARISERS[kind](e, f, linked, sizes))
    return out


def _gather(quads: Iterable[ox.Quad]) -> dict[ox.NamedNode, _Facts]:
    facts: dict[ox.NamedNode, _Facts] = {}
    for q in quads:
        g, s = q.graph_name, q.subject  # each read of a Quad's field makes a new object
        if g == SUMMARY_GRAPH or not isinstance(s, ox.NamedNode):
            continue
        f = facts.get(s)
        if f is None:
            f = facts[s] = _Facts()
        f.by_graph[g][q.predicate].append(q.object)
    return facts


def _graph_sizes(store: Store, facts: dict[ox.NamedNode, _Facts], entities: Sequence[ox.NamedNode]) -> dict:
    graphs = {g for e in entities if e in facts for g, props in facts[e].by_graph.items()
              if sk.SourceDocument in props.get(RDF_TYPE, ())}
    return store.graph_sizes_of(sorted(graphs, key=lambda n: n.value)) if graphs else {}


def _linked_values(f: _Facts, link: ox.NamedNode, attr: ox.NamedNode, linked: _Linked) -> list[str]:
    """Values of `attr` on the nodes `link` points to, read in the same source graph."""
    out = set()
    for g, props in f.by_graph.items():
        for target in props.get(link, ()):
            out.update(v.value for v in linked.get((target, attr, g), ()))
    return sorted(out)


def _lit(value: str | None) -> ox.Literal | None:
    return ox.Literal(value) if value is not None else None


def _count(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=xsd.integer)


def _emit(pairs: Iterable[tuple[ox.NamedNode, object]]) -> Iterator[tuple[ox.NamedNode, ox.Literal | ox.NamedNode]]:
    """Every field of a kind is always there, "" when unknown, so queries need no
    OPTIONAL per field: Virtuoso's cost estimator refuses a handful of them."""
    for p, o in pairs:
        yield p, EMPTY if o is None else o


def _sources(f: _Facts) -> ox.Literal:
    return _count(len(f.by_graph))


def _organisation(e, f: _Facts, linked, sizes):  # type: ignore[no-untyped-def]
    names = {v.value for p in (skos.prefLabel, skos.altLabel, sk.acronym) for v in f.values(p)}
    place = _linked_values(f, schema.location, schema.name, linked)
    acronyms = sorted({v.value for v in f.values(sk.acronym)})
    yield from _emit([
        (sks.label, f.first(skos.prefLabel)),
        (sks.orgType, f.first(sk.orgType)),
        (sks.place, _lit(place[0]) if place else None),
        (sks.acronyms, _lit(", ".join(acronyms)) if acronyms else None),
        (sks.sources, _count(len({v for v in f.values(dcterms.source)}) or len(f.by_graph))),
        (sks.search, _lit("\n".join(sorted(n.lower() for n in names)))),
    ])


def _person(e, f: _Facts, linked, sizes):  # type: ignore[no-untyped-def]
    yield from _emit([(sks.label, f.first(foaf.name)), (sks.sources, _sources(f))])


def _membership(e, f: _Facts, linked, sizes):  # type: ignore[no-untyped-def]
    yield from _emit([
        (sks.person, f.first(org.member)),
        (sks.organisation, f.first(org.organization)),
        (sks.role, f.first(sk.roleLabel)),
        (sks.sources, _sources(f)),
    ])


def _tie(e, f: _Facts, linked, sizes):  # type: ignore[no-untyped-def]
    types = _linked_values(f, sk.evidence, sk.evidenceType, linked)
    ranked = sorted((_EVIDENCE_RANK.get(ox.NamedNode(t), len(_EVIDENCE_RANK)), t) for t in types)
    yield from _emit([
        (sks.strongest, ox.NamedNode(ranked[0][1]) if ranked else None),
        (sks.sources, _sources(f)),
    ])


def _event(e, f: _Facts, linked, sizes):  # type: ignore[no-untyped-def]
    place = _linked_values(f, schema.location, schema.name, linked)
    organisers = _linked_values(f, schema.organizer, skos.prefLabel, linked)
    participants = _linked_values(f, schema.attendee, skos.prefLabel, linked)
    yield from _emit([
        (sks.label, f.first(schema.name)),
        (sks.eventType, f.first(sk.eventType)),
        (sks.date, f.first(schema.startDate)),
        (sks.place, _lit(place[0]) if place else None),
        (sks.organisers, _lit("; ".join(organisers)) if organisers else None),
        (sks.participants, _lit("; ".join(participants)) if participants else None),
        (sks.sources, _sources(f)),
    ])


def _project(e, f: _Facts, linked, sizes):  # type: ignore[no-untyped-def]
    leads = _linked_values(f, sk.lead, skos.prefLabel, linked)
    partners = _linked_values(f, sk.partner, skos.prefLabel, linked)
    funds = _linked_values(f, sk.fundedBy, schema.name, linked)
    # one budget per source; sources that disagree: the least, deterministically
    budgets = sorted(
        ((value, (linked.get((b, schema.currency, g)) or [None])[0])
         for g, props in f.by_graph.items() for b in props.get(sk.budget, ())
         for value in linked.get((b, schema.value, g), ())[:1]),
        key=lambda vc: (float(vc[0].value), str(vc[1])),
    )
    budget = budgets[0] if budgets else (None, None)
    yield from _emit([
        (sks.label, f.first(schema.name)),
        (sks.leads, _lit("; ".join(leads)) if leads else None),
        (sks.partners, _lit("; ".join(partners)) if partners else None),
        (sks.funding, _lit("; ".join(funds)) if funds else None),
        (sks.budget, budget[0]),
        (sks.currency, budget[1]),
        (sks.sources, _sources(f)),
    ])


def _source(e, f: _Facts, linked, sizes):  # type: ignore[no-untyped-def]
    graphs = sorted((g for g, props in f.by_graph.items() if sk.SourceDocument in props.get(RDF_TYPE, ())),
                    key=lambda n: n.value)
    for g in graphs:
        yield sks.graph, g
    yield sks.triples, _count(sum(sizes.get(g, 0) for g in graphs))
    yield from _emit([
        (sks.title, f.first(dcterms.title)),
        (sks.language, f.first(dcterms.language)),
        (sks.date, f.first(dcterms.issued)),
    ])


_SUMMARISERS = {
    "organisation": _organisation,
    "person": _person,
    "membership": _membership,
    "cooperation": _tie,
    "co-participation": _tie,
    "event": _event,
    "project": _project,
    "source": _source,
}

