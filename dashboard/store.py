"""The dashboard's query module, the only code that knows where events live.

Events come from a data folder (the bundled data/ by default) and the user's upload store (.newsline/store/
by default); the store's rows of an article replace that article's rows from the data folder. Each
events.csv / articles.csv is parsed once into a Parquet cache (STORE/.cache/, rebuilt when the CSV changes,
written atomically); a load then reads Parquet. Everything the page shows comes from here: options and
counts, the filtered selection, the timeline's marks (one per event, or counts per time bin when there are
many), the map's counts, the details table, an article with the date reasoning, the downloads, and uploads.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from extract import ingest, output, pipeline, timex
from extract.model import ARTICLE_COLUMNS, EVENT_COLUMNS, Problem, Timex
from extract.places import country_name

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "data"
DEFAULT_STORE = ROOT / ".newsline" / "store"
CACHE_FOLDER = ".cache"
CACHE_VERSION = "1"  # bump when the cached table's layout changes

DETAIL_LIMIT = 2_000  # above this many dated events the timeline draws counts per time bin
MAX_LANES = 12  # lanes beyond these are pooled into one "Other ..." lane
TABLE_LIMIT = 1_000  # rows shown in a table (downloads have them all)
OPTION_LIMIT = 1_000  # actors or articles offered in a multi-select, the most frequent first
TARGET_BINS = 400  # the finest of day/week/month/year giving at most this many bins is used

# Low-cardinality columns are kept dictionary-encoded (pandas categoricals): small and fast to filter.
PLAIN_COLUMNS = ("event_id", "sentence")
MULTI_COLUMNS = ("countries", "actors")  # ";"-joined lists
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP: a spreadsheet reads such a cell as a formula
_FORMULA = "^[" + "".join(f"\\x{ord(c):02x}" for c in FORMULA_START) + "]"  # the same, as a regex for Arrow
UPLOAD_TYPES = ingest.READ_SUFFIXES  # the file types an upload may have: those the extraction layer reads
_LANE_WORDS = {"countries": ("country", "countries"), "actors": ("actor", "actors")}
_BASIS_WORDS = {  # where an article's publication date came from (published_basis), in words
    "option": "given when the article was added",
    "metadata": "from the article's metadata",
    "html": "from the page's HTML metadata",
    "url": "from the date in its URL",
    "dateline": "from its dateline",
}
_UNWRITTEN_DATES = {  # how an event without a time expression of its own was dated, by date_basis
    "relative": "dated like the day the story last named",
    "publication": "dated by publication",
    "unanchored": "no date",
}


class StoreError(Exception):
    """A file of events or articles that cannot be read, with a message naming it."""


# ---------------------------------------------------------------- where events live


@dataclass(frozen=True)
class Sources:
    """The data folder (read only) and the upload store (read and written)."""

    data: Path
    store: Path

    def describe(self) -> str:
        return f"data folder {self.data} · uploads in {self.store}"


def sources_from(argv: Sequence[str] = (), environ: Mapping[str, str] | None = None) -> Sources:
    """The folders named by `--data DIR` / `--store DIR`, else NEWSLINE_DATA / NEWSLINE_STORE, else defaults."""
    environ = os.environ if environ is None else environ
    ap = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    ap.add_argument("--data")
    ap.add_argument("--store")
    args, _ = ap.parse_known_args(list(argv))
    data = args.data or environ.get("NEWSLINE_DATA") or DEFAULT_DATA
    store = args.store or environ.get("NEWSLINE_STORE") or DEFAULT_STORE
    return Sources(Path(data).expanduser().resolve(), Path(store).expanduser().resolve())


def signature(sources: Sources) -> tuple:
    """Changes whenever a file of events or articles changes: the key of a loaded Dataset."""
    out = []
    for folder in (sources.data, sources.store):
        for name in (output.EVENTS_FILE, output.ARTICLES_FILE):
            try:
                st = (folder / name).stat()
                out.append((str(folder / name), st.st_mtime_ns, st.st_size))
            except OSError:
                out.append((str(folder / name), None, None))
    return tuple(out)


# ---------------------------------------------------------------- reading, with a Parquet cache


def _header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return next(csv.reader(fh), [])


def _csv_parts(path: Path, columns: tuple[str, ...], rows: int) -> Iterator[pa.Table]:
    """The named columns of a CSV file as strings (empty cells stay ""), streamed in tables of about `rows`
    rows so that a large file never sits whole in memory; StoreError names the file when it cannot be read."""
    try:
        missing = [c for c in columns if c not in _header(path)]
        if missing:
            raise StoreError(f"{path}: not a Newsline file: missing column(s) {', '.join(missing)}")
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(block_size=8 << 20),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(columns, pa.string()),
                                                 include_columns=list(columns), strings_can_be_null=False),
        )
        pending, count, yielded = [], 0, False
        for batch in reader:
            pending.append(batch)
            count += batch.num_rows
            if count >= rows:
                yield pa.Table.from_batches(pending)
                pending, count, yielded = [], 0, True
        if pending or not yielded:
            yield pa.Table.from_batches(pending, schema=reader.schema)
    except (OSError, UnicodeDecodeError, csv.Error, pa.ArrowInvalid) as exc:
        raise StoreError(f"{path}: unreadable: {exc}") from None


def _day(column: pa.ChunkedArray) -> pa.ChunkedArray:
    return pc.strptime(column, format="%Y-%m-%d", unit="ms", error_is_null=True)


def _prepare_events(table: pa.Table) -> pa.Table:
    """Events as read, low-cardinality columns dictionary-encoded, plus `start`/`end` days (null: undated)."""
    start = _day(table["date_start"])
    end = pc.if_else(pc.is_null(start), start, pc.coalesce(_day(table["date_end"]), start))
    end = pc.max_element_wise(end, start)  # an end before its start is read as the start
    columns = {
        name: table[name] if name in PLAIN_COLUMNS else table[name].dictionary_encode() for name in EVENT_COLUMNS
    }
    return pa.table({**columns, "start": start, "end": end})


@dataclass(frozen=True)
class _Layout:
    """How one kind of CSV file is read and cached."""

    columns: tuple[str, ...]
    prepare: Callable[[pa.Table], pa.Table]
    rows_per_group: int  # rows per Parquet row group: big for events (fast scans), small for articles (lookups)


EVENTS = _Layout(EVENT_COLUMNS, _prepare_events, 250_000)
ARTICLES = _Layout(ARTICLE_COLUMNS, lambda table: table, 1_000)


def _parquet(csv_path: Path, cache_dir: Path, layout: _Layout) -> Path | None:
    """The Parquet copy of `csv_path` in cache_dir, rebuilt (streamed, written atomically) when the CSV's
    size or time differs from the one it was made from; None where no copy can be written."""
    st = csv_path.stat()
    stamp = f"{CACHE_VERSION}:{st.st_mtime_ns}:{st.st_size}".encode()
    digest = hashlib.sha1(str(csv_path.resolve()).encode()).hexdigest()[:16]
    cached = cache_dir / f"{csv_path.stem}-{digest}.parquet"
    try:
        if (pq.read_schema(cached).metadata or {}).get(b"newsline") == stamp:
            return cached
    except (OSError, pa.ArrowException):
        pass  # no copy yet, or a broken one: rebuild it
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=cached.name + ".", suffix=".tmp", dir=cache_dir)
        os.close(fd)
    except OSError:
        return None  # a read-only place: work without the copy
    try:
        writer = None
        for part in _csv_parts(csv_path, layout.columns, layout.rows_per_group):
            table = layout.prepare(part)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema.with_metadata({b"newsline": stamp}))
            writer.write_table(table, row_group_size=layout.rows_per_group)
        writer.close()
        os.replace(tmp, cached)
        return cached
    except OSError:
        return None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _source(csv_path: Path, cache_dir: Path, layout: _Layout) -> pq.ParquetFile | pa.Table:
    """A CSV file's prepared rows: its Parquet copy, or (where none can be written) the rows in memory."""
    cached = _parquet(csv_path, cache_dir, layout)
    if cached is not None:
        return pq.ParquetFile(cached)
    return layout.prepare(pa.concat_tables(_csv_parts(csv_path, layout.columns, layout.rows_per_group)))


