"""The bundled example corpus (examples/): annotations consistent with the texts and each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from socialkg.evaluation import evaluate_corpus, find_documents, fold
from socialkg.loaders.article import read_article
from socialkg.loaders.sources import discover
from socialkg.model import (
    COOPERATION_BASES, EVENT_TYPES, ORG_TYPES, Affiliation, Article, Cooperation, Event, Extraction,
    Organisation, Person, Project,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DOCS, PROBLEMS = find_documents(EXAMPLES)


def test_every_annotation_has_its_article() -> None:
    assert not PROBLEMS
    assert 8 <= len(DOCS) <= 10
    assert {t.parent.name for _d, _g, t in DOCS} == {"pl", "cs"}
    assert any(t.suffix == ".html" for _d, _g, t in DOCS)


@pytest.mark.parametrize("doc,gold_file,text_file", DOCS, ids=[d for d, _g, _t in DOCS])
def test_annotation_matches_its_text(doc: str, gold_file: Path, text_file: Path) -> None:
    gold = json.loads(gold_file.read_text("utf-8"))
    article = read_article(text_file)
    text = fold(article.text)
    assert gold["doc"] == doc == article.doc
    assert (gold["lang"], gold["published"]) == (article.lang, article.published)
    org_ids = [o["id"] for o in gold["organisations"]]
    person_ids = [p["id"] for p in gold["persons"]]
    assert len(set(org_ids)) == len(org_ids) and len(set(person_ids)) == len(person_ids)
    for o in gold["organisations"]:
        assert o["type"] in ORG_TYPES and o["part_of"] in (None, *org_ids)
        # At least one form of every body is in the cleaned text.
        assert any(fold(a) in text for a in [o["name"], *o["aliases"]]), o["name"]
    for p in gold["persons"]:
        assert all(a["org"] in org_ids for a in p["affiliations"])
    for e in gold["events"]:
        assert e["type"] in EVENT_TYPES
        assert set(e["organisers"] + e["participants"]) <= set(org_ids) and set(e["speakers"]) <= set(person_ids)
    for j in gold["projects"]:
        assert set(j["leads"] + j["partners"]) <= set(org_ids)
    for c in gold["cooperations"]:
        assert c["basis"] in COOPERATION_BASES and {c["a"], c["b"]} <= set(org_ids)
        assert fold(c["evidence"]) in text, c["evidence"]


def _as_extraction(gold: dict) -> Extraction:
    return Extraction(
        doc=gold["doc"], lang=gold["lang"], published=gold["published"],
        organisations=[Organisation(id=o["id"], name=o["name"], aliases=o["aliases"], type=o["type"],
                                    place=o["place"], part_of=o["part_of"]) for o in gold["organisations"]],
        persons=[Person(id=p["id"], name=p["name"], affiliations=[Affiliation(**a) for a in p["affiliations"]])
                 for p in gold["persons"]],
        events=[Event(id=e["id"], name=e["name"], aliases=e["aliases"], type=e["type"]) for e in gold["events"]],
        projects=[Project(id=j["id"], name=j["name"], aliases=j["aliases"]) for j in gold["projects"]],
        cooperations=[Cooperation(**c) for c in gold["cooperations"]],
    )


def test_same_body_is_annotated_alike_across_articles() -> None:
    """Feeding the gold back as predictions: one graph node per body, the network is connected."""
    golds = {d: json.loads(g.read_text("utf-8")) for d, g, _t in DOCS}

    def extract_fn(article: Article) -> Extraction:
        return _as_extraction(golds[article.doc])

    report = evaluate_corpus(EXAMPLES, extract_fn=extract_fn)
    assert all(s.f1 == 1.0 for s in report.totals.values())
    assert not report.split_bodies and not report.merged_nodes  # same name => same place and type
    assert report.bodies_in_several_documents >= 6


def test_loading_the_folder_skips_gold_and_readme() -> None:
    found = list(discover([EXAMPLES]))
    assert sorted(f.path.name for f in found if f.ok) == sorted(t.name for _d, _g, t in DOCS)
    assert all(f.skipped for f in found if not f.ok)
