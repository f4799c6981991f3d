"""Ruby readings (furigana) kept as HTML's own fallback writes them: the reading in brackets after its word.

The model has no ruby run, and mapped as plain text a reading runs into its word (`山路やまみちを`): the
reader's words corrupted. HTML's `<rp>` fallback is what a reading system without ruby shows, `山路（やまみち）`;
a ruby with its own `<rp>` brackets keeps them, one without gets full-width brackets around a CJK reading and
plain ones around any other.
"""

from __future__ import annotations

from ebookgen.patterns import lazy
from ebookgen.readers.htmltext import tag_of

CJK = lazy(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def readings_in_brackets(body) -> int:
    """Write each ruby's readings in brackets after its base text, in place; return how many rubies there were."""
    rubies = [element for element in body.iter() if tag_of(element) == "ruby"]
    for ruby in rubies:
        bracketed = any(tag_of(child) == "rp" for child in ruby)
        for child in list(ruby):
            if tag_of(child) == "rt" and not bracketed:
                reading = child.text_content()
                opening, closing = ("\uff08", "\uff09") if CJK.search(reading) else ("(", ")")
                for inner in list(child):
                    inner.drop_tag()
                child.text = f"{opening}{reading}{closing}"
            if tag_of(child) in ("rt", "rp", "rb", "rtc"):
                child.drop_tag()
        ruby.drop_tag()
    return len(rubies)


def ruby_note(href: str, count: int) -> tuple[str, ...]:
    """Say where ruby readings were set in brackets after their words."""
    return (f"{href}: {count} ruby reading(s) set in brackets after their words",) if count else ()
