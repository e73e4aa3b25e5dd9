"""Loaders: turn source files (article texts, HTML pages, RDF files) into facts."""
