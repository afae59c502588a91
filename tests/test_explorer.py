"""The explorer page: self-contained HTML whose data agrees with the library, checked as text
and in headless Chromium (clicks, search, filters, language, Hangul on screen); its asset
files (template, stylesheet, script) hold no display words and the script parses (node)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from importlib.resources import as_file, files
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given

import roadmap_graph as rg
from roadmap_graph.errors import InvalidOptionError
from roadmap_graph.graph.fields import field_order
from roadmap_graph.present.explorer import (
    CYTOSCAPE_VERSION,
    FONT_STACK,
    _folds,
    _missions_above,
    explorer_data,
    explorer_html,
    script_json,
    write_explorer,
)
from roadmap_graph.vocabulary import text

from .browser import chromium, fonts_used, hover, label_px, open_page, outside_view  # noqa: F401  (chromium is a fixture)
from .conftest import examples
from .strategies import roadmaps

_GENERATE = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
_spec = importlib.util.spec_from_file_location("benchmark_generate", _GENERATE)
assert _spec is not None and _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

READY = "window.roadmapExplorer && window.roadmapExplorer.ready"
MISSION = "bio_mission_gene_cell_therapy"
TECH = "bio_synthetic_biology"
ASSETS = files("roadmap_graph.present").joinpath("assets")  # the template, stylesheet and script
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")

EVIL = "</script><script>window.pwned = 1</script><!-- & \u2028"
TINY = f"""
schema_version: 1
roadmap: {{id: tiny, title: 작은 로드맵}}
fields:
  - {{id: ai, name: 인공지능}}
nodes:
  - {{id: m1, kind: mission, field: ai, name: '{EVIL}', requires: [c1]}}
  - {{id: c1, kind: core_technology, field: ai, name: 중점1, name_en: 'Core <b>one</b>'}}
