"""OCR path: page images (render.py) → levelled (page_image.py) → ruled tables found and erased
(ruling.py) → Tesseract (vie+eng, tesseract.py) word boxes with confidences → OCR repairs
(words.py) → the shared layout builder; table cells the page pass missed are read again once per
document (cells.py). Pages are read in worker processes that render or decode their own pages,
a few at a time, so memory stays flat with page count."""
from __future__ import annotations

import io
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path

import numpy as np
from PIL import Image

from extract.errors import CorruptFileError, ExtractionError, TooLargeError, UnsafeContentError
from extract.layout import DetectedTable, LayoutBuilder, PageContent
from extract.ocr.cells import UnreadCell, read_unread_cells, unread_cells
from extract.ocr.page_image import deskew
from extract.ocr.render import DEFAULT_DPI, PageSource
from extract.ocr.ruling import detect_tables
from extract.ocr.tesseract import (
    OcrUnavailableError,
    confident_words,
    orientation,
    tesseract_available,
    tesseract_pages,
    tesseract_words,
)
from extract.ocr.words import (
    add_cell_words,
    repair_paragraph_marks,
    repair_place_names,
    repair_words,
    split_glued_words,
    words_from_data,
)
from models import Document, ExtractOptions, Warning

BLANK_INK = 0.0008               # share of dark pixels below which a page is blank
MAX_CHUNK_PAGES = 6              # pages one worker prepares before one Tesseract call reads them


# -- one page -------------------------------------------------------------------------------------
def _reads_badly(content: PageContent) -> bool:
    confs = [w.conf for w in content.words]
    return len(confs) < 15 or sum(confs) / len(confs) < 70  # upright pages read at ~90


def ocr_page_image(img: Image.Image, dpi: float, number: int, check_orientation: bool = True) -> PageContent:
    """OCR one page image into words and tables in PDF points (72 per inch), table cells the
    page pass missed included."""
    content, unread = read_page(img, dpi, number, check_orientation)
    add_cell_words([content], read_unread_cells(unread, workers=1))
    return content


def read_page(img: Image.Image, dpi: float, number: int,
              check_orientation: bool = True) -> tuple[PageContent, list[UnreadCell]]:
    """The page pass: words and tables, and the table cells left to read again (cells.py)."""
    prepared = prepare_page(img, dpi, number)
    data = tesseract_words(prepared.arr, dpi, psm=3) if prepared.arr is not None else None
    page = finish_page(prepared, data)
    return _upright(page, img, dpi, number) if check_orientation else page


def _upright(page: tuple[PageContent, list[UnreadCell]], img: Image.Image, dpi: float,
             number: int) -> tuple[PageContent, list[UnreadCell]]:
    """A page that reads badly is checked for a 90/180/270° turn and, if turned, read again
    upright."""
    content, _ = page
    if not _reads_badly(content) or any(w.code == "empty_page" and "blank" in w.message for w in content.warnings):
        return page
    turn = orientation(img.convert("L"))
    if not turn:
        return page
    content, unread = read_page(img.rotate(-turn, expand=True, fillcolor=255), dpi, number, check_orientation=False)
    content.warnings.append(Warning(code="rotated", page=number, message=f"page {number} was turned {turn}°; read upright"))
    return content, unread


@dataclass
class PreparedPage:
    """A page made ready for Tesseract: levelled, ruling lines found and erased."""
    content: PageContent
    dpi: float
    arr: np.ndarray | None = None      # None: blank page, nothing to read
    tables: list = dc_field(default_factory=list)


def prepare_page(img: Image.Image, dpi: float, number: int) -> PreparedPage:
    scale = 72.0 / dpi
    gray = img.convert("L")
    content = PageContent(number=number, width=gray.width * scale, height=gray.height * scale, source="ocr")
    if float((np.asarray(gray) < 128).mean()) < BLANK_INK:
        content.warnings.append(Warning(code="empty_page", page=number, message=f"page {number} is blank"))
        return PreparedPage(content, dpi)
    gray, angle = deskew(gray)
    arr = np.asarray(gray).copy()
    tables, lines = detect_tables(arr, dpi)
    arr[lines > 0] = 255  # ruling lines confuse Tesseract's layout analysis
    content.tables = [DetectedTable(tuple(v * scale for v in bbox), [tuple(v * scale for v in c) for c in cells])
                      for bbox, cells in tables]
    if angle:
        content.warnings.append(Warning(code="deskewed", page=number, message=f"page {number} rotated {angle:+.2f}°"))
    return PreparedPage(content, dpi, arr, tables)


