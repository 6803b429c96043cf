"""`vanthu watch INBOX` and `vanthu work`: the intake supervisor.

The watcher finds inbox entries (inotify through watchdog, and a full scan every scan_seconds as
a safety net), takes a file once it is complete — size and mtime held still for settle_seconds
and no process holding it open for writing — copies it into the archive (intake/ingest.py), and
hands archived files to N worker processes (intake/worker.py), smallest first, so one big scan
never delays a small dispatch. Every claim is a lease in the database: two watchers on one inbox,
or workers on other machines sharing the archive and a PostgreSQL database, never take the same
file twice. Limits per file end in quarantine with their own reason: wall time (the watcher kills
the worker's process group), memory (RLIMIT_AS in the worker), pixels and text (in extraction).
SIGTERM and SIGINT stop it within stop_grace_seconds + a moment: the files in progress finish or
are handed back (their lease let go; the next start, here or elsewhere, takes them)."""
from __future__ import annotations

import datetime as dt
import logging
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from intake.faults import DatabaseReplaced, Pause, StateFile, WorkerFault
from intake.ingest import (
    REASON_CRASHED,
    REASON_INTERNAL,
    REASON_MEMORY,
    REASON_TIMEOUT,
    open_store,
    quarantine,
    take_entry,
)
from intake.worker import WorkerProcess
from intake.workspace import (
    Workspace,
    clean_stale_temps,
    held_for_writing,
    is_ignored,
    owner_alive,
    owner_id,
    signature,
)
from models import EntryState, IntakeFault, IntakeSettings, IntakeState, TakeOutcome, settings
from normalize.file_names import display_name, name_key
from stores import intake
from stores.db import DatabaseError, Store, sqlite_file_identity

log = logging.getLogger("vanthu.watch")
TICK = 0.05                     # seconds between looks at events, workers and settling files
DB_POLL_SECONDS = 1.0           # how often an idle watcher asks the database for others' work
CRASHES_BEFORE_QUARANTINE = 2   # a file that killed its worker this often is set aside
START_FAILURES_BEFORE_PAUSE = 3 # workers dying before "ready" this often in a row pause intake


def say(line: str) -> None:
    print(line, flush=True)


@dataclass
class Settling:
    signature: str | None
    since: float


