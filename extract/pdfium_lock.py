"""One lock for every PDFium call in a process.

PDFium is not thread-safe, not even across different documents (pypdfium2's documentation,
"Incompatibility with Threading": concurrent calls crash or corrupt the process). The review app
renders page images in its request threads and in its page warmer at once: CI (stop 30) died of
a segmentation fault in `PdfDocument.get_page` while another thread opened a document, and six
threads rendering 000.pdf's pages crashed the process three times in three runs
(tests/test_web_render_threads.py). Processes need no lock: each has its own PDFium, so OCR's
worker processes still render in parallel. Reentrant, so a caller holding it may call a function
that takes it again."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.RLock()


def _fresh_lock_in_child() -> None:
    # A process forked while another thread held the lock would wait for it forever.
    global _lock
    _lock = threading.RLock()


os.register_at_fork(after_in_child=_fresh_lock_in_child)


@contextmanager
def pdfium_calls() -> Iterator[None]:
    """Hold PDFium for this thread: open, read, render and close inside one `with`."""
    with _lock:
        yield


def grayscale_image(page, scale: float):
    """The page rendered in grey as a PIL image that owns its pixels. `to_pil` shares PDFium's
    bitmap memory, and the bitmap's finalizer would free it (a PDFium call) in whichever thread
    collects it, outside the lock: the pixels are copied out and the bitmap closed here."""
    with pdfium_calls():
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            return bitmap.to_pil().copy()
        finally:
            bitmap.close()
