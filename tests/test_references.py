import pytest

from ner.references import find_references, issue_date_after, stated_doc_type


def keys(text):
    return [r.key for r in find_references(text)]


@pytest.mark.parametrize("text,expected", [
    ("Quyết định số 1131/QĐ-TTg ngày 12/6/2025", ["1131/QĐ-TTg"]),
    ("Quyết định số 21/2026/QĐ-TTg", ["21/2026/QĐ-TTg"]),
    ("Nghị quyết số 57-NQ/TW của Bộ Chính trị", ["57-NQ/TW"]),
    ("Luật số 245/2025/QH15", ["245/2025/QH15"]),
    ("Công văn 2631/BQP-KHQS", ["2631/BQP-KHQS"]),
    ("Chương trình 02-CTr/BCĐTW", ["02-CTr/BCĐTW"]),
    ("Thông báo số 03-TB/BCĐTW", ["03-TB/BCĐTW"]),
    ("Văn bản số 1388/SKHCN-QLCN&ĐMST", ["1388/SKHCN-QLCN&ĐMST"]),
    ("Kế hoạch số 107, 109, 110, 111/KH-UBND", ["107/KH-UBND", "109/KH-UBND", "110/KH-UBND", "111/KH-UBND"]),
    ("Nghị định số 264, 265, 267 & 268/2025/NĐ-CP", ["264/2025/NĐ-CP", "265/2025/NĐ-CP", "267/2025/NĐ-CP", "268/2025/NĐ-CP"]),
    # stray spaces and a line break inside the number
    ("Quyết định số 1131 / QĐ - TTg", ["1131/QĐ-TTg"]),
    ("2631/BQP-\nKHQS ngày 22/04/2026", ["2631/BQP-KHQS"]),
    ("theo 1131/QĐ‐TTg.", ["1131/QĐ-TTg"]),  # Unicode hyphen
])
def test_reference_forms(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize("text", [
    "đạt 06/35 chỉ tiêu", "34/34 tỉnh", "ngày 12/6/2025", "mạng 5G/5G-Adv", "tỷ lệ 1/2", "24/7",
    "Số: /2026/QĐ-TTg",
])
def test_not_references(text):
    assert keys(text) == []


def test_doc_type_and_date_next_to_number():
    text = "Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15; Quyết định số 1131/QĐ-TTg ngày 12 tháng 6 năm 2025"
    refs = find_references(text)
    assert stated_doc_type(text, refs[0].start, 0) == "Luật"
    assert stated_doc_type(text, refs[1].start, refs[0].end) == "Quyết định"
    assert issue_date_after(text, refs[1].end) == "2025-06-12"
    assert issue_date_after(text, refs[0].end) is None


def test_type_name_across_a_semicolon_is_not_taken():
    text = "Quyết định số 12/QĐ-BYT; văn bản 44/BYT-KHTC"
    refs = find_references(text)
    assert stated_doc_type(text, refs[1].start, refs[0].end) is None


@pytest.mark.parametrize("text, key, repair", [
    ("Căn cứ Luật Xây dựng số 50/2014/QH15 được sửa đổi, bổ sung một số điều theo Luật số 62/2020/QH14;",
     "50/2014/QH13", "QH15→QH13"),
    ("Luật số 62/2020/QH14 ngày 17 tháng 6 năm 2020", "62/2020/QH14", None),
    ("1.Luật khám bệnh, chữa bệnh số 15/2023/QH5 ngày 09 tháng 01 năm 2023 của Quốc hội.", "15/2023/QH15", "QH5→QH15"),
])
def test_a_legislature_that_did_not_sit_in_the_keys_year_is_a_slip(text, key, repair):
    """Pool p: the National Assembly that passed a law is the one sitting in its year (the 13th in
    2014, the 15th in 2023); a key written with another is repaired, and says so."""
    first = find_references(text)[0]
    assert (first.key, first.repairs) == (key, (repair,) if repair else ())
