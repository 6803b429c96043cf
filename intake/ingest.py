"""One inbox file into the archive (`take_entry`), and one archived file through extraction to
the store and the outbox, or to quarantine (`process_document`).

Every step first commits its state to the intake table, then acts, so a crash at any point is
resumed without losing or duplicating work. Nothing here imports Prefect: the watcher starts in
under a second and runs each file in a worker process with its limits (intake/worker.py); the
Prefect flow around the same steps is in intake/prefect_flows.py."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.errors import ExtractionError, io_reason
from intake.faults import is_fault
from intake.workspace import (
    NotRegularFile,
    StillChanging,
    Workspace,
    archive_path,
    aside_path,
    duplicate_path,
    move_aside,
    place,
    quarantine_path,
    remove_if_unchanged,
    safe_name,
    settle_temp,
    take_copy,
    write_atomic,
    write_sidecar,
)
from models import ExtractionResult, ExtractOptions, IntakeSettings, IntakeState, TakeOutcome
from normalize.file_names import display_name, key_bytes, name_key
from stores import intake
from stores.db import Store


@lru_cache(maxsize=8)
def open_store(url: str, file_mode: int = 0o600) -> Store:
    return Store.open(url, file_mode=file_mode)


# Stable reason codes of the intake itself (extraction's own are in extract/errors.py).
REASON_SYMLINK = "symlink"
REASON_NOT_FILE = "not_regular_file"
REASON_HARDLINK = "hard_link"
REASON_TIMEOUT = "timeout"
REASON_MEMORY = "memory_limit"
REASON_CRASHED = "worker_crashed"
REASON_INTERNAL = "internal_error"
REASON_CHANGED = "archive_changed"


@dataclass(frozen=True)
class Taken:
    """What became of one inbox entry."""
    outcome: TakeOutcome
    sha256: str | None = None
    reason: str | None = None
    message: str | None = None


# -- inbox → archive --------------------------------------------------------------------------------
def take_entry(ws: Workspace, store: Store, path: Path, sig: str, owner: str, cfg: IntakeSettings,
               alive, name: str | None = None) -> Taken:
    """Copy one settled inbox file into the archive (copy-then-verify), record it, and only then
    remove it from the inbox. A link, FIFO, socket, device or folder is moved aside unread.
    `name`: the name to record, when it is not the file's own (uploads)."""
    name = display_name(name or path.name)
    key = name_key(path)   # the database's text for the entry: any bytes, valid UTF-8
    if not intake.claim_entry(store, key, name, sig, owner, cfg.lease_seconds, alive):
        return Taken(TakeOutcome.BUSY)
    try:
        tmp, sha, size, taken_sig = take_copy(path, ws.archive, cfg.allow_hardlinks)
    except StillChanging:
        intake.release_entry(store, key, owner)
        return Taken(TakeOutcome.CHANGING)
    except NotRegularFile as exc:
        return _set_aside(ws, store, path, name, exc.kind, cfg)
    except FileNotFoundError:
        intake.drop_entry(store, key)
        return Taken(TakeOutcome.GONE)
    except OSError as exc:
        if is_fault(exc):  # our disk is full or read-only: the watcher pauses, the entry is not charged
            intake.release_entry(store, key, owner)
            raise
        return _problem(store, key, io_reason(exc), f"{exc.strerror or exc}", cfg)
    taken_from = f"{key}\n{taken_sig}"
    # The row is RECEIVED until the archived copy is in place: a crash between the two leaves a
    # row no worker takes, and the inbox file it was copied from (CI caught the other order
    # losing a document: ARCHIVED with no archive, then the inbox file removed on the retake).
    row, new = intake.receive(store, sha, name, IntakeState.RECEIVED, size_bytes=size, taken_from=taken_from)
    try:
        if new or (not row.archive_path and _same_entry(row.taken_from, key)):
            # new content, or this entry's own earlier take cut short before its archive copy:
            # we hold the entry's lease, so nobody else is placing it now
            dest = settle_temp(tmp, archive_path(ws, sha, name))
            intake.advance(store, sha, IntakeState.ARCHIVED, archive_path=str(dest))
            outcome = TakeOutcome.ARCHIVED
        elif row.taken_from == taken_from:  # taken before a crash: this is that same file
            tmp.unlink(missing_ok=True)
            outcome = TakeOutcome.ARCHIVED
        else:
            kept = settle_temp(tmp, duplicate_path(ws, sha, name, taken_from))
            intake.record_duplicate(store, sha, name, str(kept))
            outcome = TakeOutcome.DUPLICATE
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not is_fault(exc):
            return _problem(store, key, io_reason(exc), f"{exc.strerror or exc}", cfg)
        raise  # the database or our disk: the watcher pauses; the entry's lease is ours to retake
    remove_if_unchanged(path, taken_sig)
    intake.drop_entry(store, key)
    return Taken(outcome, sha)


def original_name(name: str, taken_from: str | None) -> str | bytes:
    """The name as the file system had it (bytes where it is not UTF-8), so the output keeps the
    original beside the display name; the recorded name where the file came from elsewhere (an
    upload is copied to a temp name first)."""
    raw = os.path.basename(key_bytes((taken_from or "").partition("\n")[0]))
    return raw if raw and display_name(raw) == name else name


def _same_entry(taken_from: str | None, key: str) -> bool:
    """taken_from is "<inbox path>\n<signature>": whether it names this inbox entry."""
    return (taken_from or "").partition("\n")[0] == key


