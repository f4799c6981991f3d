"""German: CLDR's „…“ quotes, title case of each word but the small ones, German furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import SPACED_EN, BookWords, HeadingWords, Language, TitleStyle

# Articles, conjunctions, prepositions and number words stay in lower case inside a title.
SMALL_WORDS = (
    "der die das den dem des ein eine einer eines einem einen und oder aber im in am an auf aus bei für mit "
    "nach von vom zu zum zur über unter vor zwischen durch gegen ohne um als wie zwei drei vier fünf sechs "
    "sieben acht neun zehn elf zwölf"
)

LANGUAGE = Language(
    code="de",
    name="German",
    words=BookWords(
        contents="Inhalt",
        chapter="Kapitel {number}",
        cover="Umschlag",
        title_page="Titelseite",
        start_of_text="Textbeginn",
        landmarks="Orientierungspunkte",
        dedication="Widmung",
        epigraph="Motto",
        rights="Alle Rechte vorbehalten.",
        published_by="Erschienen bei {publisher}",
        set_in="Gesetzt aus der {face}.",
        by_author="von {author}",
        scene_break="Szenenwechsel",
        pages="Seiten",
        afterword="Nachwort",
        acknowledgements="Danksagung",
        about_the_author="Über den Autor",
        also_by="Ebenfalls von {author}",
        series_book="{series}, Band {number}",
        copyright="Impressum",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "E-Book"), ("paperback", "Taschenbuch"), ("hardcover", "gebundene Ausgabe")),
        also_available="Ebenfalls erhältlich: {editions}",
    ),
    headings=HeadingWords(
        chapter=("kapitel",),
        part=("teil", "buch", "band"),
        named=("prolog", "epilog", "vorwort", "nachwort", "zwischenspiel", "einleitung"),
        numbers=("eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"),
        # `Erstes Kapitel`, `Zweiter Teil`: the ordinal before the word.
        chapter_forms=(
            "(?:erstes|zweites|drittes|viertes|fünftes|sechstes|siebtes|siebentes|achtes|neuntes|zehntes|letztes)"
            "\\s+kapitel",
        ),
        part_forms=("(?:erster|zweiter|dritter|vierter|fünfter|letzter)\\s+(?:teil|band)",),
    ),
    title_style=TitleStyle(True, frozenset(SMALL_WORDS.split())),
    # A spaced en dash inside a sentence (`ist – eine`), the Duden's Gedankenstrich.
    dashes=SPACED_EN,
    hyphenation="de",
)
