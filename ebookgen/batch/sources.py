"""The works of a batch: files, folders and manifests (CSV or JSON lines) expanded into ``Work`` records.

A file is one work; a folder with ``book.toml`` is one work; any other folder is a library, each manuscript
file and each ``book.toml`` folder under it a work. A ``.csv``, ``.jsonl`` or ``.ndjson`` file is a manifest:
one work a row, its ``source`` relative to the manifest's folder, with per-work metadata and options.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, fields
from pathlib import Path

from ebookgen.errors import ConfigError, InputError
from ebookgen.project.manuscript import Overrides, is_manuscript_file, natural_key
from ebookgen.settings import manifest_columns

MANIFEST_SUFFIXES = (".csv", ".jsonl", ".ndjson")
FORMATS = ("epub", "kepub", "pdf")
TRUE, FALSE = ("1", "true", "yes", "y"), ("", "0", "false", "no", "n")


@dataclass(frozen=True)
class Work:
    """One book of a batch: its manuscript, what the manifest set over book.toml, and where it was listed."""

    source: Path
    origin: str  # Where the work was named: the argument, or `manifest.csv:3`.
    title: str | None = None
    author: str | None = None
    language: str | None = None
    encoding: str | None = None
    scene_breaks: str | None = None
    author_notes: str | None = None
    trim: str | None = None
    profile: str | None = None
    embed_fonts: bool = False
    formats: tuple[str, ...] = ()  # Empty: the batch's --formats.
    problem: str = ""  # Why the row cannot be a work (a NUL byte in its source, a source outside the manifest's).

    @property
    def overrides(self) -> Overrides:
        """Return the metadata and normalisation the work sets over its book.toml."""
        return Overrides(**{item.name: getattr(self, item.name) for item in fields(Overrides)})

    @property
    def options(self) -> dict:
        """Return what the work asks for beyond its source, the keys it sets only, for the results manifest."""
        skip = {"source", "origin", "problem"}
        return {
            item.name: value for item in fields(self) if item.name not in skip and (value := getattr(self, item.name))
        }


# A manifest's columns (CSV) or keys (JSON lines) and the Work field each fills, from the settings table.
COLUMNS = manifest_columns()


def works_from(arguments: list[Path], allow_outside: bool = False) -> list[Work]:
    """Expand the command line's sources into works, in the order given."""
    works: list[Work] = []
    for argument in arguments:
        works.extend(expand(argument, allow_outside))
    return works


def expand(source: Path, allow_outside: bool = False) -> list[Work]:
    """Return the works one source names: a manifest's rows, a library's books, or the work itself."""
    if source.is_file() and source.name.lower().endswith(MANIFEST_SUFFIXES):
        return read_manifest(source, allow_outside)
    if source.is_dir() and not (source / "book.toml").is_file():
        return library(source)
    return [Work(source=source, origin=str(source))]


def library(folder: Path) -> list[Work]:
    """Return every work under a folder without book.toml: its manuscript files and its book.toml folders."""
    works: list[Work] = []
    entries = sorted((entry for entry in folder.iterdir() if not entry.name.startswith((".", "~"))), key=natural_key)
    for entry in entries:
        if entry.is_dir():
            works.extend([Work(source=entry, origin=str(entry))] if (entry / "book.toml").is_file() else library(entry))
        elif is_manuscript_file(entry):
            works.append(Work(source=entry, origin=str(entry)))
    return works


def read_manifest(path: Path, allow_outside: bool = False) -> list[Work]:
    """Read a CSV or JSON-lines manifest: one work a row, named by its line."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        raise InputError(f"{path}: the manifest cannot be read ({reason})") from None
    rows = csv_rows(path, text) if path.name.lower().endswith(".csv") else json_rows(path, text)
    return [work_from(path, line, row, allow_outside) for line, row in rows]


def csv_rows(path: Path, text: str) -> list[tuple[int, dict]]:
    """Return a CSV manifest's rows with their line numbers; the first line names the columns."""
    reader = csv.DictReader(text.splitlines())
    rows = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # A field over the csv module's limit (128 KB), a quote left open...
            raise ConfigError(f"{path}:{reader.line_num + 1}: not a CSV row ({error})") from None  # before it counts
        if None in row:
            raise ConfigError(f"{path}:{reader.line_num}: more fields than the header has columns")
        values = {key.strip(): (value or "").strip() for key, value in row.items()}
        if any(values.values()):
            rows.append((reader.line_num, {key: value for key, value in values.items() if value}))
    return rows


