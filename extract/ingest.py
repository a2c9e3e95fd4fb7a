"""Read article files and folders into Articles; what cannot be read becomes a Problem, never an exception.

Formats: .txt (optional "Title: ..."/"Published: ..." lines opening it, ended by a blank line, and an optional
sidecar NAME.json with id, title, url, published, source, which wins), .html/.htm (trafilatura),
.json (one article object), .jsonl (one a line), .csv (header row); field names as in
knowledge/input_fields.json. A file over MAX_FILE_MB (20 MB; it applies to .jsonl/.csv batches too, split
bigger ones) is refused. Folders are read recursively in sorted order, skipping hidden files and folders;
other file types in a folder are passed over silently, except documents a user may have meant as articles
(REPORTED_SUFFIXES), which are reported. A file named explicitly in an unsupported format is reported too.

Publication date, the first that applies: the `published` argument ("option"), the metadata field
("metadata", parsed with dateparser, never relative to today), the page's own HTML metadata ("html"), a date
in the URL path ("url"), a dateline opening the text ("dateline"; one without a year takes the year from a
/YYYY/ segment of the URL, else gives nothing), otherwise None ("none").
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import dateparser
import htmldate
import trafilatura

from extract import knowledge
from extract.model import Article, Problem
from extract.timex.words import classes, month_number

MAX_FILE_MB = 20
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
READ_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".csv")
REPORTED_SUFFIXES = frozenset({".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xml", ".xhtml", ".mht"})
FIELD_NAMES: dict[str, list[str]] = {
    k: v for k, v in knowledge.json_data("input_fields.json").items() if not k.startswith("_")
}
MAX_ID_CHARS = 80
_BINARY_SHARE = 0.10  # text with more control characters than this is not text

PLAUSIBLE_DATES = (date(1800, 1, 1), date(2199, 12, 31))  # publication dates outside are placeholders
_DATEPARSER_SETTINGS = {  # absolute dates only: no part taken from today, nothing relative to today
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_HTMLDATE_OPTIONS = {  # the page's own metadata: no guess from its text or URL, no window around today
    "url": "", "extensive_search": False, "original_date": True,
    "min_date": "1800-01-01", "max_date": "2199-12-31",
}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_UNSAFE_ID = re.compile(r"[^\w.-]+")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)(?:([/-])(\d{1,2})\2(\d{1,2})|(\d\d)(\d\d))(?=[/._-]|$)")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)(?=/|$)")
_MONTH = "(?i:" + "|".join(sorted({*classes()["MONTH"], *classes()["MONTH_ABBR"]}, key=len, reverse=True)) + r")\.?"
_DATELINE = re.compile(  # "MOSCOW, July 22, 2021 (Reuters) -", "March 01, 2008", "KYIV, 22 July 2021 -"
    rf"""\A\s*(?:[A-Z][\w.'’ -]{{0,40}},\s*){{0,3}}
    (?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?
      |(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))
    [ \t]*(?:\([^()\n]{{1,40}}\)[ \t]*|/[^/\n]{{1,40}}/[ \t]*)?(?:[-–—:]|\n|\Z)""",
    re.X,
)


@dataclass
class _Record:
    """One article's raw fields, before its date and id are settled."""

    origin: str
    default_id: str
    fields: dict[str, str]
    html_date: date | None = None


def read_inputs(paths: Iterable[str | Path], published: date | None = None,
                fallback: date | None = None) -> Iterator[Article | Problem]:
    """Articles (or Problems) from files and folders, in a stable order, with ids unique within the run.

    `published` dates every article; `fallback` dates only those that carry no date of their own.
    """
    if isinstance(published, datetime):
        published = published.date()
    entries = _listing([paths] if isinstance(paths, str | Path) else paths)
    in_run = {e[0].absolute() for e in entries if not isinstance(e, Problem)}
    taken: set[str] = set()
    for entry in entries:
        if isinstance(entry, Problem):
            yield entry
            continue
        for item in _read_file(*entry, in_run):
            yield item if isinstance(item, Problem) else _article(item, published, fallback, taken)


def _listing(paths: Iterable[str | Path]) -> list[tuple[Path, bool] | Problem]:
    """The files to read, each once, with whether it was named explicitly; a missing path is a Problem."""
    entries: list[tuple[Path, bool] | Problem] = []
    seen: set[Path] = set()
    for given in map(Path, paths):
        if given.is_dir():
            found = []
            for folder, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [(Path(folder) / f, False) for f in sorted(files) if not f.startswith(".")]
        elif given.exists() or given.is_symlink():
            found = [(given, True)]
        else:
            entries.append(Problem(str(given), "missing: no such file or folder"))
            continue
        for path, explicit in found:  # a file named twice (itself and its folder) is read once
            if path.absolute() not in seen:
                seen.add(path.absolute())
                entries.append((path, explicit))
    return entries


def _read_file(path: Path, explicit: bool, in_run: set[Path]) -> Iterator[_Record | Problem]:
    """The records of one file, or the Problems that stopped it (a bad line stops only that line)."""
    suffix = path.suffix.lower()
    if suffix not in READ_SUFFIXES:
        if explicit or suffix in REPORTED_SUFFIXES:
            yield Problem(str(path), f"unsupported format: {suffix or 'no extension'} is not read "
                                     f"(use {', '.join(READ_SUFFIXES)})")
        return
    if suffix == ".json" and (txt := text_beside(path)):
        if txt.absolute() not in in_run:
            yield Problem(str(path), f"sidecar file: the metadata of {txt.name}; name that file instead")
        return
    text = _load(path)
    if isinstance(text, Problem):
        yield text
        return
    reader = {".txt": _txt, ".html": _html, ".htm": _html, ".json": _json, ".jsonl": _jsonl, ".csv": _csv}
    try:
        yield from reader[suffix](path, text)
    except Exception as exc:  # a library failing on a strange file must not stop the batch
        yield Problem(str(path), f"unreadable file: {type(exc).__name__}: {exc}")


def text_beside(path: Path) -> Path | None:
    """The .txt whose sidecar `path` is, if there is one."""
    return next((t for t in (path.with_suffix(".txt"), path.with_suffix(".TXT")) if t.is_file()), None)


def _load(path: Path) -> str | Problem:
    """The decoded text of a file with line endings made \\n, or why it cannot be had."""
    if not path.exists():
        why = "unreadable file: broken link" if path.is_symlink() else "missing: no such file"
        return Problem(str(path), why)
    if not path.is_file():
        return Problem(str(path), "unreadable file: not a regular file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(str(path), f"too large: {size / 2**20:.1f} MB over the {MAX_FILE_MB} MB limit")
        data = path.read_bytes()
    except OSError as exc:
        return Problem(str(path), f"unreadable file: {exc.strerror or exc}")
    try:
        text = _decode(data)
    except ValueError as exc:
        return Problem(str(path), str(exc))
    if not text.strip():
        return Problem(str(path), "empty file: " + ("0 bytes" if not data else "no text"))
    return _newlines(text)


def _decode(data: bytes) -> str:
    """Bytes as text: UTF-8 (or UTF-16 with a BOM), else Windows-1251 or Latin-1; ValueError if not text."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                why = f"undecodable text: a {codec} mark, then {exc.reason} at byte {exc.start}"
                raise ValueError(why) from None
    if b"\x00" in data:
        raise ValueError("binary file: contains NUL bytes")
    try:
        text, how = data.decode("utf-8"), "binary file:"
    except UnicodeDecodeError:
        text, how = _decode_8bit(data), "undecodable text: not UTF-8, and in its 8-bit reading it has"
    share = len(_CONTROL.findall(text)) / max(len(text), 1)
    if share > _BINARY_SHARE:
        raise ValueError(f"{how} {share:.0%} control characters")
    return text


def _decode_8bit(data: bytes) -> str:
    """Non-UTF-8 bytes: the charset a page declares, Windows-1251 when that gives whole Cyrillic words, or
    Windows-1252/Latin-1."""
    if declared := _CHARSET.search(data[:4096]):
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        cyrillic = data.decode("cp1251")
    except UnicodeDecodeError:
        cyrillic = ""
    words = [w for w in _WORD.findall(cyrillic) if not w.isascii()]  # accented Latin read as cp1251 mixes
    if words and sum(bool(_CYRILLIC.fullmatch(w)) for w in words) >= len(words) / 2:  # scripts within a word
        return cyrillic
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _fields(obj: dict) -> dict[str, str]:
    """An input object's known fields under their documented names, as trimmed strings (text kept as is)."""
    lowered = {str(k).strip().lower(): v for k, v in obj.items()}
    out = {}
    for name, aliases in FIELD_NAMES.items():
        for alias in aliases:
            value = lowered.get(alias)
            if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
                out[name] = _newlines(str(value)) if name == "text" else str(value).strip()
                break
    return out


def _json_object(text: str, what: str) -> dict | str:
    """A JSON object, or the reason it is not one."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}" if "\n" in text else f"column {exc.colno}"
        return f"malformed JSON: {exc.msg} ({where})"
    if not isinstance(obj, dict):
        return f"not an article: {what} holds a JSON {type(obj).__name__}, not an object"
    return obj


def _with_text(origin: str, default_id: str, fields: dict[str, str]) -> _Record | Problem:
    if not fields.get("text", "").strip():
        return Problem(origin, "no text: the 'text' field is missing or empty")
    return _Record(origin, default_id, fields)


_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(\S.*)")


def text_header(text: str) -> tuple[dict[str, str], str]:
    """Fields of a "Title: ... / Published: ..." block opening a text and ended by a blank line, and the rest.

    Every line of the block must name a known field (knowledge/input_fields.json); otherwise it is body text.
    """
    head, sep, rest = text.lstrip("\n").partition("\n\n")
    lines = [_HEADER_LINE.fullmatch(line.strip()) for line in head.split("\n")]
    if not sep or not rest.strip() or not all(lines):
        return {}, text
    found = {m.group(1).strip(): m.group(2).strip() for m in lines if m}
    fields = _fields(found)
    if len(fields) != len(found) or "text" in fields:
        return {}, text
    return fields, rest.lstrip("\n")


def _txt(path: Path, text: str) -> Iterator[_Record | Problem]:
    fields, text = text_header(text)
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        meta = _load(sidecar)
        meta = meta if isinstance(meta, Problem) else _json_object(meta, "the sidecar")
        if isinstance(meta, dict):  # the sidecar wins over a header in the text
            fields |= {k: v for k, v in _fields(meta).items() if k != "text"}
        else:
            reason = meta.reason if isinstance(meta, Problem) else meta
            yield Problem(str(sidecar), f"bad sidecar: {reason}; {path.name} is read without its metadata")
    yield _Record(str(path), path.stem, {**fields, "text": text})


def _html(path: Path, html: str) -> Iterator[_Record | Problem]:
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    body = (doc.text or "") if doc else ""
    if not body.strip():
        yield Problem(str(path), "no text: no article body found in the page")
        return
    title = (doc.title or "").strip()
    first, _, rest = body.partition("\n")
    if title and first.strip() == title and rest.strip():  # the headline is the title, not the body
        body = rest
    found = htmldate.find_date(html, **_HTMLDATE_OPTIONS)
    source = doc.sitename or doc.hostname or ""
    fields = {"text": body, "title": title, "url": doc.url or "", "source": source}
    yield _Record(str(path), path.stem, fields, date.fromisoformat(found) if found else None)


def _json(path: Path, text: str) -> Iterator[_Record | Problem]:
    obj = _json_object(text, "the file")
    yield _with_text(str(path), path.stem, _fields(obj)) if isinstance(obj, dict) else Problem(str(path), obj)


def _jsonl(path: Path, text: str) -> Iterator[_Record | Problem]:
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        origin, obj = f"{path}:{n}", _json_object(line, "the line")
        if isinstance(obj, dict):
            yield _with_text(origin, f"{path.stem}-{n}", _fields(obj))
        else:
            yield Problem(origin, obj)


def _csv(path: Path, text: str) -> Iterator[_Record | Problem]:
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(rows)
    except csv.Error as exc:
        yield Problem(f"{path}:1", f"malformed CSV header: {exc}")
        return
    columns = {name: i for i, name in reversed(list(enumerate(h.strip().lower() for h in header)))}
    if not any(alias in columns for alias in FIELD_NAMES["text"]):
        why = f"missing text column: the header has {', '.join(header)}; a 'text' column is needed"
        yield Problem(str(path), why)
        return
    done, rows_seen = rows.line_num, 0  # the last line read: a row may span lines, its origin is the first
    while True:
        start = done + 1
        try:
            row = next(rows)
        except StopIteration:
            if not rows_seen:
                yield Problem(str(path), "empty file: no rows under the header")
            return
        except csv.Error as exc:
            yield Problem(f"{path}:{start}", f"malformed CSV row: {exc}")
            continue
        finally:
            done = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        rows_seen += 1
        origin = f"{path}:{start}"
        if len(row) != len(header):
            yield Problem(origin, f"malformed CSV row: {len(row)} fields where the header has {len(header)}")
            continue
        yield _with_text(origin, f"{path.stem}-{start}", _fields({k: row[i] for k, i in columns.items()}))


def _article(record: _Record, published: date | None, fallback: date | None, taken: set[str]) -> Article:
    """The Article of a record: its publication date settled and its id made safe and unique in the run."""
    f = record.fields
    url = f.get("url", "")
    when, basis = publication_date(f["text"], url, f.get("published", ""), record.html_date, published)
    if when is None and fallback:
        when, basis = fallback, "option"
    return Article(
        article_id=_unique(safe_id(f.get("id") or record.default_id), f["text"], taken),
        id_from_name=not f.get("id"),
        text=f["text"], title=f.get("title", ""), url=url, source=f.get("source", ""),
        published=when, published_basis=basis, origin=record.origin,
    )


def publication_date(
    text: str, url: str = "", metadata: str = "", html: date | None = None, option: date | None = None
) -> tuple[date | None, str]:
    """The publication date and its basis: option > metadata > html > url > dateline > none."""
    if option:
        return option, "option"
    for when, basis in ((parse_date(metadata), "metadata"), (html, "html"), (url_date(url), "url")):
        if when and plausible(when):
            return when, basis
    when = dateline_date(text, url)
    return (when, "dateline") if when and plausible(when) else (None, "none")


def plausible(when: date) -> bool:
    """True for a date a news article can bear; "0001-01-01", a common null in exports, is none."""
    return PLAUSIBLE_DATES[0] <= when <= PLAUSIBLE_DATES[1]


def parse_date(value: str) -> date | None:
    """A full date from a metadata string (ISO, RFC 2822, "22.07.2021", "Thu 22nd July 2021"), or None."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()  # keeps the date as written, in its own time zone
    except ValueError:
        pass
    try:
        parsed = dateparser.parse(value, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser fails loudly on some odd strings; an odd string is just no date
        return None
    return parsed.date() if parsed else None


def url_date(url: str) -> date | None:
    """A date in a URL path: /2021/07/22/, /2021-07-22-slug, /20210722/."""
    for m in _URL_DATE.finditer(_url_path(url)):
        y, _, mo, d, mo2, d2 = m.groups()
        try:
            return date(int(y), int(mo or mo2), int(d or d2))
        except ValueError:
            continue
    return None


def dateline_date(text: str, url: str = "") -> date | None:
    """The date of a dateline opening the text (no year: the /YYYY/ segment of `url`, if any), or None."""
    m = _DATELINE.match(text[:300])
    if not m:
        return None
    month = month_number(m["m1"] or m["m2"])
    year = m["y1"] or m["y2"] or (y.group(1) if (y := _URL_YEAR.search(_url_path(url))) else None)
    try:
        return date(int(year), month, int(m["d1"] or m["d2"])) if year else None
    except ValueError:
        return None


def _url_path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:  # not a URL ("http://[bad")
        return ""


def safe_id(raw: str) -> str:
    """An id safe in a CSV cell and a URL: letters, digits and . _ -, with runs of anything else made "-"."""
    cleaned = _UNSAFE_ID.sub("-", unicodedata.normalize("NFKC", raw)).strip("-._")[:MAX_ID_CHARS].strip("-._")
    return cleaned or "article"


def id_with_text_hash(article_id: str, text: str) -> str:
    """`article_id` made distinct by a short hash of the article's text."""
    return f"{article_id}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"


def _unique(article_id: str, text: str, taken: set[str]) -> str:
    """`article_id`, or when the run already has it, the id with a short hash of the text (and a count)."""
    candidate = article_id
    if candidate in taken:
        base = candidate = id_with_text_hash(article_id, text)
        n = 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate
