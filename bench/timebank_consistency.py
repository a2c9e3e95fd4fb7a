"""How far TimeBank's gold TIMEX3 annotations agree with themselves, and the value F1 that leaves a consistent tagger.

    .venv/bin/python bench/timebank_consistency.py [TIMEBANK_DIR] [--list N]

A tagger that reads the same words the same way (as every rule-based or learned tagger does, given the same
context) cannot match gold that annotates them in two ways. Two kinds are counted, both from the gold alone:
  shape    the same expression text annotated with values of different shapes ("last week" as 1998-W32,
           1998-WXX, P1W, 1998-08, 1998-08-04): whichever shape a tagger picks, the others are wrong
  tagged   a word the gold tags as a whole expression of a general reference or a set (now, currently,
           recently, soon, daily, ...) left untagged elsewhere: a tagger either tags all or none
For each group the majority choice is counted as right, the rest as unavoidable errors; the ceiling assumes
every other expression in the corpus is found with its exact value.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "bench"))
REFERENCES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("timebank", nargs="?", default=SHARED / "data" / "timebank", type=Path)
    ap.add_argument("--list", type=int, default=10, help="how many of the largest disagreements to show")
    a = ap.parse_args()
    files = sorted(a.timebank.rglob("*.tml")) if a.timebank.is_dir() else []
    if not files:
        print(f"no TimeML documents in {a.timebank} (../shared is not beside the checkout)")
        return 0
    from te3_score import timexes  # the scorer's reading: (text, [(start, end, type, value, surface)])

    docs = [(text, [t[:4] for t in spans]) for text, spans in map(timexes, files)]
    shapes: dict[str, Counter] = defaultdict(Counter)
    single_words: set[str] = set()
    for text, spans in docs:
        for start, end, kind, value in spans:
            surface = " ".join(text[start:end].lower().split())
            shapes[surface][shape(value)] += 1
            if re.fullmatch(r"[a-z]+", surface) and (value in REFERENCES or kind == "SET"):
                single_words.add(surface)
    gold = sum(len(spans) for _, spans in docs)
    shape_rows = []
    for surface, counts in shapes.items():
        minority = sum(counts.values()) - counts.most_common(1)[0][1]
        if minority:
            shape_rows.append((minority, surface, counts))
    tagged, untagged = Counter(), Counter()
    for text, spans in docs:
        for m in re.finditer(r"[A-Za-z]+", text):
            word = m.group(0).lower()
            if word not in single_words:
                continue
            inside = [s for s in spans if s[0] < m.end() and m.start() < s[1]]
            if not inside:
                untagged[word] += 1
            elif inside[0][1] - inside[0][0] == len(word):
                tagged[word] += 1
    missed = sum(min(tagged[w], untagged[w]) for w in single_words if tagged[w] <= untagged[w])
    spurious = sum(untagged[w] for w in single_words if tagged[w] > untagged[w])
    wrong_shape = sum(r[0] for r in shape_rows)
    correct = gold - missed - wrong_shape
    system = gold - missed + spurious
    ceiling = 2 * correct / (system + gold)
    print(f"TimeBank gold: {len(files)} documents, {gold} TIMEX3")
    print(f"shape    {wrong_shape:4d} timexes ({wrong_shape / gold:.1%}) whose text the gold annotates with a "
          f"value of another shape more often")
    print(f"tagged   {missed + spurious:4d} occurrences of {len(single_words)} reference/set words annotated "
          f"against their majority ({missed} tagged where most are not, {spurious} untagged where most are)")
    print(f"ceiling  value F1 <= {ceiling:.3f} for a tagger that reads the same words the same way and is "
          f"right on everything else")
    print(f"\nlargest shape disagreements (of {len(shape_rows)}):")
    for minority, surface, counts in sorted(shape_rows, key=lambda r: -r[0])[:a.list]:
        print(f"  {minority:3d}  {surface!r}: " + ", ".join(f"{k} x{v}" for k, v in counts.most_common()))
    print("\nreference/set words, tagged / untagged:")
    rows = sorted(single_words, key=lambda w: -(tagged[w] + untagged[w]))
    print("  " + ", ".join(f"{w} {tagged[w]}/{untagged[w]}" for w in rows[:3 * a.list]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
