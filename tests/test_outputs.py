"""The one writer: atomic, all or nothing, never over a roadmap file, never over a device.

First the library (:mod:`roadmap_graph.outputs`), then every command that writes a file
(draw, export, explore, report, schema) through click's runner. The tests run as root, for
whom ``chmod`` stops nothing: failures are ones root meets too (a file where a folder is
needed, ``/proc`` and ``/sys``, device nodes), and a full disk is monkeypatched.
"""

from __future__ import annotations

import ast
import errno
import os
import re
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import roadmap_graph as rg
from roadmap_graph.cli import cli
from roadmap_graph.errors import OutputError, OutputPathError
from roadmap_graph.fileformat.bundled import bundled_roadmap_paths
from roadmap_graph.outputs import check_outputs, protect_file, write_file, write_files, writer
from roadmap_graph.present.report import MARKER
from roadmap_graph.vocabulary.catalogue import CATALOGUE

from .conftest import HEADER, raises_en

TINY = HEADER + """\
nodes:
  - {id: ai_m, kind: mission, field: ai, name: 임무, requires: [ai_t]}
  - {id: bio_m, kind: mission, field: bio, name: 바이오 임무, requires: [ai_t]}
  - {id: ai_t, kind: core_technology, field: ai, name: 기술}
"""

OLD = b"old content\n"


def names(folder: Path) -> list[str]:
    """Everything in ``folder``: a temporary file left behind would show here."""
    return sorted(p.name for p in folder.iterdir())


def english(err: pytest.ExceptionInfo[Any]) -> str:
    return str(err.value.render("en"))


# --- special files ---------------------------------------------------------------------------


def make_special(kind: str, path: Path) -> Path:
    """Make a folder, device node, FIFO or socket at ``path``."""
    if kind == "folder":
        path.mkdir()
    elif kind == "character device":  # the numbers of /dev/full
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    elif kind == "block device":  # the numbers of /dev/loop0
        os.mknod(path, stat.S_IFBLK | 0o600, os.makedev(7, 0))
    elif kind == "FIFO":
        os.mkfifo(path)
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))
    else:
        raise AssertionError(kind)
    return path


