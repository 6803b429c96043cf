"""The pieces of text ner/ reads: each block (a sentence broken over blocks joined), and each
table cell with what its column says (money unit, acting bodies). Cells are read from the typed
tables, after fill-down, so records/ finds every cell's mentions under (table, row, column)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from models import Document, Position, TypedTable
from normalize.columns import AGENCY_ROLES, TIME_ROLES, rate_label
from normalize.dates import YEAR
from normalize.money import MoneyUnit, unit_of_measure


@dataclass(frozen=True)
class TextUnit:
    text: str
    page: int | None
    block_id: str | None = None
    table_id: str | None = None
    row: int | None = None
    col: int | None = None
    column_unit: MoneyUnit | None = None   # money unit the column header declares
    column_year: int | None = None          # the year the column header names ('Thời gian (Năm 2026)')
    agency_column: bool = False             # the column names the acting body
    time_column: bool = False               # the column says when ('Thời gian hoàn thành'): '6/2025' is a month
    commas_group: bool = False              # the table groups thousands with commas ('2,900,000')
    ocr: bool = False                       # read by OCR: marks may be missing
    # A sentence split over several paragraphs is read as one unit; each part's block id and
    # its offset in the unit's text map positions back onto the right block.
    parts: tuple[tuple[str, int], ...] = ()
    # False for a cell whose text is counted elsewhere: the repeats of a merged cell, text filled
    # down from above, the items of a list (their blocks are read as blocks).
    counted: bool = True

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


def _column_unit(t: TypedTable, k: int) -> MoneyUnit | None:
    c = t.columns[k]
    if c.unit_per_row:   # each row's own unit ('Kg/người/tháng' beside 'Đồng/người'): see _priced
        return None
    return MoneyUnit(c.multiplier, c.currency, c.unit) if c.multiplier and c.currency and c.unit else None


# Columns whose figures are no money even in a row priced in đồng: its number, its unit, its dates.
_NOT_PRICED = frozenset({"stt", "measure", "date", "period", "duration", "deadline", "time", "reference"})


def _row_unit(t: TypedTable, cells: list[str]) -> MoneyUnit | None:
    """The money unit a row states in its own unit column ('Đơn vị tính': 'Đồng/học sinh/ngày',
    '1.000 đồng/trẻ/tháng', 'triệu đồng'): norm and fee tables price each row in its own unit; else
    at the end of its label ('- Ngân sách TW (triệu đồng)' among rows of people counted, a Sở's
    six-year figures, pool za; rents '(đồng/m² sử dụng/tháng)', pool y)."""
    for k, c in enumerate(t.columns):
        if c.role == "measure" and k < len(cells) and cells[k]:
            return unit_of_measure(cells[k])
    for k, c in enumerate(t.columns):
        label = _UNIT_IN_LABEL.search(cells[k]) if c.role == "name" and k < len(cells) else None
        if label:
            return unit_of_measure(label.group(1))
    return None


# A unit in brackets at the end of a row's label.
_UNIT_IN_LABEL = re.compile(r"\(([^()]{1,40})\)\s*$")


def _priced(t: TypedTable, k: int, row_unit: MoneyUnit | None) -> MoneyUnit | None:
    return row_unit if row_unit is not None and (k >= len(t.columns) or t.columns[k].role not in _NOT_PRICED) else None


def _column_year(t: TypedTable, k: int) -> int | None:
    """A header that names one year ('Thời gian (Năm 2026)', 'Ngày thực hiện năm 2025') gives it to
    the day-and-month dates of its cells ('ngày 23 tháng 1')."""
    years = set(_HEADER_YEAR.findall(t.columns[k].name)) if k < len(t.columns) else set()
    return int(years.pop()) if len(years) == 1 else None


# Roles of columns whose cells say when: a bare 'month/year' there is a month.
WHEN_ROLES = (TIME_ROLES - {"duration"}) | {"date"}
_HEADER_YEAR = re.compile(rf"\bnăm\s+({YEAR})\b", re.IGNORECASE)


def _table_units(doc: Document, t: TypedTable) -> list[TextUnit]:
    source = next((x for x in doc.tables if x.id == t.id), None) if t.source == "table" else None
    grid = source.grid() if source is not None else None
    units = []
    if source is not None:
        for c in source.cells:  # header cells, once each
            if c.row < t.header_rows and c.text:
                units.append(TextUnit(c.text, c.page or source.provenance.page, table_id=t.id, row=c.row, col=c.col,
                                      ocr=t.ocr))
    for row in t.rows:
        row_unit = _row_unit(t, row.cells)
        rates = any(c.role == "name" and k < len(row.cells) and rate_label(row.cells[k]) for k, c in enumerate(t.columns))
        #       ('- Tỷ lệ phần trăm (%)': no money in any column)
        for k, text in enumerate(row.cells):
            if not text:
                continue
            anchor = grid[row.index][k] if grid is not None else None
            counted = (anchor is not None and anchor.row == row.index and anchor.col == k
                       and k not in row.filled)
            single = anchor is None or anchor.col_span == 1
            # A group row of a table names who or what its rows belong to ('HUYỆN AN LÃO', 'SỞ Y TẾ'):
            # a bare place there is its People's Committee, as in a column of acting bodies.
            actor = row.kind == "group" or (t.columns[k].role in AGENCY_ROLES if k < len(t.columns) else False)
            units.append(TextUnit(
                text, row.page or t.page, table_id=t.id, row=row.index, col=k,
                column_unit=(_column_unit(t, k) or _priced(t, k, row_unit)) if single and not rates else None,
                column_year=_column_year(t, k),
                agency_column=actor, ocr=t.ocr, counted=counted, commas_group=t.commas_group,
                time_column=k < len(t.columns) and t.columns[k].role in WHEN_ROLES))
    return units


def text_units(doc: Document, typed: list[TypedTable]) -> list[TextUnit]:
    units: list[TextUnit] = []
    by_id = {t.id: t for t in typed}
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
        elif item.id in by_id:
            units.extend(_table_units(doc, by_id[item.id]))
    for t in typed:
        if t.source == "list":
            units.extend(_table_units(doc, t))
    return units
