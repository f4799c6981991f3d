"""Recognise heading lines: chapters, parts (a level above) and a table of contents.

A heading is a whole block on its own: `Chapter 12`, `CHAPTER XII.`, `Chapter 3: Title`, `Prologue`,
`Part One`, `BOOK ONE: 1805`, `# Heading`, a short ALL-CAPS line or a bare number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ebookgen.normalise.heading_shapes import heading_pattern, word_trie
from ebookgen.normalise.heading_words import (
    CHAPTER_FORMS,
    CHAPTER_WORDS,
    LANGUAGE_NUMBERS,
    NAMED_WORDS,
    PART_FORMS,
    PART_WORDS,
    alternatives,
)
from ebookgen.patterns import lazy

CHAPTER, PART, CONTENTS = "chapter", "part", "contents"

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()
ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth last final".split()
_WORD = "(?:" + "|".join(NUMBER_WORDS) + ")"
# A number: digits (any script's), roman, English words, or any language's number words and ordinals.
_OTHER_NUMBERS = "|" + alternatives(LANGUAGE_NUMBERS) if LANGUAGE_NUMBERS else ""
_NUMBER = r"(?:\d+|[ivxlcdm]+|" + _WORD + r"(?:[\s-]+" + _WORD + r")*" + _OTHER_NUMBERS + ")"
# The counters that end a CJK or Korean heading (`第一章`, `제1장`): a space after one is enough before a title.
COUNTERS = "\u7ae0\u56de\u8a71\u8bdd\u8282\u7bc0\u90e8\u5377\u7bc7\uc7a5\ubd80\ud3b8\uad8c"
_TITLE = r"(?:(?:\s*[:.\-\u2013\u2014\uff1a\u3000]+\s*|(?<=[" + COUNTERS + r"])\s+)(?P<title>.+))?"


def forms(words: list[str], shapes: list[str]) -> list[tuple[str, str]]:
    """List a language-wide heading's alternatives: heading words before a number, then the languages' shapes."""
    return [(word_trie(words), alternatives(words) + r"\s+{number}\.?")] + [("", shape) for shape in shapes]


# The same numbers, found sooner: where a heading may begin with a number, every line of a book is tried.
_WORD_TRIE = word_trie(NUMBER_WORDS)
_OTHER_TRIE = "|" + word_trie(LANGUAGE_NUMBERS) if LANGUAGE_NUMBERS else ""
_NUMBER_LEAD = r"(?:\d+|[ivxlcdm]+|" + _WORD_TRIE + r"(?:[\s-]+" + _WORD_TRIE + r")*" + _OTHER_TRIE + ")"
_TRANSLATOR = r"translator['\u2019]?s\s+(?:note|preface)"
_ORDINAL_PART = "(?:" + "|".join(ORDINALS) + r")\s+(?:part|book|epilogue)"
CHAPTER_HEADING = heading_pattern(forms(CHAPTER_WORDS, CHAPTER_FORMS), _NUMBER, _NUMBER_LEAD, _TITLE)
NAMED_HEADING = heading_pattern(
    [(word_trie([*NAMED_WORDS, "translator"]), alternatives(NAMED_WORDS) + "|" + _TRANSLATOR)],
    _NUMBER,
    _NUMBER_LEAD,
    _TITLE,
)
PART_HEADING = heading_pattern(
    [*forms(PART_WORDS, PART_FORMS), (word_trie(ORDINALS), _ORDINAL_PART)], _NUMBER, _NUMBER_LEAD, _TITLE
)
# A spaced hyphen or dash, or a double hyphen, between a heading's number and its title.
DASHED_TITLE = lazy(r"(?<=[\w.])(?:\s+[-\u2013\u2014]+\s+|\s*-{2,3}\s*|\s*[\u2013\u2014]\s*)(?=\S)")
CONTENTS_HEADING = lazy(r"^(?:table\s+of\s+)?contents\.?$", re.I)
NUMBER_HEADING = lazy(r"^(?:\d{1,3}|[IVXLC]{1,7})\.?$")
WORD_NUMBER_HEADING = lazy(r"^" + _WORD + r"(?:[\s-]+" + _WORD + r")*$", re.I)
MARKDOWN_HEADING = lazy(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?[^\W_].*?)(?:[ \t]+#+)?$")
# Decoration writers put around a heading line: `~Chapter 1~`, `**Prologue**`, `== Part One ==`, `-- 12 --`.
DECORATION = lazy(r"^[\s*_~=\-\u2014]+|[\s*_~=\-\u2014]+$")
SENTENCE_MARKS = lazy('[.!?,;"\u201c\u201d\u2026*_()\\[\\]]')
NOT_HEADINGS = frozenset({"THE END", "END", "FIN", "TO BE CONTINUED", "OK", "NO", "YES"})


@dataclass(frozen=True)
class Heading:
    """A heading line: its level (chapter, part or contents) and its title as typed."""

    level: str
    title: str


def markdown_part_level(texts: Iterable[str]) -> int:
    """Return the Markdown heading depth that marks parts: the top one when two depths are used, else 0."""
    depths = {len(match.group("hashes")) for text in texts if (match := MARKDOWN_HEADING.match(text.strip()))}
    return min(depths) if len(depths) > 1 else 0


def heading_of(text: str, part_level: int = 0, set_apart: bool = True, markdown: bool = True) -> Heading | None:
    """Return the heading a block stands for, or None for any other block.

    A one-word ALL-CAPS line is a heading only when ``set_apart`` (extra blank lines before it,
    or nothing but headings and breaks): otherwise it is more likely a letter's signature. A `# Title`
    line is a heading only in raw text (``markdown``): a `#` a writer typed in a Word paragraph is text.
    """
    text = text.strip()
    if len(text) > 80 or "\n" in text:
        return None
    markdown = MARKDOWN_HEADING.match(text) if markdown else None
    if markdown:
        level = PART if len(markdown.group("hashes")) == part_level else CHAPTER
        return Heading(level, markdown.group("title").strip())
    bare = DECORATION.sub("", text)
    if not bare:
        return None
    if CONTENTS_HEADING.match(bare):
        return Heading(CONTENTS, bare)
    if PART_HEADING.match(bare):
        return Heading(PART, colon_title(bare))
    if CHAPTER_HEADING.match(bare) or NAMED_HEADING.match(bare) or is_number(bare):
        return Heading(CHAPTER, colon_title(bare))
    if bare == text and is_caps_heading(text) and (set_apart or len(text.split()) > 1):
        return Heading(CHAPTER, text)
    return None


def is_weak_heading(text: str) -> bool:
    """Tell a heading known only by its shape (a bare number, a short ALL-CAPS line) from a named one."""
    text = text.strip()
    bare = DECORATION.sub("", text)
    named = CHAPTER_HEADING.match(bare) or NAMED_HEADING.match(bare) or PART_HEADING.match(bare)
    # A decorated line (`-- 12 --`, `~THE END~`) was set apart on purpose: a heading.
    return bare == text and not named and not MARKDOWN_HEADING.match(text) and not CONTENTS_HEADING.match(bare)


def names_chapters(texts: Iterable[str]) -> bool:
    """Tell whether a manuscript heads its chapters by name (`Chapter 3`, `# Title`): then shapes are text."""
    return any(
        CHAPTER_HEADING.match(DECORATION.sub("", text.strip())) or MARKDOWN_HEADING.match(text.strip())
        for text in texts
        if len(text) <= 80
    )


def colon_title(heading: str) -> str:
    """Write `Chapter 3 - Title` (a hyphen or dash between number and title) as `Chapter 3: Title`."""
    return heading if ":" in heading else DASHED_TITLE.sub(": ", heading, count=1)


def is_number(text: str) -> bool:
    """Tell whether a line is a bare chapter number: `12`, `XII.`, `Twelve`, `Twenty-One`."""
    return bool(NUMBER_HEADING.match(text) or WORD_NUMBER_HEADING.match(text))


def is_caps_heading(text: str) -> bool:
    """Tell a short ALL-CAPS heading line (`THE RETURN`, `PLACE-NAMES: THE NAME`) from shouting."""
    if len(text) > 60 or text != text.upper() or text == text.lower() or SENTENCE_MARKS.search(text):
        return False
    letters = sum(char.isalpha() for char in text)
    mostly_letters = letters * 2 >= len(text.replace(" ", ""))
    return letters >= 3 and mostly_letters and len(text.split()) <= 10 and text not in NOT_HEADINGS
