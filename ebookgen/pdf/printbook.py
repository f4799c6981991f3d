"""The printed book as HTML and page rules: what the PDF writer hands WeasyPrint.

The chapters are the sections ``render`` made once for both writers; this module adds the front
matter, a recto page for each part, and generates the page geometry and furniture (trim, bleed,
mirrored margins, running heads, folios) for a profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ebookgen.languages import Language, english
from ebookgen.model import Book
from ebookgen.pdf.figures import figure_css, image_sources
from ebookgen.pdf.glyphs import faces_css
from ebookgen.pdf.trim import BLEED_INCHES, Margins, Trim, measured
from ebookgen.render.backmatter import back_matter
from ebookgen.render.frontmatter import front_matter
from ebookgen.render.xhtml import (
    FIRST_CHAPTER,
    FIRST_PART,
    RenderedChapter,
    attribute,
    direction_of,
    render_book,
    render_chapter,
    render_part_page,
    render_subpart_page,
    text,
)
from ebookgen.resources import styles_dir
from ebookgen.themes import DEFAULT_THEME, THEMES, Theme, print_sheet

GREY_PROFILE = "--ink"


@dataclass(frozen=True)
class PageStyle:
    """How the pages look: trim, bleed, margins, the recto head and the ink."""

    trim: Trim
    margins: Margins
    bleed: bool = False
    recto_head: str = "title"  # "title" or "chapter"
    bookmarks: bool = True
    grey: bool = False
    theme: Theme = THEMES[DEFAULT_THEME]
    language: Language = field(default_factory=english)  # the book's: its words' faces; right to left binds right


def css_string(value: str) -> str:
    """Quote a value as a CSS string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def body_sections(book: Book, language: Language, rendered: list[RenderedChapter], first: bool = True) -> str:
    """Join parts and chapters; with `first`, the first part or chapter opens the page group where folio 1 falls.

    The renderer gives that section its page variant: the first chapter is rendered again as one,
    with block ids like every chapter of the printed book.
    """
    sections = []
    for index, (chapter, done) in enumerate(zip(book.chapters, rendered, strict=True)):
        opens = first and index == 0
        if chapter.part:
            sections.append(render_part_page(chapter, FIRST_PART if opens else ""))
        if chapter.subpart:
            sections.append(render_subpart_page(chapter))
        if opens and not chapter.part:
            images = image_sources(book)
            done = render_chapter(chapter, book, language, True, variant=FIRST_CHAPTER, images=images, printed=True)
        sections.append(done.section)
    return "\n".join(sections)


def html_document(book: Book, language: Language, body: str) -> str:
    """Wrap the body in an HTML document carrying the book's language and metadata."""
    meta = book.metadata
    lang = attribute(language.tag)
    return (
        f"<!DOCTYPE html>\n<html lang={lang} xml:lang={lang}{direction_of(language)}"
        ' xmlns:epub="http://www.idpf.org/2007/ops">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{text(meta.title)}</title>\n'
        f'<meta name="author" content={attribute(meta.author)}/>\n'
        f'<meta name="description" content={attribute(meta.description)}/>\n'
        f"{keywords_meta(meta)}"
        f'<meta name="generator" content="ebookgen"/>\n</head>\n<body>\n{body}\n</body>\n</html>\n'
    )


def keywords_meta(meta) -> str:
    """Write the PDF's keywords: the book's subjects, a download's rating and warnings."""
    words = [*meta.subjects, *filter(None, (meta.rating,)), *meta.warnings]
    return f'<meta name="keywords" content={attribute(", ".join(words))}/>\n' if words else ""


def printed_chapters(book: Book, language: Language) -> list[RenderedChapter]:
    """Render the chapters as the printed book sets them: block ids, footnotes at the page foot, images inside."""
    return render_book(book, language, block_ids=True, images=image_sources(book), printed=True)


def book_html(
    book: Book,
    language: Language,
    rendered: list[RenderedChapter],
    year: int,
    links: bool = True,
    theme: Theme = THEMES[DEFAULT_THEME],
) -> str:
    """Assemble the whole printed book, front matter and body, as one HTML document in the book's language."""
    front = front_matter(book, language, year, links=links, face=theme.body_face)
    body = body_sections(book, language, rendered)
    return html_document(book, language, f"{front}\n{body}\n{back_matter(book, language)}")


def geometry_css(style: PageStyle) -> str:
    """Generate the page size, bleed and mirrored margins with the gutter on the binding side.

    Print-on-demand interiors bleed on the top, bottom and outside edge only: a verso's outside
    edge is its left, a recto's its right, and the spine edge is trimmed flush.
    """
    trim, margins = style.trim, measured(style.trim, style.margins, style.theme.points)
    edge = f"{BLEED_INCHES}in" if style.bleed else "0"
    return f"""
@page {{ size: {trim.width:.4f}in {trim.height:.4f}in; marks: none;
         margin: {margins.top}in {margins.outside}in {margins.bottom}in {margins.inside}in; }}
@page :left {{ margin-left: {margins.outside}in; margin-right: {margins.inside}in; bleed: {edge} 0 {edge} {edge}; }}
@page :right {{ margin-left: {margins.inside}in; margin-right: {margins.outside}in; bleed: {edge} {edge} {edge} 0; }}
"""


