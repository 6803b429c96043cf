from ner.agencies import find_agencies
from ner.amounts import amount_in_cell, find_amounts
from ner.dates import find_dates
from normalize.money import parse_unit


def names(text, **kw):
    return [a.name for a in find_agencies(text, **kw)]


def test_agency_abbreviations_resolve_to_full_names():
    got = names("Bộ KH&CN, Bộ KH-CN, Bộ KHCN và BKHCN phối hợp với NHNN")
    assert got == ["Bộ Khoa học và Công nghệ"] * 4 + ["Ngân hàng Nhà nước Việt Nam"]


def test_agency_tone_placement_and_case_variants():
    assert names("Uỷ ban nhân dân tỉnh Thanh Hoá") == ["Ủy ban nhân dân tỉnh Thanh Hóa"]
    assert names("Viện Hàn Lâm Khoa học và Công nghệ") == ["Viện Hàn lâm Khoa học và Công nghệ Việt Nam"]


def test_longest_match_wins():
    assert names("Văn phòng Chính phủ và Thủ tướng Chính phủ") == ["Văn phòng Chính phủ", "Thủ tướng Chính phủ"]


def test_bare_province_only_as_actor():
    assert names("nhiều địa phương như Hải Phòng, Bắc Ninh") == [
        "Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Bắc Ninh"]
    assert names("chè Thái Nguyên nổi tiếng") == []
    assert names("Điện Biên", agency_column=True) == ["Ủy ban nhân dân tỉnh Điện Biên"]


def test_generic_phrases_are_not_agencies():
    assert names("các bộ, ngành, địa phương và doanh nghiệp Viettel, FPT") == []


def test_masked_reference_symbols_do_not_become_agencies():
    text = "Quyết định 1131/QĐ-TTg"
    assert names(text, masked=[(13, 23)]) == []


def test_amounts_in_running_text():
    text = ("tổng kinh phí dự kiến khoảng 1.436.130 triệu đồng, trong đó 12,25 nghìn tỉ đồng; "
            "thu hút 1 tỷ USD; từ 5 đến 10 tỷ đồng; 200 triệu bột/năm; 37% kinh phí")
    got = [(a.value, a.low, a.high, a.currency) for a in find_amounts(text)]
    assert got == [(1_436_130_000_000, None, None, "VND"), (12_250_000_000_000, None, None, "VND"),
                   (1_000_000_000, None, None, "USD"), (None, 5_000_000_000, 10_000_000_000, "VND")]


def test_amount_range_with_units_on_both_ends():
    got = find_amounts("từ 500 triệu đồng đến 2 tỷ đồng")
    assert [(a.low, a.high) for a in got] == [(500_000_000, 2_000_000_000)]


def test_amount_in_budget_cell_takes_header_unit():
    unit = parse_unit("triệu đồng")
    assert amount_in_cell("169.000", unit).value == 169_000_000_000
    cell = amount_in_cell("5.000 - 10.000", unit)
    assert (cell.low, cell.high) == (5_000_000_000, 10_000_000_000)
    assert amount_in_cell("-", unit) is None


def test_dates_in_text_and_year_from_sentence():
    text = "Ngày 18/3/2026, họp; Thông báo ngày 20/3 năm 2026 nêu rõ. Hạn ngày 06/3 chưa rõ năm."
    got = [(d.value, d.precision) for d in find_dates(text)]
    assert ("2026-03-18", "day") in got
    assert ("2026-03-20", "day") in got
    assert all(v != "2026-03-06" for v, _ in got)


def test_blank_template_date_is_not_a_day():
    got = [(d.value, d.precision) for d in find_dates("Hà Nội, ngày tháng năm 2026")]
    assert got == [("2026", "year")]
