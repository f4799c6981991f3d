"""The EPUB writer: a Book in, a valid EPUB 3 (with an EPUB 2 NCX) out, through ebooklib.

``write_epub`` names the build steps in order; each step is a small function below. ebooklib
writes the package document and the zip; the navigation document and the NCX are ours
(``navigation.py``), because ebooklib's lack hidden landmarks, nested parts and a page list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ebooklib import epub

from ebookgen.epub.cover import cover_image, cover_page
from ebookgen.epub.navigation import (
    Landmark,
    NavEntry,
    Navigation,
    PageTarget,
    nav_document,
    ncx_document,
    table_of_contents,
)
from ebookgen.epub.opf import (
    add_accessibility,
    add_apple_fonts,
    add_contributors,
    add_cover_meta,
    add_dublin_core,
    add_edition_date,
    add_series,
    book_identifier,
    package_files,
    pictures_of,
    with_file_as,
    with_package_language,
)
from ebookgen.epub.pagelist import PrintEdition, marked_at_start
from ebookgen.epub.zipped import Entry, zip_archive
from ebookgen.languages import Language, language_for
from ebookgen.model import Book, Metadata
from ebookgen.output import atomic_path
from ebookgen.render.ids import figure_file, part_page_anchor, subpart_page_anchor
from ebookgen.render.xhtml import render_book, render_part, xhtml_document
from ebookgen.resources import styles_dir, stylesheet
from ebookgen.themes import DEFAULT_THEME, THEMES, Theme, sheet

STYLESHEETS = ("base.css", "epub.css")
FONT_SHEET = "fonts.css"
THEME_SHEET = "theme.css"
XHTML = "application/xhtml+xml"
COPYRIGHT_FILE = "text/copyright.xhtml"
FONT_FILES = ("Regular", "Italic", "Bold", "BoldItalic")


@dataclass(frozen=True)
class EpubOptions:
    """How to package the EPUB."""

    modified: datetime
    kobo: bool = False
    embed_fonts: bool = False
    print_edition: PrintEdition | None = None
    theme: Theme = THEMES[DEFAULT_THEME]
    language: Language | None = None  # the book's, settled by the build; None: looked up from its tag here, once


@dataclass(frozen=True)
class Document:
    """A content document in reading order, and how the table of contents lists it."""

    item: epub.EpubItem
    title: str
    kind: str  # "chapter", "part", or a page of back matter's epub:type ("afterword", "acknowledgments"...)
    places: tuple[str, ...] = ()  # Ids a print page can begin at, when the book carries a page list.


class PackageItem(epub.EpubItem):
    """A manifest item with EPUB 3 properties (nav, cover-image), which plain EpubItem cannot carry."""

    def __init__(self, uid: str, file_name: str, media_type: str, content: bytes, properties: list[str]):
        super().__init__(uid=uid, file_name=file_name, media_type=media_type, content=content)
        self.properties = properties


def write_epub(book: Book, target: Path, options: EpubOptions) -> Path:
    """Write the book as an EPUB file at target, atomically."""
    language = options.language or language_for(book.metadata.language)  # a library caller's book: its own tag
    package = start_package(book, options, language)
    sheets = add_stylesheets(package, options.embed_fonts, options.theme)
    cover = add_cover(package, book, language, sheets)
    title_page = add_title_page(package, book, language, sheets)
    front_matter = [
        add_copyright_page(package, book, language, sheets, options.modified.year),
        *add_front_matter(package, book, language, sheets),
    ]
    contents = add_contents(package, book, language, sheets, options.print_edition)
    contents += add_back_matter(package, book, language, sheets, options.print_edition)
    if options.embed_fonts:
        add_fonts(package)
    front = [cover, title_page, *front_matter]
    add_navigation(package, book, language, sheets, front, contents, options.print_edition)
    data = reproducible_zip(package_files(package, options.modified), options.modified, book.metadata)
    if options.kobo:
        from ebookgen.epub.kepub import kepub_archive  # only a Kobo edition needs the conversion

        data = kepub_archive(data).data
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return target


def start_package(book: Book, options: EpubOptions, language: Language) -> epub.EpubBook:
    """Create the package with its metadata."""
    package = epub.EpubBook()
    add_dublin_core(package, book.metadata)
    if not book.metadata.date:
        add_edition_date(package, options.modified)
    add_series(package, book.metadata)
    add_contributors(package, book.metadata)
    add_accessibility(package, options.print_edition.source if options.print_edition else "", pictures_of(book))
    if options.embed_fonts:
        add_apple_fonts(package)
    if language.right_to_left:
        package.set_direction("rtl")  # the spine's page-progression-direction: pages turn to the left
    return package


def add_stylesheets(package: epub.EpubBook, embed_fonts: bool, theme: Theme) -> list[str]:
    """Add the shared base stylesheet, the EPUB layer, the theme's and, with embedded fonts, their faces.

    Return their names.
    """
    names = [*STYLESHEETS, THEME_SHEET] + ([FONT_SHEET] if embed_fonts else [])
    contents = {FONT_SHEET: font_faces, THEME_SHEET: lambda: sheet(theme, "epub")}
    for name in names:
        item = epub.EpubItem(uid=name.replace(".", "-"), file_name=f"css/{name}", media_type="text/css")
        item.content = (contents[name]() if name in contents else stylesheet(name)).encode("utf-8")
        package.add_item(item)
    return names


def document(uid: str, file_name: str, title: str, language: Language, body: str, sheets: list[str]) -> epub.EpubItem:
    """Make one XHTML content document in text/, linked to the stylesheets."""
    item = epub.EpubItem(uid=uid, file_name=file_name, media_type=XHTML)
    item.content = xhtml_document(title, language, body, [f"../css/{name}" for name in sheets]).encode("utf-8")
    if "<math " in body:
        item.properties = ["mathml"]  # EPUB 3: a document holding MathML says so in the manifest
    return item


def add_cover(package: epub.EpubBook, book: Book, language: Language, sheets: list[str]) -> epub.EpubItem:
    """Add the cover image (given or generated), its EPUB 2 meta and the cover page."""
    image = cover_image(book.metadata, book.cover)
    name = f"images/cover.{image.extension}"
    package.add_item(PackageItem("cover-image", name, image.media_type, image.data, ["cover-image"]))
    add_cover_meta(package, "cover-image")
    body = cover_page(book.metadata, f"../{name}", language)
    item = document("cover", "text/cover.xhtml", language.words.cover, language, body, sheets)
    package.add_item(item)
    return item


def add_title_page(package: epub.EpubBook, book: Book, language: Language, sheets: list[str]) -> epub.EpubItem:
    """Add the title page: the print edition's, with the series and the contributors' credits."""
    from ebookgen.render.frontmatter import title_page

    page = title_page(book, language)
    item = document("titlepage", "text/titlepage.xhtml", book.metadata.title, language, page, sheets)
    package.add_item(item)
    return item


def add_copyright_page(
    package: epub.EpubBook, book: Book, language: Language, sheets: list[str], year: int
) -> epub.EpubItem:
    """Add the copyright page after the title page, from the data the print edition's comes from."""
    from ebookgen.render.frontmatter import copyright_page

    section = copyright_page(book, language, year, ebook=True)
    item = document("copyright", COPYRIGHT_FILE, language.words.copyright, language, section, sheets)
    package.add_item(item)
    return item


