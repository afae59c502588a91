"""The diff figure (``draw diff OLD NEW``) and the report's "changes since" section."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.colors import to_hex

import roadmap_graph as rg
from roadmap_graph.analyses.changes import compare
from roadmap_graph.cli import cli
from roadmap_graph.figures.diff import (
    ADDED_COLOUR,
    CHANGED_COLOUR,
    GHOST_ALPHA,
    GHOST_COLOUR,
    GHOST_DASH,
    diff_legend,
    diff_marks,
    diff_title,
    plot_diff,
    union_graph,
)
from roadmap_graph.figures.roadmap import plot_roadmap
from roadmap_graph.present.report import report_html
from roadmap_graph.vocabulary import text

from .conftest import examples
from .strategies import roadmaps

pytestmark = pytest.mark.filterwarnings("error:Glyph")

BUNDLED = Path(__file__).resolve().parents[1] / "graphs" / "kr_nst_roadmap_2_ai_bio.yaml"
MARK_PREFIXES = ("added:", "removed:", "changed:", "edge-added:", "edge-removed:", "edge-changed:")


def edited_text() -> str:
    """The bundled roadmap with a hypothetical revision: an enabling technology added under a
    bio core technology, one inferred link dropped, a node renamed, a target tightened."""
    src = BUNDLED.read_text(encoding="utf-8")
    edits = [
        (
            "      - {id: next_gen_cell_therapy, provenance: inferred, note: *gene_children, sources: *gene_quote}\n",
            "      - {id: next_gen_cell_therapy, provenance: inferred, note: *gene_children, sources: *gene_quote}\n"
            "      - {id: gene_editing, provenance: inferred, note: Hypothetical revision.}\n",
        ),
        (
            "  - id: rna_platform\n    kind: enabling_technology\n",
            "  - id: gene_editing\n    kind: enabling_technology\n    field: bio\n    name: 유전자 편집\n"
            "    name_en: Gene editing\n    provenance: inferred\n\n  - id: rna_platform\n    kind: enabling_technology\n",
        ),
        (
            "    requires:\n      - id: rna_platform\n        provenance: inferred\n        note: >-\n"
            "          An mRNA vaccine is an RNA platform product; the release stresses mRNA's spill-over\n"
            "          to other fields but does not link the two.\n",
            "",
        ),
        ("    name_en: RNA platform\n", "    name_en: RNA platforms\n"),
        ("        value: 90\n", "        value: 95\n"),
    ]
    for old, new in edits:
        assert src.count(old) == 1, old
        src = src.replace(old, new)
    return src


@pytest.fixture(scope="module")
def edited_file(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("revision") / "revised.yaml"
    path.write_text(edited_text(), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def versions(edited_file):
    """Old and new graphs; the new one also loses an enabling technology (and its links)."""
    old = rg.to_networkx(rg.load_roadmap())
    new = rg.to_networkx(rg.load_roadmap([edited_file]))
    new.remove_node("brain_network_emulation")
    return old, new


def by_gid(ax, prefix: str) -> dict[str, object]:
    """The artists of ``ax`` whose gid starts with ``prefix``, by the rest of the gid."""
    found = {}
    for artist in [*ax.lines, *ax.patches, *ax.texts]:
        gid = artist.get_gid() or ""
        if gid.startswith(prefix):
            found[gid[len(prefix) :]] = artist
    return found


def dashed(artist) -> bool:
    """Whether a patch's outline is drawn with dashes."""
    return artist.get_linestyle() not in ("-", "solid")


def marked(ax) -> set[str]:
    """The gids of every diff mark drawn (boxes, bands, ghosted links; not badges)."""
    gids = {a.get_gid() or "" for a in [*ax.lines, *ax.patches, *ax.texts]}
    return {g for g in gids if g.startswith(MARK_PREFIXES)}


def expected_marks(old: nx.DiGraph, new: nx.DiGraph) -> set[str]:
    """What compare() reports, as the gids the figure must carry."""
    c = compare(old, new)
    out = {f"added:{n}" for n in c.nodes_added} | {f"removed:{n}" for n in c.nodes_removed}
    out |= {f"changed:{x.id}" for x in c.nodes_changed}
    out |= {f"edge-added:{x.source}->{x.target}" for x in c.links_added}
    out |= {f"edge-removed:{x.source}->{x.target}" for x in c.links_removed}
    out |= {f"edge-changed:{x.source}->{x.target}" for x in c.links_changed}
    return out


