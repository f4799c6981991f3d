"""Typeset chapters: typography over each block's text, the inline runs read or rebuilt after it.

A raw-text paragraph's marks (`*em*`, `[^1]`) are read after typography, as docs/raw-text.md says; a
structured paragraph's runs ride through typography as run marks and are rebuilt (``runs.py``).
"""

from __future__ import annotations

from dataclasses import replace

from ebookgen.model import (
    AuthorNote,
    Block,
    BlockQuote,
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
    Paragraph,
    SceneNote,
    Table,
    Verse,
    VerseLine,
    plain_text,
)
from ebookgen.model.maths import FORMULA, with_formulas
from ebookgen.normalise.emphasis import parse_emphasis
from ebookgen.normalise.options import NormaliseOptions
from ebookgen.normalise.runs import is_encoded, runs_of
from ebookgen.normalise.title_case import title_case
from ebookgen.normalise.typography import PRIMARY_DOUBLE, PRIMARY_SINGLE, TypographyOptions, primary_quote_of, typeset


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
    part, subpart = plain_title(chapter.part, options), plain_title(chapter.subpart, options)
    blocks = tuple(typeset_block(block, options) for block in chapter.blocks)
    return replace(chapter, title=title, part=part, subpart=subpart, blocks=blocks)


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
    if block.__class__ is Paragraph:  # most blocks: its one field made at once (`replace` costs five times as much)
        return Paragraph(typeset_inlines(block.inlines, options))
    if isinstance(block, (Paragraph, SceneNote, AuthorNote, Figure)):
        return replace(block, inlines=typeset_inlines(block.inlines, options))
    if isinstance(block, Verse):
        return Verse(tuple(typeset_stanza(stanza, options) for stanza in block.stanzas))
    if isinstance(block, ListBlock):
        return replace(block, items=tuple(ListItem(typeset_inlines(item.inlines, options)) for item in block.items))
    if isinstance(block, ChatLog):
        return ChatLog(tuple(ChatLine(line.sender, typeset_inlines(line.message, options)) for line in block.lines))
    if isinstance(block, Table):
        rows = tuple(
            tuple(replace(cell, inlines=typeset_inlines(cell.inlines, options)) for cell in row) for row in block.rows
        )
        return replace(block, rows=rows, caption=typeset_inlines(block.caption, options))
    return block


def typeset_inlines(inlines: tuple[Inline, ...], options: TypographyOptions) -> tuple[Inline, ...]:
    """Typeset a run of text as typed and read its inline marks (a structured paragraph's: its runs' edges)."""
    text = plain_text(inlines)
    if not text:
        return ()
    if is_encoded(inlines):
        return runs_of(typeset(text, options))
    typed = typeset(text, options)
    if FORMULA not in typed:
        return parse_emphasis(typed)  # no formula to rebuild (most paragraphs: the same runs, not copied)
    return with_formulas(parse_emphasis(typed))  # a Markdown file's TeX rides as a marked key


def typeset_stanza(stanza: tuple[VerseLine, ...], options: TypographyOptions) -> tuple[VerseLine, ...]:
    """Typeset a stanza as one text (a quote or an emphasis may run over lines), then cut it into its lines again."""
    text = typeset("\n".join(plain_text(line.inlines) for line in stanza), options)
    runs = runs_of(text) if any(is_encoded(line.inlines) for line in stanza) else with_formulas(parse_emphasis(text))
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
