"""Events: one per differently dated happening a sentence reports, with its actors, countries and trigger."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, replace
from functools import cache

from extract import knowledge
from extract.model import Article, Event, Mention, Sentence, Timex
from extract.timex import interval
from extract.timex.tense import cues, tense_at

# Where a sentence with two dated happenings splits: a clause break between the two time expressions.
_CLAUSE_BREAK = re.compile(r",\s+(?:as\s+well\s+as|and|but|while|whereas|then|after|before|when|where)?\s*|;\s*|\s+—\s+"
                           r"|\s+(?:as\s+well\s+as|while|whereas|and\s+then)\s+")
CONFIDENCE = {"explicit": 0.9, "relative": 0.8, "story": 0.5, "publication": 0.4, "unanchored": 0.3}
STATEMENT = "statement"
RIGHT_OF_DATE_COST = 30  # a date usually follows the word it dates ("visit Dushanbe on Sept. 14-15 for talks")
NEGATION_WINDOW = 3  # words between a negation and the trigger it denies ("did not yet formally agree")
_DATELINE_HEAD = re.compile(r"\s*(?-i:[A-Z][A-Z .'’-]+)(?:,\s*[A-Z][\w .'’-]*)*,\s*")  # "KYIV, ", "GORI, Georgia, "
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:—|–|--|-|_|:)")  # " (Reuters) - "
_OPENS_TEXT = ("—", "–", "--", " -", "_", ":")  # "GENEVA — Negotiators ...": a dateline's dash opens the text
_REPORTED = re.compile(r"\bthat\b|[:\"“«]|\b(?:will|would|could|might)\b")  # what opens the words a statement
# reports, or shows it has begun ("said it would not sign")
_MODAL = re.compile(r"\b(?:will|would|could|might|may|can)\b|['’]ll\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?$", re.I)  # "has said": not on the story's day
_SINCE = re.compile(r"\bsince\s+$", re.I)  # "killed since Jan. 1": a stretch that runs to publication
NEGATION_REACH = 4  # words from a denied trigger to one it governs ("refused to sign the ceasefire deal")
# A condition opens a happening that may never take place: "if talks fail, there will be war", "attack if provoked".
# Not a question ("asked if"), a manner ("as if") or a report taken as true ("if confirmed, the strike ...").
_CONDITION = re.compile(r"(?<!\bas )(?<!\bask )(?<!\basks )(?<!\basked )(?<!\basking )(?<!\bwondered )"
                        r"\b(?:if|unless)\b(?!\s+(?:confirmed|true|so)\b)", re.I)


@dataclass(frozen=True)
class Trigger:
    """A word that names what happened, and the event type it signals."""

    start: int
    end: int
    text: str
    event_type: str
    negated: bool = False  # "would not agree", "if talks fail": a happening the text says did not, will not or
    # only might take place


@cache
def _negation() -> re.Pattern:
    cues = "|".join(knowledge.lines("negation.txt"))
    return re.compile(rf"\b(?:{cues})\b(?:\s+[\w'’-]+){{0,{NEGATION_WINDOW}}}\s+$", re.I)


@cache
def _lexicon() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((etype, re.compile(r"\b(?:" + words + r")\b", re.I))
                 for etype, words in knowledge.table("event_types.tsv"))


def triggers(sentence: str) -> list[Trigger]:
    """Trigger words of a sentence (offsets within it): the longest of overlapping matches, then file order."""
    candidates = []
    for order, (etype, pattern) in enumerate(_lexicon()):
        for m in pattern.finditer(sentence):
            before = sentence[:m.start()].rstrip(" \"'“‘(")
            if m.group(0)[0].isupper() and before and not before.endswith(_OPENS_TEXT):
                continue  # a capitalised word inside a sentence is a name ("Islamic State"), not a trigger
            candidates.append((m.start() - m.end(), order, m.start(), m.end(), m.group(0), etype))
    chosen: list[Trigger] = []
    for _, _, start, end, text, etype in sorted(candidates):
        if not any(t.start < end and start < t.end for t in chosen):
            clause = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start)) + 1
            negated = bool(_negation().search(sentence, clause, start)) or _conditional(sentence, clause, start)
            chosen.append(Trigger(start, end, text, etype, negated))
    chosen.sort(key=lambda t: t.start)
    for i in range(1, len(chosen)):  # "failed to agree on a border deal": the deal is denied with the agreeing
        before, t = chosen[i - 1], chosen[i]
        gap = sentence[before.end:t.start]
        if before.negated and not t.negated and not re.search(r"[,;:]", gap) and len(gap.split()) <= NEGATION_REACH:
            chosen[i] = replace(t, negated=True)
    return chosen


def _conditional(sentence: str, clause: int, start: int) -> bool:
    """True when a trigger (at `start`, in the clause opening at `clause`) stands in a condition, in the clause
    after one ("If X, there will be war") or in a modal clause that one ends ("Russia will attack if ...")."""
    cue = next(reversed(list(_CONDITION.finditer(sentence, 0, start))), None)
    between = sentence[cue.end():start] if cue else ""
    if cue and between.count(",") <= 1 and not re.search(r"[:;\"“«]", between):
        return True
    rest = re.split(r"[,;:\"“”«»]", sentence[start:], maxsplit=1)[0]  # the trigger's clause from it on
    return bool(_CONDITION.search(rest)) and bool(_MODAL.search(sentence, clause, start))


def datable(t: Timex) -> bool:
    """True for a time expression that can date an event: a calendar DATE or TIME, possibly unanchored."""
    if t.type not in ("DATE", "TIME"):
        return False
    if not t.anchored:
        return t.value.startswith("XXXX")
    span = interval(t.value.split("T")[0])
    return bool(span) and span[2] != "century"


def date_fields(t: Timex) -> tuple[str, str, str]:
    """(date_start, date_end, date_precision) of a datable time expression ('' dates when unanchored)."""
    if not t.anchored:
        return "", "", _precision_of_pattern(t.value)
    first = interval(t.value.split("T")[0])
    last = interval(t.end_value.split("T")[0]) if t.end_value else first
    if not first or not last:
        return "", "", "day"
    precision = first[2] if not t.end_value or first[2] == last[2] else "day"
    return first[0].isoformat(), last[1].isoformat(), precision


def _precision_of_pattern(value: str) -> str:
    """The precision an underspecified value ("XXXX-08-05", "XXXX-WXX") would have once anchored."""
    if re.search(r"-W\w\w-\d", value):
        return "day"  # a weekday
    probe = "2000" + value[4:] if value.startswith("XXXX") else value
    span = interval(probe.replace("X", "1").split("T")[0])
    return span[2] if span else "day"


def segments(sentence: Sentence, times: list[Timex]) -> list[tuple[int, int, Timex | None]]:
    """Split a sentence into one stretch per distinct date: (start, end, time expression), offsets in the text."""
    if not times:
        return [(sentence.start, sentence.end, None)]
    out = []
    start = sentence.start
    for t, nxt in zip(times, times[1:] + [None], strict=True):
        if nxt is None:
            out.append((start, sentence.end, t))
            break
        between = sentence.text[t.end - sentence.start:nxt.start - sentence.start]
        breaks = list(_CLAUSE_BREAK.finditer(between))
        cut = t.end + (breaks[-1].start() if breaks else 0)
        out.append((start, cut, t))
        start = cut
    return out


def _subject(sentence: Sentence, actors: list[Mention], trigs: list[Trigger]) -> list[Mention]:
    """The first actor named before the sentence's first trigger (its likely subject)."""
    first = trigs[0].start if trigs else sentence.end
    return [m for m in actors if m.start < first][:1]


