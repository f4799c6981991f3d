"""Make WeasyPrint's first-fit breaker land on the total-fit breaks (``linebreak``) of a justified paragraph.

When a paragraph's line is about to be broken, the planner measures the paragraph (``linemeasure``), chooses all its
breaks at once, and hands back the chosen line's natural width: the line breaker is given that width and a hair
more, so first-fit breaks exactly there, while justification still stretches the line to the full measure. A line
that lands elsewhere (a measurement a hair off) is not forced: the rest of the paragraph is chosen again from where
it landed. Paragraphs the planner cannot measure, or that run beside a float, are broken first-fit as before.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from ebookgen.pdf.weasy.linebreak import (
    FIT_SLACK,
    RUNT_OPEN,
    SPARING,
    Measure,
    best_lines,
    letters_of,
    line_tracks,
    line_width,
    spared_closing,
    spread,
    tightest,
)
from ebookgen.pdf.weasy.linedrawn import flush_loss
from ebookgen.pdf.weasy.linelooseness import looser_breaks
from ebookgen.pdf.weasy.linemeasure import Paragraph, measure_paragraph, offset_of, signature, text_width

# The line breaker's width is the chosen line's natural width and this much (em) more: less than any next word
# or hyphenated syllable with its space, more than the rounding between our sums and WeasyPrint's layouts.
HAIR = 0.1
# The alignments that set a paragraph ragged right (large print): its lines are chosen for an even rag.
RAGGED = ("start", "left")
# The plans kept of paragraphs already set, for a page made again (a spread levelled) to set them the same.
KEPT_PLANS = 400


@dataclass(frozen=True)
class Plan:
    """A paragraph's chosen lines: where each starts (text offset), where it ends, and its natural width."""

    paragraph: Paragraph
    width: float
    lines: dict  # start offset: (end offset, natural width)
    made_from: tuple | None = None  # the paragraph's text boxes when its first line was planned
    looseness: int = 0  # lines more (below zero: fewer) than its best, for a spread to end level
    # start offset: how far (em) the line's letters may open and close, where it spares a runt past the usual limits
    spared: dict = field(default_factory=dict)


