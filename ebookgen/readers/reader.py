"""The record a reader module declares: one input format, the suffixes that claim a file and its read function.

Every module of ``ebookgen.readers`` that reads a format declares ``READER = Reader(...)``; the readers'
table (``table.py``) finds them by listing the package, so a new format is one new module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ebookgen.model.document import Document


@dataclass(frozen=True)
class Reader:
    """One input format: its name, the suffixes that claim a file for it and the function that reads it."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path, str | None], Document]
    in_folders: bool = True  # whether a manuscript folder's files of this format are read without a `chapters` list
    rank: int = field(default=100, compare=False)  # its place in the list of formats a refusal names

    def claims(self, path: Path) -> bool:
        """Tell whether the file's name ends with one of this format's suffixes, in any case."""
        return path.name.lower().endswith(self.suffixes)

    @property
    def label(self) -> str:
        """Name the format with its suffixes: `Markdown (.md, .markdown)`."""
        return f"{self.name} ({', '.join(self.suffixes)})"
