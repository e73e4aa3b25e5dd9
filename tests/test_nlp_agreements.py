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
