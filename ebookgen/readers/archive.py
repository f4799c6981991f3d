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

# Bigger than any novel with its pictures; a member or a whole archive past these is refused.
LARGEST_MEMBER = 256 * 1024 * 1024
LARGEST_ARCHIVE = 1024 * 1024 * 1024
MOST_MEMBERS = 20_000
# A member that unpacks to more than this many times its packed size (past a megabyte) is a zip bomb.
LARGEST_RATIO = 200
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
    members = archive.infolist()
    if len(members) > MOST_MEMBERS:
        raise InputError(f"{path}: this {kind} holds {len(members)} files; ebookgen reads at most {MOST_MEMBERS}")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > LARGEST_MEMBER or (member.file_size > 1024 * 1024 and ratio > LARGEST_RATIO):
            where = f"{path}: {member.filename} inside this {kind}"
            raise InputError(f"{where} unpacks to {member.file_size} bytes; refused as a zip bomb")
    if total > LARGEST_ARCHIVE:
        raise InputError(f"{path}: this {kind} unpacks to {total} bytes; refused as a zip bomb")


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
