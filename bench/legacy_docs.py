"""Builds the legacy forms of a Unicode document, as a records office's archive holds them: Word
files typed in TCVN3 (.VnTime, capitals in .VnTimeH) or VNI (VNI-Times); the same in a Unicode
font (a font changed after typing); Word 97 .doc, RTF and ODT made from them by LibreOffice; PDF
rendered with fonts that draw those code points as Vietnamese (as the real .Vn fonts do), so the
PDF's text layer carries the legacy codes. Used by the tests and by bench/historical.py."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from normalize.legacy_encodings import LegacyEncoding, decode, encodable, encode

UNICODE_FONT = "Times New Roman"
FONTS = {LegacyEncoding.TCVN3: ".VnTime", LegacyEncoding.VNI: "VNI-Times"}
CAPITALS_FONT = ".VnTimeH"   # TCVN3's capitals: lowercase codes drawn as capitals
_WORD = re.compile(r"[^\W\d_]+|[\W\d_]+")


def legacy_pieces(text: str, encoding: LegacyEncoding) -> list[tuple[str, str]]:
    """(font, text as the legacy font stores it) pieces that draw `text`. TCVN3 has no toned
    capitals: a word in capitals is set in the H font, a lone toned capital ('Ủy') too; a
    character no legacy font has ('≥') stays Unicode in a Unicode font."""
    pieces: list[tuple[str, str]] = []

    def add(font: str, s: str) -> None:
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + s)
        else:
            pieces.append((font, s))
    plain = FONTS[encoding]
    for word in _WORD.findall(text):
        if all(encodable(ch, encoding) for ch in word):
            add(plain, encode(word, encoding))
            continue
        letters = [ch for ch in word if ch.isalpha()]
        if encoding is LegacyEncoding.TCVN3 and letters and all(ch.isupper() for ch in letters) and \
                all(encodable(ch, encoding) for ch in word.lower()):
            add(CAPITALS_FONT, encode(word.lower(), encoding))
            continue
        for ch in word:
            if encodable(ch, encoding):
                add(plain, encode(ch, encoding))
            elif encodable(ch.lower(), encoding) and ch.lower() != ch:
                add(CAPITALS_FONT, encode(ch.lower(), encoding))
            else:
                add(UNICODE_FONT, ch)
    return pieces


def _set_font(rpr, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), font)
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)


def _legacy_run(run_el, pieces: list[tuple[str, str]], unicode_font: bool) -> None:
    """Replace one w:r holding only text with one run per piece, each a copy of its formatting."""
    parent = run_el.getparent()
    at = parent.index(run_el)
    template = run_el.find(qn("w:rPr"))
    for font, text in pieces:
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr") if template is None else _copy(template)
        r.append(rpr)
        # A font changed after typing: the codes stay, the font becomes a Unicode one (the H
        # font's capitals then read as lowercase, as they show).
        _set_font(rpr, UNICODE_FONT if unicode_font and font != CAPITALS_FONT else font)
        t = OxmlElement("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        parent.insert(at, r)
        at += 1
    parent.remove(run_el)


def _copy(el):
    from copy import deepcopy
    return deepcopy(el)


def legacy_docx(data: bytes, encoding: LegacyEncoding, unicode_font: bool = False) -> bytes:
    """The .docx `data` retyped in a legacy encoding: every run's text re-coded and its font
    set to the encoding's (or, with `unicode_font`, left in a Unicode font)."""
    d = docx.Document(io.BytesIO(data))
    parts = [d.element.body]
    for section in d.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                parts.append(part._element)
    for root in parts:
        for run_el in list(root.iter(qn("w:r"))):
            ts = run_el.findall(qn("w:t"))
            others = [c for c in run_el if c.tag not in (qn("w:t"), qn("w:rPr"))]
            if not ts or others:
                for t in ts:  # a run with tabs or breaks: re-code in place, one font
                    t.text = encode("".join(ch if encodable(ch, encoding) else "?" for ch in (t.text or "")),
                                    encoding)
                if ts:
                    rpr = run_el.find(qn("w:rPr"))
                    if rpr is None:
                        rpr = OxmlElement("w:rPr")
                        run_el.insert(0, rpr)
                    _set_font(rpr, UNICODE_FONT if unicode_font else FONTS[encoding])
                continue
            text = "".join(t.text or "" for t in ts)
            _legacy_run(run_el, legacy_pieces(text, encoding), unicode_font)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def soffice_convert(data: bytes, suffix: str, target: str, fonts_dir: Path | None = None,
                    timeout: int = 180) -> bytes:
    """Convert a document with LibreOffice headless ('doc', 'rtf', 'odt', 'pdf', 'xlsx', 'xls'
    targets), with `fonts_dir`'s fonts available to it."""
    return soffice_convert_many({f"input{suffix}": data}, target, fonts_dir, timeout)["input"]


