"""The README's newcomer tour runs as written: init a German story, write it, then pdf, epub and kepub.

The commands are read from the README itself (`watch` left to tests/test_watch.py, `make book` to the Makefile's
dry reading in test_newcomer_make.py), so the tour cannot drift from what ebookgen does.
"""

from __future__ import annotations

import re
import shlex
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
STORY = 'Kapitel 1\n\n"Kommst du mit?", fragte sie. Er zuckte mit den Schultern -- vielleicht...\n\n* * *\n\nStill.\n'


def tour() -> list[str]:
    """Return the lines of the README's tour block."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## A tour", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1).splitlines()


def test_the_readme_tour_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    lines = tour()
    assert lines[0].startswith("git clone") and lines[1].startswith("make book")
    ran, named = [], []
    for line in lines:
        command, _, comment = line.partition("  #")
        words = shlex.split(command)
        named += re.findall(r"(\S+/dist/\S+\.(?:pdf|epub))", comment)
        if words[:1] == ["$EDITOR"]:
            Path(words[1]).write_text(STORY, encoding="utf-8")  # what the newcomer types
        if words[:1] != ["ebookgen"] or words[1] == "watch":
            continue
        result = runner.invoke(app, words[1:])
        assert result.exit_code == 0, (line, result.output)
        ran.append(words[1])
    assert ran == ["init", "pdf", "epub", "kepub"]
    assert named and all(Path(path).is_file() for path in named), named
    kepub = next(Path("regen/dist").glob("*.kepub.epub"))
    with zipfile.ZipFile(kepub) as archive:
        chapter = next(name for name in archive.namelist() if "chapter-001" in name)
        text = archive.read(chapter).decode()
    assert "„Kommst du mit?“" in text and "koboSpan" in text
