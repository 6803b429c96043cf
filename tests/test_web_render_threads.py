"""PDFium from many threads at once: the review app renders page images in its request threads
and in its page warmer, and a PDF upload is read while pages render. PDFium is not thread-safe
(pypdfium2's documentation); before extract/pdfium_lock.py the script below died of a
segmentation fault or an abort in three runs of three. It runs in a child process, so a crash
fails this test instead of ending the whole test run."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import sys, threading
from pathlib import Path
from extract.pdf_reader import read
from web.render import PageSource
data = Path("corpus/samples/000.pdf").read_bytes()
source = PageSource(data, "f" * 64, Path(sys.argv[1]))
pages = len(source.sizes())
errors = []

def render(k):
    try:
        for i in range(12):
            source.image(1 + (i + k) % pages, width=300)
            source.sizes()
    except Exception as exc:
        errors.append(repr(exc))

def extract():
    try:
        for _ in range(2):
            read(data)
    except Exception as exc:
        errors.append(repr(exc))

threads = [threading.Thread(target=render, args=(k,)) for k in range(5)] + [threading.Thread(target=extract)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(pages, errors)
"""


def test_pages_render_and_pdfs_read_from_many_threads_at_once(tmp_path):
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, (run.returncode, run.stderr[-2000:])
    assert run.stdout.strip() == "38 []"
