"""An interactive explorer: one self-contained HTML page to search and click through a roadmap.

The page draws the graph with cytoscape.js (vendored in ``vendor/``, MIT, version
:data:`CYTOSCAPE_VERSION`, inlined), at the positions of
:func:`roadmap_graph.layout.layered_layout` (missions on top, then core technologies,
enabling technologies and ecosystem measures; fields side by side), so the same roadmap
always gives the same picture. Nothing is fetched: no CDN, no web font, no favicon; Korean
text uses the system fonts (NanumGothic, Noto Sans CJK KR, Malgun Gothic, Apple SD Gothic
Neo). It works from ``file://`` and as an e-mail attachment.

What the page shows is computed here, by the library, not re-derived in JavaScript:

* click a **mission**: its prerequisite chain (:func:`roadmap_graph.prerequisite_chain`) is
  highlighted (class ``highlighted``, the mission included), its gateways
  (:func:`roadmap_graph.gateways`) are marked (class ``gateway``), everything else fades
  (class ``faded``);
* click a **technology or measure**: it and the missions that depend on it (those whose
  chain contains it: every mission it is reachable from, over any edge) are highlighted;
  the nodes on the way between them are dimmed less (class ``via``); the rest fades;
* click the background: back to the whole graph.

A search box finds a node by Korean or English name or id (case-insensitive substring);
checkboxes filter by field and kind; ko/en switches the labels; a side panel shows the
node's names, kind, field, description, targets, provenance, source quotes and links.

For scripts and tests the page exposes ``window.roadmapExplorer``: ``select(id)``,
``focus(id)`` (select and centre), ``reset()``, ``highlighted()``, ``gateways()``,
``faded()``, ``visible()`` (sorted ids), ``selected()``, ``search(text)`` (sorted matching
ids), ``setLang(lang)``, ``setFilter(group, value, on)`` (group ``"field"`` or ``"kind"``),
``ready`` and ``cy`` (the cytoscape instance).

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> page = explorer_html(G)
>>> page.startswith("<!DOCTYPE html>"), "cytoscape" in page, "https://cdn" in page
(True, True, False)
>>> data = explorer_data(G)
>>> data["chains"]["bio_mission_gene_cell_therapy"]["nodes"][:2]
['bio_gene_cell_therapy', 'bio_gene_delivery']
>>> data["gateways"]["bio_mission_gene_cell_therapy"]
['bio_gene_cell_therapy']
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph.fields import field_order
from ..outputs import check_outputs, write_file
from ..analyses.chain import prerequisite_chain
from ..analyses.gateways import gateways as find_gateways
from ..vocabulary import LANGS, check_lang, format_target, text
from ..figures.layout import KIND_ROWS, layered_layout
from ..figures.style import GATEWAY_COLOUR, KIND_MARKERS, field_colours

__all__ = [
    "CYTOSCAPE_VERSION",
    "FONT_STACK",
    "explorer_data",
    "explorer_html",
    "script_json",
    "write_explorer",
]

#: The vendored cytoscape.js release (``vendor/cytoscape-<version>.min.js``).
CYTOSCAPE_VERSION = "3.34.4"
#: Fonts for Hangul, in order of preference; only installed fonts are used, none is fetched.
FONT_STACK = "'NanumGothic', 'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif"

_PX_PER_INCH = 100.0
_PAGE_LAYOUT_KEYS = ("bands", "rows", "font", "marker", "size")
_SHAPES = {"s": "rectangle", "D": "diamond", "o": "ellipse", "^": "triangle"}

# The words the page's script looks up (by these short keys), and their catalogue keys.
_PAGE_WORDS: dict[str, str] = {
    **{key: f"ui.{key}" for key in (
        "search", "no_results", "language", "reset", "hint", "legend", "edge_requires",
        "edge_alternative", "edge_support", "gateway_mark", "description", "targets", "sources",
        "category", "nodes_count", "dependent_missions", "gateway_of", "requires_list",
        "required_by", "note", "roadmap",
    )},
    **{kind: f"kind.{kind}" for kind in KIND_ROWS},
    "field": "col.field", "kind": "col.kind", "id": "col.id", "provenance": "col.provenance",
    "stated": "provenance.stated", "inferred": "provenance.inferred", "unknown": "provenance.unknown",
    "none": "word.none", "by": "col.by", "gateways_nearest_first": "col.gateways",
    "one_of": "word.one_of", "supported_by": "word.supported_by", "requires": "relation.requires",
    "published": "word.published", "horizon": "word.horizon", "chain": "title.chain", "name_en": "col.name_en",
}  # fmt: skip


@cache
def _cytoscape_js() -> str:
    text = files("roadmap_graph.present").joinpath("vendor", f"cytoscape-{CYTOSCAPE_VERSION}.min.js").read_text("utf-8")
    return _script_text(text)


def _script_text(js: str) -> str:
    """JavaScript safe inside ``<script>``: ``</`` becomes ``<\\/`` (the same string, regular
    expression or comment to JavaScript), so no ``</script>`` can end the element early."""
    lowered = js.lower()
    if "<!--" in lowered or "<script" in lowered:  # would enter the "double-escaped" state
        raise ValueError("script text contains '<!--' or '<script', which HTML cannot inline safely")
    return js.replace("</", "<\\/")


def script_json(obj: Any) -> str:
    """``obj`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (and the
    line separators U+2028/U+2029 as escapes), so no string can close the element or open a
    comment; ``JSON.parse`` gives back the same text.

    >>> script_json({"name": "</script><b>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(obj, ensure_ascii=False, default=str)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(raw, f"\\u{ord(raw):04x}")
    return text


def _title(G: nx.DiGraph, lang: str) -> str:
    info = G.graph.get("roadmap") or {}
    if lang == "en" and info.get("title_en"):
        return str(info["title_en"])
    return str(info.get("title") or info.get("title_en") or "roadmap-graph")


def _layouts(G: nx.DiGraph) -> dict[str, Any]:
    """Positions, wrapped labels, bands and row titles in pixels (y down), per language."""
    out: dict[str, Any] = {}
    for lang in LANGS:
        if G.number_of_nodes() == 0:
            out[lang] = None
            continue
        L = layered_layout(G, lang=lang)
        s = _PX_PER_INCH
        height = L.size[1]

        def px(point: tuple[float, float]) -> list[float]:
            return [round(point[0] * s, 2), round((height - point[1]) * s, 2)]

        centres = {n: px(p) for n, p in L.positions.items()}
        routes = {}
        for (u, v), route in L.routes.items():
            points = [px(p) for p in route]
            routes[(u, v)] = _segments(centres[u], centres[v], points)
        bands = []
        for f in L.fields:
            x0, x1 = L.bands[f]
            bands.append({
                "field": f,
                "x": round((x0 + x1) / 2 * s, 2),
                "y": round((height - (L.band_top + L.band_bottom) / 2) * s, 2),
                "w": round((x1 - x0) * s, 2),
                "h": round((L.band_top - L.band_bottom) * s, 2),
                "label": L.band_labels[f],
            })
        rows = []
        x = (L.row_title_x[0] + L.row_title_x[1]) / 2
        for (y0, y1), title in zip(L.row_extents, L.row_titles):
            if title:
                rows.append({"x": round(x * s, 2), "y": round((height - (y0 + y1) / 2) * s, 2), "label": title})
        out[lang] = {
            "positions": centres,
            "labels": dict(L.labels),
            "routes": routes,
            "bands": bands,
            "rows": rows,
            "font": round(L.label_fontsize / 72 * s, 2),
            "marker": round(L.marker_size / 72 * s, 2),
            "size": [round(L.size[0] * s, 2), round(L.size[1] * s, 2)],
        }
    return out


def _segments(s: list[float], t: list[float], points: list[list[float]]) -> dict[str, Any]:
    """An edge route as cytoscape ``segments`` (weights and distances relative to the line
    between the two node centres) and endpoint offsets from each centre."""
    dx, dy = t[0] - s[0], t[1] - s[1]
    length2 = dx * dx + dy * dy
    weights, distances = [], []
    inner = points[1:-1]
    if not inner:  # a straight route: one point halfway keeps its endpoints off the labels
        inner = [[(points[0][0] + points[-1][0]) / 2, (points[0][1] + points[-1][1]) / 2]]
    if length2 > 0:
        length = length2**0.5
        for p in inner:
            px, py = p[0] - s[0], p[1] - s[1]
            weights.append(round((px * dx + py * dy) / length2, 4))
            distances.append(round((dx * py - dy * px) / length, 2))
    return {
        "source": [round(points[0][0] - s[0], 2), round(points[0][1] - s[1], 2)],
        "target": [round(points[-1][0] - t[0], 2), round(points[-1][1] - t[1], 2)],
        "weights": weights,
        "distances": distances,
    }


def explorer_data(G: nx.DiGraph, *, lang: str = "ko", title: str | None = None) -> dict[str, Any]:
    """Everything the explorer page needs, as JSON-ready data (see the module docstring).

    ``chains[M]`` holds the node ids (sorted) and edge indices of the prerequisite chain of
    mission M; ``gateways[M]`` its gateways, nearest first; ``dependents[X]``, for every
    other node X, the missions that depend on it (sorted), the nodes between (``via``) and
    the edge indices on those paths; ``gateway_of[X]`` the missions X is a gateway of.
    """
    check_lang(lang)
    fields = field_order(G)
    colours = field_colours(fields)
    field_info = G.graph.get("fields") or {}
    sources = {s["id"]: s for s in (G.graph.get("roadmap") or {}).get("sources", []) if "id" in s}
    layouts = _layouts(G)
    edge_index = {(u, v): i for i, (u, v) in enumerate(G.edges)}

    nodes = []
    for n, a in G.nodes(data=True):
        nodes.append({
            "id": n,
            "kind": a.get("kind"),
            "field": a.get("field"),
            "name": a.get("name") or str(n),
            "name_en": a.get("name_en"),
            "description": a.get("description"),
            "description_en": a.get("description_en"),
            "category": a.get("category"),
            "provenance": a.get("provenance"),
            "targets": [
                {**t, "text": {lg: format_target(t, lg) for lg in LANGS}} for t in a.get("targets") or []
            ],
            "sources": list(a.get("sources") or []),
            "label": {lg: (layouts[lg] or {}).get("labels", {}).get(n, a.get("name") or str(n)) for lg in LANGS},
            "pos": {lg: (layouts[lg] or {}).get("positions", {}).get(n, [0, 0]) for lg in LANGS},
        })
    edges = []
    for (u, v), i in edge_index.items():
        d = G.edges[u, v]
        edges.append({
            "source": u,
            "target": v,
            "relation": d.get("relation"),
            "group": d.get("group"),
            "provenance": d.get("provenance"),
            "route": {lg: (layouts[lg] or {}).get("routes", {}).get((u, v)) for lg in LANGS},
        })

    mission_ids = sorted(n for n, k in G.nodes(data="kind") if k == "mission")
    chains = {}
    for m in mission_ids:
        chain = prerequisite_chain(G, m)
        chains[m] = {
            "nodes": sorted(c.id for c in chain.nodes),
            "edges": sorted(edge_index[(e.source, e.target)] for e in chain.edges),
        }
    found = find_gateways(G)
    dependents = {}
    for n, kind in G.nodes(data="kind"):
        if kind == "mission":
            continue
        up = nx.ancestors(G, n)
        on_path = up | {n}
        dependents[n] = {
            "missions": sorted(m for m in up if G.nodes[m].get("kind") == "mission"),
            "via": sorted(m for m in up if G.nodes[m].get("kind") != "mission"),
            "edges": sorted(edge_index[(u, v)] for u in up for v in G.succ[u] if v in on_path),
        }

    words = {short: {lg: text(key, lg) for lg in LANGS} for short, key in _PAGE_WORDS.items()}
    roadmap = G.graph.get("roadmap") or {}
    return {
        "lang": lang,
        "title": {lg: title if title is not None else _title(G, lg) for lg in LANGS},
        "roadmap": {
            "id": roadmap.get("id"),
            "published": roadmap.get("published"),
            "horizon": roadmap.get("horizon"),
        },
        "fields": [
            {
                "id": f,
                "name": (field_info.get(f) or {}).get("name") or f,
                "name_en": (field_info.get(f) or {}).get("name_en"),
                "colour": colours[f],
            }
            for f in fields
        ],
        "kinds": [k for k in KIND_ROWS if any(kind == k for _, kind in G.nodes(data="kind"))],
        "shapes": {k: _SHAPES[m] for k, m in KIND_MARKERS.items()},
        "gateway_colour": GATEWAY_COLOUR,
        # cytoscape's font-family accepts double quotes only
        "font_stack": FONT_STACK.replace("'", '"'),
        "sources": {
            sid: {"title": s.get("title"), "url": s.get("url"), "date": s.get("date")} for sid, s in sources.items()
        },
        "nodes": nodes,
        "edges": edges,
        "chains": chains,
        "gateways": {m: list(found.by_mission.get(m, ())) for m in mission_ids},
        "gateway_of": {g.id: list(g.missions) for g in found.gateways},
        "dependents": dependents,
        "layout": {
            lg: None if layouts[lg] is None else {k: layouts[lg][k] for k in _PAGE_LAYOUT_KEYS} for lg in LANGS
        },
        "words": words,
    }


def explorer_html(G: nx.DiGraph, *, lang: str = "ko", title: str | None = None) -> str:
    """The explorer of ``G`` as one self-contained HTML page (see the module docstring).

    ``lang`` (``"ko"`` or ``"en"``) is the language the page opens in; the reader can switch.
    ``title`` defaults to the roadmap's title in that language.

    Raises
    ------
    InvalidOptionError
        When ``lang`` is not ``"ko"`` or ``"en"``.
    """
    data = explorer_data(G, lang=lang, title=title)
    page_title = html.escape(data["title"][lang])
    return "".join([
        "<!DOCTYPE html>\n",
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="roadmap-graph explorer">\n',
        '<link rel="icon" href="data:,">\n',
        f"<title>{page_title}</title>\n",
        "<style>\n", _CSS.replace("FONT_STACK", FONT_STACK), "</style>\n",
        "</head>\n<body>\n",
        _BODY.replace("PAGE_TITLE", page_title),
        '<script type="application/json" id="roadmap-data">', script_json(data), "</script>\n",
        f"<!-- cytoscape.js {CYTOSCAPE_VERSION} (MIT licence, Copyright (c) 2016-2026 The Cytoscape Consortium) -->\n",
        "<script>", _cytoscape_js(), "</script>\n",
        "<script>\n", _script_text(_JS), "</script>\n",
        "</body>\n</html>\n",
    ])


def write_explorer(
    G: nx.DiGraph,
    path: str | os.PathLike[str],
    *,
    lang: str = "ko",
    title: str | None = None,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write :func:`explorer_html` of ``G`` to ``path`` through the one writer
    (:func:`roadmap_graph.outputs.write_file`: atomically, never over an input roadmap file
    or one in ``protect``) and return the path.

    Raises
    ------
    OutputPathError
        When ``path`` is refused (an input roadmap file, a folder, a device); nothing is
        written.
    OutputError
        When writing fails; an old file at ``path`` is left as it was.
    """
    target = Path(path)
    check_outputs([target], protect=protect)
    return write_file(target, explorer_html(G, lang=lang, title=title), protect=protect)


_CSS = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font-family: FONT_STACK; font-size: 14px;
  color: #222; background: #fff; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1.2rem;
  padding: 0.45rem 0.8rem; border-bottom: 1px solid #ddd; background: #f7f7f7; }
header h1 { font-size: 1rem; margin: 0; flex: 1 1 100%; }
#search-box { position: relative; }
#search { width: 19rem; padding: 0.3rem 0.5rem; font: inherit; border: 1px solid #bbb;
  border-radius: 4px; }
#results { position: absolute; top: 100%; left: 0; z-index: 10; width: 26rem; max-height: 22rem;
  overflow: auto; margin: 2px 0 0; padding: 0; list-style: none; background: #fff;
  border: 1px solid #bbb; border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.15); }
#results[hidden] { display: none; }
#results li { padding: 0.3rem 0.5rem; cursor: pointer; }
#results li:hover, #results li.active { background: #e8eefc; }
#results li .rid, .muted { color: #777; font-size: 0.85em; }
fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 0.6rem; align-items: center; }
legend { float: left; font-weight: bold; margin-right: 0.3rem; padding: 0; }
label { white-space: nowrap; cursor: pointer; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px;
  vertical-align: -0.05em; margin-right: 0.2em; }
main { flex: 1; display: flex; min-height: 0; }
#cy { flex: 1; min-width: 0; position: relative; }
#panel { width: 24rem; flex: 0 0 24rem; overflow: auto; border-left: 1px solid #ddd;
  padding: 0.6rem 0.9rem 1.5rem; line-height: 1.45; }
#panel h2 { font-size: 1.15rem; margin: 0.2rem 0 0; }
#panel h3 { font-size: 0.95rem; margin: 1rem 0 0.3rem; border-bottom: 1px solid #eee; }
#panel .name-en { margin: 0.1rem 0 0.5rem; color: #555; }
#panel dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.7rem; margin: 0.4rem 0; }
#panel dt { color: #666; }
#panel dd { margin: 0; word-break: break-word; }
#panel ul { margin: 0.2rem 0; padding-left: 1.2rem; }
#panel blockquote { margin: 0.3rem 0 0.1rem; padding: 0.2rem 0.6rem; border-left: 3px solid #ccc;
  background: #fafafa; }
#panel cite { display: block; font-style: normal; font-size: 0.85em; color: #666; }
.node-link { color: #1a4fb4; cursor: pointer; }
.node-link:hover, .node-link:focus { text-decoration: underline; }
.gw { color: #c25700; font-weight: bold; }
#lang button { font: inherit; padding: 0.1rem 0.5rem; border: 1px solid #bbb; background: #fff;
  cursor: pointer; }
#lang button[aria-pressed="true"] { background: #333; color: #fff; border-color: #333; }
.legend-line { display: inline-block; width: 2.2em; border-top: 2px solid #777; vertical-align: middle;
  margin-right: 0.4em; }
.legend-line.alt { border-top-style: dashed; }
.legend-line.support { border-top: 2px dotted #aaa; }
"""

_BODY = """<header>
<h1 id="title">PAGE_TITLE</h1>
<div id="search-box">
<input id="search" type="search" autocomplete="off" spellcheck="false" aria-label="search">
<ul id="results" role="listbox" hidden></ul>
</div>
<fieldset id="field-filter"><legend data-w="field"></legend></fieldset>
<fieldset id="kind-filter"><legend data-w="kind"></legend></fieldset>
<div id="lang" role="group"><button type="button" data-lang="ko">한국어</button><button type="button" data-lang="en">English</button></div>
<button type="button" id="reset" data-w="reset"></button>
</header>
<main>
<div id="cy"></div>
<aside id="panel" aria-live="polite"></aside>
</main>
"""

_JS = r"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("roadmap-data").textContent);
  var state = { lang: DATA.lang, selected: null, hidden: { field: {}, kind: {} }, results: [], active: -1 };
  var byId = {}, fieldById = {}, out = {}, inc = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; out[n.id] = []; inc[n.id] = []; });
  DATA.fields.forEach(function (f) { fieldById[f.id] = f; });
  DATA.edges.forEach(function (e, i) { out[e.source].push(i); inc[e.target].push(i); });

  function w(key) { var e = DATA.words[key]; return e ? e[state.lang] : key; }
  function nameIn(n, lang) { return lang === "en" && n.name_en ? n.name_en : n.name; }
  function fieldName(id) {
    var f = fieldById[id];
    if (!f) { return String(id); }
    return state.lang === "en" && f.name_en ? f.name_en : f.name;
  }
  function el(tag, props, children) {
    var e = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === "text") { e.textContent = props[k]; }
      else if (k === "class") { e.className = props[k]; }
      else { e.setAttribute(k, props[k]); }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    });
    return e;
  }
  function nodeLink(id) {
    var n = byId[id];
    var b = el("span", { role: "button", tabindex: "0", "class": "node-link", "data-id": id, text: n ? nameIn(n, state.lang) : id });
    b.addEventListener("click", function () { select(id, { center: true }); });
    b.addEventListener("keydown", function (evt) {
      if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); select(id, { center: true }); }
    });
    return b;
  }

  // ---- graph -------------------------------------------------------------------------
  function routeData(e, lang) {
    var r = e.route[lang];
    if (!r || !r.weights.length) { return { routed: false }; }
    return {
      routed: true,
      sw: r.weights.join(" "),
      sd: r.distances.join(" "),
      se: r.source[0] + "px " + r.source[1] + "px",
      te: r.target[0] + "px " + r.target[1] + "px"
    };
  }
  function layoutOf(lang) { return DATA.layout[lang] || { bands: [], rows: [], font: 10, marker: 11 }; }
  var elements = [];
  var L0 = layoutOf(state.lang);
  L0.bands.forEach(function (b) {
    elements.push({ group: "nodes", data: { id: "Band:" + b.field, field: b.field, label: b.label, w: b.w, h: b.h,
      colour: (fieldById[b.field] || {}).colour || "#999" }, position: { x: b.x, y: b.y }, classes: "band",
      selectable: false, grabbable: false });
  });
  L0.rows.forEach(function (r, i) {
    elements.push({ group: "nodes", data: { id: "Row:" + i, label: r.label }, position: { x: r.x, y: r.y },
      classes: "rowtitle", selectable: false, grabbable: false });
  });
  DATA.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: { id: n.id, label: n.label[state.lang], kind: n.kind, field: n.field,
      colour: (fieldById[n.field] || {}).colour || "#999", shape: DATA.shapes[n.kind] || "ellipse" },
      position: { x: n.pos[state.lang][0], y: n.pos[state.lang][1] }, classes: "rg " + n.kind });
  });
  DATA.edges.forEach(function (e, i) {
    var cls = e.relation === "supported_by" ? "support" : (e.group === null ? "plain" : "alternative");
    if (e.provenance === "inferred") { cls += " inferred"; }
    var data = routeData(e, state.lang);
    data.id = "e" + i;
    data.source = e.source;
    data.target = e.target;
    elements.push({ group: "edges", data: data, classes: cls });
  });

  var font = L0.font, marker = L0.marker;
  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    layout: { name: "preset", fit: true, padding: 24 },
    minZoom: 0.2,
    maxZoom: 6,
    boxSelectionEnabled: false,
    autoungrabify: true,
    style: [
      { selector: "node.rg", style: {
        "shape": "data(shape)", "width": marker, "height": marker, "background-color": "data(colour)",
        "border-width": 0.8, "border-color": "#333", "label": "data(label)", "font-family": DATA.font_stack,
        "font-size": font, "color": "#222", "text-valign": "bottom", "text-halign": "center",
        "text-margin-y": 2, "text-wrap": "wrap", "text-max-width": "1000px", "min-zoomed-font-size": 0,
        "z-index": 10 } },
      { selector: "node.mission", style: { "font-weight": "bold" } },
      { selector: "node.band", style: {
        "shape": "round-rectangle", "width": "data(w)", "height": "data(h)", "background-color": "data(colour)",
        "background-opacity": 0.06, "border-width": 1, "border-color": "data(colour)", "border-opacity": 0.35,
        "label": "data(label)", "font-family": DATA.font_stack, "font-size": font * 1.15, "font-weight": "bold",
        "color": "data(colour)", "text-valign": "top", "text-halign": "center", "text-margin-y": font * 1.6,
        "events": "no", "z-index": 0 } },
      { selector: "node.rowtitle", style: {
        "width": 1, "height": 1, "background-opacity": 0, "border-width": 0, "label": "data(label)",
        "font-family": DATA.font_stack, "font-size": font * 1.1, "color": "#555", "text-valign": "center",
        "text-halign": "center", "text-wrap": "wrap", "text-max-width": "1000px", "events": "no" } },
      { selector: "edge", style: {
        "width": 0.8, "line-color": "#888", "target-arrow-color": "#888", "target-arrow-shape": "triangle",
        "arrow-scale": 0.55, "curve-style": "straight", "z-index": 5 } },
      { selector: "edge[?routed]", style: {
        "curve-style": "segments", "edge-distances": "node-position", "segment-weights": "data(sw)",
        "segment-distances": "data(sd)", "source-endpoint": "data(se)", "target-endpoint": "data(te)" } },
      { selector: "edge.alternative", style: { "line-style": "dashed", "line-dash-pattern": [5, 3] } },
      { selector: "edge.support", style: { "line-style": "dotted", "line-color": "#aaa", "target-arrow-color": "#aaa" } },
      { selector: "edge.inferred", style: { "line-opacity": 0.7 } },
      { selector: ".hidden", style: { "display": "none" } },
      { selector: "node.rg.faded", style: { "opacity": 0.15 } },
      { selector: "edge.faded", style: { "opacity": 0.08 } },
      { selector: "node.rg.via", style: { "opacity": 0.55 } },
      { selector: "node.rg.highlighted", style: { "border-width": 1.6, "border-color": "#000" } },
      { selector: "edge.highlighted", style: { "width": 1.6, "line-color": "#333", "target-arrow-color": "#333",
        "z-index": 8 } },
      { selector: "node.rg.gateway", style: { "border-width": 3, "border-color": DATA.gateway_colour } },
      { selector: "node.rg.selected-node", style: { "border-width": 3, "border-color": "#d00", "font-size": font * 1.1 } }
    ]
  });

  // ---- selection ---------------------------------------------------------------------
  var CLASSES = "highlighted gateway faded via selected-node";
  function ids(collection) { return collection.map(function (x) { return x.id(); }).sort(); }

  function reset() {
    state.selected = null;
    cy.batch(function () { cy.elements().removeClass(CLASSES); });
    renderPanel();
  }

  function ensureVisible(n) {
    var changed = false;
    [["field", n.field], ["kind", n.kind]].forEach(function (gv) {
      if (state.hidden[gv[0]][gv[1]]) { setFilter(gv[0], gv[1], true); changed = true; }
    });
    return changed;
  }

  function select(id, opts) {
    var n = byId[id];
    if (!n) { return false; }
    opts = opts || {};
    if (opts.center) { ensureVisible(n); }
    state.selected = id;
    var hl = {}, via = {}, edges = {}, gws = [];
    if (n.kind === "mission") {
      DATA.chains[id].nodes.forEach(function (x) { hl[x] = true; });
      DATA.chains[id].edges.forEach(function (i) { edges["e" + i] = true; });
      gws = DATA.gateways[id] || [];
    } else {
      var d = DATA.dependents[id] || { missions: [], via: [], edges: [] };
      hl[id] = true;
      d.missions.forEach(function (x) { hl[x] = true; });
      d.via.forEach(function (x) { via[x] = true; });
      d.edges.forEach(function (i) { edges["e" + i] = true; });
    }
    cy.batch(function () {
      cy.elements().removeClass(CLASSES);
      cy.nodes(".rg").forEach(function (x) {
        x.addClass(hl[x.id()] ? "highlighted" : (via[x.id()] ? "via" : "faded"));
      });
      cy.edges().forEach(function (e) { e.addClass(edges[e.id()] ? "highlighted" : "faded"); });
      gws.forEach(function (g) { cy.getElementById(g).addClass("gateway"); });
      cy.getElementById(id).addClass("selected-node");
    });
    if (opts.center) { cy.center(cy.getElementById(id)); }
    renderPanel();
    return true;
  }

  cy.on("tap", "node.rg", function (evt) { select(evt.target.id()); });
  cy.on("tap", function (evt) { if (evt.target === cy) { reset(); } });

  // ---- filters -----------------------------------------------------------------------
  function applyFilters() {
    cy.batch(function () {
      cy.nodes(".rg").forEach(function (x) {
        var n = byId[x.id()];
        x.toggleClass("hidden", !!(state.hidden.field[n.field] || state.hidden.kind[n.kind]));
      });
      cy.nodes(".band").forEach(function (x) { x.toggleClass("hidden", !!state.hidden.field[x.data("field")]); });
    });
  }
  function setFilter(group, value, on) {
    state.hidden[group][value] = !on;
    var box = document.querySelector('input[data-group="' + group + '"][data-value="' + value + '"]');
    if (box) { box.checked = !!on; }
    applyFilters();
  }
  function buildFilters() {
    var ff = document.getElementById("field-filter"), kf = document.getElementById("kind-filter");
    function box(group, value, swatch) {
      var input = el("input", { type: "checkbox", "data-group": group, "data-value": value });
      input.checked = !state.hidden[group][value];
      input.addEventListener("change", function () { setFilter(group, value, input.checked); });
      var text = el("span", { "data-filter-label": group + ":" + value });
      return el("label", {}, [input, " ", swatch, text]);
    }
    DATA.fields.forEach(function (f) {
      ff.appendChild(box("field", f.id, el("span", { "class": "swatch", style: "background:" + f.colour })));
    });
    DATA.kinds.forEach(function (k) { kf.appendChild(box("kind", k, null)); });
  }

  // ---- search ------------------------------------------------------------------------
  function norm(s) { return String(s || "").normalize("NFC").toLowerCase(); }
  function search(text) {
    var q = norm(text).trim();
    if (!q) { return []; }
    return DATA.nodes.filter(function (n) {
      return norm(n.id).indexOf(q) >= 0 || norm(n.name).indexOf(q) >= 0 || norm(n.name_en).indexOf(q) >= 0;
    }).map(function (n) { return n.id; }).sort();
  }
  var input = document.getElementById("search"), results = document.getElementById("results");
  function showResults() {
    var q = input.value;
    state.results = search(q);
    state.active = state.results.length ? 0 : -1;
    results.textContent = "";
    if (!q.trim()) { results.hidden = true; return; }
    if (!state.results.length) { results.appendChild(el("li", { "class": "muted", text: w("no_results") })); }
    state.results.forEach(function (id, i) {
      var n = byId[id];
      var li = el("li", { role: "option", "data-id": id, "class": i === state.active ? "active" : "" },
        [nameIn(n, state.lang), " ", el("span", { "class": "rid", text: (state.lang === "en" ? n.name : (n.name_en || "")) + " · " + id })]);
      li.addEventListener("mousedown", function (evt) { evt.preventDefault(); choose(id); });
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function choose(id) { results.hidden = true; select(id, { center: true }); }
  input.addEventListener("input", showResults);
  input.addEventListener("focus", function () { if (input.value.trim()) { showResults(); } });
  input.addEventListener("blur", function () { results.hidden = true; });
  input.addEventListener("keydown", function (evt) {
    var items = results.querySelectorAll("li[data-id]");
    if (evt.key === "ArrowDown" || evt.key === "ArrowUp") {
      if (!items.length) { return; }
      evt.preventDefault();
      state.active = (state.active + (evt.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach(function (li, i) { li.classList.toggle("active", i === state.active); });
    } else if (evt.key === "Enter") {
      var matches = search(input.value);
      if (matches.length) { choose(state.active >= 0 && state.results[state.active] ? state.results[state.active] : matches[0]); }
    } else if (evt.key === "Escape") {
      results.hidden = true;
    }
  });

  // ---- language ----------------------------------------------------------------------
  function setLang(lang) {
    if (!DATA.words.field[lang]) { return false; }
    state.lang = lang;
    document.documentElement.lang = lang;
    var L = layoutOf(lang);
    cy.batch(function () {
      DATA.nodes.forEach(function (n) {
        var x = cy.getElementById(n.id);
        x.data("label", n.label[lang]);
        x.position({ x: n.pos[lang][0], y: n.pos[lang][1] });
      });
      L.bands.forEach(function (b) {
        var x = cy.getElementById("Band:" + b.field);
        x.data({ label: b.label, w: b.w, h: b.h });
        x.position({ x: b.x, y: b.y });
      });
      L.rows.forEach(function (r, i) {
        var x = cy.getElementById("Row:" + i);
        if (x.length) { x.data("label", r.label); x.position({ x: r.x, y: r.y }); }
      });
      DATA.edges.forEach(function (e, i) { cy.getElementById("e" + i).data(routeData(e, lang)); });
    });
    document.title = DATA.title[lang];
    document.getElementById("title").textContent = DATA.title[lang];
    input.placeholder = w("search");
    document.querySelectorAll("[data-w]").forEach(function (x) { x.textContent = w(x.getAttribute("data-w")); });
    document.querySelectorAll("[data-filter-label]").forEach(function (x) {
      var gv = x.getAttribute("data-filter-label").split(":");
      x.textContent = gv[0] === "field" ? fieldName(gv[1]) : w(gv[1]);
    });
    document.querySelectorAll("#lang button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
    });
    if (!results.hidden) { showResults(); }
    renderPanel();
    cy.fit(undefined, 24);
    return true;
  }
  document.querySelectorAll("#lang button").forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); });
  });
  document.getElementById("reset").addEventListener("click", function () { reset(); cy.fit(undefined, 24); });

  // ---- side panel --------------------------------------------------------------------
  var panel = document.getElementById("panel");
  var SYMBOLS = { rectangle: "\u25a0", diamond: "\u25c6", ellipse: "\u25cf", triangle: "\u25b2" };
  function section(title, children) { return [el("h3", { text: title })].concat(children); }
  function list(items) { return el("ul", {}, items.map(function (c) { return el("li", {}, [c]); })); }
  function sourceItem(s) {
    var src = DATA.sources[s.source] || {};
    var titleText = src.title || s.source;
    var cite = el("cite", {}, [
      "— ",
      src.url ? el("a", { href: src.url, target: "_blank", rel: "noopener noreferrer", text: titleText }) : titleText,
      src.date ? " (" + src.date + ")" : null,
      s.note ? " · " + s.note : null
    ]);
    return el("div", {}, [el("blockquote", { text: s.quote || "" }), cite]);
  }
  function renderOverview() {
    var kids = [el("h2", { text: DATA.title[state.lang] })];
    var info = [];
    if (DATA.roadmap.published) { info.push(el("dt", { text: w("published") }), el("dd", { text: String(DATA.roadmap.published) })); }
    if (DATA.roadmap.horizon) { info.push(el("dt", { text: w("horizon") }), el("dd", { text: String(DATA.roadmap.horizon) })); }
    if (info.length) { kids.push(el("dl", {}, info)); }
    kids.push(el("p", { text: w("hint") }));
    kids = kids.concat(section(w("legend"), [
      list(DATA.fields.map(function (f) {
        return el("span", {}, [el("span", { "class": "swatch", style: "background:" + f.colour }), fieldName(f.id)]);
      })),
      list(DATA.kinds.map(function (k) { return el("span", {}, [(SYMBOLS[DATA.shapes[k]] || "") + " " + w(k)]); })),
      list([
        el("span", {}, [el("span", { "class": "legend-line" }), w("edge_requires")]),
        el("span", {}, [el("span", { "class": "legend-line alt" }), w("edge_alternative")]),
        el("span", {}, [el("span", { "class": "legend-line support" }), w("edge_support")]),
        el("span", { "class": "gw", text: w("gateway_mark") })
      ])
    ]));
    return kids;
  }
  function renderNode(n) {
    var lang = state.lang, kids = [];
    kids.push(el("h2", { text: n.name }));
    if (n.name_en) { kids.push(el("p", { "class": "name-en", lang: "en", text: n.name_en })); }
    var dl = [
      el("dt", { text: w("id") }), el("dd", {}, [el("code", { text: n.id })]),
      el("dt", { text: w("kind") }), el("dd", { text: w(n.kind) }),
      el("dt", { text: w("field") }), el("dd", { text: fieldName(n.field) })
    ];
    if (n.category) { dl.push(el("dt", { text: w("category") }), el("dd", { text: n.category })); }
    dl.push(el("dt", { text: w("provenance") }), el("dd", { text: w(n.provenance || "unknown") }));
    kids.push(el("dl", {}, dl));
    var desc = lang === "en" ? (n.description_en || n.description) : (n.description || n.description_en);
    if (desc) { kids = kids.concat(section(w("description"), [el("p", { text: desc })])); }
    if (n.targets.length) {
      kids = kids.concat(section(w("targets"), [list(n.targets.map(function (t) {
        return el("span", {}, [t.text[lang], t.note ? el("span", { "class": "muted", text: " · " + t.note }) : null]);
      }))]));
    }
    if (n.kind === "mission") {
      var gws = DATA.gateways[n.id] || [];
      kids = kids.concat(section(w("gateways_nearest_first"),
        [gws.length ? list(gws.map(function (g) { var b = nodeLink(g); b.classList.add("gw"); return b; }))
                    : el("p", { "class": "muted", text: w("none") })]));
      kids = kids.concat(section(w("chain"), [el("p", { text: DATA.chains[n.id].nodes.length + " " + w("nodes_count") })]));
    } else {
      var dep = (DATA.dependents[n.id] || { missions: [] }).missions;
      kids = kids.concat(section(w("dependent_missions"),
        [dep.length ? list(dep.map(nodeLink)) : el("p", { "class": "muted", text: w("none") })]));
      var gof = DATA.gateway_of[n.id] || [];
      if (gof.length) { kids = kids.concat(section(w("gateway_of"), [list(gof.map(nodeLink))])); }
    }
    function edgeItems(indices, end) {
      return indices.map(function (i) {
        var e = DATA.edges[i];
        var how = e.relation === "supported_by" ? w("supported_by") : (e.group === null ? w("requires") : w("one_of") + " #" + (e.group + 1));
        return el("span", {}, [nodeLink(e[end]), el("span", { "class": "muted", text: " · " + how +
          (e.provenance === "inferred" ? " · " + w("inferred") : "") })]);
      });
    }
    if (out[n.id].length) { kids = kids.concat(section(w("requires_list"), [list(edgeItems(out[n.id], "target"))])); }
    if (inc[n.id].length) { kids = kids.concat(section(w("required_by"), [list(edgeItems(inc[n.id], "source"))])); }
    if (n.sources.length) { kids = kids.concat(section(w("sources"), n.sources.map(sourceItem))); }
    return kids;
  }
  function renderPanel() {
    panel.textContent = "";
    var n = state.selected ? byId[state.selected] : null;
    (n ? renderNode(n) : renderOverview()).forEach(function (c) { panel.appendChild(c); });
    panel.scrollTop = 0;
  }

  buildFilters();
  setLang(state.lang);

  window.roadmapExplorer = {
    cy: cy,
    ready: true,
    select: function (id) { return select(id, { center: false }); },
    focus: function (id) { return select(id, { center: true }); },
    reset: reset,
    selected: function () { return state.selected; },
    highlighted: function () { return ids(cy.nodes(".rg.highlighted")); },
    gateways: function () { return ids(cy.nodes(".rg.gateway")); },
    faded: function () { return ids(cy.nodes(".rg.faded")); },
    visible: function () { return ids(cy.nodes(".rg").filter(function (x) { return !x.hasClass("hidden"); })); },
    search: search,
    setLang: setLang,
    setFilter: setFilter
  };
})();
"""
