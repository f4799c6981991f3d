"""Say where each field of a book's metadata came from, one line each, for `ebookgen check`.

A field comes from book.toml, from an option (--title, --author, --lang), from what the first
manuscript file says about the book (its header block, document properties, download page or
package metadata: named with the file's path), from the file's name (a title), or is a default.
"""

from __future__ import annotations

from ebookgen.model import Metadata, MetadataOrigin
from ebookgen.model.origins import BOOK_TOML, DEFAULT, FILE_NAME
from ebookgen.normalise.found import OPTION_FLAGS, Merged, merge_found
from ebookgen.project.bookmeta import title_from_filename
from ebookgen.project.manuscript import Project
from ebookgen.readers.table import read_unit

SHOWN_LENGTH = 60  # a longer value (a description) is cut to this many characters
UNQUOTED = ("language", "date", "series_index")  # values shown as they are, not as quoted text


def guessed_titles(project: Project) -> frozenset[str]:
    """Return the titles only guessed from a file or folder name, which a file's own title replaces."""
    return frozenset(title_from_filename(path) for path in (project.root, *project.sources[:1]))


def project_metadata(project: Project) -> Merged:
    """Merge what the project's first file says into its metadata, as a build does, reading only that file."""
    units = project.text_units()
    source = read_unit(units[0], project.encoding) if units else None
    return merge_found(project.metadata, source, project.explicit, guessed_titles(project))


def metadata_lines(merged: Merged) -> tuple[str, ...]:
    """List where each field of a book's metadata came from, any language a file gave that is none, and a language
    the detector found in the story but not surely enough to use."""
    return (*origin_lines(merged.metadata, merged.origins), *merged.notes, *unsure_language(merged))


def unsure_language(merged: Merged) -> tuple[str, ...]:
    """Say what the detector found in the story when it was not sure enough to use it, and how to set the language."""
    detected = merged.detected
    if detected is None or detected.sure:
        return ()
    detected = detected.judged()  # a short text's guess is weighed only here
    found = f"{detected.describe()} ({detected.why_unsure})" if detected.tag else detected.describe()
    tag = detected.tag or "..."
    return (
        f"metadata: language not found in the story's text: {found}; the book is in {merged.metadata.language}; "
        f'say language = "{tag}" in book.toml (or --lang {tag}) to set it',
    )


def origin_lines(metadata: Metadata, origins: tuple[MetadataOrigin, ...]) -> tuple[str, ...]:
    """Say, one line a field, what the book's metadata holds and where it came from."""
    return tuple(
        f"metadata: {origin.field.replace('_', ' ')} {shown(metadata, origin.field)}, {where(origin)}"
        for origin in origins
    )


def where(origin: MetadataOrigin) -> str:
    """Say where one field came from: `from book.toml`, `from story.html (its header block)`, `by default`."""
    if origin.path:
        return f"from {origin.path} (its {origin.source})"
    if origin.source in OPTION_FLAGS.values():
        return f"from the {origin.source} option"
    if origin.source == BOOK_TOML:
        return "from book.toml"
    if origin.source == FILE_NAME:
        return "from the file name"
    return "by default" if origin.source == DEFAULT else f"from {origin.source}"


def shown(metadata: Metadata, field: str) -> str:
    """Show a field's value on one line: quoted text, a list joined, a long one cut."""
    value = getattr(metadata, field)
    if isinstance(value, tuple):
        text = "; ".join(item if isinstance(item, str) else f"{item.name} ({item.role})" for item in value)
    else:
        text = " ".join(str(value).split())
    if len(text) > SHOWN_LENGTH:
        text = text[: SHOWN_LENGTH - 1].rstrip() + "…"
    return text if field in UNQUOTED else f'"{text}"'
