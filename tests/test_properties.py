"""Properties that hold for any manuscript: text kept in order, idempotence, well-formed XHTML."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ElementTree
from types import SimpleNamespace

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from ebookgen.model import (
    Book,
    Emphasis,
    Flashback,
    Metadata,
    Paragraph,
    SceneBreak,
    SceneNote,
    Text,
    iter_paragraph_blocks,
    plain_text,
)
from ebookgen.normalise.headings import CONTENTS, heading_of, is_weak_heading, names_chapters
from ebookgen.normalise.structure import (
    AUTHOR_NOTE,
    EMPHASIS_ONLY,
    FLASHBACK_END,
    FLASHBACK_START,
    MARKER_LIKE,
    is_marker_word,
    is_scene_break_marker,
    sentence_runs_through,
)
from ebookgen.normalise.typography import typeset
from ebookgen.render.xhtml import render_book

from .rawtext import normalise_text

# EBOOKGEN_EXAMPLES raises the number of examples for a longer, randomised fuzzing pass by hand; the suite itself
# runs a fixed set of examples so that CI is repeatable (what a fuzzing pass finds becomes an @example).
EXAMPLES = int(os.environ.get("EBOOKGEN_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="EBOOKGEN_EXAMPLES" not in os.environ,
    database=None if "EBOOKGEN_EXAMPLES" not in os.environ else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow],
)

WORDS = st.sampled_from(
    [
        "she",
        "said",
        "Rory",
        "Jess",
        "it's",
        "'em",
        "'80s",
        "'Tis",
        "6'2\"",
        "don't",
        "Joneses'",
        "o'clock",
        "--",
        "---",
        "----",
        "...",
        ". . .",
        "....",
        "-",
        "—",
        "…",
        "“",
        "”",
        "‘",
        "’",
        "(",
        ")",
        "[",
        "]",
        "*",
        "_",
        "*oh*",
        "_no_",
        "**yes**",
        "x",
        "A/N:",
        "12",
        "XII",
        "café",
        "naïve",
        "&",
        "<b>",
        "a&b",
        '"Hello,"',
        '"Wait--"',
        "'Hi,'",
        '"He said "no.""',
        "'quote'",
        '"',
        "'",
        "#",
        "~",
        "oOo",
    ]  # fmt: skip
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
MARKER_LINES = ["* * *", "***", "~~~", "#", "oOo", "-x-x-", "(scene break)", "Flashback", "End Flashback"]
HEADING_LINES = ["Chapter 1", 'Chapter Two: The "Day"', "PART ONE", "# Storm", "Prologue", "THE END OF IT"]
MARKERS, HEADINGS = st.sampled_from(MARKER_LINES), st.sampled_from(HEADING_LINES)
ITEM = st.one_of(SENTENCE, SENTENCE, SENTENCE, MARKERS, HEADINGS)


def no_contents_list(items: list[str]) -> bool:
    """Tell that no three headings stand together (that is a table of contents, dropped on purpose)."""
    run = 0
    for item in items:
        if heading_of(item) is not None:
            run += 1
            if run >= 3:
                return False
        elif kept_source(item).strip() and not AUTHOR_NOTE.match(item):
            run = 0
    return True


ITEMS = st.lists(ITEM, min_size=1, max_size=12).filter(no_contents_list)
MANUSCRIPT = ITEMS.map(lambda items: "\n\n".join(items) + "\n")


def alphanumerics(text: str) -> str:
    """Return the letters and digits of a text, in order."""
    return "".join(char for char in text if char.isalnum())


def kept_source(text: str) -> str:
    """Return the text without the marker lines the normaliser removes on purpose."""
    lines = [
        line
        for line in text.split("\n")
        if not (is_scene_break_marker(line.strip()) or FLASHBACK_START.match(line) or FLASHBACK_END.match(line))
    ]
    return "\n".join(lines)


def book_text(chapters, titles: bool = True) -> str:
    """Return every title and text run of a book, in reading order."""
    parts: list[str] = []
    for chapter in chapters:
        # A part with text of its own is a chapter under its own title.
        if titles:
            parts.extend((chapter.part if chapter.part != chapter.title else "", chapter.title))
        parts.extend(plain_text(block.inlines) for block in iter_paragraph_blocks(chapter.blocks))
    return "\n".join(parts)


def as_manuscript(chapters) -> str:
    """Write normalised chapters back as a manuscript in ebookgen's own conventions."""
    lines: list[str] = []
    parts = any(chapter.part for chapter in chapters)
    for chapter in chapters:
        if chapter.part:
            lines.append(f"# {chapter.part}")
        if chapter.title and chapter.title != chapter.part:
            lines.append(f"{'##' if parts else '#'} {chapter.title}")
        lines.extend(blocks_as_text(chapter.blocks))
    return "\n\n".join(lines) + "\n"


