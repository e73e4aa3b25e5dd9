"""Czech article templates (městský úřad, odbor sociálních věcí, Charita, úřad práce ...).

As in the Polish ones, no verb agrees with an organisation; verbs that agree with a
person go through `s.g(person, masc, fem)`.
"""

from __future__ import annotations

from .doc import EventG, ProjectG
from .scene import Scene

FILL = (
    "Diskutovalo se o dostupnosti služeb pro seniory a o nedostatku terénních pracovníků.",
    "Účastníci si vyměnili zkušenosti z praxe a domluvili se na dalších krocích.",
    "Řeč byla také o dluhové problematice a o bydlení pro lidi v nouzi.",
    "Zazněly i informace o změnách v dávkách, které začnou platit od příštího roku.",
    "Setkání se neslo v přátelské atmosféře.",
    "Další schůzka je naplánována na podzim.",
    "Prezentovány byly výsledky dotazníkového šetření mezi uživateli služeb.",
    "Pozornost se věnovala také podpoře pečujících rodin.",
)
FILL_PROJECT = (
    "Podporu získá několik desítek lidí ohrožených sociálním vyloučením.",
    "Účastníci projektu absolvují rekvalifikační kurzy a poradenství.",
    "Projekt potrvá dva roky.",
    "Zájemci se mohou hlásit do konce měsíce.",
    "Součástí projektu je i individuální práce s rodinami.",
)
FILL_GENERAL = (
    "Bližší informace poskytne podatelna úřadu.",
    "Služba je poskytována bezplatně.",
    "Loni podobnou pomoc využilo přes sto domácností.",
    "Kontakty jsou uvedeny na webových stránkách města.",
)
QUOTES = (
    "Bez spolupráce s dalšími organizacemi bychom lidem pomoci nedokázali",
    "Chceme, aby se lidé v nouzi dozvěděli o pomoci co nejdříve",
    "Je to pro nás závazek na další roky",
    "Každá rodina potřebuje jinou podporu",
    "Sociální služby musí být blízko lidem",
)
PROJECT_TITLES = (
    "Společně to zvládneme", "Cesta k zaměstnání", "Podpora rodin v obtížné situaci", "Krok za krokem",
    "Nová šance", "Zpátky do práce", "Bydlení především", "Senioři v bezpečí", "Pomoc na dosah",
    "Aktivně do života", "Rodina v centru", "Sociální začleňování na venkově",
)
FUNDS = (
    (("Evropský sociální fond", "Evropského sociálního fondu"), ("Operační program Zaměstnanost",
                                                              "Operačního programu Zaměstnanost")),
    (("Evropský sociální fond plus", "Evropského sociálního fondu plus"),
     ("Operační program Zaměstnanost plus", "Operačního programu Zaměstnanost plus")),
)


def _title(s: Scene, text: str, **slots: object) -> None:
    s.doc.say(text, **slots)
    s.doc.para()


def coordination(s: Scene) -> None:
    d = s.doc
    a = s.pick("local-government", prefix="Odbor")
    parts = [s.pick("ngo"), s.pick("care-facility", "social-services-centre"), s.pick("labour-office")]
    p = s.staff(a, 0)
    day = s.date_near(10)
    e = d.event(EventG("Koordinační setkání poskytovatelů sociálních služeb", "meeting", day.isoformat(), None,
                       s.town.nom, None, [a.uid], [o.uid for o in parts], [p.uid],
                       gen="koordinačního setkání poskytovatelů sociálních služeb"))
    _title(s, "Poskytovatelé sociálních služeb se sešli {T}", T=s.town.in_)
    d.say("{D} se uskutečnilo {E}.", D=s.date_text(day), E=e)
    d.say("Setkání se konalo z iniciativy {A.gen}.", A=a)
    d.say("Zúčastnili se ho zástupci {B.gen}, {C.gen} a {F.gen}.", B=parts[0], C=parts[1], F=parts[2])
    s.fill(FILL, 2)
    d.para()
    i = d.say("„{q},“ {v} {P}, {r}.", q=s.choice(QUOTES), v=s.g(p, "uvedl", "uvedla"), P=p, r=p.role)
    d.post(p, i, a)


