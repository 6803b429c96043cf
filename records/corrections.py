"""Analysts' corrections applied to an extraction result, and what they say about the extractor.

A field is named by (field, target): `document`/number, `amounts`/'VND|1436130000000||',
`tasks`/'t2:5' (table and row). A correction remembers the value the extractor gave
(`old_value`); it applies while the target still says that (or already says the new value),
and is reported stale otherwise: after an extractor upgrade nothing is silently dropped or
silently forced onto a value it was not made for. Pure functions over the result's JSON."""
from __future__ import annotations

import copy
from dataclasses import dataclass

HEADER_FIELDS = ("doc_type", "number", "symbol", "issuer", "date", "place", "title")
MENTION_FIELDS = ("references", "dates", "amounts", "agencies")
RECORD_FIELDS = ("tasks", "catalog", "budget")
FIELDS = ("document", *MENTION_FIELDS, *RECORD_FIELDS)
ACTIONS = ("accept", "correct", "reject", "add")
# Parts of an item that say where it is or how sure the extractor was, not what it is (a
# reference's relations are read from the sentences around it: evidence, like its occurrences).
_WHERE = {"text", "page", "bbox", "position", "occurrences", "confidence", "provenance", "boxes", "relations"}


@dataclass(frozen=True)
class CorrectionIn:
    id: int
    field: str
    target: str
    action: str
    old_value: object
    new_value: object


def item_key(field: str, item: dict) -> str:
    """The identity of a mention (its normalized value) or a record (its source row)."""
    if field == "references":
        return str(item.get("key"))
    if field == "dates":
        return f"{item.get('value')}|{item.get('precision')}"
    if field == "amounts":
        return "|".join("" if item.get(k) is None else str(item.get(k)) for k in ("currency", "value", "low", "high"))
    if field == "agencies":
        return str(item.get("name"))
    prov = item.get("provenance") or {}
    if prov.get("table_id") is not None:
        return f"{prov['table_id']}:{prov.get('row')}"
    return f"item:{item.get('name') or item.get('item')}"


def value_view(item):
    """What an item says, without where it is: two extractions agree when their views are equal."""
    if isinstance(item, dict):
        return {k: v for k, v in item.items() if k not in _WHERE}
    return item


def items_of(result: dict, field: str) -> list[dict]:
    if field in MENTION_FIELDS:
        return result.get(field) or []
    if field in RECORD_FIELDS:
        return (result.get("records") or {}).get(field) or []
    return []


def current_value(result: dict, field: str, target: str):
    """The extractor's value at (field, target); None when it has none there."""
    if field == "document":
        return (result.get("document") or {}).get(target)
    for item in items_of(result, field):
        if item_key(field, item) == target:
            return item
    return None


def apply_corrections(result: dict, corrections: list[CorrectionIn]) -> tuple[dict, dict[int, str]]:
    """(the reviewed result, each correction's status: 'applied' or 'stale')."""
    out = copy.deepcopy(result)
    status: dict[int, str] = {}
    for c in corrections:
        status[c.id] = _apply(out, c)
    return out, status


def _fits(current, c: CorrectionIn) -> bool:
    if c.action == "add":
        return True
    now = value_view(current)
    return now == value_view(c.old_value) or (c.action == "correct" and _merged_view(current, c) == now)


def _merged_view(current, c: CorrectionIn):
    if isinstance(current, dict) and isinstance(c.new_value, dict):
        return value_view({**current, **c.new_value})
    return value_view(c.new_value)