class Intake:
    """The workers and the leases of one process. `poll()` reads answers, enforces wall time,
    restarts dead workers and renews leases; `dispatch()` gives idle workers the smallest
    unclaimed archived files."""

    def __init__(self, ws: Workspace, url: str, cfg: IntakeSettings, prefect: bool | None = None):
        self.ws, self.url, self.cfg = ws, url, cfg
        self.owner = owner_id()
        self.store: Store | None = None   # opened by connect(), again after a fault
        self.database_file: tuple[Path, int, int] | None = None
        self.last_file_check = 0.0
        self.connected_once = False   # a database never reached at start ends the watcher (a setting to fix)
        self.prefect = bool(os.environ.get("PREFECT_API_URL")) if prefect is None else prefect
        self.workers: list[WorkerProcess] = []
        self.tally: dict[str, int] = {}
        self.last_db_poll = 0.0
        self.last_renew = time.monotonic()
        self.hint = False   # a file was archived here: look for work now
        self.start_failures = 0   # workers in a row that died before they were ready

    alive = staticmethod(owner_alive)

    def __enter__(self) -> "Intake":
        clean_stale_temps(self.ws)
        for _ in range(self.cfg.workers):
            self.workers.append(self._start_worker())
        return self

    def connect(self) -> None:
        """Open the database (at start, and again after a fault: a failure raises, the watcher
        pauses and tries again) and remember which SQLite file it is."""
        self.check_database_file(every=0.0 if self.store is None else 1.0)
        if self.store is None:
            open_store.cache_clear()  # a new engine: the old one's connections may be the broken ones
            store = open_store(self.url, self.cfg.file_mode)
            intake.retry_given_up(store)
            self.database_file = self.database_file or sqlite_file_identity(store)
            self.store = store
            self.connected_once = True

    def check_database_file(self, every: float = 1.0) -> None:
        """Stop writing into a SQLite file that was deleted or replaced (SQLite would go on writing
        into the unlinked file, and every record would be lost with it)."""
        if self.database_file is None or time.monotonic() - self.last_file_check < every:
            return
        self.last_file_check = time.monotonic()
        path, dev, ino = self.database_file
        try:
            st = os.stat(path)
        except FileNotFoundError:
            st = None
        if st is None or (st.st_dev, st.st_ino) != (dev, ino):
            raise DatabaseReplaced(f"the database file {display_name(str(path))} was "
                                   f"{'removed' if st is None else 'replaced'} while the watcher ran; stopped "
                                   f"(`vanthu rebuild --root {display_name(str(self.ws.root))}` recreates it "
                                   "from the archive and the outbox)")

    def recover(self) -> None:
        """After a fault: the files this process held but no worker of it is busy with (their
        answer was lost with the fault) are handed back, without a try counted."""
        intake.release_owned(self.store, self.owner, keep={w.job["sha"] for w in self.busy})

    def __exit__(self, *exc) -> None:
        self.shutdown()

    def _start_worker(self) -> WorkerProcess:
        return WorkerProcess({"root": str(self.ws.root), "url": self.url, "max_memory": self.cfg.max_worker_memory,
                              "file_mode": self.cfg.file_mode, "prefect": self.prefect, "workers": self.cfg.workers})

    def count(self, outcome: str, name: str) -> None:
        self.tally[outcome] = self.tally.get(outcome, 0) + 1
        say(f"{outcome:9s} {display_name(name)}")

    # -- workers -----------------------------------------------------------------------------------
    @property
    def busy(self) -> list[WorkerProcess]:
        return [w for w in self.workers if w.job is not None]

    def dispatch(self) -> None:
        idle = [w for w in self.workers if w.idle]
        if not idle:
            return
        now = time.monotonic()
        if not self.hint and now - self.last_db_poll < DB_POLL_SECONDS:
            return
        self.hint, self.last_db_poll = False, now
        held = {w.job["sha"] for w in self.busy}
        for row in intake.claimable_documents(self.store, self.owner, self.alive, limit=len(idle) * 2):
            if not idle:
                break
            if row.sha256 in held:
                continue
            claimed = intake.claim_document(self.store, row.sha256, self.owner, self.cfg.lease_seconds, self.alive)
            if claimed is None:
                continue
            idle.pop(0).send({"sha": claimed.sha256, "name": claimed.name, "attempts": claimed.attempts})

    def poll(self) -> None:
        for i, w in enumerate(self.workers):
            for answer in w.answers():
                self._answer(w, answer)
            if w.job is not None and time.monotonic() - w.started_at > self.cfg.max_file_seconds:
                job = w.job
                w.kill()
                self._limit(job, REASON_TIMEOUT, f"still running after {self.cfg.max_file_seconds:g} s "
                                                 "(VANTHU_MAX_FILE_SECONDS); stopped")
                self.workers[i] = self._start_worker()
            elif w.exited() is not None:
                for answer in w.answers():
                    self._answer(w, answer)
                job, code, ready = w.job, w.exited(), w.ready
                w.kill()
                if job is not None:
                    self._crashed(job, code)
                self.start_failures = 0 if ready else self.start_failures + 1
                if self.start_failures >= START_FAILURES_BEFORE_PAUSE:
                    # restarted at once forever, they would spin: a named fault, with backoff
                    self.start_failures = 0
                    raise WorkerFault(IntakeFault.WORKER_START_FAILED,
                                      f"{START_FAILURES_BEFORE_PAUSE} workers in a row died before they were ready "
                                      f"(last exit code {code}); see the log")
                self.workers[i] = self._start_worker()
        if time.monotonic() - self.last_renew > self.cfg.lease_seconds / 3:
            intake.renew(self.store, self.owner, self.cfg.lease_seconds)
            self.last_renew = time.monotonic()

    def _answer(self, w: WorkerProcess, answer: dict) -> None:
        if answer.get("ready"):
            w.ready = True
            self.hint = True
            return
        job, w.job = w.job, None
        if job is None:
            return
        if "outcome" in answer:
            intake.release_document(self.store, job["sha"], self.owner)
            self.count(answer["outcome"], job["name"])
        elif "fault" in answer:  # the machine's fault, not the file's: handed back, no try counted
            intake.release_document(self.store, job["sha"], self.owner, uncount=True)
            raise WorkerFault(answer["fault"], answer.get("message", ""))
        elif answer.get("error") == REASON_MEMORY:
            self._limit(job, REASON_MEMORY, answer.get("message", ""))
        else:
            self._failed_run(job, answer.get("error", REASON_INTERNAL), answer.get("message", ""))
        self.hint = True

    def _limit(self, job: dict, reason: str, message: str) -> None:
        try:
            quarantine(self.ws, self.store, job["sha"], "extract", reason, message, self.cfg.file_mode)
            intake.release_document(self.store, job["sha"], self.owner)
            self.count(IntakeState.FAILED, job["name"])
        except OSError as exc:
            self._failed_run(job, reason, f"{message}; quarantine failed: {exc}")

    def _crashed(self, job: dict, code: int | None) -> None:
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        if job.get("attempts", 1) >= CRASHES_BEFORE_QUARANTINE:
            self._limit(job, REASON_CRASHED, f"the worker died ({how}) on this file {job['attempts']} times")
        else:
            intake.release_document(self.store, job["sha"], self.owner)

    def _failed_run(self, job: dict, reason: str, message: str) -> None:
        """A run that failed outside extraction (the database, the disk, a quarantine that could
        not move the file): tried again after a backoff, at most retry_attempts times; the reason
        shows in `vanthu status` meanwhile."""
        attempts = job.get("attempts", 1)
        log.error("%s: %s: %s", display_name(job["name"]), reason, message)
        row = intake.get(self.store, job["sha"])
        if attempts >= self.cfg.retry_attempts:
            intake.advance(self.store, job["sha"], IntakeState.FAILED, stage=row.stage or "intake",
                           reason=f"{reason}: gave up after {attempts} tries: {message}",
                           lease_owner=None, lease_until=None)
            self.count(IntakeState.FAILED, job["name"])
            return
        wait = self.cfg.retry_backoff_seconds * 2 ** (attempts - 1)
        intake.advance(self.store, job["sha"], row.state, reason=f"{reason}: {message} (try {attempts}; next in "
                       f"{wait:g} s)", lease_owner="backoff",
                       lease_until=intake.now() + dt.timedelta(seconds=wait))

    def process_now(self, sha: str, timeout: float | None = None) -> str:
        """Run one archived file to its end on these workers (uploads)."""
        deadline = time.monotonic() + (timeout or self.cfg.max_file_seconds + 60)
        self.hint = True
        while time.monotonic() < deadline:
            self.poll()
            self.dispatch()
            row = intake.get(self.store, sha)
            if row.state in intake.FINISHED:
                return row.state
            time.sleep(TICK)
        return intake.get(self.store, sha).state

    def hand_back(self) -> None:
        """Stop the files in progress now; their leases go, the next start takes them."""
        for w in self.busy:
            job = w.job
            w.kill()
            self._let_go(job["sha"])
            say(f"{'handed back':9s} {display_name(job['name'])}")
            w.job = None

    def shutdown(self) -> None:
        for w in self.workers:
            if w.job is not None:
                w.kill()
                self._let_go(w.job["sha"])
            else:
                w.close(wait=1.0)
        self.workers = []

    def _let_go(self, sha: str) -> None:
        """Release a lease on the way out; with the database gone, the lease ends with this process
        anyway (a dead owner on this host frees it at once)."""
        try:
            if self.store is not None:
                intake.release_document(self.store, sha, self.owner)
        except Exception as exc:
            log.warning("could not release %s: %s", sha[:12], exc)


