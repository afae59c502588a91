"""A plain, non-editable install of the wheel finds the bundled roadmap and the page assets from anywhere.

The wheel is built from this checkout and installed into a throwaway virtual environment
that borrows only the dependencies (networkx, pydantic, ...) from the running one, so the
test needs no network. ``.ci/run`` repeats this with a full install from the registry.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling (dev extra)")
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(work / "dist"), str(ROOT)],
        check=True,
    )
    (wheel,) = (work / "dist").glob("roadmap_graph-*.whl")
    env_dir = work / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    site = subprocess.run(
        [str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    Path(site, "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return bin_dir


def test_summary_from_another_directory(installed, tmp_path):
    result = subprocess.run(
        [str(installed / "roadmap-graph"), "summary"],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", check=True,
    )
    assert "인공지능" in result.stdout and "첨단바이오" in result.stdout


def test_the_bundled_files_come_from_the_installed_package(installed, tmp_path):
    code = "import roadmap_graph.fileformat.bundled as b; print(b.graphs_dir()); print(b.bundled_roadmap_paths()[0].is_file())"
    out = subprocess.run(
        [str(installed / "python"), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.split()
    assert Path(out[0]).is_relative_to(installed.parent) and out[1] == "True"
    assert (Path(out[0]) / "roadmap.schema.json").is_file()
    # so do the bundled portfolio, found by name, and its schema
    assert (Path(out[0]) / "portfolio.schema.json").is_file()
    code = "import roadmap_graph as rg; print(len(rg.load_portfolio(rg.resolve_portfolio('kr_nst_roadmap_2_portfolio_example')).programmes))"
    assert subprocess.run([str(installed / "python"), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip() == "5"
    # the ministry's release text ships too: the report links the quotes into it
    assert (Path(out[0]) / "sources" / "msit_release_2023-10-31.txt").is_file()
    code = "import roadmap_graph as rg; from roadmap_graph.present.report import _texts; print(sorted(_texts(rg.to_networkx(rg.load_roadmap()))))"
    found = subprocess.run([str(installed / "python"), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert found.strip() == "['msit_release']"  # found beside the installed roadmap, as the report needs


def test_the_explorer_renders_from_the_installed_package(installed, tmp_path):
    """The explorer's template, stylesheet and script are package data in the wheel, found
    through importlib.resources and the Jinja2 loader from the installed package."""
    code = (
        "import roadmap_graph as rg; from importlib.resources import files; "
        "from roadmap_graph.present import templates; from roadmap_graph.present.explorer import explorer_html; "
        "page = explorer_html(rg.to_networkx(rg.load_roadmap())); "
        "print(files('roadmap_graph.present').joinpath('assets', 'explorer.js')); "
        "print(templates.environment().get_template('explorer.html').filename); "
        "print(page.startswith('<!DOCTYPE html>'), 'window.roadmapExplorer =' in page, 'FONT_STACK' not in page)"
    )
    out = subprocess.run(
        [str(installed / "python"), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert Path(out[0]).is_relative_to(installed.parent) and Path(out[0]).is_file()
    assert Path(out[1]).is_relative_to(installed.parent) and Path(out[1]).name == "explorer.html"
    assert out[2] == "True True True"
