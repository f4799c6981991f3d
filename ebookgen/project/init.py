"""Start a manuscript project that builds at once: ``ebookgen init DIR``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ebookgen.errors import OutputError
from ebookgen.output import atomic_path
from ebookgen.project.bookmeta import title_from_filename
from ebookgen.project.manuscript import BOOK_KEYS
from ebookgen.project.values import check_language_option
from ebookgen.settings import Setting

FIRST_CHAPTER = """\
Chapter 1

Write your story here. Leave a blank line between paragraphs.

Mark *emphasis* with asterisks; straight "quotes" and -- dashes are set properly for you.

* * *

A line of three spaced asterisks, like the one above, is a scene break. A line such as
"Chapter 2" starts the next chapter, here or in a file of its own (02-next.txt).
"""
GITIGNORE = "# Books built by ebookgen\ndist/\n"


def create_project(
    folder: Path, title: str | None = None, author: str | None = None, language: str | None = None
) -> list[Path]:
    """Write book.toml, a first chapter and a .gitignore into folder; return the files written."""
    if language:
        check_language_option(language)  # refused before anything is written
    if (folder / "book.toml").exists():
        raise OutputError(f"{folder / 'book.toml'}: a project is already here; edit it, or choose another folder")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; give a folder for the new project")
    title = title or title_from_filename(folder.resolve())
    files = {
        folder / "book.toml": book_toml(title, author or "Your Name", language),
        folder / "01-chapter-one.txt": FIRST_CHAPTER,
        folder / ".gitignore": GITIGNORE,
    }
    written = []
    for path, content in files.items():
        if path.exists():
            continue
        with atomic_path(path) as temporary:
            temporary.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def book_toml(title: str, author: str, language: str | None = None) -> str:
    """Return a book.toml with title, author and date set (the language too, when given), every other key commented."""
    lines = [
        "# ebookgen project file. Uncomment a key to use it; see docs/reference/book-toml.md.",
        "",
        f"title = {toml_string(title)}",
        f'author = {toml_string(author)}  # or several: ["Ann Lee", "Bo Park"]',
        f"date = {dt.date.today().isoformat()}",
    ]
    if language:
        lines.append(f"language = {toml_string(language)}")
    for key, spec in BOOK_KEYS.items():
        if key in ("title", "author", "date") or (key == "language" and language):
            continue
        note = " ".join(part for part in (spec.help, choices_note(spec.choices)) if part)
        lines.append(f"# {key} = {example_value(spec)}" + (f"  # {note}" if note else ""))
    return "\n".join(lines) + "\n"


def example_value(spec: Setting) -> str:
    """Return the example shown for a commented key: the table's example, the default choice, or an empty string."""
    if spec.example:
        return spec.example
    return toml_string(spec.choices[0]) if spec.choices else '""'


def choices_note(choices: tuple[str, ...]) -> str:
    """Say which values a key takes."""
    return f"One of: {', '.join(choices)}." if choices else ""


def toml_string(value: str) -> str:
    """Quote a value as a TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(char if char >= " " or char == "\t" else f"\\u{ord(char):04x}" for char in escaped)
    return f'"{escaped}"'
