"""The settings table: every option a user sets, in book.toml, on the command line or in a batch manifest, once.

The order is the order of ``init``'s book.toml and of the reference pages: the book's metadata, its
matter, how the manuscript is read, then the editions' choices.
"""

from __future__ import annotations

from pathlib import Path

from ebookgen.pdf.printers import DEFAULT_PRINTER, DEFAULT_TRIM, NAMED_TRIMS, profiles_help
from ebookgen.project import values
from ebookgen.project.collection import check_works
from ebookgen.project.toml_types import DATE, STRING, STRINGS, TABLES
from ebookgen.settings.setting import Setting

BUILDS = ("epub", "pdf", "build", "impose")  # the commands that build a book (impose: a manuscript's PDF)
PRINTS = ("pdf", "build", "impose")
INTERIORS = (*PRINTS, "cover")  # the print options a cover's interior is laid out with (cover has its own --profile)
READS = ("epub", "pdf", "build", "check", "sideload", "impose")  # the commands that read a manuscript
OVERRIDES = (*BUILDS, "sideload")  # the commands that build a book, or may build one to copy it
TRIMS = ", ".join(name.upper() if name[0].isalpha() else name for name in NAMED_TRIMS)  # a5 is written A5

METADATA = (
    Setting(
        "title",
        "The book's title (default: the folder's or the file's name).",
        key="title",
        types=STRING,
        flags=("--title",),
        commands=(*OVERRIDES, "init"),
        cli_help="Book title (overrides book.toml or the file name).",
        column="title",
    ),
    Setting("subtitle", "The book's subtitle.", key="subtitle", types=STRING, example='"A Novel"'),
    Setting(
        "author",
        'The author: one name, or several: ["Ann Lee", "Bo Park"] (default: Anonymous).',
        default="Anonymous",
        key="author",
        types=(str, STRINGS),
        rule=values.check_names,
        flags=("--author",),
        commands=(*OVERRIDES, "init"),
        cli_help="Author name (overrides book.toml).",
        column="author",
    ),
    Setting(
        "author_sort",
        'How libraries file each author: "Lee, Ann" (default: derived).',
        key="author_sort",
        types=(str, STRINGS),
    ),
    Setting(
        "language",
        "A language tag: en, en-GB, fr... (default: en).",
        default="en",
        key="language",
        types=STRING,
        rule=values.check_language,
        flags=("--lang",),
        commands=(*OVERRIDES, "check", "watch", "init"),
        cli_help="Language tag such as en or en-GB (overrides book.toml).",
        column="language",
        column_alias="lang",
        example='"en"',
    ),
    Setting("date", "Publication date, such as 2025-03-01.", key="date", types=DATE, rule=values.check_date),
    Setting(
        "identifier",
        "A unique identifier (default: a UUID made from title and author).",
        key="identifier",
        types=STRING,
        editions="epub",
        example='"urn:uuid:..."',
    ),
    Setting(
        "isbn",
        "The e-book's ISBN; used as the identifier when identifier is not set.",
        key="isbn",
        types=STRING,
        rule=values.check_isbn,
        example='"978-3-16-148410-0"',
    ),
    *(
        Setting(f"isbn_{name}", help, key=f"isbn_{name}", types=STRING, rule=values.check_isbn, example=f'"{example}"')
        for name, help, example in (
            ("ebook", "The e-book's ISBN: its copyright page's, listed on the others'.", "978-0-306-40615-7"),
            ("paperback", "The paperback's ISBN: its copyright page's, listed on the others'.", "978-1-86197-876-9"),
            ("hardcover", "The hardcover's ISBN (--profile hardcover), printed likewise.", "978-0-19-852663-6"),
        )
    ),
    Setting(
        "description",
        "The blurb e-reader libraries show.",
        key="description",
        types=STRING,
        editions="epub",
        example='"The blurb readers see in their library."',
    ),
    Setting(
        "subjects",
        "Subjects or genres.",
        key="subjects",
        types=(STRINGS,),
        rule=values.check_subjects,
        editions="epub",
        example='["Fiction", "Literary"]',
    ),
    Setting("series", "The series the book belongs to.", key="series", types=STRING, example='"The Long Roads"'),
    Setting(
        "series_index",
        "The book's number in its series.",
        key="series_index",
        types=(int, float, str),
        rule=values.check_series_index,
        example="1",
    ),
    Setting("publisher", "The publisher's name.", key="publisher", types=STRING, example='"Small Press"'),
    Setting(
        "rights",
        'The copyright page\'s rights line; "public domain" says so and reserves nothing.',
        key="rights",
        types=STRING,
        example='"© 2025 Your Name. All rights reserved."',
    ),
    Setting(
        "contributors",
        "Translators, editors, illustrators... with their role (see the book.toml reference).",
        key="contributors",
        types=(TABLES,),
        rule=values.check_contributors,
        example='[{name = "Bo Park", role = "translator"}]',
    ),
    Setting("cover", "A cover image (JPEG or PNG) beside book.toml.", key="cover", types=STRING, example='"cover.jpg"'),
    Setting(
        "works",
        "A collection's works, each a part with its title, author, notes and rights (see the book.toml reference).",
        key="works",
        types=(TABLES,),
        rule=check_works,
        example='[{source = "01-chapter-one.txt", title = "One"}, {source = "02-part-a.txt", author = "Bo Park"}]',
    ),
)

