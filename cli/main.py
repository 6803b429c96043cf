"""The `vanthu` command line."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def write_json_atomic(path: Path, payload: str) -> None:
    """Write to a temp file in the same folder, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_extract(args: argparse.Namespace) -> int:
    from extract.errors import ExtractionError
    from flows.extraction import extract_file

    out_dir = Path(args.output)
    failed = 0
    store = None
    if args.store:
        from stores.db import Store
        store = Store.open(args.database)
    for name in args.files:
        src = Path(name)
        try:
            if not src.is_file():
                raise ExtractionError(f"no such file: {src}")
            result = extract_file(src)
            if store is not None:
                store.save_result(result)
            write_json_atomic(out_dir / f"{src.name}.json",
                              result.model_dump_json(indent=1, exclude_none=False))
            if not args.quiet:
                print(f"ok   {src}: {len(result.references)} references, {len(result.dates)} dates, "
                      f"{len(result.amounts)} amounts, {len(result.agencies)} agencies, "
                      f"{len(result.records.tasks)} tasks, {len(result.records.catalog)} catalog items, "
                      f"{len(result.records.budget)} budget lines")
        except ExtractionError as exc:
            failed += 1
            print(f"FAIL {src}: {getattr(exc, 'reason', 'error')}: {exc}", file=sys.stderr)
        except Exception as exc:  # one bad file must not stop the batch
            failed += 1
            print(f"FAIL {src}: internal_error: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from models import ExtractionResult
    print(json.dumps(ExtractionResult.model_json_schema(), ensure_ascii=False, indent=1))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from stores.db import Store
    from stores.export import export_records
    store = Store.open(args.database)
    sys.stdout.write(export_records(store, args.kind, args.format))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vanthu", description="Extract Vietnamese official documents")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract files to JSON")
    e.add_argument("files", nargs="+")
    e.add_argument("-o", "--output", default="out")
    e.add_argument("--store", action="store_true", help="also write records to the database")
    e.add_argument("--database", default=None, help="SQLAlchemy URL (default: VANTHU_DATABASE_URL "
                                                    "or sqlite:///vanthu.sqlite)")
    e.add_argument("-q", "--quiet", action="store_true")
    e.set_defaults(func=cmd_extract)
    s = sub.add_parser("schema", help="print the JSON Schema of ExtractionResult")
    s.set_defaults(func=cmd_schema)
    x = sub.add_parser("export", help="read records back from the database")
    x.add_argument("kind", choices=["tasks", "catalog", "budget"])
    x.add_argument("--format", choices=["json", "csv"], default="json")
    x.add_argument("--database", default=None)
    x.set_defaults(func=cmd_export)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
