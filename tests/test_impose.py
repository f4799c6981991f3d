"""`ebookgen impose`: page order of every fold read back from the sheets, signatures, blanks, creep, marks, files."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.impose.impose import ImposeChoices, impose
from ebookgen.impose.layouts import FOLDS
from ebookgen.impose.numbered import NUMBER_OFFSET, numbered_pdf
from ebookgen.impose.plan import Binding, plan_signatures, signature_sizes
from ebookgen.impose.sheets import NAMED_SHEETS

from .sheettext import grid, printed_numbers

LETTER = NAMED_SHEETS["letter"]
PAGE = (144.0, 198.0)  # small enough for a sextodecimo cell of a letter sheet


def imposed(tmp_path: Path, pages: int, **choices) -> tuple[Path, object]:
    """Impose a numbered document of that many pages; return the imposed PDF and what impose returned."""
    source = numbered_pdf(tmp_path / "numbered.pdf", pages, PAGE)
    result = impose(source, tmp_path / "imposed.pdf", ImposeChoices(**choices))
    return result.path, result


def sheet_grids(path: Path, fold_name: str, sheet: tuple[float, float] = LETTER) -> list[list[list[str]]]:
    """Return every side of the imposed PDF as a grid of its page numbers, top row first."""
    fold = FOLDS[fold_name]
    width, height = (max(sheet), min(sheet)) if fold.landscape else sheet
    return [grid(side, fold.columns, fold.rows, width, height) for side in printed_numbers(path)]


# The schemes printers and binders use (outer forme first, then the inner forme as it lies once turned over the
# vertical edge); "v" is a page printed upside down, to read upright after the head folds.
SCHEMES = {
    "folio": ([["4", "1"]], [["2", "3"]]),
    "quarto": ([["5v", "4v"], ["8", "1"]], [["3v", "6v"], ["2", "7"]]),
    "octavo": (
        [["5v", "12v", "9v", "8v"], ["4", "13", "16", "1"]],
        [["7v", "10v", "11v", "6v"], ["2", "15", "14", "3"]],
    ),
}


@pytest.mark.parametrize("fold", sorted(SCHEMES))
def test_a_one_sheet_signature_follows_the_printers_scheme(tmp_path: Path, fold: str) -> None:
    pages = FOLDS[fold].pages
    path, _ = imposed(tmp_path, pages, fold=fold, signature=1)
    front, back = sheet_grids(path, fold)
    assert (front, back) == SCHEMES[fold]


def test_a_folio_signature_of_two_sheets_nests_the_second_inside(tmp_path: Path) -> None:
    path, result = imposed(tmp_path, 8, fold="folio", signature=2)
    assert sheet_grids(path, "folio") == [[["8", "1"]], [["2", "7"]], [["6", "3"]], [["4", "5"]]]
    assert result.plan.signatures == (2,) and result.plan.blanks == 0


def leaf_partner(number: int) -> int:
    """Return the page on the other side of the same leaf."""
    return number + 1 if number % 2 else number - 1


@pytest.mark.parametrize("fold", sorted(FOLDS))
@pytest.mark.parametrize("sheets", [1, 3])
def test_every_fold_backs_each_page_with_its_leaf_and_faces_its_conjugate_across_the_spine(
    tmp_path: Path, fold: str, sheets: int
) -> None:
    layout = FOLDS[fold]
    pages = layout.pages * sheets
    path, _ = imposed(tmp_path, pages, fold=fold, signature=sheets)
    grids = sheet_grids(path, fold)
    numbers = sorted(int(cell.rstrip("v")) for side in grids for row in side for cell in row)
    assert numbers == list(range(1, pages + 1))
    for front, back in zip(grids[::2], grids[1::2], strict=True):
        for r, row in enumerate(front):
            for c, cell in enumerate(row):
                behind = back[r][layout.columns - 1 - c]  # turned over the vertical edge
                assert int(behind.rstrip("v")) == leaf_partner(int(cell.rstrip("v"))), (fold, cell, behind)
                assert behind.endswith("v") == cell.endswith("v")
    # The first and the last page of the signature are one sheet, side by side across the spine, same way up.
    first_side = grids[0]
    places = {
        cell.rstrip("v"): (r, c, cell.endswith("v")) for r, row in enumerate(first_side) for c, cell in enumerate(row)
    }
    (r1, c1, turned1), (r2, c2, turned2) = places["1"], places[str(pages)]
    assert r1 == r2 and abs(c1 - c2) == 1 and turned1 == turned2


def test_a_printer_flipping_on_the_other_edge_gets_its_backs_turned(tmp_path: Path) -> None:
    path, result = imposed(tmp_path, 4, fold="folio", signature=1, duplex="long")
    assert result.duplex == "long" and FOLDS["folio"].natural_duplex == "short"
    assert sheet_grids(path, "folio") == [[["4", "1"]], [["3v", "2v"]]]


def test_signature_sizes_as_asked_or_balanced() -> None:
    assert signature_sizes(13, 4, balanced=False) == (4, 4, 4, 4)
    assert signature_sizes(13, 4, balanced=True) == (4, 3, 3, 3)
    assert signature_sizes(8, 4, balanced=True) == (4, 4)


def test_a_balanced_book_adds_only_the_blanks_its_last_sheet_needs(tmp_path: Path) -> None:
    fixed = plan_signatures(50, Binding(FOLDS["folio"], 4))
    balanced = plan_signatures(50, Binding(FOLDS["folio"], 4, balanced=True))
    assert (fixed.signatures, fixed.blanks) == ((4, 4, 4, 4), 14)
    assert (balanced.signatures, balanced.blanks) == ((4, 3, 3, 3), 2)
    path, _ = imposed(tmp_path, 50, fold="folio", signature=4, balanced=True)
    grids = sheet_grids(path, "folio")
    # The last signature: three sheets, pages 41 to 52; the blanks, 51 and 52, share the outer sheet with 41 and 42.
    last_signature = grids[-6:]
    assert [cell for side in last_signature for row in side for cell in row].count(".") == 2
    assert grids[-6] == [[".", "41"]] and grids[-5] == [["42", "."]]


def number_x(side, number: int) -> float:
    """Return the x of a page number's origin on a side."""
    return next(printed.x for printed in side if printed.number == number)


