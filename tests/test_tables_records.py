import pytest

from models import Block, Cell, Document, Provenance, Table
from normalize.columns import column_role
from pipeline import run_stages
from tables.typed import type_table


def _table(rows, spans=()):
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is not None:
                cells.append(Cell(row=r, col=c, text=text))
    for (r, c, rs, cs) in spans:
        cell = next(x for x in cells if x.row == r and x.col == c)
        cell.row_span, cell.col_span = rs, cs
    return Table(id="t0", order=0, n_rows=len(rows), n_cols=max(map(len, rows)), cells=cells,
                 provenance=Provenance(source="docx"))


def _run(table: Table, title: str | None = None):
    """Typed table, records and warnings of a document holding this table under this title."""
    blocks = [Block(id="b0", order=0, text=title, kind="heading", provenance=Provenance(source="docx"))] if title else []
    table = table.model_copy(update={"order": len(blocks)})
    typed, _, records, warnings = run_stages(Document(media_type="x", source_kind="docx", blocks=blocks,
                                                      tables=[table]))
    return typed[0], records, warnings


def _blocks(*texts: str) -> Document:
    return Document(media_type="x", source_kind="docx", blocks=[
        Block(id=f"b{i}", order=i, text=t, provenance=Provenance(source="docx")) for i, t in enumerate(texts)])


TASK_HEADER = ["STT", "Đơn vị", "Tên nhiệm vụ", "Mục tiêu", "Kết quả dự kiến",
               "Dự kiến kinh phí (triệu đồng)", "Thời gian thực hiện", "Ghi chú"]


def test_task_table_with_fill_down_ranges_and_total():
    t = _table([
        TASK_HEADER,
        ["1.", "Bộ Quốc phòng", "Nhiệm vụ A", "mt", "kq", "169.000", "24", "2631/BQP-KHQS ngày 22/04/2026"],
        ["", "", "Nhiệm vụ B", "mt", "kq", "5.000 - 10.000", "48 - 60", ""],  # cut at a page break
        ["2.", "Điện Biên", "Nhiệm vụ C", "mt", "kq", "1.000 – 1.500", "12", "3246/UBND-KGVX"],
        ["", "Tổng cộng", "", "", "", "185.000", "", ""],
    ])
    typed, records, warnings = _run(t, "DANH MỤC ĐẶT HÀNG NHIỆM VỤ")
    assert typed.kind == "tasks"
    assert [c.role for c in typed.columns] == ["stt", "agency", "name", "objective", "result", "budget",
                                               "duration", "note"]
    assert typed.columns[5].unit == "triệu đồng"
    a, b, c = records.tasks
    assert (b.agency, b.source_ref) == ("Bộ Quốc phòng", "2631/BQP-KHQS")  # filled down
    assert (b.budget.low, b.budget.high) == (5_000_000_000, 10_000_000_000)
    assert (b.duration_months.low, b.duration_months.high) == (48, 60)
    assert c.agency == "Ủy ban nhân dân tỉnh Điện Biên"
    assert warnings[0].code == "total_mismatch"
    assert warnings[0].details == {"table_id": "t0", "total": 185_000_000_000, "sum_low": 175_000_000_000,
                                   "sum_high": 180_500_000_000, "rows": 3}


def test_total_equal_to_high_sum_is_reported_as_checked():
    t = _table([TASK_HEADER,
                ["1.", "Bộ Y tế", "A", "", "", "5.000 - 10.000", "24", ""],
                ["", "Tổng cộng", "", "", "", "10.000", "", ""]])
    _, _, warnings = _run(t)
    assert warnings[0].code == "total_checked" and "high end" in warnings[0].message


def test_two_level_header_keeps_both_levels():
    t = _table([
        ["STT", "Năm", "Doanh nghiệp", None, "Cá nhân", None],
        [None, None, "SC", "GPHI", "SC", "GPHI"],
        ["1.", "2021", "8", "4", "0", "8"],
    ], spans=[(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 2), (0, 4, 1, 2)])
    typed = type_table(t)
    assert typed.header_rows == 2
    assert [c.name for c in typed.columns] == ["STT", "Năm", "Doanh nghiệp / SC", "Doanh nghiệp / GPHI",
                                               "Cá nhân / SC", "Cá nhân / GPHI"]


def test_group_rows():
    t = _table([["STT", "Đối tượng", "Số lượng"], ["I", "Nhóm 11 Công nghệ chiến lược", "2441"],
                ["1.", "Trí tuệ nhân tạo", "12"]])
    typed = type_table(t)
    assert [r.kind for r in typed.rows] == ["group", "data"]
    assert typed.rows[1].group.startswith("I")


@pytest.mark.parametrize("header,role", [("Dự kiến kinh phí (triệu đồng)", "budget"),
                                         ("Cơ quan chủ trì", "agency"), ("Cơ quan phối hợp", "coordinating"),
                                         ("Thời gian thực hiện", "time"), ("Thời gian thực hiện (tháng)", "duration"),
                                         ("Thời hạn hoàn thành", "deadline"), ("Cơ quan trình", "submitter"),
                                         ("Đơn vị tính", "measure"), ("TT", "stt"),
                                         ("Danh mục dự án/ Cơ quan, đơn vị, địa phương thực hiện", "name")])
