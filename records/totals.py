"""Totals reconciliation: a table's total row against the sum of its rows, and a sentence's
stated total against the parts it lists. Mismatches become warnings with both figures."""
from __future__ import annotations

import re

from models import Amount, Mentions, Money, TypedTable, Warning
from normalize.money import SCALE_PATTERN, MoneyUnit, parse_unit, to_base_units
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


# A breakdown a sentence gives of a total: 'trong đó:', 'bao gồm', 'gồm', 'cụ thể'. Words after it
# say whether the parts are all of the total ('trong đó:' with a colon, 'gồm') or some of them
# ('trong đó có', 'trong đó riêng', 'chủ yếu'): a few parts may sum to less, never to more.
_BREAKDOWN = re.compile(r"\b(?P<cue>trong đó|bao gồm|gồm|cụ thể)\s*(?P<colon>:)?\s*(?P<subset>có|riêng|chủ yếu|"
                        r"đáng chú ý|nổi bật|như|một số)?", re.IGNORECASE)
_TOTAL_CUE = re.compile(r"tổng|toàn bộ|cả năm|tất cả", re.IGNORECASE)
# An item that gives a share or a change ('chiếm 60%', 'tăng 378%') is no part of the total.
_NOT_A_PART = re.compile(r"%|phần trăm", re.IGNORECASE)
# Following clauses that leave the breakdown ('vì vậy …', 'đồng thời …').
_LEAVES = re.compile(r"^\s*(?:vì vậy|do đó|tuy nhiên|đồng thời|bên cạnh đó|ngoài ra|mặt khác|qua đó)\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(rf"(?<![\d.,/])(?P<n>{NUMBER_PATTERN})\s*(?P<scale>{SCALE_PATTERN})?(?![\d%/])")
_LIST_ITEM = re.compile(r"^\s*(?:[-–+•*]|[a-zđ][.)]|\d{1,2}[.)])\s+")


def _sentences(text: str):
    """(start, sentence): a sentence ends at a period followed by a capital."""
    start = 0
    for m in re.finditer(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", text):
        yield start, text[start:m.start()]
        start = m.end()
    yield start, text[start:]


def _part_of(item: str, a0: int, amounts: list[tuple[tuple[int, int], Amount]], unit: MoneyUnit) -> Amount | None | bool:
    """The one amount an item of the breakdown gives (with its unit, or a bare number with the
    total's scale); None when it gives none; False when it is no part (a share, two amounts)."""
    if _NOT_A_PART.search(item):
        return False
    stated = [a for (s, e), a in amounts if a0 <= s and e <= a0 + len(item)]
    if stated:
        return stated[0] if len(stated) == 1 and stated[0].value is not None else False
    # years ('giai đoạn 2014 - 2015 là 115 tỷ') are no amounts
    bare = [m for m in _BARE_NUMBER.finditer(item) if m.group("scale") or not re.fullmatch(r"(?:19|20)\d{2}", m.group("n"))]
    if len(bare) != 1:
        return None if not bare else False
    m = bare[0]
    if not m.group("scale") and item[m.end():].strip(" .;,)"):
        return None  # '12 cơ sở dữ liệu': a count, not an amount
    scale = parse_unit(f"{m.group('scale')} đồng") if m.group("scale") else unit
    try:
        value = to_base_units(parse_vn_number(m.group("n")), scale or unit)
    except NumberFormatError:
        return False
    return Amount(value=value, text=m.group(0).strip(), currency=unit.currency)


# A comma between digits is a decimal comma ('bán hàng tịch thu 110,6 triệu đồng'), no item's end:
# split there, it made '110' and '6 triệu' two parts and a false mismatch (pool z).
_ITEM_COMMA = re.compile(r",(?!\d)|(?<!\d),")


def _items(text: str) -> list[tuple[int, str]]:
    """(offset, item) of a breakdown: split at ';', else at a ',' that is no decimal comma."""
    if ";" in text:
        cuts = [m.start() for m in re.finditer(";", text)]
    else:
        cuts = [m.start() for m in _ITEM_COMMA.finditer(text)]
    out, start = [], 0
    for cut in [*cuts, len(text)]:
        out.append((start, text[start:cut]))
        start = cut + 1
    return out


def _parts(items: list[tuple[int, str]], amounts, unit: MoneyUnit) -> list[Amount] | None:
    """The parts a breakdown lists, up to the first item that gives no amount or leaves the
    breakdown; None when an item is no part of it (the breakdown is not of this total)."""
    parts = []
    for a0, item in items:
        if _LEAVES.match(item):
            break
        part = _part_of(item, a0, amounts, unit)
        if part is False:
            return None
        if part is None:
            if parts:
                break
            continue
        parts.append(part)
    return parts


def narrative_total_warnings(mentions: Mentions) -> list[Warning]:
    """'Tổng số đã chi là 4.435 tỷ đồng, trong đó: chi đầu tư 3.950 tỷ đồng; chi thường xuyên 485 tỷ
    đồng': the parts a total's breakdown lists, in its sentence or in the list items that follow a
    breakdown ending its paragraph ('…, gồm:'), against the total. Each check says what it compared."""
    out: list[Warning] = []
    blocks = [p for p in mentions.pieces if p.table_id is None]
    for k, piece in enumerate(blocks):
        text = normalize_dashes(piece.text)
        spans = [(piece.span(a), a) for a in piece.amounts]
        for s0, sentence in _sentences(text):
            for cue in _BREAKDOWN.finditer(sentence):
                check = _check(sentence, s0, cue, spans, blocks[k + 1:])
                if check:
                    out.append(_warning(piece, *check))
    return out


def _check(sentence: str, s0: int, cue: re.Match, spans, following) -> tuple | None:
    clause_start = max(sentence.rfind(";", 0, cue.start()), sentence.rfind(":", 0, cue.start())) + 1
    before = [(span, a) for span, a in spans if s0 + clause_start <= span[0] and span[1] <= s0 + cue.start()]
    if not before or before[-1][1].value is None:
        return None
    (t0, _), total = before[-1]
    if not _TOTAL_CUE.search(sentence[:cue.start()]) and not cue.group("colon"):
        return None
    unit = parse_unit(total.unit) if total.unit else None
    if unit is None:
        return None
    rest_start = s0 + cue.end()
    rest = sentence[cue.end():]
    if rest.strip():
        parts = _parts([(rest_start + o, it) for o, it in _items(rest)], spans, unit)
        source = "sentence"
    elif cue.group("colon"):
        parts, source = _following_parts(following, unit), "list"
    else:
        return None
    if not parts or len(parts) < 2 or any(p.currency != total.currency for p in parts):
        return None
    subset = bool(cue.group("subset")) or not (cue.group("colon") or cue.group("cue").lower() in ("gồm", "bao gồm"))
    return total, parts, subset, source


def _marker_kind(text: str) -> str:
    """'-', '+', '•' as they are; 'a)' and 'b.' are letters; '1.' and '2)' are numbers."""
    marker = _LIST_ITEM.match(text).group(0).strip()
    return "letter" if marker[0].isalpha() else "number" if marker[0].isdigit() else marker.replace("–", "-")


def _following_parts(following, unit: MoneyUnit) -> list[Amount] | None:
    """'…, trong đó:' ending a paragraph: the list items after it ('- Vốn ngân sách trung ương: 60 tỷ
    đồng;'), at the first item's level only. An item that ends with ':' opens a sub-list ('- Chi đầu
    tư: 718.692 triệu đồng, bao gồm:' then '+ …' items): its items are parts of that item, not of
    the total (summed with it, they made 3 false alarms in one budget resolution of batch h); an
    item of another kind that no item opened ends the list."""
    parts: list[Amount] = []
    kind, nested, opens = None, set(), False
    for piece in following:
        if not _LIST_ITEM.match(piece.text):
            break
        k = _marker_kind(piece.text)
        kind = kind or k
        if k != kind:
            if not (opens or k in nested):
                break
            nested.add(k)
            opens = piece.text.rstrip().endswith(":")
            continue
        opens = piece.text.rstrip().endswith(":")
        part = _part_of(piece.text, 0, [(piece.span(a), a) for a in piece.amounts], unit)
        if part is False:
            return None
        if part is None:
            break
        parts.append(part)
    return parts


def _warning(piece, total: Amount, parts: list[Amount], subset: bool, source: str) -> Warning:
    s = sum(p.value for p in parts)
    details = {"block_id": piece.block_id, "total": total.value, "total_text": total.text,
               "parts": [p.value for p in parts], "parts_text": [p.text for p in parts], "sum": s,
               "parts_are": "some" if subset else "all", "parts_from": source}
    listed = "; ".join(f"{p.text} = {_fmt(p.value)}" for p in parts)
    if s == total.value or subset and s < total.value:
        how = "equals" if s == total.value else "is within"
        return Warning(code="total_checked", page=piece.page, details=details,
                       message=f"'{total.text}' ({_fmt(total.value)} đồng) {how} the sum of the {len(parts)} parts "
                               f"listed after it: {listed} (sum {_fmt(s)} đồng)")
    return Warning(code="total_mismatch", page=piece.page, details=details,
                   message=f"'{total.text}' is stated as the total ({_fmt(total.value)} đồng) but the {len(parts)} "
                           f"parts listed after it sum to {_fmt(s)} đồng: {listed}")
