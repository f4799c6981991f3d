"""The rules book.toml's values must keep beyond their type: a date, a series number, a language, a trim, a profile.

Each rule is a row's ``rule`` in the settings table (``ebookgen.settings``); ``read_book_toml`` runs it once,
when the project is loaded, and names the key's line on a mistake, so no writer meets a bad value later.
A rule raises ``ConfigError`` naming the key and value; a rule for a name (a trim, a profile, a theme)
returns the record it names, which the project keeps, so no stage looks the name up again.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

from ebookgen.errors import ConfigError
from ebookgen.patterns import lazy

if TYPE_CHECKING:
    from ebookgen.pdf.printers import Printer
    from ebookgen.pdf.trim import Trim
    from ebookgen.themes import Theme

# A W3C date (https://www.w3.org/TR/NOTE-datetime): a year, a month, a day, or a day with a time.
W3C_DATE = lazy(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?)?)?")
SERIES_NUMBER = lazy(r"\d+(\.\d+)?")
# A BCP 47 tag's characters: letters and digits in subtags joined by hyphens (no `en_GB`, no spaces).
LANGUAGE_SHAPE = lazy(r"[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*")


def date_text(value: object) -> str:
    """Write a book.toml date as the EPUB writes it: a TOML date or date-time in ISO form, a string as given."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def check_date(value: object) -> None:
    """Refuse a date that is not a real W3C date, such as 2024, 2024-05 or 2024-05-17."""
    text = date_text(value)
    if not (W3C_DATE.fullmatch(text) and is_calendar_date(text)):
        raise ConfigError(f"date {text!r} is not a date such as 2024, 2024-05 or 2024-05-17")


def is_calendar_date(text: str) -> bool:
    """Tell whether a W3C-shaped date names a real month, day and time (no 2024-13 or 2024-02-30)."""
    try:
        if "T" in text:
            dt.datetime.fromisoformat(text)
        elif len(text) == len("2024-05-17"):
            dt.date.fromisoformat(text)
        elif len(text) == len("2024-05"):
            dt.date.fromisoformat(f"{text}-01")
    except ValueError:
        return False
    return True


def check_series_index(value: object) -> None:
    """Refuse a series index that is not a number such as 2 or 2.5."""
    if not SERIES_NUMBER.fullmatch(str(value)):
        raise ConfigError(f"series_index {str(value)!r} is not a number")


def check_language(value: object) -> None:
    """Refuse a language that is not a well-formed, registered BCP 47 tag (langcodes knows the registry).

    The tag stays a string in the book's metadata, the model's: a stage that needs the language's facts
    (quotes, heading words, hyphenation) is handed its ``Language`` record, settled once the file's metadata
    is merged (``normalise.found.settled_language``).
    """
    text = str(value)
    if LANGUAGE_SHAPE.fullmatch(text) and has_language_file(text):
        return  # a language file's own tag (`en`, `de-CH`) is registered: no need to load langcodes' registry
    import langcodes

    if not LANGUAGE_SHAPE.fullmatch(text) or not langcodes.tag_is_valid(text):
        raise ConfigError(f"language {text!r} is not a language tag such as en or en-GB")


def has_language_file(tag: str) -> bool:
    """Tell whether ebookgen has a language file for exactly this tag (its code or an alias, any case)."""
    from ebookgen.languages import language_file

    # The file named after the tag when there is one (`--lang en` reads en.py alone), else every file's codes.
    return language_file(tag.replace("_", "-").lower()) is not None


def check_language_option(value: str) -> str:
    """Return a --lang value that is a BCP 47 tag, or refuse it naming the option."""
    try:
        check_language(value)
    except ConfigError as error:
        raise ConfigError(f"--lang: {error}") from None
    return value


def folded(value: object) -> str:
    """Fold line breaks, tabs and other control characters in a one-line value (title, author) to single spaces."""
    text = "".join(" " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in str(value))
    return " ".join(text.split())


def check_names(value: object) -> None:
    """Refuse an empty author, an empty list of authors or an empty name in the list."""
    names = value if isinstance(value, list) else [value]
    if not names or not all(folded(name) for name in names):
        raise ConfigError("'author' holds an empty name; give a name such as \"Ann Lee\", or leave the key out")


def check_subjects(value: object) -> None:
    """Refuse an empty subject in the list."""
    if not all(folded(subject) for subject in value):
        raise ConfigError("'subjects' holds an empty subject; remove it")


def check_contributors(value: object) -> None:
    """Refuse a contributor without a name or with a role the title page and the EPUB cannot name."""
    from ebookgen.model import CONTRIBUTOR_ROLES  # The model stays unloaded for `ebookgen --help`.

    for index, item in enumerate(value):
        where = f"contributors[{index}]"
        if set(item) - {"name", "role"}:
            raise ConfigError(f"{where} has {', '.join(sorted(set(item) - {'name', 'role'}))}; give name and role")
        if not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ConfigError(f'{where} needs a name, such as name = "Ann Lee"')
        if item.get("role") not in CONTRIBUTOR_ROLES:
            roles = ", ".join(CONTRIBUTOR_ROLES)
            raise ConfigError(f"{where} role {item.get('role')!r} is not one of {roles}")


def check_isbn(value: object) -> None:
    """Refuse an ISBN whose length or check digit is wrong (a typo the printed page would carry)."""
    import isbnlib

    digits = str(value).replace("-", "").replace(" ", "")
    if not (isbnlib.is_isbn13(digits) or isbnlib.is_isbn10(digits)):
        raise ConfigError(f"isbn {value!r} is not a valid ISBN-13 or ISBN-10 (check its digits and the last one)")


def is_public_domain(rights: str) -> bool:
    """Tell whether book.toml's rights line says the text is in the public domain."""
    return " ".join(rights.lower().replace("-", " ").split()).strip(" .") == "public domain"


def check_trim(value: object) -> Trim:
    """Return the trim a size names, or refuse one the PDF writer cannot set."""
    from ebookgen.pdf.trim import parse_trim

    return parse_trim(str(value))


def check_profile(value: object) -> Printer:
    """Return the printer a print profile names, or refuse one the PDF writer does not know."""
    from ebookgen.pdf.printers import printer_for

    return printer_for(str(value))


def check_theme(value: object) -> Theme:
    """Return the named theme, or refuse one the writers do not know, naming the ones there are."""
    from ebookgen.themes import theme_for

    return theme_for(str(value))


def check_font_size(value: object) -> float:
    """Return a body type size in points, or refuse one no book is set in."""
    from ebookgen.themes import check_points

    return check_points(value)


def check_encoding(value: object) -> None:
    """Refuse an encoding Python does not know, or one that is no text encoding (punycode, idna, undefined, rot13)."""
    import codecs

    name = str(value)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        raise ConfigError(f"encoding {name!r} is not an encoding; try utf-8, cp1252 or latin-1") from None
    # Codecs of a name, not of a text file: domain names, and one that refuses everything.
    if not getattr(info, "_is_text_encoding", True) or info.name in ("punycode", "idna", "undefined"):
        raise ConfigError(f"encoding {name!r} is not a text file's encoding; try utf-8, cp1252 or latin-1")


def check_newsletter(value: object) -> None:
    """Refuse a newsletter without its web address and its line."""
    from ebookgen.project.matter import check_newsletter as check

    check(value)


def check_also_by(value: object) -> None:
    """Refuse an empty title among the author's other books."""
    from ebookgen.project.matter import also_by_titles

    also_by_titles(value)
