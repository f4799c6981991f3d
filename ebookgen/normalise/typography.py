"""Typography: turn typewriter text into book text, one small named rule at a time.

Each rule takes a paragraph's text and returns it; ``TYPOGRAPHY_RULES`` is the order they run
in. Quotes come last, once dashes and ellipses are real characters, so that the quote rules
can read them as context.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, partial

from ebookgen.languages import Language, english
from ebookgen.normalise.dashes import set_dashes
from ebookgen.normalise.pasted import straighten_pasted_quotes
from ebookgen.normalise.quotes import ENGLISH, QuoteMarks
from ebookgen.normalise.runs import RUN_MARKS
from ebookgen.patterns import lazy

# Word-initial elisions that take an apostrophe (’), never an opening quote (‘).
ELISIONS = frozenset(
    """em til tis twas twere twill cause cos coz bout round n nother scuse sup night kay ello er im ave ow
    ere fraid cept gainst most spose tween twixt less member nuff course e d s t all ang appen oo alf""".split()
)
LETTER = r"[^\W\d_]"
# Other languages' opening marks (« „ ‚ ‹ 「) open a quote inside them; their closing marks close one.
OPENING_CONTEXT = set(" \t\n\u00a0\u202f([{\u2014\u2013\u2026\u201c\u2018/-\u00ab\u201e\u201a\u2039\u300c\u00bf\u00a1")
CLOSING_CONTEXT = set(" \t\n\u00a0\u202f.,;:!?)]}\u2014\u2013\u2026\u201d\u2019-\"'\u00bb\u203a\u300d")
TRANSPARENT = set("*_") | RUN_MARKS  # emphasis marks: raw text's, and a structured paragraph's run edges
# Letters and marks of scripts written without spaces (kana, ideographs, Hangul, CJK punctuation): beside one a
# quote's side cannot be read from spaces, so the quotes open decide it (`言った。"'春子'` opens twice).
SPACELESS = lazy("[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60]")
STRAIGHT_QUOTE = lazy("[\"']")

PRIMARY_DOUBLE, PRIMARY_SINGLE = "double", "single"


@dataclass(frozen=True)
class TypographyOptions:
    """Choices the typography rules need: the manuscript's primary quote mark and the book's language (its record)."""

    primary_quote: str = PRIMARY_DOUBLE
    language: Language = field(default_factory=english)

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The rules before the quotes, looked up once (hashing the language at every paragraph cost more)."""
        return rules_for(self.language)


FOUR_DOTS = lazy(r"(?<=[^\s.])[ \t]?\.\s?\.\s?\.\s?\.(?!\.)")
THREE_DOTS = lazy(r"\.\s?\.\s?\.")
TWO_DOTS = lazy(r"\.\s?\.")


def make_ellipses(text: str) -> str:
    """Turn typed ellipses (`...`, `. . .`) into the ellipsis character; `....` keeps its full stop."""
    if not TWO_DOTS.search(text):
        return text  # most paragraphs: no rule below can match
    # Four dots after a word are the sentence's full stop, then an ellipsis (Chicago 13.53).
    text = FOUR_DOTS.sub(".\u2026", text)
    # Three spaced or unspaced dots are an ellipsis.
    return THREE_DOTS.sub("\u2026", text)


NUMBER_RANGE = lazy(r"(?<=\d)-{2}(?=\d)")
# Two numbers joined by one hyphen, neither part of a longer chain (`2020-01-05`, `A-1-2`) or of a word (`COVID-19`);
# a suffix (`1914-1918-as`) or a counter of a spaceless script (`1914-1918年`) may follow.
HYPHEN_RANGE = lazy(
    r"(?<![\w\-\u2013/.:,])(\d{1,4})-(\d{1,4})"
    r"(?![^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|[\u2013/]|[-.:,]\d)"
)


def make_ranges(text: str) -> str:
    """Set a number range typed with hyphens (`pages 10--12`, `1914-1918`, `2-3 km`) with an en dash (Chicago 6.78)."""
    if "-" not in text:
        return text
    text = NUMBER_RANGE.sub("\u2013", text)
    return HYPHEN_RANGE.sub(range_or_hyphen, text)


