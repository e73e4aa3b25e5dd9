"""Nothing lost: a real `socialkg load` killed at random points leaves whole documents.

A corpus of a few hundred small generated files (articles in Polish and Czech, and
RDF: Turtle with blank nodes, N-Triples, TriG naming two graphs, RDF/XML, JSON-LD) is
loaded once cleanly: that is the reference. Then a second store is loaded by real
`socialkg load` processes that get SIGKILL or SIGINT (to the whole process group, as a
crash or a Ctrl-C in a terminal would) after a delay drawn from a fixed seed. After
each kill: the store opens, every document is either fully in (its graphs equal the
reference's, blank nodes aside) or fully out, and nothing else is there. At the end a
plain re-run finishes the rest and the dataset equals the reference; `validate` passes.

Also here: a second process that finds the store in use gets a clear "in use" error
(exit status 3) while read-only queries go on working, and export -> load into an
empty store gives the same dataset (TriG, N-Quads).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from socialkg.cli import cli
from socialkg.graph import iris
from socialkg.graph.summary import STALE, SUMMARY_GRAPH

SEED = 20261123
EX = "http://example.org/"

# --- the corpus -----------------------------------------------------------------------------

_PL_CITIES = ["Kalisz", "Sieradz", "Turek", "Koło", "Konin", "Wieluń", "Łask", "Zduńska Wola"]
_PL_LOC = {"Kalisz": "Kaliszu", "Sieradz": "Sieradzu", "Turek": "Turku", "Koło": "Kole", "Konin": "Koninie",
           "Wieluń": "Wieluniu", "Łask": "Łasku", "Zduńska Wola": "Zduńskiej Woli"}
_PL_PEOPLE = ["Anna Kowalska", "Jan Nowak", "Ewa Wiśniewska", "Piotr Zieliński", "Maria Lewandowska",
              "Tomasz Wójcik", "Barbara Kamińska", "Krzysztof Dąbrowski"]
_PL_NGOS = ["Stowarzyszenie „Razem”", "Fundacja „Pomocna Dłoń”", "Stowarzyszenie „Przystań”",
            "Fundacja „Nowy Start”", "Caritas Diecezji Kaliskiej"]
_CS_CITIES = [("Kolín", "Kolíně"), ("Čáslav", "Čáslavi"), ("Kutná Hora", "Kutné Hoře"), ("Nymburk", "Nymburce")]
_CS_PEOPLE = ["Jana Nováková", "Martin Procházka", "Lenka Veselá", "Petr Dvořák", "Eva Svobodová"]


def _article_pl(i: int, rnd: random.Random) -> str:
    city = rnd.choice(_PL_CITIES)
    loc = _PL_LOC[city]
    ngo, person, other = rnd.choice(_PL_NGOS), rnd.choice(_PL_PEOPLE), rnd.choice(_PL_PEOPLE)
    return (
        f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.2024\n\n"
        f"Porozumienie o współpracy w {loc} nr {i}\n\n"
        f"Miejski Ośrodek Pomocy Społecznej w {loc} i {ngo} podpisały porozumienie o współpracy "
        f"w zakresie pomocy osobom starszym. Dyrektor MOPS w {loc} {person} podkreśliła, że wspólne "
        f"działania obejmą {rnd.randint(10, 90)} rodzin.\n\n"
        f"W spotkaniu uczestniczyli także przedstawiciele Powiatowego Urzędu Pracy w {loc} oraz "
        f"Powiatowego Centrum Pomocy Rodzinie w {loc}. O projekcie mówił {other}, koordynator programu.\n\n"
        f"Kolejne spotkanie zaplanowano na jesień.\n"
    )


def _article_cs(i: int, rnd: random.Random) -> str:
    city, loc = rnd.choice(_CS_CITIES)
    person = rnd.choice(_CS_PEOPLE)
    return (
        f"Memorandum o spolupráci v {loc} č. {i}\n\n"
        f"Charita {city} a Úřad práce České republiky – kontaktní pracoviště {city} podepsaly memorandum "
        f"o spolupráci při pomoci lidem ohroženým ztrátou bydlení. Memorandum podepsala ředitelka "
        f"Charity {city} {person}.\n\n"
        f"Na spolupráci se podílí i odbor sociálních věcí Městského úřadu {city}, jehož sociální "
        f"pracovníci budou případy koordinovat. Pomoc dostane {rnd.randint(10, 90)} rodin.\n"
    )


def _turtle(i: int) -> str:
    return (f"@prefix ex: <{EX}> .\n"
            f"ex:org{i} ex:name \"Organizacja {i} „cudzysłów” <nawias>\"@pl ;\n"
            f"  ex:address [ ex:street \"Ulica {i}\" ; ex:city \"Kalisz\" ] ;\n"
            f"  ex:contact _:c .\n_:c ex:phone \"+48 62 555 {i:04d}\" .\n"
            f"ex:org{i} ex:partner ex:org{(i + 1) % 50} .\n")


def _ntriples(i: int) -> str:
    return (f"<{EX}person{i}> <{EX}name> \"Osoba {i}\\n\\\"cytat\\\"\" .\n"
            f"<{EX}person{i}> <{EX}worksFor> <{EX}org{i % 50}> .\n"
            f"_:b{i} <{EX}about> <{EX}person{i}> .\n")


def _trig(i: int) -> str:
    return (f"@prefix ex: <{EX}> .\n"
            f"<{EX}doc/{i}/g1> {{ ex:event{i} ex:name \"Wydarzenie {i}\" ; ex:place [ ex:name \"Sala\" ] . }}\n"
            f"<{EX}doc/{i}/g2> {{ ex:event{i} ex:organiser ex:org{i % 50} . }}\n")


def _rdfxml(i: int) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY ex "{EX}"> ]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n'
            f'<rdf:Description rdf:about="&ex;project{i}"><ex:name>Projekt {i}</ex:name>'
            f'<ex:lead rdf:resource="&ex;org{i % 50}"/><ex:budget rdf:parseType="Resource">'
            f'<ex:amount>{i * 1000}</ex:amount></ex:budget></rdf:Description>\n</rdf:RDF>\n')


def _jsonld(i: int) -> str:
    return ('{"@context": {"ex": "http://example.org/"}, "@id": "ex:fund%d", "ex:name": "Fundusz %d", '
            '"ex:gives": {"@id": "ex:project%d"}, "ex:note": {"ex:text": "anonimowa notatka"}}' % (i, i, i))


N_PL, N_CS, N_RDF = 80, 40, 16  # articles; files of each RDF kind (5 kinds): 200 files


def write_corpus(root: Path) -> dict[Path, set[str]]:
    """Write the files; return each file's named graphs (what "fully in" means)."""
    rnd = random.Random(SEED)
    docs: dict[Path, set[str]] = {}
    (root / "pl").mkdir(parents=True)
    (root / "cs").mkdir()
    (root / "rdf").mkdir()

    def own_graph(p: Path) -> set[str]:
        return {iris.graph_iri(iris.source_iri_for_path(p)).value}

    for i in range(N_PL):
        p = root / "pl" / f"artykul-{i:03d}.txt"
        p.write_text(_article_pl(i, rnd), encoding="utf-8")
        docs[p] = own_graph(p)
    for i in range(N_CS):
        p = root / "cs" / f"clanek-{i:03d}.txt"
        p.write_text(_article_cs(i, rnd), encoding="utf-8")
        docs[p] = own_graph(p)
    for i in range(N_RDF):
        for ext, make in ((".ttl", _turtle), (".nt", _ntriples), (".rdf", _rdfxml), (".jsonld", _jsonld)):
            p = root / "rdf" / f"data-{i:03d}{ext}"
            p.write_text(make(i), encoding="utf-8")
            docs[p] = own_graph(p)
        p = root / "rdf" / f"events-{i:03d}.trig"
        p.write_text(_trig(i), encoding="utf-8")
        docs[p] = {f"{EX}doc/{i}/g1", f"{EX}doc/{i}/g2"}
    return docs


