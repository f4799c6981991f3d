"""Find the book's structure in raw blocks: chapters, scene breaks, flashbacks, notes.

Marker lines are recognised here, before any typography rule can touch them. The result is
a list of chapters whose paragraphs still hold the text as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import RawBlock
from .model import AuthorNote, Block, Chapter, Flashback, Paragraph, SceneBreak, SceneNote, Text

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()
_NUMBER = r"(?:\d+|[ivxlcdm]+|(?:" + "|".join(NUMBER_WORDS) + r")(?:[\s-]+(?:" + "|".join(NUMBER_WORDS) + r"))*)"
CHAPTER_HEADING = re.compile(
    r"^(?:chapter|chap\.|ch\.)\s+" + _NUMBER + r"\.?(?:\s*[:.\-\u2013\u2014]+\s*(?P<title>.+))?$", re.IGNORECASE
)
NAMED_HEADING = re.compile(
    r"^(?:prologue|epilogue|interlude|afterword|foreword|preface|introduction)"
    r"(?:\s*[:.\-\u2013\u2014]+\s*(?P<title>.+))?$",
    re.IGNORECASE,
)

# A line of one repeated symbol, spaced or not (`* * *`, `~~~`, `#`, `___`, `---`, `===`, `§`).
SYMBOL_RUN = re.compile(r"^([*~#_\-=+.•·§¤°◊◆♦❦❧☙⁂※†‡/\\|oOxX0])(?:\s*\1)*$")
# Patterned markers typed by fan-fiction writers (`oOo`, `xXxXx`, `-x-x-`, `-o-O-o-`, `+~+~+`).
PATTERNED_MARKER = re.compile(r"^(?:[-~=+*_.\s]*(?:[oO0xX]+[-~=+*_.\s]*)+|(?:[+~=*\-_.]\s*){3,})$")
WORDED_MARKER = re.compile(r"^[\[(<]?\s*(?:scene\s*break|break|line\s*break|time\s*skip|pov\s*change)\s*[\])>]?$", re.I)

_DECOR = r"[\s*~_\-=+#/<>\[\]()]*"
FLASHBACK_START = re.compile(
    r"^" + _DECOR + r"(?:begin(?:ning)?\s+(?:of\s+)?|start\s+(?:of\s+)?)?flash\s*back" + _DECOR + r":?" + _DECOR + r"$",
    re.I,
)
FLASHBACK_END = re.compile(
    r"^" + _DECOR + r"(?:/\s*flash\s*back|end(?:\s+of)?\s+flash\s*back|flash\s*back\s+(?:end|over|ends)|"
    r"present(?:\s+day|\s+time)?|back\s+to\s+(?:the\s+)?present)" + _DECOR + r":?" + _DECOR + r"$",
    re.I,
)
AUTHOR_NOTE = re.compile(r"^(?:\*\*?|_)?\s*(?:A/N|AN|A\.N\.|Author'?s\s+Notes?)\s*[:\-]", re.I)
SCENE_SETTING = re.compile(r"^\((?!.*\)\s*\S.*$)[^()]*\)$|^\[[^\[\]]*\]$", re.S)

BLANK_RUN_POLICIES = ("pause", "break")
AUTHOR_NOTE_POLICIES = ("keep", "drop")


@dataclass(frozen=True)
class StructureOptions:
    """How to read the ambiguous parts of a manuscript."""

    blank_runs: str = "pause"
    author_notes: str = "keep"


@dataclass
class Draft:
    """A chapter being assembled: its heading and its blocks with break candidates."""

    title: str = ""
    items: list[object] = field(default_factory=list)


# Items of a draft besides model blocks.
class _Pause:
    """Extra blank lines: a pause, or where an unmarked flashback starts."""


class _FlashbackStart:
    """A flashback start marker line."""


class _FlashbackEnd:
    """A flashback end marker line."""


PAUSE, FLASHBACK_START_MARK, FLASHBACK_END_MARK = _Pause(), _FlashbackStart(), _FlashbackEnd()


def find_structure(blocks: list[RawBlock], options: StructureOptions = StructureOptions()) -> list[Chapter]:
    """Turn raw blocks into chapters of model blocks."""
    drafts = split_chapters(blocks, options)
    chapters = []
    for number, draft in enumerate(drafts, start=1):
        body = resolve_flashbacks(draft.items)
        body = mark_scene_notes(body)
        body = tidy_breaks(body)
        chapters.append(Chapter(title=draft.title, blocks=tuple(body), number=number))
    return [chapter for chapter in chapters if chapter.blocks or chapter.title]


def split_chapters(blocks: list[RawBlock], options: StructureOptions) -> list[Draft]:
    """Classify each block and cut the book at chapter headings."""
    drafts = [Draft()]
    for block in blocks:
        text = block.text.strip()
        heading = chapter_heading(text)
        if heading is not None:
            if drafts[-1].items and any(isinstance(item, Paragraph) for item in drafts[-1].items) or drafts[-1].title:
                drafts.append(Draft(title=heading))
            else:
                drafts[-1].title = heading
            continue
        items = drafts[-1].items
        if block.spaced and items:
            items.append(SceneBreak() if options.blank_runs == "break" else PAUSE)
        items.append(classify(text, options))
    return [draft for draft in drafts if draft.items or draft.title]


def classify(text: str, options: StructureOptions) -> object:
    """Tell what one block is: a marker line, a note or a paragraph."""
    if is_scene_break_marker(text):
        return SceneBreak()
    if FLASHBACK_END.match(text):
        return FLASHBACK_END_MARK
    if FLASHBACK_START.match(text):
        return FLASHBACK_START_MARK
    if AUTHOR_NOTE.match(text):
        return AuthorNote((Text(text),)) if options.author_notes == "keep" else None
    return Paragraph((Text(text),))


def chapter_heading(text: str) -> str | None:
    """Return the heading if the block is a chapter heading line."""
    if len(text) > 80 or "\n" in text:
        return None
    if CHAPTER_HEADING.match(text) or NAMED_HEADING.match(text):
        return text
    return None


def is_scene_break_marker(text: str) -> bool:
    """Tell whether a line is a scene-break marker (`* * *`, `oOo`, `(scene break)`...)."""
    if len(text) > 40:
        return False
    if SYMBOL_RUN.match(text) and not re.fullmatch(r"[oOxX0]", text) and text not in ("I", "O", "X"):
        return len(text) > 1 or text in "*#§~⁂❦❧"
    if PATTERNED_MARKER.match(text) and re.search(r"[oOxX]", text) and not re.search(r"[a-wyzA-WYZ]", text):
        return len(text.replace(" ", "")) >= 3
    if PATTERNED_MARKER.match(text) and len(text.replace(" ", "")) >= 3:
        return True
    return bool(WORDED_MARKER.match(text))


def resolve_flashbacks(items: list[object]) -> list[Block]:
    """Wrap flashback passages, starting an unmarked one at the nearest preceding break."""
    out: list[object] = []
    open_at: int | None = None
    for item in items:
        if item is None:
            continue
        if item is FLASHBACK_START_MARK:
            if open_at is None:
                out.append(SceneBreak())
                open_at = len(out)
            continue
        if item is FLASHBACK_END_MARK:
            start = open_at if open_at is not None else nearest_break(out)
            inner = [block for block in out[start:] if block is not PAUSE]
            del out[start:]
            if start and out and out[-1] is PAUSE:
                out[-1] = SceneBreak()
            elif start and not isinstance(out[-1], SceneBreak):
                out.append(SceneBreak())
            out.append(Flashback(tuple(tidy_breaks(inner))))
            out.append(SceneBreak())
            open_at = None
            continue
        out.append(item)
    if open_at is not None:
        out[open_at:] = [Flashback(tuple(tidy_breaks([b for b in out[open_at:] if b is not PAUSE])))]
    return [item for item in out if item is not PAUSE]


def nearest_break(out: list[object]) -> int:
    """Return the index just after the nearest break (pause or scene break) before the end."""
    for index in range(len(out) - 1, -1, -1):
        if out[index] is PAUSE or isinstance(out[index], SceneBreak):
            return index + 1
    leading_notes = 0
    while leading_notes < len(out) and isinstance(out[leading_notes], AuthorNote):
        leading_notes += 1
    return leading_notes


def mark_scene_notes(blocks: list[Block]) -> list[Block]:
    """Set apart a parenthetical that opens a scene and tells where it is set."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        at_scene_start = index == 0 or isinstance(blocks[index - 1], (SceneBreak, AuthorNote))
        if at_scene_start and isinstance(block, Paragraph) and is_scene_setting(block.inlines[0].text):
            block = SceneNote(block.inlines)
        out.append(block)
    return out


def is_scene_setting(text: str) -> bool:
    """Tell whether a paragraph is wholly a parenthetical or bracketed note."""
    return bool(SCENE_SETTING.match(text.strip())) and '"' not in text


def tidy_breaks(blocks: list[Block]) -> list[Block]:
    """Drop breaks that would be doubled or stand first or last."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, SceneBreak) and (not out or isinstance(out[-1], SceneBreak)):
            continue
        out.append(block)
    while out and isinstance(out[-1], SceneBreak):
        out.pop()
    return out
