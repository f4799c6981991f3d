"""Which files a book may hold: only its project's own regular files, never a device, a pipe or a system file.

A ``chapters`` entry or ``cover`` in book.toml names a file inside the project folder: an absolute
path, a climb out through ``..`` or a symlink that resolves outside the folder is refused with the
key's line. A folder's files are listed without following a link out of it, and nothing under
``/proc``, ``/dev`` or ``/sys`` is ever opened.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from ebookgen.errors import ConfigError, InputError

# Pseudo-file systems whose "files" are the machine's state, never a manuscript.
SYSTEM_FOLDERS = (Path("/proc"), Path("/dev"), Path("/sys"))


def shown(path: Path | str) -> str:
    """Write a path for a message or a title, escaping bytes that are not UTF-8 (`caf\\xe9.txt`)."""
    return os.fsencode(str(path)).decode("utf-8", errors="backslashreplace")


def project_file(folder: Path, name: str, where: str, key: str) -> Path:
    """Return a file book.toml names under ``key``, refusing one outside the project folder."""
    if not name.strip():
        raise ConfigError(f"{where}: {key!r} holds an empty file name; name a file beside book.toml")
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive:
        raise ConfigError(f"{where}: {key!r} names an absolute path {name!r}; name a file inside the project folder")
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        raise ConfigError(f"{where}: {key!r} climbs out of the project with '..' in {name!r}; name a file inside it")
    path = folder / name
    if not is_inside(path, folder):
        target = shown(path.resolve())
        raise ConfigError(f"{where}: {key!r} entry {name!r} is a link to {target}, outside the project folder")
    return path


def is_inside(path: Path, folder: Path) -> bool:
    """Tell whether a path, its symlinks followed, stays inside a folder."""
    return path.resolve().is_relative_to(folder.resolve())


def is_system_path(path: Path) -> bool:
    """Tell whether a path, its symlinks followed, is in /proc, /dev or /sys."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder) for folder in SYSTEM_FOLDERS)


def kind_of(path: Path) -> str:
    """Name what a path is when it is not a regular file: `a folder`, `a named pipe (FIFO)`..., or ''."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "missing" if not path.is_symlink() else "a broken link"
    except OSError as error:
        return f"unreadable ({error.strerror})"
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((name for test, name in kinds if test(mode)), "")


def check_text_file(path: Path, where: str = "", fix: str = "") -> None:
    """Refuse a manuscript path that is not a regular file, or that is a system file, for what it is.

    With ``where`` (book.toml and a line) the refusal is a book.toml mistake, exit code 3; else exit code 2.
    """
    error, named = (ConfigError, f"{where}: {shown(path)}") if where else (InputError, shown(path))
    if is_system_path(path):
        raise error(f"{named}: is under /proc, /dev or /sys, not a manuscript{fix}")
    kind = kind_of(path)
    if kind == "missing":
        raise error(f"{named}: no such file{fix}")
    if kind:
        raise error(f"{named}: is {kind}, not a text file{fix}")


def check_folder_entry(folder: Path, path: Path) -> None:
    """Refuse a file in a manuscript folder that is a link out of the folder, so it is never published."""
    if path.is_symlink() and not is_inside(path, folder):
        raise InputError(
            f"{shown(path)}: is a link to {shown(path.resolve())}, outside the manuscript folder; "
            "copy the file in or remove the link"
        )
