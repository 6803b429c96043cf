"""`vanthu watch INBOX`: watchdog events plus a periodic full scan as a safety net; a file is
taken once its size and mtime hold still and no process locks it."""
from __future__ import annotations

import logging
import queue
import time
from pathlib import Path

import flows.prefect_env  # noqa: F401
from prefect import flow
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from flows.ingest import ingest_document, resume_unfinished
from flows.workspace import Workspace, clean_stale_temps, is_ignored, is_stable

log = logging.getLogger("vanthu.watch")


class _Events(FileSystemEventHandler):
    def __init__(self, q: queue.Queue):
        self.q = q

    def on_created(self, event):
        if not event.is_directory:
            self.q.put(Path(event.src_path))

    def on_modified(self, event):
        self.on_created(event)

    def on_moved(self, event):
        if not event.is_directory:
            self.q.put(Path(event.dest_path))


@flow(name="watch_inbox")
def watch_inbox(inbox: str, root: str | None = None, database_url: str | None = None,
                settle_seconds: float = 1.0, scan_seconds: float = 10.0,
                exit_when_idle: bool = False, max_seconds: float | None = None) -> dict[str, int]:
    ws = Workspace.at(Path(inbox), Path(root) if root else None)
    url = database_url or ws.database_url
    clean_stale_temps(ws)
    resume_unfinished(str(ws.inbox), str(ws.root), url)
    events: queue.Queue = queue.Queue()
    observer = Observer()
    observer.schedule(_Events(events), str(ws.inbox), recursive=False)
    observer.start()
    seen: dict[Path, tuple[int, float] | None] = {}
    tally: dict[str, int] = {}
    started = last_scan = time.monotonic()
    print(f"watching {ws.inbox}", flush=True)
    try:
        for p in ws.inbox.iterdir():
            seen.setdefault(p, None)
        while True:
            while True:
                try:
                    seen.setdefault(events.get_nowait(), None)
                except queue.Empty:
                    break
            if time.monotonic() - last_scan >= scan_seconds:
                for p in ws.inbox.iterdir():
                    seen.setdefault(p, None)
                last_scan = time.monotonic()
            for path in list(seen):
                if not path.exists() or path.is_dir() or is_ignored(path.name):
                    seen.pop(path)
                    continue
                ready, sig = is_stable(path, seen[path])
                seen[path] = sig
                if not ready:
                    continue
                seen.pop(path)
                try:
                    outcome = ingest_document(str(path), str(ws.inbox), str(ws.root), url)
                except Exception as exc:  # the watcher keeps going; the file stays for the next pass
                    log.error("ingest of %s failed: %s", path.name, exc)
                    outcome = "retry"
                tally[outcome] = tally.get(outcome, 0) + 1
                print(f"{outcome:9s} {path.name}", flush=True)
            pending = [p for p in seen if not is_ignored(p.name)]
            if exit_when_idle and not pending and events.empty():
                if not any(not is_ignored(p.name) for p in ws.inbox.iterdir() if p.is_file()):
                    break
            if max_seconds is not None and time.monotonic() - started > max_seconds:
                break
            time.sleep(settle_seconds)
    finally:
        observer.stop()
        observer.join(timeout=5)
    return tally
