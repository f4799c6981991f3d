"""Hebrew: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, HeadingWords, Language

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
    ),
    headings=HeadingWords(
        chapter=("פרק",),
        part=("חלק",),
    ),
)
