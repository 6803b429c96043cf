from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
GOLD = ROOT / "corpus" / "gold"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def gold():
    return lambda doc_id: json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def extracted():
    """Extraction results of the bundled samples, computed once per test session."""
    from flows.extraction import extract_file
    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = extract_file(SAMPLES / name)
        return cache[name]
    return get
