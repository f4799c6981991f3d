"""Slovak: CLDR's quotes („…“, ‚…‘ inside), spaced en dashes, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import SPACED_EN, BookWords, HeadingWords, Language

LANGUAGE = Language(
    code="sk",
    name="Slovak",
    words=BookWords(
        contents="Obsah",
        chapter="Kapitola {number}",
        cover="Obálka",
        title_page="Titulná strana",
        start_of_text="Začiatok textu",
        landmarks="Orientačné body",
        dedication="Venovanie",
        epigraph="Motto",
        rights="Všetky práva vyhradené.",
        published_by="Vydal {publisher}",
        set_in="Vysádzané písmom {face}.",
        by_author="{author}",
        scene_break="Zmena scény",
        pages="Strany",
        afterword="Doslov",
        acknowledgements="Poďakovanie",
        about_the_author="O autorovi",
        also_by="Od toho istého autora",
        series_book="{series}, kniha {number}",
        copyright="Autorské práva",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-kniha"), ("paperback", "brožované vydanie"), ("hardcover", "viazané vydanie")),
        also_available="Dostupné aj: {editions}",
    ),
    headings=HeadingWords(
        chapter=("kapitola",),
        part=("časť", "kniha"),
        named=("prológ", "epilóg", "predslov", "doslov"),
    ),
    # A spaced en dash inside a sentence (`dom – ten žltý`); speech is set in quotes.
    dashes=SPACED_EN,
    hyphenation="sk",
)
