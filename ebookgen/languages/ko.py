"""Korean: double quotes for speech and single quotes for thoughts, as typed; its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import ENGLISH_QUOTES, BookWords, HeadingWords, Language

LANGUAGE = Language(
    code="ko",
    name="Korean",
    # Korean writers put speech in double quotes and a thought in single ones: the outer mark follows what was
    # typed, as in English, never the depth alone (CLDR's marks would give a thought double quotes).
    quotes=ENGLISH_QUOTES,
    cldr_quotes=False,
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
        afterword="후기",
        acknowledgements="감사의 말",
        about_the_author="작가 소개",
        also_by="{author}의 다른 책",
        series_book="{series} 제{number}권",
        copyright="저작권",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "전자책"), ("paperback", "페이퍼백"), ("hardcover", "양장본")),
        also_available="다른 판: {editions}",
    ),
    headings=HeadingWords(
        named=("프롤로그", "에필로그", "서장", "종장", "외전"),
        numbers=("[일이삼사오육칠팔구십백]+",),
        # `제1장`, `제 1 장`, `1장`: the counter after the number; `제1부` a part. Without `제`, only a line of its own
        # or before a colon (`2장 남았다` is two sheets left).
        chapter_forms=("제\\s*{number}\\s*장", "{number}\\s*장(?=\\s*(?:$|[:.\\-\u2013\u2014]))"),
        part_forms=("제\\s*{number}\\s*부", "{number}\\s*부(?=\\s*(?:$|[:.\\-\u2013\u2014]))"),
    ),
)
