"""The records' generated methods, compiled once and kept (issue 30): the same classes, the same books, faster."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ebookgen.cli.keptcode import KeptCode, read_table

ROOT = Path(__file__).resolve().parent.parent


def record_class():
    """Define a frozen record with a default, a factory and a field left out of comparison."""

    @dataclasses.dataclass(frozen=True)
    class Chapter:
        title: str
        number: int = 1
        notes: tuple = dataclasses.field(default_factory=tuple)
        kept: bool = dataclasses.field(default=False, compare=False)

    return Chapter


def behaviour(cls) -> tuple:
    """Return what a user of the record relies on: construction, equality, hashing, repr, frozenness."""
    one, two = cls("Rain"), cls("Rain", 1, (), True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.title = "Snow"
    return (one == two, hash(one) == hash(two), repr(two), one.notes, cls("Sun", 2) == one)


def test_a_record_built_from_kept_code_behaves_as_one_compiled_afresh(tmp_path: Path, monkeypatch) -> None:
    plain = behaviour(record_class())
    table = tmp_path / "records.marshal"
    first = KeptCode(table)
    monkeypatch.setattr(dataclasses, "exec", first.exec, raising=False)
    assert behaviour(record_class()) == plain and first.added
    first.save()
    again = KeptCode(table)
    assert again.codes.keys() == first.codes.keys()
    monkeypatch.setattr(dataclasses, "exec", again.exec, raising=False)
    assert behaviour(record_class()) == plain
    assert not again.added, "every generated text was found in the kept table"


def test_an_unreadable_table_is_read_as_empty(tmp_path: Path) -> None:
    table = tmp_path / "records.marshal"
    table.write_bytes(b"not a table")
    assert read_table(table) == {} and read_table(tmp_path / "missing") == {}
    kept = KeptCode(table)
    namespace: dict = {}
    kept.exec("def answer():\n return 42", namespace, namespace)
    assert namespace["answer"]() == 42


def test_the_command_keeps_the_table_and_builds_the_same_book(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Once upon a time there was a fox who lived by the river.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    books = []
    for name in ("first.epub", "again.epub"):
        command = [sys.executable, "-m", "ebookgen", "epub", str(story), "-o", str(tmp_path / name), "--lang", "en"]
        subprocess.run([*command, "-q"], env=env, check=True, timeout=300)
        books.append((tmp_path / name).read_bytes())
    tables = list((tmp_path / "cache" / "ebookgen" / "code").glob("records-*.marshal"))
    assert len(tables) == 1 and len(read_table(tables[0])) > 100
    assert books[0] == books[1]
