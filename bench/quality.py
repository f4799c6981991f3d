"""Measure how well a PDF is set, as a typographer does (docs/setting.md), with ebookgen.pdf.measure.

Usage: python bench/quality.py BOOK.pdf [--json]     the figures of one book
       python bench/quality.py --table [--work DIR]  build every theme on the three texts and print the table

What it counts (ebookgen/pdf/measure/): loose lines (justified lines whose word space is over twice the body
font's natural space, read from the embedded font), the median word space as a multiple of that space, loose
openers (a chapter's first line, apart), widows, orphans, runts (a paragraph's last line holding one word alone;
hyphenated tails: that word the end of one broken on the line above), short pages (two or more lines short, not a
chapter's last), uneven spreads (two facing text pages ending on different baselines, a chapter's last recto
excepted), capitalised words hyphenated, characters a line, and openers whose text is off the baseline grid.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

from ebookgen.pdf.measure import MeasureError, Quality, measure  # noqa: E402


def report(quality: Quality) -> str:
    """Write one book's figures as lines to read."""
    loose = f"{quality.loose_percent:5.2f}%  ({quality.loose_lines} of {quality.justified_lines})"
    return "\n".join(
        [
            f"pages {quality.pages}, body lines {quality.body_lines}, {quality.font} {quality.body_size} pt,"
            f" natural space {quality.natural_space} pt",
            f"uneven spreads        {quality.uneven_percent:5.2f}%  ({quality.uneven_spreads} of {quality.spreads})"
            f" versos {list(quality.uneven_versos[:10])}",
            f"short pages           {quality.short_pages:5d}   {list(quality.short_page_numbers[:10])}",
            f"widows / orphans      {quality.widows:5d} / {quality.orphans}",
            f"runts                 {quality.runts:5d}   ({quality.hyphenated_tails} hyphenated tails)"
            f" {' | '.join(quality.runt_examples[:4])}",
            f"loose lines           {loose if quality.justified else 'ragged'}",
            f"median word space     {quality.median_space:5.2f}x natural",
            f"loose openers         {quality.loose_openers:5d}   of {quality.openers}",
            f"openers off the grid  {quality.openers_off_grid:5d}   {list(quality.grid_offsets[:6])}",
            f"capitals hyphenated   {quality.capital_hyphens:5d}   {' '.join(quality.capital_examples[:6])}",
            f"characters a line     {quality.characters_per_line:5d}",
            f"hyphenated lines      {quality.hyphenated_percent:5.2f}%",
            *[f"  loose: {example}" for example in quality.loose_examples[:5]],
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Print a PDF's setting figures, or the table of every theme on the three texts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path, nargs="?")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--table", action="store_true", help="build every theme on the three texts; one table")
    parser.add_argument("--work", type=Path, default=Path("dist/quality"), help="where the table's books go")
    arguments = parser.parse_args(argv)
    if arguments.table:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from quality_table import print_table  # bench/quality_table.py, beside this file

        return print_table(arguments.work)
    if arguments.pdf is None:
        parser.error("name a PDF, or --table")
    try:
        quality = measure(arguments.pdf)
    except MeasureError as error:
        print(f"quality: {error}", file=sys.stderr)
        return 1
    print(json.dumps(asdict(quality), indent=1) if arguments.json else report(quality))
    return 0


if __name__ == "__main__":
    sys.exit(main())
