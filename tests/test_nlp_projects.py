"""Projects, programmes and campaigns the way Polish and Czech news name them: names, leads,
partners, funds and budgets, extracted from sentences written for these tests."""

from __future__ import annotations

import pytest

from socialkg import model
from socialkg.loaders.nlp.projects import parse_amount

from .nlp_helpers import org_id, pairs, run


def names(ex: model.Extraction) -> list[str]:
    return [j.name for j in ex.projects]


def only(ex: model.Extraction) -> model.Project:
    assert len(ex.projects) == 1, names(ex)
    return ex.projects[0]


# --- names ------------------------------------------------------------------------------------


def test_multi_year_programme_keeps_its_own_words_and_years():
    ex = run("Świetlica w Krzemieniewie powstała dzięki dotacji z Programu Wieloletniego „Senior+” "
             "na lata 2021–2025. Zajęcia prowadzi Gminny Ośrodek Pomocy Społecznej w Krzemieniewie.")
    j = only(ex)
    assert j.name == "Program Wieloletni „Senior+” na lata 2021–2025"
    assert {"Senior+", "Programu Wieloletniego „Senior+” na lata 2021–2025"} <= set(j.aliases)
    assert j.budget is None and j.funding == []


def test_quoted_title_goes_on_with_its_edition():
    ex = run("Od marca Miejski Ośrodek Pomocy Społecznej w Lesznie realizuje rządowy program "
             "„Opieka wytchnieniowa” dla Jednostek Samorządu Terytorialnego – edycja 2025.")
    j = only(ex)
    assert j.name == "Opieka wytchnieniowa dla Jednostek Samorządu Terytorialnego – edycja 2025"
    assert "Opieka wytchnieniowa" in j.aliases
    assert j.leads == [org_id(ex, "Miejski")]


def test_owner_in_the_genitive_between_word_and_quote():
    ex = run("Gmina przystąpiła do programu Ministerstwa Rodziny, Pracy i Polityki Społecznej „Korpus Wsparcia "
             "Seniorów” na rok 2025.")
    assert names(ex) == ["Korpus Wsparcia Seniorów na rok 2025"]


def test_municipal_programme_title_in_capitals_in_the_nominative():
    ex = run("Radni przyjęli projekt Gminnego Programu Profilaktyki i Rozwiązywania Problemów Alkoholowych "
             "na lata 2025–2028. Realizację programu koordynować będzie Gminny Ośrodek Pomocy Społecznej "
             "w Rydzynie.")
    j = only(ex)
    assert j.name == "Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych na lata 2025–2028"
    assert "Gminnego Programu Profilaktyki i Rozwiązywania Problemów Alkoholowych na lata 2025–2028" in j.aliases
    assert j.leads == [org_id(ex, "Gminny")]


def test_coordinated_title_and_acronym_and_joint_leads():
    ex = run("Powiatowy Urząd Pracy w Rawiczu i Miejski Ośrodek Pomocy Społecznej w Rawiczu wspólnie realizują "
             "Program Aktywizacja i Integracja (PAI). W tym roku z PAI skorzystało 40 osób.")
    j = only(ex)
    assert j.name == "Program Aktywizacja i Integracja" and "PAI" in j.aliases
    assert set(j.leads) == {org_id(ex, "Powiatowy"), org_id(ex, "Miejski")}


def test_title_stops_before_a_place_phrase():
    ex = run("Ośrodek zaprezentował Program Wsparcia Rodzin w Gostyniu.")
    assert names(ex) == ["Program Wsparcia Rodzin"]


def test_campaign_with_a_quoted_name_and_its_partner():
    ex = run("Powiatowe Centrum Pomocy Rodzinie w Kościanie rozpoczyna kampanię „Dom na start”. Kampanię "
             "przygotowało razem ze Starostwem Powiatowym w Kościanie.")
    j = only(ex)
    assert j.name == "Dom na start"
    assert j.leads == [org_id(ex, "Powiatowe")] and j.partners == [org_id(ex, "Starostwo")]


def test_campaign_without_a_quoted_name_is_nothing():
    ex = run("Ośrodek prowadzi kampanię informacyjną dla seniorów.")
    assert ex.projects == []


def test_generic_phrases_are_not_projects():
    ex = run("Gmina realizuje projekty unijne i program pomocy dla rodzin. Program konferencji obejmował dwa panele.")
    assert ex.projects == []


def test_draft_of_a_resolution_is_not_a_project():
    ex = run("Rada Gminy Krzemieniewo przyjęła projekt Uchwały Budżetowej na 2025 rok.")
    assert ex.projects == []


