"""Join separately laid-out documents into one book PDF with pikepdf.

``join_pdf`` names the steps: front matter, body pages in order (a blank between chunks where a
recto must follow), one embedded subset per face shared by every page, bookmarks and contents
links pointing at the joined pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from ebookgen.languages import Language
from ebookgen.model import Book
from ebookgen.pdf.bodypages import BodyPage, Laid
from ebookgen.pdf.harfbuzz import harfbuzz
from ebookgen.render.frontmatter import contents_entries
from ebookgen.resources import styles_dir

LINK_SCHEME = "ebookgen:"


@dataclass(frozen=True)
class Pieces:
    """The laid-out documents a book is joined from."""

    front: Laid
    chunks: list[Laid]


def join_pdf(
    book: Book, language: Language, pieces: Pieces, sheets: list[BodyPage], bookmarks: bool, target: Path
) -> dict[str, int]:
    """Write the joined book at target; return where each id landed (1-based physical page)."""
    import pikepdf

    with pikepdf.open(pieces.front.path) as pdf:
        if len(pdf.pages) % 2:
            append_blank(pdf)
        offset = len(pdf.pages)
        sources = [pikepdf.open(chunk.path) for chunk in pieces.chunks]
        append_body(pdf, sources, sheets)
        share_fonts(pdf, glyph_union([pieces.front, *pieces.chunks]))
        anchors = joined_anchors(pieces.front, sheets, offset)
        point_links(pdf, anchors)
        if bookmarks:
            add_outline(pdf, book, language, anchors)
        # The file's /ID from its content, not qpdf's random one: the same book is the same bytes.
        pdf.save(target, deterministic_id=True)
    return anchors


# A blank page's content: save and restore the graphics state. A zero-length stream, which pikepdf
# then writes as empty FlateDecode data, stops Ghostscript ("error reading a stream").
BLANK_CONTENT = b"q Q\n"


def append_blank(pdf) -> None:
    """Add a verso that carries nothing after the recto that ends the pages so far, its boxes mirrored."""
    import pikepdf

    last = pdf.pages[-1].obj
    trim = [float(value) for value in last.get("/TrimBox", last.MediaBox)]
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, Resources=pikepdf.Dictionary())
    for box in ("/MediaBox", "/TrimBox", "/BleedBox"):
        if box in last:
            page[box] = pikepdf.Array(mirrored([float(value) for value in last[box]], trim))
    page.Contents = pdf.make_stream(BLANK_CONTENT)
    pdf.pages.append(pikepdf.Page(page))


def mirrored(box: list[float], trim: list[float]) -> list[float]:
    """Mirror a page box about its trim: a recto's bleed on the right becomes a verso's on the left."""
    left, bottom, right, top = box
    return [trim[0] - (right - trim[2]), bottom, trim[2] + (trim[0] - left), top]


def append_body(pdf, sources: list, sheets: list[BodyPage]) -> None:
    """Append every body page in order, and the blanks that keep chunks starting on rectos."""
    for sheet in sheets:
        if sheet.page is None:
            append_blank(pdf)
        else:
            pdf.pages.append(sources[sheet.chunk].pages[sheet.page])


def glyph_union(laid: list[Laid]) -> dict[str, dict[int, tuple[str, float]]]:
    """Gather, per font, every glyph any piece used: the text it stands for and its width."""
    union: dict[str, dict[int, tuple[str, float]]] = {}
    for piece in laid:
        for name, glyphs in piece.glyphs.items():
            union.setdefault(name, {}).update(glyphs)
    return union


@cache
def face_files() -> dict[str, Path]:
    """Map the name WeasyPrint gives each shipped face (`EB-Garamond-Italic`, a theme's `Lato`) to its font file."""
    from fontTools.ttLib import TTFont

    from ebookgen.themes import theme_font_files

    found = {}
    for path in [*sorted((styles_dir() / "fonts").glob("*.ttf")), *theme_font_files()]:
        names = TTFont(path, lazy=True)["name"]
        family, style = str(names.getDebugName(1)), str(names.getDebugName(2))
        full = family if style == "Regular" else f"{family} {style}"
        found[full.replace(" ", "-")] = path
    return found


def font_dictionaries(resources, seen: set, found: list) -> None:
    """Collect every (font resources dict, key) pair under resources, looking inside forms."""
    if resources is None or resources.objgen in seen and resources.objgen != (0, 0):
        return
    seen.add(resources.objgen)
    fonts = resources.get("/Font")
    if fonts is not None:
        found.extend((fonts, key) for key in fonts.keys())
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            font_dictionaries(xobject.get("/Resources"), seen, found)


def share_fonts(pdf, glyphs: dict[str, dict[int, tuple[str, float]]]) -> None:
    """Point every page at one font per face, subset once from the shipped file to the glyphs the book uses."""
    seen: set = set()
    found: list = []
    for page in pdf.pages:
        font_dictionaries(page.obj.get("/Resources"), seen, found)
    shared: dict[str, object] = {}
    for fonts, key in found:
        name = str(fonts[key].BaseFont).split("+", 1)[-1]
        tagged = str(fonts[key].BaseFont).lstrip("/")
        if name not in face_files():
            continue  # not a face we ship: leave each piece its own subset
        if name not in shared:
            shared[name] = fonts[key]
            rebuild_font(pdf, fonts[key], face_files()[name], glyphs.get(tagged, {}))
        fonts[key] = shared[name]


def rebuild_font(pdf, font, program: Path, glyphs: dict[int, tuple[str, float]]) -> None:
    """Give a font dictionary the whole book's glyphs: program subset, widths and text mapping."""
    import pikepdf

    descendant = font.DescendantFonts[0]
    data = subset_program(program, frozenset(glyphs))
    stream = pdf.make_stream(data)
    stream.Length1 = len(data)
    descendant.FontDescriptor.FontFile2 = stream
    descendant.W = pikepdf.Array(width_runs({gid: width for gid, (_, width) in glyphs.items()}))
    font.ToUnicode = pdf.make_stream(to_unicode_cmap({gid: text for gid, (text, _) in glyphs.items()}))


def subset_program(program: Path, gids: frozenset[int]) -> bytes:
    """Subset a TrueType file to the glyph ids, keeping the ids (the pages' glyph codes).

    HarfBuzz-Subset (which WeasyPrint loads anyway) takes about 18 ms a face where fontTools takes
    about 256; fontTools stands in where the library is missing.
    """
    try:
        return harfbuzz_subset(program, gids)
    except (OSError, AttributeError, RuntimeError):
        return fonttools_subset(program, gids)


# hb_subset_flags_t and hb_subset_sets_t values (hb-subset.h).
HB_NO_HINTING, HB_RETAIN_GIDS, HB_PASSTHROUGH_UNRECOGNIZED = 0x1, 0x2, 0x20
HB_DROP_TABLE_TAG = 3
DROPPED_TABLES = (b"GSUB", b"GPOS", b"GDEF", b"BASE", b"JSTF", b"DSIG")


def harfbuzz_subset(program: Path, gids: frozenset[int]) -> bytes:
    """Subset with HarfBuzz: the glyph ids kept in place, no hinting, no layout tables."""
    ffi, core, subset = harfbuzz()
    blob = core.hb_blob_create_from_file_or_fail(str(program).encode())
    if blob == ffi.NULL:
        raise OSError(f"HarfBuzz cannot read {program}")
    face = core.hb_face_create(blob, 0)
    request = subset.hb_subset_input_create_or_fail()
    result = ffi.NULL
    try:
        glyphs = subset.hb_subset_input_glyph_set(request)
        for gid in sorted({0, *gids}):
            core.hb_set_add(glyphs, gid)
        dropped = subset.hb_subset_input_set(request, HB_DROP_TABLE_TAG)
        for tag in DROPPED_TABLES:
            core.hb_set_add(dropped, core.hb_tag_from_string(tag, -1))
        subset.hb_subset_input_set_flags(request, HB_RETAIN_GIDS | HB_NO_HINTING | HB_PASSTHROUGH_UNRECOGNIZED)
        result = subset.hb_subset_or_fail(face, request)
        if result == ffi.NULL:
            raise RuntimeError(f"HarfBuzz cannot subset {program}")
        data = core.hb_face_reference_blob(result)
        length = ffi.new("unsigned int *")
        try:
            return bytes(ffi.buffer(core.hb_blob_get_data(data, length), length[0]))
        finally:
            core.hb_blob_destroy(data)
    finally:
        if result != ffi.NULL:
            core.hb_face_destroy(result)
        subset.hb_subset_input_destroy(request)
        core.hb_face_destroy(face)
        core.hb_blob_destroy(blob)


def fonttools_subset(program: Path, gids: frozenset[int]) -> bytes:
    """Subset with fontTools, as ``harfbuzz_subset`` does."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(program)
    options = subset.Options(
        retain_gids=True, passthrough_tables=True, ignore_missing_glyphs=True, hinting=False, desubroutinize=True
    )
    options.drop_tables += [tag.decode() for tag in DROPPED_TABLES]
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted({0, *gids}))
    subsetter.subset(font)
    data = BytesIO()
    font.save(data)
    return data.getvalue()


def width_runs(widths: dict[int, float]) -> list:
    """Write glyph widths as a PDF W array: a first id and the widths of the ids that follow it."""
    runs: list = []
    for gid in sorted(widths):
        if not runs or gid - 1 not in widths:
            runs += [gid, []]
        runs[-1].append(round(widths[gid], 3))
    return runs


def to_unicode_cmap(glyphs: dict[int, str]) -> bytes:
    """Write a ToUnicode CMap from glyph ids to the text they stand for."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <ffff>",
        "endcodespacerange",
    ]
    items = sorted(glyphs.items())
    for start in range(0, len(items), 100):
        batch = items[start : start + 100]
        lines.append(f"{len(batch)} beginbfchar")
        lines.extend(f"<{gid:04x}> <{text.encode('utf-16-be').hex()}>" for gid, text in batch)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def joined_anchors(front: Laid, sheets: list[BodyPage], offset: int) -> dict[str, int]:
    """Map every id to its 1-based page in the joined book."""
    anchors = dict(front.anchors)
    for sheet in sheets:
        for anchor in sheet.anchors:
            anchors.setdefault(anchor, offset + sheet.index + 1)
    return anchors


