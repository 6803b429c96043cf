"""A PDF page's text layer and ruling lines read with PDFium (pypdfium2), in the shapes pdfplumber
gives them: character dicts for `pdfplumber.utils.extract_words`, and edges for pdfplumber's own
table finder. pdfplumber parses every object of a page in Python before it gives one character;
PDFium does it in C: on the 38-page 000.pdf reading the characters and ruled tables took 1.84 s
with pdfplumber and 0.05 s with PDFium (2026-12-06); the Documents built from them (blocks,
table cells, warnings) were the same on all 226 PDFs of the corpus, and
`tests/test_extract.py::test_pdfium_text_layer_reads_the_words_and_ruled_tables_pdfplumber_reads`
holds the words and cells to pdfplumber's on the bundled samples.

Written by hand because no library joins the two: pypdfium2 gives characters and path
segments, pdfplumber finds tables in edges; this module only translates between them."""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

# PDFium's codes for a hyphen it found at a line's end: FPDFText_GetUnicode gives 2,
# FPDFText_GetText U+FFFE.
_SOFT_HYPHENS = (0x02, 0xFFFE)
_SPACE = 0x20
_LINE_BREAK_CODES = (0x0D, 0x0A)


@dataclass(frozen=True)
class _Matrix:
    a: float = 1.0
    b: float = 0.0
    c: float = 0.0
    d: float = 1.0
    e: float = 0.0
    f: float = 0.0

    def then(self, outer: _Matrix) -> _Matrix:
        """This transform followed by `outer` (a form object's matrix around its contents)."""
        return _Matrix(self.a * outer.a + self.b * outer.c, self.a * outer.b + self.b * outer.d,
                       self.c * outer.a + self.d * outer.c, self.c * outer.b + self.d * outer.d,
                       self.e * outer.a + self.f * outer.c + outer.e,
                       self.e * outer.b + self.f * outer.d + outer.f)

    def apply(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f


def page_chars(textpage, height: float) -> tuple[list[dict], int]:
    """The characters PDFium reads, as pdfplumber's dicts (x0, x1, top, bottom, size, fontname,
    text), and how many have no Unicode mapping (pdfplumber's '(cid:…)'). The box is the
    character's advance from its origin and its font size above the baseline, as pdfminer
    draws it: glyph-tight boxes would give '“' and 'đ' different tops and split their word.
    Font and size are asked once per text object (7.7 µs a character when asked per character)."""
    handle = textpage.raw
    count = pdfium_c.FPDFText_CountChars(handle)
    text = _page_text(handle, count)
    chars: list[dict] = []
    unmapped = 0
    box = pdfium_c.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    styles: dict[int, tuple[str, float]] = {}
    for index in range(count):
        code = ord(text[index]) if text is not None else pdfium_c.FPDFText_GetUnicode(handle, index)
        if code in _LINE_BREAK_CODES or (code == _SPACE and pdfium_c.FPDFText_IsGenerated(handle, index)):
            continue   # PDFium's own spaces and line ends: pdfplumber splits words by their gaps
        if pdfium_c.FPDFText_HasUnicodeMapError(handle, index):
            unmapped += 1
        text_object = ctypes.cast(pdfium_c.FPDFText_GetTextObject(handle, index), ctypes.c_void_p).value or 0
        style = styles.get(text_object)
        if style is None:
            style = styles[text_object] = _style(handle, index)
        font, size = style
        pdfium_c.FPDFText_GetLooseCharBox(handle, index, box)
        pdfium_c.FPDFText_GetCharOrigin(handle, index, origin_x, origin_y)
        bottom = height - origin_y.value
        chars.append({"text": "-" if code in _SOFT_HYPHENS else chr(code), "x0": box.left, "x1": box.right,
                      "top": bottom - size, "doctop": bottom - size, "bottom": bottom, "size": size,
                      "fontname": font, "upright": True})
    return chars, unmapped


def _page_text(handle, count: int) -> str | None:
    """The page's characters in one call, or None where UTF-16 pairs break the index alignment."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = pdfium_c.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[:2 * max(0, written - 1)].decode("utf-16-le", "replace")
    return text if len(text) == count else None


def _style(handle, index: int) -> tuple[str, float]:
    name = ctypes.create_string_buffer(256)
    length = pdfium_c.FPDFText_GetFontInfo(handle, index, name, len(name), None)
    # Sizes compared to a hundredth: a glyph placed on its own (a VNI mark LibreOffice raises
    # 2.4 pt above its letter) read as 13.0 beside its letters' 12.999999999999943 in
    # pdfminer, and an exact comparison cut 'TOÅNG' into 'TO Å NG' (the seeds' VNI PDFs).
    size = round(pdfium_c.FPDFText_GetFontSize(handle, index), 2)
    return name.raw[:max(0, length - 1)].decode("utf-8", "replace"), size


def page_edges(page, height: float) -> list[dict]:
    """The page's painted paths as pdfplumber's edges (what `Page.edges` gives), in points from
    the top-left corner: a two-point path is a line, an axis-aligned four-sided one a rectangle's
    four sides, any other a curve whose consecutive points make edges. Form XObjects are entered,
    their matrices applied."""
    edges: list[dict] = []
    _collect_edges(page.raw, False, _Matrix(), height, edges)
    return edges


def _collect_edges(holder, is_form: bool, outer: _Matrix, height: float, edges: list[dict]) -> None:
    count = (pdfium_c.FPDFFormObj_CountObjects if is_form else pdfium_c.FPDFPage_CountObjects)(holder)
    get = pdfium_c.FPDFFormObj_GetObject if is_form else pdfium_c.FPDFPage_GetObject
    raw_matrix = pdfium_c.FS_MATRIX()
    for index in range(count):
        obj = get(holder, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, raw_matrix)
        matrix = _Matrix(raw_matrix.a, raw_matrix.b, raw_matrix.c, raw_matrix.d,
                         raw_matrix.e, raw_matrix.f).then(outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            _collect_edges(obj, True, matrix, height, edges)
        else:
            for points in _subpaths(obj, matrix, height):
                edges.extend(_shape_edges(points))


def _subpaths(path, matrix: _Matrix, height: float) -> list[list[tuple[float, float]]]:
    """The path's subpaths (split at each move), each a list of points in top-left coordinates;
    a closed subpath ends where it began, as pdfminer's closepath does."""
    subpaths: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = matrix.apply(x.value, y.value)
        point = (px, height - py)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
        else:
            subpaths[-1].append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment) and subpaths[-1][0] != point:
            subpaths[-1].append(subpaths[-1][0])
    return subpaths


