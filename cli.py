"""The `socialkg` command line: a thin layer over the library.

Each command parses its options, calls one library function and prints the result.
Library errors (`SocialKGError`) become `Error: ...` lines and exit codes here and
only here. Exit status (README, "What socialkg promises"): 0 success; 1 some input failed, a query
failed, validation found violations, or the store cannot be used; 2 usage error
(click); 3 the store is in use by another socialkg process (try again later);
130 interrupted (Ctrl-C): what was written is complete, the same command finishes it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import SocialKGError, StoreError, StoreLockedError

EXIT_FAILED = 1
EXIT_STORE = 3
EXIT_INTERRUPTED = 130  # the shell's own convention for SIGINT


class StoreInUse(click.ClickException):
    exit_code = EXIT_STORE


class Context:
    """What the command group knows: where the store is."""

    def __init__(self, store_path: str | None, endpoint: str | None) -> None:
        self.store_path = store_path
        self.endpoint = endpoint

    def open(self, *, write: bool = False) -> Any:
        from .graph.stores import open_store

        try:
            # open_store applies the precedence: --endpoint, --store, then
            # SOCIALKG_ENDPOINT, then SOCIALKG_STORE, then ./socialkg-store.
            return open_store(self.store_path, endpoint=self.endpoint, read_only=not write)
        except StoreLockedError as exc:  # exit status 3: "try again later" (README, "What socialkg promises")
            raise StoreInUse(exc.describe()) from exc
        except StoreError as exc:
            raise click.ClickException(exc.describe()) from exc


def _fail(exc: SocialKGError) -> None:
    raise click.ClickException(exc.describe())


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--store", "store_path", metavar="PATH",
    help="Folder of the embedded store [env var: SOCIALKG_STORE; default: ./socialkg-store].",
)
@click.option(
    "--endpoint", metavar="URL",
    help="Use a remote SPARQL 1.1 server instead of the embedded store [env var: SOCIALKG_ENDPOINT] "
    "(credentials from SOCIALKG_ENDPOINT_USER / SOCIALKG_ENDPOINT_PASSWORD, never the command line).",
)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(__version__, prog_name="socialkg")
@click.pass_context
def cli(ctx: click.Context, store_path: str | None, endpoint: str | None, verbose: int) -> None:
    """Build and query a knowledge graph of who works with whom in social services,
    from Polish and Czech news, press releases and bulletins."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.obj = Context(store_path, endpoint)


# --- load -----------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-w", "--workers", type=click.IntRange(1, 64), default=None,
              help="Worker processes for extraction [default: the number of cores].")
@click.option("--max-size", "max_size", type=click.IntRange(1), default=5 * 1024 * 1024, show_default=True,
              metavar="BYTES", help="Largest article file accepted (RDF files: 20x this).")
@click.option("--force", is_flag=True, help="Re-load files whose content is unchanged.")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: on a terminal].")
@click.option("--batch-size", type=click.IntRange(1), default=64, show_default=True, metavar="N",
              help="Documents written per transaction (an interrupted load keeps whole batches).")
@click.pass_obj
def load(obj: Context, paths: tuple[str, ...], workers: int | None, max_size: int, force: bool,
         progress: bool | None, batch_size: int) -> None:
    """Load article texts (.txt, .html) and RDF files (or folders of them) into the store.

    Articles go through the Polish/Czech article loader; RDF files go in as they are.
    Each source becomes one named graph; a changed file replaces what it said before,
    an unchanged one is skipped. Bad files are reported and the rest goes on.
    Exit status 1 if any file failed, 3 if another socialkg process is writing to the
    store, 130 if interrupted (whole documents only were written; run it again).
    """
    from .pipeline import load_paths

    workers = workers or os.cpu_count() or 1
    show = sys.stderr.isatty() if progress is None else progress
    store = obj.open(write=True)
    bar = None

    def on_progress(done: int, total: int) -> None:
        nonlocal bar
        if not show:
            return
        if bar is None:
            bar = click.progressbar(length=total, label="loading", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        try:
            report = load_paths(store, paths, workers=workers, max_bytes=max_size, force=force,
                                batch_size=batch_size, progress=on_progress)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
            store.close()
        # Inside the handler too: a Ctrl-C that lands while the summary prints must
        # still end with 130, not click's generic "Aborted!".
        for w in report.warnings:
            click.echo(f"warning: {w.message}", err=True)
        for e in report.errors:
            message = e.message if e.message.startswith(e.path) else f"{e.path}: {e.message}"
            click.echo(f"error: {message}", err=True)
        click.echo(report.summary())
    except SocialKGError as exc:
        _fail(exc)
    except KeyboardInterrupt:  # also when it comes while the store is being closed
        # Batches are transactions: what is in the store is whole documents only.
        click.echo("\ninterrupted: every document written so far is complete; "
                   "run the same command again to load the rest", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if report.failed:
        sys.exit(EXIT_FAILED)


# --- query ----------------------------------------------------------------------------


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        name, eq, value = item.partition("=")
        if not eq or not name:
            raise click.BadParameter(f"'{item}' is not NAME=VALUE", param_hint="--param")
        params[name.strip()] = value
    return params


@cli.command()
@click.argument("query")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Fill a parameter of a saved query (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "turtle", "ntriples"]),
              default=None, help="Output format [default: table; turtle for CONSTRUCT/DESCRIBE].")
