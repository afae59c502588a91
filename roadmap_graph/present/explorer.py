"""An interactive explorer: one self-contained HTML page to search and click through a roadmap.

The page draws the graph with cytoscape.js (vendored in ``vendor/``, MIT, version
:data:`CYTOSCAPE_VERSION`, inlined) at positions computed here: up to
:data:`LAYERED_MAX_NODES` nodes those of :func:`roadmap_graph.layout.layered_layout` (missions
on top, then core technologies, enabling technologies and ecosystem measures; fields side by
side), made for the canvas of a 1440×900 window at labels of 11 px; above, a cluster grid
(:func:`_grid_layout`) that takes linear time. The same roadmap always gives the same
picture. Nothing is fetched: no CDN, no web font, no favicon; Korean text uses the system
fonts (NanumGothic, Noto Sans CJK KR, Malgun Gothic, Apple SD Gothic Neo). It works from
``file://`` and as an e-mail attachment.

Marks follow the one visual language (:mod:`roadmap_graph.vocabulary.visual`, in the data as
``style``; the script takes every colour, shape and width from it): field fills; a yellow halo
and a thicker ink border for the selected node and search hits; stated links ink and solid,
inferred links grey and dashed, support links dotted, links between fields vermillion, the
alternatives of an ``any_of`` group a hollow arrowhead; the gateways of a selected mission a
thick ring (deep) or a thin one (trivial: the mission's only direct requirement); the nodes
depending on a selected technology a double ring. The legend lists every mark.

The view: labels are drawn at 11 px or not at all (a tooltip gives name, kind and field when
they are hidden); the first view shows the whole roadmap; a selection is fitted to the
screen, never below the zoom at which labels are 11 px (when it does not fit, the selected
node and its nearest neighbours are framed and the panel says so); filtering refits; zoomed
out below 45 % of that zoom the view folds (semantic zoom): enabling technologies and
measures fold into their core technology (``folds``, a "+N" badge) and links are drawn
between folds (``folded_edges``, width by count).

The page's markup, styles and script are package data in ``assets/``: ``explorer.html`` (a
Jinja2 template, rendered through :mod:`roadmap_graph.present.templates` with autoescaping),
``explorer.css`` and ``explorer.js``. This module computes the data (:func:`explorer_data`)
and inlines it, the stylesheet and both scripts into the one page, each made safe for the
element it sits in (:func:`script_json`; no ``</script>`` or ``</style>`` can end one early).
The words the page shows all come from the catalogue (``DATA.words`` and the template's
variables), none from the asset files.

What the page shows is computed here, by the library, not re-derived in JavaScript:

* click a **mission**: its prerequisite chain (:func:`roadmap_graph.prerequisite_chain`) is
  highlighted (class ``highlighted``, the mission included), its gateways
  (:func:`roadmap_graph.gateways`) are marked (class ``gateway-deep`` or ``gateway-trivial``), everything else fades
  (class ``faded``);
* click a **technology or measure**: it, its prerequisites (every node it reaches: its
  chain down) and the missions that depend on it (those whose chain contains it) are
  highlighted; the other nodes above it are dimmed less (class ``via``); everything above
  it has a double ring (class ``dependent``); the rest fades. When filters hide part of a
  selection the panel says how much, with a button that shows it;
* click the background: back to the whole graph.

A search box finds a node by Korean or English name or id (case-insensitive substring);
checkboxes filter by field and kind; ko/en switches the labels; a side panel shows the
node's names, kind, field, description, targets, provenance, source quotes and links (only
``http(s)`` addresses become links, see :func:`web_url`; others are shown as text).

With a portfolio (``portfolio=``, :class:`~roadmap_graph.fileformat.portfolio.Portfolio`)
the panel of a node lists the programmes funding it (name, ministry, money in the
portfolio's unit with its years, provenance and source links), says "no programme" for a
technology no programme funds, and for a mission lists the programmes behind its chain;
``DATA.portfolio`` holds it (:func:`portfolio_data`, from
:func:`~roadmap_graph.analyses.portfolio.portfolio_overlay`).

For scripts and tests the page exposes ``window.roadmapExplorer``: ``select(id)``,
``focus(id)`` (select and fit), ``reset()`` (selection, filters, search; refits),
``highlighted()``, ``prerequisites()``, ``dependents()``, ``gateways()``,
``trivialGateways()``, ``faded()``, ``visible()`` (not filtered away) and ``shown()`` (drawn
now: not filtered, not folded; sorted ids), ``selected()``, ``collapsed()``, ``fitNote()``,
``search(text)`` (sorted matching ids), ``setLang(lang)``, ``setFilter(group, value, on)``
(group ``"field"`` or ``"kind"``), ``programmes()`` (the ids of the programmes the panel
lists, in order), ``full()`` (adds what a page opened folded left out), ``floor`` (the
zoom of 11 px labels), ``collapseZoom``, ``fontSize``, ``timing``, ``ready`` and ``cy`` (the
cytoscape instance).

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

import os
import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx

from ..analyses.chain import prerequisite_chain
from ..analyses.gateways import gateways as find_gateways
from ..figures.layout import KIND_ROWS, layered_layout
from ..fileformat.portfolio import Portfolio
from ..graph.fields import field_order
from ..outputs import check_outputs, write_file
from ..vocabulary import LANGS, check_lang, format_target, text
from ..vocabulary.visual import KIND_SHAPES, explorer_style, field_colours
from .jsondata import json_text
from .templates import asset_text, render

__all__ = [
    "CYTOSCAPE_VERSION",
    "FONT_STACK",
    "LAYERED_MAX_NODES",
    "explorer_data",
    "explorer_html",
    "portfolio_data",
    "script_json",
    "web_url",
    "write_explorer",
]

#: The vendored cytoscape.js release (``vendor/cytoscape-<version>.min.js``).
CYTOSCAPE_VERSION = "3.34.4"
#: Fonts for Hangul, in order of preference; only installed fonts are used, none is fetched.
FONT_STACK = "'NanumGothic', 'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif"

#: Up to this many nodes the explorer draws the layered layout (rows by kind, fields side by
#: side, routed links) fitted to the screen; above, a cluster grid that takes linear time (the
#: layered layout's ordering and label fitting take seconds at 300 nodes and minutes at 2,000).
LAYERED_MAX_NODES = 150

_PX_PER_INCH = 100.0
_PAGE_LAYOUT_KEYS = ("kind", "bands", "rows", "font", "marker", "size", "label_width")
#: The graph's canvas at a 1440×900 window (inches at 100 px): the layered layout is made for
#: it, at a label size that stays >= 11 px when the whole roadmap is fitted to the canvas.
_SCREEN = (11.0, 8.3)
_SCREEN_FONT = 8.1  # points: 11.25 px at zoom 1
_SCREEN_MARGINS = (0.02, 0.02, 0.02, 0.02)
#: The cluster grid: one cell per node (model px), label width inside it, and the widest
#: aspect ratio of the whole (16:9).
_CELL = (150.0, 80.0)
_ASPECT = 16 / 9
_TECH_KINDS = ("enabling_technology", "ecosystem_measure")

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
    **{key: f"ui.{key}" for key in ("programmes", "no_programme", "chain_programmes", "unknown_money", "portfolio")},
    **{key: f"ui.{key}" for key in (
        "edge_inferred", "edge_stated", "edge_cross_field", "edge_alternative_mark", "edge_folded", "selected_mark",
        "deep_gateway_mark", "trivial_gateway_mark", "dependent_mark", "prerequisite_mark", "fold_mark",
        "prerequisites", "dependents_all", "in_selection", "hidden_by_filters", "show_hidden", "fit_partial",
        "folded_count", "collapsed_note",
    )},
}  # fmt: skip


@cache
def _cytoscape_js() -> str:
    text = files("roadmap_graph.present").joinpath("vendor").joinpath(f"cytoscape-{CYTOSCAPE_VERSION}.min.js").read_text("utf-8")
    return _script_text(text)


@cache
def _page_js() -> str:
    """``assets/explorer.js``, the page's own script, safe inside ``<script>``."""
    return _script_text(asset_text("explorer.js"))


