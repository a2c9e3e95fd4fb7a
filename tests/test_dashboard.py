"""The dashboard: its query module (dashboard/store.py) and its page under streamlit's AppTest.

Most tests run on tests/fixtures/dashboard/ (a small events.csv / articles.csv written to the extraction
layer's contract); the page is also rendered on the bundled data/ and its counts checked against the CSV.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import charts, store
from extract import ingest, output, pipeline
from extract.model import EVENT_COLUMNS, Article
from extract.output import read_rows

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "dashboard"
DATING = FIXTURE / "dating"  # events of every date_basis, as `python -m extract run DATING/input` wrote them
APP = ROOT / "dashboard" / "app.py"
SEED_TEXT = ROOT / "data" / "articles" / "000_998bbf2173ad093f.txt"


def write_events(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


FIXTURE_EVENTS = read_rows(FIXTURE / "events.csv")
BY_SENTENCE = {r["sentence"]: r["event_id"] for r in FIXTURE_EVENTS}


def event_ids(frame) -> set[str]:
    return set(frame["event_id"].astype(str))


def exported(selection: store.Selection) -> pd.DataFrame:
    return pd.concat(list(selection.export()))


@pytest.fixture
def folders(tmp_path) -> store.Sources:
    """The fixture as the data folder (copied, so nothing touches the repo) and an empty upload store."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    return store.Sources(data, tmp_path / "store")


@pytest.fixture
def dataset(folders) -> store.Dataset:
    return store.load(folders)


@pytest.fixture
def page(folders, monkeypatch):
    """The page on the fixture, run once (AppTest reads the folders from the environment)."""
    monkeypatch.setenv("NEWSLINE_DATA", str(folders.data))
    monkeypatch.setenv("NEWSLINE_STORE", str(folders.store))
    at = AppTest.from_file(str(APP), default_timeout=60)
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def events_table(at: AppTest):
    """The details table (the one with a Sentence column and a Link column)."""
    return next(d.value for d in at.dataframe if "Link" in d.value.columns and "Precision" in d.value.columns)


def plotly_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


# ---------------------------------------------------------------- the fixture itself


@pytest.mark.parametrize("folder", [FIXTURE, DATING], ids=["fixture", "dating"])
def test_fixture_follows_the_events_contract(folder):
    rows = read_rows(folder / "events.csv")
    assert tuple(rows[0]) == EVENT_COLUMNS
    texts = {r["article_id"]: r["text"] for r in read_rows(folder / "articles.csv")}
    for row in rows:
        assert texts[row["article_id"]][int(row["char_start"]):int(row["char_end"])] == row["sentence"]


# ---------------------------------------------------------------- loading


def test_load_reads_every_event_with_its_days(dataset):
    assert len(dataset) == len(FIXTURE_EVENTS) == 9
    assert dataset.extent == (date(2014, 1, 1), date(2021, 8, 10))
    assert int(dataset.dated.sum()) == 8  # the unanchored event has no day
    assert dataset.problems == []


def test_store_rows_replace_the_data_folders_rows_of_the_same_article(folders):
    folders.store.mkdir(parents=True)
    mine = [dict(r, event_type="protest", event_id="mine-" + r["event_id"]) for r in FIXTURE_EVENTS
            if r["article_id"] == "fx-visit"][:1]
    write_events(folders.store / "events.csv", mine)
    ds = store.load(folders)
    visit = ds.events[ds.events["article_id"] == "fx-visit"]
    assert event_ids(visit) == {mine[0]["event_id"]}  # the data folder's three fx-visit events are gone
    assert len(ds) == 9 - 3 + 1
    # the store's one row and every row the data folder holds of other articles
    assert event_ids(ds.events) == {mine[0]["event_id"]} | {r["event_id"] for r in FIXTURE_EVENTS
                                                            if r["article_id"] != "fx-visit"}


def test_parquet_cache_is_written_used_and_rebuilt_when_the_csv_changes(folders):
    store.load(folders)
    cached = sorted((folders.store / store.CACHE_FOLDER).glob("events-*.parquet"))
    assert len(cached) == 1
    first = cached[0].stat().st_mtime_ns
    store.load(folders)
    assert cached[0].stat().st_mtime_ns == first  # fresh: read, not rewritten
    rows = FIXTURE_EVENTS[:2]
    write_events(folders.data / "events.csv", rows)
    assert event_ids(store.load(folders).events) == {r["event_id"] for r in rows}
    cached[0].write_bytes(b"not parquet")  # a broken cache is rebuilt, never trusted
    assert len(store.load(folders)) == 2


def test_an_unreadable_events_file_is_reported_and_the_rest_still_loads(folders):
    folders.store.mkdir(parents=True)
    (folders.store / "events.csv").write_text("event_id,sentence\nx,y\n", encoding="utf-8")
    ds = store.load(folders)
    assert len(ds) == 9
    assert len(ds.problems) == 1
    assert "events.csv" in ds.problems[0] and "missing column(s)" in ds.problems[0]


