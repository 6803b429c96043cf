"""Header rows of a document table and each column's header text."""
from __future__ import annotations

import re

from models import Table
from normalize.columns import RATE_HEADER, column_role
from normalize.money import MoneyUnit, unit_from_header
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.text import match_key

# The first body row starts with a row number, a roman or letter group number ('1', 'I.', 'A.'),
# or is the table's total row, which many budget tables put first ('TỔNG SỐ', 'Tổng cộng').
_FIRST_CELL = re.compile(r"(?:\d{1,3}|[IVX]{1,5})[.)]?|[A-ZĐ][.)]")
# A group letter without its stop ('A | CHI THƯỜNG XUYÊN | 300'): a body row when words follow it;
# a row of column letters ('A | B | 1 | 2 = 1 x 3') under the header has none.
_BARE_LETTER = re.compile(r"[A-ZĐ]")
_WORDS = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}")
# Compared without marks: a scan reads 'TỔNG' as 'TONG'.
# ('Tổng số (A + B + C)': a total that says which rows it adds, pool zp)
TOTAL_ROW = re.compile(r"^(tong cong|tong so|tong|cong|tong kinh phi|cong chung|tong cong chung)"
                       r"\s*(?:\(\s*[a-z](?:\s*\+\s*[a-z])+\s*\))?\s*[:.]?$")
# A procedure's total time under its steps, in the row's first cell ('Tổng thời gian giải quyết TTHC', pool
# zzf; not a task that says how long it lasts, '1 | Tổng thời gian khóa bồi dưỡng là 05 ngày').
TOTAL_TIME_ROW = re.compile(r"^tong thoi gian\b")
MAX_HEADER_ROWS = 3
# A figure with its thousands grouped ('197,128,000', '1.500'): no header holds one, so its row is
# the body's first, whatever its first cell says (a cost code, 'Gtb', pool w).
_GROUPED_FIGURE = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
# A group heading across the whole table: its number and its words in one cell.
_GROUP_HEADING = re.compile(r"(?:[IVX]{1,5}|[A-ZĐ])[.)]\s+\S")


def is_total_row(texts: list[str]) -> bool:
    return any(TOTAL_ROW.match(strip_diacritics_same_length(match_key(t))) for t in texts[:3] if t) \
        or bool(texts and texts[0] and TOTAL_TIME_ROW.match(strip_diacritics_same_length(match_key(texts[0]))))


def header_row_count(table: Table) -> int:
    """Rows at the top before the first body row (see _FIRST_CELL), at most MAX_HEADER_ROWS."""
    grid = table.grid()
    for r, row in enumerate(grid[:MAX_HEADER_ROWS + 1]):
        first = row[0].text.strip() if row and row[0] is not None and row[0].row == r else ""
        texts = [c.text if c is not None and c.row == r else "" for c in row]
        if _FIRST_CELL.fullmatch(first) or (r > 0 and is_total_row(texts)) or \
                (r > 0 and any(_GROUPED_FIGURE.fullmatch(t.strip()) for t in texts[1:])) or \
                (r > 0 and _BARE_LETTER.fullmatch(first) and any(_WORDS.search(t) for t in texts[1:])):
            return r
        one_cell = len({id(c) for c in row if c is not None}) == 1
        if r > 0 and one_cell and _GROUP_HEADING.match(first):
            return r   # 'I. Kinh tế số' across the table: the first group, read whole (a scan)
    return 1 if table.n_rows > 1 else 0


def unit_line(table: Table, n_header: int) -> tuple[int, MoneyUnit] | None:
    """A header row that is one cell across the table and states the money unit ('Đơn vị tính:
    triệu đồng' typed inside the table's frame): its index and the unit. It heads no column."""
    grid = table.grid()
    for r in range(min(n_header, len(grid)) if table.n_cols > 1 else 0):
        cells = {id(c): c for c in grid[r] if c is not None}
        if len(cells) == 1:
            unit = unit_from_header(next(iter(cells.values())).text)
            if unit:
                return r, unit
    return None


def column_headers(table: Table, n_header: int | None = None) -> list[str]:
    """Each grid column's header text, levels joined with ' / ' (two-level headers keep both)."""
    grid = table.grid()
    n = header_row_count(table) if n_header is None else n_header
    unit_row = (unit_line(table, n) or (None,))[0]
    bands = _bands(grid, n)
    out = []
    for k in range(table.n_cols):
        parts: list[str] = []
        for r in range(n):
            if r == unit_row:
                continue
            c = grid[r][k]
            text = c.text if c is not None and c.text else bands.get((r, k), "")
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        out.append(" / ".join(parts))
    return out


def _money_band(text: str) -> bool:
    return column_role(text) == "budget" or unit_from_header(text) is not None or bool(RATE_HEADER.search(text))


def _bands(grid, n: int) -> dict[tuple[int, int], str]:
    """A header band written once and followed by empty cells instead of merged ones ('Dự toán NSNN |
    | ' over 'NSNN | NSTW | NSĐP', as a text rendered to a table writes a colspan, pool zp): each
    empty cell with a sub-header below it and the band at its left takes the band, where the band
    is money's or rates' and the sub-header says no role of its own ('Đơn vị thực hiện | ' over
    'Chủ trì | Phối hợp' keeps its roles apart, pool q)."""
    out: dict[tuple[int, int], str] = {}
    for r in range(n - 1):
        for k in range(1, len(grid[r])):
            c, below = grid[r][k], grid[r + 1][k]
            left = grid[r][k - 1].text if grid[r][k - 1] is not None and grid[r][k - 1].text else out.get((r, k - 1))
            if (c is None or not c.text) and below is not None and below.text and left \
                    and grid[r + 1][k - 1] is not None and grid[r + 1][k - 1].text \
                    and column_role(below.text) == "other" and _money_band(left):
                out[(r, k)] = left
    return out
