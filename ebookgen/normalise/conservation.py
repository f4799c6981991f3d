"""Word conservation: every word of a manuscript reaches the book, but for what the normaliser removes on purpose.

The normaliser takes off marker lines, a Project Gutenberg licence, header lines it turned into
metadata, a contents list and, with ``author_notes = "drop"``, author's notes. ``removals`` finds
every source line whose words are not in the normalised book and says why each went; a line that
went for none of those reasons is a loss (``LOST``), which ``ebookgen check`` reports as an error.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ebookgen.model import Chapter, Figure, ListBlock, Table, iter_chapter_text, plain_text
from ebookgen.model.document import Document, Furniture
from ebookgen.model.maths import formulas_as_alt
from ebookgen.model.rawtext import from_literal
from ebookgen.normalise.emphasis import without_note_calls
from ebookgen.normalise.furniture import remove_furniture
from ebookgen.normalise.headings import heading_of
from ebookgen.normalise.markers import FLASHBACK_END, FLASHBACK_START, is_scene_break_marker
from ebookgen.normalise.marks import FENCE_END, FENCE_START
from ebookgen.normalise.pipeline import NormaliseOptions, normalise_source
from ebookgen.normalise.structure import AUTHOR_NOTE, OPENING_NOTE
from ebookgen.patterns import lazy

WORD = lazy(r"[^\W_]+")
LICENCE, HEADER, FRONT, TITLE_BLOCK, MARKER, NOTE, CONTENTS, LOST = (
    "the Project Gutenberg licence",
    "a header line, taken as the book's metadata",
    "the Gutenberg edition's own title page or credits",
    "a title block repeating the book's title and author (the title page shows them)",
    "a marker line",
    "an author's note (author_notes = drop)",
    "a contents list",
    "its words are not in the book",
)


@dataclass(frozen=True)
class Removal:
    """Source lines whose words are not in the book, and why: a run of lines that went for one reason."""

    line: int
    last: int
    reason: str

    def describe(self) -> str:
        """Say what went: `a marker line`, or for a run `the Project Gutenberg licence (lines 1-27)`."""
        return self.reason if self.last == self.line else f"{self.reason} (lines {self.line}-{self.last})"


def words(text: str) -> list[str]:
    """Return a text's words as the book compares them: letters and digits, case and accents folded; an
    emphasis mark joins what it touches, as the book's runs do (`**人の世**を` is one word where no space parts it);
    a Markdown formula's marked key counts as its alt text, as the book's formula does; a reader's parsed marks
    and stand-ins (model/rawtext.py) as the `*` and `_` they print or the emphasis they make."""
    text = from_literal(formulas_as_alt(text)).replace("*", "")
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def book_words(chapters: list[Chapter]) -> Counter[str]:
    """Count every word of the normalised chapters: parts, titles, paragraphs, notes, flashbacks."""
    found: Counter[str] = Counter()
    for chapter in chapters:
        found.update(words(f"{chapter.part} {chapter.subpart} {chapter.title}"))
        for block in iter_chapter_text(chapter):
            found.update(words(plain_text(block.inlines)))
        for note in chapter.notes:  # a Gutenberg note's label (`[1]`), typed at its call and before its text
            found.update(words(note.label.partition(".")[0]) * 2)
        found.update(mark_words(chapter))
    return found


def mark_words(chapter: Chapter) -> list[str]:
    """Return the words the book carries outside its text: a figure's alt text and image name, a list's numbers,
    a table caption's mark."""
    found: list[str] = []
    blocks = list(iter_blocks(chapter.blocks))
    for note in chapter.notes:
        blocks.extend(iter_blocks(note.blocks))
    for block in blocks:
        if isinstance(block, Figure):
            found += words(f"{block.alt} {block.source}")
        elif isinstance(block, ListBlock) and block.ordered:
            found += [str(block.start + index) for index in range(len(block.items))]
        elif isinstance(block, Table) and block.caption:
            found.append("table")  # the raw-text form's `Table: ` before a caption
    return found


def iter_blocks(blocks):
    """Yield every block, looking inside the blocks that hold blocks."""
    for block in blocks:
        yield block
        yield from iter_blocks(getattr(block, "blocks", ()))


def removals(
    text: str, options: NormaliseOptions = NormaliseOptions(), chapters=None, found: Furniture = Furniture()
) -> list[Removal]:
    """Return every run of source lines whose words did not reach the book, with the reason each went
    (``chapters`` the text's normalised chapters when the caller has them, ``found`` its reader's furniture)."""
    source = [line.rstrip() for line in text.split("\n")]
    furniture = remove_furniture(text, found)
    kept = remove_furniture(text, found, options.title, options.authors)
    if chapters is None:
        chapters = normalise_source(Document(Path(""), text, "utf-8", furniture=found), options)
    available = book_words(chapters)
    reasons: dict[int, str] = {}
    licence, header = found.licence, found.header if not found.licence else frozenset()
    for index, line in enumerate(source):
        if line.strip() and not kept[index].strip():
            reasons[index + 1] = LICENCE if index in licence else HEADER if index in header else FRONT
            if furniture[index].strip():
                reasons[index + 1] = TITLE_BLOCK
    # Prose first, then headings, then markers: a word both in the story and in a contents list or a marker
    # (`1805` in `BOOK ONE: 1805`, `Flashback` as a film's name) is the story's.
    lines = [(index, line) for index, line in enumerate(kept) if line.strip()]
    for index, line in sorted(lines, key=lambda pair: reading_order(*pair)):
        needed = Counter(words(without_note_calls(line)))  # a note's label is a mark, not the story's
        if needed and all(available[word] >= count for word, count in needed.items()):
            available.subtract(needed)
        elif needed:
            reasons[index + 1] = why_removed(line.strip(), options)
    return grouped(reasons, source)


def reading_order(index: int, line: str) -> tuple[int, int]:
    """Order a line for matching its words: prose, then headings from the last (a contents list comes before
    the headings it lists), then markers."""
    text = line.strip()
    if is_marker(text):
        return 2, index
    return (1, -index) if heading_of(text) is not None else (0, index)


def is_marker(text: str) -> bool:
    """Tell whether a line is a scene-break or flashback marker, or a raw-text fence (`::: verse`, `:::`)."""
    fence = FENCE_START.match(text) or FENCE_END.match(text)
    return bool(is_scene_break_marker(text) or FLASHBACK_START.match(text) or FLASHBACK_END.match(text) or fence)


def why_removed(text: str, options: NormaliseOptions) -> str:
    """Say why a line that is not furniture is not in the book."""
    if is_marker(text):
        return MARKER
    if options.author_notes == "drop" and (AUTHOR_NOTE.match(text) or OPENING_NOTE.match(text)):
        return NOTE
    return CONTENTS if heading_of(text) is not None else LOST


def grouped(reasons: dict[int, str], source: list[str]) -> list[Removal]:
    """Join lines removed for one reason, with only blank lines between them, into runs."""
    runs: list[Removal] = []
    for line in sorted(reasons):
        last = runs[-1] if runs else None
        joins = (
            last is not None
            and last.reason == reasons[line]
            and reasons[line] in (LICENCE, HEADER, FRONT, TITLE_BLOCK, CONTENTS)
        )
        if joins and not any(text.strip() for text in source[last.last : line - 1]):
            runs[-1] = Removal(last.line, line, last.reason)
        else:
            runs.append(Removal(line, line, reasons[line]))
    return runs
