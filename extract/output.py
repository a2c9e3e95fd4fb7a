"""Write events.csv and articles.csv: atomically, merging with what the folder already holds."""

from __future__ import annotations

import csv
import hashlib
import heapq
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
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


def text_key(text: str) -> str:
    """A short fingerprint of an article's cleaned text, to tell two articles with one id apart."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def stored_articles(out_dir: str | Path) -> dict[str, str]:
    """The articles a folder already holds: {article_id: text_key of its cleaned text}."""
    return {r["article_id"]: text_key(r["text"]) for r in read_rows(Path(out_dir) / ARTICLES_FILE)}


def _stored(path: Path, replaced: set[str]) -> Iterator[dict[str, str]]:
    """The rows a CSV file holds, streamed, except those of the `replaced` articles."""
    if not path.exists():
        return
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row.get("article_id") not in replaced:
                yield row


def _write_merged(path: Path, columns: tuple[str, ...], new: list[dict[str, str]], replaced: set[str],
                  key: Callable[[dict[str, str]], tuple]) -> None:
    """Write the stored rows (less the replaced articles') merged in order with `new`, atomically."""
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(heapq.merge(_stored(path, replaced), sorted(new, key=key), key=key))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _event_order(row: dict[str, str]) -> tuple:
    return row["article_id"], int(row["char_start"] or 0), row["date_start"], row["event_id"]


def merge_write(out_dir: str | Path, results: Iterable[tuple[Article, list[Event]]]) -> None:
    """Store the articles and events of `results` in `out_dir`, replacing earlier rows of the same articles.

    Rows of other articles are kept, so re-runs are idempotent and nothing stored is lost or duplicated. The
    stored rows are streamed, not loaded: both files stay sorted (by article, then place in the text).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    articles: dict[str, dict[str, str]] = {}
    events: list[dict[str, str]] = []
    for article, found in results:
        articles[article.article_id] = article_row(article, len(found))
        events += [e.row() for e in found]
    replaced = set(articles)
    _write_merged(out / EVENTS_FILE, EVENT_COLUMNS, events, replaced, _event_order)
    _write_merged(out / ARTICLES_FILE, ARTICLE_COLUMNS, list(articles.values()), replaced,
                  lambda r: (r["article_id"],))
