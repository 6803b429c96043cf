"""The intake folders and every file operation on them.

Originals are copied, never linked: the archived copy is our own file (read-only), hashed as it
is written and hashed again once written, so a writer that still holds the inbox file can never
change it. Only regular files are ever opened; links, FIFOs, sockets, devices and folders are
moved aside by name (rename never opens or follows them). Every name we build fits 255 bytes
whatever the input's name; temp files carry their owner (host and pid), so a restart removes
exactly those a killed process left."""
from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import socket
import stat
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from normalize.file_names import display_name

IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp", ".partial", ".download", ".swp")
NAME_MAX = 255                    # bytes in one path component (Linux, ext4, NTFS via SMB)
# The longest base name we reuse: the quarantine prefix (13 bytes), the sidecar suffix
# ('.reason.json', 12) and an outbox hash ('.0123456789ab', 13) still fit NAME_MAX.
NAME_BUDGET = 200
TEMP_PREFIX = ".vanthu-"          # temp files: .vanthu-<host>-<pid>-<random>.tmp
ARCHIVE_MODE = 0o400              # archived originals: nobody writes to them again
COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class Workspace:
    inbox: Path
    root: Path

    @classmethod
    def at(cls, inbox: Path, root: Path | None = None) -> "Workspace":
        inbox = Path(inbox).resolve()
        ws = cls(inbox, Path(root or inbox.parent).resolve())
        for d in (ws.inbox, ws.archive, ws.quarantine, ws.outbox, ws.tmp):
            d.mkdir(parents=True, exist_ok=True)
        return ws

    @classmethod
    def of_root(cls, root: Path) -> "Workspace":
        """The folders under root without an inbox (workers that only process archived files)."""
        root = Path(root).resolve()
        ws = cls(root / "inbox", root)
        for d in (ws.archive, ws.quarantine, ws.outbox, ws.tmp):
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
    def tmp(self) -> Path:
        """Scratch space of the ingest workers (their TMPDIR: OCR's temp copies land here)."""
        return self.root / "tmp"

    @property
    def watchers(self) -> Path:
        """One state file per running watcher (intake/faults.py), readable without the database."""
        return self.root / "watchers"

    @property
    def database_url(self) -> str:
        """This root's database by the one rule (stores.db.database_url)."""
        from stores.db import database_url  # (not at import: `vanthu extract` needs no database)
        return database_url(None, self.root)


# -- names ----------------------------------------------------------------------------------------
def is_ignored(name: str) -> bool:
    """Office lock files, partial downloads, temp and hidden files are not documents (yet)."""
    return name.startswith((".", "~$")) or name.lower().endswith(IGNORED_SUFFIXES)


def fit_name(name: str, budget: int = NAME_BUDGET) -> str:
    """`name` cut to `budget` UTF-8 bytes at a character boundary, its extension kept and a hash of
    the whole name added, so two long names never meet."""
    if len(name.encode()) <= budget:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext.encode()) > 16:
        stem, ext = name, ""
    tail = f"~{hashlib.sha1(name.encode()).hexdigest()[:8]}" + (f".{ext}" if ext else "")
    room = budget - len(tail.encode())
    cut = stem.encode()[:room].decode("utf-8", "ignore")
    return cut + tail


def safe_name(name: str) -> str:
    """A file name safe to reuse in our folders: the display name (NFC, no control characters,
    no undecodable bytes), separators replaced, no leading dots ('../x' can never climb out of a
    folder), at most NAME_BUDGET bytes."""
    name = re.sub(r"[/\\]", "_", display_name(name)).strip().lstrip(".") or "unnamed"
    return fit_name(name)


# -- what an inbox entry is ------------------------------------------------------------------------
KINDS = {stat.S_IFLNK: "symlink", stat.S_IFIFO: "fifo", stat.S_IFSOCK: "socket", stat.S_IFCHR: "device",
         stat.S_IFBLK: "device", stat.S_IFDIR: "directory", stat.S_IFREG: "file"}


def entry_kind(st: os.stat_result) -> str:
    """'file' for a regular file, else what it is; from lstat, so a link is never followed."""
    return KINDS.get(stat.S_IFMT(st.st_mode), "unknown")


def signature(st: os.stat_result) -> str:
    """What must hold still for a file to count as complete: which file, its size, mtime, ctime."""
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_mode:o}"


