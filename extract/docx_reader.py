"""DOCX → Document in reading order: body paragraphs and tables interleaved, headers and
footers, footnotes. Tables keep horizontal (gridSpan) and vertical (vMerge) spans. Text in the
legacy Vietnamese encodings (TCVN3, VNI) is decoded run by run, by the run's font or its
characters (normalize/legacy_encodings.py), with a warning saying what was converted."""
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
from normalize.legacy_encodings import LegacyDecoder, conversion_warnings, font_encoding, has_legacy_candidates
from normalize.text import clean_text

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def read(data: bytes, media_type: str = DOCX, options: ExtractOptions | None = None) -> Document:
    check_docx_package(data)
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise CorruptFileError(f"cannot open Word document: {exc}") from exc
    fonts = _Fonts(d)
    builder = _Builder(fonts, LegacyDecoder(_font_texts(d.element.body, fonts), _names_legacy_font(d, fonts)))
    seen_hf: set[str] = set()
    for section in d.sections:
        for part, kind in ((section.header, "header"), (section.footer, "footer")):
            if part.is_linked_to_previous:
                continue
            for p in part.paragraphs:
                text = builder.text(p._p)
                if text and (kind, text) not in seen_hf:
                    seen_hf.add((kind, text))
                    builder.block(text, kind, None)
    styles = _style_names(d)
    for index, item in enumerate(d.iter_inner_content()):
        if isinstance(item, Paragraph):
            text = builder.text(item._p)
            if text:
                builder.block(text, _paragraph_kind(item, styles), index)
        elif isinstance(item, DocxTable):
            builder.table(_read_table(item._tbl, builder.text), index)
    for text in _footnotes(d, builder.text):
        builder.block(text, "footnote", None)
    pages = _page_count(d)
    return Document(media_type=media_type, source_kind="docx",
                    pages=[Page(number=i + 1, source="docx") for i in range(pages)],
                    blocks=builder.blocks, tables=builder.tables,
                    warnings=conversion_warnings(builder.decoder))


class _Builder:
    def __init__(self, fonts: _Fonts, decoder: LegacyDecoder) -> None:
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.order = 0
        self.fonts = fonts
        self.decoder = decoder

    def text(self, p_el) -> str:
        return _paragraph_text(p_el, self.fonts, self.decoder)

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


_TEXT_TAGS = tuple(qn(f"w:{t}") for t in ("t", "tab", "br", "cr", "noBreakHyphen", "softHyphen"))


def _paragraph_text(p_el, fonts: _Fonts | None = None, decoder: LegacyDecoder | None = None) -> str:
    """Paragraph text with line breaks and tabs as spaces; field codes and deleted text skipped.
    Consecutive runs in one font make a segment, decoded as one when it is legacy text."""
    pieces: list[tuple[object, str]] = []
    for el in p_el.iter(*_TEXT_TAGS):
        if _inside(el, ("delText", "instrText")) or el.getparent() is not None and \
                el.getparent().tag == qn("w:del"):
            continue
        tag = etree.QName(el).localname
        if tag == "t":
            piece = el.text or ""
        elif tag == "noBreakHyphen":
            piece = "-"
        elif tag == "softHyphen":
            # TCVN3's 'ư' is the soft-hyphen byte: Word and LibreOffice may store it as this
            # element. In Unicode text it is dropped at the boundary (normalize.text.nfc).
            piece = "\u00ad"
        else:
            piece = " "
        pieces.append((el, piece))
    plain = "".join(piece for _, piece in pieces)
    if decoder is None or fonts is None or not decoder.may_change(plain):
        return clean_text(plain)
    segments: list[tuple[str | None, list[str]]] = []
    p_style = _p_style(p_el)
    for el, piece in pieces:
        font = fonts.run_font(el.getparent(), p_style)
        if segments and segments[-1][0] == font:
            segments[-1][1].append(piece)
        else:
            segments.append((font, [piece]))
    return clean_text("".join(decoder.segment("".join(parts), font) for font, parts in segments))


def _p_style(p_el) -> str | None:
    ppr = p_el.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return style.get(qn("w:val")) if style is not None else None


