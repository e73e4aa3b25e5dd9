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
    ex = run("Pěstounskou péči poskytují Hana a Karel Šustrovi z Loun.", lang="cs")
    assert names(ex) == {"Hana Šustrová", "Karel Šustr"}


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
    ("Na pytania odpowiadał mł. asp. Piotr Mrówka z Komendy Powiatowej Policji w Kole.", "Piotr Mrówka"),
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
             "Pcimia Jan Czapla.")
    assert affs(ex, "Jan Czapla") == {org_id(ex, "Gmina Miejska"): "zastępca burmistrza"}


# --- posts after the name -------------------------------------------------------------------


def test_a_second_post_joined_by_a_conjunction_has_its_own_body():
    ex = run("Spolek Nový domov, z.s. spolupracuje s Oblastní charitou Beroun. „Práce pomáhá,“ říká "
             "Jitka Horáková, předsedkyně spolku a zároveň ředitelka Oblastní charity Beroun.", lang="cs")
    got = affs(ex, "Jitka Horáková")
    assert got[org_id(ex, "Spolek")] == "předsedkyně"
    assert got[org_id(ex, "Oblastní charita")] == "ředitelka"


def test_a_description_of_the_person_then_the_body_they_come_from():
    ex = run("O samotności mówiła dr Barbara Lis, socjolożka z Uniwersytetu Opolskiego.")
    assert affs(ex, "Barbara Lis") == {org_id(ex, "Uniwersytet"): None}


def test_a_relative_clause_saying_the_person_ran_a_body():
    ex = run("Centrum Usług Społecznych w Pcimiu zastąpiło Gminny Ośrodek Pomocy Społecznej w Pcimiu. – To "
             "zmiana na lepsze – mówi Ewa Gajda, dyrektor CUS, która wcześniej kierowała GOPS-em.")
    got = affs(ex, "Ewa Gajda")
    assert got[org_id(ex, "Centrum")] == "dyrektor"
    assert org_id(ex, "Gminny") in got


def test_heading_a_body_described_in_a_relative_clause():
    ex = run("W Pcimiu działa Zespół Interdyscyplinarny w Pcimiu. Posiedzenie prowadziła Anna Kos, która "
             "od roku stoi na czele zespołu.")
    assert org_id(ex, "Zespół") in affs(ex, "Anna Kos")


def test_a_body_led_by_the_person_named_after_a_relative_pronoun():
    ex = run("Wnioski przyjmuje Dział Świadczeń Rodzinnych MOPS w Pcimiu, którym kieruje Ewa Jeż.")
    got = affs(ex, "Ewa Jeż")
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


# --- where the person comes from, said before the name ---------------------------------------


def test_a_sentence_opening_with_the_body_the_person_came_from():
    ex = run("Na setkání byla i zástupkyně ministerstva. Z Ministerstva práce a sociálních věcí přijela "
             "PhDr. Alena Kubů.", lang="cs")
    assert affs(ex, "Alena Kubů") == {org_id(ex, "Ministerstvo"): None}


def test_an_opening_description_of_a_body_and_a_possessive_post():
    ex = run("W spotkaniu uczestniczyły Gminny Ośrodek Pomocy Społecznej w Zalesiu i Fundacja „Most”. "
             "Prezes fundacji mówił o wolontariacie. Gminny ośrodek z Zalesia reprezentowała jego kierownik "
             "Ewa Lis.")
    assert affs(ex, "Ewa Lis") == {org_id(ex, "Gminny"): "kierownik"}


def test_a_copula_with_a_post_whose_complement_describes_a_body():
    ex = run("W Pcimiu powstała Spółdzielnia Socjalna „Wspólna Droga”. Prezesem spółdzielni został Adam Mróz.")
    assert affs(ex, "Adam Mróz") == {org_id(ex, "Spółdzielnia"): "prezes"}


def test_a_copula_post_without_a_body_goes_to_the_body_the_article_is_about():
    ex = run("Zespół Interdyscyplinarny w Gminie Pcim zebrał się po raz pierwszy. Zespół Interdyscyplinarny "
             "w Gminie Pcim liczy dziesięć osób. Przewodniczącą ponownie została Ewa Lis, kierownik GOPS w Pcimiu.")
    got = affs(ex, "Ewa Lis")
    assert got[org_id(ex, "Zespół")] == "przewodnicząca"
    assert got[org_id(ex, "Gminny")] == "kierownik"