def _pick_trigger(trigs: list[Trigger], lo: int, hi: int, anchor: int | None) -> Trigger | None:
    """The trigger inside [lo, hi) nearest to `anchor`, preferring those before it; statements lose ties."""
    inside = [t for t in trigs if lo <= t.start < hi]
    if not inside:
        return None
    if anchor is None:  # an undated sentence reports, above all, that somebody said something
        return next((t for t in inside if t.event_type == STATEMENT), inside[0])

    def cost(t: Trigger) -> float:
        distance = anchor - t.end if t.end <= anchor else (t.start - anchor) * 1.5 + RIGHT_OF_DATE_COST
        return abs(distance) + (5 if t.event_type == STATEMENT else 0)

    return min(inside, key=cost)


def _names(mentions: list[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.name for m in mentions if m.is_actor))


def _countries(mentions: list[Mention]) -> tuple[str, ...]:
    return tuple(sorted({c for m in mentions for c in m.countries}))


def event_id(article_id: str, char_start: int, date_value: str, trigger: str) -> str:
    """A stable identifier: the same article, place, date and trigger give the same id on every run."""
    key = f"{article_id}|{char_start}|{date_value}|{trigger.lower()}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def build(article: Article, sentences: list[Sentence], timexes: list[Timex], mentions: list[Mention]) -> list[Event]:
    """Events of one cleaned article."""
    published = article.published.isoformat() if article.published else ""
    out: list[Event] = []
    story: Timex | None = None  # the last past day the text has named: where its narrative stands
    time_starts, mention_starts = [t.start for t in timexes], [m.start for m in mentions]
    for sent in sentences:
        times = _without_dateline(sent, _without_frame(
            sent, _distinct([t for t in _within(timexes, time_starts, sent) if datable(t)])))
        here = _within(mentions, mention_starts, sent)
        found = triggers(sent.text)
        every = [replace(t, start=t.start + sent.start, end=t.end + sent.start) for t in found]
        trigs = [t for t in every if not t.negated]
        if not times and not trigs:
            continue
        actors = [m for m in here if m.is_actor]
        subject = _subject(sent, actors, trigs)
        for lo, hi, t in segments(sent, times):
            trig = _pick_trigger(trigs, lo, hi, t.start if t else None)
            nearest = _pick_trigger(every, lo, hi, t.start if t else None)
            if nearest and nearest.negated and trig is None:
                continue  # only what the text says did not happen ("Russia did not attack on Monday")
            if nearest and nearest.negated and _reports(article.text, trig, nearest):
                t = None  # "told reporters that Baku would not sign before the summer": the summer dates what
                # was said, which did not happen; the saying is dated as a sentence without a date is
            if t and trig and _foretold(sent, trig, t):
                trig = None  # "He said the border would reopen on Monday": Monday dates the reopening
            else:
                trig = trig or _pick_trigger(trigs, sent.start, sent.end, t.start if t else None)
            if trig is None and t is None:
                continue  # nothing happened here
            event_type = trig.event_type if trig else "other"
            scope = here if event_type == STATEMENT else [m for m in here if lo <= m.start < hi] + subject
            if t is None and story and trig and _past(sent, trig):  # the story is still at that day
                why = f"no time expression; the story is at {story.text!r} ({story.value}), named earlier"
                t = replace(story, text="", relative=True, end_value="", reason=why)
            out.append(_event(article, published, sent, t, trig, event_type, scope))
        story = next((t for t in reversed(times) if _is_past_day(t, published)  # not "since October 7": a start
                      and not _after_since(article.text, t)), story)
    return out


