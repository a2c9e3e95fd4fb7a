"""Benchmark the dashboard on 1,000,000 synthetic events: load time, filter + figure time, peak memory, AppTest.

    .venv/bin/python bench/dashboard_bench.py [--events 1000000] [--keep DIR]

Writes synthetic events (and their articles) into a temporary upload store, then measures each step in a
fresh process: the first load (CSV parsed, Parquet cache written), a cold load (new process, cache present),
typical filters with the timeline and its figure, and the page itself under streamlit's AppTest. Peak memory
is the process's maximum resident set size (getrusage), not tracemalloc's Python-only count.
Targets (issue 4): filter + figure <= 1 s, cold load <= 5 s, peak memory <= 1.5 GB. Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.model import ARTICLE_COLUMNS, EVENT_COLUMNS  # noqa: E402

EVENT_TYPES = ["statement", "meeting", "military_posture", "armed_clash", "visit", "military_exercise", "protest",
               "sanction", "agreement", "election", "arrest", "attack", "aid", "accusation", "ceasefire"]
TRIGGERS = ["said", "met", "deployed", "clashed", "visited", "drills", "protested", "sanctioned", "signed",
            "voted", "arrested", "attacked", "pledged", "accused", "agreed"]
DATE_TEXTS = {
    "day": ["Friday", "on Thursday", "yesterday", "on Monday", "March 3", "Aug. 5", "on Sept. 14", "today"],
    "week": ["next week", "last week", "this week", "the week before"],
    "month": ["this month", "last month", "in March", "earlier this month", "in October"],
    "quarter": ["in the first quarter", "the third quarter"],
    "season": ["this summer", "last winter"],
    "year": ["last year", "this year", "in 2014", "next year"],
    "decade": ["in the 1990s", "in the 2000s"],
    "range": ["Aug. 5-10", "July 30-Aug. 10", "between May 1 and May 9", "Sept. 14-15", "from June 3 to June 12"],
}
WORDS = [
    "border", "troops", "talks", "government", "minister", "officials", "forces", "region", "security", "said",
    "would", "army", "rebels", "capital", "crisis", "envoy", "deal", "military", "support", "aid", "refugees",
    "drills", "parliament", "opposition", "summit", "pipeline", "gas", "attack", "strike", "militants", "police",
    "report", "diplomat", "negotiations", "treaty", "pressure", "statement", "warned", "accused", "denied",
    "announced", "sanctions", "election", "protest", "agreement", "president", "ceasefire",
]


def _zipf_choice(rng: np.random.Generator, n_values: int, size: int, a: float = 1.15) -> np.ndarray:
    """Indices 0..n_values-1, the low ones far more frequent (news names a few countries and actors a lot)."""
    weights = 1 / np.arange(1, n_values + 1) ** a
    return rng.choice(n_values, size=size, p=weights / weights.sum())


def _names(rng: np.random.Generator, n: int) -> list[str]:
    syllables = ["ka", "ri", "mo", "vla", "dan", "ser", "gei", "lo", "tar", "an", "dre", "mi", "ra", "sho", "ul",
                 "bek", "na", "zi", "ov", "ev", "ko", "al", "fa", "hu", "sein"]
    out = set()
    while len(out) < n:
        given = "".join(rng.choice(syllables, rng.integers(2, 4))).capitalize()
        family = "".join(rng.choice(syllables, rng.integers(2, 5))).capitalize()
        out.add(f"{given} {family}")
    return sorted(out)


def generate(n_events: int, folder: Path, seed: int = 7) -> dict[str, float]:
    """Write `n_events` synthetic events and their articles as events.csv / articles.csv into `folder`."""
    import pycountry

    rng = np.random.default_rng(seed)
    countries = np.array(sorted(c.alpha_3 for c in pycountry.countries))
    rng.shuffle(countries)
    actors = np.array(_names(rng, 20_000) + [f"{w.capitalize()} Front" for w in WORDS] + list(countries))
    sources = [f"Source {i}" for i in range(40)]
    n_articles = max(1, n_events // 10)
    per_article = rng.poisson(9, n_articles) + 1
    per_article[-1] += n_events - per_article.sum()
    while per_article[-1] < 1:  # trim the excess from the largest articles
        big = np.argmax(per_article[:-1])
        cut = min(per_article[big] - 1, 1 - per_article[-1])
        per_article[big] -= cut
        per_article[-1] += cut
    article_of = np.repeat(np.arange(n_articles), per_article)

    # publication dates: growing over 2000-2025, plus bursts of crises
    first, last = (date(2000, 1, 1) - date(1970, 1, 1)).days, (date(2025, 12, 31) - date(1970, 1, 1)).days
    published = (first + (last - first) * np.sqrt(rng.random(n_articles))).astype(np.int64)
    crises = rng.integers(first, last, 12)
    burst = rng.random(n_articles) < 0.3
    published[burst] = crises[rng.integers(0, 12, burst.sum())] + rng.integers(0, 120, burst.sum())
    undated_article = rng.random(n_articles) < 0.02
    pub = published[article_of]

    basis = rng.choice(["publication", "relative", "explicit"], n_events, p=[0.33, 0.42, 0.25])
    precision = np.where(basis == "publication", "day", rng.choice(
        ["day", "range", "week", "month", "quarter", "season", "year", "decade"], n_events,
        p=[0.55, 0.1, 0.08, 0.13, 0.02, 0.02, 0.08, 0.02]))
    offset = np.where(basis == "explicit", -rng.exponential(300, n_events).astype(np.int64),
                      rng.integers(-6, 8, n_events))
    offset[basis == "publication"] = 0
    day0 = pub + offset
    start, end = day0.copy(), day0.copy()
    as_date = day0.astype("datetime64[D]")
    months = as_date.astype("datetime64[M]")
    years = as_date.astype("datetime64[Y]")
    for name, s, e in (
        ("range", day0, day0 + rng.integers(1, 14, n_events)),
        ("week", (day0 + 3) // 7 * 7 - 3, (day0 + 3) // 7 * 7 + 3),
        ("month", months.astype("datetime64[D]").astype(np.int64), (months + 1).astype("datetime64[D]").astype(
            np.int64) - 1),
        ("quarter", months.astype("datetime64[D]").astype(np.int64), (months + 3).astype("datetime64[D]").astype(
            np.int64) - 1),
        ("season", months.astype("datetime64[D]").astype(np.int64), (months + 3).astype("datetime64[D]").astype(
            np.int64) - 1),
        ("year", years.astype("datetime64[D]").astype(np.int64), (years + 1).astype("datetime64[D]").astype(
            np.int64) - 1),
        ("decade", (years - years.astype(np.int64) % 10).astype("datetime64[D]").astype(np.int64),
         (years - years.astype(np.int64) % 10 + 10).astype("datetime64[D]").astype(np.int64) - 1),
    ):
        pick = precision == name
        start[pick], end[pick] = s[pick], e[pick]
    unanchored = undated_article[article_of] & (basis != "explicit")
    basis[unanchored] = "unanchored"
    basis[undated_article[article_of] & (basis == "publication")] = "unanchored"
    dated = ~(basis == "unanchored")
    iso_start = start.astype("datetime64[D]").astype(str)
    iso_end = end.astype("datetime64[D]").astype(str)
    date_start = np.where(dated, iso_start, "")
    date_end = np.where(dated, iso_end, "")
    value = np.where(precision == "range", np.char.add(np.char.add(iso_start, "/"), iso_end), iso_start)
    value = np.where(precision == "month", np.char.ljust(iso_start, 7).astype("<U7"), value)
    value = np.where(np.isin(precision, ["year", "decade"]), np.char.ljust(iso_start, 4).astype("<U4"), value)
    value = np.where(dated, value, "XXXX-XX-XX")
    date_text = np.array([DATE_TEXTS[p][i % len(DATE_TEXTS[p])] for p, i in
                          zip(precision, rng.integers(0, 100, n_events), strict=True)], dtype=object)
    date_text[basis == "publication"] = ""
    precision = np.where(precision == "range", "day", precision)

    type_index = _zipf_choice(rng, len(EVENT_TYPES), n_events, 0.9)
    focus_countries = countries[_zipf_choice(rng, len(countries), (n_articles, 3))]
    focus_actors = actors[_zipf_choice(rng, len(actors), (n_articles, 4), 1.05)]
    n_countries = rng.choice(5, n_events, p=[0.05, 0.35, 0.35, 0.18, 0.07])
    n_actors = rng.choice(5, n_events, p=[0.1, 0.35, 0.3, 0.15, 0.1])
    lengths = np.clip(rng.lognormal(np.log(22), 0.45, n_events).astype(int), 6, 90)
    word_ids = _zipf_choice(rng, len(WORDS), int(lengths.sum()), 0.8)
    words = np.array(WORDS, dtype=object)
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    rows_countries, rows_actors, sentences = [], [], []
    for i in range(n_events):
        a = article_of[i]
        cs = sorted(set(focus_countries[a][: n_countries[i]]))
        ac = list(dict.fromkeys(focus_actors[a][: n_actors[i]]))
        rows_countries.append(";".join(cs))
        rows_actors.append(";".join(ac))
        lead = f"{ac[0]} " if ac else ""
        sentences.append(f"{lead}{TRIGGERS[type_index[i]]} " + " ".join(words[word_ids[bounds[i]:bounds[i + 1]]]) + ".")
    sentence_len = np.fromiter((len(s) for s in sentences), np.int64, n_events)
    article_start = np.concatenate([[0], np.cumsum(per_article)[:-1]])  # each article's first event
    running = np.cumsum(sentence_len + 1) - (sentence_len + 1)  # offsets in all texts joined by spaces
    char_start = running - running[article_start][article_of]  # ... and within each article's text
    texts = [" ".join(sentences[article_start[a]:article_start[a] + per_article[a]]) for a in range(n_articles)]

    pub_iso = published.astype("datetime64[D]").astype(str)
    pub_iso = np.where(undated_article, "", pub_iso)
    article_ids = np.array([f"a{a:07d}" for a in range(n_articles)])
    titles = np.array([" ".join(words[rng.integers(0, len(WORDS), 7)]).capitalize() for _ in range(n_articles)])
    source_of = np.array(sources)[_zipf_choice(rng, len(sources), n_articles, 0.8)]
    urls = np.array([f"https://news{a % 40}.example/{p.replace('-', '/') or 'undated'}/story-{a}"
                     for a, p in enumerate(pub_iso)])
    event_ids = np.array([f"{x:016x}" for x in rng.integers(0, 2**63, n_events)])
    confidence = np.where(basis == "publication", "0.40", np.where(basis == "explicit", "0.90", "0.80"))
    events = pa.table({
        "event_id": event_ids, "article_id": article_ids[article_of], "date_start": date_start,
        "date_end": date_end, "date_precision": precision, "date_value": value, "date_text": date_text.astype(str),
        "date_basis": basis, "event_type": np.array(EVENT_TYPES)[type_index], "trigger": np.array(TRIGGERS)[
            type_index], "actors": rows_actors, "countries": rows_countries, "sentence": sentences,
        "char_start": char_start.astype(str), "char_end": (char_start + sentence_len).astype(str),
        "title": titles[article_of], "url": urls[article_of], "source": source_of[article_of],
        "published": pub_iso[article_of], "confidence": confidence,
    })
    articles = pa.table({
        "article_id": article_ids, "title": titles, "url": urls, "source": source_of, "published": pub_iso,
        "published_basis": np.where(undated_article, "none", "metadata"), "n_events": per_article.astype(str),
        "text": texts,
    })
    assert tuple(events.column_names) == EVENT_COLUMNS and tuple(articles.column_names) == ARTICLE_COLUMNS
    folder.mkdir(parents=True, exist_ok=True)
    options = pacsv.WriteOptions(quoting_style="needed")
    pacsv.write_csv(events, folder / "events.csv", options)
    pacsv.write_csv(articles, folder / "articles.csv", options)
    return {"events_mb": (folder / "events.csv").stat().st_size / 2**20,
            "articles_mb": (folder / "articles.csv").stat().st_size / 2**20,
            "undated": int((~dated).sum())}


# ---------------------------------------------------------------- measurements (each in a fresh process)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _typical_filters(ds) -> dict[str, object]:
    from dashboard.store import Filters

    countries = list(ds.options("countries").index[:2])
    actor = ds.options("actors").index[40]
    lo, hi = ds.extent
    return {
        "everything": Filters(),
        "5 years, 2 countries": Filters(date(hi.year - 5, 1, 1), hi, countries=tuple(countries)),
        "keyword 'ceasefire', 2 types": Filters(keyword="ceasefire", event_types=("armed_clash", "statement")),
        "1 actor, no publication dates": Filters(actors=(actor,), include_publication=False),
    }


def measure_load(store_dir: str, data_dir: str) -> dict:
    from dashboard import store

    t = time.perf_counter()
    ds = store.load(store.Sources(Path(data_dir), Path(store_dir)))
    return {"seconds": time.perf_counter() - t, "events": len(ds), "peak_mb": _peak_mb()}


def measure_query(store_dir: str, data_dir: str) -> dict:
    import plotly.io as pio

    from dashboard import charts, store

    ds = store.load(store.Sources(Path(data_dir), Path(store_dir)))
    colors = charts.type_colors(ds.options("event_type").index)
    results = {}
    for name, f in _typical_filters(ds).items():
        timings = []
        for _ in range(3):
            t = time.perf_counter()
            sel = ds.select(f)
            tl = store.timeline(sel, "countries")
            fig_json = pio.to_json(charts.timeline_figure(tl, colors), validate=False)
            t_figure = time.perf_counter() - t
            counts = sel.country_counts()
            pio.to_json(charts.country_map(counts), validate=False)
            store.details_table(sel.events(store.TABLE_LIMIT))
            timings.append((t_figure, time.perf_counter() - t))
        best = min(timings)
        results[name] = {"events": sel.n_events, "marks": len(tl.marks), "binned_by": tl.unit or "event",
                         "filter_and_figure_s": best[0], "with_map_and_table_s": best[1],
                         "figure_kb": len(fig_json) / 1024}
    return {"filters": results, "peak_mb": _peak_mb()}


def measure_apptest(store_dir: str, data_dir: str) -> dict:
    import re

    from streamlit.testing.v1 import AppTest

    os.environ.update({"NEWSLINE_DATA": data_dir, "NEWSLINE_STORE": store_dir})
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=600)
    t = time.perf_counter()
    at.run()
    first = time.perf_counter() - t
    assert not at.exception, at.exception
    countries = at.sidebar.multiselect(key="f_countries")
    top = re.search(r"\(([A-Z]{3})\)", countries.options[0]).group(1)  # "Name (ISO) · count": the most frequent
    t = time.perf_counter()
    countries.select(top).run()
    rerun = time.perf_counter() - t
    assert not at.exception, at.exception
    t = time.perf_counter()
    at.radio(key="lanes").set_value("actors").run()
    lanes = time.perf_counter() - t
    return {"first_run_s": first, "country_filter_rerun_s": rerun, "lanes_rerun_s": lanes,
            "events_metric": at.metric[0].value, "peak_mb": _peak_mb()}


def _child(kind: str, store_dir: Path, data_dir: Path, n_events: int = 0) -> dict:
    """Run one step in a fresh process (started from this small one: Linux carries a parent's peak RSS over
    fork and exec, so the generator's memory must not be the parent's)."""
    cmd = [sys.executable, __file__, "--measure", kind, str(store_dir), str(data_dir), "--events", str(n_events)]
    out = subprocess.run(cmd, cwd=ROOT,
                         capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"{kind} failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--keep", help="generate into (or reuse) this folder instead of a temporary one")
    ap.add_argument("--measure", nargs=3, metavar=("KIND", "STORE", "DATA"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        kind, store_dir, data_dir = args.measure
        measure = {"load": measure_load, "query": measure_query, "apptest": measure_apptest,
                   "generate": lambda store, _: generate(args.events, Path(store))}[kind]
        print(json.dumps(measure(store_dir, data_dir)))
        return
    with tempfile.TemporaryDirectory(prefix="newsline-bench-") as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        store_dir, data_dir = base / "store", base / "empty-data"
        data_dir.mkdir(parents=True, exist_ok=True)
        if not (store_dir / "events.csv").exists():
            t = time.perf_counter()
            sizes = _child("generate", store_dir, data_dir, args.events)
            print(f"generated {args.events:,} events ({sizes['undated']:,} undated) in {time.perf_counter() - t:.1f} s:"
                  f" events.csv {sizes['events_mb']:.0f} MB, articles.csv {sizes['articles_mb']:.0f} MB")
        for cache in (store_dir / ".cache").glob("*.parquet"):
            cache.unlink()
        first = _child("load", store_dir, data_dir)
        print(f"first load (CSV parsed, Parquet cache written): {first['seconds']:.2f} s, "
              f"peak {first['peak_mb']:.0f} MB, {first['events']:,} events")
        cold = _child("load", store_dir, data_dir)
        print(f"cold load (fresh process, from the Parquet cache): {cold['seconds']:.2f} s, "
              f"peak {cold['peak_mb']:.0f} MB")
        query = _child("query", store_dir, data_dir)
        print("filter + timeline figure (built and serialised; best of 3), then with map and table:")
        for name, r in query["filters"].items():
            print(f"  {name:32s} {r['events']:>9,} events -> {r['marks']:>6,} marks by {r['binned_by']:5s}  "
                  f"{r['filter_and_figure_s']:.2f} s  ({r['with_map_and_table_s']:.2f} s)  "
                  f"figure {r['figure_kb']:.0f} KB")
        print(f"  peak memory of that process: {query['peak_mb']:.0f} MB")
        app = _child("apptest", store_dir, data_dir)
        print(f"AppTest: first run {app['first_run_s']:.2f} s (load included), country filter rerun "
              f"{app['country_filter_rerun_s']:.2f} s, lanes by actor {app['lanes_rerun_s']:.2f} s, "
              f"peak {app['peak_mb']:.0f} MB")
        print("targets: filter + figure <= 1 s, cold load <= 5 s, peak memory <= 1536 MB")


if __name__ == "__main__":
    main()
