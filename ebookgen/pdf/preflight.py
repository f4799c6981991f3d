"""A printer's preflight for any print PDF, ours or another tool's: what KDP's or IngramSpark's would reject.

``preflight`` names the checks in order: the trim, the bleed (top, bottom and outside edge only),
the page count, embedded fonts, margins and the gutter the page count calls for, and for a grey-ink
PDF/X service (IngramSpark) no RGB colour and a PDF/X identification. Each failure is one line that
says what is wrong, on how many pages, and what the printer wants. The ink on each page is measured
with PDFium (``ink.py``); the boxes, fonts and colours are read with pikepdf.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ebookgen.errors import InputError, PdfUnreadableError
from ebookgen.pdf.fontcheck import foreign_face_failures
from ebookgen.pdf.ink import InkBounds, ink_bounds, rgb_pages
from ebookgen.pdf.printers import BLEED_INCHES, Printer, preflight_printer
from ebookgen.pdf.trim import Trim

POINTS = 72
# Forms one page may draw, nested or side by side, before the file is past what the preflight reads.
MOST_FORMS = 10_000
# How far a measure may stray from the rule (inches): PDF coordinates are rounded by their writers.
TOLERANCE = 0.01


@dataclass(frozen=True)
class PageBoxes:
    """A page's boxes in points, as (left, bottom, right, top), and its side of the spread."""

    number: int  # 1-based; odd pages are rectos, their spine on the left
    media: tuple[float, ...]
    trim: tuple[float, ...]
    bleed: tuple[float, ...]

    @property
    def recto(self) -> bool:
        """Tell a recto (spine on the left) from a verso."""
        return self.number % 2 == 1

    def edges(self) -> dict[str, float]:
        """Return the bleed on each edge in inches: top, bottom, outside and spine."""
        left, right = self.trim[0] - self.media[0], self.media[2] - self.trim[2]
        outside, spine = (right, left) if self.recto else (left, right)
        top, bottom = self.media[3] - self.trim[3], self.trim[1] - self.media[1]
        return {
            name: value / POINTS
            for name, value in zip(("top", "bottom", "outside", "spine"), (top, bottom, outside, spine), strict=True)
        }


@dataclass(frozen=True)
class PreflightResult:
    """What the preflight found: the file, its pages, and one line per failure (none when it passes)."""

    path: Path
    profile: str
    pages: int
    trim: str
    failures: tuple[str, ...] = ()


def preflight(path: Path, profile: Printer | str = "kdp", trim: Trim | None = None) -> PreflightResult:
    """Check a PDF as the profile's printer would (its row in ``printers.py``); one line per failure."""
    import pikepdf

    printer = preflight_printer(profile) if isinstance(profile, str) else profile
    with open_pdf(path) as pdf:
        try:
            return checked(path, pdf, printer, trim, pikepdf)
        except (Malformed, pikepdf.PdfError, ValueError, TypeError, AttributeError, IndexError, KeyError) as error:
            raise PdfUnreadableError(
                f"{path}: a malformed PDF, cannot check it ({said(error)}); export it again"
            ) from None
        except RecursionError:
            raise PdfUnreadableError(f"{path}: a PDF nested too deep to check; export it again") from None


class Malformed(ValueError):
    """A part of the PDF is not as the PDF reference has it (a box of three numbers, a font that is a number)."""


def said(error: Exception) -> str:
    """Say what was malformed in a few words: the message, else the kind of error."""
    text = " ".join(str(error).split())[:160]
    return text if isinstance(error, Malformed) else f"{type(error).__name__}: {text}" if text else type(error).__name__


def checked(path: Path, pdf, printer: Printer, trim: Trim | None, pikepdf) -> PreflightResult:
    """Run every check of the preflight on an open PDF, in order."""
    boxes = page_boxes(pdf)
    failures = [
        *encryption_failures(pdf),
        *trim_failures(boxes, printer, trim),
        *bleed_failures(boxes),
        *count_failures(printer, len(boxes)),
        *font_failures(pdf, walk := FontWalk()),
        *foreign_face_failures(pdf, walk),
        *margin_failures(boxes, ink_bounds(path), printer),
        *(colour_failures(pdf) if printer.grey else []),
        *(pdfx_failures(pdf, pikepdf) if printer.pdfx else []),
    ]
    size = trim_of(boxes[0]) if boxes else (0.0, 0.0)
    return PreflightResult(path, printer.name, len(boxes), f"{size[0]:g} x {size[1]:g} in", tuple(failures))


