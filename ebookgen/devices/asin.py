"""A Kindle book's ASIN and date, stable from the EPUB it was made from, whatever Calibre makes up.

Calibre's ``ebook-convert`` writes an AZW3's ASIN (EXTH record 113, and 504 where present) from the book's
``urn:uuid:`` identifier, but its EPUB reader adds a random UUID before it looks, so each conversion of the same
book gets a new ASIN and a Kindle keeps each as another book (reading position, notes, collections). After the
conversion the ASIN is set, in place and at the same length, to a UUID of the EPUB's own identifier: the identifier
itself when it is a ``urn:uuid:``, else a UUID5 of it. Without a ``dc:date`` Calibre shows the conversion time as
"Published": ``publication_date`` gives the date to pass it (``dcterms:modified``, the edition's date).
"""

from __future__ import annotations

import posixpath
import struct
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ASIN_RECORDS = (113, 504)  # EXTH: the ASIN, and the content key Kindles store beside it
KF8_BOUNDARY = 121  # EXTH: the record where a joint MOBI's KF8 half begins
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
DC = "{http://purl.org/dc/elements/1.1/}"


@dataclass(frozen=True)
class KindleFacts:
    """What the AZW3 takes from its EPUB: the book's identifier and the date to show as published ("" if none)."""

    identifier: str
    published: str


def epub_facts(epub: Path) -> KindleFacts:
    """Read the EPUB's unique identifier and its date (dc:date, else dcterms:modified)."""
    try:
        with zipfile.ZipFile(epub) as archive:
            container = etree.fromstring(archive.read("META-INF/container.xml"), PARSER)
            rootfile = container.find(".//{*}rootfile[@full-path]")
            package = etree.fromstring(archive.read(posixpath.normpath(rootfile.get("full-path"))), PARSER)
    except (OSError, KeyError, AttributeError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return KindleFacts("", "")
    unique = package.get("unique-identifier")
    identifiers = [element for element in package.iter(f"{DC}identifier") if (element.text or "").strip()]
    chosen = next((element for element in identifiers if element.get("id") == unique), None)
    identifier = (chosen if chosen is not None else identifiers[0]).text.strip() if identifiers else ""
    date = package.findtext(f".//{DC}date") or package.findtext(".//{*}meta[@property='dcterms:modified']") or ""
    return KindleFacts(identifier, "" if package.findtext(f".//{DC}date") else date.strip())


def stable_asin(identifier: str) -> bytes:
    """Return the ASIN of a book's identifier: its UUID when it is a urn:uuid:, else a UUID5 of it."""
    if identifier.lower().startswith("urn:uuid:"):
        try:
            return str(uuid.UUID(identifier[9:])).encode()
        except ValueError:
            pass
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"ebookgen-asin:{identifier}")).encode()


def exth_records(data: bytearray, record: int) -> list[tuple[int, int, int]]:
    """List one MOBI header's EXTH records as (type, offset of the data, length of the data)."""
    count = struct.unpack_from(">H", data, 76)[0]
    if record >= count:
        return []
    start = struct.unpack_from(">L", data, 78 + 8 * record)[0]
    if data[start + 16 : start + 20] != b"MOBI":
        return []
    exth = start + 16 + struct.unpack_from(">L", data, start + 20)[0]
    if data[exth : exth + 4] != b"EXTH":
        return []
    found, offset = [], exth + 12
    for _ in range(struct.unpack_from(">L", data, exth + 8)[0]):
        kind, length = struct.unpack_from(">LL", data, offset)
        if length < 8 or offset + length > len(data):
            break
        found.append((kind, offset + 8, length - 8))
        offset += length
    return found


def set_stable_asin(azw3: Path, identifier: str) -> bool:
    """Set the AZW3's ASIN records to the identifier's stable ASIN, in place; tell whether any was set.

    A record of another length (an ASIN the book's metadata gave Calibre) is left as it is.
    """
    data = bytearray(azw3.read_bytes())
    if len(data) < 86 or data[60:68] not in (b"BOOKMOBI", b"TEXtREAd"):
        return False
    asin, changed = stable_asin(identifier), False
    headers = [0]
    for kind, offset, length in exth_records(data, 0):
        if kind == KF8_BOUNDARY and length == 4:
            headers.append(struct.unpack_from(">L", data, offset)[0])
    for header in headers:
        for kind, offset, length in exth_records(data, header):
            if kind in ASIN_RECORDS and length == len(asin):
                data[offset : offset + length] = asin
                changed = True
    if changed:
        azw3.write_bytes(bytes(data))
    return changed
