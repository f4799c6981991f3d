"""``impose``: a print PDF's pages on sheets, one PDF of every sheet and one for each signature (or group).

Each sheet is two pages of the output, its front then its back, for a duplex printer turning sheets on the
edge the summary names. The source is any PDF (its TrimBox, else its MediaBox, is the page); the first pages
can be left out (a cover kept out of the signatures).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.errors import ConfigError, InputError
from ebookgen.impose.layouts import Fold, fold_named
from ebookgen.impose.plan import Binding, Plan, plan_signatures, stacking_order
from ebookgen.impose.sheets import SheetStyle, add_sheet, copy_forms, parse_marks, sheet_size
from ebookgen.output import atomic_path, disk_errors_named

if TYPE_CHECKING:
    from ebookgen.build import PrintChoices
    from ebookgen.project.manuscript import Overrides

DUPLEX_EDGES = ("long", "short")


@dataclass(frozen=True)
class ImposeChoices:
    """What the binder asks for, as given on the command line."""

    fold: str = "folio"
    sheet: str = "letter"
    duplex: str = ""  # the edge the printer turns sheets on; "" for the layout's own
    signature: int = 4  # sheets folded together
    balanced: bool = False
    paper_mm: float = 0.0
    marks: str = ""  # comma list: fold, sewing, crop
    stations: int = 4
    flyleaves: int = 0
    perfect: bool = False
    group: int = 1  # signatures to a file
    skip: int = 0  # first pages of the source left out (a cover)
    test_sheet: bool = False  # a numbered document of one signature instead of the source


@dataclass(frozen=True)
class Imposed:
    """What ``impose`` wrote, and what the binder needs to know to print and fold it."""

    path: Path
    parts: tuple[Path, ...]  # one PDF per signature or group of signatures
    plan: Plan
    fold: Fold
    duplex: str
    sheet: str
    folding: str
    stacking: str
    notes: tuple[str, ...] = ()


def binding_for(choices: ImposeChoices) -> Binding:
    """Check the choices and return the binding they ask for."""
    if choices.duplex and choices.duplex not in DUPLEX_EDGES:
        raise ConfigError(f"--duplex {choices.duplex!r} is not one of {', '.join(DUPLEX_EDGES)}")
    if choices.paper_mm < 0 or choices.paper_mm > 1:
        raise ConfigError(
            f"--paper-thickness {choices.paper_mm} mm: give the paper's thickness, 0 to 1 mm (0.1 is usual)"
        )
    if min(choices.flyleaves, choices.skip, choices.stations) < 0 or choices.group < 1:
        raise ConfigError("--flyleaves, --skip and --stations take 0 or more, --group 1 or more")
    fold = fold_named(choices.fold)
    return Binding(fold, choices.signature, choices.balanced, choices.paper_mm, choices.flyleaves, choices.perfect)


def open_source(path: Path):
    """Open the source PDF, or fail in one line saying why it cannot be imposed."""
    import pikepdf

    try:
        return pikepdf.open(path)
    except pikepdf.PasswordError:
        raise InputError(f"{path}: the PDF is encrypted; impose an unprotected copy") from None
    except (pikepdf.PdfError, OSError) as error:
        raise InputError(f"{path}: not a PDF that can be read ({str(error).splitlines()[0]})") from None


def impose(source: Path, target: Path, choices: ImposeChoices = ImposeChoices(), split: bool = True) -> Imposed:
    """Impose a PDF's pages onto sheets; write the whole and (``split``) each signature; return what was written."""
    binding = binding_for(choices)
    fold = binding.fold
    width, height = sheet_size(choices.sheet, fold)
    style = SheetStyle(width, height, parse_marks(choices.marks), choices.stations, choices.duplex, binding.perfect)
    with open_source(source) as pdf:
        pages = list(range(choices.skip, len(pdf.pages)))
        if not pages:
            raise InputError(f"{source}: no pages left to impose after skipping {choices.skip}")
        plan = plan_signatures(len(pages), binding)
        sizes = {index: tuple(float(v) for v in pdf.pages[choices.skip + index].trimbox) for index in range(len(pages))}
        groups = _groups(plan, choices.group) if split and not binding.perfect else []
        parts = _part_paths(target, groups)
        with disk_errors_named(target):
            _write((pdf, choices.skip), plan.sheets, target, fold, style, sizes)
            for part, sheets in zip(parts, groups, strict=True):
                _write((pdf, choices.skip), sheets, part, fold, style, sizes)
    if split:
        _clear_stale_parts(target, parts)
    notes = _size_notes(sizes, fold, style)
    duplex = choices.duplex or fold.natural_duplex
    return Imposed(target, tuple(parts), plan, fold, duplex, choices.sheet, fold.instructions,
                   stacking_order(plan, binding), notes)  # fmt: skip


