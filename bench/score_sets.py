"""Scores per field for the seeds (../shared) and the external development set (corpus/external),
each rendition kind apart: `python -m bench.score_sets [--formats docx,pdf,scan-office] [--misses]`.

Every file is extracted in this one process (the models load once); outputs land in
out/score/<set>/<format>/ so `python3 tests/gold_score.py GOLD out/score/<set>/<format> --misses`
shows a set's misses again without extracting."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from corpus import gold_sets
from pipeline import extract_file

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT / "tests" / "gold_score.py"
SETS = {
    "seeds": (ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "eval" / "gold"),
    # external: the first real documents; holdout: five more, whose misses were looked at once;
    # holdout2: eight chosen and annotated by a helper who never ran vanthu; pool-<batch>: the
    # first-sight pool (issue 17), each batch scored once with the code as it is before anyone
    # reads its misses (README "First-sight scores"), then development.
    **gold_sets(),
}
FORMATS = ("docx", "pdf", "scan-office")


def rendition_files(folder: Path, fmt: str) -> list[Path]:
    suffix = ".scan-office.pdf" if fmt == "scan-office" else f".{fmt}"
    return sorted(p for p in folder.glob(f"*/*{suffix}") if fmt == "scan-office" or ".scan-" not in p.name)


def totals_report(out: Path) -> str:
    """Checks of totals made over a set's outputs: how many, how many agree, how many disagree
    (a disagreement is either a real mismatch in the document or a false alarm: read each one)."""
    agree = disagree = 0
    for f in out.glob("*.json"):
        for w in json.loads(f.read_text(encoding="utf-8"))["warnings"]:
            agree += w["code"] == "total_checked"
            disagree += w["code"] == "total_mismatch"
    return f"totals: {agree + disagree} checks, {agree} agree, {disagree} disagree"


def run(set_name: str, fmt: str, misses: bool) -> dict:
    docs, gold = SETS[set_name]
    out = ROOT / "out" / "score" / set_name / fmt
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    for path in rendition_files(docs, fmt):
        try:
            result = extract_file(path)
        except Exception as exc:  # a failure scores as an empty prediction, and is said
            print(f"FAIL {path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        (out / f"{path.name}.json").write_text(result.model_dump_json(), encoding="utf-8")
    args = [sys.executable, str(SCORER), str(gold), str(out), "--json"] + (["--misses"] if misses else [])
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    if misses:
        sys.stderr.write(done.stderr)
    return {**json.loads(done.stdout), "totals": totals_report(out)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default="seeds,external")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    print(f"{'set':9s} {'format':12s} {'refs':>6s} {'dates':>6s} {'amounts':>7s} {'agencies':>8s}  "
          f"{'tasks exact/gold (pred)':24s} {'budget exact/gold (pred)':25s} {'catalog exact/gold':18s}")
    for set_name in args.sets.split(","):
        if not SETS[set_name][1].exists():
            print(f"{set_name}: no gold at {SETS[set_name][1]}")
            continue
        for fmt in args.formats.split(","):
            r = run(set_name, fmt, args.misses)
            f = {k: v["f1"] for k, v in r["fields"].items()}
            rec = r["records"]

            def cell(kind: str) -> str:
                v = rec.get(kind)
                return f"{v['exact']}/{v['gold']} ({v['pred']})" if v else "-"
            print(f"{set_name:9s} {fmt:12s} {f['references']:6.3f} {f['dates']:6.3f} {f['amounts']:7.3f} "
                  f"{f['agencies']:8.3f}  {cell('tasks'):24s} {cell('budget'):25s} {cell('catalog'):18s} "
                  f"{r['totals']}"
                  + (f"  missing: {','.join(r['missing_predictions'])}" if r["missing_predictions"] else ""),
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