def _column(source: pq.ParquetFile | pa.Table, name: str) -> pa.ChunkedArray:
    """One column, read a row group at a time (a whole column at once needs twice its size while read)."""
    if isinstance(source, pa.Table):
        return source[name]
    groups = (source.read_row_group(i, columns=[name])[name] for i in range(source.num_row_groups))
    return pa.chunked_array([c for g in groups for c in g.chunks], type=source.schema_arrow.field(name).type)


def load(sources: Sources) -> Dataset:
    """The events of the data folder and the store (the store's rows of an article replace the data folder's);
    an unreadable file becomes a problem on the page, not a crash. Read column by column, so that memory
    holds little more than the finished table."""
    cache_dir = sources.store / CACHE_FOLDER
    parts, problems = {}, []
    for name, folder in (("store", sources.store), ("data", sources.data)):
        path = folder / output.EVENTS_FILE
        try:
            if path.is_file():
                parts[name] = _source(path, cache_dir, EVENTS)
        except StoreError as exc:
            problems.append(str(exc))
    keep: dict[str, pa.ChunkedArray | None] = dict.fromkeys(parts)
    if len(parts) == 2:
        replaced = pc.unique(_column(parts["store"], "article_id").cast(pa.string()))
        keep["data"] = pc.invert(pc.is_in(_column(parts["data"], "article_id"), value_set=replaced))
    empty = _prepare_events(pa.table({c: pa.array([], pa.string()) for c in EVENT_COLUMNS}))
    columns = {}
    for name in empty.column_names:
        chunks = []
        for part, mask in ((parts[k], keep[k]) for k in parts):
            column = _column(part, name)
            chunks += (column if mask is None else column.filter(mask)).chunks
        column = pa.chunked_array(chunks, type=empty.schema.field(name).type)
        if name in PLAIN_COLUMNS:  # one chunk: taking rows from several would copy them all together each time
            column = pa.chunked_array([column.combine_chunks()])
        columns[name] = column.to_pandas()
    return Dataset(pd.DataFrame(columns, copy=False), sources, problems)


