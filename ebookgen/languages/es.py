"""Spanish: angle quotes (the RAE's preference), dialogue dashes (rayas), Spanish furniture and heading words."""

from __future__ import annotations

import re

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language, QuoteMarks
from ebookgen.patterns import lazy

NAME_DASH = lazy(r"-{4,}")
OPENING_RAYA = lazy(r"(?:^|(?<=\s))-{2,3}[ \t]*(?=\S)")
CLOSING_RAYA = lazy(r"[ \t]*-{2,3}")
# A line of speech typed with one hyphen: `-Buenas noches -dijo ella-.` (not a list's `- `, not `-5 grados`).
SPEECH_LINE = lazy(r"^[ \t]*-(?=[^\W\d_]|[¿¡«\"'\u2026.])", re.M)
# Inside such a line, a hyphen after a space that opens the narrator's words, and one that closes them.
OPENING_HYPHEN = lazy(r"(?<=\s)-[ \t]*(?=[^\W\d_]|[¿¡«\"'\u2026])")
CLOSING_HYPHEN = lazy(r"(?<=[^\W\d_]|[.,;:!?\u2026»\"'])[ \t]*-(?=[\s.,;:!?\u2026]|$)")


def make_rayas(text: str) -> str:
    """Set Spanish dialogue dashes: `--Hola --dijo ella--.` and `-Hola -dijo ella-.` become `—Hola —dijo ella—.`.

    A raya that opens speech or an aside keeps the space before it and joins the word after it;
    one that closes an aside joins the word before it (RAE, Ortografía 2010, 3.4.5.1).
    """
    if "-" not in text:
        return text
    if "--" in text:
        return typed_rayas(text)
    return "\n".join(speech_rayas(line) if SPEECH_LINE.match(line) else line for line in text.split("\n"))


def typed_rayas(text: str) -> str:
    """Set rayas typed as two or three hyphens, anywhere in a paragraph."""
    # Four or more hyphens stand for a name left out: a two-em dash.
    text = NAME_DASH.sub("\u2e3a", text)
    text = OPENING_RAYA.sub("\u2014", text)
    return CLOSING_RAYA.sub("\u2014", text)


def speech_rayas(line: str) -> str:
    """Set the rayas of a line of speech typed with single hyphens: the opening one and the narrator's."""
    line = SPEECH_LINE.sub("\u2014", line.lstrip(" \t"), count=1)
    line = OPENING_HYPHEN.sub("\u2014", line)
    return CLOSING_HYPHEN.sub("\u2014", line)


LANGUAGE = Language(
    code="es",
    name="Spanish",
    # The RAE's Ortografía (2010) prefers angle quotes, with English ones inside (CLDR now gives “…”).
    quotes=QuoteMarks(("\u00ab", "\u00bb"), ("\u201c", "\u201d"), True),
    words=BookWords(
        contents="Índice",
        chapter="Capítulo {number}",
        cover="Cubierta",
        title_page="Portada",
        start_of_text="Inicio del texto",
        landmarks="Puntos de referencia",
        dedication="Dedicatoria",
        epigraph="Epígrafe",
        rights="Todos los derechos reservados.",
        published_by="Publicado por {publisher}",
        set_in="Compuesto en {face}.",
        by_author="de {author}",
        scene_break="Cambio de escena",
        pages="Páginas",
        afterword="Epílogo",
        acknowledgements="Agradecimientos",
        about_the_author="Sobre el autor",
        also_by="Otros libros de {author}",
        newsletter="Boletín",
        series_book="{series}, libro {number}",
        copyright="Derechos de autor",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "libro electrónico"), ("paperback", "tapa blanda"), ("hardcover", "tapa dura")),
        also_available="También disponible: {editions}",
    ),
    headings=HeadingWords(
        chapter=("capítulo", "capitulo", "cap\\."),
        part=("parte", "libro"),
        named=("prólogo", "epílogo", "prologo", "epilogo", "prefacio", "introducción", "intermedio"),
        numbers=(
            "uno",
            "dos",
            "tres",
            "cuatro",
            "cinco",
            "seis",
            "siete",
            "ocho",
            "nueve",
            "diez",
            "once",
            "doce",
            "primero",
            "segundo",
            "tercero",
            "último",
        ),
    ),
    # Speech opens with a raya, closed up to its words (`make_rayas` sets it; ``dialogue`` says speech opens so).
    dashes=Dashes("\u2014", False, "\u2014"),
    dash_rule=make_rayas,
    hyphenation="es",
)
