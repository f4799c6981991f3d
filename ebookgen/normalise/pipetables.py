"""Read a raw-text pipe table (docs/raw-text.md) into the model's table: head row, alignments, body rows.

The marks pass (``marks.py``) finds the table's lines; here its cells become a table's, each cell's text
one run as typed, which the pipeline's typography and inline rules read later, as they read a paragraph's.
"""

from __future__ import annotations

from ebookgen.model import Table, TableCell, Text
from ebookgen.model.rawtext import TABLE_CAPTION, table_alignments, table_cells


def pipe_table(lines: tuple[str, ...]) -> Table:
    """Read a pipe table: its optional `Table:` caption line, its head row, delimiter row and body rows."""
    caption = TABLE_CAPTION.match(lines[0])
    rows = lines[1:] if caption else lines
    aligns = table_alignments(rows[1])
    head = row_of(rows[0], aligns, header=True)
    body = tuple(row_of(line, aligns) for line in rows[2:])
    words = (Text(caption.group("caption").strip()),) if caption else ()
    return Table((head, *body), 1, words)


def row_of(line: str, aligns: list[str], header: bool = False) -> tuple[TableCell, ...]:
    """Read one row's cells, each aligned as its column (a cell past the last column kept, not dropped)."""
    cells = table_cells(line)
    return tuple(
        TableCell((Text(cell),) if cell else (), header, align=aligns[index] if index < len(aligns) else "")
        for index, cell in enumerate(cells)
    )
