"""WeasyPrint, all of it in one place: the public calls, and the private parts the print layout needs.

Public API: ``HTML``, ``CSS``, ``FontConfiguration``, ``Document.write_pdf``, ``Page.anchors``.
Private, and so free to change in any WeasyPrint release, each used here and nowhere else:

- ``Page._page_box.page_type`` (``blank``, ``name``): which pages are blank or openers, for the folios;
- the box tree under ``Page._page_box`` (text boxes, their ``anchor`` and ``hyphenate_character``
  styles): which text opens each page, for the e-book's page list;
- ``weasyprint.layout.make_margin_boxes`` and ``LayoutContext.page_maker``: a chunk of a parallel
  layout learns its first folio after pagination and before its running heads and folios are made;
- ``Document.fonts`` (``to_unicode``, ``widths``): the glyphs each chunk used, so the join can share
  one subset per face;
- ``weasyprint.layout.block._linebox_layout`` and ``_break_line``, ``LayoutContext.report_footnote``: a
  footnote WeasyPrint 70 moved off its call's page to fit a line, when the line then went to the next page
  anyway, is put back (``footnotes_kept``, see there);
- ``text.line_break.Layout.setup`` and the font configuration's ``font_features``: what it leaks for every text
  layout is freed (``layoutsfreed``);
- the line breaker and page maker (``layout.inline.get_next_linebox``, ``split_first_line``, ``justify_line``,
  ``layout.page.make_page``, ``block_level_layout``), wrapped by ``pdf/weasy/setting.py``, inside this package:
  no more than two hyphens in a row, none in small capitals, tracking for loose lines, spreads that end level;
- ``weasyprint.pdf.fonts.TTFont``: a face WeasyPrint rewrites (a variable face made static) keeps its file's
  date, not the clock's (``facedates``), so a book's PDF is the same bytes from build to build.

``probe`` lays out a two-page document through every one of them. The parallel layout runs only
where it passes; elsewhere the book is laid out in one process, which needs none of the hooks (the setting's
hooks are used there where they are found).
WeasyPrint is imported inside the functions, so ``ebookgen epub`` never loads it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ebookgen.errors import RenderError
from ebookgen.pdf.weasy.facedates import faces_keep_their_dates
from ebookgen.pdf.weasy.firstline import first_lines_once
from ebookgen.pdf.weasy.initial import initials_raised, quotes_apart
from ebookgen.pdf.weasy.layoutsfreed import layouts_freed
from ebookgen.pdf.weasy.libraries import weasyprint_loaded
from ebookgen.pdf.weasy.mirror import indents_mirrored
from ebookgen.pdf.weasy.setting import Setter, text_boxes, well_set
from ebookgen.pdf.weasy.spacing import spacing_unshaped
from ebookgen.resources import styles_dir

# The layout function the parallel path wraps: (module, name). A test renames it to simulate a release without it.
MARGIN_HOOK = ("weasyprint.layout", "make_margin_boxes")
# Pages whose furniture is cleared: front matter and part pages carry no folio.
UNNUMBERED_PAGES = ("front", "part", "first-part")
PROBE_HTML = """<!DOCTYPE html><html lang="en"><head><style>
@page { size: 120px 120px; margin: 20px; @bottom-center { content: counter(page); font-size: 8px; } }
p { margin: 0 } .narrow { width: 24px; hyphens: auto; font-size: 6px; line-height: 6px }
.loose { width: 50px; text-align: justify; font-size: 6px; line-height: 7px }
</style></head><body><p id="one">ebookgen</p><p class="loose">a b c d e f g extraordinarily incomprehensibly</p>
<p id="two" style="break-before: page">probe</p>
<p class="narrow">incomprehensibility unquestionably</p></body></html>"""


def version() -> str:
    """Return the installed WeasyPrint's version."""
    from importlib.metadata import version as installed

    return installed("weasyprint")


def imported() -> None:
    """Import WeasyPrint, the modules the setting's hooks wrap and the single layout (a process's head start)."""
    weasyprint_loaded()
    for module in ("weasyprint.layout.block", "weasyprint.layout.inline", "weasyprint.layout.page"):
        importlib.import_module(module)
    importlib.import_module("ebookgen.pdf.single")


def lay_out(html: str, css: str, output_intent: str | None = None):
    """Lay out a document with the shared base, the print layer and the generated page rules."""
    weasyprint_loaded()
    with footnotes_kept(), well_set(), indents_mirrored(), initials_raised(), quotes_apart(), first_lines_once():
        with spacing_unshaped(), layouts_freed():  # the first a saving, not a fix: the same bytes
            return laid_out(html, css, output_intent)


