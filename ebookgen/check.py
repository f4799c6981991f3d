"""Check a manuscript: list what the normaliser could not be sure of, by source line.

Check runs the build's own passes (``normalise.passes``) with a collector, so what it reports is what
the build did: structure findings come from the structure rules (an end-of-flashback marker with no
break before it, a line that looks like a marker ebookgen does not know), quote, emphasis and note
findings from the pass that reports them over the build's blocks and quote style. It sits on top,
beside the build: it reads files, and asks the PDF's faces which characters they cannot set.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from ebookgen.model.document import Document
from ebookgen.model.maths import MARKED, formula_mark
from ebookgen.model.rawtext import from_literal
from ebookgen.normalise.conservation import LOST, removals
from ebookgen.normalise.found import settled_language
from ebookgen.normalise.options import NormaliseOptions
from ebookgen.normalise.passes import Work, normalise_document
from ebookgen.normalise.report import ERROR, REMOVED, WARNING, Finding, warn
from ebookgen.project.manuscript import Project, load_project
from ebookgen.readers.decode import REPLACED_NOTE
from ebookgen.readers.furniture import furniture_of
from ebookgen.readers.table import read_source

TEXT_READERS = ("", "plain text", "Markdown")
RUN = re.compile(r"\(lines (\d+)-(\d+)\)$")  # a run of the raw text's lines a removal names


def check_text(text: str, options: NormaliseOptions = NormaliseOptions()) -> list[Finding]:
    """Return every finding for one manuscript's raw text (its furniture found as its reader finds it), in order."""
    return check_document(Document(Path(""), text, "utf-8", furniture=furniture_of(text)), options)[0]


def check_document(document: Document, options: NormaliseOptions) -> tuple[list[Finding], Work]:
    """Run the build's passes over one document with a collector; return its findings in line order, and the
    work the passes did (its chapters are the build's)."""
    findings: list[Finding] = []
    work = normalise_document(document, options, findings)
    check_glyphs(without_formulas(from_literal(document.text), work.chapters), findings)  # marks as printed
    check_formulas(work.chapters, document.text, findings)
    return sorted(findings, key=lambda finding: finding.line), work


def check_glyphs(text: str, findings: list[Finding]) -> None:
    """Warn at each character no face can set in the PDF (EB Garamond, nor a fallback face): it prints as a box."""
    from ebookgen.pdf.glyphs import unset_in_lines

    for line, char in unset_in_lines(text.split("\n")):
        name = unicodedata.name(char, "unnamed")
        warn(findings, line, f"no face has a glyph for U+{ord(char):04X} {name}: it prints as a box in the PDF")


def without_formulas(text: str, chapters) -> str:
    """Return a document's text with its formulas (`$alt$` in a structured file's outline) left out: print draws
    them, in no face, so their characters need none."""
    from ebookgen.model import Book, Metadata
    from ebookgen.render.maths import formulas

    text = MARKED.sub("", text)  # a Markdown file's formulas, marked keys in its raw text
    alts = {formula.alt for _, formula in formulas(Book(Metadata(""), tuple(chapters)))}
    return re.sub(r"\$([^$\n]+)\$", lambda found: "" if found[1] in alts else found[0], text) if alts else text


def check_formulas(chapters, text: str, findings: list[Finding]) -> None:
    """Warn at each formula the print edition cannot draw (it prints its alt text there), by its line."""
    from ebookgen.model import Book, Metadata
    from ebookgen.render.maths import drawn, formulas

    lines = text.split("\n")
    for _, formula in formulas(Book(Metadata(""), tuple(chapters))):
        if error := drawn(formula.mathml, formula.alt, formula.display).error:
            marks = (f"${formula.alt}$", formula_mark(formula))  # a structured file's outline, a Markdown raw text
            line = next((number for number, typed in enumerate(lines, 1) if any(m in typed for m in marks)), 1)
            warn(findings, line, f"the formula \u201c{formula.alt[:60]}\u201d cannot be drawn in print ({error[:80]});"
                 " its alt text prints instead")  # fmt: skip