def add_front_matter(package: epub.EpubBook, book: Book, language: Language, sheets: list[str]) -> list[epub.EpubItem]:
    """Add the dedication and the epigraph, each on its own page, when the book has them."""
    from ebookgen.render.frontmatter import dedication_page, epigraph_page

    items = []
    said = language.words
    for kind, title, section in (
        ("dedication", said.dedication, dedication_page(book, semantics=True)),
        ("epigraph", said.epigraph, epigraph_page(book, semantics=True)),
    ):
        if section:
            items.append(document(kind, f"text/{kind}.xhtml", title, language, section, sheets))
            package.add_item(items[-1])
    return items


def add_contents(
    package: epub.EpubBook, book: Book, language: Language, sheets: list[str], edition: PrintEdition | None
) -> list[Document]:
    """Add one XHTML document per part opening and per chapter, in reading order, with the print edition's pages."""
    images = add_images(package, book)
    breaks = edition.breaks if edition else ()
    chapters = render_book(book, language, block_ids=edition is not None, breaks=breaks, images=images)
    contents: list[Document] = []
    parts = 0
    for chapter, rendered in zip(book.chapters, chapters, strict=True):
        if chapter.part:
            parts += 1
            part, place = render_part(parts, chapter.part, chapter.part_lines), part_page_anchor(chapter.number)
            section = marked_at_start(part.section, place, breaks)
            item = document(part.anchor, f"text/part-{parts:02d}.xhtml", part.title, language, section, sheets)
            contents.append(Document(item, part.title, "part", (place,)))
        if chapter.subpart:  # a collected work's own part: a document of its own, after the work's
            parts += 1
            part, place = render_part(parts, chapter.subpart), subpart_page_anchor(chapter.number)
            section = marked_at_start(part.section, place, breaks)
            item = document(part.anchor, f"text/part-{parts:02d}.xhtml", part.title, language, section, sheets)
            contents.append(Document(item, part.title, "subpart", (place,)))
        name = f"text/chapter-{rendered.number:03d}.xhtml"
        item = document(rendered.anchor, name, rendered.title, language, rendered.section, sheets)
        contents.append(Document(item, rendered.title, "chapter", rendered.places))
    for entry in contents:
        package.add_item(entry.item)
    return contents


