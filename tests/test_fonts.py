"""The print edition's faces are the book's own: every family the print stylesheets name is declared by file, each
fallback face sets only its own script, and fontconfig is given no system font."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pikepdf
import pytest

from ebookgen.pdf.fontcheck import chosen, foreign_face_failures
from ebookgen.pdf.fonts import STACK, fallback_css, own_fontconfig, unicode_ranges
from ebookgen.pdf.glyphs import GLYPH_NOTE, glyph_lines, unset_in_lines
from ebookgen.pdf.preflight import page_fonts
from ebookgen.readers.source import SourceText
from ebookgen.resources import faces, styles_dir
from ebookgen.resources.faces import FALLBACKS, covered, installed
from ebookgen.themes import THEMES

HEBREW = next(face for face in FALLBACKS if "Hebrew" in face.family)
EMOJI = next(face for face in FALLBACKS if "Emoji" in face.family)
GENERICS = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "emoji", "math"}


def print_sheets() -> list[Path]:
    """Return the print stylesheets: the shared print layer and every theme's print and shared sheets."""
    return [styles_dir() / "print.css", *sorted((styles_dir() / "themes").glob("*/print.css"))]


def declared_families() -> set[str]:
    """Return the families declared by @font-face on a file: print.css's, the themes' and the fallbacks'."""
    families = set(re.findall(r'@font-face \{ font-family: "([^"]+)"', (styles_dir() / "print.css").read_text()))
    return families | {face.family for theme in THEMES.values() for face in theme.faces}


def test_every_family_the_print_sheets_name_is_a_file_face_and_no_stack_ends_in_a_generic() -> None:
    for path in print_sheets():
        for stack in re.findall(r"(?<![-\w])font-family:\s*([^;}]+)", path.read_text(encoding="utf-8")):
            names = [name.strip().strip('"') for name in stack.split(",")]
            assert not GENERICS & set(names), f"{path}: {stack}"
            for name in names:
                assert name in declared_families() or name == f"var({STACK})", f"{path}: {name}"


@pytest.mark.skipif(not installed(HEBREW), reason="Noto Serif Hebrew (Debian's fonts-noto-core) is missing")
def test_a_hebrew_book_declares_its_face_by_file_for_hebrew_letters_only() -> None:
    css = fallback_css("שלום 1948, world")
    rule = next(line for line in css.splitlines() if HEBREW.family in line and "@font-face" in line)
    assert re.search(r'src: url\("file:///[^"]+\.ttf"\)', rule)
    ranges = re.search(r"unicode-range: ([^;]+);", rule)[1]
    assert "U+5E9" in ranges and not re.search(r"U\+(2[0-9A-F]|3[0-9])\b", ranges)  # no space, no digit
    assert f'{STACK}: "{HEBREW.family}"' in css
    assert "CJK" not in css and "Arabic" not in css


def test_a_latin_book_declares_no_script_face() -> None:
    css = fallback_css("A plain story, told in 12 chapters.")
    assert not any(name in css for name in ("CJK", "Arabic", "Hebrew", "Devanagari"))


def test_no_fallback_face_sets_latin_digits_spaces_or_punctuation() -> None:
    shared = set(range(0x20, 0x250)) | set(range(0x2000, 0x2070))
    for face in FALLBACKS:
        assert not covered(face) & shared, face.family


def test_unicode_ranges_are_the_fewest_spans() -> None:
    assert unicode_ranges(frozenset({0x5D0, 0x5D1, 0x5D2, 0x5E9, 0x1F600})) == "U+5D0-5D2, U+5E9, U+1F600"


def test_the_layout_sees_ebookgens_own_fontconfig_and_the_hosts_after(monkeypatch) -> None:
    monkeypatch.setenv("FONTCONFIG_FILE", "/host/fonts.conf")
    with own_fontconfig():
        own = Path(os.environ["FONTCONFIG_FILE"])
        assert "<dir" not in own.read_text() and "<include" not in own.read_text()
    assert os.environ["FONTCONFIG_FILE"] == "/host/fonts.conf"


