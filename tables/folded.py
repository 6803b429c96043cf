"""Tables folded to save paper: one list printed in two (or more) column groups side by side, the
same header repeated ('STT | Tỷ lệ tổn thương cơ thể | Mức hưởng trợ cấp | STT | Tỷ lệ tổn thương
cơ thể | Mức hưởng trợ cấp'), the list running down the left group and on down the right. Read as
it stands, every row holds two items and the right group's column names repeat the left's, so no
column is typed for what it is and the right group's items are lost (about 300 budget lines of two
decrees' appendices in the pool). Unfolded, the groups follow one another: the header rows once,
then the first group's rows, then the second's. Cells keep their own text, page and box."""
from __future__ import annotations

from models import Cell, Document, Table, Warning, WarningCode
from normalize.text import match_key

# A fold repeats a header of at least two columns; the header stands in the first rows (after a
# title row or two that span the table).
MIN_GROUP = 2
HEADER_ROWS = 3


def unfold_tables(doc: Document) -> Document:
    """The document with its folded tables unfolded (the same object when none is folded)."""
    tables, warnings = [], []
    for table in doc.tables:
        unfolded = unfold(table)
        tables.append(unfolded or table)
        if unfolded is not None:
            warnings.append(Warning(
                code=WarningCode.TABLE_UNFOLDED, page=table.pages[0] if table.pages else None,
                details={"table_id": table.id, "groups": table.n_cols // unfolded.n_cols},
                message=f"table {table.id} repeats its header side by side: its {table.n_cols // unfolded.n_cols} "
                        "column groups were read one after the other"))
    if not warnings:
        return doc
    return doc.model_copy(update={"tables": tables, "warnings": [*doc.warnings, *warnings]})


def fold_width(row: list[Cell | None], n_cols: int) -> int | None:
    """The width of the repeated group when this row is a header repeated side by side."""
    keys = [match_key(c.text) if c is not None else "" for c in row]
    for width in range(MIN_GROUP, n_cols // 2 + 1):
        if n_cols % width:
            continue
        first = keys[:width]
        if sum(1 for k in first if k and not k.replace(".", "").isdigit()) < MIN_GROUP:
            continue   # a header names its columns; a row of figures repeats by chance
        if all(keys[g:g + width] == first for g in range(width, n_cols, width)) and \
                all(row[g] is not row[g - 1] for g in range(width, n_cols, width)):   # no cell spans a fold
            return width
    return None


def unfold(table: Table) -> Table | None:
    """The table with its column groups one after the other, or None when it is not folded."""
    grid = table.grid()
    found = next(((r, w) for r in range(min(HEADER_ROWS, table.n_rows))
                  if (w := fold_width(grid[r], table.n_cols))), None)
    if found is None:
        return None
    header, width = found
    body = table.n_rows - header - 1
    groups = table.n_cols // width

    def new_row(row: int, group: int) -> int:
        return row if row <= header else header + 1 + group * body + (row - header - 1)

    cells = []
    for c in table.cells:
        group = c.col // width
        crosses = c.col % width + c.col_span > width
        if crosses or c.row <= header:
            if group:
                continue   # a repeated header cell, or a row spanning the fold: kept once, in the first group
            cells.append(c.model_copy(update={"col_span": min(c.col_span, width)}))
            continue
        cells.append(c.model_copy(update={"row": new_row(c.row, group), "col": c.col - group * width}))
    return table.model_copy(update={"cells": cells, "n_cols": width, "n_rows": header + 1 + groups * body})
