"""RDF files go into the store as they are.

Triple formats (Turtle, N-Triples, RDF/XML, N3) land in one named graph per file,
with a small `sk:SourceDocument` record (content hash, format) so an unchanged file
is skipped on the next load. Dataset formats (TriG, N-Quads, JSON-LD) keep the
graphs they name, so a socialkg TriG export loads back into the same dataset.

Parsing is pyoxigraph's (Rust): it never fetches remote JSON-LD contexts or external
XML entities, so a file cannot make socialkg send a request. It does expand entities
declared inside an RDF/XML file, nested ones included, so `check_xml_entities` refuses
a file whose entities would expand past a limit ("billion laughs") before parsing.
Blank nodes get fresh identifiers per file, so `_:b1` in two files stays two nodes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox

from ..errors import RDFSyntaxError, SourceError
from ..graph import iris
from ..ontology import terms as T

RDF_EXTENSIONS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json-ld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}


def is_rdf_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() in RDF_EXTENSIONS


def read_rdf(
    path: str | Path, data: bytes | None = None, *, media_type: str | None = None
) -> dict[ox.NamedNode, list[ox.Quad]]:
    """Parse an RDF file into {named graph: quads}; raise RDFSyntaxError with line/column.

    The format comes from `media_type` when given (`loaders.sources` sniffs it, e.g. for
    Turtle saved as .txt), else from the extension.
    """
    path = Path(path)
    fmt = ox.RdfFormat.from_media_type(media_type) if media_type else None
    fmt = fmt or RDF_EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise SourceError("not an RDF file extension", path=str(path))
    if data is None:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SourceError("the file does not exist (removed while loading?)", path=str(path)) from None
        except OSError as exc:
            raise SourceError(f"cannot read the file: {exc.strerror}", path=str(path)) from exc
    if not data.strip():
        raise SourceError("the file is empty", path=str(path))
    if fmt == ox.RdfFormat.RDF_XML:
        check_xml_entities(data, str(path))
    source_iri = iris.source_iri_for_path(path)
    default_graph = iris.graph_iri(source_iri)
    try:
        parsed = list(ox.parse(data, format=fmt, base_iri=source_iri, rename_blank_nodes=True))
    except SyntaxError as exc:
        if "LoadDocumentCallback" in str(exc):
            raise SourceError(
                "the JSON-LD file refers to a remote @context, which socialkg does not fetch "
                "(no request leaves the machine because of a file)",
                path=str(path), hint="put the context into the file itself",
            ) from None
        where = f"line {exc.lineno}, column {exc.offset}" if exc.lineno else "unknown position"
        message = str(exc.msg if hasattr(exc, "msg") else exc)
        raise RDFSyntaxError(f"{fmt.name} syntax error at {where}: {message}", path=str(path)) from None
    except (ValueError, OSError) as exc:
        raise SourceError(f"cannot parse as {fmt.name}: {exc}", path=str(path)) from None

    graphs: dict[ox.NamedNode, list[ox.Quad]] = {}
    for q in parsed:
        g = q.graph_name if isinstance(q.graph_name, ox.NamedNode) else default_graph
        graphs.setdefault(g, []).append(ox.Quad(q.subject, q.predicate, q.object, g))
    # Triple formats get a source record (content hash: skip the file when unchanged).
    # Dataset formats keep exactly the graphs they name, so an export loads back as it was.
    if not fmt.supports_datasets:
        record = _source_record(source_iri, default_graph, data, fmt)
        graphs.setdefault(default_graph, []).extend(record)
    return graphs


def _source_record(source_iri: str, graph: ox.NamedNode, data: bytes, fmt: ox.RdfFormat) -> list[ox.Quad]:
    src = ox.NamedNode(source_iri)
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    return [
        ox.Quad(src, T.RDF_TYPE, T.sk.SourceDocument, graph),
        ox.Quad(src, T.sk.contentHash, ox.Literal(digest), graph),
        ox.Quad(src, T.dcterms["format"], ox.Literal(fmt.media_type), graph),
        ox.Quad(src, T.dcterms.identifier, ox.Literal(Path(source_iri).stem), graph),
    ]


# --- entity expansion in RDF/XML ---------------------------------------------------------
# Own code rather than defusedxml: pyoxigraph parses the XML itself, and legitimate
# RDF/XML (OWL files) uses small internal entities (`<!ENTITY xsd "http://...#">`),
# which defusedxml would refuse outright; only the expansion size matters.

MAX_ENTITY_EXPANSION = 1_000_000  # characters produced by all entity references together

_ENTITY_DECL = re.compile(
    r"""<!ENTITY\s+(%\s+)?([^\s>]+)\s+(?:(SYSTEM|PUBLIC)\b[^>]*|"([^"]*)"|'([^']*)')\s*>""", re.S
)
_ENTITY_REF = re.compile(r"&([A-Za-z_:][\w.:-]*);")


def check_xml_entities(data: bytes, path: str, limit: int = MAX_ENTITY_EXPANSION) -> None:
    """Refuse RDF/XML whose DTD declares external entities, or entities that expand too far."""
    if b"<!ENTITY" not in data:
        return
    text = data.decode("utf-8", errors="replace")
    decls = list(_ENTITY_DECL.finditer(text))
    if len(decls) != text.count("<!ENTITY"):
        raise SourceError("the file's DTD has an entity declaration socialkg cannot check, so it is not parsed",
                          path=path, hint="remove the <!DOCTYPE ...> block")
    values: dict[str, str] = {}
    for m in decls:
        param, name, external, dq, sq = m.groups()
        if external or param:
            kind = "an external" if external else "a parameter"
            raise SourceError(f"the file declares {kind} XML entity '{name}'; socialkg never resolves "
                              "those (they can read local files or send requests)",
                              path=path, hint="remove the <!DOCTYPE ...> block")
        values[name] = dq if dq is not None else sq

    sizes: dict[str, int] = {}

    def size(name: str, stack: tuple[str, ...] = ()) -> int:
        if name not in values:
            return 1  # predefined (&amp; ...) or undeclared: the parser handles it
        if name in stack:
            raise SourceError(f"the XML entity '{name}' refers to itself", path=path)
        if name not in sizes:
            value = values[name]
            total = len(_ENTITY_REF.sub("", value))
            for ref in _ENTITY_REF.findall(value):
                total += size(ref, (*stack, name))
                if total > limit:
                    break
            sizes[name] = total
        return sizes[name]

    expanded = 0
    for ref in _ENTITY_REF.findall(text):
        expanded += size(ref)
        if expanded > limit:
            raise SourceError(
                f"the file's XML entities would expand to more than {limit} characters "
                "(an entity-expansion or 'billion laughs' file?); not parsed",
                path=path, hint="remove the <!DOCTYPE ...> block or the nested entities",
            )
