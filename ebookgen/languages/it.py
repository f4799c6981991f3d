"""Italian: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="it",
    name="Italian",
    words=BookWords(
        contents="Indice",
        chapter="Capitolo {number}",
        cover="Copertina",
        title_page="Frontespizio",
        start_of_text="Inizio del testo",
        landmarks="Punti di riferimento",
        dedication="Dedica",
        epigraph="Epigrafe",
        rights="Tutti i diritti riservati.",
        published_by="Pubblicato da {publisher}",
        set_in="Composto in {face}.",
        by_author="di {author}",
        scene_break="Cambio di scena",
        pages="Pagine",
        afterword="Postfazione",
        acknowledgements="Ringraziamenti",
        about_the_author="L’autore",
        also_by="Dello stesso autore",
        series_book="{series}, libro {number}",
        copyright="Diritti d’autore",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "ebook"), ("paperback", "brossura"), ("hardcover", "copertina rigida")),
        also_available="Disponibile anche: {editions}",
    ),
    headings=HeadingWords(
        chapter=("capitolo", "cap\\."),
        part=("parte", "libro"),
        named=("prologo", "epilogo", "prefazione", "introduzione", "intermezzo"),
        numbers=(
            "uno",
            "due",
            "tre",
            "quattro",
            "cinque",
            "sei",
            "sette",
            "otto",
            "nove",
            "dieci",
            "primo",
            "secondo",
            "terzo",
            "ultimo",
        ),
    ),
    # Speech opens with a spaced em dash, the lineetta (`— Ciao — disse.`), as in a sentence.
    dashes=Dashes("\u2014", True, "\u2014 "),
    hyphenation="it",
)