def soffice_convert_many(files: dict[str, bytes], target: str, fonts_dir: Path | None = None,
                         timeout: int = 600) -> dict[str, bytes]:
    """Several files (name with suffix → bytes) converted in one LibreOffice run (it starts in
    seconds, converts in fractions of one): stem → converted bytes."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    filters = {"doc": "doc:MS Word 97", "xls": "xls:MS Excel 97", "rtf": "rtf:Rich Text Format"}
    with tempfile.TemporaryDirectory(prefix="vanthu-build-") as tmp:
        sources = []
        for name, data in files.items():
            src = Path(tmp) / "in" / name
            src.parent.mkdir(exist_ok=True)
            src.write_bytes(data)
            sources.append(str(src))
        env = dict(os.environ)
        if fonts_dir is not None:
            conf = Path(tmp) / "fonts.conf"
            conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                            f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts_dir}</dir>'
                            '</fontconfig>')
            env["FONTCONFIG_FILE"] = str(conf)
        subprocess.run([office, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", filters.get(target, target), "--outdir", str(Path(tmp) / "out"), *sources],
                       check=True, capture_output=True, timeout=timeout, env=env)
        out = {}
        for name in files:
            stem = Path(name).stem
            made = Path(tmp) / "out" / f"{stem}.{target}"
            if not made.exists():
                raise RuntimeError(f"LibreOffice made no .{target} from {name}")
            out[stem] = made.read_bytes()
        return out


BASE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")  # Debian fonts-dejavu-core (+ -extra)
# VNI's mark characters, drawn as the combining mark they stand for (the tone where a vowel
# mark and a tone share one character: a stand-in for the picture, the text layer is the point).
_VNI_MARKS = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323", "â": "\u0302",
              "ê": "\u0306", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323",
              "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _cp1252_chars() -> list[str]:
    out = []
    for b in range(0x20, 0x100):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            pass
    return out


def _legacy_cmap(base: dict[int, str], font: str) -> dict[int, str]:
    """Code point → glyph for a legacy font: each code the encoding uses draws the Vietnamese
    letter (or VNI mark) it stands for, as the real .VnTime / VNI-Times fonts do. TCVN3's 'ư'
    is also drawn at U+2212: the real fonts' PDFs carry it there (a soft hyphen, its own code,
    is never drawn by LibreOffice)."""
    from normalize.legacy_encodings import font_encoding
    fe = font_encoding(font)
    out: dict[int, str] = {}
    for ch in [*_cp1252_chars(), "\u2212"]:
        if fe.encoding is LegacyEncoding.VNI and ch.lower() in _VNI_MARKS:
            target = _VNI_MARKS[ch.lower()]
        elif ch == "\u2212" and fe.encoding is LegacyEncoding.TCVN3:
            target = decode("\u00ad", fe.encoding, fe.capitals)
        else:
            target = decode(ch, fe.encoding, fe.capitals)
        glyph = base.get(ord(target)) if len(target) == 1 else None
        if glyph is not None:
            out[ord(ch)] = glyph
    return out


def _own_glyphs(f, mapping: dict[int, str]) -> dict[int, str]:
    """Give every code point a glyph of its own (a copy where two share one), so the PDF's
    ToUnicode map can say which code each glyph was: 'ä' and 'Ä' draw the same mark."""
    from copy import deepcopy
    order = list(f.getGlyphOrder())
    glyf, hmtx = f["glyf"], f["hmtx"]
    used: set[str] = set()
    out = {}
    for cp, glyph in sorted(mapping.items()):
        if glyph in used:
            copy = f"{glyph}.u{cp:04X}"
            glyf[copy] = deepcopy(glyf[glyph])
            hmtx[copy] = hmtx[glyph]
            order.append(copy)
            glyph = copy
        used.add(glyph)
        out[cp] = glyph
    f.setGlyphOrder(order)
    return out


STYLES = {"": "DejaVuSerif.ttf", "Bold": "DejaVuSerif-Bold.ttf", "Italic": "DejaVuSerif-Italic.ttf",
          "Bold Italic": "DejaVuSerif-BoldItalic.ttf"}


def build_fonts(out_dir: Path) -> Path:
    """TrueType fonts named .VnTime, .VnTimeH and VNI-Times, each in regular, bold, italic and
    bold italic (DejaVu Serif's glyphs and metrics, kerning kept, legacy code points) in
    `out_dir`, for LibreOffice to render legacy documents to PDF with — laid out exactly as the
    Unicode original is (LibreOffice draws Times New Roman with DejaVu Serif here)."""
    from fontTools.ttLib import TTFont
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in (FONTS[LegacyEncoding.TCVN3], CAPITALS_FONT, FONTS[LegacyEncoding.VNI]):
        for style, base in STYLES.items():
            path = out_dir / f"{name.lstrip('.')}{style.replace(' ', '')}.ttf"
            if path.exists() or not (BASE_FONT.parent / base).exists():  # italics: fonts-dejavu-extra
                continue
            f = TTFont(BASE_FONT.parent / base)
            mapping = _own_glyphs(f, _legacy_cmap(f.getBestCmap(), name))
            for table in f["cmap"].tables:
                if table.isUnicode():
                    table.cmap = dict(mapping)
            full = f"{name} {style}".strip()
            for record in f["name"].names:
                if record.nameID in (1, 16):
                    record.string = name
                elif record.nameID in (3, 4):
                    record.string = full
                elif record.nameID == 6:
                    record.string = full.lstrip(".").replace(" ", "-", 1).replace(" ", "")
            f.save(str(path))
    return out_dir


def legacy_pdf(data: bytes, encoding: LegacyEncoding, fonts_dir: Path) -> bytes:
    """A PDF of the .docx `data` typed in a legacy encoding, rendered with the legacy fonts: its
    text layer carries the legacy codes under the fonts' names (TCVN3's 'ư' as U+2212)."""
    return soffice_convert(legacy_docx_for_pdf(data, encoding), ".docx", "pdf", build_fonts(fonts_dir))


PDF_UNICODE_FONT = "DejaVu Serif"   # the face the legacy fonts are made from


def unicode_docx_for_pdf(data: bytes) -> bytes:
    """The Unicode original with every run in DejaVu Serif: rendered to PDF, it is laid out as
    its legacy twins are (the legacy fonts are DejaVu Serif with other code points)."""
    d = docx.Document(io.BytesIO(data))
    for run_el in d.element.body.iter(qn("w:r")):
        if run_el.find(qn("w:t")) is not None:
            rpr = run_el.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                run_el.insert(0, rpr)
            _set_font(rpr, PDF_UNICODE_FONT)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def legacy_docx_for_pdf(data: bytes, encoding: LegacyEncoding) -> bytes:
    """`legacy_docx`, with TCVN3's 'ư' at U+2212 where the real fonts draw it for a PDF (a soft
    hyphen is never drawn by LibreOffice). Render with the fonts of `build_fonts`."""
    legacy = legacy_docx(data, encoding)
    if encoding is LegacyEncoding.TCVN3:
        d = docx.Document(io.BytesIO(legacy))
        for t in d.element.iter(qn("w:t")):
            if t.text and "\u00ad" in t.text:
                t.text = t.text.replace("\u00ad", "\u2212")
        out = io.BytesIO()
        d.save(out)
        legacy = out.getvalue()
    return legacy


def decoded_text(text: str, font: str) -> str:
    """What a legacy piece reads as (for checks in tests)."""
    from normalize.legacy_encodings import font_encoding
    fe = font_encoding(font)
    return decode(text, fe.encoding, fe.capitals) if fe else text


_NUMBER = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?")
TITLE_LINES = 4            # lines kept above each table: appendix title, 'Kèm theo …', the unit
TITLE_LINE_MAX_CHARS = 300


def _cell_value(text: str):
    """A cell's number as a spreadsheet holds it, with the format that shows it as the Word
    table did; other text as it is."""
    from normalize.numbers import parse_vn_number
    if not _NUMBER.fullmatch(text):
        return text, None
    value = parse_vn_number(text.lstrip("-"))
    value = -value if text.startswith("-") else value
    decimals = len(text.split(",")[1]) if "," in text else 0
    grouped = "." in text
    fmt = ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")
    return (int(value) if decimals == 0 else float(value)), fmt


def _rich(text: str, encoding: LegacyEncoding):
    """A legacy cell: one font for the cell, or rich text where TCVN3 needs its capitals font."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    pieces = legacy_pieces(text, encoding)
    if len(pieces) == 1:
        return pieces[0][1], pieces[0][0]
    return CellRichText([TextBlock(InlineFont(rFont=font), t) for font, t in pieces]), FONTS[encoding]


