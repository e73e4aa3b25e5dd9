"""A store on a SPARQL 1.1 server (Virtuoso, GraphDB, Jena Fuseki, Oxigraph server ...).

`RemoteStore` offers what `EmbeddedStore` offers (see `store.Store`), over HTTP:

- queries: the SPARQL 1.1 Protocol (form-encoded POST, which every server accepts;
  Virtuoso 7 hangs on `application/sparql-query` bodies). Results are parsed with
  pyoxigraph, so callers get the very same objects as from the embedded store:
  `QuerySolutions` (rows with `row["var"]`, `.variables`), `QueryBoolean`, and for
  CONSTRUCT/DESCRIBE an iterable of `Triple` (`RemoteTriples`);
- writes: one named graph per source, through SPARQL Update (`DROP SILENT GRAPH` +
  `INSERT DATA`, several documents per request) or, when a Graph Store Protocol URL
  is configured, one `PUT` per document (Virtuoso: about 20,000 triples/s with GSP
  against a few hundred with INSERT DATA, whose parser also fails beyond ~5,000
  triples per request);
- `dump()`: paged SELECTs over socialkg's named graphs (N-Quads/TriG keep the graphs,
  triple formats get their union).

What a replace guarantees (all servers): a document's `sk:contentHash` triple is
written after, never before, the rest of its graph. If the hash is there, the
document is complete; if a load dies half-way, the document has no hash, and the
next `load` (which skips only documents whose hash matches) writes it again.
Beyond that, atomicity is the server's: Oxigraph, Fuseki (TDB2) and GraphDB run one
update request as one transaction (so a request's documents change together, and a
GSP PUT replaces a graph at once); Virtuoso commits each operation of a request on
its own (measured: an INSERT stays when a later operation of the same request
fails), so readers may briefly see a document's graph empty or partly written.

Credentials come from the environment or a config file (`endpoint_settings`), never
from a command line; they are sent only to the configured endpoints and never
appear in logs, error messages or exceptions (errors are raised outside `except`
blocks so no HTTP library exception, which could hold request headers, is chained).

Why `requests` and not `urllib`: Virtuoso answers an unauthenticated upload with
401 before reading the body; urllib then fails with a broken pipe on bodies over a
few hundred kB, while requests/urllib3 reads the early answer, and afterwards sends
digest credentials pre-emptively and keeps connections open.
"""

from __future__ import annotations

import io
import ipaddress
import json
import logging
import os
import re
import stat
import threading
import time
import tomllib
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from ..errors import QuerySyntaxError, QueryTimeoutError, StoreError
from ..ontology.terms import GRAPH, SK, sparql_prefixes
from . import summary
from .store import QueryResult, Store

log = logging.getLogger(__name__)

ENDPOINT_ENV = "SOCIALKG_ENDPOINT"
UPDATE_ENDPOINT_ENV = "SOCIALKG_UPDATE_ENDPOINT"
GSP_ENDPOINT_ENV = "SOCIALKG_GSP_ENDPOINT"
USER_ENV = "SOCIALKG_ENDPOINT_USER"
PASSWORD_ENV = "SOCIALKG_ENDPOINT_PASSWORD"
AUTH_ENV = "SOCIALKG_ENDPOINT_AUTH"
TIMEOUT_ENV = "SOCIALKG_ENDPOINT_TIMEOUT"
CONFIG_ENV = "SOCIALKG_CONFIG"
DEFAULT_CONFIG = Path("~/.config/socialkg/endpoint.toml")

DEFAULT_TIMEOUT = 60.0  # seconds, per HTTP request
DEFAULT_CHUNK_TRIPLES = 500  # per INSERT DATA request: Virtuoso's parser slows down superlinearly
DEFAULT_WRITERS = 4  # concurrent Graph Store PUTs (measured on Virtuoso: see docs/remote-endpoints.md)
DEFAULT_PAGE_SIZE = 10_000  # rows per SELECT in dump(): Virtuoso's default ResultSetMaxRows
#: Written last for each document: its presence means the document is complete.
COMPLETION_PREDICATES = frozenset({SK + "contentHash"})

