"""Second look at table cells the page pass left empty.

Tesseract's page layout analysis drops a short token alone in a large cell — the "1." of a
numbered task, a "60" in a months column — and reads nothing there. Those cells are cut out
tightly around their character-shaped ink, binarized, stacked into one strip per document and
read as a uniform block (psm 6; psm 3 and 4 drop them again). One call per document rather than
per page: starting Tesseract with vie+eng costs ~0.4 s, more than reading the strip."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from extract.layout import Word
from extract.ocr.tesseract import confident_words, tesseract_words
from extract.ocr.words import word_from_box

PAD = 6          # px inside the cell border: what is left of an erased ruling line
MARGIN = 12      # px of white around the strip
GAP = 24         # px of white between two stacked cells
MAX_STRIP_CELLS = 80
MAX_STRIP_HEIGHT = 16_000   # px: Tesseract refuses images over 32,767 px; a page is < 3,600 px at 300 dpi


@dataclass
class UnreadCell:
    """Ink cut out of a table cell on page number `page`, whose
    top-left corner lies at (x, y) page pixels at `dpi`."""
    page: int
    x: int
    y: int
    dpi: float
    image: np.ndarray   # binarized, 0 ink / 255 paper


def glyph_components(crop: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x, y, w, h) of ink blobs shaped like characters: taller than specks, no taller
    than a line of large print, no wider than a few letters (not the stub of an erased line)."""
    import cv2
    ink = (crop < 128).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink)
    lo, hi = dpi * 0.05, dpi * 0.4
    return [tuple(int(v) for v in st[:4]) for st in stats[1:n]
            if lo <= st[3] <= hi and st[2] <= dpi * 0.5 and st[4] >= dpi * 0.1]


def unread_cells(arr: np.ndarray, tables, data: dict, dpi: float, page: int) -> list[UnreadCell]:
    """Cells with character-shaped ink where the page pass found no word, cut to that ink."""
    import cv2
    centers = [(data["left"][i] + data["width"][i] / 2, data["top"][i] + data["height"][i] / 2)
               for i, _, _ in confident_words(data)]
    around = int(dpi * 0.08)  # keeps the dot of "1." and the marks above and below the letters
    found = []
    for _, cells in tables:
        for x0, y0, x1, y1 in cells:
            if any(x0 <= cx <= x1 and y0 <= cy <= y1 for cx, cy in centers):
                continue
            crop = arr[y0 + PAD:y1 - PAD, x0 + PAD:x1 - PAD]
            if not crop.size:
                continue
            glyphs = glyph_components(crop, dpi)
            if not glyphs:
                continue
            gx0 = max(0, min(g[0] for g in glyphs) - around)
            gy0 = max(0, min(g[1] for g in glyphs) - around)
            gx1 = max(g[0] + g[2] for g in glyphs) + around
            gy1 = max(g[1] + g[3] for g in glyphs) + around
            tight = np.ascontiguousarray(crop[gy0:gy1, gx0:gx1])
            # Binarized: a grey cell pasted on a white strip reads as a box, and "1." came back as "LỆ".
            _, binary = cv2.threshold(tight, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
            found.append(UnreadCell(page, x0 + PAD + gx0, y0 + PAD + gy0, dpi, binary))
    return found


def _read_strip(cells: list[UnreadCell]) -> list[tuple[int, Word]]:
    """Stack the cells into one image, read it, and give each word back to its cell's page
    with its box placed where the cell lies."""
    width = max(c.image.shape[1] for c in cells) + 2 * MARGIN
    height = sum(c.image.shape[0] + GAP for c in cells) + 2 * MARGIN
    strip = np.full((height, width), 255, dtype=np.uint8)
    placed, y = [], MARGIN
    for cell in cells:
        h, w = cell.image.shape
        strip[y:y + h, MARGIN:MARGIN + w] = cell.image
        placed.append((y, y + h, cell))
        y += h + GAP
    data = tesseract_words(strip, cells[0].dpi, psm=6)
    out = []
    for i, text, conf in confident_words(data):
        mid = data["top"][i] + data["height"][i] / 2
        for top, bottom, cell in placed:
            if top - GAP / 2 <= mid <= bottom + GAP / 2:
                out.append((cell.page, word_from_box(text, conf, cell.x + data["left"][i] - MARGIN,
                                                     cell.y + data["top"][i] - top, data["width"][i],
                                                     data["height"][i], cell.dpi)))
                break
    return out


def _within_height(cells: list[UnreadCell]) -> list[list[UnreadCell]]:
    """The cells cut into strips no taller than MAX_STRIP_HEIGHT: Tesseract (Leptonica) refuses an
    image over 32,767 px ('Image too large: (139, 48113)' failed a 40-page scan of tall cells)."""
    strips, strip, height = [], [], 2 * MARGIN
    for cell in cells:
        h = cell.image.shape[0] + GAP
        if strip and height + h > MAX_STRIP_HEIGHT:
            strips.append(strip)
            strip, height = [], 2 * MARGIN
        strip.append(cell)
        height += h
    return strips + ([strip] if strip else [])


def read_unread_cells(cells: list[UnreadCell], workers: int) -> list[tuple[int, Word]]:
    """Words found in the cells, each with its page number; strips of at most MAX_STRIP_CELLS cells of
    one resolution, read `workers` at a time (Tesseract runs as its own process)."""
    by_dpi: dict[float, list[UnreadCell]] = {}
    for cell in cells:
        by_dpi.setdefault(cell.dpi, []).append(cell)
    strips = []
    for group in by_dpi.values():
        count = max(-(-len(group) // MAX_STRIP_CELLS), min(workers, -(-len(group) // 8)))
        size = -(-len(group) // count)
        for i in range(0, len(group), size):
            strips += _within_height(group[i:i + size])
    if not strips:
        return []
    with ThreadPoolExecutor(max(1, min(workers, len(strips)))) as pool:
        return [hit for hits in pool.map(_read_strip, strips) for hit in hits]
