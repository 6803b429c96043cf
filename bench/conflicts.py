"""Figures that disagree over the development and pool sets (issue 19: no more than one false
conflict per ten documents): `python -m bench.conflicts [--format docx]` reads the outputs that
`python -m bench.score_sets` left in out/score/<set>/<format>/, compares every document's figures
with every other's as the store does (records/figures.conflicts), and prints each conflict with
both sentences, to be read by hand: a real disagreement between two documents, or a false one."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from models.figures import Figure
from records.figures import conflicts, folded_same_length, subject_key

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--format", default="docx")
    args = ap.parse_args(argv)
    files = sorted((ROOT / "out" / "score").glob(f"*/{args.format}/*.json"))
    names, figures = [], []
    for i, path in enumerate(files):
        names.append(f"{path.parent.parent.name}/{path.name.removesuffix('.json')}")
        for f in json.loads(path.read_text(encoding="utf-8")).get("figures") or []:
            # the key again from the subject as written: outputs of an older run compare by today's rule
            figures.append((i, Figure(**{**f, "subject_key": subject_key(folded_same_length(f["subject"]))})))
    found = conflicts(figures)
    print(f"{len(files)} documents, {len(figures)} figures, {len(found)} conflicts "
          f"({10 * len(found) / max(1, len(files)):.2f} per ten documents)")
    for c in found:
        print(f"\n{'unit slip ' if c.unit_slip else ''}×{c.ratio:g} {c.a.measure}: {c.a.subject} / {c.b.subject}")
        for doc, f in ((c.document_a, c.a), (c.document_b, c.b)):
            print(f"  {names[doc]}: {f.text} ({f.qualifier}) — {f.sentence[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
