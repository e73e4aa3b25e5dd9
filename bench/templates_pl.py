"""Polish article templates. Each writes a title and a body into `s.doc` and states the facts.

Sentences are written so that no verb has to agree with an organisation's gender
(passive voice, plural subjects, prepositional phrases), and verbs that agree with
a person go through `s.g(person, masc, fem)`.
"""

from __future__ import annotations

import datetime as dt

from .doc import EventG, ProjectG
from .scene import Scene

WELFARE = ("social-welfare-centre", "social-services-centre")
NGO = ("ngo",)

FILL_FORUM = (
    "Rozmawiano o starzeniu się społeczeństwa, ubóstwie energetycznym i pomocy osobom w kryzysie bezdomności.",
    "Dyskutowano także o tym, jak lepiej wymieniać się informacjami między instytucjami.",
    "Wiele miejsca poświęcono wsparciu rodzin z dziećmi z niepełnosprawnościami.",
    "Uczestnicy podkreślali, że bez współpracy samorządu z organizacjami pozarządowymi trudno o skuteczną pomoc.",
    "W części warsztatowej pracowano w małych grupach nad konkretnymi przypadkami.",
    "Na zakończenie przyjęto wnioski, które trafią do samorządów z regionu.",
    "Spotkanie było też okazją do wymiany doświadczeń i nawiązania nowych kontaktów.",
    "Omówiono zmiany w przepisach dotyczących pomocy społecznej, które wchodzą w życie w przyszłym roku.",
    "Sala była wypełniona do ostatniego miejsca.",
    "Zaprezentowano również wyniki badania potrzeb mieszkańców przeprowadzonego w ubiegłym roku.",
)
FILL_PROJECT = (
    "Wsparciem zostanie objętych kilkadziesiąt osób zagrożonych wykluczeniem społecznym.",
    "Uczestnicy skorzystają z doradztwa zawodowego, szkoleń i pomocy psychologicznej.",
    "Rekrutacja potrwa do końca miesiąca, a formularze są dostępne w sekretariacie.",
    "Przewidziano także warsztaty kompetencji rodzicielskich i zajęcia dla dzieci.",
    "Projekt potrwa dwa lata.",
    "Część zajęć odbędzie się w terenie, tak aby dotrzeć do osób z mniejszych miejscowości.",
    "Pierwsze efekty mają być widoczne już po kilku miesiącach.",
)
FILL_GENERAL = (
    "Szczegółowe informacje można uzyskać telefonicznie lub w siedzibie placówki.",
    "To nie pierwsza taka inicjatywa w mieście.",
    "Zainteresowanie przerosło oczekiwania organizatorów.",
    "Mieszkańcy mogą zgłaszać swoje uwagi do końca przyszłego miesiąca.",
    "Pomoc jest bezpłatna.",
    "W ubiegłym roku z podobnego wsparcia skorzystało ponad sto rodzin.",
    "Potrzebujący mogą zgłaszać się od poniedziałku do piątku w godzinach pracy urzędu.",
)
QUOTES = (
    "Sami niewiele zrobimy, dlatego tak ważne jest, żebyśmy działali razem",
    "Chcemy, żeby pomoc była bliżej ludzi i szybciej docierała tam, gdzie jest potrzebna",
    "To dla nas ważny krok i zobowiązanie na kolejne lata",
    "Każda rodzina, która do nas przychodzi, ma inną historię i potrzebuje innego wsparcia",
    "Bez zaangażowania pracowników socjalnych nic by się nie udało",
    "Cieszę się, że możemy korzystać z doświadczeń innych samorządów",
)
CONF_TITLES = (
    "Rodzina w centrum", "Współpraca na rzecz rodziny", "Usługi społeczne blisko ludzi", "Senior w mieście",
    "Bezdomność – wyzwania i rozwiązania", "Deinstytucjonalizacja w praktyce", "Praca socjalna jutra",
    "Przeciwdziałanie przemocy w rodzinie", "Ekonomia społeczna w regionie", "Wsparcie osób z niepełnosprawnościami",
    "Zdrowie psychiczne dzieci i młodzieży", "Lokalne partnerstwa", "Aktywni mimo wszystko",
)
PROJECT_TITLES = (
    "Równi na starcie", "Razem dla rodziny", "Aktywni i samodzielni", "Krok do pracy", "Nowe perspektywy",
    "Wspólnie możemy więcej", "Usługi bliżej domu", "Senior w centrum", "Szansa na zmianę", "Mocni w rodzinie",
    "Pomocna sieć", "Otwarci na innych", "Droga do samodzielności", "Sąsiedzka pomoc", "Aktywna integracja",
    "Lepsze jutro", "Opieka wytchnieniowa", "Asystent na start", "Kompas zawodowy", "Dom pełen wsparcia",
)
FUNDS = (
    ("Europejski Fundusz Społeczny", "Europejskiego Funduszu Społecznego"),
    ("Europejski Fundusz Społeczny Plus", "Europejskiego Funduszu Społecznego Plus"),
)


