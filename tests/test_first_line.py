"""A chapter's first line in small capitals once: not again at the top of the page its paragraph runs on to."""

from __future__ import annotations

import pytest

from ebookgen.pdf.weasy import lay_out

pytest.importorskip("weasyprint")
PAGE = "@page { size: 300px 300px; margin: 20px }"


def first_line_pages(html: str) -> list[int]:
    """Return the pages (1-based) holding a ::first-line box."""
    document = lay_out(html, PAGE)
    found = []
    for number, page in enumerate(document.pages, start=1):
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            if (getattr(box, "element_tag", None) or "").endswith("::first-line"):
                found.append(number)
                break
            stack.extend(getattr(box, "children", ()))
    return found


def test_a_paragraph_over_the_page_turn_keeps_its_small_capitals_on_its_first_line_only() -> None:
    words = " ".join(["word"] * 500)
    html = f"<style>p::first-line {{ font-variant: small-caps }}</style><p>{words}</p>"
    pages = first_line_pages(html)
    assert pages == [1]  # WeasyPrint alone styles the first line of every page the paragraph reaches


def test_a_second_paragraph_starting_on_the_next_page_keeps_its_own_first_line() -> None:
    words = " ".join(["word"] * 500)
    html = f"<style>p::first-line {{ font-variant: small-caps }}</style><p>{words}</p><p>{words}</p>"
    pages = first_line_pages(html)
    assert pages[0] == 1 and len(pages) == 2 and pages[1] > 2