def laid_out(html: str, css: str, output_intent: str | None = None):
    """Lay out a document with the shared base, the print layer and the generated page rules (no hooks)."""
    weasyprint_loaded()
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from ebookgen.pdf.fonts import own_fontconfig
    from ebookgen.pdf.weasy.fetcher import book_fetcher, named_files
    from ebookgen.pdf.weasy.glib import pango_messages_logged

    pango_messages_logged()  # Pango's assertion lines go to logging, not to the writer's terminal
    folder = styles_dir()
    with own_fontconfig():  # the book's faces, by file, and no system font
        fonts = FontConfiguration()
    profiles = {}
    fetcher = book_fetcher(named_files(css))  # every fetch of the layout: the book's own files, no network
    sheets = [
        CSS(filename=str(folder / "base.css"), font_config=fonts, url_fetcher=fetcher),
        CSS(filename=str(folder / "print.css"), font_config=fonts, url_fetcher=fetcher),
        CSS(string=css, font_config=fonts, color_profiles=profiles, base_url=str(folder), url_fetcher=fetcher),
    ]
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    intent = {"output_intent": output_intent} if output_intent else {}
    try:
        return HTML(string=html, base_url=str(folder), url_fetcher=fetcher).render(
            stylesheets=sheets, font_config=fonts, color_profiles=profiles, **intent
        )
    except Exception as error:  # WeasyPrint raises many kinds; the user needs one line.
        raise RenderError(f"PDF layout failed: {error}") from error


FOOTNOTE_HOOKS = ("weasyprint.layout.block", "_linebox_layout", "_break_line")
# What ebookgen changes in WeasyPrint's layout, named in the chunk cache's keys (a chunk laid out before a fix
# is never reused after it).
LAYOUT_FIXES = (
    "a footnote kept on its call's page",
    "a right-to-left first line indented at its right",
    "a raised initial rises above its line, the lines under it on the grid",
    "an opening quote beside a raised initial set apart at half its size, hung",
    "a first line styled on its paragraph's first page only",
)


@contextmanager
def footnotes_kept() -> Iterator[None]:
    """Keep a footnote on the page of its call when WeasyPrint moved it off only to fit a line that did not fit.

    When a line overflows a page that holds footnotes, WeasyPrint 70 first moves the page's footnotes to the
    next page ("reports" them) to make room; when the line still does not fit it breaks the page there but
    leaves the footnotes reported, so a note prints a page after its call under a page cut short. Here the
    footnotes reported within one line's layout are put back whenever that layout ends in a page break.
    Where a release lacks these internals, the layout runs as WeasyPrint does it.
    """
    import importlib

    block = importlib.import_module(FOOTNOTE_HOOKS[0])
    original_layout = getattr(block, FOOTNOTE_HOOKS[1], None)
    original_break = getattr(block, FOOTNOTE_HOOKS[2], None)
    context_class = getattr(importlib.import_module("weasyprint.layout"), "LayoutContext", None)
    original_report = getattr(context_class, "report_footnote", None)
    if original_layout is None or original_break is None or original_report is None:
        yield
        return
    frames: list[dict] = []

    def report_footnote(context, footnote):
        if frames:
            frames[-1]["reported"].append(footnote)
        return original_report(context, footnote)

    def break_line(*args, **kwargs):
        if frames:
            frames[-1]["broken"] = bool(frames[-1]["reported"])
        return original_break(*args, **kwargs)

    def linebox_layout(context, *args, **kwargs):
        frames.append({"reported": [], "broken": False})
        try:
            return original_layout(context, *args, **kwargs)
        finally:
            frame = frames.pop()
            if frame["broken"]:
                put_back(context, frame["reported"])

    setattr(block, FOOTNOTE_HOOKS[1], linebox_layout)
    setattr(block, FOOTNOTE_HOOKS[2], break_line)
    context_class.report_footnote = report_footnote
    try:
        yield
    finally:
        setattr(block, FOOTNOTE_HOOKS[1], original_layout)
        setattr(block, FOOTNOTE_HOOKS[2], original_break)
        context_class.report_footnote = original_report


def put_back(context, footnotes: list) -> None:
    """Put footnotes reported to the next page back on the current one, in the order they were called."""
    moved = [footnote for footnote in reversed(footnotes) if footnote in context.reported_footnotes]
    for footnote in moved:
        context.reported_footnotes.remove(footnote)
        context.current_page_footnotes.append(footnote)
    if moved:
        context._update_footnote_area()


class PageCounter(logging.Handler):
    """Hear WeasyPrint's progress log (a documented logger) say which page it is laying out."""

    def __init__(self, laid: Callable[[int], None]):
        super().__init__(logging.INFO)
        self.laid = laid

    def emit(self, record: logging.LogRecord) -> None:
        """Pass on the number of each page laid out."""
        if record.msg == "Step 5 - Creating layout - Page %d" and record.args:
            self.laid(int(record.args[0]))


@contextmanager
def pages_laid(laid: Callable[[int], None]) -> Iterator[None]:
    """Call `laid(page number)` as each page of a layout is made, through the ``weasyprint.progress`` logger."""
    logger = logging.getLogger("weasyprint.progress")
    handler, level, propagate = PageCounter(laid), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # heard here only, never printed
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def write(document, target: Path, variant: str | None = None) -> None:
    """Write a laid-out document as a PDF file, the same bytes at any hour (its faces keep their files' dates)."""
    options = {"pdf_variant": variant} if variant else {}
    with faces_keep_their_dates(), layouts_freed():  # drawing sets every line's layout up again
        document.write_pdf(target, full_fonts=False, **options)


