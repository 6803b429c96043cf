"""bytes → Document. The format comes from the content; every failure is an ExtractionError.

Each format has one reader module with the same shape, `read(data, media_type, options) ->
Document`, imported only when a file of its format arrives (pdfplumber, python-docx and the OCR
stack are heavy)."""
from __future__ import annotations

import importlib

from extract.detect import detect_media_type
from extract.errors import ExtractionError, TooLargeError, UnsupportedFormatError
from extract.glued import unglue_document
from extract.media import CONVERTED_TO_DOCX, DOCX, IMAGE_TYPES, PDF, SPREADSHEET_TYPES
from models import Document, ExtractOptions

READERS: dict[str, str] = {PDF: "extract.pdf_reader", DOCX: "extract.docx_reader",
                           **{m: "extract.office" for m in CONVERTED_TO_DOCX},
                           **{m: "extract.sheet_reader" for m in SPREADSHEET_TYPES},
                           **{m: "extract.images" for m in IMAGE_TYPES}}


def extract_document(data: bytes, options: ExtractOptions | None = None) -> Document:
    options = options or ExtractOptions()
    if len(data) > options.max_input_bytes:
        raise TooLargeError(f"file is {len(data):,} bytes (limit {options.max_input_bytes:,})")
    media = detect_media_type(data)
    module = READERS.get(media)
    if module is None:
        raise UnsupportedFormatError(f"no reader for {media}")
    return unglue_document(importlib.import_module(module).read(data, media, options))


__all__ = ["ExtractionError", "READERS", "detect_media_type", "extract_document"]
