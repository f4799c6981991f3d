"""Find what to build: a single text file or a manuscript folder with a ``book.toml``.

``book.toml`` is checked against ``BOOK_KEYS`` (the settings table's keys) before anything is read: an unknown key, a
wrong type, a value outside its choices or one that breaks its rule (``values.py``: the date,
the series index...) stops the build with the key and its line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.errors import ConfigError, InputError
from ebookgen.model import Metadata
from ebookgen.normalise.found import Explicit
from ebookgen.normalise.pipeline import NormaliseOptions
from ebookgen.project.bookmeta import metadata_from, title_from_filename
from ebookgen.project.collection import Work, works_from
from ebookgen.project.matter import TEXT_KEYS, check_matter_file, is_file_name, matter_files
from ebookgen.project.paths import check_folder_entry, check_text_file, is_system_path, project_file, shown
from ebookgen.project.toml_types import article, matches, toml_type
from ebookgen.project.values import check_language_option, folded
from ebookgen.readers.table import READERS, SUFFIXES, find_reader, not_read, reader_for
from ebookgen.settings import Setting, book_keys

if TYPE_CHECKING:
    from ebookgen.pdf.printers import Printer
    from ebookgen.pdf.trim import Trim
    from ebookgen.themes import Theme

TEXT_SUFFIXES = SUFFIXES  # Every suffix a reader claims (ebookgen.readers.table).
SLUG_BYTES = 150  # a file name's limit is 255 bytes on most disks; room is left for `.kepub.epub` and a temp name
METADATA_FIELDS = {"author": "authors", "isbn": "identifier"}  # book.toml keys named otherwise in Metadata


# Every key book.toml may hold, from the settings table. `init` writes them all, commented, from it.
BOOK_KEYS: dict[str, Setting] = book_keys()


@dataclass(frozen=True)
class Project:
    """A book to build: its metadata, its text files in order and the normaliser's options."""

    metadata: Metadata
    sources: tuple[Path, ...]
    root: Path
    options: NormaliseOptions = field(default_factory=NormaliseOptions)
    units: tuple[tuple[Path, ...], ...] = ()  # Files read as one text: a chapter may span the files of a unit.
    encoding: str | None = None
    trim: Trim | None = None  # book.toml's choices, turned into their records once, when book.toml is read
    profile: Printer | None = None
    theme: Theme | None = None
    font_size: float = 0
    matter: tuple[Path, ...] = ()  # back-matter files book.toml names (an afterword.md)
    explicit: Explicit = field(default_factory=Explicit)  # the metadata fields book.toml and the options set
    notes: tuple[str, ...] = ()  # what the user should know about how the project was read (a book.toml left aside)
    works: tuple[Work, ...] = ()  # a collection's works (book.toml's works), each read as a book and made a part

    @property
    def slug(self) -> str:
        """Return a file-name-safe form of the title."""
        return slugify(self.metadata.title)

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Return every file the build reads (text files, book.toml, cover, back matter): none may be overwritten."""
        extra = [self.root / "book.toml"] if (self.root / "book.toml").is_file() and (self.units or self.works) else []
        extra += self.matter
        if self.metadata.cover:
            extra.append(Path(self.metadata.cover))
        if self.works:  # a collection reads each work's files, not its folders (batch hashes them, watch watches them)
            return (*(path for work in self.works for path in load_project(work.source).inputs), *extra)
        return (*self.sources, *extra)

    def text_units(self) -> tuple[tuple[Path, ...], ...]:
        """Return the groups of files to read as one text each, in reading order."""
        return self.units or tuple((path,) for path in self.sources)


def slugify(value: str) -> str:
    """Turn a title into a lower-case, hyphenated file name that keeps the letters of every script.

    `Café Müller` is `café-müller`, `雨の日` `雨の日`, `Война и мир` `война-и-мир`: a letter, a mark or a digit of
    any script is kept (composed, NFC), anything else parts words; the name stays under 150 bytes of UTF-8.
    """
    kept = "".join(
        char if unicodedata.category(char)[0] in "LMN" else " " for char in unicodedata.normalize("NFC", value.lower())
    )
    slug = "-".join(kept.split())
    while len(slug.encode("utf-8")) > SLUG_BYTES:
        slug = slug[:-1]
    return slug.strip("-") or "book"


# The manuscript a command builds when it is given none: the folder `ebookgen init` and the bundled sample use.
DEFAULT_SOURCE = Path("manuscript")


def load_project(source: Path | None = None) -> Project:
    """Load a project from a text file or a manuscript folder (``manuscript/`` here when none is given)."""
    if source is None:
        source = DEFAULT_SOURCE
        if not source.exists():
            raise InputError(
                "no manuscript given, and no manuscript/ folder here: give SOURCE (a manuscript file such as a .txt, "
                ".md or .docx, or a manuscript folder), or start a book with `ebookgen init my-novel`"
            )
    if not source.exists() and not source.is_symlink():
        raise InputError(f"{shown(source)}: no such file or folder")
    if is_system_path(source):
        raise InputError(f"{shown(source)}: is under /proc, /dev or /sys, not a manuscript")
    if not source.is_dir():
        reader_for(source)  # A suffix no reader claims is refused before the file is read.
        check_text_file(source)
        return single_file_project(source)
    if not source.is_dir():
        raise InputError(f"{source}: not a regular file or folder")
    config = read_book_toml(source / "book.toml") if (source / "book.toml").is_file() else {}
    works = works_from(config, source)
    return configured_project(config, source, () if works else chapter_units(source, config), works)


def single_file_project(source: Path) -> Project:
    """Load one manuscript file with the book.toml beside it, unless that book.toml's chapter list leaves it out.

    A writer who keeps a story and its book.toml in one folder builds the story by its file name: its language,
    author and choices apply. A book.toml whose `chapters` list another book's files is left aside, with a note.
    """
    beside = source.parent / "book.toml"
    plain = Project(metadata=Metadata(title=title_from_filename(source)), sources=(source,), root=source.parent)
    if not beside.is_file():
        return plain
    config = read_book_toml(beside)
    if "works" in config:  # a collection's book.toml: its works are books of their own
        return plain
    listed = {path.resolve() for unit in chapter_units(source.parent, config) for path in unit}
    if "chapters" in config and source.resolve() not in listed:
        reason = f"its chapters list leaves {source.name} out; build the folder, or list the file there"
        return replace(plain, notes=(f"{beside}: not read for {source}: {reason}",))
    project = configured_project(config, source.parent, ((source,),))
    if "title" not in config:
        project = replace(project, metadata=replace(project.metadata, title=plain.metadata.title))
    return project


def configured_project(
    config: dict, root: Path, units: tuple[tuple[Path, ...], ...], works: tuple[Work, ...] = ()
) -> Project:
    """Make the project book.toml's settings describe, reading these groups of files (or these works)."""
    return Project(
        metadata=metadata_from(config, root),
        sources=tuple(path for unit in units for path in unit) or tuple(work.source for work in works),
        root=root,
        options=options_from(config),
        units=units,
        encoding=config.get("encoding"),
        trim=config.get("trim"),
        profile=config.get("profile"),
        theme=config.get("theme"),
        font_size=config.get("font_size", 0),
        matter=tuple(root / name for name in sorted(matter_files(config))),
        explicit=Explicit(book_toml=frozenset(METADATA_FIELDS.get(key, key) for key in config)),
        works=works,
    )


