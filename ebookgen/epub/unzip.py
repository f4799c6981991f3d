"""An EPUB given to `kepub` (or copied to a Kobo by `sideload`) opened safely: refused in one line when a zip bomb.

The conversion reads every member into memory and parses each content document, so an EPUB of a few
megabytes whose members unpack to gigabytes would take the machine's memory. Before anything is read, the
members' declared sizes are held to the same limits the EPUB and DOCX readers keep (``readers/archive.py``,
a stage this one may not import); zipfile never unpacks past a member's declared size, so those hold.
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
BOMB = "refused as a zip bomb (`epub` refuses it too)"


def check_unpacked_sizes(archive: zipfile.ZipFile, epub: str) -> None:
    """Refuse an EPUB with too many members, a huge member, or members that unpack far beyond their size."""
    members = archive.infolist()
    if len(members) > MOST_MEMBERS:
        raise InputError(f"{epub}: this EPUB holds {len(members)} files; ebookgen converts at most {MOST_MEMBERS}")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > LARGEST_MEMBER or (member.file_size > 1024 * 1024 and ratio > LARGEST_RATIO):
            raise InputError(f"{epub}: {member.filename} inside it unpacks to {member.file_size} bytes; {BOMB}")
    if total > LARGEST_ARCHIVE:
        raise InputError(f"{epub}: this EPUB unpacks to {total} bytes; {BOMB}")
