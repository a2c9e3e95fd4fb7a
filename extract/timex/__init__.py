"""Newsline's temporal tagger: find TIMEX3 expressions and resolve them against the publication date.

Rules and word lists live in extract/knowledge/timex/; rules.py applies them, normalise.py gives values,
tense.py reads the tense of each clause, ranges.py joins range endpoints, calendar.py does the arithmetic.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from extract.model import Sentence, Timex
from extract.sentences import split
from extract.timex import calendar, ranges, rules, words
from extract.timex.normalise import DAY_VALUE, NORMALISERS, Context, Value, looks_back
from extract.timex.tense import after_deadline_word, cues, tense_at

__all__ = ["tag", "interval"]
SAYING_REACH = 60  # characters from a verb of saying to the day it was said on ("told a conference on Wednesday")
FOCUS_SENTENCES = 3  # a period named this many sentences back is still the one under discussion
_POSSESSIVE = re.compile(r"['’]s\b")
_WOULD = re.compile(r"\b(?:would|could|might)\b", re.I)  # a future seen from the past: not after publication
_FRAME = re.compile(r"\W*(?:(?:in|during|by|since|until|on|at|over|through|throughout|early|late|earlier|later)\s+)?",
                    re.I)  # what may stand before a time that opens its sentence
_SUBJECT_NEXT = re.compile(r"\s+(?:the|a|an|he|she|it|they|we|its|his|her|their|our)\s", re.I)  # "In 2014 the polls"
_PREPOSITION_BEFORE = re.compile(r"\b((?:until|till)\s+after|after|following|since|of|from|at|during|despite|over|"
                                 r"for|before|until|till|ahead\s+of)\s+$", re.I)  # "after Sunday's first round"
_AHEAD_OF = {"for", "before", "until", "till", "ahead of", "until after", "till after"}
_SAID = re.compile(r"\b(?:said|says|told|announced)\s+(?:\w+\s+)?(?:on\s+)?$", re.I)
_MARKS_ANNIVERSARY = re.compile(r"\banniversar(?:y|ies)\b|\bcommemorat", re.I)
_SAYING_WORDS = r"said|says|told|tells|announced|added|declared|insisted|warned|wrote|promised"
_SAYING = re.compile(rf"\b(?:{_SAYING_WORDS}|answering|speaking)\b", re.I)  # a verb of saying
_SAID_BEFORE = re.compile(rf"(?<!\bhad\s)\b(?:{_SAYING_WORDS})\b[^.;:]{{0,60}}$", re.I)  # not "had told": said earlier
_CLAUSE_OPENS = re.compile(r"\b(?:that|had|has|have|was|were|is|are|would|will)\b|,", re.I)  # what was said
_QUOTED_DAY = re.compile(r"(?:[\w:.]+\s+)?(?:today|tomorrow|tonight|yesterday|the\s+day\s+(?:before\s+yesterday|after"
                         r"\s+tomorrow)|this\s+(?:morning|afternoon|evening)|last\s+night)", re.I)
_FUTURE_IN_PAST = re.compile(r"would|['’]d|(?:was|were)\s+(?:due\s+)?to", re.I)
_LONG_UNITS = {"year", "years", "decade", "decades", "century", "centuries"}
_REPORT_THAT = re.compile(r",?\s+that\b")  # "told the council in October 2016 that ...": the date of a report
_FROM_NOW = re.compile(r"(?:(?:early|late|mid|later)[\s-]+)?(?:next|this|last|coming)\b|today|tonight|tomorrow"
                       r"|the\s+(?:end|start|beginning|middle)\s+of\s+the\s+(?:week|month|year)", re.I)  # "next year"
_BACKGROUND = re.compile(r"\b(?:born|founded|established)\s+(?:on\s+|in\s+)?$", re.I)  # not where the story is
_COUNTED_FROM = re.compile(r"\s+(?:after|before)\b", re.I)  # "six months after ... on Dec. 3": a date counted from
interval = calendar.interval


@cache
def _figure() -> re.Pattern:
    """A noun after a date that makes it the period of a figure: "December jobs report", "September peak"."""
    return re.compile(rf"[\s-]+(?:[a-z]+\s+)?(?:{words.class_pattern('FIGURE_NOUN')})\b", re.I)


@dataclass
class _Story:
    """Where the text's story is, as its time expressions are read in order."""

    anchor: str = ""  # value of the last date the story named
    anchor_text: str = ""
    anchors: list[tuple[str, str]] = field(default_factory=list)  # every (value, text) it has been at, latest last
    recent: dict[str, tuple[str, int]] = field(default_factory=dict)  # granularity -> (value, sentence), latest last
    reference_by_sentence: dict[int, str] = field(default_factory=dict)
    frame_by_sentence: dict[int, str] = field(default_factory=dict)  # "In 2014, ...": the sentence's year
    first_quarter: str = ""  # a results story is about the quarter it names first
    anniversary: bool = False  # "Fifty years ago today": from here on the story is back then
    written: tuple[str, int] = ("", -9)  # the last date written out with its year, and its sentence
    reported: tuple[str, int] = ("", -9)  # the last such date of a report ("In June 2015, ...", "in 2002 that ...")

    def context(self, text: str, m: rules.Match, sent: Sentence, i: int, published: date | None,
                tense: str | None) -> Context:
        """What the normaliser of a match in sentence `i` may look at."""
        in_focus = {gran: value for gran, (value, at) in self.recent.items() if i - at <= FOCUS_SENTENCES}
        if self.first_quarter:
            in_focus["quarter"] = self.first_quarter
        back_then = self.anniversary and not _SAID.search(text, max(0, m.start - 20), m.start) and not \
            _MARKS_ANNIVERSARY.search(sent.text)  # "said on Tuesday", "gathered on Tuesday to mark the anniversary":
        # today's news, even in an anniversary story
        return Context(published, tense, self.anchor, self.anchor_text, self.reference_by_sentence.get(i, ""),
                       in_focus, self.frame_by_sentence.get(i, ""),
                       self.written[0] if i - self.written[1] <= 1 else "", bool(_figure().match(text, m.end)),
                       back_then)

    def move(self, text: str, m: rules.Match, sent: Sentence, i: int, t: Timex, background: bool) -> None:
        """Follow the story to a newly tagged expression, unless it is `background` or names no calendar date."""
        calendar_part = t.value.split("T")[0]
        span = calendar.interval(calendar_part) if t.type in ("DATE", "TIME") else None
        if not span or not m.rule.params.get("anchor", True) or background:
            return
        self.anchor, self.anchor_text = t.value, t.text
        self.anchors.append((t.value, t.text))
        self.recent.pop(span[2], None)
        self.recent[span[2]] = (calendar_part, i)
        if t.type == "TIME" and t.value.endswith(("TEV", "TNI")):
            self.recent["night"] = (calendar_part, i)  # an evening clock time later falls in it
        if span[2] == "quarter" and not self.first_quarter:
            self.first_quarter = t.value
        self.reference_by_sentence[i] = calendar_part
        if not t.relative and not _BACKGROUND.search(text, max(0, m.start - 20), m.start):
            self.written = (calendar_part, i)
            if _REPORT_THAT.match(text, m.end) or text.startswith(",", m.end) and \
                    _FRAME.fullmatch(text, sent.start, m.start):
                self.reported = (calendar_part, i)
        elif self.written[0][:4] != calendar_part[:4]:
            self.written = ("", -9)  # "on 24 June 2010 ... In February last year ...": the story has moved on
        opens = (text.startswith(",", m.end) or _SUBJECT_NEXT.match(text, m.end)) and \
            _FRAME.fullmatch(text, sent.start, m.start)
        if span[2] == "year" and opens:  # "In 2014, ...", "Last year the ...": the year of the sentence
            self.frame_by_sentence[i] = t.value


