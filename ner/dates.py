"""Dates in running text and cells, with precision. Besides single dates (normalize/dates.py):

- ranges of days, months and quarters give each end and the range itself: 'từ ngày 03-07/4/2025',
  'ngày 12 và 13/3/2026', 'từ ngày 08 đến ngày 09 tháng 11 năm 2025', 'từ tháng 3 đến tháng 5/2025',
  'quý I - II/2026' (the first end takes the month and year the second states);
- parts of a period carry a qualifier: 'đầu năm 2025' (early), 'cuối quý II/2026' (late), 'giữa
  tháng 6/2025' (mid), '6 tháng đầu năm 2025' (the first half);
- a day-month without a year takes the year stated in the same sentence, or is dropped."""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalize.dates import DATE_PATTERNS, YEAR, ParsedDate, from_match, make_day, make_month, make_quarter
from normalize.numbers import roman_to_int

_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n")
_D = r"(?<![\d/])\d{1,2}"
_M = r"\d{1,2}"
_Q = r"(?:IV|I{1,3}|[1-4])"
_SEP = r"\s?[/.\-]\s?"
_TO = r"\s*(?:-|–|đến|tới)\s*(?:hết\s+)?"
_QUALIFIERS = {"đầu": "early", "giữa": "mid", "cuối": "late"}


@dataclass(frozen=True)
class FoundDate:
    value: str
    precision: str
    start: int
    end: int
    text: str
    range_start: str | None = None
    range_end: str | None = None
    qualifier: str | None = None


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    m = _SENTENCE_END.search(text, pos)
    return start, (m.start() if m else len(text))


def _year_in(sentence: str) -> int | None:
    years = re.findall(rf"(?<!\d){YEAR}(?!\d)", sentence)
    return int(years[-1]) if len(set(years)) == 1 else None


def _quarter(q: str) -> int:
    return int(q) if q.isdigit() else roman_to_int(q) or 0


# -- ranges ---------------------------------------------------------------------------------------
# Each pattern's groups: d1 m1 y1 (first end, parts may be missing) and d2 m2 y2 (second end).
_DAY_RANGES = [
    # 'từ ngày 03-07/4/2025', 'ngày 12 và 13/3/2026', 'ngày 12, 13/3/2026'
    re.compile(rf"(?:từ\s+)?ngày\s+(?P<d1>{_D})\s*(?:-|–|và|,|đến)\s*(?:ngày\s+)?(?P<d2>\d{{1,2}})"
               rf"{_SEP}(?P<m2>{_M}){_SEP}(?P<y2>{YEAR})(?![\d/])", re.IGNORECASE),
    # a cell or line that opens with the days, joined by a bare hyphen ('27-28/08/2025', a calendar's time
    # column, pool zz); not a numbered list's '1- 15/3/2025: Hoàn thành …' (a review's probe)
    re.compile(rf"^[ \t]*(?P<d1>{_D})[-–](?P<d2>\d{{1,2}})/(?P<m2>{_M})/(?P<y2>{YEAR})(?![\d/])", re.MULTILINE),
    # 'từ ngày 08 đến ngày 09 tháng 11 năm 2025', 'ngày 12 và 13 tháng 3 năm 2026'
    re.compile(rf"(?:từ\s+)?ngày\s+(?P<d1>{_D})(?:\s+tháng\s+(?P<m1>{_M}))?\s*(?:{_TO}|\s*(?:và|,)\s*)(?:ngày\s+)?"
               rf"(?P<d2>\d{{1,2}})\s+tháng\s+(?P<m2>{_M})\s+năm\s+(?P<y2>{YEAR})", re.IGNORECASE),
    # 'từ ngày 15/3 đến ngày 20/4/2025', 'Kết quả từ 13/9 đến 15/10/2012' (pool z: 'từ' alone opens it)
    re.compile(rf"(?:(?:từ\s+)?ngày\s+|từ\s+)(?P<d1>{_D}){_SEP}(?P<m1>{_M}){_TO}(?:ngày\s+)?(?P<d2>\d{{1,2}}){_SEP}"
               rf"(?P<m2>{_M}){_SEP}(?P<y2>{YEAR})(?![\d/])", re.IGNORECASE),
]
# 'Ngày 14, 15 và 16/11/2012': three days or more of one month, each a day (two are a range above)
_DAY_LIST = re.compile(rf"ngày\s+(?P<days>{_D}(?:\s*,\s*\d{{1,2}})+)\s*(?:,|và)\s*(?P<d2>\d{{1,2}}){_SEP}"
                       rf"(?P<m2>{_M}){_SEP}(?P<y2>{YEAR})(?![\d/])", re.IGNORECASE)
