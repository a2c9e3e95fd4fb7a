"""Normalisers: turn the named groups of a matched rule into a TIMEX3 value, resolved with tense and anchors.

Each normaliser takes (groups, params, context) and returns a Value, or None to reject the match.
Group names are shared by all rules: year, yy, yearwords, month, day, weekday, season, quarter, half, part,
relday, dir, number, unit, units, hour, minute, ampm, zone, decade, decadeword, century, holiday.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from extract.timex import calendar as cal
from extract.timex.tense import PLANNED
from extract.timex.words import holiday_date, lookup, month_number, number, weekday_number

PAST, FUTURE, SINCE = "past", "future", "since"  # SINCE: a starting point up to publication, never after it
_TENSE_WORDS = {PAST: "past tense", FUTURE: "future tense", PLANNED: "a plan made in the past"}
# A date without a year that goes against the tense must be this many times nearer to win: past-tense
# clauses often name dates still to come ("agreed to meet on Jan. 14"), future ones rarely name past dates.
AGAINST_PAST, AGAINST_FUTURE = 5, 20
_PERIOD = re.compile(r"-(?:Q\d|H\d|SP|SU|FA|WI)$")  # a quarter, half or season
STORY_YEARS_BACK = 2  # an anniversary story this many years back resolves partial dates of past clauses near it
NEAR_WRITTEN = 92  # days: a partial date this near a date just written with its year shares that year
REPORTING_NEARER = 3  # a period just ended, in a future clause, is the one to be reported if this many times nearer
UNDERSPECIFIED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
                  "season": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX"}
UNIT_NAMES = {"D": "day", "W": "week", "2W": "fortnight", "WE": "weekend", "M": "month", "Q": "quarter", "H": "half",
              "Y": "year", "DE": "decade", "CE": "century"}


@dataclass(frozen=True)
class Context:
    """What a normaliser may look at besides the match."""

    dct: date | None  # publication date
    tense: str | None  # past | future | present | since | None, of the clause around the match
    anchor: str = ""  # value of the last specific date in the narrative
    anchor_text: str = ""
    reference: str = ""  # value of the last date-like expression in the same sentence
    recent: dict[str, str] | None = None  # the last value of each granularity mentioned lately, the latest last
    frame: str = ""  # the year a sentence opens with ("Last year, ...", "In 2014, ..."): its partial dates' year
    written: str = ""  # the last date written out with its year, in this sentence or the one before
    figure: bool = False  # the expression names the period of a figure: "the December jobs report"
    anniversary: bool = False  # the text has marked an anniversary ("Fifty years ago today"): its story is back then


@dataclass(frozen=True)
class Value:
    """A normalised value and how it was reached."""

    value: str
    type: str = ""  # overrides the rule's type when set
    relative: bool = False
    anchored: bool = True
    reason: str = ""


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def _year(g: dict[str, str | None]) -> int | None:
    if g.get("year"):
        return int(g["year"])
    if g.get("yy"):
        yy = int(g["yy"].strip("'’"))
        return 1900 + yy if yy >= 30 else 2000 + yy
    if g.get("yearwords"):
        return number(g["yearwords"], year=True)
    return None


def _ordinal(text: str | None) -> int | None:
    if not text:
        return None
    if m := re.match(r"\d+", text):
        return int(m.group(0))
    v = lookup("ORDINAL", text)
    return v if isinstance(v, int) else None


def _unit(g: dict[str, str | None], p: dict) -> str | None:
    """The unit letter a rule fixes or its match names ("weeks" -> W)."""
    return p.get("unit") or lookup("UNIT", g.get("unit")) or lookup("UNITS", g.get("units"))


def _weekday(g: dict[str, str | None]) -> int | None:
    """The ISO weekday (1 = Monday) a match names."""
    return weekday_number(g.get("weekday"))


def _unanchored(unit: str, why: str) -> Value:
    """The underspecified value of a unit counted from a date the text does not give."""
    return Value(UNDERSPECIFIED.get(cal.GRAN_OF_UNIT.get(unit, "day"), "XXXX-XX-XX"), "", True, False, why)


def _fmt(d: date) -> str:
    return f"{d:%b} {d.day}, {d.year}"


def _dct_words(ctx: Context) -> str:
    return f"publication {ctx.dct.isoformat()}" if ctx.dct else "publication"


# ---- resolving a year or a weekday against the publication date --------------------------------------


def looks_back(tense: str | None) -> bool:
    """True for a past clause, a plan made in the past and "since" (which never looks past publication)."""
    return tense in (PAST, SINCE, PLANNED)


def choose_occurrence(make: Callable[[int], str | None], dct: date, direction: int | None, tense: str | None,
                      figure: bool = False) -> tuple[str, str] | None:
    """Pick the year for a value without one: (value, why). `make(year)` builds the value for a year.

    direction -1/0/+1 from "last/this/next"; otherwise the tense decides: past -> latest starting on or
    before publication, future -> earliest ending on or after it, else the nearest. With `figure`, the
    value names the period a figure is about ("the December jobs report", "its September peak"): one
    that has begun, or in a future clause one just ended that is yet to be reported.
    """
    options = []
    for y in range(dct.year - 2, dct.year + 3):
        v = make(y)
        span = cal.interval(v) if v else None
        if span:
            options.append((span[0], span[1], v))
    if not options:
        return None
    if direction == 0:
        same = [o for o in options if o[0] <= dct <= o[1]] or [o for o in options if o[0].year == dct.year]
        return (same[0][2], "the one of the current year") if same else None
    if direction == -1:
        before = [o for o in options if o[1] < dct]
        return (before[-1][2], "the last one before publication") if before else None
    if direction == 1:
        after = [o for o in options if o[0] > dct]
        return (after[0][2], "the next one after publication") if after else None
    current = [o for o in options if o[0] <= dct <= o[1]]
    if current:
        return current[0][2], "the one around publication"
    before = [o for o in options if o[1] < dct]
    after = [o for o in options if o[0] > dct]
    if tense == SINCE:  # "since April": the latest starting on or before publication, however far back
        return (before[-1][2], "since: the latest before publication") if before else None
    if tense == FUTURE and before and after and _reporting_period(before[-1], after[0], dct, figure):
        return before[-1][2], "future tense, and the period just ended (yet to be reported)"
    if figure and tense != FUTURE:
        tense = PAST

    def distance(o: tuple[date, date, str]) -> int:
        days = min(abs((o[0] - dct).days), abs((o[1] - dct).days))
        if tense == PAST and o[0] > dct:
            return 10**6 if _PERIOD.search(o[2]) else days * AGAINST_PAST  # a quarter not yet begun is no past one
        if tense == FUTURE and o[1] < dct:
            return days * AGAINST_FUTURE
        return days

    best = min(options, key=lambda o: (distance(o), o[0] > dct))
    side = "before" if best[1] < dct else "after"
    why = _TENSE_WORDS.get(tense or "", "no tense cue")
    return best[2], f"{why}: the nearest {side} publication"


def _reporting_period(last: tuple[date, date, str], upcoming: tuple[date, date, str], dct: date,
                      figure: bool = False) -> bool:
    """True for a quarter or half (or the month of a figure) that ended within its own length before
    publication, and at least REPORTING_NEARER times nearer than the next one begins: "will report
    third-quarter results" in October, "will release the December jobs report" in January."""
    start, end, value = last
    shape = r"-[QH]\d$|-\d\d$" if figure else r"-[QH]\d$"
    return (bool(re.search(shape, value)) and (dct - end) <= (end - start)
            and (dct - end) * REPORTING_NEARER <= upcoming[0] - dct)


