"""Find what to build: a single ``.txt`` file or a manuscript folder with a ``book.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError, InputError
from .model import Metadata
from .normalise import NormaliseOptions

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")

# Every key book.toml may hold, and the type its value must have.
BOOK_KEYS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "subtitle": str,
    "author": (str, list),
    "language": str,
    "description": str,
    "subjects": list,
    "publisher": str,
    "rights": str,
    "identifier": str,
    "date": str,
    "series": str,
    "series_index": (int, float, str),
    "dedication": str,
    "epigraph": str,
    "epigraph_source": str,
    "cover": str,
    "chapters": list,
    "paragraph_style": str,
    "scene_breaks": str,
    "author_notes": str,
    "quotes": str,
}


@dataclass(frozen=True)
class Project:
    """A book to build: its metadata, its text files in order and the normaliser's options."""

    metadata: Metadata
    sources: tuple[Path, ...]
    root: Path
    options: NormaliseOptions = field(default_factory=NormaliseOptions)

    @property
    def slug(self) -> str:
        """Return a file-name-safe form of the title."""
        return slugify(self.metadata.title)


def slugify(value: str) -> str:
    """Turn a title into a lower-case, hyphenated file name."""
    slug = re.sub(r"[^\w]+", "-", value.lower(), flags=re.ASCII).strip("-")
    return slug or "book"


def title_from_filename(path: Path) -> str:
    """Make a readable title from a file name: `my_great-story.txt` -> `My Great Story`."""
    words = re.sub(r"[_\-.]+", " ", path.stem).split()
    return " ".join(word if word.isupper() else word.capitalize() for word in words) or "Untitled"


def load_project(source: Path) -> Project:
    """Load a project from a text file or a manuscript folder."""
    if not source.exists():
        raise InputError(f"{source}: no such file or folder")
    if source.is_file():
        metadata = Metadata(title=title_from_filename(source))
        return Project(metadata=metadata, sources=(source,), root=source.parent)
    config = read_book_toml(source / "book.toml") if (source / "book.toml").is_file() else {}
    sources = chapter_files(source, config)
    return Project(metadata=metadata_from(config, source), sources=sources, root=source, options=options_from(config))


def read_book_toml(path: Path) -> dict:
    """Read and check book.toml, naming the key and line of any mistake."""
    try:
        raw = path.read_text(encoding="utf-8")
        config = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error})") from None
    for key, value in config.items():
        line = line_of(raw, key)
        if key not in BOOK_KEYS:
            raise ConfigError(f"{path}:{line}: unknown key {key!r}")
        if not isinstance(value, BOOK_KEYS[key]):
            raise ConfigError(f"{path}:{line}: {key!r} has the wrong type ({type(value).__name__})")
    return config


def line_of(raw: str, key: str) -> int:
    """Return the line a top-level key is set on."""
    match = re.search(rf"^\s*{re.escape(key)}\s*=", raw, re.MULTILINE)
    return raw.count("\n", 0, match.start()) + 1 if match else 1


def chapter_files(folder: Path, config: dict) -> tuple[Path, ...]:
    """Return the folder's text files: the `chapters` list, or every text file in name order."""
    if "chapters" in config:
        files = tuple(folder / name for name in config["chapters"])
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise ConfigError(f"{folder / 'book.toml'}: chapter file not found: {missing[0]}")
        return files
    files = tuple(sorted(p for p in folder.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()))
    if not files:
        raise InputError(f"{folder}: no .txt or .md files in this folder")
    return files


def metadata_from(config: dict, folder: Path) -> Metadata:
    """Build the book's metadata from book.toml."""
    author = config.get("author", "Anonymous")
    authors = tuple(author) if isinstance(author, list) else (author,)
    return Metadata(
        title=config.get("title") or title_from_filename(folder),
        authors=authors,
        language=config.get("language", "en"),
        subtitle=config.get("subtitle", ""),
        description=config.get("description", ""),
        subjects=tuple(config.get("subjects", ())),
        publisher=config.get("publisher", ""),
        rights=config.get("rights", ""),
        identifier=config.get("identifier", ""),
        date=str(config.get("date", "")),
        series=config.get("series", ""),
        series_index=str(config.get("series_index", "")),
        dedication=config.get("dedication", ""),
        epigraph=config.get("epigraph", ""),
        epigraph_source=config.get("epigraph_source", ""),
        cover=str(folder / config["cover"]) if config.get("cover") else "",
    )


def options_from(config: dict) -> NormaliseOptions:
    """Build the normaliser's options from book.toml."""
    return NormaliseOptions(
        paragraph_style=config.get("paragraph_style", "auto"),
        blank_runs="break" if config.get("scene_breaks") == "blank-lines" else "pause",
        author_notes=config.get("author_notes", "keep"),
        quotes=config.get("quotes", "auto"),
    )


def with_overrides(project: Project, title: str | None, author: str | None, language: str | None) -> Project:
    """Apply command-line metadata overrides."""
    changes: dict = {}
    if title:
        changes["title"] = title
    if author:
        changes["authors"] = (author,)
    if language:
        changes["language"] = language
    return replace(project, metadata=replace(project.metadata, **changes)) if changes else project
