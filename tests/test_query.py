"""SPARQL through the library: formats, saved-query parameters, safety rules."""

from __future__ import annotations

import json

import pytest

from socialkg.errors import QueryError, QuerySyntaxError, ReadOnlyQueryError
from socialkg.graph import iris
from socialkg.graph.build import to_quads
from socialkg.graph.query import format_result, parse_saved_query, resolve_query, run_query, uses_service

from factories import sample_article, sample_extraction


@pytest.fixture
def loaded(store):
    art = sample_article()
    store.replace_documents({iris.graph_iri(art.source_iri): to_quads(art, sample_extraction(art))})
    return store


Q_ORGS = "SELECT ?name WHERE { ?o a org:Organization ; skos:prefLabel ?name } ORDER BY ?name"


def test_select_formats(loaded):
    table = run_query(loaded, Q_ORGS)
    assert [r[0].value for r in table.rows][0] == "Fundacja „Ala <b>”"
    text = format_result(table, "table")
    assert "Miejski Ośrodek Pomocy Społecznej w Kaliszu" in text and "(3 rows)" in text
    data = json.loads(format_result(table, "json"))
    assert data["head"]["vars"] == ["name"]
    assert data["results"]["bindings"][0]["name"] == {"type": "literal", "value": "Fundacja „Ala <b>”", "xml:lang": "pl"}
    csv_text = format_result(table, "csv")
    assert csv_text.splitlines()[0] == "name" and '"Fundacja „Ala <b>”"' not in csv_text.splitlines()[0]
    assert format_result(table, "tsv").splitlines()[1] == '"Fundacja „Ala <b>”"@pl'


def test_table_uses_prefixed_names(loaded):
    table = run_query(loaded, "SELECT ?t WHERE { ?o sk:orgType ?t } LIMIT 1")
    assert "skv:org-type/" in format_result(table, "table")


def test_construct_gives_turtle_and_ask_gives_boolean(loaded):
    table = run_query(loaded, "CONSTRUCT { ?a sk:cooperatesWith ?b } WHERE { ?a sk:cooperatesWith ?b }")
    ttl = format_result(table, "turtle")
    assert "sk:cooperatesWith" in ttl and "@prefix sk:" in ttl
    assert format_result(run_query(loaded, "ASK { ?s a sk:Cooperation }"), "table") == "true\n"


def test_saved_query_parameters_bind_by_values(loaded, tmp_path):
    rq = tmp_path / "by-name.rq"
    rq.write_text("# name: by-name\n# description: find an organisation\n"
                  "# param: q -- part of a name\n# param: lang = \"pl\" -- language\n"
                  "SELECT ?name WHERE { ?o skos:prefLabel ?name . "
                  "FILTER(CONTAINS(LCASE(STR(?name)), LCASE(?q)) && LANG(?name) = ?lang) }\n", encoding="utf-8")
    sq = parse_saved_query(rq.read_text(encoding="utf-8"), str(rq))
    assert [p.name for p in sq.params] == ["q", "lang"] and sq.params[0].default is None
    text = resolve_query(f"@{rq}", {"q": "kaliszu"})
    rows = run_query(loaded, text).rows
    assert {r[0].value for r in rows} == {"Miejski Ośrodek Pomocy Społecznej w Kaliszu",
                                          "Klub Integracji Społecznej MOPS w Kaliszu"}
    with pytest.raises(QueryError, match="needs --param q"):
        sq.bind({})
    with pytest.raises(QueryError, match="no parameter nope"):
        sq.bind({"q": "x", "nope": "y"})


BY_NAME = """# param: q = "" -- part of a name; empty: every organisation
SELECT ?name WHERE {
  ?o a org:Organization ; skos:prefLabel ?name .
  # begin-if: q
  OPTIONAL { ?o skos:prefLabel ?hit FILTER(STR(?q) != "" && CONTAINS(LCASE(?hit), LCASE(STR(?q)))) }
  FILTER(STR(?q) = "" || BOUND(?hit))
  # end-if: q
} ORDER BY ?name
"""


def test_a_filter_block_is_left_out_only_when_its_parameter_is_empty(loaded):
    sq = parse_saved_query(BY_NAME, "by-name.rq")
    empty, given = sq.bind({}), sq.bind({"q": "kaliszu"})
    assert "OPTIONAL" not in empty and "OPTIONAL" in given
    # left out or not, an empty value means the same: the block is a no-op then
    kept = BY_NAME.replace("WHERE {", 'WHERE { VALUES ?q { "" }', 1)
    assert run_query(loaded, empty).rows == run_query(loaded, kept).rows
    assert len(run_query(loaded, empty).rows) == 3
    assert {r[0].value for r in run_query(loaded, given).rows} == {
        "Miejski Ośrodek Pomocy Społecznej w Kaliszu", "Klub Integracji Społecznej MOPS w Kaliszu"}


@pytest.mark.parametrize("text, problem", [
    ('# param: q = ""\nSELECT * WHERE {\n# begin-if: q\n?s ?p ?o }', "do not pair up"),
    ('# param: q = ""\nSELECT * WHERE {\n# end-if: q\n# begin-if: q\n?s ?p ?o }', "do not pair up"),
    ('# param: q = ""\nSELECT * WHERE {\n# begin-if: r\n# end-if: r\n?s ?p ?o }', "names no parameter"),
])
def test_unpaired_filter_blocks_are_refused(text, problem):
    with pytest.raises(QueryError, match=problem):
        parse_saved_query(text, "bad.rq")


def test_a_query_file_without_params_given_takes_its_defaults(loaded, tmp_path):
    rq = tmp_path / "by-name.rq"
    rq.write_text(BY_NAME.replace('q = ""', 'q = "kaliszu"'), encoding="utf-8")
    assert len(run_query(loaded, resolve_query(f"@{rq}")).rows) == 2
    assert len(run_query(loaded, resolve_query(f"@{rq}", {"q": ""})).rows) == 3
    rq.write_text(BY_NAME.replace('q = ""', "q"), encoding="utf-8")
    with pytest.raises(QueryError, match="needs --param q"):
        resolve_query(f"@{rq}")


def test_parameter_values_cannot_inject_sparql(loaded, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("# param: q\nSELECT ?n WHERE { ?o skos:prefLabel ?n FILTER(STR(?n) = ?q) }\n", encoding="utf-8")
    text = resolve_query(f"@{rq}", {"q": '" } } DROP ALL ; SELECT * { "'})
    assert run_query(loaded, text).rows == []


def test_syntax_error_has_position(loaded):
    with pytest.raises(QuerySyntaxError, match=r"1:\d+"):
        run_query(loaded, "SELECT * WHERE { ?s ?p }")


def test_read_only_unless_update(loaded):
    with pytest.raises(ReadOnlyQueryError, match="--update"):
        run_query(loaded, "PREFIX ex: <http://ex/>\nINSERT DATA { ex:a ex:b ex:c }")
    run_query(loaded, "INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/b> <http://ex/c> } }", update=True)
    assert run_query(loaded, "ASK { <http://ex/a> ?p ?o }").boolean


def test_service_is_refused_unless_allowed(loaded):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert uses_service(q)
    assert not uses_service('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE')
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(loaded, q)


def test_row_limit_marks_truncation(loaded):
    table = run_query(loaded, "SELECT * WHERE { ?s ?p ?o }", max_rows=5)
    assert len(table.rows) == 5 and table.truncated


def test_unknown_saved_query_lists_known_ones():
    with pytest.raises(QueryError, match="no saved query named 'nosuchquery'"):
        resolve_query("nosuchquery")