def _program(s: Scene) -> tuple[str, str]:
    voiv = s.town.region
    gen_v = "-".join(p[:1].upper() + p[1:] for p in (voiv[:-2] + "iego").split("-"))
    return s.choice((
        (f"Regionalny Program Operacyjny Województwa {gen_v} na lata 2014–2020",
         f"Regionalnego Programu Operacyjnego Województwa {gen_v} na lata 2014–2020"),
        ("Program Operacyjny Wiedza Edukacja Rozwój", "Programu Operacyjnego Wiedza Edukacja Rozwój"),
        ("Fundusze Europejskie dla Rozwoju Społecznego 2021–2027",
         "programu Fundusze Europejskie dla Rozwoju Społecznego 2021–2027"),
    ))


def _title(s: Scene, text: str, **slots: object) -> None:
    s.doc.say(text, **slots)
    s.doc.para()


def _project_name(s: Scene) -> str:
    return f"{s.choice(PROJECT_TITLES)} {s.town.in_}" if s.rng.random() < 0.5 else s.choice(PROJECT_TITLES)


# ---------------------------------------------------------------------------------------

def forum(s: Scene) -> None:
    d = s.doc
    a = s.pick(*WELFARE)
    b = s.pick("local-government", prefix="Urząd Miasta")
    parts = [s.pick("ngo"), s.pick("labour-office"), s.pick("family-support-centre", "police-or-uniformed")]
    p1, p2 = s.staff(a, 0), s.staff(b, s.rng.randint(0, 1))
    day = s.date_near(10)
    name = f"{s.roman()} Forum {s.choice(('Pomocy Społecznej', 'Polityki Społecznej', 'Organizacji Pozarządowych', 'Ekonomii Społecznej'))}"
    e = d.event(EventG(name, "forum", day.isoformat(), None, s.town.nom, None, [a.uid, b.uid],
                       [o.uid for o in parts], [p1.uid, p2.uid], gen=name))
    _title(s, "{E} za nami", E=e)
    d.say("{D} {T} odbyło się {E}.", D=s.date_text(day), T=s.town.in_, E=e)
    i = d.say("Organizatorami spotkania byli {A} oraz {B}.", A=a, B=b)
    d.coop(a, b, "co-organised", i, event=e)
    d.say("W forum wzięli udział przedstawiciele {C.gen}, {D.gen} i {F.gen}.", C=parts[0], D=parts[1], F=parts[2])
    s.fill(FILL_FORUM, 2)
    d.para()
    i = d.say("Z ramienia {B.gen} uczestników {v} {P}, {r}.", B=b, P=p2, r=p2.role,
              v=s.g(p2, "powitał", "powitała"))
    d.post(p2, i, b)
    i = d.say("– {q} – {v} {P}, {r} {A.gen}.", q=s.choice(QUOTES), v=s.g(p1, "mówił", "mówiła"), P=p1,
              r=p1.role, A=a)
    d.post(p1, i, a)
    s.fill(FILL_FORUM, 2)