def resolve_weekday(weekday: int, dct: date, direction: int | None, tense: str | None) -> tuple[date, str]:
    """The date of a weekday name (1 = Monday) relative to publication, and why."""
    back = (dct.isoweekday() - weekday) % 7  # days back to the latest such weekday on or before dct
    fwd = (weekday - dct.isoweekday()) % 7
    if direction == -1:
        days = back or 7
        return dct - timedelta(days=days), "'last': the one before publication"
    if direction == 1:
        days = fwd or 7
        return dct + timedelta(days=days), "'next': the one after publication"
    if direction == 0:
        monday = dct - timedelta(days=dct.isoweekday() - 1)
        return monday + timedelta(days=weekday - 1), "'this': the one in the week of publication"
    if tense == FUTURE:
        return dct + timedelta(days=fwd), "future tense: the one on or after publication"
    past = looks_back(tense) and tense != PLANNED  # a plan made in the past: the nearer, as with no cue
    if past or back <= fwd or back <= 3:
        why = "past tense" if past else _TENSE_WORDS.get(tense or "", "no future cue")
        return dct - timedelta(days=back), f"{why}: the one on or before publication"
    return dct + timedelta(days=fwd), "the nearest one after publication"


# ---- normalisers ------------------------------------------------------------------------------------


def point(g: dict[str, str | None], p: dict, ctx: Context) -> Value | None:
    """A point or period on the calendar: dates, months, seasons, quarters, weekdays, holidays, times."""
    value = _point(g, p, ctx)
    if not value or not p.get("week") or not DAY_VALUE.match(value.value):
        return value
    step = {"before": -1, "after": 1}.get((g.get("rel") or "").lower(), 0)  # "the week before Christmas"
    week = cal.week_value(date.fromisoformat(value.value[:10]) + timedelta(weeks=step))
    which = "weekend" if (g.get("which") or "").lower() == "weekend" else "week"
    return replace(value, value=week + ("-WE" if which == "weekend" else ""),
                   reason=f"{value.reason}; the {which} {({-1: 'before', 1: 'after'}.get(step, 'of'))} it")


