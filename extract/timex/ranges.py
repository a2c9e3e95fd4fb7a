"""Ranges and other pairs: complete bare endpoints ("Aug. 5-10" -> "10"), let the ends of a range or list share
a year or a day, join two endpoints into one range, and two lengths into one ("three hours and 34 minutes")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from extract.model import Timex
from extract.timex import calendar as cal
from extract.timex.words import class_pattern, month_number, weekday_number

# A bare day after a day ("Aug. 5-10", "April 24 and 25", "July 2-9, 2021"), before one ("5-10 August"),
# or a year after a year ("2009-10", "1998-2001").
_BARE_DAY = re.compile(r"\s*(?:[-–—]|to|through|thru|and|&)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?"
                       r"(?![-/:.,]?\d|\s*(?:%|percent|[ap]\.?m\b))")
_BARE_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–—]|to|through|and|&)\s*$")
_BARE_YEAR = re.compile(r"\s*[-–/]\s*(\d{4}|\d{2})\b(?![-/:.,]?\d|\s*%)")
# What may stand between the two ends of a range, and what may open it.
_BETWEEN = re.compile(r"\s*(?:[-–—/]|to|through|thru|until|till|and|to\s+the\s+end\s+of)\s*", re.I)
_THROUGH = re.compile(r"\s*(?:[-–—]|to|through|thru|until|till)\s*", re.I)  # not "and": "Friday and Thursday"
_OPENER = re.compile(r"(?:\b(from|between)\s+)$", re.I)
_BARE_ENDPOINT = re.compile(r"\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?")  # "10", "25th", "9, 2021"
_ENDS_IN_DAY_NUMBER = re.compile(r"\d(?:st|nd|rd|th)?$")
_DAY_VALUE = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)(T.*)?$")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)$")
_SIMPLE_DURATION = re.compile(r"^P(T?)(\d+)([YMDHS])$")  # one count of one unit (weeks and decades stay alone)
_UNIT_ORDER = ["Y", "M", "D", "TH", "TM", "TS"]
_AND = re.compile(r",?\s+and\s+", re.I)
_UNTIL_AFTER = re.compile(r"[^.;]{0,10}?\band\b[^.;]{0,30}?\b(?:until|till|through|to)\s+(?:at\s+)?", re.I)  # "... and
# lasting until"; not "planned for next Tuesday, had been brought forward to Sunday"
_WORD = re.compile(r"[A-Za-z]+\.?")
_DATED = re.compile(r"^\d{4}-\d\d(?:-\d\d)?$")  # a month or a day
_LISTED = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:on\s+|in\s+)?", re.I)


@cache
def _bare_month_before() -> re.Pattern:
    """A month name that opens a range whose end carries the year: the "Jan." of "Jan.-Feb. 2024"."""
    month = f"{class_pattern('MONTH')}|{class_pattern('MONTH_ABBR')}\\.?"
    return re.compile(rf"\b(?:between\s+)?({month})\s*(?:[-–—]|to|through|until|and)\s*$", re.I)


def complete(text: str, timexes: list[Timex]) -> list[Timex]:
    """Add the second endpoint that a range writes as a bare number ("Aug. 5-10": the "10")."""
    out: list[Timex] = []
    starts = {t.start for t in timexes}
    absorbed: set[int] = set()  # where a year written after a range starts ("July 2-9, 2021")
    for t in timexes:
        if t.start in absorbed:
            continue  # the year is now part of the range's end
        if t.type != "DATE":
            out.append(t)
            continue
        m = _DAY_VALUE.match(t.value)
        before = _BARE_DAY_BEFORE.search(text, max(0, t.start - 12), t.start) if m else None
        if m and before and int(before.group(1)) < int(m.group(3)) and not _ends_inside(out, before.start(1)):
            value = f"{m.group(1)}-{m.group(2)}-{int(before.group(1)):02d}"
            out.append(Timex(before.start(1), before.end(1), before.group(1), "DATE", value, relative=t.relative,
                             anchored=t.anchored, reason=f"the start of a range ending {t.value}"))
        out.append(t)
        if m and _ENDS_IN_DAY_NUMBER.search(t.text):  # "Aug. 5-10", not "Friday and 30 more"
            after = _BARE_DAY.match(text, t.end)
            if after and after.start(1) not in starts:
                day = int(after.group(1))
                year = after.group(2)
                if int(m.group(3)) < day <= 31:
                    if year:  # "July 2-9, 2021": the year written after the range holds for both ends
                        out[-1] = t = replace(t, value=year + t.value[4:], relative=False, anchored=True,
                                              reason=f"'{t.text}' takes the year {year} written after the range")
                    value = f"{year or m.group(1)}-{m.group(2)}-{day:02d}"
                    if value.startswith("XXXX") or cal.interval(value):
                        end = after.end(2) if year else after.end(1)
                        if year:
                            absorbed.add(after.start(2))
                        out.append(Timex(after.start(1), end, text[after.start(1):end], "DATE", value,
                                         relative=t.relative, anchored=t.anchored,
                                         reason=f"the end of a range starting {t.value}"))
        elif (month := _MONTH_VALUE.match(t.value)) and (before := _bare_month_before().search(
                text, max(0, t.start - 30), t.start)):
            first = month_number(before.group(1))
            year = int(month.group(1)) - (first > int(month.group(2)))  # "December-January 2024": the December before
            opening = Timex(before.start(1), before.end(1), before.group(1), "DATE", f"{year:04d}-{first:02d}",
                            relative=t.relative, anchored=t.anchored, reason=f"the start of a range ending {t.value}")
            found_before = out[-2] if len(out) > 1 else None
            if found_before and (found_before.start, found_before.end) == (opening.start, opening.end):
                out[-2] = opening  # "in May and June 2023": May takes the year written after it
            elif not _ends_inside(out[:-1], opening.start):
                out.insert(len(out) - 1, opening)
        elif re.fullmatch(r"\d{4}", t.value):
            after = _BARE_YEAR.match(text, t.end)
            if after and after.start(1) not in starts:
                digits = after.group(1)
                year = int(digits) if len(digits) == 4 else int(t.value[:2] + digits)
                if int(t.value) < year <= int(t.value) + 100:
                    out.append(Timex(after.start(1), after.end(1), digits, "DATE", f"{year:04d}",
                                     reason=f"the end of a range starting {t.value}"))
    return out


def order_weekdays(text: str, timexes: list[Timex]) -> list[Timex]:
    """A weekday that ends a range falls after the one that opens it ("from Monday through Wednesday",
    "a curfew beginning at 8 p.m. Tuesday and lasting until 7 a.m. Thursday")."""
    out = list(timexes)
    for i in range(len(out) - 1):
        t, nxt = out[i], out[i + 1]
        ends = _THROUGH.fullmatch(text[t.end:nxt.start]) or _UNTIL_AFTER.fullmatch(text, t.end, nxt.start)
        if _names_weekday(t) and _names_weekday(nxt) and nxt.value < t.value and ends and nxt.value[:10] < "9999-12-25":
            later = date.fromisoformat(nxt.value[:10]) + timedelta(days=7)
            out[i + 1] = replace(nxt, value=later.isoformat() + nxt.value[10:],
                                 reason=f"'{nxt.text}': the first one after '{t.text}' ({t.value}), opening a range")
    return out


def share_year(text: str, timexes: list[Timex]) -> list[Timex]:
    """The start of a range or a list takes the year written at its end ("from July 23 to Aug. 8, 2021",
    "on May 3 and May 5, 2019")."""
    out = list(timexes)
    for i in range(len(out) - 2, -1, -1):  # from the end, so "May 3, May 4 and May 5, 2019" all take 2019
        t, nxt = out[i], out[i + 1]
        joined = _THROUGH.fullmatch(text, t.end, nxt.start) or _LISTED.fullmatch(text, t.end, nxt.start)
        if not (joined and t.relative and not nxt.relative and _DATED.match(t.value) and _DATED.match(nxt.value)):
            continue
        year = int(nxt.value[:4]) - (t.value[5:10] > nxt.value[5:10])  # "Dec. 28-Jan. 3, 2025": the year before
        out[i] = replace(t, value=f"{year:04d}{t.value[4:]}", relative=False, anchored=True,
                         reason=f"'{t.text}' takes the year of '{nxt.text}', written after it")
    return out


def join_durations(text: str, timexes: list[Timex]) -> list[Timex]:
    """Two lengths of time joined by "and", the larger unit first, are one: "three hours and 34 minutes" = PT3H34M."""
    out: list[Timex] = []
    for t in timexes:
        last = out[-1] if out else None
        a = _SIMPLE_DURATION.match(last.value) if last and last.type == "DURATION" else None
        b = _SIMPLE_DURATION.match(t.value) if t.type == "DURATION" else None
        if a and b and _AND.fullmatch(text, last.end, t.start) and _UNIT_ORDER.index(
                a.group(1) + a.group(3)) < _UNIT_ORDER.index(b.group(1) + b.group(3)):
            time_part = b.group(1) and not a.group(1)
            value = last.value + ("T" if time_part else "") + b.group(2) + b.group(3)
            out[-1] = replace(last, end=t.end, text=text[last.start:t.end], value=value,
                              reason=f"'{last.text}' and '{t.text}': one length of time")
            continue
        out.append(t)
    return out


def share_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """The two clock times of a range share the day written at one of them ("from 7 a.m. to 9 p.m. on Oct. 15");
    an end earlier than its start falls on the next day ("from 10 p.m. to 6 a.m.")."""
    out = list(timexes)
    for i in range(len(out) - 1):
        t, nxt = out[i], out[i + 1]
        a, b = _DAY_VALUE.match(t.value), _DAY_VALUE.match(nxt.value)
        if not (a and b and a.group(4) and b.group(4) and a.group(1) != "XXXX" and b.group(1) != "XXXX"
                and _THROUGH.fullmatch(text, t.end, nxt.start)):
            continue
        end_names_day = bool(_names_a_day().search(nxt.text))
        if end_names_day and not _names_a_day().search(t.text):
            day = date.fromisoformat(nxt.value[:10]) - timedelta(days=a.group(4) > b.group(4))
            out[i] = replace(t, value=day.isoformat() + a.group(4), reason=f"'{t.text}': on the day of '{nxt.text}'")
        elif not end_names_day:
            day = date.fromisoformat(t.value[:10]) + timedelta(days=b.group(4) < a.group(4))
            out[i + 1] = replace(nxt, value=day.isoformat() + b.group(4),
                                 reason=f"'{nxt.text}': the end of a range from '{t.text}'")
    return out


@cache
def _names_a_day() -> re.Pattern:
    """Words with which a clock time names its day ("on Tuesday", "Oct. 15", "tomorrow", "the next day")."""
    days = "|".join(class_pattern(c) for c in ("WEEKDAY", "MONTH", "MONTH_ABBR"))
    return re.compile(rf"{days}|\b(?:yesterday|today|tomorrow|tonight|last\s+night|this\s+\w+|the\s+\w+\s+day)\b",
                      re.I)


def _ends_inside(found: list[Timex], pos: int) -> bool:
    return any(t.start <= pos < t.end for t in found)


def join(text: str, timexes: list[Timex]) -> list[Timex]:
    """Merge two consecutive DATE endpoints of a range into one Timex with `end_value`."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if nxt and _is_range(text, t, nxt):
            opener = _OPENER.search(text, max(0, t.start - 12), t.start)
            gap = text[t.end:nxt.start]
            if re.fullmatch(r"\s*and\s*", gap, re.I) and not opener and not _BARE_ENDPOINT.fullmatch(nxt.text):
                out.append(t)
                i += 1
                continue
            start = opener.start() if opener else t.start
            out.append(replace(t, start=start, end=nxt.end, text=text[start:nxt.end], end_value=nxt.value,
                               relative=t.relative or nxt.relative, anchored=t.anchored and nxt.anchored,
                               reason=f"a range: from {t.value} ({t.reason}) to {nxt.value} ({nxt.reason})"))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _names_weekday(t: Timex) -> bool:
    """True for a day or a time of one that a weekday name gives ("Monday", "7 a.m. Thursday")."""
    return bool(_DAY_VALUE.match(t.value)) and any(weekday_number(w) for w in _WORD.findall(t.text))


def _is_range(text: str, a: Timex, b: Timex) -> bool:
    if a.type not in ("DATE", "TIME") or b.type not in ("DATE", "TIME"):
        return False
    if not _BETWEEN.fullmatch(text[a.end:b.start]):
        return False
    if not (a.anchored and b.anchored):
        return a.value[:4] == "XXXX" or b.value[:4] == "XXXX"
    first, last = cal.interval(a.value), cal.interval(b.value)
    return bool(first and last and first[0] <= last[1])
