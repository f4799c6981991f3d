"""Typography rules one language has and CLDR's data does not say: French spacing, Spanish dialogue dashes.

Each rule takes a paragraph's text and returns it, like the rules of ``typography``. French spacing runs
after the quotes are curled (it spaces the guillemets); the raya replaces the English dash rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ebookgen.normalise.quotes import base_language

Rule = Callable[[str], str]

NARROW_NBSP, NBSP = "\u202f", "\u00a0"

# A space, or none, after a word or a closing mark, before `;`, `!` or `?` (not `?!`'s second mark).
BEFORE_TALL_MARK = re.compile(r"(?<=[^\s;:!?\u00a0\u202f(\[«])[ \t]*(?=[;!?])")
# Before a colon, only where it ends a clause: after a word or mark, before a space or the end (not 10:30, http://).
BEFORE_COLON = re.compile(r"(?<=[^\s:\d\u00a0\u202f(\[«])[ \t]*:(?=\s|$)")
AFTER_OPENING_GUILLEMET = re.compile(r"«[ \t]*(?=[^\s\u00a0\u202f])")
BEFORE_CLOSING_GUILLEMET = re.compile(r"(?<=[^\s\u00a0\u202f])[ \t]*»")


def space_french_punctuation(text: str) -> str:
    """Set French spacing: a narrow no-break space inside guillemets and before ; ! ?, a no-break space before :.

    Spaces the author typed (a space, U+00A0, U+202F) are kept or turned no-break, never doubled.
    The colon takes the full-width no-break space of the Imprimerie nationale's rules (and of
    LaTeX's babel-french); the others take the narrow one (fine space).
    """
    if not any(mark in text for mark in ";:!?«»"):
        return text  # most paragraphs: no rule below can match
    text = AFTER_OPENING_GUILLEMET.sub("«" + NARROW_NBSP, text)
    text = BEFORE_CLOSING_GUILLEMET.sub(NARROW_NBSP + "»", text)
    text = BEFORE_TALL_MARK.sub(NARROW_NBSP, text)
    return BEFORE_COLON.sub(NBSP + ":", text)


NAME_DASH = re.compile(r"-{4,}")
OPENING_RAYA = re.compile(r"(?:^|(?<=\s))-{2,3}[ \t]*(?=\S)")
CLOSING_RAYA = re.compile(r"[ \t]*-{2,3}")


def make_rayas(text: str) -> str:
    """Set Spanish dialogue dashes: `--Hola --dijo ella--.` becomes `—Hola —dijo ella—.`.

    A raya that opens speech or an aside keeps the space before it and joins the word after it;
    one that closes an aside joins the word before it (RAE, Ortografía 2010, 3.4.5.1).
    """
    if "--" not in text:
        return text
    # Four or more hyphens stand for a name left out: a two-em dash.
    text = NAME_DASH.sub("\u2e3a", text)
    text = OPENING_RAYA.sub("\u2014", text)
    return CLOSING_RAYA.sub("\u2014", text)


def dash_rule(language: str) -> Rule | None:
    """Return the language's own rule for typed dashes, or None where the English one holds."""
    return make_rayas if base_language(language) in ("es", "ca", "gl") else None


def spacing_rule(language: str) -> Rule | None:
    """Return the language's spacing rule for punctuation, run once quotes are curled, or None."""
    return space_french_punctuation if base_language(language) == "fr" else None
