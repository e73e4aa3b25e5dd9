"""Language processing for Polish and Czech articles: patterns, gazetteers, morphology.

`extract(article)` is the entry point: sentences -> organisations -> persons and their
posts -> events -> projects -> cooperations, every fact with its `model.Evidence`.
Dictionaries (morfeusz2, gazetteers, pattern tables) load on first use and stay cached,
so the call itself is cheap and deterministic.
"""

from __future__ import annotations

import logging

from ... import model

log = logging.getLogger(__name__)

__all__ = ["extract"]


def extract(article: model.Article) -> model.Extraction:
    """Everything the NLP stage finds in one article, in the gold-annotation shape."""
    from . import cooperation, events, orgs, persons, projects
    from .text import split_sentences

    text = article.text or ""
    lang = article.lang or "pl"
    result = model.Extraction(doc=article.doc, lang=article.lang, published=article.published)
    if not text.strip():
        return result
    sentences = split_sentences(text)
    organisations, org_mentions = orgs.find_organisations(text, lang, sentences)
    people, person_mentions = persons.find_persons(text, lang, sentences, organisations, org_mentions)
    found_events = events.find_events(
        text, lang, sentences, organisations, org_mentions, people, person_mentions,
        published=article.published, title=article.title,
    )
    found_projects = projects.find_projects(
        text, lang, sentences, organisations, org_mentions, people, person_mentions,
    )
    ties = cooperation.find_cooperations(
        text, lang, sentences, organisations, org_mentions, found_events, found_projects,
        people, person_mentions,
    )
    result.organisations = list(organisations)
    result.persons = people
    result.events = found_events
    result.projects = found_projects
    result.cooperations = ties
    return result
