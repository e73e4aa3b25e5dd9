"""Sentence splitting: abbreviations, dates, paragraphs, offsets (sentences written by us)."""

from socialkg.loaders.nlp.text import sentence_at, split_sentences


def _texts(text):
    return [s.text for s in split_sentences(text)]


def test_offsets_point_into_the_text():
    text = "  Pierwsze zdanie. Drugie zdanie!\n\nTrzecie?  "
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
    assert _texts(text) == ["Pierwsze zdanie.", "Drugie zdanie!", "Trzecie?"]


def test_polish_abbreviations_do_not_split():
    text = (
        "Spotkanie odbyło się przy ul. Długiej 5 m.in. z udziałem dr. hab. Jana Nowaka, "
        "prof. nadzw. Anny Kowalskiej i ks. Piotra Wiśniewskiego. Fundacja im. św. Brata "
        "Alberta oraz firma Przykład Sp. z o.o. Warszawa wzięły udział w 2019 r. Potem była kawa."
    )
    assert _texts(text) == [
        "Spotkanie odbyło się przy ul. Długiej 5 m.in. z udziałem dr. hab. Jana Nowaka, "
        "prof. nadzw. Anny Kowalskiej i ks. Piotra Wiśniewskiego.",
        "Fundacja im. św. Brata Alberta oraz firma Przykład Sp. z o.o. Warszawa wzięły udział "
        "w 2019 r. Potem była kawa.",
    ]


def test_czech_abbreviations_and_dates():
    text = "Ve středu 3. června podepsal ředitel Mgr. Jan Novák a Ing. Eva Malá smlouvu. Spolek Příklad, z.s. Praha pomáhá."
    assert _texts(text) == [
        "Ve středu 3. června podepsal ředitel Mgr. Jan Novák a Ing. Eva Malá smlouvu.",
        "Spolek Příklad, z.s. Praha pomáhá.",
    ]


def test_dates_and_initials():
    text = "W środę (14.02) przyszedł J. Kowalski. Dnia 12.03.2021 było zebranie. 5. 6. 2020 Nowy rok."
    assert _texts(text)[:2] == ["W środę (14.02) przyszedł J. Kowalski.", "Dnia 12.03.2021 było zebranie."]


def test_paragraphs_and_lines():
    text = "Nagłówek bez kropki\nPierwszy akapit, który\nciągnie się dalej.\n\nDrugi akapit"
    assert _texts(text) == ["Nagłówek bez kropki", "Pierwszy akapit, który\nciągnie się dalej.", "Drugi akapit"]


def test_quotes_close_the_sentence():
    text = "Powiedział: „To koniec.” Następnie wyszedł."
    assert _texts(text) == ["Powiedział: „To koniec.”", "Następnie wyszedł."]


def test_sentence_at():
    text = "Raz. Dwa. Trzy."
    sents = split_sentences(text)
    assert sentence_at(sents, text.index("Dwa")).text == "Dwa."
    assert sentence_at(sents, 4) is None or sentence_at(sents, 4).text in ("Raz.", "Dwa.")
