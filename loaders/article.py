"""Bytes of one article file -> `model.Article`: decoded, cleaned, titled, dated.

Steps, each with its own failure that names the file and says what to do:

1. size limit (`SourceTooLargeError`, raise it with `--max-size`), empty file
   (`EmptySourceError`), binary content: NUL bytes, PDF, ZIP/Office, images
   (`UnsupportedSourceError`);
2. decoding: UTF-8 (with or without BOM), UTF-16 with BOM, else the better of cp1250
   and ISO-8859-2 judged by which letters they produce (charset-normalizer as the
   last resort); mojibake (UTF-8 once read as cp1252/cp1250: "SpoĹ‚ecznej",
   "SpoÅ‚ecznej") repaired with ftfy. Each of these leaves a warning on the Article;
3. not an article: a log file, a CSV table, text with almost no sentences
   (`NotAnArticleError`);
4. HTML through trafilatura (boilerplate and comments removed, title and date from the
   page's metadata); then, for HTML and plain text alike, a line filter for page
   furniture whose patterns are data (`data/furniture.toml`);
5. title (first headline-like line), publication date (a date line at the top, never
   a portal's page clock), language (py3langid restricted to pl, cs, sk, en).

`Article.text` is the cleaned body, one paragraph per line, paragraphs separated by a
blank line; every offset in the later stages refers to it.

justext was tried as the furniture filter (one paragraph per line): on the
development corpus it dropped real paragraphs and headlines and kept comment bodies,
weather and cookie banners, so the filter here is our own patterns only.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import hashlib
import logging
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import (
    DecodingError,
    EmptySourceError,
    NotAnArticleError,
    SourceNotFoundError,
    SourceTooLargeError,
    UnsupportedSourceError,
)
from ..graph.iris import source_iri_for_path
from ..model import Article
from .sources import format_size, media_type_of, sniff_binary

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # same default as the CLI's --max-size
LANGUAGES = ("pl", "cs", "sk", "en")
EXTRACTED_LANGUAGES = ("pl", "cs")

# ---------------------------------------------------------------------------- reading


def read_article(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, url: str | None = None) -> Article:
    """Read one article file (plain text or HTML) into a cleaned `Article`.

    Raises a `SourceError` subclass naming the file when it cannot be read or is
    not an article; softer problems (a legacy encoding, repaired mojibake, an
    unsupported language) are listed in `Article.warnings`.
    """
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise SourceNotFoundError("is a folder, not an article file", path=name)
        if size > max_bytes:
            raise _too_large(name, size, max_bytes)
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise SourceNotFoundError("no such file", path=name, hint="check the path") from None
    except PermissionError:
        raise SourceNotFoundError("permission denied", path=name, hint="check the file's permissions") from None
    except IsADirectoryError:
        raise SourceNotFoundError("is a folder, not an article file", path=name) from None
    if len(data) > max_bytes:  # grew while we read it
        raise _too_large(name, len(data), max_bytes)
    media_type = "text/html" if p.suffix.lower() in (".html", ".htm", ".xhtml") else None
    return parse_article(data, path=name, url=url, media_type=media_type)


def _too_large(name: str, size: int, max_bytes: int) -> SourceTooLargeError:
    return SourceTooLargeError(
        f"the file is {format_size(size)} ({size} bytes), over the limit of {format_size(max_bytes)} "
        f"({max_bytes} bytes) for one article",
        path=name,
        hint=f"if it really is one article, raise the limit: --max-size {max(size + 1, max_bytes * 2)} "
        "(or max_bytes= in Python)",
    )


def parse_article(data: bytes, *, path: str, url: str | None = None, media_type: str | None = None) -> Article:
    """The bytes of an article -> `Article`; `media_type` None means: decide from content."""
    if not data.strip(b" \t\r\n\x0b\x0c\x00"):
        raise EmptySourceError("the file is empty" if not data else "the file holds only white space",
                               path=path, hint="nothing to load; remove it or fill it")
    binary = sniff_binary(data[:8192])
    if binary:
        raise UnsupportedSourceError(f"this is {binary}", path=path,
                                     hint="socialkg reads articles as plain text (.txt) or HTML")
    text, encoding, warnings = decode(data, path=path)
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(f"repaired mojibake in {repaired} line(s) (UTF-8 text that had once been read as "
                        "cp1252/cp1250, e.g. 'SpoÅ‚ecznej'); check names in the result")
    _reject_binary_text(text, path)
    if media_type is None:
        media_type = media_type_of(Path(path), data[:8192]) or "text/plain"
        if media_type != "text/html":
            media_type = "text/plain"
    _reject_non_articles(text, path)

    meta_title = meta_date = None
    if media_type == "text/html":
        text, meta_title, meta_date, html_warnings = _html_to_text(text, path=path, url=url)
        warnings.extend(html_warnings)
    if media_type == "text/html" and not text.strip():
        raise NotAnArticleError("no article text found in this HTML page", path=path,
                                hint="is it an article page? save the article itself as .txt if need be")
    cleaned = remove_furniture(text)
    body = cleaned.text
    if not body.strip():
        _reject_no_sentences(text, path)  # a word list says so; a page of pure furniture falls through
        raise EmptySourceError("nothing is left once page furniture (menus, banners, comments) is removed",
                               path=path, hint="is this an article page?")
    _reject_no_sentences(body, path)
    if cleaned.lost_characters:
        warnings.append("some characters were lost in an earlier conversion (shown as '?'); names may be damaged")

    title = find_title(body) or meta_title
    published = meta_date or find_marked_date(text) or find_published(body) or find_header_date(text, body)
    lang = detect_language(body)
    if lang not in EXTRACTED_LANGUAGES:
        warnings.append(f"language detected as '{lang}': extraction is built for Polish and Czech "
                        "and may find less")
    source_iri = url or source_iri_for_path(path)
    return Article(
        path=path,
        source_iri=source_iri,
        doc=Path(path).stem if not (url and path == url) else Path(url.rstrip("/")).stem or "page",
        text=body,
        raw_hash="sha256:" + hashlib.sha256(data).hexdigest(),
        title=title,
        published=published,
        lang=lang,
        url=url,
        encoding=encoding,
        media_type=media_type,
        warnings=warnings,
    )


# --------------------------------------------------------------------------- decoding

_PL_ONLY = set("ąćęłńśźżĄĆĘŁŃŚŹŻ")
_CS_SK = set("áčďéěíňřšťúůýžäôľĺŕÁČĎÉĚÍŇŘŠŤÚŮÝŽÄÔĽĹŔ")
_NEUTRAL_LETTERS = set("óÓöüÖÜ")
_TYPOGRAPHY = set("„”“‚‘’–—…«»°§€·•\u00a0")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _letter_score(text: str) -> float:
    """How plausible the non-ASCII characters are for Polish/Czech/Slovak text."""
    score = 0.0
    pl = cs = 0
    for ch in text:
        if ch < "\x80":
            continue
        if ch in _PL_ONLY:
            pl += 1
            score += 1
        elif ch in _CS_SK:
            cs += 1
            score += 1
        elif ch in _NEUTRAL_LETTERS:
            score += 1
        elif ch in _TYPOGRAPHY:
            score += 0.5
        elif unicodedata.category(ch).startswith("C"):
            score -= 5
        else:
            score -= 2
    # One text rarely mixes Polish-only and Czech-only letters; a wrong code page does.
    return score - 2 * min(pl, cs)


def decode(data: bytes, *, path: str) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding used, warnings). Raises `DecodingError`."""
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
        return text, "utf-8-sig", _replacement_warning(text, warnings)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", warnings
        except UnicodeDecodeError as exc:
            raise DecodingError(f"starts with a UTF-16 mark but is not valid UTF-16 ({exc.reason})", path=path) from exc
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few broken bytes (a truncated or patched file): keep UTF-8.
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ch >= "\x80" and ch != "\ufffd")
    if multibyte >= 20 and bad <= multibyte / 50:
        warnings.append(f"{bad} byte(s) are not valid UTF-8 and were replaced by '\ufffd'")
        return lenient, "utf-8", warnings

    declared = _HTML_CHARSET.search(data[:4096])
    candidates = ["cp1250", "iso-8859-2"]
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        try:
            name = codecs.lookup(name).name
            if name not in ("utf-8",) and name not in candidates:
                candidates.insert(0, name)
        except LookupError:
            pass
    declared_name = None
    if declared:
        try:
            declared_name = codecs.lookup(declared.group(1).decode("ascii", "ignore")).name
        except LookupError:
            declared_name = None
    decoded: dict[str, str] = {}
    for enc in candidates:
        try:
            decoded[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if decoded:
        best = max(decoded, key=lambda e: _letter_score(decoded[e]))
        if _letter_score(decoded[best]) >= 0:
            why = "as the page declares" if best == declared_name else "an older Central European encoding"
            warnings.append(f"not UTF-8: decoded as {best} ({why}); "
                            "convert the file to UTF-8 to be sure of the letters")
            return decoded[best], best, warnings
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is not None and guess.encoding:
        warnings.append(f"not UTF-8: encoding guessed as {guess.encoding}; convert the file to UTF-8 "
                        "to be sure of the letters")
        return str(guess), guess.encoding, warnings
    raise DecodingError("cannot decode the text (not UTF-8, cp1250 or ISO-8859-2)", path=path,
                        hint="convert it to UTF-8, e.g. `iconv -f <encoding> -t utf-8`")


def _replacement_warning(text: str, warnings: list[str]) -> list[str]:
    if "\ufffd" in text:
        warnings.append(f"{text.count(chr(0xFFFD))} byte(s) are not valid UTF-8 and were replaced by '\ufffd'")
    return warnings


# Characters that UTF-8 lead bytes become when read as cp1252 / latin-1 / cp1250 / iso-8859-2.
_MOJIBAKE_HINT = re.compile(r"[ÃÅÄĹĂÂÄâ][\x80-\u02ff\u2000-\u206f]")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8-read-as-cp1252/cp1250 damage line by line (ftfy); -> (text, lines fixed)."""
    if not _MOJIBAKE_HINT.search(text):
        return text, 0
    import ftfy

    fixed_lines = 0
    out = []
    for line in text.split("\n"):
        if _MOJIBAKE_HINT.search(line):
            repaired = ftfy.fix_encoding(line)
            if repaired != line:
                fixed_lines += 1
                line = repaired
        out.append(line)
    return "\n".join(out), fixed_lines


def _reject_binary_text(text: str, path: str) -> None:
    sample = text[:20000]
    if not sample:
        return
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\x1b")
    if controls / len(sample) > 0.01:
        raise UnsupportedSourceError(
            f"this looks like a binary file ({controls} control characters in {len(sample)})",
            path=path, hint="socialkg reads articles as plain text (.txt) or HTML")


# ----------------------------------------------------------------------- not an article

_LOG_LINE = re.compile(
    r"""^\s*(?:
        \[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}          # 2024-04-19 22:22 / [2024-04-19T22:22
      | \[?\d{1,2}[/.]\d{1,2}[/.]\d{4}[ T:]\d{2}:\d{2}
      | [A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}  # syslog: Apr 19 22:22:01
      | \d{2}:\d{2}:\d{2}(?:[.,]\d+)?\s
      | \[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL)\]?[\s:]
      | \d{1,3}(?:\.\d{1,3}){3}\s-\s              # access log: 10.0.0.1 - -
    )""",
    re.VERBOSE,
)
# A sentence end after a word of two letters or more. Lookbehind, not `[^\W\d_]{2,}`: that
# form backtracks quadratically on a long run of letters (a pasted blob).
_SENTENCE_END = re.compile(r"(?<=[^\W\d_][^\W\d_])[\"'”“»)]?[.!?…](?=\s|$|[\"'”“»])")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _reject_non_articles(text: str, path: str) -> None:
    lines = [ln for ln in text.splitlines() if ln.strip()][:400]
    if len(lines) >= 5:
        logged = sum(1 for ln in lines if _LOG_LINE.match(ln))
        if logged >= 0.6 * len(lines):
            raise NotAnArticleError(
                f"this looks like a log file ({logged} of {len(lines)} lines start with a time stamp "
                "or a log level), not an article", path=path, hint="load article texts or HTML pages")
    if len(lines) >= 4:
        for delim, label in ((";", "';'"), ("\t", "tab"), (",", "','"), ("|", "'|'")):
            counts = Counter(ln.count(delim) for ln in lines)
            common, n = counts.most_common(1)[0]
            if common < 1 or n < 0.8 * len(lines):
                continue
            # Prose can have a steady comma count; tables have short fields and no sentences.
            fields = [f.strip() for ln in lines for f in next(csv.reader([ln], delimiter=delim))]
            short = sorted(len(f) for f in fields)[len(fields) // 2] <= 40
            sentences = sum(1 for ln in lines if ln.rstrip().endswith((".", "!", "?")))
            if short and sentences < len(lines) / 2:
                raise NotAnArticleError(
                    f"this looks like a table (CSV/spreadsheet export): {n} of {len(lines)} lines have "
                    f"{common + 1} {label}-separated fields", path=path, hint="load article texts or HTML pages")


def _reject_no_sentences(body: str, path: str) -> None:
    sentences = len(_SENTENCE_END.findall(body))
    words = len(_WORD.findall(body))
    lines = [ln for ln in body.splitlines() if ln.strip()]
    few = sentences == 0 or (sentences < 2 and words < 40) or words < 10
    listy = len(lines) >= 20 and words / len(lines) < 4 and sentences < len(lines) / 5
    if few or listy:
        raise NotAnArticleError(
            f"this has almost no sentences ({sentences} sentence(s), {words} words, {len(lines)} lines "
            "after removing page furniture), so it is not read as an article",
            path=path, hint="socialkg reads news articles and press releases")


# ------------------------------------------------------------------------------ HTML


def _html_to_text(html: str, *, path: str, url: str | None) -> tuple[str, str | None, str | None, list[str]]:
    """HTML -> (body text with the headline first, meta title, meta date, warnings)."""
    import trafilatura

    warnings: list[str] = []
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura on broken markup: fall back, never crash
        log.debug("%s: trafilatura failed: %s", path, exc)
    text = title = date = None
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
        text, title, date = get("text"), get("title"), get("date")
    if not text or len(text.split()) < 15:
        fallback = _html_fallback_text(html)
        if fallback and len(fallback.split()) > len((text or "").split()):
            warnings.append("the page's main text could not be isolated; read all of its visible text")
            text = fallback
    title = _clean_html_title(title)
    text = text or ""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if title and _fold(title) not in _fold(first) and _fold(first) not in _fold(title):
        text = f"{title}\n\n{text}"  # headlines name bodies too; keep the title in the text
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date = None
    return text, title, date, warnings


def _html_fallback_text(html: str) -> str:
    try:
        import lxml.html

        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//noscript|//template|//nav|//footer|//header|//aside|//form"):
            bad.drop_tree()
        blocks = []
        for el in root.iter("p", "h1", "h2", "h3", "h4", "li", "div", "td", "blockquote"):
            own = " ".join(t.strip() for t in el.xpath("text()") if t.strip())
            if own:
                blocks.append(own)
        return "\n".join(blocks) if blocks else root.text_content()
    except Exception:  # not even lxml can parse it: strip tags
        stripped = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
        stripped = re.sub(r"(?s)<[^>]*>", "\n", stripped)
        import html as htmllib

        return htmllib.unescape(stripped)


def _clean_html_title(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    # "Headline | Portal" / "Headline - Portal": drop a short site name at the end.
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and len(parts[-1]) < len(" ".join(parts[:-1])):
        title = " - ".join(parts[:-1])
    return title or None


# -------------------------------------------------------------------------- furniture


@functools.cache
def _furniture() -> dict[str, object]:
    raw = tomllib.loads(resources.files("socialkg.loaders").joinpath("data/furniture.toml").read_text("utf-8"))

    def any_of(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    return {
        "comments": any_of(raw["comments"]),
        "related": any_of(raw["related"]),
        "lines": any_of(raw["lines"]),
        "share_words": frozenset(w.lower() for w in raw["share_words"]),
        "date_prefixes": sorted((p.lower() for p in raw["date_prefixes"]), key=len, reverse=True),
        "cookie_words": tuple(w.lower() for w in raw["cookie_words"]),
    }


_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MD_LINK = re.compile(r"!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")  # bounded: near-linear on "[[[[..."
_BULLET = re.compile(r"^[-*•»›·–—▪►■◦●]+\s*")
_MENU_SEP = re.compile(r" {0,5}[|·•»›] {0,5}| {3,}")
_CRUMB_SEP = re.compile(r" {1,5}[>»›/] {1,5}")
_CRUMB_LEAD = re.compile(r"^(jesteś tutaj|jesteś w|znajdujesz się|nacházíte se|jste zde|you are here)\b", re.I)
_LOST = re.compile(r"[^\W\d_]\?[^\W\d_?]|[^\W\d_]\?\?")


@dataclass
class Cleaned:
    """The body after furniture removal, and what was removed (for debugging)."""

    text: str
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, reason)
    lost_characters: bool = False


def _norm_line(line: str) -> str:
    if "](" in line:
        line = _MD_LINK.sub(r"\1 ", line)
    return _BULLET.sub("", line).strip()


def _is_body_paragraph(line: str) -> bool:
    return len(line) >= 100 and bool(_SENTENCE_END.search(line))


def _furniture_reason(line: str, norm: str) -> str | None:
    f = _furniture()
    low = norm.lower()
    if not norm:
        return "links only" if line.strip() else None
    if "](" in line and _MD_LINK.search(line) and _MD_LINK.sub("", line).strip(" -*•|") == "":
        return "links only"
    if f["lines"].fullmatch(norm):
        return "furniture line"
    if _is_clock(norm):
        return "page clock"
    tokens = [t.strip() for t in re.split(r"[|•·/,:;]| {2,}", low) if t.strip()]
    if tokens and all(t in f["share_words"] for t in tokens):
        return "share bar"
    parts = [p for p in _MENU_SEP.split(norm) if p]
    if len(parts) >= 3 and all(len(p) <= 40 and len(p.split()) <= 5 for p in parts) and not _SENTENCE_END.search(norm):
        return "menu"
    crumbs = [p for p in _CRUMB_SEP.split(norm) if p]
    if _CRUMB_LEAD.match(norm) or (len(crumbs) >= 2 and all(len(p) <= 50 for p in crumbs)):
        return "breadcrumbs"
    if any(w in low for w in f["cookie_words"]) and (
        len(norm) < 400 or re.search(r"akceptuj|zgod|zamknij|souhlas|rozum|přijmout|\bok\b", low)
    ):
        return "cookie banner"
    if len(_LOST.findall(norm)) >= 2 and len(norm) < 100:
        return "damaged characters"
    return None


def remove_furniture(text: str) -> Cleaned:
    """Drop page furniture line by line; cut at readers' comments. See data/furniture.toml."""
    f = _furniture()
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    result = Cleaned(text="")
    kept: list[tuple[str, bool]] = []  # (line, is header-type furniture marker)
    header_marks: list[int] = []  # indexes in `kept` order where header furniture stood
    in_related = False
    seen_body = False
    seen_sentence = False  # a comments heading above any sentence is a menu item, not a cut
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        line = _INVISIBLE.sub("", _SPACES.sub(" ", raw)).strip()
        if not line:
            continue
        norm = _norm_line(line)
        if f["comments"].fullmatch(norm) and seen_sentence:
            result.removed.extend((ln, "comments") for ln in lines[i:] if ln.strip())
            break
        if f["related"].fullmatch(norm):
            in_related = True
            result.removed.append((line, "related news"))
            continue
        if in_related:
            bulleted = bool(_BULLET.match(line)) or ("](" in line and bool(_MD_LINK.search(line)))
            if bulleted or (len(norm) <= 150 and not re.search(r"[.!?…:]$", norm)):
                result.removed.append((line, "related news"))
                continue
            in_related = False
        reason = _furniture_reason(line, norm)
        if reason:
            result.removed.append((line, reason))
            if not seen_body and reason in ("menu", "breadcrumbs", "cookie banner", "page clock", "furniture line"):
                header_marks.append(len(kept))
            continue
        if _LOST.search(norm) and len(_LOST.findall(norm)) >= 2:
            result.lost_characters = True
        if _is_body_paragraph(norm):
            seen_body = True
        if _SENTENCE_END.search(norm):
            seen_sentence = True
        kept.append((line, seen_body))

    # Above the site's menu / breadcrumbs / cookie banner there is only the site's name and
    # the like: drop short lines there, but keep date lines.
    if header_marks:
        cut = max(header_marks)
        head, tail = kept[:cut], kept[cut:]
        keep_head = []
        for line, _ in head:
            if len(line) < 100 and not _date_line(line):
                result.removed.append((line, "site header"))
            else:
                keep_head.append((line, _))
        kept = keep_head + tail
    # Single words above the first paragraph are section labels ("Aktualności").
    final: list[str] = []
    for line, after_body in kept:
        if not after_body and " " not in line.strip() and not _date_line(line) and len(line) < 40:
            result.removed.append((line, "section label"))
            continue
        final.append(line)
    result.text = "\n\n".join(final)
    return result


# ------------------------------------------------------------------------ title, date

_MONTHS = {
    # Polish genitive and nominative
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7,
    "sierpnia": 8, "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
    "styczeń": 1, "luty": 2, "marzec": 3, "kwiecień": 4, "maj": 5, "czerwiec": 6, "lipiec": 7,
    "sierpień": 8, "wrzesień": 9, "październik": 10, "listopad": 11, "grudzień": 12,
    # Czech genitive and nominative
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6, "července": 7,
    "srpna": 8, "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
    "leden": 1, "únor": 2, "březen": 3, "duben": 4, "květen": 5, "červen": 6, "červenec": 7,
    "srpen": 8, "říjen": 10, "prosinec": 12,
    # Slovak and English, for completeness
    "januára": 1, "februára": 2, "apríla": 4, "mája": 5, "júna": 6, "júla": 7,
    "augusta": 8, "septembra": 9, "októbra": 10, "novembra": 11, "decembra": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_WEEKDAYS = (
    r"poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|"
    r"pondělí|úterý|středa|čtvrtek|pátek|sobota|neděle|"
    r"pondelok|utorok|streda|štvrtok|piatok|nedeľa|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_DATE = re.compile(
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))"
    r"|(?P<num>(?P<nd>\d{1,2})\.\s?(?P<nm>\d{1,2})\.\s?(?P<ny>\d{4}))"
    r"|(?P<slash>(?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>\d{4}))"
    r"|(?P<named>(?P<wd>\d{1,2})\.?\s+(?P<wm>[^\W\d_]{3,12})\s+(?P<wy>\d{4}))",
    re.IGNORECASE,
)
_TIME = re.compile(r"(?:,?\s*(?:godz\.|o godz\.|v|at)?\s*\d{1,2}:\d{2}(?::\d{2})?)")
_CLOCK = re.compile(rf"^(?:{_WEEKDAYS}),?\s+.*(?:\d{{1,2}}:\d{{2}}|imieniny|svátek|jmeniny|meniny|dziś|dnes)",
                    re.IGNORECASE)