def blocks_as_text(blocks) -> list[str]:
    """Write blocks back as paragraphs and marker lines."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, SceneBreak):
            out.append("* * *")
        elif isinstance(block, Flashback):
            out.extend(["Flashback", *blocks_as_text(block.blocks), "End Flashback"])
        else:
            # Emphasis goes back with whichever marker the paragraph's own text does not use.
            mark = "_" if "*" in plain_text(block.inlines) else "*"
            if mark in plain_text(block.inlines):
                assume(False)
            text = inlines_as_text(block.inlines, mark)
            # A scene note that is not a parenthetical goes back as the decorated line it came from.
            note = isinstance(block, SceneNote) and not re.fullmatch(r"\(.*\)|\[.*\]", text)
            out.append(f"<< {text} >>" if note else text)
    return out


def inlines_as_text(inlines, mark: str = "*") -> str:
    """Write inline runs back with `*emphasis*` and `**strong**`."""
    return "".join(
        run.text
        if isinstance(run, Text)
        else f"{mark * (2 if type(run).__name__ == 'Strong' else 1)}{inlines_as_text(run.children, mark)}"
        f"{mark * (2 if type(run).__name__ == 'Strong' else 1)}"
        for run in inlines
    )


def read_as(items: list[str]) -> list[str]:
    """Model what each item is read as: "heading", "text" (a marker's word the sentence runs through) or "prose".

    Issue 13 keeps two kinds of line as text: a bare number or capitals line after text in a manuscript that
    names its chapters (`HELP US` painted on a wall), and a marker's word a sentence runs through.
    """
    named = names_chapters(items)
    kinds: list[str] = []
    since: list[str] = []  # The items of the chapter so far, since its heading.
    for index, item in enumerate(items):
        previous = kinds[-1] if kinds else "heading"
        after_text = any(has_text(earlier) for earlier in since)
        if heading_of(item) is not None and not (named and after_text and is_weak_heading(item)):
            kinds.append("heading")
            since = []
            continue
        since.append(item)
        before = [Paragraph((Text(items[index - 1]),))] if index and plain_paragraph(items[index - 1]) else []
        following = [SimpleNamespace(text=items[index + 1])] if index + 1 < len(items) else []
        runs = previous != "heading" and is_marker_word(item) and sentence_runs_through(before, following)
        kinds.append("text" if runs else "prose")
    return kinds


def has_text(item: str) -> bool:
    """Tell whether an item gives its chapter text (a paragraph or a scene note, not a marker or an author's note)."""
    return plain_paragraph(item) or bool(MARKER_LIKE.match(item) and not EMPHASIS_ONLY.match(item))


def plain_paragraph(item: str) -> bool:
    """Tell whether an item is read as a plain paragraph (not a marker, a note or a heading)."""
    markers = is_scene_break_marker(item) or FLASHBACK_START.match(item) or FLASHBACK_END.match(item)
    note = AUTHOR_NOTE.match(item) or (MARKER_LIKE.match(item) and not EMPHASIS_ONLY.match(item))
    return not markers and not note and heading_of(item) is None


@SETTINGS
@given(ITEMS)
def test_no_letter_or_digit_is_lost_or_reordered(items: list[str]) -> None:
    chapters = normalise_text("\n\n".join(items) + "\n")
    kinds = read_as(items)
    headings = [item for item, kind in zip(items, kinds, strict=True) if kind == "heading"]
    prose = [
        item if kind == "text" else kept_source(item)
        for item, kind in zip(items, kinds, strict=True)
        if kind != "heading"
    ]
    # Titles keep their letters in order; so does the text, where a note before a heading joins its chapter.
    titles = "".join(f"{chapter.part if chapter.part != chapter.title else ''}{chapter.title}" for chapter in chapters)
    # A heading typed in capitals is set as a title (`PART ONE` -> `Part One`): its letters keep their order.
    assert alphanumerics(titles).casefold() == alphanumerics("".join(headings)).casefold()
    assert alphanumerics(book_text(chapters, titles=False)) == alphanumerics("\n".join(prose))


@SETTINGS
@given(st.text(min_size=1, max_size=300))
def test_any_text_keeps_its_letters_and_renders_well_formed(text: str) -> None:
    chapters = normalise_text(text)
    contents = (heading := heading_of(text)) is not None and heading.level == CONTENTS
    if re.search(r"[^\W_]", kept_source(text)) and "\n" not in text.strip() and not contents:
        # A heading typed in capitals is set as a title: its letters keep their order, not their case.
        assert alphanumerics(book_text(chapters)).casefold() == alphanumerics(kept_source(text)).casefold()
    book = Book(Metadata(title="T"), tuple(chapters))
    for chapter in render_book(book):
        ElementTree.fromstring(chapter.section.replace("epub:type", "data-type"))


@SETTINGS
@given(MANUSCRIPT)
def test_rendered_chapters_are_well_formed_xhtml(text: str) -> None:
    book = Book(Metadata(title="T"), tuple(normalise_text(text)))
    for chapter in render_book(book):
        root = ElementTree.fromstring(chapter.section.replace("epub:type", "data-type"))
        assert root.tag == "section"


@SETTINGS
@given(SENTENCE)
def test_typesetting_is_idempotent(text: str) -> None:
    once = typeset(text)
    assert typeset(once) == once


@SETTINGS
@given(MANUSCRIPT)
@example("(6'2\" )\n")  # An inch mark is not dialogue: the note stays a note once curled.
@example("\n\n\u2014")  # A line holding only a dash is text, not a marker, both times.
@example("[ ]\n")  # A bracketed note goes back as typed.
@example("she - *oh* *\n")  # A spaced hyphen before emphasis is a dash, whichever marker.
def test_normalising_its_own_output_changes_nothing(text: str) -> None:
    once = normalise_text(text)
    twice = normalise_text(as_manuscript(once))
    assert book_text(twice) == book_text(once)
    assert [chapter.blocks for chapter in twice] == [chapter.blocks for chapter in once]


def test_emphasis_survives_the_round_trip() -> None:
    once = normalise_text("She was *very* tired.\n")
    assert once[0].blocks[0].inlines[1] == Emphasis((Text("very"),))
    assert normalise_text(as_manuscript(once)) == once