def _write(source: tuple, sheets, target: Path, fold: Fold, style: SheetStyle, sizes: dict) -> None:
    """Write the sheets as one PDF, atomically; ``source`` is the source PDF and the pages skipped at its start."""
    import pikepdf

    used = {p.page for sheet in sheets for p in sheet.placements if p.page is not None}
    with pikepdf.new() as pdf, atomic_path(target) as temporary:
        forms = copy_forms(pdf, *source, used)
        for sheet in sheets:
            add_sheet(pdf, sheet, fold, style, forms, sizes)
        pdf.save(temporary, deterministic_id=True)


def _groups(plan: Plan, group: int) -> list[list]:
    """Return the sheets of each group of signatures (one signature by default)."""
    found: dict[int, list] = {}
    for sheet in plan.sheets:
        found.setdefault((sheet.signature - 1) // group, []).append(sheet)
    return [found[key] for key in sorted(found)]


def _part_paths(target: Path, groups: list[list]) -> list[Path]:
    """Return the per-signature files' paths in a folder beside the whole: signature-01.pdf, signatures-03-04.pdf."""
    folder = target.with_name(f"{target.stem}-signatures")
    paths = []
    for sheets in groups:
        first, last = sheets[0].signature, sheets[-1].signature
        name = f"signature-{first:02d}.pdf" if first == last else f"signatures-{first:02d}-{last:02d}.pdf"
        paths.append(folder / name)
    return paths


def _clear_stale_parts(target: Path, parts: list[Path]) -> None:
    """Remove signature files a longer imposition left in the folder, so every file there belongs to this one."""
    folder = target.with_name(f"{target.stem}-signatures")
    if folder.is_dir() and not folder.is_symlink():
        for old in folder.glob("signature*-*.pdf"):
            if old not in parts and old.is_file() and not old.is_symlink():
                old.unlink()


def _size_notes(sizes: dict, fold: Fold, style: SheetStyle) -> tuple[str, ...]:
    """Say when the pages are larger than a cell of the sheet, so they were scaled down."""
    cell = (style.width / fold.columns, style.height / fold.rows)
    widest = max(box[2] - box[0] for box in sizes.values())
    tallest = max(box[3] - box[1] for box in sizes.values())
    if widest <= cell[0] + 0.01 and tallest <= cell[1] + 0.01:
        return ()
    scale = min(cell[0] / widest, cell[1] / tallest)
    pages = f"the pages ({widest / 72:.2f} x {tallest / 72:.2f} in)"
    article = "an" if fold.name[0] in "aeiou" else "a"  # an octavo sheet
    cells = f"the cells of {article} {fold.name} sheet this size ({cell[0] / 72:.2f} x {cell[1] / 72:.2f} in)"
    return (f"{pages} are larger than {cells}: scaled to {scale:.0%}; a larger --sheet keeps their size",)


def impose_source(
    source: Path | None,
    output: Path | None,
    choices: ImposeChoices = ImposeChoices(),
    printing: PrintChoices | None = None,
    overrides: Overrides | None = None,
):
    """Impose a PDF, or build a manuscript's print PDF first (as ``pdf`` would, with its choices) and impose that.

    Return the imposition and the interior built for it (None when the source was a PDF).
    """
    built = None
    if choices.test_sheet:
        return impose_test_sheet(source, output, choices), None
    if source is None or source.suffix.lower() != ".pdf":
        from ebookgen.build import build_pdf

        built = build_pdf(source, None, printing, overrides=overrides)
        source = built.path
    elif (printing and printing != type(printing)()) or (overrides and overrides != type(overrides)()):
        raise ConfigError(f"{source}: a PDF is imposed as it is; the manuscript's options lay out a manuscript")
    if not source.is_file():
        raise InputError(f"{source}: no such PDF")
    target = output or source.with_name(f"{source.stem}-imposed.pdf")
    if target.resolve() == source.resolve():
        raise ConfigError(f"-o {target}: the imposition would overwrite the PDF it imposes")
    return impose(source, target, choices), built


def impose_test_sheet(source: Path | None, output: Path | None, choices: ImposeChoices = ImposeChoices()) -> Imposed:
    """Impose a numbered document of one signature (the source PDF's page size) to try the printer and the folds."""
    import tempfile

    from ebookgen.impose.numbered import numbered_pdf

    binding = binding_for(choices)
    width, height = sheet_size(choices.sheet, binding.fold)
    size = (width / binding.fold.columns, height / binding.fold.rows)  # a cell of the sheet, without a PDF
    if source is not None and source.suffix.lower() == ".pdf" and source.is_file():
        with open_source(source) as pdf:
            box = [float(value) for value in pdf.pages[0].trimbox]
            size = (box[2] - box[0], box[3] - box[1])
    pages = binding.fold.pages * (1 if binding.perfect else binding.sheets_per_signature)
    target = output or Path(f"{binding.fold.name}-test-sheet.pdf")
    with tempfile.TemporaryDirectory(prefix="ebookgen-test-sheet-") as folder:
        numbered = numbered_pdf(Path(folder) / "numbered.pdf", pages, size)
        return impose(numbered, target, replace(choices, skip=0, flyleaves=0, balanced=False), split=False)


def counted(number: int, noun: str) -> str:
    """Return a count with its noun, plural unless one: `1 sheet`, `4 sheets`."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def fewer_blanks(imposed: Imposed) -> str:
    """Say how many blanks --balanced would leave, when that is fewer than signatures all of one size."""
    per_sheet = imposed.fold.pages
    pages = len(imposed.plan.sheets) * per_sheet - imposed.plan.blanks
    least = -pages % per_sheet
    return (
        f"; --balanced would add {least}"
        if least < imposed.plan.blanks and not imposed.stacking.startswith(("cut", "stack the leaves"))
        else ""
    )


def summary_lines(imposed: Imposed) -> list[str]:
    """Return the printed summary: sheets, signatures, blanks, how to print, fold and stack."""
    plan = imposed.plan
    sizes = ", ".join(str(size) for size in plan.signatures)
    leaves = imposed.stacking.startswith(("cut", "stack the leaves"))
    sheets = "sheet" if plan.signatures == (1,) else "sheets"
    what = "single leaves to cut" if leaves else f"{counted(len(plan.signatures), 'signature')} ({sizes} {sheets})"
    lines = [
        f"{counted(plan.source_pages, 'page')} on {counted(len(plan.sheets), 'sheet')} of {imposed.sheet}, "
        f"{imposed.fold.name}: {what}",
        f"blank pages added: {plan.blanks} (at the end of the book){fewer_blanks(imposed)}",
        f"print both sides, flipping on the {imposed.duplex} edge (print the first sheet alone to check it)",
        "" if leaves else f"fold: {imposed.folding}",
        f"stack: {imposed.stacking}",
    ]
    return [line for line in lines if line]
