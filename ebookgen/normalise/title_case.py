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
from dataclasses import dataclass
from functools import cache

from ebookgen.languages import Language, TitleStyle, english
from ebookgen.patterns import lazy

# A well-formed roman numeral (1 to 4999): `XII`, `IV`, `MDCCCV`.
ROMAN = lazy(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Words that spell a roman numeral but, in a heading, are words (French `dix`, Spanish `mi`, English `mix`).
ROMAN_WORDS = frozenset({"MIX", "DIX", "MI", "DI", "LI", "CC", "CD", "DC", "MD", "DIV", "VIC", "MCC"})
WORD = lazy(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+[^\W\d_]*", re.UNICODE)
# Where a new clause of the title begins: its first word is capitalised again.
CLAUSE = lazy(r"[:.!?\u2014\u2013]\s*$")


def is_typed_in_capitals(title: str) -> bool:
    """Tell whether a heading has letters, and none of them in lower case."""
    letters = [char for char in title if char.isalpha() and (char.isupper() or char.islower())]
    return len(letters) >= 2 and not any(char.islower() for char in letters)


def title_case(title: str, language: Language | None = None) -> str:
    """Return a heading typed in capitals as a title in its language (English if none); any other heading as it is."""
    if not is_typed_in_capitals(title):
        return title
    language = language or english()
    style = language.title_style
    case = Casing(language.tag or language.code)
    words = list(WORD.finditer(title))
    parts, last = [], 0
    for index, match in enumerate(words):
        before = title[last : match.start()]
        starts = index == 0 or bool(CLAUSE.search(title[: match.start()]))
        ends = index == len(words) - 1
        parts += [before, cased_word(match.group(), style, starts, ends, case)]
        last = match.end()
    return "".join(parts) + title[last:]


@dataclass(frozen=True)
class Casing:
    """A language's case mapping, through ICU: Turkish `İ` lowers to `i` and `i` raises to `İ`, Greek drops accents."""

    language: str

    def lower(self, word: str) -> str:
        """Return a word in lower case, as the language lowers it."""
        import icu

        return str(icu.UnicodeString(word).toLower(icu_locale(self.language)))

    def upper(self, word: str) -> str:
        """Return a word in capitals, as the language raises it."""
        import icu

        return str(icu.UnicodeString(word).toUpper(icu_locale(self.language)))


@cache
def icu_locale(tag: str) -> object:
    """Return ICU's locale of a language tag."""
    import icu

    return icu.Locale.forLanguageTag(tag.replace("_", "-"))


def cased_word(word: str, style: TitleStyle, starts: bool, ends: bool, case: Casing = Casing("en")) -> str:
    """Case one word of a title: a roman numeral in capitals, a small word lower, else its first letter up."""
    if ROMAN.fullmatch(word) and word not in ROMAN_WORDS:
        return word
    lower = case.lower(word)
    if word[0].isdigit():
        return lower  # `3RD` -> `3rd`
    if style.capital_i and lower == "i":
        return "I"
    if starts:
        return capitalised(lower, case)
    if style.each_word:
        small = lower in style.small_words and not (ends and style.last_word_capitalised)
        return lower if small else capitalised(lower, case)
    return lower


def capitalised(word: str, case: Casing = Casing("en")) -> str:
    """Capitalise a word's first letter, and the letter after a one-letter elision (`O'Brien`, `D'Artagnan`)."""
    head = case.upper(word[:1]) + word[1:]
    elided = re.match(r"^(\w)(['\u2019])(\w)", head)
    if elided and len(word) > 3:
        head = head[:2] + case.upper(head[2]) + head[3:]
    return head
