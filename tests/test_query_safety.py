"""Hostile or careless queries and files, through the real CLI over a real store.

- queries are read-only unless --update; a time limit and a display row limit, each
  with a clear message;
- no request leaves the machine because of a query or a file unless asked for:
  SERVICE and LOAD need --allow-service; RDF/XML external entities, remote JSON-LD
  contexts and entities in HTML are never fetched. Checked with a listening socket on
  127.0.0.1: the CLI runs in this process, so any connection it tried would already
  be waiting in the socket's backlog when the command returns;
- entity expansion ("billion laughs") is refused before parsing;
- endpoint credentials never appear in output.
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from socialkg.cli import cli

EX = "http://example.org/"


def invoke(runner, store: Path, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(cli, ["--store", str(store), *args], catch_exceptions=False, env=env)


def _triples(n: int) -> str:
    lines = [f"@prefix ex: <{EX}> ."]
    lines += [f'ex:s{i} ex:p{i % 3} "v{i}" .' for i in range(n)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def loaded(runner, tmp_path) -> Path:
    """A store holding one Turtle file of 100 triples (+ its source record)."""
    src = tmp_path / "data.ttl"
    src.write_text(_triples(100), encoding="utf-8")
    store = tmp_path / "store"
    res = invoke(runner, store, "load", str(src))
    assert res.exit_code == 0, res.output
    return store


def _count(runner, store: Path) -> int:
    res = invoke(runner, store, "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "-f", "csv")
    assert res.exit_code == 0, res.output
    return int(res.output.splitlines()[1])


class Listener:
    """A socket on 127.0.0.1 that nobody should connect to."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def contacted(self) -> bool:
        readable, _, _ = select.select([self.sock], [], [], 0)
        return bool(readable)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


# --- read-only unless --update ------------------------------------------------------------

UPDATES = [
    f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}b> 1 }} }}",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "delete where { graph ?g { ?s ?p ?o } }",
    "# a comment first\nPREFIX ex: <http://example.org/>\nDROP ALL",
    "CLEAR ALL",
    f"WITH <{EX}g> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
]


@pytest.mark.parametrize("text", UPDATES)
def test_query_is_read_only_without_update(runner, loaded, text):
    before = _count(runner, loaded)
    res = invoke(runner, loaded, "query", text)
    assert res.exit_code == 1
    assert res.output.startswith("Error: ")
    assert len(res.output.strip().splitlines()) == 1
    assert _count(runner, loaded) == before


def test_update_works_with_flag(runner, loaded):
    res = invoke(runner, loaded, "query", "DROP ALL")
    assert res.exit_code == 1 and "read-only" in res.output and "--update" in res.output
    res = invoke(runner, loaded, "query", "--update", "DROP ALL")
    assert res.exit_code == 0, res.output
    assert _count(runner, loaded) == 0


# --- time limit and row limit -------------------------------------------------------------

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h . ?i ?t ?j }"


def test_timeout_gives_clear_message(loaded):
    # A five-way cartesian product of ~100 triples (10^10 rows) never finishes; run it in
    # a subprocess so the abandoned evaluation dies with that process.
    proc = subprocess.run(
        [sys.executable, "-m", "socialkg.cli", "--store", str(loaded), "query", "--timeout", "1", SLOW],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "ran longer than 1 s and was abandoned" in proc.stderr
    assert "--timeout" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_default_timeout_is_documented(runner):
    res = runner.invoke(cli, ["query", "--help"])
    assert "--timeout" in res.output and "default: 60" in res.output


def test_display_row_limit_with_note(runner, loaded):
    res = invoke(runner, loaded, "query", "SELECT ?s WHERE { ?s ?p ?o }", "--limit", "5")
    assert res.exit_code == 0
    assert "(5 rows)" in res.stdout
    assert "note: output stopped at 5 rows; use --limit 0 for all" in res.stderr
    # the source graphs' 104 triples (the union also holds the derived summary graph)
    everything = invoke(runner, loaded, "query", "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } "
                        "FILTER(?g != <https://w3id.org/socialkg/summary>) }", "--limit", "0")
    assert "(104 rows)" in everything.stdout and "note:" not in everything.stderr


def test_default_table_limit_is_1000_rows(runner, loaded):
    digits = "VALUES ?{v} {{ 0 1 2 3 4 5 6 7 8 9 }}"
    q = "SELECT * WHERE { " + " ".join(digits.format(v=v) for v in "abcd") + " }"  # 10 000 rows
    res = invoke(runner, loaded, "query", q)
    assert res.exit_code == 0
    assert "(1000 rows)" in res.stdout
    assert "output stopped at 1000 rows" in res.stderr
    csv_out = invoke(runner, loaded, "query", q, "-f", "csv")
    assert len(csv_out.stdout.splitlines()) == 10_001 and "note:" not in csv_out.stderr


# --- no request leaves the machine because of a query ------------------------------------


def _service_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z .\nSERVICE\n<{url}/sparql>\n{{ ?s ?p ?o }} }}",
        # a triple quote inside comments must not hide what lies between them
        f"SELECT * WHERE {{\n# \"\"\"\nSERVICE <{url}/sparql> {{ ?s ?p ?o }}\n# \"\"\"\n}}",
        f"SELECT * WHERE {{\n# '''\nSERVICE <{url}/sparql> {{ ?s ?p ?o }}\n# '''\n}}",
        # an apostrophe is legal inside an IRI: it does not open a string
        f"SELECT * WHERE {{ <{EX}it's> <{EX}p> ?o . SERVICE <{url}/sparql> {{ ?s ?p ?o }} <{EX}x'> <{EX}p> ?o2 }}",
        # a quote inside a comment does not open a string either
        f"SELECT * WHERE {{ # don't\nSERVICE <{url}/sparql> {{ ?s ?p ?o }} # won't\n}}",
    ]


