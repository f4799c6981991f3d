"""Notes: each note text found its call, and each chapter the notes it calls, numbered from 1.

A raw-text note (``[^label]: text``) may stand anywhere in a manuscript: Markdown puts them all at the
end. Project Gutenberg texts type their notes inline: a call ``[1]`` (or ``*``) in the text and the
note as a paragraph of its own after it (``[1] The text.``, ``[Footnote 1: The text.]``, ``* The text.``);
those are read as notes too, before typography runs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ebookgen.model import (
    BlockQuote,
    Chapter,
    ChatLine,
    ChatLog,
    Emphasis,
    Figure,
    Flashback,
    Footnote,
    Inline,
    ListBlock,
    ListItem,
    NoteRef,
    Paragraph,
    Strong,
    Table,
    Text,
    Verse,
    VerseLine,
)
from ebookgen.normalise.emphasis import emphasis_spans
from ebookgen.patterns import lazy

INLINE_NOTE = lazy(
    r"^(?:\[(?P<label>\d{1,3}|[*\u2020\u2021])\][ \t]+(?P<text>\S.*)"
    r"|\[Footnote[ \t]+(?P<named>\d{1,3}|[A-Z*]):[ \t]*(?P<body>.*)\]"
    r"|(?P<star>\*)[ \t]+(?P<starred>[^*\s].*))$",
    re.S,
)

# How many paragraphs before a `*` note its call may be.
STAR_REACH = 3


def gutenberg_notes(chapter: Chapter) -> Chapter:
    """Read a chapter's inline notes (a call `[1]` in a paragraph, `[1] text` after it) as raw-text notes."""
    blocks = list(chapter.blocks)
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or len(block.inlines) != 1 or type(block.inlines[0]) is not Text:
            continue  # Project Gutenberg's inline notes are a plain text's; a structured file's notes are mapped.
        found = INLINE_NOTE.match(block.inlines[0].text)
        if not found:
            continue
        label = found.group("label") or found.group("named") or found.group("star")
        body = found.group("text") or found.group("body") or found.group("starred") or ""
        call = note_call(label)
        # A star's call is in the paragraphs just before its note; a number's may be anywhere before it.
        nearest = max(index - STAR_REACH, -1) if label == "*" else -1
        for before in range(index - 1, nearest, -1):
            earlier = blocks[before]
            called = first_call(call, earlier.inlines[0].text) if isinstance(earlier, Paragraph) else None
            if called is not None and len(earlier.inlines) == 1 and type(earlier.inlines[0]) is Text:
                # A label of its own, with no `*` that the emphasis rule could pair with another.
                own = f"{'star' if label == '*' else label}.{chapter.number}.{index}"
                text = earlier.inlines[0].text
                blocks[before] = Paragraph((Text(f"{text[: called.start()]}[^{own}]{text[called.end() :]}"),))
                blocks[index] = Footnote(own, 0, (Paragraph((Text(body.strip()),)),))
                break
    return replace(chapter, blocks=tuple(blocks))


def first_call(call: re.Pattern, text: str) -> re.Match | None:
    """Return the first call of a note in a paragraph, a star that marks emphasis (`*no*`) not counted."""
    marks = {index for marked in emphasis_spans(text) for index in (marked.start, marked.end - 1)}
    return next((match for match in call.finditer(text) if match.end() - 1 not in marks), None)


def note_call(label: str) -> re.Pattern:
    """Return the pattern of a note's call in the text: `[1]` after a word or mark, or a `*` after one."""
    if label == "*":  # War and Peace's translation sets it after a space: `Petersbourg, * was also there`
        return re.compile(r"(?<=[\w.,;:!?\"'\u2019\u201d)]) ?\*(?![\w*])")
    return re.compile(r"(?<=[\w.,;:!?\"'\u2019\u201d)])\[" + re.escape(label) + r"\]")


def attach_notes(chapters: list[Chapter]) -> list[Chapter]:
    """Take the note texts out of the chapters and give each chapter the notes it calls, numbered.

    A note text nothing calls stays where it was typed, as paragraphs, so that no word is lost.
    """
    texts: dict[str, Footnote] = {}
    for chapter in chapters:
        for block in chapter.blocks:
            if isinstance(block, Footnote):
                texts.setdefault(block.label, block)
    if not texts and not any(has_calls(chapter) for chapter in chapters):
        return chapters
    numbered_chapters: list[tuple[Chapter, dict[str, int]]] = []
    for chapter in chapters:
        numbers: dict[str, int] = {}
        blocks = tuple(
            block if isinstance(block, Footnote) else number_calls(block, texts, numbers) for block in chapter.blocks
        )
        numbered_chapters.append((replace(chapter, blocks=blocks), numbers))
    called = {label for _, numbers in numbered_chapters for label in numbers}
    out = []
    for chapter, numbers in numbered_chapters:
        notes = tuple(Footnote(label, number, as_typed(texts[label].blocks)) for label, number in numbers.items())
        taken = {id(texts[label]) for label in called}
        out.append(replace(chapter, blocks=tuple(without_note_texts(chapter.blocks, taken)), notes=notes))
    return out