def agreement(s: Scene) -> None:
    d = s.doc
    a = s.pick(*WELFARE, "family-support-centre")
    b = s.pick("labour-office", "police-or-uniformed", "court", "school", "ngo", "healthcare")
    p1, p2 = s.staff(a, 0), s.staff(b, 0)
    day = s.date_near(7)
    _title(s, "Porozumienie o współpracy podpisane")
    i = d.say("{D} w siedzibie {A.gen} podpisano porozumienie o współpracy z {B.inst}.", D=s.date_text(day),
              A=a, B=b)
    d.coop(a, b, "agreement", i)
    i = d.say("Dokument podpisali {P1}, {r1} {A.gen}, oraz {P2}, {r2} {B.gen}.", P1=p1, r1=p1.role, A=a, P2=p2,
              r2=p2.role, B=b)
    d.post(p1, i, a)
    d.post(p2, i, b)
    d.say(s.choice((
        "Porozumienie dotyczy wymiany informacji o rodzinach objętych wsparciem i wspólnych działań profilaktycznych.",
        "Celem porozumienia jest szybsze reagowanie w sytuacjach kryzysowych.",
        "Strony zobowiązały się do wspólnego organizowania szkoleń i spotkań dla pracowników.",
    )))
    d.para()
    i = d.say("– {q} – {v} {P}.", q=s.choice(QUOTES), v=s.g(p1, "podkreślał", "podkreślała"), P=p1)
    if s.rng.random() < 0.5:
        c = s.pick("ngo", "social-enterprise")
        i = d.say("Podobną umowę ośrodek zawarł w ubiegłym roku z {C.inst}.", C=c)
        d.coop(a, c, "agreement", i)
    s.fill(FILL_GENERAL, 1)


def project_efs(s: Scene) -> None:
    d = s.doc
    a = s.pick(*WELFARE, "family-support-centre", "ngo")
    partners = [s.pick("ngo", "labour-office", "social-enterprise")]
    if s.rng.random() < 0.5:
        partners.append(s.pick("social-enterprise", "school", "ngo"))
    fund, fund_gen = s.choice(FUNDS)
    program, program_gen = _program(s)
    amount, amount_text = s.money(300_000, 4_000_000)
    j = d.project(ProjectG(_project_name(s), [a.uid], [p.uid for p in partners], [fund, program], (amount, "PLN")))
    coord = s.staff(a, 2)
    _title(s, "Rusza projekt {J}", J=j)
    d.say("{A} rozpoczyna realizację projektu {J}.", A=a, J=j)
    d.say("Projekt jest współfinansowany ze środków {F} w ramach {G}.", F=fund_gen, G=program_gen)
    d.say(s.choice(("Jego wartość to {M}.", "Całkowita wartość projektu wynosi {M}.",
                    "Budżet przedsięwzięcia to {M}.")), M=amount_text)
    d.para()
    if len(partners) == 1:
        i = d.say("Projekt jest realizowany w partnerstwie z {B.inst}.", B=partners[0])
    else:
        i = d.say("Partnerami projektu są {B} oraz {C}.", B=partners[0], C=partners[1])
    for p in partners:
        d.coop(a, p, "project", i, project=j)
    s.fill(FILL_PROJECT, 3)
    d.para()
    i = d.say("Koordynatorem projektu jest {P} z {A.gen}.", P=coord, A=a)
    d.post(coord, i, a, "koordynator projektu")