def tag(text: str, published: date | None, sentences: list[Sentence] | None = None,
        join_ranges: bool = True) -> list[Timex]:
    """Time expressions of `text`, resolved against `published` (None: relative ones stay unanchored).

    With join_ranges, "Aug. 5-10" is one Timex with value and end_value; without, two (TimeBank's way).
    """
    sentences = sentences if sentences is not None else split(text)
    starts = [s.start for s in sentences]
    found: list[Timex] = []
    story = _Story()
    neutral = Context(published, None)
    countries = _CountryMentions(text, starts)

    def has_value(m: rules.Match) -> bool:
        return _normalise(countries.national_day(m), neutral) is not None

    for m in rules.find(text, has_value):
        m = countries.national_day(m)
        i = max(0, bisect.bisect_right(starts, m.start) - 1)
        sent = sentences[i] if sentences else Sentence(0, len(text), text)
        tense = tense_at(sent.text, m.start - sent.start, m.end - sent.start)
        if _POSSESSIVE.match(text, m.end):
            tense = _possessive_tense(text, m.start, sent.start, tense)
        told_on = _plan_told_on(text, m, sent, found) if tense == "future" else None
        if told_on == date.min:
            tense = None  # "was due to arrive on Tuesday": either side of publication, the nearer
        ctx = story.context(text, m, sent, i, published, tense)
        report_day = _reported_from(text, m, story.reported, i, ctx)
        result = _resolve(m, ctx, told_on, report_day, story)
        if result is None or not result.value:
            continue
        story.anniversary = story.anniversary or _anniversary(text, m, found, sent)
        surface = text[m.start:m.end]
        why = result.reason + (f"; {m.groups['national_of']}" if m.groups.get("national_of") else "")
        found.append(Timex(m.start, m.end, surface, result.type or m.rule.type, result.value,
                           relative=result.relative, anchored=result.anchored, reason=f"'{surface}': {why}"))
        counted_from = _counted_from(text, found, sent) and result.value.split("T")[0] < story.anchor.split("T")[0]
        story.move(text, m, sent, i, found[-1], background=counted_from or bool(report_day) or _converted(text, found))
    found = _quoted_from_saying_day(text, _overnight_before_its_day(found, starts, published), starts, published)
    found = _possessive_day_named_before(text, found, starts)
    found = ranges.share_year(text, ranges.order_weekdays(text, ranges.complete(text, found)))
    found = ranges.join_durations(text, ranges.share_day(text, found))
    return ranges.join(text, found) if join_ranges else found


