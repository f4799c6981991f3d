"""Open the zip inside a Word document or an EPUB safely: refused in one line when broken, locked or a zip bomb.

Nothing is extracted to disk; members are read into memory with their sizes checked first, so a
file that claims a few kilobytes and unpacks to gigabytes is refused before it is read.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from ebookgen.errors import InputError
from ebookgen.readers.decode import read_bytes
from ebookgen.ziplimits import LARGEST_MEMBER, check_unpacked_sizes

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"


def open_archive(path: Path, kind: str) -> zipfile.ZipFile:
    """Open a zip-based file (kind: "Word document", "EPUB") for reading, refusing one that is not safe to read."""
    head = read_bytes(path)[:8]
    if head.startswith(OLE_SIGNATURE):
        raise InputError(f"{path}: this {kind} is password-protected, or an old binary .doc; save it unlocked as .docx")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):  # NotImplemented: "version 6.4"
        broken = f"{path}: not a readable {kind} (its zip container is broken or it is another kind of file)"
        raise InputError(broken) from None
    check_sizes(path, archive, kind)
    return archive


def check_sizes(path: Path, archive: zipfile.ZipFile, kind: str) -> None:
    """Refuse an archive with too many members, a huge member, or members that unpack far beyond their size."""
    check_unpacked_sizes(archive, str(path), kind)


def read_member(path: Path, archive: zipfile.ZipFile, name: str, kind: str) -> bytes:
    """Read one member of an archive, or refuse the file in one line when the member is missing or damaged."""
    try:
        with archive.open(name) as handle:
            data = handle.read(LARGEST_MEMBER + 1)
    except KeyError:
        raise InputError(f"{path}: this {kind} has no {name}; it is broken") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError) as error:
        where = f"{path}: {name} inside this {kind}"
        raise InputError(f"{where} cannot be read ({error}); it is broken or locked") from None
    if len(data) > LARGEST_MEMBER:
        raise InputError(f"{path}: {name} inside this {kind} is larger than it says; refused as a zip bomb")
    return data
