"""Read a manuscript file into clean Unicode text.

Bytes are decoded (byte-order mark, then strict UTF-8, then a charset detector), line ends are
unified and characters that XML forbids are removed, so nothing later has to care about them.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import InputError

BINARY_SIGNATURES = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x1f\x8b",
    b"BM",
    b"\x7fELF",
    b"Rar!",
    b"7z\xbc\xaf",
)

# Characters that XML 1.0 forbids, plus C1 controls: none of them may reach a document.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
# Invisible characters that only ever get in the way of the rules that follow.
INVISIBLE = re.compile("[\u200b\u200c\u2060\ufeff\u00ad]")


def read_text(path: Path, encoding: str | None = None) -> str:
    """Return the text of a manuscript file, decoded and cleaned."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a text file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    text = decode(data, path, encoding)
    text = clean(text)
    if not text.strip():
        raise InputError(f"{path}: the file is empty; write the story in it first")
    return text


def decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """Decode bytes: an explicit encoding, a byte-order mark, UTF-8, else detect."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"{path}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise InputError(f"{path}: not valid {encoding} at byte {error.start}") from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    if looks_binary(data):
        raise InputError(f"{path}: this is a binary file, not plain text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return detect_and_decode(data, path)


def looks_binary(data: bytes) -> bool:
    """Tell a binary file (image, archive, PDF) from text."""
    if data.startswith(BINARY_SIGNATURES):
        return True
    sample = data[:8192]
    return b"\x00" in sample and sample.count(b"\x00") > len(sample) // 100


def detect_and_decode(data: bytes, path: Path) -> str:
    """Decode bytes that are not UTF-8 with a charset detector, Windows-1252 as the fallback."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    name = best.encoding if best is not None else "cp1252"
    # A Western manuscript that is not UTF-8 is nearly always Windows-1252, a superset of Latin-1.
    if name in {"latin_1", "iso8859_1", "iso8859_15", "ascii"}:
        name = "cp1252"
    try:
        return data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace")


def clean(text: str) -> str:
    """Unify line ends and remove characters no book should carry."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n")
    text = INVISIBLE.sub("", text)
    text = FORBIDDEN.sub("", text)
    text = text.replace("\t", "    ").replace("\u00a0", " ")
    return text