# ---------------------------------------------------------------- the loaded events


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Within a list any value matches; all given filters must match."""

    start: date | None = None  # None (both): the whole range, undated events included
    end: date | None = None
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    keyword: str = ""
    include_publication: bool = True  # events dated only by their article's publication date

    @property
    def narrows_dates(self) -> bool:
        return self.start is not None or self.end is not None


_PARAM_LISTS = {"country": "countries", "actor": "actors", "type": "event_types", "source": "sources",
                "article": "articles"}


def filters_to_params(f: Filters) -> dict[str, str | list[str]]:
    """The URL query parameters of a filter (defaults left out), for bookmarking."""
    params: dict[str, str | list[str]] = {}
    if f.start:
        params["from"] = f.start.isoformat()
    if f.end:
        params["to"] = f.end.isoformat()
    for key, name in _PARAM_LISTS.items():
        if getattr(f, name):
            params[key] = list(getattr(f, name))
    if f.keyword:
        params["q"] = f.keyword
    if not f.include_publication:
        params["pub"] = "0"
    return params


def filters_from_params(get_all: Callable[[str], list[str]]) -> Filters:
    """The filter a URL's query parameters describe; values that make no sense are ignored."""

    def day(key: str) -> date | None:
        try:
            return date.fromisoformat(get_all(key)[-1])
        except (IndexError, ValueError):
            return None

    lists = {name: tuple(v for v in get_all(key) if v) for key, name in _PARAM_LISTS.items()}
    pub = get_all("pub")
    return Filters(day("from"), day("to"), keyword=(get_all("q") or [""])[-1].strip(),
                   include_publication=not (pub and pub[-1] in ("0", "false", "no")), **lists)


@dataclass(eq=False)
class Dataset:
    """All events, one row each (EVENT_COLUMNS plus `start`/`end` days), and where they came from."""

    events: pd.DataFrame
    sources: Sources
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        start = self.events["start"].to_numpy("datetime64[s]")
        self.dated = ~np.isnat(start)
        self.day0 = start.astype("datetime64[D]").astype(np.int64)  # days since 1970; meaningless when undated
        self.day1 = self.events["end"].to_numpy("datetime64[s]").astype("datetime64[D]").astype(np.int64)
        self._memo: dict[tuple[str, str], object] = {}  # items() and options(), computed once per Dataset

    def __len__(self) -> int:
        return len(self.events)

    def codes(self, column: str) -> np.ndarray:
        return self.events[column].cat.codes.to_numpy()

    def items(self, column: str) -> pd.DataFrame:
        """(code, item): which category of a ";"-joined column holds which country or actor."""
        if ("items", column) not in self._memo:
            cats = pd.Series(self.events[column].cat.categories, dtype=str)
            exploded = cats.str.split(";").explode()
            out = pd.DataFrame({"code": exploded.index.to_numpy(np.int64), "item": exploded.str.strip().to_numpy()})
            self._memo["items", column] = out[out["item"] != ""].reset_index(drop=True)
        return self._memo["items", column]

    def counts(self, column: str, rows: np.ndarray | None = None) -> pd.Series:
        """Events per value of a column (per country or actor in the ";"-joined ones) among `rows` (a mask or
        row numbers; None: all), the most frequent first, then by name; values without events left out."""
        codes = self.codes(column) if rows is None else self.codes(column)[rows]
        per_code = np.bincount(codes, minlength=len(self.events[column].cat.categories))
        if column in MULTI_COLUMNS:
            items = self.items(column)
            counts = pd.Series(per_code[items["code"].to_numpy()]).groupby(items["item"].to_numpy()).sum()
        else:
            counts = pd.Series(per_code, index=self.events[column].cat.categories.astype(str))
        return counts[counts > 0].sort_index().sort_values(ascending=False, kind="stable").astype(int)

    def options(self, column: str) -> pd.Series:
        """counts(column) over all events: the choices of a filter."""
        if ("options", column) not in self._memo:
            self._memo["options", column] = self.counts(column)
        return self._memo["options", column]

    @cached_property
    def extent(self) -> tuple[date, date] | None:
        """The first and last day any dated event covers."""
        if not self.dated.any():
            return None
        return _to_date(self.day0[self.dated].min()), _to_date(self.day1[self.dated].max())

    @cached_property
    def article_titles(self) -> dict[str, str]:
        """A readable label for each article id: its title (or id), source and publication date."""
        first = self.events.drop_duplicates("article_id")
        out = {}
        for aid, title, source, published in zip(first["article_id"].astype(str), first["title"].astype(str),
                                                 first["source"].astype(str), first["published"].astype(str),
                                                 strict=True):
            extra = ", ".join(x for x in (source, published) if x)
            out[aid] = f"{title or aid}" + (f" ({extra})" if extra else "")
        return out

    def _any_of(self, column: str, wanted: Sequence[str]) -> np.ndarray:
        items = self.items(column)
        hit = np.zeros(len(self.events[column].cat.categories), bool)
        hit[items["code"].to_numpy()[items["item"].isin(wanted).to_numpy()]] = True
        return hit[self.codes(column)]

    def select(self, f: Filters) -> Selection:
        """The events matching `f`: dated ones overlapping its date range, and undated ones when it has none."""
        keep = np.ones(len(self.events), bool)
        for column in MULTI_COLUMNS:
            if wanted := getattr(f, column):
                keep &= self._any_of(column, wanted)
        for column, wanted in (("event_type", f.event_types), ("source", f.sources), ("article_id", f.articles)):
            if wanted:
                keep &= self.events[column].isin(wanted).to_numpy()
        if not f.include_publication:
            keep &= (self.events["date_basis"] != "publication").to_numpy()
        if f.keyword.strip():
            keep &= self.events["sentence"].str.contains(f.keyword.strip(), case=False, regex=False).to_numpy(bool)
        dated = keep & self.dated
        if f.start:
            dated &= self.day1 >= _to_days(f.start)
        if f.end:
            dated &= self.day0 <= _to_days(f.end)
        undated = keep & ~self.dated if not f.narrows_dates else np.zeros(len(self.events), bool)
        return Selection(self, f, dated, undated)

    def named_earlier(self, event: Mapping[str, str]) -> str:
        """For an event dated like the day its story last named (relative, no date text of its own): the
        expression that named the day, the date text of the article's nearest earlier event starting on it."""
        if event.get("date_text") or event.get("date_basis") != "relative":
            return ""
        ev = self.events
        same = ev[((ev["article_id"] == event["article_id"]) & (ev["date_start"] == event["date_start"])
                   & (ev["date_text"] != "")).to_numpy()]
        at = pd.to_numeric(same["char_start"].astype(str), errors="coerce").to_numpy()
        before = np.flatnonzero(at < pd.to_numeric(event.get("char_start"), errors="coerce"))
        return str(same["date_text"].iloc[before[np.argmax(at[before])]]) if before.size else ""

    def article(self, article_id: str) -> dict[str, str] | None:
        """An article's articles.csv row (cleaned text included): the store's if it has it, else the data's."""
        for folder in (self.sources.store, self.sources.data):
            path = folder / output.ARTICLES_FILE
            if not path.is_file():
                continue
            try:
                cached = _parquet(path, self.sources.store / CACHE_FOLDER, ARTICLES)
                where = pc.field("article_id") == article_id
                if cached is not None:
                    rows = pq.read_table(cached, filters=where).to_pylist()
                else:
                    parts = _csv_parts(path, ARTICLE_COLUMNS, 10_000)
                    rows = [row for part in parts for row in part.filter(where).to_pylist()]
            except (StoreError, OSError, pa.ArrowException):
                continue
            if rows:
                return rows[0]
        return None