@click.option("--update", is_flag=True, help="Allow SPARQL Update (queries are read-only otherwise).")
@click.option("--timeout", type=float, default=60.0, show_default=True, metavar="SECONDS",
              help="Abandon the query after this long (0: no limit).")
@click.option("--limit", "max_rows", type=click.IntRange(0), default=None, metavar="N",
              help="Show at most N rows [default: 1000 for the table, all otherwise; 0: all].")
@click.option("--allow-service", is_flag=True, help="Allow federated SERVICE calls to other servers.")
@click.pass_obj
def query(obj: Context, query: str, params: tuple[str, ...], fmt: str | None, update: bool,
          timeout: float, max_rows: int | None, allow_service: bool) -> None:
    """Run a SPARQL query: QUERY is SPARQL text, @file.rq, or a saved query's name.

    \b
    Examples:
      socialkg query 'SELECT ?n WHERE { ?o a org:Organization ; skos:prefLabel ?n }'
      socialkg query partners --param org="MOPS w Kaliszu"
      socialkg query @my-query.rq --format csv
    All prefixes of the ontology (sk, org, schema, foaf, skos, prov, dcterms ...) are predeclared.
    """
    from .graph.query import format_result, resolve_query, run_query

    try:
        text = resolve_query(query, _parse_params(params))  # errors in the query before the store is opened
    except SocialKGError as exc:
        _fail(exc)
    limit = max_rows if max_rows is not None else (1000 if fmt in (None, "table") else 0)
    store = obj.open(write=update)
    try:
        # again, with the store: organisation names among the parameters are looked up
        text = resolve_query(query, _parse_params(params), store)
        table = run_query(store, text, update=update, timeout=timeout or None,
                          max_rows=limit or None, allow_service=allow_service)
        if table.kind == "update":
            # An update can change anything: the derived summary graph is rebuilt whole.
            rebuilt = store.rebuild_summary()
    except SocialKGError as exc:
        _fail(exc)
    finally:
        store.close()
    if table.kind == "update":
        click.echo(f"update done; summaries of {rebuilt} entities rebuilt", err=True)
        return
    chosen = fmt or ("turtle" if table.kind == "graph" else "table")
    click.echo(format_result(table, chosen), nl=False)
    if table.truncated:
        click.echo(f"note: output stopped at {limit} rows; use --limit 0 for all", err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable list.")
def queries(as_json: bool) -> None:
    """List the saved queries, with a one-line description and their parameters."""
    from .graph.query import saved_queries

    found = saved_queries()
    if as_json:
        click.echo(json.dumps([
            {"name": q.name, "description": q.description,
             "params": [{"name": p.name, "default": p.default, "help": p.help} for p in q.params]}
            for q in found.values()
        ], ensure_ascii=False, indent=1))
        return
    for q in found.values():
        click.echo(f"{q.name:<22} {q.description}")
        for p in q.params:
            default = "required" if p.default is None else f"default {json.dumps(p.default, ensure_ascii=False)}"
            click.echo(f"{'':<24}--param {p.name}=...  ({default}) {p.help}")


# --- export, validate, stats ------------------------------------------------------------


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["turtle", "trig", "nt", "nq", "jsonld"]),
              default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file [default: standard output].")