def coordination(s: Scene) -> None:
    d = s.doc
    a = s.pick(*WELFARE)
    members = [s.pick("police-or-uniformed"), s.pick("school"), s.pick("healthcare", "court")]
    p1 = s.staff(a, 1)
    day = s.date_near(10)
    e = d.event(EventG("Posiedzenie Zespołu Interdyscyplinarnego", "meeting", day.isoformat(), None, s.town.nom,
                       None, [a.uid], [m.uid for m in members], [p1.uid], gen="posiedzenia Zespołu Interdyscyplinarnego"))
    _title(s, "O przemocy w rodzinie rozmawiali przy jednym stole")
    d.say("{D} w siedzibie {A.gen} odbyło się {E}.", D=s.date_text(day), A=a, E=e)
    i = d.say("W skład zespołu, powołanego na podstawie porozumień, wchodzą przedstawiciele {A.gen}, {B.gen}, {C.gen} "
              "oraz {F.gen}.", A=a, B=members[0], C=members[1], F=members[2])
    everyone = [a, *members]
    for x in range(len(everyone)):
        for y in range(x + 1, len(everyone)):
            d.coop(everyone[x], everyone[y], "agreement", i)
    i = d.say("Obradom {v} {P}, {r} {A.gen}.", v="przewodniczyła" if p1.female else "przewodniczył", P=p1,
              r=p1.role, A=a)
    d.post(p1, i, a)
    s.fill(("Omówiono procedurę „Niebieskie Karty” i sytuację kilkunastu rodzin.",
            "Zespół zebrał się w pełnym składzie.",
            "Ustalono harmonogram kolejnych spotkań grup diagnostyczno-pomocowych.",
            "Przedstawiono sprawozdanie z działalności zespołu za ubiegły rok."), 2)


def interview(s: Scene) -> None:
    d = s.doc
    a = s.pick(*WELFARE, "family-support-centre", "care-facility")
    b, c = s.pick("labour-office", "ngo"), s.pick("ngo", "police-or-uniformed", "school")
    p = s.staff(a, 0)
    _title(s, "„Pomoc to praca zespołowa”. Mówi {P}", P=p)
    i = d.say("{N} {P}, {r} {A.gen}.", N=s.g(p, "Naszym rozmówcą jest", "Naszą rozmówczynią jest"), P=p,
              r=p.role, A=a)
    d.post(p, i, a)
    d.para()
    d.say("– Ile osób korzysta dziś z pomocy?")
    d.say("– Z różnych form wsparcia korzysta kilkaset rodzin, a liczba seniorów wciąż rośnie.", _sep="\n")
    d.para()
    d.say("– Z kim współpracujecie najczęściej?")
    i = d.say("– Od lat współpracujemy z {B.inst}, a w sprawach dzieci także z {C.inst}.", _sep="\n", B=b, C=c)
    d.coop(a, b, "stated", i)
    d.coop(a, c, "stated", i)
    if s.rng.random() < 0.5:
        f = s.pick("local-government", "healthcare")
        i = d.say("Dobrze układa się nam także współpraca z {F.inst}.", F=f)
        d.coop(a, f, "stated", i)
    d.para()
    d.say("– Czego brakuje najbardziej?")
    d.say("– Ludzi. " + s.choice(QUOTES) + ".", _sep="\n")


def conference(s: Scene) -> None:
    d = s.doc
    a = s.pick("regional-social-policy-centre", "university")
    b = s.pick("university", "social-welfare-centre", "local-government")
    spk = [s.pick(*WELFARE), s.pick("ngo", "family-support-centre")]
    persons = [s.staff(spk[0], 0), s.staff(spk[1], 0)]
    attendees = [s.pick(*WELFARE, town=s.rng.choice(s.u.places["pl"])) for _ in range(2)]
    day = s.date_near(14)
    venue = s.choice(("w auli uczelni", "w sali konferencyjnej hotelu „Polonia”", "w ratuszu",
                      "w centrum konferencyjnym"))
    e = d.event(EventG(s.choice(CONF_TITLES), "conference", day.isoformat(), None, s.town.nom, None,
                       [a.uid, b.uid], [o.uid for o in spk + attendees], [p.uid for p in persons]))
    _title(s, "Konferencja o przyszłości usług społecznych")
    d.say("{D} {V} odbyła się konferencja „{E}”.", D=s.date_text(day), V=venue, E=e)
    i = d.say("Konferencję zorganizowano we współpracy {A.gen} z {B.inst}.", A=a, B=b)
    d.coop(a, b, "co-organised", i, event=e)
    d.para()
    for p, o in zip(persons, spk):
        i = d.say("{v} {P}, {r} {O.gen}.", v=s.g(p, "Wystąpił", "Wystąpiła"), P=p, r=p.role, O=o)
        d.post(p, i, o)
    d.say("Wśród gości byli pracownicy {A.gen} i {B.gen}.", A=attendees[0], B=attendees[1])
    s.fill(FILL_FORUM, 2)


