"""People for the synthetic world: given names, family names (with their feminine forms) and posts.

Tables written by hand. Polish posts follow official usage (a woman is "dyrektor",
"prezes", "starosta"; "przewodnicząca", "radna" are feminine); Czech posts always
agree with the person ("ředitel" / "ředitelka").
"""

from __future__ import annotations

import random

from .universe import Org, Person

PL_MALE = ("Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Marcin", "Michał", "Marek", "Grzegorz",
           "Jacek", "Adam", "Łukasz", "Zbigniew", "Ryszard", "Dariusz", "Henryk", "Mariusz", "Kazimierz", "Wojciech",
           "Robert", "Mateusz", "Marian", "Rafał", "Jerzy", "Janusz", "Maciej", "Stanisław", "Bartosz", "Sławomir",
           "Artur", "Przemysław", "Damian", "Jarosław", "Kamil", "Leszek", "Dawid", "Waldemar", "Sebastian", "Witold")
PL_FEMALE = ("Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Elżbieta",
             "Zofia", "Joanna", "Magdalena", "Monika", "Beata", "Danuta", "Teresa", "Dorota", "Jolanta", "Aleksandra",
             "Halina", "Iwona", "Marta", "Grażyna", "Renata", "Bożena", "Justyna", "Urszula", "Jadwiga", "Agata",
             "Eugenia", "Sylwia", "Natalia", "Karolina", "Paulina", "Izabela", "Alicja", "Wiesława", "Edyta",
             "Hanna", "Lidia")
# family names in -ski / -cki / -dzki take -ska / -cka / -dzka for women; the rest do not change
PL_FAMILY = ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
             "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk",
             "Kaczmarek", "Piotrowski", "Grabowski", "Zając", "Pawłowski", "Michalski", "Król", "Wieczorek",
             "Jabłoński", "Wróbel", "Nowakowski", "Majewski", "Olszewski", "Stępień", "Malinowski", "Jaworski",
             "Adamczyk", "Dudek", "Nowicki", "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora", "Baran",
             "Rutkowski", "Michalak", "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak", "Zalewski", "Wróblewski",
             "Jasiński", "Marciniak", "Sadowski", "Bąk", "Zawadzki", "Duda", "Jakubowski", "Wilk", "Chmielewski",
             "Włodarczyk", "Borkowski", "Czarnecki", "Sokołowski", "Urbański", "Kubiak", "Maciejewski", "Szczepański",
             "Kucharski", "Wilczyński", "Kalinowski", "Lis", "Mazurek", "Wysocki", "Adamski", "Kaźmierczak",
             "Wasilewski", "Sobczak", "Czerwiński", "Andrzejewski", "Cieślak", "Głowacki", "Zakrzewski", "Kołodziej",
             "Sikorski", "Krajewski", "Gajewski", "Szymczak", "Szulc", "Baranowski", "Laskowski", "Brzeziński",
             "Makowski", "Ziółkowski", "Przybylski", "Wdowiak", "Jahura", "Konopka", "Mancewicz", "Rymsza")

CS_MALE = ("Jiří", "Jan", "Petr", "Josef", "Pavel", "Martin", "Tomáš", "Jaroslav", "Miroslav", "Zdeněk", "Václav",
           "Michal", "František", "Karel", "Milan", "Vladimír", "Lukáš", "David", "Jakub", "Ladislav", "Stanislav",
           "Roman", "Ondřej", "Radek", "Marek", "Daniel", "Vojtěch", "Filip", "Aleš", "Marián")
CS_FEMALE = ("Jana", "Marie", "Eva", "Hana", "Anna", "Lenka", "Kateřina", "Lucie", "Věra", "Alena", "Petra",
             "Veronika", "Jaroslava", "Martina", "Tereza", "Michaela", "Jitka", "Helena", "Ludmila", "Zdeňka",
             "Ivana", "Monika", "Eliška", "Zuzana", "Markéta", "Barbora", "Dagmar", "Kristýna", "Vladimíra", "Irena")