@cache
def _stylesheet() -> str:
    """``assets/explorer.css`` with :data:`FONT_STACK` in place, safe inside ``<style>``."""
    css = asset_text("explorer.css").replace("FONT_STACK", FONT_STACK)
    if "</style" in css.lower():
        raise ValueError("the stylesheet contains '</style', which would end the element early")
    return css


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
    comment; ``JSON.parse`` gives back the same text. A NaN or an infinite number, which
    ``JSON.parse`` would reject (leaving the page blank), is refused with
    :class:`~roadmap_graph.errors.OutputValueError` naming where it is.

    >>> script_json({"name": "</script><b>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json_text(obj, default=str)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(raw, f"\\u{ord(raw):04x}")
    return text


_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def web_url(url: Any) -> str | None:
    """``url`` when it may become a link (``http://`` or ``https://``, no space or control
    character), else ``None``: a ``javascript:`` or ``data:`` address in a roadmap's
    sources is shown as text, never as a link someone could click.

    >>> web_url("https://www.msit.go.kr/x"), web_url("javascript:alert(1)"), web_url(" https://a")
    ('https://www.msit.go.kr/x', None, None)
    """
    return url if isinstance(url, str) and _WEB_URL.fullmatch(url) else None


def _title(G: nx.DiGraph, lang: str) -> str:
    info = G.graph.get("roadmap") or {}
    if lang == "en" and info.get("title_en"):
        return str(info["title_en"])
    return str(info.get("title") or info.get("title_en") or "roadmap-graph")


def _layouts(G: nx.DiGraph, folds: dict[str, str]) -> dict[str, Any]:
    """Positions, labels, bands and row titles in pixels (y down), per language: the layered
    layout up to :data:`LAYERED_MAX_NODES` nodes, else the cluster grid (:func:`_grid_layout`)."""
    if G.number_of_nodes() == 0:
        return dict.fromkeys(LANGS)
    if G.number_of_nodes() > LAYERED_MAX_NODES:
        grid = _grid_layout(G, folds)
        return {lang: {**grid, "bands": [{**b, "label": b["label"][lang]} for b in grid["bands"]]} for lang in LANGS}
    out: dict[str, Any] = {}
    s = _PX_PER_INCH
    for lang in LANGS:
        L = layered_layout(G, lang=lang, fontsize=_SCREEN_FONT, page=_SCREEN, margins=_SCREEN_MARGINS,
                           max_label_chars=22, min_label_chars=8)  # fmt: skip
        height = L.size[1]

        def px(point: tuple[float, float], height: float = height) -> list[float]:
            return [round(point[0] * s, 2), round((height - point[1]) * s, 2)]

        centres = {n: px(p) for n, p in L.positions.items()}
        routes = {}
        for (u, v), route in L.routes.items():
            points = [px(p) for p in route]
            segments = _segments(centres[u], centres[v], points)
            if segments is not None:
                routes[(u, v)] = segments
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
            "kind": "layered",
            "positions": centres,
            "labels": dict(L.labels),
            "routes": routes,
            "bands": bands,
            "rows": rows,
            "font": round(L.label_fontsize / 72 * s, 2),
            "marker": round(L.marker_size / 72 * s, 2),
            "size": [round(L.size[0] * s, 2), round(L.size[1] * s, 2)],
            "label_width": 1000,  # the labels come wrapped
        }
    return out


def _folds(G: nx.DiGraph, fields: list[str]) -> dict[str, str]:
    """The core technology each enabling technology and measure folds into when the explorer
    is zoomed out: the nearest core technology above it (fewest links down from it; one of its
    own field first, then the first in field and id order). A node no core technology reaches
    folds into nothing (it is hidden when zoomed out)."""
    rank = {f: i for i, f in enumerate(fields)}
    cores = sorted((n for n, k in G.nodes(data="kind") if k == "core_technology"),
                   key=lambda n: (rank.get(G.nodes[n].get("field"), len(rank)), str(n)))  # fmt: skip
    owner: dict[str, str] = {}
    frontier = cores
    seen = set(cores)
    while frontier:
        reached: dict[str, list[str]] = {}
        for u in frontier:
            for v in G.succ[u]:
                if v not in seen and G.nodes[v].get("kind") in _TECH_KINDS:
                    reached.setdefault(v, []).append(owner.get(u, u))
        for v, owners in reached.items():
            field = G.nodes[v].get("field")
            owner[v] = next((o for o in owners if G.nodes[o].get("field") == field), owners[0])
        seen.update(reached)
        frontier = sorted(reached, key=str)
    return owner


def _grid_layout(G: nx.DiGraph, folds: dict[str, str]) -> dict[str, Any]:
    """A cluster grid for large roadmaps, in linear time: a band per field, side by side; in
    each, its missions in rows on top, then one cluster per core technology (the core on top,
    the nodes folded into it in a square grid below), packed in rows; then the field's nodes
    that fold into nothing. Band widths share a width that makes the whole about 16:9."""
    fields = field_order(G)
    cw, ch = _CELL
    members: dict[str, list[str]] = {}
    for v, o in folds.items():
        members.setdefault(o, []).append(v)
    by_field: dict[str, dict[str, list[str]]] = {f: {"mission": [], "core_technology": [], "rest": []} for f in fields}
    for n, a in G.nodes(data=True):
        f = a.get("field")
        bucket = by_field.setdefault(f, {"mission": [], "core_technology": [], "rest": []})
        if a.get("kind") in ("mission", "core_technology"):
            bucket[a["kind"]].append(n)
        elif n not in folds:
            bucket["rest"].append(n)
    fields = [f for f in by_field if any(by_field[f].values())]
    total_cells = G.number_of_nodes() + 2 * sum(len(b["core_technology"]) for b in by_field.values()) + 4 * len(fields)
    width = max(cw * 4, (total_cells * cw * ch * _ASPECT) ** 0.5)
    weight = {f: G.number_of_nodes() and sum(len(v) for v in by_field[f].values()) + sum(
        len(members.get(c, ())) for c in by_field[f]["core_technology"]) for f in fields}  # fmt: skip
    total_weight = sum(weight.values()) or 1
    field_info = G.graph.get("fields") or {}
    positions: dict[str, list[float]] = {}
    bands = []
    x0 = 0.0
    gap = cw * 0.6
    for f in fields:
        cols = max(2, round(width * weight[f] / total_weight / cw))
        bw = cols * cw
        y = ch * 1.3  # room for the band's title
        def rows_of(nodes: list[str], y: float, cols: int = cols, x0: float = x0) -> float:
            for i, n in enumerate(sorted(nodes, key=str)):
                r, c = divmod(i, cols)
                positions[n] = [round(x0 + (c + 0.5) * cw, 1), round(y + (r + 0.5) * ch, 1)]
            return y + -(-len(nodes) // cols) * ch

        y = rows_of(by_field[f]["mission"], y) + ch * 0.4
        # clusters packed on shelves
        cx, shelf = 0, 0.0
        for core in sorted(by_field[f]["core_technology"], key=str):
            inside = sorted(members.get(core, ()), key=lambda n: (G.nodes[n].get("kind") != "enabling_technology", str(n)))
            k = max(1, min(cols, round(len(inside) ** 0.5 + 0.49)))
            height = (1 + -(-len(inside) // k)) * ch
            if cx + k > cols:
                y += shelf + ch * 0.3
                cx, shelf = 0, 0.0
            left = x0 + cx * cw
            positions[core] = [round(left + k * cw / 2, 1), round(y + ch / 2, 1)]
            for i, n in enumerate(inside):
                r, c = divmod(i, k)
                positions[n] = [round(left + (c + 0.5) * cw, 1), round(y + (r + 1.5) * ch, 1)]
            cx += k
            shelf = max(shelf, height)
        y += shelf + ch * 0.3
        y = rows_of(by_field[f]["rest"], y)
        info = field_info.get(f) or {}
        bands.append({"field": f, "x0": x0, "w": bw, "h": y, "label": {
            "ko": info.get("name") or str(f), "en": info.get("name_en") or info.get("name") or str(f)}})  # fmt: skip
        x0 += bw + gap
    height = max((b["h"] for b in bands), default=ch) + ch * 0.3
    out_bands = [{"field": b["field"], "x": round(b["x0"] + b["w"] / 2, 1), "y": round(height / 2, 1),
                  "w": round(b["w"], 1), "h": round(height, 1), "label": b["label"]} for b in bands]  # fmt: skip
    return {
        "kind": "grid",
        "positions": positions,
        "labels": {},
        "routes": {},
        "bands": out_bands,
        "rows": [],
        "font": round(_SCREEN_FONT / 72 * _PX_PER_INCH, 2),
        "marker": round(_SCREEN_FONT * 1.15 / 72 * _PX_PER_INCH, 2),
        "size": [round(x0 - gap, 1), round(height, 1)],
        "label_width": cw - 16,
    }


def _segments(s: list[float], t: list[float], points: list[list[float]]) -> dict[str, Any] | None:
    """An edge route as cytoscape ``segments`` (weights and distances relative to the line
    between the two node centres) and endpoint offsets from each centre; ``None`` when the two
    centres coincide (cytoscape cannot place segments then: it drew nothing and logged "Edge …
    has invalid endpoints"), so the edge is drawn straight."""
    dx, dy = t[0] - s[0], t[1] - s[1]
    length2 = dx * dx + dy * dy
    if length2 < 1e-6 or not all(map(_finite, (*s, *t, *(c for p in points for c in p)))):
        return None
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


def _finite(x: float) -> bool:
    return x == x and abs(x) != float("inf")


def portfolio_data(G: nx.DiGraph, portfolio: Portfolio) -> dict[str, Any]:
    """What the explorer shows of ``portfolio``: its title, unit and note (both languages),
    each programme (``money`` over all its years, ``None`` when unknown; ``years`` its start
    and end, else its budget's first and last year), ``by_node[X]`` the programmes funding
    node X (every node, ``[]`` for none), ``unfunded`` the technologies no programme funds and
    ``missions[M]`` the programmes funding some node of mission M's chain."""
    from ..analyses.portfolio import portfolio_overlay

    report = portfolio_overlay(G, portfolio)
    info = portfolio.portfolio
    programmes = {}
    for p in portfolio.programmes:
        first, last = p.span()
        programmes[p.id] = {
            "id": p.id,
            "name": p.name,
            "name_en": p.name_en,
            "ministry": p.ministry,
            "ministry_en": p.ministry_en,
            "money": p.money(),
            "years": [first, last] if first is not None or last is not None else None,
            "provenance": p.provenance,
            "sources": [
                {"title": c.title, "url": c.url, "href": web_url(c.url), "quote": c.quote, "date": c.date}
                for c in p.sources
            ],
        }
    by_node: dict[str, list[str]] = {n: [] for n in G}
    for funding in report.programmes:
        for n in funding.nodes:
            if n in by_node and funding.id not in by_node[n]:
                by_node[n].append(funding.id)
    return {
        "title": {"ko": info.title, "en": info.title_en or info.title},
        "unit": {"ko": info.unit, "en": info.unit_en or info.unit},
        "note": {"ko": info.note or info.note_en, "en": info.note_en or info.note},
        "programmes": programmes,
        "by_node": by_node,
        "unfunded": sorted(u.id for u in report.unfunded),
        "missions": {m.id: list(m.programmes) for m in report.missions},
    }


def explorer_data(
    G: nx.DiGraph, *, lang: str = "ko", title: str | None = None, portfolio: Portfolio | None = None
) -> dict[str, Any]:
    """Everything the explorer page needs, as JSON-ready data (see the module docstring).

    ``chains[M]`` holds the node ids (sorted) and edge indices of the prerequisite chain of
    mission M; ``gateways[M]`` its gateways, nearest first, and ``trivial_gateways[M]`` those
    that are M's only direct requirement (:attr:`Gateway.sole_missions`; the others are deep);
    ``dependents[X]``, for every other node X, the missions that depend on it (sorted);
    ``gateway_of[X]`` the missions X is a gateway of; ``folds[X]`` the core technology an
    enabling technology or measure X folds into when zoomed out (:func:`_folds`) and
    ``folded[C]`` how many fold into C; ``folded_edges`` the links as drawn zoomed out,
    ``[source, target, count, flags]`` (node indices; the ``requires`` links between two folds,
    support links left out; flags: 1 some link stated, 2 some ``requires`` (always), 4 some
    link joins two fields); ``style`` the visual language
    (:func:`~roadmap_graph.vocabulary.visual.explorer_style`); ``portfolio`` the programmes
    (:func:`portfolio_data`), ``None`` without a portfolio. Every edge's endpoints are nodes.
    """
    check_lang(lang)
    fields = field_order(G)
    colours = field_colours(fields)
    field_info = G.graph.get("fields") or {}
    sources = {s["id"]: s for s in (G.graph.get("roadmap") or {}).get("sources", []) if "id" in s}
    folds = _folds(G, fields)
    layouts = _layouts(G, folds)
    edge_index = {(u, v): i for i, (u, v) in enumerate(G.edges)}
    node_index = {n: i for i, n in enumerate(G.nodes)}

    nodes = []
    for n, a in G.nodes(data=True):
        node = {
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
            "pos": {lg: (layouts[lg] or {}).get("positions", {}).get(n, [0, 0]) for lg in LANGS},
        }
        labels = {lg: (layouts[lg] or {}).get("labels", {}).get(n) for lg in LANGS}
        if all(labels.values()):  # the layered layout's wrapped labels; else the script wraps names
            node["label"] = labels
        nodes.append({k: v for k, v in node.items() if v is not None})
    edges = []
    for u, v in edge_index:
        d = G.edges[u, v]
        edge = {
            "source": u,
            "target": v,
            "relation": d.get("relation"),
            "group": d.get("group"),
            "provenance": d.get("provenance"),
        }
        routes = {lg: (layouts[lg] or {}).get("routes", {}).get((u, v)) for lg in LANGS}
        if any(routes.values()):
            edge["route"] = routes
        edges.append(edge)

    mission_ids = sorted(n for n, k in G.nodes(data="kind") if k == "mission")
    chains = {}
    for m in mission_ids:
        chain = prerequisite_chain(G, m)
        chains[m] = {
            "nodes": sorted(c.id for c in chain.nodes),
            "edges": sorted(edge_index[(e.source, e.target)] for e in chain.edges),
        }
    found = find_gateways(G)
    missions_above = _missions_above(G)
    dependents = {n: {"missions": missions_above[n]} for n, kind in G.nodes(data="kind") if kind != "mission"}
    sole = {g.id: set(g.sole_missions) for g in found.gateways}

    folded_edges: dict[tuple[int, int], list[int]] = {}
    for u, v in edge_index:
        ru, rv = folds.get(u, u), folds.get(v, v)
        d = G.edges[u, v]
        if ru == rv or G.nodes[ru].get("kind") in _TECH_KINDS or G.nodes[rv].get("kind") in _TECH_KINDS:
            continue  # inside one fold, or an end that folds into nothing
        if d.get("relation") == "supported_by":
            continue  # the folded view shows the requirement structure (support links: half of them at 2,000 nodes)
        flags = (1 if d.get("provenance") != "inferred" else 0) | (2 if d.get("relation") != "supported_by" else 0)
        flags |= 4 if G.nodes[u].get("field") != G.nodes[v].get("field") else 0
        entry = folded_edges.setdefault((node_index[ru], node_index[rv]), [0, 0])
        entry[0] += 1
        entry[1] |= flags
    folded: dict[str, int] = {}
    for o in folds.values():
        folded[o] = folded.get(o, 0) + 1

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
        "shapes": {k: shapes[1] for k, shapes in KIND_SHAPES.items()},
        "style": explorer_style(),
        # cytoscape's font-family accepts double quotes only
        "font_stack": FONT_STACK.replace("'", '"'),
        "sources": {
            sid: {"title": s.get("title"), "url": s.get("url"), "href": web_url(s.get("url")), "date": s.get("date")}
            for sid, s in sources.items()
        },
        "nodes": nodes,
        "edges": edges,
        "chains": chains,
        "gateways": {m: list(found.by_mission.get(m, ())) for m in mission_ids},
        "trivial_gateways": {m: [g for g in found.by_mission.get(m, ()) if m in sole.get(g, ())] for m in mission_ids},
        "gateway_of": {g.id: list(g.missions) for g in found.gateways},
        "dependents": dependents,
        "folds": dict(sorted(folds.items())),
        "folded": dict(sorted(folded.items())),
        "folded_edges": [[s_, t_, c, f_] for (s_, t_), (c, f_) in sorted(folded_edges.items())],
        "layout": {
            lg: None if layouts[lg] is None else {k: layouts[lg][k] for k in _PAGE_LAYOUT_KEYS} for lg in LANGS
        },
        "words": words,
        "portfolio": portfolio_data(G, portfolio) if portfolio is not None else None,
    }


def _missions_above(G: nx.DiGraph) -> dict[str, list[str]]:
    """For every node, the missions whose chain contains it (every mission it is reachable
    from, over any link), sorted: one pass in reverse topological order with sets."""
    above: dict[str, set[str]] = {}
    for n in nx.topological_sort(G):  # a dependent before its prerequisites
        own = above.setdefault(n, set())
        if G.nodes[n].get("kind") == "mission":
            own.add(n)
        for v in G.succ[n]:
            above.setdefault(v, set()).update(own)
    return {n: sorted(m for m in ms if m != n) for n, ms in above.items()}


def explorer_html(
    G: nx.DiGraph, *, lang: str = "ko", title: str | None = None, portfolio: Portfolio | None = None
) -> str:
    """The explorer of ``G`` as one self-contained HTML page (see the module docstring).

    ``lang`` (``"ko"`` or ``"en"``) is the language the page opens in; the reader can switch.
    ``title`` defaults to the roadmap's title in that language. ``portfolio``: the node
    panel shows the programmes funding each node.

    Raises
    ------
    InvalidOptionError
        When ``lang`` is not ``"ko"`` or ``"en"``.
    """
    from markupsafe import Markup  # Jinja2's own string type: imported with it, on first use

    data = explorer_data(G, lang=lang, title=title, portfolio=portfolio)
    return render(
        "explorer.html",
        lang=lang,
        title=data["title"][lang],
        search_label=data["words"]["search"][lang],
        languages=[(lg, text("ui.language_name", lg)) for lg in LANGS],
        stylesheet=Markup(_stylesheet()),
        data_json=Markup(script_json(data)),
        cytoscape_version=CYTOSCAPE_VERSION,
        cytoscape=Markup(_cytoscape_js()),
        script=Markup(_page_js()),
    )


def write_explorer(
    G: nx.DiGraph,
    path: str | os.PathLike[str],
    *,
    lang: str = "ko",
    title: str | None = None,
    protect: Iterable[str | os.PathLike[str]] = (),
    portfolio: Portfolio | None = None,
) -> Path:
    """Write :func:`explorer_html` of ``G`` (with ``portfolio``'s programmes, when given) to ``path`` through the one writer
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
    return write_file(target, explorer_html(G, lang=lang, title=title, portfolio=portfolio), protect=protect)