def as_typed(blocks):
    """Return a note's blocks with any call inside them put back as typed: a note calls no note."""
    return tuple(map_inlines(block, calls_as_typed) for block in blocks)


def calls_as_typed(inlines):
    """Put note calls back as the text they were typed as."""
    out = []
    for run in inlines:
        if isinstance(run, NoteRef):
            out.append(Text(f"[^{run.label}]"))
        elif isinstance(run, (Emphasis, Strong)):
            out.append(type(run)(calls_as_typed(run.children)))
        else:
            out.append(run)
    return tuple(out)


def without_note_texts(blocks, taken: set[int]):
    """Yield a chapter's blocks without the note texts its calls took; another (uncalled, or a second text of
    one label) leaves its paragraphs in its place."""
    for block in blocks:
        if not isinstance(block, Footnote):
            yield block
        elif id(block) not in taken:
            yield from as_typed(block.blocks)


def has_calls(chapter: Chapter) -> bool:
    """Tell whether any text of a chapter calls a note."""
    return any(calls_in(inlines) for block in chapter.blocks for inlines in inline_lists(block))


def calls_in(inlines: tuple[Inline, ...]) -> bool:
    """Tell whether inline runs call a note, looking inside emphasis (plain text, most runs, passed at once)."""
    for run in inlines:
        if run.__class__ is Text:
            continue
        if isinstance(run, NoteRef) or isinstance(run, (Emphasis, Strong)) and calls_in(run.children):
            return True
    return False


def inline_lists(block) -> list[tuple[Inline, ...]]:
    """Return the inline runs of a block, one tuple per paragraph, line or item."""
    if isinstance(block, (Flashback, BlockQuote)):
        return [inlines for inner in block.blocks for inlines in inline_lists(inner)]
    if isinstance(block, Verse):
        return [line.inlines for stanza in block.stanzas for line in stanza]
    if isinstance(block, ListBlock):
        return [item.inlines for item in block.items]
    if isinstance(block, ChatLog):
        return [line.message for line in block.lines]
    if isinstance(block, Table):
        return [block.caption, *(cell.inlines for cell in block.cells)]
    return [block.inlines] if hasattr(block, "inlines") else []


def number_calls(block, texts: dict[str, Footnote], numbers: dict[str, int]):
    """Number a block's note calls in reading order, a call with no note text put back as typed."""
    return map_inlines(block, lambda inlines: numbered(inlines, texts, numbers))


def numbered(inlines: tuple[Inline, ...], texts: dict[str, Footnote], numbers: dict[str, int]) -> tuple[Inline, ...]:
    """Number the note calls among inline runs."""
    out: list[Inline] = []
    for run in inlines:
        if isinstance(run, NoteRef):
            if run.label not in texts:
                out.append(Text(f"[^{run.label}]"))
                continue
            number = numbers.setdefault(run.label, len(numbers) + 1)
            out.append(NoteRef(run.label, number))
        elif isinstance(run, (Emphasis, Strong)):
            out.append(type(run)(numbered(run.children, texts, numbers)))
        else:
            out.append(run)
    return tuple(out)


def map_inlines(block, change):
    """Return a block with `change` applied to each of its runs of inlines (paragraph, line, item, caption)."""
    if isinstance(block, (Flashback, BlockQuote)):
        return type(block)(tuple(map_inlines(inner, change) for inner in block.blocks))
    if isinstance(block, Verse):
        return Verse(
            tuple(tuple(VerseLine(change(line.inlines), line.indent) for line in stanza) for stanza in block.stanzas)
        )
    if isinstance(block, ListBlock):
        return replace(block, items=tuple(ListItem(change(item.inlines)) for item in block.items))
    if isinstance(block, ChatLog):
        return ChatLog(tuple(ChatLine(line.sender, change(line.message)) for line in block.lines))
    if isinstance(block, Table):
        rows = tuple(tuple(replace(cell, inlines=change(cell.inlines)) for cell in row) for row in block.rows)
        return replace(block, rows=rows, caption=change(block.caption) if block.caption else ())
    if isinstance(block, Footnote):
        return replace(block, blocks=tuple(map_inlines(inner, change) for inner in block.blocks))
    if isinstance(block, Figure) or hasattr(block, "inlines"):
        return replace(block, inlines=change(block.inlines))
    return block