def test_column_roles(header, role):
    assert column_role(header) == role


def test_trailing_agency_split():
    doc = _blocks("DANH MỤC SẢN PHẨM CÔNG NGHỆ CHIẾN LƯỢC", "1. Robot công nghiệp. Bộ Công Thương.",
                  "2. Hệ thống X (ghi chú) Bộ Công Thương/ Bộ Xây dựng", "3. Hệ thống thông tin Bộ Y tế dùng chung")
    _, _, records, _ = run_stages(doc)
    a, b, c = records.catalog
    assert (a.name, a.lead_agencies) == ("Robot công nghiệp", ["Bộ Công Thương"])
    assert b.lead_agencies == ["Bộ Công Thương", "Bộ Xây dựng"]
    assert (c.name, c.lead_agencies) == ("Hệ thống thông tin Bộ Y tế dùng chung", [])


def test_narrative_total_mismatch():
    text = "Tổng số đã chi là 4.435 tỷ đồng, trong đó: chi đầu tư 3.950 tỷ đồng; chi thường xuyên 495 tỷ đồng."
    w = [x for x in run_stages(_blocks(text))[3] if x.code == "total_mismatch"]
    assert w and w[0].details["sum"] == 4_445_000_000_000 and w[0].details["total"] == 4_435_000_000_000
    assert not [x for x in run_stages(_blocks(text.replace("495", "485")))[3] if x.code == "total_mismatch"]


def test_records_on_samples(extracted, gold):
    import tests.gold_score as score
    for name in ("000.docx", "000.pdf"):
        r = extracted(name)
        pairs, _ = score.match_records(gold("000")["tasks"], [t.model_dump() for t in r.records.tasks],
                                       score.NAME["tasks"])
        exact = sum(all(score.field_checks("tasks", a, b).values()) for a, b in pairs if b)
        assert exact >= 0.95 * 37
        assert any(w.code in ("total_checked", "total_mismatch") for w in r.warnings)
    for name in ("004.docx", "004.pdf"):
        cat = extracted(name).records.catalog
        assert sum(c.kind == "technology" for c in cat) == 12 and sum(c.kind == "product" for c in cat) == 32
        assert {c.group for c in cat} == {1, 2}


def test_lettered_item_whose_letter_ocr_garbled_is_kept_and_marked_filled():
    from models import Block, Document, Provenance
    from tables.lists import lettered_lists

    def block(i, text):
        return Block(id=f"b{i}", text=text, order=i, provenance=Provenance(source="ocr", page=1))
    texts = ["1. Tên sản phẩm công nghệ chiến lược:", "a) Mô hình ngôn ngữ lớn;", "b) Camera AI xử lý tại biên;",
             "c) Robot di động tự hành;", "Ð Thiết bị bay không người lái (UAV).",
             "2. Cơ quan chủ trì quản lý chương trình: Bộ Khoa học và Công nghệ."]
    doc = Document(media_type="image/tiff", source_kind="ocr", blocks=[block(i, t) for i, t in enumerate(texts)])
    [table] = lettered_lists(doc)
    assert [r.cells[1] for r in table.rows] == ["Mô hình ngôn ngữ lớn", "Camera AI xử lý tại biên",
                                               "Robot di động tự hành", "Thiết bị bay không người lái (UAV)"]
    assert table.rows[-1].filled == [0] and table.rows[0].filled == []
    # the same garbled line in a text layer is not taken for an item
    doc.blocks = [b.model_copy(update={"provenance": Provenance(source="pdf-text", page=1)}) for b in doc.blocks]
    assert len(lettered_lists(doc)[0].rows) == 3


def test_group_line_whose_roman_numeral_ocr_garbled():
    from models import Block, Document, Provenance
    from records.assemble import _group_number
    from tables.lists import numbered_lists

    def block(i, text):
        return Block(id=f"b{i}", text=text, order=i, provenance=Provenance(source="ocr", page=1))
    texts = ["DANH MỤC CÔNG NGHỆ CHIẾN LƯỢC", "_ . Nhóm 1: Nhóm các công nghệ đã có thị trường",
             "1. Trí tuệ nhân tạo và bản sao số.", "2. Công nghệ mạng di động thế hệ sau.",
             "3. Công nghệ robot tiên tiến và tự động hóa."]
    doc = Document(media_type="application/pdf", source_kind="ocr", blocks=[block(i, t) for i, t in enumerate(texts)])
    [table] = numbered_lists(doc, [])
    assert [r.kind for r in table.rows] == ["group", "data", "data", "data"]
    assert table.rows[1].group == "Nhóm 1: Nhóm các công nghệ đã có thị trường"
    assert _group_number(table.rows[1].group) == 1
