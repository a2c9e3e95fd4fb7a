"""How far TimeBank's gold TIMEX3 annotations agree with themselves, and the value F1 that leaves a consistent tagger.

    .venv/bin/python bench/timebank_consistency.py [TIMEBANK_DIR] [--list N]

A tagger that reads the same words the same way (as every rule-based or learned tagger does, given the same
context) cannot match gold that annotates them in two ways. Two kinds are counted, both from the gold alone:
  shape    the same expression text (up to its digits) annotated with values of different shapes ("last week"
           as 1998-W32, 1998-WXX, P1W, 1998-08, 1998-08-04; "1949" as 1949 and 1949-XX): whichever shape a
           tagger picks, the others are wrong
  tagged   a word the gold tags as a whole expression of a general reference or a set (now, currently,
           recently, soon, daily, ...) left untagged elsewhere: a tagger either tags all or none
For each group the majority choice is counted as right, the rest as unavoidable errors; the ceiling assumes
every other expression in the corpus is found with its exact value.

With --audit OUT (a folder of the tagger's TimeML output for the same documents), every error of the tagger is
put in one of these classes, and the value F1 is recomputed as if every error left unexplained were fixed:
  minority   the gold gives these words a value shape it gives them less often elsewhere, ours has the usual one
  tagged     words tagged (or not) as the gold does in most places it has them, against this occurrence
  malformed  the gold value is not a well-formed TIMEX3 value ("2000-W7", "PM6", "P1E")
  dct        a weekday whose gold date is another weekday, or a lone weekday or today/yesterday/tomorrow whose
             gold date no reading from the document's DCT gives
  open       everything else: the tagger's own errors, and gold errors no check here recognises
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "bench"))
REFERENCES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_X = r"(?:\d|X)"
WELL_FORMED = re.compile(  # TIMEX3 values: calendar dates and times, weeks, parts of year, durations, references
    rf"(?:{_X}{{4}}(?:-(?:{_X}{{2}}(?:-{_X}{{2}})?|W{_X}{{2}}(?:-(?:{_X}|WE))?|Q{_X}|H{_X}|SP|SU|FA|WI))?"
    rf"(?:T(?:\d\d(?::\d\d(?::\d\d)?)?|MO|AF|EV|NI|DT|MI))?|{_X}{{2,3}}"
    rf"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|H|DE|CE|ML|WE|L|C|E))+(?:T(?:(?:\d+|X)[HMS])+)?|PT(?:(?:\d+|X)[HMS])+"
    rf"|PAST_REF|PRESENT_REF|FUTURE_REF)")
DAY_WORDS = re.compile(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)")


def shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("timebank", nargs="?", default=SHARED / "data" / "timebank", type=Path)
    ap.add_argument("--list", type=int, default=10, help="how many of the largest disagreements to show")
    ap.add_argument("--audit", type=Path, help="a folder of the tagger's TimeML output: classify its errors")
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
            shapes[shape(surface)][shape(value)] += 1
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
    if a.audit:
        usual = {surface: counts.most_common(1)[0][0] for surface, counts in shapes.items()}
        mostly_tagged = {w for w in single_words if tagged[w] > untagged[w]}
        audit(files, a.audit, usual, single_words, mostly_tagged, timexes, a.list)
    return 0


def audit(files: list[Path], out_dir: Path, usual: dict[str, str], single_words: set[str],
          mostly_tagged: set[str], timexes, show: int) -> None:
    """Classify each error of the tagger's output in `out_dir`, then the value F1 with the open ones fixed."""
    classes: dict[str, list[str]] = defaultdict(list)
    gold_n = system_n = correct = 0
    usually_tagged = _usually_tagged(files, timexes)
    for f in files:
        text, gold = timexes(f)
        _, system = timexes(out_dir / f.name) if (out_dir / f.name).exists() else (text, [])
        dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", f.read_text(encoding="utf-8"), re.S)
        gold_n, system_n = gold_n + len(gold), system_n + len(system)
        for gs, ge, _, gv, gx in gold:
            overlap = [s for s in system if s[0] < ge and gs < s[1]]
            if overlap and any(s[3] == gv for s in overlap):
                correct += 1
                continue
            surface = " ".join(gx.lower().split())
            ours = overlap[0][3] if overlap else None
            line = f"{f.name}: {gx!r} gold={gv} ours={ours}"
            if not WELL_FORMED.fullmatch(gv):
                kind = "malformed"
            elif dct and _impossible_day(surface, gv, _date(dct.group(1))):
                kind = "dct"
            elif ours is None and surface in single_words and surface not in mostly_tagged:
                kind = "tagged"
            elif ours is not None and shape(gv) != usual[shape(surface)] and shape(ours) == usual[shape(surface)]:
                kind = "minority"
            else:
                kind = "open"
            classes[kind + (" missed" if ours is None else " value")].append(line)
        for ss, se, _, sv, sx in system:
            if not any(ss < g[1] and g[0] < se for g in gold):
                words = " ".join(sx.lower().split())
                kind = "tagged" if words in mostly_tagged or words in usually_tagged else "open"
                classes[kind + " spurious"].append(f"{f.name}: {sx!r} ours={sv}")
    value_f1 = 2 * correct / (gold_n + system_n)
    fixable = len(classes["open value"]) + len(classes["open missed"])
    best = 2 * (correct + fixable) / (gold_n + system_n - len(classes["open spurious"]))
    print(f"\naudit of {out_dir}: value F1 {value_f1:.3f} ({correct} of {gold_n} gold values, {system_n} tagged)")
    for kind in sorted(classes):
        print(f"  {kind:18s} {len(classes[kind]):4d}")
    print(f"value F1 if every open error were fixed: {best:.3f}")
    for kind in sorted(classes):
        if kind.startswith("open") and show:
            print(f"\n{kind} (first {show}):")
            print("\n".join("  " + line for line in classes[kind][:show]))


def _usually_tagged(files: list[Path], timexes) -> set[str]:
    """Expressions (lower-cased words) the gold tags, as a whole, in most of the places the text has them."""
    docs = [timexes(f) for f in files]
    tagged: Counter = Counter(" ".join(sx.lower().split()) for _, spans in docs for *_, sx in spans)
    patterns = [(w, re.compile(r"(?<![\w'’-])" + re.escape(w) + r"(?![\w'’-])")) for w in tagged]
    seen: Counter = Counter()
    for text, _ in docs:
        folded = " ".join(text.lower().split())
        for words, pattern in patterns:
            if words in folded:
                seen[words] += len(pattern.findall(folded))
    return {w for w, n in tagged.items() if 2 * n > seen[w]}


def _impossible_day(surface: str, value: str, dct) -> bool:
    """True when a gold weekday falls on another weekday, or a day word lies further from the DCT than it can."""
    m = DAY_WORDS.search(surface)
    if not m or not re.match(r"\d{4}-\d\d-\d\d", value):
        return False
    day, word = _date(value[:10]), m.group(0)
    if word in ("today", "yesterday", "tomorrow"):
        return surface == word and abs((day - dct).days) > 1
    named = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday").index(word) + 1
    return day.isoweekday() != named or (surface == word and abs((day - dct).days) > 7)


def _date(iso: str) -> date:
    return date.fromisoformat(iso)


if __name__ == "__main__":
    sys.exit(main())
