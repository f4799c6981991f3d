"""Each language's quotation marks: the Unicode CLDR delimiters, read through ICU, and a few named exceptions.

English keeps the curler's own marks (double or single outside, as the manuscript types its dialogue);
every other language sets the outer quote with CLDR's quotation marks and a quote inside it with the
alternate ones, whichever straight mark was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class QuoteMarks:
    """The marks a language sets quotes with: outer and inner, each an opening and a closing mark.

    ``by_depth`` is false for English, whose outer mark follows what was typed (double, or single for
    British dialogue); true elsewhere, where the outer quote always takes the language's primary marks.
    """

    outer: tuple[str, str] = ("\u201c", "\u201d")
    inner: tuple[str, str] = ("\u2018", "\u2019")
    by_depth: bool = False


ENGLISH = QuoteMarks()
# Where a book's house style is not what CLDR gives the language.
BOOK_STYLE = {
    # The RAE's Ortografía (2010) prefers angle quotes, with English ones inside (CLDR now gives “…”).
    "es": QuoteMarks(("\u00ab", "\u00bb"), ("\u201c", "\u201d"), True),
    # Swiss German sets guillemets, pointing outwards (CLDR's de-CH inherits German „…“).
    "de-CH": QuoteMarks(("\u00ab", "\u00bb"), ("\u2039", "\u203a"), True),
    # French nests guillemets in guillemets in CLDR; books set English double quotes inside.
    "fr": QuoteMarks(("\u00ab", "\u00bb"), ("\u201c", "\u201d"), True),
}


def base_language(tag: str) -> str:
    """Return a tag's language subtag, lower case: `de` for `de-AT`."""
    return tag.replace("_", "-").split("-")[0].lower()


@cache
def quote_marks(tag: str) -> QuoteMarks:
    """Return the quotation marks of a language tag (`de`, `fr-CA`, `pt-PT`): English's for English."""
    language = base_language(tag)
    if language in ("", "en", "und"):
        return ENGLISH
    region_style = BOOK_STYLE.get(region_tag(tag))
    if region_style:
        return region_style
    if language in BOOK_STYLE and "-" not in tag.replace("_", "-"):
        return BOOK_STYLE[language]
    return cldr_marks(tag) or BOOK_STYLE.get(language) or ENGLISH


def region_tag(tag: str) -> str:
    """Return `de-CH` for `de_ch` or `de-CH-1996`: language and region only."""
    parts = tag.replace("_", "-").split("-")
    region = next((part.upper() for part in parts[1:] if len(part) == 2 and part.isalpha()), "")
    return f"{parts[0].lower()}-{region}" if region else parts[0].lower()


def cldr_marks(tag: str) -> QuoteMarks | None:
    """Read a language's quotation delimiters from CLDR through ICU, or None for a language CLDR does not know."""
    import icu

    locale = icu.Locale.forLanguageTag(tag.replace("_", "-"))
    if locale.getLanguage() not in icu.Locale.getISOLanguages():
        return None
    data = icu.LocaleData(locale.getName())
    marks = [data.getDelimiter(kind) for kind in range(4)]  # ULOCDATA_QUOTATION_START ... ALT_QUOTATION_END
    return QuoteMarks((marks[0], marks[1]), (marks[2], marks[3]), True)
