"""Render PDF pages to PNG and tile them into one contact sheet, to look at a book as a reader would.

Usage: python tools/montage.py BOOK.pdf OUT.png [--first N] [--count N] [--dpi N]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from PIL import Image


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("out")
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--count", type=int, default=8)
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--columns", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        last = args.first + args.count - 1
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-f", str(args.first), "-l", str(last), "-png", args.pdf, f"{folder}/p"],
            check=True,
        )
        pages = [Image.open(path) for path in sorted(Path(folder).glob("p-*.png"))]
        width, height = pages[0].size
        rows = (len(pages) + args.columns - 1) // args.columns
        sheet = Image.new("RGB", (args.columns * (width + 10) + 10, rows * (height + 10) + 10), (128, 128, 128))
        for index, page in enumerate(pages):
            x, y = index % args.columns, index // args.columns
            sheet.paste(page, (10 + x * (width + 10), 10 + y * (height + 10)))
        sheet.save(args.out)


if __name__ == "__main__":
    main()
