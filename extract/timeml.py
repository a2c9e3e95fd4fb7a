"""TimeML in and out: tag the TEXT of TimeML documents with TIMEX3 elements, leaving the text unchanged."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from extract import timex
from extract.model import Problem, Timex

_TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
_DCT = re.compile(r"<DCT>(?:(?!</DCT>).)*?value=[\"'](\d{4})-?(\d\d)-?(\d\d)", re.S)  # 2013-03-22, 20130322
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def plain_with_offsets(raw: str) -> tuple[str, list[int]]:
    """The text of `raw` with entities decoded, and for each of its characters the offset in `raw`."""
    out, offsets, pos = [], [], 0
    for m in _ENTITY.finditer(raw):
        for i in range(pos, m.start()):
            out.append(raw[i])
            offsets.append(i)
        decoded = html.unescape(m.group(0))
        for ch in decoded:
            out.append(ch)
            offsets.append(m.start())
        pos = m.end()
    for i in range(pos, len(raw)):
        out.append(raw[i])
        offsets.append(i)
    offsets.append(len(raw))
    return "".join(out), offsets


def insert_tags(raw: str, timexes: list[Timex], offsets: list[int]) -> str:
    """`raw` with a TIMEX3 element around each expression (offsets map plain characters to `raw`)."""
    pieces, pos = [], 0
    for n, t in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        a, b = offsets[t.start], offsets[t.end]
        if a < pos:
            continue
        attrs = f'tid="t{n}" type="{t.type}" value="{html.escape(t.value, quote=True)}"'
        pieces += [raw[pos:a], f"<TIMEX3 {attrs}>", raw[a:b], "</TIMEX3>"]
        pos = b
    pieces.append(raw[pos:])
    return "".join(pieces)


def read_document(document: str) -> tuple[re.Match, str, list[int], date | None]:
    """(the TEXT match, its plain text, offsets of the plain characters in TEXT, the DCT) of a TimeML document."""
    m = _TEXT.search(document)
    if not m:
        raise ValueError("no <TEXT> element")
    dct_match = _DCT.search(document)
    dct = date(*map(int, dct_match.groups())) if dct_match else None
    plain, offsets = plain_with_offsets(m.group(2))
    return m, plain, offsets, dct


def tag_document(document: str) -> str:
    """A TimeML document with TIMEX3 tags added inside TEXT, resolved against its DCT."""
    m, plain, offsets, dct = read_document(document)
    found = timex.tag(plain, dct, join_ranges=False)
    return document[:m.start(2)] + insert_tags(m.group(2), found, offsets) + document[m.end(2):]


def tag_folder(in_dir: str | Path, out_dir: str | Path) -> tuple[int, list[Problem]]:
    """Tag every *.tml file of `in_dir` (recursively) into `out_dir`; (documents written, problems)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written, problems = 0, []
    for f in sorted(Path(in_dir).rglob("*.tml")):
        try:
            with open(f, encoding="utf-8", newline="") as src:  # newline="": CRLF files stay byte-identical
                tagged = tag_document(src.read())
            with open(out / f.name, "w", encoding="utf-8", newline="") as dst:
                dst.write(tagged)
            written += 1
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            problems.append(Problem(str(f), f"not tagged: {exc}"))
    return written, problems
