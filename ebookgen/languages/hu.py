"""Hungarian: CLDR's quotes, its furniture words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="hu",
    name="Hungarian",
    words=BookWords(
        contents="Tartalom",
        chapter="{number}. fejezet",
        cover="Borító",
        title_page="Címoldal",
        start_of_text="A szöveg kezdete",
        landmarks="Tájékozódási pontok",
        dedication="Ajánlás",
        epigraph="Mottó",
        rights="Minden jog fenntartva.",
        published_by="Kiadja: {publisher}",
        set_in="Betűtípus: {face}.",
        by_author="{author}",
        scene_break="Jelenetváltás",
        pages="Oldalak",
        afterword="Utószó",
        acknowledgements="Köszönetnyilvánítás",
        about_the_author="A szerzőről",
        also_by="A szerző további művei",
        series_book="{series}, {number}. kötet",
        copyright="Szerzői jog",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-könyv"), ("paperback", "puhatáblás"), ("hardcover", "keménytáblás")),
        also_available="Elérhető még: {editions}",
    ),
    headings=HeadingWords(
        chapter=("fejezet",),
        part=("rész", "könyv"),
        named=("prológus", "epilógus", "előszó", "utószó"),
        numbers=(
            "első",
            "második",
            "harmadik",
            "negyedik",
            "ötödik",
            "hatodik",
            "hetedik",
            "nyolcadik",
            "kilencedik",
            "tizedik",
        ),
        # `1. fejezet`, `I. fejezet`, `Első fejezet`: Hungarian puts the ordinal before the word.
        chapter_forms=("{number}\\.?\\s+fejezet",),
        part_forms=("{number}\\.?\\s+(?:rész|könyv)",),
    ),
    # Speech opens with a spaced en dash, the gondolatjel (`– Jó napot – mondta.`), as in a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
    hyphenation="hu",
)
