"""OCR benchmark: raw `tesseract` CLI on the same pages at the same resolution (both cores busy,
one page per core) against vanthu's OCR path (render, deskew, table detection, OCR, layout,
NER, records), and the peak memory of that path for the whole scan."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCAN = ROOT.parent / "shared" / "corpus" / "000" / "000.scan-office.pdf"


def _render_pages(pdf: Path, out: Path) -> list[Path]:
    import pypdfium2 as pdfium
    from extract.ocr import choose_dpi, native_dpi
    doc = pdfium.PdfDocument(str(pdf))
    paths = []
    for i in range(len(doc)):
        page = doc[i]
        dpi = choose_dpi(native_dpi(page))
        p = out / f"p{i:03d}.png"
        page.render(scale=dpi / 72, grayscale=True).to_pil().save(p, dpi=(dpi, dpi))
        paths.append(p)
    return paths


def tesseract_cli(pages: list[Path], workers: int) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda p: subprocess.run(["tesseract", str(p), "-", "-l", "vie+eng"], env=env,
                                               capture_output=True, check=True), pages))
    return time.perf_counter() - started


def vanthu_ocr(pdf: Path) -> tuple[float, float]:
    """Seconds and peak resident MiB of `vanthu extract` on the scan (the OCR workers included)."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([str(Path(sys.executable).with_name("vanthu")), "extract", str(pdf), "-o", out, "-q"],
                       check=True)
    took = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return took, peak_kib / 1024


def main() -> int:
    pdf = SHARED_SCAN if SHARED_SCAN.exists() else None
    if pdf is None:
        print("ocr bench: ../shared/corpus/000/000.scan-office.pdf not found; skipped")
        return 0
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        pages = _render_pages(pdf, Path(tmp))
        raw = tesseract_cli(pages, workers)
    took, peak = vanthu_ocr(pdf)
    n = len(pages)
    print(f"OCR {pdf.name}: {n} pages, {workers} workers")
    print(f"  tesseract CLI (same pages, same dpi): {raw:7.1f} s  {raw / n:5.2f} s/page")
    print(f"  vanthu OCR path (whole extraction):   {took:7.1f} s  {took / n:5.2f} s/page")
    print(f"  ratio vanthu / tesseract: {took / raw:.2f}   peak memory of any vanthu process: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