def _point(g: dict[str, str | None], p: dict, ctx: Context) -> Value | None:
    year = _year(g) or p.get("year")  # a rule may know the year ("the September 11 attacks")
    month = month_number(g.get("month")) or _int(g.get("monthnum")) or p.get("month")
    day = _int(g.get("day")) or _ordinal(g.get("dayord")) or p.get("day")
    week_of_month = _ordinal(g.get("weekord"))
    if g.get("first"):
        month, day = _slash_order(int(g["first"]), int(g["second"]), _year(g), ctx)
    weekday = _weekday(g)
    season = lookup("SEASON", g.get("season")) or p.get("season")
    quarter = _ordinal(g.get("quarter")) or p.get("quarter")
    if g.get("quarter_month"):  # "the April-June quarter"
        quarter = ((month_number(g["quarter_month"]) or 1) + 2) // 3
    half = _ordinal(g.get("half")) or p.get("half")
    if half == -1:
        half = 2
    if quarter == -1:
        quarter = 4
    direction = lookup("DIRECTION", g.get("dir"))
    relday = g.get("relday") or p.get("relday")
    holiday = g.get("holiday")
    suffix = _time_suffix(g, p)
    if suffix is None:
        return None
    if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None
    if quarter is not None and not 1 <= quarter <= 4 or half is not None and half not in (1, 2):
        return None

    def build(y: int) -> str | None:
        try:
            if p.get("hijri_month"):  # a month of the Islamic calendar, as the calendar month holding its middle
                return cal.hijri(y, p["hijri_month"], 15).isoformat()[:7]
            if holiday:
                feast = holiday_date(holiday, y, g.get("national"))
                return (feast - timedelta(days=1 if g.get("eve") else 0)).isoformat()
            if month and week_of_month and weekday:  # "the first Monday in October"
                return cal.nth_weekday(y, month, weekday, week_of_month).isoformat()
            if month and week_of_month:  # the middle day of the n-th run of seven days (or of the last)
                last = cal.month_length(y, month)
                middle = last - 3 if week_of_month < 0 else min(4 + 7 * (week_of_month - 1), last - 3)
                return date(y, month, middle).isoformat()
            if month and day:
                return date(y, month, day).isoformat()
            if month:
                return f"{y:04d}-{month:02d}"
            if season:
                return f"{y:04d}-{season}"
            if quarter:
                return f"{y:04d}-Q{quarter}"
            if half:
                return f"{y:04d}-H{half}"
        except (ValueError, OverflowError):  # no such day, or a year the calendar cannot hold
            return None
        return f"{y:04d}"

    text_type = "TIME" if suffix.startswith("T") else ""  # a clock time or a part of day ("Friday night")
    if year is None and g.get("yearrel"):  # "February this year", "the first quarter of next year"
        if ctx.dct is None:
            return Value("XXXX" + (build(2000) or "")[4:] + suffix, text_type, True, False, "needs a publication date")
        year = ctx.dct.year + (lookup("DIRECTION", g["yearrel"]) or 0)
        v = build(year)
        return Value(v + suffix, text_type, True, reason=f"the year relative to {_dct_words(ctx)}") if v else None
    if relday:
        return _relative_day(relday, suffix, text_type, ctx, story=p.get("story", False))
    nth_of_month = bool(weekday and month and week_of_month)  # "the first Monday in October"
    if year is not None:
        if weekday and not (month and day) and not nth_of_month:
            return None
        v = build(year)
        return Value(v + suffix if v else "", text_type, reason="a full date") if v else None
    if day and not (month or weekday):
        return _day_of_month(day, ctx)
    if weekday and not (month and day) and not nth_of_month:
        if ctx.dct is None:
            return Value(f"XXXX-WXX-{weekday}{suffix}", text_type, True, False, "needs a publication date")
        story = _story_years_back(ctx, ("day", "week"))
        if story and direction is None and looks_back(ctx.tense):  # "A decade ago, on the weekend of ... By Sunday"
            d, _ = resolve_weekday(weekday, story, None, FUTURE)
            return Value(d.isoformat() + suffix, text_type, True,
                         reason=f"the first on or after the day the story is at, '{ctx.anchor_text}' ({ctx.anchor})")
        d, why = resolve_weekday(weekday, ctx.dct, direction, ctx.tense)
        if p.get("night_before"):  # "overnight into Saturday": Friday night
            d, why = d - timedelta(days=1), f"{why}; the night before it"
        return Value(d.isoformat() + suffix, text_type, True, reason=f"{why} ({_dct_words(ctx)}) -> {_fmt(d)}")
    if not (month or season or quarter or half or holiday or p.get("hijri_month")):
        if not suffix:
            return None
        anchor_day = cal.interval(ctx.anchor.split("T")[0]) if ctx.anchor else None
        day = (ctx.recent or {}).get("day", "")
        if not _one_day(anchor_day) and day and (ctx.tense != FUTURE or ctx.dct and day >= ctx.dct.isoformat()):
            anchor_day = cal.interval(day)  # "on Tuesday, 32 years after 1985 ... at 11:00 a.m.", "vote on Sunday
            # in an election not due until 2016. Polls open at 7 a.m."
        night = (ctx.recent or {}).get("night", "")
        evening = re.match(r"T(?:1[89]|2[0-3]):", suffix)
        if night and evening and ctx.tense != FUTURE and not g.get("next_day") and (
                not _one_day(anchor_day) or 0 <= (anchor_day[0] - date.fromisoformat(night)).days <= 1):
            return Value(night + suffix, text_type, True,  # "on Monday night, police said on Tuesday ... at 10:30 p.m."
                         reason=f"in the evening or night last mentioned ({night})")
        after = 1 if g.get("next_day") else 0  # "at 6 p.m. the next day"
        late = ctx.anchor.endswith(("TEV", "TNI")) or ctx.anchor_text.lower().startswith("late")
        if late and (re.match(r"T0[0-5]", suffix) or suffix == "TMO"):
            after = 1  # "that night ... landed at 12.16am", "began late Friday. By the morning": the day after
        if _one_day(anchor_day) and suffix == "TNI" and anchor_day[0] == ctx.dct and looks_back(ctx.tense) and \
                not after:  # "talks had continued through the night", said today: last night
            after = -1
        if _one_day(anchor_day):  # a time of day alone: on the day the story is at (not a weekend: which day?)
            which = {1: "after the one ", -1: "before the one "}.get(after, "")
            return Value((anchor_day[0] + timedelta(days=after)).isoformat() + suffix, text_type, True,
                         reason=f"on the day {which}last mentioned ({ctx.anchor_text})")
        if suffix in ("T24:00", "TNI") and looks_back(ctx.tense) and not after:  # "joined the EU at midnight",
            # "talks had gone on through the night": just gone
            return _relative_day("yesterday", suffix, text_type, ctx)
        return _relative_day("tomorrow" if after else "today", suffix, text_type, ctx)
    if ctx.frame and direction is None:  # "Last year, talks were held in March"
        v = build(int(ctx.frame))
        if v:
            return Value(v + suffix, text_type, True,
                         reason=f"no year in the text; the year the sentence opens with ({ctx.frame})")
    if ctx.written and direction is None and ctx.tense != SINCE and (v := _near_written(build, ctx.written)) and not (
            ctx.tense == FUTURE and ctx.dct and v < ctx.dct.isoformat()):  # "will hear arguments in September"
        return Value(v + suffix, text_type, True,
                     reason=f"no year in the text; the one nearest {ctx.written}, written just before")
    story = _story_years_back(ctx)
    picked = choose_occurrence(build, story, None, None) if story and direction is None else None
    if picked and looks_back(ctx.tense):
        return Value(picked[0] + suffix, text_type, True,
                     reason=f"no year in the text; the one nearest the day the story is at, '{ctx.anchor_text}' "
                            f"({ctx.anchor}), years before publication")
    if ctx.dct is None:
        probe = build(2000) or ""
        return Value("XXXX" + probe[4:] + suffix, text_type, True, False, "no year, and no publication date")
    at = cal.interval(ctx.anchor.split("T")[0]) if p.get("from_anchor") and ctx.anchor else None
    if at:  # "that December", "the following March": counted from the date the story is at
        picked = choose_occurrence(build, at[1] if (direction or 0) > 0 else at[0], direction, None)
        if picked:
            how = {1: "the first after", -1: "the last before"}.get(direction or 0, "the one in the year of")
            return Value(picked[0] + suffix, text_type, True, reason=f"{how} '{ctx.anchor_text}' ({ctx.anchor})")
    picked = choose_occurrence(build, ctx.dct, direction, ctx.tense, ctx.figure)
    if picked is None:
        return None
    v, why = picked
    return Value(v + suffix, text_type, True, reason=f"no year in the text; {why} ({_dct_words(ctx)})")