_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_MESSAGE_LIMIT = 600  # characters of a server's error text kept in our message


class EndpointTimeoutError(StoreError, QueryTimeoutError):
    """The endpoint did not answer within the timeout."""

    code = "SKG420"


class EndpointQueryError(StoreError, QuerySyntaxError):
    """The endpoint rejected a query or update as malformed (HTTP 400)."""

    code = "SKG410"


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class EndpointSettings:
    """Where and how to reach a SPARQL server. `repr()` never shows the password."""

    query: str
    update: str | None = None  # SPARQL Update URL (default: the query URL)
    graph_store: str | None = None  # Graph Store Protocol URL: if set, loads use PUT
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    auth: str = "auto"  # auto | basic | digest
    timeout: float = DEFAULT_TIMEOUT

    @property
    def update_url(self) -> str:
        return self.update or self.query


def endpoint_settings(
    endpoint: str | None = None,
    *,
    update_endpoint: str | None = None,
    graph_store_endpoint: str | None = None,
    timeout: float | None = None,
    env: Mapping[str, str] | None = None,
) -> EndpointSettings:
    """Settings from arguments, then the environment, then the config file.

    The config file is `$SOCIALKG_CONFIG` or `~/.config/socialkg/endpoint.toml`
    (keys: endpoint, update_endpoint, graph_store_endpoint, user, password, auth,
    timeout). If it names an `endpoint`, its credentials and URLs are used only for
    that endpoint, so a password is never sent to a server it was not written for.
    """
    env = os.environ if env is None else env
    cfg, cfg_path = _read_config(env)
    query = endpoint or env.get(ENDPOINT_ENV) or cfg.get("endpoint")
    if not query:
        raise StoreError(
            "no SPARQL endpoint given",
            hint=f"use --endpoint URL, set {ENDPOINT_ENV}, or put `endpoint` in the config file",
        )
    _check_url(query, "endpoint")
    if cfg.get("endpoint") and _same_url(cfg["endpoint"], query) is False:
        if cfg.get("password") or cfg.get("update_endpoint") or cfg.get("graph_store_endpoint"):
            log.info(
                "%s describes %s, not %s: its credentials and URLs are not used",
                cfg_path, _redact_url(cfg["endpoint"]), _redact_url(query),
            )
        cfg = {}
    user = env.get(USER_ENV) or cfg.get("user")
    password = env.get(PASSWORD_ENV) if env.get(USER_ENV) else cfg.get("password")
    if env.get(PASSWORD_ENV) and not env.get(USER_ENV) and cfg.get("user"):
        password = env[PASSWORD_ENV]  # user in the file, password from the environment
    update = update_endpoint or env.get(UPDATE_ENDPOINT_ENV) or cfg.get("update_endpoint")
    gsp = graph_store_endpoint or env.get(GSP_ENDPOINT_ENV) or cfg.get("graph_store_endpoint")
    for url, what in ((update, "update endpoint"), (gsp, "graph store endpoint")):
        if url:
            _check_url(url, what)
    auth = (env.get(AUTH_ENV) or cfg.get("auth") or "auto").lower()
    if auth not in ("auto", "basic", "digest"):
        raise StoreError(f"unknown endpoint auth {auth!r}", hint="use auto, basic or digest")
    if timeout is None:
        raw = env.get(TIMEOUT_ENV) or cfg.get("timeout") or DEFAULT_TIMEOUT
        try:
            timeout = float(raw)
        except (TypeError, ValueError):
            raise StoreError(f"endpoint timeout must be a number of seconds, not {raw!r}") from None
    if bool(user) != bool(password):
        raise StoreError(
            "endpoint credentials are incomplete: a user needs a password and the reverse",
            hint=f"set both {USER_ENV} and {PASSWORD_ENV} (or user and password in the config file)",
        )
    settings = EndpointSettings(
        query=query, update=update, graph_store=gsp, user=user or None, password=password or None,
        auth=auth, timeout=timeout,
    )
    if settings.password:
        for url in {settings.query, settings.update_url, settings.graph_store or settings.query}:
            if urllib.parse.urlsplit(url).scheme == "http" and not _is_loopback(url):
                log.warning(
                    "credentials will go to %s over plain http; use https for a server "
                    "that is not on this machine", _redact_url(url),
                )
    return settings


