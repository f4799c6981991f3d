"""The same book on every machine: a host whose fontconfig offers Noto Color Emoji and DejaVu under the fallback
faces' names changes nothing in the PDF (pages, words per page, fonts, bytes), and no word leaves the page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from ebookgen.cachedir import cache_home
from ebookgen.cli.app import app
from ebookgen.resources import faces
from ebookgen.resources.faces import FALLBACKS, installed

BUNDLED = Path(__file__).resolve().parent.parent / "manuscript"
COLOUR_EMOJI = "NotoColorEmoji.ttf"
# Where the colour face may be: installed by Debian's fonts-noto-color-emoji, or unpacked by `make test-fonts`.
COLOUR_PLACES = (
    Path("/usr/share/fonts/truetype/noto"),
    cache_home() / "test-fonts",
    Path.home() / ".cache/ebookgen/test-fonts",
)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
MULTI_SCRIPT = (
    "Chapter 1\n\n"
    '"Sakura," he said. The sign read さくら. Jimin (지민) waved, and Наташа smiled at 北京. I ♥ you. 😀 🎉 👍\n\n'
    "She wrote مرحبا بالعالم on the board, and then שלום עולם beside it. नमस्ते, said the third, at 10:45.\n\n"
    + "\n\n".join(["The numbers 1234567890 run through this line, 42 times, with spaces between the words. " * 5] * 12)
    + "\n\nChapter 2\n\n"
    + "\n\n".join(["A quieter chapter of 365 days and 24 hours, ✨ and ☕ at the end of it. " * 6] * 12)
    + "\n"
)
HEBREW = (
    "פרק 1\n\n"
    + "\n\n".join(["שלום, אמרה דנה. בבוקר הגיע המכתב, ובו 12 שורות ו־3 מספרים: 1948, 2024 ו־365. " * 5] * 12)
    + "\n\nפרק 2\n\n"
    + "\n\n".join(["הוא קרא את המכתב שוב ושוב, עד 10 פעמים, ואז יצא אל הרחוב. " * 6] * 12)
    + "\n"
)


def colour_emoji() -> Path | None:
    """Return Debian's Noto Color Emoji file where it is on this machine."""
    return next((place / COLOUR_EMOJI for place in COLOUR_PLACES if (place / COLOUR_EMOJI).is_file()), None)


needs_hostile_faces = pytest.mark.skipif(
    colour_emoji() is None or not DEJAVU.is_file() or not shutil.which("pdftotext"),
    reason="Noto Color Emoji (`make test-fonts` unpacks Debian's fonts-noto-color-emoji), DejaVu Sans "
    "(fonts-dejavu-core) or pdftotext (poppler-utils) is missing",
)


def hostile_fontconfig(folder: Path) -> Path:
    """Write a fontconfig that has the host's fonts, plus Noto Color Emoji and DejaVu named as every fallback face."""
    folder.mkdir(parents=True, exist_ok=True)
    emoji, dejavu = folder / COLOUR_EMOJI, folder / DEJAVU.name
    shutil.copy(colour_emoji(), emoji)
    shutil.copy(DEJAVU, dejavu)
    names = [name for fallback in FALLBACKS for name in (fallback.family, fallback.name)]
    names += ["EB Garamond", "Noto Emoji", "Noto Sans Symbols 2", "emoji", "serif", "sans-serif"]

    def renamed(path: Path, wanted: list[str]) -> str:
        families = "".join(f"<string>{name}</string>" for name in wanted)
        return (
            f'<match target="scan"><test name="file"><string>{path}</string></test>'
            f'<edit name="family" mode="prepend">{families}</edit></match>'
        )

    emoji_names = [name for name in names if "Emoji" in name or "Symbols" in name or name == "emoji"]
    text = f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{folder}</dir>
  <cachedir>{folder / "cache"}</cachedir>
  {renamed(emoji, emoji_names)}
  {renamed(dejavu, [name for name in names if name not in emoji_names])}
</fontconfig>
"""
    path = folder / "fonts.conf"
    path.write_text(text, encoding="utf-8")
    return path


def build_pdf(source: Path, target: Path) -> str:
    """Build a PDF with the CLI in this process; return what it said."""
    result = CliRunner().invoke(app, ["pdf", str(source), "-o", str(target), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return result.output


def page_words(path: Path) -> list[list[str]]:
    """Return the words of every page, as pdftotext reads them."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [page.split() for page in text.split("\f")[:-1]]


def font_names(path: Path) -> set[str]:
    """Return the names of the PDF's fonts, without their subset tags."""
    with pikepdf.open(path) as pdf:
        return {
            str(font.BaseFont).split("+", 1)[-1]
            for page in pdf.pages
            for font in (page.Resources.get("/Font") or {}).values()
        }


def without_id(path: Path) -> bytes:
    """Return the PDF's bytes with its document id blanked."""
    return re.sub(rb"/ID \[<[0-9a-f]+> <[0-9a-f]+>\]", b"/ID []", path.read_bytes())


def word_boxes(path: Path) -> list[tuple[int, float, float, float, float, float, float]]:
    """Return (page, width, height, xMin, yMin, xMax, yMax) of every word, from pdftotext's boxes."""
    found = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    html = found.decode("utf-8", "replace")
    boxes, number, size = [], 0, (0.0, 0.0)
    for line in html.splitlines():
        if page := re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line):
            number, size = number + 1, (float(page[1]), float(page[2]))
        elif word := re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', line):
            boxes.append((number, *size, *map(float, word.groups())))
    return boxes


