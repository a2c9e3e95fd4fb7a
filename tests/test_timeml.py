"""`python -m extract timeml`: TIMEX3 tags go into TEXT and nothing else changes."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from extract import timeml

ROOT = Path(__file__).resolve().parents[1]
TIMEBANK = ROOT.parent / "shared" / "data" / "timebank"

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-07-23" functionInDocument="CREATION_TIME">2021-07-23</TIMEX3></DCT>
<TEXT>
Russia &amp; Tajikistan said Friday they will hold drills on Aug. 5-10 &lt;near&gt; the border.

``A deal was signed in 1997,'' the ministry said, and talks lasted two years.
</TEXT>
</TimeML>
"""


def strip(document: str) -> str:
    """The document with every TIMEX3 tag inside TEXT removed."""
    return re.sub(r"</?TIMEX3[^>]*>", "", document.split("<TEXT>")[1])


def test_tagging_leaves_the_text_byte_identical():
    tagged = timeml.tag_document(DOC)
    assert strip(tagged) == DOC.split("<TEXT>")[1]
    assert tagged.split("<TEXT>")[0] == DOC.split("<TEXT>")[0]


def test_tags_carry_type_and_value_resolved_against_the_dct():
    tagged = timeml.tag_document(DOC)
    found = re.findall(r'<TIMEX3 tid="(t\d+)" type="(\w+)" value="([^"]+)">([^<]*)</TIMEX3>', tagged.split("<TEXT>")[1])
    assert [(ty, v, x) for _, ty, v, x in found] == [
        ("DATE", "2021-07-23", "Friday"), ("DATE", "2021-08-05", "Aug. 5"), ("DATE", "2021-08-10", "10"),
        ("DATE", "1997", "1997"), ("DURATION", "P2Y", "two years")]
    assert len({tid for tid, *_ in found}) == len(found)


def test_the_dct_may_be_written_without_hyphens_and_must_be_inside_dct():
    doc = '<TimeML><DCT><TIMEX3 tid="t0" value="20130322">x</TIMEX3></DCT><TEXT>He left Friday.</TEXT></TimeML>'
    assert 'value="2013-03-22">Friday<' in timeml.tag_document(doc)
    no_dct = '<TimeML><DCT></DCT><TEXT>He left <X value="2013-03-22"/> Friday.</TEXT></TimeML>'
    assert timeml.read_document(no_dct)[3] is None


def test_entities_map_to_the_right_offsets():
    plain, offsets = timeml.plain_with_offsets("a &amp; b")
    assert plain == "a & b"
    assert offsets == [0, 1, 2, 7, 8, 9]


def test_folder_command_keeps_crlf_line_ends(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "dos.tml").write_bytes(DOC.replace("\n", "\r\n").encode("utf-8"))
    subprocess.run([sys.executable, "-m", "extract", "timeml", str(src), str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    tagged = (out / "dos.tml").read_bytes().decode("utf-8")
    assert "<TIMEX3" in tagged and strip(tagged) == DOC.replace("\n", "\r\n").split("<TEXT>")[1]


def test_folder_command_reports_a_document_without_text(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "good.tml").write_text(DOC, encoding="utf-8")
    (src / "broken.tml").write_text("<TimeML><DCT></DCT></TimeML>", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "extract", "timeml", str(src), str(out)], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0
    assert "broken.tml: not tagged: no <TEXT> element" in run.stderr
    assert (out / "good.tml").exists() and not (out / "broken.tml").exists()


@pytest.mark.shared
@pytest.mark.skipif(not TIMEBANK.is_dir(), reason="../shared/data/timebank is not beside the checkout")
def test_timebank_documents_keep_their_text(tmp_path):
    files = sorted(TIMEBANK.rglob("*.tml"))[::16]
    for f in files:
        raw = f.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
        document = raw.replace(body, re.sub(r"<[^>]+>", "", body))
        assert strip(timeml.tag_document(document)) == strip(document), f.name


def test_every_hand_annotated_probe_line_becomes_a_timeml_pair():
    """bench/probes: each annotated span is in its text, in order, so the probe benchmark scores what was meant."""
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parents[1] / "bench"
    sys.path.insert(0, str(bench))
    try:
        from timex_probes import read_probes
    finally:
        sys.path.remove(str(bench))
    files = sorted((bench / "probes").glob("*.tsv"))
    assert len(files) == 37
    pairs = {name: pair for f in files for name, pair in read_probes(f).items()}
    assert len(pairs) == 3874
    gold, plain = pairs["heldout-001"]
    assert "<TIMEX3 tid=\"t1\"" in gold and "<TIMEX3 tid=\"t1\"" not in plain
