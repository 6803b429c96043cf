"""Typed tables and what ner/ found in their cells → tasks, catalog items and budget lines;
totals reconciled, never corrected. Nothing is recognized here: every cell's references,
amounts and agencies come from ner/ (Mentions.pieces, keyed by table, row and column)."""
from __future__ import annotations

import re

from models import (
    Agency,
    BudgetLine,
    CatalogItem,
    Mentions,
    Money,
    MonthRange,
    RecordProvenance,
    Records,
    Reference,
    Task,
    TextMentions,
    TypedColumn,
    TypedRow,
    TypedTable,
    Warning,
)
from ner.agency_words import NO_BODY_LEAD, PEOPLE_WORDS
from ner.references import type_of
from normalize.agencies import expand_abbreviations, tidy_name
from normalize.columns import (
    SOURCE_HEADER,
    column_year,
    numbering_rank,
    rate_label,
    splits_by_year_or_source,
    time_kind,
)
from normalize.columns import money_kind as money_kind_of
from normalize.durations import parse_duration_months
from normalize.numbers import roman_to_int
from normalize.text import clean_text, match_key
from records.captions import NUMBERING, caption_bodies, led_by_caption
from records.totals import narrative_total_warnings, table_total_warning

_NUMBERED = re.compile(r"^\s*(?:-\s*)?(?P<num>\d{1,3})\s*[.)]\s*(?:-\s*)?(?P<body>.*)$", re.DOTALL)
_GROUP_NO = re.compile(r"nh[oó]m\s+(\d+)", re.IGNORECASE)
# 'II. …', 'II) …', or the numeral in a cell of its own before the group's name ('II | Sản xuất …')
# Where a cell of bodies in charge turns to those who co-operate ('…chủ trì, phối hợp với …').
_COOPERATING = re.compile(r"\bphối\s+hợp\b", re.IGNORECASE)
_ROMAN_GROUP = re.compile(r"^\s*(?:-\s*)?([IVX]{1,5})(?:[.)]|\s+(?=[A-ZĐÀ-Ỹ]))")


# Kinds of money whose columns side by side are peers (years, sources, levels, prizes), not a
# total beside its parts or what was allocated beside what was spent.
_PEER_KINDS = (None, "rate", "allocation")


def _peers(money: list[TypedColumn]) -> bool:
    """Money columns of one peer kind, or the sub-columns of one money header ('Định mức (triệu
    đồng) / Luật mới' | '… / Luật sửa đổi, bổ sung …': their own words name no kind of money, pool f)."""
    if len({c.money_kind for c in money}) == 1 and money[0].money_kind in _PEER_KINDS:
        return True
    tops = {c.name.split(" / ")[0] for c in money}
    return len(tops) == 1 and " / " in money[0].name and money_kind_of(tops.pop()) in _PEER_KINDS


def period_text(years: str) -> str:
    """A period as records write it: '2023 - 2025' → '2023-2025'."""
    return re.sub(r"\s*[-–]\s*", "-", years.strip())


# What marks a cell as ticked in a table of periods or options ('x' under '2023-2025').
TICKS = frozenset({"x", "X", "✓", "✔", "☑"})


