"""The partnership network as one self-contained, offline HTML page.

Input: the `networkx.Graph` from `network.build_network`. Output: HTML text.

Why our own Jinja template and not `pyvis.network.Network`: pyvis's template links
Bootstrap from a CDN even with ``cdn_resources="in_line"`` (the page breaks offline),
its layout is random unless seeded, its tooltips take HTML strings (escaping is on
the caller), and importing pyvis imports IPython. We still use what pyvis ships and
pins: the vis-network 9.1.2 build (JS + CSS) inside the installed pyvis package,
located without importing pyvis and inlined into the page, so nothing is fetched.

The page gets its data as one JSON document inside ``<script type="application/json">``
with ``<``, ``>`` and ``&`` escaped, and the page script writes all text with
``textContent``: names holding quotes or markup cannot break or inject into the page.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
import math
import random
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import SocialKGError
from ..model import CO_PARTICIPATION, ORG_TYPES
from .network import COOPERATION, EVIDENCE_ORDER, compute_centrality

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
VIS_VERSION = "9.1.2"

# Colour per organisation type, grouped by family: welfare bodies warm, public
# administration blue, justice/police dark, education olive, civil society green.
TYPE_COLOURS = {
    "social-welfare-centre": "#d62728",
    "family-support-centre": "#ff7f0e",
    "social-services-centre": "#e377c2",
    "regional-social-policy-centre": "#9467bd",
    "local-government": "#1f77b4",
    "central-government": "#17becf",
    "labour-office": "#8c564b",
    "court": "#525252",
    "police-or-uniformed": "#393b79",
    "school": "#bcbd22",
    "university": "#637939",
    "ngo": "#2ca02c",
    "social-enterprise": "#74c476",
    "care-facility": "#f4a3c0",
    "healthcare": "#6baed6",
    "other": "#b0b0b0",
}
TYPE_LABELS = {slug: slug.replace("-", " ").capitalize() for slug in ORG_TYPES}
TYPE_LABELS.update({"ngo": "NGO", "police-or-uniformed": "Police or uniformed service"})

# Edge style per strongest evidence type (strongest first).
EVIDENCE_STYLES = {
    "project": {"label": "Joint project", "color": "#1f4e9c"},
    "agreement": {"label": "Agreement", "color": "#1a9850"},
    "co-organised": {"label": "Co-organised event", "color": "#e6850e"},
    "stated": {"label": "Stated cooperation", "color": "#7b8190"},
    CO_PARTICIPATION: {"label": "Co-participation in an event", "color": "#c3c7ce"},
}
COMMUNITY_COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
    "#756bb1", "#636363", "#fd8d3c", "#6baed6",
)


class RenderError(SocialKGError):
    code = "SKG600"


def render_html(
    G: nx.Graph,
    *,
    title: str = "Partnership network",
    query_description: str | None = None,
    color_by: str = "type",
    size_by: str = "degree",
    seed: int = 42,
) -> str:
    """One HTML page that draws `G` with vis-network, offline, with the evidence per edge."""
    if color_by not in ("type", "community"):
        raise RenderError(f"unknown colouring {color_by!r}", hint="use type or community")
    if size_by not in ("degree", "betweenness"):
        raise RenderError(f"unknown node size {size_by!r}", hint="use degree or betweenness")
    data = network_data(G, title=title, query_description=query_description, color_by=color_by,
                        size_by=size_by, seed=seed)
    vis_js, vis_css = vis_assets()
    env = _environment()
    return env.get_template("network.html").render(
        title=title,
        data_json=_script_json(data),
        vis_js=vis_js,
        vis_css=vis_css,
        page_js=(TEMPLATES / "network.js").read_text(encoding="utf-8"),
        page_css=(TEMPLATES / "network.css").read_text(encoding="utf-8"),
        vis_version=VIS_VERSION,
    )


def network_data(
    G: nx.Graph,
    *,
    title: str,
    query_description: str | None,
    color_by: str = "type",
    size_by: str = "degree",
    seed: int = 42,
) -> dict[str, Any]:
    """What the page needs, compact: sources, names and evidence listed once, referenced by index."""
    nodes = sorted(G.nodes, key=lambda n: (G.nodes[n].get("name", n), n))  # stable order = stable page
    index = {n: i for i, n in enumerate(nodes)}
    if size_by == "betweenness" and all("betweenness" in G.nodes[n] for n in G):
        size = {n: G.nodes[n]["betweenness"] for n in G}
    elif size_by == "degree":
        size = {n: float(G.degree(n)) for n in G}
    else:
        size = compute_centrality(G, "betweenness", seed=seed)
    communities = _communities(G, seed)
    positions = _initial_positions(G, communities, seed)

    sources: dict[str, int] = {}
    source_rows: list[list[str]] = []
    edges = []
    for i, (a, b, d) in enumerate(sorted(G.edges(data=True), key=lambda e: (index[e[0]], index[e[1]]))):
        if index[a] > index[b]:
            a, b = b, a
        items = []
        for e in d.get("evidence", []):
            if e["source"] not in sources:
                sources[e["source"]] = len(source_rows)
                source_rows.append([e["source"], e.get("source_title", ""), e.get("source_date", "")])
            items.append([e.get("quote", ""), e["type"], sources[e["source"]], e.get("project", ""), e.get("event", "")])
        edges.append({
            "id": i, "from": index[a], "to": index[b],
            "kind": d.get("kind", COOPERATION), "n": d.get("sources", 1),
            "et": d.get("evidence_type", "stated"), "ev": items,
        })

    node_rows = []
    for n in nodes:
        d = G.nodes[n]
        partners = sorted(
            G[n].items(),
            key=lambda kv: (kv[1].get("kind") != COOPERATION, -kv[1].get("sources", 1),
                            EVIDENCE_ORDER.index(kv[1].get("evidence_type", "stated")), index[kv[0]]),
        )
        node_rows.append({
            "id": index[n], "iri": n, "name": d.get("name", n), "label": d.get("label") or d.get("name", n),
            "type": d.get("type", "other"), "place": d.get("place", ""), "acronym": d.get("acronym", ""),
            "sources": d.get("sources", 0), "size": round(size.get(n, 0.0), 6),
            "community": communities.get(n, 0),
            "x": positions[n][0], "y": positions[n][1],
            "partners": [index[p] for p, _ in partners[:5]],
        })

    type_counts = Counter(G.nodes[n].get("type", "other") for n in G)
    present_types = set(type_counts)
    community_sizes = Counter(communities.values())
    kinds = [d.get("kind") for _, _, d in G.edges(data=True)]
    all_sources = G.graph.get("sources")
    return {
        "title": title,
        "query": query_description if query_description is not None else G.graph.get("query", ""),
        "made": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        "colorBy": color_by,
        "sizeBy": size_by,
        "seed": seed,
        "counts": {
            "organisations": G.number_of_nodes(),
            "cooperations": sum(1 for k in kinds if k == COOPERATION),
            "coparticipations": sum(1 for k in kinds if k == CO_PARTICIPATION),
            "sources": all_sources if isinstance(all_sources, int) else len(source_rows),
        },
        "types": [
            {"slug": t, "label": TYPE_LABELS.get(t, t), "color": TYPE_COLOURS.get(t, TYPE_COLOURS["other"]),
             "count": type_counts[t]}
            for t in (*ORG_TYPES, *sorted(present_types - set(ORG_TYPES))) if t in present_types
        ],
        "evidenceTypes": [{"slug": k, **v} for k, v in EVIDENCE_STYLES.items()],
        "communities": [
            {"id": c, "color": COMMUNITY_COLOURS[c % len(COMMUNITY_COLOURS)], "size": community_sizes[c]}
            for c in sorted(community_sizes)
        ],
        "sources": source_rows,
        "nodes": node_rows,
        "edges": edges,
        "physics": _physics(G.number_of_nodes(), G.number_of_edges()),
    }


def _communities(G: nx.Graph, seed: int) -> dict[str, int]:
    """Louvain communities numbered by size (0 = largest); isolated nodes share the last number."""
    if G.number_of_edges() == 0:
        return {n: 0 for n in G}
    found = nx.community.louvain_communities(G, weight="sources", seed=seed)
    grouped = sorted((c for c in found if len(c) > 1), key=lambda c: (-len(c), min(c)))
    result = {n: i for i, c in enumerate(grouped) for n in c}
    lone = len(grouped)
    for n in G:
        result.setdefault(n, lone)
    return result


def _initial_positions(G: nx.Graph, communities: dict[str, int], seed: int) -> dict[str, tuple[int, int]]:
    """A seeded start: communities on a sunflower spiral, members scattered around their centre.

    The browser's physics then only polishes this, so the same graph always settles
    into the same picture and a big graph settles fast. (networkx's spring layout
    would take ~20 s for 2,000 nodes and 10,000 edges; this takes milliseconds.)
    """
    rng = random.Random(seed)
    members: dict[int, list[str]] = {}
    for n in sorted(G, key=str):
        members.setdefault(communities.get(n, 0), []).append(n)
    positions: dict[str, tuple[int, int]] = {}
    golden = math.pi * (3 - math.sqrt(5))
    spacing = 60.0
    for rank, c in enumerate(sorted(members, key=lambda c: (-len(members[c]), c))):
        group = members[c]
        spread = spacing * math.sqrt(len(group))
        distance = 3.2 * spacing * math.sqrt(rank) * math.sqrt(max(len(group), 8)) if rank else 0.0
        cx, cy = distance * math.cos(rank * golden), distance * math.sin(rank * golden)
        for n in group:
            r, a = spread * math.sqrt(rng.random()), rng.random() * 2 * math.pi
            positions[n] = (round(cx + r * math.cos(a)), round(cy + r * math.sin(a)))
    return positions


def _physics(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """Stabilise before the first frame within a budget that shrinks as the graph grows, then stop.

    Small graphs get long springs and strong repulsion so that labels do not overlap;
    big ones stay compact so the whole network fits the screen.
    """
    work = max(1, n_nodes + n_edges)
    iterations = int(max(60, min(600, 1_200_000 / work)))
    small = n_nodes <= 300
    return {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -140 if small else -60,
            "centralGravity": 0.012 if small else 0.008,
            "springLength": 150 if small else 90,
            "springConstant": 0.05 if small else 0.06,
            "damping": 0.5,
            "avoidOverlap": 0.9 if small else 0.4,
        },
        "maxVelocity": 60,
        "minVelocity": 1.0,
        "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
    }


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no `</script>`, no `<!--`, no line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the installed pyvis package (found without importing pyvis)."""
    spec = importlib.util.find_spec("pyvis")
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in roots:
        for sub in ("templates/lib", "lib"):
            folder = Path(root) / sub / f"vis-{VIS_VERSION}"
            js, css = folder / "vis-network.min.js", folder / "vis-network.css"
            if js.is_file() and css.is_file():
                js_text, css_text = js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
                if "</script" in js_text.lower() or "</style" in css_text.lower():
                    raise RenderError("the vis-network files cannot be inlined safely", path=str(folder))
                return js_text, css_text
    raise RenderError(
        f"vis-network {VIS_VERSION} not found in the installed pyvis package",
        hint="reinstall socialkg's dependencies (pip install 'pyvis>=0.3.2,<0.4')",
    )


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def write_html(G: nx.Graph, path: str | Path, **options: Any) -> Path:
    """`render_html` written to a file (UTF-8)."""
    target = Path(path)
    target.write_text(render_html(G, **options), encoding="utf-8")
    return target