class Planner:
    """The plans of the paragraphs being laid out, and how often a line followed one."""

    def __init__(self) -> None:
        self.plans: dict[int, Plan] = {}
        self.counts = {"planned": 0, "landed": 0, "missed": 0, "first-fit": 0}
        self.expected: int | None = None  # where the line being laid out should end
        self.spared: tuple | None = None  # how far its letters may open and close, past the usual, to spare a runt
        # Set a line longer or shorter, for the spread leveller (``spreads``): paragraph: lines more (fewer).
        self.looseness: dict[tuple, int] = {}
        self.opened: list[tuple] = []  # the paragraphs whose first line was planned, on the page being made
        self.measured: dict[tuple, tuple] = {}  # paragraph: what its first plan was chosen from
        self.loosened: dict[tuple, Plan | None] = {}  # (paragraph, looseness): its plan, None when none stays even
        # paragraph: what it was measured from (its text boxes, its first line's style), and the measure; a page made
        # again from the paragraph's start, its plan gone (a plan resumed within it), measures it no more
        self.measures: dict[tuple, tuple] = {}
        # id of a measured paragraph: the paragraph, and each choice of its lines made (``choice_key``): a choice is
        # made from its widths alone, so the same question asked again (a page made again) is answered as before
        self.choices: dict[int, tuple] = {}

    def target(self, context, linebox, skip_stack, containing_block, first_line_style, hyphens_above: int):
        """Return the width to break the next line of a paragraph at, or None to break it first-fit."""
        self.expected, self.spared = None, None
        if not plannable(context, linebox, containing_block):
            return None
        key, width = id(linebox), containing_block.width
        plan = self.plans.get(key)
        if skip_stack is None:
            self.opened.append(paragraph_key(linebox))
            if plan is not None and plan.looseness != self.looseness.get(paragraph_key(linebox), 0):
                plan = None  # set again a line longer or shorter, or back to its best
        if plan is None or plan.width != width or (skip_stack is None and not reusable(plan, linebox)):
            plan = self.plan(context, linebox, width, first_line_style if skip_stack is None else None)
            if plan is None:
                self.counts["first-fit"] += 1
                return None
        offset = offset_of(plan.paragraph, linebox, skip_stack)
        if offset not in plan.lines:  # landed off the plan: choose the rest again from here
            plan = self.replan(context, linebox, width, plan, offset, hyphens_above)
        if plan is None or offset not in plan.lines:
            self.counts["first-fit"] += 1
            return None
        self.plans[key] = plan
        end, natural = plan.lines[offset]
        self.spared = plan.spared.get(offset)
        if end >= len(plan.paragraph.text) and natural <= width - (linebox.text_indent if skip_stack is None else 0.0):
            return None  # the last line, when it fits: first-fit sets it all
        self.expected, self.counts["planned"] = end, self.counts["planned"] + 1
        return natural + HAIR * linebox.style["font_size"]

    def plan(self, context, linebox, width: float, first_line_style) -> Plan | None:
        """Measure a paragraph and choose all its breaks."""
        key, made_from = paragraph_key(linebox), (signature(linebox), first_line_style)
        known = self.measures.get(key)
        if known is not None and known[0] == made_from:
            paragraph = known[1]
        else:
            paragraph = measure_paragraph(context, linebox, first_line_style)
            self.measures[key] = (made_from, paragraph)
        if paragraph is None:
            return None
        plan = self.choose(context, linebox, paragraph, width, 0, 0, first=True)
        self.measured[key] = (context, linebox, paragraph, width)
        if self.looseness.get(key) and self.loosen(key, self.looseness[key]):
            plan = self.loosened[(key, self.looseness[key])]
        return plan if plan is None else replace(plan, made_from=made_from[0])

    def is_ragged(self, key: tuple) -> bool:
        """Tell whether a paragraph measured is set ragged right (large print)."""
        return key in self.measured and self.measured[key][1].style["text_align_all"] in RAGGED

    def loosen(self, key: tuple, looseness: int) -> bool:
        """Tell whether a paragraph already planned can be set `looseness` lines longer (shorter) with even spaces."""
        if (key, looseness) not in self.loosened and key in self.measured:
            context, linebox, paragraph, width = self.measured[key]
            plan = self.choose(context, linebox, paragraph, width, 0, 0, first=True, looseness=looseness)
            self.loosened[(key, looseness)] = plan and replace(plan, looseness=looseness)
        return self.loosened.get((key, looseness)) is not None

    def replan(self, context, linebox, width, plan: Plan, offset: int | None, hyphens_above: int) -> Plan | None:
        """Choose the rest of a paragraph's breaks again, from where a line landed."""
        points = plan.paragraph.points
        since = bisect.bisect_left(points, offset) if offset is not None else len(points)
        if since >= len(points) - 1 or points[since] != offset:
            return None
        return self.choose(context, linebox, plan.paragraph, width, since, hyphens_above, first=False)

    def choose(
        self, context, linebox, paragraph: Paragraph, width: float, since: int, above: int, first: bool, looseness=0
    ) -> Plan | None:
        """Return ``chosen``'s plan, made once for each question asked of a measured paragraph."""
        known = self.choices.get(id(paragraph))
        if known is None or known[0] is not paragraph:
            known = self.choices[id(paragraph)] = (paragraph, {})
            while len(self.choices) > 2 * KEPT_PLANS:  # the oldest paragraphs': their pages are made
                del self.choices[next(iter(self.choices))]
        asked = choice_key(context, linebox, width, since, above, first, looseness)
        if asked not in known[1]:
            known[1][asked] = chosen(context, linebox, paragraph, width, since, above, first, looseness)
        return known[1][asked]

    def landed(self, linebox, resume_at) -> None:
        """Note whether the line just laid out ended where the plan said; forget a finished paragraph."""
        plan = self.plans.get(id(linebox))
        if resume_at is None:
            while len(self.plans) > KEPT_PLANS:  # the oldest paragraphs' plans: their pages are made
                del self.plans[next(iter(self.plans))]
            while len(self.measures) > KEPT_PLANS:
                del self.measures[next(iter(self.measures))]
            while len(self.measured) > KEPT_PLANS:
                del self.measured[oldest := next(iter(self.measured))]
                for looseness in (-1, 1):
                    self.loosened.pop((oldest, looseness), None)
        elif self.expected is not None and plan is not None:
            hit = offset_of(plan.paragraph, linebox, resume_at) == self.expected
            self.counts["landed" if hit else "missed"] += 1
        self.expected = None


def choice_key(context, linebox, width: float, since: int, above: int, first: bool, looseness: int) -> tuple:
    """Return all that ``chosen`` reads beside a paragraph's widths: the question, the measure and the face's space."""
    style = linebox.style
    indent = linebox.text_indent if first else 0.0
    space = natural_space(context, style)
    return (width, since, above, first, looseness, indent, style["text_align_all"], style["font_size"], space)


def reusable(plan: Plan, linebox) -> bool:
    """Tell whether a paragraph laid out again from its start (a page made again) can keep its first plan."""
    return plan.made_from is not None and plan.made_from == signature(linebox)


def plannable(context, linebox, containing_block) -> bool:
    """Tell whether a paragraph's lines are for the total-fit breaker: justified or ragged-right text, no float
    beside it."""
    style = linebox.style
    return (
        style["text_align_all"] in ("justify", *RAGGED)
        and style["white_space"] == "normal"
        and style["direction"] == "ltr"
        and not context.excluded_shapes
        and containing_block.width > 0
    )


def paragraph_key(linebox) -> tuple:
    """Return what names a paragraph through the layout, its pages made again: its element and pseudo-element."""
    return (id(linebox.element), linebox.element_tag)


