"""Property-based tests (hypothesis): whatever text socialkg meets, it mints valid IRIs,
writes RDF that round-trips, and fails only with its own errors.

- IRI minting (graph/iris.py) on any Unicode text: valid, deterministic IRIs of the
  documented shape;
- the triple builder (graph/build.py) on hand-made `Extraction`s whose names are any
  Unicode (quotes, angle brackets, newlines, control characters; lone surrogates
  excluded, since no file can hold them): the quads serialise with pyoxigraph as
  Turtle, N-Triples, TriG and N-Quads, parse back with rdflib and with pyoxigraph to an
  isomorphic graph, and go through the real store (its SPARQL `INSERT DATA` path)
  unchanged;
- the article loader: `read_article` on a file of any text, then `extract`, then the
  builder and the store: nothing but a `SocialKGError` ever comes out.

Example counts are modest so the suite stays fast on two cores.
"""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from socialkg.errors import SocialKGError
from socialkg.graph import iris
from socialkg.graph.build import to_quads
from socialkg.graph.store import EmbeddedStore
from socialkg.graph.summary import STALE, SUMMARY_GRAPH
from socialkg.model import (
    Affiliation, Article, Budget, Cooperation, Event, Evidence, Extraction, Organisation, Person, Project,
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOWER = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any Unicode scalar value that can be written to a UTF-8 file (no lone surrogates).
ANY_CHAR = st.characters(codec="utf-8")
# Bias towards what breaks serialisers: quotes, brackets, escapes, white space, controls.
NASTY = st.sampled_from(list('"\'<>\\{}|^`&;#@%\n\r\t\x00\x01\x1b\x7f\x85\u2028\u2029\ufeff\ufffe\uffff'
                             "„”«»ąęłńśźżĄŁŻčřšžůŮ  _:./?=") + ["\U0001f600", "\U0010ffff"])
TEXT = st.text(st.one_of(ANY_CHAR, NASTY), max_size=40)
NAME = st.text(st.one_of(ANY_CHAR, NASTY), min_size=1, max_size=40)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

ID_SHAPE = re.compile(r"https://w3id\.org/socialkg/id/[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{10}")


def valid_iri(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return rdflib.URIRef(iri).n3() == f"<{iri}>"


# --- IRI minting ----------------------------------------------------------------------------


@FAST
@given(kind=st.sampled_from(["org", "person", "place", "event", "project", "fund", "role"]),
       key=TEXT, label=st.one_of(st.none(), TEXT))
def test_minted_iris_are_valid_and_deterministic(kind, key, label):
    iri = iris.mint(kind, key, label)
    assert valid_iri(iri.value)
    assert iri.value.isascii()
    assert ID_SHAPE.fullmatch(iri.value), iri.value
    assert iris.mint(kind, key, label) == iri


@FAST
@given(name=TEXT, date=st.one_of(st.none(), st.dates().map(str)), place=st.one_of(st.none(), TEXT))
def test_entity_iris_for_any_names(name, date, place):
    for iri in (iris.person_iri(name), iris.place_iri(name), iris.project_iri(name), iris.fund_iri(name),
                iris.event_iri(name, date, place), iris.organisation_iri(iris.normalise_key(name, place), name),
                iris.role_iri(name, "pl"), iris.role_iri(name, None)):
        assert valid_iri(iri.value) and ID_SHAPE.fullmatch(iri.value), iri.value


@FAST
@given(name=TEXT)
def test_same_name_in_any_normal_form_is_one_node(name):
    for form in ("NFC", "NFD"):
        assert iris.person_iri(unicodedata.normalize(form, name)) == iris.person_iri(unicodedata.normalize("NFC", name))
    assert iris.person_iri(f"  {name}  ") == iris.person_iri(name)


@FAST
@given(a=TEXT, b=TEXT, kind=st.sampled_from(["cooperation", "coparticipation"]))
def test_tie_iris_are_symmetric_and_valid(a, b, kind):
    x, y = iris.person_iri(a), iris.place_iri(b)
    assert iris.tie_iri(kind, x, y) == iris.tie_iri(kind, y, x)
    assert valid_iri(iris.tie_iri(kind, x, y).value)


@FAST
@given(source=TEXT, parts=st.lists(st.one_of(TEXT, st.integers()), max_size=4))
def test_fact_and_graph_iris_are_valid(source, parts):
    assert valid_iri(iris.fact_iri("mention", source, *parts).value)
    assert valid_iri(iris.graph_iri(source).value)


@FAST
@given(name=st.text(ANY_CHAR.filter(lambda c: c not in "/\x00"), min_size=1, max_size=40))
def test_source_iris_for_any_file_name(name):
    assume(name not in (".", ".."))
    iri = iris.source_iri_for_path(Path("/data") / name)
    assert iri.startswith("file:///") and valid_iri(iri)
    assert valid_iri(iris.graph_iri(iri).value)


# --- the triple builder ---------------------------------------------------------------------


@st.composite
def article_and_extraction(draw):
    names = draw(st.lists(NAME, min_size=4, max_size=8))
    sep = draw(st.sampled_from([" ", "\n", ". ", " „", "\t"]))
    text = sep.join(names)

    def ev(i: int) -> Evidence:
        start = text.index(names[i])
        return Evidence(sentence=text[max(0, start - 5): start + len(names[i]) + 5], start=start,
                        end=start + len(names[i]), method=draw(st.sampled_from(["test", "pattern:x<y>"])),
                        confidence=draw(st.floats(0, 1)), quote=names[i])

    file_name = draw(st.text(ANY_CHAR.filter(lambda c: c not in "/\x00"), min_size=1, max_size=20))
    assume(file_name not in (".", ".."))
    path = f"/data/{file_name}"
    published = draw(st.one_of(st.none(), st.dates().map(str)))
    article = Article(path=path, source_iri=iris.source_iri_for_path(path), doc=draw(TEXT), text=text,
                      raw_hash="sha256:" + "0" * 64, title=draw(st.one_of(st.none(), TEXT)),
                      published=published, lang=draw(st.sampled_from(["pl", "cs", None])),
                      url=None, encoding=draw(st.sampled_from(["utf-8", "cp1250"])))
    orgs = [
        Organisation("o1", names[0], aliases=[names[1], names[0]], type="social-welfare-centre",
                     place=draw(st.one_of(st.none(), NAME)), acronym=draw(st.one_of(st.none(), NAME)),
                     evidence=[ev(0)]),
        Organisation("o2", names[1], aliases=draw(st.lists(NAME, max_size=2)), type="ngo",
                     place=draw(st.one_of(st.none(), NAME)), key=draw(st.one_of(st.none(), TEXT)), evidence=[ev(1)]),
        Organisation("o3", names[2], type="other", part_of="o1"),
    ]
    people = [Person("p1", names[3], [Affiliation("o1", draw(st.one_of(st.none(), NAME)), ev(3))], [ev(3)])]
    events = [Event("e1", draw(NAME), aliases=draw(st.lists(NAME, max_size=2)), type="forum",
                    date=published, place=draw(st.one_of(st.none(), NAME)), venue=draw(st.one_of(st.none(), TEXT)),
                    organisers=["o1"], participants=["o2", "o3"], speakers=["p1"], evidence=[ev(0)])]
    projects = [Project("j1", draw(NAME), aliases=draw(st.lists(NAME, max_size=2)), leads=["o1"], partners=["o2"],
                        funding=draw(st.lists(NAME, max_size=2)),
                        budget=draw(st.one_of(st.none(), st.builds(
                            Budget, st.floats(0, 1e12, allow_nan=False), st.sampled_from(["PLN", "CZK", "EUR"])))),
                        evidence=[ev(2)])]
    ties = [Cooperation("o1", "o2", draw(st.sampled_from(["project", "agreement", "co-organised", "stated"])),
                        draw(TEXT), project="j1", provenance=ev(1))]
    extraction = Extraction(doc=article.doc, lang=article.lang, published=published, organisations=orgs,
                            persons=people, events=events, projects=projects, cooperations=ties)
    return article, extraction


def _rdflib_term(t):
    if isinstance(t, ox.NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return rdflib.BNode(t.value)
    if t.language:
        return rdflib.Literal(t.value, lang=t.language)
    dt = t.datatype.value
    return rdflib.Literal(t.value, datatype=None if dt == XSD_STRING else rdflib.URIRef(dt))


def as_rdflib(triples) -> rdflib.Graph:
    g = rdflib.Graph()
    for t in triples:
        g.add((_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)))
    return g


@SLOWER
@given(pair=article_and_extraction())
def test_built_rdf_round_trips_through_turtle_and_ntriples(pair):
    article, extraction = pair
    quads = to_quads(article, extraction)
    assert quads and {q.graph_name for q in quads} == {iris.graph_iri(article.source_iri)}
    triples = [q.triple for q in quads]
    expected = as_rdflib(triples)
    assert len(expected) == len(set(triples))

    for fmt, rdflib_fmt in ((ox.RdfFormat.TURTLE, "turtle"), (ox.RdfFormat.N_TRIPLES, "nt")):
        data = ox.serialize(triples, format=fmt, prefixes={"sk": "https://w3id.org/socialkg/ontology#"}
                            if fmt == ox.RdfFormat.TURTLE else None)
        via_rdflib = rdflib.Graph().parse(data=data.decode("utf-8"), format=rdflib_fmt)
        assert isomorphic(via_rdflib, expected), fmt
        via_ox = [q.triple for q in ox.parse(data, format=fmt)]
        assert set(via_ox) == set(triples), fmt

    for fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        data = ox.serialize(quads, format=fmt)
        assert set(ox.parse(data, format=fmt)) == set(quads), fmt
    ds = rdflib.Dataset()
    ds.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    graph = ds.graph(rdflib.URIRef(iris.graph_iri(article.source_iri).value))
    assert isomorphic(graph, expected)


@SLOWER
@given(pair=article_and_extraction())
def test_built_rdf_goes_through_the_store_unchanged(pair):
    article, extraction = pair
    quads = to_quads(article, extraction)
    # Oxigraph keeps numbers in canonical form ("0.50"^^xsd:decimal -> "0.5", derived
    # integer types -> xsd:integer); the store's own direct insert is the reference for
    # what its SPARQL INSERT DATA path (used by replace_documents) must give.
    reference = ox.Store()
    reference.extend(quads)
    expected = set(reference)
    store = EmbeddedStore.in_memory()
    g = iris.graph_iri(article.source_iri)
    store.replace_documents({g: quads})
    assert set(store.raw.quads_for_pattern(None, None, None, g)) == expected
    store.replace_documents({g: quads})  # a re-load replaces, never duplicates
    assert len(list(store.raw.quads_for_pattern(None, None, None, g))) == len(expected)
    # besides it, only the derived summary graph, with nothing left stale
    assert {q.graph_name for q in store.raw} <= {g, SUMMARY_GRAPH}
    assert not list(store.raw.quads_for_pattern(None, STALE, None, SUMMARY_GRAPH))
    out = io.BytesIO()
    store.dump(out, ox.RdfFormat.N_QUADS, prefixes={})
    assert set(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS)) == expected


# --- the article loader ---------------------------------------------------------------------

_ARTICLE_TEMPLATE = (
    "{a}\n\nKalisz, 12 marca 2024 r.\n\n"
    "Miejski Ośrodek Pomocy Społecznej w {b} podpisał porozumienie o współpracy z Fundacją „{c}”. "
    "Dyrektor {d} powiedziała, że {a} to ważny projekt. Stowarzyszenie {c} i {b} zorganizują forum.\n"
    "{e}\n"
)


@st.composite
def article_texts(draw):
    if draw(st.booleans()):
        return draw(st.text(st.one_of(ANY_CHAR, NASTY), max_size=400))
    return _ARTICLE_TEMPLATE.format(**{k: draw(TEXT) for k in "abcde"})


@SLOWER
@given(text=article_texts(), suffix=st.sampled_from([".txt", ".html"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_article_loader_fails_only_with_its_own_errors(text, suffix, encoding):
    from socialkg.loaders.article import read_article
    from socialkg.loaders.nlp import extract

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(text.encode(encoding))
        try:
            article = read_article(path)
            extraction = extract(article)
            quads = to_quads(article, extraction)
        except SocialKGError as exc:
            assert str(path) in exc.describe()
            return
    reference = ox.Store()
    reference.extend(quads)
    store = EmbeddedStore.in_memory()
    g = iris.graph_iri(article.source_iri)
    store.replace_documents({g: quads})
    assert set(store.raw.quads_for_pattern(None, None, None, g)) == set(reference)
