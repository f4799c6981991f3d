"""The archive bench's library: N generated works, 1,000 to 200,000 words, in five formats, the same every run.

Sizes are spread over the log scale with the golden-ratio sequence over a block of `BLOCK` works, and the block's
sizes and formats repeat (with new stories) down the whole list: every tenth of a batch of 1,000 works or more holds
the same mix, its largest Word document and its shortest story alike, so a worker's peak memory at the first tenth
and at the end measure the same works, and a rise between them is what a worker keeps, not what the mix reached. The
formats take turns: a `.txt` typed with the home-made conventions (a metadata header, straight quotes, `*emphasis*`,
`--`, `...`, `* * *`, an `A/N:`), Markdown, a Word document (python-docx), an AO3 HTML download and a FanFicFare
EPUB (the shapes of the reader tests' fixtures, tests/fanfiles.py and tests/foreign.py).
"""

from __future__ import annotations

import datetime
import html
import os
import random
import sys
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # The reader tests' EPUB shapes (tests/foreign.py).

from tests.foreign import ncx, package, page  # noqa: E402

GOLDEN = (5**0.5 - 1) / 2
BLOCK = 100  # The mix's period: a tenth of the smallest batch whose memory the bench compares (1,000 works).
FORMS = ("txt", "md", "docx", "html", "epub")
VOCABULARY = (
    "the a and of to in was he she it his her that had with for on at but not as you they said what would could "
    "there were been one all when from this night long door looked back never again knew thought told little still "
    "before after away something nothing always maybe really just harbour ferry lantern castle letter window "
    "morning smile silence voice hands eyes rain road north salt tide gull pier coat kettle stairs"
).split()
NAMES = "Mara Tom Rory Jess Ada Quinn Hale Wren".split()
BREAK = None  # A scene break among a chapter's paragraphs.
ZIP_TIME = (2024, 2, 1, 0, 0, 0)


@dataclass(frozen=True)
class WorkSpec:
    """One generated work: its place in the archive, its length in words and its format."""

    index: int
    words: int
    form: str

    @property
    def title(self) -> str:
        """Return the work's title, unique in the archive."""
        return f"{NAMES[self.index % len(NAMES)]} and the {VOCABULARY[-1 - self.index % 24].title()} {self.index}"

    @property
    def author(self) -> str:
        """Return the work's author (a pseud, as archives have them)."""
        return f"{NAMES[(self.index * 3) % len(NAMES)].lower()}_writes{self.index % 97}"

    @property
    def filename(self) -> str:
        """Return the work's file name in the library."""
        return f"work-{self.index:05d}-{self.words}w.{self.form}"  # Its size named: a plan changed writes anew.


@dataclass(frozen=True)
class Chapter:
    """A chapter: its title and paragraphs, each a tuple of (text, italic) runs, or BREAK."""

    title: str
    paragraphs: tuple


def archive_plan(count: int, low: int = 1_000, high: int = 200_000) -> list[WorkSpec]:
    """Plan the archive: each block of BLOCK works the same log-spread sizes in golden-ratio order and formats."""
    return [WorkSpec(index, size_of(index % BLOCK, low, high), form_of(index % BLOCK)) for index in range(count)]


