"""Chinese: CLDR's quotes, its furniture words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Language

LANGUAGE = Language(
    code="zh",
    name="Chinese",
    words=BookWords(
        contents="目录",
        chapter="第{number}章",
        cover="封面",
        title_page="扉页",
        start_of_text="正文",
        landmarks="地标",
        dedication="献词",
        epigraph="题记",
        rights="版权所有。",
        published_by="出版：{publisher}",
        set_in="字体：{face}",
        by_author="{author} 著",
        scene_break="场景转换",
        pages="页码",
    ),
)
