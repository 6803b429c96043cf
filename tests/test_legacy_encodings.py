"""Legacy Vietnamese encodings (TCVN3, VNI): the tables against the standards, and documents built
here in those encodings — python-docx runs in .VnTime/.VnTimeH/VNI-Times carrying the legacy
bytes of real documents' sentences, the same in a Unicode font, Word 97 .doc, RTF, ODT and PDF
whose text layer carries the legacy codes — read to the same references, dates, amounts,
agencies and records as the Unicode original, with no legacy character left undecoded."""
from __future__ import annotations

import io
import json
import shutil

import docx
import pytest
from docx.shared import Pt

from bench.legacy_docs import (
    CAPITALS_FONT,
    FONTS,
    UNICODE_FONT,
    build_fonts,
    legacy_docx,
    legacy_docx_for_pdf,
    legacy_pieces,
    soffice_convert_many,
    unicode_docx_for_pdf,
)
from bench.legacy_tables import tcvn3_reference, vni_reference
from extract import extract_document
from models import ExtractOptions
from normalize.legacy_encodings import (
    VNI_CORRECTIONS,
    LegacyDecoder,
    LegacyEncoding,
    content_encoding,
    decode,
    encode,
    font_encoding,
    undecoded,
)
from pipeline import extract_bytes
from tests.conftest import ROOT

EXTERNAL = ROOT / "corpus" / "external"
TCVN3, VNI = LegacyEncoding.TCVN3, LegacyEncoding.VNI
needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


# --- the tables ---------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("iconv") is None, reason="no glibc iconv")
def test_tcvn3_table_agrees_with_glibc_on_every_vn3_letter():
    ref = tcvn3_reference()
    assert len(ref) == 74
    assert {legacy: decode(legacy, TCVN3) for legacy in ref} == ref
    assert {encode(letter, TCVN3) for letter in ref.values()} == set(ref)


def test_vni_table_agrees_with_the_chart_on_every_letter():
    ref = vni_reference()
    assert len(ref) == 134
    assert {letter: decode(legacy, VNI) for letter, legacy in ref.items()} == {u: u for u in ref}
    assert {letter: encode(letter, VNI) for letter in ref} == ref
    # the four letters written by hand (viparse 0.1.31 lacks ẳ Ẳ and reads ỵ Ỵ as y + ï)
    assert set(VNI_CORRECTIONS.values()) == {"ẳ", "Ẳ", "ỵ", "Ỵ"}


def test_capitals_fonts_and_font_names():
    assert font_encoding(".VnTime").encoding is TCVN3 and not font_encoding(".VnTime").capitals
    assert font_encoding(".VnTimeH").capitals and font_encoding("ABCDEF+VnArialH").capitals
    assert font_encoding("VNI-Times").encoding is VNI and font_encoding("BAAAAA+VNI-Helve").encoding is VNI
    assert font_encoding("Times New Roman") is None and font_encoding(None) is None
    assert decode("quyÕt ®Þnh", TCVN3, capitals=True) == "QUYẾT ĐỊNH"
    assert decode("Bé Khoa häc vµ C«ng nghÖ", TCVN3) == "Bộ Khoa học và Công nghệ"
    assert decode("Boä Khoa hoïc vaø Coâng ngheä", VNI) == "Bộ Khoa học và Công nghệ"


def test_content_detection_takes_legacy_text_and_leaves_other_languages():
    assert content_encoding("Bé Tµi chÝnh h­íng dÉn c¸c ®Þa ph­¬ng").encoding is TCVN3
    assert content_encoding("Boä Taøi chính höôùng daãn caùc ñòa phöông").encoding is VNI
    for text in ("Bộ Tài chính hướng dẫn các địa phương", "El señor Muñoz llegó a la reunión",
                 "Müller schließt die Tür", "Café, déjà vu, naïve façade", "5 µm ± 0,2"):
        assert content_encoding(text).encoding is None, text


def test_only_legacy_runs_are_converted_in_a_mixed_paragraph():
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Hà Nội, ngày 5 tháng 3 năm 2009. ").font.name = UNICODE_FONT   # 'á', 'à' would change if decoded
    for font, text in legacy_pieces("Ủy ban nhân dân tỉnh Hà Giang giao Sở Tài chính 1.250 triệu đồng", TCVN3):
        p.add_run(text).font.name = font
    p.add_run(" — café ngoài giờ").font.name = UNICODE_FONT
    buf = io.BytesIO()
    d.save(buf)
    doc = extract_document(buf.getvalue())
    assert doc.blocks[0].text == ("Hà Nội, ngày 5 tháng 3 năm 2009. Ủy ban nhân dân tỉnh Hà Giang giao Sở Tài chính "
                                  "1.250 triệu đồng — café ngoài giờ")
    (w,) = doc.warnings
    assert w.code == "legacy_encoding_converted" and w.details["encoding"] == "tcvn3"
    assert set(w.details["fonts"]) == {FONTS[TCVN3], CAPITALS_FONT} and w.details["by_content"] == 0


