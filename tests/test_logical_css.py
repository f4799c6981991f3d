"""Logical sides in the shared stylesheets: a right-to-left book sets verse, lists and chat logs as mirror images.

Laid out by WeasyPrint (the print edition's engine) from base.css alone, once left to right and once right to
left: the indent that stands on the left of an English page stands on the right of a Hebrew one.
"""

from __future__ import annotations

import re

import pytest

from ebookgen.resources import stylesheet

BODY = (
    '<div class="verse"><span class="line">{text}</span></div>'
    "<ul><li>{text}</li></ul>"
    '<div class="chat-log"><p class="chat-line"><span class="sender">A</span> {text}</p></div>'
)


def boxes_by_class(direction: str, text: str) -> dict[str, object]:
    """Lay out the sample in one direction and return the first box of each class and tag, by name."""
    from weasyprint import HTML

    page = "@page { size: 400px 600px; margin: 0 } body { margin: 0; font-size: 10px }"
    html = (
        f'<html dir="{direction}"><head><style>{page}{stylesheet("base.css")}</style></head>'
        f"<body>{BODY.format(text=text)}</body></html>"
    )
    found: dict[str, object] = {}
    stack = [HTML(string=html).render().pages[0]._page_box]
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        if element is not None and getattr(box, "element_tag", "") in ("div", "span", "ul", "p"):
            for name in (element.get("class") or "").split() + [box.element_tag]:
                found.setdefault(name, box)
        stack.extend(reversed(getattr(box, "children", [])))
    return found


@pytest.mark.parametrize("name", ["verse", "chat-log", "ul"])
def test_a_blocks_indent_stands_at_the_start_of_its_lines(name: str) -> None:
    left = boxes_by_class("ltr", "Words of a line")[name]
    right = boxes_by_class("rtl", "מילים של שורה")[name]
    assert left.margin_left > 0 and left.margin_right == 0
    assert right.margin_right == left.margin_left and right.margin_left == 0


@pytest.mark.parametrize("name", ["line", "chat-line"])
def test_a_hanging_line_hangs_inside_its_box_on_the_start_side(name: str) -> None:
    left = boxes_by_class("ltr", "Words of a line")[name]
    right = boxes_by_class("rtl", "מילים של שורה")[name]
    assert left.padding_left > 0 and left.padding_right == 0
    assert right.padding_right == left.padding_left and right.padding_left == 0


def test_no_shared_stylesheet_names_a_physical_side_for_text() -> None:
    physical = re.compile(r"(?:margin|padding)-(?:left|right)\s*:|text-align:\s*(?:left|right)")
    for name in ("base.css", "epub.css"):
        assert not physical.search(stylesheet(name)), name


def contents_boxes(direction: str, title: str) -> dict[str, tuple[float, float]]:
    """Lay out a one-entry contents page by print.css's contents rules and return the title's and number's spans."""
    from weasyprint import HTML

    rules = "\n".join(
        line for line in stylesheet("print.css").splitlines() if re.match(r'(\[dir="rtl"\] )?\.contents ', line)
    )
    page = "@page { size: 300px 400px; margin: 20px } body { margin: 0; font-size: 10px }"
    entry = f'<a class="toc-link" href="#x" data-page="7"><span class="toc-title">{title}</span></a>'
    html = (
        f'<html dir="{direction}"><head><style>{page}{rules}</style></head><body>'
        f'<nav class="contents"><ol><li class="toc-chapter">{entry}</li></ol></nav><p id="x">x</p></body></html>'
    )
    spans: dict[str, tuple[float, float]] = {}
    stack = [HTML(string=html).render().pages[0]._page_box]
    while stack:
        box = stack.pop()
        if getattr(box, "text", None):
            spans.setdefault("number" if box.text == "7" else "title", (box.position_x, box.position_x + box.width))
        stack.extend(reversed(getattr(box, "children", [])))
    return spans


def test_the_contents_page_numbers_stand_at_the_margin_in_either_direction() -> None:
    left = contents_boxes("ltr", "Chapter one")
    right = contents_boxes("rtl", "פרק ראשון")
    assert left["title"][0] == 20 and left["number"][1] == 280  # title flush left, number at the right margin
    assert right["title"][1] == 280 and right["number"][0] == 20  # the mirror image
