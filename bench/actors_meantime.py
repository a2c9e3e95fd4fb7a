"""Actor and place mention detection scored on NewsReader MEANTIME (English, corpus_apple).

    .venv/bin/python bench/actors_meantime.py [MEANTIME_DIR] [--errors N]

Gold: entity mentions linked to PERSON, ORGANIZATION and LOCATION entities. Each document's tokens are
joined back into plain text and given to extract.actors.find. MEANTIME annotates the title and the first
sentences of each article in full (FULL_SENTENCES, the date line included) and only some mentions after
them, so mentions are scored there. Recall counts named gold mentions (NAM, PRE.NAM) that a system mention
of the same class overlaps; precision counts system mentions that overlap a gold mention of the same class
of any syntactic type (so "he" may match a pronoun mention). Classes: PERSON; ORGANIZATION = ORGANIZATION +
GROUP; LOCATION = COUNTRY + PLACE + GOVERNMENT.
Also lists the people and organisations found, by canonical name, to check that they carry full names.
"""

from __future__ import annotations

import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract import actors, sentences  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime-apple"
GOLD_CLASS = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
SYSTEM_CLASS = {
    "PERSON": "PERSON",
    "ORGANIZATION": "ORGANIZATION",
    "GROUP": "ORGANIZATION",
    "COUNTRY": "LOCATION",
    "PLACE": "LOCATION",
    "GOVERNMENT": "LOCATION",
}
NAMED = {"NAM", "PRE.NAM"}
FULL_SENTENCES = 6  # title, date line and the first four sentences of the body
NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m|'')$")
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def read_tokens(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]], int]:
    """The document's tokens joined back into text, each token's (start, end), end of the fully annotated part."""
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length, last_sentence, previous, scored_end = 0, None, "", 0
    for token in root.iter("token"):
        word = token.text or ""
        shown = '"' if word in ("``", "''") else word
        if last_sentence is not None and token.get("sentence") != last_sentence:
            parts.append("\n")
            length += 1
        elif (
            parts
            and not NO_SPACE_BEFORE.match(word)
            and previous not in NO_SPACE_AFTER
            and not (
                word == "-" or previous == "-" or re.match(r"'[A-Z]", word)  # "Wal-Mart", "O'Reilly"
            )
        ):
            parts.append(" ")
            length += 1
        offsets[token.get("t_id")] = (length, length + len(shown))
        if int(token.get("sentence") or 0) < FULL_SENTENCES:
            scored_end = length + len(shown)
        parts.append(shown)
        length += len(shown)
        last_sentence, previous = token.get("sentence"), word
    return "".join(parts), offsets, scored_end


def read_document(path: Path) -> tuple[str, int, list[tuple[str, str, int, int]]]:
    """Text, end of the fully annotated part, gold mentions (class, syntactic type, start, end)."""
    root = ET.parse(path).getroot()
    text, offsets, scored_end = read_tokens(root)
    entity_type = {e.get("m_id"): e.get("ent_type") for e in root.iter("ENTITY")}
    refers: dict[str, str] = {}
    for link in root.iter("REFERS_TO"):
        target = link.find("target")
        for source in link.findall("source"):
            if target is not None:
                refers[source.get("m_id")] = entity_type.get(target.get("m_id"), "")
    gold = []
    for mention in root.iter("ENTITY_MENTION"):
        cls = GOLD_CLASS.get(refers.get(mention.get("m_id"), ""))
        anchors = [offsets[a.get("t_id")] for a in mention.iter("token_anchor") if a.get("t_id") in offsets]
        if cls and anchors:
            gold.append((cls, mention.get("syntactic_type") or "", anchors[0][0], anchors[-1][1]))
    return text, scored_end, gold


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    show = int(argv[argv.index("--errors") + 1]) if "--errors" in argv else 0
    if show:
        args = [a for a in args if a != str(show)]
    folder = Path(args[0]) if args else DEFAULT
    files = sorted(folder.glob("*.xml")) if folder.is_dir() else []
    if not files:
        print(f"no MEANTIME documents in {folder} (../shared is not beside the checkout): nothing to score")
        return 0
    found = Counter()  # named gold mentions found, by class
    gold_named = Counter()
    correct = Counter()  # system mentions overlapping gold
    system = Counter()
    kinds = Counter()
    names: dict[str, Counter] = defaultdict(Counter)
    misses: list[str] = []
    spurious: list[str] = []
    elapsed, chars, texts = 0.0, 0, []
    for path in files:
        text, scored_end, gold = read_document(path)
        chars += len(text)
        texts.append(text)
        started = time.perf_counter()
        mentions = actors.find(text, sentences.split(text))
        elapsed += time.perf_counter() - started
        for m in mentions:
            if m.start >= scored_end:
                continue
            cls = SYSTEM_CLASS[m.kind]
            system[cls] += 1
            kinds[m.kind] += 1
            if m.kind in ("PERSON", "ORGANIZATION", "GROUP"):
                names[m.kind][m.name] += 1
            if any(g[0] == cls and g[2] < m.end and m.start < g[3] for g in gold):
                correct[cls] += 1
            else:
                spurious.append(f"{path.name[:28]:28}  {cls:12} {m.text!r} ({m.kind} {m.name})")
        for cls, syntactic, a, b in gold:
            if syntactic not in NAMED or a >= scored_end:
                continue
            gold_named[cls] += 1
            if any(SYSTEM_CLASS[m.kind] == cls and a < m.end and m.start < b for m in mentions):
                found[cls] += 1
            else:
                misses.append(f"{path.name[:28]:28}  {cls:12} {text[a:b]!r}")
    print(
        f"MEANTIME corpus_apple: {len(files)} documents, {chars / len(files):.0f} characters on average; "
        f"actors.find {1000 * elapsed / len(files):.1f} ms a document"
    )
    print(
        f"scored: mentions in the first {FULL_SENTENCES} sentences of each document, its fully annotated part"
    )
    print(f"a 5,000-character article (documents joined): {1000 * _time_long(texts):.1f} ms")
    print(f"{'class':14} {'gold':>5} {'found':>6} {'system':>7} {'correct':>8} {'P':>6} {'R':>6} {'F1':>6}")
    total = Counter()
    for cls in ("PERSON", "ORGANIZATION", "LOCATION"):
        row = (gold_named[cls], found[cls], system[cls], correct[cls])
        total.update({"gold": row[0], "found": row[1], "system": row[2], "correct": row[3]})
        print(_row(cls, *row))
    print(_row("all", total["gold"], total["found"], total["system"], total["correct"]))
    print("system mentions by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    for kind in ("PERSON", "ORGANIZATION", "GROUP"):
        if names[kind]:
            listed = ", ".join(f"{n} ({c})" for n, c in names[kind].most_common(25))
            print(f"{kind} names: {listed}")
    if show:
        print(f"\nmissed named gold mentions (first {show} of {len(misses)}):")
        print("\n".join(misses[:show]))
        print(f"\nsystem mentions with no gold mention (first {show} of {len(spurious)}):")
        print("\n".join(spurious[:show]))
    return 0


def _time_long(texts: list[str]) -> float:
    """Seconds actors.find takes on the first 5,000 characters of the documents joined (best of 5)."""
    text = "\n".join(texts)[:5000]
    sents = sentences.split(text)
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        actors.find(text, sents)
        best = min(best, time.perf_counter() - started)
    return best


def _row(cls: str, gold: int, found: int, system: int, correct: int) -> str:
    p = correct / system if system else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{cls:14} {gold:5d} {found:6d} {system:7d} {correct:8d} {p:6.3f} {r:6.3f} {f:6.3f}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
