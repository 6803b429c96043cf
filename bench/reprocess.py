"""Reprocessing benchmark: the shared corpus's Word and text-PDF files copied 20 times under new
names (a byte appended, so every copy has its own hash) are put in an archive, then
`reprocess` runs twice: a full run, and an incremental one that should find nothing to do.
Scans are left out here: their OCR time is measured by bench/ocr.py."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
COPIES = int(os.environ.get("VANTHU_BENCH_COPIES", "20"))


def _archive(root: Path) -> tuple[str, int]:
    from intake.workspace import Workspace, archive_path, place, sha256_file
    from stores import intake
    from stores.db import Store
    ws = Workspace.at(root / "inbox", root)
    url = ws.database_url
    store = Store.open(url)
    sources = sorted(SHARED.glob("*/*.docx")) + sorted(SHARED.glob("*/[0-9][0-9][0-9].pdf"))
    if not sources:
        sources = sorted((ROOT / "corpus" / "samples").glob("*.docx")) + sorted((ROOT / "corpus" / "samples").glob("*.pdf"))
    n = 0
    for k in range(COPIES):
        for src in sources:
            tmp = root / f"copy-{k:02d}-{src.name}"
            data = src.read_bytes()
            tmp.write_bytes(data + (b"\n%" if src.suffix == ".pdf" else b"") + str(k).encode())
            sha = sha256_file(tmp)
            dest = archive_path(ws, sha, tmp.name)
            place(tmp, dest)
            tmp.unlink()
            intake.receive(store, sha, tmp.name)
            intake.advance(store, sha, "done", archive_path=str(dest), extractor_version="before")
            n += 1
    return url, n


def main() -> int:
    from intake.reprocess import run_reprocess
    with tempfile.TemporaryDirectory() as tmp:
        url, n = _archive(Path(tmp))
        started = time.perf_counter()
        first = run_reprocess(url, "all", None, False, None, None, show_progress=False)
        full = time.perf_counter() - started
        started = time.perf_counter()
        second = run_reprocess(url, "all", None, False, None, None, show_progress=False)
        incremental = time.perf_counter() - started
    print(f"reprocess: {n} documents ({COPIES} copies of the corpus's .docx and .pdf), {os.cpu_count()} workers")
    print(f"  full run:        {full:7.1f} s  {n / full * 60:6.1f} documents/min  {first}")
    print(f"  incremental run: {incremental:7.1f} s  = {incremental / full * 100:.1f} % of the full run  {second}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
