"""Small hand-made articles and extractions for tests (written by us, not corpus text)."""

from __future__ import annotations

from pathlib import Path

from socialkg.model import (
    Affiliation, Article, Budget, Cooperation, Event, Evidence, Extraction, Organisation, Person, Project,
)


def ev(text: str, quote: str, method: str = "test") -> Evidence:
    start = text.index(quote)
    return Evidence(sentence=text, start=start, end=start + len(quote), method=method, confidence=0.9, quote=quote)


def sample_article(doc: str = "kalisz-forum", path: str = "/data/kalisz-forum.txt") -> Article:
    text = (
        "Miejski Ośrodek Pomocy Społecznej w Kaliszu i Fundacja „Ala <b>” podpisały porozumienie. "
        "Dyrektor MOPS w Kaliszu Ewa Nowak otworzyła forum."
    )
    return Article(path=path, source_iri=Path(path).as_uri(), doc=doc, text=text, raw_hash="sha256:abc",
                   title="Forum w Kaliszu", published="2024-03-05", lang="pl")


def sample_extraction(article: Article) -> Extraction:
    t = article.text
    s1 = t.split(". ")[0]
    return Extraction(
        doc=article.doc, lang="pl", published=article.published,
        organisations=[
            Organisation("o1", "Miejski Ośrodek Pomocy Społecznej w Kaliszu", ["MOPS w Kaliszu"],
                         "social-welfare-centre", "Kalisz", evidence=[ev(t, "Miejski Ośrodek Pomocy Społecznej w Kaliszu")]),
            Organisation("o2", "Fundacja „Ala <b>”", [], "ngo", "Kalisz", evidence=[ev(t, "Fundacja „Ala <b>”")]),
            Organisation("o3", "Klub Integracji Społecznej MOPS w Kaliszu", [], "social-enterprise", "Kalisz",
                         part_of="o1"),
        ],
        persons=[Person("p1", "Ewa Nowak", [Affiliation("o1", "dyrektor", ev(t, "Ewa Nowak"))], [ev(t, "Ewa Nowak")])],
        events=[Event("e1", "Forum Pomocy Społecznej", type="forum", date="2024-03-01", place="Kalisz",
                      organisers=["o1"], participants=["o2", "o3"], speakers=["p1"], evidence=[ev(t, "forum")])],
        projects=[Project("j1", "Razem", leads=["o1"], partners=["o2"], funding=["Europejski Fundusz Społeczny"],
                          budget=Budget(1000.5, "PLN"))],
        cooperations=[Cooperation("o1", "o2", "agreement", s1, provenance=ev(t, s1))],
    )
