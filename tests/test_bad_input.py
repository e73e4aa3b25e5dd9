"""Bad input through the real `socialkg load`: each bad file gets one clear line
`error: <file>: <problem>`, the good files of the same batch land in the store, the
summary counts the errors, and the exit status is 1 when anything failed (0 otherwise).

All files are written here, in tmp_path; the article texts are our own.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from socialkg import pipeline
from socialkg.cli import cli
from socialkg.graph import iris
from socialkg.graph.store import EmbeddedStore
from socialkg.graph.summary import SUMMARY_GRAPH

ARTICLE_PL = (
    "Współpraca ośrodków pomocy społecznej w Kaliszu\n\n"
    "Kalisz, 12 marca 2024 r.\n\n"
    "Miejski Ośrodek Pomocy Społecznej w Kaliszu podpisał porozumienie o współpracy ze "
    "Stowarzyszeniem „Źródło” z Kalisza. Dyrektor ośrodka Anna Kowalska powiedziała, że "
    "wspólne działania obejmą pomoc sąsiedzką dla osób starszych i samotnych.\n\n"
    "Projekt „Razem łatwiej” będzie finansowany ze środków Europejskiego Funduszu Społecznego. "
    "Pierwsze spotkanie zespołu odbędzie się w siedzibie ośrodka przy ulicy Śródmiejskiej.\n"
)
ARTICLE_CS = (
    "Spolupráce sociálních služeb v Ústí nad Orlicí\n\n"
    "Oblastní charita Ústí nad Orlicí podepsala memorandum o spolupráci s městem Ústí nad Orlicí. "
    "Ředitelka charity Jana Nováková uvedla, že společně zajistí terénní službu pro seniory.\n\n"
    "Projekt bude financován z Evropského sociálního fondu. První setkání se uskuteční v září "
    "v budově městského úřadu.\n"
)
TTL = "@prefix ex: <http://example.org/> .\nex:a ex:p \"jeden\" .\nex:b ex:p \"dwa\" .\n"


def invoke(runner, store: Path, *args: str):
    return runner.invoke(cli, ["--store", str(store), *args], catch_exceptions=False)


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("error: ")]


def graphs_in(store_path: Path) -> set[str]:
    s = EmbeddedStore(store_path, read_only=True)
    try:
        # the source graphs, not the derived summary graph
        return {r["g"].value for r in s.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")} - {SUMMARY_GRAPH.value}
    finally:
        s.close()


def graph_of(path: Path) -> str:
    return iris.graph_iri(iris.source_iri_for_path(path)).value


def write_good(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / "good-pl.txt", folder / "good-cs.txt", folder / "good.ttl"]
    files[0].write_text(ARTICLE_PL, encoding="utf-8")
    files[1].write_text(ARTICLE_CS, encoding="utf-8")
    files[2].write_text(TTL, encoding="utf-8")
    return files


def mojibake(text: str) -> str:
    """UTF-8 bytes once read as cp1252 (the common accident), saved again as UTF-8."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


# (file name, bytes, what the one error line must say)
def bad_files(tmp: Path) -> list[tuple[str, bytes, str]]:
    log = "\n".join(f"2024-03-{d:02d} 10:{d:02d}:00 INFO worker[{d}] request served in {d * 3} ms" for d in range(1, 30))
    csv_rows = ["id;nazwa;miasto;telefon"] + [f"{i};Ośrodek {i};Kalisz;62 555 {i:02d} {i:02d}" for i in range(1, 30)]
    return [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t \n", "white space"),
        ("binary.txt", bytes(range(256)) * 16, "binary"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(512), "PNG image"),
        ("report.html", b"%PDF-1.7\n" + os.urandom(512), "PDF"),
        ("server.txt", log.encode(), "log file"),
        ("table.txt", "\n".join(csv_rows).encode("utf-8"), "table"),
        ("broken.ttl", b'@prefix ex: <http://example.org/> .\nex:a ex:p "one" .\nex:b ex:p ex:c ex:d .\n',
         "line 3, column"),
        ("unclosed.nt", b'<http://example.org/a> <http://example.org/p> "open .\n', "line 1"),
        ("empty.ttl", b"", "empty"),
    ]


