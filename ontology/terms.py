"""IRIs of the socialkg ontology and of the reused vocabularies, for Python code.

The ontology itself is data (`socialkg.ttl`, `shapes.ttl`, `vocab/*.ttl`); this module
only names its terms so that code never spells an IRI by hand. Terms are pyoxigraph
`NamedNode`s because the store and the triple builder work in pyoxigraph terms.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

BASE = "https://w3id.org/socialkg/"
SK = BASE + "ontology#"  # classes and properties minted here
ID = BASE + "id/"  # instance data: organisations, people, events ...
GRAPH = BASE + "graph/"  # named graphs: one per source document
VOCAB = BASE + "vocab/"  # SKOS concept schemes

# Reused vocabularies. schema.org only in its https form (mixing is a known pitfall).
PREFIXES: dict[str, str] = {
    "sk": SK,
    "ski": ID,
    "skv": VOCAB,
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "cpov": "http://data.europa.eu/m8g/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}


class _NS:
    """Attribute access to the terms of one namespace: `ORG.Organization`."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = NamedNode(self._base + name)
        setattr(self, name, node)  # asked for again and again in loops: made once
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._base + name)

    def __str__(self) -> str:
        return self._base


sk = _NS(SK)
org = _NS(PREFIXES["org"])
schema = _NS(PREFIXES["schema"])
foaf = _NS(PREFIXES["foaf"])
skos = _NS(PREFIXES["skos"])
prov = _NS(PREFIXES["prov"])
dcterms = _NS(PREFIXES["dcterms"])
oa = _NS(PREFIXES["oa"])
cpov = _NS(PREFIXES["cpov"])
rdf = _NS(PREFIXES["rdf"])
rdfs = _NS(PREFIXES["rdfs"])
xsd = _NS(PREFIXES["xsd"])

RDF_TYPE = rdf.type

# Concept schemes (vocab/*.ttl); concept IRIs are the scheme IRI + "/" + slug,
# where the slug is the value used in the gold format ("social-welfare-centre").
ORG_TYPE_SCHEME = VOCAB + "org-type"
EVIDENCE_TYPE_SCHEME = VOCAB + "evidence-type"
EVENT_TYPE_SCHEME = VOCAB + "event-type"
METHOD_SCHEME = VOCAB + "method"


def org_type(slug: str) -> NamedNode:
    return NamedNode(f"{ORG_TYPE_SCHEME}/{slug}")


def evidence_type(slug: str) -> NamedNode:
    return NamedNode(f"{EVIDENCE_TYPE_SCHEME}/{slug}")


def event_type(slug: str) -> NamedNode:
    return NamedNode(f"{EVENT_TYPE_SCHEME}/{slug}")


def slug_of(concept_iri: str) -> str:
    """The gold-format slug of a concept IRI (`.../org-type/ngo` -> `ngo`)."""
    return concept_iri.rstrip("/").rsplit("/", 1)[-1]


# Organisation types that are public bodies (also typed cpov:PublicOrganisation).
PUBLIC_ORG_TYPES = frozenset(
    {
        "social-welfare-centre",
        "family-support-centre",
        "social-services-centre",
        "regional-social-policy-centre",
        "local-government",
        "central-government",
        "labour-office",
        "court",
        "police-or-uniformed",
    }
)


def sparql_prefixes() -> str:
    """PREFIX lines for every known prefix, for queries written by hand."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
