"""Newsline's data model: the records each pipeline stage reads and writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

EVENT_COLUMNS = (
    "event_id", "article_id", "date_start", "date_end", "date_precision", "date_value", "date_text",
    "date_basis", "event_type", "trigger", "actors", "countries", "sentence", "char_start", "char_end",
    "title", "url", "source", "published", "confidence",
)
ARTICLE_COLUMNS = ("article_id", "title", "url", "source", "published", "published_basis", "n_events", "text")


@dataclass(frozen=True)
class Article:
    """One news article; `text` is the body as received until the clean stage replaces it."""

    article_id: str
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: date | None = None
    published_basis: str = "none"  # option | metadata | html | url | dateline | none
    origin: str = ""  # the file (and line) it came from, for messages
    id_from_name: bool = False  # the id was made from the file name, not given by the input


@dataclass(frozen=True)
class Problem:
    """An input that could not be read, and why."""

    origin: str  # file, or file:line
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned text, with its character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Timex:
    """A time expression (TIMEX3) found in a text, with its normalised value."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2021-08-05, 2015-W38, P3Y, PRESENT_REF, XXXX-XX-XX ...
    end_value: str = ""  # the last value of a range ("Aug. 5-10" -> value 2021-08-05, end_value 2021-08-10)
    relative: bool = False  # resolved against the publication date or an earlier date in the text
    anchored: bool = True  # False when it is relative and there was nothing to resolve it against
    reason: str = ""  # how the value was reached, in words a reader understands


@dataclass(frozen=True)
class Mention:
    """A named actor or place in a text, with the canonical name and countries it stands for."""

    start: int
    end: int
    text: str
    kind: str  # PERSON | ORGANIZATION | GROUP | GOVERNMENT | COUNTRY | PLACE
    name: str  # canonical name ("Vladimir Putin" for "Putin", "Russia" for "the Kremlin")
    countries: tuple[str, ...] = ()  # ISO 3166 alpha-3 codes
    is_actor: bool = True  # False for a place that is only where something happened


@dataclass(frozen=True)
class Event:
    """One dated happening or statement, as one row of events.csv."""

    event_id: str
    article_id: str
    date_start: str
    date_end: str
    date_precision: str
    date_value: str
    date_text: str
    date_basis: str  # explicit | relative | publication | unanchored
    event_type: str
    trigger: str
    actors: tuple[str, ...]
    countries: tuple[str, ...]
    sentence: str
    char_start: int
    char_end: int
    title: str = ""
    url: str = ""
    source: str = ""
    published: str = ""
    confidence: float = 0.5
    reason: str = ""  # the date reasoning shown to users (not a CSV column)

    def row(self) -> dict[str, str]:
        """The events.csv row for this event."""
        values = {name: getattr(self, name) for name in EVENT_COLUMNS}
        values["actors"] = ";".join(self.actors)
        values["countries"] = ";".join(self.countries)
        values["confidence"] = f"{self.confidence:.2f}"
        return {k: str(v) for k, v in values.items()}


@dataclass
class RunSummary:
    """What one `extract run` did, for the closing summary line."""

    articles_read: int = 0
    events_written: int = 0
    events_unanchored: int = 0
    problems: list[Problem] = field(default_factory=list)
    undated_articles: list[str] = field(default_factory=list)
