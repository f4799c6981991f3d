"""A right-to-left book laid out as the mirror image of a left-to-right one, read from the rendered boxes.

One Hebrew book (a part with two chapters, verse, a list, a chat log) is built as EPUB and PDF. The EPUB's
chapter and contents are opened in headless Chromium, and each block's box and its text's extent are read
from the page: indents, hanging lines and the nested contents stand at the right, the start of a Hebrew line.
The PDF's characters are read with their boxes (pypdfium2): the contents' titles flush right with the page
numbers at the left margin, verse, list and chat lines flush right.
"""

from __future__ import annotations

import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest

from ebookgen.build import build_all

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Chromium as root in a closed network: no sandbox, no calls home (as tests/test_watch.py starts it).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BOOK_TOML = 'title = "הספר"\nauthor = "דנה לוי"\nlanguage = "he"\n'
STORY = """# חלק ראשון

## פרק 1

היא אמרה: "ד"ר כהן ראה את ג'ורג' אתמול." אחר כך הלכה הביתה לאט, דרך הרחובות הריקים של העיר הקטנה, ועצרה רק \
ליד החנות הישנה שבפינה.

::: verse
בלילה השקט הזה
הכוכבים זורחים מעל ההרים הרחוקים
והרוח שרה שיר ישן
:::

- לחם טרי מהמאפייה
- חלב וגבינה
- תפוחים אדומים

דנה: איפה את עכשיו? אני מחכה כבר שעה שלמה ליד הדלת ואין לי מפתח
רון: בדרך, עוד עשר דקות אני שם

## פרק 2

הבוקר הגיע, והעיר התעוררה לאט.

אחר כך נפתחו החנויות אחת אחרי השנייה, והאנשים יצאו לרחובות עם סלים ריקים וחזרו הביתה עם לחם, עם פירות ועם \
עיתונים של הבוקר.
"""
# Reads, for each selector, the element's box and the extent of its text's line boxes, in CSS pixels.
BOXES = """(selectors) => {
  const extent = (element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
    return [Math.min(...rects.map((r) => r.left)), Math.max(...rects.map((r) => r.right))];
  };
  const found = {};
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    found[selector] = {box: [box.left, box.right], text: extent(element), direction: style.direction,
                       firstLine: extent(element.querySelector('.line, b, *') || element)};
  }
  return found;
}"""
WIDTH = 600  # the viewport's width, CSS pixels
LINE_GAP = 5  # points: characters whose boxes' bottoms are closer than this are on one line


@pytest.fixture(scope="module")
def hebrew_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the Hebrew book's EPUB and PDF once; return the folder they are in."""
    folder = tmp_path_factory.mktemp("hebrew")
    (folder / "book.toml").write_text(BOOK_TOML, encoding="utf-8")
    (folder / "story.md").write_text(STORY, encoding="utf-8")
    build_all(folder, folder / "dist")
    (built,) = (folder / "dist").glob("*.epub")  # named after the Hebrew title
    with zipfile.ZipFile(built) as epub:
        epub.extractall(folder / "epub")
    return folder


