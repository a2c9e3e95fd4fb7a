"""TempEval-3 scores and speed of Newsline's temporal tagger on TimeBank + AQUAINT (needs ../shared).

usage: python bench/timebank.py [--errors N] [--every K]
Strips the gold TimeML, tags it with `python -m extract timeml`, scores it with ../shared/bench/te3_score.py,
then times the tagger alone on the plain texts (one core).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0, help="print up to N disagreements")
    ap.add_argument("--every", type=int, default=1, help="score every K-th document only (4 = HeidelTime's 64)")
    a = ap.parse_args()
    gold = SHARED / "data" / "timebank"
    if not gold.is_dir():
        print(f"{gold} is missing: this benchmark needs ../shared beside the checkout", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="newsline-tb-"))
    try:
        gold_dir = work / "gold"
        for i, f in enumerate(sorted(gold.rglob("*.tml"))):
            if i % a.every == 0:
                (gold_dir / f.parent.name).mkdir(parents=True, exist_ok=True)
                shutil.copy(f, gold_dir / f.parent.name / f.name)
        py = sys.executable
        subprocess.run([py, str(SHARED / "bench" / "te3_strip.py"), str(gold_dir), str(work / "in")], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([py, "-m", "extract", "timeml", str(work / "in"), str(work / "out")], check=True, cwd=ROOT)
        cmd = [py, str(SHARED / "bench" / "te3_score.py"), str(gold_dir), str(work / "out")]
        subprocess.run(cmd + (["--errors", str(a.errors)] if a.errors else []), check=True)
        speed(work / "in")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def speed(input_dir: Path) -> None:
    """Characters per second of extract.timex.tag over the plain TEXT of every document."""
    from extract import timex
    from extract.timeml import read_document

    docs = []
    for f in sorted(input_dir.glob("*.tml")):
        _, text, _, dct = read_document(f.read_text(encoding="utf-8"))
        docs.append((text, dct))
    chars = sum(len(t) for t, _ in docs)
    timex.tag("warm up on Friday, Aug. 5-10.", date(2021, 7, 23))
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for text, dct in docs:
            timex.tag(text, dct)
        best = min(best, time.process_time() - t0)
    print(f"speed    {chars:,} characters in {best:.2f} s CPU = {chars / best:,.0f} characters/s (one core)")


if __name__ == "__main__":
    sys.exit(main())
