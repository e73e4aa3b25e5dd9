"""Find source files and say what each one is: an article, an RDF file, or neither.

`discover` expands files and folders (recursively, sorted, hidden files and folders
skipped) into `SourceFile`s. It never raises for a bad path: a path that does not
exist, or a file that socialkg cannot load, comes back as a `SourceFile` carrying a
`SourceError`, so one bad file does not stop a batch.

Two levels of "cannot load":
- `error`: the user asked for it (named the file), or the file claims to be a source
  by its extension but is something else (a PDF renamed `.txt`). Reported as an error.
- `skipped`: a file met while walking a folder that is plainly not a source
  (`README.md`, a gold annotation `.json`, a spreadsheet). Reported only on request.

Classification uses the extension first and then the first bytes of the file.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import SourceError, SourceNotFoundError, UnsupportedSourceError

log = logging.getLogger(__name__)

Kind = Literal["article", "rdf"]

ARTICLE_EXTENSIONS: dict[str, str] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
}

# Media types, so a loader can pick a parser without looking at the extension again.
RDF_EXTENSIONS: dict[str, str] = {
    ".ttl": "text/turtle",
    ".turtle": "text/turtle",
    ".nt": "application/n-triples",
    ".ntriples": "application/n-triples",
    ".nq": "application/n-quads",
    ".nquads": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".json-ld": "application/ld+json",
    ".rdf": "application/rdf+xml",
    ".owl": "application/rdf+xml",
    ".n3": "text/n3",
}

# Extensions that may hold RDF; decided by content (`.json` needs "@context",
# `.xml` needs the RDF namespace).
_SNIFFED_RDF = {".json": "application/ld+json", ".xml": "application/rdf+xml"}

# Well-known files that are not sources, with the advice given when one is named.
_NOT_SOURCES: dict[str, str] = {
    ".pdf": "a PDF document; convert it to text first (e.g. `pdftotext file.pdf`)",
    ".doc": "a Word document; save it as plain text (.txt) or HTML first",
    ".docx": "a Word document; save it as plain text (.txt) or HTML first",
    ".odt": "an OpenDocument text; save it as plain text (.txt) or HTML first",
    ".rtf": "an RTF document; save it as plain text (.txt) first",
    ".xls": "a spreadsheet, not an article",
    ".xlsx": "a spreadsheet, not an article",
    ".ods": "a spreadsheet, not an article",
    ".csv": "a CSV table, not an article",
    ".tsv": "a tab-separated table, not an article",
    ".zip": "a ZIP archive; unpack it and load the folder",
    ".gz": "a compressed file; decompress it first",
    ".bz2": "a compressed file; decompress it first",
    ".xz": "a compressed file; decompress it first",
    ".7z": "an archive; unpack it and load the folder",
    ".rar": "an archive; unpack it and load the folder",
    ".tar": "an archive; unpack it and load the folder",
    ".log": "a log file, not an article",
    ".png": "an image", ".jpg": "an image", ".jpeg": "an image", ".gif": "an image",
    ".webp": "an image", ".svg": "an image", ".mp3": "an audio file", ".mp4": "a video file",
}

# Magic numbers of binary formats people drop into a folder of articles.
_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "a PDF document; convert it to text first (e.g. `pdftotext file.pdf`)"),
    (b"PK\x03\x04", "a ZIP container (ZIP archive, .docx, .xlsx or .odt), not text"),
    (b"PK\x05\x06", "an empty ZIP archive, not text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc / .xls), not text"),
    (b"\x1f\x8b", "a gzip-compressed file; decompress it first"),
    (b"BZh", "a bzip2-compressed file; decompress it first"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!", "a RAR archive; unpack it first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document; save it as plain text (.txt) first"),
]

SNIFF_BYTES = 8192
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class SourceFile:
    """One file found by `discover`; exactly one of `kind` / `error` is set."""

    path: Path
    kind: Kind | None = None
    media_type: str | None = None  # "text/plain", "text/html", "text/turtle", ...
    error: SourceError | None = None
    skipped: bool = False  # met while walking a folder and plainly not a source

    @property
    def ok(self) -> bool:
        return self.kind is not None and self.error is None


def sniff_binary(head: bytes) -> str | None:
    """Why these first bytes are not text (PDF, ZIP, image, NUL bytes ...), or None."""
    for magic, reason in _MAGIC:
        if head.startswith(magic):
            return reason
    if head.startswith(_UTF16_BOMS):
        return None  # UTF-16 text has NUL bytes by design; the article reader decodes it
    if b"\x00" in head:
        return "a binary file (it contains NUL bytes), not text"
    if head:
        # C0 controls other than tab, LF, FF, CR, ESC are rare in any text encoding.
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
        if controls / len(head) > 0.05:
            return f"a binary file ({controls} control bytes in the first {len(head)}), not text"
    return None


def _looks_like_html(text: str) -> bool:
    lower = text[:5000].lower()
    if re.match(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype html|<html|<head|<body)", lower, re.S):
        return True
    return "<html" in lower and "</" in lower


def _sniff_text(head: bytes) -> str:
    return head.decode("utf-8", errors="replace")


def media_type_of(path: Path, head: bytes) -> str | None:
    """The media type the content supports, regardless of the extension."""
    text = _sniff_text(head)
    stripped = text.lstrip("\ufeff \t\r\n")
    lower = stripped[:4000].lower()
    if re.search(r"<rdf:rdf\b|http://www\.w3\.org/1999/02/22-rdf-syntax-ns#", lower) and lower.startswith("<"):
        return "application/rdf+xml"
    if stripped.startswith(("{", "[")) and '"@context"' in stripped[:SNIFF_BYTES]:
        return "application/ld+json"
    if re.match(r"(?:#[^\n]*\n\s*)*(?:@prefix|@base|prefix\s|base\s)", stripped, re.IGNORECASE):
        return "text/turtle"
    if _looks_like_html(stripped):
        return "text/html"
    return None


def inspect_source(path: str | Path, *, named: bool = True) -> SourceFile:
    """Classify one existing file. `named`: the user named it (vs found in a folder)."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except FileNotFoundError:
        return SourceFile(path, error=SourceNotFoundError("no such file", path=str(path)))
    except OSError as exc:
        return SourceFile(path, error=SourceNotFoundError(f"cannot open the file: {exc.strerror}", path=str(path)))

    def reject(reason: str, *, skipped: bool = False) -> SourceFile:
        hint = None if skipped else "socialkg loads articles (.txt .html .htm) and RDF (.ttl .nt .nq .trig .jsonld .rdf .owl)"
        return SourceFile(path, error=UnsupportedSourceError(f"not loaded: this is {reason}", path=str(path), hint=hint),
                          skipped=skipped)

    binary = sniff_binary(head)
    known = suffix in ARTICLE_EXTENSIONS or suffix in RDF_EXTENSIONS
    if binary:
        # A `.txt` that is really a PDF is an error even inside a folder: it claims to be a source.
        return reject(binary, skipped=not named and not known)
    if suffix in _NOT_SOURCES:
        return reject(_NOT_SOURCES[suffix], skipped=not named)
    if suffix in RDF_EXTENSIONS:
        return SourceFile(path, kind="rdf", media_type=RDF_EXTENSIONS[suffix])
    sniffed = media_type_of(path, head)
    if suffix in ARTICLE_EXTENSIONS:
        if sniffed and sniffed != "text/html" and suffix in (".txt", ".text"):
            # An RDF file saved as .txt: load it as what it is.
            return SourceFile(path, kind="rdf", media_type=sniffed)
        media = "text/html" if sniffed == "text/html" else ARTICLE_EXTENSIONS[suffix]
        return SourceFile(path, kind="article", media_type=media)
    if suffix in _SNIFFED_RDF:
        if sniffed in ("application/ld+json", "application/rdf+xml"):
            return SourceFile(path, kind="rdf", media_type=sniffed)
        if sniffed == "text/html":
            return SourceFile(path, kind="article", media_type="text/html")
        what = "JSON without an \"@context\" (not JSON-LD)" if suffix == ".json" else "XML that is not RDF/XML"
        return reject(what, skipped=not named)
    if suffix == "":
        # No extension: trust the content, but only when it is clearly one thing.
        if sniffed == "text/html":
            return SourceFile(path, kind="article", media_type="text/html")
        if sniffed:
            return SourceFile(path, kind="rdf", media_type=sniffed)
        if named:
            return SourceFile(path, kind="article", media_type="text/plain")
    return reject(f"an unsupported file type ('{suffix or 'no extension'}')", skipped=not named)