def _to_days(day: date) -> int:
    return (day - date(1970, 1, 1)).days


def _to_date(days: int) -> date:
    return date(1970, 1, 1) + timedelta(days=int(days))


def country_label(code: str) -> str:
    """'Russia (RUS)': a country's short name with its ISO 3166 alpha-3 code."""
    return f"{country_name(code)} ({code})"


def type_label(event_type: str) -> str:
    return event_type.replace("_", " ") or "(no type)"


def date_label(start: str, end: str) -> str:
    """'2021-07-23', or '2021-08-05 – 2021-08-10' for an interval, or 'no date'."""
    if not start:
        return "no date"
    return start if not end or end == start else f"{start} – {end}"


# ---------------------------------------------------------------- a selection and what the page shows of it


@dataclass
class Selection:
    """The events one filter selects, as masks over the Dataset (no copy of the rows)."""

    dataset: Dataset
    filters: Filters
    dated: np.ndarray
    undated: np.ndarray

    @property
    def n_dated(self) -> int:
        return int(self.dated.sum())

    @property
    def n_undated(self) -> int:
        return int(self.undated.sum())

    @property
    def n_events(self) -> int:
        return self.n_dated + self.n_undated

    @property
    def n_articles(self) -> int:
        codes = self.dataset.codes("article_id")[self.dated | self.undated]
        return int(np.unique(codes).size)

    def _rows(self, mask: np.ndarray, limit: int | None) -> np.ndarray:
        """Row numbers of `mask`, chronologically (undated last), at most `limit` of them (the earliest)."""
        rows = np.flatnonzero(mask)
        key = np.where(self.dataset.dated[rows], self.dataset.day0[rows], np.iinfo(np.int64).max)
        if limit is not None and rows.size > limit:
            part = np.argpartition(key, limit - 1)[:limit]
            rows, key = rows[part], key[part]
        return rows[np.lexsort((self.dataset.day1[rows], key))]

    def events(self, limit: int | None = None, undated: bool = False) -> pd.DataFrame:
        """The selected events (or the undated ones) as rows of the Dataset, chronologically."""
        return self.dataset.events.iloc[self._rows(self.undated if undated else self.dated, limit)]

    def export(self, batch: int = 100_000) -> Iterator[pd.DataFrame]:
        """Every selected event in the columns of events.csv, dated first, in frames of `batch` rows (a
        download of a million events is written a part at a time)."""
        rows = self._rows(self.dated | self.undated, None)
        for i in range(0, max(len(rows), 1), batch):
            yield self.dataset.events.iloc[rows[i:i + batch]][list(EVENT_COLUMNS)]

    def country_counts(self) -> pd.DataFrame:
        """Events per country (an event counts for each country it names): iso3, country, events."""
        counts = self.dataset.counts("countries", self.dated | self.undated)
        return pd.DataFrame({"iso3": counts.index, "country": [country_name(c) for c in counts.index],
                             "events": counts.to_numpy(int)})


