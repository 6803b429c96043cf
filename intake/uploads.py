"""Uploads (the web app's, or any caller with bytes in hand): the same archive, dedupe, worker
limits, quarantine and outbox as a file dropped in the watched folder, driven by one Intake run."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from intake.ingest import take_entry
from intake.watcher import Intake
from intake.workspace import Workspace, safe_name, signature
from models import ExtractOptions, IntakeSettings, TakeOutcome, settings
from normalize.file_names import display_name
from stores import intake


@dataclass(frozen=True)
class Ingested:
    """state: 'done', 'failed' (reason: a stable code) or 'duplicate'; outbox: the JSON's path."""
    state: str
    sha256: str
    name: str
    reason: str | None = None
    message: str | None = None
    outbox: str | None = None


def open_intake(root: Path, database_url: str | None = None, cfg: IntakeSettings | None = None) -> Intake:
    """The intake uploads go through: one worker with every limit of the watcher. Enter it (`with`)
    for one upload, or keep it entered (the web server's job runner does: its worker stays warm, so
    an upload costs what a file in the watched folder costs, not a worker's start and first use)."""
    cfg = (cfg or settings().intake(workers=1)).model_copy(update={"workers": 1})
    ws = Workspace.at(root / "inbox", root)
    return Intake(ws, database_url or ws.database_url, cfg)


def ingest_bytes(data: bytes, name: str, root: Path, database_url: str | None = None,
                 cfg: IntakeSettings | None = None, options: ExtractOptions | None = None,
                 run: Intake | None = None) -> Ingested:
    """Archive `data` under `name` and run it through extraction in a worker process with every
    limit of the watcher (memory, wall time, pixels, text); the same archive, quarantine, outbox
    and reason codes as a file dropped in the inbox. run: an entered intake of open_intake() to
    use (else one is started and stopped for this upload)."""
    if run is None:
        with open_intake(root, database_url, cfg) as fresh:
            return _ingest(fresh, data, name)
    return _ingest(run, data, name)


def _ingest(run: Intake, data: bytes, name: str) -> Ingested:
    with tempfile.TemporaryDirectory(dir=run.ws.tmp, prefix=".vanthu-upload-") as tmp:
        src = Path(tmp) / safe_name(name)
        src.write_bytes(data)
        run.connect()
        taken = take_entry(run.ws, run.store, src, signature(src.lstat()), run.owner, run.cfg, run.alive, name)
        if taken.outcome == TakeOutcome.DUPLICATE:
            return Ingested("duplicate", taken.sha256, display_name(name))
        if taken.outcome != TakeOutcome.ARCHIVED:
            return Ingested("failed", taken.sha256 or "", display_name(name), taken.reason, taken.message)
        run.process_now(taken.sha256)
    row = intake.get(run.store, taken.sha256)
    reason, _, message = (row.reason or "").partition(": ")
    return Ingested(row.state, row.sha256, row.name, reason or None, message or None, row.outbox_path)


__all__ = ["Ingested", "ingest_bytes", "open_intake"]