def file_type(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


SPECIAL = ["folder", "character device", "block device", "FIFO", "socket"]


# --- writing -------------------------------------------------------------------------------


def test_writes_bytes_and_text_as_given(tmp_path):
    paths = write_files([(tmp_path / "a.bin", b"\x00\xff"), (str(tmp_path / "b.txt"), "줄\r\n끝\n")])
    assert paths == [tmp_path / "a.bin", tmp_path / "b.txt"]
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\xff"
    assert (tmp_path / "b.txt").read_bytes() == "줄\r\n끝\n".encode()  # no newline translation
    assert write_file(tmp_path / "c.csv", "가", encoding="utf-8-sig").read_bytes() == b"\xef\xbb\xbf" + "가".encode()
    assert write_files([]) == []


def test_makes_missing_parent_folders(tmp_path):
    path = write_file(tmp_path / "new" / "deeper" / "x.txt", "x")
    assert path.read_text(encoding="utf-8") == "x"
    assert names(tmp_path / "new" / "deeper") == ["x.txt"]


def test_replaces_an_existing_file(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(OLD)
    write_file(path, "new")
    assert path.read_text(encoding="utf-8") == "new" and names(tmp_path) == ["x.txt"]


class FullDisk(OSError):
    """A disk that takes half of what it is given and then is full."""

    def __init__(self) -> None:
        super().__init__(errno.ENOSPC, "No space left on device")

    def fail(self, fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise self


def fill_disk_on(monkeypatch: pytest.MonkeyPatch, name: str, *, fail: Callable[[int, bytes], None] | None = None) -> None:
    """Make the writer's staging of ``name`` fail as ``fail(fd, data)`` does (a full disk by
    default)."""
    real_write = writer._write_data
    fail = fail or FullDisk().fail

    def fake_write(fd: int, item: Any) -> None:
        if item.real.name == name:
            fail(fd, item.data)
        real_write(fd, item)

    monkeypatch.setattr(writer, "_write_data", fake_write)


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "x.txt"
    path.write_bytes(OLD)
    fill_disk_on(monkeypatch, "x.txt")
    with raises_en(OutputError, re.escape(f"cannot write {path}: No space left on device")) as info:
        write_file(path, "new " * 1000)
    assert info.value.path == str(path) and info.value.exit_code == 6
    assert path.read_bytes() == OLD and names(tmp_path) == ["x.txt"]


def test_a_failure_between_two_files_leaves_both_old_files(tmp_path, monkeypatch):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(OLD)
    b.write_bytes(OLD)

    def refuse_to_open(fd: int, data: bytes) -> None:  # a.txt is complete by the time b.txt is staged
        raise OSError(errno.ENOSPC, "No space left on device")

    fill_disk_on(monkeypatch, "b.txt", fail=refuse_to_open)
    with raises_en(OutputError, "cannot write .*b.txt"):
        write_files([(a, "new a"), (b, "new b")])
    assert a.read_bytes() == OLD and b.read_bytes() == OLD
    assert names(tmp_path) == ["a.txt", "b.txt"]


def test_new_files_are_not_created_when_a_later_one_fails(tmp_path, monkeypatch):
    fill_disk_on(monkeypatch, "b.txt")
    with pytest.raises(OutputError):
        write_files([(tmp_path / "a.txt", "a"), (tmp_path / "b.txt", "b")])
    assert names(tmp_path) == []


def test_a_failed_rename_keeps_the_files_not_yet_renamed(tmp_path, monkeypatch):
    """The documented limit: renames write no data, but one can fail after another."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(OLD)
    b.write_bytes(OLD)
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).name == "b.txt":
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with raises_en(OutputError, "b.txt: Input/output error"):
        write_files([(a, "new a"), (b, "new b")])
    assert a.read_text(encoding="utf-8") == "new a" and b.read_bytes() == OLD
    assert names(tmp_path) == ["a.txt", "b.txt"]


def test_an_interruption_leaves_no_temporary_file(tmp_path, monkeypatch):
    def interrupt(fd: int, data: bytes) -> None:
        raise KeyboardInterrupt

    fill_disk_on(monkeypatch, "x.txt", fail=interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_file(tmp_path / "x.txt", "x")
    assert names(tmp_path) == []


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    """``umask(mask)`` sets the process umask for the test; the old one comes back after."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def test_new_files_follow_the_umask(tmp_path, umask):
    umask(0o027)
    path = write_file(tmp_path / "x.txt", "x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # tempfile.mkstemp would give 0o600
    umask(0o022)
    assert stat.S_IMODE(write_file(tmp_path / "y.txt", "y").stat().st_mode) == 0o644


@pytest.mark.parametrize("mode", [0o600, 0o751, 0o444])
def test_replacing_a_file_keeps_its_permission_bits(tmp_path, umask, mode):
    path = tmp_path / "x.txt"
    path.write_bytes(OLD)
    path.chmod(mode)
    umask(0o022)
    write_file(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(path.stat().st_mode) == mode


# --- symbolic links as outputs -----------------------------------------------------------------


def test_a_symlink_output_writes_the_file_it_points_to(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(OLD)
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert write_file(link, "new") == link
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert names(tmp_path) == ["link.txt", "real.txt"]


def test_a_dangling_symlink_output_creates_the_file_it_points_to(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "made" / "there.txt")
    write_file(link, "new")
    assert link.is_symlink() and (tmp_path / "made" / "there.txt").read_text(encoding="utf-8") == "new"


def test_a_symlink_loop_is_an_output_error(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with raises_en(OutputError, "cannot write .*loop"):
        write_file(loop, "x")
    assert loop.is_symlink()


# --- protected files ----------------------------------------------------------------------------


@pytest.fixture
def roadmap(tmp_path: Path) -> Path:
    path = tmp_path / "my.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


def spellings(roadmap: Path) -> dict[str, Path]:
    """Other names of ``roadmap`` (same extension): relative, with ``..``, a symlink, a hard
    link, through a symlinked folder."""
    folder = roadmap.parent
    (folder / "sub").mkdir()
    soft, hard = folder / f"soft{roadmap.suffix}", folder / f"hard{roadmap.suffix}"
    soft.symlink_to(roadmap)
    os.link(roadmap, hard)
    (folder / "linked").symlink_to(folder)
    return {
        "itself": roadmap,
        "dotdot": folder / "sub" / ".." / roadmap.name,
        "relative": Path(os.path.relpath(roadmap)),
        "symlink": soft,
        "hardlink": hard,
        "symlinked folder": folder / "linked" / roadmap.name,
    }


WAYS = ["itself", "dotdot", "relative", "symlink", "hardlink", "symlinked folder"]


@pytest.mark.parametrize("way", WAYS)
def test_refuses_a_protected_file_however_named(roadmap, way):
    path = spellings(roadmap)[way]
    with raises_en(OutputPathError, rf"refusing to write {re.escape(str(path))}: it is the input roadmap file") as info:
        write_files([(roadmap.parent / "fine.txt", "x"), (path, "schema")], protect=[roadmap])
    assert info.value.exit_code == 6
    assert roadmap.read_text(encoding="utf-8") == TINY
    assert "fine.txt" not in names(roadmap.parent)  # refused before anything is written


@pytest.mark.parametrize("way", WAYS)
def test_refuses_a_file_the_loader_read(roadmap, way):
    rg.load_roadmap(str(roadmap))
    path = spellings(roadmap)[way]
    with raises_en(OutputPathError, "input roadmap file"):
        write_file(path, "schema")
    assert roadmap.read_text(encoding="utf-8") == TINY


def test_registered_paths_survive_a_change_of_folder(roadmap, monkeypatch):
    monkeypatch.chdir(roadmap.parent)
    protect_file("my.yaml")
    monkeypatch.chdir("/")
    with pytest.raises(OutputPathError):
        write_file(roadmap, "x")


def test_the_bundled_roadmap_is_protected_without_being_loaded(tmp_path):
    bundled = bundled_roadmap_paths()[0]
    before = bundled.read_bytes()
    link = tmp_path / "bundled.yaml"
    link.symlink_to(bundled)
    try:
        for path in (bundled, link):
            with raises_en(OutputPathError, "input roadmap file"):
                write_file(path, "x")
    finally:
        if bundled.read_bytes() != before:  # never leave the repository damaged
            bundled.write_bytes(before)
    assert bundled.read_bytes() == before


# --- what is not a regular file ----------------------------------------------------------------


@pytest.mark.parametrize("kind", SPECIAL)
def test_refuses_what_is_not_a_regular_file(tmp_path, kind):
    thing = make_special(kind, tmp_path / "thing")
    before = file_type(thing)
    expected = "it is a folder" if kind == "folder" else f"it is a {kind}"
    for path in (thing, tmp_path / "link-to-thing"):
        if path != thing:
            path.symlink_to(thing)
        with raises_en(OutputPathError, f"refusing to write {re.escape(str(path))}: {expected}"):
            write_files([(tmp_path / "fine.txt", "x"), (path, "x")])
        with pytest.raises(OutputPathError):
            check_outputs([path])
    assert file_type(thing) == before
    assert names(tmp_path) == ["link-to-thing", "thing"]


@pytest.mark.parametrize("below", ["x.txt", "sub/x.txt"])
def test_a_file_where_a_folder_is_needed(tmp_path, below):
    afile = tmp_path / "afile"
    afile.write_bytes(OLD)
    path = afile / below
    with raises_en(OutputPathError, rf"cannot write {re.escape(str(path))}: {re.escape(str(afile))} is a file, not a folder"):
        write_file(path, "x")
    assert afile.read_bytes() == OLD


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/proc/roadmap-graph-test.txt", "No such file or directory"),
        ("/sys/roadmap-graph-test.txt", "Permission denied"),
        ("/proc/roadmap-graph-test/x.txt", "cannot make the folder /proc/roadmap-graph-test: No such file or directory"),
    ],
)
def test_os_errors_are_output_errors_naming_the_path(path, reason):
    with raises_en(OutputError, rf"cannot write {re.escape(path)}: {reason}") as info:
        write_file(path, "x")
    assert not isinstance(info.value, OutputPathError)
    assert info.value.path == path and info.value.exit_code == 6
    assert not os.path.exists(path)


def test_unencodable_text_is_an_output_error(tmp_path):
    with raises_en(OutputError, "cannot write .*x.txt: 'utf-8' codec can't encode"):
        write_file(tmp_path / "x.txt", "lone surrogate \ud800")
    assert names(tmp_path) == []


def test_check_outputs_refuses_without_writing(tmp_path, roadmap):
    check_outputs([tmp_path / "new" / "x.txt", tmp_path / "y.txt"], protect=[roadmap])
    assert names(tmp_path) == ["my.yaml"]  # no folder made, nothing written
    with pytest.raises(OutputPathError):
        check_outputs([tmp_path / "y.txt", roadmap], protect=[roadmap])


# --- the layers and the messages ---------------------------------------------------------------


def test_outputs_do_not_import_the_file_format():
    """fileformat depends on outputs (it registers what it reads), never the other way round."""
    folder = Path(writer.__file__).parent
    for module in folder.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in imported if "fileformat" in m], module


def test_output_messages_are_in_both_languages():
    keys = [k for k in CATALOGUE if k.startswith("output.")]
    assert {"output.cannot_write", "output.not_regular", "output.parent_is_file", "output.cannot_make_folder"} <= set(keys)
    for key in keys:
        ko, en = CATALOGUE[key]
        assert set(re.findall(r"{(\w+)}", ko)) == set(re.findall(r"{(\w+)}", en)), key
        assert not re.search(r"[\uac00-\ud7a3]", en), key
        assert re.search(r"[\uac00-\ud7a3]", ko), key


# --- every command that writes ------------------------------------------------------------------


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["--lang", "en", *map(str, args)])


#: Each command writing one file, as a function of the output path (all take an .svg name).
FILE_COMMANDS: dict[str, Callable[[Path], list[str | Path]]] = {
    "draw": lambda out: ["draw", "coverage", "-o", out],
    "export": lambda out: ["export", "--format", "dot", "-o", out],
    "explore": lambda out: ["explore", "-o", out],
    "schema": lambda out: ["schema", "-o", out],
}


def run_file_command(command: str, roadmap: Path, out: Path) -> Result:
    return run("-g", roadmap, *FILE_COMMANDS[command](out))


def run_report(roadmap: Path, out: Path | str) -> Result:
    return run("-g", roadmap, "report", "-o", out)


def refused(result: Result, path: Path | str, why: str) -> None:
    assert result.exit_code == 6, result.output
    assert str(path) in result.stderr and why in result.stderr, result.stderr
    assert "internal error" not in result.stderr and result.stdout == ""


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_command_makes_missing_folders(command, roadmap, tmp_path):
    out = tmp_path / "new" / "deeper" / "out.svg"
    result = run_file_command(command, roadmap, out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0 and f"wrote {out}" in result.stderr


def test_report_makes_missing_folders(roadmap, tmp_path):
    out = tmp_path / "new" / "deeper" / "report"
    result = run_report(roadmap, out)
    assert result.exit_code == 0, result.output
    assert names(out) == sorted([MARKER, "explorer.html", "index.html"])
    assert f"wrote {out / 'index.html'}" in result.stderr


@pytest.mark.parametrize("way", ["itself", "dotdot", "symlink", "hardlink"])
@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_command_never_writes_over_the_roadmap(command, way, tmp_path):
    """The roadmap is called ``my.svg`` (YAML inside) so that ``draw`` takes its name too."""
    roadmap = tmp_path / "my.svg"
    roadmap.write_text(TINY, encoding="utf-8")
    path = spellings(roadmap)[way]
    refused(run_file_command(command, roadmap, path), path, "is the input roadmap file")
    assert roadmap.read_text(encoding="utf-8") == TINY


def test_schema_never_writes_over_the_roadmap_it_does_not_load(roadmap):
    """``roadmap-graph -g my.yaml schema -o my.yaml`` used to replace the roadmap with the schema."""
    refused(run("-g", roadmap, "schema", "-o", roadmap), roadmap, "is the input roadmap file")
    assert roadmap.read_text(encoding="utf-8") == TINY


def test_schema_never_writes_over_the_bundled_roadmap():
    bundled = bundled_roadmap_paths()[0]
    before = bundled.read_bytes()
    try:
        refused(run("schema", "-o", bundled), bundled, "is the input roadmap file")
    finally:
        if bundled.read_bytes() != before:
            bundled.write_bytes(before)


@pytest.mark.parametrize("way", ["itself", "symlink", "hardlink"])
def test_report_never_writes_over_the_roadmap(way, tmp_path):
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / MARKER).write_text("roadmap-graph report folder\n", encoding="utf-8")
    roadmap = tmp_path / "my.yaml"
    roadmap.write_text(TINY, encoding="utf-8")
    if way == "itself":
        roadmap = roadmap.rename(folder / "index.html")
    elif way == "symlink":
        (folder / "explorer.html").symlink_to(roadmap)
    else:
        os.link(roadmap, folder / "index.html")
    refused(run_report(roadmap, folder), folder, "is the input roadmap file")
    assert roadmap.read_text(encoding="utf-8") == TINY
    assert [p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name != MARKER] == [TINY]


@pytest.mark.parametrize("kind", ["folder", "character device", "FIFO"])
@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_command_refuses_what_is_not_a_regular_file(command, kind, roadmap, tmp_path):
    thing = make_special(kind, tmp_path / "out.svg")
    before = file_type(thing)
    refused(run_file_command(command, roadmap, thing), thing, f"it is a {kind}")
    assert file_type(thing) == before


@pytest.mark.parametrize("command", ["export", "schema"])
def test_command_refuses_dev_full(command, roadmap):
    """As root, ``export -o /dev/full`` used to replace the device node with a regular file."""
    refused(run_file_command(command, roadmap, Path("/dev/full")), "/dev/full", "it is a character device")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("kind", ["folder", "character device", "FIFO"])
def test_report_refuses_what_is_not_a_regular_file(kind, roadmap, tmp_path):
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / MARKER).write_text("roadmap-graph report folder\n", encoding="utf-8")
    thing = make_special(kind, folder / "explorer.html")
    before = file_type(thing)
    refused(run_report(roadmap, folder), thing, f"it is a {kind}")
    assert file_type(thing) == before and names(folder) == sorted([MARKER, "explorer.html"])
    refused(run_report(roadmap, "/dev/full"), "/dev/full", "is a file; give a folder for the report")


def test_export_csv_refuses_a_device_among_its_files(roadmap, tmp_path):
    folder = tmp_path / "tables"
    folder.mkdir()
    thing = make_special("FIFO", folder / "edges.csv")
    refused(run("-g", roadmap, "export", "--format", "graph-csv", "-o", folder), thing, "it is a FIFO")
    assert names(folder) == ["edges.csv"] and stat.S_ISFIFO(os.lstat(thing).st_mode)


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_command_with_a_file_where_a_folder_is_needed(command, roadmap, tmp_path):
    afile = tmp_path / "afile"
    afile.write_bytes(OLD)
    out = afile / "x.svg"
    refused(run_file_command(command, roadmap, out), out, f"{afile} is a file, not a folder")
    assert afile.read_bytes() == OLD


def test_report_with_a_file_where_a_folder_is_needed(roadmap, tmp_path):
    afile = tmp_path / "afile"
    afile.write_bytes(OLD)
    refused(run_report(roadmap, afile / "sub"), afile / "sub", f"{afile} is a file, not a folder")
    refused(run_report(roadmap, afile), afile, "is a file; give a folder for the report")
    assert afile.read_bytes() == OLD


PLACES_ROOT_CANNOT_WRITE = [
    ("/proc/roadmap-graph-test.svg", "No such file or directory"),
    ("/sys/roadmap-graph-test.svg", "Permission denied"),
    ("/proc/roadmap-graph-test/x.svg", "cannot make the folder /proc/roadmap-graph-test"),
]


@pytest.mark.parametrize(("out", "reason"), PLACES_ROOT_CANNOT_WRITE)
@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_command_os_errors_exit_6_naming_the_path(command, out, reason, roadmap):
    result = run_file_command(command, roadmap, Path(out))
    refused(result, out, f"cannot write {out}: {reason}")


@pytest.mark.parametrize("out", ["/proc/roadmap-graph-report", "/sys/roadmap-graph-report"])
def test_report_os_errors_exit_6_naming_the_path(out, roadmap):
    refused(run_report(roadmap, Path(out)), out, "cannot write")


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_command_on_a_full_disk_keeps_the_old_file(command, roadmap, tmp_path, monkeypatch):
    out = tmp_path / "out.svg"
    out.write_bytes(OLD)
    fill_disk_on(monkeypatch, "out.svg")
    refused(run_file_command(command, roadmap, out), out, "No space left on device")
    assert out.read_bytes() == OLD and names(tmp_path) == ["my.yaml", "out.svg"]


def test_report_on_a_full_disk_keeps_the_old_report(roadmap, tmp_path, monkeypatch):
    folder = tmp_path / "report"
    assert run_report(roadmap, folder).exit_code == 0
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    fill_disk_on(monkeypatch, "explorer.html")  # index.html is complete by then
    refused(run_report(roadmap, folder), folder / "explorer.html", "No space left on device")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
