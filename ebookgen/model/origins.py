"""Where each field of a book's metadata came from, so `check` can tell the user what came from where."""

from __future__ import annotations

from dataclasses import dataclass

BOOK_TOML = "book.toml"
DEFAULT = "default"
FILE_NAME = "file name"


@dataclass(frozen=True)
class MetadataOrigin:
    """Where one metadata field's value came from: book.toml, an option, a manuscript file, its name, a default."""

    field: str  # the Metadata field: "language"
    source: str  # BOOK_TOML, an option ("--lang"), the part of a file ("download page"), FILE_NAME or DEFAULT
    path: str = ""  # the file it was read from (book.toml's or the manuscript's), when it came from one
