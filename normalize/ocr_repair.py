"""Repairs for the frequent Tesseract confusions on Vietnamese official text, applied only
where the result is a well-formed token; each returns what it changed so callers record it."""
from __future__ import annotations

import re
import unicodedata

# Đ-bearing parts of số/ký hiệu that OCR reads with a plain D. Short codes are replaced only
# when they are the whole segment ('QD' → 'QĐ'); codes of three letters or more wherever they
# occur ('CQTTBCD' → 'CQTTBCĐ', 'CN&DMST' → 'CN&ĐMST'). 'DA' (dự án) and 'UBND' stay.
_SHORT_D = {"QD": "QĐ", "ND": "NĐ", "QDi": "QĐi", "CD": "CĐ", "DA": "DA"}
_LONG_D = {"BCDTW": "BCĐTW", "HDND": "HĐND", "DHQG": "ĐHQG", "DMST": "ĐMST", "GDDT": "GDĐT",
           "KHDT": "KHĐT", "TDKT": "TĐKT", "BCD": "BCĐ"}


def repair_symbol_segment(segment: str) -> str:
    """'QD' → 'QĐ', 'BCDTW' → 'BCĐTW', 'CN&DMST' → 'CN&ĐMST', 'BGDDT' → 'BGDĐT', 'K2DT' → 'K2ĐT'."""
    if segment in _SHORT_D:
        return _SHORT_D[segment]
    for code in sorted(_LONG_D, key=len, reverse=True):
        segment = segment.replace(code, _LONG_D[code])
    return re.sub(r"(?<=\d)DT$", "ĐT", segment)  # K2ĐT: a numbered unit 'Đào tạo'


def strip_diacritics_same_length(text: str) -> str:
    """'Đà Nẵng' → 'Da Nang', one character for one, so offsets stay valid. For matching OCR
    text that lost its marks; never for output."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if len(base) == 1 else ch)
    return "".join(out)