MATTER = (
    Setting("dedication", "The dedication page's text.", key="dedication", types=STRING, example='"For my mother."'),
    Setting(
        "epigraph",
        "The epigraph's text.",
        key="epigraph",
        types=STRING,
        example='"All happy families are alike."',
    ),
    Setting(
        "epigraph_source",
        "Whom the epigraph quotes.",
        key="epigraph_source",
        types=STRING,
        example='"Leo Tolstoy"',
    ),
    Setting(
        "chapters",
        "Text files in reading order; a list inside the list is one chapter over several files.",
        key="chapters",
        types=("list of strings or lists of strings",),
        editions="none",
        example='["01-chapter-one.txt", ["02-part-a.txt", "02-part-b.txt"]]',
    ),
    Setting(
        "afterword",
        "An afterword after the last chapter: its text, or a .txt/.md file beside it.",
        key="afterword",
        types=STRING,
        example='"I began this book the winter my daughter was born."',
    ),
    Setting(
        "acknowledgements",
        "Acknowledgements, after the afterword: the text, or a file beside it.",
        key="acknowledgements",
        types=STRING,
        example='"My thanks to my first readers."',
    ),
    Setting(
        "about_the_author",
        "About the author: the text, or a file beside book.toml.",
        key="about_the_author",
        types=STRING,
        example='"Ann Lee lives by the sea in Cornwall."',
    ),
    Setting(
        "also_by",
        'The author\'s other books, listed after About the Author: ["Book One", ...].',
        key="also_by",
        types=(STRINGS,),
        rule=values.check_also_by,
        example='["The First Book", "The Second Book"]',
    ),
    Setting(
        "newsletter",
        'The call to action last of all: { url = "https://...", line = "Join my..." }.',
        key="newsletter",
        types=(dict,),
        rule=values.check_newsletter,
        example='{ url = "https://example.com/newsletter", line = "Join my newsletter for a free story." }',
    ),
)

READING = (
    Setting(
        "encoding",
        "The text files' encoding when detection gets it wrong (cp1252, latin-1...).",
        key="encoding",
        types=STRING,
        flags=("--encoding",),
        commands=READS,
        cli_help="Read the text files in this encoding (cp1252, latin-1...) instead of detecting.",
        rule=values.check_encoding,
        column="encoding",
        editions="none",
        example='"cp1252"',
    ),
    Setting(
        "paragraph_style",
        "How the manuscript marks its paragraphs (auto: ebookgen tells).",
        default="auto",
        key="paragraph_style",
        types=STRING,
        choices=("auto", "blank", "lines", "wrapped", "indented"),
    ),
    Setting(
        "scene_breaks",
        "markers: only marker lines break scenes; blank-lines: every run of 2+ blank lines does too.",
        default="markers",
        key="scene_breaks",
        types=STRING,
        choices=("markers", "blank-lines"),
        flags=("--scene-breaks",),
        commands=READS,
        cli_help="markers: only marker lines break scenes; blank-lines: every run of 2+ blank lines does too "
        "(default: book.toml or markers).",
        column="scene_breaks",
    ),
    Setting(
        "author_notes",
        "Keep or drop author's notes (A/N:, Disclaimer:).",
        default="keep",
        key="author_notes",
        types=STRING,
        choices=("keep", "drop"),
        flags=("--author-notes",),
        commands=READS,
        cli_help="keep or drop author's notes (A/N:, Disclaimer:); default: book.toml or keep.",
        column="author_notes",
    ),
    Setting(
        "quotes",
        "The manuscript's primary quote mark (auto: ebookgen tells).",
        default="auto",
        key="quotes",
        types=STRING,
        choices=("auto", "double", "single"),
    ),
)