@click.pass_obj
def export(obj: Context, fmt: str, output: str) -> None:
    """Export the store: Turtle/N-Triples (union of all sources, with the ontology's
    prefixes) or TriG/N-Quads/JSON-LD (one named graph per source)."""
    from .graph.export import export_store

    store = obj.open()
    try:
        if output == "-":
            export_store(store, sys.stdout.buffer, fmt)
            sys.stdout.buffer.flush()
        else:
            # Write beside the target and rename, so a failed export never leaves half a file.
            target = Path(output)
            tmp = target.with_name(f".{target.name}.part")
            with open(tmp, "wb") as fh:
                export_store(store, fh, fmt)
            tmp.replace(target)
            click.echo(f"wrote {target}", err=True)
    except SocialKGError as exc:
        _fail(exc)
    finally:
        store.close()


@cli.command()
@click.option("--max-shown", type=click.IntRange(1), default=30, show_default=True,
              help="Violations shown in full; the rest are counted.")
@click.pass_obj
def validate(obj: Context, max_shown: int) -> None:
    """Check the store against the ontology's SHACL shapes; exit 1 on violations."""
    from .graph.validate import validate_store

    store = obj.open()
    try:
        report = validate_store(store, max_shown=max_shown)
    except SocialKGError as exc:
        _fail(exc)
    finally:
        store.close()
    click.echo(report.text)
    if not report.conforms:
        sys.exit(EXIT_FAILED)


@cli.command()
@click.pass_obj
def reindex(obj: Context) -> None:
    """Rebuild the summary graph the saved queries read, from the source graphs.

    `load` keeps it up to date; run this after changing the store by other means
    (another tool writing to the same SPARQL server, a store from an older socialkg).
    """
    store = obj.open(write=True)
    try:
        n = store.rebuild_summary()
    except SocialKGError as exc:
        _fail(exc)
    finally:
        store.close()
    click.echo(f"summaries of {n} entities rebuilt")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable counts.")
@click.pass_obj
def stats(obj: Context, as_json: bool) -> None:
    """Counts by class, sources, organisations, cooperations by evidence type."""
    from .graph.stats import format_stats, store_stats

    store = obj.open()
    try:
        s = store_stats(store)
    except SocialKGError as exc:
        _fail(exc)
    finally:
        store.close()
    click.echo(json.dumps(s.to_dict(), ensure_ascii=False, indent=1) if as_json else format_stats(s), nl=False)


# --- extraction -------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "text"]), default="jsonl", show_default=True)
@click.option("--provenance", is_flag=True, help="jsonl: include sentences, offsets, methods, confidences.")
@click.option("--max-size", "max_size", type=click.IntRange(1), default=5 * 1024 * 1024, metavar="BYTES")
def extract(paths: tuple[str, ...], fmt: str, provenance: bool, max_size: int) -> None:
    """Show what the article loader finds in articles, without touching the store.

    jsonl prints one JSON object per article in the gold-annotation shape
    (GOLD_FORMAT.md); text shows the same for a person, with the quotes.
    """
    from .loaders.article import read_article
    from .loaders.nlp import extract as run_extract
    from .pipeline import discover
    from .render_text import extraction_as_text

    files, problems = discover(paths)
    failed = bool(problems)
    for p in problems:
        click.echo(f"error: {p.path}: {p.message}", err=True)
    for path, kind in files:
        if kind != "article":
            continue
        try:
            article = read_article(path, max_bytes=max_size)
            result = run_extract(article)
        except SocialKGError as exc:
            click.echo(f"error: {exc.describe()}", err=True)
            failed = True
            continue
        if fmt == "jsonl":
            click.echo(json.dumps(result.to_gold(with_provenance=provenance), ensure_ascii=False))
        else:
            click.echo(extraction_as_text(article, result))
    if failed:
        sys.exit(EXIT_FAILED)


@cli.command()
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@click.option("--details", is_flag=True, help="Per-document scores and the misses and false alarms by name.")
def evaluate(corpus_dir: str, as_json: bool, details: bool) -> None:
    """Score extraction against hand annotations (a folder with texts/ and gold/)."""
    from .evaluation import evaluate_corpus

    try:
        report = evaluate_corpus(corpus_dir)
    except SocialKGError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(report.to_dict(details=details), ensure_ascii=False, indent=1))
    else:
        click.echo(report.to_text(details=details))


# --- network ------------------------------------------------------------------------------


_NETWORK_FORMATS = ("html", "graphml", "gexf", "json", "csv")


@cli.command()
@click.option("--html", "html_file", type=click.Path(dir_okay=False), default="network.html", show_default=True,
              help="The interactive page to write (format html).")
