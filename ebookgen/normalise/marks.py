"""Raw-text marks: the blocks docs/raw-text.md gives a mark of their own, found in the lines before paragraphs.

Fenced blocks (``::: verse``, ``::: note``), block quotes (``> `` lines), lists, figures, note texts
(``[^1]: ...``), chat logs (``Name: message`` lines) and page-break lines are taken out of the text
here, each replaced by one token line that the paragraph splitter keeps as a block of its own; the
structure rules turn a token back into its ``Mark`` (``marked.py`` makes the model blocks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ebookgen.model.rawtext import CHAT_LINE, FENCED_KINDS, is_chat, is_pipe_table  # noqa: F401  (the raw-text vocabulary)
from ebookgen.normalise.blocks import RawBlock, split_blocks
from ebookgen.normalise.headings import heading_of
from ebookgen.normalise.markers import MARK_TOKEN, PAGE_BREAK_TOKEN
from ebookgen.patterns import lazy

FENCE_START = lazy(r"^:{3,}\s*(?P<kind>[A-Za-z][\w-]*)(?:\s+(?P<title>\S.*?))?\s*$")
FENCE_END = lazy(r"^:{3,}\s*$")
QUOTE_LINE = lazy(r"^ {0,3}>")
LIST_ITEM = lazy(r"^ {0,3}(?P<marker>[-+*]|(?P<number>\d{1,3})[.)])[ \t]+(?P<text>\S.*)$")
FIGURE = lazy(r'^!\[(?P<alt>[^\]]*)\]\((?P<source>[^)\s]+)(?:\s+"(?P<caption>[^"]*)")?\)$')
NOTE_TEXT = lazy(r"^\[\^(?P<label>[^\]\s]+)\]:[ \t]*(?P<text>.*)$")
CONTINUED = "    "  # a note's further paragraph is indented by four spaces


@dataclass(frozen=True)
class Mark:
    """One marked block: its kind, its lines as typed (marks off), a title and the source line it starts on."""

    kind: str  # "verse", "note", "end-note", "quote", "list", "figure", "footnote", "chat", "table" or "page-break"
    lines: tuple[str, ...]
    title: str = ""  # a fenced note's heading, a figure's source, a note's label
    line: int = 0
    blocks: tuple = ()  # the model blocks a structured reader made whole (then ``lines`` is empty)


@dataclass(frozen=True)
class Taken:
    """A text with its marked blocks taken out: its lines (a token line for each), and where each line came from."""

    lines: list[str]
    origin: list[int]  # the 0-based source line of each kept line
    marks: dict[str, Mark]


def raw_blocks(lines: list[str], style: str = "auto", findings=None) -> list[RawBlock]:
    """Split a text's lines into raw blocks, each marked block one block carrying its mark."""
    taken = take_marks(lines, findings)
    blocks = split_blocks(taken.lines, style)
    out = []
    for block in blocks:
        line = taken.origin[block.line - 1] + 1 if 0 < block.line <= len(taken.origin) else block.line
        mark = taken.marks.get(block.text.strip()) if taken.marks else None
        out.append(block if line == block.line and mark is block.mark else replace(block, line=line, mark=mark))
    return without_page_breaks(out)


def without_page_breaks(blocks: list[RawBlock]) -> list[RawBlock]:
    """Turn a page-break line into a scene break, or into nothing before a heading, at the start or the end."""
    out: list[RawBlock] = []
    for index, block in enumerate(blocks):
        if block.mark is None or block.mark.kind != "page-break":
            out.append(block)
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        ends = following is None or not out or opens_with_heading(following)
        if not ends and not (following.mark is not None and following.mark.kind == "page-break"):
            out.append(replace(block, text="* * *", mark=None))
    return out


def opens_with_heading(block: RawBlock) -> bool:
    """Tell a block that is a heading (a `#` a writer typed in a structured paragraph is not one)."""
    return heading_of(block.text, set_apart=True, markdown=not block.runs) is not None


def take_marks(lines: list[str], findings=None) -> Taken:
    """Take the marked blocks out of a text's lines, leaving a token line for each."""
    kept: list[str] = []
    origin: list[int] = []
    marks: dict[str, Mark] = {}
    for start, end, mark in marked_runs(lines, findings):
        if mark is None:
            kept.extend(lines[start:end])
            origin.extend(range(start, end))
            continue
        token = f"{MARK_TOKEN}{len(marks)}"
        marks[token] = replace(mark, line=start + 1)
        kept.append(token)
        origin.append(start)
    return Taken(kept, origin, marks)


