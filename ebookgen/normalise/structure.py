"""Find the book's structure in raw blocks: chapters, scene breaks, flashbacks, notes.

Marker lines (``markers.py``) and headings (``headings.py``) are recognised here, before any
typography rule can touch them. The result is a list of chapters whose paragraphs still hold
the text as typed; a part's title rides on the first chapter of the part (``Chapter.part``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ebookgen.model import (
    AuthorNote,
    Block,
    BlockQuote,
    Chapter,
    ChatLog,
    Figure,
    Flashback,
    Footnote,
    ListBlock,
    Paragraph,
    SceneBreak,
    SceneNote,
    Table,
    Text,
    Verse,
    plain_text,
)
from ebookgen.normalise.blocks import RawBlock
from ebookgen.normalise.contents import drop_contents
from ebookgen.normalise.headings import (
    CHAPTER,
    CHAPTER_HEADING,
    CONTENTS,
    PART,
    Heading,
    heading_of,
    is_number,
    is_weak_heading,
    markdown_part_level,
    names_chapters,
)
from ebookgen.normalise.marked import mark_blocks, merge_stanzas, paragraph_or_verse, stanza_of
from ebookgen.normalise.markers import (  # noqa: F401  (re-exported: the marker rules are structure's vocabulary)
    FLASHBACK_END,
    FLASHBACK_START,
    is_known_marker,
    is_scene_break_marker,
    is_symbol_line,
)
from ebookgen.normalise.report import Findings, warn
from ebookgen.normalise.runs import as_marks
from ebookgen.normalise.speech import (  # noqa: F401  (EMPHASIS_ONLY, MARKER_LIKE re-exported: structure's vocabulary)
    EMPHASIS_ONLY,
    MARKER_LIKE,
    is_unknown_marker,
    marker_words,
)
from ebookgen.normalise.typography import make_primes
from ebookgen.patterns import lazy

AUTHOR_NOTE = lazy(
    r"^[\[(]?(?:\*\*?|_)?\s*(?:A/N|(?-i:AN)|A\.N\.|Author['\u2019]?s\s+Notes?|Notes?|Disclaimer)\s*(?:\*\*?|_)?\s*[:\-]",
    re.I,
)
# What an author tells the reader before the story (kept from a header block): set apart as an author's note.
OPENING_NOTE = lazy(r"^(?:Warnings?|Archive\s+Warnings?|Status|Notes?|Spoilers?)\s*:", re.I)
SCENE_SETTING = lazy(r"^\((?!.*\)\s*\S.*$)[^()]*\)$|^\[[^\[\]]*\]$", re.S)

BLANK_RUN_POLICIES = ("pause", "break")
AUTHOR_NOTE_POLICIES = ("keep", "drop")


@dataclass(frozen=True)
class StructureOptions:
    """How to read the ambiguous parts of a manuscript."""

    blank_runs: str = "pause"
    author_notes: str = "keep"
    speech_dashes: bool = False  # the book's language opens a line of speech with a dash (Portuguese, Norwegian...)


@dataclass
class Draft:
    """A chapter being assembled: its heading and its blocks with break candidates."""

    title: str = ""
    level: str = CHAPTER
    items: list[object] = field(default_factory=list)
    part: str = ""

    def has_text(self) -> bool:
        """Tell whether any paragraph has been added."""
        return any(isinstance(item, TEXT_BLOCKS) for item in self.items)


# The blocks that make a chapter's text (an author's note alone does not).
TEXT_BLOCKS = (Paragraph, SceneNote, Verse, BlockQuote, ListBlock, Figure, ChatLog, Footnote, Table)


# Items of a draft besides model blocks.
class _Pause:
    """Extra blank lines: a pause, or where an unmarked flashback starts."""


@dataclass(frozen=True)
class FlashbackMark:
    """A flashback start or end marker line."""

    starts: bool
    line: int = 0
    when: str = ""  # When a flashback is set, as its start marker says (`Flashback (three years ago)`).


PAUSE = _Pause()
FLASHBACK_START_MARK, FLASHBACK_END_MARK = FlashbackMark(True), FlashbackMark(False)


def find_structure(
    blocks: list[RawBlock], options: StructureOptions = StructureOptions(), findings: Findings = None
) -> list[Chapter]:
    """Turn raw blocks into chapters of model blocks."""
    drafts = attach_parts(drop_contents(split_chapters(blocks, options, findings)))
    chapters = []
    for number, draft in enumerate(drafts, start=1):
        body = resolve_flashbacks(draft.items, findings)
        body = mark_scene_notes(body)
        body = tidy_breaks(merge_stanzas(body))
        chapters.append(Chapter(title=draft.title, blocks=tuple(body), number=number, part=draft.part))
    return [chapter for chapter in chapters if chapter.blocks or chapter.title]


def split_chapters(blocks: list[RawBlock], options: StructureOptions, findings: Findings = None) -> list[Draft]:
    """Classify each block and cut the book at chapter and part headings."""
    part_level = markdown_part_level(block.text for block in blocks if not block.runs)
    named = names_chapters(block.text for block in blocks if not block.runs or not block.text.startswith("#"))
    drafts = [Draft()]
    for index, block in enumerate(blocks):
        text = block.text.strip()
        set_apart = block.spaced or not drafts[-1].has_text() or isinstance(drafts[-1].items[-1], SceneBreak)
        markdown = not block.runs  # a `#` typed in a structured paragraph is text
        heading = None if is_scene_break_marker(text) else heading_of(text, part_level, set_apart, markdown)
        if heading is not None and named and drafts[-1].has_text() and is_weak_heading(text):
            # `HELP US` on a wall, a countdown, a numbered list: in a book of `Chapter N` headings, text.
            warn(findings, block.line, f"{text!r} looks like a heading; kept as text (the chapters are named)")
            heading = None
        if heading is not None and joins_title(drafts[-1], heading, text):
            drafts[-1].title += ": " + heading.title
            continue
        if heading is not None:
            open_draft(drafts, heading)
            continue
        if takes_title(drafts[-1], block, text):
            drafts[-1].title += ": " + text
            continue
        items = drafts[-1].items
        if block.spaced and items:
            items.append(SceneBreak() if options.blank_runs == "break" else PAUSE)
        if block.mark is not None:
            items.extend(mark_blocks(block.mark, options.author_notes))
            continue
        if block.verse:
            items.append(stanza_of(block.text))
            continue
        if is_marker_word(text) and sentence_runs_through(drafts[-1].items, blocks[index + 1 : index + 2]):
            warn(findings, block.line, f"{text!r} is a marker's word, but the sentence runs through it: kept as text")
            items.append(Paragraph(block.runs or (Text(text),)))
            continue
        if OPENING_NOTE.match(text) and not any(draft.has_text() for draft in drafts):
            note = AuthorNote(block.runs or (Text(text),))
            items.append(note if options.author_notes == "keep" else None)
            continue
        items.append(classify(text, options, block.line, findings, block.runs))
    return [draft for draft in drafts if draft.items or draft.title]


def is_marker_word(text: str) -> bool:
    """Tell a flashback marker typed as a bare word (`Flashback`, `Present`) from a decorated one (`*Flashback*`)."""
    return bool(FLASHBACK_START.match(text) or FLASHBACK_END.match(text)) and text.replace(" ", "").isalpha()


def sentence_runs_through(items: list[object], following: list[RawBlock]) -> bool:
    """Tell whether the paragraph before a line is unfinished and the one after goes on in lower case."""
    before = next((item for item in reversed(items) if isinstance(item, Paragraph)), None)
    if before is None or not following or items[-1] is not before:
        return False
    unfinished = not re.search("[.!?\u2026:;\"'\u201d\u2019)\\]*_~-]$", as_marks(plain_text(before.inlines)).rstrip())
    return unfinished and following[0].text.lstrip()[:1].islower()


def joins_title(draft: Draft, heading: Heading, text: str) -> bool:
    """Tell a title line set a blank line under a bare chapter number (`CHAPTER IV` / `THE WINTER`): one heading."""
    if draft.items or draft.level != CHAPTER or heading.level != CHAPTER or not draft.title:
        return False
    numbered = CHAPTER_HEADING.match(draft.title)
    bare = (numbered is not None and not numbered.group("title")) or is_number(draft.title.rstrip("."))
    return bare and is_weak_heading(text) and not is_number(text) and heading_of(text) is not None


def takes_title(draft: Draft, block: RawBlock, text: str) -> bool:
    """Tell whether a block typed on the line under a heading is its title (`Chapter 1` / `The Storm`)."""
    if not block.under_heading or not draft.title or draft.items or draft.level == CONTENTS:
        return False
    markers = is_scene_break_marker(text) or FLASHBACK_START.match(text) or FLASHBACK_END.match(text)
    return is_heading_title(text) and not markers


def is_heading_title(text: str) -> bool:
    """Tell whether a line typed under a heading is its title (`Chapter 1` / `The Storm`)."""
    return len(text) <= 60 and len(text.split()) <= 10 and not re.search(r"[.,;:!?\"\u201c\u201d]$|^[\"'(]", text)


def open_draft(drafts: list[Draft], heading: Heading) -> None:
    """Start a chapter at a heading, or give the heading to a draft that has no text yet."""
    current = drafts[-1]
    if current.has_text() or current.title:
        drafts.append(Draft(title=heading.title, level=heading.level))
    else:
        current.title, current.level = heading.title, heading.level


def attach_parts(drafts: list[Draft]) -> list[Draft]:
    """Give a part's title to the chapter that opens it; a part with text of its own is a chapter too."""
    out: list[Draft] = []
    pending: Draft | None = None
    for draft in drafts:
        if draft.level == PART:
            if pending is not None:
                out.append(replace_part(pending))
                pending = None
            if not draft.has_text():
                pending = draft
                continue
            draft.part = draft.title
        elif pending is not None:
            draft.part = pending.title
            draft.items[:0] = pending.items
            pending = None
        out.append(draft)
    if pending is not None:
        out.append(replace_part(pending))
    return out