class _CountryMentions:
    """The countries a text mentions, looked up only when a national day needs one."""

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text, self.starts = text, starts
        self.mentions: list[tuple[int, str]] | None = None

    def national_day(self, m: rules.Match) -> rules.Match:
        """`m` with the date of a national day ("Independence Day") of the country mentioned nearest: in its
        sentence before it, then after it, then earlier in the text."""
        name = " ".join((m.groups.get("holiday") or "").split())
        days = words.national_days().get(name)
        if not days or m.groups.get("national"):
            return m
        if self.mentions is None:
            from extract.places import find_places  # the places stage's gazetteer, loaded only when needed
            self.mentions = [(p.start, p.countries[0]) for p in find_places(self.text) if p.countries]
        at = self.text.find(name, m.start)
        i = bisect.bisect_right(self.starts, at) - 1
        begin = self.starts[i] if i >= 0 else 0
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        before = [c for start, c in self.mentions if start < at]
        after = [c for start, c in self.mentions if at < start < end]
        same = [c for start, c in self.mentions if begin <= start < at]
        country = same[-1] if same else after[0] if after else before[-1] if before else ""
        if country not in days:
            return m
        from extract.places import country_name
        return replace(m, groups={**m.groups, "national": days[country],
                                  "national_of": f"{name} of {country_name(country)}"})


def _resolve(m: rules.Match, ctx: Context, told_on: date | None, report_day: date | None,
             story: _Story) -> Value | None:
    """The match's value, counted from the day a plan was told or reported where it was, else as `ctx` says."""
    if told_on and date.min < told_on < date.max:  # "said Tuesday it would hold talks on Wednesday"
        result = _normalise(m, replace(ctx, dct=told_on + timedelta(days=1)))
        return result and replace(result, reason=f"{result.reason}; planned on {told_on}, so after it")
    if report_day:  # "told the council in October 2016 that the tower would open next spring"
        result = _normalise(m, replace(ctx, dct=report_day))
        return result and replace(result, reason=f"{result.reason}; a plan reported on {story.reported[0]}, "
                                                  f"counted from then")
    result = _normalise(m, ctx)
    if result and m.rule.normaliser == "narrative" and _after(result.value, ctx.dct) and looks_back(ctx.tense):
        result = _from_an_earlier_anchor(m, ctx, story.anchors) or result  # "died 13 days later"
    return result


