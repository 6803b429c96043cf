"""The `vanthu` command line."""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from pathlib import Path


@contextlib.contextmanager
def _time_limit(seconds: float):
    """SIGALRM ends the file in TimeLimitError after `seconds` (the main thread's Python code is
    interrupted; the watcher, with worker processes, kills instead)."""
    import signal

    from extract.errors import TimeLimitError

    class Expired(BaseException):  # not an Exception: no reader's "one bad page" handler swallows it
        pass

    def expired(_signum, _frame):
        raise Expired()
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except Expired:
        raise TimeLimitError(f"still running after {seconds:g} s (VANTHU_MAX_FILE_SECONDS); stopped") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cmd_extract(args: argparse.Namespace) -> int:
    from extract.errors import ExtractionError, io_reason
    from intake.workspace import safe_name, write_atomic
    from models import settings
    from normalize.file_names import display_name
    from pipeline import extract_file
    limit = settings().intake().max_file_seconds
    out_dir = Path(args.output)
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    store, options = None, None
    if args.store:
        from stores.db import Store, database_url
        from stores.review import with_learned_rules
        store = Store.open(database_url(args.database, args.root))
        options = with_learned_rules(store)   # what analysts taught, for the documents of this store
    for name in args.files:
        src = Path(name)
        try:
            if not src.is_file():
                raise ExtractionError(f"no such file: {src}")
            with _time_limit(limit):
                result = extract_file(src, options)
            if store is not None:
                store.save_result(result)
            write_atomic(out_dir / f"{safe_name(src.name)}.json",
                              result.model_dump_json(indent=1, exclude_none=False))
            if not args.quiet:
                print(f"ok   {display_name(str(src))}: {len(result.references)} references, {len(result.dates)} dates, "
                      f"{len(result.amounts)} amounts, {len(result.agencies)} agencies, "
                      f"{len(result.records.tasks)} tasks, {len(result.records.catalog)} catalog items, "
                      f"{len(result.records.budget)} budget lines")
        except ExtractionError as exc:
            failed += 1
            print(f"FAIL {display_name(str(src))}: {getattr(exc, 'reason', 'error')}: {display_name(str(exc))}",
                  file=sys.stderr)
        except OSError as exc:  # the file could not be read (mode 000, an I/O error): a reason, not a bug
            failed += 1
            print(f"FAIL {display_name(str(src))}: {io_reason(exc)}: {display_name(exc.strerror or str(exc))}",
                  file=sys.stderr)
        except Exception as exc:  # one bad file must not stop the batch
            failed += 1
            print(f"FAIL {display_name(str(src))}: internal_error: {type(exc).__name__}: {display_name(str(exc))}",
                  file=sys.stderr)
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from models import ExtractionResult
    print(json.dumps(ExtractionResult.model_json_schema(), ensure_ascii=False, indent=1))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from stores.db import Store, database_url
    from stores.export import export_records
    store = Store.open(database_url(args.database, args.root))
    if args.kind == "gold":
        return _export_gold(store, args.reviewed)
    sys.stdout.write(export_records(store, args.kind, args.format))
    return 0


def cmd_graph(args: argparse.Namespace) -> int:
    from stores.db import Store, database_url
    from stores.export import export_graph
    store = Store.open(database_url(args.database, args.root))
    sys.stdout.write(export_graph(store, args.format, args.key, args.depth))
    return 0


