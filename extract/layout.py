"""Page layout shared by the text-layer PDF path and the OCR path: words with positions →
lines → paragraphs, ruled tables → cells with spans, tables merged across page breaks and
rows broken by a page break stitched back together."""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from models import Block, Cell, OcrRepair, Page, Provenance, Table, Warning
from models.document import WordBox
from normalize.text import clean_text
from normalize.vowel_marks import is_syllable

COLUMN_GAP = 28.0            # points: a wider horizontal gap splits a line into columns
EDGE_TOLERANCE = 3.0         # points: column edges that match across a page break
# Scanned pages shift and turn a little from one page to the next: columns are compared
# relative to the table's left edge, with room for the residual skew.
OCR_EDGE_TOLERANCE = 10.0
OCR_SHIFT_TOLERANCE = 30.0


@dataclass(slots=True)
class Word:
    """One word on a page, whatever read it (a PDF text layer or Tesseract): its box in points
    from the page's top-left corner, font size (or box height for OCR) and confidence 0–100."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 12.0
    conf: float = 100.0

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.x0, self.top, self.x1, self.bottom


@dataclass
class DetectedTable:
    """A ruled table on a page: its box and the boxes of its cells (x0, top, x1, bottom)."""

    bbox: tuple[float, float, float, float]
    cells: list[tuple[float, float, float, float]]


@dataclass
class PageContent:
    """What one page holds, whatever read it: its words and ruled tables."""

    number: int
    width: float
    height: float
    source: str                      # "pdf-text" | "ocr"
    words: list[Word] = field(default_factory=list)
    tables: list[DetectedTable] = field(default_factory=list)
    needs_ocr: bool = False
    warnings: list[Warning] = field(default_factory=list)
    repairs: list[OcrRepair] = field(default_factory=list)


@dataclass
class _Line:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float
    conf: float = 100.0
    words: list[Word] = field(default_factory=list)


@dataclass
class _PendingTable:
    rows: list[list[Cell]]
    x_edges: list[float]
    pages: list[int]
    bbox: tuple[float, float, float, float]
    first_page: int
    order: int
    ends_page: bool = False
    source: str = "pdf-text"


class LayoutBuilder:
    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.warnings: list[Warning] = []
        self.repairs: list[OcrRepair] = []
        self.order = 0
        self.pending: _PendingTable | None = None

    # -- pages ---------------------------------------------------------------------------------
    def add_page(self, content: PageContent) -> None:
        c = content
        self.warnings.extend(c.warnings)
        self.repairs.extend(c.repairs)
        self.pages.append(Page(number=c.number, width=c.width, height=c.height, source=c.source,
                               needs_ocr=c.needs_ocr, char_count=sum(len(w.text) for w in c.words)))
        if c.needs_ocr or not c.words:
            self.flush_table()
            return
        words = c.words
        table_boxes = [t.bbox for t in c.tables]
        free_words = [w for w in words if not any(_inside(w, b) for b in table_boxes)]
        lines = lines_from_words(free_words)
        items: list[tuple[float, str, object]] = [(ln.top, "line", ln) for ln in lines]
        items += [(t.bbox[1], "table", t) for t in c.tables]
        items.sort(key=lambda x: (x[0], 0 if x[1] == "table" else 1))
        body_lines: list[_Line] = []
        first_item = True
        for _top, kind, obj in items:
            if kind == "line":
                body_lines.append(obj)
                continue
            self._emit_lines(body_lines, c)
            body_lines = []
            self._table(obj, words, c.number, continues=first_item)
            first_item = False
        if body_lines:
            self._emit_lines(body_lines, c)
        if self.pending is not None:
            last_table_bottom = self.pending.bbox[3]
            self.pending.ends_page = not any(ln.top > last_table_bottom for ln in lines
                                             if not _is_page_furniture(ln, c))

    def _emit_lines(self, lines: list[_Line], page: PageContent) -> None:
        if not lines:
            return
        # Text between tables (or after one) ends any table that might continue.
        content = [ln for ln in lines if not _is_page_furniture(ln, page)]
        if content:
            self.flush_table()
        for ln in lines:
            if _is_page_furniture(ln, page):
                kind = "header" if ln.top < page.height * 0.08 else "footer"
                self._block(ln.text, kind, page, (ln.x0, ln.top, ln.x1, ln.bottom), ln.conf,
                            words_of(ln.text, [ln], page.number))
        for group in paragraphs_from_lines(content, same_size=page.source != "ocr"):
            text = clean_text(" ".join(ln.text for ln in group))
            if not text:
                continue
            bbox = (min(g.x0 for g in group), group[0].top, max(g.x1 for g in group), group[-1].bottom)
            self._block(text, "paragraph", page, bbox, statistics.mean(g.conf for g in group),
                        words_of(text, group, page.number))

    def _block(self, text: str, kind: str, page: PageContent, bbox, conf: float, words: list[WordBox]) -> None:
        self.blocks.append(Block(id=f"b{len(self.blocks)}", kind=kind, text=text, order=self.order,
                                 provenance=Provenance(source=page.source, page=page.number,
                                                       bbox=tuple(round(v, 1) for v in bbox),
                                                       confidence=round(conf / 100, 3)), words=words))
        self.order += 1

    # -- tables --------------------------------------------------------------------------------
    def _table(self, table, words, number: int, continues: bool) -> None:
        rows, x_edges = _table_rows(table, words, number)
        if not rows:
            return
        p = self.pending
        ocr = self.source_of(number) == "ocr"
        if continues and p is not None and p.ends_page and ocr and len(x_edges) > len(p.x_edges) and \
                _extra_edges_only(x_edges, p.x_edges):
            # A scan that shows a stray vertical stroke inside one cell as a column line: the
            # page's cells are put back into the columns the table has.
            rows = _remap_columns(rows, x_edges, p.x_edges)
            x_edges = p.x_edges
        if continues and p is not None and p.ends_page and _same_columns(x_edges, p.x_edges, ocr=ocr):
            # The same table continued after a page break: a repeated header row is dropped.
            if _row_texts(rows[0]) == _row_texts(p.rows[0]):
                rows = rows[1:]
            if p.rows and not any(c.text for c in p.rows[-1]):
                p.rows.pop()  # a row that began in the bottom margin: its text is on this page
            while rows and not any(c.text for c in rows[0]):
                rows = rows[1:]  # the empty tail of a row that ended on the previous page
            if rows and _is_row_fragment(rows[0], p.rows):
                _stitch(rows[0], p.rows)
                rows = rows[1:]
            offset = len(p.rows)
            for i, r in enumerate(rows):
                for c in r:
                    c.row = offset + i  # every cell of a row list starts on that row
            p.rows.extend(rows)
            p.pages.append(number)
            p.bbox = table.bbox
            p.ends_page = False
            return
        self.flush_table()
        self.pending = _PendingTable(rows=rows, x_edges=x_edges, pages=[number], bbox=table.bbox,
                                     first_page=number, order=self.order, source=self.source_of(number))
        self.order += 1

    def flush_table(self) -> None:
        p = self.pending
        if p is None:
            return
        self.pending = None
        cells = [c for r in p.rows for c in r]
        self.tables.append(Table(
            id=f"t{len(self.tables)}", order=p.order, n_rows=max(c.row + c.row_span for c in cells),
            n_cols=len(p.x_edges) - 1, cells=cells, pages=p.pages,
            provenance=Provenance(source=p.source, page=p.first_page)))

    def source_of(self, number: int) -> str:
        return next((p.source for p in self.pages if p.number == number), "pdf-text")


MAX_STRAY_EDGES = 1


def _extra_edges_only(edges: list[float], table_edges: list[float]) -> bool:
    """Every column line of the table is on the page (its left edge and widths the same, up to a
    scan's shift), and at most MAX_STRAY_EDGES more."""
    if len(edges) - len(table_edges) > MAX_STRAY_EDGES or abs(edges[0] - table_edges[0]) > OCR_SHIFT_TOLERANCE:
        return False
    shift = edges[0] - table_edges[0]
    return all(any(abs((x - shift) - y) <= OCR_EDGE_TOLERANCE for x in edges) for y in table_edges)


def _remap_columns(rows: list[list[Cell]], edges: list[float], table_edges: list[float]) -> list[list[Cell]]:
    """Cells placed by the page's column lines moved onto the table's: a cell split by a stray
    line is joined again."""
    shift = edges[0] - table_edges[0]

    def nearest(x: float) -> int:
        return min(range(len(table_edges)), key=lambda i: abs(table_edges[i] - (x - shift)))
    out = []
    for row in rows:
        by_col: dict[int, Cell] = {}
        for c in sorted(row, key=lambda c: c.col):
            c0 = nearest(edges[c.col])
            c1 = max(c0 + 1, nearest(edges[min(c.col + c.col_span, len(edges) - 1)]))
            if c0 in by_col:
                join_cell_text(by_col[c0], c)
                continue
            by_col[c0] = c.model_copy(update={"col": c0, "col_span": c1 - c0})
        out.append(list(by_col.values()))
    return out


def _same_columns(a: list[float], b: list[float], ocr: bool) -> bool:
    if len(a) != len(b):
        return False
    if not ocr:
        return all(abs(x - y) <= EDGE_TOLERANCE for x, y in zip(a, b))
    if abs(a[0] - b[0]) > OCR_SHIFT_TOLERANCE:
        return False
    return all(abs((x - a[0]) - (y - b[0])) <= OCR_EDGE_TOLERANCE for x, y in zip(a, b))


def _inside(word: Word, bbox) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _table_rows(table, words, number: int = 0) -> tuple[list[list[Cell]], list[float]]:
    """Cells with spans from the ruling-line grid (pdfplumber's, or the one found in a scan)."""
    boxes = [c for c in table.cells if c is not None]
    if not boxes:
        return [], []
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes], EDGE_TOLERANCE)
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes], EDGE_TOLERANCE)

    def index(edges, v):
        return min(range(len(edges)), key=lambda i: abs(edges[i] - v))

    inner = [w for w in words if _inside(w, table.bbox)]
    placed = []
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        r0, r1 = index(ys, b[1]), index(ys, b[3])
        c0, c1 = index(xs, b[0]), index(xs, b[2])
        if r1 > r0 and c1 > c0:
            placed.append((r0, r1, c0, c1, b))
    # Row indices count only edges where some cell starts, so rows are contiguous.
    starts = sorted({r0 for r0, *_ in placed})
    rows: dict[int, list[Cell]] = {}
    for r0, r1, c0, c1, b in placed:
        row = starts.index(r0)
        end = sum(1 for s in starts if s < r1)
        cell_words = [w for w in inner if _inside(w, b)]
        cell_lines = lines_from_words(cell_words, split_columns=False)
        text = clean_text(join_wrapped([ln.text for ln in cell_lines]))
        rows.setdefault(row, []).append(Cell(row=row, col=c0, row_span=max(1, end - row), col_span=c1 - c0,
                                             text=text, page=number or None, bbox=tuple(round(v, 1) for v in b),
                                             words=words_of(text, cell_lines, number)))
    ordered = [rows[k] for k in sorted(rows)]
    return ordered, xs