def test_sources_come_from_arguments_then_environment_then_defaults(tmp_path):
    env = {"NEWSLINE_DATA": str(tmp_path / "env-data"), "NEWSLINE_STORE": str(tmp_path / "env-store")}
    assert store.sources_from([], {}) == store.Sources(store.DEFAULT_DATA, store.DEFAULT_STORE)
    assert store.sources_from([], env) == store.Sources(tmp_path / "env-data", tmp_path / "env-store")
    given = store.sources_from(["--data", str(tmp_path / "a"), "--store", str(tmp_path / "b")], env)
    assert given == store.Sources(tmp_path / "a", tmp_path / "b")


# ---------------------------------------------------------------- filtering


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (store.Filters(), {s for s in BY_SENTENCE}),
        (store.Filters(countries=("RUS",)), {"Russia will help Tajikistan build an outpost on its border with "
                                             "Afghanistan, a senior diplomat said Friday.",
                                             "Russia plans drills with Tajikistan and Uzbekistan on Aug. 5-10.",
                                             "President Vladimir Putin will visit Tajikistan next week, the Kremlin "
                                             "said."}),
        (store.Filters(countries=("UKR", "UZB")), {"Ukraine's president Volodymyr Zelensky met envoys on Friday.",
                                                   "+Kyiv said on March 3, 2014 that troops had moved.",
                                                   "Russia plans drills with Tajikistan and Uzbekistan on Aug. 5-10."}),
        (store.Filters(actors=("Vladimir Putin",)), {"President Vladimir Putin will visit Tajikistan next week, the "
                                                     "Kremlin said."}),
        (store.Filters(event_types=("meeting",)), {"Ukraine's president Volodymyr Zelensky met envoys on Friday.",
                                                   "<script>alert('x')</script> Officials met in Dushanbe in 2014 to "
                                                   "discuss the border."}),
        (store.Filters(sources=("Daily Example",), keyword="KILLED"), {"Gun battles killed 22 people in Tajikistan "
                                                                       "this month."}),
        (store.Filters(articles=("fx-undated",)), {"Ukraine's president Volodymyr Zelensky met envoys on Friday.",
                                                   "+Kyiv said on March 3, 2014 that troops had moved."}),
        (store.Filters(keyword="border"), {s for s in BY_SENTENCE if "border" in s}),
        (store.Filters(include_publication=False), {s for s in BY_SENTENCE if s not in (
            "The Taliban control most of the Afghan border, the diplomat warned.",
            '=HYPERLINK("http://evil.example","click") was posted by @troll on a forum.')}),
        # an interval counts when it overlaps the range: the year 2014 overlaps June 2014
        (store.Filters(start=date(2014, 6, 1), end=date(2014, 6, 30)),
         {"<script>alert('x')</script> Officials met in Dushanbe in 2014 to discuss the border."}),
        (store.Filters(start=date(2015, 9, 20)), {s for s in BY_SENTENCE if s.startswith(
            ("Russia", "The Taliban", "=HYPERLINK", "President", "Gun"))}),
        (store.Filters(keyword="no such words"), set()),
    ],
)
def test_filters_select_the_events_they_describe(dataset, filters, expected):
    sel = dataset.select(filters)
    assert event_ids(exported(sel)) == {BY_SENTENCE[s] for s in expected}
    assert sel.n_events == len(expected)


def test_narrowed_dates_leave_undated_events_out_and_the_whole_range_keeps_them(dataset):
    whole = dataset.select(store.Filters())
    assert (whole.n_dated, whole.n_undated, whole.n_articles) == (8, 1, 3)
    narrowed = dataset.select(store.Filters(end=date(2030, 1, 1)))
    assert (narrowed.n_dated, narrowed.n_undated) == (8, 0)


def test_filters_survive_a_round_trip_through_query_parameters():
    f = store.Filters(date(2015, 1, 1), date(2021, 12, 31), ("RUS", "TJK"), ("Vladimir Putin",), ("visit",),
                      ("Daily Example",), ("fx-visit",), "border", include_publication=False)
    params = store.filters_to_params(f)
    assert params["country"] == ["RUS", "TJK"] and params["pub"] == "0" and params["from"] == "2015-01-01"

    def get_all(key):
        value = params.get(key, [])
        return value if isinstance(value, list) else [value]

    assert store.filters_from_params(get_all) == f
    assert store.filters_to_params(store.Filters()) == {}
    assert store.filters_from_params(lambda key: {"from": ["not a date"]}.get(key, [])) == store.Filters()


# ---------------------------------------------------------------- timeline, map, table


def test_timeline_draws_one_mark_per_event_and_lane_with_intervals_as_bars(dataset):
    tl = store.timeline(dataset.select(store.Filters()), "countries")
    assert tl.unit is None
    assert tl.lanes[0] == "Tajikistan (TJK)"  # the most frequent country first
    drills = tl.marks[tl.marks["event_id"] == BY_SENTENCE[
        "Russia plans drills with Tajikistan and Uzbekistan on Aug. 5-10."]]
    assert sorted(tl.lanes[i] for i in drills["lane"]) == ["Russia (RUS)", "Tajikistan (TJK)", "Uzbekistan (UZB)"]
    assert drills["span"].all()
    assert str(drills["x0"].iloc[0].date()) == "2021-08-05" and str(drills["x1"].iloc[0].date()) == "2021-08-11"
    friday = tl.marks[tl.marks["date_text"] == "Friday"]
    assert not friday["span"].any()  # known to the day: a point
    no_country = tl.marks[tl.marks["event_id"] == BY_SENTENCE[
        '=HYPERLINK("http://evil.example","click") was posted by @troll on a forum.']]
    assert [tl.lanes[i] for i in no_country["lane"]] == ["No country"]
    assert "Ukraine (UKR)" in tl.lanes  # the dated UKR event; the undated one is not drawn