def test_a_lone_legacy_word_in_a_unicode_font_follows_its_font_in_the_document():
    decoder = LegacyDecoder({"Arial": "Bé Tµi chÝnh quy ®Þnh vÒ viÖc h­íng dÉn"})
    assert decoder.segment("Bé", "Arial") == "Bộ" and decoder.segment("Bé", "Calibri") == "Bé"


# --- documents ----------------------------------------------------------------------------------

def _facts(result) -> dict:
    """What the issue compares: references, dates, amounts, agencies, and the records."""
    r = json.loads(result.model_dump_json())
    return {
        "references": sorted(x["key"] or "" for x in r["references"]),
        "dates": sorted((x["value"], x["precision"]) for x in r["dates"]),
        "amounts": sorted((str(x["value"]), str(x["low"]), str(x["high"]), x["currency"]) for x in r["amounts"]),
        "agencies": sorted(x["name"] for x in r["agencies"]),
        "records": {k: len(v) for k, v in r["records"].items()},
        "budget": sorted(str(b["amount"]) for b in r["records"]["budget"]),
    }


def _all_text(result) -> str:
    """Every text of an output: mentions, typed tables' cells, records, the header."""
    return result.model_dump_json()


def _document_text(data: bytes) -> str:
    doc = extract_document(data, ExtractOptions(ocr=False))
    return " ".join([*(b.text for b in doc.blocks), *(c.text for t in doc.tables for c in t.cells)])


@pytest.fixture(scope="module")
def originals():
    out = {}
    for doc_id in ("e02", "e13"):
        data = (EXTERNAL / "docs" / doc_id / f"{doc_id}.docx").read_bytes()
        out[doc_id] = (data, _facts(extract_bytes(data, f"{doc_id}.docx")))
    return out


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
@pytest.mark.parametrize("unicode_font", [False, True], ids=["legacy-font", "unicode-font"])
def test_legacy_word_documents_read_as_their_unicode_original(originals, encoding, unicode_font):
    for doc_id, (data, expected) in originals.items():
        legacy = legacy_docx(data, encoding, unicode_font=unicode_font)
        result = extract_bytes(legacy, f"{doc_id}.{encoding}.docx")
        assert _facts(result) == expected, doc_id
        (w,) = [w for w in result.warnings if w.code == "legacy_encoding_converted"]
        assert w.details["encoding"] == encoding.value and w.details["characters"] > 1000
        assert (w.details["by_content"] > 0) == unicode_font
        assert undecoded(_all_text(result)) == "" and undecoded(_document_text(legacy)) == ""


