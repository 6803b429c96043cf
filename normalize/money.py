"""Money units to integer base units (đồng for VND, dollars for USD)."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from normalize.numbers import NUMBER_PATTERN, parse_vn_number
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.text import match_key


class MoneyUnit(NamedTuple):
    multiplier: int
    currency: str  # "VND" | "USD"
    name: str      # normalized unit as written in Vietnamese, e.g. "triệu đồng"


_SCALES = {"": 1, "nghìn": 10**3, "ngàn": 10**3, "ngan": 10**3, "triệu": 10**6, "tr": 10**6, "tr.": 10**6, "tỷ": 10**9,
           "tỉ": 10**9, "nghìn tỷ": 10**12, "ngàn tỷ": 10**12, "nghìn tỉ": 10**12,
           "ngàn tỉ": 10**12, "triệu tỷ": 10**15, "triệu tỉ": 10**15}
_CANON_SCALE = {"ngàn": "nghìn", "ngan": "nghìn", "tr": "triệu", "tr.": "triệu", "tỉ": "tỷ", "ngàn tỷ": "nghìn tỷ",
                "nghìn tỉ": "nghìn tỷ", "ngàn tỉ": "nghìn tỷ", "triệu tỉ": "triệu tỷ"}

# Scale words, longest first so "nghìn tỷ" wins over "nghìn".
# 'tr.đ', 'Tr.đồng', 'trđ': triệu, written short, only right before the currency.
SCALE_PATTERN = r"(?:(?:nghìn|ngàn|triệu)\s+t[ỷỉ]|nghìn|ngàn|triệu|t[ỷỉ]|(?<![^\W\d_])tr\.?(?=\s?đ))"
# Currency words. "đ" alone is common in tables ("169.000 triệu đ").
CURRENCY_PATTERN = r"(?:đồng|đ(?![\wà-ỹ])|VNĐ|VND|vnđ|USD|US\$|đô\s+la(?:\s+Mỹ)?|đô-la(?:\s+Mỹ)?)"
UNIT_RE = re.compile(rf"(?P<scale>{SCALE_PATTERN})?\s*(?P<cur>{CURRENCY_PATTERN})", re.IGNORECASE)


def _currency(word: str) -> str:
    w = word.lower()
    return "USD" if w.startswith(("usd", "us$", "đô")) else "VND"


# A unit in tables of rates is a number of đồng: 'Đơn vị tính: 1.000 đồng/học sinh/tháng'.
_NUMERIC_SCALE = r"1(?:[.,]000)+|1000+"
_SCALE_NAMES = {1: "đồng", 10**3: "nghìn đồng", 10**6: "triệu đồng", 10**9: "tỷ đồng", 10**12: "nghìn tỷ đồng"}


def parse_unit(text: str) -> MoneyUnit | None:
    """'triệu đồng' -> (10**6, VND), 'tỉ đồng' -> (10**9, VND), 'triệu USD' -> (10**6, USD),
    '1.000 đồng' -> (10**3, VND, 'nghìn đồng')."""
    key = match_key(text)
    numeric = re.fullmatch(rf"({_NUMERIC_SCALE})\s*(?P<cur>{CURRENCY_PATTERN})", key, re.IGNORECASE)
    if numeric:
        multiplier = int(re.sub(r"\D", "", numeric.group(1)))
        cur = _currency(numeric.group("cur"))
        return MoneyUnit(multiplier, cur, _SCALE_NAMES.get(multiplier, f"{multiplier} đồng") if cur == "VND"
                         else f"{multiplier} USD")
    m = UNIT_RE.fullmatch(key)
    if not m:
        return None
    scale = re.sub(r"\s+", " ", (m.group("scale") or "").lower())
    cur = _currency(m.group("cur"))
    canon_scale = _CANON_SCALE.get(scale, scale)
    name = f"{canon_scale} {'đồng' if cur == 'VND' else 'USD'}".strip()
    return MoneyUnit(_SCALES[scale], cur, name)


_UNIT_IN_HEADER = rf"(?:{_NUMERIC_SCALE}|{SCALE_PATTERN})?\s*{CURRENCY_PATTERN}"
# '(triệu đồng)', '(Đơn vị tính: tỷ đồng)', 'Đơn vị tính: triệu đồng', 'Đơn vị: Triệu đồng', 'ĐVT: triệu
# đồng', 'Đơn vị tính: 1.000 đồng/trẻ/tháng' (a rate: the amounts are still đồng).
_HEADER_UNIT_RE = re.compile(rf"\(\s*(?:(?:đơn vị\s*(?:tính)?|đvt)\s*:?\s*)?({_UNIT_IN_HEADER})\s*(?:/[^)]*)?\)"
                             rf"|(?:đơn vị\s*(?:tính)?|đvt)\s*:\s*({_UNIT_IN_HEADER})(?![\wà-ỹ])",
                             re.IGNORECASE)
# A header level that is a unit alone, under the column's name ('VNĐ/kWh', 'Triệu đồng', 'đồng/hồ sơ').
_UNIT_ALONE_RE = re.compile(rf"\s*({_UNIT_IN_HEADER})\s*(?:/[^/\d]+)*", re.IGNORECASE)


def unit_from_header(header: str) -> MoneyUnit | None:
    """The money unit a table column or table declares: 'Dự kiến kinh phí (triệu đồng)',
    'Kinh phí (tỷ đồng)', 'Đơn vị tính: triệu đồng', 'ĐVT: triệu đồng', 'Đơn vị tính: 1.000 đồng'.
    A scanned header that lost its marks ('DVT: trieu dong') is read too."""
    m = _HEADER_UNIT_RE.search(match_key(header))
    if m:
        return parse_unit(m.group(1) or m.group(2))
    for level in header.split(" / ")[1:]:
        alone = _UNIT_ALONE_RE.fullmatch(match_key(level))
        if alone:   # a header row of units under the columns' names ('Giá điện / VNĐ/kWh', 'Kinh phí / Triệu đồng')
            return parse_unit(alone.group(1))
    m = _PLAIN_HEADER_UNIT_RE.search(strip_diacritics_same_length(match_key(header)))
    if m:
        scale = re.sub(r"\s+", " ", (m.group("scale") or "").lower())
        numeric = re.fullmatch(_NUMERIC_SCALE, scale)
        multiplier = int(re.sub(r"\D", "", scale)) if numeric else _PLAIN_SCALES.get(scale)
        cur = "USD" if m.group("cur").lower().startswith("usd") else "VND"
        if multiplier:
            return MoneyUnit(multiplier, cur, _SCALE_NAMES.get(multiplier, f"{multiplier} đồng") if cur == "VND"
                             else f"{multiplier} USD")
    return None


_PLAIN_SCALES = {strip_diacritics_same_length(k): v for k, v in _SCALES.items()}
_PLAIN_UNIT = (r"(?P<scale>1(?:[.,]000)+|1000+|(?:nghin|ngan|trieu)\s+t[yi]|nghin|ngan|trieu|t[yi])?\s*"
               r"(?P<cur>dong|vnd|usd)(?![a-z])")
_PLAIN_HEADER_UNIT_RE = re.compile(rf"(?:\(\s*(?:(?:don vi\s*(?:tinh)?|dvt)\s*:?\s*)?|(?:don vi\s*(?:tinh)?|dvt)\s*:\s*)"
                                   rf"{_PLAIN_UNIT}", re.IGNORECASE)


def unit_of_measure(cell: str) -> MoneyUnit | None:
    """The money unit a unit-of-measure cell names ('Đồng/học sinh/ngày', '1.000 đồng/trẻ/tháng',
    'Triệu đồng/hộ'); None for another measure ('Kg/người/tháng')."""
    return parse_unit(cell.split("/", 1)[0].strip())


def to_base_units(number: Decimal, unit: MoneyUnit) -> int:
    return int((number * unit.multiplier).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def in_whole_base_units(number: Decimal, unit: MoneyUnit) -> bool:
    """Whether the figure is a whole number of đồng: '1.382,7' đồng/kWh is a price below the đồng,
    which amounts (integers of the base unit, GOLD_FORMAT) cannot hold without rounding it."""
    return (number * unit.multiplier) % 1 == 0


def parse_money(text: str) -> tuple[int, MoneyUnit] | None:
    """'1.436.130 triệu đồng' -> (1436130000000, unit). None when the text is not one amount."""
    m = re.fullmatch(rf"\s*({NUMBER_PATTERN})\s*(.+?)\s*", text or "")
    if not m:
        return None
    unit = parse_unit(m.group(2))
    if unit is None:
        return None
    return to_base_units(parse_vn_number(m.group(1)), unit), unit