def bulletin(s: Scene) -> None:
    d = s.doc
    a = s.pick("local-government", prefix="Odbor")
    b, c = s.pick("ngo"), s.pick("care-facility", "social-services-centre")
    p = s.staff(a, 1)
    _title(s, "Zpravodaj odboru sociálních věcí")
    d.say("{A} informuje občany o možnostech pomoci v tíživé životní situaci.", A=a)
    i = d.say("Odbor dlouhodobě spolupracuje s {B.inst} a s {C.inst}.", B=b, C=c)
    d.coop(a, b, "stated", i)
    d.coop(a, c, "stated", i)
    d.say("Terénní služby zajišťuje {B}, pobytové služby {C}.", B=b, C=c)
    s.fill(FILL_GENERAL, 2)
    i = d.say("Kontaktní osobou je {P}, {r}.", P=p, r=p.role)
    d.post(p, i, a)


def charita_project(s: Scene) -> None:
    d = s.doc
    a = s.pick("ngo", prefix=("Charita", "Oblastní charita", "Diakonie"))
    partners = [s.pick("labour-office"), s.pick("local-government", prefix="Město")]
    (fund, fund_gen), (prog, prog_gen) = s.choice(FUNDS)
    amount, amount_text = s.money(1_000_000, 15_000_000)
    j = d.project(ProjectG(s.choice(PROJECT_TITLES), [a.uid], [o.uid for o in partners], [fund, prog],
                           (amount, "CZK")))
    coord = s.staff(a, 2)
    _title(s, "{A} spouští nový projekt", A=a)
    d.say("{A} zahájila projekt {J}.", A=a, J=j)
    d.say("Projekt je financován z {F} v rámci {G}.", F=fund_gen, G=prog_gen)
    d.say("Celkový rozpočet činí {M}.", M=amount_text)
    i = d.say("Partnery projektu jsou {B} a {C}.", B=partners[0], C=partners[1])
    for o in partners:
        d.coop(a, o, "project", i, project=j)
    s.fill(FILL_PROJECT, 2)
    i = d.say("Koordinátorkou projektu je {P}." if coord.female else "Koordinátorem projektu je {P}.", P=coord)
    d.post(coord, i, a, "koordinátorka projektu" if coord.female else "koordinátor projektu")


def community_plan(s: Scene) -> None:
    d = s.doc
    city = s.pick("local-government", prefix="Město")
    providers = [s.pick("ngo"), s.pick("care-facility", "social-services-centre"), s.pick("school", "other")]
    (fund, fund_gen), (prog, prog_gen) = FUNDS[0]
    j = d.project(ProjectG(f"Komunitní plán sociálních služeb města {s.town.gen}", [city.uid],
                           [o.uid for o in providers], [fund], None))
    _title(s, "Komunitní plán je hotový")
    d.say("Projekt {J} je u konce.", J=j)
    d.say("{C} na něj získalo dotaci z {F}.", C=city, F=fund_gen)
    i = d.say("Na plánu spolupracovali také {A}, {B} a {X}.", A=providers[0], B=providers[1], X=providers[2])
    for o in providers:
        d.coop(city, o, "project", i, project=j)
    s.fill(FILL, 2)


def memorandum(s: Scene) -> None:
    d = s.doc
    a = s.pick("local-government", prefix=("Město", "Městský úřad", "Magistrát"))
    b = s.pick("ngo", "labour-office", "police-or-uniformed", "healthcare")
    p1, p2 = s.staff(a, 0), s.staff(b, 0)
    day = s.date_near(7)
    _title(s, "Memorandum o spolupráci podepsáno")
    i = d.say("{D} bylo podepsáno memorandum o spolupráci mezi {A.inst} a {B.inst}.", D=s.date_text(day), A=a, B=b)
    d.coop(a, b, "agreement", i)
    i = d.say("Dokument {v} {P1}, {r1}, a {P2}, {r2} {B.gen}.", v="podepsaly" if p1.female and p2.female else "podepsali", P1=p1, r1=p1.role, P2=p2,
              r2=p2.role, B=b)
    d.post(p1, i, a)
    d.post(p2, i, b)
    d.say("Memorandum upravuje sdílení informací a společný postup při řešení krizových situací.")
    s.fill(FILL_GENERAL, 1)