"""

from .conftest import raises_en


def chain_ids(G: nx.DiGraph, mission: str) -> list[str]:
    return sorted(n.id for n in rg.prerequisite_chain(G, mission).nodes)


def missions_of(G: nx.DiGraph) -> list[str]:
    return sorted(n for n, k in G.nodes(data="kind") if k == "mission")


def dependent_missions(G: nx.DiGraph, node: str) -> list[str]:
    """The missions whose prerequisite chain contains ``node`` (the library's answer)."""
    return [m for m in missions_of(G) if node in chain_ids(G, m)]


def inlined_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="roadmap-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


# --------------------------------------------------------------------------------------
# As text


@pytest.fixture(scope="module")
def page_html(G) -> str:
    return explorer_html(G)


def test_no_external_resources(page_html):
    markup = re.sub(r"(<script\b[^>]*>).*?</script>", r"\1</script>", page_html, flags=re.S | re.I)
    tags = re.findall(r"<(?:script|link|img|iframe|source|audio|video|embed|object|base)\b[^>]*>", markup, re.I)
    assert tags, "the page has script and link tags"
    for tag in tags:
        for url in re.findall(r"""\b(?:src|href|data|srcset)\s*=\s*["']?([^"'\s>]+)""", tag, re.I):
            assert url.startswith("data:"), tag
    assert '<link rel="icon" href="data:,">' in page_html
    assert "<script src" not in page_html.lower()
    assert "@import" not in page_html and "@font-face" not in page_html and "url(" not in page_html
    for anchor in re.findall(r"<a\b[^>]*>", markup, re.I):  # anchors are only built at runtime
        pytest.fail(f"unexpected static anchor {anchor}")


def test_page_inlines_the_pinned_cytoscape(page_html):
    vendor = files("roadmap_graph.present").joinpath("vendor")
    js = vendor.joinpath(f"cytoscape-{CYTOSCAPE_VERSION}.min.js").read_text("utf-8")
    assert js.replace("</", "<\\/") in page_html
    assert "MIT" in vendor.joinpath("cytoscape.LICENSE").read_text("utf-8")
    assert CYTOSCAPE_VERSION in vendor.joinpath("README.md").read_text("utf-8")
    assert page_html.count("<script") == page_html.count("</script>") == 3


def test_fonts_are_the_system_stack(page_html):
    assert "'NanumGothic', 'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif" in page_html


def test_data_agrees_with_the_library(G, page_html):
    data = inlined_data(page_html)
    assert data == json.loads(json.dumps(explorer_data(G), default=str))
    assert sorted(data["chains"]) == missions_of(G)
    gw = rg.gateways(G).by_mission
    edges = data["edges"]
    for m in missions_of(G):
        chain = rg.prerequisite_chain(G, m)
        assert data["chains"][m]["nodes"] == chain_ids(G, m)
        assert {(edges[i]["source"], edges[i]["target"]) for i in data["chains"][m]["edges"]} == {
            (e.source, e.target) for e in chain.edges
        }
        assert data["gateways"][m] == list(gw[m])
    for n, kind in G.nodes(data="kind"):
        if kind != "mission":
            assert data["dependents"][n]["missions"] == dependent_missions(G, n)
    assert {n["id"] for n in data["nodes"]} == set(G)
    assert {(e["source"], e["target"]) for e in edges} == set(G.edges)
    assert data["gateway_of"] == {g.id: list(g.missions) for g in rg.gateways(G).gateways}


def test_the_page_is_made_from_the_asset_files(page_html):
    js = ASSETS.joinpath("explorer.js").read_text("utf-8")
    assert js.replace("</", "<\\/") in page_html
    css = ASSETS.joinpath("explorer.css").read_text("utf-8")
    assert css.replace("FONT_STACK", FONT_STACK) in page_html
    assert "FONT_STACK" not in page_html


def test_the_assets_hold_no_display_words(G):
    """The page's words come from the catalogue (DATA.words, template variables), not the files."""
    for name in ("explorer.html", "explorer.css", "explorer.js"):
        assert not HANGUL.search(ASSETS.joinpath(name).read_text("utf-8")), name
    en = explorer_html(G, lang="en")
    assert '<button type="button" data-lang="ko">한국어</button><button type="button" data-lang="en">English</button>' in en
    assert f'aria-label="{text("ui.search", "en")}"' in en


def test_the_script_passes_node_check():
    """``node --check`` parses explorer.js (a syntax check; the browser tests run it)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node (Node.js) is not installed: explorer.js was not syntax-checked")
    with as_file(ASSETS.joinpath("explorer.js")) as js:
        proc = subprocess.run([node, "--check", str(js)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_no_absolute_paths_leak(G, page_html):
    assert str(Path.cwd()) not in page_html and "/work/" not in page_html


def test_script_end_tags_in_names_are_escaped():
    G = rg.to_networkx(rg.loads_roadmap(TINY, path="tiny.yaml"))
    page = explorer_html(G)
    assert page.count("</script>") == 3  # the three script elements, nothing from the data
    assert "<!--" not in page.split("<body>", 1)[1].replace("<!-- cytoscape.js", "")
    data = inlined_data(page)
    assert {n["id"]: n["name"] for n in data["nodes"]}["m1"] == G.nodes["m1"]["name"]
    assert G.nodes["m1"]["name"].startswith("</script><script>window.pwned = 1</script><!-- &")
    assert "\\u003c/script\\u003e" in script_json(EVIL)
    assert script_json("a\u2028b\u2029&") == '"a\\u2028b\\u2029\\u0026"'
    assert json.loads(script_json(EVIL)) == EVIL


def test_title_and_language(G):
    assert "<title>National Strategic Technology" in explorer_html(G, lang="en")
    assert '<html lang="en">' in explorer_html(G, lang="en")
    assert "<title>&lt;b&gt;x</title>" in explorer_html(G, title="<b>x")
    with raises_en(InvalidOptionError, "languages: ko, en"):
        explorer_html(G, lang="fr")


def test_deterministic(G, page_html):
    assert explorer_html(G) == page_html
    script = (
        "import hashlib, roadmap_graph as rg; from roadmap_graph.present.explorer import explorer_html; "
        "print(hashlib.sha256(explorer_html(rg.to_networkx(rg.load_roadmap())).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert digests == {hashlib.sha256(page_html.encode()).hexdigest()}


def test_write_explorer(G, tmp_path, page_html):
    path = write_explorer(G, tmp_path / "explorer.html")
    assert path == tmp_path / "explorer.html"
    assert path.read_text("utf-8") == page_html
    assert [p.name for p in tmp_path.iterdir()] == ["explorer.html"]  # no temporary file left


# --------------------------------------------------------------------------------------
# In headless Chromium


@pytest.fixture(scope="module")
def explorer_file(G, tmp_path_factory) -> Path:
    return write_explorer(G, tmp_path_factory.mktemp("explorer") / "explorer.html")


@pytest.fixture
def log(chromium, explorer_file):  # noqa: F811
    log = open_page(chromium, explorer_file, ready=READY)
    yield log
    log.page.close()


def api(log, call: str):
    return log.page.evaluate(f"window.roadmapExplorer.{call}")


def click_node(log, node: str) -> None:
    """A real mouse click at the node's position on screen."""
    x, y = log.page.evaluate(
        """id => { const cy = window.roadmapExplorer.cy; const p = cy.getElementById(id).renderedPosition();
                  const r = cy.container().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""",
        node,
    )
    log.page.mouse.click(x, y)


def test_loads_offline_without_errors(log, G):
    assert log.errors() == []
    assert [t for kind, t in log.console if kind == "warning" and "style" in t] == []
    assert log.requests == [log.url]
    assert log.foreign_requests() == []
    assert log.page.evaluate("window.roadmapExplorer.cy.nodes('.rg').length") == G.number_of_nodes()
    assert log.page.evaluate("window.roadmapExplorer.cy.edges().not('.agg').length") == G.number_of_edges()
    assert api(log, "visible()") == sorted(G)


def test_mouse_click_on_a_mission_highlights_its_chain(log, G):
    click_node(log, MISSION)
    assert api(log, "selected()") == MISSION
    assert api(log, "highlighted()") == chain_ids(G, MISSION)
    assert api(log, "gateways()") == sorted(rg.gateways(G).by_mission[MISSION])
    assert api(log, "faded()") == sorted(set(G) - set(chain_ids(G, MISSION)))
    assert log.page.evaluate(f"window.roadmapExplorer.cy.getElementById('{MISSION}').hasClass('highlighted')")
    panel = log.page.inner_text("#panel")
    node = G.nodes[MISSION]
    assert node["name"] in panel and node["name_en"] in panel and node["sources"][0]["quote"] in panel
    assert G.nodes["bio_gene_cell_therapy"]["name"] in panel  # its gateway
    # a click on the background resets
    box = log.page.locator("#cy").bounding_box()
    log.page.mouse.click(box["x"] + 5, box["y"] + 5)
    assert api(log, "selected()") is None
    assert api(log, "highlighted()") == [] and api(log, "faded()") == []
    assert log.errors() == []


def technology_highlight(G: nx.DiGraph, node: str) -> list[str]:
    """What a technology's selection highlights: it, its prerequisites (its chain down) and the
    missions that depend on it."""
    return sorted({node, *nx.descendants(G, node), *dependent_missions(G, node)})


def test_tap_on_a_technology_highlights_dependent_missions(log, G):
    # void: evaluate must not try to serialise the cytoscape collection emit() returns (slow)
    log.page.evaluate(f"void window.roadmapExplorer.cy.getElementById('{TECH}').emit('tap')")
    assert api(log, "selected()") == TECH
    expected = technology_highlight(G, TECH)
    assert len(expected) > 1 and api(log, "highlighted()") == expected
    assert api(log, "gateways()") == []
    click_node(log, "cloud_optimization")
    assert api(log, "highlighted()") == technology_highlight(G, "cloud_optimization")
    panel = log.page.inner_text("#panel")
    assert all(G.nodes[m]["name"] in panel for m in dependent_missions(G, "cloud_optimization"))


def test_every_selection_agrees_with_the_library(log, G):
    gw = rg.gateways(G).by_mission
    for node, kind in G.nodes(data="kind"):
        assert log.page.evaluate("id => window.roadmapExplorer.select(id)", node)
        if kind == "mission":
            assert api(log, "highlighted()") == chain_ids(G, node), node
            assert api(log, "gateways()") == sorted(gw[node]), node
        else:
            assert api(log, "highlighted()") == technology_highlight(G, node), node
            assert api(log, "prerequisites()") == sorted(nx.descendants(G, node)), node
            assert api(log, "dependents()") == sorted(nx.ancestors(G, node)), node
    assert log.errors() == []


def test_search_by_korean_english_and_id(log, G):
    assert TECH in log.page.evaluate("window.roadmapExplorer.search('합성생물학')")
    assert TECH in log.page.evaluate("window.roadmapExplorer.search('SYNTHETIC bio')")
    assert log.page.evaluate("window.roadmapExplorer.search('bio_synthetic_biology')") == [TECH]
    assert log.page.evaluate("window.roadmapExplorer.search('없는말')") == []
    log.page.fill("#search", "합성생물학")
    assert TECH in log.page.locator("#results li").evaluate_all("els => els.map(e => e.dataset.id)")
    log.page.press("#search", "Enter")
    assert api(log, "selected()") == TECH
    assert api(log, "highlighted()") == technology_highlight(G, TECH)
    # a result click selects too
    log.page.fill("#search", "Cloud optim")
    log.page.click("#results li[data-id='cloud_optimization']")
    assert api(log, "selected()") == "cloud_optimization"


def test_filters_by_field_and_kind(log, G):
    log.page.locator("input[data-group='field'][data-value='ai']").uncheck()
    assert api(log, "visible()") == sorted(n for n, f in G.nodes(data="field") if f != "ai")
    log.page.locator("input[data-group='kind'][data-value='ecosystem_measure']").uncheck()
    assert api(log, "visible()") == sorted(
        n for n, a in G.nodes(data=True) if a["field"] != "ai" and a["kind"] != "ecosystem_measure"
    )
    log.page.locator("input[data-group='field'][data-value='ai']").check()
    log.page.locator("input[data-group='kind'][data-value='ecosystem_measure']").check()
    assert api(log, "visible()") == sorted(G)


def test_language_toggle(log, G):
    data = explorer_data(G)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    label = "id => window.roadmapExplorer.cy.getElementById(id).data('label')"
    assert log.page.evaluate(label, TECH) == labels[TECH]["ko"] == "합성생물학"
    log.page.click("#lang button[data-lang='en']")
    assert log.page.evaluate(label, TECH) == labels[TECH]["en"] == "Synthetic biology"
    assert log.page.title().startswith("National Strategic Technology")
    log.page.click("#lang button[data-lang='ko']")
    assert log.page.evaluate(label, TECH) == "합성생물학"
    assert log.errors() == []


def test_hangul_renders(log, tmp_path):
    page = log.page
    page.evaluate(
        """() => {
          const box = document.createElement('div');
          box.id = 'hangul-probe';
          box.style.cssText = 'position:fixed;left:0;top:0;z-index:99;background:#fff;font-size:48px;line-height:1';
          for (const [id, text] of [['ga', '가'], ['na', '나'], ['tofu', '\\u0378']]) {
            const s = document.createElement('span'); s.id = id; s.textContent = text;
            s.style.cssText = 'display:inline-block;width:64px;height:64px'; box.appendChild(s);
          }
          document.body.appendChild(box);
        }"""
    )
    ga, na, tofu = (page.locator(f"#{i}").screenshot() for i in ("ga", "na", "tofu"))
    assert ga != na and ga != tofu and na != tofu
    used = fonts_used(page, "#ga")
    hangul_fonts = ("NanumGothic", "Noto Sans CJK", "Malgun Gothic", "Apple SD Gothic")
    assert any(name.startswith(hangul_fonts) for name in used), used
    page.evaluate("document.getElementById('hangul-probe').remove()")
    # the whole page, a mission selected, for a human to look at
    page.evaluate(f"window.roadmapExplorer.select('{MISSION}')")
    shot = tmp_path / "explorer.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    assert fonts_used(page, "#panel h2")


def test_hostile_names_stay_text(chromium, tmp_path):  # noqa: F811
    G = rg.to_networkx(rg.loads_roadmap(TINY, path="tiny.yaml"))
    log = open_page(chromium, write_explorer(G, tmp_path / "tiny.html"), ready=READY)
    try:
        assert log.errors() == [] and log.foreign_requests() == []
        assert log.page.evaluate("window.pwned === undefined")
        log.page.evaluate("window.roadmapExplorer.select('m1')")
        assert log.page.evaluate("document.querySelector('#panel h2').textContent") == G.nodes["m1"]["name"]
        label = log.page.evaluate("window.roadmapExplorer.cy.getElementById('m1').data('label')")
        assert "</script>" in label.replace("\n", " ")
        assert api(log, "highlighted()") == ["c1", "m1"]
    finally:
        log.page.close()



# --------------------------------------------------------------------------------------
# Issue 13: data the views rest on, checked against oracles


def brute_missions_above(G: nx.DiGraph, node: str) -> list[str]:
    return sorted(m for m in missions_of(G) if m != node and node in nx.descendants(G, m))


def brute_fold_distance(G: nx.DiGraph, node: str) -> int | None:
    """The fewest links from any core technology down to ``node`` (over enabling
    technologies and measures only, as the fold walks), ``None`` when none reaches it."""
    best = None
    for c, kind in G.nodes(data="kind"):
        if kind != "core_technology":
            continue
        allowed = {c} | {n for n, k in G.nodes(data="kind") if k in ("enabling_technology", "ecosystem_measure")}
        H = G.subgraph(allowed)
        if node in H and nx.has_path(H, c, node):
            d = nx.shortest_path_length(H, c, node)
            best = d if best is None else min(best, d)
    return best


@examples(200)
@given(roadmaps(max_nodes=9))
def test_folds_and_missions_above_agree_with_oracles(roadmap):
    G = rg.to_networkx(roadmap)
    above = _missions_above(G)
    for n in G:
        assert above[n] == brute_missions_above(G, n)
    folds = _folds(G, field_order(G))
    for n, kind in G.nodes(data="kind"):
        d = brute_fold_distance(G, n) if kind in ("enabling_technology", "ecosystem_measure") else None
        assert (n in folds) == (d is not None and d > 0), n
        if n in folds:
            core = folds[n]
            assert G.nodes[core]["kind"] == "core_technology"
            allowed = {core} | {x for x, k in G.nodes(data="kind") if k in ("enabling_technology", "ecosystem_measure")}
            assert nx.shortest_path_length(G.subgraph(allowed), core, n) == d
    data = explorer_data(G)
    ids = {x["id"] for x in data["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    count = len(data["nodes"])
    for s, t, c, flags in data["folded_edges"]:
        assert 0 <= s < count and 0 <= t < count and s != t and c >= 1 and 0 < flags < 8
        assert data["nodes"][s]["kind"] in ("mission", "core_technology")
        assert data["nodes"][t]["kind"] in ("mission", "core_technology")


def test_bundled_trivial_and_deep_gateways(G):
    data = explorer_data(G)
    deep = {g.id for g in rg.gateways(G).gateways if g.deep}
    assert deep == {"mrna_platform", "rna_platform"}
    for m, gws in data["gateways"].items():
        assert set(data["trivial_gateways"][m]) == {g for g in gws if g not in deep or m in {
            x for gw in rg.gateways(G).gateways if gw.id == g for x in gw.sole_missions}}
    # each mission's one core technology is a trivial gateway of it
    assert data["trivial_gateways"]["bio_mission_gene_cell_therapy"] == ["bio_gene_cell_therapy"]
    assert data["style"]["marks"]["highlight"] == rg.vocabulary.visual.HIGHLIGHT


def generated_page(tmp_path_factory, n: int) -> Path:
    roadmap = generate.synthetic_roadmap(n, seed=0)
    G = rg.to_networkx(roadmap)
    return write_explorer(G, tmp_path_factory.mktemp(f"g{n}") / f"explorer_{n}.html")


@pytest.fixture(scope="module")
def page_300(tmp_path_factory) -> Path:
    return generated_page(tmp_path_factory, 300)


@pytest.fixture(scope="module")
def page_2000(tmp_path_factory) -> Path:
    return generated_page(tmp_path_factory, 2000)


def test_generated_edges_have_their_endpoints():
    """Every edge of the data joins two nodes of the data (the 2,000-node page logged "Edge e431
    has invalid endpoints")."""
    G = rg.to_networkx(generate.synthetic_roadmap(2000, seed=0))
    data = explorer_data(G)
    ids = {x["id"] for x in data["nodes"]}
    assert len(ids) == 2000 and all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    assert all("route" not in e for e in data["edges"])  # the grid draws straight links


# --------------------------------------------------------------------------------------
# Issue 13: interactions in headless Chromium (1440×900)


@pytest.fixture
def wide(chromium, explorer_file):  # noqa: F811
    log = open_page(chromium, explorer_file, ready=READY, viewport=(1440, 900))
    yield log
    log.page.close()


def test_first_view_labels_are_readable(wide, G):
    """At 1440×900 the whole bundled roadmap is in view and its labels are >= 11 px."""
    assert label_px(wide.page) >= 11 - 1e-6
    assert outside_view(wide.page, sorted(G)) == []
    assert not wide.page.evaluate("window.roadmapExplorer.collapsed()")


def test_fit_to_selection_frames_prerequisites_and_dependents(wide, G):
    """Search and select a technology: its prerequisites and dependent missions are all in view,
    at labels >= 11 px; the panel lists both."""
    wide.page.evaluate("window.roadmapExplorer.cy.zoom(3)")  # start from somewhere else
    wide.page.fill("#search", "mRNA")
    wide.page.click("#results li[data-id='mrna_platform']")
    assert api(wide, "selected()") == "mrna_platform"
    assert api(wide, "prerequisites()") == sorted(nx.descendants(G, "mrna_platform"))
    assert api(wide, "dependents()") == sorted(nx.ancestors(G, "mrna_platform"))
    assert dependent_missions(G, "mrna_platform") and api(wide, "prerequisites()")
    assert label_px(wide.page) >= 11 - 1e-6
    assert outside_view(wide.page, technology_highlight(G, "mrna_platform")) == []
    assert api(wide, "fitNote()") is None
    panel = wide.page.inner_text("#panel")
    assert text("ui.prerequisites", "ko") in panel and text("ui.dependent_missions", "ko") in panel
    for m in dependent_missions(G, "mrna_platform"):
        assert wide.page.evaluate(f"window.roadmapExplorer.cy.getElementById('{m}').hasClass('dependent')")


def test_fit_keeps_the_zoom_floor_and_says_what_it_cut(chromium, page_300):  # noqa: F811
    """A selection too big for the screen at readable labels: the floor holds, the focus and its
    nearest nodes are framed, and the panel says how many of how many."""
    log = open_page(chromium, page_300, ready=READY, viewport=(1440, 900))
    try:
        page = log.page
        floor = page.evaluate("window.roadmapExplorer.floor")
        sizes = page.evaluate("""() => { const D = window.roadmapExplorer; const out = {};
            D.cy.nodes('.rg').forEach(x => { if (x.data('kind') !== 'mission') out[x.id()] = 1; }); return Object.keys(out); }""")
        big = max(sizes, key=lambda x: page.evaluate("id => (window.roadmapExplorer.select(id), window.roadmapExplorer.highlighted().length)", x) if x.endswith("_0") else 0)
        page.evaluate("id => window.roadmapExplorer.focus(id)", big)
        note = api(log, "fitNote()")
        assert note is not None and 1 <= note["shown"] < note["n"]
        assert abs(page.evaluate("window.roadmapExplorer.cy.zoom()") - floor) < 1e-9
        assert label_px(page) >= 11 - 1e-6
        assert outside_view(page, [big]) == []
        assert page.locator("#fit-note").count() == 1
        assert log.errors() == []
    finally:
        log.page.close()


def test_filtering_refits_the_view(wide, G):
    before = wide.page.evaluate("window.roadmapExplorer.cy.zoom()")
    wide.page.locator("input[data-group='field'][data-value='bio']").uncheck()
    shown = sorted(n for n, f in G.nodes(data="field") if f != "bio")
    assert api(wide, "visible()") == shown
    assert outside_view(wide.page, shown) == []
    box = wide.page.evaluate("""() => { const cy = window.roadmapExplorer.cy;
        const b = cy.nodes('.rg').filter(x => x.visible()).renderedBoundingBox(); return [b.w, b.h, cy.width(), cy.height()]; }""")
    assert box[0] > 0.6 * box[2] or box[1] > 0.6 * box[3]  # it fills the canvas
    assert wide.page.evaluate("window.roadmapExplorer.cy.zoom()") != before


def test_tooltip_at_low_zoom(wide, G):
    page = wide.page
    page.evaluate("""() => { const D = window.roadmapExplorer; D.cy.zoom(D.floor * 0.7);
        D.cy.center(D.cy.getElementById('bio_synthetic_biology')); }""")
    hover(page, TECH)
    page.wait_for_selector("#tip:not([hidden])")
    tip = page.inner_text("#tip")
    assert "합성생물학" in tip and text("kind.core_technology", "ko") in tip and "첨단바이오" in tip
    page.click("#lang button[data-lang='en']")
    page.evaluate("""() => { const D = window.roadmapExplorer; D.cy.zoom(D.floor * 0.7);
        D.cy.center(D.cy.getElementById('bio_synthetic_biology')); }""")
    hover(page, TECH)
    page.wait_for_selector("#tip:not([hidden])")
    assert page.inner_text("#tip") == "Synthetic biology\ncore technology · Advanced biotechnology"
    # labels readable: no tooltip
    page.evaluate("() => { const D = window.roadmapExplorer; D.cy.zoom(D.floor * 1.5); D.cy.center(D.cy.getElementById('bio_synthetic_biology')); }")
    page.mouse.move(2, 2)
    hover(page, TECH)
    assert page.locator("#tip").is_hidden()


def test_filters_cutting_a_selection_are_announced(wide, G):
    page = wide.page
    page.click("#lang button[data-lang='en']")
    page.evaluate(f"window.roadmapExplorer.focus('{MISSION}')")
    chain = chain_ids(G, MISSION)
    measures = [n for n in chain if G.nodes[n]["kind"] == "ecosystem_measure"]
    assert measures
    page.locator("input[data-group='kind'][data-value='ecosystem_measure']").uncheck()
    note = page.inner_text("#selection-count")
    assert f"{len(chain)} highlighted, {len(measures)} hidden by filters" in note
    assert outside_view(page, [n for n in chain if n not in measures]) == []
    page.click("#show-hidden")
    assert api(wide, "visible()") == sorted(G)
    assert page.inner_text("#selection-count").startswith(f"{len(chain)} highlighted")
    assert outside_view(page, chain) == []


def test_reset_clears_search_filters_and_selection(wide, G):
    page = wide.page
    first = page.evaluate("[window.roadmapExplorer.cy.zoom(), window.roadmapExplorer.cy.pan()]")
    page.fill("#search", "합성")
    assert page.evaluate("window.roadmapExplorer.cy.nodes('.hit').length") > 0
    page.press("#search", "Enter")
    page.locator("input[data-group='field'][data-value='ai']").uncheck()
    page.click("#reset")
    assert page.input_value("#search") == ""
    assert page.locator("#results").is_hidden()
    assert api(wide, "selected()") is None and api(wide, "highlighted()") == [] and api(wide, "faded()") == []
    assert api(wide, "visible()") == sorted(G)
    assert page.evaluate("window.roadmapExplorer.cy.nodes('.hit').length") == 0
    assert page.locator("input[data-group='field'][data-value='ai']").is_checked()
    after = page.evaluate("[window.roadmapExplorer.cy.zoom(), window.roadmapExplorer.cy.pan()]")
    assert after[0] == pytest.approx(first[0]) and after[1]["x"] == pytest.approx(first[1]["x"])


def korean_only(G: nx.DiGraph) -> list[str]:
    """Words the roadmap's author wrote in Korean only (allowed in the English page)."""
    out = [a["name"] for _, a in G.nodes(data=True) if not a.get("name_en")]
    out += [f.get("name") for f in (G.graph.get("fields") or {}).values() if not f.get("name_en")]
    out += [s.get("title") or "" for s in (G.graph.get("roadmap") or {}).get("sources", [])]
    for _, a in G.nodes(data=True):
        out += [s.get("quote") or "" for s in a.get("sources") or []]
        if not a.get("description_en") and a.get("description"):
            out.append(a["description"])
    return [w for w in out if w]


def test_every_word_follows_the_language(wide, G):
    page = wide.page
    page.click("#lang button[data-lang='en']")
    allowed = [*sorted(korean_only(G), key=len, reverse=True), text("ui.language_name", "ko")]
    for node in (None, MISSION, TECH, "mrna_platform"):
        if node:
            page.evaluate(f"window.roadmapExplorer.focus('{node}')")
        shown = page.inner_text("body")
        shown += "\n".join(page.evaluate("""() => window.roadmapExplorer.cy.nodes()
            .filter(x => x.visible()).map(x => String(x.data('label') || ''))"""))
        shown += page.evaluate("document.title") + (page.get_attribute("#search", "placeholder") or "")
        shown = " ".join(shown.split())
        for word in allowed:
            shown = shown.replace(" ".join(word.split()), "")
        assert not HANGUL.search(shown), (node, HANGUL.findall(shown)[:20], shown[:400])
    hover_id = MISSION
    page.evaluate("() => { const D = window.roadmapExplorer; D.cy.zoom(D.floor * 0.6); }")
    page.evaluate(f"() => window.roadmapExplorer.cy.center(window.roadmapExplorer.cy.getElementById('{hover_id}'))")
    hover(page, hover_id)
    page.wait_for_selector("#tip:not([hidden])")
    assert not HANGUL.search(page.inner_text("#tip"))
    page.click("#lang button[data-lang='ko']")
    assert text("ui.legend", "ko") in page.inner_text("#panel") or text("ui.prerequisites", "ko") in page.inner_text("#panel")


def test_semantic_zoom_folds_and_unfolds(wide, G):
    page = wide.page
    core_and_missions = sorted(n for n, k in G.nodes(data="kind") if k in ("mission", "core_technology"))
    page.evaluate("() => { const D = window.roadmapExplorer; D.cy.zoom(D.collapseZoom * 0.8); }")
    page.wait_for_function("window.roadmapExplorer.collapsed()")
    assert api(wide, "shown()") == core_and_missions
    assert page.evaluate("window.roadmapExplorer.cy.edges('.agg').filter(e => e.visible()).length") == len(explorer_data(G)["folded_edges"])
    assert page.evaluate("window.roadmapExplorer.cy.edges().not('.agg').filter(e => e.visible()).length") == 0
    assert page.locator("#view-note").is_visible()
    page.evaluate("() => { const D = window.roadmapExplorer; D.cy.zoom(D.floor); }")
    # under load the page may still be settling (the header's words move the canvas): wait
    # for the unfolded state rather than reading it at once
    page.wait_for_function(f"!window.roadmapExplorer.collapsed() && window.roadmapExplorer.shown().length === {len(G)}")
    assert api(wide, "shown()") == sorted(G)
    assert page.locator("#view-note").is_hidden()


def test_2000_nodes_load_clean_and_fold(chromium, page_2000):  # noqa: F811
    log = open_page(chromium, page_2000, ready=READY + " && window.roadmapExplorer.timing.drawn", viewport=(1440, 900))
    try:
        page = log.page
        assert page.evaluate("window.roadmapExplorer.collapsed()")  # the whole graph, folded
        assert page.evaluate("window.roadmapExplorer.cy.zoom() >= window.roadmapExplorer.cy.minZoom()")
        shown = api(log, "shown()")
        assert shown and all("_m_" in n or "_core_" in n for n in shown)
        page.evaluate("window.roadmapExplorer.full()")
        assert page.evaluate("window.roadmapExplorer.cy.nodes('.rg').length") == 2000
        # zoom in (unfolds) and draw every link
        page.evaluate("() => { const D = window.roadmapExplorer; D.cy.zoom(D.floor); }")
        page.wait_for_function("!window.roadmapExplorer.collapsed()")
        page.evaluate("window.roadmapExplorer.cy.fit()")
        page.wait_for_timeout(300)
        bad = page.evaluate("""() => { const cy = window.roadmapExplorer.cy; const bad = [];
            cy.edges().forEach(e => { if (!e.source().length || !e.target().length) { bad.push(e.id()); return; }
              if (!e.visible()) return;
              const s = e.sourceEndpoint(), t = e.targetEndpoint();
              if (![s.x, s.y, t.x, t.y].every(Number.isFinite)) bad.push(e.id()); });
            return bad; }""")
        assert bad == []
        assert log.errors() == []
        assert [t for kind, t in log.console if "invalid endpoints" in t] == []
    finally:
        log.page.close()


def test_every_kind_has_a_legend_glyph():
    """The legend draws each kind's shape as a glyph: every shape the visual language uses
    must have one (a missing one left 임무 without its square)."""
    import re
    from importlib.resources import files

    from roadmap_graph.vocabulary.visual import KIND_SHAPES

    script = files("roadmap_graph.present").joinpath("assets/explorer.js").read_text(encoding="utf-8")
    symbols = re.search(r"var SYMBOLS = \{([^}]*)\}", script)
    assert symbols is not None
    named = set(re.findall(r'"?([a-z-]+)"?\s*:', symbols.group(1)))
    assert {shape for _, shape in KIND_SHAPES.values()} <= named
