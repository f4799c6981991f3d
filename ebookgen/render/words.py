"""The words ebookgen prints itself, in the book's language: contents, chapter, cover, landmarks, copyright page.

One small table, a record per language; a language missing here is printed in English. Formats take
``{number}``, ``{author}``, ``{publisher}`` or ``{face}``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class BookWords:
    """What a book's own pages say in one language."""

    contents: str = "Contents"
    chapter: str = "Chapter {number}"
    cover: str = "Cover"
    title_page: str = "Title Page"
    start_of_text: str = "Start of Text"
    landmarks: str = "Landmarks"
    dedication: str = "Dedication"
    epigraph: str = "Epigraph"
    rights: str = "All rights reserved."
    published_by: str = "Published by {publisher}"
    set_in: str = "Set in {face}."
    by_author: str = "by {author}"
    scene_break: str = "Scene break"
    pages: str = "Pages"  # the title of the e-book's list of the print edition's pages
    # The back matter's headings (a field added after the table below was set: see BACK).
    afterword: str = "Afterword"
    acknowledgements: str = "Acknowledgements"
    about_the_author: str = "About the Author"
    also_by: str = "Also by {author}"
    newsletter: str = "Newsletter"


ENGLISH = BookWords()


def words(*values: str) -> BookWords:
    """Make a language's record from its words, in the order of BookWords' fields."""
    names = [field.name for field in fields(BookWords)][: len(values)]
    return BookWords(**dict(zip(names, values, strict=True)))


