"""The benchmark corpus generator (bench/corpus.py) and the suite's quick run (bench/run.py).

`bench/` is a plain folder at the repository root, not part of the installed package,
so these tests put the root on sys.path and import `bench` from there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.universe import load_places  # noqa: E402

from socialkg.model import COOPERATION_BASES, CO_PARTICIPATION, EVENT_TYPES, ORG_TYPES  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "manifest.json"}


def test_same_seed_same_corpus_other_seed_other_corpus(tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path / "a", 40, seed=3)
    corpus.write_corpus(tmp_path / "b", 40, seed=3)
    corpus.write_corpus(tmp_path / "c", 40, seed=4)
    a, b, c = (_files(tmp_path / x) for x in "abc")
    assert len(a) == 80  # 40 texts + 40 gold files
    assert a == b
    assert a != c


def test_a_smaller_corpus_is_the_start_of_a_bigger_one(tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path / "small", 10, seed=5)
    corpus.write_corpus(tmp_path / "big", 25, seed=5)
    small, big = _files(tmp_path / "small"), _files(tmp_path / "big")
    assert all(big[k] == v for k, v in small.items())


def test_cli_writes_texts_gold_and_manifest(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    proc = subprocess.run([sys.executable, "-m", "bench.corpus", "--articles", "12", "--seed", "2", "--out",
                           str(out)], cwd=ROOT, capture_output=True, text=True, check=True)
    summary = json.loads(proc.stdout)
    assert summary["articles"] == 12 and summary["words"] > 12 * 50
    assert len(list((out / "texts").glob("*.txt"))) == 12
    assert {p.stem for p in (out / "texts").glob("*.txt")} == {p.stem for p in (out / "gold").glob("*.json")}
    assert json.loads((out / "manifest.json").read_text())["seed"] == 2


def _check_gold(g: dict, text: str) -> None:
    """The GOLD_FORMAT.md shape, and every reference pointing at something that exists."""
    assert set(g) == {"doc", "lang", "published", "organisations", "persons", "events", "projects", "cooperations"}
    assert g["lang"] in ("pl", "cs")
    assert g["published"] is None or len(g["published"]) == 10
    org_ids = [o["id"] for o in g["organisations"]]
    assert org_ids == [f"o{i}" for i in range(1, len(org_ids) + 1)]
    for o in g["organisations"]:
        assert set(o) == {"id", "name", "aliases", "type", "place", "part_of"}
        assert o["type"] in ORG_TYPES
        assert o["part_of"] is None or o["part_of"] in org_ids
        assert o["name"].casefold() not in [a.casefold() for a in o["aliases"]]
        # every surface form the gold lists is written in the article
        for alias in o["aliases"]:
            assert alias in text, (g["doc"], alias)
    person_ids = [p["id"] for p in g["persons"]]
    for p in g["persons"]:
        assert set(p) == {"id", "name", "affiliations"}
        assert p["name"] in text and len(p["name"].split()) == 2
        for a in p["affiliations"]:
            assert set(a) == {"org", "role"} and a["org"] in org_ids
            assert a["role"] is None or a["role"] == a["role"].lower()
    for e in g["events"]:
        assert set(e) == {"id", "name", "aliases", "type", "date", "end_date", "place", "venue", "organisers",
                          "participants", "speakers"}
        assert e["type"] in EVENT_TYPES and e["name"] in text
        assert set(e["organisers"] + e["participants"]) <= set(org_ids)
        assert set(e["speakers"]) <= set(person_ids)
    for j in g["projects"]:
        assert set(j) == {"id", "name", "aliases", "leads", "partners", "funding", "budget"}
        assert j["name"] in text and set(j["leads"] + j["partners"]) <= set(org_ids)
        assert j["budget"] is None or (set(j["budget"]) == {"amount", "currency"}
                                       and j["budget"]["currency"] in ("PLN", "CZK"))
    for c in g["cooperations"]:
        assert set(c) == {"a", "b", "basis", "evidence"}
        assert c["a"] in org_ids and c["b"] in org_ids and c["a"] != c["b"]
        assert c["basis"] in COOPERATION_BASES and c["basis"] != CO_PARTICIPATION
        assert c["evidence"] in text


def test_gold_has_the_gold_format_shape_and_covers_the_world(tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path, 400, seed=1)
    types, bases, langs, templates = set(), set(), set(), set()
    for path in sorted((tmp_path / "gold").glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        text = (tmp_path / "texts" / f"{path.stem}.txt").read_text(encoding="utf-8")
        assert g["doc"] == path.stem
        _check_gold(g, text)
        types |= {o["type"] for o in g["organisations"]}
        bases |= {c["basis"] for c in g["cooperations"]}
        langs.add(g["lang"])
    templates = set(json.loads((tmp_path / "manifest.json").read_text())["templates"])
    assert langs == {"pl", "cs"}
    assert set(COOPERATION_BASES) <= bases
    assert len(types) >= 14  # of 16; all 16 exist in the world (next test)
    assert len([t for t in templates if t.startswith("pl-")]) >= 15
    assert len([t for t in templates if t.startswith("cs-")]) >= 14


def test_the_world_has_thousands_of_bodies_of_every_type() -> None:
    u = corpus.universe(1)
    assert len(u.orgs) > 5000
    assert {o.type for o in u.orgs.values()} == set(ORG_TYPES)


@pytest.mark.parametrize(("nom", "gen", "loc", "prep"), [
    ("Kalisz", "Kalisza", "Kaliszu", "w"),
    ("Wrocław", "Wrocławia", "Wrocławiu", "we"),
    ("Łódź", "Łodzi", "Łodzi", "w"),
    ("Gliwice", "Gliwic", "Gliwicach", "w"),
    ("Kutno", "Kutna", "Kutnie", "w"),
    ("Białystok", "Białegostoku", "Białymstoku", "w"),
    ("Zielona Góra", "Zielonej Góry", "Zielonej Górze", "w"),
    ("Końskie", "Końskich", "Końskich", "w"),
    ("Zakopane", "Zakopanego", "Zakopanem", "w"),
    ("Września", "Wrześni", "Wrześni", "we"),
])
def test_polish_place_forms_checked_by_hand(nom: str, gen: str, loc: str, prep: str) -> None:
    place = {p.nom: p for p in load_places("pl")}[nom]
    assert (place.gen, place.loc, place.prep) == (gen, loc, prep)


@pytest.mark.parametrize(("nom", "gen", "loc", "prep"), [
    ("Kutná Hora", "Kutné Hory", "Kutné Hoře", "v"),
    ("Praha", "Prahy", "Praze", "v"),
    ("Zlín", "Zlína", "Zlíně", "ve"),
    ("Karlovy Vary", "Karlových Varů", "Karlových Varech", "v"),
    ("Plzeň", "Plzně", "Plzni", "v"),
])
def test_czech_place_forms_checked_by_hand(nom: str, gen: str, loc: str, prep: str) -> None:
    place = {p.nom: p for p in load_places("cs")}[nom]
    assert (place.gen, place.loc, place.prep) == (gen, loc, prep)


def test_inflected_names_and_acronyms() -> None:
    u = corpus.universe(1)
    kalisz = u.at("pl", "Kalisz")
    welfare = next(o for o in kalisz if o.acronym in ("MOPS", "MGOPS", "GOPS", "MOPR", "CUS"))
    assert welfare.nom.endswith(" w Kaliszu") and welfare.gen.endswith(" w Kaliszu")
    if welfare.acronym == "MOPS":
        assert welfare.gen.startswith("Miejskiego Ośrodka Pomocy Społecznej")
        assert welfare.inst.startswith("Miejskim Ośrodkiem Pomocy Społecznej")
        assert "kaliski MOPS" in welfare.short["nom"] and "kaliskiego MOPS-u" in welfare.short["gen"]
    office = next(o for o in kalisz if o.nom.startswith("Urząd Miasta"))
    assert office.nom == "Urząd Miasta Kalisza" and office.inst == "Urzędem Miasta Kalisza"
    pup = next((o for o in u.orgs.values() if o.acronym == "PUP" and o.place and o.place.nom == "Wrocław"), None)
    if pup is not None:
        assert "PUP we Wrocławiu" in pup.short["nom"]
    odbor = next(o for o in u.at("cs", "Kutná Hora") if o.nom.startswith("Odbor"))
    assert odbor.nom.endswith("Městského úřadu Kutná Hora") and odbor.parent is not None


def test_prepositions_are_vocalised() -> None:
    from bench.doc import _vocalise

    assert _vocalise("współpracuje z ", "Strażą Miejską", "pl") == "współpracuje ze "
    assert _vocalise("współpracuje z ", "Sądem Rejonowym", "pl") == "współpracuje z "
    assert _vocalise("spolupracuje s ", "Základní školou", "cs") == "spolupracuje se "
    assert _vocalise("spolupracuje s ", "Charitou", "cs") == "spolupracuje s "


def test_synthetic_extractions_become_quads(tmp_path: Path) -> None:
    info = corpus.write_nquads(tmp_path / "q.nq", 2000, seed=1)
    assert info["quads"] >= 2000 and info["documents"] >= 5
    import pyoxigraph as ox

    quads = list(ox.parse(path=str(tmp_path / "q.nq"), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == info["quads"]
    assert len({q.graph_name for q in quads}) == info["documents"]


@pytest.mark.slow
def test_quick_benchmark_runs_to_the_end(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "bench.run", "--quick", "--silent", "--workdir", str(tmp_path),
                           "--json-out", str(tmp_path / "r.json")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = json.loads(proc.stdout.strip().splitlines()[-1])
    assert last == json.loads((tmp_path / "r.json").read_text())
    assert "Targets" in proc.stdout
    assert {t["target"] for t in last["targets"]} >= {"extraction", "loading", "queries < 200 ms",
                                                      ">= 10x faster than rdflib", "peak memory",
                                                      "nothing super-linear"}
    assert all(t["status"] in ("PASS", "MISS", "n/a") for t in last["targets"])
    ex = last["articles"]["100"]
    assert "error" not in ex and ex["articles"] == 100
    assert "error" not in last["triples"]["100000"]["load"]


def test_the_plain_forms_rdflib_runs_give_the_same_rows_as_the_saved_queries(tmp_path):
    """bench/rdflib_forms/: what the benchmark gives rdflib must answer the same question."""
    from bench.run import rdflib_forms
    from socialkg.graph.query import run_query, saved_queries
    from socialkg.graph.store import EmbeddedStore
    from socialkg.pipeline import load_paths

    store = EmbeddedStore(tmp_path / "store")
    load_paths(store, [ROOT / "examples"])
    saved, plain = saved_queries(), rdflib_forms()
    assert plain and set(plain) <= set(saved)
    for name, form in plain.items():
        for params in ({}, {p.name: "a" for p in form.params}):
            a = run_query(store, saved[name].bind(params, store)).rows
            b = run_query(store, form.bind(params, store)).rows
            assert a, (name, params)
            assert sorted(map(repr, a)) == sorted(map(repr, b)), (name, params)
