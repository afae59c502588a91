"""Headless Chromium for browser tests: Debian's ``/usr/bin/chromium`` driven by PyPI
``playwright``, with no browser download (``playwright install`` is never run).

Use the module-scoped ``chromium`` fixture (import it into the test module) and
:func:`open_page`, which records console messages, page errors and every request::

    from .browser import chromium, open_page  # noqa: F401  (chromium is a fixture)

    def test_page(chromium, tmp_path):
        log = open_page(chromium, tmp_path / "page.html")
        assert log.errors() == [] and log.foreign_requests() == []

Without playwright or Chromium the tests skip with the reason; with the environment
variable ``ROADMAP_GRAPH_BROWSER_TESTS=require`` (set it in CI) they fail instead, so CI
cannot silently skip them. ``ROADMAP_GRAPH_CHROMIUM`` points at another Chromium binary.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("ROADMAP_GRAPH_CHROMIUM", "/usr/bin/chromium"))
#: Flags for a quiet, offline, container-friendly headless Chromium.
ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
)
INSTALL_HINT = "apt-get install chromium fonts-nanum; pip install playwright (no 'playwright install')"
REQUIRE_ENV = "ROADMAP_GRAPH_BROWSER_TESTS"


def unavailable() -> str | None:
    """Why headless Chromium cannot run here, or ``None`` when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return f"headless Chromium not available (the playwright package is not installed): {INSTALL_HINT}"
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        return f"headless Chromium not available (no executable {CHROMIUM}): {INSTALL_HINT}"
    return None


def skip_or_fail(reason: str) -> None:
    """Skip with ``reason``, or fail when ``ROADMAP_GRAPH_BROWSER_TESTS=require``."""
    if os.environ.get(REQUIRE_ENV) == "require":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=require)")
    pytest.skip(reason)


@contextmanager
def launch() -> Iterator[Any]:
    """A headless Chromium ``Browser`` (skips the test when none is available)."""
    reason = unavailable()
    if reason:
        skip_or_fail(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=list(ARGS))
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless Chromium per test module."""
    with launch() as browser:
        yield browser


@dataclass
class PageLog:
    """A page and what it did: console messages ``(type, text)``, uncaught errors, requests."""

    page: Any
    url: str
    console: list[tuple[str, str]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def errors(self) -> list[str]:
        """Console errors and uncaught exceptions."""
        return [text for kind, text in self.console if kind == "error"] + self.page_errors

    def foreign_requests(self) -> list[str]:
        """Requests for anything but the page itself and ``data:`` URLs."""
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]


def open_page(
    browser: Any,
    path: str | os.PathLike[str],
    *,
    viewport: tuple[int, int] = (1400, 900),
    ready: str | None = None,
) -> PageLog:
    """Open ``path`` through a ``file://`` URL in a new page, recording everything.

    Requests that are not ``file:`` or ``data:`` are recorded and aborted, so a test never
    reaches the network. ``ready`` is a JavaScript expression to wait for.
    """
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    url = Path(path).resolve().as_uri()
    log = PageLog(page, url)
    page.on("console", lambda m: log.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: log.page_errors.append(str(e)))
    page.on("request", lambda r: log.requests.append(r.url))
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort(),
    )
    page.goto(url)
    if ready:
        page.wait_for_function(ready)
    return log


def fonts_used(page: Any, selector: str) -> dict[str, int]:
    """The platform fonts Chromium drew the text of ``selector`` with: family → glyph count
    (Chrome DevTools Protocol ``CSS.getPlatformFontsForNode``)."""
    session = page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument")["root"]["nodeId"]
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        session.detach()
    return {f["familyName"]: f["glyphCount"] for f in fonts}


def outside_view(page: Any, ids: list[str], api: str = "window.roadmapExplorer") -> list[str]:
    """The nodes of ``ids`` (cytoscape ids) whose centre is outside the graph's canvas."""
    return page.evaluate(
        """([ids, api]) => { const cy = eval(api).cy, W = cy.width(), H = cy.height();
             return ids.filter(id => { const p = cy.getElementById(id).renderedPosition();
               return !(p.x >= 0 && p.x <= W && p.y >= 0 && p.y <= H); }); }""",
        [ids, api],
    )


def label_px(page: Any, api: str = "window.roadmapExplorer") -> float:
    """The on-screen size of the explorer's node labels: zoom × font size (model pixels)."""
    return float(page.evaluate(f"{api}.cy.zoom() * {api}.fontSize"))


def hover(page: Any, node: str, api: str = "window.roadmapExplorer") -> None:
    """Move the mouse onto ``node``'s rendered position."""
    x, y = page.evaluate(
        """([id, api]) => { const cy = eval(api).cy; const p = cy.getElementById(id).renderedPosition();
             const r = cy.container().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""",
        [node, api],
    )
    page.mouse.move(x, y)
