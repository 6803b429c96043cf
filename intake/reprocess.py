"""`vanthu reprocess`: run the archive through the current extractor, skipping documents whose
(content hash, extractor version) already has results; parallel through a Prefect task runner
(local processes, or an existing Dask cluster with --dask ADDRESS)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from prefect import flow, task
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner
from tqdm import tqdm

import intake.prefect_env  # noqa: F401
from extract.errors import ExtractionError
from intake.ingest import open_store
from intake.workspace import write_atomic
from models import IntakeState
from pipeline import extract_file, extractor_version
from stores import intake


@task(retries=1, retry_delay_seconds=1)
def reprocess_one(archive_path: str, name: str, outbox_path: str | None, url: str) -> str:
    from stores.review import with_learned_rules
    try:
        result = extract_file(Path(archive_path), with_learned_rules(open_store(url)))
    except ExtractionError as exc:
        return f"failed:{exc.reason}"
    result = result.model_copy(update={"source": result.source.model_copy(update={"path": name})})
    open_store(url).save_result(result)
    if outbox_path:
        write_atomic(Path(outbox_path), open_store(url).outbox_json(result))
    return "done"


def select_documents(url: str, mode: str, since: dt.datetime | None, force: bool) -> tuple[list, int]:
    """(documents to run, documents skipped because the current version already has results)."""
    store = open_store(url)
    version = extractor_version()
    rows = intake.archived_documents(store, since if mode == "since" else None)
    if mode == "changed":
        rows = [r for r in rows if r.extractor_version != version]
    todo = [r for r in rows if force or not store.has_result(r.sha256, version)]
    return todo, len(rows) - len(todo)


@flow(name="reprocess")
def reprocess(database_url: str, mode: str = "all", since: dt.datetime | None = None, force: bool = False,
              show_progress: bool = True) -> dict[str, int]:
    todo, skipped = select_documents(database_url, mode, since, force)
    tally = {"skipped": skipped}
    futures = [reprocess_one.submit(r.archive_path, r.name, r.outbox_path, database_url) for r in todo]
    with tqdm(total=len(futures), unit="doc", disable=not show_progress, desc="reprocess") as bar:
        for fut in as_completed(futures):
            outcome = fut.result(raise_on_failure=False)
            key = outcome if isinstance(outcome, str) else "error"
            tally[key] = tally.get(key, 0) + 1
            bar.update(1)
    if todo:
        version = extractor_version()
        store = open_store(database_url)
        for r in todo:
            if store.has_result(r.sha256, version):
                intake.advance(store, r.sha256, IntakeState.DONE, extractor_version=version)
    return tally


def run_reprocess(database_url: str, mode: str, since: dt.datetime | None, force: bool,
                  dask_address: str | None, workers: int | None, show_progress: bool = True) -> dict[str, int]:
    if dask_address:
        from prefect_dask import DaskTaskRunner
        runner = DaskTaskRunner(address=dask_address)
    else:
        runner = ProcessPoolTaskRunner(max_workers=workers)
    return reprocess.with_options(task_runner=runner)(database_url, mode, since, force, show_progress)
