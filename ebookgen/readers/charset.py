"""Find the encoding of a file that is not UTF-8: what its markup declares, else a charset detector's reading.

Single-byte code pages read most bytes as some letter, so a Turkish text in Windows-1254 read as
Windows-1252 looks like letters too (`Ýstanbul` for `İstanbul`). The detector's own measure of each
reading (its chaos and its languages' coherence) breaks a tie; when readings that differ score alike,
the choice is a doubt, which ``check`` shows with the alternatives weighed.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

from ebookgen.patterns import lazy

# Single-byte Western code pages a detector confuses on short texts; Windows-1252 wins a tie it cannot break.
LATIN_CODEPAGES = {
    "ascii", "latin_1", "iso8859_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10",
    "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "cp1250", "cp1252", "cp1254", "cp1257",
    "cp437", "cp850", "cp852", "cp858", "cp775", "cp1006", "cp1125",
    "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish",
}  # fmt: skip
TYPOGRAPHIC = set("\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u00ab\u00bb\u2039\u203a\u00a0\u00b7")
# A reading the detector finds this much less chaotic than Windows-1252's wins over it.
CLEARLY_LESS_CHAOS = 0.004
# Languages written in the Latin code pages, whose alphabets tell one code page's reading from another's.
ALPHABET_LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ca", "gl", "eu", "ga", "cy", "sv", "da", "nb", "fi", "is", "fo",
    "et", "lv", "lt", "pl", "cs", "sk", "sl", "hr", "bs", "hu", "ro", "sq", "tr", "az", "mt", "af",
)  # fmt: skip
# An XML declaration's encoding, and an HTML page's `<meta charset>` or `content="...; charset=..."`.
DECLARED = lazy(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
META_CHARSET = lazy(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.I)


@dataclass(frozen=True)
class Detected:
    """Bytes decoded by detection: the text, the code page chosen and, when others read as well, the doubt."""

    text: str
    encoding: str
    doubt: str = ""


def declared_charset(data: bytes) -> str | None:
    """Return the encoding a page's markup declares (its XML declaration or `<meta charset>`), or None."""
    found = DECLARED.match(data) or META_CHARSET.search(data[:4096])
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None


def detect(data: bytes) -> Detected:
    """Decode bytes that are not UTF-8 with a charset detector, and say so when the choice was a doubt."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    guess = matches[0].encoding if matches else "cp1252"
    if guess not in LATIN_CODEPAGES:
        try:
            return Detected(data.decode(guess), guess)
        except (UnicodeDecodeError, LookupError):
            pass
    chaos = {match.encoding: match.chaos for match in matches}
    names = ["cp1252"] + [m.encoding for m in matches if m.encoding in LATIN_CODEPAGES and m.encoding != "ascii"]
    scores = {name: (plausibility(data, name), alphabet_fit(data, name)) for name in dict.fromkeys(names)}
    top = max(scores.values())
    tied = [name for name in scores if scores[name] == top]
    chosen = min(tied, key=lambda name: chaos.get(name, 1.0) + (0 if name == "cp1252" else CLEARLY_LESS_CHAOS))
    text = data.decode(chosen, errors="replace")
    if "cp1252" in tied and text == data.decode("cp1252", errors="replace"):
        chosen = "cp1252"  # the same letters either way: the commoner name
    return Detected(text, chosen, doubt_of(data, chosen, text, tied))


def alphabet_fit(data: bytes, encoding: str) -> float:
    """Score a decoding by how well its letters beyond ASCII make one language's alphabet (CLDR's, through ICU).

    Windows-1252 reads Turkish `İ ı ş ğ` as `Ý ý þ ð`, Icelandic letters that no alphabet holds beside `ü`
    and `ç`; Windows-1250 reads French `è à` as `č ŕ`, which no alphabet holds beside `ç`.
    """
    try:
        text = data[:200_000].decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return 0.0
    letters = {char.lower() if len(char.lower()) == 1 else char for char in text if ord(char) > 127 and char.isalpha()}
    if not letters:
        return 1.0
    return max(len(letters & alphabet) for alphabet in alphabets()) / len(letters)


@functools.cache
def alphabets() -> tuple[frozenset[str], ...]:
    """Return the letters beyond ASCII of each language written in a Latin code page (CLDR's exemplars)."""
    import icu

    found = []
    for code in ALPHABET_LANGUAGES:
        exemplars = icu.LocaleData(code).getExemplarSet(0, icu.ULocaleDataExemplarSetType.ES_STANDARD)
        found.append(frozenset(char for char in exemplars if len(char) == 1 and ord(char) > 127))
    return tuple(found)


def doubt_of(data: bytes, chosen: str, text: str, tied: list[str]) -> str:
    """Say which other code pages read the bytes as well but differently, with the word each makes, or ''."""
    others, shown = [], ""
    for name in tied:
        reading = data[:200_000].decode(name, errors="replace")
        mine, theirs = differing_words(text, reading)
        if name != chosen and theirs:
            others.append(f"{name} ({theirs!r})")
            shown = shown or mine
    if not others:
        return ""
    return (
        f"the encoding is a guess: read as {chosen} ({shown!r}); {', '.join(others[:4])} read it as well; "
        f"give --encoding if the letters are wrong"
    )


def differing_words(text: str, other: str) -> tuple[str, str]:
    """Return the first word two readings spell differently, as each spells it (('', '') when none does)."""
    for mine, theirs in zip(text.split(), other.split(), strict=False):
        if mine != theirs:
            return mine[:30], theirs[:30]
    return "", ""


def plausibility(data: bytes, encoding: str) -> int:
    """Score a decoding: letters and typographic marks count for it, stray symbols and gaps against."""
    try:
        text = data[:200_000].decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return -(10**9)
    score = 0
    for char in text:
        if ord(char) < 128:
            continue
        score += 1 if char.isalpha() or char in TYPOGRAPHIC else -3
    return score