def open_pdf(path: Path):
    """Open a PDF for reading, or fail in one line when it is missing or is not one."""
    import pikepdf

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        return pikepdf.open(path)
    except pikepdf.PasswordError:
        raise InputError(f"{path}: encrypted with a password; printers take no encrypted interior") from None
    except (pikepdf.PdfError, ValueError, OSError) as error:
        raise PdfUnreadableError(f"{path}: not a PDF that can be read ({said(error)})") from None


def box(page, name: str, fallback: tuple[float, ...]) -> tuple[float, ...]:
    """Return a page box normalised to (left, bottom, right, top), or the fallback where the page has none."""
    if name not in page.obj:
        return fallback
    import pikepdf

    found = page.obj[name]
    if not isinstance(found, pikepdf.Array) or len(found) != 4 or not all(is_number(each) for each in found):
        raise Malformed(f"the {name} of a page is not four numbers")
    x0, y0, x1, y1 = (float(value) for value in found)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def is_number(value) -> bool:
    """Tell whether a PDF object is a number (an integer or a real)."""
    import pikepdf

    return isinstance(value, int | float | pikepdf.Object) and not isinstance(value, bool) and _numeric(value)


def _numeric(value) -> bool:
    """Tell whether a value converts to a finite float."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return number == number and abs(number) != float("inf")


def page_boxes(pdf) -> list[PageBoxes]:
    """Read every page's MediaBox, TrimBox and BleedBox (each defaulting as the PDF reference says)."""
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        media = box(page, "/MediaBox", (0.0, 0.0, 0.0, 0.0))
        crop = box(page, "/CropBox", media)
        found.append(PageBoxes(number, media, box(page, "/TrimBox", crop), box(page, "/BleedBox", crop)))
    return found


def trim_of(page: PageBoxes) -> tuple[float, float]:
    """Return a page's trim in inches, rounded to the hundredth a printer's form takes."""
    return (round((page.trim[2] - page.trim[0]) / POINTS, 2), round((page.trim[3] - page.trim[1]) / POINTS, 2))


def first_pages(numbers: list[int]) -> str:
    """Say which pages, briefly: "page 3", "pages 3, 5 and 7", "40 pages (first: page 3)"."""
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    if len(numbers) <= 3:
        return "pages " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
    return f"{len(numbers)} pages (first: page {numbers[0]})"


def encryption_failures(pdf) -> list[str]:
    """Fail an encrypted file: printers take none."""
    return ["encryption: the file is encrypted; printers take no encrypted interior"] if pdf.is_encrypted else []


def trim_failures(boxes: list[PageBoxes], printer: Printer, wanted: Trim | None) -> list[str]:
    """Fail pages of more than one trim, a trim the service does not offer, or not the one asked for."""
    sizes: dict[tuple[float, float], list[int]] = {}
    for page in boxes:
        sizes.setdefault(trim_of(page), []).append(page.number)
    if len(sizes) > 1:
        listed = "; ".join(f"{w:g} x {h:g} in on {first_pages(numbers)}" for (w, h), numbers in sizes.items())
        return [f"trim: the pages are not all one size ({listed})"]
    if not sizes:
        return ["trim: the file has no pages"]
    width, height = next(iter(sizes))
    failures = []
    (low_w, high_w), (low_h, high_h) = printer.widths, printer.heights
    if not (low_w <= width <= high_w and low_h <= height <= high_h):
        failures.append(
            f"trim: {width:g} x {height:g} in is not a {printer.service} trim "
            f"({low_w:g} to {high_w:g} in wide, {low_h:g} to {high_h:g} in high)"
        )
    elif printer.trim_note(width, height):
        failures.append(printer.trim_note(width, height))
    if wanted and (abs(width - wanted.width) > TOLERANCE or abs(height - wanted.height) > TOLERANCE):
        failures.append(f"trim: {width:g} x {height:g} in, not the {wanted.label} asked for")
    return failures


