"""The extractor's version: package version plus a fingerprint of the extraction code and its
data, so a changed extractor never passes for one that already produced the stored results."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

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
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for pkg in _CODE_PACKAGES:
        for f in sorted((root / pkg).rglob("*")):
            if f.suffix in (".py", ".json") and not {"__pycache__", "gold", "samples", "external"} & set(f.parts):
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    for dependency in _DATA_DEPENDENCIES:
        try:
            h.update(f"{dependency}=={metadata.version(dependency)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return f"{base}+{h.hexdigest()[:12]}"
