"""SHACL validation of a real store (union of per-source graphs) against ontology/shapes.ttl."""

from __future__ import annotations

import pytest

from socialkg.graph.store import EmbeddedStore
from socialkg.graph.validate import union_graph, validate_graph, validate_store

import kg_fixture
from kg_fixture import load

PREFIXES = """PREFIX sk: <https://w3id.org/socialkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture
def kg(tmp_path):
    store = EmbeddedStore(tmp_path / "s")
    load(store)
    yield store
    store.close()


def _update(store, body: str) -> None:
    """A SPARQL update; unlike queries, its WHERE sees named graphs only through GRAPH."""
    store.query(PREFIXES + body, update=True)


def test_data_as_built_conforms(kg):
    report = validate_store(kg)
    assert report.conforms, report.text
    assert report.results == []
    assert report.text.startswith("conforms: 0 violations, 0 warnings")


def test_union_is_validated_not_each_graph(kg):
    # the tie MOPS-Fundacja has its evidence in two graphs; the union holds it once
    graph = union_graph(kg)
    assert len(graph) == len(set(graph))
    assert validate_graph(graph).conforms


def test_tie_with_one_party_and_bad_type_are_reported_readably(kg):
    _update(kg, """
        DELETE { GRAPH ?g { ?tie sk:party ?p } } WHERE {
          { SELECT ?tie (MAX(STR(?x)) AS ?last) WHERE { GRAPH ?h {
              ?tie a sk:Cooperation ; sk:party ?x ; sk:party ?o2 .
              ?o2 skos:prefLabel "Oblastní charita Kutná Hora"@cs } } GROUP BY ?tie }
          GRAPH ?g { ?tie sk:party ?p } FILTER(STR(?p) = ?last) } ;
        DELETE { GRAPH ?g { ?o sk:orgType ?t } } INSERT { GRAPH ?g { ?o sk:orgType <https://w3id.org/socialkg/vocab/org-type/charity> } }
        WHERE { GRAPH ?g { ?o skos:prefLabel "Fundacja Ala"@pl ; sk:orgType ?t } }
    """)
    report = validate_store(kg)
    assert not report.conforms
    text = report.text
    assert "does not conform" in text
    assert "a tie needs exactly two distinct parties (sk:party) [sk:party]" in text
    assert "ski:cooperation/cooperation-" in text
    assert "sk:orgType must be a concept of the org-type scheme" in text
    assert "-> skv:org-type/charity" in text
    focus = {r.focus for r in report.violations}
    assert any(f.startswith("ski:org/fundacja-ala-") for f in focus)
    assert "skv:org-type/charity" not in focus  # nested sh:node details are folded into their parent


def test_cooperation_with_co_participation_evidence_is_a_violation(kg):
    _update(kg, """
        DELETE { GRAPH ?g { ?ev sk:evidenceType ?t } }
        INSERT { GRAPH ?g { ?ev sk:evidenceType <https://w3id.org/socialkg/vocab/evidence-type/co-participation> } }
        WHERE { GRAPH ?g { ?tie a sk:Cooperation ; sk:evidence ?ev . ?ev sk:evidenceType ?t } }
    """)
    report = validate_store(kg)
    assert not report.conforms
    assert "never co-participation" in report.text
    assert "[sk:evidence/sk:evidenceType]" in report.text


def test_offsets_confidence_and_currency_are_checked(kg):
    _update(kg, """
        DELETE { GRAPH ?g { ?m oa:start ?s } } INSERT { GRAPH ?g { ?m oa:start 9999 } }
        WHERE { GRAPH ?g { ?m a sk:Mention ; sk:surfaceForm "Jana Dvořáková" ; oa:start ?s } } ;
        DELETE { GRAPH ?g { ?e sk:confidence ?c } } INSERT { GRAPH ?g { ?e sk:confidence 1.5 } }
        WHERE { GRAPH ?g { ?e a sk:Evidence ; sk:quote "podpisał porozumienie z Fundacją Ala"@pl ; sk:confidence ?c } } ;
        DELETE { GRAPH ?g { ?a schema:currency ?c } } INSERT { GRAPH ?g { ?a schema:currency "zł" } }
        WHERE { GRAPH ?g { ?a a schema:MonetaryAmount ; schema:currency ?c } }
    """)
    report = validate_store(kg)
    messages = {r.message for r in report.violations}
    assert "the mention starts after it ends (oa:start > oa:end)" in messages
    assert "sk:confidence must be an xsd:decimal between 0 and 1" in messages
    assert any("ISO 4217" in m for m in messages)


def test_missing_source_and_orphan_evidence(kg):
    _update(kg, """
        DELETE { GRAPH ?g { ?src sk:contentHash ?h } } WHERE { GRAPH ?g { ?src a sk:SourceDocument ; sk:contentHash ?h } } ;
        DELETE { GRAPH ?g { ?tie sk:evidence ?ev } } WHERE { GRAPH ?g { ?tie a sk:CoParticipation ; sk:evidence ?ev } }
    """)
    report = validate_store(kg)
    text = report.text
    assert "a source document needs exactly one sk:contentHash" in text
    assert "an evidence item supports no tie" in text and "[^sk:evidence]" in text
    assert "a tie needs at least one evidence item (sk:evidence)" in text


def test_warnings_do_not_break_conformance(kg):
    # a second source naming MOPS differently: two prefLabels in one language
    _update(kg, """
        INSERT { GRAPH <https://w3id.org/socialkg/graph/other> { ?o skos:prefLabel "MOPS Kalisz"@pl } }
        WHERE { GRAPH ?g { ?o sk:acronym "MOPS" } }
    """)
    report = validate_store(kg)
    assert report.conforms, report.text
    assert [w.message for w in report.warnings] == [
        "sources disagree on the canonical name: more than one skos:prefLabel in one language"
    ]
    assert "conforms: 0 violations, 1 warning" in report.text


def test_long_groups_are_cut_with_a_count(kg):
    # every place loses its name: several focus nodes, one group
    _update(kg, "DELETE { GRAPH ?g { ?p schema:name ?n } } WHERE { GRAPH ?g { ?p a schema:Place ; schema:name ?n } }")
    report = validate_store(kg, max_shown=1)
    assert "Violation x2: a place needs a name (schema:name) [schema:name]" in report.text
    assert "  and 1 more" in report.text


def test_empty_store_conforms(tmp_path):
    with EmbeddedStore(tmp_path / "empty") as store:
        assert validate_store(store).conforms


def test_fixture_is_the_documented_one():
    assert [a.doc for a, _ in kg_fixture.articles()] == ["kalisz-forum", "kalisz-porozumienie", "kutna-hora"]
