/* socialkg partnership network page.
 * Data: the JSON in #network-data (written by graph/render.py). All text goes into the
 * page through textContent, never innerHTML, so names with quotes or markup stay text.
 * window.socialkg exposes the network and its state for tests and for curious users. */
(function () {
  "use strict";

  var timings = { script: performance.now() };  // for the benchmark: where the first seconds go
  var data = JSON.parse(document.getElementById("network-data").textContent);
  timings.parsed = performance.now();
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === "text") node.textContent = props[k];
        else if (k === "className") node.className = props[k];
        else if (k === "style") Object.assign(node.style, props[k]);
        else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), props[k]);
        else node.setAttribute(k, props[k]);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function fold(text) {
    return String(text || "").replace(/ł/g, "l").replace(/Ł/g, "L")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function fmt(n) { return typeof n === "number" ? n.toLocaleString("en") : n; }
  function plural(n, one, many) { return fmt(n) + " " + (n === 1 ? one : many); }

  // ------------------------------------------------------------------ lookups
  var typeInfo = {};
  data.types.forEach(function (t) { typeInfo[t.slug] = t; });
  var evInfo = {}, evRank = {};
  data.evidenceTypes.forEach(function (e, i) { evInfo[e.slug] = e; evRank[e.slug] = i; });
  var commColor = {};
  data.communities.forEach(function (c) { commColor[c.id] = c.color; });
  var nodeById = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });
  var edgesOf = {};
  data.edges.forEach(function (e) {
    (edgesOf[e.from] = edgesOf[e.from] || []).push(e);
    (edgesOf[e.to] = edgesOf[e.to] || []).push(e);
  });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  var big = data.nodes.length + data.edges.length > 3000;

  function typeLabel(slug) { return (typeInfo[slug] || { label: slug }).label; }
  function nodeColour(n) {
    return data.colorBy === "community" ? (commColor[n.community] || "#b0b0b0")
      : (typeInfo[n.type] || { color: "#b0b0b0" }).color;
  }
  function edgeWidth(kind, n) {
    return kind === "co-participation" ? 1 : Math.min(8, 1.3 + 1.8 * Math.log2(Math.max(1, n)));
  }
  // Many lines would paint the canvas over: the more edges, the fainter each one.
  var edgeAlpha = data.edges.length > 3000 ? 0.3 : data.edges.length > 500 ? 0.55 : 0.9;
  function edgeVisual(kind, n, et) {
    var colour = (evInfo[et] || evInfo.stated).color;
    return {
      width: edgeWidth(kind, n),
      dashes: kind === "co-participation" ? [5, 5] : false,
      color: { color: colour, highlight: colour, hover: colour,
               opacity: kind === "co-participation" ? edgeAlpha * 0.7 : edgeAlpha },
    };
  }
  function darker(hex) {
    var v = parseInt(hex.slice(1), 16), f = 0.7;
    var r = Math.round((v >> 16) * f), g = Math.round(((v >> 8) & 255) * f), b = Math.round((v & 255) * f);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }

  // ------------------------------------------------------------------ datasets
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var c = nodeColour(n);
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, value: n.size, shape: "dot",
      color: { background: c, border: darker(c), highlight: { background: c, border: "#1d232b" },
               hover: { background: c, border: "#1d232b" } },
    };
  }));
  var current = {};  // edge id -> [n, strongest] as drawn
  var edges = new vis.DataSet(data.edges.map(function (e) {
    current[e.id] = [e.n, e.et];
    return Object.assign({ id: e.id, from: e.from, to: e.to }, edgeVisual(e.kind, e.n, e.et));
  }));

  // ------------------------------------------------------------------ filters
  var dates = data.sources.map(function (s) { return s[2]; }).filter(Boolean).sort();
  var maxSources = data.edges.reduce(function (m, e) { return Math.max(m, e.n); }, 1);
  var state = {};
  function resetState() {
    state.types = new Set(data.types.map(function (t) { return t.slug; }));
    state.evidence = new Set(data.evidenceTypes.map(function (e) { return e.slug; }));
    state.minSources = 1;
    state.since = "";
    state.until = "";
    state.hideIsolated = false;
  }
  resetState();
  var visibleNodes = new Set(), visibleEdges = new Set();

  function edgeNow(e) {
    // The edge as the filters see it: null if hidden, else [sources, strongest type].
    if (!state.types.has(nodeById[e.from].type) || !state.types.has(nodeById[e.to].type)) return null;
    var srcs = new Set(), best = null;
    e.ev.forEach(function (item) {
      if (!state.evidence.has(item[1])) return;
      var date = data.sources[item[2]][2];
      if ((state.since || state.until) && !date) return;
      if (state.since && date < state.since) return;
      if (state.until && date > state.until) return;
      srcs.add(item[2]);
      if (best === null || evRank[item[1]] < evRank[best]) best = item[1];
    });
    if (best === null || srcs.size < state.minSources) return null;
    return [srcs.size, best];
  }

  // Filters flip `hidden` on the items that change (not a DataView refresh): vis then keeps
  // every position and redraws once, which stays fast with 15,000 edges.
  data.nodes.forEach(function (n) { visibleNodes.add(n.id); });  // the datasets start all shown
  data.edges.forEach(function (e) { visibleEdges.add(e.id); });
  function applyFilters() {
    var wasNodes = new Set(visibleNodes), wasEdges = new Set(visibleEdges);
    visibleEdges.clear();
    visibleNodes.clear();
    var degree = {}, edgeChanges = [], nodeChanges = [];
    data.edges.forEach(function (e) {
      var now = edgeNow(e);
      if (now) {
        visibleEdges.add(e.id);
        degree[e.from] = (degree[e.from] || 0) + 1;
        degree[e.to] = (degree[e.to] || 0) + 1;
      }
      var change = null, was = current[e.id];
      if (now && (was[0] !== now[0] || was[1] !== now[1])) {
        current[e.id] = now;
        change = Object.assign({ id: e.id }, edgeVisual(e.kind, now[0], now[1]));
      }
      if (!!now !== wasEdges.has(e.id)) {
        change = change || { id: e.id };
        change.hidden = !now;
      }
      if (change) edgeChanges.push(change);
    });
    data.nodes.forEach(function (n) {
      var shown = state.types.has(n.type) && !(state.hideIsolated && !degree[n.id]);
      if (shown) visibleNodes.add(n.id);
      if (shown !== wasNodes.has(n.id)) nodeChanges.push({ id: n.id, hidden: !shown });
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    var coop = 0;
    visibleEdges.forEach(function (id) { if (edgeById[id].kind === "cooperation") coop++; });
    $("shown").textContent = "Showing " + fmt(visibleNodes.size) + " of " + fmt(data.nodes.length) +
      " organisations, " + fmt(coop) + " cooperations" +
      (data.counts.coparticipations ? " and " + fmt(visibleEdges.size - coop) + " co-participations" : "") + ".";
  }

  function shownCounts() { return [visibleNodes.size, visibleEdges.size]; }

  // ------------------------------------------------------------------ header
  $("query").textContent = data.query;
  $("made").textContent = "Made " + data.made + " by socialkg; layout seed " + data.seed +
    "; node size: " + data.sizeBy + ".";
  var counts = [[data.counts.organisations, "organisations"], [data.counts.cooperations, "cooperations"]];
  if (data.counts.coparticipations) counts.push([data.counts.coparticipations, "co-participations"]);
  counts.push([data.counts.sources, "sources"]);
  counts.push([data.made.slice(0, 10), "made"]);
  counts.forEach(function (c) {
    $("counts").appendChild(el("div", { className: "count", "data-count": c[1] }, el("b", { text: fmt(c[0]) }), el("span", { text: c[1] })));
  });

  // ------------------------------------------------------------------ filter controls
  function checkRow(checked, onchange, marker, label, count) {
    var box = el("input", { type: "checkbox" });
    box.checked = checked;
    box.addEventListener("change", function () { onchange(box.checked); });
    return el("label", { className: "legend-row" }, box, marker, el("span", { text: label }),
      count === undefined ? null : el("span", { className: "n", text: count }));
  }

  function buildControls() {
    var strongest = {};
    data.edges.forEach(function (e) { strongest[e.et] = (strongest[e.et] || 0) + 1; });
    var evBox = $("evidence-filter");
    evBox.textContent = "";
    data.evidenceTypes.forEach(function (e) {
      if (e.slug === "co-participation" && !data.counts.coparticipations) return;
      var line = el("span", { className: "line" + (e.slug === "co-participation" ? " dashed" : ""),
                              style: { borderTopColor: e.color } });
      evBox.appendChild(checkRow(state.evidence.has(e.slug), function (on) {
        if (on) state.evidence.add(e.slug); else state.evidence.delete(e.slug);
        applyFilters();
      }, line, e.label, strongest[e.slug] || 0));
    });
    var typeBox = $("type-filter");
    typeBox.textContent = "";
    data.types.forEach(function (t) {
      var sw = el("span", { className: "swatch", style: { background: data.colorBy === "type" ? t.color : "#e4e7eb" } });
      typeBox.appendChild(checkRow(state.types.has(t.slug), function (on) {
        if (on) state.types.add(t.slug); else state.types.delete(t.slug);
        applyFilters();
      }, sw, t.label, t.count));
    });
    if (data.colorBy === "community") {
      $("legend-title").textContent = "Organisation type";
      var legend = $("community-legend");
      legend.textContent = "";
      legend.appendChild(el("div", { className: "heading", text: "Communities (node colour)" }));
      data.communities.slice(0, 15).forEach(function (c) {
        var members = data.nodes.filter(function (n) { return n.community === c.id; })
          .sort(function (a, b) { return b.size - a.size; }).slice(0, 2).map(function (n) { return n.label; });
        legend.appendChild(el("div", { className: "legend-row", title: members.join(", ") },
          el("span", { className: "swatch", style: { background: c.color } }),
          el("span", { text: members.join(", ") + (c.size > 2 ? ", …" : "") }), el("span", { className: "n", text: c.size })));
      });
    }
    var range = $("min-sources");
    range.max = String(maxSources);
    range.value = String(state.minSources);
    range.disabled = maxSources <= 1;
    $("min-sources-value").textContent = state.minSources;
    $("since").value = state.since;
    $("until").value = state.until;
    if (dates.length) {
      ["since", "until"].forEach(function (id) { $(id).min = dates[0]; $(id).max = dates[dates.length - 1]; });
      $("since").placeholder = dates[0];
    }
    $("hide-isolated").checked = state.hideIsolated;
  }
  $("min-sources").addEventListener("input", function () {
    state.minSources = Number(this.value);
    $("min-sources-value").textContent = state.minSources;
    applyFilters();
  });
  $("since").addEventListener("change", function () { state.since = this.value; applyFilters(); });
  $("until").addEventListener("change", function () { state.until = this.value; applyFilters(); });
  $("hide-isolated").addEventListener("change", function () { state.hideIsolated = this.checked; applyFilters(); });
  $("reset").addEventListener("click", function () { resetState(); buildControls(); applyFilters(); });

  // Filters first, so the network starts with what it shows (one layout, not two).
  buildControls();
  applyFilters();

  // ------------------------------------------------------------------ network
  var container = $("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    layout: { randomSeed: data.seed, improvedLayout: false },
    physics: data.physics,
    interaction: { hover: true, tooltipDelay: 100, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                   navigationButtons: false, keyboard: false, multiselect: false },
    nodes: {
      shape: "dot", borderWidth: 1.5, borderWidthSelected: 3,
      scaling: { min: 7, max: 32, label: { enabled: true, min: 12, max: 18, drawThreshold: 7, maxVisible: 22 } },
      font: { size: 13, color: "#1d232b", strokeWidth: 4, strokeColor: "#ffffff",
              face: "system-ui, -apple-system, Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif" },
    },
    edges: { smooth: false, selectionWidth: 2.5, hoverWidth: 1.5 },
  });

  timings.network = performance.now();
  var api = window.socialkg = {
    timings: timings,
    data: data, network: network, nodes: nodes, edges: edges, shownCounts: shownCounts,
    state: state, applyFilters: applyFilters, ready: false, stabilizedAt: null, readyAt: null,
  };

  function settled() {
    if (api.stabilizedAt !== null) return;
    api.stabilizedAt = performance.now();
    network.setOptions({ physics: { enabled: false } });  // settle once, then stay still
    $("loading").hidden = true;
    network.once("afterDrawing", function () { api.ready = true; api.readyAt = performance.now(); });
    network.redraw();
  }
  network.once("startStabilizing", function () { timings.stabilizing = performance.now(); });
  network.on("stabilizationProgress", function (p) {
    $("loading").textContent = "Laying out the network… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);
  if (!data.nodes.length) { $("loading").textContent = "No organisations match these filters."; api.ready = true; api.readyAt = performance.now(); }

  // ------------------------------------------------------------------ hover card
  var tip = $("tooltip");
  network.on("hoverNode", function (p) {
    var n = nodeById[p.node];
    tip.textContent = "";
    tip.appendChild(el("div", { className: "name", text: n.name }));
    tip.appendChild(el("div", { className: "muted", text: [typeLabel(n.type), n.place].filter(Boolean).join(" · ") }));
    tip.appendChild(el("div", { text: "Mentioned in " + plural(n.sources, "source", "sources") }));
    if (n.partners.length) {
      tip.appendChild(el("div", { text: "Strongest partners:" }));
      var ul = el("ul");
      n.partners.slice(0, 3).forEach(function (pid) { ul.appendChild(el("li", { text: nodeById[pid].name })); });
      tip.appendChild(ul);
    }
    var x = p.pointer.DOM.x + 14, y = p.pointer.DOM.y + 14;
    tip.hidden = false;
    var area = $("graph-area");
    tip.style.left = Math.min(x, area.clientWidth - tip.offsetWidth - 8) + "px";
    tip.style.top = Math.min(y, area.clientHeight - tip.offsetHeight - 8) + "px";
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });

  // ------------------------------------------------------------------ side panel
  var panel = $("panel-body");
  var pinned = false;

  function nodeLink(id) {
    return el("a", { className: "link", text: nodeById[id].name, onclick: function () { selectNode(id); } });
  }

  function showHint() {
    pinned = false;
    panel.textContent = "";
    panel.appendChild(el("div", { className: "hint" },
      el("h2", { text: "Evidence" }),
      el("p", { text: "Hover over or click a line to see why we think the two organisations work together: the quotes, their sources and dates, and the project or event." }),
      el("p", { text: "Click an organisation for its partners. Line width = number of independent sources; colour = strongest evidence." })));
  }

  function showEdge(id, pin) {
    var e = edgeById[id];
    if (!e) return;
    pinned = !!pin;
    panel.textContent = "";
    panel.setAttribute("data-edge", String(id));
    panel.removeAttribute("data-node");
    panel.appendChild(el("h2", { text: e.kind === "cooperation" ? "Cooperation" : "Co-participation in an event" }));
    panel.appendChild(el("div", { className: "pair" }, nodeLink(e.from), el("span", { className: "dash", text: " — " }), nodeLink(e.to)));
    panel.appendChild(el("dl", { className: "facts" },
      el("dt", { text: "Independent sources" }), el("dd", { text: e.n }),
      el("dt", { text: "Strongest evidence" }), el("dd", { text: evInfo[e.et].label }),
      el("dt", { text: "Evidence items" }), el("dd", { text: e.ev.length })));
    panel.appendChild(el("h3", { text: "Evidence" }));
    var list = el("ul", { className: "evidence" });
    e.ev.forEach(function (item) {
      var info = evInfo[item[1]] || evInfo.stated, src = data.sources[item[2]];
      var li = el("li", { style: { borderLeftColor: info.color } },
        el("span", { className: "badge", text: info.label, style: { background: info.color } }),
        item[0] ? el("blockquote", { className: "quote", text: "„" + item[0] + "”" }) : null,
        item[3] ? el("div", { className: "meta" }, "Project: ", el("b", { text: item[3] })) : null,
        item[4] ? el("div", { className: "meta" }, "Event: ", el("b", { text: item[4] })) : null,
        el("div", { className: "meta" }, el("span", { className: "source-title", text: src[1] || "(untitled source)" }),
          src[2] ? " · " + src[2] : ""),
        el("div", { className: "meta" }, el("a", { href: src[0], target: "_blank", rel: "noopener noreferrer", text: src[0] })));
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  function showNode(id) {
    var n = nodeById[id];
    if (!n) return;
    pinned = true;
    panel.textContent = "";
    panel.setAttribute("data-node", String(id));
    panel.removeAttribute("data-edge");
    panel.appendChild(el("h2", { text: n.name }));
    var facts = el("dl", { className: "facts" },
      el("dt", { text: "Type" }), el("dd", { text: typeLabel(n.type) }));
    if (n.place) { facts.appendChild(el("dt", { text: "Place" })); facts.appendChild(el("dd", { text: n.place })); }
    if (n.acronym) { facts.appendChild(el("dt", { text: "Acronym" })); facts.appendChild(el("dd", { text: n.acronym })); }
    facts.appendChild(el("dt", { text: "Sources" })); facts.appendChild(el("dd", { text: n.sources }));
    facts.appendChild(el("dt", { text: "Partners" })); facts.appendChild(el("dd", { text: (edgesOf[id] || []).length }));
    if (!visibleNodes.has(id)) { facts.appendChild(el("dt", { text: "Note" })); facts.appendChild(el("dd", { text: "hidden by the filters" })); }
    panel.appendChild(facts);
    panel.appendChild(el("div", { className: "meta" }, el("a", { href: n.iri, target: "_blank", rel: "noopener noreferrer", text: n.iri })));
    var mine = (edgesOf[id] || []).slice().sort(function (a, b) {
      return (a.kind === "cooperation" ? 0 : 1) - (b.kind === "cooperation" ? 0 : 1) || b.n - a.n || evRank[a.et] - evRank[b.et];
    });
    if (mine.length) {
      panel.appendChild(el("h3", { text: "Partners" }));
      var ul = el("ul", { className: "partners" });
      mine.forEach(function (e) {
        var other = e.from === id ? e.to : e.from;
        ul.appendChild(el("li", {}, nodeLink(other), " ",
          el("a", { className: "link meta", text: "(" + evInfo[e.et].label.toLowerCase() + ", " + plural(e.n, "source", "sources") + ")",
                    onclick: function () { selectEdge(e.id); } })));
      });
      panel.appendChild(ul);
    }
  }

  function selectNode(id) {
    if (visibleNodes.has(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400 } });
    }
    showNode(id);
  }
  function selectEdge(id) {
    if (visibleEdges.has(id)) network.selectEdges([id]);
    showEdge(id, true);
  }
  api.showEdge = showEdge;
  api.showNode = showNode;
  api.selectEdge = selectEdge;
  api.selectNode = selectNode;

  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0], true);
    else showHint();
  });
  network.on("hoverEdge", function (p) { if (!pinned) showEdge(p.edge, false); });

  // ------------------------------------------------------------------ search
  var index = data.nodes.map(function (n) { return [n.id, fold([n.name, n.label, n.acronym, n.place].join(" "))]; });
  $("search").addEventListener("input", function () {
    var words = fold(this.value).split(/\s+/).filter(Boolean);
    var out = $("search-results");
    out.textContent = "";
    if (!words.length) return;
    var hits = index.filter(function (row) {
      return words.every(function (w) { return row[1].indexOf(w) !== -1; });
    }).slice(0, 12);
    hits.forEach(function (row) {
      var n = nodeById[row[0]];
      out.appendChild(el("li", { onclick: function () { selectNode(n.id); } },
        el("span", { className: "swatch", style: { background: nodeColour(n), display: "inline-block", marginRight: "5px" } }),
        n.name + (n.place ? " (" + n.place + ")" : "")));
    });
    if (!hits.length) out.appendChild(el("li", { className: "muted", text: "no match" }));
  });

  showHint();
})();
