"""Set a heading typed in capitals as a title: `CHAPTER I` -> `Chapter I`, `BOOK TWO: 1805` -> `Book Two: 1805`.

Only a heading with no lower-case letter is changed; one typed in mixed case is the writer's own. Every
word is kept, in its order, with its punctuation: only letters change case. Roman numerals stay in
capitals. How a language cases a title is its file's ``TitleStyle`` (``ebookgen/languages/``): English
capitalises each word but the small ones (articles, short conjunctions and prepositions) inside the
title; German each word but its articles, conjunctions, prepositions and number words; every other
language, as its own style books do, only the first word and the first after a colon
(`CHAPITRE PREMIER` -> `Chapitre premier`).
"""

from __future__ import annotations

import re

from ebookgen.languages import TitleStyle, language_for

# A well-formed roman numeral (1 to 4999): `XII`, `IV`, `MDCCCV`.
ROMAN = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Words that spell a roman numeral but, in a heading, are words (French `dix`, Spanish `mi`, English `mix`).
ROMAN_WORDS = frozenset({"MIX", "DIX", "MI", "DI", "LI", "CC", "CD", "DC", "MD", "DIV", "VIC", "MCC"})
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+[^\W\d_]*", re.UNICODE)
# Where a new clause of the title begins: its first word is capitalised again.
CLAUSE = re.compile(r"[:.!?\u2014\u2013]\s*$")


def is_typed_in_capitals(title: str) -> bool:
    """Tell whether a heading has letters, and none of them in lower case."""
    letters = [char for char in title if char.isalpha() and (char.isupper() or char.islower())]
    return len(letters) >= 2 and not any(char.islower() for char in letters)


def title_case(title: str, language: str = "en") -> str:
    """Return a heading typed in capitals as a title in its language; any other heading as it is."""
    if not is_typed_in_capitals(title):
        return title
    style = language_for(language).title_style
    words = list(WORD.finditer(title))
    parts, last = [], 0
    for index, match in enumerate(words):
        before = title[last : match.start()]
        starts = index == 0 or bool(CLAUSE.search(title[: match.start()]))
        ends = index == len(words) - 1
        parts += [before, cased_word(match.group(), style, starts, ends)]
        last = match.end()
    return "".join(parts) + title[last:]


def cased_word(word: str, style: TitleStyle, starts: bool, ends: bool) -> str:
    """Case one word of a title: a roman numeral in capitals, a small word lower, else its first letter up."""
    if ROMAN.fullmatch(word) and word not in ROMAN_WORDS:
        return word
    lower = word.lower()
    if word[0].isdigit():
        return lower  # `3RD` -> `3rd`
    if style.capital_i and lower == "i":
        return "I"
    if starts:
        return capitalised(lower)
    if style.each_word:
        small = lower in style.small_words and not (ends and style.last_word_capitalised)
        return lower if small else capitalised(lower)
    return lower


def capitalised(word: str) -> str:
    """Capitalise a word's first letter, and the letter after a one-letter elision (`O'Brien`, `D'Artagnan`)."""
    head = word[:1].upper() + word[1:]
    elided = re.match(r"^(\w)(['\u2019])(\w)", head)
    if elided and len(word) > 3:
        head = head[:2] + head[2].upper() + head[3:]
    return head
