"""Plotly figures for the page, drawn from what store.py computes: the timeline and the map.

Text from articles (sentences, actors, titles) is HTML-escaped before it goes into a hover label.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dashboard.store import Timeline, country_label, date_note, type_label
from dashboard.worldmap import mapped_codes, world_geojson

PALETTE = px.colors.qualitative.Plotly + px.colors.qualitative.D3 + px.colors.qualitative.Dark24
SVG_LIMIT = 1_000  # above this many marks the timeline uses WebGL traces (Scattergl)
LANE_PX = (48, 96)  # the height of a lane: 12 px for each event type in it, within these bounds


def type_colors(event_types: Sequence[str]) -> dict[str, str]:
    """A colour for each event type, fixed by the sorted list of all types (the same under any filter)."""
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(event_types))}


def _escape(value: str, width: int = 90, limit: int = 360) -> str:
    """Article text for a hover label: escaped, cut at `limit` characters, wrapped at `width`."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width))


def _hover(marks: pd.DataFrame, lanes: list[str]) -> list[str]:
    """Each mark's hover label: date, what dated it (date text or basis), type, actors, countries and sentence, or
    a bin's count."""
    if "event_id" not in marks:  # counts per bin
        return [f"<b>{n:,} event{'s' if n > 1 else ''}</b> · {html.escape(type_label(t))}<br>{when}"
                f"<br>{html.escape(lanes[lane])}"
                for n, t, when, lane in zip(marks["count"], marks["event_type"], marks["when"], marks["lane"],
                                            strict=True)]
    out = []
    for m in marks.itertuples(index=False):
        dated = html.escape(date_note(m.date_text, m.date_basis))
        countries = ", ".join(country_label(c) for c in m.countries.split(";") if c) or "none found"
        actors = html.escape(m.actors.replace(";", "; ")) or "none found"
        out.append(
            f"<b>{m.when}</b> ({m.date_precision}) · {dated}<br><b>{html.escape(type_label(m.event_type))}</b>"
            f"<br>Actors: {actors}<br>Countries: {html.escape(countries)}<br>{_escape(m.sentence)}"
            + (f"<br><i>{_escape(m.title, limit=90)}</i>" if m.title else "")
        )
    return out