def test_sentences_typed_in_legacy_fonts_with_python_docx():
    """Real sentences (e02, e13) typed run by run as an old Word document would hold them."""
    lines = [line.strip() for doc_id in ("e02", "e13")
             for line in (EXTERNAL / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8").splitlines()[1:]
             if len(line.strip()) > 20]

    def build(encoding: LegacyEncoding | None) -> bytes:
        return _docx_of_lines(lines, encoding)
    expected = _facts(extract_bytes(build(None), "e13.docx"))
    assert expected["references"] and expected["dates"] and expected["amounts"] and expected["agencies"]
    for encoding in (TCVN3, VNI):
        result = extract_bytes(build(encoding), "e13.legacy.docx")
        assert _facts(result) == expected
        assert undecoded(_all_text(result)) == ""


def _docx_of_lines(lines: list[str], encoding: LegacyEncoding | None) -> bytes:
    """One paragraph per line, typed in the legacy encoding's fonts (or a Unicode font)."""
    d = docx.Document()
    for line in lines:
        p = d.add_paragraph()
        for font, text in (legacy_pieces(line, encoding) if encoding else [(UNICODE_FONT, line)]):
            run = p.add_run(text)
            run.font.name, run.font.size = font, Pt(13)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_old_provinces_in_legacy_documents_carry_their_successor():
    """A 2019 dispatch typed in TCVN3 or VNI (header in capitals: .VnTimeH) names bodies of
    provinces and a district merged in 2025: the same names and successors as its Unicode original."""
    lines = ["ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH", "SỞ TÀI CHÍNH", "Số: 215/STC-NS",
             "Quảng Bình, ngày 12 tháng 4 năm 2019",
             "Căn cứ Công văn số 88/UBND-KT ngày 02/4/2019 của Ủy ban nhân dân tỉnh Hà Giang về việc hợp tác.",
             "Sở Tài chính tỉnh Quảng Bình đề nghị Ủy ban nhân dân huyện Cư Jút và Sở Kế hoạch và Đầu tư tỉnh "
             "Bình Định phối hợp, kinh phí 250 triệu đồng."]

    def build(encoding: LegacyEncoding | None) -> bytes:
        return _docx_of_lines(lines, encoding)

    def successors(result) -> dict[str, str | None]:
        return {a.name: a.successor for a in result.agencies}
    expected = successors(extract_bytes(build(None), "old.docx"))
    assert expected["Ủy ban nhân dân tỉnh Hà Giang"] == "tỉnh Tuyên Quang"
    assert expected["Sở Tài chính tỉnh Quảng Bình"] == "tỉnh Quảng Trị"
    assert expected["Sở Kế hoạch và Đầu tư tỉnh Bình Định"] == "tỉnh Gia Lai"
    assert expected["Ủy ban nhân dân huyện Cư Jút"] == "tỉnh Lâm Đồng"
    assert expected["Ủy ban nhân dân tỉnh Quảng Bình"] == "tỉnh Quảng Trị"   # the header, in .VnTimeH capitals
    for encoding in (TCVN3, VNI):
        result = extract_bytes(build(encoding), f"old.{encoding.value}.docx")
        assert successors(result) == expected, encoding
        assert undecoded(_all_text(result)) == ""


def test_unicode_documents_are_left_alone(samples):
    for name in ("000.docx", "004.docx", "004.pdf"):
        doc = extract_document((samples / name).read_bytes(), ExtractOptions(ocr=False))
        assert not [w for w in doc.warnings if w.code == "legacy_encoding_converted"], name


@needs_office
@pytest.mark.parametrize("sample, original", [("004.tcvn3.doc", "samples/004.docx"),
                                              ("e13.vni.rtf", "external/docs/e13/e13.docx")])
def test_word97_doc_and_rtf_samples_in_legacy_encodings(samples, sample, original):
    """corpus/samples' Word 97 (TCVN3) and RTF (VNI), made by LibreOffice from the Word originals
    (`python -m bench.legacy_docs corpus/samples`)."""
    expected = _facts(extract_bytes((ROOT / "corpus" / original).read_bytes(), original))
    result = extract_bytes((samples / sample).read_bytes(), sample)
    assert result.source.media_type in ("application/msword", "application/rtf")
    assert _facts(result) == expected
    (w,) = [w for w in result.warnings if w.code == "legacy_encoding_converted"]
    assert w.details["encoding"] == sample.split(".")[1]
    assert undecoded(_all_text(result)) == ""


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """e13 rendered to PDF by LibreOffice in Unicode, TCVN3 and VNI, and the seed 000 in VNI, in one run."""
    data = (EXTERNAL / "docs" / "e13" / "e13.docx").read_bytes()
    seed = (ROOT / "corpus" / "samples" / "000.docx").read_bytes()
    fonts = build_fonts(tmp_path_factory.mktemp("fonts"))
    return soffice_convert_many({"unicode.docx": unicode_docx_for_pdf(data), "tcvn3.docx": legacy_docx_for_pdf(data, TCVN3),
                                 "vni.docx": legacy_docx_for_pdf(data, VNI),
                                 "000-vni.docx": legacy_docx_for_pdf(seed, VNI)}, "pdf", fonts)


@needs_office
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_pdf_text_layer_in_legacy_codes(pdfs, encoding):
    """A PDF drawn with fonts that map the legacy code points to Vietnamese letters: its text
    layer carries the legacy codes (TCVN3's 'ư' as U+2212, as the real .Vn fonts' PDFs do)."""
    import pdfplumber
    pdf = pdfs[encoding.value]
    with pdfplumber.open(io.BytesIO(pdf)) as p:
        layer = p.pages[0].extract_text()
        fonts = {c["fontname"] for c in p.pages[0].chars}
    assert undecoded(layer) and not undecoded(decode(layer, encoding))   # legacy codes, all decodable
    assert any(font_encoding(f) and font_encoding(f).encoding is encoding for f in fonts)
    options = ExtractOptions(ocr=False)
    expected = _facts(extract_bytes(pdfs["unicode"], "e13.pdf", options))   # the same rendering, in Unicode
    result = extract_bytes(pdf, f"e13.{encoding}.pdf", options)
    assert _facts(result) == expected
    assert any(w.code == "legacy_encoding_converted" for w in result.warnings)
    assert undecoded(_all_text(result)) == ""


@needs_office
def test_a_vni_mark_set_apart_from_its_letter_stays_in_its_word(pdfs):
    """LibreOffice raises some VNI marks over capitals as glyphs of their own, whose size reads
    13.0 beside the letters' 12.999999999999943: the words must not break there ('TO Å NG')."""
    doc = extract_document(pdfs["000-vni"], ExtractOptions(ocr=False))
    text = " ".join([*(b.text for b in doc.blocks), *(c.text for t in doc.tables for c in t.cells)])
    assert "TỔNG HỢP CƠ CHẾ, CHÍNH SÁCH LIÊN QUAN ĐẾN CÔNG NGHỆ CHIẾN LƯỢC" in text
    assert undecoded(text) == ""