class _Cells:
    """One typed table's cells and what ner/ found in each."""

    def __init__(self, t: TypedTable, pieces: dict[tuple[str, int, int], TextMentions],
                 references: list[Reference] = ()):
        self.t, self.pieces = t, pieces
        source = next((c for c in t.columns if c.role == "source"), None)
        self.source = source_document(source.name, references) if source is not None else None

    def col(self, role: str) -> int | None:
        return next((c.index for c in self.t.columns if c.role == role), None)

    def text(self, row: TypedRow, role: str) -> str:
        k = self.col(role)
        return row.cells[k].strip() if k is not None and k < len(row.cells) else ""

    def ticked_period(self, row: TypedRow) -> str | None:
        """The periods of the columns a row ticks ('Giai đoạn thực hiện: 2023-2025 | 2026-2030' with an
        'x' under one or both, pool zj): the years their headers name, not the mark."""
        ticked = [c.name.split(" / ")[-1].strip() for c in self.t.columns
                  if c.index < len(row.cells) and row.cells[c.index].strip() in TICKS]
        periods = [period_text(years) for years in ticked if time_kind(years) == "period"]
        return ", ".join(periods) or None

    def piece(self, row: TypedRow, role: str | int) -> TextMentions | None:
        k = role if isinstance(role, int) else self.col(role)
        return self.pieces.get((self.t.id, row.index, k)) if k is not None else None

    def money_column(self) -> int | None:
        """The money column a record takes: the amount the document decides (an allocation) if
        it has one, else a total; never a part ('Trong đó') or an amount already spent."""
        money = [c for c in self.t.columns if c.role == "budget"]
        for kind in ("allocation", "total", None):
            for c in money:
                if c.money_kind == kind:
                    return c.index
        return money[0].index if money else None

    def money_columns(self) -> list[int]:
        """The money columns a row gives lines for: each, where they are peers of one kind (years,
        sources, levels, prizes: 'Năm 2024 | Năm 2025', 'Cấp Thành phố | Cấp xã', 'HCV | HCB |
        HCĐ'), a line per row and column with a figure; else the one `money_column` chooses (a
        total beside its parts, an allocation beside what was spent)."""
        money = [c for c in self.t.columns if c.role == "budget"]
        if len(money) > 1 and _peers(money):
            return [c.index for c in money]
        # a total's shares by year or source ('Tổng cộng | Năm 2024 | Năm 2025', 'Tổng số | Trong đó:
        # NSTW | NSĐP'): a line per item and year or source (issue 17, item 4), not the sum; a split
        # by kind of work ('Tổng mức chi | Nhiệm vụ soạn thảo | …', holdout h04) leaves the total
        shares = [c for c in money if c.money_kind != "total"]
        if 1 < len(shares) < len(money) and all(c.money_kind in (*_PEER_KINDS, "part") for c in shares) \
                and all(splits_by_year_or_source(c.name) for c in shares):
            # (the words over all the years stand in the first column's header only: 'Kinh phí … /
            # 2011' beside '2012': allocations and plain years are one split, pool y)
            return [c.index for c in shares]
        k = self.money_column()
        return [k] if k is not None else []

    def money(self, row: TypedRow, column: int | None = None) -> Money | None:
        k = self.money_column() if column is None else column
        p = self.piece(row, k) if k is not None else None
        a = p.amounts[0] if p is not None and p.amounts else None
        return Money(currency=a.currency, value=a.value, low=a.low, high=a.high) if a else None

    def agencies(self, row: TypedRow, role: str | int) -> list[str]:
        """The bodies a cell names; in a cell of bodies in charge, not those it names after 'phối
        hợp' ('Đảng uỷ UBND xã chủ trì, phối hợp Công an xã': the Công an co-operates, pool n06)."""
        p = self.piece(row, role)
        if p is None:
            return []
        cut = _COOPERATING.search(p.text) if role == "agency" else None
        leads = [a for a in p.agencies if cut is None or a.position is None or a.position.start < cut.start()]
        return list(dict.fromkeys(a.name for a in (leads or p.agencies)))

    def group_agencies(self, row: TypedRow) -> list[str]:
        """Bodies a budget line's group row allocates to ('I. SỞ Y TẾ | 14.000', 'HUYỆN AN LÃO |
        1.700'): the group row states its subtotal and starts with their names. A heading of work
        or spending that mentions bodies ('Báo cáo của Hội đồng nhân dân, Ủy ban nhân dân Thành
        phố', holdout h04; '1. Ban Chỉ đạo thi' over its members' rates, holdout2 k03) names no
        one in charge of its rows."""
        if row.group_row is None:
            return []
        group = next((r for r in self.t.rows if r.index == row.group_row), None)
        k = self.money_column()
        if group is None or k is None or k >= len(group.cells) or not group.cells[k].strip():
            return []
        names = []
        for k in range(len(self.t.columns)):
            p = self.pieces.get((self.t.id, row.group_row, k))
            if p is None or not p.agencies:
                continue
            first = p.text.find(p.agencies[0].text)
            if first >= 0 and NUMBERING.fullmatch(p.text[:first]):
                names += [a.name for a in p.agencies]
        return list(dict.fromkeys(names))


