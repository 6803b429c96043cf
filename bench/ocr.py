"""OCR benchmark: raw `tesseract` CLI on the same pages at the same resolution (both cores busy,
one page per core) against vanthu's OCR path (render, deskew, table detection, OCR, layout,
NER, records), and the peak memory of that path for the whole scan."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCAN = ROOT.parent / "shared" / "corpus" / "000" / "000.scan-office.pdf"


def _render_pages(pdf: Path, out: Path) -> list[Path]:
    """The pages as the OCR path renders them (extract.ocr.render.PageSource), as PNG files."""
    from extract.ocr.render import PageSource
    paths = []
    with PageSource("pdf", str(pdf)) as source:
        for i in range(len(source)):
            image, dpi = source.load(i + 1)
            p = out / f"p{i:03d}.png"
            image.save(p, dpi=(dpi, dpi))
            paths.append(p)
    return paths


def tesseract_cli(pages: list[Path], workers: int) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda p: subprocess.run(["tesseract", str(p), "-", "-l", "vie+eng"], env=env,
                                               capture_output=True, check=True), pages))
    return time.perf_counter() - started


def vanthu_ocr(pdf: Path) -> tuple[float, float, float]:
    """Seconds of vanthu's whole extraction of the scan (render, deskew, tables, OCR, layout,
    NER, records) timed inside a fresh process after its imports, the seconds those imports
    took, and the peak resident MiB of that process and its OCR workers and Tesseract runs.
    A separate process, so the CLI runs above do not count in its peak."""
    probe = (
        "import json, resource, sys, time\n"
        "t = time.perf_counter()\n"
        "from pipeline import extract_bytes\n"
        "imports = time.perf_counter() - t\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "t = time.perf_counter()\n"
        "extract_bytes(data, sys.argv[1])\n"
        "took = time.perf_counter() - t\n"
        "peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
        "           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024\n"
        "print(json.dumps([took, imports, peak]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(pdf)], check=True, capture_output=True, text=True,
                         cwd=ROOT).stdout
    took, imports, peak = json.loads(out.strip().splitlines()[-1])
    return took, imports, peak


def main() -> int:
    pdf = SHARED_SCAN if SHARED_SCAN.exists() else None
    if pdf is None:
        print("ocr bench: ../shared/corpus/000/000.scan-office.pdf not found; skipped")
        return 0
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        pages = _render_pages(pdf, Path(tmp))
        raw = tesseract_cli(pages, workers)
    took, imports, peak = vanthu_ocr(pdf)
    n = len(pages)
    print(f"OCR {pdf.name}: {n} pages, {workers} workers")
    print(f"  tesseract CLI (same pages, same dpi): {raw:7.1f} s  {raw / n:5.2f} s/page")
    print(f"  vanthu OCR path (whole extraction):   {took:7.1f} s  {took / n:5.2f} s/page"
          f"  (+ {imports:.1f} s of Python imports, once per process)")
    print(f"  ratio vanthu / tesseract: {took / raw:.2f}   peak memory (vanthu process, workers, Tesseract): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
