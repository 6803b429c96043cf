"""DOCX → Document in reading order: body paragraphs and tables interleaved, headers and
footers, footnotes. Tables keep horizontal (gridSpan) and vertical (vMerge) spans."""
from __future__ import annotations

import io
import re

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from lxml import etree

from extract.docx_safety import check_docx_package
from extract.errors import CorruptFileError
from extract.media import DOCX
from models import Block, Cell, Document, ExtractOptions, Page, Provenance, Table
from normalize.text import clean_text

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def read(data: bytes, media_type: str = DOCX, options: ExtractOptions | None = None) -> Document:
    check_docx_package(data)
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise CorruptFileError(f"cannot open Word document: {exc}") from exc
    builder = _Builder()
    seen_hf: set[str] = set()
    for section in d.sections:
        for part, kind in ((section.header, "header"), (section.footer, "footer")):
            if part.is_linked_to_previous:
                continue
            for p in part.paragraphs:
                text = clean_text(p.text)
                if text and (kind, text) not in seen_hf:
                    seen_hf.add((kind, text))
                    builder.block(text, kind, None)
    styles = _style_names(d)
    for index, item in enumerate(d.iter_inner_content()):
        if isinstance(item, Paragraph):
            text = _paragraph_text(item._p)
            if text:
                builder.block(text, _paragraph_kind(item, styles), index)
        elif isinstance(item, DocxTable):
            builder.table(_read_table(item._tbl), index)
    for text in _footnotes(d):
        builder.block(text, "footnote", None)
    pages = _page_count(d)
    return Document(media_type=media_type, source_kind="docx",
                    pages=[Page(number=i + 1, source="docx") for i in range(pages)],
                    blocks=builder.blocks, tables=builder.tables)


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.order = 0

    def block(self, text: str, kind: str, index: int | None) -> None:
        self.blocks.append(Block(id=f"b{len(self.blocks)}", kind=kind, text=text, order=self.order,
                                 provenance=Provenance(source="docx", paragraph_index=index)))
        self.order += 1

    def table(self, cells: list[Cell], index: int) -> None:
        if not cells:
            return
        n_rows = max(c.row + c.row_span for c in cells)
        n_cols = max(c.col + c.col_span for c in cells)
        self.tables.append(Table(id=f"t{len(self.tables)}", order=self.order, n_rows=n_rows,
                                 n_cols=n_cols, cells=cells,
                                 provenance=Provenance(source="docx", paragraph_index=index)))
        self.order += 1


def _paragraph_text(p_el) -> str:
    """Paragraph text with line breaks and tabs as spaces; field codes and deleted text skipped."""
    parts: list[str] = []
    for el in p_el.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
        if _inside(el, ("delText", "instrText")) or el.getparent() is not None and \
                el.getparent().tag == qn("w:del"):
            continue
        tag = etree.QName(el).localname
        if tag == "t":
            parts.append(el.text or "")
        elif tag == "noBreakHyphen":
            parts.append("-")
        else:
            parts.append(" ")
    return clean_text("".join(parts))


def _inside(el, names: tuple[str, ...]) -> bool:
    return etree.QName(el).localname in names


def _style_names(d) -> dict[str | None, str]:
    """Style id → name, read once: python-docx looks the default style up again for every
    paragraph without a style (0.2 s on a 38-page report)."""
    names = {s.style_id: s.name or "" for s in d.styles}
    default = next((s.name or "" for s in d.styles if s.type == 1 and getattr(s.element, "default", False)), "")
    names[None] = default
    return names


def _paragraph_kind(p: Paragraph, styles: dict[str | None, str]) -> str:
    style = styles.get(p._p.style, "") or ""
    if style.startswith(("Heading", "Title")):
        return "heading"
    if p._p.pPr is not None and p._p.pPr.numPr is not None or style.startswith("List"):
        return "list_item"
    runs = [r for r in p.runs if r.text.strip()]
    text = p.text.strip()
    if runs and all(r.bold for r in runs) and len(text) < 160:
        return "heading"
    return "paragraph"


def _read_table(tbl) -> list[Cell]:
    """Walk w:tr/w:tc so spans come from the markup itself: gridSpan widens a cell, vMerge
    'continue' extends the cell above it."""
    cells: list[Cell] = []
    open_cells: dict[int, Cell] = {}  # grid column -> cell that a vMerge continue would extend
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        col = 0
        trPr = tr.find(qn("w:trPr"))
        if trPr is not None:
            gb = trPr.find(qn("w:gridBefore"))
            if gb is not None:
                col += int(gb.get(qn("w:val"), "0"))
        for tc in tr.findall(qn("w:tc")):
            tcPr = tc.find(qn("w:tcPr"))
            span, vmerge = 1, None
            if tcPr is not None:
                gs = tcPr.find(qn("w:gridSpan"))
                if gs is not None:
                    span = int(gs.get(qn("w:val"), "1"))
                vm = tcPr.find(qn("w:vMerge"))
                if vm is not None:
                    vmerge = vm.get(qn("w:val"), "continue")
            if vmerge == "continue" and col in open_cells:
                above = open_cells[col]
                above.row_span = r - above.row + 1
            else:
                text = " ".join(t for t in (_paragraph_text(p) for p in tc.iter(qn("w:p"))) if t)
                cell = Cell(row=r, col=col, row_span=1, col_span=span, text=text)
                cells.append(cell)
                for k in range(col, col + span):
                    open_cells[k] = cell
            col += span
    return cells


def _footnotes(d) -> list[str]:
    out = []
    for rel in d.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False,
                                                                          no_network=True))
            for fn in root.findall(f"{{{_W}}}footnote"):
                if fn.get(f"{{{_W}}}type") in ("separator", "continuationSeparator",
                                               "continuationNotice"):
                    continue
                text = " ".join(t for t in (_paragraph_text(p) for p in fn.iter(qn("w:p"))) if t)
                if text:
                    out.append(f"[{fn.get(f'{{{_W}}}id')}] {text}")
    return out


def _page_count(d) -> int:
    """Pages as Word last saved them (docProps/app.xml), else 1."""
    for rel in d.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties"):
            m = re.search(rb"<(?:\w+:)?Pages>(\d+)<", rel.target_part.blob)
            if m:
                return max(1, int(m.group(1)))
    return 1
