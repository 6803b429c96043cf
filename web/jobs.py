"""Uploads through the API go the way of a file dropped in the watched folder: the upload is
written whole under <root>/uploads/ and handed to the intake flow (intake/ingest.py: hash,
dedupe, archive, extract, store, outbox — or quarantine with a reason). A job row follows it;
jobs left queued or running by a stopped server are taken up again at start."""
from __future__ import annotations

import hashlib
import logging
import queue
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from intake.workspace import atomic_file, safe_name
from stores import intake
from stores.db import Store
from stores.review_schema import Job
from stores.schema import DocumentRow

log = logging.getLogger("vanthu.jobs")
CHUNK = 1 << 20


def save_upload(stream, uploads: Path, name: str) -> tuple[Path, int, str]:
    """Write the upload under a temporary name, then rename it: the intake never sees half a file."""
    dest = uploads / uuid.uuid4().hex / safe_name(name)   # a folder each: the name stays the sender's
    size = 0
    digest = hashlib.sha256()
    with atomic_file(dest) as fh:
        while chunk := stream.read(CHUNK):
            fh.write(chunk)
            digest.update(chunk)
            size += len(chunk)
    return dest, size, digest.hexdigest()


def new_job(store: Store, path: Path, name: str, sha256: str, by: str) -> str:
    job_id = str(uuid.uuid4())
    with store.sessions.begin() as s:
        s.add(Job(id=job_id, state="queued", name=name, path=str(path), sha256=sha256, created_by=by))
    return job_id


def job_dict(job: Job) -> dict:
    return {"id": job.id, "state": job.state, "name": job.name, "sha256": job.sha256,
            "document_id": job.document_id, "reason": job.reason, "message": job.message,
            "created_at": job.created_at.isoformat(), "updated_at": job.updated_at.isoformat()}


class JobRunner:
    """One worker thread: intake runs one file at a time, as the watcher does."""

    def __init__(self, store: Store, url: str, root: Path, on_done: Callable[[int], None] | None = None):
        """on_done: told each stored document's id as its job ends (the page warmer)."""
        self.store, self.url, self.root, self.on_done = store, url, root, on_done
        self.uploads = root / "uploads"
        self.todo: queue.Queue[str] = queue.Queue()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._work, name="upload-jobs", daemon=True)
        self.intake = None   # one long-lived intake (intake/uploads.open_intake), started by the first job

    def stop(self) -> None:
        """Stop the intake's worker (the server is stopping)."""
        with self.lock:
            self._drop_intake()

    def _running_intake(self):
        if self.intake is None:
            from intake.uploads import open_intake
            self.intake = open_intake(self.root, self.url).__enter__()
        return self.intake

    def start(self) -> None:
        with self.store.sessions() as s:
            for job_id in s.execute(select(Job.id).where(Job.state.in_(("queued", "running")))
                                    .order_by(Job.created_at)).scalars():
                self.todo.put(job_id)
        self.thread.start()
        threading.Thread(target=self._warm, name="forkserver-warmup", daemon=True).start()

    def _warm(self) -> None:
        """The intake's forkserver and its worker started before the first upload needs them."""
        from intake.worker import warm_forkserver
        try:
            warm_forkserver()
            with self.lock:
                self._running_intake()
        except Exception:   # the first upload starts them then, as before
            log.exception("could not start the upload intake ahead")

    def _drop_intake(self) -> None:
        if self.intake is not None:
            try:
                self.intake.shutdown()
            except Exception:
                log.exception("could not stop the upload intake's worker")
            self.intake = None

    def submit(self, job_id: str) -> None:
        self.todo.put(job_id)

    def _work(self) -> None:
        while True:
            job_id = self.todo.get()
            try:
                self.process(job_id)
            except Exception:
                log.exception("upload job %s failed", job_id)

    def process(self, job_id: str) -> dict:
        """Run one job through the intake flow now; returns the job as a dict."""
        from intake.uploads import ingest_bytes
        with self.lock:
            with self.store.sessions.begin() as s:
                job = s.get(Job, job_id)
                if job.state not in ("queued", "running"):
                    return job_dict(job)
                job.state = "running"
                path = Path(job.path)
                sha = job.sha256
            try:
                if path.exists():   # the intake archives its own copy, with the watcher's limits
                    outcome = ingest_bytes(path.read_bytes(), path.name, self.root, self.url,
                                           run=self._running_intake()).state
                    path.unlink()
                else:  # taken in before a restart: the intake's own state says how it ended
                    outcome = "done"
            except Exception as exc:
                outcome, message = "failed", f"internal_error: {type(exc).__name__}: {exc}"
                self._drop_intake()   # (a sick database or a dead worker: the next job starts afresh)
            else:
                message = None
            try:
                path.parent.rmdir()   # the job's folder, empty once the intake took the file
            except OSError:
                pass
            with self.store.sessions.begin() as s:
                job = s.get(Job, job_id)
                job.sha256 = sha
                row = intake.get(self.store, sha) if sha else None
                doc_id = s.execute(select(DocumentRow.id).where(DocumentRow.sha256 == sha)).scalar() if sha else None
                job.document_id = doc_id
                if outcome == "duplicate":
                    job.state = "duplicate"
                elif row is not None and row.state == "failed":
                    job.state = "failed"
                    reason = (row.reason or "").split(":", 1)
                    job.reason, job.message = reason[0].strip() or "extraction_failed", row.reason
                elif outcome == "failed" or row is None:
                    job.state, job.reason, job.message = "failed", "internal_error", message
                else:
                    job.state = "done"
                done = job_dict(job)
            if done["state"] == "done" and doc_id is not None and self.on_done is not None:
                self.on_done(doc_id)
            return done