def page_anchors(pages, offset: int = 0) -> dict[str, int]:
    """Map every element id on the laid-out pages to its 1-based physical page."""
    anchors: dict[str, int] = {}
    for index, page in enumerate(pages):
        for anchor in page.anchors:
            anchors.setdefault(anchor, offset + index + 1)
    return anchors


def blank_pages(pages) -> frozenset[int]:
    """Return the 0-based indexes of the pages WeasyPrint left blank before a recto."""
    return frozenset(index for index, page in enumerate(pages) if page._page_box.page_type.blank)


def folio_labels(pages) -> list[str]:
    """Return the folio printed on each page: counted from the first body page, shown where not cleared."""
    labels: list[str] = []
    folio = 0
    for page in pages:
        kind = page._page_box.page_type
        if folio == 0 and not kind.blank and kind.name in ("first-chapter", "first-part"):
            folio = 1
        elif folio:
            folio += 1
        shown = folio and not kind.blank and kind.name not in UNNUMBERED_PAGES
        labels.append(str(folio) if shown else "")
    return labels


def page_starts(pages, laid_out: dict[str, int] | None = None) -> list[tuple[str, int]]:
    """Say for each page which element's text opens it and how much of that text came before."""
    laid_out = {} if laid_out is None else laid_out
    starts = []
    for page in pages:
        start = ("", 0)
        for anchor, box in text_boxes(page._page_box):
            if start == ("", 0) and box.text.strip():
                start = (anchor, laid_out.get(anchor, 0))
            text = box.text.removesuffix(box.style["hyphenate_character"])
            laid_out[anchor] = laid_out.get(anchor, 0) + len("".join(text.split()))
        starts.append(start)
    return starts


def used_glyphs(document) -> dict[str, dict[int, tuple[str, float]]]:
    """Return, per embedded font, each glyph the document used: the text it stands for and its width."""
    return {
        font.name.decode().lstrip("/"): {gid: (text, font.widths[gid]) for gid, text in font.to_unicode.items()}
        for font in document.fonts.values()
    }


@contextmanager
def numbered_from(first_folio: Callable[[int], int]) -> Iterator[None]:
    """Number a layout's pages from the folio `first_folio(page count)` returns, asked after pagination."""
    weasyprint_loaded()
    module = importlib.import_module(MARGIN_HOOK[0])
    original = getattr(module, MARGIN_HOOK[1])
    offset: list[int] = []

    def make_margin_boxes(context, page, state):
        if not offset:
            offset.append(first_folio(len(context.page_maker) - 1) - 1)
        counters = {**state[1], "page": [value + offset[0] for value in state[1].get("page", [1])]}
        return original(context, page, [state[0], counters, *state[2:]])

    setattr(module, MARGIN_HOOK[1], make_margin_boxes)
    try:
        yield
    finally:
        setattr(module, MARGIN_HOOK[1], original)


def probe() -> str:
    """Lay out a two-page document through every private hook; return "" when all work, else what failed."""
    try:
        weasyprint_loaded()
        from weasyprint import HTML

        asked: list[int] = []
        setter = Setter()
        with numbered_from(lambda pages: asked.append(pages) or 7), well_set(setter, strict=True):
            document = HTML(string=PROBE_HTML).render()
        pages = document.pages
        drawn = [margin_text(page) for page in pages]
        checks = {
            "the page count before the margin boxes": asked == [2],
            "folios numbered from the given one": drawn == ["7", "8"],
            "page types": folio_labels(pages) == ["", ""] and blank_pages(pages) == frozenset(),
            "the text that opens each page": page_starts(pages) == [("one", 0), ("two", 0)],
            "the glyphs of the embedded fonts": probe_glyphs(document),
            "line breaking, justification and page making of the setting": setter.probed(),
        }
    except Exception as error:  # anything a changed internal raises: the parallel path is then off
        return f"{type(error).__name__}: {error}"
    failed = [name for name, passed in checks.items() if not passed]
    return f"no {failed[0]}" if failed else ""


def margin_text(page) -> str:
    """Return the text drawn in a page's margin boxes."""
    found: list[str] = []

    def walk(box, inside: bool) -> None:
        inside = inside or type(box).__name__ == "MarginBox"
        if inside and type(box).__name__ == "TextBox":
            found.append(box.text)
        for child in getattr(box, "children", ()):
            walk(child, inside)

    walk(page._page_box, False)
    return "".join(found).strip()


def probe_glyphs(document) -> bool:
    """Tell whether the document's fonts say which glyphs it used, once written."""
    import io

    document.write_pdf(io.BytesIO())
    glyphs = used_glyphs(document)
    return bool(glyphs) and all(isinstance(widths, dict) for widths in glyphs.values())
