"""Read a structured document's blocks (Word, a web page, an EPUB) into the raw blocks the structure rules read.

The first pass for such a document, as the raw-text parse is for a .txt or .md file. Each paragraph keeps
its runs; what a writer typed is text. Each raw-text convention, decided by what a Word user expects:

- `Chapter 1`, `Prologue`, `PART ONE` typed as a paragraph: a heading, as today (whole words, not a mark).
- `* * *`, `oOo`, `(scene break)` typed as a paragraph: a scene break, as today.
- `Flashback` / `End Flashback` typed as a paragraph: a flashback's markers, as today.
- `A/N:` opening a paragraph: an author's note, as today (words a fan writer types in every format).
- `Name: message` lines kept with Shift+Enter in one paragraph: a chat log (whole lines of words; none hidden).
- Short lines kept with Shift+Enter in one paragraph: verse (its layout, no mark).
- `# Title`: text; Word has heading styles, and a `#` is a character a writer may type.
- `> quote`: text; Word has quote styles and indents.
- `- item`, `1. item`: text; Word makes its own lists (its auto-format does as they are typed).
- `*sigh*`, `_sigh_`, `**loud**`: text; Word has italics and bold, so a typed star is a star.
- `:::` fences, `[^1]` note calls and texts, `![alt](file)`: text; Word has notes and pictures of its own.
- `[1]` with a `[1] note` paragraph (Project Gutenberg's inline notes): text; a structured file's notes are mapped.
- Typography (curly quotes, dashes, ellipses): applied, across the paragraph's runs.

Each block's line is the line its outline (``model.outline``) writes it on.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ebookgen.model import (
    AuthorNote,
    Block,
    BlockQuote,
    ChatLine,
    ChatLog,
    Figure,
    Footnote,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    SceneBreak,
    Table,
)
from ebookgen.model.document import Gap, Heading, NewPage, ReadBlock
from ebookgen.model.outline import marked_text, outline
from ebookgen.model.rawtext import CHAT_LINE, is_chat
from ebookgen.normalise.blocks import RawBlock
from ebookgen.normalise.headings import heading_of
from ebookgen.normalise.marked import paragraph_or_verse
from ebookgen.normalise.markers import MARK_TOKEN, PAGE_BREAK_TOKEN
from ebookgen.normalise.marks import Mark
from ebookgen.normalise.runs import Encoded, encoded


def typed_blocks(blocks: tuple[ReadBlock, ...]) -> list[RawBlock]:
    """Turn a structured document's blocks into raw blocks: paragraphs with their runs, marked blocks whole."""
    _, lines = outline(blocks)
    out: list[RawBlock] = []
    blank = 0
    for block, line in zip(blocks, lines, strict=True):
        if isinstance(block, Gap):
            blank = 2
            continue
        spaced = bool(out) and blank > 1
        out.extend(raw_of(block, blank, spaced, line))
        blank = 1
    return out


def raw_of(block: ReadBlock, blank: int, spaced: bool, line: int) -> list[RawBlock]:
    """Return the raw blocks one structured block stands for."""
    if isinstance(block, Heading):
        return [RawBlock(f"{'#' * block.level} {block.title}", blank, spaced, line)]
    if isinstance(block, SceneBreak):
        return [RawBlock("* * *", blank, spaced, line)]
    if isinstance(block, NewPage):
        return [RawBlock(PAGE_BREAK_TOKEN, blank, spaced, line, mark=Mark("page-break", ()))]
    if isinstance(block, Paragraph):
        return paragraph_blocks(block.inlines, blank, spaced, line)
    kinds = {
        AuthorNote: "note",
        Footnote: "footnote",
        BlockQuote: "quote",
        ListBlock: "list",
        Figure: "figure",
        Table: "table",
    }
    title = block.label if isinstance(block, Footnote) else ""
    mark = Mark(kinds.get(type(block), "quote"), (), title, line, (carried(block),))
    return [RawBlock(MARK_TOKEN, blank, spaced, line, mark=mark)]


