"""Page images from the input file: PDF pages rendered at the scan's own resolution, TIFF/PNG/JPEG
frames decoded one at a time. Opened once per worker chunk, so no image crosses processes."""
from __future__ import annotations

from PIL import Image

MAX_PIXELS = 80_000_000          # ~ A3 at 600 dpi; a 20,000 × 20,000 image is refused, not decoded
MIN_DPI, MAX_DPI, DEFAULT_DPI = 200, 400, 300


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

    def __init__(self, kind: str, path: str) -> None:
        self.kind, self.path = kind, path

    def __enter__(self) -> "PageSource":
        if self.kind == "pdf":
            import pypdfium2 as pdfium
            self.doc = pdfium.PdfDocument(self.path)
        else:
            Image.MAX_IMAGE_PIXELS = MAX_PIXELS
            self.doc = Image.open(self.path)
        return self

    def __exit__(self, *exc) -> None:
        self.doc.close()

    def load(self, number: int) -> tuple[Image.Image, float]:
        if self.kind == "pdf":
            page = self.doc[number - 1]
            dpi = choose_dpi(native_dpi(page))
            return page.render(scale=dpi / 72, grayscale=True).to_pil(), dpi
        self.doc.seek(number - 1)
        dpi = float((self.doc.info.get("dpi") or (DEFAULT_DPI, DEFAULT_DPI))[0]) or DEFAULT_DPI
        frame = self.doc.convert("L")
        if dpi < MIN_DPI:  # small photos and faxes: enlarge to where Tesseract reads well
            factor = MIN_DPI / dpi
            frame = frame.resize((int(frame.width * factor), int(frame.height * factor)), Image.BICUBIC)
            dpi = MIN_DPI
        return frame, dpi
