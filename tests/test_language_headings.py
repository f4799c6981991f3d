"""Chapter and part headings in many languages: heading words, numbers before the word, CJK and Korean counters."""

from __future__ import annotations

import pytest

from ebookgen.normalise.headings import CHAPTER, PART, heading_of
from ebookgen.normalise.pipeline import NormaliseOptions, normalise_text


@pytest.mark.parametrize(
    "line",
    [
        "Luku 1",
        "1. luku",
        "1. fejezet",
        "Első fejezet",
        "I. fejezet",
        "Κεφάλαιο 1",
        "Κεφάλαιο πρώτο",
        "第一章",
        "第1章",
        "第十二回",
        "第１章\u3000春",
        "제1장",
        "제 2 장: 시작",
        "1장",
        "الفصل الأول",
        "الفصل الحادي عشر",
        "الفصل ٣",
        "פרק 1",
        "פרק ראשון",
        "Глава первая",
        "Rozdział pierwszy",
        "Birinci Bölüm",
        "BÖLÜM 1",
        "Chapitre premier",
        "Capítulo uno",
        "Erstes Kapitel",
        "Capitolo primo",
        "Hoofdstuk twee",
    ],
)
def test_a_chapter_heading_in_its_language_is_found(line: str) -> None:
    heading = heading_of(line)
    assert heading is not None and heading.level == CHAPTER


@pytest.mark.parametrize("line", ["第一部", "제1부", "2. rész", "Μέρος 2", "Zweiter Teil", "Libro uno"])
def test_a_part_heading_in_its_language_is_found(line: str) -> None:
    heading = heading_of(line)
    assert heading is not None and heading.level == PART


@pytest.mark.parametrize("line", ["2장 남았다", "Chapter 12 begins here", "The 1. fejezet", "Parte de la casa"])
def test_a_sentence_that_starts_like_a_heading_is_text(line: str) -> None:
    assert heading_of(line) is None


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        ("fi", "Luku 1", "Luku 2"),
        ("hu", "1. fejezet", "2. fejezet"),
        ("ja", "第一章", "第二章"),
        ("ko", "제1장", "제2장"),
        ("zh", "第1章", "第2章"),
        ("ar", "الفصل الأول", "الفصل الثاني"),
        ("el", "Κεφάλαιο 1", "Κεφάλαιο 2"),
    ],
)
def test_a_book_with_headings_in_its_language_has_its_chapters(language: str, first: str, second: str) -> None:
    text = f"{first}\n\nText of one.\n\n{second}\n\nText of two.\n"
    chapters = normalise_text(text, NormaliseOptions(language=language))
    assert [chapter.title for chapter in chapters] == [first, second]
