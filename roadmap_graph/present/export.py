"""Export a roadmap graph to the files other tools read (``roadmap-graph export``).

============  ===============================  =============================================
format        output                           read by
============  ===============================  =============================================
node-link     JSON, edges under ``"edges"``    networkx ``node_link_graph(data, edges="edges")``
graphml       GraphML                          Gephi, Cytoscape, yEd, igraph, networkx
gexf          GEXF 1.2                         Gephi, Gephi Lite (graphology), networkx
cytoscape     Cytoscape.js JSON (``.cyjs``)    Cytoscape.js, Cytoscape desktop
dot           Graphviz DOT                     ``dot -Tsvg``, ``dot -Tpng``
mermaid       Mermaid flowchart                Markdown on GitHub, GitLab, MkDocs
graph-csv     a folder: nodes.csv, edges.csv   Gephi, pandas (UTF-8 with BOM; lists as JSON)
cypher        Cypher ``MERGE`` script          Neo4j ``cypher-shell --file``
csv           a folder, one CSV per sheet      Excel, a person: ``roadmap-graph import``
xlsx          one workbook                     Excel, LibreOffice: ``roadmap-graph import``
============  ===============================  =============================================

``csv`` and ``xlsx`` (:data:`SHEET_FORMATS`) are the roadmap itself, laid out for a person
to read and edit (:mod:`roadmap_graph.fileformat.sheets`), and read back without loss by
``roadmap-graph import``; :func:`export_sheets` writes them from the roadmap (the graph
does not keep a link as it was written). The others are the graph.

The pure functions (``to_graphml(G)`` and so on, in :mod:`roadmap_graph.exports`) return
the text, for notebooks; :func:`export_graph` writes it. ``lang`` picks the display label
(the Korean ``name``, or ``name_en`` where there is one); both names are always kept.

Writing goes through the one writer, :func:`roadmap_graph.outputs.write_files`: all or
nothing (every file goes to a temporary file in the target folder first, and only when all
are complete are they renamed over their targets), so a reader never sees half a file and a
failure leaves the old files as they were. An export never overwrites an input roadmap file
(those passed as ``protect``, those loaded, and the bundled roadmap).

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> render(G, "mermaid")[0].splitlines()[0]
'flowchart TB'
>>> [str(p) for p in output_paths("graph-csv", "out")]
['out/nodes.csv', 'out/edges.csv']

In a script, ``export_graph(G, "graphml", "roadmap.graphml")`` writes the file and returns
``[Path("roadmap.graphml")]``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from ..errors import OutputError, OutputPathError
from ..fileformat.model import Roadmap
from ..outputs import write_files
from ..vocabulary import Message, check_choice, check_lang, verbatim
from .exports import (
    to_csv_tables,
    to_cypher,
    to_cytoscape,
    to_dot,
    to_gexf,
    to_graphml,
    to_mermaid,
    to_node_link,
)
from .exports.json_formats import json_document
from .exports.sheets import SHEET_FILES, to_sheet_csvs, to_xlsx
from .exports.tables import CSV_ENCODING, CSV_FILES

__all__ = [
    "FORMATS",
    "SHEET_FORMATS",
    "OutputError",
    "OutputPathError",
    "export_graph",
    "export_sheets",
    "output_paths",
    "render",
    "to_csv_tables",
    "to_cypher",
    "to_cytoscape",
    "to_dot",
    "to_gexf",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
]

FORMATS = ("node-link", "graphml", "gexf", "cytoscape", "dot", "mermaid", "graph-csv", "cypher")
#: The formats of the roadmap as a workbook (:func:`export_sheets`).
SHEET_FORMATS = ("csv", "xlsx")
#: The formats that write a folder of files rather than one file.
FOLDER_FORMATS = frozenset({"graph-csv", "csv"})

_RENDERERS: dict[str, Callable[[nx.DiGraph, str], tuple[str, ...]]] = {
    "node-link": lambda G, lang: (json_document(to_node_link(G)),),
    "graphml": lambda G, lang: (to_graphml(G, lang=lang),),
    "gexf": lambda G, lang: (to_gexf(G, lang=lang),),
    "cytoscape": lambda G, lang: (json_document(to_cytoscape(G, lang=lang)),),
    "dot": lambda G, lang: (to_dot(G, lang=lang),),
    "mermaid": lambda G, lang: (to_mermaid(G, lang=lang),),
    "graph-csv": lambda G, lang: to_csv_tables(G, lang=lang),
    "cypher": lambda G, lang: (to_cypher(G),),
}


def _check_format(fmt: str) -> None:
    check_choice(fmt, FORMATS, "error.what_format")


def output_paths(fmt: str, path: str | os.PathLike[str]) -> list[Path]:
    """The files ``export_graph(G, fmt, path)`` writes: ``path``, or the files in folder ``path``."""
    _check_format(fmt)
    base = Path(path)
    return [base / name for name in CSV_FILES] if fmt in FOLDER_FORMATS else [base]


def sheet_output_paths(fmt: str, path: str | os.PathLike[str]) -> list[Path]:
    """The files ``export_sheets(roadmap, fmt, path)`` writes: ``path`` (xlsx), or the
    files in folder ``path`` (csv)."""
    check_choice(fmt, SHEET_FORMATS, "error.what_format")
    base = Path(path)
    return [base / name for name in SHEET_FILES] if fmt == "csv" else [base]


def render(G: nx.DiGraph, fmt: str, *, lang: str = "ko") -> tuple[str, ...]:
    """The text of each file of ``fmt``, in the order of :func:`output_paths`."""
    _check_format(fmt)
    check_lang(lang)
    return _RENDERERS[fmt](G, lang)


def export_graph(
    G: nx.DiGraph,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    lang: str = "ko",
    protect: Iterable[str | os.PathLike[str]] = (),
) -> list[Path]:
    """Write ``G`` as ``fmt`` to ``path`` (a folder for ``csv``); return the files written.

    Parameters
    ----------
    G
        A roadmap graph from :func:`roadmap_graph.to_networkx`.
    fmt
        One of :data:`FORMATS`.
    path
        The output file, or for ``csv`` the output folder (created if missing; its
        ``nodes.csv`` and ``edges.csv`` are replaced). Missing parent folders are created.
    lang
        ``"ko"`` or ``"en"``: the language of the display labels.
    protect
        Files that must not be overwritten: the input roadmap files. The bundled roadmap
        files and every roadmap file loaded in this process are always protected.

    Raises
    ------
    InvalidOptionError
        For an unknown format or language.
    OutputPathError
        When an output file is a protected input file, or ``path`` is a folder, device or
        FIFO where a file is needed (or a file where the csv folder is needed). Nothing is
        written.
    OutputError
        When writing fails (permissions, disk full); the old files are left as they were.
    """
    check_lang(lang)
    targets = output_paths(fmt, path)  # checks fmt
    if fmt in FOLDER_FORMATS:
        _check_folder(fmt, Path(path))
    texts = render(G, fmt, lang=lang)
    encoding = CSV_ENCODING if fmt == "graph-csv" else "utf-8"
    # the files of a folder format are named by the tool: a symbolic link there is refused
    follow = fmt not in FOLDER_FORMATS
    return write_files(zip(targets, texts), protect=protect, encoding=encoding, follow_links=follow)


def _check_folder(fmt: str, path: Path) -> None:
    """Refuse a file where the folder of a many-file format is to go."""
    if path.exists() and not path.is_dir():
        what = Message("output.what_export", format=verbatim(fmt))
        raise OutputPathError(str(path), Message("output.folder_is_file", path=verbatim(path), what=what))


def export_sheets(
    roadmap: Roadmap, fmt: str, path: str | os.PathLike[str], *, protect: Iterable[str | os.PathLike[str]] = ()
) -> list[Path]:
    """Write ``roadmap`` as a workbook (``fmt="xlsx"``, the file ``path``) or a folder of
    CSV files, one per sheet (``fmt="csv"``, the folder ``path``; UTF-8 with a byte order
    mark), in the layout ``roadmap-graph import`` reads back
    (:mod:`roadmap_graph.fileformat.sheets`); return the files written.

    Raises
    ------
    InvalidOptionError
        For a format that is not one of :data:`SHEET_FORMATS`.
    RoadmapGraphError
        For xlsx when openpyxl is not installed.
    OutputPathError, OutputError
        As :func:`export_graph`.
    """
    targets = sheet_output_paths(fmt, path)
    if fmt == "csv":
        _check_folder(fmt, Path(path))
        texts = to_sheet_csvs(roadmap)
        return write_files(zip(targets, texts), protect=protect, encoding=CSV_ENCODING, follow_links=False)
    return write_files([(targets[0], to_xlsx(roadmap))], protect=protect)
