"""Newsline's page: `streamlit run dashboard/app.py [-- --data DIR --store DIR]`, then open http://localhost:8501.

Only layout lives here: the events come from dashboard.store, the figures from dashboard.charts.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout: for `dashboard` and `extract`

import streamlit as st  # noqa: E402

from dashboard import charts, store  # noqa: E402

LANES = {"countries": "by country", "actors": "by actor"}
# multi-selects: widget key, Filters field, Dataset column
CHOICES = (("f_countries", "countries", "countries"), ("f_actors", "actors", "actors"),
           ("f_types", "event_types", "event_type"), ("f_sources", "sources", "source"),
           ("f_articles", "articles", "article_id"))
FILTER_KEYS = ("f_dates", "f_q", "f_pub", *(key for key, _, _ in CHOICES))


@st.cache_resource(max_entries=1, show_spinner="Loading events…")
def _dataset(data: str, upload_store: str, stamp: tuple) -> store.Dataset:
    return store.load(store.Sources(Path(data), Path(upload_store)))


def _options(ds: store.Dataset, column: str, chosen: list[str], limit: int | None = None) -> list[str]:
    """A multi-select's values: the most frequent first (the first `limit`), plus whatever is chosen."""
    values = list(ds.options(column).index[:limit])
    return values + [v for v in chosen if v not in values]


def _restore(ds: store.Dataset) -> None:
    """Once per visit: the filters of the URL's query parameters (a bookmark), else the defaults."""
    f = store.filters_from_params(st.query_params.get_all)
    for key, name, column in CHOICES:  # values the events do not have are dropped
        st.session_state[key] = [v for v in getattr(f, name) if v in ds.options(column).index]
    st.session_state.f_q = f.keyword
    st.session_state.f_pub = f.include_publication
    if ds.extent:
        st.session_state.f_dates = _within((f.start or ds.extent[0], f.end or ds.extent[1]), *ds.extent)
        st.session_state.extent = ds.extent
    lanes = (st.query_params.get_all("lanes") or ["countries"])[-1]
    st.session_state.lanes = lanes if lanes in LANES else "countries"


def _within(days: tuple, lo: date, hi: date) -> tuple[date, date]:
    """A (start, end) range moved inside [lo, hi], in order (a date input refuses anything else)."""
    inside = sorted(min(max(d, lo), hi) for d in days) or [lo, hi]
    return inside[0], inside[-1]


def _clear() -> None:
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)
    st.session_state.pop("restored", None)
    st.query_params.clear()


def sidebar_filters(ds: store.Dataset) -> store.Filters:
    """The sidebar's widgets, read into a Filters."""
    st.header("Filters")
    start = end = None
    if ds.extent:
        lo, hi = ds.extent
        if st.session_state.get("extent") != ds.extent:  # the events changed (an upload)
            chosen = tuple(st.session_state.get("f_dates", ()))
            covered_all = chosen in ((), st.session_state.get("extent"))  # a range that covered all still does
            st.session_state.f_dates = (lo, hi) if covered_all else _within(chosen, lo, hi)
            st.session_state.extent = ds.extent
        picked = st.date_input("Dates", key="f_dates", min_value=lo, max_value=hi, format="YYYY-MM-DD",
                               help="Events whose interval overlaps this range. The default covers all events.")
        picked = tuple(picked) if isinstance(picked, tuple | list) else (picked,)
        start = picked[0] if picked and picked[0] > lo else None
        end = picked[1] if len(picked) > 1 and picked[1] < hi else None
    labels = ds.article_titles
    countries = ds.options("countries")
    f_countries = st.multiselect(
        "Countries", _options(ds, "countries", st.session_state.get("f_countries", [])), key="f_countries",
        format_func=lambda c: f"{store.country_label(c)} · {countries.get(c, 0):,}",
        help="Events naming any of these countries.")
    f_actors = st.multiselect(
        "Actors", _options(ds, "actors", st.session_state.get("f_actors", []), store.OPTION_LIMIT), key="f_actors",
        help=f"Events naming any of these actors (type to search the {store.OPTION_LIMIT:,} most frequent).")
    f_types = st.multiselect("Event types", _options(ds, "event_type", st.session_state.get("f_types", [])),
                             key="f_types", format_func=store.type_label)
    f_sources = st.multiselect("Sources", _options(ds, "source", st.session_state.get("f_sources", [])),
                               key="f_sources", format_func=lambda s: s or "(no source)")
    f_articles = st.multiselect(
        "Articles", _options(ds, "article_id", st.session_state.get("f_articles", []), store.OPTION_LIMIT),
        key="f_articles", format_func=lambda a: labels.get(a, a))
    keyword = st.text_input("Keyword in the sentence", key="f_q", placeholder="e.g. border")
    include_publication = st.toggle("Include events dated only by publication", key="f_pub",
                                    help="Events whose sentence has no time expression carry the article's "
                                         "publication date, a weaker date than one the text states.")
    st.button("Clear filters", on_click=_clear)
    return store.Filters(start, end, tuple(f_countries), tuple(f_actors), tuple(f_types), tuple(f_sources),
                         tuple(f_articles), keyword.strip(), include_publication)


