"""A line made again from all the same is taken as made (``linesmade.LinesMade``), a fresh copy; a tracked text
box's writer loss is counted from the layout tracking made (``linedrawn.kept_loss``); the planner measures a
paragraph and chooses its lines once for each question (``lineplan.Planner.choose``); a justified line's word
spacing is set unshaped (``spacing``). Savings only: the book is the same to the byte with them and without them,
and each falls back wherever what a line is made from differs."""

from __future__ import annotations

import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

from ebookgen.build import PrintChoices, build_pdf
from ebookgen.pdf.weasy import linedrawn, linelooseness, lineplan
from ebookgen.pdf.weasy.linesmade import LinesMade, copied
from ebookgen.pdf.weasy.setting import text_boxes
from ebookgen.project.manuscript import Overrides

EMPHASIS = (
    "She had *never* liked the lake in winter, when the ice groaned under the boats and the wind came down "
    "off the hills with nothing to stop it, and *everyone* in the village pretended not to hear it at night."
)


def talk() -> str:
    """Two chapters of talk (the bench's dialogue story: spreads levelled with a paragraph set a line looser or
    tighter) with paragraphs of narration in italics between (inline boxes)."""
    parts = bench("dialogue.py")["dialogue_story"](5_000, chapters=2).split("\n\n")
    return "\n\n".join(part if index % 9 else f"{part}\n\n{EMPHASIS}" for index, part in enumerate(parts)) + "\n"


def narrative() -> str:
    """The bench's generated story: long paragraphs, lines closed past the measure after justification."""
    return bench("bench.py")["synthetic_manuscript"](3_000)


def bench(name: str) -> dict:
    """Return the names a script of the bench defines."""
    return runpy.run_path(str(Path(__file__).parents[1] / "bench" / name))


def built(source: Path, target: Path) -> bytes:
    """Build a story's PDF in this process, one layout, and return its bytes."""
    build_pdf(source, target, PrintChoices(jobs=1), overrides=Overrides(language="en"))
    return target.read_bytes()


class Forgetful(dict):
    """A table that keeps nothing: every paragraph is measured again."""

    def __setitem__(self, key, value) -> None:
        return None


