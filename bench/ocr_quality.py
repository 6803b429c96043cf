"""OCR quality: character error rate of each scan's OCR text against the text layer of the same
document's .pdf, page by page (Levenshtein distance / reference length, whitespace collapsed).
usage: python -m bench.ocr_quality SCAN [SCAN …]   (the .pdf is found beside the scan)"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from extract import extract_document
from models import Document


def page_texts(doc: Document) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for b in doc.blocks:
        out.setdefault(b.provenance.page or 0, []).append(b.text)
    for t in doc.tables:
        for c in t.cells:
            out.setdefault(c.page or t.provenance.page or 0, []).append(c.text)
    return {p: re.sub(r"\s+", " ", " ".join(v)).strip() for p, v in out.items()}


def cer(scan: Path) -> tuple[float, int]:
    ref_path = scan.with_name(scan.name.split(".")[0] + ".pdf")
    ref = page_texts(extract_document(ref_path.read_bytes()))
    hyp = page_texts(extract_document(scan.read_bytes()))
    errors = total = 0
    for page, text in ref.items():
        errors += Levenshtein.distance(text, hyp.get(page, ""))
        total += len(text)
    return errors / max(1, total), total


def main(argv: list[str]) -> int:
    for name in argv:
        rate, n = cer(Path(name))
        print(f"{Path(name).name:28s} CER {rate * 100:5.2f} %  ({n} reference characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