def test_timeline_bins_many_events_and_a_selected_bin_gives_back_its_events(dataset):
    sel = dataset.select(store.Filters())
    tl = store.timeline(sel, "countries", detail_limit=3, max_lanes=2)
    assert tl.unit == "week"  # 2014-01-01 to 2021-08-10: 397 weeks, within store.TARGET_BINS
    assert tl.lanes == ["Tajikistan (TJK)", "Russia (RUS)", "Other countries (3)", "No country"]
    assert int(tl.marks["count"].sum()) == len(tl._members)
    visit = tl.marks[(tl.marks["event_type"] == "visit")]
    assert list(visit["when"]) == ["week of 2015-09-14"] * 2 and list(visit["count"]) == [1, 1]
    assert not visit["span"].any()  # the week of the visit is one bin: a point sized by its count
    year = tl.marks[tl.marks["event_type"] == "meeting"]
    assert year["span"].all() and set(year["when"]) == {"week of 2013-12-30 – week of 2014-12-29"}
    chosen = tl.events_at(dataset, list(visit["group"]))
    assert event_ids(chosen) == {BY_SENTENCE["President Vladimir Putin will visit Tajikistan next week, the Kremlin "
                                             "said."]}
    fig = charts.timeline_figure(tl, charts.type_colors(dataset.options("event_type").index))
    assert {trace.type for trace in fig.data} == {"scatter"}  # few marks: SVG


def test_timeline_figure_colours_types_and_uses_webgl_for_many_marks(dataset):
    tl = store.timeline(dataset.select(store.Filters()), "actors")
    colors = charts.type_colors(dataset.options("event_type").index)
    fig = charts.timeline_figure(tl, colors)
    markers = [t for t in fig.data if t.mode == "markers"]
    assert {t.name for t in markers} == {store.type_label(t) for t in set(tl.marks["event_type"])}
    assert all(t.marker.color == colors[t.legendgroup] for t in markers)
    assert fig.layout.xaxis.rangeslider.visible
    hover = " ".join(h for t in markers for h in t.hovertext)
    assert "&lt;script&gt;" in hover and "<script>" not in hover  # article text is escaped in hover labels
    many = tl.marks.loc[tl.marks.index.repeat(200)].reset_index(drop=True)
    many["group"] = range(len(many))
    big = store.Timeline(tl.lanes, None, many, len(many), None, tl._members, tl._groups)
    assert {t.type for t in charts.timeline_figure(big, colors).data} == {"scattergl"}


def test_timeline_axis_shows_the_filters_dates_else_all_marks(dataset):
    colors = charts.type_colors(dataset.options("event_type").index)
    narrowed = store.timeline(dataset.select(store.Filters(start=date(2021, 7, 15))))
    assert narrowed.window == (date(2021, 7, 15), date(2021, 8, 10))
    lo, hi = charts.timeline_figure(narrowed, colors).layout.xaxis.range
    assert str(lo)[:10] == "2021-07-08" and str(hi)[:10] == "2021-08-18"  # a week either side
    whole = store.timeline(dataset.select(store.Filters()))
    lo, hi = charts.timeline_figure(whole, colors).layout.xaxis.range
    assert str(lo)[:4] == "2013" and str(hi)[:7] == "2021-11"  # 2014-01-01 .. 2021-08-11, and 3 % more


def test_country_counts_count_each_country_an_event_names(dataset):
    counts = dataset.select(store.Filters()).country_counts()
    assert dict(zip(counts["iso3"], counts["events"], strict=True)) == {"TJK": 5, "RUS": 3, "AFG": 2, "UKR": 2,
                                                                        "UZB": 1}
    assert counts["country"].iloc[0] == "Tajikistan"
    fig = charts.country_map(counts)
    assert list(fig.data[1].locations) == ["TJK", "RUS", "AFG", "UKR", "UZB"]
    assert fig.layout.map.style == "white-bg"  # no tiles to fetch: the map works offline


def test_details_table_shows_one_line_per_event_and_only_web_links(dataset):
    rows = dataset.select(store.Filters()).events()
    table = store.details_table(rows)
    assert list(table.columns) == ["Date", "Precision", "Type", "Sentence", "Actors", "Countries", "Date text",
                                   "Source", "Link"]
    assert list(table["Date"])[:2] == ["2014-01-01 – 2014-12-31", "2014-03-03"]  # chronological
    assert all(link == "" or link.startswith("https://") for link in table["Link"])
    undated = store.details_table(dataset.select(store.Filters()).events(undated=True))
    assert list(undated["Date"]) == ["no date"]


