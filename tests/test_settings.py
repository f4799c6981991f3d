"""The settings table is the one declaration of each option: the CLI, book.toml, the records and the docs agree."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from typer.main import get_command

from ebookgen.batch.sources import COLUMNS, Work
from ebookgen.build import PrintChoices
from ebookgen.cli.app import app
from ebookgen.project.init import book_toml
from ebookgen.project.manuscript import BOOK_KEYS, Overrides
from ebookgen.settings import EDITIONS, book_keys, command_settings, settings
from ebookgen.settings.docs import REFERENCE, REGENERATE, pages

# Options a single command declares for itself, meaning something no other command or book.toml does.
COMMAND_OWN = {
    "build": {"--output"},  # a folder for both books
    "check": {"--profile", "--trim", "--interior", "--paper"},  # a PDF's preflight, a cover's against its interior
    "sideload": {"--device", "--pdf"},  # the e-reader, and which edition goes onto it
    "watch": {"--port", "--pdf"},  # the preview's
    "kepub": {"--output"},  # an EPUB converted, not a book built
    # the run's, not a book's
    "batch": {"--output", "--formats", "--engine", "--address", "--jobs", "--force", "--time-limit", "--allow-outside"},
    "impose": {
        "--output",
        "--fold",
        "--sheet",
        "--duplex",
        "--signature",
        "--balanced",
        "--paper-thickness",
        "--marks",
        "--stations",
        "--flyleaves",
        "--perfect",
        "--group",
        "--skip",
        "--test-sheet",
    },  # the binder's, on any PDF
    "cover": {"--output", "--interior", "--profile", "--paper", "--template"},  # the wrap's, from its interior
}
COMMANDS = tuple(get_command(app).commands)


def command_flags(name: str) -> set[str]:
    """Return the long flags a command of the CLI takes."""
    command = get_command(app).commands[name]
    return {param.opts[0] for param in command.params if param.param_type_name == "option"}


@pytest.mark.parametrize("command", COMMANDS)
def test_each_book_command_takes_exactly_the_table_s_options(command: str) -> None:
    wanted = {spec.flag for spec in command_settings(command)}
    assert command_flags(command) - COMMAND_OWN.get(command, set()) == wanted


@pytest.mark.parametrize("command", COMMANDS)
def test_each_option_shows_the_table_s_help(command: str) -> None:
    shown = {param.opts[0]: param.help for param in get_command(app).commands[command].params}
    for spec in command_settings(command):
        assert shown[spec.flag] == spec.option_help, spec.name


def test_every_setting_is_somewhere_a_user_can_set_it_and_names_its_editions() -> None:
    for spec in settings():
        assert spec.key or spec.flags or spec.column, spec.name
        assert spec.editions in EDITIONS and spec.help.endswith("."), spec.name
        assert not spec.key or spec.types, spec.name
        assert not spec.flags or spec.commands, spec.name
    assert len({spec.name for spec in settings()}) == len(settings())


def test_book_toml_accepts_the_table_s_keys_and_init_comments_each() -> None:
    assert BOOK_KEYS == book_keys()
    text = book_toml("T", "A")
    for key in book_keys():
        assert f"{key} = " in text, key


def test_the_command_line_s_records_hold_table_settings() -> None:
    names = {spec.name for spec in settings()}
    assert {item.name for item in fields(Overrides)} <= names
    # PrintChoices keeps `cache`, the library's yes where the CLI's flag is --no-cache.
    assert {item.name for item in fields(PrintChoices)} - {"cache"} | {"no_cache"} <= names


def test_a_manifest_s_columns_are_the_table_s_and_each_fills_a_work_field() -> None:
    columns = {spec.column for spec in settings() if spec.column} | {spec.column_alias for spec in settings()}
    assert set(COLUMNS) == columns - {""} | {"source", "formats"} and COLUMNS["lang"] == "language"
    work_fields = {item.name for item in fields(Work)} - {
        "origin",
        "problem",
    }  # where it came from, why it cannot be built
    assert set(COLUMNS.values()) == work_fields


def test_the_source_argument_names_every_format_ebookgen_reads() -> None:
    from ebookgen.readers.table import SUFFIXES

    help_text = next(param.help for param in get_command(app).commands["epub"].params if param.name == "source")
    assert ".txt or .md manuscript" not in help_text
    for suffix in (".txt", ".md", ".docx", ".html", ".epub"):
        assert suffix in help_text and suffix in SUFFIXES


def test_the_help_names_every_theme_profile_and_named_trim() -> None:
    from ebookgen.pdf.printers import NAMED_TRIMS, PRINTERS
    from ebookgen.settings import setting
    from ebookgen.themes import theme_names

    for name in theme_names():  # the CLI does not list the themes' folders to start: its text must keep up
        assert name in setting("theme").help and name in setting("theme").option_help, name
    for name in PRINTERS:
        assert name in setting("profile").option_help, name
    for name in NAMED_TRIMS:
        assert name in setting("trim").option_help.lower(), name


def test_the_running_head_s_choices_are_the_writer_s() -> None:
    from ebookgen.pdf.options import RUNNING_HEADS
    from ebookgen.settings import setting

    assert setting("running_head").choices == RUNNING_HEADS


@pytest.mark.parametrize("name", sorted(pages()))
def test_the_reference_pages_are_what_the_table_writes(name: str) -> None:
    path = REFERENCE / name
    committed = path.read_text(encoding="utf-8") if path.is_file() else ""
    assert committed == pages()[name], f"{path} is stale: run `{REGENERATE}` and commit docs/reference/"


def test_the_reference_pages_cover_every_key_flag_and_exit_code(tmp_path: Path) -> None:
    from ebookgen.errors import EXIT_CODES
    from ebookgen.settings.docs import write_pages

    written = {path.name: path.read_text(encoding="utf-8") for path in write_pages(tmp_path)}
    for key in book_keys():
        assert f"| `{key}` |" in written["book-toml.md"], key
    for spec in (spec for spec in settings() if spec.flags):
        assert f"`{spec.flag}`" in written["options.md"], spec.flag
    for code in EXIT_CODES:
        assert f"| {code} |" in written["exit-codes.md"], code
