"""A PostgreSQL database of a bench's own: created on the server the tests use
(VANTHU_TEST_POSTGRES_URL, which `make bench` sets), dropped after."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def scratch_postgres(base_url: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    name = f"vanthu_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield base_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