def appointment(s: Scene) -> None:
    d = s.doc
    a = s.pick(*WELFARE, "family-support-centre", "care-facility", "labour-office")
    b = s.pick("local-government", prefix=("Urząd Miasta", "Starostwo Powiatowe"))
    p, boss = s.staff(a, 0), s.staff(b, 0)
    prev = s.pick("social-welfare-centre", "family-support-centre", "ngo", "school")
    _title(s, "Nowa dyrekcja w {A.s_gen}", A=a)
    i = d.say("{Nowy} {r} {A.gen} {v} {P}.", Nowy=s.g(p, "Nowym", "Nową"), r="dyrektorem" if not p.female else
              "dyrektor", A=a, v=s.g(p, "został", "została"), P=p)
    d.post(p, i, a, "dyrektor")
    i = d.say("Decyzję ogłosił {P}, {r}.", P=boss, r=boss.role) if not boss.female else \
        d.say("Decyzję ogłosiła {P}, {r}.", P=boss, r=boss.role)
    d.say("Zarządzenie w tej sprawie opublikowano na stronie {B.gen}.", B=b)
    d.post(boss, i, b)
    d.para()
    d.say("{P} przez ostatnie lata {v} z {C.inst}.", P=p, v=s.g(p, "był związany", "była związana"), C=prev)
    s.fill(FILL_GENERAL, 1)


def social_workers_day(s: Scene) -> None:
    d = s.doc
    a = s.pick(*WELFARE)
    b = s.pick("local-government", prefix=("Urząd Miasta", "Rada Miejska"))
    c = s.pick("other", "care-facility")
    p1, p2 = s.staff(a, 0), s.staff(b, s.rng.randint(0, 1))
    day = s.date_near(5)
    e = d.event(EventG("Dzień Pracownika Socjalnego", "other", day.isoformat(), None, s.town.nom, None, [a.uid],
                       [b.uid, c.uid], [p1.uid, p2.uid], gen="Dnia Pracownika Socjalnego"))
    _title(s, "Socjalni świętowali razem z podopiecznymi")
    i = d.say("Pracownicy {A.gen} obchodzili {E} razem z osobami, którym na co dzień pomagają.", A=a, E=e)
    d.say("Święto przypada 21 listopada, a spotkanie zorganizowano {D}.", D=s.date_text(day, year=False))
    i = d.say("– {q} – {v} {P}, {r} {A.gen}.", q=s.choice(QUOTES), v=s.g(p1, "mówił", "mówiła"), P=p1, r=p1.role,
              A=a)
    d.post(p1, i, a)
    i = d.say("Z ramienia {B.gen} życzenia {v} {P}, {r}.", B=b, v=s.g(p2, "złożył", "złożyła"), P=p2, r=p2.role)
    d.post(p2, i, b)
    d.say("O oprawę artystyczną zadbali wychowankowie {C.gen}.", C=c)
    s.fill(FILL_GENERAL, 1)