def range_or_hyphen(match: re.Match) -> str:
    """Join two numbers with an en dash where they rise (`1914-18`), not a phone number's (`555-1234`) or a score's."""
    first, second = match.group(1), match.group(2)
    upper = int(first[: len(first) - len(second)] + second) if len(second) < len(first) else int(second)
    rises = upper > int(first) and not (len(first) >= 3 and len(second) > len(first))
    return f"{first}\u2013{second}" if rises else match.group()


NAME_DASH = lazy(r"-{4,}")
TYPED_EM_DASH = lazy(r"[ \t]*-{2,3}[ \t]*")
SPACED_HYPHEN = lazy(r"(?<=[^\W\d_])[ \t]+-[ \t]+(?=[^\W\d_]|[\"'*_\ufdd8-\ufddc])")
SPACED_EM_DASH = lazy(r"[ \t]*\u2014[ \t]*")


def make_dashes(text: str) -> str:
    """Turn typed dashes into em and two-em dashes, closed up."""
    # Each rule runs only where its marks are: most paragraphs have hyphens, few have dashes.
    if "--" in text:
        # Four or more hyphens stand for a name left out: a two-em dash.
        text = NAME_DASH.sub("\u2e3a", text)
        # Two or three hyphens are an em dash (not an en dash, as Pandoc and Calibre make them); fiction closes it up.
        text = TYPED_EM_DASH.sub("\u2014", text)
    if " -" in text or "\t-" in text:
        # A spaced hyphen between words is a dash typed the quick way (also before a quote or an emphasis marker).
        text = SPACED_HYPHEN.sub("\u2014", text)
    if "\u2014" in text:
        # A spaced em dash typed as the character is closed up too.
        text = SPACED_EM_DASH.sub("\u2014", text)
    return text


# A quote mark after a digit (written quote first: sre scans for a leading character set at C speed).
DIGIT_QUOTE = lazy(r"['\"](?<=\d['\"])")
FEET_AND_INCHES = lazy(r"(?<=\d)'(\d{1,2})\"")
FEET_INCHES_UNMARKED = lazy(r"(?<=\b\d)'(?=\d{1,2}\b(?!'))")
# A measure alone: before a space and a word or a sign (`a 6' fence`, `2' x 2' = 4`, `2" x 2"`), or at the end.
FEET_ALONE = lazy(r"(?<=\b\d)'(?=\s+(?:[a-z]|[^\w\s\"'\u201c\u2018])|$)")
INCHES_ALONE = lazy(r"(?<=\b\d)\"(?=\s+(?:[a-z]|[^\w\s\"'\u201c\u2018])|$)")


def make_primes(text: str) -> str:
    """Turn feet and inches (`6'2"`, `2" x 2"`) into primes, leaving the quotes that close after a digit."""
    if not DIGIT_QUOTE.search(text):
        return text  # every rule below needs a digit before a quote mark
    # A height or length: digits, apostrophe, digits, double quote.
    text = FEET_AND_INCHES.sub("\u2032\\1\u2033", text)
    # Feet and inches without the inch mark: `5'8`.
    text = FEET_INCHES_UNMARKED.sub("\u2032", text)
    # Feet alone, unless the mark closes a quotation opened before it (`'#1' choice`).
    text = sub_unquoted(FEET_ALONE, "\u2032", text, single_quote_open)
    # Inches alone, unless a double quote is open before it (`"Room 2" he said`).
    return sub_unquoted(INCHES_ALONE, "\u2033", text, double_quote_open)


def sub_unquoted(pattern: re.Pattern, prime: str, text: str, quote_open: Callable[[str], bool]) -> str:
    """Replace each one-mark match with a prime, left to right, where no quotation is open before it."""
    for match in list(pattern.finditer(text)):
        if not quote_open(text[: match.start()]):
            text = text[: match.start()] + prime + text[match.end() :]
    return text


