"""French: guillemets with English quotes inside, French spacing before ; : ! ? and inside guillemets."""

from __future__ import annotations

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language, QuoteMarks
from ebookgen.patterns import lazy

NARROW_NBSP, NBSP = "\u202f", "\u00a0"

# A space, or none, after a word or a closing mark, before `;`, `!` or `?` (not `?!`'s second mark).
BEFORE_TALL_MARK = lazy(r"(?<=[^\s;:!?\u00a0\u202f(\[«])[ \t]*(?=[;!?])")
# Before a colon, only where it ends a clause: after a word or mark, before a space or the end (not 10:30, http://).
BEFORE_COLON = lazy(r"(?<=[^\s:\d\u00a0\u202f(\[«])[ \t]*:(?=\s|$)")
AFTER_OPENING_GUILLEMET = lazy(r"«[ \t]*(?=[^\s\u00a0\u202f])")
BEFORE_CLOSING_GUILLEMET = lazy(r"(?<=[^\s\u00a0\u202f])[ \t]*»")


def space_french_punctuation(text: str) -> str:
    """Set French spacing: a narrow no-break space inside guillemets and before ; ! ?, a no-break space before :.

    Spaces the author typed (a space, U+00A0, U+202F) are kept or turned no-break, never doubled.
    The colon takes the full-width no-break space of the Imprimerie nationale's rules (and of
    LaTeX's babel-french); the others take the narrow one (fine space).
    """
    if not any(mark in text for mark in ";:!?«»"):
        return text  # most paragraphs: no rule below can match
    text = AFTER_OPENING_GUILLEMET.sub("«" + NARROW_NBSP, text)
    text = BEFORE_CLOSING_GUILLEMET.sub(NARROW_NBSP + "»", text)
    text = BEFORE_TALL_MARK.sub(NARROW_NBSP, text)
    return BEFORE_COLON.sub(NBSP + ":", text)


LANGUAGE = Language(
    code="fr",
    name="French",
    # CLDR nests guillemets in guillemets; French books set English double quotes inside.
    quotes=QuoteMarks(("\u00ab", "\u00bb"), ("\u201c", "\u201d"), True),
    words=BookWords(
        contents="Table des matières",
        chapter="Chapitre {number}",
        cover="Couverture",
        title_page="Page de titre",
        start_of_text="Début du texte",
        landmarks="Repères",
        dedication="Dédicace",
        epigraph="Épigraphe",
        rights="Tous droits réservés.",
        published_by="Publié par {publisher}",
        set_in="Composé en {face}.",
        by_author="par {author}",
        scene_break="Changement de scène",
        afterword="Postface",
        acknowledgements="Remerciements",
        about_the_author="À propos de l’auteur",
        also_by="Du même auteur",
        newsletter="Lettre d’information",
        series_book="{series}, tome {number}",
        copyright="Droits d’auteur",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "livre numérique"), ("paperback", "broché"), ("hardcover", "relié")),
        also_available="Également disponible : {editions}",
    ),
    headings=HeadingWords(
        chapter=("chapitre",),
        part=("partie", "livre", "tome"),
        named=("prologue", "épilogue", "epilogue", "préface", "avant-propos", "postface", "interlude"),
        numbers=(
            "premier",
            "première",
            "deux",
            "trois",
            "quatre",
            "cinq",
            "six",
            "sept",
            "huit",
            "neuf",
            "dix",
            "onze",
            "douze",
            "dernier",
        ),
    ),
    spacing_rule=space_french_punctuation,
    # Speech opens with a spaced em dash, the tiret (`— Bonjour`); a spaced en dash inside a sentence.
    dashes=Dashes("\u2013", True, "\u2014 "),
    hyphenation="fr",
)
