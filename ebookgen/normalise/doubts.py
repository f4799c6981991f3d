"""What the normaliser could not be sure of in a document's paragraphs: quotes, emphasis, notes.

The build runs this pass too, with nobody listening (then it does nothing); ``ebookgen check`` runs it
with a collector, over the very raw blocks and quote style the build used.
"""

from __future__ import annotations

from ebookgen.model import Text
from ebookgen.model.rawtext import HANDED_ON
from ebookgen.normalise.blocks import RawBlock
from ebookgen.normalise.emphasis import find_note_calls, parse_emphasis
from ebookgen.normalise.headings import heading_of
from ebookgen.normalise.markers import FLASHBACK_END, FLASHBACK_START, is_scene_break_marker
from ebookgen.normalise.report import Finding, Findings, error, warn
from ebookgen.normalise.runs import NOTE
from ebookgen.normalise.typography import TypographyOptions, quote_doubts
from ebookgen.patterns import lazy

# A `*` or `_` placed as an opening emphasis marker: after a space or quote, before a word.
UNCLOSED_EMPHASIS = lazy('(?:^|(?<=[\\s"\u201c\u2018(]))(?:\\*{1,2}|_{1,2})(?=[^\\s*_])')
QUOTE_OPENERS = "\"'\u201c\u2018"
CARRIED_CALL = lazy(f"{NOTE}(?P<label>[^{NOTE}]*){NOTE}")


def report_doubts(blocks: list[RawBlock], typography: TypographyOptions, findings: Findings) -> None:
    """Report quote guesses and open quotes, unclosed emphasis and unmatched notes (when anyone listens)."""
    if findings is None:
        return
    prose = prose_blocks(blocks)
    check_quotes(prose, typography, findings)
    check_emphasis([block for block in prose if not block.runs], findings)  # a structured file's `*` is text
    check_notes(blocks, findings)


def prose_blocks(blocks: list[RawBlock]) -> list[RawBlock]:
    """Return the blocks that are paragraphs of prose, not headings or marker lines."""
    return [
        block
        for block in blocks
        if block.mark is None
        and not is_scene_break_marker(block.text)
        and heading_of(block.text, markdown=not block.runs) is None
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
        if HANDED_ON.search(block.text):
            continue  # a reader parsed its emphasis (CommonMark's): a `*` left is one typed as text
        for run in parse_emphasis(block.text):
            unclosed = UNCLOSED_EMPHASIS.search(run.text) if isinstance(run, Text) else None
            if unclosed:
                mark = unclosed.group()
                warn(
                    findings,
                    block.line,
                    f"emphasis opened with {mark} is never closed in this paragraph; kept as typed",
                )


def note_calls(block: RawBlock) -> list[str]:
    """Return the labels a block calls: a raw text's `[^label]`, a structured paragraph's carried calls."""
    if block.runs:
        return [match.group("label") for match in CARRIED_CALL.finditer(block.runs[0].text)]
    text = "\n".join(block.mark.lines) if block.mark else block.text
    return [label for _, _, label in find_note_calls(text)]


def check_notes(blocks: list[RawBlock], findings: list[Finding]) -> None:
    """Warn at a note text nothing calls and at a call with no note text: both stay as typed."""
    calls = {label: block.line for block in blocks for label in note_calls(block)}
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