def double_quote_open(before: str) -> bool:
    """Tell whether the text before a mark leaves a double quote open: an odd count of them."""
    return before.count('"') % 2 == 1


def single_quote_open(before: str) -> bool:
    """Tell whether the last single quote before a mark opens a quotation (after a space, before a non-space)."""
    last = before.rfind("'")
    if last < 0 or before[last + 1 : last + 2].isspace():
        return False
    return last == 0 or before[last - 1] in OPENING_CONTEXT


# A left single quote where an apostrophe belongs, as Word's autoformat curls a typed one: `‘90s`, `‘til`, `‘em`.
MISCURLED_ELISION = lazy(
    "(?:(?<=^)|(?<=[\\s(\u201c\u2014\u2013\u2026]))\u2018(?=\\d\\d(?:s\\b|\\b)|(?:"
    + "|".join(sorted((word for word in ELISIONS if len(word) > 1), key=len, reverse=True))
    + ")\\b)",
    re.I,
)


def repair_elisions(text: str) -> str:
    """Turn a left single quote before `90s`, `til` or `em` into the apostrophe it stands for, as typed ones are."""
    return MISCURLED_ELISION.sub("\u2019", text) if "\u2018" in text else text


def curl_quotes(text: str, options: TypographyOptions = TypographyOptions()) -> str:
    """Curl straight quotes, nesting double and single quotes at any depth."""
    if '"' not in text and "'" not in text:
        return text  # nothing to curl
    return QuoteCurler(text, options.primary_quote, options.language.quotes or ENGLISH).run()


@dataclass(frozen=True)
class QuoteDoubts:
    """What curling one paragraph left uncertain: guesses made and the quote marks left open."""

    guesses: tuple[str, ...]
    left_open: tuple[str, ...]


def quote_doubts(text: str, options: TypographyOptions = TypographyOptions()) -> QuoteDoubts:
    """Curl a paragraph as ``typeset`` does and report its guesses and the quotes it leaves open."""
    for rule in rules_for(options.language):
        text = rule(text)
    curler = QuoteCurler(text, options.primary_quote, options.language.quotes or ENGLISH)
    curler.run()
    return QuoteDoubts(tuple(curler.doubts), tuple(mark for mark, _ in curler.stack))


# What the curler looks for after a single quote (see QuoteCurler.is_elision, closes_later).
ELIDED_YEAR = lazy(r"\d\d(?:s\b|\b)")
FIRST_WORD = lazy(r"([^\W\d_]+)")
CLOSING_SINGLE = lazy(r"(?=[^\s'](?:')(?=[\s.,;:!?)\]}\u2014\u2026\"]|$))")
QUOTE_AFTER_CHARACTER = lazy(r"(?=[^\s']')")


def last_start(pattern: re.Pattern, text: str) -> int:
    """Return where the last match of a pattern starts in the text (overlapping ones counted), -1 if none."""
    last = -1
    for match in pattern.finditer(text):
        last = match.start()
    return last


# A quote's neighbours and a paragraph's dialogue, compiled once (`re`'s cache was looked up at every quote).
A_LETTER = lazy(LETTER)
A_WORD = lazy(r"\w")
A_DIGIT = lazy(r"\d")
QUOTED_WORD = lazy(r"'[^\W\d_]")
ELIDED_WORD = lazy(r"'(?:em|tis|twas|cause|til)\b", re.I)
CLOSED_AFTER_STOP = lazy(r"[,.!?]' ")


def is_inside_word(prev: str, nxt: str) -> bool:
    """Tell an apostrophe inside a word by its neighbours: letters (don't), a digit and a letter (the 1980's)."""
    return bool(A_LETTER.match(prev) and A_WORD.match(nxt) or A_DIGIT.match(prev) and A_LETTER.match(nxt))


