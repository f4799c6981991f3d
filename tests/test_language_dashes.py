"""Dialogue dashes, spaced dashes and ranges as each language sets them, typed the ways writers type them."""

from __future__ import annotations

import pytest

from ebookgen.languages import language_for
from ebookgen.model import SceneNote, plain_text
from ebookgen.normalise.conservation import LOST, removals
from ebookgen.normalise.pipeline import NormaliseOptions, normalise_text
from ebookgen.normalise.typography import TypographyOptions, typeset


def typeset_in(language: str, text: str) -> str:
    """Typeset one paragraph in a language."""
    return typeset(text, TypographyOptions(language=language_for(language)))


@pytest.mark.parametrize(
    ("language", "typed", "printed"),
    [
        ("es", "-Buenas noches -dijo ella-. ¿Sabe...?", "—Buenas noches —dijo ella—. ¿Sabe…?"),
        ("es", "--Hola --dijo ella--. ¿Vienes?", "—Hola —dijo ella—. ¿Vienes?"),
        ("pl", "- Dzień dobry - powiedziała.", "— Dzień dobry — powiedziała."),
        ("ru", "-- Да, -- сказала она.", "— Да, — сказала она."),
        ("uk", "- Так, - сказала вона.", "— Так, — сказала вона."),
        ("pt", "-- Eu sei -- disse ele.", "— Eu sei — disse ele."),
        ("pt", "--Eu sei--disse ele.", "— Eu sei — disse ele."),
        ("it", "- Ciao - disse.", "— Ciao — disse."),
        ("fr", "- Bonjour, dit-il.", "— Bonjour, dit-il."),
        ("nb", "- Du er sen, sa hun.", "– Du er sen, sa hun."),
        ("sv", "-- Du är sen -- sa hon.", "– Du är sen – sa hon."),
        ("da", "- Du er sen.", "– Du er sen."),
        ("fi", "- Olet myöhässä.", "– Olet myöhässä."),
        ("hu", "- Jó napot - mondta.", "– Jó napot – mondta."),
    ],
)
def test_speech_opened_with_a_dash_takes_the_languages_dialogue_dash(language: str, typed: str, printed: str) -> None:
    assert typeset_in(language, typed) == printed


@pytest.mark.parametrize(
    ("language", "printed"),
    [
        ("sv", "huset – det gula huset – var"),
        ("de", "huset – det gula huset – var"),
        ("fr", "huset – det gula huset – var"),
        ("cs", "huset – det gula huset – var"),
        ("pt", "huset — det gula huset — var"),
        ("ru", "huset — det gula huset — var"),
        ("en", "huset—det gula huset—var"),
    ],
)
def test_a_dash_inside_a_sentence_is_spaced_or_closed_by_language(language: str, printed: str) -> None:
    assert typeset_in(language, "huset - det gula huset -- var") == printed


@pytest.mark.parametrize("language", ["en", "de", "sv", "es", "ja", "ar"])
def test_a_range_typed_with_a_hyphen_takes_an_en_dash_in_every_language(language: str) -> None:
    assert "2\u20133 km, 1914\u20131918" in typeset_in(language, "2-3 km, 1914-1918")


def test_a_phone_number_a_date_and_a_hyphenated_word_keep_their_hyphens() -> None:
    assert typeset_in("en", "555-1234, 2020-01-05, COVID-19, a t-shirt") == "555-1234, 2020-01-05, COVID-19, a t-shirt"


def test_a_spanish_hyphenated_word_and_a_negative_number_keep_their_hyphens() -> None:
    assert typeset_in("es", "Un ex-novio, a -5 grados.") == "Un ex-novio, a -5 grados."


@pytest.mark.parametrize(("language", "dash"), [("pt", "\u2014"), ("nb", "\u2013")])
def test_a_line_of_speech_opened_with_two_hyphens_keeps_its_dash_and_words(language: str, dash: str) -> None:
    text = "-- Eu sei -- disse ele...\n\n-- Olá...\n"
    chapters = normalise_text(text, NormaliseOptions(language=language_for(language)))
    blocks = chapters[0].blocks
    assert not any(isinstance(block, SceneNote) for block in blocks)
    assert [plain_text(block.inlines) for block in blocks] == [f"{dash} Eu sei {dash} disse ele…", f"{dash} Olá…"]
    options = NormaliseOptions(language=language_for(language))
    assert not [removal for removal in removals(text, options) if removal.reason == LOST]


def test_a_name_framed_by_dashes_is_still_a_marker_line() -> None:
    chapters = normalise_text("Text.\n\n--Rory--\n\nMore text.\n", NormaliseOptions(language=language_for("pt")))
    assert isinstance(chapters[0].blocks[1], SceneNote)


@pytest.mark.parametrize(
    ("language", "typed", "printed"),
    [
        ("pt", "--Eu sei...--", "— Eu sei… —"),
        ("pt", "-- Não! --", "— Não! —"),
        ("nb", "-- Nei! --", "– Nei! –"),
        ("es", "--¡Basta!--", "—¡Basta!—"),
        ("ru", "- Да! -", "— Да! —"),
    ],
)
def test_a_line_of_speech_framed_by_dashes_is_speech_not_a_marker(language: str, typed: str, printed: str) -> None:
    """Where speech opens with a dash, a framed line whose words end a sentence keeps its dashes and ellipsis."""
    text = f"Texto.\n\n{typed}\n\nMais.\n"
    chapters = normalise_text(text, NormaliseOptions(language=language_for(language)))
    assert [plain_text(block.inlines) for block in chapters[0].blocks][1] == printed
    assert not any(isinstance(block, SceneNote) for block in chapters[0].blocks)


def test_a_marker_line_keeps_its_ellipsis() -> None:
    """An English line framed by dashes is a scene note still, its trailing ellipsis kept (`-- Later... --`)."""
    chapters = normalise_text("Text.\n\n-- Later... --\n\nMore.\n", NormaliseOptions(language=language_for("en")))
    assert isinstance(chapters[0].blocks[1], SceneNote)
    assert plain_text(chapters[0].blocks[1].inlines) == "Later…"


def test_a_range_before_a_suffix_or_a_cjk_counter_takes_an_en_dash() -> None:
    assert typeset_in("hu", "az 1914-1918-as évek") == "az 1914\u20131918-as évek"
    assert typeset_in("ja", "1914-1918年") == "1914\u20131918年"


def writers_cases() -> list[tuple[str, str]]:
    """Return each language's story of the writers' golden file, with its language."""
    from tests.test_cases import CASES, options_of, read_cases

    return [(options_of(case).language.tag, case.given) for case in read_cases(CASES / "writers.txt")[1]]


@pytest.mark.parametrize(("language", "story"), writers_cases())
def test_every_word_of_a_story_typed_as_its_writers_type_reaches_the_book(language: str, story: str) -> None:
    removed = removals(story + "\n", NormaliseOptions(language=language_for(language)))
    assert not [removal for removal in removed if removal.reason == LOST]