def details_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The events of `rows` as the page's table: one line each, indexed by event_id."""
    urls = rows["url"].astype(str)
    return pd.DataFrame(
        {
            "Date": [date_label(s, e) for s, e in zip(rows["date_start"].astype(str), rows["date_end"].astype(str),
                                                      strict=True)],
            "Precision": rows["date_precision"].astype(str).to_numpy(),
            "Type": [type_label(t) for t in rows["event_type"].astype(str)],
            "Sentence": rows["sentence"].astype(str).to_numpy(),
            "Actors": rows["actors"].astype(str).str.replace(";", "; ").to_numpy(),
            "Countries": rows["countries"].astype(str).str.replace(";", ", ").to_numpy(),
            "Date text": rows["date_text"].astype(str).to_numpy(),
            "Source": [t or s for t, s in zip(rows["title"].astype(str), rows["source"].astype(str), strict=True)],
            "Link": urls.where(urls.str.match(r"https?://"), "").to_numpy(),  # never a javascript: link
        },
        index=pd.Index(rows["event_id"].astype(str).to_numpy(), name="event_id"),
    )


# ---------------------------------------------------------------- the timeline's marks


@dataclass
class Timeline:
    """What the timeline draws: `marks` (one per event and lane, or per bin, lane and type) and their lanes.

    marks columns: group (its id, the customdata of a point), lane (index into `lanes`), event_type, x (where
    the marker sits), x0, x1 (the interval, x1 exclusive), span (draw the interval as a bar), count, and for
    one-event marks: event_id, when, date_precision, date_text, date_basis, actors, countries, sentence, title.
    """

    lanes: list[str]
    unit: str | None  # None: one mark per event; else the bin ("day", "week", "month", "year")
    marks: pd.DataFrame
    n_events: int
    window: tuple[date, date] | None  # the dates the filter asks for (the axis shows them), None: all
    _members: np.ndarray = field(repr=False)  # row number of each (event, lane) member ...
    _groups: np.ndarray = field(repr=False)  # ... and the mark it is drawn in

    def events_at(self, dataset: Dataset, groups: Sequence[int]) -> pd.DataFrame:
        """The events drawn in the marks `groups` (the customdata of the points a user selected)."""
        chosen = np.isin(self._groups, np.asarray([g for g in groups if isinstance(g, int | np.integer)]))
        rows = np.unique(self._members[chosen])
        return dataset.events.iloc[rows[np.lexsort((dataset.day1[rows], dataset.day0[rows]))]]


_UNITS = ("day", "week", "month", "year")


def _bin(days: np.ndarray, unit: str) -> np.ndarray:
    if unit == "day":
        return days
    if unit == "week":  # ISO weeks: 1970-01-01 was a Thursday
        return (days + 3) // 7
    return days.astype("datetime64[D]").astype(f"datetime64[{unit[0].upper()}]").astype(np.int64)


def _bin_start(bins: np.ndarray, unit: str) -> np.ndarray:
    """The first day of each bin, as datetime64[D]."""
    if unit == "day":
        return bins.astype("datetime64[D]")
    if unit == "week":
        return (bins * 7 - 3).astype("datetime64[D]")
    return bins.astype(f"datetime64[{unit[0].upper()}]").astype("datetime64[D]")


def _unit_for(first: int, last: int) -> str:
    span = last - first + 1
    per_bin = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}
    return next((u for u in _UNITS if span / per_bin[u] <= TARGET_BINS), "year")


def _lane_map(dataset: Dataset, column: str, rows: np.ndarray, max_lanes: int) -> tuple[list[str], np.ndarray,
                                                                                          np.ndarray]:
    """Lanes (the most frequent values, then 'Other', then 'No ...') and for each category code its lanes,
    as CSR arrays (offsets into lane numbers)."""
    n_cats = len(dataset.events[column].cat.categories)
    per_code = np.bincount(dataset.codes(column)[rows], minlength=n_cats)
    items = dataset.items(column)
    counts = dataset.counts(column, rows)
    top = list(counts.index[:max_lanes])
    one, many = _LANE_WORDS[column]
    labels = [country_label(k) if column == "countries" else k for k in top]
    lane_of = {k: i for i, k in enumerate(top)}
    other = len(counts) - len(top)
    if other:
        labels.append(f"Other {many} ({other})")
    pairs = pd.DataFrame({"code": items["code"], "lane": items["item"].map(lane_of).fillna(len(top)).astype(int)})
    empty = np.setdiff1d(np.arange(n_cats), items["code"].to_numpy())
    if (per_code[empty] > 0).any():
        labels.append(f"No {one}")
        pairs = pd.concat([pairs, pd.DataFrame({"code": empty, "lane": len(labels) - 1})])
    pairs = pairs.drop_duplicates().sort_values(["code", "lane"])
    offsets = np.concatenate([[0], np.cumsum(np.bincount(pairs["code"].to_numpy(), minlength=n_cats))])
    return labels, offsets, pairs["lane"].to_numpy()