# --- helpers --------------------------------------------------------------------------------


def socialkg(*args: str) -> list[str]:
    return [sys.executable, "-m", "socialkg.cli", *args]


def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(socialkg(*args), capture_output=True, text=True, timeout=timeout)


def graphs_of(store: Path, *, with_summary: bool = False) -> dict[str, frozenset[ox.Quad]]:
    """Each named graph's quads, blank nodes canonicalised per graph. The summary graph
    (derived, graph/summary.py) only when asked for."""
    raw = ox.Store.read_only(str(store))
    by_graph: dict[str, list[ox.Quad]] = {}
    for q in raw:
        if q.graph_name == SUMMARY_GRAPH and not with_summary:
            continue
        by_graph.setdefault(q.graph_name.value, []).append(q)
    del raw
    out = {}
    for g, quads in by_graph.items():
        ds = ox.Dataset(quads)
        ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        out[g] = frozenset(ds)
    return out


def dataset(path: Path, fmt: ox.RdfFormat) -> frozenset[ox.Quad]:
    ds = ox.Dataset(ox.parse(path=str(path), format=fmt))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return frozenset(ds)


def check_whole_documents(store: Path, docs: dict[Path, set[str]], reference: dict[str, frozenset]) -> int:
    """Every document fully in (equal to the reference) or fully out; returns how many are in."""
    got = graphs_of(store)
    known = set().union(*docs.values())
    assert set(got) <= known, f"graphs that belong to no document: {sorted(set(got) - known)[:5]}"
    complete = 0
    for path, graphs in docs.items():
        present = graphs & set(got)
        assert present in (set(), graphs), f"{path.name}: only {len(present)} of its {len(graphs)} graphs"
        for g in present:
            assert got[g] == reference[g], f"{path.name}: graph {g} differs from a clean load"
        complete += bool(present)
    return complete


