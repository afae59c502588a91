"""One writer for every output: figures, exports, pages, the schema, roadmap files.

:func:`write_files` writes a set of files all or nothing, in five steps:

1. Every target is checked before anything is written, and refused with
   :class:`~roadmap_graph.errors.OutputPathError` when it is a protected file (a roadmap
   file this process read, the bundled roadmap, or one passed as ``protect``; see
   :mod:`roadmap_graph.outputs.protected`), an existing folder, device, FIFO or socket, or a
   path below something that is a file, not a folder.
2. Missing parent folders are made, and temporary files that an earlier run of this tool
   left in them when it was killed are removed (see *Temporary files* below).
3. Each file's data is staged in a temporary file in its target's folder, written and
   flushed to the disk (``fsync``). Where the system allows (Linux ``O_TMPFILE``) the
   temporary file has **no name** while it is written: if the process dies, the kernel
   frees it and nothing is left behind. Elsewhere it is a named file created with
   ``open(..., "xb")``. Either way it follows the umask (``tempfile.mkstemp`` would make
   every output 0600), and when the target exists its permission bits are copied onto it:
   **an existing output keeps its permissions**.
4. The commit, only when every file is staged: each target is checked again (it must still
   be a regular file or missing), each unnamed temporary file is given a name
   (``linkat``), and then the names are renamed over their targets one right after the
   other, with nothing in between.
5. The folders are flushed (``fsync``), so the renames survive a power cut.

**What a kill leaves.** A ``SIGKILL`` (or a crash, a power cut) while the content is made or
staged leaves every old file as it was and, with ``O_TMPFILE``, no temporary file at all. The
one window left is the commit of a set of several files (a report's ``index.html`` and
``explorer.html``; a CSV export's ``nodes.csv`` and ``edges.csv``): between the first rename
and the last, a few system calls apart (microseconds; nothing is written or computed
there), a kill leaves the files renamed so far new and the others old, and their named
temporary files behind. POSIX has no call that renames several files at once, so that
window cannot be closed without changing the layout of the output folder. Every single
file is always wholly old or wholly new.

**Temporary files** are named ``.roadmap-graph-<pid>-<random>.tmp`` (``<pid>`` the writing
process). Each write to a folder first removes the regular files of that pattern whose
process is gone, so what a killed run left does not pile up. A live process's files are
left alone (two runs may write to the same folder at once).

**Symbolic links.** A path the user named as an output (``export -o FILE``) may be a
symbolic link and is followed, as a shell's ``>`` does: the file it points to is replaced and
the link stays a link. It is refused when that file is protected or is not a regular file;
a link that points nowhere creates the file it points to. A file the tool names itself
inside an output folder (the report's ``index.html``, the CSV export's ``nodes.csv``) is
written with ``follow_links=False``: a symbolic link there is refused, since nobody asked
to write where it points. A hard-linked target is replaced by a new file: its other names
keep the old content.

Any failure of the operating system (a full disk, a read-only folder, no permission)
becomes :class:`~roadmap_graph.errors.OutputError` naming the output and the reason; the
temporary files are removed and the old files are left as they were (folders made in step
2 stay).

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> write_file(f"{folder}/new/hello.txt", "안녕\\n").read_text(encoding="utf-8")
'안녕\\n'
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeAlias

from ..errors import OutputError, OutputPathError
from ..vocabulary import Message, verbatim
from .protected import PathLike, protected_source

#: What a file holds: bytes as they are, or text to encode.
Content: TypeAlias = bytes | str

#: The name of this tool's temporary files; the group is the process that made the file.
TEMPORARY_NAME = re.compile(r"\.roadmap-graph-(\d+)-[0-9a-f]{12}\.tmp")

__all__ = ["TEMPORARY_NAME", "Content", "check_outputs", "write_file", "write_files"]


def write_file(
    path: PathLike,
    content: Content,
    *,
    protect: Iterable[PathLike] = (),
    encoding: str = "utf-8",
    follow_links: bool = True,
) -> Path:
    """Write one file atomically (see :func:`write_files`) and return its path."""
    return write_files([(path, content)], protect=protect, encoding=encoding, follow_links=follow_links)[0]


def write_files(
    files: Iterable[tuple[PathLike, Content]],
    *,
    protect: Iterable[PathLike] = (),
    encoding: str = "utf-8",
    follow_links: bool = True,
) -> list[Path]:
    """Write every ``(path, content)`` or none, and return the paths as given.

    Text is encoded with ``encoding`` and written as it is (no newline translation).
    ``protect`` names files that must not be replaced, besides those this process read.
    ``follow_links=False`` refuses a target that is a symbolic link: pass it for files whose
    names the tool chose itself (see the module docstring).

    Raises
    ------
    OutputPathError
        When a path is refused; nothing is written.
    OutputError
        When the operating system fails a write; the old files are left as they were.
    """
    protected = tuple(protect)
    plan = [_plan(Path(path), content, protected, encoding, follow_links) for path, content in files]
    for item in plan:
        _make_folder(item)
    for folder in dict.fromkeys(item.real.parent for item in plan):
        remove_stale_temporaries(folder)
    staged: list[_Staged] = []
    try:
        for item in plan:
            staged.append(_stage(item))
        _commit(staged)
    finally:
        for entry in staged:
            entry.discard()
    return [item.path for item in plan]


def check_outputs(
    paths: Iterable[PathLike], *, protect: Iterable[PathLike] = (), follow_links: bool = True
) -> None:
    """Refuse now what :func:`write_files` would refuse, before slow work makes the content.

    Raises :class:`~roadmap_graph.errors.OutputPathError` (or
    :class:`~roadmap_graph.errors.OutputError` when a path cannot even be looked at); the
    writer checks again when it writes.
    """
    protected = tuple(protect)
    for path in paths:
        _examine(Path(path), protected, follow_links)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files a killed run of this tool left in ``folder``; return them.

    Only regular files named like :data:`TEMPORARY_NAME` whose process no longer runs are
    removed; a folder that cannot be read is left alone (the write itself will say why).
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = TEMPORARY_NAME.fullmatch(entry.name)
        if match is None or _running(int(match.group(1))):
            continue
        with suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    """Whether process ``pid`` runs (this one included); a process of another user counts."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return pid > 0
    return True


