"""Show EPUB chapter pages as a 6-inch e-reader would: its own XHTML and stylesheets on a small screen.

WeasyPrint lays out the EPUB's documents (not the print layout) on a 90 x 122 mm screen with an
e-reader's serif and margins; poppler renders the screens to PNG, side by side on a dark bezel.

Usage: python tools/epub_view.py BOOK.epub OUT.png [--document EPUB/text/chapter-001.xhtml] [--screens 2]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import zipfile
from pathlib import Path

from PIL import Image

# What a reading system adds: its screen, margins and default font.
READER_CSS = """
@page { size: 90mm 122mm; margin: 7mm 6mm 9mm 6mm;
        @bottom-center { content: counter(page); font: 7pt serif; color: #666; } }
html { font-family: "EB Garamond", Georgia, serif; font-size: 10.5pt; }
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("epub")
    parser.add_argument("out")
    parser.add_argument("--document", default="EPUB/text/chapter-001.xhtml")
    parser.add_argument("--screens", type=int, default=2)
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args()
    from weasyprint import CSS, HTML

    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(args.epub) as archive:
            archive.extractall(folder)
        document = Path(folder) / args.document
        HTML(filename=str(document)).write_pdf(f"{folder}/view.pdf", stylesheets=[CSS(string=READER_CSS)])
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-l", str(args.screens), "-png", f"{folder}/view.pdf", f"{folder}/s"],
            check=True,
        )
        screens = [Image.open(path) for path in sorted(Path(folder).glob("s-*.png"))]
        width, height = screens[0].size
        bezel = 28
        sheet = Image.new("RGB", (len(screens) * (width + 2 * bezel) + bezel, height + 2 * bezel), (40, 40, 40))
        for index, screen in enumerate(screens):
            sheet.paste(screen, (bezel + index * (width + 2 * bezel), bezel))
        sheet.save(args.out)


if __name__ == "__main__":
    main()