def test_polish_title_after_pn_without_quotes():
    ex = run("Fundacja „Nowy Dom” realizuje projekt pn. Aktywni na rynku pracy, który potrwa do końca 2026 roku.")
    assert names(ex) == ["Aktywni na rynku pracy"]


def test_czech_title_without_quotes_runs_to_punctuation():
    ex = run("Přípravu vede odbor sociálních věcí v rámci projektu Podpora rodin s dětmi na Opavsku II. "
             "Projekt je financován z Operačního programu Zaměstnanost plus.", lang="cs")
    j = only(ex)
    assert j.name == "Podpora rodin s dětmi na Opavsku II"
    assert j.funding == ["Operační program Zaměstnanost plus"]


def test_czech_title_without_quotes_stops_at_a_verb():
    ex = run("Projekt Senioři v pohybu podpořila Nadace Agrofert.", lang="cs")
    assert names(ex) == ["Senioři v pohybu"]


def test_czech_title_after_s_nazvem():
    ex = run("Spolek Krok Opava spustil projekt s názvem Cesta ke klidu, který potrvá dva roky.", lang="cs")
    assert names(ex) == ["Cesta ke klidu"]


def test_polish_title_after_pn_with_a_subtitle_after_a_dash():
    ex = run("Fundacja „Nowy Dom” rozpoczęła projekt pn. Razem do pracy – aktywizacja mieszkańców powiatu. "
             "Liderem projektu jest fundacja, a partnerem Powiatowy Urząd Pracy w Gostyniu.")
    j = only(ex)
    assert j.name == "Razem do pracy – aktywizacja mieszkańców powiatu"
    assert j.leads == [org_id(ex, "Fundacja")] and j.partners == [org_id(ex, "Powiatowy")]


def test_czech_title_stops_before_the_town_it_runs_in():
    ex = run("Diakonie Opava provozuje program Housing First ve Slezské Ostravě od roku 2021.", lang="cs")
    assert names(ex) == ["Housing First"]


def test_grant_programme_is_funding_not_a_project():
    ex = run("Krajský úřad Moravskoslezského kraje rozdělil v dotačním programu Podpora sociálních služeb "
             "12 milionů korun.", lang="cs")
    assert ex.projects == []


def test_related_news_list_is_not_the_article():
    ex = run("Charita Opava otevřela poradnu.\n\nSouvisející články: Projekt Senior taxi pokračuje i letos", lang="cs")
    assert ex.projects == []


def test_each_quoted_name_after_a_plural_project_word():
    ex = run("Stowarzyszenie „Dobry Dom” prowadzi projekty „Razem łatwiej”, „Blisko domu” oraz „Senior w sieci”.")
    assert names(ex) == ["Razem łatwiej", "Blisko domu", "Senior w sieci"]
    assert all(j.leads == [org_id(ex, "Stowarzyszenie")] for j in ex.projects)


def test_a_body_of_a_relative_clause_leads():
    ex = run("Zapraszamy seniorów do programu „Aktywny senior”, który prowadzi Stowarzyszenie „Złota Jesień” "
             "z Kutna.")
    assert only(ex).leads == [org_id(ex, "Stowarzyszenie")]


def test_partner_role_with_an_adverb_and_unit_before_its_parent():
    ex = run("Odbor sociálních věcí Městského úřadu Opava je také partnerem projektu „Rodina v centru“, který "
             "realizuje Moravskoslezský kraj. Do projektu se zapojila i Charita Opava.", lang="cs")
    j = only(ex)
    assert j.leads == [org_id(ex, "Moravskoslezský")]
    assert set(j.partners) == {org_id(ex, "Odbor"), org_id(ex, "Charita")}


def test_operational_programme_named_in_full_is_funding():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Chełmie realizuje projekt „Paczka dla seniora” w ramach "
             "Programu Fundusze Europejskie na Pomoc Żywnościową 2021-2027.")
    j = only(ex)
    assert j.name == "Paczka dla seniora"
    assert j.funding == ["Fundusze Europejskie na Pomoc Żywnościową 2021-2027"]


def test_programme_a_ministry_announced_has_no_local_lead():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Chełmie wydał 800 paczek. Ministerstwo Rodziny, Pracy i Polityki "
             "Społecznej ogłosiło nabór do programu „Opieka 75+” – edycja 2025.")
    j = only(ex)
    assert j.name == "Opieka 75+ – edycja 2025" and j.leads == []