EDITION = (
    Setting(
        "output",
        "Where to write the book (default: dist/<slug>.<ext> beside the manuscript).",
        kind=Path,
        flags=("--output", "-o"),
        commands=("epub", "pdf"),
        editions="none",
    ),
    Setting(
        "theme",
        "The book's design, for the PDF and the EPUB: classic (the default), modern, romance or large-print.",
        default="classic",
        key="theme",
        types=STRING,
        rule=values.check_theme,
        flags=("--theme",),
        commands=(*BUILDS, "cover"),
        cli_help="The book's design, for the PDF and the EPUB: classic (the default), modern, romance or "
        "large-print (default: book.toml's theme).",
        example='"classic"',
    ),
    Setting(
        "kobo",
        "Write a Kobo .kepub.epub (sentence spans, Kobo's body wrapper).",
        kind=bool,
        default="false",
        flags=("--kobo",),
        commands=("epub", "build"),
        editions="epub",
    ),
    Setting(
        "embed_fonts",
        "Embed the book font (EB Garamond, subset to the text) in the EPUB.",
        kind=bool,
        default="false",
        flags=("--embed-fonts",),
        commands=("epub", "build"),
        column="embed_fonts",
        editions="epub",
    ),
    Setting(
        "trim",
        f"The print edition's trim size: {TRIMS}, or WxH in inches (or mm).",
        default=DEFAULT_TRIM,
        key="trim",
        types=STRING,
        rule=values.check_trim,
        flags=("--trim",),
        commands=INTERIORS,
        cli_help=f"Trim size: {TRIMS}, or WxH in inches (or mm); default: book.toml or {DEFAULT_TRIM}.",
        column="trim",
        editions="pdf",
        example='"5.5x8.5"',
    ),
    Setting(
        "bleed",
        "Add 0.125 in of bleed on the top, bottom and outside edge (not the spine's).",
        kind=bool,
        default="false",
        flags=("--bleed",),
        commands=INTERIORS,
        editions="pdf",
    ),
    Setting(
        "profile",
        f"The print profile: {profiles_help()}.",
        default=DEFAULT_PRINTER,
        key="profile",
        types=STRING,
        rule=values.check_profile,
        flags=("--profile",),
        commands=PRINTS,
        cli_help=f"{profiles_help()}; default: book.toml or {DEFAULT_PRINTER}.",
        column="profile",
        editions="pdf",
        example='"kdp"',
    ),
    Setting(
        "font_size",
        "The print edition's body size in points (8 to 24); 16 and up sets it as large print.",
        kind=float,
        key="font_size",
        types=(int, float),
        rule=values.check_font_size,
        flags=("--font-size",),
        commands=INTERIORS,
        cli_help="The print edition's body size in points (8 to 24); 16 and up sets a large-print edition: ragged "
        "right, no hyphenation, open leading (default: book.toml or the theme's).",
        editions="pdf",
        example="11",
    ),
    Setting(
        "running_head",
        "What rectos carry at the top: the book's title or the chapter's.",
        default="title",
        choices=("title", "chapter"),
        flags=("--running-head",),
        commands=INTERIORS,
        cli_help="What rectos carry at the top: the book's title or the chapter's; default: title.",
        editions="pdf",
    ),
    Setting(
        "jobs",
        "Worker processes for the layout (0, the default: one per core).",
        kind=int,
        default="0",
        flags=("--jobs", "-j"),
        commands=INTERIORS,
        least=0,
        editions="none",
    ),
    Setting(
        "no_cache",
        "Lay every chunk out again instead of reusing the ones laid out before.",
        kind=bool,
        default="false",
        flags=("--no-cache",),
        commands=INTERIORS,
        editions="none",
    ),
)

SETTINGS: tuple[Setting, ...] = (*METADATA, *MATTER, *READING, *EDITION)
