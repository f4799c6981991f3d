"""Danish: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, HeadingWords, Language

LANGUAGE = Language(
    code="da",
    name="Danish",
    words=BookWords(
        contents="Indhold",
        chapter="Kapitel {number}",
        cover="Omslag",
        title_page="Titelblad",
        start_of_text="Tekstens begyndelse",
        landmarks="Pejlemærker",
        dedication="Dedikation",
        epigraph="Motto",
        rights="Alle rettigheder forbeholdes.",
        published_by="Udgivet af {publisher}",
        set_in="Sat med {face}.",
        by_author="af {author}",
        scene_break="Sceneskift",
        pages="Sider",
    ),
    headings=HeadingWords(
        chapter=("kapitel",),
        part=("del",),
    ),
    hyphenation="da",
)
