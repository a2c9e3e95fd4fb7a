"""The ingest stage: every input format, publication dates and their basis, ids, and bad input."""

import json
import os
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import SEEDS

from extract import ingest
from extract.ingest import MAX_FILE_BYTES, dateline_date, parse_date, read_inputs, safe_id, url_date
from extract.model import Article, Problem

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read(*paths, published=None) -> tuple[dict[str, Article], list[Problem]]:
    items = list(read_inputs(paths, published))
    articles = [i for i in items if isinstance(i, Article)]
    by_id = {a.article_id: a for a in articles}
    assert len(by_id) == len(articles), "article ids must be unique within a run"
    return by_id, [i for i in items if isinstance(i, Problem)]


def only_article(path, published=None) -> Article:
    articles, problems = read(path, published=published)
    assert not problems
    assert len(articles) == 1
    return next(iter(articles.values()))


def only_problem(*paths) -> Problem:
    articles, problems = read(*paths)
    assert not articles
    assert len(problems) == 1
    return problems[0]


# --- formats ---------------------------------------------------------------------------------------------

def test_txt_without_sidecar_is_the_body_named_by_its_file():
    a = only_article(FIXTURES / "plain.txt")
    assert a.article_id == "plain"
    assert a.text == (FIXTURES / "plain.txt").read_text(encoding="utf-8")  # as received, not trimmed
    assert (a.title, a.url, a.source) == ("", "", "")
    assert (a.published, a.published_basis) == (None, "none")
    assert a.origin == str(FIXTURES / "plain.txt")


def test_txt_may_open_with_a_header_of_known_fields(tmp_path):
    body = "GENEVA — Talks resumed on Thursday.\n\nThey ended on Friday.\n"
    path = tmp_path / "talks.txt"
    path.write_text("Title: Talks resume\nPublished: Fri, 15 Mar 2024\nURL: https://example.org/a\n\n" + body,
                    encoding="utf-8")
    a = only_article(path)
    assert (a.title, a.url, a.published, a.published_basis) == (
        "Talks resume", "https://example.org/a", date(2024, 3, 15), "metadata")
    assert a.text == body
    # a sidecar wins over the header
    (tmp_path / "talks.json").write_text('{"title": "From the sidecar"}', encoding="utf-8")
    assert only_article(path).title == "From the sidecar"