def check_file(
    path: Path, options: NormaliseOptions = NormaliseOptions(), encoding: str | None = None
) -> list[Finding]:
    """Read and check one manuscript file, with what reading it had to repair (reported at line 1)."""
    return check_source(read_source(path, encoding), options)


def check_source(source: Document, options: NormaliseOptions = NormaliseOptions()) -> list[Finding]:
    """Check one read file: what reading it repaired (at line 1), then what the passes found, by line."""
    repairs = [Finding(1, WARNING, f"{note} (whole file)") for note in source.repairs]
    replaced = [Finding(line, WARNING, REPLACED_NOTE) for _, line in source.replaced]
    found, work = check_document(source, options)
    in_text = removal_findings(source, options, list(work.chapters)) + found
    found = replaced + [located(finding, source) for finding in in_text]
    return repairs + sorted(found, key=lambda finding: finding.line)


def located(finding: Finding, source: Document) -> Finding:
    """Set a finding at the file's own line, and a run it names (`(lines 1-3)`) at the file's places too."""
    span = RUN.search(finding.message)
    if span and (source.lines or source.places):
        last = source.place(int(span.group(2))) if source.places else source.source_line(int(span.group(2)))
        finding = replace(finding, message=f"{finding.message[: span.start()]}(to {last})")
    return replace(finding, line=source.source_line(finding.line))


def removal_findings(source: Document, options: NormaliseOptions, chapters: list) -> list[Finding]:
    """List what the normaliser removed on purpose (markers, licence, header lines...), and any words lost."""
    found = []
    outline = source.text.split("\n")
    for removal in removals(source.text, options, chapters, source.furniture):
        if source.structured and all(line.startswith(":::") for line in outline[removal.line - 1 : removal.last]):
            continue  # a note's fence, which the outline wrote around a structured file's note: not the writer's
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
    """Check every text file of a project (of each work, for a collection)."""
    if project.works:
        results = [check_project(load_project(work.source)) for work in project.works]
        fields = zip(*((r.lines, r.errors, r.warnings, r.removed, r.readers) for r in results), strict=True)
        lines, errors, warnings, removed, readers = fields
        return CheckResult(sum(lines, ()), sum(errors), sum(warnings), sum(removed), sum(readers, ()))
    lines: list[str] = []
    read: list[str] = []
    errors = warnings = removed = 0
    meta = project.metadata
    language = settled_language(meta.language)
    options = replace(project.options, language=language, title=meta.title, authors=meta.authors)
    for path in project.sources:
        source = read_source(path, project.encoding)
        if source.reader not in TEXT_READERS:  # A text file's lines are as typed; a marked-up file's are not.
            read.append(reader_line(source))
        lines += [f"{path}: {WARNING}: {note}" for note in source.unmapped]
        warnings += len(source.unmapped)
        for finding in check_source(source, options):
            lines.append(placed(finding, path, source))
            errors += finding.severity == ERROR
            warnings += finding.severity == WARNING
            removed += finding.severity == REMOVED
    return CheckResult(tuple(lines), errors, warnings, removed, tuple(read))


def placed(finding: Finding, path: Path, source: Document) -> str:
    """Write a finding at its place: `FILE:LINE`, or in an EPUB `FILE:PAGE:LINE` (the page's own line)."""
    if source.places:
        return f"{path}:{source.place(finding.line)}: {finding.severity}: {finding.message}"
    return finding.format(str(path))


def reader_line(source: Document) -> str:
    """Say which reader read a file and what its numbers count: the file's own places (a Word document's
    paragraphs, a web page's lines), or the lines of the raw text its reader made."""
    if source.counted:
        return f"{source.path}: read by the {source.reader} reader; its numbers count the document's {source.counted}"
    if source.lines and not source.places:  # a web page's blocks know their element's line (lxml's sourceline)
        return f"{source.path}: read by the {source.reader} reader; line numbers are the file's own lines"
    return f"{source.path}: read by the {source.reader} reader; line numbers count the lines of the raw text it made"
