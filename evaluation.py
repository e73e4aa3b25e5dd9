"""Score extraction against hand annotations (`GOLD_FORMAT.md`).

A corpus folder holds `gold/NAME.json` and the article `NAME.txt` (or `.html`/`.htm`)
either in `texts/` (the development corpus layout) or anywhere else below the folder,
e.g. in language folders (`pl/`, `cs/`, the layout of `examples/`).

Each article is read with `read_article`, run through `extract`, and
`Extraction.to_gold()` is compared with the gold:

- organisations, persons, events, projects: an item matches a gold item when its name
  or any alias equals the gold name or any gold alias after folding case, quotes
  („”“"'»«) and white space; one-to-one, greedily, exact name-to-name pairs first;
- affiliations: (person, organisation) pairs, through the person and organisation
  matches; cooperations: unordered organisation pairs, likewise (predicted
  co-participation ties are not cooperation claims and are left out);
- precision / recall / F1 are micro-averaged: counts summed over all articles;
- canonical-name accuracy (a matched organisation's name equals the gold `name`, folded)
  and type accuracy, over matched organisations;
- across articles: a gold body (same folded canonical name) whose matches land on
  several graph nodes is *split*; a graph node matched to several gold bodies is a
  *merge*. Node identity is exactly the graph's: `graph.build.org_iri_for`.

An article that cannot be read or extracted counts all its gold items as misses and is
listed with its error, so failures lower the scores instead of vanishing.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ExtractionError, SocialKGError, SourceError
from .model import CO_PARTICIPATION, Article, Extraction, Organisation

log = logging.getLogger(__name__)

CATEGORIES = ("organisations", "persons", "affiliations", "events", "projects", "cooperations")
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")

ExtractFn = Callable[[Article], Extraction]

_QUOTES = re.compile(r"[„”“\"'»«]")


def fold(text: str | None) -> str:
    """The matching key: case, quotes („”“"'»«) and white space folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", _QUOTES.sub("", text)).strip().casefold()


# ------------------------------------------------------------------------------ scores


