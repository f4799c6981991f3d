# ruff: noqa: E501 - pages as the archives write them, long lines and all
"""Web pages and EPUBs the reader tests read, written by hand in the shapes the archives and tools make.

The AO3 download follows otwarchive's app/views/downloads/ (preface, chapters with their meta and
notes, afterword); the FanFiction.Net page its saved chapter page; FanFicFare's HTML its HTML writer.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .foreign import ncx, page

AO3_CHAPTERS = (
    (
        "Chapter 1: The Ferry",
        "<p>Thanks to my beta, <em>rosehip</em>!</p>",
        "<p>“Are you coming?” she asked. He shrugged… <em>Maybe.</em></p>\n"
        "<p>The ferry left at six. It was <strong>late</strong>!</p>\n"
        '<p align="center">* * *</p>\n'
        "<p>On deck, the radio played:</p>\n"
        "<p><em>Row, row, row your boat<br/>gently down the stream</em></p>\n"
        "<p>He typed: <br/>you awake?<br/>no</p>",
        "<p>More soon.</p>",
    ),
    (
        "Chapter 2: Ashore",
        "",
        "<p>Nobody waited on the pier. <i>Nobody at all.</i> Then a dog barked.</p>\n<hr/>\n<p>Later, they ate.</p>",
        "",
    ),
)


def ao3_chapters() -> str:
    """The chapters as AO3 writes them: meta (heading, notes), userstuff text, end notes."""
    out = []
    for number, (heading, notes, text, end_notes) in enumerate(AO3_CHAPTERS, start=1):
        meta = f'<h2 class="heading">{heading}</h2>\n'
        if notes or end_notes:
            meta += "<p>Chapter Notes</p>\n"
        if notes:
            meta += f'<blockquote class="userstuff">{notes}</blockquote>\n'
        if end_notes:
            meta += f'<div class="endnote-link">See the end of the chapter for <a href="#endnotes{number}">more notes</a></div>\n'
        out.append(f'<div class="meta group">\n{meta}</div>\n<div class="userstuff">\n{text}\n</div>')
        if end_notes:
            out.append(
                f'<div class="meta" id="endnotes{number}">\n<p>Chapter End Notes</p>\n'
                f'<blockquote class="userstuff">{end_notes}</blockquote>\n</div>'
            )
    return "\n".join(out)


AO3_PREFACE = """<div id="preface">
<h2 class="toc-heading">Preface</h2>
<p class="message"><b>The Ferry at Six</b><br/>Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://archiveofourown.org/works/98765">https://archiveofourown.org/works/98765</a>.</p>
<div class="meta">
<dl class="tags">
<dt>Rating:</dt>
<dd><a href="https://archiveofourown.org/tags/Teen%20And%20Up%20Audiences">Teen And Up Audiences</a></dd>
<dt>Archive Warning:</dt>
<dd><a href="https://archiveofourown.org/tags/No%20Archive%20Warnings%20Apply">No Archive Warnings Apply</a></dd>
<dt>Category:</dt>
<dd><a href="https://archiveofourown.org/tags/F*s*M">F/M</a></dd>
<dt>Fandom:</dt>
<dd><a href="https://archiveofourown.org/tags/Harbour%20Lights">Harbour Lights (TV)</a></dd>
<dt>Relationship:</dt>
<dd><a href="https://archiveofourown.org/tags/Mara*s*Tom">Mara/Tom</a></dd>
<dt>Characters:</dt>
<dd><a href="https://archiveofourown.org/tags/Mara">Mara Quinn</a>, <a href="https://archiveofourown.org/tags/Tom">Tom Hale</a></dd>
<dt>Additional Tags:</dt>
<dd><a href="https://archiveofourown.org/tags/Fluff">Fluff</a>, <a href="https://archiveofourown.org/tags/Hurt*s*Comfort">Hurt/Comfort</a></dd>
<dt>Language:</dt>
<dd>English</dd>
<dt>Series:</dt>
<dd>Part 2 of <a href="https://archiveofourown.org/series/555">Crossings</a></dd>
<dt>Stats:</dt>
<dd>Published: 2024-02-01 Completed: 2024-03-01 Words: 120 Chapters: 2/2</dd>
</dl>
<h1>The Ferry at Six</h1>
<div class="byline">by <a rel="author" href="https://archiveofourown.org/users/inkwell_writes/pseuds/inkwell_writes">inkwell_writes</a></div>
<p>Summary</p>
<blockquote class="userstuff"><p>Two strangers, one <em>late</em> ferry.</p></blockquote>
<p>Notes</p>
<blockquote class="userstuff"><p>Written for the Crossings exchange.</p></blockquote>
<div class="endnote-link">See the end of the work for more <a href="#endnotes">notes</a></div>
</div>
</div>"""
AO3_AFTERWORD = """<div id="afterword">
<h2 class="toc-heading">Afterword</h2>
<div class="meta">
<div id="endnotes">
<p>End Notes</p>
<blockquote class="userstuff"><p>Thank you for reading!</p></blockquote>
</div>
</div>
<p class="message">Please <a href="https://archiveofourown.org/works/98765/comments/new">drop by the archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>"""


def ao3_html() -> str:
    """An AO3 HTML download of a two-chapter work."""
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="UTF-8"/>\n<title>The Ferry at Six - inkwell_writes - '
        'Harbour Lights (TV) [Archive of Our Own]</title>\n<style type="text/css">body { margin: 1em; }</style>\n'
        f'</head>\n<body>\n{AO3_PREFACE}\n<div id="chapters" class="userstuff">\n{ao3_chapters()}\n</div>\n'
        f"{AO3_AFTERWORD}\n</body>\n</html>\n"
    )


def ao3_epub(path: Path) -> Path:
    """AO3's EPUB of the same work: the preface, each chapter and the afterword as pages of their own."""
    chapters = ao3_chapters().split('<div class="meta group">')[1:]
    pages = {"OEBPS/preface.xhtml": page("Preface", AO3_PREFACE)}
    for number, chapter in enumerate(chapters, start=1):
        body = f'<div id="chapters" class="userstuff"><div class="meta group">{chapter}</div>'
        pages[f"OEBPS/chapter{number}.xhtml"] = page(f"Chapter {number}", body)
    pages["OEBPS/afterword.xhtml"] = page("Afterword", AO3_AFTERWORD)
    return write_epub(path, pages, "The Ferry at Six", "inkwell_writes", "calibre (6.13)")


