"""Swedish: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="sv",
    name="Swedish",
    words=BookWords(
        contents="Innehåll",
        chapter="Kapitel {number}",
        cover="Omslag",
        title_page="Titelsida",
        start_of_text="Textens början",
        landmarks="Landmärken",
        dedication="Dedikation",
        epigraph="Motto",
        rights="Alla rättigheter förbehållna.",
        published_by="Utgiven av {publisher}",
        set_in="Satt med {face}.",
        by_author="av {author}",
        scene_break="Scenbyte",
        pages="Sidor",
        afterword="Efterord",
        acknowledgements="Tack",
        about_the_author="Om författaren",
        also_by="Av samma författare",
        series_book="{series}, del {number}",
        copyright="Upphovsrätt",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-bok"), ("paperback", "häftad"), ("hardcover", "inbunden")),
        also_available="Finns även som: {editions}",
    ),
    headings=HeadingWords(
        chapter=("kapitel",),
        part=("del", "bok"),
    ),
    # Speech opens with a spaced en dash (`– Du är sen`); a spaced en dash inside a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
    hyphenation="sv",
)
