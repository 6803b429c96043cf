"""Document tables → typed tables: header levels, column roles from the header words and the cells
(normalize/columns.py), units from headers or from the line above the table, merged-cell fill-down,
group rows ('I. Nhóm 1: …', 'HUYỆN AN LÃO') and total rows, and what the table is:

- tasks: its rows are things to do — a name column of tasks (or any name column) with the body in
  charge and a time, result or objective ('Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành');
- budget: its rows are things money goes to — projects, works, localities — with a money column
  in a stated unit and no task columns beside it ('Danh mục dự án | Kế hoạch vốn (triệu đồng)');
- catalog: a numbered list of technologies or products under a 'DANH MỤC …' title;
- other: anything else. A table that has the columns of records but whose kind cannot be told is
  left as 'other' with a `table_kind_unknown` warning: wrong records are worse than none."""
from __future__ import annotations

import re
from collections import Counter

from models import Document, Table, TypedColumn, TypedRow, TypedTable, Warning
from normalize.columns import (
    RATE_HEADER,
    TIME_ROLES,
    column_role,
    money_collected,
    money_kind,
    money_paid_out,
    money_spent,
    names_bid_packages,
    names_localities,
    names_schemes,
    norm_title,
    price_column,
    price_title,
    rows_are,
    time_kind,
)
from normalize.money import MoneyUnit, unit_from_header
from normalize.numbers import groups_with_commas
from normalize.ranges import parse_number_or_range
from tables.context import table_context
from tables.group_rows import childless_groups
from tables.headers import column_headers, header_row_count, is_total_row, unit_line
from tables.lists import catalog_kind, numbered_lists
from tables.money_columns import CONTENT_MAJORITY, apply_unit, filled, money_from_cells, numeric_share, scale_points

_GROUP = re.compile(r"^(?:[IVX]{1,5}[.)]?\s+|[A-Z][.)]\s+|nhóm\s+\d+|phần\s+[IVX\d]+)", re.IGNORECASE)
_STT = re.compile(r"^\d{1,3}[.)]?$")
_PART = re.compile(r"^\W{0,3}(?:trong đó|tr\.?\s*đó|gồm có)\b", re.IGNORECASE)
# "I. Nhóm 1: …", and the same after OCR lost the numeral or the marks ("Nhom 2: …").
_NHOM = re.compile(r"^\W{0,3}(?:[IVXL]{1,5}[.)]?\s*)?nh[oó]m\s+\d", re.IGNORECASE)
# Letters a scan reads in a roman group number ('Ill' for III, 'Vv' for V, 'l' for I).
# A lone 'l' stays a number's business (it is as often a 1).
_GARBLED_ROMAN = re.compile(r"(?=[IVXlvx]*[lvx])(?=.*[vx]|[IVXlvx]{2})[IVXlvx]{1,5}[.)]?")
_ROMAN_LOOKALIKES = str.maketrans({"l": "I", "v": "V", "x": "X"})
_FILL_ROLES = {"stt", "agency", "coordinating", "submitter", "reference", "note"}
# A table this small in rows says too little to be typed by its content.
MIN_BODY_ROWS = 1




