"""Issue 31: an "unexpected error" is a bug. Fuzzing each reader's and each manifest's input finds none.

Every reader (plain text, Markdown, Word, HTML, EPUB) is given files hypothesis makes: text of the format's own
syntax mixed with any characters, and for the zip formats a real file with one member's content replaced by such
text, or with bytes changed or cut. Reading must give a book or an ``EbookgenError`` (one line and a documented
exit code), never another exception. Manifests (CSV and JSON lines) likewise. A longer pass runs by hand:

    EBOOKGEN_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz_readers.py -p no:xdist
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ebookgen.build import read_book
from ebookgen.errors import EbookgenError
from ebookgen.project.manuscript import load_project

EXAMPLES = int(os.environ.get("EBOOKGEN_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    derandomize="EBOOKGEN_FUZZ_EXAMPLES" not in os.environ,  # the suite's pass is the same every run
)

# Pieces of each format's syntax, so that fuzzed files reach the readers' rules and not only their refusals.
TEXT_PIECES = [
    "Chapter 1",
    "* * *",
    "#",
    "\n\n",
    "\n",
    "Title: T",
    "Author: A",
    "A/N:",
    "~~~",
    "::: note",
    ":::",
    "[1]",
    "^",
    "_a ",
    "*a ",
    "'a ",
    '"',
    "--",
    "...",
    "\t",
    "    ",
    "> ",
    "- ",
    "1. ",
    "|",
    "---",
]
MD_PIECES = [
    "# ",
    "## ",
    "> ",
    ">>>> ",
    "- ",
    "* ",
    "1. ",
    "    ",
    "```",
    "~~~",
    "::: verse",
    "::: note",
    ":::",
    "[^1]",
    "[^1]: ",
    "![a](",
    "missing.png)",
    "[link](",
    "http://x)",
    "*",
    "**",
    "_",
    "`",
    "<b>",
    "</b>",
    "<div>",
    "</div>",
    "<table><tr><td>",
    "| a | b |\n|---|---|\n| c | d |",
    "\\",
    "&amp;",
    "&#0;",
    "\n\n",
]
HTML_PIECES = [
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<div>",
    "</div>",
    "<font>",
    "<b>",
    "</b>",
    "<i>",
    "<br>",
    "<hr>",
    "<blockquote>",
    "</blockquote>",
    "<ul><li>",
    "</li></ul>",
    "<ol start='x'><li>",
    "<table>",
    "<tr><td colspan='99999999'>",
    "</td>",
    "<sup><a href='#n1' id='r1'>1</a></sup>",
    "<aside id='n1' epub:type='footnote'>",
    "</aside>",
    "<script>",
    "</script>",
    "<style>",
    "a{",
    "<img src='nope.png' alt='x'>",
    "<svg><text>t</text></svg>",
    "<math><mi>x</mi></math>",
    "<title>",
    "</title>",
    "<meta charset='klingon'>",
    "<meta name='author' content='",
    "'>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&nbsp;",
    "&#xD800;",
    "&bogus;",
    "<?xml version='1.0'?>",
    "\x00",
]
ANY_TEXT = st.text(max_size=40)


def made_of(pieces: list[str]) -> st.SearchStrategy[str]:
    """Text made of a format's syntax pieces and any characters, in any order."""
    return st.lists(st.one_of(st.sampled_from(pieces), ANY_TEXT), max_size=40).map("".join)