def paragraph_blocks(inlines: tuple[Inline, ...], blank: int, spaced: bool, line: int) -> list[RawBlock]:
    """Return a paragraph's raw block; its first kept line a heading of its own when it reads as one, and a
    paragraph of `Name: message` lines a chat log."""
    lines = split_at_breaks(inlines)
    shapes = [marked_text(runs) for runs in lines]
    if len(lines) > 1 and heading_of(shapes[0], set_apart=False, markdown=False) is not None:
        rest = paragraph_blocks(joined_lines(lines[1:]), 0, False, line + 1)
        under = replace(rest[0], under_heading=len(lines) == 2)  # a lone line under it may be its title
        return [RawBlock(shapes[0], blank, spaced, line, runs=(Encoded(encoded(lines[0])),)), under, *rest[1:]]
    if len(lines) > 1 and is_chat(shapes):
        chat = chat_log(lines, shapes)
        if chat is not None:
            return [RawBlock(MARK_TOKEN, blank, spaced, line, mark=Mark("chat", (), "", line, (chat,)))]
    return [RawBlock("\n".join(shapes), blank, spaced, line, runs=(Encoded(encoded(inlines)),))]


def split_at_breaks(inlines: tuple[Inline, ...]) -> list[tuple[Inline, ...]]:
    """Cut a paragraph's runs at its kept line ends (the reader closes every run within its line)."""
    lines: list[list[Inline]] = [[]]
    for run in inlines:
        if isinstance(run, LineBreak):
            lines.append([])
        else:
            lines[-1].append(run)
    return [tuple(line) for line in lines]


def joined_lines(lines: list[tuple[Inline, ...]]) -> tuple[Inline, ...]:
    """Join lines of runs with kept line ends."""
    out: list[Inline] = []
    for index, line in enumerate(lines):
        out.extend((LineBreak(),) if index else ())
        out.extend(line)
    return tuple(out)


def chat_log(lines: list[tuple[Inline, ...]], shapes: list[str]) -> ChatLog | None:
    """Return the chat log of `Name: message` lines, or None when a sender is not plain text at a line's start."""
    messages = []
    for runs, shape in zip(lines, shapes, strict=True):
        sender = CHAT_LINE.match(shape.strip()).group("sender")
        text = encoded(runs)
        cut = re.match(rf"{re.escape(sender)}:[ \t]+", text)
        if cut is None:
            return None
        messages.append(ChatLine(sender, (Encoded(text[cut.end() :]),)))
    return ChatLog(tuple(messages))


def carried(block: Block) -> Block:
    """Return a block made whole by the reader with its text runs carried encoded (a paragraph may be verse)."""
    if isinstance(block, Paragraph):
        return paragraph_or_verse(marked_text(block.inlines).replace("\\\n", "\n"), (Encoded(encoded(block.inlines)),))
    if isinstance(block, AuthorNote):
        return AuthorNote((Encoded(encoded(block.inlines)),), block.title)
    if isinstance(block, BlockQuote):
        return BlockQuote(tuple(carried(inner) for inner in block.blocks))
    if isinstance(block, Footnote):
        return Footnote(block.label, block.number, tuple(carried(inner) for inner in block.blocks))
    if isinstance(block, ListBlock):
        items = tuple(ListItem((Encoded(encoded(item.inlines)),)) for item in block.items)
        return ListBlock(items, block.ordered, block.start)
    if isinstance(block, Figure):
        return Figure(block.source, block.alt, (Encoded(encoded(block.inlines)),) if block.inlines else ())
    if isinstance(block, Table):
        rows = tuple(tuple(replace(cell, inlines=carried_runs(cell.inlines)) for cell in row) for row in block.rows)
        return Table(rows, block.head, carried_runs(block.caption))
    return block


def carried_runs(inlines: tuple) -> tuple:
    """Return runs carried encoded for typesetting (none for an empty cell or caption)."""
    return (Encoded(encoded(inlines)),) if inlines else ()
