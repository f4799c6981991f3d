"""Turn the language a file reports into a BCP 47 tag the book can carry, or say why it cannot.

Readers hand on what the file says: a tag (`fr`, `fr_FR`, `FR-fr`) from an EPUB's package, a Word
document's properties or a page's `lang`, or a language's name (`Français`, `French`) from a fan
archive's download page or a header block. A tag is checked against the IANA registry (langcodes)
and written in its standard form (`fr-FR`); a name is looked up among the names CLDR gives each
language, in English and in the language itself (read through ICU).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ebookgen.languages import language_files
from ebookgen.patterns import lazy

# A BCP 47 tag's characters: letters and digits in subtags joined by hyphens (or the underscores some tools write).
TAG_SHAPE = lazy(r"[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*")
FIRST_SUBTAG = lazy(r"[A-Za-z]*")
# Tags that say no language at all: undetermined, several, none.
NO_LANGUAGE = frozenset({"und", "mul", "zxx"})


@dataclass(frozen=True)
class ReportedLanguage:
    """A file's language as the book takes it: its tag, or empty with the reason it was not taken."""

    tag: str = ""
    problem: str = ""  # why the reported value was ignored, for the user's notes


def reported_language(value: str) -> ReportedLanguage:
    """Return the standard BCP 47 tag of a language a file reports as a tag or a name, or why it is not one."""
    value = " ".join(value.split())
    if not value:
        return ReportedLanguage()
    tag = standard_tag(value) or named_language(value)
    if tag in NO_LANGUAGE:
        return ReportedLanguage()
    if not tag:
        return ReportedLanguage(problem=f"{value!r} is not a language tag such as fr or fr-FR, nor a language's name")
    return ReportedLanguage(tag)


def standard_tag(value: str) -> str:
    """Return a registered BCP 47 tag in its standard form (`fr_fr` -> `fr-FR`), or empty."""
    if not TAG_SHAPE.fullmatch(value) or not 2 <= len(FIRST_SUBTAG.match(value).group()) <= 4:
        return ""  # no language's code has 5 to 8 letters (`English`, `Deutsch`): no need to load the registry
    if value in file_codes():
        return value  # a language file's own code (`en`, `fr`) is registered and standard as it is
    import langcodes

    try:
        if not langcodes.tag_is_valid(value):
            return ""
        return langcodes.standardize_tag(value)
    except (ValueError, LookupError):  # langcodes' LanguageTagError is a ValueError
        return ""


@cache
def file_codes() -> frozenset[str]:
    """Return the language subtags the language files are named by (`en`, `fr`, not `de-ch`)."""
    return frozenset(code for code in language_files() if "-" not in code)


def named_language(name: str) -> str:
    """Return the tag of a language named in English or in itself (`Français`, `French`), or empty."""
    names = language_names()
    folded = name.casefold()
    if folded in names:
        return names[folded]
    words = [word for word in re.split(r"[\s\-(),/]+", folded) if word]
    # AO3's `Português brasileiro`, `中文-普通话 國語`, `Bahasa Indonesia`: the language's name is a word of it.
    return next((names[word] for word in (words[:1] + words[-1:]) if word in names), "")


@cache
def language_names() -> dict[str, str]:
    """Return every language's CLDR name, in English and in itself, folded, to its tag (ICU's data)."""
    import icu

    english = icu.Locale("en")
    names: dict[str, str] = {}
    for code in icu.Locale.getISOLanguages():
        own = icu.Locale(code)
        for shown in (own.getDisplayLanguage(english), own.getDisplayLanguage(own)):
            if shown and shown != code:
                names.setdefault(shown.casefold(), code)
    return names
