"""Arabic: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, HeadingWords, Language

LANGUAGE = Language(
    code="ar",
    name="Arabic",
    words=BookWords(
        contents="المحتويات",
        chapter="الفصل {number}",
        cover="الغلاف",
        title_page="صفحة العنوان",
        start_of_text="بداية النص",
        landmarks="معالم",
        dedication="إهداء",
        epigraph="تصدير",
        rights="جميع الحقوق محفوظة.",
        published_by="نشر: {publisher}",
        set_in="الخط: {face}.",
        by_author="تأليف {author}",
        scene_break="تغيير المشهد",
        pages="الصفحات",
        afterword="خاتمة",
        acknowledgements="شكر وتقدير",
        about_the_author="عن المؤلف",
        also_by="كتب أخرى لـ{author}",
        series_book="{series}، الكتاب {number}",
        copyright="حقوق النشر",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "كتاب إلكتروني"), ("paperback", "غلاف ورقي"), ("hardcover", "غلاف مقوى")),
        also_available="متوفر أيضًا: {editions}",
    ),
    headings=HeadingWords(
        chapter=("الفصل", "فصل"),
        part=("الجزء",),
        numbers=(
            "الأول",
            "الثاني",
            "الثالث",
            "الرابع",
            "الخامس",
            "السادس",
            "السابع",
            "الثامن",
            "التاسع",
            "العاشر",
            "الحادي عشر",
            "الثاني عشر",
            "الثالث عشر",
            "الرابع عشر",
            "الخامس عشر",
            "الأخير",
        ),
    ),
)
