"""The socialkg ontology: Turtle terms, SKOS vocabularies, SHACL shapes (data files) and their IRIs."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rdflib is imported only when a graph is asked for: terms.py stays light
    import rdflib

ONTOLOGY_FILE = "socialkg.ttl"
SHAPES_FILE = "shapes.ttl"
VOCAB_DIR = "vocab"


def data_file(name: str) -> Traversable:
    """A data file shipped in this package (`socialkg.ttl`, `shapes.ttl`, `vocab/org-type.ttl`)."""
    node = resources.files(__package__)
    for part in name.split("/"):
        node = node.joinpath(part)
    return node


def vocab_files() -> list[Traversable]:
    """The SKOS concept schemes, `vocab/*.ttl`, in name order."""
    folder = data_file(VOCAB_DIR)
    return sorted((f for f in folder.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)


def _parse(files: list[Traversable]) -> rdflib.Graph:
    import rdflib

    from .terms import PREFIXES

    graph = rdflib.Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    for f in files:
        graph.parse(data=f.read_text(encoding="utf-8"), format="turtle", publicID=f"file:///{f.name}")
    return graph


def ontology_graph() -> rdflib.Graph:
    """The ontology (`socialkg.ttl`) together with its concept schemes (`vocab/*.ttl`)."""
    return _parse([data_file(ONTOLOGY_FILE), *vocab_files()])


def vocab_graph() -> rdflib.Graph:
    """The concept schemes only (org types, evidence types, event types)."""
    return _parse(vocab_files())


def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes (`shapes.ttl`)."""
    return _parse([data_file(SHAPES_FILE)])


__all__ = ["data_file", "ontology_graph", "shapes_graph", "vocab_files", "vocab_graph"]