# --- posts of one kind of body --------------------------------------------------------------


def test_a_judge_belongs_to_the_one_court_of_the_article():
    ex = run("Sąd Rejonowy w Pcimiu wydał w zeszłym roku 40 postanowień. – Brakuje rodzin – przyznaje sędzia "
             "Jan Czapla.")
    assert affs(ex, "Jan Czapla") == {org_id(ex, "Sąd"): "sędzia"}


def test_a_judge_with_two_courts_in_the_article_is_not_guessed():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Pcimiu szuka rodzin zastępczych. MOPS w Pcimiu współpracuje "
             "z Sądem Rejonowym w Pcimiu i Sądem Okręgowym w Krakowie. – Brakuje rodzin – przyznaje sędzia "
             "Jan Czapla.")
    assert affs(ex, "Jan Czapla") == {}


def test_a_hyphenated_post_of_the_municipal_police():
    ex = run("Ve spolupráci s Městskou policií Beroun chystáme besedy, první povede strážník-preventista "
             "Tomáš Vrba.", lang="cs")
    assert affs(ex, "Tomáš Vrba") == {org_id(ex, "Městská policie"): "strážník-preventista"}


def test_a_post_with_its_own_complement_and_no_body_goes_to_the_article_body():
    ex = run("Odbor sociálních věcí Městského úřadu Beroun připravuje plán. Odbor sociálních věcí Městského "
             "úřadu Beroun sbírá připomínky. Výsledky představila koordinátorka komunitního plánování Bc. Eva "
             "Malá.", lang="cs")
    assert affs(ex, "Eva Malá") == {org_id(ex, "Odbor"): "koordinátorka komunitního plánování"}


def test_a_verb_after_a_post_is_not_its_complement():
    ex = run("Przewodniczącą zespołu została Anna Lis. Jej zastępcą wybrano asp. Marka Wilka.")
    assert affs(ex, "Marek Wilk") == {}


# --- the name of the post -------------------------------------------------------------------


def test_a_unit_word_that_describes_the_body_is_not_part_of_a_directors_post():
    ex = run("Úřad práce České republiky – kontaktní pracoviště Beroun podepsal dohodu. Dohodu podepsala "
             "ředitelka kontaktního pracoviště Jana Malá.", lang="cs")
    assert affs(ex, "Jana Malá") == {org_id(ex, "Úřad práce"): "ředitelka"}


def test_the_head_of_a_unit_is_named_with_the_unit():
    ex = run("Úřad práce České republiky – kontaktní pracoviště Beroun podepsal dohodu. „Pomůžeme,“ říká "
             "Ing. Jana Malá, vedoucí kontaktního pracoviště.", lang="cs")
    assert affs(ex, "Jana Malá") == {org_id(ex, "Úřad práce"): "vedoucí kontaktního pracoviště"}


def test_a_longer_post_before_a_body_wins():
    ex = run("„Bydlení je priorita,“ uvedla náměstkyně hejtmana Středočeského kraje Eva Malá.", lang="cs")
    assert list(affs(ex, "Eva Malá").values()) == ["náměstkyně hejtmana"]


def test_a_post_with_a_lower_case_complement_before_w_and_the_body():
    ex = run("– Szukamy rodzin – mówi Ewa Lis, koordynatorka rodzinnej pieczy zastępczej w PCPR w Pcimiu.")
    assert list(affs(ex, "Ewa Lis").values()) == ["koordynatorka rodzinnej pieczy zastępczej"]


def test_running_a_body_now_names_the_post():
    ex = run("Wnioski przyjmuje Dział Świadczeń MOPS w Pcimiu, którym kieruje Ewa Jeż.")
    assert affs(ex, "Ewa Jeż")[org_id(ex, "Dział")] == "kierownik"


def test_a_professors_title_before_a_name_is_no_post():
    ex = run("Prof. dr hab. Jan Czapla z Uniwersytetu Opolskiego mówił o samotności.")
    assert affs(ex, "Jan Czapla") == {org_id(ex, "Uniwersytet"): None}


# --- on behalf of, representing -------------------------------------------------------------


