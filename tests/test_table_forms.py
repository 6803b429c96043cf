"""The ways Vietnamese money and task tables are commonly written, tried before a first-sight batch
was read (issue 17): each form is one a typist or a spreadsheet produces everywhere, not one
document's. Each test failed on the code before its rule."""
from __future__ import annotations

from models import Block, Document, Provenance
from pipeline import run_stages
from tests.test_tables_records import _table


def _lines(rows, *lines_above: str, spans=()):
    """(kind, budget lines as (item, amount, period)) of a document whose table stands under these lines."""
    blocks = [Block(id=f"b{i}", order=i, text=t, provenance=Provenance(source="docx")) for i, t in enumerate(lines_above)]
    table = _table(rows, spans).model_copy(update={"order": len(blocks)})
    typed, _, records, _ = run_stages(Document(media_type="x", source_kind="docx", blocks=blocks, tables=[table]))
    return typed[0].kind, [(b.item, b.amount.value if b.amount else None, b.period) for b in records.budget]


def test_a_unit_typed_inside_the_tables_frame_is_its_unit_not_a_header():
    """'Đơn vị tính: triệu đồng' as the table's first row, one cell across: every column read as a
    unit of measure, and the table gave nothing."""
    kind, lines = _lines([["Đơn vị tính: triệu đồng"], ["STT", "Nội dung", "Kinh phí"], ["1", "Tập huấn", "120"],
                          ["2", "Tuyên truyền", "35"]], "DỰ TOÁN KINH PHÍ", spans=[(0, 0, 1, 3)])
    assert (kind, lines) == ("budget", [("Tập huấn", 120_000_000, None), ("Tuyên truyền", 35_000_000, None)])


def test_millions_written_short():
    """'tr.đ', 'Tr.đồng', 'trđ': the column's unit was unknown, and the table gave no line."""
    for header in ("Số tiền (tr.đ)", "Kinh phí (Tr.đồng)", "Kinh phí (trđ)"):
        kind, lines = _lines([["STT", "Nội dung", header], ["1", "Tập huấn", "120"]], "KINH PHÍ")
        assert lines == [("Tập huấn", 120_000_000, None)], header


def test_thousands_set_apart_by_spaces_in_a_cell():
    kind, lines = _lines([["STT", "Nội dung", "Kinh phí (đồng)"], ["1", "Tập huấn", "12 000 000"],
                          ["2", "Tuyên truyền", "3\u00a0500\u00a0000"]], "DỰ TOÁN KINH PHÍ")
    assert lines == [("Tập huấn", 12_000_000, None), ("Tuyên truyền", 3_500_000, None)]


def test_a_group_letter_without_its_stop_heads_a_group():
    """'A | CHI THƯỜNG XUYÊN | 300' was taken for a second header row, 'B | CHI ĐẦU TƯ | 500' for
    a line; a row of column letters ('A | B | 1 | 2') under the header stays part of it."""
    kind, lines = _lines([["STT", "Nội dung", "Dự toán (triệu đồng)"], ["A", "CHI THƯỜNG XUYÊN", "300"],
                          ["1", "Chi lương", "200"], ["2", "Chi hoạt động", "100"], ["B", "CHI ĐẦU TƯ", "500"],
                          ["1", "Xây dựng trụ sở", "500"], ["", "Tổng cộng", "800"]], "DỰ TOÁN CHI NGÂN SÁCH")
    assert [item for item, _, _ in lines] == ["Chi lương", "Chi hoạt động", "Xây dựng trụ sở"]
    kind, lines = _lines([["STT", "Nội dung", "Kinh phí"], ["A", "B", "1"], ["1", "Tập huấn", "120"]],
                         "DỰ TOÁN KINH PHÍ", "Đơn vị tính: triệu đồng")
    assert lines == [("Tập huấn", 120_000_000, None)]


def test_a_figure_of_zero_is_no_money_spent():
    """'0' under one year of several (or in the only money column) gave a line of 0 đồng; no gold
    line of the pools has one (0 of 1,271)."""
    kind, lines = _lines([["STT", "Đơn vị", "Năm 2026", "Năm 2027"], ["1", "Xã An Bình", "200", "250"],
                          ["2", "Xã Tân Phú", "180", "0"]], "PHÂN BỔ KINH PHÍ CHO CÁC ĐỊA PHƯƠNG",
                         "ĐVT: triệu đồng")
    assert [(item, period) for item, _, period in lines] == [("Xã An Bình", "2026"), ("Xã An Bình", "2027"),
                                                             ("Xã Tân Phú", "2026")]
    kind, lines = _lines([["STT", "Nội dung", "Kinh phí (triệu đồng)"], ["1", "Tập huấn", "120"], ["2", "Hội thảo", "0"]],
                         "DỰ TOÁN KINH PHÍ")
    assert lines == [("Tập huấn", 120_000_000, None)]


