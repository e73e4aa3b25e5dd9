"""Export the store as Turtle, TriG, N-Triples, N-Quads or JSON-LD.

Dataset formats (TriG, N-Quads, JSON-LD) keep one named graph per source, so an
export loaded into an empty store gives back the same dataset; triple formats
(Turtle, N-Triples) carry the union of all graphs, with the ontology's prefixes.
"""

from __future__ import annotations

from typing import IO

import pyoxigraph as ox

from ..errors import SocialKGError
from ..ontology.terms import PREFIXES
from .store import Store

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def rdf_format(name: str) -> ox.RdfFormat:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise SocialKGError(
            f"unknown export format '{name}'", hint=f"known: {', '.join(sorted(FORMATS))}"
        ) from None


def export_store(store: Store, out: IO[bytes], fmt: str = "turtle") -> None:
    """Write the whole store to `out` in the named format."""
    rdf = rdf_format(fmt)
    prefixes = PREFIXES if rdf in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    store.dump(out, rdf, prefixes=prefixes)
