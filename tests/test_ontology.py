"""The ontology as data: Turtle parses, every term build.py writes is declared and
labelled in en/pl/cs, the SKOS schemes cover the model's slugs, shapes parse, and the
generated reference in docs/ is up to date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, URIRef

import socialkg.graph.build as build
from socialkg.graph.build import to_quads
from socialkg.model import COOPERATION_BASES, CO_PARTICIPATION, EVENT_TYPES, ORG_TYPES
from socialkg.ontology import data_file, ontology_graph, shapes_graph, vocab_files
from socialkg.ontology import terms as T

from kg_fixture import articles

SK = rdflib.Namespace(T.SK)
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
TERM_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return ontology_graph()


def _used_in_build() -> set[str]:
    source = Path(build.__file__).read_text(encoding="utf-8")
    names = set(re.findall(r"\bsk\.([A-Za-z_]\w*)", source))
    names |= set(re.findall(r"\bsk\[\s*[\"']([^\"']+)[\"']\s*\]", source))
    return names


def _used_in_data() -> set[str]:
    names = set()
    for article, extraction in articles():
        for q in to_quads(article, extraction):
            for term in (q.predicate, q.object):
                if hasattr(term, "value") and term.value.startswith(T.SK) and type(term).__name__ == "NamedNode":
                    names.add(term.value[len(T.SK):])
    return names


@pytest.mark.parametrize("name", ["socialkg.ttl", "shapes.ttl"] + [f"vocab/{f.name}" for f in vocab_files()])
def test_turtle_files_parse(name):
    g = rdflib.Graph().parse(data=data_file(name).read_text(encoding="utf-8"), format="turtle")
    assert len(g) > 20


def test_ontology_header(onto):
    header = URIRef("https://w3id.org/socialkg/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    for p in (dct.title, dct.description, OWL.versionInfo, dct.license, dct.creator):
        assert onto.value(header, p) is not None, p
    assert str(onto.value(header, dct.creator)) == "socialkg developers"
    assert not list(onto.objects(header, OWL.imports))


def test_every_sk_term_build_uses_is_declared(onto):
    used = _used_in_build() | _used_in_data()
    assert {"Cooperation", "party", "evidenceType", "cooperatesWith"} <= used  # the scan works
    undeclared = sorted(n for n in used if not set(onto.objects(SK[n], RDF.type)) & TERM_TYPES)
    assert not undeclared, f"declare these in ontology/socialkg.ttl: {undeclared}"


def test_every_minted_term_is_labelled_in_three_languages_and_defined(onto):
    minted = {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(T.SK)}
    assert len(minted) >= 35
    for term in minted:
        langs = {label.language for label in onto.objects(term, RDFS.label)}
        assert {"en", "pl", "cs"} <= langs, f"{term} has labels in {langs}"
        defs = [d for d in onto.objects(term, SKOS.definition) if d.language == "en"]
        assert defs or list(onto.objects(term, RDFS.comment)), f"{term} has no definition"


def test_shortcuts_are_symmetric_and_ties_qualified(onto):
    for p in ("cooperatesWith", "coParticipatesWith"):
        assert (SK[p], RDF.type, OWL.SymmetricProperty) in onto
    for c in ("Cooperation", "CoParticipation"):
        assert (SK[c], RDFS.subClassOf, SK.Tie) in onto
    assert (SK.speaker, RDFS.subPropertyOf, URIRef("https://schema.org/performer")) in onto
    assert (SK.SourceDocument, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in onto


def test_only_https_schema_org(onto):
    iris = {str(t) for triple in onto for t in triple if isinstance(t, URIRef)}
    assert not [i for i in iris if i.startswith("http://schema.org/")]


@pytest.mark.parametrize(
    "scheme, slugs",
    [
        (T.ORG_TYPE_SCHEME, ORG_TYPES),
        (T.EVENT_TYPE_SCHEME, EVENT_TYPES),
        (T.EVIDENCE_TYPE_SCHEME, (*COOPERATION_BASES, CO_PARTICIPATION)),
    ],
)
def test_schemes_cover_the_model_slugs(onto, scheme, slugs):
    concepts = set(onto.subjects(SKOS.inScheme, URIRef(scheme)))
    for slug in slugs:
        c = URIRef(f"{scheme}/{slug}")
        assert c in concepts, f"{slug} missing from {scheme}"
        assert str(onto.value(c, SKOS.notation)) == slug
        assert {label.language for label in onto.objects(c, SKOS.prefLabel)} >= {"en", "pl", "cs"}
        assert onto.value(c, SKOS.definition) is not None


def test_acronyms_are_alt_labels(onto):
    def alts(slug: str) -> set[str]:
        return {str(a) for a in onto.objects(URIRef(T.org_type(slug).value), SKOS.altLabel)}

    assert {"MOPS", "GOPS"} <= alts("social-welfare-centre")
    assert "PCPR" in alts("family-support-centre")
    assert "CUS" in alts("social-services-centre")
    assert "ROPS" in alts("regional-social-policy-centre")
    assert {"PUP", "ÚP ČR"} <= alts("labour-office")


def test_co_participation_is_not_cooperation(onto):
    et = rdflib.Namespace(T.EVIDENCE_TYPE_SCHEME + "/")
    narrower = set(onto.transitive_objects(et["co-participation"], SKOS.broader))
    assert et.cooperation not in narrower
    for basis in COOPERATION_BASES:
        assert (et[basis], SKOS.broader, et.cooperation) in onto
    assert "not cooperation" in str(onto.value(et["co-participation"], SKOS.definition)).lower()
    # the ordered collection gives the strength order of model.COOPERATION_BASES
    order = rdflib.collection.Collection(onto, onto.value(et["by-strength"], SKOS.memberList))
    assert [T.slug_of(str(c)) for c in order] == [*COOPERATION_BASES, CO_PARTICIPATION]


def test_public_org_types_collection_matches_terms(onto):
    public = {T.slug_of(str(m)) for m in onto.objects(URIRef(T.ORG_TYPE_SCHEME + "/public"), SKOS.member)}
    assert public == set(T.PUBLIC_ORG_TYPES)


def test_shapes_parse_and_every_constraint_speaks(onto):
    shapes = shapes_graph()
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 15
    # helper shapes used through sh:node speak through the message of the shape using them
    targeted = {s for s in node_shapes if set(shapes.predicates(s)) & {SH.targetClass, SH.targetSubjectsOf}}
    for prop in (p for s in targeted for p in shapes.objects(s, SH.property)):
        assert shapes.value(prop, SH.message) is not None, f"property shape on {shapes.value(prop, SH.path)} has no message"
    targets = set(shapes.objects(None, SH.targetClass))
    for cls in (SK.Cooperation, SK.CoParticipation, SK.Evidence, SK.Mention, SK.SourceDocument):
        assert cls in targets


def test_reference_docs_are_up_to_date(tmp_path):
    from socialkg.ontology.docs import default_docs_dir, render_reference

    fresh = render_reference(tmp_path)
    for path in fresh:
        committed = default_docs_dir() / path.name
        assert committed.exists(), f"docs/{path.name} missing: run `python -m socialkg.ontology.docs`"
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"docs/{path.name} is out of date with ontology/*.ttl or graph/build.py: "
            "run `python -m socialkg.ontology.docs` and commit the result")


def test_reference_html_is_self_contained_and_complete(tmp_path):
    from socialkg.ontology.docs import render_reference

    _, page = render_reference(tmp_path)
    text = page.read_text(encoding="utf-8")
    assert "<script" not in text and "<link" not in text and "src=" not in text and "@import" not in text
    for needle in ("sk:Cooperation", "sk:cooperatesWith", "symmetric", "skv:org-type", "MOPS",
                   "współpraca", "spolupráce", "sk:Evidence", "skv:evidence-type"):
        assert needle in text, needle
    md = (tmp_path / "ontology.md").read_text(encoding="utf-8")
    assert "```turtle" in md and "a sk:Cooperation" in md and "sk:evidenceType" in md
    rdflib.Graph().parse(data=md.split("```turtle\n", 1)[1].split("```", 1)[0], format="turtle")
