"""What the text around a table says of it: the title above it, the money unit a short line above or
just under it declares, its caption. Read before the table is typed (tables/typed.py)."""
from __future__ import annotations

import re

from models import Document, Table
from normalize.money import MoneyUnit, parse_unit, unit_from_header
from tables.lists import is_title

# A unit stated in a short line above a table ("Đơn vị tính: triệu đồng") applies to its money
# columns that state none; a longer block between them ends that.
DECLARED_UNIT_MAX_CHARS = 80
DECLARED_UNIT_TAIL = 40

_BARE_APPENDIX = re.compile(r"^(?:phụ lục|PHỤ LỤC|Phụ lục)\s*[\w.-]*\s*$")


def table_context(doc: Document, table: Table) -> tuple[str | None, MoneyUnit | None, str | None]:
    """The nearest heading-like block above the table (an appendix title, 'DANH MỤC …'), the
    money unit a short line just above it declares, and its caption (the last short line above
    it that declares no unit: '1. Mức học phí')."""
    best, declared, caption = None, None, None
    previous_title = False
    earlier_tables = [t.order for t in doc.tables if t.order < table.order]
    after = max(earlier_tables, default=-1)
    for b in doc.blocks:
        if b.order >= table.order:
            break
        t = b.text.strip()
        if b.kind in ("header", "footer", "footnote"):
            continue
        if is_title(t) and len(t) > 6 or b.kind == "heading" or t.startswith(("Phụ lục", "PHỤ LỤC")):
            # a title wrapped over two lines (a scan reads each as a block: 'MỨC THƯỞNG … TẠI' /
            # 'CÁC ĐẠI HỘI …') is one title; an appendix's number line stays apart
            continued = best is not None and previous_title and not _BARE_APPENDIX.match(best) \
                and not t.startswith(("Phụ lục", "PHỤ LỤC"))
            best = f"{best} {t}" if continued else t
            previous_title = True
        else:
            previous_title = False
        if b.order > after:
            short = len(t) < DECLARED_UNIT_MAX_CHARS
            # 'Đơn vị tính: triệu đồng', or the unit alone on its line ('Triệu đồng', '(tỷ đồng)');
            # a scan may join the line to the title above it: then it ends that block
            alone = parse_unit(t.strip("()[]: ")) if short else None
            unit = (unit_from_header(t) or alone) if short else unit_from_header(t[-DECLARED_UNIT_TAIL:])
            declared = (unit or declared) if short else unit
            if not unit:
                caption = t if short else None   # a paragraph after a caption ends it
    return best, declared or _unit_after(doc, table), caption


# A line that only declares a unit ('(đơn vị: đồng/người/phẫu thuật)').
_UNIT_NOTE = re.compile(r"^\(?\s*(?:đơn vị(?: tính)?|đvt)\s*:[^()]*\)?$", re.IGNORECASE)


def _unit_after(doc: Document, table: Table) -> MoneyUnit | None:
    """The unit a note just under the table declares, where none is above it (a decree's allowance
    table with '(đơn vị: đồng/người/phẫu thuật)' below it, pool zu)."""
    following = next((b for b in doc.blocks if b.order > table.order and b.kind not in ("header", "footer")), None)
    if following is None or any(table.order < t.order <= following.order + 1 for t in doc.tables):
        return None   # (a note just above the next table is that table's: a review)
    text = following.text.strip()
    return unit_from_header(text) if len(text) < DECLARED_UNIT_MAX_CHARS and _UNIT_NOTE.match(text) else None
