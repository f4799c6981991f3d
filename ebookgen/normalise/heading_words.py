"""The words that start a heading line in the languages fan fiction is written in.

``headings`` joins them into its patterns, so a book in any of these languages finds its chapters and
parts (`Kapitel 1`, `Chapitre 1 : La gare`, `Глава 1`, `Teil 2`, `Épilogue`) whatever language is set.
"""

from __future__ import annotations

# A word for chapter, before its number.
CHAPTER_WORDS = (
    "chapter chap\\. ch\\. kapitel kapittel chapitre capítulo capitulo capitolo cap\\. rozdział rozdzial kapitola "
    "hoofdstuk глава розділ פרק الفصل فصل"
).split()
# A word for a part, a book or a volume, before its number.
PART_WORDS = (
    "part book volume vol\\. teil buch band partie livre tome parte libro część czesc księga část díl deel boek "
    "del bok osa часть книга том частина חלק الجزء"
).split()
# A heading that is a named section alone, or before a title.
NAMED_WORDS = (
    "prologue epilogue interlude afterword foreword preface introduction "
    "prolog epilog vorwort nachwort zwischenspiel einleitung "
    "épilogue epilogue préface avant-propos postface interlude "
    "prólogo epílogo prologo epilogo prefacio prefazione introducción introduzione intermedio intermezzo "
    "proloog epiloog voorwoord nawoord "
    "przedmowa posłowie wstęp předmluva doslov "
    "пролог эпилог епілог предисловие послесловие передмова післямова"
).split()


def alternatives(words: list[str]) -> str:
    """Join heading words into one regular-expression alternation, longest first."""
    return "(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + ")"
