"""Map an HTML tree to the model's blocks: paragraphs, headings, emphasis, breaks, notes and figures.

Every reader of a marked-up format (Word through mammoth, a saved web page, an AO3 download, an EPUB's
pages) hands its tree to ``map_html``; markup is mapped to model blocks and never printed, and what the
writer typed stays text (a typed `#` or `*` is never read as a mark). What has no block (a table, a video)
is named in the result's ``unmapped``, with the words dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["MappedText", "map_html", "parse_document", "shortened", "tag_of", "words_of"]

from ebookgen.model import BlockQuote, Figure, Footnote, Inline, LineBreak, ListBlock, ListItem, Paragraph, Text
from ebookgen.model.document import ReadBlock
from ebookgen.model.outline import marked_text, outline
from ebookgen.patterns import lazy
from ebookgen.readers.decode import clean
from ebookgen.readers.embedded import LINE, MEDIA, formula_piece, is_math, media_note
from ebookgen.readers.htmlnotes import BACK_MARKS, is_note_reference, note_element, own_ids
from ebookgen.readers.htmltables import table_blocks
from ebookgen.readers.htmlwords import (
    is_centred,
    is_empty_paragraph,
    is_page_break,
    parse_document,
    shortened,
    tag_of,
    words_of,
)
from ebookgen.readers.layout import HEADING, PAGE, SCENE, TEXT, Block, composed, file_lines, stamp
from ebookgen.readers.runs import SPACES, Piece, joined, paragraph_runs

# Elements that are never story text: the page's machinery.
MACHINERY = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "meta", "link", "nav", "form", "button", "select"}
)
# Elements whose words cannot be set in a book: dropped, and named with their words in ``unmapped``.
DROPPED = {"iframe": "an embedded frame", "svg": "a drawing", "video": "a video", "audio": "a sound",
           "object": "an embedded object", "embed": "an embedded object", "canvas": "a drawing"}  # fmt: skip
BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "ul", "ol", "li", "dl",
     "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "table", "tr", "td", "th", "thead", "tbody",
     "tfoot", "caption", "figure", "figcaption", "center", "address", "body", "html", "hgroup", "details", "summary"}
)  # fmt: skip
EMPHASIS_TAGS = frozenset({"em", "i", "cite", "dfn", "var"})
STRONG_TAGS = frozenset({"strong", "b"})
HEADING_TAG = lazy(r"h([1-6])$")
ITALIC_STYLE = lazy(r"font-style\s*:\s*(?:italic|oblique)", re.I)
BOLD_STYLE = lazy(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
PAGE_BREAK_STYLE = lazy(r"(?:page-)?break-before\s*:\s*(?:always|page|left|right)", re.I)
# A centred paragraph of marks alone (`* * *`, `#`, `~`, `o0O0o`): a scene break.
BREAK_MARKS = lazy(r"^(?:[^\w\s]|[oO0]){1,20}$|^(?:[^\w\s] ?){1,20}$")
NOTE_LABEL = "data-ebookgen-note"  # set on a note reference found, to its label


@dataclass(frozen=True)
class MappedText:
    """An HTML tree as model blocks, with what could not be mapped (one line each)."""

    blocks: tuple[ReadBlock, ...]
    unmapped: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()  # the file's line each block came from (lxml's sourceline), where known

    @property
    def file_lines(self) -> tuple[int, ...]:
        """Return the file's line for each line of the outline text, or () where the blocks' lines are unknown."""
        return file_lines(self.blocks, self.lines)

    @property
    def text(self) -> str:
        """Return the blocks written out in raw-text form, for reading by eye."""
        return outline(self.blocks)[0]


@dataclass
class Mapping:
    """The state of one mapping: blocks so far, the notes found and what was not mapped."""

    where: str
    figure: Callable[[str], str | None] = lambda src: None
    note_texts: list[Footnote] = field(default_factory=list)
    next_label: int = 1
    blocks: list[Block] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    centred: bool = False
    line: int = 0  # the line of the file the element being mapped starts on
    located: bool = False  # the tree's lines are the file's own (a saved page, not a converter's output)
    note_lines: list[int] = field(default_factory=list)

    def note(self, message: str) -> None:
        """Record one thing that could not be mapped, where it was (the file's line, when it is the file's)."""
        message = f"{message} (line {self.line})" if self.located and self.line else message
        self.unmapped.append(f"{self.where}: {message}" if self.where else message)


def map_html(root, where: str, figure=None, first_label: int = 1, located: bool = False) -> MappedText:
    """Map an lxml HTML tree (a document or an element) to model blocks; ``located``: its lines are the file's."""
    mapping = Mapping(where, figure or (lambda src: None), next_label=first_label, located=located)
    mapping.blocks = map_blocks(root, mapping)
    blocks, lines = composed(mapping.blocks, mapping.note_texts, mapping.note_lines)
    return MappedText(blocks, tuple(mapping.unmapped), lines if located else ())


