"""Ruled tables found in a page image: line morphology, the grid, merged cells."""
from __future__ import annotations

import numpy as np

from extract.ocr.page_image import ink_mask


def _cluster(values: list[float], tol: float) -> list[float]:
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def detect_tables(gray: np.ndarray, dpi: float) -> tuple[list[tuple[tuple[int, int, int, int], list[tuple[int, int, int, int]]]], np.ndarray]:
    """Ruled tables as (bbox, cell boxes) in pixels, and the mask of ruling lines to erase
    before OCR. A cell spans several grid columns or rows where the line between them is
    missing (merged cells)."""
    import cv2
    ink = ink_mask(gray)
    h, w = ink.shape
    # A ruling line is longer than any letter stroke: half an inch across, a third of an inch
    # down (a table row with one line of text is about that tall).
    # Bilevel (fax, CCITT G4) scans break thin vertical lines into dashes: close small vertical
    # gaps first. Not horizontally: that would join letters and words into long runs.
    # A thin line that steps by a pixel (residual skew) alternates between two rows: thicken
    # across the line first, which joins the steps but never two letters side by side.
    gap = max(3, int(dpi / 25))
    closed_v = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, gap)))
    closed_v = cv2.dilate(closed_v, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 1)))
    thick_h = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
    horiz = cv2.morphologyEx(thick_h, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (int(dpi * 0.5), 1)))
    vert = cv2.morphologyEx(closed_v, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(dpi * 0.3))))
    # Bridge small breaks left by noise and JPEG before measuring lines.
    horiz = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vert = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    grid = cv2.bitwise_or(horiz, vert)
    # Lines whose ends do not quite touch (a border broken at a corner) still make one table.
    joined = cv2.dilate(grid, cv2.getStructuringElement(cv2.MORPH_RECT, (int(dpi / 12), int(dpi / 12))))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined)
    tables = []
    erase = np.zeros_like(grid)
    for i in range(1, n):
        x, y, bw, bh, _ = stats[i]
        if bw < w * 0.25 or bh < 40:
            continue
        region_h, region_v = horiz[y:y + bh, x:x + bw], vert[y:y + bh, x:x + bw]
        hn, _, hs, _ = cv2.connectedComponentsWithStats(region_h)
        vn, _, vs, _ = cv2.connectedComponentsWithStats(region_v)
        ys = _cluster([s[1] + s[3] / 2 for s in hs[1:hn] if s[2] > 25], 8)
        xs = _cluster([s[0] + s[2] / 2 for s in vs[1:vn] if s[3] > 15], 8)
        if len(ys) < 2 or len(xs) < 2:
            continue
        cells = _cells_from_grid(region_h, region_v, ys, xs)
        tables.append(((x, y, x + bw, y + bh), [(x + a, y + b, x + c, y + d) for a, b, c, d in cells]))
        erase[y:y + bh, x:x + bw] = grid[y:y + bh, x:x + bw]
    # A piece of ruling inside another table (a broken line counted twice) is not a table.
    tables = [t for t in tables if not any(o is not t and _contains(o[0], t[0]) for o in tables)]
    return tables, erase


def _contains(outer, inner, slack: int = 6) -> bool:
    return (outer[0] - slack <= inner[0] and outer[1] - slack <= inner[1] and inner[2] <= outer[2] + slack
            and inner[3] <= outer[3] + slack and (outer[2] - outer[0]) * (outer[3] - outer[1])
            > (inner[2] - inner[0]) * (inner[3] - inner[1]))


def _covered(mask: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> float:
    band = mask[max(0, y0):max(y0 + 1, y1), max(0, x0):max(x0 + 1, x1)]
    if band.size == 0:
        return 0.0
    return float((band.max(axis=0 if band.shape[0] <= band.shape[1] else 1) > 0).mean())


def _cells_from_grid(horiz, vert, ys, xs):
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a, b):
        parent[find(a)] = find(b)

    for r in range(rows):
        for c in range(cols):
            y0, y1 = int(ys[r]), int(ys[r + 1])
            x0, x1 = int(xs[c]), int(xs[c + 1])
            if c + 1 < cols:  # vertical boundary at xs[c+1] between rows r..r+1
                xb = int(xs[c + 1])
                inset = (y1 - y0) // 5
                if _covered(vert, y0 + inset, y1 - inset, xb - 4, xb + 5) < 0.5:
                    union(r * cols + c, r * cols + c + 1)
            if r + 1 < rows:  # horizontal boundary at ys[r+1] between columns c..c+1
                yb = int(ys[r + 1])
                inset = (x1 - x0) // 5
                if _covered(horiz, yb - 4, yb + 5, x0 + inset, x1 - inset) < 0.5:
                    union(r * cols + c, (r + 1) * cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(rows):
        for c in range(cols):
            groups.setdefault(find(r * cols + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0, r1 = min(m[0] for m in members), max(m[0] for m in members) + 1
        c0, c1 = min(m[1] for m in members), max(m[1] for m in members) + 1
        cells.append((int(xs[c0]), int(ys[r0]), int(xs[c1]), int(ys[r1])))
    return cells
