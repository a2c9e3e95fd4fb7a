"""Run the page in a real Streamlit server and drive it with headless Chromium.

Shared by tests/test_browser.py and bench/screenshot.py; Playwright (requirements-dev.txt) is imported only
when a browser is launched. Chromium is Debian's (/usr/bin/chromium): Playwright's own download is not used.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


def free_port() -> int:
    """A TCP port on localhost that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(data: Path | None = None, store: Path | None = None, timeout: float = 90) -> Iterator[str]:
    """`streamlit run dashboard/app.py` on a free localhost port (data folder and upload store as given);
    yields its URL once /_stcore/health answers, and stops the server on exit."""
    port = free_port()
    env = dict(os.environ)
    env.update({k: str(v) for k, v in (("NEWSLINE_DATA", data), ("NEWSLINE_STORE", store)) if v is not None})
    cmd = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port),
           "--server.headless", "true", "--server.address", "localhost", "--browser.gatherUsageStats", "false"]
    url = f"http://localhost:{port}"
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            _wait_healthy(url, server, log, timeout)
            yield url
        finally:
            _stop(server)


def _wait_healthy(url: str, server: subprocess.Popen, log, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"streamlit exited with {server.returncode}:\n{log.read()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    log.seek(0)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout:.0f} s:\n{log.read()[-3000:]}")


def _stop(server: subprocess.Popen) -> None:
    """Stop the server we started (its own process group), politely first."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (a Playwright Browser) launched from /usr/bin/chromium."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser, url: str, width: int = 1440, height: int = 1000, timeout_ms: int = 60_000):
    """A new page on the app's URL, returned once the page has drawn its counts and its timeline."""
    page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
    page.set_default_timeout(timeout_ms)
    page.goto(url)
    wait_until_drawn(page)
    return page


def wait_until_drawn(page) -> None:
    """Wait for the script to finish its run and the timeline's Plotly chart to be drawn."""
    page.get_by_test_id("stMetric").first.wait_for()
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    page.locator(".stPlotlyChart .main-svg").first.wait_for()
