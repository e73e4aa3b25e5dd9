"""Sentence splitting for Polish and Czech article text.

No sentence model for pl/cs is available offline, so this is a rule splitter that knows
the abbreviations of the field (titles, legal forms, street and date abbreviations) and
keeps character offsets into the original text, which every Evidence needs.

Rules, in order:
- a blank line (paragraph break) always ends a sentence;
- a single line break ends a sentence unless the next line starts in lower case
  (a wrapped line);
- ``.``, ``!``, ``?``, ``…`` followed by white space and an upper-case letter, digit,
  quote, bracket or dash ends a sentence, unless the word before the full stop is a known
  abbreviation, a single capital (an initial) or a 1-2 digit ordinal ("13. května").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offsets into the article text: text[start:end] == self.text
    end: int


# Lower-cased, without the final full stop. Multi-dot abbreviations are listed in their
# dotted form ("m.in", "o.o", "z.s"); the splitter compares the whole token before the dot.
ABBREVIATIONS = frozenset(
    """
    ul al pl os ob nr tel fax godz min max ok ca wg tzw tj np m.in m.st jw ww ds zw pt pn
    tzn cdn itp red oprac fot ryc rys str s ss t poz art ust pkt par lit zob por
    dr hab prof nadzw inż mgr lic lek med hab.inż ks bp abp kard o br im św śp gen płk ppłk
    mjr kpt por ppor sierż asp podinsp insp nadkom kom st mł sp o.o s.c s.a sp.j sp.k
    tys mln mld gr r
    o.p.s z.s z.ú s.r.o a.s v.o.s spol k.s z.ů p.o
    mgr ing bc phdr mudr judr rndr paeddr thdr mvdr csc drsc ph.d phd doc dis
    např tzv atd apod resp č čp čj sv ul nám tř odd p pí sl
    mil tis hod mj aj popř příp vč cca zvl odst písm sb hl arch akad roč v.v.i o.s
    dyr zast przew kier wicedyr sekr mec woj pow gm dn ew nt dot wz przyp wyd bryg dh
    podkom szt sztab nadinsp kpr plut chor ogn sekc nadbryg npor pprap nprap prap šprap rtn svob čet
    rtm nrtm strm nstrm šstrm škpt pplk plk genmjr genpor
    """.split()
)

_PARA_RE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_LINE_RE = re.compile(r"\n")
# candidate boundary: terminal punctuation, optional closing quotes/brackets, white space
_END_RE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)")
_OPENERS = "\"'„“«(["
_DASHES = "-–—"
_TOKEN_BEFORE_RE = re.compile(r"(\S+)$")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with offsets; empty and blank stretches are dropped."""
    sentences: list[Sentence] = []
    for p_start, p_end in _spans(text, _PARA_RE):
        for l_start, l_end in _line_blocks(text, p_start, p_end):
            for s_start, s_end in _split_block(text, l_start, l_end):
                s_start, s_end = _strip(text, s_start, s_end)
                if s_end > s_start:
                    sentences.append(Sentence(text[s_start:s_end], s_start, s_end))
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that contains character `offset`, if any."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return sentences[lo]
    return None


def _spans(text: str, sep: re.Pattern[str], start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    pos = start
    for m in sep.finditer(text, start, end):
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def _line_blocks(text: str, start: int, end: int):
    """Join wrapped lines (next line starts lower case); break at other line ends."""
    block_start = start
    for m in _LINE_RE.finditer(text, start, end):
        nxt = text[m.end() : end].lstrip(" \t")
        if nxt and nxt[0].islower():
            continue
        yield block_start, m.start()
        block_start = m.end()
    yield block_start, end


def _split_block(text: str, start: int, end: int):
    pos = start
    for m in _END_RE.finditer(text, start, end):
        after = m.end()
        if after >= end:
            break
        nxt = text[after]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or nxt in _DASHES):
            continue
        punct = m.group(1)
        if punct == "." and not _is_sentence_end(text, pos, m.start(), nxt):
            continue
        cut = m.start() + len(punct) + len(m.group(2))
        yield pos, cut
        pos = after
    yield pos, end


def _is_sentence_end(text: str, block_start: int, dot: int, nxt: str) -> bool:
    tm = _TOKEN_BEFORE_RE.search(text, block_start, dot)
    if not tm:
        return True
    token = tm.group(1).lstrip(_OPENERS).lower()
    if token in ABBREVIATIONS:
        return False
    # multi-dot abbreviation seen token-wise: "m.in", "Sp. z o.o" -> last dotted part
    if "." in token and (token.rsplit(".", 1)[-1] in ABBREVIATIONS or token in ABBREVIATIONS):
        return False
    if len(token) == 1 and token.isalpha():  # an initial: "J. Kowalski"
        return False
    if token.isdigit() and len(token) <= 2 and not nxt.isupper():
        return False  # ordinal or day: "13. května", "20. 5. 2015"
    if re.fullmatch(r"[ivxlcdm]+", token) and nxt.isdigit():
        return False
    return True


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