def json_rows(path: Path, text: str) -> list[tuple[int, dict]]:
    """Return a JSON-lines manifest's objects with their line numbers; blank lines are skipped."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ConfigError(f"{path}:{number}: not JSON ({error.msg})") from None
        except RecursionError:
            raise ConfigError(f"{path}:{number}: a value nested too deeply to read") from None
        except ValueError as error:  # A number of more digits than Python converts (4,300).
            raise ConfigError(f"{path}:{number}: not JSON ({str(error).split(';')[0]})") from None
        if not isinstance(row, dict):
            raise ConfigError(f'{path}:{number}: each line must be a JSON object with a "source"')
        rows.append((number, row))
    return rows


def work_from(manifest: Path, line: int, row: dict, allow_outside: bool = False) -> Work:
    """Make the work one manifest row names, checking its columns and values; a source it cannot take is the
    work's problem (one failed work), not the batch's."""
    where = f"{manifest}:{line}"
    unknown = sorted(set(row) - set(COLUMNS))
    if unknown:
        raise ConfigError(f"{where}: unknown column {unknown[0]!r}; a manifest's columns are {', '.join(COLUMNS)}")
    if not isinstance(row.get("source"), str) or not row["source"].strip():
        raise ConfigError(f"{where}: no source; every row names its manuscript file or folder")
    values = {COLUMNS[key]: value for key, value in row.items()}
    values["source"] = manifest.parent / values["source"]
    problem = source_problem(manifest, values["source"], allow_outside)
    if problem:
        return Work(source=manifest, origin=where, problem=f"{where}: {problem}")
    values["formats"] = formats_of(values.get("formats", ()), where)
    values["embed_fonts"] = flag(values.get("embed_fonts", False), where)
    for key, value in values.items():
        if key not in ("source", "formats", "embed_fonts") and not isinstance(value, str):
            raise ConfigError(f"{where}: {key!r} must be a string, not {json.dumps(value)}")
    return Work(origin=where, **values)


def formats_of(value: object, where: str) -> tuple[str, ...]:
    """Return a list of formats, `epub,pdf` or `["epub", "pdf"]`, each one ebookgen writes."""
    names = value.replace(",", " ").split() if isinstance(value, str) else value
    if not isinstance(names, list | tuple) or not all(isinstance(name, str) for name in names):
        raise ConfigError(f"{where}: formats must be a list of {', '.join(FORMATS)}")
    for name in names:
        if name.strip().lower() not in FORMATS:
            raise ConfigError(f"{where}: unknown format {name!r}; the formats are {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(name.strip().lower() for name in names))


def flag(value: object, where: str) -> bool:
    """Return a yes/no value: JSON's true/false, or a CSV cell's yes/no, true/false, 1/0."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in TRUE + FALSE:
        return value.strip().lower() in TRUE
    raise ConfigError(f"{where}: embed_fonts must be true or false, not {value!r}")


def source_problem(manifest: Path, source: Path, allow_outside: bool) -> str:
    """Say why a manifest row's source cannot be built: a NUL byte in its name, or a place outside the manifest's
    folder (a manifest from elsewhere must not name any file it likes) unless --allow-outside."""
    if "\0" in str(source):
        return "its source holds a NUL byte, which no file name can"
    if allow_outside:
        return ""
    root = manifest.parent.resolve()
    try:
        inside = source.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # A loop of links.
        inside = False
    if inside:
        return ""
    return f"{source}: outside the manifest's folder {root}; pass --allow-outside to build it"
