"""The book's designs: each theme's stylesheets, faces and type size, for the EPUB and the print PDF alike.

A theme is a folder under ``styles/themes/``, found by listing them: ``theme.toml`` says what it is for,
its place in the list, its faces and type size; ``theme.css`` styles both editions (the chapter opener,
the scene-break ornament), ``print.css`` the printed book (its heading face, running heads, initials) and
``epub.css`` the e-book, which stays light: it never sets the body's face or a fixed size, so a
reader's own font choice stands. Adding a theme is one new folder. Faces other than EB Garamond come from
OFL font packages on PyPI (``fontpkg-*``); print embeds the glyphs it uses. A type size of 16 pt and up
makes a large-print edition.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ebookgen.errors import ConfigError
from ebookgen.resources import styles_dir

DEFAULT_THEME = "classic"
# A type size from which the printed book is a large-print edition (APH, RNIB and NLS guidance: 16 to 18 pt).
LARGE_PRINT_POINTS = 16.0
SMALLEST_POINTS, LARGEST_POINTS = 8.0, 24.0


@dataclass(frozen=True)
class Face:
    """One font file a theme sets type in: its family, weight and style, and the package that ships it."""

    family: str
    file: str
    package: str = ""  # a fontpkg-* module; "" for the faces in styles/fonts
    weight: str = "normal"
    style: str = "normal"

    def path(self) -> Path:
        """Return where the font file is installed."""
        if not self.package:
            return styles_dir() / "fonts" / self.file
        return Path(import_module(self.package).ROOT) / "files" / self.file


@dataclass(frozen=True)
class Theme:
    """A book design: what it is for, its faces, the face the copyright page names and its type size."""

    name: str
    summary: str
    body_face: str = "EB Garamond"
    faces: tuple[Face, ...] = ()
    points: float = 11.0  # the print edition's body size
    leading: float = 14.5  # its line height, in points

    @property
    def type_scale(self) -> float:
        """Return the area a line of the body type takes, against 11 pt on 14.5 pt."""
        return self.points * self.leading / (11.0 * 14.5)

    @property
    def large_print(self) -> bool:
        """Tell whether the theme sets a large-print edition."""
        return self.points >= LARGE_PRINT_POINTS


THEME_KEYS = frozenset({"summary", "order", "body_face", "points", "leading", "faces"})
FACE_KEYS = frozenset({"family", "file", "package", "weight", "style"})


def themes_dir() -> Path:
    """Return the folder holding one folder per theme."""
    return styles_dir() / "themes"


def read_theme(folder: Path) -> tuple[float, Theme]:
    """Read a theme's folder: its ``theme.toml`` (where it has one) as a Theme, with its place in the list."""
    path = folder / "theme.toml"
    try:
        declared = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None
    unknown = sorted(set(declared) - THEME_KEYS) + sorted(
        key for face in declared.get("faces", []) for key in set(face) - FACE_KEYS
    )
    if unknown:
        raise ConfigError(f"{path}: {unknown[0]!r} is not a theme key ({', '.join(sorted(THEME_KEYS | FACE_KEYS))})")
    try:
        faces = tuple(Face(**face) for face in declared.get("faces", []))
        numbers = {key: float(declared[key]) for key in ("points", "leading") if key in declared}
        order = float(declared.get("order", float("inf")))
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{path}: {error}") from None
    theme = Theme(folder.name, declared.get("summary", ""), declared.get("body_face", "EB Garamond"), faces, **numbers)
    return order, theme


def listed_themes() -> dict[str, Theme]:
    """Return every theme folder's theme by name, in the order their ``theme.toml`` give, then by name."""
    folders = [folder for folder in themes_dir().iterdir() if folder.is_dir() and not folder.name.startswith(".")]
    ranked = sorted((read_theme(folder) for folder in folders), key=lambda pair: (pair[0], pair[1].name))
    return {theme.name: theme for _, theme in ranked}


THEMES = listed_themes()


def theme_font_files() -> list[Path]:
    """Return every font file a theme sets type in, beyond EB Garamond, each once."""
    return sorted({face.path() for theme in THEMES.values() for face in theme.faces})


def theme_names() -> tuple[str, ...]:
    """Return the themes' names, in their listed order: for help texts and the check of a theme's name."""
    return tuple(THEMES)


def theme_for(name: str) -> Theme:
    """Return the named theme, or fail naming the themes there are."""
    if name not in THEMES:
        raise ConfigError(f"theme {name!r} is not one of {', '.join(theme_names())}")
    return THEMES[name]


def check_points(value: object) -> float:
    """Return a body type size in points, or fail saying which sizes a book may have."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not (SMALLEST_POINTS <= value <= LARGEST_POINTS)
    ):
        raise ConfigError(f"font size {value!r} is not a size from {SMALLEST_POINTS:g} to {LARGEST_POINTS:g} pt")
    return float(value)


def sized(theme: Theme, points: float = 0) -> Theme:
    """Return the theme at a body size (0 keeps its own); 16 pt and up is set as large print."""
    if not points or points == theme.points:
        return theme
    base = THEMES["large-print"] if points >= LARGE_PRINT_POINTS and not theme.large_print else theme
    leading = round(points * (1.5 if points >= LARGE_PRINT_POINTS else theme.leading / theme.points), 2)
    return Theme(base.name, base.summary, base.body_face, base.faces, check_points(points), leading)


def sheet(theme: Theme, edition: str) -> str:
    """Return a theme's sheets for an edition ("print" or "epub"): its shared one, then the edition's."""
    folder = themes_dir() / theme.name
    parts = [folder / "theme.css", folder / f"{edition}.css"]
    return "\n".join(path.read_text(encoding="utf-8") for path in parts if path.is_file())


def face_rules(theme: Theme) -> str:
    """Declare a theme's faces for the print layout, each at the file its package installed."""
    return "\n".join(
        f'@font-face {{ font-family: "{face.family}"; src: url("{face.path().as_uri()}");'
        f" font-weight: {face.weight}; font-style: {face.style}; }}"
        for face in theme.faces
    )


def size_rules(theme: Theme) -> str:
    """Set the print edition's body size and leading; a large-print edition also turns hyphenation off."""
    rules = f"html, body {{ font-size: {theme.points:g}pt; line-height: {theme.leading:g}pt; }}"
    # A raised initial rises above its line without making the line taller (a line height of its own would: its
    # box is centred on the big letter), so the first line and every line under it hold the grid at any size.
    rules += "\n.opening:not(.joined)::first-letter { line-height: 0; }"
    if theme.large_print:
        # Large-print guidance: ragged right, whole words, no justification's uneven gaps; above any rule of
        # print.css's setting (its hyphenation limits, its justification) whatever that rule's selector.
        rules += "\nhtml, body, p, li, blockquote { text-align: start !important; hyphens: manual !important; }"
        # The title pages and the dedication stay centred: they are display lines, not running text.
        rules += "\n.half-title p, .titlepage p, .dedication p { text-align: center !important; }"
    return rules


def print_sheet(theme: Theme) -> str:
    """Return everything a theme adds to the printed book's style: its faces, size and sheets."""
    return "\n".join([face_rules(theme), sheet(theme, "print"), size_rules(theme)])
