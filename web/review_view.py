"""What the document page shows: every field and record row as the analyst left it.

The page used to draw mentions and rows from the extracted result, so a correction showed only
in the API and the audit. Here each extracted item is paired with its decision by the same key
the corrections use (`records.corrections.item_key`, the one rule for item identity): a
corrected item shows its corrected value with a mark (who, when), a rejected one is struck
through, an added one appears with its box; the editor is pre-filled with the value as the
document writes it (an amount in the mention's own unit)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from normalize.numbers import format_vn_number
from normalize.typed_values import unit_written_in
from records.corrections import MENTION_FIELDS, RECORD_FIELDS, item_key, items_of


@dataclass
class Shown:
    field: str
    target: str
    item: dict                       # what the page shows: the reviewed item
    decision: str | None = None      # accept | correct | reject | add
    status: str | None = None        # active | stale (a correction that no longer fits the extraction)
    by: str | None = None            # who decided, and when (shown on hover)
    edit: str = ""                   # the editor's starting text
    unit: str = ""                   # the unit the editor's figure is in
    cells: dict = field(default_factory=dict)   # a record row's cells as typed (money as written)


def _decision(c) -> dict:
    if c is None:
        return {}
    return {"decision": c.action, "status": c.status,
            "by": f"{c.user_name}, {c.created_at:%d/%m/%Y %H:%M}" if c.created_at else c.user_name}


def _money_text(money: dict | None) -> str:
    if not money or money.get("value") is None:
        return ""
    return format_vn_number(money["value"], grouping=True)


def _editable(field_name: str, item: dict) -> tuple[str, str]:
    if field_name == "amounts":
        if item.get("value") is None:
            return "", ""
        unit = unit_written_in(item.get("text"))
        if item.get("currency") != unit.currency:
            unit = unit._replace(multiplier=1, name=item.get("currency") or "đồng")
        return format_vn_number(Decimal(item["value"]) / unit.multiplier, grouping=True), unit.name
    if field_name == "dates":
        value = item.get("value") or ""
        if item.get("precision") == "day" and len(value) == 10:
            y, m, d = value.split("-")
            return f"{d}/{m}/{y}", ""
        return value, ""
    if field_name == "references":
        return item.get("key") or "", ""
    return item.get("name") or item.get("text") or "", ""


def _cells(field_name: str, item: dict) -> dict:
    money = item.get("budget") if field_name == "tasks" else item.get("amount") if field_name == "budget" else None
    cells = {k: ("" if v is None else str(v)) for k, v in item.items() if not isinstance(v, (dict, list))}
    cells["money"] = _money_text(money)
    return cells


def shown_items(extracted: dict, corrections: dict) -> dict[str, list[Shown]]:
    """{field: [Shown]} for the mentions and the record kinds; corrections: {(field, target): row}."""
    out: dict[str, list[Shown]] = {}
    for name in (*MENTION_FIELDS, *RECORD_FIELDS):
        rows = []
        for item in items_of(extracted, name):
            target = item_key(name, item)
            c = corrections.get((name, target))
            shown = dict(item)
            if c is not None and c.action == "correct" and c.status != "stale" and isinstance(c.new_value, dict):
                shown = {**item, **c.new_value}
            rows.append(Shown(name, target, shown, **_decision(c)))
        for (f, target), c in corrections.items():
            if f == name and c.action == "add" and isinstance(c.new_value, dict):
                added = dict(c.new_value)
                if added.get("page") and added.get("bbox"):
                    added.setdefault("occurrences", [{"page": added["page"], "bbox": added["bbox"]}])
                rows.append(Shown(name, target, added, **_decision(c)))
        for s in rows:
            s.edit, s.unit = _editable(name, s.item)
            if name in RECORD_FIELDS:
                s.cells = _cells(name, s.item)
        out[name] = rows
    return out
