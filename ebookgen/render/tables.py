"""Render a table block to XHTML table markup, the same for both editions.

Header cells carry their ``scope`` (a column's in the head rows, a row's in the body), so a screen reader
reads each cell with its headings; alignment is a class naming a logical side, so a right-to-left book's
table reads from its own start. The stylesheets keep a table within the measure (base.css, print.css).
"""

from __future__ import annotations

from ebookgen.model import Table, TableCell, plain_text
from ebookgen.render.inlines import Setting, render_inlines

ALIGN_CLASSES = {"start": "align-start", "center": "align-center", "end": "align-end"}
# A word longer than this (an address, a number run, a chemical name) may break anywhere in its cell: only
# there, so the table's other columns keep their words whole when the columns share out the measure.
LONG_WORD = 20


def table_parts(table: Table, setting: Setting | None) -> tuple[str, str, str]:
    """Return a table's tag, attributes and content: its caption, head rows and body rows."""
    caption = f"\n<caption>{render_inlines(table.caption, setting)}</caption>" if table.caption else ""
    head = "".join(table_row(row, True, setting) for row in table.rows[: table.head])
    body = "".join(table_row(row, False, setting) for row in table.rows[table.head :])
    parts = caption
    parts += f"\n<thead>{head}\n</thead>" if head else ""
    parts += f"\n<tbody>{body}\n</tbody>" if body else ""
    return "table", ' class="table"', parts + "\n"


def table_row(row: tuple[TableCell, ...], in_head: bool, setting: Setting | None) -> str:
    """Render one row of cells."""
    return "\n<tr>" + "".join(table_cell(cell, in_head, setting) for cell in row) + "</tr>"


def table_cell(cell: TableCell, in_head: bool, setting: Setting | None) -> str:
    """Render one cell: a heading cell with its scope, spans and alignment as attributes and classes."""
    header = cell.header or in_head
    tag = "th" if header else "td"
    attributes = f' scope="{"col" if in_head else "row"}"' if header else ""
    attributes += f' colspan="{cell.columns}"' if cell.columns > 1 else ""
    attributes += f' rowspan="{cell.rows}"' if cell.rows > 1 else ""
    classes = " ".join(filter(None, (ALIGN_CLASSES.get(cell.align, ""), "long-words" * has_long_word(cell))))
    attributes += f' class="{classes}"' if classes else ""
    return f"<{tag}{attributes}>{render_inlines(cell.inlines, setting)}</{tag}>"


def has_long_word(cell: TableCell) -> bool:
    """Tell a cell holding a word too long for a narrow column, which must break anywhere to stay in the measure."""
    return any(len(word) > LONG_WORD for word in plain_text(cell.inlines).split())
