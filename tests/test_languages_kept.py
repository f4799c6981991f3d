"""Every language's heading words are kept in the cache (languages.all_heading_words): the same words, read again
only when the language files change."""

from __future__ import annotations

import ebookgen.languages as languages


def fresh_words():
    """Return the heading words as a new process finds them (the in-process memo forgotten)."""
    languages.all_heading_words.cache_clear()
    return languages.all_heading_words()


def test_the_kept_words_are_the_gathered_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gathered = languages.gathered_heading_words()
    assert fresh_words() == gathered  # gathered and kept
    assert languages.heading_words_path().is_file()
    assert fresh_words() == gathered  # read from the cache
    assert "kapitel" in gathered.chapter and "\u0433\u043b\u0430\u0432\u0430" in gathered.chapter
    languages.all_heading_words.cache_clear()


def test_a_changed_language_file_gathers_them_again(tmp_path, monkeypatch):
    """A language file added, edited or removed changes the folder's listing: the kept words are not used."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh_words()
    listing = languages.language_folder()
    monkeypatch.setattr(languages, "language_folder", lambda: [*listing, ["xx.py", 1, 1]])
    monkeypatch.setattr(languages, "gathered_heading_words", lambda: languages.HeadingWords(chapter=("Zzz",)))
    assert fresh_words().chapter == ("Zzz",)
    languages.all_heading_words.cache_clear()


def test_a_spoilt_kept_file_is_gathered_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gathered = fresh_words()
    languages.heading_words_path().write_text('{"files": [], "words": ', encoding="utf-8")
    assert fresh_words() == gathered
    languages.heading_words_path().write_text("[1, 2]", encoding="utf-8")
    assert fresh_words() == gathered
    languages.all_heading_words.cache_clear()
