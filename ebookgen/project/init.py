"""Start a manuscript project that builds at once: ``ebookgen init DIR``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ebookgen.errors import OutputError
from ebookgen.output import atomic_path
from ebookgen.project.manuscript import BOOK_KEYS, title_from_filename

FIRST_CHAPTER = """\
Chapter 1

Write your story here. Leave a blank line between paragraphs.

Mark *emphasis* with asterisks; straight "quotes" and -- dashes are set properly for you.

* * *

A line of three spaced asterisks, like the one above, is a scene break. A line such as
"Chapter 2" starts the next chapter, here or in a file of its own (02-next.txt).
"""
GITIGNORE = "# Books built by ebookgen\ndist/\n"
# Example values shown, commented out, for the keys init does not fill in.
EXAMPLES: dict[str, str] = {
    "subtitle": '"A Novel"',
    "language": '"en"',
    "isbn": '"978-3-16-148410-0"',
    "identifier": '"urn:uuid:..."',
    "description": '"The blurb readers see in their library."',
    "subjects": '["Fiction", "Literary"]',
    "series": '"The Long Roads"',
    "series_index": "1",
    "publisher": '"Small Press"',
    "rights": '"© 2025 Your Name. All rights reserved."',
    "contributors": '[{name = "Bo Park", role = "translator"}]',
    "cover": '"cover.jpg"',
    "dedication": '"For my mother."',
    "epigraph": '"All happy families are alike."',
    "epigraph_source": '"Leo Tolstoy"',
    "chapters": '["01-chapter-one.txt", ["02-part-a.txt", "02-part-b.txt"]]',
    "encoding": '"cp1252"',
    "trim": '"5.5x8.5"',
    "profile": '"kdp"',
    "afterword": '"I began this book the winter my daughter was born."',
    "acknowledgements": '"My thanks to my first readers."',
    "about_the_author": '"Ann Lee lives by the sea in Cornwall."',
    "also_by": '["The First Book", "The Second Book"]',
    "newsletter": '{ url = "https://example.com/newsletter", line = "Join my newsletter for a free story." }',
    "theme": '"classic"',
    "font_size": "11",
}


def create_project(folder: Path, title: str | None = None, author: str | None = None) -> list[Path]:
    """Write book.toml, a first chapter and a .gitignore into folder; return the files written."""
    if (folder / "book.toml").exists():
        raise OutputError(f"{folder / 'book.toml'}: a project is already here; edit it, or choose another folder")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; give a folder for the new project")
    files = {
        folder / "book.toml": book_toml(title or title_from_filename(folder.resolve()), author or "Your Name"),
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


def book_toml(title: str, author: str) -> str:
    """Return a book.toml with title, author and date set and every other key commented."""
    lines = [
        "# ebookgen project file. Uncomment a key to use it; see the book.toml reference in the README.",
        "",
        f"title = {toml_string(title)}",
        f'author = {toml_string(author)}  # or several: ["Ann Lee", "Bo Park"]',
        f"date = {dt.date.today().isoformat()}",
    ]
    for key, spec in BOOK_KEYS.items():
        if key in ("title", "author", "date"):
            continue
        note = " ".join(part for part in (spec.help, choices_note(spec.choices)) if part)
        lines.append(f"# {key} = {example_value(key, spec.choices)}" + (f"  # {note}" if note else ""))
    return "\n".join(lines) + "\n"


def example_value(key: str, choices: tuple[str, ...]) -> str:
    """Return the example shown for a commented key: an example, the default choice, or an empty string."""
    if key in EXAMPLES:
        return EXAMPLES[key]
    return toml_string(choices[0]) if choices else '""'


def choices_note(choices: tuple[str, ...]) -> str:
    """Say which values a key takes."""
    return f"One of: {', '.join(choices)}." if choices else ""


def toml_string(value: str) -> str:
    """Quote a value as a TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(char if char >= " " or char == "\t" else f"\\u{ord(char):04x}" for char in escaped)
    return f'"{escaped}"'
