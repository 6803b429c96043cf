"""Whole-process ratios against bare peers (issue 20), the way a user meets them: `vanthu extract`
of one file against the peer that only reads it, run in alternating pairs in this one run (A B A B
…), each pair's wall-time ratio; prints the median with its spread (min–max).

Peers: pdfplumber's `extract_text` on every page of a text PDF; `pdftoppm -r 200 -gray` and the
Tesseract CLI (`-l vie+eng`, two processes, OMP_THREAD_LIMIT=1) on a scanned PDF's pages; the
Tesseract CLI on a TIFF's pages (split by Pillow, two processes). PGM, not PNG, between pdftoppm
and Tesseract: pdftoppm's PNG writer took 40 s for the six 200-dpi pages of 004's office scan
(2026-12-06), which is no cost a reader of scans must pay.

`python -m bench.ratios [pairs]` (default 3); part of `make bench`."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
SHARED = ROOT.parent / "shared" / "corpus"
PY = sys.executable
VANTHU = str(Path(sys.executable).with_name("vanthu"))
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}

_PLUMBER = ("import sys, pdfplumber\n"
            "with pdfplumber.open(sys.argv[1]) as pdf:\n"
            "    for page in pdf.pages:\n"
            "        page.extract_text()\n")
_TIFF_PAGES = ("import sys\n"
               "from PIL import Image, ImageSequence\n"
               "for i, f in enumerate(ImageSequence.Iterator(Image.open(sys.argv[1]))):\n"
               "    f.convert('L').save(f'{sys.argv[2]}/p-{i}.pgm')\n")


def _tesseract_pages(folder: Path) -> None:
    pages = sorted(folder.glob("*.pgm"))
    procs: list[subprocess.Popen] = []
    for page in pages:   # two at a time
        procs.append(subprocess.Popen(["tesseract", str(page), "-", "-l", "vie+eng"], env=ENV,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        if len(procs) == 2:
            procs.pop(0).wait()
    for p in procs:
        p.wait()


def peer_text_pdf(path: Path) -> None:
    subprocess.run([PY, "-c", _PLUMBER, str(path)], check=True, env=ENV)


def peer_scan_pdf(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", str(path), f"{tmp}/p"], check=True)
        _tesseract_pages(Path(tmp))


def peer_tiff(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([PY, "-c", _TIFF_PAGES, str(path), tmp], check=True)
        _tesseract_pages(Path(tmp))


def vanthu(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([VANTHU, "extract", str(path), "-o", tmp], check=True, env=ENV,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wall(fn, path: Path) -> float:
    started = time.perf_counter()
    fn(path)
    return time.perf_counter() - started


def paired(peer, path: Path, pairs: int) -> tuple[float, float, float, float, float]:
    """(median ratio, min, max, median vanthu s, median peer s) over alternating pairs, after one
    warm-up of each (the page cache, the cache of built tables)."""
    vanthu(path)
    peer(path)
    ours, theirs = [], []
    for _ in range(pairs):
        ours.append(_wall(vanthu, path))
        theirs.append(_wall(peer, path))
    ratios = [a / b for a, b in zip(ours, theirs)]
    return statistics.median(ratios), min(ratios), max(ratios), statistics.median(ours), statistics.median(theirs)


def cases() -> list[tuple[str, object, Path, str]]:
    scan = SHARED / "004" / "004.scan-office.pdf"
    out = [("004.pdf (6 pages)", peer_text_pdf, SAMPLES / "004.pdf", "pdfplumber extract_text"),
           ("000.pdf (38 pages)", peer_text_pdf, SAMPLES / "000.pdf", "pdfplumber extract_text")]
    if scan.exists():   # (../shared beside the checkout)
        out.append(("004 office scan", peer_scan_pdf, scan, "pdftoppm 200 dpi + tesseract, 2 processes"))
    out.append(("004 office TIFF", peer_tiff, SAMPLES / "004.scan-office.tiff", "tesseract on its pages, 2 processes"))
    return out


def main(argv: list[str] | None = None) -> int:
    pairs = int(argv[0]) if argv else 3
    missing = [tool for tool in ("tesseract", "pdftoppm") if shutil.which(tool) is None]
    print(f"{'input':20s} {'ratio':>6s} {'(min–max)':>13s} {'vanthu s':>9s} {'peer s':>7s}  peer")
    for name, peer, path, peer_name in cases():
        if missing and peer is not peer_text_pdf:
            print(f"{name:20s} skipped: {', '.join(missing)} not installed")
            continue
        ratio, low, high, ours, theirs = paired(peer, path, pairs)
        print(f"{name:20s} {ratio:6.2f} ({low:4.2f}–{high:4.2f}) {ours:9.2f} {theirs:7.2f}  {peer_name}")
    print(f"whole processes, {pairs} alternating pairs after a warm-up each; median ratio of the pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
