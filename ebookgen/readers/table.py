"""The readers' table: which reader reads a file, chosen by its suffix before any byte is read.

A new input format is one new module in ``ebookgen.readers`` declaring ``READER = Reader(...)``
(``reader.py``); the table lists the package's modules and keeps each one's ``READER``. The list of
formats in a refusal, and which files of a folder are manuscript files, come from this table.

Importing every module of the package to read its ``READER`` imports every format's parser (lxml, the
HTML and EPUB readers: a third of a short story's start-up). So the table is kept in the cache, keyed by
the package's files (names, sizes, times): while they are unchanged, each reader's module is imported
only when a file of its format is read (``Deferred``); a module added or edited lists them all again.
"""

from __future__ import annotations

import importlib
import json
import os
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import ebookgen.readers
from ebookgen.cachedir import cache_home, keep
from ebookgen.errors import InputError
from ebookgen.readers.furniture import furniture_of, with_title_block
from ebookgen.readers.htmlwords import NestedTooDeep
from ebookgen.readers.reader import Reader
from ebookgen.readers.source import SourceText

PACKAGE = Path(ebookgen.readers.__path__[0])


@dataclass(frozen=True)
class Deferred:
    """A reader's read function named by its module: the module (and its parser) imported on first use."""

    module: str
    name: str

    def __call__(self, path: Path, encoding: str | None = None) -> SourceText:
        """Read the file with the function this names."""
        return getattr(importlib.import_module(self.module), self.name)(path, encoding)


def package_files() -> list[list]:
    """Return what identifies the readers' package as it is: each module's name, size and time, sorted."""
    found = []
    with os.scandir(PACKAGE) as entries:
        for entry in entries:
            if entry.name.endswith(".py"):
                status = entry.stat()
                found.append([entry.name, status.st_size, status.st_mtime_ns])
    return sorted(found)


def declared_readers() -> tuple[Reader, ...]:
    """Return the ``READER`` each module of the readers' package declares, plain text first."""
    found = []
    for module in sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__"):
        declared = getattr(importlib.import_module(f"ebookgen.readers.{module}"), "READER", None)
        if isinstance(declared, Reader):
            found.append(declared)
    return tuple(sorted(found, key=lambda reader: (reader.rank, reader.name)))


def index_path() -> Path:
    """Return where the table of this copy of the package is kept (one file per installed copy)."""
    return cache_home() / "readers" / f"{zlib.crc32(str(PACKAGE).encode()):08x}.json"


def kept_readers(files: list[list]) -> tuple[Reader, ...] | None:
    """Return the table kept for the package's files as they are, each reader deferred; None when not kept."""
    try:
        kept = json.loads(index_path().read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("files") != files:
        return None
    return tuple(
        Reader(name, tuple(suffixes), Deferred(module, function), in_folders, rank)
        for name, suffixes, module, function, in_folders, rank in kept["readers"]
    )


def kept_row(reader: Reader) -> list | None:
    """Return a reader as a row of the kept table, or None when its read function cannot be named again."""
    read = reader.read
    module, name = getattr(read, "__module__", None), getattr(read, "__qualname__", "")
    if not module or getattr(importlib.import_module(module), name, None) is not read:
        return None
    return [reader.name, list(reader.suffixes), module, name, reader.in_folders, reader.rank]


def table_of_readers() -> tuple[Reader, ...]:
    """Return the readers' table: kept in the cache while the package is unchanged, else listed and kept."""
    files = package_files()
    kept = kept_readers(files)
    if kept is not None:
        return kept
    readers = declared_readers()
    rows = [kept_row(reader) for reader in readers]
    if all(row is not None for row in rows):
        keep(index_path(), json.dumps({"files": files, "readers": rows}).encode())
    return readers


READERS = table_of_readers()
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
