"""The media types vanthu reads: one name for each, used by detection, the readers and intake."""
from __future__ import annotations

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "application/msword"
RTF = "application/rtf"
ODT = "application/vnd.oasis.opendocument.text"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLS = "application/vnd.ms-excel"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
TIFF = "image/tiff"
PNG = "image/png"
JPEG = "image/jpeg"
BMP = "image/bmp"
WEBP = "image/webp"
IMAGE_TYPES = frozenset({TIFF, PNG, JPEG, BMP, WEBP})
SPREADSHEET_TYPES = frozenset({XLSX, XLS, ODS})
# Formats LibreOffice turns into DOCX before the DOCX reader reads them (extract/office.py).
CONVERTED_TO_DOCX = {DOC: ".doc", RTF: ".rtf", ODT: ".odt"}
