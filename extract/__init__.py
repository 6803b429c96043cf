"""bytes → Document. The format comes from the content; every failure is an ExtractionError."""
from __future__ import annotations

from extract.detect import DOC, DOCX, IMAGE_TYPES, PDF, detect_media_type
from extract.errors import ExtractionError, TooLargeError, UnsupportedFormatError
from models import Document

MAX_INPUT_BYTES = 256 * 1024 * 1024


def extract_document(data: bytes) -> Document:
    if len(data) > MAX_INPUT_BYTES:
        raise TooLargeError(f"file is {len(data):,} bytes (limit {MAX_INPUT_BYTES:,})")
    media = detect_media_type(data)
    if media == PDF:
        from extract.pdf_reader import read_pdf
        return read_pdf(data)
    if media == DOCX:
        from extract.docx_reader import read_docx
        return read_docx(data)
    if media == DOC:
        from extract.legacy_doc import read_legacy_doc
        return read_legacy_doc(data)
    if media in IMAGE_TYPES:
        from extract.images import read_image
        return read_image(data, media)
    raise UnsupportedFormatError(f"no reader for {media}")


__all__ = ["ExtractionError", "extract_document", "detect_media_type"]
