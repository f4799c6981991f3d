"""Finnish: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="fi",
    name="Finnish",
    words=BookWords(
        contents="Sisällys",
        chapter="Luku {number}",
        cover="Kansi",
        title_page="Nimiösivu",
        start_of_text="Tekstin alku",
        landmarks="Maamerkit",
        dedication="Omistus",
        epigraph="Motto",
        rights="Kaikki oikeudet pidätetään.",
        published_by="Julkaisija: {publisher}",
        set_in="Kirjasin: {face}.",
        by_author="{author}",
        scene_break="Kohtauksen vaihto",
        pages="Sivut",
        afterword="Jälkisanat",
        acknowledgements="Kiitokset",
        about_the_author="Kirjailijasta",
        also_by="Samalta kirjailijalta",
        series_book="{series}, {number}. osa",
        copyright="Tekijänoikeudet",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-kirja"), ("paperback", "pehmeäkantinen"), ("hardcover", "kovakantinen")),
        also_available="Saatavilla myös: {editions}",
    ),
    headings=HeadingWords(
        chapter=("luku",),
        part=("osa",),
        named=("prologi", "epilogi", "esipuhe", "jälkisanat"),
        numbers=(
            "ensimmäinen",
            "toinen",
            "kolmas",
            "neljäs",
            "viides",
            "kuudes",
            "seitsemäs",
            "kahdeksas",
            "yhdeksäs",
            "kymmenes",
        ),
        # `1. luku`, `Ensimmäinen luku`, `II osa`: the number before the word.
        chapter_forms=("{number}\\.?\\s+luku",),
        part_forms=("{number}\\.?\\s+osa",),
    ),
    # Speech opens with a spaced en dash (`– Olet myöhässä`); a spaced en dash inside a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
)
