"""Map an HTML ``<table>`` (a web page's, an EPUB's, mammoth's from a Word table) to the model's table.

A table an author typed (a schedule, a ship's log, two letters side by side) is kept as a table: its
rows in the order a browser shows them (head, body, foot), each cell's paragraphs as lines of one cell,
its header cells and spans. A table used for the page's layout (marked ``role="presentation"``, one
cell, or holding headings or another table) is not the story's: the caller reads its cells as blocks.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

from ebookgen.model import Figure, Inline, LineBreak, Table, TableCell, iter_paragraph_blocks
from ebookgen.readers.layout import TEXT, Block
from ebookgen.readers.runs import joined

# A span past this is a typing slip, not a layout: HTML itself caps colspan at 1000 and rowspan at 65534.
MOST_SPAN = 1000
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LAYOUT_ROLES = frozenset({"presentation", "none"})
SHIELD = "\ufdd7"  # a noncharacter marking a table's stand-in while readability reads the page

# What a cell's content reads to: its runs, its paragraphs' line ends kept.
CellReader = Callable[[object], tuple[Inline, ...]]


def local_name(element) -> str:
    """Return an element's tag without a namespace, lower case ('' for a comment)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def table_rows(table) -> list:
    """Return a table's own rows as a browser shows them: its head's, its body's and bare rows, its foot's."""
    head, body, foot = [], [], []
    for child in table:
        tag = local_name(child)
        if tag == "tr":
            body.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows = [row for row in child if local_name(row) == "tr"]
            (head if tag == "thead" else foot if tag == "tfoot" else body).extend(rows)
    return [*head, *body, *foot]


def head_count(table) -> int:
    """Return how many rows head the table's columns: its ``<thead>``'s, else its leading rows of ``<th>`` alone."""
    rows = table_rows(table)
    in_head = sum(
        len([row for row in part if local_name(row) == "tr"]) for part in table if local_name(part) == "thead"
    )
    if in_head:
        return in_head
    count = 0
    for row in rows:
        cells = row_cells(row)
        if not cells or not all(local_name(cell) == "th" for cell in cells) or count + 1 >= len(rows):
            break
        count += 1
    return count


def row_cells(row) -> list:
    """Return a row's cells (``td`` and ``th``)."""
    return [cell for cell in row if local_name(cell) in ("td", "th")]


def is_layout_table(table) -> bool:
    """Tell a table that lays a page out (by its role, one cell, or headings or a table inside) from a typed one."""
    if (table.get("role") or "").strip().lower() in LAYOUT_ROLES:
        return True
    cells = [cell for row in table_rows(table) for cell in row_cells(row)]
    if len(cells) <= 1:
        return True
    inside = {local_name(element) for cell in cells for element in cell.iterdescendants()}
    return bool(inside & (HEADINGS | {"table"}))


def span(value: str | None) -> int:
    """Read a colspan or rowspan: a whole number from 1 to MOST_SPAN, else 1."""
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(number, 1), MOST_SPAN)


def table_of(table, cell_runs: CellReader, caption_runs: CellReader | None = None) -> Table | None:
    """Return the model table of a typed ``<table>``, or None when it has no words in it."""
    rows = []
    for row in table_rows(table):
        cells = tuple(
            TableCell(
                cell_runs(cell),
                header=local_name(cell) == "th",
                columns=span(cell.get("colspan")),
                rows=span(cell.get("rowspan")),
            )
            for cell in row_cells(row)
        )
        if cells:
            rows.append(cells)
    caption = next((child for child in table if local_name(child) == "caption"), None)
    words = (caption_runs or cell_runs)(caption) if caption is not None else ()
    if not words and not any(cell.inlines for row in rows for cell in row):
        return None
    return Table(tuple(rows), head_count(table), words)