@dataclass
class Score:
    """True positives, false positives, false negatives, and what follows from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None  # nothing in the gold, nothing predicted
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"right": self.right, "total": self.total, "accuracy": _round(self.value)}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass
class DocumentResult:
    """One article: scores, and by name what was missed (fn) and wrongly found (fp)."""

    doc: str
    text_path: str | None
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    missed: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in CATEGORIES})
    false_alarms: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in CATEGORIES})
    wrong_names: list[tuple[str, str]] = field(default_factory=list)  # (predicted, gold)
    wrong_types: list[tuple[str, str, str]] = field(default_factory=list)  # (gold name, predicted, gold)
    canonical_name: Ratio = field(default_factory=Ratio)
    org_type: Ratio = field(default_factory=Ratio)
    role: Ratio = field(default_factory=Ratio)
    basis: Ratio = field(default_factory=Ratio)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "text": self.text_path,
            "error": self.error,
            "scores": {c: s.to_dict() for c, s in self.scores.items()},
            "missed": self.missed,
            "false_alarms": self.false_alarms,
            "wrong_canonical_names": [{"predicted": p, "gold": g} for p, g in self.wrong_names],
            "wrong_types": [{"organisation": n, "predicted": p, "gold": g} for n, p, g in self.wrong_types],
            "canonical_name": self.canonical_name.to_dict(),
            "org_type": self.org_type.to_dict(),
        }


@dataclass
class SplitBody:
    """One gold body (canonical name) whose matches became several graph nodes."""

    name: str
    nodes: dict[str, list[str]]  # node IRI -> docs


@dataclass
class MergedNode:
    """One graph node matched to several different gold bodies."""

    node: str
    bodies: dict[str, list[str]]  # gold canonical name -> docs


@dataclass
class EvaluationReport:
    corpus: str
    documents: list[DocumentResult] = field(default_factory=list)
    totals: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    canonical_name: Ratio = field(default_factory=Ratio)
    org_type: Ratio = field(default_factory=Ratio)
    role: Ratio = field(default_factory=Ratio)
    basis: Ratio = field(default_factory=Ratio)
    bodies_in_several_documents: int = 0
    split_bodies: list[SplitBody] = field(default_factory=list)
    merged_nodes: list[MergedNode] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # layout problems: gold without text ...

    @property
    def failed(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.error]

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "corpus": self.corpus,
            "documents": len(self.documents),
            "failed": [{"doc": d.doc, "error": d.error} for d in self.failed],
            "problems": self.problems,
            "scores": {c: s.to_dict() for c, s in self.totals.items()},
            "organisations": {
                "canonical_name": self.canonical_name.to_dict(),
                "type": self.org_type.to_dict(),
            },
            "affiliation_role": self.role.to_dict(),
            "cooperation_basis": self.basis.to_dict(),
            "cross_document": {
                "bodies_in_several_documents": self.bodies_in_several_documents,
                "split_bodies": [{"name": s.name, "nodes": s.nodes} for s in self.split_bodies],
                "merged_nodes": [{"node": m.node, "bodies": m.bodies} for m in self.merged_nodes],
            },
        }
        if details:
            data["per_document"] = [d.to_dict() for d in self.documents]
        return data

    def to_text(self, details: bool = False) -> str:
        out: list[str] = []
        n_failed = len(self.failed)
        out.append(f"Evaluation of {self.corpus}: {len(self.documents)} document(s), {n_failed} failed")
        out.append("")
        out.append(f"{'':<15}{'gold':>6}{'found':>7}{'right':>7}{'P':>8}{'R':>8}{'F1':>8}")
        for cat in CATEGORIES:
            s = self.totals[cat]
            out.append(f"{cat:<15}{s.tp + s.fn:>6}{s.tp + s.fp:>7}{s.tp:>7}"
                       f"{_pct(s.precision):>8}{_pct(s.recall):>8}{_pct(s.f1):>8}")
        out.append("")
        out.append(f"Organisations matched: canonical name right {_ratio(self.canonical_name)}, "
                   f"type right {_ratio(self.org_type)}")
        out.append(f"Affiliations matched: role right {_ratio(self.role)}; "
                   f"cooperations matched: basis right {_ratio(self.basis)}")
        out.append(f"Across documents: {self.bodies_in_several_documents} gold bodies found in several "
                   f"documents; {len(self.split_bodies)} split over several nodes; "
                   f"{len(self.merged_nodes)} node(s) merging different bodies")
        for split in self.split_bodies:
            out.append(f"  split  {split.name!r} -> {len(split.nodes)} nodes")
            for node, docs in split.nodes.items():
                out.append(f"           {node}  ({', '.join(docs)})")
        for merged in self.merged_nodes:
            out.append(f"  merged {merged.node} <- " + "; ".join(
                f"{name!r} ({', '.join(docs)})" for name, docs in merged.bodies.items()))
        for doc in self.failed:
            out.append(f"  FAILED {doc.doc}: {doc.error}")
        for problem in self.problems:
            out.append(f"  note: {problem}")
        if details:
            out.append("")
            out.append("Per document (F1)")
            short = {"organisations": "org", "persons": "pers", "affiliations": "affil",
                     "events": "event", "projects": "proj", "cooperations": "coop"}
            width = max([len(d.doc) for d in self.documents] + [8])
            out.append(f"{'doc':<{width}}" + "".join(f"{short[c]:>8}" for c in CATEGORIES))
            for d in self.documents:
                out.append(f"{d.doc:<{width}}" + "".join(f"{_pct(d.scores[c].f1):>8}" for c in CATEGORIES))
            for d in self.documents:
                lines = _doc_details(d)
                if lines:
                    out.append("")
                    out.append(f"== {d.doc}" + (f"  ({d.text_path})" if d.text_path else ""))
                    out.extend(lines)
        return "\n".join(out)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _ratio(r: Ratio) -> str:
    return f"{r.right}/{r.total}" + ("" if r.value is None else f" ({100 * r.value:.1f}%)")


def _doc_details(d: DocumentResult) -> list[str]:
    lines = []
    if d.error:
        lines.append(f"  error: {d.error}")
    for cat in CATEGORIES:
        if d.missed[cat]:
            lines.append(f"  missed {cat}: " + "; ".join(d.missed[cat]))
        if d.false_alarms[cat]:
            lines.append(f"  false {cat}: " + "; ".join(d.false_alarms[cat]))
    for predicted, gold in d.wrong_names:
        lines.append(f"  name: {predicted!r} should be {gold!r}")
    for name, predicted, gold in d.wrong_types:
        lines.append(f"  type of {name!r}: {predicted} should be {gold}")
    return lines


# ---------------------------------------------------------------------------- matching


def _names(item: dict[str, Any]) -> set[str]:
    names = {fold(item.get("name"))} | {fold(a) for a in item.get("aliases") or []}
    names.discard("")
    return names


def match_items(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[int, int]:
    """One-to-one greedy matching by folded name/alias; -> {predicted index: gold index}.

    Pairs are taken best first: name = name, then name = alias, then alias = alias,
    and in document order within a rank, so the result does not depend on chance.
    """
    candidates = []
    for gi, g in enumerate(gold):
        g_name, g_all = fold(g.get("name")), _names(g)
        for pi, p in enumerate(predicted):
            p_name, p_all = fold(p.get("name")), _names(p)
            if not g_all & p_all:
                continue
            rank = 0 if p_name and p_name == g_name else 1 if (p_name in g_all or g_name in p_all) else 2
            candidates.append((rank, gi, pi))
    pairs: dict[int, int] = {}
    used_gold: set[int] = set()
    for _rank, gi, pi in sorted(candidates):
        if gi in used_gold or pi in pairs:
            continue
        pairs[pi] = gi
        used_gold.add(gi)
    return pairs


def _pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def score_document(gold: dict[str, Any], predicted: dict[str, Any], doc: str | None = None) -> DocumentResult:
    """Compare one gold-format dict with one predicted gold-format dict."""
    result = DocumentResult(doc=doc or gold.get("doc") or predicted.get("doc") or "?", text_path=None)
    maps: dict[str, dict[str, str]] = {}  # category -> predicted id -> gold id
    for cat in ("organisations", "persons", "events", "projects"):
        g_items, p_items = gold.get(cat) or [], predicted.get(cat) or []
        pairs = match_items(g_items, p_items)
        maps[cat] = {p_items[pi]["id"]: g_items[gi]["id"] for pi, gi in pairs.items()}
        s = result.scores[cat]
        s.tp = len(pairs)
        s.fp = len(p_items) - len(pairs)
        s.fn = len(g_items) - len(pairs)
        matched_gold = set(pairs.values())
        result.missed[cat] = [g["name"] for i, g in enumerate(g_items) if i not in matched_gold]
        result.false_alarms[cat] = [p["name"] for i, p in enumerate(p_items) if i not in pairs]
        if cat == "organisations":
            for pi, gi in pairs.items():
                p, g = p_items[pi], g_items[gi]
                result.canonical_name.total += 1
                if fold(p["name"]) == fold(g["name"]):
                    result.canonical_name.right += 1
                else:
                    result.wrong_names.append((p["name"], g["name"]))
                result.org_type.total += 1
                if p.get("type") == g.get("type"):
                    result.org_type.right += 1
                else:
                    result.wrong_types.append((g["name"], str(p.get("type")), str(g.get("type"))))

    g_orgs = {o["id"]: o["name"] for o in gold.get("organisations") or []}
    p_orgs = {o["id"]: o["name"] for o in predicted.get("organisations") or []}
    g_people = {p["id"]: p["name"] for p in gold.get("persons") or []}
    p_people = {p["id"]: p["name"] for p in predicted.get("persons") or []}
    org_map, person_map = maps["organisations"], maps["persons"]

    # Affiliations: (person, organisation) pairs.
    gold_aff = {(p["id"], a["org"]): a.get("role") for p in gold.get("persons") or []
                for a in p.get("affiliations") or []}
    pred_aff: dict[tuple[str, str], str | None] = {}
    for p in predicted.get("persons") or []:
        for a in p.get("affiliations") or []:
            pred_aff.setdefault((p["id"], a["org"]), a.get("role"))
    hit: set[tuple[str, str]] = set()
    s = result.scores["affiliations"]
    for (pid, oid), role in pred_aff.items():
        key = (person_map.get(pid), org_map.get(oid))
        if key in gold_aff and key not in hit:
            hit.add(key)  # type: ignore[arg-type]
            s.tp += 1
            result.role.total += 1
            result.role.right += fold(role) == fold(gold_aff[key])  # type: ignore[index]
        else:
            s.fp += 1
            result.false_alarms["affiliations"].append(f"{p_people.get(pid, pid)} -> {p_orgs.get(oid, oid)}")
    for key in gold_aff:
        if key not in hit:
            s.fn += 1
            result.missed["affiliations"].append(f"{g_people.get(key[0], key[0])} -> {g_orgs.get(key[1], key[1])}")

    # Cooperations: unordered organisation pairs; co-participation is not a cooperation claim.
    gold_coop = {_pair_key(c["a"], c["b"]): c.get("basis") for c in gold.get("cooperations") or []}
    pred_coop: dict[tuple[str, str], str | None] = {}
    for c in predicted.get("cooperations") or []:
        if c.get("basis") == CO_PARTICIPATION:
            continue
        pred_coop.setdefault(_pair_key(c["a"], c["b"]), c.get("basis"))
    hit_coop: set[tuple[str, str]] = set()
    s = result.scores["cooperations"]
    for (a, b), basis in pred_coop.items():
        ga, gb = org_map.get(a), org_map.get(b)
        key = _pair_key(ga, gb) if ga and gb else None
        if key and key in gold_coop and key not in hit_coop:
            hit_coop.add(key)
            s.tp += 1
            result.basis.total += 1
            result.basis.right += basis == gold_coop[key]
        else:
            s.fp += 1
            result.false_alarms["cooperations"].append(f"{p_orgs.get(a, a)} <-> {p_orgs.get(b, b)}")
    for a, b in gold_coop:
        if (a, b) not in hit_coop:
            s.fn += 1
            result.missed["cooperations"].append(f"{g_orgs.get(a, a)} <-> {g_orgs.get(b, b)}")
    return result


def _all_missed(gold: dict[str, Any], doc: str, text_path: str | None, error: str) -> DocumentResult:
    result = score_document(gold, {}, doc)
    result.text_path = text_path
    result.error = error
    return result


# ------------------------------------------------------------------------------ corpus


def find_documents(corpus_dir: str | Path) -> tuple[list[tuple[str, Path, Path | None]], list[str]]:
    """(doc, gold file, text file or None) for every `gold/*.json`, and layout problems.

    Texts are looked up in `texts/` first, then anywhere below the corpus folder
    (language folders such as `pl/` and `cs/`), by file stem.
    """
    root = Path(corpus_dir)
    gold_dir = root / "gold"
    if not gold_dir.is_dir():
        raise SourceError(
            "no gold/ folder here", path=str(root),
            hint="a corpus is gold/NAME.json plus texts/NAME.txt, or gold/ beside language folders (pl/, cs/)")
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if (path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES and rel.parts[0] != "gold"
                and not any(part.startswith(".") for part in rel.parts)):
            by_stem[path.stem].append(path)
    docs: list[tuple[str, Path, Path | None]] = []
    problems: list[str] = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        stem = gold_file.stem
        texts = sorted(by_stem.get(stem, []), key=lambda p: (p.parent.name != "texts", str(p)))
        if not texts:
            problems.append(f"{gold_file}: no article text named {stem}.txt/.html in {root}")
        elif len(texts) > 1:
            problems.append(f"{stem}: several texts ({', '.join(str(t) for t in texts)}); used {texts[0]}")
        docs.append((stem, gold_file, texts[0] if texts else None))
    if not docs:
        raise SourceError("gold/ holds no annotation files (*.json)", path=str(gold_dir))
    return docs, problems


def _default_extract() -> ExtractFn:
    try:
        from .loaders.nlp import extract
    except ImportError as exc:
        raise ExtractionError(f"the extractor (socialkg.loaders.nlp.extract) cannot be imported: {exc}",
                              hint="pass extract_fn= to evaluate another function") from exc
    return extract


def evaluate_corpus(corpus_dir: str | Path, *, extract_fn: ExtractFn | None = None) -> EvaluationReport:
    """Read, extract and score every annotated article of a corpus folder."""
    from .graph.build import org_iri_for
    from .loaders.article import read_article

    docs, problems = find_documents(corpus_dir)
    extract = extract_fn or _default_extract()
    report = EvaluationReport(corpus=str(corpus_dir), problems=problems)
    # gold body (folded canonical name) -> node IRI -> docs ; node IRI -> gold body -> docs
    body_nodes: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    node_bodies: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    display: dict[str, str] = {}

    for doc, gold_file, text_file in docs:
        try:
            gold = json.loads(gold_file.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            report.problems.append(f"{gold_file}: cannot read the annotation ({exc}); document left out")
            continue
        if text_file is None:
            report.documents.append(_all_missed(gold, doc, None, "no article text for this annotation"))
            continue
        try:
            article = read_article(text_file)
            extraction = extract(article)
            predicted = extraction.to_gold()
        except SocialKGError as exc:
            report.documents.append(_all_missed(gold, doc, str(text_file), exc.describe()))
            continue
        except Exception as exc:  # a bug in one document must not hide the others' scores
            log.exception("evaluation: %s failed", doc)
            report.documents.append(_all_missed(gold, doc, str(text_file), f"internal error: {type(exc).__name__}: {exc}"))
            continue
        result = score_document(gold, predicted, doc)
        result.text_path = str(text_file)
        report.documents.append(result)

        # Cross-document identity of matched organisations.
        g_orgs = gold.get("organisations") or []
        pairs = match_items(g_orgs, predicted.get("organisations") or [])
        for pi, gi in pairs.items():
            org: Organisation = extraction.organisations[pi]
            node = org_iri_for(org).value
            body = fold(g_orgs[gi]["name"])
            display.setdefault(body, g_orgs[gi]["name"])
            body_nodes[body][node].append(doc)
            node_bodies[node][body].append(doc)

    for result in report.documents:
        for cat in CATEGORIES:
            report.totals[cat] += result.scores[cat]
        for name in ("canonical_name", "org_type", "role", "basis"):
            total: Ratio = getattr(report, name)
            part: Ratio = getattr(result, name)
            total.right += part.right
            total.total += part.total

    for body, nodes in sorted(body_nodes.items()):
        docs_with_body = {d for ds in nodes.values() for d in ds}
        if len(docs_with_body) > 1:
            report.bodies_in_several_documents += 1
        if len(nodes) > 1:
            report.split_bodies.append(SplitBody(display[body], {n: sorted(set(d)) for n, d in nodes.items()}))
    for node, bodies in sorted(node_bodies.items()):
        if len(bodies) > 1:
            report.merged_nodes.append(MergedNode(node, {display[b]: sorted(set(d)) for b, d in bodies.items()}))
    return report


def evaluate_extractions(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Score]:
    """Micro-averaged scores over (gold, predicted) gold-format dicts, without reading files."""
    totals = {c: Score() for c in CATEGORIES}
    for gold, predicted in pairs:
        result = score_document(gold, predicted)
        for cat in CATEGORIES:
            totals[cat] += result.scores[cat]
    return totals