def size_of(place: int, low: int, high: int) -> int:
    """Size the work at this place of a block: each five works (one of each format) the next golden-ratio step.

    Stepping per five, not per work, gives every format the whole range in each block (stepping per work left the
    Word documents, the format whose builds peak highest, no longer than 51,000 words in a block of 100), and the
    format's own small offset keeps the five sizes apart.
    """
    step = (place // len(FORMS)) * GOLDEN + FORMS.index(form_of(place)) / BLOCK
    return round(low * (high / low) ** (step % 1.0))


def form_of(index: int) -> str:
    """Give each five works the five formats, rotated each time so no format keeps to one size band."""
    return FORMS[(index + index // len(FORMS)) % len(FORMS)]


def chapters_of(spec: WorkSpec) -> list[Chapter]:
    """Write the work's story: chapters of 1,500-5,000 words, dialogue, emphasis, scene breaks."""
    chance = random.Random(spec.index * 7919 + spec.words)
    chapters, written = [], 0
    while written < spec.words:
        target = min(chance.randint(1_500, 5_000), spec.words - written)
        paragraphs, in_chapter = [], 0
        while in_chapter < max(target, 20):
            runs, count = paragraph(chance, len(paragraphs))
            paragraphs.append(runs)
            in_chapter += count
            if len(paragraphs) % 25 == 12:
                paragraphs.append(BREAK)
        written += in_chapter
        title = f"{chance.choice(VOCABULARY[45:]).title()} and {chance.choice(VOCABULARY[45:]).title()}"
        chapters.append(Chapter(title, tuple(paragraphs)))
    return chapters


def paragraph(chance: random.Random, number: int) -> tuple[tuple, int]:
    """Write one paragraph as runs; every third is speech; return it and its word count."""
    words = [chance.choice(VOCABULARY) for _ in range(chance.randint(8, 70))]
    words[0] = words[0].title()
    italic = chance.randrange(len(words)) if number % 4 == 1 else -1
    if number % 9 == 4:
        words[len(words) // 2] += " --"
    runs = [
        (" ".join(words[:italic]) + " ", False),
        (words[italic], True),
        (" " + " ".join(words[italic + 1 :]), False),
    ]
    runs = [(" ".join(words), False)] if italic < 0 else [run for run in runs if run[0].strip()]
    ending = "..." if number % 11 == 7 else "."
    if number % 3 == 2:
        return (("\u201c", False), *runs, (f",\u201d {chance.choice(NAMES)} said{ending}", False)), len(words) + 2
    return (*runs, (ending, False)), len(words)


def write_work(spec: WorkSpec, folder: Path) -> Path:
    """Write one work into folder in its format (under a temporary name, renamed when whole); return its path."""
    path = folder / spec.filename
    partial = path.with_name(f".{path.name}.part")
    WRITERS[spec.form](spec, chapters_of(spec), partial)
    os.replace(partial, path)
    return path


def write_archive(folder: Path, specs: list[WorkSpec], processes: int = 1) -> list[Path]:
    """Write every work of the plan into folder that is not there yet; return their paths in the plan's order.

    A work is written whole or not at all (renamed into place), and is the same bytes every run, so a work already
    in the folder is kept: an archive written once (or half written, then stopped) is reused by the next run.
    """
    folder.mkdir(parents=True, exist_ok=True)
    missing = [spec for spec in specs if not (folder / spec.filename).exists()]
    if processes > 1 and len(missing) > 1:
        with ProcessPoolExecutor(processes) as pool:
            list(pool.map(write_work, missing, [folder] * len(missing), chunksize=8))
    else:
        for spec in missing:
            write_work(spec, folder)
    return [folder / spec.filename for spec in specs]


def typed(runs: tuple, italic: str = "*") -> str:
    """Write a paragraph's runs as a writer types them: straight quotes, marked emphasis."""
    text = "".join(f"{italic}{text}{italic}" if emphasis else text for text, emphasis in runs)
    return text.replace("\u201c", '"').replace("\u201d", '"')


def write_txt(spec: WorkSpec, chapters: list[Chapter], path: Path) -> None:
    """Write the home-made text file: a metadata header, an author's note, chapters typed by hand."""
    lines = [f"Title: {spec.title}", f"Author: {spec.author}", "", "A/N: Thanks for reading! Comments welcome.", ""]
    for number, chapter in enumerate(chapters, start=1):
        lines += [f"Chapter {number}: {chapter.title}", ""]
        lines += [("* * *" if runs is BREAK else typed(runs)) + "\n" for runs in chapter.paragraphs]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_md(spec: WorkSpec, chapters: list[Chapter], path: Path) -> None:
    """Write a Markdown manuscript: a metadata header, `##` headings, `_emphasis_`, `***` breaks."""
    lines = [f"Title: {spec.title}", f"Author: {spec.author}", ""]
    for chapter in chapters:
        lines += [f"## {chapter.title}", ""]
        lines += [("***" if runs is BREAK else typed(runs, "_")) + "\n" for runs in chapter.paragraphs]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_docx(spec: WorkSpec, chapters: list[Chapter], path: Path) -> None:
    """Write a Word manuscript with python-docx: properties, a heading a chapter, italic runs, centred breaks."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    document.core_properties.title, document.core_properties.author = spec.title, spec.author
    document.core_properties.language = "en-GB"
    document.core_properties.created = document.core_properties.modified = datetime.datetime(2024, 2, 1)
    for chapter in chapters:
        document.add_heading(chapter.title, 1)
        for runs in chapter.paragraphs:
            if runs is BREAK:
                document.add_paragraph("* * *").alignment = WD_ALIGN_PARAGRAPH.CENTER
                continue
            made = document.add_paragraph()
            for text, emphasis in runs:
                made.add_run(text).italic = emphasis or None
    document.save(path)
    fix_zip_times(path)


def marked_up(runs: tuple) -> str:
    """Write a paragraph's runs as HTML, with curly quotes and <em>, as the archives do."""
    return "".join(f"<em>{html.escape(text)}</em>" if emphasis else html.escape(text) for text, emphasis in runs)


def html_paragraphs(chapter: Chapter) -> str:
    """Write a chapter's paragraphs as HTML, a centred `* * *` for a break."""
    return "\n".join(
        '<p align="center">* * *</p>' if runs is BREAK else f"<p>{marked_up(runs)}</p>" for runs in chapter.paragraphs
    )


def write_html(spec: WorkSpec, chapters: list[Chapter], path: Path) -> None:
    """Write an AO3 HTML download: the preface with its tags and stats, each chapter's meta and text, the afterword."""
    title, author = html.escape(spec.title), html.escape(spec.author)
    preface = (
        f'<div id="preface">\n<h2 class="toc-heading">Preface</h2>\n<p class="message"><b>{title}</b><br/>Posted '
        f'originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://'
        f'archiveofourown.org/works/{spec.index + 1000}">https://archiveofourown.org/works/{spec.index + 1000}</a>.'
        '</p>\n<div class="meta">\n<dl class="tags">\n<dt>Rating:</dt>\n<dd>General Audiences</dd>\n'
        "<dt>Fandom:</dt>\n<dd>Harbour Lights (TV)</dd>\n<dt>Language:</dt>\n<dd>English</dd>\n<dt>Stats:</dt>\n"
        f"<dd>Published: 2024-02-01 Words: {spec.words} Chapters: {len(chapters)}/{len(chapters)}</dd>\n</dl>\n"
        f'<h1>{title}</h1>\n<div class="byline">by <a rel="author" href="https://archiveofourown.org/users/{author}">'
        f'{author}</a></div>\n<p>Summary</p>\n<blockquote class="userstuff"><p>A generated work.</p></blockquote>\n'
        "</div>\n</div>"
    )
    body = "\n".join(
        f'<div class="meta group">\n<h2 class="heading">Chapter {number}: {html.escape(chapter.title)}</h2>\n</div>\n'
        f'<div class="userstuff">\n{html_paragraphs(chapter)}\n</div>'
        for number, chapter in enumerate(chapters, start=1)
    )
    afterword = (
        '<div id="afterword">\n<h2 class="toc-heading">Afterword</h2>\n<p class="message">Please drop by the '
        "archive and comment to let the creator know if you enjoyed their work!</p>\n</div>"
    )
    path.write_text(
        f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="UTF-8"/>\n<title>{title} - {author} - Harbour Lights (TV) '
        f"[Archive of Our Own]</title>\n</head>\n<body>\n{preface}\n"
        f'<div id="chapters" class="userstuff">\n{body}\n</div>\n{afterword}\n</body>\n</html>\n',
        encoding="utf-8",
    )


def write_epub(spec: WorkSpec, chapters: list[Chapter], path: Path) -> None:
    """Write a FanFicFare EPUB 2: its title and contents pages, then file0001.xhtml onwards."""
    title = html.escape(spec.title)
    pages = {
        f"OEBPS/file{number:04d}.xhtml": page(
            title, f"<h3>{html.escape(chapter.title)}</h3>\n{html_paragraphs(chapter)}"
        )
        for number, chapter in enumerate(chapters, start=1)
    }
    links = "\n".join(f'<a href="{Path(name).name}">{name}</a><br/>' for name in pages)
    files = {
        "OEBPS/title_page.xhtml": page(title, f"<h3>{title} by {html.escape(spec.author)}</h3>"),
        "OEBPS/toc_page.xhtml": page("Table of Contents", f"<div>\n<h3>Table of Contents</h3>\n{links}\n</div>"),
        **pages,
    }
    opf = package(list(files)).replace("The Ferry at Six", title).replace("inkwell_writes", html.escape(spec.author))
    container = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
        '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>\n'
        "</container>\n"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container)
        archive.writestr("content.opf", opf)
        archive.writestr("toc.ncx", ncx(list(files)))
        archive.writestr("OEBPS/stylesheet.css", "body { margin: 2%; }\n")
        for name, text in files.items():
            archive.writestr(name, text)
    fix_zip_times(path)


def fix_zip_times(path: Path) -> None:
    """Give every member of a zip one fixed time, so the same work is the same bytes every run."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w") as archive:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            archive.writestr(fixed, data)


WRITERS = {"txt": write_txt, "md": write_md, "docx": write_docx, "html": write_html, "epub": write_epub}
