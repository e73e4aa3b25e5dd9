"""The partnership network: organisations as nodes, cooperation as edges (networkx).

Input: a `Store` (the union of all per-source graphs). Output: an undirected
`networkx.Graph` whose nodes are organisation IRIs and whose edges carry the
evidence behind each tie. Three SPARQL queries build it, whatever its size:

1. organisations, one row per (organisation, source) with label, type, acronym, place;
2. tie evidence, one row per evidence item with its parties, type, quote, source,
   date, project and event (evidence-type and date filters are pushed into SPARQL);
3. names of the sources, projects and events those rows point at.

Everything else (canonical names, counting independent sources, the strongest
evidence type, filters on organisations, the neighbourhood of one organisation)
is done in Python over those rows, which is cheaper than asking SPARQL to group
by pair and keeps the number of round trips fixed.

Node attributes: ``name`` (most frequent prefLabel), ``label`` (short form),
``type`` (org-type slug), ``place``, ``acronym``, ``sources`` (distinct source
documents that mention it), ``degree`` (partners in this network), ``centrality``
(degree or betweenness, see `build_network`).

Edge attributes: ``kind`` (``cooperation`` or ``co-participation``), ``sources``
(distinct source documents), ``evidence_type`` (strongest: project > agreement >
co-organised > stated; ``co-participation`` for co-participation edges) and
``evidence`` (a list of dicts: quote, type, source, source_title, source_date,
project, event).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import networkx as nx

from ..errors import QueryError
from ..model import CO_PARTICIPATION, COOPERATION_BASES, ORG_TYPES
from ..ontology.terms import EVIDENCE_TYPE_SCHEME, ORG_TYPE_SCHEME, slug_of, sparql_prefixes
from .iris import ascii_fold
from .store import Store

log = logging.getLogger(__name__)

COOPERATION = "cooperation"
EVIDENCE_ORDER = (*COOPERATION_BASES, CO_PARTICIPATION)  # strongest first
FORMATS = ("graphml", "gexf", "json", "csv")
CENTRALITIES = ("degree", "betweenness")

# Exact betweenness is O(nodes x edges); above this many nodes it is estimated
# from a seeded sample of pivots (networkx `k=`), which keeps the ranking stable.
EXACT_BETWEENNESS_MAX_NODES = 1000
BETWEENNESS_SAMPLE = 300


class AmbiguousOrganisationError(QueryError):
    """A name given with --around matches several organisations."""

    code = "SKG440"

    def __init__(self, name: str, candidates: Sequence[Candidate]) -> None:
        self.candidates = list(candidates)
        listed = "; ".join(c.describe() for c in self.candidates[:12])
        more = f"; and {len(self.candidates) - 12} more" if len(self.candidates) > 12 else ""
        super().__init__(
            f"{name!r} matches {len(self.candidates)} organisations: {listed}{more}",
            hint="give more of the name, its acronym with the place, or the organisation's IRI",
        )


class UnknownOrganisationError(QueryError):
    """A name given with --around matches no organisation in the store."""

    code = "SKG450"

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.suggestions = list(suggestions)
        hint = ("closest names: " + "; ".join(self.suggestions)) if self.suggestions else (
            "check the spelling, or list organisations with `socialkg query`"
        )
        super().__init__(f"no organisation in the store matches {name!r}", hint=hint)


# --------------------------------------------------------------------------- build


def build_network(
    store: Store,
    *,
    types: Iterable[str] | None = None,
    places: Iterable[str] | None = None,
    evidence: Iterable[str] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    min_sources: int = 1,
    with_coparticipation: bool = False,
    around: str | None = None,
    depth: int = 1,
    centrality: str = "degree",
    seed: int = 42,
) -> nx.Graph:
    """The organisation network the store describes, filtered.

    - ``types`` / ``places``: keep organisations of these types (slugs) / in these
      places (compared case- and diacritic-folded); the ``around`` organisation is
      always kept, so ``--around X --type ngo`` shows X and its NGO partners.
    - ``evidence``: keep only evidence items of these types; ``since`` / ``until``:
      only evidence from sources dated in that range (inclusive; undated sources
      drop out), and only organisations mentioned by a source in that range.
    - ``min_sources``: keep edges backed by at least this many distinct sources.
    - With an evidence or min-sources filter, organisations left without any edge
      are dropped (they would only be noise); otherwise isolated ones stay.
    - ``around`` + ``depth``: the neighbourhood of one organisation (see
      `resolve_organisation`); raises `AmbiguousOrganisationError` or
      `UnknownOrganisationError`.
    - ``centrality``: what the ``centrality`` node attribute holds.
    """
    type_set = _check_choice("organisation type", types, ORG_TYPES)
    evidence_set = _check_choice("evidence type", evidence, EVIDENCE_ORDER)
    if evidence_set and CO_PARTICIPATION in evidence_set:
        with_coparticipation = True
    if centrality not in CENTRALITIES:
        raise QueryError(f"unknown centrality {centrality!r}", hint="use one of: " + ", ".join(CENTRALITIES))
    if min_sources < 1 or depth < 0:
        raise QueryError("--min-sources must be at least 1 and --depth at least 0")
    since_d, until_d = _date_arg("since", since), _date_arg("until", until)
    place_set = {_fold(p) for p in places} if places else None

    centre = resolve_one(store, around).iri if around else None
    names, graph_source = _read_names(store)
    orgs = _read_organisations(store, graph_source, names, since_d, until_d)
    ties = _read_ties(store, evidence_set, since_d, until_d, with_coparticipation, names)

    G = nx.Graph()
    for iri, info in orgs.items():
        if iri != centre:
            if type_set and info["type"] not in type_set:
                continue
            if place_set is not None and _fold(info["place"] or "") not in place_set:
                continue
        G.add_node(iri, **info)

    for (a, b), tie in ties.items():
        if a not in G or b not in G:
            continue
        items = sorted(tie["evidence"], key=lambda e: (EVIDENCE_ORDER.index(e["type"]), e["source_date"] or ""))
        n_sources = len({e["source"] for e in items})
        if n_sources < min_sources:
            continue
        G.add_edge(a, b, kind=tie["kind"], sources=n_sources, evidence_type=items[0]["type"], evidence=items)

    if evidence_set or min_sources > 1:
        G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0 and n != centre])
    if centre is not None:
        G = nx.ego_graph(G, centre, radius=depth).copy()

    for n in G:
        G.nodes[n]["degree"] = G.degree(n)
    values = compute_centrality(G, centrality, seed=seed)
    nx.set_node_attributes(G, values, "centrality")
    if centrality == "betweenness":
        nx.set_node_attributes(G, values, "betweenness")

    all_sources = {e["source"] for _, _, d in G.edges(data=True) for e in d["evidence"]}
    all_sources.update(s for n in G for s in orgs[n]["_sources"])
    for n in G:
        del G.nodes[n]["_sources"]
    G.graph.update(
        query=describe_query(
            types=type_set, places=places, evidence=evidence_set, since=since_d, until=until_d,
            min_sources=min_sources, with_coparticipation=with_coparticipation,
            around=G.nodes[centre]["name"] if centre else None, depth=depth,
        ),
        sources=len(all_sources),
        centrality=centrality,
        around=centre,
        made=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    )
    log.info("network: %d organisations, %d ties, %d sources", G.number_of_nodes(), G.number_of_edges(), len(all_sources))
    return G


def compute_centrality(G: nx.Graph, kind: str = "degree", *, seed: int = 42) -> dict[str, float]:
    """Degree centrality, or betweenness (sampled with a fixed seed on big graphs)."""
    if kind == "degree":
        return nx.degree_centrality(G) if len(G) > 1 else {n: 0.0 for n in G}
    if kind == "betweenness":
        k = None if len(G) <= EXACT_BETWEENNESS_MAX_NODES else BETWEENNESS_SAMPLE
        return nx.betweenness_centrality(G, k=k, seed=seed if k else None)
    raise QueryError(f"unknown centrality {kind!r}", hint="use one of: " + ", ".join(CENTRALITIES))


def describe_query(
    *, types=None, places=None, evidence=None, since=None, until=None, min_sources=1,
    with_coparticipation=False, around=None, depth=1,
) -> str:
    """The filters in words, for the page header and the CLI summary."""
    parts = []
    if around:
        parts.append(f"around {around} (depth {depth})")
    if types:
        parts.append("types: " + ", ".join(sorted(types)))
    if places:
        parts.append("places: " + ", ".join(places))
    if evidence:
        parts.append("evidence: " + ", ".join(e for e in EVIDENCE_ORDER if e in evidence))
    if since or until:
        parts.append(f"sources dated {since or '…'} to {until or '…'}")
    if min_sources > 1:
        parts.append(f"at least {min_sources} sources per tie")
    parts.append("with co-participation" if with_coparticipation else "cooperation only")
    return "; ".join(parts) if len(parts) > 1 else "all organisations; " + parts[0]


def _check_choice(what: str, values: Iterable[str] | None, allowed: Sequence[str]) -> set[str] | None:
    if not values:
        return None
    chosen = set(values)
    unknown = sorted(chosen - set(allowed))
    if unknown:
        raise QueryError(f"unknown {what}: {', '.join(unknown)}", hint="use one of: " + ", ".join(allowed))
    return chosen


def _date_arg(name: str, value: str | dt.date | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise QueryError(f"--{name} {value!r} is not a date", hint="write it as YYYY-MM-DD") from None


def _fold(text: str) -> str:
    return ascii_fold(text).casefold().strip()


def _value(term: Any) -> str | None:
    return None if term is None else term.value


# SPARQL. Measured on 2,000 organisations / 10,000 cooperations (RocksDB store): every
# join costs a store lookup per row, so the queries join as little as possible and
# Python does the rest. A tie's kind follows from its evidence type (build.py gives
# co-participation evidence only to sk:CoParticipation ties), which saves joining the
# tie's class: that join alone made the evidence query twice as slow.

_ORG_GRAPHS = """
SELECT ?org ?g WHERE { GRAPH ?g { ?org a org:Organization } }
"""

# What each source says about an organisation, counted in sources (one graph each).
_ORG_FACTS = """
SELECT ?org ?k ?v (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g {
    { ?org skos:prefLabel ?v . BIND("label" AS ?k) }
    UNION { ?org sk:orgType ?v . BIND("type" AS ?k) }
    UNION { ?org sk:acronym ?v . BIND("acr" AS ?k) }
    UNION { ?org schema:location ?pl . ?pl schema:name ?v . BIND("place" AS ?k) }
  }
} GROUP BY ?org ?k ?v
"""

# Evidence, the parties of each tie and the projects/events are three queries, not one:
# joining the parties into the evidence rows cost more than the other two queries together.
_TIE_EVIDENCE = """
SELECT ?tie ?ev ?etype ?quote ?src ?date WHERE {
  GRAPH ?g {
    ?tie sk:evidence ?ev .
    ?ev sk:evidenceType ?etype ; prov:wasDerivedFrom ?src .
    FILTER (?etype IN (%(etypes)s))
    OPTIONAL { ?ev sk:quote ?quote }
    OPTIONAL { ?ev dcterms:date ?date }
  }
  %(date_filter)s
}
"""

_TIE_PARTIES = """
SELECT DISTINCT ?tie ?party WHERE { ?tie sk:party ?party }
"""

_THROUGH = """
SELECT ?ev ?via ?x WHERE { VALUES ?via { sk:throughProject sk:throughEvent } ?ev ?via ?x }
"""

_NAMES = """
SELECT ?x ?g ?kind ?name ?date WHERE {
  { GRAPH ?g { ?x a sk:SourceDocument } BIND("source" AS ?kind)
    OPTIONAL { ?x dcterms:title ?name } OPTIONAL { ?x dcterms:issued ?date } }
  UNION { ?x a schema:Project ; schema:name ?name . BIND("project" AS ?kind) }
  UNION { ?x a schema:Event ; schema:name ?name . BIND("event" AS ?kind) OPTIONAL { ?x schema:startDate ?date } }
}
"""

_TYPE_PREFIX = ORG_TYPE_SCHEME + "/"
_COPARTICIPATION_IRI = f"{EVIDENCE_TYPE_SCHEME}/{CO_PARTICIPATION}"


def _date_filter(var: str, since: dt.date | None, until: dt.date | None) -> str:
    tests = [f"BOUND({var})"] if since or until else []
    if since:
        tests.append(f'{var} >= "{since.isoformat()}"^^xsd:date')
    if until:
        tests.append(f'{var} <= "{until.isoformat()}"^^xsd:date')
    return f"FILTER ({' && '.join(tests)})" if tests else ""


def _in_range(date: str | None, since: dt.date | None, until: dt.date | None) -> bool:
    if not (since or until):
        return True
    if not date:
        return False
    day = date[:10]
    return (not since or day >= since.isoformat()) and (not until or day <= until.isoformat())


def _run(store: Store, sparql: str) -> Any:
    try:
        return store.query(sparql_prefixes() + sparql)
    except (OSError, SyntaxError, ValueError) as exc:  # pyoxigraph's error types
        raise QueryError(f"the network query failed: {exc}", path=getattr(store, "location", None)) from exc


def _read_names(store: Store) -> tuple[dict[str, dict], dict[str, str]]:
    """Names and dates of sources, projects and events; and which source each graph holds."""
    names: dict[str, dict] = {}
    graph_source: dict[str, str] = {}
    for row in _run(store, _NAMES):
        x = row["x"].value
        entry = names.setdefault(x, {"kind": row["kind"].value, "name": None, "date": None})
        if entry["name"] is None:
            entry["name"] = _value(row["name"])
        if entry["date"] is None:
            entry["date"] = _value(row["date"])
        if row["g"] is not None:
            graph_source[row["g"].value] = x
    return names, graph_source


def _read_organisations(
    store: Store,
    graph_source: dict[str, str],
    names: dict[str, dict],
    since: dt.date | None,
    until: dt.date | None,
) -> dict[str, dict]:
    """Each organisation once, with what most sources call it; with a date range, only
    organisations that a source in the range mentions, counting only those sources."""
    sources: dict[str, set] = defaultdict(set)
    for row in _run(store, _ORG_GRAPHS):
        g = row["g"].value
        src = graph_source.get(g, g)  # a graph without a source description stands for itself
        if _in_range((names.get(src) or {}).get("date"), since, until):
            sources[row["org"].value].add(src)
    facts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in _run(store, _ORG_FACTS):
        org = row["org"].value
        if org in sources:
            facts[org][row["k"].value][row["v"].value] = int(row["n"].value)
    result = {}
    for org, srcs in sources.items():
        said = facts[org]
        name = _most_stated(said["label"]) or org.rsplit("/", 1)[-1]
        type_iri = _most_stated(said["type"])
        acronym = _most_stated(said["acr"])
        place = _most_stated(said["place"])
        result[org] = {
            "name": name,
            "label": short_label(name, acronym, place),
            "type": type_iri[len(_TYPE_PREFIX):] if type_iri and type_iri.startswith(_TYPE_PREFIX) else "other",
            "place": place or "",
            "acronym": acronym or "",
            "sources": len(srcs),
            "_sources": srcs,
        }
    return result


def _most_stated(values: dict[str, int]) -> str | None:
    """The value stated by most sources; ties go to the alphabetically first."""
    if not values:
        return None
    return min(values.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _read_ties(
    store: Store,
    evidence: set[str] | None,
    since: dt.date | None,
    until: dt.date | None,
    with_coparticipation: bool,
    names: dict[str, dict],
) -> dict[tuple[str, str], dict]:
    """Evidence items grouped by pair; a pair with both cooperation and co-participation
    keeps only the cooperation (the stronger tie stands for the pair)."""
    wanted = set(evidence) if evidence else set(COOPERATION_BASES)
    if with_coparticipation:
        wanted.add(CO_PARTICIPATION)
    # FILTER IN, not VALUES: measured 3x faster here (VALUES made pyoxigraph start from the list).
    etypes = ", ".join(f"<{EVIDENCE_TYPE_SCHEME}/{e}>" for e in sorted(wanted))
    rows = _run(store, _TIE_EVIDENCE % {"etypes": etypes, "date_filter": _date_filter("?date", since, until)})
    parties: dict[str, list[str]] = defaultdict(list)
    for row in _run(store, _TIE_PARTIES):
        parties[row["tie"].value].append(row["party"].value)
    through: dict[str, dict[str, str]] = defaultdict(dict)
    for row in _run(store, _THROUGH):
        kind = "project" if row["via"].value.endswith("throughProject") else "event"
        through[row["ev"].value][kind] = (names.get(row["x"].value) or {}).get("name") or ""
    cooperation: dict[tuple[str, str], list] = defaultdict(list)
    coparticipation: dict[tuple[str, str], list] = defaultdict(list)
    seen: set[str] = set()
    for row in rows:
        ev = row["ev"].value
        pair = parties.get(row["tie"].value, ())
        if ev in seen or len(pair) != 2:
            continue  # a tie needs exactly two parties
        seen.add(ev)
        etype_iri = row["etype"].value
        etype = slug_of(etype_iri)
        src = row["src"].value
        source = names.get(src) or {}
        via = through.get(ev, {})
        item = {
            "quote": _value(row["quote"]) or "",
            "type": etype if etype in EVIDENCE_ORDER else "stated",
            "source": src,
            "source_title": source.get("name") or "",
            "source_date": _value(row["date"]) or source.get("date") or "",
            "project": via.get("project", ""),
            "event": via.get("event", ""),
        }
        key = (min(pair), max(pair))
        (coparticipation if etype_iri == _COPARTICIPATION_IRI else cooperation)[key].append(item)
    ties = {pair: {"kind": COOPERATION, "evidence": items} for pair, items in cooperation.items()}
    for pair, items in coparticipation.items():
        if pair not in ties:
            ties[pair] = {"kind": CO_PARTICIPATION, "evidence": items}
    return ties


# --------------------------------------------------------------------------- labels


_QUOTED = re.compile(r"[„“\"«‚']\s*([^„“”\"«»‚‘’']{2,40}?)\s*[”“\"»‘’']")
_PLACE_PHRASE = re.compile(r"\s+(?:w|we|v|ve|na|in)\s+\S.*$", re.IGNORECASE)
SHORT_LABEL_MAX = 30


def short_label(name: str, acronym: str | None = None, place: str | None = None) -> str:
    """What fits on a node: `MOPS Kalisz`, `„Razem” Kalisz`, or a shortened name."""
    if acronym:
        return f"{acronym} {place}" if place and _fold(place) not in _fold(acronym) else acronym
    if len(name) <= SHORT_LABEL_MAX:
        return name
    quoted = _QUOTED.search(name)
    if quoted:
        core = f"„{quoted.group(1)}”"
        return f"{core} {place}" if place else core
    without_place = _PLACE_PHRASE.sub("", name)
    if place and len(without_place) + len(place) + 1 <= SHORT_LABEL_MAX:
        return f"{without_place} {place}"
    cut = name[: SHORT_LABEL_MAX - 1]
    if " " in cut[SHORT_LABEL_MAX // 2 :]:  # end on a whole word when one fits
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,-–") + "…"


# --------------------------------------------------------------------------- resolve


_STOPWORDS = frozenset(
    "w we v ve i a na z ze do dla od o u of the and in im. im sp spol zo oo z.o.o".split()
)
_TOKEN = re.compile(r"[0-9a-z]+")


@dataclass
class Candidate:
    """An organisation a name may refer to, with how well it matched."""

    iri: str
    name: str
    type: str = "other"
    place: str = ""
    acronym: str = ""
    score: float = 0.0  # 2 = exact name, 1 = every word of a name matched, less = part of a name
    labels: list[str] = field(default_factory=list, repr=False)

    def describe(self) -> str:
        extra = ", ".join(x for x in (self.place, self.type) if x)
        return f"{self.name} ({extra})" if extra else self.name


_RESOLVE = """
SELECT DISTINCT ?org ?label ?pref ?type ?acr ?place WHERE {
  ?org a org:Organization .
  { ?org skos:prefLabel ?label . BIND(true AS ?pref) } UNION { ?org skos:altLabel ?label }
  OPTIONAL { ?org sk:orgType ?type }
  OPTIONAL { ?org sk:acronym ?acr }
  OPTIONAL { ?org schema:location/schema:name ?place }
}
"""


def resolve_organisation(store: Store, name: str) -> list[Candidate]:
    """Organisations that `name` may mean, best first (empty if none).

    Forgiving: names, aliases, acronyms and places are compared case- and
    diacritic-folded, word by word, with inflected endings allowed (`Kaliszu` ~
    `Kalisz`, `Toruniu` ~ `Toruń`); where endings alone do not explain a word
    (`Brně` ~ `Brno`) a Polish/Czech lemmatiser is asked. An organisation matches
    when every word of `name` matches a word of one of its names, its acronym or
    its place. Score: 2 = the whole name, 1 = all words of one of its names, less =
    the share of one of its names covered. An organisation IRI matches itself.
    """
    text = name.strip()
    if not text:
        return []
    orgs = _read_labels(store)
    if text in orgs:
        orgs[text].score = 2.0
        return [orgs[text]]
    whole = " ".join(_tokens(text))
    words = _query_words(text)
    if not words:
        return []
    lemma_cache: dict[str, set[str]] = {}
    found: list[Candidate] = []
    for cand in orgs.values():
        extra = set(_tokens(cand.place)) | set(_tokens(cand.acronym))
        acronyms = set(_tokens(cand.acronym)) | {
            t for label in cand.labels for w in re.findall(r"[^\W_]+", label) if _is_acronym(w) for t in _tokens(w)
        }
        matched, best = False, 0.0
        for label in cand.labels:
            if " ".join(_tokens(label)) == whole:
                matched, best = True, 2.0
                break
            l_tokens = [t for t in _tokens(label) if t not in _STOPWORDS]
            pool = set(l_tokens) | extra
            if not all(_word_matches(w, pool, acronyms, lemma_cache) for w in words):
                continue
            matched = True
            covered = sum(1 for t in l_tokens if any(_token_match(f, t, t in acronyms) for f, _ in words))
            best = max(best, covered / len(l_tokens) if l_tokens else 0.0)
        if matched:
            cand.score = best
            found.append(cand)
    found.sort(key=lambda c: (-c.score, c.name))
    return found


def resolve_one(store: Store, name: str) -> Candidate:
    """The single organisation `name` means; raises if it means none or several.

    A whole-name match beats everything; then a name all of whose words were
    given; a partial match is accepted only when it is the only one.
    """
    candidates = resolve_organisation(store, name)
    if not candidates:
        raise UnknownOrganisationError(name, _closest_names(store, name))
    for level in (2.0, 1.0):
        top = [c for c in candidates if c.score >= level]
        if len(top) == 1:
            return top[0]
        if len(top) > 1:
            raise AmbiguousOrganisationError(name, top)
    if len(candidates) == 1:
        return candidates[0]
    raise AmbiguousOrganisationError(name, candidates)


def _read_labels(store: Store) -> dict[str, Candidate]:
    orgs: dict[str, Candidate] = {}
    prefs: dict[str, list[str]] = {}
    for row in _run(store, _RESOLVE):
        iri = row["org"].value
        cand = orgs.get(iri)
        if cand is None:
            type_iri = _value(row["type"])
            cand = orgs[iri] = Candidate(
                iri=iri, name="", type=slug_of(type_iri) if type_iri else "other",
                place=_value(row["place"]) or "", acronym=_value(row["acr"]) or "",
            )
        label = row["label"].value
        if label not in cand.labels:
            cand.labels.append(label)
        if row["pref"] is not None:
            prefs.setdefault(iri, []).append(label)
    for iri, cand in orgs.items():
        # For messages: the fullest preferred name (most words).
        names = prefs.get(iri) or cand.labels
        cand.name = max(names, key=lambda s: (len(s.split()), -len(s), s))
        for extra in (cand.acronym, f"{cand.acronym} {cand.place}" if cand.acronym and cand.place else ""):
            if extra and extra not in cand.labels:
                cand.labels.append(extra)
    return orgs


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_fold(text))


def _query_words(text: str) -> list[tuple[str, str]]:
    """(folded, as written) words of a name; the written form feeds the lemmatiser."""
    # "MOPS-u", "ROPS-ie": a hyphenated ending after an acronym is inflection, not a word.
    text = re.sub(r"\b([^\W\d_]{2,})-[^\W\d_]{1,3}\b", lambda m: m.group(1) if m.group(1).isupper() else m.group(0), text)
    words = [(f, w) for w in re.findall(r"[^\W_]+", text) for f in _tokens(w)]
    kept = [(f, w) for f, w in words if f not in _STOPWORDS]
    return kept or words


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _token_match(q: str, t: str, exact: bool = False) -> bool:
    """Same word up to an inflected ending: all but the last 2 letters shared (at least 3).

    Acronyms and words under 4 letters must match exactly (MOPS is not MOPR).
    """
    if q == t:
        return True
    shorter = min(len(q), len(t))
    if exact or shorter < 4:
        return False
    common = 0
    for x, y in zip(q, t):
        if x != y:
            break
        common += 1
    return common >= max(3, shorter - 2)


def _word_matches(
    word: tuple[str, str], pool: set[str], acronyms: set[str], lemma_cache: dict[str, set[str]]
) -> bool:
    folded, written = word
    exact = _is_acronym(written)
    if any(_token_match(folded, t, exact or t in acronyms) for t in pool):
        return True
    return bool(_lemmas(written, lemma_cache) & pool)


def _lemmas(word: str, cache: dict[str, set[str]]) -> set[str]:
    """Folded Polish and Czech lemmas of a word as written (`Brně` -> `brno`)."""
    if word not in cache:
        try:
            import simplemma  # takes seconds to load: only asked when endings fail
        except ImportError:  # pragma: no cover - a declared dependency
            cache[word] = set()
        else:
            found = set()
            for lang in ("pl", "cs"):
                for form in {word, word.capitalize()}:
                    found.update(_tokens(simplemma.lemmatize(form, lang=lang)))
            cache[word] = found - set(_tokens(word))
    return cache[word]


def _closest_names(store: Store, name: str, limit: int = 5) -> list[str]:
    from rapidfuzz import fuzz, process

    orgs = _read_labels(store)
    choices = {c.iri + "\x00" + lab: _fold(lab) for c in orgs.values() for lab in c.labels}
    hits = process.extract(_fold(name), choices, scorer=fuzz.WRatio, limit=limit * 3)
    names: list[str] = []
    for _choice, score, key in hits:
        cand = orgs[key.split("\x00", 1)[0]]
        if score >= 60 and cand.describe() not in names:
            names.append(cand.describe())
    return names[:limit]


# --------------------------------------------------------------------------- stats


def network_stats(G: nx.Graph, *, top: int = 10, seed: int = 42) -> dict[str, Any]:
    """What a reader wants from the network, as data: hubs, brokers, isolates, communities."""
    coop = nx.Graph()
    coop.add_nodes_from(G.nodes)
    coop.add_edges_from((a, b, d) for a, b, d in G.edges(data=True) if d.get("kind") == COOPERATION)

    def who(n: str) -> dict[str, Any]:
        d = G.nodes[n]
        return {"iri": n, "name": d.get("name", n), "type": d.get("type", ""), "place": d.get("place", "")}

    degree = sorted(G.degree, key=lambda nd: (-nd[1], G.nodes[nd[0]].get("name", nd[0])))
    betweenness = compute_centrality(G, "betweenness", seed=seed)
    brokers = sorted((n for n in G if betweenness[n] > 0), key=lambda n: (-betweenness[n], G.nodes[n].get("name", n)))
    communities = []
    if G.number_of_edges():
        found = nx.community.louvain_communities(G, weight="sources", seed=seed)
        found = [c for c in found if len(c) > 1]
        found.sort(key=lambda c: (-len(c), min(G.nodes[n].get("name", n) for n in c)))
        for i, members in enumerate(found, 1):
            ordered = sorted(members, key=lambda n: (-G.degree(n), G.nodes[n].get("name", n)))
            communities.append({"id": i, "size": len(members), "members": [who(n) for n in ordered]})
    return {
        "organisations": G.number_of_nodes(),
        "cooperations": coop.number_of_edges(),
        "coparticipations": G.number_of_edges() - coop.number_of_edges(),
        "sources": G.graph.get("sources", 0),
        "query": G.graph.get("query", ""),
        "most_connected": [
            {**who(n), "partners": deg, "cooperation_partners": coop.degree(n)}
            for n, deg in degree[:top] if deg > 0
        ],
        "brokers": [{**who(n), "betweenness": round(betweenness[n], 4)} for n in brokers[:top]],
        "isolated": [who(n) for n in sorted((n for n in G if G.degree(n) == 0), key=lambda n: G.nodes[n].get("name", n))],
        "communities": communities,
    }


def format_stats(stats: dict[str, Any], *, members: int = 12) -> str:
    """`network_stats` as text for a terminal."""
    lines = [
        f"{stats['organisations']} organisations, {stats['cooperations']} cooperations"
        + (f", {stats['coparticipations']} co-participations" if stats.get("coparticipations") else "")
        + f", {stats['sources']} sources",
    ]
    if stats.get("query"):
        lines.append(f"({stats['query']})")

    def where(o: dict) -> str:
        return f" ({o['place']})" if o.get("place") else ""

    lines += ["", "Most connected:"]
    lines += [f"  {o['partners']:>4}  {o['name']}{where(o)}" for o in stats["most_connected"]] or ["  (none)"]
    lines += ["", "Brokers between groups (betweenness):"]
    lines += [f"  {o['betweenness']:.3f}  {o['name']}{where(o)}" for o in stats["brokers"]] or ["  (none)"]
    lines += ["", f"Isolated ({len(stats['isolated'])}):"]
    lines += [f"  {o['name']}{where(o)}" for o in stats["isolated"]] or ["  (none)"]
    lines += ["", f"Communities ({len(stats['communities'])}):"]
    for c in stats["communities"]:
        names = [m["name"] for m in c["members"]]
        shown = "; ".join(names[:members]) + (f"; … {len(names) - members} more" if len(names) > members else "")
        lines.append(f"  {c['id']:>3}. {c['size']} members: {shown}")
    if not stats["communities"]:
        lines.append("  (none)")
    return "\n".join(lines)


# --------------------------------------------------------------------------- export


def write_network(G: nx.Graph, target: str | Path | IO, fmt: str) -> None:
    """Write the network as graphml, gexf, json (node-link) or csv (edge list).

    GraphML and GEXF hold only scalar attributes: the evidence list becomes a JSON
    string (``evidence_json``) plus a readable ``quotes`` column.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown network format {fmt!r}", hint="use one of: " + ", ".join(FORMATS))
    if fmt == "json":
        data = nx.node_link_data(G, edges="links")
        _write_text(target, json.dumps(data, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        _write_text(target, _edge_csv(G))
    else:
        flat = _flatten(G)
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        if isinstance(target, (str, Path)):
            writer(flat, str(target))
        else:
            buffer = io.BytesIO()
            writer(flat, buffer)
            _write_bytes(target, buffer.getvalue())


def _flatten(G: nx.Graph) -> nx.Graph:
    flat = nx.Graph()
    flat.graph.update({k: v for k, v in G.graph.items() if isinstance(v, (str, int, float, bool))})
    for n, d in G.nodes(data=True):
        flat.add_node(n, **{k: v for k, v in d.items() if isinstance(v, (str, int, float, bool))})
    for a, b, d in G.edges(data=True):
        attrs = {k: v for k, v in d.items() if isinstance(v, (str, int, float, bool))}
        items = d.get("evidence", [])
        attrs["evidence_json"] = json.dumps(items, ensure_ascii=False)
        attrs["quotes"] = " | ".join(e["quote"] for e in items if e["quote"])
        flat.add_edge(a, b, **attrs)
    return flat


CSV_COLUMNS = (
    "source", "target", "source_name", "target_name", "kind", "sources", "evidence_type",
    "evidence_count", "quotes", "source_titles", "source_dates", "source_iris", "projects", "events",
)


def _edge_csv(G: nx.Graph) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)

    def joined(items: list[dict], key: str) -> str:
        return " | ".join(dict.fromkeys(e[key] for e in items if e[key]))

    for a, b, d in sorted(G.edges(data=True), key=lambda e: (e[0], e[1])):
        items = d.get("evidence", [])
        w.writerow([
            a, b, G.nodes[a].get("name", a), G.nodes[b].get("name", b), d.get("kind", ""),
            d.get("sources", 0), d.get("evidence_type", ""), len(items),
            " | ".join(e["quote"] for e in items if e["quote"]),
            joined(items, "source_title"), joined(items, "source_date"), joined(items, "source"),
            joined(items, "project"), joined(items, "event"),
        ])
    return out.getvalue()


def _write_text(target: str | Path | IO, text: str) -> None:
    if isinstance(target, (str, Path)):
        Path(target).write_text(text, encoding="utf-8")
    elif isinstance(target, io.TextIOBase) or "b" not in getattr(target, "mode", "b"):
        target.write(text)
    else:
        target.write(text.encode("utf-8"))


def _write_bytes(target: IO, data: bytes) -> None:
    buffer = getattr(target, "buffer", None)
    if buffer is not None:
        buffer.write(data)
    elif isinstance(target, io.TextIOBase):
        target.write(data.decode("utf-8"))
    else:
        target.write(data)
