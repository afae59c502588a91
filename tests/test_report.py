"""The HTML report: content, offline, a folder it owns, and a real browser."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses import REGISTRY
from roadmap_graph.cli import cli
from roadmap_graph.errors import OutputPathError
from roadmap_graph.graph.index import RoadmapIndex
from roadmap_graph.present.report import MARKER, report_html, write_report
from roadmap_graph.vocabulary import Message, text

from .browser import chromium, open_page  # noqa: F401  (chromium is a fixture)
from .conftest import examples, raises_en


@pytest.fixture(scope="module")
def page_ko(G) -> str:
    return report_html(G, lang="ko")


def test_report_has_a_section_for_every_registered_analysis(G, page_ko):
    index = RoadmapIndex(G)
    figures = 0
    for name, analysis in REGISTRY.items():
        runs = analysis.report_runs(index) if analysis.report_runs else [{}]
        if not runs:  # it needs an input the report is not given (a portfolio): no section
            assert f'<section id="{name}">' not in page_ko
            continue
        assert f'<section id="{name}">' in page_ko and f"<h2>{text(analysis.title, 'ko')}</h2>" in page_ko
        figures += len(runs) if analysis.figure else 0
        for params in analysis.report_runs(index) if analysis.report_runs else []:
            anchor = "-".join(str(v) for value in params.values() for v in (value if isinstance(value, list) else [value]))
            assert f'id="{name}-{anchor}"' in page_ko  # one article per run
    assert page_ko.count("<svg") == figures
    assert '<section id="sources">' in page_ko


def test_bundled_report_content(G, page_ko):
    for m in (n for n, k in G.nodes(data="kind") if k == "mission"):
        assert f'id="chain-{m}"' in page_ko  # every mission, with its chain figure
    assert page_ko.count("<svg") == 1 + 8 + 1 + 1  # roadmap, 8 chains, convergence, coverage
    assert "90% 이상" in page_ko and "RG201" in page_ko and "cloud_optimization" in page_ko


def test_every_node_links_to_its_source_quote(G, page_ko):
    anchors = set(re.findall(r'id="src-([a-z0-9_]+)"', page_ko))
    # fields carry quotes (and gap findings) too, and so does the roadmap as a whole
    assert anchors == set(G) | set(G.graph["fields"]) | {"roadmap"}
    assert set(re.findall(r'href="#src-([a-z0-9_]+)"', page_ko)) <= anchors
    assert "바이오부품의 설계·생산효율을 10배까지" in page_ko  # a quote, verbatim


def test_report_needs_no_network(page_ko):
    for url in re.findall(r'(?:src|href)="([^"#][^"]*)"', page_ko):
        assert url.startswith("data:") or url == "explorer.html", url
    assert "@import" not in page_ko
    # SVG-internal references and the embedded font subsets only
    assert all(ref.startswith(("#", "data:font/")) for ref in re.findall(r"url\(([^)]*)\)", page_ko))


def test_english_report(G):
    page = report_html(G, lang="en")
    assert "Gateway technologies" in page and "Synthetic biology" in page


def test_folder_ownership(G, tmp_path):
    folder = tmp_path / "report"
    messages: list[Message] = []
    index = write_report(G, folder, progress=messages.append)
    assert index == folder / "index.html" and (folder / "explorer.html").is_file() and (folder / MARKER).is_file()
    assert any("prerequisite chain" in m.text("en") for m in messages)
    write_report(G, folder)  # its own folder: overwritten
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("keep me", encoding="utf-8")
    with raises_en(OutputPathError, "not made by roadmap-graph"):
        write_report(G, foreign)
    assert sorted(p.name for p in foreign.iterdir()) == ["mine.txt"]
    write_report(G, foreign, force=True)
    assert (foreign / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_report_command(tmp_path):
    result = CliRunner().invoke(cli, ["--lang", "en", "report", "-o", str(tmp_path / "r")])
    assert result.exit_code == 0, result.stderr
    assert "wrote" in result.stderr and result.stdout == ""
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x").write_text("x", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["report", "-o", str(tmp_path / "other")])
    assert refused.exit_code == 6 and "--force" in refused.stderr


def test_report_in_a_browser(chromium, G, tmp_path):  # noqa: F811
    index = write_report(G, tmp_path / "report")
    log = open_page(chromium, index)
    assert log.errors() == [] and log.foreign_requests() == []
    page = log.page
    assert page.locator("section#chain article.run").count() == 8
    # sortable tables: clicking the reach column header sorts the bottleneck table
    table = page.locator("section#bottlenecks table")
    reach = 3  # rank, id, name, reach, ...
    table.locator("th").nth(reach).click()
    table.locator("th").nth(reach).click()
    first = table.locator("tbody tr").first.locator("td").nth(reach).inner_text()
    assert first == str(max(b.mission_reach for b in rg.bottlenecks(G)))
    # Hangul renders: two different syllables give different pixels
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<span id=a style=\"font-size:40px\">가</span><span id=b style=\"font-size:40px\">나</span>')"
    )
    a = page.locator("#a").screenshot()
    b = page.locator("#b").screenshot()
    assert a != b
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.close()


def test_report_on_a_one_field_roadmap(tmp_path):
    # No convergence map without two fields, and a mission that requires nothing: the
    # report still comes out, with what there is.
    roadmap = rg.loads_roadmap(
        """