@dataclass(frozen=True)
class _Planned:
    """One file to write: the path as given (for messages), the file it replaces (links
    followed), its data, the permission bits to keep (``None`` for a new file), and whether
    a link at ``path`` is refused."""

    path: Path
    real: Path
    data: bytes
    mode: int | None
    follow_links: bool


def _plan(path: Path, content: Content, protect: tuple[PathLike, ...], encoding: str, follow_links: bool) -> _Planned:
    """Check ``path`` as an output and encode its content, writing nothing."""
    try:
        data = content.encode(encoding) if isinstance(content, str) else content
    except UnicodeError as err:
        raise OutputError(str(path), Message("output.cannot_write", path=verbatim(path), reason=verbatim(err))) from err
    real, mode = _examine(path, protect, follow_links)
    return _Planned(path, real, data, mode, follow_links)


def _examine(path: Path, protect: tuple[PathLike, ...], follow_links: bool) -> tuple[Path, int | None]:
    """The file ``path`` would replace (links followed) and its permission bits (``None``
    for a new file); raise when ``path`` is refused."""
    real = Path(os.path.realpath(path))
    source = protected_source(real, protect)
    if source is not None:
        raise OutputPathError(str(path), Message("output.input_file", path=verbatim(path), source=verbatim(source)))
    if not follow_links and os.path.islink(path):
        raise OutputPathError(str(path), Message("output.link_refused", path=verbatim(path)))
    _check_folders(path, real)
    return real, _mode_to_keep(path, real)


