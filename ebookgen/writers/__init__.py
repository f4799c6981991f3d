"""The writers: one module per output format, found by listing this folder, as Pandoc's ``Writers.hs`` is a table.

A writer module defines ``WRITER``, a ``Writer`` row: its name (`epub`, `kepub`, `pdf`), the suffix of
the file it writes, one line on what it is, whether it lays out printed pages (then the build settles
the print options and may start the layout's workers before the book is read), and ``write``, which
turns a ``Book`` and the ``Edition`` (the build's settled choices) into a file, written atomically
(``ebookgen.output.atomic_path``), and returns what it wrote.
A writer imports its heavy libraries inside ``write``, so listing the table stays cheap. An imposition
or a cover writer is one more module here. ``build`` picks the writer by name (``writer_for``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ebookgen.errors import ConfigError

if TYPE_CHECKING:
    from ebookgen.epub.pagelist import PrintEdition
    from ebookgen.languages import Language
    from ebookgen.model import Book
    from ebookgen.pdf.options import PdfOptions, Progress
    from ebookgen.themes import Theme


@dataclass(frozen=True)
class Edition:
    """What every writer is handed beside the book: one build's settled choices."""

    modified: datetime  # the build's timestamp (SOURCE_DATE_EPOCH or the manuscript's newest change)
    theme: Theme
    embed_fonts: bool = False
    print_options: PdfOptions | None = None  # settled for a writer that lays out pages
    print_edition: PrintEdition | None = None  # the printed pages an e-book lists, when built together
    progress: Progress | None = None
    crew: Any = None  # the layout's worker processes, started before the book was read
    language: Language | None = None  # the book's language, settled once its file's metadata is merged


class Written(Protocol):
    """What a writer returns: the file it wrote, the book's length and one line for each thing the user should know."""

    path: Path
    chapters: int
    words: int
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Writer:
    """One row of the table: an output format and the function that writes a book in it."""

    name: str
    suffix: str  # the file it writes by default: `<slug><suffix>`
    summary: str
    write: Callable[[Book, Path, Edition], Written]
    prints: bool = False  # lays out printed pages: it needs the print options, and may use the workers


@cache
def writers() -> dict[str, Writer]:
    """Return every writer by name, listing this folder's modules."""
    modules = sorted(path.stem for path in Path(__file__).parent.glob("*.py") if not path.stem.startswith("_"))
    found = (import_module(f"{__name__}.{name}").WRITER for name in modules)
    return {writer.name: writer for writer in sorted(found, key=lambda writer: writer.name)}


def writer_for(name: str) -> Writer:
    """Return the named writer, or fail naming the writers there are."""
    table = writers()
    if name not in table:
        raise ConfigError(f"writer {name!r} is not one of {', '.join(table)}")
    return table[name]
