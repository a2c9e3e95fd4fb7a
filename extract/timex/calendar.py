"""Calendar arithmetic on TIMEX3 values: shifting by units, granularity, and the interval a value covers."""

from __future__ import annotations

import calendar as _cal
import math
import re
from datetime import date, datetime, timedelta

# Granularities from coarse to fine, with the TIMEX3 value shape of each.
GRANULARITIES = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day")
_J2000 = datetime(2000, 1, 1, 12)  # Julian day 2451545.0
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
GRAN_OF_UNIT = {"D": "day", "WE": "day", "W": "week", "M": "month", "Q": "quarter", "H": "year", "Y": "year",
                "DE": "decade", "CE": "century"}

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)(?:-XX)?$")  # "1998-10-XX": some day of that month
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})(?:-XX-XX|-XX|-WXX)?$")  # "1998-XX-XX": some day of that year
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def day_value(d: date) -> str:
    """YYYY-MM-DD."""
    return d.isoformat()


def week_value(d: date) -> str:
    """The ISO week of `d` as YYYY-Wnn."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def month_value(year: int, month: int) -> str:
    """YYYY-MM, carrying months over years."""
    y, m = divmod(year * 12 + month - 1, 12)
    return f"{y:04d}-{m + 1:02d}"


def shift_date(anchor: date, unit: str, n: int) -> date:
    """The day `n` units away from `anchor` ("Y", -2 -> the same day two years before; Feb. 29 -> Feb. 28)."""
    days = {"D": 1, "W": 7, "2W": 14}.get(unit)
    if days:
        return anchor + timedelta(days=days * n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift a day by unit {unit!r}")
    y, m = divmod(anchor.year * 12 + anchor.month - 1 + months * n, 12)
    return date(y, m + 1, min(anchor.day, month_length(y, m + 1)))


def shift(anchor: date, unit: str, n: int) -> str:
    """The value of the unit `n` steps away from the one holding `anchor` ("W", -1 -> last week)."""
    y = anchor.year
    if unit == "D":
        return day_value(anchor + timedelta(days=n))
    if unit == "2W":  # a fortnight
        return shift(anchor, "W", 2 * n)
    if unit in ("W", "WE"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=n)
        return week_value(monday) + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return month_value(y, anchor.month + n)
    if unit == "Q":
        q = y * 4 + (anchor.month - 1) // 3 + n
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "H":
        h = y * 2 + (anchor.month - 1) // 6 + n
        return f"{h // 2:04d}-H{h % 2 + 1}"
    if unit == "Y":
        return f"{y + n:04d}"
    if unit == "DE":
        return f"{y // 10 + n:03d}"
    if unit == "CE":
        return f"{y // 100 + n:02d}"
    raise ValueError(f"cannot shift by unit {unit!r}")


def shift_value(value: str, years: int = 0, unit: str = "", n: int = 0) -> str | None:
    """`value` moved by whole years, or by `n` of its own `unit`; None when the value has no calendar shape."""
    span = interval(value)
    if span is None:
        return None
    start, _, precision = span
    if years:
        m = re.match(r"^(\d{4})(.*)$", value)
        if not m:
            return None
        if precision == "week":  # the same ISO week number a year away
            return f"{int(m.group(1)) + years:04d}{m.group(2)}"
        rest = m.group(2)
        if rest == "-02-29":
            rest = "-02-28"
        return f"{int(m.group(1)) + years:04d}{rest}"
    if unit:
        return shift(start, unit, n)
    return value


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=year // 100 - year // 400 - 2)


def passover(year: int) -> date:
    """15 Nisan, the first day of Passover (Gauss's formula for the Hebrew calendar)."""
    a, b = (12 * year + 12) % 19, year % 4
    m = 20.0955877 + 1.5542418 * a + 0.25 * b - 0.003177794 * year
    day, fraction = int(m), m - int(m)
    c = (day + 3 * year + 5 * b + 1) % 7
    if c in (2, 4, 6):
        day += 1
    elif c == 1 and a > 6 and fraction >= 0.63287037:
        day += 2
    elif c == 0 and a > 11 and fraction >= 0.89772376:
        day += 1
    return date(year, 3, 1) + timedelta(days=day - 1 + year // 100 - year // 400 - 2)


def hijri(year: int, month: int, day: int) -> date:
    """The first date in a Gregorian year that the tabular Islamic calendar gives a Hijri month and day
    (observed dates, set by sighting the moon, may differ by a day)."""
    estimate = round((year - 622) * 365.2425 / 354.36707)  # the Hijri year that begins in this Gregorian year

    def fixed(hy: int) -> date:
        rd = 227014 + (hy - 1) * 354 + (3 + 11 * hy) // 30 + 29 * (month - 1) + month // 2 + day
        return date.fromordinal(rd)

    found = sorted(d for d in map(fixed, range(estimate - 1, estimate + 3)) if d.year == year)
    if not found:
        raise ValueError(f"no {month}/{day} Hijri date in {year}")
    return found[0]


def lunar_new_year(year: int) -> date:
    """The Chinese (lunar) New Year: the day, in China time, of the first new moon on or after January 21."""
    k = math.floor((year - 2000) * 12.3685) - 2
    while True:
        day = (_J2000 + timedelta(days=new_moon(k) - 2451545.0, hours=8)).date()
        if day >= date(year, 1, 21):
            return day
        k += 1


def new_moon(k: int) -> float:
    """The Julian ephemeris day of the k-th new moon after that of January 6, 2000 (Meeus, ch. 49)."""
    t = k / 1236.85
    jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t**2 - 0.000000150 * t**3 + 0.00000000073 * t**4
    m = math.radians(2.5534 + 29.10535670 * k - 0.0000014 * t**2 - 0.00000011 * t**3)  # the sun's anomaly
    mm = math.radians(201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3)  # the moon's
    f = math.radians(160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3)  # its latitude
    node = math.radians(124.7746 - 1.56375588 * k + 0.0020672 * t**2)
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    terms = [(-0.40720, 1, mm), (0.17241, e, m), (0.01608, 1, 2 * mm), (0.01039, 1, 2 * f),
             (0.00739, e, mm - m), (-0.00514, e, mm + m), (0.00208, e * e, 2 * m),
             (-0.00111, 1, mm - 2 * f), (-0.00057, 1, mm + 2 * f), (0.00056, e, 2 * mm + m),
             (-0.00042, 1, 3 * mm), (0.00042, e, m + 2 * f), (0.00038, e, m - 2 * f),
             (-0.00024, e, 2 * mm - m), (-0.00017, 1, node), (-0.00007, 1, mm + 2 * m),
             (0.00004, 1, 2 * mm - 2 * f), (0.00004, 1, 3 * m), (0.00003, 1, mm + m - 2 * f),
             (0.00003, 1, 2 * mm + 2 * f), (-0.00003, 1, mm + m + 2 * f), (0.00003, 1, mm - m + 2 * f),
             (-0.00002, 1, mm - m - 2 * f), (-0.00002, 1, 3 * mm + m), (0.00002, 1, 4 * mm)]
    return jde + sum(a * factor * math.sin(angle) for a, factor, angle in terms)


def month_length(year: int, month: int) -> int:
    """The number of days in a month."""
    return _cal.monthrange(year, month)[1]


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) ISO weekday (1 = Monday) of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, month_length(year, month))
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def interval(value: str) -> tuple[date, date, str] | None:
    """(first day, last day, precision) that a TIMEX3 DATE/TIME value covers; None when not on the calendar."""
    try:
        return _interval(value)
    except (ValueError, OverflowError):  # no such day, or past the calendar's ends (9999-W52-WE)
        return None