@pytest.mark.parametrize("text", [
    "Update: the ministry said on Friday that talks resumed.\n\nMore follows.\n",  # not a known field
    "Title: Talks resume\nGENEVA — Talks resumed on Thursday.\n\nMore follows.\n",  # a body line in the block
    "Title: Talks resume\n",                                                           # nothing after it
])
def test_txt_without_a_header_block_is_all_body(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    a = only_article(path)
    assert a.text == text and a.title == ""


def test_txt_with_sidecar_takes_its_metadata_and_the_sidecar_is_not_an_article():
    articles, problems = read(FIXTURES / "sidecar.txt", FIXTURES / "sidecar.json")
    assert not problems
    assert list(articles) == ["mt-2021-07-base-troops"]  # the sidecar's id, made safe
    a = articles["mt-2021-07-base-troops"]
    assert a.title == "Russia to Reinforce Tajik Base as Taliban Advance"
    assert a.url == "https://news.example.org/2021/07/21/russia-to-reinforce-tajik-base"
    assert a.source == "Example News"
    assert a.text.startswith("Russia will send additional troops")
    # metadata (RFC 2822, +03:00, the date as written there) beats the URL's 2021/07/21
    assert (a.published, a.published_basis) == (date(2021, 7, 22), "metadata")


def test_html_page_gives_body_title_canonical_url_source_and_date():
    a = only_article(FIXTURES / "page.html")
    assert a.article_id == "page"
    assert a.title == "Kyrgyz and Tajik Leaders Meet on Border Dispute"
    assert a.url == "https://steppeherald.example/news/kyrgyz-tajik-leaders-meet"
    assert a.source == "The Steppe Herald"
    assert (a.published, a.published_basis) == (date(2022, 3, 14), "html")  # published, not modified
    assert a.text.split("\n") == [
        "The presidents of Kyrgyzstan and Tajikistan met in the border town of Batken on Monday to discuss "
        "the demarcation of their disputed frontier, officials said.",
        "Clashes along the border killed dozens of people last year, and both governments have since pledged "
        "to settle the remaining sections by negotiation.",
        '"We agreed to withdraw heavy weapons from the contested areas," the Kyrgyz president told reporters '
        "after the talks.",
    ]
    for chrome in ("Home", "Most read", "Wheat prices", "Copyright", "<p>"):
        assert chrome not in a.text


def test_html_date_from_the_url_is_labelled_url_and_a_page_without_any_date_gets_none(tmp_path):
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    page = re.sub(r'<meta property="article:(published|modified)_time"[^>]*>\n', "", page)
    (tmp_path / "undated.html").write_text(page, encoding="utf-8")
    (tmp_path / "url_dated.html").write_text(page.replace("/news/", "/2022/03/13/"), encoding="utf-8")
    articles, problems = read(tmp_path)
    assert not problems
    undated, url_dated = articles["undated"], articles["url_dated"]
    assert (undated.published, undated.published_basis) == (None, "none")
    assert (url_dated.published, url_dated.published_basis) == (date(2022, 3, 13), "url")


def test_json_object_with_all_fields():
    a = only_article(FIXTURES / "article.json")
    assert a.article_id == "kg-tj-water"
    assert a.title == "Kyrgyzstan and Tajikistan Sign Water Deal"
    assert a.source == "Example News"
    assert a.url == "https://news.example.org/world/kg-tj-water"
    assert (a.published, a.published_basis) == (date(2021, 7, 22), "metadata")  # "22.07.2021"
    assert "\r" not in a.text and a.text.count("\n") == 1


def test_jsonl_reads_good_lines_and_names_the_bad_ones():
    articles, problems = read(FIXTURES / "batch.jsonl")
    assert list(articles) == ["af-1", "batch-2", "af-6"]
    assert articles["af-1"].origin == f"{FIXTURES / 'batch.jsonl'}:1"
    assert articles["batch-2"].origin == f"{FIXTURES / 'batch.jsonl'}:2"  # no id: the stem and the line
    assert [(p.origin, p.reason.split(":")[0]) for p in problems] == [
        (f"{FIXTURES / 'batch.jsonl'}:3", "malformed JSON"),
        (f"{FIXTURES / 'batch.jsonl'}:4", "no text"),
    ]
    assert "batch.jsonl:3: malformed JSON: Unterminated string" in str(problems[0])


def test_csv_reads_rows_with_multiline_text_and_names_the_bad_row():
    articles, problems = read(FIXTURES / "batch.csv")
    assert list(articles) == ["ua-1", "ua-2", "batch-6"]
    assert articles["ua-2"].text.split("\n") == [
        "The first paragraph ends here.", "The second paragraph, on a new line, ends here."
    ]
    assert articles["ua-2"].origin.endswith("batch.csv:3")
    assert articles["batch-6"].origin.endswith("batch.csv:6")  # the row's line, after a two-line row
    assert (articles["ua-1"].published, articles["ua-1"].published_basis) == (date(2022, 3, 2), "metadata")
    assert articles["ua-1"].source == "Wire"
    assert [str(p) for p in problems] == [
        f"{FIXTURES / 'batch.csv'}:5: malformed CSV row: 7 fields where the header has 6"
    ]


def test_csv_with_broken_quoting_skips_that_row_only(tmp_path):
    f = tmp_path / "quotes.csv"
    f.write_text('id,text\na,"fine"\nb,"broken"quote\nc,also fine\n', encoding="utf-8")
    articles, problems = read(f)
    assert list(articles) == ["a", "c"]
    assert [(p.origin, p.reason.split(":")[0]) for p in problems] == [(f"{f}:3", "malformed CSV row")]


def test_csv_without_a_text_column_is_reported(tmp_path):
    f = tmp_path / "events.csv"
    f.write_text("event_id,sentence\n1,Something happened.\n", encoding="utf-8")
    p = only_problem(f)
    assert p.origin == str(f)
    assert p.reason.startswith("missing text column: the header has event_id, sentence")


def test_common_field_names_are_understood(tmp_path):
    f = tmp_path / "export.jsonl"
    line = '{"headline": "H", "body": "B said.", "link": "https://x.example/a", "date": "2020-05-06"}\n'
    f.write_text(line, encoding="utf-8")
    a = only_article(f)
    assert (a.title, a.text, a.url, a.published) == ("H", "B said.", "https://x.example/a", date(2020, 5, 6))


def test_folder_is_read_recursively_in_sorted_order_with_every_file_accounted_for():
    items = list(read_inputs([FIXTURES]))
    names = [Path(i.origin.rsplit(":", 1)[0] if i.origin.endswith(tuple("0123456789")) else i.origin).name
             for i in items]
    assert names == [
        "article.json", "batch.csv", "batch.csv", "batch.csv", "batch.csv",
        "batch.jsonl", "batch.jsonl", "batch.jsonl", "batch.jsonl", "batch.jsonl",
        "cp1251.txt", "dateline.txt", "empty.txt", "latin1.txt", "page.html", "plain.txt", "sidecar.txt",
        "url_dated.json", "deeper.txt",
    ]
    assert sum(isinstance(i, Article) for i in items) == 15
    assert items == list(read_inputs([FIXTURES]))  # deterministic


def test_a_single_path_may_be_given_as_such():
    assert [a.article_id for a in read_inputs(FIXTURES / "plain.txt")] == ["plain"]


def test_a_file_named_twice_is_read_once():
    articles, problems = read(FIXTURES / "nested", FIXTURES / "nested" / "deeper.txt")
    assert list(articles) == ["deeper"] and not problems


# --- publication dates -----------------------------------------------------------------------------------

def test_published_option_beats_everything():
    articles, _ = read(FIXTURES, published=date(2020, 1, 2))
    assert {(a.published, a.published_basis) for a in articles.values()} == {(date(2020, 1, 2), "option")}


def test_url_date_is_used_when_there_is_no_metadata_date():
    a = only_article(FIXTURES / "url_dated.json")
    assert (a.published, a.published_basis) == (date(2019, 3, 14), "url")


def test_dateline_is_used_last():
    a = only_article(FIXTURES / "dateline.txt")
    assert (a.published, a.published_basis) == (date(2021, 7, 22), "dateline")


def test_unparseable_metadata_date_falls_through_and_the_article_is_still_read():
    articles, _ = read(FIXTURES / "batch.jsonl")
    af6 = articles["af-6"]  # published "sometime last summer"; text opens "KABUL, July 16, 2021 (Reuters) -"
    assert (af6.published, af6.published_basis) == (date(2021, 7, 16), "dateline")


def test_a_placeholder_date_is_no_publication_date(tmp_path):
    (tmp_path / "a.json").write_text('{"text": "News.", "published": "0001-01-01T00:00:00"}', encoding="utf-8")
    a = only_article(tmp_path / "a.json")
    assert (a.published, a.published_basis) == (None, "none")


def test_precedence_metadata_then_html_then_url_then_dateline():
    text = "MOSCOW, July 20, 2021 (Reuters) - News."
    url = "https://x.example/2021/07/21/story"
    pd = ingest.publication_date
    assert pd(text, url, "2021-07-23", date(2021, 7, 22)) == (date(2021, 7, 23), "metadata")
    assert pd(text, url, "not a date", date(2021, 7, 22)) == (date(2021, 7, 22), "html")
    assert pd(text, url, "", None) == (date(2021, 7, 21), "url")
    assert pd(text, "", "", None) == (date(2021, 7, 20), "dateline")
    assert pd("No date here.", "https://x.example/story", "", None) == (None, "none")
    assert pd(text, url, "2021-07-23", date(2021, 7, 22), date(2000, 1, 1)) == (date(2000, 1, 1), "option")


@pytest.mark.parametrize("value, expected", [
    ("Thu 22nd July 2021", date(2021, 7, 22)),
    ("22.07.2021", date(2021, 7, 22)),
    ("Thu, 22 Jul 2021 18:30:00 +0000", date(2021, 7, 22)),
    ("2021-07-22T23:30:00-04:00", date(2021, 7, 22)),  # the date where it was published, not in UTC
    ("2021-07-22T01:30:00+09:00", date(2021, 7, 22)),
    ("2021-07-22", date(2021, 7, 22)),
    ("March 01, 2008", date(2008, 3, 1)),
    ("22 июля 2021", date(2021, 7, 22)),
    ("July 2021", None),  # no day: never filled in from today
    ("July 22", None),  # no year: never filled in from today
    ("yesterday", None),  # nothing relative to today
    ("Friday", None),
    ("3 days ago", None),
    ("", None),
    ("nonsense", None),
])
def test_parse_date_takes_only_full_absolute_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.themoscowtimes.com/2021/07/22/russian-in-talks-a74590", date(2021, 7, 22)),
    ("https://x.example/news/2015-09-11-russia-to-help", date(2015, 9, 11)),
    ("https://x.example/20190314/story.html", date(2019, 3, 14)),
    ("https://x.example/2021/7/2/story", date(2021, 7, 2)),
    ("https://x.example/2021/13/45/story", None),
    ("https://x.example/2021/07/story", None),
    ("https://x.example/story?id=20210722", None),
    ("", None),
])
def test_url_date(url, expected):
    assert url_date(url) == expected