def test_a_local_government_after_the_word_owns_the_project():
    ex = run("Rada Miejska przyjęła projekt Gminy Rawicz dotyczący remontu świetlicy.")
    assert ex.projects == []
    ex = run("Rada schválila projekt Města Opavy na opravu chodníků.", lang="cs")
    assert ex.projects == []


def test_reversed_guillemets():
    ex = run("Charita Opava zahájila projekt »Senioři v bezpečí«, na který získala 250 000 Kč.", lang="cs")
    j = only(ex)
    assert j.name == "Senioři v bezpečí" and j.leads == [org_id(ex, "Charita")]
    assert j.budget == model.Budget(250000, "CZK")


def test_numbered_sequel_is_another_project():
    ex = run("Regionalny Ośrodek Polityki Społecznej w Toruniu zakończył projekt „Rodzina w Centrum”. Teraz "
             "realizuje projekt „Rodzina w Centrum 2”.")
    assert names(ex) == ["Rodzina w Centrum", "Rodzina w Centrum 2"]


def test_quote_after_a_kind_of_body_names_the_body():
    ex = run("Gmina wsparła projekt Stowarzyszenia „Pomocna Dłoń” pod nazwą „Ciepły kąt”.")
    assert names(ex) == ["Ciepły kąt"]


def test_registration_number_between_word_and_name():
    ex = run("Charita Opava realizuje projekt reg. č. CZ.03.2.63/0.0/0.0/15_007/0012345 s názvem „Klidné stáří“.",
             lang="cs")
    assert names(ex) == ["Klidné stáří"]
    ex = run("Miejski Ośrodek Pomocy Społecznej w Kutnie realizuje projekt nr FELD.07.12-IP.01-0001/23 pn. "
             "„Razem łatwiej”.")
    assert names(ex) == ["Razem łatwiej"]


def test_plus_belongs_to_the_name():
    ex = run("Szkoła Podstawowa nr 2 w Kutnie realizuje program Erasmus+ od 2020 roku.")
    assert names(ex) == ["Erasmus+"]


def test_one_project_once_with_every_surface_form():
    ex = run("Spouštíme projekt Nový start. Projekt „Nový start“ realizuje Charita Opava od ledna 2025.", lang="cs")
    j = only(ex)
    assert j.name == "Nový start"
    assert "projekt Nový start" in j.aliases or "Projekt „Nový start“" in j.aliases
    assert j.leads == [org_id(ex, "Charita")]


def test_truncated_title_merges_into_the_full_one():
    ex = run("Powiatowy Urząd Pracy w Gostyniu prowadzi Program Aktywizacja i Integracja. Na zajęcia Programu "
             "Aktywizacja zgłosiło się 20 osób.")
    assert names(ex) == ["Program Aktywizacja i Integracja"]


def test_short_quoted_headline_form_is_an_alias():
    ex = run("„Razem dla rodziny” – ruszył projekt\n\nPowiatowe Centrum Pomocy Rodzinie w Gostyniu rozpoczęło "
             "realizację projektu „Razem dla rodziny – wsparcie rodzin zastępczych w powiecie gostyńskim”.")
    j = only(ex)
    assert j.name == "Razem dla rodziny – wsparcie rodzin zastępczych w powiecie gostyńskim"
    assert "Razem dla rodziny" in j.aliases


# --- leads and partners -------------------------------------------------------------------------


def test_partners_of_the_lead_listed_after_a_copula():
    ex = run("Projekt „Blisko ludzi” realizowany jest w partnerstwie. Partnerami Powiatowego Centrum Pomocy "
             "Rodzinie w Gostyniu są Miejski Ośrodek Pomocy Społecznej w Gostyniu oraz Fundacja „Przystań”.")
    j = only(ex)
    assert j.leads == [org_id(ex, "Powiatowe")]
    assert set(j.partners) == {org_id(ex, "Miejski"), org_id(ex, "Fundacja")}
    assert set(pairs(ex).values()) == {"project"} and len(pairs(ex)) == 2


def test_czech_applicant_is_the_lead_and_second_partner_counts():
    ex = run("V Opavě začal projekt „Domov blízko“. Žadatelem je Statutární město Opava, partnerem projektu je "
             "Slezská diakonie. Druhým partnerem je Charita Opava.", lang="cs")
    j = only(ex)
    assert j.leads == [org_id(ex, "Statutární")]
    assert set(j.partners) == {org_id(ex, "Slezská"), org_id(ex, "Charita")}


