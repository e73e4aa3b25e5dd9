"""Three hand-made articles (two Polish, one Czech) for the validation and saved-query
tests (not a test module). Written by us; built through `graph.build.to_quads`, so the
tests see exactly the shape the loader writes.

- kalisz-forum (pl, 2024-03-05): MOPS w Kaliszu leads project "Razem" with Fundacja Ala
  (cooperation: project); forum organised by MOPS, attended by Fundacja Ala and PUP w Kaliszu
  (co-participation MOPS-PUP and Ala-PUP); Ewa Nowak, dyrektor of MOPS, speaks.
- kalisz-porozumienie (pl, 2024-05-10): MOPS and Fundacja Ala sign an agreement
  (the same pair as above: one tie, two evidence items, two sources).
- kutna-hora (cs, 2024-04-02): Městský úřad Kutná Hora cooperates with Oblastní charita
  Kutná Hora (stated); Jana Dvořáková is vedoucí odboru of the Městský úřad.
"""

from __future__ import annotations

from pathlib import Path

from socialkg.graph.build import to_quads
from socialkg.graph.iris import graph_iri
from socialkg.graph.store import EmbeddedStore
from socialkg.model import (
    Affiliation, Article, Budget, Cooperation, Event, Evidence, Extraction, Organisation, Person, Project,
)


def ev(text: str, quote: str, method: str = "test") -> Evidence:
    start = text.index(quote)
    return Evidence(sentence=text, start=start, end=start + len(quote), method=method, confidence=0.9, quote=quote)


def _article(doc: str, text: str, title: str, published: str, lang: str) -> Article:
    path = f"/data/{doc}.txt"
    return Article(path=path, source_iri=Path(path).as_uri(), doc=doc, text=text, raw_hash=f"{doc:0<64}"[:64],
                   title=title, published=published, lang=lang)


MOPS = "Miejski Ośrodek Pomocy Społecznej w Kaliszu"
ALA = "Fundacja Ala"
PUP = "Powiatowy Urząd Pracy w Kaliszu"
MEU = "Městský úřad Kutná Hora"
CHARITA = "Oblastní charita Kutná Hora"


def _mops(text: str, quote: str) -> Organisation:
    return Organisation("o1", MOPS, ["MOPS w Kaliszu"], "social-welfare-centre", "Kalisz", acronym="MOPS",
                        evidence=[ev(text, quote)])


def _ala(text: str, quote: str) -> Organisation:
    return Organisation("o2", ALA, ["Fundacją Ala"], "ngo", "Kalisz", evidence=[ev(text, quote)])


def kalisz_forum() -> tuple[Article, Extraction]:
    t = ("Miejski Ośrodek Pomocy Społecznej w Kaliszu i Fundacja Ala realizują projekt Razem. "
         "Powiatowy Urząd Pracy w Kaliszu wziął udział w Forum Pomocy Społecznej. "
         "Dyrektor MOPS w Kaliszu Ewa Nowak otworzyła forum.")
    art = _article("kalisz-forum", t, "Forum w Kaliszu", "2024-03-05", "pl")
    s1 = t.split(". ")[0]
    x = Extraction(
        doc=art.doc, lang="pl", published=art.published,
        organisations=[
            _mops(t, MOPS), _ala(t, ALA),
            Organisation("o3", PUP, [], "labour-office", "Kalisz", acronym="PUP", evidence=[ev(t, PUP)]),
        ],
        persons=[Person("p1", "Ewa Nowak", [Affiliation("o1", "dyrektor", ev(t, "Ewa Nowak"))], [ev(t, "Ewa Nowak")])],
        events=[Event("e1", "Forum Pomocy Społecznej", type="forum", date="2024-03-01", place="Kalisz",
                      organisers=["o1"], participants=["o2", "o3"], speakers=["p1"],
                      evidence=[ev(t, "Forum Pomocy Społecznej")])],
        projects=[Project("j1", "Razem", leads=["o1"], partners=["o2"], funding=["Europejski Fundusz Społeczny"],
                          budget=Budget(1000.5, "PLN"), evidence=[ev(t, "Razem")])],
        cooperations=[Cooperation("o1", "o2", "project", "realizują projekt Razem", project="j1",
                                  provenance=ev(t, s1))],
    )
    return art, x


def kalisz_porozumienie() -> tuple[Article, Extraction]:
    t = "MOPS w Kaliszu podpisał porozumienie z Fundacją Ala."
    art = _article("kalisz-porozumienie", t, "Porozumienie podpisane", "2024-05-10", "pl")
    x = Extraction(
        doc=art.doc, lang="pl", published=art.published,
        organisations=[_mops(t, "MOPS w Kaliszu"), _ala(t, "Fundacją Ala")],
        cooperations=[Cooperation("o1", "o2", "agreement", "podpisał porozumienie z Fundacją Ala",
                                  provenance=ev(t, "podpisał porozumienie z Fundacją Ala"))],
    )
    return art, x


def kutna_hora() -> tuple[Article, Extraction]:
    t = ("Městský úřad Kutná Hora dlouhodobě spolupracuje s Oblastní charitou Kutná Hora. "
         "Vedoucí odboru Jana Dvořáková to potvrdila.")
    art = _article("kutna-hora", t, "Spolupráce v Kutné Hoře", "2024-04-02", "cs")
    x = Extraction(
        doc=art.doc, lang="cs", published=art.published,
        organisations=[
            Organisation("o1", MEU, ["MěÚ Kutná Hora"], "local-government", "Kutná Hora", evidence=[ev(t, MEU)]),
            Organisation("o2", CHARITA, ["Oblastní charitou Kutná Hora"], "ngo", "Kutná Hora",
                         evidence=[ev(t, "Oblastní charitou Kutná Hora")]),
        ],
        persons=[Person("p1", "Jana Dvořáková", [Affiliation("o1", "vedoucí odboru", ev(t, "Jana Dvořáková"))],
                        [ev(t, "Jana Dvořáková")])],
        cooperations=[Cooperation("o1", "o2", "stated", "dlouhodobě spolupracuje s Oblastní charitou Kutná Hora",
                                  provenance=ev(t, "spolupracuje s Oblastní charitou Kutná Hora"))],
    )
    return art, x


def articles() -> list[tuple[Article, Extraction]]:
    return [kalisz_forum(), kalisz_porozumienie(), kutna_hora()]


def load(store: EmbeddedStore, docs: list[tuple[Article, Extraction]] | None = None) -> EmbeddedStore:
    """Each article into its own named graph, as the pipeline does."""
    store.replace_documents({graph_iri(a.source_iri): to_quads(a, x) for a, x in (docs or articles())})
    return store
