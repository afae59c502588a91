"""Where the bundled roadmap files are, in a source checkout and in an installed package.

The roadmap files live in the repository's top-level ``graphs/`` folder. A wheel ships them
inside the package as ``roadmap_graph/graphs/`` (see ``pyproject.toml``); an editable or
source-tree run finds them next to the package.

Importing this module registers the bundled files as protected: no output may replace
them (see :mod:`roadmap_graph.outputs.protected`). ``roadmap_graph.fileformat`` imports it,
so they are protected whenever the package is.
"""

from __future__ import annotations

from pathlib import Path

from ..outputs import protect_file

BUNDLED_FILES = ("kr_nst_roadmap_2_ai_bio.yaml",)
SCHEMA_FILE = "roadmap.schema.json"
#: The texts of the bundled roadmap's sources (``file`` of a source in its header), relative
#: to :func:`graphs_dir`: the ministry's release, with a header giving its origin.
SOURCE_TEXT_FILES = ("sources/msit_release_2023-10-31.txt",)


def graphs_dir() -> Path:
    """The folder that holds the bundled roadmap files and their JSON Schema."""
    package = Path(__file__).resolve().parents[1]  # the roadmap_graph package
    for candidate in (package / "graphs", package.parent / "graphs"):
        if (candidate / BUNDLED_FILES[0]).is_file():
            return candidate
    raise FileNotFoundError(
        f"the bundled roadmap is missing (looked in {package / 'graphs'} and "
        f"{package.parent / 'graphs'}); reinstall roadmap-graph"
    )


def bundled_roadmap_paths() -> list[Path]:
    """The files of the bundled roadmap (Ⅱ), AI and advanced bio, October 2023."""
    folder = graphs_dir()
    return [folder / name for name in BUNDLED_FILES]


def bundled_source_text_paths() -> list[Path]:
    """The source texts of the bundled roadmap (the ministry's release of 2023-10-31)."""
    folder = graphs_dir()
    return [folder / name for name in SOURCE_TEXT_FILES]


def _protect_bundled_files() -> None:
    try:
        paths = bundled_roadmap_paths() + bundled_source_text_paths()
    except FileNotFoundError:  # a broken installation: loading says so
        return
    for path in paths:
        protect_file(path)


_protect_bundled_files()
