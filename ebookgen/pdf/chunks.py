"""Where a long book is cut into the chunks its workers lay out: runs of whole chapters, in reading order.

A chunk is also what the cache keeps (``cache.py``), so a long book is cut where its chapters say, not where
its word count falls: an edit then moves at most the cuts next to it.
"""

from __future__ import annotations

from ebookgen.model import Book, chapter_word_count


def chapter_words(book: Book) -> list[int]:
    """Count each chapter's words, to balance the chunks."""
    return [chapter_word_count(chapter) + 50 for chapter in book.chapters]


def split_chapters(book: Book, chunks: int, most_words: int = 0, most_chunks: int = 0) -> list[range]:
    """Split the chapters into runs of about equal length, in reading order.

    A long book (more than `most_words` words a run) is cut where its chapters say (``content_cuts``), so
    that an edit moves at most the cuts next to it and every other run comes back from the cache.
    """
    words = chapter_words(book)
    share = sum(words) / max(chunks, 1)
    if most_words and share > most_words:
        runs = content_cuts(book, words, most_words)
        if len(runs) <= most_chunks:
            return runs
        share = sum(words) / max(most_chunks, 1)
    runs, start, running = [], 0, 0
    for index, count in enumerate(words):
        running += count
        if running >= share * (len(runs) + 1) and index + 1 < len(words):
            runs.append(range(start, index + 1))
            start = index + 1
    runs.append(range(start, len(words)))
    return [run for run in runs if len(run)]


def content_cuts(book: Book, words: list[int], most_words: int) -> list[range]:
    """Cut after a chapter whose title and number hash to a mark, once a run holds half its share of words.

    Whether a chapter may end a run depends on that chapter alone, so a run that an edit lengthens or
    shortens ends where it did (or next to it), and the runs after it start where they did. A run grows
    to at most one and a half shares.
    """
    import zlib

    least, most = most_words // 2, most_words * 3 // 2
    average = max(sum(words) / max(len(words), 1), 1)
    marks = max(1, round((most_words - least) / average))  # one chapter in `marks` may end a run
    runs, start, running = [], 0, 0
    for index, (chapter, count) in enumerate(zip(book.chapters, words, strict=True)):
        running += count
        mark = zlib.crc32(f"{index} {chapter.title}".encode()) % marks == 0
        if index + 1 < len(words) and (running >= least and mark or running >= most):
            runs.append(range(start, index + 1))
            start, running = index + 1, 0
    runs.append(range(start, len(words)))
    return [run for run in runs if len(run)]
