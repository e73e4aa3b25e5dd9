"""The summary graph (graph/summary.py): derived per-entity descriptions that the saved
queries read. It must follow every change of the source graphs (a replaced or emptied
document, an update, a load that was cut off), equal a rebuild from scratch, and stay
out of exports and validation."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from socialkg.cli import cli
from socialkg.graph.build import to_quads
from socialkg.graph.iris import graph_iri
from socialkg.graph.query import run_query, saved_queries
from socialkg.graph.store import EmbeddedStore
from socialkg.graph.summary import SKS, STALE, SUMMARY_GRAPH

from kg_fixture import MOPS, articles, kalisz_forum, kalisz_porozumienie, load


def summary_quads(store: EmbeddedStore) -> set[ox.Quad]:
    return set(store.raw.quads_for_pattern(None, None, None, SUMMARY_GRAPH))


def org_row(store: EmbeddedStore, label: str) -> dict | None:
    table = run_query(store, saved_queries()["organisations"].bind({}))
    for row in table.rows:
        values = dict(zip(table.variables, row))
        if values["label"].value == label:
            return {k: (v.value if v is not None else None) for k, v in values.items()}
    return None


def test_incremental_summaries_equal_a_rebuild(tmp_path):
    store = load(EmbeddedStore(tmp_path / "s"))
    incremental = summary_quads(store)
    assert incremental and not any(q.predicate == STALE for q in incremental)
    assert store.rebuild_summary() > 0
    assert summary_quads(store) == incremental


def test_a_replaced_document_changes_the_counts_and_a_dropped_one_removes_its_entities(tmp_path):
    store = load(EmbeddedStore(tmp_path / "s"))
    before = org_row(store, MOPS)
    assert before is not None and int(before["sources"]) == 2
    # the Kalisz agreement is re-loaded saying nothing about anyone
    article, _ = kalisz_porozumienie()
    g = graph_iri(article.source_iri)
    source_only = [q for q in to_quads(article, kalisz_porozumienie()[1]) if q.subject == ox.NamedNode(article.source_iri)]
    store.replace_documents({g: source_only})
    assert int(org_row(store, MOPS)["sources"]) == 1
    # ... and the forum too: MOPS is named nowhere any more, so it has no summary
    forum, forum_x = kalisz_forum()
    fg = graph_iri(forum.source_iri)
    store.replace_documents({fg: [q for q in to_quads(forum, forum_x) if q.subject == ox.NamedNode(forum.source_iri)]})
    assert org_row(store, MOPS) is None
    # what remains equals a summary built from scratch
    kept = summary_quads(store)
    store.rebuild_summary()
    assert summary_quads(store) == kept


def test_markers_left_by_an_interrupted_load_are_refreshed_by_the_next(tmp_path):
    store = EmbeddedStore(tmp_path / "s")
    docs = {graph_iri(a.source_iri): to_quads(a, x) for a, x in articles()}
    store.replace_documents(docs, refresh=False)  # as if killed before the refresh
    stale = {q.subject for q in store.raw.quads_for_pattern(None, STALE, None, SUMMARY_GRAPH)}
    assert stale and org_row(store, MOPS) is None  # not yet summarised
    store.replace_documents({})  # any later write refreshes what was left
    assert not list(store.raw.quads_for_pattern(None, STALE, None, SUMMARY_GRAPH))
    assert org_row(store, MOPS) is not None
    reference = load(EmbeddedStore(tmp_path / "ref"))
    assert summary_quads(store) == summary_quads(reference)


def test_summary_is_left_out_of_exports_and_validation(runner, tmp_path):
    store_dir = tmp_path / "s"
    load(EmbeddedStore(store_dir)).close()
    for fmt in ("trig", "nq", "turtle"):
        out = tmp_path / f"out.{fmt}"
        res = runner.invoke(cli, ["--store", str(store_dir), "export", "-f", fmt, "-o", str(out)])
        assert res.exit_code == 0, res.output
        text = out.read_text(encoding="utf-8")
        assert SKS not in text and str(SUMMARY_GRAPH.value) not in text, fmt
    res = runner.invoke(cli, ["--store", str(store_dir), "validate"])
    assert res.exit_code == 0, res.output
    # loading the export into an empty store rebuilds the same summaries
    again = tmp_path / "again"
    res = runner.invoke(cli, ["--store", str(again), "load", str(tmp_path / "out.trig")])
    assert res.exit_code == 0, res.output
    a, b = EmbeddedStore(store_dir, read_only=True), EmbeddedStore(again, read_only=True)
    ga, gb = rdflib.Graph(), rdflib.Graph()
    for store, graph in ((a, ga), (b, gb)):
        data = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in summary_quads(store)),
                            format=ox.RdfFormat.N_TRIPLES)
        graph.parse(data=data.decode("utf-8"), format="nt")
    assert isomorphic(ga, gb)


def test_an_update_rebuilds_the_summary_and_reindex_is_a_command(runner, tmp_path):
    store_dir = tmp_path / "s"
    load(EmbeddedStore(store_dir)).close()
    res = runner.invoke(cli, ["--store", str(store_dir), "query", "--update",
                              f'DELETE {{ GRAPH ?g {{ ?o skos:prefLabel "{MOPS}"@pl }} }} '
                              f'INSERT {{ GRAPH ?g {{ ?o skos:prefLabel "MOPS Kalisz"@pl }} }} '
                              f'WHERE {{ GRAPH ?g {{ ?o skos:prefLabel "{MOPS}"@pl }} }}'])
    assert res.exit_code == 0, res.output
    assert "summaries of" in res.stderr
    res = runner.invoke(cli, ["--store", str(store_dir), "query", "organisations", "-f", "csv"])
    assert "MOPS Kalisz" in res.stdout and MOPS not in res.stdout
    res = runner.invoke(cli, ["--store", str(store_dir), "reindex"])
    assert res.exit_code == 0 and re.search(r"summaries of \d+ entities rebuilt", res.stdout), res.output


def test_every_summary_term_is_documented():
    doc = rdflib.Graph().parse(
        data=resources.files("socialkg.ontology").joinpath("summary.ttl").read_text(encoding="utf-8"), format="turtle")
    documented = {str(s)[len(SKS):] for s in doc.subjects() if str(s).startswith(SKS)}
    used = set(re.findall(r"sks\.(\w+)", Path(resources.files("socialkg.graph").joinpath("summary.py")).read_text()))
    for rq in resources.files("socialkg.graph").joinpath("queries").iterdir():
        used |= set(re.findall(r"sks:(\w+)", rq.read_text(encoding="utf-8")))
    assert used and used <= documented, used - documented
    for term in documented:
        s = rdflib.URIRef(SKS + term)
        langs = {o.language for o in doc.objects(s, rdflib.RDFS.label)}
        assert {"en", "pl", "cs"} <= langs, term
        assert list(doc.objects(s, rdflib.SKOS.definition)), term


def _synthetic_graphs(first: int, last: int) -> dict[ox.NamedNode, list[ox.Quad]]:
    """Synthetic documents (bench/corpus.py): many bodies, people and ties shared between them."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench import corpus

    graphs = {}
    for i in range(first, last):
        doc = corpus.make_doc(7, i)
        article = corpus.article_for(doc, 7)
        graphs[graph_iri(article.source_iri)] = to_quads(article, doc.extraction())
    return graphs


