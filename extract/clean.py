"""Remove publisher boilerplate line by line: appeals, newsletter prompts, related-story lists, share lines.

The cues live in knowledge/boilerplate.tsv. Whole lines are removed, or the closing sentences of a paragraph
("... on Tuesday. This story has been updated. Donate today."), and the rest kept exactly as it was, so offsets
into the cleaned text stay meaningful. An appeal is found by its vocabulary, its voice (the publisher speaking to
"you") and its place: a run of lines, or of sentences, that closes the article.
"""

from __future__ import annotations

import re

from extract import knowledge
from extract.sentences import split

PROMPT_MAX_WORDS = 40  # a longer line is an article paragraph, whatever it mentions
HEADLINE_MAX_WORDS = 20  # a line of a related-story list
INLINE_APPEAL_MIN_SCORE = 4  # an appeal line inside the article needs this many cue points
BLOCK_MIN_SCORE = 4  # a closing appeal needs this many cue points in all
_WEIGHTS = {"strong": 2, "cue": 1}
_PATTERNS: dict[str, list[re.Pattern[str]]] = {}
for _kind, _pattern in knowledge.table("boilerplate.tsv"):
    _PATTERNS.setdefault(_kind, []).append(re.compile(_pattern, re.I))
_LEAD = re.compile(r"^[\s•*·▪►>–—-]+")  # bullets
_TAIL = re.compile(r"[\s.:!…|»›→]+$")
_SENTENCE_END = re.compile(r"[.!]['\"’”)]*$")


def clean(text: str) -> str:
    """`text` without boilerplate lines and closing sentences, the rest unchanged, joined with \\n and trimmed."""
    lines = text.split("\n")
    removed = _furniture(lines)
    scores = [_score(line) for line in lines]
    kinds = ["removed" if i in removed else _kind(line, scores[i]) for i, line in enumerate(lines)]
    for i, kind in enumerate(kinds):
        if kind == "cue" and _any("address", lines[i]) and scores[i] >= INLINE_APPEAL_MIN_SCORE:
            removed.add(i)  # an appeal box inside the article
    start = _closing_appeal(kinds, scores)
    kept = [line for i, line in enumerate(lines) if i not in removed and i < start]
    if start < len(lines):  # the appeal may begin inside its first line: the news before it stays
        cut = _closing_sentences(lines[start], judged=True)
        kept.append(lines[start][:cut if cut < len(lines[start]) else 0])
    while kept and not kept[-1].strip():
        kept.pop()
    if kept:  # boilerplate run into the last paragraph ("... on Tuesday. This story has been updated.")
        kept[-1] = kept[-1][:_closing_sentences(kept[-1], judged=False)]
    return "\n".join(kept).strip()


def _closing_sentences(line: str, judged: bool) -> int:
    """Where the boilerplate that closes a paragraph starts ("... on Tuesday. Donate today."): len(line) if none.

    From the end, a run of sentences that are furniture (a prompt, a button) or carry appeal cues and report no
    speech (in a line already `judged` an appeal, any spoken one); it goes when it holds furniture, an appeal
    addressed to the reader, or two spoken lines.
    """
    spans = [(s.start, s.end) for s in split(line)]
    run: list[tuple[int, str]] = []
    for start, end in reversed(spans):
        text = line[start:end]
        bare = _TAIL.sub("", _LEAD.sub("", text))
        furniture = any(p.fullmatch(bare) for p in _PATTERNS["ui"]) or (
            len(text.split()) <= PROMPT_MAX_WORDS and _any("prompt", text))
        score = _score(text)
        kind = "furniture" if furniture else _kind(text, score)
        if kind == "furniture" or kind in ("cue", "voice", "opener") and (score > 0 or judged):
            run.append((start, kind))
            continue
        break
    spoken = [k for _, k in run if k in ("cue", "voice", "opener")]
    if not ("furniture" in {k for _, k in run} or "cue" in spoken or len(spoken) >= 2):
        return len(line)
    return run[-1][0] if run[-1][0] > spans[0][0] else 0


def _any(kind: str, line: str) -> bool:
    return any(p.search(line) for p in _PATTERNS.get(kind, ()))


def _score(line: str) -> int:
    """Appeal cue points of a line: each strong cue 2, each other cue 1."""
    return sum(w for kind, w in _WEIGHTS.items() for p in _PATTERNS[kind] if p.search(line))


def _furniture(lines: list[str]) -> set[int]:
    """Lines that are page furniture wherever they stand: buttons, prompts, related-story lists."""
    removed: set[int] = set()
    in_list = False
    for i, line in enumerate(lines):
        lead = _LEAD.sub("", line)
        bare = _TAIL.sub("", lead)
        words = len(line.split())
        if not bare:
            continue
        if any(p.fullmatch(bare) for p in _PATTERNS["list"]):
            in_list = True
        elif in_list and words <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line.strip()):
            pass  # a headline under a list heading
        else:
            in_list = False
            if not (any(p.fullmatch(bare) for p in _PATTERNS["ui"])
                    or (words <= PROMPT_MAX_WORDS and _any("prompt", lead.rstrip()))):
                continue
        removed.add(i)
    return removed


def _kind(line: str, score: int) -> str:
    """blank | other (news) | opener | cue (appeal) | voice (publisher or reader addressed, no appeal)."""
    s = line.strip()
    if not s:
        return "blank"
    if _any("news", s) and not _any("publisher", s):
        return "other"
    spoken = _any("address", s) or _any("voice", s)
    if spoken and score >= 2:
        return "cue"  # an appeal, even one that opens like a message ("Support independent journalism. Donate.")
    if _any("opener", s):
        return "opener"
    return "voice" if spoken else "other"


def _closing_appeal(kinds: list[str], scores: list[int]) -> int:
    """Where the appeal that closes the article starts (len(kinds) when there is none)."""
    n = len(kinds)
    counted = [i for i in range(n) if kinds[i] not in ("blank", "removed")]
    if not counted or kinds[counted[-1]] == "other":
        return n  # the article ends with news
    run_start, gap = n, 0.0
    for i in reversed(counted):  # a run of appeal lines, at most two spoken or one other line apart
        if kinds[i] in ("cue", "opener"):
            run_start, gap = i, 0.0
            continue
        gap += 0.5 if kinds[i] == "voice" else 1.0
        if gap > 1:
            break
    start = n
    lines = others = cues = points = 0
    for i in reversed(counted):  # totals of the lines from i to the end
        lines, points = lines + 1, points + scores[i]
        others, cues = others + (kinds[i] == "other"), cues + (kinds[i] == "cue")
        opened = kinds[i] == "opener" and others <= lines / 3  # "Dear readers," may open a few plain lines
        if cues and points >= BLOCK_MIN_SCORE and (i == run_start or opened):
            start = i
    if start == n:
        return n
    k = counted.index(start)
    while k > 0 and kinds[counted[k - 1]] == "voice" and scores[counted[k - 1]] > 0:
        k -= 1  # a spoken line with appeal words just above it ("Independent media needs you.")
    return counted[k]
