"""Newsline's knowledge: patterns, gazetteers, aliases and lexicons, kept as data files."""

from __future__ import annotations

import json
import tomllib
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
def table(name: str, width: int = 0) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated file (comments and blank lines skipped), padded with "" to `width` cells."""
    rows = (tuple(cell.strip() for cell in line.split("\t")) for line in lines(name))
    return tuple(row + ("",) * (width - len(row)) for row in rows)


@cache
def toml_data(name: str) -> dict:
    """A TOML knowledge file."""
    return tomllib.loads(path(name).read_text(encoding="utf-8"))


@cache
def json_data(name: str):
    """A JSON knowledge file."""
    return json.loads(path(name).read_text(encoding="utf-8"))
