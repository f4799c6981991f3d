"""The print edition's page markers, placed by the renderer where the markup-level rule puts them."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ebookgen.epub.pagelist import PageBreak
from ebookgen.languages import language_for
from ebookgen.model import AuthorNote, Book, Chapter, Emphasis, Flashback, Metadata, Paragraph, SceneBreak, Text
from ebookgen.render.pages import breaks_by_place, place_breaks, word_start
from ebookgen.render.xhtml import render_book, render_chapter

from .pagelist_reference import insert_page_breaks

SETTINGS = settings(
    max_examples=int(os.environ.get("EBOOKGEN_EXAMPLES", "200")),
    deadline=None,
    derandomize="EBOOKGEN_EXAMPLES" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow],
)
SPAN = '<span epub:type="pagebreak" role="doc-pagebreak" id="page-{0}" aria-label="{0}" title="{0}"></span>'
# "One & two *three four* fi*ve* six": what tests/test_epub_pagelist.py marks up by hand.
EMPHASIS = Paragraph(
    (Text("One & two "), Emphasis((Text("three four"),)), Text(" fi"), Emphasis((Text("ve"),)), Text(" six"))
)


def chapter_of(*blocks) -> tuple[Chapter, Book]:
    """Make chapter 1 of a book from blocks."""
    chapter = Chapter("One", tuple(blocks), 1)
    return chapter, Book(Metadata("Book"), (chapter,))


def marked(chapter: Chapter, book: Book, *breaks: PageBreak) -> str:
    """Render a chapter with the page breaks given."""
    return render_chapter(chapter, book, language_for("en"), block_ids=True, breaks=breaks_by_place(breaks)).section


def page(number: int, before: str, offset: int = 0) -> PageBreak:
    """Make the break of page `number`, at an element and an offset into its text."""
    return PageBreak(str(number), number + 2, before, f"page-{number}", offset)


def test_a_mid_paragraph_marker_goes_before_the_next_whole_word_even_inside_emphasis() -> None:
    chapter, book = chapter_of(EMPHASIS)
    assert f"One {SPAN.format(1)}&amp; two" in marked(chapter, book, page(1, "block-1-1", 3))  # "&" is one character.
    assert f"&amp; {SPAN.format(2)}two" in marked(chapter, book, page(2, "block-1-1", 4))  # Mid-word: the next word.
    assert f"<em>{SPAN.format(3)}three four</em>" in marked(chapter, book, page(3, "block-1-1", 6))
    assert f"</em> {SPAN.format(4)}six</p>" in marked(chapter, book, page(4, "block-1-1", 17))  # "fi|ve" is one word.
    assert f"six{SPAN.format(5)}</p>" in marked(chapter, book, page(5, "block-1-1", 30))  # No word left: the end.


def test_markers_at_the_start_of_a_chapter_a_paragraph_and_before_a_scene_break() -> None:
    chapter, book = chapter_of(Paragraph((Text("A."),)), SceneBreak(), AuthorNote((Text("B."),)))
    section = marked(chapter, book, page(7, "chapter-1"), page(8, "block-1-2"), page(9, "block-1-3"))
    assert f'aria-labelledby="chapter-1-title">{SPAN.format(7)}\n<h2' in section
    assert f'{SPAN.format(8)}<hr id="block-1-2"' in section
    assert f'<p id="block-1-3" class="author-note">{SPAN.format(9)}B.</p>' in section


def test_pages_that_begin_at_one_place_keep_the_order_their_markers_had() -> None:
    chapter, book = chapter_of(Paragraph((Text("A."),)), SceneBreak())
    breaks = [page(1, "block-1-1"), page(2, "block-1-1"), page(3, "block-1-2"), page(4, "block-1-2")]
    section = marked(chapter, book, *breaks)
    opening = f'<p id="block-1-1" class="opening">{SPAN.format(2)}{SPAN.format(1)}A.</p>'
    assert opening in section  # Each went in at the start.
    assert f'{SPAN.format(3)}{SPAN.format(4)}<hr id="block-1-2"' in section  # Each went in just before the break.


def test_markers_land_where_the_markup_rule_puts_them_for_the_same_paragraph() -> None:
    chapter, book = chapter_of(EMPHASIS)
    plain = render_chapter(chapter, book, language_for("en"), block_ids=True).section
    breaks = [page(1, "block-1-1", 3), page(2, "block-1-1", 6), page(3, "block-1-1", 17), page(4, "block-1-1")]
    assert marked(chapter, book, *breaks) == insert_page_breaks(plain, breaks)


def test_without_breaks_the_markup_is_unchanged() -> None:
    chapter, book = chapter_of(EMPHASIS, SceneBreak())
    assert marked(chapter, book) == render_chapter(chapter, book, language_for("en"), block_ids=True).section
    assert render_book(book, language_for("en"), block_ids=True, breaks=[page(1, "block-9-9")])[0].section == marked(
        chapter, book
    )


def test_the_placement_rule_in_the_texts_terms() -> None:
    assert [word_start("ab cd  ef", offset) for offset in (1, 2, 3, 4, 5)] == [3, 3, 7, 7, None]
    placed = place_breaks([page(1, "p", 2), page(2, "p"), page(3, "p", 9), page(4, "p")], "ab cd")
    assert [p.label for p in placed.start] == ["4", "2"]  # As markers inserted one by one at the start landed.
    assert {index: [p.label for p in pages] for index, pages in placed.inside.items()} == {3: ["1"]}
    assert [p.label for p in placed.end] == ["3"]


TEXT = st.text(alphabet=st.sampled_from(list("ab  &<>-\u00a0\x0b\n")), max_size=10)
INLINE = st.recursive(
    st.builds(Text, TEXT), lambda runs: st.builds(Emphasis, st.lists(runs, max_size=3).map(tuple)), max_leaves=6
)
INLINES = st.lists(INLINE, max_size=4).map(tuple)
BLOCK = st.one_of(st.builds(Paragraph, INLINES), st.builds(AuthorNote, INLINES), st.just(SceneBreak()))
BLOCKS = st.lists(
    st.one_of(BLOCK, st.builds(Flashback, st.lists(BLOCK, min_size=1, max_size=3).map(tuple))), min_size=1, max_size=4
)


@SETTINGS
@given(BLOCKS, st.data())
def test_the_renderer_agrees_with_the_markup_rule(blocks, data) -> None:
    chapter, book = chapter_of(*blocks)
    plain = render_chapter(chapter, book, language_for("en"), block_ids=True)
    breaks = []
    for number in range(1, data.draw(st.integers(1, 6)) + 1):
        place = data.draw(st.sampled_from(plain.places))
        # A page opens inside a chapter's own section only at its start: its heading has an id of its own.
        offset = 0 if place == plain.anchor else data.draw(st.integers(0, 40))
        breaks.append(page(number, place, offset))
    assert marked(chapter, book, *breaks) == insert_page_breaks(plain.section, breaks)
