"""Swiss German: German in every way but its quotes, guillemets pointing outwards (CLDR's de-CH inherits „…“)."""

from __future__ import annotations

from dataclasses import replace

from ebookgen.languages.de import LANGUAGE as GERMAN
from ebookgen.languages.records import QuoteMarks

LANGUAGE = replace(
    GERMAN,
    code="de-CH",
    name="Swiss German",
    quotes=QuoteMarks(("\u00ab", "\u00bb"), ("\u2039", "\u203a"), True),
    hyphenation="de_CH",
)