def _apply(out: dict, c: CorrectionIn) -> str:
    current = current_value(out, c.field, c.target)
    if c.field == "document":
        if not _fits(current, c):
            return "stale"
        if c.action in ("correct", "add"):
            out.setdefault("document", {})[c.target] = c.new_value
        elif c.action == "reject":
            out.setdefault("document", {})[c.target] = None
        return "applied"
    if c.action == "add":
        if current is None:
            added = dict(c.new_value) if isinstance(c.new_value, dict) else {"value": c.new_value}
            added["added_by_review"] = True
            _items(out, c.field).append(added)
        return "applied"
    if current is None or not _fits(current, c):
        return "stale"
    items = _items(out, c.field)
    index = next(i for i, it in enumerate(items) if item_key(c.field, it) == c.target)
    if c.action == "reject":
        items.pop(index)
    elif c.action == "correct":
        items[index] = {**items[index], **(c.new_value if isinstance(c.new_value, dict) else {})}
        items[index]["corrected_by_review"] = True
    return "applied"


def _items(out: dict, field: str) -> list[dict]:
    if field in MENTION_FIELDS:
        return out.setdefault(field, [])
    return out.setdefault("records", {}).setdefault(field, [])


def field_scores(pairs: list[tuple[dict, dict]]) -> dict[str, dict[str, float | int]]:
    """Per field, over (extracted, reviewed) result pairs: how many distinct values the extractor
    gave, how many the analysts kept or added, how many agree; precision and recall of the
    extractor against what the analysts checked."""
    scores = {}
    for field in (*MENTION_FIELDS, *RECORD_FIELDS):
        extracted = reviewed = agree = 0
        for before, after in pairs:
            e = {(item_key(field, i), _canon(value_view(i))) for i in items_of(before, field)}
            r = {(item_key(field, i), _canon(_clean(value_view(i)))) for i in items_of(after, field)}
            extracted, reviewed, agree = extracted + len(e), reviewed + len(r), agree + len(e & r)
        scores[field] = {"extracted": extracted, "reviewed": reviewed, "agree": agree,
                         "precision": agree / extracted if extracted else None,
                         "recall": agree / reviewed if reviewed else None}
    return scores


def _clean(view):
    if isinstance(view, dict):
        return {k: v for k, v in view.items() if k not in ("corrected_by_review", "added_by_review")}
    return view


def _canon(view) -> str:
    import json
    return json.dumps(view, sort_keys=True, ensure_ascii=False)


def gold_of(result: dict, doc_id: str) -> dict:
    """A reviewed result in ../shared/eval/GOLD_FORMAT.md form (distinct normalized values)."""
    refs = [{"key": r.get("key"), "doc_type": r.get("doc_type"), "date": r.get("date")}
            for r in result.get("references") or []]
    dates = sorted({d["value"] for d in result.get("dates") or [] if d.get("precision") in ("day", "month")})
    amounts = []
    for a in result.get("amounts") or []:
        if a.get("value") is not None:
            amounts.append({"currency": a.get("currency", "VND"), "value": a["value"]})
        elif a.get("low") is not None or a.get("high") is not None:
            amounts.append({"currency": a.get("currency", "VND"), "low": a.get("low"), "high": a.get("high")})
    records = result.get("records") or {}
    tasks = [{"agency": t.get("agency"), "name": t.get("name"), "budget": _money(t.get("budget")),
              "duration_months": t.get("duration_months"), "source_ref": t.get("source_ref")}
             for t in records.get("tasks") or []]
    catalog = [{"kind": c.get("kind"), "number": c.get("number"), "name": c.get("name"), "group": c.get("group"),
                "lead_agencies": c.get("lead_agencies") or []} for c in records.get("catalog") or []]
    budget = [{"item": b.get("item"), "amount": _money(b.get("amount")), "lead_agencies": b.get("lead_agencies") or [],
               "period": b.get("period")} for b in records.get("budget") or []]
    return {"doc_id": doc_id, "source": (result.get("source") or {}).get("path"), "references": refs,
            "dates": dates, "amounts": amounts, "agencies": sorted({a["name"] for a in result.get("agencies") or []}),
            "tasks": tasks, "catalog": catalog, "budget": budget,
            "notes": "exported from the review app: the extraction with the analysts' corrections"}


def _money(m):
    if not m:
        return None
    return {k: v for k, v in m.items() if v is not None}
