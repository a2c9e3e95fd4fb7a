"""The extraction pipeline: ingest -> clean -> sentences -> time expressions -> actors and places -> events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from extract import actors, clean, events, ingest, output, sentences, timex
from extract.model import Article, Event, Problem


def process(article: Article) -> tuple[Article, list[Event]]:
    """Run every stage on one article: the cleaned article and its events."""
    cleaned = replace(article, text=clean.clean(article.text))
    sents = sentences.split(cleaned.text)
    times = timex.tag(cleaned.text, cleaned.published, sents)
    mentions = actors.find(cleaned.text, sents)
    return cleaned, events.build(cleaned, sents, times, mentions)


def extract_all(
    paths: Iterable[str | Path], published: date | None = None, fallback: date | None = None,
    stored: Mapping[str, str] | None = None,
) -> Iterator[tuple[Article, list[Event]] | Problem]:
    """Process every article under `paths`; a bad file or a failing article yields a Problem, never stops.

    `published` dates every article; `fallback` only those that carry no publication date. `stored`
    ({id: output.text_key}) is what the destination holds: an id made from a file name that is taken there
    by another text gets a hash suffix, so a different article with the same file name never replaces it.
    """
    for item in ingest.read_inputs(paths, published, fallback):
        if isinstance(item, Problem):
            yield item
            continue
        if stored and item.id_from_name and stored.get(item.article_id) not in (
                None, output.text_key(clean.clean(item.text))):
            item = replace(item, article_id=ingest.id_with_text_hash(item.article_id, item.text))
        try:
            yield process(item)
        except Exception as exc:  # one article must never stop a batch
            yield Problem(item.origin or item.article_id, f"extraction failed: {type(exc).__name__}: {exc}")
