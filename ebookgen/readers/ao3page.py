"""Read a saved AO3 work page (the browser's Save As, not the archive's download): the work and its notes.

The shape is otwarchive's app/views/works/show and chapters/_chapter: the work's tags in ``dl.work.meta``
(Rating, Archive Warning, Category, Fandom, Relationships, Characters, Additional Tags, Language, Series,
Stats) and, inside ``div#workskin``, a ``div.preface`` (``h2.title``, ``h3.byline``, ``div.summary`` and
``div.notes`` with their ``blockquote.userstuff``), ``div#chapters`` (for each ``div.chapter`` a preface
with ``h3.title`` and the chapter's notes, its text in ``div.userstuff``, its end notes; a one-chapter work
has its ``div.userstuff`` straight in ``div#chapters``) and a ``div.afterword`` with the work's end notes.
Everything else on the page is the archive's own (navigation, kudos, comments) and is left out, named.
"""

from __future__ import annotations

from dataclasses import replace

from ebookgen.model.document import Heading, ReadBlock
from ebookgen.patterns import lazy
from ebookgen.readers.ao3 import SERIES_PART, demoted, note_block, preface_metadata, tag_lists
from ebookgen.readers.htmltext import MappedText, map_html, words_of
from ebookgen.readers.source import FoundMetadata

WORK_ID = lazy(r"/works/(\d+)")
ARCHIVE = "https://archiveofourown.org/works/"


def has_class(name: str) -> str:
    """Return an XPath test for one class among an element's classes."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def is_ao3_page(root) -> bool:
    """Tell a saved AO3 work page: its work skin holds the work's preface and its chapters."""
    skin = root.xpath("//div[@id='workskin']")
    return bool(skin) and bool(skin[0].xpath(f".//div[@id='chapters'] | .//*[{has_class('title')}]"))


def read_ao3_page(root, where: str, figure=None) -> tuple[MappedText, FoundMetadata]:
    """Read a saved AO3 work page: its chapters with their notes as blocks, its preface and tags as metadata."""
    skin = root.xpath("//div[@id='workskin']")[0]
    preface = next(iter(skin.xpath(f"./div[{has_class('preface')}]")), skin)
    work_notes = module_notes(preface, where, "")
    parts: list[ReadBlock] = [note for label, blocks in work_notes if label != "Summary" for note in blocks]
    unmapped: list[str] = []
    for heading, element in chapters_of(skin):
        if heading:
            parts.append(Heading(1, heading))
        parts += [note for _, blocks in module_notes(element, where, "Chapter ", before=True) for note in blocks]
        mapped = map_html(chapter_text(element), where, figure)
        unmapped += mapped.unmapped
        parts += mapped.blocks
        parts += [note for _, blocks in module_notes(element, where, "Chapter ", before=False) for note in blocks]
    for afterword in skin.xpath(f"./div[{has_class('afterword')}]"):
        parts += [note for _, blocks in module_notes(afterword, where, "") for note in blocks]
    kept = sum(len(words_of(part).split()) for part in skin.xpath(".//blockquote | .//div[@id='chapters']"))
    body = root.find("body") if root.find("body") is not None else root
    unmapped.append(left_out_note(len(words_of(body).split()) - kept))
    return MappedText(tuple(parts), tuple(unmapped)), page_metadata(root, preface, work_notes)


def left_out_note(words: int) -> str:
    """Say what a saved work page lost on purpose: the archive's own furniture around the work."""
    return (
        f"a saved AO3 work page: the archive's navigation, tag list, kudos, comments and messages left out "
        f"(about {max(words, 0)} words; the tags are the book's metadata)"
    )


def chapters_of(skin):
    """Yield each chapter's heading and element: every ``div.chapter``, or the one-chapter work's text."""
    chapters = skin.xpath(f".//div[@id='chapters']/div[{has_class('chapter')}]")
    if not chapters:
        chapters = skin.xpath(".//div[@id='chapters']")
    for chapter in chapters:
        title = chapter.xpath(f"./div[{has_class('preface')}]//h3[{has_class('title')}]")
        yield (words_of(title[0]) if title else ""), chapter


def chapter_text(chapter):
    """Return a chapter's text (its ``div.userstuff``), its landmark heading removed, its own headings demoted."""
    found = chapter.xpath(f"./div[{has_class('userstuff')}]")
    text = found[0] if found else chapter
    for landmark in text.xpath(f"./h3[{has_class('landmark')}]"):
        landmark.getparent().remove(landmark)
    return demoted(text)


def module_notes(container, where: str, prefix: str, before: bool | None = None):
    """Read the summary and notes modules of a preface, chapter or afterword as labelled author's notes.

    ``before`` picks a chapter's notes (True: those above its text, False: its end notes); None takes all.
    """
    found = []
    modules = f".//div[{has_class('module')} and ({has_class('notes')} or {has_class('summary')})]"
    for module in container.xpath(modules):
        end = "end" in (module.get("class") or "").split()
        if before is not None and end == before:
            continue
        kind = "Summary" if "summary" in (module.get("class") or "").split() else "End Notes" if end else "Notes"
        blocks = [block for quote in module.xpath(".//blockquote") for block in map_html(quote, where).blocks]
        if blocks:
            label = f"{prefix}{kind}"
            found.append((label, note_block(label, tuple(blocks))))
    return found


def page_metadata(root, preface, work_notes) -> FoundMetadata:
    """Read the work's title, byline, summary, tags, series, date and address from the saved page."""
    tags = tag_lists(root, f"//dl[{has_class('work')} and {has_class('meta')}]")
    summary = "\n\n".join(words_of_note(blocks) for label, blocks in work_notes if label == "Summary")
    found = preface_metadata(preface, tags, summary)
    title = preface.xpath(f".//*[{has_class('title')}]")
    series = root.xpath(f"//dd[{has_class('series')}]//span[{has_class('position')}]")
    place = SERIES_PART.match(words_of(series[0])) if series else None
    name = series[0].xpath(".//a") if series else []
    return replace(
        found,
        title=words_of(title[0]) if title else found.title,
        series=words_of(name[0]) if name else found.series,
        series_index=place.group(1) if place else found.series_index,
        source=found.source or work_address(root),
    )


def words_of_note(blocks) -> str:
    """Return a note's paragraphs as plain words, one paragraph a line."""
    from ebookgen.model import plain_text

    return "\n\n".join(plain_text(block.inlines) for block in blocks).strip()


def work_address(root) -> str:
    """Return the work's address on the archive, from its kudos form or its own links."""
    for element in root.xpath("//input[@id='kudo_commentable_id'] | //a[contains(@href, '/works/')]"):
        value = element.get("value") if element.tag == "input" else WORK_ID.search(element.get("href") or "")
        number = value if isinstance(value, str) else value.group(1) if value else ""
        if number.isdigit():
            return ARCHIVE + number
    return ""
