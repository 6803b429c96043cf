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
from normalize.vowel_marks import GRAMMAR_SYLLABLES, glued_runs

# 'số' run into the number it introduces.
_NUMBER_GLUED = re.compile(r"\b(số)(\d)", re.IGNORECASE)
MIN_RUNS = 4
MIN_SHARE = 0.002
# A run that holds a word of grammar (vowel_marks.GRAMMAR_SYLLABLES) is the fault's signature.
MIN_GRAMMAR_RUNS = 2


def _marked(pieces: list[str]) -> int:
    """How many of a run's syllables carry marks."""
    return sum(1 for piece in pieces if not piece.isascii())


def unglue_document(doc: Document) -> Document:
    """The document with its glued syllables cut apart where the fault is the document's (see the
    module's note); else the document as it is."""
    texts = [b.text for b in doc.blocks] + [c.text for t in doc.tables for c in t.cells]
    runs = {t: [r for r in glued_runs(t) if _marked(r[2])] for t in set(texts)}   # (each text read once)
    found = [r for t in texts for r in runs[t] if _marked(r[2]) >= 2]
    words = sum(len(t.split()) for t in texts)
    grammar = sum(1 for r in found if any(p.lower() in GRAMMAR_SYLLABLES for p in r[2]))
    if len(found) < MIN_RUNS or len(found) < MIN_SHARE * words or grammar < MIN_GRAMMAR_RUNS:
        return doc
    repairs: list[OcrRepair] = []

    def fixed(text: str, words: list, page: int | None) -> dict:
        """The text cut apart, and its words' offsets moved by the spaces put in before them."""
        cuts = [(a, b, " ".join(pieces) + (" " if pieces[-1].lower() == "số" and text[b:b + 1].isdigit() else ""))
                for a, b, pieces in runs[text]]   # ('Uỷban' too; 'thịsố55' → 'thị số 55')
        cuts += [(m.start(), m.end(), f"{m.group(1)} {m.group(2)}") for m in _NUMBER_GLUED.finditer(text)
                 if not any(a <= m.start() < b for a, b, _ in cuts)]                       # 'Chỉ thị số55-CT/TU'
        cuts.sort()
        repairs.extend(OcrRepair(page=page or 1, original=text[a:b], repaired=new, rule="word_split")
                       for a, b, new in cuts)
        out, last = [], 0
        for a, b, new in cuts:
            out += [text[last:a], new]
            last = b
        out.append(text[last:])

        def moved(offset: int) -> int:
            return offset + sum(len(new) - (b - a) for a, b, new in cuts if b <= offset)
        return {"text": "".join(out), "words": [(moved(w[0]), moved(w[1]), *w[2:]) for w in words]}

    blocks = [b.model_copy(update=fixed(b.text, b.words, b.provenance.page)) for b in doc.blocks]
    tables = [t.model_copy(update={"cells": [c.model_copy(update=fixed(c.text, c.words, c.page or t.provenance.page))
                                             for c in t.cells]}) for t in doc.tables]
    return doc.model_copy(update={"blocks": blocks, "tables": tables, "ocr_repairs": [*doc.ocr_repairs, *repairs]})
