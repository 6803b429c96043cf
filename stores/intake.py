"""Durable intake state: each transition is committed before the next side effect, so a
restart after a crash knows exactly where every file stood. Work is shared through leases: a
file (intake_files) or an inbox entry (intake_entries) is worked on only by the process that
holds its lease; a lease lapses when its holder stops renewing it, or at once when the holder
was a process of this host that is gone."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import PurePath

from sqlalchemy import case, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from models.intake import FINISHED, UNFINISHED, EntryState, IntakeState, check_transition
from models.review import WebhookEvent
from stores.base import utcnow as now  # noqa: F401  (the stores' one clock; the watcher reads it as intake.now)
from stores.db import Store
from stores.schema import IntakeDuplicate, IntakeEntry, IntakeFile

__all__ = ["FINISHED", "UNFINISHED", "EntryState", "IntakeState", "advance", "archived_documents", "get",
           "receive", "record_duplicate", "status", "claim_document", "release_document", "renew",
           "claimable_documents", "claim_entry", "entry_problem", "drop_entry", "entry"]
WORKABLE = (IntakeState.ARCHIVED, IntakeState.STORED, IntakeState.QUARANTINING)




def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands datetimes back naive; they were written in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


def lease_free(owner: str | None, until: dt.datetime | None, me: str, alive: Callable[[str], bool | None]) -> bool:
    """A claim can be taken when nobody holds it, it is ours, it lapsed, or its holder was a
    process of this host that is gone."""
    if owner is None or owner == me:
        return True
    if until is None or _utc(until) < now():
        return True
    return alive(owner) is False


# -- files (content known) ------------------------------------------------------------------------
def get(store: Store, sha256: str) -> IntakeFile | None:
    with store.sessions() as s:
        return s.execute(select(IntakeFile).where(IntakeFile.sha256 == sha256)).scalar_one_or_none()


def receive(store: Store, sha256: str, name: str, state: IntakeState = IntakeState.RECEIVED,
            **fields) -> tuple[IntakeFile, bool]:
    """(the row for this content, whether it is new); a new row starts in `state`."""
    try:
        with store.sessions.begin() as s:
            row = s.execute(select(IntakeFile).where(IntakeFile.sha256 == sha256)).scalar_one_or_none()
            if row is not None:
                return row, False
            row = IntakeFile(sha256=sha256, name=name, state=state, **fields)
            s.add(row)
            s.flush()
            return row, True
    except IntegrityError:  # another process received the same content at the same moment
        return get(store, sha256), False


def advance(store: Store, sha256: str, state: IntakeState, **fields) -> None:
    """Move a file to `state` (models.intake.TRANSITIONS says which moves exist) with `fields`."""
    with store.sessions.begin() as s:
        row = s.execute(select(IntakeFile).where(IntakeFile.sha256 == sha256)).scalar_one()
        check_transition(row.state, state)
        row.state = state
        for k, v in fields.items():
            setattr(row, k, v)
        if state == IntakeState.FAILED:
            from stores.review import enqueue_event
            enqueue_event(s, WebhookEvent.FAILED, {"sha256": sha256, "name": PurePath(row.name).name,
                                                   "stage": row.stage, "reason": row.reason})


def claim_document(store: Store, sha256: str, owner: str, lease_seconds: float,
                   alive: Callable[[str], bool | None]) -> IntakeFile | None:
    """Take the lease on an unfinished file (compare and swap on its holder); None when another
    live process holds it or it is finished."""
    with store.sessions.begin() as s:
        row = s.execute(select(IntakeFile).where(IntakeFile.sha256 == sha256)).scalar_one_or_none()
        if row is None or row.state in FINISHED or not lease_free(row.lease_owner, row.lease_until, owner, alive):
            return None
        held = IntakeFile.lease_owner.is_(None) if row.lease_owner is None else IntakeFile.lease_owner == row.lease_owner
        done = s.execute(update(IntakeFile).where(IntakeFile.sha256 == sha256, held)
                         .values(lease_owner=owner, lease_until=now() + dt.timedelta(seconds=lease_seconds),
                                 attempts=IntakeFile.attempts + 1)
                         .execution_options(synchronize_session=False))
        if done.rowcount != 1:
            return None
    return get(store, sha256)


def release_document(store: Store, sha256: str, owner: str, uncount: bool = False) -> None:
    """Let go of a file's lease; `uncount`: the try it was claimed for does not count (a fault of
    the machine stopped it, not the file)."""
    values = dict(lease_owner=None, lease_until=None)
    if uncount:
        values["attempts"] = case((IntakeFile.attempts > 0, IntakeFile.attempts - 1), else_=0)
    with store.sessions.begin() as s:
        s.execute(update(IntakeFile).where(IntakeFile.sha256 == sha256, IntakeFile.lease_owner == owner)
                  .values(**values).execution_options(synchronize_session=False))


def release_owned(store: Store, owner: str, keep: set[str]) -> int:
    """Let go of every file this owner holds but those in `keep` (after a fault lost their
    answers), without counting a try."""
    with store.sessions.begin() as s:
        rows = s.execute(select(IntakeFile.sha256).where(IntakeFile.lease_owner == owner)).scalars().all()
    lost = [sha for sha in rows if sha not in keep]
    for sha in lost:
        release_document(store, sha, owner, uncount=True)
    return len(lost)


def renew(store: Store, owner: str, lease_seconds: float) -> None:
    """Push out every lease this owner holds (files and inbox entries)."""
    until = now() + dt.timedelta(seconds=lease_seconds)
    with store.sessions.begin() as s:
        for table in (IntakeFile, IntakeEntry):
            s.execute(update(table).where(table.lease_owner == owner).values(lease_until=until)
                      .execution_options(synchronize_session=False))


def claimable_documents(store: Store, owner: str, alive: Callable[[str], bool | None],
                        limit: int = 50) -> list[IntakeFile]:
    """Unfinished, archived files nobody live holds: smallest first, so a dispatch never waits
    behind a big scan."""
    with store.sessions() as s:
        rows = s.execute(select(IntakeFile).where(IntakeFile.state.in_(WORKABLE))
                         .order_by(IntakeFile.size_bytes.asc().nulls_first(), IntakeFile.id)
                         .limit(limit * 4)).scalars()
        return [r for r in rows if lease_free(r.lease_owner, r.lease_until, owner, alive)][:limit]


def in_progress(store: Store) -> int:
    """Files archived and not yet done or failed: held by a worker here or elsewhere, or waiting
    for their next try."""
    with store.sessions() as s:
        return s.scalar(select(func.count()).select_from(IntakeFile).where(IntakeFile.state.in_(WORKABLE))) or 0


def record_duplicate(store: Store, sha256: str, name: str, kept_path: str) -> bool:
    """Once per kept copy: a retake of the same inbox entry after a crash finds its row. True when
    the row is new."""
    with store.sessions.begin() as s:
        if s.scalar(select(IntakeDuplicate.id).where(IntakeDuplicate.kept_path == kept_path)) is not None:
            return False
        s.add(IntakeDuplicate(sha256=sha256, name=name, kept_path=kept_path))
        return True


def archived_documents(store: Store, since: dt.datetime | None = None) -> list[IntakeFile]:
    """Files whose original sits in the archive (extracted at least once)."""
    with store.sessions() as s:
        q = select(IntakeFile).where(IntakeFile.state == IntakeState.DONE)
        if since is not None:
            q = q.where(IntakeFile.received_at >= since)
        return list(s.execute(q.order_by(IntakeFile.id)).scalars())


# -- inbox entries (content not yet known, or never: links, FIFOs) ----------------------------------
def entry(store: Store, path: str) -> IntakeEntry | None:
    with store.sessions() as s:
        return s.execute(select(IntakeEntry).where(IntakeEntry.path == path)).scalar_one_or_none()


def claim_entry(store: Store, path: str, name: str, signature: str, owner: str, lease_seconds: float,
                alive: Callable[[str], bool | None]) -> bool:
    """Take the lease on an inbox entry before copying it: of two watchers on one inbox, one
    copies it. An entry given up or set aside is taken again only once it changed (signature);
    a retrying one once its next try is due."""
    until = now() + dt.timedelta(seconds=lease_seconds)
    try:
        with store.sessions.begin() as s:
            row = s.execute(select(IntakeEntry).where(IntakeEntry.path == path)).scalar_one_or_none()
            if row is None:
                s.add(IntakeEntry(path=path, name=name, state=EntryState.TAKING, attempts=0, signature=signature,
                                  lease_owner=owner, lease_until=until))
                return True
            if not lease_free(row.lease_owner, row.lease_until, owner, alive):
                return False
            changed = row.signature != signature
            if row.state in (EntryState.GIVEN_UP, EntryState.SET_ASIDE) and not changed:
                return False
            if row.state == EntryState.RETRYING and not changed and row.next_try_at and _utc(row.next_try_at) > now():
                return False
            held = IntakeEntry.lease_owner.is_(None) if row.lease_owner is None \
                else IntakeEntry.lease_owner == row.lease_owner
            values = dict(lease_owner=owner, lease_until=until, signature=signature, name=name)
            if changed and row.state in (EntryState.GIVEN_UP, EntryState.SET_ASIDE):
                values.update(state=EntryState.TAKING, attempts=0, reason=None, message=None, next_try_at=None)
            done = s.execute(update(IntakeEntry).where(IntakeEntry.id == row.id, held).values(**values)
                             .execution_options(synchronize_session=False))
            return done.rowcount == 1
    except IntegrityError:  # another watcher inserted it first
        return False


def entry_problem(store: Store, path: str, reason: str, message: str, max_attempts: int,
                  backoff_seconds: float, set_aside: bool = False, moved_to: str | None = None) -> IntakeEntry:
    """Record why an entry could not be taken: retried after backoff · 2^(attempts-1) seconds,
    given up after max_attempts; a link or FIFO is set aside at once. The lease is let go."""
    with store.sessions.begin() as s:
        row = s.execute(select(IntakeEntry).where(IntakeEntry.path == path)).scalar_one()
        row.attempts += 1
        row.reason, row.message, row.moved_to = reason, message[:2000], moved_to
        row.lease_owner = row.lease_until = None
        if set_aside:
            row.state, row.next_try_at = EntryState.SET_ASIDE, None
        elif row.attempts >= max_attempts:
            row.state, row.next_try_at = EntryState.GIVEN_UP, None
        else:
            row.state = EntryState.RETRYING
            row.next_try_at = now() + dt.timedelta(seconds=backoff_seconds * 2 ** (row.attempts - 1))
        s.flush()
        return row


def retry_given_up(store: Store) -> int:
    """A new start is a new chance (attempts from zero): inbox entries given up on, and archived
    files given up on for a failure outside extraction (the database, a full disk: failed with
    no quarantine, their original still in the archive). Quarantined files stay failed: their
    own content was the problem."""
    with store.sessions.begin() as s:
        entries = s.execute(update(IntakeEntry).where(IntakeEntry.state == EntryState.GIVEN_UP)
                            .values(state=EntryState.RETRYING, attempts=0, next_try_at=None)
                            .execution_options(synchronize_session=False))
        files = s.execute(update(IntakeFile).where(IntakeFile.state == IntakeState.FAILED,
                                                   IntakeFile.quarantine_path.is_(None),
                                                   IntakeFile.archive_path.is_not(None))
                          .values(state=IntakeState.ARCHIVED, attempts=0, lease_owner=None, lease_until=None)
                          .execution_options(synchronize_session=False))
        return entries.rowcount + files.rowcount


def release_entry(store: Store, path: str, owner: str) -> None:
    """Let go of an entry without counting a try (it was still being written)."""
    with store.sessions.begin() as s:
        row = s.execute(select(IntakeEntry).where(IntakeEntry.path == path)).scalar_one_or_none()
        if row is None or row.lease_owner != owner:
            return
        if row.state == EntryState.TAKING and row.attempts == 0:
            s.delete(row)
        else:
            row.lease_owner = row.lease_until = None


def drop_entry(store: Store, path: str) -> None:
    """The entry was taken (archived) or is gone from the inbox: nothing left to show (what was
    set aside stays on record)."""
    with store.sessions.begin() as s:
        s.execute(delete(IntakeEntry).where(IntakeEntry.path == path, IntakeEntry.state != EntryState.SET_ASIDE))


def status(store: Store, last_failures: int = 10) -> dict:
    with store.sessions() as s:
        counts = dict(s.execute(select(IntakeFile.state, func.count()).group_by(IntakeFile.state)).all())
        counts["duplicate"] = s.scalar(select(func.count()).select_from(IntakeDuplicate)) or 0
        failures = list(s.execute(select(IntakeFile).where(IntakeFile.state == IntakeState.FAILED)
                                  .order_by(IntakeFile.updated_at.desc()).limit(last_failures)).scalars())
        working = list(s.execute(select(IntakeFile).where(IntakeFile.state.in_(WORKABLE),
                                                          or_(IntakeFile.lease_owner.is_not(None)))).scalars())
        problems = list(s.execute(select(IntakeEntry).where(IntakeEntry.state != EntryState.TAKING)
                                  .order_by(IntakeEntry.updated_at.desc())).scalars())
    for e in problems:
        counts[e.state] = counts.get(e.state, 0) + 1
    return {"counts": counts, "failures": [
        {"name": f.name, "stage": f.stage, "reason": f.reason, "at": f.updated_at.isoformat(),
         "quarantine": f.quarantine_path} for f in failures],
        "entries": [{"name": e.name, "state": e.state, "reason": e.reason, "message": e.message,
                     "attempts": e.attempts, "next_try_at": _utc(e.next_try_at).isoformat() if e.next_try_at else None,
                     "moved_to": e.moved_to, "at": e.updated_at.isoformat()} for e in problems],
        "working": [{"name": w.name, "state": w.state, "holder": w.lease_owner,
                     "until": _utc(w.lease_until).isoformat() if w.lease_until else None} for w in working]}
