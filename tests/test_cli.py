"""The command line, through typer's CliRunner."""

from __future__ import annotations

import zipfile
from pathlib import Path

from typer.testing import CliRunner

from ebookgen.cli.app import app

from .conftest import MANUSCRIPT, epubcheck_later

runner = CliRunner()


def test_epub_from_a_single_txt_takes_its_title_from_the_file_name(tmp_path: Path) -> None:
    source = tmp_path / "the_long_night.txt"
    source.write_text('Chapter 1\n\n"Hello," she said.\n\nChapter 2\n\nHe left.\n', encoding="utf-8")
    result = runner.invoke(app, ["epub", str(source), "-o", str(tmp_path / "out.epub")])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "out.epub") as archive:
        opf = archive.read("EPUB/content.opf").decode()
        names = archive.namelist()
    assert "<dc:title>The Long Night</dc:title>" in opf
    assert "EPUB/text/chapter-002.xhtml" in names
    epubcheck_later(tmp_path / "out.epub")


def test_epub_options_override_metadata(tmp_path: Path) -> None:
    target = tmp_path / "book.epub"
    args = [
        "epub",
        str(MANUSCRIPT),
        "-o",
        str(target),
        "--title",
        "A & B <3",
        "--author",
        "Jane Roe",
        "--lang",
        "en-GB",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        opf = archive.read("EPUB/content.opf").decode()
    assert "A &amp; B &lt;3" in opf and "Jane Roe" in opf and ">en-GB<" in opf
    epubcheck_later(target)


def test_default_output_goes_to_dist(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "story.txt"  # dist/ beside a single file: here the current folder too
    source.write_text((MANUSCRIPT / "story.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["epub", "story.txt"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dist" / "story.epub").is_file()


def test_pdf_command(tmp_path: Path) -> None:
    target = tmp_path / "book.pdf"
    result = runner.invoke(app, ["pdf", str(MANUSCRIPT), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF")
    assert "pages" in result.output


def test_missing_source_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["epub", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.epub")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.epub").exists()


def test_help_on_every_command() -> None:
    for command in ("epub", "pdf"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        for option in ("--output", "--title", "--author", "--lang"):
            assert option in result.output


def test_scene_break_and_author_note_policies_from_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("A/N: Thanks for reading!\n\nShe left.\n\n\n\nHe stayed.\n", encoding="utf-8")
    plain, policies = tmp_path / "plain.epub", tmp_path / "policies.epub"
    assert runner.invoke(app, ["epub", str(source), "-o", str(plain)]).exit_code == 0
    args = ["epub", str(source), "-o", str(policies), "--scene-breaks", "blank-lines", "--author-notes", "drop"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(plain) as archive:
        kept = archive.read("EPUB/text/chapter-001.xhtml").decode()
    with zipfile.ZipFile(policies) as archive:
        changed = archive.read("EPUB/text/chapter-001.xhtml").decode()
    assert "Thanks for reading" in kept and "<hr" not in kept
    assert "Thanks for reading" not in changed and changed.count("<hr") == 1
    epubcheck_later(policies)


def test_unknown_scene_break_policy_is_one_line_exit_3(tmp_path: Path) -> None:
    result = runner.invoke(app, ["epub", str(MANUSCRIPT), "-o", str(tmp_path / "x.epub"), "--scene-breaks", "stars"])
    assert result.exit_code == 3
    assert "--scene-breaks" in result.output and not (tmp_path / "x.epub").exists()
