"""Intake benchmarks, each against a baseline run here on the same files:

- throughput: the same batch through `vanthu watch --exit-when-idle` and through
  `vanthu extract --store` (one process, file after file), both timed from launch to exit;
- latency: a Word dispatch renamed into a running watcher's inbox → its outbox JSON, p50 and
  p95 over several drops while a 200-page scan is being read;
- start-up: launch → "watching", and launch → the outbox JSON of a docx already waiting;
- peak memory: of the watcher's whole process tree (sampled) and of the CLI.

`python -m bench.intake [copies]` (VANTHU_BENCH_INTAKE_COPIES, default 8: 8 copies of the four
sample documents = 32 files); `python -m bench.intake --office DOCX SCANS`: throughput and memory
only, on an office's load (issue 16 measured 200 Word files and 20 six-page scans)."""
from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
VANTHU = str(Path(sys.executable).with_name("vanthu"))
ENV = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}


def _batch(folder: Path, copies: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(copies):
        for name in ("000.docx", "000.pdf", "004.docx", "004.pdf"):
            data = (SAMPLES / name).read_bytes()
            path = folder / f"{k:02d}-{name}"
            path.write_bytes(data + (b"\n%" if name.endswith(".pdf") else b"") + f"{k:04d}".encode())
            out.append(path)
    return out


class TreePeak:
    """Peak memory of a process and all its descendants, sampled every 0.1 s: the sum of resident
    sizes (RSS, which counts a page shared by N processes N times) and the sum of proportional
    sizes (PSS, each shared page split among its sharers: what the tree takes from the machine)."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.peak_pss, self.running = pid, 0, 0, True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while self.running:
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
                sizes = [p.memory_full_info() for p in procs if p.is_running()]
                self.peak = max(self.peak, sum(m.rss for m in sizes))
                self.peak_pss = max(self.peak_pss, sum(m.pss for m in sizes))
            except psutil.Error:
                pass
            time.sleep(0.1)

    def stop(self) -> float:
        """Stop sampling; the peak RSS in MiB."""
        self.running = False
        self.thread.join()
        return self.peak / 2**20

    def __str__(self) -> str:
        return f"RSS {self.peak / 2**20:4.0f} MiB, PSS {self.peak_pss / 2**20:4.0f} MiB"


def _office_load(folder: Path, docx: int, scans: int) -> list[Path]:
    """The issue's load: Word dispatches with a few office scans among them (6-page scanned PDFs)."""
    folder.mkdir(parents=True, exist_ok=True)
    words = [(SAMPLES / n).read_bytes() for n in ("000.docx", "004.docx")]
    scan = _scan_pdf(6)
    out = []
    for k in range(docx):
        out.append(folder / f"{k:03d}.docx")
        out[-1].write_bytes(words[k % 2] + f"{k:04d}".encode())
    for k in range(scans):
        out.append(folder / f"{k:03d}.scan.pdf")
        out[-1].write_bytes(scan + f"\n%{k:04d}".encode())
    return out


def throughput(tmp: Path, copies: int, files: list[Path] | None = None, label: str = "") -> None:
    files = files or _batch(tmp / "batch", copies)
    label = label or f"{copies} copies of 000/004 .docx/.pdf"
    cli_out = tmp / "cli"
    t = time.perf_counter()
    proc = subprocess.Popen([VANTHU, "extract", *map(str, files), "-o", str(cli_out), "--store", "-q",
                             "--database", f"sqlite:///{tmp / 'cli.sqlite'}"], env=ENV)
    cli_peak = TreePeak(proc.pid)
    assert proc.wait() == 0
    cli = time.perf_counter() - t
    cli_peak.stop()
    inbox = tmp / "w" / "inbox"
    inbox.mkdir(parents=True)
    for f in files:
        shutil.copy(f, inbox / f.name)
    t = time.perf_counter()
    proc = subprocess.Popen([VANTHU, "watch", str(inbox), "--exit-when-idle"], env=ENV, stdout=subprocess.DEVNULL)
    peak = TreePeak(proc.pid)
    assert proc.wait() == 0
    watch = time.perf_counter() - t
    peak.stop()
    n = len(files)
    print(f"intake throughput, {n} files ({label}), {os.cpu_count()} cores, "
          f"launch to exit:")
    print(f"  vanthu extract --store (baseline): {cli:6.1f} s  {n / cli * 60:6.1f} files/min  peak {cli_peak}")
    print(f"  vanthu watch --exit-when-idle:     {watch:6.1f} s  {n / watch * 60:6.1f} files/min  peak "
          f"{peak} (watcher + workers)  = {cli / watch * 100:.0f} % of the baseline's throughput")


def _scan_pdf(pages: int) -> bytes:
    import io

    from PIL import Image
    frames = []
    with Image.open(SAMPLES / "004.scan-office.tiff") as img:
        for i in range(img.n_frames):
            img.seek(i)
            frames.append(img.convert("L"))
    pages_ = [frames[i % len(frames)] for i in range(pages)]
    buf = io.BytesIO()
    pages_[0].save(buf, "PDF", save_all=True, append_images=pages_[1:], resolution=200)
    return buf.getvalue()


def _drop(inbox: Path, name: str, data: bytes) -> None:
    part = inbox / f"{name}.part"
    part.write_bytes(data)
    os.replace(part, inbox / name)


def _wait(path: Path, limit: float = 120) -> float:
    t = time.perf_counter()
    while not path.exists():
        if time.perf_counter() - t > limit:
            raise TimeoutError(path)
        time.sleep(0.02)
    return time.perf_counter()


def latency(tmp: Path, drops: int = 8) -> None:
    docx = (SAMPLES / "004.docx").read_bytes()
    root = tmp / "lat"
    inbox = root / "inbox"
    inbox.mkdir(parents=True)
    proc = subprocess.Popen([VANTHU, "watch", str(inbox)], env=ENV, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().startswith("watching")
        time.sleep(4)  # workers warm
        quiet = []
        for i in range(3):
            t = time.perf_counter()
            _drop(inbox, f"công văn trước {i}.docx", docx + f"q{i}".encode())
            quiet.append(_wait(root / "outbox" / f"công văn trước {i}.docx.json") - t)
        _drop(inbox, "bản chụp 200 trang.pdf", _scan_pdf(200))
        time.sleep(2)  # the scan is taken and being read
        took = []
        for i in range(drops):
            t = time.perf_counter()
            _drop(inbox, f"công văn {i}.docx", docx + str(i).encode())
            took.append(_wait(root / "outbox" / f"công văn {i}.docx.json") - t)
            time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    took.sort()
    p95 = took[min(len(took) - 1, round(0.95 * (len(took) - 1)))]
    from models import settings
    print(f"docx drop → outbox latency (settle {settings().intake().settle_seconds:g} s): idle watcher p50 {statistics.median(quiet):.2f} s; "
          f"while a 200-page scan is read: p50 {statistics.median(took):.2f} s, p95 {p95:.2f} s "
          f"({drops} drops); CLI baseline for one docx (launch to exit): {_cli_one(tmp, docx):.2f} s")


def _cli_one(tmp: Path, docx: bytes) -> float:
    src = tmp / "one.docx"
    src.write_bytes(docx)
    t = time.perf_counter()
    subprocess.run([VANTHU, "extract", str(src), "-o", str(tmp / "one"), "-q"], env=ENV, check=True)
    return time.perf_counter() - t


def startup(tmp: Path, repeat: int = 3) -> None:
    docx = (SAMPLES / "004.docx").read_bytes()
    ready, first = [], []
    for i in range(repeat):
        root = tmp / f"start{i}"
        inbox = root / "inbox"
        inbox.mkdir(parents=True)
        (inbox / "chờ sẵn.docx").write_bytes(docx)
        t = time.perf_counter()
        proc = subprocess.Popen([VANTHU, "watch", str(inbox)], env=ENV, stdout=subprocess.PIPE, text=True)
        proc.stdout.readline()
        ready.append(time.perf_counter() - t)
        first.append(_wait(root / "outbox" / "chờ sẵn.docx.json") - t)
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    print(f"watcher start-up (median of {repeat}): launch → watching {statistics.median(ready):.2f} s; "
          f"launch → JSON of a docx already waiting {statistics.median(first):.2f} s")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--office"]:
        docx, scans = int(argv[1]), int(argv[2])
        with tempfile.TemporaryDirectory() as tmp:
            files = _office_load(Path(tmp) / "batch", docx, scans)
            throughput(Path(tmp), 0, files, f"{docx} .docx and {scans} six-page office scans")
        return 0
    copies = int(argv[0]) if argv else int(os.environ.get("VANTHU_BENCH_INTAKE_COPIES", "8"))
    with tempfile.TemporaryDirectory() as tmp:
        startup(Path(tmp))
        throughput(Path(tmp), copies)
        latency(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
