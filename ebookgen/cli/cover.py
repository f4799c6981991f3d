"""``ebookgen cover``: a full cover wrap (back, spine, front, with bleed) sized from the interior's page count."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, reported, say_notes
from ebookgen.cli.options import PRINT_OPTIONS, SourceArg, print_choices, taking

if TYPE_CHECKING:
    from ebookgen.build import PrintChoices

CoverOutOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="The cover PDF (default: dist/NAME-cover.pdf).")
]
InteriorOpt = Annotated[
    Optional[Path],
    typer.Option("--interior", help="The interior PDF the cover wraps (default: build it, as `ebookgen pdf` does)."),
]
CoverProfileOpt = Annotated[str, typer.Option("--profile", help="The printer: kdp, ingram or hardcover.")]
PaperOpt = Annotated[str, typer.Option("--paper", help="The interior's paper: white or cream (the spine's width).")]
TemplateOpt = Annotated[
    bool, typer.Option("--template", help="Also write NAME-cover-template.pdf and .png with the safe areas drawn.")
]

# The interior's print options, when the cover builds it: all but --profile, which names the cover's printer.
INTERIOR_OPTIONS = tuple(option for option in PRINT_OPTIONS if option.name != "profile")


def interior_choices(**values: object) -> PrintChoices:
    """Return the interior's print options, its profile left to the cover's."""
    return print_choices(profile=None, **values)


@taking("printing", INTERIOR_OPTIONS, interior_choices)
def cover(
    source: SourceArg = None,
    output: CoverOutOpt = None,
    interior: InteriorOpt = None,
    profile: CoverProfileOpt = "kdp",
    paper: PaperOpt = "white",
    template: TemplateOpt = False,
    printing: PrintChoices = None,
) -> None:
    """Make the cover wrap for print-on-demand: back with the blurb, spine, front, sized from the interior."""
    with reported():
        from ebookgen.cover.make import CoverChoices, make_cover

        result = make_cover(source, output, CoverChoices(interior, profile, paper, template, printing))
        say_notes(result.notes)
        if not SETTINGS.quiet:
            wrap = result.wrap
            spine = "with spine text" if wrap.spine_text else "no spine text"
            typer.echo(f"wrote {result.path} ({wrap.label}: {wrap.pages} pages on {wrap.paper}, "
                       f"spine {wrap.spine:.3f} in, {spine})")  # fmt: skip
            for path in result.template:
                typer.echo(f"wrote {path}")