def test_the_kinds_of_spending_name_the_rows():
    """'Các khoản chi' over what is paid for: no column was taken to name the rows."""
    kind, lines = _lines([["STT", "Các khoản chi", "Số tiền"], ["1", "Chi thuê hội trường", "5.000.000"]],
                         "CHI TIẾT CÁC KHOẢN CHI", "Đơn vị tính: đồng")
    assert lines == [("Chi thuê hội trường", 5_000_000, None)]


def test_a_newspaper_named_after_its_province_is_not_the_provinces_peoples_committee():
    """'Báo Quảng Nam' in a column of bodies in charge was read as the province's People's
    Committee (a bare province name there is one)."""
    head = ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "Số: 12/KH-UBND", "KẾ HOẠCH"]
    blocks = [Block(id=f"b{i}", order=i, text=t, provenance=Provenance(source="docx")) for i, t in enumerate(head)]
    table = _table([["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"], ["1", "Tuyên truyền trên báo", "Báo Quảng Nam",
                                                                        "Thường xuyên"],
                    ["2", "Tổng hợp kết quả", "Quảng Nam", "Tháng 12/2024"]]).model_copy(update={"order": 3})
    _, _, records, _ = run_stages(Document(media_type="x", source_kind="docx", blocks=blocks, tables=[table]))
    leads = [t.lead_agencies for t in records.tasks]
    assert "Ủy ban nhân dân tỉnh Quảng Nam" not in leads[0]
    assert leads[1] == ["Ủy ban nhân dân tỉnh Quảng Nam"]


def test_rates_paid_per_head_with_no_unit_stated_are_read_as_dong_and_said_uncertain():
    """'Trợ cấp | Phụ cấp' over '2.055.000', with no unit anywhere: the figures were taken for
    cells carrying their own unit (a pattern that matched any figure), and every line came out
    without money; now they are đồng, and the table says it is uncertain so the lines go to review."""
    from tables.typed import type_table
    rows = [["STT", "Đối tượng", "Trợ cấp", "Phụ cấp"], ["1", "Thương binh loại A", "2.055.000", "1.200.000"],
            ["2", "Bệnh binh", "1.500.000", ""]]
    kind, lines = _lines(rows, "PHỤ LỤC I")
    assert lines == [("Thương binh loại A", 2_055_000, None), ("Thương binh loại A", 1_200_000, None),
                     ("Bệnh binh", 1_500_000, None)]
    typed = type_table(_table(rows), "PHỤ LỤC I")
    assert typed.kind_confidence < 1 and "no unit is stated" in typed.kind_reason
    # figures under a header that pays no one (a count of people) are no money
    kind, lines = _lines([["STT", "Đơn vị", "Số người"], ["1", "Xã An Bình", "12.500"]], "PHỤ LỤC")
    assert lines == []


def test_counts_of_people_helped_are_no_money_and_a_one_column_table_keeps_its_header():
    kind, lines = _lines([["STT", "Đối tượng", "Số hộ được hỗ trợ"], ["1", "Hộ nghèo", "12.500"],
                          ["2", "Hộ cận nghèo", "10.300"]], "PHỤ LỤC")
    assert lines == []
    from tables.typed import type_table
    typed = type_table(_table([["Kinh phí (triệu đồng)"], ["120"], ["35"]]), "DỰ TOÁN")
    assert typed.columns[0].name == "Kinh phí (triệu đồng)"
    from normalize.money import parse_unit
    assert parse_unit("trđ") is not None
    from ner.amounts import find_amounts
    assert [a.value for a in find_amounts("hỗ trợ 5trđ mỗi hộ")] == [5_000_000]


def test_a_blank_report_form_gives_no_budget_lines():
    """The State Bank's daily report form (pool r): 'Chỉ tiêu | Khối lượng (lượng vàng) | Giá trị
    (triệu VNĐ)' over rows whose value cells hold '…' or nothing: 18 lines without money, all false."""
    kind, lines = _lines([["", "Chỉ tiêu", "Khối lượng (lượng vàng)", "Giá trị (triệu VNĐ)"], ["(1)", "(2)", "(3)", "(4)"],
                          ["I", "Trạng thái vàng", "", ""],
                          ["II.1", "Vàng miếng (chi tiết theo từng thương hiệu)", "…", "…"],
                          ["II.2", "Vàng nguyên liệu (từ hàm lượng 99,5% trở lên)", "", "…"]], "PHỤ LỤC")
    assert (kind, lines) == ("budget", [])
    # a line whose money cell says something unread ('Theo thực tế') is kept for a person to read
    kind, lines = _lines([["STT", "Nội dung", "Kinh phí (triệu đồng)"], ["1", "Thuê hội trường", "Theo thực tế"]],
                         "DỰ TOÁN KINH PHÍ")
    assert [item for item, _, _ in lines] == ["Thuê hội trường"]
