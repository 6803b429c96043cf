"""Formats LibreOffice reads for vanthu: Word 97-2003 (.doc), RTF and OpenDocument text (.odt)
are converted to DOCX and read by the DOCX reader (legacy-encoded runs keep their fonts through
the conversion, so they are decoded there); OpenDocument spreadsheets (.ods) to XLSX for the
sheet reader. LibreOffice runs headless with a throw-away profile, one process per file."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from extract.child import run_group
from extract.errors import ConversionError
from extract.media import CONVERTED_TO_DOCX, DOC
from models import Document, ExtractOptions


def convert_timeout() -> float:
    """Seconds one LibreOffice conversion may take (VANTHU_CONVERT_SECONDS, default 120)."""
    from models import settings
    return settings().convert_seconds


def convert(data: bytes, suffix: str, target: str) -> bytes:
    """`data` (a file ending in `suffix`) converted by LibreOffice to the `target` format."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ConversionError(f"{suffix} files need LibreOffice (soffice) to convert; it is not installed")
    with tempfile.TemporaryDirectory(prefix="vanthu-office-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        try:
            run_group([office, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                       "--convert-to", target, "--outdir", f"{tmp}/out", str(src)], timeout=convert_timeout())
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(f"LibreOffice did not convert the {suffix} file in {convert_timeout():g} s "
                                  "(VANTHU_CONVERT_SECONDS); stopped with everything it started") from exc
        except subprocess.CalledProcessError as exc:
            raise ConversionError(f"LibreOffice could not convert the {suffix} file: {exc}") from exc
        out = Path(tmp) / "out" / f"input.{target}"
        if not out.exists() or out.stat().st_size == 0:
            raise ConversionError(f"LibreOffice produced no {target.upper()} from the {suffix} file "
                                  "(damaged or password-protected?)")
        return out.read_bytes()


def read(data: bytes, media_type: str = DOC, options: ExtractOptions | None = None) -> Document:
    from extract import docx_reader
    return docx_reader.read(convert(data, CONVERTED_TO_DOCX[media_type], "docx"), media_type, options)