def _story_years_back(ctx: Context, granularities: tuple[str, ...] = ("day", "month")) -> date | None:
    """In an anniversary story, the date the story is at (of these granularities), when it lies STORY_YEARS_BACK
    years or more before publication."""
    at = cal.interval(ctx.anchor.split("T")[0]) if ctx.anchor and ctx.dct and ctx.anniversary else None
    if at and at[2] in granularities and at[0].year <= ctx.dct.year - STORY_YEARS_BACK:
        return at[0]
    return None


def _day_of_month(day: int, ctx: Context) -> Value | None:
    """ "the 6th" alone: that day of the month last named, unless the tense says otherwise; else of the
    publication month, or the month before or after it that the tense points to."""
    named = cal.interval(ctx.anchor.split("T")[0]) if ctx.anchor else None
    if named and named[2] in ("day", "month") and day <= cal.month_length(named[0].year, named[0].month):
        d = date(named[0].year, named[0].month, day)
        if not ctx.dct or not (looks_back(ctx.tense) and d > ctx.dct or ctx.tense == FUTURE and d < ctx.dct):
            return Value(d.isoformat(), "", True, reason=f"in the month last mentioned ({ctx.anchor_text})")
    if not ctx.dct:
        return Value(f"XXXX-XX-{day:02d}", "", True, False, "no month in the text, and no publication date")
    past = looks_back(ctx.tense)
    shift = -1 if past and day > ctx.dct.day else 1 if ctx.tense == FUTURE and day < ctx.dct.day else 0
    year, month = map(int, cal.month_value(ctx.dct.year, ctx.dct.month + shift).split("-"))
    if day > cal.month_length(year, month):
        return None
    return Value(f"{year:04d}-{month:02d}-{day:02d}", "", True,
                 reason=f"in the month the tense points to ({_dct_words(ctx)})")


def _near_written(make: Callable[[int], str | None], written: str) -> str | None:
    """The value nearest a day just written out in full (in its year or the one either side), when it falls within
    NEAR_WRITTEN days of it: "on 28 November 1975 ... by the end of January" is January 1976."""
    anchor = cal.interval(written)
    if not anchor or anchor[2] != "day":
        return None
    best = None
    for year in (int(written[:4]), int(written[:4]) + 1, int(written[:4]) - 1):
        made = make(year)
        span = cal.interval(made) if made else None
        gap = max((span[0] - anchor[1]).days, (anchor[0] - span[1]).days, 0) if span else NEAR_WRITTEN + 1
        if gap <= NEAR_WRITTEN and (best is None or gap < best[0]):
            best = (gap, made)
    return best[1] if best else None


def _slash_order(first: int, second: int, year: int | None, ctx: Context) -> tuple[int, int]:
    """(month, day) of "first/second/year": US order, unless a number over 12 or the publication date says not.

    Day-first wins when only it falls on the side of publication that the clause's tense points to
    (on or before publication, unless the clause speaks of the future).
    """
    if first > 12 or second > 12 or first == second or year is None or ctx.dct is None:
        return (second, first) if first > 12 else (first, second)
    try:
        us, eu = date(year, first, second), date(year, second, first)
    except ValueError:
        return first, second

    def expected(d: date) -> bool:
        return d >= ctx.dct if ctx.tense == FUTURE else d <= ctx.dct

    return (second, first) if expected(eu) and not expected(us) else (first, second)


