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

# Every move a file's state may make, and who makes it. The store refuses any other
# (`stores.intake.advance`), so a bug that would skip a side effect (an outbox JSON, a quarantine
# move) fails loudly at the transition instead of leaving a row that lies. A state may always be
# re-entered to update its fields.
TRANSITIONS: dict[IntakeState, frozenset[IntakeState]] = {
    # the archived copy is placed; a database or disk fault past the retries gives up
    IntakeState.RECEIVED: frozenset({IntakeState.ARCHIVED, IntakeState.QUARANTINING, IntakeState.FAILED}),
    # extracted and stored; refused by a limit; gave up; `rebuild` found its outbox JSON
    IntakeState.ARCHIVED: frozenset({IntakeState.STORED, IntakeState.QUARANTINING, IntakeState.FAILED,
                                     IntakeState.DONE}),
    # the archive tidied; the JSON lost before its rename (extract again); refused late; gave up
    IntakeState.STORED: frozenset({IntakeState.DONE, IntakeState.ARCHIVED, IntakeState.QUARANTINING,
                                   IntakeState.FAILED}),
    IntakeState.QUARANTINING: frozenset({IntakeState.FAILED}),   # the move and the reason file are done
    IntakeState.DONE: frozenset(),                               # reprocess re-enters DONE with a new version
    # a new start retries files that failed outside extraction (`retry_failed`); reprocess may recover one
    IntakeState.FAILED: frozenset({IntakeState.ARCHIVED, IntakeState.DONE}),
}


class IllegalTransition(RuntimeError):
    """A state change the transition table does not allow: a bug of the caller."""


def check_transition(old: IntakeState, new: IntakeState) -> None:
    if new != old and new not in TRANSITIONS[IntakeState(old)]:
        raise IllegalTransition(f"intake state {old} cannot become {new}")


class EntryState(StrEnum):
    """Where an inbox entry (a name in the inbox, content not yet known) stands."""
    TAKING = "taking"        # settled and being copied into the archive
    RETRYING = "retrying"    # the copy failed (a lock, a read error): tried again after a backoff
    GIVEN_UP = "given_up"    # failed retry_attempts times; a new start tries again
    SET_ASIDE = "set_aside"  # not a regular file (link, FIFO, device, hard link): moved aside unread


class TakeOutcome(StrEnum):
    """What became of one inbox entry when the watcher or an upload tried to take it."""
    ARCHIVED = "archived"      # content new (or the same entry's earlier take): in the archive
    DUPLICATE = "duplicate"    # content known: the copy is kept beside the first
    SET_ASIDE = EntryState.SET_ASIDE.value
    RETRYING = EntryState.RETRYING.value
    GIVEN_UP = EntryState.GIVEN_UP.value
    CHANGING = "changing"      # still being written: looked at again later
    BUSY = "busy"              # another watcher holds it
    GONE = "gone"              # removed before it could be taken


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
