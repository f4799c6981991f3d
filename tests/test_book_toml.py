"""book.toml's values checked once, when the project is loaded: every command refuses a bad one, naming its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.errors import ConfigError
from ebookgen.project.manuscript import load_project

from .conftest import epubcheck_later
from .epubtools import NS, Epub

runner = CliRunner()
CHAPTERS = "Chapter 1\n\nThe night was long.\n\nChapter 2\n\nShe left.\n"


def novel(folder: Path, toml: str) -> Path:
    """Write a manuscript folder with one text file and the given book.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    (folder / "01.txt").write_text(CHAPTERS, encoding="utf-8")
    return folder


def mistake(folder: Path) -> str:
    """Return the message loading the project fails with."""
    with pytest.raises(ConfigError) as caught:
        load_project(folder)
    return str(caught.value)


BAD_DATE = 'title = "Night"\nauthor = "Ann Lee"\ndate = "May 2024"\n'
COMMANDS = {
    "epub": ["epub", "{folder}", "-o", "{out}/night.epub"],
    "pdf": ["pdf", "{folder}", "-o", "{out}/night.pdf"],
    "build": ["build", "{folder}", "-o", "{out}"],
    "check": ["check", "{folder}"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_bad_date_with_its_key_and_line(tmp_path: Path, command: str) -> None:
    folder = novel(tmp_path / "novel", BAD_DATE)
    out = tmp_path / "out"
    args = [arg.format(folder=folder, out=out) for arg in COMMANDS[command]]
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    assert result.stderr.strip() == (
        f"ebookgen: error: {folder / 'book.toml'}:3: date 'May 2024' is not a date such as 2024, 2024-05 or 2024-05-17"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    "value", ['"May 2024"', '"2024-13"', '"2024-02-30"', '"24-05-17"', '"2024-05-17T25:00Z"', '"2024/05/17"', '""']
)
def test_a_date_that_is_not_a_w3c_date_is_refused_at_load(tmp_path: Path, value: str) -> None:
    folder = novel(tmp_path / "novel", f'title = "Night"\n\ndate = {value}\n')
    message = mistake(folder)
    assert message.startswith(f"{folder / 'book.toml'}:3: date ") and "is not a date such as 2024" in message


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('"2024"', "2024"),
        ('"2024-05"', "2024-05"),
        ('"2024-05-17"', "2024-05-17"),
        ("2024-05-17", "2024-05-17"),
        ("2024-05-17T10:30:00Z", "2024-05-17T10:30:00+00:00"),
        ("2024-05-17T10:30:00.5+02:00", "2024-05-17T10:30:00+02:00"),
    ],
)
def test_a_good_date_is_kept_as_a_w3c_date(tmp_path: Path, value: str, written: str) -> None:
    folder = novel(tmp_path / "novel", f"date = {value}\n")
    assert load_project(folder).metadata.date == written


def test_a_toml_date_time_reaches_the_epub_and_the_pdf(tmp_path: Path) -> None:
    folder = novel(tmp_path / "novel", 'title = "Night"\ndate = 2023-11-02T08:00:00Z\n')
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "night.epub")])
    assert result.exit_code == 0, result.output
    epubcheck_later(tmp_path / "night.epub")
    opf = Epub(tmp_path / "night.epub").opf
    assert opf.findtext(".//dc:date", namespaces=NS) == "2023-11-02T08:00:00+00:00"
    result = runner.invoke(app, ["pdf", str(folder), "-o", str(tmp_path / "night.pdf")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "night.pdf").stat().st_size > 1000


@pytest.mark.parametrize("value", ['"two"', "-1", '"1e3"', '"2."', "1e20"])
def test_a_series_index_that_is_not_a_number_is_refused_at_load(tmp_path: Path, value: str) -> None:
    folder = novel(tmp_path / "novel", f'series = "Nights"\nseries_index = {value}\n')
    message = mistake(folder)
    assert message.startswith(f"{folder / 'book.toml'}:2: series_index ") and message.endswith("is not a number")


@pytest.mark.parametrize(("value", "written"), [("2", "2"), ("2.5", "2.5"), ('"3"', "3")])
def test_a_numeric_series_index_is_kept(tmp_path: Path, value: str, written: str) -> None:
    folder = novel(tmp_path / "novel", f'series = "Nights"\nseries_index = {value}\n')
    assert load_project(folder).metadata.series_index == written


@pytest.mark.parametrize("value", ['""', '"   "'])
def test_an_empty_language_is_refused_at_load(tmp_path: Path, value: str) -> None:
    folder = novel(tmp_path / "novel", f'title = "Night"\nlanguage = {value}\n')
    assert mistake(folder) == (
        f"{folder / 'book.toml'}:2: language {value.strip(chr(34))!r} is not a language tag such as en or en-GB"
    )


@pytest.mark.parametrize(
    ("toml", "key"),
    [('series = "S"\nseries_index = "two"\n', "series_index"), ('language = ""\n', "language")],
)
def test_pdf_refuses_what_only_the_epub_refused_before(tmp_path: Path, toml: str, key: str) -> None:
    folder = novel(tmp_path / "novel", toml)
    result = runner.invoke(app, ["pdf", str(folder), "-o", str(tmp_path / "night.pdf")])
    assert result.exit_code == 3, result.output
    line = toml.count("\n", 0, toml.index(key)) + 1
    assert result.stderr.startswith(f"ebookgen: error: {folder / 'book.toml'}:{line}: {key} ")
    assert not (tmp_path / "night.pdf").exists()


def test_the_dates_init_writes_are_good(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "new")])
    assert result.exit_code == 0, result.output
    assert load_project(tmp_path / "new").metadata.date == dt.date.today().isoformat()
