"""English: the typed dialogue's own quotes, Chicago's title case, the furniture words every language falls back to."""

from __future__ import annotations

from ebookgen.languages.records import ENGLISH_QUOTES, HeadingWords, Language, TitleStyle

SMALL_WORDS = "a an the and but or nor for so yet as at by in of off on per to up via vs from into onto with upon"

LANGUAGE = Language(
    code="en",
    name="English",
    quotes=ENGLISH_QUOTES,  # the curler's own marks: double or single outside, as the dialogue is typed
    cldr_quotes=False,
    headings=HeadingWords(
        chapter=("chapter", "chap\\.", "ch\\."),
        part=("part", "book", "volume", "vol\\."),
        named=("prologue", "epilogue", "interlude", "afterword", "foreword", "preface", "introduction"),
    ),
    # Chicago: articles, coordinating conjunctions and short prepositions stay in lower case inside a title.
    title_style=TitleStyle(True, frozenset(SMALL_WORDS.split()), last_word_capitalised=True, capital_i=True),
    hyphenation="en",
)