@pytest.mark.parametrize("text, url, expected", [
    ("MOSCOW, July 22, 2021 (Reuters) - Russia said.", "", date(2021, 7, 22)),
    ("March 01, 2008\nThe talks began.", "", date(2008, 3, 1)),
    ("KYIV, Ukraine, 22 July 2021 — Officials said.", "", date(2021, 7, 22)),
    ("WASHINGTON, Sept. 14, 2015 /PRNewswire/ -- A company said.", "", date(2015, 9, 14)),
    ("DUSHANBE, AUG. 5, 2021 (AP) - Troops arrived.", "", date(2021, 8, 5)),
    # no year: nothing from today; the year of the URL when it has one
    ("MOSCOW, July 22 (Reuters) - Russia said.", "", None),
    ("MOSCOW, July 22 (Reuters) - Russia said.", "https://x.example/world/2021/07/story", date(2021, 7, 22)),
    # not a dateline: a date later in the text, or a sentence that merely begins with a month
    ("Russia said on July 22, 2021 that it would help.", "", None),
    ("March 1 was chosen as the date of the vote, officials said.", "", None),
    ("MOSCOW, February 30, 2021 - Impossible.", "", None),
    ("Mayor 5, 2021 - Not a month.", "", None),
])
def test_dateline(text, url, expected):
    assert dateline_date(text, url) == expected


