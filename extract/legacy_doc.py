"""Legacy Word 97-2003 (.doc): converted to DOCX by LibreOffice headless, then read as DOCX."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from extract import docx_reader
from extract.errors import ConversionError
from extract.media import DOC
from models import Document, ExtractOptions

CONVERT_TIMEOUT_S = 120


def read(data: bytes, media_type: str = DOC, options: ExtractOptions | None = None) -> Document:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ConversionError("legacy .doc needs LibreOffice (soffice) to convert; it is not installed")
    with tempfile.TemporaryDirectory(prefix="vanthu-doc-") as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        try:
            subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", "docx", "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise ConversionError(f"LibreOffice could not convert the .doc file: {exc}") from exc
        out = Path(tmp) / "input.docx"
        if not out.exists():
            raise ConversionError("LibreOffice produced no DOCX (damaged .doc?)")
        doc = docx_reader.read(out.read_bytes(), media_type, options)
    return doc
