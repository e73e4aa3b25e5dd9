"""The synthetic world the benchmark corpus talks about: places, organisations, people, projects.

Everything is derived from the seed with `random.Random(str)` (stable across runs and
Python hash seeds), so the same seed gives the same world and the same articles.

Organisations carry their name in the cases the templates need (nominative,
genitive, instrumental) and their short forms ("MOPS w Kaliszu", "MOPS Kalisz",
"kaliski MOPS" / "kaliskiego MOPS-u"). Place names come from hand-checked tables
in `bench/data/` (Polish single-word forms produced once with morfeusz2, see
`bench/tools/make_places.py`; multi-word Polish and all Czech forms written by hand).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Place:
    lang: str
    nom: str
    gen: str
    loc: str
    prep: str  # w / we, v / ve
    region: str  # voivodeship (pl, adjective "wielkopolskie") or kraj (cs, "Středočeský")
    adj: str = ""  # "kaliski" (pl only, where in common use)
    seat: bool = False  # pl: voivodeship seat; cs: statutory city

    @property
    def in_(self) -> str:
        """"w Kaliszu", "we Wrocławiu", "v Kutné Hoře", "ve Zlíně"."""
        return f"{self.prep} {self.loc}"


def load_places(lang: str) -> list[Place]:
    rows = []
    for line in (DATA / f"places_{lang}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if lang == "pl":
            nom, gen, loc, prep, region, adj, seat = cols[:7]
            rows.append(Place("pl", nom, gen, loc, prep, region, adj, seat == "1"))
        else:
            nom, gen, loc, prep, region, statutory = cols[:6]
            rows.append(Place("cs", nom, gen, loc, prep, region, "", statutory == "1"))
    return rows


@dataclass
class Org:
    uid: str
    lang: str
    type: str
    nom: str  # canonical name (gold `name`)
    gen: str
    inst: str
    place: Place | None = None
    acronym: str | None = None
    parent: str | None = None  # uid of the body this one is a unit of
    # short forms by case: {"nom": [...], "gen": [...], "inst": [...]}
    short: dict[str, list[str]] = field(default_factory=dict)
    # a word written before the name in a case where the name itself does not decline
    # ("zástupci organizace Cesta z krize, z.ú."); not part of the mention
    lead: dict[str, str] = field(default_factory=dict)

    def form(self, case: str) -> str:
        return {"nom": self.nom, "gen": self.gen, "inst": self.inst}[case]


@dataclass
class Person:
    uid: str
    name: str
    female: bool
    org: str  # uid
    role: str | None


@dataclass
class Project:
    uid: str
    name: str
    lead: str  # org uid
    partners: list[str]
    funds: list[str]  # nominative fund names (gold `funding`)
    amount: float | None
    currency: str


# --- Polish ------------------------------------------------------------------------

def _adj_gen(adj: str) -> str:
    """kaliski -> kaliskiego, łódzki -> łódzkiego (masculine adjectives in -i)."""
    return adj[:-1] + "iego" if adj.endswith("i") else adj + "ego"


def _adj_inst(adj: str) -> str:
    return adj + "m"


# Masculine heads whose short form declines with -u/-em ("MOPS-u", "MOPS-em").
_DECLINED_ACRONYMS = {"MOPS", "GOPS", "MGOPS", "ROPS", "PUP", "WUP", "MOPR", "CUS", "KIS", "CIS", "ZAZ", "DPS", "ŚDS"}

# kind: (type, head nom, head gen, head inst, acronym, place style)
# place style: "loc" -> "... w Kaliszu"; "gen" -> "Urząd Miasta Kalisza"; None -> no place phrase
PL_KINDS: dict[str, tuple[str, str, str, str, str | None, str | None]] = {
    "mops": ("social-welfare-centre", "Miejski Ośrodek Pomocy Społecznej", "Miejskiego Ośrodka Pomocy Społecznej",
             "Miejskim Ośrodkiem Pomocy Społecznej", "MOPS", "loc"),
    "mgops": ("social-welfare-centre", "Miejsko-Gminny Ośrodek Pomocy Społecznej",
              "Miejsko-Gminnego Ośrodka Pomocy Społecznej", "Miejsko-Gminnym Ośrodkiem Pomocy Społecznej",
              "MGOPS", "loc"),
    "gops": ("social-welfare-centre", "Gminny Ośrodek Pomocy Społecznej", "Gminnego Ośrodka Pomocy Społecznej",
             "Gminnym Ośrodkiem Pomocy Społecznej", "GOPS", "loc"),
    "mopr": ("social-welfare-centre", "Miejski Ośrodek Pomocy Rodzinie", "Miejskiego Ośrodka Pomocy Rodzinie",
             "Miejskim Ośrodkiem Pomocy Rodzinie", "MOPR", "loc"),
    "cus": ("social-services-centre", "Centrum Usług Społecznych", "Centrum Usług Społecznych",
            "Centrum Usług Społecznych", "CUS", "loc"),
    "pcpr": ("family-support-centre", "Powiatowe Centrum Pomocy Rodzinie", "Powiatowego Centrum Pomocy Rodzinie",
             "Powiatowym Centrum Pomocy Rodzinie", "PCPR", "loc"),
    "rops": ("regional-social-policy-centre", "Regionalny Ośrodek Polityki Społecznej",
             "Regionalnego Ośrodka Polityki Społecznej", "Regionalnym Ośrodkiem Polityki Społecznej", "ROPS", "loc"),
    "rcps": ("regional-social-policy-centre", "Regionalne Centrum Polityki Społecznej",
             "Regionalnego Centrum Polityki Społecznej", "Regionalnym Centrum Polityki Społecznej", "RCPS", "loc"),
    "um": ("local-government", "Urząd Miasta", "Urzędu Miasta", "Urzędem Miasta", None, "gen"),
    "rada": ("local-government", "Rada Miejska", "Rady Miejskiej", "Radą Miejską", None, "loc"),
    "starostwo": ("local-government", "Starostwo Powiatowe", "Starostwa Powiatowego", "Starostwem Powiatowym",
                  None, "loc"),
    "uw": ("central-government", "Urząd Wojewódzki", "Urzędu Wojewódzkiego", "Urzędem Wojewódzkim", None, "loc"),
    "pup": ("labour-office", "Powiatowy Urząd Pracy", "Powiatowego Urzędu Pracy", "Powiatowym Urzędem Pracy",
            "PUP", "loc"),
    "wup": ("labour-office", "Wojewódzki Urząd Pracy", "Wojewódzkiego Urzędu Pracy", "Wojewódzkim Urzędem Pracy",
            "WUP", "loc"),
    "sr": ("court", "Sąd Rejonowy", "Sądu Rejonowego", "Sądem Rejonowym", None, "loc"),
    "so": ("court", "Sąd Okręgowy", "Sądu Okręgowego", "Sądem Okręgowym", None, "loc"),
    "kpp": ("police-or-uniformed", "Komenda Powiatowa Policji", "Komendy Powiatowej Policji",
            "Komendą Powiatową Policji", "KPP", "loc"),
    "kmp": ("police-or-uniformed", "Komenda Miejska Policji", "Komendy Miejskiej Policji",
            "Komendą Miejską Policji", "KMP", "loc"),
    "sm": ("police-or-uniformed", "Straż Miejska", "Straży Miejskiej", "Strażą Miejską", None, "loc"),
    "sp": ("school", "Szkoła Podstawowa nr {n}", "Szkoły Podstawowej nr {n}", "Szkołą Podstawową nr {n}",
           None, "loc"),
    "zs": ("school", "Zespół Szkół nr {n}", "Zespołu Szkół nr {n}", "Zespołem Szkół nr {n}", None, "loc"),
    "pm": ("school", "Przedszkole Miejskie nr {n}", "Przedszkola Miejskiego nr {n}", "Przedszkolem Miejskim nr {n}",
           None, "loc"),
    "pans": ("university", "Państwowa Akademia Nauk Stosowanych", "Państwowej Akademii Nauk Stosowanych",
             "Państwową Akademią Nauk Stosowanych", None, "loc"),
    "stow": ("ngo", "Stowarzyszenie „{q}”", "Stowarzyszenia „{q}”", "Stowarzyszeniem „{q}”", None, "loc"),
    "pck": ("ngo", "Polski Czerwony Krzyż Oddział Rejonowy", "Polskiego Czerwonego Krzyża Oddziału Rejonowego",
            "Polskim Czerwonym Krzyżem Oddziałem Rejonowym", "PCK", "loc"),
    "cis": ("social-enterprise", "Centrum Integracji Społecznej", "Centrum Integracji Społecznej",
            "Centrum Integracji Społecznej", "CIS", "loc"),
    "kis": ("social-enterprise", "Klub Integracji Społecznej", "Klubu Integracji Społecznej",
            "Klubem Integracji Społecznej", "KIS", "loc"),
    "zaz": ("social-enterprise", "Zakład Aktywności Zawodowej", "Zakładu Aktywności Zawodowej",
            "Zakładem Aktywności Zawodowej", "ZAZ", "loc"),
    "wtz": ("social-enterprise", "Warsztat Terapii Zajęciowej", "Warsztatu Terapii Zajęciowej",
            "Warsztatem Terapii Zajęciowej", "WTZ", "loc"),
    "coop": ("social-enterprise", "Spółdzielnia Socjalna „{q}”", "Spółdzielni Socjalnej „{q}”",
             "Spółdzielnią Socjalną „{q}”", None, "loc"),
    "dps": ("care-facility", "Dom Pomocy Społecznej", "Domu Pomocy Społecznej", "Domem Pomocy Społecznej",
            "DPS", "loc"),
    "sds": ("care-facility", "Środowiskowy Dom Samopomocy", "Środowiskowego Domu Samopomocy",
            "Środowiskowym Domem Samopomocy", "ŚDS", "loc"),
    "senior": ("care-facility", "Dzienny Dom „Senior+”", "Dziennego Domu „Senior+”", "Dziennym Domem „Senior+”",
               None, "loc"),
    "schron": ("care-facility", "Schronisko dla Osób Bezdomnych", "Schroniska dla Osób Bezdomnych",
               "Schroniskiem dla Osób Bezdomnych", None, "loc"),
    "szpital": ("healthcare", "Szpital Powiatowy", "Szpitala Powiatowego", "Szpitalem Powiatowym", None, "loc"),
    "czp": ("healthcare", "Centrum Zdrowia Psychicznego", "Centrum Zdrowia Psychicznego",
            "Centrum Zdrowia Psychicznego", None, "loc"),
    "mbp": ("other", "Miejska Biblioteka Publiczna", "Miejskiej Biblioteki Publicznej",
            "Miejską Biblioteką Publiczną", "MBP", "loc"),
    "mosir": ("other", "Miejski Ośrodek Sportu i Rekreacji", "Miejskiego Ośrodka Sportu i Rekreacji",
              "Miejskim Ośrodkiem Sportu i Rekreacji", "MOSiR", "loc"),
    "ck": ("other", "Centrum Kultury", "Centrum Kultury", "Centrum Kultury", None, "loc"),
}

# (probability per town, kinds): a town gets the first kind of a group with that probability
PL_TOWN_PLAN: list[tuple[float, str]] = [
    (1.0, "welfare"), (0.8, "pcpr"), (1.0, "um"), (0.6, "rada"), (0.7, "starostwo"), (0.9, "pup"),
    (0.6, "sr"), (0.9, "police"), (0.6, "sm"), (1.0, "sp"), (0.7, "sp"), (0.5, "zs"), (0.4, "pm"),
    (0.1, "pans"), (0.9, "fund"), (0.6, "fund"), (0.7, "stow"), (0.3, "pck"), (0.3, "cis"),
    (0.4, "kis"), (0.2, "zaz"), (0.4, "wtz"), (0.2, "coop"), (0.6, "dps"), (0.5, "sds"),
    (0.3, "senior"), (0.2, "schron"), (0.6, "szpital"), (0.15, "czp"), (0.5, "mbp"), (0.3, "mosir"),
    (0.3, "ck"),
]

PL_NGO_NAMES = (
    "Razem", "Nadzieja", "Dobre Serce", "Otwarte Drzwi", "Promyk", "Tęcza", "Horyzont", "Szansa", "Przystań",
    "Pomocna Dłoń", "Bez Barier", "Krok Dalej", "Wspólny Dom", "Zielone Światło", "Sprawni Razem", "Dom Nadziei",
    "Z Godnością", "Dobro Wraca", "Razem Łatwiej", "Uśmiech Dziecka", "Wiatrak", "Arka", "Most", "Latarnia",
    "Przyjazna Dłoń", "Nowy Start", "Drugi Dom", "Wolontariusze Razem", "Mocni Razem", "Iskierka",
    "Słoneczko", "Azymut", "Kompas", "Siedlisko", "Ognisko", "Szczęśliwy Dom", "Bliżej Siebie", "Dar Serca",
    "Droga", "Źródło", "Nasz Dom", "Pogodna Jesień", "Złoty Wiek", "Aktywni Seniorzy", "Dobry Sąsiad",
    "Na Rzecz Rodziny", "Pod Dębem", "Przyszłość", "Pełnia Życia", "Równe Szanse", "Otwarte Serca",
    "Wspólna Sprawa", "Krąg", "Rodzina Razem", "Zdążyć z Pomocą", "Podaj Dalej", "Trzecia Droga", "Korzenie",
    "Jesteśmy", "Pomost",
)
PL_FOUNDATION_AIMS = (
    ("", ""), ("Pomocy Dzieciom ", "Pomocy Dzieciom "), ("Pomocy Osobom Niepełnosprawnym ", ""),
    ("na rzecz Seniorów ", ""), ("Wspierania Rodziny ", ""), ("Pomocy Bezdomnym ", ""),
    ("Aktywizacji Zawodowej ", ""), ("Rozwoju Społeczności Lokalnej ", ""),
)
PL_CARITAS = (
    ("Caritas Archidiecezji Poznańskiej", "Poznań"), ("Caritas Diecezji Kaliskiej", "Kalisz"),
    ("Caritas Archidiecezji Krakowskiej", "Kraków"), ("Caritas Archidiecezji Warszawskiej", "Warszawa"),
    ("Caritas Diecezji Toruńskiej", "Toruń"), ("Caritas Archidiecezji Łódzkiej", "Łódź"),
    ("Caritas Archidiecezji Gdańskiej", "Gdańsk"), ("Caritas Archidiecezji Katowickiej", "Katowice"),
    ("Caritas Archidiecezji Lubelskiej", "Lublin"), ("Caritas Diecezji Kieleckiej", "Kielce"),
    ("Caritas Diecezji Rzeszowskiej", "Rzeszów"), ("Caritas Diecezji Opolskiej", "Opole"),
    ("Caritas Archidiecezji Wrocławskiej", "Wrocław"), ("Caritas Archidiecezji Białostockiej", "Białystok"),
    ("Caritas Archidiecezji Warmińskiej", "Olsztyn"), ("Caritas Archidiecezji Szczecińsko-Kamieńskiej", "Szczecin"),
    ("Caritas Diecezji Płockiej", "Płock"), ("Caritas Diecezji Tarnowskiej", "Tarnów"),
    ("Caritas Diecezji Zielonogórsko-Gorzowskiej", "Zielona Góra"), ("Caritas Diecezji Włocławskiej", "Włocławek"),
)
# (nominative, genitive, instrumental, acronym, place) -- written by hand
PL_UNIVERSITIES = (
    ("Uniwersytet Warszawski", "UW", "Warszawa"), ("Uniwersytet Jagielloński", "UJ", "Kraków"),
    ("Uniwersytet Łódzki", "UŁ", "Łódź"), ("Uniwersytet Gdański", "UG", "Gdańsk"),
    ("Uniwersytet Wrocławski", "UWr", "Wrocław"), ("Uniwersytet Rzeszowski", "UR", "Rzeszów"),
    ("Uniwersytet Opolski", "UO", "Opole"), ("Uniwersytet Szczeciński", "US", "Szczecin"),
    ("Uniwersytet Zielonogórski", "UZ", "Zielona Góra"),
)
PL_UNIVERSITIES_FIXED = (
    ("Uniwersytet im. Adama Mickiewicza w Poznaniu", "Uniwersytetu im. Adama Mickiewicza w Poznaniu",
     "Uniwersytetem im. Adama Mickiewicza w Poznaniu", "UAM", "Poznań"),
    ("Uniwersytet Mikołaja Kopernika w Toruniu", "Uniwersytetu Mikołaja Kopernika w Toruniu",
     "Uniwersytetem Mikołaja Kopernika w Toruniu", "UMK", "Toruń"),
    ("Uniwersytet Marii Curie-Skłodowskiej w Lublinie", "Uniwersytetu Marii Curie-Skłodowskiej w Lublinie",
     "Uniwersytetem Marii Curie-Skłodowskiej w Lublinie", "UMCS", "Lublin"),
    ("Uniwersytet Śląski w Katowicach", "Uniwersytetu Śląskiego w Katowicach",
     "Uniwersytetem Śląskim w Katowicach", "UŚ", "Katowice"),
    ("Uniwersytet w Białymstoku", "Uniwersytetu w Białymstoku", "Uniwersytetem w Białymstoku", "UwB", "Białystok"),
    ("Uniwersytet Warmińsko-Mazurski w Olsztynie", "Uniwersytetu Warmińsko-Mazurskiego w Olsztynie",
     "Uniwersytetem Warmińsko-Mazurskim w Olsztynie", "UWM", "Olsztyn"),
    ("Uniwersytet Jana Kochanowskiego w Kielcach", "Uniwersytetu Jana Kochanowskiego w Kielcach",
     "Uniwersytetem Jana Kochanowskiego w Kielcach", "UJK", "Kielce"),
    ("Akademia Kaliska im. Prezydenta Stanisława Wojciechowskiego",
     "Akademii Kaliskiej im. Prezydenta Stanisława Wojciechowskiego",
     "Akademią Kaliską im. Prezydenta Stanisława Wojciechowskiego", None, "Kalisz"),
)
PL_NATIONAL = (
    ("central-government", "Ministerstwo Rodziny, Pracy i Polityki Społecznej",
     "Ministerstwa Rodziny, Pracy i Polityki Społecznej", "Ministerstwem Rodziny, Pracy i Polityki Społecznej",
     "MRPiPS"),
    ("central-government", "Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych",
     "Państwowego Funduszu Rehabilitacji Osób Niepełnosprawnych",
     "Państwowym Funduszem Rehabilitacji Osób Niepełnosprawnych", "PFRON"),
    ("central-government", "Rzecznik Praw Obywatelskich", "Rzecznika Praw Obywatelskich",
     "Rzecznikiem Praw Obywatelskich", "RPO"),
    ("central-government", "Państwowa Inspekcja Pracy", "Państwowej Inspekcji Pracy", "Państwową Inspekcją Pracy",
     "PIP"),
    ("ngo", "Polski Komitet Pomocy Społecznej", "Polskiego Komitetu Pomocy Społecznej",
     "Polskim Komitetem Pomocy Społecznej", "PKPS"),
    ("ngo", "Ogólnopolska Federacja Organizacji Pozarządowych", "Ogólnopolskiej Federacji Organizacji Pozarządowych",
     "Ogólnopolską Federacją Organizacji Pozarządowych", "OFOP"),
    ("other", "Związek Miast Polskich", "Związku Miast Polskich", "Związkiem Miast Polskich", "ZMP"),
)


def _acr_gen(acr: str) -> str:
    return f"{acr}-u" if acr in _DECLINED_ACRONYMS else acr


def _acr_inst(acr: str) -> str:
    return f"{acr}-em" if acr in _DECLINED_ACRONYMS else acr


def _pl_org(uid: str, kind: str, place: Place | None, **fill: object) -> Org:
    otype, nom, gen, inst, acr, style = PL_KINDS[kind]
    nom, gen, inst = (s.format(**fill) for s in (nom, gen, inst))
    if place is not None and style == "loc":
        suffix = f" {place.in_}"
    elif place is not None and style == "gen":
        suffix = f" {place.gen}"
    else:
        suffix = ""
    o = Org(uid, "pl", otype, nom + suffix, gen + suffix, inst + suffix, place, acr)
    if acr and place is not None:
        o.short = {
            "nom": [f"{acr} {place.in_}", f"{acr} {place.nom}"],
            "gen": [f"{acr} {place.in_}", f"{_acr_gen(acr)} {place.in_}"],
            "inst": [f"{acr} {place.in_}", f"{_acr_inst(acr)} {place.in_}"],
        }
        if place.adj and acr in _DECLINED_ACRONYMS:
            o.short["nom"].append(f"{place.adj} {acr}")
            o.short["gen"].append(f"{_adj_gen(place.adj)} {_acr_gen(acr)}")
            o.short["inst"].append(f"{_adj_inst(place.adj)} {_acr_inst(acr)}")
    return o


def _pl_uni(uid: str, nom: str, acr: str | None, place: Place) -> Org:
    head, adj = nom.split(" ", 1)
    gen = {"Uniwersytet": "Uniwersytetu"}[head] + " " + _adj_gen(adj)
    inst = "Uniwersytetem " + _adj_inst(adj)
    o = Org(uid, "pl", "university", nom, gen, inst, place, acr)
    if acr:
        o.short = {"nom": [acr], "gen": [acr], "inst": [acr]}
    return o


# --- Czech -------------------------------------------------------------------------

def _kraj_gen(region: str) -> str:
    """"Středočeský" -> "Středočeského kraje"; Vysočina is "Kraje Vysočina"."""
    if region == "Vysočina":
        return "Kraje Vysočina"
    return region[:-1] + "ého kraje"


CS_NGO_NAMES = (
    "Prostor plus", "Rozkoš bez rizika", "Kolpingova rodina", "Šance pro všechny", "Otevřené dveře",
    "Společně", "Naděje pro život", "Krok za krokem", "Duha", "Most k domovu", "Cesta z krize", "Světlo",
    "Horizont", "Pohoda", "Domov na půli cesty", "Kruh", "Soužití", "Benediktus", "Spolu a jinak", "Klíček",
    "Jednou nohou", "Nová šance", "Slunečnice", "Mezi námi", "Vlnka", "Sousedé", "Ruka v ruce", "Začít znovu",
    "Rodina v centru", "Zdravé stárnutí", "Bez bariér", "Pomocná ruka", "Dobrý start", "Maják", "Kotva",
)
CS_UNIVERSITIES = (
    ("Univerzita Karlova", "Univerzity Karlovy", "Univerzitou Karlovou", "UK", "Praha"),
    ("Masarykova univerzita", "Masarykovy univerzity", "Masarykovou univerzitou", "MU", "Brno"),
    ("Ostravská univerzita", "Ostravské univerzity", "Ostravskou univerzitou", "OU", "Ostrava"),
    ("Univerzita Palackého v Olomouci", "Univerzity Palackého v Olomouci", "Univerzitou Palackého v Olomouci",
     "UP", "Olomouc"),
    ("Jihočeská univerzita v Českých Budějovicích", "Jihočeské univerzity v Českých Budějovicích",
     "Jihočeskou univerzitou v Českých Budějovicích", "JU", "České Budějovice"),
    ("Univerzita Hradec Králové", "Univerzity Hradec Králové", "Univerzitou Hradec Králové", "UHK",
     "Hradec Králové"),
    ("Slezská univerzita v Opavě", "Slezské univerzity v Opavě", "Slezskou univerzitou v Opavě", "SU", "Opava"),
    ("Univerzita Tomáše Bati ve Zlíně", "Univerzity Tomáše Bati ve Zlíně", "Univerzitou Tomáše Bati ve Zlíně",
     "UTB", "Zlín"),
    ("Univerzita Pardubice", "Univerzity Pardubice", "Univerzitou Pardubice", "UPa", "Pardubice"),
    ("Technická univerzita v Liberci", "Technické univerzity v Liberci", "Technickou univerzitou v Liberci",
     "TUL", "Liberec"),
    ("Západočeská univerzita v Plzni", "Západočeské univerzity v Plzni", "Západočeskou univerzitou v Plzni",
     "ZČU", "Plzeň"),
    ("Vysoká škola polytechnická Jihlava", "Vysoké školy polytechnické Jihlava",
     "Vysokou školou polytechnickou Jihlava", "VŠPJ", "Jihlava"),
)
CS_NATIONAL = (
    ("central-government", "Ministerstvo práce a sociálních věcí", "Ministerstva práce a sociálních věcí",
     "Ministerstvem práce a sociálních věcí", "MPSV"),
    ("central-government", "Úřad vlády České republiky", "Úřadu vlády České republiky",
     "Úřadem vlády České republiky", None),
    ("ngo", "Asociace poskytovatelů sociálních služeb České republiky",
     "Asociace poskytovatelů sociálních služeb České republiky",
     "Asociací poskytovatelů sociálních služeb České republiky", "APSS ČR"),
    ("ngo", "Člověk v tísni, o.p.s.", "Člověka v tísni, o.p.s.", "Člověkem v tísni, o.p.s.", None),
    ("ngo", "Česká federace potravinových bank", "České federace potravinových bank",
     "Českou federací potravinových bank", "ČFPB"),
    ("ngo", "Diakonie ČCE", "Diakonie ČCE", "Diakonií ČCE", None),
)
CS_STREETS = ("Masarykova", "Komenského", "Husova", "Palackého", "Nádražní", "Tyršova", "Školní", "Jiráskova",
              "Smetanova", "Havlíčkova", "Žižkova", "Mánesova")


def _cs_org(uid: str, otype: str, nom: str, gen: str, inst: str, place: Place | None,
            acr: str | None = None, short: dict[str, list[str]] | None = None) -> Org:
    return Org(uid, "cs", otype, nom, gen, inst, place, acr, short=short or {})


class Universe:
    """All organisations, people and projects of one seed."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.orgs: dict[str, Org] = {}
        self.by_place: dict[tuple[str, str], list[Org]] = {}  # (lang, town) -> orgs there
        self.national: dict[str, list[Org]] = {"pl": [], "cs": []}
        self.places = {"pl": load_places("pl"), "cs": load_places("cs")}
        self._place_by_name = {(p.lang, p.nom): p for ps in self.places.values() for p in ps}
        self._people: dict[str, list[Person]] = {}
        self._projects: dict[str, Project] = {}
        rng = random.Random(f"universe:{seed}")
        self._build_pl(rng)
        self._build_cs(rng)
        self.by_region: dict[tuple[str, str], list[Org]] = {}
        self.by_lang: dict[str, list[Org]] = {"pl": [], "cs": []}
        for (lang, town), orgs in self.by_place.items():
            region = self._place_by_name[(lang, town)].region
            self.by_region.setdefault((lang, region), []).extend(orgs)
        for o in self.orgs.values():
            self.by_lang[o.lang].append(o)

    # -- helpers
    def place(self, lang: str, name: str) -> Place:
        return self._place_by_name[(lang, name)]

    def _add(self, o: Org) -> Org:
        self.orgs[o.uid] = o
        if o.place is not None:
            self.by_place.setdefault((o.lang, o.place.nom), []).append(o)
        else:
            self.national[o.lang].append(o)
        return o

    def at(self, lang: str, town: str, *types: str) -> list[Org]:
        return [o for o in self.by_place.get((lang, town), []) if not types or o.type in types]

    # -- Polish
    def _build_pl(self, rng: random.Random) -> None:
        ngo_pool = [(a, q) for a in PL_FOUNDATION_AIMS for q in PL_NGO_NAMES]
        rng.shuffle(ngo_pool)
        n = 0

        def uid() -> str:
            nonlocal n
            n += 1
            return f"pl{n:05d}"

        for place in self.places["pl"]:
            town_rng = random.Random(f"town:{self.seed}:{place.nom}")
            school_no = 0
            quoted = list(PL_NGO_NAMES)
            town_rng.shuffle(quoted)
            welfare: Org | None = None
            for prob, group in PL_TOWN_PLAN:
                if town_rng.random() >= prob:
                    continue
                if group == "welfare":
                    kind = town_rng.choices(["mops", "mgops", "gops", "mopr", "cus"], [50, 15, 10, 10, 15])[0]
                    welfare = self._add(_pl_org(uid(), kind, place))
                elif group == "police":
                    self._add(_pl_org(uid(), "kmp" if place.seat or place.adj else "kpp", place))
                elif group in ("sp", "zs", "pm"):
                    school_no += town_rng.randint(1, 4)
                    self._add(_pl_org(uid(), group, place, n=school_no))
                elif group == "fund":
                    if ngo_pool:
                        (aim, _), q = ngo_pool.pop()
                        nom = f"Fundacja {aim}„{q}”"
                        o = Org(uid(), "pl", "ngo", nom, f"Fundacji {aim}„{q}”", f"Fundacją {aim}„{q}”", None)
                        o.short = {"nom": [f"fundacja „{q}”"], "gen": [f"fundacji „{q}”"],
                                   "inst": [f"fundacją „{q}”"]}
                        self.orgs[o.uid] = o
                        # a foundation sits in a town but its name carries no place: gold place is null
                        self.by_place.setdefault(("pl", place.nom), []).append(o)
                elif group in ("stow", "coop"):
                    q = quoted.pop()
                    o = self._add(_pl_org(uid(), group, place, q=q))
                    head = "stowarzyszenie" if group == "stow" else "spółdzielnia socjalna"
                    o.short = {"nom": [f"{head} „{q}”"],
                               "gen": [f"{'stowarzyszenia' if group == 'stow' else 'spółdzielni socjalnej'} „{q}”"],
                               "inst": [f"{'stowarzyszeniem' if group == 'stow' else 'spółdzielnią socjalną'} „{q}”"]}
                elif group == "kis":
                    o = self._add(_pl_org(uid(), "kis", place))
                    if welfare is not None:
                        o.parent = welfare.uid
                else:
                    self._add(_pl_org(uid(), group, place))
            if place.seat:
                self._add(_pl_org(uid(), "rcps" if place.nom == "Łódź" else "rops", place))
                self._add(_pl_org(uid(), "wup", place))
                self._add(_pl_org(uid(), "so", place))
                self._add(_pl_org(uid(), "uw", place))
                voiv = place.region
                # "kujawsko-pomorskie" -> "Kujawsko-Pomorskiego"
                gen_v = "-".join(p[:1].upper() + p[1:] for p in (voiv[:-2] + "iego").split("-"))
                o = Org(uid(), "pl", "local-government", f"Urząd Marszałkowski Województwa {gen_v}",
                        f"Urzędu Marszałkowskiego Województwa {gen_v}",
                        f"Urzędem Marszałkowskim Województwa {gen_v}", place, "UMW")
                self._add(o)
        for nom, acr, town in PL_UNIVERSITIES:
            self._add(_pl_uni(uid(), nom, acr, self.place("pl", town)))
        for nom, gen, inst, acr, town in PL_UNIVERSITIES_FIXED:
            o = Org(uid(), "pl", "university", nom, gen, inst, self.place("pl", town), acr)
            if acr:
                o.short = {"nom": [acr], "gen": [acr], "inst": [acr]}
            self._add(o)
        for name, town in PL_CARITAS:
            o = Org(uid(), "pl", "ngo", name, name, name, None, None)  # "Caritas" does not decline
            self.orgs[o.uid] = o
            self.by_place.setdefault(("pl", town), []).append(o)
        for otype, nom, gen, inst, acr in PL_NATIONAL:
            o = Org(uid(), "pl", otype, nom, gen, inst, None, acr)
            if acr:
                o.short = {"nom": [acr], "gen": [acr], "inst": [acr]}
            self._add(o)

    # -- Czech
    def _build_cs(self, rng: random.Random) -> None:
        n = 0

        def uid() -> str:
            nonlocal n
            n += 1
            return f"cs{n:05d}"

        ngo_pool = [(q, form) for q in CS_NGO_NAMES for form in ("z.s.", "o.p.s.", "z.ú.")]
        rng.shuffle(ngo_pool)
        for place in self.places["cs"]:
            t = random.Random(f"town:{self.seed}:{place.nom}")
            nom = place.nom
            if place.seat:
                office = _cs_org(uid(), "local-government", f"Magistrát města {place.gen}",
                                 f"Magistrátu města {place.gen}", f"Magistrátem města {place.gen}", place)
                unit_parent_gen = f"Magistrátu města {place.gen}"
            else:
                office = _cs_org(uid(), "local-government", f"Městský úřad {nom}", f"Městského úřadu {nom}",
                                 f"Městským úřadem {nom}", place, "MěÚ",
                                 short={"nom": [f"MěÚ {nom}"], "gen": [f"MěÚ {nom}"], "inst": [f"MěÚ {nom}"]})
                unit_parent_gen = f"Městského úřadu {nom}"
            self._add(office)
            dept = t.choice(["sociálních věcí", "sociálních věcí a zdravotnictví", "sociálních služeb"])
            unit = _cs_org(uid(), "local-government", f"Odbor {dept} {unit_parent_gen}",
                           f"Odboru {dept} {unit_parent_gen}", f"Odborem {dept} {unit_parent_gen}", place,
                           short={"nom": [f"odbor {dept}"], "gen": [f"odboru {dept}"], "inst": [f"odborem {dept}"]})
            unit.parent = office.uid
            self._add(unit)
            self._add(_cs_org(uid(), "local-government", f"Město {nom}", f"Města {nom}", f"Městem {nom}", place))
            if t.random() < 0.9:
                self._add(_cs_org(uid(), "labour-office", f"Úřad práce ČR – kontaktní pracoviště {nom}",
                                  f"Úřadu práce ČR – kontaktního pracoviště {nom}",
                                  f"Úřadem práce ČR – kontaktním pracovištěm {nom}", place,
                                  short={"nom": [f"úřad práce {place.in_}"], "gen": [f"úřadu práce {place.in_}"],
                                         "inst": [f"úřadem práce {place.in_}"]}))
            if t.random() < 0.6:
                self._add(_cs_org(uid(), "court", f"Okresní soud {place.in_}", f"Okresního soudu {place.in_}",
                                  f"Okresním soudem {place.in_}", place))
            if t.random() < 0.7:
                self._add(_cs_org(uid(), "police-or-uniformed", f"Městská policie {nom}",
                                  f"Městské policie {nom}", f"Městskou policií {nom}", place))
            if t.random() < 0.4:
                self._add(_cs_org(uid(), "police-or-uniformed", f"Probační a mediační služba – středisko {nom}",
                                  f"Probační a mediační služby – střediska {nom}",
                                  f"Probační a mediační službou – střediskem {nom}", place))
            streets = list(CS_STREETS)
            t.shuffle(streets)
            for _ in range(t.randint(1, 2)):
                s = f"{streets.pop()} {t.randint(1, 900)}"
                self._add(_cs_org(uid(), "school", f"Základní škola {nom}, {s}", f"Základní školy {nom}, {s}",
                                  f"Základní školou {nom}, {s}", place))
            if t.random() < 0.5:
                s = streets.pop()
                self._add(_cs_org(uid(), "school", f"Mateřská škola {nom}, {s}", f"Mateřské školy {nom}, {s}",
                                  f"Mateřskou školou {nom}, {s}", place))
            if t.random() < 0.75:
                oblastni = t.random() < 0.4
                head = "Oblastní charita" if oblastni else "Charita"
                self._add(_cs_org(uid(), "ngo", f"{head} {nom}",
                                  f"{'Oblastní charity' if oblastni else 'Charity'} {nom}",
                                  f"{'Oblastní charitou' if oblastni else 'Charitou'} {nom}", place))
            if t.random() < 0.25:
                self._add(_cs_org(uid(), "ngo", f"Diakonie ČCE – středisko {place.in_}",
                                  f"Diakonie ČCE – střediska {place.in_}", f"Diakonií ČCE – střediskem {place.in_}",
                                  place))
            for _ in range(t.randint(0, 3)):
                if ngo_pool:
                    q, form = ngo_pool.pop()
                    o = Org(uid(), "cs", "ngo", f"{q}, {form}", f"{q}, {form}", f"{q}, {form}", None)
                    o.short = {"nom": [q], "gen": [q], "inst": [q]}
                    o.lead = {"gen": "organizace ", "inst": "organizací "}
                    self.orgs[o.uid] = o
                    self.by_place.setdefault(("cs", nom), []).append(o)
            if t.random() < 0.7:
                self._add(_cs_org(uid(), "care-facility", f"Domov pro seniory {nom}", f"Domova pro seniory {nom}",
                                  f"Domovem pro seniory {nom}", place, "DS",
                                  short={"nom": [f"DS {nom}"], "gen": [f"DS {nom}"], "inst": [f"DS {nom}"]}))
            if t.random() < 0.3:
                self._add(_cs_org(uid(), "care-facility", f"Azylový dům pro matky s dětmi {nom}",
                                  f"Azylového domu pro matky s dětmi {nom}", f"Azylovým domem pro matky s dětmi {nom}",
                                  place))
            if t.random() < 0.4:
                self._add(_cs_org(uid(), "social-services-centre", f"Centrum sociálních služeb {nom}",
                                  f"Centra sociálních služeb {nom}", f"Centrem sociálních služeb {nom}", place, "CSS",
                                  short={"nom": [f"CSS {nom}"], "gen": [f"CSS {nom}"], "inst": [f"CSS {nom}"]}))
            if t.random() < 0.25:
                self._add(_cs_org(uid(), "social-enterprise", f"Chráněná dílna {nom}", f"Chráněné dílny {nom}",
                                  f"Chráněnou dílnou {nom}", place))
            if t.random() < 0.5:
                self._add(_cs_org(uid(), "healthcare", f"Nemocnice {nom}", f"Nemocnice {nom}",
                                  f"Nemocnicí {nom}", place))
            if t.random() < 0.5:
                self._add(_cs_org(uid(), "other", f"Městská knihovna {nom}", f"Městské knihovny {nom}",
                                  f"Městskou knihovnou {nom}", place))
            if t.random() < 0.4:
                self._add(_cs_org(uid(), "other", f"Dům dětí a mládeže {nom}", f"Domu dětí a mládeže {nom}",
                                  f"Domem dětí a mládeže {nom}", place, "DDM",
                                  short={"nom": [f"DDM {nom}"], "gen": [f"DDM {nom}"], "inst": [f"DDM {nom}"]}))
        # one regional office and labour-office branch per kraj, in its first statutory city
        seen_regions: set[str] = set()
        for place in self.places["cs"]:
            if place.region in seen_regions or place.region == "Praha" or not place.seat:
                continue
            seen_regions.add(place.region)
            kg = _kraj_gen(place.region)
            self._add(_cs_org(uid(), "local-government", f"Krajský úřad {kg}", f"Krajského úřadu {kg}",
                              f"Krajským úřadem {kg}", place))
            self._add(_cs_org(uid(), "labour-office", f"Krajská pobočka Úřadu práce {place.in_}",
                              f"Krajské pobočky Úřadu práce {place.in_}", f"Krajskou pobočkou Úřadu práce {place.in_}",
                              place))
        for nom, gen, inst, acr, town in CS_UNIVERSITIES:
            o = _cs_org(uid(), "university", nom, gen, inst, self.place("cs", town), acr)
            o.short = {"nom": [acr], "gen": [acr], "inst": [acr]} if acr else {}
            self._add(o)
        for otype, nom, gen, inst, acr in CS_NATIONAL:
            o = _cs_org(uid(), otype, nom, gen, inst, None, acr)
            if acr:
                o.short = {"nom": [acr], "gen": [acr], "inst": [acr]}
            self._add(o)

    # -- people and projects, minted on first use (deterministic per key)
    def staff(self, org: Org) -> list[Person]:
        people = self._people.get(org.uid)
        if people is None:
            from .names import person_for  # noqa: PLC0415 - keeps the name tables out of Universe's import

            people = [person_for(self.seed, org, i) for i in range(3)]
            self._people[org.uid] = people
        return people

    def project(self, key: str, make) -> Project:  # type: ignore[no-untyped-def]
        found = self._projects.get(key)
        if found is None:
            found = self._projects[key] = make()
        return found