def write_epub(path: Path, pages: dict[str, str], title: str, author: str, maker: str, extra=None) -> Path:
    """Write an EPUB 2 with the pages in spine order (and extra members as they are)."""
    names = list(pages)
    items = "\n".join(f'<item id="p{i}" href="{n}" media-type="application/xhtml+xml"/>' for i, n in enumerate(names))
    spine = "\n".join(f'<itemref idref="p{i}"/>' for i in range(len(names)))
    opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package version="2.0" xmlns="http://www.idpf.org/2007/opf" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="uid">urn:uuid:0b7e6a38-1111-4a2b-9c1e-2f0d6f0c0001</dc:identifier>
<dc:title>{title}</dc:title><dc:creator opf:role="aut">{author}</dc:creator><dc:language>en</dc:language>
<meta name="generator" content="{maker}"/>
</metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
{items}
</manifest>
<spine toc="ncx">{spine}</spine>
</package>
"""
    container = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>'
        "</container>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container)
        archive.writestr("content.opf", opf)
        archive.writestr("toc.ncx", ncx(names))
        for name, text in pages.items():
            archive.writestr(name, text)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def ffn_page() -> str:
    """A FanFiction.Net chapter page as a browser saves it: menus, the profile, the chapter list, reviews."""
    return """<!DOCTYPE html><html><head><title>The Long Way Round Chapter 2: Rain, a Harbour Lights fanfic | FanFiction</title>