def appendix_xlsx(data: bytes, encoding: LegacyEncoding | None = None, recalculate: bool = True) -> bytes:
    """The tables of a Word document as a workbook, one sheet each, as an appendix sent as Excel:
    the title lines above each table (appendix title, the unit), its merged cells, its numbers as
    numbers. With `encoding`, the text is typed in that legacy encoding's fonts. A total row whose
    figures are the sum of the rows below it gets SUM formulas; LibreOffice then saves their values."""
    import openpyxl
    from openpyxl.styles import Font

    from extract import extract_document
    doc = extract_document(data)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    lines: list[str] = []
    for item in doc.reading_order():
        if not hasattr(item, "cells"):
            if item.kind not in ("header", "footer", "footnote") and len(item.text) <= TITLE_LINE_MAX_CHARS:
                lines = [*lines, item.text][-TITLE_LINES:]
            else:
                lines = []
            continue
        ws = wb.create_sheet(f"PL{len(wb.sheetnames) + 1}")
        width = item.n_cols
        top = 1
        for line in lines:
            _put(ws.cell(top, 1), line, encoding, Font)
            if width > 1:
                ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
            top += 1
        lines = []
        for c in item.cells:
            cell = ws.cell(top + c.row, 1 + c.col)
            value, fmt = _cell_value(c.text)
            if fmt is None:
                _put(cell, value, encoding, Font)
            else:
                cell.value = value
                cell.number_format = fmt
            if c.row_span > 1 or c.col_span > 1:
                ws.merge_cells(start_row=top + c.row, start_column=1 + c.col,
                               end_row=top + c.row + c.row_span - 1, end_column=c.col + c.col_span)
        _total_formulas(ws, top, top + item.n_rows - 1, width)
    if not wb.sheetnames:
        wb.create_sheet("PL1")
    out = io.BytesIO()
    wb.save(out)
    raw = out.getvalue()
    return soffice_convert(raw, ".xlsx", "xlsx") if recalculate else raw