def chosen(
    context, linebox, paragraph: Paragraph, width: float, since: int, above: int, first: bool, looseness: int = 0
) -> Plan | None:
    """Return the plan of a paragraph's lines from its point `since`, chosen total-fit (`looseness`: lines more than
    its best, ``linelooseness.looser_breaks``)."""
    breaks = paragraph.breaks
    indent = linebox.text_indent if first else 0.0
    ragged = linebox.style["text_align_all"] in RAGGED
    size = 0.0 if ragged else linebox.style["font_size"]  # a ragged line's letters are never tracked
    space = natural_space(context, linebox.style)
    measure = Measure(first=width - indent, width=width, space=space, size=size, ragged=ragged)
    if not first:
        breaks = replace_first(breaks)
    if looseness:
        chosen_points = [(point, 0) for point in looser_breaks(breaks, measure, looseness, since, above)]
    else:
        chosen_points = best_lines(breaks, measure, since, above)
    if not chosen_points:
        return None
    lines, spared, start = {}, {}, since
    for point, row in chosen_points:
        natural = line_width(breaks, start, point, first and start == 0)
        tracks = line_tracks(breaks, measure, first and start == 0)
        line = (start, point, first and start == 0)
        if overfull(breaks, measure, line, tracks):
            tracks = spared_closing(tracks)  # closed past the usual, to spare a runt or a loose line
        if overfull(breaks, measure, line, tracks):
            break  # a word wider than the line: first-fit breaks it (overflow-wrap), the plan resumes after
        lines[begin_of(paragraph, start)] = (paragraph.points[point], natural)
        if row == SPARING or tracks[2] > line_tracks(breaks, measure, first and start == 0)[2]:
            spared[begin_of(paragraph, start)] = (RUNT_OPEN if row == SPARING else tracks[0], tracks[2])
        start = point
    return Plan(paragraph, width, lines, spared=spared)


def overfull(breaks, measure: Measure, line: tuple[int, int, bool], tracks: tuple) -> bool:
    """Tell whether a chosen line (from point, to point, whether it is the paragraph's first) is wider than its
    measure closes to (`tracks`: ``linebreak.line_tracks``): set at its width, a word wider than the line would run
    off the page in one piece (20,000 letters in one line, all but the first 50 lost)."""
    start, point, first = line
    spaces = breaks.spaces_end[point] - breaks.spaces_start[start]
    letters = letters_of(breaks, start, point, measure)
    width = measure.first if first else measure.width
    natural = line_width(breaks, start, point, first)
    return natural > width + tightest(spaces, letters, measure, tracks[2], tracks[1]) + FIT_SLACK


def begin_of(paragraph: Paragraph, point: int) -> int:
    """Return the offset a line starting at a break point starts at (after its spaces)."""
    offset, text = paragraph.points[point], paragraph.text
    while offset < len(text) and text[offset] == " ":
        offset += 1
    return offset


def replace_first(breaks):
    """Return the breaks without their first line's own widths (a plan resumed within the paragraph)."""
    return replace(breaks, first_end=())


def natural_space(context, style) -> float:
    """Return the width of a word space in a style (the breaker's natural space), measured once a face and size."""
    key = tuple(str(style[name]) for name in SPACE_KEYS)
    if key not in SPACES_MEASURED:
        SPACES_MEASURED[key] = text_width(context, " ", style)
    return SPACES_MEASURED[key]


# What a word space's width depends on, and the widths measured (a few faces and sizes a book).
SPACE_KEYS = ("font_family", "font_size", "font_style", "font_weight", "font_stretch", "font_variant_caps", "lang")
SPACES_MEASURED: dict[tuple, float] = {}


def tighten(context, line, width: float, letters: int, track, tracks: tuple) -> None:
    """Close a planned line whose words run past the measure: its letters and word spaces together, as the breaker
    chose (``linebreak.spread``; `tracks`: how far its letters may open, their style's spacing, how far they may
    close); `track` sets the letters' spacing and returns how much wider the line grew."""
    from weasyprint.layout.inline import add_word_spacing, count_expandable_spaces

    spaces = count_expandable_spaces(line)
    if line.width <= width + 0.01 or not (spaces or letters):
        return
    space, size = natural_space(context, line.style), line.style["font_size"]
    _, tracking = spread(width - line.width, spaces, letters, space, size, *tracks)
    lost = 0.0
    if tracking and letters:
        track(context, line, tracking, 0.0)
        lost = flush_loss(line)  # the PDF writer's rounding, given back to the spaces
    if spaces and abs(line.width - lost - width) > 0.01:
        add_word_spacing(context, line, (width + lost - line.width) / spaces, 0)


def initial_set(linebox, skip_stack, rest: tuple) -> tuple:
    """Set a paragraph's raised initial in its line box before its first line is planned, as WeasyPrint would."""
    if skip_stack is not None or not rest[3]:
        return rest
    from weasyprint.layout.inline import first_letter_to_box

    first_letter_to_box(linebox, None, rest[3])
    return (*rest[:3], None, rest[4])
