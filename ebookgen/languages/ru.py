"""Russian: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="ru",
    name="Russian",
    words=BookWords(
        contents="Содержание",
        chapter="Глава {number}",
        cover="Обложка",
        title_page="Титульная страница",
        start_of_text="Начало текста",
        landmarks="Ориентиры",
        dedication="Посвящение",
        epigraph="Эпиграф",
        rights="Все права защищены.",
        published_by="Издатель: {publisher}",
        set_in="Набрано шрифтом {face}.",
        by_author="автор: {author}",
        scene_break="Смена сцены",
        pages="Страницы",
        afterword="Послесловие",
        acknowledgements="Благодарности",
        about_the_author="Об авторе",
        also_by="Другие книги автора",
        series_book="{series}, книга {number}",
        copyright="Авторские права",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "электронная книга"), ("paperback", "мягкая обложка"), ("hardcover", "твёрдый переплёт")),
        also_available="Также доступно: {editions}",
    ),
    headings=HeadingWords(
        chapter=("глава",),
        part=("часть", "книга", "том"),
        named=("пролог", "эпилог", "предисловие", "послесловие"),
        numbers=(
            "первая",
            "вторая",
            "третья",
            "четвёртая",
            "четвертая",
            "пятая",
            "шестая",
            "седьмая",
            "восьмая",
            "девятая",
            "десятая",
            "последняя",
        ),
    ),
    # Speech opens with a spaced em dash (`— Да, — сказала она.`), as in a sentence.
    dashes=Dashes("\u2014", True, "\u2014 "),
    hyphenation="ru",
)
