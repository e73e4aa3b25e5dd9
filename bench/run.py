"""The benchmark suite: one command, a table, and one JSON line.

    python -m bench.run --quick                     # < 1 minute on 2 cores (CI runs it)
    python -m bench.run                             # articles 1000, 5000; triples 100k, 1M, 10M
    python -m bench.run --sizes 1000 --triples 100k,1M --json-out bench/results/run.json

What is measured (each stage in its own subprocess, so peak RSS belongs to that stage):
- extract: a synthetic corpus (`bench.corpus`) of N articles; `pipeline.process_file` on
  each, one core, after one warm-up article (dictionaries and patterns load once per
  process; the warm-up time is reported apart) -> articles/s, words/s. Then the whole
  `load_paths` into a fresh store with 1 and with 2 workers -> end-to-end rate and speed-up.
- load: N-Quads of T triples in the graph's shape (`bench.corpus.write_nquads`: synthetic
  Extractions through `graph/build.to_quads`, no NLP), written the way `load_paths`
  writes: parse, then `EmbeddedStore.replace_documents` per batch of 64 documents ->
  triples/s, store size on disk, peak RSS. pyoxigraph's own `bulk_load` on the same
  file is shown beside it for reference (not transactional, not what `load` uses).
- query: every saved query (`graph/queries/*.rq`, parameters bound with values that
  exist in the synthetic data), median of 3 runs after one warm-up, all rows
  materialised, on the embedded store; side by side on rdflib's in-memory `Dataset`
  (default graph = union) loaded from the same N-Quads, one run capped at
  `--rdflib-cap` seconds (shown as ">Xs"); rdflib is skipped at 10M triples. And on a
  private Virtuoso when `bench/virtuoso_launcher.py` and `virtuoso-t` are there
  (not in --quick unless --virtuoso; up to --virtuoso-max, 100k by default).
- export: Turtle export of the loaded store -> seconds, MB, triples/s.
- network: the network page for 2,000 organisations, via `bench/bench_network.py` when present.
- growth: total cost against size between consecutive sizes, as an exponent k
  (cost ~ size^k); k > 1.25 is flagged as super-linear.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKDIR = ROOT / "bench" / "results"
RESULT_TAG = "BENCH-STAGE-RESULT "

TARGETS = {
    "extraction_articles_per_s": 100.0,
    "loading_triples_per_s": 100_000.0,
    "query_ms_at_1m": 200.0,
    "speedup_vs_rdflib": 10.0,
    "peak_rss_mb_at_1m": 2048.0,
    "growth_exponent": 1.25,
}


# --- helpers shared by stages ----------------------------------------------------------

def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def parse_count(text: str) -> int:
    text = text.strip().lower().replace("_", "")
    mult = 1
    if text.endswith("k"):
        mult, text = 1_000, text[:-1]
    elif text.endswith("m"):
        mult, text = 1_000_000, text[:-1]
    return int(float(text) * mult)


def human(n: float) -> str:
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if n >= div:
            v = n / div
            return f"{v:.0f}{unit}" if v == int(v) or v >= 100 else f"{v:.1f}{unit}"
    return f"{n:.0f}"


def bench_params(seed: int) -> dict[str, str]:
    """Values for saved-query parameters that exist in the synthetic data of this seed."""
    from .corpus import universe

    u = universe(seed)
    kalisz = u.at("pl", "Kalisz")
    welfare = next(o for o in kalisz if o.type in ("social-welfare-centre", "social-services-centre"))
    office = next(o for o in kalisz if o.nom.startswith("Urząd Miasta"))
    return {"org": welfare.short["nom"][0] if welfare.short else welfare.nom, "a": welfare.nom, "b": office.nom,
            "type": "ngo", "place": "Kalisz"}


def query_params(seed: int) -> dict[str, dict[str, str]]:
    """Every saved query's parameters: required ones from `bench_params`, optional ones
    left at their defaults (the query as a user first runs it)."""
    from socialkg.graph.query import saved_queries

    values = bench_params(seed)
    return {name: {p.name: values[p.name] for p in sq.params if p.default is None and p.name in values}
            for name, sq in sorted(saved_queries().items())}


def bound_queries(seed: int) -> dict[str, str]:
    """Every saved query's text with `query_params` bound (without a store: no name look-up)."""
    from socialkg.graph.query import saved_queries

    known = saved_queries()
    return {name: known[name].bind(params) for name, params in query_params(seed).items()}


def rdflib_forms() -> dict[str, Any]:
    """The plain forms rdflib is given instead of sub-select forms (bench/rdflib_forms/README.md)."""
    from socialkg.graph.query import parse_saved_query

    return {f.stem: parse_saved_query(f.read_text(encoding="utf-8"), str(f))
            for f in sorted((ROOT / "bench" / "rdflib_forms").glob("*.rq"))}


