"""A Word document's parts as Word finds them: the main part by its relationship, its paragraphs and their numbers.

Word finds the main part through the package's relationships (``_rels/.rels``), not by its usual name: pandoc's
``alternate_document_path.docx`` keeps it in ``word/document2.xml``. A tracked deletion of a paragraph's end
joins it to the next one; Word's reviewer sees the two texts with a space between them, so a space is set
there before mammoth joins them (``splitParagraph`` was two words glued). Check names a Word file's places by
paragraph number, counted as Word's body lists them.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from ebookgen.errors import InputError
from ebookgen.patterns import lazy
from ebookgen.readers.archive import read_member

KIND = "Word document"
USUAL_MAIN_PART = "word/document.xml"
MAIN_PART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD = lazy(r"[^\W_]+")
NOTE_CALL = lazy(r"\[\^([^\]\s]+)\]")  # a note's call as the outline writes it: `[^label]`
AHEAD = 200  # paragraphs searched past the last one found: linear in a document of any length
RELATIONSHIP = lazy(rb"<(?:\w+:)?Relationship\b[^>]*>")
ATTRIBUTE = lazy(rb'(\w+)="([^"]*)"')
# A run that only holds a space: what Word's reviewer sees where a paragraph's end was deleted.
SPACE_RUN = f'<w:r xmlns:w="{W[1:-1]}"><w:t xml:space="preserve"> </w:t></w:r>'


def main_part(path: Path, archive: zipfile.ZipFile) -> str:
    """Return the zip name of the document's main part, found by the package's officeDocument relationship."""
    names = set(archive.namelist())
    if "_rels/.rels" in names:
        for tag in RELATIONSHIP.findall(read_member(path, archive, "_rels/.rels", KIND)):
            attributes = {key.decode(): value.decode() for key, value in ATTRIBUTE.findall(tag)}
            if attributes.get("Type") == MAIN_PART:
                name = posixpath.normpath(attributes.get("Target", "").lstrip("/"))
                if name in names:
                    return name
    if USUAL_MAIN_PART in names:
        return USUAL_MAIN_PART
    raise InputError(
        f"{path}: not a Word document (no word/document.xml inside, nor a main part its relationships name); "
        "save it from Word as .docx"
    )


def body_of(data: bytes):
    """Parse a main part safely (no entities, no network), or None when it is not well-formed."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None  # mammoth refuses it in its own words


def joined_paragraphs(root) -> list:
    """Return the paragraphs whose end (the paragraph mark) is a tracked deletion: each joins the next."""
    return [mark.getparent().getparent().getparent() for mark in root.iter(f"{W}del")
            if mark.getparent().tag == f"{W}rPr" and mark.getparent().getparent().tag == f"{W}pPr"]  # fmt: skip


def spaced_at_joins(path: Path, main: str, data: bytes) -> tuple[bytes | None, int]:
    """Return the document (as bytes for mammoth) with a space where a deleted paragraph end joins two
    paragraphs, and how many there were; None when there are none (mammoth reads the file itself)."""
    from lxml import etree

    root = body_of(data) if b"<w:del " in data or b":del " in data else None
    joins = joined_paragraphs(root) if root is not None else []
    if not joins:
        return None, 0
    for paragraph in joins:
        paragraph.append(etree.fromstring(SPACE_RUN))
    out = io.BytesIO()
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            copy.writestr(info.filename, etree.tostring(root) if info.filename == main else archive.read(info))
    return out.getvalue(), len(joins)


def paragraph_texts(data: bytes) -> list[str]:
    """Return the text of each of the main part's paragraphs, in body order (empty ones too): check's numbers."""
    root = body_of(data)
    if root is None:
        return []
    texts = []
    for paragraph in root.iter(f"{W}p"):
        pieces = [element.text or "" for element in paragraph.iter(f"{W}t")
                  if paragraph is next(element.iterancestors(f"{W}p"))]  # fmt: skip
        texts.append("".join(pieces))
    return texts


def paragraph_lines(blocks, text: str, starts: tuple[int, ...], paragraphs: list[str]) -> tuple[int, ...]:
    """Return, for each line of the text a Word document's blocks make, the number of the document paragraph it
    came from (counted from 1 in body order, empty ones and table cells' too); a footnote's or an endnote's lines
    the number of the paragraph holding its call, where a writer finds it in Word."""
    from ebookgen.model import Footnote
    from ebookgen.model.outline import written

    keys = [paragraph_words(paragraph) for paragraph in paragraphs]
    located, cursor, calls, notes = {}, -1, {}, []
    for block, start in zip(blocks, starts, strict=True):
        if start and isinstance(block, Footnote):
            notes.append((block.label, start))  # placed once every call is found: at the paragraph calling it
        elif start:
            cursor = paragraph_of(block, keys, cursor)
            located[start] = cursor + 1
            for label in NOTE_CALL.findall(written(block)):
                calls.setdefault(label, cursor + 1)
    for label, start in notes:
        located[start] = calls.get(label, cursor + 1)
    out, current = [], 1
    for line in range(1, text.count("\n") + 2):
        current = located.get(line, current)
        out.append(current)
    return tuple(out)


def paragraph_of(block, keys: list[list[str]], last: int) -> int:
    """Find a block's paragraph: the first after the last one found that opens with the block's words; the next
    paragraph for a block without words of its own (a scene break, a picture) or one not found."""
    from ebookgen.model import Figure
    from ebookgen.model.outline import written

    wanted = [] if isinstance(block, Figure) else paragraph_words(written(block))[:4]
    if wanted:
        for index in range(max(last, 0), min(max(last, 0) + AHEAD, len(keys))):
            if keys[index][: len(wanted)] == wanted:
                return index
    return min(last + 1, max(len(keys) - 1, 0))


def paragraph_words(text: str) -> list[str]:
    """Return a paragraph's words as blocks and document paragraphs compare them: letters and digits, folded."""
    return WORD.findall(text.replace("*", "").casefold())


def comment_notes(body_xml: bytes, comments_xml: bytes) -> tuple[str, ...]:
    """Name each reviewer's comment left out, by its first words and the number of the paragraph it is anchored
    to (as check numbers a Word file's places), as every other removal is named."""
    from ebookgen.readers.htmlwords import shortened

    comments, body = body_of(comments_xml), body_of(body_xml)
    if comments is None:
        return ()
    anchored = comment_paragraphs(body) if body is not None else {}
    notes = []
    for comment in comments.iter(f"{W}comment"):
        words = " ".join("".join(element.text or "" for element in comment.iter(f"{W}t")).split())
        where = anchored.get(comment.get(f"{W}id") or "")
        place = f" on paragraph {where}" if where else ""
        notes.append(f"a reviewer's comment{place} left out (not the story's text): {shortened(words)}")
    return tuple(notes)


def comment_paragraphs(body) -> dict[str, int]:
    """Return the number of the paragraph (counted as check counts them) where each comment's anchor starts."""
    found: dict[str, int] = {}
    for number, paragraph in enumerate(body.iter(f"{W}p"), 1):
        for anchor in paragraph.iter(f"{W}commentRangeStart", f"{W}commentReference"):
            if paragraph is next(anchor.iterancestors(f"{W}p")):
                found.setdefault(anchor.get(f"{W}id") or "", number)
    return found
