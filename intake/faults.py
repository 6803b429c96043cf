"""Faults of the machine (the database, the disk), not of a file: a watcher that meets one pauses
with a named state (models.IntakeFault), says so once per change (its log, stdout and its state
file, which `vanthu status` reads even when the database cannot be), waits with backoff, tries
again and resumes by itself. No file is charged a try for a fault.

The state file is written in place into space reserved when the watcher starts (a fixed 4 KiB,
padded with spaces): with the disk full, a rename or a growing file would fail, an overwrite of
blocks already held does not."""
from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os
import sqlite3
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from models import IntakeFault
from stores.db import DatabaseError, one_line

log = logging.getLogger("vanthu.watch")

STATE_BYTES = 4096          # the reserved size of a watcher's state file
BACKOFF_MAX_SECONDS = 30.0  # the longest wait between two tries while a fault lasts

# SQLite and PostgreSQL say what went wrong only in their messages (lower case, a part suffices).
_DATABASE_MESSAGES = (
    ("database or disk is full", IntakeFault.DISK_FULL),
    ("no space left on device", IntakeFault.DISK_FULL),
    ("could not extend file", IntakeFault.DISK_FULL),
    ("readonly database", IntakeFault.DATABASE_READ_ONLY),
    ("read-only transaction", IntakeFault.DATABASE_READ_ONLY),
    ("database is locked", IntakeFault.DATABASE_LOCKED),
    ("disk i/o error", IntakeFault.DISK_ERROR),
)
_OS_ERRORS = {errno.ENOSPC: IntakeFault.DISK_FULL, errno.EDQUOT: IntakeFault.DISK_FULL,
              errno.EFBIG: IntakeFault.DISK_FULL, errno.EROFS: IntakeFault.DISK_READ_ONLY}


class DatabaseReplaced(Exception):
    """The SQLite file this watcher opened was removed or replaced: what it would write now would
    reach no database anyone reads."""


class WorkerFault(Exception):
    """A worker met a fault while working on a file (it answered {"fault": code}); the file was
    handed back."""

    def __init__(self, fault: str, message: str):
        super().__init__(message)
        self.fault = IntakeFault(fault) if fault in IntakeFault.__members__.values() else IntakeFault.INTERNAL_ERROR


def fault_of(exc: BaseException) -> tuple[IntakeFault, str]:
    """(the fault, one line saying it) for an exception that reached the watcher's loop."""
    if isinstance(exc, WorkerFault):
        return exc.fault, str(exc)
    if isinstance(exc, DatabaseReplaced):
        return IntakeFault.DATABASE_REPLACED, str(exc)
    if isinstance(exc, (DBAPIError, DatabaseError, sqlite3.Error)):
        message = one_line(exc.__cause__ if isinstance(exc, DatabaseError) and exc.__cause__ else exc)
        low = message.lower()
        for part, fault in _DATABASE_MESSAGES:
            if part in low:
                return fault, message
        return IntakeFault.DATABASE_UNAVAILABLE, message
    if isinstance(exc, OSError):
        fault = _OS_ERRORS.get(exc.errno, IntakeFault.DISK_ERROR)
        where = f" ({exc.filename})" if exc.filename else ""
        return fault, f"{exc.strerror or exc}{where}"
    return IntakeFault.INTERNAL_ERROR, f"{type(exc).__name__}: {one_line(exc)}"


def is_fault(exc: BaseException) -> bool:
    """Whether an error met while working on one file is the machine's, not the file's."""
    return isinstance(exc, (DBAPIError, DatabaseError, sqlite3.Error, DatabaseReplaced)) or \
        isinstance(exc, OSError) and exc.errno in _OS_ERRORS


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


# -- the state file ----------------------------------------------------------------------------------
class StateFile:
    """root/watchers/<owner>.json: what one watcher is doing (running, paused with its fault,
    stopped), readable without the database."""

    def __init__(self, folder: Path, owner: str):
        self.path = folder / f"{owner}.json"
        self.fd: int | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            os.pwrite(self.fd, b" " * STATE_BYTES, 0)
        except OSError as exc:  # a full disk at start: the log and stdout still say it
            log.warning("no state file at %s: %s", self.path, exc.strerror or exc)
            self.close()

    def write(self, state: dict) -> None:
        if self.fd is None:
            return
        data = json.dumps(state, ensure_ascii=False).encode()
        if len(data) > STATE_BYTES:
            state = {**state, "message": (state.get("message") or "")[:200]}
            data = json.dumps(state, ensure_ascii=False).encode()[:STATE_BYTES]
        try:
            os.pwrite(self.fd, data.ljust(STATE_BYTES), 0)
        except OSError:
            pass

    def close(self, remove: bool = False) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if remove:
            self.path.unlink(missing_ok=True)


def read_states(folder: Path, alive) -> list[dict]:
    """The state of every watcher of a root that is still running (or on another host)."""
    out = []
    for p in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            state = json.loads(p.read_bytes().decode("utf-8", "replace").strip() or "{}")
        except (OSError, ValueError):
            continue
        if state and alive(state.get("owner")) is not False:
            out.append(state)
    return out


# -- the pause ---------------------------------------------------------------------------------------
@dataclass
class Pause:
    """A watcher's fault state: `hit` on each failed try (returns the wait before the next),
    `clear` once a try went through."""
    state_file: StateFile
    owner: str
    backoff_seconds: float = 0.5
    say: object = print
    fault: IntakeFault | None = None
    message: str = ""
    since: dt.datetime | None = None
    tries: int = 0
    started: dt.datetime = field(default_factory=_now)

    def __post_init__(self) -> None:
        self._write("running")

    def hit(self, exc: BaseException) -> float:
        fault, message = fault_of(exc)
        self.tries += 1
        wait = min(BACKOFF_MAX_SECONDS, self.backoff_seconds * 2 ** min(self.tries - 1, 16))
        if fault != self.fault:  # once per change: a fault that lasts an hour is one line
            if fault == IntakeFault.INTERNAL_ERROR:  # a bug: its traceback belongs in the log
                log.error("watcher: %s\n%s", message, "".join(traceback.format_exception(exc)))
            self.say(f"{'paused':9s} {fault}: {message}")
            self.fault, self.message, self.since, self.tries = fault, message, _now(), 1
        self._write("paused", next_try_at=(_now() + dt.timedelta(seconds=wait)).isoformat())
        return wait

    def clear(self) -> bool:
        """True when a fault just ended."""
        if self.fault is None:
            return False
        lasted = (_now() - self.since).total_seconds() if self.since else 0.0
        self.say(f"{'resumed':9s} after {self.fault} ({lasted:.0f} s)")
        self.fault, self.message, self.since, self.tries = None, "", None, 0
        self._write("running")
        return True

    def stopped(self) -> None:
        self._write("stopped")
        self.state_file.close(remove=True)

    def _write(self, state: str, **extra) -> None:
        self.state_file.write({
            "owner": self.owner, "pid": os.getpid(), "state": state, "started_at": self.started.isoformat(),
            "updated_at": _now().isoformat(), "fault": self.fault, "message": self.message,
            "since": self.since.isoformat() if self.since else None, "tries": self.tries, **extra})


__all__ = ["BACKOFF_MAX_SECONDS", "DatabaseReplaced", "Pause", "StateFile", "WorkerFault", "fault_of", "is_fault", "read_states"]