_TERMINAL = (".", ";", ":", "!", "?", ")")
_NUMERIC = re.compile(r"^[\d.,\s\-–]+$")


def _covering(rows: list[list[Cell]], col: int) -> Cell | None:
    """The cell of the last row (or a vertical span from above) that covers grid column col."""
    last = max(c.row for r in rows for c in r)
    for r in reversed(rows):
        for c in r:
            if c.col <= col < c.col + c.col_span and c.row + c.row_span > last:
                return c
    return None


def _is_row_fragment(first: list[Cell], prev_rows: list[list[Cell]]) -> bool:
    """A row that broke across the page: the STT cell is empty, its cells carry on mid-sentence
    (lowercase start, or a digit after an unfinished cell) and it restates no numeric value."""
    by_col = {c.col: c for c in first}
    if by_col.get(0) is not None and re.search(r"\w", by_col[0].text):
        return False  # a row number (specks a scan leaves in an empty cell do not count)
    carried_on = False
    for c in first:
        if not re.search(r"\w", c.text):
            continue  # empty, or a speck
        above = _covering(prev_rows, c.col)
        above_text = above.text if above is not None else ""
        if above_text and _NUMERIC.match(above_text):
            return False  # a number column restated: a new row
        head = c.text[0]
        if head.islower() or (head.isdigit() and above_text and not above_text.endswith(_TERMINAL)):
            carried_on = True
        elif not above_text or above_text.endswith(_TERMINAL):
            return False
    return carried_on


