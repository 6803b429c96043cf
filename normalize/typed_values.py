"""What an analyst types into a correction, read the way the document writes it.

An amount is typed in the unit the document used: «1.436.130 triệu đồng» corrected to
"1.436.120" is 1.436.120 triệu đồng, not 1.436.120 đồng (a million-fold slip the old prompt let
through without a word). A figure with its own scale or currency ("1,5 tỷ", "200 triệu",
"12.000 USD", "1.436.130 triệu đồng") is read with it. A date is typed dd/mm/yyyy, in words
("ngày 5 tháng 3 năm 2025") or ISO, and must exist (31/02/2013 does not). Pure functions; the
web layer turns their ValueError into a 422 with the message shown to the analyst."""
from __future__ import annotations

import re

from normalize.dates import ParsedDate, make_day, parse_date
from normalize.money import CURRENCY_PATTERN, SCALE_PATTERN, UNIT_RE, MoneyUnit, parse_unit, to_base_units
from normalize.numbers import NUMBER_PATTERN, NumberFormatError, parse_vn_number
from normalize.text import match_key

_TYPED_AMOUNT = re.compile(rf"\s*(?P<number>{NUMBER_PATTERN})\s*(?P<scale>{SCALE_PATTERN})?\s*"
                           rf"(?P<cur>{CURRENCY_PATTERN})?\s*", re.IGNORECASE)
DONG = MoneyUnit(1, "VND", "đồng")


def unit_written_in(text: str | None) -> MoneyUnit:
    """The unit of a mention as the document wrote it («1.436.130 triệu đồng» → triệu đồng);
    đồng when its text names none."""
    m = UNIT_RE.search(match_key(text or ""))
    return (parse_unit(m.group(0)) if m else None) or DONG


def typed_amount(typed: str, written: str | None = None) -> tuple[int, MoneyUnit]:
    """(the value in base units, the unit it was read in). A bare figure takes the unit of the
    mention's own text; a scale without a currency ('200 triệu') takes the mention's currency."""
    m = _TYPED_AMOUNT.fullmatch(match_key(typed or ""))
    if not m:
        raise ValueError(f"«{typed}» không phải một số tiền (ví dụ: 1.436.130 hoặc 1,5 tỷ đồng)")
    try:
        number = parse_vn_number(m.group("number"))
    except NumberFormatError as exc:
        raise ValueError(f"«{typed}»: {exc}") from exc
    context = unit_written_in(written)
    if m.group("scale") or m.group("cur"):
        currency = m.group("cur") or ("USD" if context.currency == "USD" else "đồng")
        unit = parse_unit(f"{m.group('scale') or ''} {currency}".strip())
    else:
        unit = context
    value = to_base_units(number, unit)
    if number < 0 or value != number * unit.multiplier:
        raise ValueError(f"«{typed}» {unit.name} không phải một số nguyên {'đồng' if unit.currency == 'VND' else 'USD'}")
    return value, unit


_ISO_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")


def typed_date(typed: str) -> ParsedDate:
    """'5/3/2025', '05-03-2025', 'ngày 5 tháng 3 năm 2025', '2025-03-05', 'tháng 3/2025',
    'quý I/2025', 'năm 2025' → the ISO value and its precision; a day that does not exist is refused."""
    s = (typed or "").strip()
    iso = _ISO_DAY.fullmatch(s)
    parsed = make_day(int(iso["y"]), int(iso["m"]), int(iso["d"])) if iso else parse_date(s)
    if parsed is None:
        parsed = parse_date(f"năm {s}") if re.fullmatch(r"\d{4}", s) else None
    if parsed is None:
        raise ValueError(f"«{typed}» không phải một ngày có thật (gõ dd/mm/yyyy, ví dụ 31/03/2026, "
                         "hoặc «ngày 31 tháng 3 năm 2026»)")
    return parsed
