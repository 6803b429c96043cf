"""An ingest worker: a process of its own (its own session and process group, so the watcher
can stop it with everything it started: OCR processes, Tesseract), limited in address space
(RLIMIT_AS, inherited by its children), with its scratch folder under the intake root. It
reads jobs (one JSON message each) on its connection and answers on it; it dies with the
watcher (it checks its parent twice a second), so a kill -9 of the watcher leaves nothing
running.

Workers are forked from one warm process (multiprocessing's forkserver, whose preload is
`intake.worker_preload`: the readers, recognizers and word lists loaded once), so N workers share
those pages instead of each loading its own copy. Measured with bench.intake (16 files, 2
workers, 2 cores): the watcher tree's proportional memory (PSS) went from 392 MiB with workers
started as separate interpreters to 359 MiB, and launch → the JSON of a docx already waiting from
6.32 s to 3.71 s; a worker restarted after a kill costs a fork, not a warm-up.

The watcher side is `WorkerProcess`."""
from __future__ import annotations

import contextlib
import functools
import json
import multiprocessing
import os
import shutil
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

PARENT_CHECK_SECONDS = 0.5
PRELOAD = ["intake.worker_preload"]


def dump_stacks_on_signal() -> None:
    """`kill -USR1 PID` prints where every thread of a watcher or worker is, on its stderr (the
    log): a watcher that seems stuck says where without being stopped."""
    import faulthandler
    faulthandler.register(signal.SIGUSR1, all_threads=True)


# -- the worker process ---------------------------------------------------------------------------------
def _die_with_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os.killpg(os.getpgid(0), signal.SIGKILL)  # this worker, its OCR processes, Tesseract


def _take_environment(env: dict[str, str]) -> None:
    """The watcher's environment as it is now (VANTHU_* settings, PREFECT_*): a forked worker
    inherits the forkserver's, frozen when the forkserver started (found by the test suite: a
    process whose first intake ran while a limit was lowered kept that limit for every later
    worker)."""
    from models import settings
    os.environ.clear()
    os.environ.update(env)
    settings.cache_clear()


def serve(cfg: dict, conn: Connection) -> None:
    """The worker's life: jobs in, answers out, until the watcher closes the connection."""
    os.setsid()
    os.dup2(2, 1)  # anything a library prints goes to stderr, never among the watcher's lines
    _take_environment(cfg["env"])
    parent = os.getppid()  # the forkserver, which ends when the watcher ends
    threading.Thread(target=_die_with_parent, args=(parent,), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the watcher decides when work stops
    dump_stacks_on_signal()
    from intake.workspace import Workspace, owner_id
    ws = Workspace.of_root(Path(cfg["root"]))
    scratch = ws.tmp / owner_id()
    scratch.mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = str(scratch)
    import tempfile
    tempfile.tempdir = None
    if cfg.get("max_memory"):
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (cfg["max_memory"], cfg["max_memory"]))

    def send(message: dict) -> None:
        try:
            conn.send_bytes(json.dumps(message, ensure_ascii=False).encode())
        except (BrokenPipeError, ConnectionResetError):  # the watcher is gone: so is this worker, quietly
            os._exit(0)

    from intake.worker_preload import WARM
    if cfg.get("prefect"):
        import intake.prefect_flows  # noqa: F401
    send({"ready": True, "pid": os.getpid(), "warm": WARM})
    sys.exit(_serve_jobs(cfg, ws, conn, send))


