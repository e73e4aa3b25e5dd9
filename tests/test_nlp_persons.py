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
