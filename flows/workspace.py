"""The intake folders and every file operation on them. Originals are only ever linked or
renamed, never rewritten; JSON is written to a temp file and renamed into place."""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from stores.db import sqlite_url

DATABASE_FILE = "vanthu.sqlite"   # the intake's database, next to its folders
IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp", ".partial", ".download", ".swp")


@dataclass(frozen=True)
class Workspace:
    inbox: Path
    root: Path

    @classmethod
    def at(cls, inbox: Path, root: Path | None = None) -> "Workspace":
        inbox = inbox.resolve()
        ws = cls(inbox, (root or inbox.parent).resolve())
        for d in (ws.inbox, ws.archive, ws.quarantine, ws.outbox):
            d.mkdir(parents=True, exist_ok=True)
        return ws

    @property
    def archive(self) -> Path:
        return self.root / "archive"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    @property
    def database_url(self) -> str:
        return sqlite_url(self.root / DATABASE_FILE)


def is_ignored(name: str) -> bool:
    """Office lock files, partial downloads, temp and hidden files are not documents (yet)."""
    return name.startswith((".", "~$")) or name.lower().endswith(IGNORED_SUFFIXES)


def safe_name(name: str) -> str:
    """A file name safe to reuse in our folders: NFC, path separators and control characters
    replaced, no leading dots ('../x' can never climb out of a folder)."""
    name = re.sub(r"[/\\\x00-\x1f\x7f]", "_", unicodedata.normalize("NFC", name))
    name = name.strip().lstrip(".") or "unnamed"
    return name[:200]


def is_stable(path: Path, previous: tuple[int, float] | None) -> tuple[bool, tuple[int, float] | None]:
    """(ready, signature): ready when size and mtime match the previous look and no process holds
    a lock on the file. Call again with the returned signature after a pause."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return False, None
    sig = (st.st_size, st.st_mtime)
    if previous != sig:
        return False, sig
    try:
        with open(path, "rb") as fh:
            fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
            fcntl.flock(fh, fcntl.LOCK_UN)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return False, sig
        raise
    return True, sig


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def place(src: Path, dest: Path) -> Path:
    """Put src's content at dest without a window where dest is partial: hard link (same file
    system) or copy to a temp name, fsync, then rename. src is left where it is."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        return dest
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)
    return dest


def archive_path(ws: Workspace, sha256: str, name: str) -> Path:
    return ws.archive / sha256[:2] / sha256 / safe_name(name)


def duplicate_path(ws: Workspace, sha256: str, name: str) -> Path:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    return ws.archive / sha256[:2] / sha256 / "duplicates" / f"{stamp}-{safe_name(name)}"


def quarantine_path(ws: Workspace, sha256: str, name: str) -> Path:
    return ws.quarantine / f"{sha256[:12]}-{safe_name(name)}"


def write_json_atomic(path: Path, payload: str) -> None:
    """Write to a temp file in the same folder, fsync, rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def write_sidecar(path: Path, reason: str, stage: str, message: str, sha256: str, name: str) -> Path:
    sidecar = path.with_name(path.name + ".reason.json")
    write_json_atomic(sidecar, json.dumps({
        "file": name, "sha256": sha256, "reason": reason, "stage": stage, "message": message,
        "time": dt.datetime.now(dt.timezone.utc).isoformat()}, ensure_ascii=False, indent=1))
    return sidecar


def clean_stale_temps(ws: Workspace) -> int:
    """Temp files left by a process killed mid-write are removed on start (never originals)."""
    n = 0
    for folder in (ws.outbox, ws.quarantine, ws.archive):
        for p in folder.rglob(".*.tmp"):
            p.unlink(missing_ok=True)
            n += 1
    return n
