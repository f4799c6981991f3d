"""Normalise a manuscript: furniture off, structure first, then typography, giving the document model.

This is the only place that runs the whole text pipeline:
a reader's raw text -> lines without licence or header -> blocks -> chapters of typed text -> typeset text
-> inline runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ebookgen.model import (
    AuthorNote,
    Block,
    BlockQuote,
    Book,
    Chapter,
    ChatLine,
    ChatLog,
    Figure,
    Flashback,
    Footnote,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    SceneNote,
    Text,
    Verse,
    VerseLine,
    plain_text,
)
from ebookgen.normalise.emphasis import parse_emphasis
from ebookgen.normalise.found import Explicit, merge_found
from ebookgen.normalise.furniture import remove_furniture
from ebookgen.normalise.marks import raw_blocks
from ebookgen.normalise.notes import attach_notes, gutenberg_notes
from ebookgen.normalise.report import Findings
from ebookgen.normalise.structure import StructureOptions, find_structure
from ebookgen.normalise.title_case import title_case
from ebookgen.normalise.typography import PRIMARY_DOUBLE, PRIMARY_SINGLE, TypographyOptions, primary_quote_of, typeset
from ebookgen.readers.header import header_metadata
from ebookgen.readers.source import FoundMetadata, SourceText


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


@dataclass(frozen=True)
class Manuscript:
    """One normalised manuscript: its chapters and what its header block said about the book."""

    chapters: list[Chapter]
    found: FoundMetadata


def normalise_manuscript(
    text: str, options: NormaliseOptions = NormaliseOptions(), findings: Findings = None
) -> Manuscript:
    """Turn one manuscript text into typeset chapters and the metadata its header gives (as its reader reads it)."""
    return Manuscript(normalise_text(text, options, findings), header_metadata(text))


def normalise_text(
    text: str, options: NormaliseOptions = NormaliseOptions(), findings: Findings = None
) -> list[Chapter]:
    """Turn one manuscript text into typeset chapters."""
    lines = remove_furniture(text, options.title, options.authors)
    blocks = raw_blocks(lines, options.paragraph_style, findings)
    structure = StructureOptions(blank_runs=options.blank_runs, author_notes=options.author_notes)
    chapters = [gutenberg_notes(chapter) for chapter in find_structure(blocks, structure, findings)]
    typography = typography_options(options, [block.text for block in blocks if block.mark is None])
    return attach_notes([typeset_chapter(chapter, typography) for chapter in chapters])


def typography_options(options: NormaliseOptions, paragraphs: list[str]) -> TypographyOptions:
    """Choose the primary quote mark (as configured, else as the manuscript's dialogue shows) and the language."""
    quotes = options.quotes
    if quotes == "auto":
        quotes = primary_quote_of(paragraphs)
    primary = PRIMARY_SINGLE if quotes == PRIMARY_SINGLE else PRIMARY_DOUBLE
    return TypographyOptions(primary_quote=primary, language=options.language)


def typeset_chapter(chapter: Chapter, options: TypographyOptions) -> Chapter:
    """Apply typography to a chapter's titles and every text block in it."""
    title = plain_title(chapter.title, options)
    part = plain_title(chapter.part, options)
    blocks = tuple(typeset_block(block, options) for block in chapter.blocks)
    return replace(chapter, title=title, part=part, blocks=blocks)


def plain_title(title: str, options: TypographyOptions) -> str:
    """Typeset a heading's title, dropping emphasis markers (a title is plain text); one typed in capitals is
    set as a title (`CHAPTER I` -> `Chapter I`)."""
    return title_case(plain_text(parse_emphasis(typeset(title, options))), options.language) if title else ""


def typeset_block(block: Block, options: TypographyOptions) -> Block:
    """Typeset one block; scene breaks pass through, blocks that hold blocks are typeset inside."""
    if isinstance(block, (Flashback, BlockQuote)):
        return type(block)(tuple(typeset_block(inner, options) for inner in block.blocks))
    if isinstance(block, Footnote):
        return replace(block, blocks=tuple(typeset_block(inner, options) for inner in block.blocks))
    if isinstance(block, (Paragraph, SceneNote, AuthorNote, Figure)):
        return replace(block, inlines=typeset_inlines(block.inlines, options))
    if isinstance(block, Verse):
        return Verse(tuple(typeset_stanza(stanza, options) for stanza in block.stanzas))
    if isinstance(block, ListBlock):
        return replace(block, items=tuple(ListItem(typeset_inlines(item.inlines, options)) for item in block.items))
    if isinstance(block, ChatLog):
        return ChatLog(tuple(ChatLine(line.sender, typeset_inlines(line.message, options)) for line in block.lines))
    return block


def typeset_inlines(inlines: tuple[Inline, ...], options: TypographyOptions) -> tuple[Inline, ...]:
    """Typeset a run of text as typed and read its inline marks."""
    text = plain_text(inlines)
    return parse_emphasis(typeset(text, options)) if text else ()


def typeset_stanza(stanza: tuple[VerseLine, ...], options: TypographyOptions) -> tuple[VerseLine, ...]:
    """Typeset a stanza as one text (a quote or an emphasis may run over lines), then cut it into its lines again."""
    runs = parse_emphasis(typeset("\n".join(plain_text(line.inlines) for line in stanza), options))
    lines = split_lines(runs)
    return tuple(VerseLine(inlines, line.indent) for line, inlines in zip(stanza, lines, strict=True))


def split_lines(runs: tuple[Inline, ...]) -> list[tuple[Inline, ...]]:
    """Cut inline runs at their line ends, an emphasis running over a line end cut into one per line."""
    lines: list[list[Inline]] = [[]]
    for run in runs:
        if isinstance(run, LineBreak):
            lines.append([])
        elif hasattr(run, "children"):
            inner = split_lines(run.children)
            lines[-1].append(type(run)(inner[0]))
            lines.extend([type(run)(part)] for part in inner[1:])
        else:
            lines[-1].append(run)
    return [tuple(line) for line in lines]


def build_book(
    sources: Sequence[SourceText],
    metadata: Metadata,
    options: NormaliseOptions = NormaliseOptions(),
    default_titles: frozenset[str] = frozenset(),
    explicit: Explicit = Explicit(),
) -> Book:
    """Normalise the texts its readers gave into a book, numbering chapters in order.

    What the first file says about the book (its header block) fills the metadata left at a
    default (``default_titles`` are the titles that were only guessed from a file name).
    """
    merged = merge_found(metadata, sources[0] if sources else None, explicit, default_titles)
    metadata = merged.metadata
    options = replace(options, language=metadata.language, title=metadata.title, authors=metadata.authors)
    chapters = [chapter for source in sources for chapter in normalise_text(source.text, options)]
    numbered = tuple(replace(chapter, number=number) for number, chapter in enumerate(chapters, start=1))
    return Book(metadata=metadata, chapters=numbered, notes=merged.notes, origins=merged.origins)


__all__ = ["Manuscript", "NormaliseOptions", "build_book", "normalise_manuscript", "normalise_text", "Text"]
