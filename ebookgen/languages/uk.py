"""Ukrainian: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="uk",
    name="Ukrainian",
    words=BookWords(
        contents="Зміст",
        chapter="Розділ {number}",
        cover="Обкладинка",
        title_page="Титульна сторінка",
        start_of_text="Початок тексту",
        landmarks="Орієнтири",
        dedication="Присвята",
        epigraph="Епіграф",
        rights="Усі права захищено.",
        published_by="Видавець: {publisher}",
        set_in="Набрано шрифтом {face}.",
        by_author="автор: {author}",
        scene_break="Зміна сцени",
        pages="Сторінки",
        afterword="Післямова",
        acknowledgements="Подяки",
        about_the_author="Про автора",
        also_by="Інші книги автора",
        series_book="{series}, книга {number}",
        copyright="Авторські права",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "електронна книга"), ("paperback", "м’яка обкладинка"), ("hardcover", "тверда обкладинка")),
        also_available="Також доступно: {editions}",
    ),
    headings=HeadingWords(
        chapter=("розділ",),
        part=("частина",),
        named=("пролог", "епілог", "передмова", "післямова"),
        numbers=(
            "перший",
            "другий",
            "третій",
            "четвертий",
            "п['’]ятий",
            "шостий",
            "сьомий",
            "восьмий",
            "дев['’]ятий",
            "десятий",
            "останній",
        ),
    ),
    # Speech opens with a spaced em dash (`— Так, — сказала вона.`), as in a sentence.
    dashes=Dashes("\u2014", True, "\u2014 "),
    hyphenation="uk",
)