# ---------------------------------------------------------------- the article view


def test_article_html_escapes_the_text_and_highlights_the_sentence(dataset):
    row = dataset.events[dataset.events["article_id"] == "fx-visit"].iloc[2]
    event = {k: str(v) for k, v in row.items()}
    page = store.article_html(event, dataset.article("fx-visit"))
    assert "<script>" not in page
    assert "<mark>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Officials met in Dushanbe" in page
    assert 'href="https://example.org/2015/09/11/visit"' in page
    undated = {k: str(v) for k, v in dataset.events[dataset.events["article_id"] == "fx-undated"].iloc[0].items()}
    assert "javascript:" not in store.article_html(undated, dataset.article("fx-undated"))


def test_highlight_finds_the_sentence_when_offsets_are_stale_and_cuts_context_at_spaces():
    text = "First words here. The event sentence. Last words there."
    assert store.highlight_html(text, 0, 5, "The event sentence.") == (
        "First words here. <mark>The event sentence.</mark> Last words there.")
    assert store.highlight_html(text, 18, 37, "The event sentence.", context=8) == (
        "… here. <mark>The event sentence.</mark> Last …")


def test_date_reasoning_gives_the_taggers_reason_or_says_how_the_date_was_reached(dataset):
    def event(sentence_start: str) -> dict[str, str]:
        row = next(r for r in FIXTURE_EVENTS if r["sentence"].startswith(sentence_start))
        return dict(row)

    friday = event("Russia will help")
    reasoning = store.date_reasoning(friday, dataset.article("fx-border"))
    assert reasoning.startswith("'Friday' → 2021-07-23 (day): ")
    assert "2021-07-23" in reasoning.split(": ", 1)[1]  # the tagger's account, against the publication date
    assert store.date_reasoning(friday, None) == (
        "'Friday' was resolved against the publication date 2021-07-23 → 2021-07-23 (day, 2021-07-23).")
    assert store.date_reasoning(event("The Taliban"), dataset.article("fx-border")) == (
        "The sentence has no time expression: the event is dated by the article's publication date, 2021-07-23 "
        "(from the article's metadata). → 2021-07-23 (day).")
    assert "cannot be placed on the calendar" in store.date_reasoning(event("Ukraine's"), dataset.article(
        "fx-undated"))
    assert store.date_reasoning(event("+Kyiv"), None) == (
        "'March 3, 2014' is a full date in the text → 2014-03-03 (day, 2014-03-03).")


@pytest.fixture
def dating(tmp_path) -> store.Dataset:
    """The events of tests/fixtures/dashboard/dating/ (read only; the cache goes to a temporary store)."""
    return store.load(store.Sources(DATING, tmp_path / "store"))


def dating_event(start: str) -> dict[str, str]:
    return next(r for r in read_rows(DATING / "events.csv") if r["sentence"].startswith(start))


def reasoning_of(ds: store.Dataset, event: dict[str, str]) -> str:
    """The date reasoning as the page gives it: with the article and the day the story named earlier."""
    return store.date_reasoning(event, ds.article(event["article_id"]), ds.named_earlier(event))


@pytest.mark.parametrize(
    ("sentence_start", "expected"),
    [
        # a time expression: the tagger's own reason, re-tagged from the article
        ("The foreign minister said Friday", "'Friday' → 2021-07-23 (day): "),
        ("Envoys will meet", "'next week' → 2021-07-26 – 2021-08-01 (week): "),
        ("On March 3, 2020", "'March 3, 2020' → 2020-03-03 (day): "),
        # relative with no date text: dated like the day the story named last, and that day's expression
        # (the nearest earlier event starting that day: 'next week' in between starts another day)
        ("He told reporters", "No time expression in the sentence; dated like the day the story last named, "
                              "'Friday' earlier in the article → 2021-07-23 (day)."),
        ("Troops withdrew", "No time expression in the sentence; dated like the day the story last named, "
                            "'March 3, 2020' earlier in the article → 2020-03-03 (day)."),
        ("Officials say", "The sentence has no time expression: the event is dated by the article's publication "
                          "date, 2021-07-23 (from the article's metadata). → 2021-07-23 (day)."),
        ("Azerbaijan's president", "'Monday' is relative and the article has no publication date: give one to "
                                   "place it (add the article again with a publication date). Until then this "
                                   "event cannot be placed on the calendar."),
        ("Protesters rallied", "No time expression in the sentence, and the article has no publication date: this "
                               "event cannot be placed on the calendar. Add the article again with a publication "
                               "date to date it by that."),
    ],
)
def test_date_reasoning_follows_each_rows_date_basis_and_date_text(dating, sentence_start, expected):
    event = dating_event(sentence_start)
    reasoning = reasoning_of(dating, event)
    assert reasoning.startswith(expected) if expected.endswith(": ") else reasoning == expected
    if expected.endswith(": "):
        assert len(reasoning) > len(expected) and f"'{event['date_text']}': " not in reasoning  # said once


