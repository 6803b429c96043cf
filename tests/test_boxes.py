"""Page and bbox on every occurrence, table row and record (schema 3): the box holds the text."""
from __future__ import annotations

import pdfplumber

from normalize.text import clean_text


def _all_occurrences(result):
    return [o for m in [*result.references, *result.dates, *result.amounts, *result.agencies] for o in m.occurrences]


def test_every_occurrence_of_a_text_pdf_has_a_box_that_holds_its_text(extracted, samples):
    result = extracted("004.pdf")
    occurrences = _all_occurrences(result)
    assert occurrences and result.source.box_pages == "source"
    with pdfplumber.open(samples / "004.pdf") as pdf:
        for occ in occurrences:
            assert occ.page is not None and occ.bbox is not None, occ
            x0, top, x1, bottom = occ.bbox
            page = pdf.pages[occ.page - 1]
            inside = page.within_bbox((x0 - 1, top - 1, x1 + 1, bottom + 1)).extract_text()
            # the box may hold neighbours of a mention inside a word ('(triệu đồng)'), never less
            assert clean_text(occ.text).replace(" ", "") in clean_text(inside).replace("\n", "").replace(" ", ""), occ


def test_rows_and_records_carry_the_box_of_their_source_row(extracted):
    result = extracted("004.pdf")
    rows = [r for t in result.tables for r in t.rows]
    assert rows and all(r.bbox is not None and r.page for r in rows)
    assert all(len(r.boxes) == len(r.cells) for r in rows)
    records = [*result.records.tasks, *result.records.catalog, *result.records.budget]
    assert records and all(x.provenance.bbox is not None for x in records)
    by_row = {(t.id, r.index): r for t in result.tables for r in t.rows}
    for x in records:
        assert x.provenance.bbox == by_row[(x.provenance.table_id, x.provenance.row)].bbox


def test_a_scan_has_boxes_where_the_text_pdf_has_them(extracted):
    """The office scan is a print of 004.pdf: a mention's box on the scan lies where it lies in the
    text layer, give or take the scan's shift and skew."""
    scan, text = extracted("004.scan-office.tiff"), extracted("004.pdf")
    occurrences = _all_occurrences(scan)
    assert occurrences and all(o.bbox is not None for o in occurrences)
    where: dict = {}
    for o in _all_occurrences(text):
        where.setdefault((o.text, o.page), []).append(o.bbox)
    compared = 0
    for o in occurrences:
        refs = where.get((o.text, o.page))
        if not refs:
            continue
        compared += 1
        assert min(max(abs(o.bbox[0] - r[0]), abs(o.bbox[1] - r[1])) for r in refs) < 25, (o, refs)
    assert compared >= 10


def test_the_output_carries_the_text_positions_point_into(extracted):
    result = extracted("004.pdf")
    blocks = {b.id: b for b in result.blocks}
    for m in result.dates:
        for o in m.occurrences:
            if o.position.block_id and o.position.table_id is None:
                assert blocks[o.position.block_id].text[o.position.start:o.position.end] == o.text
