"""A numbered test document: each page's number large at its middle, "head" at its top, the spine side marked.

Printed and folded before the book, its imposition shows whether the printer turns the sheets on the edge
the layout needs: every page reads upright, numbers in order, each spine mark at the fold.
"""

from __future__ import annotations

from pathlib import Path

NUMBER_SIZE = 48
NUMBER_OFFSET = (-20.0, 0.0)  # the number's origin from the page's centre, in points


def numbered_pdf(target: Path, count: int, size: tuple[float, float] = (396.0, 612.0)) -> Path:
    """Write a PDF of ``count`` pages of that size, each carrying its number; return its path."""
    import pikepdf

    width, height = size
    with pikepdf.new() as pdf:
        font = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
        )
        for number in range(1, count + 1):
            page = pdf.add_blank_page(page_size=size)
            page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
            page.obj.Contents = pdf.make_stream(page_content(number, width, height).encode("ascii"))
        pdf.save(target, deterministic_id=True)
    return target


def page_content(number: int, width: float, height: float) -> str:
    """Return one numbered page's content: the number, the head's word, a bar on the spine side."""
    x, y = width / 2 + NUMBER_OFFSET[0], height / 2 + NUMBER_OFFSET[1]
    spine = 0 if number % 2 else width - 6  # a recto's spine is its left edge
    return (
        f"BT /F1 {NUMBER_SIZE} Tf {x:.2f} {y:.2f} Td ({number}) Tj ET\n"
        f"BT /F1 10 Tf {width / 2 - 12:.2f} {height - 24:.2f} Td (head) Tj ET\n"
        f"0.6 g {spine:.2f} 0 6 {height:.2f} re f\n"
    )