def test_named_earlier_is_only_for_events_dated_by_the_story(dating):
    assert dating.named_earlier(dating_event("He told reporters")) == "Friday"
    for start in ("The foreign minister said Friday", "Officials say", "Protesters rallied", "Azerbaijan's"):
        assert dating.named_earlier(dating_event(start)) == ""
    first = dict(dating_event("He told reporters"), char_start="0")  # nothing named before it
    assert dating.named_earlier(first) == ""
    assert store.date_reasoning(first, None) == (
        "No time expression in the sentence; dated like the day the story last named → 2021-07-23 (day).")


def test_date_reasoning_falls_back_to_the_row_when_re_tagging_cannot_explain_it(dating):
    friday = dating_event("The foreign minister said Friday")
    article = dating.article("fx-talks")
    plain = "'Friday' was resolved against the publication date {} (from the article's metadata) → 2021-07-23 ({})."
    assert store.date_reasoning(friday, dict(article, published="23/07/2021")) == plain.format(  # not a date
        "23/07/2021", "day, 2021-07-23")
    assert store.date_reasoning(dict(friday, char_start="x"), article) == plain.format(  # not an offset
        "2021-07-23", "day, 2021-07-23")
    moved = dict(friday, date_value="2021-07-16")  # a value the tagger does not give: its reason is not shown
    assert store.date_reasoning(moved, article) == plain.format("2021-07-23", "day, 2021-07-16")
    other_text = dict(article, text="The foreign minister spoke.")  # the expression is not in the text
    assert store.date_reasoning(friday, other_text) == plain.format("2021-07-23", "day, 2021-07-23")


def test_hover_labels_say_how_an_event_without_date_text_was_dated(dating):
    tl = store.timeline(dating.select(store.Filters()), "countries")
    fig = charts.timeline_figure(tl, charts.type_colors(dating.options("event_type").index))
    hover = {h.split("<br>")[-2]: h.split("<br>")[0] for t in fig.data if t.mode == "markers" for h in t.hovertext}
    assert hover["He told reporters the ceasefire was broken twice."] == (
        "<b>2021-07-23</b> (day) · dated like the day the story last named")
    assert hover["Officials say new talks are planned."] == "<b>2021-07-23</b> (day) · dated by publication"
    assert hover["Envoys will meet in Geneva next week."] == "<b>2021-07-26 – 2021-08-01</b> (week) · “next week”"


def test_date_reasoning_and_hover_on_the_bundled_events(tmp_path):
    events = ROOT / "data" / "events.csv"
    if not events.is_file():
        pytest.skip("data/events.csv is not in this checkout yet")
    ds = store.load(store.Sources(ROOT / "data", tmp_path / "store"))
    rows = read_rows(events)
    for row in rows:
        reasoning = reasoning_of(ds, row)
        said, basis = row["date_text"], row["date_basis"]
        if said and basis != "unanchored":
            assert reasoning.startswith(f"'{said}' → "), reasoning  # the tagger's own reason was found
        elif basis == "relative":  # dated like the story's last named day, which an earlier event names
            named = ds.named_earlier(row)
            assert named and any(r["date_text"] == named and r["date_start"] == row["date_start"] for r in rows)
            assert reasoning.startswith(f"No time expression in the sentence; dated like the day the story last "
                                        f"named, '{named}' earlier in the article → "), reasoning
        elif basis == "publication":
            assert reasoning.startswith("The sentence has no time expression: the event is dated by the "
                                        f"article's publication date, {row['published']} ("), reasoning
        else:
            assert "cannot be placed on the calendar" in reasoning
    marks = store.timeline(ds.select(store.Filters()), "countries").marks
    hover = charts._hover(marks, [])
    for basis, text, label in zip(marks["date_basis"], marks["date_text"], hover, strict=True):
        assert ("dated by publication" in label) == (basis == "publication" and not text)
        assert ("dated like the day the story last named" in label) == (basis == "relative" and not text)


# ---------------------------------------------------------------- downloads


def test_csv_download_has_exactly_the_events_columns_and_every_selected_event(dataset):
    frame = exported(dataset.select(store.Filters()))
    parsed = list(csv.reader(io.StringIO(store.events_csv(frame).decode("utf-8"), newline="")))
    assert tuple(parsed[0]) == EVENT_COLUMNS
    assert len(parsed) == 1 + 9
    by_id = {r[0]: dict(zip(EVENT_COLUMNS, r, strict=True)) for r in parsed[1:]}
    original = {r["event_id"]: r for r in FIXTURE_EVENTS}
    for event_id, row in by_id.items():
        assert {k: store.neutralise(v) for k, v in original[event_id].items()} == row


