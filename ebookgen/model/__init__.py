"""The document model: a neutral tree that every writer reads and no writer looks past."""

from ebookgen.model.book import (
    AuthorNote,
    Block,
    Book,
    Chapter,
    Emphasis,
    Flashback,
    Inline,
    Metadata,
    Paragraph,
    SceneBreak,
    SceneNote,
    Text,
    chapter_word_count,
    iter_paragraph_blocks,
    plain_text,
    word_count,
)
from ebookgen.model.pages import PageBreak

__all__ = [
    "AuthorNote",
    "Block",
    "Book",
    "Chapter",
    "Emphasis",
    "Flashback",
    "Inline",
    "Metadata",
    "PageBreak",
    "Paragraph",
    "SceneBreak",
    "SceneNote",
    "Text",
    "chapter_word_count",
    "iter_paragraph_blocks",
    "plain_text",
    "word_count",
]
