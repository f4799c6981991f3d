"""Decode a manuscript file into clean Unicode text: what every reader of a text format shares.

Bytes are decoded (an explicit encoding, a byte-order mark, strict UTF-8, then a charset
detector), mojibake from an earlier wrong decode is repaired with ftfy, line ends are unified
and characters that XML forbids are removed, so nothing later has to care about them.
The file is only ever opened for reading.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from ebookgen.errors import InputError
from ebookgen.model.characters import FORBIDDEN
from ebookgen.patterns import lazy
from ebookgen.readers.charset import declared_charset, detect

# How binary files begin. Signatures made of letters only count with a NUL byte soon after
# (a story may begin "BMX riders" or "RIFF"), the others are never how a text begins.
BINARY_SIGNATURES = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\x7fELF",
    b"Rar!\x1a",
    b"7z\xbc\xaf",
    b"II*\x00",
    b"MM\x00*",
    b"\xd0\xcf\x11\xe0",  # An old Word or Excel file.
)
LETTER_SIGNATURES = (b"GIF8", b"BM", b"RIFF", b"OggS", b"ID3", b"fLaC", b"wOFF", b"OTTO")
CONTROL_BYTES = [bytes([byte]) for byte in (*range(0, 9), 11, *range(14, 27), *range(28, 32))]
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# What the build and `check` say at each line where invalid bytes were replaced.
REPLACED_NOTE = "bytes that are not UTF-8 replaced with \ufffd; retype the letters there (the file is UTF-8 elsewhere)"
# At most this many invalid bytes in a file otherwise UTF-8 are replaced; more, and it is another encoding.
MOST_REPLACED = 64
NON_ASCII = lazy("[^\x00-\x7f]")

# Invisible characters that only ever get in the way of the rules that follow.
INVISIBLE = lazy("[\u200b\u200c\u2060\ufeff\u00ad]")
# Terminal escape sequences (colour codes pasted from a console): the escape and its parameters.
TERMINAL_ESCAPE = lazy(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[\]P^_][^\x07\x1b]*(?:\x07|\x1b\\)?")
# Common traces of UTF-8 read as Windows-1252 or Latin-1: only lines with one are given to ftfy.
MOJIBAKE_HINT = lazy(
    "[\u00c2\u00c3\u00c5\u00e2\u00ef\u00f0][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)  # noqa: E501


@dataclass(frozen=True)
class DecodedText:
    """A file's bytes as clean Unicode text, with the encoding used and what was repaired, for ``check``."""

    text: str
    encoding: str
    repairs: tuple[str, ...] = ()
    replaced_lines: tuple[int, ...] = ()  # Lines of a UTF-8 file where invalid bytes became U+FFFD.


# What to do with a file a text reader claims that holds no text: a Word file renamed .txt, say.
AS_TEXT = "give the story as text, or a Word document, web page or EPUB under its own suffix"


def decode_file(path: Path, encoding: str | None = None, markup: bool = False) -> DecodedText:
    """Read, decode and clean one file, noting every repair made; the readers of text formats share it.

    A web page (``markup``) is read in the encoding its markup declares when its bytes are not UTF-8.
    """
    data = read_bytes(path)
    nearly = None if encoding else nearly_utf8(data)
    doubt = ""
    if nearly is not None:
        text, used, replaced = nearly[0], "utf-8", nearly[1]
    else:
        (text, used, doubt), replaced = decode(data, path, encoding, declared_charset(data) if markup else None), ()
    text, repaired = repair_mojibake(unify_line_ends(text))
    notes = (doubt,) if doubt else ()
    return DecodedText(clean(text), used, notes + repair_notes(repaired, count_dropped(text)), replaced)


