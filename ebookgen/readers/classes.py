"""Carry a page's class styles into the elements: Google Docs' and Calibre's italics live in CSS classes.

Google Docs' HTML export sets emphasis as ``<span class="c3">`` with ``.c3{font-style:italic}`` in its
``<style>``; Calibre's EPUBs do the same in their stylesheet. The declarations the mapper reads (italic,
bold, centred, a page break before) are copied onto each element's ``style``, so one rule reads them all.
"""

from __future__ import annotations

import re

from ebookgen.patterns import lazy

# A rule; it starts only after a brace (or at the start), so a stylesheet with no brace costs one scan, not one
# scan from every character (a 100 KB `<style>` without braces took 110 s).
RULE = lazy(r"(?<![^{}])([^{}]+)\{([^{}]*)\}")
# A selector naming one class, alone or on a tag: `.c3`, `span.italic`.
CLASS_SELECTOR = lazy(r"^[a-z0-9]*\.([\w-]+)$", re.I)
# The declarations the mapper reads; every other one stays in the stylesheet.
READ = lazy(
    r"(?:font-style\s*:\s*(?:italic|oblique)|font-weight\s*:\s*(?:bold|bolder|[6-9]00)|text-align\s*:\s*center"
    r"|(?:page-)?break-before\s*:\s*(?:always|page|left|right))",
    re.I,
)


def class_styles(css: str) -> dict[str, str]:
    """Return, for each class a stylesheet styles on its own, the declarations of it the mapper reads."""
    found: dict[str, str] = {}
    for selectors, declarations in RULE.findall(without_comments(css)):
        kept = "; ".join(match.group() for match in READ.finditer(declarations))
        if not kept:
            continue
        for selector in selectors.split(","):
            named = CLASS_SELECTOR.match(selector.strip())
            if named:
                found[named.group(1)] = f"{found[named.group(1)]}; {kept}" if named.group(1) in found else kept
    return found


def without_comments(css: str) -> str:
    """Drop the stylesheet's comments, in one pass (one left open, and all after it, stays as it is)."""
    kept, start = [], 0
    while (opening := css.find("/*", start)) >= 0:
        closing = css.find("*/", opening + 2)
        if closing < 0:
            break
        kept.append(css[start:opening])
        start = closing + 2
    kept.append(css[start:])
    return "".join(kept)


def with_class_styles(root, css: str = "") -> None:
    """Copy the styles of each element's classes (from css and the page's own `<style>`) onto its style."""
    sheets = css + "\n".join(style.text or "" for style in root.iter("style"))
    styles = class_styles(sheets)
    if not styles:
        return
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        extra = "; ".join(styles[name] for name in (element.get("class") or "").split() if name in styles)
        if extra:
            element.set("style", f"{extra}; {element.get('style') or ''}".strip("; "))
