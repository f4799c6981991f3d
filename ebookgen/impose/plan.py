"""The book split into signatures and sheets: which page goes on which cell of which sheet, and how far it creeps.

A signature of S sheets folded together holds S x (pages a sheet holds) pages; its outermost sheet carries the
first pages and the last ones, the innermost the middle spread. Signatures are all the size asked for, the last
one filled with blank pages, or balanced: as many signatures as that size needs, the sheets shared out so their
sizes differ by one at most and only the last sheet has blanks. Perfect binding cuts the sheets into single
leaves instead: the stack is cut once, and each pile laid on the next reads in order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.errors import ConfigError
from ebookgen.impose.layouts import Face, Fold, faces

POINTS_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Binding:
    """The binder's choices: the fold, signature size, creep, flyleaves, single leaves."""

    fold: Fold
    sheets_per_signature: int = 4
    balanced: bool = False
    paper_mm: float = 0.0  # the paper's thickness: each leaf creeps by it per leaf outside it
    flyleaves: int = 0  # blank leaves before the book's first page and after its last
    perfect: bool = False  # single leaves to cut and glue, no signatures


@dataclass(frozen=True)
class Placement:
    """One cell of a sheet: the book's page printed there (None: blank), its face, and its creep toward the spine."""

    face: Face
    page: int | None  # 0-based page of the source, None for a blank or a flyleaf
    creep: float  # points the page moves toward the spine


@dataclass(frozen=True)
class Sheet:
    """One printed sheet: its signature, its place from the outside, and its cells."""

    number: int  # 1-based through the book
    signature: int  # 1-based
    depth: int  # 0: the signature's outermost sheet
    placements: tuple[Placement, ...]
    innermost: bool  # the signature's middle sheet: the one its sewing stations are marked on


@dataclass(frozen=True)
class Plan:
    """The imposed book: its sheets, its signatures' sizes in sheets, and the blank pages it gained."""

    sheets: tuple[Sheet, ...]
    signatures: tuple[int, ...]
    blanks: int
    source_pages: int


def signature_sizes(sheets: int, per_signature: int, balanced: bool) -> tuple[int, ...]:
    """Return each signature's size in sheets: all as asked (the last filled out), or balanced to differ by one."""
    count = -(-sheets // per_signature)
    if not balanced:
        return (per_signature,) * count
    base, extra = divmod(sheets, count)
    return tuple(base + 1 if index < extra else base for index in range(count))


def book_pages(source_pages: int, flyleaves: int) -> list[int | None]:
    """Return the book's pages in reading order: flyleaves (blank leaves) around the source's pages."""
    blank_leaves: list[int | None] = [None] * (2 * flyleaves)
    return [*blank_leaves, *range(source_pages), *blank_leaves]


def signature_index(local: int, depth: int, per_sheet: int, pages: int) -> int:
    """Return a sheet's page (1-based, within its folded sheet) as a 0-based page of its signature.

    The sheet at that depth holds the signature's pages before the inner sheets, and as many after them.
    """
    half = per_sheet // 2
    if local <= half:
        return depth * half + local - 1
    return pages - (per_sheet - local) - depth * half - 1


def plan_signatures(source_pages: int, binding: Binding) -> Plan:
    """Split the pages into signatures of folded sheets; return the sheets with each cell's page and creep."""
    if binding.sheets_per_signature < 1:
        raise ConfigError("--signature must be at least 1 sheet")
    if binding.perfect:
        return plan_leaves(source_pages, binding)
    fold = binding.fold
    per_sheet = fold.pages
    pages = book_pages(source_pages, binding.flyleaves)
    sizes = signature_sizes(-(-len(pages) // per_sheet), binding.sheets_per_signature, binding.balanced)
    blanks = sum(sizes) * per_sheet - len(pages)
    pages += [None] * blanks
    creep_step = binding.paper_mm * POINTS_PER_MM
    sheets, start = [], 0
    for signature, size in enumerate(sizes, start=1):
        span = size * per_sheet
        leaves = span // 2
        for depth in range(size):
            placements = []
            for face in faces(fold):
                index = signature_index(face.page, depth, per_sheet, span)
                leaf = index // 2
                creep = min(leaf, leaves - 1 - leaf) * creep_step
                placements.append(Placement(face, pages[start + index], creep))
            innermost = depth == size - 1
            sheets.append(Sheet(len(sheets) + 1, signature, depth, tuple(placements), innermost))
        start += span
    return Plan(tuple(sheets), sizes, blanks, source_pages)


def plan_leaves(source_pages: int, binding: Binding) -> Plan:
    """Lay out single leaves to cut: cell k of sheet s holds leaf k x sheets + s, so the cut piles stack in order."""
    fold = binding.fold
    pages = book_pages(source_pages, binding.flyleaves)
    cells = fold.rows * fold.columns
    count = -(-len(pages) // (2 * cells))
    blanks = count * 2 * cells - len(pages)
    pages += [None] * blanks
    fronts = [face for face in faces(fold) if face.side == "front"]
    sheets = []
    for sheet in range(count):
        placements = []
        for cell, front in enumerate(fronts):
            leaf = cell * count + sheet
            recto = Face("front", front.column, front.row, 2 * leaf + 1, False, True)
            verso = Face("back", fold.columns - 1 - front.column, front.row, 2 * leaf + 2, False, False)
            placements += [Placement(recto, pages[2 * leaf], 0.0), Placement(verso, pages[2 * leaf + 1], 0.0)]
        sheets.append(Sheet(sheet + 1, 1, sheet, tuple(placements), False))
    return Plan(tuple(sheets), (count,), blanks, source_pages)


def stacking_order(plan: Plan, binding: Binding) -> str:
    """Say in one line how the printed sheets go together."""
    if binding.perfect:
        cells = binding.fold.rows * binding.fold.columns
        if cells == 1:
            return "stack the leaves in the order printed"
        return f"cut the stack into {cells} piles; lay them in order: top row first, left to right"
    if len(plan.signatures) == 1:
        return "fold the sheets together, sheet 1 outermost"
    first = "fold each signature's sheets together, sheet 1 outermost"
    return f"{first}; stack the signatures 1 to {len(plan.signatures)}, the first on top"