def _timed_query(run, reps: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    run()  # warm-up: caches, lazy parsing
    times, rows = [], 0
    for _ in range(reps):
        t = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, rows


def _iter_doc_batches(path: Path, docs_per_batch: int):  # type: ignore[no-untyped-def]
    """Parse N-Quads (graphs written contiguously, one per document) into batches of
    {graph: [quads]} of `docs_per_batch` documents, as `load_paths` builds them."""
    import pyoxigraph as ox

    batch: dict[Any, list[Any]] = {}
    with path.open("rb") as f:
        for q in ox.parse(f, format=ox.RdfFormat.N_QUADS):
            g = q.graph_name
            if g not in batch and len(batch) >= docs_per_batch:
                yield batch
                batch = {}
            batch.setdefault(g, []).append(q)
    if batch:
        yield batch


# --- stages (run in a subprocess each) -------------------------------------------------

def stage_extract(p: dict[str, Any]) -> dict[str, Any]:
    from socialkg.graph.store import EmbeddedStore
    from socialkg.pipeline import load_paths, process_file

    texts = Path(p["corpus"]) / "texts"
    files = sorted(str(f) for f in texts.glob("*.txt"))
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    t = time.perf_counter()
    process_file(files[0], "article")
    warmup = time.perf_counter() - t
    errors = triples = 0
    t = time.perf_counter()
    for f in files:
        o = process_file(f, "article")
        errors += bool(o.error)
        triples += o.triples
    extract_s = time.perf_counter() - t
    rss_extract = peak_rss_mb()
    out: dict[str, Any] = {"articles": len(files), "words": words, "warmup_s": warmup, "extract_s": extract_s,
                           "errors": errors, "triples": triples, "rss_mb": rss_extract}
    tmp = Path(tempfile.mkdtemp(prefix="socialkg-bench-"))
    try:
        for workers in (1, 2):
            store = EmbeddedStore(tmp / f"w{workers}")
            t = time.perf_counter()
            report = load_paths(store, [texts], workers=workers)
            store.flush()
            out[f"pipeline_w{workers}_s"] = time.perf_counter() - t
            out[f"pipeline_w{workers}_triples"] = report.triples
            store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out["rss_pipeline_mb"] = peak_rss_mb()
    return out


def stage_load(p: dict[str, Any]) -> dict[str, Any]:
    import pyoxigraph as ox

    from socialkg.graph.gc_pause import gc_paused
    from socialkg.graph.store import EmbeddedStore
    from socialkg.graph.summary import SUMMARY_GRAPH

    nq, store_dir = Path(p["nquads"]), Path(p["store"])
    shutil.rmtree(store_dir, ignore_errors=True)
    store = EmbeddedStore(store_dir)
    write_s = 0.0
    triples = docs = 0
    t0 = time.perf_counter()
    with gc_paused():  # as load_paths does around parsing and writing
        for batch in _iter_doc_batches(nq, p.get("batch", 64)):
            t = time.perf_counter()
            store.replace_documents(batch, refresh=False)  # as load_paths: one summary refresh at the end
            write_s += time.perf_counter() - t
            docs += len(batch)
            triples += sum(len(v) for v in batch.values())
    t = time.perf_counter()
    summaries = store.refresh_summary()
    summary_s = time.perf_counter() - t
    store.flush()
    total_s = time.perf_counter() - t0
    rss = peak_rss_mb()
    stored = store.count_triples()
    # The summary graph, for rdflib: it answers the same saved queries from the same data.
    summary_nq = store_dir.with_name(store_dir.name + "-summary.nq")
    with open(summary_nq, "wb") as fh:
        ox.serialize(store.raw.quads_for_pattern(None, None, None, SUMMARY_GRAPH), fh, ox.RdfFormat.N_QUADS)
    store.close()
    out = {"triples": triples, "stored": stored, "documents": docs, "total_s": total_s, "write_s": write_s,
           "summary_s": summary_s, "summaries": summaries, "summary_nq": str(summary_nq),
           "parse_s": total_s - write_s - summary_s, "store_mb": dir_size_mb(store_dir), "rss_mb": rss,
           "nquads_mb": nq.stat().st_size / 1e6}
    if p.get("bulk", True):
        bulk_dir = store_dir.with_name(store_dir.name + "-bulk")
        shutil.rmtree(bulk_dir, ignore_errors=True)
        raw = ox.Store(str(bulk_dir))
        t = time.perf_counter()
        raw.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        raw.flush()
        out["bulk_s"] = time.perf_counter() - t
        del raw
        shutil.rmtree(bulk_dir, ignore_errors=True)
    return out


def stage_query(p: dict[str, Any]) -> dict[str, Any]:
    """Saved queries on the embedded store, in order, until one is cut off at the cap:
    the cut-off query keeps running in pyoxigraph's thread, so this process then stops
    and the caller starts a fresh one for the queries left."""
    from socialkg.errors import QueryTimeoutError
    from socialkg.graph.query import run_query, saved_queries
    from socialkg.graph.store import EmbeddedStore

    store = EmbeddedStore(p["store"], read_only=True)
    cap = p["cap"]
    known = saved_queries()
    plain = rdflib_forms()
    out: dict[str, Any] = {"_texts": {}, "_rdflib_texts": {}}
    for name, params in p["params"].items():
        # As `socialkg query` runs it: bound with the store (organisation names looked up
        # in the summary graph first), the look-up timed as part of the query.
        def once(name: str = name, params: dict = params) -> int:
            text = known[name].bind(params, store)
            out["_texts"][name] = text
            out["_rdflib_texts"][name] = plain[name].bind(params, store) if name in plain else text
            return len(run_query(store, text, timeout=cap))

        try:
            t = time.perf_counter()
            rows = once()
            first = time.perf_counter() - t
            if first > 1.0:  # slow: the first run is the figure (repeating it tells nothing new)
                out[name] = {"ms": first * 1000, "rows": rows, "runs": 1}
            else:
                ms, rows = _timed_query(once, p["reps"])
                out[name] = {"ms": ms, "rows": rows, "runs": p["reps"]}
        except QueryTimeoutError:
            out[name] = {"capped": True, "ms": cap * 1000}
            break
        except Exception as exc:
            out[name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
    out["_rss_mb"] = peak_rss_mb()
    return out


def stage_export(p: dict[str, Any]) -> dict[str, Any]:
    from socialkg.graph.export import export_store
    from socialkg.graph.store import EmbeddedStore

    store = EmbeddedStore(p["store"], read_only=True)
    target = Path(p["out"])
    t = time.perf_counter()
    with target.open("wb") as f:
        export_store(store, f, "turtle")
    seconds = time.perf_counter() - t
    size = target.stat().st_size / 1e6
    target.unlink()
    return {"seconds": seconds, "mb": size, "rss_mb": peak_rss_mb()}


def stage_rdflib(p: dict[str, Any]) -> dict[str, Any]:
    import signal

    import rdflib

    from socialkg.ontology.terms import sparql_prefixes

    ds = rdflib.Dataset(default_union=True)
    t = time.perf_counter()
    ds.parse(p["nquads"], format="nquads")
    if p.get("summary"):
        ds.parse(p["summary"], format="nquads")
    out: dict[str, Any] = {"_load_s": time.perf_counter() - t, "_rss_load_mb": peak_rss_mb()}
    prologue = sparql_prefixes()

    def on_alarm(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError

    signal.signal(signal.SIGALRM, on_alarm)
    for name, text in p["queries"].items():
        signal.setitimer(signal.ITIMER_REAL, p["cap"])
        t = time.perf_counter()
        try:
            rows = len(list(ds.query(prologue + "\n" + text)))
            out[name] = {"ms": (time.perf_counter() - t) * 1000, "rows": rows}
        except TimeoutError:
            out[name] = {"capped": True, "ms": p["cap"] * 1000}
        except Exception as exc:
            out[name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    out["_rss_mb"] = peak_rss_mb()
    return out


def stage_virtuoso(p: dict[str, Any]) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "bench"))
    from virtuoso_launcher import start_virtuoso  # type: ignore[import-not-found]

    from socialkg.graph.query import run_query
    from socialkg.graph.remote import EndpointSettings, RemoteStore

    out: dict[str, Any] = {}
    with start_virtuoso() as v:
        store = RemoteStore(EndpointSettings(query=v.query_endpoint, update=v.update_endpoint, user=v.user,
                                             password=v.password, auth="digest", timeout=p["timeout"]))
        t = time.perf_counter()
        triples = 0
        for batch in _iter_doc_batches(Path(p["nquads"]), 64):
            store.replace_documents(batch, refresh=False)
            triples += sum(len(q) for q in batch.values())
        store.refresh_summary()
        out["_load_s"] = time.perf_counter() - t
        out["_triples"] = triples
        for name, text in p["queries"].items():
            try:
                ms, rows = _timed_query(lambda text=text: len(run_query(store, text, timeout=p["timeout"])),
                                        p["reps"])
                out[name] = {"ms": ms, "rows": rows}
            except Exception as exc:
                out[name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
        store.close()
    return out


def stage_network(p: dict[str, Any]) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    import importlib

    mod = importlib.import_module("bench.bench_network")
    fn = getattr(mod, p["function"])
    result = fn(**p.get("kwargs", {}))
    return result if isinstance(result, dict) else {"result": str(result)}


STAGES = {"extract": stage_extract, "load": stage_load, "query": stage_query, "export": stage_export,
          "rdflib": stage_rdflib, "virtuoso": stage_virtuoso, "network": stage_network}


def run_stage(name: str, params: dict[str, Any], timeout: float = 3600) -> dict[str, Any]:
    """Run one stage in a fresh Python process; its result is the last tagged line it prints."""
    t = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "bench.run", "--stage", name],
                              input=json.dumps(params), capture_output=True, text=True, timeout=timeout,
                              cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"stage {name} ran longer than {timeout:.0f} s"}
    wall = time.perf_counter() - t
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(RESULT_TAG):
            result = json.loads(line[len(RESULT_TAG):])
            result["_wall_s"] = wall
            return result
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
    return {"error": f"stage {name} failed (exit {proc.returncode}): " + " | ".join(tail)}


# --- data preparation (cached under the work folder) ------------------------------------

def generator_fingerprint() -> str:
    """Changes when the generator or the graph builder changes, so stale caches are remade."""
    import hashlib

    h = hashlib.sha256()
    files = sorted((ROOT / "bench").glob("*.py")) + sorted((ROOT / "bench" / "data").glob("*"))
    files += [ROOT / "graph" / "build.py", ROOT / "graph" / "iris.py"]
    for f in files:
        if f.name not in ("run.py", "bench_network.py", "virtuoso_launcher.py") and f.is_file():
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def ensure_corpus(workdir: Path, articles: int, seed: int) -> Path:
    from .corpus import write_corpus

    out = workdir / f"corpus-s{seed}-n{articles}-{generator_fingerprint()}"
    manifest = out / "manifest.json"
    if manifest.exists() and json.loads(manifest.read_text())["articles"] == articles:
        return out
    shutil.rmtree(out, ignore_errors=True)
    write_corpus(out, articles, seed)
    return out


def _nquads_chunk(args: tuple[int, int, int]) -> list[tuple[bytes, int]]:
    import pyoxigraph as ox

    from socialkg.graph.build import to_quads

    from .corpus import article_for, make_doc

    seed, start, count = args
    out = []
    for i in range(start, start + count):
        doc = make_doc(seed, i)
        quads = to_quads(article_for(doc, seed), doc.extraction())
        out.append((ox.serialize(quads, format=ox.RdfFormat.N_QUADS), len(quads)))
    return out


def ensure_nquads(workdir: Path, triples: int, seed: int, workers: int = 2) -> tuple[Path, dict[str, int]]:
    """At least `triples` quads of whole synthetic documents, made in parallel and cached."""
    from concurrent.futures import ProcessPoolExecutor

    path = workdir / f"quads-s{seed}-t{triples}-{generator_fingerprint()}.nq"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text())
    chunk = 500
    total = docs = 0
    tmp = path.with_suffix(".part")
    with tmp.open("wb") as f, ProcessPoolExecutor(max_workers=workers) as pool:
        start = 0
        while total < triples:
            need_docs = max(1, int((triples - total) / 180) + 1)
            jobs = [(seed, start + k * chunk, chunk) for k in range(max(1, min(64, math.ceil(need_docs / chunk))))]
            start += len(jobs) * chunk
            for part in pool.map(_nquads_chunk, jobs):
                for data, n in part:
                    if total >= triples:
                        break
                    f.write(data)
                    total += n
                    docs += 1
    tmp.rename(path)
    info = {"quads": total, "documents": docs}
    meta.write_text(json.dumps(info))
    return path, info


