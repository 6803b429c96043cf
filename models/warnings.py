from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class WarningCode(StrEnum):
    """Every warning's stable code: consumers switch on these, so a code is never renamed."""

    # pages (PDF, OCR)
    NEEDS_OCR = "needs_ocr"
    PAGE_UNREADABLE = "page_unreadable"
    EMPTY_PAGE = "empty_page"
    ROTATED = "rotated"
    DESKEWED = "deskewed"
    # text
    LEGACY_ENCODING_CONVERTED = "legacy_encoding_converted"
    # spreadsheets
    FORMULA_WITHOUT_VALUE = "formula_without_value"
    SHEET_SKIPPED = "sheet_skipped"
    # tables and records
    TABLE_KIND_UNKNOWN = "table_kind_unknown"
    TABLE_KIND_UNCERTAIN = "table_kind_uncertain"
    TABLE_UNFOLDED = "table_unfolded"
    TOTAL_CHECKED = "total_checked"
    TOTAL_MISMATCH = "total_mismatch"
    # agencies
    AGENCY_DOUBTFUL = "agency_doubtful"


# Warnings that say what was done and checked, not what may be wrong: a page straightened, a
# total that agrees. They add nothing to a document's review risk (a clean 38-page scan scored
# 43.75, mostly from 31 `deskewed` and an agreeing `total_checked`).
INFORMATIONAL = frozenset({WarningCode.DESKEWED, WarningCode.ROTATED, WarningCode.TOTAL_CHECKED})


class Warning(BaseModel):  # noqa: A001 - the output contract calls them "warnings"
    """Something an analyst should look at; never a silent fix."""

    code: WarningCode
    message: str
    page: int | None = None
    details: dict | None = None


class LegacyConversion(BaseModel):
    """The details of a `legacy_encoding_converted` warning: what one encoding's text became."""

    encoding: str
    segments: int  # runs in one font (or PDF words of one font) decoded
    characters: int
    fonts: list[str]
    by_content: int = 0  # of the segments, those in a Unicode font taken for legacy by their characters
