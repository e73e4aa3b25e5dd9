"""Deterministic IRIs from normalised keys.

The same key always gives the same IRI, so the same organisation named in two
sources is one node, and a rebuild from the same sources gives the same graph.
Nothing that must survive a re-load is ever a blank node.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from pyoxigraph import NamedNode

from ..ontology.terms import GRAPH, ID

# Letters that NFKD does not decompose into base + combining mark.
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """`Ośrodek Łódź Kutná` -> `Osrodek Lodz Kutna`."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str, max_len: int = 48) -> str:
    slug = _NON_ALNUM.sub("-", ascii_fold(text).lower()).strip("-")
    return slug[:max_len].rstrip("-") or "x"


def normalise_key(*parts: str | None) -> str:
    """A comparison key: case-folded, NFC, white space and quote marks collapsed."""
    cleaned = []
    for part in parts:
        if part is None:
            cleaned.append("")
            continue
        text = unicodedata.normalize("NFC", part).casefold()
        text = re.sub(r"[\"'„”“«»‚‘’]", "", text)
        text = re.sub(r"\s*[-–—]\s*", "-", text)
        cleaned.append(re.sub(r"\s+", " ", text).strip())
    return "|".join(cleaned)


def digest(text: str, length: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def mint(kind: str, key: str, label: str | None = None) -> NamedNode:
    """`ski:{kind}/{readable-slug}-{hash}`: readable, yet unique for the key."""
    slug = slugify(label if label is not None else key)
    return NamedNode(f"{ID}{kind}/{slug}-{digest(key, 10)}")


def organisation_iri(key: str, name: str | None = None) -> NamedNode:
    """Depends on the key alone: two spellings of one body (same key) are one node.
    The readable slug is made from the key's parts, most specific first."""
    label = " ".join(reversed([p for p in key.split("|") if p])) or (name or key)
    return mint("org", key, label)


def person_iri(name: str) -> NamedNode:
    return mint("person", normalise_key(name), name)


def place_iri(name: str) -> NamedNode:
    return mint("place", normalise_key(name), name)


def event_iri(name: str, date: str | None, place: str | None) -> NamedNode:
    return mint("event", normalise_key(name, date, place), name)


def project_iri(name: str) -> NamedNode:
    return mint("project", normalise_key(name), name)


def fund_iri(name: str) -> NamedNode:
    return mint("fund", normalise_key(name), name)


def role_iri(label: str, lang: str | None) -> NamedNode:
    return mint("role", normalise_key(lang or "und", label), f"{lang or 'und'}-{label}")


def membership_iri(person: NamedNode, org: NamedNode, role: str | None) -> NamedNode:
    return mint("membership", normalise_key(person.value, org.value, role), role or "member")


def tie_iri(kind: str, a: NamedNode, b: NamedNode) -> NamedNode:
    """One node per unordered pair and kind (cooperation / co-participation)."""
    first, second = sorted((a.value, b.value))
    return mint(kind, f"{first}|{second}", kind)


def fact_iri(kind: str, source_iri: str, *parts: object) -> NamedNode:
    """A node that belongs to one source: a mention, an evidence item, a budget."""
    key = "|".join([source_iri, *map(str, parts)])
    return NamedNode(f"{ID}{kind}/{digest(source_iri, 10)}/{digest(key, 16)}")


def source_iri_for_path(path: str | Path) -> str:
    return Path(path).resolve().as_uri()


def graph_iri(source_iri: str) -> NamedNode:
    """The named graph that holds everything one source document says."""
    return NamedNode(f"{GRAPH}{digest(source_iri, 20)}")
