"""Seconds per page for vanthu's DOCX and PDF extraction against a baseline measured in the same
process: pdfplumber's extract_text alone on the same PDF. Prints ratios, not absolute verdicts."""
from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import pdfplumber

from pipeline import extract_bytes

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"


def _best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def baseline_pdf(data_path: Path) -> None:
    with pdfplumber.open(data_path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def main(argv: list[str]) -> int:
    repeat = int(argv[0]) if argv else 3
    extract_bytes((SAMPLES / "004.docx").read_bytes(), "warmup")  # loads the gazetteers and word lists once
    print(f"{'input':12s} {'pages':>5s} {'vanthu s/page':>14s} {'baseline s/page':>16s} {'ratio':>6s}  peak MiB")
    for doc_id in ("000", "004"):
        pdf_path = SAMPLES / f"{doc_id}.pdf"
        with pdfplumber.open(pdf_path) as pdf:
            pages = len(pdf.pages)
        base = _best_of(lambda: baseline_pdf(pdf_path), repeat) / pages
        for ext in ("pdf", "docx"):
            data = (SAMPLES / f"{doc_id}.{ext}").read_bytes()
            took = _best_of(lambda: extract_bytes(data, ext), repeat) / pages
            tracemalloc.start()
            extract_bytes(data, ext)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            print(f"{doc_id}.{ext:8s} {pages:5d} {took:14.4f} {base:16.4f} {took / base:6.2f}  {peak:8.1f}")
    print("baseline: pdfplumber page.extract_text() on the PDF of the same document; DOCX pages are the "
          "PDF rendering's page count; best of", repeat)
    from bench.graph import main as graph_main
    from bench.intake import main as intake_main
    from bench.latency import main as latency_main
    from bench.ocr import main as ocr_main
    from bench.ratios import main as ratios_main
    from bench.reprocess import main as reprocess_main
    from bench.web import main as web_main
    ratios_main([])
    ocr_main()
    reprocess_main()
    latency_main()
    web_main()
    graph_main()
    intake_main([])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