def _problem(store: Store, key: str, reason: str, message: str, cfg: IntakeSettings) -> Taken:
    row = intake.entry_problem(store, key, reason, message, cfg.retry_attempts, cfg.retry_backoff_seconds)
    return Taken(TakeOutcome(row.state), reason=reason, message=message)


def _set_aside(ws: Workspace, store: Store, path: Path, name: str, kind: str, cfg: IntakeSettings) -> Taken:
    reason = {"symlink": REASON_SYMLINK, "hard link": REASON_HARDLINK}.get(kind, REASON_NOT_FILE)
    message = f"{kind}: only regular files are read; it was moved aside unopened" if kind != "hard link" else \
        "hard link: the file has another name elsewhere; moved aside unread (VANTHU_ALLOW_HARDLINKS=1 reads them)"
    try:
        dest = move_aside(path, aside_path(ws, path.name))
        write_sidecar(dest, reason, "intake", message, None, name, cfg.file_mode)
    except OSError as exc:  # cannot move it (another file system): leave it, never open it
        message = f"{kind}: only regular files are read; left in the inbox ({exc.strerror or exc})"
        dest = None
    intake.entry_problem(store, name_key(path), reason, message, cfg.retry_attempts, cfg.retry_backoff_seconds,
                         set_aside=True, moved_to=str(dest) if dest else None)
    return Taken(TakeOutcome.SET_ASIDE, reason=reason, message=message)


# -- archive → store and outbox (in a worker process) ----------------------------------------------
def outbox_path(ws: Workspace, name: str, sha256: str) -> Path:
    """outbox/<name>.json; a different document with the same name gets its hash in the name."""
    path = ws.outbox / f"{safe_name(name)}.json"
    if path.exists():
        try:
            if json.loads(path.read_text(encoding="utf-8"))["source"]["sha256"] != sha256:
                path = path.with_name(f"{path.name[:-5]}.{sha256[:12]}.json")
        except (ValueError, KeyError, OSError):
            pass
    return path


def quarantine(ws: Workspace, store: Store, sha: str, stage: str, reason: str, message: str,
               file_mode: int = 0o600) -> str:
    """Move the archived original to quarantine/ with a reason file; the state is committed first,
    so a crash half way is finished on the next pass."""
    row = intake.get(store, sha)
    q = Path(row.quarantine_path) if row.quarantine_path else quarantine_path(ws, sha, row.name)
    if row.state != IntakeState.QUARANTINING:
        intake.advance(store, sha, IntakeState.QUARANTINING, quarantine_path=str(q), stage=stage,
                       reason=f"{reason}: {message}")
        row = intake.get(store, sha)
    src = Path(row.archive_path) if row.archive_path else None
    if src is not None and src.exists():
        try:
            os.rename(src, q)  # same file system: the original moves, nothing is copied
        except OSError:
            place(src, q)
            src.unlink(missing_ok=True)
    code, _, text = (row.reason or f"{reason}: {message}").partition(": ")
    write_sidecar(q, code, row.stage or stage, text, sha, row.name, file_mode)
    intake.advance(store, sha, IntakeState.FAILED)
    return IntakeState.FAILED


def process_document(ws: Workspace, url: str, sha: str, options: ExtractOptions | None = None,
                     file_mode: int = 0o600) -> str:
    """Drive one archived file from whatever state it is in to done or failed."""
    from pipeline import extract_bytes
    from stores.review import with_learned_rules

    store = open_store(url, file_mode)
    row = intake.get(store, sha)
    if row.state == IntakeState.QUARANTINING:
        return quarantine(ws, store, sha, row.stage or "extract", "extraction_failed", row.reason or "", file_mode)
    if row.state == IntakeState.ARCHIVED:
        data = Path(row.archive_path).read_bytes()
        try:
            result = extract_bytes(data, original_name(row.name, row.taken_from), with_learned_rules(store, options))
        except ExtractionError as exc:
            return quarantine(ws, store, sha, "extract", exc.reason, exc.message, file_mode)
        except MemoryError:
            raise
        except Exception as exc:  # an extractor bug: set the file aside rather than loop on it
            return quarantine(ws, store, sha, "extract", REASON_INTERNAL, f"{type(exc).__name__}: {exc}", file_mode)
        if result.source.sha256 != sha:  # what was processed is what was archived, or nothing
            return quarantine(ws, store, sha, "extract", REASON_CHANGED,
                              f"archived copy hashes to {result.source.sha256}", file_mode)
        finish_result(ws, store, sha, row.name, result, file_mode)
        row = intake.get(store, sha)
    if row.state == IntakeState.STORED:
        out = Path(row.outbox_path) if row.outbox_path else None
        if out is None or not out.exists():
            intake.advance(store, sha, IntakeState.ARCHIVED)  # JSON lost before the rename: extract again
            return process_document(ws, url, sha, options, file_mode)
        intake.advance(store, sha, IntakeState.DONE, lease_owner=None, lease_until=None)
        return IntakeState.DONE
    return row.state


def finish_result(ws: Workspace, store: Store, sha: str, name: str, result: ExtractionResult,
                  file_mode: int = 0o600) -> None:
    store.save_result(result)
    out = outbox_path(ws, name, sha)
    write_atomic(out, store.outbox_json(result), file_mode)
    intake.advance(store, sha, IntakeState.STORED, extractor_version=result.extractor_version, outbox_path=str(out))


__all__ = ["Taken", "open_store", "outbox_path", "process_document", "quarantine", "take_entry"]
