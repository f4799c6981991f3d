"""Render the model's blocks to XHTML: paragraphs, breaks, notes, flashbacks, verse, quotes, lists, figures, chats.

A block that the print layout may say a page begins at carries the next block id (``BlockIds``);
a block that holds lines or blocks of its own (verse, a list, a quote) carries one id, and the markers
of pages that begin in it go just before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ebookgen.model import (
    AuthorNote,
    Block,
    BlockQuote,
    ChatLog,
    Figure,
    Flashback,
    Footnote,
    Inline,
    ListBlock,
    PageBreak,
    Paragraph,
    SceneBreak,
    SceneNote,
    Table,
    Verse,
    VerseLine,
    iter_paragraph_blocks,
)
from ebookgen.render.ids import block_anchor, note_anchor, note_call_anchor
from ebookgen.render.inlines import (
    Setting,
    attribute,
    page_markers,
    render_inlines,
    render_marked_inlines,
    text,
)
from ebookgen.render.maths import is_display_formula
from ebookgen.render.pages import breaks_before, element_text, place_breaks
from ebookgen.render.tables import table_parts
from ebookgen.render.words import ENGLISH, BookWords

# The deepest indent verse keeps, in steps of two typed spaces (the stylesheets have a class for each).
MOST_INDENT = 8


class BlockIds:
    """Hand out a chapter's block ids in reading order, keep them, and hold the page breaks at each."""

    def __init__(self, chapter: int, breaks: Mapping[str, Sequence[PageBreak]]):
        self.chapter = chapter
        self.breaks = breaks
        self.given: list[str] = []

    def take(self) -> str:
        """Return the next block's id."""
        place = block_anchor(self.chapter, len(self.given) + 1)
        self.given.append(place)
        return place

    def at(self, place: str) -> Sequence[PageBreak]:
        """Return the page breaks that begin at an element."""
        return self.breaks.get(place, ())


def text_block(
    attributes: str, inlines: tuple[Inline, ...], ids: BlockIds | None, setting: Setting | None = None
) -> str:
    """Render a paragraph-like block; with ids, it carries the next id and the page markers that fall in it."""
    if ids is None:
        return f"<p{attributes}>{render_inlines(inlines, setting)}</p>"
    place = ids.take()
    breaks = ids.at(place)
    if not breaks:
        return f'<p id="{place}"{attributes}>{render_inlines(inlines, setting)}</p>'
    placed = place_breaks(breaks, element_text(inlines))
    inner = render_marked_inlines(inlines, placed.inside, 0, setting)[0]
    return f'<p id="{place}"{attributes}>{page_markers(placed.start)}{inner}{page_markers(placed.end)}</p>'


def scene_break(ids: BlockIds | None, label: str = ENGLISH.scene_break) -> str:
    """Render a scene break named for screen readers in the book's language; with ids, it carries the next id,
    the markers of pages beginning at it just before."""
    if ids is None:
        return f'<hr class="scene-break" aria-label={attribute(label)}/>'
    place = ids.take()
    before = page_markers(breaks_before(ids.at(place)))
    return f'{before}<hr id="{place}" class="scene-break" aria-label={attribute(label)}/>'


def container(tag: str, attributes: str, inner: str, ids: BlockIds | None) -> str:
    """Render a block that holds lines or blocks; with ids, it carries one id, page markers just before it."""
    if ids is None:
        return f"<{tag}{attributes}>{inner}</{tag}>"
    place = ids.take()
    before = page_markers(breaks_before(ids.at(place)))
    return f'{before}<{tag} id="{place}"{attributes}>{inner}</{tag}>'


def opening_index(blocks: tuple[Block, ...]) -> int:
    """Return the index of the chapter's opening paragraph (the first of its story, after any notes), or -1.

    Themes set its first letter and line apart; an author's note or a scene-setting line before it keeps its
    own look, and a chapter whose first scene opens with no paragraph has no opening.
    """
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            return index
        if not isinstance(block, (AuthorNote, SceneNote)):
            return -1
    return -1


def render_chapter_blocks(
    blocks: tuple[Block, ...], ids: BlockIds | None, said: BookWords, setting: Setting | None, joined: bool = False
) -> list[str]:
    """Render a chapter's blocks in order, its opening paragraph marked `opening` for the theme's initial
    (`opening joined` in a script whose letters join: its first letter is not cut from its word)."""
    opening = opening_index(blocks)
    marked = ' class="opening joined"' if joined else ' class="opening"'
    if opening >= 0 and not joined and setting and setting.printed and opens_quoted(blocks[opening]):
        marked = ' class="opening quoted"'  # print hangs the quote before the raised initial in the margin
    return [
        text_block(marked, block.inlines, ids, setting) if index == opening else render_block(block, ids, said, setting)
        for index, block in enumerate(blocks)
    ]


# Double opening quotes: before a raised initial, printed editions hang them in the margin, as wide as these are.
HUNG_QUOTES = ("\u201c", "\u201e", '"')


