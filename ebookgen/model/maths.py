"""A formula carried through the text rules as a word: its record written as a key of hexadecimal digits.

A structured paragraph's runs go through the readers' space tidying and the normaliser's typography as
one string (``readers/runs.py``, ``normalise/runs.py``); a formula goes as a key between two marks, a
run of digits and the letters a-f that no typography rule changes, and is rebuilt from it after. A
Markdown file's TeX formula (`$x^2$`) rides in its raw text the same way, between two ``FORMULA`` marks.
"""

from __future__ import annotations

from ebookgen.model.book import Formula, Inline, Text
from ebookgen.patterns import lazy

FORMULA = "\ufddd"  # a noncharacter, which no text carries: a formula's key stands between two
MARKED = lazy(f"{FORMULA}([0-9a-f]+){FORMULA}")


def formula_key(formula: Formula) -> str:
    """Write a formula as a key: its fields as JSON, UTF-8, in hexadecimal."""
    import json  # a book with formulas only

    return json.dumps([formula.mathml, formula.alt, formula.display]).encode("utf-8").hex()


def formula_of(key: str) -> Formula:
    """Rebuild a formula from its key."""
    import json

    mathml, alt, display = json.loads(bytes.fromhex(key).decode("utf-8"))
    return Formula(mathml, alt, bool(display))


def formula_mark(formula: Formula) -> str:
    """Write a formula into a raw text: its key between two marks."""
    return f"{FORMULA}{formula_key(formula)}{FORMULA}"


def with_formulas(runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Rebuild the formulas a raw text's runs carry as marked keys (a Markdown file's TeX)."""
    out: list[Inline] = []
    for run in runs:
        if type(run) is Text and FORMULA in run.text:
            parts = MARKED.split(run.text)
            out += [formula_of(part) if index % 2 else Text(part) for index, part in enumerate(parts) if part]
        elif hasattr(run, "children") and not isinstance(run, Text):
            out.append(type(run)(with_formulas(run.children)))
        else:
            out.append(run)
    return tuple(out)


def formulas_as_alt(text: str, dollars: bool = True) -> str:
    """Return a raw text with each marked formula written as its alt text (`$x^2$`, or bare for a title)."""
    if FORMULA not in text:
        return text
    return MARKED.sub(lambda found: formula_of(found[1]).alt.join("$$" if dollars else ("", "")), text)
