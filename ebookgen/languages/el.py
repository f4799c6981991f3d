"""Greek: CLDR's quotes (« » with “ ” inside), elisions kept as apostrophes, speech opened with a spaced dash."""

from __future__ import annotations

import re

from ebookgen.languages.records import BookWords, Dashes, HeadingWords, Language
from ebookgen.patterns import lazy

# A word cut short before another, its vowel elided: `σ' αγαπώ`, `μ' αρέσει`, `απ' το`, `κι' ο`, `τ' όνομα`.
ELISION = lazy(r"(?<!\w)(σ|μ|τ|ν|θ|π|δ|γι|απ|κι|ουτ|εξ|υπ|παρ|μετ|κατ)'(?=\s)", re.I)


def keep_elisions(text: str) -> str:
    """Set a Greek elision's mark as the apostrophe it is, never a closing quote: `σ' αγαπώ` -> `σ’ αγαπώ`."""
    return ELISION.sub("\\1\u2019", text) if "'" in text else text


LANGUAGE = Language(
    code="el",
    name="Greek",
    words=BookWords(
        contents="Περιεχόμενα",
        chapter="Κεφάλαιο {number}",
        cover="Εξώφυλλο",
        title_page="Σελίδα τίτλου",
        start_of_text="Αρχή κειμένου",
        landmarks="Ορόσημα",
        dedication="Αφιέρωση",
        epigraph="Προμετωπίδα",
        rights="Με την επιφύλαξη παντός δικαιώματος.",
        published_by="Έκδοση: {publisher}",
        set_in="Στοιχειοθετήθηκε σε {face}.",
        by_author="{author}",
        scene_break="Αλλαγή σκηνής",
        pages="Σελίδες",
        afterword="Επίμετρο",
        acknowledgements="Ευχαριστίες",
        about_the_author="Για τον συγγραφέα",
        also_by="Από τον ίδιο συγγραφέα",
        series_book="{series}, Βιβλίο {number}",
        copyright="Πνευματικά δικαιώματα",
        copyright_line="© {year} {author}.",
        editions=(("ebook", "ηλεκτρονικό βιβλίο"), ("paperback", "χαρτόδετο"), ("hardcover", "σκληρόδετο")),
        also_available="Διατίθεται επίσης: {editions}",
    ),
    headings=HeadingWords(
        chapter=("κεφάλαιο",),
        part=("μέρος", "βιβλίο", "τόμος"),
        named=("πρόλογος", "επίλογος", "εισαγωγή", "ιντερλούδιο"),
        numbers=("πρώτο", "δεύτερο", "τρίτο", "τέταρτο", "πέμπτο", "έκτο", "έβδομο", "όγδοο", "ένατο", "δέκατο"),
    ),
    apostrophe_rule=keep_elisions,
    # Speech opens with a spaced em dash, the παύλα (`— Καλημέρα — είπε.`), as in a sentence.
    dashes=Dashes("\u2014", True, "\u2014 "),
    hyphenation="el",
)