# The suffix each image type an EPUB may hold is stored under.
IMAGE_SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}


def add_images(package: epub.EpubBook, book: Book) -> dict[str, str]:
    """Add the images the book's figures show; return each one's source name and its address from a chapter."""
    addresses = {}
    for index, image in enumerate(book.images, start=1):
        name = figure_file(index, IMAGE_SUFFIXES.get(image.media_type, ".svg"))
        package.add_item(
            epub.EpubItem(uid=f"figure-{index:02d}", file_name=name, media_type=image.media_type, content=image.data)
        )
        addresses[image.name] = f"../{name}"
    return addresses


def add_back_matter(
    package: epub.EpubBook, book: Book, language: Language, sheets: list[str], edition: PrintEdition | None
) -> list[Document]:
    """Add one XHTML document per page of back matter (afterword, acknowledgements...), after the last chapter."""
    from ebookgen.render.backmatter import back_pages

    documents, breaks = [], edition.breaks if edition else ()
    for page in back_pages(book, language):
        section = marked_at_start(page.section, page.anchor, breaks)
        item = document(page.anchor, f"text/{page.anchor}.xhtml", page.title, language, section, sheets)
        package.add_item(item)
        documents.append(Document(item, page.title, page.epub_type, (page.anchor,)))
    return documents


def page_targets(contents: list[Document], edition: PrintEdition | None) -> tuple[PageTarget, ...]:
    """List the print edition's pages with the document and marker each begins at."""
    if edition is None:
        return ()
    targets = []
    for page in edition.breaks:
        home = next(document.item for document in contents if page.before in document.places)
        targets.append(PageTarget(page.label, f"{home.file_name}#{page.marker_id}"))
    return tuple(targets)