def test_creep_moves_each_leaf_toward_the_spine_by_the_paper_outside_it(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    plain = printed_numbers(imposed(tmp_path / "a", 16, fold="folio", signature=4)[0])
    crept = printed_numbers(imposed(tmp_path / "b", 16, fold="folio", signature=4, paper_mm=0.2)[0])
    step = 0.2 * 72 / 25.4
    for sheet in range(4):  # sheet 1 outermost: pages 1, 2, 15, 16; sheet 4 the middle: 7, 8, 9, 10
        front = sheet * 2
        recto = 2 * sheet + 1  # on the front's right half: its spine is on its left
        moved = number_x(crept[front], recto) - number_x(plain[front], recto)
        assert moved == pytest.approx(-sheet * step, abs=0.01)
        verso = 16 - 2 * sheet  # on the front's left half, spine on its right
        moved = number_x(crept[front], verso) - number_x(plain[front], verso)
        assert moved == pytest.approx(sheet * step, abs=0.01)


def test_pages_sit_against_the_spine_at_their_own_size(tmp_path: Path) -> None:
    path, _ = imposed(tmp_path, 4, fold="folio", signature=1)
    front = printed_numbers(path)[0]
    middle = max(LETTER) / 2
    assert number_x(front, 1) == pytest.approx(middle + PAGE[0] / 2 + NUMBER_OFFSET[0], abs=0.01)
    assert number_x(front, 4) == pytest.approx(middle - PAGE[0] / 2 + NUMBER_OFFSET[0], abs=0.01)


def test_single_leaves_for_perfect_binding_cut_into_piles_that_stack_in_order(tmp_path: Path) -> None:
    path, result = imposed(tmp_path, 10, fold="folio", perfect=True)
    assert result.parts == () and result.plan.blanks == 2
    assert sheet_grids(path, "folio") == [
        [["1", "7"]],
        [["8", "2"]],
        [["3", "9"]],
        [["10", "4"]],
        [["5", "."]],
        [[".", "6"]],
    ]


def test_pages_are_placed_as_vectors_and_each_signature_has_its_own_file(tmp_path: Path) -> None:
    path, result = imposed(tmp_path, 20, fold="folio", signature=2, marks="fold,sewing,crop")
    assert len(result.parts) == 3 and result.plan.signatures == (2, 2, 2)
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == 12
        for page in pdf.pages:
            assert all(x.Subtype == "/Form" for x in page.Resources.XObject.values())
        assert not any(page.get_images() for page in pdf.pages)
    whole = printed_numbers(path)
    pieces = [side for part in result.parts for side in printed_numbers(part)]
    assert [sorted(p.number for p in side) for side in pieces] == [sorted(p.number for p in side) for side in whole]


def stroked_lines(path: Path, page: int) -> list[str]:
    """Return the lines (`x1 y1 m x2 y2 l S`) a side's own content strokes."""
    with pikepdf.open(path) as pdf:
        content = pdf.pages[page].Contents.read_bytes().decode()
    return [line for line in content.splitlines() if line.endswith(" l S")]


def test_sewing_stations_lie_on_the_innermost_sheet_s_spine(tmp_path: Path) -> None:
    path, _ = imposed(tmp_path, 8, fold="folio", signature=2, marks="sewing", stations=5)
    middle = max(LETTER) / 2
    assert stroked_lines(path, 0) == stroked_lines(path, 1) == stroked_lines(path, 2) == []  # outer sheet, inner front
    inner = stroked_lines(path, 3)  # the inner sheet's back holds the middle spread, pages 4 and 5
    assert len(inner) == 5
    for line in inner:
        x1, _, _, x2, _, _, _ = line.split()
        assert float(x1) < middle < float(x2)


def test_the_cover_is_kept_out_and_flyleaves_come_in(tmp_path: Path) -> None:
    path, result = imposed(tmp_path, 7, fold="folio", signature=3, skip=1, flyleaves=1)
    numbers = sorted(p.number for side in printed_numbers(path) for p in side)
    assert numbers == [2, 3, 4, 5, 6, 7] and result.plan.source_pages == 6
    assert sheet_grids(path, "folio")[0] == [[".", "."]]  # the front flyleaf and the back one: blank


def test_the_cli_prints_the_summary_and_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    source = numbered_pdf(tmp_path / "book.pdf", 30, PAGE)
    result = CliRunner().invoke(app, ["impose", str(source), "--fold", "quarto", "--signature", "2", "--balanced"])
    assert result.exit_code == 0, result.output
    assert "30 pages on 4 sheets of letter, quarto: 2 signatures (2, 2 sheets)" in result.output
    assert "blank pages added: 2" in result.output and "long edge" in result.output
    assert (tmp_path / "book-imposed.pdf").is_file()
    assert len(list((tmp_path / "book-imposed-signatures").iterdir())) == 2
    laid = CliRunner().invoke(app, ["impose", str(source), "--trim", "5x8"])
    assert laid.exit_code == 3 and "a PDF is imposed as it is" in laid.output
    bad = CliRunner().invoke(app, ["impose", str(source), "--fold", "duodecimo"])
    assert bad.exit_code == 3 and "folio, quarto, octavo, sextodecimo" in bad.output
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    refused = CliRunner().invoke(app, ["impose", str(junk), "-o", str(tmp_path / "out.pdf")])
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    assert not (tmp_path / "out.pdf").exists() and not list(tmp_path.glob(".out.pdf.*"))


def test_a_numbered_test_sheet_imposes_one_signature_at_the_pdf_s_page_size(tmp_path: Path) -> None:
    source = numbered_pdf(tmp_path / "book.pdf", 3, PAGE)
    result = CliRunner().invoke(
        app,
        ["impose", str(source), "--test-sheet", "--fold", "quarto", "--signature", "2", "-o", str(tmp_path / "t.pdf")],
    )
    assert result.exit_code == 0, result.output
    assert "16 pages on 2 sheets of letter, quarto: 1 signature (2 sheets)" in result.output
    grids = sheet_grids(tmp_path / "t.pdf", "quarto")
    assert grids[0] == [["13v", "4v"], ["16", "1"]]  # the outer sheet of a 16-page signature
    assert not (tmp_path / "t-signatures").exists()


def test_signatures_grouped_into_files(tmp_path: Path) -> None:
    _, result = imposed(tmp_path, 40, fold="folio", signature=2, group=2)
    assert result.plan.signatures == (2,) * 5
    assert [part.name for part in result.parts] == ["signatures-01-02.pdf", "signatures-03-04.pdf", "signature-05.pdf"]
    assert [len(printed_numbers(part)) for part in result.parts] == [
        8,
        8,
        4,
    ]  # sides: two signatures of two sheets, then one


@pytest.mark.parametrize(("sheet", "size"), [("a4", (841.89, 595.28)), ("11x17", (1224.0, 792.0)), ("297x420mm", None)])
def test_named_and_custom_sheets_are_laid_out_the_fold_s_way(tmp_path: Path, sheet: str, size) -> None:
    path, _ = imposed(tmp_path, 4, fold="folio", signature=1, sheet=sheet)
    with pikepdf.open(path) as pdf:
        width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
    wanted = size or (420 * 72 / 25.4, 297 * 72 / 25.4)
    assert (width, height) == pytest.approx(wanted, abs=0.01)  # landscape: folio pages sit side by side


@pytest.mark.slow
def test_a_manuscript_is_laid_out_then_imposed_with_its_text_kept_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "novel"
    folder.mkdir()
    (folder / "book.toml").write_text('title = "Small"\ntrim = "5x8"\n', encoding="utf-8")
    (folder / "01.txt").write_text("Chapter 1\n\nThe lighthouse keeper woke early.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["impose", str(folder), "--fold", "folio", "--trim", "5.5x8.5", "--signature", "4"]
    )
    assert result.exit_code == 0, result.output
    assert "; --balanced would add" in result.output
    imposed_pdf = folder / "dist" / "small-imposed.pdf"
    with pikepdf.open(imposed_pdf) as pdf:  # the interior was laid out at the trim asked for, not book.toml's 5x8
        forms = [form for page in pdf.pages for form in page.Resources.XObject.values()]
        assert {tuple(round(float(v)) for v in form.BBox) for form in forms} == {(0, 0, 396, 612)}
    import subprocess

    text = subprocess.run(["pdftotext", str(imposed_pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "he lighthouse keeper woke early." in " ".join(text.split())  # after the drop cap, T


@given(
    pages=st.integers(1, 400),
    fold=st.sampled_from(sorted(FOLDS)),
    size=st.integers(1, 8),
    balanced=st.booleans(),
    flyleaves=st.integers(0, 2),
    perfect=st.booleans(),
)
@settings(max_examples=150, deadline=None)
def test_every_page_is_placed_once_in_reading_order_of_its_signature(
    pages: int, fold: str, size: int, balanced: bool, flyleaves: int, perfect: bool
) -> None:
    layout = FOLDS[fold]
    plan = plan_signatures(pages, Binding(layout, size, balanced, 0.1, flyleaves, perfect))
    placed = [p.page for sheet in plan.sheets for p in sheet.placements if p.page is not None]
    assert sorted(placed) == list(range(pages))
    cells = len(plan.sheets) * layout.pages
    assert cells == pages + 4 * flyleaves + plan.blanks
    if balanced or perfect:
        assert plan.blanks < (2 * layout.rows * layout.columns if perfect else layout.pages)
    if not perfect:
        assert max(plan.signatures) - min(plan.signatures) <= (1 if balanced else 0)


def test_pages_larger_than_an_octavo_cell_are_scaled_with_a_note_in_plain_english() -> None:
    from ebookgen.impose.impose import _size_notes
    from ebookgen.impose.sheets import SheetStyle

    style = SheetStyle(*LETTER)
    [note] = _size_notes({1: (0, 0, 396, 612)}, FOLDS["octavo"], style)
    assert "larger than the cells of an octavo sheet" in note and "scaled to" in note
    [note] = _size_notes({1: (0, 0, 396, 612)}, FOLDS["quarto"], style)
    assert "the cells of a quarto sheet" in note
