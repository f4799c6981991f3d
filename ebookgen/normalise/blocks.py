"""Split manuscript text into raw blocks: the paragraphs as typed, before any rule reads them.

Manuscripts come in four paragraph styles; the style is detected from the text and can be
forced. Each block remembers whether extra blank lines came before it (a possible break).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ebookgen.normalise.headings import heading_of
from ebookgen.normalise.markers import is_marker_line
from ebookgen.patterns import lazy

PARAGRAPH_STYLES = ("auto", "blank", "lines", "wrapped", "indented")

# How a line that ends a paragraph usually ends: a full stop, a closing quote, a dash.
SENTENCE_END = lazy("[.!?:;\"'\u201d\u2019)\u2026*_~\u2014]$|--$")
INDENT = lazy(r"^(?: {2,}|\t|\u3000)\S")
# A hyphen at a line end after a letter (a compound split by wrapping) or a dash at either side of a line end
# joins the lines with no space.
CLOSED_LINE_END = lazy(r"(?<=[^\W\d_]-)\n|(?<=--)\n|\n(?=--)")
# A line the author kept (raw text's `\` at the line end): its end stays a line end, marked so while joining.
KEPT_LINE_END = "\u2028"
# A line opening with a short key and a colon: `A/N: ...`, `Warning: ...`.
FIELD_LINE = lazy(r"^[\[(]?\W*[A-Za-z/'. ]{1,24}:\s")
# The longest line of a stanza found by its layout: longer lines are prose typed without blank lines.
VERSE_WIDTH = 60


@dataclass(frozen=True)
class RawBlock:
    """A paragraph as typed: its text and the blank lines that came before it."""

    text: str
    blank_lines_before: int = 1
    spaced: bool = False
    line: int = 0  # The source line the block starts on, counted from 1.
    under_heading: bool = False  # A lone line typed right under a heading line: perhaps its title.
    verse: bool = False  # lines kept as typed (a stanza found by its layout), joined by newlines
    mark: object = None  # the raw-text mark (``marks.Mark``) of a block that carries one
    # A structured paragraph's runs (one ``runs.Encoded``): its text is then only its typed shape, which the
    # whole-paragraph rules read (`Chapter 1`, `* * *`, `A/N:`); no mark in it is ever parsed.
    runs: tuple = ()


def split_blocks(text: str | list[str], style: str = "auto") -> list[RawBlock]:
    """Split text (or its lines) into raw blocks in the manuscript's paragraph style."""
    lines = [line.rstrip() for line in text.split("\n")] if isinstance(text, str) else text
    if style == "auto":
        style = detect_style(lines)
    baseline = 1 if style in ("blank", "wrapped") else 0
    blocks: list[RawBlock] = []
    groups = line_groups(lines) if style == "lines" else split_at_markers(line_groups(lines))
    for blank_lines, start, group in groups:
        spaced = bool(blocks) and blank_lines > baseline
        heading = style != "lines" and len(group) > 1 and heading_of(group[0], set_apart=False) is not None
        if heading:
            blocks.append(RawBlock(group[0].strip(), blank_lines, spaced, start + 1))
            group, start, blank_lines, spaced = group[1:], start + 1, 0, False
        if is_stanza(group, style):
            blocks.append(RawBlock(stanza_text(group), blank_lines, spaced, start + 1, verse=True))
            continue
        for index, (offset, paragraph) in enumerate(paragraphs_of(group, style)):
            gap = blank_lines if index == 0 else 0
            under = heading and len(group) == 1
            blocks.append(RawBlock(paragraph, gap, spaced and index == 0, start + offset + 1, under))
    return blocks


def is_stanza(group: list[str], style: str) -> bool:
    """Tell a stanza by its layout: short lines typed together, most of them ending mid-sentence (a poem's
    lines run on; prose typed a paragraph a line ends each one), no line opening with a quote or a `Key:`.

    In a text whose paragraphs are one line each a stanza stands out so; in a hard-wrapped text its lines are
    indented too.
    """
    if len(group) < 2 or any(len(line.strip()) > VERSE_WIDTH for line in group):
        return False
    if any(line.lstrip()[:1] in "\"'\u201c\u2018" or is_marker_line(line) for line in group):
        return False
    if FIELD_LINE.match(group[0].strip()):
        return False  # an author's note or a header's field wrapped over two lines
    running_on = sum(1 for line in group[:-1] if not SENTENCE_END.search(line.rstrip().rstrip("*_\\").rstrip()))
    if running_on * 2 <= len(group) - 1:
        return False
    return style == "blank" or (style == "wrapped" and all(INDENT.match(line) for line in group))


def stanza_text(group: list[str]) -> str:
    """Join a stanza's lines with newlines, keeping each line's indent beyond the stanza's own."""
    common = min(len(line) - len(line.lstrip()) for line in group)
    return "\n".join(line[common:].rstrip().removesuffix("\\").rstrip() for line in group)


def line_groups(lines: list[str]) -> Iterator[tuple[int, int, list[str]]]:
    """Yield runs of non-blank lines with the blank lines before each and the index of its first line."""
    blank = previous_blank = start = 0
    group: list[str] = []
    for number, line in enumerate(lines):
        if line.strip():
            if blank and group:
                yield previous_blank, start, group
                group = []
            if not group:
                previous_blank, start = blank, number
            group.append(line)
            blank = 0
        else:
            blank += 1
    if group:
        yield previous_blank, start, group


