"""Vietnamese dates to ISO strings with a precision.

'ngày 18 tháng 02 năm 2025' -> 2025-02-18 (day); '12/6/2025' -> 2025-06-12 (day);
'tháng 4/2026' -> 2026-04 (month); 'quý II/2026' -> 2026-Q2 (quarter); 'năm 2026' -> 2026 (year).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from normalize.numbers import roman_to_int

YEAR = r"(?:19|20)\d{2}"


class ParsedDate(NamedTuple):
    value: str
    precision: str  # day | month | quarter | year


def make_day(year: int, month: int, day: int) -> ParsedDate | None:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return ParsedDate(d.isoformat(), "day")


def make_month(year: int, month: int) -> ParsedDate | None:
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    return ParsedDate(f"{year:04d}-{month:02d}", "month")


def make_quarter(year: int, quarter: int) -> ParsedDate | None:
    if not 1 <= quarter <= 4:
        return None
    return ParsedDate(f"{year:04d}-Q{quarter}", "quarter")


# Separators in numeric dates; OCR and typing put spaces around them.
_SEP = r"\s?[/.\-]\s?"
DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 'ngày 18 tháng 02 năm 2025'; also without 'ngày' ('Tổng khởi nghĩa 19 tháng 8 năm 1945'), and with
    # 'tháng' typed again for 'năm' before the year, which no month can be ('ngày 15 tháng 9 tháng 2022',
    # a minister's circular citing a decision, pool zzc)
    ("dmy_words", re.compile(
        rf"(?P<day_word>ngày\s+)?(?<![\d/.,])(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})\s+(?:năm|(?(day_word)tháng|(?!)))"
        rf"\s+(?P<y>{YEAR})", re.I)),
    # (also the second date of a range written with a bare hyphen: '15/09/2025-28/12/2025', pool zz)
    ("dmy_num", re.compile(
        rf"(?:(?<![\d/.\-])|(?<=[/.]\d{{4}}[-–]))(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>{YEAR})(?![\d/])")),
    ("my_words", re.compile(rf"tháng\s+(?P<m>\d{{1,2}})\s+năm\s+(?P<y>{YEAR})", re.I)),
    ("my_num", re.compile(rf"tháng\s+(?P<m>\d{{1,2}})\s?[/\-]\s?(?P<y>{YEAR})(?![\d/])", re.I)),
    ("quarter", re.compile(
        rf"quý\s+(?P<q>IV|I{{1,3}}|[1-4])\s*(?:[/\-]\s?|\s+năm\s+)(?P<y>{YEAR})", re.I)),
    ("year", re.compile(rf"năm\s+(?P<y>{YEAR})(?![\d/\-])", re.I)),
    # "ngày 06/3" without a year: the caller resolves the year from context or drops it.
    ("dm_num", re.compile(r"ngày\s+(?P<d>\d{1,2})\s?[/\-.]\s?(?P<m>\d{1,2})(?![\d/.\-]|\s?[/\-.]\s?\d)", re.I)),
    ("dm_words", re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?!\s+năm)", re.I)),
]


def from_match(kind: str, m: re.Match[str], year_hint: int | None = None) -> ParsedDate | None:
    g = m.groupdict()
    if kind in ("dmy_words", "dmy_num"):
        return make_day(int(g["y"]), int(g["m"]), int(g["d"]))
    if kind in ("my_words", "my_num"):
        return make_month(int(g["y"]), int(g["m"]))
    if kind == "quarter":
        q = g["q"]
        return make_quarter(int(g["y"]), int(q) if q.isdigit() else roman_to_int(q) or 0)
    if kind == "year":
        return ParsedDate(g["y"], "year")
    if kind in ("dm_num", "dm_words") and year_hint:
        return make_day(year_hint, int(g["m"]), int(g["d"]))
    return None


def parse_date(text: str) -> ParsedDate | None:
    """Parse a string that is one date and nothing else ('12/6/2025', 'tháng 4/2026')."""
    s = (text or "").strip().rstrip(".;,")
    s = re.sub(r"^ngày\s+(?=\d{1,2}\s?[/.\-])", "", s, flags=re.IGNORECASE)
    for kind, rx in DATE_PATTERNS:
        m = rx.fullmatch(s)
        if m:
            return from_match(kind, m)
    return None
