"""Serve the preview on localhost: the page, the EPUB's own files, the PDF's pages as pictures, and news of rebuilds."""

from __future__ import annotations

import json
import mimetypes
import threading
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from urllib.parse import parse_qs, unquote, urlparse

from ebookgen.watch.page import preview_page
from ebookgen.watch.state import Preview

# Seconds between keep-alive comments on the news stream, so that a closed tab is noticed.
KEEPALIVE = 10
# The names the preview answers to: this machine's own. Any other Host is a page of the web reaching the
# preview through a name of its own that resolves to 127.0.0.1 (DNS rebinding), and is refused.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})
# The longest generation number the news stream takes (a malformed one is a 400, not a traceback).
MOST_DIGITS = 18
TYPES = {".xhtml": "application/xhtml+xml", ".css": "text/css", ".ncx": "application/x-dtbncx+xml"}


@lru_cache(maxsize=256)
def page_picture(pdf: bytes, number: int) -> bytes:
    """Render one PDF page as a PNG (pdfium), kept for the same bytes and page."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[number - 1].render(scale=96 / 72).to_pil()
    finally:
        document.close()
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@lru_cache(maxsize=8)
def page_count(pdf: bytes) -> int:
    """Count a PDF's pages."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def handler_for(preview: Preview) -> type[BaseHTTPRequestHandler]:
    """Make the request handler that serves this preview."""

    class PreviewHandler(BaseHTTPRequestHandler):
        """Answer the preview's requests."""

        def log_message(self, *args) -> None:
            """Keep the terminal for the rebuilds' news."""

        def do_GET(self) -> None:
            """Answer a request for this machine only; a malformed one gets a 4xx, and a gone browser nothing."""
            if not local_host(self.headers.get("Host")):
                return self.send(421, "text/plain", b"the preview answers only to localhost")
            try:
                self.answer()
            except ConnectionError:
                self.close_connection = True  # the browser went away (a reload, a closed tab): nothing to say
            except Exception as error:  # a request the preview cannot answer: said to the browser, not the terminal
                self.close_connection = True
                self.send(500, "text/plain; charset=utf-8", f"the preview could not answer: {error}"[:300].encode())

        def answer(self) -> None:
            """Serve the page, a file of the EPUB, a page of the PDF, the status or the news stream."""
            url = urlparse(self.path)
            shown = preview.shown
            build = shown.build
            if url.path == "/":
                pages = page_count(build.pdf) if build and build.pdf else 0
                return self.send(200, "text/html; charset=utf-8", preview_page(shown, pages).encode())
            if url.path == "/status.json":
                status = {"generation": shown.generation, "error": shown.error, "changed": list(shown.changed)}
                status |= {"title": build.title, "check": list(build.check)} if build else {}
                return self.send(200, "application/json", json.dumps(status).encode())
            if url.path == "/events":
                after = parse_qs(url.query).get("after", ["0"])[0] or "0"
                if not (after.isascii() and after.isdigit() and len(after) <= MOST_DIGITS):
                    return self.send(400, "text/plain", b"after= takes a generation number")
                return self.stream(int(after))
            if url.path.startswith("/epub/") and build:
                name = unquote(url.path.removeprefix("/epub/"))
                if name in build.files:
                    return self.send(200, content_type(name), build.files[name])
            if url.path == "/book.pdf" and build and build.pdf:
                return self.send(200, "application/pdf", build.pdf)
            if url.path.startswith("/pdf/") and url.path.endswith(".png") and build and build.pdf:
                number = url.path.removeprefix("/pdf/").removesuffix(".png")
                if number.isdigit() and 1 <= int(number) <= page_count(build.pdf):
                    return self.send(200, "image/png", page_picture(build.pdf, int(number)))
            self.send(404, "text/plain", b"not found")

        def send(self, status: int, kind: str, body: bytes) -> None:
            """Send a whole response, never cached: the book changes under the same names."""
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def stream(self, after: int) -> None:
            """Send the generation number each time the loop publishes, until the browser goes away."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            try:
                while True:
                    shown = preview.wait_after(after, KEEPALIVE)
                    if shown.generation != after:
                        after = shown.generation
                        self.wfile.write(f"data: {after}\n\n".encode())
                    else:
                        self.wfile.write(b": still here\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    return PreviewHandler


def local_host(host: str | None) -> bool:
    """Tell whether a request's Host header names this machine (localhost, 127.0.0.1 or [::1], any port)."""
    if not host:
        return False
    name = host.strip().lower()
    if name.startswith("["):
        name = name[: name.find("]") + 1]
    else:
        name = name.rpartition(":")[0] if ":" in name else name
    return name.rstrip(".") in LOCAL_HOSTS


class PreviewServer(ThreadingHTTPServer):
    """The preview's HTTP server, quiet about browsers that go away and about requests it cannot read."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """Keep the writer's terminal for the rebuilds: a reset connection or a broken request is no news."""


def content_type(name: str) -> str:
    """Return the media type of a file of the EPUB."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def serve(preview: Preview, port: int) -> ThreadingHTTPServer:
    """Start the preview server on 127.0.0.1 (port 0: any free one) in a thread of its own; return it."""
    server = PreviewServer(("127.0.0.1", port), handler_for(preview))
    threading.Thread(target=server.serve_forever, name="ebookgen-preview", daemon=True).start()
    return server
