"""Events as Polish and Czech news report them: unnamed gatherings, their names, aliases and details.

Every sentence here is written for the test (no evaluation text is copied); towns and bodies are
made up or chosen away from the evaluation sets.
"""

from __future__ import annotations

from nlp_helpers import org_id, person, run


def names(ex) -> list[str]:
    return [e.name for e in ex.events]


# --- unnamed gatherings the article reports ------------------------------------------------


def test_convened_meeting_is_named_from_its_noun_phrase():
    ex = run("W środę 10 stycznia burmistrz zwołał w ratuszu spotkanie w sprawie zimowego dyżuru służb. "
             "Wzięli w nim udział przedstawiciele Miejskiego Ośrodka Pomocy Społecznej w Zamościu.",
             published="2024-01-12")
    assert names(ex) == ["Spotkanie w sprawie zimowego dyżuru służb"]
    ev = ex.events[0]
    assert (ev.type, ev.date) == ("meeting", "2024-01-10")
    assert org_id(ex, "Miejski Ośrodek") in ev.participants


def test_czech_coordination_meeting_with_relative_clause_organiser():
    ex = run("Postup na zimu dolaďovala v pondělí 4. listopadu koordinační porada, kterou svolal Magistrát "
             "města Znojma. Na poradě byli i zástupci Městské policie Znojmo.", lang="cs",
             published="2024-11-06")
    assert names(ex) == ["Koordinační porada"]
    ev = ex.events[0]
    assert "koordinační porada" in ev.aliases and "poradě" in ev.aliases
    assert ev.date == "2024-11-04"
    assert ev.organisers == [org_id(ex, "Magistrát")]


def test_czech_instrumental_mention_is_named_in_the_nominative():
    ex = run("Projekt jsme zahájili ve středu 8. ledna úvodním setkáním partnerů v kanceláři spolku. "
             "Na setkání vystoupila ředitelka Charity Vyškov Jana Malá.", lang="cs", published="2025-01-10")
    assert names(ex) == ["Úvodní setkání partnerů"]
    assert "úvodním setkáním partnerů" in ex.events[0].aliases
    assert ex.events[0].date == "2025-01-08"


def test_picnic_for_a_named_day_is_the_picnic():
    ex = run("Na zakończenie kampanii Powiatowe Centrum Pomocy Rodzinie w Kętrzynie organizuje w sobotę "
             "8 czerwca piknik z okazji Dnia Dziecka w parku miejskim.", published="2024-05-20")
    assert names(ex) == ["Piknik z okazji Dnia Dziecka"]
    ev = ex.events[0]
    assert "Dzień Dziecka" in ev.aliases and ev.date == "2024-06-08"
    assert ev.venue == "park miejski"


def test_same_meeting_mentioned_three_times_is_one_event():
    ex = run("Pierwsze posiedzenie zespołu odbyło się 5 marca w Kole. Posiedzenie prowadziła przewodnicząca. "
             "W posiedzeniu uczestniczyli także kuratorzy.", published="2024-03-08")
    assert len(ex.events) == 1
    ev = ex.events[0]
    assert ev.name == "Posiedzenie zespołu"  # the count stays out of the name ...
    assert {"Pierwsze posiedzenie zespołu", "posiedzeniu"} <= set(ev.aliases)  # ... and in the aliases


def test_a_second_gathering_on_another_day_is_a_second_event():
    ex = run("Posiedzenie komisji odbyło się 3 kwietnia w Olsztynie. Członkowie komisji dowiedzieli się też o "
             "szkoleniu „Rozmowa z dzieckiem w kryzysie”, które przygotowuje Fundacja Dobry Start. Szkolenie "
             "odbędzie się w czwartek 16 maja.", published="2024-04-05")
    assert names(ex) == ["Posiedzenie komisji", "Rozmowa z dzieckiem w kryzysie"]
    meeting, training = ex.events
    assert (meeting.date, training.date) == ("2024-04-03", "2024-05-16")
    assert training.type == "workshop"
    assert training.organisers == [org_id(ex, "Fundacja")]


def test_date_range_and_a_later_day_of_it_are_one_event():
    ex = run("Konferencja odbyła się 17 i 18 maja w Koninie. Drugiego dnia, 18 maja, na konferencji "
             "wystąpili goście z Czech.", published="2023-05-20")
    assert len(ex.events) == 1
    assert (ex.events[0].date, ex.events[0].end_date) == ("2023-05-17", "2023-05-18")