def test_the_hebrew_book_is_built_right_to_left(hebrew_book: Path) -> None:
    """Every content document says dir="rtl"; the words are typeset for Hebrew (gershayim inside a quotation)."""
    chapter = (hebrew_book / "epub" / "EPUB" / "text" / "chapter-001.xhtml").read_text(encoding="utf-8")
    assert 'dir="rtl"' in chapter and 'xml:lang="he"' in chapter
    assert "”ד״ר כהן ראה את ג׳ורג׳ אתמול.”" in chapter
    assert 'class="verse"' in chapter and "<ul" in chapter and 'class="chat-log"' in chapter
    assert ">פרק 1<" in chapter  # the chapter's number kept in digits, as typed


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)")
def test_the_epub_lays_out_as_a_mirror_image_in_chromium(hebrew_book: Path, tmp_path: Path) -> None:
    """In Chromium, verse, list and chat log are indented at the right and their lines start there; the
    contents' chapters stand indented at the right under their part."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    text = hebrew_book / "epub" / "EPUB"
    selectors = [".verse", ".verse .line", "ul", "ul li", ".chat-log", ".chat-line", "p.opening"]
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": 900})
        page.goto((text / "text" / "chapter-001.xhtml").as_uri())
        boxes = page.evaluate(BOXES, selectors)
        page.screenshot(path=str(tmp_path / "chapter.png"))
        page.goto((text / "nav.xhtml").as_uri())
        contents = page.evaluate(
            "() => [...document.querySelectorAll('nav[role=\"doc-toc\"] a, nav#toc a')].map("
            "(a) => [a.textContent, a.getBoundingClientRect().left, a.getBoundingClientRect().right])"
        )
        browser.close()
    assert {found["direction"] for found in boxes.values()} == {"rtl"}
    paragraph_right = boxes["p.opening"]["box"][1]
    for block in (".verse", ".chat-log", "ul"):
        box = boxes[block]["box"]
        assert box[0] == 0 and box[1] < paragraph_right or block == "ul", (block, box)  # indented at the right
    for line, block in ((".verse .line", ".verse"), ("ul li", "ul"), (".chat-line", ".chat-log")):
        right_edge = boxes[block]["box"][1] if line != "ul li" else boxes[line]["box"][1]
        assert boxes[line]["text"][1] == pytest.approx(right_edge, abs=1), line  # starts at the right: not cut off
        assert boxes[line]["text"][0] > 20, line  # and ends short of the left: flush right, ragged left
    assert boxes["ul li"]["box"][1] < boxes["ul"]["box"][1]  # the list's items indented at the right
    assert boxes[".chat-line"]["text"][1] <= WIDTH  # a hanging sender stays inside the page
    part, *chapters = contents
    assert part[0] == "חלק ראשון" and [entry[0] for entry in chapters] == ["פרק 1", "פרק 2"]
    assert all(entry[2] < part[2] for entry in chapters)  # nested under the part: indented at the right
    assert all(entry[1] > WIDTH / 2 for entry in contents)  # flush right, not left


def pdf_lines(path: Path, page_number: int) -> list[tuple[str, float, float]]:
    """Return one page's lines of text, top to bottom, each with the left and right edge of its letters."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    text = document[page_number].get_textpage()
    chars = []
    for index in range(text.count_chars()):
        char = text.get_text_range(index, 1)
        if not char.strip() or unicodedata.category(char) == "Mn":
            continue  # a space, or a mark over a letter: the letters give the line's edges
        left, bottom, right, _ = text.get_charbox(index, loose=True)
        chars.append((bottom, char, left, right, index))
    document.close()
    lines: list[list[tuple[float, str, float, float, int]]] = []
    for found in sorted(chars, key=lambda found: -found[0]):  # top to bottom; a line's faces differ a little
        if lines and lines[-1][0][0] - found[0] < LINE_GAP:
            lines[-1].append(found)
        else:
            lines.append([found])
    return [
        (
            "".join(found[1] for found in sorted(line, key=lambda found: found[4])),  # in the file's order
            min(found[2] for found in line),
            max(found[3] for found in line),
        )
        for line in lines
    ]


def pdf_page_with(path: Path, words: str) -> int:
    """Return the number (from 0) of the first PDF page whose text holds these letters."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        letters = words.replace(" ", "")
        for number in range(len(document)):
            if letters in document[number].get_textpage().get_text_range().replace(" ", ""):
                return number
    finally:
        document.close()
    raise AssertionError(f"no page holds {words!r}")


def test_the_pdf_contents_puts_the_page_numbers_at_the_left_margin(hebrew_book: Path) -> None:
    """The printed contents of a Hebrew book: titles flush right, the numbers at the left margin, chapters
    indented at the right under their part."""
    (pdf,) = (hebrew_book / "dist").glob("*.pdf")
    lines = pdf_lines(pdf, pdf_page_with(pdf, "תוכן העניינים"))
    entries = [line for line in lines if any(char.isdigit() for char in line[0])]
    assert len(entries) == 3, lines
    lefts = {round(left) for _, left, _ in entries}
    assert len(lefts) == 1  # every number at one left margin
    part, *chapters = entries
    assert all(chapter[2] < part[2] for chapter in chapters)  # a part's chapters indented at the right
    assert all(right - left > 200 for _, left, right in entries)  # a number at one side, its title at the other


def test_the_pdf_sets_verse_list_and_chat_flush_right(hebrew_book: Path) -> None:
    """In the PDF's chapter, verse, list and chat lines line up at the right and end short of the left margin;
    a chat line's sender hangs at the right, as far out as a verse line, and no line runs past the left margin."""
    (pdf,) = (hebrew_book / "dist").glob("*.pdf")
    lines = pdf_lines(pdf, pdf_page_with(pdf, "הכוכבים זורחים"))
    justified = next(line for line in lines if line[0].startswith("הביתה"))  # a full line of the first paragraph
    margin_left, margin_right = justified[1], max(right for _, _, right in lines)
    verse = [line for line in lines if line[0].startswith(("בלילה", "הכוכבים", "והרוח"))]
    items = [line for line in lines if line[0].startswith(("לחם", "חלב", "תפוחים"))]
    senders = [line for line in lines if line[0].startswith(("דנה:", "רון:"))]
    assert len(verse) == 3 and len(items) == 3 and len(senders) == 2, lines
    for group in (verse, items, senders):
        rights = [right for _, _, right in group]
        assert max(rights) - min(rights) < 1, group  # one start edge, at the right
        assert max(left for _, left, _ in group) > margin_left + 20, group  # ragged at the left
        assert max(rights) < margin_right - 5, group  # indented from the right margin
    assert all(left > margin_left - 0.5 for _, left, _ in lines), lines  # nothing past the left margin
    # the chat line's second line, under its sender (its last words: how many, the measure decides)
    run_on = next(line for line in lines if "מפתח" in line[0] and not line[0].startswith("דנה:"))
    assert run_on[2] < senders[0][2] - 5  # the sender hangs at the right, the words run on inside
    assert senders[0][2] == pytest.approx(verse[0][2], abs=1)  # both hang to the block's start edge


