"""Durations in months: '24', '48 - 60', '12 tháng', '2 năm', '18-24 tháng'."""
from __future__ import annotations

import re

from normalize.ranges import parse_number_or_range
from normalize.text import match_key


def parse_duration_months(text: str, default_unit: str = "tháng") -> tuple[int, int] | None:
    s = match_key(text)
    unit = default_unit
    m = re.search(r"\s*(tháng|năm)\s*$", s)
    if m:
        unit = m.group(1)
        s = s[: m.start()]
    rng = parse_number_or_range(s)
    if rng is None:
        return None
    factor = 12 if unit == "năm" else 1
    low, high = (int(x * factor) for x in rng)
    if low <= 0 or high > 600:
        return None
    return low, high
