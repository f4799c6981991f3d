"""`ebookgen check` runs the build's own passes with a collector: what it reports is what the build did.

On every golden case (and a Word file), the chapters check normalised are the build's chapters, and its
findings are the ones the build's passes report when a collector listens.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ebookgen.check import check_document, check_source
from ebookgen.model import Metadata
from ebookgen.model.document import Document
from ebookgen.normalise.pipeline import build_book
from ebookgen.normalise.report import Finding
from ebookgen.readers.table import read_source

from .test_cases import CASES, options_of, read_cases
from .test_typed_text import word_file

GLYPHS = "no face has a glyph"
CASE_LIST = [(path.stem, case) for path in sorted(CASES.glob("*.txt")) for case in read_cases(path)[1]]


def built(source: Document, options) -> tuple[tuple, list[Finding]]:
    """Build a book of one document as the build does; return its chapters and what its passes reported."""
    findings: list[Finding] = []
    metadata = Metadata(title="Golden", language=options.language)
    book = build_book([source], metadata, options, findings=findings)
    return book.chapters, sorted(findings, key=lambda finding: finding.line)


@pytest.mark.parametrize(("name", "case"), CASE_LIST, ids=[f"{name}: {case.name}" for name, case in CASE_LIST])
def test_check_finds_what_the_build_did_on_each_golden_case(name: str, case) -> None:
    source = Document(Path(f"{name}.txt"), case.given + "\n", "utf-8")
    options = replace(options_of(case), title="Golden", authors=("Anonymous",))
    chapters, build_findings = built(source, options)
    found, work = check_document(source, options)
    assert tuple(replace(chapter, number=number) for number, chapter in enumerate(work.chapters, 1)) == chapters
    assert [finding for finding in found if not finding.message.startswith(GLYPHS)] == build_findings


def test_check_finds_what_the_build_did_on_a_word_file(tmp_path: Path) -> None:
    source = read_source(word_file(tmp_path / "ferry.docx"))
    options = replace(options_of(CASE_LIST[0][1]), title="Golden", authors=("Anonymous",))
    chapters, build_findings = built(source, options)
    found, work = check_document(source, options)
    assert tuple(replace(chapter, number=number) for number, chapter in enumerate(work.chapters, 1)) == chapters
    assert [finding for finding in found if not finding.message.startswith(GLYPHS)] == build_findings
    assert all(finding.severity != "error" for finding in check_source(source, options))