def joined_heads(style: PageStyle) -> str:
    """Set a book in a script whose letters join with its running heads untracked (spaced letters break joins)."""
    if not style.language.joins_letters:
        return ""
    return "\n@page { @top-left { letter-spacing: 0; } @top-right { letter-spacing: 0; } }"


def furniture_css(book: Book, style: PageStyle, folio: str = "counter(page)", recto: str = "") -> str:
    """Generate running heads and folios, and clear them on openers, parts, front matter and blanks."""
    author, title = css_string(book.metadata.author), css_string(book.metadata.title)
    recto = recto or ("string(chapter-head)" if style.recto_head == "chapter" else title)
    none = "@top-left { content: none; } @top-right { content: none; }"
    # A right-to-left book binds on the right: its rectos are left-hand pages, which carry the recto head.
    left, right = (recto, author) if style.language.right_to_left else (author, recto)
    return f"""
@page :left {{ @top-left {{ content: {left}; }} @bottom-center {{ content: {folio}; }} }}
@page :right {{ @top-right {{ content: {right}; }} @bottom-center {{ content: {folio}; }} }}
@page :nth(1 of chapter) {{ {none} }}
@page :nth(1 of first-chapter) {{ counter-reset: page 1; {none} }}
@page :nth(1 of first-part) {{ counter-reset: page 1; }}
@page front {{ {none} @bottom-center {{ content: none; }} }}
@page part {{ {none} @bottom-center {{ content: none; }} }}
@page first-part {{ {none} @bottom-center {{ content: none; }} }}
@page :blank {{ {none} @bottom-center {{ content: none; }} }}{joined_heads(style)}
.first-part {{ page: first-part; }}
.chapter.first-chapter {{ page: first-chapter; }}
.chapter-title {{ string-set: chapter-head attr(data-title); }}
"""


# The dedication and the epigraph sit at the optical centre of their page, a little above the middle:
# each is centred in a box this share of the text block's height, from its top.
OPTICAL_SHARE = 0.86


def centred_css(style: PageStyle) -> str:
    """Centre the dedication and the epigraph on their page, optically (a little above the middle)."""
    height = (style.trim.height - style.margins.top - style.margins.bottom) * OPTICAL_SHARE
    return f".dedication, .epigraph {{ display: grid; align-content: center; height: {height:.3f}in; padding-top: 0; }}"


# A page that fills the text block stops this far (in) above its foot, so rounding never pushes it onto a second page.
FULL_PAGE_SLACK = 0.02


def full_page_css(style: PageStyle) -> str:
    """Set the copyright page's text, and the title page's publisher, at the page's foot, each on one page."""
    height = style.trim.height - style.margins.top - style.margins.bottom - FULL_PAGE_SLACK
    return (
        f".copyright {{ display: grid; align-content: end; box-sizing: border-box; height: {height:.3f}in; "
        "padding-top: 0; }\n"
        f".titlepage {{ position: relative; box-sizing: border-box; height: {height:.3f}in; }}\n"
        ".titlepage .publisher { position: absolute; bottom: 0; left: 0; right: 0; margin: 0; }"
    )


def outline_css(style: PageStyle, has_parts: bool, has_subparts: bool = False) -> str:
    """Generate bookmarks for parts (a collected work's own parts under the work) and chapters, or none at all."""
    if not style.bookmarks:
        return "h1, h2, h3, h4, h5, h6 { bookmark-level: none; }"
    chapter_level = 1 + has_parts + has_subparts
    return (
        "h1, h2, h3, h4, h5, h6 { bookmark-level: none; }\n"
        ".part-title, .matter-title { bookmark-level: 1; bookmark-label: attr(data-title); }\n"
        ".subpart .part-title { bookmark-level: 2; }\n"
        f".chapter-title {{ bookmark-level: {chapter_level}; bookmark-label: attr(data-title); }}"
    )


def ink_css(style: PageStyle, grey_profile_url: str) -> str:
    """Set every text in grey ink through an ICC grey profile, for a PDF/X press file."""
    if not style.grey:
        return ""
    ink = f"color({GREY_PROFILE} 0)"
    boxes = " ".join(f"@{box} {{ color: {ink}; }}" for box in ("top-left", "top-right", "bottom-center"))
    return (
        f'@color-profile {GREY_PROFILE} {{ src: url("{grey_profile_url}"); components: k; }}\n'
        f"html, a, hr {{ color: {ink}; }}\n@page {{ {boxes} }}"
    )


def page_css(book: Book, style: PageStyle) -> str:
    """Generate the printed book's whole stylesheet: every page rule, for both layouts.

    The one-process layout (``single.py``) and every document of the parallel one (``parallel.py``: its
    chunks and its front matter) are laid out with this stylesheet and no other, so that no rule can hold
    in one layout only. A parallel layout's documents differ only through the style it gives: no bookmarks,
    which its joiner writes for the whole book.
    """
    has_parts = any(chapter.part for chapter in book.chapters)
    return "\n".join(
        [
            faces_css(book, style.language),
            print_sheet(style.theme),
            geometry_css(style),
            centred_css(style),
            full_page_css(style),
            furniture_css(book, style),
            outline_css(style, has_parts, any(chapter.subpart for chapter in book.chapters)),
            ink_css(style, grey_profile_url()),
            figure_css(style.trim, style.margins),
        ]
    )


def grey_profile_url() -> str:
    """Return the URL of the grey ICC profile shipped for press files."""
    return (styles_dir() / "icc" / "ebookgen-grey.icc").as_uri()
