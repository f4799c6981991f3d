"""Korean: CLDR's quotes, its furniture words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Language

LANGUAGE = Language(
    code="ko",
    name="Korean",
    words=BookWords(
        contents="차례",
        chapter="제{number}장",
        cover="표지",
        title_page="속표지",
        start_of_text="본문 시작",
        landmarks="랜드마크",
        dedication="헌사",
        epigraph="제사",
        rights="모든 권리 보유.",
        published_by="펴낸곳: {publisher}",
        set_in="서체: {face}",
        by_author="{author} 지음",
        scene_break="장면 전환",
        pages="페이지",
    ),
)
