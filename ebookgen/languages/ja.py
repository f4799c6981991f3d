"""Japanese: CLDR's quotes, its furniture words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, HeadingWords, Language
from ebookgen.languages.spaceless import (
    double_dashes_and_ellipses,
    full_width_stops,
    straighten_full_width_quotes,
)

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
        afterword="あとがき",
        acknowledgements="謝辞",
        about_the_author="著者について",
        also_by="{author}の本",
        series_book="{series} 第{number}巻",
        copyright="著作権",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "電子書籍"), ("paperback", "ペーパーバック"), ("hardcover", "ハードカバー")),
        also_available="その他の版：{editions}",
    ),
    headings=HeadingWords(
        named=("プロローグ", "エピローグ", "序章", "終章", "序", "あとがき"),
        numbers=("[〇零一二三四五六七八九十百千]+",),
        # `第一章`, `第1章`, `第１話`: the counter after the number; `第一部` a part.
        chapter_forms=("第\\s*{number}\\s*[章話回]",),
        part_forms=("第\\s*{number}\\s*[部巻]",),
    ),
    # An ellipsis and a dash two ideographs wide (`……`, `——`); full-width straight quotes curled; full-width ? and !.
    dash_rule=double_dashes_and_ellipses,
    apostrophe_rule=straighten_full_width_quotes,
    spacing_rule=full_width_stops,
)
