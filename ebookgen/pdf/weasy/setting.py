"""The setting's hooks into WeasyPrint's line breaker and page maker: part of the WeasyPrint seam (the package
``pdf/weasy`` alone imports it, and ``weasy.probe`` lays a document out through every hook).

WeasyPrint breaks lines first-fit, with no limit on hyphenated lines in a row, stretches only word spaces to
justify, and ends each page where its widow and orphan rules say, whatever the facing page did. Wrapped here,
each a private function and so free to change in any WeasyPrint release:

- ``layout.inline.get_next_linebox``: a paragraph's line under two hyphenated lines is set without a hyphen;
- ``layout.inline.split_first_line``: no hyphen in a line of small capitals, none in a capitalised word (a name:
  ``Nata-/sha``), and no break at the text's own hyphen that leaves under three letters on a side (``in-/chief``,
  ``grown-/up``);
- ``layout.inline.justify_line``: a line's letters take their share of its extra width (``linebreak.spread``:
  0.01 em each at full stretch, up to 0.03 where the gaps would be loose), so its word gaps stay near natural, and
  the PDF writer's rounding of tracked letters goes back to the spaces (``linedrawn``), so the line ends flush;
- ``layout.page.make_page`` and its ``block_level_layout``: the two pages of a spread end on the same line: a recto
  that widows and orphans left short has its verso made again as short, or both run a line long (``level``).

Where WeasyPrint lacks one of them, the book is still laid out without it (``well_set``), and ``probe`` says so.
"""

from __future__ import annotations

import copy
import importlib
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from ebookgen.pdf.weasy.grid import RETIMED, leading_of, on_grid, retimable, retimed, stands_on_grid
from ebookgen.pdf.weasy.hyphdicts import primed
from ebookgen.pdf.weasy.linebreak import SMALL_CAPS_MOST, TRACK, TRACK_MOST, spread
from ebookgen.pdf.weasy.linedrawn import flush_loss, track
from ebookgen.pdf.weasy.linemeasure import spared
from ebookgen.pdf.weasy.lineplan import Planner, initial_set, natural_space, tighten
from ebookgen.pdf.weasy.linesmade import LinesMade
from ebookgen.pdf.weasy.pagesmade import PagesMade, made_from
from ebookgen.pdf.weasy.spreads import SpreadLeveller, depth, ends_at, shortfall
from ebookgen.pdf.weasy.spreads import body_lines as line_boxes

