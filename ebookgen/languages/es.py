"""Spanish: angle quotes (the RAE's preference), dialogue dashes (rayas), Spanish furniture and heading words."""

from __future__ import annotations

import re

from ebookgen.languages.records import BookWords, HeadingWords, Language, QuoteMarks

NAME_DASH = re.compile(r"-{4,}")
OPENING_RAYA = re.compile(r"(?:^|(?<=\s))-{2,3}[ \t]*(?=\S)")
CLOSING_RAYA = re.compile(r"[ \t]*-{2,3}")


def make_rayas(text: str) -> str:
    """Set Spanish dialogue dashes: `--Hola --dijo ella--.` becomes `—Hola —dijo ella—.`.

    A raya that opens speech or an aside keeps the space before it and joins the word after it;
    one that closes an aside joins the word before it (RAE, Ortografía 2010, 3.4.5.1).
    """
    if "--" not in text:
        return text
    # Four or more hyphens stand for a name left out: a two-em dash.
    text = NAME_DASH.sub("\u2e3a", text)
    text = OPENING_RAYA.sub("\u2014", text)
    return CLOSING_RAYA.sub("\u2014", text)


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
    ),
    headings=HeadingWords(
        chapter=("capítulo", "capitulo", "cap\\."),
        part=("parte", "libro"),
        named=("prólogo", "epílogo", "prologo", "epilogo", "prefacio", "introducción", "intermedio"),
    ),
    dash_rule=make_rayas,
    hyphenation="es",
)
