"""ExtractionResult: the versioned output contract (see ARCHITECTURE.md)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from models.document import OcrRepair
from models.mentions import Agency, Amount, DateMention, Person, Reference
from models.records import Records
from models.warnings import Warning

SCHEMA_VERSION = "1"


class SourceInfo(BaseModel):
    path: str
    sha256: str
    media_type: str
    pages: int | None = None
    size_bytes: int | None = None


class DocumentHeader(BaseModel):
    """The document's own identity, read from its official header."""

    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    date: str | None = None
    place: str | None = None
    title: str | None = None


class ExtractionResult(BaseModel):
    schema_version: str = SCHEMA_VERSION
    extractor_version: str
    source: SourceInfo
    document: DocumentHeader = Field(default_factory=DocumentHeader)
    references: list[Reference] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    tables: list[dict[str, Any]] = Field(default_factory=list, description="tables with typed columns")
    records: Records = Field(default_factory=Records)
    warnings: list[Warning] = Field(default_factory=list)
    ocr_repairs: list[OcrRepair] = Field(default_factory=list, description="word-level OCR repairs applied")
