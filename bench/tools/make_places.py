"""Regenerate bench/data/places_pl.tsv (Polish municipality names with their cases).

Run from the repository root: `python -m bench.tools.make_places`. The output is
committed and was read through by hand; the corpus generator only reads the TSV,
so it needs neither morfeusz2 nor this script at run time.

Single-word names are inflected with morfeusz2 (`generate` on the geographic-name
lemma, same number as the nominative: "Gliwice" is plural, "Kalisz" singular);
multi-word and hyphenated names come from the hand-written table below, because
morfeusz2 works one word at a time and agreement across words is easy to get
wrong. Adjectives ("kaliski" MOPS) are hand-written for the towns that have one
in common use.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "places_pl.tsv"

# voivodeship (adjective, nominative neuter as in "województwo wielkopolskie") -> towns
TOWNS: dict[str, str] = {
    "dolnośląskie": "Wrocław Wałbrzych Legnica Lubin Głogów Świdnica Bolesławiec Oleśnica Oława "
    "Dzierżoniów Kłodzko Zgorzelec Jawor Lubań Polkowice Strzelin Trzebnica Wołów Milicz Złotoryja",
    "kujawsko-pomorskie": "Toruń Bydgoszcz Włocławek Grudziądz Inowrocław Brodnica Świecie Chełmno "
    "Nakło Rypin Wąbrzeźno Tuchola Żnin Mogilno Aleksandrów Lipno Radziejów Sępólno",
    "lubelskie": "Lublin Chełm Zamość Puławy Świdnik Kraśnik Łuków Biłgoraj Lubartów Łęczna "
    "Krasnystaw Hrubieszów Ryki Włodawa Janów Parczew Radzyń",
    "lubuskie": "Żary Żagań Świebodzin Międzyrzecz Sulechów Słubice Kostrzyn Gubin Wschowa "
    "Strzelce Sulęcin",
    "łódzkie": "Łódź Pabianice Tomaszów Bełchatów Zgierz Skierniewice Radomsko Kutno Sieradz "
    "Łowicz Wieluń Łęczyca Opoczno Rawa Poddębice Łask Brzeziny Wieruszów Pajęczno",
    "małopolskie": "Kraków Tarnów Oświęcim Chrzanów Olkusz Gorlice Bochnia Zakopane Skawina "
    "Andrychów Wadowice Wieliczka Myślenice Limanowa Brzesko Miechów Proszowice",
    "mazowieckie": "Warszawa Radom Płock Siedlce Pruszków Legionowo Ostrołęka Piaseczno Otwock "
    "Ciechanów Mława Żyrardów Sochaczew Wołomin Płońsk Garwolin Gostynin Sokołów Przasnysz "
    "Pułtusk Wyszków Kozienice Grójec Węgrów Łosice Maków Żuromin Sierpc Lipsko Zwoleń Szydłowiec",
    "opolskie": "Opole Nysa Brzeg Kluczbork Prudnik Namysłów Krapkowice Głubczyce Olesno Głuchołazy",
    "podkarpackie": "Rzeszów Przemyśl Krosno Mielec Tarnobrzeg Dębica Jarosław Sanok Jasło "
    "Łańcut Przeworsk Ropczyce Leżajsk Lubaczów Strzyżów Brzozów Kolbuszowa Lesko Ustrzyki",
    "podlaskie": "Białystok Suwałki Łomża Augustów Bielsk Zambrów Grajewo Hajnówka Sokółka "
    "Siemiatycze Kolno Mońki Sejny",
    "pomorskie": "Gdańsk Gdynia Słupsk Tczew Starogard Wejherowo Rumia Chojnice Sopot Malbork "
    "Kwidzyn Lębork Pruszcz Bytów Kartuzy Kościerzyna Puck Człuchów Sztum",
    "śląskie": "Katowice Częstochowa Sosnowiec Gliwice Zabrze Bytom Rybnik Tychy Chorzów Jaworzno "
    "Jastrzębie Mysłowice Siemianowice Piekary Będzin Racibórz Świętochłowice Zawiercie Mikołów "
    "Żory Knurów Czechowice Cieszyn Pszczyna Myszków Lubliniec Tarnowskie Żywiec Racibórz",
    "świętokrzyskie": "Kielce Ostrowiec Starachowice Sandomierz Końskie Busko Jędrzejów Staszów "
    "Pińczów Włoszczowa Opatów Kazimierza",
    "warmińsko-mazurskie": "Olsztyn Elbląg Ełk Ostróda Iława Giżycko Kętrzyn Szczytno Bartoszyce "
    "Mrągowo Działdowo Pisz Braniewo Olecko Nidzica Gołdap Lidzbark",
    "wielkopolskie": "Poznań Kalisz Konin Piła Leszno Gniezno Września Śrem Krotoszyn Turek "
    "Jarocin Luboń Swarzędz Kościan Koło Oborniki Szamotuły Wągrowiec Chodzież Złotów Pleszew "
    "Ostrzeszów Kępno Gostyń Rawicz Słupca Wolsztyn Czarnków Międzychód",
    "zachodniopomorskie": "Szczecin Koszalin Stargard Kołobrzeg Świnoujście Szczecinek Police "
    "Wałcz Białogard Goleniów Gryfino Myślibórz Pyrzyce Choszczno Drawsko Łobez Sławno Gryfice",
}

# Towns whose bare name is ambiguous or usually written with a second word are
# listed in MULTI with the full name instead; drop their short form here.
DROP = {"Tomaszów", "Aleksandrów", "Opole Lubelskie", "Janów", "Radzyń", "Krosno Odrzańskie",
        "Strzelce", "Rawa", "Sokołów", "Maków", "Bielsk", "Starogard", "Pruszcz", "Jastrzębie",
        "Siemianowice", "Piekary", "Czechowice", "Tarnowskie", "Ostrowiec", "Busko",
        "Kazimierza", "Końskie", "Lidzbark", "Drawsko", "Nakło", "Ustrzyki", "Sępólno"}

# nominative | genitive | locative | voivodeship: multi-word and hyphenated names, and plural
# adjectival names morfeusz2 reads as singular ("Końskie"), by hand
MULTI = """\
Zielona Góra|Zielonej Góry|Zielonej Górze|lubuskie
Gorzów Wielkopolski|Gorzowa Wielkopolskiego|Gorzowie Wielkopolskim|lubuskie
Nowa Sól|Nowej Soli|Nowej Soli|lubuskie
Krosno Odrzańskie|Krosna Odrzańskiego|Krośnie Odrzańskim|lubuskie
Strzelce Krajeńskie|Strzelec Krajeńskich|Strzelcach Krajeńskich|lubuskie
Jelenia Góra|Jeleniej Góry|Jeleniej Górze|dolnośląskie
Kamienna Góra|Kamiennej Góry|Kamiennej Górze|dolnośląskie
Nowy Sącz|Nowego Sącza|Nowym Sączu|małopolskie
Nowy Targ|Nowego Targu|Nowym Targu|małopolskie
Sucha Beskidzka|Suchej Beskidzkiej|Suchej Beskidzkiej|małopolskie
Dąbrowa Tarnowska|Dąbrowy Tarnowskiej|Dąbrowie Tarnowskiej|małopolskie
Stalowa Wola|Stalowej Woli|Stalowej Woli|podkarpackie
Zduńska Wola|Zduńskiej Woli|Zduńskiej Woli|łódzkie
Tomaszów Mazowiecki|Tomaszowa Mazowieckiego|Tomaszowie Mazowieckim|łódzkie
Piotrków Trybunalski|Piotrkowa Trybunalskiego|Piotrkowie Trybunalskim|łódzkie
Rawa Mazowiecka|Rawy Mazowieckiej|Rawie Mazowieckiej|łódzkie
Tomaszów Lubelski|Tomaszowa Lubelskiego|Tomaszowie Lubelskim|lubelskie
Biała Podlaska|Białej Podlaskiej|Białej Podlaskiej|lubelskie
Radzyń Podlaski|Radzynia Podlaskiego|Radzyniu Podlaskim|lubelskie
Janów Lubelski|Janowa Lubelskiego|Janowie Lubelskim|lubelskie
Opole Lubelskie|Opola Lubelskiego|Opolu Lubelskim|lubelskie
Mińsk Mazowiecki|Mińska Mazowieckiego|Mińsku Mazowieckim|mazowieckie
Grodzisk Mazowiecki|Grodziska Mazowieckiego|Grodzisku Mazowieckim|mazowieckie
Nowy Dwór Mazowiecki|Nowego Dworu Mazowieckiego|Nowym Dworze Mazowieckim|mazowieckie
Sokołów Podlaski|Sokołowa Podlaskiego|Sokołowie Podlaskim|mazowieckie
Maków Mazowiecki|Makowa Mazowieckiego|Makowie Mazowieckim|mazowieckie
Ostrów Wielkopolski|Ostrowa Wielkopolskiego|Ostrowie Wielkopolskim|wielkopolskie
Środa Wielkopolska|Środy Wielkopolskiej|Środzie Wielkopolskiej|wielkopolskie
Grodzisk Wielkopolski|Grodziska Wielkopolskiego|Grodzisku Wielkopolskim|wielkopolskie
Nowy Tomyśl|Nowego Tomyśla|Nowym Tomyślu|wielkopolskie
Ruda Śląska|Rudy Śląskiej|Rudzie Śląskiej|śląskie
Dąbrowa Górnicza|Dąbrowy Górniczej|Dąbrowie Górniczej|śląskie
Wodzisław Śląski|Wodzisławia Śląskiego|Wodzisławiu Śląskim|śląskie
Tarnowskie Góry|Tarnowskich Gór|Tarnowskich Górach|śląskie
Piekary Śląskie|Piekar Śląskich|Piekarach Śląskich|śląskie
Siemianowice Śląskie|Siemianowic Śląskich|Siemianowicach Śląskich|śląskie
Jastrzębie-Zdrój|Jastrzębia-Zdroju|Jastrzębiu-Zdroju|śląskie
Bielsko-Biała|Bielska-Białej|Bielsku-Białej|śląskie
Kędzierzyn-Koźle|Kędzierzyna-Koźla|Kędzierzynie-Koźlu|opolskie
Strzelce Opolskie|Strzelec Opolskich|Strzelcach Opolskich|opolskie
Skarżysko-Kamienna|Skarżyska-Kamiennej|Skarżysku-Kamiennej|świętokrzyskie
Ostrowiec Świętokrzyski|Ostrowca Świętokrzyskiego|Ostrowcu Świętokrzyskim|świętokrzyskie
Busko-Zdrój|Buska-Zdroju|Busku-Zdroju|świętokrzyskie
Golub-Dobrzyń|Golubia-Dobrzynia|Golubiu-Dobrzyniu|kujawsko-pomorskie
Aleksandrów Kujawski|Aleksandrowa Kujawskiego|Aleksandrowie Kujawskim|kujawsko-pomorskie
Nakło nad Notecią|Nakła nad Notecią|Nakle nad Notecią|kujawsko-pomorskie
Sępólno Krajeńskie|Sępólna Krajeńskiego|Sępólnie Krajeńskim|kujawsko-pomorskie
Bielsk Podlaski|Bielska Podlaskiego|Bielsku Podlaskim|podlaskie
Wysokie Mazowieckie|Wysokiego Mazowieckiego|Wysokiem Mazowieckiem|podlaskie
Starogard Gdański|Starogardu Gdańskiego|Starogardzie Gdańskim|pomorskie
Pruszcz Gdański|Pruszcza Gdańskiego|Pruszczu Gdańskim|pomorskie
Nowy Dwór Gdański|Nowego Dworu Gdańskiego|Nowym Dworze Gdańskim|pomorskie
Lidzbark Warmiński|Lidzbarka Warmińskiego|Lidzbarku Warmińskim|warmińsko-mazurskie
Nowe Miasto Lubawskie|Nowego Miasta Lubawskiego|Nowym Mieście Lubawskim|warmińsko-mazurskie
Drawsko Pomorskie|Drawska Pomorskiego|Drawsku Pomorskim|zachodniopomorskie
Ustrzyki Dolne|Ustrzyk Dolnych|Ustrzykach Dolnych|podkarpackie
Kazimierza Wielka|Kazimierzy Wielkiej|Kazimierzy Wielkiej|świętokrzyskie
Końskie|Końskich|Końskich|świętokrzyskie
"""

# Adjectives in common use ("kaliski MOPS", "toruński ROPS"), masculine nominative.
ADJECTIVES = {
    "Wrocław": "wrocławski", "Wałbrzych": "wałbrzyski", "Legnica": "legnicki", "Toruń": "toruński",
    "Bydgoszcz": "bydgoski", "Włocławek": "włocławski", "Grudziądz": "grudziądzki",
    "Inowrocław": "inowrocławski", "Lublin": "lubelski", "Chełm": "chełmski", "Zamość": "zamojski",
    "Puławy": "puławski", "Łódź": "łódzki", "Pabianice": "pabianicki", "Kutno": "kutnowski",
    "Sieradz": "sieradzki", "Łowicz": "łowicki", "Kraków": "krakowski", "Tarnów": "tarnowski",
    "Oświęcim": "oświęcimski", "Wadowice": "wadowicki", "Warszawa": "warszawski", "Radom": "radomski",
    "Płock": "płocki", "Siedlce": "siedlecki", "Ostrołęka": "ostrołęcki", "Opole": "opolski",
    "Nysa": "nyski", "Rzeszów": "rzeszowski", "Przemyśl": "przemyski", "Mielec": "mielecki",
    "Sanok": "sanocki", "Białystok": "białostocki", "Suwałki": "suwalski", "Łomża": "łomżyński",
    "Gdańsk": "gdański", "Gdynia": "gdyński", "Słupsk": "słupski", "Tczew": "tczewski",
    "Katowice": "katowicki", "Częstochowa": "częstochowski", "Sosnowiec": "sosnowiecki",
    "Gliwice": "gliwicki", "Zabrze": "zabrzański", "Bytom": "bytomski", "Rybnik": "rybnicki",
    "Tychy": "tyski", "Kielce": "kielecki", "Olsztyn": "olsztyński", "Elbląg": "elbląski",
    "Ełk": "ełcki", "Poznań": "poznański", "Kalisz": "kaliski", "Konin": "koniński", "Piła": "pilski",
    "Leszno": "leszczyński", "Gniezno": "gnieźnieński", "Szczecin": "szczeciński",
    "Koszalin": "koszaliński", "Zielona Góra": "zielonogórski", "Gorzów Wielkopolski": "gorzowski",
    "Jelenia Góra": "jeleniogórski", "Nowy Sącz": "nowosądecki", "Stalowa Wola": "stalowowolski",
    "Piotrków Trybunalski": "piotrkowski", "Ostrów Wielkopolski": "ostrowski",
    "Starachowice": "starachowicki", "Sandomierz": "sandomierski", "Koło": "kolski",
}

# Voivodeship seats: where the regional social-policy centre and the marshal's office sit.
CAPITALS = {
    "dolnośląskie": "Wrocław", "kujawsko-pomorskie": "Toruń", "lubelskie": "Lublin",
    "lubuskie": "Zielona Góra", "łódzkie": "Łódź", "małopolskie": "Kraków", "mazowieckie": "Warszawa",
    "opolskie": "Opole", "podkarpackie": "Rzeszów", "podlaskie": "Białystok", "pomorskie": "Gdańsk",
    "śląskie": "Katowice", "świętokrzyskie": "Kielce", "warmińsko-mazurskie": "Olsztyn",
    "wielkopolskie": "Poznań", "zachodniopomorskie": "Szczecin",
}


def _preposition(loc: str) -> str:
    """`we` before w/f + consonant ("we Wrocławiu", "we Wschowie"), else `w`."""
    low = loc.lower()
    if len(low) > 1 and low[0] in "wf" and low[1] not in "aeiouyąęó":
        return "we"
    return "w"


def _inflect(morf, name: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(genitive, locative) of a one-word place name, from its geographic-name lemma."""
    lemmas = []
    for _s, _e, (_form, lemma, tag, quals, _q2) in morf.analyse(name):
        if "nazwa_geograficzna" in quals and tag.startswith("subst:") and ":nom" in tag.replace(".", ":"):
            number = tag.split(":")[1]
            lemmas.append((lemma, number))
    if not lemmas:
        raise ValueError(f"morfeusz2 does not know the place name {name!r}")
    lemma, number = lemmas[0]
    forms: dict[str, str] = {}
    for form, lem, tag, quals, _q2 in morf.generate(lemma):
        parts = tag.split(":")
        if lem != lemma or parts[0] != "subst" or number not in parts[1].split("."):
            continue
        for case in parts[2].split("."):
            forms.setdefault(case, form)
    return forms["gen"], forms["loc"]


def main() -> int:
    import morfeusz2

    morf = morfeusz2.Morfeusz()
    rows: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    for voiv, towns in TOWNS.items():
        for town in towns.split():
            if town in DROP or town in seen:
                continue
            seen.add(town)
            gen, loc = _inflect(morf, town)
            rows.append((town, gen, loc, voiv))
    for line in MULTI.strip().splitlines():
        nom, gen, loc, voiv = line.split("|")
        if nom not in seen:
            seen.add(nom)
            rows.append((nom, gen, loc, voiv))
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# nominative\tgenitive\tlocative\tpreposition\tvoivodeship\tadjective\tseat\n")
        for nom, gen, loc, voiv in rows:
            seat = "1" if CAPITALS.get(voiv) == nom else "0"
            f.write("\t".join([nom, gen, loc, _preposition(loc), voiv, ADJECTIVES.get(nom, ""), seat]) + "\n")
    print(f"{len(rows)} places -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
