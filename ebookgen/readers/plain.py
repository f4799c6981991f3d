"""Read a plain-text manuscript: the decoded text is already in ebookgen's raw-text conventions."""

from __future__ import annotations

from pathlib import Path

from ebookgen.readers.decode import decode_file
from ebookgen.readers.header import text_source
from ebookgen.readers.reader import Reader
from ebookgen.readers.source import SourceText

PLAIN_SUFFIXES = (".txt", ".text")


def read_plain(path: Path, encoding: str | None = None) -> SourceText:
    """Read a plain-text file: its decoded text and what its header block says."""
    decoded = decode_file(path, encoding)
    return text_source(path, decoded, decoded.text)


READER = Reader("plain text", PLAIN_SUFFIXES, read_plain, rank=10)