def test_a_dateline_without_a_year_gives_no_date_rather_than_this_year(tmp_path):
    f = tmp_path / "noyear.txt"
    f.write_text("MOSCOW, July 22 (Reuters) - Russia said it would send troops.\n", encoding="utf-8")
    a = only_article(f)
    assert (a.published, a.published_basis) == (None, "none")


def test_published_may_be_given_as_a_datetime():
    a = only_article(FIXTURES / "plain.txt", published=datetime(2021, 7, 23, 10, 0))
    assert a.published == date(2021, 7, 23) and type(a.published) is date


# --- ids -------------------------------------------------------------------------------------------------

def test_ids_are_stable_across_runs():
    first = [a.article_id for a in read_inputs([FIXTURES]) if isinstance(a, Article)]
    second = [a.article_id for a in read_inputs([FIXTURES]) if isinstance(a, Article)]
    assert first == second


@pytest.mark.parametrize("raw, expected", [
    ("plain", "plain"),
    ("mt 2021/07 base, troops", "mt-2021-07-base-troops"),
    ('a"quoted";id\nnext', "a-quoted-id-next"),
    ("новости_1", "новости_1"),
    ("?#&", "article"),
    ("x" * 200, "x" * 80),
])
def test_safe_id(raw, expected):
    assert safe_id(raw) == expected


def test_same_id_twice_in_a_run_is_made_unique_deterministically(tmp_path):
    texts = ["First story.\n", "Second story.\n", "First story.\n", "First story.\n"]
    for folder, text in zip("abcd", texts, strict=True):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, encoding="utf-8")
    articles, problems = read(tmp_path)
    assert not problems
    ids = list(articles)
    assert [articles[i].text for i in ids] == texts  # none dropped, even the exact copies
    assert ids[0] == "story"
    assert all(re.fullmatch(r"story-[0-9a-f]{8}", i) for i in ids[1:3]) and ids[1] != ids[2]
    assert ids[3] == ids[2] + "-2"  # the same text again
    assert ids == list(read(tmp_path)[0])


# --- encodings and line endings --------------------------------------------------------------------------

def test_cp1251_russian_is_decoded_as_cyrillic():
    a = only_article(FIXTURES / "cp1251.txt")
    assert a.text.startswith("Россия и Таджикистан проведут совместные учения")


def test_latin1_text_is_not_mistaken_for_cp1251():
    a = only_article(FIXTURES / "latin1.txt")
    assert a.text.startswith("Le président français a rencontré à Genève")


