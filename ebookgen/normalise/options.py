"""The normaliser's options: every choice it makes that a user may override."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NormaliseOptions:
    """Every choice the normaliser makes that a user may override."""

    paragraph_style: str = "auto"
    blank_runs: str = "pause"
    author_notes: str = "keep"
    quotes: str = "auto"
    language: str = "en"  # the book's language (book.toml or --lang): its quotes, dashes and spacing
    title: str = ""  # the book's title and authors: a title block in the text that repeats them is front matter
    authors: tuple[str, ...] = ()
