"""Benchmark: the partnership network page at 2,000 organisations and 10,000 cooperations.

Builds a synthetic store in the real graph shape (hand-made `model` objects through
`graph.build.to_quads`, one named graph per synthetic article), then measures:

- build_s: `build_network(store)` (the SPARQL queries and the networkx graph);
- page_s: `render_html(G)`; size_mb: the page's size;
- first_frame_s: in headless Chromium, from navigation start to the first frame drawn
  after the layout has stabilised (the page's own `performance.now()` clock);
  stabilised_s: when stabilisation ended; load_s: wall time from `driver.get` to ready;
- filter_ms: one in-page filter change (co-participation off) over all edges.

Prints a table and one JSON line. Not a test: run `python -m bench.bench_network`
(or `python bench/bench_network.py`), options `--organisations`, `--cooperations`,
`--seed`, `--keep DIR` (keep the page and a screenshot there).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

_PLACES = (
    "Kalisz", "Toruń", "Łódź", "Kraków", "Poznań", "Gdańsk", "Białystok", "Rzeszów", "Opole", "Kielce",
    "Lublin", "Olsztyn", "Zielona Góra", "Gorzów Wielkopolski", "Bydgoszcz", "Włocławek", "Płock",
    "Piła", "Ostrów Wielkopolski", "Leszno", "Konin", "Gniezno", "Słupsk", "Koszalin", "Elbląg",
    "Brno", "Praha", "Ostrava", "Plzeň", "Olomouc", "Liberec", "Hradec Králové", "Pardubice",
    "Zlín", "Jihlava", "Kutná Hora", "Žďár nad Sázavou", "České Budějovice", "Ústí nad Labem", "Třebíč",
)
_KINDS = {  # type -> (Polish name head, acronym or None)
    "social-welfare-centre": ("Miejski Ośrodek Pomocy Społecznej", "MOPS"),
    "family-support-centre": ("Powiatowe Centrum Pomocy Rodzinie", "PCPR"),
    "social-services-centre": ("Centrum Usług Społecznych", "CUS"),
    "regional-social-policy-centre": ("Regionalny Ośrodek Polityki Społecznej", "ROPS"),
    "local-government": ("Urząd Miasta", "UM"),
    "central-government": ("Ministerstwo Rodziny i Polityki Społecznej – delegatura", None),
    "labour-office": ("Powiatowy Urząd Pracy", "PUP"),
    "court": ("Sąd Rejonowy", None),
    "police-or-uniformed": ("Komenda Miejska Policji", "KMP"),
    "school": ("Szkoła Podstawowa nr", None),
    "university": ("Uniwersytet Społeczny", None),
    "ngo": ("Stowarzyszenie Pomocy „Razem”", None),
    "social-enterprise": ("Spółdzielnia Socjalna „Świt”", None),
    "care-facility": ("Dom Pomocy Społecznej", "DPS"),
    "healthcare": ("Szpital Powiatowy", None),
    "other": ("Parafia św. Wojciecha", None),
}
_WEIGHTS = {"ngo": 8, "school": 4, "social-welfare-centre": 3, "care-facility": 2, "local-government": 2}
_BASES = ("stated", "co-organised", "project", "agreement")
_BASIS_WEIGHTS = (50, 20, 15, 15)


def synthetic_extractions(organisations: int, cooperations: int, seed: int) -> list[tuple[Any, Any]]:
    """(Article, Extraction) pairs describing `organisations` bodies tied by `cooperations`
    distinct pairs; ties mostly inside one of ~organisations/50 regions (so there are
    communities), 1-4 evidence items per pair from different articles."""
    from socialkg.model import Article, Cooperation, Event, Evidence, Extraction, Organisation, Project

    rng = random.Random(seed)
    types = list(_KINDS)
    weights = [_WEIGHTS.get(t, 1) for t in types]
    regions = max(2, organisations // 50)
    orgs = []
    for i in range(organisations):
        t = rng.choices(types, weights)[0]
        place = _PLACES[i % len(_PLACES)]
        head, acronym = _KINDS[t]
        name = f"{head} {i} w {place}" if acronym is None else f"{head} nr {i} w {place}"
        orgs.append(Organisation(id=f"o{i}", name=name, type=t, place=place,
                                 acronym=f"{acronym}{i}" if acronym else None, key=f"bench-org-{i}"))
    members: dict[int, list[int]] = {}
    for i in range(organisations):
        members.setdefault(i % regions, []).append(i)

    pairs: set[tuple[int, int]] = set()
    while len(pairs) < cooperations:
        a = rng.randrange(organisations)
        pool = members[a % regions] if rng.random() < 0.85 else range(organisations)
        b = rng.choice(pool)
        if a != b:
            pairs.add((min(a, b), max(a, b)))

    items = []  # (a, b, basis)
    for a, b in sorted(pairs):
        for _ in range(min(4, 1 + int(rng.expovariate(1.6)))):
            items.append((a, b, rng.choices(_BASES, _BASIS_WEIGHTS)[0]))
    rng.shuffle(items)

    out = []
    start = dt.date(2019, 1, 1)
    for n in range(0, len(items), 4):
        doc = f"bench-{n // 4:05d}"
        chunk = items[n:n + 4]
        ids = sorted({x for a, b, _ in chunk for x in (a, b)})
        published = (start + dt.timedelta(days=rng.randrange(2200))).isoformat()
        coops, events, projects = [], [], []
        for k, (a, b, basis) in enumerate(chunk):
            quote = f"{orgs[a].name} współpracuje z {orgs[b].name} ({basis}, {doc}/{k})."
            coop = Cooperation(a=f"o{a}", b=f"o{b}", basis=basis, evidence=quote,
                               provenance=Evidence(quote, k * 200, k * 200 + len(quote), "bench"))
            if basis == "project":
                projects.append(Project(id=f"p{k}", name=f"Projekt {doc}-{k}", leads=[f"o{a}"], partners=[f"o{b}"]))
                coop.project = f"p{k}"
            elif basis == "co-organised":
                guest = rng.randrange(organisations)
                if guest not in ids:
                    ids.append(guest)
                events.append(Event(id=f"e{k}", name=f"Forum {doc}-{k}", type="forum", date=published,
                                    organisers=[f"o{a}", f"o{b}"], participants=[f"o{guest}"]))
                coop.event = f"e{k}"
            coops.append(coop)
        art = Article(path=f"/bench/{doc}.txt", source_iri=f"file:///bench/{doc}.txt", doc=doc,
                      text=" ".join(c.evidence for c in coops), raw_hash=doc, title=f"Artykuł {doc}",
                      published=published, lang="pl")
        ext = Extraction(doc=doc, lang="pl", published=published, organisations=[orgs[i] for i in ids],
                         events=events, projects=projects, cooperations=coops)
        out.append((art, ext))
    return out


def build_store(path: Path, organisations: int, cooperations: int, seed: int):
    from socialkg.graph.build import to_quads
    from socialkg.graph.store import EmbeddedStore

    store = EmbeddedStore(path)
    quads = [q for art, ext in synthetic_extractions(organisations, cooperations, seed) for q in to_quads(art, ext)]
    store.raw.bulk_extend(quads)
    store.flush()
    return store, len(quads)


def _driver(profile: Path, width: int = 1600, height: int = 1000):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def measure_browser(page: Path, work: Path, screenshot: Path | None = None) -> dict[str, Any]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        return {"browser": "skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"}
    driver = _driver(work / "profile")
    try:
        driver.set_script_timeout(120)
        t = time.perf_counter()
        driver.get(page.as_uri())
        deadline = time.perf_counter() + 300
        while not driver.execute_script("return !!(window.socialkg && socialkg.ready)"):
            if time.perf_counter() > deadline:
                return {"browser": "error: the page was not ready after 300 s"}
            time.sleep(0.02)
        load_s = time.perf_counter() - t
        stabilised, ready, nodes, edges = driver.execute_script(
            "var c = socialkg.shownCounts(); return [socialkg.stabilizedAt, socialkg.readyAt, c[0], c[1]]")
        filter_ms = driver.execute_script("""
            var t = performance.now();
            socialkg.state.evidence.delete('co-participation'); socialkg.applyFilters();
            var ms = performance.now() - t;
            socialkg.state.evidence.add('co-participation'); socialkg.applyFilters();
            return ms;""")
        if screenshot:
            driver.save_screenshot(str(screenshot))
        return {"first_frame_s": round(ready / 1000, 2), "stabilised_s": round(stabilised / 1000, 2),
                "load_s": round(load_s, 2), "filter_ms": round(filter_ms, 1),
                "drawn_nodes": nodes, "drawn_edges": edges}
    finally:
        driver.quit()


def bench_network(organisations: int = 2000, cooperations: int | None = None, seed: int = 7,
                  keep: str | None = None) -> dict[str, Any]:
    """Measure; return the figures as a dict (also the entry point for `bench/run.py`)."""
    from socialkg.graph.network import build_network
    from socialkg.graph.render import render_html

    cooperations = cooperations or 5 * organisations
    with tempfile.TemporaryDirectory(prefix="skg-bench-network-") as tmp:
        work = Path(keep) if keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        store, n_quads = build_store(Path(tmp) / "store", organisations, cooperations, seed)
        store_s = time.perf_counter() - t
        try:
            t = time.perf_counter()
            G = build_network(store, with_coparticipation=True)
            build_s = time.perf_counter() - t
            t = time.perf_counter()
            G_coop = build_network(store)
            build_coop_s = time.perf_counter() - t
        finally:
            store.close()
        t = time.perf_counter()
        html = render_html(G, title=f"Benchmark: {organisations:,} organisations", seed=seed)
        page_s = time.perf_counter() - t
        page = work / "network-bench.html"
        page.write_text(html, encoding="utf-8")
        coop_edges = sum(1 for *_, d in G.edges(data=True) if d["kind"] == "cooperation")
        result: dict[str, Any] = {
            "organisations": G.number_of_nodes(), "cooperations": coop_edges,
            "coparticipations": G.number_of_edges() - coop_edges, "sources": G.graph["sources"],
            "quads": n_quads, "store_s": round(store_s, 2),
            "build_s": round(build_s, 2), "build_cooperation_only_s": round(build_coop_s, 2),
            "page_s": round(page_s, 2), "size_mb": round(len(html.encode("utf-8")) / 1e6, 2),
        }
        assert G_coop.number_of_edges() == coop_edges
        result.update(measure_browser(page, Path(tmp), work / "network-bench.png" if keep else None))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--cooperations", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="keep the page and a screenshot in DIR")
    args = parser.parse_args(argv)
    r = bench_network(args.organisations, args.cooperations, args.seed, args.keep)
    rows = [
        ("organisations / cooperations / co-participations",
         f"{r['organisations']:,} / {r['cooperations']:,} / {r['coparticipations']:,}"),
        ("sources / quads", f"{r['sources']:,} / {r['quads']:,}"),
        ("synthetic store written", f"{r['store_s']:.2f} s"),
        ("build_network (with co-participation)", f"{r['build_s']:.2f} s"),
        ("build_network (cooperation only)", f"{r['build_cooperation_only_s']:.2f} s"),
        ("page build (render_html)", f"{r['page_s']:.2f} s"),
        ("page size", f"{r['size_mb']:.2f} MB"),
    ]
    if "first_frame_s" in r:
        rows += [
            ("Chromium: layout stabilised", f"{r['stabilised_s']:.2f} s"),
            ("Chromium: first frame after stabilisation", f"{r['first_frame_s']:.2f} s"),
            ("Chromium: driver.get to ready (wall)", f"{r['load_s']:.2f} s"),
            ("Chromium: one filter change", f"{r['filter_ms']:.0f} ms"),
            ("Chromium: drawn nodes / edges", f"{r['drawn_nodes']:,} / {r['drawn_edges']:,}"),
        ]
    else:
        rows.append(("Chromium", r.get("browser", "?")))
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    print(json.dumps({"bench": "network", **r}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
