"""Issue 13: word conservation. Every word of the input reaches the book, except what is removed on purpose,
and `ebookgen check` lists each removal with FILE:LINE."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.normalise.conservation import LOST, MARKER, NOTE, book_words, words
from ebookgen.normalise.headings import heading_of
from ebookgen.normalise.pipeline import NormaliseOptions
from ebookgen.readers.table import read_source

from .conftest import SHARED, requires_shared
from .rawtext import normalise_text, removals
from .test_cases import CASES, read_cases
from .test_properties import SETTINGS

STORY_WORDS = st.sampled_from(
    "she said Rory Jess it's don't café naïve the rain fell on roofs and nobody spoke "
    "--- ... '80s 6'2\" *oh* _no_ flashback present help us".split()
)
SENTENCE = st.lists(STORY_WORDS, min_size=1, max_size=10).map(lambda words: " ".join(words).capitalize() + ".")
UNFINISHED = st.lists(STORY_WORDS, min_size=1, max_size=6).map(lambda words: "They saw " + " ".join(words))
MARKERS = st.sampled_from(["* * *", "***", "~~~", "oOo", "Flashback", "End Flashback", "*Flashback*", "Present"])
HEADINGS = st.sampled_from(["Chapter 1", "Chapter Two: The Day", "PART ONE", "Prologue", "# Storm"])
NOTES = st.sampled_from(["A/N: thanks for reading!", "Author's Note: one more.", "Disclaimer: not mine."])
LIST_LINES = st.sampled_from(["1", "2", "12", "Milk.", "Five", "Four", "Three", "HELP US", "XII"])
LOWER = st.lists(STORY_WORDS, min_size=1, max_size=6).map(lambda words: "and " + " ".join(words) + ".")
ITEM = st.one_of(SENTENCE, SENTENCE, SENTENCE, UNFINISHED, LOWER, MARKERS, HEADINGS, NOTES, LIST_LINES)
OPENING = st.lists(st.sampled_from(["Warning: major character death.", "Status: complete.", "Notes: for Ann."]))


def is_removable(item: str, drop_notes: bool) -> bool:
    """Tell whether an item may go on purpose: a marker line, or an author's note when notes are dropped."""
    from ebookgen.normalise.conservation import is_marker
    from ebookgen.normalise.structure import AUTHOR_NOTE

    return is_marker(item) or (drop_notes and bool(AUTHOR_NOTE.match(item)))


def no_contents_run(items: list[str]) -> bool:
    """Tell that no three headings stand with no text between them: that is a contents list, dropped on purpose.

    Markers and author's notes are no text. (A bare number after text is text, not a heading: counting it
    as one only leaves out a few more manuscripts.)
    """
    from ebookgen.normalise.conservation import is_marker
    from ebookgen.normalise.structure import AUTHOR_NOTE

    run = 0
    for item in items:
        if heading_of(item) is not None:
            run += 1
        elif not (is_marker(item) or AUTHOR_NOTE.match(item)):
            run = 0
        if run >= 3:
            return False
    return True


@SETTINGS
@given(
    OPENING,
    st.lists(ITEM, min_size=1, max_size=14).filter(lambda items: no_contents_run(["Chapter 1", *items])),
    st.booleans(),
)
def test_every_word_reaches_the_book_but_what_is_removed_on_purpose(
    opening: list[str], items: list[str], drop_notes: bool
) -> None:
    lines = [*opening, "Chapter 1", *items]
    text = "\n\n".join(lines) + "\n"
    options = NormaliseOptions(author_notes="drop" if drop_notes else "keep")
    found = book_words(normalise_text(text, options))
    kept = [line for line in lines if not is_removable(line, drop_notes)]
    if drop_notes:  # The opening Warning/Status/Notes lines are author's notes too.
        kept = [line for line in kept if line not in opening]
    needed = Counter(word for line in kept for word in words(line))
    missing = {word: count - found[word] for word, count in needed.items() if found[word] < count}
    assert not missing, f"lost {missing} from {lines}"
    removed = removals(text, options)
    assert not [removal for removal in removed if removal.reason == LOST], removed
    for removal in removed:  # Every line listed as removed is one that may go, for the reason it gives.
        line = lines[(removal.line - 1) // 2]
        may_go = is_removable(line, drop_notes) or (drop_notes and line in opening)
        assert removal.reason in (MARKER, NOTE) and may_go, (removal, line)


@settings(SETTINGS, max_examples=40)
@given(st.lists(st.sampled_from(["Flashback", "End Flashback", "* * *"]), min_size=1, max_size=4))
def test_check_lists_each_marker_line_it_removes(markers: list[str]) -> None:
    lines = ["Chapter 1", "The story began."]
    for marker in markers:
        lines += [marker, "It went on."]
    text = "\n\n".join(lines) + "\n"
    listed = {removal.line for removal in removals(text) if removal.reason == MARKER}
    worded = {2 * index + 1 for index, line in enumerate(lines) if line in ("Flashback", "End Flashback")}
    assert listed == worded


def test_the_golden_loss_cases_lose_no_word() -> None:
    _, cases = read_cases(CASES / "losses.txt")
    assert len(cases) >= 9
    for case in cases:
        assert not [removal for removal in removals(case.given) if removal.reason == LOST], case.name


def test_check_names_file_and_line_of_each_removal(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\nNow.\n\nFlashback\n\nThen.\n\nEnd Flashback\n\nA/N: bye\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(story), "--author-notes", "drop"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{story}:5: removed: a marker line",
        f"{story}:9: removed: a marker line",
        f"{story}:11: removed: an author's note (author_notes = drop)",
    ]


@pytest.mark.slow
@requires_shared
@pytest.mark.parametrize("name", ["pg2600.txt", "pg7178.txt"])
def test_every_word_of_the_corpus_reaches_the_book(name: str) -> None:
    source = read_source(SHARED / "corpus" / name)
    removed = removals(source.text)
    assert not [removal for removal in removed if removal.reason == LOST], removed
    assert removed[0].line == 1 and removed[0].reason == "the Project Gutenberg licence"
