"""Repairs for the frequent Tesseract confusions on Vietnamese official text, applied only
where the result is a well-formed token; each returns what it changed so callers record it."""
from __future__ import annotations

import re
from functools import lru_cache

from corpus import load_json
from normalize.text import strip_diacritics_same_length  # noqa: F401  (used here and by callers)

# Đ-bearing parts of số/ký hiệu that OCR reads with a plain D. Short codes are replaced only
# when they are the whole segment ('QD' → 'QĐ'); codes of three letters or more wherever they
# occur ('CQTTBCD' → 'CQTTBCĐ', 'CN&DMST' → 'CN&ĐMST'). 'DA' (dự án) and 'UBND' stay.
_SHORT_D = {"QD": "QĐ", "ND": "NĐ", "QDi": "QĐi", "CD": "CĐ", "DA": "DA"}
_LONG_D = {"BCDTW": "BCĐTW", "HDND": "HĐND", "DHQG": "ĐHQG", "DMST": "ĐMST", "GDDT": "GDĐT",
           "KHDT": "KHĐT", "TDKT": "TĐKT", "BCD": "BCĐ"}


@lru_cache(maxsize=1)
def _codes_with_d_bar() -> frozenset[str]:
    """Codes of số/ký hiệu and agency abbreviations that carry Đ (doc_types.json, agencies.json)."""
    types, agencies = load_json("doc_types.json"), load_json("agencies.json")
    words = {*types["codes"], *types["issuer_codes"], *agencies["component_abbreviations"],
             *agencies["head_abbreviations"]}
    for a in agencies["agencies"]:
        for alias in (a["name"], *a["aliases"]):
            words.update(w for w in re.split(r"[\s,]+", alias) if w.isupper() and len(w) > 1)
    return frozenset(w for w in words if "Đ" in w)


@lru_cache(maxsize=1)
def _type_codes() -> frozenset[str]:
    return frozenset(load_json("doc_types.json")["codes"])


@lru_cache(maxsize=1)
def _codes_without_d_bar() -> frozenset[str]:
    """Type codes written with a plain D ('HD' hướng dẫn of the Party, 'DA' đề án)."""
    return frozenset(c for c in _type_codes() if "D" in c and "Đ" not in c)


def repair_symbol_segment(segment: str) -> str:
    """'UBTVQHI4' → 'UBTVQH14', 'QD' → 'QĐ', 'BCDTW' → 'BCĐTW', 'CN&DMST' → 'CN&ĐMST', 'BGDDT' → 'BGDĐT', 'K2DT' → 'K2ĐT',
    'LDTBXH' → 'LĐTBXH': a D that, as Đ, makes a code the gazetteers know. A segment that is a
    code itself stays: the Party writes Hướng dẫn 'HD' ('38-HD/BTCTW', holdout2 k05), not 'HĐ'."""
    if segment in _SHORT_D:
        return _SHORT_D[segment]
    # A legislature's number read with I or l for 1 ('UBTVQHI4', 'QHl5'): the codes end in two digits.
    segment = re.sub(r"^((?:UBTV)?QH)[Il|](\d)$", r"\g<1>1\2", segment)
    if segment in _codes_without_d_bar():
        return segment
    for code in sorted(_LONG_D, key=len, reverse=True):
        segment = segment.replace(code, _LONG_D[code])
    if "D" in segment and segment.count("D") <= 3:
        known = _codes_with_d_bar()
        for variant in _d_variants(segment):
            if variant in known:
                return variant
    # Initials that only a Đ begins in an official code: 'Đại học' (ĐHVN, ĐHNN, ĐHBK) and 'Đảng ủy'
    # (ĐU, ĐUK); no word such a code abbreviates begins D-H or D-U.
    segment = re.sub(r"^D(?=H[A-Z]|U(?:[A-Z]|$))", "Đ", segment)
    return re.sub(r"(?<=\d)DT$", "ĐT", segment)  # K2ĐT: a numbered unit 'Đào tạo'


def repair_type_code(segment: str) -> str:
    """'T1' → 'TT': a T read as 1 beside another T in a document type's code ('Thông tư
    số 39/2018/T1-BTC' of two customs letters' OCR, pool zz), where the letters with T make a type code
    the tables know. For the type's place only (the symbol's first part): '125/BTL-T1', '86/C1-NV' are
    units' own codes (a review's probes)."""
    if re.fullmatch(r"[A-ZĐ]*(?:T1|1T)[A-ZĐ]*", segment) and segment.replace("1", "T") in _type_codes():
        return segment.replace("1", "T")
    return segment


def _d_variants(segment: str) -> list[str]:
    """The segment with each subset of its D written Đ, fewest changes first."""
    spots = [i for i, ch in enumerate(segment) if ch == "D"]
    out = []
    for mask in range(1, 1 << len(spots)):
        chars = list(segment)
        for k, i in enumerate(spots):
            if mask >> k & 1:
                chars[i] = "Đ"
        out.append("".join(chars))
    return sorted(out, key=lambda v: v.count("Đ"))


# Letters Tesseract reads for digits in a number: O/o for 0, l/I/| for 1. A segment is repaired
# only when it already holds digits, holds no more of these letters than digits, and comes out
# as a well-formed number — so 'lO' (no digit), 'CO2' (C is not a digit look-alike) and roman
# numerals ('II', 'IV') are left alone.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_NUMBER_SEGMENT = re.compile(r"[\dOolI|]+(?:[.,][\dOolI|]+)*")
_WELL_FORMED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}")


def repair_number_token(token: str) -> str:
    """'1.O00' → '1.000', '2O26' → '2026', 'O1/02/2O26' → '01/02/2026', 'l5' → '15', '12,5O' →
    '12,50'. Same length as the input: one character for one, so offsets stay valid."""
    def fix(m: re.Match) -> str:
        seg = m.group(0)
        digits = sum(ch.isdigit() for ch in seg)
        lookalikes = sum(ch in "OolI|" for ch in seg)
        if not lookalikes or not digits or lookalikes > digits:
            return seg
        fixed = seg.translate(_DIGIT_LOOKALIKES)
        return fixed if _WELL_FORMED.fullmatch(fixed) else seg
    # Segments are whole: bounded by start/end or by separators of dates, symbols and ranges.
    return re.sub(r"(?<![^\s/\-–(])" + _NUMBER_SEGMENT.pattern + r"(?![^\s/\-–),;:.%])", fix, token)


_RULE_RESIDUE = re.compile(r"^_+(?=[^\W_])|(?<=[^\W_])_+$")


def strip_rule_residue(token: str) -> str:
    """'VA_' → 'VA': an underscore glued to a word is what is left of a table line the scan
    drew under or over it (e06's group row 'SỞ GIÁO DỤC VÀ_ ĐÀO TẠO'); official text has no
    underscores in words. A token of underscores alone (a form's blank) stays."""
    return _RULE_RESIDUE.sub("", token)
