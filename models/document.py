"""The Document every extractor produces: pages, blocks and tables with provenance."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models.warnings import Warning

SourceKind = Literal["docx", "pdf-text", "ocr", "sheet"]
BlockKind = Literal["paragraph", "heading", "list_item", "footnote", "header", "footer"]
BBox = tuple[float, float, float, float]
# One word of a block's or a cell's text and where it is printed: (start, end, page, x0, top, x1,
# bottom), offsets into the text, the box in PDF points from the page's top-left corner. Tuples,
# not models: a 38-page scan has ~15,000 words and they never leave the process.
WordBox = tuple[int, int, int, float, float, float, float]


class Provenance(BaseModel):
    """Where a piece of content came from, so an analyst can find it in the source."""

    source: SourceKind
    page: int | None = Field(None, description="1-based page number; null for DOCX (no layout)")
    bbox: tuple[float, float, float, float] | None = Field(
        None, description="x0, top, x1, bottom in PDF points from the page's top-left corner"
    )
    paragraph_index: int | None = Field(None, description="index of the paragraph in the DOCX body")
    sheet: str | None = Field(None, description="the worksheet's name (spreadsheets; its page is its position)")
    confidence: float = 1.0


class Page(BaseModel):
    number: int
    width: float | None = None
    height: float | None = None
    source: SourceKind
    needs_ocr: bool = Field(False, description="no usable text layer: the OCR path must read it")
    char_count: int = 0


class Block(BaseModel):
    id: str
    kind: BlockKind = "paragraph"
    text: str
    order: int = Field(description="position of this block among blocks and tables in reading order")
    provenance: Provenance
    words: list[WordBox] = Field(default_factory=list, description="each word's offsets and box (PDF, OCR)")


class Cell(BaseModel):
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str
    page: int | None = None
    bbox: BBox | None = Field(None, description="the cell's ruled box on its page (PDF, OCR)")
    words: list[WordBox] = Field(default_factory=list, description="each word's offsets and box (PDF, OCR)")


class Table(BaseModel):
    id: str
    order: int
    n_rows: int
    n_cols: int
    cells: list[Cell]
    provenance: Provenance
    pages: list[int] = Field(default_factory=list, description="pages the table spans (PDF)")

    def grid(self) -> list[list[Cell | None]]:
        """Row-major grid where each slot holds the cell that covers it (spans repeat)."""
        out: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, min(c.row + c.row_span, self.n_rows)):
                for k in range(c.col, min(c.col + c.col_span, self.n_cols)):
                    out[r][k] = c
        return out


class OcrRepair(BaseModel):
    """One OCR confusion fixed in a word ('2O26' → '2026'), kept so an analyst can check it."""

    page: int
    bbox: tuple[float, float, float, float] | None = Field(None, description="the word, in PDF points")
    original: str
    repaired: str
    rule: str = Field(description="digit_lookalike | rule_residue | word_split | vowel_mark | place_name")


class Document(BaseModel):
    media_type: str
    source_kind: SourceKind
    pages: list[Page] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    ocr_repairs: list[OcrRepair] = Field(default_factory=list)

    def reading_order(self) -> list[Block | Table]:
        return sorted([*self.blocks, *self.tables], key=lambda x: x.order)

