"""Typed records built from tables: field names follow shared/eval/GOLD_FORMAT.md."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models.document import BBox


class Money(BaseModel):
    currency: Literal["VND", "USD"] = "VND"
    value: int | None = None
    low: int | None = None
    high: int | None = None


class MonthRange(BaseModel):
    low: int
    high: int


class RecordProvenance(BaseModel):
    table_id: str | None = None
    row: int | None = None
    page: int | None = None
    bbox: BBox | None = Field(None, description="the source row, in PDF points on `page`")
    block_id: str | None = None


class Task(BaseModel):
    number: int | None = None
    agency: str | None = Field(None, description="the (first) body in charge")
    lead_agencies: list[str] = Field(default_factory=list, description="every body the lead cell names")
    coordinating_agencies: list[str] = Field(default_factory=list)
    name: str
    objective: str | None = None
    expected_result: str | None = None
    budget: Money | None = None
    duration_months: MonthRange | None = None
    deadline: str | None = Field(None, description="when it is due, as written ('Quý II/2026', 'Thường xuyên')")
    period: str | None = Field(None, description="the years it runs, as written ('2026-2027')")
    source_ref: str | None = None
    source_ref_date: str | None = None
    note: str | None = None
    provenance: RecordProvenance = Field(default_factory=RecordProvenance)
    confidence: float = 1.0


class CatalogItem(BaseModel):
    kind: Literal["technology", "product"]
    number: int | None = None
    name: str
    group: int | None = None
    group_title: str | None = None
    lead_agencies: list[str] = Field(default_factory=list)
    provenance: RecordProvenance = Field(default_factory=RecordProvenance)
    confidence: float = 1.0


class BudgetLine(BaseModel):
    item: str
    amount: Money | None = None
    lead_agencies: list[str] = Field(default_factory=list)
    coordinating_agencies: list[str] = Field(default_factory=list)
    period: str | None = None
    # the header of the money column the amount is read from, where a row gives a line per year or
    # source column ('Năm 2025', 'Ngân sách trung ương'); None where the table has one money column
    amount_column: str | None = None
    provenance: RecordProvenance = Field(default_factory=RecordProvenance)
    confidence: float = 1.0


class Records(BaseModel):
    tasks: list[Task] = Field(default_factory=list)
    catalog: list[CatalogItem] = Field(default_factory=list)
    budget: list[BudgetLine] = Field(default_factory=list)