def test_fallback_families_never_collide_with_a_system_face() -> None:
    assert all(face.family.startswith("ebookgen ") for face in FALLBACKS)
    assert len({face.family for face in FALLBACKS}) == len(FALLBACKS)


def test_a_missing_fallback_face_is_one_line_naming_characters_places_and_what_installs_it(monkeypatch) -> None:
    found = faces.find_file
    monkeypatch.setattr(faces, "find_file", lambda name: None if "Hebrew" in name or "CJK" in name else found(name))
    faces.covered.cache_clear()
    try:
        source = SourceText(Path("story.txt"), "Chapter 1\n\nShe said שלום.\n\nAnd さくら.\n\nAnd \ue000.\n", "utf-8")
        lines = glyph_lines([source])
        assert [char for _, char in unset_in_lines(source.text.split("\n"))][:2] == ["ש", "ל"]
    finally:
        faces.covered.cache_clear()
    assert lines[0] == (
        f"story.txt:3: {GLYPH_NOTE} U+05E9 HEBREW LETTER SHIN, U+3055 HIRAGANA LETTER SA (story.txt:5) and 5 more "
        "characters, which print as boxes: Noto Serif Hebrew and Noto Serif CJK JP are not installed; `make fonts` "
        "installs them (Debian's fonts-noto-core, Debian's fonts-noto-cjk)"
    )
    assert lines[1:] == (f"story.txt:7: {GLYPH_NOTE} U+E000 unnamed; it prints as a box",)


def test_the_book_faces_pass_and_a_face_found_by_name_does_not() -> None:
    for name in ("ABCDEF+EB-Garamond", "X+EB-Garamond-Bold-Italic", "Q+ebookgen-Noto-Serif-Hebrew", "Q+Lato-Bold"):
        assert chosen(name), name
    for name in ("ABCDEF+Noto-Color-Emoji", "X+DejaVu-Sans", "Q+Noto-Serif-Hebrew", "EB-Garamondish"):
        assert not chosen(name), name


def pdf_with_font(path: Path, name: str, creator: str) -> Path:
    """Write a one-page PDF whose page uses a font of that name, made by creator."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, BaseFont=pikepdf.Name(f"/{name}")))
    pdf.pages[0].Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    pdf.docinfo["/Creator"] = creator
    pdf.save(path)
    return path


def test_check_flags_text_an_ebookgen_pdf_sets_in_a_face_the_book_did_not_choose(tmp_path: Path) -> None:
    with pikepdf.open(pdf_with_font(tmp_path / "a.pdf", "ABCDEF+Noto-Color-Emoji", "ebookgen")) as pdf:
        assert foreign_face_failures(pdf, page_fonts) == [
            "fonts: text set in faces the book did not choose, found on the machine by name: Noto-Color-Emoji; "
            "rebuild the PDF"
        ]
    with pikepdf.open(pdf_with_font(tmp_path / "b.pdf", "ABCDEF+EB-Garamond", "ebookgen")) as pdf:
        assert foreign_face_failures(pdf, page_fonts) == []
    with pikepdf.open(pdf_with_font(tmp_path / "c.pdf", "ABCDEF+Noto-Color-Emoji", "LibreOffice")) as pdf:
        assert foreign_face_failures(pdf, page_fonts) == []  # another tool's PDF: any face may be its own


@pytest.mark.skipif(not installed(FALLBACKS[0]), reason="Noto Serif CJK (Debian's fonts-noto-cjk) is missing")
def test_a_cjk_face_is_loaded_cut_down_to_the_books_characters() -> None:
    css = fallback_css("The sign read さくら.")
    rule = next(line for line in css.splitlines() if "CJK JP" in line and "font-weight: normal" in line)
    path = Path(re.search(r'url\("file://([^"]+)"\)', rule)[1])
    assert path.stat().st_size < 200_000  # not the 24 MB face
    assert faces.face_characters(path) >= {ord(char) for char in "さくら"}
    assert re.search(r"unicode-range: ([^;]+);", rule)[1] == "U+304F, U+3055, U+3089"
