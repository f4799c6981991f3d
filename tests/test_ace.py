"""DAISY Ace on the EPUBs users build: every one passes, with no violation of any impact.

The books cover what the readers bring and what the writer makes of it: the bundled story, an AO3 download, a
FanFicFare EPUB, a Word manuscript (picture, note, table), a right-to-left Hebrew book with verse, a list, a chat
log and its print page list (`build`), and a poem collection in Markdown with a scene break. EPUBCheck checks
the same books at the end of the run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.build import build_all
from ebookgen.cli.app import app

from .acetools import ace_unavailable, run_ace
from .conftest import MANUSCRIPT, epubcheck_later
from .fanfiles import ao3_html
from .foreign import fanficfare_epub
from .test_rtl_book import BOOK_TOML as HEBREW_TOML
from .test_rtl_book import STORY as HEBREW_STORY
from .wordfiles import word_manuscript

pytestmark = [pytest.mark.slow, pytest.mark.skipif(bool(ace_unavailable()), reason=ace_unavailable() or "-")]
runner = CliRunner()
POEMS = """# Small Hours

## The Kettle

::: verse
The kettle sings before the dawn,
a thin bright wire of sound;
the house is dark, the street is gone,
and only steam is found.
:::

* * *

She wrote it down on the back of a receipt, *in pencil*, and kept it.

## Rain

It rained. "You'll stay?" he asked. "I'll stay," she said -- and stayed.
"""


def epub_of(source: Path, target: Path, *options: str) -> Path:
    """Build an EPUB with `ebookgen epub` and have EPUBCheck check it too."""
    result = runner.invoke(app, ["epub", str(source), "-o", str(target), *options])
    assert result.exit_code == 0, result.output
    epubcheck_later(target)
    return target


def bundled(folder: Path) -> Path:
    """The bundled story."""
    return epub_of(MANUSCRIPT, folder / "bundled.epub")


def ao3(folder: Path) -> Path:
    """An AO3 HTML download: preface, notes, two chapters, end notes."""
    (folder / "ao3.html").write_text(ao3_html(), encoding="utf-8")
    return epub_of(folder / "ao3.html", folder / "ao3.epub")


def fanficfare(folder: Path) -> Path:
    """A FanFicFare EPUB 2, read and written again as EPUB 3."""
    return epub_of(fanficfare_epub(folder / "fff-in.epub"), folder / "fff.epub")


def word(folder: Path) -> Path:
    """A Word manuscript with parts, a picture, a footnote and a table."""
    return epub_of(word_manuscript(folder / "lamp.docx"), folder / "lamp.epub")


def hebrew(folder: Path) -> Path:
    """A right-to-left book with its print page list, built by `build` (EPUB and PDF)."""
    (folder / "book.toml").write_text(HEBREW_TOML, encoding="utf-8")
    (folder / "story.md").write_text(HEBREW_STORY, encoding="utf-8")
    build_all(folder, folder / "dist")
    (built,) = (folder / "dist").glob("*.epub")
    epubcheck_later(built)
    return built


def poems(folder: Path) -> Path:
    """Verse, a scene break, emphasis and dialogue in Markdown."""
    (folder / "poems.md").write_text(POEMS, encoding="utf-8")
    return epub_of(folder / "poems.md", folder / "poems.epub")


BOOKS = {"bundled": bundled, "ao3": ao3, "fanficfare": fanficfare, "word": word, "hebrew": hebrew, "poems": poems}


@pytest.mark.parametrize("name", BOOKS)
def test_the_epub_passes_daisy_ace_with_no_violation(tmp_path: Path, name: str) -> None:
    epub = BOOKS[name](tmp_path)
    report = run_ace(epub, tmp_path / "ace")
    assert report.outcome == "pass" and report.violations == (), "\n".join(report.violations)


def test_a_violation_is_read_from_the_report(tmp_path: Path) -> None:
    """The check can fail: a page without its language is a serious violation Ace names."""
    import zipfile

    epub = bundled(tmp_path)
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(epub) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("cover.xhtml"):
                data = data.replace(b' lang="en"', b"").replace(b' xml:lang="en"', b"")
            target.writestr(item, data)
    report = run_ace(broken, tmp_path / "ace")
    assert report.outcome == "fail" and any("html-has-lang" in line for line in report.violations)