def map_blocks(root, mapping: Mapping) -> list[Block]:
    """Map a tree's blocks, its notes first taken out of the flow."""
    take_notes(root, mapping)
    walk_block(root, mapping)
    flush(mapping)
    stamp(mapping.blocks, 0, root.sourceline)
    return mapping.blocks


def walk_block(element, mapping: Mapping) -> None:
    """Map a block element's content: its inline runs into paragraphs, its block children in turn."""
    inline_text(element.text, mapping)
    for child in element:
        tag = tag_of(child)
        if tag in BLOCKS or tag in DROPPED or tag in ("img", "image") or is_page_break(child):
            flush(mapping)
            map_block(child, tag, mapping)
            flush(mapping)
        elif tag and tag not in MACHINERY:
            walk_inline(child, mapping, False, False)
        inline_text(child.tail, mapping)


def map_block(element, tag: str, mapping: Mapping) -> None:
    """Map one block element, each block it makes knowing the element's line in the file."""
    count, mapping.line = len(mapping.blocks), element.sourceline or mapping.line
    map_element(element, tag, mapping)
    stamp(mapping.blocks, count, element.sourceline)


def map_element(element, tag: str, mapping: Mapping) -> None:
    """Map one block element by what it is."""
    heading = HEADING_TAG.match(tag)
    if is_page_break(element):
        mapping.blocks.append(Block(PAGE))
    elif tag == "hr":
        mapping.blocks.append(Block(SCENE))
    elif heading:
        title = words_of(element)
        if title:
            mapping.blocks.append(Block(HEADING, level=int(heading.group(1)), title=clean(title)))
    elif tag in DROPPED:
        dropped(element, DROPPED[tag], mapping)
    elif tag in ("img", "image"):
        map_figure(element, mapping, "")
    elif tag == "figure":
        map_figure_element(element, mapping)
    elif tag in ("ul", "ol"):
        map_list(element, tag, mapping)
    elif tag == "table":
        map_table(element, mapping)
    elif tag == "blockquote":
        map_quote(element, mapping)
    elif tag == "pre":
        lines = [clean(line.rstrip()).strip() for line in element.text_content().strip("\n").split("\n")]
        runs = joined([(Text(line),) if line else () for line in lines], (LineBreak(),))
        mapping.blocks.append(Block(TEXT, runs))
    else:
        if PAGE_BREAK_STYLE.search(element.get("style") or ""):
            mapping.blocks.append(Block(PAGE))
        was, count = mapping.centred, len(mapping.blocks)
        mapping.centred = was or is_centred(element, tag)
        walk_block(element, mapping)
        flush(mapping)
        mapping.centred = was
        if tag == "p" and len(mapping.blocks) == count and is_empty_paragraph(element):
            mapping.blocks.append(Block(TEXT))  # An empty paragraph: a separator or a gap (layout.py).


def dropped(element, what: str, mapping: Mapping) -> None:
    """Name an element that was left out, with its words, so nothing goes unseen."""
    words = words_of(element)
    said = f"{what} was dropped" + (f": {shortened(words)}" if words else "")
    if tag_of(element) in MEDIA:  # its line in the page as written, before readability rewrote it
        mapping.line = int(element.get(LINE) or 0) or element.sourceline or mapping.line
    mapping.note(media_note(element, what, mapping.located) if tag_of(element) in MEDIA else said)


