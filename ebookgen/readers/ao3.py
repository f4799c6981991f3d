"""Read an Archive of Our Own download (its HTML, or its EPUB's pages joined): the work, its notes, its tags.

The shape is otwarchive's app/views/downloads/: a preface (``div#preface``: the title, ``dl.tags`` with
Rating, Archive Warning, Fandom, Relationship, Characters, Additional Tags, Series and Stats, the byline,
the summary and the notes in ``blockquote.userstuff``), ``div#chapters`` (for each chapter a ``div.meta``
with its heading and notes, its text in ``div.userstuff``, its end notes) and an afterword (the end notes).
The notes become author's notes (``::: note``), the tags metadata; the archive's own messages are left out.
"""

from __future__ import annotations

import re

from ebookgen.model import AuthorNote, Footnote, Paragraph, Text, plain_text
from ebookgen.model.document import Heading, ReadBlock
from ebookgen.patterns import lazy
from ebookgen.readers.header import LANGUAGES
from ebookgen.readers.htmltext import MappedText, map_html, tag_of, words_of
from ebookgen.readers.source import FoundMetadata

SERIES_PART = lazy(r"Part\s+(\d+)\s+of\s+(.+)", re.I)
PUBLISHED = lazy(r"Published:\s*(\d{4}-\d{2}-\d{2})")
# Tag kinds in ``dl.tags`` that are the book's subjects, in AO3's order.
AO3_MESSAGES = "AO3's preface and afterword messages left out (where it was posted, asking for comments)"
SUBJECT_KINDS = ("fandom", "relationship", "character", "additional tag", "category")


def is_ao3(root) -> bool:
    """Tell an AO3 download: a preface with the work's tags, then its chapters."""
    return bool(root.xpath("//div[@id='preface']//dl[contains(@class, 'tags')]")) and bool(
        root.xpath("//div[@id='chapters']")
    )


def read_ao3(root, where: str) -> tuple[MappedText, FoundMetadata]:
    """Read an AO3 download: the chapters with their notes as model blocks, and the preface as metadata."""
    preface = root.xpath("//div[@id='preface']")[0]
    tags = tag_lists(preface)
    work_notes = labelled_quotes(preface, where)
    parts: list[ReadBlock] = []
    unmapped = [f"{AO3_MESSAGES}"]
    chapters = [part for element in root.xpath("//div[@id='chapters']") for part in chapter_parts(element, where)]
    notes = counted = 0  # The notes so far, counted on from the blocks added since the last chapter.
    for index, (heading, chapter_notes, body, end_notes) in enumerate(chapters):
        if heading:
            parts.append(Heading(1, heading))
        if index == 0:
            parts += [note for label, blocks in work_notes if label != "Summary" for note in note_block(label, blocks)]
        parts += [note for label, blocks in chapter_notes for note in note_block(label, blocks)]
        notes, counted = notes + sum(isinstance(block, Footnote) for block in parts[counted:]), len(parts)  # linear
        mapped = map_html(body, where, first_label=1 + notes)
        unmapped += mapped.unmapped
        parts += mapped.blocks
        parts += [note for label, blocks in end_notes for note in note_block(label, blocks)]
    afterword = root.xpath("//div[@id='afterword']")
    if afterword:
        parts += [note for label, blocks in labelled_quotes(afterword[0], where) for note in note_block(label, blocks)]
    summary = next((blocks for label, blocks in work_notes if label == "Summary"), ())
    words = "\n\n".join(plain_text(block.inlines) for block in summary if isinstance(block, Paragraph)).strip()
    return MappedText(tuple(parts), tuple(unmapped)), preface_metadata(preface, tags, words)


def tag_lists(preface, lists: str = ".//dl[contains(@class, 'tags')]") -> dict[str, tuple[str, ...]]:
    """Read ``dl.tags``: each kind (lower case, singular) with its tags, or its text for Series and Stats."""
    found: dict[str, tuple[str, ...]] = {}
    for dl in preface.xpath(lists):
        kind = ""
        for item in dl:
            if tag_of(item) == "dt":
                kind = singular(words_of(item).rstrip(":").strip().lower())
            elif tag_of(item) == "dd" and kind:
                links = [words_of(link) for link in item.iter("a")]
                found[kind] = tuple(links) if links and kind not in ("series", "stats") else (words_of(item),)
    return found


def singular(kind: str) -> str:
    """Name a tag kind in the singular: `archive warnings` -> `archive warning`, `categories` -> `category`."""
    if kind in ("stats", "series"):
        return kind
    if kind.endswith("ies"):
        return kind[:-3] + "y"
    return kind[:-1] if kind.endswith("s") else kind


