"""Check a manuscript: list what the normaliser could not be sure of, by source line.

Structure findings come from the structure rules themselves (an end-of-flashback marker with no
break before it, a line that looks like a marker ebookgen does not know); quote findings come
from curling each paragraph (a quote left open that the next paragraph does not continue, a single
quote it had to guess).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from ebookgen.model import Text
from ebookgen.normalise.blocks import RawBlock
from ebookgen.normalise.emphasis import NOTE_CALL, parse_emphasis
from ebookgen.normalise.furniture import remove_furniture
from ebookgen.normalise.headings import heading_of
from ebookgen.normalise.marks import raw_blocks
from ebookgen.normalise.pipeline import NormaliseOptions, typography_options
from ebookgen.normalise.report import ERROR, REMOVED, WARNING, Finding, error, warn
from ebookgen.normalise.structure import (
    FLASHBACK_END,
    FLASHBACK_START,
    StructureOptions,
    find_structure,
    is_scene_break_marker,
)
from ebookgen.normalise.typography import TypographyOptions, quote_doubts
from ebookgen.project.manuscript import Project
from ebookgen.readers.decode import REPLACED_NOTE
from ebookgen.readers.source import SourceText
from ebookgen.readers.table import read_source

# A `*` or `_` placed as an opening emphasis marker: after a space or quote, before a word.
UNCLOSED_EMPHASIS = re.compile('(?:^|(?<=[\\s"\u201c\u2018(]))(?:\\*{1,2}|_{1,2})(?=[^\\s*_])')
TEXT_READERS = ("", "plain text", "Markdown")
QUOTE_OPENERS = "\"'\u201c\u2018"


def check_text(text: str, options: NormaliseOptions = NormaliseOptions()) -> list[Finding]:
    """Return every finding for one manuscript text, in line order."""
    findings: list[Finding] = []
    lines = remove_furniture(text, options.title, options.authors)
    blocks = raw_blocks(lines, options.paragraph_style, findings)
    find_structure(blocks, StructureOptions(options.blank_runs, options.author_notes), findings)
    typography = typography_options(options, [block.text for block in blocks])
    prose = prose_blocks(blocks)
    check_quotes(prose, typography, findings)
    check_emphasis(prose, findings)
    check_notes(blocks, findings)
    check_glyphs(text, findings)
    return sorted(findings, key=lambda finding: finding.line)


def check_glyphs(text: str, findings: list[Finding]) -> None:
    """Warn at each character no face can set in the PDF (EB Garamond, nor a fallback face): it prints as a box."""
    from ebookgen.pdf.glyphs import unset_in_lines

    for line, char in unset_in_lines(text.split("\n")):
        name = unicodedata.name(char, "unnamed")
        warn(findings, line, f"no face has a glyph for U+{ord(char):04X} {name}: it prints as a box in the PDF")


def check_file(
    path: Path, options: NormaliseOptions = NormaliseOptions(), encoding: str | None = None
) -> list[Finding]:
    """Read and check one manuscript file, with what reading it had to repair (reported at line 1)."""
    return check_source(read_source(path, encoding), options)


def check_source(source: SourceText, options: NormaliseOptions = NormaliseOptions()) -> list[Finding]:
    """Check one read file: what reading it repaired (at line 1), then what its raw text holds, by line."""
    repairs = [Finding(1, WARNING, f"{note} (whole file)") for note in source.repairs]
    replaced = [Finding(line, WARNING, REPLACED_NOTE) for _, line in source.replaced]
    in_text = removal_findings(source.text, options) + check_text(source.text, options)
    found = replaced + [replace(finding, line=source.source_line(finding.line)) for finding in in_text]
    return repairs + sorted(found, key=lambda finding: finding.line)


def removal_findings(text: str, options: NormaliseOptions) -> list[Finding]:
    """List what the normaliser removed on purpose (markers, licence, header lines...), and any words lost."""
    from ebookgen.normalise.conservation import LOST, removals

    found = []
    for removal in removals(text, options):
        if removal.reason == LOST:
            found.append(Finding(removal.line, ERROR, f"words lost: {removal.describe()}; please report this"))
        else:
            found.append(Finding(removal.line, REMOVED, removal.describe()))
    return found


@dataclass(frozen=True)
class CheckResult:
    """The findings of a whole project, formatted one per line, and how many were errors."""

    lines: tuple[str, ...]
    errors: int
    warnings: int
    removed: int = 0  # Runs of lines removed on purpose, listed for the record (markers, licence...).
    readers: tuple[str, ...] = ()  # Which reader read each file, one line each (shown on standard error).
    metadata: tuple[str, ...] = ()  # Where each field of the book's metadata came from (standard error too).

    @property
    def summary(self) -> str:
        """Return one line that counts the findings."""
        listed = f"; {self.removed} removal(s) listed" if self.removed else ""
        if not self.errors and not self.warnings:
            return f"ebookgen check: nothing uncertain found{listed}"
        return f"ebookgen check: {self.errors} error(s), {self.warnings} warning(s){listed}"


def check_project(project: Project) -> CheckResult:
    """Check every text file of a project."""
    lines: list[str] = []
    read: list[str] = []
    errors = warnings = removed = 0
    meta = project.metadata
    options = replace(project.options, language=meta.language, title=meta.title, authors=meta.authors)
    for path in project.sources:
        source = read_source(path, project.encoding)
        if source.reader not in TEXT_READERS:  # A text file's lines are as typed; a marked-up file's are not.
            read.append(reader_line(source))
        lines += [f"{path}: {WARNING}: {note}" for note in source.unmapped]
        warnings += len(source.unmapped)
        for finding in check_source(source, options):
            lines.append(finding.format(str(path)))
            errors += finding.severity == ERROR
            warnings += finding.severity == WARNING
            removed += finding.severity == REMOVED
    return CheckResult(tuple(lines), errors, warnings, removed, tuple(read))


def reader_line(source: SourceText) -> str:
    """Say which reader read a file (for a marked-up file, line numbers count the lines of its raw text)."""
    return f"{source.path}: read by the {source.reader} reader; line numbers count the lines of the raw text it made"


def prose_blocks(blocks: list[RawBlock]) -> list[RawBlock]:
    """Return the blocks that are paragraphs of prose, not headings or marker lines."""
    return [
        block
        for block in blocks
        if block.mark is None
        and not is_scene_break_marker(block.text)
        and heading_of(block.text) is None
        and not FLASHBACK_START.match(block.text)
        and not FLASHBACK_END.match(block.text)
    ]


def check_quotes(blocks: list[RawBlock], options: TypographyOptions, findings: list[Finding]) -> None:
    """Report quote guesses, and quotes left open where the next paragraph does not continue the speech."""
    for index, block in enumerate(blocks):
        doubts = quote_doubts(block.text, options)
        for guess in doubts.guesses:
            warn(findings, block.line, guess)
        if doubts.left_open and not continues_speech(blocks, index + 1):
            mark = "double" if doubts.left_open[0] == '"' else "single"
            error(findings, block.line, f"a {mark} quote opened in this paragraph is never closed")


def check_emphasis(blocks: list[RawBlock], findings: list[Finding]) -> None:
    """Report an emphasis marker that opens a run but never closes it in its paragraph."""
    for block in blocks:
        for run in parse_emphasis(block.text):
            unclosed = UNCLOSED_EMPHASIS.search(run.text) if isinstance(run, Text) else None
            if unclosed:
                mark = unclosed.group()
                warn(
                    findings,
                    block.line,
                    f"emphasis opened with {mark} is never closed in this paragraph; kept as typed",
                )


def check_notes(blocks: list[RawBlock], findings: list[Finding]) -> None:
    """Warn at a note text nothing calls and at a call with no note text: both stay as typed."""
    calls = {
        match.group("label"): block.line
        for block in blocks
        for match in NOTE_CALL.finditer("\n".join(block.mark.lines) if block.mark else block.text)
    }
    texts: dict[str, int] = {}
    for block in blocks:
        if block.mark and block.mark.kind == "footnote":
            if block.mark.title in texts:
                warn(
                    findings, block.mark.line, f"a second text for the note [^{block.mark.title}]; kept as a paragraph"
                )
            texts.setdefault(block.mark.title, block.mark.line)
    for label, line in texts.items():
        if label not in calls:
            warn(findings, line, f"the note [^{label}] is never called in the text; kept as a paragraph here")
    for label, line in calls.items():
        if label not in texts:
            warn(findings, line, f"[^{label}] calls a note that has no text ([^{label}]: ...); kept as typed")


def continues_speech(blocks: list[RawBlock], index: int) -> bool:
    """Tell whether the paragraph at index opens with a quote, continuing multi-paragraph speech."""
    if index >= len(blocks):
        return False
    return blocks[index].text.lstrip("*_ ")[:1] in QUOTE_OPENERS