class Load:
    """A `socialkg load` subprocess in its own process group; knows when loading began."""

    def __init__(self, store: Path, src: Path, *extra: str) -> None:
        self.proc = subprocess.Popen(
            socialkg("--store", str(store), "load", "--progress", *extra, str(src)),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        self.started = threading.Event()
        self.stderr: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        while chunk := self.proc.stderr.read(1):
            self.stderr.append(chunk)
            if "loading" in "".join(self.stderr[-40:]):  # the progress label: discovery is done
                self.started.set()
        self.started.set()

    def signal(self, sig: int) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)

    def wait(self) -> tuple[int, str, str]:
        out = self.proc.stdout.read() if self.proc.stdout else ""
        code = self.proc.wait(timeout=300)
        self._reader.join(timeout=60)
        return code, out, "".join(self.stderr)


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    docs = write_corpus(root)
    return root, docs


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """A clean, uninterrupted load of the whole corpus, and how long it took (to place kills)."""
    root, docs = corpus
    store = tmp_path_factory.mktemp("reference") / "store"
    t0 = time.monotonic()
    res = run("--store", str(store), "load", "-w", "2", str(root))
    seconds = time.monotonic() - t0
    assert res.returncode == 0, res.stderr
    assert f"{len(docs)} document(s) loaded" in res.stdout
    graphs = graphs_of(store)
    assert set(graphs) == set().union(*docs.values())
    return store, graphs, seconds


# --- tests ----------------------------------------------------------------------------------


def test_clean_load_of_one_file_equals_its_graph_in_the_full_load(runner, corpus, reference, tmp_path):
    root, docs = corpus
    _, ref_graphs, _ = reference
    for path in (root / "pl" / "artykul-007.txt", root / "rdf" / "data-005.ttl", root / "rdf" / "events-002.trig"):
        store = tmp_path / path.name
        res = runner.invoke(cli, ["--store", str(store), "load", str(path)])
        assert res.exit_code == 0, res.output
        alone = graphs_of(store)
        assert set(alone) == docs[path]
        assert all(alone[g] == ref_graphs[g] for g in docs[path]), path.name


def committed_graphs(store: Path) -> int | None:
    """How many named graphs a reader sees right now, None if it cannot tell. Reading
    while another process writes is not guaranteed by pyoxigraph (a compaction may remove
    a file the reader is opening), so a failure here only means "look again later"."""
    if not (store / "CURRENT").exists():
        return 0
    try:
        raw = ox.Store.read_only(str(store))
        return sum(1 for _ in raw.named_graphs())
    except (OSError, RuntimeError):
        return None


