"""The intake as Prefect flows, for runs to show in a Prefect server's UI and for deployments on
a work pool: the watcher's workers run `ingest_document` when PREFECT_API_URL names a server.
Without one the same steps run as plain calls: Prefect's ephemeral server took 13–15 s to start
and ~230 MB, and outlived a watcher stopped by SIGTERM."""
from __future__ import annotations

from pathlib import Path

from prefect import flow

import intake.prefect_env  # noqa: F401  (must precede the prefect import)
from intake.ingest import process_document
from intake.workspace import Workspace


@flow(name="ingest_document", log_prints=False)
def ingest_document(sha256: str, root: str, database_url: str, file_mode: int = 0o600) -> str:
    """One archived file through extraction to the store and the outbox, or to quarantine."""
    return str(process_document(Workspace.of_root(Path(root)), database_url, sha256, None, file_mode))


__all__ = ["ingest_document"]
