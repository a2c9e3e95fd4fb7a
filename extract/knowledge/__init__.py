"""Newsline's knowledge: patterns, gazetteers, aliases and lexicons, kept as data files."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


def path(name: str) -> Path:
    """The path of a knowledge file."""
    return HERE / name


@cache
def lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of a plain-text list."""
    out = []
    for line in path(name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated file (comments and blank lines skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines(name))


@cache
def json_data(name: str):
    """A JSON knowledge file."""
    return json.loads(path(name).read_text(encoding="utf-8"))


