"""Does the learned agency scorer raise first-sight F1? `python -m bench.agency_learning`.

Reads the .docx outputs `python -m bench.score_sets --formats docx` left in out/score/<set>/docx
(the grammar's proposals as the code is now) and each set's gold, then:

- leave one batch out: for each pool batch, the scorer is fitted on every other set and decides
  on that batch, which it has never seen; agencies F1 without and with it, per threshold;
- a learning curve (`--curve BATCH`): the first k documents of BATCH are reviewed (their gold
  stands in for the analyst), added to the training data, and the rest of BATCH is scored.

Only the scorer is held out here: the grammar's rules were written after reading every batch
but the newest, so the newest batch's row is the one that says what a new document gets."""
from __future__ import annotations

import argparse
import json

from bench.score_sets import ROOT, SETS
from models import ExtractionResult
from ner.agency_scorer import AgencyScorer, document_features
from ner.agency_training import Example, fit, gold_agency_names, labelled
from normalize.text import match_key
from tests.gold_score import prf

THRESHOLDS = (0.2, 0.3, 0.4, 0.5)


def load_set(name: str, fmt: str = "docx") -> list[tuple[str, ExtractionResult, list[str]]]:
    """(doc id, output, gold agency names) for each document of a set with both."""
    out = ROOT / "out" / "score" / name / fmt
    docs = []
    for gold_path in sorted(SETS[name][1].glob("*.json")):
        preds = sorted(out.glob(f"{gold_path.stem}*.json"))
        if not preds:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = ExtractionResult.model_validate_json(preds[0].read_text(encoding="utf-8"))
        docs.append((gold_path.stem, result, gold_agency_names(gold)))
    return docs


def examples(docs) -> list[Example]:
    return [e for _, result, gold in docs for e in labelled(result, gold)]


def counts(docs, scorer: AgencyScorer | None, threshold: float = 0.5) -> tuple[int, int, int]:
    """tp, fp, fn over distinct names per document, as tests/gold_score.py counts them."""
    tp = fp = fn = 0
    for _, result, gold_names in docs:
        gold = {match_key(n) for n in gold_names}
        if scorer is None:
            kept = result.agencies
        else:
            kept = [a for a, f in zip(result.agencies, document_features(result))
                    if scorer.probability(f) >= threshold]
        pred = {match_key(a.name) for a in kept}
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    return prf(tp, fp, fn)[2]   # the F1 of `make score`, one aggregator


def leave_one_out(sets: dict[str, list]) -> None:
    pools = [s for s in sets if s.startswith("pool-")]
    print(f"{'held out':9s} {'docs':>4s} {'rules F1 (P/R)':>20s}  " + "  ".join(f"t={t:.1f}" for t in THRESHOLDS))
    total = {t: [0, 0, 0] for t in (None, *THRESHOLDS)}
    for held in pools:
        train = [e for s, docs in sets.items() if s != held for e in examples(docs)]
        scorer = fit(train, threshold=0.5)
        base = counts(sets[held], None)
        row = []
        for t in THRESHOLDS:
            c = counts(sets[held], scorer, t)
            row.append(f"{f1(*c):.3f}")
            total[t] = [a + b for a, b in zip(total[t], c)]
        total[None] = [a + b for a, b in zip(total[None], base)]
        tp, fp, fn = base
        print(f"{held:9s} {len(sets[held]):4d} {f1(*base):.3f} ({tp / (tp + fp):.2f}/{tp / (tp + fn):.2f})      "
              + "  ".join(f"{x:>5s}" for x in row))
    tp, fp, fn = total[None]
    print(f"{'all':9s} {'':4s} {f1(*total[None]):.3f} ({tp / (tp + fp):.2f}/{tp / (tp + fn):.2f})      "
          + "  ".join(f"{f1(*total[t]):5.3f}" for t in THRESHOLDS))


def learning_curve(sets: dict[str, list], batch: str, threshold: float, steps: int = 5) -> None:
    """Review the first k documents of `batch`, retrain, score the rest."""
    docs = sets[batch]
    others = [e for s, d in sets.items() if s != batch for e in examples(d)]
    print(f"learning curve on {batch} ({len(docs)} documents), threshold {threshold}")
    print(f"{'k reviewed':>10s} {'rest':>4s} {'rules F1':>8s} {'scorer F1':>9s}")
    for k in sorted({round(i * (len(docs) - 3) / (steps - 1)) for i in range(steps)}):
        rest = docs[k:]
        scorer = fit(others + examples(docs[:k]), threshold=threshold)
        print(f"{k:10d} {len(rest):4d} {f1(*counts(rest, None)):8.3f} {f1(*counts(rest, scorer, threshold)):9.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default=",".join(s for s in SETS if s != "seeds"))
    ap.add_argument("--curve", help="a batch for the learning curve, e.g. pool-i")
    ap.add_argument("--threshold", type=float, default=0.3)
    args = ap.parse_args(argv)
    sets = {s: load_set(s) for s in args.sets.split(",")}
    sets = {s: d for s, d in sets.items() if d}
    leave_one_out(sets)
    if args.curve:
        learning_curve(sets, args.curve, args.threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
