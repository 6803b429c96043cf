"""Figures a document states about a named subject, compared across documents (issue 19:
figures that disagree). Read by records/figures.py, stored by stores/figures.py."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models.mentions import Position

MeasureKind = Literal["investment", "budget"]
QualifierKind = Literal["exact", "about", "nearly", "over", "under"]


class Figure(BaseModel):
    """'Dự án Trung tâm Vũ trụ Việt Nam với tổng mức đầu tư khoảng 7.318.856,3 triệu đồng'."""

    subject: str = Field(description="the subject as written, from its head ('Dự án …', 'nhà máy …')")
    subject_key: str = Field(description="the subject's naming words without marks, sorted: what subjects are "
                                         "compared by")
    measure: MeasureKind = Field(description="investment: what it costs in total (tổng mức / vốn đầu tư); "
                                             "budget: its whole budget (tổng kinh phí, tổng dự toán)")
    measure_text: str = Field(description="the measure's words as written")
    qualifier: QualifierKind = Field(description="'khoảng' about, 'gần' nearly, 'trên'/'hơn' over, "
                                                 "'dưới'/'tối đa' under, else exact")
    value: int = Field(description="base units (đồng, dollars); a stated range: its middle")
    low: int = Field(description="the least the statement allows, after its qualifier")
    high: int = Field(description="the most the statement allows, after its qualifier")
    currency: Literal["VND", "USD"] = "VND"
    text: str = Field(description="the amount as written")
    period: str | None = Field(None, description="the one year the statement names, if it names one")
    sentence: str = Field(description="the statement (at most 300 characters)")
    page: int | None = None
    position: Position | None = None


class FigureConflict(BaseModel):
    """Two documents' figures for the same measure of the same subject whose ranges do not meet."""

    a: Figure
    b: Figure
    document_a: int
    document_b: int
    id_a: int = Field(description="the first figure's id (its stored row)")
    id_b: int
    unit_slip: bool = Field(description="the ratio is a power of a thousand: a scale word written wrong")
    ratio: float = Field(description="the larger figure over the smaller")
