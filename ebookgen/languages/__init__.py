"""The languages ebookgen sets books in: one module per language, found by listing this folder.

A language file (``de.py``, ``de_ch.py`` for a regional variant) defines ``LANGUAGE``, a ``Language``
record: its quotes (CLDR's, read through ICU, unless the file overrides them), its dash and spacing
rules, its heading words, how it cases a title, its hyphenation dictionary and its own words for the
book's furniture. ``language_for`` turns a BCP 47 tag into the record once: the region's file, then
the language's, then the default (English words, CLDR's quotes, titles cased as a sentence).
Adding a language is one new file here. This package imports nothing of ebookgen beyond itself (and the cache
folder, where every language's heading words are kept).
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import replace
from functools import cache
from importlib import import_module
from pathlib import Path

from ebookgen.languages.cldr import cldr_marks
from ebookgen.languages.records import (
    ENGLISH_QUOTES,
    SPACED_EM,
    SPACED_EN,
    BookWords,
    Dashes,
    HeadingWords,
    Language,
    QuoteMarks,
    Rule,
    TitleStyle,
)
from ebookgen.languages.scripts import JOINED_LETTERS, RIGHT_TO_LEFT
from ebookgen.patterns import lazy

__all__ = [
    "SPACED_EM",
    "SPACED_EN",
    "BookWords",
    "DEFAULT",
    "Dashes",
    "ENGLISH_QUOTES",
    "HeadingWords",
    "Language",
    "QuoteMarks",
    "Rule",
    "TitleStyle",
    "all_heading_words",
    "base_language",
    "english",
    "language_files",
    "language_for",
    "region_tag",
]

# What a language with no file of its own gets: English furniture words, CLDR's quotes or English ones,
# titles cased as a sentence, no rules of its own.
DEFAULT = Language(code="und", name="", quotes=ENGLISH_QUOTES)
# A language file's name: a language subtag, and a region after an underscore (`de`, `de_ch`, `grc`).
FILE_NAME = lazy(r"[a-z]{2,3}(?:_[a-z]{2})?")


def base_language(tag: str) -> str:
    """Return a tag's language subtag, lower case: `de` for `de-AT`."""
    return tag.replace("_", "-").split("-")[0].lower()


def region_tag(tag: str) -> str:
    """Return `de-CH` for `de_ch` or `de-CH-1996`: language and region only."""
    parts = tag.replace("_", "-").split("-")
    region = next((part.upper() for part in parts[1:] if len(part) == 2 and part.isalpha()), "")
    return f"{parts[0].lower()}-{region}" if region else parts[0].lower()


@cache
def language_files() -> dict[str, Language]:
    """Return every language file's record by each tag it stands for (`de`, `de-CH`, `nb`, `no`), listing the folder."""
    found: dict[str, Language] = {}
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if not FILE_NAME.fullmatch(path.stem):
            continue
        language = import_module(f"{__name__}.{path.stem}").LANGUAGE
        for code in (language.code, *language.aliases):
            found[code.lower()] = language
    return found


def language_file(key: str) -> Language | None:
    """Return the language file standing for a lower-case tag (`de`, `de-ch`): the file of that name when there is
    one (a book in English imports en.py alone), else whichever file lists it (`no` is Norwegian Bokmål's)."""
    stem = key.replace("-", "_")
    if FILE_NAME.fullmatch(stem) and (Path(__file__).parent / f"{stem}.py").is_file():
        language = import_module(f"{__name__}.{stem}").LANGUAGE
        if language.code.lower() == key:
            return language
    return language_files().get(key)


@cache
def language_for(tag: str) -> Language:
    """Return the language of a BCP 47 tag, its quotes settled: its region's file, its language's, or the default."""
    regional = language_file(region_tag(tag).lower())
    own = language_file(base_language(tag))
    language = regional or own or DEFAULT
    quotes = settled_quotes(tag, regional, own)
    right_to_left = language.right_to_left or base_language(tag) in RIGHT_TO_LEFT
    joins = language.joins_letters or base_language(tag) in JOINED_LETTERS
    return replace(language, quotes=quotes, right_to_left=right_to_left, joins_letters=joins, tag=tag)


def english() -> Language:
    """Return English, settled: the language of a book that names none."""
    return language_for("en")


def settled_quotes(tag: str, regional: Language | None, own: Language | None) -> QuoteMarks:
    """Return the marks a tag sets quotes with: a file's own where it overrides CLDR, else CLDR's, else English."""
    if base_language(tag) in ("", "und"):
        return DEFAULT.quotes or ENGLISH_QUOTES
    if regional is not None and regional is not own and regional.quotes:
        return regional.quotes  # a region's own file: Swiss German's guillemets
    if own is not None and own.quotes and (not own.cldr_quotes or "-" not in tag.replace("_", "-")):
        return own.quotes  # the bare tag of a language whose books differ from CLDR (`fr`, `es`), or English
    return cldr_marks(tag) or (own.quotes if own else None) or ENGLISH_QUOTES


HEADING_FIELDS = ("chapter", "part", "named", "numbers", "chapter_forms", "part_forms")


@cache
def all_heading_words() -> HeadingWords:
    """Return every language's heading words together: kept in the cache while the language files are unchanged
    (reading them is importing all 38, about 5 ms of a short story's build), else gathered and kept."""
    files = language_folder()
    kept = kept_heading_words(files)
    if kept is not None:
        return kept
    words = gathered_heading_words()
    from ebookgen.cachedir import keep

    rows = {name: list(getattr(words, name)) for name in HEADING_FIELDS}
    keep(heading_words_path(), json.dumps({"files": files, "words": rows}, ensure_ascii=False).encode())
    return words


def gathered_heading_words() -> HeadingWords:
    """Return every language's heading words together, each once, in the order the files list them."""
    languages = list(dict.fromkeys(language_files().values()))
    return HeadingWords(
        **{
            name: tuple(dict.fromkeys(word for language in languages for word in getattr(language.headings, name)))
            for name in HEADING_FIELDS
        }
    )


def language_folder() -> list[list]:
    """Return what identifies the language files as they are: each module's name, size and time, sorted."""
    found = []
    with os.scandir(Path(__file__).parent) as entries:
        for entry in entries:
            if entry.name.endswith(".py"):
                status = entry.stat()
                found.append([entry.name, status.st_size, status.st_mtime_ns])
    return sorted(found)


def heading_words_path() -> Path:
    """Return where the heading words of this copy of the package are kept (one file per installed copy)."""
    from ebookgen.cachedir import cache_home

    return cache_home() / "languages" / f"headings-{zlib.crc32(str(Path(__file__).parent).encode()):08x}.json"


def kept_heading_words(files: list[list]) -> HeadingWords | None:
    """Return the heading words kept for the language files as they are; None when none are kept for them."""
    try:
        kept = json.loads(heading_words_path().read_bytes())
        if kept["files"] != files:
            return None
        return HeadingWords(**{name: tuple(kept["words"][name]) for name in HEADING_FIELDS})
    except (OSError, ValueError, KeyError, TypeError):
        return None