class QuoteCurler:
    """Walk a paragraph once, curling quotes with a stack of the quotes that are open.

    The stack holds (typed mark, glyph kind) pairs: a quote opened inside another takes the
    other kind (double, single, double...), whichever mark was typed.
    """

    def __init__(self, text: str, primary: str, marks: QuoteMarks = QuoteMarks()) -> None:
        self.text = text
        self.marks = marks
        self.primary = '"' if primary == PRIMARY_DOUBLE else "'"
        self.stack: list[tuple[str, str]] = []
        self.curled: dict[int, str] = {}  # the quotes curled so far, by where they stand
        self.doubts: list[str] = []  # What the curler could not be sure of, for `ebookgen check`.

    def run(self) -> str:
        """Return the paragraph with every straight quote curled."""
        pieces, position = [], 0
        for match in STRAIGHT_QUOTE.finditer(self.text):
            index = match.start()
            self.curled[index] = self.double(index) if match.group() == '"' else self.single(index)
            pieces += (self.text[position:index], self.curled[index])
            position = index + 1
        pieces.append(self.text[position:])
        return "".join(pieces)

    def neighbours(self, index: int) -> tuple[str, str]:
        """Return the characters before and after a quote, looking through emphasis markers."""
        before = index - 1
        while before >= 0 and self.text[before] in TRANSPARENT:
            before -= 1
        after = index + 1
        while after < len(self.text) and self.text[after] in TRANSPARENT:
            after += 1
        prev = self.curled.get(before, self.text[before]) if before >= 0 else " "
        return prev, self.text[after] if after < len(self.text) else " "

    def side(self, index: int) -> str | None:
        """Tell from the context alone whether a quote opens or closes, or None if it cannot."""
        prev, nxt = self.neighbours(index)
        if SPACELESS.match(prev) and not nxt.isspace() or SPACELESS.match(nxt) and not prev.isspace():
            return None  # `。"'春` or `子'が`: no space tells the side
        opens = prev in OPENING_CONTEXT and not nxt.isspace()
        closes = not prev.isspace() and nxt in CLOSING_CONTEXT
        if opens and not closes:
            return "open"
        if closes and not opens:
            return "close"
        return None

    def is_open(self, typed: str) -> bool:
        """Tell whether a quote typed with this mark is open."""
        return (typed, '"') in self.stack or (typed, "'") in self.stack  # a glyph kind is one of the two

    def double(self, index: int) -> str:
        """Curl a double quote."""
        side = self.side(index) or ("close" if self.is_open('"') else "open")
        if side == "close" and not self.stack:
            self.doubt(index, "a closing double quote with no quote open before it")
        return self.quote(side, '"')

    def doubt(self, index: int, message: str) -> None:
        """Note something the curler had to guess, with the text around it."""
        context = self.text[max(0, index - 15) : index + 15].strip()
        self.doubts.append(f"{message}: \u2026{context}\u2026")

    def single(self, index: int) -> str:
        """Curl a single quote, telling apostrophes from quotes."""
        prev, nxt = self.neighbours(index)
        spaceless = bool(SPACELESS.match(prev) or SPACELESS.match(nxt))
        if not spaceless and is_inside_word(prev, nxt):
            return "\u2019"  # An apostrophe inside a word: don't, o'clock, the 1980's.
        if self.is_elision(index, prev):
            return "\u2019"  # A word-initial elision: 'em, 'til, '80s.
        side = self.side(index)
        guessed = side is None and not spaceless
        if guessed:
            self.doubt(index, "a single quote that is neither clearly a quote nor an apostrophe")
        if side is None:
            side = "close" if self.is_open("'") else "open"
        if side == "open" and self.primary == '"' and not self.closes_later(index):
            if A_LETTER.match(nxt) and not guessed:
                self.doubt(index, "a single quote before a word, read as an apostrophe")
            return "\u2019"  # An opening single quote that never closes is an apostrophe.
        if side == "close" and not self.is_open("'"):
            return "\u2019"  # A closing single quote nobody opened: a plural possessive (the Joneses').
        return self.quote(side, "'")

    def is_elision(self, index: int, prev: str) -> bool:
        """Tell whether a word-initial apostrophe stands for letters left out ('em, 'til, '80s)."""
        if prev not in OPENING_CONTEXT:
            return False
        # Matched in place: a copy of the rest of the paragraph at every quote made a long paragraph quadratic.
        if ELIDED_YEAR.match(self.text, index + 1):
            return True
        word = FIRST_WORD.match(self.text, index + 1)
        if not word or word.group(1).lower() not in ELISIONS:
            return False
        # A one-letter elision must stand alone: 'n' in rock 'n' roll, not 'now'.
        return len(word.group(1)) > 1 or self.text[index + 2 : index + 3] in ("'", " ")

    def closes_later(self, index: int) -> bool:
        """Tell whether a closing single quote follows later in the paragraph."""
        lasts = self.last_places
        return lasts[0] > index or lasts[1] > index and lasts[2] > index

    @cached_property
    def last_places(self) -> tuple[int, int, int]:
        """Return where the paragraph's last closing single quote, last quote after a character, and last
        spaceless letter start (-1: none), found once: searching the rest at every quote was quadratic."""
        return tuple(last_start(pattern, self.text) for pattern in (CLOSING_SINGLE, QUOTE_AFTER_CHARACTER, SPACELESS))

    def quote(self, side: str, typed: str) -> str:
        """Return the curled quote for one side, nesting by depth."""
        if side == "open":
            if self.stack:
                kind = "'" if self.stack[-1][1] == '"' else '"'
            else:
                kind = '"' if self.marks.by_depth else typed
            self.stack.append((typed, kind))
            return self.mark_of(kind)[0]
        if not self.is_open(typed):
            return self.marks.outer[1] if typed == '"' else "\u2019"
        kind = typed
        while self.stack:
            mark, kind = self.stack.pop()
            if mark == typed:
                break
        return self.mark_of(kind)[1]

    def mark_of(self, kind: str) -> tuple[str, str]:
        """Return the opening and closing marks of a glyph kind: double is the outer pair, single the inner."""
        return self.marks.outer if kind == '"' else self.marks.inner