def _export_gold(store, out_dir: str | None) -> int:
    """Reviewed documents as gold files (../shared/eval/GOLD_FORMAT.md), named by content hash."""
    from intake.workspace import write_atomic
    from records.corrections import gold_of
    from stores import review
    from stores.schema import DocumentRow
    if not out_dir:
        print("vanthu export gold needs --reviewed DIR", file=sys.stderr)
        return 2
    n, taken = 0, set()
    with store.sessions() as s:
        for doc_id, _, reviewed in review.reviewed_pairs(s):
            doc = s.get(DocumentRow, doc_id)
            gold_id = Path(doc.path).name.split(".")[0] or doc.sha256[:12]
            if gold_id in taken:  # '004.pdf' and '004.scan-office.tiff' both reviewed
                gold_id = f"{gold_id}-{doc.sha256[:8]}"
            taken.add(gold_id)
            write_atomic(Path(out_dir) / f"{gold_id}.json",
                              json.dumps(gold_of(reviewed, gold_id), ensure_ascii=False, indent=1))
            n += 1
    print(f"{n} gold files in {out_dir}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from models import settings
    from web.app import create_app
    app = create_app(args.database, Path(args.root) if args.root else None)
    # X-Forwarded-For is believed only from the proxies named in VANTHU_TRUSTED_PROXIES (uvicorn's
    # default believes 127.0.0.1, so any local client could choose the address it signs in from)
    proxies = settings().trusted_proxies.strip()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning" if args.quiet else "info",
                proxy_headers=bool(proxies), forwarded_allow_ips=proxies or None)
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    import getpass
    import os

    from stores.db import Store, database_url
    from web.auth import AuthError, add_user
    password = os.environ.get("VANTHU_NEW_PASSWORD") or getpass.getpass(f"password for {args.name}: ")
    try:
        add_user(Store.open(database_url(args.database, args.root)), args.name, password, args.role)
    except AuthError as exc:
        print(f"vanthu user add: {exc.reason}: {exc}", file=sys.stderr)
        return 2
    print(f"user {args.name} ({args.role})")
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    from stores.db import Store, database_url
    from web.auth import create_token
    print(create_token(Store.open(database_url(args.database, args.root)), args.name, args.role))
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from intake.watcher import watch_inbox
    from intake.worker import dump_stacks_on_signal
    dump_stacks_on_signal()
    inbox = getattr(args, "inbox", None)
    tally = watch_inbox(inbox, args.root, args.database, settle_seconds=getattr(args, "settle", None),
                        scan_seconds=getattr(args, "scan", None), exit_when_idle=args.exit_when_idle,
                        max_seconds=args.max_seconds, workers=args.workers)
    print("watch finished:" if inbox is not None else "work finished:", json.dumps(tally, ensure_ascii=False))
    if tally.get("stopped_by"):
        print(f"vanthu: stopped: {tally['stopped_by']} (vanthu status --root … says more)", file=sys.stderr)
        return 2
    # Entries given up on stay in the inbox (vanthu status lists them): a batch should know.
    return 1 if tally.get("given_up") else 0


def _intake_url(args: argparse.Namespace) -> str:
    from stores.db import database_url
    return database_url(args.database, getattr(args, "root", None))


def cmd_reprocess(args: argparse.Namespace) -> int:
    from intake.reprocess import run_reprocess
    mode = "since" if args.since else ("changed" if args.changed else "all")
    since = dt.datetime.fromisoformat(args.since).replace(tzinfo=dt.timezone.utc) if args.since else None
    tally = run_reprocess(_intake_url(args), mode, since, args.force, args.dask, args.workers,
                          show_progress=not args.quiet)
    print("reprocess finished:", json.dumps(tally, ensure_ascii=False))
    return 0 if not any(k.startswith(("failed", "error")) for k in tally) else 1


def cmd_rebuild(args: argparse.Namespace) -> int:
    """Recreate the intake database from the archive, the outbox and quarantine (intake/rebuild.py)."""
    from intake.faults import read_states
    from intake.rebuild import rebuild
    from intake.workspace import Workspace, owner_alive
    from normalize.file_names import display_name
    from stores.db import Store, set_aside_stale_sqlite_journal, sqlite_path
    root = Path(args.root)
    if not (root / "archive").is_dir():
        print(f"vanthu: no intake at {display_name(str(root))}: it has no archive/", file=sys.stderr)
        return 1
    ws = Workspace.of_root(root)
    running = read_states(ws.watchers, owner_alive)
    if running:
        print(f"vanthu: {len(running)} watcher(s) still run on {display_name(str(root))} "
              f"({', '.join(w['owner'] for w in running)}): stop them first", file=sys.stderr)
        return 1
    url = _intake_url(args)
    db_file = sqlite_path(url)
    if db_file is not None:
        for moved in set_aside_stale_sqlite_journal(db_file, root / "lost+found"):
            print(f"set aside {display_name(str(moved))} (the journal of the database that was lost)")
    done = rebuild(ws, Store.open(url))
    print("rebuild finished:", json.dumps(done.as_dict(), ensure_ascii=False))
    return 1 if done.problems else 0