def replace_part(draft: Draft) -> Draft:
    """Make a part heading with no chapter after it a chapter of its own."""
    draft.part = draft.title
    return draft


def classify(text: str, options: StructureOptions, line: int = 0, findings: Findings = None, runs=()) -> object:
    """Tell what one block is: a marker line, a note or a paragraph (``runs`` a structured paragraph's)."""
    if is_scene_break_marker(text):
        if not is_known_marker(text):
            warn(findings, line, f"{text!r} is not a marker ebookgen knows; read as a scene break")
        return SceneBreak()
    if FLASHBACK_END.match(text):
        return FlashbackMark(False, line)
    start = FLASHBACK_START.match(text)
    if start:
        return FlashbackMark(True, line, (start.group("when") or "").strip())
    if AUTHOR_NOTE.match(text):
        return AuthorNote(runs or (Text(text),)) if options.author_notes == "keep" else None
    if is_unknown_marker(text, options.speech_dashes):
        warn(findings, line, f"{text!r} looks like a marker line ebookgen does not know; set as a scene note")
        return SceneNote((Text(marker_words(text)),))
    return paragraph_or_verse(text, runs)


def end_unended_flashbacks(items: list[object]) -> list[object]:
    """Give a start marker with no end marker of its own an end at the next scene break."""
    out = list(items)
    index = 0
    while index < len(out):
        item = out[index]
        if isinstance(item, FlashbackMark) and item.starts:
            following = [i for i in range(index + 1, len(out)) if isinstance(out[i], FlashbackMark)]
            if not following or out[following[0]].starts:
                limit = following[0] if following else len(out)
                end = next((i for i in range(index + 1, limit) if isinstance(out[i], SceneBreak)), limit)
                out.insert(end, FlashbackMark(False, item.line))
        index += 1
    return out


