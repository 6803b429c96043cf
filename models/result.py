"""ExtractionResult: the versioned output contract (see ARCHITECTURE.md)."""
from __future__ import annotations

from pydantic import BaseModel, Field

from models.document import OcrRepair
from models.header import DocumentHeader
from models.mentions import Agency, Amount, DateMention, Person, Reference
from models.records import Records
from models.tables import TypedTable
from models.warnings import Warning

# 2: tables are typed (TypedTable); references link their other spellings (same_as); dates
# carry ranges and qualifiers; agencies carry parent and known.
SCHEMA_VERSION = "2"


class SourceInfo(BaseModel):
    path: str
    sha256: str
    media_type: str
    pages: int | None = None
    size_bytes: int | None = None


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
    tables: list[TypedTable] = Field(default_factory=list, description="tables with typed columns and rows")
    records: Records = Field(default_factory=Records)
    warnings: list[Warning] = Field(default_factory=list)
    ocr_repairs: list[OcrRepair] = Field(default_factory=list, description="word-level OCR repairs applied")
