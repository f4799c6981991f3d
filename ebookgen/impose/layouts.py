"""Where each page of a folded sheet sits: learned by folding the sheet in code, as a binder folds it on the table.

A sheet is a grid of cells, each one book page on the front and one on the back. Every fold but the last
brings the top half (or the left half) under the rest; the last fold, the spine, brings the left half under
the right, so the folded sheet lies like a closed book, spine on the left. Reading the stack from the top
gives each cell's pages in reading order; the flips each cell went through say which way up its pages print.
The back of a sheet is written as the printer sees it turned over its vertical edge (the layout's natural
duplex edge); a printer turning it over the other edge gets every back side drawn upside down instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.errors import ConfigError

FRONT, BACK = "front", "back"


@dataclass(frozen=True)
class Fold:
    """One kind of folded sheet: its grid of cells, the folds in order, the pages a sheet holds."""

    name: str
    rows: int
    columns: int
    folds: tuple[str, ...]  # "y": top half under the bottom half; "x": left half under the right half
    instructions: str  # what the binder does with a printed sheet

    @property
    def pages(self) -> int:
        """Return the book pages one sheet holds, front and back."""
        return 2 * self.rows * self.columns

    @property
    def landscape(self) -> bool:
        """Tell whether the sheet is written wider than high."""
        return self.columns > self.rows

    @property
    def natural_duplex(self) -> str:
        """Name the duplex edge the backs are written for: turning the sheet as written over its vertical edge."""
        return "short" if self.landscape else "long"


FOLDS = {
    "folio": Fold("folio", 1, 2, ("x",), "fold each sheet in half, the first page outside"),
    "quarto": Fold(
        "quarto", 2, 2, ("y", "x"), "fold the top half down behind the sheet, then the left half behind the right"
    ),
    "octavo": Fold(
        "octavo",
        2,
        4,
        ("x", "y", "x"),
        "fold the left half behind the right, the top half down behind, then the left half behind the right",
    ),
    "sextodecimo": Fold(
        "sextodecimo",
        4,
        4,
        ("y", "x", "y", "x"),
        "fold the top half down behind, the left behind the right, the top down behind, the left behind the right",
    ),
}


@dataclass(frozen=True)
class Face:
    """One page of a sheet: where it sits on its side (column, row from the bottom), which page, which way up."""

    side: str  # FRONT or BACK
    column: int
    row: int
    page: int  # the page's number within the folded sheet, 1 first
    upside_down: bool  # drawn turned 180 degrees, so it reads upright once folded
    spine_left: bool  # the page's spine edge is the cell's left edge as the side is printed

    @property
    def leaf(self) -> int:
        """Return the leaf within the folded sheet the page is on, 0 the outermost."""
        return (self.page - 1) // 2


@dataclass(frozen=True)
class Layer:
    """A cell on its way through the folds: how its front's axes have turned, and how often it was turned over."""

    column: int
    row: int
    x_sign: int = 1
    y_sign: int = 1
    flips: int = 0


def folded(fold: Fold) -> list[Layer]:
    """Fold the sheet's cells as the binder does; return the stack from the top layer down."""
    stacks = {(c, r): [Layer(c, r)] for c in range(fold.columns) for r in range(fold.rows)}  # bottom to top
    width, height = fold.columns, fold.rows
    for axis in fold.folds:
        half = (width if axis == "x" else height) // 2
        moved: dict[tuple[int, int], list[Layer]] = {}
        kept: dict[tuple[int, int], list[Layer]] = {}
        for (x, y), stack in stacks.items():
            if axis == "x" and x < half:  # left half under the right half, about x = half
                moved[(half - 1 - x, y)] = [turned(layer, axis) for layer in reversed(stack)]
            elif axis == "x":
                kept[(x - half, y)] = stack
            elif y >= half:  # top half under the bottom half, about y = half
                moved[(x, height - 1 - y)] = [turned(layer, axis) for layer in reversed(stack)]
            else:
                kept[(x, y)] = stack
        stacks = {place: moved.get(place, []) + kept.get(place, []) for place in kept}
        width, height = (half, height) if axis == "x" else (width, half)
    return list(reversed(stacks[(0, 0)]))


def turned(layer: Layer, axis: str) -> Layer:
    """Return a layer turned over about a fold along one axis: that axis reversed, the other face up."""
    x_sign = -layer.x_sign if axis == "x" else layer.x_sign
    y_sign = -layer.y_sign if axis == "y" else layer.y_sign
    return Layer(layer.column, layer.row, x_sign, y_sign, layer.flips + 1)


def faces(fold: Fold) -> tuple[Face, ...]:
    """Return every page of a folded sheet with its place on the sheet, front side first."""
    found = []
    for leaf, layer in enumerate(folded(fold)):
        recto, verso = 2 * leaf + 1, 2 * leaf + 2
        front_up = layer.flips % 2 == 0
        # Seen on its own side, a page reads upright when its axes were both kept or both reversed.
        upside_down = layer.x_sign == -1 if front_up else layer.x_sign == 1
        back_column = fold.columns - 1 - layer.column
        for page, side in ((recto, FRONT if front_up else BACK), (verso, BACK if front_up else FRONT)):
            column = layer.column if side == FRONT else back_column
            spine_left = (page == recto) != upside_down  # a recto's spine is on its left, a verso's on its right
            found.append(Face(side, column, layer.row, page, upside_down, spine_left))
    return tuple(sorted(found, key=lambda face: (face.side != FRONT, -face.row, face.column)))


def fold_named(name: str) -> Fold:
    """Return the named fold, or fail naming the folds there are."""
    if name.lower() not in FOLDS:
        raise ConfigError(f"--fold {name!r} is not one of {', '.join(FOLDS)}")
    return FOLDS[name.lower()]
