"""WeasyPrint 70 leaks an attribute list for every text layout it sets up with font features (every layout of a
book in EB Garamond): a worker laying out chunk after chunk grew by 2 MB a 16-page chunk. ``weasy.layouts_freed``
gives each layout its own features attribute and the list's extra reference back, so both go with the layout."""

from __future__ import annotations

from pathlib import Path

from ebookgen.pdf import weasy
from ebookgen.pdf.weasy.layoutsfreed import layouts_freed

HTML = '<p style="font-family: serif; font-variant-numeric: oldstyle-nums">Chapter 12, page 345</p>'


def references_to_its_features(free: bool) -> int:
    """Set a layout up with font features, as WeasyPrint lays text out; return the references its list holds."""
    from weasyprint import HTML as Document
    from weasyprint.text.ffi import ffi, pango
    from weasyprint.text.line_break import create_layout

    weasy.weasyprint_loaded()
    box = Document(string=HTML).render().pages[0]._page_box.descendants()
    style = next(child for child in box if type(child).__name__ == "TextBox").style
    if free:
        with layouts_freed():
            layout = create_layout("Chapter 12", style, None, None, 0)
    else:
        layout = create_layout("Chapter 12", style, None, None, 0)
    attributes = pango.pango_layout_get_attributes(layout.layout)
    assert attributes != ffi.NULL, "no font features: the layout tests nothing"
    return ffi.cast("unsigned int *", attributes)[0]  # PangoAttrList's first field: its reference count


def test_a_layouts_features_are_held_by_the_layout_alone() -> None:
    assert references_to_its_features(free=False) == 2  # WeasyPrint's own: one reference never given back
    assert references_to_its_features(free=True) == 1


def test_the_pages_are_the_same_with_layouts_freed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    css = "@page { size: 200px 200px } p { font-variant-numeric: oldstyle-nums; text-align: justify }"
    html = f"<p>{'A line of text with figures 1234567890, set and justified. ' * 12}</p>"
    written = []
    for free in (False, True):
        target = tmp_path / f"{free}.pdf"
        if free:
            with layouts_freed():
                document = weasy.laid_out(html, css)
        else:
            document = weasy.laid_out(html, css)
        weasy.write(document, target)
        written.append(target.read_bytes())
    assert written[0] == written[1]
