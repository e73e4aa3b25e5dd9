"""Start a private, throw-away Virtuoso for tests and benchmarks.

    with start_virtuoso() as v:
        v.query_endpoint    # http://127.0.0.1:<port>/sparql       (anonymous, read)
        v.update_endpoint   # http://127.0.0.1:<port>/sparql-auth  (digest auth, dba)
        v.user, v.password  # dba and a random password set at start

The instance has its own temporary database folder and `virtuoso.ini` (a copy of the
packaged default with free loopback ports, local DirsAllowed, no hosting plugins and a
small buffer pool), so it never touches the system database or a port someone else
uses. It is stopped, and its folder removed, when the `with` block ends, also on errors;
on Linux it also dies with the process that started it.

Standard library only, and no socialkg imports: tests load this file by path and the
benchmark suite imports it, so neither depends on how the other is packaged.

Why here and not in the socialkg package: running a database server is the job of the
user's IT (Debian's service, a container); socialkg only talks to an endpoint.  This
launcher makes disposable instances with a throw-away password, which is what tests
and benchmarks need and what nobody should run their data on.
"""

from __future__ import annotations

import configparser
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGED_INI = Path("/usr/share/virtuoso-opensource-7/virtuoso.ini")
START_TIMEOUT = 90.0  # seconds; a fresh database takes about 6 s on 2 cores


class VirtuosoUnavailable(RuntimeError):
    """`virtuoso-t` (or `isql-vt`) is not installed: callers skip rather than fail."""


class VirtuosoStartError(RuntimeError):
    """Virtuoso is installed but did not come up; the message carries its log tail."""


@dataclass
class Virtuoso:
    base_url: str  # http://127.0.0.1:<port>
    sql_port: int
    user: str
    password: str
    directory: Path
    process: subprocess.Popen

    @property
    def query_endpoint(self) -> str:
        return f"{self.base_url}/sparql"

    @property
    def update_endpoint(self) -> str:
        return f"{self.base_url}/sparql-auth"

    @property
    def graph_store_endpoint(self) -> str:
        return f"{self.base_url}/sparql-graph-crud-auth"

    def log_tail(self, lines: int = 30) -> str:
        log = self.directory / "virtuoso.log"
        if not log.exists():
            return ""
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    def isql(self, sql: str, *, password: str | None = None) -> str:
        """Run SQL as dba through `isql-vt` (used for setup; returns its output)."""
        return _isql(self.sql_port, password or self.password, sql)

    def __repr__(self) -> str:  # never show the password
        return f"Virtuoso({self.base_url}, sql_port={self.sql_port}, user={self.user!r})"


def find_binaries() -> tuple[str, str]:
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if not server or not isql:
        raise VirtuosoUnavailable(
            "virtuoso-t / isql-vt not found: install the Debian package virtuoso-opensource"
        )
    if not PACKAGED_INI.exists():
        raise VirtuosoUnavailable(f"{PACKAGED_INI} not found (virtuoso-opensource not installed?)")
    return server, isql


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_ini(directory: Path, sql_port: int, http_port: int, *, max_rows: int = 100_000) -> Path:
    """A copy of the packaged virtuoso.ini pointed at `directory` and loopback ports."""
    ini = configparser.ConfigParser(strict=False, interpolation=None, inline_comment_prefixes=(";",))
    ini.optionxform = str  # keep Virtuoso's key spelling
    ini.read(PACKAGED_INI, encoding="utf-8")
    d = str(directory)
    ini["Database"].update(
        DatabaseFile=f"{d}/virtuoso.db", ErrorLogFile=f"{d}/virtuoso.log",
        LockFile=f"{d}/virtuoso.lck", TransactionFile=f"{d}/virtuoso.trx",
        xa_persistent_file=f"{d}/virtuoso.pxa",
    )
    ini["TempDatabase"].update(
        DatabaseFile=f"{d}/virtuoso-temp.db", TransactionFile=f"{d}/virtuoso-temp.trx"
    )
    ini["Parameters"].update(
        ServerPort=f"127.0.0.1:{sql_port}",
        DirsAllowed=f"., {d}",
        # A test instance: small buffer pool (about 80 MB), modest parallelism.
        NumberOfBuffers="10000", MaxDirtyBuffers="6000", ThreadsPerQuery="2",
        MaxQueryMem="512M", CheckpointInterval="0",
    )
    ini["HTTPServer"].update(
        ServerPort=f"127.0.0.1:{http_port}", ServerThreads="8", MaxClientConnections="8",
    )
    ini["URIQA"]["DefaultHost"] = f"127.0.0.1:{http_port}"
    ini["SPARQL"]["ResultSetMaxRows"] = str(max_rows)
    # Nothing replicates and no wiki hosting is wanted; fewer moving parts, faster start.
    ini["Replication"]["ServerEnable"] = "0"
    if ini.has_section("Plugins"):
        ini.remove_section("Plugins")
    ini.add_section("Plugins")
    path = directory / "virtuoso.ini"
    with path.open("w", encoding="utf-8") as fh:
        ini.write(fh)
    return path


