"""The data that flows between stages: sources -> Article -> Extraction -> triples.

`Article` is what a loader reads from a file (body text without page furniture,
title, date, language). `Extraction` is what the NLP stage finds in one article; its
shape follows `GOLD_FORMAT.md` (so `to_gold()` is the `extract --format jsonl` output)
and adds provenance (`Evidence`) to every fact so the graph can say where it came from.

Organisation references inside an Extraction use the organisation's local id
(`o1`, `o2`, ...), exactly as the gold annotations do.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Evidence types for ties between organisations, strongest first. The first four
# are cooperation; co-participation (attending the same event) is a weaker tie that
# is never counted as cooperation.
COOPERATION_BASES = ("project", "agreement", "co-organised", "stated")
CO_PARTICIPATION = "co-participation"

ORG_TYPES = (
    "social-welfare-centre",
    "family-support-centre",
    "social-services-centre",
    "regional-social-policy-centre",
    "local-government",
    "central-government",
    "labour-office",
    "court",
    "police-or-uniformed",
    "school",
    "university",
    "ngo",
    "social-enterprise",
    "care-facility",
    "healthcare",
    "other",
)

EVENT_TYPES = ("forum", "conference", "congress", "meeting", "workshop", "other")


@dataclass
class Article:
    """One source document, read and cleaned."""

    path: str  # file path as given (or URL)
    source_iri: str  # stable identity of the source (file URI or URL)
    doc: str  # short id: the file's stem
    text: str  # body text, page furniture removed; offsets in Evidence refer to it
    raw_hash: str  # sha256 of the file's bytes: a changed file is a new version
    title: str | None = None
    published: str | None = None  # ISO date
    lang: str | None = None  # ISO 639-1 (pl, cs, sk, en)
    url: str | None = None
    encoding: str = "utf-8"  # the encoding the bytes were decoded with
    media_type: str = "text/plain"
    warnings: list[str] = field(default_factory=list)


@dataclass
class Evidence:
    """Where a fact came from inside the article."""

    sentence: str
    start: int  # character offsets of the matched span in Article.text
    end: int
    method: str  # e.g. "pattern:org-acronym", "gazetteer", "rule:coop-wspolpraca"
    confidence: float = 0.8
    quote: str | None = None  # the matched text itself, when narrower than the sentence


@dataclass
class Organisation:
    id: str
    name: str  # canonical: nominative, full form, with its place phrase
    aliases: list[str] = field(default_factory=list)  # every surface form seen
    type: str = "other"  # one of ORG_TYPES
    place: str | None = None  # municipality, nominative
    part_of: str | None = None  # local id of the parent organisation
    acronym: str | None = None
    key: str | None = None  # normalised key for cross-document identity (IRI minting)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Affiliation:
    org: str  # local organisation id
    role: str | None = None  # lowercase nominative post in the article's language
    evidence: Evidence | None = None


@dataclass
class Person:
    id: str
    name: str  # "Given Family", nominative, no titles
    affiliations: list[Affiliation] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    type: str = "other"  # one of EVENT_TYPES
    date: str | None = None
    end_date: str | None = None
    place: str | None = None
    venue: str | None = None
    organisers: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # person ids
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Budget:
    amount: float
    currency: str  # ISO 4217


@dataclass
class Project:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    funding: list[str] = field(default_factory=list)
    budget: Budget | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Cooperation:
    a: str
    b: str
    basis: str  # one of COOPERATION_BASES, or CO_PARTICIPATION
    evidence: str  # the short quote (gold format)
    project: str | None = None  # local project id it runs through
    event: str | None = None  # local event id it runs through
    provenance: Evidence | None = None


@dataclass
class Extraction:
    doc: str
    lang: str | None
    published: str | None
    organisations: list[Organisation] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    cooperations: list[Cooperation] = field(default_factory=list)

    def org(self, local_id: str) -> Organisation | None:
        return next((o for o in self.organisations if o.id == local_id), None)

    def to_gold(self, with_provenance: bool = False) -> dict[str, Any]:
        """The gold-format dict (`GOLD_FORMAT.md`); provenance only on request."""
        data = asdict(self)
        if not with_provenance:
            _strip_provenance(data)
        for coop in data["cooperations"]:
            if not with_provenance:
                coop.pop("project", None)
                coop.pop("event", None)
        return data


_PROVENANCE_KEYS = {"evidence", "provenance", "key", "acronym"}


def _strip_provenance(node: Any) -> None:
    if isinstance(node, dict):
        for k in list(node):
            if k in _PROVENANCE_KEYS and not isinstance(node[k], str):
                del node[k]
            elif k in ("key", "acronym"):
                del node[k]
            else:
                _strip_provenance(node[k])
    elif isinstance(node, list):
        for item in node:
            _strip_provenance(item)
