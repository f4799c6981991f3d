"""The readers' table: which reader reads a file, chosen by its suffix before any byte is read.

A new input format is one new module in ``ebookgen.readers`` declaring ``READER = Reader(...)``
(``reader.py``); the table lists the package's modules and keeps each one's ``READER``. The list of
formats in a refusal, and which files of a folder are manuscript files, come from this table.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import replace
from pathlib import Path

import ebookgen.readers
from ebookgen.errors import InputError
from ebookgen.readers.furniture import furniture_of, with_title_block
from ebookgen.readers.htmlwords import NestedTooDeep
from ebookgen.readers.reader import Reader
from ebookgen.readers.source import SourceText


def declared_readers() -> tuple[Reader, ...]:
    """Return the ``READER`` each module of the readers' package declares, plain text first."""
    found = []
    for module in pkgutil.iter_modules(ebookgen.readers.__path__):
        declared = getattr(importlib.import_module(f"ebookgen.readers.{module.name}"), "READER", None)
        if isinstance(declared, Reader):
            found.append(declared)
    return tuple(sorted(found, key=lambda reader: (reader.rank, reader.name)))


READERS = declared_readers()
SUFFIXES = tuple(suffix for reader in READERS for suffix in reader.suffixes)


def find_reader(path: Path) -> Reader | None:
    """Return the reader whose suffix the file's name ends with, or None; the file is not opened."""
    return next((reader for reader in READERS if reader.claims(path)), None)


def reader_for(path: Path) -> Reader:
    """Return the file's reader, or refuse the file in one line naming the formats ebookgen reads."""
    reader = find_reader(path)
    if reader is None:
        raise InputError(f"{path}: {not_read(path)}")
    return reader


def not_read(path: Path) -> str:
    """Say that a file's format is not one ebookgen reads, and which formats it reads."""
    suffix = path.suffix
    if not suffix or any(char.isspace() for char in suffix):
        return f"ebookgen cannot tell a file's format without a suffix; it reads {formats_read()}"
    return f"ebookgen does not read {suffix} files; it reads {formats_read()}"


def formats_read() -> str:
    """List the formats of the table: `plain text (.txt, .text) and Markdown (.md, .markdown)`."""
    labels = [reader.label for reader in READERS]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


def read_source(path: Path, encoding: str | None = None) -> SourceText:
    """Read one manuscript file with the reader its suffix names; the source names its reader for check."""
    reader = reader_for(path)
    try:
        source = reader.read(path, encoding)
    except (RecursionError, NestedTooDeep) as error:  # read whole or refused: never a part of the text kept
        deep = str(error) if isinstance(error, NestedTooDeep) else "it nests too deep for ebookgen to read"
        raise InputError(f"{path}: {deep} (unclosed tags, or quotes and lists hundreds deep); flatten it") from None
    metadata = with_title_block(source.metadata, source.text)
    return replace(source, reader=source.reader or reader.name, furniture=furniture_of(source.text), metadata=metadata)


def read_text(path: Path, encoding: str | None = None) -> str:
    """Return the text of a manuscript file in raw-text conventions."""
    return read_source(path, encoding).text


def read_unit(paths: tuple[Path, ...], encoding: str | None = None) -> SourceText:
    """Read files as one text (a chapter may run from one into the next); the first file's metadata is the unit's."""
    for path in paths:
        reader_for(path)  # Refuse a file of the unit before reading any of them.
    sources = [read_source(path, encoding) for path in paths]
    first = sources[0]
    if len(sources) == 1:
        return first
    text = "\n\n".join(source.text for source in sources)
    # Files read into blocks join as blocks; a unit mixing them with raw text is read as the raw text of all.
    structured = all(source.blocks for source in sources)
    return SourceText(
        path=first.path,
        text=text,
        encoding=first.encoding,
        repairs=tuple(note for source in sources for note in source.repairs),
        metadata=first.metadata,
        replaced=tuple(place for source in sources for place in source.replaced),
        resources=tuple(resource for source in sources for resource in source.resources),
        reader=first.reader,
        unmapped=tuple(note for source in sources for note in source.unmapped),
        blocks=tuple(block for source in sources for block in source.blocks) if structured else (),
        furniture=furniture_of(text),
    )
