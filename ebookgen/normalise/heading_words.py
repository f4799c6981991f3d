"""The words that start a heading line in the languages fan fiction is written in, from every language's file.

``headings`` joins them into its patterns, so a book in any of these languages finds its chapters and
parts (`Kapitel 1`, `Chapitre 1 : La gare`, `Глава 1`, `Teil 2`, `Épilogue`) whatever language is set.
A new language file's heading words join them with nothing else to change.
"""

from __future__ import annotations

from ebookgen.languages import all_heading_words

_WORDS = all_heading_words()
# A word for chapter, before its number.
CHAPTER_WORDS = list(_WORDS.chapter)
# A word for a part, a book or a volume, before its number.
PART_WORDS = list(_WORDS.part)
# A heading that is a named section alone, or before a title.
NAMED_WORDS = list(_WORDS.named)
# Number words and ordinals of every language, after a heading word (`Глава первая`, `الفصل الأول`).
LANGUAGE_NUMBERS = list(_WORDS.numbers)
# Whole headings whose number is not simply after the word (`1. fejezet`, `第一章`, `제1장`), `{number}` in each.
CHAPTER_FORMS = list(_WORDS.chapter_forms)
PART_FORMS = list(_WORDS.part_forms)


def alternatives(words: list[str]) -> str:
    """Join heading words into one regular-expression alternation, longest first."""
    return "(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + ")"
