"""ExtractionResult: the versioned output contract (see ARCHITECTURE.md)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models.document import BBox, BlockKind, OcrRepair
from models.figures import Figure
from models.header import DocumentHeader
from models.mentions import Agency, Amount, DateMention, Person, Reference
from models.records import Records
from models.tables import TypedTable
from models.warnings import Warning

# 2: tables are typed (TypedTable); references link their other spellings (same_as); dates
# carry ranges and qualifiers; agencies carry parent and known.
# 3: page and bbox on every occurrence, mention, table row (and cell: boxes) and record;
# source.box_pages says which pages they refer to.
SCHEMA_VERSION = "3"


class SourceInfo(BaseModel):
    path: str = Field(description="the file's name or path as given, NFC; bytes that are not UTF-8 written "
                                  "as \\xNN (normalize.file_names.display_name)")
    raw_path: str | None = Field(None, description="only where the name is not UTF-8: its exact bytes, "
                                                   "percent-encoded (RFC 3986)")
    sha256: str
    media_type: str
    pages: int | None = None
    size_bytes: int | None = None
    box_pages: Literal["source", "rendered_pdf"] | None = Field(
        None, description="what page and bbox refer to: the source's own pages, or the pages of the PDF "
                          "LibreOffice renders from a DOCX (the review app does that, cached); null when "
                          "nothing has boxes yet (a DOCX straight from extraction)")


class TextBlock(BaseModel):
    """A paragraph, heading or footnote of the document as read: what a mention position's
    block_id points into (start and end are offsets in `text`)."""

    id: str
    kind: BlockKind = "paragraph"
    page: int | None = None
    bbox: BBox | None = None
    text: str


class ReviewInfo(BaseModel):
    """Set on a reviewed result (the review app's output): the extraction with the analysts'
    corrections applied; corrections that no longer fit a newer extraction are listed as stale."""

    state: Literal["new", "in_review", "reviewed", "rejected"]
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    applied: int = 0
    stale: list[dict] = Field(default_factory=list)


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
    figures: list[Figure] = Field(default_factory=list, description="figures the text states about a named "
                                                                    "subject (a project's total investment, a "
                                                                    "programme's whole budget): what figures that "
                                                                    "disagree across documents are found by")
    warnings: list[Warning] = Field(default_factory=list)
    ocr_repairs: list[OcrRepair] = Field(default_factory=list, description="word-level OCR repairs applied")
    review: ReviewInfo | None = Field(None, description="null for the extractor's own output")
    blocks: list[TextBlock] = Field(default_factory=list, description="the document's text in reading order "
                                                                      "(tables apart)")
