"""What ner/ finds in text and cells. Each kind is reported once per normalized value, with
every place it occurs, because downstream systems and the gold both think in distinct values."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models.document import BBox
from models.header import DocumentHeader

Precision = Literal["day", "month", "quarter", "half", "year", "range"]
Qualifier = Literal["early", "mid", "late"]


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
    bbox: BBox | None = Field(None, description="x0, top, x1, bottom in PDF points from the top-left corner of `page`")
    position: Position | None = None


class MentionBase(BaseModel):
    text: str = Field(description="the first occurrence as written in the source")
    page: int | None = None
    bbox: BBox | None = Field(None, description="x0, top, x1, bottom in PDF points from the top-left corner of `page`")
    position: Position | None = None
    confidence: float = 1.0
    occurrences: list[Occurrence] = Field(default_factory=list)


RelationType = Literal["based_on", "implements", "replaces", "amends", "repeals", "guides", "requested_in",
                       "reports_on", "mentions"]


class Relation(BaseModel):
    """What this document says it does to a document it cites, read from the citing sentence
    (issue 19): 'Căn cứ …' bases on it, '… thay thế Quyết định số …' replaces it, 'sửa đổi, bổ sung'
    amends, 'bãi bỏ' repeals, 'hướng dẫn' / 'quy định chi tiết' guides, 'thực hiện' / 'triển khai'
    implements, 'Xét Tờ trình …' / 'theo đề nghị tại …' was requested in it, 'báo cáo kết quả …'
    reports on it; otherwise it mentions it."""

    type: RelationType
    cue: str | None = Field(None, description="the words that say so, as written")
    sentence: str = Field(description="the citing sentence (at most 300 characters around the citation)")
    page: int | None = None
    position: Position | None = None
    confidence: float = Field(1.0, description="below 1 when another citation stands between the cue and this one")


class Reference(MentionBase):
    key: str = Field(description="number/symbol as the official form writes it, e.g. 1131/QĐ-TTg")
    number: str
    symbol: str
    doc_type: str | None = None
    doc_type_stated: bool = Field(False, description="doc_type read from the text, not the symbol")
    date: str | None = Field(None, description="ISO issue date when stated next to the number")
    issuer: str | None = None
    same_as: list[str] = Field(default_factory=list, description="keys of the same document cited in another "
                                                                 "spelling ('15/NĐ-CP' and '15/2018/NĐ-CP')")
    repairs: list[str] = Field(default_factory=list, description="repairs applied, e.g. 'QD→QĐ', 'line break'")
    relations: list[Relation] = Field(default_factory=list, description="what the document says it does to the "
                                                                        "cited document, one per citing sentence")


class DateMention(MentionBase):
    value: str = Field(description="ISO by precision: YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, or "
                                   "START/END for a range")
    precision: Precision
    start: str | None = Field(None, description="first day, month or quarter of a range")
    end: str | None = Field(None, description="last day, month or quarter of a range")
    qualifier: Qualifier | None = Field(None, description="'đầu' (early), 'giữa' (mid), 'cuối' (late) of the period")


class Amount(MentionBase):
    value: int | None = Field(None, description="base units (đồng, dollars); null for a range")
    low: int | None = None
    high: int | None = None
    currency: Literal["VND", "USD"] = "VND"
    unit: str | None = Field(None, description="unit as normalized, e.g. 'triệu đồng'")


class Agency(MentionBase):
    name: str = Field(description="canonical full Vietnamese name")
    kind: str | None = None
    parent: str | None = Field(None, description="the body it belongs to, when the text names it "
                                                 "('Cục Thuế (Bộ Tài chính)')")
    known: bool = Field(True, description="found in the gazetteer; false for a name recognized by its structure")
    successor: str | None = Field(None, description="for a body named after a province or district of before the "
                                                    "2025 reorganization, the province that took that unit over "
                                                    "('tỉnh Tuyên Quang' for 'Ủy ban nhân dân tỉnh Hà Giang'); the "
                                                    "name stays as written")


class Person(MentionBase):
    name: str
    role: str | None = None


class TextMentions(BaseModel):
    """Everything found in one piece of text: a block (a sentence broken over blocks is one
    piece, positions then point into its own blocks) or one table cell (after fill-down). Later
    stages read cells and sentences from here instead of recognizing them again."""

    text: str
    page: int | None = None
    block_id: str | None = None
    table_id: str | None = None
    row: int | None = None
    col: int | None = None
    parts: list[tuple[str, int]] = Field(default_factory=list, description="for a sentence joined over blocks: "
                                                                           "each block and where it starts in text")
    references: list[Reference] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)

    def span(self, mention: MentionBase) -> tuple[int, int]:
        """Where a mention of this piece lies in `text` (positions point into its own block)."""
        pos = mention.position
        offset = dict(self.parts).get(pos.block_id, 0) if self.parts else 0
        return pos.start + offset, pos.end + offset


class Mentions(BaseModel):
    """ner/'s output: the document's own header, one entry per distinct value, and what each
    piece of text holds."""

    header: DocumentHeader = Field(default_factory=DocumentHeader)
    references: list[Reference] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    pieces: list[TextMentions] = Field(default_factory=list)

    def cells(self) -> dict[tuple[str, int, int], TextMentions]:
        return {(p.table_id, p.row, p.col): p for p in self.pieces if p.table_id is not None}