def held_for_writing(paths: list[Path]) -> set[Path]:
    """Those of `paths` that a process on this machine holds open for writing (psutil's view of
    every process's open files, matched by device and inode). A network share's remote writers
    are never seen, nor the files of users whose processes we may not look into: there the
    settle time is the only guard."""
    wanted = {}
    for path in paths:
        try:
            st = os.lstat(path)
            wanted[(st.st_dev, st.st_ino)] = path
        except OSError:
            continue
    held: set[Path] = set()
    if not wanted:
        return held
    import psutil  # here, not at the top: `vanthu extract` writes with this module and needs no psutil (18 ms)
    for proc in psutil.process_iter():
        if proc.pid == os.getpid():
            continue
        try:
            files = proc.open_files()
        except (psutil.Error, OSError):
            continue
        for f in files:
            if not set(f.mode) & {"w", "a", "+"}:
                continue
            try:
                st = os.stat(f.path)
            except OSError:
                continue
            path = wanted.get((st.st_dev, st.st_ino))
            if path is not None:
                held.add(path)
    return held


class NotRegularFile(Exception):
    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


class StillChanging(Exception):
    """The file changed while it was copied: a writer is still at work."""


def open_regular(path: Path, allow_hardlinks: bool = False) -> tuple[int, os.stat_result]:
    """Open a regular file for reading without following a link or blocking on a FIFO; anything
    else raises NotRegularFile before a byte is read. A file with a second name elsewhere (a hard
    link: link count > 1) is another file's content that whoever dropped it may not be allowed to
    read (a link to a 0600 file reached the outbox): set aside unless allowed
    (VANTHU_ALLOW_HARDLINKS)."""
    st = os.lstat(path)
    if entry_kind(st) != "file":
        raise NotRegularFile(entry_kind(st))
    if st.st_nlink > 1 and not allow_hardlinks:
        raise NotRegularFile("hard link")
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    fst = os.fstat(fd)
    if entry_kind(fst) != "file" or (fst.st_dev, fst.st_ino) != (st.st_dev, st.st_ino):
        os.close(fd)  # swapped between the look and the open
        raise NotRegularFile(entry_kind(fst))
    return fd, fst


def sha256_file(path: Path, chunk: int = COPY_CHUNK) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


# -- owners and temp files ---------------------------------------------------------------------------
HOST = re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname())[:40] or "host"


def owner_id() -> str:
    """Who holds a lease or a temp file: host and pid (a dead pid on this host frees both at once)."""
    return f"{HOST}-{os.getpid()}"


def owner_alive(owner: str | None) -> bool | None:
    """True/False for an owner on this host; None for one elsewhere (only its lease can tell)."""
    if not owner:
        return False
    host, _, pid = owner.rpartition("-")
    if host != HOST or not pid.isdigit():
        return None
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(int(pid))


def _zombie(pid: int) -> bool:
    """A worker whose watcher was killed stays a zombie until some process reaps it (in a
    container whose init does not reap, for as long as the container runs): it is dead, and so
    are its leases and scratch folder. Measured: the kill -9 test left both scratch folders when
    signal 0 alone decided."""
    import psutil
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def temp_path(folder: Path) -> Path:
    return folder / f"{TEMP_PREFIX}{owner_id()}-{uuid.uuid4().hex[:8]}.tmp"


def _temp_owner(name: str) -> str | None:
    m = re.fullmatch(re.escape(TEMP_PREFIX) + r"(.+-\d+)-[0-9a-f]{8}\.tmp", name)
    return m.group(1) if m else None


def clean_stale_temps(ws: Workspace, older_than_seconds: float = 86400) -> int:
    """Temp files and worker scratch folders left by a process killed mid-write are removed on
    start: those of dead processes on this host, and other hosts' once older than a day. Never an
    original, never a live process's file."""
    import time
    n = 0
    now = time.time()

    def stale(path: Path, owner: str | None) -> bool:
        alive = owner_alive(owner)
        if alive is None:
            try:
                return now - path.lstat().st_mtime > older_than_seconds
            except OSError:
                return False
        return not alive

    for folder in (ws.outbox, ws.quarantine, ws.archive):
        for p in folder.rglob(f"{TEMP_PREFIX}*.tmp"):
            if stale(p, _temp_owner(p.name)):
                p.unlink(missing_ok=True)
                n += 1
    for p in ws.tmp.iterdir():
        if stale(p, p.name):
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() and not p.is_symlink() else p.unlink(missing_ok=True)
            n += 1
    for p in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
        if p.is_dir() and not p.is_symlink() and owner_alive(p.name[len(TEMP_PREFIX):]) is False:
            shutil.rmtree(p, ignore_errors=True)
            n += 1
    return n


def process_temp_dir() -> Path:
    """This process's folder in the system temp dir (.vanthu-<host>-<pid>), for what must live
    there (a socket's path is limited to 107 bytes, too short for a folder under the intake root):
    removed at exit, and by `clean_stale_temps` once its process is gone."""
    folder = Path(tempfile.gettempdir()) / f"{TEMP_PREFIX}{owner_id()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


