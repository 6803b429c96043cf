"""What the hostile-intake tests share: the `vanthu` command as a real process with settings for
short settle times, real scans and hostile PDFs made on the spot, the status as JSON, and the
descendants of a process (to check that nothing outlives a stopped watcher)."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.conftest import SAMPLES

VANTHU = str(Path(sys.executable).with_name("vanthu"))
# Short settle and backoff times so the suite stays quick; every one is a real setting.
FAST = {"VANTHU_SETTLE_SECONDS": "0.3", "VANTHU_SCAN_SECONDS": "1", "VANTHU_RETRY_BACKOFF_SECONDS": "0.2",
        "VANTHU_RETRY_ATTEMPTS": "2", "VANTHU_WORKERS": "2", "VANTHU_LEASE_SECONDS": "20",
        "PREFECT_API_URL": ""}


def env(**extra: str) -> dict[str, str]:
    out = {**os.environ, **FAST, **extra}
    out.pop("PREFECT_API_URL")
    return out


def vanthu(*args: str, timeout: float = 180, **kw) -> subprocess.CompletedProcess:
    kw.setdefault("env", env())
    return subprocess.run([VANTHU, *args], capture_output=True, text=True, timeout=timeout, **kw)


def start(*args: str, **kw) -> subprocess.Popen:
    kw.setdefault("env", env())
    return subprocess.Popen([VANTHU, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def status(root: Path, database: str | None = None, **kw) -> dict:
    extra = ["--database", database] if database else []
    done = vanthu("status", "--root", str(root), "--json", "--failures", "100", *extra, **kw)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def still_running(procs: list[psutil.Process]) -> list[str]:
    out = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(f"{p.pid} {' '.join(p.cmdline())[:120]}")
        except psutil.NoSuchProcess:
            pass
    return out


def wait_for(predicate, timeout: float, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def tesseract_under(pid: int) -> list[psutil.Process]:
    return [p for p in descendants(pid) if "tesseract" in p.name()]


def scan_pdf(pages: int = 6) -> bytes:
    """A real office scan (the sample TIFF's pages at 200 dpi) as an image-only PDF."""
    from PIL import Image
    frames = []
    with Image.open(SAMPLES / "004.scan-office.tiff") as img:
        for i in range(pages):
            img.seek(i % img.n_frames)
            frames.append(img.convert("L"))
    buf = io.BytesIO()
    frames[0].save(buf, "PDF", save_all=True, append_images=frames[1:], resolution=200)
    return buf.getvalue()


def blank_pdf(width_pt: float, height_pt: float) -> bytes:
    """A one-page PDF with nothing on the page, written by hand (a few hundred bytes)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width_pt:g} {height_pt:g}] >>".encode()]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def variant(data: bytes, i: int, ext: str) -> bytes:
    """The same document with a few bytes after its end: a distinct file (own hash)."""
    return data + (b"\n%" if ext == "pdf" else b"") + f"{i:04d}".encode()


def tree_bytes(root: Path) -> bytes:
    """Every byte of every regular file under root (links not followed)."""
    out = bytearray()
    for p in root.rglob("*"):
        if p.is_file() and not p.is_symlink():
            out += p.read_bytes()
    return bytes(out)
