"""Swedish: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, HeadingWords, Language

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
    ),
    headings=HeadingWords(
        chapter=("kapitel",),
        part=("del", "bok"),
    ),
    hyphenation="sv",
)
