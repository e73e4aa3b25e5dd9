"""The real CLI over a real store: load, query, export, stats; packaging."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import rdflib

from socialkg.cli import cli

TTL = """@prefix ex: <http://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:mops skos:prefLabel "Miejski Ośrodek Pomocy Społecznej w Żywcu"@pl ; ex:partner ex:charita .
ex:charita skos:prefLabel "Oblastní charita Ústí nad Orlicí"@cs .
"""
TRIG = """@prefix ex: <http://example.org/> .
ex:g1 { ex:a ex:p "jeden" . }
ex:g2 { ex:b ex:p "dwa" . }
"""


def _files(tmp_path: Path) -> Path:
    d = tmp_path / "rdf"
    d.mkdir()
    (d / "orgs.ttl").write_text(TTL, encoding="utf-8")
    (d / "two.trig").write_text(TRIG, encoding="utf-8")
    return d


def invoke(runner, store: Path, *args: str):
    return runner.invoke(cli, ["--store", str(store), *args], catch_exceptions=False)


def test_load_query_export_reload(runner, tmp_path):
    store = tmp_path / "store"
    src = _files(tmp_path)
    first = invoke(runner, store, "load", str(src))
    assert first.exit_code == 0, first.output
    assert "2 document(s) loaded" in first.output and "0 error(s)" in first.output

    stats1 = json.loads(invoke(runner, store, "stats", "--json").output)
    again = invoke(runner, store, "load", str(src))
    # the Turtle file is skipped by its content hash; TriG graphs are replaced (same content)
    assert "1 unchanged" in again.output
    forced = invoke(runner, store, "load", "--force", str(src))
    assert forced.exit_code == 0
    stats2 = json.loads(invoke(runner, store, "stats", "--json").output)
    assert stats1["triples"] == stats2["triples"] and stats2["graphs"] == 3

    q = invoke(runner, store, "query", "SELECT ?l WHERE { ?o skos:prefLabel ?l } ORDER BY ?l", "--format", "csv")
    assert q.output.splitlines() == ["l", "Miejski Ośrodek Pomocy Społecznej w Żywcu", "Oblastní charita Ústí nad Orlicí"]

    out = tmp_path / "all.ttl"
    exp = invoke(runner, store, "export", "--format", "turtle", "-o", str(out))
    assert exp.exit_code == 0
    g = rdflib.Graph().parse(out, format="turtle")
    assert (rdflib.URIRef("http://example.org/mops"), rdflib.URIRef("http://example.org/partner"),
            rdflib.URIRef("http://example.org/charita")) in g
    assert "@prefix sk:" in out.read_text(encoding="utf-8")


def test_trig_export_loads_back_isomorphic(runner, tmp_path):
    store = tmp_path / "a"
    invoke(runner, store, "load", str(_files(tmp_path)))
    dump = tmp_path / "dump.trig"
    invoke(runner, store, "export", "--format", "trig", "-o", str(dump))
    other = tmp_path / "b"
    res = invoke(runner, other, "load", str(dump))
    assert res.exit_code == 0, res.output
    again = tmp_path / "again.trig"
    invoke(runner, other, "export", "--format", "trig", "-o", str(again))
    assert _canonical(dump) == _canonical(again)


def _canonical(path: Path) -> set:
    ds = ox.Dataset(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(ds)


def test_bad_rdf_is_reported_and_batch_goes_on(runner, tmp_path):
    src = _files(tmp_path)
    (src / "broken.ttl").write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "open .\n', encoding="utf-8")
    res = invoke(runner, tmp_path / "s", "load", str(src), str(tmp_path / "missing.ttl"))
    assert res.exit_code == 1
    assert "broken.ttl: Turtle syntax error at line 2" in res.output
    assert "missing.ttl: no such file or folder" in res.output
    assert "2 document(s) loaded" in res.output


def test_query_errors_are_one_clear_line(runner, tmp_path):
    store = tmp_path / "s"
    invoke(runner, store, "load", str(_files(tmp_path)))
    res = invoke(runner, store, "query", "SELECT * WHERE { ?s ?p }")
    assert res.exit_code == 1 and res.output.startswith("Error: SPARQL syntax error")
    res = invoke(runner, store, "query", "DELETE WHERE { ?s ?p ?o }")
    assert res.exit_code == 1 and "--update" in res.output
    res = invoke(runner, store, "query", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "--update")
    assert res.exit_code == 0
    assert json.loads(invoke(runner, store, "stats", "--json").output)["triples"] == 0


def test_query_on_missing_store_says_what_to_do(runner, tmp_path):
    res = invoke(runner, tmp_path / "none", "query", "ASK { ?s ?p ?o }")
    assert res.exit_code == 1 and "socialkg load" in res.output


def test_installed_package_does_not_squat_generic_names(tmp_path):
    code = ("import importlib.util as u, json; "
            "print(json.dumps([n for n in ('graph','loaders','ontology','cli','model') if u.find_spec(n)]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
    assert subprocess.run([sys.executable, "-c", "import socialkg.graph.store, socialkg.cli"], cwd=tmp_path).returncode == 0
