"""Merge what a reader found in a file (its header block, OPF or download page) into the book's metadata.

Every field a file gives reaches the book unless the user set it (in book.toml or with an option):
language, publisher, series and place, date, rights, source URL, tags, description, contributors.
The language is checked as a BCP 47 tag first; one that is not is left out with a note. The merge
also records where each field came from, which `ebookgen check` lists. The book's language is
settled here, once: the tag the merged metadata carries is turned into its ``Language`` record, which
every later stage is handed (the normaliser's options, render's and the writers' ``Edition``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ebookgen.languages import Language, english, language_for
from ebookgen.model import Metadata, MetadataOrigin
from ebookgen.model.document import Document as SourceText
from ebookgen.model.document import FoundMetadata
from ebookgen.model.origins import BOOK_TOML, DEFAULT, FILE_NAME
from ebookgen.normalise.detect import Detected, detect_language
from ebookgen.normalise.found_language import reported_language
from ebookgen.normalise.typography import TypographyOptions, typeset
from ebookgen.patterns import lazy

ISO_DAY = lazy(r"\d{4}-\d{2}-\d{2}")
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
    ("saved AO3", "saved AO3 work page's preface and tags"),
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
    language: Language = field(default_factory=english)  # the record of ``metadata.language``, settled once
    detected: Detected | None = None  # what the detector found in the story's text, when nobody named a language


def merge_found(
    metadata: Metadata,
    source: SourceText | None,
    explicit: Explicit = Explicit(),
    default_titles: frozenset[str] = frozenset(),
) -> Merged:
    """Fill what book.toml and the options left unset from what the first file says; record where each came from."""
    found = source.metadata if source is not None else FoundMetadata()
    reported = reported_language(found.language)
    notes = ()
    if reported.problem and "language" not in explicit:
        notes = (f"{source.path}: its language is left out: {reported.problem}; the book is in {metadata.language}",)
    found = replace(found, language=reported.tag)
    detected = detected_language(metadata, found, explicit, default_titles, source)
    if detected is not None and detected.sure:
        found = replace(found, language=detected.tag)
    language = settled_language(book_language_tag(metadata, found, explicit, default_titles))
    changes = found_changes(metadata, found, explicit, default_titles, language)
    merged = replace(metadata, **changes) if changes else metadata
    origins = origins_of(merged, frozenset(changes), source, explicit, default_titles)
    if detected is not None and detected.sure:
        origins = tuple(detected_origin(detected, source) if o.field == "language" else o for o in origins)
    return Merged(merged, origins, notes, language, detected)


def detected_language(
    metadata: Metadata,
    found: FoundMetadata,
    explicit: Explicit,
    default_titles: frozenset[str],
    source: SourceText | None,
) -> Detected | None:
    """Find the story's language in its own words when neither the user nor the file names one (else None)."""
    if source is None or found.language or not is_unset(metadata, "language", explicit, default_titles):
        return None
    furniture = source.furniture.lines  # a Gutenberg licence or a header block is not the story's language
    return detect_language(line for number, line in enumerate(source.text.split("\n")) if number not in furniture)


def detected_origin(detected: Detected, source: SourceText) -> MetadataOrigin:
    """Say that the language was found in the story's text, how surely, and how to make it certain."""
    hint = f'say language = "{detected.tag}" in book.toml (or --lang {detected.tag}) to be sure'
    return MetadataOrigin("language", f"text, found: {detected.describe()}; {hint}", str(source.path))


def book_language_tag(
    metadata: Metadata, found: FoundMetadata, explicit: Explicit, default_titles: frozenset[str]
) -> str:
    """Return the book's language tag: the file's where the user left the language unset, else the user's."""
    if found.language and is_unset(metadata, "language", explicit, default_titles):
        return found.language
    return metadata.language


def settled_language(tag: str) -> Language:
    """Return the record of a book's language tag: the one place the pipeline looks a language up."""
    return language_for(tag)


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


def found_changes(
    metadata: Metadata, found: FoundMetadata, explicit: Explicit, default_titles: frozenset[str], language: Language
) -> dict:
    """Return the fields a file fills: each it gives that the user left unset (its language already a tag, and
    settled as ``language``, which its typed text is set in)."""

    def unset(name: str) -> bool:
        return is_unset(metadata, name, explicit, default_titles)

    changes: dict = {}
    if found.language and unset("language"):
        changes["language"] = found.language
    typography = TypographyOptions(language=language)
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