# "Kielce, 22.11.2023", "Prostějov, 16. května 2024": a dateline (one to three capitalised words)
_DATELINE_PLACE = re.compile(r"^(?:[A-ZŁŚŻŹĆÓĄĘŃČŘŠŽÚŮÝÁÍÉĚŤĎŇ][\w-]*\s*){1,3}[,–-]?$")


def _is_clock(line: str) -> bool:
    """"piątek, 19 kwietnia 2024 22:22": the portal's clock, not the article's date."""
    return len(line) <= 60 and bool(_CLOCK.match(line)) and bool(_DATE.search(line))


def _parse_date(m: re.Match[str]) -> str | None:
    if m.group("iso"):
        y, mo, d = m.group("iy"), m.group("im"), m.group("id")
    elif m.group("num"):
        y, mo, d = m.group("ny"), m.group("nm"), m.group("nd")
    elif m.group("slash"):
        y, mo, d = m.group("sy"), m.group("sm"), m.group("sd")
    else:
        month = _MONTHS.get(m.group("wm").lower())
        if month is None:
            return None
        y, mo, d = m.group("wy"), str(month), m.group("wd")
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def _date_line(line: str) -> str | None:
    """The ISO date if this whole line is a publication date line, else None."""
    if len(line) > 120 or _is_clock(line):
        return None
    m = _DATE.search(line)
    if not m:
        return None
    iso = _parse_date(m)
    if not iso:
        return None
    rest = (line[: m.start()] + " " + _TIME.sub(" ", line[m.end():], count=1)).strip()
    rest = re.sub(r"\br\.?$|\broku?\b", "", rest).strip(" ,.;:|/-–()")
    if len(rest) <= 3:
        return iso
    if m.start() > 0 and _DATELINE_PLACE.match(line[: m.start()].strip()) and len(line[m.end():].strip(" r.")) <= 3:
        return iso
    low = rest.lower()
    for prefix in _furniture()["date_prefixes"]:
        if low.startswith(prefix):
            return iso
    # "Autor Name | 12.03.2020" style bylines; "23. 9. 2024 | Author | Kategorie: ..." when it opens the line
    if "|" in line and (len(rest) <= 60 or (m.start() == 0 and len(rest) <= 120)):
        return iso
    return None