# fmt: off
WORDS: dict[str, BookWords] = {
    "en": ENGLISH,
    "de": words("Inhalt", "Kapitel {number}", "Umschlag", "Titelseite", "Textbeginn", "Orientierungspunkte",
                "Widmung", "Motto", "Alle Rechte vorbehalten.", "Erschienen bei {publisher}",
                "Gesetzt aus der {face}.", "von {author}", "Szenenwechsel"),
    "fr": words("Table des matières", "Chapitre {number}", "Couverture", "Page de titre", "Début du texte",
                "Repères", "Dédicace", "Épigraphe", "Tous droits réservés.", "Publié par {publisher}",
                "Composé en {face}.", "par {author}", "Changement de scène"),
    "es": words("Índice", "Capítulo {number}", "Cubierta", "Portada", "Inicio del texto", "Puntos de referencia",
                "Dedicatoria", "Epígrafe", "Todos los derechos reservados.", "Publicado por {publisher}",
                "Compuesto en {face}.", "de {author}", "Cambio de escena"),
    "it": words("Indice", "Capitolo {number}", "Copertina", "Frontespizio", "Inizio del testo",
                "Punti di riferimento", "Dedica", "Epigrafe", "Tutti i diritti riservati.",
                "Pubblicato da {publisher}", "Composto in {face}.", "di {author}", "Cambio di scena"),
    "pt": words("Índice", "Capítulo {number}", "Capa", "Folha de rosto", "Início do texto", "Pontos de referência",
                "Dedicatória", "Epígrafe", "Todos os direitos reservados.", "Publicado por {publisher}",
                "Composto em {face}.", "de {author}", "Mudança de cena"),
    "nl": words("Inhoud", "Hoofdstuk {number}", "Omslag", "Titelpagina", "Begin van de tekst", "Oriëntatiepunten",
                "Opdracht", "Motto", "Alle rechten voorbehouden.", "Uitgegeven door {publisher}",
                "Gezet in de {face}.", "door {author}", "Scèneovergang"),
    "pl": words("Spis treści", "Rozdział {number}", "Okładka", "Strona tytułowa", "Początek tekstu",
                "Punkty orientacyjne", "Dedykacja", "Motto", "Wszelkie prawa zastrzeżone.",
                "Wydawca: {publisher}", "Złożono krojem {face}.", "autor: {author}", "Zmiana sceny"),
    "cs": words("Obsah", "Kapitola {number}", "Obálka", "Titulní strana", "Začátek textu", "Orientační body",
                "Věnování", "Motto", "Všechna práva vyhrazena.", "Vydal {publisher}", "Vysázeno písmem {face}.",
                "autor: {author}", "Změna scény"),
    "ru": words("Содержание", "Глава {number}", "Обложка", "Титульная страница", "Начало текста", "Ориентиры",
                "Посвящение", "Эпиграф", "Все права защищены.", "Издатель: {publisher}",
                "Набрано шрифтом {face}.", "автор: {author}", "Смена сцены"),
    "uk": words("Зміст", "Розділ {number}", "Обкладинка", "Титульна сторінка", "Початок тексту", "Орієнтири",
                "Присвята", "Епіграф", "Усі права захищено.", "Видавець: {publisher}", "Набрано шрифтом {face}.",
                "автор: {author}", "Зміна сцени"),
    "sv": words("Innehåll", "Kapitel {number}", "Omslag", "Titelsida", "Textens början", "Landmärken",
                "Dedikation", "Motto", "Alla rättigheter förbehållna.", "Utgiven av {publisher}",
                "Satt med {face}.", "av {author}", "Scenbyte"),
    "da": words("Indhold", "Kapitel {number}", "Omslag", "Titelblad", "Tekstens begyndelse", "Pejlemærker",
                "Dedikation", "Motto", "Alle rettigheder forbeholdes.", "Udgivet af {publisher}",
                "Sat med {face}.", "af {author}", "Sceneskift"),
    "nb": words("Innhold", "Kapittel {number}", "Omslag", "Tittelside", "Tekstens begynnelse", "Landemerker",
                "Dedikasjon", "Motto", "Alle rettigheter forbeholdt.", "Utgitt av {publisher}",
                "Satt med {face}.", "av {author}", "Sceneskift"),
    "fi": words("Sisällys", "Luku {number}", "Kansi", "Nimiösivu", "Tekstin alku", "Maamerkit", "Omistus",
                "Motto", "Kaikki oikeudet pidätetään.", "Julkaisija: {publisher}", "Kirjasin: {face}.",
                "{author}", "Kohtauksen vaihto"),
    "hu": words("Tartalom", "{number}. fejezet", "Borító", "Címoldal", "A szöveg kezdete", "Tájékozódási pontok",
                "Ajánlás", "Mottó", "Minden jog fenntartva.", "Kiadja: {publisher}", "Betűtípus: {face}.",
                "{author}", "Jelenetváltás"),
    "ja": words("目次", "第{number}章", "表紙", "扉", "本文", "ランドマーク", "献辞", "エピグラフ",
                "無断転載を禁じます。", "発行：{publisher}", "書体：{face}", "{author} 著", "場面転換"),
    "ko": words("차례", "제{number}장", "표지", "속표지", "본문 시작", "랜드마크", "헌사", "제사",
                "모든 권리 보유.", "펴낸곳: {publisher}", "서체: {face}", "{author} 지음", "장면 전환"),
    "zh": words("目录", "第{number}章", "封面", "扉页", "正文", "地标", "献词", "题记", "版权所有。",
                "出版：{publisher}", "字体：{face}", "{author} 著", "场景转换"),
    "ar": words("المحتويات", "الفصل {number}", "الغلاف", "صفحة العنوان", "بداية النص", "معالم", "إهداء",
                "تصدير", "جميع الحقوق محفوظة.", "نشر: {publisher}", "الخط: {face}.", "تأليف {author}",
                "تغيير المشهد"),
    "he": words("תוכן העניינים", "פרק {number}", "כריכה", "עמוד שער", "תחילת הטקסט", "ציוני דרך", "הקדשה",
                "מוטו", "כל הזכויות שמורות.", "הוצאת {publisher}", "סודר באות {face}.", "מאת {author}",
                "מעבר סצנה"),
}
# The title of the page list, by language (a field added after the table above was set).
PAGES = {
    "de": "Seiten", "fr": "Pages", "es": "Páginas", "it": "Pagine", "pt": "Páginas", "nl": "Pagina's",
    "pl": "Strony", "cs": "Stránky", "ru": "Страницы", "uk": "Сторінки", "sv": "Sidor", "da": "Sider",
    "nb": "Sider", "fi": "Sivut", "hu": "Oldalak", "ja": "ページ", "ko": "페이지", "zh": "页码", "ar": "الصفحات",
    "he": "עמודים",
}
# The back matter's headings by language: afterword, acknowledgements, about the author, also by, newsletter.
BACK = {
    "de": ("Nachwort", "Danksagung", "Über den Autor", "Ebenfalls von {author}", "Newsletter"),
    "fr": ("Postface", "Remerciements", "À propos de l’auteur", "Du même auteur", "Lettre d’information"),
    "es": ("Epílogo", "Agradecimientos", "Sobre el autor", "Otros libros de {author}", "Boletín"),
    "it": ("Postfazione", "Ringraziamenti", "L’autore", "Dello stesso autore", "Newsletter"),
    "pt": ("Posfácio", "Agradecimentos", "Sobre o autor", "Do mesmo autor", "Newsletter"),
    "nl": ("Nawoord", "Dankwoord", "Over de auteur", "Ook van {author}", "Nieuwsbrief"),
}
# fmt: on
BACK_FIELDS = ("afterword", "acknowledgements", "about_the_author", "also_by", "newsletter")
WORDS = {code: replace(said, pages=PAGES.get(code, said.pages)) for code, said in WORDS.items()}
WORDS = {
    code: replace(said, **dict(zip(BACK_FIELDS, BACK[code], strict=True))) if code in BACK else said
    for code, said in WORDS.items()
}
WORDS["no"] = WORDS["nn"] = WORDS["nb"]


def words_for(language: str) -> BookWords:
    """Return the words of a language tag (`de`, `pt-BR`, `zh-Hant`), English where the table has none."""
    return WORDS.get(language.replace("_", "-").split("-")[0].lower(), ENGLISH)
