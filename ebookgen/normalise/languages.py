"""Typography rules one language has and CLDR's data does not say: French spacing, Spanish dialogue dashes.

The rules live in their language's file (``ebookgen/languages/fr.py``, ``es.py``); each takes a
paragraph's text and returns it, like the rules of ``typography``. French spacing runs after the
quotes are curled (it spaces the guillemets); a language's dashes are chosen by
``typography.language_dash_rule`` (its own rule, its ``Dashes`` record through ``dashes.set_dashes``,
or English's closed em dash).
"""

from __future__ import annotations

from ebookgen.languages import Rule, language_for
from ebookgen.languages.es import make_rayas
from ebookgen.languages.fr import NARROW_NBSP, NBSP, space_french_punctuation

__all__ = ["NARROW_NBSP", "NBSP", "Rule", "make_rayas", "space_french_punctuation", "spacing_rule"]


def spacing_rule(language: str) -> Rule | None:
    """Return the language's spacing rule for punctuation, run once quotes are curled, or None."""
    return language_for(language).spacing_rule
