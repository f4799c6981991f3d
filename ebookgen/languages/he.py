"""Hebrew: CLDR's quotes, gershayim and geresh where a writer types quotes, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, HeadingWords, Language
from ebookgen.patterns import lazy

HEBREW_LETTER = "[\u05d0-\u05ea]"
# A double quote before a word's last letter marks an acronym or a number: `ד"ר`, `צה"ל`, `י"ב`.
GERSHAYIM = lazy(f'(?<={HEBREW_LETTER})"(?={HEBREW_LETTER})')
# A single quote inside a word (`ג'ורג'`), after a letter standing alone (`ה'`, `א'`), or after a word's last ג ז צ
# for a sound Hebrew lacks (`ג'ורג'`, `צ'`): a geresh.
GERESH = lazy(
    f"(?<={HEBREW_LETTER})'(?={HEBREW_LETTER})"
    f"|(?:(?<=^{HEBREW_LETTER})|(?<=[^\\w']{HEBREW_LETTER}))'"
    f"|(?<=[\u05d2\u05d6\u05e6\u05e5])'(?!{HEBREW_LETTER})"
)


def mark_gershayim(text: str) -> str:
    """Set `ד"ר` and `ג'ורג'` with the gershayim and geresh they stand for, not quotation marks."""
    if '"' not in text and "'" not in text:
        return text
    text = GERSHAYIM.sub("\u05f4", text)
    return GERESH.sub("\u05f3", text)


LANGUAGE = Language(
    code="he",
    name="Hebrew",
    words=BookWords(
        contents="תוכן העניינים",
        chapter="פרק {number}",
        cover="כריכה",
        title_page="עמוד שער",
        start_of_text="תחילת הטקסט",
        landmarks="ציוני דרך",
        dedication="הקדשה",
        epigraph="מוטו",
        rights="כל הזכויות שמורות.",
        published_by="הוצאת {publisher}",
        set_in="סודר באות {face}.",
        by_author="מאת {author}",
        scene_break="מעבר סצנה",
        pages="עמודים",
        afterword="אחרית דבר",
        acknowledgements="תודות",
        about_the_author="על המחבר",
        also_by="ספרים נוספים מאת {author}",
        series_book="{series}, ספר {number}",
        copyright="זכויות יוצרים",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "ספר אלקטרוני"), ("paperback", "כריכה רכה"), ("hardcover", "כריכה קשה")),
        also_available="זמין גם: {editions}",
    ),
    headings=HeadingWords(
        chapter=("פרק",),
        part=("חלק",),
        numbers=(
            "ראשון",
            "שני",
            "שלישי",
            "רביעי",
            "חמישי",
            "שישי",
            "שביעי",
            "שמיני",
            "תשיעי",
            "עשירי",
            "אחרון",
            "[א-ת]['\u05f3]",
            '[א-ת]{1,2}["\u05f4][א-ת]',  # letter numerals: `פרק ג'`, `פרק י"ב`
        ),
    ),
    apostrophe_rule=mark_gershayim,
)
