"""Latency from dropping a 2-page scanned dispatch into a running watcher's inbox to its JSON
appearing in the outbox. The file is copied in under a .part name and renamed, as a scanner
or file share client would."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def two_page_scan() -> bytes:
    from pypdf import PdfReader, PdfWriter
    shared = ROOT.parent / "shared" / "corpus" / "004" / "004.scan-office.pdf"
    if shared.exists():
        reader = PdfReader(shared)
        writer = PdfWriter()
        for page in reader.pages[:2]:
            writer.add_page(page)
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue()
    from PIL import Image
    with Image.open(ROOT / "corpus" / "samples" / "004.scan-office.tiff") as img:
        frames = []
        for i in range(2):
            img.seek(i)
            frames.append(img.convert("L"))
    buf = io.BytesIO()
    frames[0].save(buf, "PDF", save_all=True, append_images=frames[1:], resolution=200)
    return buf.getvalue()


def main() -> int:
    data = two_page_scan()
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        proc = subprocess.Popen([str(Path(sys.executable).with_name("vanthu")), "watch", str(inbox),
                                 "--settle", "0.25", "--scan", "5"], stdout=subprocess.PIPE, text=True)
        try:
            assert proc.stdout.readline().startswith("watching")
            time.sleep(1.0)
            part = inbox / "công văn 2 trang.pdf.part"
            part.write_bytes(data)
            started = time.perf_counter()
            os.replace(part, inbox / "công văn 2 trang.pdf")
            out = Path(tmp) / "outbox" / "công văn 2 trang.pdf.json"
            while not out.exists():
                time.sleep(0.05)
                if time.perf_counter() - started > 300:
                    raise TimeoutError("no JSON after 300 s")
            took = time.perf_counter() - started
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"latency, 2-page scanned dispatch dropped into a running watcher → outbox JSON: {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
