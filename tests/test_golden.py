"""Golden files: raw text in, expected chapter XHTML out, kept readable and reviewed by eye.

Each folder in tests/golden holds ``input.txt`` and ``expected.xhtml``. Rewrite them on purpose
with ``pytest tests/test_golden.py --update-goldens`` and read the diff before committing.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from ebookgen.model import Book, Metadata
from ebookgen.readers.table import read_text
from ebookgen.render.xhtml import render_book

from .rawtext import normalise_text

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(path.name for path in GOLDEN.iterdir() if (path / "input.txt").is_file())


def rendered(case: Path) -> str:
    chapters = normalise_text(read_text(case / "input.txt"))
    book = Book(Metadata(title="Golden"), tuple(chapters))
    return "\n\n".join(chapter.section for chapter in render_book(book)) + "\n"


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, update_goldens: bool) -> None:
    case = GOLDEN / name
    actual = rendered(case)
    expected_path = case / "expected.xhtml"
    if update_goldens:
        expected_path.write_text(actual, encoding="utf-8")
        return
    assert expected_path.exists(), f"{expected_path} is missing: run pytest --update-goldens and review it"
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "expected.xhtml", "actual", lineterm="", n=2
        )
        pytest.fail("\n".join(diff), pytrace=False)
