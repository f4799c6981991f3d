"""Tell a line of speech opened with a dash from a marker line decorated with dashes, and a marker's words.

Writers of many languages open speech with a dash (`-- Olá...`, `- Du er sen`); fan writers frame a point of
view's name with dashes or tildes (`--Rory--`, `~*~Kyle~*~`). A line is a marker only when it is neither.
"""

from __future__ import annotations

from ebookgen.patterns import lazy

# A short line decorated like a marker but holding words it does not know (`~*~Rory~*~`, `<<Kyle>>`).
MARKER_LIKE = lazy(r"^[*~=#+<>\-_.\s]{2,}\S.{0,30}?[*~=#+<>\-_.\s]{2,}$")
MARKER_DECORATION = "*~=#+<>-_. \t"
# A line of speech opened with a dash (`-- Olá...`, `- Du er sen`), not one framed by dashes (`--Rory--`).
SPEECH_LINE = lazy(r"^(?:-{1,3}|[\u2013\u2014])[ \t]*[^\W\d_](?!.*[-\u2013\u2014]\s*$)")
EMPHASIS_ONLY = lazy(r"^(\*{1,2}|_{1,2})[^*_]+\1$")
# In a language whose speech opens with a dash, a line framed by dashes whose words end a sentence is speech
# (`-- Não! --`, `--Eu sei...--`), not a marker (`--Rory--`): set as one, it lost its dashes and ellipsis.
FRAMED_SPEECH = lazy(
    r"^(?:-{1,3}|[\u2013\u2014])[ \t]*[\u00a1\u00bf\u00ab\"'\u201c\u201e]?[^\W\d_]"  # a dash, a word (¡ ¿ « " first)
    r".*?[.!?,;:\u2026\u00bb\"'\u201d][ \t]*(?:-{1,3}|[\u2013\u2014])$"  # ...that ends a sentence, and a dash
)


def is_unknown_marker(text: str, speech_dashes: bool = False) -> bool:
    """Tell a short line decorated like a marker, not emphasis alone nor a line of speech."""
    return bool(MARKER_LIKE.match(text)) and not EMPHASIS_ONLY.match(text) and not is_speech(text, speech_dashes)


def marker_words(text: str) -> str:
    """Return a marker line's words without its decoration, a trailing ellipsis kept (`-- Later... --`)."""
    words = text.strip(MARKER_DECORATION.replace(".", ""))
    return words.strip(MARKER_DECORATION) if words.startswith(".") else words


def is_speech(text: str, speech_dashes: bool = False) -> bool:
    """Tell a line of speech opened with a dash (framed by dashes too, where the language opens speech so)."""
    return bool(SPEECH_LINE.match(text) or (speech_dashes and FRAMED_SPEECH.match(text)))