def _rfonts_name(rpr) -> str | None:
    """The font a run's Latin text is drawn in: Word draws characters above U+007F in the
    'hAnsi' font and ASCII in the 'ascii' one; legacy text lives in the first."""
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(qn("w:hAnsi")) or fonts.get(qn("w:ascii"))


class _Fonts:
    """A run's font: its own, else its character style's, its paragraph style's (each with the
    styles it is based on), else the document default. Theme fonts count as no name (Unicode)."""

    def __init__(self, d) -> None:
        root = d.styles.element
        self.styles: dict[str, tuple[str | None, str | None]] = {}
        self.default_paragraph: str | None = None
        for st in root.findall(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            based = st.find(qn("w:basedOn"))
            self.styles[sid] = (_rfonts_name(st.find(qn("w:rPr"))),
                                based.get(qn("w:val")) if based is not None else None)
            if st.get(qn("w:type")) == "paragraph" and st.get(qn("w:default")) in ("1", "true"):
                self.default_paragraph = sid
        defaults = root.find(qn("w:docDefaults"))
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
        self.document_default = _rfonts_name(rpr)
        self._chains: dict[str | None, str | None] = {}

    def style_font(self, sid: str | None) -> str | None:
        if sid not in self._chains:
            font, seen, cur = None, set(), sid
            while cur is not None and cur not in seen and font is None:
                seen.add(cur)
                font, cur = self.styles.get(cur, (None, None))
            self._chains[sid] = font
        return self._chains[sid]

    def run_font(self, r_el, p_style: str | None) -> str | None:
        if r_el is None or r_el.tag != qn("w:r"):
            return self.style_font(p_style or self.default_paragraph) or self.document_default
        rpr = r_el.find(qn("w:rPr"))
        own = _rfonts_name(rpr)
        if own:
            return own
        r_style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        if r_style is not None and (font := self.style_font(r_style.get(qn("w:val")))):
            return font
        return self.style_font(p_style or self.default_paragraph) or self.document_default


def _names_legacy_font(d, fonts: _Fonts) -> bool:
    """Whether any style or run of the document names a TCVN3 or VNI font."""
    names = {f for f, _ in fonts.styles.values()} | {fonts.document_default}
    for part in [d.element.body, *(rel.target_part.element for rel in d.part.rels.values()
                                   if rel.reltype.endswith(("/header", "/footer")) and not rel.is_external)]:
        for rf in part.iter(qn("w:rFonts")):
            names.update((rf.get(qn("w:hAnsi")), rf.get(qn("w:ascii"))))
    return any(font_encoding(n) for n in names if n)


def _font_texts(body, fonts: _Fonts) -> dict[str | None, str]:
    """All the text of each Unicode font that has letters no Vietnamese Unicode text has: what
    decides whether the font's short runs (a lone 'Bé' in a cell) are legacy text too."""
    texts: dict[str | None, list[str]] = {}
    for t in body.iter(qn("w:t")):
        if not t.text or t.text.isascii() or not has_legacy_candidates(t.text):
            continue
        run = t.getparent()
        p = next((a for a in t.iterancestors(qn("w:p"))), None)
        font = fonts.run_font(run, _p_style(p) if p is not None else None)
        if font_encoding(font) is None:
            texts.setdefault(font, []).append(t.text)
    return {font: " ".join(parts) for font, parts in texts.items()}


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


def _read_table(tbl, paragraph_text=_paragraph_text) -> list[Cell]:
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
                text = " ".join(t for t in (paragraph_text(p) for p in tc.iter(qn("w:p"))) if t)
                cell = Cell(row=r, col=col, row_span=1, col_span=span, text=text)
                cells.append(cell)
                for k in range(col, col + span):
                    open_cells[k] = cell
            col += span
    return cells


def _footnotes(d, paragraph_text=_paragraph_text) -> list[str]:
    out = []
    for rel in d.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False,
                                                                          no_network=True))
            for fn in root.findall(f"{{{_W}}}footnote"):
                if fn.get(f"{{{_W}}}type") in ("separator", "continuationSeparator",
                                               "continuationNotice"):
                    continue
                text = " ".join(t for t in (paragraph_text(p) for p in fn.iter(qn("w:p"))) if t)
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
