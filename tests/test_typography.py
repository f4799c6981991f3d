"""Typography rules: each case is what a reader sees in the finished book."""

from __future__ import annotations

import pytest

from ebookgen.normalise.typography import PRIMARY_SINGLE, TypographyOptions, primary_quote_of, typeset

CASES = [
    # The bundled story's own cases.
    (
        '"Nothing. I just can\'t believe you used the word "deflower" for sex." He said amused.',
        "“Nothing. I just can’t believe you used the word ‘deflower’ for sex.” He said amused.",
    ),
    ('to watch "Willy Wonka" for the thousandth time', "to watch “Willy Wonka” for the thousandth time"),
    ('"Hey. Remember the time…" she started', "“Hey. Remember the time…” she started"),
    ("The $90 I paid", "The $90 I paid"),
    ("your Metallica t-shirt", "your Metallica t-shirt"),
    ("un-Jess like", "un-Jess like"),
    # Where other tools fail (REFERENCE.md, section 1).
    ("the '80s", "the ’80s"),
    ("back in '95 we", "back in ’95 we"),
    ("give 'em hell", "give ’em hell"),
    ("'Tis true. rock 'n' roll. 'cause", "’Tis true. rock ’n’ roll. ’cause"),
    ('He said--"Stop!"', "He said—“Stop!”"),
    ("She said---nothing", "She said—nothing"),
    ("6'2\"", "6′2″"),
    ('"\'Nother one," said Ron.', "“’Nother one,” said Ron."),
    ('"Wait--"', "“Wait—”"),
    ("a -- b", "a—b"),
    ("X----", "X⸺"),
    ("Wait.... Then", "Wait.… Then"),
    ("so . . . then", "so … then"),
    ("the Joneses' house", "the Joneses’ house"),
    ('"He said, "Go away.""', "“He said, ‘Go away.’”"),
    ('"She said "he said \'no\' to me" then."', "“She said ‘he said “no” to me’ then.”"),
    ('*"Stop!"* she said', "*“Stop!”* she said"),
    ('"I was--"', "“I was—”"),
]


@pytest.mark.parametrize(("typed", "expected"), CASES)
def test_typeset(typed: str, expected: str) -> None:
    assert typeset(typed) == expected


def test_multi_paragraph_speech_stays_open() -> None:
    first = typeset('"It was a long time ago,')
    second = typeset('"and nobody remembers it now."')
    assert first == "“It was a long time ago,"
    assert second == "“and nobody remembers it now.”"


def test_single_quote_dialogue() -> None:
    options = TypographyOptions(primary_quote=PRIMARY_SINGLE)
    assert typeset("'Hello,' she said. 'He told me \"no\".'", options) == "‘Hello,’ she said. ‘He told me “no”.’"
    assert typeset("'Tis the season,' he said.", options) == "’Tis the season,’ he said."


def test_detects_single_quote_manuscript() -> None:
    paragraphs = ["'Hello,' she said.", "'Hi,' he said.", "'Where to?' she asked.", "He shrugged."]
    assert primary_quote_of(paragraphs) == PRIMARY_SINGLE
    assert primary_quote_of(['"Hello," she said.', "He shrugged. 'Tis so."]) != PRIMARY_SINGLE
