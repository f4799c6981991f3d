"""A Kindle book in Calibre's AZW3 shape, small enough to write in a test: a PDB whose record 0 is a MOBI header."""

from __future__ import annotations

import struct
from pathlib import Path


def azw3(path: Path, asin: bytes) -> Path:
    """Write the shape of Calibre's AZW3: a PDB with record 0 holding a MOBI header and EXTH (113, 501, 504)."""
    records = [(113, asin), (501, b"EBOK"), (504, asin), (503, b"Harbour")]
    exth_body = b"".join(struct.pack(">LL", kind, len(data) + 8) + data for kind, data in records)
    exth = b"EXTH" + struct.pack(">LL", len(exth_body) + 12, len(records)) + exth_body
    mobi = b"MOBI" + struct.pack(">L", 232) + bytes(224)
    record0 = bytes(16) + mobi + exth + bytes(4)
    header = b"Harbour".ljust(32, b"\0") + bytes(28) + b"BOOKMOBI" + bytes(8) + struct.pack(">H", 2)
    offsets = struct.pack(">LL", 78 + 16 + 2, 0) + struct.pack(">LL", 78 + 16 + 2 + len(record0), 1)
    path.write_bytes(header + offsets + b"\0\0" + record0 + b"text record")
    return path
