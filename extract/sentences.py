"""Split a cleaned text into sentences with character offsets."""

from __future__ import annotations

import re

from extract.lexicon import period_words
from extract.model import Sentence

# A candidate end: terminal punctuation, optional closing quotes/brackets, then space before a likely start.
_END = re.compile(r"""[.!?]+['"’”)\]]*(?=\s+['"‘“(\[]?[A-Z0-9])""")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[\"“'‘]?[A-Z0-9(])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot + 1)
    if not m:
        return False
    word = m.group(1)
    if "." in word or len(word) == 1:  # U.S., a.m., initials such as "J."
        return True
    return word.lower() in period_words()


def split(text: str) -> list[Sentence]:
    """Sentences of `text`, trimmed, with offsets into `text`. A blank line ends a sentence, and so does a line
    break before a capital, a digit, a quote or "("; other line breaks are wrapped lines inside a sentence."""
    cuts = {0, len(text)}
    for m in _PARAGRAPH.finditer(text):
        cuts.add(m.start())
    for m in _END.finditer(text):
        if m.group(0).startswith(".") and len(m.group(0).rstrip("'\"’”)]")) == 1 and _is_abbreviation(
            text, m.start()
        ):
            continue
        cuts.add(m.end())
    out = []
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:], strict=False):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            out.append(Sentence(a + lead, a + lead + len(body), body))
    return out