def _shape_edges(points: list[tuple[float, float]]) -> list[dict]:
    if len(points) < 2:
        return []
    if len(points) == 2:
        return [_edge(points[0], points[1], "h" if points[0][1] == points[1][1] else "v")]
    return [_edge(p0, p1, "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None))
            for p0, p1 in zip(points, points[1:])]


def _edge(p0: tuple[float, float], p1: tuple[float, float], orientation: str | None) -> dict:
    x0, x1 = sorted((p0[0], p1[0]))
    top, bottom = sorted((p0[1], p1[1]))
    return {"object_type": "curve_edge", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": top, "width": x1 - x0, "height": bottom - top, "orientation": orientation}


class EdgesPage:
    """What pdfplumber's TableFinder reads of a page with the 'lines' strategies: its edges."""

    def __init__(self, edges: list[dict], width: float, height: float):
        self.edges = edges
        self.bbox = (0.0, 0.0, width, height)


def ruled_tables(edges: list[dict], width: float, height: float) -> list[tuple[tuple, list[tuple]]]:
    """pdfplumber's tables (default settings) found in these edges: (bbox, cell boxes) each."""
    if not edges:
        return []
    from pdfplumber.table import TableFinder, TableSettings
    finder = TableFinder(EdgesPage(edges, width, height), TableSettings.resolve(None))
    return [(tuple(table.bbox), [cell for cell in table.cells if cell is not None])
            for table in finder.tables]
