"""Remote-store figures: loading and saved-query latency on a private Virtuoso, beside
the embedded store, on the same synthetic graph.

    python -m bench.remote                    # 20k triples, prints a table and a JSON line
    python -m bench.remote --triples 100000 --reps 5

Reusable by the suite (`bench/run.py`):

    from bench.remote import start_virtuoso, virtuoso_store, measure_store
    with start_virtuoso() as v:
        store = virtuoso_store(v)             # writes with Graph Store PUT (the fast way)
        figures = measure_store(store, batches, queries)

Loading is measured the way `socialkg load` writes: batches of 64 documents through
`Store.replace_documents`. On Virtuoso, the Graph Store Protocol path (`write="gsp"`)
is two orders of magnitude faster than SPARQL Update INSERT DATA (`write="update"`),
whose SPARQL compiler slows down with the size of each request.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

try:  # `python -m bench.remote` / `from bench.remote import ...`
    from .virtuoso_launcher import Virtuoso, VirtuosoUnavailable, start_virtuoso
except ImportError:  # loaded by path, with bench/ on sys.path
    from virtuoso_launcher import Virtuoso, VirtuosoUnavailable, start_virtuoso  # type: ignore[no-redef]

from socialkg.graph.query import run_query
from socialkg.graph.remote import EndpointSettings, RemoteStore
from socialkg.graph.store import EmbeddedStore, Store

__all__ = ["measure_store", "start_virtuoso", "virtuoso_store", "Virtuoso", "VirtuosoUnavailable"]


def virtuoso_store(v: Virtuoso, *, write: str = "gsp", timeout: float = 300.0, **options: Any) -> RemoteStore:
    """A RemoteStore on a launched Virtuoso: queries on /sparql, writes with the
    Graph Store Protocol (`write="gsp"`) or SPARQL Update (`write="update"`), both
    through the digest-authenticated endpoints as dba."""
    if write not in ("gsp", "update"):
        raise ValueError("write must be 'gsp' or 'update'")
    settings = EndpointSettings(
        query=v.query_endpoint, update=v.update_endpoint,
        graph_store=v.graph_store_endpoint if write == "gsp" else None,
        user=v.user, password=v.password, auth="digest", timeout=timeout,
    )
    return RemoteStore(settings, **options)


def doc_batches(quads: Iterable[ox.Quad], docs_per_batch: int = 64) -> Iterator[dict[ox.NamedNode, list[ox.Quad]]]:
    """Quads (graphs contiguous, one per document) -> {graph: quads} batches, as `load` builds them."""
    batch: dict[ox.NamedNode, list[ox.Quad]] = {}
    for q in quads:
        if q.graph_name not in batch and len(batch) >= docs_per_batch:
            yield batch
            batch = {}
        batch.setdefault(q.graph_name, []).append(q)
    if batch:
        yield batch


def measure_store(
    store: Store, batches: Iterable[Mapping[ox.NamedNode, list[ox.Quad]]], queries: Mapping[str, str],
    *, reps: int = 3, timeout: float = 300.0,
) -> dict[str, Any]:
    """Load the batches, then time every query (median of `reps` after one warm-up,
    rows materialised as `socialkg query` does) and an N-Quads export."""
    out: dict[str, Any] = {}
    started, triples, graphs = time.perf_counter(), 0, 0
    for batch in batches:
        store.replace_documents(batch)
        triples += sum(len(q) for q in batch.values())
        graphs += len(batch)
    load_s = time.perf_counter() - started
    out["load"] = {"triples": triples, "graphs": graphs, "seconds": round(load_s, 3),
                   "triples_per_s": round(triples / load_s) if load_s else None}
    out["queries"] = {}
    for name, text in queries.items():
        try:
            run_query(store, text, timeout=timeout)
            times, rows = [], 0
            for _ in range(reps):
                t = time.perf_counter()
                rows = len(run_query(store, text, timeout=timeout))
                times.append(time.perf_counter() - t)
            out["queries"][name] = {"ms": round(statistics.median(times) * 1000, 1), "rows": rows}
        except Exception as exc:  # a benchmark reports, it does not stop
            out["queries"][name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
    buf = io.BytesIO()
    t = time.perf_counter()
    store.dump(buf, ox.RdfFormat.N_QUADS, prefixes={})
    export_s = time.perf_counter() - t
    out["export_nquads"] = {"seconds": round(export_s, 3), "mb": round(len(buf.getvalue()) / 1e6, 2),
                            "triples_per_s": round(triples / export_s) if export_s else None}
    return out


def _synthetic_quads(triples: int, seed: int) -> list[ox.Quad]:
    from .corpus import write_nquads

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nq"
        write_nquads(path, triples, seed)
        return list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.remote", description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--update-max", type=int, default=25_000,
                    help="measure SPARQL Update loading only up to this many triples (it is slow on Virtuoso)")
    args = ap.parse_args(argv)

    from .run import bound_queries

    quads = _synthetic_quads(args.triples, args.seed)
    queries = bound_queries(args.seed)
    results: dict[str, Any] = {"triples": len(quads), "machine": f"{platform.machine()}, "
                               f"{__import__('os').cpu_count()} cores, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory() as tmp:
        embedded = EmbeddedStore(Path(tmp) / "store")
        results["embedded"] = measure_store(embedded, doc_batches(quads), queries, reps=args.reps)
        embedded.close()
    try:
        with start_virtuoso() as v:
            t = time.perf_counter()
            store = virtuoso_store(v)
            store.count_triples()
            results["virtuoso_first_answer_s"] = round(time.perf_counter() - t, 3)
            results["virtuoso_gsp"] = measure_store(store, doc_batches(quads), queries, reps=args.reps)
            if len(quads) <= args.update_max:
                for g in store.graph_sizes():
                    store.query(f"DROP SILENT GRAPH <{g}>", update=True)
                upd = virtuoso_store(v, write="update")
                results["virtuoso_update"] = {"load": measure_store(upd, doc_batches(quads), {}, reps=1)["load"]}
    except VirtuosoUnavailable as exc:
        results["virtuoso_gsp"] = {"skipped": str(exc)}

    print(f"{results['triples']} triples, {results['machine']}")
    for key in ("embedded", "virtuoso_gsp", "virtuoso_update"):
        load = results.get(key, {}).get("load")
        if load:
            print(f"  load {key:16s} {load['triples_per_s']:>9,} triples/s ({load['seconds']} s)")
    print(f"  {'query':24s} {'embedded ms':>12s} {'Virtuoso ms':>12s}")
    for name in queries:
        e = results["embedded"]["queries"].get(name, {})
        r = results.get("virtuoso_gsp", {}).get("queries", {}).get(name, {})
        print(f"  {name:24s} {e.get('ms', e.get('error', '-'))!s:>12s} {r.get('ms', r.get('error', '-'))!s:>12s}")
    for key in ("embedded", "virtuoso_gsp"):
        ex = results.get(key, {}).get("export_nquads")
        if ex:
            print(f"  export N-Quads {key:16s} {ex['triples_per_s']:>9,} triples/s ({ex['seconds']} s)")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