def test_downloads_neutralise_cells_that_start_a_formula(dataset):
    frame = exported(dataset.select(store.Filters())).copy()
    dangerous = {"sentence": "=1+1", "actors": "+cmd|' /C calc'!A0", "trigger": "-2+3", "title": "@SUM(A1)",
                 "url": "\tpadded", "source": "\rreturn"}
    safe = {"countries": "RUS;TJK", "date_text": "say =1", "confidence": "0.80"}
    for column, value in {**dangerous, **safe}.items():
        frame[column] = frame[column].astype(str)
        frame.loc[frame.index[0], column] = value
    first = frame["event_id"].iloc[0]
    csv_row = next(r for r in csv.DictReader(io.StringIO(store.events_csv(frame).decode("utf-8"), newline=""))
                   if r["event_id"] == first)
    json_row = next(r for r in json.loads(store.events_json(frame)) if r["event_id"] == first)
    for row in (csv_row, json_row):
        for column, value in dangerous.items():
            assert row[column] == "'" + value, column
        for column, value in safe.items():
            assert row[column] == value, column
    fixture_csv = store.events_csv(dataset.select(store.Filters()).export()).decode("utf-8")
    assert "'=HYPERLINK" in fixture_csv and "'+Kyiv" in fixture_csv and "'@troll" in fixture_csv


def test_json_download_holds_the_same_records_as_the_csv(dataset):
    selection = dataset.select(store.Filters(countries=("TJK",)))
    records = json.loads(store.events_json(selection.export(batch=2)))  # written a part at a time
    assert [tuple(r) for r in records] == [EVENT_COLUMNS] * 5
    text = store.events_csv(selection.export(batch=2)).decode("utf-8")
    assert text == store.events_csv(exported(selection)).decode("utf-8")
    assert records == list(csv.DictReader(io.StringIO(text, newline="")))
    nothing = dataset.select(store.Filters(keyword="no such words"))
    assert json.loads(store.events_json(nothing.export())) == []
    assert list(csv.reader(io.StringIO(store.events_csv(nothing.export()).decode("utf-8")))) == [list(EVENT_COLUMNS)]


# ---------------------------------------------------------------- uploads


def seed_files() -> list[tuple[str, bytes]]:
    if not SEED_TEXT.is_file():
        pytest.skip("data/articles/ (the bundled seed articles) is not in this checkout")
    text = SEED_TEXT.read_bytes()
    other = b"On Monday, Armenia and Azerbaijan agreed a ceasefire, the foreign ministry in Baku said.\n"
    return [
        ("seed.txt", text),
        ("seed.json", json.dumps({"title": "Seed", "published": "2021-07-23"}).encode()),
        ("batch.jsonl", json.dumps({"id": "batch-1", "text": other.decode(), "published": "2020-10-12"}).encode()
         + b"\n{broken json\n"),
        ("binary.txt", b"\x00\x01\x02 not text"),
        ("empty.csv", b""),
    ]


def test_upload_stores_the_good_files_reports_the_bad_ones_and_is_idempotent(tmp_path):
    store_dir = tmp_path / "store"
    progress = []
    reports = store.add_uploads(store_dir, seed_files(), progress=lambda done, name: progress.append(done))
    by_name = {r.name: r for r in reports}
    assert by_name["seed.txt"].ok and by_name["seed.txt"].articles == 1 and by_name["seed.txt"].events > 0
    assert by_name["seed.json"].ok and "metadata of seed.txt" in by_name["seed.json"].message()
    assert by_name["batch.jsonl"].articles == 1
    assert "line 2: malformed JSON" in by_name["batch.jsonl"].message()
    assert not by_name["binary.txt"].ok and "binary file" in by_name["binary.txt"].message()
    assert not by_name["empty.csv"].ok and "empty file" in by_name["empty.csv"].message()
    assert progress[-1] == 1.0 and progress == sorted(progress)
    stored = read_rows(store_dir / "events.csv")
    assert {r["article_id"] for r in stored} == {"seed", "batch-1"}
    assert {r["published"] for r in stored if r["article_id"] == "seed"} == {"2021-07-23"}  # from the sidecar
    again = store.add_uploads(store_dir, seed_files())
    assert [r.events for r in again] == [r.events for r in reports]
    assert read_rows(store_dir / "events.csv") == stored  # nothing duplicated
    ds = store.load(store.Sources(tmp_path / "no-data", store_dir))  # a new load (a restart) sees them
    assert len(ds) == len(stored)


def test_upload_reads_a_sidecar_beside_an_upper_case_txt_as_the_extraction_layer_does(tmp_path):
    text = b"On Monday, Armenia and Azerbaijan agreed a ceasefire, the foreign ministry in Baku said.\n"
    meta = json.dumps({"title": "Ceasefire", "published": "2020-10-12"}).encode()
    reports = store.add_uploads(tmp_path / "store", [("NOTE.TXT", text), ("NOTE.json", meta)])
    assert [r.ok for r in reports] == [True, True]
    assert reports[1].message() == "read as the metadata of NOTE.TXT"
    assert {(r["title"], r["published"]) for r in read_rows(tmp_path / "store" / "articles.csv")} == {
        ("Ceasefire", "2020-10-12")}


def test_upload_names_cannot_reach_outside_the_upload_folder(tmp_path):
    text = b"On Monday, Armenia and Azerbaijan agreed a ceasefire, the foreign ministry in Baku said.\n"
    reports = store.add_uploads(tmp_path / "store", [("../../escape.txt", text), ("..", text),
                                                     ("C:\\dir\\win.txt", text)], date(2020, 10, 12))
    assert [r.name for r in reports] == ["escape.txt", "upload", "win.txt"]
    assert not (tmp_path / "escape.txt").exists()
    assert "unsupported format" in reports[1].message()  # no extension: not read, and said so
    assert {r["article_id"] for r in read_rows(tmp_path / "store" / "articles.csv")} == {"escape", "win"}