<link rel="canonical" href="https://www.fanfiction.net/s/1234567/2/The-Long-Way-Round"/>
<script>var storyid = 1234567;</script></head>
<body><div id="top"><div class="menulink"><a href="/">FanFiction</a> | <a href="/tv/">TV Shows</a></div></div>
<div id="pre_story_links"><span class="lc-left"><a class="xcontrast_txt" href="/tv/">TV Shows</a> > <a class="xcontrast_txt" href="/tv/Harbour-Lights/">Harbour Lights</a></span></div>
<div id="profile_top"><b class="xcontrast_txt">The Long Way Round</b> By: <a class="xcontrast_txt" href="/u/42/quillfeather">quillfeather</a>
<div class="xcontrast_txt">Mara takes the coast road home.</div>
<span class="xgray xcontrast_txt">Rated: <a class="xcontrast_txt" href="https://www.fictionratings.com/">Fiction  T</a> - English - Drama - Mara Q. - Chapters: 3 - Words: 4,120 - Published: 2023-05-01 - id: 1234567</span></div>
<select id="chap_select" name="chapter"><option value="1">1. Fog</option><option value="2" selected>2. Rain</option><option value="3">3. Home</option></select>
<div role="main" aria-label="story content"><div class="storytextp" id="storytextp"><div class="storytext xcontrast_txt nocopy" id="storytext">
<p>The rain came off the sea in sheets.</p><p>She pulled over. <em>Not yet,</em> she thought.</p><p align="center">- - - - -</p><p>At dawn the road was clear.</p>
</div></div></div>
<div id="review"><h3>Reviews</h3><p>Great chapter!! update soon</p></div>
<div class="footer">Privacy Policy | Terms of Service</div></body></html>
"""


def fanficfare_html() -> str:
    """FanFicFare's HTML book (what FicHub hands out as HTML too): the title by its author, info lines, chapters."""
    return """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/><title>Salt Roads by tidewalker</title></head>
<body>
<h1><a href="https://archiveofourown.org/works/4242">Salt Roads</a> by <a href="https://archiveofourown.org/users/tidewalker">tidewalker</a></h1>
<div>
<b>Status:</b> Completed<br/>
<b>Published:</b> 2022-09-10<br/>
<b>Words:</b> 88<br/>
<b>Rating:</b> General Audiences<br/>
<b>Warnings:</b> No Archive Warnings Apply<br/>
<b>Fandom:</b> Harbour Lights (TV)<br/>
<b>Summary:</b> The salt road north.<br/>
</div>
<h2><a name="section0001">Chapter 1: North</a></h2>
<p>They walked north along the salt road, <i>singing</i>.</p>
<h2><a name="section0002">Chapter 2: Home</a></h2>
<p>Home was smaller than she remembered.</p>
</body></html>
"""


def blog_page() -> str:
    """A story posted on a blog: navigation, a sidebar, share buttons, scripts and readers' comments around it."""
    paragraphs = "\n".join(
        f"<p>{text}</p>"
        for text in (
            "The lighthouse keeper had not spoken to anyone in a month, and he liked it that way, mostly.",
            "Each evening he climbed the hundred and twelve steps, lit the lamp, and watched the boats come "
            "home one by one across the dark water of the bay.",
            "On the thirty-first night a boat did <em>not</em> come home, and he went down to the shore to wait.",
            "He waited until morning, until the gulls woke, until the tide turned and brought the small boat "
            "in, empty, its oars shipped neatly as if its owner had only stepped out.",
        )
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>The Keeper | Tidewrack Stories</title>
<meta name="author" content="J. Marlow"/><meta name="description" content="A short story about a lighthouse."/>
<script>window.analytics = {{}};</script><style>.menu {{ color: red; }}</style></head>
<body><header><nav class="menu"><a href="/">Home</a> <a href="/about">About</a> <a href="/archive">Archive</a></nav></header>
<div class="sidebar"><h3>Categories</h3><ul><li><a href="/c/sea">Sea stories</a></li><li><a href="/c/ghost">Ghost stories</a></li></ul></div>
<main><article class="post"><h1 class="entry-title">The Keeper</h1>
<div class="entry-content">{paragraphs}</div></article></main>
<div class="share">Share this: <a href="#">Twitter</a> <a href="#">Facebook</a></div>
<section id="comments" class="comments"><h3>3 Comments</h3><div class="comment"><p>Loved this, so haunting.</p></div></section>
<footer>Copyright 2024 Tidewrack Stories</footer></body></html>
"""
