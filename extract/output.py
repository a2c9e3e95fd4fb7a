"""Write events.csv and articles.csv: atomically, merging with what the folder already holds."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from extract.model import ARTICLE_COLUMNS, EVENT_COLUMNS, Article, Event

EVENTS_FILE = "events.csv"
ARTICLES_FILE = "articles.csv"


def article_row(article: Article, n_events: int) -> dict[str, str]:
    """The articles.csv row for a cleaned article."""
    return {
        "article_id": article.article_id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published.isoformat() if article.published else "",
        "published_basis": article.published_basis,
        "n_events": str(n_events),
        "text": article.text,
    }


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file written by this module ([] when it does not exist)."""
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _write_atomic(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def merge_write(out_dir: str | Path, results: Iterable[tuple[Article, list[Event]]]) -> tuple[int, int]:
    """Store the articles and events of `results` in `out_dir`, replacing earlier rows of the same articles.

    Rows of other articles are kept, so re-runs are idempotent and nothing stored is lost or duplicated.
    Returns (articles stored, events stored) for this call.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    new_articles: dict[str, dict[str, str]] = {}
    new_events: dict[str, list[dict[str, str]]] = {}
    for article, events in results:
        new_articles[article.article_id] = article_row(article, len(events))
        new_events[article.article_id] = [e.row() for e in events]
    kept_articles = [r for r in read_rows(out / ARTICLES_FILE) if r["article_id"] not in new_articles]
    kept_events = [r for r in read_rows(out / EVENTS_FILE) if r["article_id"] not in new_articles]
    articles = sorted(kept_articles + list(new_articles.values()), key=lambda r: r["article_id"])
    events = kept_events + [row for rows in new_events.values() for row in rows]
    events.sort(key=lambda r: (r["article_id"], int(r["char_start"] or 0), r["date_start"], r["event_id"]))
    _write_atomic(out / EVENTS_FILE, EVENT_COLUMNS, events)
    _write_atomic(out / ARTICLES_FILE, ARTICLE_COLUMNS, articles)
    return len(new_articles), sum(len(v) for v in new_events.values())