def _serve_jobs(cfg: dict, ws, conn: Connection, send) -> int:
    from intake.faults import fault_of, is_fault
    from intake.ingest import REASON_INTERNAL, REASON_MEMORY, process_document
    from models import settings
    options = settings().extract_options()
    if not settings().ocr_workers:
        # The cores are shared by the watcher's workers: each gets its part for OCR, so N workers
        # never start N × cores OCR processes (4 on 2 cores peaked at 1.54 GB against 0.75 GB for
        # `extract --store` on the same files, for 11 % more throughput).
        options.ocr_workers = max(1, (os.cpu_count() or 1) // max(1, cfg.get("workers", 1)))
    while True:
        try:
            job = json.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return 0
        sha = job["sha"]
        try:
            if cfg.get("prefect"):
                from intake.prefect_flows import ingest_document
                outcome = ingest_document(sha, str(ws.root), cfg["url"], cfg["file_mode"])
            else:
                outcome = process_document(ws, cfg["url"], sha, options, cfg["file_mode"])
            send({"sha": sha, "outcome": str(outcome)})
        except MemoryError:
            send({"sha": sha, "error": REASON_MEMORY,
                  "message": f"the worker ran out of its {cfg['max_memory'] / 2**30:.1f} GiB address space "
                             "(VANTHU_MAX_WORKER_MEMORY)"})
            return 3  # a process that hit its limit is not trusted with the next file
        except Exception as exc:
            if is_fault(exc):  # the database or the disk, not the file: the watcher pauses and hands it back
                fault, message = fault_of(exc)
                send({"sha": sha, "fault": str(fault), "message": message})
                continue
            send({"sha": sha, "error": REASON_INTERNAL, "message": f"{type(exc).__name__}: {exc}"[:2000]})
    return 0


# -- the watcher's side ----------------------------------------------------------------------------------
_STARTING = threading.Lock()  # one worker start at a time through the forkserver's socket


@contextlib.contextmanager
def _main_module_hidden():
    """multiprocessing runs the host's main script again in every new process (as __mp_main__):
    a worker needs nothing of it, a script read from stdin cannot be run again (every worker died:
    FileNotFoundError '<stdin>'), and a script without a __main__ guard would run once per worker.
    Hidden while a worker starts, so the preparation data names no main module."""
    main = sys.modules["__main__"]
    saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


@functools.cache
def _context() -> multiprocessing.context.ForkServerContext:
    """The forkserver every worker of this process is forked from (started on the first worker;
    it ends with this process)."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    _forkserver_temp_dir()
    return ctx


def warm_forkserver() -> None:
    """Start the forkserver now (its preload imports and warms the extraction stack, ~1 s), so the
    first file's worker is forked from a warm process, as every later one is (the review server's
    first upload paid it: 1.83 s against 0.9–1.2 s for the next, 004.docx)."""
    from multiprocessing import forkserver
    _context()
    with _STARTING, _main_module_hidden():
        forkserver.ensure_running()


def _forkserver_temp_dir() -> None:
    """multiprocessing keeps the forkserver's socket in a pymp-* folder of the temp dir and removes
    it at a normal exit; a watcher killed with -9 would leave it behind. It is made inside this
    process's own temp folder, which the next start removes (`clean_stale_temps`), unless that
    path would be too long for the socket: then multiprocessing's default stays."""
    import tempfile
    from multiprocessing import util

    from intake.workspace import process_temp_dir
    folder = process_temp_dir()
    if len(str(folder)) + len("/pymp-12345678/listener-12345678") >= 107:
        folder.rmdir()
        return
    default, tempfile.tempdir = tempfile.tempdir, str(folder)
    try:
        util.get_temp_dir()  # made now, in folder, and kept for this process
    finally:
        tempfile.tempdir = default
    # After multiprocessing's own finalizer (exit priority -100) has removed the pymp-* folder.
    util.Finalize(None, shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}, exitpriority=-101)


class WorkerProcess:
    """One worker as the watcher sees it: start, send a job, read its answers without blocking,
    stop it (closing its connection; SIGKILL to its whole process group when it must go now)."""

    def __init__(self, config: dict):
        config = {**config, "env": dict(os.environ)}
        ctx = _context()
        self.conn, child = ctx.Pipe(duplex=True)
        # Not a daemon: a daemonic process may not start the OCR processes it needs; the watcher
        # closes or kills every worker it started on its way out.
        self.proc = ctx.Process(target=serve, args=(config, child), name="vanthu-worker")
        # Started beside the watcher's own start: the first start waits for the forkserver's
        # warm-up (~2 s), which the watcher spends scanning and archiving the inbox.
        self._starting = threading.Thread(target=self._start, args=(child,), daemon=True)
        self._starting.start()
        self.root = Path(config["root"])
        self.ready = False
        self.job: dict | None = None
        self.started_at = 0.0

    def _start(self, child: Connection) -> None:
        with _STARTING, _main_module_hidden():
            self.proc.start()
        child.close()

    @property
    def pid(self) -> int:
        self._starting.join()
        return self.proc.pid

    @property
    def idle(self) -> bool:
        return self.ready and self.job is None and self.exited() is None

    def send(self, job: dict) -> None:
        self.job = job
        self.started_at = time.monotonic()
        try:
            self.conn.send_bytes(json.dumps(job).encode())
        except OSError:  # the worker died: poll() sees its exit and hands the job back
            pass

    def answers(self) -> list[dict]:
        out = []
        try:
            while self.conn.poll(0):
                out.append(json.loads(self.conn.recv_bytes()))
        except (EOFError, OSError):
            pass
        return out

    def exited(self) -> int | None:
        """The exit code; 255 for a worker that could not be started (the forkserver failed):
        poll() counts it as a start failure instead of waiting for it forever."""
        if self.proc.pid is None:
            return None if self._starting.is_alive() else 255
        return self.proc.exitcode

    def kill(self) -> None:
        """SIGKILL to the worker's process group: the worker, its OCR processes, Tesseract."""
        self._starting.join()
        self.conn.close()
        if self.proc.pid is None:  # never started (the forkserver failed: its error is in the log)
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            self.proc.kill()  # killed before it made its own group
        self.proc.join()
        self._cleanup()

    def close(self, wait: float = 2.0) -> None:
        self._starting.join()
        self.conn.close()
        self.proc.join(timeout=wait)
        self.kill()

    def _cleanup(self) -> None:
        from intake.workspace import HOST
        shutil.rmtree(self.root / "tmp" / f"{HOST}-{self.proc.pid}", ignore_errors=True)
