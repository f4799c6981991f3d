"""Issue 31 item 6: a book.toml edit or option no build can take is one line and exit 3, and never ends `watch`.

`encoding = "undefined"`, `--encoding punycode` (codecs of names, not of text files) and a value nested thousands
deep (tomllib reads it by recursion) were "unexpected error" exit 1 on the command line, and in `watch` the loop
died with them. `watch` keeps the last good book through any failed rebuild, an unexpected one included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ebookgen.watch import loop
from ebookgen.watch.loop import Watched, rebuild
from ebookgen.watch.state import Preview

from .conftest import run_cli

STORY = "Chapter 1\n\nThe lamp was lit. She waited by the door.\n"


def novel(tmp_path: Path, toml: str = 'title = "The Lamp"\n') -> Path:
    """A manuscript folder with one chapter and the given book.toml."""
    folder = tmp_path / "novel"
    folder.mkdir(exist_ok=True)
    (folder / "01.txt").write_text(STORY, encoding="utf-8")
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    return folder


BAD_TOML = {
    "undefined": 'title = "T"\nencoding = "undefined"\n',
    "punycode": 'title = "T"\nencoding = "punycode"\n',
    "unknown": 'title = "T"\nencoding = "no-such-codec"\n',
    "nested array": "title = " + "[" * 3000 + "]" * 3000 + "\n",
    "nested table": "title = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
}


@pytest.mark.parametrize("toml", BAD_TOML.values(), ids=BAD_TOML.keys())
def test_a_bad_book_toml_is_one_line_and_exit_3(tmp_path: Path, toml: str) -> None:
    result = run_cli("epub", str(novel(tmp_path, toml)), "-o", str(tmp_path / "book.epub"))
    assert result.returncode == 3, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "book.toml" in result.stderr
    assert "unexpected" not in result.stderr and not (tmp_path / "book.epub").exists()


@pytest.mark.parametrize("encoding", ["punycode", "undefined", "idna", "rot13", "base64", "no-such-codec"])
def test_an_encoding_that_reads_no_text_file_is_refused_on_the_command_line(tmp_path: Path, encoding: str) -> None:
    result = run_cli("epub", str(novel(tmp_path) / "01.txt"), "--encoding", encoding, "-o", str(tmp_path / "b.epub"))
    assert result.returncode == 3 and "unexpected" not in result.stderr, result.stderr
    assert f"{encoding!r}" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_text_encoding_is_still_taken(tmp_path: Path) -> None:
    result = run_cli("epub", str(novel(tmp_path)), "--encoding", "cp1252", "-o", str(tmp_path / "b.epub"))
    assert result.returncode == 0, result.stderr


def test_watch_survives_every_bad_edit_and_keeps_the_last_good_book(tmp_path: Path, monkeypatch) -> None:
    folder = novel(tmp_path)
    preview, said = Preview(), []
    rebuild(Watched(folder), preview, (), said.append)
    good = preview.shown.build
    assert good is not None and good.title == "The Lamp"
    for name, toml in BAD_TOML.items():
        (folder / "book.toml").write_text(toml, encoding="utf-8")
        rebuild(Watched(folder), preview, ("book.toml",), said.append)
        assert preview.shown.build is good and "book.toml" in preview.shown.error, name
    monkeypatch.setattr(loop, "build_once", lambda watched: [][1])  # a bug in a build: an IndexError
    rebuild(Watched(folder), preview, ("01.txt",), said.append)
    assert preview.shown.build is good and "IndexError" in preview.shown.error
    monkeypatch.undo()
    (folder / "book.toml").write_text('title = "The Lamp Again"\n', encoding="utf-8")
    rebuild(Watched(folder), preview, ("book.toml",), said.append)
    assert preview.shown.build.title == "The Lamp Again" and preview.shown.error == ""
