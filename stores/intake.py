"""Durable intake state: each transition is committed before the next side effect, so a
restart after a crash knows exactly where every file stood."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from models.intake import FINISHED, UNFINISHED, IntakeState
from stores.db import Store
from stores.schema import IntakeDuplicate, IntakeFile

__all__ = ["FINISHED", "UNFINISHED", "IntakeState", "advance", "archived_documents", "get", "receive",
           "record_duplicate", "status", "unfinished"]


def get(store: Store, sha256: str) -> IntakeFile | None:
    with store.sessions() as s:
        return s.execute(select(IntakeFile).where(IntakeFile.sha256 == sha256)).scalar_one_or_none()


def receive(store: Store, sha256: str, name: str) -> IntakeFile:
    """The row for this content, created in state 'received' if it is new."""
    with store.sessions.begin() as s:
        row = s.execute(select(IntakeFile).where(IntakeFile.sha256 == sha256)).scalar_one_or_none()
        if row is None:
            row = IntakeFile(sha256=sha256, name=name, state=IntakeState.RECEIVED)
            s.add(row)
            s.flush()
        return row


def advance(store: Store, sha256: str, state: IntakeState, **fields) -> None:
    with store.sessions.begin() as s:
        row = s.execute(select(IntakeFile).where(IntakeFile.sha256 == sha256)).scalar_one()
        row.state = state
        for k, v in fields.items():
            setattr(row, k, v)
        if state == IntakeState.FAILED:
            from stores.review import enqueue_event
            enqueue_event(s, "document.failed", {"sha256": sha256, "name": row.name, "stage": row.stage,
                                                 "reason": row.reason, "quarantine": row.quarantine_path})


def record_duplicate(store: Store, sha256: str, name: str, kept_path: str) -> None:
    with store.sessions.begin() as s:
        s.add(IntakeDuplicate(sha256=sha256, name=name, kept_path=kept_path))


def unfinished(store: Store) -> list[IntakeFile]:
    with store.sessions() as s:
        return list(s.execute(select(IntakeFile).where(IntakeFile.state.in_(UNFINISHED))
                              .order_by(IntakeFile.id)).scalars())


def archived_documents(store: Store, since: dt.datetime | None = None) -> list[IntakeFile]:
    """Files whose original sits in the archive (extracted at least once)."""
    with store.sessions() as s:
        q = select(IntakeFile).where(IntakeFile.state == IntakeState.DONE)
        if since is not None:
            q = q.where(IntakeFile.received_at >= since)
        return list(s.execute(q.order_by(IntakeFile.id)).scalars())


def status(store: Store, last_failures: int = 10) -> dict:
    with store.sessions() as s:
        counts = dict(s.execute(select(IntakeFile.state, func.count()).group_by(IntakeFile.state)).all())
        counts["duplicate"] = s.scalar(select(func.count()).select_from(IntakeDuplicate)) or 0
        failures = list(s.execute(select(IntakeFile).where(IntakeFile.state == IntakeState.FAILED)
                                  .order_by(IntakeFile.updated_at.desc()).limit(last_failures)).scalars())
    return {"counts": counts, "failures": [
        {"name": f.name, "stage": f.stage, "reason": f.reason, "at": f.updated_at.isoformat(),
         "quarantine": f.quarantine_path} for f in failures]}
