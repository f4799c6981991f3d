"""Make the model blocks a raw-text mark stands for (``marks.py`` found them): verse, quotes, lists, notes...

Their text is still as typed, in one ``Text`` run per paragraph or line; the pipeline's typography
and inline rules read it later, as they read every paragraph.
"""

from __future__ import annotations

import re

from ebookgen.model import (
    AuthorNote,
    Block,
    BlockQuote,
    ChatLine,
    ChatLog,
    Figure,
    Footnote,
    ListBlock,
    ListItem,
    Paragraph,
    Text,
    Verse,
    VerseLine,
)
from ebookgen.normalise.blocks import VERSE_WIDTH, join_wrapped, line_groups
from ebookgen.normalise.marks import CHAT_LINE, LIST_ITEM, Mark
from ebookgen.normalise.pipetables import pipe_table


def mark_blocks(mark: Mark, author_notes: str = "keep") -> list[Block | None]:
    """Return the blocks one mark stands for (None for an author's note the options drop)."""
    if mark.blocks:  # made whole by a structured reader
        return list(mark.blocks) if mark.kind != "note" or author_notes == "keep" else [None]
    if mark.kind == "verse":
        return [verse_of(list(mark.lines))]
    if mark.kind in ("note", "end-note"):
        notes = [AuthorNote(block.inlines) for block in inner_blocks(list(mark.lines)) if isinstance(block, Paragraph)]
        if notes and mark.title:
            notes[0] = AuthorNote(notes[0].inlines, mark.title)
        return notes if author_notes == "keep" else [None]
    if mark.kind == "quote":
        return [BlockQuote(tuple(inner_blocks(list(mark.lines))))]
    if mark.kind == "list":
        return [list_of(mark.lines)]
    if mark.kind == "figure":
        alt, caption = mark.lines
        return [Figure(mark.title, alt, (Text(caption),) if caption else ())]
    if mark.kind == "footnote":
        return [Footnote(mark.title, 0, tuple(inner_blocks(list(mark.lines))))]
    if mark.kind == "chat":
        return [chat_of(mark.lines)]
    if mark.kind == "table":
        return [pipe_table(mark.lines)]
    return []


def inner_blocks(lines: list[str]) -> list[Block]:
    """Read the paragraphs inside a mark: blank lines between them, kept lines (`\\`) kept, short ones verse."""
    blocks: list[Block] = []
    for _, _, group in line_groups(lines):
        if group[0].lstrip().startswith(">") and all(line.lstrip().startswith(">") for line in group):
            blocks.append(BlockQuote(tuple(inner_blocks([re.sub(r"^\s*> ?", "", line) for line in group]))))
            continue
        blocks.append(paragraph_or_verse(join_wrapped(group)))
    return blocks


def paragraph_or_verse(text: str, runs: tuple = ()) -> Block:
    """Return a paragraph, or verse when the author kept every line end and the lines are short.

    ``runs`` are a structured paragraph's (one ``runs.Encoded``), ``text`` then only its typed shape.
    """
    lines = text.split("\n")
    if len(lines) > 1 and all(len(line) <= VERSE_WIDTH for line in lines):
        if runs:
            kept = runs[0].text.split("\n")
            return Verse((tuple(VerseLine((type(runs[0])(line),)) for line in kept),))
        return Verse((tuple(VerseLine((Text(line),)) for line in lines),))
    return Paragraph(runs or (Text(text),))


def verse_of(lines: list[str]) -> Verse:
    """Read verse: a stanza per group of lines, each line's leading spaces its indent."""
    stanzas = []
    for _, _, group in line_groups(lines):
        stanzas.append(tuple(verse_line(line) for line in group))
    return Verse(tuple(stanzas))


def verse_line(line: str) -> VerseLine:
    """Read one line of verse: its indent and its text, a `\\` at its end dropped."""
    text = line.rstrip().removesuffix("\\").rstrip()
    return VerseLine((Text(text.lstrip()),), len(text) - len(text.lstrip()))


def stanza_of(text: str) -> Verse:
    """Return the verse of a stanza found by its layout (its lines joined by newlines, indents kept)."""
    return verse_of(text.split("\n"))


def list_of(lines: tuple[str, ...]) -> ListBlock:
    """Read a list: one item per marked line, an indented line going on with the item before it."""
    items: list[str] = []
    start = 1
    for line in lines:
        item = LIST_ITEM.match(line)
        if item:
            if not items and item.group("number"):
                start = int(item.group("number"))
            items.append(item.group("text").strip())
        else:
            items[-1] += " " + line.strip()
    ordered = bool(LIST_ITEM.match(lines[0]).group("number"))
    return ListBlock(tuple(ListItem((Text(item),)) for item in items), ordered, start)


def chat_of(lines: tuple[str, ...]) -> ChatLog:
    """Read a chat log: each line's sender and message."""
    messages = []
    for line in lines:
        found = CHAT_LINE.match(line)
        messages.append(ChatLine(found.group("sender"), (Text(found.group("message")),)))
    return ChatLog(tuple(messages))


def merge_stanzas(blocks: list) -> list:
    """Join verse blocks that follow one another into one poem, each keeping its stanzas."""
    out: list = []
    for block in blocks:
        if isinstance(block, Verse) and out and isinstance(out[-1], Verse):
            out[-1] = Verse(out[-1].stanzas + block.stanzas)
        else:
            out.append(block)
    return out