def test_opening_of_a_unit_is_an_event():
    ex = run("W otwarciu świetlicy środowiskowej uczestniczyli radni i dyrektor szkoły.",
             published="2024-02-02")
    assert names(ex) == ["Otwarcie świetlicy środowiskowej"]
    assert "otwarciu świetlicy" in ex.events[0].aliases


def test_speech_at_the_opening_of_a_forum_is_not_a_second_event():
    ex = run("W Lesznie odbyło się IV Forum Rodzin. Na otwarciu mówiła wiceprezydent miasta.",
             published="2023-04-04")
    assert names(ex) == ["IV Forum Rodzin"]


def test_participle_complement_agrees_with_the_head():
    ex = run("W spotkaniu poświęconym przemocy domowej wzięli udział dzielnicowi.")
    assert names(ex) == ["Spotkanie poświęcone przemocy domowej"]


def test_czech_sentence_case_name_with_a_preposition():
    ex = run("V úterý 11. března se v sále radnice konalo Veřejné fórum o bydlení seniorů.", lang="cs",
             published="2025-03-12")
    assert names(ex) == ["Veřejné fórum o bydlení seniorů"]


def test_quoted_czech_name_that_starts_with_an_event_noun():
    ex = run("V sobotu proběhla akce pořádaná odborem sociálních věcí s názvem „Den sociálních služeb“.",
             lang="cs", published="2023-09-11")
    assert names(ex) == ["Den sociálních služeb"]


# --- names for the kinds news gives them ----------------------------------------------------


def test_project_opening_conference_is_named_after_the_project():
    ex = run("Starostwo realizuje projekt „Razem w rodzinie”. Projekt zainaugurowała konferencja, która odbyła "
             "się w poniedziałek 3 czerwca.", published="2024-06-05")
    assert names(ex) == ["Konferencja inaugurująca projekt „Razem w rodzinie”"]


def test_jubilee_is_named_after_the_headline():
    text = ("15 lat Stowarzyszenia Tęcza. Jubileusz w hali sportowej\n\n"
            "W piątek 6 września Stowarzyszenie Tęcza świętowało 15-lecie. Podczas jubileuszu wręczono "
            "podziękowania wolontariuszom.")
    ex = run(text, published="2024-09-09")
    assert names(ex) == ["Jubileusz 15-lecia Stowarzyszenia Tęcza"]
    assert "15 lat Stowarzyszenia Tęcza" in ex.events[0].aliases


# --- what is not an event -----------------------------------------------------------------


def test_habitual_meetings_are_no_event():
    ex = run("Spotkanie grupy wsparcia odbywa się co miesiąc w świetlicy. Członkowie zespołu spotykają się "
             "raz w tygodniu.")
    assert ex.events == []


def test_czech_habitual_and_routine_meetings_are_no_event():
    ex = run("Pracovní skupina se schází jednou za měsíc. Text smlouvy schválila Rada města Vyškova na svém "
             "jednání 3. března 2025.", lang="cs")
    assert ex.events == []


def test_next_meeting_is_not_a_second_event():
    ex = run("Posiedzenie rady odbyło się 9 października. Kolejne posiedzenie zaplanowano na grudzień.",
             published="2023-10-10")
    assert len(ex.events) == 1 and ex.events[0].date == "2023-10-09"


def test_future_activity_without_a_date_is_no_event():
    ex = run("Uczestnicy klubu wezmą udział w warsztatach kompetencji społecznych i doradztwie zawodowym.")
    assert ex.events == []


def test_announced_event_needs_a_day():
    assert run("Szkolenie odbędzie się jesienią.").events == []
    ex = run("Szkolenie dla opiekunów odbędzie się 14 października w Kole.", published="2024-09-30")
    assert ex.events and ex.events[0].date == "2024-10-14"


# --- details ------------------------------------------------------------------------------


def test_venue_in_a_named_building_gives_the_place():
    ex = run("Konferencja odbyła się 4 lipca w sali konferencyjnej Starostwa Powiatowego w Przemyślu.",
             published="2024-07-05")
    ev = ex.events[0]
    assert ev.venue == "sala konferencyjna Starostwa Powiatowego w Przemyślu"
    assert ev.place == "Przemyśl"


def test_czech_venue_in_the_nominative():
    ex = run("Setkání seniorů se uskutečnilo 2. dubna v konferenčním sále Městského úřadu Třebíč.", lang="cs",
             published="2024-04-03")
    assert ex.events[0].venue == "konferenční sál Městského úřadu Třebíč"


def test_street_is_not_the_place():
    ex = run("Setkání se uskutečnilo 2. dubna v zasedací místnosti ve Školní ulici.", lang="cs",
             published="2024-04-03")
    assert ex.events[0].place != "Školní"


