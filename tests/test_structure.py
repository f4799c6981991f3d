"""Structure of the bundled story: flashback, breaks, pauses and the scene-setting note."""

from __future__ import annotations

from ebookgen.model import Flashback, Paragraph, SceneBreak, SceneNote, plain_text
from ebookgen.normalise.pipeline import NormaliseOptions
from ebookgen.readers.table import read_text

from .conftest import MANUSCRIPT
from .rawtext import normalise_text


def story_blocks(options: NormaliseOptions = NormaliseOptions()):
    chapters = normalise_text(read_text(MANUSCRIPT / "story.txt"), options)
    assert len(chapters) == 1
    return chapters[0].blocks


def text_of(block) -> str:
    return plain_text(block.inlines)


def test_flashback_runs_from_the_blank_run_to_the_kiss() -> None:
    blocks = story_blocks()
    flashbacks = [block for block in blocks if isinstance(block, Flashback)]
    assert len(flashbacks) == 1
    inner = flashbacks[0].blocks
    assert text_of(inner[0]).startswith("It had been a couple of weeks")
    assert text_of(inner[-1]).endswith("as he leaned down again to kiss her.")
    index = blocks.index(flashbacks[0])
    assert isinstance(blocks[index - 1], SceneBreak) and isinstance(blocks[index + 1], SceneBreak)
    assert text_of(blocks[index - 2]) == "Rory thought back to their last night together."
    assert text_of(blocks[index + 2]).startswith("“That definitely was a night to remember.”")


def test_exactly_two_scene_breaks_and_no_marker_text() -> None:
    blocks = story_blocks()
    assert sum(isinstance(block, SceneBreak) for block in blocks) == 2
    texts = [text_of(block) for block in blocks if isinstance(block, (Paragraph, SceneNote))]
    assert not any("End Flashback" in text for text in texts)


def test_pauses_in_the_phone_call_are_not_breaks() -> None:
    blocks = story_blocks()
    texts = [text_of(block) if not isinstance(block, (SceneBreak, Flashback)) else "---" for block in blocks]
    rory = texts.index("“Rory,” he said again.")
    tell = texts.index("“Tell me something.”")
    assert texts[rory - 1] != "---" and texts[tell - 1] != "---"


def test_blank_line_policy_break_makes_every_run_a_break() -> None:
    blocks = story_blocks(NormaliseOptions(blank_runs="break"))
    assert sum(isinstance(block, SceneBreak) for block in blocks) == 4


def test_opening_parenthetical_is_a_scene_note() -> None:
    blocks = story_blocks()
    assert isinstance(blocks[0], SceneNote)
    assert text_of(blocks[0]).startswith("(Rory is sitting on the seats")
    assert isinstance(blocks[1], Paragraph)