def test_upload_date_field_dates_only_files_that_carry_none(tmp_path):
    text = SEED_TEXT.read_bytes() if SEED_TEXT.is_file() else pytest.skip("no seed article in this checkout")
    dated = json.dumps({"id": "dated", "text": text.decode("utf-8"), "published": "2021-07-23"}).encode()
    undated = store.add_uploads(tmp_path / "a", [("plain.txt", text)])
    assert undated[0].unanchored > 0 and "give one in the date field" in undated[0].message()
    reports = store.add_uploads(tmp_path / "b", [("plain.txt", text), ("dated.json", dated)], date(2022, 1, 7))
    assert [r.unanchored for r in reports] == [0, 0]
    articles = {r["article_id"]: r for r in read_rows(tmp_path / "b" / "articles.csv")}
    assert (articles["plain"]["published"], articles["plain"]["published_basis"]) == ("2022-01-07", "option")
    assert (articles["dated"]["published"], articles["dated"]["published_basis"]) == ("2021-07-23", "metadata")


# ---------------------------------------------------------------- the page (AppTest)


def test_page_renders_on_the_fixture_with_every_part(page):
    at = page.run()
    assert not at.exception
    assert metrics(at) == {"Events": "9", "On the timeline": "8", "Undated": "1", "Articles": "3"}
    timeline, country_map = plotly_specs(at)
    assert any(trace.get("mode") == "markers" for trace in timeline["data"])
    assert country_map["data"][1]["type"] == "choroplethmap"
    assert len(events_table(at)) == 8
    assert [s.value for s in at.subheader][:4] == ["Where", "Events", "Undated events (1)", "Article"]
    article = at.html[0].proto.body
    assert "<mark>" in article and "&lt;script&gt;" in article and "<script>" not in article
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download JSON"]
    assert at.file_uploader[0].accept_multiple_files
    assert at.file_uploader[0].allowed_type == list(ingest.READ_SUFFIXES)  # every type the extraction layer reads


def test_page_renders_on_the_bundled_data(monkeypatch, tmp_path):
    events = ROOT / "data" / "events.csv"
    if not events.is_file():
        pytest.skip("data/events.csv is not in this checkout yet")
    rows = read_rows(events)
    monkeypatch.setenv("NEWSLINE_DATA", str(ROOT / "data"))
    monkeypatch.setenv("NEWSLINE_STORE", str(tmp_path / "store"))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert not at.error
    dated = [r for r in rows if r["date_start"]]
    assert metrics(at)["Events"] == str(len(rows))
    assert metrics(at)["On the timeline"] == str(len(dated))
    assert metrics(at)["Articles"] == str(len({r["article_id"] for r in rows}))
    assert len(events_table(at)) == min(len(dated), store.TABLE_LIMIT)
    country = max({c for r in rows for c in r["countries"].split(";") if c},
                  key=lambda c: (sum(c in r["countries"].split(";") for r in rows), c))
    at.sidebar.multiselect(key="f_countries").select(country).run()
    assert metrics(at)["Events"] == str(sum(country in r["countries"].split(";") for r in rows))


@pytest.mark.parametrize(
    ("action", "events", "table_check"),
    [
        (lambda at: at.sidebar.multiselect(key="f_countries").select("RUS"), "3",
         lambda table: all("RUS" in c for c in table["Countries"])),
        (lambda at: at.sidebar.multiselect(key="f_actors").select("Vladimir Putin"), "1",
         lambda table: list(table["Actors"]) == ["Vladimir Putin; Russia"]),
        (lambda at: at.sidebar.multiselect(key="f_types").select("military_exercise"), "1",
         lambda table: list(table["Type"]) == ["military exercise"]),
        (lambda at: at.sidebar.multiselect(key="f_sources").select("Example Wire"), "4",
         lambda table: set(table["Source"]) == {"Russia to Build Border Outpost"}),
        (lambda at: at.sidebar.multiselect(key="f_articles").select("fx-visit"), "3",
         lambda table: set(table["Source"]) == {"Putin to Visit Tajikistan"}),
        (lambda at: at.sidebar.text_input(key="f_q").input("border"), "3",
         lambda table: all("border" in s for s in table["Sentence"])),
        (lambda at: at.sidebar.toggle(key="f_pub").set_value(False), "7",
         lambda table: len(table) == 6),
        (lambda at: at.sidebar.date_input(key="f_dates").set_value((date(2015, 1, 1), date(2015, 12, 31))), "2",
         lambda table: list(table["Date"]) == ["2015-09-01 – 2015-09-30", "2015-09-14 – 2015-09-20"]),
    ],
)
def test_each_filter_changes_the_counts_and_the_table(page, action, events, table_check):
    at = page.run()
    action(at)
    at.run()
    assert not at.exception
    assert metrics(at)["Events"] == events
    table = events_table(at)
    assert table_check(table)


