"""Issue 31 item 5: the preview answers only requests for localhost, and a malformed request never prints a traceback.

A web page the writer visits could otherwise read the unpublished book through DNS rebinding (a name of the
attacker's that resolves to 127.0.0.1): the preview refuses any Host but localhost, 127.0.0.1 and [::1].
A malformed request (a query that is no number, a path that is not UTF-8, a connection reset mid-answer)
gets a 4xx or nothing, and the writer's terminal stays quiet.
"""

from __future__ import annotations

import socket
import struct

import pytest

from ebookgen.watch.server import serve
from ebookgen.watch.state import Build, Preview

BOOK = Build(
    "The Lamp",
    {"EPUB/text/chapter-001.xhtml": b"<html>" + b"unpublished words " * 40_000 + b"</html>"},
    ("EPUB/text/chapter-001.xhtml",),
    ("Chapter 1",),
)


@pytest.fixture()
def preview():
    """A preview server on a free port of 127.0.0.1, showing one book."""
    shown = Preview()
    shown.publish(BOOK, "", ())
    server = serve(shown, 0)
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def ask(port: int, request: bytes) -> bytes:
    """Send raw bytes as a request and return the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def status(answer: bytes) -> int:
    """Return an HTTP answer's status code."""
    return int(answer.split(b" ", 2)[1])


def get(port: int, path: bytes, host: bytes | None = b"127.0.0.1") -> bytes:
    """Send a GET for a path with a Host header (none when host is None), closing after the answer."""
    header = b"Host: " + host + b"\r\n" if host is not None else b""
    return ask(port, b"GET " + path + b" HTTP/1.1\r\n" + header + b"Connection: close\r\n\r\n")


@pytest.mark.parametrize(
    "host", [b"attacker.example:8811", b"attacker.example", b"127.0.0.1.nip.io", b"localhost.attacker.example", None]
)
def test_a_request_for_another_host_is_refused(preview: int, host: bytes | None) -> None:
    for path in (b"/status.json", b"/", b"/epub/EPUB/text/chapter-001.xhtml"):
        answer = get(preview, path, host)
        assert 400 <= status(answer) < 500 and b"unpublished" not in answer and b"Lamp" not in answer


@pytest.mark.parametrize("host", [b"127.0.0.1", b"localhost", b"[::1]", b"LOCALHOST", b"localhost."])
def test_localhost_by_any_of_its_names_is_served(preview: int, host: bytes) -> None:
    port = str(preview).encode()
    for named in (host, host + b":" + port):
        assert status(get(preview, b"/status.json", named)) == 200


@pytest.mark.parametrize(
    "path",
    [b"/events?after=abc", b"/events?after=-1e400", b"/events?after=" + b"9" * 5000, b"/epub/\xff\xfe%ff%fe",
     b"/%", b"/pdf/99999999999999999999.png", b"/epub/" + b"a/" * 5000],
)  # fmt: skip
def test_a_malformed_request_gets_a_4xx_and_no_traceback(preview: int, path: bytes, capfd) -> None:
    answer = get(preview, path)
    assert 400 <= status(answer) < 500
    assert "Traceback" not in capfd.readouterr().err


def test_a_reset_connection_and_quick_reloads_print_nothing(preview: int, capfd) -> None:
    for _ in range(12):
        with socket.create_connection(("127.0.0.1", preview), timeout=10) as connection:
            connection.sendall(b"GET /epub/EPUB/text/chapter-001.xhtml HTTP/1.1\r\nHost: localhost\r\n\r\n")
            connection.recv(10)
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # a reset, not a close
    for _ in range(3):
        assert status(get(preview, b"/status.json")) == 200  # still serving, the resets all handled
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err and "ConnectionReset" not in err
