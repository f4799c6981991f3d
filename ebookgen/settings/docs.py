"""Write the reference pages in docs/reference/ from the settings table, the command line and the exit codes.

Run ``python -m ebookgen.settings.docs`` after changing a setting, a command's options or an exit code;
``tests/test_settings.py`` fails while a committed page differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ebookgen.settings import Setting, book_keys, settings

REFERENCE = Path(__file__).resolve().parent.parent.parent / "docs" / "reference"
REGENERATE = "python -m ebookgen.settings.docs"
GENERATED = f"<!-- Written by `{REGENERATE}` from ebookgen/settings/table.py: edit the table, not this page. -->"
EDITION_NAMES = {"epub": "EPUB", "pdf": "PDF", "both": "EPUB and PDF", "none": "neither (how it is read or built)"}


def cell(text: str) -> str:
    """Escape a table cell's pipes, angle brackets and line breaks."""
    return " ".join(text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").split())


def code(text: str) -> str:
    """Mark a name as code, or leave an empty cell empty."""
    return f"`{text}`" if text else ""


def type_name(spec: Setting) -> str:
    """Name the TOML types a key accepts, as a reader of the page would."""
    names = {str: "string", int: "integer", float: "number", dict: "table"}
    shown = [kind if isinstance(kind, str) else names.get(kind, "date") for kind in spec.types]
    return " or ".join(dict.fromkeys(shown))


def book_toml_page() -> str:
    """Return docs/reference/book-toml.md: every book.toml key, its type, default, editions and meaning."""
    lines = [
        GENERATED,
        "",
        "# book.toml keys",
        "",
        "A manuscript folder's `book.toml` may hold these keys; any other key stops the build, naming its line.",
        "`ebookgen init` writes them all, commented. A key that also has a command-line flag or a batch manifest",
        "column can be set there too: the flag wins over the manifest's column, which wins over book.toml.",
        "",
        "| key | type | default | editions | flag | column | meaning |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, spec in book_keys().items():
        choices = f" One of: {', '.join(spec.choices)}." if spec.choices else ""
        parts = (code(key), type_name(spec), code(spec.default), EDITION_NAMES[spec.editions], code(spec.flag))
        parts += (code(spec.column), spec.help + choices)
        lines.append("| " + " | ".join(cell(part) for part in parts) + " |")
    return "\n".join(lines) + "\n"


def options_page() -> str:
    """Return docs/reference/options.md: every command's options, as `ebookgen COMMAND --help` shows them."""
    from typer.main import get_command

    from ebookgen.cli.app import app

    group = get_command(app)
    lines = [GENERATED, "", "# Command-line options", "", "Global options come before the command:", ""]
    lines += option_rows(group.params)
    for name, command in group.commands.items():
        lines += ["", f"## ebookgen {name}", "", cell(command.help or ""), ""]
        lines += argument_lines(command.params) + option_rows(command.params)
    return "\n".join([*lines, *manifest_lines()]) + "\n"


def manifest_lines() -> list[str]:
    """Describe a batch manifest's columns: the source, the formats, and the settings a work may set."""
    lines = [
        "",
        "### A batch manifest's columns",
        "",
        "A `.csv` manifest names these columns on its first line; a `.jsonl` one uses them as keys. Only `source`",
        "is required; a column left empty keeps the work's book.toml (or the default).",
        "",
        "| column | meaning |",
        "|---|---|",
        "| `source` | The work's manuscript file or folder, relative to the manifest's folder. |",
        "| `formats` | The formats to build, such as `epub,pdf` (default: the batch's `--formats`). |",
    ]
    for spec in (spec for spec in settings() if spec.column):
        alias = f" (or `{spec.column_alias}`)" if spec.column_alias else ""
        lines.append(f"| `{spec.column}`{alias} | {cell(spec.help)} |")
    return lines


def argument_lines(params: list) -> list[str]:
    """Describe a command's arguments, one line each."""
    found = [param for param in params if param.param_type_name == "argument"]
    lines = [f"- `{(param.metavar or param.name).upper()}`: {cell(param.help or '')}" for param in found]
    return [*lines, ""] if found else []


def option_rows(params: list) -> list[str]:
    """Return a Markdown table of the options, with the settings table's editions where a row has them."""
    rows = ["| option | editions | meaning |", "|---|---|---|"]
    editions = {spec.flag: EDITION_NAMES[spec.editions] for spec in settings() if spec.flags}
    for param in (param for param in params if param.param_type_name == "option" and not param.hidden):
        flags = ", ".join(f"`{flag}`" for flag in (*param.opts, *param.secondary_opts))
        rows.append(f"| {flags} | {editions.get(param.opts[0], '')} | {cell(param.help or '')} |")
    return rows


def exit_codes_page() -> str:
    """Return docs/reference/exit-codes.md: every exit code the command line uses and the error behind it."""
    from ebookgen.errors import EXIT_CAUSES, EXIT_CODES, EbookgenError

    kinds = {kind.exit_code: kind for kind in (EbookgenError, *EbookgenError.__subclasses__())}
    lines = [
        f"<!-- Written by `{REGENERATE}` from ebookgen/errors.py: edit EXIT_CODES and EXIT_CAUSES there. -->",
        "",
        "# Exit codes",
        "",
        "Errors are one line on standard error, naming the file and what to do (`--verbose` adds the traceback).",
        "Every book is written under a temporary name beside its target and renamed into place only when complete,",
        "so a build that fails or is stopped leaves no half-written file and never replaces an existing book.",
        "",
        "| code | meaning | for example | raised as |",
        "|---|---|---|---|",
    ]
    for code, meaning in EXIT_CODES.items():
        raised = f"`{kinds[code].__name__}`" if code in kinds and code > 1 else ""
        lines.append(f"| {code} | {cell(meaning)} | {cell(EXIT_CAUSES.get(code, ''))} | {raised} |")
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """Return each reference page's file name and text."""
    return {"book-toml.md": book_toml_page(), "options.md": options_page(), "exit-codes.md": exit_codes_page()}


def write_pages(folder: Path = REFERENCE) -> list[Path]:
    """Write the reference pages into folder; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for path in write_pages(Path(sys.argv[1]) if len(sys.argv) > 1 else REFERENCE):
        print(f"wrote {path}")
