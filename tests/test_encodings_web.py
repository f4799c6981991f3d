"""Encodings nobody here chose: Turkish in Windows-1254, a page's declared charset, EPUB pages without an XML
declaration, and a guess that is a doubt named with the alternatives weighed (issue 27 class 6)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.readers.decode import decode_file
from ebookgen.readers.table import read_source

from .fanfiles import write_epub

runner = CliRunner()
TURKISH = (
    "Bölüm 1\n\nİstanbul'un en kalabalık semtinde, ışıklar sönmek üzereydi. Ayşe pencereden dışarı baktı ve "
    "şöyle düşündü: “Yağmur yine başladı.”\n\nAğaçların altında, küçük bir çocuk şemsiyesini açmaya çalışıyordu.\n"
)
JAPANESE = "これは日本語の物語です。雨が降っていた。"


def test_turkish_in_windows_1254_is_read_as_turkish_not_as_western_letters(tmp_path: Path) -> None:
    path = tmp_path / "bolum.txt"
    path.write_bytes(TURKISH.encode("cp1254"))
    decoded = decode_file(path)
    assert decoded.encoding == "cp1254"
    assert "İstanbul'un en kalabalık" in decoded.text and "Ý" not in decoded.text and "ý" not in decoded.text


def test_a_western_text_in_windows_1252_stays_western_without_a_doubt(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("Chapter 1\n\nThe façade of the café was naïve, and the crème brûlée cold.\n".encode("cp1252"))
    decoded = decode_file(path)
    assert decoded.encoding == "cp1252" and "crème brûlée" in decoded.text
    assert not any("guess" in note for note in decoded.repairs)


def test_a_guess_between_code_pages_that_read_alike_is_a_warning_naming_them(tmp_path: Path) -> None:
    path = tmp_path / "saga.txt"
    path.write_bytes("Þetta er íslenska. Ég á heima í Reykjavík, sagði hún.\n\nHann þagði.\n".encode("cp1252"))
    result = runner.invoke(app, ["check", str(path)])
    line = next(line for line in result.output.splitlines() if "the encoding is a guess" in line)
    assert "warning" in line and "read as cp1252 ('Þetta')" in line and "--encoding" in line
    assert line.count("(") >= 2  # the reading chosen and at least one other weighed, each with a word it makes


def test_a_web_pages_declared_charset_is_heeded_when_its_bytes_are_not_utf8(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1254">'
        f"<title>Bölüm</title></head><body><p>{TURKISH.split(chr(10))[2]}</p></body></html>"
    )
    path = tmp_path / "bolum.html"
    path.write_bytes(page.encode("cp1254"))
    source = read_source(path)
    assert source.encoding == "cp1254" and "İstanbul'un en kalabalık" in source.text


def test_epub_pages_without_an_xml_declaration_are_utf8(tmp_path: Path) -> None:
    body = f"<html xmlns='http://www.w3.org/1999/xhtml'><head><title>一</title></head><body><p>{JAPANESE}</p></body></html>"
    epub = write_epub(tmp_path / "ame.epub", {"text/one.xhtml": body}, "雨", "山田", "hand")
    source = read_source(epub)
    assert JAPANESE in source.text and "ã" not in source.text