def split_at_markers(groups: Iterator[tuple[int, int, list[str]]]) -> Iterator[tuple[int, int, list[str]]]:
    """Cut groups at marker lines typed with no blank line around them, so a marker never joins a paragraph."""
    for blank_lines, start, group in groups:
        if len(group) == 1 or not any(is_marker_line(line) for line in group):
            yield blank_lines, start, group
            continue
        first = 0
        for offset, line in enumerate(group):
            if is_marker_line(line):
                if offset > first:
                    yield (blank_lines if first == 0 else 0), start + first, group[first:offset]
                yield (blank_lines if offset == 0 else 0), start + offset, [line]
                first = offset + 1
        if first < len(group):
            yield 0, start + first, group[first:]


def paragraphs_of(group: list[str], style: str) -> Iterator[tuple[int, str]]:
    """Yield the paragraphs of one group of adjacent lines, each with its line offset in the group."""
    if style == "lines":
        yield from kept_lines(group)
    elif style == "indented":
        paragraph: list[str] = []
        first = 0
        for offset, line in enumerate(group):
            if (INDENT.match(line) or is_flush_heading(group, offset)) and paragraph:
                yield first, join_wrapped(paragraph)
                paragraph, first = [], offset
            paragraph.append(line)
            if is_flush_heading(group, offset):
                yield first, join_wrapped(paragraph)
                paragraph, first = [], offset + 1
        if paragraph:
            yield first, join_wrapped(paragraph)
    else:
        yield 0, join_wrapped(group)


def kept_lines(group: list[str]) -> Iterator[tuple[int, str]]:
    """Yield each line of a group as a paragraph, but a line ending in `\\` goes on into the next."""
    paragraph: list[str] = []
    first = 0
    for offset, line in enumerate(group):
        paragraph.append(line)
        if not line.rstrip().endswith("\\"):
            yield first, join_wrapped(paragraph)
            paragraph, first = [], offset + 1
    if paragraph:
        yield first, join_wrapped(paragraph)


def is_flush_heading(group: list[str], offset: int) -> bool:
    """Tell a heading typed flush left among indented paragraphs (the line after it indented, or none)."""
    line = group[offset]
    if INDENT.match(line) or heading_of(line, set_apart=False) is None:
        return False
    return offset + 1 == len(group) or bool(INDENT.match(group[offset + 1]))


def join_wrapped(lines: list[str]) -> str:
    """Join hard-wrapped lines into one paragraph, keeping a line-end hyphen or dash closed up, and a line
    the author ended with `\\` a line end."""
    if len(lines) == 1:  # a paragraph typed on one line (most): nothing to join
        text = kept_end(lines[0].strip())
    else:
        text = "\n".join(kept_end(line.strip()) for line in lines)
    if "-\n" in text or "\n-" in text:
        text = CLOSED_LINE_END.sub("", text)
    return text.replace("\n", " ").replace(KEPT_LINE_END + " ", "\n").removesuffix(KEPT_LINE_END)


def kept_end(line: str) -> str:
    """Mark a line's `\\` end as kept."""
    return line[:-1].rstrip() + KEPT_LINE_END if line.endswith("\\") else line


def detect_style(lines: list[str]) -> str:
    """Guess how the manuscript separates paragraphs."""
    text_lines = [line for line in lines if line.strip()]
    if not text_lines:
        return "blank"
    first = next(i for i, line in enumerate(lines) if line.strip())
    last = max(i for i, line in enumerate(lines) if line.strip())
    blank_lines = last - first + 1 - len(text_lines)
    indented = sum(1 for line in text_lines if INDENT.match(line))
    if indented > len(text_lines) * 0.2 and blank_lines < len(text_lines) * 0.2:
        return "indented"
    # A heading line typed right above its first line does not make a group of several paragraphs.
    groups = [without_heading(group) for _, _, group in line_groups(lines)]
    # A stanza (short lines typed together) says nothing of how the prose is typed.
    multi = [group for group in groups if len(group) > 1 and not is_stanza(group, "blank")]
    if not multi:
        return "blank"
    if looks_wrapped(text_lines) or breaks_mid_sentence(multi):
        return "wrapped"
    if sum(len(group) for group in multi) > len(text_lines) * 0.5:
        return "lines"
    return "blank"


def breaks_mid_sentence(groups: list[list[str]]) -> bool:
    """Tell whether most lines that another line follows end mid-sentence: paragraphs wrapped, not listed."""
    inner = [line for group in groups for line in group[:-1]]
    ended = sum(1 for line in inner if SENTENCE_END.search(line))
    return ended < len(inner) * 0.5


def without_heading(group: list[str]) -> list[str]:
    """Return a group of lines without a heading line at its top."""
    return group[1:] if len(group) > 1 and heading_of(group[0], set_apart=False) is not None else group


def looks_wrapped(text_lines: list[str]) -> bool:
    """Tell whether lines were broken at a fixed width (Project Gutenberg and e-mail style)."""
    lengths = sorted(len(line) for line in text_lines)
    width = lengths[int(len(lengths) * 0.95) - 1] if len(lengths) > 20 else lengths[-1]
    if not 40 <= width <= 100:
        return False
    near_width = sum(1 for length in lengths if length >= width * 0.75)
    # A few long lines (a URL, a table row) do not make a wrapped text unwrapped.
    too_long = sum(1 for length in lengths if length > width * 1.3)
    return near_width >= len(lengths) * 0.5 and too_long <= len(lengths) * 0.01
