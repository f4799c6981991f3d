"""Read FanFiction.Net's saved pages and FanFicFare's (FicHub's) HTML, and the info lines their books carry.

FanFiction.Net: ``div#profile_top`` (the title in ``b``, the author's ``/u/`` link, the summary and a
``Rated: ... - Words: ...`` line), the chapter chosen in ``select#chap_select`` and ``div#storytext``.
FanFicFare's HTML: ``<h1>Title by Author</h1>``, ``<b>Key:</b> value`` info lines, then each chapter
under an ``<h2>``. Info lines (``Status:``, ``Words:``, ``Rating:``) are metadata, never chapter text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ebookgen.model.document import Heading
from ebookgen.patterns import lazy
from ebookgen.readers.htmltext import MappedText, map_html, tag_of, words_of
from ebookgen.readers.source import FoundMetadata

INFO_LINE = lazy(r"^\s*(?P<key>[A-Z][A-Za-z ]{1,24}):\s*(?P<value>.*)$")
# The keys of a fan-fiction book's info page; a page of them is not a chapter.
INFO_KEYS = frozenset({
    "status", "words", "chapters", "published", "updated", "packaged", "rating", "rated", "category", "categories",
    "genre", "genres", "characters", "relationships", "pairings", "warnings", "summary", "description", "fandom",
    "fandoms", "language", "series", "author", "title", "publisher", "source", "reviews", "favs", "follows",
    "kudos", "hits", "comments", "bookmarks", "completed", "story url", "url", "tags", "freeform tags", "id",
})  # fmt: skip
FFN_STATS = lazy(r"Rated:\s*(?:Fiction\s+)?(?P<rating>[KTM]\+?|MA)\b", re.I)
# FanFiction.Net's dates: month/day/year, or an ISO day.
FFN_PUBLISHED = lazy(r"Published:\s*(?:(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2}))")


def is_fanfic_page(root) -> bool:
    """Tell a FanFiction.Net chapter page or a FanFicFare HTML book."""
    return bool(root.xpath("//div[@id='storytext']")) or is_fanficfare(root)


def is_fanficfare(root) -> bool:
    """Tell FanFicFare's HTML: an `<h1>` naming the story by its author, then info lines."""
    first = root.xpath("//body//h1")
    return bool(first) and " by " in words_of(first[0]) and len(info_lines(root)) >= 2


def read_fanfic_page(root, where: str) -> tuple[MappedText, FoundMetadata]:
    """Read a FanFiction.Net page or a FanFicFare book as raw text and metadata."""
    if root.xpath("//div[@id='storytext']"):
        return read_ffn(root, where)
    return read_fanficfare(root, where)


def read_ffn(root, where: str) -> tuple[MappedText, FoundMetadata]:
    """Read a saved FanFiction.Net chapter: its heading from the chapter list, its text, the profile's metadata."""
    story = root.xpath("//div[@id='storytext']")[0]
    chosen = root.xpath("//select[@id='chap_select']/option[@selected]")
    heading = re.sub(r"^\d+\.\s*", "", words_of(chosen[0])) if chosen else ""
    number = chosen[0].get("value", "") if chosen else ""
    mapped = map_html(story, where)
    title = (Heading(1, f"Chapter {number}: {heading}"),) if heading and number else ()
    note = "FanFiction.Net's page around the story left out (menus, reviews, the chapter list)"
    return MappedText((*title, *mapped.blocks), (*mapped.unmapped, note)), ffn_metadata(root)


def ffn_metadata(root) -> FoundMetadata:
    """Read the title, author, summary, rating, fandom and date of FanFiction.Net's ``div#profile_top``."""
    profile = root.xpath("//div[@id='profile_top']")
    if not profile:
        return FoundMetadata()
    top = profile[0]
    title = top.xpath(".//b[contains(@class, 'xcontrast_txt')]")
    author = [link for link in top.iter("a") if "/u/" in (link.get("href") or "")]
    summary = top.xpath("./div[contains(@class, 'xcontrast_txt')]")
    grey = top.xpath(".//span[contains(@class, 'xgray')]")
    stats = words_of(grey[0]) if grey else ""
    rating = FFN_STATS.search(stats)
    fandom = root.xpath("//div[@id='pre_story_links']//a")
    published = FFN_PUBLISHED.search(stats)
    day = ""
    if published:
        day = published.group("iso") or f"{published['year']}-{int(published['month']):02d}-{int(published['day']):02d}"
    canonical = root.xpath("//link[@rel='canonical']")
    return FoundMetadata(
        title=words_of(title[0]) if title else "",
        author=words_of(author[0]) if author else "",
        description=words_of(summary[0]) if summary else "",
        subjects=(words_of(fandom[-1]),) if fandom else (),
        rating=f"Fiction {rating.group('rating').upper()}" if rating else "",
        date=day,
        source=canonical[0].get("href", "") if canonical else "",
        publisher="FanFiction.Net",
    )