def test_bundled_diff_marks_every_change(versions):
    old, new = versions
    ax = plot_diff(old, new, lang="en")
    expected = {
        "added:gene_editing",
        "changed:rna_platform",
        "changed:ai_mission_trustworthy",
        "removed:brain_network_emulation",
        "edge-added:bio_gene_cell_therapy->gene_editing",
        "edge-removed:mrna_platform->rna_platform",
        "edge-removed:ai_advanced_modeling->brain_network_emulation",
    }
    assert marked(ax) == expected == expected_marks(old, new)
    badges = set(by_gid(ax, "badge:"))
    assert badges == expected
    assert {by_gid(ax, "badge:")[g].get_text() for g in expected if g.startswith("added:")} == {"+"}
    assert by_gid(ax, "badge:")["changed:rna_platform"].get_text() == "~"
    assert by_gid(ax, "badge:")["removed:brain_network_emulation"].get_text() == "\u2212"
    # marks: colour and a second channel (solid / dash-dot / dashed outline)
    box = by_gid(ax, "added:")["gene_editing"]
    assert to_hex(box.get_edgecolor()) == ADDED_COLOUR.lower() and not dashed(box)
    box = by_gid(ax, "changed:")["rna_platform"]
    assert to_hex(box.get_edgecolor()) == CHANGED_COLOUR.lower() and dashed(box)
    band = by_gid(ax, "edge-added:")["bio_gene_cell_therapy->gene_editing"]
    assert to_hex(band.get_edgecolor()) == ADDED_COLOUR.lower()
    # the roadmap's own marks stay: every new node has its marker and label
    assert set(by_gid(ax, "node:")) == set(new) | {"brain_network_emulation"}
    assert set(by_gid(ax, "halo:")) == {g for g in expected if not g.startswith("edge-")}
    # the marks are ink (removed: ghost grey), told apart by glyph and line, never by a colour
    # that means something else (field, cross-field, highlight); links keep their encoding
    from roadmap_graph.vocabulary.visual import CROSS_FIELD, FIELD_PALETTE, GHOST, HIGHLIGHT, INK

    assert ADDED_COLOUR == CHANGED_COLOUR == INK and GHOST_COLOUR == GHOST
    for gid, badge in by_gid(ax, "badge:").items():
        face = to_hex(badge.get_bbox_patch().get_facecolor())
        assert face == (GHOST if gid.startswith(("removed:", "edge-removed:")) else INK), gid
        assert face not in {*FIELD_PALETTE, CROSS_FIELD, HIGHLIGHT}
    assert text("fig.cross_field", "en") in {t.get_text() for t in ax.get_legend().get_texts()}
    cross = by_gid(ax, "edge:")["bio_cloud_analysis_infra->cloud_optimization"]
    assert to_hex(cross.get_edgecolor()) == CROSS_FIELD
    # the title counts the changes
    title = by_gid(ax, "title")[""].get_text()
    assert "nodes +1 \u22121 ~2, links +1 \u22122 ~0" in title
    # a legend entry for each mark used
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    for key in ("fig.diff_node_added", "fig.diff_node_changed", "fig.diff_node_removed", "fig.diff_link_added", "fig.diff_link_removed"):
        assert text(key, "en") in legend
    assert text("fig.diff_link_changed", "en") not in legend  # no link changed: no entry
    plt.close(ax.figure)