def _rows(table: Table, n_header: int, columns: list[TypedColumn], commas: bool) -> list[TypedRow]:
    grid = table.grid()
    rows: list[TypedRow] = []
    group: str | None = None
    group_row: int | None = None
    previous: TypedRow | None = None
    if n_header == 1 and grid and grid[0][0] is not None and (
            _GROUP.match(grid[0][0].text) or _NHOM.match(grid[0][0].text)):
        group = grid[0][0].text  # a catalog whose first group line ('I. Nhóm 1: …') sits in the header row
    numeric = {c.index for c in columns if c.role in ("budget", "duration") or c.multiplier}
    for r in range(n_header, table.n_rows):
        slots = grid[r]
        cells = [s.text if s is not None else "" for s in slots]
        distinct = {id(s) for s in slots if s is not None and s.text}
        first = cells[0].strip() if cells else ""
        if first and not re.search(r"\w", first):
            first = ""  # specks a scan left in an empty cell
        if r > n_header and slots and slots[0] is not None and slots[0] is grid[r - 1][0]:
            first = ""  # a number merged down over several rows ('I' beside all of a group's rows) numbers the first
        if _GARBLED_ROMAN.fullmatch(first):
            first = first.translate(_ROMAN_LOOKALIKES)  # 'Ill', 'Vv': a scan's III, V
        page = next((s.page for s in slots if s is not None and s.page), table.provenance.page)
        if is_total_row(cells):
            rows.append(TypedRow(index=r, kind="total", cells=cells, group=group, page=page))
            continue
        own = [c for k, c in enumerate(cells) if c.strip() and not (r > n_header and slots[k] is not None
                                                                   and slots[k] is grid[r - 1][k])]
        if _PART.match(first or next(iter(own), "")):   # (not the cells merged down from the row above)
            # 'Trong đó: Chi cân đối …': a part of the row above, neither a line of its own nor a
            # member of its group's sum (a group checked against it alone was a false alarm)
            rows.append(TypedRow(index=r, kind="part", cells=cells, group=group, group_row=group_row, page=page))
            continue
        spans_all = len(distinct) == 1 and len(cells) > 1 and all(s is slots[0] for s in slots if s is not None)
        with_numbers = any(k in numeric and cells[k] for k in range(len(cells)))
        roman_group = bool(re.fullmatch(r"[IVX]{1,5}[.)]?|[A-ZĐ][.)]?", first)) or \
            (_GROUP.match(first) and not _STT.match(first) and sum(1 for c in cells if c) <= 2 and not with_numbers)
        if spans_all or roman_group or (_NHOM.match(first) and not with_numbers) or _heading_row(cells, columns, first):
            group = " ".join(dict.fromkeys(c for c in cells if c))
            group_row = r
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
        row = TypedRow(index=r, kind="data", cells=cells, filled=filled, group=group, group_row=group_row, page=page)
        rows.append(row)
        previous = row
    return _numbered_parents(childless_groups(rows, numeric, commas), columns, commas)


def _numbered_parents(rows: list[TypedRow], columns: list[TypedColumn], commas: bool) -> list[TypedRow]:
    """'1 | Báo cáo rà soát …' over '1.1 | …', '1.2 | …' (numbered sub-rows): the parent names a
    group of rows, it is not one of them — unless it states its own amount or time."""
    stt = next((c.index for c in columns if c.role == "stt"), 0)
    numbers = [r.cells[stt].strip().rstrip(".") if r.kind == "data" else None for r in rows]
    valued = {c.index for c in columns if c.role in ("budget", "duration", "deadline", "period")}
    out, group, group_row = [], None, None
    subtotals = _labelled_subtotals(rows, numbers, [c.index for c in columns if c.role == "budget"], commas)
    for k, row in enumerate(rows):
        if k in subtotals:
            group, group_row = " ".join(dict.fromkeys(c for c in row.cells if c)), row.index
            out.append(row.model_copy(update={"kind": "group", "group": group}))
            continue
        children = numbers[k] and any(n and n.startswith(numbers[k] + ".") for n in numbers[k + 1:k + 2])
        if children and not any(row.cells[c].strip(" -") for c in valued if c < len(row.cells)):
            group, group_row = " ".join(dict.fromkeys(c for c in row.cells if c)), row.index
            out.append(row.model_copy(update={"kind": "group", "group": group}))
            continue
        if row.kind == "data" and numbers[k] and "." in numbers[k] and group_row is not None:
            row = row.model_copy(update={"group": group, "group_row": group_row})
        elif row.kind != "data" or numbers[k] and "." not in numbers[k]:
            group, group_row = None, None
        out.append(row)
    return out