def _batches(graphs: dict, size: int) -> list[dict]:
    items = list(graphs.items())
    return [dict(items[i : i + size]) for i in range(0, len(items), size)]


@pytest.mark.parametrize("case", ["held", "held graph replaced", "memory limit"])
def test_a_load_summarised_from_what_it_wrote_equals_a_rebuild(tmp_path, case):
    """The refresh after a load reads the load's own new graphs from memory
    (graph/recent.py); entities also described by graphs of an earlier load, or by a
    graph the load replaced, are read from the store. Either way: equal to a rebuild.
    With a small memory limit the load gives up holding quads part-way through."""
    store = EmbeddedStore(tmp_path / "s")
    for batch in _batches(_synthetic_graphs(0, 30), 10):
        store.replace_documents(batch, refresh=False)
    store.refresh_summary()
    store.close()

    store = EmbeddedStore(tmp_path / "s")  # a second load, in a new process as it were
    if case == "memory limit":
        store._recent.limit = 3000
    later = _synthetic_graphs(30, 90)
    batches = _batches(later, 15)
    for i, batch in enumerate(batches):
        store.replace_documents(batch, refresh=False)
        if i == 1:  # a document of the first load and one of this load are replaced
            earlier = _synthetic_graphs(5, 6)
            g_old, quads_old = next(iter(earlier.items()))
            store.replace_documents({g_old: quads_old[: len(quads_old) // 2]}, refresh=False)
            if case == "held graph replaced":
                g_new, quads_new = next(iter(batches[0].items()))
                store.replace_documents({g_new: quads_new[: len(quads_new) // 3]}, refresh=False)
    recent = store._recent
    if case == "held":  # both kinds of entity are there: read from memory, and from the store
        assert recent.enabled and recent.entities and recent.elsewhere
    else:
        assert not recent.enabled and not recent.by_subject
    store.refresh_summary()
    assert not list(store.raw.quads_for_pattern(None, STALE, None, SUMMARY_GRAPH))
    incremental = summary_quads(store)
    store.rebuild_summary()
    assert summary_quads(store) == incremental