def assemble_records(typed: list[TypedTable], mentions: Mentions) -> tuple[Records, list[Warning]]:
    records = Records()
    warnings: list[Warning] = []
    pieces = mentions.cells()
    for t in typed:
        cells = _Cells(t, pieces, mentions.references)
        if t.kind == "tasks":
            tasks = [tk for tk in (_task(cells, r) for r in t.rows if r.kind == "data") if tk is not None]
            if cells.col("agency") is None:
                tasks = led_by_caption(tasks, caption_bodies(t, mentions))
            records.tasks.extend(tasks)
            warnings.extend(table_total_warning(t, [tk.budget for tk in tasks], _total(cells)))
            warnings.extend(_group_totals(cells, {tk.provenance.row: tk.budget for tk in tasks}))
        elif t.kind == "catalog":
            records.catalog.extend(_catalog(cells))
        elif t.kind == "budget":
            columns = cells.money_columns()
            lines = [b for r in t.rows if r.kind == "data" for b in _budget_lines(cells, r, columns)]
            # A row without money in a table whose other rows have it is no budget line but a
            # heading or a spending kind paid 'theo chứng từ' (holdout h04); the totals check
            # still sees it, as a part it cannot count.
            # A figure of 0 is no money spent on the item (in one year's column of several, or in
            # the table's one column): no line, as no gold line of the pools has one (0 of 1,271).
            # A table whose money cells are all empty is a blank form ('Giá trị (triệu VNĐ)' over
            # nothing, a report's template): no line at all (pool r: 18 false lines).
            priced = [b for b in lines if b.amount is not None and (b.amount.value or b.amount.high)]
            rows = {r.index: r for r in t.rows}
            records.budget.extend(priced or [b for b in lines if b.amount is None
                                             and _money_written(cells, rows[b.provenance.row])])
            if len(columns) == 1:   # (peer columns' totals are not yet checked column by column)
                warnings.extend(table_total_warning(t, [b.amount for b in lines], _total(cells)))
                warnings.extend(_group_totals(cells, {b.provenance.row: b.amount for b in lines}))
    warnings.extend(narrative_total_warnings(mentions))
    return records, warnings


def _money_written(cells: _Cells, row: TypedRow) -> bool:
    """Whether a row has anything written in a money column (a figure in a unit that was not read,
    'theo thực tế'): its line is kept without its amount, for a person to read."""
    # ('…', '...', '-' are a form's places to fill in, nothing written)
    return any(re.search(r"\w", row.cells[c.index]) for c in cells.t.columns if c.role == "budget" and c.index < len(row.cells))


def _group_totals(cells: _Cells, money_by_row: dict[int, Money | None]) -> list[Warning]:
    """A group row that states an amount ('I | SỞ Y TẾ | 14.000') is the subtotal of its rows."""
    out = []
    for g in (r for r in cells.t.rows if r.kind == "group"):
        subtotal = cells.money(g)
        rows = [r for r in cells.t.rows if r.kind in ("data", "group", "part") and r.group_row == g.index]
        members = [money_by_row.get(r.index) for r in rows if r.kind == "data"]
        if len({numbering_rank(cells.text(r, "stt") or r.cells[0]) for r in rows}) > 1:
            continue   # parts of parts ('1', 'a', '-', 'Trong đó'): not its own parts alone, so no check
        if subtotal is not None and members:
            for w in table_total_warning(cells.t, members, (subtotal, g.page)):
                w.details["group_row"] = g.index
                w.message = w.message.replace("total row", f"group row '{(g.group or '')[:60]}'", 1)
                out.append(w)
    return out


def _total(cells: _Cells) -> tuple[Money, int | None] | None:
    """The last total row's amount and page."""
    totals = [r for r in cells.t.rows if r.kind == "total"]
    money = cells.money(totals[-1]) if totals else None
    return (money, totals[-1].page) if money is not None else None