def cmd_status(args: argparse.Namespace) -> int:
    """Counts per state, the last failures, and each running watcher's state (a fault it is paused
    on) — the watchers' own files say that even when the database cannot be read."""
    from intake.faults import fault_of, read_states
    from intake.workspace import Workspace, owner_alive
    from normalize.file_names import display_name
    from stores import intake
    from stores.db import Store, sqlite_path
    root = Path(args.root)
    url = _intake_url(args)
    db_file = sqlite_path(url)
    if not root.is_dir() or db_file is not None and not db_file.exists():
        missing = root if not root.is_dir() else db_file
        print(f"vanthu: no intake at {display_name(str(root))}: {display_name(str(missing))} does not exist",
              file=sys.stderr)
        return 2
    watchers = read_states(Workspace(root / "inbox", root).watchers, owner_alive)
    try:
        st = intake.status(Store.open(url), args.failures)
        database = None
    except Exception as exc:  # a fault of the database is what status must name, not a traceback
        fault, message = fault_of(exc)
        st = {"counts": {}, "failures": [], "entries": [], "working": []}
        database = {"fault": str(fault), "message": message}
    st.update(watchers=watchers, database=database)
    if args.json:
        print(json.dumps(st, ensure_ascii=False, indent=1))
        return 1 if database else 0
    if database:
        print(f"database      {database['fault']}: {display_name(database['message'])}")
    for w in watchers:
        fault = f" on {w['fault']} since {(w['since'] or '')[:19]} ({w['tries']} tries): " \
                f"{display_name(w['message'] or '')}" if w.get("fault") else ""
        print(f"watcher       {w['owner']}: {w['state']}{fault}")
    if database:
        return 1
    from models import EntryState, IntakeState
    for state in [*IntakeState, "duplicate", EntryState.RETRYING, EntryState.GIVEN_UP, EntryState.SET_ASIDE]:
        print(f"{state:13s} {st['counts'].get(state, 0)}")
    if st["working"]:
        print("in progress:")
        for w in st["working"]:
            print(f"  {display_name(w['name'])}  [{w['state']}] held by {w['holder']} until {(w['until'] or '')[:19]}")
    if st["entries"]:
        print("inbox entries not taken:")
        for e in st["entries"]:
            nxt = f", next try {e['next_try_at'][:19]}" if e["next_try_at"] else ""
            print(f"  {e['at'][:19]}  {display_name(e['name'])}  [{e['state']}: {e['reason']}, {e['attempts']} "
                  f"tries{nxt}] {display_name(e['message'] or '')}")
    if st["failures"]:
        print("last failures:")
        for f in st["failures"]:
            print(f"  {f['at'][:19]}  {display_name(f['name'])}  [{f['stage']}] {display_name(f['reason'] or '')}")
    return 0


_DATABASE_HELP = ("SQLAlchemy URL (default: VANTHU_DATABASE_URL, else the root's vanthu.sqlite; the same rule "
                  "for every command)")