def conference(s: Scene) -> None:
    d = s.doc
    a = s.pick("local-government", prefix="Krajský úřad")
    b = s.pick("university")
    spk_orgs = [s.pick("ngo"), s.pick("social-services-centre", "care-facility")]
    speakers = [s.staff(o, 0) for o in spk_orgs]
    day = s.date_near(14)
    title = s.choice(("Sociální práce v obcích", "Dostupnost sociálních služeb", "Rodina a stát",
                      "Deinstitucionalizace v praxi", "Stárnutí populace a péče"))
    e = d.event(EventG(title, "conference", day.isoformat(), None, s.town.nom, None, [a.uid, b.uid],
                       [o.uid for o in spk_orgs], [p.uid for p in speakers]))
    _title(s, "Konference o budoucnosti sociálních služeb")
    d.say("{D} se {T} konala konference „{E}“.", D=s.date_text(day), T=s.town.in_, E=e)
    i = d.say("Konferenci společně připravily {A} a {B}.", A=a, B=b)
    d.coop(a, b, "co-organised", i, event=e)
    for p, o in zip(speakers, spk_orgs):
        i = d.say("{v} {P}, {r} {O.gen}.", v=s.g(p, "Vystoupil", "Vystoupila"), P=p, r=p.role, O=o)
        d.post(p, i, o)
    s.fill(FILL, 2)


def interview(s: Scene) -> None:
    d = s.doc
    a = s.pick("care-facility", "social-services-centre")
    b, c = s.pick("healthcare", "ngo"), s.pick("local-government", prefix=("Odbor", "Město"))
    p = s.staff(a, 0)
    _title(s, "„Péče je týmová práce,“ říká {P}", P=p)
    i = d.say("Na otázky odpovídá {P}, {r} {A.gen}.", P=p, r=p.role, A=a)
    d.post(p, i, a)
    d.para()
    d.say("Kolik klientů máte?")
    d.say("Kapacita je plná a pořadník se stále prodlužuje.", _sep="\n")
    d.para()
    d.say("S kým spolupracujete?")
    i = d.say("Úzce spolupracujeme s {B.inst} a s {C.inst}.", _sep="\n", B=b, C=c)
    d.coop(a, b, "stated", i)
    d.coop(a, c, "stated", i)
    d.say(s.choice(QUOTES) + ".")


def appointment(s: Scene) -> None:
    d = s.doc
    a = s.pick("local-government", prefix="Odbor") if s.rng.random() < 0.5 else s.pick("care-facility", "school")
    p = s.staff(a, 0)
    _title(s, "Nové vedení")
    role = p.role or ""
    i = d.say("{Nov} {r} {A.gen} se {v} {P}.", Nov=s.g(p, "Novým", "Novou"),
              r={"vedoucí odboru": "vedoucím" if not p.female else "vedoucí", "ředitel": "ředitelem",
                 "ředitelka": "ředitelkou", "tajemník úřadu": "tajemníkem", "tajemnice úřadu": "tajemnicí"}
              .get(role, "vedoucím" if not p.female else "vedoucí"),
              A=a, v=s.g(p, "stal", "stala"), P=p)
    d.post(p, i, a, role if role in ("vedoucí odboru", "ředitel", "ředitelka") else None)
    d.say("Do funkce nastupuje od prvního dne příštího měsíce.")
    s.fill(FILL_GENERAL, 1)