def _time_suffix(g: dict[str, str | None], p: dict) -> str | None:
    """'' or the TIMEX3 time part: TMO/TAF/TEV/TNI for parts of day, THH:MM for clock times."""
    if g.get("hour"):
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        later = not ampm and re.search(r"afternoon|evening|night", g.get("relday") or "", re.I)
        if (ampm.startswith("p") or later and (hour >= 5 or "afternoon" in (g.get("relday") or ""))) and hour < 12:
            hour += 12  # "2:30 p.m.", "at 8 tonight"
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None
        return f"T{hour:02d}:{minute:02d}"
    if p.get("clock"):
        return f"T{p['clock']}"
    part = lookup("PART_OF_DAY", g.get("part")) or p.get("part")
    if part == "MI":
        return "T12:00"
    return f"T{part}" if part else ""


def _one_day(span: tuple[date, date, str] | None) -> bool:
    return bool(span) and span[2] == "day" and span[0] == span[1]


def _relative_day(relday: str, suffix: str, text_type: str, ctx: Context, story: bool = False) -> Value:
    """'yesterday', 'today', 'tonight' from publication; with `story`, from a past day the story is at."""
    word = relday.lower()
    offset = lookup("RELATIVE_DAY", word)
    if word == "tonight" and not suffix:
        suffix, text_type = "TNI", "TIME"
    if ctx.dct is None:
        return Value("XXXX-XX-XX" + suffix, text_type, True, False, "needs a publication date")
    base, base_words = ctx.dct, _dct_words(ctx)
    at = cal.interval(ctx.anchor.split("T")[0]) if story and ctx.anchor else None
    if at and at[2] == "day" and 0 < (ctx.dct - at[0]).days <= 7:  # "overnight losses" in a story about Friday
        base, base_words = at[0], f"the day the story is at ({ctx.anchor_text})"
    d = base + timedelta(days=offset)
    return Value(d.isoformat() + suffix, text_type, True, reason=f"{word} relative to {base_words}")


def offset(g: dict[str, str | None], p: dict, ctx: Context) -> Value | None:
    """A unit counted from publication: 'last week', 'next year', 'two days ago', 'earlier this month'."""
    unit = _unit(g, p)
    if unit in ("TM", "TH") and p.get("sign", 1) < 0 and ctx.dct and _within_the_day(unit, g.get("number")):
        return Value(ctx.dct.isoformat(), "DATE", True, reason="a few hours before publication: its day, as far "
                                                               f"as a date tells ({ctx.dct.isoformat()})")
    if not unit or unit in ("TS", "TM", "TH", "ML"):
        return None
    n = p.get("n")
    if n == "tense":  # "the weekend": the last one in a past clause, else the coming one
        n = -1 if looks_back(ctx.tense) else 0
    if n == "new_year":  # in the second half of a year, the one to come; else the one begun
        n = int(bool(ctx.dct and ctx.dct.month >= 7))
    if n is None:
        n = lookup("DIRECTION", g.get("dir"))
    if " ".join((g.get("dir") or "").lower().split()) == "the next" and looks_back(ctx.tense) and ctx.anchor:
        return narrative(g, {**p, "n": 1}, ctx)  # "On Jan. 17 he wrote ... The next month he moved the money"
    if g.get("number"):
        count = number(g["number"])
        if count is None:
            return None
        if count == "X":
            return Value(p.get("vague", "PAST_REF"), "DATE", True, reason="an unspecified time before publication")
        whole = _whole_units(unit, count)
        if whole is None:
            return None
        unit, count = whole
        n = -count if p.get("sign", 1) < 0 else count
    if n is None:
        return None
    if ctx.dct is None:
        return _unanchored(unit, "needs a publication date")
    if p.get("from_weekday"):  # "a week from Friday": counted from the coming Friday
        start, _ = resolve_weekday(_weekday(g), ctx.dct, None, FUTURE)
        d = cal.shift_date(start, unit, int(n))
        return Value(d.isoformat(), "", True, reason=f"{int(n)} {UNIT_NAMES.get(unit, unit)}(s) after {_fmt(start)}")
    if g.get("weekday") and not g.get("number"):  # "Monday next week": that day of that week
        d = ctx.dct + timedelta(days=_weekday(g) - ctx.dct.isoweekday(), weeks=int(n))
        week = {-1: "the week before", 0: "the week of", 1: "the week after"}.get(int(n), f"{int(n):+d} weeks from")
        return Value(d.isoformat(), "", True, reason=f"that day of {week} {_dct_words(ctx)}")
    if g.get("within") or g.get("within_day") or g.get("weekday"):
        return _ago_within(g, unit, int(n), ctx.dct)
    story = _story_period(ctx, unit) if p.get("story_period") else None
    if story:  # "For the week, the Dow lost 6.9%" after "Friday"; "For the year" after "fourth-quarter"
        return Value(cal.shift(story, unit, 0), "", True, reason=f"the {UNIT_NAMES.get(unit, unit)} of the "
                                                                 f"period the story reports on ({story})")
    v = cal.shift(ctx.dct, unit, int(n))
    name = UNIT_NAMES.get(unit, unit)
    where = {0: f"the {name} of", -1: f"the {name} before that of", 1: f"the {name} after that of"}.get(
        int(n), f"{abs(int(n))} {name}s {'before' if n < 0 else 'after'}")
    return Value(v + (_time_suffix(g, p) or ""), "", True, reason=f"{where} {_dct_words(ctx)}")


