"""The record store: one transaction per document, idempotent on (content hash, extractor
version). Re-extracting a document with the same version replaces its records."""
from __future__ import annotations

import errno
import functools
import os
import re
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock
from sqlalchemy import create_engine, delete, event, func, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from models import ExtractionResult, settings
from stores import figures, links, review
from stores.rows import fill_run
from stores.schema import BudgetRow, CatalogRow, DocumentRow, ExtractionRun, MentionRow, TaskRow

_ALEMBIC_INI = Path(__file__).with_name("alembic.ini")


DATABASE_FILE = "vanthu.sqlite"   # an intake root's database, next to its folders


def database_url(url: str | None = None, root: Path | str | None = None) -> str:
    """The one rule every command follows for its database: the URL given (--database), else
    VANTHU_DATABASE_URL, else the intake root's vanthu.sqlite (--root; `watch`: the inbox's
    parent; no root: the current folder). `serve --root R` and `watch`/`status --root R` so open
    the same queue, with or without the variable."""
    return url or settings().database_url or sqlite_url(Path(root or ".") / DATABASE_FILE)


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite database file."""
    return f"sqlite:///{Path(path).resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database or an in-memory one."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def set_aside_stale_sqlite_journal(path: Path, folder: Path) -> list[Path]:
    """A -wal or -shm file left beside a SQLite database that is gone belongs to that lost
    database: SQLite would replay it into a new file of the same name. Moved into `folder`."""
    if path.exists():
        return []
    moved = []
    for suffix in ("-wal", "-shm"):
        stale = path.with_name(path.name + suffix)
        if stale.exists():
            folder.mkdir(parents=True, exist_ok=True)
            dest = folder / f"{stale.name}.{int(stale.stat().st_mtime)}"
            os.replace(stale, dest)
            moved.append(dest)
    return moved


# Any fixed number: the PostgreSQL advisory lock every vanthu process takes to migrate.
_MIGRATION_LOCK_KEY = 0x76616E74  # 'vant'
SQLITE_BUSY_SECONDS = 30  # a writer waits this long for another process's transaction


class DatabaseError(Exception):
    """A database that cannot be opened: a bad URL, a missing driver, a server that refuses. The
    message is one line and never holds the password."""


def masked(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", url)


def one_line(exc: BaseException) -> str:
    """An error's first line, at most 300 characters (a driver's own error where one is wrapped)."""
    msg = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return (msg[0] if msg else type(exc).__name__)[:300]


@contextmanager
def _sqlite_lock(engine: Engine):
    """A file lock beside the database: two processes creating it at once migrate one at a time."""
    path = engine.url.database
    if path in (None, "", ":memory:"):
        yield
        return
    with FileLock(f"{path}.migrate.lock", mode=0o600):
        yield


def migrate(engine: Engine) -> None:
    """Bring the schema to the head revision, one process at a time (a file lock for SQLite, an
    advisory lock for PostgreSQL): the second process waits, then finds nothing to do."""
    from alembic import command  # (at first use: opening a store is rarer than importing this module)
    from alembic.config import Config
    cfg = Config(str(_ALEMBIC_INI))
    if engine.dialect.name == "sqlite":
        with _sqlite_lock(engine), engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@contextmanager
def scratch_postgres(base_url: str, prefix: str = "vanthu_scratch"):
    """A fresh, empty PostgreSQL database on the server of `base_url`, dropped afterwards (the tests'
    and the benches' databases of their own). Yields its URL."""
    import uuid
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield base_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as c:
            # Only our own sessions: an autovacuum worker on the database belongs to the superuser
            # (terminating it failed one run), and DROP DATABASE stops autovacuum by itself.
            c.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' "
                           "AND pid <> pg_backend_pid() AND usename = current_user"))
            c.execute(text(f"DROP DATABASE {name}"))
        admin.dispose()


def _create_sqlite_file(path: str, mode: int) -> None:
    """The database file with owner-only permissions (SQLite gives its -wal and -shm files the
    database's mode). Its folder must exist: a URL with a typo creates nothing."""
    if not Path(path).parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder for the database", str(Path(path).parent))
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, mode))
        os.chmod(path, mode)
    except FileExistsError:
        pass