def _read_config(env: Mapping[str, str]) -> tuple[dict[str, Any], str]:
    path = Path(env.get(CONFIG_ENV) or DEFAULT_CONFIG).expanduser()
    if not path.is_file():
        if env.get(CONFIG_ENV):
            raise StoreError("config file not found", path=str(path), hint=f"check {CONFIG_ENV}")
        return {}, str(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        message = f"cannot read the endpoint config: {exc}"  # TOML errors quote no values
    else:
        known = {"endpoint", "update_endpoint", "graph_store_endpoint", "user", "password", "auth", "timeout"}
        unknown = sorted(set(data) - known)
        if unknown:
            log.warning("%s: unknown keys ignored: %s", path, ", ".join(unknown))
        if data.get("password") and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            log.warning("%s holds a password and is readable by others: chmod 600 it", path)
        return {k: data[k] for k in known if k in data}, str(path)
    raise StoreError(message, path=str(path))


def _check_url(url: str, what: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise StoreError(
            f"the {what} URL contains credentials ({_redact_url(url)})",
            hint=f"remove them from the URL; set {USER_ENV} and {PASSWORD_ENV} or use the config file",
        )
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(
            f"the {what} must be an http(s) URL, not {_redact_url(url)!r}",
            hint="e.g. http://localhost:8890/sparql",
        )


def _redact_url(url: str) -> str:
    """The URL without any user:password@ part (for messages)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "(unparseable URL)"
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=f"***@{host}"))


def _same_url(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")


def _is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --------------------------------------------------------------------------- results


class RemoteTriples:
    """CONSTRUCT / DESCRIBE results: an iterator of `ox.Triple`, like `ox.QueryTriples`."""

    def __init__(self, triples: Sequence[ox.Triple]) -> None:
        self._triples = list(triples)
        self._iter = iter(self._triples)

    def __iter__(self) -> Iterator[ox.Triple]:
        return self

    def __next__(self) -> ox.Triple:
        return next(self._iter)

    def serialize(self, output: IO[bytes] | str | None = None, format: ox.RdfFormat | None = None) -> bytes | None:
        return ox.serialize(self._triples, output, format or ox.RdfFormat.N_TRIPLES)


_PROLOGUE = re.compile(
    r"(?:\s+|\#[^\n]*|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*", re.IGNORECASE
)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first keyword after the prologue."""
    match = _FORM.match(sparql, _PROLOGUE.match(sparql).end())
    return match.group(1).upper() if match else "SELECT"


_BNODE_ID = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


def _bnode_id(value: str) -> str:
    """Virtuoso names blank nodes `nodeID://b1001` in JSON results; pyoxigraph wants a
    valid label. Keep the label Virtuoso uses in N-Triples (`b1001`) when there is one."""
    if _BNODE_ID.fullmatch(value):
        return value
    tail = value.rsplit("/", 1)[-1]
    if value.startswith("nodeID://") and _BNODE_ID.fullmatch(tail):
        return tail
    return "x" + value.encode("utf-8").hex()


def _fix_json_bnodes(body: bytes) -> bytes:
    if b'"bnode"' not in body:
        return body
    data = json.loads(body)
    for row in data.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = _bnode_id(term["value"])
    return json.dumps(data).encode("utf-8")


# --------------------------------------------------------------------------- the store


class RemoteStore(Store):
    """A `Store` on a SPARQL 1.1 server."""

    def __init__(
        self,
        settings: EndpointSettings | str,
        *,
        read_only: bool = False,
        chunk_triples: int = DEFAULT_CHUNK_TRIPLES,
        page_size: int = DEFAULT_PAGE_SIZE,
        graph_namespace: str | None = GRAPH,
        writers: int = DEFAULT_WRITERS,
        session: requests.Session | None = None,
    ) -> None:
        """`settings`: an `EndpointSettings` (see `endpoint_settings()`), or just a
        query URL for a public read/write endpoint without credentials.
        `graph_namespace`: the named graphs that are socialkg's (counts and dump
        look only at these; Virtuoso keeps its own system graphs in the same
        store); None for all graphs. `writers`: concurrent Graph Store PUTs."""
        if isinstance(settings, str):
            _check_url(settings, "endpoint")
            settings = EndpointSettings(query=settings)
        self.settings = settings
        self.location = settings.query
        self.read_only = read_only
        self.chunk_triples = max(1, chunk_triples)
        self.page_size = max(1, page_size)
        self.graph_namespace = graph_namespace
        self.writers = max(1, writers)
        self._session = session or requests.Session()
        self._session.trust_env = False  # no .netrc credentials, no proxies from the environment
        self._session.headers["User-Agent"] = "socialkg (SPARQL 1.1 client)"
        self._auth: AuthBase | None = None
        self._auth_lock = threading.Lock()
        if settings.auth == "basic" and settings.user:
            self._auth = HTTPBasicAuth(settings.user, settings.password or "")
        elif settings.auth == "digest" and settings.user:
            self._auth = HTTPDigestAuth(settings.user, settings.password or "")
        self._prologue = sparql_prefixes()

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r}, read_only={self.read_only})"

    @property
    def timeout(self) -> float:
        return self.settings.timeout

    @timeout.setter
    def timeout(self, seconds: float) -> None:
        self.settings = replace(self.settings, timeout=seconds)

    # ---- the Store API

    def query(self, sparql: str, *, update: bool = False) -> QueryResult:
        if update:
            self._check_writable()
            self._update(self._prologue + sparql)
            return None
        form = query_form(sparql)
        accept = _GRAPH_ACCEPT if form in ("CONSTRUCT", "DESCRIBE") else _RESULTS_ACCEPT
        body, ctype = self._post_form(self.settings.query, {"query": self._prologue + sparql}, accept, "query")
        return self._parse(body, ctype, form)

    def _replace_documents(self, graphs: Mapping[ox.NamedNode, Sequence[ox.Quad]]) -> None:
        if not graphs:
            return
        self._check_writable()
        started, total = time.perf_counter(), sum(len(q) for q in graphs.values())
        self._mark_stale(graphs)
        if self.settings.graph_store:
            self._replace_with_gsp(graphs)
        else:
            self._replace_with_update(graphs)
        log.debug(
            "replaced %d graphs (%d quads) at %s in %.3f s",
            len(graphs), total, self.location, time.perf_counter() - started,
        )

    def dump(self, out: IO[bytes], fmt: ox.RdfFormat, *, prefixes: Mapping[str, str]) -> None:
        quads = self.iter_quads()
        if fmt.supports_datasets:
            ox.serialize(quads, out, fmt, prefixes=dict(prefixes))
        else:
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
            ox.serialize(_unique(triples), out, fmt, prefixes=dict(prefixes))

    def count_triples(self) -> int:
        rows = list(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._graph_filter()} }}"))
        return int(rows[0]["n"].value) if rows else 0

    def count_graphs(self) -> int:
        rows = list(self.query(
            f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._graph_filter()} }}"
        ))
        return int(rows[0]["n"].value) if rows else 0

    def close(self) -> None:
        self._session.close()

    # ---- reading everything

    def graph_sizes(self) -> dict[str, int]:
        """Triples per socialkg named graph, in IRI order. Paged by key (`STR(?g) >
        last`), not by OFFSET: Virtuoso refuses sorted OFFSETs beyond MaxSortedTopRows."""
        sizes: dict[str, int] = {}
        last: str | None = None
        while True:
            after = f"FILTER(STR(?g) > {ox.Literal(last)})" if last is not None else ""
            rows = list(self.query(
                f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._graph_filter()} {after} }} "
                f"GROUP BY ?g ORDER BY STR(?g) LIMIT {self.page_size}"
            ))
            sizes.update((row["g"].value, int(row["n"].value)) for row in rows)
            if len(rows) < self.page_size:
                return sizes
            last = rows[-1]["g"].value

    def iter_quads(self) -> Iterator[ox.Quad]:
        """Every quad of socialkg's graphs, fetched in pages of at most `page_size`
        rows (servers cap result sizes: Virtuoso's ResultSetMaxRows). Raises
        StoreError if a page comes back short (the data changed or the server
        truncated it), rather than exporting a silently incomplete graph."""
        batch: list[str] = []
        expected = 0
        for g, n in self.graph_sizes().items():
            if n > self.page_size:
                yield from self._big_graph(g, n)
                continue
            if expected + n > self.page_size and batch:
                yield from self._graph_batch(batch, expected)
                batch, expected = [], 0
            batch.append(g)
            expected += n
        if batch:
            yield from self._graph_batch(batch, expected)

    def _graph_batch(self, graphs: list[str], expected: int) -> Iterator[ox.Quad]:
        values = " ".join(f"<{g}>" for g in graphs)
        rows = list(self.query(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"))
        self._check_page(len(rows), expected, f"{len(graphs)} graphs")
        for row in rows:
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def _big_graph(self, graph: str, size: int) -> Iterator[ox.Quad]:
        """A graph bigger than a page: one Graph Store GET if there is a GSP URL, else
        sorted pages (on Virtuoso limited by MaxSortedTopRows, 10,000 by default)."""
        g = ox.NamedNode(graph)
        if self.settings.graph_store:
            body, ctype = self._request(
                "GET", self.settings.graph_store, "graph store GET", params={"graph": graph},
                headers={"Accept": _GRAPH_ACCEPT},
            )
            triples = self._parse(body, ctype, "CONSTRUCT")
            quads = [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples]
            self._check_page(len(quads), size, graph)
            yield from quads
            return
        for offset in range(0, size, self.page_size):
            rows = list(self.query(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
                f"ORDER BY ?s ?p ?o LIMIT {self.page_size} OFFSET {offset}"
            ))
            self._check_page(len(rows), min(self.page_size, size - offset), graph)
            for row in rows:
                yield ox.Quad(row["s"], row["p"], row["o"], g)

    def _check_page(self, got: int, expected: int, what: str) -> None:
        if got != expected:
            raise StoreError(
                f"export of {what} got {got} triples, expected {expected}",
                path=self.location,
                hint="a load may be running (retry when it ends), or the server caps result rows "
                "below socialkg's page size (Virtuoso: raise [SPARQL] ResultSetMaxRows)",
            )

    def _graph_filter(self) -> str:
        if not self.graph_namespace:
            return f"FILTER(?g != {summary.SUMMARY_GRAPH})"
        return f"FILTER(STRSTARTS(STR(?g), {ox.Literal(self.graph_namespace)}))"

    # ---- writing

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only", path=self.location)

    def _mark_stale(self, graphs: Mapping[ox.NamedNode, Sequence[ox.Quad]]) -> None:
        """Mark the summaries of what these graphs describe, now and before, stale
        (graph/summary.py). Written first: a marker on an entity that then does not
        change costs one recomputation, a missing one would leave a wrong summary."""
        entities = summary.described_entities(q for quads in graphs.values() for q in quads)
        kinds = " ".join(str(t) for t in summary.KINDS)
        names = list(graphs)
        for i in range(0, len(names), 200):
            values = " ".join(str(g) for g in names[i : i + 200])
            rows = self.query(f"SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {values} }} VALUES ?t {{ {kinds} }} "
                              f"GRAPH ?g {{ ?s a ?t }} FILTER(isIRI(?s)) }}")
            entities.update(r["s"] for r in rows)
        markers = summary.markers_for(entities)
        for i in range(0, len(markers), self.chunk_triples):
            self._update(_insert_data(markers[i : i + self.chunk_triples]))

    def replace_summaries(self, entities: Sequence[ox.NamedNode], quads: Sequence[ox.Quad]) -> None:
        """As the embedded store does it, in requests a server's SPARQL compiler accepts
        (Virtuoso runs out of memory compiling one INSERT DATA of ~10k triples): old
        summaries out, new ones in by `chunk_triples`, the stale markers last, so a
        failure half-way leaves them and the next refresh does these entities again."""
        g, stale = summary.SUMMARY_GRAPH, summary.STALE
        step = max(1, self.chunk_triples // 5)  # entities per DELETE
        for i in range(0, len(entities), step):
            values = " ".join(str(e) for e in entities[i : i + step])
            self._update(f"DELETE {{ GRAPH {g} {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }} "
                         f"GRAPH {g} {{ ?e ?p ?o }} FILTER(?p != {stale}) }}")
        for i in range(0, len(quads), self.chunk_triples):
            self._update(_insert_data(quads[i : i + self.chunk_triples]))
        for i in range(0, len(entities), step):
            values = " ".join(str(e) for e in entities[i : i + step])
            self._update(f"DELETE {{ GRAPH {g} {{ ?e {stale} ?o }} }} WHERE {{ VALUES ?e {{ {values} }} "
                         f"GRAPH {g} {{ ?e {stale} ?o }} }}")

    def _replace_with_update(self, graphs: Mapping[ox.NamedNode, Sequence[ox.Quad]]) -> None:
        """DROP + INSERT DATA, several documents per request, at most `chunk_triples`
        triples per request; a bigger document is split over several requests with
        its completion triples in the last one."""
        drops: list[ox.NamedNode] = []
        body: list[ox.Quad] = []
        marks: list[ox.Quad] = []

        def flush() -> None:
            parts = [f"DROP SILENT GRAPH {g}" for g in drops]
            if body:
                parts.append(_insert_data(body))
            if marks:
                parts.append(_insert_data(marks))  # after the body: see the module docstring
            if parts:
                self._update(" ;\n".join(parts))
            drops.clear(), body.clear(), marks.clear()

        for g, quads in graphs.items():
            content, completion = _split_completion(quads)
            if drops and len(body) + len(marks) + len(content) + len(completion) > self.chunk_triples:
                flush()
            drops.append(g)
            for i in range(0, len(content), self.chunk_triples):
                if i:
                    flush()
                body.extend(content[i : i + self.chunk_triples])
            marks.extend(completion)
        flush()

    def _replace_with_gsp(self, graphs: Mapping[ox.NamedNode, Sequence[ox.Quad]]) -> None:
        """One PUT per document (replaces the graph), `writers` at a time, then the
        completion triples of the whole batch in one small SPARQL update, only once
        every PUT has succeeded."""
        marks: list[ox.Quad] = []
        jobs = []
        for g, quads in graphs.items():
            content, completion = _split_completion(quads)
            jobs.append((g, content))
            marks.extend(completion)
        if self.writers > 1 and len(jobs) > 1:
            with ThreadPoolExecutor(self.writers, thread_name_prefix="socialkg-gsp") as pool:
                futures = [pool.submit(self._put_graph, g, content) for g, content in jobs]
                errors = [f.exception() for f in futures]
            first = next((e for e in errors if e is not None), None)
            if first is not None:
                raise first
        else:
            for g, content in jobs:
                self._put_graph(g, content)
        for i in range(0, len(marks), self.chunk_triples):
            self._update(_insert_data(marks[i : i + self.chunk_triples]))

    def _put_graph(self, g: ox.NamedNode, content: Sequence[ox.Quad]) -> None:
        params = {"graph": g.value}
        if not content:
            self._request("DELETE", self.settings.graph_store, "graph store DELETE", params=params, ok_404=True)
            return
        data = ox.serialize(
            (ox.Triple(q.subject, q.predicate, q.object) for q in content), None, ox.RdfFormat.N_TRIPLES,
        )
        self._request(
            "PUT", self.settings.graph_store, "graph store PUT", params=params, data=data,
            headers={"Content-Type": "application/n-triples; charset=utf-8"},
        )

    def _update(self, sparql: str) -> None:
        self._post_form(self.settings.update_url, {"update": sparql}, "*/*", "update")

    # ---- HTTP

    def _post_form(self, url: str, form: dict[str, str], accept: str, what: str) -> tuple[bytes, str]:
        return self._request(
            "POST", url, what, data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": accept,
            },
        )

    def _request(
        self, method: str, url: str | None, what: str, *, params: dict[str, str] | None = None,
        data: bytes | None = None, headers: dict[str, str] | None = None, ok_404: bool = False,
    ) -> tuple[bytes, str]:
        assert url is not None
        started = time.perf_counter()
        failure: StoreError | None = None
        try:
            auth = self._auth_for(url)
            resp = self._session.request(
                method, url, params=params, data=data, headers=headers, auth=auth,
                timeout=self.settings.timeout, allow_redirects=False,
            )
            if resp.status_code == 401 and auth is None and self.settings.user and self._is_ours(url):
                resp = self._retry_with_challenge(resp, method, url, params, data, headers)
        except requests.Timeout:
            failure = EndpointTimeoutError(
                f"no answer to the {what} within {self.settings.timeout:g} s", path=_redact_url(url),
                hint=f"raise {TIMEOUT_ENV} (or --timeout), or simplify the query",
            )
        except requests.RequestException as exc:
            # Only the exception's class and errno-level reason: its text and its
            # attributes can carry the request (and so its Authorization header).
            failure = StoreError(
                f"cannot reach the SPARQL endpoint ({_connection_reason(exc)})", path=_redact_url(url),
                hint="is the server running and the URL right?",
            )
        if failure is not None:
            raise self._scrub(failure)  # outside `except`: nothing chained
        elapsed = time.perf_counter() - started
        log.debug("%s %s %s -> HTTP %d in %.3f s", what, method, _redact_url(url), resp.status_code, elapsed)
        if resp.status_code >= 400 and not (ok_404 and resp.status_code == 404):
            raise self._scrub(self._http_error(resp, url, what))
        if resp.is_redirect:
            raise StoreError(
                f"the endpoint redirects ({resp.status_code}) to {resp.headers.get('Location', '?')}",
                path=_redact_url(url), hint="use the URL it redirects to",
            )
        if resp.headers.get("X-SPARQL-MaxRows"):
            log.warning(
                "%s capped the result at %s rows (Virtuoso ResultSetMaxRows)",
                _redact_url(url), resp.headers["X-SPARQL-MaxRows"],
            )
        return resp.content, resp.headers.get("Content-Type", "")

    def _is_ours(self, url: str) -> bool:
        # Credentials go only to the endpoints they were configured for.
        s = self.settings
        return url in (s.query, s.update_url, s.graph_store)

    def _auth_for(self, url: str) -> AuthBase | None:
        return self._auth if self._is_ours(url) else None

    def _retry_with_challenge(self, resp, method, url, params, data, headers):  # type: ignore[no-untyped-def]
        """auth = auto: answer the scheme the server asks for, then keep using it."""
        challenge = resp.headers.get("WWW-Authenticate", "").lower()
        user, password = self.settings.user or "", self.settings.password or ""
        with self._auth_lock:  # concurrent PUTs may all meet the first challenge
            if self._auth is None:
                if challenge.startswith("digest"):
                    self._auth = HTTPDigestAuth(user, password)
                elif challenge.startswith("basic"):
                    self._auth = HTTPBasicAuth(user, password)
                else:
                    return resp
            auth = self._auth
        return self._session.request(
            method, url, params=params, data=data, headers=headers, auth=auth,
            timeout=self.settings.timeout, allow_redirects=False,
        )

    def _http_error(self, resp: requests.Response, url: str, what: str) -> StoreError:
        status = f"HTTP {resp.status_code} {resp.reason or ''}".strip()
        message = f"the endpoint refused the {what}: {status}"
        server = _server_message(resp)
        if server:
            message += f": {server}"
        if resp.status_code in (401, 403):
            hint = (
                f"check {USER_ENV} / {PASSWORD_ENV} or the config file; the account needs "
                "update rights to load (Virtuoso: SPARQL_UPDATE, or use /sparql-auth)"
            )
        elif resp.status_code == 404:
            hint = "check the endpoint URL"
        elif "SR353" in server:  # Virtuoso: sorted LIMIT/OFFSET beyond MaxSortedTopRows
            hint = ("raise [Parameters] MaxSortedTopRows in virtuoso.ini, or set "
                    f"{GSP_ENDPOINT_ENV} so big graphs are fetched whole")
        elif resp.status_code == 400 and what in ("query", "update"):
            return EndpointQueryError(message, path=_redact_url(url), hint="check the SPARQL syntax")
        else:
            hint = None
        return StoreError(message, path=_redact_url(url), hint=hint)

    def _scrub(self, error: StoreError) -> StoreError:
        """Belt and braces: a server could echo what it was sent."""
        secret = self.settings.password
        if secret and secret in str(error):
            error = type(error)(error.message.replace(secret, "***"), path=error.path,
                                hint=error.hint)
        return error

    def _parse(self, body: bytes, content_type: str, form: str) -> QueryResult:
        media = content_type.split(";")[0].strip().lower()
        try:
            results_format = ox.QueryResultsFormat.from_media_type(media) if media else None
            if results_format is not None and media != "text/tab-separated-values":
                if results_format == ox.QueryResultsFormat.JSON:
                    body = _fix_json_bnodes(body)
                return ox.parse_query_results(body, results_format)
            rdf_format = ox.RdfFormat.from_media_type(media) if media else None
            if rdf_format is None:
                rdf_format = ox.RdfFormat.N_TRIPLES if form in ("CONSTRUCT", "DESCRIBE") else None
            if rdf_format is None:
                raise StoreError(
                    f"the endpoint answered a {form} query with {media or 'no content type'}",
                    path=self.location, hint="is the URL a SPARQL query endpoint?",
                )
            return RemoteTriples([
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(body, rdf_format, without_named_graphs=True)
            ])
        except (SyntaxError, ValueError) as exc:
            message = f"cannot parse the endpoint's {media or 'untyped'} answer: {exc}"
        raise StoreError(message, path=self.location)


def _split_completion(quads: Sequence[ox.Quad]) -> tuple[list[ox.Quad], list[ox.Quad]]:
    content, completion = [], []
    for q in quads:
        (completion if q.predicate.value in COMPLETION_PREDICATES else content).append(q)
    return content, completion


def _insert_data(quads: Iterable[ox.Quad]) -> str:
    by_graph: dict[ox.NamedNode, list[str]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = (f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


def _server_message(resp: requests.Response) -> str:
    text = resp.text or ""
    if "html" in resp.headers.get("Content-Type", ""):
        text = re.sub(r"<[^>]+>", " ", text)
    # Virtuoso echoes the whole request after "SPARQL query:"; an update can be megabytes.
    text = text.split("\nSPARQL query:", 1)[0]
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= _MESSAGE_LIMIT else text[:_MESSAGE_LIMIT] + " ..."


def _connection_reason(exc: requests.RequestException) -> str:
    for cause in (exc, *exc.args):
        text = str(cause)
        for reason in ("Connection refused", "Name or service not known", "No route to host",
                       "Connection reset", "certificate verify failed", "Temporary failure in name resolution"):
            if reason in text:
                return reason.lower()
    return type(exc).__name__


def _unique(triples: Iterable[ox.Triple]) -> Iterable[ox.Triple]:
    """The same triple stated by several sources is one triple in the union (the dump
    comes in pages of whole graphs, so the server cannot remove the repeats)."""
    seen: set[ox.Triple] = set()
    for t in triples:
        if t not in seen:
            seen.add(t)
            yield t


__all__ = [
    "AUTH_ENV",
    "CONFIG_ENV",
    "ENDPOINT_ENV",
    "GSP_ENDPOINT_ENV",
    "PASSWORD_ENV",
    "TIMEOUT_ENV",
    "UPDATE_ENDPOINT_ENV",
    "USER_ENV",
    "EndpointQueryError",
    "EndpointSettings",
    "EndpointTimeoutError",
    "RemoteStore",
    "RemoteTriples",
    "endpoint_settings",
    "query_form",
]