def _possessive_tense(text: str, start: int, sentence_start: int, tense: str | None) -> str:
    """The tense of "Tuesday's ruling": a thing already there ("after Sunday's first round", "would get around
    Wednesday's ruling"), unless its preposition or its clause looks forward ("for Sunday's runoff")."""
    before = _PREPOSITION_BEFORE.search(text, max(sentence_start, start - 20), start)
    if before:
        return "future" if " ".join(before.group(1).lower().split()) in _AHEAD_OF else "past"
    return "future" if tense == "future" and not _WOULD.search(text, sentence_start, start) else "past"


def _plan_told_on(text: str, m: rules.Match, sent: Sentence, found: list[Timex]) -> date | None:
    """For a weekday in a future seen from the past ("would", "was due to"): the day the plan was told, if a
    saying in the sentence names it ("said Tuesday it would ..."), else date.min; None for another future."""
    if m.rule.name != "weekday":
        return None
    left = [c for c in cues(sent.text) if c[1] <= m.start - sent.start and c[2] == "future"]
    if not left or not _FUTURE_IN_PAST.fullmatch(sent.text[left[-1][0]:left[-1][1]]):
        return None
    told = [t for t in found if t.start >= sent.start and DAY_VALUE.match(t.value[:10])
            and _SAID.search(text, max(0, t.start - 25), t.start)]
    if told:
        return date.fromisoformat(told[-1].value[:10])
    if after_deadline_word(text, m.start):
        return None  # "would stay closed until Friday", "would be completed by Tuesday": ahead
    said = _SAID_BEFORE.search(sent.text, 0, left[-1][0])
    verb_end = sent.start + said.start() + len(said.group(0).split()[0]) if said else 0
    dated = any(verb_end <= t.start <= verb_end + 25 for t in found)  # "said last week it would"
    if said and not dated and sent.text[left[-1][0]:left[-1][1]].lower() in ("would", "'d", "’d"):
        return None  # "said they would name a council on Sunday": said lately, so ahead
    return date.min


def _anniversary(text: str, m: rules.Match, found: list[Timex], sent: Sentence) -> bool:
    """ "Fifty years ago today", or a text that opens with "A decade ago, ...": a story told from back then."""
    if m.rule.name != "number_units_ago":
        return False
    opening = not found and (m.groups.get("unit") or m.groups.get("units") or "").lower() in _LONG_UNITS and \
        text.startswith(",", m.end) and not text[sent.start:m.start].strip()
    return bool(m.groups.get("within") or m.groups.get("within_day") or opening)


def _reported_from(text: str, m: rules.Match, reported: tuple[str, int], i: int, ctx: Context) -> date | None:
    """ "told the council in October 2016 that the tower would open next spring": a plan reported on a past date
    written earlier in the sentence counts its "next", "this" and "last" from that date."""
    if reported[1] != i or ctx.tense != "future" or not ctx.dct or not _FROM_NOW.match(text, m.start, m.end):
        return None
    span = calendar.interval(reported[0])
    return span[0] if span and span[1].year < ctx.dct.year else None


def _after(value: str, published: date | None) -> bool:
    span = calendar.interval(value.split("T")[0])
    return bool(published and span and span[0] > published)


def _from_an_earlier_anchor(m: rules.Match, ctx: Context, anchors: list[tuple[str, str]]) -> Value | None:
    """ "The victim died 13 days later": what a past clause counts from is a date of the story that puts it
    before publication, the latest such one."""
    for value, text in reversed(anchors[:-1]):
        result = _normalise(m, replace(ctx, anchor=value, anchor_text=text))
        if result and result.value and not _after(result.value, ctx.dct):
            return result
    return None


def _converted(text: str, found: list[Timex]) -> bool:
    """True when the last clock time restates the one before in another zone: "at 6:10 a.m. Sunday (0310 GMT)"."""
    if len(found) < 2 or found[-1].type != "TIME" or found[-2].type != "TIME":
        return False
    return re.fullmatch(r"\s*\(", text[found[-2].end:found[-1].start]) is not None


def _counted_from(text: str, found: list[Timex], sent: Sentence) -> bool:
    """True for the date a length counts from ("elected on June 3, six months after ... on Dec. 3"): when earlier
    than the story's date, background, not where the story is."""
    if len(found) < 2 or found[-2].type != "DURATION" or found[-2].start < sent.start:
        return False
    return bool(_COUNTED_FROM.match(text, found[-2].end))


