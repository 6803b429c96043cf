import io
import shutil
import struct
import zlib

import pytest

from extract import extract_document
from extract.errors import UnsafeContentError

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None and not __import__("os").environ.get("CI"),
                                reason="tesseract not installed (install.sh installs it)")


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width × height: enough for the size check, nothing to decode."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def test_huge_image_is_refused_without_decoding():
    with pytest.raises(UnsafeContentError):
        extract_document(_png_header(20_000, 20_000))


def test_ocr_reads_the_official_header_of_a_scanned_page(samples):
    pdfium = pytest.importorskip("pypdfium2")
    page = pdfium.PdfDocument(str(samples / "004.pdf"))[0]
    img = page.render(scale=300 / 72).to_pil()
    header = img.crop((0, 0, img.width, img.height // 4))
    buf = io.BytesIO()
    header.save(buf, "PNG", dpi=(300, 300))
    doc = extract_document(buf.getvalue())
    texts = [b.text for b in doc.blocks]
    assert doc.source_kind == "ocr" and doc.blocks[0].provenance.source == "ocr"
    assert any("QUYẾT ĐỊNH" in t for t in texts)
    # Tesseract reads "QĐ-TTg" as "QD-TTg" here; the OCR repair step (issue #4) is not built yet.
    assert any(t.startswith("Số:") and t.endswith("-TTg") for t in texts)
    assert all(0.5 < b.provenance.confidence <= 1 for b in doc.blocks)
