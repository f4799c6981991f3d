"""The raised initial of a chapter that opens on a quotation, in every theme, read from the PDF's glyphs (PDFium's
character boxes and sizes): the opening quotation mark is set smaller than the initial (half its size, as book
typography does, not the full-size ``“W`` WeasyPrint sets), its top level with the letter's, hung in the margin so
the letter stands flush with the text; and the initial stands clear of an italic note set above it, as it does of
the chapter's title where no note is."""

from __future__ import annotations

from collections import Counter

import pypdfium2 as pdfium
import pytest

from ebookgen.build import PrintChoices, build_pdf
from ebookgen.themes import THEMES

TOLD = "She turned the mug around in her hands and watched the steam curl away into the cold kitchen air. " * 5
STORY = f"""Chapter 1

A/N: Thanks to everyone who reviewed the last chapter; this one is for you, and for the long winter evenings.

\u201cWhere were you last night?\u201d Rory asked. {TOLD}

Chapter 2

(Rory is sitting on the porch; Jess is in his car, driving.)

\u201cWe should go before the diner closes,\u201d Jess said. {TOLD}

Chapter 3

\u201cWhy not?\u201d Lorelai said. {TOLD}
"""


class Glyph:
    """A character on a page: its text, ink box (left, bottom, right, top; pt from the page's foot) and size."""

    def __init__(self, text: str, box: tuple[float, float, float, float], size: float) -> None:
        self.text, self.box, self.size = text, box, size

    @property
    def top(self) -> float:
        """Return the top of the glyph's ink."""
        return self.box[3]


def glyphs(page) -> list[Glyph]:
    """Return a page's characters, in reading order."""
    text = page.get_textpage()
    return [
        Glyph(text.get_text_range(i, 1), text.get_charbox(i), pdfium.raw.FPDFText_GetFontSize(text.raw, i))
        for i in range(text.count_chars())
    ]


@pytest.fixture(scope="module", params=sorted(THEMES))
def openers(request, tmp_path_factory) -> dict[str, list[Glyph]]:
    """Build the three-chapter story in a theme; return each opener page's glyphs, by the chapter's first words."""
    folder = tmp_path_factory.mktemp(request.param)
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "book.toml").write_text('title = "Porch"\nauthor = "A. Fan"\nlanguage = "en"\n', encoding="utf-8")
    built = build_pdf(folder, folder / "book.pdf", PrintChoices(jobs=1, theme=request.param))
    document, found = pdfium.PdfDocument(built.path), {}
    for index in range(len(document)):
        page = glyphs(document[index])
        text = "".join(glyph.text for glyph in page)
        for words in ("Where were", "We should", "Why not"):
            if words.upper() in text.upper().replace("\u201c", "").replace(" ", "") or words in text:
                found.setdefault(words, page)
    found["points"] = THEMES[request.param].points
    return found


def initial(page: list[Glyph]) -> tuple[int, Glyph, Glyph]:
    """Return where the opening quotation mark is, the mark and the initial's letter beside it."""
    body = body_size(page)
    index = next(i for i, g in enumerate(page[:-1]) if g.text == "\u201c" and page[i + 1].size > body * 1.5)
    return index, page[index], page[index + 1]


def body_size(page: list[Glyph]) -> float:
    """Return the size most of a page's letters are set in: the body's."""
    return Counter(round(g.size, 1) for g in page if g.text.isalpha()).most_common(1)[0][0]


def text_edge(page: list[Glyph], letter: Glyph) -> float:
    """Return the text block's left edge: the leftmost ink of the body's lines under the initial."""
    body = body_size(page)
    return min(g.box[0] for g in page if g.text.isalpha() and g.top < letter.box[1] - 2 and abs(g.size - body) < 0.5)


@pytest.mark.parametrize("words", ["Where were", "We should", "Why not"])
def test_the_opening_quote_is_set_smaller_its_top_level_with_the_initials(openers, words) -> None:
    _, mark, letter = initial(openers[words])
    assert mark.size <= 0.6 * letter.size  # not the letter's size: half of it
    assert abs(mark.top - letter.top) < 1.0  # level with the letter's top, not sunk to its baseline


@pytest.mark.parametrize("words", ["Where were", "We should", "Why not"])
def test_the_opening_quote_hangs_in_the_margin_and_the_initial_is_flush(openers, words) -> None:
    page = openers[words]
    _, mark, letter = initial(page)
    edge = text_edge(page, letter)
    assert mark.box[2] <= edge + 0.5  # the mark out in the margin
    assert abs(letter.box[0] - edge) < 1.5  # the letter flush with the text under it


@pytest.mark.parametrize("words", ["Where were", "We should"])
def test_the_initial_stands_clear_of_a_note_above_it(openers, words) -> None:
    page = openers[words]
    index, mark, letter = initial(page)
    body = openers["points"]  # the body's size (PDFium's sizes are in the text's own scale)
    note = [g for g in page[:index] if g.text.strip() and g.box[1] > letter.top - 1]
    white = min(g.box[1] for g in note) - max(mark.top, letter.top)
    # An author's note, or an italic note setting the scene: a full body size of white between its lowest ink and
    # the initial's top (it nearly touched, and overlapped in romance before the initial rose above its line).
    assert white >= body, (white, body)