def _overnight_before_its_day(found: list[Timex], starts: list[int], published: date | None) -> list[Timex]:
    """ "Missiles struck overnight, the air force said on Monday": the night before the day its sentence names
    (not a day still to come: "had begun overnight and would be complete by Sunday")."""
    out = list(found)
    latest = published.isoformat() if published else "9999"
    for i, t in enumerate(out):
        if t.text.lower() != "overnight" or not t.value.endswith("TNI"):
            continue
        sentence = bisect.bisect_right(starts, t.start)
        day = next((u for u in out[i + 1:] if DAY_VALUE.match(u.value) and u.value[:10] <= latest
                    and bisect.bisect_right(starts, u.start) == sentence), None)
        if day:
            night = calendar.shift_date(date.fromisoformat(day.value), "D", -1).isoformat() + "TNI"
            out[i] = replace(t, value=night, reason=f"'overnight': the night before '{day.text}' ({day.value})")
    return out


def _possessive_day_named_before(text: str, found: list[Timex], starts: list[int]) -> list[Timex]:
    """ "Under Monday's agreement": a weekday with a possessive is the day of a thing already told, so the same
    weekday named in an earlier sentence ("signed an agreement on Monday")."""
    out: list[Timex] = []
    for t in found:
        sentence_start = starts[bisect.bisect_right(starts, t.start) - 1] if starts else 0
        if _POSSESSIVE.match(text, t.end) and "publication" in t.reason:
            before = [u for u in out if u.end <= sentence_start and u.text.lower() == t.text.lower()]
            if before and before[-1].value != t.value:
                t = replace(t, value=before[-1].value,
                            reason=f"'{t.text}': the {before[-1].text} named before ({before[-1].value})")
        out.append(t)
    return out


def _quoted_from_saying_day(text: str, found: list[Timex], starts: list[int], published: date | None) -> list[Timex]:
    """ "'Tomorrow, we vote,' the chairman told a conference on Wednesday": a day counted from publication inside a
    quotation counts from the past day its sentence gives the saying, outside the quotation."""
    if published is None:
        return found
    out = list(found)
    for i, t in enumerate(out):
        if not (_QUOTED_DAY.fullmatch(t.text) and "publication" in t.reason and DAY_VALUE.match(t.value[:10])):
            continue
        k = bisect.bisect_right(starts, t.start) - 1
        begin = starts[k] if k >= 0 else 0
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        if not _quoted(text[begin:t.start]):
            continue
        days = [u for u in out if begin <= u.start < end and u is not t and DAY_VALUE.match(u.value[:10])
                and u.value[:10] < published.isoformat() and not _quoted(text[begin:u.start])]
        verbs = [v.start() + begin for v in _SAYING.finditer(_unquoted(text[begin:end]))]
        # the day nearest after a verb of saying outside the quotation ("told reporters on Wednesday"), else before it
        near = sorted((u.start < v, abs(u.start - v) if u.start >= v else v - u.end, u.value[:10])
                      for u in days for v in verbs if u.start < v or not _CLAUSE_OPENS.search(text, v, u.start))
        near = [n for n in near if n[1] <= SAYING_REACH]
        if not near:
            continue
        day = date.fromisoformat(near[0][2])
        moved = date.fromisoformat(t.value[:10]) + (day - published)
        out[i] = replace(t, value=moved.isoformat() + t.value[10:], reason=f"{t.reason}; said on {day.isoformat()}, "
                                                                           "so counted from that day")
    return out


def _quoted(before: str) -> bool:
    """True when a quotation is open at the end of `before` (a sentence up to some point)."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _unquoted(sentence: str) -> str:
    """A sentence with its quotations blanked out (offsets kept)."""
    return re.sub(r"“[^”]*”?|\"[^\"]*\"?", lambda q: " " * len(q.group(0)), sentence)


_OFF_CALENDAR = re.compile(r"-|\d{5}")  # a year below 0 or above 9999: "the '90s" or "next month" near the edges


def _normalise(m: rules.Match, ctx: Context) -> Value | None:
    """The match's value; none where the arithmetic leaves the calendar ("3000 years ago" from the year 1000)."""
    try:
        value = NORMALISERS[m.rule.normaliser](m.groups, m.rule.params, ctx)
    except (ValueError, OverflowError):
        return None
    return None if value and _OFF_CALENDAR.match(value.value) else value