def test_organisers_after_the_verb_and_with_a_partner():
    ex = run("Festyn rodzinny zorganizowało 8 czerwca Stowarzyszenie Nasz Dom wspólnie z Fundacją Pomocna Dłoń.",
             published="2024-06-10")
    ev = ex.events[0]
    assert set(ev.organisers) == {org_id(ex, "Stowarzyszenie"), org_id(ex, "Fundacja")}


def test_quote_far_from_a_side_event_is_not_its_speaker():
    text = ("Miasto Kalisz uruchamia od poniedziałku zimowe dyżury służb. Noclegownia przy ulicy Polnej będzie "
            "otwarta przez całą dobę. Pracownicy socjalni odwiedzą pustostany i altany działkowe. Gmina przeznaczyła "
            "na ten cel 300 tys. zł.\n\n"
            "Szczegóły omówiło we wtorek 5 grudnia spotkanie w sprawie zimy.\n\n"
            "– Nikt nie zostanie bez pomocy – mówi Jan Nowak, dyrektor Miejskiego Ośrodka Pomocy Społecznej "
            "w Kaliszu.")
    ex = run(text, published="2023-12-07")
    assert names(ex) == ["Spotkanie w sprawie zimy"]
    assert ex.events[0].speakers == []
    assert person(ex, "Jan Nowak")


def test_dateline_gives_the_year_when_the_page_has_no_date():
    ex = run("Kętrzyn, 12 maja 2023 r.\n\nW piątek 5 maja w Kętrzynie odbyło się spotkanie "
             "przedstawicieli organizacji pozarządowych.")
    assert ex.events and ex.events[0].date == "2023-05-05"


def test_lower_case_open_day_and_round_table_are_events():
    ex = run("Charita Vyškov pořádala v sobotu 5. října den otevřených dveří.", lang="cs", published="2024-10-07")
    assert names(ex) == ["Den otevřených dveří"] and ex.events[0].date == "2024-10-05"
    ex = run("Ve čtvrtek 3. října se na radnici uskutečnil kulatý stůl k bydlení seniorů.", lang="cs",
             published="2024-10-07")
    assert names(ex) == ["Kulatý stůl k bydlení seniorů"]
    assert run("Dzień później burmistrz spotkał się z mieszkańcami.").events == []


def test_community_self_help_home_is_not_a_wednesday():
    ex = run("W piątek 4 października w Środowiskowym Domu Samopomocy w Kole odbył się dzień otwarty.",
             published="2024-10-07")
    assert names(ex) == ["Dzień otwarty"]
    assert (ex.events[0].date, ex.events[0].place) == ("2024-10-04", "Koło")


def test_town_of_the_dateline_is_the_place():
    ex = run("Nový Bydžov – Ve čtvrtek 7. března se v sále kulturního domu konalo slavnostní setkání seniorů.",
             lang="cs", published="2024-03-08")
    assert ex.events[0].place == "Nový Bydžov"
    assert ex.events[0].venue == "sál kulturního domu"


def test_hyphenated_town_after_the_venue():
    ex = run("Konferencja odbyła się 4 lipca w auli miejskiej szkoły w Kędzierzynie-Koźlu.", published="2024-07-05")
    assert (ex.events[0].venue, ex.events[0].place) == ("aula miejskiej szkoły", "Kędzierzyn-Koźle")


def test_gathering_for_a_named_day_is_named_after_the_gathering():
    ex = run("Z okazji Dnia Seniora w czwartek 17 października w Ostródzie odbyło się spotkanie dla seniorów "
             "z terenu gminy.", published="2024-10-20")
    assert names(ex) == ["Spotkanie dla seniorów z terenu gminy"]
    assert {"Dzień Seniora", "Spotkanie z okazji Dnia Seniora"} <= set(ex.events[0].aliases)


def test_named_event_keeps_its_count_as_an_alias():
    ex = run("Více než sto lidí se ve středu 9. října sešlo v Hodoníně na již pátém Setkání pěstounských "
             "rodin Hodonínska.", lang="cs", published="2024-10-11")
    assert names(ex) == ["Setkání pěstounských rodin Hodonínska"]
    assert "pátém Setkání pěstounských rodin Hodonínska" in ex.events[0].aliases


def test_host_house_is_the_venue_not_a_participant():
    ex = run("Forum odbyło się 5 marca w sali widowiskowej Miejskiego Domu Kultury w Ostródzie. W forum "
             "uczestniczyli przedstawiciele Powiatowego Urzędu Pracy w Ostródzie.", published="2024-03-06")
    ev = ex.events[0]
    assert ev.venue == "sala widowiskowa Miejskiego Domu Kultury w Ostródzie"
    assert ev.participants == [org_id(ex, "Powiatowy Urząd")]