def sqlite_file_identity(store: "Store") -> tuple[Path, int, int] | None:
    """(path, device, inode) of a SQLite database file, None for any other database: what tells
    that the file was replaced or removed while it was open."""
    path = store.engine.url.database if store.engine.dialect.name == "sqlite" else None
    if path in (None, "", ":memory:"):
        return None
    st = os.stat(path)
    return Path(path), st.st_dev, st.st_ino


@functools.cache
def _fold_table() -> dict[int, str]:
    from normalize.text import MARKED, PLAIN
    return str.maketrans(MARKED, PLAIN)


def _vn_fold(value: str | None) -> str | None:
    return None if value is None else value.translate(_fold_table()).lower()


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None, migrate_schema: bool = True, file_mode: int = 0o600) -> "Store":
        """Open (and migrate) the database at `url`; DatabaseError with a one-line message when
        it cannot be."""
        url = database_url(url)
        try:
            engine = cls._engine(url, file_mode)
            if migrate_schema:
                migrate(engine)
            else:
                with engine.connect():
                    pass
        except (ArgumentError, NoSuchModuleError, ValueError) as exc:
            raise DatabaseError(f"bad database URL {masked(url)!r}: {one_line(exc)}") from exc
        except (DBAPIError, OSError) as exc:
            raise DatabaseError(f"cannot open database {masked(url)}: {one_line(exc)}") from exc
        return cls(engine)

    @staticmethod
    def _engine(url: str, file_mode: int) -> Engine:
        parsed = make_url(url)
        if parsed.get_backend_name() != "sqlite":
            return create_engine(url, future=True, pool_pre_ping=True)
        engine = create_engine(url, future=True, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        if engine.url.database not in (None, "", ":memory:"):
            _create_sqlite_file(engine.url.database, file_mode)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # foreign keys and concurrent readers
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()
            # vn_fold(text): the search folding of normalize.text (PostgreSQL has it as a SQL
            # function, migration 0005), so filters match names typed without marks
            dbapi_conn.create_function("vn_fold", 1, _vn_fold, deterministic=True)
        return engine

    def has_result(self, sha256: str, extractor_version: str) -> bool:
        with self.sessions() as s:
            q = (select(ExtractionRun.id).join(DocumentRow)
                 .where(DocumentRow.sha256 == sha256, ExtractionRun.extractor_version == extractor_version))
            return s.execute(q).first() is not None

    def save_result(self, result: ExtractionResult) -> int:
        """Store one document's result in one transaction; returns the run id."""
        with self.sessions.begin() as s:
            doc = s.execute(select(DocumentRow).where(DocumentRow.sha256 == result.source.sha256)).scalar_one_or_none()
            if doc is None:
                doc = DocumentRow(sha256=result.source.sha256, media_type=result.source.media_type,
                                  pages=result.source.pages, path=result.source.path)
                s.add(doc)
                s.flush()
            s.execute(delete(ExtractionRun).where(ExtractionRun.document_id == doc.id,
                                                  ExtractionRun.extractor_version == result.extractor_version))
            s.flush()
            run = ExtractionRun(document_id=doc.id, extractor_version=result.extractor_version,
                                result=result.model_dump(mode="json"))
            fill_run(run, result)
            s.add(run)
            s.flush()
            review.on_extracted(s, doc, run, result)
            links.write_links(s, doc.id, run.result)   # (after the queue row: a status event names it)
            figures.write_figures(s, doc.id, run.result)
            return run.id

    def outbox_json(self, result: ExtractionResult) -> str:
        """The outbox JSON for a result just stored: with the analysts' corrections re-applied
        when the document has any (stores/review.py), else the extraction itself."""
        with self.sessions.begin() as s:
            doc_id = s.execute(select(DocumentRow.id).where(DocumentRow.sha256 == result.source.sha256)).scalar()
            return review.outbox_json(s, doc_id, result)

    def latest_runs(self, session: Session) -> list[ExtractionRun]:
        newest = (select(func.max(ExtractionRun.id)).group_by(ExtractionRun.document_id)).scalar_subquery()
        return list(session.execute(select(ExtractionRun).where(ExtractionRun.id.in_(newest))
                                    .order_by(ExtractionRun.id)).scalars())

    def counts(self) -> dict[str, int]:
        with self.sessions() as s:
            return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in
                    (DocumentRow, ExtractionRun, TaskRow, CatalogRow, BudgetRow, MentionRow)}