def marked_runs(lines: list[str], findings=None) -> Iterator[tuple[int, int, Mark | None]]:
    """Yield runs of lines (start, end, mark): a marked block's lines with its mark, other lines with None."""
    index, plain = 0, 0
    while index < len(lines):
        found = mark_at(lines, index, findings)
        if found is None:
            index += 1
            continue
        end, mark = found
        if index > plain:
            yield plain, index, None
        yield index, end, mark
        index = plain = end
    if plain < len(lines):
        yield plain, len(lines), None


def mark_at(lines: list[str], index: int, findings=None) -> tuple[int, Mark] | None:
    """Return the end of the marked block that starts at a line, and its mark; None when no block starts there."""
    line = lines[index]
    stripped = line.strip()
    if stripped == PAGE_BREAK_TOKEN:
        return index + 1, Mark("page-break", ())
    fence = FENCE_START.match(line) if line[:1] == ":" else None  # a fence's line starts with its colons
    if fence and fence.group("kind").lower() in FENCED_KINDS:
        return fenced(lines, index, fence, findings)
    if index and lines[index - 1].strip() or not stripped:
        return None  # Every other mark is a whole group of lines, after a blank line or at the start.
    group = group_at(lines, index)
    end = index + len(group)
    if all(QUOTE_LINE.match(text) for text in group):
        return end, Mark("quote", tuple(re.sub(r"^ {0,3}> ?", "", text) for text in group))
    if len(group) == 1 and (figure := FIGURE.match(group[0].strip())):
        return end, Mark("figure", (figure.group("alt"), figure.group("caption") or ""), figure.group("source"))
    note = NOTE_TEXT.match(group[0])
    if note:
        return note_text(lines, index, note)
    if is_pipe_table(group):
        return end, Mark("table", tuple(group))
    if is_list(group):
        return end, Mark("list", tuple(group))
    if is_chat(group):
        return end, Mark("chat", tuple(text.strip().removesuffix("\\").rstrip() for text in group))
    return None


def group_at(lines: list[str], index: int) -> list[str]:
    """Return the lines from index to the next blank line."""
    end = index
    while end < len(lines) and lines[end].strip():
        end += 1
    return lines[index:end]


def fenced(lines: list[str], index: int, fence: re.Match, findings=None) -> tuple[int, Mark]:
    """Return a fenced block's end and its mark; a fence never closed runs to the end of the text."""
    from ebookgen.normalise.report import warn

    end = next((i for i in range(index + 1, len(lines)) if FENCE_END.match(lines[i])), None)
    if end is None:
        warn(findings, index + 1, f"{fence.group(0).strip()!r} is never closed with ':::'; it runs to the end")
        end = len(lines) - 1
        inner = lines[index + 1 :]
    else:
        inner = lines[index + 1 : end]
    return end + 1, Mark(fence.group("kind").lower(), tuple(inner), fence.group("title") or "")


def note_text(lines: list[str], index: int, note: re.Match) -> tuple[int, Mark]:
    """Return a note text's end and its mark: its first group, then each group indented four spaces."""
    group = group_at(lines, index)
    inner = [note.group("text"), *group[1:]]
    end = index + len(group)
    while True:
        after = end
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after >= len(lines) or not lines[after].startswith(CONTINUED):
            break
        more = group_at(lines, after)
        if not all(text.startswith(CONTINUED) for text in more):
            break
        inner += [""] * (after - end) + [text[len(CONTINUED) :] for text in more]
        end = after + len(more)
    return end, Mark("footnote", tuple(inner), note.group("label"))


def is_list(group: list[str]) -> bool:
    """Tell a list (two or more `- item` or `1. item` lines, an item's further lines indented) from prose."""
    items = [LIST_ITEM.match(text) for text in group]
    if not items[0] or sum(1 for item in items if item) < 2:
        return False
    if any(item is None and not text.startswith("  ") for item, text in zip(items, group, strict=True)):
        return False
    numbered = {bool(item.group("number")) for item in items if item}
    return len(numbered) == 1 and not all(text.strip().replace(" ", "") == "***" for text in group)