def read_book_toml(path: Path) -> dict:
    """Read and check book.toml, naming the key and line of any mistake; a name's value becomes its record."""
    import tomllib  # a story without book.toml never reads TOML

    try:
        raw = path.read_bytes().decode("utf-8-sig")
        config = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise ConfigError(f"{path}: a value nested too deep to read; write it flatter") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8; save it as UTF-8") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from None
    for key, value in config.items():
        check_key(path, raw, key, value)
    config |= checked_values(path, raw, config)
    check_chapters(path, raw, config)
    if config.get("cover"):
        check_cover_file(path, raw, config["cover"])
    for key in (key for key in TEXT_KEYS if is_file_name(config.get(key, ""))):
        check_matter_file(path.parent, config[key], f"{path}:{line_of(raw, key)}", key)
    return config


def check_chapters(path: Path, raw: str, config: dict) -> None:
    """Refuse an empty `chapters` shape, or an entry outside the project or not a regular file."""
    if "chapters" not in config:
        return
    where = f"{path}:{line_of(raw, 'chapters')}"
    entries = config["chapters"]
    if not entries or any(isinstance(entry, list) and not entry for entry in entries):
        raise ConfigError(f"{where}: 'chapters' holds an empty list; list the text files in reading order")
    for name in (name for entry in entries for name in ([entry] if isinstance(entry, str) else entry)):
        file = project_file(path.parent, name, where, "chapters")
        if not file.exists() and not file.is_symlink():
            raise ConfigError(f"{where}: chapter file not found: {shown(file)}; fix the 'chapters' list")
        check_text_file(file, where, "; fix the 'chapters' list")


