"""People and their posts, written the ways Polish and Czech news introduce them.

Every sentence here was written for the test (invented people and bodies); each test runs
the real extractor (`socialkg.loaders.nlp.extract`) and looks at the people it returns.
"""

from __future__ import annotations

import pytest

from nlp_helpers import affs, org_id, run


def names(ex) -> set[str]:
    return {p.name for p in ex.persons}


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Od ośmiu lat dzieci wychowują Ewa i Tadeusz Kamińscy z Pcimia.", {"Ewa Kamińska", "Tadeusz Kamiński"}),
    ("Podziękowania trafiły do Ewy i Tadeusza Kamińskich.", {"Ewa Kamińska", "Tadeusz Kamiński"}),
    ("Gospodarstwo prowadzą Zofia i Jerzy Nowakowie.", {"Zofia Nowak", "Jerzy Nowak"}),
])
def test_polish_couple_with_a_plural_surname_is_two_people(text, expected):
    assert names(run(text)) == expected


def test_czech_couple_with_a_plural_surname_is_two_people():
    ex = run("Pěstounskou péči poskytují Hana a Karel Dvořákovi z Loun.", lang="cs")
    assert names(ex) == {"Hana Dvořáková", "Karel Dvořák"}


@pytest.mark.parametrize("text, expected", [
    ("Podle koordinátora Jiřího Skály se přihlásilo dvacet rodin.", "Jiří Skála"),
    ("O projektu jsme mluvili s Tomášem Hudcem a Jiřím Skálou.", "Jiří Skála"),
])
def test_czech_a_stem_surnames_in_oblique_cases_become_nominative(text, expected):
    assert expected in names(run(text, lang="cs"))


@pytest.mark.parametrize("text", [
    "Besedy se zúčastnili i žáci ze ZŠ a MŠ Jana Ámose Komenského v Lounech.",
    "Výstavu připravili studenti Gymnázia Karla Havlíčka v Berouně.",
])
def test_a_name_that_a_school_honours_is_not_a_person(text):
    assert not run(text, lang="cs").persons


def test_a_post_in_the_same_case_keeps_the_person_after_an_acronym():
    ex = run("Podle ředitelky ZŠ Hany Malé chodí do družiny sto dětí.", lang="cs")
    assert names(ex) == {"Hana Malá"}


@pytest.mark.parametrize("text, name", [
    ("Na pytania odpowiadał mł. asp. Piotr Zając z Komendy Powiatowej Policji w Kole.", "Piotr Zając"),
    ("O bezpieczeństwie mówił npor. Mgr. Karel Vrba z Policie České republiky.", "Karel Vrba"),
])
def test_ranks_before_a_name_are_left_out(text, name):
    lang = "cs" if "Policie" in text else "pl"
    ex = run(text, lang=lang)
    assert names(ex) == {name}
    assert len(affs(ex, name)) == 1


# --- posts before the name ------------------------------------------------------------------


def test_executive_post_with_a_two_word_place_before_the_name():
    ex = run("Gmina Stary Dzierzgoń otworzyła świetlicę. Wstęgę przeciął burmistrz Starego Dzierzgonia "
             "Paweł Kubiak.")
    assert affs(ex, "Paweł Kubiak") == {org_id(ex, "Gmina Stary"): "burmistrz"}


def test_czech_executive_post_with_the_statutory_city_before_the_name():
    ex = run("Statutární město Opava a Magistrát města Opavy připravily setkání. „Děkujeme,“ uvedla "
             "náměstkyně primátora statutárního města Opavy Mgr. Eva Hradilová.", lang="cs")
    assert affs(ex, "Eva Hradilová") == {org_id(ex, "Statutární město Opava"): "náměstkyně primátora"}


def test_czech_post_with_its_field_before_the_name():
    ex = run("Město Beroun spouští zimní opatření. „Nikdo nesmí zmrznout,“ řekl místostarosta pro sociální "
             "oblast Ing. Karel Vrba.", lang="cs")
    assert affs(ex, "Karel Vrba") == {org_id(ex, "Město Beroun"): "místostarosta"}


