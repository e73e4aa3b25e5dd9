"""Reading sources: discover/classify files and read articles (loaders/sources.py, loaders/article.py).

Fixtures are small files written by us (tests/data/articles) or made in tmp_path. The
development corpus in ../shared/corpus is only read, never copied.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from socialkg.errors import (
    EmptySourceError,
    NotAnArticleError,
    SourceError,
    SourceNotFoundError,
    SourceTooLargeError,
    UnsupportedSourceError,
)
from socialkg.graph.iris import source_iri_for_path
from socialkg.loaders.article import (
    find_published,
    find_title,
    parse_article,
    read_article,
    remove_furniture,
)
from socialkg.loaders.sources import classify, discover, inspect_source, parse_size

DATA = Path(__file__).parent / "data" / "articles"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

PL = (
    "Miejski Ośrodek Pomocy Społecznej w Brzezinach współpracuje z Powiatowym Urzędem Pracy. "
    "Źródłem środków jest budżet gminy. Zażółć gęślą jaźń, mówią żartem pracownicy ośrodka.\n\n"
    "Kierownik ośrodka Teresa Malinowska zapowiada kolejne spotkania w przyszłym roku."
)
CS = (
    "Oblastní charita Horní Les řeší budoucnost svého střediska. Město Horní Les se rozhodlo budovu "
    "prodat, šéf charity žádá o pomoc. Žádost podal v úterý na městském úřadě."
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ----------------------------------------------------------------------- discover / classify


def test_discover_walks_folders_sorted_skips_hidden_and_reports_missing(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", PL)
    write(tmp_path, "a.html", "<html><body><p>x</p></body></html>")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.ttl", "@prefix ex: <http://example.org/> . ex:a ex:b ex:c .")
    write(tmp_path, ".hidden.txt", PL)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "d.txt", PL)
    write(tmp_path, "README.md", "# notes")
    found = list(discover([tmp_path, tmp_path / "missing.txt", tmp_path / "b.txt"]))
    ok = [(f.path.name, f.kind) for f in found if f.ok]
    assert ok == [("a.html", "article"), ("b.txt", "article"), ("c.ttl", "rdf")]
    skipped = [f for f in found if f.skipped]
    assert [f.path.name for f in skipped] == ["README.md"]
    errors = [f for f in found if f.error and not f.skipped]
    assert len(errors) == 1 and isinstance(errors[0].error, SourceNotFoundError)
    assert "missing.txt" in str(errors[0].error) and "no such file" in str(errors[0].error)


def test_classify_by_extension_and_content(tmp_path: Path) -> None:
    assert classify(write(tmp_path, "a.txt", PL)) == "article"
    assert classify(write(tmp_path, "a.htm", "<p>hi</p>")) == "article"
    assert classify(write(tmp_path, "a.nt", "<a:b> <a:c> <a:d> .")) == "rdf"
    assert classify(write(tmp_path, "a.jsonld", '{"@context": {}}')) == "rdf"
    assert classify(write(tmp_path, "ld.json", '{"@context": {"@vocab": "http://x/"}, "@id": "a"}')) == "rdf"
    assert classify(write(tmp_path, "gold.json", '{"doc": "x", "organisations": []}')) is None
    rdfxml = '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    assert classify(write(tmp_path, "a.xml", rdfxml)) == "rdf"
    assert inspect_source(write(tmp_path, "page.txt", "<!DOCTYPE html><html><body>x</body></html>")).media_type == "text/html"
    # Rejected with a reason: PDF (even named .txt), ZIP/xlsx, spreadsheets, binaries.
    for name, data, words in [
        ("doc.pdf", b"%PDF-1.7 ...", "PDF"),
        ("renamed.txt", b"%PDF-1.4 ...", "PDF"),
        ("sheet.xlsx", b"PK\x03\x04\x14\x00", "ZIP"),
        ("table.csv", b"a;b\n1;2\n", "CSV"),
        ("blob.txt", b"\x00\x01\x02\x03" * 50, "binary"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "JPEG"),
    ]:
        item = inspect_source(write(tmp_path, name, data))
        assert item.kind is None and isinstance(item.error, UnsupportedSourceError), name
        assert words in str(item.error), (name, str(item.error))


def test_folder_walk_errors_only_for_files_that_claim_to_be_sources(tmp_path: Path) -> None:
    write(tmp_path, "fake.txt", b"%PDF-1.4")
    write(tmp_path, "data.xlsx", b"PK\x03\x04")
    items = {f.path.name: f for f in discover([tmp_path])}
    assert items["fake.txt"].error and not items["fake.txt"].skipped
    assert items["data.xlsx"].error and items["data.xlsx"].skipped


def test_parse_size() -> None:
    assert parse_size("5MB") == 5 * 1024 * 1024
    assert parse_size("500k") == 500 * 1024
    assert parse_size("1234") == 1234
    with pytest.raises(ValueError):
        parse_size("lots")


# --------------------------------------------------------------------------- bad input


def test_missing_path() -> None:
    with pytest.raises(SourceNotFoundError, match="no such file"):
        read_article("/nonexistent/article.txt")


def test_empty_and_blank_files(tmp_path: Path) -> None:
    with pytest.raises(EmptySourceError, match="empty"):
        read_article(write(tmp_path, "e.txt", b""))
    with pytest.raises(EmptySourceError, match="white space"):
        read_article(write(tmp_path, "w.txt", b" \n\n\t "))


def test_binary_files(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedSourceError, match="NUL bytes"):
        read_article(write(tmp_path, "b.txt", b"Ala ma kota\x00\x00\x00" * 20))
    with pytest.raises(UnsupportedSourceError, match="control"):
        read_article(write(tmp_path, "c.txt", bytes(range(1, 32)) * 20))
    with pytest.raises(UnsupportedSourceError, match="PDF"):
        read_article(write(tmp_path, "p.txt", b"%PDF-1.4\n..."))


def test_huge_file_names_the_limit_and_how_to_raise_it(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", PL * 200)
    with pytest.raises(SourceTooLargeError) as info:
        read_article(path, max_bytes=10_000)
    message = str(info.value)
    assert "10000 bytes" in message and "--max-size" in message and "big.txt" in message
    assert read_article(path, max_bytes=1_000_000).text  # raising the limit works


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
@pytest.mark.parametrize("text,lang", [(PL, "pl"), (CS, "cs")])
def test_legacy_encodings_are_decoded_and_reported(tmp_path: Path, encoding: str, text: str, lang: str) -> None:
    article = read_article(write(tmp_path, "old.txt", text.encode(encoding)))
    assert article.encoding == encoding
    assert article.text.split("\n")[0] == text.split("\n")[0]
    assert article.lang == lang
    assert any(encoding in w and "UTF-8" in w for w in article.warnings)


def test_utf8_with_bom(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + PL.encode()))
    assert article.encoding == "utf-8-sig" and article.text.startswith("Miejski") and not article.warnings


@pytest.mark.parametrize("wrong", ["cp1252", "cp1250"])
def test_mojibake_is_repaired_with_a_warning(tmp_path: Path, wrong: str) -> None:
    damaged = PL.encode("utf-8").decode(wrong, errors="ignore")
    assert "Ośrodek" not in damaged
    article = read_article(write(tmp_path, "moj.txt", damaged))
    assert "Miejski Ośrodek Pomocy Społecznej w Brzezinach" in article.text
    assert "Zażółć gęślą jaźń" in article.text
    assert any("mojibake" in w for w in article.warnings)


def test_log_file_is_not_an_article(tmp_path: Path) -> None:
    log = "\n".join(f"2024-04-19 22:22:{i:02d} INFO worker: job {i} done" for i in range(30))
    with pytest.raises(NotAnArticleError, match="log file"):
        read_article(write(tmp_path, "run.txt", log))


def test_csv_is_not_an_article(tmp_path: Path) -> None:
    rows = "nazwa;miasto;typ;telefon\n" + "".join(f"MOPS {i};Kalisz;ośrodek;{i:03d}\n" for i in range(10))
    with pytest.raises(NotAnArticleError, match="table"):
        read_article(write(tmp_path, "export.txt", rows))


def test_text_without_sentences_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(NotAnArticleError, match="almost no sentences"):
        read_article(write(tmp_path, "words.txt", "\n".join(["Kalisz", "Sport", "Pogoda", "Kontakt dla mediów"])))


def test_prose_with_commas_is_not_mistaken_for_csv(tmp_path: Path) -> None:
    prose = "\n".join(f"Ośrodek w mieście numer {i}, jak co roku, pomaga rodzinom." for i in range(6))
    assert read_article(write(tmp_path, "prose.txt", prose)).lang == "pl"


def test_broken_html_does_not_crash(tmp_path: Path) -> None:
    broken = (
        "<html><body><div><p>Miejski Ośrodek Pomocy Społecznej w Kutnie zorganizował spotkanie. <b>Wzięli "
        "w nim udział przedstawiciele szkół i policji.<p>Rozmawiano o współpracy w zakresie pomocy rodzinom. "
        "Kolejne spotkanie odbędzie się w maju.</td></tr></table><script>var x = '</div>"
    )
    article = read_article(write(tmp_path, "broken.html", broken))
    assert article.media_type == "text/html"
    assert "Miejski Ośrodek Pomocy Społecznej w Kutnie" in article.text
    assert "var x" not in article.text
    with pytest.raises(SourceError):  # garbage: a clear SourceError, never a crash
        read_article(write(tmp_path, "garbage.html", "<<<>>><html<body></p></div><p<<"))


# ----------------------------------------------------------------------- furniture, metadata


def test_html_page_boilerplate_comments_title_and_date() -> None:
    article = read_article(DATA / "page_with_furniture.html")
    assert article.media_type == "text/html"
    assert article.title == "Gminny Ośrodek Pomocy Społecznej w Brzezinach otwiera klub seniora"
    assert article.published == "2021-03-04"
    assert article.lang == "pl"
    text = article.text
    assert text.startswith(article.title)  # the headline stays in the body: it names bodies too
    assert "Stowarzyszeniem „Pogodna Przystań”" in text
    for furniture in ("cookies", "Strona główna", "Komentarze", "Zenon", "Wreszcie coś", "Udostępnij", "©"):
        assert furniture not in text, furniture


def test_plain_text_furniture_pl() -> None:
    article = read_article(DATA / "plain_with_furniture.txt")
    text = article.text
    assert article.title == "Wolontariusze pomogą seniorom w Brzezinach"
    assert article.published == "2021-03-08"  # "Dodano: 08.03.2021", not the portal clock of 9 March
    assert text.startswith("Wolontariusze pomogą seniorom w Brzezinach")
    assert "Teresa Malinowska, kierownik GOPS w Brzezinach" in text
    for furniture in (
        "oficjalny portal", "cookies", "Oświata", "Jesteś tutaj", "08:45", "Reklama", "Temperatura",
        "hPa", "Facebook", "PDF", "Czytaj także", "Zebranie wiejskie", "Komentarze", "Zenon", "Autor komentarza",
    ):
        assert furniture not in text, furniture


def test_plain_text_furniture_cs() -> None:
    article = read_article(DATA / "cs_with_furniture.txt")
    assert article.lang == "cs"
    assert article.published == "2019-06-11"
    assert article.title == "Charita a město Horní Les společně otevřely nízkoprahový klub"
    for furniture in ("Zpravodaj Horního Lesa", "Kultura", "Zavřít menu", "Sdílet", "Související",
                      "chodník", "Diskuse", "Konečně"):
        assert furniture not in article.text, furniture
    assert "Odbor sociálních věcí Městského úřadu Horní Les" in article.text


def test_lines_that_only_look_like_furniture_are_kept() -> None:
    text = (
        "Nowy klub seniora\n\n"
        "Ośrodek pomocy społecznej otworzył klub seniora, który działa od poniedziałku do piątku w budynku szkoły.\n\n"
        "Pogoda nie przeszkodziła gościom: przyszło ponad czterdzieści osób, w tym radni i sołtysi okolicznych wsi.\n\n"
        "Reklama to nie wszystko, mówi kierownik ośrodka o planach promocji klubu wśród mieszkańców."
    )
    cleaned = remove_furniture(text)
    assert cleaned.text == text and not cleaned.removed


def test_comment_heading_cuts_everything_after() -> None:
    text = (
        "Tytuł artykułu o pomocy\n\nPierwszy akapit artykułu jest długi i ma w sobie zdanie, które się kończy kropką.\n\n"
        "Komentarze\n\nCzytelnik: Ośrodek Pomocy Społecznej w Kaliszu robi świetną robotę, jak zawsze zresztą."
    )
    assert "Kaliszu" not in remove_furniture(text).text


@pytest.mark.parametrize(
    "line,iso",
    [
        ("18.01.2023", "2023-01-18"),
        ("11. června 2007", "2007-06-11"),
        ("20. 5. 2015", "2015-05-20"),
        ("Dodano przez MOPS Kalisz, 2017-12-05 09:06:48", "2017-12-05"),
        ("12 września 2018 r.", "2018-09-12"),
        ("Publikováno: 3. července 2020", "2020-07-03"),
        ("piątek, 19 kwietnia 2024 22:22", None),  # portal clock
        ("Spotkanie odbyło się 12 września 2018 r. w Toruniu i zgromadziło wielu gości.", None),
        ("31.02.2020", None),
    ],
)
def test_published_date_lines(line: str, iso: str | None) -> None:
    body = "Ośrodek pomocy społecznej zorganizował spotkanie z mieszkańcami, na które przyszło wiele osób z całej gminy."
    assert find_published(f"{line}\n\nTytuł\n\n{body}") == iso


def test_title_is_first_headline_like_line() -> None:
    assert find_title("18.01.2023\n\nI Forum Polityki Społecznej za nami\n\nTekst.") == "I Forum Polityki Społecznej za nami"
    long_first = "Już po raz czwarty przedstawiciele ośrodków pomocy społecznej spotkali się na forum w Toruniu, " * 2
    assert find_title(long_first.strip() + "\n\nDrugi akapit.") is None


def test_languages_sk_and_en_are_set_with_a_warning(tmp_path: Path) -> None:
    sk = ("Mestský úrad v Žiline pripravil nový komunitný plán sociálnych služieb. Na príprave sa podieľali "
          "aj mimovládne organizácie, ktoré pomáhajú ľuďom v núdzi. Plán schválilo mestské zastupiteľstvo.")
    en = ("The municipal welfare centre opened a new day centre for older people. The city council and two "
          "charities helped to pay for the building, which will open every weekday.")
    a_sk = read_article(write(tmp_path, "sk.txt", sk))
    a_en = read_article(write(tmp_path, "en.txt", en))
    assert (a_sk.lang, a_en.lang) == ("sk", "en")
    assert any("Polish and Czech" in w for w in a_sk.warnings + a_en.warnings)


def test_identity_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "art-01.txt", PL)
    article = read_article(path)
    assert article.doc == "art-01"
    assert article.source_iri == source_iri_for_path(path)
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", article.raw_hash)
    with_url = read_article(path, url="https://example.org/news/art-01")
    assert with_url.source_iri == "https://example.org/news/art-01" and with_url.url == with_url.source_iri
    assert parse_article(PL.encode(), path="x.txt").raw_hash == article.raw_hash


# ------------------------------------------------------------------ the development corpus


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().casefold()


_COMMENT_HEADINGS = re.compile(r"^(komentarze|diskuse|napisz komentarz)\b.*$", re.IGNORECASE | re.MULTILINE)


@pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason="development corpus not present")
def test_corpus_keeps_gold_aliases_and_drops_comments() -> None:
    checked = 0
    for gold_file in sorted((CORPUS / "gold").glob("*.json")):
        text_file = CORPUS / "texts" / f"{gold_file.stem}.txt"
        gold = json.loads(gold_file.read_text("utf-8"))
        raw = text_file.read_text("utf-8")
        article = read_article(text_file)
        clean = _fold(article.text)
        for org in gold["organisations"]:
            for alias in [org["name"], *org["aliases"]]:
                if _fold(alias) in _fold(raw):
                    assert _fold(alias) in clean, (gold_file.stem, alias)
        assert article.lang == gold["lang"], gold_file.stem
        assert article.published == gold["published"], gold_file.stem
        # Nothing from a comments heading on survives.
        match = _COMMENT_HEADINGS.search(raw)
        if match:
            for line in raw[match.start():].splitlines():
                if len(line.strip()) > 15:
                    assert _fold(line) not in clean, (gold_file.stem, line[:40])
        checked += 1
    assert checked >= 5


# ------------------------------------------------------------------------------ robustness

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=600),
    st.text(max_size=600).map(lambda t: t.encode("utf-8")),
    st.lists(st.sampled_from(["<p>", "</p>", "<div", ">", "Ośrodek pomocy", ". ", "\n", "|", "Komentarze",
                              "<script>", "&amp;", "18.01.2023", "cookies"]), max_size=80)
      .map(lambda parts: "".join(parts).encode("utf-8")),
), html=st.booleans())
def test_any_bytes_give_an_article_or_a_source_error(data: bytes, html: bool) -> None:
    try:
        article = parse_article(data, path="fuzz.html" if html else "fuzz.txt",
                                media_type="text/html" if html else None)
    except SourceError:
        return
    assert article.text.strip() and article.raw_hash.startswith("sha256:")


def test_html_in_a_legacy_encoding_uses_the_declared_charset() -> None:
    page = (DATA / "page_with_furniture.html").read_text("utf-8").replace('charset="utf-8"', 'charset="windows-1250"')
    article = parse_article(page.encode("cp1250"), path="page.html")
    assert article.encoding == "cp1250" and any("declares" in w for w in article.warnings)
    assert "Gminny Ośrodek Pomocy Społecznej w Brzezinach otworzył" in article.text


@pytest.mark.parametrize(
    "header, iso",
    [
        ("Pondělí 18. listopadu 2024 | Svátek má Romana\nZPRÁVY › Kolín\n14. 11. 2024 | 16:42 | Autor: (red)", "2024-11-14"),
        ("sobota, 15 marca 2025, 18:47\nAktualności\n21.02.2025, 10:15 | Aktualizacja: 21.02.2025, 12:03 | Anna Nowak",
         "2025-02-21"),
        ("Úvod › Tiskové zprávy\nTisková zpráva | 8. listopadu 2024 | Sociální věci", "2024-11-08"),
        ("Kielce, 22.11.2023", "2023-11-22"),
        ("Most – 20. února 2024", "2024-02-20"),
        ("czwartek, 6 lutego 2025 | Imieniny: Bogdana, Doroty\nMenu | Kontakt", None),  # the portal's clock
    ],
)
def test_publication_date_from_the_page_header(tmp_path, header: str, iso: str | None) -> None:
    body = ("Ośrodek pomocy społecznej zorganizował spotkanie z mieszkańcami, na które przyszło wiele osób z "
            "całej gminy. Rozmawiano o usługach opiekuńczych i o nowym klubie seniora w centrum miasta.")
    page = tmp_path / "page.txt"
    page.write_text(f"{header}\n\nTytuł artykułu o spotkaniu\n\n{body}\n\nKomentarze\n\n17.04.2024, 20:12 Jan\n",
                    encoding="utf-8")
    assert read_article(str(page)).published == iso
