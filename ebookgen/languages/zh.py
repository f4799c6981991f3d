"""Chinese: CLDR's quotes, its furniture words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, HeadingWords, Language
from ebookgen.languages.spaceless import (
    double_dashes_and_ellipses,
    full_width_punctuation,
    straighten_full_width_quotes,
)

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
        afterword="后记",
        acknowledgements="致谢",
        about_the_author="关于作者",
        also_by="{author}的其他作品",
        series_book="{series} 第{number}册",
        copyright="版权",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "电子书"), ("paperback", "平装本"), ("hardcover", "精装本")),
        also_available="其他版本：{editions}",
    ),
    headings=HeadingWords(
        named=("序章", "序言", "楔子", "尾声", "尾聲", "后记", "後記", "番外"),
        numbers=("[〇零一二三四五六七八九十百千两兩]+",),
        # `第一章`, `第1章`, `第十二回`, `第一节`: the counter after the number; `第一部`, `第一卷` a part.
        chapter_forms=("第\\s*{number}\\s*[章回节節]",),
        part_forms=("第\\s*{number}\\s*[部卷篇]",),
    ),
    # An ellipsis and a dash two ideographs wide (`……`, `——`); full-width quotes curled; full-width punctuation.
    dash_rule=double_dashes_and_ellipses,
    apostrophe_rule=straighten_full_width_quotes,
    spacing_rule=full_width_punctuation,
)
