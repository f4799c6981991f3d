"""Each language's quotation marks from the Unicode CLDR, read through ICU: the source a language file may override."""

from __future__ import annotations

from ebookgen.languages.records import QuoteMarks


def cldr_marks(tag: str) -> QuoteMarks | None:
    """Read a language's quotation delimiters from CLDR through ICU, or None for a language CLDR does not know."""
    import icu

    locale = icu.Locale.forLanguageTag(tag.replace("_", "-"))
    if locale.getLanguage() not in icu.Locale.getISOLanguages():
        return None
    data = icu.LocaleData(locale.getName())
    marks = [data.getDelimiter(kind) for kind in range(4)]  # ULOCDATA_QUOTATION_START ... ALT_QUOTATION_END
    return QuoteMarks((marks[0], marks[1]), (marks[2], marks[3]), True)
