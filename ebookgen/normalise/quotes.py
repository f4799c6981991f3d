"""Each language's quotation marks, from its file in ``ebookgen.languages``: CLDR's, or the file's own.

English keeps the curler's own marks (double or single outside, as the manuscript types its dialogue);
every other language sets the outer quote with CLDR's quotation marks (read through ICU) and a quote
inside it with the alternate ones, whichever straight mark was typed, unless its file names the marks
its books set (French, Spanish, Swiss German).
"""

from __future__ import annotations

from ebookgen.languages import ENGLISH_QUOTES, QuoteMarks, base_language, region_tag
from ebookgen.languages.cldr import cldr_marks

__all__ = ["ENGLISH", "QuoteMarks", "base_language", "cldr_marks", "region_tag"]

# The marks of a language whose record settles none: English's. A book's own are its ``Language.quotes``.
ENGLISH = ENGLISH_QUOTES
