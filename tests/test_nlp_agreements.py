"""Who an agreement binds: one side named with "z / s" is a hub; a plain list binds all.

The sentences are written for this test."""

from __future__ import annotations

from nlp_helpers import org_id, pairs, run


def test_agreements_of_one_body_with_each_listed_body():
    ex = run("Miejski Ośrodek Pomocy Społecznej w Turku podpisał porozumienia z Komendą Powiatową Policji "
             "w Turku, Sądem Rejonowym w Turku i Poradnią Psychologiczno-Pedagogiczną w Turku.")
    mops = org_id(ex, "Miejski Ośrodek")
    got = pairs(ex)
    assert len(got) == 3 and all(mops in pair and basis == "agreement" for pair, basis in got.items())


def test_czech_agreement_with_the_city_through_a_relative_clause_and_a_dotted_date():
    ex = run("Základem je dohoda o spolupráci, kterou 4. 9. 2020 se statutárním městem Kroměříž uzavřely "
             "Okresní soud v Kroměříži, Policie ČR a Spolek Most, z.s., který pomáhá rodinám.", "cs")
    city = org_id(ex, "Statutární město Kroměříž")
    got = pairs(ex)
    assert len(got) == 3 and all(city in pair and basis == "agreement" for pair, basis in got.items())


def test_a_list_that_signs_together_binds_every_pair():
    ex = run("Powiatowy Urząd Pracy w Kole, Miejski Ośrodek Pomocy Społecznej w Kole i Stowarzyszenie "
             "„Razem” podpisały trójstronne porozumienie.")
    assert len(pairs(ex)) == 3 and set(pairs(ex).values()) == {"agreement"}


def test_joint_activity_with_the_people_of_a_body():
    ex = run("Straż Miejska w Kole prowadzi wspólne patrole z pracownikami socjalnymi Miejskiego Ośrodka "
             "Pomocy Społecznej w Kole.")
    assert pairs(ex) == {frozenset((org_id(ex, "Straż"), org_id(ex, "Miejski Ośrodek"))): "stated"}
    assert all(o.part_of is None for o in ex.organisations)  # the partner is not run by the guard


def test_bodies_listed_after_together_did_it_together():
    ex = run("Koce i śpiwory zbierają wspólnie Polski Czerwony Krzyż i Caritas Diecezji Kaliskiej.")
    assert set(pairs(ex).values()) == {"stated"} and len(pairs(ex)) == 1


def test_a_sentence_opening_with_a_verb_goes_on_with_the_previous_subject():
    ex = run("Powiatowe Centrum Pomocy Rodzinie w Kole rozpoczyna kampanię. Przygotowało ją wspólnie ze "
             "Starostwem Powiatowym w Kole.")
    assert frozenset((org_id(ex, "Powiatowe"), org_id(ex, "Starostwo"))) in pairs(ex)


def test_we_in_the_first_person_plural_is_the_speakers_body():
    ex = run("Komenda Miejska Policji w Kole zna te miejsca. – Listę na bieżąco uzupełniamy razem z MOPS-em "
             "w Kole – mówi Jan Kos z Komendy Miejskiej Policji w Kole.")
    assert frozenset((org_id(ex, "Komenda"), org_id(ex, "Miejski Ośrodek"))) in pairs(ex)


def test_czech_body_named_with_s_before_the_cue_works_with_each_listed_after():
    ex = run("V pracovních skupinách s Městem Beroun spolupracují mimo jiné Spolek Slunečnice, z.s., "
             "Charita Beroun nebo Diakonie Beroun.", "cs")
    city = org_id(ex, "Město Beroun")
    assert len(pairs(ex)) == 3 and all(city in p for p in pairs(ex))


def test_czech_lower_case_head_word_names_the_body_doing_it():
    ex = run("Prádelna Úsvit s.r.o. sídlí v Jihlavě. Prádelna kvůli tomu spolupracuje s Úřadem práce ČR – "
             "krajskou pobočkou v Jihlavě.", "cs")
    office = org_id(ex, "Úřad práce České republiky – krajská pobočka v Jihlavě")
    assert frozenset((org_id(ex, "Prádelna"), office)) in pairs(ex)


def test_agreement_of_the_relatives_antecedent_with_the_body_after_it():
    ex = run("Klub wspiera także Powiatowy Urząd Pracy w Kole, z którym Centrum Usług Społecznych w Kole "
             "podpisało w styczniu porozumienie o współpracy.")
    assert pairs(ex) == {frozenset((org_id(ex, "Powiatowy"), org_id(ex, "Centrum"))): "agreement"}


def test_bodies_that_prepared_stands_at_an_event_did_not_organise_it():
    ex = run("Na forum swoje stoiska przygotowały m.in. Inspektorat ZUS w Kole oraz Caritas Diecezji Kaliskiej.")
    assert pairs(ex) == {}


def test_we_do_it_with_a_body_named_at_the_head_of_the_clause():
    ex = run("Centrum Usług Społecznych w Kole działa od roku. Z Powiatowym Urzędem Pracy w Kole od lat prowadzimy "
             "Program Aktywizacja i Integracja. Z Caritas Diecezji Włocławskiej współpracujemy przy pomocy "
             "żywnościowej. A z Kolskim Uniwersytetem Trzeciego Wieku co roku organizujemy Tydzień Seniora.")
    cus = org_id(ex, "Centrum")
    got = pairs(ex)
    assert got[frozenset((cus, org_id(ex, "Powiatowy")))] == "project"
    assert got[frozenset((cus, org_id(ex, "Caritas")))] == "stated"
    assert got[frozenset((cus, org_id(ex, "Kolski")))] == "co-organised"


def test_co_leads_of_a_project_work_together():
    ex = run("Stowarzyszenie „Razem” i Fundacja „Nadzieja” wspólnie realizują projekt „Bliżej ludzi”.")
    assert pairs(ex) == {frozenset((org_id(ex, "Stowarzyszenie"), org_id(ex, "Fundacja"))): "project"}
