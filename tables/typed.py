"""Document tables → typed tables: header levels, column roles, units from headers, merged-cell
fill-down, group rows ('I. Nhóm 1: …', 'Nhóm 11 Công nghệ chiến lược') and total rows."""
from __future__ import annotations

import re

from models import Document, Table, TypedColumn, TypedRow, TypedTable
from normalize.columns import column_role
from normalize.money import MoneyUnit, unit_from_header
from normalize.text import match_key
from tables.headers import column_headers, header_row_count
from tables.lists import catalog_kind, is_title, numbered_lists

_TOTAL = re.compile(r"^(tổng cộng|tổng số|tổng|cộng|tổng kinh phí|cộng chung)\s*[:.]?$")
_GROUP = re.compile(r"^(?:[IVX]{1,5}[.)]?\s+|[A-Z][.)]\s+|nhóm\s+\d+|phần\s+[IVX\d]+)", re.IGNORECASE)
_STT = re.compile(r"^\d{1,3}[.)]?$")
# "I. Nhóm 1: …", and the same after OCR lost the numeral or the marks ("Nhom 2: …").
_NHOM = re.compile(r"^\W{0,3}(?:[IVXL]{1,5}[.)]?\s*)?nh[oó]m\s+\d", re.IGNORECASE)
_FILL_ROLES = {"stt", "agency", "coordinating", "reference", "note"}
# A unit stated in a short line above a table ("Đơn vị tính: triệu đồng") applies to its money
# columns that state none; a longer block between them ends that.
DECLARED_UNIT_MAX_CHARS = 80


def _context_before(doc: Document, table: Table) -> tuple[str | None, MoneyUnit | None]:
    """The nearest heading-like block above the table (an appendix title, 'DANH MỤC …'), and the
    money unit a short line just above it declares."""
    best, declared = None, None
    earlier_tables = [t.order for t in doc.tables if t.order < table.order]
    after = max(earlier_tables, default=-1)
    for b in doc.blocks:
        if b.order >= table.order:
            break
        t = b.text.strip()
        if b.kind in ("header", "footer", "footnote"):
            continue
        if is_title(t) and len(t) > 6 or b.kind == "heading" or t.startswith(("Phụ lục", "PHỤ LỤC")):
            best = t
        if b.order > after:
            short = len(t) < DECLARED_UNIT_MAX_CHARS
            declared = (unit_from_header(t) or declared) if short else None
    return best, declared


def type_table(table: Table, title: str | None = None, declared_unit: MoneyUnit | None = None) -> TypedTable:
    n_header = header_row_count(table)
    headers = column_headers(table, n_header)
    columns = []
    for i, h in enumerate(headers):
        role = column_role(h)
        unit = unit_from_header(h) or (declared_unit if role == "budget" else None)
        columns.append(TypedColumn(index=i, name=h, role=role, unit=unit.name if unit else None,
                                   multiplier=unit.multiplier if unit else None,
                                   currency=unit.currency if unit else None))
    grid = table.grid()
    rows: list[TypedRow] = []
    group: str | None = None
    previous: TypedRow | None = None
    if n_header == 1 and grid and grid[0][0] is not None and (
            _GROUP.match(grid[0][0].text) or _NHOM.match(grid[0][0].text)):
        # A catalog whose first group line ('I. Nhóm 1: …') sits in the header row.
        group = grid[0][0].text
    for r in range(n_header, table.n_rows):
        slots = grid[r]
        cells = [s.text if s is not None else "" for s in slots]
        distinct = {id(s) for s in slots if s is not None and s.text}
        first = cells[0].strip() if cells else ""
        page = next((s.page for s in slots if s is not None and s.page), table.provenance.page)
        if any(_TOTAL.match(match_key(c)) for c in cells[:3] if c):
            rows.append(TypedRow(index=r, kind="total", cells=cells, group=group, page=page))
            continue
        spans_all = len(distinct) == 1 and len(cells) > 1 and sum(1 for c in cells if c) >= 1 and \
            all(s is slots[0] for s in slots if s is not None)
        roman_group = bool(re.fullmatch(r"[IVX]{1,5}[.)]?", first)) or \
            (_GROUP.match(first) and not _STT.match(first) and sum(1 for c in cells if c) <= 2
             and not any(columns[k].role in ("budget", "duration") and cells[k] for k in range(len(cells))))
        if spans_all or roman_group or (_NHOM.match(first) and not any(
                columns[k].role in ("budget", "duration") and cells[k] for k in range(len(cells)))):
            group = " ".join(dict.fromkeys(c for c in cells if c))
            rows.append(TypedRow(index=r, kind="group", cells=cells, group=group, page=page))
            previous = None
            continue
        filled = []
        if previous is not None and not first:
            # A continuation row: merged cells (or cells cut at a page break) carry the value above.
            for k, col in enumerate(columns):
                if col.role in _FILL_ROLES and not cells[k] and previous.cells[k]:
                    cells[k] = previous.cells[k]
                    filled.append(k)
        row = TypedRow(index=r, kind="data", cells=cells, filled=filled, group=group, page=page)
        rows.append(row)
        previous = row
    return TypedTable(id=table.id, kind=_table_kind(columns, title), catalog_kind=catalog_kind(title),
                      title=title, header_rows=n_header, columns=columns, rows=rows,
                      page=table.provenance.page, ocr=table.provenance.source == "ocr")


def _table_kind(columns: list[TypedColumn], title: str | None) -> str:
    roles = {c.role for c in columns}
    if "name" in roles and ("duration" in roles or "objective" in roles) and "budget" in roles:
        return "tasks"
    if catalog_kind(title) and "agency" in roles:
        return "catalog"
    if "budget" in roles and ({"name", "agency"} & roles):
        return "budget"
    return "other"


def type_tables(doc: Document) -> list[TypedTable]:
    typed = [type_table(t, *_context_before(doc, t)) for t in doc.tables]
    typed.extend(numbered_lists(doc, doc.tables))
    return typed