def cell_content(blocks: list[Block], note: Callable[[str], None]) -> tuple[Inline, ...]:
    """Return a cell's mapped blocks as one cell's runs: each paragraph, list item or line a line of its own;
    an image, which a cell cannot hold, named as left out."""
    lines = []
    for block in blocks:
        if isinstance(block.whole, Figure):
            note(f"an image ({block.whole.alt or block.whole.source}) in a table cell was left out: a cell holds text")
        elif block.whole is not None:
            lines.extend(item.inlines for item in iter_paragraph_blocks((block.whole,)) if item.inlines)
        elif block.kind == TEXT and block.inlines:
            lines.append(block.inlines)
    return joined(lines, (LineBreak(),))


def table_blocks(table, read: Callable[[object], list[Block]], note: Callable[[str], None]) -> list[Block]:
    """Return a table's mapped blocks: a typed table as one table block; a layout table's cells' blocks in
    reading order, said so (``read`` maps an element's content as blocks)."""
    if not is_layout_table(table):
        found = table_of(table, lambda cell: cell_content(read(cell), note))
        return [Block(TEXT, whole=found)] if found is not None else []
    rows = table_rows(table)
    blocks = [block for row in rows for cell in row_cells(row) for block in read(cell) if not block.empty]
    if not any(local_name(outer) == "table" for outer in table.iterancestors()):  # one note for a nest of them
        note(f"a table ({len(rows)} row{'s' if len(rows) != 1 else ''}) was read as paragraphs")
    return blocks


def pipe_rows(markup: str) -> tuple[str, str] | None:
    """Return an HTML table that opens an HTML block of a Markdown file as raw-text pipe rows (its cells' words,
    a head row of its head or its first row), and the markup after it; None when no typed table opens it."""
    import lxml.html

    text = markup.strip()
    end = text.lower().find("</table>") + len("</table>")
    if not text.lower().startswith("<table") or end < len("</table>") or "<table" in text.lower()[6:end]:
        return None
    text, rest = text[:end], text[end:]
    try:
        table = lxml.html.fragment_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None
    if local_name(table) != "table" or is_layout_table(table):
        return None
    rows = [
        [" ".join(cell.text_content().split()).replace("|", "\\|") for cell in row_cells(row)]
        for row in table_rows(table)
    ]
    rows = [row for row in rows if row]
    if not rows:
        return None
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    caption = next((child for child in table if local_name(child) == "caption"), None)
    words = " ".join(caption.text_content().split()) if caption is not None else ""
    delimiter = "|" + "---|" * len(rows[0])  # a pipe table has one head row: the table's first
    return "\n".join([*([f"Table: {words}"] if words else []), lines[0], delimiter, *lines[1:]]), rest


def shielded_tables(root) -> list[tuple[object, object]]:
    """Swap each typed table of a page for a paragraph of its words, marked with its number, so readability
    (which drops a short table as furniture) weighs and keeps it as prose; return each (stand-in, table)."""
    import lxml.html

    tables = [table for table in root.iter("table") if not is_layout_table(table)]
    tables = [table for table in tables if not any(local_name(outer) == "table" for outer in table.iterancestors())]
    swapped = []
    for number, table in enumerate(tables):
        stand_in = lxml.html.Element("p")
        stand_in.text = f"{SHIELD}{number}{SHIELD} " + " ".join(table.text_content().split())
        stand_in.tail, table.tail = table.tail, None
        table.getparent().replace(table, stand_in)
        swapped.append((stand_in, table))
    return swapped


def restored_tables(root, main, swapped: list[tuple[object, object]]) -> None:
    """Put the tables back: in the page, and in its main text where readability kept their stand-ins."""
    for stand_in, table in swapped:
        table.tail = stand_in.tail
        stand_in.getparent().replace(stand_in, table)
    for paragraph in list(main.iter("p")):
        found = re.match(f"{SHIELD}(\\d+){SHIELD}", paragraph.text or "")
        if found and int(found[1]) < len(swapped):
            kept = copy.deepcopy(swapped[int(found[1])][1])
            kept.tail = paragraph.tail
            paragraph.getparent().replace(paragraph, kept)
