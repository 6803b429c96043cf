"""What ner/ finds in text and cells. Each kind is reported once per normalized value, with
every place it occurs, because downstream systems and the gold both think in distinct values."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Precision = Literal["day", "month", "quarter", "year"]


class Position(BaseModel):
    """Character span inside a block's text or a table cell's text."""

    block_id: str | None = None
    table_id: str | None = None
    row: int | None = None
    col: int | None = None
    start: int
    end: int


class Occurrence(BaseModel):
    text: str
    page: int | None = None
    position: Position | None = None


class MentionBase(BaseModel):
    text: str = Field(description="the first occurrence as written in the source")
    page: int | None = None
    position: Position | None = None
    confidence: float = 1.0
    occurrences: list[Occurrence] = Field(default_factory=list)


class Reference(MentionBase):
    key: str = Field(description="number/symbol as the official form writes it, e.g. 1131/QĐ-TTg")
    number: str
    symbol: str
    doc_type: str | None = None
    doc_type_stated: bool = Field(False, description="doc_type read from the text, not the symbol")
    date: str | None = Field(None, description="ISO issue date when stated next to the number")
    issuer: str | None = None
    repairs: list[str] = Field(default_factory=list, description="OCR repairs applied, e.g. 'QD→QĐ'")


class DateMention(MentionBase):
    value: str = Field(description="ISO: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY by precision")
    precision: Precision


class Amount(MentionBase):
    value: int | None = Field(None, description="base units (đồng, dollars); null for a range")
    low: int | None = None
    high: int | None = None
    currency: Literal["VND", "USD"] = "VND"
    unit: str | None = Field(None, description="unit as normalized, e.g. 'triệu đồng'")


class Agency(MentionBase):
    name: str = Field(description="canonical full Vietnamese name")
    kind: str | None = None


class Person(MentionBase):
    name: str
    role: str | None = None
