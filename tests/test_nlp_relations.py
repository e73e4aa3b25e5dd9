"""People, posts, events, projects, dates and cooperation extracted from Polish and Czech text.

Every sentence here is written for the test (invented people and bodies); real text is
read only from ../shared/corpus, in the last test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from socialkg import model

from nlp_helpers import affs, org_id, pairs, person, run
from socialkg.loaders.nlp.dates import find_dates
from socialkg.loaders.nlp.projects import parse_amount

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Spotkanie odbyło się 7 czerwca 2021 r. w Lesznie.", None, ("2021-06-07", None)),
        ("Obrady trwały 3 i 4 marca 2020 roku.", None, ("2020-03-03", "2020-03-04")),
        ("Konference proběhla 12. listopadu 2018.", None, ("2018-11-12", None)),
        ("Setkání se konalo 5.10.2016 v Opavě.", None, ("2016-10-05", None)),
        ("We wtorek (14.03) spotkali się radni.", "2023-03-15", ("2023-03-14", None)),
        ("Forum odbyło się 30 września – 1 października 2022.", None, ("2022-09-30", "2022-10-01")),
    ],
)
def test_dates_are_found_and_parsed(text, published, expected):
    found = [d for d in find_dates(text, published) if d.date]
    assert found, text
    assert (found[0].date, found[0].end_date) == expected


def test_date_without_year_takes_the_published_year_or_none():
    assert find_dates("Zebranie odbyło się 20 maja.", "2019-06-02")[0].date == "2019-05-20"
    assert find_dates("Zebranie odbyło się 20 maja.", None)[0].date is None


def test_weekday_and_implied_year_fix_a_date_without_year():
    # 9 March was a Thursday in 2023; the text implies 2023 ("ubiegły, 2022 rok")
    text = "W czwartek, 9 marca, podsumowano ubiegły, 2022 rok."
    assert find_dates(text, None)[0].date == "2023-03-09"


def test_weekday_adjective_resolves_against_the_published_date():
    # published on a Monday: "sobotniej konferencji" is the Saturday before
    dates = find_dates("Uczestnicy sobotniej konferencji rozmawiali o seniorach.", "2022-05-16")
    assert dates[0].date == "2022-05-14"


def test_law_dates_are_not_an_events_date():
    ex = run("Zgodnie z ustawą z dnia 12 marca 2004 r. o pomocy społecznej w Rawiczu odbyło się spotkanie robocze "
             "pracowników Gminnego Ośrodka Pomocy Społecznej w Rawiczu.")
    assert ex.events and ex.events[0].date is None


# --- persons and posts -------------------------------------------------------------------


def test_apposition_post_and_body():
    ex = run("– Pomagamy codziennie – powiedziała Anna Kowalczyk, dyrektor Miejskiego Ośrodka Pomocy "
             "Społecznej w Lesznie.")
    assert affs(ex, "Anna Kowalczyk") == {org_id(ex, "Miejski Ośrodek"): "dyrektor"}
    ev = person(ex, "Anna Kowalczyk").evidence[0]
    assert ex_text(ex, ev) == "Anna Kowalczyk"


def ex_text(ex, ev: model.Evidence) -> str:
    return ev.quote or ""


def test_post_and_body_before_the_name():
    ex = run("Na spotkanie przyjechał kierownik Gminnego Ośrodka Pomocy Społecznej w Rawiczu Tomasz Nowicki.")
    assert affs(ex, "Tomasz Nowicki") == {org_id(ex, "Gminny Ośrodek"): "kierownik"}


def test_body_in_brackets_after_a_list_of_names():
    ex = run("O nowych usługach mówiły Ewa Zielińska i Marta Lis (PCPR w Gnieźnie).")
    pcpr = org_id(ex, "Powiatowe Centrum")
    assert pcpr in affs(ex, "Ewa Zielińska") and pcpr in affs(ex, "Marta Lis")


def test_plural_post_before_a_colon_list_is_given_in_its_base_form():
    ex = run("Wystąpiły też kierowniczki ośrodków: Halina Wrona (OPS w Krobi) i Irena Sowa (OPS w Poniecu).")
    assert list(affs(ex, "Halina Wrona").values()) == ["kierownik"]
    assert list(affs(ex, "Irena Sowa").values()) == ["kierownik"]


def test_titles_are_left_out_and_oblique_names_put_in_the_nominative():
    ex = run("Wykład wygłosił dr hab. Piotr Malinowski. Podziękowania przekazano na ręce Barbary Kowalskiej "
             "z Fundacji „Dobry Dom”.")
    names = {p.name for p in ex.persons}
    assert {"Piotr Malinowski", "Barbara Kowalska"} <= names
    assert org_id(ex, "Fundacja") in affs(ex, "Barbara Kowalska")


def test_next_persons_post_is_not_given_to_the_previous_person():
    ex = run("W naradzie uczestniczyli Jan Wiśniewski, członek Zarządu Powiatu Gostyńskiego, dyrektor PCPR "
             "w Gostyniu Maria Lewandowska oraz inni goście.")
    assert set(affs(ex, "Jan Wiśniewski")) == {org_id(ex, "Zarząd Powiatu")}
    assert set(affs(ex, "Maria Lewandowska")) == {org_id(ex, "Powiatowe Centrum")}


def test_body_represented_by_a_person():
    ex = run("Powiatowy Urząd Pracy w Gostyniu reprezentowała zastępca dyrektora Agnieszka Mazur.")
    assert affs(ex, "Agnieszka Mazur") == {org_id(ex, "Powiatowy Urząd Pracy"): "zastępca dyrektora"}


def test_executive_post_goes_to_the_one_town_government():
    ex = run("Gości powitał burmistrz Jarocina Adam Pawlicki. Urząd Miejski w Jarocinie przygotował poczęstunek.")
    assert affs(ex, "Adam Pawlicki") == {org_id(ex, "Urząd Miejski"): "burmistrz"}


def test_executive_post_without_such_body_stays_unlinked():
    ex = run("W spotkaniu uczestniczył wicestarosta gostyński Marek Kaczmarek.")
    assert person(ex, "Marek Kaczmarek").affiliations == []


def test_street_names_are_not_people():
    ex = run("Punkt działa przy ul. Jana Kochanowskiego 5 w Lesznie.")
    assert ex.persons == []


def test_czech_people_posts_and_female_surnames():
    ex = run("Smlouvu podepsal ředitel Charity Opava Mgr. Jiří Dvořák. Formuláře jsou k dispozici na Městském "
             "úřadě v Opavě u Petry Novotné.", lang="cs")
    assert affs(ex, "Jiří Dvořák") == {org_id(ex, "Charita"): "ředitel"}
    assert set(affs(ex, "Petra Novotná")) == {org_id(ex, "Městský úřad")}


def test_czech_relative_clause_post():
    ex = run("Odbor sociálních věcí Magistrátu města Opavy, jehož vedoucí je Jana Svobodová, akci podpořil.",
             lang="cs")
    # the department's parent is named with it: both, the parent with no post (GOLD_FORMAT convention)
    assert affs(ex, "Jana Svobodová") == {org_id(ex, "Odbor"): "vedoucí odboru", org_id(ex, "Magistrát"): None}


def test_every_person_fact_has_evidence():
    ex = run("– Pomagamy codziennie – powiedziała Anna Kowalczyk, dyrektor Miejskiego Ośrodka Pomocy "
             "Społecznej w Lesznie.")
    p = ex.persons[0]
    assert p.evidence and p.evidence[0].method and p.evidence[0].sentence
    a = p.affiliations[0]
    assert a.evidence and a.evidence.method.startswith("pattern:") and a.evidence.start < a.evidence.end


# --- events ------------------------------------------------------------------------------


def test_named_event_with_organisers_date_place_speaker():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Lesznie i Stowarzyszenie „Razem Łatwiej” zorganizowali "
             "14 maja 2021 r. III Leszczyńskie Forum Seniorów w Lesznie. Podczas forum głos zabrała Anna "
             "Kowalczyk, dyrektor MOPS w Lesznie.")
    assert len(ex.events) == 1
    ev = ex.events[0]
    assert ev.name == "III Leszczyńskie Forum Seniorów" and ev.type == "forum"
    assert "Leszczyńskie Forum Seniorów" in ev.aliases
    assert (ev.date, ev.place) == ("2021-05-14", "Leszno")
    assert set(ev.organisers) == {org_id(ex, "Miejski"), org_id(ex, "Stowarzyszenie")}
    assert ev.speakers == [person(ex, "Anna Kowalczyk").id]
    assert ev.evidence and ev.evidence[0].method


def test_name_in_capitals_is_normalised_and_kept_as_alias():
    ex = run("Regionalny Ośrodek Polityki Społecznej w Poznaniu zorganizował II WIELKOPOLSKIE FORUM "
             "RODZINY w Poznaniu.")
    ev = ex.events[0]
    assert ev.name == "II Wielkopolskie Forum Rodziny"
    assert "II WIELKOPOLSKIE FORUM RODZINY" in ev.aliases


def test_generic_reported_meeting_in_the_nominative():
    ex = run("W czwartek, 9 marca, przedstawiciele Powiatowego Centrum Pomocy Rodzinie w Gnieźnie wzięli "
             "udział w spotkaniu roboczym w Gnieźnie. Omówiono plany i podsumowano ubiegły, 2022 rok.")
    ev = ex.events[0]
    assert (ev.name, ev.type, ev.date, ev.place) == ("Spotkanie robocze", "meeting", "2023-03-09", "Gniezno")
    assert "spotkaniu roboczym" in ev.aliases
    assert ev.organisers == []  # the centre only took part


def test_plans_and_plural_mentions_are_no_event():
    ex = run("Fundacja „Dobry Dom” i Caritas Diecezji Kaliskiej zamierzają wspólnie organizować szkolenia "
             "i konferencje. Tematem kolejnego spotkania ma być pomoc sąsiedzka.")
    assert ex.events == []


def test_team_meeting_is_named_after_the_team():
    ex = run("W piątek obradował w Lesznie zespół ds. przeciwdziałania przemocy w rodzinie. Posiedzenie "
             "prowadził przewodniczący zespołu.", published="2022-10-10")
    ev = ex.events[0]
    assert ev.name == "Posiedzenie zespołu ds. przeciwdziałania przemocy w rodzinie"
    assert "zespół ds. przeciwdziałania przemocy w rodzinie" in ev.aliases
    assert ev.date == "2022-10-07"


def test_title_reference_names_the_event_after_the_headline():
    text = ("Razem dla seniorów w gminie Krobia\n\nTo tytuł wczorajszej konferencji, którą zorganizował "
            "Gminny Ośrodek Pomocy Społecznej w Krobi.")
    ex = run(text, title="Razem dla seniorów w gminie Krobia")
    ev = ex.events[0]
    assert ev.name == "Razem dla seniorów w gminie Krobia" and ev.type == "conference"
    assert ev.organisers == [org_id(ex, "Gminny")]


def test_czech_meeting_with_organiser_and_place():
    ex = run("Setkání poskytovatelů sociálních služeb se uskutečnilo 3. října 2019 v Opavě. Pořadatelem byl "
             "Magistrát města Opavy.", lang="cs")
    ev = ex.events[0]
    assert ev.name == "Setkání poskytovatelů sociálních služeb"
    assert (ev.type, ev.date, ev.place) == ("meeting", "2019-10-03", "Opava")
    assert ev.organisers == [org_id(ex, "Magistrát")]


# --- projects -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "num, mult, cur, amount, currency",
    [
        ("1.234.567,89", None, "zł", 1234567.89, "PLN"),
        ("2,4", "mln", "zł", 2400000, "PLN"),
        ("480", "tys.", "zł", 480000, "PLN"),
        ("350 000", None, "Kč", 350000, "CZK"),
        ("1 200", None, "korun", 1200, "CZK"),
        ("15 000", None, "euro", 15000, "EUR"),
    ],
)
def test_amounts(num, mult, cur, amount, currency):
    assert parse_amount(num, mult, cur) == model.Budget(amount, currency)


def test_project_with_partner_funds_and_total_budget():
    ex = run("Gminny Ośrodek Pomocy Społecznej w Rawiczu realizuje projekt „Aktywni razem” w partnerstwie "
             "z Fundacją „Dobry Dom”. Projekt jest współfinansowany ze środków Europejskiego Funduszu "
             "Społecznego w ramach Regionalnego Programu Operacyjnego. Całkowita wartość projektu wynosi "
             "2,4 mln zł, w tym dofinansowanie 2 mln zł.")
    assert len(ex.projects) == 1
    j = ex.projects[0]
    assert j.name == "Aktywni razem"
    assert j.leads == [org_id(ex, "Gminny")] and j.partners == [org_id(ex, "Fundacja")]
    assert j.funding == ["Europejski Fundusz Społeczny", "Regionalny Program Operacyjny"]
    assert j.budget == model.Budget(2400000, "PLN")
    assert pairs(ex) == {frozenset((org_id(ex, "Gminny"), org_id(ex, "Fundacja"))): "project"}


def test_funding_programme_is_not_a_project():
    ex = run("Projekt „Sąsiedzka pomoc” jest realizowany w ramach Programu Operacyjnego Wiedza Edukacja "
             "Rozwój 2014-2020 przez Miejski Ośrodek Pomocy Społecznej w Krobi.")
    assert [j.name for j in ex.projects] == ["Sąsiedzka pomoc"]
    assert ex.projects[0].funding == ["Program Operacyjny Wiedza Edukacja Rozwój 2014-2020"]  # years as written


def test_czech_project_grant_and_partner():
    ex = run("Charita Opava získala na projekt „Domov pro všechny“ 350 000 Kč z programu Nadace Agrofert. "
             "Projekt realizuje ve spolupráci s Magistrátem města Opavy.", lang="cs")
    j = next(p for p in ex.projects if p.name == "Domov pro všechny")
    assert j.leads == [org_id(ex, "Charita")] and j.partners == [org_id(ex, "Magistrát")]
    assert j.budget == model.Budget(350000, "CZK") and j.funding == ["Nadace Agrofert"]
    assert pairs(ex)[frozenset((org_id(ex, "Charita"), org_id(ex, "Magistrát")))] == "project"


def test_role_complement_is_not_a_project_name():
    ex = run("Koordynator projektu Witold Nowak (MOPS w Lesznie) przedstawił jego założenia.")
    assert ex.projects == []


# --- cooperation --------------------------------------------------------------------------


def test_co_organised_event_is_cooperation_attendance_is_not():
    ex = run("Organizatorami konferencji byli Regionalny Ośrodek Polityki Społecznej w Poznaniu oraz "
             "Uniwersytet im. Adama Mickiewicza w Poznaniu. W konferencji wzięli udział przedstawiciele "
             "Caritas Archidiecezji Poznańskiej i Miejskiego Ośrodka Pomocy Rodzinie w Poznaniu.")
    rops, uam = org_id(ex, "Regionalny"), org_id(ex, "Uniwersytet")
    assert pairs(ex) == {frozenset((rops, uam)): "co-organised"}
    c = ex.cooperations[0]
    assert c.event == ex.events[0].id
    assert c.provenance and c.provenance.method and c.evidence.startswith("Organizatorami")


def test_agreement_czech_memorandum():
    ex = run("Charita Opava a Slezská diakonie podepsaly memorandum o spolupráci.", lang="cs")
    assert list(pairs(ex).values()) == ["agreement"]


def test_agreement_with_a_generic_word_for_the_town():
    ex = run("Město Opava vlastní budovu v centru. Charita Opava má s městem uzavřenou smlouvu o pronájmu.",
             lang="cs")
    assert pairs(ex) == {frozenset((org_id(ex, "Charita"), org_id(ex, "Město"))): "agreement"}


def test_agreement_polish():
    ex = run("Fundacja „Dobry Dom” i Stowarzyszenie „Razem Łatwiej” podpisały porozumienie o współpracy.")
    assert list(pairs(ex).values()) == ["agreement"]


def test_stated_cooperation_and_its_quote():
    ex = run("Powiatowy Urząd Pracy w Lesznie od lat współpracuje z Miejskim Ośrodkiem Pomocy Społecznej "
             "w Lesznie.")
    assert list(pairs(ex).values()) == ["stated"]
    assert "współpracuje" in ex.cooperations[0].evidence


def test_cooperation_between_named_after_the_cue():
    ex = run("Mówiono o współpracy między Sądem Rejonowym w Gostyniu a Powiatowym Centrum Pomocy Rodzinie "
             "w Gostyniu.")
    assert list(pairs(ex).values()) == ["stated"]


def test_cooperation_with_generic_partners_is_not_recorded():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Lesznie współpracuje z wieloma organizacjami. Przybyli "
             "przedstawiciele organizacji, z którymi ośrodek współpracuje, oraz władze miasta.")
    assert ex.cooperations == []


def test_extract_is_deterministic():
    text = ("Organizatorami konferencji byli Regionalny Ośrodek Polityki Społecznej w Poznaniu oraz "
            "Uniwersytet im. Adama Mickiewicza w Poznaniu. Głos zabrała Anna Kowalczyk, dyrektor ROPS w Poznaniu.")
    assert run(text).to_gold(with_provenance=True) == run(text).to_gold(with_provenance=True)


def test_empty_article():
    ex = run("   ")
    assert (ex.persons, ex.events, ex.projects, ex.cooperations) == ([], [], [], [])


# --- the real corpus ------------------------------------------------------------------------

# Micro F1 measured on ../shared/corpus (13 articles) with the real organisation recogniser:
# persons 1.00, affiliations 0.99, events 1.00, projects 1.00, cooperations 0.91.
FLOORS = {"persons": 0.97, "affiliations": 0.95, "events": 0.95, "projects": 0.95, "cooperations": 0.87}


@pytest.mark.skipif(not (CORPUS / "texts").is_dir(), reason="../shared/corpus not present")
def test_corpus_f1_floors():
    from socialkg.evaluation import evaluate_corpus

    report = evaluate_corpus(CORPUS)
    assert not report.failed
    for kind, floor in FLOORS.items():
        f1 = report.totals[kind].f1 or 0.0
        assert f1 >= floor, f"{kind}: F1 {f1:.3f} < {floor}"
