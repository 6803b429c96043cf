from __future__ import annotations

import json
import os
from contextlib import contextmanager
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
    from pipeline import extract_file
    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = extract_file(SAMPLES / name)
        return cache[name]
    return get


@contextmanager
def postgres_database():
    """A fresh, empty PostgreSQL database on the server `make test` starts (scripts/test-postgres.sh),
    dropped afterwards. Skipped without a server, except in CI, where that is a failure."""
    from models import settings
    settings.cache_clear()
    base = settings().test_postgres_url
    if not base:
        if os.environ.get("CI"):
            pytest.fail("CI must provide VANTHU_TEST_POSTGRES_URL (scripts/test-postgres.sh)")
        pytest.skip("no PostgreSQL server for this run (make test starts one)")
    from stores.db import scratch_postgres
    with scratch_postgres(base, "vanthu_t") as url:
        yield url


@pytest.fixture
def postgres_url():
    with postgres_database() as url:
        yield url
