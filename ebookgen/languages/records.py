"""The records a language file fills in: its quotation marks, its words for the book's furniture, its heading
words, how it cases a title, and the one `Language` that holds them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Rule = Callable[[str], str]


@dataclass(frozen=True)
class QuoteMarks:
    """The marks a language sets quotes with: outer and inner, each an opening and a closing mark.

    ``by_depth`` is false for English, whose outer mark follows what was typed (double, or single for
    British dialogue); true elsewhere, where the outer quote always takes the language's primary marks.
    """

    outer: tuple[str, str] = ("\u201c", "\u201d")
    inner: tuple[str, str] = ("\u2018", "\u2019")
    by_depth: bool = False


ENGLISH_QUOTES = QuoteMarks()


@dataclass(frozen=True)
class BookWords:
    """What a book's own pages say in one language: contents, chapter, cover, landmarks, copyright page.

    Formats take ``{number}``, ``{series}``, ``{year}``, ``{author}``, ``{publisher}`` or ``{face}``; a field a
    language leaves out is printed in English.
    """

    contents: str = "Contents"
    chapter: str = "Chapter {number}"
    cover: str = "Cover"
    title_page: str = "Title Page"
    start_of_text: str = "Start of Text"
    landmarks: str = "Landmarks"
    dedication: str = "Dedication"
    epigraph: str = "Epigraph"
    rights: str = "All rights reserved."
    published_by: str = "Published by {publisher}"
    set_in: str = "Set in {face}."
    by_author: str = "by {author}"
    scene_break: str = "Scene break"
    pages: str = "Pages"  # the title of the e-book's list of the print edition's pages
    afterword: str = "Afterword"
    acknowledgements: str = "Acknowledgements"
    about_the_author: str = "About the Author"
    also_by: str = "Also by {author}"
    newsletter: str = "Newsletter"
    series_book: str = "{series}, Book {number}"  # the title page's series line
    copyright: str = "Copyright"  # the copyright page's title
    copyright_line: str = "Copyright © {year} {author}."  # other languages print the sign alone: `© 2026 Ana.`
    # The editions the copyright page lists by their ISBNs (bind29's editions); English where a language has none.
    editions: tuple[tuple[str, str], ...] = (("ebook", "ebook"), ("paperback", "paperback"), ("hardcover", "hardcover"))
    also_available: str = "Also available: {editions}"


@dataclass(frozen=True)
class HeadingWords:
    """The words that start a heading line in a language, as regular-expression fragments (`chap\\.`).

    Every language's words are joined into the heading patterns, so a chapter is found whatever
    language the book is set in.
    """

    chapter: tuple[str, ...] = ()  # a word for chapter, before its number
    part: tuple[str, ...] = ()  # a word for a part, a book or a volume, before its number
    named: tuple[str, ...] = ()  # a named section alone, or before a title: prologue, epilogue
    numbers: tuple[str, ...] = ()  # number words and ordinals after a heading word: `первая`, `الأول`, `一二三`
    # A whole chapter or part heading where the number is not simply after the word, `{number}` where it stands:
    # `{number}. fejezet`, `第{number}章`, `제{number}장`.
    chapter_forms: tuple[str, ...] = ()
    part_forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class TitleStyle:
    """How a language cases a heading typed in capitals.

    English and German capitalise each word but their small ones; every other language, as its own
    style books do, only the first word and the first after a colon.
    """

    each_word: bool = False
    small_words: frozenset[str] = frozenset()
    last_word_capitalised: bool = False  # English: a small word that ends the title is capitalised
    capital_i: bool = False  # English's pronoun `I`


@dataclass(frozen=True)
class Dashes:
    """How a language sets its dashes: inside a sentence, and opening a line of dialogue.

    English and Spanish close an em dash up to the words; Nordic, German, Dutch, Czech, Hungarian and
    French set a spaced en dash; Russian, Ukrainian and Portuguese a spaced em dash. ``dialogue`` is
    what a line of speech typed with a hyphen (`- Hei`, `-- Olá`) opens with: `— ` or `– ` spaced,
    empty where writers open speech with quotes. A range (`1914-1918`) takes an en dash everywhere.
    """

    sentence: str = "\u2014"
    spaced: bool = False
    dialogue: str = ""


SPACED_EN = Dashes("\u2013", True)
SPACED_EM = Dashes("\u2014", True)


@dataclass(frozen=True)
class Language:
    """Everything ebookgen knows of one language, from its file under ``ebookgen/languages/``.

    ``quotes`` in a language file overrides CLDR's marks for the bare tag (``cldr_quotes`` false: for
    every tag of the language); in what ``language_for`` returns it is the marks the book sets.
    ``hyphenation`` is the Pyphen dictionary the print edition hyphenates with (WeasyPrint picks it
    from the document's ``lang``).
    """

    code: str
    name: str
    quotes: QuoteMarks | None = None
    cldr_quotes: bool = True
    words: BookWords = BookWords()
    headings: HeadingWords = HeadingWords()
    title_style: TitleStyle = TitleStyle()
    dashes: Dashes = Dashes()
    dash_rule: Rule | None = None  # the language's own rule for typed dashes (Spanish rayas), in place of ``dashes``
    spacing_rule: Rule | None = None  # its spacing, run once quotes are curled (French)
    apostrophe_rule: Rule | None = None  # its marks typed as quotes that are not quotes (Hebrew geresh), run before
    hyphenation: str = ""
    right_to_left: bool = False
    joins_letters: bool = False  # written in a script whose letters join (Arabic's): no initial, no tracking
    aliases: tuple[str, ...] = field(default=())  # other tags this file stands for: `no` and `nn` for `nb`
    tag: str = ""  # in what ``language_for`` returns: the tag it was asked for (`de-AT`), as the book declares it