# (masculine, feminine) -- written out because the rules have many exceptions (Němec -> Němcová)
CS_FAMILY = (
    ("Novák", "Nováková"), ("Svoboda", "Svobodová"), ("Novotný", "Novotná"), ("Dvořák", "Dvořáková"),
    ("Černý", "Černá"), ("Procházka", "Procházková"), ("Kučera", "Kučerová"), ("Veselý", "Veselá"),
    ("Horák", "Horáková"), ("Němec", "Němcová"), ("Marek", "Marková"), ("Pospíšil", "Pospíšilová"),
    ("Pokorný", "Pokorná"), ("Hájek", "Hájková"), ("Král", "Králová"), ("Jelínek", "Jelínková"),
    ("Růžička", "Růžičková"), ("Beneš", "Benešová"), ("Fiala", "Fialová"), ("Sedláček", "Sedláčková"),
    ("Doležal", "Doležalová"), ("Zeman", "Zemanová"), ("Kolář", "Kolářová"), ("Navrátil", "Navrátilová"),
    ("Čermák", "Čermáková"), ("Vaněk", "Vaňková"), ("Urban", "Urbanová"), ("Blažek", "Blažková"),
    ("Kříž", "Křížová"), ("Kovář", "Kovářová"), ("Kratochvíl", "Kratochvílová"), ("Bartoš", "Bartošová"),
    ("Vlček", "Vlčková"), ("Polák", "Poláková"), ("Musil", "Musilová"), ("Kopecký", "Kopecká"),
    ("Šimek", "Šimková"), ("Konečný", "Konečná"), ("Malý", "Malá"), ("Holub", "Holubová"),
    ("Štěpánek", "Štěpánková"), ("Kadlec", "Kadlecová"), ("Šlesingr", "Šlesingrová"), ("Bureš", "Burešová"),
)

# posts by organisation type: index 0 is the head, 1 a deputy or coordinator, 2 a member of staff
PL_ROLES: dict[str, tuple[str, str, str]] = {
    "social-welfare-centre": ("dyrektor", "zastępca dyrektora", "kierownik działu pomocy środowiskowej"),
    "family-support-centre": ("dyrektor", "zastępca dyrektora", "koordynator rodzinnej pieczy zastępczej"),
    "social-services-centre": ("dyrektor", "zastępca dyrektora", "organizator usług społecznych"),
    "regional-social-policy-centre": ("dyrektor", "zastępca dyrektora", "kierownik obserwatorium integracji społecznej"),
    "local-government": ("burmistrz", "zastępca burmistrza", "naczelnik wydziału spraw społecznych"),
    "central-government": ("wiceminister", "dyrektor departamentu", "naczelnik wydziału"),
    "labour-office": ("dyrektor", "zastępca dyrektora", "doradca zawodowy"),
    "court": ("prezes sądu", "sędzia", "kurator zawodowy"),
    "police-or-uniformed": ("komendant", "zastępca komendanta", "dzielnicowy"),
    "school": ("dyrektor", "wicedyrektor", "pedagog szkolny"),
    "university": ("prorektor", "dziekan", "adiunkt"),
    "ngo": ("prezes", "wiceprezes", "koordynator projektu"),
    "social-enterprise": ("kierownik", "prezes", "instruktor zawodu"),
    "care-facility": ("dyrektor", "kierownik", "terapeuta zajęciowy"),
    "healthcare": ("dyrektor", "zastępca dyrektora", "psycholog"),
    "other": ("dyrektor", "zastępca dyrektora", "koordynator projektu"),
}
PL_ROLES_BY_NAME: dict[str, tuple[str, str, str]] = {
    "Urząd Miasta": ("prezydent miasta", "zastępca prezydenta", "naczelnik wydziału spraw społecznych"),
    "Rada Miejska": ("przewodniczący rady", "wiceprzewodniczący rady", "radny"),
    "Starostwo Powiatowe": ("starosta", "wicestarosta", "sekretarz powiatu"),
    "Urząd Marszałkowski": ("marszałek województwa", "wicemarszałek", "dyrektor departamentu polityki społecznej"),
    "Urząd Wojewódzki": ("wojewoda", "wicewojewoda", "dyrektor wydziału polityki społecznej"),
    "Straż Miejska": ("komendant straży miejskiej", "zastępca komendanta", "strażnik miejski"),
}
PL_FEMININE = {"przewodniczący rady": "przewodnicząca rady", "wiceprzewodniczący rady": "wiceprzewodnicząca rady",
               "radny": "radna", "strażnik miejski": "strażniczka miejska"}

