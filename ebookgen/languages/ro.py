"""Romanian: CLDR's quotes („…”, «…» inside), speech opened with a spaced em dash, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="ro",
    name="Romanian",
    words=BookWords(
        contents="Cuprins",
        chapter="Capitolul {number}",
        cover="Copertă",
        title_page="Pagina de titlu",
        start_of_text="Începutul textului",
        landmarks="Repere",
        dedication="Dedicație",
        epigraph="Motto",
        rights="Toate drepturile rezervate.",
        published_by="Publicat de {publisher}",
        set_in="Cules cu {face}.",
        by_author="de {author}",
        scene_break="Schimbare de scenă",
        pages="Pagini",
        afterword="Postfață",
        acknowledgements="Mulțumiri",
        about_the_author="Despre autor",
        also_by="De același autor",
        series_book="{series}, volumul {number}",
        copyright="Drepturi de autor",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "carte electronică"), ("paperback", "broșată"), ("hardcover", "cartonată")),
        also_available="Disponibil și: {editions}",
    ),
    headings=HeadingWords(
        chapter=("capitolul", "capitol"),
        part=("partea", "cartea"),
        named=("prolog", "epilog", "prefață", "postfață"),
    ),
    # Speech opens with a spaced em dash, the linie de dialog (`— Bună — spuse ea.`); a spaced en dash in a sentence.
    dashes=Dashes("\u2013", True, "\u2014 "),
    hyphenation="ro",
)
