"""The book's metadata from book.toml: each key to its `Metadata` field, typeset where it is printed."""

from __future__ import annotations

import re
from pathlib import Path

from ebookgen.errors import ConfigError
from ebookgen.model import Contributor, Metadata
from ebookgen.project.editions import edition_isbns, identifier_from
from ebookgen.project.matter import back_matter, typeset_strings
from ebookgen.project.paths import shown
from ebookgen.project.values import date_text, folded, is_public_domain


def title_from_filename(path: Path) -> str:
    """Make a readable title from a file name: `my_great-story.txt` -> `My Great Story`."""
    words = re.sub(r"[_\-.]+", " ", shown(path.stem)).split()  # A name's non-UTF-8 bytes shown escaped.
    return " ".join(word if word.isupper() else word.capitalize() for word in words) or "Untitled"



def metadata_from(config: dict, folder: Path) -> Metadata:
    """Build the book's metadata from book.toml."""
    author = config.get("author", "Anonymous")
    authors = tuple(folded(name) for name in (author if isinstance(author, list) else [author]))
    config = config | typeset_strings(config)  # curly quotes, dashes and ellipses on the title page too
    return Metadata(
        title=folded(config.get("title", "")) or title_from_filename(folder.resolve()),
        authors=authors or ("Anonymous",),
        language=config.get("language", "en"),
        subtitle=folded(config.get("subtitle", "")),
        description=config.get("description", ""),
        subjects=tuple(config.get("subjects", ())),
        publisher=config.get("publisher", ""),
        rights=config.get("rights", ""),
        identifier=identifier_from(config),
        edition_isbns=edition_isbns(config),
        date=date_text(config.get("date", "")),
        series=folded(config.get("series", "")),
        series_index=str(config.get("series_index", "")),
        dedication=config.get("dedication", ""),
        epigraph=config.get("epigraph", ""),
        epigraph_source=config.get("epigraph_source", ""),
        cover=str(folder / config["cover"]) if config.get("cover") else "",
        author_sort=author_sort_from(config, authors),
        contributors=tuple(Contributor(item["name"], item["role"]) for item in config.get("contributors", ())),
        public_domain=is_public_domain(config.get("rights", "")),
        **back_matter(config, folder),
    )


def author_sort_from(config: dict, authors: tuple[str, ...]) -> tuple[str, ...]:
    """Read book.toml's author_sort: one filing name per author, as a list or joined with " & " as Calibre does."""
    value = config.get("author_sort", "")
    sorts = tuple(value) if isinstance(value, list) else tuple(part.strip() for part in value.split(" & ") if value)
    if sorts and len(sorts) != len(authors):
        raise ConfigError(f"book.toml: author_sort names {len(sorts)} authors but author names {len(authors)}")
    return sorts