def timeline(selection: Selection, lanes: str = "countries", detail_limit: int = DETAIL_LIMIT,
             max_lanes: int = MAX_LANES) -> Timeline:
    """The marks of the selection's dated events in lanes by country or actor (an event sits in each of its
    lanes); one mark per event up to `detail_limit` events, else counts per time bin, lane and type."""
    ds = selection.dataset
    rows = np.flatnonzero(selection.dated)
    labels, offsets, lane_numbers = _lane_map(ds, lanes, rows, max_lanes)
    codes = ds.codes(lanes)[rows]
    per_event = offsets[codes + 1] - offsets[codes]
    members = np.repeat(rows, per_event)
    within = np.arange(members.size) - np.repeat(np.cumsum(per_event) - per_event, per_event)
    member_lanes = lane_numbers[np.repeat(offsets[codes], per_event) + within]
    type_names = ds.events["event_type"].cat.categories.astype(str).to_numpy()
    types = ds.codes("event_type")[members]
    d0, d1 = ds.day0[members], ds.day1[members]
    if rows.size <= detail_limit:
        unit, groups = None, np.arange(members.size)
        ev = ds.events.iloc[members]
        marks = pd.DataFrame({
            "group": groups, "lane": member_lanes, "event_type": type_names[types],
            "x0": d0.astype("datetime64[D]"), "x1": (d1 + 1).astype("datetime64[D]"), "span": d1 > d0,
            "count": 1, "event_id": ev["event_id"].astype(str).to_numpy(),
            "when": [date_label(s, e) for s, e in zip(ev["date_start"].astype(str), ev["date_end"].astype(str),
                                                      strict=True)],
            **{c: ev[c].astype(str).to_numpy() for c in ("date_precision", "date_text", "date_basis", "actors",
                                                        "countries", "sentence", "title")},
        })
    else:
        unit = _unit_for(int(d0.min()), int(d1.max()))
        b0, b1 = _bin(d0, unit), _bin(d1, unit)
        keys = pd.DataFrame({"lane": member_lanes, "type": types, "b0": b0, "b1": b1})
        grouped = keys.groupby(["lane", "type", "b0", "b1"], sort=True)
        groups = grouped.ngroup().to_numpy()
        marks = grouped.size().rename("count").reset_index()
        b0, b1 = marks["b0"].to_numpy(), marks["b1"].to_numpy()
        first, last = _bin_names(b0, unit), _bin_names(b1, unit)
        marks = pd.DataFrame({
            "group": np.arange(len(marks)), "lane": marks["lane"].to_numpy(),
            "event_type": type_names[marks["type"].to_numpy()],
            "x0": _bin_start(b0, unit), "x1": _bin_start(b1 + 1, unit), "span": b1 > b0,
            "count": marks["count"].to_numpy(),
            "when": np.where(b1 > b0, first + " – " + last, first),
        })
    middle = marks["x0"] + (marks["x1"] - marks["x0"]) / 2
    marks["x"] = middle.where(marks["span"] | (unit is not None), marks["x0"])
    f, extent = selection.filters, ds.extent
    window = (f.start or extent[0], f.end or extent[1]) if f.narrows_dates and extent else None
    return Timeline(labels, unit, marks, int(rows.size), window, members, groups)


