"""Money columns told by what they hold, not by their header's words (tables/typed.py asks): figures
under a header that states a unit, cells that carry their own unit, figures beside a unit column
that names money, and rates paid per head written out in đồng with no unit stated; and the small
helpers over a column's cells that typing a table shares with them."""
from __future__ import annotations

import re
from collections import Counter

from models import TypedColumn, TypedRow
from normalize.columns import money_kind, paid_per_head
from normalize.money import CURRENCY_PATTERN, SCALE_PATTERN, MoneyUnit, unit_of_measure
from normalize.numbers import NUMBER_PATTERN
from normalize.ranges import parse_number_or_range
from normalize.typed_values import DONG

# Share of a column's filled cells that must agree before the cells decide its role.
CONTENT_MAJORITY = 0.6


def filled(col: TypedColumn, body: list) -> list[str]:
    """The column's non-empty cells in the body rows."""
    return [r.cells[col.index] for r in body if col.index < len(r.cells) and r.cells[col.index].strip()]


def numeric_share(values: list[str]) -> float:
    filled = [v for v in values if v.strip(" -–")]
    return sum(parse_number_or_range(v) is not None for v in filled) / len(filled) if filled else 0.0


def apply_unit(column: TypedColumn, unit: MoneyUnit) -> None:
    column.unit, column.multiplier, column.currency = unit.name, unit.multiplier, unit.currency


# A figure that carries its own money unit ('Tối đa 15.000.000 đồng/văn bản', '300.000đ/người').
_FIGURE_WITH_UNIT = re.compile(rf"(?:{NUMBER_PATTERN})\s*(?:{SCALE_PATTERN})?\s*{CURRENCY_PATTERN}", re.IGNORECASE)


# A figure of ten thousand or more written with its thousands marked ('2.055.000', '600.000'): under
# a rate paid per head that states no unit, đồng (a rate in thousands of đồng reads '2.055').
_DONG_WRITTEN_OUT = re.compile(r"\d{2,3}(?:\.\d{3})+|\d(?:\.\d{3}){2,}")


def money_from_cells(columns: list[TypedColumn], body: list[TypedRow]) -> list[TypedColumn]:
    """Money columns whose header words are no money word, told by what they hold: figures under a
    header that states a money unit ('Mức trợ giúp áp dụng (đồng/tháng)'), cells that carry their
    own unit ('Tối đa 15.000.000 đồng/văn bản' under 'Chế độ chi đặc thù của Thành phố'), figures
    beside a unit column that names money ('Đơn vị tính' | 'Đồng/người'); and the unit of a money
    header that states none, from its cells. Pool o: two tables of rates gave 0 of their 65 lines.
    Returns the columns whose unit no one stated and that are taken to be in đồng: a rate paid per
    head ('Trợ cấp', 'Mức chi') over figures written out in đồng ('2.055.000', '600.000')."""
    beside = _measured_money_unit(columns, body)
    assumed = []
    for col in columns:
        values = filled(col, body)
        if not values or not (col.role == "other" or col.role == "budget" and not col.multiplier):
            continue   # (a money header without a unit: 'Mức chi / Cấp xã' over '80.000 đồng/người/buổi')
        numeric = numeric_share(values) >= CONTENT_MAJORITY
        if col.multiplier and numeric:
            col.role = "budget"
        elif sum(bool(_FIGURE_WITH_UNIT.search(v)) for v in values) >= CONTENT_MAJORITY * len(values):
            apply_unit(col, DONG)   # (each cell is read in its own unit: a bare '0' is no money)
            col.role, col.unit_per_row = "budget", True
        elif beside and numeric:
            apply_unit(col, beside)
            col.role, col.unit_per_row = "budget", True
        elif paid_per_head(col.name) and \
                sum(bool(_DONG_WRITTEN_OUT.fullmatch(v.strip())) for v in values) >= CONTENT_MAJORITY * len(values):
            apply_unit(col, DONG)
            col.role = "budget"
            assumed.append(col)
        else:
            continue
        col.money_kind = money_kind(col.name)
    return assumed


def _measured_money_unit(columns: list[TypedColumn], body: list[TypedRow]) -> MoneyUnit | None:
    """The money unit a unit column ('Đơn vị tính') gives its rows, when most of them name one
    ('Đồng/người', 'Triệu đồng/hộ')."""
    measure = next((c for c in columns if c.role == "measure"), None)
    values = filled(measure, body) if measure else []
    units = [u for u in map(unit_of_measure, values) if u is not None]
    if not values or len(units) < CONTENT_MAJORITY * len(values):
        return None
    return Counter(units).most_common(1)[0][0]


# The leaf header of a column of a scale ('… (tỷ đồng) / ≤ 15', '/ ≤ 50', '/ > 100'): the band's unit
# measures the thresholds; the cells under them are what applies at each (rates in %), not money
# (a circular's cost norms, pool zo: 15 rates read as billions of đồng and three budget lines).
_THRESHOLD = re.compile(r"^\s*(?:[≤≥<>]=?|từ|trên|dưới|đến|tới)\s*\d[\d.,]*\s*$", re.IGNORECASE)
_BARE_FIGURE = re.compile(r"^\s*\d[\d.,]*\s*$")
_YEAR_FIGURE = re.compile(r"^\s*(?:19|20)\d\d\s*$")
_YEAR_BOUND = re.compile(r"^\s*(?:[≤≥<>]=?|từ|trên|dưới|đến|tới)?\s*(?:19|20)\d\d\s*$", re.IGNORECASE)   # 'Đến 2025': a period


def scale_points(headers: list[str]) -> set[int]:
    """Columns whose leaf headers are the points of a scale: a threshold ('≤ 15', '> 100'), or a bare
    figure (no year) beside one under the same band ('20', '50' between '≤ 10' and '≤ 1000'); not
    a bound that is a year ('Đến 2025', 'Đến 2030': money by period)."""
    split = [h.rsplit(" / ", 1) if " / " in h else (h, "") for h in headers]
    bands = {band for band, leaf in split if _THRESHOLD.match(leaf) and not _YEAR_BOUND.match(leaf)}
    return {i for i, (band, leaf) in enumerate(split) if band in bands and not _YEAR_BOUND.match(leaf)
            and (_THRESHOLD.match(leaf) or _BARE_FIGURE.match(leaf) and not _YEAR_FIGURE.match(leaf))}
