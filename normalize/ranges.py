"""Numeric ranges: '5.000 - 10.000', '1.000 – 1.500', '48 - 60', 'từ 5 đến 10'."""
from __future__ import annotations

import re
from decimal import Decimal

from normalize.numbers import NUMBER_PATTERN, NumberFormatError, parse_vn_number
from normalize.text import normalize_dashes

RANGE_RE = re.compile(
    rf"^\s*(?:từ\s+)?(?P<low>{NUMBER_PATTERN})\s*(?:-|đến|tới|~|÷)\s*(?P<high>{NUMBER_PATTERN})\s*$",
    re.IGNORECASE,
)


# A whole cell whose thousands are set apart by spaces ('12 000 000', as spreadsheets and typists
# write them). Only a whole cell: in running text two numbers may stand side by side.
_SPACE_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?")


def parse_number_or_range(text: str, commas_group: bool = False) -> tuple[Decimal, Decimal] | None:
    """A single number gives (n, n); a range gives (low, high). None for anything else.
    `commas_group`: the table groups thousands with commas (normalize.numbers.groups_with_commas)."""
    # Specks before or after a number in a scanned cell read as punctuation (".120.000");
    # Vietnamese never writes a number starting with a mark, so they go.
    s = normalize_dashes(text or "").strip().strip(".,;:'`‘’")
    m = RANGE_RE.match(s)
    try:
        if m:
            low, high = parse_vn_number(m.group("low"), commas_group), parse_vn_number(m.group("high"), commas_group)
            return (low, high) if low <= high else None
        if re.fullmatch(NUMBER_PATTERN, s) or _SPACE_GROUPED.fullmatch(s):
            n = parse_vn_number(s, commas_group)
            return n, n
    except NumberFormatError:
        return None
    return None