# -- the watcher ------------------------------------------------------------------------------------
class _Stop:
    """SIGTERM and SIGINT set the flag (a second signal hands the files in progress back at once)."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.signals = 0
        self.previous = {}

    def __enter__(self) -> "_Stop":
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self.previous[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, _frame) -> None:
        self.signals += 1
        self.event.set()

    def __exit__(self, *exc) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)


def _observer(inbox: Path, events: queue.Queue):
    """inotify through watchdog; None where it cannot watch (the periodic scan still finds files)."""
    try:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
    except ImportError:
        return None

    class Events(FileSystemEventHandler):
        def on_any_event(self, event):
            path = getattr(event, "dest_path", "") or event.src_path
            if path:
                events.put(Path(os.fsdecode(path)))

    observer = Observer()
    try:
        observer.schedule(Events(), str(inbox), recursive=False)
        observer.start()
    except OSError as exc:
        log.warning("no inotify on %s (%s): scanning every few seconds", inbox, exc)
        return None
    return observer


def watch_inbox(inbox: str | None, root: str | None = None, database_url: str | None = None,
                settle_seconds: float | None = None, scan_seconds: float | None = None,
                exit_when_idle: bool = False, max_seconds: float | None = None,
                workers: int | None = None) -> dict[str, int]:
    """Watch `inbox` (None: only process archived files others took, `vanthu work`) until
    stopped, idle (exit_when_idle) or max_seconds; returns the count of each outcome (and
    'stopped_by' with the fault when a replaced database stopped it).

    A fault of the database or the disk never ends the watcher: the step that met it is given up,
    the watcher pauses (intake/faults.py: backoff, its state in watchers/<owner>.json for
    `vanthu status`), and the next try resumes where the database says things stand."""
    cfg = settings().intake(settle_seconds=settle_seconds, scan_seconds=scan_seconds, workers=workers)
    if inbox is not None:
        ws = Workspace.at(Path(inbox), Path(root) if root else None)
    else:
        ws = Workspace.of_root(Path(root or "."))
    url = database_url or ws.database_url
    events: queue.Queue = queue.Queue()
    started = time.monotonic()
    with _Stop() as stop, Intake(ws, url, cfg) as run:
        pause = Pause(StateFile(ws.watchers, run.owner), run.owner, cfg.retry_backoff_seconds / 4, say)
        observer = _observer(ws.inbox, events) if inbox is not None else None
        watch = _Watch(ws, inbox is not None, settling={})
        say(f"watching {display_name(str(ws.inbox))}" if inbox is not None else f"working on {display_name(str(ws.root))}")
        try:
            while not stop.event.is_set():
                try:
                    run.connect()
                    idle = watch.step(run, cfg, events, stop, observer is None)
                    if pause.clear():
                        run.recover()
                except Exception as exc:  # a fault of the machine (or a bug): pause, never exit
                    if isinstance(exc, DatabaseError) and not run.connected_once:
                        raise   # a database never reached is a setting to fix: one line, rc 2
                    wait = pause.hit(exc)
                    if pause.fault == IntakeFault.DATABASE_REPLACED:
                        run.tally["stopped_by"] = pause.fault
                        break
                    run.store = None if pause.fault in RECONNECT_AFTER else run.store
                    stop.event.wait(wait)
                    continue
                if exit_when_idle and idle:
                    break
                if max_seconds is not None and time.monotonic() - started > max_seconds:
                    break
                stop.event.wait(TICK)
            if stop.event.is_set():
                say(f"stopping: {len(run.busy)} file(s) in progress get {cfg.stop_grace_seconds:g} s to finish")
                deadline = time.monotonic() + cfg.stop_grace_seconds
                while run.busy and time.monotonic() < deadline and stop.signals < 2:
                    try:
                        run.poll()
                    except Exception as exc:  # a fault now: what is left is handed back below
                        pause.hit(exc)
                        break
                    time.sleep(TICK)
            if stop.event.is_set() or "stopped_by" in run.tally:
                run.hand_back()
        finally:
            pause.stopped()
            if observer is not None:
                observer.stop()
                observer.join(timeout=2)
    return run.tally


# A fault after which the database is opened anew (a reopened SQLite file, a new pool).
RECONNECT_AFTER = (IntakeFault.DATABASE_UNAVAILABLE, IntakeFault.DATABASE_READ_ONLY, IntakeFault.DISK_ERROR)


@dataclass
class _Watch:
    """One pass of the watcher: new inbox entries noticed, settled ones taken, workers polled
    and given work. Returns whether everything is idle."""
    ws: Workspace
    watching: bool
    settling: dict[Path, Settling]
    last_scan: float = 0.0

    def step(self, run: Intake, cfg: IntakeSettings, events: queue.Queue, stop, no_inotify: bool) -> bool:
        if self.watching:
            now = time.monotonic()
            if now - self.last_scan >= cfg.scan_seconds or no_inotify and now - self.last_scan >= min(cfg.scan_seconds, 2.0):
                for p in _list(self.ws.inbox):
                    self.settling.setdefault(p, Settling(None, 0.0))
                self.last_scan = now
            while True:
                try:
                    p = events.get_nowait()
                except queue.Empty:
                    break
                if p.parent == self.ws.inbox:
                    self.settling.setdefault(p, Settling(None, 0.0))
            _take_ready(run, self.ws, self.settling, cfg, stop)
        run.poll()
        run.dispatch()
        return _idle(run, self.ws, self.settling, self.watching)


def _list(folder: Path) -> list[Path]:
    try:
        return [folder / name for name in os.listdir(folder)]
    except OSError:
        return []


def _take_ready(run: Intake, ws: Workspace, settling: dict[Path, Settling], cfg: IntakeSettings, stop) -> None:
    """Files whose size and mtime held still for settle_seconds and that nobody holds open for
    writing are copied into the archive; the rest wait."""
    now = time.monotonic()
    ready = []
    for path, seen in list(settling.items()):
        if is_ignored(path.name):
            settling.pop(path)
            continue
        try:
            sig = signature(os.lstat(path))
        except FileNotFoundError:
            settling.pop(path)
            intake.drop_entry(run.store, name_key(path))
            continue
        except OSError:
            sig = None
        if sig != seen.signature:
            settling[path] = Settling(sig, now)
        elif now - seen.since >= cfg.settle_seconds:
            ready.append((path, sig))
    if not ready:
        return
    held = held_for_writing([p for p, _ in ready])
    for path, sig in ready:
        if stop.event.is_set():
            return
        if path in held:
            settling[path] = Settling(sig, now)  # settle again once the writer lets go
            continue
        taken = take_entry(ws, run.store, path, sig, run.owner, cfg, run.alive)
        if taken.outcome == TakeOutcome.CHANGING:
            settling[path] = Settling(None, now)
            continue
        settling.pop(path, None)
        if taken.outcome == TakeOutcome.ARCHIVED:
            run.hint = True
        elif taken.outcome in (TakeOutcome.DUPLICATE, TakeOutcome.SET_ASIDE, TakeOutcome.RETRYING,
                               TakeOutcome.GIVEN_UP):
            detail = f" [{taken.reason}] {taken.message}" if taken.reason else ""
            run.count(taken.outcome, path.name + detail if detail else path.name)
        if taken.outcome == TakeOutcome.RETRYING:
            settling[path] = Settling(sig, now)  # looked at again; claim_entry waits for the backoff


def _idle(run: Intake, ws: Workspace, settling: dict[Path, Settling], watching: bool) -> bool:
    """Nothing in progress anywhere (every archived file done or failed), and every inbox entry
    left is one the watcher gave up on or set aside (it shows in `vanthu status`)."""
    if run.busy or any(not w.ready for w in run.workers if w.exited() is None):
        return False
    if intake.in_progress(run.store):  # here, on another watcher, or waiting for a retry
        return False
    if not watching:
        return True
    for path in _list(ws.inbox):
        if is_ignored(path.name):
            continue
        row = intake.entry(run.store, name_key(path))
        if row is None or row.state not in (EntryState.GIVEN_UP, EntryState.SET_ASIDE):
            return False
        try:
            if row.signature != signature(os.lstat(path)):
                return False
        except OSError:
            continue
    return True


__all__ = ["Intake", "watch_inbox"]
