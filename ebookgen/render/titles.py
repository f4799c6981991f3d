"""A heading's parts: its number (`Chapter 3`, `Book One`) and its name (`The Storm`), for the themes to style.

``render`` sets ``Chapter 3: The Storm`` as three spans, number, separator and name, so a theme can put
the number over the name and hide the colon; the heading keeps its whole text in ``data-title`` for the
print edition's bookmarks and running heads, and a reader without styles still reads every word.
"""

from __future__ import annotations

import re

from ebookgen.languages import all_heading_words
from ebookgen.patterns import lazy

# A heading's first word when it names what follows as a number: `Chapter`, `Part`, `Book`, `Kapitel`..., the
# chapter and part words of every language's file, as the normaliser finds headings by them.
_HEADING_WORDS = all_heading_words()
LABEL_WORDS = lazy(
    "^(?:" + "|".join(sorted({*_HEADING_WORDS.chapter, *_HEADING_WORDS.part}, key=len, reverse=True)) + ")$",
    re.IGNORECASE,
)
BARE_NUMBER = lazy(r"^(?:\d+|[IVXLCDM]+)\.?$")
# What stands between a heading's number and its name: a colon, a full stop and a space, or a dash.
SEPARATOR = lazy(r"\s*(?::|\.\s|\s[\u2013\u2014-]\s|[\u2013\u2014])\s*")


def split_title(title: str) -> tuple[str, str, str]:
    """Split a heading into its number, the separator after it and its name; a part left out is ""."""
    if BARE_NUMBER.match(title):
        return title, "", ""
    words = title.split(None, 1)
    if len(words) < 2 or not LABEL_WORDS.match(words[0]):
        return "", "", title
    separator = SEPARATOR.search(title, len(words[0]) + 1)
    if separator is None or separator.end() == len(title):
        return title, "", ""
    return title[: separator.start()], separator.group(), title[separator.end() :]
