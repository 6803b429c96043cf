"""Money amounts in text ('1.436.130 triệu đồng', '12,25 nghìn tỉ đồng', '1 tỷ USD',
'từ 5 đến 10 tỷ đồng') and in cells of a column whose header declares the unit."""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalize.money import CURRENCY_PATTERN, SCALE_PATTERN, MoneyUnit, in_whole_base_units, parse_unit, to_base_units
from normalize.numbers import NUMBER_PATTERN, NumberFormatError, parse_vn_number
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.ranges import parse_number_or_range
from normalize.text import match_key, normalize_dashes
from normalize.typed_values import DONG
from normalize.vowel_marks import lexicon

_UNIT = rf"(?:{SCALE_PATTERN}\s*)?{CURRENCY_PATTERN}"
# The number spelled out in brackets before its unit ('250 (hai trăm năm mươi) triệu đồng', '15.000
# (mười lăm nghìn) đồng / hồ sơ': provinces' and ministries' texts, pool zj): letters only.
_IN_WORDS = r"(?P<words>\([^\W\d_][^()\d]{1,80}\))"
# The figure in brackets after the amount spelled out, the unit after them ('hai triệu (2.000.000)
# đồng/lần', a tax office's letter of 2019, pool zzd; the laws' own way of writing a sum).
_SPELLED_UNIT = re.compile(r"(?:đồng|nghìn|ngàn|triệu|tỷ|tỉ)\b", re.IGNORECASE)
AMOUNT_RE = re.compile(
    rf"(?<![\d.,])(?<!\d/)(?:(?P<from>từ)\s+)?(?P<open>(?<=[^\W\d_] )\()?(?P<n1>{NUMBER_PATTERN})(?(open)\))"
    rf"(?:\s*(?P<u1>{_UNIT}))?"
    rf"(?:\s*(?:-|đến|tới)\s*(?:dưới\s+)?(?P<n2>{NUMBER_PATTERN}))?"
    rf"(?:\s*{_IN_WORDS})?"
    rf"\s*(?P<unit>{_UNIT})(?![\wà-ỹ])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundAmount:
    value: int | None
    low: int | None
    high: int | None
    currency: str
    unit: str
    start: int
    end: int
    text: str


def _make(low: int, high: int, unit: MoneyUnit, start: int, end: int, text: str) -> FoundAmount:
    if low == high:
        return FoundAmount(low, None, None, unit.currency, unit.name, start, end, text)
    return FoundAmount(None, low, high, unit.currency, unit.name, start, end, text)


# 'Đơn vị tính: 1.000 đồng', 'ĐVT: triệu đồng': a unit declared, not an amount.
_DECLARES_UNIT = re.compile(r"(?:don vi(?:\s+tinh)?|dvt)\s*:\s*$", re.IGNORECASE)   # compared without marks
# 'đạt 698,445/871,321 triệu đồng': two amounts sharing the unit that follows the second.
_PAIR_RE = re.compile(rf"(?<![\d.,/])(?P<n1>{NUMBER_PATTERN})\s?/\s?(?P<n2>{NUMBER_PATTERN})\s*(?P<unit>{_UNIT})(?![\wà-ỹ])",
                      re.IGNORECASE)


def _scale_in_brackets(text: str, m: re.Match) -> bool:
    """'Mức chi/ Tiền công (1.000đ)' (holdout2 k03): a scale in brackets declares the unit of the
    figures below it; it is no amount."""
    return bool(re.fullmatch(r"1(?:[.,]?000)+", m.group(0).split()[0].rstrip("đ"))) and \
        text[:m.start()].rstrip().endswith("(") and text[m.end():].lstrip()[:1] in (")", "/")


def _words_not_spelled_amount(text: str, m: re.Match, unit: MoneyUnit) -> bool:
    """Brackets between a number and 'đồng' that do not spell the amount out: the unit written with
    a capital ('lô số 7 (khu dân cư Bắc) Đồng Tháp', a place), a word after it ('30 (ba mươi) đồng
    thuận'), a scale inside the brackets the unit lacks ('250 (hai trăm năm mươi triệu) đồng': the
    figure's own scale is not known) — a review's probes."""
    words = m.group("words")
    if not words:
        return False
    nxt = re.match(r"\s*([^\W\d_])", text[m.end():])
    scale = re.search(rf"\b(?:{SCALE_PATTERN})\b", words, re.IGNORECASE)
    spelled = parse_unit(f"{scale.group(0)} đồng") if scale and unit.multiplier == 1 else None
    try:
        short = spelled is not None and parse_vn_number(m.group("n1")) < spelled.multiplier   # ('15.000 (… nghìn)' fits)
    except NumberFormatError:
        short = True
    return not m.group("unit")[:1].islower() or bool(nxt and nxt.group(1).islower()) or short


def _not_money(text: str, m: re.Match, unit: MoneyUnit) -> bool:
    """'8 đồng chí', 'hai đồng bào': 'đồng' without a scale word that makes a word with what
    follows is not the currency. A scale word ('5 tỷ đồng') settles it."""
    if unit.multiplier != 1 or not m.group("unit").lower().startswith("đồng"):
        return False
    nxt = re.match(r"\s+([^\W\d_]+)", text[m.end():])
    return bool(nxt) and f"đồng {match_key(nxt.group(1))}" in lexicon()[0]


def find_amounts(text: str, masked: list[tuple[int, int]] = ()) -> list[FoundAmount]:
    text = normalize_dashes(text)
    out: list[FoundAmount] = []
    for m in _PAIR_RE.finditer(text):
        unit = parse_unit(m.group("unit"))
        if unit is None or any(a < m.end() and m.start() < b for a, b in masked):
            continue
        try:
            pair = [to_base_units(parse_vn_number(m.group(g)), unit) for g in ("n1", "n2")]
        except NumberFormatError:
            continue
        for g, value in zip(("n1", "n2"), pair):
            end = m.end(g) if g == "n1" else m.end()
            out.append(_make(value, value, unit, m.start(g), end, text[m.start(g):end]))
        masked = [*masked, (m.start(), m.end())]
    for m in AMOUNT_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in masked):
            continue
        unit = parse_unit(m.group("unit"))
        if m.group("open") and not _SPELLED_UNIT.match(m.group("unit")):
            continue   # ('cử (02) đ/c': comrades; the laws write the sum's unit out, 'đồng')
        if unit is None or _DECLARES_UNIT.search(strip_diacritics_same_length(text[max(0, m.start() - 20):m.start()])) \
                or _not_money(text, m, unit) or _scale_in_brackets(text, m) or _words_not_spelled_amount(text, m, unit):
            continue
        try:
            n1 = parse_vn_number(m.group("n1"))
            n2 = parse_vn_number(m.group("n2")) if m.group("n2") else None
        except NumberFormatError:
            continue
        u1 = parse_unit(m.group("u1")) if m.group("u1") else None
        if m.group("u1") and n2 is None:
            continue  # "5 tỷ đồng 10 tỷ đồng": two amounts, the regex will see the second
        if not in_whole_base_units(n1, u1 or unit) or n2 is not None and not in_whole_base_units(n2, unit):
            masked = [*masked, (m.start(), m.end())]   # (nor is its whole part a sum: '12.345.678,9 đồng')
            continue   # a price below the đồng ('1.382,7 đồng/kWh'): rounding it would state a wrong figure
        low = to_base_units(n1, u1 or unit)
        high = to_base_units(n2, unit) if n2 is not None else low
        if high < low or high == 0:
            continue   # ('Phiên chợ 0 đồng', a market where all is free: no sum of money; 0 of 1,811 gold amounts)
        out.append(_make(low, high, unit, m.start(), m.end(), m.group(0)))
    out += [a for a in _sums_without_unit(text) if not any(a.start < b and x < a.end for x, b in masked)
            and not any(a.start < o.end and o.start < a.end for o in out)]
    return sorted(out, key=lambda a: a.start)


