"""Detect a file's format from its bytes, never from its name."""
from __future__ import annotations

import io
import zipfile

import filetype

from extract.errors import CorruptFileError, EmptyFileError, EncryptedFileError, UnsupportedFormatError
from extract.media import DOC, DOCX, IMAGE_TYPES, PDF

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_media_type(data: bytes) -> str:
    """The media type of a file's content. Raises for empty, encrypted-Office and unknown files."""
    if not data:
        raise EmptyFileError("file is empty (0 bytes)")
    head = data[:2048]
    # PDF allows junk before the header; readers look in the first 1 KiB.
    if b"%PDF-" in head[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(_OLE_MAGIC):
        # Password-protected DOCX files are OLE containers holding an EncryptedPackage stream.
        if "EncryptedPackage".encode("utf-16-le") in data[:65536] or b"EncryptedPackage" in data[:65536]:
            raise EncryptedFileError("Office document is password-protected (EncryptedPackage)")
        return DOC
    kind = filetype.guess(head)
    if kind is not None and kind.mime in IMAGE_TYPES:
        return kind.mime
    raise UnsupportedFormatError(
        f"unrecognized content (starts with {data[:8]!r}); expected PDF, DOCX, DOC, TIFF, PNG or JPEG")


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        raise CorruptFileError(f"ZIP container is damaged or truncated: {exc}") from exc
    if "word/document.xml" in names:
        return DOCX
    if "[Content_Types].xml" in names:
        raise UnsupportedFormatError("Office Open XML package that is not a Word document")
    raise UnsupportedFormatError("ZIP archive, not a Word document")
