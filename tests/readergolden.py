"""Golden raw text for the readers: what a reader made of a file, in a form read by eye.

Each tests/golden/readers/NAME.txt holds the reader's name, the metadata it found, what it could not
map and the raw text itself. Rewrite them with ``pytest --update-goldens`` and review the diff.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import fields
from pathlib import Path

import pytest

from ebookgen.readers.source import SourceText

GOLDEN = Path(__file__).parent / "golden" / "readers"
# Marks of the raw text and of markup that must never reach a reader's page.
PRINTED_MARKUP = re.compile(r"&lt;|<(?:div|span|p) class=\"(?:userstuff|meta)|:::|\[\^|\\$|\*\*|!\[|\f|^#", re.M)
TAG = re.compile(r"<[^>]+>")


def described(source: SourceText) -> str:
    """Write what a reader made of a file: reader, metadata, what it could not map, the raw text."""
    found = source.metadata
    lines = [f"reader: {source.reader}"]
    for item in fields(found):
        value = getattr(found, item.name)
        if value not in ("", (), False):
            lines.append(f"{item.name}: {' | '.join(value) if isinstance(value, tuple) else value}")
    lines += [f"resource: {resource.name} ({resource.media_type})" for resource in source.resources]
    lines += [f"unmapped: {note}" for note in source.unmapped]
    text = source.text.replace("\f", "<form feed>")
    return "\n".join(lines) + "\n\n--- raw text ---\n" + text


def assert_golden(name: str, source: SourceText, update: bool) -> None:
    """Compare a reader's result with its golden file (or rewrite the file when asked)."""
    path = GOLDEN / f"{name}.txt"
    actual = described(source)
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run pytest --update-goldens and review it"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), str(path), "actual", lineterm="")
        pytest.fail("\n".join(diff), pytrace=False)


def book_text(epub: Path) -> str:
    """Return the text of an EPUB's chapter pages, tags removed, for word-by-word comparison."""
    with zipfile.ZipFile(epub) as archive:
        pages = [name for name in archive.namelist() if name.startswith("EPUB/text/") and "chapter" in name]
        return "\n".join(archive.read(name).decode() for name in sorted(pages))


def words(text: str) -> list[str]:
    """Split text into its words, punctuation left aside."""
    return re.findall(r"[^\W_]+(?:[’'][^\W_]+)*", text)


def assert_every_word_reaches(epub: Path, story: str) -> None:
    """Assert that every word of a story's text is in the book, in order, and no markup is printed."""
    pages = book_text(epub)
    body = re.sub(r"<head>.*?</head>", "", pages, flags=re.S)
    shown = TAG.sub(" ", body)
    assert not PRINTED_MARKUP.search(shown.replace("\n#", "\n")), PRINTED_MARKUP.search(shown).group()
    found, wanted = words(shown), words(TAG.sub(" ", story))
    position = 0
    for word in wanted:
        assert word in found[position:], f"{word!r} is not in the book after word {position}"
        position = found.index(word, position) + 1