def cus_launch(s: Scene) -> None:
    d = s.doc
    a = s.choice([o for o in s.u.orgs.values() if o.lang == "pl" and o.type == "social-services-centre"])
    s.move_to(a)
    b = s.pick("local-government", prefix="Urząd Miasta")
    c = s.pick("ngo")
    p = s.staff(a, 0)
    _title(s, "Centrum usług społecznych zamiast ośrodka pomocy")
    d.say("Od początku roku w mieście działa {A}, które zastąpiło dotychczasowy ośrodek pomocy społecznej.", A=a)
    i = d.say("Na jego czele stoi {P}, {v} wcześniej kierowniczką działu." if p.female else
              "Na jego czele stoi {P}, {v} wcześniej kierownikiem działu.", P=p, v=s.g(p, "który był", "która była"))
    d.post(p, i, a, "dyrektor")
    d.say("Przygotowania do zmiany koordynowali urzędnicy {B.gen}.", B=b)
    d.para()
    i = d.say("Centrum współpracuje z {C.inst} przy usługach opiekuńczych i wolontariacie.", C=c)
    d.coop(a, c, "stated", i)
    s.fill(FILL_GENERAL, 2)


def kis(s: Scene) -> None:
    d = s.doc
    candidates = [o for o in s.u.orgs.values() if o.lang == "pl" and o.nom.startswith("Klub Integracji")
                  and o.parent and o.uid not in s.used]
    k = s.choice(candidates)
    s.move_to(k)
    parent = s.u.orgs[k.parent]  # type: ignore[index]
    s.used.add(parent.uid)
    c = s.pick("labour-office", town=k.place)
    q = s.pick("social-enterprise", "ngo", town=k.place)
    _title(s, "Klub, który pomaga wrócić do pracy")
    d.say("{K}, który działa w strukturach {P.gen}, prowadzi zajęcia dla osób długotrwale bezrobotnych.", K=k, P=parent)
    i = d.say("Uczestnicy trafiają do klubu między innymi dzięki współpracy z {C.inst}.", C=c)
    d.coop(k, c, "stated", i)
    i = d.say("Klub współpracuje również z {Q.inst}, gdzie część uczestników znajduje zatrudnienie.", Q=q)
    d.coop(k, q, "stated", i)
    s.fill(FILL_PROJECT, 2)


def winter(s: Scene) -> None:
    d = s.doc
    a = s.pick(*WELFARE)
    b = s.pick("police-or-uniformed", prefix="Straż Miejska")
    c = s.pick("police-or-uniformed", prefix="Komenda")
    f = s.pick("care-facility", "ngo")
    _title(s, "Zima. Nikt nie powinien zostać bez dachu nad głową")
    d.say("Spadki temperatury to dla osób w kryzysie bezdomności realne zagrożenie życia.")
    i = d.say("Pracownicy {A.gen} wspólnie z {B.inst} i funkcjonariuszami {C.gen} odwiedzają miejsca, w których "
              "mogą przebywać osoby potrzebujące.", A=a, B=b, C=c)
    d.coop(a, b, "stated", i)
    d.coop(a, c, "stated", i)
    d.say("Miejsca noclegowe zapewnia {F}.", F=f)
    d.say("Informacje o osobach potrzebujących pomocy można przekazywać pod numer alarmowy 112.")
    s.fill(FILL_GENERAL, 1)


def workshop(s: Scene) -> None:
    d = s.doc
    a = s.pick("regional-social-policy-centre")
    trainer_org = s.pick("university", "ngo")
    trainer = s.staff(trainer_org, 2)
    parts = [s.pick(*WELFARE, town=s.rng.choice([p for p in s.u.places["pl"] if p.region == s.town.region]))
             for _ in range(3)]
    day = s.date_near(15)
    e = d.event(EventG(s.choice(("Superwizja w pracy socjalnej", "Praca z rodziną w kryzysie",
                                 "Komunikacja bez przemocy", "Asystent rodziny w praktyce")),
                       "workshop", day.isoformat(), None, s.town.nom, None, [a.uid], [p.uid for p in parts],
                       [trainer.uid]))
    _title(s, "Warsztaty dla pracowników socjalnych")
    d.say("{D} w siedzibie {A.gen} odbyły się warsztaty „{E}” dla pracowników socjalnych.", D=s.date_text(day),
          A=a, E=e)
    d.say("Przyjechali pracownicy {X.gen}, {Y.gen} i {Z.gen}.", X=parts[0], Y=parts[1], Z=parts[2])
    i = d.say("Zajęcia {v} {P}, {r} {O.gen}.", v=s.g(trainer, "poprowadził", "poprowadziła"), P=trainer,
              r=trainer.role, O=trainer_org)
    d.post(trainer, i, trainer_org)
    s.fill(FILL_FORUM, 1)


