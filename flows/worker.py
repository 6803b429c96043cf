"""An ingest worker: a process of its own (its own session and process group, so the watcher
can stop it with everything it started: OCR processes, Tesseract), limited in address space
(RLIMIT_AS, inherited by its children), with its scratch folder under the intake root. It
reads jobs (one JSON line each) on stdin and answers on its own pipe; it dies with the
watcher (it checks its parent twice a second), so a kill -9 of the watcher leaves nothing
running.

`python -m flows.worker CONFIG_JSON`; the watcher side is `WorkerProcess`."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

PARENT_CHECK_SECONDS = 0.5


# -- the worker process ---------------------------------------------------------------------------------
def _die_with_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os.killpg(os.getpgid(0), signal.SIGKILL)  # this worker, its OCR processes, Tesseract


def _warm_up(prefect: bool) -> None:
    """Load the readers, the recognizers and their word lists once, before the first file: the
    first document is then as fast as the rest (2.4 s cold → 0.3 s warm for a 13-page docx)."""
    import corpus
    from pipeline import extract_bytes
    sample = Path(corpus.__file__).parent / "samples" / "004.docx"
    if sample.exists():
        extract_bytes(sample.read_bytes(), "warm-up")
    import extract.pdf_reader  # noqa: F401
    if prefect:
        import flows.prefect_flows  # noqa: F401


def main(argv: list[str]) -> int:
    cfg = json.loads(argv[0])
    answers = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the answers
    parent = os.getppid()
    threading.Thread(target=_die_with_parent, args=(parent,), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the watcher decides when work stops
    from flows.workspace import Workspace, owner_id
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
            answers.write(json.dumps(message, ensure_ascii=False) + "\n")
            answers.flush()
        except BrokenPipeError:  # the watcher is gone: so is this worker, quietly
            os._exit(0)

    warm = True
    if os.getppid() != parent:  # killed while this process started: no warm-up for nobody
        return 0
    try:
        _warm_up(bool(cfg.get("prefect")))
    except MemoryError:
        warm = False
    if os.getppid() != parent:
        return 0
    send({"ready": True, "pid": os.getpid(), "warm": warm})
    from flows.faults import fault_of, is_fault
    from flows.ingest import REASON_INTERNAL, REASON_MEMORY, process_document
    from models import settings
    options = settings().extract_options()
    if not settings().ocr_workers:
        # The cores are shared by the watcher's workers: each gets its part for OCR, so N workers
        # never start N × cores OCR processes (4 on 2 cores peaked at 1.54 GB against 0.75 GB for
        # `extract --store` on the same files, for 11 % more throughput).
        options.ocr_workers = max(1, (os.cpu_count() or 1) // max(1, cfg.get("workers", 1)))
    for line in sys.stdin:
        job = json.loads(line)
        sha = job["sha"]
        try:
            if cfg.get("prefect"):
                from flows.prefect_flows import ingest_document
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
class WorkerProcess:
    """One worker as the watcher sees it: start, send a job, read its answers without blocking,
    stop it (closing stdin; SIGKILL to its whole process group when it must go now)."""

    def __init__(self, config: dict):
        self.proc = subprocess.Popen([sys.executable, "-m", "flows.worker", json.dumps(config)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True)
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.root = Path(config["root"])
        self.buffer = b""
        self.ready = False
        self.job: dict | None = None
        self.started_at = 0.0

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def idle(self) -> bool:
        return self.ready and self.job is None and self.proc.poll() is None

    def send(self, job: dict) -> None:
        self.job = job
        self.started_at = time.monotonic()
        self.proc.stdin.write((json.dumps(job) + "\n").encode())
        self.proc.stdin.flush()

    def answers(self) -> list[dict]:
        try:
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
        except BlockingIOError:
            return []
        if not chunk:
            return []
        self.buffer += chunk
        *lines, self.buffer = self.buffer.split(b"\n")
        return [json.loads(line) for line in lines if line.strip()]

    def exited(self) -> int | None:
        return self.proc.poll()

    def kill(self) -> None:
        """SIGKILL to the worker's process group: the worker, its OCR processes, Tesseract."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc.wait()
        self._cleanup()

    def close(self, wait: float = 2.0) -> None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            pass
        self.kill()

    def _cleanup(self) -> None:
        from flows.workspace import HOST
        shutil.rmtree(self.root / "tmp" / f"{HOST}-{self.proc.pid}", ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
