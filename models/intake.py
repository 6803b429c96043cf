"""Where one received file stands in the intake."""
from __future__ import annotations

from enum import StrEnum


class IntakeState(StrEnum):
    RECEIVED = "received"          # hashed and recorded; the original is still in the inbox
    ARCHIVED = "archived"          # the original sits in archive/
    STORED = "stored"              # results in the database and the outbox JSON written
    QUARANTINING = "quarantining"  # decided to fail; the move to quarantine/ may be under way
    DONE = "done"
    FAILED = "failed"


UNFINISHED = (IntakeState.RECEIVED, IntakeState.ARCHIVED, IntakeState.STORED, IntakeState.QUARANTINING)
FINISHED = (IntakeState.DONE, IntakeState.FAILED)


class IntakeFault(StrEnum):
    """Why intake is paused: faults of the machine, not of a file. No file is charged a try for
    them; the watcher waits (backoff), retries and resumes by itself when the fault clears."""
    DATABASE_UNAVAILABLE = "database_unavailable"  # no connection: server stopped, network, file gone
    DATABASE_READ_ONLY = "database_read_only"      # the database or its folder refuses writes
    DATABASE_LOCKED = "database_locked"            # another process holds the write lock too long
    DATABASE_REPLACED = "database_replaced"        # the SQLite file was removed or replaced under us: stop
    DISK_FULL = "disk_full"
    DISK_READ_ONLY = "disk_read_only"
    DISK_ERROR = "disk_error"                      # I/O errors of the file system
    WORKER_START_FAILED = "worker_start_failed"    # workers die before they are ready (a broken install)
    INTERNAL_ERROR = "internal_error"              # a bug of the watcher itself: logged with its traceback
