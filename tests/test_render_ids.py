"""The renderer owns the ids and the page variants: records carry their places, writers ask for variants."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from ebookgen.epub.writer import EpubOptions, write_epub
from ebookgen.languages import english
from ebookgen.model import Book, Chapter, Emphasis, Flashback, Metadata, Paragraph, SceneBreak, SceneNote, Text
from ebookgen.pdf.printbook import body_sections, book_html
from ebookgen.render.frontmatter import contents_entries, dedication_page, epigraph_page
from ebookgen.render.ids import section_kind
from ebookgen.render.xhtml import FIRST_CHAPTER, render_book, render_chapter, render_part, render_part_page

from .conftest import epubcheck_later
from .epubtools import EPUB_TYPE, NS, Epub
from .pagelist_reference import places_in

ENGLISH = english()
META = Metadata("Two Rivers", ("A. Writer",), dedication="For the mill.", epigraph="No hurry.", epigraph_source="Milne")


def paragraph(words: str) -> Paragraph:
    """Make a paragraph of plain text."""
    return Paragraph((Text(words),))


def book(part: str = "") -> Book:
    """Make a book of two chapters, the second with a flashback, a scene note and a scene break."""
    second = (
        SceneNote((Text("(The mill, 1901.)"),)),
        Flashback((paragraph("Long ago."), SceneBreak(), paragraph("Longer ago."))),
        Paragraph((Text("Now "), Emphasis((Text("again"),)), Text("."))),
    )
    chapters = (Chapter("One", (paragraph("A."), paragraph("B.")), 1, part), Chapter("Two", second, 2))
    return Book(META, chapters)


def ids_in(section: str) -> list[str]:
    """Return every id of a section's elements, in document order."""
    tree = etree.fromstring(section.replace("epub:type", "data-type"))
    return [element.get("id") for element in tree.iter() if element.get("id")]


def test_a_rendered_chapter_carries_its_places_in_order() -> None:
    rendered = render_book(book(), ENGLISH, block_ids=True)
    assert rendered[0].places == ("chapter-1", "block-1-1", "block-1-2")
    assert rendered[1].places == ("chapter-2", "block-2-1", "block-2-2", "block-2-3", "block-2-4", "block-2-5")
    for done in rendered:
        assert [place for place in ids_in(done.section) if place in done.places] == list(done.places)
        assert list(done.places) == places_in(done.anchor, done.section)  # What the markup says, too.


def test_without_block_ids_a_chapter_is_its_only_place() -> None:
    rendered = render_chapter(book().chapters[1], book(), ENGLISH)
    assert rendered.places == ("chapter-2",)
    assert ids_in(rendered.section) == ["chapter-2", "chapter-2-title"]


def test_the_first_chapter_variant_renders_its_class() -> None:
    plain = render_chapter(book().chapters[0], book(), ENGLISH, block_ids=True)
    first = render_chapter(book().chapters[0], book(), ENGLISH, block_ids=True, variant=FIRST_CHAPTER)
    assert 'class="chapter"' in plain.section and "first-chapter" not in plain.section
    assert first.section.startswith('<section epub:type="chapter" role="doc-chapter" class="chapter first-chapter"')
    assert first.section.replace(" first-chapter", "", 1) == plain.section and first.places == plain.places


def test_the_printed_body_opens_with_its_first_section_in_its_page_group() -> None:
    rendered = render_book(book(), ENGLISH, block_ids=True)
    body = body_sections(book(), ENGLISH, rendered)
    assert body.startswith('<section epub:type="chapter" role="doc-chapter" class="chapter first-chapter"')
    assert body.count("first-chapter") == 1 and "first-part" not in body
    with_part = body_sections(book("Part One"), ENGLISH, rendered)
    assert with_part.startswith('<section class="part first-part" id="part-before-1" role="doc-part">')
    assert "first-chapter" not in with_part and with_part.count("first-part") == 1
    assert "first-" not in body_sections(book("Part One"), ENGLISH, rendered, first=False)


def test_part_pages_and_contents_share_the_renderers_ids() -> None:
    assert render_part_page(book("Part One").chapters[0]).startswith('<section class="part" id="part-before-1"')
    assert [entry.anchor for entry in contents_entries(book("Part One"), ENGLISH)] == [
        "part-before-1",
        "chapter-1",
        "chapter-2",
    ]
    part = render_part(1, "Part One")
    assert part.anchor == "part-1" and ids_in(part.section) == ["part-1", "part-1-title"]
    assert [section_kind(anchor) for anchor in ("chapter-3", "part-before-2", "block-3-1", "chapter-3-title")] == [
        "chapter",
        "part",
        "",
        "",
    ]


def test_the_printed_dedication_and_epigraph_carry_no_epub_semantics() -> None:
    assert dedication_page(book()).startswith('<section class="dedication" id="dedication">')
    assert epigraph_page(book()).startswith('<section class="epigraph" id="epigraph">')
    html = book_html(book(), ENGLISH, render_book(book(), ENGLISH, block_ids=True), 2024)
    assert 'epub:type="dedication"' not in html and 'epub:type="epigraph"' not in html


def test_the_ebooks_dedication_and_epigraph_carry_their_semantics(tmp_path: Path) -> None:
    target = write_epub(book(), tmp_path / "two-rivers.epub", EpubOptions(datetime(2024, 1, 1, tzinfo=UTC)))
    epubcheck_later(target)
    epub = Epub(target)
    for kind in ("dedication", "epigraph"):
        section = epub.xml(f"text/{kind}.xhtml").find(".//x:body/x:section", NS)
        assert (section.get(EPUB_TYPE), section.get("role"), section.get("id")) == (kind, f"doc-{kind}", kind)


def test_the_opening_is_the_first_paragraph_of_the_story_after_its_notes() -> None:
    """A theme's initial and small capitals go on the story's first paragraph, never on an author's note."""
    from ebookgen.model import AuthorNote, Book, Chapter, Metadata, Paragraph, SceneBreak, SceneNote, Text
    from ebookgen.render.xhtml import render_chapter

    def section(*blocks) -> str:
        chapter = Chapter("One", tuple(blocks), number=1)
        return render_chapter(chapter, Book(Metadata(title="T"), (chapter,)), ENGLISH).section

    note, scene = AuthorNote((Text("Thanks to my beta."),), title="Notes"), SceneNote((Text("(Paris, 1805)"),))
    story = Paragraph((Text("The ferry left at six."),))
    opened = section(note, scene, story, Paragraph((Text("Later."),)))
    assert opened.count('class="opening"') == 1
    assert '<p class="opening">The ferry left at six.</p>' in opened
    assert 'class="opening"' not in section(SceneBreak(), story)  # a chapter opening on a break has no opening
