"""Resolution of references to stored documents, against gold (issue 19): every document of the
development and pool sets is stored in one fresh SQLite store; a citation resolves right when the
store links it to the document the gold says it is, and only then. The gold of a citation's
target: the document whose own số/ký hiệu (its text's `#source:` line, written by the helper who
read it) is the reference's key in the citing document's gold, where the text itself states that
key (a crawl without its 'Số' line cannot be found by its number, by anyone). Precision: of the citations the
store resolves, how many to the right document; recall: of the citations the gold resolves, how
many the store resolves right. Reported per document type (the ký hiệu's type code).

`python -m bench.resolution_score [--format docx]`; reads the outputs `python -m bench.score_sets`
left in out/score/<set>/<format>/ (run it first, for every set)."""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.score_sets import ROOT, SETS

sys.path.insert(0, str(ROOT / "tests"))
from gold_score import norm_key  # noqa: E402  (the shared scorer's key normalization)

# '#source: owner/repo path id — Quyết định 1056/QĐ-CT ngày 16/8/2010, …': the document's own key.
_OWN_KEY = re.compile(r"—\s*[^—]*?\s(\S+/\S+?)[,;]?\s+ngày")


def own_key(text_file: Path) -> str | None:
    m = _OWN_KEY.search(text_file.open(encoding="utf-8").readline())
    return norm_key(m.group(1)) if m else None


def _type_code(key: str) -> str:
    symbol = key.split("/")[-1]
    return re.split(r"[-–]", symbol)[0].upper() or "?"


def main(argv: list[str] | None = None) -> int:
    from models import ExtractionResult
    from stores import links
    from stores.db import Store, sqlite_url
    from stores.schema import DocumentRow
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--format", default="docx")
    args = ap.parse_args(argv)
    docs: dict[str, tuple[Path, dict]] = {}      # doc id → (output, gold)
    keyed: dict[str, str] = {}                  # own key → doc id
    for name, (folder, gold_dir) in SETS.items():
        out = ROOT / "out" / "score" / name / args.format
        for gold_file in sorted(Path(gold_dir).glob("*.json")):
            stem = gold_file.stem
            pred = next(out.glob(f"{stem}.*json"), None)
            text = folder.parent / "texts" / f"{stem}.txt" if (folder.parent / "texts").exists() else None
            if pred is None:
                continue
            docs[f"{name}/{stem}"] = (pred, json.loads(gold_file.read_text(encoding="utf-8")))
            key = own_key(text) if text and text.exists() else None
            if key and key in norm_key(text.read_text(encoding="utf-8")):   # the store knows it only by its text
                keyed.setdefault(key, f"{name}/{stem}")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(sqlite_url(Path(tmp) / "r.sqlite"))
        ids: dict[int, str] = {}
        for doc, (pred, _) in docs.items():
            result = ExtractionResult.model_validate_json(pred.read_text(encoding="utf-8"))
            result.source.sha256 = f"{doc}:{result.source.sha256}"[:64]   # the same file in two sets is two documents
            store.save_result(result)
            with store.sessions() as s:
                ids[s.query(DocumentRow.id).order_by(DocumentRow.id.desc()).limit(1).scalar()] = doc
        tp, fp, fn = Counter(), Counter(), Counter()
        wrong = []
        with store.sessions() as s:
            for document_id, doc in ids.items():
                gold = docs[doc][1]
                expected = {norm_key(r["key"]): keyed[norm_key(r["key"])] for r in gold.get("references") or []
                            if norm_key(r["key"]) in keyed and keyed[norm_key(r["key"])] != doc}
                got = {}
                for link in links.links_of(s, document_id)["outgoing"]:
                    if link["target"]:
                        got[norm_key(link["key"])] = ids.get(link["target"]["document_id"])
                for key, target in got.items():
                    kind = _type_code(key)
                    if expected.get(key) == target:
                        tp[kind] += 1
                    else:
                        fp[kind] += 1
                        wrong.append(f"{doc}: {key} → {target} (gold: {expected.get(key)})")
                for key, target in expected.items():
                    if got.get(key) != target:
                        fn[_type_code(key)] += 1
                        wrong.append(f"{doc}: {key} not resolved to {target}")
    print(f"{len(docs)} documents stored, {len(keyed)} with their own key in the source line")
    print(f"{'type':8s} {'P':>6s} {'R':>6s} {'F1':>6s}  tp fp fn")
    for kind in sorted(set(tp) | set(fp) | set(fn)) + ["all"]:
        t, f, n = (sum(c.values()) for c in (tp, fp, fn)) if kind == "all" else (tp[kind], fp[kind], fn[kind])
        p, r = t / (t + f) if t + f else 1.0, t / (t + n) if t + n else 1.0
        print(f"{kind:8s} {p:6.3f} {r:6.3f} {2 * p * r / (p + r) if p + r else 0:6.3f}  {t} {f} {n}")
    for line in wrong:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
