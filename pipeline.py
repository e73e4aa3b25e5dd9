"""The load job: files -> articles / RDF -> quads -> store.

Stages (each a plain function, so tests and users can call any of them):
1. `discover`: expand files and folders into source files, each classified as an
   article (`.txt`, `.html`, `.htm`) or an RDF file; problems become `LoadProblem`s.
2. `process_file`: one file -> `DocOutcome` (its named graphs as N-Quads, or an
   error). Runs in worker processes when `workers > 1`.
3. `load_paths`: skips sources whose content hash is already in the store, runs
   stage 2, and writes the results in batches; each batch is one transaction, so
   an interrupted load leaves every document fully in or fully out, and running
   it again finishes the rest.
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
import signal
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import SocialKGError, SourceError, SourceNotFoundError, SourceTooLargeError, StoreError
from .graph import iris
from .graph.gc_pause import gc_paused
from .graph.store import Store
from .loaders import sources
from .loaders.rdf import is_rdf_path, read_rdf

log = logging.getLogger(__name__)

ARTICLE_EXTENSIONS = frozenset({".txt", ".html", ".htm"})
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
BATCH_SIZE = 64


@dataclass(frozen=True)
class LoadProblem:
    path: str
    message: str


@dataclass
class DocOutcome:
    path: str
    source_iri: str
    kind: str  # "article" | "rdf"
    nquads: bytes = b""
    triples: int = 0
    graphs: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class LoadReport:
    documents: int = 0  # loaded (new or changed)
    unchanged: int = 0  # skipped: same content hash already in the store
    triples: int = 0  # triples written
    summaries: int = 0  # entity summaries refreshed (graph/summary.py)
    errors: list[LoadProblem] = field(default_factory=list)
    warnings: list[LoadProblem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def summary(self) -> str:
        text = (
            f"{self.documents} document(s) loaded, {self.unchanged} unchanged, "
            f"{self.triples} triples written, {len(self.errors)} error(s)"
        )
        return text


def classify(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in ARTICLE_EXTENSIONS:
        return "article"
    if is_rdf_path(path):
        return "rdf"
    return None


def discover(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[LoadProblem]]:
    """Expand paths (files and folders, recursively) into (file, kind) pairs."""
    found, problems = _discover(paths)
    return [(f.path, f.kind) for f in found], problems  # type: ignore[misc]


def _discover(paths: Iterable[str | Path]) -> tuple[list[sources.SourceFile], list[LoadProblem]]:
    """`loaders.sources.discover` (classified by extension and content), plus one problem
    for each folder in which nothing at all can be loaded."""
    found: list[sources.SourceFile] = []
    problems: list[LoadProblem] = []
    seen: set[Path] = set()
    for raw in paths:
        usable = reported = 0
        if _special_file(Path(raw)):
            # Reading a named pipe or a device would block or never end.
            problems.append(LoadProblem(str(raw), "not a regular file (a pipe, device or socket); "
                                        "save the content to a file and load that"))
            continue
        for item in sources.discover([raw]):
            if item.error is None and item.kind is not None:
                resolved = item.path.resolve()
                if resolved in seen:
                    continue
                seen.add(resolved)
                usable += 1
                found.append(item)
            elif item.skipped:
                log.info("skipped %s", item.error.describe() if item.error else item.path)
            else:
                reported += 1
                problems.append(LoadProblem(str(item.path), item.error.describe() if item.error else "cannot load"))
        if usable == 0 and reported == 0 and Path(raw).is_dir():
            problems.append(LoadProblem(str(raw), "no loadable files in this folder "
                                        "(articles: .txt .html .htm; RDF: .ttl .nt .nq .trig .jsonld .rdf)"))
    return found, problems


def _special_file(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # missing: sources.discover says so
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def process_file(path: str, kind: str, max_bytes: int = DEFAULT_MAX_BYTES,
                 media_type: str | None = None) -> DocOutcome:
    """One file -> its named graphs serialised as N-Quads (picklable across processes)."""
    source_iri = iris.source_iri_for_path(path)
    outcome = DocOutcome(path=path, source_iri=source_iri, kind=kind)
    try:
        if kind == "rdf":
            graphs = read_rdf(path, _read_rdf_bytes(path, max_bytes * 20), media_type=media_type)
        else:
            graphs, outcome.warnings = _article_graphs(path, max_bytes)
        quads = [q for qs in graphs.values() for q in qs]
        outcome.nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        outcome.triples = len(quads)
        outcome.graphs = len(graphs)
    except SocialKGError as exc:
        outcome.error = exc.describe()
    except Exception as exc:  # a bug must not stop the batch; say which file hit it
        log.exception("unexpected error on %s", path)
        outcome.error = f"{path}: internal error ({type(exc).__name__}: {exc}); please report it"
    return outcome


def _read_rdf_bytes(path: str, limit: int) -> bytes:
    """The file's bytes, at most `limit` (RDF files are legitimately larger than articles)."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            data = b"" if size > limit else fh.read(limit + 1)
    except FileNotFoundError:
        raise SourceNotFoundError("the file is gone (removed or renamed since the load started)",
                                  path=path) from None
    except IsADirectoryError:
        raise SourceNotFoundError("is a folder, not a file", path=path) from None
    except OSError as exc:
        raise SourceNotFoundError(f"cannot read the file: {exc.strerror}", path=path) from None
    size = max(size, len(data))
    if size > limit:
        raise SourceTooLargeError(
            f"the file is {sources.format_size(size)} ({size} bytes), over the limit of "
            f"{sources.format_size(limit)} ({limit} bytes) for an RDF file (20 times --max-size)",
            path=path, hint=f"raise it with --max-size {-(-size // 20)} or more",
        )
    return data