def walk_inline(element, mapping: Mapping, em: bool, strong: bool) -> None:
    """Collect an inline element's text with its emphasis; a line break, a note reference or an image in turn."""
    tag = tag_of(element)
    if tag == "br":
        mapping.pieces.append(Piece(None))
        return
    if element.get(NOTE_LABEL):
        mapping.pieces.append(Piece(None, note=element.get(NOTE_LABEL)))
        return
    if tag in DROPPED:
        dropped(element, DROPPED[tag], mapping)
        return
    if is_math(element):
        mapping.pieces.append(formula_piece(element))
        return
    if tag in ("img", "image"):
        flush(mapping)
        map_figure(element, mapping, "")
        return
    mapping.line = element.sourceline or mapping.line
    style = element.get("style") or ""
    em = em or tag in EMPHASIS_TAGS or bool(ITALIC_STYLE.search(style))
    strong = strong or tag in STRONG_TAGS or bool(BOLD_STYLE.search(style))
    inline_text(element.text, mapping, em, strong)
    for child in element:
        child_tag = tag_of(child)
        if child_tag in BLOCKS:
            map_nested_block(child, mapping)
        elif child_tag and child_tag not in MACHINERY:
            walk_inline(child, mapping, em, strong)
        inline_text(child.tail, mapping, em, strong)


def map_nested_block(element, mapping: Mapping) -> None:
    """Map a block element found inside an inline one (``<span><p>``) as a block of its own."""
    flush(mapping)
    map_block(element, tag_of(element), mapping)
    flush(mapping)


def inline_text(text: str | None, mapping: Mapping, em: bool = False, strong: bool = False) -> None:
    """Add a text node's words, spaces collapsed, to the paragraph being collected."""
    if text:
        mapping.pieces.append(Piece(SPACES.sub(" ", text), em, strong))


def flush(mapping: Mapping) -> None:
    """End the paragraph being collected: its lines as one block, an empty paragraph as an empty block."""
    pieces, mapping.pieces = mapping.pieces, []
    if not pieces:
        return
    for runs in paragraph_runs(pieces):  # Two line breaks in a row (an empty line) end a paragraph.
        text = marked_text(runs)
        plain = text.replace("*", "").replace(" ", "")
        if mapping.centred and BREAK_MARKS.match(text.replace(" ", "")) or set(plain) == {"#"}:
            mapping.blocks.append(Block(SCENE))
        else:
            mapping.blocks.append(Block(TEXT, runs))


def map_figure_element(element, mapping: Mapping) -> None:
    """Map a ``<figure>``: its image with the caption under it, or what else it holds (a table, a poem) as blocks."""
    caption = next((words_of(child) for child in element.iter() if tag_of(child) == "figcaption"), "")
    images = [child for child in element.iter() if tag_of(child) in ("img", "image")]
    if not images or len(words_of(element).split()) > len(caption.split()):
        walk_block(element, mapping)  # Not a picture alone: its content read as any block's, the caption with it.
        return
    for image in images:
        if not map_figure(image, mapping, caption) and caption:
            mapping.blocks.append(Block(TEXT, (Text(clean(caption)),)))  # The picture is gone, not its caption.


def map_figure(element, mapping: Mapping, caption: str) -> bool:
    """Map an image to a figure block, or name it as left out when its file is not in the source; tell which."""
    src = element.get("src") or element.get("{http://www.w3.org/1999/xlink}href") or element.get("href") or ""
    alt = clean(SPACES.sub(" ", element.get("alt") or "")).strip()
    name = mapping.figure(src) if src else None
    if name is None:
        shown = shortened(alt) if alt else src[:60] or "no file"
        mapping.note(f"an image ({shown}) was left out: its file is not in the source")
        return False
    words = (Text(clean(caption)),) if caption else ()
    mapping.blocks.append(Block(TEXT, whole=Figure(name, alt, words)))
    return True


def map_list(element, tag: str, mapping: Mapping) -> None:
    """Map a list to a list block, an item for each `<li>` with words.

    A quote, a list or a figure inside an item has no place in a list item's line: it is set after the item,
    and the list goes on after it (an ordered one from the next number).
    """
    ordered, items = tag == "ol", []
    start = next_number = int(element.get("start")) if (element.get("start") or "").isdigit() else 1
    for child in element:
        if tag_of(child) != "li":
            continue
        runs, inside = item_parts(child, mapping)
        if runs:
            items.append(ListItem(runs))
        if inside:
            if items:
                mapping.blocks.append(Block(TEXT, whole=ListBlock(tuple(items), ordered, start)))
            next_number, items = next_number + len(items), []
            start = next_number
            mapping.blocks.extend(inside)
    if items:
        mapping.blocks.append(Block(TEXT, whole=ListBlock(tuple(items), ordered, start)))