def test_mayor_goes_to_the_municipality_rather_than_its_office():
    ex = run("Gmina Miejska Pcim i Urząd Miejski w Pcimiu podpisały umowę. Podpisał ją zastępca burmistrza "
             "Pcimia Jan Wrona.")
    assert affs(ex, "Jan Wrona") == {org_id(ex, "Gmina Miejska"): "zastępca burmistrza"}


# --- posts after the name -------------------------------------------------------------------


def test_a_second_post_joined_by_a_conjunction_has_its_own_body():
    ex = run("Spolek Nový domov, z.s. spolupracuje s Oblastní charitou Beroun. „Práce pomáhá,“ říká "
             "Jitka Horáková, předsedkyně spolku a zároveň ředitelka Oblastní charity Beroun.", lang="cs")
    got = affs(ex, "Jitka Horáková")
    assert got[org_id(ex, "Spolek")] == "předsedkyně"
    assert got[org_id(ex, "Oblastní charita")] == "ředitelka"


def test_a_description_of_the_person_then_the_body_they_come_from():
    ex = run("O samotności mówiła dr Barbara Lis, socjolożka z Uniwersytetu Łódzkiego.")
    assert affs(ex, "Barbara Lis") == {org_id(ex, "Uniwersytet"): None}


def test_a_relative_clause_saying_the_person_ran_a_body():
    ex = run("Centrum Usług Społecznych w Pcimiu zastąpiło Gminny Ośrodek Pomocy Społecznej w Pcimiu. – To "
             "zmiana na lepsze – mówi Ewa Sowa, dyrektor CUS, która wcześniej kierowała GOPS-em.")
    got = affs(ex, "Ewa Sowa")
    assert got[org_id(ex, "Centrum")] == "dyrektor"
    assert org_id(ex, "Gminny") in got


def test_heading_a_body_described_in_a_relative_clause():
    ex = run("W Pcimiu działa Zespół Interdyscyplinarny w Pcimiu. Posiedzenie prowadziła Anna Kos, która "
             "od roku stoi na czele zespołu.")
    assert org_id(ex, "Zespół") in affs(ex, "Anna Kos")


def test_a_body_led_by_the_person_named_after_a_relative_pronoun():
    ex = run("Wnioski przyjmuje Dział Świadczeń Rodzinnych MOPS w Pcimiu, którym kieruje Ewa Wilk.")
    got = affs(ex, "Ewa Wilk")
    assert set(got) == {org_id(ex, "Dział"), org_id(ex, "Miejski")}


# --- a unit and its parent ------------------------------------------------------------------


def test_a_post_in_a_department_named_with_its_parent_links_both():
    ex = run("– Pomagamy codziennie – mówi Irena Gil, kierownik Działu Pomocy Środowiskowej MOPS w Pcimiu.")
    assert affs(ex, "Irena Gil") == {org_id(ex, "Dział"): "kierownik", org_id(ex, "Miejski"): None}


def test_czech_head_of_a_department_named_with_its_office_links_both():
    ex = run("Vedoucí odboru sociálních věcí Městského úřadu Beroun Mgr. Petr Kos uvedl, že město pomůže.",
             lang="cs")
    assert affs(ex, "Petr Kos") == {org_id(ex, "Odbor"): "vedoucí odboru", org_id(ex, "Městský"): None}


def test_a_department_named_alone_links_only_the_department():
    ex = run("Městský úřad Beroun otevřel poradnu. „Pomůžeme,“ řekla vedoucí odboru sociálních věcí Jana "
             "Malá.", lang="cs")
    assert len(affs(ex, "Jana Malá")) == 1


# --- fallbacks ------------------------------------------------------------------------------


def test_a_post_of_another_kind_of_body_does_not_go_to_the_article_topic():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Pcimiu pomaga bezdomnym. MOPS w Pcimiu wydał 300 posiłków. "
             "Schronisko prowadzi stowarzyszenie. – Dostawiamy łóżka – mówi Jan Kruk, prezes koła.")
    assert affs(ex, "Jan Kruk") == {}
