"""SHACL validation of a store or graph against `ontology/shapes.ttl`.

pyshacl validates each named graph of a dataset on its own, but socialkg's facts are
spread over one graph per source (an organisation's type in one graph, the tie that
names it in another). So validation runs on the union of all named graphs, the way
queries see the data, plus the SKOS vocabularies so that concept checks ("orgType is
a concept of the org-type scheme") can see the concepts.

The report groups results by severity, message and path, counts them, and lists a
few focus nodes per group, so a million-triple store gives a page, not a flood.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import ValidationError
from ..ontology import shapes_graph, vocab_graph
from ..ontology.terms import PREFIXES
from .store import Store
from .summary import SUMMARY_GRAPH

if TYPE_CHECKING:
    import rdflib

log = logging.getLogger(__name__)

DEFAULT_MAX_SHOWN = 5  # focus nodes listed per group of results
_SH = "http://www.w3.org/ns/shacl#"
# The summary graph is derived data for queries (graph/summary.py), not a source.
_UNION = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {SUMMARY_GRAPH}) }}"
# Longest namespace first, so `skv:org-type/ngo` is not shortened as `sk...`.
_SHORT = sorted({**PREFIXES, "skshape": "https://w3id.org/socialkg/shapes#"}.items(), key=lambda kv: -len(kv[1]))


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, with terms written the way a reader knows them (`sk:party`)."""

    severity: str  # "Violation" | "Warning" | "Info"
    focus: str
    path: str
    message: str
    value: str = ""


@dataclass
class ValidationReport:
    conforms: bool  # no violations (warnings do not break conformance)
    results: list[ValidationResult] = field(default_factory=list)
    max_shown: int = DEFAULT_MAX_SHOWN

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]

    def groups(self) -> list[tuple[tuple[str, str, str], list[ValidationResult]]]:
        """Results grouped by (severity, message, path); violations first, then by size."""
        grouped: dict[tuple[str, str, str], list[ValidationResult]] = defaultdict(list)
        for r in self.results:
            grouped[(r.severity, r.message, r.path)].append(r)
        order = {"Violation": 0, "Warning": 1, "Info": 2}
        return sorted(grouped.items(), key=lambda kv: (order.get(kv[0][0], 3), -len(kv[1]), kv[0][1]))

    @property
    def text(self) -> str:
        """A readable report: a summary line, then each group with a few focus nodes."""
        n_v, n_w = len(self.violations), len(self.warnings)
        head = "conforms" if self.conforms else "does not conform"
        lines = [f"{head}: {n_v} violation{'s' if n_v != 1 else ''}, {n_w} warning{'s' if n_w != 1 else ''}"]
        for (severity, message, path), items in self.groups():
            lines.append(f"{severity} x{len(items)}: {message}" + (f" [{path}]" if path else ""))
            for r in items[: self.max_shown]:
                lines.append(f"  {r.focus}" + (f" -> {r.value}" if r.value else ""))
            if len(items) > self.max_shown:
                lines.append(f"  and {len(items) - self.max_shown} more")
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.text


def union_graph(store: Store) -> rdflib.Graph:
    """The union of all named graphs of the store, as an rdflib graph."""
    import rdflib

    result = store.query(_UNION)
    try:
        data = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)
    except TypeError as exc:  # a store whose CONSTRUCT does not give pyoxigraph triples
        raise ValidationError(
            f"cannot read the triples of the store for validation: {exc}", path=store.location
        ) from exc
    graph = rdflib.Graph()
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def validate_store(store: Store, *, max_shown: int = DEFAULT_MAX_SHOWN) -> ValidationReport:
    """Validate the union of the store's graphs against the socialkg shapes."""
    graph = union_graph(store)
    log.info("validating %d triples from %s", len(graph), store.location)
    return validate_graph(graph, max_shown=max_shown)


def validate_graph(graph: rdflib.Graph, *, max_shown: int = DEFAULT_MAX_SHOWN) -> ValidationReport:
    """Validate one rdflib graph (already a union of sources) against the socialkg shapes.

    The SKOS vocabularies are added to a copy of the graph; `graph` is not changed.
    """
    import pyshacl
    import rdflib

    data = rdflib.Graph()
    for triple in graph:
        data.add(triple)
    data += vocab_graph()
    _conforms, results_graph, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True, advanced=False
    )
    results = _read_results(results_graph)
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(conforms=conforms, results=results, max_shown=max_shown)


def _read_results(results_graph: rdflib.Graph) -> list[ValidationResult]:
    import rdflib

    sh = rdflib.Namespace(_SH)
    out = []
    # pyshacl also types the nested results of sh:node as results (linked by sh:detail);
    # the outer result already says it in the shape's own words.
    details = set(results_graph.objects(None, sh.detail))
    for node in results_graph.subjects(rdflib.RDF.type, sh.ValidationResult):
        if node in details:
            continue
        severity = results_graph.value(node, sh.resultSeverity)
        messages = sorted(str(m) for m in results_graph.objects(node, sh.resultMessage))
        out.append(
            ValidationResult(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=_short(results_graph.value(node, sh.focusNode)),
                path=_short_path(results_graph, results_graph.value(node, sh.resultPath)),
                message=messages[0] if messages else "constraint not met",
                value=_short(results_graph.value(node, sh.value)),
            )
        )
    out.sort(key=lambda r: (r.severity, r.message, r.path, r.focus, r.value))
    return out


def _short(term: object, prefixes: Mapping[str, str] | None = None) -> str:
    import rdflib

    if term is None:
        return ""
    if isinstance(term, rdflib.URIRef):
        iri = str(term)
        for prefix, ns in _SHORT:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(term, rdflib.Literal):
        return term.n3()
    return str(term)


def _short_path(g: rdflib.Graph, path: object) -> str:
    """A SHACL path in readable form: `sk:party`, `^sk:evidence`, `sk:evidence/sk:evidenceType`."""
    import rdflib
    from rdflib.collection import Collection

    if path is None:
        return ""
    if isinstance(path, rdflib.URIRef):
        return _short(path)
    inverse = g.value(path, rdflib.URIRef(_SH + "inversePath"))
    if inverse is not None:
        return "^" + _short_path(g, inverse)
    if (path, rdflib.RDF.first, None) in g:
        return "/".join(_short_path(g, p) for p in Collection(g, path))
    return str(path)


__all__ = ["ValidationReport", "ValidationResult", "union_graph", "validate_graph", "validate_store"]
