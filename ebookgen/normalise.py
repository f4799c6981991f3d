"""Normalise a manuscript: structure first, then typography, giving the document model.

This is the only place that runs the whole text pipeline:
raw text -> blocks -> chapters of typed text -> typeset text -> inline runs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .blocks import split_blocks
from .emphasis import parse_emphasis
from .model import AuthorNote, Block, Book, Chapter, Flashback, Metadata, Paragraph, SceneNote, Text, plain_text
from .structure import StructureOptions, find_structure
from .typography import PRIMARY_DOUBLE, PRIMARY_SINGLE, TypographyOptions, primary_quote_of, typeset


@dataclass(frozen=True)
class NormaliseOptions:
    """Every choice the normaliser makes that a user may override."""

    paragraph_style: str = "auto"
    blank_runs: str = "pause"
    author_notes: str = "keep"
    quotes: str = "auto"


def normalise_text(text: str, options: NormaliseOptions = NormaliseOptions()) -> list[Chapter]:
    """Turn one manuscript text into typeset chapters."""
    blocks = split_blocks(text, options.paragraph_style)
    structure = StructureOptions(blank_runs=options.blank_runs, author_notes=options.author_notes)
    chapters = find_structure(blocks, structure)
    quotes = options.quotes
    if quotes == "auto":
        quotes = primary_quote_of([block.text for block in blocks])
    typography = TypographyOptions(primary_quote=PRIMARY_SINGLE if quotes == PRIMARY_SINGLE else PRIMARY_DOUBLE)
    return [typeset_chapter(chapter, typography) for chapter in chapters]


def typeset_chapter(chapter: Chapter, options: TypographyOptions) -> Chapter:
    """Apply typography to a chapter's title and every text block in it."""
    title = typeset(chapter.title, options) if chapter.title else ""
    return replace(chapter, title=title, blocks=tuple(typeset_block(block, options) for block in chapter.blocks))


def typeset_block(block: Block, options: TypographyOptions) -> Block:
    """Typeset one block; scene breaks pass through, flashbacks are typeset inside."""
    if isinstance(block, Flashback):
        return Flashback(tuple(typeset_block(inner, options) for inner in block.blocks))
    if isinstance(block, (Paragraph, SceneNote, AuthorNote)):
        text = typeset(plain_text(block.inlines), options)
        return type(block)(parse_emphasis(text))
    return block


def build_book(texts: list[str], metadata: Metadata, options: NormaliseOptions = NormaliseOptions()) -> Book:
    """Normalise one or more manuscript texts into a book, numbering chapters in order."""
    chapters: list[Chapter] = []
    for text in texts:
        chapters.extend(normalise_text(text, options))
    numbered = tuple(replace(chapter, number=number) for number, chapter in enumerate(chapters, start=1))
    return Book(metadata=metadata, chapters=numbered)


__all__ = ["NormaliseOptions", "build_book", "normalise_text", "Text"]