def _check_folders(path: Path, real: Path) -> None:
    """Refuse ``path`` when the nearest existing folder above it is a file (named as the
    user spelled it, unless ``path`` is a link and the file is above where it points)."""
    for above in (real if os.path.islink(path) else path).parents:
        if os.path.lexists(above):
            if not above.is_dir():
                message = Message("output.parent_is_file", path=verbatim(path), parent=verbatim(above))
                raise OutputPathError(str(path), message)
            return


def _mode_to_keep(path: Path, real: Path) -> int | None:
    """The permission bits of the regular file at ``real``, ``None`` when there is none;
    refuse a folder, a device, a FIFO or a socket."""
    try:
        info = os.stat(real)
    except FileNotFoundError:
        return None
    except OSError as err:  # a symbolic link loop, no permission to look
        raise _cannot_write(path, err) from err
    _refuse_special(path, info.st_mode)
    return stat.S_IMODE(info.st_mode)


def _refuse_special(path: Path, mode: int) -> None:
    """Raise unless ``mode`` is a regular file's."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise OutputPathError(str(path), Message("output.file_is_folder", path=verbatim(path)))
    kind = Message(_special_kind(mode))
    raise OutputPathError(str(path), Message("output.not_regular", path=verbatim(path), kind=kind))


def _special_kind(mode: int) -> str:
    """The catalogue key naming what a file that is neither regular nor a folder is."""
    if stat.S_ISCHR(mode):
        return "output.kind_char_device"
    if stat.S_ISBLK(mode):
        return "output.kind_block_device"
    if stat.S_ISFIFO(mode):
        return "output.kind_fifo"
    if stat.S_ISSOCK(mode):
        return "output.kind_socket"
    return "output.kind_other"


def _make_folder(item: _Planned) -> None:
    folder = item.real.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        where = verbatim(err.filename or folder)
        reason = verbatim(err.strerror or err)
        message = Message("output.cannot_make_folder", path=verbatim(item.path), folder=where, reason=reason)
        raise OutputError(str(item.path), message) from err


# --- staging and committing ----------------------------------------------------------------


@dataclass
class _Staged:
    """A file's data on disk, not yet in place: an unnamed file open as ``fd`` (until the
    commit names it) or a named temporary file ``name``."""

    item: _Planned
    fd: int | None = None
    name: Path | None = None
    done: bool = False

    def discard(self) -> None:
        """Close and remove whatever is left of the temporary file (nothing once renamed)."""
        if self.fd is not None:
            with suppress(OSError):
                os.close(self.fd)
            self.fd = None
        if self.name is not None and not self.done:
            _remove(self.name)


def _temporary_name(folder: Path) -> Path:
    return folder / f".roadmap-graph-{os.getpid()}-{secrets.token_hex(6)}.tmp"


def _stage(item: _Planned) -> _Staged:
    """Write ``item``'s data to a new temporary file in its target's folder, flushed to disk
    and with the permission bits to keep."""
    staged = _Staged(item)
    try:
        staged.fd = _open_unnamed(item.real.parent)
        if staged.fd is None:
            staged.name = _temporary_name(item.real.parent)
            staged.fd = os.open(staged.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        _write_data(staged.fd, item)
        if item.mode is not None:
            os.fchmod(staged.fd, item.mode)
        os.fsync(staged.fd)
    except BaseException as err:
        staged.discard()
        if isinstance(err, OSError):
            raise _cannot_write(item.path, err) from err
        raise
    if staged.name is not None:  # a named file needs no descriptor any more
        os.close(staged.fd)
        staged.fd = None
    return staged


def _write_data(fd: int, item: _Planned) -> None:
    """Write all of ``item.data`` to ``fd``."""
    view = memoryview(item.data)
    while view:
        view = view[os.write(fd, view) :]


#: ``O_TMPFILE`` where the system has it; set to ``None`` once a folder shows it does not work.
_O_TMPFILE: int | None = getattr(os, "O_TMPFILE", None)


def _open_unnamed(folder: Path) -> int | None:
    """An unnamed file in ``folder`` open for writing, or ``None`` where there is none."""
    if _O_TMPFILE is None:
        return None
    try:
        return os.open(folder, _O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o666)
    except OSError as err:
        # Not supported by this file system (EOPNOTSUPP), or a kernel without O_TMPFILE
        # (EISDIR, EINVAL): a named temporary file does the job.
        if err.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return None
        raise


def _commit(staged: list[_Staged]) -> None:
    """Put every staged file in place, the renames one right after the other."""
    for entry in staged:
        _check_again(entry.item)
    for entry in staged:
        if entry.name is None:
            _name_unnamed(entry)
    for entry in staged:
        assert entry.name is not None
        try:
            os.replace(entry.name, entry.item.real)
        except OSError as err:
            raise _cannot_write(entry.item.path, err) from err
        entry.done = True
    for folder in dict.fromkeys(entry.item.real.parent for entry in staged):
        _flush_folder(folder, staged[0].item.path)


def _check_again(item: _Planned) -> None:
    """Refuse ``item`` if its target turned into a link, a folder or a device since it was
    examined (what :func:`os.replace` would otherwise put a regular file in place of)."""
    if not item.follow_links and os.path.islink(item.path):
        raise OutputPathError(str(item.path), Message("output.link_refused", path=verbatim(item.path)))
    try:
        info = os.lstat(item.real)
    except FileNotFoundError:
        return
    except OSError as err:
        raise _cannot_write(item.path, err) from err
    _refuse_special(item.path, info.st_mode)


def _name_unnamed(entry: _Staged) -> None:
    """Give the unnamed file of ``entry`` a temporary name, or, where the system cannot link
    it, write its data again to a named temporary file."""
    assert entry.fd is not None
    name = _temporary_name(entry.item.real.parent)
    try:
        _link_descriptor(entry.fd, name)
    except OSError:
        fallback = _stage_named(entry.item)
        entry.discard()
        entry.name = fallback
        return
    entry.name = name
    os.close(entry.fd)
    entry.fd = None


def _stage_named(item: _Planned) -> Path:
    global _O_TMPFILE
    _O_TMPFILE = None  # unnamed files cannot be linked here: no use making them next time
    staged = _stage(item)
    assert staged.name is not None
    return staged.name


def _link_descriptor(fd: int, name: Path) -> None:
    """Give the open unnamed file ``fd`` the name ``name`` (``linkat``).

    The portable way links ``/proc/self/fd/<fd>``; where that fails (no ``/proc``, or a
    sandbox that says the link crosses devices) ``linkat(fd, "", ..., AT_EMPTY_PATH)`` does
    the same through libc.
    """
    try:
        os.link(f"/proc/self/fd/{fd}", name)
        return
    except OSError as err:
        first = err
    libc = _libc()
    at_fdcwd, at_empty_path = -100, 0x1000
    if libc is not None and libc.linkat(fd, b"", at_fdcwd, os.fsencode(name), at_empty_path) == 0:
        return
    raise first


@cache
def _libc() -> Any:
    """The C library with ``linkat``, or ``None`` where there is none to call."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc if hasattr(libc, "linkat") else None
    except OSError:
        return None


def _flush_folder(folder: Path, path: Path) -> None:
    """``fsync`` a folder so its renames are on disk; a file system that cannot is let be."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.EBADF, errno.EROFS):
            raise _cannot_write(path, err) from err
    finally:
        os.close(fd)


def _remove(tmp: Path) -> None:
    with suppress(OSError):
        tmp.unlink(missing_ok=True)


def _cannot_write(path: Path, err: OSError) -> OutputError:
    message = Message("output.cannot_write", path=verbatim(path), reason=verbatim(err.strerror or err))
    return OutputError(str(path), message)