def _slots(marks: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each mark's slot and the number of slots in its lane and type: points on the same day take turns, and
    overlapping bars are packed into tracks (the first track free when the bar starts), as in a Gantt chart."""
    slot, slots = np.zeros(len(marks), int), np.ones(len(marks), int)
    points = ~marks["span"].to_numpy()
    same = marks[points].groupby(["lane", "event_type", "x"], sort=False)
    slot[points], slots[points] = same.cumcount().to_numpy(), same["x"].transform("size").to_numpy()
    for _, group in marks[~points].sort_values("x0").groupby(["lane", "event_type"], sort=False):
        ends: list = []  # the end of the last bar in each track
        for i, x0, x1 in zip(group.index, group["x0"], group["x1"], strict=True):
            track = next((t for t, end in enumerate(ends) if end <= x0), len(ends))
            ends[track:track + 1] = [x1]
            slot[marks.index.get_loc(i)] = track
        slots[marks.index.get_indexer(group.index)] = len(ends)
    return slot, slots


def _rows_within_lane(marks: pd.DataFrame, types: list[str]) -> np.ndarray:
    """Each mark's y: its lane, offset by its type's row inside the lane, and by its slot in that row."""
    row_height = 0.8 / len(types)
    offset = marks["event_type"].map({t: -0.4 + row_height * (i + 0.5) for i, t in enumerate(types)}).to_numpy()
    slot, slots = _slots(marks)
    step = np.minimum(0.12, 0.7 * row_height / np.maximum(slots - 1, 1))
    return marks["lane"].to_numpy() + offset + (slot - (slots - 1) / 2) * step


def timeline_figure(tl: Timeline, colors: dict[str, str]) -> go.Figure:
    """Lanes of marks on a date axis: a point for a one-day event, a bar over the interval for a coarser
    one (week, month, year, a range), colour by event type; counts per bin (marker size) when binned."""
    marks = tl.marks
    types = [t for t in colors if t in set(marks["event_type"])] or sorted(set(marks["event_type"]))
    scatter = go.Scattergl if len(marks) > SVG_LIMIT else go.Scatter
    y = _rows_within_lane(marks, types) if len(marks) else np.array([])
    hover = np.array(_hover(marks, tl.lanes), dtype=object)
    biggest = max(int(marks["count"].max()), 1) if len(marks) else 1
    lane_px = min(max(12 * len(types), LANE_PX[0]), LANE_PX[1])
    largest = min(max(1.8 * 0.8 * lane_px / len(types), 8), 26)  # a binned marker's size at the biggest count
    fig = go.Figure()
    for t in types:
        pick = (marks["event_type"] == t).to_numpy()
        m, ys, color = marks[pick], y[pick], colors.get(t, PALETTE[0])
        spans = m["span"].to_numpy()
        if spans.any():  # bars over the interval, drawn as thick lines (one trace, gaps between)
            n = int(spans.sum())
            xs = np.empty(3 * n, dtype=object)
            xs[0::3], xs[1::3], xs[2::3] = m["x0"][spans].to_numpy(), m["x1"][spans].to_numpy(), None
            yy = np.empty(3 * n, dtype=object)
            yy[0::3] = yy[1::3] = ys[spans]
            yy[2::3] = None
            fig.add_trace(scatter(x=xs, y=yy, mode="lines", line={"color": color, "width": 5}, opacity=0.5,
                                  hoverinfo="skip", legendgroup=t, showlegend=False))
        size = (4 + (largest - 4) * np.sqrt(m["count"].to_numpy() / biggest)) if tl.unit else np.full(len(m), 10.0)
        fig.add_trace(scatter(
            x=m["x"], y=ys, mode="markers", name=type_label(t), legendgroup=t, customdata=m["group"],
            marker={"color": color, "size": size, "symbol": np.where(spans, "diamond", "circle"),
                    "line": {"color": "white", "width": 1}, "opacity": 0.9},
            hovertext=hover[pick], hovertemplate="%{hovertext}<extra></extra>",
        ))
    n = max(len(tl.lanes), 1)
    for i in range(0, n, 2):  # stripes to tell the lanes apart
        fig.add_shape(type="rect", xref="paper", x0=0, x1=1, y0=i - 0.5, y1=i + 0.5, layer="below",
                      line={"width": 0}, fillcolor="rgba(120,130,150,0.07)")
    if len(marks):  # the filter's dates, else all the marks
        lo, hi = (marks["x0"].min(), marks["x1"].max()) if not tl.window else (
            pd.Timestamp(tl.window[0]), pd.Timestamp(tl.window[1]) + pd.Timedelta(days=1))
        pad = max((hi - lo) * 0.03, pd.Timedelta(days=7))  # a few close events: days on the axis, not hours
        fig.update_xaxes(range=[lo - pad, hi + pad])
    fig.update_xaxes(
        type="date", showgrid=True, rangeslider={"visible": True, "thickness": 0.06},
        rangeselector={"buttons": [{"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                                   {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                                   {"count": 10, "label": "10y", "step": "year", "stepmode": "backward"},
                                   {"step": "all", "label": "all"}], "x": 0, "y": 1.02, "yanchor": "bottom"},
    )
    fig.update_yaxes(tickvals=list(range(len(tl.lanes))), ticktext=[_short(lane) for lane in tl.lanes],
                     range=[n - 0.5, -0.5], showgrid=False, zeroline=False, fixedrange=True)
    fig.update_layout(
        height=150 + n * lane_px, margin={"l": 10, "r": 10, "t": 40, "b": 10},
        legend={"title": {"text": "Event type"}, "itemsizing": "constant"},
        dragmode="zoom", hovermode="closest", clickmode="event+select", uirevision="timeline",
    )
    return fig


def _short(label: str, width: int = 28) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def country_map(counts: pd.DataFrame) -> go.Figure:
    """A choropleth of event counts by ISO3 on the shipped country shapes (no map tiles: works offline)."""
    geojson, drawn = world_geojson(), mapped_codes()
    shown = counts[counts["iso3"].isin(drawn)]
    fig = go.Figure(go.Choroplethmap(  # every country in grey, under the counts
        geojson=geojson, locations=sorted(drawn), z=np.zeros(len(drawn)), showscale=False, hoverinfo="skip",
        colorscale=[[0, "#e6e8ee"], [1, "#e6e8ee"]], marker={"line": {"color": "white", "width": 0.5}},
    ))
    if len(shown):
        fig.add_trace(go.Choroplethmap(
            geojson=geojson, locations=shown["iso3"], z=shown["events"], colorscale="OrRd", zmin=0,
            zmax=int(shown["events"].max()), marker={"line": {"color": "white", "width": 0.5}},
            colorbar={"title": {"text": "events"}, "thickness": 12, "tickformat": ",d",
                      "dtick": max(1, int(np.ceil(shown["events"].max() / 5)))},
            hovertext=[f"{html.escape(c)} ({i})" for c, i in zip(shown["country"], shown["iso3"], strict=True)],
            hovertemplate="%{hovertext}: %{z:,} events<extra></extra>",
        ))
    fig.update_layout(map={"style": "white-bg", "center": {"lat": 30, "lon": 15}, "zoom": 0},
                      height=380, margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return fig