def _names_one_organization(text: str) -> bool:
    """'Hiệp hội Doanh nghiệp' names one organization: a proper name (a capital after the first
    word) and no list. 'Doanh nghiệp, nhà cung cấp dịch vụ, nhà đầu tư' (holdout h03) and 'các
    doanh nghiệp' name kinds of actors, 'Nhân viên phòng KHTH' people, 'Phòng Đào tạo &CTSV' a part
    of a body nobody named and 'Tập đoàn Viettel' a company (NO_BODY_LEAD): no lead."""
    words = text.split()
    key = f"{match_key(text)} "
    return bool(words) and not re.search(r"[,;]", text) and any(w[:1].isupper() for w in words[1:]) \
        and not key.startswith(PEOPLE_WORDS) and not NO_BODY_LEAD.search(key)


def _task(cells: _Cells, row: TypedRow) -> Task | None:
    name = clean_text(cells.text(row, "name"))
    if not name:
        return None
    ref_role = "note" if cells.text(row, "note") else "reference"
    ref_piece = cells.piece(row, ref_role)
    ref = ref_piece.references[0] if ref_piece is not None and ref_piece.references else None
    if ref is None and cells.source is not None and cells.text(row, "source"):
        ref = cells.source   # the row's item number in the document its column names ('Theo NQ 01' | '3')
    months = parse_duration_months(cells.text(row, "duration"))
    agencies = cells.agencies(row, "agency")
    if not agencies and _names_one_organization(cells.text(row, "agency")):
        # a lead that is no public body ('Hiệp hội Doanh nghiệp') is kept as written, its shortenings
        # spelled out ('Trung tâm CNTT Tây Bắc', a survey plan's task table of 2012, pool zzf)
        agencies = [tidy_name(expand_abbreviations(cells.text(row, "agency")))]
    stt = re.match(r"\d+", cells.text(row, "stt"))
    return Task(
        number=int(stt.group()) if stt else None,
        agency=agencies[0] if agencies else None,
        lead_agencies=agencies,
        coordinating_agencies=cells.agencies(row, "coordinating"),
        deadline=cells.text(row, "deadline") or None,
        period=cells.ticked_period(row) or cells.text(row, "period") or None,
        name=name,
        objective=cells.text(row, "objective") or None,
        expected_result=cells.text(row, "result") or None,
        budget=cells.money(row),
        duration_months=MonthRange(low=months[0], high=months[1]) if months else None,
        source_ref=ref.key if ref else None,
        source_ref_date=ref.date if ref else None,
        note=cells.text(row, ref_role) or None,
        provenance=RecordProvenance(table_id=cells.t.id, row=row.index, page=row.page),
        confidence=min(1.0 if agencies else 0.6, cells.t.kind_confidence),
    )


def split_trailing_agency(text: str, agencies: list[Agency]) -> tuple[str, list[str]]:
    """'Robot công nghiệp. Bộ Công Thương.' → ('Robot công nghiệp', ['Bộ Công Thương']);
    'Hệ thống … Bộ Công Thương/ Bộ Xây dựng' → two agencies. `agencies` are those ner/ found in
    the text, with their positions."""
    body_end = len(text)
    names: list[str] = []
    tail = text.rstrip(" ./;")
    for a in sorted(agencies, key=lambda a: a.position.start, reverse=True):
        start, end = a.position.start, a.position.end
        rest = tail[end:]
        if rest.strip(" ./;,") and body_end == len(text):
            break
        if body_end != len(text) and not re.fullmatch(r"[\s/,;và&-]*", text[end:body_end]):
            break
        names.insert(0, a.name)
        body_end = start
    if not names or not text[:body_end].strip():
        return text.strip(), []
    return text[:body_end].strip(), list(dict.fromkeys(names))


def _group_number(group: str | None) -> int | None:
    if not group:
        return None
    m = _GROUP_NO.search(group)
    if m:
        return int(m.group(1))
    m = _ROMAN_GROUP.match(group)
    if m:
        return roman_to_int(m.group(1))
    return None


