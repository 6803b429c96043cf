import io
import json
import zipfile

import pytest

from cli.main import main as cli_main
from extract import extract_document
from extract.detect import DOCX, PDF, detect_media_type
from extract.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    UnsafeContentError,
    UnsupportedFormatError,
)


def test_format_comes_from_content(samples):
    assert detect_media_type((samples / "004.pdf").read_bytes()) == PDF
    assert detect_media_type((samples / "004.docx").read_bytes()) == DOCX


def test_docx_reading_order_tables_and_spans(samples):
    doc = extract_document((samples / "000.docx").read_bytes())
    assert [t.n_cols for t in doc.tables] == [4, 5, 11, 5, 8]
    # tables sit between paragraphs in reading order
    order = [type(x).__name__ for x in doc.reading_order()]
    assert order.index("Table") > 0 and order[-1] == "Block"
    tasks = doc.tables[4]
    first_agency = next(c for c in tasks.cells if c.text == "Bộ Quốc phòng")
    assert first_agency.row_span == 3  # vMerge over the ministry's three tasks
    two_level = doc.tables[2]
    assert any(c.text == "Doanh nghiệp" and c.col_span == 2 for c in two_level.cells)


def test_pdf_tables_match_docx_across_page_breaks(samples):
    pdf = extract_document((samples / "000.pdf").read_bytes())
    docx = extract_document((samples / "000.docx").read_bytes())
    assert len(pdf.pages) == 38 and not any(p.needs_ocr for p in pdf.pages)
    for a, b in zip(pdf.tables, docx.tables):
        assert (a.n_rows, a.n_cols) == (b.n_rows, b.n_cols)
    assert pdf.tables[4].pages[0] == 28 and pdf.tables[4].pages[-1] == 38
    budgets = [c.text for c in pdf.tables[4].cells if c.col == 5][1:]
    assert budgets[:3] == ["169.000", "68.000", "150.000"]


def test_pdf_blocks_carry_page_and_bbox(samples):
    doc = extract_document((samples / "004.pdf").read_bytes())
    b = doc.blocks[0]
    assert b.provenance.page == 1 and b.provenance.bbox is not None
    assert doc.blocks[0].text.startswith("THỦ TƯỚNG CHÍNH PHỦ")
    assert [p.number for p in doc.pages] == list(range(1, len(doc.pages) + 1))


def _score(result, gold):
    import tests.gold_score as score
    return score.score_doc(gold, json.loads(result.model_dump_json()))


@pytest.mark.parametrize("name", ["000.docx", "000.pdf", "004.docx", "004.pdf"])
def test_gold_fields(name, extracted, gold):
    s = _score(extracted(name), gold(name[:3]))
    for field, floor in (("references", 0.95), ("dates", 0.95), ("amounts", 0.95), ("agencies", 0.85)):
        tp, fp, fn, *_ = s[field]
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not fp and not fn else 0.0)
        assert f1 >= floor, (field, s[field][3:])


def test_header_of_a_decision(extracted):
    h = extracted("004.docx").document
    assert (h.doc_type, h.issuer, h.number, h.date) == ("Quyết định", "Thủ tướng Chính phủ", None, None)
    assert h.title.startswith("Ban hành Danh mục công nghệ chiến lược")


def test_reference_attributes(extracted):
    refs = {r.key: r for r in extracted("000.docx").references}
    r = refs["1131/QĐ-TTg"]
    assert (r.doc_type, r.date, r.issuer) == ("Quyết định", "2025-06-12", "Thủ tướng Chính phủ")
    assert len(r.occurrences) > 3