def _foretold(sent: Sentence, trig: Trigger, t: Timex) -> bool:
    """True when a statement stands before a date with a future cue between them: the date is of what it foretells."""
    if trig.event_type != STATEMENT or trig.end > t.start:
        return False
    lo, hi = trig.end - sent.start, t.start - sent.start
    return any(tense == "future" and lo <= a and b <= hi for a, b, tense in cues(sent.text))


def _reports(text: str, statement: Trigger, said: Trigger) -> bool:
    """True when `said` stands in what the `statement` reports: after it, past a "that", a colon or a quote."""
    return (statement.event_type == STATEMENT and statement.end <= said.start
            and bool(_REPORTED.search(text, statement.end, said.start)))


def _past(sent: Sentence, trig: Trigger) -> bool:
    """True when a reporting verb is itself a past form ("told reporters he would ...") or the clause is past.

    Only a statement's own form counts: another -ed trigger is as often a participle ("groups banned in Russia").
    """
    a, b = trig.start - sent.start, trig.end - sent.start
    own = [tense for start, end, tense in cues(sent.text) if start <= a and b <= end]
    if own and trig.event_type == STATEMENT and not _PERFECT.search(sent.text, 0, a):
        return own[0] == "past"
    return tense_at(sent.text, a, b) in ("past", "since")