def point_links(pdf, anchors: dict[str, int]) -> None:
    """Turn the contents page's placeholder links into links to the joined pages."""
    import pikepdf

    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(LINK_SCHEME) and uri[len(LINK_SCHEME) :] in anchors:
                target = pdf.pages[anchors[uri[len(LINK_SCHEME) :]] - 1].obj
                annotation.A = pikepdf.Dictionary(S=pikepdf.Name.GoTo, D=pikepdf.Array([target, pikepdf.Name.Fit]))


def add_outline(pdf, book: Book, language: Language, anchors: dict[str, int]) -> None:
    """Add bookmarks for parts and chapters, chapters nested under their part, titled in the book's language."""
    from pikepdf import OutlineItem

    with pdf.open_outline() as outline:
        part = subpart = None
        for entry in contents_entries(book, language):
            item = OutlineItem(entry.title, anchors[entry.anchor] - 1)
            if entry.kind == "part" and entry.in_part and part is not None:
                subpart = item  # a collected work's own part, under the work
                part.children.append(item)
            elif entry.kind == "part":
                part, subpart = item, None
                outline.root.append(item)
            elif entry.kind == "back":
                outline.root.append(item)  # back matter stands beside the parts, not inside the last
            else:
                home = subpart if entry.in_subpart and subpart is not None else part
                (home.children if home is not None else outline.root).append(item)
