"""The document graph's queries over 10,000 generated documents and 200,000 links (issue 19: each
≤ 200 ms, SQLite and PostgreSQL): a document's links both ways (`links_of`, one with 2,000 citing
documents), the graph around a key two links deep (`graph_of`), against the bare indexed SELECT of
the citing rows."""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

from bench.web import _ms

N_DOCS, LINKS_PER_DOC = 10_000, 20
TARGET_MS = 200
TYPES = ("based_on", "mentions", "implements", "guides", "replaces", "amends")


def _generate(store) -> None:
    """N_DOCS documents with keys, each citing LINKS_PER_DOC others (a fifth of all citations go to
    the 100 most cited, as laws and resolutions are); key 1/QĐ-BENCH is the most cited."""
    from stores.review_schema import DocumentLink, DocumentReview
    from stores.schema import DocumentRow
    rnd = random.Random(19)
    key = lambda n: f"{n}/QĐ-BENCH"   # noqa: E731
    with store.sessions.begin() as s:
        s.add_all(DocumentRow(id=i, sha256=f"{i:064x}", media_type="application/pdf", pages=1, path=f"/b/{i}.pdf")
                  for i in range(1, N_DOCS + 1))
        s.flush()
        s.add_all(DocumentReview(document_id=i, state="new", risk=0.0, name=f"{i}.pdf", doc_key=key(i),
                                 doc_key_folded=key(i).lower().replace("đ", "d"), doc_type="Quyết định",
                                 corrections=0, stale_corrections=0) for i in range(1, N_DOCS + 1))
        s.flush()
        rows = []
        for i in range(1, N_DOCS + 1):
            for _ in range(LINKS_PER_DOC):
                n = rnd.randint(1, 100) if rnd.random() < 0.2 else rnd.randint(1, N_DOCS * 2)   # half not stored
                n = 1 if i % 5 == 0 and not rows or rnd.random() < 0.01 else n
                rows.append(dict(source_id=i, key=key(n), key_folded=key(n).lower().replace("đ", "d"),
                                 type=rnd.choice(TYPES), confidence=1.0, sentence="Căn cứ …", page=1, variant=False))
        s.execute(DocumentLink.__table__.insert(), rows)


def _time(store, label: str) -> None:
    from sqlalchemy import select

    from stores import links
    from stores.review_schema import DocumentLink
    t = time.perf_counter()
    _generate(store)
    generated = time.perf_counter() - t
    with store.sessions() as s:
        n_links = s.query(DocumentLink).count()
        cited = s.query(DocumentLink).filter(DocumentLink.key_folded == "1/qd-bench").count()
        bare, _ = _ms(lambda: s.execute(select(DocumentLink.source_id).where(
            DocumentLink.key_folded == "1/qd-bench")).all(), 5)
        print(f"document graph over {N_DOCS:,} documents and {n_links:,} links ({label}, generated in "
              f"{generated:.1f} s); bare indexed SELECT of the {cited:,} rows citing 1/QĐ-BENCH: {bare:.1f} ms")
        for what, fn in (("links of a document cited 2,000+ times", lambda: links.links_of(s, 1)),
                         ("links of a document", lambda: links.links_of(s, 4321)),
                         ("graph around a key, depth 1", lambda: links.graph_of(s, "4321/QĐ-BENCH", 1)),
                         ("graph around a key, depth 2", lambda: links.graph_of(s, "4321/QĐ-BENCH", 2))):
            best, median = _ms(fn, 5)
            print(f"  {what:40s} best {best:7.1f} ms  median {median:7.1f} ms  (target ≤ {TARGET_MS} ms)")


def main() -> int:
    from stores.db import Store, sqlite_url
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(sqlite_url(Path(tmp) / "graph.sqlite"))
        _time(store, "SQLite")
        store.engine.dispose()
    base = os.environ.get("VANTHU_TEST_POSTGRES_URL")
    if not base:
        print("document graph on PostgreSQL: skipped (no VANTHU_TEST_POSTGRES_URL; `make bench` sets it)")
        return 0
    from stores.db import scratch_postgres
    with scratch_postgres(base) as url:
        store = Store.open(url)
        _time(store, "PostgreSQL")
        store.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
