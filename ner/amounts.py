"""Money amounts in text ('1.436.130 triệu đồng', '12,25 nghìn tỉ đồng', '1 tỷ USD',
'từ 5 đến 10 tỷ đồng') and in cells of a column whose header declares the unit."""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalize.money import CURRENCY_PATTERN, SCALE_PATTERN, MoneyUnit, parse_unit, to_base_units
from normalize.numbers import NUMBER_PATTERN, NumberFormatError, parse_vn_number
from normalize.ranges import parse_number_or_range
from normalize.text import normalize_dashes

_UNIT = rf"(?:{SCALE_PATTERN}\s*)?{CURRENCY_PATTERN}"
AMOUNT_RE = re.compile(
    rf"(?<![\d.,/])(?:(?P<from>từ)\s+)?(?P<n1>{NUMBER_PATTERN})"
    rf"(?:\s*(?P<u1>{_UNIT}))?"
    rf"(?:\s*(?:-|đến|tới)\s*(?:dưới\s+)?(?P<n2>{NUMBER_PATTERN}))?"
    rf"\s*(?P<unit>{_UNIT})(?![\wà-ỹ])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundAmount:
    value: int | None
    low: int | None
    high: int | None
    currency: str
    unit: str
    start: int
    end: int
    text: str


def _make(low: int, high: int, unit: MoneyUnit, start: int, end: int, text: str) -> FoundAmount:
    if low == high:
        return FoundAmount(low, None, None, unit.currency, unit.name, start, end, text)
    return FoundAmount(None, low, high, unit.currency, unit.name, start, end, text)


def find_amounts(text: str, masked: list[tuple[int, int]] = ()) -> list[FoundAmount]:
    text = normalize_dashes(text)
    out: list[FoundAmount] = []
    for m in AMOUNT_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in masked):
            continue
        unit = parse_unit(m.group("unit"))
        if unit is None:
            continue
        try:
            n1 = parse_vn_number(m.group("n1"))
            n2 = parse_vn_number(m.group("n2")) if m.group("n2") else None
        except NumberFormatError:
            continue
        u1 = parse_unit(m.group("u1")) if m.group("u1") else None
        if m.group("u1") and n2 is None:
            continue  # "5 tỷ đồng 10 tỷ đồng": two amounts, the regex will see the second
        low = to_base_units(n1, u1 or unit)
        high = to_base_units(n2, unit) if n2 is not None else low
        if high < low:
            continue
        out.append(_make(low, high, unit, m.start(), m.end(), m.group(0)))
    return out


def amount_in_cell(text: str, unit: MoneyUnit) -> FoundAmount | None:
    """A cell of a money column: '169.000', '5.000 - 10.000', '1.000 – 1.500'."""
    rng = parse_number_or_range(text)
    if rng is None:
        return None
    low, high = (to_base_units(x, unit) for x in rng)
    s = text.strip()
    start = text.index(s) if s else 0
    return _make(low, high, unit, start, start + len(s), s)
