"""Indonesian: CLDR's quotes (“…”, ‘…’ inside), the closed em dash, its furniture and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, HeadingWords, Language

LANGUAGE = Language(
    code="id",
    name="Indonesian",
    words=BookWords(
        contents="Daftar Isi",
        chapter="Bab {number}",
        cover="Sampul",
        title_page="Halaman Judul",
        start_of_text="Awal Teks",
        landmarks="Penanda",
        dedication="Persembahan",
        epigraph="Epigraf",
        rights="Hak cipta dilindungi undang-undang.",
        published_by="Diterbitkan oleh {publisher}",
        set_in="Diset dengan {face}.",
        by_author="oleh {author}",
        scene_break="Pergantian adegan",
        pages="Halaman",
        afterword="Kata Penutup",
        acknowledgements="Ucapan Terima Kasih",
        about_the_author="Tentang Penulis",
        also_by="Buku lain oleh {author}",
        series_book="{series}, Buku {number}",
        copyright="Hak Cipta",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "buku elektronik"), ("paperback", "sampul lunak"), ("hardcover", "sampul keras")),
        also_available="Juga tersedia: {editions}",
    ),
    headings=HeadingWords(
        chapter=("bab",),
        part=("bagian", "buku"),
        named=("prolog", "epilog", "prakata", "kata pengantar", "kata penutup"),
        numbers=("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"),
    ),
    hyphenation="id",
)
