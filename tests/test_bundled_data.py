"""data/: the bundled seed articles and the events.csv / articles.csv the CLI derives from them."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def test_bundled_outputs_match_a_fresh_run(tmp_path):
    result = subprocess.run([sys.executable, "-m", "extract", "run", str(DATA / "articles"), "--out", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for name in ("events.csv", "articles.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(encoding="utf-8"), (
            f"data/{name} is stale: regenerate it with `python -m extract run data/articles --out data`")


def test_bundled_articles_carry_their_metadata():
    for stem, published in (("000_998bbf2173ad093f", "2021-07-23"), ("003_b99d12ebba10067c", "2015-09-11")):
        assert (DATA / "articles" / f"{stem}.txt").is_file()
        assert f'"published": "{published}"' in (DATA / "articles" / f"{stem}.json").read_text(encoding="utf-8")
