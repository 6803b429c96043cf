import os
from decimal import Decimal

import pytest

from normalize.dates import parse_date
from normalize.durations import parse_duration_months
from normalize.money import parse_money, parse_unit, unit_from_header
from normalize.numbers import NumberFormatError, parse_vn_number
from normalize.ranges import parse_number_or_range
from normalize.text import fold_tone_placement, match_key, nfc


@pytest.mark.parametrize("text,value", [
    ("1.436.130", Decimal("1436130")), ("7.318.856,3", Decimal("7318856.3")), ("12,25", Decimal("12.25")),
    ("2441", Decimal("2441")), ("169.000", Decimal("169000")), ("1,436,130", Decimal("1436130")),
    ("12.5", Decimal("12.5")), ("1. 436.130", Decimal("1436130")),  # OCR stray space
])
def test_vietnamese_numbers(text, value):
    assert parse_vn_number(text) == value


@pytest.mark.parametrize("bad", ["1.43.130", "", "abc", "1.436.13,0.5"])
def test_malformed_numbers_are_rejected(bad):
    with pytest.raises(NumberFormatError):
        parse_vn_number(bad)


@pytest.mark.parametrize("text,value,currency", [
    ("1.436.130 triệu đồng", 1_436_130_000_000, "VND"),
    ("7.318.856,3 triệu đồng", 7_318_856_300_000, "VND"),
    ("12,25 nghìn tỉ đồng", 12_250_000_000_000, "VND"),
    ("33 tỷ đồng", 33_000_000_000, "VND"),
    ("33 tỉ đồng", 33_000_000_000, "VND"),
    ("500 nghìn đồng", 500_000, "VND"),
    ("2 triệu tỷ đồng", 2_000_000_000_000_000, "VND"),
    ("1 tỷ USD", 1_000_000_000, "USD"),
    ("72,1 tỷ USD", 72_100_000_000, "USD"),
    ("3,5 triệu USD", 3_500_000, "USD"),
    ("15.000 đồng", 15_000, "VND"),
    ("5 ngàn tỷ đồng", 5_000_000_000_000, "VND"),
])
def test_money_to_base_units(text, value, currency):
    got, unit = parse_money(text)
    assert (got, unit.currency) == (value, currency)


def test_unit_names_are_normalized():
    assert parse_unit("tỉ đồng").name == "tỷ đồng"
    assert parse_unit("Triệu  Đồng").multiplier == 10**6
    assert parse_unit("mét") is None


@pytest.mark.parametrize("header,mult", [
    ("Dự kiến kinh phí (triệu đồng)", 10**6), ("Kinh phí (tỷ đồng)", 10**9), ("Vốn (Tỉ đồng)", 10**9),
    ("Đơn vị tính: triệu đồng", 10**6), ("Tổng vốn (nghìn tỷ đồng)", 10**12),
])
def test_unit_from_header(header, mult):
    assert unit_from_header(header).multiplier == mult


def test_header_without_unit():
    assert unit_from_header("Thời gian thực hiện") is None


@pytest.mark.parametrize("text,rng", [
    ("5.000 - 10.000", (5000, 10000)), ("1.000 – 1.500", (1000, 1500)), ("48 - 60", (48, 60)),
    ("25.000-40.000", (25000, 40000)), ("169.000", (169000, 169000)), ("từ 5 đến 10", (5, 10)),
    (".120.000", (120000, 120000)), ("‘60", (60, 60)),  # OCR specks
])
def test_ranges(text, rng):
    assert tuple(int(x) for x in parse_number_or_range(text)) == rng


def test_inverted_range_is_not_a_range():
    assert parse_number_or_range("60 - 48") is None


