"""`vanthu train`: fit the learned agency scorer (ner/agency_scorer.py) on all gold there is: the
repository's sets (corpus/, each document's .docx rendition extracted again with the grammar as
it is now) and, with --database or --root, every document an analyst reviewed (its extraction
against the agencies the review kept, corrected and added)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

RENDITIONS = (".docx", ".pdf", ".doc", ".xlsx")


def _document(docs: Path, doc_id: str) -> Path | None:
    for suffix in RENDITIONS:
        path = docs / doc_id / f"{doc_id}{suffix}"
        if path.exists():
            return path
    return None


def repository_examples(set_names: list[str], quiet: bool):
    from corpus import gold_sets
    from models import ExtractOptions
    from ner.agency_training import gold_agency_names, labelled
    from pipeline import extract_file
    options = ExtractOptions(ocr=False, agency_scorer=False)
    sets = gold_sets()
    examples, documents = [], 0
    for name in set_names:
        docs, gold_dir = sets[name]
        for gold_path in sorted(gold_dir.glob("*.json")):
            path = _document(docs, gold_path.stem)
            if path is None:
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            examples += labelled(extract_file(path, options), gold_agency_names(gold))
            documents += 1
        if not quiet:
            print(f"{name}: {documents} documents so far, {len(examples)} bodies", file=sys.stderr)
    return examples, documents


def reviewed_examples(store):
    """Each reviewed document: its extraction's bodies, labelled by the reviewed result's agencies."""
    from models import ExtractionResult
    from ner.agency_training import labelled
    from stores import review
    examples, documents = [], 0
    with store.sessions() as s:
        for _, extracted, reviewed in review.reviewed_pairs(s):
            result = ExtractionResult.model_validate(extracted)
            examples += labelled(result, [a["name"] for a in reviewed.get("agencies", [])])
            documents += 1
    return examples, documents


def cmd_train(args: argparse.Namespace) -> int:
    from corpus import gold_sets
    from ner.agency_scorer import SCORER_PATH
    from ner.agency_training import fit
    names = args.sets.split(",") if args.sets else list(gold_sets())
    unknown = [n for n in names if n not in gold_sets()]
    if unknown:
        print(f"no gold set {', '.join(unknown)}; there are {', '.join(gold_sets())}", file=sys.stderr)
        return 2
    examples, documents = repository_examples(names, args.quiet)
    trained_on = f"{documents} documents of {','.join(names)}"
    if args.database or args.root:
        from stores.db import Store, database_url
        more, reviewed = reviewed_examples(Store.open(database_url(args.database, args.root)))
        examples += more
        trained_on += f" and {reviewed} reviewed documents"
    if not examples or len({label for _, label in examples}) < 2:
        print("not enough gold to train on (need bodies both in and out of gold)", file=sys.stderr)
        return 1
    scorer = fit(examples, threshold=args.threshold, c=args.c, trained_on=trained_on)
    out = Path(args.output) if args.output else SCORER_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(scorer.to_json() + "\n", encoding="utf-8")
    positives = sum(label for _, label in examples)
    print(f"agency scorer: {len(examples)} bodies ({positives} in gold) from {trained_on}; "
          f"{len(scorer.weights)} weights → {out}", file=sys.stderr)
    return 0


def add_parser(sub) -> None:
    t = sub.add_parser("train", help="fit the learned agency scorer on all gold (corpus/ and reviewed documents)")
    t.add_argument("--sets", help="comma-separated gold sets of corpus/ (default: all)")
    t.add_argument("--threshold", type=float, default=0.5,
                   help="below this probability a body is set aside as doubtful (default 0.5)")
    t.add_argument("--c", type=float, default=1.0, help="inverse L2 strength (default 1.0)")
    t.add_argument("-o", "--output", help="where to write the weights (default corpus/learned/agency_scorer.json)")
    t.add_argument("--root", help="an intake root whose reviewed documents are gold too")
    t.add_argument("--database", help="a database whose reviewed documents are gold too")
    t.add_argument("-q", "--quiet", action="store_true")
    t.set_defaults(func=cmd_train)
