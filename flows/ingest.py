"""Prefect flow `ingest_document`: hash → archive → extract → tables/records → store → JSON out.

Every step first commits its state to the intake table, then acts, so a crash at any point is
resumed by `continue_document` without losing or duplicating work. Retries only where they can
help: the database (transient), OCR/extraction internals (once); never a corrupt file."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import flows.prefect_env  # noqa: F401  (must precede the prefect import)
from prefect import flow, task

from extract.errors import ExtractionError
from pipeline import extract_file, extractor_version
from flows.workspace import (Workspace, archive_path, duplicate_path, place, quarantine_path, safe_name,
                             sha256_file, write_json_atomic, write_sidecar)
from models import ExtractionResult, IntakeState
from stores import intake
from stores.db import Store


@lru_cache(maxsize=8)
def open_store(url: str) -> Store:
    return Store.open(url)


def _retry_unless_bad_input(task, task_run, state) -> bool:
    """A corrupt or unsupported file fails the same way every time: do not retry it."""
    try:
        state.result()
    except ExtractionError:
        return False
    except Exception:
        return True
    return False


@task(retries=1, retry_condition_fn=_retry_unless_bad_input)
def extract_task(path: str) -> ExtractionResult:
    return extract_file(Path(path))


@task(retries=3, retry_delay_seconds=2)
def store_task(url: str, result: ExtractionResult) -> int:
    return open_store(url).save_result(result)


@task(retries=2, retry_delay_seconds=1)
def archive_task(src: str, dest: str) -> str:
    return str(place(Path(src), Path(dest)))


def _outbox_path(ws: Workspace, name: str, sha256: str) -> Path:
    """outbox/<name>.json; a different document with the same name gets its hash in the name."""
    path = ws.outbox / f"{safe_name(name)}.json"
    if path.exists():
        try:
            if json.loads(path.read_text(encoding="utf-8"))["source"]["sha256"] != sha256:
                path = path.with_name(f"{path.stem}.{sha256[:12]}.json")
        except (ValueError, KeyError):
            pass
    return path


def _quarantine(ws: Workspace, store: Store, sha: str, stage: str, reason: str, message: str) -> str:
    row = intake.get(store, sha)
    q = Path(row.quarantine_path) if row.quarantine_path else quarantine_path(ws, sha, row.name)
    if row.state != IntakeState.QUARANTINING:
        intake.advance(store, sha, IntakeState.QUARANTINING, quarantine_path=str(q), stage=stage, reason=f"{reason}: {message}")
        row = intake.get(store, sha)
    src = Path(row.archive_path) if row.archive_path else None
    if src is not None and src.exists():
        place(src, q)
    write_sidecar(q, reason, row.stage or stage, row.reason or message, sha, row.name)
    if src is not None and q.exists():
        src.unlink(missing_ok=True)  # the original now lives in quarantine
    intake.advance(store, sha, IntakeState.FAILED)
    return IntakeState.FAILED


def continue_document(ws: Workspace, url: str, sha: str, inbox_file: Path | None = None) -> str:
    """Drive one file from whatever state it is in to done or failed."""
    store = open_store(url)
    row = intake.get(store, sha)
    if row.state == IntakeState.RECEIVED:
        if inbox_file is None or not inbox_file.exists():
            return row.state  # the original is still in the inbox; the next scan brings it back
        dest = archive_path(ws, sha, row.name)
        archive_task(str(inbox_file), str(dest))
        intake.advance(store, sha, IntakeState.ARCHIVED, archive_path=str(dest))
        row = intake.get(store, sha)
    original = inbox_file or ws.inbox / row.name
    if row.state != IntakeState.RECEIVED and original.exists() and row.archive_path and Path(row.archive_path).exists():
        if sha256_file(original) == sha:
            original.unlink()  # archived: the inbox copy is the same bytes
    if row.state == IntakeState.QUARANTINING:
        return _quarantine(ws, store, sha, row.stage or "extract", "extraction_failed", row.reason or "")
    if row.state == IntakeState.ARCHIVED:
        try:
            result = extract_task(row.archive_path)
        except ExtractionError as exc:
            return _quarantine(ws, store, sha, "extract", exc.reason, exc.message)
        except Exception as exc:  # an extractor bug: set the file aside rather than loop on it
            return _quarantine(ws, store, sha, "extract", "internal_error", f"{type(exc).__name__}: {exc}")
        result = result.model_copy(update={"source": result.source.model_copy(update={"path": row.name})})
        store_task(url, result)
        out = _outbox_path(ws, row.name, sha)
        write_json_atomic(out, open_store(url).outbox_json(result))
        intake.advance(store, sha, IntakeState.STORED, extractor_version=result.extractor_version, outbox_path=str(out))
        row = intake.get(store, sha)
    if row.state == IntakeState.STORED:
        out = Path(row.outbox_path) if row.outbox_path else None
        if out is None or not out.exists():
            intake.advance(store, sha, IntakeState.ARCHIVED)  # JSON lost before the rename: extract again
            return continue_document(ws, url, sha)
        intake.advance(store, sha, IntakeState.DONE)
        return IntakeState.DONE
    return row.state


@flow(name="ingest_document", log_prints=False)
def ingest_document(path: str, inbox: str, root: str | None = None, database_url: str | None = None) -> str:
    """One file from the inbox to the archive, the store and the outbox (or to quarantine)."""
    ws = Workspace.at(Path(inbox), Path(root) if root else None)
    url = database_url or ws.database_url
    src = Path(path)
    sha = sha256_file(src)
    store = open_store(url)
    row = intake.get(store, sha)
    if row is not None and row.state in intake.FINISHED:
        kept = place(src, duplicate_path(ws, sha, src.name))
        intake.record_duplicate(store, sha, src.name, str(kept))
        src.unlink()
        return "duplicate"
    intake.receive(store, sha, src.name)
    return continue_document(ws, url, sha, src)


@flow(name="resume_unfinished")
def resume_unfinished(inbox: str, root: str | None = None, database_url: str | None = None) -> dict[str, str]:
    """After a crash: finish every file that was archived but not yet done or failed."""
    ws = Workspace.at(Path(inbox), Path(root) if root else None)
    url = database_url or ws.database_url
    out = {}
    for row in intake.unfinished(open_store(url)):
        if row.state != IntakeState.RECEIVED:
            out[row.sha256] = continue_document(ws, url, row.sha256)
    return out


__all__ = ["ingest_document", "resume_unfinished", "continue_document", "extractor_version"]