def test_bundled_removed_nodes_and_links_are_ghosted(versions):
    old, new = versions
    ax = plot_diff(old, new, lang="ko")
    node = by_gid(ax, "node:")["brain_network_emulation"]
    assert node.get_alpha() == GHOST_ALPHA and to_hex(node.get_markerfacecolor()) != to_hex(by_gid(ax, "node:")["multimodal_ai"].get_markerfacecolor())
    assert to_hex(by_gid(ax, "label:")["brain_network_emulation"].get_color()) == GHOST_COLOUR.lower()
    box = by_gid(ax, "removed:")["brain_network_emulation"]
    assert to_hex(box.get_edgecolor()) == GHOST_COLOUR.lower() and dashed(box)
    for link in ("mrna_platform->rna_platform", "ai_advanced_modeling->brain_network_emulation"):
        ghost = by_gid(ax, "edge-removed:")[link]
        assert to_hex(ghost.get_edgecolor()) == GHOST_COLOUR.lower()
        assert dashed(ghost)
        assert link not in by_gid(ax, "edge:")  # a removed link is no edge of the new roadmap
        assert link in by_gid(ax, "arrow-removed:")
    # removed links keep where they ran: the old edge's route through the union's layout
    assert ghost.get_path().vertices.shape[0] > 2
    assert GHOST_DASH[1][0] > 0
    plt.close(ax.figure)


def test_bundled_layout_is_the_union_roadmaps(versions):
    old, new = versions
    ax = plot_diff(old, new, lang="en")
    marks = diff_marks(compare(old, new))
    plain = plot_roadmap(
        union_graph(old, new), lang="en", show_gateways=False, show_bottlenecks=False, bundle_support=False,
        title=diff_title(new, marks, "en"), legend_extra=diff_legend(marks, "en"),
    )  # fmt: skip
    where = {n: (a.get_xdata()[0], a.get_ydata()[0]) for n, a in by_gid(ax, "node:").items()}
    there = {n: (a.get_xdata()[0], a.get_ydata()[0]) for n, a in by_gid(plain, "node:").items()}
    assert set(new) <= set(where)
    for n in new:
        assert where[n] == pytest.approx(there[n])
    # the removed node stands in the row of its kind, among the new graph's nodes
    y = where["brain_network_emulation"][1]
    assert any(abs(y - where[n][1]) < 1e-9 for n in new if new.nodes[n]["kind"] == "enabling_technology")
    plt.close(ax.figure)
    plt.close(plain.figure)


def test_no_change_no_mark(G):
    ax = plot_diff(G, G.copy(), lang="en")
    assert marked(ax) == set() and by_gid(ax, "badge:") == {}
    assert "nodes +0 \u22120 ~0, links +0 \u22120 ~0" in by_gid(ax, "title")[""].get_text()
    plt.close(ax.figure)


# --- random roadmaps, random edits ---------------------------------------------------------


@st.composite
def revisions(draw):
    """A random roadmap graph and a randomly edited copy."""
    old = rg.to_networkx(draw(roadmaps()))
    new = old.copy()
    for _ in range(draw(st.integers(1, 5))):
        edit = draw(st.sampled_from(["remove_node", "add_node", "remove_link", "add_link", "rename", "provenance"]))
        nodes = sorted(new)
        links = sorted(new.edges())
        if edit == "remove_node" and nodes:
            new.remove_node(draw(st.sampled_from(nodes)))
        elif edit == "add_node":
            n = f"x{len(new)}_{draw(st.integers(0, 99))}"
            if n in new:
                continue
            new.add_node(n, kind="enabling_technology", field=draw(st.sampled_from(["ai", "bio"])), name=f"새 {n}", provenance="stated")
            parents = [m for m in nodes if new.nodes[m]["kind"] in ("mission", "core_technology")]
            if parents:
                new.add_edge(draw(st.sampled_from(parents)), n, relation="requires", group=None, provenance="stated")
        elif edit == "remove_link" and links:
            new.remove_edge(*draw(st.sampled_from(links)))
        elif edit == "add_link" and nodes:
            u, v = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
            technology = new.nodes[v]["kind"] in ("core_technology", "enabling_technology")
            if u != v and technology and not new.has_edge(u, v) and not nx.has_path(new, v, u) and new.nodes[u]["kind"] != "ecosystem_measure":
                new.add_edge(u, v, relation="requires", group=None, provenance="inferred")
        elif edit == "rename" and nodes:
            n = draw(st.sampled_from(nodes))
            new.nodes[n]["name"] = new.nodes[n]["name"] + "·개정"
        elif edit == "provenance" and links:
            u, v = draw(st.sampled_from(links))
            new.edges[u, v]["provenance"] = "inferred" if new.edges[u, v].get("provenance") != "inferred" else "stated"
    return old, new


