"""Workbooks → Document: .xlsx (openpyxl), .xls (xlrd), .ods (LibreOffice → .xlsx). Each sheet
gives one table (merged cells as spans, numbers as the sheet shows them, formulas by the value
the workbook saved), with the lines above it (a title, 'Đơn vị tính: triệu đồng') and below it
(notes, signatures) as blocks, so typed tables and records come out as they do for a Word table.
Cells in a legacy-encoded font (TCVN3, VNI) are decoded."""
from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from extract.docx_safety import check_docx_package
from extract.errors import CorruptFileError, EncryptedFileError, TooLargeError
from extract.media import ODS, XLS, XLSX
from models import Block, Cell, Document, ExtractOptions, Page, Provenance, Table, Warning
from models.warnings import WarningCode
from normalize.legacy_encodings import LegacyDecoder, conversion_warnings, font_encoding, has_legacy_candidates
from normalize.numbers import format_vn_number
from normalize.text import clean_text

Pieces = list[tuple[str | None, str]]  # a cell's text by font: a rich-text cell has several


@dataclass
class SheetGrid:
    """One sheet as read, before it becomes blocks and a table: each filled cell's text by font,
    by (row, col) 0-based, and merged ranges (first row, last row, first col, last col)."""

    name: str
    cells: dict[tuple[int, int], Pieces] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    formulas_without_value: list[str] = field(default_factory=list)


def read(data: bytes, media_type: str = XLSX, options: ExtractOptions | None = None) -> Document:
    options = options or ExtractOptions()
    if media_type == ODS:
        from extract.office import convert
        data, media_type_read = convert(data, ".ods", "xlsx"), XLSX
    else:
        media_type_read = media_type
    sheets = _read_xls(data, options) if media_type_read == XLS else _read_xlsx(data, options)
    return _document(sheets, media_type)


# --- reading ------------------------------------------------------------------------------------

def _count(options: ExtractOptions, seen: int) -> None:
    if seen > options.max_sheet_cells:
        raise TooLargeError(f"workbook has more than {options.max_sheet_cells:,} filled cells "
                            "(VANTHU_MAX_SHEET_CELLS)")


# A cell with a value: <v>…</v> (numbers, shared strings, formulas' saved values) or an inline
# string <is>…</is>, with or without a namespace prefix.
_VALUE_TAG = re.compile(rb"<(?:\w+:)?(?:v|is)[ >]")
_CHUNK = 1 << 20


def count_filled_cells(data: bytes, limit: int) -> int:
    """Filled cells of an .xlsx counted from its sheets' XML as it is inflated (a megabyte at a
    time), before openpyxl builds a single cell: 2,000,001 cells were refused only after the
    whole workbook was loaded (60 s, 1.6 GB). Stops counting past `limit`."""
    import zipfile
    seen = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            with zf.open(info) as part:
                tail = b""
                while block := part.read(_CHUNK):
                    window = tail + block
                    seen += len(_VALUE_TAG.findall(window)) - len(_VALUE_TAG.findall(tail))
                    tail = window[-16:]
                    if seen > limit:
                        return seen
    return seen


def _read_xlsx(data: bytes, options: ExtractOptions) -> list[SheetGrid]:
    check_docx_package(data)  # the same zip-bomb and XML-entity checks as Word files
    _count(options, count_filled_cells(data, options.max_sheet_cells))
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_links=False, keep_vba=False,
                                    rich_text=True)
    except (InvalidFileException, KeyError, ValueError, TypeError, IndexError, AttributeError, OSError) as exc:
        raise CorruptFileError(f"workbook cannot be read: {type(exc).__name__}: {exc}") from exc
    no_value = _formulas_without_value(data)
    sheets, seen = [], 0
    for ws in wb.worksheets:
        grid = SheetGrid(ws.title)
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.value == "":
                    continue
                seen += 1
                font = c.font.name if c.font is not None else None
                if isinstance(c.value, CellRichText):
                    pieces = [(getattr(getattr(b, "font", None), "rFont", None) or font, getattr(b, "text", b))
                              for b in c.value]
                else:
                    pieces = [(font, _display(c.value, c.number_format))]
                if any(t.strip() for _, t in pieces):
                    grid.cells[(c.row - 1, c.column - 1)] = pieces
        _count(options, seen)
        grid.merges = [(r.min_row - 1, r.max_row - 1, r.min_col - 1, r.max_col - 1) for r in ws.merged_cells.ranges]
        grid.formulas_without_value = no_value.get(ws.title, [])
        sheets.append(grid)
    wb.close()
    return sheets


