"""Source pages as images for the review app, and boxes for a DOCX.

PDF pages render with pypdfium2, TIFF/PNG/JPEG frames with Pillow. A DOCX has no pages: it is
rendered to PDF by LibreOffice once (cached by content hash under the cache folder), its words
are matched to the DOCX text in order (LibreOffice writes a PDF's text in document order), and
pipeline/locate.py then gives every mention, row and record a box on the rendered pages. Done
here, lazily, and not at extraction: a LibreOffice start costs 1.5–3 s, several times the
extraction of a typical DOCX (measured on corpus/samples/004.docx: see README)."""
from __future__ import annotations

import difflib
import io
import json
import re
import subprocess
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from extract.child import run_group
from extract.media import DOC, DOCX, IMAGE_TYPES, ODS, ODT, PDF, RTF, XLS, XLSX
from extract.ocr.render import DEFAULT_DPI
from extract.pdfium_lock import grayscale_image, pdfium_calls
from intake.workspace import write_atomic
from models import Document, ExtractionResult
from normalize.text import match_key
from pipeline.locate import locate, union

PAGE_WIDTH_PX = 1100          # rendered width: sharp on a 1366×768 screen's left half at 2x zoom
THUMB_WIDTH_PX = 120          # the page strip's thumbnails
# A page image above this many bytes as PNG is sent as WebP (quality 80, fastest method): a noisy
# 1100 px scan page was 979 KB as PNG, 233 KB as WebP, in 66 and 69 ms (000.scan-office.pdf p. 1);
# a clean text page stays PNG (101 KB, smaller than its WebP, 149 KB, and lossless).
PNG_LIMIT_BYTES = 250_000
SOFFICE_TIMEOUT_S = 120
_render_lock = threading.Lock()   # one LibreOffice at a time: it refuses a second on one profile


class RenderError(Exception):
    """reason: no_source | no_page | render_failed"""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def media_of(data: bytes) -> str:
    from extract.detect import detect_media_type
    return detect_media_type(data)


# Office formats LibreOffice lays out into pages, by the suffix it needs to know what it reads
# (the archives this project reads: Word 97 and RTF dispatches, ODT, budget workbooks).
OFFICE_SUFFIXES = {DOCX: ".docx", DOC: ".doc", RTF: ".rtf", ODT: ".odt", XLSX: ".xlsx", XLS: ".xls", ODS: ".ods"}


def rendered_pdf(data: bytes, sha256: str, cache: Path, suffix: str = ".docx") -> Path:
    """The PDF LibreOffice makes of an office file, cached by the file's hash."""
    out = cache / "rendered" / f"{sha256}.pdf"
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with _render_lock, tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"source{suffix}"
        src.write_bytes(data)
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", tmp, str(src)]
        try:
            run_group(cmd, timeout=SOFFICE_TIMEOUT_S)
        except (subprocess.SubprocessError, OSError) as exc:
            raise RenderError("render_failed", f"LibreOffice could not render the file: {exc}") from exc
        made = Path(tmp) / "source.pdf"
        if not made.exists():
            raise RenderError("render_failed", "LibreOffice made no PDF")
        write_atomic(out, made.read_bytes())
    return out


class PageSource:
    """The pages of one source file: count, size in points, and a page as PNG bytes."""

    def __init__(self, data: bytes, sha256: str, cache: Path):
        self.media = media_of(data)
        self.data = data
        if self.media in OFFICE_SUFFIXES:
            self.pdf_bytes = rendered_pdf(data, sha256, cache, OFFICE_SUFFIXES[self.media]).read_bytes()
        elif self.media == PDF:
            self.pdf_bytes = data
        elif self.media in IMAGE_TYPES:
            self.pdf_bytes = None
        else:
            raise RenderError("render_failed", f"no page images for {self.media}")

    def sizes(self) -> list[tuple[float, float]]:
        """Each page's width and height in PDF points (the unit of the boxes)."""
        if self.pdf_bytes is not None:
            import pypdfium2 as pdfium
            with pdfium_calls():
                pdf = pdfium.PdfDocument(self.pdf_bytes)
                try:
                    return [tuple(pdf[i].get_size()) for i in range(len(pdf))]
                finally:
                    pdf.close()
        from PIL import Image
        out = []
        with Image.open(io.BytesIO(self.data)) as img:
            for i in range(getattr(img, "n_frames", 1)):
                img.seek(i)
                # the extractor's assumption for an image without a resolution, so boxes fit
                dpi = float((img.info.get("dpi") or (DEFAULT_DPI, DEFAULT_DPI))[0]) or DEFAULT_DPI
                out.append((img.width * 72 / dpi, img.height * 72 / dpi))
        return out

    def image(self, number: int, width: int = PAGE_WIDTH_PX) -> tuple[bytes, str]:
        """The page as (bytes, media type): PNG, or WebP where the PNG would exceed PNG_LIMIT_BYTES."""
        image = self._rendered(number, width)
        data = _encoded(image, "PNG")
        if len(data) > PNG_LIMIT_BYTES:
            return _encoded(image, "WEBP"), "image/webp"
        return data, "image/png"

    def _rendered(self, number: int, width: int):
        if self.pdf_bytes is not None:
            import pypdfium2 as pdfium
            with pdfium_calls():
                pdf = pdfium.PdfDocument(self.pdf_bytes)
                try:
                    if not 1 <= number <= len(pdf):
                        raise RenderError("no_page", f"no page {number}")
                    page = pdf[number - 1]
                    image = grayscale_image(page, width / page.get_size()[0])
                finally:
                    pdf.close()
        else:
            from PIL import Image
            with Image.open(io.BytesIO(self.data)) as img:
                if not 1 <= number <= getattr(img, "n_frames", 1):
                    raise RenderError("no_page", f"no page {number}")
                img.seek(number - 1)
                image = img.convert("L")
                image = image.resize((width, round(image.height * width / image.width)))
        return image


    def region_text(self, number: int, bbox: tuple[float, float, float, float]) -> str:
        """The text inside a box an analyst drew on a page: the PDF's text layer where it has one,
        else Tesseract on that part of the page (300 dpi, one block of text)."""
        from normalize.text import clean_text
        if self.pdf_bytes is not None:
            import pdfplumber
            with pdfplumber.open(io.BytesIO(self.pdf_bytes)) as pdf:
                if not 1 <= number <= len(pdf.pages):
                    raise RenderError("no_page", f"no page {number}")
                page = pdf.pages[number - 1]
                x0, top, x1, bottom = _clip(bbox, page.width, page.height)
                if x1 - x0 < 1 or bottom - top < 1:   # drawn off the page
                    return ""
                text = clean_text(page.within_bbox((x0, top, x1, bottom)).extract_text() or "")
                if text:
                    return text
        return self._ocr_region(number, bbox)

    def _ocr_region(self, number: int, bbox) -> str:
        import numpy as np

        from extract.ocr.tesseract import confident_words, tesseract_available, tesseract_words
        from normalize.text import clean_text
        if not tesseract_available():
            return ""
        dpi = 300
        width_pt = self.sizes()[number - 1][0]
        page = self._rendered(number, round(width_pt * dpi / 72))   # no encoding: read at once
        x0, top, x1, bottom = (round(v * dpi / 72) for v in _clip(bbox, page.width * 72 / dpi, page.height * 72 / dpi))
        if x1 - x0 < 4 or bottom - top < 4:
            return ""
        crop = np.array(page.convert("L").crop((x0, top, x1, bottom)))
        data = tesseract_words(crop, dpi, psm=6)
        return clean_text(" ".join(data["text"][i] for i, *_ in confident_words(data)))