def test_description_before_the_verb_is_the_subject_not_the_comitative_body():
    ex = run("Stowarzyszenie „Pod Lipami” działa w Rawiczu od 2010 roku. Wspólnie z Miejskim Ośrodkiem Pomocy "
             "Społecznej w Rawiczu stowarzyszenie realizuje projekt „Sąsiedzi seniorom”.")
    j = only(ex)
    assert j.leads == [org_id(ex, "Stowarzyszenie")] and j.partners == [org_id(ex, "Miejski")]


def test_relative_clause_description_leads():
    ex = run("Spolek Šance pro Opavu otevřel kavárnu. Otevření umožnil projekt „Káva pro všechny“, který spolek "
             "financoval z Integrovaného regionálního operačního programu.", lang="cs")
    j = only(ex)
    assert j.leads == [org_id(ex, "Spolek")]
    assert j.funding == ["Integrovaný regionální operační program"]


def test_applicant_beats_a_coordinating_office():
    ex = run("Práce koordinuje odbor sociálních věcí Městského úřadu Opava v rámci projektu „Plán pro Opavu“. "
             "Žadatelem je Statutární město Opava.", lang="cs")
    j = only(ex)
    assert j.leads == [org_id(ex, "Statutární")]


def test_organisation_joining_the_programme_is_a_partner():
    ex = run("Magistrát města Opavy od roku 2020 realizuje program „Bydlení napřed“. Zapojila se do něj i "
             "organizace Naděje pro Opavu, z.s.", lang="cs")
    j = only(ex)
    assert j.leads == [org_id(ex, "Magistrát")] and j.partners == [org_id(ex, "Naděje")]


def test_partner_list_skips_the_genitive_parent_of_a_unit():
    ex = run("Partnery projektu „Klub Most“ jsou Základní škola Opava, Ostrožná 10 a oddělení sociálně-právní "
             "ochrany dětí Magistrátu města Opavy.", lang="cs")
    j = only(ex)
    assert org_id(ex, "Magistrát") not in j.partners
    assert org_id(ex, "Základní") in j.partners and len(j.partners) == 2


def test_sentence_opening_with_a_pronoun_speaks_of_the_project():
    ex = run("Radni przyjęli Gminny Program Wspierania Rodziny na lata 2025–2027. Program zakłada zatrudnienie "
             "asystenta rodziny. Jego realizację koordynuje Gminny Ośrodek Pomocy Społecznej w Rydzynie. Rada "
             "Gminy Rydzyna przyjęła też program „Senior w sieci”.")
    j = next(p for p in ex.projects if p.name.startswith("Gminny Program"))
    assert j.leads == [org_id(ex, "Gminny")]


def test_institution_that_announced_the_call_is_not_a_partner():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Gostyniu realizuje projekt „Razem łatwiej”. Wniosek znalazł się "
             "wśród najlepszych w naborze ogłoszonym przez Wojewódzki Urząd Pracy w Poznaniu.")
    j = only(ex)
    assert j.leads == [org_id(ex, "Miejski")] and j.partners == []


def test_bodies_working_together_on_a_campaign_both_run_it():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Gostyniu współpracuje z Komendą Powiatową Policji w Gostyniu "
             "przy kampanii „Bezpieczny senior”.")
    j = only(ex)
    assert set(j.leads) == {org_id(ex, "Miejski"), org_id(ex, "Komenda")}


def test_elided_subject_is_the_body_the_sentence_before_began_with():
    ex = run("Stowarzyszenie „Dobra Wola” rozwija usługi opiekuńcze. Od lutego realizuje program „Asystent "
             "rodziny” dla Jednostek Samorządu Terytorialnego – edycja 2025.")
    assert only(ex).leads == [org_id(ex, "Stowarzyszenie")]


# --- funding and budget -------------------------------------------------------------------------


def test_regional_european_funds_keep_the_dash_as_written():
    ex = run("Projekt „Lepszy start” jest współfinansowany ze środków Europejskiego Funduszu Społecznego Plus w "
             "ramach programu Fundusze Europejskie dla Wielkopolski 2021-2027. Realizuje go Powiatowe Centrum "
             "Pomocy Rodzinie w Gostyniu.")
    assert only(ex).funding == ["Europejski Fundusz Społeczny Plus", "Fundusze Europejskie dla Wielkopolski 2021-2027"]


def test_union_is_dropped_when_its_fund_is_named():
    ex = run("Projekt „Nové cesty“ je spolufinancován Evropskou unií z Evropského sociálního fondu plus a ze "
             "státního rozpočtu ČR.", lang="cs")
    assert only(ex).funding == ["Evropský sociální fond plus", "státní rozpočet ČR"]


