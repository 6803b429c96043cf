"""Page images from the input file: PDF pages rendered at the scan's own resolution, TIFF/PNG/JPEG
frames decoded one at a time. Opened once per worker chunk, so no image crosses processes."""
from __future__ import annotations

import math
from contextlib import nullcontext

from PIL import Image

from extract.errors import PageTooLargeError
from extract.pdfium_lock import grayscale_image, pdfium_calls
from models.settings import MAX_PAGE_PIXELS as MAX_PIXELS  # the default; ExtractOptions.max_page_pixels

MIN_DPI, MAX_DPI, DEFAULT_DPI = 200, 400, 300
# Below this a page is refused rather than rendered smaller: 10-point text is ~14 pixels high at
# 100 dpi, about the least Tesseract reads.
MIN_RENDER_DPI = 100


def fit_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: int) -> float:
    """The resolution to render a page of this size at: `dpi`, or lower so that the page stays
    within max_pixels; a page that needs less than MIN_RENDER_DPI is refused (page_too_large)."""
    pixels = (width_pt * dpi / 72) * (height_pt * dpi / 72)
    if pixels <= max_pixels:
        return dpi
    fitted = math.floor(72 * math.sqrt(max_pixels / (width_pt * height_pt)))
    if fitted < MIN_RENDER_DPI:
        raise PageTooLargeError(f"page is {width_pt / 72:.0f}×{height_pt / 72:.0f} inches: "
                                f"{pixels / 1e6:,.0f} Mpx at {dpi:.0f} dpi, {MIN_RENDER_DPI} dpi would still "
                                f"exceed the limit of {max_pixels / 1e6:,.0f} Mpx (VANTHU_MAX_PAGE_PIXELS)")
    return float(fitted)


def native_dpi(page) -> float | None:
    """Resolution of the largest image on a PDF page, from its pixel size and placed size."""
    best = None
    for obj in page.get_objects():
        if obj.type != 3:  # FPDF_PAGEOBJ_IMAGE
            continue
        px_w, _ = obj.get_px_size()
        x0, _, x1, _ = obj.get_bounds()
        if x1 - x0 > 1:
            dpi = px_w / ((x1 - x0) / 72)
            best = max(best or 0, dpi)
    return best


def choose_dpi(native: float | None) -> float:
    """Render at the scan's own resolution (no invented detail), within Tesseract's good range."""
    if native is None:
        return DEFAULT_DPI
    return float(min(MAX_DPI, max(MIN_DPI, round(native))))


class PageSource:
    """Pages of one input file ("pdf" or "image"), numbered from 1."""

    def __init__(self, kind: str, path: str, max_pixels: int = MAX_PIXELS) -> None:
        self.kind, self.path, self.max_pixels = kind, path, max_pixels

    def __enter__(self) -> "PageSource":
        if self.kind == "pdf":
            import pypdfium2 as pdfium
            try:
                with pdfium_calls():
                    self.doc = pdfium.PdfDocument(self.path)
            except pdfium.PdfiumError as exc:  # a page tree PDFium refuses (a DAG, a loop): the file's fault
                from extract.errors import CorruptFileError
                raise CorruptFileError(f"PDF structure cannot be rendered: {exc}") from exc
        else:
            Image.MAX_IMAGE_PIXELS = self.max_pixels
            self.doc = Image.open(self.path)
        return self

    def __exit__(self, *exc) -> None:
        with pdfium_calls() if self.kind == "pdf" else nullcontext():
            self.doc.close()

    def __len__(self) -> int:
        if self.kind == "pdf":
            with pdfium_calls():
                return len(self.doc)
        return getattr(self.doc, "n_frames", 1)

    def load(self, number: int) -> tuple[Image.Image, float]:
        if self.kind == "pdf":
            with pdfium_calls():
                page = self.doc[number - 1]
                try:
                    width, height = page.get_size()
                    dpi = fit_dpi(width, height, choose_dpi(native_dpi(page)), self.max_pixels)
                    return grayscale_image(page, dpi / 72), dpi
                finally:
                    page.close()
        self.doc.seek(number - 1)
        dpi = float((self.doc.info.get("dpi") or (DEFAULT_DPI, DEFAULT_DPI))[0]) or DEFAULT_DPI
        frame = self.doc.convert("L")
        if dpi < MIN_DPI:  # small photos and faxes: enlarge to where Tesseract reads well
            factor = min(MIN_DPI / dpi, math.sqrt(self.max_pixels / (frame.width * frame.height)))
            frame = frame.resize((int(frame.width * factor), int(frame.height * factor)), Image.BICUBIC)
            dpi = MIN_DPI
        return frame, dpi