# -- bad input --------------------------------------------------------------------------------
def _docx_with(samples, name, content):
    src = zipfile.ZipFile(samples / "004.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, content if item.filename == name else src.read(item.filename))
    return buf.getvalue()


def test_empty_file():
    with pytest.raises(EmptyFileError):
        extract_document(b"")


def test_truncated_docx(samples):
    data = (samples / "004.docx").read_bytes()
    with pytest.raises(CorruptFileError):
        extract_document(data[: len(data) // 2])


def test_corrupt_pdf(samples):
    data = (samples / "004.pdf").read_bytes()
    with pytest.raises(CorruptFileError):
        extract_document(data[:1500])


def test_garbage_is_unsupported():
    with pytest.raises(UnsupportedFormatError):
        extract_document(b"hello, this is plain text and not a document")


def test_encrypted_pdf(samples, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(samples / "004.pdf")
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(EncryptedFileError):
        extract_document(buf.getvalue())


def test_zip_bomb_docx(samples):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        src = zipfile.ZipFile(samples / "004.docx")
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        out.writestr("word/media/bomb.bin", b"\0" * (40 * 1024 * 1024))
    assert len(buf.getvalue()) < 1024 * 1024
    with pytest.raises(UnsafeContentError, match="zip bomb"):
        extract_document(buf.getvalue())


def test_docx_with_external_entity(samples):
    xxe = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    with pytest.raises(UnsafeContentError):
        extract_document(_docx_with(samples, "word/document.xml", xxe))


def test_mislabelled_docx_named_pdf_is_read_as_docx(samples, tmp_path):
    fake = tmp_path / "report.pdf"
    fake.write_bytes((samples / "004.docx").read_bytes())
    out = tmp_path / "out"
    assert cli_main(["extract", str(fake), "-o", str(out), "-q"]) == 0
    data = json.loads((out / "report.pdf.json").read_text(encoding="utf-8"))
    assert data["source"]["media_type"].endswith("wordprocessingml.document")


def test_cli_goes_on_after_a_bad_file_and_leaves_no_partial_json(samples, tmp_path, capsys):
    bad = tmp_path / "broken.docx"
    bad.write_bytes((samples / "004.docx").read_bytes()[:5000])
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    code = cli_main(["extract", str(bad), str(empty), str(samples / "004.docx"), "-o", str(out), "-q"])
    assert code != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "broken.docx" in err[0] and "corrupt_file" in err[0]
    assert "empty.pdf" in err[1] and "empty_file" in err[1]
    assert sorted(p.name for p in out.iterdir()) == ["004.docx.json"]


def test_schema_command(capsys):
    assert cli_main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "ExtractionResult" and "references" in schema["properties"]


@pytest.mark.parametrize("name", ["000.pdf", "004.pdf"])
def test_pdfium_text_layer_reads_the_words_and_ruled_tables_pdfplumber_reads(samples, name):
    """The text layer is read by PDFium for speed; what it gives must be what pdfplumber's own
    parse gives: the same words (after NFC) at the same places, the same ruled table cells.
    Within a point: PDFium's coordinates are single precision, and it gives a combining
    mark drawn as its own glyph (the marks of "ự", "ế") a width where pdfminer gives none (≤ 0.7 pt)."""
    import unicodedata

    import pdfplumber
    import pypdfium2

    from extract.pdf_text_layer import page_chars, page_edges, ruled_tables

    def same_boxes(ours, theirs):
        return len(ours) == len(theirs) and all(
            abs(a - b) < 1.0 for box, other in zip(ours, theirs) for a, b in zip(box, other))

    document = pypdfium2.PdfDocument(samples / name)
    with pdfplumber.open(samples / name) as plumber:
        for index, plumber_page in enumerate(plumber.pages):
            page = document[index]
            width, height = page.get_size()
            chars, unmapped = page_chars(page.get_textpage(), height)
            ours = pdfplumber.utils.extract_words(chars, extra_attrs=["size"])
            theirs = plumber_page.extract_words(extra_attrs=["size"])
            assert unmapped == 0
            ours.sort(key=lambda w: (round(w["top"]), w["x0"]))   # lines whose tops differ by a
            theirs.sort(key=lambda w: (round(w["top"]), w["x0"]))  # rounding error come in either order
            assert [(unicodedata.normalize("NFC", w["text"]), w["size"]) for w in ours] == \
                   [(unicodedata.normalize("NFC", w["text"]), round(w["size"], 2)) for w in theirs]
            assert same_boxes([(w["x0"], w["top"], w["x1"], w["bottom"]) for w in ours],
                              [(w["x0"], w["top"], w["x1"], w["bottom"]) for w in theirs])
            our_tables = ruled_tables(page_edges(page, height), width, height)
            their_tables = plumber_page.find_tables()
            assert same_boxes([bbox for bbox, _ in our_tables], [t.bbox for t in their_tables])
            for (_, cells), table in zip(our_tables, their_tables):
                assert same_boxes(sorted(cells), sorted(c for c in table.cells if c is not None))
