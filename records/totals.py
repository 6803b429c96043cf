"""Totals reconciliation: a table's total row against the sum of its rows, and a sentence's
stated total against the parts it lists. Mismatches become warnings with both figures."""
from __future__ import annotations

import re

from models import Mentions, Money, TypedTable, Warning
from normalize.money import MoneyUnit, SCALE_PATTERN, parse_unit, to_base_units
from normalize.numbers import NUMBER_PATTERN, NumberFormatError, parse_vn_number
from normalize.text import normalize_dashes


def _fmt(v: int) -> str:
    return f"{v:,}".replace(",", ".")


def sum_range(amounts: list[Money | None]) -> tuple[int, int, int]:
    """Low and high sums (a range adds its low to one and its high to the other), and the
    number of rows that had an amount."""
    low = high = n = 0
    for a in amounts:
        if a is None:
            continue
        n += 1
        low += a.value if a.value is not None else a.low
        high += a.value if a.value is not None else a.high
    return low, high, n


def table_total_warning(t: TypedTable, amounts: list[Money | None],
                        total_row: tuple[Money, int | None] | None) -> list[Warning]:
    """The table's total row (its amount and page) against the sum of its rows' amounts."""
    if total_row is None or total_row[0].value is None:
        return []
    total, page = total_row
    low, high, n = sum_range(amounts)
    details = {"table_id": t.id, "total": total.value, "sum_low": low, "sum_high": high, "rows": n}
    if total.value in (low, high):
        if low == high:
            how = f"the sum of its {n} rows"
        else:
            end, other = ("high", low) if total.value == high else ("low", high)
            how = (f"the sum of its {n} rows with ranges at their {end} end; with ranges at the other "
                   f"end they sum to {_fmt(other)}")
        return [Warning(code="total_checked", page=page, details=details,
                        message=f"table {t.id}: total row {_fmt(total.value)} đồng equals {how}")]
    spread = f"{_fmt(low)}" if low == high else f"{_fmt(low)} – {_fmt(high)}"
    return [Warning(code="total_mismatch", page=page, details=details,
                    message=f"table {t.id}: total row says {_fmt(total.value)} đồng but the {n} rows sum to "
                            f"{spread} đồng (difference {_fmt(total.value - low)} from the low sum)")]


_PART_NUMBER = re.compile(rf"(?<![\d.,])(?P<n>{NUMBER_PATTERN})\s*(?P<scale>{SCALE_PATTERN})?(?![\d%])")


def narrative_total_warnings(mentions: Mentions) -> list[Warning]:
    """'Tổng số đã chi là 4.435 tỷ đồng …, trong đó: … 3.950 …; … 485 …': the parts after
    'trong đó' in the same sentence must add up to the stated total."""
    out: list[Warning] = []
    for piece in mentions.pieces:
        if piece.table_id is not None:
            continue
        text = normalize_dashes(piece.text)
        spans = [(piece.span(a), a) for a in piece.amounts]
        for s0, sentence in _sentences(text):
            idx = sentence.lower().find("trong đó")
            if idx < 0 or "tổng" not in sentence.lower()[:idx]:
                continue
            before = [a for (a0, a1), a in spans if s0 <= a0 and a1 <= s0 + idx]
            if not before or before[-1].value is None:
                continue
            total = before[-1]
            unit = parse_unit(total.unit) if total.unit else None
            if unit is None:
                continue
            stated = [a for (a0, a1), a in spans if s0 + idx <= a0 and a1 <= s0 + len(sentence)]
            parts = [a.value for a in stated if a.value is not None] if stated else _parts(sentence[idx:], unit)
            if len(parts) < 2:
                continue
            s = sum(parts)
            if s != total.value:
                out.append(Warning(
                    code="total_mismatch", page=piece.page,
                    details={"block_id": piece.block_id, "total": total.value, "parts": parts, "sum": s},
                    message=f"'{total.text}' is stated as the total but the parts listed after 'trong đó' "
                            f"sum to {_fmt(s)} đồng ({len(parts)} parts)"))
    return out


def _sentences(text: str):
    """(start, sentence): a sentence ends at a period followed by a capital."""
    start = 0
    for m in re.finditer(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", text):
        yield start, text[start:m.start()]
        start = m.end()
    yield start, text[start:]


def _parts(text: str, unit: MoneyUnit) -> list[int]:
    """Bare numbers in a 'trong đó' clause that states no amount with its unit: a number takes
    the total's unit only when it is written with that unit's scale word or stands as a clause's
    only figure."""
    parts = []
    for clause in re.split(r"[;]", text):
        nums = [m for m in _PART_NUMBER.finditer(clause) if not re.match(r"\s*%", clause[m.end():])]
        if len(nums) != 1:
            continue
        m = nums[0]
        scale_unit = parse_unit(f"{m.group('scale')} đồng") if m.group("scale") else unit
        try:
            parts.append(to_base_units(parse_vn_number(m.group("n")), scale_unit or unit))
        except NumberFormatError:
            continue
    return parts
