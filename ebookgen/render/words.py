"""The words ebookgen prints itself, in the book's language: contents, chapter, cover, landmarks, copyright page.

Each language's words are in its file under ``ebookgen/languages/`` (a ``BookWords`` record); a
language with no file, or a word its file leaves out, is printed in English. Formats take
``{number}``, ``{author}``, ``{publisher}`` or ``{face}``.
"""

from __future__ import annotations

from ebookgen.languages import BookWords, language_for

__all__ = ["ENGLISH", "BookWords", "words_for"]

ENGLISH = BookWords()


def words_for(language: str) -> BookWords:
    """Return the words of a language tag (`de`, `pt-BR`, `zh-Hant`), English where the language has no file."""
    return language_for(language).words
