"""Galician: CLDR's quotes and the Spanish dialogue dashes (rayas), its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.es import make_rayas
from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="gl",
    name="Galician",
    words=BookWords(
        contents="Índice",
        chapter="Capítulo {number}",
        cover="Portada",
        title_page="Folla de título",
        start_of_text="Inicio do texto",
        landmarks="Puntos de referencia",
        dedication="Dedicatoria",
        epigraph="Epígrafe",
        rights="Todos os dereitos reservados.",
        published_by="Publicado por {publisher}",
        set_in="Composto en {face}.",
        by_author="de {author}",
        scene_break="Cambio de escena",
        pages="Páxinas",
        afterword="Epílogo",
        acknowledgements="Agradecementos",
        about_the_author="Sobre o autor",
        also_by="Outros libros de {author}",
        series_book="{series}, libro {number}",
        copyright="Dereitos de autor",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "libro electrónico"), ("paperback", "rústica"), ("hardcover", "tapa dura")),
        also_available="Tamén dispoñible: {editions}",
    ),
    headings=HeadingWords(
        chapter=("capítulo", "capitulo"),
        part=("parte", "libro"),
        named=("prólogo", "epílogo", "limiar", "interludio"),
    ),
    # Speech opens with a raya, closed up to its words (`make_rayas` sets it; ``dialogue`` says speech opens so).
    dashes=Dashes("\u2014", False, "\u2014"),
    dash_rule=make_rayas,
    hyphenation="gl",
)
