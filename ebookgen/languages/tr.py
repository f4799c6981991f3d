"""Turkish: CLDR's quotes, dotted and dotless i cased through ICU, speech opened with a spaced em dash."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language, TitleStyle

# Conjunctions and particles that stay in lower case inside a title.
SMALL_WORDS = "ve ile ya da de ki mi mı mu mü veya ama fakat için gibi"

LANGUAGE = Language(
    code="tr",
    name="Turkish",
    words=BookWords(
        contents="İçindekiler",
        chapter="Bölüm {number}",
        cover="Kapak",
        title_page="Başlık sayfası",
        start_of_text="Metnin başlangıcı",
        landmarks="Yer işaretleri",
        dedication="İthaf",
        epigraph="Epigraf",
        rights="Tüm hakları saklıdır.",
        published_by="Yayımlayan: {publisher}",
        set_in="{face} ile dizilmiştir.",
        by_author="{author}",
        scene_break="Sahne değişimi",
        pages="Sayfalar",
        afterword="Sonsöz",
        acknowledgements="Teşekkür",
        about_the_author="Yazar hakkında",
        also_by="Yazarın diğer kitapları",
        series_book="{series}, {number}. Kitap",
        copyright="Telif hakkı",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "e-kitap"), ("paperback", "karton kapak"), ("hardcover", "ciltli")),
        also_available="Diğer baskılar: {editions}",
    ),
    headings=HeadingWords(
        chapter=("bölüm",),
        part=("kısım", "kitap"),
        named=("önsöz", "sonsöz", "giriş", "prolog", "epilog"),
        numbers=("birinci", "ikinci", "üçüncü", "dördüncü", "beşinci", "altıncı", "yedinci", "sekizinci", "dokuzuncu"),
        # `Birinci Bölüm`, `1. Bölüm`: the ordinal before the word.
        chapter_forms=("{number}\\.?\\s+bölüm",),
        part_forms=("{number}\\.?\\s+(?:kısım|kitap)",),
    ),
    # Turkish books capitalise each word of a heading but its conjunctions; ICU cases i and ı, İ and I.
    title_style=TitleStyle(True, frozenset(SMALL_WORDS.split())),
    # Speech opens with a spaced em dash (`— Merhaba — dedi.`), as in a sentence.
    dashes=Dashes("\u2014", True, "\u2014 "),
)
