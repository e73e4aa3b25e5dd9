"""Shared fixtures: a real embedded store and the real CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from socialkg.graph.store import EmbeddedStore

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture
def store(tmp_path: Path):
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# --- A private Virtuoso for the remote-store tests (tests marked `virtuoso`). -------------
# The launcher lives in bench/ (shared with the benchmark suite) and uses only the
# standard library; it is loaded by path because bench/ is not an installed package.

def _virtuoso_launcher():
    import importlib.util
    import sys

    name = "socialkg_bench_virtuoso_launcher"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "bench" / "virtuoso_launcher.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def virtuoso():
    """One Virtuoso for the whole session: own temp database and ini, free loopback
    ports, a random dba password; stopped at the end, also when tests fail."""
    launcher = _virtuoso_launcher()
    try:
        launcher.find_binaries()
    except launcher.VirtuosoUnavailable as exc:
        pytest.skip(str(exc))
    with launcher.start_virtuoso() as instance:
        yield instance
