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