def add_navigation(
    package: epub.EpubBook,
    book: Book,
    language: Language,
    sheets: list[str],
    front: list[epub.EpubItem],
    contents: list[Document],
    edition: PrintEdition | None,
) -> None:
    """Add the navigation document and the NCX, the EPUB 2 guide and the reading order."""
    cover, title_page, *others = front
    first = next(document.item for document in contents if document.kind == "chapter")
    said = language.words
    marks = (
        Landmark("cover", said.cover, cover.file_name),
        Landmark("titlepage", said.title_page, title_page.file_name),
        Landmark("bodymatter", said.start_of_text, first.file_name),
        Landmark("toc", said.contents, "nav.xhtml#toc"),
        *back_landmarks(contents),
    )
    lines = [(entry.kind, NavEntry(entry.title, entry.item.file_name)) for entry in contents]
    navigation = Navigation(table_of_contents(lines), marks, page_targets(contents, edition))
    meta = book.metadata
    css = [f"css/{name}" for name in sheets]
    nav = PackageItem(
        "nav", "nav.xhtml", XHTML, nav_document(said.contents, language, navigation, css).encode(), ["nav"]
    )
    ncx = ncx_document(book_identifier(meta), meta.title, language, navigation).encode()
    package.add_item(nav)
    package.add_item(epub.EpubItem(uid="ncx", file_name="toc.ncx", media_type="application/x-dtbncx+xml", content=ncx))
    package.guide = [
        {"href": cover.file_name, "title": said.cover, "type": "cover"},
        {"href": title_page.file_name, "title": said.title_page, "type": "title-page"},
        {"href": first.file_name, "title": said.start_of_text, "type": "text"},
        {"href": "nav.xhtml", "title": said.contents, "type": "toc"},
    ]
    package.spine = [cover, title_page, *others, nav] + [document.item for document in contents]


def back_landmarks(contents: list[Document]) -> tuple[Landmark, ...]:
    """Mark where the back matter begins and, where the book has them, its acknowledgements."""
    back = [entry for entry in contents if entry.kind not in ("part", "subpart", "chapter")]
    if not back:
        return ()
    first = Landmark("backmatter", back[0].title, back[0].item.file_name)
    thanks = [
        Landmark("acknowledgments", entry.title, entry.item.file_name)
        for entry in back
        if entry.kind == "acknowledgments"
    ]
    return (first, *thanks)


def font_faces() -> str:
    """Return the stylesheet that declares the embedded book font and sets the text in it."""
    faces = []
    for style in FONT_FILES:
        weight = "bold" if "Bold" in style else "normal"
        slant = "italic" if "Italic" in style else "normal"
        faces.append(
            f'@font-face {{ font-family: "EB Garamond"; font-weight: {weight}; font-style: {slant};\n'
            f'  src: url("../fonts/EBGaramond-{style}.ttf"); }}'
        )
    return "\n".join(faces) + '\nbody { font-family: "EB Garamond", serif; }\n'


def add_fonts(package: epub.EpubBook) -> None:
    """Embed the book font, subset to the characters the book uses."""
    from ebookgen.epub.fonts import subset_font

    characters = "".join(
        sorted({char for item in package.get_items() if item.media_type == XHTML for char in item.content.decode()})
    )
    for style in FONT_FILES:
        data = subset_font(styles_dir() / "fonts" / f"EBGaramond-{style}.ttf", characters)
        package.add_item(
            epub.EpubItem(
                uid=f"font-{style.lower()}",
                file_name=f"fonts/EBGaramond-{style}.ttf",
                media_type="font/ttf",
                content=data,
            )
        )


ZIP_LAST = datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC)  # A zip entry holds no later time.


def reproducible_zip(files: dict[str, bytes], modified: datetime, metadata: Metadata) -> bytes:
    """Zip the EPUB: mimetype first and stored, then entries in a fixed order with fixed times.

    The package document gets its xml:lang and every person's file-as on the way through.
    """
    stamp = min(max(modified.astimezone(UTC), datetime(1980, 1, 1, tzinfo=UTC)), ZIP_LAST).timetuple()[:6]
    names = sorted(files, key=lambda name: (name != "mimetype", name != "META-INF/container.xml", name))
    entries = []
    for name in names:
        content = files[name]
        if name.endswith(".opf"):
            content = with_file_as(with_package_language(content, metadata.language), metadata)
        entries.append(Entry(name, content, stored=name == "mimetype"))
    return zip_archive(entries, stamp)