@examples(100)
@given(revisions())
def test_marks_are_exactly_what_compare_finds(pair):
    old, new = pair
    ax = plot_diff(old, new, lang="en")
    try:
        assert marked(ax) == expected_marks(old, new)
        assert set(by_gid(ax, "badge:")) == expected_marks(old, new)
        # every node of the new version is drawn, every removed node too, ghosted
        nodes = by_gid(ax, "node:")
        assert set(nodes) == set(new) | set(old)
        for n in set(old) - set(new):
            assert nodes[n].get_alpha() == GHOST_ALPHA
    finally:
        plt.close(ax.figure)


@examples(100)
@given(revisions())
def test_union_holds_both_versions(pair):
    old, new = pair
    U = union_graph(old, new)
    assert set(U) == set(old) | set(new)
    assert set(new.edges()) <= set(U.edges()) <= set(new.edges()) | set(old.edges())
    assert nx.is_directed_acyclic_graph(U)
    for u, v in U.edges():
        if not new.has_edge(u, v):
            assert U.edges[u, v]["relation"] == old.edges[u, v]["relation"]


# --- command line and report ---------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_draw_diff_command(edited_file, tmp_path):
    out = tmp_path / "diff.svg"
    result = run("--lang", "en", "draw", "diff", str(BUNDLED), edited_file, "-o", str(out))
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    assert 'id="added:gene_editing"' in svg and 'id="edge-removed:mrna_platform-&gt;rna_platform"' in svg
    out2 = tmp_path / "diff2.png"
    result = run("draw", "diff", "--old", str(BUNDLED), "--new", edited_file, "-o", str(out2))
    assert result.exit_code == 0 and out2.stat().st_size > 10_000
    # with --evidence stated both sides lose their inferred links: the dropped link was inferred
    out3 = tmp_path / "diff3.svg"
    result = run("draw", "diff", str(BUNDLED), edited_file, "--evidence", "stated", "-o", str(out3))
    svg = out3.read_text(encoding="utf-8")
    assert result.exit_code == 0 and 'id="edge-removed:' not in svg and 'id="added:gene_editing"' in svg


@pytest.mark.parametrize(
    "args",
    [
        ("draw", "roadmap", "a.yaml", "b.yaml"),
        ("draw", "roadmap", "--old", "a.yaml"),
        ("draw", "coverage", "--new", "a.yaml"),
        ("draw", "diff", "a.yaml"),
        ("draw", "diff", "a.yaml", "b.yaml", "c.yaml"),
        ("draw", "diff", "--old", "a.yaml"),
        ("draw", "diff", "a.yaml", "b.yaml", "--mission", "ai_mission_agi"),
    ],
)
def test_draw_refuses_wrong_versions(args, tmp_path):
    result = CliRunner().invoke(cli, ["--lang", "en", *args, "-o", str(tmp_path / "f.svg")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and not (tmp_path / "f.svg").exists()


def test_report_with_and_without_baseline(edited_file, tmp_path):
    result = run("--lang", "en", "report", "-g", edited_file, "--baseline", str(BUNDLED), "-o", str(tmp_path / "r"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert page.count('<section id="changes">') == 1
    assert '<a href="#changes">Changes</a>' in page
    assert page.index('id="summary"') < page.index('id="changes"') < page.index('id="chain"')
    section = page[page.index('<section id="changes">') : page.index('<section id="chain">')]
    assert "Changes since National Strategic Technology" in section and "(2023-10-31)" in section
    assert section.count("<svg") == 1 and 'id="added:gene_editing"' in section
    assert 'data-table="nodes"' in section and 'data-table="links"' in section
    assert "gene_editing" in section and "RNA platforms" in section
    result = run("--lang", "en", "report", "-g", edited_file, "-o", str(tmp_path / "plain"))
    page = (tmp_path / "plain" / "index.html").read_text(encoding="utf-8")
    assert 'id="changes"' not in page and 'href="#changes"' not in page


def test_bundled_report_section_in_korean(versions):
    old, new = versions
    page = report_html(new, lang="ko", baseline=old)
    section = page[page.index('<section id="changes">') : page.index('<section id="chain">')]
    assert "이후 변경" in section and "추가" in section and "삭제" in section
