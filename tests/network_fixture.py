"""A small hand-made partnership graph for the network tests (not a test module).

Eleven organisations in five articles (Polish and Czech), built into a real store
through `graph.build.to_quads`, so the tests read exactly the shape the loader writes.

Cooperation edges (7): MOPS Kalisz-PCPR (3 sources: project, agreement, stated),
MOPS Kalisz-Fundacja (stated), MOPS Kalisz-ROPS Toruń (co-organised, via the forum),
Charita-Úřad práce (agreement), Úřad práce-Dům na půl cesty (stated),
ROPS Toruń-MOPS Toruń (stated), MOPS Toruń-Stowarzyszenie (stated).
Co-participation edges (2): PUP Kalisz with ROPS Toruń and with MOPS Kalisz (the forum).
Isolated: Sąd Rejonowy w Kaliszu.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal, Quad

from socialkg.graph.build import org_iri_for, to_quads
from socialkg.graph.iris import graph_iri
from socialkg.graph.store import EmbeddedStore
from socialkg.ontology.terms import skos
from socialkg.model import Article, Cooperation, Event, Evidence, Extraction, Organisation, Project

TRICKY = 'Fundacja „Dom" <b>Nadziei</b> & Przyjaciele'

ORGS = {
    "A": dict(name="Miejski Ośrodek Pomocy Społecznej w Kaliszu", type="social-welfare-centre", place="Kalisz",
              acronym="MOPS", aliases=["MOPS w Kaliszu", "Miejskiego Ośrodka Pomocy Społecznej w Kaliszu"]),
    "B": dict(name="Powiatowe Centrum Pomocy Rodzinie w Kaliszu", type="family-support-centre", place="Kalisz",
              acronym="PCPR", aliases=["PCPR w Kaliszu"]),
    "C": dict(name=TRICKY, type="ngo", place="Kalisz"),
    "D": dict(name="Regionalny Ośrodek Polityki Społecznej w Toruniu", type="regional-social-policy-centre",
              place="Toruń", acronym="ROPS", aliases=["Regionalnego Ośrodka Polityki Społecznej w Toruniu"]),
    "E": dict(name="Powiatowy Urząd Pracy w Kaliszu", type="labour-office", place="Kalisz", acronym="PUP"),
    "F": dict(name="Miejski Ośrodek Pomocy Społecznej w Toruniu", type="social-welfare-centre", place="Toruń",
              acronym="MOPS"),
    "G": dict(name="Stowarzyszenie Wędrująca Łąka", type="ngo", place="Toruń"),
    "H": dict(name="Sąd Rejonowy w Kaliszu", type="court", place="Kalisz"),
    "I": dict(name="Oblastní charita Žďár nad Sázavou", type="ngo", place="Žďár nad Sázavou"),
    "J": dict(name="Úřad práce České republiky – krajská pobočka v Brně", type="labour-office", place="Brno"),
    "K": dict(name="Dům na půl cesty Brno", type="social-services-centre", place="Brno"),
}


def _org(letter: str, **override) -> Organisation:
    data = {**ORGS[letter], **override}
    return Organisation(id=letter, key=f"test-org-{letter}", **data)


def _coop(a: str, b: str, basis: str, quote: str, n: int, **kw) -> Cooperation:
    return Cooperation(a=a, b=b, basis=basis, evidence=quote,
                       provenance=Evidence(sentence=quote, start=n * 100, end=n * 100 + len(quote),
                                           method="test", quote=quote), **kw)


def articles() -> list[tuple[Article, Extraction]]:
    out = []

    def add(doc, lang, date, title, orgs, coops, events=(), projects=()):
        text = " ".join(c.evidence for c in coops) or title
        art = Article(path=f"/corpus/{doc}.txt", source_iri=f"file:///corpus/{doc}.txt", doc=doc,
                      text=text, raw_hash=doc * 4, title=title, published=date, lang=lang)
        ext = Extraction(doc=doc, lang=lang, published=date,
                         organisations=[_org(x) for x in orgs],
                         events=list(events), projects=list(projects), cooperations=list(coops))
        out.append((art, ext))

    add("pl-001", "pl", "2023-03-10", 'Projekt „Rodzina w Centrum” <b>rusza</b> & "nowe" wsparcie',
        "ABCH",
        [_coop("A", "B", "project", "MOPS i PCPR wspólnie realizują projekt „Rodzina w Centrum”.", 1, project="P1"),
         _coop("A", "C", "stated", 'MOPS współpracuje z fundacją „Dom" <b>Nadziei</b> & Przyjaciele.', 2)],
        projects=[Project(id="P1", name="Rodzina w Centrum", leads=["A"], partners=["B"])])
    add("pl-002", "pl", "2023-06-01", "Porozumienie MOPS i PCPR w Kaliszu; Forum Ekonomii Społecznej",
        "ABDE",
        [_coop("A", "B", "agreement", "MOPS i PCPR podpisały porozumienie o współpracy.", 1),
         _coop("A", "D", "co-organised", "Forum zorganizowały ROPS w Toruniu i MOPS w Kaliszu.", 2, event="E1")],
        events=[Event(id="E1", name="Forum Ekonomii Społecznej", type="forum", date="2023-05-30", place="Kalisz",
                      organisers=["D", "A"], participants=["E"],
                      evidence=[Evidence("W forum wziął udział także PUP w Kaliszu.", 300, 340, "test")])])
    add("cs-001", "cs", "2024-02-15", "Charita a Úřad práce v Brně spolupracují",
        "IJK",
        [_coop("I", "J", "agreement", "Oblastní charita podepsala s Úřadem práce memorandum o spolupráci.", 1),
         _coop("J", "K", "stated", "Úřad práce spolupracuje s Domem na půl cesty, říká ředitelka.", 2)])
    add("pl-003", "pl", "2022-11-20", "Toruń: MOPS i ROPS wspierają seniorów",
        "DFG",
        [_coop("D", "F", "stated", "ROPS współpracuje z MOPS w Toruniu przy wsparciu seniorów.", 1),
         _coop("F", "G", "stated", "MOPS w Toruniu i Stowarzyszenie Wędrująca Łąka działają razem.", 2)])
    add("pl-004", "pl", "2023-09-01", "Wspólne działania dla rodzin w Kaliszu",
        "AB",
        [_coop("A", "B", "stated", "MOPS Kalisz i PCPR od lat współpracują.", 1)])
    return out


SHORT_NAME = "MOPS Kalisz"


def _quads(art: Article, ext: Extraction) -> list[Quad]:
    quads = to_quads(art, ext)
    if art.doc != "pl-004":
        return quads
    # This source calls the Kalisz centre only by its short name (as an entity-resolution
    # stage would record it): the full name stays canonical, 2 sources to 1.
    centre = org_iri_for(ext.org("A"))
    graph = graph_iri(art.source_iri)
    kept = [q for q in quads if not (q.subject == centre and q.predicate == skos.prefLabel)]
    return [*kept, Quad(centre, skos.prefLabel, Literal(SHORT_NAME, language="pl"), graph)]


def build_store(path: Path | None = None) -> EmbeddedStore:
    store = EmbeddedStore(path) if path else EmbeddedStore.in_memory()
    graphs = {}
    for art, ext in articles():
        graphs[graph_iri(art.source_iri)] = _quads(art, ext)
    store.replace_documents(graphs)
    return store