# A sum of money named as one ('tổng số tiền 15.200.000', 'trị giá 300.000', '700.000 tiền mặt') and
# written out in đồng with its thousands marked, where no unit follows: đồng.
_SUM_WITHOUT_UNIT = re.compile(
    r"(?:\b(?:số\s+tiền|trị\s+giá)\s*(?:là|:)?\s*(?P<n1>\d{1,3}(?:\.\d{3})+)"
    r"(?=\s*(?:[.;:)]|,(?!\d)|$))"   # (a word after it may be another currency: 'trị giá 500.000 euro')
    r"|(?<![\d.,])(?P<n2>\d{1,3}(?:\.\d{3})+)\s+tiền\s+mặt\b)", re.IGNORECASE)


def _sums_without_unit(text: str) -> list[FoundAmount]:
    out = []
    for m in _SUM_WITHOUT_UNIT.finditer(text):
        g = "n1" if m.group("n1") else "n2"
        value = to_base_units(parse_vn_number(m.group(g)), DONG)
        out.append(_make(value, value, DONG, m.start(g), m.end(g), m.group(g)))
    return out


_SIGNED_CELL = re.compile(r"\s*[+\-−]\s?(?P<n>\d[\d.,]*)\s*")


def amount_in_cell(text: str, unit: MoneyUnit, commas_group: bool = False) -> FoundAmount | None:
    """A cell of a money column: '169.000', '5.000 - 10.000', '1.000 – 1.500'; '600,000' in a
    table that groups thousands with commas (`commas_group`); a signed change ('-37', '+353' under
    'Chênh lệch … (đồng/lít,kg)', a price notice of pool zza) is the sum it moves by, as GOLD_FORMAT
    keeps no sign."""
    signed = _SIGNED_CELL.fullmatch(text)
    rng = parse_number_or_range(signed.group("n") if signed else text, commas_group)
    if rng is None or not all(in_whole_base_units(x, unit) for x in rng):
        return None   # (a price below the đồng: '1.382,7' under 'đồng/kWh')
    low, high = (to_base_units(x, unit) for x in rng)
    s = text.strip()
    start = text.index(s) if s else 0
    return _make(low, high, unit, start, start + len(s), s)