def _article_graphs(path: str, max_bytes: int) -> tuple[dict[ox.NamedNode, list[ox.Quad]], list[str]]:
    from .graph.build import to_quads
    from .loaders.article import read_article
    from .loaders.nlp import extract

    article = read_article(path, max_bytes=max_bytes)
    extraction = extract(article)
    quads = to_quads(article, extraction)
    return {iris.graph_iri(article.source_iri): quads}, [f"{path}: {w}" for w in article.warnings]


def file_hash(path: Path) -> str | None:
    try:
        return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def load_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    force: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> LoadReport:
    """Load files and folders into the store; never stops on a bad file."""
    report = LoadReport()
    found, problems = _discover(paths)
    report.errors.extend(problems)

    todo = found
    if not force:
        todo = _skip_unchanged(store, found, report)
    total = len(todo)
    if progress:
        progress(0, total)

    pending: list[tuple[DocOutcome, dict[ox.NamedNode, list[ox.Quad]]]] = []
    done = 0

    def flush() -> None:
        if pending:
            _write(store, pending, report)
        pending.clear()

    for outcome in _outcomes(todo, workers, max_bytes):
        done += 1
        if outcome.error:
            report.errors.append(LoadProblem(outcome.path, outcome.error))
        else:
            for w in outcome.warnings:
                report.warnings.append(LoadProblem(outcome.path, w))
            with gc_paused():  # graph/gc_pause.py; not around extraction, which may make cycles
                graphs: dict[ox.NamedNode, list[ox.Quad]] = {}
                for q in ox.parse(outcome.nquads, format=ox.RdfFormat.N_QUADS):
                    graphs.setdefault(q.graph_name, []).append(q)
                pending.append((outcome, graphs))
                if len(pending) >= batch_size:
                    flush()
        if progress:
            progress(done, total)
    with gc_paused():
        flush()
    # Also picks up what an interrupted earlier load left stale (graph/summary.py).
    report.summaries = store.refresh_summary()
    return report


def _write(store: Store, batch: list[tuple[DocOutcome, dict[ox.NamedNode, list[ox.Quad]]]],
           report: LoadReport) -> None:
    """Write a batch in one transaction; if the store rejects it, write its documents one by
    one so that only the document it chokes on is reported and left out."""
    merged: dict[ox.NamedNode, list[ox.Quad]] = {}
    for _, graphs in batch:
        for g, quads in graphs.items():
            merged.setdefault(g, []).extend(quads)
    try:
        _replace(store, merged)
    except ValueError:
        for outcome, graphs in batch:
            try:
                _replace(store, graphs)
            except ValueError as exc:
                report.errors.append(LoadProblem(
                    outcome.path, f"{outcome.path}: the store refused this document ({exc}); please report it"))
                continue
            report.documents += 1
            report.triples += outcome.triples
        return
    report.documents += len(batch)
    report.triples += sum(outcome.triples for outcome, _ in batch)