def test_utf8_bom_and_crlf_line_endings_are_normalised(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffFirst line.\r\nSecond line.\rThird line.\r\n".encode())
    assert only_article(f).text == "First line.\nSecond line.\nThird line.\n"


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    f = tmp_path / "utf16.txt"
    f.write_bytes("Tajikistan said on Friday it had closed the border.\n".encode("utf-16"))
    assert only_article(f).text == "Tajikistan said on Friday it had closed the border.\n"


def test_a_page_declaring_its_charset_is_decoded_with_it(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        "<title>Учения</title></head><body><article>"
        "<p>Россия и Таджикистан проведут совместные учения у афганской границы, сообщило министерство.</p>"
        "<p>В учениях примут участие около тысячи военнослужащих из обеих стран.</p>"
        "</article></body></html>"
    )
    f = tmp_path / "koi8.html"
    f.write_bytes(page.encode("koi8-r"))  # read as Windows-1251 it would still look Cyrillic, but wrong
    a = only_article(f)
    assert a.title == "Учения"
    assert a.text.startswith("Россия и Таджикистан проведут совместные учения")


def test_windows_1252_quotes_are_read(tmp_path):
    f = tmp_path / "quotes.txt"
    f.write_bytes("\u201cWe will talk,\u201d the minister said \u2013 in Paris.\n".encode("cp1252"))
    assert only_article(f).text == "\u201cWe will talk,\u201d the minister said \u2013 in Paris.\n"


# --- bad input -------------------------------------------------------------------------------------------

def test_empty_file_and_whitespace_only_file(tmp_path):
    assert str(only_problem(FIXTURES / "empty.txt")) == f"{FIXTURES / 'empty.txt'}: empty file: 0 bytes"
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n\t\n", encoding="utf-8")
    assert only_problem(blank).reason == "empty file: no text"


def test_binary_files_are_refused(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert only_problem(png).reason == "binary file: contains NUL bytes"
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 40 + b"some words")
    p = only_problem(noise)
    assert p.reason.startswith("binary file: ") and p.reason.endswith("control characters")
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(bytes(range(0x80, 0xA0)) * 20 + b"\x01\x02\x03" * 30)
    assert only_problem(garbled).reason.startswith("undecodable text: not UTF-8")


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 11 * 1024 * 1024)
    p = only_problem(big)
    assert p.origin == str(big)
    assert p.reason == "too large: 31.0 MB over the 20 MB limit"


def test_missing_path_is_a_problem_and_the_rest_is_read():
    articles, problems = read(FIXTURES / "no-such-file.txt", FIXTURES / "plain.txt")
    assert list(articles) == ["plain"]
    assert [str(p) for p in problems] == [f"{FIXTURES / 'no-such-file.txt'}: missing: no such file or folder"]


def test_unreadable_files_are_problems(tmp_path):
    (tmp_path / "dead.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block: it must not be opened
    (tmp_path / "ok.txt").write_text("Fine.\n", encoding="utf-8")
    articles, problems = read(tmp_path)
    assert list(articles) == ["ok"]
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'dead.txt'}: unreadable file: broken link",
        f"{tmp_path / 'pipe.txt'}: unreadable file: not a regular file",
    ]


