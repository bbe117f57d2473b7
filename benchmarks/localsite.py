"""A built site served on 127.0.0.1, and how Debian's Chromium is started to read it.

Shared by the benchmark (:mod:`benchmarks.measure`) and the browser suite
(``tests/browser``), so both measure and check the site under the same server
and the same browser settings. The build never uses it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "Server", "serve", "site_base_path"]

#: Debian's Chromium; the project never downloads a browser.
CHROMIUM = Path("/usr/bin/chromium")
#: Headless, and no traffic of Chromium's own. Every host but 127.0.0.1 resolves
#: to nothing, so a page's request to anywhere else fails at once (and still shows
#: in the request log).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@dataclass(frozen=True)
class Server:
    """A built site served on 127.0.0.1 under the path of its ``site_url``.

    Attributes:
        origin: E.g. ``http://127.0.0.1:43123``.
        base_path: The path of the site's root, e.g. ``/``.
        default_language: The language built at the site's root.
    """

    origin: str
    base_path: str
    default_language: str = "ja"

    def address(self, path: str = "") -> str:
        """The address of ``path`` relative to the site's root.

        Examples:
            >>> Server("http://127.0.0.1:8000", "/").address("en/")
            'http://127.0.0.1:8000/en/'
        """
        return f"{self.origin}{self.base_path}{path}"

    def url(self, language: str, path: str = "") -> str:
        """The address of a page in ``language``.

        Examples:
            >>> Server("http://127.0.0.1:8000", "/").url("en", "exponential/laws/")
            'http://127.0.0.1:8000/en/exponential/laws/'
        """
        prefix = "" if language == self.default_language else f"{language}/"
        return self.address(f"{prefix}{path}")


def site_base_path(site: Path) -> str:
    """The path of the site_url the site was built with, read from its home page."""
    home = (site / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    path = urlsplit(canonical.group(1)).path if canonical else "/"
    return path if path.endswith("/") else f"{path}/"


@contextlib.contextmanager
def serve(site: Path) -> Iterator[Server]:
    """Serve ``site`` on a free port of 127.0.0.1 while the block runs.

    Args:
        site: The built site.

    Yields:
        Where it is served. Requests outside the site's ``site_url`` path get 404.
    """
    base_path = site_base_path(site)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            request_path = urlsplit(path).path
            if not request_path.startswith(base_path):
                return str(site / "__outside_site_url__")  # does not exist: 404
            return super().translate_path("/" + request_path[len(base_path) :])

        def log_message(self, format: str, *args: Any) -> None:
            del format, args

    class QuietServer(http.server.ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: Any, client_address: Any) -> None:
            # A browser context closed mid-download resets its connections: not news.
            del request, client_address

    server = QuietServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}", base_path)
    finally:
        server.shutdown()
        server.server_close()