def preface_metadata(preface, tags: dict[str, tuple[str, ...]], summary: str) -> FoundMetadata:
    """Turn the preface into metadata: title, byline, summary, tags as subjects, rating, warnings, series."""
    title = preface.xpath(".//h1")
    byline = preface.xpath(".//*[contains(@class, 'byline')]")
    authors = [words_of(link) for link in byline[0].iter("a")] if byline else []
    author = " and ".join(authors) or (re.sub(r"^by\s+", "", words_of(byline[0])) if byline else "")
    series = SERIES_PART.match(tags.get("series", ("",))[0])
    published = PUBLISHED.search(tags.get("stats", ("",))[0])
    url = next((link.get("href") for link in preface.xpath(".//p[contains(@class, 'message')]//a")
                if "/works/" in (link.get("href") or "")), "")  # fmt: skip
    language = tags.get("language", ("",))[0]
    language = LANGUAGES.get(language.lower(), language)  # AO3 names it in itself: `Français` is checked later
    return FoundMetadata(
        title=words_of(title[0]) if title else "",
        author=author,
        description=summary,
        subjects=tuple(dict.fromkeys(tag for kind in SUBJECT_KINDS for tag in tags.get(kind, ()))),
        series=series.group(2).strip() if series else "",
        series_index=series.group(1) if series else "",
        rating=", ".join(tags.get("rating", ())),
        warnings=tags.get("archive warning", ()),
        source=url or "",
        date=published.group(1) if published else "",
        publisher="Archive of Our Own",
        language=language,
    )


def labelled_quotes(container, where: str) -> list[tuple[str, tuple[ReadBlock, ...]]]:
    """Read the ``blockquote.userstuff`` of a preface, meta or afterword with the label before each."""
    found = []
    for quote in container.xpath(".//blockquote[contains(@class, 'userstuff')]"):
        label = previous_label(quote)
        blocks = map_html(quote, where).blocks
        if blocks:
            found.append((label, blocks))
    return found


def previous_label(quote) -> str:
    """Return the label AO3 prints before a quoted block ("Summary", "Notes", "Chapter End Notes")."""
    previous = quote.getprevious()
    while previous is not None and tag_of(previous) not in ("p", "h2", "h3"):
        previous = previous.getprevious()
    if previous is None and quote.getparent() is not None and quote.getparent().get("id") == "endnotes":
        return "End Notes"
    return words_of(previous).rstrip(":") if previous is not None else "Notes"


def chapter_parts(chapters, where: str):
    """Yield each chapter's heading, notes before it, its text element and its end notes."""
    heading, notes, end_notes, body = "", [], [], None
    for element in chapters:
        classes = (element.get("class") or "").split()
        if "meta" in classes and is_end_notes(element, body):
            end_notes = labelled_quotes(element, where)
        elif "meta" in classes:
            if body is not None:
                yield heading, notes, body, end_notes
                body, end_notes = None, []
            found = element.xpath(".//h2[contains(@class, 'heading')]")
            heading = words_of(found[0]) if found else ""
            notes = labelled_quotes(element, where)
            bylines = element.xpath(".//p[contains(@class, 'byline')]")
            notes += [("Chapter Byline", (Paragraph((Text(words_of(byline)),)),)) for byline in bylines]
        elif "userstuff" in classes:
            if body is not None:
                yield heading, notes, body, end_notes
                heading, notes, end_notes = "", [], []
            body = demoted(element)
    if body is not None:
        yield heading, notes, body, end_notes


def is_end_notes(meta, body) -> bool:
    """Tell a chapter's end notes: AO3's `endnotes` id, or a meta without a heading after the chapter's text."""
    if meta.get("id", "").startswith("endnotes"):
        return True
    return body is not None and not meta.xpath(".//h2[contains(@class, 'heading')]")


def demoted(body):
    """Set a chapter text's own headings as strong paragraphs: only AO3's chapter headings start chapters."""
    for heading in body.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6"):
        heading.tag = "p"
        heading.set("style", "font-weight: bold")
    return body


def note_block(label: str, blocks: tuple[ReadBlock, ...]) -> list[AuthorNote]:
    """Return an author's note: each of its paragraphs an author's note block, the first titled with its label."""
    notes = [AuthorNote(block.inlines) for block in blocks if isinstance(block, Paragraph)]
    return [AuthorNote(notes[0].inlines, label), *notes[1:]] if notes else []
