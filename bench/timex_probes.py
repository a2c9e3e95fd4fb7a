"""The temporal tagger on Newsline's hand-annotated probe sentences (bench/probes): TempEval-3 scores.

    .venv/bin/python bench/timex_probes.py [TSV ...] [--errors N]

Each line of a probe file (DCT, text, gold TIMEX3 annotations; see bench/probes/README.md) becomes a TimeML
document; the copy without tags is tagged by `python -m extract timeml` and scored by ../shared/bench/te3_score.py.
The development files and the held-out file are scored apart.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timex_meantime import SCORER, TIMEML, tag_and_score  # noqa: E402

PROBES = Path(__file__).resolve().parent / "probes"


def timeml_pair(dct: str, text: str, annotations: str, doc_id: str) -> tuple[str, str]:
    """(gold TimeML, untagged TimeML) of one probe line; each annotated span is found after the previous one."""
    tagged, pos = [], 0
    for n, item in enumerate(a.strip() for a in annotations.split(";") if a.strip()):
        span, _, kind_value = item.rpartition("=")
        kind, _, value = kind_value.partition(":")
        start = text.find(span, pos)
        if not span or start < 0:
            raise ValueError(f"{doc_id}: '{span}' is not in the text after offset {pos}")
        tagged.append(html.escape(text[pos:start], quote=False))
        tagged.append(f'<TIMEX3 tid="t{n + 1}" type="{kind}" value="{value}">{html.escape(span, quote=False)}</TIMEX3>')
        pos = start + len(span)
    tagged.append(html.escape(text[pos:], quote=False))
    dct_tag = f'<TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3>'
    return (TIMEML.format(id=doc_id, dct=dct_tag, text="".join(tagged)),
            TIMEML.format(id=doc_id, dct=dct_tag, text=html.escape(text, quote=False)))


def read_probes(path: Path) -> dict[str, tuple[str, str]]:
    """{document name: (gold, untagged)} for every line of a probe file."""
    pairs = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        dct, text, annotations = (line.split("\t") + ["", ""])[:3]
        name = f"{path.stem}-{number:03d}"
        pairs[name] = timeml_pair(dct, text, annotations, name)
    return pairs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="probe files (default: all of bench/probes)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N disagreements")
    a = ap.parse_args()
    if not SCORER.is_file():
        print(f"no {SCORER} (../shared is not beside the checkout)")
        return 0
    files = a.files or sorted(PROBES.glob("*.tsv"))
    groups = {"development": [f for f in files if not f.stem.startswith("heldout")],
              "held-out": [f for f in files if f.stem.startswith("heldout")]}
    for label, members in groups.items():
        if members:
            pairs = {name: pair for f in members for name, pair in read_probes(f).items()}
            print(f"\n{label}: {', '.join(f.name for f in members)} ({len(pairs)} texts)")
            tag_and_score(pairs, a.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
