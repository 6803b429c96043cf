"""What a document's first view needs, made before anyone asks (issue 18): the page images a view
shows first (page 1 and the thumbnails) and, for a DOCX, its boxes on the pages LibreOffice lays
out (1.5–3 s of LibreOffice, paid once). The server's warmer thread does it for each upload as
its job ends, and sweeps the newest documents for those the watcher took in while it ran.

Side effects only in the server's cache folder (<root>/cache), by content hash, as the routes do."""
from __future__ import annotations

import logging
import queue
import threading
from pathlib import Path

from sqlalchemy import select

from intake.workspace import write_atomic
from stores.db import Store
from stores.intake import get as intake_row
from stores.schema import DocumentRow, ExtractionRun
from web.render import PAGE_WIDTH_PX, THUMB_WIDTH_PX, RenderError, docx_located, page_source

log = logging.getLogger("vanthu.web.warm")
SWEEP_SECONDS = 30.0    # how often the newest documents are looked at
SWEEP_DOCUMENTS = 20    # how many of the newest
THUMBS_WARMED = 12      # thumbnails made ahead: the strip's first screenful


def source_path(store: Store, root: Path, doc: DocumentRow) -> Path | None:
    """The document's original: archived, quarantined, or where it was extracted from."""
    row = intake_row(store, doc.sha256)
    for candidate in ([row.archive_path, row.quarantine_path] if row else []) + [doc.path]:
        if not candidate:
            continue
        p = Path(candidate)
        for q in (p, root / p):
            if q.is_file():
                return q
    return None


def cached_page(cache: Path, sha256: str, path: Path, number: int, thumb: bool = False) -> Path:
    """A page image in the cache (PNG or WebP, web/render.py), made now if it is not there.
    Raises RenderError."""
    folder = cache / "pages" / sha256
    stem = f"{number}-thumb" if thumb else f"{number}"
    for made in (folder / f"{stem}.png", folder / f"{stem}.webp"):
        if made.exists():
            return made
    data, media = page_source(path, sha256, cache).image(number, THUMB_WIDTH_PX if thumb else PAGE_WIDTH_PX)
    out = folder / f"{stem}.{'webp' if media == 'image/webp' else 'png'}"
    write_atomic(out, data)
    return out


def warm(store: Store, root: Path, document_id: int) -> bool:
    """Make what the document's first view reads; False where there is nothing to make it from."""
    cache = root / "cache"
    with store.sessions() as s:
        doc = s.get(DocumentRow, document_id)
        if doc is None:
            return False
        path = source_path(store, root, doc)
        run = s.execute(select(ExtractionRun).where(ExtractionRun.document_id == document_id)
                        .order_by(ExtractionRun.id.desc()).limit(1)).scalar()
        result = run.result if run is not None else None
    if path is None:
        return False
    try:
        pages = len(page_source(path, doc.sha256, cache).sizes())
        for number in range(1, min(pages, THUMBS_WARMED) + 1):
            cached_page(cache, doc.sha256, path, number, thumb=True)
        if pages:
            cached_page(cache, doc.sha256, path, 1)
        if result is not None and "wordprocessingml" in doc.media_type and not result["source"].get("box_pages"):
            docx_located(result, path.read_bytes(), doc.sha256, cache)
    except (RenderError, OSError) as exc:
        log.info("pages of document %s not made ahead: %s", document_id, exc)
        return False
    return True


def warmed(root: Path, sha256: str) -> bool:
    return any((root / "cache" / "pages" / sha256 / name).exists() for name in ("1.png", "1.webp"))


class PageWarmer:
    """One daemon thread: documents handed in (an upload whose job ended), then, every
    SWEEP_SECONDS, the newest documents not yet warmed (the watcher's)."""

    def __init__(self, store: Store, root: Path, sweep_seconds: float = SWEEP_SECONDS):
        self.store, self.root, self.sweep_seconds = store, root, sweep_seconds
        self.todo: queue.Queue[int] = queue.Queue()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._work, name="page-warmer", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """With the server: no sweep outlives the app (a test's database is dropped after it)."""
        self.stopping.set()
        self.todo.put(-1)
        if self.thread.is_alive():
            self.thread.join(timeout=10)

    def submit(self, document_id: int) -> None:
        self.todo.put(document_id)

    def _work(self) -> None:
        while not self.stopping.is_set():
            try:
                document_id = self.todo.get(timeout=self.sweep_seconds)
            except queue.Empty:
                self._sweep()
                continue
            if self.stopping.is_set():
                return
            try:
                warm(self.store, self.root, document_id)
            except Exception:   # one document's trouble never stops the warmer
                log.exception("warming document %s failed", document_id)

    def _sweep(self) -> None:
        try:
            with self.store.sessions() as s:
                newest = s.execute(select(DocumentRow.id, DocumentRow.sha256).order_by(DocumentRow.id.desc())
                                   .limit(SWEEP_DOCUMENTS)).all()
        except Exception:   # a sick database: the next sweep tries again
            log.exception("page warmer could not read the newest documents")
            return
        for document_id, sha in newest:
            if not warmed(self.root, sha):
                self.todo.put(document_id)