def _labelled_subtotals(rows: list[TypedRow], numbers: list[str | None], money: list[int], commas: bool) -> set[int]:
    """Rows labelled by a code, not a number ('Gtb | Chi phí phần mềm … | 197,703,000'), over rows
    numbered from 1 whose figures add up to theirs: a subtotal, no line of its own (a cost
    estimate's cost groups, pool w). The sum decides; a label over rows that do not add up stays.
    `commas`: the table groups thousands with commas (TypedTable.commas_group)."""

    def figure(row: TypedRow, k: int):
        value = parse_number_or_range(row.cells[k], commas) if k < len(row.cells) else None
        return value[0] if value else None

    out = set()
    for k, label in enumerate(numbers):
        if not label or label[0].isdigit() or k + 1 >= len(rows) or numbers[k + 1] != "1":
            continue
        end = k + 1
        while end < len(rows) and numbers[end] and numbers[end][0].isdigit():
            end += 1
        for m in money:
            own, parts = figure(rows[k], m), [figure(r, m) for r in rows[k + 1:end]]
            if own is not None and parts and None not in parts and sum(parts) == own:
                out.add(k)
                break
    return out


def _heading_row(cells: list[str], columns: list[TypedColumn], first: str) -> bool:
    """A row that only names, in capitals, what the rows under it are ('HẠ TẦNG KỸ THUẬT PHỤC
    VỤ …'): a group row whose number a scan lost."""
    filled = [k for k, c in enumerate(cells) if c.strip()]
    if first or len(filled) != 1 or columns[filled[0]].role != "name":
        return False
    letters = [ch for ch in cells[filled[0]] if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _localities_given_money(columns: list[TypedColumn]) -> None:
    """A column of provinces or districts ('Tỉnh, thành phố') that names the rows, beside money given
    out ('Mức hỗ trợ', 'Phân bổ', 'Kinh phí'), with no column of bodies: the places the money goes to,
    each its People's Committee (a Prime Minister's support to 19 provinces, pool zt). Elsewhere it only
    says where a row is: beside a project's name, a customs office, a wage floor, revenue or a fine (a
    review's probes; pool g)."""
    given = any(c.role == "budget" and (c.money_kind == "allocation" or money_paid_out(c.name)) for c in columns)
    if given and not any(c.role in ("agency", "name") for c in columns):
        for col in columns:
            if col.role == "location" and names_localities(col.name):
                col.role = "agency"


def _refine_time(column: TypedColumn, values: list[str]) -> None:
    """A time column is a duration, a period or a deadline by what most of its cells say."""
    kinds = Counter(k for k in map(time_kind, values) if k)
    if not kinds:
        if column.role == "time":
            column.role = "other"
        return
    kind, n = kinds.most_common(1)[0]
    if n >= CONTENT_MAJORITY * sum(kinds.values()):
        column.role = kind
    elif column.role == "time":
        column.role = "deadline"


_CITES = re.compile(r"\d+\s*[/-]\s*[A-ZĐ]")


def type_table(table: Table, title: str | None = None, declared_unit: MoneyUnit | None = None,
               caption: str | None = None) -> TypedTable:
    n_header = header_row_count(table)
    headers = column_headers(table, n_header)
    declared_unit = declared_unit or (unit_line(table, n_header) or (None, None))[1]
    columns = []
    scale = scale_points(headers)
    for i, h in enumerate(headers):
        col = TypedColumn(index=i, name=h, role="other" if i in scale else column_role(h))
        unit = unit_from_header(h) if i not in scale else None
        if unit:
            apply_unit(col, unit)
        columns.append(col)
    commas = groups_with_commas(c.text for c in table.cells if c.row >= n_header)
    rows = _rows(table, n_header, columns, commas)
    body = [r for r in rows if r.kind == "data"]
    for col in columns:
        values = [r.cells[col.index] for r in body if col.index < len(r.cells)]
        if col.role in TIME_ROLES:
            _refine_time(col, values)
        numeric = numeric_share(values) >= CONTENT_MAJORITY and col.index not in scale
        if col.role in ("name", "reference", "agency", "location") and numeric:
            # 'Nhiệm vụ soạn thảo' over a column of figures: a money (or count) column, whatever its words
            col.role = "budget" if col.multiplier or declared_unit else "other"
        if declared_unit and not col.multiplier and not RATE_HEADER.search(col.name) \
                and (col.role == "budget" or col.role == "other" and numeric):
            # 'Đơn vị tính: 1.000 đồng' above a table of rates: its number columns are money
            apply_unit(col, declared_unit)
            col.role = "budget"
        if col.role == "budget":
            col.money_kind = money_kind(col.name)
    assumed = money_from_cells(columns, body)
    _localities_given_money(columns)
    _category_columns(columns, body)
    if not any(c.role == "reference" for c in columns):
        # a column whose every cell cites a document ('Thông báo số 98-TB/TU') under a header that
        # does not say so ('Chỉ đạo của Ban Thường vụ Tỉnh uỷ'): the rows' source documents
        for col in columns:
            values = filled(col, body)
            citing = sum(bool(_CITES.search(v[:80])) for v in values)
            # (≥ 80 %: a row a page break split in two leaves a cell that cites nothing, i03's PDF)
            if col.role == "other" and citing >= 2 and citing >= 0.8 * len(values):
                col.role = "reference"
                break
    if not any(c.role == "name" for c in columns):
        # no name column: a column of text that cites no document names the rows ('Loại văn bản')
        for col in columns:
            values = filled(col, body)
            if col.role == "reference" and values and not any(_CITES.search(v) for v in values):
                col.role = "name"
                break
    if catalog_kind(title) and not any(c.role == "name" for c in columns):
        # a catalog's first text column names its items, whatever its header says ('Nhóm nguyên
        # liệu, vật liệu' | 'Mô tả' under 'DANH MỤC NGUYÊN LIỆU, VẬT LIỆU BÁN DẪN …', pool a)
        first = next((c for c in columns if c.role == "other" and c.name.strip() and filled(c, body)), None)
        if first is not None:
            first.role = "name"
    _label_before_description(columns, body)
    labels = _row_labels(columns, body, title, caption)
    # fees and prices are paid in, whether the caption or the title says so ('MỨC HỌC PHÍ …')
    kind, reason = _table_kind(columns, title, len(body), any(money_collected(t) for t in (title, caption) if t),
                               any(money_spent(t) for t in (title, caption) if t), bool(title and price_title(title)),
                               bool(title and norm_title(title)))
    if labels is not None and kind == "budget":
        reason = f"uncertain: {reason}; no column says what the rows are, '{labels.name}' is taken to"
    if assumed and kind == "budget":
        reason = (f"uncertain: {reason.removeprefix('uncertain: ')}; no unit is stated for "
                  f"{', '.join(repr(c.name) for c in assumed)}: its figures are taken as đồng")
    confidence = UNCERTAIN_KIND if reason.startswith("uncertain") else 1.0
    return TypedTable(id=table.id, kind=kind, kind_reason=reason, kind_confidence=confidence,
                      catalog_kind=catalog_kind(title), title=title, caption=caption,
                      header_rows=n_header, columns=columns, rows=rows, page=table.provenance.page,
                      ocr=table.provenance.source == "ocr", commas_group=commas)


def _first_label_column(columns: list[TypedColumn], body: list[TypedRow], before: int | None = None) -> TypedColumn | None:
    """The first column of labels (a header, no other role or a column of places, filled in most rows),
    before `before`."""
    return next((c for c in columns if (c.role == "other" or c.role == "location" and names_localities(c.name))
                 and c.name.strip() and (before is None or c.index < before)
                 and len(filled(c, body)) >= CONTENT_MAJORITY * len(body)), None)


def _label_before_description(columns: list[TypedColumn], body: list[TypedRow]) -> None:
    """'STT | Tổ chức | Kinh phí | Nội dung chi' (pool p): a name column standing after every money
    column describes what the money covers; the column of text before the money names the row."""
    money = [c.index for c in columns if c.role == "budget" and c.multiplier]
    name = next((c for c in columns if c.role == "name"), None)
    if not money or name is None or name.index < max(money):
        return
    label = _first_label_column(columns, body, before=min(money))
    if label is not None:
        label.role, name.role = "name", "other"


def _row_labels(columns: list[TypedColumn], body: list[TypedRow], title: str | None,
                caption: str | None) -> TypedColumn | None:
    """Money the state pays out, with no column that says what each row is and no body in charge
    ('STT | Tỷ lệ tổn thương cơ thể | Mức hưởng trợ cấp': an allowance per degree of injury): the
    first column of labels filled in most rows names the rows. Returned (and made the name column)
    so the table's kind says it is uncertain: its lines go to the review queue first. Money that
    is not paid out (a wage floor, tax brackets, prices, the value of goods) names no row so: over
    the read sets that gave 180 false lines against 370 right ones. The caption may say it ('1. Mức
    phụ cấp phẫu thuật' over 'Vai trò | Loại đặc biệt | Loại I …', pool zu)."""
    money = [c for c in columns if c.role == "budget" and c.multiplier]
    if any(c.role in ("name", "agency") for c in columns) or not money or \
            not any(money_paid_out(t) for t in (title or "", caption or "", *(c.name for c in money))):
        return None
    labels = _first_label_column(columns, body)
    if labels is not None:
        labels.role = "name"
    return labels


def _category_columns(columns: list[TypedColumn], body: list[TypedRow]) -> None:
    """Of two name columns, one that repeats a value down many rows ('Tên kỳ thi' merged beside
    every row of its exam, holdout2 k03) labels groups of rows: the other names each row."""
    names = [c for c in columns if c.role == "name"]
    if len(names) < 2 or not body:
        return
    distinct = {c.index: len({r.cells[c.index] for r in body if c.index < len(r.cells)}) for c in names}
    most = max(distinct.values())
    for c in names:
        if distinct[c.index] * 2 <= most and distinct[c.index] * 2 <= len(body):
            c.role = "category"


def _table_kind(columns: list[TypedColumn], title: str | None, n_body: int, collected: bool = False,
                spent: bool = False, prices: bool = False, norms: bool = False) -> tuple[str, str]:
    """(kind, why) from what the columns mean; `collected`: the caption says the money is paid in
    (fees), which no budget line is; `spent`: the title says it is money to spend (a dự toán);
    `prices`: the title says the table states prices, which no budget line is; `norms`: the title sets
    norms, so the most the state may pay for an item is a spending norm, not a price."""
    roles = {c.role for c in columns}
    money = [c for c in columns if c.role == "budget" and c.multiplier]
    name = next((c for c in columns if c.role == "name"), None)
    rows_word = rows_are(name.name) if name else None
    lead = "agency" in roles
    task_columns = roles & {"deadline", "duration", "objective", "result", "coordinating"}
    if "score" in roles:
        scored = next(c.name for c in columns if c.role == "score")
        return "other", f"a scoring rubric or an assessment form ('{scored}'): points and criteria, not records"
    if catalog_kind(title) and ("agency" in roles or name):
        return "catalog", f"title '{title}' lists technologies or products"
    if n_body < MIN_BODY_ROWS:
        return "other", "no body rows"
    if {"date", "location"} <= roles and not money:
        # a calendar ('Ngày' | 'Thời gian' | 'Nội dung' | 'Lãnh đạo chủ trì' | 'Địa điểm'): meetings on
        # days at places, led by people; a district's weekly schedule gave 25 uncertain tasks (pool o)
        return "other", "a schedule of meetings (a day and a place for each), not tasks"
    if rows_word == "procedures":
        return "other", f"a list of administrative procedures ('{name.name}'), not tasks or budget lines"
    if money and prices:
        return "other", f"prices ('{title}'), not budget lines"
    if money and all(price_column(c.name) for c in money) and not norms:
        # every money column is a price per unit ('Đơn giá (đồng)' per m³ of each mineral, pool c):
        # what each unit costs, no line of a budget (a dự toán has its 'Thành tiền' beside the
        # price). Spending norms ('Mức chi') stay budget lines, as the holdouts' gold has them.
        return "other", f"prices per unit ('{money[0].name}'), not budget lines"
    if money and spent and (name or lead) and not collected:
        what = f"'{name.name}'" if name else "bodies"
        return "budget", f"{what} with money in {money[0].unit} under a spending title"
    if name and lead and task_columns and not (rows_word == "items" and money and (roles & {"period"} or names_bid_packages(name.name))):
        why = [f"'{name.name}' rows", "a body in charge"] + sorted(task_columns)
        return "tasks", ", ".join(why)
    if money and collected:
        return "other", "money collected (fees), not spent"
    if money and (name or lead) and not (rows_word == "tasks" and lead):
        what = f"'{name.name}'" if name else "bodies"
        return "budget", f"{what} with money in {money[0].unit}" + (" over a period" if "period" in roles else "")
    unpriced = [c.name for c in columns if c.role == "budget" and not c.multiplier]
    if unpriced and (name or lead):
        return "other", f"unknown: money in {', '.join(unpriced)} with no unit stated"
    if name and not lead and not money and len(task_columns & {"result", "deadline", "objective"}) >= 2 \
            and rows_word != "items":
        # what was directed and what became of it, no body named (a report on the issuer's own
        # tasks: 'Nội dung chỉ đạo', 'Kết quả thực hiện', 'Tiến độ'): tasks, for a person to confirm
        return "tasks", f"uncertain: '{name.name}' rows with " + ", ".join(sorted(task_columns)) + \
            ", no body in charge named"
    if name and not lead and not money and names_schemes(name.name) and roles & {"period", "deadline"}:
        # a plan's schemes with the period each is done in and no body named ('Đề án/dự án' | 'Giai
        # đoạn thực hiện: 2023-2025 | 2026-2030' ticked, pool zj): tasks, for a person to confirm; not a
        # course's 'Nội dung' or a project's 'Hạng mục công việc' with their months (a review's probes)
        return "tasks", f"uncertain: '{name.name}' rows with a time to do each, no body in charge named"
    if name and lead and not roles & {"budget", "reference"}:  # (a list of documents by body is no task list)
        # things with a body in charge and nothing else to tell what they are (a list of proposals
        # and the ministry handling each): tasks, said to be uncertain, for a person to confirm
        return "tasks", f"uncertain: '{name.name}' rows with a body in charge, no time, result or money column"
    return "other", ""


# The confidence of records made from a table whose kind the columns do not settle (the review
# queue puts them before the sure ones: stores/review.py, RISK_WEIGHTS['low_confidence']).
UNCERTAIN_KIND = 0.6


def type_tables(doc: Document) -> tuple[list[TypedTable], list[Warning]]:
    typed = [type_table(t, *table_context(doc, t)) for t in doc.tables]
    typed.extend(numbered_lists(doc, doc.tables))
    warnings = [Warning(code="table_kind_unknown", page=t.page, details={"table_id": t.id},
                        message=f"table {t.id} looks like budget lines but {t.kind_reason.split(': ', 1)[1]}; "
                                "no records were made from it")
                for t in typed if t.kind == "other" and t.kind_reason.startswith("unknown")]
    warnings += [Warning(code="table_kind_uncertain", page=t.page, details={"table_id": t.id, "kind": t.kind},
                         message=f"table {t.id} read as {t.kind}, uncertain: {t.kind_reason.split(': ', 1)[1]}; "
                                 f"its records have confidence {t.kind_confidence:g}")
                 for t in typed if t.kind_confidence < 1]
    return typed, warnings
