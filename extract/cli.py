"""The command line: `python -m extract run|timeml|tag ...`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tqdm import tqdm

from extract import ingest, output, pipeline
from extract.model import Problem, RunSummary


def _iso_date(text: str) -> date:
    try:
        when = date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from exc
    if not ingest.plausible(when):
        first, last = ingest.PLAUSIBLE_DATES
        raise argparse.ArgumentTypeError(f"not a publication date: {text!r} (give one from {first} to {last})")
    return when


def run(inputs: list[str], out_dir: str, published: date | None = None) -> RunSummary:
    """Extract events from `inputs` into `out_dir`; report problems and a summary on stderr."""
    summary = RunSummary()
    results = []
    stored = output.stored_articles(out_dir)
    bar = tqdm(pipeline.extract_all(inputs, published, stored=stored), desc="articles", unit=" art", delay=2.0,
               file=sys.stderr, leave=False)
    for item in bar:
        if isinstance(item, Problem):
            summary.problems.append(item)
            tqdm.write(f"skipped {item}", file=sys.stderr)
            continue
        article, events = item
        results.append(item)
        summary.articles_read += 1
        unanchored = sum(e.date_basis == "unanchored" for e in events)
        summary.events_written += len(events)
        summary.events_unanchored += unanchored
        if article.published is None:
            summary.undated_articles.append(article.article_id)
    if results:
        output.merge_write(out_dir, results)
    print(summary_line(summary, out_dir), file=sys.stderr)
    return summary


def summary_line(summary: RunSummary, out_dir: str) -> str:
    """The closing summary of a run, in plain words."""
    parts = [f"read {summary.articles_read} article(s)"]
    if summary.problems:
        reasons: dict[str, int] = {}
        for p in summary.problems:
            key = p.reason.split(":")[0]
            reasons[key] = reasons.get(key, 0) + 1
        detail = ", ".join(f"{n} {why}" for why, n in sorted(reasons.items()))
        parts.append(f"skipped {len(summary.problems)} ({detail})")
    parts.append(f"wrote {summary.events_written} event(s) to {Path(out_dir) / output.EVENTS_FILE}")
    parts.append(f"{summary.events_unanchored} unanchored")
    line = "; ".join(parts)
    if summary.undated_articles:
        names = ", ".join(summary.undated_articles[:5]) + (" ..." if len(summary.undated_articles) > 5 else "")
        line += (
            f"\nno publication date for {len(summary.undated_articles)} article(s) ({names}): "
            "their relative dates (\"Friday\", \"next week\", \"this month\") cannot be anchored and are left "
            "unanchored. Give the date with --published YYYY-MM-DD, a 'published' field, or a sidecar NAME.json."
        )
    return line


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m extract`."""
    ap = argparse.ArgumentParser(prog="python -m extract", description="Newsline: dated events from news.")
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="extract events from articles into DIR/events.csv and DIR/articles.csv")
    r.add_argument("inputs", nargs="+", help="files or folders (.txt, .html, .json, .jsonl, .csv)")
    r.add_argument("--out", required=True, help="output folder (merged with what it holds)")
    r.add_argument("--published", type=_iso_date,
                   help="publication date for every article (wins over dates in metadata, URL or text)")
    t = sub.add_parser("timeml", help="tag TIMEX3 expressions in TimeML documents (DCT + TEXT)")
    t.add_argument("in_dir")
    t.add_argument("out_dir")
    g = sub.add_parser("tag", help="print the time expressions of a text")
    g.add_argument("text")
    g.add_argument("--published", type=_iso_date)
    a = ap.parse_args(argv)
    if a.command == "run":
        summary = run(a.inputs, a.out, a.published)
        return 0 if summary.articles_read else 1
    if a.command == "timeml":
        from extract import timeml

        n, problems = timeml.tag_folder(a.in_dir, a.out_dir)
        for p in problems:
            print(f"skipped {p}", file=sys.stderr)
        print(f"tagged {n} document(s) into {a.out_dir}", file=sys.stderr)
        return 0 if n else 1
    from extract import sentences, timex

    for t in timex.tag(a.text, a.published, sentences.split(a.text)):
        end = f"..{t.end_value}" if t.end_value else ""
        print(f"{t.start}-{t.end}\t{t.text!r}\t{t.type}\t{t.value}{end}\t{t.reason}")
    return 0
