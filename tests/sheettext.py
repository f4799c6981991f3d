"""Read an imposed PDF's sheets back: each page number printed on a side, where it stands and which way up.

The numbers come from a numbered test document (``ebookgen.impose.numbered``); pdfium reads the text
through the form XObjects, so what is read is what a printer would print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Printed:
    """One page number on a side of a sheet: its origin in points, and whether it reads upside down."""

    number: int
    x: float
    y: float
    upside_down: bool


def printed_numbers(path: Path) -> list[list[Printed]]:
    """Return, for every page of the PDF (a side of a sheet), the page numbers printed on it."""
    import pypdfium2
    import pypdfium2.raw as raw

    sides = []
    document = pypdfium2.PdfDocument(str(path))
    try:
        for page in document:
            text = page.get_textpage()
            found, digits, first = [], "", None
            for index in range(text.count_chars()):
                char = chr(raw.FPDFText_GetUnicode(text.raw, index))
                if char.isdigit():
                    if not digits:
                        x, y = raw.c_double(), raw.c_double()
                        raw.FPDFText_GetCharOrigin(text.raw, index, x, y)
                        angle = raw.FPDFText_GetCharAngle(text.raw, index)
                        first = (x.value, y.value, abs(angle - math.pi) < 0.1)
                    digits += char
                elif digits:
                    found.append(Printed(int(digits), *first))
                    digits = ""
            if digits:
                found.append(Printed(int(digits), *first))
            sides.append(found)
    finally:
        document.close()
    return sides


def grid(side: list[Printed], columns: int, rows: int, width: float, height: float) -> list[list[str]]:
    """Return a side's numbers as a grid, top row first: "5v" for upside down, "." for an empty cell."""
    cells = [["." for _ in range(columns)] for _ in range(rows)]
    for printed in side:
        # A number upside down reads from its origin leftwards and downwards: step back into its own cell.
        x = printed.x - 1 if printed.upside_down else printed.x + 1
        y = printed.y - 1 if printed.upside_down else printed.y + 1
        column, row = int(x // (width / columns)), int(y // (height / rows))
        cells[rows - 1 - row][column] = f"{printed.number}{'v' if printed.upside_down else ''}"
    return cells
