"""Exports: each format is read back by a real reader, and writing is safe.

Readers: networkx (node-link, GraphML, GEXF, Cytoscape), igraph (GraphML), Graphviz ``dot``
(DOT), the ``csv`` module (CSV), and for Mermaid and Cypher, whose tools cannot run here,
strict checks of the grammar we emit plus a decoder of our own escaping.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import shutil
import stat
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given

import roadmap_graph as rg
from roadmap_graph.outputs import writer
from roadmap_graph.present import export
from roadmap_graph.present.export import FORMATS, OutputError, OutputPathError, export_graph, output_paths, render
from roadmap_graph.present.exports import (
    to_csv_tables,
    to_cypher,
    to_cytoscape,
    to_dot,
    to_gexf,
    to_graphml,
    to_mermaid,
    to_node_link,
)
from roadmap_graph.present.exports.attributes import flat_rows
from roadmap_graph.present.exports.diagrams import dot_quote, mermaid_ids, mermaid_text

from .strategies import roadmaps

NASTY = 'a "quoted" [x] (y) | #1; <b> & `c` \\ end'
LIST_KEYS = ("targets", "sources", "ignore")

from .conftest import examples, raises_en


def weird_graph() -> nx.DiGraph:
    """Ids a roadmap file cannot have (``:``, spaces, Hangul, DOT/Mermaid keywords) and nasty names."""
    G = nx.DiGraph(roadmap={"id": "weird", "title": '제목 "q"'}, fields={"f:1": {"name": "분야 [1]", "name_en": None}})

    def node(n: str, kind: str, name: str, name_en: str | None = None, field: str | None = "f:1") -> None:
        G.add_node(n, kind=kind, field=field, name=name, name_en=name_en, description=None,
                   description_en=None, category=None, targets=[], provenance=None,
                   sources=[{"source": "s", "quote": "원문 'x'", "note": None}], location=None, ignore=[])

    node("tech:semi", "core_technology", "반도체 " + NASTY, "Semi: O'Brien \\ \"q\"")
    node("end", "enabling_technology", "줄\n바꿈 \\ 끝\\", None)
    node("node", "enabling_technology", "노드")
    node("한글 id", "enabling_technology", "한글")
    node("o1", "ecosystem_measure", "생태계", field=None)
    G.add_edge("tech:semi", "end", relation="requires", group=0, provenance="stated", sources=[], note=NASTY)
    G.add_edge("tech:semi", "node", relation="requires", group=0, provenance=None, sources=[], note=None)
    G.add_edge("tech:semi", "한글 id", relation="requires", group=None, provenance=None, sources=[], note=None)
    G.add_edge("end", "o1", relation="supported_by", group=None, provenance=None, sources=[], note=None)
    return G


def assert_same_graph(H: nx.Graph, G: nx.Graph) -> None:
    assert list(H.nodes) == list(G.nodes)
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert {(u, v): d for u, v, d in H.edges(data=True)} == {(u, v): d for u, v, d in G.edges(data=True)}
    assert H.graph == G.graph


def assert_flat_matches(flat: dict[str, Any], original: dict[str, Any]) -> None:
    """A flattened attribute row read back carries every original attribute."""
    for key, value in original.items():
        if isinstance(value, (list, dict)):
            assert json.loads(flat[f"{key}_json"]) == value
        elif value is None:
            assert flat.get(key) in (None, ""), key
        else:
            assert flat[key] == value, key


# --- the API -------------------------------------------------------------------------------


def test_formats_are_the_issue_contract():
    assert FORMATS == ("node-link", "graphml", "gexf", "cytoscape", "dot", "mermaid", "graph-csv", "cypher")


def test_unknown_format_lists_the_formats(G, tmp_path):
    with raises_en(rg.InvalidOptionError, r"did you mean 'graphml'.*node-link, graphml, gexf"):
        export_graph(G, "grapml", tmp_path / "x")
    assert list(tmp_path.iterdir()) == []


def test_unknown_lang_is_refused(G, tmp_path):
    with raises_en(rg.InvalidOptionError, "no language .fr.; languages: ko, en"):
        export_graph(G, "dot", tmp_path / "x.dot", lang="fr")
    with pytest.raises(rg.InvalidOptionError):
        to_mermaid(G, lang="de")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_utf8_files_and_returns_them(G, tmp_path, fmt):
    written = export_graph(G, fmt, tmp_path / "out" / f"roadmap.{fmt}")
    assert written == output_paths(fmt, tmp_path / "out" / f"roadmap.{fmt}")
    texts = render(G, fmt)
    assert len(texts) == len(written)
    for path, text in zip(written, texts):
        raw = path.read_bytes()
        encoding = "utf-8-sig" if fmt == "graph-csv" else "utf-8"
        assert raw.decode(encoding) == text
        assert "합성생물학" in text  # Korean as Korean, never as \uXXXX or &#...;


# --- node-link JSON ------------------------------------------------------------------------


def test_node_link_round_trips_the_bundled_graph(G, tmp_path):
    (path,) = export_graph(G, "node-link", tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "edges" in data and "links" not in data
    assert_same_graph(nx.node_link_graph(data, edges="edges"), G)


def test_node_link_is_a_copy(G):
    data = to_node_link(G)
    data["graph"]["roadmap"]["id"] = "changed"
    data["nodes"][0]["targets"].append({})
    assert G.graph["roadmap"]["id"] == "kr_nst_roadmap_2"
    assert {} not in G.nodes[data["nodes"][0]["id"]]["targets"]


@examples(100)
@given(roadmaps())
def test_node_link_round_trips_random_roadmaps(roadmap):
    G = rg.to_networkx(roadmap)
    text = export.render(G, "node-link")[0]
    assert_same_graph(nx.node_link_graph(json.loads(text), edges="edges"), G)


# --- GraphML -------------------------------------------------------------------------------


def graphml_keys(text: str) -> list[tuple[str, str, str, str]]:
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(text.encode("utf-8"))
    return [(k.get("id"), k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in root.findall("g:key", ns)]


def test_graphml_reads_back_in_networkx(G):
    H = nx.read_graphml(io.BytesIO(to_graphml(G).encode("utf-8")))
    assert list(H.nodes) == list(G.nodes)
    assert set(H.edges) == set(G.edges)
    for n, d in G.nodes(data=True):
        assert H.nodes[n]["label"] == d["name"]
        assert_flat_matches(H.nodes[n], d)
    for u, v, d in G.edges(data=True):
        assert_flat_matches(H.edges[u, v], d)
        assert isinstance(H.edges[u, v].get("group", 0), int)
    assert json.loads(H.graph["roadmap_json"]) == G.graph["roadmap"]
    assert json.loads(H.graph["fields_json"]) == G.graph["fields"]


def test_graphml_declares_one_type_per_attribute(G):
    G = G.copy()  # the bundled roadmap has no alternatives: give one edge a group
    G.edges["bio_gene_delivery", "rna_platform"]["group"] = 0
    keys = graphml_keys(to_graphml(G))
    ids = [k[0] for k in keys]
    assert len(ids) == len(set(ids))
    names = [(k[1], k[2]) for k in keys]
    assert len(names) == len(set(names))  # one <key> per (scope, name): one type each
    types = {(k[1], k[2]): k[3] for k in keys}
    assert types["node", "label"] == "string"
    assert types["edge", "group"] == "long"
    assert types["node", "targets_json"] == "string"
    assert "description" in {k[2] for k in keys} or all(d["description"] is None for _, d in G.nodes(data=True))


def test_graphml_unifies_mixed_types(tmp_path):
    G = nx.DiGraph()
    G.add_node("a", name="가", v=1, w=True, x=[1])
    G.add_node("b", name="나", v=2.5, w="yes", x=None)
    G.add_node("c", name="다", v=None, w=None, x={"k": "값"})
    keys = graphml_keys(to_graphml(G))
    assert {(k[2], k[3]) for k in keys if k[1] == "node"} == {
        ("label", "string"), ("name", "string"), ("v", "double"), ("w", "string"), ("x_json", "string"),
    }
    igraph = pytest.importorskip("igraph", reason="igraph is a dev dependency: pip install -e .[dev]")
    path = tmp_path / "mixed.graphml"
    export_graph(G, "graphml", path)
    g = igraph.Graph.Read_GraphML(str(path))  # igraph refuses a name declared twice
    assert g.vs["v"][:2] == [1.0, 2.5]
    assert g.vs["w"][:2] == ["true", "yes"]


def test_graphml_reads_back_in_igraph(G, tmp_path):
    igraph = pytest.importorskip("igraph", reason="igraph is a dev dependency: pip install -e .[dev]")
    (path,) = export_graph(G, "graphml", tmp_path / "g.graphml", lang="en")
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.is_directed()
    assert g.vs["id"] == list(G.nodes)
    assert {(g.vs[e.source]["id"], g.vs[e.target]["id"]) for e in g.es} == set(G.edges)
    by_id = {v["id"]: v for v in g.vs}
    for n, d in G.nodes(data=True):
        assert by_id[n]["name"] == d["name"]
        assert by_id[n]["label"] == (d["name_en"] or d["name"])
        assert json.loads(by_id[n]["sources_json"]) == d["sources"]
    assert set(g.es["relation"]) == {"requires", "supported_by"}
    assert json.loads(g["roadmap_json"])["id"] == "kr_nst_roadmap_2"


@examples(50)
@given(roadmaps())
def test_graphml_round_trips_random_roadmaps(roadmap):
    G = rg.to_networkx(roadmap)
    H = nx.read_graphml(io.BytesIO(to_graphml(G).encode("utf-8")))
    assert list(H.nodes) == list(G.nodes) and set(H.edges) == set(G.edges)
    for n, d in G.nodes(data=True):
        assert_flat_matches(H.nodes[n], d)
    for u, v, d in G.edges(data=True):
        assert_flat_matches(H.edges[u, v], d)


def test_flat_rows_keeps_everything_and_one_type():
    rows = flat_rows([{"a": 1, "t": [{"x": "가"}], "start": 1}, {"a": 2.5, "t": None, "b": True}], reserved={"start"})
    assert rows == [
        {"a": 1.0, "t_json": '[{"x": "가"}]', "start_": 1, "b": None},
        {"a": 2.5, "t_json": None, "start_": None, "b": True},
    ]


# --- GEXF ----------------------------------------------------------------------------------


def test_gexf_reads_back_with_labels(G, tmp_path):
    (path,) = export_graph(G, "gexf", tmp_path / "g.gexf", lang="en")
    H = nx.read_gexf(path)
    assert list(H.nodes) == list(G.nodes)
    assert set(H.edges) == set(G.edges)
    for n, d in G.nodes(data=True):
        assert H.nodes[n]["label"] == (d["name_en"] or d["name"])
        assert_flat_matches(H.nodes[n], d)
    for u, v, d in G.edges(data=True):
        assert_flat_matches(H.edges[u, v], d)
    text = path.read_text(encoding="utf-8")
    assert re.search(r"<graph [^>]*name=", text) is None  # not allowed by the GEXF 1.2 schema
    assert 'mode="static"' in text and "dynamic" not in text


def test_gexf_never_turns_attributes_into_timeline():
    G = nx.DiGraph()
    G.add_node("a", name="가", start=2025, end="2030", spells="x", viz="y", pid="p")
    G.add_node("b", name="나")
    G.add_edge("a", "b", start=1, weight="heavy", type="t", id="e")
    text = to_gexf(G)
    root = ET.fromstring(text.encode("utf-8"))
    for element in root.iter():
        assert "start" not in element.attrib and "end" not in element.attrib
    titles = {e.get("title") for e in root.iter() if e.tag.endswith("attribute")}
    assert {"start", "end", "spells", "viz", "pid", "weight", "type", "id"}.isdisjoint(titles)
    H = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    assert H.nodes["a"]["start_"] == 2025 and H.nodes["a"]["end_"] == "2030" and H.nodes["a"]["label"] == "가"
    assert H.edges["a", "b"]["weight_"] == "heavy" and H.edges["a", "b"]["start_"] == 1


# --- Cytoscape.js ----------------------------------------------------------------------------


def test_cytoscape_elements(G):
    data = json.loads(export.render(G, "cytoscape", lang="ko")[0])
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert [e["data"]["id"] for e in nodes] == list(G.nodes)
    assert all(e["data"]["label"] == G.nodes[e["data"]["id"]]["name"] for e in nodes)
    edge_ids = [e["data"]["id"] for e in edges]
    assert len(set(edge_ids)) == len(edge_ids) and set(edge_ids).isdisjoint(G.nodes)
    assert all(e["data"]["source"] in G and e["data"]["target"] in G for e in edges)
    assert data["data"]["name"] == G.graph["roadmap"]["title"]
    assert data["directed"] is True


def test_cytoscape_reads_back_in_networkx(G):
    H = nx.cytoscape_graph(to_cytoscape(G))
    assert set(H.nodes) == set(G.nodes) and set(H.edges) == set(G.edges)
    for n, d in G.nodes(data=True):
        assert {k: v for k, v in H.nodes[n].items() if k not in ("id", "value", "label")} == d
    for u, v, d in G.edges(data=True):
        extra = ("id", "source", "target", "label")
        assert {k: val for k, val in H.edges[u, v].items() if k not in extra} == d


def test_cytoscape_keeps_reserved_attribute_names():
    G = nx.DiGraph()
    G.add_node("a", name="가", parent="p", label="L")
    G.add_node("a->b", name="노드")
    G.add_node("b", name="나")
    G.add_edge("a", "b", id="x", relation="requires", group=None)
    data = to_cytoscape(G)
    a = data["elements"]["nodes"][0]["data"]
    assert a["label"] == "가" and a["label_"] == "L" and a["parent_"] == "p" and "parent" not in a
    (edge,) = data["elements"]["edges"]
    assert edge["data"]["id"] not in G and edge["data"]["id_"] == "x"


# --- DOT -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("tech:semi", '"tech:semi"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\", '"back\\\\"'),
        ("two\nlines", '"two\\nlines"'),
        ("반도체", '"반도체"'),
        ("node", '"node"'),
    ],
)
def test_dot_quote(text, quoted):
    assert dot_quote(text) == quoted


def svg_titles(svg: str, cls: str) -> list[str]:
    root = ET.fromstring(svg.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    return [g.find(f"{ns}title").text for g in root.iter(f"{ns}g") if g.get("class") == cls]


def render_svg(dot_text: str) -> str:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz `dot` is not installed (apt-get install graphviz); CI installs it")
    done = subprocess.run(["dot", "-Tsvg"], input=dot_text.encode("utf-8"), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stderr == b"", done.stderr.decode("utf-8", "replace")  # no syntax warnings
    return done.stdout.decode("utf-8")


def test_dot_renders_the_bundled_graph(G):
    svg = render_svg(to_dot(G))
    assert sorted(svg_titles(svg, "node")) == sorted(G.nodes)
    assert len(svg_titles(svg, "edge")) == G.number_of_edges()
    assert "합성생물학" in svg and 'font-family="NanumGothic' in svg


def test_dot_keeps_weird_ids_whole():
    G = weird_graph()
    text = to_dot(G, lang="en")
    svg = render_svg(text)
    # a ':' would have made a port: "tech:semi" -> "end" must not create a node "tech"
    assert sorted(svg_titles(svg, "node")) == sorted(n.replace("\\", "\\\\") for n in G)
    assert len(svg_titles(svg, "edge")) == G.number_of_edges()
    assert "Semi: O&#39;Brien \\ &quot;q&quot;" in svg or "Semi: O'Brien \\ &quot;q&quot;" in svg
    assert ">바꿈 \\ 끝\\</text>" in svg  # the label's line break and backslashes survive
    assert "provenance" not in text and "sources" not in text  # no raw roadmap attributes


# --- Mermaid ---------------------------------------------------------------------------------

NODE_LINE = re.compile(r'^ {2,4}(?P<id>[A-Za-z0-9_]+)(?:\(\["|\["|\("|\[/")(?P<label>[^"]*)(?:"\]\)|"\]|"\)|"/\])$')
EDGE_LINE = re.compile(r'^  (?P<u>[A-Za-z0-9_]+) (?:-->|-\.->\|"(?P<alt>[^"]*)"\||--o\|"(?P<sup>[^"]*)"\|) (?P<v>[A-Za-z0-9_]+)$')
ENTITY = re.compile(r"#(quot|amp|lt|gt|\d+);")


def mermaid_decode(label: str) -> str:
    named = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
    decoded = ENTITY.sub(lambda m: named.get(m[1]) or chr(int(m[1])), label)
    return decoded.replace("<br>", "\n")


def parse_mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str, str | None, str | None]]]:
    lines = text.splitlines()
    assert lines[0] == "flowchart TB"
    labels, edges = {}, []
    for line in lines[1:]:
        if line.startswith(("  %% ", "  subgraph ", "  classDef ", "  class ")) or line == "  end":
            continue
        if m := NODE_LINE.match(line):
            labels[m["id"]] = m["label"]
        elif m := EDGE_LINE.match(line):
            edges.append((m["u"], m["v"], m["alt"], m["sup"]))
        else:
            pytest.fail(f"unexpected Mermaid line: {line!r}")
    return labels, edges


def test_mermaid_escapes_every_special_character():
    escaped = mermaid_text(NASTY)
    assert not set('"[]()|;<>&`{}#') & set(ENTITY.sub("", escaped))
    assert mermaid_decode(escaped) == NASTY


def test_mermaid_ids_are_valid_and_unique():
    ids = mermaid_ids(["end", "a:b", "a_b", "한글", "o1", "x1", "graph"])
    assert len(set(ids.values())) == len(ids)
    assert all(re.fullmatch(r"n_[A-Za-z0-9_]+", i) for i in ids.values())
    assert ids["end"] == "n_end" and ids["a_b"] == "n_a_b"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_mermaid_of_a_weird_graph(lang):
    G = weird_graph()
    text = to_mermaid(G, lang=lang)
    labels, edges = parse_mermaid(text)
    ids = mermaid_ids(G)
    assert labels == {ids[n]: mermaid_text(rg_label(d, lang)) for n, d in G.nodes(data=True)}
    assert {ids[n]: mermaid_decode(label) for n, label in ((n, labels[ids[n]]) for n in G)} == {
        ids[n]: rg_label(d, lang) for n, d in G.nodes(data=True)
    }
    assert sorted((u, v) for u, v, _, _ in edges) == sorted((ids[u], ids[v]) for u, v in G.edges)
    kinds = {(u, v): (alt, sup) for u, v, alt, sup in edges}
    assert kinds[ids["tech:semi"], ids["end"]][0] == ("2개 중 하나" if lang == "ko" else "one of 2")
    assert kinds[ids["end"], ids["o1"]][1] == ("지원" if lang == "ko" else "supported by")
    assert kinds[ids["tech:semi"], ids["한글 id"]] == (None, None)
    assert '  subgraph f_f_1["분야 #91;1#93;"]' in text.splitlines()


def rg_label(attrs: dict[str, Any], lang: str) -> str:
    return attrs["name_en"] if lang == "en" and attrs.get("name_en") else attrs["name"]


@examples(100)
@given(roadmaps())
def test_mermaid_of_random_roadmaps_parses(roadmap):
    G = rg.to_networkx(roadmap)
    labels, edges = parse_mermaid(to_mermaid(G, lang="en"))
    ids = mermaid_ids(G)
    assert {mermaid_decode(labels[ids[n]]) for n in G} == {rg_label(d, "en") for _, d in G.nodes(data=True)}
    assert len(edges) == G.number_of_edges()


def test_mermaid_of_the_bundled_graph(G):
    text = to_mermaid(G)
    labels, edges = parse_mermaid(text)
    assert len(labels) == len(G) and len(edges) == G.number_of_edges()
    assert text.count("  subgraph ") == len(G.graph["fields"]) and '  subgraph f_bio["첨단바이오"]' in text
    assert sum(1 for e in edges if e[2]) == sum(1 for *_, g in G.edges(data="group") if g is not None)


# --- CSV -------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_with_bom(G, tmp_path):
    nodes_path, edges_path = export_graph(G, "graph-csv", tmp_path / "new" / "tables")
    assert nodes_path.read_bytes().startswith(b"\xef\xbb\xbf") and edges_path.read_bytes().startswith(b"\xef\xbb\xbf")
    nodes, edges = read_csv(nodes_path), read_csv(edges_path)
    assert [r["id"] for r in nodes] == list(G.nodes)
    assert len(edges) == G.number_of_edges()
    for row in nodes:
        d = G.nodes[row["id"]]
        assert row["name"] == d["name"] and row["label"] == d["name"]
        assert_flat_matches(row, d)
    for row in edges:
        d = G.edges[row["source"], row["target"]]
        assert row["group"] == ("" if d["group"] is None else str(d["group"]))
        assert_flat_matches({**row, "group": d["group"]}, d)
    assert list(nodes[0])[:2] == ["id", "label"] and list(edges[0])[:3] == ["source", "target", "label"]


def test_csv_refuses_a_file_path(G, tmp_path):
    path = tmp_path / "tables.csv"
    path.write_text("old", encoding="utf-8")
    with raises_en(OutputPathError, "is a file; give a folder for the graph-csv export"):
        export_graph(G, "graph-csv", path)
    assert path.read_text(encoding="utf-8") == "old"


def test_csv_of_a_weird_graph_round_trips():
    G = weird_graph()
    nodes_text, edges_text = to_csv_tables(G, lang="en")
    nodes = list(csv.DictReader(nodes_text.splitlines(keepends=True)))
    assert {r["id"]: r["name"] for r in nodes} == {n: d["name"] for n, d in G.nodes(data=True)}
    assert nodes[0]["label"] == G.nodes["tech:semi"]["name_en"]
    assert len(list(csv.DictReader(edges_text.splitlines(keepends=True)))) == 4


# --- Cypher ----------------------------------------------------------------------------------

CYPHER_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^'\\]|\\.)*')|(?P<num>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<name>`(?:[^`]|``)*`|[A-Za-z_][A-Za-z0-9_]*)|(?P<punct>\+=|->|[{}()\[\]:,;=.\-]))"
)
CYPHER_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def cypher_tokens(statement: str) -> list[tuple[str, str]]:
    """Tokens of one statement; fails on anything outside the grammar (an unbalanced quote)."""
    tokens, pos = [], 0
    while pos < len(statement):
        m = CYPHER_TOKEN.match(statement, pos)
        assert m and m.end() > pos, f"cannot tokenize at {statement[pos:pos + 30]!r}"
        kind = m.lastgroup
        tokens.append((kind, m[kind]))
        pos = m.end()
    return tokens


def cypher_literal(kind: str, text: str) -> Any:
    if kind == "num":
        return float(text) if any(c in text for c in ".eE") else int(text)
    if kind == "name":
        return {"true": True, "false": False}[text]
    body, out, i = text[1:-1], [], 0
    while i < len(body):
        if body[i] == "\\":
            if body[i + 1] == "u":
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(CYPHER_ESCAPES[body[i + 1]])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def cypher_maps(tokens: list[tuple[str, str]]) -> list[dict[str, Any]]:
    maps, i = [], 0
    while i < len(tokens):
        if tokens[i] == ("punct", "{"):
            m, i = {}, i + 1
            while tokens[i] != ("punct", "}"):
                key = tokens[i][1].strip("`")
                assert tokens[i + 1] == ("punct", ":")
                m[key] = cypher_literal(*tokens[i + 2])
                i += 3
                if tokens[i] == ("punct", ","):
                    i += 1
            maps.append(m)
        i += 1
    return maps


def parse_cypher(text: str) -> tuple[dict[str, tuple[str, dict]], dict[tuple[str, str], tuple[str, dict]]]:
    nodes, rels = {}, {}
    for line in text.splitlines():
        if line.startswith("//") or not line:
            continue
        assert line.endswith(";"), line
        tokens = cypher_tokens(line)
        assert [t for t in tokens if t == ("punct", ";")] == [("punct", ";")]
        words = [t[1] for t in tokens]
        if words[0] == "CREATE":
            continue
        maps = cypher_maps(tokens)
        if words[0] == "MERGE":
            kind = words[words.index("SET") + 3]
            nodes[maps[0]["id"]] = (kind, maps[1])
        else:
            assert words[:2] == ["MATCH", "("] and "MERGE" in words
            rel = words[words.index("[") + 3]
            rels[maps[0]["id"], maps[1]["id"]] = (rel, maps[2])
    return nodes, rels


def expected_properties(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        if isinstance(value, (list, dict)):
            out[f"{key}_json"] = json.loads(json.dumps(value))
        elif value is not None:
            out[key] = value
    return out


def decoded(props: dict[str, Any]) -> dict[str, Any]:
    return {k: json.loads(v) if k.endswith("_json") else v for k, v in props.items()}


def check_cypher(G: nx.DiGraph) -> None:
    text = to_cypher(G)
    nodes, rels = parse_cypher(text)
    assert set(nodes) == set(G.nodes)
    assert set(rels) == set(G.edges)
    for n, d in G.nodes(data=True):
        kind, props = nodes[n]
        assert kind == "".join(p.capitalize() for p in d["kind"].split("_"))
        assert decoded(props) == expected_properties(d)
    for u, v, d in G.edges(data=True):
        rel, props = rels[u, v]
        assert rel == d["relation"].upper()
        assert decoded(props) == expected_properties(d)


def test_cypher_of_the_bundled_graph(G):
    check_cypher(G)
    text = to_cypher(G)
    assert text.count("MERGE (n:Node {id: ") == len(G)
    assert text.count("-[r:REQUIRES]->") + text.count("-[r:SUPPORTED_BY]->") == G.number_of_edges()
    assert "CREATE CONSTRAINT roadmap_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;" in text


def test_cypher_escapes_quotes_and_backslashes():
    G = weird_graph()
    check_cypher(G)
    text = to_cypher(G)
    assert "name_en: 'Semi: O\\'Brien \\\\ \"q\"'" in text
    assert "name: '줄\\n바꿈 \\\\ 끝\\\\'" in text
    assert all(line.endswith(";") for line in text.splitlines() if not line.startswith("//"))


@examples(100)
@given(roadmaps())
def test_cypher_of_random_roadmaps_parses_back(roadmap):
    check_cypher(rg.to_networkx(roadmap))


# --- protecting inputs, atomic writes --------------------------------------------------------


@pytest.fixture
def roadmap_file(tmp_path):
    """A copy of the bundled roadmap file, as an input the export must not overwrite."""
    path = tmp_path / "input.yaml"
    shutil.copyfile(_bundled_path(), path)
    return path


def _bundled_path() -> Path:
    from roadmap_graph.fileformat.bundled import bundled_roadmap_paths

    return bundled_roadmap_paths()[0]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "graph-csv"])
def test_refuses_to_overwrite_an_input_file(G, roadmap_file, fmt):
    before = roadmap_file.read_bytes()
    with raises_en(OutputPathError, "refusing to write .*input roadmap file"):
        export_graph(G, fmt, roadmap_file, protect=[str(roadmap_file)])
    assert roadmap_file.read_bytes() == before
    assert sorted(p.name for p in roadmap_file.parent.iterdir()) == ["input.yaml"]


def test_refuses_an_input_file_reached_another_way(G, roadmap_file):
    before = roadmap_file.read_bytes()
    link = roadmap_file.parent / "link.json"
    link.symlink_to(roadmap_file)
    for path in (link, roadmap_file.parent / "sub" / ".." / "input.yaml"):
        with pytest.raises(OutputPathError):
            export_graph(G, "node-link", path, protect=[roadmap_file])
    assert roadmap_file.read_bytes() == before


def test_refuses_an_input_file_inside_the_csv_folder(G, tmp_path):
    folder = tmp_path / "tables"
    folder.mkdir()
    nodes = folder / "nodes.csv"
    nodes.write_bytes(b"an input that happens to be called nodes.csv")
    with raises_en(OutputPathError, "nodes.csv"):
        export_graph(G, "graph-csv", folder, protect=[nodes])
    assert nodes.read_bytes() == b"an input that happens to be called nodes.csv"
    assert sorted(p.name for p in folder.iterdir()) == ["nodes.csv"]


def test_the_bundled_roadmap_is_always_protected(G):
    path = _bundled_path()
    before = path.read_bytes()
    try:
        with raises_en(OutputPathError, "input roadmap file"):
            export_graph(G, "graphml", path)
    finally:
        if path.read_bytes() != before:  # never leave the repository damaged
            path.write_bytes(before)
    assert path.read_bytes() == before


def test_refuses_a_folder_as_a_file_path(G, tmp_path):
    with raises_en(OutputPathError, "is a folder"):
        export_graph(G, "dot", tmp_path)


def fail_mid_write(monkeypatch, *, on_file: str) -> None:
    """Make the writer write half the data of ``on_file`` and then hit a full disk."""
    real_write = writer._write_data

    def fake_write(fd, item):
        if item.real.name == on_file:
            os.write(fd, item.data[: len(item.data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(fd, item)

    monkeypatch.setattr(writer, "_write_data", fake_write)


def test_a_failed_write_leaves_the_old_file(G, tmp_path, monkeypatch):
    path = tmp_path / "roadmap.graphml"
    path.write_text("old export", encoding="utf-8")
    fail_mid_write(monkeypatch, on_file="roadmap.graphml")
    with raises_en(OutputError, "No space left on device"):
        export_graph(G, "graphml", path)
    assert path.read_text(encoding="utf-8") == "old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roadmap.graphml"]  # no temporary file left


def test_a_failed_write_leaves_no_partial_file(G, tmp_path, monkeypatch):
    fail_mid_write(monkeypatch, on_file="roadmap.dot")
    with pytest.raises(OutputError):
        export_graph(G, "dot", tmp_path / "roadmap.dot")
    assert list(tmp_path.iterdir()) == []


def test_csv_is_all_or_nothing(G, tmp_path, monkeypatch):
    fail_mid_write(monkeypatch, on_file="edges.csv")  # nodes.csv is complete by then
    with raises_en(OutputError, "edges.csv"):
        export_graph(G, "graph-csv", tmp_path / "tables")
    assert list((tmp_path / "tables").iterdir()) == []


def test_an_unencodable_name_fails_cleanly(G, tmp_path):
    H = G.copy()
    H.nodes["bio_synthetic_biology"]["name"] = "lone surrogate \ud800"
    with raises_en(OutputError, "cannot write"):
        export_graph(H, "cytoscape", tmp_path / "g.cyjs")
    assert list(tmp_path.iterdir()) == []


def test_written_files_follow_the_umask(G, tmp_path):
    old = os.umask(0o022)
    try:
        (path,) = export_graph(G, "mermaid", tmp_path / "g.mmd")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # tempfile.mkstemp would give 0o600


# --- labels a person reads: no internal group numbers, no control characters ------------------

HOSTILE = "a\x00b\x07c\x1b[31md\re\x7ff\x85g\u2028h\ti\nj"


def grouped_graph(name: str = "임무") -> nx.DiGraph:
    """A node with two ``any_of`` groups (2 and 3 alternatives) and a plain requirement."""
    G = nx.DiGraph(roadmap={"id": "g", "title": name}, fields={"ai": {"name": name, "name_en": None}})
    for n, kind in [("m", "mission"), ("a", "core_technology"), ("b", "core_technology"), ("c", "core_technology"),
                    ("d", "core_technology"), ("e", "core_technology"), ("p", "core_technology")]:  # fmt: skip
        G.add_node(n, kind=kind, field="ai", name=f"{name} {n}", name_en=None)
    for v, group in [("a", 0), ("b", 0), ("c", 1), ("d", 1), ("e", 1), ("p", None)]:
        G.add_edge("m", v, relation="requires", group=group, provenance=None)
    return G


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_exports_label_alternatives_by_what_they_are(lang):
    G = grouped_graph()
    want = {
        "ko": {"a": "2개 중 하나 (묶음 1/2)", "c": "3개 중 하나 (묶음 2/2)", "p": "요구"},
        "en": {"a": "one of 2 (set 1 of 2)", "c": "one of 3 (set 2 of 2)", "p": "requires"},
    }[lang]
    cytoscape = {e["data"]["target"]: e["data"] for e in to_cytoscape(G, lang=lang)["elements"]["edges"]}
    _, edges_csv = to_csv_tables(G, lang=lang)
    csv_labels = {row["target"]: row for row in csv.DictReader(io.StringIO(edges_csv))}
    dot, mermaid = to_dot(G, lang=lang), to_mermaid(G, lang=lang)
    for v, label in want.items():
        assert cytoscape[v]["label"] == label and csv_labels[v]["label"] == label
    for label in ("2개 중 하나 (묶음 1/2)", "3개 중 하나 (묶음 2/2)") if lang == "ko" else ("one of 2 (set 1 of 2)", "one of 3 (set 2 of 2)"):
        assert f'label="{label}"' in dot and mermaid_text(label) in mermaid
    for text in (dot, mermaid, json.dumps(cytoscape, ensure_ascii=False), edges_csv, to_graphml(G, lang=lang), to_gexf(G, lang=lang)):
        assert not re.search(r"\bg[01]\b", text), text  # no internal group id in any label
    # the group number stays as a machine attribute for a program reading the file back
    assert cytoscape["c"]["group"] == 1 and csv_labels["c"]["group"] == "1"
    assert '"m" -> "c" [style="dashed", label=' in dot and 'any_of_group="1"' in dot
    H = nx.read_graphml(io.BytesIO(to_graphml(G, lang=lang).encode("utf-8")))
    assert H.edges["m", "e"]["group"] == 1 and H.edges["m", "e"]["label"] == want["c"]


def test_dot_with_groups_renders_without_warnings():
    svg = render_svg(to_dot(grouped_graph(), lang="en"))
    assert "one of 3 (set 2 of 2)" in svg and len(svg_titles(svg, "edge")) == 6


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_diagram_labels_carry_no_control_characters(lang):
    G = grouped_graph(HOSTILE)
    G.graph["roadmap"]["title"] = HOSTILE
    control = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
    dot = to_dot(G, lang=lang)
    mermaid = to_mermaid(G, lang=lang)
    for text in (dot, mermaid):
        assert not control.search(text), repr(control.findall(text))
    # what is kept: the letters, a line break as a line break, a tab as a space
    assert 'label="abc[31mdefgh i\\nj a"' in dot
    assert "abc#91;31mdefgh i<br>j" in mermaid
    mermaid_lines = mermaid.splitlines()
    assert all(line.startswith(("flowchart", "  ")) for line in mermaid_lines), mermaid_lines  # no line was split
    svg = render_svg(dot)
    assert len(svg_titles(svg, "node")) == G.number_of_nodes()
