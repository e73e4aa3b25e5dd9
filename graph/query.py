"""SPARQL over a store: saved queries, parameters, safety limits, result formats.

A query is SPARQL text, `@file.rq`, or the name of a saved query (`queries/*.rq`).
Saved queries start with header comments:

    # name: partners
    # description: Partners of an organisation, with the evidence for each tie
    # param: org = "MOPS" -- name, acronym or part of the name

Parameters are bound by an inline `VALUES` block put first in the WHERE group, which
every SPARQL 1.1 store understands, so the same text runs on the embedded store and on
a remote server, and FILTERs see the bound values.

Two more header forms make saved queries faster without changing what they mean:
`# resolve: org -> ?orgIri` looks the organisation names up first (see `SavedQuery.bind`),
and lines between `# begin-if: org` and `# end-if: org` (a filter that lets everything
through when the parameter is empty) are left out when it is empty.

Queries are read-only unless `update=True`; federated `SERVICE` calls are refused
unless `allow_service=True` (no request leaves the machine because of a query); a
query has a time limit, and results are materialised into a `ResultTable` so every
store's results print the same way.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError, QuerySyntaxError, QueryTimeoutError, ReadOnlyQueryError
from ..ontology.terms import PREFIXES
from .store import Store
from .summary import SKS, SUMMARY_GRAPH

DEFAULT_TIMEOUT = 60.0  # seconds
QUERY_DIR = "queries"

_UPDATE_WORDS = re.compile(
    r"^\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE
)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    name: str
    default: str | None  # None: required
    help: str = ""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: str
    # `# resolve: org -> ?orgIri`: the parameter names organisations, and ?orgIri can be
    # bound up front to those whose names contain it (see `bind`).
    resolves: tuple[tuple[str, str], ...] = ()

    def bind(self, values: Mapping[str, str], store: Store | None = None) -> str:
        """The query text with its parameters bound (an inline VALUES block first in the
        WHERE group). Given a store, a parameter that names organisations is also looked
        up in the summary graph and its variable bound to the matching IRIs: the query's
        own name filter stays (so the text means the same in any SPARQL tool), but the
        store no longer has to join every tie before it filters (2 ms instead of 2 s
        for `evidence` at 1M triples)."""
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(
                f"saved query '{self.name}' has no parameter {', '.join(unknown)}",
                hint=f"its parameters: {', '.join(sorted(known)) or 'none'}",
            )
        bound = []
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None:
                raise QueryError(
                    f"saved query '{self.name}' needs --param {p.name}=VALUE",
                    hint=p.help or None,
                )
            bound.append((p.name, str(ox.Literal(value))))
        if not bound:
            return self.text
        text = self.text
        for p in self.params:
            if values.get(p.name, p.default) == "":
                text = _without_blocks(text, p.name)
        names = " ".join(f"?{n}" for n, _ in bound)
        row = " ".join(v for _, v in bound)
        blocks = [f"VALUES ({names}) {{ ({row}) }}"]
        if store is not None:
            for param, var in self.resolves:
                value = values.get(param, next(p.default for p in self.params if p.name == param))
                if value:
                    iris = " ".join(str(o) for o in organisations_named(store, value))
                    blocks.append(f"VALUES ?{var} {{ {iris} }}")
        return inject_values(text, "\n  ".join(blocks), self.name)


# `# begin-if: org` ... `# end-if: org`: lines that only matter when the parameter is
# given (a name filter that lets everything through when it is empty). The text means
# the same with or without them, so any SPARQL tool can run the file as it is; `bind`
# leaves them out for an empty value, which spares the store a left join per row
# (`events` at 1M triples: a third of its time).
_BLOCK = r"^[ \t]*#[ \t]*{kind}-if:[ \t]*{name}[ \t]*$"


def _without_blocks(text: str, param: str) -> str:
    begin = re.compile(_BLOCK.format(kind="begin", name=re.escape(param)), re.M)
    end = re.compile(_BLOCK.format(kind="end", name=re.escape(param)), re.M)
    while (b := begin.search(text)) is not None:
        e = end.search(text, b.end())
        text = text[: b.start()] + text[e.end() :]  # balanced: checked by parse_saved_query
    return text


def _check_blocks(text: str, name: str, path: str, params: set[str]) -> None:
    for m in re.finditer(_BLOCK.format(kind="(begin|end)", name=r"(\S+)"), text, re.M):
        if m.group(2) not in params:
            raise QueryError(f"saved query '{name}': '# {m.group(1)}-if: {m.group(2)}' names no parameter", path=path)
    for p in params:
        marks = re.findall(_BLOCK.format(kind="(begin|end)", name=re.escape(p)), text, re.M)
        if marks != ["begin", "end"] * (len(marks) // 2):
            raise QueryError(f"saved query '{name}': '# begin-if: {p}' and '# end-if: {p}' do not pair up", path=path)


def organisations_named(store: Store, name: str) -> list[ox.NamedNode]:
    """Organisations any of whose names or acronyms contains `name` (case-insensitive),
    as the saved queries match them, from the summary graph."""
    rows = store.query(
        f"SELECT DISTINCT ?o WHERE {{ GRAPH {SUMMARY_GRAPH} {{ ?o <{SKS}search> ?key }} "
        f"FILTER(CONTAINS(?key, LCASE({ox.Literal(name)}))) }}"
    )
    return sorted((r["o"] for r in rows), key=lambda n: n.value)


def _mask(text: str) -> str:
    """The text with strings, IRIs and comments blanked out, offsets unchanged."""
    pattern = re.compile(
        r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*'
    )
    return pattern.sub(lambda m: "x" * len(m.group()), text)


def inject_values(text: str, values: str, name: str = "query") -> str:
    """Put an inline VALUES block first in the WHERE group, so the bound values are
    visible to every FILTER of the group (a trailing VALUES joins only afterwards)."""
    masked = _mask(text)
    m = re.search(r"\bWHERE\s*\{", masked, re.IGNORECASE)
    if m is None:
        form = _FORM.search(masked)
        brace = masked.find("{", form.end() if form else 0)
        if brace < 0:
            raise QueryError(f"cannot bind parameters of '{name}': no WHERE group found")
        at = brace + 1
    else:
        at = m.end()
    return f"{text[:at]}\n  {values}\n{text[at:]}"


def parse_saved_query(text: str, path: str) -> SavedQuery:
    name = Path(path).stem
    description = ""
    params: list[Param] = []
    resolves: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line.lstrip("#").strip()
        key, _, value = body.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "name" and value:
            name = value
        elif key == "description":
            description = value
        elif key == "param":
            spec, _, help_text = value.partition("--")
            pname, eq, default = spec.partition("=")
            default_value = None
            if eq:
                default = default.strip()
                default_value = json.loads(default) if default.startswith('"') else default
            params.append(Param(pname.strip(), default_value, help_text.strip()))
        elif key == "resolve":
            pname, _, var = value.partition("->")
            resolves.append((pname.strip(), var.strip().lstrip("?$")))
    known = {p.name for p in params}
    for pname, _ in resolves:
        if pname not in known:
            raise QueryError(f"saved query '{name}': '# resolve: {pname}' names no parameter", path=path)
    _check_blocks(text, name, path, known)
    return SavedQuery(name, description, tuple(params), text, path, tuple(resolves))


def saved_queries(extra_dirs: Sequence[Path] = ()) -> dict[str, SavedQuery]:
    """The shipped saved queries, plus any `*.rq` in `extra_dirs` (later ones win)."""
    found: dict[str, SavedQuery] = {}
    shipped = resources.files(__package__).joinpath(QUERY_DIR)
    files = [shipped.joinpath(n) for n in sorted(p.name for p in shipped.iterdir()) if n.endswith(".rq")]
    for d in extra_dirs:
        files.extend(sorted(Path(d).glob("*.rq")))
    for f in files:
        sq = parse_saved_query(f.read_text(encoding="utf-8"), str(f))
        found[sq.name] = sq
    return found


def resolve_query(query: str, params: Mapping[str, str] | None = None, store: Store | None = None) -> str:
    """SPARQL text from `query`: literal text, `@file.rq`, or a saved query's name
    (with `store`, organisation names among its parameters are looked up first)."""
    params = dict(params or {})
    if query.startswith("@"):
        path = Path(query[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read the query file: {exc.strerror}", path=str(path)) from exc
        # Bound even without --param: the file's defaults apply, as for a saved query.
        return parse_saved_query(text, str(path)).bind(params, store)
    if re.fullmatch(r"[A-Za-z][\w-]*", query.strip()):
        known = saved_queries()
        if query.strip() in known:
            return known[query.strip()].bind(params, store)
        raise QueryError(
            f"no saved query named '{query.strip()}'",
            hint=f"`socialkg queries` lists them: {', '.join(sorted(known))}",
        )
    if params:
        raise QueryError("--param only applies to saved queries and @file.rq queries")
    return query


# One left-to-right pass over the query, the way SPARQL's own lexer reads it: an IRI
# may hold an apostrophe, a comment may hold a quote mark, a long string may hold
# newlines. Stripping each kind in turn with separate regexes let a quote mark in a
# comment or an IRI hide a real SERVICE call, so keywords are looked for on tokens.
_TOKENS = re.compile(
    r'''(?P<long>"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""|\'\'\'(?:(?:'|'')?(?:[^'\\]|\\.))*\'\'\')
      | (?P<short>"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<comment>\#[^\n\r]*)
      | (?P<var>[?$]\w+)
      | (?P<name>[^\W\d][\w.\-]*(?::[\w.\-:%\\]*)?|:[\w.\-:%\\]*|\d[\w.\-]*)
      | (?P<other>.)''',
    re.S | re.X,
)


def keywords(text: str) -> set[str]:
    """The bare words of a query, upper-cased: not in strings, IRIs, comments, prefixed names."""
    return {
        m.group("name").upper()
        for m in _TOKENS.finditer(text)
        if m.lastgroup == "name" and ":" not in m.group("name")
    }


def uses_service(text: str) -> bool:
    return "SERVICE" in keywords(text)


def uses_load(text: str) -> bool:
    return "LOAD" in keywords(text)


def _looks_like_update(text: str) -> bool:
    body = re.sub(r"^\s*((PREFIX|BASE)\s+[^\n]*\n|#[^\n]*\n|\s+)*", "", text, flags=re.IGNORECASE)
    return bool(_UPDATE_WORDS.match(body)) and not _FORM.match(body)


@dataclass
class ResultTable:
    """Materialised results: rows of a SELECT, a boolean for ASK, triples for graphs."""

    kind: str  # "select" | "ask" | "graph" | "update"
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False  # more rows existed than `max_rows`

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)


def run_query(
    store: Store,
    text: str,
    *,
    update: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int | None = None,
    allow_service: bool = False,
) -> ResultTable:
    """Run SPARQL against the store with the safety rules described above."""
    if uses_service(text) and not allow_service:
        raise QueryError(
            "the query calls a remote SERVICE; federated queries are off",
            hint="pass --allow-service if you really mean to send data to another server",
        )
    if update and uses_load(text) and not allow_service:
        raise QueryError(
            "the update uses LOAD, which fetches data over the network; that is off",
            hint="pass --allow-service with --update if you really mean it, "
            "or download the file and `socialkg load` it",
        )
    if not update and _looks_like_update(text):
        raise ReadOnlyQueryError(
            "this is a SPARQL update and queries are read-only",
            hint="pass --update to change the store",
        )

    def work() -> ResultTable:
        if update:
            store.query(text, update=True)
            return ResultTable(kind="update")
        result = None
        try:
            result = store.query(text)
            return _materialise(result, max_rows)
        except (RuntimeError, OSError) as exc:  # raised while evaluating, e.g. a SERVICE that failed
            message = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
        finally:
            # pyoxigraph's result objects must be dropped on the thread that made them;
            # neither they nor a traceback holding them may leave this function.
            del result
        busy = "Corruption" in message or "IO error" in message
        raise QueryError(f"the query failed while running: {message}",
                         hint="a load may be writing to the store right now; try again" if busy else None)

    try:
        return _with_timeout(work, timeout)
    except SyntaxError as exc:
        raise QuerySyntaxError(f"SPARQL syntax error: {exc}") from exc


def _with_timeout(fn, timeout: float | None):  # type: ignore[no-untyped-def]
    """Run fn in a worker thread (pyoxigraph releases the GIL while it evaluates)."""
    if not timeout:
        return fn()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, name="socialkg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeoutError(
            f"the query ran longer than {timeout:g} s and was abandoned",
            hint="narrow it (filters, LIMIT) or raise --timeout",
        )
    if "error" in box:
        raise box["error"]
    return box["value"]


def _materialise(result: Any, max_rows: int | None) -> ResultTable:
    if isinstance(result, bool) or isinstance(result, ox.QueryBoolean):
        return ResultTable(kind="ask", boolean=bool(result))
    variables = getattr(result, "variables", None)
    if variables is not None:
        names = [v.value if hasattr(v, "value") else str(v).lstrip("?") for v in variables]
        rows: list[list[Any]] = []
        truncated = False
        for solution in result:
            if max_rows is not None and len(rows) >= max_rows:
                truncated = True
                break
            rows.append(list(solution))  # values in the order of `variables`; faster than by name
        return ResultTable(kind="select", variables=names, rows=rows, truncated=truncated)
    triples = []
    truncated = False
    for t in result:
        if max_rows is not None and len(triples) >= max_rows:
            truncated = True
            break
        triples.append(t)
    return ResultTable(kind="graph", triples=triples, truncated=truncated)


# Output formats. Results are already materialised (the timeout needs that), so we
# write the small, fully specified SPARQL CSV/TSV/JSON result formats ourselves
# rather than re-wrapping terms for another library.


def _term_json(term: Any) -> dict[str, str] | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _shorten(iri: str, prefixes: Mapping[str, str]) -> str:
    best = ""
    for p, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(prefixes.get(best, "")):
            local = iri[len(ns) :]
            # display only: '/' is fine for a reader even where Turtle would escape it
            if re.fullmatch(r"[\w\-./]*", local) and not local.endswith("."):
                best = p
    return f"{best}:{iri[len(prefixes[best]):]}" if best else f"<{iri}>"


def _term_text(term: Any, prefixes: Mapping[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _shorten(term.value, prefixes)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def format_result(table: ResultTable, fmt: str, *, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """Render a ResultTable as table | csv | tsv | json | turtle | ntriples."""
    if table.kind == "update":
        return ""
    if table.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": table.boolean}) + "\n"
        return ("true" if table.boolean else "false") + "\n"
    if table.kind == "graph":
        rdf_fmt = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                   "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}.get(fmt, ox.RdfFormat.TURTLE)
        used = {p: ns for p, ns in prefixes.items()} if rdf_fmt == ox.RdfFormat.TURTLE else None
        data = ox.serialize(table.triples, format=rdf_fmt, prefixes=used) if used else ox.serialize(
            table.triples, format=rdf_fmt)
        return data.decode("utf-8")
    if fmt == "json":
        bindings = [
            {v: _term_json(t) for v, t in zip(table.variables, row) if t is not None}
            for row in table.rows
        ]
        return json.dumps({"head": {"vars": table.variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        if fmt == "csv":
            writer = csv.writer(buf, lineterminator="\r\n")
            writer.writerow(table.variables)
            for row in table.rows:
                writer.writerow(["" if t is None else t.value for t in row])
        else:
            buf.write("\t".join(f"?{v}" for v in table.variables) + "\n")
            for row in table.rows:
                buf.write("\t".join("" if t is None else str(t) for t in row) + "\n")
        return buf.getvalue()
    return _ascii_table(table, prefixes)


def _ascii_table(table: ResultTable, prefixes: Mapping[str, str], max_width: int = 60) -> str:
    cells = [[_clip(_term_text(t, prefixes), max_width) for t in row] for row in table.rows]
    widths = [len(v) for v in table.variables]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    line = "+".join("-" * (w + 2) for w in widths)
    out = [" | ".join(v.ljust(w) for v, w in zip(table.variables, widths)), line]
    out += [" | ".join(c.ljust(w) for c, w in zip(row, widths)) for row in cells]
    out.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
