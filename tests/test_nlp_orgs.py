"""Organisation recognition (pl/cs): sentences written by us for each phenomenon, plus one
run over the shared development corpus against its gold annotations."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from socialkg.loaders.nlp.morph import pl_nominative
from socialkg.loaders.nlp.orgs import find_organisations
from socialkg.loaders.nlp.places import (
    cs_place_nominative,
    pl_locative_phrase,
    pl_place_nominative,
    place_from_adjective,
)
from socialkg.loaders.nlp.text import split_sentences
from socialkg.model import ORG_TYPES


def orgs(text: str, lang: str = "pl", **kw):
    found, mentions = find_organisations(text, lang, split_sentences(text), **kw)
    return found, mentions


def by_name(found, name):
    hit = [o for o in found if o.name == name]
    assert hit, f"{name!r} not in {[o.name for o in found]}"
    return hit[0]


# --- morphology and places -------------------------------------------------------


def test_nominative_of_inflected_names():
    heads = {"ośrodek", "sąd", "oddział", "spółdzielnia", "centrum", "komenda"}
    assert pl_nominative("Gminnego Ośrodka Pomocy Społecznej".split(), 1, heads) == [
        "Gminny", "Ośrodek", "Pomocy", "Społecznej"]
    assert pl_nominative("Sądem Okręgowym".split(), 0, heads) == ["Sąd", "Okręgowy"]
    assert pl_nominative("Komendy Miejskiej Policji".split(), 0, heads) == ["Komenda", "Miejska", "Policji"]
    assert pl_nominative("Centrum Kryzysowego".split(), 0, heads) == ["Centrum", "Kryzysowe"]
    # a post-posed adjective run that belongs to the next noun keeps its case
    assert pl_nominative("Wielkopolskim Oddziałem Okręgowym Polskiego Czerwonego Krzyża".split(), 1, heads) == [
        "Wielkopolski", "Oddział", "Okręgowy", "Polskiego", "Czerwonego", "Krzyża"]
    # plural heads are kinds of body, not bodies
    assert pl_nominative("Gminnymi Ośrodkami Pomocy Społecznej".split(), 1, heads) is None


def test_place_phrases_to_nominative_and_back():
    assert pl_place_nominative(["Strzelec", "Krajeńskich"], "gen") == "Strzelce Krajeńskie"
    assert pl_place_nominative(["Zielonej", "Górze"], "loc") == "Zielona Góra"
    assert pl_place_nominative(["Ostrowie", "Wielkopolskim"], "loc") == "Ostrów Wielkopolski"
    assert pl_locative_phrase("Solec Kujawski") == "w Solcu Kujawskim"
    assert pl_locative_phrase("Wrocław") == "we Wrocławiu"
    assert pl_locative_phrase("Nowa Sól") == "w Nowej Soli"


def test_place_adjectives():
    assert place_from_adjective("gnieźnieńskiego", "pl") == "Gniezno"
    assert place_from_adjective("poznańskiego", "pl") == "Poznań"
    assert place_from_adjective("zielonogórski", "pl") == "Zielona Góra"
    assert place_from_adjective("koszalińskiej", "pl") == "Koszalin"
    assert place_from_adjective("miejskiego", "pl") is None
    assert place_from_adjective("gorzowskiego", "pl", ["Gorzów Wielkopolski"]) == "Gorzów Wielkopolski"
    assert place_from_adjective("jihlavského", "cs", ["Jihlava"]) == "Jihlava"
    assert place_from_adjective("českobudějovického", "cs", ["České Budějovice"]) == "České Budějovice"


def test_czech_place_phrases():
    assert cs_place_nominative(["Kutné", "Hoře"]) == "Kutná Hora"
    assert cs_place_nominative(["Jihlavě"]) == "Jihlava"


# --- Polish names ------------------------------------------------------------------


def test_full_name_acronym_and_adjective_collapse_into_one_body():
    text = (
        "Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Gnieźnie otworzyła spotkanie. "
        "Pracownicy gnieźnieńskiego MOPS-u przedstawili raport. "
        "MOPS w Gnieźnie współpracuje z Powiatowym Urzędem Pracy w Gnieźnie."
    )
    found, mentions = orgs(text)
    mops = by_name(found, "Miejski Ośrodek Pomocy Społecznej w Gnieźnie")
    assert mops.type == "social-welfare-centre" and mops.place == "Gniezno" and mops.acronym == "MOPS"
    assert {"gnieźnieńskiego MOPS-u", "MOPS w Gnieźnie"} <= set(mops.aliases)
    pup = by_name(found, "Powiatowy Urząd Pracy w Gnieźnie")
    assert pup.type == "labour-office" and pup.key != mops.key
    assert [m.org_id for m in mentions].count(mops.id) == 3
    for m in mentions:
        assert text[m.start : m.end] == m.surface and m.sentence.start <= m.start < m.sentence.end


def test_place_phrase_with_z_becomes_locative():
    found, _ = orgs("Głos zabrali przedstawiciele Gminnego Ośrodka Pomocy Społecznej ze Strzelec Krajeńskich.")
    o = by_name(found, "Gminny Ośrodek Pomocy Społecznej w Strzelcach Krajeńskich")
    assert o.place == "Strzelce Krajeńskie"


def test_acronym_with_nominative_place():
    found, _ = orgs("W naradzie wzięli udział przedstawiciele ROPS Kraków i PCPR Wieliczka.")
    assert by_name(found, "Regionalny Ośrodek Polityki Społecznej w Krakowie").type == "regional-social-policy-centre"
    assert by_name(found, "Powiatowe Centrum Pomocy Rodzinie w Wieliczce").type == "family-support-centre"


def test_same_key_across_articles():
    a, _ = orgs("Gospodarzem był ROPS w Lublinie.")
    b, _ = orgs("Spotkanie zorganizował lubelski ROPS.")
    c, _ = orgs("Regionalny Ośrodek Polityki Społecznej w Lublinie ogłosił nabór.")
    assert a[0].key == b[0].key == c[0].key
    d, _ = orgs("Nabór ogłosił PUP w Lublinie.")
    assert d[0].key != a[0].key


def test_quoted_names_and_lowercase_heads():
    text = (
        "Projekt prowadzi fundacja „Ciepły Kąt” razem ze Stowarzyszeniem „Dobry Sąsiad” z Leszna. "
        "Przedstawicielka fundacji „Ciepły Kąt” opowiedziała o wolontariacie."
    )
    found, _ = orgs(text)
    f = by_name(found, "Fundacja „Ciepły Kąt”")
    assert f.type == "ngo" and {"fundacja „Ciepły Kąt”", "fundacji „Ciepły Kąt”"} <= set(f.aliases)
    s = by_name(found, "Stowarzyszenie „Dobry Sąsiad”")
    assert s.place == "Leszno"


def test_generic_and_plural_mentions_are_not_bodies():
    text = (
        "Ośrodki pomocy społecznej oraz organizacje pozarządowe z regionu spotkały się z "
        "Powiatowymi Centrami Pomocy Rodzinie. Kolejne MOPS-y przygotowują się do zmian, "
        "a liczba CUS-ów rośnie."
    )
    found, _ = orgs(text)
    assert found == []


def test_bare_kind_takes_the_home_place_or_is_dropped():
    text = "Gmina Września przekształciła Miejski Ośrodek Pomocy Społecznej w Centrum Usług Społecznych."
    found, _ = orgs(text)
    names = {o.name for o in found}
    assert {"Gmina Września", "Miejski Ośrodek Pomocy Społecznej we Wrześni",
            "Centrum Usług Społecznych we Wrześni"} <= names
    found, _ = orgs("Coraz więcej gmin tworzy Centrum Usług Społecznych.")
    assert found == []
    found, _ = orgs("Dyrektor MOPS otworzył spotkanie.", default_place="Opole")
    assert found[0].name == "Miejski Ośrodek Pomocy Społecznej w Opolu"


def test_unit_of_a_body_named_with_it():
    text = "Zajęcia prowadzi Klub Integracji Społecznej MOPS w Lesznie."
    found, _ = orgs(text)
    mops = by_name(found, "Miejski Ośrodek Pomocy Społecznej w Lesznie")
    kis = by_name(found, "Klub Integracji Społecznej Miejskiego Ośrodka Pomocy Społecznej w Lesznie")
    assert kis.part_of == mops.id and kis.type == "social-enterprise" and kis.place == "Leszno"


def test_department_takes_the_body_named_before():
    text = "Urząd Miasta Płocka reprezentowała Anna Nowak z Wydziału Polityki Społecznej."
    found, _ = orgs(text)
    um = by_name(found, "Urząd Miasta Płocka")
    wydz = [o for o in found if o.name.startswith("Wydział Polityki Społecznej")][0]
    assert wydz.part_of == um.id and wydz.name == "Wydział Polityki Społecznej Urzędu Miasta Płocka"
    assert wydz.type == "local-government" and um.place == "Płock"


def test_run_by_gives_part_of():
    text = (
        "Ośrodek Wsparcia Ekonomii Społecznej (OWES), który Fundacja Rozwoju Regionu prowadzi w Lesznie, "
        "zaprosił na szkolenie."
    )
    found, _ = orgs(text)
    f = by_name(found, "Fundacja Rozwoju Regionu")
    owes = [o for o in found if o.name.startswith("Ośrodek Wsparcia Ekonomii Społecznej")][0]
    assert owes.part_of == f.id and "OWES" in owes.aliases


def test_short_forms_and_acronyms_defined_by_the_text():
    text = (
        "Caritas Diecezji Zielonogórsko-Gorzowskiej podpisała umowę z Uniwersytetem Zielonogórskim. "
        "Caritas przekaże paczki, a uczelnia przygotuje badania; UZ opublikuje raport."
    )
    found, _ = orgs(text)
    caritas = by_name(found, "Caritas Diecezji Zielonogórsko-Gorzowskiej")
    assert "Caritas" in caritas.aliases and caritas.type == "ngo"
    uni = by_name(found, "Uniwersytet Zielonogórski")
    assert uni.type == "university" and "UZ" in uni.aliases


def test_names_stop_before_persons_and_lists():
    text = (
        "Przybyli przewodniczący Rady Powiatu Kolskiego Jan Kowalski oraz Starostwo Powiatowe w Kole "
        "i Sąd Rejonowy w Kole."
    )
    found, _ = orgs(text)
    rada = by_name(found, "Rada Powiatu Kolskiego")
    assert rada.place == "Koło" and rada.type == "local-government"
    assert by_name(found, "Sąd Rejonowy w Kole").type == "court"
    assert by_name(found, "Starostwo Powiatowe w Kole").type == "local-government"


def test_special_names_and_types():
    text = (
        "Patronat objął Prezydent RP. Wsparcie zapewnili Państwowy Fundusz Rehabilitacji Osób "
        "Niepełnosprawnych, Dom Pomocy Społecznej w Rawiczu i Szkoła Podstawowa nr 3 w Rawiczu."
    )
    found, _ = orgs(text)
    assert by_name(found, "Prezydent Rzeczypospolitej Polskiej").type == "central-government"
    assert by_name(found, "Dom Pomocy Społecznej w Rawiczu").type == "care-facility"
    assert by_name(found, "Szkoła Podstawowa nr 3 w Rawiczu").type == "school"
    assert all(o.type in ORG_TYPES for o in found)


def test_comments_and_related_news_are_ignored():
    text = (
        "Miejski Ośrodek Pomocy Społecznej w Pile zaprosił seniorów.\n\n"
        "Komentarze (2)\n~Ala: A gdzie była Fundacja „Inna”?\n\n"
        "Czytaj także:\n» Stowarzyszenie „Obok” szuka wolontariuszy"
    )
    found, _ = orgs(text)
    assert [o.name for o in found] == ["Miejski Ośrodek Pomocy Społecznej w Pile"]


def test_ids_in_order_of_first_mention_and_evidence():
    text = "PCPR w Chodzieży i Fundacja „Most” podpisały umowę. Fundacja „Most” dziękuje PCPR w Chodzieży."
    found, mentions = orgs(text)
    assert [o.id for o in found] == ["o1", "o2"]
    assert found[0].name == "Powiatowe Centrum Pomocy Rodzinie w Chodzieży"
    assert len(found[0].evidence) == 2 and found[0].evidence[0].quote == "PCPR w Chodzieży"
    assert all(m.method and 0 < m.confidence <= 1 for m in mentions)


# --- Czech names -------------------------------------------------------------------


def test_czech_offices_departments_and_charity():
    text = (
        "Oblastní charita Třebíč a Městský úřad Třebíč uzavřely dohodu. "
        "Za odbor sociálních věcí a zdravotnictví podepsal vedoucí Jan Novák. "
        "Třebíčská charita provozuje Azylový dům pro ženy a Denní stacionář Nazaret. "
        "Charita děkuje třebíčskému městskému úřadu."
    )
    found, _ = orgs(text, "cs")
    charita = by_name(found, "Oblastní charita Třebíč")
    assert charita.type == "ngo" and charita.place == "Třebíč"
    assert {"Třebíčská charita", "Charita"} <= set(charita.aliases)
    office = by_name(found, "Městský úřad Třebíč")
    assert "třebíčskému městskému úřadu" in office.aliases
    odbor = by_name(found, "Odbor sociálních věcí a zdravotnictví Městského úřadu Třebíč")
    assert odbor.part_of == office.id and odbor.type == "local-government"
    azyl = [o for o in found if o.name.startswith("Azylový dům pro ženy")][0]
    assert azyl.part_of == charita.id and azyl.type == "care-facility"


def test_czech_names_with_lowercase_words_and_legal_forms():
    text = (
        "Memorandum podepsaly Svaz měst a obcí České republiky a spolek Cesta domů, z.ú. "
        "Ředitel SMO ČR Ing. Petr Malý ocenil Dům dětí a mládeže Klíč."
    )
    found, _ = orgs(text, "cs")
    smo = by_name(found, "Svaz měst a obcí České republiky")
    assert "SMO ČR" in smo.aliases
    cesta = [o for o in found if "Cesta domů" in o.name][0]
    assert cesta.type == "ngo"
    assert by_name(found, "Dům dětí a mládeže Klíč").type == "school"


def test_czech_town_as_body_but_not_as_territory():
    text = (
        "Budova patří městu Humpolec a zastupitelstvo města Humpolce ji chce prodat. "
        "Služby působí na území města Humpolec."
    )
    found, _ = orgs(text, "cs")
    names = {o.name for o in found}
    assert "Město Humpolec" in names and "Zastupitelstvo města Humpolec" in names
    assert len(by_name(found, "Město Humpolec").aliases) == 1


# --- the development corpus ---------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus")


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower()
    s = re.sub(r"[„”“\"«»']", "", s)
    return " ".join(s.split())


@pytest.mark.skipif(not (CORPUS / "gold").exists(), reason="shared corpus not present")
def test_corpus_organisation_f1_above_floor():
    tp = fp = fn = canon = typ = 0
    for gpath in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        text = (CORPUS / "texts" / f"{gpath.stem}.txt").read_text(encoding="utf-8")
        found, _ = find_organisations(text, gold["lang"], split_sentences(text))
        used: set[str] = set()
        for o in found:
            names = {_norm(o.name), *(_norm(a) for a in o.aliases)}
            hit = next(
                (g for g in gold["organisations"] if g["id"] not in used
                 and names & {_norm(g["name"]), *(_norm(a) for a in g["aliases"])}),
                None,
            )
            if hit is None:
                fp += 1
                continue
            used.add(hit["id"])
            tp += 1
            canon += _norm(o.name) == _norm(hit["name"])
            typ += o.type == hit["type"]
        fn += len(gold["organisations"]) - len(used)
    p, r = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * p * r / (p + r)
    # measured 0.98 / 1.00 / 1.00 when this floor was set; the floor leaves room for
    # rule changes that trade a corpus hit for generality
    assert f1 >= 0.90, (p, r, f1)
    assert canon / tp >= 0.90 and typ / tp >= 0.90


def test_units_attached_with_przy_and_compound_office_names():
    text = (
        "Urząd Miasta i Gminy w Pleszewie przekazał dotację dla Warsztatu Terapii Zajęciowej przy "
        "Stowarzyszeniu „Promyk”. Wykład wygłosił rektor Wyższej Szkoły Bankowej."
    )
    found, _ = orgs(text)
    assert by_name(found, "Urząd Miasta i Gminy w Pleszewie").place == "Pleszew"
    st = by_name(found, "Stowarzyszenie „Promyk”")
    wtz = by_name(found, "Warsztat Terapii Zajęciowej przy Stowarzyszeniu „Promyk”")
    assert wtz.part_of == st.id and wtz.type == "social-enterprise"
    assert by_name(found, "Wyższa Szkoła Bankowa").type == "university"


def test_czech_possessives_towns_end_names_and_lists_with_legal_forms():
    text = (
        "Podle vedoucí Odboru sociální péče Magistrátu města Olomouce Jany Malé spolupracuje "
        "Palackého univerzita, Krajský úřad Olomouckého kraje a organizace Šance Olomouc, z.s."
    )
    found, _ = orgs(text, "cs")
    # statutory cities write their office with the town in the genitive ("Magistrát města Brna")
    mag = by_name(found, "Magistrát města Olomouce")
    odbor = by_name(found, "Odbor sociální péče Magistrátu města Olomouce")
    assert odbor.part_of == mag.id
    assert by_name(found, "Palackého univerzita").type == "university"
    assert by_name(found, "Krajský úřad Olomouckého kraje").type == "local-government"
    sance = [o for o in found if "Šance Olomouc" in o.name][0]
    assert sance.type == "ngo"
