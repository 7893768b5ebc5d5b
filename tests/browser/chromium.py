"""Debian's headless Chromium under Playwright, and a recorder of what goes wrong on a page.

Playwright's own browser download does not work offline and is never used: the
browser is ``/usr/bin/chromium`` (``apt-get install chromium``), or the one that
``LOSSDOCS_CHROMIUM`` names. The flags switch off Chromium's own calls home
(updates, sync, field trials), so the only requests left are the site's.

:class:`Recorder` watches a browser context. Every request of its pages to a host
other than 127.0.0.1 is aborted by route interception before it is sent, and
recorded: the site must work with no network. Console errors, uncaught
exceptions, failed requests and HTTP errors are recorded too. Route interception
sees the pages' requests only, never Chromium's own background traffic, so no
host needs to be filtered out.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    Route,
)
from playwright.sync_api import Error as PlaywrightError

__all__ = ["ARGS", "Recorder", "is_local", "launch"]

ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A safety net under route interception: no host name but 127.0.0.1 resolves, so
    # nothing the browser does can reach the network even if a request slipped through.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
LOCAL_HOSTS = {"127.0.0.1"}
# Schemes that never reach the network (and that route interception does not see).
OFFLINE_SCHEMES = {"data", "blob", "about", "chrome-error"}
# What route interception pauses: any URL not on 127.0.0.1. A pattern, not a Python
# predicate, so that the browser matches it and lets the site's own requests through.
NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])")


def launch(playwright: Playwright) -> Browser:
    """Start Debian's Chromium headless (never a browser that Playwright downloads)."""
    executable = Path(os.environ.get("LOSSDOCS_CHROMIUM", "/usr/bin/chromium"))
    if not executable.is_file():
        raise RuntimeError(
            f"no Chromium at {executable}: install Debian's "
            "(`apt-get install -y chromium fonts-noto-cjk`; `.ci/run` does it), "
            "never `playwright install`"
        )
    return playwright.chromium.launch(executable_path=str(executable), args=ARGS, headless=True)


def is_local(url: str) -> bool:
    """Whether loading `url` stays on this machine (127.0.0.1, or no network at all)."""
    parts = urlsplit(url)
    return parts.scheme in OFFLINE_SCHEMES or parts.hostname in LOCAL_HOSTS


class Recorder:
    """Collect the problems of the pages of one browser context, and block the network."""

    def __init__(self, context: BrowserContext) -> None:
        self.problems: list[str] = []
        self.external: list[str] = []  # every blocked URL, in order
        context.route(NOT_LOCAL, self._block)
        context.on("page", self.watch)

    def watch(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught exception: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def take(self) -> list[str]:
        """The problems recorded since the last call (the page that was just checked)."""
        taken, self.problems = self.problems, []
        return taken

    def _block(self, route: Route) -> None:
        url = route.request.url
        self.external.append(url)
        self.problems.append(f"request leaving 127.0.0.1 (blocked): {url}")
        try:
            route.abort("blockedbyclient")
        except PlaywrightError:  # the page went away meanwhile
            pass

    def _console(self, message: ConsoleMessage) -> None:
        # "Failed to load resource" repeats what _failed and _response record already.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            where = message.location.get("url", "")
            line = message.location.get("lineNumber")
            at = f" ({where}:{line})" if where else ""
            self.problems.append(f"console error: {message.text}{at}")

    def _failed(self, request: Request) -> None:
        if is_local(request.url):  # a blocked external request is recorded already
            self.problems.append(f"failed request: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")
