"""Quotes pasted already curled the English way (from Google Docs or Word) into a book of another language.

A German writer who drafts in Google Docs pastes `“Hallo”`; the curler would leave those marks as they are.
In a paragraph that holds none of its language's own marks (German's `„`, French's `«`), English curled
quotes are made straight again, so the curler sets them in the book's marks: `„Hallo“`. A paragraph that
holds the language's own marks was typed in them, its inner quotes too (French `« … “demain” … »`): it stays,
but for a pair closed by a mark the language never sets (German's `“Hallo”` beside a typed `„Schon“`): that pair
was pasted, and is made straight.
"""

from __future__ import annotations

from ebookgen.languages import QuoteMarks
from ebookgen.patterns import lazy

ENGLISH_MARKS = frozenset("\u201c\u201d\u2018\u2019")
DOUBLE = lazy("[\u201c\u201d]")
# A right single quote that is not an apostrophe inside a word: it closes, or ends a word (the curler decides).
SINGLE = lazy("\u2018|\u2019(?![^\\W_])")
# An English pair: an opening double quote, words with no double quote, and the closing one.
ENGLISH_PAIR = lazy("\u201c([^\u201c\u201d\u201e]*)\u201d")


def straighten_pasted_quotes(text: str, marks: QuoteMarks) -> str:
    """Straighten English curled quotes in a paragraph that holds none of its language's own marks."""
    if "\u201c" not in text and "\u201d" not in text and "\u2018" not in text:
        return text  # no pasted quote: a right single quote alone is an apostrophe
    own = {*marks.outer, *marks.inner} - ENGLISH_MARKS
    if any(mark in text for mark in own):
        if "\u201d" in {*marks.outer, *marks.inner}:
            return text  # typed in the language's own marks, its inner quotes with them
        return ENGLISH_PAIR.sub(r'"\1"', text)  # a pair closed by a mark the language never sets was pasted
    return SINGLE.sub("'", DOUBLE.sub('"', text))
