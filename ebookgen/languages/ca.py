"""Catalan: CLDR's quotes and the Spanish dialogue dashes (rayas); furniture words in English."""

from __future__ import annotations

from ebookgen.languages.es import make_rayas
from ebookgen.languages.records import Language

LANGUAGE = Language(
    code="ca",
    name="Catalan",
    dash_rule=make_rayas,
    hyphenation="ca",
)
