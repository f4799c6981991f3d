"""Lay mapped blocks out as raw text: blank-line style, headings by rank, empty paragraphs by the writer's habit.

The readers of marked-up formats (Word, HTML, EPUB) collect blocks; this writes them in the form
docs/raw-text.md gives, one blank line between blocks and two where the writer left a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TEXT, HEADING, SCENE, PAGE = "text", "heading", "scene", "page"
SCENE_BREAK = "* * *"
FORM_FEED = "\f"
# Heading levels past the second are subheadings inside a chapter: set as a strong paragraph.
MOST_LEVELS = 2
PART_TITLE = re.compile(r"^(?:part|book|volume)\b", re.I)
CHAPTER_TITLE = re.compile(r"^(?:chapter|prologue|epilogue|interlude)\b|^(?:\d+|[IVXLC]+)\b", re.I)


@dataclass(frozen=True)
class Block:
    """One mapped block: a paragraph's raw text (empty for an empty paragraph), a heading, a break."""

    kind: str
    text: str = ""
    level: int = 0  # a heading's level as the source gave it (h1 = 1)


def compose(blocks: list[Block], notes: list[tuple[str, str]] = ()) -> str:
    """Write blocks as raw text, then the notes they refer to."""
    while blocks and blocks[-1].kind in (PAGE, SCENE) or blocks and blocks[-1] == Block(TEXT):
        blocks = blocks[:-1]  # Nothing follows a last break or empty paragraph.
    ranks = heading_ranks(blocks)
    separates = empty_paragraphs_separate(blocks)
    parts: list[str] = []
    empties = 0
    for block in blocks:
        if block.kind == TEXT and not block.text:
            empties += 1
            continue
        if parts:
            # A second blank line where the writer left a gap: a pause, or a scene break, by the blank-run policy.
            gap = empties - separates > 0 and block.kind == TEXT and parts[-1] != FORM_FEED
            parts.append("\n\n\n" if gap else "\n\n")
        parts.append(written(block, ranks))
        empties = 0
    for label, text in notes:
        parts += ["\n\n", f"[^{label}]: {text}"]
    return "".join(parts) + "\n" if parts else ""


def written(block: Block, ranks: dict[int, int]) -> str:
    """Write one block in raw-text marks."""
    if block.kind == SCENE:
        return SCENE_BREAK
    if block.kind == PAGE:
        return FORM_FEED
    if block.kind == HEADING:
        rank = ranks.get(block.level, 0)
        return f"{'#' * rank} {block.text}" if rank else f"**{block.text}**"
    return block.text


def heading_ranks(blocks: list[Block]) -> dict[int, int]:
    """Rank the heading levels used: the top one `#`; the next `##` when the top one holds parts, else none.

    A top level holds parts when its titles read as parts (`Part One`, `Book II`), or when the level under it
    reads as chapters (`Chapter 3`) and it does not; otherwise the level under it is a chapter's subheadings.
    """
    levels = sorted({block.level for block in blocks if block.kind == HEADING})
    if len(levels) < MOST_LEVELS:
        return {level: 1 for level in levels}
    titles = [
        [block.text for block in blocks if block.kind == HEADING and block.level == level] for level in levels[:2]
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
        if block.kind == TEXT and not block.text:
            empties += 1
        elif block.kind == TEXT:
            if seen:
                gaps.append(empties)
            seen, empties = True, 0
        else:
            seen, empties = False, 0
    return 1 if gaps and sum(1 for gap in gaps if gap >= 1) > len(gaps) / 2 else 0
