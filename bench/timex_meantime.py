"""The temporal tagger on a second corpus of news, NewsReader MEANTIME (English, corpus_apple): TempEval-3 scores.

    .venv/bin/python bench/timex_meantime.py [MEANTIME_DIR] [--errors N]

MEANTIME annotates time expressions in the title, the date line and the first four sentences of each Wikinews
article. Those sentences become the TEXT of a TimeML document whose DCT is the date line's value; the gold
TIMEX3 tags go into one copy, the other is tagged by `python -m extract timeml` and both are scored by
../shared/bench/te3_score.py, as bench/timebank.py does for TimeBank.
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actors_meantime import DEFAULT, read_tokens  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "bench" / "te3_score.py"
TIMEML = '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{id}</DOCID>\n<DCT>{dct}</DCT>\n<TEXT>\n{text}\n</TEXT>\n</TimeML>\n'


def timeml_pair(path: Path) -> tuple[str, str]:
    """(gold TimeML, untagged TimeML) of one MEANTIME document, over its fully annotated sentences."""
    root = ET.parse(path).getroot()
    text, offsets, scored_end = read_tokens(root)
    text = text[:scored_end]
    spans, dct = [], ""
    for n, t in enumerate(root.iter("TIMEX3")):
        anchors = [offsets[a.get("t_id")] for a in t.iter("token_anchor") if a.get("t_id") in offsets]
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value", "")
        if anchors and anchors[-1][1] <= scored_end:
            spans.append((anchors[0][0], anchors[-1][1], t.get("type", ""), t.get("value", ""), n + 1))
    tagged, pos = [], 0
    for start, end, kind, value, n in sorted(spans):
        if start < pos:  # overlapping gold tags cannot nest in TimeML: keep the first
            continue
        tagged.append(html.escape(text[pos:start], quote=False))
        tagged.append(f'<TIMEX3 tid="t{n}" type="{kind}" value="{value}">'
                      f"{html.escape(text[start:end], quote=False)}</TIMEX3>")
        pos = end
    tagged.append(html.escape(text[pos:], quote=False))
    dct_tag = f'<TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3>'
    doc_id = root.get("doc_id", path.stem)
    return (TIMEML.format(id=doc_id, dct=dct_tag, text="".join(tagged)),
            TIMEML.format(id=doc_id, dct=dct_tag, text=html.escape(text, quote=False)))


def tag_and_score(pairs: dict[str, tuple[str, str]], errors: int = 0) -> None:
    """Tag the untagged half of each (gold, untagged) TimeML pair with `python -m extract timeml`, then score."""
    work = Path(tempfile.mkdtemp(prefix="newsline-timex-"))
    try:
        for d in ("gold", "in"):
            (work / d).mkdir()
        for name, (gold, plain) in pairs.items():
            (work / "gold" / f"{name}.tml").write_text(gold, encoding="utf-8")
            (work / "in" / f"{name}.tml").write_text(plain, encoding="utf-8")
        py = sys.executable
        subprocess.run([py, "-m", "extract", "timeml", str(work / "in"), str(work / "out")], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        cmd = [py, str(SCORER), str(work / "gold"), str(work / "out")]
        subprocess.run(cmd + (["--errors", str(errors)] if errors else []), check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("meantime", nargs="?", default=DEFAULT, type=Path)
    ap.add_argument("--errors", type=int, default=0, help="print up to N disagreements")
    a = ap.parse_args()
    files = sorted(a.meantime.glob("*.xml")) if a.meantime.is_dir() else []
    if not files or not SCORER.is_file():
        print(f"no MEANTIME documents in {a.meantime} or no {SCORER} (../shared is not beside the checkout)")
        return 0
    print(f"MEANTIME corpus_apple: {len(files)} documents, title + date line + first four sentences each")
    tag_and_score({path.stem: timeml_pair(path) for path in files}, a.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
