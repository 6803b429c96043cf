"""Typed tables → tasks, catalog items and budget lines; totals reconciled, never corrected."""
from __future__ import annotations

import re

from models import (BudgetLine, CatalogItem, Document, Money, MonthRange, RecordProvenance, Records, Task,
                    TypedTable, Warning)
from ner.agencies import find_agencies
from ner.amounts import amount_in_cell, find_amounts
from ner.references import find_references, issue_date_after
from normalize.durations import parse_duration_months
from normalize.money import MoneyUnit
from normalize.numbers import roman_to_int
from normalize.text import clean_text
from records.totals import narrative_total_warnings, table_total_warning
from tables.lists import split_trailing_agency

_NUMBERED = re.compile(r"^\s*(?:-\s*)?(?P<num>\d{1,3})\s*[.)]\s*(?:-\s*)?(?P<body>.*)$", re.DOTALL)
_GROUP_NO = re.compile(r"nh[oó]m\s+(\d+)", re.IGNORECASE)
_ROMAN_GROUP = re.compile(r"^\s*(?:-\s*)?([IVX]{1,5})[.)]")


def assemble_records(typed: list[TypedTable], doc: Document) -> tuple[Records, list[Warning]]:
    records = Records()
    warnings: list[Warning] = []
    for t in typed:
        if t.kind == "tasks":
            tasks = [tk for tk in (_task(t, r) for r in t.rows if r.kind == "data") if tk is not None]
            records.tasks.extend(tasks)
            warnings.extend(table_total_warning(t, [tk.budget for tk in tasks], _money_unit(t)))
        elif t.kind == "catalog":
            records.catalog.extend(_catalog(t))
        elif t.kind == "budget":
            lines = [b for b in (_budget_line(t, r) for r in t.rows if r.kind == "data") if b is not None]
            records.budget.extend(lines)
            warnings.extend(table_total_warning(t, [b.amount for b in lines], _money_unit(t)))
    warnings.extend(narrative_total_warnings(doc))
    return records, warnings


def _col(t: TypedTable, role: str) -> int | None:
    return next((c.index for c in t.columns if c.role == role), None)


def _cell(t: TypedTable, row, role: str) -> str:
    k = _col(t, role)
    return row.cells[k].strip() if k is not None and k < len(row.cells) else ""


def _money_unit(t: TypedTable) -> MoneyUnit | None:
    k = _col(t, "budget")
    c = t.columns[k] if k is not None else None
    return MoneyUnit(c.multiplier, c.currency, c.unit) if c is not None and c.multiplier else None


def _money(text: str, unit: MoneyUnit | None) -> Money | None:
    if not text:
        return None
    found = find_amounts(text)
    a = found[0] if found else (amount_in_cell(text, unit) if unit else None)
    if a is None:
        return None
    return Money(currency=a.currency, value=a.value, low=a.low, high=a.high)


def _agencies(text: str, ocr: bool = False) -> list[str]:
    names = [a.name for a in find_agencies(text, agency_column=True, ocr=ocr)]
    return list(dict.fromkeys(names))


def _task(t: TypedTable, row) -> Task | None:
    name = clean_text(_cell(t, row, "name"))
    if not name:
        return None
    ref_text = _cell(t, row, "note") or _cell(t, row, "reference")
    refs = find_references(ref_text)
    months = parse_duration_months(_cell(t, row, "duration"))
    agencies = _agencies(_cell(t, row, "agency"), t.ocr)
    stt = re.match(r"\d+", _cell(t, row, "stt"))
    return Task(
        number=int(stt.group()) if stt else None,
        agency=agencies[0] if agencies else (_cell(t, row, "agency") or None),
        name=name,
        objective=_cell(t, row, "objective") or None,
        expected_result=_cell(t, row, "result") or None,
        budget=_money(_cell(t, row, "budget"), _money_unit(t)),
        duration_months=MonthRange(low=months[0], high=months[1]) if months else None,
        source_ref=refs[0].key if refs else None,
        source_ref_date=issue_date_after(ref_text, refs[0].end) if refs else None,
        note=ref_text or None,
        provenance=RecordProvenance(table_id=t.id, row=row.index, page=row.page),
        confidence=1.0 if agencies else 0.6,
    )


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


def _catalog(t: TypedTable) -> list[CatalogItem]:
    out: list[CatalogItem] = []
    name_col = _col(t, "name")
    for row in t.rows:
        if row.kind != "data":
            continue
        raw = row.cells[name_col] if name_col is not None else row.cells[0]
        stt = _cell(t, row, "stt")
        m = _NUMBERED.match(raw)
        number = int(stt) if stt.isdigit() else (int(m.group("num")) if m else None)
        body = m.group("body") if m and not stt else raw
        confidence = 1.0
        if number is None and out and out[-1].number is not None:
            # OCR could not read the printed number ('pet Truyền thông …' for '25. Truyền thông …'):
            # the sequence gives it, and a short unreadable token before the name goes.
            number, confidence = out[-1].number + 1, 0.7
            body = re.sub(r"^\S{1,4}[.)]?\s+(?=[A-ZĐÀ-Ỹ])", "", body)
        agency_text = _cell(t, row, "agency")
        agencies = _agencies(agency_text, t.ocr) if agency_text else []
        if not agency_text and t.source == "table":
            body, agencies = split_trailing_agency(body, t.ocr)
        name = clean_text(body).strip(" -").rstrip(".").strip()
        if not name:
            continue
        out.append(CatalogItem(kind=t.catalog_kind or "product", number=number, name=name,
                               group=_group_number(row.group), group_title=row.group,
                               lead_agencies=agencies, confidence=confidence,
                               provenance=RecordProvenance(table_id=t.id, row=row.index, page=row.page)))
    return out


def _budget_line(t: TypedTable, row) -> BudgetLine | None:
    item = clean_text(_cell(t, row, "name") or _cell(t, row, "agency"))
    if not item:
        return None
    return BudgetLine(
        item=item,
        amount=_money(_cell(t, row, "budget"), _money_unit(t)),
        lead_agencies=_agencies(_cell(t, row, "agency"), t.ocr),
        coordinating_agencies=_agencies(_cell(t, row, "coordinating"), t.ocr),
        period=_cell(t, row, "period") or None,
        provenance=RecordProvenance(table_id=t.id, row=row.index, page=row.page))
