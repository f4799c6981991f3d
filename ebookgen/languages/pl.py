"""Polish: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="pl",
    name="Polish",
    words=BookWords(
        contents="Spis treści",
        chapter="Rozdział {number}",
        cover="Okładka",
        title_page="Strona tytułowa",
        start_of_text="Początek tekstu",
        landmarks="Punkty orientacyjne",
        dedication="Dedykacja",
        epigraph="Motto",
        rights="Wszelkie prawa zastrzeżone.",
        published_by="Wydawca: {publisher}",
        set_in="Złożono krojem {face}.",
        by_author="autor: {author}",
        scene_break="Zmiana sceny",
        pages="Strony",
        afterword="Posłowie",
        acknowledgements="Podziękowania",
        about_the_author="O autorze",
        also_by="Tego samego autora",
        series_book="{series}, tom {number}",
        copyright="Prawa autorskie",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-book"), ("paperback", "oprawa miękka"), ("hardcover", "oprawa twarda")),
        also_available="Dostępne także: {editions}",
    ),
    headings=HeadingWords(
        chapter=("rozdział", "rozdzial"),
        part=("część", "czesc", "księga"),
        named=("prolog", "epilog", "przedmowa", "posłowie", "wstęp"),
        numbers=(
            "pierwszy",
            "drugi",
            "trzeci",
            "czwarty",
            "piąty",
            "szósty",
            "siódmy",
            "ósmy",
            "dziewiąty",
            "dziesiąty",
            "ostatni",
        ),
    ),
    # Speech opens with a spaced em dash, the pauza (`— Dzień dobry — powiedziała.`), as in a sentence.
    dashes=Dashes("\u2014", True, "\u2014 "),
    hyphenation="pl",
)