def _stitch(fragment: list[Cell], prev_rows: list[list[Cell]]) -> None:
    for c in fragment:
        above = _covering(prev_rows, c.col)
        if above is None:
            continue
        if re.search(r"\w", c.text):
            join_cell_text(above, c)
        # A vertically merged cell that went on past the broken row keeps covering those rows.
        above.row_span += c.row_span - 1


# A number cut by a line break: its last group short of three digits, or a separator last.
_CUT_NUMBER = re.compile(r"\d[.,](?:\d{1,2})?$")
_SEPARATOR_FIRST = re.compile(r"[.,]\d")
_LETTERS_END = re.compile(r"(?:^|[^\w])([^\W\d_]+)$")
_LETTERS_START = re.compile(r"^([^\W\d_]+)(?=$|[\s)(/,;.:])")


# A document's number cut by a narrow column: the line ends inside 'số/ký hiệu' (a number, a slash,
# no space since), the symbol is not whole yet (no 'TYPE-ISSUER' at its end), and the next line
# starts with what can follow (digits, capitals, '-', '/') in a short first piece.
_CUT_SYMBOL = re.compile(r"(?<![\w/])\d{1,5}/[0-9A-Za-zĐđ/\-]*$")
_WHOLE_SYMBOL = re.compile(r"/[A-ZĐ][A-Za-zĐđ]*-[A-ZĐ][A-Za-zĐđ&]+$")
_SYMBOL_REST = re.compile(r"[0-9A-ZĐ/\-][0-9A-Za-zĐđ/\-]{0,11}(?:\s|$)")


