"""The partnership network: building it from a real store, filters, name resolution,
statistics, every export format, the page's escaping, and the `network` command."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from socialkg.cli import cli
from socialkg.errors import QueryError
from socialkg.graph.network import (
    AmbiguousOrganisationError,
    UnknownOrganisationError,
    build_network,
    format_stats,
    network_stats,
    resolve_organisation,
    resolve_one,
    short_label,
    write_network,
)
from socialkg.graph.render import render_html

_spec = importlib.util.spec_from_file_location("network_fixture", Path(__file__).with_name("network_fixture.py"))
fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixture)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("network") / "store"
    fixture.build_store(path).close()
    return path


@pytest.fixture(scope="module")
def store(store_path):
    from socialkg.graph.store import EmbeddedStore

    s = EmbeddedStore(store_path, read_only=True)
    yield s
    s.close()


def names(G: nx.Graph) -> set[str]:
    return {d["name"] for _, d in G.nodes(data=True)}


def edge_between(G: nx.Graph, a: str, b: str) -> dict:
    by_name = {d["name"]: n for n, d in G.nodes(data=True)}
    return G.edges[by_name[a], by_name[b]]


A = "Miejski Ośrodek Pomocy Społecznej w Kaliszu"
B = "Powiatowe Centrum Pomocy Rodzinie w Kaliszu"
D = "Regionalny Ośrodek Polityki Społecznej w Toruniu"
F = "Miejski Ośrodek Pomocy Społecznej w Toruniu"
J = "Úřad práce České republiky – krajská pobočka v Brně"


# --------------------------------------------------------------------------- build


def test_whole_network_nodes_edges_and_attributes(store):
    G = build_network(store)
    assert G.number_of_nodes() == 11
    assert G.number_of_edges() == 7
    assert {d["kind"] for *_, d in G.edges(data=True)} == {"cooperation"}
    assert G.graph["sources"] == 5
    assert "Sąd Rejonowy w Kaliszu" in names(G)  # isolated organisations stay

    centre = next(d for _, d in G.nodes(data=True) if d["name"] == A)
    # The most frequent prefLabel wins (2 sources say the full name, 1 the short one).
    assert centre["label"] == "MOPS Kalisz"
    assert (centre["type"], centre["place"], centre["acronym"], centre["sources"]) == (
        "social-welfare-centre", "Kalisz", "MOPS", 3)
    assert centre["degree"] == 3 and centre["centrality"] == pytest.approx(0.3)

    tie = edge_between(G, A, B)
    assert tie["sources"] == 3
    assert tie["evidence_type"] == "project"
    assert [e["type"] for e in tie["evidence"]] == ["project", "agreement", "stated"]
    first = tie["evidence"][0]
    assert first["project"] == "Rodzina w Centrum"
    assert first["source"] == "file:///corpus/pl-001.txt"
    assert first["source_date"] == "2023-03-10"
    assert first["source_title"].startswith("Projekt „Rodzina w Centrum”")
    assert "wspólnie realizują projekt" in first["quote"]

    forum = edge_between(G, A, D)
    assert forum["evidence_type"] == "co-organised"
    assert forum["evidence"][0]["event"] == "Forum Ekonomii Społecznej"


def test_coparticipation_is_separate_and_optional(store):
    G = build_network(store, with_coparticipation=True)
    kinds = [d["kind"] for *_, d in G.edges(data=True)]
    assert kinds.count("cooperation") == 7 and kinds.count("co-participation") == 2
    pup = edge_between(G, "Powiatowy Urząd Pracy w Kaliszu", D)
    assert pup["evidence_type"] == "co-participation"
    assert pup["evidence"][0]["event"] == "Forum Ekonomii Społecznej"


@pytest.mark.parametrize(
    "options, n_nodes, n_edges, must_have",
    [
        (dict(min_sources=2), 2, 1, {A, B}),
        (dict(types=["ngo"]), 3, 0, {"Stowarzyszenie Wędrująca Łąka", "Oblastní charita Žďár nad Sázavou"}),
        (dict(places=["KALISZ"]), 5, 2, {A, B, "Sąd Rejonowy w Kaliszu"}),
        (dict(places=["zdar nad sazavou", "Brno"]), 3, 2, {J}),
        (dict(evidence=["agreement"]), 4, 2, {A, B, J}),
        (dict(evidence=["co-participation"]), 3, 2, {"Powiatowy Urząd Pracy w Kaliszu"}),
        (dict(since="2023-01-01"), 9, 5, {A, J}),
        (dict(until="2022-12-31"), 3, 2, {D, F}),
        (dict(since="2023-06-01", until="2023-06-01"), 4, 2, {A, B, D}),
    ],
)
def test_filters(store, options, n_nodes, n_edges, must_have):
    G = build_network(store, **options)
    assert (G.number_of_nodes(), G.number_of_edges()) == (n_nodes, n_edges)
    assert must_have <= names(G)


def test_evidence_filter_recomputes_sources_and_strongest(store):
    G = build_network(store, evidence=["stated", "agreement"])
    tie = edge_between(G, A, B)
    assert (tie["sources"], tie["evidence_type"]) == (2, "agreement")


def test_bad_filters_say_what_is_allowed(store):
    with pytest.raises(QueryError, match="unknown organisation type: charity"):
        build_network(store, types=["charity"])
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        build_network(store, since="March 2023")


# --------------------------------------------------------------------------- around


@pytest.mark.parametrize(
    "name, expected",
    [
        ("mops kalisz", A),
        ("MOPS w Kaliszu", A),
        ("Miejskiego Ośrodka Pomocy Społecznej w Kaliszu", A),  # inflected alias
        ("miejski osrodek pomocy spolecznej kaliszu", A),  # folded, no "w"
        ("ROPS Toruń", D),
        ("Regionalnego Ośrodka Polityki Społecznej w Toruniu", D),  # inflected, not an alias
        ("MOPS-u w Toruniu", F),
        ("charita", "Oblastní charita Žďár nad Sázavou"),  # part of the name
        ("úřad práce brno", J),
        ("Wędrującej Łąki", "Stowarzyszenie Wędrująca Łąka"),
        ('Fundacja „Dom" <b>Nadziei</b> & Przyjaciele', fixture.TRICKY),
    ],
)
def test_resolve_forgiving(store, name, expected):
    assert resolve_one(store, name).name == expected


@pytest.mark.parametrize("name, count", [("MOPS", 2), ("Kaliszu", 5), ("Brně", 2), ("Miejski Ośrodek", 2)])
def test_ambiguous_name_lists_candidates(store, name, count):
    with pytest.raises(AmbiguousOrganisationError) as info:
        build_network(store, around=name)
    assert isinstance(info.value, QueryError)
    assert len(info.value.candidates) == count
    for cand in info.value.candidates:
        assert cand.name in str(info.value)


def test_unknown_name_suggests(store):
    with pytest.raises(UnknownOrganisationError, match="no organisation .* matches 'MOPR Kalisz'") as info:
        resolve_one(store, "MOPR Kalisz")
    assert A in str(info.value)
    assert resolve_organisation(store, "xyzzy") == []


def test_resolve_ranks_full_matches_first(store):
    found = resolve_organisation(store, "mops kalisz")
    assert found[0].name == A and found[0].score >= 1.0


def test_around_depth_and_kept_centre(store):
    G1 = build_network(store, around="mops kalisz")
    assert names(G1) == {A, B, D, fixture.TRICKY}
    assert G1.number_of_edges() == 3
    G2 = build_network(store, around="mops kalisz", depth=2)
    assert names(G2) == {A, B, D, F, fixture.TRICKY}
    # The centre stays even when a type filter would drop it.
    G3 = build_network(store, around="MOPS Kalisz", types=["ngo"])
    assert names(G3) == {A, fixture.TRICKY}
    assert "around " + A in G3.graph["query"]


# --------------------------------------------------------------------------- stats


def test_network_stats(store):
    G = build_network(store, with_coparticipation=True)
    s = network_stats(G)
    assert (s["organisations"], s["cooperations"], s["coparticipations"], s["sources"]) == (11, 7, 2, 5)
    assert s["most_connected"][0]["name"] == A
    assert s["brokers"][0]["name"] in {A, D}
    assert [o["name"] for o in s["isolated"]] == ["Sąd Rejonowy w Kaliszu"]
    groups = [{m["name"] for m in c["members"]} for c in s["communities"]]
    assert any({J, "Dům na půl cesty Brno"} <= g for g in groups)
    assert network_stats(G) == s  # seeded: the same every time
    text = format_stats(s)
    for part in ("11 organisations", "Most connected:", "Brokers", "Isolated (1):", "Sąd Rejonowy w Kaliszu",
                 "Communities (", "Žďár"):
        assert part in text


def test_short_labels():
    assert short_label(A, "MOPS", "Kalisz") == "MOPS Kalisz"
    assert short_label("Dům na půl cesty Brno", None, "Brno") == "Dům na půl cesty Brno"
    assert short_label("Stowarzyszenie na rzecz Osób Niepełnosprawnych „Razem” w Kaliszu", None, "Kalisz") == "„Razem” Kalisz"
    long = short_label(J, None, "Brno")
    assert len(long) <= 30 and long.endswith("…")


# --------------------------------------------------------------------------- export


@pytest.fixture(scope="module")
def full(store) -> nx.Graph:
    return build_network(store, with_coparticipation=True)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_gexf_parse_back(full, tmp_path, fmt, reader):
    path = tmp_path / f"net.{fmt}"
    write_network(full, path, fmt)
    back = reader(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (11, 9)
    tricky = next(n for n, d in back.nodes(data=True) if d.get("name") == fixture.TRICKY)
    assert back.nodes[tricky]["type"] == "ngo"
    a = next(n for n, d in back.nodes(data=True) if d.get("name") == A)
    b = next(n for n, d in back.nodes(data=True) if d.get("name") == B)
    edge = back.edges[a, b]
    assert int(edge["sources"]) == 3 and edge["evidence_type"] == "project"
    assert json.loads(edge["evidence_json"])[0]["project"] == "Rodzina w Centrum"
    # Streams work too.
    buffer = io.BytesIO()
    write_network(full, buffer, fmt)
    assert buffer.getvalue().startswith(b"<?xml")


def test_json_node_link(full, tmp_path):
    path = tmp_path / "net.json"
    write_network(full, path, "json")
    back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")
    assert (back.number_of_nodes(), back.number_of_edges()) == (11, 9)
    assert any(d["name"] == "Oblastní charita Žďár nad Sázavou" for _, d in back.nodes(data=True))
    assert all(isinstance(d["evidence"], list) for *_, d in back.edges(data=True))


def test_csv_edge_list(full):
    out = io.StringIO()
    write_network(full, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 9
    ab = next(r for r in rows if {r["source_name"], r["target_name"]} == {A, B})
    assert (ab["kind"], ab["sources"], ab["evidence_type"], ab["evidence_count"]) == ("cooperation", "3", "project", "3")
    assert ab["projects"] == "Rodzina w Centrum"
    assert ab["source_dates"] == "2023-03-10 | 2023-06-01 | 2023-09-01"
    assert any(fixture.TRICKY in (r["source_name"], r["target_name"]) for r in rows)


def test_unknown_format(full):
    with pytest.raises(QueryError, match="graphml, gexf, json, csv"):
        write_network(full, io.StringIO(), "dot")


# --------------------------------------------------------------------------- page (no browser)


def test_page_is_self_contained_and_escaped(full):
    page = render_html(full, title='Sieć <script>alert("x")</script> & co', query_description="q <i>")
    # No resource is fetched: no src/href attribute, no <link>, no @import.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page, re.I)
    assert "@import" not in page
    assert "<title>Sieć &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co</title>" in page
    # Data is JSON with < > & escaped, so no name can close a tag or open one.
    assert "<b>Nadziei</b>" not in page and "<script>alert" not in page
    data = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', page, re.S).group(1)
    parsed = json.loads(data)
    assert fixture.TRICKY in [n["name"] for n in parsed["nodes"]]
    assert len(parsed["nodes"]) == 11 and len(parsed["edges"]) == 9
    assert parsed["query"] == "q <i>"
    # The same graph gives the same layout.
    again = json.loads(re.search(r'id="network-data">(.*?)</script>', render_html(full), re.S).group(1))
    assert [(n["x"], n["y"]) for n in again["nodes"]] == [(n["x"], n["y"]) for n in parsed["nodes"]]


# --------------------------------------------------------------------------- command


def run(store_path: Path, *args: str, cwd: Path | None = None):
    runner = CliRunner()
    result = runner.invoke(cli, ["--store", str(store_path), "network", *args], catch_exceptions=False)
    return result


def test_cli_writes_html_by_default(store_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(store_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "network.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "wrote network.html: 11 organisations, 7 cooperations, 5 sources" in result.output


def test_cli_formats_and_filters(store_path, tmp_path):
    out = tmp_path / "kalisz.graphml"
    result = run(store_path, "--format", "graphml", "-o", str(out), "--around", "MOPS Kalisz", "--depth", "2",
                 "--with-coparticipation")
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_nodes() == 6
    result = run(store_path, "-f", "csv", "-o", "-", "--min-sources", "2")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("source,target,source_name")
    assert "Rodzina w Centrum" in result.output


def test_cli_stats(store_path):
    result = run(store_path, "--stats", "--with-coparticipation")
    assert result.exit_code == 0
    assert result.output.startswith("11 organisations, 7 cooperations, 2 co-participations, 5 sources")
    assert "Isolated (1):" in result.output


def test_cli_ambiguous_name(store_path):
    result = run(store_path, "--around", "MOPS")
    assert result.exit_code == 1
    assert result.output.startswith("Error: 'MOPS' matches 2 organisations: ")
    assert A in result.output and F in result.output
