"""The media types vanthu reads: one name for each, used by detection, the readers and intake."""
from __future__ import annotations

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "application/msword"
TIFF = "image/tiff"
PNG = "image/png"
JPEG = "image/jpeg"
BMP = "image/bmp"
WEBP = "image/webp"
IMAGE_TYPES = frozenset({TIFF, PNG, JPEG, BMP, WEBP})
