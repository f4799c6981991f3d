"""The normaliser's options: every choice it makes that a user may override."""

from __future__ import annotations

from dataclasses import dataclass, field

from ebookgen.languages import Language, english


@dataclass(frozen=True)
class NormaliseOptions:
    """Every choice the normaliser makes that a user may override."""

    paragraph_style: str = "auto"
    blank_runs: str = "pause"
    author_notes: str = "keep"
    quotes: str = "auto"
    # The book's language, settled once the file's metadata is merged (``found.merge_found``): its quotes,
    # dashes, spacing and title case.
    language: Language = field(default_factory=english)
    title: str = ""  # the book's title and authors: a title block in the text that repeats them is front matter
    authors: tuple[str, ...] = ()