def _put(cell, text: str, encoding: LegacyEncoding | None, font_cls) -> None:
    if encoding is None or not text:
        cell.value = text
        return
    value, font = _rich(text, encoding)
    cell.value = value
    cell.font = font_cls(name=font)


def _total_formulas(ws, first: int, last: int, width: int) -> None:
    for r in range(first, last + 1):
        label = " ".join(str(ws.cell(r, k).value or "") for k in range(1, min(width, 3) + 1)).lower()
        if "tổng" not in label and "cộng" not in label:
            continue
        for k in range(1, width + 1):
            v = ws.cell(r, k).value
            below = [ws.cell(x, k).value for x in range(r + 1, last + 1)]
            numbers = [x for x in below if isinstance(x, (int, float))]
            if isinstance(v, (int, float)) and numbers and len(numbers) == sum(x is not None for x in below) \
                    and abs(sum(numbers) - v) < 1e-6 * max(1, abs(v)):
                ws.cell(r, k).value = f"=SUM({ws.cell(r + 1, k).coordinate}:{ws.cell(last, k).coordinate})"


def write_samples(dest: Path) -> list[Path]:
    """The historical-archive samples in corpus/samples (`python -m bench.legacy_docs DEST`):
    a budget appendix as .xlsx (with SUM formulas and their saved values) and as a TCVN3 .xls,
    a TCVN3 Word 97 .doc, a VNI RTF and an ODT, from the bundled and external documents."""
    root = Path(__file__).resolve().parents[1] / "corpus"
    e02 = (root / "external" / "docs" / "e02" / "e02.docx").read_bytes()
    e13 = (root / "external" / "docs" / "e13" / "e13.docx").read_bytes()
    e07 = (root / "external" / "docs" / "e07" / "e07.docx").read_bytes()
    d004 = (root / "samples" / "004.docx").read_bytes()
    made = {
        "e02.appendix.xlsx": appendix_xlsx(e02),
        "e02.appendix.tcvn3.xls": soffice_convert(appendix_xlsx(e02, LegacyEncoding.TCVN3, recalculate=False),
                                                  ".xlsx", "xls"),
        "004.tcvn3.doc": soffice_convert(legacy_docx(d004, LegacyEncoding.TCVN3), ".docx", "doc"),
        "e13.vni.rtf": soffice_convert(legacy_docx(e13, LegacyEncoding.VNI), ".docx", "rtf"),
        "e07.odt": soffice_convert(e07, ".docx", "odt"),
    }
    dest.mkdir(parents=True, exist_ok=True)
    for name, data in made.items():
        (dest / name).write_bytes(data)
    return [dest / name for name in made]


if __name__ == "__main__":
    import sys
    for path in write_samples(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus/samples")):
        print(path, path.stat().st_size)