def bleed_failures(boxes: list[PageBoxes]) -> list[str]:
    """Fail bleed on the spine edge, bleed other than 0.125 in, on some pages only, or a BleedBox short of the media."""
    bled = [page for page in boxes if any(value > TOLERANCE for value in page.edges().values())]
    failures = []
    if bled and len(bled) < len(boxes):
        plain = [page.number for page in boxes if page not in bled]
        failures.append(f"bleed: {first_pages(plain)} without bleed in a bled file; bleed every page or none")
    wrong: dict[str, list[int]] = {}
    for page in bled:
        for edge, value in page.edges().items():
            wanted = 0.0 if edge == "spine" else BLEED_INCHES
            if abs(value - wanted) > TOLERANCE:
                wrong.setdefault(edge, []).append(page.number)
    for edge, numbers in wrong.items():
        if edge == "spine":
            failures.append(
                f"bleed: {first_pages(numbers)} bleed on the spine edge; bleed the top, bottom and outside only"
            )
        else:
            failures.append(f"bleed: the {edge} edge of {first_pages(numbers)} bleeds other than {BLEED_INCHES} in")
    short = [page.number for page in bled if any(abs(a - b) > 0.5 for a, b in zip(page.bleed, page.media, strict=True))]
    if short:
        failures.append(f"bleed: the BleedBox of {first_pages(short)} is not the MediaBox")
    return failures


def count_failures(printer: Printer, pages: int) -> list[str]:
    """Fail a page count the service does not print."""
    note = printer.page_count_note(pages)
    return [f"page count: {note}"] if note else []


def font_failures(pdf, fonts_of=None) -> list[str]:
    """Fail fonts whose program is not embedded, naming them and where they are first used."""
    missing: dict[str, list[int]] = {}
    for number, page in enumerate(pdf.pages, start=1):
        for font in (fonts_of or page_fonts)(page.obj.get("/Resources"), set()):
            if not embedded(font):
                numbers = missing.setdefault(str(font.get("/BaseFont", "/unnamed")).lstrip("/"), [])
                numbers += [number] if number not in numbers[-1:] else []
    if not missing:
        return []
    names = ", ".join(f"{name} ({first_pages(numbers)})" for name, numbers in missing.items())
    return [f"fonts: not embedded: {names}; embed every font"]


def page_fonts(resources, seen: set) -> list:
    """List the font dictionaries a page's resources use, looking inside its forms (each once, however nested)."""
    fonts, stack = [], [resources]
    while stack:
        holder = stack.pop()
        if not is_dictionary(holder) or (holder.objgen != (0, 0) and holder.objgen in seen):
            continue
        seen.add(holder.objgen)
        if len(seen) > MOST_FORMS:
            raise Malformed(f"a page draws more than {MOST_FORMS} forms")
        fonts += [font for font in entries(holder, "/Font") if is_dictionary(font)]
        stack += [form.get("/Resources") for form in entries(holder, "/XObject") if is_form(form)]
    return fonts


class FontWalk:
    """Each page's fonts, each form's found once per file: a tree of forms every page draws is walked once."""

    def __init__(self) -> None:
        self.below: dict[tuple[int, int], tuple] = {}  # a form's fonts, its own and its forms', by the form

    def __call__(self, resources, seen: set | None = None) -> list:
        """Return the fonts a page's resources use, in its forms too (the `page_fonts` call)."""
        forms = [form for form in entries(resources, "/XObject") if is_form(form)] if is_dictionary(resources) else []
        for form in forms:
            self.walk(form)
        own = [font for font in entries(resources, "/Font") if is_dictionary(font)] if is_dictionary(resources) else []
        return unique([*own, *(font for form in forms for font in self.below.get(form.objgen, ()))])

    def walk(self, top) -> None:
        """Find the fonts below a form and below each form under it, deepest first, without recursion."""
        stack, on_path = [(top, False)], set()
        while stack:
            form, done = stack.pop()
            key = form.objgen
            if not done and (key in self.below or key in on_path):
                continue  # found already, or a form that draws itself: nothing more below it
            resources = form.get("/Resources") if is_dictionary(form.get("/Resources")) else None
            inner = [each for each in entries(resources, "/XObject") if is_form(each)] if resources else []
            if not done:
                on_path.add(key)
                stack += [(form, True), *((each, False) for each in inner)]
                if len(on_path) > MOST_FORMS * 10:
                    raise Malformed(f"the file draws more than {MOST_FORMS * 10} forms")
                continue
            own = [font for font in entries(resources, "/Font") if is_dictionary(font)] if resources else []
            self.below[key] = tuple(
                unique([*own, *(font for each in inner for font in self.below.get(each.objgen, ()))])
            )