# -- writing ------------------------------------------------------------------------------------------
def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_fd(fd: int, out, h) -> int:
    n = 0
    while block := os.read(fd, COPY_CHUNK):
        out.write(block)
        h.update(block)
        n += len(block)
    return n


def take_copy(src: Path, folder: Path, allow_hardlinks: bool = False) -> tuple[Path, str, int, str]:
    """Copy a regular inbox file to a temp file in `folder`, hashing it as it is read; then check
    that the source did not change meanwhile (else StillChanging) and that the copy reads back to
    the same hash. Returns (temp copy, sha256, size, the source's signature)."""
    fd, before = open_regular(src, allow_hardlinks)
    tmp = temp_path(folder)
    try:
        h = hashlib.sha256()
        with open(tmp, "xb") as out:
            os.fchmod(out.fileno(), ARCHIVE_MODE | 0o200)
            size = _copy_fd(fd, out, h)
            out.flush()
            os.fsync(out.fileno())
        after = os.fstat(fd)
        try:
            now = os.lstat(src)
        except FileNotFoundError:
            now = None
        if now is None or signature(after) != signature(before) or signature(now) != signature(before) \
                or size != before.st_size:
            raise StillChanging(f"{display_name(src.name)} changed while it was copied")
        sha = h.hexdigest()
        if sha256_file(tmp) != sha:
            raise OSError(errno.EIO, "the archived copy does not read back to the hash that was copied")
        os.chmod(tmp, ARCHIVE_MODE)
        return tmp, sha, size, signature(before)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)


def settle_temp(tmp: Path, dest: Path) -> Path:
    """Rename a finished temp copy to dest (the same content may already be there: then the temp
    goes). dest never exists half-written."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        tmp.unlink(missing_ok=True)
        return dest
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)
    return dest


def remove_if_unchanged(path: Path, sig: str) -> bool:
    """Remove the inbox entry we copied, only if it is still the same, unchanged file."""
    try:
        if signature(os.lstat(path)) != sig:
            return False
        path.unlink()
        return True
    except FileNotFoundError:
        return False


def move_aside(path: Path, dest: Path) -> Path:
    """Move an inbox entry that is no regular file (link, FIFO, socket, device, folder) by name;
    rename never opens or follows it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(dest):
        dest = dest.with_name(f"{dest.name[:NAME_BUDGET]}.{uuid.uuid4().hex[:8]}")
    os.rename(path, dest)
    return dest


def place(src: Path, dest: Path) -> Path:
    """Put a copy of src's content at dest without a window where dest is partial. src is left
    where it is."""
    if not dest.exists():
        with atomic_file(dest, ARCHIVE_MODE) as fh, open(src, "rb") as source:
            shutil.copyfileobj(source, fh)
    return dest


def archive_path(ws: Workspace, sha256: str, name: str) -> Path:
    return ws.archive / sha256[:2] / sha256 / safe_name(name)


def duplicate_path(ws: Workspace, sha256: str, name: str, taken_from: str) -> Path:
    """Named after the inbox entry it came from (path and signature), not the clock: a retake of
    the same entry after a crash lands on the same path and is recorded once."""
    entry = hashlib.sha256(taken_from.encode()).hexdigest()[:16]
    return ws.archive / sha256[:2] / sha256 / "duplicates" / f"{entry}-{safe_name(name)}"


def quarantine_path(ws: Workspace, sha256: str, name: str) -> Path:
    return ws.quarantine / f"{sha256[:12]}-{safe_name(name)}"


def aside_path(ws: Workspace, name: str) -> Path:
    """Where an inbox entry that is no regular file goes (it has no content hash)."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    return ws.quarantine / "not-files" / f"{stamp}-{safe_name(name)}"


@contextlib.contextmanager
def atomic_file(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """A file that appears at path whole or not at all: written under a temp name in the same
    folder (one the watcher and `clean_stale_temps` know), fsynced, renamed. The one place every
    output of the intake, the outbox, the web cache and the uploads is written this way."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path.parent)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with open(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)  # the umask may have taken bits the setting gives
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def write_atomic(path: Path, payload: str | bytes, mode: int = 0o600) -> None:
    with atomic_file(path, mode) as fh:
        fh.write(payload.encode("utf-8") if isinstance(payload, str) else payload)


def write_sidecar(path: Path, reason: str, stage: str, message: str, sha256: str | None, name: str,
                  mode: int = 0o600) -> Path:
    sidecar = path.with_name(path.name + ".reason.json")
    write_atomic(sidecar, json.dumps({
        "file": name, "sha256": sha256, "reason": reason, "stage": stage, "message": message,
        "time": dt.datetime.now(dt.timezone.utc).isoformat()}, ensure_ascii=False, indent=1), mode)
    return sidecar
