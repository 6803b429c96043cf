"""The extractor's version: package version plus a fingerprint of the extraction code and its
data, so a changed extractor never passes for one that already produced the stored results."""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from normalize.cache import cached_build

_CODE_PACKAGES = ("models", "normalize", "extract", "tables", "ner", "records", "pipeline", "corpus")
# Packages whose data drives extraction: underthesea's word list (OCR mark repair), the
# administrative units (agencies), the legacy-encoding tables (viparse).
_DATA_DEPENDENCIES = ("underthesea", "vietnamadminunits", "viparse")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    try:
        base = metadata.version("vanthu")
    except metadata.PackageNotFoundError:  # running from a source tree
        base = "0.1.0"
    files = _fingerprinted_files()
    dependencies = _dependency_versions()
    # Reading and hashing every file cost 75 ms of each `vanthu extract` (2026-12-06); their
    # names, sizes and modification times and the dependencies' versions key the digest kept in
    # the cache (a few ms).
    stamps = "\n".join([*(f"{name}\t{path.stat().st_size}\t{path.stat().st_mtime_ns}" for name, path in files),
                        *dependencies])
    digest = cached_build("extractor-digest", stamps.encode(), lambda: _digest(files, dependencies))
    return f"{base}+{digest}"


# Folders whose files are no input of extraction; 'docs' and 'texts' (the corpus's renditions and
# texts, 1,500 files) hold no .py or .json and are only skipped for speed.
_NOT_EXTRACTION = frozenset({"__pycache__", "gold", "samples", "external", "docs", "texts"})


def _fingerprinted_files() -> list[tuple[str, Path]]:
    root = Path(__file__).resolve().parents[1]
    files = []
    for pkg in _CODE_PACKAGES:
        found = []
        for folder, subfolders, names in os.walk(root / pkg):
            subfolders[:] = [name for name in subfolders if name not in _NOT_EXTRACTION]
            found.extend(Path(folder) / name for name in names if name.endswith((".py", ".json")))
        files.extend((f.relative_to(root).as_posix(), f) for f in sorted(found))
    return files


def _dependency_versions() -> list[str]:
    versions = []
    for dependency in _DATA_DEPENDENCIES:
        try:
            versions.append(f"{dependency}=={metadata.version(dependency)}")
        except metadata.PackageNotFoundError:
            pass
    return versions


def _digest(files: list[tuple[str, Path]], dependencies: list[str]) -> str:
    h = hashlib.sha256()
    for name, path in files:
        h.update(name.encode())
        h.update(path.read_bytes())
    for version in dependencies:
        h.update(version.encode())
    return h.hexdigest()[:12]