def _within_the_day(unit: str, count: str | None) -> bool:
    """True for 'minutes ago' and up to twelve hours ago: most likely still the day of publication."""
    n = number(count) if count else None
    return isinstance(n, int | float) and (unit == "TM" or n <= 12)


def _ago_within(g: dict[str, str | None], unit: str, n: int, dct: date) -> Value:
    """ "30 years ago this week", "a week ago today", "two weeks ago Friday": that week, month or day back then."""
    d = cal.shift_date(dct, unit, n)
    weekday = _weekday(g)
    if weekday:  # the weekday on or before the day counted back
        d -= timedelta(days=(d.isoweekday() - weekday) % 7)
    v = {"week": cal.week_value(d), "month": d.isoformat()[:7]}.get((g.get("within") or "").lower(), d.isoformat())
    day_word = (g.get("within_day") or "today").lower().split()[-1]  # "80 years ago tonight": that night
    part = "T" + lookup("PART_OF_DAY", "night" if day_word == "tonight" else day_word) if day_word != "today" else ""
    back = f"the day {abs(n)} {UNIT_NAMES.get(unit, unit)}(s) before publication ({dct.isoformat()})"
    how = (f"the {g['within'].lower()} of {back}" if g.get("within") else
           f"the {g['weekday']} on or before {back}" if weekday else back)
    return Value(v + part, "TIME" if part else "", True, reason=how)


def narrative(g: dict[str, str | None], p: dict, ctx: Context) -> Value | None:
    """A time counted from the last date in the text: 'the next day', 'a year earlier', 'that month'."""
    unit = _unit(g, p)
    if unit in ("TM", "TH") and g.get("number"):  # "17 minutes later": a clock time, else the day it falls on
        count = number(g["number"])
        if count in (None, "X"):
            return None
        step = timedelta(minutes=count) if unit == "TM" else timedelta(hours=count)
        if _CLOCK.match(ctx.anchor):
            at = datetime.fromisoformat(ctx.anchor) + (step if p.get("sign", 1) > 0 else -step)
            return Value(at.isoformat(timespec="minutes"), "TIME", True,
                         reason=f"{g['number']} {'minute' if unit == 'TM' else 'hour'}(s) from {ctx.anchor}")
        return narrative({**g, "units": None, "unit": "day", "number": str(step.days)}, p, ctx)
    if not unit or unit in ("TS", "TM", "TH", "ML"):
        return None
    n = p.get("n", 0)
    if g.get("number"):
        count = number(g["number"])
        if count is None or count == "X":
            return None
        whole = _whole_units(unit, count)
        if whole is None:
            return None
        unit, count = whole
        n = count * (-1 if p.get("sign", 1) < 0 else 1)
    base = ctx.anchor if cal.interval(ctx.anchor or "") else ""
    base_words = f"'{ctx.anchor_text}' ({ctx.anchor})" if base else ""
    if p.get("recent"):  # "the quarter": the quarter last mentioned, else the one before publication
        base = (ctx.recent or {}).get(p["recent"], "")
        base_words = f"the {p['recent']} last mentioned ({base})"
        if not base and "fallback" not in p:  # "the period" in a story that named no quarter is no date
            return None if ctx.recent is not None else _unanchored(unit, "no quarter named")
        if not base and ctx.dct:  # the last one before publication; in a future clause, the current one
            base = cal.shift(ctx.dct, unit, 0 if ctx.tense == FUTURE else p["fallback"])
            base_words = f"the {p['recent']} reported on before {_dct_words(ctx)}"
    if p.get("same_sentence_reference"):  # "a year ago": the same period as the one under discussion
        focus = ctx.reference or (ctx.recent or {}).get("quarter", "") or (ctx.recent or {}).get("year", "")
        quarter = _ordinal(g.get("quarter"))
        if quarter and ctx.dct:  # "the year-earlier third quarter": that quarter, the latest begun, a year before
            quarter = 4 if quarter < 0 else quarter
            focus = f"{ctx.dct.year - (quarter > (ctx.dct.month + 2) // 3)}-Q{quarter}"
        base, base_words = focus, f"the period under discussion ({focus})"
    if not base:
        if ctx.dct is None:
            return _unanchored(unit, "no earlier date in the text and no publication date")
        if n > 0:  # "A year later, he was elected": later than some event, not than publication
            return _unanchored(unit, "later than a time the text does not give")
        base, base_words = ctx.dct.isoformat(), _dct_words(ctx)
        if p.get("keep_granularity"):  # "a year ago" with nothing before it: a year, not a day
            base = cal.shift(ctx.dct, unit, 0)
    span = cal.interval(base)
    if span is None:
        return None
    coarse = _coarser(span[2], cal.GRAN_OF_UNIT.get(unit, "day"))
    if coarse and unit == "Q" and (ctx.recent or {}).get("quarter"):  # "the previous quarter" after "this year"
        base = ctx.recent["quarter"]
        base_words, span, coarse = f"the quarter last mentioned ({base})", cal.interval(base), False
    same = g.get("same") or g.get("also_same")
    finer = _latest_fine_enough(ctx, cal.GRAN_OF_UNIT.get(unit, "day")) if coarse and not (p.get("recent") or same) \
        else ""
    if finer:  # "On Jan. 17 ... A week later ... until that afternoon": the last day the story named
        base, base_words, span, coarse = finer, f"the last date fine enough the story named ({finer})", \
            cal.interval(finer), False
    to_publication = coarse and unit == "Q" or p.get("finer_anchor") and (coarse or not looks_back(ctx.tense))
    if to_publication and ctx.dct:  # "the end of the month" after "late 2006", or in a clause not looking back
        base, base_words = ctx.dct.isoformat(), _dct_words(ctx)
        span, coarse = cal.interval(base), False
    weekday = _weekday(g)
    if weekday and span[2] in ("day", "week"):  # "the previous Friday": the Friday before the day or week
        step = lookup("DIRECTION", g.get("dir")) or -1
        d = (span[0] if step < 0 else span[1]) + timedelta(days=step)
        while d.isoweekday() != weekday:
            d += timedelta(days=step)
        return Value(d.isoformat(), "", True, reason=f"the {g.get('dir')} such day from {base_words}")
    if unit in ("D", "W", "WE", "M") and coarse:
        known = base[:7] if span[2] == "month" and unit == "D" else base[:4]  # "that same day" of "last October"
        v = known + ("-XX" if len(known) == 7 else {"D": "-XX-XX", "M": "-XX"}.get(unit, "-WXX"))
        return Value(v, "", True, reason=f"some {UNIT_NAMES.get(unit, 'day')} of {base_words}")
    if g.get("year"):  # "the 1988 period": the period under discussion, in that year
        return Value(g["year"] + base[4:] if len(base) > 4 else g["year"], "", True,
                     reason=f"the {p.get('recent', 'period')} under discussion ({base}) in {g['year']}")
    if p.get("keep_granularity") and unit == "Y":  # "a year earlier" than a quarter is that quarter a year before
        v = cal.shift_value(base, years=int(n))
    elif unit in ("W", "2W") and span[2] == "day" and g.get("number"):  # "two weeks later" than a day: that day
        v = cal.shift_date(span[0], unit, int(n)).isoformat()
    else:
        v = cal.shift(span[0], unit, int(n))
    if v is None:
        return None
    name = UNIT_NAMES.get(unit, unit)
    landed = cal.interval(v)
    if p.get("until_now") and ctx.dct and landed and landed[0] > ctx.dct:  # "A decade on from the offer": now
        return Value(cal.shift(ctx.dct, unit, 0), "", True,
                     reason=f"{abs(int(n))} {name}(s) on, never after publication: the {name} of {_dct_words(ctx)}")
    how = f"the same {name} as" if n == 0 else f"{abs(int(n))} {name}(s) {'before' if n < 0 else 'after'}"
    return Value(v + (_time_suffix(g, p) or ""), "", True, reason=f"{how} {base_words}")


DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")  # a calendar day, no time
_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d$")


def _whole_units(unit: str, count: int | float) -> tuple[str, int] | None:
    """A count of units to step a date by, in whole units: "two decades" is 20 years (a year, not a decade, is
    that far away), "half a year" six months; None where no whole count of a calendar unit says it."""
    if unit in ("DE", "CE"):
        unit, count = "Y", count * (10 if unit == "DE" else 100)
    if count != int(count):
        if unit not in _SMALLER or _SMALLER[unit][0].startswith("T"):
            return None
        unit, count = _SMALLER[unit][0], round(count * _SMALLER[unit][1])
    return unit, int(count)


def _story_period(ctx: Context, unit: str) -> date | None:
    """The start of the quarter (for a year) or the day (for a week, month or year) a report is about, lately
    named and not after publication."""
    recent = ctx.recent or {}
    named = recent.get("quarter", "") if unit == "Y" else ""
    named = named or recent.get("day", "")
    span = cal.interval(named) if named else None
    return span[0] if span and ctx.dct and span[0] <= ctx.dct else None


def _latest_fine_enough(ctx: Context, granularity: str) -> str:
    """The latest date of the story lately named at this granularity or a finer one ('' if none)."""
    for gran, value in reversed((ctx.recent or {}).items()):
        if gran in cal.GRANULARITIES and not _coarser(gran, granularity):
            return value
    return ""


def _coarser(granularity: str, than: str) -> bool:
    return cal.GRANULARITIES.index(granularity) < cal.GRANULARITIES.index(than)


def reference(g: dict[str, str | None], p: dict, ctx: Context) -> Value | None:
    """PRESENT_REF, PAST_REF or FUTURE_REF ('now', 'recently', 'the future')."""
    return Value(p["value"], "", True, reason="a general reference to the " + p["value"][:-4].lower())


def duration(g: dict[str, str | None], p: dict, ctx: Context) -> Value | None:
    """A length of time: 'two years' -> P2Y, 'three-hour' -> PT3H, 'months' -> PXM."""
    unit = _unit(g, p)
    if not unit:
        return None
    count: int | float | str | None = p.get("n", 1)
    if g.get("number") and re.fullmatch(r"1[6-9]\d\d|20\d\d", g["number"]) and g.get("unit"):
        return None  # "the 1988 quarter" is a year, not 1,988 quarters
    if g.get("number") and g["number"].lower() in ("a", "an") and g.get("units"):
        return None  # "a decades-long embargo": the article belongs to the noun
    if g.get("lower"):  # "two to three weeks": a length known only within bounds
        count = "X"
    elif g.get("number"):
        count = number(g["number"])
    elif g.get("units"):  # "months", "decades-long": an unspecified number of them
        count = "X"
    if count is None:
        return None
    if g.get("fraction"):
        count = (0 if count == "X" else count) + 0.5
    return Value(duration_value(count, unit), "DURATION", reason="a length of time")