CS_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "local-government": (("tajemník úřadu", "tajemnice úřadu"), ("vedoucí odboru", "vedoucí odboru"),
                         ("sociální pracovník", "sociální pracovnice")),
    "central-government": (("náměstek ministra", "náměstkyně ministra"), ("ředitel odboru", "ředitelka odboru"),
                           ("vedoucí oddělení", "vedoucí oddělení")),
    "labour-office": (("ředitel", "ředitelka"), ("vedoucí kontaktního pracoviště", "vedoucí kontaktního pracoviště"),
                      ("zprostředkovatel", "zprostředkovatelka")),
    "court": (("předseda soudu", "předsedkyně soudu"), ("soudce", "soudkyně"), ("asistent soudce", "asistentka soudce")),
    "police-or-uniformed": (("ředitel", "ředitelka"), ("vedoucí střediska", "vedoucí střediska"),
                            ("strážník", "strážnice")),
    "school": (("ředitel", "ředitelka"), ("zástupce ředitele", "zástupkyně ředitele"),
               ("výchovný poradce", "výchovná poradkyně")),
    "university": (("rektor", "rektorka"), ("děkan", "děkanka"), ("vedoucí katedry sociální práce",) * 2),
    "ngo": (("ředitel", "ředitelka"), ("předseda", "předsedkyně"), ("koordinátor projektu", "koordinátorka projektu")),
    "social-enterprise": (("ředitel", "ředitelka"), ("vedoucí dílny", "vedoucí dílny"), ("instruktor", "instruktorka")),
    "care-facility": (("ředitel", "ředitelka"), ("vedoucí přímé péče", "vedoucí přímé péče"),
                      ("sociální pracovník", "sociální pracovnice")),
    "social-services-centre": (("ředitel", "ředitelka"), ("vedoucí terénních služeb", "vedoucí terénních služeb"),
                               ("sociální pracovník", "sociální pracovnice")),
    "healthcare": (("ředitel", "ředitelka"), ("primář", "primářka"), ("zdravotně-sociální pracovník",
                                                                      "zdravotně-sociální pracovnice")),
    "other": (("ředitel", "ředitelka"), ("zástupce ředitele", "zástupkyně ředitele"),
              ("koordinátor projektu", "koordinátorka projektu")),
}
CS_ROLES_BY_NAME: dict[str, tuple[tuple[str, str], ...]] = {
    "Město": (("starosta", "starostka"), ("místostarosta", "místostarostka"), ("radní", "radní")),
    "Odbor": (("vedoucí odboru", "vedoucí odboru"), ("sociální pracovník", "sociální pracovnice"),
              ("koordinátor komunitního plánování", "koordinátorka komunitního plánování")),
    "Krajský úřad": (("ředitel krajského úřadu", "ředitelka krajského úřadu"),
                     ("vedoucí odboru sociálních věcí", "vedoucí odboru sociálních věcí"),
                     ("krajský koordinátor", "krajská koordinátorka")),
}


def _pl_feminine(family: str) -> str:
    for end, fem in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if family.endswith(end):
            return family[: -len(end)] + fem
    return family


def person_for(seed: int, org: Org, index: int) -> Person:
    """The index-th person of an organisation (0: its head)."""
    rng = random.Random(f"person:{seed}:{org.uid}:{index}")
    female = rng.random() < 0.6  # social services employ more women than men
    if org.lang == "pl":
        given = rng.choice(PL_FEMALE if female else PL_MALE)
        family = rng.choice(PL_FAMILY)
        family = _pl_feminine(family) if female else family
        roles = next((r for k, r in PL_ROLES_BY_NAME.items() if org.nom.startswith(k)), PL_ROLES[org.type])
        role = roles[index % 3]
        if org.nom.startswith("Urząd Miasta") and not (org.place and (org.place.seat or org.place.adj)):
            role = ("burmistrz", "zastępca burmistrza", roles[2])[index % 3]
        if female:
            role = PL_FEMININE.get(role, role)
    else:
        given = rng.choice(CS_FEMALE if female else CS_MALE)
        masc, fem = rng.choice(CS_FAMILY)
        family = fem if female else masc
        roles_cs = next((r for k, r in CS_ROLES_BY_NAME.items() if org.nom.startswith(k)), CS_ROLES[org.type])
        role = roles_cs[index % 3][1 if female else 0]
    return Person(uid=f"{org.uid}-p{index}", name=f"{given} {family}", female=female, org=org.uid, role=role)
