"""The first-sight pool's spread (issue 17), counted from `corpus/pool/*/SPREAD.tsv`: issuers by
kind, levels, provinces, eras, years, table kinds and OCR'd texts. `python -m bench.spread`; the
README's spread table is copied from its output."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

POOL = Path(__file__).resolve().parents[1] / "corpus" / "pool"


def rows() -> list[dict[str, str]]:
    out = []
    for tsv in sorted(POOL.glob("*/SPREAD.tsv")):
        with tsv.open(encoding="utf-8", newline="") as f:
            out.extend(r for r in csv.DictReader(f, delimiter="\t") if r.get("id"))
    return out


def main() -> int:
    spread = rows()
    batches = sorted({r["id"].rstrip("0123456789") for r in spread})   # ('za07' is batch za)
    print(f"documents: {len(spread)} in batches {', '.join(batches)}")
    print(f"issuers: {len({r['issuer'] for r in spread})} distinct")
    for field in ("issuer_kind", "level", "era", "tables", "ocr_text"):
        counts = Counter((r.get(field) or "").strip() or "?" for r in spread)
        print(f"{field}: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
    provinces = {r["province"].strip() for r in spread if (r.get("province") or "").strip()}
    print(f"provinces: {len(provinces)}")
    years = sorted(int(y) for r in spread if (y := (r.get("year") or "").strip()[:4]).isdigit())
    print(f"years: {years[0]}–{years[-1]}" if years else "years: none")
    print(f"documents with record tables: {sum(1 for r in spread if (r.get('tables') or 'none').strip() != 'none')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
