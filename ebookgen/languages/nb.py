"""Norwegian Bokmål: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="nb",
    name="Norwegian Bokmål",
    words=BookWords(
        contents="Innhold",
        chapter="Kapittel {number}",
        cover="Omslag",
        title_page="Tittelside",
        start_of_text="Tekstens begynnelse",
        landmarks="Landemerker",
        dedication="Dedikasjon",
        epigraph="Motto",
        rights="Alle rettigheter forbeholdt.",
        published_by="Utgitt av {publisher}",
        set_in="Satt med {face}.",
        by_author="av {author}",
        scene_break="Sceneskift",
        pages="Sider",
        afterword="Etterord",
        acknowledgements="Takk",
        about_the_author="Om forfatteren",
        also_by="Av samme forfatter",
        series_book="{series}, bok {number}",
        copyright="Opphavsrett",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-bok"), ("paperback", "heftet"), ("hardcover", "innbundet")),
        also_available="Også tilgjengelig: {editions}",
    ),
    headings=HeadingWords(
        chapter=("kapittel",),
        part=("del", "bok"),
    ),
    # Speech opens with a spaced en dash (`– Du er sen`); a spaced en dash inside a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
    hyphenation="nb",
    aliases=("no", "nn"),
)
