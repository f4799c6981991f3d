"""Japanese: CLDR's quotes, its furniture words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Language

LANGUAGE = Language(
    code="ja",
    name="Japanese",
    words=BookWords(
        contents="目次",
        chapter="第{number}章",
        cover="表紙",
        title_page="扉",
        start_of_text="本文",
        landmarks="ランドマーク",
        dedication="献辞",
        epigraph="エピグラフ",
        rights="無断転載を禁じます。",
        published_by="発行：{publisher}",
        set_in="書体：{face}",
        by_author="{author} 著",
        scene_break="場面転換",
        pages="ページ",
    ),
)
