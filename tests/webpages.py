# ruff: noqa: E501 - pages as the sites write them, long lines and all
"""Web pages the web-reader tests read, written by hand in the shapes the sites make.

The saved AO3 work page follows otwarchive's app/views/works/show and chapters/_chapter (the page the
browser's Save As keeps, navigation, kudos and comments included), not the download.
"""

from __future__ import annotations

AO3_NAVIGATION = """<div id="outer" class="wrapper"><ul id="skiplinks"><li><a href="#main">Main Content</a></li></ul>
<div id="header" class="region"><h1 class="heading"><a href="/"><span>Archive of Our Own</span><sup> beta</sup></a></h1>
<ul class="primary navigation actions"><li><a href="/menu/fandoms">Fandoms</a></li><li><a href="/works/search">Search</a></li></ul></div>
<div id="inner" class="wrapper"><div id="main" class="works-show region">
<ul class="work navigation actions"><li class="chapter entire"><a href="/works/98765?view_full_work=true">Entire Work</a></li>
<li class="comments"><a href="/works/98765/comments">Comments</a></li></ul>"""

AO3_TAGS = """<div class="wrapper"><dl class="work meta group">
<dt class="rating tags">Rating:</dt><dd class="rating tags"><ul class="commas"><li><a class="tag" href="/tags/Teen">Teen And Up Audiences</a></li></ul></dd>
<dt class="warning tags">Archive Warning:</dt><dd class="warning tags"><ul class="commas"><li><a class="tag" href="/tags/No">No Archive Warnings Apply</a></li></ul></dd>
<dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><ul class="commas"><li><a class="tag" href="/tags/HL">Harbour Lights (TV)</a></li></ul></dd>
<dt class="relationship tags">Relationships:</dt><dd class="relationship tags"><ul class="commas"><li><a class="tag" href="/tags/MT">Mara/Tom</a></li></ul></dd>
<dt class="character tags">Characters:</dt><dd class="character tags"><ul class="commas"><li><a class="tag" href="/tags/M">Mara Quinn</a></li><li><a class="tag" href="/tags/T">Tom Hale</a></li></ul></dd>
<dt class="language">Language:</dt><dd class="language">English</dd>
<dt class="series">Series:</dt><dd class="series"><span class="series"><span class="position">Part 2 of the <a href="/series/555">Crossings</a> series</span><a class="previous" href="/works/1">\u2190 Previous Work</a></span></dd>
<dt class="stats">Stats:</dt><dd class="stats"><dl class="stats"><dt class="published">Published:</dt><dd class="published">2024-02-01</dd><dt class="words">Words:</dt><dd class="words">120</dd></dl></dd>
</dl></div>"""

AO3_CHAPTER_TEXTS = (
    "<p>\u201cAre you coming?\u201d she asked. He shrugged. <em>Maybe.</em></p><p>The ferry left at six.</p>",
    "<p>Nobody waited on the pier. Then a dog barked.</p>",
)


def ao3_saved_page() -> str:
    """A saved AO3 work page of a two-chapter work: the site around it, the tags, the work skin, comments."""
    chapter_one = f"""<div class="chapter" id="chapter-1"><div class="chapter preface group"><h3 class="title"><a href="/works/98765/chapters/1">Chapter 1</a>: The Ferry</h3>
<div id="notes" class="notes module"><h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Thanks to my beta, rosehip!</p></blockquote>
<p>(See the end of the chapter for <a href="#chapter_1_endnotes">more notes</a>.)</p></div></div>
<div class="userstuff module" role="article"><h3 class="landmark heading" id="work">Chapter Text</h3>{AO3_CHAPTER_TEXTS[0]}</div>
<div class="chapter preface group"><div class="end notes module" id="chapter_1_endnotes"><h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>More soon, I promise.</p></blockquote></div></div></div>"""
    chapter_two = f"""<div class="chapter" id="chapter-2"><div class="chapter preface group"><h3 class="title"><a href="/works/98765/chapters/2">Chapter 2</a>: Ashore</h3></div>
<div class="userstuff module" role="article"><h3 class="landmark heading">Chapter Text</h3>{AO3_CHAPTER_TEXTS[1]}</div></div>"""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>The Ferry at Six - Chapter 1 - inkwell_writes - Harbour Lights (TV) [Archive of Our Own]</title>
<script>var x = 1;</script></head><body>{AO3_NAVIGATION}<div class="work">{AO3_TAGS}
<div id="workskin"><div class="preface group"><h2 class="title heading">The Ferry at Six</h2>
<h3 class="byline heading"><a rel="author" href="/users/inkwell/pseuds/inkwell">inkwell_writes</a></h3>
<div class="summary module"><h3 class="heading">Summary:</h3><blockquote class="userstuff"><p>Two strangers, one <em>late</em> ferry.</p></blockquote></div>
<div class="notes module"><h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Written for the Crossings exchange.</p></blockquote>
<p class="jump">(See the end of the work for <a href="#work_endnotes">more notes</a>.)</p></div></div>
<div id="chapters" role="article">{chapter_one}{chapter_two}</div>
<div class="afterword preface group"><div id="work_endnotes" class="end notes module"><h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Thank you for reading!</p></blockquote></div></div>
</div></div>
<div id="feedback" class="feedback"><ul class="actions"><li><a href="#main">\u2191 Top</a></li></ul>
<form id="new_kudo"><input value="98765" type="hidden" id="kudo_commentable_id"/><input type="submit" value="Kudos \u2665"/></form>
<div id="comments_placeholder"><ol class="thread"><li class="comment"><p>Loved it, can't wait for more!</p></li></ol></div></div>
</div></div></div></body></html>"""
