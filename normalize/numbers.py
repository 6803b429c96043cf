"""Vietnamese number format: '.' groups thousands, ',' is the decimal mark."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# A number as printed: digits with optional group separators and one decimal part.
NUMBER_PATTERN = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d+(?:[.,]\d+)?"


class NumberFormatError(ValueError):
    pass


# Whole cells that say how a table groups thousands: two or more groups after commas ('2,900,000',
# English) or after points ('2.900.000', Vietnamese).
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_POINT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")


# A figure whose comma is followed by three zeros ('10,000', '2,000'): nobody writes 000 as decimals.
_ROUND_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})*,000")
# A comma followed by other than three digits ('31,6', '12,25'): a decimal comma.
_DECIMAL_COMMA = re.compile(r"\d,(?:\d{1,2}|\d{4,})(?!\d)")


def groups_with_commas(cells) -> bool:
    """Whether a table writes its figures the English way: some cell groups thousands with commas
    ('2,900,000', or a round '10,000' where no cell has a decimal comma) and none groups them with
    points. There '600,000' beside them is six hundred thousand, not 600 with three decimals (pool
    w: a cost estimate typed in English format, whose five such cells read as 600, 120, 465 … đồng
    and raised a false total alarm; pool y: '2,700', '10,000' triệu đồng read as 2,7 and 10)."""
    texts = [c.strip() for c in cells if c]
    english = any(_COMMA_GROUPED.fullmatch(t) for t in texts) or \
        any(_ROUND_THOUSANDS.fullmatch(t) for t in texts) and not any(_DECIMAL_COMMA.search(t) for t in texts)
    return english and not any(_POINT_GROUPED.fullmatch(t) for t in texts)


def parse_vn_number(text: str, commas_group: bool = False) -> Decimal:
    """'1.436.130' -> 1436130, '7.318.856,3' -> 7318856.3, '12,25' -> 12.25, '2441' -> 2441.

    A lone '.' followed by exactly three digits is a thousands separator (Vietnamese usage);
    a lone '.' followed by one or two digits is a decimal point (English-style input, seen in
    tables pasted from spreadsheets). Several ',' groups of three digits with no '.' are an
    English thousands format ("1,436,130"); so is one, '600,000', where `commas_group` says the
    table writes its figures so (groups_with_commas).
    """
    s = re.sub(r"[\s\u00a0\u202f]", "", text or "")
    if not s or not re.fullmatch(r"[\d.,]+", s) or not s[0].isdigit() or not s[-1].isdigit():
        raise NumberFormatError(f"not a number: {text!r}")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        if s.rfind(",") > s.rfind("."):  # 7.318.856,3
            int_part, frac = s.rsplit(",", 1)
            if not _grouped(int_part, "."):
                raise NumberFormatError(f"bad grouping: {text!r}")
            s = int_part.replace(".", "") + "." + frac
        else:  # 7,318,856.3 (English)
            int_part, frac = s.rsplit(".", 1)
            if not _grouped(int_part, ","):
                raise NumberFormatError(f"bad grouping: {text!r}")
            s = int_part.replace(",", "") + "." + frac
    elif dots:
        if dots == 1 and len(s.split(".")[1]) != 3:
            pass  # 12.5 -> decimal point
        elif _grouped(s, "."):
            s = s.replace(".", "")
        else:
            raise NumberFormatError(f"bad grouping: {text!r}")
    elif commas:
        if commas > 1:
            if not _grouped(s, ","):
                raise NumberFormatError(f"bad grouping: {text!r}")
            s = s.replace(",", "")
        elif commas_group and _grouped(s, ",") and not s.startswith("0"):   # ('0,236' is a fraction)
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex above
        raise NumberFormatError(str(exc)) from exc


def _grouped(s: str, sep: str) -> bool:
    parts = s.split(sep)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12}


def roman_to_int(text: str) -> int | None:
    return ROMAN.get((text or "").strip().upper())


def format_vn_number(value: float | int | Decimal, decimals: int | None = None, grouping: bool = False) -> str:
    """A number as Vietnamese prints it: 1436130.5 → '1.436.130,5' (grouped) or '1436130,5'.
    `decimals` None shows what the value needs (up to 10 significant digits, as a spreadsheet's
    General format does)."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if decimals is None:
        text = f"{d:.10g}" if abs(d) < Decimal(10) ** 15 else f"{d:f}"
        if "e" in text or "E" in text:
            text = f"{d:f}"
        int_part, _, frac = text.partition(".")
        frac = frac.rstrip("0")
    else:
        # Half away from zero, as spreadsheets round (Python's format rounds half to even).
        text = f"{d.quantize(Decimal(1).scaleb(-max(0, decimals)), rounding=ROUND_HALF_UP):f}"
        int_part, _, frac = text.partition(".")
    sign = "-" if int_part.startswith("-") else ""
    int_part = int_part.lstrip("-")
    if grouping:
        int_part = f"{int(int_part):,}".replace(",", ".")
    if sign and not (int_part.strip("0") or frac.strip("0")):
        sign = ""
    return sign + int_part + ("," + frac if frac else "")
