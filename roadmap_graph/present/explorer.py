"""An interactive explorer: one self-contained HTML page to search and click through a roadmap.

The page draws the graph with cytoscape.js (vendored in ``vendor/``, MIT, version
:data:`CYTOSCAPE_VERSION`, inlined), at the positions of
:func:`roadmap_graph.layout.layered_layout` (missions on top, then core technologies,
enabling technologies and ecosystem measures; fields side by side), so the same roadmap
always gives the same picture. Nothing is fetched: no CDN, no web font, no favicon; Korean
text uses the system fonts (NanumGothic, Noto Sans CJK KR, Malgun Gothic, Apple SD Gothic
Neo). It works from ``file://`` and as an e-mail attachment.

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
  (:func:`roadmap_graph.gateways`) are marked (class ``gateway``), everything else fades
  (class ``faded``);
* click a **technology or measure**: it and the missions that depend on it (those whose
  chain contains it: every mission it is reachable from, over any edge) are highlighted;
  the nodes on the way between them are dimmed less (class ``via``); the rest fades;
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
``focus(id)`` (select and centre), ``reset()``, ``highlighted()``, ``gateways()``,
``faded()``, ``visible()`` (sorted ids), ``selected()``, ``search(text)`` (sorted matching
ids), ``setLang(lang)``, ``setFilter(group, value, on)`` (group ``"field"`` or ``"kind"``),
``programmes()`` (the ids of the programmes the panel lists, in order), ``ready`` and ``cy``
(the cytoscape instance).

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
from ..figures.style import GATEWAY_COLOUR, KIND_MARKERS, field_colours
from ..fileformat.portfolio import Portfolio
from ..graph.fields import field_order
from ..outputs import check_outputs, write_file
from ..vocabulary import LANGS, check_lang, format_target, text
from .jsondata import json_text
from .templates import asset_text, render

__all__ = [
    "CYTOSCAPE_VERSION",
    "FONT_STACK",
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
    **{key: f"ui.{key}" for key in ("programmes", "no_programme", "chain_programmes", "unknown_money", "portfolio")},
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


def _layouts(G: nx.DiGraph) -> dict[str, Any]:
    """Positions, wrapped labels, bands and row titles in pixels (y down), per language."""
    out: dict[str, Any] = {}
    s = _PX_PER_INCH
    for lang in LANGS:
        if G.number_of_nodes() == 0:
            out[lang] = None
            continue
        L = layered_layout(G, lang=lang)
        height = L.size[1]

        def px(point: tuple[float, float], height: float = height) -> list[float]:
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
    mission M; ``gateways[M]`` its gateways, nearest first; ``dependents[X]``, for every
    other node X, the missions that depend on it (sorted), the nodes between (``via``) and
    the edge indices on those paths; ``gateway_of[X]`` the missions X is a gateway of;
    ``portfolio`` the programmes (:func:`portfolio_data`), ``None`` without a portfolio.
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
    for u, v in edge_index:
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
            sid: {"title": s.get("title"), "url": s.get("url"), "href": web_url(s.get("url")), "date": s.get("date")}
            for sid, s in sources.items()
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
        "portfolio": portfolio_data(G, portfolio) if portfolio is not None else None,
    }


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

