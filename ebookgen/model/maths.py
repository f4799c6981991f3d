"""A formula carried through the text rules as a word: its record written as a key of hexadecimal digits.

A structured paragraph's runs go through the readers' space tidying and the normaliser's typography as
one string (``readers/runs.py``, ``normalise/runs.py``); a formula goes as a key between two marks, a
run of digits and the letters a-f that no typography rule changes, and is rebuilt from it after.
"""

from __future__ import annotations

import json

from ebookgen.model.book import Formula


def formula_key(formula: Formula) -> str:
    """Write a formula as a key: its fields as JSON, UTF-8, in hexadecimal."""
    return json.dumps([formula.mathml, formula.alt, formula.display]).encode("utf-8").hex()


def formula_of(key: str) -> Formula:
    """Rebuild a formula from its key."""
    mathml, alt, display = json.loads(bytes.fromhex(key).decode("utf-8"))
    return Formula(mathml, alt, bool(display))