# --- the suite ------------------------------------------------------------------------

def _growth(points: list[tuple[float, float]]) -> list[dict[str, float]]:
    """Exponent k of cost ~ size^k between consecutive (size, cost) points."""
    out = []
    for (n1, c1), (n2, c2) in zip(points, points[1:]):
        if n2 > n1 and c1 > 0 and c2 > 0:
            out.append({"from": n1, "to": n2, "k": math.log(c2 / c1) / math.log(n2 / n1)})
    return out


def python_speed_ms() -> float:
    """A fixed pure-Python workload, best of 3: the same machine ran it anywhere from 0.6x to
    1.5x its usual time within hours (shared hosts), and every figure here moves with it."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, time.perf_counter() - t)
    return best * 1000


def run_suite(args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "processor": _cpu_name(), "load_average_start": os.getloadavg()[0],
                    "python_speed_ms_start": python_speed_ms()},
        "quick": args.quick, "seed": args.seed, "articles": {}, "triples": {}, "notes": [],
    }
    note = result["notes"].append
    log = (lambda msg: print(msg, file=sys.stderr, flush=True)) if not args.silent else (lambda msg: None)
    started = time.perf_counter()

    # extraction and the whole pipeline, per article count
    for n in args.sizes:
        log(f"[extract] {n} articles")
        t = time.perf_counter()
        corpus = ensure_corpus(workdir, n, args.seed)
        gen_s = time.perf_counter() - t
        r = run_stage("extract", {"corpus": str(corpus)})
        r["corpus_s"] = gen_s
        result["articles"][str(n)] = r

    queries = bound_queries(args.seed)
    params = query_params(args.seed)
    if not queries:
        note("no saved queries found (graph/queries/*.rq): the query figures are empty")
    result["queries"] = sorted(queries)
    virtuoso_ok = _virtuoso_available()
    run_virtuoso = virtuoso_ok and (args.virtuoso or not args.quick)
    if not virtuoso_ok:
        note("Virtuoso: skipped (bench/virtuoso_launcher.py or virtuoso-t missing)")
    elif not run_virtuoso:
        note("Virtuoso: skipped in --quick (pass --virtuoso to include it)")

    for t_target in args.triples:
        key = str(t_target)
        log(f"[triples] {human(t_target)}: making N-Quads")
        t = time.perf_counter()
        nq, info = ensure_nquads(workdir, t_target, args.seed)
        entry: dict[str, Any] = {"nquads": info, "nquads_s": time.perf_counter() - t}
        store_dir = workdir / f"store-{key}"
        log(f"[triples] {human(t_target)}: load")
        entry["load"] = run_stage("load", {"nquads": str(nq), "store": str(store_dir), "bulk": not args.quick})
        log(f"[triples] {human(t_target)}: queries (embedded)")
        entry["embedded"] = {}
        left = dict(params)
        # what Virtuoso runs: the embedded store's bound texts; rdflib the same, or their
        # plain forms where there are any (bench/rdflib_forms/README.md)
        texts = dict(queries)
        rdflib_texts = dict(queries)
        while left:
            res = run_stage("query", {"store": str(store_dir), "params": left, "reps": args.reps,
                                      "cap": args.query_cap}, timeout=args.query_cap * len(left) + 600)
            if "error" in res:
                entry["embedded"].update({q: {"error": res["error"]} for q in left})
                break
            texts.update(res.get("_texts", {}))
            rdflib_texts.update(res.get("_rdflib_texts", {}))
            done = {q: v for q, v in res.items() if not q.startswith("_")}
            entry["embedded"].update(done)
            left = {q: t for q, t in left.items() if q not in done}
        log(f"[triples] {human(t_target)}: export")
        entry["export"] = run_stage("export", {"store": str(store_dir), "out": str(workdir / f"export-{key}.ttl")})
        if t_target > args.rdflib_max:
            entry["rdflib"] = {"skipped": f"rdflib is not run above {human(args.rdflib_max)} triples"}
            note(f"rdflib: skipped at {human(t_target)} triples (it needs minutes and several GB to load them)")
        elif args.no_rdflib:
            entry["rdflib"] = {"skipped": "--no-rdflib"}
        else:
            log(f"[triples] {human(t_target)}: rdflib")
            entry["rdflib"] = run_stage("rdflib", {"nquads": str(nq), "queries": rdflib_texts, "cap": args.rdflib_cap,
                                                  "summary": entry["load"].get("summary_nq")})
        if run_virtuoso and t_target <= args.virtuoso_max:
            log(f"[triples] {human(t_target)}: Virtuoso")
            entry["virtuoso"] = run_stage("virtuoso", {"nquads": str(nq), "queries": texts, "reps": args.reps,
                                                       "timeout": 120.0})
        elif run_virtuoso:
            entry["virtuoso"] = {"skipped": f"Virtuoso is not run above {human(args.virtuoso_max)} triples"}
        shutil.rmtree(store_dir, ignore_errors=True)
        result["triples"][key] = entry

    # the network page
    net_fn = _network_function()
    if net_fn and args.quick and not args.network:
        result["network"] = {"skipped": "not in --quick (about a minute: pass --network)"}
        note("network: skipped in --quick (pass --network to include it)")
    elif net_fn:
        log("[network] 2,000 organisations")
        result["network"] = run_stage("network", {"function": net_fn, "kwargs": {"organisations": 2000}})
    else:
        result["network"] = {"skipped": "bench/bench_network.py not there yet"}
        note("network: skipped (bench/bench_network.py not there yet)")

    result["growth"] = _growth_report(result)
    result["targets"] = _targets(result)
    result["seconds"] = time.perf_counter() - started
    result["machine"]["load_average_end"] = os.getloadavg()[0]
    result["machine"]["python_speed_ms_end"] = python_speed_ms()
    if max(result["machine"]["load_average_start"], result["machine"]["load_average_end"]) > (os.cpu_count() or 1):
        note(f"the machine was busy (load average {result['machine']['load_average_start']:.1f} at the start, "
             f"{result['machine']['load_average_end']:.1f} at the end, {os.cpu_count()} CPUs): "
             "other processes took CPU time, so rates are lower than on an idle machine")
    return result


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _virtuoso_available() -> bool:
    return (ROOT / "bench" / "virtuoso_launcher.py").exists() and shutil.which("virtuoso-t") is not None


def _network_function() -> str | None:
    path = ROOT / "bench" / "bench_network.py"
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    for name in ("bench_network", "measure", "run_benchmark", "benchmark"):
        if f"def {name}(" in text:
            return name
    return None


def _growth_report(r: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    arts = sorted((int(k), v) for k, v in r["articles"].items() if "error" not in v)
    if arts:
        out["extract"] = _growth([(n, v["extract_s"]) for n, v in arts])
        out["pipeline_w1"] = _growth([(n, v["pipeline_w1_s"]) for n, v in arts])
        out["per_article_ms"] = {str(n): 1000 * v["extract_s"] / v["articles"] for n, v in arts}
    tr = sorted((int(k), v) for k, v in r["triples"].items())
    loads = [(v["load"]["triples"], v["load"]["total_s"]) for _, v in tr if "error" not in v["load"]]
    out["load"] = _growth(loads)
    out["load_us_per_triple"] = {str(n): 1e6 * s / n for n, s in loads}
    exports = [(v["load"]["triples"], v["export"]["seconds"]) for _, v in tr
               if "error" not in v["load"] and "error" not in v["export"]]
    out["export"] = _growth(exports)
    qs: dict[str, Any] = {}
    for q in r.get("queries", []):
        pts = [(v["load"]["triples"], v["embedded"][q]["ms"]) for _, v in tr  # cut-off runs say nothing
               if "error" not in v["load"] and "ms" in v["embedded"].get(q, {})
               and not v["embedded"][q].get("capped")]
        qs[q] = _growth(pts)
    out["queries"] = qs
    flags = []
    for what, series in (("extract", out.get("extract", [])), ("pipeline_w1", out.get("pipeline_w1", [])),
                         ("load", out["load"]), ("export", out["export"])):
        for g in series:
            if g["k"] > TARGETS["growth_exponent"]:
                flags.append(f"{what}: cost ~ size^{g['k']:.2f} from {human(g['from'])} to {human(g['to'])}")
    for q, series in qs.items():
        for g in series:
            if g["k"] > TARGETS["growth_exponent"]:
                flags.append(f"query {q}: latency ~ size^{g['k']:.2f} from {human(g['from'])} to {human(g['to'])}")
    out["flags"] = flags
    return out


def _targets(r: dict[str, Any]) -> list[dict[str, Any]]:
    """PASS/MISS per target, measured at 1M triples where the run has them (else the
    largest size run, said in the `at` field)."""
    out = []

    def add(name: str, value: Any, target: str, ok: bool | None, at: str, detail: str = "") -> None:
        out.append({"target": name, "value": value, "goal": target,
                    "status": "n/a" if ok is None else ("PASS" if ok else "MISS"), "at": at, "detail": detail})

    arts = sorted((int(k), v) for k, v in r["articles"].items() if "error" not in v)
    if arts:
        n, v = arts[-1]
        rate = v["articles"] / v["extract_s"]
        add("extraction", f"{rate:.0f} articles/s/core", ">= 100", rate >= 100, f"{n} articles")
    else:
        add("extraction", None, ">= 100", None, "-", "extraction stage failed")
    tr = {int(k): v for k, v in r["triples"].items() if "error" not in v["load"]}
    if not tr:
        return out
    at = 1_000_000 if 1_000_000 in tr else max(t for t in tr if t <= 1_000_000) if any(
        t <= 1_000_000 for t in tr) else min(tr)
    e = tr[at]
    at_s = human(e["load"]["triples"]) + " triples" + ("" if at == 1_000_000 else " (1M not run)")
    rate = e["load"]["triples"] / e["load"]["total_s"]
    add("loading", f"{rate:,.0f} triples/s", ">= 100,000", rate >= 100_000, at_s,
        "parse + EmbeddedStore.replace_documents per 64 documents")
    emb = {q: v for q, v in e["embedded"].items() if not q.startswith("_")}
    slow = {q: (None if "error" in v else v["ms"]) for q, v in emb.items() if "ms" not in v or v["ms"] >= 200}
    worst = max((v["ms"] for v in emb.values() if "ms" in v), default=None)
    add("queries < 200 ms", f"worst {worst:.0f} ms" if worst is not None else None, "< 200 ms each",
        (not slow) if emb else None, at_s, ", ".join(f"{q}: {'error' if m is None else f'{m:.0f} ms'}"
                                                     for q, m in slow.items()))
    rl = e.get("rdflib", {})
    if "skipped" in rl or "error" in rl or not emb:
        add(">= 10x faster than rdflib", None, ">= 10x", None, at_s, rl.get("skipped") or rl.get("error", ""))
    else:
        ratios = {}
        for q, v in emb.items():
            if "ms" in v and not v.get("capped") and q in rl and "ms" in rl[q]:
                ratios[q] = (rl[q]["ms"] / max(v["ms"], 1e-3), bool(rl[q].get("capped")))
        misses = {q: x for q, x in ratios.items() if x[0] < 10 and not x[1]}
        # rdflib cut off and embedded not 10x under the cap: the ratio is only known to be > x
        unknown = sorted({q for q, x in ratios.items() if x[0] < 10 and x[1]}
                         | {q for q, v in emb.items() if v.get("capped") or "error" in v})
        lowest = min((x[0] for x in ratios.values() if not x[1] or x[0] >= 10), default=None)
        detail = ", ".join(f"{q}: {x[0]:.1f}x" for q, x in misses.items())
        if unknown:
            detail += ("; " if detail else "") + "not determined (a side was cut off): " + ", ".join(unknown)
        add(">= 10x faster than rdflib", f"lowest {lowest:.1f}x" if lowest is not None else None, ">= 10x each",
            False if misses else (None if unknown or not ratios else True), at_s, detail)
    rss = e["load"]["rss_mb"]
    add("peak memory", f"{rss:,.0f} MB", "< 2,048 MB", rss < 2048, at_s, "load stage (VmHWM)")
    flags = r["growth"]["flags"]
    add("nothing super-linear", f"{len(flags)} flagged", "k <= 1.25", not flags, "all sizes", "; ".join(flags))
    return out


# --- printing -------------------------------------------------------------------------

def _fmt_ms(v: dict[str, Any] | None) -> str:
    if not v:
        return "-"
    if v.get("capped"):
        return f">{v['ms'] / 1000:.0f}s"
    if "ms" in v:
        return f"{v['ms']:.1f}" if v["ms"] < 100 else f"{v['ms']:.0f}"
    return "err"


def format_report(r: dict[str, Any]) -> str:
    lines = []
    m = r["machine"]
    lines.append(f"socialkg benchmarks  ({m['cpus']} CPUs, {m['processor']}, Python {m['python']}"
                 f"{', --quick' if r['quick'] else ''}, seed {r['seed']})")
    if "python_speed_ms_start" in m:
        lines.append(f"Machine speed: a fixed Python loop took {m['python_speed_ms_start']:.0f} ms at the start, "
                     f"{m.get('python_speed_ms_end', float('nan')):.0f} ms at the end (lower is faster; compare runs by it)")
    lines.append("")
    lines.append("Extraction and pipeline (synthetic corpus)")
    lines.append(f"  {'articles':>8} {'words':>8} {'warm-up s':>9} {'art/s':>7} {'words/s':>8} {'ms/art':>7} "
                 f"{'load 1w s':>9} {'load 2w s':>9} {'speed-up':>8} {'RSS MB':>7}")
    for n, v in sorted(r["articles"].items(), key=lambda kv: int(kv[0])):
        if "error" in v:
            lines.append(f"  {n:>8} error: {v['error']}")
            continue
        rate = v["articles"] / v["extract_s"]
        lines.append(f"  {v['articles']:>8} {v['words']:>8} {v['warmup_s']:>9.1f} {rate:>7.0f} "
                     f"{v['words'] / v['extract_s']:>8.0f} {1000 / rate:>7.1f} {v['pipeline_w1_s']:>9.1f} "
                     f"{v['pipeline_w2_s']:>9.1f} {v['pipeline_w1_s'] / v['pipeline_w2_s']:>7.2f}x "
                     f"{v['rss_pipeline_mb']:>7.0f}")
    lines.append("")
    lines.append("Loading into a fresh EmbeddedStore (parse + replace_documents, 64 documents a batch, "
                 "then the summary refresh)")
    lines.append(f"  {'triples':>8} {'docs':>7} {'seconds':>8} {'summary s':>9} {'triples/s':>10} {'write-only/s':>12} "
                 f"{'bulk_load/s':>11} {'store MB':>8} {'RSS MB':>7} {'export s':>8} {'export MB':>9} "
                 f"{'export t/s':>10}")
    for _k, v in sorted(r["triples"].items(), key=lambda kv: int(kv[0])):
        ld, ex = v["load"], v["export"]
        if "error" in ld:
            lines.append(f"  error: {ld['error']}")
            continue
        bulk = f"{ld['triples'] / ld['bulk_s']:>11,.0f}" if "bulk_s" in ld else f"{'-':>11}"
        exs = (f"{ex['seconds']:>8.1f} {ex['mb']:>9.0f} {ld['triples'] / ex['seconds']:>10,.0f}"
               if "error" not in ex else f"  export error: {ex['error']}")
        lines.append(f"  {human(ld['triples']):>8} {ld['documents']:>7} {ld['total_s']:>8.1f} {ld.get('summary_s', 0):>9.1f} "
                     f"{ld['triples'] / ld['total_s']:>10,.0f} {ld['triples'] / ld['write_s']:>12,.0f} {bulk} "
                     f"{ld['store_mb']:>8.0f} {ld['rss_mb']:>7.0f} {exs}")
    lines.append("")
    sizes = sorted(r["triples"].items(), key=lambda kv: int(kv[0]))
    if r.get("queries"):
        lines.append("Saved queries, median ms (embedded | rdflib | ratio rdflib/embedded | Virtuoso)")
        head = f"  {'query':<22}"
        for k, v in sizes:
            head += f" | {human(v['load'].get('triples', int(k))):>5}: {'emb':>7} {'rdflib':>7} {'ratio':>7} {'virt':>6}"
        lines.append(head)
        plain = set(rdflib_forms())
        for q in r["queries"]:
            row = f"  {q + (' *' if q in plain else ''):<22}"
            for _k, v in sizes:
                emb = v["embedded"].get(q)
                rl = v.get("rdflib", {}).get(q) if isinstance(v.get("rdflib"), dict) else None
                vi = v.get("virtuoso", {}).get(q) if isinstance(v.get("virtuoso"), dict) else None
                ratio = "-"
                if emb and "ms" in emb and not emb.get("capped") and rl and "ms" in rl:
                    ratio = (">" if rl.get("capped") else "") + f"{rl['ms'] / max(emb['ms'], 1e-3):.0f}x"
                row += f" | {'':>5}  {_fmt_ms(emb):>7} {_fmt_ms(rl):>7} {ratio:>7} {_fmt_ms(vi):>6}"
            lines.append(row)
        if plain:
            lines.append("  * rdflib runs the plain form of this query, which it runs faster (bench/rdflib_forms/)")
        for _k, v in sizes:
            rl = v.get("rdflib", {})
            if "_load_s" in rl:
                lines.append(f"  rdflib at {human(v['load'].get('triples', int(_k)))}: load {rl['_load_s']:.1f} s, "
                             f"RSS {rl['_rss_load_mb']:,.0f} MB")
            vi = v.get("virtuoso", {})
            if "_load_s" in vi:
                lines.append(f"  Virtuoso at {human(vi['_triples'])}: load {vi['_load_s']:.1f} s "
                             f"({vi['_triples'] / vi['_load_s']:,.0f} triples/s via SPARQL Update)")
            for q, e in v["embedded"].items():
                if isinstance(e, dict) and "error" in e:
                    lines.append(f"  embedded {q} at {human(v['load'].get('triples', 0))}: {e['error']}")
        lines.append("")
    net = r.get("network", {})
    lines.append("Network page (2,000 organisations): " + (
        net.get("skipped") or net.get("error") or ", ".join(f"{k}={v}" for k, v in net.items()
                                                           if not k.startswith("_"))))
    lines.append("")
    g = r["growth"]
    lines.append("Growth (cost ~ size^k between consecutive sizes; k > 1.25 flagged)")
    for what in ("extract", "pipeline_w1", "load", "export"):
        series = g.get(what) or []
        if series:
            lines.append(f"  {what:<12} " + ", ".join(f"{human(s['from'])}->{human(s['to'])}: k={s['k']:.2f}"
                                                     for s in series))
    if g.get("per_article_ms"):
        lines.append("  extraction ms/article: " + ", ".join(f"{k}: {v:.1f}" for k, v in g["per_article_ms"].items()))
    if g.get("load_us_per_triple"):
        lines.append("  loading µs/triple: " + ", ".join(f"{human(int(k))}: {v:.1f}"
                                                        for k, v in g["load_us_per_triple"].items()))
    for q, series in g.get("queries", {}).items():
        if series:
            lines.append(f"  query {q:<20} " + ", ".join(f"{human(s['from'])}->{human(s['to'])}: k={s['k']:.2f}"
                                                         for s in series))
    if not any(g.get(w) for w in ("extract", "load", "export")):
        lines.append("  (one size only: run more sizes to see growth)")
    lines.append("")
    lines.append("Targets")
    for t in r["targets"]:
        lines.append(f"  {t['status']:<5} {t['target']:<26} {str(t['value']):<24} goal {t['goal']:<14} at {t['at']}"
                     + (f"  [{t['detail']}]" if t["detail"] else ""))
    if r["notes"]:
        lines.append("")
        lines.append("Notes")
        for n in dict.fromkeys(r["notes"]):
            lines.append(f"  - {n}")
    lines.append(f"\n(total {r['seconds']:.0f} s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description="socialkg benchmark suite")
    ap.add_argument("--quick", action="store_true", help="small sizes: 100 articles, 100k triples (< 1 minute)")
    ap.add_argument("--sizes", help="article counts, comma-separated (default 1000,5000; quick 100)")
    ap.add_argument("--triples", help="triple counts, e.g. 100k,1M,10M (default; quick 100k)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reps", type=int, default=3, help="timed runs per query (median), after one warm-up")
    ap.add_argument("--rdflib-cap", type=float, help="seconds per rdflib query before it is cut off "
                                                     "(default 30; quick 2)")
    ap.add_argument("--rdflib-max", default="1M", help="largest triple count rdflib is run at (default 1M)")
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--query-cap", type=float, help="seconds before an embedded query is cut off "
                                                    "(default 60; quick 1)")
    ap.add_argument("--network", action="store_true", help="include the network page in --quick")
    ap.add_argument("--virtuoso", action="store_true", help="include Virtuoso in --quick")
    ap.add_argument("--virtuoso-max", default="100k", help="largest triple count Virtuoso is run at (default 100k: "
                    "loading through SPARQL Update runs at about 1,000 triples/s)")
    ap.add_argument("--workdir", default=str(DEFAULT_WORKDIR), help="cache for corpora, N-Quads and stores")
    ap.add_argument("--json-out", help="also write the full results as JSON to this file")
    ap.add_argument("--silent", action="store_true", help="no progress lines on stderr")
    ap.add_argument("--report", metavar="JSON", help="print the table again from a saved --json-out file")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.stage:  # a child process: parameters on stdin, one tagged JSON line out
        params = json.loads(sys.stdin.read())
        result = STAGES[args.stage](params)
        print(RESULT_TAG + json.dumps(result), flush=True)
        return 0

    if args.report:
        saved = json.loads(Path(args.report).read_text(encoding="utf-8"))
        saved["growth"] = _growth_report(saved)
        saved["targets"] = _targets(saved)
        print(format_report(saved))
        return 0

    args.sizes = [parse_count(s) for s in (args.sizes or ("100" if args.quick else "1000,5000")).split(",")]
    args.query_cap = args.query_cap or (1.0 if args.quick else 60.0)
    args.triples = [parse_count(s) for s in (args.triples or ("100k" if args.quick else "100k,1M,10M")).split(",")]
    args.rdflib_cap = args.rdflib_cap or (1.0 if args.quick else 30.0)
    args.rdflib_max = parse_count(args.rdflib_max)
    args.virtuoso_max = parse_count(args.virtuoso_max)
    result = run_suite(args)
    print(format_report(result))
    line = json.dumps(result, ensure_ascii=False, default=str)
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str))
    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
