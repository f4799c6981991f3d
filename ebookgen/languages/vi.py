"""Vietnamese: CLDR's quotes (“…”), speech opened with a spaced en dash, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="vi",
    name="Vietnamese",
    words=BookWords(
        contents="Mục lục",
        chapter="Chương {number}",
        cover="Bìa",
        title_page="Trang tên sách",
        start_of_text="Bắt đầu",
        landmarks="Mốc",
        dedication="Lời đề tặng",
        epigraph="Đề từ",
        rights="Bảo lưu mọi quyền.",
        published_by="Nhà xuất bản {publisher}",
        set_in="Dàn trang bằng {face}.",
        by_author="{author}",
        scene_break="Chuyển cảnh",
        pages="Trang",
        afterword="Lời bạt",
        acknowledgements="Lời cảm ơn",
        about_the_author="Về tác giả",
        also_by="Sách khác của {author}",
        series_book="{series}, Tập {number}",
        copyright="Bản quyền",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "sách điện tử"), ("paperback", "bìa mềm"), ("hardcover", "bìa cứng")),
        also_available="Các ấn bản khác: {editions}",
    ),
    headings=HeadingWords(
        chapter=("chương",),
        part=("phần", "quyển", "tập"),
        named=("mở đầu", "lời mở đầu", "vĩ thanh", "lời kết", "phần kết"),
        numbers=("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"),
    ),
    # Speech opens with a spaced en dash (`– Chào anh – cô nói.`), as in a sentence.
    dashes=Dashes("\u2013", True, "\u2013 "),
)
