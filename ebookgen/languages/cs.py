"""Czech: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import SPACED_EN, BookWords, HeadingWords, Language

LANGUAGE = Language(
    code="cs",
    name="Czech",
    words=BookWords(
        contents="Obsah",
        chapter="Kapitola {number}",
        cover="Obálka",
        title_page="Titulní strana",
        start_of_text="Začátek textu",
        landmarks="Orientační body",
        dedication="Věnování",
        epigraph="Motto",
        rights="Všechna práva vyhrazena.",
        published_by="Vydal {publisher}",
        set_in="Vysázeno písmem {face}.",
        by_author="autor: {author}",
        scene_break="Změna scény",
        pages="Stránky",
        afterword="Doslov",
        acknowledgements="Poděkování",
        about_the_author="O autorovi",
        also_by="Od téhož autora",
        series_book="{series}, kniha {number}",
        copyright="Autorská práva",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-kniha"), ("paperback", "brožované vydání"), ("hardcover", "vázané vydání")),
        also_available="Dostupné také: {editions}",
    ),
    headings=HeadingWords(
        chapter=("kapitola",),
        part=("část", "díl"),
        named=("prolog", "epilog", "předmluva", "doslov"),
    ),
    # A spaced en dash inside a sentence (`dům – ten žlutý`).
    dashes=SPACED_EN,
    hyphenation="cs",
)