def test_service_refused_without_flag(runner, loaded, listener):
    for q in _service_queries(listener.url):
        res = invoke(runner, loaded, "query", q)
        assert res.exit_code == 1, (q, res.output)
        assert "SERVICE" in res.output and "--allow-service" in res.output, q
    assert not listener.contacted()


def test_service_words_in_strings_iris_and_comments_are_fine(runner, loaded):
    q = (f'SELECT ?x WHERE {{ BIND("SERVICE <http://x/> {{}}" AS ?x) '
         f'FILTER(?x != <{EX}SERVICE>) }} # SERVICE <http://x/> {{ }}')
    res = invoke(runner, loaded, "query", q, "-f", "csv")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines() == ["x", "SERVICE <http://x/> {}"]


class _Sparql(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        self.rfile.read(int(self.headers.get("content-length", 0)))
        body = json.dumps({"head": {"vars": ["s"]},
                           "results": {"bindings": [{"s": {"type": "literal", "value": "from far away"}}]}})
        self.send_response(200)
        self.send_header("content-type", "application/sparql-results+json")
        self.send_header("content-length", str(len(body.encode())))
        self.end_headers()
        self.wfile.write(body.encode())

    do_GET = do_POST

    def log_message(self, *args: object) -> None:
        pass


def test_service_works_with_flag(runner, loaded):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Sparql)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        res = invoke(runner, loaded, "query", f"SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                     "--allow-service", "-f", "csv")
    finally:
        server.shutdown()
        server.server_close()
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines() == ["s", "from far away"]


def test_load_update_needs_allow_service(runner, loaded, listener):
    before = _count(runner, loaded)
    res = invoke(runner, loaded, "query", "--update", f"LOAD <{listener.url}/data.ttl> INTO GRAPH <{EX}g>")
    assert res.exit_code == 1
    assert "--allow-service" in res.output
    assert not listener.contacted()
    assert _count(runner, loaded) == before


# --- no request, no blow-up because of a file --------------------------------------------


def _rdfxml(doctype: str, body: str) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{doctype}\n]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n'
            f'<rdf:Description rdf:about="http://example.org/a">{body}</rdf:Description>\n</rdf:RDF>\n')


def _load_one(runner, tmp_path: Path, name: str, content: str):
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    ok = tmp_path / "ok.ttl"
    ok.write_text(_triples(2), encoding="utf-8")
    store = tmp_path / "store"
    return invoke(runner, store, "load", str(f), str(ok)), store


def test_rdfxml_external_entities_are_not_fetched(runner, tmp_path, listener):
    doc = _rdfxml(f'<!ENTITY net SYSTEM "{listener.url}/x">\n<!ENTITY pw SYSTEM "file:///etc/passwd">',
                  "<ex:p>&net;</ex:p><ex:q>&pw;</ex:q>")
    res, store = _load_one(runner, tmp_path, "xxe.rdf", doc)
    assert res.exit_code == 1
    assert "error: " in res.stderr and "xxe.rdf: " in res.stderr and "external XML entity" in res.stderr
    assert "1 document(s) loaded" in res.stdout  # the good file went in
    assert not listener.contacted()
    dump = invoke(runner, store, "export", "-f", "nq").stdout
    assert "root:" not in dump


