"""Estonian: CLDR's quotes („…“), speech opened with a spaced en dash, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="et",
    name="Estonian",
    words=BookWords(
        contents="Sisukord",
        chapter="Peatükk {number}",
        cover="Kaas",
        title_page="Tiitelleht",
        start_of_text="Teksti algus",
        landmarks="Orientiirid",
        dedication="Pühendus",
        epigraph="Moto",
        rights="Kõik õigused kaitstud.",
        published_by="Kirjastanud {publisher}",
        set_in="Laotud kirjas {face}.",
        by_author="{author}",
        scene_break="Stseenivahetus",
        pages="Leheküljed",
        afterword="Järelsõna",
        acknowledgements="Tänusõnad",
        about_the_author="Autorist",
        also_by="Samalt autorilt",
        series_book="{series}, {number}. raamat",
        copyright="Autoriõigus",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-raamat"), ("paperback", "pehmekaaneline"), ("hardcover", "kõvakaaneline")),
        also_available="Saadaval ka: {editions}",
    ),
    headings=HeadingWords(
        chapter=("peatükk",),
        part=("osa", "raamat"),
        named=("proloog", "epiloog", "eessõna", "järelsõna"),
        chapter_forms=("{number}\\.\\s+peatükk",),
        part_forms=("{number}\\.\\s+(?:osa|raamat)",),
    ),
    # Speech opens with a spaced en dash (`– Tere – ütles ta.`), as in a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
    hyphenation="et",
)
