"""Bulgarian: CLDR's quotes („…“), speech opened with a spaced em dash, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="bg",
    name="Bulgarian",
    words=BookWords(
        contents="Съдържание",
        chapter="Глава {number}",
        cover="Корица",
        title_page="Заглавна страница",
        start_of_text="Начало на текста",
        landmarks="Ориентири",
        dedication="Посвещение",
        epigraph="Мото",
        rights="Всички права запазени.",
        published_by="Издава {publisher}",
        set_in="Набрано с {face}.",
        by_author="{author}",
        scene_break="Смяна на сцената",
        pages="Страници",
        afterword="Послеслов",
        acknowledgements="Благодарности",
        about_the_author="За автора",
        also_by="Други книги от {author}",
        series_book="{series}, книга {number}",
        copyright="Авторски права",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "електронна книга"), ("paperback", "меки корици"), ("hardcover", "твърди корици")),
        also_available="Налично също: {editions}",
    ),
    headings=HeadingWords(
        chapter=("глава",),
        part=("част", "книга"),
        named=("пролог", "епилог", "предговор", "послеслов"),
        numbers=("първа", "втора", "трета", "четвърта", "пета", "шеста", "седма", "осма", "девета", "десета"),
    ),
    # Speech opens with a spaced em dash (`— Добър ден — каза тя.`), as in a sentence.
    dashes=Dashes("\u2014", True, "\u2014 "),
    hyphenation="bg",
)
