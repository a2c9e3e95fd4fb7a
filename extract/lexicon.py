"""Words, shared by the actor, place and sentence stages: the tokenizer, whole-name matching (Gazetteer), the
word lists of names and clauses, and what a subject's next words say (a verb follows, it is passive).

Knowledge: abbreviations.txt, person_titles.tsv, org_heads.tsv, given_names.tsv, name_stopwords.txt,
actor_cues.tsv, actor_verbs.txt.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from extract import knowledge

# ---------------------------------------------------------------- word lists


@cache
def cues() -> dict[str, frozenset[str]]:
    """The word lists of actor_cues.tsv by cue name."""
    return {row[0]: frozenset(row[1].split()) for row in knowledge.table("actor_cues.tsv")}


@cache
def verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(all verb forms, reporting verb forms) from actor_verbs.txt, regular -s and -ed forms derived."""
    forms: set[str] = set()
    reporting: set[str] = set()
    for line in knowledge.lines("actor_verbs.txt"):
        words = line.split()
        is_reporting = words[0].startswith("!")
        base = words[0].lstrip("!")
        derived = {base, *words[1:]}
        if base.endswith("y") and base[-2:-1] not in "aeiou":
            derived |= {base[:-1] + "ies", base[:-1] + "ied"}
        elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
            derived |= {base + "es", base + "ed"}
        else:
            derived |= {base + "s", base + ("d" if base.endswith("e") else "ed")}
        forms |= derived
        if is_reporting:
            reporting |= derived
    return frozenset(forms), frozenset(reporting)


@cache
def stopwords() -> frozenset[str]:
    """Capitalised words that are never names (name_stopwords.txt)."""
    return frozenset(w for line in knowledge.lines("name_stopwords.txt") for w in line.lower().split())


@cache
def given_names() -> dict[str, str]:
    """Given name -> gender (m, f or -)."""
    return {row[0]: row[1] or "-" for row in knowledge.table("given_names.tsv", width=2)}


@cache
def title_words() -> dict[str, tuple[str, str]]:
    """Title word (lowercase) -> (part, gender), from person_titles.tsv."""
    return {row[0].lower(): (row[1], row[2] or "-") for row in knowledge.table("person_titles.tsv", width=3)}


@cache
def org_heads() -> dict[str, str]:
    """Organisation head word -> kind (ORGANIZATION, GROUP or PLACE)."""
    return {row[0]: row[1] for row in knowledge.table("org_heads.tsv")}


@cache
def period_words() -> frozenset[str]:
    """Words (lowercase) that keep a following period without ending a sentence: abbreviations.txt and the
    titles and organisation heads written with one ("Brig.", "Inc.")."""
    words = {w.lower() for w in knowledge.lines("abbreviations.txt")}
    for row in knowledge.table("person_titles.tsv") + knowledge.table("org_heads.tsv"):
        if row[0].endswith("."):
            words.add(row[0][:-1].lower())
    return frozenset(words)


# ---------------------------------------------------------------- tokens


class Token(NamedTuple):
    """A word, number or punctuation mark of a text, with its offsets."""

    start: int
    end: int
    text: str
    low: str  # lowercased, with typographic apostrophes and hyphens made plain


_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # initialisms: U.S., U.N., D.C.
    r"|[^\W\d_](?:[\w&]|['’](?=[^\W_]))*"  # words, with inner apostrophes and ampersands: O'Brien, AT&T
    r"|\d[\d.,]*\w*"  # numbers: 1,500, 3G
    r"|\S"  # any other character
)
_PLAIN = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-"})
_POSSESSIVE = re.compile(r"['’][sS]$")
HYPHENS = frozenset("-‐‑–")
DASHES = HYPHENS | {"—", "_"}  # what may follow a dateline ("MOSCOW (Reuters) -", "KYIV (AP) —", AP's "_")


def tokenize(text: str) -> list[Token]:
    """Tokens of `text`: possessive 's split off, periods kept on abbreviations and initials ("Gen.")."""
    periods = period_words()
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        a, b = m.span()
        word = m.group()
        if word == "." and out and out[-1].end == a:
            prev = out[-1]
            if prev.text[0].isalpha() and (prev.low in periods or (len(prev.text) == 1 and prev.text.isupper())):
                out[-1] = Token(prev.start, b, text[prev.start : b], prev.low + ".")
                continue
        if len(word) > 3 and _POSSESSIVE.search(word):
            out.append(Token(a, b - 2, word[:-2], word[:-2].lower().translate(_PLAIN)))
            a = b - 2
            word = word[-2:]
        out.append(Token(a, b, word, word.lower().translate(_PLAIN)))
    return out


