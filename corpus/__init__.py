"""The project's own data: gazetteers, document-type codes and bundled sample documents."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent
GAZETTEER_DIR = ROOT / "gazetteer"
SAMPLES_DIR = ROOT / "samples"


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    """Read a packaged gazetteer file once per process."""
    return json.loads((GAZETTEER_DIR / name).read_text(encoding="utf-8"))