def _replace(store: Store, graphs: dict[ox.NamedNode, list[ox.Quad]]) -> None:
    """store.replace_documents, with its failures sorted: ValueError for "this data",
    StoreError for "this store" (the load cannot go on)."""
    try:
        store.replace_documents(graphs, refresh=False)  # refreshed once, at the end of the load
    except SocialKGError:
        raise
    except (SyntaxError, ValueError, TypeError) as exc:
        raise ValueError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
    except OSError as exc:
        raise StoreError(
            f"cannot write to the store: {exc}", path=getattr(store, "location", None),
            hint="every document written before this one is complete; fix the cause and run the same command again",
        ) from exc


def _skip_unchanged(store: Store, files: list[sources.SourceFile], report: LoadReport) -> list[sources.SourceFile]:
    iri_of = {f.path: iris.source_iri_for_path(f.path) for f in files}
    stored: dict[str, str] = {}
    iri_list = list(iri_of.values())
    for i in range(0, len(iri_list), 500):
        stored.update(store.source_hashes(iri_list[i : i + 500]))
    todo = []
    for f in files:
        known = stored.get(iri_of[f.path])
        if known is not None and known == file_hash(f.path):
            report.unchanged += 1
        else:
            todo.append(f)
    return todo


def _outcomes(todo: list[sources.SourceFile], workers: int, max_bytes: int) -> Iterator[DocOutcome]:
    if workers <= 1 or len(todo) < 2:
        for f in todo:
            yield process_file(str(f.path), f.kind or "article", max_bytes, f.media_type)
        return
    # Small chunks: on Ctrl-C the workers finish at most their current chunk.
    chunk = max(1, min(8, len(todo) // (workers * 4) or 1))
    start = 0
    while start < len(todo):
        done = 0
        try:
            for outcome in _pooled(todo[start:], workers, max_bytes, chunk):
                done += 1
                yield outcome
            return
        except BrokenProcessPool:
            start += done
        # A worker died (a crash in a native parser, the OOM killer). The files it may have
        # held are those in flight: each goes through a pool of its own, so the one that
        # kills its worker is named and the rest of the load goes on.
        suspects = todo[start : start + (workers + 2) * chunk]
        for f in suspects:
            yield _isolated(f, max_bytes)
        start += len(suspects)


def _pooled(todo: list[sources.SourceFile], workers: int, max_bytes: int, chunk: int) -> Iterator[DocOutcome]:
    with _worker_pool(workers) as pool:
        with _sigint_deferred():  # map submits everything, which starts the workers
            results = pool.map(process_file, [str(f.path) for f in todo], [f.kind or "article" for f in todo],
                               [max_bytes] * len(todo), [f.media_type for f in todo], chunksize=chunk)
        yield from results


def _isolated(f: sources.SourceFile, max_bytes: int) -> DocOutcome:
    """One file in a worker of its own: a crash is this file's error, not the load's."""
    path = str(f.path)
    try:
        with _worker_pool(1) as pool:
            with _sigint_deferred():
                future = pool.submit(process_file, path, f.kind or "article", max_bytes, f.media_type)
            return future.result()
    except BrokenProcessPool:
        log.error("the worker reading %s died", path)
        return DocOutcome(path=path, source_iri=iris.source_iri_for_path(path), kind=f.kind or "article",
                          error=f"{path}: the worker process reading this file died (a crash in a parser, "
                                "or out of memory); the file was skipped, please report it")


@contextmanager
def _worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A worker pool that a Ctrl-C cannot catch half started or half stopped. Leaving it early
    (Ctrl-C, or the consumer stopped) drops the queue rather than finishing it."""
    with _sigint_deferred():
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(os.getpid(),))
    try:
        yield pool
    finally:
        with _sigint_deferred():
            pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Hold a Ctrl-C while a pool starts or stops, and raise it after.

    A KeyboardInterrupt in the middle of `submit` can leave workers started with no
    thread to stop them, and the process then hangs at exit waiting for them; a worker
    forked in that window would also raise it before its initializer ignores Ctrl-C.
    Masking the signal is not enough: the storage engine's threads can receive it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and callable(previous):
        previous(signal.SIGINT, None)  # Python's own handler: raises KeyboardInterrupt


def _init_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the main process, which stops the queue and reports once
    (otherwise every worker prints its own KeyboardInterrupt traceback), and end when the
    main process does, however it ends (a worker left behind would wait forever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the main process died before the line above took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