def story(tmp_path: Path, name: str, text: str, toml: str = "") -> Path:
    """Write a one-file story folder, with a book.toml if given."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "01.txt").write_text(text, encoding="utf-8")
    if toml:
        (folder / "book.toml").write_text(toml, encoding="utf-8")
    return folder


@pytest.mark.slow
@needs_hostile_faces
@pytest.mark.parametrize("book", ["bundled", "multi-script", "hebrew"])
def test_a_host_with_colour_emoji_and_dejavu_gives_the_same_pdf(tmp_path: Path, monkeypatch, book: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    source = {
        "bundled": lambda: BUNDLED,
        "multi-script": lambda: story(tmp_path, "multi", MULTI_SCRIPT, 'title = "Many 🌙"\nauthor = "Ana"\n'),
        "hebrew": lambda: story(tmp_path, "sefer", HEBREW, 'title = "סיפור"\nauthor = "דנה"\nlanguage = "he"\n'),
    }[book]()
    plain = tmp_path / "plain.pdf"
    build_pdf(source, plain)
    monkeypatch.setenv("FONTCONFIG_FILE", str(hostile_fontconfig(tmp_path / "host")))
    hostile = tmp_path / "hostile.pdf"
    build_pdf(source, hostile)
    assert [len(words) for words in page_words(hostile)] == [len(words) for words in page_words(plain)]
    assert page_words(hostile) == page_words(plain)
    assert font_names(hostile) == font_names(plain)
    assert not {name for name in font_names(hostile) if "Color" in name or "DejaVu" in name}
    assert without_id(hostile) == without_id(plain)
    for page, width, height, left, top, right, bottom in word_boxes(hostile):
        # Inside the page's margins (at least 0.5 in at 5.5 x 8.5): a line that overran would reach the edge.
        assert 36 <= left and right <= width - 36 and 18 <= top and bottom <= height - 18, (page, left, right)


@pytest.mark.slow
@pytest.mark.skipif(not installed(FALLBACKS[2]), reason="Noto Serif Hebrew (Debian's fonts-noto-core) is missing")
def test_a_missing_fallback_face_gives_one_warning_and_a_pdf(tmp_path: Path, monkeypatch) -> None:
    hebrew = FALLBACKS[2]
    found = faces.find_file
    monkeypatch.setattr(faces, "find_file", lambda name: None if "Hebrew" in name else found(name))
    faces.covered.cache_clear()
    try:
        folder = story(tmp_path, "mixed", "Chapter 1\n\nShe said hello.\n\nThen שלום, and さくら too.\n")
        output = build_pdf(folder, tmp_path / "book.pdf")
    finally:
        faces.covered.cache_clear()
    warnings = [line for line in output.splitlines() if "not installed" in line]
    assert len(warnings) == 1, output
    assert f"{folder / '01.txt'}:5: no face has a glyph for U+05E9 HEBREW LETTER SHIN" in warnings[0]
    assert f"{hebrew.name} is not installed; `make fonts` installs it (Debian's fonts-noto-core)" in warnings[0]
    assert "U+3055" not in output  # the Japanese face is there
    words = " ".join(" ".join(page) for page in page_words(tmp_path / "book.pdf"))
    assert "さくら" in words and "hello." in words


def embedded_licences(path: Path) -> dict[str, str]:
    """Return, for each embedded face, the licence its font program's name table states ("" where none)."""
    import io

    from fontTools.ttLib import TTFont

    found = {}
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for font in (page.Resources.get("/Font") or {}).values():
                descriptor = font.DescendantFonts[0].FontDescriptor
                key = "/FontFile2" if "/FontFile2" in descriptor else "/FontFile3"
                names = TTFont(io.BytesIO(descriptor[key].read_bytes()))["name"]
                found[str(font.BaseFont).split("+", 1)[-1]] = str(names.getDebugName(13) or "")
    return found


@pytest.mark.slow
@pytest.mark.skipif(not installed(FALLBACKS[2]), reason="Noto Serif Hebrew (Debian's fonts-noto-core) is missing")
def test_each_fallback_face_the_pdf_embeds_carries_its_licence_and_the_press_file_stays_valid(tmp_path: Path) -> None:
    from ebookgen.pdf.preflight import preflight

    folder = story(tmp_path, "mixed", "Chapter 1\n\nShe said שלום and smiled \U0001f60a.\n")
    target = tmp_path / "book.pdf"
    result = CliRunner().invoke(app, ["pdf", str(folder), "-o", str(target), "--jobs", "1", "--profile", "ingram"])
    assert result.exit_code == 0, result.output
    licences = embedded_licences(target)
    fallbacks = {name: licence for name, licence in licences.items() if name.startswith("ebookgen-")}
    assert "ebookgen-Noto-Serif-Hebrew" in fallbacks, licences
    assert all("Open Font License" in licence for licence in fallbacks.values()), fallbacks
    failures = preflight(target, "ingram").failures
    assert not [line for line in failures if line.startswith(("pdfx", "fonts", "colour"))], failures
