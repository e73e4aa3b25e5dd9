"""The ontology reference, generated from the Turtle: `docs/ontology.md` and a
self-contained `docs/ontology.html` (inline CSS, no scripts, nothing fetched).

Everything shown is read from `socialkg.ttl` and `vocab/*.ttl`; the Turtle example is
built by `graph/build.py` itself from a tiny hand-made article, so the reference shows
the graph exactly as the loader writes it. Output is deterministic (sorted, no dates),
and a test checks that the committed files equal a fresh rendering.

Regenerate with `python -m socialkg.ontology.docs [OUT_DIR]` (default: the repo's docs/).
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import ontology_graph
from .terms import PREFIXES, SK, VOCAB

LANGS = ("en", "pl", "cs")
ONTOLOGY_IRI = "https://w3id.org/socialkg/ontology"
_NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
}
_SHORT = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


@dataclass
class Term:
    iri: str
    kind: str  # "Class" | "ObjectProperty" | "DatatypeProperty" | "Concept"
    labels: dict[str, str]
    definition: str
    facts: list[tuple[str, str]] = field(default_factory=list)  # (heading, value) rows

    @property
    def name(self) -> str:
        return short(self.iri)

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")


@dataclass
class Scheme:
    iri: str
    labels: dict[str, str]
    definition: str
    concepts: list[Term]


@dataclass
class Reference:
    title: str
    version: str
    description: str
    license: str
    creator: str
    classes: list[Term]
    properties: list[Term]
    schemes: list[Scheme]
    example: str


def short(iri: str) -> str:
    for prefix, ns in _SHORT:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _labels(g, node, prop) -> dict[str, str]:  # type: ignore[no-untyped-def]
    out = {}
    for lit in g.objects(node, prop):
        lang = getattr(lit, "language", None)
        if lang in LANGS and lang not in out:
            out[lang] = str(lit)
    return out


def _en(g, node, prop) -> str:  # type: ignore[no-untyped-def]
    values = sorted(str(v) for v in g.objects(node, prop) if getattr(v, "language", None) in ("en", None))
    return values[0] if values else ""


def _iris(g, node, prop) -> str:  # type: ignore[no-untyped-def]
    return ", ".join(sorted(short(str(o)) for o in g.objects(node, prop) if not _is_blank(o)))


def _is_blank(term: object) -> bool:
    return type(term).__name__ == "BNode"


def collect() -> Reference:
    """Read the ontology and vocabularies into plain data for the renderers."""
    from rdflib import Namespace, URIRef

    g = ontology_graph()
    rdf, rdfs, owl, skos, dct = (Namespace(_NS[p]) for p in ("rdf", "rdfs", "owl", "skos", "dcterms"))
    head = URIRef(ONTOLOGY_IRI)

    def term(node, kind: str) -> Term:  # type: ignore[no-untyped-def]
        labels = _labels(g, node, rdfs.label) or _labels(g, node, skos.prefLabel)
        definition = _en(g, node, skos.definition) or _en(g, node, rdfs.comment)
        return Term(str(node), kind, labels, definition)

    classes = []
    for node in sorted(set(g.subjects(rdf.type, owl.Class)), key=str):
        if not str(node).startswith(SK):
            continue
        t = term(node, "Class")
        t.facts = [(k, v) for k, v in (
            ("subclass of", _iris(g, node, rdfs.subClassOf)),
            ("disjoint with", _iris(g, node, owl.disjointWith)),
            ("see also", _iris(g, node, rdfs.seeAlso)),
        ) if v]
        classes.append(t)

    properties = []
    kinds = {owl.ObjectProperty: "ObjectProperty", owl.DatatypeProperty: "DatatypeProperty"}
    for node in sorted({s for k in kinds for s in g.subjects(rdf.type, k)}, key=str):
        if not str(node).startswith(SK):
            continue
        types = set(g.objects(node, rdf.type))
        kind = next(v for k, v in kinds.items() if k in types)
        t = term(node, kind)
        traits = [n for n, c in (("symmetric", owl.SymmetricProperty), ("functional", owl.FunctionalProperty))
                  if c in types]
        t.facts = [(k, v) for k, v in (
            ("domain", _iris(g, node, rdfs.domain)),
            ("range", _iris(g, node, rdfs.range)),
            ("subproperty of", _iris(g, node, rdfs.subPropertyOf)),
            ("characteristics", ", ".join(traits)),
            ("see also", _iris(g, node, rdfs.seeAlso)),
        ) if v]
        properties.append(t)

    schemes = []
    for node in sorted(g.subjects(rdf.type, skos.ConceptScheme), key=str):
        concepts = []
        for c in sorted(g.subjects(skos.inScheme, node), key=str):
            t = term(c, "Concept")
            t.facts = [(k, v) for k, v in (
                ("notation", ", ".join(sorted(str(n) for n in g.objects(c, skos.notation)))),
                ("also known as", ", ".join(sorted({str(a) for a in g.objects(c, skos.altLabel)}))),
                ("broader", _iris(g, c, skos.broader)),
                ("close match", _iris(g, c, skos.closeMatch)),
                ("narrow match", _iris(g, c, skos.narrowMatch)),
                ("note", _en(g, c, skos.scopeNote)),
            ) if v]
            concepts.append(t)
        schemes.append(Scheme(str(node), _labels(g, node, skos.prefLabel), _en(g, node, skos.definition), concepts))

    return Reference(
        title=_en(g, head, dct.title),
        version=str(g.value(head, owl.versionInfo) or ""),
        description=_en(g, head, dct.description),
        license=str(g.value(head, dct.license) or ""),
        creator=str(g.value(head, dct.creator) or ""),
        classes=classes,
        properties=properties,
        schemes=schemes,
        example=example_turtle(),
    )


def example_turtle() -> str:
    """An organisation and a cooperation with its evidence, as graph/build.py writes them."""
    import pyoxigraph as ox

    from ..graph.build import to_quads
    from ..model import Article, Cooperation, Evidence, Extraction, Organisation

    text = "Miejski Ośrodek Pomocy Społecznej w Kaliszu podpisał porozumienie z Fundacją Ala."
    quote = "podpisał porozumienie z Fundacją Ala"
    start = text.index(quote)
    ev = Evidence(sentence=text, start=start, end=start + len(quote), method="rule:coop-porozumienie",
                  confidence=0.9, quote=quote)
    article = Article(path="/data/example.txt", source_iri="file:///data/example.txt", doc="example", text=text,
                      raw_hash="0" * 64, title="Porozumienie w Kaliszu", published="2024-05-10", lang="pl")
    extraction = Extraction(
        doc="example", lang="pl", published="2024-05-10",
        organisations=[
            Organisation("o1", "Miejski Ośrodek Pomocy Społecznej w Kaliszu", ["MOPS w Kaliszu"],
                         "social-welfare-centre", "Kalisz", acronym="MOPS"),
            Organisation("o2", "Fundacja Ala", ["Fundacją Ala"], "ngo", "Kalisz"),
        ],
        cooperations=[Cooperation("o1", "o2", "agreement", quote, provenance=ev)],
    )
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in to_quads(article, extraction)},
                     key=lambda t: (t.subject.value, t.predicate.value, str(t.object)))
    # ski:/skv: local names hold '/', which Turtle would escape ("ski:org\/..."): full IRIs read better
    used = {p: ns for p, ns in PREFIXES.items() if p not in ("ski", "skv") and any(ns in str(t) for t in triples)}
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used).decode("utf-8").strip() + "\n"


# ---------------------------------------------------------------- Markdown

def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(ref: Reference) -> str:
    out = [f"# {ref.title} {ref.version}", "",
           "<!-- generated by `python -m socialkg.ontology.docs` from ontology/*.ttl; do not edit -->", "",
           ref.description, "",
           f"Namespace `{SK}` (prefix `sk:`), concept schemes under `{VOCAB}` (prefix `skv:`). "
           f"Licence: {ref.license}. Creator: {ref.creator}.", "",
           "## Contents", "", "- [Prefixes](#prefixes)", "- [Classes](#classes)", "- [Properties](#properties)",
           "- [Concept schemes](#concept-schemes)", "- [Example](#example)", "",
           "## Prefixes", "", "| prefix | namespace |", "| --- | --- |"]
    out += [f"| `{p}:` | `{ns}` |" for p, ns in PREFIXES.items()]
    for heading, terms in (("Classes", ref.classes), ("Properties", ref.properties)):
        out += ["", f"## {heading}", ""]
        for t in terms:
            out += _md_term(t, level="###")
    out += ["", "## Concept schemes", ""]
    for s in ref.schemes:
        out += [f"### {short(s.iri)}", "", " · ".join(f"{s.labels[lang]} ({lang})" for lang in LANGS if lang in s.labels),
                "", s.definition, "", "| concept | en | pl | cs | definition |", "| --- | --- | --- | --- | --- |"]
        for c in s.concepts:
            extra = "; ".join(f"{k}: {v}" for k, v in c.facts if k != "notation")
            cells = [f"`{c.name}`", *(c.labels.get(lang, "") for lang in LANGS),
                     c.definition + (f" ({extra})" if extra else "")]
            out.append("| " + " | ".join(_md_escape(x) for x in cells) + " |")
        out.append("")
    out += ["## Example", "", "An organisation and a cooperation with its evidence, as `graph/build.py` writes them "
            "(one source's named graph):", "", "```turtle", ref.example.rstrip(), "```", ""]
    return "\n".join(out)


def _md_term(t: Term, level: str) -> list[str]:
    lines = [f"{level} {t.name}", "", f"*{t.kind}* · " + " · ".join(
        f"{t.labels[lang]} ({lang})" for lang in LANGS if lang in t.labels), "", t.definition, ""]
    lines += [f"- **{k}**: {v}" for k, v in t.facts]
    return [*lines, ""] if t.facts else lines


# ---------------------------------------------------------------- HTML

_CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
h1{font-size:1.8rem}h2{border-bottom:2px solid #dde3ea;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin:1.8rem 0 .3rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.1rem}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
pre{background:#f5f7f9;padding: .8rem;overflow-x:auto;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #dde3ea;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f0f3f6}.kind{color:#5b6b7c;font-size:.9em}.labels span{margin-right:1rem}.labels small{color:#5b6b7c}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem;margin:.4rem 0}dt{color:#5b6b7c}dd{margin:0}
nav ul{columns:2}
""".strip()


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def render_html(ref: Reference) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{_h(ref.title)} {_h(ref.version)}</title>", f"<style>\n{_CSS}\n</style>", "</head>", "<body>",
             "<!-- generated by python -m socialkg.ontology.docs from ontology/*.ttl; do not edit -->",
             f"<h1>{_h(ref.title)} <small>{_h(ref.version)}</small></h1>", f"<p>{_h(ref.description)}</p>",
             f"<p>Namespace <code>{_h(SK)}</code> (prefix <code>sk:</code>), concept schemes under "
             f"<code>{_h(VOCAB)}</code>. Licence: <a href=\"{_h(ref.license)}\">{_h(ref.license)}</a>. "
             f"Creator: {_h(ref.creator)}.</p>", "<nav><ul>"]
    for t in [*ref.classes, *ref.properties]:
        parts.append(f'<li><a href="#{t.anchor}">{_h(t.name)}</a></li>')
    parts += ["</ul></nav>", '<h2 id="prefixes">Prefixes</h2>', "<table><tr><th>prefix</th><th>namespace</th></tr>"]
    parts += [f"<tr><td><code>{_h(p)}:</code></td><td><code>{_h(ns)}</code></td></tr>" for p, ns in PREFIXES.items()]
    parts.append("</table>")
    for heading, anchor, terms in (("Classes", "classes", ref.classes), ("Properties", "properties", ref.properties)):
        parts.append(f'<h2 id="{anchor}">{heading}</h2>')
        for t in terms:
            parts += _html_term(t)
    parts.append('<h2 id="concept-schemes">Concept schemes</h2>')
    for s in ref.schemes:
        parts += [f"<h3>{_h(short(s.iri))}</h3>", _html_labels(s.labels), f"<p>{_h(s.definition)}</p>",
                  "<table><tr><th>concept</th><th>en</th><th>pl</th><th>cs</th><th>definition</th></tr>"]
        for c in s.concepts:
            extra = "; ".join(f"{k}: {v}" for k, v in c.facts if k != "notation")
            parts.append("<tr>" + "".join(f"<td>{_h(x)}</td>" for x in (
                c.name, *(c.labels.get(lang, "") for lang in LANGS),
                c.definition + (f" ({extra})" if extra else ""))) + "</tr>")
        parts.append("</table>")
    parts += ['<h2 id="example">Example</h2>',
              "<p>An organisation and a cooperation with its evidence, as <code>graph/build.py</code> writes them "
              "(one source's named graph):</p>", f"<pre>{_h(ref.example.rstrip())}</pre>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _html_labels(labels: dict[str, str]) -> str:
    return '<p class="labels">' + "".join(
        f"<span>{_h(labels[lang])} <small>{lang}</small></span>" for lang in LANGS if lang in labels) + "</p>"


def _html_term(t: Term) -> list[str]:
    out = [f'<h3 id="{t.anchor}">{_h(t.name)} <span class="kind">{t.kind}</span></h3>', _html_labels(t.labels),
           f"<p>{_h(t.definition)}</p>"]
    if t.facts:
        out.append("<dl>" + "".join(f"<dt>{_h(k)}</dt><dd>{_h(v)}</dd>" for k, v in t.facts) + "</dl>")
    return out


def render_reference(out_dir: str | Path) -> list[Path]:
    """Write `ontology.md` and `ontology.html` into `out_dir`; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ref = collect()
    md, page = out / "ontology.md", out / "ontology.html"
    md.write_text(render_markdown(ref), encoding="utf-8")
    page.write_text(render_html(ref), encoding="utf-8")
    return [md, page]


def default_docs_dir() -> Path:
    """The repository's docs/ folder (the package root is the repository root)."""
    return Path(__file__).resolve().parent.parent / "docs"


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    render_reference(sys.argv[1] if len(sys.argv) > 1 else default_docs_dir())