def labour_project(s: Scene) -> None:
    d = s.doc
    a = s.pick("labour-office")
    b = s.pick("local-government", prefix="Město")
    (fund, fund_gen), (prog, prog_gen) = FUNDS[1]
    amount, amount_text = s.money(500_000, 8_000_000)
    j = d.project(ProjectG(s.choice(PROJECT_TITLES), [a.uid], [b.uid], [fund, prog], (amount, "CZK")))
    _title(s, "Veřejně prospěšné práce i letos")
    d.say("{A} a {B} pokračují v projektu {J}.", A=a, B=b, J=j)
    i = d.say("Projekt realizuje {A} ve spolupráci s {B.inst}.", A=a, B=b)
    d.coop(a, b, "project", i, project=j)
    d.say("Náklady ve výši {M} hradí {F}.", M=amount_text, F=fund + " v rámci " + prog_gen)
    s.fill(FILL_PROJECT, 2)


def open_day(s: Scene) -> None:
    d = s.doc
    a = s.pick("social-services-centre", "care-facility")
    guests = [s.pick("school"), s.pick("local-government", prefix="Město")]
    day = s.date_near(10)
    e = d.event(EventG("Den otevřených dveří", "other", day.isoformat(), None, s.town.nom, None, [a.uid],
                       [o.uid for o in guests], [], gen="Dne otevřených dveří"))
    _title(s, "{A.s} otevřel své dveře veřejnosti" if a.nom.startswith("Domov") else "Den otevřených dveří", A=a)
    d.say("{D} se v prostorách {A.gen} uskutečnil {E}.", D=s.date_text(day), A=a, E=e)
    d.say("Přišli žáci {B.gen} i zástupci {C.gen}.", B=guests[0], C=guests[1])
    s.fill(FILL_GENERAL, 2)


def food_drive(s: Scene) -> None:
    d = s.doc
    a = s.pick("ngo", prefix=("Charita", "Oblastní charita"))
    b = s.pick("ngo", prefix="Česká federace")
    c = s.pick("school")
    day = s.date_near(10)
    e = d.event(EventG("Národní potravinová sbírka", "other", day.isoformat(), None, s.town.nom, None,
                       [a.uid, b.uid], [c.uid], [], gen="Národní potravinové sbírky"))
    _title(s, "Lidé darovali tuny potravin")
    d.say("{D} proběhla {E}.", D=s.date_text(day), E=e)
    i = d.say("Sbírku {T} společně organizovaly {A} a {B}.", T=s.town.in_, A=a, B=b)
    d.coop(a, b, "co-organised", i, event=e)
    d.say("Zapojili se i žáci {C.gen}.", C=c)
    s.fill(FILL_GENERAL, 1)


def workshop(s: Scene) -> None:
    d = s.doc
    a = s.pick("local-government", prefix="Krajský úřad")
    parts = [s.pick("local-government", prefix="Odbor", town=s.rng.choice(
        [p for p in s.u.places["cs"] if p.region == s.town.region] or s.u.places["cs"])) for _ in range(2)]
    trainer_org = s.pick("university", "ngo")
    trainer = s.staff(trainer_org, 2)
    day = s.date_near(14)
    e = d.event(EventG(s.choice(("Práce s rodinou v krizi", "Supervize v sociální práci", "Sociální šetření v praxi")),
                       "workshop", day.isoformat(), None, s.town.nom, None, [a.uid], [o.uid for o in parts],
                       [trainer.uid]))
    _title(s, "Workshop pro sociální pracovníky")
    d.say("{D} uspořádal {A} workshop „{E}“.", D=s.date_text(day), A=a, E=e)
    d.say("Zúčastnili se ho pracovníci {X.gen} a {Y.gen}.", X=parts[0], Y=parts[1])
    i = d.say("Workshop {v} {P}, {r} {O.gen}.", v=s.g(trainer, "vedl", "vedla"), P=trainer, r=trainer.role,
              O=trainer_org)
    d.post(trainer, i, trainer_org)
    s.fill(FILL, 1)


