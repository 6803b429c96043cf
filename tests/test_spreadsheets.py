"""Workbooks (.xlsx, .xls, .ods), RTF and ODT: one table per sheet with merged cells, number
formats and formulas' saved values, typed and turned into records as Word tables are; formats told
from the content; damaged and password-protected workbooks refused with a reason (and quarantined
by the watcher)."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import struct

import openpyxl
import pytest

from bench.legacy_docs import appendix_xlsx, soffice_convert_many
from extract import extract_document
from extract.detect import detect_media_type
from extract.errors import CorruptFileError, EncryptedFileError, TooLargeError
from extract.media import DOC, DOCX, ODS, ODT, RTF, XLS, XLSX
from extract.sheet_reader import _display
from models import ExtractOptions
from pipeline import extract_bytes
from tests.conftest import ROOT

EXTERNAL = ROOT / "corpus" / "external"
needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def _workbook() -> bytes:
    """A budget sheet as an appendix arrives: title, unit line, a two-row header with merged
    cells, a total row with a SUM formula (no saved value: openpyxl does not calculate)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PL1"
    ws["A1"] = "PHỤ LỤC"
    ws.merge_cells("A1:D1")
    ws["A2"] = "Đơn vị tính: triệu đồng"
    ws.merge_cells("A2:D2")
    ws.append(["STT", "Dự án", "Kế hoạch vốn", None])
    ws.append([None, None, "Năm 2024", "Năm 2025"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    ws.merge_cells("C3:D3")
    ws.append([None, "Tổng cộng", "=SUM(C6:C7)", "=SUM(D6:D7)"])
    ws.append([1, "Đường tỉnh 176, huyện Yên Sơn", 1250.5, 3000])
    ws.append([2, "Trường THPT Hà Giang", 749.5, 2000])
    for row in ws.iter_rows(min_row=5, max_row=7, min_col=3, max_col=4):
        for c in row:
            c.number_format = "#,##0.0"
    ws["A9"] = "Người lập biểu"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_number_formats_show_as_the_sheet_shows_them():
    assert _display(1436130, "#,##0") == "1.436.130"
    assert _display(7318856.25, "#,##0.0") == "7.318.856,3"
    assert _display(12.25, "General") == "12,25" and _display(2025, "General") == "2025"
    assert _display(0.125, "0.0%") == "12,5%"
    assert _display(2615000000, "#,##0,,") == "2.615"                 # scaled to millions
    assert _display(1500, '#,##0 "triệu đồng"') == "1.500 triệu đồng"
    assert _display(-2500, "#,##0;(#,##0)") == "(2.500)"
    assert _display(dt.datetime(2025, 6, 12), "dd/mm/yyyy") == "12/06/2025"
    assert _display("  Bộ Tài chính ", "@") == "  Bộ Tài chính "          # text is cleaned after decoding


def test_xlsx_sheet_is_a_table_with_spans_and_the_lines_around_it():
    doc = extract_document(_workbook())
    assert doc.media_type == XLSX and doc.source_kind == "sheet"
    assert [b.text for b in doc.blocks] == ["PHỤ LỤC", "Đơn vị tính: triệu đồng", "Người lập biểu"]
    (t,) = doc.tables
    assert (t.n_rows, t.n_cols, t.provenance.sheet, t.pages) == (5, 4, "PL1", [1])
    top = {(c.row, c.col): (c.row_span, c.col_span, c.text) for c in t.cells if c.row == 0}
    assert top == {(0, 0): (2, 1, "STT"), (0, 1): (2, 1, "Dự án"), (0, 2): (1, 2, "Kế hoạch vốn")}
    rows = [[c.text if c else None for c in row] for row in t.grid()]
    assert rows[3] == ["1", "Đường tỉnh 176, huyện Yên Sơn", "1.250,5", "3.000,0"]
    assert rows[2][2:] == ["", ""]                                   # formulas without saved values
    (w,) = doc.warnings
    assert w.code == "formula_without_value" and w.details["cells"] == ["C5", "D5"]


@needs_office
def test_formulas_cached_values_xls_and_ods():
    made = soffice_convert_many({"b.xlsx": _workbook()}, "xlsx")["b"]
    made_xls = soffice_convert_many({"b.xlsx": _workbook()}, "xls")["b"]
    made_ods = soffice_convert_many({"b.xlsx": _workbook()}, "ods")["b"]
    tables = {}
    for data, media in ((made, XLSX), (made_xls, XLS), (made_ods, ODS)):
        doc = extract_document(data)
        assert doc.media_type == media and not doc.warnings
        tables[media] = [[c.text if c else None for c in row] for row in doc.tables[0].grid()]
        assert tables[media][2][1:] == ["Tổng cộng", "2.000,0", "5.000,0"]  # LibreOffice saved the values
    assert tables[XLSX] == tables[XLS] == tables[ODS]


def test_a_budget_sheet_in_trieu_dong_gives_the_word_tables_budget_lines(samples):
    word = extract_bytes((EXTERNAL / "docs" / "e02" / "e02.docx").read_bytes(), "e02.docx")
    sheet = extract_bytes((samples / "e02.appendix.xlsx").read_bytes(), "e02.appendix.xlsx")
    legacy = extract_bytes((samples / "e02.appendix.tcvn3.xls").read_bytes(), "e02.appendix.tcvn3.xls")
    lines = lambda r: [(b.item, b.amount.value, b.lead_agencies) for b in r.records.budget]  # noqa: E731
    assert len(lines(word)) == 27 and lines(sheet) == lines(word) == lines(legacy)
    assert sheet.tables[0].kind == "budget" and sheet.tables[0].columns[2].unit
    assert any(w.code == "total_checked" for w in sheet.warnings)
    assert any(w.code == "legacy_encoding_converted" and w.details["encoding"] == "tcvn3" for w in legacy.warnings)


def test_a_legacy_workbook_with_rich_text_runs():
    from normalize.legacy_encodings import LegacyEncoding
    data = (EXTERNAL / "docs" / "e02" / "e02.docx").read_bytes()
    sheet = extract_bytes(appendix_xlsx(data, LegacyEncoding.VNI, recalculate=False), "e02.vni.xlsx")
    assert len(sheet.records.budget) == 27 and sheet.records.budget[0].item == "TUYÊN QUANG"


def test_formats_come_from_the_content(samples):
    for name, media in (("e02.appendix.xlsx", XLSX), ("e02.appendix.tcvn3.xls", XLS), ("004.tcvn3.doc", DOC),
                        ("e13.vni.rtf", RTF), ("e07.odt", ODT), ("004.docx", DOCX)):
        assert detect_media_type((samples / name).read_bytes()) == media, name


def _encrypted_xlsx(data: bytes) -> bytes:
    msoffcrypto = pytest.importorskip("msoffcrypto.format.ooxml")
    out = io.BytesIO()
    msoffcrypto.OOXMLFile(io.BytesIO(data)).encrypt("mật khẩu", out)
    return out.getvalue()


def _encrypted_xls(data: bytes) -> bytes:
    """An .xls whose workbook stream announces encryption (a FILEPASS record after its BOF),
    as Excel writes a workbook saved with a password to open."""
    import olefile
    buf = io.BytesIO(data)
    with olefile.OleFileIO(buf, write_mode=True) as ole:
        stream = bytearray(ole.openstream("Workbook").read())
        _, length = struct.unpack("<HH", stream[:4])
        stream[4 + length:6 + length] = struct.pack("<H", 0x002F)
        ole.write_stream("Workbook", bytes(stream))
    return buf.getvalue()


def test_damaged_and_password_protected_workbooks_are_refused(samples):
    xlsx = (samples / "e02.appendix.xlsx").read_bytes()
    xls = (samples / "e02.appendix.tcvn3.xls").read_bytes()
    for data, error, reason in ((_encrypted_xlsx(xlsx), EncryptedFileError, "encrypted"),
                                (_encrypted_xls(xls), EncryptedFileError, "encrypted"),
                                (xlsx[: len(xlsx) // 2], CorruptFileError, "corrupt_file"),
                                (xls[:4096], CorruptFileError, "corrupt_file")):
        with pytest.raises(error) as info:
            extract_document(data)
        assert info.value.reason == reason
    with pytest.raises(TooLargeError):
        extract_document(xlsx, ExtractOptions(max_sheet_cells=50))


def test_the_watcher_quarantines_bad_workbooks_with_their_reason(tmp_path, samples):
    from intake.watcher import watch_inbox
    from stores import intake
    from stores.db import Store
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    xlsx = (samples / "e02.appendix.xlsx").read_bytes()
    xls = (samples / "e02.appendix.tcvn3.xls").read_bytes()
    files = {"dự toán có mật khẩu.xlsx": _encrypted_xlsx(xlsx), "mật khẩu.xls": _encrypted_xls(xls),
             "hỏng.xlsx": xlsx[: len(xlsx) // 2], "phụ lục.xlsx": xlsx, "tên sai.pdf": xls}
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    watch_inbox(str(inbox), exit_when_idle=True, settle_seconds=0.2, scan_seconds=1)
    st = intake.status(Store.open(f"sqlite:///{tmp_path / 'vanthu.sqlite'}"), last_failures=10)
    assert {f["name"]: f["reason"].split(":")[0] for f in st["failures"]} == {
        "dự toán có mật khẩu.xlsx": "encrypted", "mật khẩu.xls": "encrypted", "hỏng.xlsx": "corrupt_file"}
    assert st["counts"]["done"] == 2 and len(list((tmp_path / "quarantine").glob("*.reason.json"))) == 3


@pytest.mark.parametrize("name", ["004.tcvn3.doc", "e13.vni.rtf", "e07.odt", "e02.appendix.tcvn3.xls",
                                  "e02.appendix.xlsx"])
def test_every_office_format_has_page_images_for_the_review_app(samples, tmp_path, name):
    """The review app showed no page for a Word 97, RTF, ODT or workbook (issue 18): LibreOffice
    lays each out into pages, cached by content hash, as it does a .docx."""
    import hashlib

    from PIL import Image

    from web.render import page_source
    path = samples / name
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    pages = page_source(path, sha, tmp_path).sizes()
    assert pages and all(w > 100 and h > 100 for w, h in pages)
    image = Image.open(io.BytesIO(page_source(path, sha, tmp_path).image(1)[0]))
    assert image.width == 1100 and image.getextrema()[0] < 100   # something dark is drawn: text
    assert (tmp_path / "rendered" / f"{sha}.pdf").exists()
