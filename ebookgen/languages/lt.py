"""Lithuanian: CLDR's quotes („…“), speech opened with a spaced en dash, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="lt",
    name="Lithuanian",
    words=BookWords(
        contents="Turinys",
        chapter="{number} skyrius",
        cover="Viršelis",
        title_page="Antraštinis puslapis",
        start_of_text="Teksto pradžia",
        landmarks="Orientyrai",
        dedication="Dedikacija",
        epigraph="Motto",
        rights="Visos teisės saugomos.",
        published_by="Išleido {publisher}",
        set_in="Surinkta šriftu {face}.",
        by_author="{author}",
        scene_break="Scenos pokytis",
        pages="Puslapiai",
        afterword="Pabaigos žodis",
        acknowledgements="Padėkos",
        about_the_author="Apie autorių",
        also_by="Kitos {author} knygos",
        series_book="{series}, {number} knyga",
        copyright="Autorių teisės",
        copyright_line="© {year} {author}.",
        editions=(
            ("ebook", "elektroninė knyga"),
            ("paperback", "minkštais viršeliais"),
            ("hardcover", "kietais viršeliais"),
        ),
        also_available="Taip pat galima įsigyti: {editions}",
    ),
    headings=HeadingWords(
        chapter=("skyrius",),
        part=("dalis", "knyga"),
        named=("prologas", "epilogas", "pratarmė", "pabaigos žodis"),
        numbers=(
            "pirmas",
            "antras",
            "trečias",
            "ketvirtas",
            "penktas",
            "šeštas",
            "septintas",
            "aštuntas",
            "devintas",
            "dešimtas",
        ),
        chapter_forms=("{number}\\.?\\s+skyrius",),
        part_forms=("{number}\\.?\\s+dalis",),
    ),
    # Speech opens with a spaced en dash (`– Labas, – tarė ji.`), as in a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
    hyphenation="lt",
)