# The functions the setting wraps, in the order of `Setter.wrappers`.
SETTING_HOOKS = (
    ("weasyprint.layout.inline", "get_next_linebox"),
    ("weasyprint.layout.inline", "split_first_line"),
    ("weasyprint.layout.page", "make_page"),
    ("weasyprint.layout.page", "block_level_layout"),
    ("weasyprint.layout.inline", "justify_line"),
    ("weasyprint.layout.inline", "split_inline_box"),
    ("weasyprint.layout.block", "block_level_layout"),
)
# What the hooks do, in the page cache's key: a change here lays every chunk out again.
SETTING_RULES = (
    "hyphens in a row 2; none in small caps or capitalised words; compounds 3; tracking shared with spaces 2, flush 1, "
    "none in joined scripts; spreads even 2, remade 1, a line long 1 (4), two runs back, a paragraph a line shorter or "
    "longer 2 (either page or both), a scene break a line taller or shorter 1, full before a line short 1, changes on "
    "the pages before 1, a page's depth in its own line 1, depth from the text block's own foot 1, tries' notes as the "
    "page before left them 1, depth without notes 1, notes levelled never long 1, a try ending the document stands 1; "
    "total-fit lines (linebreak 5, ragged 1, runts spared by tracking 2 (closing only), small caps closed 1); grid 1; "
    "German nouns hyphenate"
)
MOST_HYPHENS_IN_A_ROW = 2
# A break at a hyphen of the text leaves at least this many letters on each side, as hyphenate-limit-chars does.
SHORT_FRAGMENT = 3
# Making a verso again to end level with its recto. The e-book's page-list markers follow the pages finally kept
# (weasy.page_starts reads them after layout; a page opening on a hyphenated word's tail begins at the next word).
LEVEL_BY_REMAKING = True
# Named pages that hold no running text (the front matter, a part's title page).
PAGES_WITHOUT_TEXT = ("front", "part", "first-part")
# Letters of a script that joins them (Arabic's, Syriac): a loose line of them is never tracked, spacing breaks joins.
JOINED_SCRIPT = re.compile("[\u0600-\u074f\u0750-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


class Setter(SpreadLeveller):
    """What the setting's hooks remember through one layout, and how often each was used."""

    def __init__(self) -> None:
        self.hyphens_before: dict[tuple, int] = {}  # (paragraph, where a line starts): hyphenated lines above
        self.plain = False  # the line being broken may not end in a hyphen
        self.room = 0.0  # what the page being made keeps free at its foot
        self.short: dict[int, float] = {}  # page number: how far above the page's foot its text ends
        self.kept: dict[int, float] = {}  # verso page number: the room it keeps to end level with its recto
        self.versos: dict[int, tuple] = {}  # verso page number: what it was made from, and the page made
        self.rectos: dict[int, tuple] = {}  # the same for a recto of text that does not end its chapter
        self.levelled = self.unlevelled = 0  # spreads made level, and spreads tried in vain
        self.line_height = 0.0  # the height of the body's lines, from the foot of the last page made
        self.depth: dict[int, int | None] = {}  # page number: whole lines its text ends above its full page's foot
        self.page_top, self.leading = 0.0, 0.0  # the page's grid: where its text block starts, its line height
        self.used = {"lines": 0, "plain": 0, "pages": 0, "roots": 0, "tracked": 0}
        self.used_grid = 0
        self.planner = Planner()  # the total-fit breaks of the paragraphs being laid out
        self.target: float | None = None  # the width the line being broken is given, to land on its planned break
        self.opened: dict[int, tuple] = {}  # page number: the paragraphs whose first line is on it
        self.blocks: dict[int, tuple] = {}  # page number: the scene breaks and chapter titles laid out on it
        self.blocks_here: list[tuple] = []  # the same for the page being made: (class, block)
        self.block_lines: dict[tuple, int] = {}  # scene break or title: lines more (fewer) than the grid gives it
        self.trying: tuple = ()  # the changes (``spreads.Change``) of the spread being levelled, while tried
        self.made_pages = PagesMade()  # the pages made lately, for the leveller's tries
        self.lines_made = LinesMade()  # the lines made lately, for pages made again

    def probed(self) -> bool:
        """Tell whether every hook was used, and a line was kept from a third hyphen in a row."""
        return all(self.used.values())

    def wrappers(self) -> tuple:
        """Return each hook's wrapper, in the order of SETTING_HOOKS."""
        lines_and_pages = (self.next_line, self.split_line, self.make_page, self.lay_out_root, self.justify)
        return (*lines_and_pages, self.break_at, self.lay_out_block)

    def next_line(self, original):
        """Wrap the line breaker: a line under two hyphenated lines of its paragraph is set without a hyphen."""

        def get_next_linebox(context, linebox, position_y, bottom_space, skip_stack, *rest):
            paragraph = (id(linebox.element), linebox.element_tag)
            above = self.hyphens_before.get((paragraph, str(skip_stack)), 0) if skip_stack else 0
            rest = initial_set(linebox, skip_stack, rest)
            self.target = target = self.planner.target(context, linebox, skip_stack, rest[0], rest[4], above)
            self.plain = above >= MOST_HYPHENS_IN_A_ROW and self.target is None
            self.used["lines"] += 1
            given = (target, self.plain, self.planner.spared)
            key = self.lines_made.key(context, linebox, position_y, skip_stack, rest, given)
            taken = self.lines_made.taken(key, linebox)
            if taken is not None:
                line, resume_at = taken
                self.plain, self.target = False, None
            else:
                outside = (len(rest[1]), len(rest[2]))
                try:
                    line, resume_at = original(context, linebox, position_y, bottom_space, skip_stack, *rest)
                finally:
                    self.plain, self.target = False, None
            self.planner.landed(linebox, resume_at if line is not None else None)
            if taken is None:
                if line is not None and target is not None:  # a planned line, the last closed to fit as well
                    tracks = self.line_tracks(line)
                    # its width counts its indent
                    tighten(context, line, rest[0].width, letters_in(line), track, tracks)
                added = outside != (len(rest[1]), len(rest[2]))
                self.lines_made.keep(key, context, linebox, (line, resume_at), added)
            self.planner.spared = None
            if line is not None and resume_at is not None:
                self.hyphens_before[(paragraph, str(resume_at))] = above + 1 if ends_in_hyphen(line) else 0
            return line, resume_at

        return get_next_linebox

    def split_line(self, original):
        """Wrap the first-fit split of a text: no hyphen where the line may not have one."""

        def split_first_line(text, style, context, max_width, *rest, **named):
            if not isinstance(context.dictionaries, LowerCaseHyphenation):
                context.dictionaries = LowerCaseHyphenation(context.dictionaries)
            if style["hyphens"] == "auto" and (self.plain or style["font_variant_caps"] != "normal"):
                self.used["plain"] += self.plain
                style = style.copy()
                style["hyphens"] = "manual"
            split = original(text, style, context, max_width, *rest, **named)
            # A break at the text's own hyphen with under three letters on a side is set narrower, so that the
            # line breaks at the space or hyphen before it.
            while split[2] is not None and short_compound(text, split[1], split[2]) and split[3] > 1:
                narrower = original(text, style, context, split[3] - 0.01, *rest, **named)
                if narrower[2] is None or narrower[1] >= split[1]:
                    break
                split = narrower
            return split

        return split_first_line

    def justify(self, original):
        """Wrap justification: a line's letters take their share of its extra width, as the breaker planned."""
        from weasyprint.layout.inline import count_expandable_spaces

        def justify_line(context, line, extra_width):
            spaces, letters = count_expandable_spaces(line), letters_in(line)
            if letters and extra_width > 0:
                space = natural_space(context, line.style)
                size = line.style["font_size"]
                _, spacing = spread(extra_width, spaces, letters, space, size, *self.line_tracks(line))
                if spacing:
                    self.used["tracked"] += 1
                    extra_width -= track(context, line, spacing, 0.0) - flush_loss(line)
            return original(context, line, extra_width)

        return justify_line

    def line_tracks(self, line) -> tuple[float, float, float]:
        """Return how far (em) the line being set may open its letters, their style's spacing, and how far (em) they
        may close: further where the planner spares a runt with it (``linebreak.RUNT_OPEN``, ``RUNT_CLOSE``)."""
        most, base, close = line_tracking(line)
        if self.planner.spared is None:
            return most, base, close
        return max(most, self.planner.spared[0]), base, max(close, self.planner.spared[1])

    def break_at(self, original):
        """Wrap the split of a line's content: a planned line is given its planned width, to break there."""

        def split_inline_box(context, box, position_x, max_x, *rest):
            if self.target is not None and type(box).__name__ == "LineBox":
                max_x = position_x + self.target
            return original(context, box, position_x, max_x, *rest)

        return split_inline_box

    def lay_out_root(self, original):
        """Wrap the page's layout of the document's root: keep the room the page maker asked for."""

        def block_level_layout(context, box, bottom_space, *rest, **named):
            if box.element_tag == "html":
                self.used["roots"] += 1
                bottom_space += self.room
                self.page_top, self.leading = box.position_y, leading_of(box)
            return original(context, box, bottom_space, *rest, **named)

        return block_level_layout

    def lay_out_block(self, original):
        """Wrap the layout of a block: a title, a note or a scene break takes whole lines of the page's grid."""

        def block_level_layout(context, box, bottom_space, skip_stack, containing_block, *rest, **named):
            laid = original(context, box, bottom_space, skip_stack, containing_block, *rest, **named)
            if laid[0] is not None and laid[1] is None and self.leading and stands_on_grid(box):
                self.used_grid += bool(on_grid(laid[0], box, containing_block, self.page_top, self.leading))
                kind = retimable(box)
                if kind is not None:
                    key = (id(box.element), box.element_tag)
                    self.blocks_here.append((kind, key))
                    retimed(laid[0], self.block_lines.get(key, 0), self.leading, RETIMED[kind])
            return laid

        return block_level_layout

    def make_page(self, original):
        """Wrap the page maker: the verso and recto of a spread of text end on the same line."""

        def made(context, arguments: tuple, room: float) -> tuple:
            self.room, self.used["pages"] = room, self.used["pages"] + 1
            self.planner.opened, self.blocks_here = [], []
            before = made_from(context, arguments, self.planner.looseness, self.block_lines)
            self.made_pages.starting(context, arguments[3], arguments[2])  # a try may start here again
            try:
                taken = self.made_pages.taken(context, arguments, room, before)
                if taken:
                    page, self.planner.opened, self.blocks_here = taken
                else:
                    page = original(context, *arguments)
            finally:
                self.room = 0.0
            number, lines = arguments[3], list(line_boxes(page[0]))
            self.opened[number] = tuple(self.planner.opened)
            self.blocks[number] = tuple(self.blocks_here)
            self.made_pages.keep(context, arguments, room, before, page, (self.opened[number], self.blocks[number]))
            self.made_pages.ended(context, number, page)  # what it left, for a page made again after it
            self.short[number] = shortfall(page[0], context.page_bottom) if page[1] is not None else 0.0
            if room < 0 and page[1] is not None and ends_at(page[0], context.page_bottom, room, -room):
                self.short[number] = room  # a page run long with its spread, and filled
            if lines:  # the foot's line is the body's; the page's own, so a chapter's first page is measured alike
                self.line_height = max(lines, key=lambda line: line.position_y + line.height).height  # in any chunk
            self.depth[number] = depth(page[0], context.page_bottom, self.line_height) if page[1] is not None else None
            return page

        def make_page(context, root_box, page_type, resume_at, page_number, page_state):
            text = not page_type.blank and page_type.name not in PAGES_WITHOUT_TEXT  # the first chapter's are text
            arguments = (root_box, page_type, resume_at, page_number, page_state)
            if page_number % 2 == 0 or not text or page_number - 1 not in self.versos:
                before = copy.deepcopy(page_state) if text else None
                page = made(context, arguments, self.kept.get(page_number, 0.0))
                made_here = self.versos if page_number % 2 == 0 else self.rectos  # a recto here opens a chapter
                made_here.pop(page_number, None)
                if text and page[1] is not None and page[2]["break"] == "any":  # not a chapter's end
                    made_here[page_number] = ((root_box, page_type, resume_at, page_number, before), page[0])
                return page
            before = copy.deepcopy(page_state)
            page = made(context, arguments, self.short[page_number - 1])
            ends_chapter = page[1] is None or page[2]["break"] != "any"
            self.rectos.pop(page_number, None)
            if ends_chapter:
                return page
            depths = (self.depth.get(page_number - 1), self.depth[page_number])
            if LEVEL_BY_REMAKING and self.line_height and depths[0] != depths[1]:
                page = self.level(made, context, (*arguments[:4], before), page)
            elif LEVEL_BY_REMAKING and self.line_height and depths[0] is not None and depths[0] > 0:
                page = self.level(made, context, (*arguments[:4], before), page, worst=depths[0])  # level, but short
            if page_number not in self.rectos:  # kept as first made (a spread levelled has recorded its recto)
                self.rectos[page_number] = ((*arguments[:4], before), page[0])
            return page

        return make_page


class LowerCaseHyphenation(dict):
    """WeasyPrint's hyphenation dictionaries, each kept from breaking a capitalised word: a name (``Nata-sha``,
    ``Bolkon-ski``) broken across lines is a typographer's fault (InDesign's "Hyphenate Capitalized Words" off)."""

    def get(self, key, default=None):
        """Return the dictionary for (lang, left, right, total), made here so that it skips capitalised words."""
        if key not in self:
            import pyphen

            lang, left, right, _total = key
            primed(lang)  # its patterns read from the cache
            self[key] = LowerCaseWords(pyphen.Pyphen(lang=lang, left=left, right=right), lang)
        return super().get(key, default)


class LowerCaseWords:
    """A pyphen dictionary that offers no break in a word opening with a capital letter."""

    def __init__(self, dictionary, lang: str) -> None:
        self.dictionary, self.lang = dictionary, lang

    def iterate(self, word: str):
        """Yield pyphen's (start, end) splits of a word, none for a name (linemeasure.spared)."""
        return iter(()) if spared(word, self.lang) else self.dictionary.iterate(word)


def line_tracking(line) -> tuple[float, float, float]:
    """Return how far (em) a line's letters may open, further in small capitals (linebreak.SMALL_CAPS_MOST), the
    letter spacing their style gives them, and how far (em) they may close: small capitals by all of it, and as far
    as lower case closes (``linebreak.line_tracks``)."""
    boxes = [box for _, box in text_boxes(line)]
    if not any(box.style["font_variant_caps"] != "normal" for box in boxes):
        return TRACK_MOST, 0.0, TRACK
    spacing = boxes[-1].style["letter_spacing"]
    spacing = 0.0 if spacing == "normal" else spacing
    return SMALL_CAPS_MOST, spacing, spacing / line.style["font_size"] + TRACK


def letters_in(line) -> int:
    """Return the characters of a laid-out line that tracking spaces, none in a script that joins its letters."""
    texts = [box.text for _, box in text_boxes(line)]
    return 0 if any(JOINED_SCRIPT.search(text) for text in texts) else sum(map(len, texts))


def short_compound(text: str, length: int, resume: int) -> bool:
    """Tell whether a split ends its first line at a hyphen of the text with under three letters beside it."""
    # Lengths are in UTF-8 bytes; a paragraph's text can be long, so only the line's own are encoded.
    head = text[:resume].encode()[:resume].decode(errors="ignore")
    line = head.encode()[:length].decode(errors="ignore").rstrip()
    if not line.endswith("-"):
        return False
    rest = text[len(head) : len(head) + 40]
    before, after = re.search(r"[^\W\d_]*$", line[:-1]).group(0), re.match(r"[^\W\d_]*", rest).group(0)
    return min(len(before), len(after)) < SHORT_FRAGMENT


def ends_in_hyphen(line) -> bool:
    """Tell whether a laid-out line ends in a hyphen: its own, or the one hyphenation added."""
    box = last_text(line)
    text = box.text.rstrip() if box is not None else ""
    return bool(text) and text.endswith((box.style["hyphenate_character"], "-"))


def last_text(box):
    """Return the last text box laid out in a box, or None."""
    if type(box).__name__ == "TextBox":
        return box
    for child in reversed(getattr(box, "children", ())):
        if (found := last_text(child)) is not None:
            return found
    return None


def text_boxes(box, anchor: str = ""):
    """Yield (id of the nearest element with one, text box) for the text laid out in a box, in order."""
    tag = getattr(box, "element_tag", "") or ""
    if tag.endswith(("::before", "::after", "::marker", "::footnote-call", "::footnote-marker")):
        return
    if type(box).__name__ in ("MarginBox", "FootnoteAreaBox"):
        return  # the page's furniture, and its footnotes: a page opens with the text above them
    anchor = box.style["anchor"] or anchor
    if type(box).__name__ == "TextBox":
        yield anchor, box
    for child in getattr(box, "children", ()):
        yield from text_boxes(child, anchor)


@contextmanager
def well_set(setter: Setter | None = None, strict: bool = False) -> Iterator[Setter]:
    """Lay out with the setting's hooks: those WeasyPrint lacks are left out, or raise when strict."""
    setter = setter or Setter()
    with ExitStack() as stack:
        for (module_name, name), wrap in zip(SETTING_HOOKS, setter.wrappers(), strict=True):
            module = importlib.import_module(module_name)
            original = getattr(module, name, None)
            if original is None and strict:
                raise AttributeError(f"{module_name} has no {name}")
            if original is not None:
                setattr(module, name, wrap(original))
                stack.callback(setattr, module, name, original)
        yield setter