def test_unsupported_files_are_skipped_in_folders_and_reported_when_named(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not read.\n", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "story.txt").write_text("Read.\n", encoding="utf-8")
    articles, problems = read(tmp_path)
    assert list(articles) == ["story"]
    assert [(p.origin, p.reason.split(":")[0]) for p in problems] == [(str(tmp_path / "report.pdf"),
                                                                       "unsupported format")]
    p = only_problem(tmp_path / "README.md")
    assert p.reason.startswith("unsupported format: .md is not read (use .txt, .html")


def test_malformed_json_file_and_non_object(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": "Unfinished",\n "title": }\n', encoding="utf-8")
    assert only_problem(bad).reason.startswith("malformed JSON: Expecting value (line 2, column")
    listed = tmp_path / "list.json"
    listed.write_text('[{"text": "One."}]', encoding="utf-8")
    assert only_problem(listed).reason == "not an article: the file holds a JSON list, not an object"
    empty_text = tmp_path / "notext.json"
    empty_text.write_text('{"title": "T", "text": "   "}', encoding="utf-8")
    assert only_problem(empty_text).reason.startswith("no text:")


def test_bad_sidecar_is_reported_and_the_text_still_read(tmp_path):
    (tmp_path / "story.txt").write_text("The talks began.\n", encoding="utf-8")
    (tmp_path / "story.json").write_text("{not json", encoding="utf-8")
    articles, problems = read(tmp_path)
    assert list(articles) == ["story"] and articles["story"].title == ""
    assert [p.origin for p in problems] == [str(tmp_path / "story.json")]
    assert problems[0].reason.startswith("bad sidecar: malformed JSON")
    assert problems[0].reason.endswith("story.txt is read without its metadata")


def test_sidecar_named_alone_is_reported():
    p = only_problem(FIXTURES / "sidecar.json")
    assert p.reason == "sidecar file: the metadata of sidecar.txt; name that file instead"


def test_html_without_an_article_body(tmp_path):
    f = tmp_path / "blank.html"
    f.write_text("<html><head><title>Nothing</title></head><body><script>var x = 1;</script></body></html>",
                 encoding="utf-8")
    assert only_problem(f).reason.startswith("no text:")


def test_jsonl_line_that_is_not_an_object(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text('["a", "list"]\n{"text": "Kept."}\n', encoding="utf-8")
    articles, problems = read(f)
    assert list(articles) == ["mixed-2"]
    assert [str(p) for p in problems] == [f"{f}:1: not an article: the line holds a JSON list, not an object"]


def test_odd_metadata_never_raises(tmp_path):
    f = tmp_path / "odd.jsonl"
    f.write_text(
        '{"id": 7, "text": "Fine.", "url": "http://[bad/2021/07/22/x", "published": "99999999999999999999"}\n'
        '{"id": true, "title": ["not", "a", "string"], "text": "Also fine.", "published": {"y": 2021}}\n',
        encoding="utf-8",
    )
    articles, problems = read(f)
    assert not problems
    assert list(articles) == ["7", "odd-2"]
    assert all(a.published is None and a.published_basis == "none" for a in articles.values())
    assert articles["odd-2"].title == ""


def test_one_bad_file_never_stops_a_batch(tmp_path):
    (tmp_path / "a_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "b_empty.csv").write_bytes(b"")
    (tmp_path / "c_bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "d_header_only.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "e_good.txt").write_text("Kazakhstan said it would hold talks.\n", encoding="utf-8")
    articles, problems = read(tmp_path)
    assert list(articles) == ["e_good"]
    assert [(Path(p.origin).name, p.reason.split(":")[0]) for p in problems] == [
        ("a_binary.txt", "binary file"),
        ("b_empty.csv", "empty file"),
        ("c_bad.json", "malformed JSON"),
        ("d_header_only.csv", "empty file"),
    ]


def test_seed_files_read_as_given(tmp_path):
    for f in SEEDS.glob("*.txt"):  # the bare texts, without their sidecars
        shutil.copy(f, tmp_path)
    (tmp_path / "README.md").write_text("# notes", encoding="utf-8")
    articles, problems = read(tmp_path)
    assert not problems  # README.md is passed over silently
    assert sorted(articles) == ["000_998bbf2173ad093f", "003_b99d12ebba10067c"]
    for a in articles.values():
        assert (a.published, a.published_basis) == (None, "none")
        assert a.text == (SEEDS / Path(a.origin).name).read_text(encoding="utf-8")


def test_seed_sidecars_give_title_url_and_date():
    articles, problems = read(SEEDS)
    assert not problems
    assert {a.article_id: (a.published, a.published_basis) for a in articles.values()} == {
        "000_998bbf2173ad093f": (date(2021, 7, 23), "metadata"),
        "003_b99d12ebba10067c": (date(2015, 9, 11), "metadata")}
    assert all(a.url.startswith("https://www.themoscowtimes.com/") and a.title for a in articles.values())


def test_fallback_dates_only_articles_without_a_date(tmp_path):
    (tmp_path / "dated.json").write_text(
        json.dumps({"id": "dated", "text": "Troops left on Monday.", "published": "2021-07-22"}), encoding="utf-8")
    (tmp_path / "undated.txt").write_text("Troops left on Monday.", encoding="utf-8")
    found = {a.article_id: a for a in read_inputs([tmp_path], fallback=date(2024, 3, 1))}
    assert (found["dated"].published, found["dated"].published_basis) == (date(2021, 7, 22), "metadata")
    assert (found["undated"].published, found["undated"].published_basis) == (date(2024, 3, 1), "option")
