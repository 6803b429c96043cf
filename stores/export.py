"""Read records back from the store as JSON or CSV (latest run of each document)."""
from __future__ import annotations

import csv
import io
import json

from stores.db import Store

_CSV_FIELDS = {
    "tasks": ["document", "number", "agency", "name", "budget_currency", "budget_value", "budget_low",
              "budget_high", "duration_low", "duration_high", "source_ref", "source_ref_date", "page"],
    "catalog": ["document", "kind", "number", "name", "group", "lead_agencies", "page"],
    "budget": ["document", "item", "amount_currency", "amount_value", "amount_low", "amount_high",
               "lead_agencies", "coordinating_agencies", "period", "page"],
}


def fetch_records(store: Store, kind: str) -> list[dict]:
    with store.sessions() as s:
        out = []
        for run in store.latest_runs(s):
            for row in getattr(run, kind):
                out.append({"document": run.document.path, "sha256": run.document.sha256, **row.data})
        return out


def export_records(store: Store, kind: str, fmt: str) -> str:
    records = fetch_records(store, kind)
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_CSV_FIELDS[kind], extrasaction="ignore")
    writer.writeheader()
    for r in records:
        writer.writerow(_flatten(kind, r))
    return buf.getvalue()


def _flatten(kind: str, r: dict) -> dict:
    flat = dict(r)
    flat["page"] = (r.get("provenance") or {}).get("page")
    money_key = {"tasks": "budget", "budget": "amount"}.get(kind)
    if money_key:
        m = r.get(money_key) or {}
        for f in ("currency", "value", "low", "high"):
            flat[f"{money_key}_{f}"] = m.get(f)
    if kind == "tasks":
        d = r.get("duration_months") or {}
        flat["duration_low"], flat["duration_high"] = d.get("low"), d.get("high")
    for f in ("lead_agencies", "coordinating_agencies"):
        if f in r:
            flat[f] = "; ".join(r[f])
    return flat
