"""Acceptance on the two source articles (bundled in data/articles with their metadata)."""

from dataclasses import replace

import pytest
from conftest import SEEDS

from extract import ingest, pipeline
from extract.model import Event


def events_of(stem: str, with_metadata: bool = True) -> list[Event]:
    article = next(a for a in ingest.read_inputs([SEEDS / f"{stem}.txt"]))
    if not with_metadata:
        article = replace(article, published=None, published_basis="none", title="", url="")
    return pipeline.process(article)[1]


def find(events: list[Event], **want) -> list[Event]:
    """Events whose fields equal `want` (actors/countries: must include the given names)."""
    out = []
    for e in events:
        ok = True
        for key, value in want.items():
            if key == "sentence_has":
                ok &= value in e.sentence
            elif key in ("actors", "countries"):
                ok &= set(value) <= set(getattr(e, key))
            else:
                ok &= getattr(e, key) == value
        if ok:
            out.append(e)
    return out


@pytest.fixture(scope="module")
def first():
    return events_of("000_998bbf2173ad093f")


@pytest.fixture(scope="module")
def second():
    return events_of("003_b99d12ebba10067c")


def test_border_outpost_statement(first):
    hits = find(first, sentence_has="Russia will help Tajikistan build an outpost", date_start="2021-07-23",
                date_end="2021-07-23", date_precision="day", date_text="Friday",
                actors=["Russia", "Andrei Rudenko"], countries=["RUS", "TJK", "AFG"])
    assert len(hits) == 1
    assert hits[0].event_type == "statement" and hits[0].date_basis == "relative"


def test_drills_with_tajikistan_and_uzbekistan(first):
    hits = find(first, date_start="2021-08-05", date_end="2021-08-10", date_text="Aug. 5-10",
                countries=["RUS", "TJK", "UZB", "AFG"])
    assert len(hits) == 1 and hits[0].event_type == "military_exercise"


def test_joint_russian_uzbek_drills(first):
    hits = find(first, date_start="2021-07-30", date_end="2021-08-10", date_text="July 30-Aug. 10",
                countries=["RUS", "UZB"])
    assert len(hits) == 1
    assert "TJK" not in hits[0].countries  # the other clause's countries stay with the other event


def test_troops_relocated_on_thursday(first):
    hits = find(first, date_start="2021-07-22", date_end="2021-07-22", date_text="Thursday",
                countries=["TJK", "AFG"])
    assert len(hits) == 1 and "relocated" in hits[0].trigger


def test_kremlin_aide_statement(second):
    hits = find(second, date_start="2015-09-11", date_text="Friday", event_type="statement",
                actors=["Yury Ushakov"], sentence_has="Putin will visit Tajikistan next week")
    assert len(hits) == 1


def test_putin_visit_next_week_is_a_week(second):
    hits = find(second, date_start="2015-09-14", date_end="2015-09-20", date_precision="week",
                date_value="2015-W38", actors=["Vladimir Putin"])
    assert len(hits) == 1


def test_gun_battles_this_month(second):
    hits = find(second, date_start="2015-09-01", date_end="2015-09-30", date_precision="month",
                date_value="2015-09", countries=["TJK"], sentence_has="gun battles killed 22 people")
    assert len(hits) == 1


def test_putin_visits_dushanbe_for_talks(second):
    hits = find(second, date_start="2015-09-14", date_end="2015-09-15",
                actors=["Vladimir Putin", "Imomali Rakhmon"], countries=["RUS", "TJK"])
    assert len(hits) == 1


@pytest.mark.parametrize("stem", ["000_998bbf2173ad093f", "003_b99d12ebba10067c"])
def test_nothing_from_the_appeal(stem):
    for e in events_of(stem):
        assert "monthly" not in e.date_text.lower()
        assert "$2" not in e.sentence and "readers" not in e.sentence.lower()
        assert "Moscow Times" not in e.sentence


@pytest.mark.parametrize("stem", ["000_998bbf2173ad093f", "003_b99d12ebba10067c"])
def test_without_metadata_relative_dates_are_unanchored(stem):
    events = events_of(stem, with_metadata=False)
    assert events
    for e in events:
        assert e.date_basis == "unanchored"
        assert e.date_start == "" and e.date_end == ""
    assert any(e.date_text for e in events)


def test_every_event_points_at_its_sentence(first, second):
    text = {s: pipeline.process(next(ingest.read_inputs([SEEDS / f"{s}.txt"])))[0].text
            for s in ("000_998bbf2173ad093f", "003_b99d12ebba10067c")}
    for e in first + second:
        assert text[e.article_id][e.char_start:e.char_end] == e.sentence