def is_capitalised(token: Token) -> bool:
    """True for a word that starts with a capital letter."""
    return token.text[0].isupper()


def is_word(token: Token) -> bool:
    """True for a token that is a word (not a number or punctuation)."""
    return token.text[0].isalpha()


def joined(tokens: list[Token], i: int, j: int) -> bool:
    """True when tokens i and j (i < j) touch: no space between them."""
    return tokens[i].end == tokens[j].start


def is_possessive(token: Token) -> bool:
    """True for a possessive 's token."""
    return token.low in ("'s", "'")


# ---------------------------------------------------------------- names matched whole

_WORDS = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")


def _key(surface: str) -> str:
    return _SPACES.sub(" ", surface.translate(_PLAIN)).strip().lower()


def _case_ok(entry: str, surface: str) -> bool:
    """True when `surface` is written as `entry` may be: capitals where it has them, acronyms exactly."""
    ew, sw = _WORDS.findall(entry.translate(_PLAIN)), _WORDS.findall(surface.translate(_PLAIN))
    if len(ew) != len(sw):
        return False
    for e, s in zip(ew, sw, strict=True):
        if any(c.isupper() for c in e[1:]) or (len(e) > 1 and e.isupper()):
            if s != e and not (
                len(e) > 4 and s == e.upper()
            ):  # acronyms and mixed case: exactly (NATO, eBay)
                return False
        elif e[0].isupper() and not s[0].isupper():
            return False
    return True


class Gazetteer:
    """Names matched whole over tokens, longest first, with the case rules of `_case_ok`."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[str, object]]] = {}
        self._longest: dict[str, int] = {}

    def add(self, surface: str, value: object) -> None:
        """Index `value` under the name `surface` (first added wins among equal names and values)."""
        surface = surface.strip()
        tokens = tokenize(surface)
        if not tokens:
            return
        entries = self._index.setdefault(_key(surface), [])
        if all(v is not value for _, v in entries):
            entries.append((surface, value))
        first = tokens[0].low
        self._longest[first] = max(self._longest.get(first, 0), len(tokens))

    def __contains__(self, surface: str) -> bool:
        return _key(surface) in self._index

    def starts_name(self, low: str) -> bool:
        """True when some name begins with the (lowercase) word `low`."""
        return low in self._longest

    def match(self, text: str, tokens: list[Token], i: int) -> tuple[int, list] | None:
        """(number of tokens, values) of the longest name starting at token i, or None."""
        longest = self._longest.get(tokens[i].low)
        if not longest:
            return None
        start = tokens[i].start
        for n in range(min(longest, len(tokens) - i), 0, -1):
            surface = text[start : tokens[i + n - 1].end]
            entries = self._index.get(_key(surface))
            if entries:
                values = [v for s, v in entries if _case_ok(s, surface)]
                if values:
                    return n, values
        return None


# ---------------------------------------------------------------- after a subject


def skip_adverbs(tokens: list[Token], j: int) -> int:
    """The first index from j that is not an adverb ("also", "reportedly", "n't")."""
    adverbs = cues()["adverb"]
    while j < len(tokens) and (
        tokens[j].low in adverbs or (tokens[j].low.endswith("ly") and len(tokens[j].low) > 4)
    ):
        j += 1
    return j


def _skip_clause(tokens: list[Token], j: int) -> int:
    """After ", which/who ... ," (a relative clause or apposition of up to 25 tokens), the index after it."""
    if j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].low in cues()["relative"]:
        for k in range(j + 2, min(len(tokens), j + 27)):
            if tokens[k].text == ",":
                return k + 1
            if tokens[k].text in ".;:!?":
                break
    return j


def is_verb(token: Token) -> bool:
    """True for a lowercase word that reads as a finite verb or auxiliary."""
    low = token.low
    if not token.text[0].islower():
        return False
    forms, _ = verbs()
    return low in forms or low in cues()["auxiliary"] or (low.endswith("ed") and len(low) > 4)


def verb_after(tokens: list[Token], j: int) -> tuple[bool, bool]:
    """(a verb follows the subject ending before j, that verb is a passive "was hit"/"is occupied")."""
    j = skip_adverbs(tokens, _skip_clause(tokens, j))
    if j >= len(tokens) or not is_verb(tokens[j]):
        return False, False
    if tokens[j].low in cues()["be"]:
        k = skip_adverbs(tokens, j + 1)
        if k < len(tokens) and tokens[k].text[0].islower():
            low = tokens[k].low
            if low.endswith(("ed", "en")) or (low in verbs()[0] and not low.endswith("s")):
                return True, True
    return True, False
