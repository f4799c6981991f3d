"""The document model: a neutral tree that every writer reads and no writer looks past."""

from ebookgen.model.book import (
    CONTRIBUTOR_ROLES,
    AuthorNote,
    Block,
    Book,
    Chapter,
    Contributor,
    Emphasis,
    Flashback,
    Inline,
    Metadata,
    Paragraph,
    SceneBreak,
    SceneNote,
    Text,
    iter_paragraph_blocks,
    plain_text,
    word_count,
)
from ebookgen.model.pages import PageBreak

__all__ = [
    "CONTRIBUTOR_ROLES",
    "AuthorNote",
    "Block",
    "Book",
    "Chapter",
    "Contributor",
    "Emphasis",
    "Flashback",
    "Inline",
    "Metadata",
    "PageBreak",
    "Paragraph",
    "SceneBreak",
    "SceneNote",
    "Text",
    "iter_paragraph_blocks",
    "plain_text",
    "word_count",
]