def test_rdfxml_billion_laughs_is_refused_quickly(runner, tmp_path):
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)
    ]  # &lol9; would be 3 * 10^9 characters
    res, _ = _load_one(runner, tmp_path, "laughs.rdf", _rdfxml("\n".join(decls), "<ex:p>&lol9;</ex:p>"))
    assert res.exit_code == 1
    assert "laughs.rdf: " in res.stderr and "would expand to more than" in res.stderr
    assert "1 document(s) loaded" in res.stdout


def test_rdfxml_small_internal_entities_still_load(runner, tmp_path):
    doc = _rdfxml('<!ENTITY ex "http://example.org/">', '<ex:p rdf:resource="&ex;b"/>')
    res, store = _load_one(runner, tmp_path, "owl-style.rdf", doc)
    assert res.exit_code == 0, res.output
    ask = invoke(runner, store, "query", f"ASK {{ <{EX}a> <{EX}p> <{EX}b> }}")
    assert ask.stdout.strip() == "true"


@pytest.mark.parametrize("context", ["{url}/ctx.jsonld", ["{url}/ctx.jsonld"], [{"@import": "{url}/ctx.jsonld"}]])
def test_jsonld_remote_context_is_not_fetched(runner, tmp_path, listener, context):
    ctx = json.loads(json.dumps(context).replace("{url}", listener.url))
    doc = json.dumps({"@context": ctx, "@id": f"{EX}a", f"{EX}name": "x"})
    res, _ = _load_one(runner, tmp_path, "remote.jsonld", doc)
    assert res.exit_code == 1
    assert "remote.jsonld: " in res.stderr and "remote @context" in res.stderr
    assert "1 document(s) loaded" in res.stdout
    assert not listener.contacted()


def test_html_entities_are_not_fetched_or_expanded(runner, tmp_path, listener):
    decls = "\n".join(
        [f'<!ENTITY net SYSTEM "{listener.url}/x">', '<!ENTITY lol0 "lol">']
        + [f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    )
    body = " ".join(["Miejski Ośrodek Pomocy Społecznej w Kaliszu podpisał porozumienie z fundacją."] * 3)
    page = (f"<!DOCTYPE html [\n{decls}\n]>\n<html><head><title>Porozumienie</title></head><body>"
            f"<article><h1>Porozumienie</h1><p>{body} &net; &lol9;</p><p>{body}</p></article></body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    res = invoke(runner, tmp_path / "store", "load", str(f))
    # loaded or refused, either way one clear line and no request
    assert "Traceback" not in res.output
    assert not listener.contacted()
    if res.exit_code:
        assert "page.html: " in res.stderr
    else:
        dump = invoke(runner, tmp_path / "store", "export", "-f", "nq").stdout
        assert "lollollol" not in dump


# --- credentials ---------------------------------------------------------------------------


def test_endpoint_credentials_never_shown(tmp_path, listener):
    pytest.importorskip("socialkg.graph.remote")
    port = listener.port
    listener.close()  # a closed local port: every connection is refused
    user, password = "analyst-7f3a", "s3cr3t-Pa55-w0rd"
    env = {**os.environ, "SOCIALKG_ENDPOINT_USER": user, "SOCIALKG_ENDPOINT_PASSWORD": password}
    env.pop("SOCIALKG_ENDPOINT", None)
    url = f"http://127.0.0.1:{port}/sparql"
    f = tmp_path / "a.ttl"
    f.write_text(_triples(3), encoding="utf-8")
    runs = [
        (["--endpoint", url, "query", "ASK { ?s ?p ?o }"], env),
        (["--endpoint", url, "-vv", "query", "ASK { ?s ?p ?o }"], env),  # debug logging on
        (["--endpoint", url, "-vv", "load", str(f)], env),
        (["--endpoint", url, "stats"], env),
        (["--endpoint", url, "export", "-f", "nq"], env),
        # credentials written into the URL itself are refused, and not echoed back
        (["--endpoint", f"http://{user}:{password}@127.0.0.1:{port}/sparql", "-vv", "query", "ASK {}"],
         {k: v for k, v in env.items() if not k.startswith("SOCIALKG_ENDPOINT")}),
    ]
    for args, run_env in runs:
        # a subprocess, so log records reach the captured stderr exactly as a user sees them
        proc = subprocess.run([sys.executable, "-m", "socialkg.cli", *args], env=run_env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
        text = proc.stdout + proc.stderr
        assert proc.returncode == 1, (args, text)
        assert "Traceback" not in text, text
        assert proc.stderr.strip().splitlines()[-1].startswith("Error: "), text
        assert password not in text and user not in text, text
