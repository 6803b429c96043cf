"""Image inputs (TIFF, PNG, JPEG, BMP, WebP): every page goes to the OCR path."""
from __future__ import annotations

from extract.errors import UnsupportedFormatError
from models import Document, ExtractOptions


def read(data: bytes, media_type: str, options: ExtractOptions | None = None) -> Document:
    try:
        from extract.ocr import ocr_image_document
    except ImportError as exc:  # the OCR path is an optional install (tesseract)
        raise UnsupportedFormatError(f"{media_type} needs the OCR path, which is not installed: {exc}") from exc
    return ocr_image_document(data, media_type, options or ExtractOptions())
