"""Shared by the tests: where the bundled source articles are."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "data" / "articles"  # the two seed articles, with sidecar metadata
