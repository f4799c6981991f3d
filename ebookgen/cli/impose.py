"""``ebookgen impose``: a print PDF's pages on sheets to fold into signatures, for binding by hand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, reported, say_notes
from ebookgen.cli.options import (
    MANUSCRIPT_OPTIONS,
    PRINT_OPTIONS,
    manuscript_overrides,
    print_choices,
    taking,
)

if TYPE_CHECKING:
    from ebookgen.build import PrintChoices
    from ebookgen.project.manuscript import Overrides

ImposeSourceArg = Annotated[
    Optional[Path],
    typer.Argument(help="Any PDF, or a manuscript (built as `ebookgen pdf` builds it first); default: manuscript/.",
                   show_default=False),
]  # fmt: skip
ImposeOutOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="The imposed PDF (default: NAME-imposed.pdf beside the PDF).")
]
FoldOpt = Annotated[
    str, typer.Option("--fold", help="folio (4 pages a sheet), quarto (8), octavo (16), sextodecimo (32).")
]
SheetOpt = Annotated[str, typer.Option("--sheet", help="letter, a4, legal, tabloid, a3, or WxH in inches or mm.")]
DuplexOpt = Annotated[
    str, typer.Option("--duplex", help="The edge your printer flips on: long or short (default: the layout's own).")
]
SignatureOpt = Annotated[int, typer.Option("--signature", min=1, help="Sheets folded together in a signature.")]
BalancedOpt = Annotated[
    bool,
    typer.Option("--balanced", help="As many signatures as --signature needs, sizes within one sheet, fewest blanks."),
]
PaperOpt = Annotated[
    float, typer.Option("--paper-thickness", help="The paper's thickness in mm: creep, pages moved toward the spine.")
]
MarksOpt = Annotated[str, typer.Option("--marks", help="Marks to draw, comma-separated: fold, sewing, crop.")]
StationsOpt = Annotated[
    int, typer.Option("--stations", min=1, help="Sewing stations along the spine (--marks sewing).")
]
FlyleavesOpt = Annotated[int, typer.Option("--flyleaves", min=0, help="Blank leaves before and after the book.")]
PerfectOpt = Annotated[bool, typer.Option("--perfect", help="Single leaves to cut and glue (perfect binding).")]
GroupOpt = Annotated[int, typer.Option("--group", min=1, help="Signatures to each of the per-signature files.")]
SkipOpt = Annotated[int, typer.Option("--skip", min=0, help="First pages of the PDF left out (a cover).")]
TestSheetOpt = Annotated[
    bool,
    typer.Option("--test-sheet", help="Impose numbered pages (one signature) to try the printer's edge and the folds."),
]


@taking("printing", PRINT_OPTIONS, print_choices)
@taking("overrides", MANUSCRIPT_OPTIONS, manuscript_overrides)
def impose(
    source: ImposeSourceArg = None,
    output: ImposeOutOpt = None,
    fold: FoldOpt = "folio",
    sheet: SheetOpt = "letter",
    duplex: DuplexOpt = "",
    signature: SignatureOpt = 4,
    balanced: BalancedOpt = False,
    paper_thickness: PaperOpt = 0.0,
    marks: MarksOpt = "",
    stations: StationsOpt = 4,
    flyleaves: FlyleavesOpt = 0,
    perfect: PerfectOpt = False,
    group: GroupOpt = 1,
    skip: SkipOpt = 0,
    test_sheet: TestSheetOpt = False,
    overrides: Overrides = None,
    printing: PrintChoices = None,
) -> None:
    """Impose a print PDF onto sheets that fold into signatures: one PDF in all, and one per signature."""
    with reported():
        from ebookgen.impose.impose import ImposeChoices, impose_source, summary_lines

        choices = ImposeChoices(fold, sheet, duplex, signature, balanced, paper_thickness, marks, stations,
                                flyleaves, perfect, group, skip, test_sheet)  # fmt: skip
        imposed, built = impose_source(source, output, choices, printing, overrides)
        if built is not None:
            say_notes(built.notes)
        say_notes(imposed.notes)
        if not SETTINGS.quiet:
            count = len(imposed.parts)
            parts = f" and {count} file{'s' if count > 1 else ''} in {imposed.parts[0].parent}" if count else ""
            typer.echo(f"wrote {imposed.path}{parts}")
            for line in summary_lines(imposed):
                typer.echo(line)
