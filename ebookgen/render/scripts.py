"""Mark runs of text in another script than the book's with their language, and right-to-left runs with dir.

A screen reader or an e-reader picks its voice and font by ``lang``; a run of Arabic or Hebrew in a
left-to-right book needs ``dir="rtl"``. The language is told from the script by Unicode block: kana is
Japanese, Hangul Korean, Han alone Chinese (or the book's own CJK language), Arabic, Hebrew, Cyrillic
(Ukrainian where its own letters show), Greek, Thai, Devanagari. A whole book in a right-to-left language
gets ``dir="rtl"`` on its documents instead (its ``Language.right_to_left``). Which languages write which
script is ``ebookgen.languages.scripts``'s table. The book's language comes as its settled ``Language`` record.
"""

from __future__ import annotations

import re

from ebookgen.languages import Language, base_language
from ebookgen.languages.scripts import RIGHT_TO_LEFT, SCRIPT_LANGUAGES
from ebookgen.patterns import lazy

KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# Each script: its letters, and the marks that may stand between two of them inside one run.
SCRIPTS = {
    "cjk": (KANA + HANGUL + HAN, " \u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u30fb"),
    "arabic": ("\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc", " \u060c\u061b\u061f.,!"),
    "hebrew": ("\u0590-\u05ff\ufb1d-\ufb4f", " .,!?\"'\u05f3\u05f4-"),
    "cyrillic": ("\u0400-\u052f", " \u2019'-"),
    "greek": ("\u0370-\u03ff\u1f00-\u1fff", " \u2019'-"),
    "thai": ("\u0e00-\u0e7f", " "),
    "devanagari": ("\u0900-\u097f", " "),
}
RUN = lazy(
    "|".join(f"(?P<{name}>[{letters}](?:[{between}]*[{letters}])*)" for name, (letters, between) in SCRIPTS.items())
)
ANY_FOREIGN = lazy("[" + "".join(letters for letters, _ in SCRIPTS.values()) + "]")
# A formula's MathML or drawing, whose elements hold no spans: passed over whole; else a text node.
FORMULA_OR_TEXT_NODE = lazy(r"<(?P<formula>math|svg)\b.*?</(?P=formula)>|(?<=>)[^<>]+(?=<)", re.S)
UKRAINIAN_LETTERS = lazy("[\u0454\u0456\u0457\u0491\u0404\u0406\u0407\u0490]")


def run_language(script: str, run: str, book_language: Language) -> str:
    """Return the language a run of one script is marked with, or "" where it is the book's own."""
    book = base_language(book_language.tag or book_language.code)
    if script == "cjk":
        if re.search(f"[{KANA}]", run):
            language = "ja"
        elif re.search(f"[{HANGUL}]", run):
            language = "ko"
        else:
            language = book if book in ("ja", "zh", "ko") else "zh"
        return "" if language == book else language
    if book in SCRIPT_LANGUAGES[script]:
        return ""  # a Cyrillic run in a Bulgarian book, an Arabic one in a Persian book
    if script == "cyrillic" and UKRAINIAN_LETTERS.search(run):
        return "uk"
    return SCRIPT_LANGUAGES[script][0]


def mark_runs(text: str, book_language: Language) -> str:
    """Wrap each run of text (escaped XHTML text, no tags) in another script in a span with its lang."""

    def span(match: re.Match) -> str:
        language = run_language(match.lastgroup, match.group(), book_language)
        if not language:
            return match.group()
        direction = ' dir="rtl"' if language in RIGHT_TO_LEFT and not book_language.right_to_left else ""
        return f'<span lang="{language}" xml:lang="{language}"{direction}>{match.group()}</span>'

    return RUN.sub(span, text)


def mark_scripts(markup: str, book_language: Language) -> str:
    """Mark the runs in other scripts in every text node of a piece of XHTML body markup (a formula's aside)."""
    if markup.isascii() or not ANY_FOREIGN.search(markup):
        return markup  # most books: nothing to mark, and one scan to know it
    return FORMULA_OR_TEXT_NODE.sub(
        lambda node: node.group() if node.group("formula") else mark_runs(node.group(), book_language), markup
    )