def _formulas_without_value(data: bytes) -> dict[str, list[str]]:
    """Sheet name → cells holding a formula the workbook saved no value for (a file written by a
    program that does not calculate): openpyxl reads them as empty, so they are reported."""
    import zipfile

    from lxml import etree
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    out: dict[str, list[str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        try:
            workbook = etree.fromstring(zf.read("xl/workbook.xml"), parser)
            rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"), parser)
        except (KeyError, etree.XMLSyntaxError):
            return out
        targets = {r.get("Id"): r.get("Target") for r in rels}
        for sheet in workbook.iterfind("m:sheets/m:sheet", ns):
            target = targets.get(sheet.get(f"{{{ns['r']}}}id"), "")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            try:
                raw = zf.read(path)
                if b"<f>" not in raw and b"<f " not in raw:  # no formula: nothing to look at
                    continue
                root = etree.fromstring(raw, parser)
            except (KeyError, etree.XMLSyntaxError):
                continue
            missing = [c.get("r") for c in root.iterfind(".//m:c", ns)
                       if c.find("m:f", ns) is not None and not (c.findtext("m:v", None, ns) or "").strip()]
            if missing:
                out[sheet.get("name")] = missing
    return out


def _read_xls(data: bytes, options: ExtractOptions) -> list[SheetGrid]:
    import xlrd
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise EncryptedFileError(f"workbook is password-protected: {exc}") from exc
        raise CorruptFileError(f"workbook cannot be read: {exc}") from exc
    except (AssertionError, IndexError, KeyError, ValueError, TypeError, struct_error()) as exc:
        raise CorruptFileError(f"workbook cannot be read: {type(exc).__name__}: {exc}") from exc
    sheets, seen = [], 0
    try:
        for index in range(book.nsheets):
            sh = book.sheet_by_index(index)
            grid = SheetGrid(sh.name)
            for r in range(sh.nrows):
                for k in range(sh.ncols):
                    c = sh.cell(r, k)
                    if c.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                        continue
                    seen += 1
                    xf = book.xf_list[c.xf_index]
                    fmt = book.format_map[xf.format_key].format_str if xf.format_key in book.format_map else "General"
                    if c.ctype == xlrd.XL_CELL_DATE:
                        try:
                            value = xlrd.xldate.xldate_as_datetime(c.value, book.datemode)
                        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                            value = c.value
                    elif c.ctype == xlrd.XL_CELL_BOOLEAN:
                        value = bool(c.value)
                    elif c.ctype == xlrd.XL_CELL_ERROR:
                        value = xlrd.error_text_from_code.get(c.value, "#ERR")
                    else:
                        value = c.value
                    text = _display(value, fmt)
                    font = book.font_list[xf.font_index].name
                    runs = sh.rich_text_runlist_map.get((r, k)) if c.ctype == xlrd.XL_CELL_TEXT else None
                    if runs:
                        bounds = ([(0, xf.font_index)] if runs[0][0] > 0 else []) + list(runs)
                        pieces = [(book.font_list[fi].name, c.value[start:end]) for (start, fi), (end, _) in
                                  zip(bounds, [*bounds[1:], (len(c.value), 0)])]
                    else:
                        pieces = [(font, text)]
                    if text:
                        grid.cells[(r, k)] = pieces
            _count(options, seen)
            grid.merges = [(r0, r1 - 1, c0, c1 - 1) for r0, r1, c0, c1 in sh.merged_cells]
            sheets.append(grid)
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return sheets


def struct_error() -> type[Exception]:
    import struct
    return struct.error


# --- what a cell shows ----------------------------------------------------------------------------

_QUOTED = re.compile(r'"([^"]*)"|\\(.)|\[\$([^\]-]*)[^\]]*\]|\[[^\]]*\]|_.|\*.')
_PLACEHOLDERS = re.compile(r"[0#?][0#?,]*(?:\.[0#?]+)?")
_DATE_CODES = re.compile(r"(?<![\"\\])[dmyhs]", re.IGNORECASE)


def _display(value, number_format: str | None) -> str:
    """The cell's text as the sheet shows it, numbers in Vietnamese notation ('1.436.130',
    '12,5'), dates as dd/mm/yyyy. Text is left as stored (a legacy run's soft-hyphen code is
    TCVN3's 'ư'); it is cleaned after decoding."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0) and value.date() == dt.date(1899, 12, 30):
            return value.strftime("%H:%M")
        return value.strftime("%d/%m/%Y") + (value.strftime(" %H:%M") if value.time() != dt.time(0) else "")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, (int, float)):
        return _number(value, number_format or "General")
    return clean_text(str(value))


def _number(value: float, number_format: str) -> str:
    section = _sections(number_format, value)
    literal_parts: list[str] = []

    def keep(m: re.Match) -> str:
        text = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
        literal_parts.append(text or "")
        return "\x00"
    bare = _QUOTED.sub(keep, section)
    if not bare.strip("\x00 ") or bare.strip().lower() == "general" or "@" in bare:
        return format_vn_number(value)
    if _DATE_CODES.search(bare.replace("General", "")) and not _PLACEHOLDERS.search(bare):
        return format_vn_number(value)  # a date format on a number xlrd did not flag: show the number
    m = _PLACEHOLDERS.search(bare)
    if m is None:
        return format_vn_number(value)
    digits = m.group()
    integer, _, fraction = digits.partition(".")
    scale = len(integer) - len(integer.rstrip(","))     # '#,##0,,' shows millions
    grouping = "," in integer.rstrip(",")
    shown = abs(value) / 1000 ** scale
    percent = "%" in bare
    if percent:
        shown *= 100
    number = format_vn_number(shown, len(fraction), grouping)
    if value < 0 and "-" not in section and "(" not in section:
        number = "-" + number
    before, after = bare[:m.start()], bare[m.end():]
    literals = iter(literal_parts)
    text = "".join(next(literals, "") if ch == "\x00" else ch for ch in before) + number + \
        "".join(next(literals, "") if ch == "\x00" else ch for ch in after)
    return clean_text(text)


def _sections(number_format: str, value: float) -> str:
    """The part of a 'positive;negative;zero;text' format that applies to the value."""
    parts = [p for p in re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', number_format)]
    if value < 0 and len(parts) > 1:
        return parts[1]
    if value == 0 and len(parts) > 2:
        return parts[2]
    return parts[0]


# --- a sheet as blocks and a table ------------------------------------------------------------------

def _document(sheets: list[SheetGrid], media_type: str) -> Document:
    font_texts: dict[str | None, list[str]] = {}
    for g in sheets:
        for pieces in g.cells.values():
            for font, text in pieces:
                if not text.isascii() and font_encoding(font) is None and has_legacy_candidates(text):
                    font_texts.setdefault(font, []).append(text)
    decoder = LegacyDecoder({font: " ".join(t) for font, t in font_texts.items()})
    blocks: list[Block] = []
    tables: list[Table] = []
    warnings: list[Warning] = []
    pages: list[Page] = []
    order = 0
    for number, g in enumerate(sheets, start=1):
        pages.append(Page(number=number, source="sheet"))
        texts = {pos: clean_text("".join(decoder.segment(text, font) for font, text in pieces))
                 for pos, pieces in g.cells.items()}
        if g.formulas_without_value:
            shown = ", ".join(g.formulas_without_value[:10])
            warnings.append(Warning(code=WarningCode.FORMULA_WITHOUT_VALUE, page=number,
                                    details={"sheet": g.name, "cells": g.formulas_without_value},
                                    message=f"sheet '{g.name}': {len(g.formulas_without_value)} formulas have no "
                                            f"saved value and read as empty ({shown})"))
        if not texts:
            continue
        above, table_rows, below = _split_rows(texts, g.merges)

        def block(row: int, kind: str) -> None:
            nonlocal order
            line = " ".join(texts[p] for p in sorted(p for p in texts if p[0] == row))
            blocks.append(Block(id=f"b{len(blocks)}", kind=kind, text=line, order=order,
                                provenance=Provenance(source="sheet", page=number, sheet=g.name)))
            order += 1
        for row in above:
            block(row, "paragraph")
        cells = _table_cells(texts, g.merges, table_rows, number)
        if cells:
            tables.append(Table(id=f"t{len(tables)}", order=order, n_rows=max(c.row + c.row_span for c in cells),
                                n_cols=max(c.col + c.col_span for c in cells), cells=cells, pages=[number],
                                provenance=Provenance(source="sheet", page=number, sheet=g.name)))
            order += 1
        for row in below:
            block(row, "paragraph")
    return Document(media_type=media_type, source_kind="sheet", pages=pages, blocks=blocks, tables=tables,
                    warnings=[*conversion_warnings(decoder), *warnings])


def _filled_columns(texts: dict[tuple[int, int], str], merges: list[tuple[int, int, int, int]], row: int) -> int:
    """How many separate cells of a row hold text (a merged cell counts once)."""
    starts = {(r0, c0) for r0, _, c0, _ in merges}
    covered = {(r, k) for r0, r1, c0, c1 in merges for r in range(r0, r1 + 1) for k in range(c0, c1 + 1)
               if (r, k) != (r0, c0) and r0 <= row <= r1}
    return sum(1 for (r, k) in texts if r == row and ((r, k) in starts or (r, k) not in covered))


def _split_rows(texts, merges) -> tuple[list[int], list[int], list[int]]:
    """Rows above the table (single-cell lines: titles, the unit), the table's rows, rows below
    it (single-cell lines after the last row of two or more cells: notes, signatures)."""
    rows = sorted({r for r, _ in texts})
    wide = [r for r in rows if _filled_columns(texts, merges, r) >= 2]
    if not wide:
        return rows, [], []
    first, last = wide[0], wide[-1]
    # rows a merged cell of the table reaches belong to it
    for r0, r1, _, _ in merges:
        if first <= r0 <= last:
            last = max(last, r1)
    above = [r for r in rows if r < first]
    below = [r for r in rows if r > last]
    return above, [r for r in range(first, last + 1)], below


def _table_cells(texts, merges, table_rows: list[int], page: int) -> list[Cell]:
    """The table's cells, every grid position covered as in a Word table (empty cells too)."""
    if not table_rows:
        return []
    first, last = table_rows[0], table_rows[-1]
    inside = [m for m in merges if first <= m[0] <= last]
    spanned = {r for r0, r1, _, _ in inside if r1 > r0 for r in range(r0, r1 + 1)}
    # Rows with nothing in them are dropped, unless a merged cell runs through them.
    kept = [r for r in table_rows if any(p[0] == r for p in texts) or r in spanned]
    index = {r: i for i, r in enumerate(kept)}
    cols = [k for r, k in texts if first <= r <= last] + [c for m in inside for c in (m[2], m[3])]
    c_min, c_max = min(cols), max(cols)
    covered: set[tuple[int, int]] = set()
    cells = []
    for r0, r1, c0, c1 in inside:
        rows_in = [r for r in kept if r0 <= r <= r1]
        cells.append(Cell(row=index[r0], col=c0 - c_min, row_span=len(rows_in), col_span=c1 - c0 + 1,
                          text=texts.get((r0, c0), ""), page=page))
        covered |= {(r, k) for r in range(r0, r1 + 1) for k in range(c0, c1 + 1)}
    for r in kept:
        for k in range(c_min, c_max + 1):
            if (r, k) not in covered:
                cells.append(Cell(row=index[r], col=k - c_min, text=texts.get((r, k), ""), page=page))
    cells.sort(key=lambda c: (c.row, c.col))
    return cells
