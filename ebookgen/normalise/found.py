"""Merge what a reader found in a file (its header block, OPF or download page) into the book's metadata.

Every field a file gives reaches the book unless the user set it (in book.toml or with an option):
language, publisher, series and place, date, rights, source URL, tags, description, contributors.
The language is checked as a BCP 47 tag first; one that is not is left out with a note. The merge
also records where each field came from, which `ebookgen check` lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ebookgen.model import Metadata, MetadataOrigin
from ebookgen.model.document import Document as SourceText
from ebookgen.model.document import FoundMetadata
from ebookgen.model.origins import BOOK_TOML, DEFAULT, FILE_NAME
from ebookgen.normalise.found_language import reported_language
from ebookgen.normalise.typography import TypographyOptions, typeset

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DEFAULT_LANGUAGE = Metadata(title="").language
DEFAULT_AUTHORS = Metadata(title="").authors
# The option that sets each field on the command line (or a batch manifest's column of the same name).
OPTION_FLAGS = {"title": "--title", "authors": "--author", "language": "--lang"}
# The fields `check` lists, in the order a title page and an OPF give them.
LISTED = (
    "title", "subtitle", "authors", "language", "publisher", "date", "rights", "series", "series_index",
    "source", "subjects", "description", "contributors", "rating", "warnings",
)  # fmt: skip
# Where in a file its reader finds what the file says about the book, by the reader's name (its first words).
PLACES = (
    ("EPUB (AO3", "AO3 download's preface"),
    ("AO3", "AO3 download's preface"),
    ("fan-fiction page", "story's profile or info lines"),
    ("EPUB", "package metadata"),
    ("Word", "document properties"),
    ("web page", "page's head"),
    ("plain text", "header block"),
    ("Markdown", "header block"),
)


@dataclass(frozen=True)
class Explicit:
    """The metadata fields the user set, in book.toml and with an option; a file fills only the others."""

    book_toml: frozenset[str] = frozenset()
    options: frozenset[str] = frozenset()  # --title, --author, --lang (or a batch manifest's columns)

    def __contains__(self, name: object) -> bool:
        """Tell whether the user set this Metadata field."""
        return name in self.book_toml or name in self.options

    def with_options(self, names: frozenset[str]) -> Explicit:
        """Return this record with more fields set by an option."""
        return replace(self, options=self.options | names)


@dataclass(frozen=True)
class Merged:
    """The book's metadata once a file filled what the user left unset, where each field came from, and notes."""

    metadata: Metadata
    origins: tuple[MetadataOrigin, ...] = ()
    notes: tuple[str, ...] = ()  # a language the file gave that is not one, for the user


def merge_found(
    metadata: Metadata,
    source: SourceText | None,
    explicit: Explicit = Explicit(),
    default_titles: frozenset[str] = frozenset(),
) -> Merged:
    """Fill what book.toml and the options left unset from what the first file says; record where each came from."""
    found = source.metadata if source is not None else FoundMetadata()
    language = reported_language(found.language)
    notes = ()
    if language.problem and "language" not in explicit:
        notes = (f"{source.path}: its language is left out: {language.problem}; the book is in {metadata.language}",)
    changes = found_changes(metadata, replace(found, language=language.tag), explicit, default_titles)
    merged = replace(metadata, **changes) if changes else metadata
    return Merged(merged, origins_of(merged, frozenset(changes), source, explicit, default_titles), notes)


def origins_of(
    metadata: Metadata,
    filled: frozenset[str],
    source: SourceText | None,
    explicit: Explicit,
    default_titles: frozenset[str],
) -> tuple[MetadataOrigin, ...]:
    """Record where each field the book has came from: the file for those it filled, else the user or a default."""
    return tuple(
        MetadataOrigin(name, found_place(source), str(source.path))
        if name in filled and source is not None
        else user_origin(metadata, name, explicit, default_titles)
        for name in LISTED
        if getattr(metadata, name) or name == "language"
    )


def found_changes(metadata: Metadata, found: FoundMetadata, explicit: Explicit, default_titles: frozenset[str]) -> dict:
    """Return the fields a file fills: each it gives that the user left unset (its language already a tag)."""

    def unset(name: str) -> bool:
        return is_unset(metadata, name, explicit, default_titles)

    changes: dict = {}
    if found.language and unset("language"):
        changes["language"] = found.language
    typography = TypographyOptions(language=changes.get("language", metadata.language))
    for name in ("title", "subtitle", "description"):  # typed text: set in the book's language
        if getattr(found, name) and unset(name):
            changes[name] = typeset(getattr(found, name), typography)
    if found.author and unset("authors"):
        changes["authors"] = tuple(name.strip() for name in found.author.split(" and ") if name.strip())
    for name in ("subjects", "series", "contributors", "publisher", "rights", "source", "rating", "warnings"):
        if getattr(found, name) and unset(name):
            changes[name] = getattr(found, name)
    if found.series_index.isdigit() and unset("series_index") and (metadata.series or found.series):
        changes["series_index"] = found.series_index
    if ISO_DAY.fullmatch(found.date) and unset("date"):
        changes["date"] = found.date
    if found.public_domain:
        changes["public_domain"] = True
    return changes


def is_unset(metadata: Metadata, name: str, explicit: Explicit, default_titles: frozenset[str]) -> bool:
    """Tell whether a field is the user's to keep or still at its default (a title guessed from a file name)."""
    if name in explicit:
        return False
    value = getattr(metadata, name)
    if name == "title":
        return value in default_titles
    if name == "authors":
        return value == DEFAULT_AUTHORS
    if name == "language":
        return value == DEFAULT_LANGUAGE
    return not value


def user_origin(metadata: Metadata, name: str, explicit: Explicit, default_titles: frozenset[str]) -> MetadataOrigin:
    """Say where a field no file filled came from: an option, book.toml, the file's name, or the default."""
    if name in explicit.options:
        return MetadataOrigin(name, OPTION_FLAGS.get(name, "an option"))
    if name in explicit.book_toml:
        return MetadataOrigin(name, BOOK_TOML)
    if name == "title" and metadata.title in default_titles:
        return MetadataOrigin(name, FILE_NAME)
    return MetadataOrigin(name, DEFAULT)


def found_place(source: SourceText) -> str:
    """Name where in the file its reader found the book's metadata: `header block`, `AO3 download's preface`..."""
    reader = source.reader or "plain text"
    return next((place for name, place in PLACES if reader.startswith(name)), f"{reader}'s metadata")