@pytest.mark.parametrize("text,value,precision", [
    ("ngày 18 tháng 02 năm 2025", "2025-02-18", "day"),
    ("12/6/2025", "2025-06-12", "day"),
    ("ngày 06/3/2025", "2025-03-06", "day"),
    ("tháng 4/2026", "2026-04", "month"),
    ("tháng 04/2026", "2026-04", "month"),
    ("tháng 10 năm 2025", "2025-10", "month"),
    ("quý II/2026", "2026-Q2", "quarter"),
    ("quý 3 năm 2025", "2025-Q3", "quarter"),
    ("năm 2026", "2026", "year"),
    ("22 / 04 / 2026", "2026-04-22", "day"),
])
def test_dates(text, value, precision):
    assert parse_date(text) == (value, precision)


@pytest.mark.parametrize("bad", ["31/02/2025", "ngày 32 tháng 1 năm 2025", "tháng 13/2025", "06/35",
                                 "ngày tháng năm 2026x"])
def test_invalid_dates(bad):
    assert parse_date(bad) is None


@pytest.mark.parametrize("text,months", [
    ("24", (24, 24)), ("48 - 60", (48, 60)), ("12 tháng", (12, 12)), ("2 năm", (24, 24)),
    ("18-24 tháng", (18, 24)),
])
def test_durations(text, months):
    assert parse_duration_months(text) == months


def test_tone_placement_folding_keeps_length_and_qu():
    assert fold_tone_placement("Uỷ ban hoá") == "Ủy ban hóa"
    assert fold_tone_placement("Quỹ quý khoảng") == "Quỹ quý khoảng"
    s = "Ủy ban nhân dân tỉnh Thanh Hoá"
    assert len(fold_tone_placement(s)) == len(s)
    assert match_key("Uỷ ban") == match_key("ủy ban")


def test_nfc_boundary():
    decomposed = "Ho\u0300a"  # combining grave
    assert nfc(decomposed) == "Hòa"
    assert nfc("a\u200bb") == "ab"


@pytest.mark.parametrize("line,fixed", [
    ("sản pham công nghệ", "sản phẩm công nghệ"),                # a tone OCR dropped
    ("thời gian thưc hiện", "thời gian thực hiện"),              # no such syllable: any marks
    ("đổi mói sáng tạo", "đổi mới sáng tạo"),                    # ơ read as o
    ("co quan chủ trì", "cơ quan chủ trì"),
    ("nguồn nhân lục", "nguồn nhân lực"),
    # a line Tesseract read without most of its marks: tones are no longer trusted
    ("Tổ chức triển khai cac hoat dong phat trien tin chi carbon",
     "Tổ chức triển khai cac hoạt động phát triển tín chỉ carbon"),
    ("chương trình tu vấn", "chương trình tư vấn"),              # ư read as u
    # e06's scan: two neighbours lost every mark in a line that kept the others
    ("Cai tao, nang cap Trạm y tế xã Mỹ Hòa", "Cải tạo, nâng cấp Trạm y tế xã Mỹ Hòa"),
])
def test_vowel_marks_put_back_where_a_known_word_results(line, fixed):
    from normalize.vowel_marks import repair_marks
    assert " ".join(repair_marks(line.split())) == fixed


@pytest.mark.parametrize("line", [
    "Quyết định này có hiệu lực thi hành",      # 'có' stands alone: its tone is trusted
    "quốc gia có hạ tầng blockchain",           # 'gia cố' is a word, but 'gia' already belongs to 'quốc gia'
    "Tỉnh Lâm Đồng",                            # proper names stay as read
    "thành phố Nha Trang, tỉnh Khánh Hòa",      # unmarked, but a name: not 'nhà trang'
    "Phu lục I",                                # 'phu' is a syllable: a changed tone is not guessed
    "huy động chuyên gia trong và ngoài nước",
    "Bộ Công Thương: Chủ trì xúc tiến thương mại",
    "ký hiệu 1131/QĐ-TTg năm 2025",
    "Chip tương tự RF (PA, LNA, Pre-Amp, Circulator, Beamformer, Phase",   # English terms, few marks
])
def test_correct_text_is_left_alone(line):
    from normalize.vowel_marks import repair_marks
    assert repair_marks(line.split()) == line.split()