def unique(fonts: list) -> list:
    """Keep each font once (a font object shared by several forms), in the order found."""
    found: dict = {}
    for font in fonts:
        found.setdefault(font.objgen if font.objgen != (0, 0) else id(font), font)
    return list(found.values())


def is_dictionary(value) -> bool:
    """Tell whether a PDF object is a dictionary (a stream's dictionary included)."""
    import pikepdf

    return isinstance(value, pikepdf.Dictionary | pikepdf.Stream)


def entries(holder, key: str) -> list:
    """Return the values of a resources dictionary's sub-dictionary (/Font, /XObject), none when it is not one."""
    found = holder.get(key)
    return list(found.values()) if is_dictionary(found) else []


def is_form(xobject) -> bool:
    """Tell whether an XObject is a form (its own content and resources)."""
    return is_dictionary(xobject) and xobject.get("/Subtype") == "/Form"


def embedded(font) -> bool:
    """Tell whether a font carries its program (a Type 3 font is drawn by its own procedures)."""
    if font.get("/Subtype") == "/Type3":
        return True
    descendants = font.get("/DescendantFonts")
    described = descendants[0] if "/DescendantFonts" in font and len(descendants) else font
    descriptor = described.get("/FontDescriptor") if is_dictionary(described) else None
    return is_dictionary(descriptor) and any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def margin_failures(boxes: list[PageBoxes], ink: list[InkBounds], printer: Printer) -> list[str]:
    """Fail ink closer to the spine than the gutter the page count needs, or closer to another edge than the margin."""
    gutter = printer.gutter(len(boxes))
    bled = any(value > TOLERANCE for page in boxes for value in page.edges().values())
    margin = printer.bled_margin if bled else printer.margin
    near: dict[str, list[tuple[int, float]]] = {}
    for page, bounds in zip(boxes, ink, strict=True):
        if bounds.empty:
            continue
        for edge, value in ink_margins(page, bounds).items():
            wanted = gutter if edge == "spine" else margin
            if value < wanted - TOLERANCE:
                near.setdefault(edge, []).append((page.number, value))
    failures = []
    for edge, found in near.items():
        closest = min(value for _, value in found)
        where = first_pages([number for number, _ in found])
        if edge == "spine":
            failures.append(
                f"gutter: ink {closest:.2f} in from the spine on {where}; a {len(boxes)}-page book needs {gutter} in"
            )
        else:
            failures.append(
                f"margins: ink {closest:.2f} in from the {edge} edge on {where}; {printer.service} needs {margin} in"
            )
    return failures


def ink_margins(page: PageBoxes, ink: InkBounds) -> dict[str, float]:
    """Measure, in inches, how far a page's ink stays from each trim edge: top, bottom, outside, spine."""
    left, right = ink.left - page.trim[0], page.trim[2] - ink.right
    outside, spine = (right, left) if page.recto else (left, right)
    top, bottom = page.trim[3] - ink.top, ink.bottom - page.trim[1]
    values = (top, bottom, outside, spine)
    return {name: value / POINTS for name, value in zip(("top", "bottom", "outside", "spine"), values, strict=True)}


def colour_failures(pdf) -> list[str]:
    """Fail RGB colour in a grey-ink interior."""
    pages = rgb_pages(pdf)
    return [f"colour: RGB colour on {first_pages(pages)}; a black-ink interior takes grey only"] if pages else []


def pdfx_failures(pdf, pikepdf) -> list[str]:
    """Fail a file that does not identify itself as PDF/X, by its version and its output intent."""
    failures = []
    version = str(pdf.docinfo.get("/GTS_PDFXVersion", "")) if pdf.trailer.get("/Info") is not None else ""
    if not version:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            version = str(xmp.get("pdfxid:GTS_PDFXVersion", "") or "")
    if not version:
        failures.append("PDF/X: no PDF/X version (GTS_PDFXVersion); IngramSpark asks for PDF/X-1a, X-3 or X-4")
    intents = pdf.Root.get("/OutputIntents")
    intents = intents if isinstance(intents, pikepdf.Array) else pikepdf.Array()
    if not any(is_dictionary(intent) and intent.get("/S") == "/GTS_PDFX" for intent in intents):
        failures.append("PDF/X: no PDF/X output intent (OutputIntents /GTS_PDFX with the printing condition's profile)")
    return failures