schema_version: 1
roadmap: {id: one, title: 한 분야 로드맵}
fields: [{id: ai, name: 인공지능}]
nodes:
  - {id: m, kind: mission, field: ai, name: 임무, requires: [t]}
  - {id: t, kind: core_technology, field: ai, name: 기술}
  - {id: m2, kind: mission, field: ai, name: 빈 임무}
"""
    )
    index = write_report(rg.to_networkx(roadmap), tmp_path / "r")
    page = index.read_text(encoding="utf-8")
    assert 'id="chain-m2"' in page and "RG101" in page
    assert page.count("<svg") == 1 + 2 + 1  # the roadmap, two chains, coverage; no convergence map
    assert "(그림을 그리지 않았다:" in page


def test_bundled_report_links_every_quote_to_its_line_in_the_source_text(page_ko):
    assert '<section id="source-texts">' in page_ko and 'href="#source-texts"' in page_ko
    anchors = set(re.findall(r'<p id="(text-msit_release-\d+)"', page_ko))
    links = re.findall(r'class="intext" href="#(text-[^"]+)"', page_ko)
    assert len(links) == page_ko.count("<blockquote>") > 100  # every quote, none missing
    assert set(links) <= anchors and 'class="missing"' not in page_ko
    assert "<mark>" in page_ko  # the quoted passages are marked in the text
    # the line numbers are the file's: a reader opening the .txt finds the same line
    from roadmap_graph.fileformat.bundled import bundled_source_text_paths

    lines = bundled_source_text_paths()[0].read_text("utf-8").split("\n")
    n = int(re.search(r'href="#text-msit_release-(\d+)">[^<]*</a></cite></blockquote><blockquote><span class="qlabel">[^<]*</span> 전략기술 특위는', page_ko).group(1))
    assert "국가전략기술 특별위원회" in lines[n - 1]


@given(
    words=st.lists(st.text(alphabet="가나다라 ab·", min_size=1, max_size=5), min_size=1, max_size=12),
    spaces=st.lists(st.sampled_from([" ", "  ", "\n", " \n  ", "\t"]), min_size=12, max_size=12),
    data=st.data(),
)
@examples(200)
def test_a_quote_is_found_up_to_white_space(words, spaces, data):
    from roadmap_graph.fileformat.sourcetext import find_quote, normalised

    body = "".join(w + s for w, s in zip(words, spaces))
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i, len(words) - 1))
    quote = " ".join(words[i : j + 1])
    found = find_quote(body, quote)
    if not normalised(quote):
        assert found is None
        return
    assert found is not None
    start, end = found
    assert normalised(body[start:end]) == normalised(quote)
    assert find_quote(body, quote + "없는말") is None or "없는말" in body