def finish_page(prepared: PreparedPage, data: dict | None) -> tuple[PageContent, list[UnreadCell]]:
    """Tesseract's words onto the page (digit look-alikes and lost marks repaired), and the
    table cells it left empty."""
    content = prepared.content
    if prepared.arr is None or data is None:
        return content, []
    kept = list(confident_words(data))
    content.words = words_from_data(data, kept, prepared.dpi)
    content.repairs = repair_words(content.words, content.number)
    content.repairs += split_glued_words(content.words, content.number)
    lines = [(data["block_num"][i], data["par_num"][i], data["line_num"][i]) for i, _, _ in kept]
    content.repairs += repair_paragraph_marks(content.words, lines, content.number)
    content.repairs += repair_place_names(content.words, lines, content.number)
    unread = unread_cells(prepared.arr, prepared.tables, data, prepared.dpi, content.number)
    if not content.words and not unread:
        number = content.number
        content.warnings.append(Warning(code="empty_page", page=number, message=f"page {number}: no text found"))
    return content, unread


# -- many pages -----------------------------------------------------------------------------------
def _unreadable(number: int, exc: Exception) -> PreparedPage:
    c = PageContent(number=number, width=0, height=0, source="ocr")
    c.warnings.append(Warning(code="page_unreadable", page=number, message=f"page {number}: OCR failed: {exc}"))
    return PreparedPage(c, DEFAULT_DPI)


def _read_chunk(job: tuple[str, str, list[int], int]) -> list[tuple[PageContent, list[UnreadCell]]]:
    """A run of pages in one worker: each prepared in turn, all read by one Tesseract process,
    then finished. Only the chunk's prepared pages are held (MAX_CHUNK_PAGES)."""
    import pytesseract
    kind, path, numbers, max_pixels = job
    with PageSource(kind, path, max_pixels) as source:
        prepared = []
        for n in numbers:
            try:
                prepared.append(prepare_page(*source.load(n), n))
            except (ExtractionError, MemoryError):  # limits end the file, not the page
                raise
            except Exception as exc:  # one damaged page is reported, its neighbours are read
                if _out_of_memory(exc):
                    raise MemoryError(str(exc).strip()) from exc
                prepared.append(_unreadable(n, exc))
        readable = [p for p in prepared if p.arr is not None]
        try:
            data = tesseract_pages([(p.arr, p.dpi) for p in readable]) if readable else []
        except pytesseract.TesseractError:
            data = [_data_or_none(p) for p in readable]
        by_page = {p.content.number: d for p, d in zip(readable, data)}
        out = []
        for p in prepared:
            page = finish_page(p, by_page.get(p.content.number))
            if p.arr is not None and _reads_badly(page[0]):  # rare: decode the page again to turn it
                page = _upright(page, *source.load(p.content.number), p.content.number)
            out.append(page)
    return out


def _out_of_memory(exc: Exception) -> bool:
    """OpenCV reports a failed allocation as cv2.error (StsNoMem), not MemoryError: under the
    worker's address-space limit a 77-Mpx page failed that way and was kept as an unreadable
    page of a 'done' document instead of ending in memory_limit."""
    import cv2
    return isinstance(exc, cv2.error) and getattr(exc, "code", None) == cv2.Error.StsNoMem


def _data_or_none(prepared: PreparedPage) -> dict | None:
    import pytesseract
    try:
        return tesseract_words(prepared.arr, prepared.dpi, psm=3)
    except pytesseract.TesseractError as exc:
        prepared.content.warnings.append(Warning(code="page_unreadable", page=prepared.content.number,
                                                 message=f"page {prepared.content.number}: OCR failed: {exc}"))
        return None


