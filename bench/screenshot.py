"""Take the README's screenshot of the dashboard on the bundled seed data (data/) into docs/dashboard.png.

    .venv/bin/python bench/screenshot.py [--query "country=RUS&lanes=actors"] [--out docs/dashboard.png]

Starts `streamlit run` on a free localhost port with an empty temporary upload store and photographs the
page in headless Chromium (the same server and browser helpers as tests/test_browser.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard import harness  # noqa: E402

# The 2021 article: points for events known to the day, bars over "Aug. 5-10" and "July 30-Aug. 10".
README_VIEW = "from=2021-07-15"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--query", default=README_VIEW, help="URL query of a bookmarked view (\"\" for the landing view)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "dashboard.png"))
    ap.add_argument("--width", type=int, default=1440)
    ap.add_argument("--height", type=int, default=1250)
    args = ap.parse_args()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsline-shot-") as tmp, \
            harness.serve(data=ROOT / "data", store=Path(tmp)) as url, harness.chromium() as browser:
        page = harness.open_page(browser, f"{url}/?{args.query}" if args.query else url, args.width, args.height)
        page.wait_for_timeout(1000)  # let Plotly finish its transitions
        page.screenshot(path=str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
