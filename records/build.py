"""Document → typed tables (tables/) → records (records/)."""
from __future__ import annotations

from models import Document, Records, Warning
from records.assemble import assemble_records
from tables.typed import type_tables


def build_records(doc: Document) -> tuple[list[dict], Records, list[Warning]]:
    typed = type_tables(doc)
    records, warnings = assemble_records(typed, doc)
    return [t.model_dump(mode="json") for t in typed], records, warnings
