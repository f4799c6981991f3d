"""Golden case files, one per rule: raw manuscript text and the XHTML it must become, side by side.

Each file in tests/golden/cases holds many cases, Black-style::

    @@ case: a short name [blank_runs=break]
    raw manuscript lines
    @@ output
    expected XHTML lines

Options in brackets are ``NormaliseOptions`` fields. Lines before the first case are comments.
Rewrite the outputs on purpose with ``pytest tests/test_cases.py --update-goldens`` and read the diff.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from ebookgen.model import Book, Metadata
from ebookgen.normalise.pipeline import NormaliseOptions
from ebookgen.render.blocks import note_asides
from ebookgen.render.inlines import Setting
from ebookgen.render.words import ENGLISH
from ebookgen.render.xhtml import render_block, text

from .rawtext import normalise_manuscript

CASES = Path(__file__).parent / "golden" / "cases"
CASE_LINE = re.compile(r"^@@ case: (?P<name>.*?)(?: \[(?P<options>[^\]]*)\])?$")


@dataclass
class Case:
    """One case of a case file."""

    name: str
    options: str
    given: str
    expected: str


def read_cases(path: Path) -> tuple[str, list[Case]]:
    """Split a case file into its comment head and its cases."""
    head: list[str] = []
    cases: list[Case] = []
    target = head
    for line in path.read_text(encoding="utf-8").split("\n"):
        match = CASE_LINE.match(line)
        if match:
            cases.append(Case(match.group("name"), match.group("options") or "", "", ""))
            given: list[str] = []
            expected: list[str] = []
            target = given
            cases[-1].given_lines, cases[-1].expected_lines = given, expected
        elif line == "@@ output" and cases:
            target = cases[-1].expected_lines
        else:
            target.append(line)
    for case in cases:
        case.given = "\n".join(case.given_lines).strip("\n")
        case.expected = "\n".join(case.expected_lines).strip("\n")
    return "\n".join(head).strip("\n"), cases


def write_cases(path: Path, head: str, cases: list[Case]) -> None:
    """Write a case file back with the given outputs."""
    parts = [head + "\n"] if head else []
    for case in cases:
        options = f" [{case.options}]" if case.options else ""
        parts.append(f"@@ case: {case.name}{options}\n{case.given}\n@@ output\n{case.expected}\n")
    path.write_text("\n".join(parts), encoding="utf-8")


def options_of(case: Case) -> NormaliseOptions:
    """Read a case's options."""
    values = dict(pair.split("=", 1) for pair in case.options.split() if "=" in pair)
    return NormaliseOptions(**values)


def normalised(given: str, options: NormaliseOptions) -> str:
    """Render a manuscript compactly: headings, then each block on its own lines."""
    manuscript = normalise_manuscript(given + "\n", options)
    book = Book(Metadata(title="Golden"), tuple(manuscript.chapters))
    lines: list[str] = []
    found = [f"{name}={value!r}" for name, value in vars(manuscript.found).items() if value]
    if found:
        lines.append("<!-- metadata: " + ", ".join(found) + " -->")
    several = len(book.chapters) > 1
    for chapter in book.chapters:
        if chapter.part:
            lines.append(f'<h1 class="part">{text(chapter.part)}</h1>')
        if chapter.title or several:
            lines.append(f"<h2>{text(chapter.title)}</h2>")
        # A chapter's notes: its calls link to them, and they follow its text as the e-book's asides.
        setting = Setting(chapter.number, {note.number: note for note in chapter.notes})
        lines.extend(render_block(block, None, ENGLISH, setting) for block in chapter.blocks)
        if chapter.notes:
            lines.append(note_asides(setting))
    return "\n".join(lines)


def all_cases() -> list[tuple[str, int]]:
    """List every case as (file name, index)."""
    found = []
    for path in sorted(CASES.glob("*.txt")):
        found.extend((path.name, index) for index in range(len(read_cases(path)[1])))
    return found


@pytest.mark.parametrize(("file", "index"), all_cases())
def test_case(file: str, index: int, update_goldens: bool) -> None:
    path = CASES / file
    head, cases = read_cases(path)
    case = cases[index]
    actual = normalised(case.given, options_of(case))
    if update_goldens:
        if actual != case.expected:
            # Re-read: other cases of this file may have been rewritten meanwhile.
            head, cases = read_cases(path)
            cases[index].expected = actual
            write_cases(path, head, cases)
        return
    if actual != case.expected:
        diff = difflib.unified_diff(case.expected.splitlines(), actual.splitlines(), "expected", "actual", lineterm="")
        pytest.fail(f"{file} case {case.name!r}:\n" + "\n".join(diff), pytrace=False)