def join_wrapped(lines: list[str]) -> str:
    """A cell's lines joined, without a space where a line break fell inside a number or a
    syllable: a narrow column wraps '26.811.096' as '26.811.0' / '96' and 'Thành tiền (đồng)' as
    'Thàn' / 'h tiền (đồn' / 'g)' (measured on a rendered budget table: 65 of 98 amounts lost in the
    text PDF). A syllable is joined when the two pieces make one word-list syllable and one of
    them is none ('đồn' + 'g'; never 'Thành' + 'phố')."""
    out = ""
    for line in lines:
        line = line.strip()
        if not out or not line:
            out = f"{out} {line}".strip() if line else out
            continue
        glue = " "
        if line[:1].isdigit() and _CUT_NUMBER.search(out) or out[-1:].isdigit() and _SEPARATOR_FIRST.match(line):
            glue = ""   # '26.811.0' + '96', '5.937.44' + '0', '1.436' + '.130'
        elif _CUT_SYMBOL.search(out) and not _WHOLE_SYMBOL.search(out) and _SYMBOL_REST.match(line):
            glue = ""   # 'Nghị định số 280/2' + '025/N' + 'Đ-CP', '01/20' + '20/TT' + '-BTP' (pool n04's PDF)
        else:
            left, right = _LETTERS_END.search(out), _LETTERS_START.match(line)
            if left and right:
                a, b = left.group(1), right.group(1)
                if (not is_syllable(a) or not is_syllable(b)) and is_syllable(a + b):
                    glue = ""
        out = f"{out}{glue}{line}"
    return out


def join_cell_text(kept: Cell, other: Cell) -> None:
    """Append another cell's text (a row broken by a page break, a cell split by a stray line);
    its words keep their own page and box."""
    offset = len(kept.text) + 1 if kept.text else 0
    kept.text = clean_text(f"{kept.text} {other.text}")
    if kept.text[offset:offset + len(other.text)] == other.text:
        kept.words = [*kept.words, *((w[0] + offset, w[1] + offset, *w[2:]) for w in other.words)]


