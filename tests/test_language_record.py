"""The book's language is a record settled once (issue 24): no stage looks its tag up again.

The tag the merged metadata carries is turned into its ``Language`` in one place (``found.settled_language``,
called by ``merge_found``); the normaliser's options, render and the writers are handed the record. The
only other look-ups are named entry points: a library caller's book handed straight to ``write_epub`` or
``write_pdf``, and book.toml's back matter, typeset as book.toml is read.
"""

from __future__ import annotations

import ast
import zipfile
from pathlib import Path

import pytest

import ebookgen.epub.writer
import ebookgen.normalise.found
import ebookgen.pdf.writer
import ebookgen.project.matter
from ebookgen.build import build_epub

from .conftest import epubcheck_later

PACKAGE = Path(__file__).resolve().parent.parent / "ebookgen"
LOOK_UPS = frozenset({"language_for", "settled_language"})
# Where a language tag may be looked up, by module and function, and why.
ENTRY_POINTS = {
    ("normalise/found.py", "settled_language"): "the book's language, settled once its file's metadata is merged",
    ("normalise/found.py", "merge_found"): "calls settled_language: the merge is where the book's language settles",
    ("check.py", "check_project"): "check settles the project's language for its passes, as the build does",
    ("project/matter.py", "back_matter"): "book.toml's back matter is typeset in book.toml's language as it is read",
    ("project/matter.py", "typeset_strings"): "book.toml's title-page strings too, in book.toml's language",
    ("build.py", "read_collection"): "a collection's own book.toml language settles its part pages' words",
    ("epub/writer.py", "write_epub"): "a library caller's book handed to the EPUB writer with no record",
    ("pdf/writer.py", "write_pdf"): "a library caller's book handed to the PDF writer with no record",
}


def look_ups(path: Path) -> set[tuple[str, str]]:
    """Return (module, function) for every call of a language look-up in one source file."""
    found: set[tuple[str, str]] = set()
    module = path.relative_to(PACKAGE).as_posix()

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if isinstance(child, ast.Call):
                called = child.func
                name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
                if name in LOOK_UPS:
                    found.add((module, function))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), "<module>")
    return found


def test_no_stage_looks_the_language_up_outside_its_entry_points() -> None:
    calls = {call for path in sorted(PACKAGE.rglob("*.py")) for call in look_ups(path)}
    stages = {call for call in calls if not call[0].startswith("languages/")}  # the registry itself
    assert stages - ENTRY_POINTS.keys() == set(), "a stage looks a language tag up: take the settled record instead"
    assert ("normalise/found.py", "merge_found") in stages  # the scan sees calls, not only imports


def test_the_scan_finds_a_look_up_in_a_stage(tmp_path: Path, monkeypatch) -> None:
    stage = tmp_path / "render" / "late.py"
    stage.parent.mkdir()
    stage.write_text("def words(tag):\n    return languages.language_for(tag).words\n", encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path)
    assert look_ups(stage) == {("render/late.py", "words")}


@pytest.fixture
def tags_looked_up(monkeypatch) -> list[str]:
    """Record every tag looked up at each place allowed to look one up, through the build."""
    asked: list[str] = []
    for module in (ebookgen.normalise.found, ebookgen.epub.writer, ebookgen.pdf.writer, ebookgen.project.matter):
        real = module.language_for

        def spy(tag: str, real=real):
            asked.append(tag)
            return real(tag)

        monkeypatch.setattr(module, "language_for", spy)
    return asked


FRENCH_STORY = """Title: Le Bac
Author: Ann Lee
Language: Français

Chapitre 1

"Tu viens ?" demanda-t-elle.

* * *

Il ne répondit pas.

Chapitre 2

"Oui," dit-il enfin.
"""


def test_a_book_whose_file_gives_french_is_built_with_the_french_record_throughout(
    tmp_path: Path, tags_looked_up: list[str]
) -> None:
    source = tmp_path / "bac.txt"
    source.write_text(FRENCH_STORY, encoding="utf-8")
    written = build_epub(source, tmp_path / "bac.epub")
    epubcheck_later(written.path)
    assert tags_looked_up == ["fr"]  # once, where the file's metadata was merged: never again by a later stage
    with zipfile.ZipFile(written.path) as archive:
        files = {name: archive.read(name).decode() for name in archive.namelist() if name.endswith((".xhtml", ".opf"))}
    chapter = next(text for name, text in files.items() if name.endswith("chapter-001.xhtml"))
    copyright_page = next(text for name, text in files.items() if name.endswith("copyright.xhtml"))
    nav = next(text for name, text in files.items() if name.endswith("nav.xhtml"))
    assert "\u00ab\u202fTu viens\u202f?\u202f\u00bb" in chapter  # the normaliser: French quotes and spacing
    assert 'aria-label="Changement de scène"' in chapter and 'lang="fr"' in chapter  # render: its words, its tag
    assert "Tous droits réservés." in copyright_page and "<title>Droits d’auteur</title>" in copyright_page
    assert "Table des matières" in nav and "Repères" in nav  # the EPUB writer's navigation


def test_a_tag_finds_the_same_file_by_its_name_as_by_listing_the_folder() -> None:
    """A book's language is read from its own file (English imports en.py alone): the file the folder's list gives."""
    from ebookgen.languages import language_file, language_files

    listed = language_files()
    for key, language in listed.items():
        assert language_file(key) is language, key
    assert language_file("no") is listed["nb"] and language_file("en-us") is None and language_file("xx") is None