def _interval(value: str) -> tuple[date, date, str] | None:
    if m := _DAY.match(value):
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d, d, "day"
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return monday + timedelta(days=5), monday + timedelta(days=6), "day"
        return monday, monday + timedelta(days=6), "week"
    if m := _MONTH.match(value):
        y, mo = int(m.group(1)), int(m.group(2))
        return date(y, mo, 1), date(y, mo, month_length(y, mo)), "month"
    if m := _QUARTER.match(value):
        y, q = int(m.group(1)), int(m.group(2))
        last = 3 * q
        return date(y, last - 2, 1), date(y, last, month_length(y, last)), "quarter"
    if m := _HALF.match(value):
        y, h = int(m.group(1)), int(m.group(2))
        return (date(y, 1, 1), date(y, 6, 30), "year") if h == 1 else (date(y, 7, 1), date(y, 12, 31), "year")
    if m := _SEASON.match(value):
        y, first, last = int(m.group(1)), *SEASON_MONTHS[m.group(2)]
        end_year = y + 1 if last < first else y
        return date(y, first, 1), date(end_year, last, month_length(end_year, last)), "season"
    if m := _YEAR.match(value):
        y = int(m.group(1))
        return date(y, 1, 1), date(y, 12, 31), "year"
    if m := _DECADE.match(value):
        y = int(m.group(1)) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31), "decade"
    if m := _CENTURY.match(value):
        y = int(m.group(1)) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century"
    return None
