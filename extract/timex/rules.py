"""The rule engine: compile knowledge/timex/rules.toml and find non-overlapping matches in a text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from extract import knowledge
from extract.timex.words import class_pattern, classes, holiday_pattern

_MACRO = re.compile(r"%([A-Z][A-Z0-9_]*)")
_NUMBERED_GROUP = re.compile(r"^([a-z]+?)\d$")
CONTEXT = 40  # characters of context that not_before / not_after look at


@dataclass(frozen=True)
class Rule:
    """One recognition rule: where its matches are, and which normaliser gives their value."""

    name: str
    type: str
    regex: re.Pattern
    normaliser: str
    params: dict
    priority: int = 0
    not_before: re.Pattern | None = None
    not_after: re.Pattern | None = None
    only_after: re.Pattern | None = None
    requires: tuple[str, ...] = ()  # lower-case words of which the text must hold one (a cheap pre-check)


@dataclass(frozen=True)
class Match:
    """A rule's match, with its groups merged under their base names ('unit2' -> 'unit')."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]


def expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace %NAME by a macro or a word class, recursively."""

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name in macros:
            return "(?:" + expand(macros[name], macros) + ")"
        if name == "HOLIDAY":
            return holiday_pattern()
        if name in classes():
            return class_pattern(name)
        raise KeyError(f"rules.toml: unknown macro %{name}")

    return _MACRO.sub(sub, pattern)


@cache
def load() -> tuple[Rule, ...]:
    """The compiled rules, in file order."""
    data = knowledge.toml_data("timex/rules.toml")
    macros = data["macros"]
    out = []
    for r in data["rule"]:
        body = expand(r["pattern"], macros)
        regex = re.compile(r"(?<![\w'’])(?:" + body + r")(?![\w])", re.I)
        before = re.compile(_at_end(expand(r["not_before"], macros)), re.I) if "not_before" in r else None
        after = re.compile(expand(r["not_after"], macros), re.I) if "not_after" in r else None
        needed = re.compile(_at_end(expand(r["only_after"], macros)), re.I) if "only_after" in r else None
        out.append(Rule(r["name"], r["type"], regex, r["value"], r.get("params", {}), r.get("priority", 0),
                        before, after, needed, tuple(r.get("requires", ()))))
    return tuple(out)


def _at_end(pattern: str) -> str:
    r"""A guard on the text just before a match, with "$" as "\Z": a newline right before the match is not skipped."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        elif ch == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(ch)
    return "(?:" + "".join(out) + r")\Z"


def _merged_groups(m: re.Match) -> dict[str, str | None]:
    groups: dict[str, str | None] = {}
    for name, value in m.groupdict().items():
        base = _NUMBERED_GROUP.sub(r"\1", name)
        if value is not None or base not in groups:
            groups[base] = value if value is not None else groups.get(base)
    return groups


def find(text: str, accept: Callable[[Match], bool] = lambda m: True) -> list[Match]:
    """All rule matches, then the longest of overlapping ones (ties: priority, then file order).

    `accept` may refuse a match (e.g. one no normaliser can give a value); a shorter one may then win.
    """
    candidates = []
    folded = " ".join(text.lower().split())
    for order, rule in enumerate(load()):
        if rule.requires and not any(word in folded for word in rule.requires):
            continue
        for m in rule.regex.finditer(text):
            start, end = m.span()
            if start == end:
                continue
            if rule.not_before and rule.not_before.search(text, max(0, start - CONTEXT), start):
                continue
            if rule.not_after and rule.not_after.match(text[end:end + CONTEXT]):
                continue
            if rule.only_after and not rule.only_after.search(text, max(0, start - CONTEXT), start):
                continue
            candidates.append((-(end - start), -rule.priority, order, start, end, rule, m))
    candidates.sort(key=lambda c: c[:4])
    taken: list[tuple[int, int]] = []
    chosen = []
    for *_, start, end, rule, m in candidates:
        if any(start < b and a < end for a, b in taken):
            continue
        match = Match(start, end, rule, _merged_groups(m))
        if not accept(match):
            continue
        taken.append((start, end))
        chosen.append(match)
    chosen.sort(key=lambda x: x.start)
    return chosen
