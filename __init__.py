"""socialkg: a knowledge graph of who works with whom in social services.

Sources (Polish and Czech news, press releases, bulletins) -> loaders -> triples
under the socialkg ontology -> graph store -> SPARQL / network / Turtle export.
"""

__version__ = "0.1.0"
