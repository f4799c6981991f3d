"""The per-paragraph shortcuts a long book's EPUB takes (issue 30): each gives what the longer way gave."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from ebookgen.epub.opf import Pictures, pictures_of
from ebookgen.model import (
    BlockQuote,
    Book,
    Chapter,
    Emphasis,
    Figure,
    Footnote,
    ListBlock,
    ListItem,
    Metadata,
    NoteRef,
    Paragraph,
    Strong,
    Text,
)
from ebookgen.model.book import Formula
from ebookgen.normalise.emphasis import MARK_RUN, parse_emphasis
from ebookgen.normalise.notes import has_calls
from ebookgen.normalise.typesetting import typeset_block
from ebookgen.normalise.typography import DIGIT_QUOTE, TypographyOptions, curl_quotes
from ebookgen.readers.gutenberg import GUTENBERG_START, is_gutenberg, is_licence_start, strip_gutenberg
from ebookgen.render.maths import is_display_formula

MARK_TEXTS = [
    "*a* _b_ **c** ***d*** ____e",
    "*_*_ __*__ _*_ **_x_** a*b__c_d",
    "****** ______ *_ _* x* _y",
    "",
    "no marks at all",
]


@pytest.mark.parametrize("text", MARK_TEXTS)
def test_mark_runs_are_the_runs_of_one_mark(text: str) -> None:
    """The runs of marks found from a leading `[*_]` are `\\*+|_+`'s: a `*_` is two runs, never one."""
    assert [m.span() for m in MARK_RUN.finditer(text)] == [m.span() for m in re.finditer(r"\*+|_+", text)]


def test_emphasis_inside_emphasis_with_stand_ins_turned_back() -> None:
    """A reader's stand-in for a literal `*` is turned back inside nested emphasis too (looked for once)."""
    assert parse_emphasis("a **b *c \ufdd4 d* e** f") == (
        Text("a "),
        Strong((Text("b "), Emphasis((Text("c * d"),)), Text(" e"))),
        Text(" f"),
    )


@pytest.mark.parametrize(
    "text",
    ["6'2\" tall", 'Room 2" he said', "the \u0663' mark", "'quoted' 1990's", 'no digit "here"', "7", "'"],
)
def test_a_quote_after_a_digit_is_found_from_the_quote(text: str) -> None:
    """`['"](?<=\\d['"])` finds a quote after a digit wherever `\\d['"]` does, Unicode digits too."""
    assert bool(DIGIT_QUOTE.search(text)) == bool(re.search(r"\d['\"]", text))


@pytest.mark.parametrize("text", ['"Hi," she said. "It\'s \'late\'."', '"\'Twas," he said', '""', "plain"])
def test_quotes_curled_by_the_quote_before_them(text: str) -> None:
    """A quote's neighbour is read as already curled; a text with no straight quote comes back as it was."""
    curled = curl_quotes(text, TypographyOptions())
    assert "'" not in curled and '"' not in curled
    assert len(curled) == len(text)
    if text == "plain":
        assert curled is text


def test_a_paragraph_is_remade_with_all_its_fields() -> None:
    """Typesetting makes a paragraph anew from its runs alone: the record must hold nothing else."""
    assert [field.name for field in fields(Paragraph)] == ["inlines"]
    assert typeset_block(Paragraph((Text('"Go," *she* said'),)), TypographyOptions()) == Paragraph(
        (Text("\u201cGo,\u201d "), Emphasis((Text("she"),)), Text(" said"))
    )


def test_a_note_call_is_found_inside_emphasis_lists_and_quotes() -> None:
    """A call deep in a list item's strong emphasis, or in a quote's paragraph, is a call; plain text is none."""
    deep = ListBlock((ListItem((Text("a"), Strong((Emphasis((NoteRef("1"),)),)))),))
    quoted = BlockQuote((Paragraph((Text("b"), NoteRef("2"))),))
    assert has_calls(Chapter("One", (Paragraph((Text("x"),)), deep)))
    assert has_calls(Chapter("One", (quoted,)))
    assert not has_calls(Chapter("One", (Paragraph((Text("x"), Emphasis((Text("y"),)))),)))


def test_pictures_counted_in_notes_quotes_and_runs() -> None:
    """Figures in a quote and a note, each source once (the first kept), and formulas in emphasis, are counted."""
    formula = Formula("<math/>", "x")
    chapter = Chapter(
        "One",
        (
            Paragraph((Text("a"), Emphasis((formula,)))),
            BlockQuote((Figure("a.png", ""),)),
            Figure("a.png", "alt"),
        ),
        notes=(Footnote("1", 1, (Figure("b.png", "b"), Paragraph((formula,)))),),
    )
    # a.png twice: the record met first is kept, the chapter's last block (the walk takes the last first)
    assert pictures_of(Book(Metadata("T"), (chapter,))) == Pictures(figures=2, without_alt=0, formulas=2)
    assert pictures_of(Book(Metadata("T"), (Chapter("One", (Paragraph((Text("a"),)),)),))).figures == 0


@pytest.mark.parametrize(
    ("inlines", "expected"),
    [
        ((Formula("<math/>", "x", display=True),), True),
        ((Text("  "), Formula("<math/>", "x", display=True), Text(" ")), True),
        ((Formula("<math/>", "x"),), False),
        ((Text("a"), Formula("<math/>", "x", display=True)), False),
        ((Formula("<math/>", "x", display=True), Formula("<math/>", "y", display=True)), False),
        ((Text(" "),), False),
        ((), False),
    ],
)
def test_a_display_formula_is_a_paragraph_of_one_formula(inlines, expected) -> None:
    """Only a paragraph whose one non-blank run is a displayed formula is set as one."""
    assert is_display_formula(Paragraph(inlines)) is expected


@pytest.mark.parametrize(
    "line",
    [
        "*** START OF THE PROJECT GUTENBERG EBOOK WAR AND PEACE ***",
        "  ***START OF THIS PROJECT GUTENBERG EBOOK",
        "\u3000*** start of the project gutenberg ebook",
        "\t*END*THE SMALL PRINT! FOR PUBLIC DOMAIN",
        "\ufeff*** START OF THE PROJECT GUTENBERG EBOOK",
        "START OF THE PROJECT GUTENBERG EBOOK",
        "The *** START OF THE PROJECT GUTENBERG",
        "",
    ],
)
def test_the_licence_start_is_the_patterns(line: str) -> None:
    """Looking at a line's first character first finds the lines the pattern finds, and no other."""
    assert is_licence_start(line) == bool(GUTENBERG_START.match(line))


def test_a_licence_after_an_indented_start_is_stripped() -> None:
    """A licence line indented with an ideographic space still starts the book."""
    lines = [
        "Title: X",
        "\u3000*** START OF THE PROJECT GUTENBERG EBOOK X ***",
        "story",
        "*** END OF THE PROJECT GUTENBERG",
    ]
    assert is_gutenberg(lines)
    assert strip_gutenberg(lines) == ["", "", "story", ""]