def test_filters_are_written_to_the_url(page):
    at = page.run()
    at.sidebar.multiselect(key="f_countries").select("RUS").select("UZB")
    at.sidebar.text_input(key="f_q").input("drills")
    at.run()
    assert at.query_params["country"] == ["RUS", "UZB"]
    assert at.query_params["q"] == "drills"
    assert "from" not in at.query_params  # the whole date range is the default, not written


def test_a_bookmarked_url_restores_its_filters(page):
    page.query_params.update({"country": ["RUS", "UZB"], "q": "drills", "from": "2021-01-01", "pub": "0",
                              "lanes": "actors"})
    at = page.run()
    assert not at.exception
    assert at.sidebar.multiselect(key="f_countries").value == ["RUS", "UZB"]
    assert at.sidebar.text_input(key="f_q").value == "drills"
    assert at.sidebar.date_input(key="f_dates").value == (date(2021, 1, 1), date(2021, 8, 10))
    assert at.sidebar.toggle(key="f_pub").value is False
    assert at.radio(key="lanes").value == "actors"
    assert metrics(at)["Events"] == "1"
    assert list(events_table(at)["Date text"]) == ["Aug. 5-10"]


def test_an_empty_result_says_so_plainly(page):
    at = page.run()
    at.sidebar.text_input(key="f_q").input("no such words").run()
    assert metrics(at)["Events"] == "0"
    assert [i.value for i in at.info] == ["No events match these filters. Widen the date range or remove a filter."]
    assert not at.get("plotly_chart")


def test_choosing_an_event_shows_its_article_and_date_reasoning(page, folders):
    at = page.run()
    chooser = next(s for s in at.selectbox if s.label == "Show the article of")
    assert chooser.options[0].startswith("2014-01-01 – 2014-12-31 · meeting · ")  # the earliest, by default
    events = store.load(folders).events
    drills = int(events.index[events["sentence"].str.startswith("Russia plans drills")][0])  # the row chosen
    chooser.set_value(drills).run()
    article = at.html[0].proto.body
    assert "<mark>Russia plans drills with Tajikistan and Uzbekistan on Aug. 5-10.</mark>" in article
    assert "&#x27;Aug. 5-10&#x27; → 2021-08-05 – 2021-08-10 (day)" in article


def test_upload_through_the_page_adds_events_that_a_new_visit_sees(page, folders):
    at = page.run()
    at.file_uploader[0].set_value([(name, data, "text/plain") for name, data in seed_files()]).run()
    at.button(key="extract").click().run()
    assert not at.exception
    assert at.success and "Added" in at.success[0].value
    assert at.error and "could not be read" in at.error[0].value
    report = next(d.value for d in at.dataframe if "File" in d.value.columns)
    assert dict(zip(report["File"], report["Result"], strict=True))["binary.txt"] == "not read"
    added = len(read_rows(folders.store / "events.csv"))
    assert metrics(at)["Events"] == str(9 + added)
    fresh = AppTest.from_file(str(APP), default_timeout=60).run()  # a new session, as after a restart
    assert metrics(fresh)["Events"] == str(9 + added)


def test_a_fresh_start_with_no_events_offers_the_upload(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINE_DATA", str(tmp_path / "nothing"))
    monkeypatch.setenv("NEWSLINE_STORE", str(tmp_path / "store"))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert at.info[0].value.startswith("No events yet.")
    assert [s.value for s in at.subheader] == ["Add articles"]


def test_only_undated_events_are_listed_without_a_timeline(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    undated = [r for r in FIXTURE_EVENTS if r["date_basis"] == "unanchored"]
    write_events(data / "events.csv", undated)
    shutil.copy(FIXTURE / "articles.csv", data / "articles.csv")
    monkeypatch.setenv("NEWSLINE_DATA", str(data))
    monkeypatch.setenv("NEWSLINE_STORE", str(tmp_path / "store"))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert metrics(at) == {"Events": "1", "On the timeline": "0", "Undated": "1", "Articles": "1"}
    assert not at.get("plotly_chart") and not at.sidebar.date_input
    assert "Undated events (1)" in [s.value for s in at.subheader]
    assert "cannot be placed on the calendar" in at.html[0].proto.body


def test_an_upload_never_replaces_another_article_of_the_same_name(tmp_path):
    data, store_dir = tmp_path / "data", tmp_path / "store"
    bundled = "Russian forces shelled Kharkiv on Monday."
    output.merge_write(data, [pipeline.process(Article("report", bundled, published=date(2024, 3, 8)))])
    upload = b"Chinese ships held drills on Tuesday."
    reports = store.add_uploads(store_dir, [("report.txt", upload)], date(2024, 3, 8), beside=[data])
    assert reports[0].ok
    ds = store.load(store.Sources(data, store_dir))
    texts = {a["text"] for a in (ds.article(i) for i in ds.options("article_id").index)}
    assert texts == {bundled, upload.decode()}
    again = store.add_uploads(store_dir, [("report.txt", upload)], date(2024, 3, 8), beside=[data])
    assert again[0].ok and len(store.load(store.Sources(data, store_dir))) == len(ds)