def opens_quoted(block: Block) -> bool:
    """Tell whether a paragraph opens with a double quotation mark, which a raised initial would carry at its size."""
    return element_text(block.inlines).lstrip().startswith(HUNG_QUOTES)


def render_block(
    block: Block, ids: BlockIds | None = None, said: BookWords = ENGLISH, setting: Setting | None = None
) -> str:
    """Render one block; with ids, every paragraph, break and block of lines carries the next stable id."""
    if isinstance(block, Paragraph):
        return text_block(' class="formula-display"' * is_display_formula(block), block.inlines, ids, setting)
    if isinstance(block, SceneNote):
        return text_block(' class="scene-setting"', block.inlines, ids, setting)
    if isinstance(block, AuthorNote):
        title = f'<p class="author-note-title">{text(block.title)}</p>\n' if block.title else ""
        return title + text_block(' class="author-note"', block.inlines, ids, setting)
    if isinstance(block, SceneBreak):
        return scene_break(ids, said.scene_break)
    if isinstance(block, Flashback):
        inner = "\n".join(render_block(child, ids, said, setting) for child in block.blocks)
        return f'<div class="flashback">\n{inner}\n</div>'
    if isinstance(block, BlockQuote):
        inner = "\n".join(render_block(child, None, said, setting) for child in block.blocks)
        return container("blockquote", "", f"\n{inner}\n", ids)
    if isinstance(block, Verse):
        return container("div", ' class="verse"', render_stanzas(block, setting), ids)
    if isinstance(block, ListBlock):
        return container(*list_parts(block, setting), ids)
    if isinstance(block, ChatLog):
        return container("div", ' class="chat-log"', render_chat(block, setting), ids)
    if isinstance(block, Figure):
        return container("figure", ' class="figure"', render_figure(block, setting), ids)
    if isinstance(block, Table):
        return container(*table_parts(block, setting), ids)
    raise TypeError(f"cannot render {type(block).__name__}")


def render_stanzas(verse: Verse, setting: Setting | None) -> str:
    """Render verse: a paragraph per stanza, a line break between its lines, each line's indent a class."""
    stanzas = []
    for stanza in verse.stanzas:
        lines = "<br/>\n".join(verse_line(line, setting) for line in stanza)
        stanzas.append(f'<p class="stanza">\n{lines}\n</p>')
    return "\n" + "\n".join(stanzas) + "\n"


def verse_line(line: VerseLine, setting: Setting | None) -> str:
    """Render one line of verse, indented as the author typed it."""
    step = min((line.indent + 1) // 2, MOST_INDENT)
    classes = f"line indent-{step}" if step else "line"
    return f'<span class="{classes}">{render_inlines(line.inlines, setting)}</span>'


def list_parts(block: ListBlock, setting: Setting | None) -> tuple[str, str, str]:
    """Return a list's tag, attributes and items."""
    items = "".join(f"\n<li>{render_inlines(item.inlines, setting)}</li>" for item in block.items)
    if not block.ordered:
        return "ul", "", items + "\n"
    start = f' start="{block.start}"' if block.start != 1 else ""
    return "ol", start, items + "\n"


def render_chat(log: ChatLog, setting: Setting | None) -> str:
    """Render a chat log: a line per message, its sender set apart."""
    lines = (
        f'<p class="chat-line"><b class="sender">{text(line.sender)}</b>: {render_inlines(line.message, setting)}</p>'
        for line in log.lines
    )
    return "\n" + "\n".join(lines) + "\n"


def render_figure(figure: Figure, setting: Setting | None) -> str:
    """Render a figure: its image with its alt text, and its caption."""
    source = (setting.images if setting else {}).get(figure.source, figure.source)
    caption = f"\n<figcaption>{render_inlines(figure.inlines, setting)}</figcaption>" if figure.inlines else ""
    return f"\n<img src={attribute(source)} alt={attribute(figure.alt)}/>{caption}\n"


def note_asides(setting: Setting, said: BookWords = ENGLISH) -> str:
    """Render a chapter's notes as pop-up asides after its text, each with a link back to its first call."""
    asides = []
    for number, note in setting.notes.items():
        back = (
            f'<a class="note-number" href="#{note_call_anchor(setting.chapter, number)}"'
            f' role="doc-backlink">{number}.</a> '
        )
        body = "\n".join(render_block(block, None, said, setting) for block in note.blocks)
        body = body.replace("<p>", f"<p>{back}", 1) if body.startswith("<p>") else f"<p>{back}</p>\n{body}"
        own = note_anchor(setting.chapter, number)
        asides.append(f'<aside epub:type="footnote" role="doc-footnote" class="footnote" id="{own}">\n{body}\n</aside>')
    return "\n".join(asides)


def footnote_text(note: Footnote, setting: Setting) -> str:
    """Render a note's text inside its footnote in print: each paragraph a span, set as a block by the stylesheet."""
    return "".join(
        f'<span class="footnote-paragraph">{render_inlines(part.inlines, setting)}</span>'
        for part in iter_paragraph_blocks(note.blocks)
    )
