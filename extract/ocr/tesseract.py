"""Every call to Tesseract goes through here (pytesseract): a grayscale image in, its word table
or its orientation out."""
from __future__ import annotations

import os
import shutil
import tempfile
from functools import lru_cache

import numpy as np
from PIL import Image

from extract.errors import ExtractionError

OCR_LANG = "vie+eng"  # Vietnamese, with English for the foreign terms official texts quote
MIN_WORD_CONFIDENCE = 10


class OcrUnavailableError(ExtractionError):
    reason = "ocr_unavailable"


@lru_cache(maxsize=1)
def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def tesseract_words(arr: np.ndarray, dpi: float, psm: int) -> dict:
    """Tesseract's word table (text, left, top, width, height, conf) for a grayscale image.

    The image goes to Tesseract as an uncompressed BMP carrying its resolution. Given a PIL
    image, pytesseract writes a PNG without the dpi: 0.6 s of compression for a 200 dpi page,
    and Tesseract then guesses the resolution (slower, and a different layout analysis) —
    about 40 % more than the tesseract CLI on the same page."""
    with tempfile.TemporaryDirectory(prefix="vanthu-page-") as tmp:
        path = _save_bmp(arr, dpi, os.path.join(tmp, "page.bmp"))
        return _image_to_data(path, f"--oem 1 --psm {psm} --dpi {round(dpi)}")


def _save_bmp(arr: np.ndarray, dpi: float, path: str) -> str:
    Image.fromarray(arr).save(path, format="BMP", dpi=(dpi, dpi))
    return path


def _image_to_data(path: str, config: str) -> dict:
    import pytesseract
    os.environ["OMP_THREAD_LIMIT"] = "1"  # one thread per process: pages run in parallel instead
    try:
        return pytesseract.image_to_data(path, lang=OCR_LANG, config=config, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailableError("tesseract is not installed (install.sh installs tesseract-ocr-vie)") from exc


def orientation(gray: Image.Image) -> int:
    """Clockwise degrees (0, 90, 180, 270) that Tesseract's OSD says the page is turned, when
    it is confident; 0 otherwise."""
    import pytesseract
    try:
        osd = pytesseract.image_to_osd(gray, config="--psm 0", output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        return 0  # too little text to tell
    return int(osd.get("rotate", 0)) if float(osd.get("orientation_conf", 0)) >= 2.0 else 0


def confident_words(data: dict):
    """(index, text, conf) of each word Tesseract is at least slightly sure of."""
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if text.strip() and conf >= MIN_WORD_CONFIDENCE:
            yield i, text, conf


def tesseract_pages(pages: list[tuple[np.ndarray, float]], psm: int = 3) -> list[dict]:
    """Word tables for several page images read by one Tesseract process (its list-file
    input): the language models load once, not once a page (~0.4 s each for vie+eng). Each
    image carries its own resolution in the BMP header."""
    if len(pages) == 1:
        return [tesseract_words(pages[0][0], pages[0][1], psm)]
    with tempfile.TemporaryDirectory(prefix="vanthu-pages-") as tmp:
        names = [_save_bmp(arr, dpi, os.path.join(tmp, f"page{k:04d}.bmp")) for k, (arr, dpi) in enumerate(pages)]
        listing = os.path.join(tmp, "pages.txt")
        with open(listing, "w", encoding="utf-8") as f:
            f.write("".join(n + "\n" for n in names))
        data = _image_to_data(listing, f"--oem 1 --psm {psm}")
    split = [{k: [] for k in data} for _ in pages]
    for i, page_num in enumerate(data["page_num"]):
        target = split[int(page_num) - 1]
        for k in data:
            target[k].append(data[k][i])
    return split