# Units as (TIMEX3 letter, time part?) and how a fraction of one is written in the next smaller unit.
_UNIT_LETTER = {"TS": ("S", True), "TM": ("M", True), "TH": ("H", True), "D": ("D", False), "W": ("W", False),
                "M": ("M", False), "Q": ("Q", False), "Y": ("Y", False)}
_SMALLER = {"TM": ("TS", 60), "TH": ("TM", 60), "D": ("TH", 24), "W": ("D", 7), "M": ("D", 30), "Y": ("M", 12)}
_MULTIPLE = {"2W": ("W", 2), "WE": ("D", 2), "DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000)}


def duration_value(count: int | float | str, unit: str) -> str:
    """P-notation for a count of a unit ('X' for an unspecified count): P2Y, PT5H30M, P20Y for two decades."""
    if unit in _MULTIPLE:
        unit, factor = _MULTIPLE[unit]
        count = count if count == "X" else count * factor
    letter, is_time = _UNIT_LETTER[unit]
    t = "T" if is_time else ""
    if isinstance(count, float) and not count.is_integer() and unit in _SMALLER:
        whole = int(count)
        small, per = _SMALLER[unit]
        rest = round((count - whole) * per)
        small_letter, small_time = _UNIT_LETTER[small]
        head = f"{whole}{letter}" if whole else ""
        if small_time and not is_time:
            return f"P{head}T{rest}{small_letter}"
        return f"P{t}{head}{rest}{small_letter}"
    if isinstance(count, float):
        count = int(count) if count.is_integer() else count
    return f"P{t}{count}{letter}"


def recurrence(g: dict[str, str | None], p: dict, ctx: Context) -> Value | None:
    """A set: 'daily' -> P1D, 'every Thursday' -> XXXX-WXX-4, 'each July' -> XXXX-07."""
    if "value" in p:
        return Value(p["value"], "SET", reason="a recurring time")
    if g.get("adverb"):
        return Value(lookup("SET_ADVERB", g["adverb"]), "SET", reason="a recurring time")
    weekday = _weekday(g)
    part = lookup("PART_OF_DAY", g.get("part"))
    suffix = f"T{part}" if part and part != "MI" else ""
    if weekday:
        return Value(f"XXXX-WXX-{weekday}{suffix}", "SET", reason="every such weekday")
    month = lookup("MONTH", g.get("month"))
    if month:
        return Value(f"XXXX-{month:02d}", "SET", reason="every such month")
    if g.get("holiday"):
        try:
            days = {holiday_date(g["holiday"], y, g.get("national")).strftime("%m-%d") for y in (2001, 2002, 2003)}
        except ValueError:  # a national day of no country named
            return None
        return Value(f"XXXX-{days.pop()}", "SET", reason="every year on that day") if len(days) == 1 else None
    season = lookup("SEASON", g.get("season"))
    if season:
        return Value(f"XXXX-{season}", "SET", reason="every such season")
    if part:
        return Value(f"XXXX-XX-XX{suffix or 'T12:00'}", "SET", reason="every such part of the day")
    unit = _unit(g, {})
    if not unit:
        return None
    if unit == "WE" and not g.get("number") and not g.get("other"):
        return Value("XXXX-WXX-WE", "SET", reason="every weekend")
    count = number(g["number"]) if g.get("number") else 2 if g.get("other") else 1  # "every other week": P2W
    return Value(duration_value(count if count != "X" else "X", unit), "SET", reason="a recurring time")


def decade(g: dict[str, str | None], p: dict, ctx: Context) -> Value | None:
    """'the 1990s' -> 199, "the '80s" -> 198, 'the nineties' -> 199, 'the 1800s' -> 18 (a century)."""
    digits = (g.get("decade") or "").strip("'’")
    if len(digits) == 4:
        if digits.endswith("00") and not digits.startswith("20"):
            return Value(digits[:2], reason="a century")
        return Value(digits[:3], reason="a decade")
    tens = int(digits[0]) if digits else lookup("DECADE_WORD", g.get("decadeword"))
    if tens is None:
        return None
    century = ctx.dct.year // 100 if ctx.dct else 19  # the last hundred years: the '90s of a 2021 article are 199
    if tens * 10 > (ctx.dct.year % 100 if ctx.dct else 99):
        century -= 1
    return Value(f"{century:02d}{tens}", "", True, reason="a decade of the last hundred years")


def century(g: dict[str, str | None], p: dict, ctx: Context) -> Value | None:
    """'the 20th century' -> 19; 'this century' -> the century of publication."""
    n = _ordinal(g.get("century"))
    if n and n > 0:
        return Value(f"{n - 1:02d}", reason="a century")
    direction = -1 if n == -1 else lookup("DIRECTION", g.get("dir"))  # "the last century"
    if direction is None or ctx.dct is None:
        return None
    return Value(cal.shift(ctx.dct, "CE", direction), "", True, reason="relative to publication")


def nothing(g: dict[str, str | None], p: dict, ctx: Context) -> Value:
    """A look-alike ("$2 million a year", "a second group"): it holds its span and yields no expression."""
    return Value("")


NORMALISERS: dict[str, Callable[[dict, dict, Context], Value | None]] = {
    "nothing": nothing, "point": point, "offset": offset, "narrative": narrative, "reference": reference,
    "duration": duration, "recurrence": recurrence, "decade": decade, "century": century,
}