def test_title_case_name_with_a_preposition_stops_before_a_town():
    ex = run("W czwartek 10 października w Kole obchodzono Światowy Dzień Walki z Depresją.", published="2024-10-12")
    assert names(ex) == ["Światowy Dzień Walki z Depresją"]
    ex = run("Forum Seniorów z Kalisza odbyło się 5 maja.", published="2024-05-06")
    assert names(ex) == ["Forum Seniorów"]


def test_czech_day_name_opening_a_sentence():
    ex = run("Den sociálních služeb se konal v pátek 6. září na náměstí.", lang="cs", published="2024-09-09")
    assert names(ex) == ["Den sociálních služeb"] and ex.events[0].date == "2024-09-06"
    assert run("Den poté se sešli zastupitelé.", lang="cs").events == []


def test_trainings_in_the_plural_reading_are_no_event():
    ex = run("Regionalny Ośrodek Polityki Społecznej w Opolu prowadził dla pracowników szkolenia z usług "
             "społecznych.")
    assert ex.events == []
    ex = run("Podczas spotkania przedstawiciele ośrodka omówili plan pracy.")
    assert names(ex) == ["Spotkanie"]


def test_council_session_on_a_day_is_named_after_the_council():
    ex = run("Rada Miejska w Lubaniu zdecydowała o utworzeniu centrum usług społecznych. Uchwałę radni przyjęli "
             "jednogłośnie na sesji 11 czerwca.", published="2024-06-12")
    assert names(ex) == ["Sesja Rady Miejskiej w Lubaniu"]
    assert "sesji" in ex.events[0].aliases and ex.events[0].date == "2024-06-11"


def test_building_adjective_is_not_the_town():
    ex = run("Slavnost se konala ve čtvrtek 19. září v Arcibiskupském zámku.", lang="cs", published="2024-09-25")
    ev = ex.events[0]
    assert ev.place is None and ev.venue == "Arcibiskupský zámek"


def test_meeting_with_whom_keeps_its_complement():
    ex = run("W czwartek 5 grudnia w ratuszu odbyło się spotkanie z mieszkańcami osiedla.", published="2024-12-06")
    assert names(ex) == ["Spotkanie z mieszkańcami"]
    ex = run("Ve středu 4. prosince proběhla beseda se seniory v knihovně.", lang="cs", published="2024-12-06")
    assert names(ex) == ["Beseda se seniory"] and ex.events[0].venue == "knihovna"
    ex = run("Setkání se uskutečnilo ve středu 4. prosince.", lang="cs", published="2024-12-06")
    assert names(ex) == ["Setkání"]  # "se" of the verb, not "with"


def test_during_a_planned_activity_is_no_report():
    assert run("Podczas warsztatów uczestnicy poznają techniki relaksacyjne.").events == []
    assert run("Během školení se účastníci naučí první pomoc.", lang="cs").events == []
    assert names(run("Podczas spotkania omówiono plan pracy.")) == ["Spotkanie"]


def test_paragraph_after_a_side_event_about_who_was_there_belongs_to_it():
    text = ("Powiat realizuje nowy projekt dla rodzin zastępczych z całego regionu. Projekt potrwa trzy lata i "
            "obejmie sto dwadzieścia rodzin. Wartość projektu wynosi cztery miliony złotych.\n\n"
            "Projekt zainaugurowała konferencja, która odbyła się w poniedziałek 8 lipca.\n\n"
            "Założenia projektu przedstawiła Anna Lis, dyrektor Powiatowego Centrum Pomocy Rodzinie w Łęcznej. "
            "Na sali obecni byli przedstawiciele Sądu Rejonowego w Łęcznej.")
    ex = run(text, published="2024-07-09")
    ev = ex.events[0]
    assert person(ex, "Anna Lis").id in ev.speakers
    assert org_id(ex, "Sąd Rejonowy") in ev.participants


def test_session_is_held_by_its_council_or_team():
    ex = run("Podczas sesji 28 lutego Rada Gminy Krzemieniewo przyjęła sprawozdanie.", published="2024-03-01")
    assert ex.events[0].organisers == [org_id(ex, "Rada Gminy")]
    ex = run("Posiedzenie Zespołu Interdyscyplinarnego w Gminie Wilczyn odbyło się 7 marca w Wilczynie.",
             published="2024-03-08")
    assert ex.events[0].organisers == [org_id(ex, "Zespół Interdyscyplinarny")]