def show_counts(ds: store.Dataset, sel: store.Selection) -> None:
    cols = st.columns(4)
    cols[0].metric("Events", f"{sel.n_events:,}", help=f"of {len(ds):,} in all")
    cols[1].metric("On the timeline", f"{sel.n_dated:,}")
    cols[2].metric("Undated", f"{sel.n_undated:,}", help="Relative dates with no publication date to count from")
    cols[3].metric("Articles", f"{sel.n_articles:,}")


def show_timeline(ds: store.Dataset, sel: store.Selection) -> tuple[store.Timeline, list[int]]:
    """The timeline; returns it with the mark groups the user selected on it."""
    lanes = st.radio("Lanes", list(LANES), format_func=LANES.get, key="lanes", horizontal=True)
    tl = store.timeline(sel, lanes)
    if tl.unit:
        st.caption(f"{tl.n_events:,} dated events, drawn as counts per {tl.unit}, lane and type (marker size); "
                   f"narrow the filters to {store.DETAIL_LIMIT:,} or fewer events to see one mark per event. "
                   "A bar spans events known only to a coarser period than one bin.")
    else:
        st.caption("● an event known to the day · ◆ on a bar: an event known only to a week, month, year or a "
                   "range of days, drawn over that interval. An event naming several countries or actors sits "
                   "in each of their lanes. Drag to zoom, double-click to reset; select points for details.")
    event = st.plotly_chart(charts.timeline_figure(tl, charts.type_colors(ds.options("event_type").index)),
                            key="timeline", on_select="rerun", selection_mode=("points", "box", "lasso"),
                            config={"displaylogo": False, "scrollZoom": True})
    points = event.selection.points if event and event.selection else []
    groups = [p.get("customdata") for p in points if isinstance(p.get("customdata"), int)]
    return tl, groups


def show_map(sel: store.Selection) -> None:
    st.subheader("Where")
    counts = sel.country_counts()
    left, right = st.columns([3, 2])
    with left:
        st.plotly_chart(charts.country_map(counts), key="map", config={"displaylogo": False})
    with right:
        st.dataframe(counts.rename(columns={"iso3": "ISO3", "country": "Country", "events": "Events"}),
                     hide_index=True, height=min(380, 35 * (len(counts) + 1) + 3))
    missing = counts[~counts["iso3"].isin(charts.mapped_codes())]
    if len(missing):
        st.caption("Too small for the map's scale (listed beside it): "
                   + ", ".join(f"{c} ({i})" for c, i in zip(missing["country"], missing["iso3"], strict=True)))


def show_downloads(sel: store.Selection) -> None:
    """CSV and JSON of every event the filters select (made when clicked: a million rows take seconds)."""
    what = f"All {sel.n_events:,} events the filters select, in the columns of events.csv"
    left, right, _ = st.columns([1, 1, 4])
    left.download_button("Download CSV", data=lambda: store.events_csv(sel.export()), file_name="newsline-events.csv",
                         mime="text/csv", on_click="ignore", icon=":material/download:", help=what)
    right.download_button("Download JSON", data=lambda: store.events_json(sel.export()),
                          file_name="newsline-events.json", mime="application/json", on_click="ignore",
                          icon=":material/download:", help=what)


def show_details(ds: store.Dataset, sel: store.Selection, tl: store.Timeline, groups: list[int]) -> None:
    picked = tl.events_at(ds, groups) if groups else None
    if picked is not None and len(picked):
        st.subheader(f"Selected on the timeline ({len(picked):,})")
        rows = picked.head(store.TABLE_LIMIT)
    else:
        st.subheader("Events")
        rows = sel.events(store.TABLE_LIMIT)
        if sel.n_dated > len(rows):
            st.caption(f"The first {len(rows):,} of {sel.n_dated:,} dated events; the downloads hold them all.")
    show_downloads(sel)
    columns = {"Link": st.column_config.LinkColumn("Link", display_text="open ↗"),
               "Sentence": st.column_config.TextColumn(width="large")}
    clicked = st.dataframe(store.details_table(rows), key="table", on_select="rerun", selection_mode="single-row",
                           hide_index=True, column_config=columns) if len(rows) else None
    undated = sel.events(store.TABLE_LIMIT, undated=True)
    if len(undated):
        st.subheader(f"Undated events ({sel.n_undated:,})")
        st.caption("Their dates are relative (\"Friday\", \"next week\") and their article has no publication "
                   "date to count from, so they cannot sit on the time axis. Add the article again with a "
                   "publication date to place them.")
        st.dataframe(store.details_table(undated), hide_index=True)
    show_article(ds, [*rows.index, *undated.index], clicked.selection.rows if clicked else [])


