"""Posts, events, projects and cooperation written the ways real Polish and Czech news write them.

Each rule is tested with sentences written for the test (invented people and bodies); the
scores on tests/data/heldout (articles annotated before the extractor saw them) and on
examples/ are checked against floors at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest


from nlp_helpers import affs, org_id, pairs, run
from socialkg.loaders.nlp.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "data" / "heldout"
EXAMPLES = ROOT / "examples"


# --- sentence splitting ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Projekt stál 4,2 mil. Kč a skončil loni.",
    "Rozpočet činí 300 tis. Kč na rok.",
    "Přišel Ing. arch. Petr Malý z Opavy.",
    "Głos zabrał dyr. Jan Nowak z Leszna.",
    "Spotkanie w Urzędzie Gminy w Krzemieniewie, woj. wielkopolskie, trwało dwie godziny.",
])
def test_abbreviations_do_not_end_a_sentence(text):
    assert [s.text for s in split_sentences(text)] == [text]


# --- posts ----------------------------------------------------------------------------------


def test_post_with_a_description_of_a_body_before_the_name():
    ex = run("Gminny Ośrodek Pomocy Społecznej w Krzemieniewie przygotował raport. Raport przedstawiła "
             "kierownik ośrodka Barbara Lis.")
    assert affs(ex, "Barbara Lis") == {org_id(ex, "Gminny Ośrodek"): "kierownik"}


def test_post_with_a_description_in_apposition():
    ex = run("Spółdzielnia Socjalna „Zielony Ogród” prowadzi stołówkę. – Zatrudnimy pięć osób – mówi "
             "Halina Bąk, prezes spółdzielni.")
    assert affs(ex, "Halina Bąk") == {org_id(ex, "Spółdzielnia"): "prezes"}


def test_czech_post_with_a_place_adjective_and_a_unit_word():
    ex = run("Probační a mediační služba – středisko Opava otevřela poradnu. „Pomáháme,“ říká vedoucí "
             "opavského střediska Jana Malá.", lang="cs")
    assert affs(ex, "Jana Malá") == {org_id(ex, "Probační"): "vedoucí střediska"}


def test_czech_relative_and_possessive_pronoun_before_a_post():
    ex = run("Zapojila se i organizace Naděje pro Opavu, z.s., jejíž ředitelka Petra Malá popsala projekt.",
             lang="cs")
    assert list(affs(ex, "Petra Malá")) == [org_id(ex, "Naděje")]
    ex = run("O pracy Miejskiego Ośrodka Pomocy Rodzinie w Lesznie mówiła jego dyrektor Ewa Lis.")
    assert affs(ex, "Ewa Lis") == {org_id(ex, "Miejski"): "dyrektor"}


def test_possessive_pronoun_points_to_the_last_sentences_subject():
    ex = run("Stowarzyszenie „Dobry Start” prowadzi świetlicę w Lesznie. Jej prezes Anna Wiśniewska zapowiada "
             "nabór.")
    assert list(affs(ex, "Anna Wiśniewska")) == [org_id(ex, "Stowarzyszenie")]


def test_adjective_between_post_and_body_before_the_name():
    ex = run("Na spotkanie przyjechała kierownik miejscowego MOPS w Lesznie Ewa Marek.")
    assert list(affs(ex, "Ewa Marek")) == [org_id(ex, "Miejski")]
    ex = run("Dohodu podepsal vedoucí opavské pobočky Charity Opava Petr Malý.", lang="cs")
    assert affs(ex, "Petr Malý") == {org_id(ex, "Charita"): "vedoucí pobočky"}


def test_unit_before_its_parent_before_the_name_is_the_persons_body():
    ex = run("„Musíme to řešit,“ řekla vedoucí odboru sociálních věcí Městského úřadu Opava Jana Malá.", lang="cs")
    unit = [o for o in ex.organisations if o.name.lower().startswith("odbor")]
    # the unit with its post; the parent named with it as well, with no post (the gold convention)
    assert unit and affs(ex, "Jana Malá") == {unit[0].id: "vedoucí odboru", unit[0].part_of: None}


def test_czech_mans_genitive_that_reads_as_a_womans_name():
    ex = run("Podle ředitele Charity Opava Martina Nováka přišlo 40 lidí.", lang="cs")
    assert [p.name for p in ex.persons] == ["Martin Novák"]
    ex = run("Podle ředitelky Charity Opava Martiny Novákové přišlo 40 lidí.", lang="cs")
    assert [p.name for p in ex.persons] == ["Martina Nováková"]


def test_executive_post_goes_to_the_municipality_rather_than_its_office():
    ex = run("Město Opava uzavřelo smlouvu. Na Městském úřadu Opava ji podepsal starosta Petr Malý.", lang="cs")
    assert list(affs(ex, "Petr Malý")) == [org_id(ex, "Město Opava")]


def test_marshal_goes_to_the_marshals_office_not_the_voivodes():
    ex = run("Przybyli przedstawiciele Urzędu Marszałkowskiego Województwa Lubuskiego i Lubuskiego Urzędu "
             "Wojewódzkiego. Konferencję otworzyła wicemarszałek województwa lubuskiego Anna Lis.")
    assert list(affs(ex, "Anna Lis")) == [org_id(ex, "Urząd Marszałkowski")]


# --- cooperation ----------------------------------------------------------------------------


def test_comitative_list_joins_everyone_named():
    ex = run("Statutární město Opava spolu s organizacemi Armáda spásy v České republice, z. s., Charita Opava a "
             "Slezská diakonie připravilo na zimu 80 míst pro lidi bez domova.", lang="cs")
    assert len(pairs(ex)) == 6 and set(pairs(ex).values()) == {"stated"}


def test_comitative_with_se_and_a_kind_word_in_a_project_sentence():
    ex = run("Charita Opava spustila společně se spolkem Naděje pro Opavu program pro propuštěné vězně.", lang="cs")
    assert list(pairs(ex).values()) == ["project"]


def test_comitative_in_an_organising_sentence_is_co_organised():
    ex = run("Festyn zorganizowało Powiatowe Centrum Pomocy Rodzinie w Lesznie wspólnie ze Stowarzyszeniem "
             "„Dobry Dom”.")
    assert list(pairs(ex).values()) == ["co-organised"]


def test_signatories_list():
    ex = run("W Lesznie podpisano porozumienie. Sygnatariuszami zostali: Powiatowy Urząd Pracy w Lesznie, Miejski "
             "Ośrodek Pomocy Społecznej w Lesznie oraz Fundacja „Dobry Dom”.")
    assert len(pairs(ex)) == 3 and set(pairs(ex).values()) == {"agreement"}


def test_members_of_a_formal_team():
    ex = run("Wójt powołał zespół interdyscyplinarny. W jego skład weszli przedstawiciele Gminnego Ośrodka Pomocy "
             "Społecznej w Krzemieniewie, Komendy Powiatowej Policji w Lesznie oraz Sądu Rejonowego w Lesznie.")
    # tied through the body that runs the team (here the first named), not every member with every other
    gops = org_id(ex, "Gminny Ośrodek")
    assert len(pairs(ex)) == 2 and all(gops in p for p in pairs(ex)) and set(pairs(ex).values()) == {"agreement"}


def test_a_body_joins_the_tie_told_just_before():
    ex = run("Charita Opava a Slezská diakonie podepsaly memorandum o spolupráci. Na spolupráci se podílí i "
             "Městská policie Opava.", lang="cs")
    police = org_id(ex, "Městská policie")
    assert sum(1 for k in pairs(ex) if police in k) == 2


def test_a_body_joins_the_project_named_before():
    ex = run("Magistrát města Opavy realizuje program „Bydlení především“. Zapojila se do něj i organizace "
             "Naděje pro Opavu, z.s.", lang="cs")
    assert pairs(ex) == {frozenset((org_id(ex, "Magistrát"), org_id(ex, "Naděje"))): "project"}


def test_all_of_the_bodies_listed_before():
    ex = run("Statutární město Opava spolu s organizacemi Armáda spásy v České republice, z. s., Charita Opava a "
             "Slezská diakonie připravilo na zimu 80 míst. Terénní pracovníci všech tří organizací budou spolupracovat "
             "s Městskou policií Opava.", lang="cs")
    police = org_id(ex, "Městská policie")
    assert sum(1 for k in pairs(ex) if police in k) == 3


def test_descriptions_are_parties():
    ex = run("Stowarzyszenie „Dobry Dom” prowadzi schronisko. Miejski Ośrodek Pomocy Społecznej w Lesznie "
             "współpracuje ze stowarzyszeniem od lat.")
    assert list(pairs(ex).values()) == ["stated"]
    ex = run("Probační a mediační služba – středisko Opava pomáhá lidem. S probační službou dlouhodobě "
             "spolupracuje i Městská policie Opava.", lang="cs")
    assert len(pairs(ex)) == 1
    ex = run("Klub Integracji Społecznej w Lesznie działa od roku. Spółdzielnia Socjalna „Zielony Ogród” zatrudniła "
             "sześć osób. To efekt umowy, którą Klub Integracji Społecznej w Lesznie i spółdzielnia podpisały w marcu.")
    assert list(pairs(ex).values()) == ["agreement"]


def test_plural_descriptions_are_not_parties():
    ex = run("Stowarzyszenie „Dobry Dom” prowadzi schronisko. Miejski Ośrodek Pomocy Społecznej w Lesznie "
             "współpracuje z wieloma stowarzyszeniami.")
    assert ex.cooperations == []


def test_subject_after_the_partner():
    ex = run("Stowarzyszenie „Razem” działa w Lesznie. Wspólnie z Miejskim Ośrodkiem Pomocy Społecznej "
             "w Lesznie stowarzyszenie prowadzi świetlicę.")
    assert list(pairs(ex).values()) == ["stated"]


def test_we_worked_with_is_the_speakers_body():
    ex = run("– Przez rok pracowaliśmy z Regionalnym Ośrodkiem Polityki Społecznej w Poznaniu – mówi Jan Lis, "
             "dyrektor Centrum Usług Społecznych w Lesznie.")
    assert list(pairs(ex).values()) == ["stated"]


def test_lead_of_a_project_in_a_relative_clause():
    ex = run("Na konferencji Powiatowe Centrum Pomocy Rodzinie w Lesznie pokazało wyniki projektu „Razem”, który "
             "realizuje razem z Powiatowym Urzędem Pracy w Lesznie.")
    assert ex.projects and ex.projects[0].leads == [org_id(ex, "Powiatowe Centrum")]


# --- events and projects ----------------------------------------------------------------------


def test_czech_sentence_case_name_after_a_lower_case_head():
    ex = run("Na konferenci Péče o seniory v kraji? se v úterý v Opavě sešlo 90 lidí. Konferenci pořádala "
             "Slezská diakonie.", lang="cs", published="2023-05-10")
    assert [e.name for e in ex.events] == ["Péče o seniory v kraji"]


def test_quoted_name_followed_by_to_tytul():
    ex = run("„Rodzina w centrum uwagi” to tytuł konferencji, która 5 maja odbyła się w Lesznie.",
             title="Leszno, 6.05.2023")
    assert [e.name for e in ex.events] == ["Rodzina w centrum uwagi"]


def test_council_session_is_a_meeting():
    ex = run("Podczas sesji 12 marca Rada Gminy Krzemieniewo wysłuchała sprawozdania.", published="2023-03-20")
    assert ex.events and ex.events[0].type == "meeting" and ex.events[0].date == "2023-03-12"


def test_headline_naming_an_event_makes_it():
    ex = run("Ośrodek otworzył drzwi dla mieszkańców.", title="Dzień otwarty w Domu Pomocy Społecznej w Lesznie")
    assert [e.name for e in ex.events] == ["Dzień otwarty w Domu Pomocy Społecznej w Lesznie"]


def test_programme_after_an_adjective_and_z_is_funding():
    ex = run("Poradnu podpořil Krajský úřad Moravskoslezského kraje z dotačního programu Podpora sociálních služeb.",
             lang="cs")
    assert ex.projects == []


def test_amount_after_a_named_fund_is_not_part_of_its_name():
    ex = run("Gmina realizuje program „Asystent osobisty”, na który otrzymała z Funduszu Solidarnościowego "
             "186 tys. zł.")
    assert ex.projects and ex.projects[0].funding == ["Fundusz Solidarnościowy"]


# --- scores on articles the rules were not written from -------------------------------------

# Micro F1 measured with the real organisation recogniser (heldout: persons 1.00, affiliations 0.96,
# events 1.00, projects 1.00, cooperations 0.98; examples: all 1.00); floors leave a margin for
# changes in organisation recognition.
FLOORS = {
    HELDOUT: {"persons": 0.95, "affiliations": 0.90, "events": 0.80, "projects": 0.85, "cooperations": 0.90},
    EXAMPLES: {"persons": 0.95, "affiliations": 0.92, "events": 0.80, "projects": 0.80, "cooperations": 0.90},
}


@pytest.mark.parametrize("corpus", [HELDOUT, EXAMPLES], ids=["heldout", "examples"])
def test_relation_f1_floors(corpus):
    from socialkg.evaluation import evaluate_corpus

    report = evaluate_corpus(corpus)
    assert not report.failed
    for kind, floor in FLOORS[corpus].items():
        f1 = report.totals[kind].f1 or 0.0
        assert f1 >= floor, f"{corpus.name} {kind}: F1 {f1:.3f} < {floor}"