def read_or_refuse(name: str, data: bytes) -> None:
    """Read a file of these bytes as a manuscript: a book, or an EbookgenError; anything else fails the test."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            read_book(load_project(path))
        except EbookgenError:
            pass


@FUZZ
@given(made_of(TEXT_PIECES), st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_the_plain_text_reader_never_fails_unexpectedly(text: str, encoding: str) -> None:
    read_or_refuse("story.txt", text.encode(encoding, errors="replace"))


@FUZZ
@given(made_of(MD_PIECES))
def test_the_markdown_reader_never_fails_unexpectedly(text: str) -> None:
    read_or_refuse("story.md", text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(made_of(HTML_PIECES))
@example("<script>")  # readability-lxml's AssertionError "too many bodies"
@example("\ufdd6\ufdd6")  # a noncharacter the readers use as a mark, typed in the text
def test_the_html_reader_never_fails_unexpectedly(text: str) -> None:
    read_or_refuse("story.html", text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_in_any_reader_never_fail_unexpectedly(data: bytes) -> None:
    for name in ("story.txt", "story.md", "story.html", "story.docx", "story.epub"):
        read_or_refuse(name, data)


def docx_bytes() -> bytes:
    """A small real Word file: a heading, paragraphs, a footnote-like run, a picture."""
    import docx
    from docx.shared import Inches
    from PIL import Image

    document = docx.Document()
    document.core_properties.title = "Fuzz"
    document.add_heading("Chapter 1", 1)
    document.add_paragraph("The lamp was lit. ").add_run("She waited.").italic = True
    picture = io.BytesIO()
    Image.new("RGB", (4, 4)).save(picture, format="PNG")
    document.add_paragraph().add_run().add_picture(picture, width=Inches(1))
    document.add_paragraph("The end.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def epub_bytes() -> bytes:
    """A small real EPUB 3: container, package, navigation, two chapters, a picture."""
    files = {
        "META-INF/container.xml": '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" '
        'media-type="application/oebps-package+xml"/></rootfiles></container>',
        "OEBPS/content.opf": '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x'
        "</dc:identifier><dc:title>Fuzz</dc:title><dc:creator>Ann</dc:creator><dc:language>en</dc:language>"
        '</metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="c1" href="one.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="c2" href="two.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="p" href="pic.svg" media-type="image/svg+xml"/></manifest>'
        '<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>',
        "OEBPS/nav.xhtml": '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>c</title></head><body><nav epub:type="toc"><ol>'
        '<li><a href="one.xhtml">One</a></li><li><a href="two.xhtml">Two</a></li></ol></nav></body></html>',
        "OEBPS/one.xhtml": '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>One'
        "</title></head><body><h1>One</h1><p>The lamp was lit, and she waited by the door for him.</p>"
        '<p><img src="pic.svg" alt="a lamp"/></p></body></html>',
        "OEBPS/two.xhtml": '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Two'
        "</title></head><body><h1>Two</h1><p>He came home late, and the lamp had gone out.</p></body></html>",
        "OEBPS/pic.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" '
        'height="5"/></svg>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as epub:
        epub.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, text in files.items():
            epub.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def with_member(data: bytes, index: int, content: str) -> bytes:
    """Return a zip with its index-th member's content replaced."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    members = source.infolist()
    chosen = members[index % len(members)].filename
    with zipfile.ZipFile(out, "w") as target:
        for member in members:
            body = content.encode("utf-8", errors="surrogatepass") if member.filename == chosen else source.read(member)
            target.writestr(member, body)
    return out.getvalue()


def with_bytes_changed(data: bytes, changes: list[tuple[int, int]], cut: int | None) -> bytes:
    """Return bytes with some replaced (position, value) and perhaps cut short."""
    changed = bytearray(data)
    for position, value in changes:
        changed[position % len(changed)] = value
    return bytes(changed[:cut] if cut else changed)


XML_PIECES = [
    *HTML_PIECES,
    "<w:p>",
    "</w:p>",
    "<w:r><w:t>",
    "</w:t></w:r>",
    "<w:del>",
    "<w:ins>",
    "<item ",
    "href='",
    "../../../etc/passwd",
    "'/>",
    "<itemref idref='c1'/>",
    "<!DOCTYPE x [<!ENTITY e 'e'>]>",
    "&e;",
    "<rootfile full-path='",
    "OEBPS/content.opf",
]
ZIP_CHANGES = st.one_of(
    st.tuples(st.just("member"), st.integers(0, 20), made_of(XML_PIECES)),
    st.tuples(
        st.just("bytes"),
        st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
        st.one_of(st.none(), st.integers(1, 4000)),
    ),
)


def changed_zip(data: bytes, change) -> bytes:
    """Apply one fuzzed change to a real zip-based file."""
    if change[0] == "member":
        return with_member(data, change[1], change[2])
    return with_bytes_changed(data, change[1], change[2])


@FUZZ
@given(ZIP_CHANGES)
@example(("bytes", [(1749, 0)], None))  # a member's deflate stream broken: zlib.error
@example(("member", 2, "<itemref idref='c1'/>"))  # core properties python-docx parses only when a field is read
def test_the_word_reader_never_fails_unexpectedly(change) -> None:
    read_or_refuse("story.docx", changed_zip(DOCX, change))


@FUZZ
@given(ZIP_CHANGES)
@example(("bytes", [(169, 0)], None))  # a member's deflate stream broken: zlib.error
@example(("bytes", [(362881, 64)], None))  # a member needing "zip version 6.4": NotImplementedError
@example(("member", 4, "&nbsp;<!--"))  # a page whose copy parsed again is a comment
@example(("member", 4, "\x1f\x80"))  # a C1 control read as cp1252 beside a C0 control lxml refuses
def test_the_epub_reader_never_fails_unexpectedly(change) -> None:
    read_or_refuse("story.epub", changed_zip(EPUB, change))