def sheltered_workshop(s: Scene) -> None:
    d = s.doc
    a = s.pick("social-enterprise")
    b = s.pick("labour-office")
    (fund, fund_gen), (prog, prog_gen) = s.choice(FUNDS)
    amount, amount_text = s.money(800_000, 6_000_000)
    j = d.project(ProjectG(s.choice(PROJECT_TITLES), [a.uid], [b.uid], [fund], (amount, "CZK")))
    _title(s, "Chráněná dílna dává práci lidem s postižením")
    d.say("{A} díky projektu {J} zaměstnává dalších osm lidí se zdravotním postižením.", A=a, J=j)
    d.say("Projekt za {M} je spolufinancován z {F}.", M=amount_text, F=fund_gen)
    i = d.say("Zaměstnance pomáhá vybírat {B}, který je partnerem projektu.", B=b)
    d.coop(a, b, "project", i, project=j)
    s.fill(FILL_PROJECT, 1)


def prevention(s: Scene) -> None:
    d = s.doc
    a = s.pick("police-or-uniformed", prefix="Městská policie")
    b = s.pick("school")
    c = s.pick("local-government", prefix="Odbor")
    p = s.staff(a, 0)
    _title(s, "Strážníci učí děti bezpečnosti")
    i = d.say("{A} dlouhodobě spolupracuje se školami, letos především s {B.inst}.", A=a, B=b)
    d.coop(a, b, "stated", i)
    i = d.say("Program prevence vznikl ve spolupráci s {C.inst}.", C=c)
    d.coop(a, c, "stated", i)
    i = d.say("„{q},“ {v} {P}, {r} {A.gen}.", q=s.choice(QUOTES), v="říká", P=p, r=p.role, A=a)
    d.post(p, i, a)


def regional_conference(s: Scene) -> None:
    d = s.doc
    a = s.pick("local-government", prefix="Krajský úřad")
    b = s.pick("ngo", prefix="Asociace poskytovatelů")
    m = s.pick("central-government", prefix="Ministerstvo")
    pm = s.staff(m, 0)
    parts = [s.pick("ngo"), s.pick("care-facility"), s.pick("social-services-centre")]
    day = s.date_near(10)
    e = d.event(EventG("Krajská konference poskytovatelů sociálních služeb", "congress", day.isoformat(), None,
                       s.town.nom, None, [a.uid, b.uid], [m.uid] + [o.uid for o in parts], [pm.uid],
                       gen="Krajské konference poskytovatelů sociálních služeb"))
    _title(s, "Krajská konference poskytovatelů")
    d.say("{D} se {T} konala {E}.", D=s.date_text(day), T=s.town.in_, E=e)
    i = d.say("Pořadateli byli {A} a {B}.", A=a, B=b)
    d.coop(a, b, "co-organised", i, event=e)
    i = d.say("Za {M} {v} {P}, {r}.", M=m, v=s.g(pm, "vystoupil", "vystoupila"), P=pm, r=pm.role)
    d.post(pm, i, m)
    d.say("Mezi účastníky byli zástupci {X.gen}, {Y.gen} a {Z.gen}.", X=parts[0], Y=parts[1], Z=parts[2])
    s.fill(FILL, 2)


def brief(s: Scene) -> None:
    d = s.doc
    a = s.pick("local-government", "labour-office", "care-facility")
    p = s.staff(a, 0)
    _title(s, "Oznámení")
    d.say("{A} oznamuje změnu úředních hodin v době vánočních svátků.", A=a)
    i = d.say("Informace podá {P}, {r}.", P=p, r=p.role)
    d.post(p, i, a)


TEMPLATES = {
    "cs-coordination": coordination, "cs-bulletin": bulletin, "cs-charita-project": charita_project,
    "cs-community-plan": community_plan, "cs-memorandum": memorandum, "cs-conference": conference,
    "cs-interview": interview, "cs-appointment": appointment, "cs-labour-project": labour_project,
    "cs-open-day": open_day, "cs-food-drive": food_drive, "cs-workshop": workshop,
    "cs-sheltered-workshop": sheltered_workshop, "cs-prevention": prevention,
    "cs-regional-conference": regional_conference, "cs-brief": brief,
}