def read_fanficfare(root, where: str) -> tuple[MappedText, FoundMetadata]:
    """Read FanFicFare's HTML book: the first `<h1>` and info lines as metadata, the rest from its first `<h2>`."""
    body = root.find("body")
    first = root.xpath("//body//h1")[0]
    title, _, author = words_of(first).rpartition(" by ")
    info = info_lines(root)
    heading = next((element for element in body.iter() if tag_of(element) == "h2"), None)
    if heading is not None:  # Everything before the first chapter is the title and info block.
        for element in list(heading.itersiblings(preceding=True)):
            element.getparent().remove(element)
    mapped = map_html(body, where)
    found = info_metadata(info, title=title.strip(), author=author.strip())
    links = [link.get("href") for link in first.iter("a") if (link.get("href") or "").startswith("http")]
    found = replace(found, source=links[0] if links else found.source)
    return MappedText(mapped.blocks, (*mapped.unmapped, "FanFicFare's title and info lines read as metadata")), found


def info_lines(root) -> dict[str, str]:
    """Read `Key: value` info lines (`<b>Status:</b> Completed<br/>`) of a title or info page, keys lower case."""
    found: dict[str, str] = {}
    text = "\n".join(line for line in lines_of(root))
    for line in text.split("\n"):
        match = INFO_LINE.match(line)
        if match and match.group("key").strip().lower() in INFO_KEYS:
            found.setdefault(match.group("key").strip().lower(), match.group("value").strip())
    return found


def lines_of(root) -> list[str]:
    """Return a page's text as lines, a line break or block end ending each."""
    import copy as copying

    copy = copying.deepcopy(root)  # parsing its markup again gave a comment, not an element, for a page opening so
    for br in copy.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for element in copy.iter("p", "div", "li", "tr", "dt", "dd", "h1", "h2", "h3", "h4"):
        element.tail = "\n" + (element.tail or "")
    return [re.sub(r"\s+", " ", line).strip() for line in copy.text_content().split("\n")]


def is_info_line(line: str) -> bool:
    """Tell an info line (`Status: Completed`) by its key."""
    found = INFO_LINE.match(line)
    return bool(found) and found.group("key").strip().lower() in INFO_KEYS


def is_info_page(root) -> bool:
    """Tell a book's title or info page (FanFicFare's title_page.xhtml): short, and mostly `Key: value` lines."""
    lines = [line for line in lines_of(root) if line]
    info = [line for line in lines if is_info_line(line)]
    mostly = len(info) >= 2 and len(info) >= len(lines) / 2  # a chapter of biographies has a date line or two
    return bool(info) and len(" ".join(lines).split()) < 400 and (mostly or len(lines) <= 3)


def info_metadata(info: dict[str, str], title: str = "", author: str = "") -> FoundMetadata:
    """Turn info lines into metadata."""

    def listed(*keys: str) -> tuple[str, ...]:
        return tuple(part.strip() for key in keys for part in info.get(key, "").split(",") if part.strip())

    return FoundMetadata(
        title=title or info.get("title", ""),
        author=author or info.get("author", ""),
        description=info.get("summary", "") or info.get("description", ""),
        subjects=tuple(dict.fromkeys(listed("fandom", "fandoms", "category", "categories", "relationships",
                                            "pairings", "characters", "genre", "genres", "tags", "freeform tags"))),
        rating=info.get("rating", "") or info.get("rated", ""),
        warnings=listed("warnings"),
        source=info.get("story url", "") or info.get("source", "") or info.get("url", ""),
        date=info.get("published", "")[:10] if re.match(r"\d{4}-\d{2}-\d{2}", info.get("published", "")) else "",
        language=info.get("language", ""),
        publisher=info.get("publisher", ""),
    )  # fmt: skip