def _encoded(image, fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "PNG":
        # compress_level 1: a fifth of the default level's time for a page, files ~15 % larger
        image.save(buf, "PNG", compress_level=1)
    else:
        image.save(buf, "WEBP", quality=80, method=0)
    return buf.getvalue()


def _clip(bbox, width: float, height: float) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = bbox
    return max(0.0, min(x0, x1)), max(0.0, min(top, bottom)), min(width, max(x0, x1)), min(height, max(top, bottom))


@lru_cache(maxsize=8)
def _page_source(path: str, sha256: str, cache: str) -> PageSource:
    return PageSource(Path(path).read_bytes(), sha256, Path(cache))


def page_source(path: Path, sha256: str, cache: Path) -> PageSource:
    if not path.is_file():
        raise RenderError("no_source", "the source file is not in the archive")
    return _page_source(str(path), sha256, str(cache))


# -- DOCX boxes ------------------------------------------------------------------------------------
def _tokens(text: str):
    for m in re.finditer(r"\S+", text):
        key = match_key(m.group())
        if key:
            yield key, m.start(), m.end()


def align_docx(doc: Document, pdf_path: Path) -> None:
    """Give the DOCX Document's blocks and cells the word boxes of the rendered PDF, matching
    words in order (difflib over normalized words)."""
    import pdfplumber
    pdf_words = []
    with pdfplumber.open(pdf_path) as pdf:
        for i, page in enumerate(pdf.pages):
            for w in page.extract_words(use_text_flow=True):
                key = match_key(w["text"])
                if key:
                    pdf_words.append((key, i + 1, (round(w["x0"], 1), round(w["top"], 1), round(w["x1"], 1),
                                                   round(w["bottom"], 1))))
            page.close()
    targets = []
    for item in doc.reading_order():
        holders = [item] if hasattr(item, "text") else sorted(item.cells, key=lambda c: (c.row, c.col))
        for holder in holders:
            holder.words = []
            for key, start, end in _tokens(holder.text):
                targets.append((key, holder, start, end))
    matcher = difflib.SequenceMatcher(None, [t[0] for t in targets], [w[0] for w in pdf_words], autojunk=False)
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n):
            _, holder, start, end = targets[a + k]
            _, page, box = pdf_words[b + k]
            holder.words.append((start, end, page, *box))
    for table in doc.tables:
        for cell in table.cells:
            if cell.words:
                page = cell.words[0][2]
                cell.page, cell.bbox = page, union([tuple(w[3:]) for w in cell.words if w[2] == page])


def docx_located(result: dict, data: bytes, sha256: str, cache: Path) -> dict:
    """The result with boxes on the rendered PDF's pages (cached per content and extractor)."""
    out = cache / "located" / f"{sha256}.{result.get('extractor_version', '')}.json"
    if out.exists():
        return json.loads(out.read_text(encoding="utf-8"))
    from extract import extract_document
    pdf = rendered_pdf(data, sha256, cache)
    doc = extract_document(data)
    align_docx(doc, pdf)
    located = locate(ExtractionResult.model_validate(result), doc, box_pages="rendered_pdf").model_dump(mode="json")
    write_atomic(out, json.dumps(located, ensure_ascii=False))
    return located
