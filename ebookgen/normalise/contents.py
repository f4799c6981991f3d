"""Tell a book's contents list from its own headings: what the structure rules drop as a table of contents.

A contents list is a `Contents` heading, or a run of three or more headings with no text between them whose
titles the book's later headings repeat. Headings in a row that nothing repeats (a part, its chapters, an
epigraph's heading) are the book's own, kept: no story text goes as "a contents list" on its shape alone.
The drafts are structure's chapters being assembled (``title``, ``level``, ``items``, ``part``, ``has_text``).
"""

from __future__ import annotations

from ebookgen.normalise.headings import CONTENTS, PART


def drop_contents(drafts: list) -> list:
    """Drop a table of contents: a `Contents` heading, or a run of three or more headings with no text that the
    book's later headings repeat (a run nothing repeats is the book's own headings, kept)."""
    if not any(draft.has_text() for draft in drafts):
        return drafts  # A manuscript of headings only has no text for them to be the contents of.
    out: list = []
    run: list = []
    for index, draft in enumerate(drafts):
        if not draft.has_text() and draft.title:
            run.append(draft)
            continue
        out.extend(kept_headings(run, drafts[index:]))
        run = []
        out.append(draft)
    out.extend(kept_headings(run, []))
    return out


def kept_headings(run: list, later: list) -> list:
    """Keep a short run of empty headings (a part before its first chapter); drop a contents list.

    The run is the headings with no text between them that come before a chapter with text (``later``,
    the drafts from that chapter on). Four headings in a row that nothing repeats are not a contents list.
    """
    contents = any(draft.level == CONTENTS for draft in run)
    if not contents and (len(run) < 3 or not lists_later_headings(run, later)):
        return run
    # The last heading before the text may be the part the next chapter opens.
    tail = run[-1:] if run[-1].level == PART else []
    # Whatever the dropped headings carried (author's notes) moves to the first heading kept.
    notes = [item for draft in run[: len(run) - len(tail)] for item in draft.items]
    if tail and notes:
        tail[0].items[:0] = notes
    return tail


def lists_later_headings(run: list, later: list) -> bool:
    """Tell a contents list from headings in a row: most of its titles come back as the book's later headings."""
    titles = {comparable(draft.title) for draft in later} | {comparable(draft.part) for draft in later}
    listed = sum(1 for draft in run[:-1] if comparable(draft.title) in titles - {""})
    return listed >= 2 and listed >= 0.6 * (len(run) - 1)  # the last may be the chapter's own heading


def comparable(title: str) -> str:
    """Return a title as a contents list and a heading both give it: letters and digits, case folded."""
    return "".join(char for char in title.casefold() if char.isalnum())
