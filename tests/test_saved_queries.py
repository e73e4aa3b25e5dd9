"""The shipped saved queries (graph/queries/*.rq): headers, syntax, and the rows they
give on a small real store built from hand-made articles (tests/kg_fixture.py)."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from rdflib.plugins.sparql import prepareQuery

from socialkg.errors import QueryError
from socialkg.graph.query import parse_saved_query, run_query, saved_queries
from socialkg.graph.store import EmbeddedStore
from socialkg.ontology.terms import PREFIXES

from kg_fixture import ALA, CHARITA, MEU, MOPS, PUP, load

REQUIRED = {"partners", "organisations", "people", "events", "projects", "evidence", "most-mentioned",
            "cooperation-by-type", "sources"}
SHIPPED = sorted(f.name for f in resources.files("socialkg.graph").joinpath("queries").iterdir()
                 if f.name.endswith(".rq"))


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("kg") / "s")
    load(store)
    yield store
    store.close()


def rows(store, name: str, **params: str) -> list[dict[str, str]]:
    """Run a saved query as the CLI does (parameters bound by query.py), values as text."""
    table = run_query(store, saved_queries()[name].bind(params))
    return [{v: (t.value if t is not None else None) for v, t in zip(table.variables, row)} for row in table.rows]


def test_the_required_queries_are_shipped():
    assert REQUIRED <= set(saved_queries())


@pytest.mark.parametrize("filename", SHIPPED)
def test_header_and_syntax(filename):
    text = resources.files("socialkg.graph").joinpath("queries", filename).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == f"# name: {filename[:-3]}"
    assert lines[1].startswith("# description: ") and len(lines[1]) > 30
    sq = parse_saved_query(text, filename)
    assert sq.name == filename[:-3] and sq.description
    for p in sq.params:
        assert p.help, f"{filename}: parameter {p.name} has no help text"
    # runs in any SPARQL tool: it declares every prefix it uses
    body = "\n".join(line for line in lines if not line.startswith(("#", "PREFIX")))
    for prefix, iri in PREFIXES.items():
        if re.search(rf"(?<![\w/]){prefix}:", body):
            assert f"PREFIX {prefix}: <{iri}>" in text, f"{filename}: PREFIX {prefix} missing"
    prepareQuery(text)
    prepareQuery(sq.bind({p.name: "x" for p in sq.params}))


def test_partners_of_mops(kg):
    got = rows(kg, "partners")  # default org = "MOPS"
    assert [(r["organisation"], r["partner"], r["evidenceType"], r["date"], r["through"]) for r in got] == [
        (MOPS, ALA, "agreement", "2024-05-10", None),
        (MOPS, ALA, "project", "2024-03-05", "Razem"),
    ]
    assert got[0]["quote"] == "podpisał porozumienie z Fundacją Ala"
    assert got[0]["title"] == "Porozumienie podpisane"
    assert got[1]["source"] == "file:///data/kalisz-forum.txt"


def test_partners_never_lists_co_participation(kg):
    # PUP only attended the forum with MOPS and Fundacja Ala
    assert rows(kg, "partners", org="powiatowy urząd") == []
    assert {r["partner"] for r in rows(kg, "partners", org="fundacją ala")} == {MOPS}  # alias, case-folded
    assert [r["partner"] for r in rows(kg, "partners", org="charita")] == [MEU]


def test_organisations_by_type_and_place(kg):
    everyone = rows(kg, "organisations")
    assert {r["label"] for r in everyone} == {MOPS, ALA, PUP, MEU, CHARITA}
    assert {r["label"]: int(r["sources"]) for r in everyone}[MOPS] == 2
    assert {r["label"] for r in rows(kg, "organisations", type="ngo")} == {ALA, CHARITA}
    assert {r["label"] for r in rows(kg, "organisations", place="KUTNÁ")} == {MEU, CHARITA}
    only = rows(kg, "organisations", type="labour", place="kalisz")
    assert [(r["label"], r["orgType"], r["municipality"], r["acronyms"]) for r in only] == [
        (PUP, "labour-office", "Kalisz", "PUP")]


def test_people_and_posts(kg):
    assert [(r["name"], r["role"], r["organisation"]) for r in rows(kg, "people")] == [
        ("Ewa Nowak", "dyrektor", MOPS), ("Jana Dvořáková", "vedoucí odboru", MEU)]
    assert [r["name"] for r in rows(kg, "people", org="mops")] == ["Ewa Nowak"]


def test_events_with_organisers_and_participants(kg):
    (event,) = rows(kg, "events")
    assert (event["name"], event["eventType"], event["date"], event["place"]) == (
        "Forum Pomocy Społecznej", "forum", "2024-03-01", "Kalisz")
    assert event["organisers"] == MOPS
    assert set(event["participants"].split("; ")) == {ALA, PUP}
    assert len(rows(kg, "events", org="PUP")) == 1
    assert rows(kg, "events", org="charita") == []


def test_projects_with_leads_partners_funding_budget(kg):
    (project,) = rows(kg, "projects")
    assert (project["name"], project["leads"], project["partners"], project["funding"]) == (
        "Razem", MOPS, ALA, "Europejski Fundusz Społeczny")
    assert (float(project["budget"]), project["currency"]) == (1000.5, "PLN")
    assert rows(kg, "projects", org="charita") == []


def test_evidence_behind_one_tie(kg):
    got = rows(kg, "evidence", a="mops", b="ala")
    assert [(r["kind"], r["evidenceType"], r["source"]) for r in got] == [
        ("cooperation", "agreement", "file:///data/kalisz-porozumienie.txt"),
        ("cooperation", "project", "file:///data/kalisz-forum.txt"),
    ]
    assert rows(kg, "evidence", a="ala", b="mops")[0]["first"] == ALA  # either order
    (weak,) = rows(kg, "evidence", a="pup", b="ala")
    assert (weak["kind"], weak["evidenceType"], weak["through"]) == (
        "co-participation", "co-participation", "Forum Pomocy Społecznej")


def test_evidence_needs_both_organisations():
    from socialkg.errors import QueryError

    with pytest.raises(QueryError, match="needs --param a"):
        saved_queries()["evidence"].bind({"b": "x"})


def test_most_mentioned(kg):
    got = rows(kg, "most-mentioned")
    assert [(r["name"], int(r["sources"])) for r in got[:2]] == [(ALA, 2), (MOPS, 2)]
    assert len(got) == 5
    assert [r["name"] for r in rows(kg, "most-mentioned", type="labour-office")] == [PUP]


def test_cooperation_by_strongest_type(kg):
    got = [(r["kind"], r["strongest"], int(r["ties"])) for r in rows(kg, "cooperation-by-type")]
    # MOPS-Ala has project and agreement evidence: counted once, as project
    assert got == [("cooperation", "project", 1), ("cooperation", "stated", 1),
                   ("co-participation", "co-participation", 2)]


def test_sources(kg):
    got = rows(kg, "sources")
    assert [(r["source"], r["language"], r["date"]) for r in got] == [
        ("file:///data/kalisz-porozumienie.txt", "pl", "2024-05-10"),
        ("file:///data/kutna-hora.txt", "cs", "2024-04-02"),
        ("file:///data/kalisz-forum.txt", "pl", "2024-03-05"),
    ]
    assert sum(int(r["triples"]) for r in got) == kg.count_triples()


def test_queries_run_on_an_empty_store(tmp_path):
    with EmbeddedStore(tmp_path / "empty") as store:
        for name, sq in saved_queries().items():
            table = run_query(store, sq.bind({p.name: "x" for p in sq.params if p.default is None}))
            assert table.rows == [], name


@pytest.mark.parametrize("name, params", [
    ("partners", {}), ("partners", {"org": "ala"}), ("partners", {"org": "nikt taki"}),
    ("evidence", {"a": "MOPS", "b": "Fundacja"}), ("evidence", {"a": "Kalisz", "b": "Kalisz"}),
    ("people", {}), ("people", {"org": "MOPS"}), ("people", {"org": "brak"}),
])
def test_names_looked_up_in_the_store_give_the_same_rows(kg, name, params):
    """With the store, an organisation-name parameter is also bound to the matching IRIs
    up front (fast); the rows must be exactly those of the plain text."""
    sq = saved_queries()[name]
    assert sq.resolves, name
    plain, looked_up = sq.bind(params), sq.bind(params, kg)
    named = any(params.get(p, next(x.default for x in sq.params if x.name == p)) for p, _ in sq.resolves)
    assert (looked_up != plain) == named  # an empty name ("everyone") needs no look-up
    fast, slow = run_query(kg, looked_up).rows, run_query(kg, plain).rows
    assert sorted(map(repr, fast)) == sorted(map(repr, slow))  # rows tied in ORDER BY may swap


def test_a_resolve_line_must_name_a_parameter():
    with pytest.raises(QueryError, match="names no parameter"):
        parse_saved_query("# name: x\n# description: a test query of the header\n# resolve: nope -> ?o\n"
                          "SELECT * WHERE { ?o ?p ?v }", "x.rq")
