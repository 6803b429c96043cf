"""Numbered group rows that are lines of their own: a row 'I | Chi đầu tư phát triển | 175.000' is a
heading only where members follow it; tables/typed.py asks while it reads a table's rows."""
from __future__ import annotations

from models import TypedRow
from normalize.columns import numbering_rank
from normalize.ranges import parse_number_or_range


def childless_groups(rows: list[TypedRow], numeric: set[int], commas: bool = False) -> list[TypedRow]:
    """A numbered group row with figures of its own ('I | Chi đầu tư phát triển | 175.000 | …') whose
    members do not add up to it: a line, not a heading (a budget settlement by category, pool zp: 39
    of 51 lines were lost). Its members: the rows after it up to the next row numbered like it or a
    total; one with none is a line ('II' right after 'I'). Members after a 'Trong đó' part are its
    parts where the highest-ranked of them with figures do not make its figure ('III | … | 674.500',
    'Trong đó:', '1 | … | 164.401', '2 | … | 7.733'); where they do, it is their heading ('I | CHI CÂN
    ĐỐI NSĐP' over '1', '2'), and so is a group whose members follow it directly, whatever they add
    up to (that is for the totals check: 'II | HUYỆN AN LÃO | 3.000' over '1 | … | 2.000', e06)."""
    out = list(rows)
    for n, row in enumerate(rows):
        column = next((k for k in sorted(numeric) if k < len(row.cells) and row.cells[k].strip()), None)
        if row.kind != "group" or column is None:
            continue
        rank = _rank(row)
        members: list[TypedRow] = []
        parts = False
        for nxt in rows[n + 1:]:
            if nxt.kind == "part" and not members:
                parts = True
                continue
            if nxt.kind == "total" or _rank(nxt) == rank:
                break
            if nxt.kind in ("data", "group") and _figure(nxt, column, commas):
                members.append(nxt)
        top = min((_rank(m) for m in members), default=None)
        children = [m for m in members if _rank(m) == top]
        whole = _figure(row, column, commas)
        if not children or parts and abs(sum(_figure(m, column, commas) for m in children) - whole) > max(1, abs(whole) / 1000):
            out[n] = row.model_copy(update={"kind": "data", "group": None, "group_row": None})
    return out


def _rank(row: TypedRow) -> int:
    return numbering_rank(row.cells[0] if row.cells else "")


def _figure(row: TypedRow, column: int, commas: bool):
    figure = parse_number_or_range(row.cells[column], commas) if column < len(row.cells) else None
    return figure[0] if figure else 0