def test_killed_loads_leave_whole_documents_and_a_rerun_finishes(corpus, reference, tmp_path):
    root, docs = corpus
    _, ref_graphs, _ = reference
    rnd = random.Random(SEED)
    store = tmp_path / "store"
    # Small batches, so there are many transactions for a kill to fall between or into.
    known = set().union(*docs.values())
    plan = [(signal.SIGKILL, "2"), (signal.SIGINT, "2"), (signal.SIGKILL, "1"), (signal.SIGINT, "1")]
    complete_before = 0
    interrupted = partial = 0
    for sig, workers in plan:
        before = committed_graphs(store) or 0  # no writer yet: a reliable count
        remaining = len(known) - before
        if remaining < 40:  # too little left for a kill to land mid-load: start again
            shutil.rmtree(store, ignore_errors=True)
            before, remaining, complete_before = 0, len(known), 0
        # Kill once this run has committed a seeded share of what is left, so the kill
        # lands mid-load however fast the machine is, never after the load has ended.
        target = before + max(1, int(remaining * rnd.uniform(0.05, 0.5)))
        load = Load(store, root, "-w", workers, "--batch-size", "8")
        assert load.started.wait(timeout=120), "".join(load.stderr)
        while load.proc.poll() is None and (committed_graphs(store) or 0) < target:
            time.sleep(0.01)
        load.signal(sig)
        code, out, err = load.wait()
        if code == 0 or "document(s) loaded" in out:
            # It finished before the signal came. A signal in the last milliseconds of
            # interpreter teardown, after the summary, ends the process with Python's
            # default action (-SIGINT), but the store was closed before the summary.
            assert "0 error(s)" in out
            continue
        interrupted += 1
        if sig == signal.SIGKILL:
            assert code == -signal.SIGKILL
        else:
            # 130, or killed by SIGINT itself when it lands in interpreter teardown after
            # the handler ran: a shell reports both as 130.
            assert code in (130, -signal.SIGINT), err
            assert "interrupted: every document written so far is complete" in err
            assert "Traceback" not in err, err
        complete = check_whole_documents(store, docs, ref_graphs)
        assert complete >= complete_before  # nothing that was in has gone
        complete_before = complete
        partial += complete < len(docs)
        print(f"{signal.Signals(sig).name}, {workers} worker(s): exit {code}, {complete} of {len(docs)} in")
    assert interrupted, "no load was interrupted: the corpus is too small for this machine"
    assert partial, "no kill left the store part-loaded: nothing was tested mid-load"

    res = run("--store", str(store), "validate")
    assert res.returncode == 0, res.stdout + res.stderr

    # A plain re-run finishes the rest; the result is the uninterrupted load's.
    res = run("--store", str(store), "load", "-w", "2", str(root))
    assert res.returncode == 0, res.stderr
    assert check_whole_documents(store, docs, ref_graphs) == len(docs)
    assert graphs_of(store) == ref_graphs
    # ... and the summaries the saved queries read are those of the uninterrupted load:
    # whatever a kill left stale has been refreshed.
    summary = graphs_of(store, with_summary=True)[SUMMARY_GRAPH.value]
    assert not any(q.predicate == STALE for q in summary)
    assert summary == graphs_of(reference[0], with_summary=True)[SUMMARY_GRAPH.value]


def test_store_in_use_gives_a_clear_error_and_reads_go_on(runner, corpus, reference, tmp_path):
    root, _ = corpus
    ref_store, _, _ = reference
    store = tmp_path / "store"
    first = run("--store", str(store), "load", str(root / "rdf"))
    assert first.returncode == 0, first.stderr
    extra = tmp_path / "extra.ttl"
    extra.write_text(_turtle(999), encoding="utf-8")

    load = Load(store, root / "pl", "-w", "1", "--force")
    assert load.started.wait(timeout=120)
    load.signal(signal.SIGSTOP)  # hold it mid-load, with the store open for writing
    try:
        assert load.proc.poll() is None
        other = runner.invoke(cli, ["--store", str(store), "load", str(extra)])
        assert other.exit_code == 3, other.output
        assert "in use by another socialkg process" in other.output
        assert other.output.startswith("Error: ") and len(other.output.strip().splitlines()) == 1
        # read-only commands still work while the load holds the store
        q = runner.invoke(cli, ["--store", str(store), "query", "-f", "csv",
                                f"SELECT ?n WHERE {{ <{EX}fund3> <{EX}name> ?n }}"])
        assert q.exit_code == 0, q.output
        assert q.stdout.splitlines() == ["n", "Fundusz 3"]
        assert runner.invoke(cli, ["--store", str(store), "stats"]).exit_code == 0
        exported = runner.invoke(cli, ["--store", str(store), "export", "-f", "nq"])
        assert exported.exit_code == 0 and f"<{EX}fund3>" in exported.stdout
        upd = runner.invoke(cli, ["--store", str(store), "query", "--update", "CLEAR ALL"])
        assert upd.exit_code == 3 and "in use" in upd.output
    finally:
        load.signal(signal.SIGCONT)
        load.signal(signal.SIGINT)
        load.wait()
    # the held load is gone: the store is free again
    again = runner.invoke(cli, ["--store", str(store), "load", str(extra)])
    assert again.exit_code == 0, again.output


@pytest.mark.parametrize("fmt, rdf", [("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS)])
def test_export_then_load_into_an_empty_store_gives_the_same_dataset(runner, reference, tmp_path, fmt, rdf):
    ref_store, ref_graphs, _ = reference
    dump = tmp_path / f"dump.{fmt}"
    res = runner.invoke(cli, ["--store", str(ref_store), "export", "-f", fmt, "-o", str(dump)])
    assert res.exit_code == 0, res.output
    other = tmp_path / "other"
    res = runner.invoke(cli, ["--store", str(other), "load", str(dump)])
    assert res.exit_code == 0, res.output
    assert "1 document(s) loaded" in res.stdout
    again = tmp_path / f"again.{fmt}"
    assert runner.invoke(cli, ["--store", str(other), "export", "-f", fmt, "-o", str(again)]).exit_code == 0
    assert dataset(again, rdf) == dataset(dump, rdf)
    assert graphs_of(other) == ref_graphs
