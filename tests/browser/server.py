"""Serve a built site on 127.0.0.1 from a thread, on a port the OS picks."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

__all__ = ["serve"]


class _QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that logs nothing (a crawl makes thousands of requests)."""

    protocol_version = "HTTP/1.1"  # keep-alive: routing turns the browser cache off
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".woff2": "font/woff2",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser dropping a connection mid-response is no problem of the site


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve the files under `root`; yield the base URL, ``http://127.0.0.1:<port>/``."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    with _Server(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            thread.join()
