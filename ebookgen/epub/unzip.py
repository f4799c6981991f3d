"""An EPUB given to `kepub` (or copied to a Kobo by `sideload`) opened safely: refused in one line when a zip bomb.

The conversion reads every member into memory and parses each content document, so an EPUB of a few
megabytes whose members unpack to gigabytes would take the machine's memory. Before anything is read, the
members' declared sizes are held to the limits the EPUB and DOCX readers keep, with them (``ziplimits.py``).
"""

from __future__ import annotations

import zipfile

from ebookgen.ziplimits import BOMB, check_unpacked_sizes


def check_epub_sizes(archive: zipfile.ZipFile, epub: str) -> None:
    """Refuse an EPUB to convert with too many members, a huge member, or members that unpack far beyond their size."""
    check_unpacked_sizes(archive, epub, "EPUB", verb="converts", bomb=f"{BOMB} (`epub` refuses it too)")
