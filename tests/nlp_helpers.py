"""Helpers for extraction tests: run the real extractor on a sentence we wrote, look things up."""

from __future__ import annotations

from socialkg import model
from socialkg.loaders.nlp import extract


def run(text: str, lang: str = "pl", published: str | None = None, title: str | None = None) -> model.Extraction:
    article = model.Article(path="t.txt", source_iri="file:///t.txt", doc="t", text=text, raw_hash="x",
                            lang=lang, published=published, title=title)
    return extract(article)


def org_id(ex: model.Extraction, start: str) -> str:
    hits = [o.id for o in ex.organisations if o.name.startswith(start)]
    assert hits, f"no organisation starting {start!r} in {[o.name for o in ex.organisations]}"
    return hits[0]


def person(ex: model.Extraction, name: str) -> model.Person:
    hits = [p for p in ex.persons if p.name == name]
    assert hits, f"{name!r} not in {[p.name for p in ex.persons]}"
    return hits[0]


def affs(ex: model.Extraction, name: str) -> dict[str, str | None]:
    return {a.org: a.role for a in person(ex, name).affiliations}


def pairs(ex: model.Extraction) -> dict[frozenset, str]:
    return {frozenset((c.a, c.b)): c.basis for c in ex.cooperations}
