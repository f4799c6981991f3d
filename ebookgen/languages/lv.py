"""Latvian: CLDR's quotes (“…”), speech opened with a spaced en dash, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="lv",
    name="Latvian",
    words=BookWords(
        contents="Saturs",
        chapter="{number}. nodaļa",
        cover="Vāks",
        title_page="Titullapa",
        start_of_text="Teksta sākums",
        landmarks="Orientieri",
        dedication="Veltījums",
        epigraph="Moto",
        rights="Visas tiesības aizsargātas.",
        published_by="Izdevējs: {publisher}",
        set_in="Salikts ar {face}.",
        by_author="{author}",
        scene_break="Ainas maiņa",
        pages="Lappuses",
        afterword="Pēcvārds",
        acknowledgements="Pateicības",
        about_the_author="Par autoru",
        also_by="Citas {author} grāmatas",
        series_book="{series}, {number}. grāmata",
        copyright="Autortiesības",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-grāmata"), ("paperback", "mīkstos vākos"), ("hardcover", "cietos vākos")),
        also_available="Pieejams arī: {editions}",
    ),
    headings=HeadingWords(
        chapter=("nodaļa",),
        part=("daļa", "grāmata"),
        named=("prologs", "epilogs", "priekšvārds", "pēcvārds"),
        chapter_forms=("{number}\\.\\s+nodaļa",),
        part_forms=("{number}\\.\\s+(?:daļa|grāmata)",),
    ),
    # Speech opens with a spaced en dash (`– Labdien, – viņa teica.`), as in a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
    hyphenation="lv",
)
