"""Typed tables and records from a Document (filled in by the tables/records stage)."""
from __future__ import annotations

from models import Document, Records, Warning


def build_records(doc: Document) -> tuple[list[dict], Records, list[Warning]]:
    from tables.typed import type_tables
    from records.assemble import assemble_records
    typed = type_tables(doc)
    records, warnings = assemble_records(typed, doc)
    return [t.model_dump(mode="json") for t in typed], records, warnings