def test_representing_a_body_in_apposition():
    ex = run("Na konferencji wystąpił Tomasz Lis, reprezentujący Fundację „Wspólna Droga”.")
    assert affs(ex, "Tomasz Lis") == {org_id(ex, "Fundacja"): None}


def test_abbreviated_professorship_in_apposition():
    ex = run("Gościem była dr hab. Joanna Mazur, prof. Uniwersytetu Opolskiego.")
    assert affs(ex, "Joanna Mazur") == {org_id(ex, "Uniwersytet"): "profesor"}


def test_on_the_side_of_a_body():
    ex = run("Ze strany Úřadu práce České republiky se jednání zúčastnila Mgr. Jana Malá.", lang="cs")
    assert affs(ex, "Jana Malá") == {org_id(ex, "Úřad práce"): None}


def test_on_the_side_of_a_described_body():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Pcimiu podpisał umowę. Koordynatorem po stronie ośrodka "
             "będzie Ewa Lis.")
    assert affs(ex, "Ewa Lis") == {org_id(ex, "Miejski"): None}


def test_a_popes_name_is_not_a_person_of_the_article():
    assert not run("W sali imienia papieża, którym był Jan Paweł II, odbyło się spotkanie.").persons


def test_on_behalf_of_a_described_body():
    ex = run("Starostwo Powiatowe w Pcimiu powołało zespół. Z ramienia starostwa w pracach zespołu "
             "uczestniczy Jan Lis.")
    assert affs(ex, "Jan Lis") == {org_id(ex, "Starostwo"): None}


def test_a_deputy_after_a_conjunction_shares_the_body_of_the_post_before():
    ex = run("Fundacja „Most” i Stowarzyszenie „Wspólna Droga” podpisały umowę. Umowę podpisali prezes "
             "Stowarzyszenia „Wspólna Droga” Jan Nowak oraz wiceprezes Anna Lis.")
    assert affs(ex, "Anna Lis") == {org_id(ex, "Stowarzyszenie"): "wiceprezes"}


def test_czech_on_behalf_of_a_described_body_before_a_rank():
    ex = run("Setkání se zúčastnili zástupci Městského úřadu Beroun a Policie České republiky. Za policii "
             "promluvil npor. Petr Malý.", lang="cs")
    assert affs(ex, "Petr Malý") == {org_id(ex, "Policie"): None}


def test_czech_in_the_name_of_a_body():
    ex = run("Oblastní charita Beroun a Město Beroun spolupracují. Jménem charity poděkovala Jana Malá.", lang="cs")
    assert affs(ex, "Jana Malá") == {org_id(ex, "Oblastní charita"): None}


@pytest.mark.parametrize("text", [
    "– Mamy dużo pracy – mówi Anna Nowak, na co dzień dyrektor MOPS w Pcimiu.",
    "– Mamy dużo pracy – mówi Anna Nowak, obecnie dyrektor MOPS w Pcimiu.",
])
def test_an_adverb_before_a_post_in_apposition(text):
    ex = run(text)
    assert affs(ex, "Anna Nowak") == {org_id(ex, "Miejski"): "dyrektor"}


def test_a_post_in_an_unknown_unit_of_a_known_body_links_the_body():
    ex = run("Głos zabrała Anna Nowak, dyrektor Departamentu Polityki Społecznej Urzędu Marszałkowskiego "
             "Województwa Opolskiego.")
    assert affs(ex, "Anna Nowak") == {org_id(ex, "Urząd Marszałkowski"): None}


def test_a_post_in_an_unknown_unit_before_the_name_links_the_known_body():
    ex = run("Głos zabrała dyrektor Departamentu Polityki Społecznej Urzędu Marszałkowskiego Województwa "
             "Opolskiego Anna Nowak.")
    assert affs(ex, "Anna Nowak") == {org_id(ex, "Urząd Marszałkowski"): None}


def test_a_post_of_the_office_goes_to_the_article_body_that_is_an_office():
    ex = run("Memorandum podepsaly Magistrát města Opavy a Charita Opava. Magistrát města Opavy připravil text. "
             "Dokument podepsali David Kos, tajemník úřadu, a Petr Malý, ředitel Charity Opava.", lang="cs")
    assert affs(ex, "David Kos") == {org_id(ex, "Magistrát"): "tajemník úřadu"}
