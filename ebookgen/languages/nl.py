"""Dutch: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import SPACED_EN, BookWords, HeadingWords, Language

LANGUAGE = Language(
    code="nl",
    name="Dutch",
    words=BookWords(
        contents="Inhoud",
        chapter="Hoofdstuk {number}",
        cover="Omslag",
        title_page="Titelpagina",
        start_of_text="Begin van de tekst",
        landmarks="Oriëntatiepunten",
        dedication="Opdracht",
        epigraph="Motto",
        rights="Alle rechten voorbehouden.",
        published_by="Uitgegeven door {publisher}",
        set_in="Gezet in de {face}.",
        by_author="door {author}",
        scene_break="Scèneovergang",
        pages="Pagina's",
        afterword="Nawoord",
        acknowledgements="Dankwoord",
        about_the_author="Over de auteur",
        also_by="Ook van {author}",
        newsletter="Nieuwsbrief",
        series_book="{series}, deel {number}",
        copyright="Colofon",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-book"), ("paperback", "paperback"), ("hardcover", "gebonden")),
        also_available="Ook verkrijgbaar: {editions}",
    ),
    headings=HeadingWords(
        chapter=("hoofdstuk",),
        part=("deel", "boek"),
        named=("proloog", "epiloog", "voorwoord", "nawoord"),
        numbers=("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"),
    ),
    # A spaced en dash inside a sentence (`het huis – het gele huis`).
    dashes=SPACED_EN,
    hyphenation="nl",
)