def resolve_flashbacks(items: list[object], findings: Findings = None) -> list[Block]:
    """Wrap flashback passages, starting an unmarked one at the nearest preceding break."""
    out: list[object] = []
    open_at: int | None = None
    for item in end_unended_flashbacks(items):
        if item is None:
            continue
        if isinstance(item, FlashbackMark) and item.starts:
            if open_at is None:
                out.append(SceneBreak())
                open_at = len(out)
                if item.when:
                    out.append(SceneNote((Text(item.when),)))
            continue
        if isinstance(item, FlashbackMark):
            start = open_at if open_at is not None else nearest_break(out, item.line, findings)
            inner = [block for block in out[start:] if block is not PAUSE]
            del out[start:]
            if start and out and out[-1] is PAUSE:
                out[-1] = SceneBreak()
            elif start and not isinstance(out[-1], SceneBreak):
                out.append(SceneBreak())
            if any(not isinstance(block, SceneBreak) for block in inner):
                out.append(Flashback(tuple(tidy_breaks(inner))))
            out.append(SceneBreak())
            open_at = None
            continue
        out.append(item)
    if open_at is not None:
        inner = tidy_breaks([block for block in out[open_at:] if block is not PAUSE])
        out[open_at:] = [Flashback(tuple(inner))] if inner else []
    return [item for item in out if item is not PAUSE]


def nearest_break(out: list[object], line: int = 0, findings: Findings = None) -> int:
    """Return the index just after the nearest break (pause or scene break) before the end."""
    for index in range(len(out) - 1, -1, -1):
        if out[index] is PAUSE or isinstance(out[index], (SceneBreak, Flashback)):
            return index + 1
    warn(findings, line, "end-of-flashback marker with no break before it: the flashback starts at the chapter start")
    leading_notes = 0
    while leading_notes < len(out) and isinstance(out[leading_notes], AuthorNote):
        leading_notes += 1
    return leading_notes


def mark_scene_notes(blocks: list[Block]) -> list[Block]:
    """Set apart a parenthetical that opens a scene and tells where it is set."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        at_scene_start = index == 0 or isinstance(blocks[index - 1], (SceneBreak, AuthorNote))
        if at_scene_start and isinstance(block, Paragraph) and is_scene_setting(as_marks(plain_text(block.inlines))):
            block = SceneNote(block.inlines)
        out.append(block)
    return out


def is_scene_setting(text: str) -> bool:
    """Tell whether a paragraph is wholly a parenthetical or bracketed note, with no dialogue in it."""
    # Feet and inches (6'2") are not dialogue: read them as primes before looking for quotes.
    return bool(SCENE_SETTING.match(text.strip())) and not re.search('["\u201c\u201d]', make_primes(text))


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