def primary_quote_of(paragraphs: list[str]) -> str:
    """Detect whether dialogue is typed in double quotes or in single (British) quotes."""
    double = sum(1 for text in paragraphs if text.startswith('"') or ' "' in text)
    single = sum(1 for text in paragraphs if QUOTED_WORD.match(text) and not ELIDED_WORD.match(text))
    single += sum(len(CLOSED_AFTER_STOP.findall(text)) for text in paragraphs)
    return PRIMARY_SINGLE if single > double * 2 and single >= 3 else PRIMARY_DOUBLE


Rule = Callable[[str], str]
TYPOGRAPHY_RULES: tuple[Rule, ...] = (make_ellipses, make_ranges, make_dashes, make_primes, repair_elisions)


@cache
def rules_for(language: Language) -> tuple[Rule, ...]:
    """Return the rules that run before the quotes, in order, with the language's dash and apostrophe rules."""
    rules = tuple(language_dash_rule(language) if rule is make_dashes else rule for rule in TYPOGRAPHY_RULES)
    own = (language.apostrophe_rule,) if language.apostrophe_rule else ()
    marks = language.quotes or QuoteMarks()
    # English quotes pasted already curled are set again in the language's marks (none to undo in English's).
    pasted = () if marks == QuoteMarks() else (partial(straighten_pasted_quotes, marks=marks),)
    return (*rules, *own, *pasted)


def language_dash_rule(language: Language) -> Rule:
    """Return the rule a language sets typed dashes with: its own (Spanish rayas), its spacing, or the closed em."""
    if language.dash_rule:
        return language.dash_rule
    if language.dashes.spaced or language.dashes.dialogue:
        return partial(set_dashes, dashes=language.dashes)
    return make_dashes


def typeset(text: str, options: TypographyOptions = TypographyOptions()) -> str:
    """Apply every typography rule to one paragraph, in order, then the language's spacing."""
    for rule in options.rules:
        text = rule(text)
    text = curl_quotes(text, options)
    spacing = options.language.spacing_rule
    return spacing(text) if spacing else text