def classify(path: str | Path) -> Kind | None:
    """"article", "rdf", or None when socialkg cannot load the file (see `inspect_source` for why)."""
    return inspect_source(path).kind


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def discover(paths: Iterable[str | Path]) -> Iterator[SourceFile]:
    """Files and folders (recursively) -> `SourceFile`s, problems included, never raising.

    Order: the paths in the order given; inside a folder, sorted by path. A file
    reached twice (named and inside a named folder) is yielded once.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield SourceFile(path, error=SourceNotFoundError(
                "no such file or folder", path=str(path), hint="check the path and the current folder"))
            continue
        if path.is_dir():
            found = 0
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _hidden(child.relative_to(path)):
                    continue
                resolved = child.resolve()
                if resolved in seen:
                    continue
                seen.add(resolved)
                item = inspect_source(child, named=False)
                found += item.ok
                yield item
            if not found:
                log.info("%s: no loadable files in this folder", path)
            continue
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        yield inspect_source(path, named=True)


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str | int) -> int:
    """`"5MB"`, `"500k"`, `"2 MiB"`, `1048576` -> bytes (binary multiples)."""
    if isinstance(text, int):
        return text
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (examples: 5000000, 500k, 5MB, 1G)")
    number, unit = match.groups()
    unit = (unit or "").lower()
    factor = _UNITS[unit[:1]] if unit and unit != "b" else 1
    return int(float(number) * factor)


def format_size(n: int) -> str:
    """Bytes -> "4.8 MB" (binary multiples, as `parse_size` reads them)."""
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} bytes"
