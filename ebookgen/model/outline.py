"""Write a structured document's blocks out in raw-text form, to be read by eye (never parsed again).

A structured reader's document carries this text beside its blocks: the reader goldens compare it,
and check's line numbers count its lines, as they counted the lines of the raw text such readers
wrote before they handed on blocks.
"""

from __future__ import annotations

from ebookgen.model.book import (
    AuthorNote,
    BlockQuote,
    Emphasis,
    Figure,
    Footnote,
    Formula,
    Inline,
    LineBreak,
    ListBlock,
    NoteRef,
    Paragraph,
    SceneBreak,
    Strong,
    Table,
    Text,
)
from ebookgen.model.document import Gap, Heading, NewPage, ReadBlock
from ebookgen.patterns import lazy

SCENE_BREAK = "* * *"
FORM_FEED = "\f"
NOTE_END = "\n\n:::"
# A paragraph a writer typed opening with what raw text would read as a mark (`# `, `> `, `- `, `1. `, `:::`).
TYPED_MARK = lazy(r"^(?:#|>|[-+] |\d{1,3}[.)] |:::|\[\^|!\[)")


def marked_text(inlines: tuple[Inline, ...]) -> str:
    """Write inline runs with raw text's marks: `*em*`, `**strong**`, `[^label]`, a kept line end `\\`, `$formula$`."""
    out = []
    for run in inlines:
        if isinstance(run, Text):
            out.append(run.text)
        elif isinstance(run, LineBreak):
            out.append("\\\n")
        elif isinstance(run, NoteRef):
            out.append(f"[^{run.label}]")
        elif isinstance(run, Strong):
            out.append(f"**{marked_text(run.children)}**")
        elif isinstance(run, Emphasis):
            out.append(f"*{marked_text(run.children)}*")
        elif isinstance(run, Formula):
            out.append(f"${run.alt}$")
    return "".join(out)


def written(block: ReadBlock) -> str:
    """Write one block in raw-text marks."""
    if isinstance(block, SceneBreak):
        return SCENE_BREAK
    if isinstance(block, NewPage):
        return FORM_FEED
    if isinstance(block, Heading):
        return f"{'#' * block.level} {block.title}"
    if isinstance(block, BlockQuote):
        inner = [inner_written(part) for part in block.blocks]  # a paragraph, or a quote, list or figure inside it
        return "\n>\n".join("\n".join(f"> {line}" for line in text.split("\n")) for text in inner)
    if isinstance(block, ListBlock):
        items = [marked_text(item.inlines) for item in block.items]
        return "\n".join(f"{n}. {text}" if block.ordered else f"- {text}" for n, text in enumerate(items, block.start))
    if isinstance(block, Figure):
        caption = f' "{marked_text(block.inlines)}"' if block.inlines else ""
        return f"![{block.alt.replace(']', '')}]({block.source}{caption})"
    if isinstance(block, Table):
        return table_text(block)
    if isinstance(block, Footnote):
        inner = "\n\n    ".join(inner_written(part).replace("\n", "\n    ") for part in block.blocks)
        return f"[^{block.label}]: {inner}"
    if isinstance(block, Paragraph):
        text = marked_text(block.inlines)
        return f"\\{text}" if TYPED_MARK.match(text) else text  # typed, not a mark: shown escaped
    if isinstance(block, AuthorNote):
        return f"::: note {block.title}".rstrip() + f"\n\n{marked_text(block.inlines)}"
    return ""


def inner_written(block) -> str:
    """Write a block inside a quote or a note: a paragraph as its text (its mark-like start shown as typed)."""
    return marked_text(block.inlines) if isinstance(block, Paragraph) else written(block)


def table_text(table: Table) -> str:
    """Write a table as a Markdown pipe table (a cell's kept line ends as spaces, its `|` escaped), caption first."""
    rows = [
        "| " + " | ".join(marked_text(cell.inlines).replace("\\\n", " ").replace("|", "\\|") for cell in row) + " |"
        for row in table.rows
    ]
    if rows:
        width = max(len(row) for row in table.rows)
        rows.insert(max(table.head, 1), "|" + "---|" * width)
    caption = f"Table: {marked_text(table.caption)}\n" if table.caption else ""
    return caption + "\n".join(rows)


def in_note(blocks: tuple[ReadBlock, ...], index: int) -> bool:
    """Tell an untitled author's note that goes on the note block before it."""
    return index > 0 and not blocks[index].title and isinstance(blocks[index - 1], AuthorNote)


def outline(blocks: tuple[ReadBlock, ...]) -> tuple[str, tuple[int, ...]]:
    """Write blocks as raw text, and return the line (from 1) each block starts on (0 for a gap)."""
    parts: list[str] = []
    starts: list[int] = []
    line, gap, note_open = 1, False, False
    for index, block in enumerate(blocks):
        if isinstance(block, Gap):
            gap = True
            starts.append(0)
            continue
        continues = isinstance(block, AuthorNote) and in_note(blocks, index)
        if note_open and not continues:
            parts.append(NOTE_END)
            line += NOTE_END.count("\n")
        if parts:
            wide = (
                gap and isinstance(block, (Paragraph, BlockQuote, ListBlock, Figure, Table)) and parts[-1] != FORM_FEED
            )
            separator = "\n\n\n" if wide else "\n\n"
            parts.append(separator)
            line += separator.count("\n")
        text = marked_text(block.inlines) if continues else written(block)
        starts.append(line)
        parts.append(text)
        line += text.count("\n")
        gap, note_open = False, isinstance(block, AuthorNote)
    if note_open:
        parts.append(NOTE_END)
    return ("".join(parts) + "\n" if parts else ""), tuple(starts)
