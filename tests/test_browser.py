"""The page in a real browser: `streamlit run` on a free localhost port, driven by headless Chromium (Playwright).

Needs Debian's chromium at /usr/bin/chromium (.ci/run installs it). Without it the test fails under CI
(CI=true) and is skipped elsewhere.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dashboard import harness
from extract.model import EVENT_COLUMNS
from extract.output import read_rows

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def browser():
    if not harness.CHROMIUM.exists():
        message = f"{harness.CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with harness.chromium() as b:
        yield b


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not (DATA / "events.csv").is_file():
        pytest.skip("data/events.csv (the bundled seed events) is not in this checkout yet")
    with harness.serve(data=DATA, store=tmp_path_factory.mktemp("store")) as url:
        yield url


def metric(page, label: str) -> str:
    box = page.get_by_test_id("stMetric").filter(has=page.get_by_text(label, exact=True))
    return box.get_by_test_id("stMetricValue").inner_text().strip()


def test_page_in_chromium_filters_downloads_selects_and_stays_offline(browser, server):
    rows = read_rows(DATA / "events.csv")
    outside = []
    page = browser.new_page(viewport={"width": 1440, "height": 1600}, accept_downloads=True)
    page.set_default_timeout(60_000)
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).hostname not in (
        None, "localhost", "127.0.0.1") and not r.url.startswith(("data:", "blob:")) else None)
    page.goto(server)
    harness.wait_until_drawn(page)

    assert metric(page, "Events") == str(len(rows))
    timeline = page.locator(".stPlotlyChart").first
    assert timeline.locator(".main-svg").count() > 0
    assert timeline.locator(".scatterlayer .trace, .gl-container canvas").count() > 0  # marks are drawn

    # a country filter: the rarest country in the bundled events
    counts: dict[str, int] = {}
    for r in rows:
        for code in filter(None, r["countries"].split(";")):
            counts[code] = counts.get(code, 0) + 1
    code = min(counts, key=lambda c: (counts[c], c))
    page.get_by_test_id("stSidebar").get_by_role("combobox").first.click()
    page.get_by_role("option", name=re.compile(rf"\({code}\)")).click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        "n => [...document.querySelectorAll('[data-testid=stMetric]')].some(m => m.innerText.startsWith('Events')"
        " && m.innerText.trim().split('\\n').pop().trim() === n)", arg=str(counts[code]))
    harness.wait_until_drawn(page)
    assert metric(page, "Events") == str(counts[code])
    assert f"country={code}" in page.url  # the filter is in the URL

    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").filter(has_text="Download CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(table[0]) == EVENT_COLUMNS
    assert len(table) - 1 == counts[code]
    assert all(code in row[EVENT_COLUMNS.index("countries")].split(";") for row in table[1:])

    # selecting a point on the timeline lists its event below the chart
    point = page.locator(".stPlotlyChart").first.locator(".cartesianlayer .subplot.xy .scatterlayer .point").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_role("heading", name="Selected on the timeline (1)").wait_for()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-filtered.png"), full_page=True)
    assert outside == [], f"the page asked the network for {outside[:5]}"
    page.close()
