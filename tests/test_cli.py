"""`python -m extract run`: the output contract, the summary, idempotent merging, bad input."""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from extract.model import ARTICLE_COLUMNS, EVENT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", "run", *args], cwd=ROOT, capture_output=True, text=True)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as fh:
        return next(csv.reader(fh))


def test_outputs_follow_the_contract(tmp_path):
    result = run(str(SEEDS), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert header(tmp_path / "events.csv") == list(EVENT_COLUMNS)
    assert header(tmp_path / "articles.csv") == list(ARTICLE_COLUMNS)
    events, articles = rows(tmp_path / "events.csv"), rows(tmp_path / "articles.csv")
    assert {a["article_id"] for a in articles} == {"000_998bbf2173ad093f", "003_b99d12ebba10067c"}
    assert sum(int(a["n_events"]) for a in articles) == len(events)
    for e in events:
        assert e["date_basis"] in {"explicit", "relative", "publication", "unanchored"}
        assert e["date_precision"] in {"day", "week", "month", "quarter", "season", "year", "decade"}
        assert 0 <= float(e["confidence"]) <= 1
        text = next(a["text"] for a in articles if a["article_id"] == e["article_id"])
        assert text[int(e["char_start"]):int(e["char_end"])] == e["sentence"]
    assert f"read 2 article(s); wrote {len(events)} event(s)" in result.stderr


def test_reruns_are_idempotent_and_merge_by_article(tmp_path):
    one, other = tmp_path / "one", tmp_path / "other"
    one.mkdir()
    other.mkdir()
    shutil.copy(SEEDS / "000_998bbf2173ad093f.txt", one)
    shutil.copy(SEEDS / "000_998bbf2173ad093f.json", one)
    shutil.copy(FIXTURES / "plain.txt", other)
    out = tmp_path / "out"
    assert run(str(one), "--out", str(out)).returncode == 0
    first = (out / "events.csv").read_bytes()
    assert run(str(one), "--out", str(out)).returncode == 0
    assert (out / "events.csv").read_bytes() == first  # same input, same bytes, same event ids
    assert run(str(other), "--out", str(out), "--published", "2024-03-01").returncode == 0
    ids = [r["article_id"] for r in rows(out / "articles.csv")]
    assert sorted(ids) == ["000_998bbf2173ad093f", "plain"]  # the earlier article is kept
    assert run(str(one), "--out", str(out)).returncode == 0
    events = rows(out / "events.csv")
    assert len({e["event_id"] for e in events}) == len(events)  # nothing duplicated
    assert not list(out.glob("*.tmp"))


def test_undated_text_gives_unanchored_events_and_says_why(tmp_path):
    shutil.copy(SEEDS / "003_b99d12ebba10067c.txt", tmp_path / "pasted.txt")
    result = run(str(tmp_path / "pasted.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0
    events = rows(tmp_path / "out" / "events.csv")
    assert events and all(e["date_basis"] == "unanchored" and e["date_start"] == "" for e in events)
    assert "no publication date for 1 article(s) (pasted)" in result.stderr
    assert "--published YYYY-MM-DD" in result.stderr
    assert f"{len(events)} unanchored" in result.stderr


def test_published_option_anchors_them(tmp_path):
    shutil.copy(SEEDS / "003_b99d12ebba10067c.txt", tmp_path / "pasted.txt")
    result = run(str(tmp_path / "pasted.txt"), "--out", str(tmp_path / "out"), "--published", "2015-09-11")
    assert result.returncode == 0
    events = rows(tmp_path / "out" / "events.csv")
    assert {"2015-09-14"} <= {e["date_start"] for e in events}
    assert all(e["date_basis"] != "unanchored" for e in events)


def test_bad_files_are_named_skipped_and_counted(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(FIXTURES / "plain.txt", src)
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (src / "broken.jsonl").write_text('{"id": "a", "text": "Troops left on Monday."}\n{not json\n', encoding="utf-8")
    result = run(str(src), "--out", str(tmp_path / "out"), "--published", "2024-03-01")
    assert result.returncode == 0
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr and "broken.jsonl:2" in result.stderr
    assert "read 2 article(s); skipped 3" in result.stderr
    assert {r["article_id"] for r in rows(tmp_path / "out" / "articles.csv")} == {"plain", "a"}


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run(str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "missing.txt" in result.stderr and "read 0 article(s)" in result.stderr
    assert not (tmp_path / "out" / "events.csv").exists()


@pytest.mark.parametrize("bad", ["2021-13-01", "yesterday", "23/07/2021"])
def test_a_malformed_published_option_is_refused(tmp_path, bad):
    result = run(str(SEEDS), "--out", str(tmp_path), "--published", bad)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_a_placeholder_published_option_is_refused(tmp_path):
    result = run(str(SEEDS), "--out", str(tmp_path), "--published", "0001-01-01")
    assert result.returncode == 2 and "not a publication date: '0001-01-01'" in result.stderr


def test_every_input_format_in_one_run(tmp_path):
    result = run(str(FIXTURES), "--out", str(tmp_path / "out"), "--published", "2024-03-01")
    assert result.returncode == 0, result.stderr
    articles = rows(tmp_path / "out" / "articles.csv")
    origins = {a["article_id"] for a in articles}
    assert len(origins) >= 8  # txt, sidecar txt, html, json, jsonl rows, csv rows, cp1251, latin-1
    assert all(a["published"] == "2024-03-01" and a["published_basis"] == "option" for a in articles)


def test_same_file_name_in_later_runs_never_replaces_another_article(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text("Russian forces shelled Kharkiv on Monday.", encoding="utf-8")
    (tmp_path / "b" / "report.txt").write_text("Chinese ships held drills on Tuesday.", encoding="utf-8")
    out = tmp_path / "out"
    for inputs in ([tmp_path / "a", tmp_path / "b"], [tmp_path / "b" / "report.txt"],
                   [tmp_path / "a" / "report.txt"], [tmp_path / "b"]):
        assert run(*map(str, inputs), "--out", str(out), "--published", "2024-03-08").returncode == 0
        texts = sorted(a["text"] for a in rows(out / "articles.csv"))
        assert texts == ["Chinese ships held drills on Tuesday.", "Russian forces shelled Kharkiv on Monday."]
        assert len(rows(out / "events.csv")) == 2
