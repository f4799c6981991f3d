"""Rules Chinese and Japanese share: the doubled ellipsis and dash, and full-width punctuation after their letters.

Both scripts set an ellipsis and a dash two characters wide (`……`, `——`), each character the width of an
ideograph; the writer's `...` and `--` become them. A comma, colon or question mark typed in ASCII after
an ideograph or kana takes its full-width form in Chinese (`，` `：` `？`), as Chinese IMEs type them.
"""

from __future__ import annotations

from ebookgen.patterns import lazy

SPACELESS_LETTER = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]"
# A dash typed as two or three hyphens, or as one em dash, or already doubled.
TYPED_DASH = lazy(r"-{2,3}|\u2014{1,2}|\u2015{1,2}")
# An ellipsis left single (`...` became `…`); a doubled one stays.
SINGLE_ELLIPSIS = lazy(r"(?<!\u2026)\u2026(?!\u2026)")
FULL_WIDTH = {",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "?": "\uff1f", "!": "\uff01"}
# ASCII punctuation after an ideograph, kana, a full-width mark or a quote closed after one (not `10:30`, `a, b`).
AFTER_SPACELESS = f"(?:(?<={SPACELESS_LETTER})|(?<={SPACELESS_LETTER}[\u201d\u2019*_]))"
ASCII_PUNCTUATION = lazy(f"{AFTER_SPACELESS}([,:;?!])(?![/\\d])")
ASCII_STOPS = lazy(f"{AFTER_SPACELESS}([?!])")
# Straight quotes typed full width (`＂`, `＇`): quotes to curl like the ASCII ones.
FULL_WIDTH_STRAIGHT = lazy("[\uff02\uff07]")


def double_dashes_and_ellipses(text: str) -> str:
    """Set a typed dash or ellipsis two characters wide: `--` -> `——`, `...` -> `……`."""
    if "-" in text or "\u2014" in text or "\u2015" in text:
        text = TYPED_DASH.sub("\u2014\u2014", text)
    return SINGLE_ELLIPSIS.sub("\u2026\u2026", text) if "\u2026" in text else text


def full_width_punctuation(text: str) -> str:
    """Set ASCII commas, colons, semicolons, question and exclamation marks after Chinese text full width."""
    return ASCII_PUNCTUATION.sub(lambda match: FULL_WIDTH[match.group(1)], text)


def full_width_stops(text: str) -> str:
    """Set ASCII question and exclamation marks after Japanese text full width (its commas and stops are typed)."""
    return ASCII_STOPS.sub(lambda match: FULL_WIDTH[match.group(1)], text)


def straighten_full_width_quotes(text: str) -> str:
    """Read full-width straight quotes (`＂`, `＇`) as the quotes they are, for the curler to set."""
    return FULL_WIDTH_STRAIGHT.sub(lambda match: '"' if match.group() == "\uff02" else "'", text)
