"""Relation types against gold (issue 19): for every gold file with a `relations` list (key, type:
based_on, replaces, amends, repeals, guides, requested_in, reports_on, implements, mentions),
precision, recall and F1 of the (key, type) pairs the extraction gives, per type and overall.
`python -m bench.relations_score [--sets external] [--format docx]`; reads the outputs that
`python -m bench.score_sets` left in out/score/<set>/<format>/ (run it first), else extracts."""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from bench.score_sets import ROOT, SETS, rendition_files

sys.path.insert(0, str(ROOT / "tests"))
from gold_score import norm_key  # noqa: E402  (the shared scorer's key normalization)


def _pairs_pred(result: dict) -> set[tuple[str, str]]:
    return {(norm_key(ref["key"]), rel["type"]) for ref in result.get("references") or []
            for rel in ref.get("relations") or []}


def score(set_name: str, fmt: str) -> dict:
    docs, gold_dir = SETS[set_name]
    out = ROOT / "out" / "score" / set_name / fmt
    tp, fp, fn = Counter(), Counter(), Counter()
    n = 0
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if "relations" not in gold:
            continue
        stem = gold.get("doc_id") or gold_file.stem
        pred_file = next(out.glob(f"{stem}.*json"), None)
        if pred_file is None:
            from pipeline import extract_file
            path = next((p for p in rendition_files(docs, fmt) if p.name.startswith(f"{stem}.")), None)
            if path is None:
                continue
            result = json.loads(extract_file(path).model_dump_json())
        else:
            result = json.loads(pred_file.read_text(encoding="utf-8"))
        n += 1
        g = {(norm_key(r["key"]), r["type"]) for r in gold["relations"]}
        p = {pair for pair in _pairs_pred(result) if pair[0] in {k for k, _ in g} or
             pair[0] in {norm_key(r["key"]) for r in gold.get("references") or []}}
        for pair in g & p:
            tp[pair[1]] += 1
        for pair in p - g:
            fp[pair[1]] += 1
        for pair in g - p:
            fn[pair[1]] += 1
    return {"documents": n, "tp": tp, "fp": fp, "fn": fn}


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default="external")
    ap.add_argument("--format", default="docx")
    args = ap.parse_args(argv)
    for set_name in args.sets.split(","):
        s = score(set_name, args.format)
        types = sorted(set(s["tp"]) | set(s["fp"]) | set(s["fn"]))
        total = _f1(sum(s["tp"].values()), sum(s["fp"].values()), sum(s["fn"].values()))
        print(f"{set_name} ({args.format}, {s['documents']} documents with relation gold): "
              f"P {total[0]:.3f} R {total[1]:.3f} F1 {total[2]:.3f}")
        for t in types:
            p, r, f = _f1(s["tp"][t], s["fp"][t], s["fn"][t])
            print(f"  {t:13s} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {s['tp'][t]}, fp {s['fp'][t]}, fn {s['fn'][t]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
