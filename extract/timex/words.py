"""The tagger's word classes (knowledge/timex/words.toml), numbers and holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from extract import knowledge
from extract.timex import calendar as cal


@cache
def classes() -> dict[str, dict[str, object]]:
    """Every word class: {CLASS: {lowercased word: value}}."""
    data = knowledge.toml_data("timex/words.toml")
    return {name: {k.lower(): v for k, v in table.items()} for name, table in data.items()
            if name != "case_sensitive"}


@cache
def class_pattern(name: str) -> str:
    """A regex matching a class's words, longest first; case-sensitive classes match as written."""
    data = knowledge.toml_data("timex/words.toml")
    sensitive = name in data["case_sensitive"]["classes"]
    alternation = trie_pattern(data[name], fold=not sensitive)
    return f"(?-i:{alternation})" if sensitive else alternation


def trie_pattern(words: list[str], fold: bool = True) -> str:
    """One regex for a list of words, shared prefixes factored out (much faster than a flat alternation).

    A longer word still wins over its prefix, as in a longest-first alternation; a space matches any run.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in re.split(r"(\s+)", word.lower() if fold else word):
            for token in ([" "] if ch.isspace() else list(ch)):
                node = node.setdefault(token, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if t == " " else re.escape(t)) + build(child) for t, child in node.items() if t]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + build(trie) + ")"


def weekday_number(word: str | None) -> int | None:
    """The ISO weekday (1 = Monday) a weekday name or abbreviation names ("Monday", "Weds.")."""
    return lookup("WEEKDAY", word) or lookup("WEEKDAY_ABBR", word)


def month_number(word: str | None) -> int | None:
    """The month (1-12) a month name or abbreviation names ("September", "Sept.")."""
    return lookup("MONTH", word) or lookup("MONTH_ABBR", word)


def lookup(name: str, word: str | None):
    """The value of `word` in class `name` (case- and space-insensitive), or None."""
    if not word:
        return None
    return classes()[name].get(re.sub(r"\s+", " ", word.strip().rstrip(".").lower()))


_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def number(text: str, year: bool = False) -> int | float | str | None:
    """The number a phrase says: '24', '1,500', 'twenty-four', 'two hundred', 'several' -> 'X'.

    With year=True, read a spelled-out year: 'nineteen ninety-six' -> 1996, 'two thousand one' -> 2001.
    """
    t = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d*\.\d+", t):
        return float(t)
    whole = lookup("NUMBER", t)
    if whole is not None:
        return whole
    parts = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if not parts:
        return None
    if year and len(parts) >= 2 and parts[1] not in _SCALE:
        head = number(parts[0])
        rest = number(" ".join(parts[1:]))
        if isinstance(head, int) and isinstance(rest, int) and 10 <= head <= 20 and rest < 100:
            return head * 100 + rest
    total, current = 0, 0
    for w in parts:
        if w in _SCALE:
            current = max(current, 1) * _SCALE[w]
            if _SCALE[w] >= 1000:
                total, current = total + current, 0
            continue
        v = lookup("NUMBER", w)
        if not isinstance(v, int):
            return "X" if v == "X" else None
        current += v
    return total + current


@cache
def holidays() -> tuple[tuple[re.Pattern, str], ...]:
    """(name pattern, rule) for every holiday in knowledge/timex/holidays.tsv; an apostrophe may be curly."""
    return tuple((re.compile(name.replace("'", "['’]") + r"$", re.I), rule)
                 for name, rule in knowledge.table("timex/holidays.tsv"))


def holiday_pattern() -> str:
    """A regex alternation of all holiday names."""
    return "(?:" + "|".join(p.pattern[:-1] for p, _ in holidays()) + ")"


_MOVABLE_FEASTS = {"easter": cal.easter, "orthodox_easter": cal.orthodox_easter, "passover": cal.passover,
                   "lunar_new_year": cal.lunar_new_year}


@cache
def national_days() -> dict[str, dict[str, str]]:
    """Holiday name -> {ISO3: MM-DD} from knowledge/timex/national_days.tsv."""
    out: dict[str, dict[str, str]] = {}
    for name, country, day in knowledge.table("timex/national_days.tsv"):
        out.setdefault(name, {})[country] = day
    return out


def holiday_date(name: str, year: int, national: str | None = None) -> date:
    """The date of a named holiday in a year; `national` (MM-DD) for a national day of the country named."""
    for pattern, rule in holidays():
        if pattern.match(name.strip()):
            kind, *args = rule.split()
            if kind == "national":
                if not (national or args):
                    raise ValueError(f"{name!r}: no country named")
                args = [national or args[0]]
            if kind in ("fixed", "national"):
                month, day = map(int, args[0].split("-"))
                return date(year, month, day)
            if kind == "nth":
                month, weekday, n, *after = map(int, args)
                return cal.nth_weekday(year, month, weekday, n) + timedelta(days=after[0] if after else 0)
            if kind in _MOVABLE_FEASTS:  # so many days from Easter, Passover, ...
                return _MOVABLE_FEASTS[kind](year) + timedelta(days=int(args[0]))
            if kind == "hijri":
                return cal.hijri(year, int(args[0]), int(args[1]))
    raise ValueError(f"unknown holiday {name!r}")
