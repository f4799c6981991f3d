"""Scripts and case: CJK quotes, ellipses, dashes and emphasis; Hebrew geresh; Greek elision; Turkish case; Korean."""

from __future__ import annotations

import pytest

from ebookgen.languages import language_for
from ebookgen.model import Emphasis, Metadata
from ebookgen.normalise.emphasis import parse_emphasis
from ebookgen.normalise.title_case import title_case
from ebookgen.normalise.typography import TypographyOptions, quote_doubts, typeset
from ebookgen.render.frontmatter import rights_line, series_line


def typeset_in(language: str, text: str) -> str:
    """Typeset one paragraph in a language."""
    return typeset(text, TypographyOptions(language=language_for(language)))


def test_japanese_quotes_open_where_no_space_tells_their_side() -> None:
    assert typeset_in("ja", "言った。\"'春子'が来た\"と。") == "言った。「『春子』が来た」と。"


def test_a_japanese_quote_read_by_the_open_quotes_is_not_a_doubt() -> None:
    assert quote_doubts("言った。\"'春子'が来た\"と。", TypographyOptions(language=language_for("ja"))).guesses == ()


@pytest.mark.parametrize("language", ["ja", "zh"])
def test_chinese_and_japanese_double_the_ellipsis_and_the_dash(language: str) -> None:
    assert typeset_in(language, "我知道...你--是谁") == "我知道……你——是谁"


def test_chinese_quotes_and_punctuation_are_full_width() -> None:
    assert typeset_in("zh", '他说:"好的",她笑了!＂走＂') == "他说：“好的”，她笑了！“走”"


def test_an_ascii_time_and_an_english_comma_in_a_chinese_book_stay() -> None:
    assert typeset_in("zh", "Hi, you: 10:30") == "Hi, you: 10:30"


@pytest.mark.parametrize("text", ["と*強調*だ", "我*很*好", "**강조**했다"])
def test_emphasis_beside_cjk_text_is_parsed(text: str) -> None:
    runs = parse_emphasis(text)
    assert not any("*" in getattr(run, "text", "") for run in runs)
    assert any(isinstance(run, Emphasis) or hasattr(run, "children") for run in runs)


def test_a_star_between_latin_letters_or_digits_stays_a_star() -> None:
    assert [run.text for run in parse_emphasis("2*3*4 and snake_case_name")] == ["2*3*4 and snake_case_name"]


def test_hebrew_acronyms_and_foreign_sounds_take_gershayim_and_geresh() -> None:
    assert typeset_in("he", "ד\"ר כהן פגש את ג'ורג' בכיתה ה'.") == "ד״ר כהן פגש את ג׳ורג׳ בכיתה ה׳."


def test_hebrew_quotes_around_words_stay_quotes() -> None:
    assert typeset_in("he", '"שלום", אמרה.') == "”שלום”, אמרה."


def test_a_greek_elision_stays_an_apostrophe_inside_a_quote() -> None:
    assert typeset_in("el", "'Σ' αγαπώ', είπε.") == "«Σ’ αγαπώ», είπε."


def test_a_korean_thought_in_single_quotes_keeps_them() -> None:
    assert typeset_in("ko", "'이상하네.' 그는 생각했다.") == "‘이상하네.’ 그는 생각했다."
    assert typeset_in("ko", "\"그가 '안 돼'라고 했어.\"") == "“그가 ‘안 돼’라고 했어.”"


@pytest.mark.parametrize(
    ("title", "language", "cased"),
    [
        ("BİRİNCİ BÖLÜM", "tr", "Birinci Bölüm"),
        ("IRMAK VE İNSAN", "tr", "Irmak ve İnsan"),
        ("CHAPTER ONE: THE END OF IT", "en", "Chapter One: The End of It"),
        ("ERSTES KAPITEL", "de", "Erstes Kapitel"),
    ],
)
def test_a_heading_in_capitals_is_cased_by_its_language(title: str, language: str, cased: str) -> None:
    assert title_case(title, language_for(language)) == cased


def test_the_copyright_line_is_in_the_books_language() -> None:
    hebrew = Metadata(title="ספר", authors=("דנה",), date="2026", language="he")
    assert rights_line(hebrew, 2026, language_for("he")) == "© 2026 דנה. כל הזכויות שמורות."
    assert rights_line(Metadata(title="Book", authors=("Ann",), date="2026"), 2026, language_for("en")).startswith(
        "Copyright © 2026 Ann."
    )


def test_the_series_line_is_in_the_books_language() -> None:
    assert (
        series_line(Metadata(title="ספר", series="החוף", series_index="2", language="he"), language_for("he"))
        == "החוף, ספר 2"
    )
    assert (
        series_line(Metadata(title="Book", series="The Coast", series_index="2"), language_for("en"))
        == "The Coast, Book 2"
    )


@pytest.mark.parametrize(
    ("language", "pasted", "printed"),
    [
        ("de", "\u201cHallo\u201d, sagte er. Das ist\u2019s.", "\u201eHallo\u201c, sagte er. Das ist\u2019s."),
        ("fr", "\u201cBonjour\u201d, dit-il.", "\u00ab\u202fBonjour\u202f\u00bb, dit-il."),
        ("ja", "\u201c春子\u201dが来た", "「春子」が来た"),
        ("pl", "\u201cPowiedział \u2018nie\u2019\u201d.", "\u201ePowiedział \u00abnie\u00bb\u201d."),
        # Pasted beside quotes typed in the language's own marks: the pasted pair still takes the book's marks.
        ("de", "\u201cHallo\u201d, sagte er. \u201eGut\u201c.", "\u201eHallo\u201c, sagte er. \u201eGut\u201c."),
    ],
)
def test_english_quotes_pasted_curled_are_set_in_the_books_language(language: str, pasted: str, printed: str) -> None:
    assert typeset_in(language, pasted) == printed


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("de", "\u201eGut\u201c, sagte sie."),
        ("fr", "\u00ab\u202fIl a dit \u201cdemain\u201d\u202f\u00bb"),
        ("en", "\u201cHi,\u201d"),
    ],
)
def test_quotes_typed_in_the_languages_own_marks_stay(language: str, typed: str) -> None:
    assert typeset_in(language, typed) == typed