@pytest.mark.slow
@pytest.mark.parametrize("story", [talk, narrative])
def test_lines_taken_as_made_and_losses_and_choices_kept_make_the_same_book(
    story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "story.txt"
    source.write_text(story(), encoding="utf-8")
    taken, take = [], LinesMade.taken
    monkeypatch.setattr(LinesMade, "taken", lambda self, *given: taken.append(take(self, *given)) or taken[-1])
    with_kept = built(source, tmp_path / "kept.pdf")
    assert any(taken), "no line was taken as made before: the book tests nothing"
    monkeypatch.setattr(LinesMade, "keep", lambda self, *given: None)  # every line is made
    monkeypatch.setattr(linedrawn, "kept_loss", lambda layout, style: None)  # every loss from the layout made again
    monkeypatch.setattr(lineplan.Planner, "choose", lambda self, *asked, **named: lineplan.chosen(*asked, **named))
    setup = lineplan.Planner.__init__
    monkeypatch.setattr(
        lineplan.Planner, "__init__", lambda self: setup(self) or setattr(self, "measures", Forgetful())
    )
    monkeypatch.setattr(linelooseness, "COUNTED_MOST", 0)
    assert built(source, tmp_path / "made.pdf") == with_kept


class LineBox(SimpleNamespace):
    """Stands for WeasyPrint's line box (the cache reads a box's kind from its class name)."""

    def copy(self):
        return type(self)(**vars(self))


class InlineBox(LineBox):
    """Stands for an inline box (an italic span)."""

    def is_in_normal_flow(self) -> bool:
        return True


class TextBox(LineBox):
    """Stands for a text box."""


class InlineBlockBox(InlineBox):
    """Stands for an inline block: not plain text."""


def paragraph(*children) -> LineBox:
    """Return a paragraph's line box holding the given boxes."""
    return LineBox(children=list(children), position_x=0.0, position_y=0.0, width=0.0, height=0.0, text_indent=0.0)


def italic(text: str, tag: str = "em") -> InlineBox:
    """Return an inline box around a text."""
    return InlineBox(children=(TextBox(text=text),), element_tag=tag, footnote=None, remove_decoration_sides=set())


def arguments(width: float = 300.0, first_letter=None, first_line=None) -> tuple:
    """Return WeasyPrint's arguments after the skip stack: the containing block, the out-of-flow lists, the styles."""
    block = SimpleNamespace(width=width, content_box_x=lambda: 50.0)
    return (block, [], [], first_letter, first_line)


LAYOUT = SimpleNamespace(excluded_shapes=[])


def test_a_line_is_kept_only_when_plain_text_makes_it() -> None:
    lines, plain = LinesMade(), paragraph(TextBox(text="words"), italic("more"))
    assert lines.key(LAYOUT, plain, 10.0, None, arguments(), (200.0, False, None)) is not None
    assert lines.key(LAYOUT, plain, 10.0, None, arguments(first_letter={"x": 1}), ()) is None  # an initial set
    assert lines.key(LAYOUT, plain, 10.0, None, arguments(first_line={"x": 1}), ()) is None  # small capitals set
    assert lines.key(SimpleNamespace(excluded_shapes=["float"]), plain, 10.0, None, arguments(), ()) is None
    called = paragraph(TextBox(text="words"), italic("1", tag="::footnote-call"))
    assert lines.key(LAYOUT, called, 10.0, None, arguments(), ()) is None
    noted = paragraph(TextBox(text="words"), InlineBox(**{**vars(italic("1")), "footnote": "note"}))
    assert lines.key(LAYOUT, noted, 10.0, None, arguments(), ()) is None
    boxed = paragraph(TextBox(text="words"), InlineBlockBox(children=()))
    assert lines.key(LAYOUT, boxed, 10.0, None, arguments(), ()) is None


def test_a_line_is_taken_only_from_the_same_place_width_and_breaker() -> None:
    lines, plain = LinesMade(), paragraph(TextBox(text="words"), italic("more"))
    key = lines.key(LAYOUT, plain, 10.0, {1: {5: None}}, arguments(), (200.0, False, None))
    line = paragraph(TextBox(text="words", position_y=10.0))
    plain.position_x, plain.position_y, plain.width, plain.height = 50.0, 10.0, 180.0, 14.0
    lines.keep(key, LAYOUT, plain, (line, {1: {9: None}}), added=False)
    plain.position_x = plain.position_y = plain.width = plain.height = 0.0  # the next line's making moved them
    found = lines.taken(key, plain)
    assert found is not None and found[1] == {1: {9: None}}
    assert found[0] is not line and found[0].children[0] is not line.children[0]  # a fresh copy of every box
    assert (plain.position_x, plain.position_y, plain.width, plain.height) == (50.0, 10.0, 180.0, 14.0)
    others = (
        lines.key(LAYOUT, plain, 24.0, {1: {5: None}}, arguments(), (200.0, False, None)),  # lower on the page
        lines.key(LAYOUT, plain, 10.0, {1: {6: None}}, arguments(), (200.0, False, None)),  # resumed elsewhere
        lines.key(LAYOUT, plain, 10.0, {1: {5: None}}, arguments(), (210.0, False, None)),  # planned wider
        lines.key(LAYOUT, plain, 10.0, {1: {5: None}}, arguments(), (200.0, True, None)),  # hyphens barred
        lines.key(LAYOUT, plain, 10.0, {1: {5: None}}, arguments(width=280.0), (200.0, False, None)),  # narrower
    )
    assert all(lines.taken(other, plain) is None for other in others)
    plain.children[0] = TextBox(text="words")  # an initial set in it: other boxes
    assert lines.taken(lines.key(LAYOUT, plain, 10.0, {1: {5: None}}, arguments(), (200.0, False, None)), plain) is None


def test_a_line_that_added_boxes_out_of_the_flow_is_not_kept() -> None:
    lines, plain = LinesMade(), paragraph(TextBox(text="words"))
    key = lines.key(LAYOUT, plain, 10.0, None, arguments(), ())
    lines.keep(key, LAYOUT, plain, (paragraph(TextBox(text="words")), None), added=True)
    assert lines.taken(key, plain) is None


def test_a_copy_keeps_the_sequence_type_and_its_own_decorations() -> None:
    line = paragraph(italic("more"))
    line.children = tuple(line.children)
    twin = copied(line)
    assert type(twin.children) is tuple and twin.children[0] is not line.children[0]
    twin.children[0].remove_decoration_sides.add("left")
    assert line.children[0].remove_decoration_sides == set()


def test_a_loss_kept_is_read_only_for_its_own_style_and_never_with_justification_spacing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made_again = []

    class Layout(SimpleNamespace):
        def get_first_line(self):
            return "line", None

        def reactivate(self, style):
            made_again.append(style)

    monkeypatch.setattr(linedrawn, "glyphs_lost", lambda line, style: -0.25 if style is tracked else -0.5)
    tracked, other = {"letter_spacing": 0.1}, {"letter_spacing": 0.2}
    layout = Layout(justification_spacing=0)
    linedrawn.kept_loss(layout, tracked)
    assert linedrawn.text_shortfall(SimpleNamespace(pango_layout=layout, style=tracked)) == -0.25
    assert made_again == []
    assert linedrawn.text_shortfall(SimpleNamespace(pango_layout=layout, style=other)) == -0.5  # restyled: again
    justified = Layout(justification_spacing=1.5)
    linedrawn.kept_loss(justified, tracked)  # the writer's layout adds the spacing: not kept
    assert linedrawn.text_shortfall(SimpleNamespace(pango_layout=justified, style=tracked)) == -0.25
    assert made_again == [other, tracked]


def test_a_word_spacing_layout_made_unshaped_holds_what_weasyprints_holds_once_deactivated() -> None:
    from weasyprint import HTML
    from weasyprint.text.line_break import create_layout

    from ebookgen.pdf.weasy.spacing import plain, unshaped_layouts

    html = '<p style="word-spacing: 1px">Two words <u>under</u> <s>through</s></p><p style="font-size: 9px">one</p>'
    styles = {
        box.text.split()[0]: box.style
        for page in HTML(string=html).render().pages
        for _, box in text_boxes(page._page_box)
    }
    made = unshaped_layouts(create_layout)
    assert made is not None, "the release's inline layout is not the one the saving knows"
    cases = [(text, styles[key]) for key in ("Two", "one") for text in ("two words", "a\ttab", "a\nbreak", " ")]
    cases += [("under", styles["under"]), ("through", styles["through"])]
    lazy_ones = 0
    for text, style in cases:
        real, lazy = create_layout(text, style, None, None, 1.5), made(text, style, None, None, 1.5)
        real.deactivate()
        lazy.deactivate()
        assert vars(lazy) == vars(real), text
        lazy_ones += plain(text, style, None)
    assert lazy_ones == 3  # two words in both styles, a lone space without word spacing; no decorated text
    assert not plain("under", styles["under"], None) and not plain("words", styles["one"], 120.0)
