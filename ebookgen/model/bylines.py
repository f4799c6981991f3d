"""A byline (`by Author`, `von Lena Brandt`, `par Claire Dubois`, `Yamada Taro 著`): words two stages speak.

The readers find a title and byline at the top of a story and take them as the book's title and author;
the normaliser takes the same lines off the text, as the title page shows them. Both read a byline here.
Every language file's ``by_author`` words are among these (``tests/test_title_block.py`` holds them so).
"""

from __future__ import annotations

import re

from ebookgen.patterns import lazy

# Words before the author's name in a byline, in the languages stories are written in (lower case).
BYLINE_BEFORE = (
    "by", "written by", "story by", "a story by", "von", "par", "de", "di", "por", "door", "av", "af", "oleh",
    "przez", "autor:", "autorin:", "автор:", "автор", "от", "מאת", "تأليف", "tarafından",
)  # fmt: skip
# Words after the author's name: Japanese, Chinese and Korean bylines.
BYLINE_AFTER = ("著", "作", "지음", "글")
# Words that join two authors' names: `by Ada and Ben`, `von Ada und Ben`.
JOINS = frozenset({"and", "&", "und", "et", "y", "e", "og", "en", "och", "i", "и", "ve", "oraz"})
# Lower-case words inside a name: `Ursula von der Leyen`, `Carlos de la Cruz`.
PARTICLES = frozenset({"van", "von", "der", "den", "de", "la", "le", "da", "di", "du", "del", "dos", "ten", "ter"})
MOST_NAME_WORDS = 8
EMPHASIS = lazy(r"^[*_]+|[*_]+$")
WORDS = "|".join(re.escape(word) for word in sorted(BYLINE_BEFORE, key=len, reverse=True))
BEFORE = lazy(rf"^(?P<word>{WORDS})\s+(?P<name>.+)$", re.I)
AFTER = lazy(r"^(?P<name>.+?)\s*(?:" + "|".join(BYLINE_AFTER) + r")$")


def byline_name(line: str) -> str:
    """Return the author a byline line names (`von Lena Brandt` -> `Lena Brandt`), or '' for any other line."""
    text = EMPHASIS.sub("", line.strip()).strip()
    found = BEFORE.match(text) or AFTER.match(text)
    if not found:
        return ""
    name = found.group("name").strip().strip(",")
    handle = found.re.pattern == BEFORE.pattern and found.group("word").lower() == "by"  # `by inkwell_writes`
    return name if is_name(name, handle=handle) else ""


def is_name(name: str, handle: bool = False) -> bool:
    """Tell a person's name or names (each word capitalised, particles and joins aside) from a phrase.

    After an English `by`, a screen name of one word (`inkwell_writes`, `morraine`) is a name too.
    """
    words = name.split()
    if not words or len(words) > MOST_NAME_WORDS or len(name) > 80 or name[-1] in ".!?;:,":
        return False
    if len(words) == 1 and handle and re.fullmatch(r"[\w.\-]{2,40}", name):
        return not name.isdigit()
    if any(not char.isalpha() for char in name if not char.isspace() and char not in ".'\u2019-&()"):
        return False
    significant = [word for word in words if word.lower() not in PARTICLES | JOINS]
    if not significant or (words[0].lower() in JOINS):
        return False
    return not any(word[0].islower() for word in significant)  # scripts without case have no lower case
