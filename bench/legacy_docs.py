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
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    filters = {"doc": "doc:MS Word 97", "xls": "xls:MS Excel 97", "rtf": "rtf:Rich Text Format"}
    with tempfile.TemporaryDirectory(prefix="vanthu-build-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        env = dict(os.environ)
        if fonts_dir is not None:
            conf = Path(tmp) / "fonts.conf"
            conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                            f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts_dir}</dir>'
                            f'<cachedir>{tmp}/fc-cache</cachedir></fontconfig>')
            env["FONTCONFIG_FILE"] = str(conf)
        subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to",
                        filters.get(target, target), "--outdir", str(Path(tmp) / "out"), str(src)],
                       check=True, capture_output=True, timeout=timeout, env=env)
        out = Path(tmp) / "out" / f"input.{target}"
        if not out.exists():
            raise RuntimeError(f"LibreOffice made no .{target} from {suffix}")
        return out.read_bytes()


def decoded_text(text: str, font: str) -> str:
    """What a legacy piece reads as (for checks in tests)."""
    from normalize.legacy_encodings import font_encoding
    fe = font_encoding(font)
    return decode(text, fe.encoding, fe.capitals) if fe else text