def _isql(port: int, password: str, sql: str, *, user: str = "dba") -> str:
    _, isql = find_binaries()
    # The password goes in argv of a short-lived local process: fine for a throw-away
    # test instance, and isql-vt has no other non-interactive way.
    proc = subprocess.run(
        [isql, f"127.0.0.1:{port}", user, password, "VERBOSE=OFF", "PROMPT=OFF", "BANNER=OFF",
         f"EXEC={sql}"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 or "*** Error" in out:
        raise VirtuosoStartError(f"isql failed ({proc.returncode}) running SQL: {out.strip()[:500]}")
    return out


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Linux: the server gets SIGTERM if the test process dies without cleaning up."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _answers(url: str) -> bool:
    data = urllib.parse.urlencode({"query": "ASK {}"}).encode()
    req = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status == 200 and b"boolean" in resp.read()
    except (OSError, urllib.error.URLError):
        return False


def stop(v: Virtuoso, timeout: float = 30.0) -> None:
    """Stop the server (SIGTERM lets Virtuoso shut down cleanly), kill it if it hangs."""
    proc = v.process
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@contextlib.contextmanager
def start_virtuoso(
    directory: str | Path | None = None, *, keep: bool = False, max_rows: int = 100_000,
    start_timeout: float = START_TIMEOUT,
) -> Iterator[Virtuoso]:
    """Start a private Virtuoso on free loopback ports; stop it when the block ends.

    `directory`: where the database goes (default: a new temporary folder, removed
    at the end unless `keep`). `max_rows`: the server's ResultSetMaxRows.
    Raises VirtuosoUnavailable if the binaries are missing, VirtuosoStartError if
    the server does not answer within `start_timeout` seconds.
    """
    server, _ = find_binaries()
    owned = directory is None
    workdir = Path(tempfile.mkdtemp(prefix="socialkg-virtuoso-")) if owned else Path(directory)
    workdir.mkdir(parents=True, exist_ok=True)
    proc: subprocess.Popen | None = None
    v: Virtuoso | None = None
    try:
        sql_port, http_port = free_port(), free_port()
        while http_port == sql_port:
            http_port = free_port()
        ini = write_ini(workdir, sql_port, http_port, max_rows=max_rows)
        proc = subprocess.Popen(
            [server, "+foreground", "+configfile", str(ini)],
            cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        v = Virtuoso(
            base_url=f"http://127.0.0.1:{http_port}", sql_port=sql_port, user="dba",
            password="dba", directory=workdir, process=proc,
        )
        deadline = time.monotonic() + start_timeout
        while not _answers(v.query_endpoint):
            if proc.poll() is not None:
                raise VirtuosoStartError(
                    f"virtuoso-t exited with status {proc.returncode}:\n{v.log_tail()}"
                )
            if time.monotonic() > deadline:
                raise VirtuosoStartError(
                    f"Virtuoso did not answer at {v.query_endpoint} within {start_timeout:.0f} s:\n"
                    f"{v.log_tail()}"
                )
            time.sleep(0.25)
        # A fresh database has dba/dba; replace it before anything else talks to it.
        password = "s" + secrets.token_hex(16)  # an SQL identifier: letters and digits
        _isql(sql_port, "dba", f"set password dba {password};")
        v.password = password
        yield v
    finally:
        if v is not None:
            stop(v)
        elif proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(10)
        if owned and not keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":  # a manual check: python bench/virtuoso_launcher.py
    t0 = time.perf_counter()
    with start_virtuoso() as inst:
        print(f"{inst!r} answered after {time.perf_counter() - t0:.1f} s at {inst.query_endpoint}")
    print(f"stopped after {time.perf_counter() - t0:.1f} s")