def _bin_names(bins: np.ndarray, unit: str) -> np.ndarray:
    """'2021-07-23', 'week of 2021-07-19', '2021-07' or '2021' for each bin."""
    fmt = {"day": "%Y-%m-%d", "week": "week of %Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[unit]
    return pd.to_datetime(_bin_start(bins, unit)).strftime(fmt).to_numpy(dtype=object)


# ---------------------------------------------------------------- one event's article and date reasoning


def highlight_html(text: str, start: int, end: int, sentence: str, context: int | None = None) -> str:
    """The article text as safe HTML (all of it escaped) with the event's sentence in <mark>; with
    `context`, only that many characters around the sentence, cut at spaces and marked with '…'."""
    if text[start:end] != sentence:  # offsets from another version of the text: look the sentence up
        start = text.find(sentence) if sentence else -1
        end = start + len(sentence)
    if start < 0:
        return html.escape(text if context is None or len(text) <= 2 * context else text[: 2 * context] + " …")
    lo, hi = 0, len(text)
    if context is not None:
        lo, hi = max(0, start - context), min(len(text), end + context)
        if lo > 0:
            lo = text.find(" ", lo, start) + 1 or lo
        if hi < len(text):
            hi = max(text.rfind(" ", end, hi), end)
    before = ("… " if lo > 0 else "") + html.escape(text[lo:start])
    after = html.escape(text[end:hi]) + (" …" if hi < len(text) else "")
    return f"{before}<mark>{html.escape(text[start:end])}</mark>{after}"


def article_html(event: Mapping[str, str], article: Mapping[str, str] | None, context: int | None = 700,
                 named_earlier: str = "") -> str:
    """An event's article as safe HTML: title, source and link, the date reasoning (see date_reasoning), and the
    text around the sentence (all of it when `context` is None) with the sentence highlighted. All escaped."""
    about = article or event
    url = about.get("url", "")
    link = (f' · <a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer">source ↗</a>'
            if url.startswith(("http://", "https://")) else "")
    meta = " · ".join(x for x in (about.get("source", ""), about.get("published", "")) if x)
    text = (article or {}).get("text", "")
    if text:
        start, end = int(event.get("char_start") or 0), int(event.get("char_end") or 0)
        body = highlight_html(text, start, end, event["sentence"], context)
    else:
        body = f"<mark>{html.escape(event['sentence'])}</mark> <i>(the article's text is not stored)</i>"
    return (
        f'<div class="nl-article"><p><b>{html.escape(about.get("title") or event["article_id"])}</b> '
        f"<small>{html.escape(meta)}{link}</small></p>"
        f"<p><b>Date:</b> {html.escape(date_reasoning(event, article, named_earlier))}</p>"
        '<div style="white-space:pre-wrap;max-height:24em;overflow:auto;border-left:3px solid #d0d4dc;'
        f'padding-left:0.8em">{body}</div></div>'
    )


def date_reasoning(event: Mapping[str, str], article: Mapping[str, str] | None, named_earlier: str = "") -> str:
    """How the event's date was reached, in words, told by its date_basis and date_text: for a time expression
    the tagger's own reason, re-tagged from the article ("'Friday' → 2021-07-23 (day): past tense: ...").
    `named_earlier`: for an event dated like the day its story last named, the expression that named that day
    (Dataset.named_earlier)."""
    said, basis, value = event.get("date_text", ""), event["date_basis"], event["date_value"]
    day, precision = date_label(event["date_start"], event["date_end"]), event["date_precision"]
    when = f"{day} ({precision})"
    if basis == "unanchored":
        if said:
            return (f"'{said}' is relative and the article has no publication date: give one to place it (add the "
                    "article again with a publication date). Until then this event cannot be placed on the calendar.")
        return ("No time expression in the sentence, and the article has no publication date: this event cannot be "
                "placed on the calendar. Add the article again with a publication date to date it by that.")
    if basis == "publication":
        return (f"The sentence has no time expression: the event is dated by the article's publication date, "
                f"{_published_words(event, article)}. → {when}.")
    if not said:  # the events layer dated a past-tense sentence like the last past day the story named
        earlier = f", '{named_earlier}' earlier in the article" if named_earlier else ""
        return f"No time expression in the sentence; dated like the day the story last named{earlier} → {when}."
    reason = _tagger_reason(event, article)
    if reason:
        return f"'{said}' → {when}: {reason}"
    if basis == "explicit":
        return f"'{said}' is a full date in the text → {day} ({precision}, {value})."
    return (f"'{said}' was resolved against the publication date {_published_words(event, article)} → {day} "
            f"({precision}, {value}).")


def date_note(date_text: str, date_basis: str) -> str:
    """What dates an event, briefly (a hover label): its time expression in quotes, else how it was dated."""
    return f"“{date_text}”" if date_text else _UNWRITTEN_DATES.get(date_basis, date_basis)


def _published_words(event: Mapping[str, str], article: Mapping[str, str] | None) -> str:
    """'2021-07-23 (from the article's metadata)': the publication date and, where known, where it came from."""
    published = (article or {}).get("published") or event.get("published", "")
    basis = (article or {}).get("published_basis", "")
    return f"{published} ({_BASIS_WORDS[basis]})" if basis in _BASIS_WORDS else published


def _tagger_reason(event: Mapping[str, str], article: Mapping[str, str] | None) -> str:
    """The temporal tagger's own reason for the event's time expression, re-tagged from the article's (cleaned)
    text; '' when the article or its text is missing, or re-tagging does not give the stored value again."""
    text = (article or {}).get("text", "")
    if not text:
        return ""
    try:
        published = date.fromisoformat(article["published"]) if article.get("published") else None
        lo, hi = int(event.get("char_start") or 0), int(event.get("char_end") or len(text))
    except ValueError:  # a hand-edited file: a publication date or an offset that is not one
        return ""
    for t in _tagged(text, published):
        value = t.value + (f"/{t.end_value}" if t.end_value else "")  # as the events layer writes date_value
        if lo <= t.start and t.end <= hi and t.text == event["date_text"] and value == event["date_value"]:
            return t.reason.removeprefix(f"'{t.text}': ")
    return ""


@lru_cache(maxsize=32)
def _tagged(text: str, published: date | None) -> tuple[Timex, ...]:
    """An article's time expressions as the pipeline tags them (kept: the page shows one article many times)."""
    return tuple(timex.tag(text, published))


# ---------------------------------------------------------------- downloads


def neutralise(value: str) -> str:
    """A cell made safe for spreadsheets (OWASP CSV injection): a leading ' when it starts a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _neutralised(values: pa.Array) -> pa.Array:
    """neutralise() over an Arrow string array (for a dictionary array, over its few distinct values)."""
    if pa.types.is_dictionary(values.type):
        return pa.DictionaryArray.from_arrays(values.indices, _neutralised(values.dictionary)).dictionary_decode()
    values = values.cast(pa.string())
    starts_formula = pc.match_substring_regex(values, _FORMULA)
    return pc.if_else(starts_formula, pc.binary_join_element_wise("'", values, ""), values)


def _export_table(frame: pd.DataFrame) -> pa.Table:
    """The events of `frame` in exactly the columns of events.csv, as strings, every cell neutralised."""
    return pa.table({name: _neutralised(pa.array(frame[name])) for name in EVENT_COLUMNS})


def _frames(events: pd.DataFrame | Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
    return [events] if isinstance(events, pd.DataFrame) else events


def events_csv(events: pd.DataFrame | Iterable[pd.DataFrame]) -> bytes:
    """Events (a frame, or frames from Selection.export) as CSV in exactly the columns of events.csv, every
    cell neutralised against formula injection and, as OWASP also advises, in double quotes."""
    buffer = io.BytesIO()
    with pacsv.CSVWriter(buffer, _export_table(pd.DataFrame(columns=EVENT_COLUMNS, dtype=str)).schema,
                         write_options=pacsv.WriteOptions(quoting_style="all_valid", eol="\r\n")) as writer:
        for frame in _frames(events):
            writer.write_table(_export_table(frame))
    return buffer.getvalue()


def events_json(events: pd.DataFrame | Iterable[pd.DataFrame]) -> bytes:
    """Events as a JSON array of objects with the keys of events.csv, one a line, values as in the CSV."""
    buffer = io.BytesIO()
    separator = b"[\n"
    for frame in _frames(events):
        for batch in _export_table(frame).to_batches(max_chunksize=20_000):
            for record in batch.to_pylist():
                buffer.write(separator + json.dumps(record, ensure_ascii=False).encode("utf-8"))
                separator = b",\n"
    buffer.write(b"\n]\n" if separator == b",\n" else b"[]\n")
    return buffer.getvalue()


# ---------------------------------------------------------------- uploads


@dataclass
class FileReport:
    """What became of one uploaded file."""

    name: str
    articles: int = 0
    events: int = 0
    unanchored: int = 0
    problems: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.articles > 0 or (bool(self.note) and not self.problems)

    def message(self) -> str:
        parts = [self.note] if self.note else []
        if self.articles:
            parts.append(f"{self.articles} article(s), {self.events} event(s) added")
        if self.unanchored:
            parts.append(f"{self.unanchored} event(s) unanchored: the file has no publication date, give one in "
                         "the date field to place them")
        parts += self.problems
        return "; ".join(parts) or "nothing to read"


def _file_name(name: str) -> str:
    """An uploaded file's own name, without any folder (a name is the browser's word, not to be trusted)."""
    base = Path(name.replace("\\", "/").replace("\x00", "")).name
    return base if base not in ("", ".", "..") else "upload"


def add_uploads(store: Path, files: Sequence[tuple[str, bytes]], published: date | None = None,
                progress: Callable[[float, str], None] | None = None, beside: Sequence[Path] = ()) -> list[FileReport]:
    """Extract events from uploaded (name, bytes) files and merge them into the store, atomically.

    The same file added again replaces its earlier events; another text under a file name that the store or a
    folder `beside` it already holds is kept apart (its id gets a hash), never replacing that article.
    Returns one report per file; a bad file never stops the rest."""
    reports = [FileReport(_file_name(name)) for name, _ in files]
    with tempfile.TemporaryDirectory(prefix="newsline-upload-") as tmp:
        by_path: dict[str, FileReport] = {}
        for i, ((_, data), report) in enumerate(zip(files, reports, strict=True)):
            path = Path(tmp) / report.name  # together, so that a .txt finds its NAME.json sidecar
            if str(path) in by_path:
                path = Path(tmp) / str(i) / report.name
                path.parent.mkdir()
            path.write_bytes(data)
            by_path[str(path)] = report
        for path, report in by_path.items():
            if path.lower().endswith(".json") and (text := ingest.text_beside(Path(path))):
                report.note = f"read as the metadata of {text.name}"
        results, seen = [], []
        stored = {k: v for folder in (*beside, store) for k, v in output.stored_articles(folder).items()}
        for item in pipeline.extract_all([Path(p) for p in by_path], fallback=published, stored=stored):
            origin = item.origin if isinstance(item, Problem) else item[0].origin
            path, _, line = origin.rpartition(":") if origin not in by_path else (origin, "", "")
            report = by_path.get(path) or by_path.get(origin) or next(
                r for p, r in by_path.items() if origin.startswith(p))
            if isinstance(item, Problem):
                report.problems.append((f"line {line}: " if line.isdigit() else "") + item.reason)
            else:
                results.append(item)
                report.articles += 1
                report.events += len(item[1])
                report.unanchored += sum(e.date_basis == "unanchored" for e in item[1])
            if report not in seen:
                seen.append(report)
            if progress:
                progress(len(seen) / (len(reports) + 1), report.name)
        if results:
            output.merge_write(store, results)
    if progress:
        progress(1.0, "done")
    return reports