def senior(s: Scene) -> None:
    d = s.doc
    a = s.pick("care-facility", prefix=("Dzienny Dom", "Środowiskowy Dom"))
    b = s.pick("local-government", prefix=("Urząd Miasta", "Starostwo"))
    c = s.pick("ngo")
    amount, amount_text = s.money(150_000, 900_000)
    title = s.choice(("Aktywny senior", "Złota jesień", "Razem dla seniorów", "Senior w centrum"))
    j = d.project(ProjectG(f"{title} {s.town.in_}", [b.uid], [], ["Program Wieloletni „Senior+”"], (amount, "PLN")))
    _title(s, "Seniorzy mają nowe miejsce spotkań")
    d.say("Uroczyście otwarto {A}.", A=a)
    d.say("Placówka powstała dzięki projektowi {J}, na który {B} pozyskało {M} z Programu Wieloletniego "
          "„Senior+”.", J=j, B=b, M=amount_text) if b.nom.startswith("Starostwo") else \
        d.say("Placówka powstała dzięki projektowi {J}, na który samorząd pozyskał {M} z Programu Wieloletniego "
              "„Senior+”. Wniosek przygotowali urzędnicy {B.gen}.", J=j, B=b, M=amount_text)
    i = d.say("Zajęcia dla seniorów współorganizuje {C}.", C=c)
    d.coop(a, c, "stated", i)
    s.fill(FILL_GENERAL, 2)


def foster(s: Scene) -> None:
    d = s.doc
    a = s.pick("family-support-centre")
    b = s.pick("ngo")
    c = s.pick(*WELFARE)
    p = s.staff(a, 2)
    day = s.date_near(10)
    e = d.event(EventG("Dzień Rodzicielstwa Zastępczego", "other", day.isoformat(), None, s.town.nom, None,
                       [a.uid, b.uid], [c.uid], [p.uid], gen="Dnia Rodzicielstwa Zastępczego"))
    _title(s, "Szukają rodzin zastępczych")
    i = d.say("{D} {A} i {B} zorganizowały {E}.", D=s.date_text(day), A=a, B=b, E=e)
    d.coop(a, b, "co-organised", i, event=e)
    i = d.say("– Wciąż brakuje rodzin, które mogłyby przyjąć rodzeństwa – {v} {P}, {r}.",
              v=s.g(p, "mówił", "mówiła"), P=p, r=p.role)
    d.post(p, i, a)
    i = d.say("Przy kwalifikowaniu kandydatów centrum współpracuje z {C.inst}.", C=c)
    d.coop(a, c, "stated", i)
    s.fill(FILL_GENERAL, 1)


def labour_programme(s: Scene) -> None:
    d = s.doc
    a = s.pick("labour-office")
    partners = [s.pick(*WELFARE), s.pick("social-enterprise")]
    amount, amount_text = s.money(200_000, 2_500_000)
    j = d.project(ProjectG(_project_name(s), [a.uid], [p.uid for p in partners], ["Fundusz Pracy"],
                           (amount, "PLN")))
    p = s.staff(a, 0)
    _title(s, "Pieniądze na aktywizację bezrobotnych")
    d.say("{A} ogłosił nabór do programu {J}.", A=a, J=j)
    d.say("Na jego realizację przeznaczono {M} z Funduszu Pracy.", M=amount_text)
    i = d.say("Program jest realizowany wspólnie z {B.inst} i {C.inst}.", B=partners[0], C=partners[1])
    for o in partners:
        d.coop(a, o, "project", i, project=j)
    i = d.say("– {q} – {v} {P}, {r} {A.gen}.", q=s.choice(QUOTES), v=s.g(p, "zachęcał", "zachęcała"), P=p,
              r=p.role, A=a)
    d.post(p, i, a)
    s.fill(FILL_PROJECT, 2)


