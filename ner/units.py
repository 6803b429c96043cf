"""The pieces of text ner/ reads: each block, and each table cell with what its column says."""
from __future__ import annotations

import re
from dataclasses import dataclass

from models import Document, Position, Table
from normalize.money import MoneyUnit, unit_from_header
from normalize.text import match_key

_AGENCY_HEADER = re.compile(r"đơn vị|cơ quan|bộ, ngành|địa phương|chủ trì|phối hợp")
_MONEY_HEADER = re.compile(r"kinh phí|vốn|ngân sách|tổng mức|dự toán|số tiền|giá trị|chi phí")


@dataclass(frozen=True)
class TextUnit:
    text: str
    page: int | None
    block_id: str | None = None
    table_id: str | None = None
    row: int | None = None
    col: int | None = None
    column_unit: MoneyUnit | None = None   # money unit the column header declares
    agency_column: bool = False             # the column names the acting body
    ocr: bool = False                       # read by OCR: marks may be missing
    # A sentence split over several paragraphs is read as one unit; each part's block id and
    # its offset in the unit's text map positions back onto the right block.
    parts: tuple[tuple[str, int], ...] = ()

    def position(self, start: int, end: int) -> Position:
        block_id, offset = self.block_id, 0
        for part_id, part_offset in self.parts:
            if part_offset <= start:
                block_id, offset = part_id, part_offset
        return Position(block_id=block_id, table_id=self.table_id, row=self.row, col=self.col,
                        start=start - offset, end=end - offset)


_TERMINAL = (".", ";", ":", "!", "?", "…")


def _continues(previous: str, following: str) -> bool:
    """A paragraph that stops mid-sentence and a next one that starts in lowercase are one
    sentence broken by a stray line break ('… ngày 27 tháng 6' / 'năm 2025;')."""
    return bool(previous) and not previous.rstrip().endswith(_TERMINAL) and following[:1].islower()


def header_row_count(table: Table) -> int:
    """Rows at the top before the first row whose first cell is a number or a roman numeral
    (the first data row or group row), at most 3."""
    grid = table.grid()
    for r, row in enumerate(grid[:4]):
        first = row[0].text.strip() if row and row[0] is not None else ""
        if re.fullmatch(r"(?:\d{1,3}|[IVX]{1,5})[.)]?", first):
            return r
    return 1 if table.n_rows > 1 else 0


def column_headers(table: Table) -> list[str]:
    """Each grid column's header text, levels joined with ' / ' (two-level headers keep both)."""
    grid = table.grid()
    n = header_row_count(table)
    out = []
    for k in range(table.n_cols):
        parts: list[str] = []
        for r in range(n):
            c = grid[r][k]
            if c is not None and c.text and (not parts or parts[-1] != c.text):
                parts.append(c.text)
        out.append(" / ".join(parts))
    return out


def text_units(doc: Document) -> list[TextUnit]:
    units: list[TextUnit] = []
    last_declared: MoneyUnit | None = None
    for item in doc.reading_order():
        if hasattr(item, "text"):
            prev = units[-1] if units else None
            if (prev is not None and prev.block_id is not None and prev.table_id is None
                    and item.kind in ("paragraph", "list_item") and _continues(prev.text, item.text)):
                joined = f"{prev.text} {item.text}"
                parts = prev.parts or ((prev.block_id, 0),)
                units[-1] = TextUnit(joined, prev.page, block_id=prev.block_id, ocr=prev.ocr,
                                     parts=(*parts, (item.id, len(prev.text) + 1)))
            else:
                units.append(TextUnit(item.text, item.provenance.page, block_id=item.id,
                                      ocr=item.provenance.source == "ocr"))
            # "Đơn vị tính: triệu đồng" printed above a table applies to its money columns
            declared = unit_from_header(item.text) if len(item.text) < 80 else None
            last_declared = declared or (last_declared if len(item.text) < 80 else None)
            continue
        table: Table = item
        headers = column_headers(table)
        n_header = header_row_count(table)
        col_units = []
        for h in headers:
            unit = unit_from_header(h)
            if unit is None and last_declared is not None and _MONEY_HEADER.search(match_key(h)):
                unit = last_declared
            col_units.append(unit)
        agency_cols = [bool(_AGENCY_HEADER.search(match_key(h))) for h in headers]
        for c in table.cells:
            if not c.text:
                continue
            body = c.row >= n_header
            units.append(TextUnit(
                c.text, c.page or table.provenance.page, table_id=table.id, row=c.row, col=c.col,
                column_unit=col_units[c.col] if body and c.col_span == 1 else None,
                agency_column=body and agency_cols[c.col], ocr=table.provenance.source == "ocr"))
        last_declared = None
    return units