def show_article(ds: store.Dataset, row_numbers: list[int], clicked: list[int]) -> None:
    """The event chooser and the chosen event's article, sentence highlighted, with its date reasoning."""
    if not row_numbers:
        return
    st.subheader("Article")
    events = ds.events.loc[row_numbers]
    labels = {i: f"{store.date_label(r.date_start, r.date_end)} · {store.type_label(r.event_type)} · "
                 f"{r.sentence[:90]}" for i, r in zip(row_numbers, events.itertuples(), strict=True)}
    chosen = st.selectbox("Show the article of", row_numbers, index=clicked[0] if clicked else 0,
                          format_func=labels.get)
    event = {k: str(v) for k, v in ds.events.loc[chosen].items()}
    article = ds.article(event["article_id"])
    named = ds.named_earlier(event)
    st.html(store.article_html(event, article, named_earlier=named))
    if article and article.get("text"):
        with st.expander("The whole article"):
            st.html(store.article_html(event, article, context=None, named_earlier=named))


def show_upload(sources: store.Sources) -> None:
    st.subheader("Add articles")
    st.caption(f"Articles you add are stored in {sources.store} and kept across restarts; the same file added "
               "again replaces its earlier events, while a different text under a name already stored is kept "
               "beside it. Uploaded text is shown as text, never run as HTML.")
    n = st.session_state.get("upload_round", 0)
    files = st.file_uploader(f"Articles ({', '.join(store.UPLOAD_TYPES)}; several at once)",
                             type=list(store.UPLOAD_TYPES), accept_multiple_files=True, key=f"upload_{n}")
    published = st.date_input("Publication date for files that carry none", value=None, format="YYYY-MM-DD",
                              key=f"upload_date_{n}", help="Relative dates (\"Friday\", \"next week\") are counted "
                              "from it. Files with their own date keep it.")
    if st.button("Extract events", key="extract", type="primary", disabled=not files):
        bar = st.progress(0.0, text="Extracting…")
        reports = store.add_uploads(sources.store, [(f.name, f.getvalue()) for f in files], published,
                                    lambda done, name: bar.progress(done, text=f"Extracting… {name}"),
                                    beside=[sources.data])
        st.session_state.upload_reports = reports
        st.session_state.upload_round = n + 1  # a fresh uploader for the next batch
        st.rerun()
    reports = st.session_state.get("upload_reports")
    if reports:
        good = [r for r in reports if r.ok]
        added = sum(r.events for r in reports)
        if good:
            st.success(f"Added {added:,} event(s) from {sum(r.articles for r in reports):,} article(s) in "
                       f"{len(good)} file(s).")
        if len(good) < len(reports):
            st.error(f"{len(reports) - len(good)} file(s) could not be read: see below. The others were added.")
        st.dataframe({"File": [r.name for r in reports], "Result": ["added" if r.ok else "not read" for r in reports],
                      "Details": [r.message() for r in reports]}, hide_index=True)


def main() -> None:
    st.set_page_config(page_title="Newsline", layout="wide")  # the default icon: a custom one is fetched online
    sources = store.sources_from(sys.argv[1:])
    ds = _dataset(str(sources.data), str(sources.store), store.signature(sources))
    if "restored" not in st.session_state:
        _restore(ds)
        st.session_state.restored = True
    with st.sidebar:
        filters = sidebar_filters(ds)
        st.caption(f"{len(ds):,} events · {sources.describe()}")
    st.query_params.from_dict({**store.filters_to_params(filters),
                               **({"lanes": st.session_state.lanes} if st.session_state.get("lanes") == "actors"
                                  else {})})
    st.title("Newsline")
    st.caption("Dated events from your news articles: what happened, when (as exactly as the text allows), who "
               "acted and where, with the sentence that says so.")
    for problem in ds.problems:
        st.error(problem)
    if not len(ds):
        st.info("No events yet. Add articles below, or start the page with `-- --data DIR` pointing at a folder "
                "holding an events.csv.")
    else:
        sel = ds.select(filters)
        show_counts(ds, sel)
        if not sel.n_events:
            st.info("No events match these filters. Widen the date range or remove a filter.")
        else:
            tl, groups = show_timeline(ds, sel) if sel.n_dated else (None, [])
            if sel.n_dated:
                show_map(sel)
            else:
                st.caption("None of the matching events has a date; they are listed below.")
            show_details(ds, sel, tl, groups)
    show_upload(sources)


main()
