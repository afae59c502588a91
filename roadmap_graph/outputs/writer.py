"""One writer for every output: figures, exports, pages, the schema, roadmap files.

:func:`write_files` writes a set of files all or nothing, in four steps:

1. Every target is checked before anything is written, and refused with
   :class:`~roadmap_graph.errors.OutputPathError` when it is a protected file (a roadmap
   file this process read, the bundled roadmap, or one passed as ``protect``; see
   :mod:`roadmap_graph.outputs.protected`), an existing folder, device, FIFO or socket, or a
   path below something that is a file, not a folder.
2. Missing parent folders are made.
3. Each file's data goes to a temporary file beside its target, created with
   ``open(..., "xb")``, which follows the umask, not ``tempfile.mkstemp``, whose files (and so
   the outputs) only their owner could read (mode 0600). When the target exists, its
   permission bits are copied onto the temporary file.
4. Only when every temporary file is complete are they renamed over their targets. A
   rename writes no data, so a reader never sees half a file; only a failure between two
   renames could leave a mix of old and new files.

Any failure of the operating system (a full disk, a read-only folder, no permission)
becomes :class:`~roadmap_graph.errors.OutputError` naming the output and the reason; the
temporary files are removed and the old files are left as they were (folders made in step
2 stay).

A symbolic link as target is followed, as a shell's ``>`` does: the file it points to is
replaced and the link stays a link. It is refused when that file is protected or is not a
regular file; a link that points nowhere creates the file it points to. A hard-linked
target is replaced by a new file: its other names keep the old content.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> write_file(f"{folder}/new/hello.txt", "안녕\\n").read_text(encoding="utf-8")
'안녕\\n'
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from ..errors import OutputError, OutputPathError
from ..vocabulary import Message, verbatim
from .protected import PathLike, protected_source

#: What a file holds: bytes as they are, or text to encode.
Content: TypeAlias = bytes | str

__all__ = ["Content", "check_outputs", "write_file", "write_files"]


def write_file(
    path: PathLike, content: Content, *, protect: Iterable[PathLike] = (), encoding: str = "utf-8"
) -> Path:
    """Write one file atomically (see :func:`write_files`) and return its path."""
    return write_files([(path, content)], protect=protect, encoding=encoding)[0]


def write_files(
    files: Iterable[tuple[PathLike, Content]],
    *,
    protect: Iterable[PathLike] = (),
    encoding: str = "utf-8",
) -> list[Path]:
    """Write every ``(path, content)`` or none, and return the paths as given.

    Text is encoded with ``encoding`` and written as it is (no newline translation).
    ``protect`` names files that must not be replaced, besides those this process read.

    Raises
    ------
    OutputPathError
        When a path is refused; nothing is written.
    OutputError
        When the operating system fails a write; the old files are left as they were.
    """
    protected = tuple(protect)
    plan = [_plan(Path(path), content, protected, encoding) for path, content in files]
    for item in plan:
        _make_folder(item)
    staged: list[tuple[_Planned, Path]] = []
    try:
        for item in plan:
            staged.append((item, _stage(item)))
        while staged:
            item, tmp = staged[0]
            try:
                os.replace(tmp, item.real)
            except OSError as err:
                raise _cannot_write(item.path, err) from err
            staged.pop(0)
    finally:
        for _, tmp in staged:
            _remove(tmp)
    return [item.path for item in plan]


def check_outputs(paths: Iterable[PathLike], *, protect: Iterable[PathLike] = ()) -> None:
    """Refuse now what :func:`write_files` would refuse, before slow work makes the content.

    Raises :class:`~roadmap_graph.errors.OutputPathError` (or
    :class:`~roadmap_graph.errors.OutputError` when a path cannot even be looked at); the
    writer checks again when it writes.
    """
    protected = tuple(protect)
    for path in paths:
        _examine(Path(path), protected)


@dataclass(frozen=True)
class _Planned:
    """One file to write: the path as given (for messages), the file it replaces (links
    followed), its data, and the permission bits to keep (``None`` for a new file)."""

    path: Path
    real: Path
    data: bytes
    mode: int | None


def _plan(path: Path, content: Content, protect: tuple[PathLike, ...], encoding: str) -> _Planned:
    """Check ``path`` as an output and encode its content, writing nothing."""
    try:
        data = content.encode(encoding) if isinstance(content, str) else content
    except UnicodeError as err:
        raise OutputError(str(path), Message("output.cannot_write", path=verbatim(path), reason=verbatim(err))) from err
    real, mode = _examine(path, protect)
    return _Planned(path, real, data, mode)


def _examine(path: Path, protect: tuple[PathLike, ...]) -> tuple[Path, int | None]:
    """The file ``path`` would replace (links followed) and its permission bits (``None``
    for a new file); raise when ``path`` is refused."""
    real = Path(os.path.realpath(path))
    source = protected_source(real, protect)
    if source is not None:
        raise OutputPathError(str(path), Message("output.input_file", path=verbatim(path), source=verbatim(source)))
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
    if stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    if stat.S_ISDIR(info.st_mode):
        raise OutputPathError(str(path), Message("output.file_is_folder", path=verbatim(path)))
    kind = Message(_special_kind(info.st_mode))
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


def _stage(item: _Planned) -> Path:
    """Write ``item``'s data to a new temporary file beside its target and return it."""
    tmp = item.real.with_name(f".{item.real.name}.{secrets.token_hex(6)}.tmp")
    try:
        handle = open(tmp, "xb")  # noqa: SIM115 (closed below: a failure to open is reported apart)
    except OSError as err:
        if err.errno != errno.EEXIST:  # an existing file of that name is not ours to remove
            _remove(tmp)
        raise _cannot_write(item.path, err) from err
    try:
        with handle:
            handle.write(item.data)
            handle.flush()
            os.fsync(handle.fileno())
        if item.mode is not None:
            os.chmod(tmp, item.mode)
    except BaseException as err:
        _remove(tmp)
        if isinstance(err, OSError):
            raise _cannot_write(item.path, err) from err
        raise
    return tmp


def _remove(tmp: Path) -> None:
    with suppress(OSError):
        tmp.unlink(missing_ok=True)


def _cannot_write(path: Path, err: OSError) -> OutputError:
    message = Message("output.cannot_write", path=verbatim(path), reason=verbatim(err.strerror or err))
    return OutputError(str(path), message)
