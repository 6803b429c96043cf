"""The learned agency scorer (issue 17, item 6): `vanthu train` fits it on gold, extraction reads
its weights and sets aside, with a warning an analyst sees, the bodies it doubts."""
from __future__ import annotations

import json
import subprocess
import sys

from docx import Document as Docx

from extract import extract_document
from models import ExtractOptions, WarningCode
from ner.agency_scorer import AgencyScorer, document_features, set_aside_doubtful
from pipeline import extract_bytes
from pipeline.run import result_of

# A real dispatch's sentence (pool batch b): the Front committee of a province and a ministry.
SENTENCE = ("Sở Tài chính chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa và Bộ Nội vụ "
            "hướng dẫn thực hiện.")


def _docx(*paragraphs: str) -> bytes:
    import io
    d = Docx()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _result(data: bytes):
    return result_of(extract_document(data, ExtractOptions(ocr=False)), data, "x.docx")


def test_features_say_what_the_grammar_knew_and_where_the_words_stand():
    result = _result(_docx("ỦY BAN NHÂN DÂN TỈNH THANH HÓA", SENTENCE))
    by_name = dict(zip((a.name for a in result.agencies), document_features(result)))
    front = by_name["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa"]
    assert {"prev=với", "has_level", "in_tables=none", "head=ủy"} <= front
    assert "prev=^" in by_name["Sở Tài chính tỉnh Thanh Hóa"]


def test_a_body_the_scorer_doubts_is_set_aside_with_a_warning_not_dropped():
    result = _result(_docx("ỦY BAN NHÂN DÂN TỈNH THANH HÓA", SENTENCE))
    # weights that doubt a body written after 'với' and nothing else
    scorer = AgencyScorer(weights={"prev=với": -3.0}, intercept=1.0, threshold=0.5)
    out = set_aside_doubtful(result, scorer)
    names = [a.name for a in out.agencies]
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa" not in names
    assert "Bộ Nội vụ" in names
    [warning] = [w for w in out.warnings if w.code == WarningCode.AGENCY_DOUBTFUL]
    assert [d["name"] for d in warning.details["agencies"]] == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa"]
    assert all(0.5 <= a.confidence <= 1 for a in out.agencies)


def test_the_scorer_reads_back_what_it_wrote():
    scorer = AgencyScorer(weights={"kind=ministry": 1.25, "prev=với": -0.5}, intercept=0.1, threshold=0.4,
                          trained_on="3 documents")
    again = AgencyScorer.from_json(scorer.to_json())
    assert again == scorer
    assert abs(again.probability({"kind=ministry"}) - 0.7941) < 1e-4


def test_vanthu_train_fits_weights_extraction_reads(tmp_path):
    """`vanthu train` on a set of the repository's gold writes weights; an extraction with the
    scorer on reads them (the default file is the one `vanthu train` writes)."""
    out = tmp_path / "scorer.json"
    done = subprocess.run([sys.executable, "-m", "cli.main", "train", "--sets", "holdout", "-o", str(out), "-q"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["trained_on"].startswith("5 documents of holdout")
    assert any(k.startswith("kind=") for k in saved["weights"]) and 0 < saved["threshold"] < 1
    result = extract_bytes(_docx("ỦY BAN NHÂN DÂN TỈNH THANH HÓA", SENTENCE), "x.docx",
                           ExtractOptions(ocr=False, agency_scorer=True))
    assert result.agencies and all(a.confidence <= 1 for a in result.agencies)