def _catalog(cells: _Cells) -> list[CatalogItem]:
    t = cells.t
    out: list[CatalogItem] = []
    name_col = cells.col("name")
    name_col = name_col if name_col is not None else 0
    for row in t.rows:
        if row.kind != "data":
            continue
        raw = row.cells[name_col]
        stt = cells.text(row, "stt")
        m = _NUMBERED.match(raw)
        number = int(stt) if stt.isdigit() else (int(m.group("num")) if m else None)
        body, skipped = (m.group("body"), m.start("body")) if m and not stt else (raw, 0)
        confidence = 1.0
        if number is None and out and out[-1].number is not None:
            # OCR could not read the printed number ('pet Truyền thông …' for '25. Truyền thông …'):
            # the sequence gives it, and a short unreadable token before the name goes.
            number, confidence = out[-1].number + 1, 0.7
            cut = re.match(r"^\S{1,4}[.)]?\s+(?=[A-ZĐÀ-Ỹ])", body)
            if cut:
                body, skipped = body[cut.end():], skipped + cut.end()
        agencies = cells.agencies(row, "agency") if cells.text(row, "agency") else []
        if not cells.text(row, "agency"):
            piece = cells.piece(row, name_col)
            found = [a.model_copy(update={"position": a.position.model_copy(update={
                "start": a.position.start - skipped, "end": a.position.end - skipped})})
                for a in (piece.agencies if piece is not None else []) if a.position.start >= skipped]
            body, agencies = split_trailing_agency(body, found)
        name = clean_text(body).strip(" -").rstrip(".").strip()
        if not name:
            continue
        out.append(CatalogItem(kind=t.catalog_kind or "product", number=number, name=name,
                               group=_group_number(row.group), group_title=row.group,
                               lead_agencies=agencies, confidence=confidence,
                               provenance=RecordProvenance(table_id=t.id, row=row.index, page=row.page)))
    return out


def _budget_lines(cells: _Cells, row: TypedRow, columns: list[int]) -> list[BudgetLine]:
    """A project, work or locality and its money: a line for each of `columns` (the table's money
    columns, `_Cells.money_columns`) that has a figure, one line without money where none has. The
    bodies in charge: the row's own column of them, else its group row ('I. SỞ Y TẾ' over its
    projects). The period: the row's, else the year its money column names ('Năm 2025')."""
    item = clean_text(cells.text(row, "name") or cells.text(row, "agency"))
    if rate_label(cells.text(row, "name")):
        return []   # ('- Tỷ lệ phần trăm (%)' between rows of money, pool f): rates, no line
    if not item:
        return []
    lead = cells.agencies(row, "agency") or cells.group_agencies(row)
    period = cells.text(row, "period")
    period = period_text(period) if period else None
    priced = [(k, m) for k, m in ((k, cells.money(row, k)) for k in columns) if m is not None]
    return [BudgetLine(
        item=item,
        amount=amount,
        lead_agencies=lead,
        coordinating_agencies=cells.agencies(row, "coordinating"),
        period=period or (column_year(cells.t.columns[k].name) if k is not None else None),
        amount_column=cells.t.columns[k].name if k is not None and len(columns) > 1 else None,
        provenance=RecordProvenance(table_id=cells.t.id, row=row.index, page=row.page),
        confidence=cells.t.kind_confidence) for k, amount in (priced or [(None, None)])]


_SOURCE_HEADER = re.compile(SOURCE_HEADER, re.IGNORECASE)


def source_document(header: str, references: list[Reference]) -> Reference | None:
    """'Theo NQ 01' over the rows' item numbers: the one document of that kind and number the text
    cites ('Căn cứ Nghị quyết số 01/NQ-CP ngày 05 tháng 01 năm 2024 …'); None if none or several."""
    m = _SOURCE_HEADER.match(match_key(header))
    if not m:
        return None
    written = sorted((r for r in references if r.key.lower() in match_key(header).replace(" ", "")),
                     key=lambda r: len(r.key), reverse=True)
    if written:   # the header writes the document's key, the longest that fits ('NV theo KH 05- KH/BCĐ TW')
        return written[0]
    type_name = type_of(m.group("kind"))
    found = {r.key: r for r in references if r.number.isdigit() and int(r.number) == int(m.group("number"))
             and type_name is not None and (r.doc_type or "").lower() == type_name.lower()}
    return next(iter(found.values())) if len(found) == 1 else None
