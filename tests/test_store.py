"""The embedded store: per-document named graphs, atomic replace, deterministic IRIs."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from socialkg.errors import StoreError, StoreLockedError
from socialkg.graph import iris, summary
from socialkg.graph.build import to_quads
from socialkg.graph.store import EmbeddedStore

from factories import sample_article, sample_extraction


def _load(store, article, extraction=None):
    quads = to_quads(article, extraction or sample_extraction(article))
    store.replace_documents({iris.graph_iri(article.source_iri): quads})
    return quads


def test_loading_same_document_twice_changes_nothing(store):
    art = sample_article()
    quads = _load(store, art)
    first = store.count_triples()
    assert first == len(quads)
    _load(store, art)
    assert store.count_triples() == first
    assert store.count_graphs() == 1


def test_changed_document_replaces_exactly_what_it_said(store):
    art = sample_article()
    _load(store, art)
    other = sample_article("other", "/data/other.txt")
    _load(store, other)
    before_other = set(store.raw.quads_for_pattern(None, None, None, iris.graph_iri(other.source_iri)))
    ex = sample_extraction(art)
    ex.organisations[1].name = "Stowarzyszenie Nowe"
    _load(store, art, ex)
    labels = {r["l"].value for r in store.query(
        "SELECT ?l WHERE { GRAPH ?g { ?o skos:prefLabel ?l } VALUES ?g { %s } }" % iris.graph_iri(art.source_iri))}
    assert "Stowarzyszenie Nowe" in labels and "Fundacja „Ala <b>”" not in labels
    assert set(store.raw.quads_for_pattern(None, None, None, iris.graph_iri(other.source_iri))) == before_other


def test_same_organisation_from_two_sources_is_one_node(store):
    _load(store, sample_article())
    _load(store, sample_article("b", "/data/b.txt"))
    rows = list(store.query("SELECT DISTINCT ?o WHERE { ?o skos:prefLabel 'Miejski Ośrodek Pomocy Społecznej w Kaliszu'@pl }"))
    assert len(rows) == 1
    sources = list(store.query(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?o skos:prefLabel 'Miejski Ośrodek Pomocy Społecznej w Kaliszu'@pl ; dcterms:source ?s }"))
    assert int(sources[0]["n"].value) == 2


def test_iris_are_deterministic_and_never_blank():
    art = sample_article()
    a = to_quads(art, sample_extraction(art))
    b = to_quads(art, sample_extraction(art))
    assert a == b
    assert not any(isinstance(t, ox.BlankNode) for q in a for t in (q.subject, q.object))


def test_cooperation_is_symmetric_and_qualified(store):
    _load(store, sample_article())
    rows = list(store.query(
        "SELECT ?t ?q WHERE { ?c a sk:Cooperation ; sk:party ?a, ?b ; sk:evidence ?e . FILTER(?a != ?b) "
        "?e sk:evidenceType ?t ; sk:quote ?q ; prov:wasDerivedFrom ?src ; sk:sentence ?s . "
        "?a sk:cooperatesWith ?b . ?b sk:cooperatesWith ?a }"))
    assert rows and rows[0]["t"].value.endswith("/evidence-type/agreement")
    # co-participation at the same event is a separate, weaker tie
    co = list(store.query("SELECT ?a ?b WHERE { ?a sk:coParticipatesWith ?b }"))
    assert co, "participants of the same event are tied by co-participation"
    assert not list(store.query("SELECT * WHERE { ?c a sk:Cooperation, sk:CoParticipation }"))


def test_store_persists_and_reopens(tmp_path):
    s = EmbeddedStore(tmp_path / "s")
    _load(s, sample_article())
    n = s.count_triples()
    s.close()
    again = EmbeddedStore(tmp_path / "s", read_only=True)
    assert again.count_triples() == n


def test_second_writer_gets_a_clear_message(tmp_path):
    s = EmbeddedStore(tmp_path / "s")
    with pytest.raises(StoreLockedError, match="in use"):
        EmbeddedStore(tmp_path / "s")
    s.close()


def test_read_only_open_of_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="socialkg load"):
        EmbeddedStore(tmp_path / "nothing", read_only=True)


@pytest.mark.parametrize("fmt", [ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE])
def test_triple_dump_states_each_triple_of_the_union_once(store, fmt):
    _load(store, sample_article())
    _load(store, sample_article("other", "/data/other.txt"))  # the same organisations again
    quads = list(store.raw.quads_for_pattern(None, None, None, None))
    stated = [ox.Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name != summary.SUMMARY_GRAPH]
    assert len(set(stated)) < len(stated)
    buf = io.BytesIO()
    store.dump(buf, fmt, prefixes={})
    dumped = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(buf.getvalue(), format=fmt)]
    assert len(dumped) == len(set(dumped)) and set(dumped) == set(stated)  # no summary, no repeats


def test_dump_keeps_graphs_in_trig(store):
    _load(store, sample_article())
    buf = io.BytesIO()
    store.dump(buf, ox.RdfFormat.TRIG, prefixes={})
    graphs = {q.graph_name for q in ox.parse(buf.getvalue(), format=ox.RdfFormat.TRIG)}
    assert graphs == {iris.graph_iri(sample_article().source_iri)}
