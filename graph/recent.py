"""What a load wrote into graphs new to the store, kept until the summary refresh.

The summary refresh at the end of a load (graph/summary.py) reads every quad of every
entity the load described. Read back from the embedded store, each quad costs a
dictionary look-up per term (about 13 µs a quad here: 6 of the 14 s a 1M-triple load
spent refreshing). The load had those quads in memory a moment earlier, so the store
keeps them here, by subject, and answers the refresh's reads from memory where that is
complete:

- a graph written by this load as a new graph is wholly here;
- an entity is wholly here if, when the load first described it, no other graph did:
  it had neither a summary nor a stale marker (every write marks what it describes, in
  the same atomic step, so a graph describing it would have left one of the two).

It also keeps, for the graphs it wrote, the values a summary follows to other nodes (a
place's name, an evidence's type: `followed` predicates). Everything else is read from
the store, as before. Past `limit` quads it gives up and forgets everything (memory
stays bounded; the refresh is then as before).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import pyoxigraph as ox

DEFAULT_LIMIT = 2_000_000  # quads held; about 0.5 GB of Python objects


class RecentWrites:
    def __init__(self, followed: Iterable[ox.NamedNode] = (), limit: int = DEFAULT_LIMIT) -> None:
        self.followed = frozenset(followed)
        self.limit = limit
        self.enabled = True
        self._clear()

    def _clear(self) -> None:
        self.by_subject: dict[ox.NamedNode, list[ox.Quad]] = {}
        self.graphs: set[ox.NamedNode] = set()  # written by this load as new graphs
        self.entities: set[ox.NamedNode] = set()  # described only by those graphs
        self.elsewhere: set[ox.NamedNode] = set()  # also described by graphs not written by this load
        self.values: dict[tuple, list] = {}  # (subject, followed predicate, graph) -> objects
        self.count = 0

    def reset(self) -> None:
        """After a refresh: what was held is summarised; start again (and enabled again)."""
        self.enabled = True
        self._clear()

    def disable(self) -> None:
        self.enabled = False
        self._clear()

    def classify(self, entities: Iterable[ox.NamedNode], described_before: Callable[[ox.NamedNode], bool]) -> set[ox.NamedNode]:
        """Before a write of new graphs: which of these entities no graph describes yet
        (asked of the store once per entity, and only for those not seen before)."""
        if not self.enabled:
            return set()
        return {e for e in entities
                if e not in self.entities and e not in self.elsewhere and not described_before(e)}

    def record(self, graphs: Mapping[ox.NamedNode, Sequence[ox.Quad]], entities: Iterable[ox.NamedNode],
               fresh: set[ox.NamedNode]) -> None:
        """After the write succeeded: hold the quads about entities held whole, and the
        followed values; `fresh` is what `classify` returned."""
        if not self.enabled:
            return
        for e in entities:
            if e not in self.entities:
                (self.entities if e in fresh else self.elsewhere).add(e)
        self.graphs.update(graphs)
        held, by_subject, followed, values = self.entities, self.by_subject, self.followed, self.values
        n = 0
        for g, quads in graphs.items():
            for q in quads:
                s = q.subject
                if s in held:
                    n += 1
                    found = by_subject.get(s)
                    if found is None:
                        by_subject[s] = [q]
                    else:
                        found.append(q)
                p = q.predicate
                if p in followed:
                    n += 1
                    values.setdefault((s, p, g), []).append(q.object)
        self.count += n
        if self.count > self.limit:
            self.disable()

    def forget(self, graphs: Iterable[ox.NamedNode], entities: Iterable[ox.NamedNode]) -> None:
        """Graphs were replaced: what they describe is read from the store from now on."""
        if not self.enabled:
            return
        if not self.graphs.isdisjoint(graphs):
            self.disable()  # a graph written by this load was replaced: rare, not worth untangling
            return
        for e in entities:
            if e in self.entities:
                self.entities.discard(e)
                self.by_subject.pop(e, None)
            self.elsewhere.add(e)

    def holds_entity(self, e: ox.NamedNode) -> bool:
        return e in self.entities

    def holds_graph(self, g: ox.NamedNode) -> bool:
        return g in self.graphs

    def values_of(self, subject: ox.NamedNode, predicate: ox.NamedNode, graph: ox.NamedNode) -> list:
        """The objects of a followed predicate, in a graph this load wrote."""
        return self.values.get((subject, predicate, graph), [])

    def quads_of(self, subject: ox.NamedNode) -> list[ox.Quad]:
        return self.by_subject.get(subject, [])