def check_cover_file(path: Path, raw: str, name: str) -> None:
    """Refuse a cover outside the project, missing, not a regular file or not an image an EPUB may hold."""
    from ebookgen.project.images import check_cover_image

    where = f"{path}:{line_of(raw, 'cover')}"
    cover = project_file(path.parent, name, where, "cover")
    if not cover.exists() and not cover.is_symlink():
        raise ConfigError(f"{where}: cover image not found: {shown(cover)}; fix 'cover' or add the file")
    check_text_file(cover, where, "; 'cover' must name an image file")
    check_cover_image(cover, where)


def check_key(path: Path, raw: str, key: str, value: object) -> None:
    """Stop on an unknown key, a wrong type or a value outside the key's choices."""
    where = f"{path}:{line_of(raw, key)}"
    if key not in BOOK_KEYS:
        import difflib  # only a mistake is matched against the keys

        close = difflib.get_close_matches(key, BOOK_KEYS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else "; see docs/reference/book-toml.md"
        raise ConfigError(f"{where}: unknown key {key!r}{hint}")
    spec = BOOK_KEYS[key]
    if not any(matches(value, kind) for kind in spec.types):
        wanted = " or ".join(kind if isinstance(kind, str) else article(kind) for kind in spec.types)
        raise ConfigError(f"{where}: {key!r} must be {wanted}, not {toml_type(value)}")
    if spec.choices and value not in spec.choices:
        raise ConfigError(f"{where}: {key!r} must be one of {', '.join(spec.choices)}, not {value!r}")


def checked_values(path: Path, raw: str, config: dict) -> dict:
    """Check each value that has a rule beyond its type (date, trim, ...), naming its line; return the records."""
    records = {}
    for key, spec in BOOK_KEYS.items():
        if key in config and spec.rule is not None:
            try:
                record = spec.rule(config[key])
            except ConfigError as error:
                raise ConfigError(f"{path}:{line_of(raw, key)}: {error}") from None
            if record is not None:
                records[key] = record
    return records


def line_of(raw: str, key: str) -> int:
    """Return the line a top-level key is set on (a table header counts for a table)."""
    name = re.escape(key)
    pattern = rf"^[ \t]*(?:{name}|\"{name}\")[ \t]*=|^[ \t]*\[+[ \t]*{name}[ \t]*[\].]"
    match = re.search(pattern, raw, re.MULTILINE)
    return raw.count("\n", 0, match.start()) + 1 if match else 1


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


def options_from(config: dict) -> NormaliseOptions:
    """Build the normaliser's options from book.toml."""
    return NormaliseOptions(
        paragraph_style=config.get("paragraph_style", "auto"),
        blank_runs="break" if config.get("scene_breaks") == "blank-lines" else "pause",
        author_notes=config.get("author_notes", "keep"),
        quotes=config.get("quotes", "auto"),
    )


def with_overrides(
    project: Project, title: str | None, author: str | None, language: str | None, encoding: str | None = None
) -> Project:
    """Apply command-line metadata overrides."""
    changes: dict = {}
    if title and folded(title):
        changes["title"] = folded(title)
    if author and folded(author):
        changes["authors"] = (folded(author),)
    if language:
        changes["language"] = check_language_option(language)
    if changes:
        explicit = project.explicit.with_options(frozenset(changes))
        project = replace(project, metadata=replace(project.metadata, **changes), explicit=explicit)
    if encoding:
        from ebookgen.project.values import check_encoding

        check_encoding(encoding)
    return replace(project, encoding=encoding) if encoding else project


def with_normalise_overrides(project: Project, scene_breaks: str | None, author_notes: str | None) -> Project:
    """Apply command-line normalisation overrides: the scene-break and author's-note policies."""
    for name, value in (("scene_breaks", scene_breaks), ("author_notes", author_notes)):
        spec = BOOK_KEYS[name]
        if value is not None and value not in spec.choices:
            raise ConfigError(f"{spec.flag} must be {' or '.join(spec.choices)}, not {value!r}")
    changes: dict = {}
    if scene_breaks:
        changes["blank_runs"] = "break" if scene_breaks == "blank-lines" else "pause"
    if author_notes:
        changes["author_notes"] = author_notes
    return replace(project, options=replace(project.options, **changes)) if changes else project


@dataclass(frozen=True)
class Overrides:
    """What the command line sets over book.toml; None keeps the project's own value."""

    title: str | None = None
    author: str | None = None
    language: str | None = None
    encoding: str | None = None
    scene_breaks: str | None = None
    author_notes: str | None = None


def overridden(project: Project, overrides: Overrides) -> Project:
    """Apply the command line's metadata and normalisation overrides to a project."""
    changed = with_overrides(project, overrides.title, overrides.author, overrides.language, overrides.encoding)
    return with_normalise_overrides(changed, overrides.scene_breaks, overrides.author_notes)