def _after_since(text: str, t: Timex) -> bool:
    """True for a time written right after "since": the start of a stretch that runs to publication."""
    return bool(_SINCE.search(text, max(0, t.start - 12), t.start))


def _is_past_day(t: Timex, published: str) -> bool:
    start, end, _ = date_fields(t)
    return bool(start) and start == end and (not published or start <= published)


def _within(items: list, starts: list[int], sent: Sentence) -> list:
    """The items (sorted by start) that start inside a sentence."""
    return items[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]


def _without_frame(sent: Sentence, times: list[Timex]) -> list[Timex]:
    """Drop a period that opens the sentence ("Last year, ...") when finer dates inside it follow."""
    if len(times) < 2:
        return times
    first = times[0]
    opener = sent.text[:first.start - sent.start].strip(" \"'“‘(").split()
    outer = interval(first.value.split("T")[0]) if not first.end_value else None
    if len(opener) > 1 or not sent.text.startswith(",", first.end - sent.start) or not outer:
        return times

    def inside(t: Timex) -> bool:
        span = interval(t.value.split("T")[0])
        return bool(span) and outer[0] <= span[0] and span[1] <= outer[1] and span[1] - span[0] < outer[1] - outer[0]

    return times[1:] if all(inside(t) for t in times[1:]) else times


def _without_dateline(sent: Sentence, times: list[Timex]) -> list[Timex]:
    """Drop the date of a dateline ("KYIV, March 3 (Reuters) - ...") when the sentence dates its news otherwise."""
    if len(times) < 2:
        return times
    first = times[0]
    head, tail = sent.text[:first.start - sent.start], sent.text[first.end - sent.start:]
    return times[1:] if _DATELINE_HEAD.fullmatch(head) and _DATELINE_TAIL.match(tail) else times


def _distinct(times: list[Timex]) -> list[Timex]:
    """Time expressions of a sentence with repeats of the same date dropped (the first one stays)."""
    seen, out = set(), []
    for t in times:
        key = (t.value, t.end_value)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def _event(article: Article, published: str, sent: Sentence, t: Timex | None, trig: Trigger | None,
           event_type: str, scope: list[Mention]) -> Event:
    if t is not None:
        start, end, precision = date_fields(t)
        basis = "unanchored" if not t.anchored else ("relative" if t.relative else "explicit")
        value, text, reason = t.value + (f"/{t.end_value}" if t.end_value else ""), t.text, t.reason
        if t.text and end and published > end and _after_since(article.text, t):
            end, reason = published, f"{reason}; 'since': from then until publication ({published})"
    elif published:
        start = end = published
        precision, basis, value, text = "day", "publication", published, ""
        reason = f"no time expression in the sentence: dated by publication ({published})"
    else:
        start = end = ""
        precision, basis, value, text = "day", "unanchored", "", ""
        reason = "no time expression in the sentence and no publication date"
    confidence = CONFIDENCE["story" if t is not None and not t.text else basis] - (0.1 if trig is None else 0.0)
    trigger = trig.text if trig else ""
    return Event(
        event_id=event_id(article.article_id, sent.start, value, trigger),
        article_id=article.article_id, date_start=start, date_end=end, date_precision=precision,
        date_value=value, date_text=text, date_basis=basis, event_type=event_type, trigger=trigger,
        actors=_names(scope), countries=_countries(scope), sentence=sent.text, char_start=sent.start,
        char_end=sent.end, title=article.title, url=article.url, source=article.source, published=published,
        confidence=round(confidence, 2), reason=reason,
    )
