"""Portuguese: CLDR's quotes, its furniture words and heading words."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language

LANGUAGE = Language(
    code="pt",
    name="Portuguese",
    words=BookWords(
        contents="Índice",
        chapter="Capítulo {number}",
        cover="Capa",
        title_page="Folha de rosto",
        start_of_text="Início do texto",
        landmarks="Pontos de referência",
        dedication="Dedicatória",
        epigraph="Epígrafe",
        rights="Todos os direitos reservados.",
        published_by="Publicado por {publisher}",
        set_in="Composto em {face}.",
        by_author="de {author}",
        scene_break="Mudança de cena",
        pages="Páginas",
        afterword="Posfácio",
        acknowledgements="Agradecimentos",
        about_the_author="Sobre o autor",
        also_by="Do mesmo autor",
        series_book="{series}, livro {number}",
        copyright="Direitos autorais",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "livro digital"), ("paperback", "brochura"), ("hardcover", "capa dura")),
        also_available="Também disponível: {editions}",
    ),
    headings=HeadingWords(
        chapter=("capítulo", "capitulo"),
        part=("parte",),
        numbers=(
            "dois",
            "três",
            "quatro",
            "cinco",
            "seis",
            "sete",
            "oito",
            "nove",
            "dez",
            "primeiro",
            "segundo",
            "terceiro",
            "último",
        ),
    ),
    # Speech opens with a spaced em dash, the travessão (`— Eu sei — disse`), as in a sentence.
    dashes=Dashes("\u2014", True, "\u2014 "),
    hyphenation="pt",
)
