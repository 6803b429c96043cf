"""Typed tables: what each column means and what each row is."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models.document import BBox

ColumnRole = Literal["stt", "agency", "coordinating", "submitter", "name", "objective", "result", "budget",
                     "duration", "deadline", "period", "time", "reference", "note", "location", "date", "measure",
                     "category", "person", "score", "source", "other"]
MoneyKind = Literal["total", "allocation", "spent", "part", "rate", "before_tax"]
RowKind = Literal["data", "group", "total", "part"]
TableKind = Literal["tasks", "catalog", "budget", "other"]


class TypedColumn(BaseModel):
    index: int
    name: str = Field(description="header text; two header levels joined with ' / '")
    role: ColumnRole = "other"
    unit: str | None = Field(None, description="money unit declared by the header, e.g. 'triệu đồng'")
    multiplier: int | None = None
    currency: str | None = None
    money_kind: MoneyKind | None = Field(None, description="for a money column: a total, an allocation, an amount "
                                                            "spent, a part of another, a rate, or an amount "
                                                            "before tax beside the one with it")
    unit_per_row: bool = Field(False, description="the money unit is each row's own, stated in its unit column "
                                                  "('Đơn vị tính': 'Đồng/người') or its own cell ('15.000.000 "
                                                  "đồng/văn bản'); a figure in another unit or none is no money")


class TypedRow(BaseModel):
    index: int = Field(description="row index in the source table")
    kind: RowKind = "data"
    cells: list[str] = Field(description="one text per column; merged cells repeated, fill-down applied")
    filled: list[int] = Field(default_factory=list, description="columns whose text was filled down")
    group: str | None = Field(None, description="text of the group row this row belongs to")
    group_row: int | None = Field(None, description="index of that group row in the source table")
    page: int | None = None
    bbox: BBox | None = Field(None, description="the row's cells on `page`, in PDF points")
    boxes: list[BBox | None] = Field(default_factory=list, description="each column's cell box (null where "
                                                                     "none is known)")


class TypedTable(BaseModel):
    id: str
    kind: TableKind = "other"
    kind_reason: str = Field("", description="what in the columns made the kind")
    kind_confidence: float = Field(1.0, description="how sure the kind is: below 1 when the columns say what "
                                                    "the rows are but not with certainty (records/ gives the "
                                                    "records this confidence and a table_kind_uncertain warning)")
    catalog_kind: Literal["technology", "product"] | None = None
    title: str | None = Field(None, description="heading printed above the table")
    caption: str | None = Field(None, description="the short line just above the table ('1. Phòng Công nghệ "
                                                  "thông tin (6 NV trọng tâm):')")
    header_rows: int
    columns: list[TypedColumn]
    rows: list[TypedRow]
    source: Literal["table", "list"] = "table"
    ocr: bool = Field(False, description="read by OCR (marks may be missing, numbers repaired)")
    commas_group: bool = Field(False, description="the table writes its figures the English way, thousands "
                                                  "grouped by commas ('2,900,000'): '600,000' is six hundred "
                                                  "thousand (normalize.numbers.groups_with_commas)")
    page: int | None = None
