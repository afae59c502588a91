"""The README's examples work as written: the file-format example validates as copied, and
the Windows quick start is the POSIX one with Windows paths."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from roadmap_graph.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_file_format_example_validates_as_copied(tmp_path):
    blocks = re.findall(r"```yaml\n(.*?)```", _section("The file format"), flags=re.S)
    assert blocks, "the file-format section has a yaml example"
    path = tmp_path / "my_roadmap.yaml"
    path.write_text(blocks[0], encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", "en", "validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_windows_quick_start_mirrors_the_posix_one():
    section = _section("Quick start")
    blocks = re.findall(r"```(?:sh)?\n(.*?)```", section, flags=re.S)
    posix = [b.strip() for b in blocks if ".venv/bin/" in b]
    windows = [b.strip() for b in blocks if ".venv\\Scripts\\" in b]
    assert len(posix) == 2 and len(windows) == 2  # the two commands, in both forms
    for p, w in zip(posix, windows):
        as_posix = w.replace("py -m venv", "python3 -m venv").replace(".venv\\Scripts\\", ".venv/bin/").replace('".[dev]"', "'.[dev]'")
        assert as_posix == p
