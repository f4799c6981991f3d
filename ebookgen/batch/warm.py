"""Load in the batch's driver, before the pool forks its workers, what nearly every work's build loads anyway.

A worker forked from a cold driver loaded the build's libraries, Lingua's language models and the cover's faces
on its first works, and kept them (with what drawing a cover leaves in the allocator): its memory grew over its
first works, so a worker that met a large work early peaked lower than one that met it late, and the batch's
peak a worker rose as the batch went on (179 MB at its first tenth, 221 MB at its end, on 10,000 works). Warmed
first, every worker starts from the same memory (the forked pages are shared until written) and its peak is that
plus the largest work it builds, from the first work on; every replaced worker starts warm too, instead of loading
all of it again.
"""

from __future__ import annotations

# A sentence for Lingua: it loads the models of the Latin-script languages, those of most of an archive's works.
SAMPLE = "The harbour was quiet that morning, and the ferry had gone north before the rain came back."


def warm_driver() -> None:
    """Import the build's libraries, load Lingua's models and draw one cover in memory (not in the cache)."""
    import ebooklib.epub  # noqa: F401
    import lxml.html  # noqa: F401
    import mammoth  # noqa: F401

    import ebookgen.build  # noqa: F401
    from ebookgen.epub.cover import generate_cover
    from ebookgen.model.book import Metadata
    from ebookgen.normalise.detect import detector
    from ebookgen.readers import docx, epub, html, markdown, plain  # noqa: F401

    detector().compute_language_confidence_values(SAMPLE)
    generate_cover(Metadata(title="The Harbour", authors=("Ann Lee",)))