def congress(s: Scene) -> None:
    d = s.doc
    ministry = s.pick("central-government", prefix="Ministerstwo")
    a = s.pick("regional-social-policy-centre")
    b = s.pick("local-government", prefix="Urząd Miasta")
    towns = s.rng.sample(s.u.places["pl"], 6)
    cus = [s.pick("social-services-centre", "social-welfare-centre", town=t) for t in towns]
    speakers = [s.staff(ministry, 0), s.staff(cus[0], 0), s.staff(cus[1], 0)]
    day = s.two_day(10)
    e = d.event(EventG(f"{s.roman(5)} Kongres Centrów Usług Społecznych", "congress", day.isoformat(),
                       (day + dt.timedelta(days=1)).isoformat(), s.town.nom, None,
                       [ministry.uid, a.uid, b.uid], [o.uid for o in cus], [p.uid for p in speakers]))
    _title(s, "Kongres centrów usług społecznych")
    d.say("W dniach {D1}–{D2} {T} odbył się {E}.", D1=day.day, D2=s.date_text(day + dt.timedelta(days=1)),
          T=s.town.in_, E=e)
    i = d.say("Organizatorami byli {M}, {A} oraz {B}.", M=ministry, A=a, B=b)
    for x, y in ((ministry, a), (ministry, b), (a, b)):
        d.coop(x, y, "co-organised", i, event=e)
    d.say("Przyjechali przedstawiciele ośrodków z całego kraju, m.in. {C1.gen}, {C2.gen}, {C3.gen}, {C4.gen}, "
          "{C5.gen} i {C6.gen}.", **{f"C{k + 1}": o for k, o in enumerate(cus)})
    for p, o in zip(speakers, [ministry, *cus[:2]]):
        i = d.say("Głos {v} {P}, {r} {O.gen}.", v=s.g(p, "zabrał", "zabrała"), P=p, r=p.role, O=o)
        d.post(p, i, o)
    s.fill(FILL_FORUM, 3)


def grants(s: Scene) -> None:
    d = s.doc
    a = s.pick("local-government", prefix="Urząd Miasta")
    ngos = [s.pick("ngo") for _ in range(3)]
    _title(s, "Rozstrzygnięto konkurs dla organizacji pozarządowych")
    d.say("Urzędnicy {A.gen} ogłosili wyniki otwartego konkursu ofert na realizację zadań z zakresu pomocy "
          "społecznej.", A=a)
    d.say("Dotacje otrzymały m.in. {X}, {Y} i {Z}.", X=ngos[0], Y=ngos[1], Z=ngos[2])
    d.say("Pieniądze zostaną przeznaczone na pomoc żywnościową, wsparcie seniorów i zajęcia dla dzieci.")
    s.fill(FILL_GENERAL, 2)


def brief(s: Scene) -> None:
    d = s.doc
    a = s.pick(*WELFARE, "family-support-centre", "labour-office", "care-facility")
    p = s.staff(a, s.rng.randint(0, 2))
    _title(s, "Komunikat")
    d.say("{A} informuje, że w okresie świątecznym kasa będzie czynna krócej.", A=a)
    i = d.say("Szczegółów udziela {P}, {r}.", P=p, r=p.role)
    d.post(p, i, a)


TEMPLATES = {
    "pl-forum": forum, "pl-agreement": agreement, "pl-project-efs": project_efs, "pl-coordination": coordination,
    "pl-interview": interview, "pl-conference": conference, "pl-appointment": appointment,
    "pl-social-workers-day": social_workers_day, "pl-cus-launch": cus_launch, "pl-kis": kis, "pl-winter": winter,
    "pl-workshop": workshop, "pl-senior": senior, "pl-foster": foster, "pl-labour-programme": labour_programme,
    "pl-congress": congress, "pl-grants": grants, "pl-brief": brief,
}