def test_file_name_keys_keep_every_byte_and_are_utf8():
    from normalize.file_names import display_name, key_bytes, name_key, raw_name
    for raw in (b"/in/\xff\xfebad.docx", b"/in/c\xf4ng v\xe3n.doc", "/in/công văn.docx".encode(), b"/in/a\\xffb"):
        key = name_key(os.fsdecode(raw))
        key.encode("utf-8")  # a database driver can always take it
        assert key_bytes(key) == raw and name_key(raw) == key
    assert name_key("/in/công văn.docx") == "/in/công văn.docx"  # keys of UTF-8 names did not change
    assert display_name(os.fsdecode(b"\xff\xfebad.docx")) == "\\xff\\xfebad.docx"
    assert raw_name(b"\xff\xfebad.docx") == "%FF%FEbad.docx" and raw_name("hợp lệ.docx") is None


def test_an_amount_is_typed_in_the_unit_the_document_wrote_it():
    """Issue 18: «1.436.130 triệu đồng» corrected by typing "1.436.120" stored 1.436.120 đồng (a
    million-fold slip); "1,5 tỷ" and "1.436.130 triệu đồng" were refused."""
    from normalize.typed_values import typed_amount
    assert typed_amount("1.436.120", "1.436.130 triệu đồng")[0] == 1_436_120_000_000
    assert typed_amount("1,5 tỷ", "1.436.130 triệu đồng")[0] == 1_500_000_000
    assert typed_amount("1.436.130 triệu đồng")[0] == 1_436_130_000_000
    assert typed_amount("200 triệu")[0] == 200_000_000
    assert typed_amount("12.000 USD")[:1] == (12_000,) and typed_amount("12.000 USD")[1].currency == "USD"
    assert typed_amount("4,05", "4,05 tỷ đồng")[0] == 4_050_000_000
    with pytest.raises(ValueError):
        typed_amount("một tỷ")


def test_a_typed_date_must_exist():
    from normalize.typed_values import typed_date
    assert typed_date("31/03/2026").value == "2026-03-31"
    assert typed_date("ngày 5 tháng 3 năm 2025").value == "2025-03-05"
    assert typed_date("quý II/2026") == ("2026-Q2", "quarter")
    for impossible in ("31/02/2013", "2013-02-31", "30/2/2024", "hôm qua"):
        with pytest.raises(ValueError):
            typed_date(impossible)


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    """An empty user cache (VANTHU_CACHE_DIR) and the tables built from it forgotten, before and after."""
    from models import settings
    from normalize import places, vowel_marks
    monkeypatch.setenv("VANTHU_CACHE_DIR", str(tmp_path))
    forget = (settings.cache_clear, places._place_tables.cache_clear, places.places.cache_clear,
              vowel_marks.lexicon.cache_clear)
    for f in forget:
        f()
    yield tmp_path
    for f in forget:
        f()


def test_the_places_tables_are_read_back_from_the_users_cache_and_only_from_the_users_own(user_cache):
    """The places index was rebuilt from the package's JSON in every process (~1.2 s of a small
    file's 2.7 s): now it is built once per version of its sources and read back; a cache file
    others may write is not unpickled."""
    import os

    from normalize import places
    from normalize.cache import read_own_pickle
    built = places._place_tables()
    [cache] = user_cache.glob("places-*.pickle")
    assert read_own_pickle(cache)[0] == built[0]
    os.chmod(cache, 0o666)   # writable by anyone: never read
    assert read_own_pickle(cache) is None
    places._place_tables.cache_clear()
    assert places._place_tables()[0] == built[0]   # rebuilt, and written anew
    assert read_own_pickle(cache) is not None


def test_the_lexicon_is_built_once_and_read_back_from_the_users_cache(user_cache):
    """Issue 20: Viet74K was parsed in every process (0.43 s of a 6-page PDF's 1.1 s); it is now
    built once per version of the word list and read back."""
    from normalize import vowel_marks
    built = vowel_marks.lexicon()
    assert list(user_cache.glob("lexicon-*.pickle"))
    vowel_marks.lexicon.cache_clear()
    again = vowel_marks.lexicon()
    assert again == built and "thành phố" in again[0] and vowel_marks.is_syllable("thành")