def item_parts(element, mapping: Mapping) -> tuple[tuple[Inline, ...], list[Block]]:
    """Return a list item's words as one line of runs, and the blocks made whole inside it (quotes, lists)."""
    inner = Mapping(mapping.where, mapping.figure, next_label=mapping.next_label)
    walk_block(element, inner)
    flush(inner)
    mapping.unmapped.extend(inner.unmapped)
    lines = [block.inlines or (Text(block.title),) for block in inner.blocks if block.inlines or block.title]
    runs = joined(lines, (Text(" "),))
    inside = [block for block in inner.blocks if block.whole is not None]
    return tuple(Text(" ") if isinstance(run, LineBreak) else run for run in runs), inside


def map_table(element, mapping: Mapping) -> None:
    """Map a table: a typed one to a table block, a layout one's cells as paragraphs in reading order (said so)."""
    mapping.blocks.extend(table_blocks(element, lambda inner: mapped_blocks(inner, mapping), mapping.note))


def mapped_blocks(element, mapping: Mapping) -> list[Block]:
    """Return an element's content mapped as blocks of their own, what was not mapped noted in the mapping."""
    inner = Mapping(mapping.where, mapping.figure, next_label=mapping.next_label)
    walk_block(element, inner)
    flush(inner)
    mapping.unmapped.extend(inner.unmapped)
    return inner.blocks


def map_quote(element, mapping: Mapping) -> None:
    """Map a block quotation: its paragraphs (a quote, list or figure inside kept whole) in one block."""
    inner = Mapping(mapping.where, mapping.figure, next_label=mapping.next_label)
    walk_block(element, inner)
    flush(inner)
    mapping.unmapped.extend(inner.unmapped)
    kept = tuple(quoted_block(block) for block in inner.blocks if block.kind == TEXT and not block.empty)
    if kept:
        mapping.blocks.append(Block(TEXT, whole=BlockQuote(kept)))


def quoted_block(block: Block):
    """Return the model block of a block inside a quotation."""
    return block.whole if block.whole is not None else Paragraph(block.inlines)


def take_notes(root, mapping: Mapping) -> None:
    """Find the note references of a tree and their notes, label them, and take the notes out of the flow."""
    ids = {element.get("id"): element for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    found = []
    for anchor in root.iter():
        if tag_of(anchor) != "a" or not (anchor.get("href") or "").startswith("#"):
            continue
        target = ids.get(anchor.get("href")[1:])
        if target is not None and target is not anchor and is_note_reference(anchor, target):
            found.append((anchor, target))
    for anchor, target in found:
        label = str(mapping.next_label)
        mapping.next_label += 1
        anchor.set(NOTE_LABEL, label)
        mapping.note_texts.append(Footnote(label, 0, note_text(target, anchor, mapping)))
        mapping.note_lines.append(target.sourceline or 0)
    for _, target in found:
        note = note_element(target)
        if note.getparent() is not None:
            note.getparent().remove(note)


def note_text(target, anchor, mapping: Mapping) -> tuple[Paragraph, ...]:
    """Return a note's paragraphs, the link back and the note's own number dropped."""
    note, own = note_element(target), own_ids(anchor)
    for link in list(note.iter()):
        href = link.get("href") or "" if tag_of(link) == "a" else ""
        if href.startswith("#") and (href[1:] in own or words_of(link) in BACK_MARKS | {""}):
            if words_of(link).strip("[]().: ") in {words_of(anchor).strip("[]()"), ""} | BACK_MARKS:
                link.drop_tree()
            else:  # a link back that reads as the note's own words (`46.`: the line it glosses)
                link.drop_tag()
    inner = Mapping(mapping.where, mapping.figure, next_label=mapping.next_label)
    walk_block(note, inner)
    flush(inner)
    blocks = [quoted_block(block) for block in inner.blocks if block.kind == TEXT and not block.empty]
    label = re.escape(words_of(anchor).strip("[]()"))
    first = blocks[0] if blocks else None
    if isinstance(first, Paragraph) and label and isinstance(first.inlines[0], Text):  # its number: `1. The note`.
        words = re.sub(rf"^[\[(]?{label}[\]).:]?\s+", "", first.inlines[0].text)
        blocks[0] = Paragraph(((Text(words),) if words else ()) + first.inlines[1:])
    kept = tuple(block for block in blocks if not isinstance(block, Paragraph) or block.inlines)
    return kept or (Paragraph((Text("(empty note)"),)),)