def nearly_utf8(data: bytes) -> tuple[str, tuple[int, ...]] | None:
    """Decode a file that is UTF-8 but for a few invalid bytes: its text with them replaced, and their lines.

    One stray byte must not send a whole UTF-8 file to another code page (`façade` becoming `faﾃｧade`).
    It is taken for UTF-8 when its valid multi-byte characters outnumber its invalid bytes; a file in a
    code page has next to no valid UTF-8 sequences, so it goes to the detector. None when it is not such a file.
    """
    if data.startswith((*BINARY_SIGNATURES, *(bom for bom, _ in BOMS))) or bomless_utf16(data):
        return None
    if control_share(data) > 0.05:
        return None
    pieces, lines, start = [], [], 0
    while True:
        try:
            pieces.append(data[start:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            pieces += [data[start : start + error.start].decode("utf-8"), "\ufffd"]
            lines.append(data.count(b"\n", 0, start + error.start) + 1)
            start += error.end
            if len(lines) > MOST_REPLACED:
                return None
    if not lines:
        return None  # Valid UTF-8: decode() takes it as it always did.
    text = "".join(pieces)
    valid = len(NON_ASCII.findall(text)) - len(lines)
    return (text, tuple(dict.fromkeys(lines))) if valid >= len(lines) else None


def require_text(path: Path, text: str) -> str:
    """Return a reader's text, or refuse the file when no text is left in it."""
    if not text.strip():
        raise InputError(f"{path}: the file is empty; write the story in it first")
    return text


def repair_notes(mojibake_lines: int, dropped: int) -> tuple[str, ...]:
    """Describe the repairs made while reading, for the ``check`` report."""
    notes = []
    if mojibake_lines:
        notes.append(f"repaired mojibake on {mojibake_lines} line(s) (text decoded wrongly before it reached ebookgen)")
    if dropped:
        notes.append(f"removed {dropped} control character(s)")
    return tuple(notes)


def read_bytes(path: Path) -> bytes:
    """Read the file's bytes, opening it read-only, or say in one line why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a text file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file readable (chmod +r)") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def decode(data: bytes, path: Path, encoding: str | None = None, declared: str | None = None) -> tuple[str, str, str]:
    """Decode bytes: an explicit encoding, a byte-order mark, UTF-8, the markup's declared one, else detect;
    return the text, the encoding and a doubt about it ('' when there is none)."""
    if encoding:
        return decode_as(data, path, encoding), encoding, ""
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, ""
    bomless = bomless_utf16(data)
    if bomless:
        return data.decode(bomless, errors="replace"), bomless, ""
    if data.startswith(BINARY_SIGNATURES) or (data.startswith(LETTER_SIGNATURES) and b"\x00" in data[:64]):
        raise InputError(f"{path}: this is a binary file (an image, archive or PDF?), not plain text")
    try:
        text, used = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if control_share(data) > 0.05 or data[:8192].count(0) > len(data[:8192]) // 100:
            raise InputError(f"{path}: this is a binary file, not plain text; {AS_TEXT}") from None
        if declared and declared != "utf-8" and decodes(data, declared):
            return data.decode(declared), declared, ""
        detected = detect(data)
        return detected.text, detected.encoding, detected.doubt
    if control_share(data) > 0.3:
        raise InputError(f"{path}: this is mostly control characters, not text; {AS_TEXT}")
    return text, used, ""


def decodes(data: bytes, encoding: str) -> bool:
    """Tell whether bytes are valid in an encoding."""
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def decode_as(data: bytes, path: Path, encoding: str) -> str:
    """Decode with the encoding the user named."""
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"{path}: unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not valid {encoding} at byte {error.start}; leave out --encoding") from None


def bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 text without a byte-order mark by its zero bytes at every other place."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def control_share(data: bytes) -> float:
    """Return the share of the first 8 KB that are control bytes no text holds (tab, line ends, FF, ESC are fine)."""
    sample = data[:8192]
    if not sample:
        return 0.0
    controls = sum(sample.count(byte) for byte in CONTROL_BYTES)
    return controls / len(sample)


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair mojibake (``donâ€™t`` for ``don’t``) line by line with ftfy; return the text and lines fixed."""
    if not MOJIBAKE_HINT.search(text):
        return text, 0
    import ftfy

    lines = text.split("\n")
    fixed = 0
    for index, line in enumerate(lines):
        if MOJIBAKE_HINT.search(line):
            repaired = ftfy.fix_encoding(line)
            if repaired != line:
                lines[index] = repaired
                fixed += 1
    return "\n".join(lines), fixed


def count_dropped(text: str) -> int:
    """Count the control characters ``clean`` removes (tabs, line ends and form feeds are kept as space)."""
    return len(FORBIDDEN.findall(text.replace("\x0c", "")))


def unify_line_ends(text: str) -> str:
    """Make every line end a newline, so that mojibake is repaired line by line whatever the line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A form feed (page break) ends a paragraph; a vertical tab is Word's manual line break.
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n\n").replace("\x0b", "\n")


def clean(text: str) -> str:
    """Unify line ends and remove characters no book should carry."""
    # NEL waits until after the mojibake repair: U+0085 is also the tail of a wrongly decoded Å.
    text = unify_line_ends(text).replace("\x85", "\n")
    text = TERMINAL_ESCAPE.sub("", text)
    text = INVISIBLE.sub("", text)
    text = FORBIDDEN.sub("", text)
    text = text.replace("\t", "    ").replace("\u2007", " ")
    return kept_no_break_spaces(text)


def kept_no_break_spaces(text: str) -> str:
    """Keep a no-break space the author typed between two words or marks (`M.\u00a0Dupont`, `Quoi\u202f?`).

    One that indents a line, ends one or runs with other spaces is an ordinary space; so is every one of
    a text that has more of them than spaces (an export that wrote every space no-break).
    """
    no_break = text.count("\u00a0") + text.count("\u202f")
    if not no_break:
        return text  # most texts: none to look at
    if no_break > text.count(" "):
        return text.replace("\u00a0", " ").replace("\u202f", " ")
    return LOOSE_NO_BREAK_SPACE.sub(" ", text)


LOOSE_NO_BREAK_SPACE = lazy(r"[\u00a0\u202f](?![^\s\u00a0\u202f])|(?<![^\s\u00a0\u202f])[\u00a0\u202f]")
