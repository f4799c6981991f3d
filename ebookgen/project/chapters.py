"""A manuscript folder's text files in reading order: book.toml's `chapters` list, or every text file by name.

Numbers in names sort as numbers (`2-x.txt` before `10-x.txt`); hidden files, a README or licence, and the back
matter book.toml names are not chapters.
"""

from __future__ import annotations

import re
from pathlib import Path

from ebookgen.errors import ConfigError, InputError
from ebookgen.project.matter import matter_files
from ebookgen.project.paths import check_folder_entry, check_text_file
from ebookgen.readers.table import READERS, find_reader, not_read


def natural_key(path: Path) -> tuple:
    """Sort file names with their numbers as numbers: `2-x.txt` before `10-x.txt`."""
    return tuple(int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name))


def chapter_units(folder: Path, config: dict) -> tuple[tuple[Path, ...], ...]:
    """Return the folder's text files: the `chapters` list, or every text file in name order."""
    if "chapters" in config:
        units = tuple(listed_unit(folder, entry) for entry in config["chapters"])
        unread = next((path for unit in units for path in unit if find_reader(path) is None), None)
        if unread is not None:
            where = f"{folder / 'book.toml'}: chapter file {unread}"
            raise ConfigError(f"{where}: {not_read(unread)}; fix the 'chapters' list")
        return units
    back = matter_files(config)  # an afterword.md beside book.toml is back matter, not a chapter
    files = sorted(
        (path for path in folder.iterdir() if is_manuscript_file(path) and path.name not in back), key=natural_key
    )
    for path in files:  # A FIFO, a device, a folder named story.txt or a link out of the folder is refused.
        check_folder_entry(folder, path)
        check_text_file(path)
    if not files:
        read = ", ".join(suffix for reader in READERS if reader.in_folders for suffix in reader.suffixes)
        raise InputError(f"{folder}: no manuscript files ({read}) in this folder; add one, or run `ebookgen init`")
    return tuple((path,) for path in files)


def listed_unit(folder: Path, entry: str | list[str]) -> tuple[Path, ...]:
    """Resolve one `chapters` entry: a file, or a list of files that one chapter spans."""
    names = [entry] if isinstance(entry, str) else entry
    return tuple(folder / name for name in names)


def is_manuscript_file(path: Path) -> bool:
    """Tell a manuscript text file from the folder's other files (hidden files, README, book.toml)."""
    name = path.name
    if name.startswith((".", "~")) or name.lower().startswith(("readme", "license", "licence")):
        return False
    reader = find_reader(path)
    return reader is not None and reader.in_folders
