"""Every stylesheet of both editions names sides logically, so a right-to-left book lays out as a mirror image."""

from __future__ import annotations

import re
from pathlib import Path

STYLES = Path(__file__).resolve().parent.parent / "styles"
# A physical side in a property or value: margin-left, padding-right, border-left, text-align: left, float: right.
PHYSICAL = re.compile(
    r"(?:margin|padding|border)-(?:left|right)\b|text-align\s*:\s*(?:left|right)\b|float\s*:\s*(?:left|right)\b"
)
# Where a physical side is meant: the page's own margins and margin boxes, and the right-to-left contents number,
# which WeasyPrint cannot float to inline-end (so the rule names the side under [dir="rtl"]).
ALLOWED = (
    re.compile(r"@top-(?:left|right)|@bottom-(?:left|right)"),
    re.compile(r"^\.contents \.toc-link::before \{ float: right;"),
    re.compile(r'^\[dir="rtl"\] \.contents \.toc-link::before \{ float: left; \}'),
)


def stylesheets() -> list[Path]:
    """Return every CSS file the EPUB and the PDF take, themes included."""
    return sorted(STYLES.rglob("*.css"))


def physical_sides(css: Path) -> list[str]:
    """Return the lines of a stylesheet that name a left or right side where a logical one would mirror."""
    found = []
    for number, line in enumerate(css.read_text(encoding="utf-8").splitlines(), 1):
        text = re.sub(r"/\*.*?\*/", "", line).strip()
        if PHYSICAL.search(text) and not any(rule.search(text) for rule in ALLOWED):
            found.append(f"{css.relative_to(STYLES)}:{number}: {text}")
    return found


def test_every_stylesheet_names_sides_logically() -> None:
    """No stylesheet of either edition or any theme sets a physical side for text (margin-left, text-align: left)."""
    sheets = stylesheets()
    assert len(sheets) >= 10, sheets
    offending = [line for css in sheets for line in physical_sides(css)]
    assert offending == [], "\n".join(offending)


def test_the_check_finds_a_physical_side() -> None:
    """The scan is not blind: a margin-left or a text-align: right in a stylesheet is reported."""
    assert PHYSICAL.search(".verse { margin-left: 1.5em; }")
    assert PHYSICAL.search("li { text-align: right; }")
    assert not PHYSICAL.search(".verse { margin-inline-start: 1.5em; text-align: start; }")
