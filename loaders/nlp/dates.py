"""Dates in Polish and Czech article text: find the spans, then parse them.

dateparser's `search_dates` cannot find pl/cs date spans, and once a span is found
the parse is a table look-up (day, month name or number, optional year), so spans are
found and parsed here with month tables; that keeps the stage deterministic and fast
(dateparser costs milliseconds a call). What needs thought is the year: a date without
one takes the year the article implies:

- the published date (the candidate year, or the one before/after, nearest to it);
- else a year the text implies ("ubiegłego, 2022 roku" -> 2023, other years named);
  with a weekday ("w czwartek, 2 lutego") only a year where that day is that weekday;
- else none (`date` is None).

A weekday alone ("piątkowej konferencji", "w piątek") is resolved against the published
date: the latest such day on or before it (news reports what has happened).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS_PL = {
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12,
}
MONTHS_CS = {
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6,
    "července": 7, "srpna": 8, "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
}
ROMAN_MONTHS = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
    "x": 10, "xi": 11, "xii": 12,
}
# weekday stems (Monday = 0): nominative/accusative/locative and the adjectives
# ("piątkowej", "czwartkowe") all start with these.
WEEKDAYS_PL = {
    "poniedział": 0, "wtor": 1, "wtorek": 1, "środ": 2, "czwart": 3, "czwartek": 3,
    "piąt": 4, "sobot": 5, "niedziel": 6,
}
WEEKDAYS_CS = {
    "pondělí": 0, "úterý": 1, "středu": 2, "středa": 2, "čtvrtek": 3, "pátek": 4,
    "sobotu": 5, "sobota": 5, "neděli": 6, "neděle": 6,
}

_ALL_MONTHS = {**MONTHS_PL, **MONTHS_CS}
_MONTH_ALT = "|".join(sorted(_ALL_MONTHS, key=len, reverse=True))
_ROMAN_ALT = "XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?:\s*(?:r\.|roku|rok|r\b))?"
_SEP_RANGE = r"\s*(?:i|a|-|–|—|do|až)\s*"

_WEEKDAY_WORD = (
    r"(?:poniedziałek|poniedziałku|wtorek|wtorku|środa|środę|środy|czwartek|czwartku|"
    r"piątek|piątku|sobota|sobotę|soboty|niedziela|niedzielę|niedzieli|"
    r"pondělí|úterý|středa|středu|čtvrtek|pátek|sobota|sobotu|neděle|neděli)"
)
_WEEKDAY_PREFIX = rf"(?:(?P<wd>{_WEEKDAY_WORD})\s*,?\s*)?"

# "17 i 18 października 2019 roku", "12 września 2018 r.", "28. května", "30 września - 2 października"
_TEXT_DATE = re.compile(
    rf"(?<![\w.]){_WEEKDAY_PREFIX}"
    rf"(?:(?P<d1>\d{{1,2}})\.?(?:\s*(?P<m1>{_MONTH_ALT}))?{_SEP_RANGE})?"
    rf"(?P<d>\d{{1,2}})\.?\s*(?P<m>{_MONTH_ALT}|{_ROMAN_ALT})(?!\w)"
    rf"(?:\s*,?\s*{_YEAR})?",
    re.IGNORECASE,
)
# "13.5.2015", "20. 5. 2015", "18.01.2023", "2017-12-05"
_NUM_DATE = re.compile(
    rf"(?<![\w.,]){_WEEKDAY_PREFIX}(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>(?:19|20)\d\d)(?![\d])"
    r"|(?<![\w.])(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)",
    re.IGNORECASE,
)
# "(18.01)", "środę 18.01": day.month without a year, only where it cannot be a number
_SHORT_DATE = re.compile(
    rf"(?<![\w.]){_WEEKDAY_PREFIX}\((?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.?\)"
    rf"|(?<![\w.])(?P<wd2>{_WEEKDAY_WORD})\s*,?\s*(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.?(?![\d.])",
    re.IGNORECASE,
)
# a weekday on its own, as noun after a preposition or as adjective: "w piątek", "piątkowej"
_WEEKDAY_REF = re.compile(
    r"(?<!\w)(?:(?:w|we|ve|v)\s+(?P<n>poniedziałek|wtorek|środę|czwartek|piątek|sobotę|niedzielę|"
    r"pondělí|úterý|středu|čtvrtek|pátek|sobotu|neděli)"
    r"|(?P<a>poniedziałkow|wtorkow|środow(?!isk)|czwartkow|piątkow|sobotni|niedzielne|páteční|čtvrteční|"
    r"středeční|úterní|pondělní|sobotní|nedělní)\w*)(?!\w)",
    re.IGNORECASE,
)
_ADJ_WEEKDAY = {
    "poniedziałkow": 0, "wtorkow": 1, "środow": 2, "czwartkow": 3, "piątkow": 4,
    "sobotni": 5, "niedzielne": 6, "pondělní": 0, "úterní": 1, "středeční": 2,
    "čtvrteční": 3, "páteční": 4, "sobotní": 5, "nedělní": 6,
}
# years the text implies: "ubiegłego, 2022 roku" is the year before the article's
_PREV_YEAR = re.compile(
    r"(?<!\w)(?:ubiegł\w*|zeszł\w*|minion\w*|poprzedni\w*|loňsk\w*|minul\w*)\s*,?\s*(?P<y>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
_CUR_YEAR = re.compile(
    r"(?<!\w)(?:bieżąc\w*|obecn\w*|tegoroczn\w*|letošní\w*|tento|tego|letos\w*)\s*,?\s*(?P<y>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

# Cheap anchors: each full pattern above starts with optional words (a weekday), so re tries it at
# every position; these start with a digit (or are plain words), so scanning for them is fast and
# the full pattern runs only in a window around each anchor.
_NUM_ANCHOR = re.compile(r"\d\.\s?\d{1,2}\.\s?(?:19|20)\d\d|\d{4}-\d\d-\d\d")
_TEXT_ANCHOR = re.compile(rf"\d\.?\s*(?:{_MONTH_ALT}|{_ROMAN_ALT})(?!\w)", re.IGNORECASE)
_SHORT_ANCHOR = re.compile(r"\d\.\d")
_WEEKDAY_STEMS = ("poniedział", "wtor", "środ", "czwart", "piąt", "sobot", "niedziel", "pondělí", "úterý",
                  "úterní", "střed", "čtvrt", "pátek", "páteční", "neděl")
_WINDOW_BEFORE, _WINDOW_AFTER = 48, 40


def _windowed(rx: re.Pattern[str], anchor: re.Pattern[str], text: str):
    """`rx.finditer(text)` restricted to windows around `anchor` hits (same matches, less work)."""
    spans: list[list[int]] = []
    for a in anchor.finditer(text):
        lo, hi = max(0, a.start() - _WINDOW_BEFORE), min(len(text), a.end() + _WINDOW_AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    last = -1
    for lo, hi in spans:
        for m in rx.finditer(text, lo, hi):
            if m.start() >= last:  # windows are disjoint; never yield one match twice
                last = m.end()
                yield m


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets in the text the mention was found in
    end: int
    surface: str
    date: str | None  # ISO start date, None when the year cannot be known
    end_date: str | None = None  # for ranges ("17 i 18 października")
    year_given: bool = True
    weekday_only: bool = False  # "w piątek": resolved against the published date


def weekday_of(word: str) -> int | None:
    w = word.lower()
    if w in WEEKDAYS_CS:
        return WEEKDAYS_CS[w]
    for stem, n in WEEKDAYS_PL.items():
        if w.startswith(stem):
            return n
    return None


def implied_years(text: str, published: str | None) -> list[int]:
    """Years the article implies for dates that leave the year out, best first."""
    if published:
        try:
            return [int(published[:4])]
        except ValueError:
            pass
    years: list[int] = []
    # look behind each year named (few) rather than scan the text for the qualifying words
    for m in _ANY_YEAR.finditer(text):
        before = text[max(0, m.start() - 30):m.end()]
        if _PREV_YEAR.search(before):
            years.append(int(m.group(0)) + 1)
        elif _CUR_YEAR.search(before):
            years.append(int(m.group(0)))
    return list(dict.fromkeys(years))


def find_dates(text: str, published: str | None = None, *, base: int = 0) -> list[DateMention]:
    """Date mentions in `text`, parsed; `base` is added to the offsets."""
    return list(_find_dates(text, published, base))


@lru_cache(maxsize=16)
def _find_dates(text: str, published: str | None, base: int) -> tuple[DateMention, ...]:
    pub = _iso(published)
    hints = implied_years(text, published)
    mentioned = sorted({int(y) for y in _ANY_YEAR.findall(text)})
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], d: dt.date | None, end: dt.date | None, given: bool, wd_only=False):
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        found.append(
            DateMention(
                s + base, e + base, m.group(0), d.isoformat() if d else None,
                end.isoformat() if end else None, given, wd_only,
            )
        )

    for m in _windowed(_NUM_DATE, _NUM_ANCHOR, text):
        if m.group("iy"):
            d = _mk(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        else:
            d = _mk(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            add(m, d, None, True)
    for m in _windowed(_TEXT_DATE, _TEXT_ANCHOR, text):
        mon_word = m.group("m").lower()
        month = _ALL_MONTHS.get(mon_word) or ROMAN_MONTHS.get(mon_word)
        if month is None or (mon_word in ROMAN_MONTHS and not m.group("y")):
            continue  # a bare Roman numeral is an ordinal ("I Forum"), not a month
        day = int(m.group("d"))
        wd = weekday_of(m.group("wd")) if m.group("wd") else None
        year = int(m.group("y")) if m.group("y") else None
        given = year is not None
        if year is None:
            year = _choose_year(month, day, wd, pub, hints, mentioned)
        start = end = None
        if year is not None:
            if m.group("d1"):
                m1 = _ALL_MONTHS.get((m.group("m1") or "").lower(), month)
                y1 = year - 1 if m1 > month else year
                start = _mk(y1, m1, int(m.group("d1")))
                end = _mk(year, month, day)
                if start and end and start > end:
                    start, end = end, start
            else:
                start = _mk(year, month, day)
        if (start is None and year is not None) or not (1 <= day <= 31):
            continue
        add(m, start, end, given)
    for m in _windowed(_SHORT_DATE, _SHORT_ANCHOR, text):
        d_s, m_s = (m.group("d"), m.group("m")) if m.group("d") else (m.group("d2"), m.group("m2"))
        month, day = int(m_s), int(d_s)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        wd_word = m.group("wd") or m.group("wd2")
        wd = weekday_of(wd_word) if wd_word else None
        year = _choose_year(month, day, wd, pub, hints, mentioned)
        add(m, _mk(year, month, day) if year else None, None, False)
    if pub:
        low = text.lower()
        for m in (_WEEKDAY_REF.finditer(text) if any(w in low for w in _WEEKDAY_STEMS) else ()):
            if m.group("n"):
                wd = weekday_of(m.group("n"))
            else:
                stem = m.group("a").lower()
                wd = next((v for k, v in _ADJ_WEEKDAY.items() if stem.startswith(k)), None)
            if wd is None:
                continue
            d = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
            add(m, d, None, False, wd_only=True)
    found.sort(key=lambda x: x.start)
    return tuple(found)


def _choose_year(month, day, weekday, pub, hints, mentioned) -> int | None:
    if pub:
        cands = [pub.year - 1, pub.year, pub.year + 1]
        if weekday is not None:
            ok = [y for y in cands if (d := _mk(y, month, day)) and d.weekday() == weekday]
            if ok:
                return min(ok, key=lambda y: abs((_mk(y, month, day) - pub).days))
        best = min(
            (y for y in cands if _mk(y, month, day)),
            key=lambda y: abs((_mk(y, month, day) - pub).days),
            default=None,
        )
        return best
    if weekday is not None:
        pool = list(hints) + [y for x in mentioned for y in (x, x + 1)]
        ok = [y for y in dict.fromkeys(pool) if (d := _mk(y, month, day)) and d.weekday() == weekday]
        if hints and ok and ok[0] in hints:
            return ok[0]
        return ok[0] if len(ok) == 1 else None
    return hints[0] if hints else None


def _mk(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _iso(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None