@click.option("-f", "--format", "fmt", type=click.Choice(_NETWORK_FORMATS), default="html", show_default=True,
              help="html: offline interactive page; graphml/gexf: Gephi, Cytoscape; json: node-link; csv: edge list.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Output file, '-' for standard output [default: --html FILE, or network.FORMAT].")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only organisations of this type (repeatable).")
@click.option("--place", "places", multiple=True, metavar="PLACE", help="Only organisations in this place (repeatable).")
@click.option("--evidence", multiple=True, metavar="TYPE",
              help="Only ties with this evidence: project, agreement, co-organised, stated, co-participation (repeatable).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only evidence from sources dated on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only evidence from sources dated on or before this day.")
@click.option("--min-sources", type=click.IntRange(1), default=1, show_default=True, metavar="N",
              help="Only ties stated by at least N independent sources.")
@click.option("--with-coparticipation/--without-coparticipation", default=False, show_default=True,
              help="Also draw co-participation in events (faint dashed; never counted as cooperation).")
@click.option("--around", metavar="NAME", help="Only the neighbourhood of this organisation (name, acronym, inflected form).")
@click.option("--depth", type=click.IntRange(0), default=1, show_default=True, metavar="N",
              help="With --around: how many steps out.")
@click.option("--communities", is_flag=True, help="Colour nodes by community (Louvain) instead of by type.")
@click.option("--size-by", type=click.Choice(["degree", "betweenness"]), default="degree", show_default=True,
              help="What node size shows.")
@click.option("--seed", type=int, default=42, show_default=True, help="Seed for layout and communities.")
@click.option("--title", default="Partnership network", show_default=True, help="Title of the page.")
@click.option("--stats", "show_stats", is_flag=True,
              help="Print the most connected organisations, brokers, isolated ones and communities instead.")
@click.pass_obj
def network(obj: Context, html_file: str, fmt: str, output: str | None, types: tuple[str, ...],
            places: tuple[str, ...], evidence: tuple[str, ...], since: str | None, until: str | None,
            min_sources: int, with_coparticipation: bool, around: str | None, depth: int,
            communities: bool, size_by: str, seed: int, title: str, show_stats: bool) -> None:
    """The partnership network: who works with whom, and the evidence for each tie.

    \b
    Examples:
      socialkg network                                  # network.html, open it in a browser
      socialkg network --around "MOPS Kalisz" --depth 2 --html kalisz.html
      socialkg network --format graphml -o network.graphml --min-sources 2
      socialkg network --stats --with-coparticipation
    """
    from .graph.network import build_network, format_stats, network_stats, write_network

    store = obj.open()
    try:
        G = build_network(store, types=types, places=places, evidence=evidence, since=since, until=until,
                          min_sources=min_sources, with_coparticipation=with_coparticipation,
                          around=around, depth=depth, centrality=size_by, seed=seed)
        if show_stats:
            click.echo(format_stats(network_stats(G, seed=seed)))
            return
        target = output or (html_file if fmt == "html" else f"network.{fmt}")
        if fmt == "html":
            from .graph.render import render_html

            page = render_html(G, title=title, query_description=G.graph["query"],
                               color_by="community" if communities else "type", size_by=size_by, seed=seed)
            if target == "-":
                click.echo(page, nl=False)
            else:
                _write_atomically(Path(target), page.encode("utf-8"))
        elif target == "-":
            write_network(G, sys.stdout, fmt)
            sys.stdout.flush()
        else:
            tmp = Path(target).with_name(f".{Path(target).name}.part")
            write_network(G, tmp, fmt)
            tmp.replace(target)
    except SocialKGError as exc:
        _fail(exc)
    finally:
        store.close()
    n_coop = sum(1 for *_, d in G.edges(data=True) if d["kind"] == "cooperation")
    n_cop = G.number_of_edges() - n_coop
    where = "standard output" if target == "-" else target
    click.echo(f"wrote {where}: {G.number_of_nodes()} organisations, {n_coop} cooperations"
               + (f", {n_cop} co-participations" if n_cop else "")
               + f", {G.graph['sources']} sources ({G.graph['query']})", err=True)


def _write_atomically(target: Path, data: bytes) -> None:
    tmp = target.with_name(f".{target.name}.part")
    tmp.write_bytes(data)
    tmp.replace(target)


def main() -> None:
    """The console command: click's own error handling, except that Ctrl-C anywhere ends
    with the shell's status for it (130) rather than click's "Aborted!" and 1."""
    try:
        code = cli.main(prog_name="socialkg", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # `socialkg query ... | head`: the reader has gone; say nothing more to it.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
        sys.exit(EXIT_FAILED)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
