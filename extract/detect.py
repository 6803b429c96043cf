"""Detect a file's format from its bytes, never from its name."""
from __future__ import annotations

import io
import zipfile

import filetype
import olefile

from extract.errors import CorruptFileError, EmptyFileError, EncryptedFileError, UnsupportedFormatError
from extract.media import DOC, DOCX, IMAGE_TYPES, ODS, ODT, PDF, RTF, XLS, XLSX

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODF_TYPES = {ODT.encode(): ODT, ODS.encode(): ODS}


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
        return _ole_kind(data)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return RTF
    kind = filetype.guess(head)
    if kind is not None and kind.mime in IMAGE_TYPES:
        return kind.mime
    raise UnsupportedFormatError(
        # what the bytes are is said, never the bytes themselves: a message may not quote a file
        f"unrecognized content ({_looks_like(data[:512])}); expected PDF, DOCX, DOC, RTF, ODT, XLSX, XLS, "
        "ODS, TIFF, PNG or JPEG")


def _looks_like(head: bytes) -> str:
    """A word on what unknown content looks like, without quoting it."""
    try:
        head.decode("utf-8")
        return "text"
    except UnicodeDecodeError as exc:
        return "text" if exc.start > len(head) - 4 else "binary data"


def _ole_kind(data: bytes) -> str:
    """Word 97 (.doc) and Excel 97 (.xls) files, and password-protected OOXML files (an OLE
    container holding an EncryptedPackage stream), told apart by their streams."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
    except (OSError, ValueError, IndexError, TypeError) as exc:  # olefile's errors for broken containers
        raise CorruptFileError(f"OLE container is damaged or truncated: {exc}") from exc
    if "EncryptedPackage" in streams:
        raise EncryptedFileError("Office document is password-protected (EncryptedPackage)")
    if "WordDocument" in streams:
        return DOC
    if "Workbook" in streams or "Book" in streams:
        return XLS
    raise UnsupportedFormatError(f"OLE container with neither a Word document nor a workbook "
                                 f"(streams: {', '.join(sorted(streams)[:6])})")


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
        raise CorruptFileError(f"ZIP container is damaged or truncated: {exc}") from exc
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    if mimetype in _ODF_TYPES:
        return _ODF_TYPES[mimetype]
    if "[Content_Types].xml" in names:
        raise UnsupportedFormatError("Office Open XML package that is neither a Word document nor a workbook")
    raise UnsupportedFormatError("ZIP archive, not a Word document, workbook or OpenDocument file")
