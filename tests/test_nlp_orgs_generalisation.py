"""Organisation recognition rules added for unseen articles: one small sentence (written by us)
per rule, place-adjective derivations over many towns, and floors on the held-out set in
tests/data/heldout (original articles annotated before the extractor was run on them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialkg.evaluation import evaluate_corpus
from socialkg.loaders.nlp.orgs import find_organisations
from socialkg.loaders.nlp.places import pl_place_nominative, place_from_adjective
from socialkg.loaders.nlp.text import split_sentences

HELDOUT = Path(__file__).parent / "data" / "heldout"


def names(text: str, lang: str) -> dict[str, object]:
    found, _ = find_organisations(text, lang, split_sentences(text))
    return {o.name: o for o in found}


# --- Czech ----------------------------------------------------------------------------------


def test_cs_person_after_body_is_cut_off():
    got = names("Podle ředitele Charity Ostrava Martina Pražáka se situace nezměnila.", "cs")
    assert "Charita Ostrava" in got
    got = names("Řekla vedoucí odboru sociálních věcí Městského úřadu Vsetín Jana Vaculíková.", "cs")
    assert "Městský úřad Vsetín" in got
    assert got["Odbor sociálních věcí Městského úřadu Vsetín"].part_of == got["Městský úřad Vsetín"].id


def test_cs_kraj_is_a_head_and_plural_kinds_are_not_bodies():
    got = names("Sešli se zástupci obcí Jihomoravského kraje. Mluvila náměstkyně hejtmana Jihomoravského kraje.", "cs")
    assert set(got) == {"Jihomoravský kraj"}
    assert got["Jihomoravský kraj"].type == "local-government"


def test_cs_list_of_bodies_with_a_capital_after_a():
    got = names("Město uzavřelo memorandum s Charitou Vsetín a společností Člověk v tísni, o.p.s.", "cs")
    assert "Charita Vsetín" in got and "Člověk v tísni, o.p.s." in got


def test_cs_units_after_a_dash_or_comma():
    got = names("Pomoc nabízí Úřad práce ČR – kontaktní pracoviště Kolín a Diakonie ČCE – středisko v Brně.", "cs")
    assert got["Úřad práce České republiky – kontaktní pracoviště Kolín"].place == "Kolín"
    assert got["Úřad práce České republiky – kontaktní pracoviště Kolín"].type == "labour-office"
    assert "Diakonie ČCE – středisko v Brně" in got
    got = names("Doučování probíhá na Základní škole Most, Zlatnická 186 každé úterý.", "cs")
    assert "Základní škola Most, Zlatnická 186" in got


def test_cs_coordinated_adjectives_and_new_heads():
    got = names("Program spustila Probační a mediační služba – středisko Kladno s Agenturou pro sociální začleňování.", "cs")
    assert got["Probační a mediační služba – středisko Kladno"].type == "police-or-uniformed"
    assert got["Agentura pro sociální začleňování"].type == "central-government"


def test_cs_headless_names_after_a_descriptor_and_their_other_forms():
    text = ("Program připravil spolek Kolpingova rodina Smečno. Podle ředitele Kolpingovy rodiny Smečno "
            "Pavla Kalíka pomáhá i organizace Vzájemné soužití.")
    got = names(text, "cs")
    assert got["Kolpingova rodina Smečno"].aliases == ["Kolpingova rodina Smečno", "Kolpingovy rodiny Smečno"]
    assert got["Vzájemné soužití"].type == "ngo"
    got = names("Místa připravily Armáda spásy v České republice, z. s. Provoz zajistí Armáda spásy.", "cs")
    assert "Armáda spásy" in got["Armáda spásy v České republice, z. s."].aliases


def test_cs_parent_named_by_its_kind_and_place_adjective():
    text = ("Poradna sídlí v budově Městského úřadu Jindřichův Hradec. Říká vedoucí odboru sociálních věcí "
            "jindřichohradeckého městského úřadu Blanka Peroutková.")
    got = names(text, "cs")
    odbor = got["Odbor sociálních věcí Městského úřadu Jindřichův Hradec"]
    assert odbor.part_of == got["Městský úřad Jindřichův Hradec"].id


def test_cs_canonical_forms_courts_magistrates_possessives_acronyms():
    got = names("Doporučení dává Okresní soud v Kladně a Magistrát města Brna spolupracuje s Masarykovou "
                "univerzitou i Policií ČR.", "cs")
    assert {"Okresní soud v Kladně", "Magistrát města Brna", "Masarykova univerzita",
            "Policie České republiky"} <= set(got)


def test_cs_oblique_place_resolved_by_the_nominative_in_the_article():
    got = names("Statutární město Most podpořilo Úřad práce ČR – kontaktní pracoviště v Mostě.", "cs")
    assert "Statutární město Most" in got
    assert all(o.place in (None, "Most") for o in got.values())


def test_cs_table_acronym_joins_the_body_it_abbreviates():
    text = "Oddělení sociálně-právní ochrany dětí má přes 600 rodin. Pracovníci OSPOD jednají měsíčně."
    got = names(text, "cs")
    assert len(got) == 1 and "OSPOD" in next(iter(got.values())).aliases


def test_relative_clause_runner_is_the_parent():
    got = names("Od května funguje Seniorská poradna, kterou provozuje Centrum pro zdravotně postižené "
                "Jihočeského kraje.", "cs")
    assert got["Seniorská poradna"].part_of == got["Centrum pro zdravotně postižené Jihočeského kraje"].id
    assert got["Centrum pro zdravotně postižené Jihočeského kraje"].part_of is None


# --- Polish ---------------------------------------------------------------------------------


def test_pl_ambiguous_locative_decided_by_the_nominative_in_the_article():
    text = "Wójt Gminy Baranowo powołał zespół. Pracuje w nim Gminny Ośrodek Pomocy Społecznej w Baranowie."
    got = names(text, "pl")
    assert got["Gminny Ośrodek Pomocy Społecznej w Baranowie"].place == "Baranowo"


def test_pl_plural_town_names():
    assert pl_place_nominative(["Jezior", "Wielkich"], "gen") == "Jeziora Wielkie"
    assert pl_place_nominative(["Nowinach"], "loc") == "Nowiny"


# adjective -> town: derivations that no single ending rule covers, resolved by the reversed
# rules and morfeusz2's geographic names, without the town being named in the text
DERIVED = [
    ("jasielskiego", "Jasło"), ("kieleckiego", "Kielce"), ("kartuskiego", "Kartuzy"),
    ("mogileńskiego", "Mogilno"), ("krośnieńskiego", "Krosno"), ("gnieźnieńskiego", "Gniezno"),
    ("sanockiego", "Sanok"), ("ostrołęckiego", "Ostrołęka"), ("giżyckiego", "Giżycko"),
    ("słupskiego", "Słupsk"), ("siedleckiego", "Siedlce"), ("łódzkiego", "Łódź"),
    ("kłodzkiego", "Kłodzko"), ("olkuskiego", "Olkusz"), ("zakopiańskiego", "Zakopane"),
    ("legnickiego", "Legnica"), ("leskiego", "Lesko"), ("raciborskiego", "Racibórz"),
    ("nyskiego", "Nysa"), ("kępińskiego", "Kępno"), ("łowickiego", "Łowicz"),
    ("zgierskiego", "Zgierz"), ("radomszczańskiego", "Radomsko"), ("suwalskiego", "Suwałki"),
    ("elbląskiego", "Elbląg"), ("gdyńskiego", "Gdynia"), ("kościerskiego", "Kościerzyna"),
    ("włocławskiego", "Włocławek"), ("wałbrzyskiego", "Wałbrzych"), ("oleśnickiego", "Oleśnica"),
    ("bocheńskiego", "Bochnia"), ("hajnowskiego", "Hajnówka"), ("sokólskiego", "Sokółka"),
    ("kolneńskiego", "Kolno"), ("kaliskiego", "Kalisz"), ("koszalińskiego", "Koszalin"),
]


def test_pl_place_adjective_derivations():
    wrong = [(adj, town, place_from_adjective(adj, "pl")) for adj, town in DERIVED
             if place_from_adjective(adj, "pl") != town]
    assert not wrong


def test_pl_place_adjective_prefers_the_article_town():
    # "Jasiel" is a village too; the article's "w Jaśle" decides
    assert place_from_adjective("jasielskiego", "pl", ("Jasło",)) == "Jasło"
    got = names("Dyrektor jasielskiego PCPR mówiła o rodzinach. Piknik odbył się w Jaśle.", "pl")
    assert "Powiatowe Centrum Pomocy Rodzinie w Jaśle" in got


def test_pl_generic_singular_of_a_kind_discussed_in_lower_case():
    text = ("Gminny Ośrodek Pomocy Społecznej w Kobylnicy działa od lat. Radni pytali, czy gmina utworzy "
            "centrum usług społecznych. Centrum Usług Społecznych to dobra formuła.")
    assert set(names(text, "pl")) == {"Gminny Ośrodek Pomocy Społecznej w Kobylnicy"}


def test_pl_long_ngo_names_and_branches():
    text = ("Zakład prowadzi Polskie Stowarzyszenie na rzecz Osób z Niepełnosprawnością Intelektualną Koło "
            "w Kartuzach. Prezes Koła PSONI w Kartuzach dziękowała.")
    got = names(text, "pl")
    psoni = got["Polskie Stowarzyszenie na rzecz Osób z Niepełnosprawnością Intelektualną Koło w Kartuzach"]
    assert "PSONI" in psoni.aliases


def test_pl_funds_only_when_they_are_bodies():
    got = names("Budowę sfinansowano ze środków Państwowego Funduszu Rehabilitacji Osób Niepełnosprawnych "
                "i Funduszu Solidarnościowego.", "pl")
    assert set(got) == {"Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych"}


def test_pl_new_heads_and_capitalised_place_adjectives():
    got = names("Działkę przekazał Powiat Kartuski, a informacje przygotowało Wrocławskie Centrum Rozwoju "
                "Społecznego i Gminna Komisja Rozwiązywania Problemów Alkoholowych w Baranowie.", "pl")
    assert got["Powiat Kartuski"].place == "Kartuzy"
    assert got["Wrocławskie Centrum Rozwoju Społecznego"].place == "Wrocław"
    assert got["Gminna Komisja Rozwiązywania Problemów Alkoholowych w Baranowie"].type == "local-government"


def test_pl_unit_run_by_an_association_in_ovs_order():
    text = ("Otwarto Zakład Aktywności Zawodowej w Kartuzach. Zakład prowadzi Stowarzyszenie „Razem” z Kartuz.")
    got = names(text, "pl")
    assert got["Zakład Aktywności Zawodowej w Kartuzach"].part_of == got["Stowarzyszenie „Razem”"].id
    assert got["Stowarzyszenie „Razem”"].part_of is None


def test_pl_voivode_office_is_central_government():
    got = names("Głos zabrali przedstawiciele Świętokrzyskiego Urzędu Wojewódzkiego.", "pl")
    assert got["Świętokrzyski Urząd Wojewódzki"].type == "central-government"


# --- the held-out set -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def heldout_report():
    return evaluate_corpus(HELDOUT)


def test_heldout_organisation_floors(heldout_report):
    # measured 0.990 / 0.947 / 0.989 (2024 held-out set, 14 articles); floors a little below
    assert not heldout_report.failed
    assert heldout_report.totals["organisations"].f1 >= 0.95
    assert heldout_report.canonical_name.value >= 0.91
    assert heldout_report.org_type.value >= 0.96


def test_cs_declined_posts_are_not_part_of_a_name():
    got = names("Spolupracuje odbor sociálních věcí Městského úřadu Třebíč. Podle vedoucího odboru "
                "Pavla Černého je zájem velký.", "cs")
    assert set(got) == {"Odbor sociálních věcí Městského úřadu Třebíč", "Městský úřad Třebíč"}


def test_pl_big_town_over_a_village_of_a_similar_name():
    assert pl_place_nominative(["Łodzi"], "loc") == "Łódź"  # not the village Łodzia
    assert pl_place_nominative(["Ostrowie", "Wielkopolskim"], "loc") == "Ostrów Wielkopolski"


# --- funds are money, not organisations -----------------------------------------------------


def test_funds_and_programmes_are_not_organisations():
    got = names("Projekt Charity Jihlava je spolufinancován z Evropského sociálního fondu a Evropského "
                "fondu pro regionální rozvoj. Pomohl i Nadační fond Jihlava.", "cs")
    assert not any("sociální fond" in n.lower() or "regionální rozvoj" in n.lower() for n in got)
    assert "Charita Jihlava" in got
    got = names("Stowarzyszenie „Razem” w Ełku realizuje projekt współfinansowany przez Europejski Fundusz "
                "Społeczny oraz Europejski Fundusz Rozwoju Regionalnego. Wsparcia udzielił też Państwowy "
                "Fundusz Rehabilitacji Osób Niepełnosprawnych.", "pl")
    assert not any("Europejski Fundusz" in n for n in got)
    assert got["Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych"].type == "central-government"


# --- a unit has one cross-document key however it is linked to its parent ------------------


def test_unit_key_is_the_same_for_przy_acronym_and_genitive_links():
    texts = [
        "Warsztat Terapii Zajęciowej przy Powiatowym Centrum Pomocy Rodzinie w Ełku otworzył pracownię.",
        "Do Warsztatu Terapii Zajęciowej PCPR w Ełku przyszło dwudziestu uczestników.",
        "Uczestnicy Warsztatu Terapii Zajęciowej Powiatowego Centrum Pomocy Rodzinie w Ełku pojechali na wycieczkę.",
    ]
    keys = set()
    for t in texts:
        found, _ = find_organisations(t, "pl", split_sentences(t))
        unit = next(o for o in found if o.name.startswith("Warsztat Terapii Zajęciowej"))
        assert unit.part_of, t
        keys.add(unit.key)
    assert len(keys) == 1, keys
    # a different unit of the same parent keeps its own key
    t = "Klub Integracji Społecznej przy Powiatowym Centrum Pomocy Rodzinie w Ełku ruszył w maju."
    found, _ = find_organisations(t, "pl", split_sentences(t))
    assert next(o for o in found if o.name.startswith("Klub")).key not in keys


def test_cs_names_end_before_clauses_adverbs_and_relatives():
    got = names("Statutární město Beroun spouští nový program. Lidé jsou v evidenci Úřadu práce ČR déle "
                "než rok. Město pro kurzy bezplatně zapůjčí sál. Služby zajistí spolek Naděje Beroun, "
                "se kterým má město uzavřenou smlouvu.", "cs")
    assert "Statutární město Beroun" in got
    assert not any("spouští" in n or "déle" in n or "zapůjčí" in n or n.lower().startswith("kter") for n in got)


def test_cs_legal_form_names_keep_adverbs_and_drop_the_kind_word_before_them():
    got = names("Ředitelka organizace Krok vpřed, o.p.s. Jana Malá to potvrdila. Spolupracujeme s firmou "
                "Lesní Plast s.r.o. a se Sociálním družstvem Brána.", "cs")
    assert "Krok vpřed, o.p.s." in got
    assert "Lesní Plast s.r.o." in got  # no comma added: the name is written as the text writes it
    assert got["Sociální družstvo Brána"].type == "social-enterprise"


def test_pl_units_numbered_coordinated_and_in_the_instrumental():
    got = names("W 2024 roku II Wydział Cywilny i Rodzinny Sądu Rejonowego w Kole rozpatrzył 40 spraw. "
                "Informacji udziela Działem Świadczeń Rodzinnych PCPR w Kole.", "pl")
    court = got["Sąd Rejonowy w Kole"]
    assert got["II Wydział Cywilny i Rodzinny Sądu Rejonowego w Kole"].part_of == court.id
    assert got["Dział Świadczeń Rodzinnych Powiatowego Centrum Pomocy Rodzinie w Kole"].part_of == \
        got["Powiatowe Centrum Pomocy Rodzinie w Kole"].id


def test_pl_unit_parent_from_a_lower_case_head_word_pointing_back():
    got = names("Umowę zawarły Miejski Ośrodek Pomocy Społecznej w Kole i Powiatowy Urząd Pracy w Kole. "
                "Po stronie ośrodka sprawy prowadzi Dział Pracy Socjalnej.", "pl")
    assert got["Dział Pracy Socjalnej Miejskiego Ośrodka Pomocy Społecznej w Kole"].part_of == \
        got["Miejski Ośrodek Pomocy Społecznej w Kole"].id


@pytest.mark.parametrize("text, lang, name, kind", [
    ("Wykład wygłosił gość Uniwersytetu Trzeciego Wieku w Kole.", "pl", "Uniwersytet Trzeciego Wieku w Kole", "ngo"),
    ("Uczniowie Specjalnego Ośrodka Szkolno-Wychowawczego w Kole przygotowali występ.", "pl",
     "Specjalny Ośrodek Szkolno-Wychowawczy w Kole", "school"),
    ("Stoisko miał Mazowiecki Oddział Wojewódzki Narodowego Funduszu Zdrowia.", "pl",
     "Mazowiecki Oddział Wojewódzki Narodowego Funduszu Zdrowia", "central-government"),
    ("Na místě byla Zdravotnická záchranná služba Plzeňského kraje.", "cs",
     "Zdravotnická záchranná služba Plzeňského kraje", "healthcare"),
])
def test_types_of_bodies_whose_head_noun_misleads(text, lang, name, kind):
    assert names(text, lang)[name].type == kind


def test_what_is_new_is_not_part_of_the_name_and_a_short_form_joins_it():
    got = names("Otevřeli jsme nový nízkoprahový klub Maják pro mládež. Klub Maják je otevřen denně.", "cs")
    assert got["Nízkoprahový klub Maják"].type == "care-facility"
    assert "Klub Maják" in got["Nízkoprahový klub Maják"].aliases


def test_listed_names_with_a_comma_and_branches_of_listed_bodies():
    got = names("Dotację przyznało Ministerstwo Rodziny, Pracy i Polityki Społecznej. Koce zebrał "
                "Kaliski Oddział Rejonowy Polskiego Czerwonego Krzyża.", "pl")
    assert "Ministerstwo Rodziny, Pracy i Polityki Społecznej" in got
    assert "Ministerstwo Rodziny" not in got
    assert "Polski Czerwony Krzyż" not in got  # the branch is named, not the national society


def test_cs_lower_case_words_after_a_names_adjective_and_its_acronym_with_a_proper_name():
    got = names("Partnerem je Místní akční skupina Podbrdsko, z.s., která zapojí obce. Podle manažera "
                "MAS Podbrdsko je plán hotov. Jde o zapojení obcí.", "cs")
    mas = got["Místní akční skupina Podbrdsko, z.s."]
    assert "MAS Podbrdsko" in mas.aliases and mas.place is None
    assert len(got) == 1


def test_cs_short_form_in_the_articles_town_is_the_full_name_with_that_town():
    got = names("Beroun 4. 12. 2024. Porady se zúčastnili zástupci Městské charity Beroun. Strážníci budou "
                "společně s terénními pracovníky Městské charity objíždět místa.", "cs")
    assert [n for n in got if n.startswith("Městská charita")] == ["Městská charita Beroun"]


def test_cs_towns_named_after_a_river_and_genitive_plural_complements():
    got = names("Oddělení sociální práce a sociálních služeb Městského úřadu Ústí nad Orlicí vede Petr Novák. "
                "Přišli i zástupci Oblastní charity Ústí nad Orlicí.", "cs")
    office = got["Městský úřad Ústí nad Orlicí"]
    assert got["Oddělení sociální práce a sociálních služeb Městského úřadu Ústí nad Orlicí"].part_of == office.id
    assert "Oblastní charita Ústí nad Orlicí" in got


def test_cs_headless_names_with_inner_prepositions_and_no_titles_as_names():
    got = names("Dům provozuje spolek Cesta k domovu, z.s. Popsal to ředitel spolku Mgr. Marek Hájek.", "cs")
    assert "Cesta k domovu, z.s." in got
    assert "Mgr" not in got


def test_pl_inflected_name_closed_by_a_legal_form_is_put_in_the_nominative_whole():
    got = names("Umowę podpisano ze Szpitalem Powiatowym w Kole sp. z o.o. oraz Zarządem Rejonowym PKPS w Kole.", "pl")
    assert got["Szpital Powiatowy w Kole"].type == "healthcare"
    assert [o.type for n, o in got.items() if n.startswith("Zarząd Rejonowy")] == ["ngo"]


def test_pl_university_named_by_its_seat_its_faculties_and_the_regional_self_government():
    got = names("Konferencję współorganizował Wydział Nauk o Edukacji Uniwersytetu w Kielcach. Wydarzenie "
                "sfinansował Samorząd Województwa Świętokrzyskiego w ramach programu dla jednostek samorządu "
                "terytorialnego.", "pl")
    uni = got["Uniwersytet w Kielcach"]
    assert got["Wydział Nauk o Edukacji Uniwersytetu w Kielcach"].part_of == uni.id
    assert got["Samorząd Województwa Świętokrzyskiego"].type == "local-government"
    assert not any("Terytorialn" in n for n in got)


def test_cs_regions_are_named_by_their_adjective_and_universities_keep_their_seat_phrase():
    got = names("Setkání připravil Zlínský kraj společně se Slezskou univerzitou v Opavě. Občerstvení "
                "bude na akcích Jihomoravského kraje.", "cs")
    assert {"Zlínský kraj", "Jihomoravský kraj", "Slezská univerzita v Opavě"} <= set(got)


def test_pl_plural_adjective_stays_with_the_unit_not_the_singular_parent():
    got = names("Porozumienie przygotował Wydział Zdrowia i Spraw Społecznych Starostwa Powiatowego w Kole.", "pl")
    assert got["Wydział Zdrowia i Spraw Społecznych Starostwa Powiatowego w Kole"].part_of == \
        got["Starostwo Powiatowe w Kole"].id