def test_union_stays_when_it_is_the_only_source():
    ex = run("Město Opava na projekt „Komunitní plán“ získalo dotaci z Evropské unie.", lang="cs")
    assert only(ex).funding == ["Evropská unie"]


def test_payers_as_subjects_are_funding_not_partners():
    ex = run("Projekt „Klub Most“ realizuje Rozcestí Opava, z.ú. Celkový rozpočet projektu je 980 000 Kč. Větší "
             "část pokrývá Nadační fond Opavské srdce, zbytek Program podpory sociálních služeb statutárního "
             "města Opavy.", lang="cs")
    j = only(ex)
    assert j.funding == ["Nadační fond Opavské srdce", "Program podpory sociálních služeb statutárního města Opavy"]
    assert j.partners == [] and j.budget == model.Budget(980000, "CZK")


def test_foundation_that_supports_the_programme_is_its_funder():
    ex = run("Program „Bydlení napřed“ realizuje Diakonie Opava ve spolupráci s Městem Opava. Program podporuje "
             "také Nadace Divoké husy.", lang="cs")
    j = only(ex)
    assert j.funding == ["Nadace Divoké husy"]
    assert j.partners == [org_id(ex, "Město")]


def test_money_applied_for_is_not_funding():
    ex = run("Charita Opava realizuje projekt „Pečujeme spolu“ z Operačního programu Zaměstnanost plus. Charita "
             "připravuje žádost do Integrovaného regionálního operačního programu na nový stacionář.", lang="cs")
    assert only(ex).funding == ["Operační program Zaměstnanost plus"]


def test_total_stated_before_the_project_is_named_is_not_its_budget():
    ex = run("Kraj rozdělil mezi sociální služby celkem 12 milionů korun. Diakonie Opava z nich zaplatí provoz "
             "projektu „Dům na půl cesty“.", lang="cs")
    assert only(ex).budget is None


def test_money_beyond_the_project_is_not_its_budget_or_fund():
    ex = run("Projekt „Prádelna pro všechny“ stál 1 200 000 Kč. Nad rámec projektu přispěl dalšími 200 tisíci "
             "korun z Fondu Vysočiny kraj.", lang="cs")
    j = only(ex)
    assert j.budget == model.Budget(1200000, "CZK") and j.funding == []


def test_solidarity_fund_and_budget_in_the_next_sentence():
    ex = run("Gminny Ośrodek Pomocy Społecznej w Rydzynie realizuje program „Asystent osobisty osoby z "
             "niepełnosprawnością” – edycja 2025, finansowany ze środków Funduszu Solidarnościowego. Ośrodek "
             "otrzymał na ten cel 312 400 zł.")
    j = only(ex)
    assert j.name == "Asystent osobisty osoby z niepełnosprawnością – edycja 2025"
    assert j.funding == ["Fundusz Solidarnościowy"] and j.budget == model.Budget(312400, "PLN")
    assert j.leads == [org_id(ex, "Gminny")]


def test_a_region_or_a_town_paying_from_its_budget():
    ex = run("Projekt „Klub Most“ je financován z rozpočtu statutárního města Opavy a z dotace Moravskoslezského "
             "kraje.", lang="cs")
    assert only(ex).funding == ["rozpočet statutárního města Opavy", "dotace Moravskoslezského kraje"]
    ex = run("Projekt „Razem” sfinansowano z budżetu Miasta Kalisza oraz z budżetu powiatu kaliskiego.")
    assert only(ex).funding == ["budżet Miasta Kalisza", "budżet powiatu kaliskiego"]


def test_czech_grant_programme_after_an_adjective():
    ex = run("Projekt „Poradna blízko vás“ podpořil Krajský úřad Moravskoslezského kraje z dotačního programu "
             "Podpora sociálních služeb.", lang="cs")
    assert only(ex).funding == ["Podpora sociálních služeb"]


def test_rate_is_not_a_budget():
    ex = run("W ramach projektu „Opiekun w domu” gmina płaci opiekunom 40 zł za godzinę.")
    assert only(ex).budget is None


@pytest.mark.parametrize(
    "num, mult, cur, amount, currency",
    [
        ("1.2", "mln", "zł", 1200000, "PLN"),
        ("9,85", "mil.", "Kč", 9850000, "CZK"),
        ("4 286 540,00", None, "zł", 4286540, "PLN"),
        ("195 155", None, "Kč", 195155, "CZK"),
    ],
)
def test_amount_forms(num, mult, cur, amount, currency):
    assert parse_amount(num, mult, cur) == model.Budget(amount, currency)
