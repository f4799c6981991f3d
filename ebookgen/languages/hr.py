"""Croatian: CLDR's quotes („…“, ‚…‘ inside), speech opened with a spaced en dash, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="hr",
    name="Croatian",
    words=BookWords(
        contents="Sadržaj",
        chapter="Poglavlje {number}",
        cover="Naslovnica",
        title_page="Naslovna stranica",
        start_of_text="Početak teksta",
        landmarks="Orijentiri",
        dedication="Posveta",
        epigraph="Moto",
        rights="Sva prava pridržana.",
        published_by="Izdavač: {publisher}",
        set_in="Složeno pismom {face}.",
        by_author="{author}",
        scene_break="Promjena scene",
        pages="Stranice",
        afterword="Pogovor",
        acknowledgements="Zahvale",
        about_the_author="O autoru",
        also_by="Od istog autora",
        series_book="{series}, knjiga {number}",
        copyright="Autorska prava",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-knjiga"), ("paperback", "meki uvez"), ("hardcover", "tvrdi uvez")),
        also_available="Dostupno i: {editions}",
    ),
    headings=HeadingWords(
        chapter=("poglavlje",),
        part=("dio", "knjiga"),
        named=("prolog", "epilog", "predgovor", "pogovor"),
        chapter_forms=("{number}\\.\\s+poglavlje",),
    ),
    # Speech opens with a spaced en dash (`– Dobar dan – rekla je.`), as in a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
    hyphenation="hr",
)
