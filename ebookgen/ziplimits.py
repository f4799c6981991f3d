"""The limits a zip container (a Word document, an EPUB) is held to before any of its members is read.

The readers (``readers/archive.py``) and the EPUB conversions (``epub/unzip.py``: `kepub`, `sideload` to a Kobo)
read members into memory, so a file of a few megabytes whose members unpack to gigabytes would take the machine's
memory. Both check the members' declared sizes here first; zipfile never unpacks past a member's declared size, so
the limits hold. A leaf both layers may import, so the two refuse the same files with the same figures.
"""

from __future__ import annotations

import zipfile

from ebookgen.errors import InputError

# Bigger than any novel with its pictures; a member or a whole archive past these is refused.
LARGEST_MEMBER = 256 * 1024 * 1024
LARGEST_ARCHIVE = 1024 * 1024 * 1024
MOST_MEMBERS = 20_000
# A member that unpacks to more than this many times its packed size (past a megabyte) is a zip bomb.
LARGEST_RATIO = 200
BOMB = "refused as a zip bomb"


def check_unpacked_sizes(
    archive: zipfile.ZipFile, where: str, kind: str, verb: str = "reads", bomb: str = BOMB
) -> None:
    """Refuse an archive with too many members, a huge member, or members that unpack far beyond their size.

    The message names the file (`where`), what it is (`kind`: "EPUB", "Word document"), what ebookgen does
    with it (`verb`: "reads", "converts") and how it is refused (`bomb`).
    """
    members = archive.infolist()
    if len(members) > MOST_MEMBERS:
        raise InputError(f"{where}: this {kind} holds {len(members)} files; ebookgen {verb} at most {MOST_MEMBERS}")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > LARGEST_MEMBER or (member.file_size > 1024 * 1024 and ratio > LARGEST_RATIO):
            inside = f"{where}: {member.filename} inside this {kind}"
            raise InputError(f"{inside} unpacks to {member.file_size} bytes; {bomb}")
    if total > LARGEST_ARCHIVE:
        raise InputError(f"{where}: this {kind} unpacks to {total} bytes; {bomb}")