_MONTH_RANGES = [
    # 'từ tháng 3 đến tháng 5/2025', 'tháng 3 - tháng 5 năm 2025', 'tháng 3-5/2025'
    re.compile(rf"(?:từ\s+)?tháng\s+(?P<m1>{_M}){_TO}(?:tháng\s+)?(?P<m2>{_M})\s*(?:[/\-]\s?|\s+năm\s+)"
               rf"(?P<y2>{YEAR})(?![\d/])", re.IGNORECASE),
]
# 'tháng 01 và tháng 02/2015', 'tháng 3, 4/2025' (a BHXH office's letter of 2014, pool zzc): two months of
# the year the last one gives, each a month, no range between them
_MONTH_PAIR = re.compile(rf"tháng\s+(?P<m1>{_M})\s*(?:và|,)\s*(?:tháng\s+)?(?P<m2>{_M})\s*(?:[/\-]\s?|\s+năm\s+)"
                         rf"(?P<y2>{YEAR})(?![\d/])", re.IGNORECASE)
_QUARTER_RANGES = [
    # 'quý I - II/2026', 'từ quý I đến quý III năm 2025', 'quý I và quý II năm 2025'
    re.compile(rf"(?:từ\s+)?quý\s+(?P<q1>{_Q})\s*(?:-|–|đến|tới|và|,)\s*(?:quý\s+)?(?P<q2>{_Q})\s*(?:[/\-]\s?|\s+năm\s+)"
               rf"(?P<y2>{YEAR})(?![\d/])", re.IGNORECASE),
]
# 'đầu năm 2025', 'cuối quý II/2026', 'giữa tháng 6/2025', 'cuối năm' (the year from the sentence)
_QUALIFIED = re.compile(rf"(?P<q>đầu|giữa|cuối)\s+(?:(?P<year>năm)(?:\s+(?P<y1>{YEAR}))?|(?:quý\s+(?P<quarter>{_Q})|"
                        rf"tháng\s+(?P<month>{_M}))(?:\s*(?:[/\-]\s?|\s+năm\s+)(?P<y>{YEAR}))?)(?![\d/])", re.IGNORECASE)
# '6 tháng đầu năm 2025', '6 tháng cuối năm'
_HALF = re.compile(rf"6\s+tháng\s+(?P<q>đầu|cuối)\s+năm(?:\s+(?P<y>{YEAR}))?", re.IGNORECASE)


def _day_range(m: re.Match, text: str) -> list[FoundDate]:
    g = m.groupdict()
    y2, m2 = int(g["y2"]), int(g["m2"])
    m1 = int(g.get("m1") or m2)
    y1 = y2 if m1 <= m2 else y2 - 1   # 'từ ngày 20/12 đến ngày 05/01/2026' crosses a year
    first, second = make_day(y1, m1, int(g["d1"])), make_day(y2, m2, int(g["d2"]))
    if first is None or second is None or first.value > second.value:
        return []
    return _ends(m, first, second, "d1", "d2")


def _day_list(m: re.Match, text: str) -> list[FoundDate]:
    year, month = int(m.group("y2")), int(m.group("m2"))
    out = []
    for day in re.finditer(r"\d{1,2}", m.group("days")):
        parsed = make_day(year, month, int(day.group()))
        if parsed is None:
            return []
        a, b = m.start("days") + day.start(), m.start("days") + day.end()
        out.append(FoundDate(parsed.value, parsed.precision, a, b, m.string[a:b]))
    last = make_day(year, month, int(m.group("d2")))
    if last is None:
        return []
    return out + [FoundDate(last.value, last.precision, m.start("d2"), m.end(), m.string[m.start("d2"):m.end()])]


def _month_range(m: re.Match, text: str) -> list[FoundDate]:
    y2, m1, m2 = int(m.group("y2")), int(m.group("m1")), int(m.group("m2"))
    first, second = make_month(y2 if m1 <= m2 else y2 - 1, m1), make_month(y2, m2)
    if first is None or second is None:
        return []
    return _ends(m, first, second, "m1", "m2")