def _chunks(numbers: list[int], workers: int) -> list[list[int]]:
    """Runs of pages, long at first and single pages at the end (guided scheduling): fewer
    Tesseract starts, and the cores still finish together. A document of a few pages is cut into
    one run per worker: every Tesseract start loads vie+eng again (0.13 s of CPU, measured
    2026-12-07), which on 004's six-page TIFF cost more than the balance single pages bought."""
    if len(numbers) <= workers * MAX_CHUNK_PAGES // 2:
        size = -(-len(numbers) // workers)
        return [numbers[i:i + size] for i in range(0, len(numbers), size)]
    out, i = [], 0
    while i < len(numbers):
        size = max(1, min(MAX_CHUNK_PAGES, (len(numbers) - i) // (2 * workers)))
        out.append(numbers[i:i + size])
        i += size
    return out


def _read_pages(kind: str, path: str, numbers: list[int], workers: int, max_pixels: int) -> list[PageContent]:
    """Page passes across the cores, then one second look at the table cells they missed."""
    import multiprocessing
    jobs = [(kind, path, chunk, max_pixels) for chunk in _chunks(numbers, workers)]
    # Daemonic processes (Dask workers, for one) may not start children: read pages in turn.
    if len(jobs) == 1 or workers == 1 or multiprocessing.current_process().daemon:
        pages = [page for job in jobs for page in _read_chunk(job)]
    else:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            pages = [page for chunk in pool.map(_read_chunk, jobs) for page in chunk]
    contents = [content for content, _ in pages]
    add_cell_words(contents, read_unread_cells([cell for _, cells in pages for cell in cells], workers))
    return contents


def _check_ocr(pages: int, options: ExtractOptions) -> None:
    if pages > options.max_ocr_pages:
        raise TooLargeError(f"{pages} pages need OCR (limit {options.max_ocr_pages}, VANTHU_MAX_OCR_PAGES)")
    if not tesseract_available():
        raise OcrUnavailableError("tesseract is not installed (install.sh installs tesseract-ocr-vie)")


def ocr_pdf_pages(data: bytes, numbers: list[int], options: ExtractOptions) -> list[PageContent]:
    _check_ocr(len(numbers), options)
    with tempfile.TemporaryDirectory(prefix="vanthu-ocr-") as tmp:
        path = Path(tmp) / "input.pdf"
        path.write_bytes(data)  # workers open the file themselves: no page images cross processes
        return _read_pages("pdf", str(path), numbers, options.ocr_workers, options.max_page_pixels)


# -- images ----------------------------------------------------------------------------------------
def ocr_image_document(data: bytes, media_type: str, options: ExtractOptions) -> Document:
    Image.MAX_IMAGE_PIXELS = options.max_page_pixels
    try:
        img = Image.open(io.BytesIO(data))
        width, height = img.size  # header only; pixels are decoded page by page in the workers
        frames = getattr(img, "n_frames", 1)
    except Image.DecompressionBombError as exc:
        raise UnsafeContentError(f"image too large to decode safely: {exc}") from exc
    except Exception as exc:
        raise CorruptFileError(f"image cannot be read: {exc}") from exc
    if width * height > options.max_page_pixels:
        raise UnsafeContentError(f"image is {width}×{height} pixels (limit {options.max_page_pixels:,})")
    _check_ocr(frames, options)
    with tempfile.TemporaryDirectory(prefix="vanthu-ocr-") as tmp:
        path = Path(tmp) / "input.img"
        path.write_bytes(data)
        try:
            contents = _read_pages("image", str(path), list(range(1, frames + 1)), options.ocr_workers,
                                   options.max_page_pixels)
        except (OSError, SyntaxError) as exc:
            raise CorruptFileError(f"image data is damaged or truncated: {exc}") from exc
    builder = LayoutBuilder()
    for c in contents:
        builder.add_page(c)
    builder.flush_table()
    return Document(media_type=media_type, source_kind="ocr", pages=builder.pages, blocks=builder.blocks,
                    tables=builder.tables, warnings=builder.warnings, ocr_repairs=builder.repairs)
