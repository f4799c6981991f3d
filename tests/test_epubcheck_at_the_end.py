"""EPUBCheck at the end of the run: a pytest run on a tiny test file fails when a registered EPUB is not clean."""

from __future__ import annotations

import pytest

from .conftest import ROOT

pytest_plugins = ["pytester"]

BOOKS = """
import zipfile

from tests.conftest import epubcheck_later

CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="EPUB/missing.opf" media-type="application/oebps-package+xml"/></rootfiles>'
    "</container>"
)


def test_builds_a_broken_book(tmp_path):
    target = tmp_path / "broken.epub"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", CONTAINER)  # Names a package document that is not there.
    epubcheck_later(target)


def test_builds_a_book_with_one_warning(tmp_path):
    from ebookgen import build_epub

    (tmp_path / "story.txt").write_text("Chapter 1\\n\\nShe left.\\n", encoding="utf-8")
    book = build_epub(tmp_path / "story.txt", tmp_path / "good.epub").path
    target = tmp_path / "dated.epub"
    with zipfile.ZipFile(book) as good, zipfile.ZipFile(target, "w") as dated:
        for info in good.infolist():
            data = good.read(info.filename)
            if info.filename.endswith(".opf"):
                data = data.replace(b"<dc:language>", b"<dc:date>someday</dc:date><dc:language>")
            dated.writestr(info, data)
    epubcheck_later(target)


def test_builds_a_good_book(tmp_path):
    from ebookgen import build_epub

    (tmp_path / "story.txt").write_text("Chapter 1\\n\\nShe stayed.\\n", encoding="utf-8")
    epubcheck_later(build_epub(tmp_path / "story.txt", tmp_path / "good.epub").path)
"""


@pytest.fixture
def books(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A folder holding test_books.py, run by a pytest that loads this suite's conftest as a plugin."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(test_books=BOOKS)
    return pytester


@pytest.mark.slow
def test_a_rejected_epub_fails_the_run_and_names_its_test(books: pytest.Pytester) -> None:
    result = books.runpytest_subprocess("-p", "tests.conftest", "-n", "2")
    result.assert_outcomes(passed=3)  # The tests pass; the run does not.
    assert result.parseoutcomes()["rejected"] == 2  # The last line: "3 passed, 2 rejected by EPUBCheck in 9.1s".
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*= EPUBCheck =*",
            "2 of 3 EPUBs from 3 tests rejected (1 JVM, *)",
            "test_books.py::test_builds_a_book_with_one_warning built an EPUB it rejects, kept at *",
            "    WARNING OPF-053: *someday*",
            "test_books.py::test_builds_a_broken_book built an EPUB it rejects, kept at *",
            "    FATAL OPF-002: *EPUB/missing.opf*",
        ],
        consecutive=False,
    )
    assert "test_builds_a_good_book built" not in result.stdout.str()


def test_without_java_the_check_is_skipped_not_failed(books: pytest.Pytester, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(books.path / "no-java-here"))
    result = books.runpytest_subprocess("-p", "tests.conftest", "-p", "no:xdist", "-k", "broken")
    result.assert_outcomes(passed=1, deselected=2)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["*= EPUBCheck =*", "1 EPUB from 1 test, skipped: java is not on PATH"])


def test_a_run_that_deselects_slow_tests_does_not_check(books: pytest.Pytester) -> None:
    result = books.runpytest_subprocess("-p", "tests.conftest", "-p", "no:xdist", "-k", "broken", "-m", "not slow")
    result.assert_outcomes(passed=1, deselected=2)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["1 EPUB from 1 test, not checked: the check is slow and -m deselects slow tests"])
