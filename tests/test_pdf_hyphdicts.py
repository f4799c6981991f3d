"""Pyphen's hyphenation patterns are kept in ebookgen's cache, and words break where pyphen's own parse says."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from ebookgen.pdf.weasy import hyphdicts

WORDS = ("hyphenation", "extraordinary", "representative", "characteristically", "unbelievable", "Bolkonski")


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A cache of its own, and pyphen's table emptied for the test (restored after it)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})
    return tmp_path


def breaks(lang: str) -> list[list[int]]:
    """Return where pyphen breaks the test words in a language, with WeasyPrint's limits."""
    dictionary = pyphen.Pyphen(lang=lang, left=2, right=2)
    return [list(dictionary.positions(word)) for word in WORDS]


@pytest.mark.parametrize("lang", ["en", "en_US", "de", "fr"])
def test_patterns_read_back_from_the_cache_break_words_as_pyphen_parses_them(fresh: Path, lang: str) -> None:
    parsed = breaks(lang)  # pyphen's own parse of the dictionary file
    pyphen.hdcache.clear()
    hyphdicts.primed(lang)  # parsed once more, and kept
    assert list((fresh / "ebookgen" / "hyphenation").glob("*.marshal"))
    pyphen.hdcache.clear()
    hyphdicts.primed(lang)  # read from the cache
    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    assert path in pyphen.hdcache
    original = pyphen.HyphDict(path)
    assert pyphen.hdcache[path].patterns == original.patterns
    assert pyphen.hdcache[path].maxlen == original.maxlen
    assert breaks(lang) == parsed


def test_a_damaged_cache_file_is_parsed_again(fresh: Path) -> None:
    hyphdicts.primed("en")
    (kept,) = (fresh / "ebookgen" / "hyphenation").glob("*.marshal")
    kept.write_bytes(b"not marshal data")
    pyphen.hdcache.clear()
    hyphdicts.primed("en")
    path = pyphen.LANGUAGES[pyphen.language_fallback("en")]
    assert pyphen.hdcache[path].patterns == pyphen.HyphDict(path).patterns


def test_a_language_pyphen_lacks_is_left_alone(fresh: Path) -> None:
    hyphdicts.primed("xx-unknown")
    assert pyphen.hdcache == {}
    assert not (fresh / "ebookgen" / "hyphenation").exists()