def _database_args(parser: argparse.ArgumentParser, root_help: str = "intake root (default: the current folder)",
                   **root_kw) -> None:
    parser.add_argument("--root", default=root_kw.get("default"), required=root_kw.get("required", False),
                        help=root_help)
    parser.add_argument("--database", default=None, help=_DATABASE_HELP)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vanthu", description="Extract Vietnamese official documents")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract files to JSON")
    e.add_argument("files", nargs="+")
    e.add_argument("-o", "--output", default="out")
    e.add_argument("--store", action="store_true", help="also write records to the database")
    _database_args(e)
    e.add_argument("-q", "--quiet", action="store_true")
    e.set_defaults(func=cmd_extract)
    s = sub.add_parser("schema", help="print the JSON Schema of ExtractionResult")
    s.set_defaults(func=cmd_schema)
    x = sub.add_parser("export", help="read records back from the database")
    x.add_argument("kind", choices=["tasks", "catalog", "budget", "gold"])
    x.add_argument("--format", choices=["json", "csv"], default="json")
    x.add_argument("--reviewed", metavar="DIR", help="gold: write reviewed documents as gold files into DIR")
    _database_args(x)
    x.set_defaults(func=cmd_export)
    gr = sub.add_parser("graph", help="the document graph: typed citations between stored documents")
    gr.add_argument("--format", choices=["json", "graphml", "dot"], default="json")
    gr.add_argument("--key", help="only the documents around this số/ký hiệu ('57-NQ/TW')")
    gr.add_argument("--depth", type=int, default=1, help="with --key: links away, both ways (default 1)")
    _database_args(gr)
    gr.set_defaults(func=cmd_graph)
    w = sub.add_parser("watch", help="watch an inbox folder and ingest what lands there")
    w.add_argument("inbox")
    _database_args(w, "folder for archive/, quarantine/, outbox/ and the database (default: the inbox's parent)")
    w.add_argument("--settle", type=float, default=None, help="seconds a file must hold still (default 2.5; "
                                                              "VANTHU_SETTLE_SECONDS; raise it for network shares)")
    w.add_argument("--scan", type=float, default=None, help="seconds between safety-net scans (default 10)")
    w.add_argument("--workers", type=int, default=None, help="ingest worker processes (default: cores)")
    w.add_argument("--exit-when-idle", action="store_true",
                   help="stop once nothing is left but entries given up on or set aside")
    w.add_argument("--max-seconds", type=float, default=None)
    w.set_defaults(func=cmd_watch)
    k = sub.add_parser("work", help="process files other watchers archived (shared archive and database)")
    _database_args(k, "the shared intake root (archive/, quarantine/, outbox/)", required=True)
    k.add_argument("--workers", type=int, default=None)
    k.add_argument("--exit-when-idle", action="store_true")
    k.add_argument("--max-seconds", type=float, default=None)
    k.set_defaults(func=cmd_watch)
    r = sub.add_parser("reprocess", help="re-run the archive through the current extractor")
    g = r.add_mutually_exclusive_group()
    g.add_argument("--all", action="store_true", help="every archived document (default)")
    g.add_argument("--since", metavar="DATE", help="documents received on or after DATE (YYYY-MM-DD)")
    g.add_argument("--changed", action="store_true", help="documents last extracted by another version")
    r.add_argument("--force", action="store_true", help="also documents that have current results")
    r.add_argument("--dask", metavar="ADDRESS", help="run on an existing Dask cluster (tcp://host:8786)")
    r.add_argument("--workers", type=int, default=None, help="local worker processes (default: cores)")
    _database_args(r, default=".")
    r.add_argument("-q", "--quiet", action="store_true")
    r.set_defaults(func=cmd_reprocess)
    rb = sub.add_parser("rebuild", help="recreate the intake database from the archive, outbox and quarantine")
    _database_args(rb, "the intake root (archive/, outbox/, quarantine/)", required=True)
    rb.set_defaults(func=cmd_rebuild)
    st = sub.add_parser("status", help="counts per state and the last failures")
    _database_args(st, default=".")
    st.add_argument("--failures", type=int, default=10)
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_status)
    sv = sub.add_parser("serve", help="the review app and the HTTP API")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    _database_args(sv, "intake root: uploads/, archive/, outbox/, cache/ (default: VANTHU_SERVE_ROOT or .)")
    sv.add_argument("-q", "--quiet", action="store_true")
    sv.set_defaults(func=cmd_serve)
    from cli.train import add_parser as add_train
    add_train(sub)
    u = sub.add_parser("user", help="manage review app users")
    usub = u.add_subparsers(dest="user_command", required=True)
    ua = usub.add_parser("add", help="add a user or change their role and password (VANTHU_NEW_PASSWORD or prompt)")
    ua.add_argument("name")
    ua.add_argument("--role", choices=["viewer", "reviewer", "admin"], required=True)
    _database_args(ua)
    ua.set_defaults(func=cmd_user)
    tk = sub.add_parser("token", help="bearer tokens for systems")
    tsub = tk.add_subparsers(dest="token_command", required=True)
    tc = tsub.add_parser("create", help="print a new token (shown once)")
    tc.add_argument("--name", default="system")
    tc.add_argument("--role", choices=["viewer", "reviewer", "admin"], required=True)
    _database_args(tc)
    tc.set_defaults(func=cmd_token)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except Exception as exc:
        # A DatabaseError exists only where a command opened a database: stores.db (SQLAlchemy,
        # 0.6 s) is not imported for `vanthu extract` without --store.
        db = sys.modules.get("stores.db")
        if db is None or not isinstance(exc, db.DatabaseError):
            raise
        from normalize.file_names import display_name
        print(f"vanthu: {display_name(str(exc))}", file=sys.stderr)   # one line, no traceback, no password
        return 2


def run() -> None:
    """The `vanthu` script: main(), then freeze the objects still alive before the interpreter
    exits. Its last collections walk every tracked object (the places index and the word list
    are ~1 M), and frozen ones are skipped: `vanthu extract 004.pdf` 0.53 → 0.44 s (six runs
    each, 2026-12-07). Not where a command opened a database: frozen objects are never finalized,
    and a SQLite connection left in a cycle would keep its data in the -wal file (the review of
    this change found `extract --store` leaving a 4 KB database and a 1.2 MB WAL). Not in main():
    tests call that in their own long-lived process."""
    code = main()
    if "stores.db" not in sys.modules:
        import gc
        gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