def test_bad_files_are_reported_and_the_batch_goes_on(runner, tmp_path):
    src = tmp_path / "in"
    good = write_good(src)
    bad = bad_files(tmp_path)
    for name, data, _ in bad:
        (src / name).write_bytes(data)
    missing = tmp_path / "does-not-exist.txt"
    nothing = tmp_path / "nothing-loadable"
    nothing.mkdir()
    (nothing / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (nothing / "notes.md").write_text("# notes\n", encoding="utf-8")
    empty_dir = tmp_path / "empty-folder"
    empty_dir.mkdir()
    # named on the command line: a spreadsheet, a CSV file, a named pipe (reading it would block)
    sheet = tmp_path / "budget.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + os.urandom(256))
    table = tmp_path / "contacts.csv"
    table.write_text("a;b\n1;2\n", encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    named = [(sheet, "not loaded: this is a ZIP container"), (table, "CSV table"), (fifo, "not a regular file")]

    store = tmp_path / "store"
    res = invoke(runner, store, "load", "-w", "1", str(src), str(missing), str(nothing), str(empty_dir),
                 *(str(f) for f, _ in named))
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output and "internal error" not in res.output

    errors = error_lines(res.stderr)
    for name, _, problem in bad:
        lines = [ln for ln in errors if f"{src / name}: " in ln]
        assert len(lines) == 1, (name, errors)
        assert problem.lower() in lines[0].lower(), (name, lines[0])
    assert any(ln.startswith(f"error: {missing}: ") and "no such file" in ln for ln in errors), errors
    assert any(ln.startswith(f"error: {nothing}: ") and "no loadable files" in ln for ln in errors), errors
    assert any(ln.startswith(f"error: {empty_dir}: ") and "no loadable files" in ln for ln in errors), errors
    for f, problem in named:
        assert any(ln.startswith(f"error: {f}: ") and problem in ln for ln in errors), (f, errors)
    assert len(errors) == len(bad) + 3 + len(named)
    # every message is one line; nothing else on stderr but errors and warnings
    assert all(ln.startswith(("error: ", "warning: ")) for ln in res.stderr.splitlines()), res.stderr

    assert f"{len(good)} document(s) loaded" in res.stdout
    assert f"{len(bad) + 3 + len(named)} error(s)" in res.stdout
    assert graphs_in(store) == {graph_of(p) for p in good}


def test_folder_of_bad_files_reports_the_files_not_the_folder(runner, tmp_path):
    folder = tmp_path / "only-bad"
    folder.mkdir()
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(100))
    res = invoke(runner, tmp_path / "store", "load", str(folder))
    assert res.exit_code == 1
    (line,) = error_lines(res.stderr)
    assert line.startswith(f"error: {folder / 'scan.txt'}: ") and "PDF" in line


def test_good_batch_exits_zero(runner, tmp_path):
    good = write_good(tmp_path / "in")
    res = invoke(runner, tmp_path / "store", "load", str(tmp_path / "in"))
    assert res.exit_code == 0, res.output
    assert f"{len(good)} document(s) loaded" in res.stdout and "0 error(s)" in res.stdout
    assert error_lines(res.stderr) == []


@pytest.mark.parametrize("encoding, shown", [("cp1250", "cp1250"), ("iso-8859-2", "iso-8859-2")])
def test_legacy_encodings_load_with_a_warning(runner, tmp_path, encoding, shown):
    text = (ARTICLE_PL + "Zażółć gęślą jaźń: świetlica środowiskowa, Łódź, Śląsk, Źródło.\n").replace("„", "\"").replace("”", "\"")
    f = tmp_path / f"{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    with pytest.raises(UnicodeDecodeError):
        f.read_bytes().decode("utf-8")
    store = tmp_path / "store"
    res = invoke(runner, store, "load", str(f))
    assert res.exit_code == 0, res.output
    warnings = [ln for ln in res.stderr.splitlines() if ln.startswith("warning: ")]
    assert len(warnings) == 1 and f"{f}: " in warnings[0], res.stderr
    assert re.search(rf"decoded as {shown}\b", warnings[0]), warnings[0]
    assert "1 document(s) loaded" in res.stdout
    # the letters came through: the encoding is recorded and the title is right
    q = invoke(runner, store, "query", "SELECT ?t ?e WHERE { ?s dcterms:title ?t ; sk:encoding ?e }", "-f", "csv")
    assert q.stdout.splitlines()[1:] == [f"Współpraca ośrodków pomocy społecznej w Kaliszu,{shown}"]


def test_mojibake_is_repaired_with_a_warning(runner, tmp_path):
    f = tmp_path / "mojibake.txt"
    f.write_text(mojibake(ARTICLE_PL), encoding="utf-8")
    assert "SpoÅ‚ecznej" in f.read_text(encoding="utf-8")
    store = tmp_path / "store"
    res = invoke(runner, store, "load", str(f))
    assert res.exit_code == 0, res.output
    assert any("mojibake" in ln and f"{f}: " in ln for ln in res.stderr.splitlines()), res.stderr
    q = invoke(runner, store, "query", "SELECT ?t WHERE { ?s dcterms:title ?t }", "-f", "csv")
    assert q.stdout.splitlines()[1:] == ["Współpraca ośrodków pomocy społecznej w Kaliszu"]


def test_huge_file_names_the_limit_and_the_option(runner, tmp_path):
    good = write_good(tmp_path / "in")
    huge = tmp_path / "in" / "huge.txt"
    with huge.open("wb") as fh:  # just over the default limit of 5 MiB
        line = ("Ośrodek pomocy społecznej współpracuje z fundacją. " * 20 + "\n").encode("utf-8")
        while fh.tell() <= 5 * 1024 * 1024:
            fh.write(line)
    store = tmp_path / "store"
    res = invoke(runner, store, "load", "-w", "1", str(tmp_path / "in"))
    assert res.exit_code == 1
    (line,) = [ln for ln in error_lines(res.stderr) if "huge.txt" in ln]
    assert line.startswith(f"error: {huge}: ")
    assert str(5 * 1024 * 1024) in line and "--max-size" in line
    assert f"{len(good)} document(s) loaded" in res.stdout and "1 error(s)" in res.stdout

    # a lower limit is honoured too, and raising it lets a file through
    res = invoke(runner, tmp_path / "s2", "load", "--max-size", "300", str(good[0]))
    assert res.exit_code == 1
    (line,) = error_lines(res.stderr)
    assert "300 bytes" in line and "--max-size" in line
    res = invoke(runner, tmp_path / "s2", "load", "--max-size", "100000", str(good[0]))
    assert res.exit_code == 0, res.output

    # RDF files may be 20 times larger than an article
    ttl = tmp_path / "many.ttl"
    ttl.write_text(TTL * 5, encoding="utf-8")  # about 400 bytes
    res = invoke(runner, tmp_path / "s3", "load", "--max-size", "4", str(ttl))
    assert res.exit_code == 1
    (line,) = error_lines(res.stderr)
    assert line.startswith(f"error: {ttl}: ") and "(80 bytes)" in line and "--max-size" in line
    res = invoke(runner, tmp_path / "s3", "load", "--max-size", "100", str(ttl))
    assert res.exit_code == 0, res.output


def test_broken_html_still_loads_its_text(runner, tmp_path):
    paragraphs = [p for p in ARTICLE_PL.split("\n\n") if p.strip()]
    page = (
        "<html><head><title>Współpraca ośrodków pomocy społecznej w Kaliszu</title>\n"
        "<body><div class='menu'><a href='/'>Start<a href='/k'>Kontakt</div>\n"
        f"<article><h1>{paragraphs[0]}<p>{paragraphs[2]}<p>{paragraphs[3]}\n"
        "<table><tr><td>niedomknięta komórka<div></span></article></b></i>\n"
        "<script>var x = '<p>';</scr"
    )
    f = tmp_path / "broken.html"
    f.write_text(page, encoding="utf-8")
    store = tmp_path / "store"
    res = invoke(runner, store, "load", str(f))
    assert res.exit_code == 0, res.output
    assert "1 document(s) loaded" in res.stdout
    q = invoke(runner, store, "query", "ASK { ?s sk:contentHash ?h ; dcterms:format \"text/html\" }")
    assert q.stdout.strip() == "true"


def test_html_that_is_only_furniture_is_one_clear_error(runner, tmp_path):
    f = tmp_path / "menu.html"
    f.write_text("<html><body><nav><a href='/'>Start</a> | <a href='/k'>Kontakt</a></nav></body></html>",
                 encoding="utf-8")
    res = invoke(runner, tmp_path / "store", "load", str(f))
    assert res.exit_code == 1
    (line,) = error_lines(res.stderr)
    assert line.startswith(f"error: {f}: ")


def test_rdf_syntax_error_has_line_and_column(runner, tmp_path):
    f = tmp_path / "orgs.ttl"
    f.write_text('@prefix ex: <http://example.org/> .\n\nex:a ex:p "one" ;\n   ex:q "two" ex:r .\n', encoding="utf-8")
    res = invoke(runner, tmp_path / "store", "load", str(f))
    assert res.exit_code == 1
    (line,) = error_lines(res.stderr)
    assert re.match(rf"error: {re.escape(str(f))}: Turtle syntax error at line 4, column \d+: ", line), line


def test_file_removed_between_discovery_and_processing(tmp_path):
    """Discovery lists the files; one vanishes before its turn. The progress callback
    runs after each file, in order (one worker), so it can remove the next one."""
    src = tmp_path / "in"
    src.mkdir()
    names = ["a.txt", "b.txt", "c.ttl", "d.txt"]
    for n in names:
        (src / n).write_text(ARTICLE_PL if n.endswith(".txt") else TTL, encoding="utf-8")
    victims = {1: src / "b.txt", 2: src / "c.ttl"}  # removed after the 1st and 2nd file

    def progress(done: int, total: int) -> None:
        if done in victims:
            victims[done].unlink()

    with EmbeddedStore(tmp_path / "store") as store:
        report = pipeline.load_paths(store, [src], workers=1, progress=progress)
    assert report.documents == 2
    assert sorted(Path(e.path).name for e in report.errors) == ["b.txt", "c.ttl"]
    for e in report.errors:
        assert "removed" in e.message or "no such file" in e.message, e.message
        assert str(e.path) in e.message
        assert "internal error" not in e.message
    assert graphs_in(tmp_path / "store") == {graph_of(src / "a.txt"), graph_of(src / "d.txt")}


@pytest.mark.parametrize("kind, name", [("article", "gone.txt"), ("rdf", "gone.ttl"), ("article", "gone.html")])
def test_process_file_on_a_vanished_path(tmp_path, kind, name):
    path = tmp_path / name
    path.write_text(TTL, encoding="utf-8")
    path.unlink()
    outcome = pipeline.process_file(str(path), kind)
    assert outcome.error is not None and outcome.nquads == b""
    assert outcome.error.startswith(f"{path}: ")
    assert "internal error" not in outcome.error


_real_process_file = pipeline.process_file


def _crash_on_poison(path: str, *args):
    """process_file, except that a file named poison-*.txt kills its worker outright, as a
    segfault in a native parser would."""
    if Path(path).name.startswith("poison-"):
        os.kill(os.getpid(), 9)
    return _real_process_file(path, *args)


def test_a_file_that_kills_its_worker_is_named_and_the_load_goes_on(runner, tmp_path, monkeypatch):
    # Workers are forked from this process, so they run the patched function.
    monkeypatch.setattr(pipeline, "process_file", _crash_on_poison)
    src = tmp_path / "src"
    src.mkdir()
    good = []
    for i in range(30):
        p = src / f"artykul-{i:02d}.txt"
        p.write_text(ARTICLE_PL.replace("12 marca", f"{i % 28 + 1} marca"), encoding="utf-8")
        good.append(p)
    poison = src / "poison-07.txt"
    poison.write_text(ARTICLE_CS, encoding="utf-8")
    store = tmp_path / "store"
    res = runner.invoke(cli, ["--store", str(store), "load", "-w", "2", str(src)])
    assert res.exit_code == 1, res.output
    errors = error_lines(res.stderr)
    assert len(errors) == 1 and str(poison) in errors[0] and "worker process" in errors[0], res.stderr
    assert "30 document(s) loaded" in res.stdout and "1 error(s)" in res.stdout
    assert graphs_in(store) == {graph_of(p) for p in good}