CSV_PIECES = [
    "source,title,author,formats\n",
    "source,lang,encoding,theme\n",
    "story.txt",
    ",",
    "\n",
    '"',
    '""',
    "epub",
    "pdf;epub",
    "kepub",
    "yes",
    "no",
    "\x00",
    "../outside.txt",
    "x" * 200,
    "9" * 5000,
    "\r\n",
]
JSON_PIECES = [
    '{"source": "story.txt"',
    '"title": ',
    '"formats": ',
    '["epub"]',
    "null",
    "true",
    "1e999",
    "[" * 50,
    "]" * 50,
    "{",
    "}",
    ",",
    ":",
    '"',
    "\\u0000",
    "9" * 5000,
    "\n",
    '"encoding": "punycode"',
    "-",
]


def manifest_result(name: str, text: str) -> None:
    """Read a manifest beside a story: its works, or an EbookgenError; anything else fails the test."""
    from ebookgen.batch.sources import read_manifest

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "story.txt").write_text("Chapter 1\n\nThe lamp was lit.\n", encoding="utf-8")
        path = Path(folder) / name
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        try:
            read_manifest(path)
        except EbookgenError:
            pass


@FUZZ
@given(made_of(CSV_PIECES))
def test_a_csv_manifest_never_fails_unexpectedly(text: str) -> None:
    manifest_result("works.csv", text)


@FUZZ
@given(made_of(JSON_PIECES))
def test_a_json_lines_manifest_never_fails_unexpectedly(text: str) -> None:
    manifest_result("works.jsonl", text)


DOCX = docx_bytes()
EPUB = epub_bytes()


TOML_PIECES = [
    'title = "T"\n',
    "title = ",
    "author = ",
    "language = ",
    "encoding = ",
    "date = ",
    "series_index = ",
    "trim = ",
    "theme = ",
    "chapters = ",
    "cover = ",
    "[series]\n",
    "[[also_by]]\n",
    "newsletter = ",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    "\n",
    "1979-05-27",
    "1e999",
    "-0",
    "nan",
    "inf",
    "true",
    '"../../etc/passwd"',
    '"undefined"',
    '"punycode"',
    '"6x9"',
    '"zz-ZZ-x"',
    '"cover.svg"',
    "\x00",
]


@FUZZ
@given(made_of(TOML_PIECES))
def test_a_book_toml_never_fails_unexpectedly(text: str) -> None:
    """Whatever book.toml holds, a project loads and reads, or one EbookgenError says why (watch lives on)."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "01.txt").write_text("Chapter 1\n\nThe lamp was lit.\n", encoding="utf-8")
        (Path(folder) / "book.toml").write_bytes(text.encode("utf-8", errors="surrogatepass"))
        try:
            read_book(load_project(Path(folder)))
        except EbookgenError:
            pass


def toml_value(value) -> str:
    """Write a Python value as a TOML value (strings JSON-quoted, which TOML reads)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(each) for each in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {toml_value(each)}" for key, each in value.items()) + "}"
    if isinstance(value, float) and value != value:
        return "nan"
    return json.dumps(value) if not isinstance(value, float) or abs(value) != float("inf") else "inf"


TOML_SCALARS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "6x9",
            "a5",
            "kdp",
            "ingram",
            "classic",
            "cp1252",
            "undefined",
            "en-GB",
            "he",
            "zz",
            "cover.svg",
            "../outside.txt",
            "01.txt",
            "2024-02-30",
            "keep",
            "drop",
            "notes",
            "curly",
            "1.5",
        ]
    ),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
TOML_VALUES = st.recursive(
    TOML_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["name", "url", "line", "title", "x"]), inner)
    ),
    max_leaves=6,
)


@FUZZ
@given(st.dictionaries(st.sampled_from(sorted(__import__("ebookgen.project.manuscript").project.manuscript.BOOK_KEYS)),
                       TOML_VALUES, max_size=6))  # fmt: skip
def test_a_book_toml_of_any_known_keys_never_fails_unexpectedly(config: dict) -> None:
    """Each book.toml key given a value of any type and shape: the project loads and reads, or one EbookgenError."""
    text = "".join(f"{key} = {toml_value(value)}\n" for key, value in config.items())
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "01.txt").write_text("Chapter 1\n\nThe lamp was lit.\n", encoding="utf-8")
        (Path(folder) / "book.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            read_book(load_project(Path(folder)))
        except EbookgenError:
            pass
