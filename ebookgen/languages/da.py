"""Danish: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="da",
    name="Danish",
    words=BookWords(
        contents="Indhold",
        chapter="Kapitel {number}",
        cover="Omslag",
        title_page="Titelblad",
        start_of_text="Tekstens begyndelse",
        landmarks="Pejlemærker",
        dedication="Dedikation",
        epigraph="Motto",
        rights="Alle rettigheder forbeholdes.",
        published_by="Udgivet af {publisher}",
        set_in="Sat med {face}.",
        by_author="af {author}",
        scene_break="Sceneskift",
        pages="Sider",
        afterword="Efterord",
        acknowledgements="Tak",
        about_the_author="Om forfatteren",
        also_by="Af samme forfatter",
        series_book="{series}, bog {number}",
        copyright="Ophavsret",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-bog"), ("paperback", "paperback"), ("hardcover", "indbundet")),
        also_available="Fås også som: {editions}",
    ),
    headings=HeadingWords(
        chapter=("kapitel",),
        part=("del",),
    ),
    # Speech opens with a spaced en dash (`– Du er sen`); a spaced en dash inside a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
    hyphenation="da",
)
