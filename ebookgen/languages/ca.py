"""Catalan: CLDR's quotes and the Spanish dialogue dashes (rayas, the guions), its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.es import make_rayas
from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="ca",
    name="Catalan",
    words=BookWords(
        contents="Índex",
        chapter="Capítol {number}",
        cover="Coberta",
        title_page="Portada",
        start_of_text="Inici del text",
        landmarks="Punts de referència",
        dedication="Dedicatòria",
        epigraph="Epígraf",
        rights="Tots els drets reservats.",
        published_by="Publicat per {publisher}",
        set_in="Compost en {face}.",
        by_author="de {author}",
        scene_break="Canvi d’escena",
        pages="Pàgines",
        afterword="Epíleg",
        acknowledgements="Agraïments",
        about_the_author="Sobre l’autor",
        also_by="Altres llibres de {author}",
        series_book="{series}, llibre {number}",
        copyright="Drets d’autor",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "llibre electrònic"), ("paperback", "rústica"), ("hardcover", "tapa dura")),
        also_available="També disponible: {editions}",
    ),
    headings=HeadingWords(
        chapter=("capítol", "capitol"),
        part=("part", "llibre"),
        named=("pròleg", "epíleg", "prefaci", "interludi"),
    ),
    # Speech opens with a raya, closed up to its words (`make_rayas` sets it; ``dialogue`` says speech opens so).
    dashes=Dashes("\u2014", False, "\u2014"),
    dash_rule=make_rayas,
    hyphenation="ca",
)