def test_the_pdf_indents_a_paragraph_at_the_right(hebrew_book: Path) -> None:
    """A paragraph after another opens indented at its start, the right; its justified lines fill to the left margin."""
    (pdf,) = (hebrew_book / "dist").glob("*.pdf")
    lines = pdf_lines(pdf, pdf_page_with(pdf, "נפתחו החנויות"))
    first = next(line for line in lines if line[0].startswith("אחר"))
    following = lines[lines.index(first) + 1]
    assert following[2] - first[2] > 5  # the indent at the right
    assert first[1] == pytest.approx(min(left for _, left, _ in lines), abs=1)  # justified to the left margin


def laid_out_text(language: str, theme: str, body: str) -> list[tuple[str, float]]:
    """Lay out a body by the print stylesheets and a theme's; return each text box's text and letter spacing."""
    from weasyprint import HTML

    from ebookgen.resources import stylesheet
    from ebookgen.themes import THEMES, size_rules

    sheets = "".join(stylesheet(name) for name in ("base.css", "print.css", f"themes/{theme}/print.css"))
    html = (
        f'<html lang="{language}" dir="rtl"><head><style>{sheets}{size_rules(THEMES[theme])}</style></head>'
        f"<body>{body}</body></html>"
    )
    found, stack = [], [page._page_box for page in HTML(string=html).render().pages]
    while stack:
        box = stack.pop()
        if type(box).__name__ == "TextBox":
            found.append((box.text, box.style["letter_spacing"]))
        stack.extend(reversed(getattr(box, "children", [])))
    return found


@pytest.mark.parametrize("theme", ["classic", "modern", "romance", "large-print"])
def test_an_arabic_opening_keeps_its_first_word_whole(theme: str) -> None:
    """Arabic joins its letters: no theme cuts a raised initial from the first word, nor spaces a title's letters."""
    from ebookgen.languages import language_for

    assert language_for("ar").joins_letters and not language_for("he").joins_letters
    body = (
        '<div class="part"><h1 class="part-title">الجزء الأول</h1></div>'
        '<p class="opening joined">قال: إنه ذهب إلى البيت.</p>'
    )
    boxes = laid_out_text("ar", theme, body)
    texts = [text for text, _ in boxes]
    assert texts[0] == "الجزء الأول" and texts[-1] == "قال: إنه ذهب إلى البيت.", boxes  # (an ornament between)
    assert all(spacing in (0, "normal") for _, spacing in boxes), boxes
    hebrew = laid_out_text("he", theme, '<p class="opening">היא אמרה שלום.</p>')
    assert hebrew[0][0] == "ה"  # a Hebrew opening keeps its raised initial


def test_an_arabic_book_marks_its_opening_as_joined(tmp_path: Path) -> None:
    """The renderer marks an Arabic chapter's opening `joined`, so the themes leave its first letter whole."""
    (tmp_path / "book.toml").write_text('title = "الكتاب"\nlanguage = "ar"\n', encoding="utf-8")
    (tmp_path / "story.md").write_text("## الفصل الأول\n\nقال: إنه ذهب إلى البيت.\n", encoding="utf-8")
    result = build_all(tmp_path, tmp_path / "dist")
    with zipfile.ZipFile(result.epub.path) as epub:
        chapter = epub.read("EPUB/text/chapter-001.xhtml").decode()
    assert 'class="opening joined"' in chapter
