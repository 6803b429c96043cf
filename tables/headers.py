"""Header rows of a document table and each column's header text."""
from __future__ import annotations

import re

from models import Table


def header_row_count(table: Table) -> int:
    """Rows at the top before the first row whose first cell is a number or a roman numeral
    (the first data row or group row), at most 3."""
    grid = table.grid()
    for r, row in enumerate(grid[:4]):
        first = row[0].text.strip() if row and row[0] is not None else ""
        if re.fullmatch(r"(?:\d{1,3}|[IVX]{1,5})[.)]?", first):
            return r
    return 1 if table.n_rows > 1 else 0


def column_headers(table: Table, n_header: int | None = None) -> list[str]:
    """Each grid column's header text, levels joined with ' / ' (two-level headers keep both)."""
    grid = table.grid()
    n = header_row_count(table) if n_header is None else n_header
    out = []
    for k in range(table.n_cols):
        parts: list[str] = []
        for r in range(n):
            c = grid[r][k]
            if c is not None and c.text and (not parts or parts[-1] != c.text):
                parts.append(c.text)
        out.append(" / ".join(parts))
    return out