def find_marked_date(text: str) -> str | None:
    """A date that the page labels as the publication date ("Publikováno 28. 11. 2024 | 11:20",
    "Opublikowano: 08.01.2024, 13:40 | Redakcja") near the top of the raw page, furniture
    included: the label says what the date is, so a portal clock or a weather header above it
    does not count, and the line may sit among menus the furniture filter drops."""
    prefixes = tuple(_furniture()["date_prefixes"])
    for line in text.split("\n")[:80]:
        line = line.strip()
        if line.lower().startswith(prefixes) and not _is_clock(line):
            iso = _date_line(line)
            if iso:
                return iso
    return None


def find_header_date(raw: str, body: str) -> str | None:
    """A date line in the page header above the article's first paragraph ("14. 11. 2024 | 16:42 |
    Autor", "Tisková zpráva | 8. listopadu 2024", "Most – 20. února 2024"), once the portal's clock
    and lines that are not only a date are set aside; dates below the article (comments, lists of
    other news) are never looked at."""
    first = next((ln.strip() for ln in body.split("\n") if _is_body_paragraph(ln)), "")
    cut = raw.find(first[:40]) if first else -1
    head = raw[:cut] if cut > 0 else "\n".join(raw.split("\n")[:40])
    for line in head.split("\n"):
        iso = _date_line(line.strip())
        if iso:
            return iso
    return None


def find_published(text: str) -> str | None:
    """The article's own date: a date line above the first paragraph (or right below the title)."""
    for i, line in enumerate(ln for ln in text.split("\n") if ln.strip()):
        if i >= 8:
            break
        iso = _date_line(line.strip())
        if iso:
            return iso
        if _is_body_paragraph(line):
            break
    return None


def find_title(text: str) -> str | None:
    """The first headline-like line: short, several words, no final period."""
    for i, line in enumerate(ln.strip() for ln in text.split("\n") if ln.strip()):
        if i >= 6 or _is_body_paragraph(line) and not _headline_like(line):
            break
        if _date_line(line):
            continue
        if _headline_like(line):
            return line
    return None


def _headline_like(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 30
        and len(line) <= 250
        and not re.search(r"[.:;,]$", line)
        and not line.startswith(("-", "–", "—", "„", '"'))
        and any(c.isupper() for c in line[:3])
    )


# --------------------------------------------------------------------------- language


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def detect_language(text: str) -> str | None:
    """ISO 639-1 code among pl, cs, sk, en (py3langid); None for empty text."""
    if not text.strip():
        return None
    lang, _prob = _identifier().classify(text[:20000])
    return str(lang)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()
