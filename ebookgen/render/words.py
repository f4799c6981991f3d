"""The words ebookgen prints itself, in the book's language: contents, chapter, cover, landmarks, copyright page.

Each language's words are in its file under ``ebookgen/languages/`` (a ``BookWords`` record); a
language with no file, or a word its file leaves out, is printed in English. Formats take
``{number}``, ``{author}``, ``{publisher}`` or ``{face}``. A stage takes the book's words from its
settled ``Language`` record (``language.words``), never from its tag.
"""

from __future__ import annotations

from ebookgen.languages import BookWords

__all__ = ["ENGLISH", "BookWords"]

ENGLISH = BookWords()
