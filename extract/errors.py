"""Why a file could not be read. Each carries a stable machine-readable reason code."""
from __future__ import annotations

import errno


class ExtractionError(Exception):
    reason = "extraction_failed"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class EmptyFileError(ExtractionError):
    reason = "empty_file"


class TooLargeError(ExtractionError):
    reason = "too_large"


class UnsupportedFormatError(ExtractionError):
    reason = "unsupported_format"


class CorruptFileError(ExtractionError):
    reason = "corrupt_file"


class EncryptedFileError(ExtractionError):
    reason = "encrypted"


class UnsafeContentError(ExtractionError):
    """Zip bombs, XML with DTDs or external entities: refused before any parser sees them."""

    reason = "unsafe_content"


class ConversionError(ExtractionError):
    reason = "conversion_failed"


class PageTooLargeError(ExtractionError):
    """A page that would render above the pixel limit even at the lowest useful resolution."""

    reason = "page_too_large"


class TooMuchTextError(ExtractionError):
    """More text than the recognizers are given in one document (VANTHU_MAX_TEXT_CHARS)."""

    reason = "too_much_text"


class TimeLimitError(ExtractionError):
    """The file took longer than VANTHU_MAX_FILE_SECONDS (the watcher kills its worker; `vanthu
    extract` stops the file with this)."""

    reason = "timeout"


# A file that cannot be read at all: the reason, whoever meets it (the watcher, `vanthu extract`).
REASON_PERMISSION = "permission_denied"
REASON_DISK_FULL = "disk_full"
REASON_IO = "io_error"


def io_reason(exc: OSError) -> str:
    """The reason code of an OSError met reading or writing a file."""
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return REASON_PERMISSION
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return REASON_DISK_FULL
    return REASON_IO
