"""The EPUB's zip, written in one pass from the package's files, the same bytes as ``zipfile`` writes them.

ebooklib wrote its own zip (every file deflated), which was read back, inflated and deflated again at level 9 to
put the entries in a fixed order with fixed times: a short story's cover was deflated twice (10 ms of its 0.12 s
build) and a million words' text deflated twice and inflated once. Here ebooklib hands its files over in memory
and they are zipped once. The cover deflates the same every build, so its deflated stream is kept in the cache
(checked by inflating it, which costs a twentieth of deflating). ``tests/test_epub_zipped.py`` holds the bytes
equal to ``zipfile``'s.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from ebookgen.cachedir import cache_home, keep, sha256

LEVEL = 9
VERSION = 20  # zipfile's DEFAULT_VERSION: what it writes as "made by" and "needed to extract"
UNIX = 3  # the system that made the entries: their permissions are Unix ones
PERMISSIONS = 0o644 << 16
DEFLATED, STORED = 8, 0
UTF8_NAME = 0x800  # the name is UTF-8, not code page 437
# Past this size an archive needs zip64 records, which this writer does not make: zipfile writes such a book.
LIMIT = 0x7FFF_FFFF
# Deflated streams kept in the cache: the cover's (one a book, the same every build; drawn, most often), when large.
KEPT_FROM = 32 * 1024
KEPT_NAME = "images/cover."


@dataclass(frozen=True)
class Entry:
    """One file of the archive: its name, its bytes, and whether it is stored as it is (the mimetype)."""

    name: str
    data: bytes
    stored: bool = False


def zip_archive(entries: list[Entry], stamp: tuple[int, ...]) -> bytes:
    """Return the zip of the entries, in their order, each dated `stamp` (year, month, day, hour, minute, second)."""
    if sum(len(entry.data) for entry in entries) > LIMIT // 2:
        return zipfile_archive(entries, stamp)
    dostime = stamp[3] << 11 | stamp[4] << 5 | stamp[5] // 2
    dosdate = (stamp[0] - 1980) << 9 | stamp[1] << 5 | stamp[2]
    parts: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for entry in entries:
        name, flags = encoded_name(entry.name)
        method = STORED if entry.stored else DEFLATED
        body = entry.data if entry.stored else deflated(entry)
        fields = (flags, method, dostime, dosdate, zlib.crc32(entry.data), len(body), len(entry.data), len(name))
        header = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", VERSION, 0, *fields, 0)
        directory.append(
            struct.pack(
                "<4s4B4HL2L5H2L", b"PK\x01\x02", VERSION, UNIX, VERSION, 0, *fields, 0, 0, 0, 0, PERMISSIONS, offset
            )
            + name
        )
        parts += (header, name, body)
        offset += len(header) + len(name) + len(body)
    central = b"".join(directory)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), offset, 0)
    return b"".join(parts) + central + end


def encoded_name(name: str) -> tuple[bytes, int]:
    """Return an entry's name as zipfile encodes it, and the flag that says UTF-8 when it is not ASCII."""
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), UTF8_NAME


def deflate(data: bytes) -> bytes:
    """Deflate bytes as zipfile does at level 9: a raw stream, no zlib header."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def deflated(entry: Entry) -> bytes:
    """Return an entry's deflated bytes: the cover's from the cache when it was deflated before, then kept."""
    if len(entry.data) < KEPT_FROM or not entry.name.partition("/")[2].startswith(KEPT_NAME):
        return deflate(entry.data)
    digest = sha256(entry.data).hexdigest()
    path = cache_home() / "deflated" / f"{digest}-{LEVEL}.raw"
    try:
        kept = path.read_bytes()
        if zlib.decompress(kept, -15) == entry.data:
            return kept
    except (OSError, zlib.error):
        pass
    body = deflate(entry.data)
    keep(path, body)
    return body


def zipfile_archive(entries: list[Entry], stamp: tuple[int, ...]) -> bytes:
    """Return the zip of a package too large for this writer, written by zipfile (with its zip64 records)."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for entry in entries:
            info = zipfile.ZipInfo(entry.name, date_time=stamp)
            info.external_attr, info.create_system = PERMISSIONS, UNIX
            info.compress_type = zipfile.ZIP_STORED if entry.stored else zipfile.ZIP_DEFLATED
            target.writestr(info, entry.data, compresslevel=None if entry.stored else LEVEL)
    return buffer.getvalue()
