"""Slovenian: CLDR's quotes („…“, ‚…‘ inside), spaced en dashes, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import SPACED_EN, BookWords, HeadingWords, Language

LANGUAGE = Language(
    code="sl",
    name="Slovenian",
    words=BookWords(
        contents="Kazalo",
        chapter="Poglavje {number}",
        cover="Naslovnica",
        title_page="Naslovna stran",
        start_of_text="Začetek besedila",
        landmarks="Orientacijske točke",
        dedication="Posvetilo",
        epigraph="Moto",
        rights="Vse pravice pridržane.",
        published_by="Izdal {publisher}",
        set_in="Stavljeno v {face}.",
        by_author="{author}",
        scene_break="Sprememba prizora",
        pages="Strani",
        afterword="Spremna beseda",
        acknowledgements="Zahvala",
        about_the_author="O avtorju",
        also_by="Od istega avtorja",
        series_book="{series}, knjiga {number}",
        copyright="Avtorske pravice",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-knjiga"), ("paperback", "mehka vezava"), ("hardcover", "trda vezava")),
        also_available="Na voljo tudi: {editions}",
    ),
    headings=HeadingWords(
        chapter=("poglavje",),
        part=("del", "knjiga"),
        named=("prolog", "epilog", "predgovor", "spremna beseda"),
        chapter_forms=("{number}\\.\\s+poglavje",),
    ),
    # A spaced en dash inside a sentence (`hiša – tista rumena`); speech is set in quotes.
    dashes=SPACED_EN,
    hyphenation="sl",
)
