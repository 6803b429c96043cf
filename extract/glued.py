"""Syllables a text holds run together ('Ban Thường vụĐảng uỷđã chỉ đạo', 'Uỷban nhân dân'), as
some crawled pages and PDF text layers are copied without the spaces before a marked letter: cut
apart where the whole document shows the fault, each cut recorded for the analyst.

Measured over the 271 texts with gold (2026-12-06): the documents with the fault hold 0.26–4.4 %
of their words glued (5 to 172 runs of two or more marked syllables); every other document holds
at most 3 such runs and 0.12 % (a name run together by OCR, 'PhạmThị'), so a document is repaired
only from MIN_RUNS runs and MIN_SHARE of its words. A run counts when two of its syllables carry
marks: English words and names without marks ('data', 'Campuchia') split into syllables too."""
from __future__ import annotations

import re

from models import Document, OcrRepair
from normalize.vowel_marks import glued_runs, unglue

# 'số' run into the number it introduces.
_NUMBER_GLUED = re.compile(r"\b(số)(\d)", re.IGNORECASE)
MIN_RUNS = 4
MIN_SHARE = 0.002


def _marked_runs(text: str, least: int = 2) -> list[tuple[int, int, list[str]]]:
    """Glued runs with at least `least` syllables that carry marks."""
    return [r for r in glued_runs(text) if sum(1 for piece in r[2] if not piece.isascii()) >= least]


def unglue_document(doc: Document) -> Document:
    """The document with its glued syllables cut apart where the fault is the document's (see the
    module's note); else the document as it is."""
    texts = [b.text for b in doc.blocks] + [c.text for t in doc.tables for c in t.cells]
    runs = sum(len(_marked_runs(t)) for t in texts)
    words = sum(len(t.split()) for t in texts)
    if runs < MIN_RUNS or runs < MIN_SHARE * words:
        return doc
    repairs: list[OcrRepair] = []

    def fixed(text: str, page: int | None) -> str:
        found = _marked_runs(text, least=1)   # (in a document with the fault, 'Uỷban' too)
        repairs.extend(OcrRepair(page=page or 1, original=text[a:b], repaired=" ".join(pieces), rule="word_split")
                       for a, b, pieces in found)
        text = unglue(text, found)
        for m in reversed(list(_NUMBER_GLUED.finditer(text))):   # 'Chỉ thị số55-CT/TU'
            repairs.append(OcrRepair(page=page or 1, original=m.group(0), repaired=f"{m.group(1)} {m.group(2)}",
                                     rule="word_split"))
            text = f"{text[:m.start()]}{m.group(1)} {m.group(2)}{text[m.end():]}"
        return text

    blocks = [b.model_copy(update={"text": fixed(b.text, b.provenance.page)}) for b in doc.blocks]
    tables = [t.model_copy(update={"cells": [c.model_copy(update={"text": fixed(c.text, c.page or t.provenance.page)})
                                             for c in t.cells]}) for t in doc.tables]
    return doc.model_copy(update={"blocks": blocks, "tables": tables, "ocr_repairs": [*doc.ocr_repairs, *repairs]})
