"""The explorer page: self-contained HTML whose data agrees with the library, checked as text
and in headless Chromium (clicks, search, filters, language, Hangul on screen); its asset
files (template, stylesheet, script) hold no display words and the script parses (node)."""

from __future__ import annotations

import hashlib
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

import roadmap_graph as rg
from roadmap_graph.errors import InvalidOptionError
from roadmap_graph.present.explorer import (
    CYTOSCAPE_VERSION,
    FONT_STACK,
    explorer_data,
    explorer_html,
    script_json,
    write_explorer,
)
from roadmap_graph.vocabulary import text

from .browser import chromium, fonts_used, open_page  # noqa: F401  (chromium is a fixture)

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
    assert log.page.evaluate("window.roadmapExplorer.cy.edges().length") == G.number_of_edges()
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


def test_tap_on_a_technology_highlights_dependent_missions(log, G):
    # void: evaluate must not try to serialise the cytoscape collection emit() returns (slow)
    log.page.evaluate(f"void window.roadmapExplorer.cy.getElementById('{TECH}').emit('tap')")
    assert api(log, "selected()") == TECH
    expected = sorted({TECH, *dependent_missions(G, TECH)})
    assert len(expected) > 1 and api(log, "highlighted()") == expected
    assert api(log, "gateways()") == []
    click_node(log, "cloud_optimization")
    assert api(log, "highlighted()") == sorted({"cloud_optimization", *dependent_missions(G, "cloud_optimization")})
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
            assert api(log, "highlighted()") == sorted({node, *dependent_missions(G, node)}), node
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
    assert api(log, "highlighted()") == sorted({TECH, *dependent_missions(G, TECH)})
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
