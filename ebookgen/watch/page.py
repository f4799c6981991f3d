"""The preview page: the book's contents beside its chapters as the EPUB shows them, the PDF's pages, and news."""

from __future__ import annotations

import json
from html import escape

from ebookgen.watch.state import Shown

# Reload when the loop has published something newer than what this page shows; keep the chapter being read.
RELOAD_SCRIPT = """
const shown = %s;
const frame = document.getElementById("chapter");
if (location.hash.length > 1) frame.src = decodeURIComponent(location.hash.slice(1));
frame.addEventListener("load", () => {
  history.replaceState(null, "", "#" + encodeURIComponent(new URL(frame.contentWindow.location.href).pathname));
});
new EventSource("/events?after=" + shown).onmessage = (event) => {
  if (Number(event.data) !== shown) location.reload();
};
"""
STYLE = """
body { margin: 0; font-family: sans-serif; display: grid; grid-template-columns: 16em 1fr; height: 100vh; }
nav { overflow: auto; padding: 1em; background: #f4f1ea; }
main { display: grid; grid-template-rows: auto 1fr auto; overflow: hidden; }
iframe { width: 100%; height: 100%; border: 0; background: white; }
.error { background: #fde2e1; color: #7a1010; padding: .6em 1em; font-weight: bold; }
.check { background: #fff5d6; padding: .4em 1em; font-family: monospace; white-space: pre-wrap;
         max-height: 8em; overflow: auto; }
.pages { overflow-x: auto; white-space: nowrap; padding: .5em; background: #ddd; }
.pages img { height: 18em; margin-right: .5em; box-shadow: 0 1px 4px #888; }
"""


def preview_page(shown: Shown, pdf_pages: int) -> str:
    """Render the preview page for what is shown now."""
    build = shown.build
    title = escape(build.title if build else "ebookgen preview")
    error = f'<div class="error" id="error">{escape(shown.error)}</div>' if shown.error else ""
    check = ""
    if build and build.check:
        check = f'<div class="check" id="check">{escape(chr(10).join(build.check))}</div>'
    contents = (
        "".join(
            f'<li><a href="/epub/{escape(path)}" target="chapter">{escape(name)}</a></li>'
            for path, name in zip(build.spine, build.titles, strict=True)
        )
        if build
        else ""
    )
    first = f"/epub/{build.spine[0]}" if build and build.spine else "about:blank"
    pages = "".join(f'<img loading="lazy" alt="page {n}" src="/pdf/{n}.png">' for n in range(1, pdf_pages + 1))
    strip = f'<div class="pages" id="pages">{pages}</div>' if pdf_pages else ""
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{STYLE}</style></head>\n<body><nav><h1>{title}</h1><ol>{contents}</ol></nav>"
        f'<main><div>{error}{check}</div><iframe id="chapter" name="chapter" title="chapter" src="{escape(first)}">'
        f"</iframe>{strip}</main>\n<script>{RELOAD_SCRIPT % json.dumps(shown.generation)}</script></body></html>\n"
    )
