"""Tables built once per version of their sources and kept in the user's cache (VANTHU_CACHE_DIR):
the places index (normalize/places.py) and the Viet74K lexicon (normalize/vowel_marks.py), each
of which cost more to build than a small file's whole extraction. A cache that cannot be read or
written is rebuilt in memory, never an error. Hand-written (a dozen lines) rather than
joblib.Memory: one value per key, and the file must be the user's own before pickle reads it
(pickle runs what it reads)."""
from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cached_build(name: str, key: bytes | None, build: Callable[[], T]) -> T:
    """build(), or what an earlier build() with the same key left in the cache. key None: no cache."""
    path = cache_path(name, key) if key is not None else None
    got = read_own_pickle(path) if path else None
    if got is not None:
        return got
    value = build()
    if path:
        write_own_pickle(path, value)
    return value


def cache_path(name: str, key: bytes) -> Path:
    from models import settings
    return Path(settings().cache_dir).expanduser() / f"{name}-{hashlib.sha256(key).hexdigest()[:16]}.pickle"


def read_own_pickle(path: Path):
    """The cache's pickle, only when this user owns it and no one else may write it."""
    try:
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o022 or path.parent.stat().st_mode & 0o022:
            return None
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None


def write_own_pickle(path: Path, value) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError:
        pass