def words_of(text: str, lines: list[_Line], page: int) -> list[WordBox]:
    """Where each word of `text` (the lines' words joined and cleaned) lies in it, with its box;
    empty when the cleaned words do not rebuild the text exactly."""
    out: list[WordBox] = []
    pos = 0
    for ln in lines:
        for w in ln.words:
            t = clean_text(w.text)
            if not t:
                continue
            if out and text[pos:pos + 1] == " ":
                pos += 1   # (no space where a wrapped word or number was joined again)
            if text[pos:pos + len(t)] != t:
                return []
            out.append((pos, pos + len(t), page, round(w.x0, 1), round(w.top, 1), round(w.x1, 1),
                        round(w.bottom, 1)))
            pos += len(t)
    return out if pos == len(text) else []


def _row_texts(row: list[Cell]) -> list[str]:
    return [c.text for c in sorted(row, key=lambda c: c.col)]


# -- lines and paragraphs -------------------------------------------------------------------------
def lines_from_words(words: list[Word], split_columns: bool = True) -> list[_Line]:
    """Group words into lines by vertical overlap; split a line where a wide horizontal gap
    separates columns (the official header puts the issuer left and the motto right)."""
    if not words:
        return []
    words = sorted(words, key=lambda w: (round(w.top), w.x0))
    rows: list[list[Word]] = []
    for w in words:
        for row in reversed(rows[-3:]):
            ref = row[0]
            overlap = min(ref.bottom, w.bottom) - max(ref.top, w.top)
            if overlap > 0.5 * min(ref.bottom - ref.top, w.bottom - w.top):
                row.append(w)
                break
        else:
            rows.append([w])
    out: list[_Line] = []
    for row in rows:
        row.sort(key=lambda w: w.x0)
        segments = [[row[0]]]
        for w in row[1:]:
            if split_columns and w.x0 - segments[-1][-1].x1 > COLUMN_GAP:
                segments.append([w])
            else:
                segments[-1].append(w)
        for seg in segments:
            out.append(_Line(top=min(w.top for w in seg), bottom=max(w.bottom for w in seg),
                             x0=seg[0].x0, x1=seg[-1].x1,
                             text=" ".join(w.text for w in seg),
                             size=statistics.median(w.size for w in seg),
                             conf=statistics.mean(w.conf for w in seg), words=seg))
    out.sort(key=lambda ln: (round(ln.top), ln.x0))
    return out


_NEW_PARA = re.compile(r"^(?:[-–•+*]\s|\d{1,3}[.)]\s|[IVX]{1,5}[.)]\s|[a-zđ][.)]\s|Điều\s+\d|Chương\s+[IVX\d]|Phụ lục)")


def paragraphs_from_lines(lines: list[_Line], same_size: bool = True) -> list[list[_Line]]:
    """Lines to paragraphs: a new paragraph where the vertical gap grows, the first line is
    indented, a list marker starts, or the lines belong to different columns."""
    if not lines:
        return []
    heights = [ln.bottom - ln.top for ln in lines]
    lh = statistics.median(heights) if heights else 12.0
    left = min(ln.x0 for ln in lines)
    groups: list[list[_Line]] = []
    for ln in lines:
        g = groups[-1] if groups else None
        if g is not None:
            prev = g[-1]
            gap = ln.top - prev.bottom
            same_column = ln.x0 < prev.x1 and ln.x1 > prev.x0
            indented = ln.x0 - left > 15 and ln.x0 - prev.x0 > 15
            if (same_column and -2 < gap < 0.9 * lh and not indented
                    and not _NEW_PARA.match(ln.text) and (not same_size or abs(ln.size - prev.size) < 1.5)):
                g.append(ln)
                continue
        groups.append([ln])
    return groups


def _is_page_furniture(ln: _Line, page: PageContent) -> bool:
    """Running page numbers in the top or bottom margin."""
    in_margin = ln.top < page.height * 0.06 or ln.bottom > page.height * 0.93
    return in_margin and bool(re.fullmatch(r"[-–\s]*(?:Trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–\s]*", ln.text))
