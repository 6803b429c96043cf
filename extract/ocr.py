"""OCR path (first part of issue #4): page images → Tesseract (vie+eng) words with boxes and
confidences → the same line and paragraph builder the text-layer PDF path uses.
Ruled-table detection in scans, preprocessing and OCR repair are not here yet."""
from __future__ import annotations

import io
import statistics

from PIL import Image, ImageSequence

from extract.errors import CorruptFileError, ExtractionError, UnsafeContentError
from extract.pdf_reader import lines_from_words, paragraphs_from_lines
from models import Block, Document, Page, Provenance, Warning
from normalize.text import clean_text

OCR_LANG = "vie+eng"
MAX_PIXELS = 80_000_000        # ~ A3 at 600 dpi; a 20,000 × 20,000 image is refused, not decoded
MIN_WORD_CONFIDENCE = 10


class OcrUnavailableError(ExtractionError):
    reason = "ocr_unavailable"


def ocr_page(image: Image.Image, dpi: float) -> list[dict]:
    """Words with boxes in PDF points (72 per inch) and Tesseract confidence 0–100."""
    import pytesseract
    try:
        data = pytesseract.image_to_data(image.convert("L"), lang=OCR_LANG, config="--psm 3",
                                         output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailableError("tesseract is not installed (install.sh installs tesseract-ocr-vie)") from exc
    scale = 72.0 / dpi
    words = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if not text.strip() or conf < MIN_WORD_CONFIDENCE:
            continue
        x, y, w, h = (data[k][i] * scale for k in ("left", "top", "width", "height"))
        words.append({"text": clean_text(text), "x0": x, "x1": x + w, "top": y, "bottom": y + h,
                      "size": h, "conf": conf})
    return words


def blocks_from_words(words: list[dict], page: int, start_id: int, start_order: int) -> list[Block]:
    blocks = []
    for group in paragraphs_from_lines(lines_from_words(words)):
        text = clean_text(" ".join(ln.text for ln in group))
        if not text:
            continue
        x0, top = min(g.x0 for g in group), group[0].top
        x1, bottom = max(g.x1 for g in group), group[-1].bottom
        confs = [w["conf"] for w in words if x0 - 1 <= w["x0"] and w["x1"] <= x1 + 1 and top - 1 <= w["top"]
                 and w["bottom"] <= bottom + 1]
        blocks.append(Block(
            id=f"b{start_id + len(blocks)}", kind="paragraph", text=text, order=start_order + len(blocks),
            provenance=Provenance(source="ocr", page=page, bbox=(round(x0, 1), round(top, 1), round(x1, 1),
                                                                  round(bottom, 1)),
                                  confidence=round(statistics.mean(confs) / 100, 3) if confs else 0.0)))
    return blocks


def ocr_image_document(data: bytes, media_type: str) -> Document:
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        img = Image.open(io.BytesIO(data))
        img.size  # header only; pixels are decoded per page below
    except Image.DecompressionBombError as exc:
        raise UnsafeContentError(f"image too large to decode safely: {exc}") from exc
    except Exception as exc:
        raise CorruptFileError(f"image cannot be read: {exc}") from exc
    if img.width * img.height > MAX_PIXELS:
        raise UnsafeContentError(f"image is {img.width}×{img.height} pixels (limit {MAX_PIXELS:,})")
    pages, blocks, warnings = [], [], []
    for number, frame in enumerate(ImageSequence.Iterator(img), start=1):
        dpi = float((frame.info.get("dpi") or (300, 300))[0]) or 300.0
        try:
            words = ocr_page(frame, dpi)
        except OcrUnavailableError:
            raise
        except Exception as exc:  # one unreadable page must not lose the others
            warnings.append(Warning(code="page_unreadable", page=number, message=f"page {number}: {exc}"))
            words = []
        pages.append(Page(number=number, width=frame.width * 72 / dpi, height=frame.height * 72 / dpi,
                          source="ocr", char_count=sum(len(w["text"]) for w in words)))
        if not words:
            warnings.append(Warning(code="empty_page", page=number, message=f"page {number}: no text found"))
        blocks.extend(blocks_from_words(words, number, len(blocks), len(blocks)))
    return Document(media_type=media_type, source_kind="ocr", pages=pages, blocks=blocks, warnings=warnings)
