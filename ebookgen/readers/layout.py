"""Lay mapped blocks out as the model's blocks: headings by rank, empty paragraphs by the writer's habit.

The readers of marked-up formats (Word, HTML, EPUB) collect blocks; this turns them into the blocks
a structured document hands on: a gap where the writer left one, headings ranked, notes at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ebookgen.model import Footnote, Inline, Paragraph, SceneBreak, Strong, Text
from ebookgen.model.document import Gap, Heading, NewPage, ReadBlock
from ebookgen.model.outline import outline
from ebookgen.patterns import lazy

TEXT, HEADING, SCENE, PAGE = "text", "heading", "scene", "page"
# Heading levels past the second are subheadings inside a chapter: set as a strong paragraph.
MOST_LEVELS = 2
PART_TITLE = lazy(r"^(?:part|book|volume)\b", re.I)
CHAPTER_TITLE = lazy(r"^(?:chapter|prologue|epilogue|interlude)\b|^(?:\d+|[IVXLC]+)\b", re.I)


@dataclass(frozen=True)
class Block:
    """One mapped block: a paragraph's runs (none for an empty paragraph), a heading, a break, or a block made
    whole (a quote, a list, a figure)."""

    kind: str
    inlines: tuple[Inline, ...] = ()
    level: int = 0  # a heading's level as the source gave it (h1 = 1)
    title: str = ""  # a heading's words
    whole: object = None  # a quote, a list or a figure, already a model block
    line: int = 0  # the line of the file its element starts on (lxml's sourceline), 0 when unknown

    @property
    def empty(self) -> bool:
        """Tell an empty paragraph (a separator or a gap) from a block with content."""
        return self.kind == TEXT and not self.inlines and self.whole is None


def compose(blocks: list[Block], notes: list[Footnote] = ()) -> tuple[ReadBlock, ...]:
    """Turn mapped blocks into model blocks, then the notes they call."""
    return composed(blocks, notes)[0]


def composed(
    blocks: list[Block], notes: list[Footnote] = (), note_lines: list[int] = ()
) -> tuple[tuple[ReadBlock, ...], tuple[int, ...]]:
    """Turn mapped blocks into model blocks, then the notes they call; with the file's line of each."""
    while blocks and (blocks[-1].kind in (PAGE, SCENE) or blocks[-1].empty):
        blocks = blocks[:-1]  # Nothing follows a last break or empty paragraph.
    ranks = heading_ranks(blocks)
    separates = empty_paragraphs_separate(blocks)
    out: list[ReadBlock] = []
    lines: list[int] = []
    empties = 0
    for block in blocks:
        if block.empty:
            empties += 1
            continue
        # A gap where the writer left one: a pause, or a scene break, by the blank-run policy.
        if out and empties - separates > 0 and block.kind == TEXT and not isinstance(out[-1], NewPage):
            out.append(Gap())
            lines.append(block.line)
        out.append(model_block(block, ranks))
        lines.append(block.line)
        empties = 0
    return (*out, *notes), (*lines, *note_lines)


def stamp(blocks: list[Block], start: int, line: int | None) -> None:
    """Give the blocks from ``start`` that have no line yet the line of the element that made them."""
    for index in range(start, len(blocks)):
        if not blocks[index].line and line:
            blocks[index] = replace(blocks[index], line=line)


def file_lines(blocks: tuple[ReadBlock, ...], lines: tuple[int, ...]) -> tuple[int, ...]:
    """Return, for each line of the blocks' outline, the line of the file its block came from ('' unknown: ())."""
    if len(lines) != len(blocks) or not any(lines):
        return ()
    text, starts = outline(blocks)
    begins = sorted((start, line) for start, line in zip(starts, lines, strict=True) if start and line)
    out, current, index = [], begins[0][1], 0
    for number in range(1, text.count("\n") + 2):
        while index < len(begins) and begins[index][0] <= number:
            current, index = begins[index][1], index + 1
        out.append(current)
    return tuple(out)


def model_block(block: Block, ranks: dict[int, int]) -> ReadBlock:
    """Return the model block of one mapped block."""
    if block.kind == SCENE:
        return SceneBreak()
    if block.kind == PAGE:
        return NewPage()
    if block.kind == HEADING:
        rank = ranks.get(block.level, 0)
        return Heading(rank, block.title) if rank else Paragraph((Strong((Text(block.title),)),))
    return block.whole if block.whole is not None else Paragraph(block.inlines)


def heading_ranks(blocks: list[Block]) -> dict[int, int]:
    """Rank the heading levels used: the top one 1; the next 2 when the top one holds parts, else none.

    A top level holds parts when its titles read as parts (`Part One`, `Book II`), or when the level under it
    reads as chapters (`Chapter 3`) and it does not; otherwise the level under it is a chapter's subheadings.
    """
    levels = sorted({block.level for block in blocks if block.kind == HEADING})
    if len(levels) < MOST_LEVELS:
        return {level: 1 for level in levels}
    titles = [
        [block.title for block in blocks if block.kind == HEADING and block.level == level] for level in levels[:2]
    ]
    parts = any(PART_TITLE.match(title) for title in titles[0]) or (
        any(CHAPTER_TITLE.match(title) for title in titles[1]) and not any(CHAPTER_TITLE.match(t) for t in titles[0])
    )
    return {levels[0]: 1, levels[1]: 2} if parts else {levels[0]: 1}


def empty_paragraphs_separate(blocks: list[Block]) -> int:
    """Tell whether the writer put an empty paragraph between paragraphs (1) or indented them (0).

    Where most paragraphs follow one empty paragraph, one is only a separator and two make a gap;
    otherwise any empty paragraph is a gap (a scene break by the blank-run policy).
    """
    gaps, empties, seen = [], 0, False
    for block in blocks:
        if block.empty:
            empties += 1
        elif block.kind == TEXT:
            if seen:
                gaps.append(empties)
            seen, empties = True, 0
        else:
            seen, empties = False, 0
    return 1 if gaps and sum(1 for gap in gaps if gap >= 1) > len(gaps) / 2 else 0