def _month_pair(m: re.Match, text: str) -> list[FoundDate]:
    year, m1, m2 = int(m.group("y2")), int(m.group("m1")), int(m.group("m2"))
    # ('tháng 12 và tháng 01/2026': December of the year before, a review's probe)
    first, second = make_month(year if m1 <= m2 else year - 1, m1), make_month(year, m2)
    if first is None or second is None:
        return []
    return [FoundDate(first.value, first.precision, m.start("m1"), m.end("m1"), m.group("m1")),
            FoundDate(second.value, second.precision, m.start("m2"), m.end(), m.string[m.start("m2"):m.end()])]


def _quarter_range(m: re.Match, text: str) -> list[FoundDate]:
    y2 = int(m.group("y2"))
    q1, q2 = _quarter(m.group("q1")), _quarter(m.group("q2"))
    first, second = make_quarter(y2, q1), make_quarter(y2, q2)
    if first is None or second is None or q1 >= q2:
        return []
    return _ends(m, first, second, "q1", "q2")


def _ends(m: re.Match, first: ParsedDate, second: ParsedDate, g1: str, g2: str) -> list[FoundDate]:
    """Both ends (the first at its own digits, the second from its digits to the range's end)
    and the range."""
    a, b, c = m.start(g1), m.end(g1), m.start(g2)
    return [FoundDate(first.value, first.precision, a, b, m.string[a:b]),
            FoundDate(second.value, second.precision, c, m.end(), m.string[c:m.end()]),
            FoundDate(f"{first.value}/{second.value}", "range", m.start(), m.end(), m.group(0),
                      range_start=first.value, range_end=second.value)]


def _qualified(m: re.Match, text: str) -> list[FoundDate]:
    stated = m.group("y") or m.group("y1")
    year = int(stated) if stated else _year_in(text[slice(*_sentence_bounds(text, m.start()))])
    if year is None:
        return []
    qualifier = _QUALIFIERS[m.group("q").lower()]
    if m.group("month"):
        parsed = make_month(year, int(m.group("month")))
    elif m.group("quarter"):
        parsed = make_quarter(year, _quarter(m.group("quarter")))
    else:
        parsed = ParsedDate(str(year), "year")
    if parsed is None:
        return []
    return [FoundDate(parsed.value, parsed.precision, m.start(), m.end(), m.group(0), qualifier=qualifier)]


def _half(m: re.Match, text: str) -> list[FoundDate]:
    year = int(m.group("y")) if m.group("y") else _year_in(text[slice(*_sentence_bounds(text, m.start()))])
    if year is None:
        return []
    half = 1 if m.group("q").lower() == "đầu" else 2
    return [FoundDate(f"{year}-H{half}", "half", m.start(), m.end(), m.group(0))]


_COMPOSITE = [(_DAY_LIST, _day_list), *((rx, _day_range) for rx in _DAY_RANGES), *((rx, _month_range) for rx in _MONTH_RANGES), (_MONTH_PAIR, _month_pair),
              *((rx, _quarter_range) for rx in _QUARTER_RANGES), (_HALF, _half), (_QUALIFIED, _qualified)]


# A month and year alone in a cell ('6/2025'): in a column that says when, that month; in prose it
# may be a share or part of a number.
_BARE_MONTH = re.compile(r"\s*(\d{1,2})\s?/\s?((?:19|20)\d{2})\s*")


def find_dates(text: str, masked: list[tuple[int, int]] = (), year: int | None = None,
               when_cell: bool = False) -> list[FoundDate]:
    """masked: spans already claimed (document numbers), never read as dates. year: the year a
    table column's header gives a day and month with none of their own. when_cell: the text is a
    cell of a column that says when ('Thời gian hoàn thành'), where '6/2025' alone is a month."""
    bare = _BARE_MONTH.fullmatch(text) if when_cell else None
    if bare and 1 <= int(bare.group(1)) <= 12:
        return [FoundDate(f"{bare.group(2)}-{int(bare.group(1)):02d}", "month", bare.start(1), bare.end(2),
                          text[bare.start(1):bare.end(2)])]
    taken = list(masked)
    out: list[FoundDate] = []
    for rx, read in _COMPOSITE:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            found = read(m, text)
            if found:
                taken.append((m.start(), m.end()))
                out.extend(found)
    for kind, rx in DATE_PATTERNS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            hint = None
            if kind in ("dm_num", "dm_words"):
                s, e = _sentence_bounds(text, m.start())
                hint = _year_in(text[s:e]) or year
            parsed = from_match(kind, m, hint)
            if parsed is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(FoundDate(parsed.value, parsed.precision, m.start(), m.end(), m.group(0)))
    out.sort(key=lambda d: (d.start, d.precision == "range"))
    return out
