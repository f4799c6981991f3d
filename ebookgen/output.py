"""Write output files atomically: a temporary file beside the target, renamed when complete."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ebookgen.errors import OutputError

# Why a disk refuses a write, in the user's words: the output is named and nothing is left behind.
DISK_ERRORS = {
    errno.ENOSPC: "the disk is full; free some space or write the book elsewhere with -o",
    errno.EDQUOT: "your disk quota is used up; free some space or write the book elsewhere with -o",
    errno.EFBIG: "the file would be larger than this disk allows; write the book elsewhere with -o",
    errno.EROFS: "the disk is read-only; write the book elsewhere with -o",
    errno.EIO: "the disk failed while writing; check it, or write the book elsewhere with -o",
}


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside target; move it onto target only if the block succeeds."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise OutputError(f"{folder}: cannot write here ({error.strerror})") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def disk_errors_named(target: Path) -> Iterator[None]:
    """Turn a full disk (or quota, read-only disk, I/O error) while a book is written into one line naming it."""
    try:
        yield
    except OSError as error:
        if error.errno not in DISK_ERRORS:
            raise
        raise OutputError(f"{target}: {DISK_ERRORS[error.errno]}; nothing was written") from None


def check_output(target: Path, inputs: tuple[Path, ...]) -> None:
    """Refuse an output path that would overwrite one of the inputs."""
    resolved = target.resolve()
    for source in inputs:
        if source.resolve() == resolved or (target.exists() and source.exists() and os.path.samefile(source, target)):
            raise OutputError(f"{target}: the output would overwrite {source}, an input; choose another -o path")
    if target.is_symlink():
        raise OutputError(f"{target}: is a symbolic link, not a regular file; give another -o path")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name for the book")
    if target.exists() and not target.is_file():
        raise OutputError(f"{target}: {special_kind(target)}, not a regular file; give another -o path")


def special_kind(path: Path) -> str:
    """Name what a path that is neither a file nor a folder is: a named pipe, a device, a socket."""
    mode = path.stat().st_mode
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "is a special file"
