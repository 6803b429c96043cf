"""Page and box for every occurrence of every mention, every typed table row and cell, and every
record: looked up from the word boxes the reader left on blocks and cells (the PDF text layer
and OCR carry them; a DOCX gets them from the PDF LibreOffice renders, web/render.py). Pure: a
function of the Document and the result, which it fills in place."""
from __future__ import annotations

from models import Block, Document, ExtractionResult, Position, Table, TypedTable
from models.document import BBox, WordBox

Place = tuple[int | None, BBox | None]


def union(boxes: list[BBox]) -> BBox | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def span_box(words: list[WordBox], start: int, end: int) -> Place | None:
    """The box of the words a character span touches, on the page where the span begins."""
    touched = [w for w in words if w[0] < end and w[1] > start]
    if not touched:
        return None
    page = touched[0][2]
    return page, union([tuple(w[3:]) for w in touched if w[2] == page])


class _Layout:
    """The document's blocks and table cells by what a Position names."""

    def __init__(self, doc: Document, typed: list[TypedTable]):
        self.blocks: dict[str, Block] = {b.id: b for b in doc.blocks}
        self.tables: dict[str, Table] = {t.id: t for t in doc.tables}
        self.grids = {t.id: t.grid() for t in doc.tables}
        self.typed = {t.id: t for t in typed}

    def cell(self, table_id: str, row: int, col: int):
        grid = self.grids.get(table_id)
        if grid is None or not (0 <= row < len(grid)) or not (0 <= col < len(grid[row])):
            return None
        return grid[row][col]

    def place(self, pos: Position, text: str) -> Place | None:
        if pos.table_id is None:
            block = self.blocks.get(pos.block_id or "")
            if block is None:
                return None
            return span_box(block.words, pos.start, pos.end) or (block.provenance.page, block.provenance.bbox)
        cell = self.cell(pos.table_id, pos.row, pos.col)
        if cell is None:  # a list read from blocks ('1. …' paragraphs): the block that holds the text
            return self.find(text)
        if cell.text[pos.start:pos.end] == text:
            found = span_box(cell.words, pos.start, pos.end)
            if found is not None:
                return found
        return (cell.page, cell.bbox) if cell.bbox else None

    def find(self, text: str, page: int | None = None) -> Place | None:
        """The first block (on `page` when given) whose text holds `text`: for what has no position."""
        if not text:
            return None
        for block in self.blocks.values():
            if page is not None and block.provenance.page not in (None, page):
                continue
            at = block.text.find(text)
            if at >= 0:
                return span_box(block.words, at, at + len(text)) or (block.provenance.page, block.provenance.bbox)
        return None


def locate(result: ExtractionResult, doc: Document, box_pages: str = "source") -> ExtractionResult:
    """Fill page and bbox of the result's occurrences, mentions, table rows and records."""
    layout = _Layout(doc, result.tables)
    if not any(b.words for b in doc.blocks) and not any(c.bbox for t in doc.tables for c in t.cells):
        return result  # nothing carries boxes (a DOCX not rendered yet)
    for mention in [*result.references, *result.dates, *result.amounts, *result.agencies, *result.persons]:
        for occ in mention.occurrences:
            found = layout.place(occ.position, occ.text) if occ.position else layout.find(occ.text, occ.page)
            if found is not None:
                occ.page, occ.bbox = found[0] or occ.page, found[1]
        first = mention.occurrences[0] if mention.occurrences else None
        if first is not None:
            mention.page, mention.bbox = first.page, first.bbox
        else:
            found = layout.find(mention.text, mention.page)
            if found is not None:
                mention.page, mention.bbox = found[0] or mention.page, found[1]
    for text_block in result.blocks:
        block = layout.blocks.get(text_block.id)
        if block is not None and block.words:
            page = block.words[0][2]
            text_block.page, text_block.bbox = page, union([tuple(w[3:]) for w in block.words if w[2] == page])
    rows = {}
    for t in result.tables:
        for row in t.rows:
            _locate_row(layout, t, row)
            rows[(t.id, row.index)] = row
    for record in [*result.records.tasks, *result.records.catalog, *result.records.budget]:
        prov = record.provenance
        row = rows.get((prov.table_id, prov.row))
        if row is not None and row.bbox is not None:
            prov.page, prov.bbox = row.page or prov.page, row.bbox
    result.source.box_pages = box_pages
    return result


def _locate_row(layout: _Layout, t: TypedTable, row) -> None:
    placed: list[Place | None] = []
    for k, text in enumerate(row.cells):
        cell = layout.cell(t.id, row.index, k)
        if cell is not None:
            placed.append((cell.page, cell.bbox) if cell.bbox else None)
        elif t.source == "list" and text:
            placed.append(layout.find(text, row.page))
        else:
            placed.append(None)
    row.boxes = [p[1] if p else None for p in placed]
    row.page = row.page or next((p[0] for p in placed if p and p[0]), None)
    # a row broken by a page break: its box is the part on the row's own page
    row.bbox = union([p[1] for p in placed if p and p[1] and p[0] in (None, row.page)])
